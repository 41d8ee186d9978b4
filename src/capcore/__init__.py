"""capcore: CAF improvement plans of public administrations, as a typed model.

The names below are the public API; everything else is implementation.

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
from capcore.deadline import Deadline, DeadlineKind, DeadlineTerm, Recurrence, RecurrenceUnit
from capcore.deadline_parse import parse_deadline
from capcore.errors import CapcoreError, PlanFormatError, SchemaVersionError
from capcore.findings import EntityKind, EntityRef, Finding, Location, Message, Severity
from capcore.formats import FormatSpec, OptionError, OptionKind, OptionSpec, Sample
from capcore.hookspecs import hookimpl
from capcore.ids import derived_id, new_id
from capcore.import_notes import ImportNote
from capcore.indicator import Comparison, Indicator, IndicatorValue
from capcore.jsonio import SCHEMA_VERSION, dumps, from_dict, load_json, loads, save_json, to_dict
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
from capcore.package_guard import DEFAULT_PACKAGE_LIMITS, PackageLimits, check_package, read_limited
from capcore.plan_timeline import CalendarBucket, DueDate, GanttRow, RowKind, Timeline, timeline
from capcore.plugin_host import (
    FormatNotFoundError,
    PluginError,
    PluginHost,
    PluginWarning,
    make_plugin_host,
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
from capcore.validation import RuleError, ValidationReport, validate
from capcore.visible_edits import (
    PROGRESS_FIELD,
    ShownFields,
    VisibleEdit,
    VisibleEdits,
    apply_visible_edits,
)
from capcore.xml_text import escape_xml_text, needs_xml_escape, unescape_xml_text

__all__ = [
    "BGN_PER_EUR",
    "CARD_LABEL_SYNONYMS",
    "DEFAULT_PACKAGE_LIMITS",
    "HEADER_SYNONYMS",
    "LIST_LABEL_SYNONYMS",
    "LOCALES",
    "POLICY_PRESETS",
    "PROGRESS_FIELD",
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
    "Comparison",
    "Conflict",
    "Currency",
    "DateSource",
    "Deadline",
    "DeadlineKind",
    "DeadlineTerm",
    "Difference",
    "DifferenceKind",
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
    "Occurrences",
    "OptionError",
    "OptionKind",
    "OptionSpec",
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
    "Priority",
    "ProgressError",
    "ProgressPolicy",
    "ProgressReport",
    "ProgressUpdate",
    "Quantity",
    "QuickWinSummary",
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
    "derived_id",
    "detect_layout",
    "dumps",
    "escape_xml_text",
    "from_dict",
    "hookimpl",
    "json_schema",
    "latest_update",
    "load_json",
    "loads",
    "make_plugin_host",
    "merge",
    "needs_xml_escape",
    "new_id",
    "parse_budget",
    "parse_caf_refs",
    "parse_deadline",
    "progress",
    "read",
    "read_cards",
    "read_limited",
    "read_list",
    "read_matrix",
    "read_tables",
    "save_json",
    "timeline",
    "to_dict",
    "unescape_xml_text",
    "validate",
    "write",
]
