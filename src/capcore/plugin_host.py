"""The plugin host: finds plugins, and answers which formats and rules exist.

:func:`make_plugin_host` builds a host; nothing happens at import time and
there is no global manager (the public API builds one default host on first
use, see :func:`default_host`). The host:

- registers the core's own plugin (JSON format, structural rules) through
  the same hooks every plugin uses;
- loads the ``capcore`` entry-point group, one entry point at a time, so a
  plugin that fails to import is reported with its distribution's name (a
  warning by default, an error in strict mode) and the others still load;
- registers plugin objects handed to it directly (tests, embedding);
- skips plugins named in ``CAPCORE_DISABLE_PLUGINS`` (comma-separated entry
  point or distribution names);
- runs pluggy's ``check_pending()``, so a misspelt hook name fails;
- refuses two plugins claiming one format name (or rule code), naming both.

Callers use the typed methods (:meth:`PluginHost.formats`,
:meth:`PluginHost.rules`), never ``pm.hook`` directly.
"""

from __future__ import annotations

import functools
import importlib
import os
import warnings
from collections.abc import Callable, Iterable
from importlib import metadata
from pathlib import PurePath
from typing import Any, TypeVar, cast

import attrs
import pluggy

from capcore import hookspecs
from capcore.errors import CapcoreError
from capcore.formats import FormatSpec, Reader, Sample, TableReader, Writer
from capcore.rules import RuleSpec

__all__ = [
    "DISABLE_ENV",
    "KNOWN_DISTRIBUTIONS",
    "STRICT_ENV",
    "FormatNotFoundError",
    "PluginError",
    "PluginHost",
    "PluginInfo",
    "PluginProblem",
    "PluginWarning",
    "RegisteredFormat",
    "default_host",
    "make_plugin_host",
]

DISABLE_ENV = "CAPCORE_DISABLE_PLUGINS"
"""Environment variable: comma-separated plugin or distribution names not to load."""

STRICT_ENV = "CAPCORE_STRICT_PLUGINS"
"""Environment variable: ``1`` makes the default host strict (a broken plugin is an error)."""

KNOWN_DISTRIBUTIONS: dict[str, str] = {
    "xlsx": "capcore-xlsx",
    "docx": "capcore-docx",
    "html": "capcore-html",
}
"""Which distribution adds a format that is not installed, for error messages."""

_KNOWN_EXTENSIONS = {".xlsx": "xlsx", ".xlsm": "xlsx", ".docx": "docx", ".html": "html",
                     ".htm": "html"}  # fmt: skip
_CORE = "capcore"
_Declared = TypeVar("_Declared", FormatSpec, RuleSpec)


class PluginError(CapcoreError):
    """Plugins that cannot work together, or a plugin that failed in strict mode."""


class FormatNotFoundError(CapcoreError):
    """No installed format matches a name, a file name or a file's content."""


class PluginWarning(UserWarning):
    """A plugin could not be loaded and was left out."""


@attrs.frozen
class PluginProblem:
    """A plugin that could not be loaded.

    Attributes:
        plugin: The entry point's name.
        distribution: The distribution that declares it.
        message: What went wrong.
    """

    plugin: str
    distribution: str
    message: str

    def __str__(self) -> str:
        """Return a one-line description naming the distribution."""
        return f"plugin {self.plugin!r} from {self.distribution}: {self.message}"


@attrs.frozen
class PluginInfo:
    """One loaded plugin, as ``capcore plugins`` lists it.

    Attributes:
        name: The plugin's name (its entry point's name, or given on registration).
        distribution: The distribution it comes from, or None for objects
            registered directly.
        version: The distribution's version, if known.
        formats: The names of the formats it provides.
        rules: The codes of the rules it provides.
    """

    name: str
    distribution: str | None
    version: str | None
    formats: tuple[str, ...] = ()
    rules: tuple[str, ...] = ()


@attrs.frozen
class RegisteredFormat:
    """A format as installed: its spec and who provides it.

    Attributes:
        spec: The format as the plugin declared it.
        plugin: The name of the plugin providing it.
        distribution: The distribution providing it, or None if registered directly.
    """

    spec: FormatSpec
    plugin: str
    distribution: str | None

    @property
    def name(self) -> str:
        """The format's name."""
        return self.spec.name

    @property
    def provider(self) -> str:
        """Who provides it, for messages: the distribution, else the plugin."""
        return self.distribution or f"plugin {self.plugin!r} (registered directly)"

    def reader(self) -> Reader | None:
        """Return the reader, importing it now if it was declared as a string."""
        reader: Reader | None = _resolve(self.spec.reader, self)
        return reader

    def writer(self) -> Writer | None:
        """Return the writer, importing it now if it was declared as a string."""
        writer: Writer | None = _resolve(self.spec.writer, self)
        return writer

    def table_reader(self) -> TableReader | None:
        """Return the table reader, importing it now if it was declared as a string."""
        table_reader: TableReader | None = _resolve(self.spec.table_reader, self)
        return table_reader


def _resolve(target: Callable[..., Any] | str | None, owner: RegisteredFormat) -> Any:  # noqa: ANN401
    if target is None or callable(target):
        return target
    module_name, _, attribute = str(target).partition(":")
    try:
        value = getattr(importlib.import_module(module_name), attribute)
    except (ImportError, AttributeError) as error:
        raise PluginError(
            f"format {owner.name!r} from {owner.provider}: cannot load {target!r}: {error}"
        ) from error
    if not callable(value):
        raise PluginError(
            f"format {owner.name!r} from {owner.provider}: {target!r} is not callable"
        )
    return value


class PluginHost:
    """The loaded plugins, with typed access to what they provide.

    Made by :func:`make_plugin_host`; do not construct directly.
    """

    def __init__(
        self,
        manager: pluggy.PluginManager,
        order: list[str],
        distributions: dict[str, tuple[str | None, str | None]],
        problems: tuple[PluginProblem, ...],
    ) -> None:
        """Wrap a ready plugin manager (see :func:`make_plugin_host`)."""
        self._manager = manager
        self._order = order
        self._distributions = distributions
        self.problems = problems
        """Plugins that could not be loaded (reported as warnings too)."""
        self._formats = self._collect_formats()
        self._rules = self._collect_rules()

    def formats(self) -> tuple[RegisteredFormat, ...]:
        """Return every installed format, in registration order."""
        return self._formats

    def rules(self) -> tuple[RuleSpec, ...]:
        """Return every installed validation rule, in registration order."""
        return tuple(rule for rule, _ in self._rules)

    def plugins(self) -> tuple[PluginInfo, ...]:
        """Return the loaded plugins, the core's first."""
        infos = []
        for name in self._order:
            distribution, version = self._distributions.get(name, (None, None))
            infos.append(
                PluginInfo(
                    name,
                    distribution,
                    version,
                    tuple(f.name for f in self._formats if f.plugin == name),
                    tuple(rule.code for rule, owner in self._rules if owner == name),
                )
            )
        return tuple(infos)

    def get_format(self, name: str) -> RegisteredFormat:
        """Return the format called ``name``.

        Raises:
            FormatNotFoundError: No installed plugin provides it; the message
                lists what is installed and which distribution would add it.
        """
        for registered in self._formats:
            if registered.name == name:
                return registered
        raise FormatNotFoundError(self._missing(f"no format {name!r} is installed", name))

    def format_for(self, sample: Sample, *, for_reading: bool) -> RegisteredFormat:
        """Return the format of a file: from its extension, else by sniffing its content.

        Args:
            sample: The file's name and first bytes.
            for_reading: True to consider only formats with a reader, False
                only those with a writer (and no sniffing: an output file has
                no content yet).

        Raises:
            FormatNotFoundError: No format, or several, match; the message
                says which and how to choose.
        """
        able = [f for f in self._formats if (f.spec.reader if for_reading else f.spec.writer)]
        suffix = PurePath(sample.name).suffix.lower() if sample.name else ""
        by_extension = [f for f in able if suffix and suffix in f.spec.extensions]
        if len(by_extension) == 1:
            return by_extension[0]
        if for_reading:
            candidates = by_extension or able
            sniffed = [f for f in candidates if f.spec.sniff is not None and _sniff(f, sample)]
            if len(sniffed) == 1:
                return sniffed[0]
            if len(sniffed) > 1:
                names = ", ".join(f"{f.name} ({f.provider})" for f in sniffed)
                raise FormatNotFoundError(
                    f"{sample.name or 'the input'}: several formats claim it: {names}; "
                    "choose one with format=..."
                )
        if len(by_extension) > 1:
            names = ", ".join(f"{f.name} ({f.provider})" for f in by_extension)
            raise FormatNotFoundError(
                f"{sample.name}: the extension {suffix} belongs to several formats: {names}; "
                "choose one with format=..."
            )
        what = "read" if for_reading else "write"
        hint = _KNOWN_EXTENSIONS.get(suffix, "")
        return_message = f"{sample.name or 'the input'}: no installed format can {what} it"
        if suffix:
            return_message += f" (extension {suffix})"
        raise FormatNotFoundError(self._missing(return_message, hint))

    def _missing(self, message: str, wanted: str) -> str:
        installed = ", ".join(f"{f.name} ({f.provider})" for f in self._formats) or "none"
        text = f"{message}; installed formats: {installed}"
        if wanted in KNOWN_DISTRIBUTIONS:
            text += f"; `pip install {KNOWN_DISTRIBUTIONS[wanted]}` adds {wanted}"
        return text

    def _provider(self, plugin: str) -> str:
        distribution = self._distributions.get(plugin, (None, None))[0]
        return distribution or f"plugin {plugin!r} (registered directly)"

    def _collect_formats(self) -> tuple[RegisteredFormat, ...]:
        found = self._collect(self._manager.hook.capcore_formats, FormatSpec, "format")
        return tuple(
            RegisteredFormat(spec, plugin, self._distributions.get(plugin, (None,))[0])
            for spec, plugin in found
        )

    def _collect_rules(self) -> tuple[tuple[RuleSpec, str], ...]:
        return self._collect(self._manager.hook.capcore_rules, RuleSpec, "rule")

    def _collect(
        self, hook: pluggy.HookCaller, kind: type[_Declared], what: str
    ) -> tuple[tuple[_Declared, str], ...]:
        # Every hook answer must be of its declared type and unique by its key
        # (a format's name, a rule's code); each is kept with its plugin.
        collected: dict[str, tuple[_Declared, str]] = {}
        for plugin, answers in self._call(hook):
            for answer in answers:
                if not isinstance(answer, kind):
                    raise PluginError(
                        f"{self._provider(plugin)}: {hook.name} returned "
                        f"{type(answer).__name__}, expected {kind.__name__}"
                    )
                key = answer.name if isinstance(answer, FormatSpec) else answer.code
                if key in collected:
                    first = self._provider(collected[key][1])
                    raise PluginError(
                        f"two plugins claim the {what} {key!r}: {first} and "
                        f"{self._provider(plugin)}; uninstall one or disable it with {DISABLE_ENV}"
                    )
                collected[key] = (answer, plugin)
        return tuple(collected.values())

    def _call(self, hook: pluggy.HookCaller) -> Iterable[tuple[str, list[Any]]]:
        # Each implementation is called on its own so that every answer can be
        # attributed to its plugin (for duplicate errors and `capcore plugins`).
        # get_hookimpls() lists them in registration order (pluggy *calls*
        # them in reverse), so the core's come first.
        for implementation in hook.get_hookimpls():
            try:
                result = implementation.function()
            except Exception as error:
                raise PluginError(
                    f"{self._provider(implementation.plugin_name)}: {hook.name} failed: {error}"
                ) from error
            yield implementation.plugin_name, list(cast("Iterable[Any]", result or []))


def _sniff(registered: RegisteredFormat, sample: Sample) -> bool:
    sniff = registered.spec.sniff
    try:
        return bool(sniff(sample)) if sniff is not None else False
    except Exception:  # noqa: BLE001 - a faulty sniff must not stop the others
        warnings.warn(
            f"format {registered.name!r} from {registered.provider}: sniff failed",
            PluginWarning,
            stacklevel=2,
        )
        return False


def make_plugin_host(
    *,
    plugins: Iterable[object | tuple[str, object]] = (),
    entry_points: bool = True,
    strict: bool = False,
    disabled: Iterable[str] | None = None,
) -> PluginHost:
    """Build a plugin host.

    Args:
        plugins: Plugin objects (modules or instances with ``@hookimpl``
            functions) to register directly, optionally as ``(name, plugin)``.
        entry_points: Load the installed plugins of the ``capcore`` entry-point group.
        strict: Raise :class:`PluginError` for a plugin that fails to load,
            instead of warning and leaving it out.
        disabled: Plugin or distribution names not to load; by default the
            comma-separated names in ``CAPCORE_DISABLE_PLUGINS``.

    Raises:
        PluginError: Two plugins claim one format name or rule code, a plugin
            implements a hook that does not exist, or (strict) a plugin fails.
    """
    manager = pluggy.PluginManager(hookspecs.PROJECT)
    manager.add_hookspecs(hookspecs)
    blocked = set(_disabled_names() if disabled is None else disabled)
    distributions: dict[str, tuple[str | None, str | None]] = {_CORE: (_CORE, _version(_CORE))}
    from capcore import core_plugin  # noqa: PLC0415 - the core's plugin uses the public API

    manager.register(core_plugin, name=_CORE)
    order = [_CORE]
    problems: list[PluginProblem] = []
    if entry_points:
        for entry_point in metadata.entry_points(group=hookspecs.PROJECT):
            dist = entry_point.dist
            dist_name = dist.name if dist is not None else "an unknown distribution"
            if entry_point.name in blocked or dist_name in blocked:
                continue
            try:
                plugin = entry_point.load()
                manager.register(plugin, name=entry_point.name)
            except Exception as error:
                problem = PluginProblem(
                    entry_point.name, dist_name, f"{type(error).__name__}: {error}"
                )
                if strict:
                    raise PluginError(f"cannot load {problem}") from error
                warnings.warn(f"capcore: left out {problem}", PluginWarning, stacklevel=2)
                problems.append(problem)
                continue
            order.append(entry_point.name)
            distributions[entry_point.name] = (dist_name, dist.version if dist else None)
    for item in plugins:
        name, plugin = item if isinstance(item, tuple) else (None, item)
        if name is not None and name in blocked:
            continue
        registered_name = manager.register(plugin, name=name)
        if registered_name is not None:
            order.append(registered_name)
    try:
        manager.check_pending()
    except pluggy.PluginValidationError as error:
        raise PluginError(f"{error}") from error
    return PluginHost(manager, order, distributions, tuple(problems))


def _disabled_names() -> list[str]:
    return [name.strip() for name in os.environ.get(DISABLE_ENV, "").split(",") if name.strip()]


def _version(distribution: str) -> str | None:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return None


@functools.cache
def default_host() -> PluginHost:
    """Return the host that :func:`capcore.read` and :func:`capcore.write` use.

    Built on first use (not at import) from the installed plugins; strict when
    ``CAPCORE_STRICT_PLUGINS=1``. Build your own with :func:`make_plugin_host`
    to register plugins directly.
    """
    strict = os.environ.get(STRICT_ENV, "").strip().lower() in {"1", "true", "yes"}
    return make_plugin_host(strict=strict)
