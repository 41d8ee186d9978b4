"""capcore: CAF improvement plans of public administrations, as a typed model.

The names below are the public API; everything else is implementation.
Each loads its module on first use, so ``import capcore`` itself is cheap.

- The model: :class:`Plan`, :class:`Area`, :class:`Measure`, :class:`Activity`
  and their values (:class:`Deadline`, :class:`Budget`, :class:`Money`,
  :class:`CafRef`, :class:`Indicator`, :class:`ProgressUpdate`, ...).
- Reading what people write: :func:`parse_deadline`, :func:`parse_budget`,
  :func:`parse_caf_refs`, and the CAF :func:`catalogue`.
- Building plans in scripts: :class:`PlanBuilder`.
- The lossless JSON form: :func:`dumps`, :func:`loads`, :func:`save_json`,
  :func:`load_json`, :func:`json_schema`.
- Checking a plan: :func:`validate` (every installed rule, with
  :class:`ValidationSettings`) giving a :class:`ValidationReport` of
  :class:`Finding` values (a :class:`Location` and a bilingual
  :class:`Message`), and :func:`check_structure`.
- Monitoring: :func:`progress` (a :class:`ProgressReport` as of a date,
  counted by a :class:`ProgressPolicy`), :func:`timeline` (Gantt rows, due
  dates, a calendar), :func:`merge` (the progress in files departments
  return, joined to the original by stable ids).
- From self-assessment to plan: :func:`read_proposals` (a working group's
  :class:`Proposal` table, xlsx or JSON), :func:`prioritise` (named
  :class:`PrioritisationMethod` presets, the group's :class:`Override`
  decisions; a :class:`PrioritisationResult`), :func:`draft_plan` (a
  :class:`DraftPlan` and what was not taken), :func:`coverage`, and
  :func:`prioritisation_of` for writers rendering a draft plan's matrix.
- For format plugins: :func:`check_package` (zip bombs, entity declarations,
  encrypted files), :func:`escape_xml_text` (text XML cannot hold),
  :func:`apply_visible_edits` (what a person edited in a file that also
  embeds the plan wins over the embedded copy).
- Reading documents administrations already have (for the Excel, Word and
  HTML importers): :func:`read_tables` (or :func:`read_matrix`,
  :func:`read_cards`, :func:`read_list`) over :class:`SourceParagraph` and
  :class:`SourceTable` blocks; the words they recognise are
  :data:`HEADER_SYNONYMS`, :data:`CARD_LABEL_SYNONYMS` and
  :data:`LIST_LABEL_SYNONYMS`.
- Any installed format: :func:`read`, :func:`write`; plugins implement the
  hooks of :mod:`capcore.hookspecs` with :data:`hookimpl` and declare
  :class:`FormatSpec` and :class:`RuleSpec` values.
"""

from __future__ import annotations

import importlib
import sys
import types

from capcore._type_checking import TYPE_CHECKING

if TYPE_CHECKING:
    from capcore._gc_pause import gc_pause_enabled, set_gc_pause
    from capcore.atomic import atomic_write, atomic_write_bytes
    from capcore.budget import Budget, BudgetKind, FundingShare, Quantity
    from capcore.budget_parse import parse_budget
    from capcore.builder import (
        ActivityBuilder,
        AreaBuilder,
        MeasureBuilder,
        MeasureFields,
        PlanBuilder,
    )
    from capcore.caf import CafRef, CafRefError, CafVersion, parse_caf_refs
    from capcore.caf_catalogue import CafCatalogue, CafEntry, catalogue
    from capcore.coverage import CoverageReport, coverage
    from capcore.deadline import Deadline, DeadlineKind, DeadlineTerm, Recurrence, RecurrenceUnit
    from capcore.deadline_parse import parse_deadline
    from capcore.draft_plan import DraftPlan, Grouping, NotTaken, draft_plan
    from capcore.errors import CapcoreError, PlanFormatError, SchemaVersionError
    from capcore.findings import EntityKind, EntityRef, Finding, Location, Message, Severity
    from capcore.formats import FormatSpec, OptionError, OptionKind, OptionSpec, Sample
    from capcore.hookspecs import hookimpl
    from capcore.ids import derived_id, new_id
    from capcore.import_notes import ImportNote
    from capcore.indicator import Comparison, Indicator, IndicatorValue
    from capcore.jsonio import (
        SCHEMA_VERSION,
        dumps,
        from_dict,
        load_json,
        loads,
        save_json,
        to_dict,
    )
    from capcore.locales import LOCALES, UnknownLocaleError
    from capcore.model import (
        Activity,
        Approval,
        Area,
        Layout,
        Measure,
        MeasureKind,
        Period,
        Plan,
        Priority,
        Roles,
        SelfAssessment,
    )
    from capcore.money import BGN_PER_EUR, Currency, Money
    from capcore.monitoring_merge import (
        Conflict,
        Difference,
        DifferenceKind,
        MergeError,
        MergeResult,
        TakenReport,
        merge,
    )
    from capcore.package_guard import (
        DEFAULT_PACKAGE_LIMITS,
        PACKAGE_LIMIT_OPTIONS,
        PackageLimits,
        check_package,
        package_limits,
        read_limited,
    )
    from capcore.plan_timeline import CalendarBucket, DueDate, GanttRow, RowKind, Timeline, timeline
    from capcore.plugin_host import (
        FormatNotFoundError,
        PluginError,
        PluginHost,
        PluginWarning,
        make_plugin_host,
    )
    from capcore.prioritisation import (
        PrioritisationError,
        PrioritisationResult,
        RankedProposal,
        prioritisation_of,
        prioritise,
    )
    from capcore.prioritisation_method import (
        PRIORITISATION_METHODS,
        Category,
        Decision,
        Override,
        Prioritisation,
        PrioritisationMethod,
        UnknownMethodError,
    )
    from capcore.progress_engine import ProgressError, progress
    from capcore.progress_gauge import Gauge, Reason, ReasonCode
    from capcore.progress_policy import (
        POLICY_PRESETS,
        PercentSource,
        ProgressPolicy,
        StatusPercents,
        UnknownPolicyError,
        Weighting,
    )
    from capcore.progress_report import (
        DueItem,
        DueKind,
        GroupKind,
        GroupTotals,
        IndicatorAttainment,
        ItemLevel,
        ItemProgress,
        ProgressReport,
        QuickWinSummary,
        RecurringCount,
    )
    from capcore.progress_update import ProgressUpdate, Status, latest_update
    from capcore.proposals import Proposal
    from capcore.proposals_read import ProposalImport, read_proposals
    from capcore.readwrite import PlanWriteError, read, write
    from capcore.rules import RuleSpec, ValidationSettings
    from capcore.schedule import DateSource, Occurrences, Window
    from capcore.schema import json_schema
    from capcore.structure import check_structure
    from capcore.tables import (
        CARD_LABEL_SYNONYMS,
        HEADER_SYNONYMS,
        LIST_LABEL_SYNONYMS,
        CardField,
        ListField,
        MatrixColumn,
        SourceBlock,
        SourceCell,
        SourceParagraph,
        SourceRow,
        SourceTable,
        detect_layout,
        read_cards,
        read_list,
        read_matrix,
        read_tables,
    )
    from capcore.tables.synonyms import PROPOSAL_HEADER_SYNONYMS, ProposalColumn
    from capcore.validation import RuleError, ValidationReport, validate
    from capcore.visible_edits import (
        PROGRESS_FIELD,
        ShownFields,
        VisibleEdit,
        VisibleEdits,
        apply_visible_edits,
    )
    from capcore.xml_text import escape_xml_text, needs_xml_escape, unescape_xml_text

# The module that defines each public name. ``import capcore`` loads
# none of them: a name's module is imported the first time the name is
# used (PEP 562), so the command line starts fast and a script pays only for
# what it touches. The imports above tell type checkers the same thing;
# tests/test_init.py checks the two agree with each other and with __all__.
_EXPORTS_BY_MODULE: dict[str, tuple[str, ...]] = {
    "capcore._gc_pause": ("gc_pause_enabled", "set_gc_pause"),
    "capcore.atomic": ("atomic_write", "atomic_write_bytes"),
    "capcore.budget": ("Budget", "BudgetKind", "FundingShare", "Quantity"),
    "capcore.budget_parse": ("parse_budget",),
    "capcore.coverage": ("CoverageReport", "coverage"),
    "capcore.draft_plan": ("DraftPlan", "Grouping", "NotTaken", "draft_plan"),
    "capcore.prioritisation": (
        "PrioritisationError",
        "PrioritisationResult",
        "RankedProposal",
        "prioritisation_of",
        "prioritise",
    ),
    "capcore.prioritisation_method": (
        "PRIORITISATION_METHODS",
        "Category",
        "Decision",
        "Override",
        "Prioritisation",
        "PrioritisationMethod",
        "UnknownMethodError",
    ),
    "capcore.proposals": ("Proposal",),
    "capcore.proposals_read": ("ProposalImport", "read_proposals"),
    "capcore.tables.synonyms": ("PROPOSAL_HEADER_SYNONYMS", "ProposalColumn"),
    "capcore.builder": (
        "ActivityBuilder",
        "AreaBuilder",
        "MeasureBuilder",
        "MeasureFields",
        "PlanBuilder",
    ),
    "capcore.caf": ("CafRef", "CafRefError", "CafVersion", "parse_caf_refs"),
    "capcore.caf_catalogue": ("CafCatalogue", "CafEntry", "catalogue"),
    "capcore.deadline": (
        "Deadline",
        "DeadlineKind",
        "DeadlineTerm",
        "Recurrence",
        "RecurrenceUnit",
    ),
    "capcore.deadline_parse": ("parse_deadline",),
    "capcore.errors": ("CapcoreError", "PlanFormatError", "SchemaVersionError"),
    "capcore.findings": ("EntityKind", "EntityRef", "Finding", "Location", "Message", "Severity"),
    "capcore.formats": ("FormatSpec", "OptionError", "OptionKind", "OptionSpec", "Sample"),
    "capcore.hookspecs": ("hookimpl",),
    "capcore.ids": ("derived_id", "new_id"),
    "capcore.import_notes": ("ImportNote",),
    "capcore.indicator": ("Comparison", "Indicator", "IndicatorValue"),
    "capcore.jsonio": (
        "SCHEMA_VERSION",
        "dumps",
        "from_dict",
        "load_json",
        "loads",
        "save_json",
        "to_dict",
    ),
    "capcore.locales": ("LOCALES", "UnknownLocaleError"),
    "capcore.model": (
        "Activity",
        "Approval",
        "Area",
        "Layout",
        "Measure",
        "MeasureKind",
        "Period",
        "Plan",
        "Priority",
        "Roles",
        "SelfAssessment",
    ),
    "capcore.money": ("BGN_PER_EUR", "Currency", "Money"),
    "capcore.monitoring_merge": (
        "Conflict",
        "Difference",
        "DifferenceKind",
        "MergeError",
        "MergeResult",
        "TakenReport",
        "merge",
    ),
    "capcore.package_guard": (
        "DEFAULT_PACKAGE_LIMITS",
        "PACKAGE_LIMIT_OPTIONS",
        "PackageLimits",
        "check_package",
        "package_limits",
        "read_limited",
    ),
    "capcore.plan_timeline": (
        "CalendarBucket",
        "DueDate",
        "GanttRow",
        "RowKind",
        "Timeline",
        "timeline",
    ),
    "capcore.plugin_host": (
        "FormatNotFoundError",
        "PluginError",
        "PluginHost",
        "PluginWarning",
        "make_plugin_host",
    ),
    "capcore.progress_engine": ("ProgressError", "progress"),
    "capcore.progress_gauge": ("Gauge", "Reason", "ReasonCode"),
    "capcore.progress_policy": (
        "POLICY_PRESETS",
        "PercentSource",
        "ProgressPolicy",
        "StatusPercents",
        "UnknownPolicyError",
        "Weighting",
    ),
    "capcore.progress_report": (
        "DueItem",
        "DueKind",
        "GroupKind",
        "GroupTotals",
        "IndicatorAttainment",
        "ItemLevel",
        "ItemProgress",
        "ProgressReport",
        "QuickWinSummary",
        "RecurringCount",
    ),
    "capcore.progress_update": ("ProgressUpdate", "Status", "latest_update"),
    "capcore.readwrite": ("PlanWriteError", "read", "write"),
    "capcore.rules": ("RuleSpec", "ValidationSettings"),
    "capcore.schedule": ("DateSource", "Occurrences", "Window"),
    "capcore.schema": ("json_schema",),
    "capcore.structure": ("check_structure",),
    "capcore.tables": (
        "CARD_LABEL_SYNONYMS",
        "HEADER_SYNONYMS",
        "LIST_LABEL_SYNONYMS",
        "CardField",
        "ListField",
        "MatrixColumn",
        "SourceBlock",
        "SourceCell",
        "SourceParagraph",
        "SourceRow",
        "SourceTable",
        "detect_layout",
        "read_cards",
        "read_list",
        "read_matrix",
        "read_tables",
    ),
    "capcore.validation": ("RuleError", "ValidationReport", "validate"),
    "capcore.visible_edits": (
        "PROGRESS_FIELD",
        "ShownFields",
        "VisibleEdit",
        "VisibleEdits",
        "apply_visible_edits",
    ),
    "capcore.xml_text": ("escape_xml_text", "needs_xml_escape", "unescape_xml_text"),
}
_EXPORTS: dict[str, str] = {
    name: module for module, names in _EXPORTS_BY_MODULE.items() for name in names
}

__all__ = [
    "BGN_PER_EUR",
    "CARD_LABEL_SYNONYMS",
    "DEFAULT_PACKAGE_LIMITS",
    "HEADER_SYNONYMS",
    "LIST_LABEL_SYNONYMS",
    "LOCALES",
    "PACKAGE_LIMIT_OPTIONS",
    "POLICY_PRESETS",
    "PRIORITISATION_METHODS",
    "PROGRESS_FIELD",
    "PROPOSAL_HEADER_SYNONYMS",
    "SCHEMA_VERSION",
    "Activity",
    "ActivityBuilder",
    "Approval",
    "Area",
    "AreaBuilder",
    "Budget",
    "BudgetKind",
    "CafCatalogue",
    "CafEntry",
    "CafRef",
    "CafRefError",
    "CafVersion",
    "CalendarBucket",
    "CapcoreError",
    "CardField",
    "Category",
    "Comparison",
    "Conflict",
    "CoverageReport",
    "Currency",
    "DateSource",
    "Deadline",
    "DeadlineKind",
    "DeadlineTerm",
    "Decision",
    "Difference",
    "DifferenceKind",
    "DraftPlan",
    "DueDate",
    "DueItem",
    "DueKind",
    "EntityKind",
    "EntityRef",
    "Finding",
    "FormatNotFoundError",
    "FormatSpec",
    "FundingShare",
    "GanttRow",
    "Gauge",
    "GroupKind",
    "GroupTotals",
    "Grouping",
    "ImportNote",
    "Indicator",
    "IndicatorAttainment",
    "IndicatorValue",
    "ItemLevel",
    "ItemProgress",
    "Layout",
    "ListField",
    "Location",
    "MatrixColumn",
    "Measure",
    "MeasureBuilder",
    "MeasureFields",
    "MeasureKind",
    "MergeError",
    "MergeResult",
    "Message",
    "Money",
    "NotTaken",
    "Occurrences",
    "OptionError",
    "OptionKind",
    "OptionSpec",
    "Override",
    "PackageLimits",
    "PercentSource",
    "Period",
    "Plan",
    "PlanBuilder",
    "PlanFormatError",
    "PlanWriteError",
    "PluginError",
    "PluginHost",
    "PluginWarning",
    "Prioritisation",
    "PrioritisationError",
    "PrioritisationMethod",
    "PrioritisationResult",
    "Priority",
    "ProgressError",
    "ProgressPolicy",
    "ProgressReport",
    "ProgressUpdate",
    "Proposal",
    "ProposalColumn",
    "ProposalImport",
    "Quantity",
    "QuickWinSummary",
    "RankedProposal",
    "Reason",
    "ReasonCode",
    "Recurrence",
    "RecurrenceUnit",
    "RecurringCount",
    "Roles",
    "RowKind",
    "RuleError",
    "RuleSpec",
    "Sample",
    "SchemaVersionError",
    "SelfAssessment",
    "Severity",
    "ShownFields",
    "SourceBlock",
    "SourceCell",
    "SourceParagraph",
    "SourceRow",
    "SourceTable",
    "Status",
    "StatusPercents",
    "TakenReport",
    "Timeline",
    "UnknownLocaleError",
    "UnknownMethodError",
    "UnknownPolicyError",
    "ValidationReport",
    "ValidationSettings",
    "VisibleEdit",
    "VisibleEdits",
    "Weighting",
    "Window",
    "apply_visible_edits",
    "atomic_write",
    "atomic_write_bytes",
    "catalogue",
    "check_package",
    "check_structure",
    "coverage",
    "derived_id",
    "detect_layout",
    "draft_plan",
    "dumps",
    "escape_xml_text",
    "from_dict",
    "gc_pause_enabled",
    "hookimpl",
    "json_schema",
    "latest_update",
    "load_json",
    "loads",
    "make_plugin_host",
    "merge",
    "needs_xml_escape",
    "new_id",
    "package_limits",
    "parse_budget",
    "parse_caf_refs",
    "parse_deadline",
    "prioritisation_of",
    "prioritise",
    "progress",
    "read",
    "read_cards",
    "read_limited",
    "read_list",
    "read_matrix",
    "read_proposals",
    "read_tables",
    "save_json",
    "set_gc_pause",
    "timeline",
    "to_dict",
    "unescape_xml_text",
    "validate",
    "write",
]


def __getattr__(name: str) -> object:
    """Import a public name's module on first use and return the name (PEP 562).

    Args:
        name: The attribute asked for.

    Returns:
        The public object called ``name``.

    Raises:
        AttributeError: ``name`` is not one of capcore's public names.
    """
    module = _EXPORTS.get(name)
    if module is None:
        message = f"module 'capcore' has no attribute {name!r}"
        raise AttributeError(message)
    value = getattr(importlib.import_module(module), name)
    # Cached in the namespace: the next lookup is a plain attribute access.
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """Return the module's names, the public ones included before first use."""
    return sorted({*globals(), *__all__})


class _Namespace(types.ModuleType):
    """capcore's module type: a public name wins over a submodule of the same name.

    Importing ``capcore.coverage`` binds the module to ``capcore.coverage``;
    with eager imports the package's own ``from capcore.coverage import
    coverage`` rebound it to the function afterwards, but lazily nothing
    does, so the binding is corrected as it is made.
    """

    def __setattr__(self, name: str, value: object) -> None:
        if isinstance(value, types.ModuleType) and _EXPORTS.get(name) == value.__name__:
            value = getattr(value, name)
        super().__setattr__(name, value)


# The documented way to customise a module's attribute setting (Python
# reference, "Customizing module attribute access").
sys.modules[__name__].__class__ = _Namespace
