"""``capcore prioritise PROPOSALS -o DRAFT``: rank improvement proposals and draft a plan.

It reads the working group's proposals (:func:`capcore.read_proposals`:
JSON, or a table in any format with a table reader, such as xlsx), ranks
them by a named method (:func:`capcore.prioritise`; the file's own method
and overrides when it has them, else ``impact-feasibility``), draws the
draft plan (:func:`capcore.draft_plan`) and writes it in any installed
format, chosen by ``--to`` or the output's extension. It prints the ranking,
the proposals not taken with their reasons, and how many things the working
group has still to decide (what :func:`capcore.validate` finds in the
draft). Exit codes as the other commands: 0 written, 2 usage or input error.
"""

from __future__ import annotations

import argparse

from capcore._type_checking import TYPE_CHECKING
from capcore.cli._common import EXIT_OK, Commands, LazyChoices, add_output_option, print_json, warn

if TYPE_CHECKING:
    from capcore.draft_plan import DraftPlan
    from capcore.validation import ValidationReport

__all__ = ["register", "run"]

GROUPINGS = ("criterion", "area")


def register(commands: Commands, common: argparse.ArgumentParser) -> None:
    """Add the ``prioritise`` command to ``commands``."""
    parser = commands.add_parser(
        "prioritise",
        parents=[common],
        help="rank improvement proposals and write a draft plan",
        description="Rank a self-assessment's improvement proposals by a named method "
        "and write a draft plan in any installed format. The methods are explained in "
        "docs/prioritisation.md.",
    )
    parser.add_argument(
        "proposals", metavar="PROPOSALS", help="the proposals: a JSON file or a table (xlsx)"
    )
    parser.add_argument(
        "-o", "--output", dest="target", required=True, metavar="DRAFT", help="the draft plan"
    )
    parser.add_argument("--from", dest="from_format", metavar="NAME", help="the proposals' format")
    parser.add_argument(
        "--to", dest="to_format", metavar="NAME", help="the draft's format (default: by extension)"
    )
    parser.add_argument(
        "--method",
        choices=LazyChoices("capcore.prioritisation_method:PRIORITISATION_METHODS"),
        metavar="NAME",
        help="the prioritisation method: %(choices)s (default: the file's own, else "
        "impact-feasibility)",
    )
    parser.add_argument(
        "--grouping",
        choices=GROUPINGS,
        default="criterion",
        help="areas of the draft: one per CAF criterion, or the working group's own areas",
    )
    parser.add_argument("--title", help="the draft plan's title")
    parser.add_argument("--organisation", default="", help="the administration")
    parser.add_argument(
        "--locale", choices=("en", "bg"), default="en", help="the language of the text output"
    )
    add_output_option(parser, "the ranking and what is left to decide (text)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Prioritise the proposals ``args`` names and write the draft; return the exit code."""
    from capcore.draft_plan import DEFAULT_DRAFT_TITLE, draft_plan
    from capcore.ids import derived_id
    from capcore.prioritisation import prioritise
    from capcore.prioritisation_method import DEFAULT_METHOD, PrioritisationMethod
    from capcore.proposals_read import read_proposals
    from capcore.readwrite import write
    from capcore.validation import validate

    read = read_proposals(args.proposals, args.from_format)
    for note in read.import_notes:
        warn(f"{args.proposals}: {note}")
    if args.method is not None:
        method = PrioritisationMethod.named(args.method)
    else:
        method = read.method or DEFAULT_METHOD
    result = prioritise(read.proposals, method, read.overrides)
    # The same proposals give the same plan and measure ids, run after run.
    plan_id = derived_id("capcore-draft", ",".join(p.id for p in read.proposals))
    draft = draft_plan(
        result,
        args.grouping,
        title=args.title or DEFAULT_DRAFT_TITLE,
        organisation=args.organisation,
        plan_id=plan_id,
    )
    write(draft.plan, args.target, args.to_format)
    report = validate(draft.plan)
    if args.output == "json":
        print_json(_data(draft, report, args.target))
    else:
        print(_text(draft, report, args.target, args.locale))
    return EXIT_OK


def _text(draft: DraftPlan, report: ValidationReport, target: str, locale: str) -> str:
    from capcore.labels import label

    result = draft.prioritisation
    method = result.method.preset_name or "custom"
    lines = [f"{label('prioritisation', locale)} ({method}):"]
    lines += result.summary_lines(locale)
    if draft.not_taken:
        lines.append(f"{label('not_taken', locale)}:")
        lines += [
            f"  [{item.proposal.number or item.proposal.id[:8]}] {item.reason.text(locale)}"
            for item in draft.not_taken
        ]
    measures = sum(1 for _ in draft.plan.measures())
    open_points = len(report.findings)
    if locale == "bg":
        lines.append(
            f"{target}: {measures} мерки; {open_points} въпроса за решаване "
            f"(capcore validate {target})"
        )
    else:
        lines.append(
            f"{target}: {measures} measures; {open_points} points left to decide "
            f"(capcore validate {target})"
        )
    return "\n".join(lines)


def _data(draft: DraftPlan, report: ValidationReport, target: str) -> dict[str, object]:
    result = draft.prioritisation
    return {
        "output": target,
        "method": result.method.preset_name,
        "ranking": [
            {
                "proposal_id": entry.proposal.id,
                "number": entry.proposal.number,
                "rank": entry.rank,
                "score": None if entry.score is None else str(entry.score),
                "category": None if entry.category is None else entry.category.value,
                "taken": entry.taken,
                "tie_broken_by": None if entry.tie_broken_by is None else entry.tie_broken_by.value,
                "reasoning": {
                    "en": entry.reasoning_text("en"),
                    "bg": entry.reasoning_text("bg"),
                },
            }
            for entry in result.entries
        ],
        "overrides": [
            {
                "proposal_id": override.proposal_id,
                "by": override.by,
                "reason": override.reason,
                "category": None if override.category is None else override.category.value,
                "rank": override.rank,
                "decision": None if override.decision is None else override.decision.value,
            }
            for override in result.overrides
        ],
        "not_taken": [
            {
                "proposal_id": item.proposal.id,
                "reason": {"en": item.reason.en, "bg": item.reason.bg},
            }
            for item in draft.not_taken
        ],
        "measures": sum(1 for _ in draft.plan.measures()),
        "open_points": [finding.code for finding in report.findings],
    }
