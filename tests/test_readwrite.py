"""capcore.read and capcore.write: format choice, options, errors, atomic writes."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path
from typing import BinaryIO

import pytest

import capcore
from capcore import (
    CapcoreError,
    FormatNotFoundError,
    FormatSpec,
    OptionError,
    OptionKind,
    OptionSpec,
    Plan,
    PlanFormatError,
    PlanWriteError,
    Sample,
    hookimpl,
    make_plugin_host,
)
from capcore.examples import smolyan


class InjectedFailureError(RuntimeError):
    """Raised by the failing writer half-way through."""


def _read_text(stream: BinaryIO, *, name: str, shout: bool = False) -> Plan:  # noqa: ARG001
    title = stream.read().decode()
    if title == "boom":
        raise KeyError("a bare library error")
    return Plan(title.upper() if shout else title)


def _read_no_plan(stream: BinaryIO, *, name: str) -> str:  # noqa: ARG001
    return "not a plan"


def _write_text(plan: Plan, stream: BinaryIO, *, copies: int = 1) -> None:
    stream.write(plan.title.encode() * copies)


def _write_then_fail(plan: Plan, stream: BinaryIO) -> None:
    stream.write(plan.title.encode())
    raise InjectedFailureError


def _sniff_magic(sample: Sample) -> bool:
    return sample.head.startswith(b"MAGIC")


class TextPlugin:
    """Formats for these tests: a text format with options, a failing one, sniffers."""

    @hookimpl
    def capcore_formats(self) -> list[FormatSpec]:
        return [
            FormatSpec(
                "text", (".txt",), reader=_read_text, writer=_write_text, sniff=_sniff_magic,
                read_options=(OptionSpec("shout", OptionKind.BOOLEAN),),
                write_options=(OptionSpec("copies", OptionKind.INTEGER),),
            ),
            FormatSpec("failing", (".fail",), writer=_write_then_fail),
            FormatSpec("strange", (".strange",), reader=_read_no_plan),
        ]  # fmt: skip


@pytest.fixture
def host() -> capcore.PluginHost:
    return make_plugin_host(entry_points=False, plugins=[("text-plugin", TextPlugin())])


def test_json_round_trip_by_extension(tmp_path: Path) -> None:
    """A plan written to .json and read back is equal, with no format named."""
    plan = smolyan()
    capcore.write(plan, tmp_path / "plan.json")
    assert capcore.read(tmp_path / "plan.json") == plan


def test_streams_work_both_ways() -> None:
    """Plans are written to and read from binary streams (format sniffed on read)."""
    plan = smolyan()
    buffer = io.BytesIO()
    capcore.write(plan, buffer, format="json")
    buffer.seek(0)
    assert capcore.read(buffer) == plan


def test_content_is_sniffed_when_the_extension_says_nothing(tmp_path: Path, host) -> None:
    """A file without a known extension is read by the format whose sniff recognises it."""
    (tmp_path / "plan.dat").write_bytes(b"MAGIC plan")
    assert capcore.read(tmp_path / "plan.dat", host=host).title == "MAGIC plan"


def test_json_is_sniffed_without_extension(tmp_path: Path) -> None:
    """capcore JSON is recognised by its schema_version key whatever the file is called."""
    capcore.write(smolyan(), tmp_path / "plan", format="json")
    assert capcore.read(tmp_path / "plan") == smolyan()


def test_unknown_format_lists_installed_and_the_distribution_to_install(tmp_path: Path) -> None:
    """Reading or writing .xlsx without the plugin names capcore-xlsx."""
    with pytest.raises(
        FormatNotFoundError, match=r"installed formats: json.*pip install capcore-xlsx"
    ):
        capcore.write(smolyan(), tmp_path / "plan.xlsx", host=make_plugin_host(entry_points=False))
    with pytest.raises(FormatNotFoundError, match="no format 'docx' is installed"):
        capcore.read(tmp_path / "x", format="docx", host=make_plugin_host(entry_points=False))


def test_unreadable_content_is_an_error_naming_the_file(tmp_path: Path) -> None:
    """A file no format recognises gives an error naming it."""
    (tmp_path / "notes.bin").write_bytes(b"\x00\x01 nothing")
    with pytest.raises(FormatNotFoundError, match=r"notes\.bin: no installed format can read it"):
        capcore.read(tmp_path / "notes.bin")


def test_options_are_checked_and_converted(tmp_path: Path, host) -> None:
    """Declared options are passed on; command-line text is converted to their kind."""
    capcore.write(Plan("ab"), tmp_path / "x.txt", host=host, copies="3")
    assert (tmp_path / "x.txt").read_bytes() == b"ababab"
    assert capcore.read(tmp_path / "x.txt", host=host, shout="yes").title == "ABABAB"


def test_misspelt_option_is_an_error_with_a_suggestion(tmp_path: Path, host) -> None:
    """An option the format does not declare is refused, suggesting the close one."""
    with pytest.raises(OptionError, match=r"no write option 'copis'; did you mean 'copies'\?"):
        capcore.write(Plan("x"), tmp_path / "x.txt", host=host, copis=2)


def test_option_of_the_wrong_kind_is_an_error(tmp_path: Path, host) -> None:
    """A non-number for an integer option is refused with what was expected."""
    with pytest.raises(OptionError, match=r"'copies': expected a whole number, got 'many'"):
        capcore.write(Plan("x"), tmp_path / "x.txt", host=host, copies="many")


def test_failed_write_keeps_the_old_file_and_leaves_no_temp(tmp_path: Path, host) -> None:
    """A writer failing half-way leaves the existing target intact and no temp file."""
    target = tmp_path / "plan.fail"
    target.write_bytes(b"the old plan")
    with pytest.raises(PlanWriteError, match=r"plan\.fail: the failing writer failed"):
        capcore.write(Plan("new"), target, host=host)
    assert target.read_bytes() == b"the old plan"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.fail"]


def test_failed_write_to_a_stream_writes_nothing(host) -> None:
    """A stream target receives nothing when the writer fails."""
    stream = io.BytesIO(b"")
    with pytest.raises(PlanWriteError):
        capcore.write(Plan("new"), stream, format="failing", host=host)
    assert stream.getvalue() == b""


def test_reader_exceptions_become_capcore_errors_naming_the_file(tmp_path: Path, host) -> None:
    """A bare exception inside a reader is reported as the file's problem."""
    (tmp_path / "bad.txt").write_bytes(b"boom")
    with pytest.raises(PlanFormatError, match=r"bad\.txt: not a readable text file \(KeyError"):
        capcore.read(tmp_path / "bad.txt", host=host)


def test_reader_returning_no_plan_is_an_error(tmp_path: Path, host) -> None:
    """A reader that returns something else than a Plan is reported, naming the format."""
    (tmp_path / "x.strange").write_bytes(b"")
    with pytest.raises(CapcoreError, match=r"format 'strange'.*returned str"):
        capcore.read(tmp_path / "x.strange", host=host)


def test_write_only_format_cannot_read(tmp_path: Path, host) -> None:
    """Asking a write-only format to read says so."""
    (tmp_path / "x.fail").write_bytes(b"")
    with pytest.raises(CapcoreError, match=r"'failing'.*cannot read"):
        capcore.read(tmp_path / "x.fail", format="failing", host=host)


def test_unwritable_folder_is_a_capcore_error(tmp_path: Path) -> None:
    """Writing into a folder that does not exist is a CapcoreError naming the path."""
    with pytest.raises(CapcoreError, match="missing"):
        capcore.write(smolyan(), tmp_path / "missing" / "plan.json")


def test_date_option_text_is_read_as_iso() -> None:
    """A date option accepts ISO text and refuses other forms."""
    option = OptionSpec("as_of", OptionKind.DATE)
    assert option.convert("2022-09-01") == dt.date(2022, 9, 1)
    with pytest.raises(OptionError, match="YYYY-MM-DD"):
        option.convert("1.9.2022")


def test_import_notes_travel_with_the_plan_but_not_in_equality() -> None:
    """Import notes are on the plan read, are not content, and are not written to JSON."""
    plan = smolyan()
    noted = capcore.loads(capcore.dumps(plan))
    noted.import_notes = (capcore.ImportNote("C3", "not placed: kept in extra", "x"),)
    assert noted == plan
    assert "not placed" not in capcore.dumps(noted)


def test_sample_of_a_zip_lists_its_members_and_keeps_the_position() -> None:
    """Sample.from_stream reads the head and zip member names, then rewinds."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    buffer.seek(0)
    sample = Sample.from_stream(buffer, "x.docx")
    assert sample.zip_names == frozenset({"word/document.xml"})
    assert buffer.tell() == 0
    assert Sample.from_bytes(b"{}").head == b"{}"
