"""capcore-xlsx: the Excel format of capcore improvement plans.

The hooks only declare the format; the reader and writer modules are named
as ``"module:function"`` strings and imported on first use.
"""

from __future__ import annotations

__all__: list[str] = []
