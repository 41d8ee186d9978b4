"""``TYPE_CHECKING`` for the modules that ``capcore --help`` imports, without importing typing.

Importing :mod:`typing` costs about as much as the rest of the command
line's start-up; the modules on that path only need its names in
annotations, which ``from __future__ import annotations`` leaves
unevaluated. Type checkers treat any ``if TYPE_CHECKING:`` block as taken,
whatever module the name comes from.
"""

from __future__ import annotations

__all__ = ["TYPE_CHECKING"]

TYPE_CHECKING = False
"""False at run time; true for type checkers (mypy reads the name, not its value)."""
