"""Reading improvement proposals: from a table (any format with a table reader) or JSON.

A working group keeps its proposals in a simple table: one row per
proposal, with columns such as ``Критерий/подкритерий``, ``Силни страни``,
``Области за подобрение``, ``Предложение за подобрение``, ``Оценка``,
``Въздействие``, ``Осъществимост/Лекота``, ``Спешност``, ``Разходи``, in any
order, in Bulgarian or English (:data:`capcore.tables.synonyms.PROPOSAL_HEADER_SYNONYMS`).
Title rows above the header are skipped; a row of column numbers under it
too. A cell merged down from the row above (a sub-criterion written once for
several proposals) gives its value to every row it covers.

Nothing is dropped: a column the reader does not know is kept in each
proposal's ``extra`` under its header, and reported once; a row with text but
no proposal, and a cell beyond the header, are reported in the import notes
with their text. A value that cannot be read (an impact of ``висок``, a
score of 120) is a :class:`~capcore.PlanFormatError` naming the file, the
cell and what was expected.

The JSON form is the one :func:`dump_proposals` writes: an object with
``"schema_version"``, ``"proposals"`` and optionally the ``"method"`` and the
working group's ``"overrides"`` (the fields of :class:`capcore.Prioritisation`).
"""

from __future__ import annotations

import functools
import json
import os
import re
from collections.abc import Iterable, Sequence
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, BinaryIO

import attrs
import cattrs

from capcore.caf import CafRef, CafRefError, parse_caf_refs
from capcore.errors import CapcoreError, PlanFormatError
from capcore.formats import Sample
from capcore.ids import derived_id
from capcore.import_notes import ImportNote
from capcore.jsonio import SCHEMA_VERSION, make_converter, parse_json
from capcore.plugin_host import PluginHost, default_host
from capcore.prioritisation_method import Override, PrioritisationMethod
from capcore.proposals import Proposal
from capcore.tables._header import grid_cells, is_column_numbers
from capcore.tables.matching import match_proposal_header
from capcore.tables.source import SourceBlock, SourceCell, SourceRow, SourceTable
from capcore.tables.synonyms import ProposalColumn

__all__ = [
    "PROPOSALS_KIND",
    "ProposalImport",
    "dump_proposals",
    "load_proposals",
    "proposal_id",
    "read_proposal_tables",
    "read_proposals",
]

PROPOSALS_KIND = "capcore-proposals"
"""The ``"kind"`` of a proposals JSON file, which tells it from a plan."""

_ID_PARENT = "capcore-proposals"
# Proposal ids are derived from the row's number and text, so reading the
# same table twice gives the same ids (and the draft plan the same measures).

_SCORE_COLUMNS = {
    ProposalColumn.IMPACT,
    ProposalColumn.FEASIBILITY,
    ProposalColumn.URGENCY,
    ProposalColumn.COST,
}
# Values a cell merged down gives to the rows it covers.
_INHERITED = {
    ProposalColumn.CAF_REF,
    ProposalColumn.STRENGTHS,
    ProposalColumn.IMPROVEMENT_AREA,
    ProposalColumn.SELF_ASSESSMENT_SCORE,
    ProposalColumn.AREA,
}
_NUMBER = re.compile(r"(?P<value>[0-9]+(?:[.,][0-9]+)?)\s*%?")
_MONTHS = re.compile(r"(?P<value>[0-9]+)\s*(?:м\.|мес\.?|месеца|месец|months?|m)?", re.IGNORECASE)
_LEADING_REF = re.compile(
    r"\s*(?:(?:под)?критери[йи]\s*|(?:sub-?)?criterion\s*)?"
    r"(?P<ref>[1-9]\.[0-9]{1,2}(?:\s*\.?\s*[a-zа-и]\)?(?=[\s.,;:]|$))?)",
    re.IGNORECASE,
)


def proposal_id(number: str, text: str, occurrence: int = 0) -> str:
    """Return the id a table row without an id column gives its proposal.

    Derived from the row's number and text (and, for a repeated row, how many
    rows before it had both the same), so that reading the same table twice,
    or a JSON copy made from it, gives the same ids.
    """
    return derived_id(_ID_PARENT, f"{number}|{text}|{occurrence}")


@attrs.frozen
class ProposalImport:
    """What reading a table or file of proposals gave.

    Attributes:
        proposals: The proposals, in the order of the table.
        source: The file name or description read.
        method: The method the file names (JSON only), if any.
        overrides: The working group's overrides the file holds (JSON only).
        import_notes: What the reader could not place (kept in ``extra``
            where a proposal could hold it), and its guesses.
        locations: Where each proposal was found, its row's first cell
            (proposal id -> ``Предложения!A7``).
    """

    proposals: tuple[Proposal, ...]
    source: str
    method: PrioritisationMethod | None = None
    overrides: tuple[Override, ...] = ()
    import_notes: tuple[ImportNote, ...] = ()
    locations: dict[str, str] = attrs.field(factory=dict)


def read_proposals(
    source: str | os.PathLike[str] | BinaryIO,
    format: str | None = None,  # noqa: A002 - the public API's word, as capcore.read
    *,
    host: PluginHost | None = None,
) -> ProposalImport:
    """Read improvement proposals from a file or binary stream: JSON, or a table in any format.

    JSON is read by the core; other formats through the table reader their
    plugin declares (:attr:`capcore.FormatSpec.table_reader`): ``xlsx``
    with capcore-xlsx installed.

    Args:
        source: A path or a binary stream.
        format: The format's name; by default from the extension, else by sniffing.
        host: The plugin host; by default the installed plugins.

    Raises:
        CapcoreError: The file cannot be read, its format has no table
            reader, or it holds no proposals; :class:`~capcore.PlanFormatError`
            names the file, the place and what was expected.
    """
    if isinstance(source, str | os.PathLike):
        path = Path(source)
        try:
            with path.open("rb") as stream:
                return _read_stream(stream, str(path), format, host)
        except OSError as error:
            raise PlanFormatError(str(path), "", f"cannot read: {error.strerror}") from None
    return _read_stream(source, str(getattr(source, "name", "<stream>")), format, host)


def _read_stream(
    stream: BinaryIO, name: str, format_name: str | None, host: PluginHost | None
) -> ProposalImport:
    chosen_host = host or default_host()
    if format_name is not None:
        chosen = chosen_host.get_format(format_name)
    else:
        chosen = chosen_host.format_for(Sample.from_stream(stream, name), for_reading=True)
    if chosen.name == "json":
        return load_proposals(stream.read(), source=name)
    table_reader = chosen.table_reader()
    if table_reader is None:
        raise CapcoreError(
            f"{name}: the format {chosen.name!r} ({chosen.provider}) cannot give its tables; "
            "proposals are read from json or from a format with a table reader (xlsx)"
        )
    try:
        blocks = table_reader(stream, name=name)
    except CapcoreError:
        raise
    except Exception as error:
        # Like capcore.read: whatever a plugin lets escape is still this file's problem.
        raise PlanFormatError(
            name, "", f"not a readable {chosen.name} file ({type(error).__name__}: {error})"
        ) from error
    return read_proposal_tables(blocks, source=name)


def read_proposal_tables(blocks: Iterable[SourceBlock], *, source: str) -> ProposalImport:
    """Read the proposals of the first table whose header names a proposal column.

    Args:
        blocks: The document's paragraphs and tables (:mod:`capcore.tables.source`).
        source: The file name, for messages and notes.

    Raises:
        PlanFormatError: No table has a proposals header, or a value cannot be read.
    """
    tables = [block for block in blocks if isinstance(block, SourceTable)]
    for table in tables:
        found = _find_header(table.rows)
        if found is not None:
            return _TableReading(source, table, *found).read()
    raise PlanFormatError(
        source,
        "",
        "no table of improvement proposals: expected a header row naming the proposal "
        "(Предложение за подобрение / Proposal) and at least one more column such as "
        "Критерий/подкритерий, Въздействие, Осъществимост",
    )


def _find_header(rows: Sequence[SourceRow]) -> tuple[int, dict[int, ProposalColumn]] | None:
    for index, row in enumerate(rows):
        roles: dict[int, ProposalColumn] = {}
        for column, cell in grid_cells(row):
            if cell.continues_above:
                continue
            match = match_proposal_header(cell.text)
            if match is not None and match[0] not in roles.values():
                roles[column] = match[0]
        if ProposalColumn.TEXT in roles.values() and len(roles) >= 2:
            return index, roles
    return None


@attrs.define
class _TableReading:
    source: str
    table: SourceTable
    header_index: int
    roles: dict[int, ProposalColumn]
    notes: list[ImportNote] = attrs.field(factory=list)
    locations: dict[str, str] = attrs.field(factory=dict)
    above: dict[ProposalColumn, object] = attrs.field(factory=dict)
    seen_ids: dict[str, int] = attrs.field(factory=dict)

    def read(self) -> ProposalImport:
        header_row = self.table.rows[self.header_index]
        unknown = {
            column: cell
            for column, cell in grid_cells(header_row)
            if column not in self.roles and cell.text.strip() and not cell.continues_above
        }
        self.notes.extend(
            ImportNote(cell.location, "column not known: kept in each proposal's extra", cell.text)
            for cell in unknown.values()
        )
        headers = {column: cell.text.strip() for column, cell in unknown.items()}
        proposals: list[Proposal] = []
        body = self.table.rows[self.header_index + 1 :]
        for offset, row in enumerate(body):
            if offset == 0 and is_column_numbers(row):
                continue
            proposal = self._row(row, headers)
            if proposal is not None:
                proposals.append(proposal)
        return ProposalImport(
            tuple(proposals),
            self.source,
            import_notes=tuple(self.notes),
            locations=self.locations,
        )

    def _row(self, row: SourceRow, headers: dict[int, str]) -> Proposal | None:
        text_column = next(c for c, role in self.roles.items() if role is ProposalColumn.TEXT)
        if not any(
            column == text_column and cell.text.strip() and not cell.continues_above
            for column, cell in grid_cells(row)
        ):
            # A heading or a comment row: its cells are reported, not read as values.
            filled = [cell for _, cell in grid_cells(row) if cell.text.strip()]
            self.notes.extend(
                ImportNote(cell.location, "no proposal in this row: not read", cell.text)
                for cell in filled
            )
            return None
        values, extra, loose = self._cells(row, headers)
        for role in _INHERITED:
            if role in values:
                self.above[role] = values[role]
        text = str(values[ProposalColumn.TEXT])
        for cell in loose:
            extra[cell.location] = cell.text
            self.notes.append(
                ImportNote(cell.location, "cell in no known column: kept in extra", cell.text)
            )
        proposal = self._proposal(text, values, extra)
        self.locations[proposal.id] = _row_location(row)
        return proposal

    def _cells(
        self, row: SourceRow, headers: dict[int, str]
    ) -> tuple[dict[ProposalColumn, object], dict[str, str], list[SourceCell]]:
        """Return the row's values by column, its cells under unknown headers, and the rest."""
        values: dict[ProposalColumn, object] = {}
        extra: dict[str, str] = {}
        loose: list[SourceCell] = []
        for column, cell in grid_cells(row):
            role = self.roles.get(column)
            if cell.continues_above:
                if role in _INHERITED and role in self.above:
                    values[role] = self.above[role]
            elif not cell.text.strip():
                continue
            elif role is not None:
                values[role] = self._value(role, cell)
            elif column in headers:
                extra[headers[column]] = cell.text
            else:
                loose.append(cell)
        return values, extra, loose

    def _proposal(
        self, text: str, values: dict[ProposalColumn, object], extra: dict[str, str]
    ) -> Proposal:
        number = str(values.get(ProposalColumn.NUMBER, ""))
        given_id = values.get(ProposalColumn.ID)
        if isinstance(given_id, str) and given_id:
            the_id = given_id
        else:
            key = f"{number}|{text}"
            occurrence = self.seen_ids.get(key, 0)
            self.seen_ids[key] = occurrence + 1
            the_id = proposal_id(number, text, occurrence)
        caf = values.get(ProposalColumn.CAF_REF)
        if isinstance(caf, _CafWithText):
            caf = caf.ref
        return Proposal(
            text,
            the_id,
            number,
            caf_ref=caf if isinstance(caf, CafRef) else None,
            improvement_area=str(values.get(ProposalColumn.IMPROVEMENT_AREA, "")),
            strengths=str(values.get(ProposalColumn.STRENGTHS, "")),
            self_assessment_score=_decimal_or_none(values, ProposalColumn.SELF_ASSESSMENT_SCORE),
            impact=_decimal_or_none(values, ProposalColumn.IMPACT),
            feasibility=_decimal_or_none(values, ProposalColumn.FEASIBILITY),
            urgency=_decimal_or_none(values, ProposalColumn.URGENCY),
            cost=_decimal_or_none(values, ProposalColumn.COST),
            months=_int_or_none(values, ProposalColumn.MONTHS),
            area=str(values.get(ProposalColumn.AREA, "")),
            note=str(values.get(ProposalColumn.NOTE, "")),
            extra={**extra, **_kept_caf_text(values)},
        )

    def _value(self, role: ProposalColumn, cell: SourceCell) -> object:
        text = cell.text.strip()
        if role in _SCORE_COLUMNS:
            return self._number(cell, "a number such as 4 (the method's scale, 1-5 by default)")
        if role is ProposalColumn.SELF_ASSESSMENT_SCORE:
            score = self._number(cell, "a self-assessment score from 0 to 100, such as 45")
            if score > 100:
                raise self._error(cell, "a self-assessment score from 0 to 100, such as 45")
            return score
        if role is ProposalColumn.MONTHS:
            match = _MONTHS.fullmatch(text)
            if match is None or int(match["value"]) < 1:
                raise self._error(cell, "a number of months, at least 1, such as 3")
            return int(match["value"])
        if role is ProposalColumn.CAF_REF:
            return self._caf_ref(cell)
        return cell.text

    def _number(self, cell: SourceCell, expected: str) -> Decimal:
        match = _NUMBER.fullmatch(cell.text.strip())
        if match is None:
            raise self._error(cell, expected)
        try:
            return Decimal(match["value"].replace(",", "."))
        except InvalidOperation:
            raise self._error(cell, expected) from None

    def _caf_ref(self, cell: SourceCell) -> object:
        text = cell.text.strip()
        try:
            refs = parse_caf_refs(text)
        except CafRefError:
            refs = ()
        if len(refs) == 1:
            return refs[0]
        leading = _LEADING_REF.match(text)
        if len(refs) > 1 or leading is not None:
            ref = refs[0] if refs else CafRef.parse(leading["ref"] if leading else "")
            # The whole text (several references, or a reference with its title) is kept.
            self.notes.append(
                ImportNote(
                    cell.location,
                    f"read the CAF reference {ref}; the whole text is kept in extra",
                    text,
                )
            )
            return _CafWithText(ref, cell.text)
        raise self._error(
            cell, "a CAF sub-criterion such as 3.2 or 4.5 b (optionally followed by its title)"
        )

    def _error(self, cell: SourceCell, expected: str) -> PlanFormatError:
        row, column = _row_and_column(self.table, cell)
        header = self.table.rows[self.header_index]
        name = next(
            (c.text.strip() for col, c in grid_cells(header) if col == column),
            f"column {column + 1}",
        )
        return PlanFormatError(
            self.source,
            f"{cell.location} (row {row}, column {name!r})",
            f"{cell.text.strip()!r} is not {expected}",
        )


@attrs.frozen
class _CafWithText:
    ref: CafRef
    text: str


def _kept_caf_text(values: dict[ProposalColumn, object]) -> dict[str, str]:
    caf = values.get(ProposalColumn.CAF_REF)
    return {"caf_ref": caf.text} if isinstance(caf, _CafWithText) else {}


def _decimal_or_none(values: dict[ProposalColumn, object], role: ProposalColumn) -> Decimal | None:
    value = values.get(role)
    return value if isinstance(value, Decimal) else None


def _int_or_none(values: dict[ProposalColumn, object], role: ProposalColumn) -> int | None:
    value = values.get(role)
    return value if isinstance(value, int) else None


def _row_location(row: SourceRow) -> str:
    first = next((cell for cell in row if not cell.continues_above), row[0] if row else None)
    return "" if first is None else first.location


def _row_and_column(table: SourceTable, cell: SourceCell) -> tuple[int, int]:
    for index, row in enumerate(table.rows, 1):
        for column, candidate in grid_cells(row):
            if candidate is cell:
                return index, column
    return 0, 0


# -- JSON -------------------------------------------------------------------------------


@attrs.frozen
class _ProposalFile:
    proposals: tuple[Proposal, ...]
    method: PrioritisationMethod | None = None
    overrides: tuple[Override, ...] = ()


@functools.cache
def _converter() -> cattrs.Converter:
    return make_converter()


def dump_proposals(
    proposals: Iterable[Proposal],
    method: PrioritisationMethod | None = None,
    overrides: Iterable[Override] = (),
) -> str:
    """Return proposals (with a method and overrides, if given) as capcore JSON text."""
    body: dict[str, Any] = _converter().unstructure(
        _ProposalFile(tuple(proposals), method, tuple(overrides))
    )
    data = {"schema_version": SCHEMA_VERSION, "kind": PROPOSALS_KIND, **body}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def load_proposals(text: str | bytes, *, source: str = "<string>") -> ProposalImport:
    """Return the proposals that capcore proposals JSON holds.

    Raises:
        PlanFormatError: Not JSON, not a proposals file, or a value of the
            wrong form (the message gives the JSON path).
    """
    data = parse_json(text, source=source)
    if not isinstance(data, dict) or data.get("kind") != PROPOSALS_KIND:
        raise PlanFormatError(
            source, "$.kind", f'expected a proposals file with "kind": {PROPOSALS_KIND!r}'
        )
    body = {key: value for key, value in data.items() if key not in {"kind", "$schema"}}
    version = body.pop("schema_version", None)
    if version != SCHEMA_VERSION:
        raise PlanFormatError(
            source,
            "$.schema_version",
            f"this capcore reads version {SCHEMA_VERSION}, got {version!r}",
        )
    try:
        read = _converter().structure(body, _ProposalFile)
    except (cattrs.BaseValidationError, ValueError, TypeError, KeyError) as error:
        messages = cattrs.transform_error(error, path="$")
        raise PlanFormatError(source, "", "; ".join(messages[:5])) from None
    return ProposalImport(read.proposals, source, read.method, read.overrides)
