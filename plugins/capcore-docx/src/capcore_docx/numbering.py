"""The numbers Word shows before automatically numbered paragraphs.

Word keeps a list item's number out of its text: the paragraph names a
numbering instance (``w:numPr``, on the paragraph or its style) and Word
counts. A plan typed with automatic numbering (``1.``, ``1.1.``) would lose
its numbers if only the text were read, so this module counts as Word does
for the common cases: decimal, letter and roman formats, ``w:lvlText``
patterns such as ``%1.%2.``, start values, start overrides, and deeper
levels restarting when a shallower one advances. Bullets give no number.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from lxml import etree

from capcore_docx.ooxml import w
from capcore_docx.package import WordPackage

__all__ = ["ListNumbers"]

_VAL = w("val")
_ROMAN = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip
_MAX_LEVELS = 9


def _roman(value: int) -> str:
    out = []
    for amount, letters in _ROMAN:
        count, value = divmod(value, amount)
        out.append(letters * count)
    return "".join(out)


def _letters(value: int) -> str:
    # Word repeats the letter past z: a..z, aa..zz, aaa...
    value = max(value, 1)
    return chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)


def _format(value: int, fmt: str) -> str:
    formats: dict[str, Callable[[int], str]] = {
        "decimal": str,
        "decimalZero": lambda v: f"{v:02}",
        "lowerLetter": _letters,
        "upperLetter": lambda v: _letters(v).upper(),
        "lowerRoman": _roman,
        "upperRoman": lambda v: _roman(v).upper(),
        "russianLower": _letters,  # rare; letters are the honest approximation
    }
    return formats.get(fmt, str)(value)


class _Level:
    def __init__(self, lvl: etree._Element | None) -> None:
        def val(name: str, default: str) -> str:
            found = lvl.find(w(name)) if lvl is not None else None
            return found.get(_VAL, default) if found is not None else default

        start = val("start", "1")
        self.start = int(start) if start.lstrip("-").isdigit() else 1
        self.format = val("numFmt", "decimal")
        self.text = val("lvlText", "")


class ListNumbers:
    """Counts a document's automatic numbering in document order.

    Call :meth:`number_of` for each body paragraph in order: numbers depend
    on the paragraphs before.
    """

    def __init__(self, package: WordPackage) -> None:
        """Read the numbering definitions and paragraph styles of ``package``."""
        self._levels: dict[str, dict[int, _Level]] = {}
        self._overrides: dict[str, dict[int, int]] = {}
        self._abstract_of: dict[str, str] = {}
        self._style_names: dict[str, str] = {}
        self._style_numbering: dict[str, tuple[str, int]] = {}
        self._counters: dict[str, list[int | None]] = defaultdict(lambda: [None] * _MAX_LEVELS)
        self._read_numbering(package.numbering)
        self._read_styles(package.styles)

    def _read_numbering(self, numbering: etree._Element | None) -> None:
        if numbering is None:
            return
        abstracts = {
            a.get(w("abstractNumId"), ""): a for a in numbering.iterchildren(w("abstractNum"))
        }
        for num in numbering.iterchildren(w("num")):
            num_id = num.get(w("numId"), "")
            ref = num.find(w("abstractNumId"))
            abstract_id = ref.get(_VAL, "") if ref is not None else ""
            abstract = abstracts.get(abstract_id)
            levels: dict[int, _Level] = {}
            if abstract is not None:
                for lvl in abstract.iterchildren(w("lvl")):
                    ilvl = lvl.get(w("ilvl"), "0")
                    if ilvl.isdigit():
                        levels[int(ilvl)] = _Level(lvl)
            overrides: dict[int, int] = {}
            for override in num.iterchildren(w("lvlOverride")):
                ilvl = override.get(w("ilvl"), "0")
                start = override.find(w("startOverride"))
                value = start.get(_VAL, "") if start is not None else ""
                if ilvl.isdigit() and value.isdigit():
                    overrides[int(ilvl)] = int(value)
                replaced = override.find(w("lvl"))
                if replaced is not None and ilvl.isdigit():
                    levels[int(ilvl)] = _Level(replaced)
            self._levels[num_id] = levels
            self._overrides[num_id] = overrides
            self._abstract_of[num_id] = abstract_id

    def _read_styles(self, styles: etree._Element | None) -> None:
        if styles is None:
            return
        for style in styles.iterchildren(w("style")):
            style_id = style.get(w("styleId"), "")
            name = style.find(w("name"))
            self._style_names[style_id] = name.get(_VAL, style_id) if name is not None else style_id
            num_pr = style.find(f"{w('pPr')}/{w('numPr')}")
            if num_pr is not None:
                self._style_numbering[style_id] = _num_pr(num_pr, default_level=0)

    def style_name(self, p: etree._Element) -> str:
        """Return the name of the paragraph's style (``Heading 1``), or ``""``."""
        style = p.find(f"{w('pPr')}/{w('pStyle')}")
        style_id = style.get(_VAL, "") if style is not None else ""
        return self._style_names.get(style_id, style_id)

    def number_of(self, p: etree._Element) -> tuple[str, int | None]:
        """Return the number Word shows before ``p`` (or ``""``) and its list level (or None)."""
        found = self._numbering_of(p)
        if found is None:
            return "", None
        num_id, level = found
        levels = self._levels.get(num_id)
        if not levels or num_id == "0":
            return "", None  # numId 0 switches numbering off
        level = min(max(level, 0), _MAX_LEVELS - 1)
        # Instances of one abstract list continue its count, unless one restarts it.
        restarts = bool(self._overrides.get(num_id))
        counters = self._counters[num_id if restarts else self._abstract_of.get(num_id, num_id)]
        start = self._start(num_id, level)
        current = counters[level]
        counters[level] = start if current is None else current + 1
        for deeper in range(level + 1, _MAX_LEVELS):
            counters[deeper] = None
        definition = levels.get(level)
        if definition is None or definition.format in ("bullet", "none"):
            return "", level
        text = definition.text
        for index in range(level + 1):
            value = counters[index]
            if value is None:
                value = self._start(num_id, index)
            fmt = levels[index].format if index in levels else "decimal"
            text = text.replace(f"%{index + 1}", _format(value, fmt))
        return text.strip(), level

    def _start(self, num_id: str, level: int) -> int:
        override = self._overrides.get(num_id, {}).get(level)
        if override is not None:
            return override
        definition = self._levels.get(num_id, {}).get(level)
        return definition.start if definition is not None else 1

    def _numbering_of(self, p: etree._Element) -> tuple[str, int] | None:
        num_pr = p.find(f"{w('pPr')}/{w('numPr')}")
        if num_pr is not None:
            return _num_pr(num_pr, default_level=0)
        style = p.find(f"{w('pPr')}/{w('pStyle')}")
        if style is not None:
            return self._style_numbering.get(style.get(_VAL, ""))
        return None


def _num_pr(num_pr: etree._Element, *, default_level: int) -> tuple[str, int]:
    num_id = num_pr.find(w("numId"))
    ilvl = num_pr.find(w("ilvl"))
    level_text = ilvl.get(_VAL, "") if ilvl is not None else ""
    level = int(level_text) if level_text.isdigit() else default_level
    return (num_id.get(_VAL, "") if num_id is not None else ""), level
