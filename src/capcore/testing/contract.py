"""The contract every format plugin keeps: a test class to subclass.

A plugin's test module subclasses :class:`FormatContract` (in the style of
fsspec's abstract tests: the base class's name does not start with ``Test``,
so pytest collects only the subclass) and names its format::

    from typing import ClassVar

    from capcore.testing import FormatContract


    class TestMarkdownContract(FormatContract):
        format_name = "markdown"


    class TestMarkdownContractInEnglish(FormatContract):  # the same contract, other options
        format_name = "markdown"
        write_options: ClassVar[dict[str, object]] = {"locale": "en"}

The tests use the installed plugins (:func:`capcore.plugin_host.default_host`);
override :meth:`FormatContract.host` to use another host, for example one
with a plugin registered directly. Each test skips, saying why, when the
format cannot do what it checks (a write-only format has no round trip). A
reader that accepts any prefix of its files (plain text) overrides the
damaged-file test with one that skips.

What is checked:

- the host lists the format, and its ``"module:function"`` reader and
  writer import;
- the declared options' defaults are valid values;
- the writer writes any plan (:func:`capcore.testing.strategies.plans`);
- a lossless format reads back every plan equal to the one written, once
  per lossless layout;
- the format's extensions, and for a format with a ``sniff`` its content,
  choose this format;
- a writer failing part-way (on a plan whose second area raises on every
  attribute access) raises :class:`capcore.PlanWriteError`, leaves an
  existing file untouched and no temporary file;
- a truncated or byte-flipped file is a :class:`capcore.CapcoreError`
  naming the file, never another exception;
- a misspelt option is a :class:`capcore.OptionError`.

The property tests use the active Hypothesis profile: register and load one
in the plugin's ``conftest.py`` (``settings.load_profile(...)``).
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import ClassVar, NoReturn, cast

import pytest
from hypothesis import given

import capcore
from capcore.examples import lovech
from capcore.formats import FormatSpec, OptionSpec, Sample
from capcore.model import Area, Plan
from capcore.plugin_host import FormatNotFoundError, PluginHost, RegisteredFormat, default_host
from capcore.testing import strategies

__all__ = ["FormatContract", "InjectedFailureError"]

_OLD_BYTES = b"the old file, which a failed write must leave as it was"


class InjectedFailureError(Exception):
    """The failure the atomic-write test injects into a plan."""


class _FailingArea:
    """Stands in for an area; any attribute access raises :class:`InjectedFailureError`."""

    def __getattribute__(self, name: str) -> NoReturn:
        raise InjectedFailureError(f"injected failure: the writer read area.{name}")


class FormatContract:
    """The tests every format plugin passes; subclass it as ``Test...`` and set ``format_name``.

    Attributes:
        format_name: The name of the format under test (``"markdown"``).
        write_options: Options passed to every write (``{"locale": "en"}``).
        read_options: Options passed to every read.
    """

    format_name: ClassVar[str] = ""
    write_options: ClassVar[Mapping[str, object]] = {}
    read_options: ClassVar[Mapping[str, object]] = {}

    def host(self) -> PluginHost:
        """Return the plugin host the tests use; by default the installed plugins."""
        return default_host()

    def sample_plan(self) -> Plan:
        """Return a realistic plan (the Lovech seed plan: 3 areas, quick wins, activities)."""
        return lovech()

    def failing_plan(self) -> Plan:
        """Return a plan whose second area raises on any attribute access.

        A writer that never reads a plan's areas overrides this with another
        way of failing part-way.
        """
        plan = self.sample_plan()
        plan.areas[1:2] = [cast("Area", _FailingArea())]  # replaces the second, or appends
        return plan

    # -- the tests ----------------------------------------------------------
    # The property tests apply @given to an inner function when they run, not
    # to the method: the method is inherited by every subclass, and Hypothesis
    # refuses one test run from several classes (HealthCheck.differing_executors);
    # applied at run time, it also takes the settings of the profile then active.

    def test_format_is_installed(self) -> None:
        """The host lists the format under one of its loaded plugins."""
        host = self.host()
        registered = self._registered(host)
        providers = [info.name for info in host.plugins() if self.format_name in info.formats]
        assert providers == [registered.plugin], (
            f"format {self.format_name!r} is not listed by exactly one plugin: {providers}"
        )
        spec = registered.spec
        assert spec.reader is not None or spec.writer is not None, (
            f"format {self.format_name!r} has neither a reader nor a writer"
        )

    def test_reader_and_writer_load(self) -> None:
        """The reader and writer, lazy ``"module:function"`` strings or not, load as callables."""
        registered = self._registered(self.host())
        if registered.spec.reader is not None:
            assert callable(registered.reader())
        if registered.spec.writer is not None:
            assert callable(registered.writer())

    def test_option_defaults_are_valid(self) -> None:
        """Every declared option's default is a value the option accepts."""
        spec = self._registered(self.host()).spec
        options: tuple[OptionSpec, ...] = (*spec.read_options, *spec.write_options)
        for option in options:
            if option.default is not None:
                option.convert(option.default)  # raises OptionError for a bad default

    def test_any_plan_is_written(self) -> None:
        """The writer writes any plan, with every layout it offers, without error."""
        host = self.host()
        spec = self._registered(host).spec
        _require(spec.writer, f"format {self.format_name!r} has no writer")
        option_sets = [self._write_options(layout) for layout in self._layouts(spec)]

        @given(strategies.plans())
        def writes(plan: Plan) -> None:
            for options in option_sets:
                out = io.BytesIO()
                capcore.write(plan, out, format=self.format_name, host=host, **options)
                assert out.getvalue(), f"the writer wrote nothing with options {options}"

        writes()

    def test_round_trip(self) -> None:
        """A lossless format reads back every plan equal to the one written, for each layout."""
        host = self.host()
        spec = self._registered(host).spec
        if not spec.lossless:
            pytest.skip(f"format {self.format_name!r} does not declare itself lossless")
        assert spec.reader is not None, "a lossless format needs a reader"
        assert spec.writer is not None, "a lossless format needs a writer"
        layouts = [layout for layout in self._layouts(spec) if spec.is_lossless(layout)]
        option_sets = [self._write_options(layout) for layout in layouts]

        @given(strategies.plans())
        def round_trips(plan: Plan) -> None:
            for options in option_sets:
                stream = io.BytesIO()
                capcore.write(plan, stream, format=self.format_name, host=host, **options)
                stream.seek(0)
                back = capcore.read(stream, self.format_name, host=host, **self.read_options)
                assert back == plan, f"the plan read back differs (write options {options})"

        round_trips()

    def test_extensions_choose_this_format(self, tmp_path: Path) -> None:
        """Each extension chooses this format for writing, and for reading what it wrote."""
        host = self.host()
        spec = self._registered(host).spec
        _require(spec.writer, f"format {self.format_name!r} has no writer")
        data = self._written(host)
        for extension in spec.extensions:
            name = f"plan{extension}"
            chosen = host.format_for(Sample(name, b""), for_reading=False)
            assert chosen.name == self.format_name, f"writing {name} chooses {chosen.name!r}"
            if spec.reader is not None:
                chosen = host.format_for(Sample.from_bytes(data, name), for_reading=True)
                assert chosen.name == self.format_name, f"reading {name} chooses {chosen.name!r}"
        path = tmp_path / f"plan{spec.default_extension}"
        capcore.write(self.sample_plan(), path, format=None, host=host, **self.write_options)
        assert path.stat().st_size > 0, f"writing {path.name} with no format named wrote nothing"
        if spec.reader is not None:
            capcore.read(path, format=None, host=host, **self.read_options)

    def test_content_is_recognised(self, tmp_path: Path) -> None:
        """What the writer wrote is recognised by its content alone (no format, no extension)."""
        host = self.host()
        spec = self._registered(host).spec
        _require(spec.reader, f"format {self.format_name!r} has no reader")
        _require(spec.writer, f"format {self.format_name!r} has no writer")
        if spec.sniff is None:
            pytest.skip(f"format {self.format_name!r} has no sniff")
        data = self._written(host)
        assert spec.sniff(Sample.from_bytes(data)), "the format's sniff rejects its own output"
        chosen = host.format_for(Sample.from_bytes(data), for_reading=True)
        assert chosen.name == self.format_name, f"its content chooses {chosen.name!r}"
        path = tmp_path / "plan"
        path.write_bytes(data)
        capcore.read(path, format=None, host=host, **self.read_options)

    def test_failed_write_keeps_the_old_file(self, tmp_path: Path) -> None:
        """A writer failing part-way raises PlanWriteError, keeps the old file, leaves no temp."""
        host = self.host()
        spec = self._registered(host).spec
        _require(spec.writer, f"format {self.format_name!r} has no writer")
        target = tmp_path / f"plan{spec.default_extension}"
        target.write_bytes(_OLD_BYTES)
        try:
            capcore.write(
                self.failing_plan(),
                target,
                format=self.format_name,
                host=host,
                **self.write_options,
            )
        except capcore.PlanWriteError:
            pass
        else:
            pytest.fail(
                "the writer finished although the plan's second area raises on every "
                "attribute access; override failing_plan() if it does not read the areas"
            )
        assert target.read_bytes() == _OLD_BYTES, "the failed write changed the existing file"
        left = sorted(path.name for path in tmp_path.iterdir())
        assert left == [target.name], f"files left in the folder: {left}"

    @pytest.mark.parametrize("damage", ["truncated", "flipped"])
    def test_damaged_file_is_rejected(self, tmp_path: Path, damage: str) -> None:
        """A truncated or byte-flipped file is a CapcoreError naming the file."""
        host = self.host()
        spec = self._registered(host).spec
        _require(spec.reader, f"format {self.format_name!r} has no reader")
        _require(spec.writer, f"format {self.format_name!r} has no writer")
        data = self._written(host)
        path = tmp_path / f"damaged{spec.default_extension}"
        path.write_bytes(_DAMAGE[damage](data))
        with pytest.raises(capcore.CapcoreError, match=re.escape(path.name)):
            capcore.read(path, self.format_name, host=host, **self.read_options)

    def test_misspelt_write_option_is_refused(self) -> None:
        """An option the writer does not declare is an OptionError."""
        host = self.host()
        _require(self._registered(host).spec.writer, f"format {self.format_name!r} has no writer")
        with pytest.raises(capcore.OptionError, match="no_such_option"):
            capcore.write(
                self.sample_plan(), io.BytesIO(), self.format_name, host=host, no_such_option=1
            )

    def test_misspelt_read_option_is_refused(self) -> None:
        """An option the reader does not declare is an OptionError."""
        host = self.host()
        _require(self._registered(host).spec.reader, f"format {self.format_name!r} has no reader")
        with pytest.raises(capcore.OptionError, match="no_such_option"):
            capcore.read(io.BytesIO(b""), self.format_name, host=host, no_such_option=1)

    # -- helpers --------------------------------------------------------------

    def _registered(self, host: PluginHost) -> RegisteredFormat:
        if not self.format_name:
            pytest.fail(f"{type(self).__name__} must set format_name")
        try:
            return host.get_format(self.format_name)
        except FormatNotFoundError as error:
            problems = "; ".join(str(problem) for problem in host.problems)
            pytest.fail(f"{error}" + (f"; not loaded: {problems}" if problems else ""))

    def _write_options(self, layout: str | None) -> dict[str, object]:
        options = dict(self.write_options)
        if layout is not None:
            options["layout"] = layout
        return options

    def _layouts(self, spec: FormatSpec) -> list[str | None]:
        # Every layout the writer offers, unless the subclass fixes one.
        if not spec.layouts or "layout" in self.write_options:
            return [None]
        return list(spec.layouts)

    def _written(self, host: PluginHost) -> bytes:
        out = io.BytesIO()
        capcore.write(self.sample_plan(), out, self.format_name, host=host, **self.write_options)
        return out.getvalue()


def _require(part: object, reason: str) -> None:
    if part is None:
        pytest.skip(reason)


def _truncated(data: bytes) -> bytes:
    return data[: len(data) // 2]


def _flipped(data: bytes) -> bytes:
    # Every bit of the middle third inverted: text stops being UTF-8, and a
    # zip's compressed members fail their checks.
    third = len(data) // 3
    middle = bytes(byte ^ 0xFF for byte in data[third : 2 * third])
    return data[:third] + middle + data[2 * third :]


_DAMAGE: dict[str, Callable[[bytes], bytes]] = {"truncated": _truncated, "flipped": _flipped}
