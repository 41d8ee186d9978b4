"""Every way the installed formats write a plan, for suites that hold all formats to one standard.

The reliability suite writes the same plans in every format and layout
(fuzzing their outputs, checking them for formulas, macros and links,
writing them from several threads); these helpers list those writes from
the plugin host, so that a new format or layout is covered without editing
the suite.
"""

from __future__ import annotations

import io

import attrs

import capcore
from capcore.model import Plan
from capcore.plugin_host import PluginHost

__all__ = ["FormatWrite", "every_write", "lossless_writes", "written"]


@attrs.frozen
class FormatWrite:
    """One format with one of its layouts.

    Attributes:
        format: The format's name (``"docx"``).
        layout: The layout (``"cards"``), or None for a format without layouts.
        extension: The format's default file extension (``".docx"``).
    """

    format: str
    layout: str | None
    extension: str

    @property
    def label(self) -> str:
        """``docx-cards``, or the format's name alone."""
        return f"{self.format}-{self.layout}" if self.layout else self.format

    @property
    def options(self) -> dict[str, object]:
        """The write options that choose the layout."""
        return {"layout": self.layout} if self.layout else {}


def every_write(host: PluginHost) -> list[FormatWrite]:
    """Return each format that can write, once per layout it offers, sorted by name."""
    writes: list[FormatWrite] = []
    for registered in sorted(host.formats(), key=lambda f: f.name):
        spec = registered.spec
        if spec.writer is None:
            continue
        layouts: tuple[str | None, ...] = spec.layouts or (None,)
        writes += [FormatWrite(spec.name, layout, spec.default_extension) for layout in layouts]
    return writes


def lossless_writes(host: PluginHost) -> list[FormatWrite]:
    """Return the writes whose files read back equal (``FormatSpec.is_lossless``)."""
    specs = {registered.name: registered.spec for registered in host.formats()}
    return [write for write in every_write(host) if specs[write.format].is_lossless(write.layout)]


def written(plan: Plan, write: FormatWrite, host: PluginHost, **options: object) -> bytes:
    """Return the bytes of ``plan`` written by ``write`` through :func:`capcore.write`."""
    out = io.BytesIO()
    capcore.write(plan, out, write.format, host=host, **write.options, **options)
    return out.getvalue()
