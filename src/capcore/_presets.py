"""Looking up named presets: progress policies and prioritisation methods share the rule.

A preset is a frozen value registered under a name; a value equal to a
preset carries that name, so a custom value that happens to equal one is
reported by the preset's name.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TypeVar

__all__ = ["named_preset", "preset_name_of"]

_T = TypeVar("_T")


def named_preset(
    presets: Mapping[str, _T], name: str, what: str, error: Callable[[str], Exception]
) -> _T:
    """Return the preset called ``name``.

    Args:
        presets: The registry, name to value.
        name: The name asked for.
        what: What a preset is, for the message (``progress policy``).
        error: The exception type to raise, called with the message.

    Raises:
        Exception: ``error(message)`` when no preset has that name; the
            message lists the names there are.
    """
    try:
        return presets[name]
    except KeyError:
        known = ", ".join(presets)
        raise error(f"unknown {what} {name!r}; expected one of {known}") from None


def preset_name_of(presets: Mapping[str, _T], value: _T) -> str | None:
    """Return the name of the preset equal to ``value``, or None for a custom value."""
    for name, preset in presets.items():
        if preset == value:
            return name
    return None
