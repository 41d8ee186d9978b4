"""The words the table readers recognise, in Bulgarian and English: one public table.

Plans name their columns and labels in many ways ("Срок", "Краен срок",
"Край (дата)", "Deadline"). Every word a reader recognises is listed here,
once, so the documentation can print the whole table
(``docs/importing.md``) and a plugin author can see what a document must
say:

- :data:`HEADER_SYNONYMS`: the column headers of the matrix shape, by
  :class:`MatrixColumn`;
- :data:`CARD_LABEL_SYNONYMS`: the labels of the cards shape, by
  :class:`CardField`;
- :data:`LIST_LABEL_SYNONYMS`: the ``Срок:`` / ``Отговорник:`` lines of the
  list shape, by :class:`ListField`;
- :data:`STATUS_SYNONYMS`, :data:`KIND_SYNONYMS` and :data:`SHAPE_WORDS`:
  the values of status and kind cells, and the words that mark area rows,
  card headings, the approval block and the title;
- :data:`PROPOSAL_HEADER_SYNONYMS`: the column headers of a table of
  improvement proposals (:func:`capcore.read_proposals`), by
  :class:`ProposalColumn`.

The words are written as they are compared: :mod:`capcore.tables.matching`
looks a header up after :func:`~capcore.tables.matching.normalise_label`
(case, punctuation, line breaks and repeated spaces do not count; ``№``,
``#`` and ``%`` do), failing that with its parenthesised parts left out
(``Начало (дата)`` is ``начало``).
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from types import MappingProxyType

import attrs

from capcore.model import MeasureKind
from capcore.progress_update import Status

__all__ = [
    "CARD_LABEL_SYNONYMS",
    "HEADER_SYNONYMS",
    "KIND_SYNONYMS",
    "LIST_LABEL_SYNONYMS",
    "NO_MARKS",
    "PROPOSAL_HEADER_SYNONYMS",
    "SHAPE_WORDS",
    "STATUS_SYNONYMS",
    "YES_MARKS",
    "CardField",
    "ListField",
    "MatrixColumn",
    "ProposalColumn",
    "Words",
]


@attrs.frozen
class Words:
    """The words for one thing, in Bulgarian and in English (normalised, lower case).

    Attributes:
        bg: The Bulgarian words, the usual one first.
        en: The English words, the usual one first.
    """

    bg: tuple[str, ...]
    en: tuple[str, ...]

    def by_locale(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """Return ``(("bg", words), ("en", words))``."""
        return (("bg", self.bg), ("en", self.en))


class MatrixColumn(enum.StrEnum):
    """What a column of a matrix-shaped plan table holds."""

    AREA = "area"
    """The area's title (a column instead of area rows)."""
    NUMBER = "number"
    """The number of the row's measure or activity (``№``)."""
    MEASURE_NUMBER = "measure_number"
    """The measure's number."""
    MEASURE = "measure"
    """The measure's title, possibly with its number in front (``1.1. Текст``)."""
    ACTIVITY_NUMBER = "activity_number"
    """The activity's number."""
    ACTIVITY = "activity"
    """The activity's title, possibly with its number in front."""
    CAF_REFS = "caf_refs"
    """CAF sub-criteria the measure answers."""
    STRATEGIC_REF = "strategic_ref"
    """CAF references that mark a strategic measure (Lovech "Стратегически мерки")."""
    QUICK_WIN_REF = "quick_win_ref"
    """CAF references (or a mark such as ``да``) that make the measure a quick win."""
    KIND = "kind"
    """Quick win or strategic, in words."""
    START = "start"
    """When the row's activity (or measure) starts."""
    DEADLINE = "deadline"
    """When it is due."""
    TARGET = "target"
    """Target result values (an activity's ``target``, a measure's ``expected_result``)."""
    RESPONSIBLE = "responsible"
    """Who is responsible (kept whole, supporting included if written together)."""
    SUPPORTING = "supporting"
    """Who supports."""
    BUDGET = "budget"
    """The measure's budget."""
    NOTE = "note"
    """A note."""
    STATUS = "status"
    """A reported status (recorded as a progress update when the reader is given a date)."""
    PERCENT = "percent"
    """A reported percent complete (likewise)."""


class CardField(enum.StrEnum):
    """What a label of a measure card names; the values are :class:`capcore.Measure` fields."""

    TITLE = "title"
    SPONSOR = "sponsor"
    LEADER = "leader"
    TEAM = "team"
    CONTACT = "contact"
    SCOPE = "scope"
    STAKEHOLDERS = "stakeholders"
    STRENGTHS = "strengths"
    IMPROVEMENT_AREAS = "improvement_areas"
    OPTIONS = "options"
    CONSTRAINTS = "constraints"
    HUMAN_RESOURCES = "human_resources"
    BUDGET = "budget"
    EXPECTED_RESULT = "expected_result"
    START = "start"
    DEADLINE = "deadline"
    RESPONSIBLE = "responsible"
    SUPPORTING = "supporting"
    CAF_REFS = "caf_refs"
    NOTE = "note"


class ListField(enum.StrEnum):
    """What a ``Label: value`` line under a list item gives; values are Measure fields."""

    START = "start"
    DEADLINE = "deadline"
    RESPONSIBLE = "responsible"
    SUPPORTING = "supporting"
    BUDGET = "budget"
    NOTE = "note"


class ProposalColumn(enum.StrEnum):
    """What a column of a table of improvement proposals holds; values are Proposal fields."""

    ID = "id"
    """The proposal's stable id (tables capcore wrote)."""
    NUMBER = "number"
    """The proposal's number (``№``)."""
    CAF_REF = "caf_ref"
    """The CAF sub-criterion, with the example letter (``4.5 b``)."""
    STRENGTHS = "strengths"
    """The strengths the self-assessment found."""
    IMPROVEMENT_AREA = "improvement_area"
    """The area for improvement the proposal answers."""
    TEXT = "text"
    """The proposal for improvement itself."""
    SELF_ASSESSMENT_SCORE = "self_assessment_score"
    """The sub-criterion's self-assessment score (0-100)."""
    IMPACT = "impact"
    """Impact (effectiveness) as the working group scored it."""
    FEASIBILITY = "feasibility"
    """Feasibility (ease)."""
    URGENCY = "urgency"
    """Urgency."""
    COST = "cost"
    """Cost (high is expensive)."""
    MONTHS = "months"
    """The expected duration in months."""
    AREA = "area"
    """The working group's own area for the proposal."""
    NOTE = "note"
    """A note."""


def _words(bg: tuple[str, ...], en: tuple[str, ...]) -> Words:
    return Words(bg, en)


# The tables are data: one line per group of words reads better than one word per line.
# fmt: off
HEADER_SYNONYMS: Mapping[MatrixColumn, Words] = MappingProxyType(
    {
        MatrixColumn.AREA: _words(
            ("област", "области", "област за подобрение", "приоритетна област", "раздел",
             "направление"),
            ("area", "areas", "section", "priority area"),
        ),
        MatrixColumn.NUMBER: _words(
            ("№", "№ по ред", "пореден номер", "номер", "№ на ред"),
            ("no", "nr", "#", "number", "item no"),
        ),
        MatrixColumn.MEASURE_NUMBER: _words(
            ("№ на мярката", "№ на мярка", "№ мярка", "номер на мярката"),
            ("measure no", "measure number", "measure #"),
        ),
        MatrixColumn.MEASURE: _words(
            ("мярка", "мерки", "мярка за подобрение", "мерки за подобрение",
             "наименование на мярката", "описание на мярката", "предложена мярка",
             "предложени мерки", "действие", "действия"),
            ("measure", "measures", "improvement measure", "improvement measures",
             "name of the measure", "action", "actions"),
        ),
        MatrixColumn.ACTIVITY_NUMBER: _words(
            ("№ на дейността", "№ на дейност", "№ дейност", "номер на дейността"),
            ("activity no", "activity number", "activity #"),
        ),
        MatrixColumn.ACTIVITY: _words(
            ("дейност", "дейности", "наименование на дейността", "описание на дейността",
             "дейности за изпълнение", "конкретни дейности", "задача", "задачи"),
            ("activity", "activities", "name of the activity", "task", "tasks"),
        ),
        MatrixColumn.CAF_REFS: _words(
            ("подкритерии на caf", "подкритерий на caf", "подкритерии по caf",
             "подкритерий по caf", "критерии по caf", "критерий по caf", "критерий caf",
             "подкритерий caf", "връзка с caf", "caf", "критерий", "критерии", "подкритерий",
             "подкритерии"),
            ("caf sub criteria", "caf sub criterion", "caf subcriteria", "caf subcriterion",
             "caf criteria", "caf criterion", "caf reference", "caf references", "caf ref",
             "criterion", "criteria", "sub criterion", "sub criteria"),
        ),
        MatrixColumn.STRATEGIC_REF: _words(
            ("стратегически мерки", "стратегическа мярка", "стратегически", "стратегическа"),
            ("strategic measures", "strategic measure", "strategic"),
        ),
        MatrixColumn.QUICK_WIN_REF: _words(
            ("бързи победи", "бърза победа", "бързи резултати"),
            ("quick wins", "quick win", "qw"),
        ),
        MatrixColumn.KIND: _words(
            ("вид", "вид на мярката", "тип", "тип на мярката"),
            ("kind", "type", "measure type", "kind of measure"),
        ),
        MatrixColumn.START: _words(
            ("начало", "начална дата", "дата на започване", "дата на стартиране",
             "начало на изпълнение", "срок начало", "старт", "от"),
            ("start", "start date", "begin", "begins", "starts", "from"),
        ),
        MatrixColumn.DEADLINE: _words(
            ("срок", "край", "крайна дата", "краен срок", "срок за изпълнение",
             "срок на изпълнение", "срокове", "предвиден срок", "дата на приключване",
             "срок край", "до"),
            ("deadline", "end", "end date", "due", "due date", "finish", "to", "until"),
        ),
        MatrixColumn.TARGET: _words(
            ("целеви стойности", "целеви стойности на резултата", "целева стойност",
             "очакван резултат", "очаквани резултати", "резултат", "резултати"),
            ("target values", "target result values", "target", "targets", "expected result",
             "expected results", "result", "results", "outcome", "expected outcome"),
        ),
        MatrixColumn.RESPONSIBLE: _words(
            ("отговорник", "отговорници", "отговорници и подпомагачи",
             "отговорник и подпомагащи", "отговорници и подпомагащи", "отговорно лице",
             "отговорни лица", "отговорно звено", "отговорни звена", "отговорна структура",
             "изпълнител", "изпълнители"),
            ("responsible", "responsible and supporting", "responsible person",
             "responsible unit", "responsibility", "owner", "owners", "lead"),
        ),
        MatrixColumn.SUPPORTING: _words(
            ("подпомагащи", "подпомагачи", "подпомагащо звено", "съизпълнители",
             "съизпълнител", "участници", "партньори"),
            ("supporting", "support", "supported by", "contributors", "partners"),
        ),
        MatrixColumn.BUDGET: _words(
            ("бюджет", "необходим бюджет", "финансиране", "източник на финансиране",
             "източници на финансиране", "финансови ресурси", "необходими ресурси", "ресурси"),
            ("budget", "funding", "cost", "costs", "financing", "resources"),
        ),
        MatrixColumn.NOTE: _words(
            ("забележка", "забележки", "бележка", "бележки", "коментар", "коментари"),
            ("note", "notes", "remark", "remarks", "comment", "comments"),
        ),
        MatrixColumn.STATUS: _words(
            ("статус", "състояние", "статус на изпълнение", "състояние на изпълнение"),
            ("status", "state", "implementation status"),
        ),
        MatrixColumn.PERCENT: _words(
            ("изпълнение %", "% изпълнение", "%", "процент", "процент на изпълнение",
             "степен на изпълнение", "напредък", "напредък %"),
            ("progress %", "progress", "percent", "percent complete", "% complete",
             "completion", "completion %", "done %"),
        ),
    }
)
"""The column headers of the matrix shape, by what the column holds."""

CARD_LABEL_SYNONYMS: Mapping[CardField, Words] = MappingProxyType(
    {
        CardField.TITLE: _words(
            ("действие", "мярка", "наименование", "наименование на мярката", "описание на мярката"),
            ("action", "measure", "title", "name"),
        ),
        CardField.SPONSOR: _words(("спонсор",), ("sponsor",)),
        CardField.LEADER: _words(
            ("ръководител", "ръководител на мярката", "водещ", "лидер"),
            ("leader", "lead", "measure leader", "project leader"),
        ),
        CardField.TEAM: _words(
            ("екип", "работен екип", "членове на екипа", "работна група"),
            ("team", "team members", "working group"),
        ),
        CardField.CONTACT: _words(
            ("контакт", "контакти", "лице за контакт", "имейл"),
            ("contact", "contact person", "e mail", "email"),
        ),
        CardField.SCOPE: _words(("обхват",), ("scope",)),
        CardField.STAKEHOLDERS: _words(
            ("заинтересовани страни", "заинтересовани лица"),
            ("stakeholders", "interested parties"),
        ),
        CardField.STRENGTHS: _words(("силни страни",), ("strengths",)),
        CardField.IMPROVEMENT_AREAS: _words(
            ("области на подобрение", "области за подобрение", "област на подобрение",
             "област за подобрение"),
            ("areas for improvement", "improvement areas", "area for improvement"),
        ),
        CardField.OPTIONS: _words(
            ("варианти за проучване", "възможности за проучване", "варианти"),
            ("options to explore", "options to be explored", "options"),
        ),
        CardField.CONSTRAINTS: _words(("ограничения",), ("constraints", "limitations")),
        CardField.HUMAN_RESOURCES: _words(
            ("необходими чр", "необходими чр дни хора", "необходими човешки ресурси",
             "човешки ресурси", "чр"),
            ("human resources needed", "human resources", "human resources days people",
             "hr needed", "people needed"),
        ),
        CardField.BUDGET: _words(
            ("бюджет", "необходим бюджет", "финансиране"), ("budget", "funding", "cost")
        ),
        CardField.EXPECTED_RESULT: _words(
            ("резултат", "очакван резултат", "очаквани резултати"),
            ("result", "expected result", "expected results", "outcome"),
        ),
        CardField.START: _words(
            ("дата на започване", "начало", "начална дата", "дата на стартиране"),
            ("start date", "start", "starting date"),
        ),
        CardField.DEADLINE: _words(
            ("предвиден срок", "срок", "краен срок", "срок за изпълнение",
             "дата на приключване"),
            ("planned deadline", "deadline", "due date", "end date"),
        ),
        CardField.RESPONSIBLE: _words(
            ("отговорник", "отговорници", "отговорно лице"), ("responsible", "responsible person")
        ),
        CardField.SUPPORTING: _words(("подпомагащи", "подпомагачи"), ("supporting",)),
        CardField.CAF_REFS: _words(
            ("подкритерии на caf", "подкритерии по caf", "подкритерий по caf",
             "критерии по caf", "критерий по caf", "caf"),
            ("caf sub criteria", "caf criteria", "caf criterion", "caf references"),
        ),
        CardField.NOTE: _words(
            ("забележка", "бележка", "коментар"), ("note", "notes", "comment")
        ),
    }
)
"""The labels of the cards shape (the Pazardzhik project sheets), by measure field."""

LIST_LABEL_SYNONYMS: Mapping[ListField, Words] = MappingProxyType(
    {
        ListField.START: _words(("начало", "дата на започване"), ("start", "start date")),
        ListField.DEADLINE: _words(
            ("срок", "краен срок", "срок за изпълнение", "срок на изпълнение"),
            ("deadline", "due", "due date", "term"),
        ),
        ListField.RESPONSIBLE: _words(
            ("отговорник", "отговорници", "отговорно лице", "отговорни", "изпълнител"),
            ("responsible", "responsible person", "owner"),
        ),
        ListField.SUPPORTING: _words(("подпомагащи", "съизпълнители"), ("supporting",)),
        ListField.BUDGET: _words(("бюджет",), ("budget",)),
        ListField.NOTE: _words(("забележка", "бележка"), ("note",)),
    }
)
"""The labels of the lines under a list item (``Срок: м. март``), by measure field."""

STATUS_SYNONYMS: Mapping[Status, Words] = MappingProxyType(
    {
        Status.NOT_STARTED: _words(
            ("не е започнала", "не е започнало", "не е започната", "незапочната", "предстои"),
            ("not started", "pending", "planned"),
        ),
        Status.IN_PROGRESS: _words(
            ("в изпълнение", "в процес", "в процес на изпълнение", "изпълнява се", "започната"),
            ("in progress", "ongoing", "started"),
        ),
        Status.DONE: _words(
            ("изпълнена", "изпълнено", "изпълнен", "приключена", "приключено", "завършена",
             "завършено"),
            ("done", "completed", "complete", "finished"),
        ),
        Status.DELAYED: _words(
            ("забавена", "забавено", "закъснява", "просрочена"), ("delayed", "late", "overdue")
        ),
        Status.ON_HOLD: _words(
            ("спряна", "спряно", "преустановена", "замразена"), ("on hold", "paused", "suspended")
        ),
        Status.CANCELLED: _words(
            ("отменена", "отменено", "отпаднала"), ("cancelled", "canceled", "dropped")
        ),
    }
)
"""The words of a status cell, by :class:`capcore.Status`."""

KIND_SYNONYMS: Mapping[MeasureKind, Words] = MappingProxyType(
    {
        MeasureKind.QUICK_WIN: _words(
            ("бърза победа", "бързи победи", "бп"), ("quick win", "quick wins", "qw")
        ),
        MeasureKind.STRATEGIC: _words(
            ("стратегическа мярка", "стратегическа", "стратегически", "ключово действие"),
            ("strategic measure", "strategic", "key action"),
        ),
    }
)
"""The words of a kind cell (and of a card heading's mark), by :class:`capcore.MeasureKind`."""

SHAPE_WORDS: Mapping[str, Words] = MappingProxyType(
    {
        "area_row": _words(
            ("област", "раздел", "направление", "приоритетна област", "приоритет"),
            ("area", "section", "priority area", "priority"),
        ),
        "card_heading": _words(("мярка",), ("measure",)),
        "approval": _words(("утвърждавам", "одобрявам"), ("approved by", "approved", "approve")),
        "position": _words(
            ("управител", "кмет", "секретар", "директор", "председател", "министър",
             "ръководител", "началник", "заместник"),
            ("governor", "mayor", "secretary", "director", "chair", "minister", "head",
             "manager"),
        ),
        "title": _words(
            ("план", "програма", "мерки за подобрение"),
            ("improvement plan", "plan", "programme", "program"),
        ),
        "period": _words(("за периода", "за период", "период"), ("for the period", "period")),
    }
)
"""Words that mark the parts of a document, by what they mark.

``area_row``: the start of an area row (``Област 1: ...``); ``card_heading``:
a card's heading (``МЯРКА 3 – QW``); ``approval``: the approval block;
``position``: a word of an approver's position (to tell it from the name);
``title``: how a plan's title starts; ``period``: the words before the
years (``за периода 2022-2024 г.``).
"""

PROPOSAL_HEADER_SYNONYMS: Mapping[ProposalColumn, Words] = MappingProxyType(
    {
        ProposalColumn.ID: _words(("идентификатор",), ("id", "identifier")),
        ProposalColumn.NUMBER: _words(
            ("№", "№ по ред", "пореден номер", "номер", "№ на предложението"),
            ("no", "nr", "#", "number", "proposal no"),
        ),
        ProposalColumn.CAF_REF: _words(
            ("критерий подкритерий", "подкритерий", "критерий", "подкритерий на caf",
             "подкритерий по caf", "критерий по caf", "caf", "критерий подкритерий на caf",
             "подкритерий пример"),
            ("criterion sub criterion", "sub criterion", "subcriterion", "criterion",
             "caf sub criterion", "caf criterion"),
        ),
        ProposalColumn.STRENGTHS: _words(("силни страни", "силна страна"), ("strengths",)),
        ProposalColumn.IMPROVEMENT_AREA: _words(
            ("области за подобрение", "област за подобрение", "области на подобрение",
             "област на подобрение", "слаби страни", "слаба страна"),
            ("areas for improvement", "area for improvement", "improvement areas",
             "weaknesses", "weakness"),
        ),
        ProposalColumn.TEXT: _words(
            ("предложение за подобрение", "предложения за подобрение", "предложение",
             "предложения", "предложение за мярка", "идея за подобрение"),
            ("improvement proposal", "improvement proposals", "proposal", "proposals",
             "proposal for improvement", "suggestion"),
        ),
        ProposalColumn.SELF_ASSESSMENT_SCORE: _words(
            ("оценка", "оценка от самооценката", "точки от самооценката", "точки",
             "оценка на подкритерия", "оценка 0 100"),
            ("score", "self assessment score", "sub criterion score", "caf score"),
        ),
        ProposalColumn.IMPACT: _words(
            ("въздействие", "ефект", "ефективност", "значимост"),
            ("impact", "effectiveness", "effect"),
        ),
        ProposalColumn.FEASIBILITY: _words(
            ("осъществимост", "лекота", "лекота на изпълнение", "изпълнимост",
             "осъществимост лекота", "лекота осъществимост"),
            ("feasibility", "ease", "ease of implementation", "feasibility ease"),
        ),
        ProposalColumn.URGENCY: _words(("спешност", "неотложност"), ("urgency",)),
        ProposalColumn.COST: _words(
            ("разходи", "цена", "необходими разходи", "разходи 1 5"), ("cost", "costs")
        ),
        ProposalColumn.MONTHS: _words(
            ("срок месеци", "месеци", "продължителност", "продължителност месеци",
             "срок в месеци"),
            ("months", "duration", "duration months"),
        ),
        ProposalColumn.AREA: _words(
            ("област", "направление", "група", "област на работната група"),
            ("area", "group area", "theme"),
        ),
        ProposalColumn.NOTE: _words(
            ("забележка", "забележки", "бележка", "коментар"), ("note", "notes", "comment")
        ),
    }
)
"""The column headers of a table of improvement proposals, by what the column holds."""

YES_MARKS: tuple[str, ...] = ("да", "yes", "x", "х", "✓", "✔", "+")
"""Marks that say "yes" in a quick-win or strategic column (compared as written, any case)."""

NO_MARKS: tuple[str, ...] = ("не", "no", "-", "–", "—")
"""Marks that say "no" there."""
# fmt: on
