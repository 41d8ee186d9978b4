"""The hooks a capcore plugin implements: the contract for plugin authors.

A plugin is a module (or any object) with functions marked ``@hookimpl``
and named like the specifications below. Publish it under the ``capcore``
entry-point group::

    [project.entry-points.capcore]
    markdown = "capcore_markdown"

Every hook returns attrs objects, never bare dicts, and is called with no
arguments, so a plugin's answers can be listed cheaply. All implementations
are called and their results combined (none is "first result wins").
The core registers its own JSON format and structural rules through these
same hooks.
"""

from __future__ import annotations

from collections.abc import Sequence

import pluggy

from capcore.formats import FormatSpec
from capcore.rules import RuleSpec

__all__ = ["PROJECT", "capcore_formats", "capcore_rules", "hookimpl", "hookspec"]

PROJECT = "capcore"
"""The pluggy project name and the entry-point group."""

hookspec = pluggy.HookspecMarker(PROJECT)
"""Marks a hook specification (used only here)."""

hookimpl = pluggy.HookimplMarker(PROJECT)
"""Marks a plugin's hook implementation: ``@capcore.hookimpl``."""


@hookspec
def capcore_formats() -> Sequence[FormatSpec]:  # type: ignore[empty-body]
    """Return the file formats this plugin provides.

    Called once when the plugin host is built, for every plugin. Each format
    name must be unique among installed plugins: the host refuses two plugins
    claiming one name and names both distributions. Readers and writers
    should be ``"module:function"`` strings so that format libraries are
    imported only when a file is read or written.

    Returns:
        The formats, possibly none.
    """


@hookspec
def capcore_rules() -> Sequence[RuleSpec]:  # type: ignore[empty-body]
    """Return the validation rules this plugin adds.

    Called once when the plugin host is built. Codes must be unique among
    installed plugins; prefix a plugin's codes with a few letters of its own
    (``MD101``) so users can select or ignore them by prefix.

    Returns:
        The rules, possibly none.
    """
