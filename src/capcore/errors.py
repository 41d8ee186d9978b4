"""The one error family that capcore raises.

Every error a user can provoke with bad input is a :class:`CapcoreError`, and
its message says where (file, sheet, row, column, field path) and what was
expected, so a caller can print ``str(error)`` and nothing else.
"""

from __future__ import annotations

__all__ = ["CapcoreError", "PlanFormatError", "SchemaVersionError"]


class CapcoreError(Exception):
    """Base class of every error capcore raises on purpose."""


class PlanFormatError(CapcoreError):
    """A plan file or document does not have the form its format requires.

    Attributes:
        source: The file name or stream description the data came from.
        location: Where in the source the problem is (a JSON path such as
            ``$.areas[1].measures[3]``, a sheet/row/column or a paragraph).
        problem: What is wrong and what was expected.
    """

    def __init__(self, source: str, location: str, problem: str) -> None:
        """Build the error from where it happened and what is wrong."""
        self.source = source
        self.location = location
        self.problem = problem
        where = f"{source}: {location}" if location else source
        super().__init__(f"{where}: {problem}")


class SchemaVersionError(PlanFormatError):
    """A capcore JSON file was written by a newer or unknown schema version."""
