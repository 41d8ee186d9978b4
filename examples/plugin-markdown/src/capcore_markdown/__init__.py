"""capcore-markdown: write capcore improvement plans as Markdown documents.

A capcore plugin is a module with ``@capcore.hookimpl`` functions, named in
the ``capcore`` entry-point group of its distribution (see
``pyproject.toml``). This one provides one write-only format. Its writer is
named as a ``"module:function"`` string, so :mod:`capcore_markdown.writer`
is imported only when a plan is written, never when plugins are listed.
"""

from __future__ import annotations

import capcore
from capcore import FormatSpec, OptionKind, OptionSpec

__all__ = ["capcore_formats"]


@capcore.hookimpl
def capcore_formats() -> list[FormatSpec]:
    """Provide the ``markdown`` format (write only)."""
    return [
        FormatSpec(
            "markdown",
            (".md", ".markdown"),
            media_type="text/markdown",
            description="Markdown document of the plan (write only)",
            writer="capcore_markdown.writer:write",
            write_options=(
                OptionSpec(
                    "locale",
                    OptionKind.CHOICE,
                    choices=capcore.LOCALES,
                    default="bg",
                    help="the language of the labels: bg (Bulgarian) or en (English)",
                ),
            ),
        )
    ]
