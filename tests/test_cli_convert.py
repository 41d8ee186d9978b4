"""capcore convert: formats by extension or name, options, folders, and one-line errors."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from capcore import load_json, loads, save_json
from capcore.cli import EXIT_OK, EXIT_USAGE, main
from capcore.examples import lovech, smolyan
from capcore.plugin_host import DISABLE_ENV, default_host

from .plugin_fixtures import install_distribution

# A format whose reader reports an import note and whose writer records its
# options in the plan's metadata, so the tests can see what reached it.
NOTES_PLUGIN = """
import attrs
import capcore
from capcore import FormatSpec, ImportNote, OptionKind, OptionSpec

def _read(stream, *, name):
    plan = capcore.loads(stream.read(), source=name)
    plan.import_notes = (ImportNote("row 7", "not placed: kept in extra", "Бележка"),)
    return plan

def _write(plan, stream, *, layout="matrix", compact=False):
    written = attrs.evolve(plan, metadata={"layout": layout, "compact": repr(compact)})
    stream.write(capcore.dumps(written).encode())

@capcore.hookimpl
def capcore_formats():
    return [
        FormatSpec(
            "notes",
            (".notes",),
            reader=_read,
            writer=_write,
            write_options=(
                OptionSpec("layout", OptionKind.CHOICE, choices=("matrix", "cards", "list")),
                OptionSpec("compact", OptionKind.BOOLEAN),
            ),
        )
    ]
"""


@pytest.fixture
def notes_format(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    install_distribution(
        monkeypatch,
        tmp_path / "site",
        distribution="capcore-notes",
        entry_point="notes",
        module="capcore_cli_notes_plugin",
        source=NOTES_PLUGIN,
    )
    default_host.cache_clear()
    yield
    default_host.cache_clear()


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    path = tmp_path / "lovech.json"
    save_json(lovech(), path)
    return path


def test_json_to_json_gives_an_equal_plan(
    tmp_path: Path, plan_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Converting JSON to JSON writes an equal plan and prints nothing."""
    out = tmp_path / "copy.json"
    assert main(["convert", str(plan_file), str(out)]) == EXIT_OK
    assert load_json(out) == lovech()
    assert capsys.readouterr() == ("", "")


def test_several_inputs_are_written_into_a_folder(tmp_path: Path, plan_file: Path) -> None:
    """Two inputs and `OUT/ --to json` write each into the folder under its own name."""
    second = tmp_path / "smolyan.json"
    save_json(smolyan(), second)
    folder = tmp_path / "converted"
    arguments = ["convert", str(plan_file), str(second), f"{folder}/", "--to", "json"]
    assert main(arguments) == EXIT_OK
    assert load_json(folder / "lovech.json") == lovech()
    assert load_json(folder / "smolyan.json") == smolyan()


def test_several_inputs_need_a_folder(
    tmp_path: Path, plan_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two inputs and an OUT that is not a folder is a usage error."""
    assert main(["convert", str(plan_file), str(plan_file), str(tmp_path / "x.json")]) == 2
    assert "must be a folder" in capsys.readouterr().err


def test_one_bad_file_of_many_is_reported_and_the_others_converted(
    tmp_path: Path, plan_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """In a batch, a missing input gives one error line and exit 2; the rest are written."""
    folder = tmp_path / "converted"
    missing = tmp_path / "missing.json"
    arguments = ["convert", str(missing), str(plan_file), f"{folder}/", "--to", "json"]
    assert main(arguments) == EXIT_USAGE
    assert load_json(folder / "lovech.json") == lovech()
    err = capsys.readouterr().err
    assert err.splitlines() == [
        f"capcore: error: {missing}: cannot read: No such file or directory"
    ]


@pytest.fixture
def without_docx(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv(DISABLE_ENV, "docx")
    default_host.cache_clear()
    yield
    default_host.cache_clear()


@pytest.mark.usefixtures("without_docx")
def test_unknown_output_extension_names_the_distribution_to_install(
    tmp_path: Path, plan_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Writing out.docx without the docx plugin gives exit 2 and a one-line install hint."""
    assert main(["convert", str(plan_file), str(tmp_path / "out.docx")]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith("capcore: error: ")
    assert "pip install capcore-docx" in err
    assert not (tmp_path / "out.docx").exists()


def test_misspelt_option_is_a_usage_error(
    tmp_path: Path, plan_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An option the writer does not declare gives exit 2 and one line naming it."""
    out = tmp_path / "out.json"
    assert main(["convert", str(plan_file), str(out), "-o", "layuot=cards"]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "'layuot'" in err
    assert not out.exists()


def test_option_without_equals_is_rejected_by_argparse(tmp_path: Path, plan_file: Path) -> None:
    """`-o layout` without a value is a command-line error, exit 2."""
    with pytest.raises(SystemExit) as raised:
        main(["convert", str(plan_file), str(tmp_path / "out.json"), "-o", "layout"])
    assert raised.value.code == EXIT_USAGE


def test_missing_input_names_the_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A missing input file gives exit 2 and one line naming it."""
    missing = tmp_path / "missing.json"
    assert main(["convert", str(missing), str(tmp_path / "out.json")]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert err == f"capcore: error: {missing}: cannot read: No such file or directory\n"


def test_corrupt_json_input_gives_line_and_column(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A JSON file that does not parse gives exit 2 and one line with its line and column."""
    corrupt = tmp_path / "corrupt.json"
    corrupt.write_text('{"schema_version": 1,\n  "title": }\n', "utf-8")
    assert main(["convert", str(corrupt), str(tmp_path / "out.json")]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert f"{corrupt}: line 2, column 12: not valid JSON" in err


@pytest.mark.usefixtures("notes_format")
def test_layout_and_options_reach_the_writer_converted(tmp_path: Path, plan_file: Path) -> None:
    """`--layout cards -o compact=yes` reach the writer as the option's kinds."""
    out = tmp_path / "out.notes"
    assert (
        main(["convert", str(plan_file), str(out), "--layout", "cards", "-o", "compact=yes"]) == 0
    )
    assert loads(out.read_bytes()).metadata == {"layout": "cards", "compact": "True"}


@pytest.mark.usefixtures("notes_format")
def test_misspelt_option_gets_a_suggestion(
    tmp_path: Path, plan_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A misspelt option of a format that has options suggests the right one."""
    out = tmp_path / "out.notes"
    assert main(["convert", str(plan_file), str(out), "-o", "layuot=cards"]) == EXIT_USAGE
    assert "did you mean 'layout'?" in capsys.readouterr().err


@pytest.mark.usefixtures("notes_format")
def test_import_notes_are_one_line_warnings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A reader's import notes go to stderr, one `file: location: message` line each."""
    source = tmp_path / "plan.notes"
    save_json(lovech(), source)
    assert main(["convert", str(source), str(tmp_path / "out.json")]) == EXIT_OK
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        f"capcore: warning: {source}: row 7: not placed: kept in extra: 'Бележка'\n"
    )
