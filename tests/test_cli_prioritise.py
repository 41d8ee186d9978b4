"""capcore prioritise: proposals in, ranking out, draft plan written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from capcore import load_json, prioritisation_of
from capcore.cli import EXIT_OK, EXIT_USAGE, main
from capcore.examples import example_overrides, example_proposals

from .conftest import REPO

PROPOSALS = REPO / "examples" / "proposals" / "proposals.json"


def test_prints_the_ranking_and_writes_the_draft(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The text names each rank, the decision, the proposals not taken and what is left."""
    target = tmp_path / "draft.json"
    assert main(["prioritise", str(PROPOSALS), "-o", str(target)]) == EXIT_OK
    out = capsys.readouterr().out
    assert out.startswith("Prioritisation (impact-feasibility):\n")
    assert "  1. [1] quick win, score 20: Актуализиране на мисията" in out
    assert " 11. [10] reconsider, score 4 ✗:" in out
    assert "Working group's decision: Работна група по заповед на кмета: taken" in out
    assert "  [12] not scored: impact and feasibility are both needed to rank it" in out
    assert f"{target}: 10 measures; 44 points left to decide" in out
    plan = load_json(target)
    result = prioritisation_of(plan)
    assert result is not None
    assert result.overrides == example_overrides()


def test_the_method_and_grouping_are_chosen_by_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--method matrix-3x3 --grouping area: the category first, the group's areas."""
    target = tmp_path / "draft.json"
    args = ["prioritise", str(PROPOSALS), "--method", "matrix-3x3", "--grouping", "area"]
    assert main([*args, "-o", str(target)]) == EXIT_OK
    assert "Prioritisation (matrix-3x3):" in capsys.readouterr().out
    plan = load_json(target)
    assert plan.areas[0].title == "Стратегическо управление"


def test_json_output_carries_ranking_reasoning_and_open_points(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--format json: one object with the ranking, both languages, and the findings' codes."""
    target = tmp_path / "draft.json"
    assert main(["prioritise", str(PROPOSALS), "-o", str(target), "--format", "json"]) == EXIT_OK
    data = json.loads(capsys.readouterr().out)
    assert [entry["number"] for entry in data["ranking"]][:3] == ["1", "11", "2"]
    assert data["ranking"][1]["tie_broken_by"] == "impact"
    assert data["ranking"][0]["reasoning"]["bg"].startswith("оценки:")
    assert data["not_taken"][0]["proposal_id"] == example_proposals()[9].id
    assert data["open_points"].count("B104") == 10


def test_the_same_proposals_give_the_same_draft(tmp_path: Path) -> None:
    """Plan and measure ids derive from the proposals: two runs write the same file."""
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    main(["prioritise", str(PROPOSALS), "-o", str(first)])
    main(["prioritise", str(PROPOSALS), "-o", str(second)])
    assert first.read_bytes() == second.read_bytes()


def test_a_plan_file_is_not_proposals(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A plan given as proposals is an input error (exit 2) naming the file."""
    plan = REPO / "examples" / "plans" / "lovech.json"
    assert main(["prioritise", str(plan), "-o", str(tmp_path / "d.json")]) == EXIT_USAGE
    assert "lovech.json: $.kind: expected a proposals file" in capsys.readouterr().err
    assert not (tmp_path / "d.json").exists()


def test_an_unknown_method_is_a_usage_error(tmp_path: Path) -> None:
    """argparse refuses a method that is not a preset (exit 2)."""
    with pytest.raises(SystemExit) as raised:
        main(["prioritise", str(PROPOSALS), "--method", "best", "-o", str(tmp_path / "d.json")])
    assert raised.value.code == EXIT_USAGE
