"""The plugin host: discovery, direct registration, conflicts, failures, laziness."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import BinaryIO

import pytest

import capcore
from capcore import (
    FormatSpec,
    Plan,
    PluginError,
    PluginWarning,
    RuleSpec,
    Severity,
    hookimpl,
    make_plugin_host,
)
from capcore.core_plugin import CORE_RULES
from capcore.plugin_host import DISABLE_ENV, STRICT_ENV, default_host

from .plugin_fixtures import FAKE_FORMAT_PLUGIN, install_broken_plugin, install_distribution


class FormatPlugin:
    """A plugin object providing one format, for direct registration."""

    def __init__(self, name: str, extension: str = ".fake") -> None:
        self.name = name
        self.extension = extension

    @hookimpl
    def capcore_formats(self) -> list[FormatSpec]:
        return [FormatSpec(self.name, (self.extension,), writer=_write_nothing)]


def _write_nothing(plan: Plan, stream: BinaryIO) -> None:
    stream.write(plan.title.encode())


def test_core_json_format_and_rules_come_through_the_hooks() -> None:
    """The core's JSON format and structural rules are registered like any plugin's."""
    host = make_plugin_host(entry_points=False)
    (core,) = host.plugins()
    assert (core.name, core.distribution, core.formats) == ("capcore", "capcore", ("json",))
    assert core.rules == tuple(rule.code for rule in CORE_RULES)
    assert host.get_format("json").provider == "capcore"


def test_objects_can_be_registered_directly() -> None:
    """A plugin object handed to the host provides its format."""
    host = make_plugin_host(entry_points=False, plugins=[("fake-plugin", FormatPlugin("fake"))])
    registered = host.get_format("fake")
    assert (registered.plugin, registered.distribution) == ("fake-plugin", None)
    assert [p.name for p in host.plugins()] == ["capcore", "fake-plugin"]


def test_two_plugins_claiming_one_format_name_is_an_error_naming_both() -> None:
    """Two directly registered plugins claiming 'fake' are refused, both named."""
    with pytest.raises(PluginError, match=r"'fake'.*plugin 'first'.*plugin 'second'"):
        make_plugin_host(
            entry_points=False,
            plugins=[("first", FormatPlugin("fake")), ("second", FormatPlugin("fake"))],
        )


def test_installed_plugin_claiming_json_names_both_distributions(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """An installed distribution claiming the core's 'json' is refused naming capcore and it."""
    install_distribution(
        monkeypatch, tmp_path, distribution="capcore-rogue", entry_point="rogue",
        module="capcore_rogue", source=FAKE_FORMAT_PLUGIN.format(name="json", extension=".js"),
    )  # fmt: skip
    with pytest.raises(PluginError, match=r"'json': capcore and capcore-rogue"):
        make_plugin_host()


def test_installed_plugin_is_found_with_its_distribution(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """An entry point in the capcore group is loaded with its distribution and version."""
    install_distribution(
        monkeypatch, tmp_path, distribution="capcore-fake", entry_point="fake",
        module="capcore_fake", source=FAKE_FORMAT_PLUGIN.format(name="fake", extension=".fake"),
    )  # fmt: skip
    info = {p.name: p for p in make_plugin_host().plugins()}["fake"]
    assert (info.distribution, info.version, info.formats) == ("capcore-fake", "1.2.3", ("fake",))


def test_broken_plugin_is_a_warning_naming_its_distribution(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A plugin that fails to import is left out with a warning naming the distribution."""
    install_broken_plugin(monkeypatch, tmp_path)
    with pytest.warns(PluginWarning, match=r"'broken' from capcore-broken: ImportError: needs"):
        host = make_plugin_host()
    assert [problem.distribution for problem in host.problems] == ["capcore-broken"]
    assert "broken" not in [p.name for p in host.plugins()]
    assert host.get_format("json")  # the others still load


def test_broken_plugin_is_an_error_in_strict_mode(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """In strict mode a plugin that fails to import stops the host, naming it."""
    install_broken_plugin(monkeypatch, tmp_path)
    with pytest.raises(PluginError, match="capcore-broken"):
        make_plugin_host(strict=True)


@pytest.mark.parametrize("name", ["broken", "capcore-broken"])
def test_disabled_plugins_are_not_loaded(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, name: str
) -> None:
    """CAPCORE_DISABLE_PLUGINS skips a plugin by entry-point or distribution name."""
    install_broken_plugin(monkeypatch, tmp_path)
    monkeypatch.setenv(DISABLE_ENV, f"other, {name}")
    host = make_plugin_host(strict=True)  # strict: loading it would raise
    assert host.problems == ()
    assert "capcore_broken" not in sys.modules


def test_misspelt_hook_name_is_refused() -> None:
    """A plugin implementing a hook that does not exist fails check_pending."""

    class Misspelt:
        @hookimpl
        def capcore_format(self) -> list[FormatSpec]:
            return []

    with pytest.raises(PluginError, match="capcore_format"):
        make_plugin_host(entry_points=False, plugins=[Misspelt()])


def test_hook_returning_a_dict_is_refused() -> None:
    """A plugin returning bare dicts instead of FormatSpec is refused, naming the plugin."""

    class Dicts:
        @hookimpl
        def capcore_formats(self) -> list[object]:
            return [{"name": "dict"}]

    with pytest.raises(PluginError, match=r"plugin 'dicts'.*expected FormatSpec"):
        make_plugin_host(entry_points=False, plugins=[("dicts", Dicts())])


def test_plugin_rules_are_collected_and_duplicates_refused() -> None:
    """Rules from plugins join the core's; a code used twice is refused."""

    class Rules:
        def __init__(self, code: str) -> None:
            self.code = code

        @hookimpl
        def capcore_rules(self) -> list[RuleSpec]:
            return [RuleSpec(self.code, "always quiet", Severity.INFO, lambda _plan: [])]

    host = make_plugin_host(entry_points=False, plugins=[("r", Rules("MD101"))])
    assert host.rules()[-1].code == "MD101"
    with pytest.raises(PluginError, match=r"'S101'.*capcore.*plugin 'r'"):
        make_plugin_host(entry_points=False, plugins=[("r", Rules("S101"))])


def test_format_modules_are_imported_only_when_used(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A writer given as 'module:function' is imported at the first write, not before."""
    (tmp_path / "lazy_writer.py").write_text(
        "def write(plan, stream):\n    stream.write(b'lazy')\n", "utf-8"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "lazy_writer", raising=False)

    class Lazy:
        @hookimpl
        def capcore_formats(self) -> list[FormatSpec]:
            return [FormatSpec("lazy", (".lazy",), writer="lazy_writer:write")]

    host = make_plugin_host(entry_points=False, plugins=[Lazy()])
    assert [f.name for f in host.formats()] == ["json", "lazy"]
    assert "lazy_writer" not in sys.modules
    capcore.write(Plan("x"), tmp_path / "out.lazy", host=host)
    assert "lazy_writer" in sys.modules
    assert (tmp_path / "out.lazy").read_bytes() == b"lazy"


def test_a_writer_path_that_does_not_import_is_a_plugin_error(tmp_path: Path) -> None:
    """A 'module:function' that cannot be imported gives an error naming format and plugin."""

    class Missing:
        @hookimpl
        def capcore_formats(self) -> list[FormatSpec]:
            return [FormatSpec("gone", (".gone",), writer="no_such_module_here:write")]

    host = make_plugin_host(entry_points=False, plugins=[("missing", Missing())])
    with pytest.raises(PluginError, match=r"'gone' from plugin 'missing'.*no_such_module_here"):
        capcore.write(Plan("x"), tmp_path / "out.gone", host=host)


def test_strict_environment_variable_makes_the_default_host_strict(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """CAPCORE_STRICT_PLUGINS=1 turns a broken plugin into an error for read/write and the CLI."""
    install_broken_plugin(monkeypatch, tmp_path)
    monkeypatch.setenv(STRICT_ENV, "1")
    default_host.cache_clear()
    try:
        with pytest.raises(PluginError, match="capcore-broken"):
            default_host()
    finally:
        default_host.cache_clear()
