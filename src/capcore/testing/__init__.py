"""Test support for capcore and its plugin authors (needs ``capcore[testing]``).

- :mod:`capcore.testing.strategies`: Hypothesis strategies for arbitrary
  plans; every format is held to writing (and, if lossless, round-tripping)
  them.
- :class:`FormatContract` (:mod:`capcore.testing.contract`): the contract
  test suite a format plugin's tests subclass::

      from capcore.testing import FormatContract


      class TestMarkdownContract(FormatContract):
          format_name = "markdown"
"""

import pytest

# The contract's plain asserts get pytest's detailed messages (it is not a test module).
pytest.register_assert_rewrite("capcore.testing.contract")

from capcore.testing.contract import FormatContract  # noqa: E402 - after the rewrite hook

__all__ = ["FormatContract"]
