"""Importers never fail badly: damaged real files end in a plan or a capcore error naming the file.

Three kinds of real files are damaged (:mod:`capcore.testing.mutations`) and
read by each format's reader in a worker process under a memory limit and a
hang timeout (:mod:`capcore.testing.guarded_reads`):

- capcore's own outputs: the seed plans in every format and layout;
- the workbooks and documents the plugin tests build the way people make
  them by hand (the plugins' ``xlsx_shapes`` and ``docx_shapes`` helpers);
- Office files made by other programs, read in place from ``../shared/corpus``.

The mutants come from fixed seeds; ``CAPCORE_HYPOTHESIS_PROFILE=thorough``
makes many more of them. Each test writes its counts to
``out/test-artifacts/reliability/`` for docs/reliability.md.
"""

from __future__ import annotations

import importlib.util
import json
import os
import zlib
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from capcore.examples import lovech, monitoring_plans, pazardzhik, smolyan
from capcore.plugin_host import default_host
from capcore.testing.format_writes import every_write, written
from capcore.testing.guarded_reads import ReadCase, ReadOutcome, read_guarded
from capcore.testing.mutations import mutants
from capcore.testing.profiles import PROFILE_VARIABLE
from capcore.testing.seed_tables import lovech_matrix, pazardzhik_cards, smolyan_list

from .conftest import REPO, SHARED, needs_formats

pytestmark = [pytest.mark.slow, needs_formats("xlsx", "docx", "html")]

THOROUGH = os.environ.get(PROFILE_VARIABLE) == "thorough"
# Mutants per file: a few in CI, many under the thorough profile.
MUTANTS_PER_FILE = 60 if THOROUGH else 6
CORPUS_MUTANTS_PER_FILE = 30 if THOROUGH else 2
CORPUS = SHARED / "corpus"
ARTIFACTS = REPO / "out" / "test-artifacts" / "reliability"
FORMAT_OF_EXTENSION = {
    ".json": "json",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".docx": "docx",
    ".html": "html",
}


def own_outputs() -> dict[str, bytes]:
    """The seed plans (and one monitoring plan) written in every format and layout."""
    host = default_host()
    plans = {"lovech": lovech(), "pazardzhik": pazardzhik(), "smolyan": smolyan()}
    plans["lovech-monitoring"] = monitoring_plans()["lovech-monitoring"]
    files: dict[str, bytes] = {}
    for write in every_write(host):
        if write.format == "markdown":
            continue  # the example plugin's text format: any damage is still text
        for key, plan in plans.items():
            if key.endswith("monitoring") and write.layout != "monitoring":
                continue
            files[f"{key}-{write.label}{write.extension}"] = written(plan, write, host)
    return files


def _plugin_test_helper(plugin: str, module: str) -> ModuleType:
    # The plugins' test folders are no packages; their shape helpers are
    # loaded from their files, under a name of their own.
    path = REPO / "plugins" / plugin / "tests" / f"{module}.py"
    spec = importlib.util.spec_from_file_location(f"_reliability_{module}", path)
    assert spec is not None
    assert spec.loader is not None
    loaded = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(loaded)
    return loaded


def hand_shaped() -> dict[str, bytes]:
    """The seed tables laid out as people make them, by the plugins' test helpers."""
    xlsx = _plugin_test_helper("capcore-xlsx", "xlsx_shapes")
    docx = _plugin_test_helper("capcore-docx", "docx_shapes")
    return {
        "lovech-by-hand.xlsx": xlsx.matrix_workbook(lovech_matrix()),
        "pazardzhik-by-hand.xlsx": xlsx.cards_workbook(pazardzhik_cards()),
        "smolyan-by-hand.xlsx": xlsx.list_workbook(smolyan_list()),
        "lovech-by-hand.docx": docx.matrix_docx(lovech_matrix()),
        "pazardzhik-by-hand.docx": docx.cards_docx(pazardzhik_cards()),
        "smolyan-by-hand.docx": docx.list_docx(smolyan_list()),
    }


def _format_of(name: str) -> str:
    return FORMAT_OF_EXTENSION[Path(name).suffix.lower()]


def _cases(folder: Path, originals: dict[str, bytes], per_file: int) -> list[ReadCase]:
    """Write the mutants of every original into ``folder``; return them as read cases."""
    cases: list[ReadCase] = []
    for name, data in sorted(originals.items()):
        suffix = Path(name).suffix
        # One seed per file, from its name: the same mutants on every run.
        seed = zlib.crc32(name.encode())
        for index, mutant in enumerate(mutants(data, seed=seed, count=per_file)):
            path = folder / f"{Path(name).stem}-mutant{index}{suffix}"
            path.write_bytes(mutant.data)
            cases.append(ReadCase(str(path), _format_of(name), f"{name}: {mutant.description}"))
    return cases


def _failures(outcomes: list[ReadOutcome]) -> list[str]:
    """Every read that ended otherwise than in a plan or a capcore error naming the file."""
    failures = []
    for outcome in outcomes:
        name = Path(outcome.case.path).name
        if outcome.kind == "plan":
            continue
        if outcome.kind == "capcore-error" and name in outcome.detail:
            continue
        failures.append(f"{outcome.case.label}: {outcome.kind}: {outcome.detail}")
    return failures


def _record(group: str, outcomes: list[ReadOutcome], failures: list[str]) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    kinds: dict[str, int] = {}
    for outcome in outcomes:
        kinds[outcome.kind] = kinds.get(outcome.kind, 0) + 1
    summary = {
        "group": group,
        "profile": "thorough" if THOROUGH else "default",
        "files_read": len(outcomes),
        "outcomes": kinds,
        "failures": len(failures),
    }
    (ARTIFACTS / f"fuzz-{group}-{summary['profile']}.json").write_text(
        json.dumps(summary, indent=2) + "\n"
    )


def _fuzz(
    group: str,
    tmp_path: Path,
    originals: dict[str, bytes],
    per_file: int,
    *,
    also: tuple[ReadCase, ...] = (),
) -> list[ReadOutcome]:
    cases = [*also, *_cases(tmp_path, originals, per_file)]
    outcomes = read_guarded(cases)
    failures = _failures(outcomes)
    _record(group, outcomes, failures)
    assert failures == [], f"{len(failures)} of {len(cases)} reads failed badly:\n" + "\n".join(
        failures
    )
    return outcomes


SOURCES: dict[str, Callable[[], dict[str, bytes]]] = {
    "own-outputs": own_outputs,
    "hand-shaped": hand_shaped,
}


@pytest.mark.parametrize("group", sorted(SOURCES))
def test_damaged_files_end_in_a_plan_or_a_capcore_error(group: str, tmp_path: Path) -> None:
    """Every mutant of capcore's outputs and of hand-made files reads as a plan or a capcore error."""
    outcomes = _fuzz(group, tmp_path, SOURCES[group](), MUTANTS_PER_FILE)
    # The damage is real: most mutants are refused, not read as if nothing happened.
    refused = sum(outcome.kind == "capcore-error" for outcome in outcomes)
    assert refused > len(outcomes) // 4


def _corpus_files() -> list[Path]:
    if not CORPUS.is_dir():
        pytest.skip(f"{CORPUS} is absent: the Office-made test files sit beside the checkout")
    return [
        path for path in sorted(CORPUS.rglob("*")) if path.suffix.lower() in FORMAT_OF_EXTENSION
    ]


def test_office_made_files_and_their_mutants_end_in_a_plan_or_a_capcore_error(
    tmp_path: Path,
) -> None:
    """Word and Excel files from other projects, as they are and damaged, never fail badly."""
    paths = _corpus_files()
    # The files themselves are read in place; only their mutants are written (to tmp_path).
    in_place = tuple(
        ReadCase(str(path), _format_of(path.name), f"{path.name} (as it is)") for path in paths
    )
    originals = {f"{path.parent.name}-{path.name}": path.read_bytes() for path in paths}
    outcomes = _fuzz("corpus", tmp_path, originals, CORPUS_MUTANTS_PER_FILE, also=in_place)
    assert len(outcomes) == len(paths) * (1 + CORPUS_MUTANTS_PER_FILE)
