"""Read a budget as people write it in plans: :func:`parse_budget`.

The reader looks for independent pieces and combines them: a sum of money
(``3 500 лв.``, ``€2000``), words that make it a floor (``не по-малко от``) or
yearly (``годишно``), ``N/A``, the annual budget, person-days, a percentage,
counted things (``12 приемни``) and funding sources with their shares.
Bulgarian and English words are read whatever the locale. The text is kept as
written; what cannot be read is left out, so the reader never fails on text.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import NamedTuple

import attrs

from capcore.budget import Budget, FundingShare, Quantity
from capcore.locales import check_locale
from capcore.money import Currency, Money

__all__ = ["parse_budget"]

_Span = tuple[int, int]

# Digits are [0-9], not \d: \d also matches digits of other scripts, which no
# plan uses. Thousands are grouped with spaces (3 500, also no-break and thin
# spaces), with dots (1.500,50) or with commas (1,500.50). The decimal part has
# one or two digits; real plans put a space after the decimal comma
# (3 919 283, 43 лв.).
_SPACE = "[ \u00a0\u2009\u202f]"
_NUMBER = (
    rf"(?P<whole>[0-9]{{1,3}}(?:{_SPACE}[0-9]{{3}})+|[0-9]{{1,3}}(?:\.[0-9]{{3}})+"
    r"|[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)"
    rf"(?P<cents>[.,]{_SPACE}?[0-9]{{1,2}}(?![0-9]))?"
)
# "5 хил. лв." is a common way to write 5000 лв.
_SCALE = r"(?:(?P<scale>хил|млн)\.?\s*)?"
_CURRENCY = r"(?P<currency>лева|лев|лв|bgn|евро|eur|€)(?!\w)"
# The usual order, number then currency: "3500 лева", "2 000 €". The
# look-behind keeps the reader from starting inside a longer number or code.
_AMOUNT_AFTER = re.compile(rf"(?<![\w.,]){_NUMBER}\s*{_SCALE}{_CURRENCY}", re.IGNORECASE)
# Codes and the euro sign may come first: "BGN 3500", "€2000".
_AMOUNT_BEFORE = re.compile(rf"(?<!\w)(?P<currency>bgn|eur|€)\s*{_NUMBER}(?![0-9])", re.IGNORECASE)
_SCALES = {"хил": Decimal(1000), "млн": Decimal(1_000_000)}
_EUR_WORDS = frozenset({"евро", "eur", "€"})

# "10%", "85 %", "10 процента"; the pattern is shared with the funding shares.
_PERCENT = (
    r"(?<![\w.,])(?P<value>[0-9]+(?:[.,][0-9]+)?)\s?"
    r"(?:%|(?:процента?|percent|per\s+cent)(?!\w))"
)
_PERCENT_ONLY = re.compile(_PERCENT, re.IGNORECASE)
# A funding source runs up to the next separator: "85% ЕСФ / 15% ...",
# "... фонд и 15% ...", a comma, a digit, or the end of a sentence.
_SOURCE = (
    r"(?P<source>[^\W\d_][^,;/+()0-9\n]*?)"
    r"(?=\s*(?:[,;/+()0-9\n]|$)|\s+(?:и|and|&)\s|\.(?:\s|$))"
)
_PERCENT_SHARE = re.compile(
    rf"{_PERCENT}\s*(?:(?:от|from|of|by)\s+)?(?:the\s+)?{_SOURCE}", re.IGNORECASE
)
# "проекти, финансирани от фондовете на ЕС": a source with no share.
_NAMED_SOURCE = re.compile(
    r"(?<!\w)(?:(?:съ)?финансира\w*|(?:co-?)?(?:financed|funded))"
    rf"\s+(?:от|чрез|by|from|through)\s+(?:the\s+)?{_SOURCE}",
    re.IGNORECASE,
)
# A lone share is funding only when its source names money ("10% увеличение
# на средствата" is a target, "15% национално съфинансиране" is funding).
_FUNDING_WORD = re.compile(
    r"фонд|финансир|програм|fund|financ|programme|(?<!\w)(?:ес|есф|ефрр|esf|erdf|eu)(?!\w)",
    re.IGNORECASE,
)

_PERSON_DAYS = re.compile(
    r"(?<![\w.,])(?P<value>[0-9]+(?:[.,][0-9]+)?)\s*"
    r"(?:човеко[-\s]?д(?:ни|ена|ен)|(?:person|man)[-\s]?days?)(?!\w)",
    re.IGNORECASE,
)
# Any other number followed by a word of three or more letters is a count.
_QUANTITY = re.compile(r"(?<![\w.,/-])(?P<value>[0-9]+(?:[.,][0-9]+)?)\s+(?P<unit>[^\W\d_]{3,})")
# Words after a number that make it a time, not a count: "през 2018 година".
_NOT_A_UNIT = re.compile(
    r"год\w*|месе\w*|year\w*|month\w*|януари|февруари|март|април|юни|юли|август|"
    r"септември|октомври|ноември|декември|january|february|march|april|june|july|"
    r"august|september|october|november|december",
    re.IGNORECASE,
)

_AT_LEAST = re.compile(
    r"(?<!\w)(?:не\s+по[-\s]?малко\s+от|най[-\s]?малко|минимум|поне|at\s+least|minimum"
    r"|no\s+less\s+than|not\s+less\s+than)(?!\w)",
    re.IGNORECASE,
)
_PER_YEAR = re.compile(
    r"(?<!\w)(?:годишно|на\s+година|всяка\s+година|per\s+year|per\s+annum|a\s+year"
    r"|annually|yearly|each\s+year|every\s+year)(?!\w)",
    re.IGNORECASE,
)
_WITHIN_ANNUAL_BUDGET = re.compile(
    r"(?<!\w)(?:(?:в\s+рамките\s+на|според|съгласно)\s+"
    r"(?:(?:годишния|утвърдения|възможностите\s+на)\s+)?бюджет"
    r"|(?:within|according\s+to)\s+the\s+(?:(?:annual|approved)\s+)?budget)",
    re.IGNORECASE,
)
_NOT_APPLICABLE = re.compile(
    r"(?<!\w)(?:n/a|неприложимо|не\s+е\s+приложимо|не\s+се\s+изисква|без\s+разходи"
    r"|not\s+applicable|no\s+costs?)(?!\w)",
    re.IGNORECASE,
)
# Short marks that mean "nothing" only when they are the whole cell.
_NOTHING = re.compile(r"[-–—]+|none|n\.?a\.?|няма", re.IGNORECASE)


class _Amount(NamedTuple):
    """A sum of money and where it was written."""

    span: _Span
    money: Money


class _Share(NamedTuple):
    """A funding source and where it was written."""

    span: _Span
    share: FundingShare


def parse_budget(text: str, locale: str = "bg") -> Budget:
    """Read a budget text into a :class:`~capcore.budget.Budget`.

    Never fails on text: what cannot be read is left out (kind ``TEXT``), an
    empty or blank text gives kind ``EMPTY``. When the only amounts are those of
    the funding shares, ``amount`` is their sum.

    Args:
        text: The budget exactly as written; kept unchanged in ``Budget.text``.
        locale: The plan's language, one of :data:`capcore.locales.LOCALES`. Both Bulgarian
            and English words are read whatever the locale.

    Returns:
        The budget with what could be read.

    Raises:
        ValueError: If ``locale`` is not one of :data:`capcore.locales.LOCALES`.
    """
    check_locale(locale)
    if not text.strip():
        return Budget(text)
    amounts = _amounts(text)
    shares = _funding(text)
    funding, free = _attach_amounts(shares, amounts)
    taken = [a.span for a in amounts] + [s.span for s in shares]
    days = _PERSON_DAYS.search(text)
    taken += [m.span() for m in _PERSON_DAYS.finditer(text)]
    percent = _first_free(_PERCENT_ONLY, text, taken)
    taken += [m.span() for m in _PERCENT_ONLY.finditer(text)]
    return Budget(
        text=text,
        amount=free[0].money if free else _sum(funding),
        at_least=_AT_LEAST.search(text) is not None,
        per_year=_PER_YEAR.search(text) is not None,
        within_annual_budget=_WITHIN_ANNUAL_BUDGET.search(text) is not None,
        not_applicable=_is_not_applicable(text),
        person_days=_decimal(days["value"]) if days else None,
        percent=_decimal(percent["value"]) if percent else None,
        quantities=_quantities(text, taken),
        funding=funding,
    )


def _decimal(number: str) -> Decimal:
    """Read a plain number with a decimal dot or comma."""
    return Decimal(number.replace(",", "."))


def _overlaps(span: _Span, taken: list[_Span]) -> bool:
    """True when ``span`` shares a character with a span already read."""
    return any(span[0] < end and start < span[1] for start, end in taken)


def _is_not_applicable(text: str) -> bool:
    """True for ``N/A``, ``Неприложимо`` anywhere, or a lone ``-`` or ``none``."""
    whole = text.strip().rstrip(".")
    return _NOT_APPLICABLE.search(text) is not None or _NOTHING.fullmatch(whole) is not None


def _money(match: re.Match[str]) -> Money:
    """Turn an amount match into exact money in the currency written."""
    whole = re.sub(r"[^0-9]", "", match["whole"])
    cents = re.sub(r"[^0-9]", "", match["cents"] or "")
    value = Decimal(f"{whole}.{cents}" if cents else whole)
    scale = match.groupdict().get("scale")
    if scale:
        value *= _SCALES[scale.casefold()]
    # casefold, not lower: IGNORECASE also matches variant letters such as ᲂ for о.
    currency = Currency.EUR if match["currency"].casefold() in _EUR_WORDS else Currency.BGN
    return Money(value, currency)


def _amounts(text: str) -> list[_Amount]:
    """All sums of money, in the order written; overlapping readings dropped."""
    found: list[_Amount] = []
    matches = [*_AMOUNT_AFTER.finditer(text), *_AMOUNT_BEFORE.finditer(text)]
    for match in sorted(matches, key=lambda m: m.start()):
        if not _overlaps(match.span(), [a.span for a in found]):
            found.append(_Amount(match.span(), _money(match)))
    return found


def _source(match: re.Match[str]) -> str:
    """The source as written, without the dashes or colon around it."""
    return match["source"].strip(" \t-–—:")


def _funding(text: str) -> list[_Share]:
    """Funding sources: shares in percent, else sources named after ``финансирани от``."""
    shares = [
        _Share(m.span(), FundingShare(_source(m), _decimal(m["value"])))
        for m in _PERCENT_SHARE.finditer(text)
    ]
    total = sum((s.share.percent or Decimal(0) for s in shares), Decimal(0))
    if not (len(shares) >= 2 and total == 100):
        shares = [s for s in shares if _FUNDING_WORD.search(s.share.source)]
    if shares:
        return shares
    return [_Share(m.span(), FundingShare(_source(m))) for m in _NAMED_SOURCE.finditer(text)]


def _attach_amounts(
    shares: list[_Share], amounts: list[_Amount]
) -> tuple[list[FundingShare], list[_Amount]]:
    """Pair shares with the amounts written after them, when the counts agree.

    ``85% ЕСФ и 15% национално, което е 3 919 283,43 лв. европейско и
    691 638,25 лв. национално``: the two amounts follow the two shares in order.

    Returns:
        The shares (with amounts where paired) and the amounts left unpaired.
    """
    if not shares:
        return [], amounts
    first = shares[0].span[0]
    later = [a for a in amounts if a.span[0] >= first]
    if len(later) != len(shares):
        return [s.share for s in shares], amounts
    paired = [attrs.evolve(s.share, amount=a.money) for s, a in zip(shares, later, strict=True)]
    return paired, [a for a in amounts if a.span[0] < first]


def _sum(funding: list[FundingShare]) -> Money | None:
    """The total of the shares' amounts, when all are in one currency."""
    moneys = [s.amount for s in funding if s.amount is not None]
    if not moneys or len({m.currency for m in moneys}) != 1:
        return None
    return Money(sum((m.amount for m in moneys), Decimal(0)), moneys[0].currency)


def _first_free(pattern: re.Pattern[str], text: str, taken: list[_Span]) -> re.Match[str] | None:
    """The first match of ``pattern`` outside the spans already read."""
    return next((m for m in pattern.finditer(text) if not _overlaps(m.span(), taken)), None)


def _quantities(text: str, taken: list[_Span]) -> list[Quantity]:
    """Counted things (``12 приемни``) outside the spans already read; years skipped."""
    found: list[Quantity] = []
    for match in _QUANTITY.finditer(text):
        value = _decimal(match["value"])
        is_year = value == value.to_integral_value() and 1900 <= value <= 2100
        if is_year or _NOT_A_UNIT.fullmatch(match["unit"]) or _overlaps(match.span(), taken):
            continue
        found.append(Quantity(value, match["unit"]))
    return found
