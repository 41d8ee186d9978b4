"""The worked prioritisation example: examples/proposals/ and capcore.examples' draft plan."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from capcore import prioritisation_of, read
from capcore.examples import DRAFT_PLAN_ID, draft_plans, example_proposals

from .conftest import REPO, needs_formats


def test_the_example_has_twelve_proposals_with_unique_ids() -> None:
    """Twelve rows, numbered 1-12, each with its own id."""
    proposals = example_proposals()
    assert [p.number for p in proposals] == [str(n) for n in range(1, 13)]
    assert len({p.id for p in proposals}) == 12


def test_the_draft_plan_is_built_with_a_fixed_id_and_carries_its_prioritisation() -> None:
    """draft_plans() gives one plan, id fixed, with the proposals and the group's decision."""
    [(key, plan)] = draft_plans().items()
    assert (key, plan.id) == ("draft-from-proposals", DRAFT_PLAN_ID)
    result = prioritisation_of(plan)
    assert result is not None
    assert len(result.taken()) == sum(1 for _ in plan.measures()) == 10


@needs_formats("xlsx", "docx", "html")
def test_the_script_writes_the_draft_in_three_formats_that_read_back_equal(
    tmp_path: Path,
) -> None:
    """prioritise_proposals.py OUT writes xlsx, docx and html, each the example's draft plan."""
    script = REPO / "examples" / "proposals" / "prioritise_proposals.py"
    done = subprocess.run(
        [sys.executable, str(script), str(tmp_path)], check=True, capture_output=True, text=True
    )
    assert "not taken: [10]" in done.stdout
    expected = draft_plans()["draft-from-proposals"]
    for extension in (".xlsx", ".docx", ".html"):
        assert read(tmp_path / f"draft-plan{extension}") == expected, extension
