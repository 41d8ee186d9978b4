"""References to CAF criteria and sub-criteria, and the CAF versions.

CAF 2020 and CAF 2013 share the same 9 criteria and 28 sub-criteria numbers
(only some titles differ), so a reference is matched by number. A plan may
cite a lettered example (``4.5 b``) or a whole criterion (``4``). The titles
live in :mod:`capcore.caf_catalogue`.

:meth:`CafRef.parse` reads one reference as plans write it and
:func:`parse_caf_refs` reads a cell that holds several. Both check the form
only: ``3.4`` parses although no CAF version has it, so that validation can
flag it against the catalogue.

Example letters may be written in Cyrillic; they are stored as lower-case
Latin letters by their place in the Bulgarian alphabet, see
:data:`CYRILLIC_EXAMPLE_LETTERS`.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping
from types import MappingProxyType

import attrs

from capcore.errors import CapcoreError

__all__ = [
    "CYRILLIC_EXAMPLE_LETTERS",
    "CafRef",
    "CafRefError",
    "CafVersion",
    "parse_caf_refs",
]

CYRILLIC_EXAMPLE_LETTERS: Mapping[str, str] = MappingProxyType(
    {
        "а": "a",
        "б": "b",
        "в": "c",
        "г": "d",
        "д": "e",
        "е": "f",
        "ж": "g",
        "з": "h",
        "и": "i",
    }
)
"""Cyrillic example letters and the Latin letters they are stored as.

Bulgarian plans number examples а, б, в, г, ... in alphabetical order, so a
Cyrillic letter maps to the Latin letter at the same place: а->a, б->b, в->c,
г->d, д->e, е->f, ж->g, з->h, и->i. Note that ``в`` and ``е`` become ``c`` and
``f``, not the Latin letters they look like. The mapping stops at и: Bulgarian
enumerations usually skip й, so whether к means the 10th (``j``) or the 11th
(``k``) example is ambiguous, and such letters are rejected rather than guessed.
"""

_EXPECTED = "expected a criterion 1-9 (4, критерий 4), a sub-criterion (4.5) or an example (4.5 b)"

_REF_RE = re.compile(
    r"""
    (?:
        (?:
            (?P<subword>под-?\s*критери[йи]|sub-?\s*criteri(?:on|a))
            |критери[йи]
            |criteri(?:on|a)
        )
        \s*
    )?
    (?P<criterion>[0-9]+)
    (?:\.(?P<sub>[0-9]+))?
    (?:
        \s*\.?\s*
        (?:\((?P<paren>[^\W\d_])\)|(?P<letter>[^\W\d_])\)?)
    )?
    \.?
    """,
    re.IGNORECASE | re.VERBOSE,
)

_SEPARATOR_RE = re.compile(r"[,;/&\n\r]|\s+(?:и|and)\s+", re.IGNORECASE)


class CafRefError(CapcoreError):
    """Text that is not a CAF reference, or a reference a catalogue does not hold.

    Attributes:
        text: The offending text, as given.
        problem: What is wrong and what was expected.
    """

    def __init__(self, text: str, problem: str) -> None:
        """Build the error from the offending text and what was expected."""
        self.text = text
        self.problem = problem
        super().__init__(f"{text!r}: {problem}")


class CafVersion(enum.StrEnum):
    """The CAF edition a self-assessment and its plan follow."""

    CAF_2020 = "2020"
    CAF_2013 = "2013"


@attrs.frozen(order=True)
class CafRef:
    """A reference to a CAF criterion, sub-criterion, or lettered example.

    Attributes:
        criterion: The criterion number (1-9).
        sub: The sub-criterion number within it (``5`` in ``4.5``), or None
            for a reference to the whole criterion.
        example: The example letter (``b`` in ``4.5 b``), lower case, or None.
    """

    criterion: int
    sub: int | None = None
    example: str | None = None

    @property
    def code(self) -> str:
        """The sub-criterion (or criterion) number without the example: ``4.5``."""
        return str(self.criterion) if self.sub is None else f"{self.criterion}.{self.sub}"

    def __str__(self) -> str:
        """Return the reference as plans write it: ``4``, ``4.5``, ``4.5 b``."""
        return self.code if self.example is None else f"{self.code} {self.example}"

    @classmethod
    def parse(cls, text: str) -> CafRef:
        """Read one reference as plans write it.

        Accepted forms: ``4``, ``4.5``, ``4.5 b``, ``4.5.b``, ``4.5b``,
        ``4.5 (b)``, ``4.5 б)``, with an optional word in front (``критерий 4``,
        ``подкритерий 4.5``, ``criterion 4``, ``sub-criterion 4.5``, singular or
        plural, any case) and an optional full stop at the end. ``критерий
        4.5`` is read as 4.5, as loose usage writes it, but a sub-criterion
        word needs a sub-criterion number (``подкритерий 4`` is an error).
        Example letters may be Latin or Cyrillic (see
        :data:`CYRILLIC_EXAMPLE_LETTERS`); they are stored as lower-case Latin
        letters.

        Only the form is checked: the criterion must be 1-9 and the
        sub-criterion a positive whole number, but whether it exists is for
        the catalogue (:mod:`capcore.caf_catalogue`) to say.

        Args:
            text: The reference.

        Returns:
            The reference.

        Raises:
            CafRefError: If the text is not one CAF reference.
        """
        match = _REF_RE.fullmatch(text.strip())
        if match is None:
            raise CafRefError(text, f"not a CAF reference; {_EXPECTED}")
        criterion_text, sub_text = match["criterion"], match["sub"]
        if len(criterion_text) != 1 or criterion_text == "0":
            raise CafRefError(text, f"CAF has criteria 1-9, not {criterion_text}; {_EXPECTED}")
        if sub_text is not None and sub_text.startswith("0"):
            raise CafRefError(
                text,
                f"the sub-criterion number {sub_text} must be a positive whole number "
                f"without leading zeros; {_EXPECTED}",
            )
        letter = match["paren"] or match["letter"]
        if sub_text is None:
            if match["subword"] is not None:
                raise CafRefError(text, f"a sub-criterion needs a number such as 4.5; {_EXPECTED}")
            if letter is not None:
                raise CafRefError(
                    text,
                    f"an example letter belongs to a sub-criterion (4.5 b), "
                    f"not to a criterion; {_EXPECTED}",
                )
        return cls(
            int(criterion_text),
            None if sub_text is None else int(sub_text),
            None if letter is None else _example_letter(text, letter),
        )


def _example_letter(text: str, letter: str) -> str:
    """Return the stored (lower-case Latin) form of an example letter."""
    lower = letter.lower()
    if "a" <= lower <= "z":
        return lower
    if lower in CYRILLIC_EXAMPLE_LETTERS:
        return CYRILLIC_EXAMPLE_LETTERS[lower]
    raise CafRefError(
        text,
        f"the example letter {letter!r} is neither a Latin letter nor one of the "
        f"Cyrillic letters а-и; {_EXPECTED}",
    )


def parse_caf_refs(text: str) -> tuple[CafRef, ...]:
    """Read a cell that holds any number of CAF references.

    References may be separated by commas, semicolons, slashes, ``&``, line
    breaks, or the words ``и`` and ``and``: ``1.2, 2.3``, ``1.2/2.4``,
    ``1.2 и 2.3``. Each part is read with :meth:`CafRef.parse`. Empty parts
    (``1.2;``) are skipped.

    Args:
        text: The cell text.

    Returns:
        The references in the order written, each only once; ``()`` for empty
        or blank text.

    Raises:
        CafRefError: If any part is not a CAF reference; the message names the
            part and the whole text. A lone letter (``4.5 а, б``) is such a
            part: importers keep the text rather than guess.
    """
    refs: list[CafRef] = []
    for raw_part in _SEPARATOR_RE.split(text):
        part = raw_part.strip()
        if not part:
            continue
        try:
            ref = CafRef.parse(part)
        except CafRefError as error:
            if part == text.strip():
                raise
            raise CafRefError(text, f"the part {part!r}: {error.problem}") from error
        if ref not in refs:
            refs.append(ref)
    return tuple(refs)
