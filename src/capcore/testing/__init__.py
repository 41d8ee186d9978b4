"""Test support for capcore and its plugin authors (needs ``capcore[testing]``).

:mod:`capcore.testing.strategies` holds the Hypothesis strategies for
arbitrary plans; every format is held to round-tripping them.
"""
