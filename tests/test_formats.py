"""What a format declares: extensions, layouts, losslessness, option conversion."""

from __future__ import annotations

from typing import BinaryIO

import pytest

from capcore import FormatSpec, OptionError, OptionKind, OptionSpec, Plan


def _read(stream: BinaryIO, *, name: str) -> Plan:  # noqa: ARG001
    return Plan("x")


def _write(plan: Plan, stream: BinaryIO) -> None:  # noqa: ARG001
    stream.write(b"x")


LAYOUT = OptionSpec(
    "layout", OptionKind.CHOICE, choices=("matrix", "cards", "list"), default="matrix"
)


def test_extensions_are_normalised_and_the_first_is_the_default() -> None:
    """Extensions get a dot and lower case; the first is written by default."""
    spec = FormatSpec("xlsx", ("XLSX", ".xlsm"))
    assert spec.extensions == (".xlsx", ".xlsm")
    assert spec.default_extension == ".xlsx"
    assert FormatSpec("odd", ()).default_extension == ".odd"


def test_layouts_are_the_layout_option_choices() -> None:
    """A writer's layouts are its layout option's choices; none without the option."""
    assert FormatSpec("docx", (".docx",), write_options=(LAYOUT,)).layouts == (
        "matrix", "cards", "list",
    )  # fmt: skip
    assert FormatSpec("json", (".json",)).layouts == ()


@pytest.mark.parametrize(
    ("layout", "expected"),
    [("matrix", True), ("list", False), (None, True)],
    ids=["lossless-layout", "lossy-layout", "default-layout"],
)
def test_losslessness_per_layout(layout: str | None, expected: bool) -> None:
    """Only the declared layouts round-trip; None means the layout option's default."""
    spec = FormatSpec(
        "docx", (".docx",), reader=_read, writer=_write, write_options=(LAYOUT,),
        lossless=True, lossless_layouts=("matrix", "cards"),
    )  # fmt: skip
    assert spec.is_lossless(layout) is expected


def test_a_format_without_a_reader_is_never_lossless() -> None:
    """Declaring lossless without a reader does not make a round trip possible."""
    assert not FormatSpec("md", (".md",), writer=_write, lossless=True).is_lossless()


@pytest.mark.parametrize(
    ("kind", "text", "value"),
    [
        (OptionKind.INTEGER, "3", 3),
        (OptionKind.BOOLEAN, "да", True),
        (OptionKind.BOOLEAN, "off", False),
    ],
)
def test_command_line_text_is_converted(kind: OptionKind, text: str, value: object) -> None:
    """Text from the command line becomes the option's kind."""
    assert OptionSpec("x", kind).convert(text) == value


def test_a_choice_outside_the_list_names_the_choices() -> None:
    """A layout that does not exist is refused with the allowed ones."""
    with pytest.raises(OptionError, match="one of matrix, cards, list"):
        LAYOUT.convert("poster")
