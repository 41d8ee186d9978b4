"""The release check's own logic (tools/release_check.py, tools/release_guard.py).

No builds here: the check itself builds and installs (``python3 dev.py
release-check``). These tests hold what it decides from files on disk, and the
release facts every distribution folder must show.
"""

from __future__ import annotations

import importlib.util
import sys
import tarfile
import tomllib
from pathlib import Path
from types import ModuleType

import pytest
from packaging.requirements import Requirement

from .conftest import REPO


def _load(path: Path, name: str) -> ModuleType:
    # tools/ and dev.py are scripts, not packages: load them from their files.
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


release_check = _load(REPO / "tools" / "release_check.py", "_release_check")
release_guard = _load(REPO / "tools" / "release_guard.py", "_release_guard")
dev = _load(REPO / "dev.py", "_dev")

DISTRIBUTIONS = [release_check.Distribution.from_folder(REPO / f) for f in dev.DISTRIBUTIONS]
CORE = next(d for d in DISTRIBUTIONS if d.name == "capcore")
PLUGINS = [d for d in DISTRIBUTIONS if d.name != "capcore"]


def _package(folder: Path, name: str, *, files: dict[str, str]) -> None:
    (folder / "pyproject.toml").write_text(
        f'[project]\nname = "{name}"\nversion = "1.2.3"\ndependencies = ["capcore>=0.1"]\n'
        f'[tool.hatch.build.targets.wheel]\npackages = ["src/{name.replace("-", "_")}"]\n',
        "utf-8",
    )
    for relative, text in files.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")


def test_the_repository_distributions_are_read_from_their_pyproject() -> None:
    assert CORE.folder == REPO
    assert CORE.packages == ("capcore",)
    assert {d.name: d.packages for d in PLUGINS} == {
        "capcore-xlsx": ("capcore_xlsx",),
        "capcore-docx": ("capcore_docx",),
        "capcore-html": ("capcore_html",),
        "capcore-markdown": ("capcore_markdown",),
    }
    assert CORE.file_stem == f"capcore-{CORE.version}"
    assert PLUGINS[0].file_stem == f"capcore_xlsx-{PLUGINS[0].version}"


@pytest.mark.parametrize("plugin", PLUGINS, ids=lambda d: d.name)
def test_each_plugin_accepts_the_core_beside_it(plugin: object) -> None:
    """Each plugin requires capcore>=0.1, and the core's own version satisfies it."""
    assert isinstance(plugin, release_check.Distribution)
    requirements = [Requirement(text) for text in plugin.dependencies]
    core_requirements = [r for r in requirements if r.name == "capcore"]
    assert [str(r.specifier) for r in core_requirements] == [">=0.1"]
    assert core_requirements[0].specifier.contains(CORE.version)


@pytest.mark.parametrize("distribution", DISTRIBUTIONS, ids=lambda d: d.name)
def test_each_distribution_has_its_licence_and_changelog(distribution: object) -> None:
    """The root LICENSE text in every folder; a changelog whose top entry is this version."""
    assert isinstance(distribution, release_check.Distribution)
    licence = (distribution.folder / "LICENSE").read_text("utf-8")
    assert licence == (REPO / "LICENSE").read_text("utf-8")
    changelog = (distribution.folder / "CHANGELOG.md").read_text("utf-8")
    entries = [line for line in changelog.splitlines() if line.startswith("## [")]
    assert entries, f"{distribution.name}: CHANGELOG.md has no version entry"
    assert entries[0].startswith(f"## [{distribution.version}] - ")


def test_a_folder_without_pyproject_is_named(tmp_path: Path) -> None:
    with pytest.raises(release_check.ReleaseCheckError, match=r"pyproject\.toml: cannot read"):
        release_check.Distribution.from_folder(tmp_path)


def test_a_pyproject_without_wheel_packages_says_what_it_expected(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\nversion = "1"\n', "utf-8")
    with pytest.raises(release_check.ReleaseCheckError, match=r"wheel\.packages"):
        release_check.Distribution.from_folder(tmp_path)


def test_a_wheel_must_hold_the_package_data_and_the_typed_marker(tmp_path: Path) -> None:
    _package(
        tmp_path,
        "capcore-demo",
        files={
            "src/capcore_demo/__init__.py": "",
            "src/capcore_demo/templates/page.css": "body {}",
            "src/capcore_demo/__pycache__/x.cpython-311.pyc": "",
        },
    )
    distribution = release_check.Distribution.from_folder(tmp_path)
    assert release_check.missing_from_wheel(distribution, {"capcore_demo/__init__.py"}) == [
        "capcore_demo/py.typed",
        "capcore_demo/templates/page.css",
    ]
    complete = {
        "capcore_demo/__init__.py",
        "capcore_demo/py.typed",
        "capcore_demo/templates/page.css",
    }
    assert release_check.missing_from_wheel(distribution, complete) == []


def test_an_sdist_must_hold_readme_licence_changelog_sources_and_tests(tmp_path: Path) -> None:
    _package(
        tmp_path,
        "capcore-demo",
        files={"src/capcore_demo/__init__.py": "", "tests/test_demo.py": ""},
    )
    distribution = release_check.Distribution.from_folder(tmp_path)
    assert release_check.missing_from_sdist(distribution, {"pyproject.toml", "README.md"}) == [
        "CHANGELOG.md",
        "LICENSE",
        "src/capcore_demo/__init__.py",
        "tests/test_demo.py",
    ]


def test_the_isolated_run_uses_the_distribution_config_and_the_guard() -> None:
    xlsx = next(d for d in PLUGINS if d.name == "capcore-xlsx")
    arguments = release_check.pytest_arguments(xlsx.folder, quick=False)
    assert arguments[:4] == [
        "-c",
        str(xlsx.folder / "pyproject.toml"),
        "--rootdir",
        str(xlsx.folder),
    ]
    assert "release_guard" in arguments
    assert "not slow" not in arguments
    assert arguments[-1] == str(xlsx.folder / "tests")
    quick = release_check.pytest_arguments(xlsx.folder, quick=True)
    assert quick[quick.index("-m") + 1] == "not slow"


def test_the_guard_is_told_what_is_installed_and_what_must_be_absent() -> None:
    docx = next(d for d in PLUGINS if d.name == "capcore-docx")
    base = {"VIRTUAL_ENV": "/somewhere", "PYTHONPATH": "/src", "HOME": "/root"}
    environment = release_check.guard_environment(docx, DISTRIBUTIONS, base)
    assert "VIRTUAL_ENV" not in environment
    assert environment["HOME"] == "/root"
    assert environment["PYTHONPATH"] == str(REPO / "tools")
    assert environment["CAPCORE_RELEASE_TESTED"] == "capcore,capcore_docx"
    assert environment["CAPCORE_RELEASE_ABSENT"].split(",") == [
        "capcore_xlsx",
        "capcore_html",
        "capcore_markdown",
    ]
    core_alone = release_check.guard_environment(CORE, DISTRIBUTIONS, base)
    assert core_alone["CAPCORE_RELEASE_TESTED"] == "capcore"
    assert len(core_alone["CAPCORE_RELEASE_ABSENT"].split(",")) == len(PLUGINS)


def test_the_guard_accepts_a_module_from_site_packages_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "capcore_guarded.py").write_text("", "utf-8")
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.delitem(sys.modules, "capcore_guarded", raising=False)
    importlib.invalidate_caches()
    assert release_guard.installed_origin_problems(["capcore_guarded"], [], site.resolve()) == []
    elsewhere = (tmp_path / "other").resolve()
    problems = release_guard.installed_origin_problems(["capcore_guarded"], [], elsewhere)
    origin = site.resolve() / "capcore_guarded.py"
    assert problems == [f"capcore_guarded was imported from {origin}, not from {elsewhere}"]


def test_the_guard_names_a_plugin_that_should_be_absent(tmp_path: Path) -> None:
    problems = release_guard.installed_origin_problems(
        [], ["capcore", "capcore_no_such_plugin"], tmp_path
    )
    assert problems == ["capcore is importable, but this run must have it absent"]


def test_the_summary_names_each_failed_step(tmp_path: Path) -> None:
    check = release_check.Check(tmp_path)
    check.contents("wheel contents capcore", [])
    check.contents("sdist contents capcore-html", ["CHANGELOG.md", "LICENSE"])
    assert check.failures == ["sdist contents capcore-html"]
    summary = check.summary().splitlines()
    assert summary[1].split() == ["ok", "0.0", "s", "wheel", "contents", "capcore"]
    assert summary[2].endswith("sdist contents capcore-html: missing CHANGELOG.md, LICENSE")


def test_a_failing_command_is_recorded_with_its_log(tmp_path: Path) -> None:
    check = release_check.Check(tmp_path)
    assert check.command("works", [sys.executable, "-c", "pass"], log="works.log")
    failing = [sys.executable, "-c", "import sys; print('broken'); sys.exit(3)"]
    assert not check.command("fails", failing, log="fails.log")
    assert check.failures == ["fails"]
    assert f"exit code 3; log: {tmp_path / 'fails.log'}" in check.summary()
    assert (tmp_path / "fails.log").read_text("utf-8").strip() == "broken"


def test_a_plugin_is_tested_from_its_extracted_sdist(tmp_path: Path) -> None:
    plugin = next(d for d in PLUGINS if d.name == "capcore-markdown")
    dist_dir = tmp_path / "dist"
    dist_dir.mkdir()
    member = tmp_path / "test_x.py"
    member.write_text("", "utf-8")
    with tarfile.open(dist_dir / f"{plugin.file_stem}.tar.gz", "w:gz") as archive:
        archive.add(member, arcname=f"{plugin.file_stem}/tests/test_x.py")
    folder, origin = release_check.tests_source(plugin, dist_dir, tmp_path / "work")
    assert folder == tmp_path / "work" / "sdists" / plugin.file_stem
    assert (folder / "tests" / "test_x.py").is_file()
    assert origin == "from its sdist"
    assert release_check.tests_source(CORE, dist_dir, tmp_path) == (REPO, "from the repository")


@pytest.mark.parametrize("distribution", DISTRIBUTIONS, ids=lambda d: d.name)
def test_each_distribution_knows_the_slow_marker(distribution: object) -> None:
    """--quick passes -m "not slow", which --strict-markers refuses where slow is unknown."""
    assert isinstance(distribution, release_check.Distribution)
    text = (distribution.folder / "pyproject.toml").read_text("utf-8")
    options = tomllib.loads(text)["tool"]["pytest"]["ini_options"]
    assert any(marker.startswith("slow:") for marker in options["markers"])
