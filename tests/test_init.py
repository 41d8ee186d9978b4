"""The package namespace (capcore/__init__.py): every public name, loaded lazily."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

import capcore

INIT = Path(capcore.__file__)


def _imported_in_type_checking_block() -> dict[str, str]:
    """Return name -> module of the imports under ``if TYPE_CHECKING:`` in __init__.py."""
    tree = ast.parse(INIT.read_text(encoding="utf-8"))
    names: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING":
            for statement in node.body:
                assert isinstance(statement, ast.ImportFrom)
                assert statement.module is not None
                names.update({alias.name: statement.module for alias in statement.names})
    return names


def _modules_after(code: str) -> list[str]:
    """Return the modules loaded in a fresh interpreter after running ``code``."""
    script = f"import json, sys\n{code}\nprint(json.dumps(sorted(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    return list(json.loads(result.stdout))


def test_the_lazy_table_matches_the_type_checking_imports() -> None:
    """Each name resolves at run time from the module type checkers are told about."""
    assert _imported_in_type_checking_block() == capcore._EXPORTS


def test_all_lists_exactly_the_lazy_names() -> None:
    """__all__ and the lazy table name the same public names."""
    assert sorted(capcore.__all__) == sorted(capcore._EXPORTS)


@pytest.mark.parametrize("name", capcore.__all__)
def test_every_public_name_resolves(name: str) -> None:
    """Every name in __all__ is an attribute, and is the object its module defines."""
    module = sys.modules.get(capcore._EXPORTS[name]) or __import__(
        capcore._EXPORTS[name], fromlist=[name]
    )
    assert getattr(capcore, name) is getattr(module, name)


def test_an_unknown_name_is_an_attribute_error() -> None:
    """A misspelt name fails as a missing attribute, naming it."""
    with pytest.raises(AttributeError, match="no_such_name"):
        _ = capcore.no_such_name  # type: ignore[attr-defined]


def test_dir_lists_the_public_names_before_use() -> None:
    """dir(capcore) shows every public name (for completion), loaded or not."""
    assert set(capcore.__all__) <= set(dir(capcore))


def test_import_capcore_loads_no_submodule() -> None:
    """``import capcore`` loads none of its modules, attrs, cattrs or a plugin.

    Only ``capcore._type_checking`` (one constant, so that typing is not imported) is loaded.
    """
    modules = _modules_after("import capcore")
    loaded = [
        name
        for name in modules
        if name.startswith(("capcore.", "capcore_", "attr", "cattrs", "pluggy", "openpyxl"))
        and name != "capcore._type_checking"
    ]
    assert "typing" not in modules
    assert loaded == []


def test_a_name_loads_only_what_it_needs() -> None:
    """Using one name loads its module, not the plugins or the format libraries."""
    modules = _modules_after("import capcore\ncapcore.parse_deadline('31.12.2024')")
    assert "capcore.deadline_parse" in modules
    assert not [name for name in modules if name.startswith(("capcore_", "openpyxl", "docx"))]
    assert "capcore.plugin_host" not in modules


def test_from_import_star_gives_every_public_name() -> None:
    """``from capcore import *`` still binds every name in __all__."""
    namespace: dict[str, object] = {}
    exec("from capcore import *", namespace)  # noqa: S102 - the statement under test
    assert set(capcore.__all__) <= set(namespace)


# Public names that are also the name of the submodule defining them.
SHADOWED = [name for name, module in capcore._EXPORTS.items() if module == f"capcore.{name}"]


@pytest.mark.parametrize("name", SHADOWED)
def test_a_public_name_wins_over_its_submodule_of_the_same_name(name: str) -> None:
    """After ``import capcore.coverage``, ``capcore.coverage`` is still the public function."""
    code = (
        f"import importlib, types, capcore\nimportlib.import_module('capcore.{name}')\n"
        f"assert not isinstance(capcore.{name}, types.ModuleType), capcore.{name}"
    )
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
