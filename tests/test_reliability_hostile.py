"""Hostile files: each is refused with a clear capcore error, or read in bounded time and memory.

Every read runs in a worker process under an address-space limit and a hang
timeout (:func:`capcore.testing.guarded_reads.read_guarded`), so a limit
that does not hold fails the test instead of exhausting the machine. The
files come from :mod:`capcore.testing.hostile_files`; the limits are listed
in docs/reliability.md.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import capcore
from capcore.examples import lovech
from capcore.plugin_host import default_host
from capcore.testing import hostile_files
from capcore.testing.guarded_reads import ReadCase, ReadOutcome, read_guarded

from .conftest import needs_formats

pytestmark = [pytest.mark.slow, needs_formats("xlsx", "docx", "html")]

# Far below the worker's default, so that reading more than a sane amount fails.
MEMORY_BYTES = 1536 * 1024 * 1024


def _good(format_name: str, **options: object) -> bytes:
    out = io.BytesIO()
    capcore.write(lovech(), out, format_name, host=default_host(), **options)
    return out.getvalue()


def _read_one(
    tmp_path: Path, data: bytes, name: str, format_name: str, **options: int | str | bool
) -> ReadOutcome:
    path = tmp_path / name
    path.write_bytes(data)
    [outcome] = read_guarded(
        [ReadCase(str(path), format_name, name, options)], memory_bytes=MEMORY_BYTES
    )
    return outcome


def _refused(outcome: ReadOutcome, *words: str) -> None:
    """The read ended in a capcore error naming the file and saying what is wrong."""
    assert outcome.kind == "capcore-error", (
        f"{outcome.case.label}: {outcome.kind}: {outcome.detail}"
    )
    assert Path(outcome.case.path).name in outcome.detail
    for word in words:
        assert word in outcome.detail, f"{word!r} is not in {outcome.detail!r}"


def _bounded(outcome: ReadOutcome) -> None:
    """The read ended, within the limits, in a plan or a capcore error naming the file."""
    assert outcome.kind in {"plan", "capcore-error"}, (
        f"{outcome.case.label}: {outcome.kind}: {outcome.detail}"
    )
    if outcome.kind == "capcore-error":
        assert Path(outcome.case.path).name in outcome.detail


@pytest.mark.parametrize("format_name", ["xlsx", "docx"])
def test_zip_bomb_is_refused(tmp_path: Path, format_name: str) -> None:
    """A part inflating 64 MB of zeros from a few KB is refused before any parser runs."""
    data = hostile_files.zip_bomb(_good(format_name))
    assert len(data) < 1024 * 1024
    _refused(_read_one(tmp_path, data, f"bomb.{format_name}", format_name), "zip bomb")


@pytest.mark.parametrize("format_name", ["xlsx", "docx"])
def test_entity_expansion_is_refused(tmp_path: Path, format_name: str) -> None:
    """A billion-laughs entity declaration in the main part is refused."""
    data = hostile_files.entity_expansion(_good(format_name), format_name)
    _refused(_read_one(tmp_path, data, f"laughs.{format_name}", format_name), "<!DOCTYPE>")


@pytest.mark.parametrize("format_name", ["xlsx", "docx"])
def test_external_entity_is_refused(tmp_path: Path, format_name: str) -> None:
    """An entity that would read /etc/passwd (XXE) is refused."""
    data = hostile_files.external_entity(_good(format_name), format_name)
    _refused(_read_one(tmp_path, data, f"xxe.{format_name}", format_name), "<!DOCTYPE>")


def test_html_entities_are_neither_expanded_nor_fetched(tmp_path: Path) -> None:
    """An HTML page declaring billion laughs and an external entity reads bounded, expanding none."""
    data = hostile_files.html_entity_attack()
    _bounded(_read_one(tmp_path, data, "entities.html", "html"))
    try:
        plan = capcore.read(io.BytesIO(data), "html")
    except capcore.CapcoreError as error:
        text = str(error)
    else:
        text = capcore.dumps(plan)
    assert "root:" not in text
    assert "lollollol" not in text


def test_a_sheet_claiming_every_cell_reads_only_its_real_cells(tmp_path: Path) -> None:
    """A dimension of A1:XFD1048576 on a small sheet is ignored: the plan reads in bounded memory."""
    data = hostile_files.claimed_dimension(_good("xlsx"))
    outcome = _read_one(tmp_path, data, "claims.xlsx", "xlsx", embedded=False)
    assert outcome.kind == "plan", outcome.detail


def test_a_sheet_with_far_too_many_cells_is_refused(tmp_path: Path) -> None:
    """A sheet really holding 2.2 million cells is refused before they are built, saying the limit."""
    data = hostile_files.many_cells_workbook(rows=2200, columns=1000)
    _refused(_read_one(tmp_path, data, "many.xlsx", "xlsx"), "2,200,000 cells", "2,000,000")


def test_the_cell_limit_is_an_option(tmp_path: Path) -> None:
    """The max_cells read option lowers the limit: a small plan sheet over it is refused."""
    outcome = _read_one(
        tmp_path, _good("xlsx"), "small.xlsx", "xlsx", embedded=False, max_cells=100
    )
    _refused(outcome, "more than the limit of 100", "max_cells")


@pytest.mark.parametrize("format_name", ["xlsx", "docx"])
def test_the_package_limits_are_read_options(tmp_path: Path, format_name: str) -> None:
    """max_total_bytes lowers the inflated-size limit for one read; the default reads the file."""
    path = tmp_path / f"plan.{format_name}"
    capcore.write(lovech(), path)
    with pytest.raises(capcore.PlanFormatError) as raised:
        capcore.read(path, max_total_bytes=10_000)
    message = str(raised.value)
    assert "plan." + format_name in message, message
    assert "10,000" in message or "10000" in message, message
    assert capcore.read(path, max_total_bytes=100 * 1024 * 1024) == lovech()


def test_thousands_of_merged_ranges_read_in_bounded_time(tmp_path: Path) -> None:
    """20,000 merged ranges beside the plan table do not stop the plan being read."""
    data = hostile_files.many_merges(_good("xlsx"))
    outcome = _read_one(tmp_path, data, "merges.xlsx", "xlsx", embedded=False)
    _bounded(outcome)


@pytest.mark.parametrize("depth", [40, 3000])
def test_deeply_nested_word_tables(tmp_path: Path, depth: int) -> None:
    """Tables nested 40 and 3,000 levels deep end in a plan or a capcore error, bounded."""
    data = hostile_files.nested_tables_docx(_good("docx"), depth=depth)
    _bounded(_read_one(tmp_path, data, f"nested{depth}.docx", "docx"))


@pytest.mark.parametrize("depth", [40, 20_000])
def test_deeply_nested_html_tables(tmp_path: Path, depth: int) -> None:
    """Tables nested 40 and 20,000 levels deep in a page end in a plan or a capcore error, bounded."""
    data = hostile_files.nested_tables_html(depth=depth)
    _bounded(_read_one(tmp_path, data, f"nested{depth}.html", "html"))


def test_an_html_page_of_tens_of_megabytes_reads_in_bounded_memory(tmp_path: Path) -> None:
    """A 30 MB page (one table of about 300,000 rows) reads within the memory limit."""
    data = hostile_files.huge_html_page(megabytes=30)
    _bounded(_read_one(tmp_path, data, "huge.html", "html"))


def test_an_html_page_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    """A page over the reader's max_bytes option is refused before parsing, naming the limit."""
    data = hostile_files.huge_html_page(megabytes=12)
    outcome = _read_one(tmp_path, data, "big.html", "html", max_bytes=10 * 1024 * 1024)
    _refused(outcome, "limit", "10,485,760")


IMPOSTOR_CASES = [
    (what, extension)
    for what in hostile_files.IMPOSTORS
    for extension in (".xlsx", ".docx", ".html", ".json")
]


@pytest.mark.parametrize(("what", "extension"), IMPOSTOR_CASES)
def test_something_else_with_the_right_extension_is_refused(
    tmp_path: Path, what: str, extension: str
) -> None:
    """A PNG, PDF, old binary file, text or empty file named as a plan is a capcore error."""
    path = tmp_path / f"impostor{extension}"
    path.write_bytes(hostile_files.IMPOSTORS[what])
    with pytest.raises(capcore.CapcoreError, match=path.name):
        capcore.read(path)


@pytest.mark.parametrize(
    ("source", "extension"),
    [("docx", ".xlsx"), ("xlsx", ".docx"), ("xlsx", ".html"), ("docx", ".json")],
)
def test_one_plan_format_named_as_another_is_a_capcore_error(
    tmp_path: Path, source: str, extension: str
) -> None:
    """A Word document named .xlsx (and the like) is refused by the format its name chooses."""
    format_name = extension.lstrip(".")
    outcome = _read_one(tmp_path, _good(source), f"misnamed{extension}", format_name)
    _refused(outcome)
