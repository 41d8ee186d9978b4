"""Throwaway plugin distributions for the plugin-host tests.

:func:`install_distribution` writes a real ``.dist-info`` folder (METADATA and
entry_points.txt) and the plugin's module into a folder on ``sys.path``, so
``importlib.metadata`` finds it exactly as it finds an installed plugin.
"""

from __future__ import annotations

import importlib
import sys
import textwrap
from pathlib import Path

import pytest

FAKE_FORMAT_PLUGIN = """
import capcore

def _read(stream, *, name):
    return capcore.loads(stream.read(), source=name)

def _write(plan, stream):
    stream.write(capcore.dumps(plan).encode())

@capcore.hookimpl
def capcore_formats():
    return [capcore.FormatSpec({name!r}, ({extension!r},), reader=_read, writer=_write)]
"""


def install_distribution(
    monkeypatch: pytest.MonkeyPatch,
    site: Path,
    *,
    distribution: str,
    entry_point: str,
    module: str,
    source: str,
) -> None:
    """Make ``distribution`` importable with a ``capcore`` entry point to ``module``."""
    site.mkdir(parents=True, exist_ok=True)
    info = site / f"{distribution.replace('-', '_')}-1.2.3.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {distribution}\nVersion: 1.2.3\n", "utf-8"
    )
    (info / "entry_points.txt").write_text(f"[capcore]\n{entry_point} = {module}\n", "utf-8")
    (site / f"{module}.py").write_text(textwrap.dedent(source), "utf-8")
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.delitem(sys.modules, module, raising=False)
    importlib.invalidate_caches()


def install_broken_plugin(
    monkeypatch: pytest.MonkeyPatch, site: Path, module: str = "capcore_broken"
) -> None:
    """Install ``capcore-broken``, whose entry point ``broken`` fails to import."""
    install_distribution(
        monkeypatch,
        site,
        distribution="capcore-broken",
        entry_point="broken",
        module=module,
        source="raise ImportError('needs libfoo')\n",
    )
