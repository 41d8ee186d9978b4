"""The languages capcore reads and writes plans in: one list, one check."""

from __future__ import annotations

from capcore._type_checking import TYPE_CHECKING
from capcore.errors import CapcoreError

if TYPE_CHECKING:
    from typing import Final

__all__ = ["DEFAULT_LOCALE", "LOCALES", "UnknownLocaleError", "check_locale"]

LOCALES: Final = ("bg", "en")
"""The supported locales: Bulgarian (the default) and English."""

DEFAULT_LOCALE: Final = "bg"
"""The locale used when none is given."""


class UnknownLocaleError(CapcoreError, ValueError):
    """A locale capcore does not support (also a ValueError: a wrong argument value)."""


def check_locale(locale: str) -> str:
    """Return ``locale`` if capcore supports it.

    Raises:
        UnknownLocaleError: It is not one of :data:`LOCALES`.
    """
    if locale not in LOCALES:
        raise UnknownLocaleError(f"unknown locale {locale!r}; expected one of {', '.join(LOCALES)}")
    return locale
