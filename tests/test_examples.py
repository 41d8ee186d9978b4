"""The example plans: committed JSON, counts, completeness against the seed texts, scripts."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from capcore.budget import Budget
from capcore.deadline import Deadline
from capcore.examples import lovech, pazardzhik, seed_plans, smolyan
from capcore.jsonio import dumps, load_json
from capcore.model import Measure, MeasureKind

ROOT = Path(__file__).parents[1]
PLANS_DIR = ROOT / "examples" / "plans"
SEEDS_DIR = Path(__file__).parents[2] / "shared" / "seeds"
KEYS = ["lovech", "pazardzhik", "smolyan"]
SEED_FILES = {
    "lovech": "000_4e58b002dbd8b535.txt",
    "pazardzhik": "001_d8601e998542f465.txt",
    "smolyan": "002_0d8451881785c461.txt",
}


# --- a small reader of the seed texts, independent of capcore.examples -------------------


def _seed(key: str) -> str:
    path = SEEDS_DIR / SEED_FILES[key]
    if not path.is_file():
        pytest.skip(f"../shared/seeds not found: {path}")
    return path.read_text(encoding="utf-8")


def _lovech_rows() -> list[list[str]]:
    """The 9-cell rows of the Lovech table after its two header rows."""
    rows = [line.split("\t") for line in _seed("lovech").splitlines() if "\t" in line]
    return rows[2:]


def _split_number(cell: str) -> tuple[str, str]:
    """``1.1.1. Title`` -> (``1.1.1``, ``Title``); also ``2.9.1 T`` and ``3.1.1.T``."""
    match = re.fullmatch(r"(\d+(?:\.\d+)*)\.? ?(.*)", cell, re.DOTALL)
    assert match is not None, cell
    return match[1], match[2]


def _lovech_areas() -> list[tuple[str, str]]:
    return [
        (match[1], match[2])
        for row in _lovech_rows()
        if (match := re.fullmatch(r"<b>Област (\d+): (.*)</b>", row[0]))
    ]


def _lovech_measures() -> list[tuple[str, str, str, str]]:
    """(number, title, strategic ref, quick-win ref) of each measure row."""
    return [
        (*_split_number(row[0]), row[2], row[3])
        for row in _lovech_rows()
        if row[0] and not row[0].startswith("<b>")
    ]


def _lovech_activities() -> list[tuple[str, ...]]:
    """(measure number, activity number, title, start, end, target, responsible, note)."""
    activities: list[tuple[str, ...]] = []
    measure = ""
    for row in _lovech_rows():
        if row[0].startswith("<b>"):
            continue
        if row[0]:
            measure = _split_number(row[0])[0]
        activities.append((measure, *_split_number(row[1]), *row[4:9]))
    return activities


def _pazardzhik_cards() -> list[tuple[str, dict[str, str]]]:
    """(heading, label -> value) of each card."""
    cards: list[tuple[str, dict[str, str]]] = []
    for line in _seed("pazardzhik").splitlines():
        if line.startswith("МЯРКА"):
            cards.append((line.strip(), {}))
        elif cards and "\t" in line:
            label, value = line.split("\t")
            cards[-1][1][label] = value
    return cards


def _smolyan_lines() -> list[str]:
    return _seed("smolyan").splitlines()


def _smolyan_sections() -> list[tuple[str, str]]:
    return [
        (match[1], match[2])
        for line in _smolyan_lines()
        if (match := re.fullmatch(r"(\d+)\. (.*)", line))
    ]


def _smolyan_items() -> list[tuple[str, str, str, str, str]]:
    """(section number, item number, title, deadline, responsible) of each item."""
    items: list[list[str]] = []
    section = ""
    for line in _smolyan_lines():
        if match := re.fullmatch(r"(\d+)\. .*", line):
            section = match[1]
        elif re.match(r"\d+\.\d+\.", line):
            items.append([section, *_split_number(line)])
        elif line.startswith(("Срок: ", "Отговорник: ")):
            items[-1].append(line.split(": ", 1)[1])
    return [(s, n, t, d, r) for s, n, t, d, r in items]


def _text(value: Deadline | Budget | None) -> str:
    return "" if value is None else value.text


# --- (a) the committed JSON files ---------------------------------------------------------


@pytest.mark.parametrize("key", KEYS)
def test_committed_json_equals_built_plan(key: str) -> None:
    """examples/plans/<key>.json is byte for byte what the example code builds."""
    committed = (PLANS_DIR / f"{key}.json").read_bytes()
    assert committed == dumps(seed_plans()[key]).encode("utf-8")


def test_seed_plans_keys_in_order() -> None:
    """seed_plans() gives lovech, pazardzhik and smolyan, in that order."""
    assert list(seed_plans()) == KEYS


def test_each_call_builds_a_fresh_equal_plan() -> None:
    """Two calls give equal plans that share no objects."""
    first, second = lovech(), lovech()
    assert first == second
    assert first is not second
    assert first.areas[0] is not second.areas[0]


# --- (b) counts ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "areas", "measures", "activities", "quick_wins"),
    [
        ("lovech", 3, 32, 54, 15),
        ("pazardzhik", 1, 12, 0, 4),
        ("smolyan", 6, 19, 0, 0),
    ],
)
def test_counts(key: str, areas: int, measures: int, activities: int, quick_wins: int) -> None:
    """Each plan has the seed's number of areas, measures, activities and quick wins."""
    plan = seed_plans()[key]
    assert len(plan.areas) == areas
    assert len(list(plan.measures())) == measures
    assert len(list(plan.activities())) == activities
    assert sum(m.is_quick_win for m in plan.measures()) == quick_wins


# --- (c) completeness against the seed texts ----------------------------------------------


@pytest.mark.parametrize("key", KEYS)
def test_plan_header_appears_in_seed(key: str) -> None:
    """The title, subtitle, introduction and approval lines are seed text."""
    plan = seed_plans()[key]
    seed = " ".join(_seed(key).split())
    texts = [plan.title, plan.subtitle, plan.introduction]
    if plan.approval is not None:
        texts += [plan.approval.heading, plan.approval.name, *plan.approval.position.split("\n")]
    for text in filter(None, texts):
        assert " ".join(text.split()) in seed, text


@pytest.mark.parametrize("key", KEYS)
def test_organisation_named_in_seed(key: str) -> None:
    """The organisation is named in the seed text (in any letter case)."""
    plan = seed_plans()[key]
    assert plan.organisation.casefold() in " ".join(_seed(key).split()).casefold()


def test_lovech_areas_match_seed() -> None:
    """Lovech areas are the seed's "Област N: title" rows, number and title apart."""
    assert [(a.number, a.title) for a in lovech().areas] == _lovech_areas()


def test_lovech_measures_match_seed() -> None:
    """Lovech measures have the seed's numbers, titles and CAF refs in the right column."""
    got = []
    for measure in lovech().measures():
        refs = ", ".join(str(ref) for ref in measure.caf_refs)
        strategic = refs if measure.kind is MeasureKind.STRATEGIC else ""
        quick_win = refs if measure.kind is MeasureKind.QUICK_WIN else ""
        got.append((measure.number, measure.title, strategic, quick_win))
    assert got == _lovech_measures()


def test_lovech_measures_sit_in_their_areas() -> None:
    """Each Lovech measure sits in the area its number starts with."""
    for area in lovech().areas:
        assert all(m.number.split(".")[0] == area.number for m in area.measures)


def test_lovech_activities_match_seed() -> None:
    """Lovech activities keep number, title, dates, target, responsible and note as written."""
    got = [
        (
            measure.number,
            a.number,
            a.title,
            _text(a.start),
            _text(a.deadline),
            a.target,
            a.responsible,
            a.note,
        )
        for measure in lovech().measures()
        for a in measure.activities
    ]
    assert got == _lovech_activities()


_CARD_FIELDS: dict[str, Callable[[Measure], str]] = {
    "ДЕЙСТВИЕ": lambda m: m.title,
    "СПОНСОР": lambda m: m.roles.sponsor,
    "РЪКОВОДИТЕЛ": lambda m: m.roles.leader,
    "ЕКИП": lambda m: m.roles.team,
    "КОНТАКТ": lambda m: m.roles.contact,
    "ОБХВАТ": lambda m: m.scope,
    "ЗАИНТЕРЕСОВАНИ СТРАНИ": lambda m: m.stakeholders,
    "СИЛНИ СТРАНИ": lambda m: m.strengths,
    "ОБЛАСТИ НА ПОДОБРЕНИЕ": lambda m: m.improvement_areas,
    "ВАРИАНТИ ЗА ПРОУЧВАНЕ": lambda m: m.options,
    "ОГРАНИЧЕНИЯ": lambda m: m.constraints,
    "НЕОБХОДИМИ ЧР": lambda m: m.human_resources,
    "НЕОБХОДИМИ ЧР (ДНИ/ХОРА)": lambda m: m.human_resources,
    "БЮДЖЕТ": lambda m: _text(m.budget),
    "РЕЗУЛТАТ": lambda m: m.expected_result,
    "ДАТА НА ЗАПОЧВАНЕ": lambda m: _text(m.start),
    "ПРЕДВИДЕН СРОК": lambda m: _text(m.deadline),
}


def test_pazardzhik_cards_match_seed() -> None:
    """Every label of every Pazardzhik card is in its measure's field, exactly as written."""
    measures = list(pazardzhik().measures())
    cards = _pazardzhik_cards()
    assert len(measures) == len(cards)
    for measure, (_, card) in zip(measures, cards, strict=True):
        assert {label: _CARD_FIELDS[label](measure) for label in card} == card


def test_pazardzhik_numbers_and_quick_wins_match_headings() -> None:
    """A heading "МЯРКА N – QW" gives number N and a quick win; "МЯРКА N" leaves the kind unset."""
    got = [(m.number, m.kind) for m in pazardzhik().measures()]
    expected = []
    for heading, _ in _pazardzhik_cards():
        number, _, mark = heading.removeprefix("МЯРКА ").partition(" – ")
        expected.append((number, MeasureKind.QUICK_WIN if mark == "QW" else None))
    assert got == expected


def test_smolyan_areas_match_seed() -> None:
    """Smolyan areas are the seed's numbered sections, title as written after "N. "."""
    assert [(a.number, a.title) for a in smolyan().areas] == _smolyan_sections()


def test_smolyan_measures_match_seed() -> None:
    """Smolyan measures keep number, title, "Срок:" and "Отговорник:" in their section."""
    got = [
        (area.number, m.number, m.title, _text(m.deadline), m.responsible)
        for area in smolyan().areas
        for m in area.measures
    ]
    assert got == _smolyan_items()


def test_smolyan_measures_have_no_activities() -> None:
    """Smolyan items are measures without activities, and none is marked quick win."""
    measures = list(smolyan().measures())
    assert all(not m.activities and m.kind is None for m in measures)


# --- (d) the build_a_plan.py script -------------------------------------------------------


def _run_build_a_plan(cwd: Path, *args: str) -> None:
    script = ROOT / "examples" / "build_a_plan.py"
    subprocess.run([sys.executable, str(script), *args], cwd=cwd, check=True, capture_output=True)


def test_build_a_plan_writes_loadable_json(tmp_path: Path) -> None:
    """build_a_plan.py OUT writes a plan that load_json reads, with two areas and a quick win."""
    out = tmp_path / "nested" / "plan.json"
    _run_build_a_plan(tmp_path, str(out))
    plan = load_json(out)
    assert len(plan.areas) == 2
    assert any(m.kind == MeasureKind.QUICK_WIN for m in plan.measures())
    assert any(a.updates for a in plan.activities())


def test_build_a_plan_defaults_to_out_dir(tmp_path: Path) -> None:
    """Without an argument build_a_plan.py writes out/my-plan.json, creating out/."""
    _run_build_a_plan(tmp_path)
    assert load_json(tmp_path / "out" / "my-plan.json").areas
