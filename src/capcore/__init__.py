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
- Checking a plan: :func:`validate` (every installed rule) and
  :func:`check_structure`.
- For format plugins: :func:`check_package` (zip bombs, entity declarations,
  encrypted files), :func:`escape_xml_text` (text XML cannot hold).
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
from capcore.findings import Finding, Severity
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
from capcore.package_guard import DEFAULT_PACKAGE_LIMITS, PackageLimits, check_package, read_limited
from capcore.plugin_host import (
    FormatNotFoundError,
    PluginError,
    PluginHost,
    PluginWarning,
    make_plugin_host,
)
from capcore.progress_update import ProgressUpdate, Status, latest_update
from capcore.readwrite import PlanWriteError, read, write
from capcore.rules import RuleSpec
from capcore.schema import json_schema
from capcore.structure import check_structure
from capcore.validation import RuleError, ValidationReport, validate
from capcore.xml_text import escape_xml_text, needs_xml_escape, unescape_xml_text

__all__ = [
    "BGN_PER_EUR",
    "DEFAULT_PACKAGE_LIMITS",
    "LOCALES",
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
    "CapcoreError",
    "Comparison",
    "Currency",
    "Deadline",
    "DeadlineKind",
    "DeadlineTerm",
    "Finding",
    "FormatNotFoundError",
    "FormatSpec",
    "FundingShare",
    "ImportNote",
    "Indicator",
    "IndicatorValue",
    "Layout",
    "Measure",
    "MeasureBuilder",
    "MeasureFields",
    "MeasureKind",
    "Money",
    "OptionError",
    "OptionKind",
    "OptionSpec",
    "PackageLimits",
    "Period",
    "Plan",
    "PlanBuilder",
    "PlanFormatError",
    "PlanWriteError",
    "PluginError",
    "PluginHost",
    "PluginWarning",
    "Priority",
    "ProgressUpdate",
    "Quantity",
    "Recurrence",
    "RecurrenceUnit",
    "Roles",
    "RuleError",
    "RuleSpec",
    "Sample",
    "SchemaVersionError",
    "SelfAssessment",
    "Severity",
    "Status",
    "UnknownLocaleError",
    "ValidationReport",
    "atomic_write",
    "atomic_write_bytes",
    "catalogue",
    "check_package",
    "check_structure",
    "derived_id",
    "dumps",
    "escape_xml_text",
    "from_dict",
    "hookimpl",
    "json_schema",
    "latest_update",
    "load_json",
    "loads",
    "make_plugin_host",
    "needs_xml_escape",
    "new_id",
    "parse_budget",
    "parse_caf_refs",
    "parse_deadline",
    "read",
    "read_limited",
    "save_json",
    "to_dict",
    "unescape_xml_text",
    "validate",
    "write",
]
