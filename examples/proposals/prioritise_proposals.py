"""Prioritise the worked example's proposals and write the draft plan as xlsx, docx and html.

What ``capcore prioritise`` does, step by step through the library: read the
working group's table, rank the proposals with the group's decision,
draw the draft plan, see what is left to decide, and write it in every
format. Needs capcore-xlsx (to read the table) and the docx and html
plugins (to write those files).

    python examples/proposals/prioritise_proposals.py [OUT_DIR]
"""

from __future__ import annotations

import sys
from pathlib import Path

import capcore
from capcore.examples._proposals import EXAMPLE_ORGANISATION, EXAMPLE_TITLE

HERE = Path(__file__).parent


def main(out_dir: Path) -> None:
    """Read proposals.xlsx, prioritise, and write the draft to ``out_dir``."""
    table = capcore.read_proposals(HERE / "proposals.xlsx")
    for note in table.import_notes:
        print(f"note: {note}")
    # The working group's decision is recorded in the JSON copy of the proposals.
    decisions = capcore.read_proposals(HERE / "proposals.json").overrides
    result = capcore.prioritise(table.proposals, "impact-feasibility", decisions)
    print("\n".join(result.summary_lines("bg")))
    draft = capcore.draft_plan(
        result,
        title=EXAMPLE_TITLE,
        organisation=EXAMPLE_ORGANISATION,
        period=capcore.Period.years(2022, 2023),
        plan_id="bg-example-draft-improvement-plan-2022-2023",
    )
    for item in draft.not_taken:
        print(f"not taken: [{item.proposal.number}] {item.reason.bg}")
    report = capcore.validate(draft.plan)
    print(f"left to decide: {report.summary_text()}")
    out_dir.mkdir(parents=True, exist_ok=True)
    for extension in (".xlsx", ".docx", ".html"):
        path = out_dir / f"draft-plan{extension}"
        capcore.write(draft.plan, path)
        print(f"wrote {path}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("out") / "proposals")
