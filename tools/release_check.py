"""The release check: build every distribution, check it, test each plugin alone.

``python3 dev.py release-check`` (and ``python3 dev.py test``, after the main
pytest run) runs this with the repository's distribution folders, core first::

    python tools/release_check.py [--quick] [--keep DIR] FOLDER [FOLDER ...]

For every folder it builds a wheel and an sdist with ``python -m build``, runs
``twine check --strict`` on them, and checks their contents: the wheel holds
``py.typed`` and every data file of its packages, the sdist its README,
LICENSE, CHANGELOG, pyproject and tests. Then each distribution's own tests
run in a fresh virtual environment holding only the core's wheel and that
distribution's wheel (with their ``test`` extras), with ``release_guard`` making
sure the tests import the installed wheels and no other plugin. ``--quick``
leaves out the slow-marked tests there (they still run in the all-together
run). It prints a summary and exits 1, naming what failed, if anything did.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
import venv
import zipfile
from dataclasses import dataclass
from pathlib import Path
from tarfile import TarFile

ROOT = Path(__file__).resolve().parents[1]
TOOLS = ROOT / "tools"
CORE = "capcore"
# What an sdist must hold beside its sources, so a release can be tested from it.
SDIST_FILES = ("README.md", "LICENSE", "CHANGELOG.md", "pyproject.toml")
# What every wheel's packages must hold: the marker that the package has types.
TYPED_MARKER = "py.typed"


class ReleaseCheckError(Exception):
    """A distribution folder the release check cannot work with."""


@dataclass(frozen=True)
class Distribution:
    """One distribution of the repository, as its pyproject.toml describes it.

    Attributes:
        folder: The folder holding its pyproject.toml.
        name: The project name (``capcore-xlsx``).
        version: The project version.
        packages: The import packages its wheel ships (``capcore_xlsx``).
        dependencies: Its run-time requirements, as written.
    """

    folder: Path
    name: str
    version: str
    packages: tuple[str, ...]
    dependencies: tuple[str, ...]

    @classmethod
    def from_folder(cls, folder: Path) -> Distribution:
        """Read a distribution's pyproject.toml.

        Args:
            folder: The distribution's folder.

        Returns:
            The distribution.

        Raises:
            ReleaseCheckError: The file is missing, or lacks the name, the version or
                the hatch wheel packages.
        """
        pyproject = folder / "pyproject.toml"
        try:
            data = tomllib.loads(pyproject.read_text("utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as error:
            raise ReleaseCheckError(f"{pyproject}: cannot read it ({error})") from error
        project = data.get("project", {})
        wheel = data.get("tool", {}).get("hatch", {}).get("build", {}).get("targets", {})
        package_paths = wheel.get("wheel", {}).get("packages", [])
        if not project.get("name") or not project.get("version") or not package_paths:
            raise ReleaseCheckError(
                f"{pyproject}: expected project.name, project.version and"
                " tool.hatch.build.targets.wheel.packages"
            )
        return cls(
            folder=folder,
            name=project["name"],
            version=project["version"],
            packages=tuple(Path(path).name for path in package_paths),
            dependencies=tuple(project.get("dependencies", [])),
        )

    @property
    def file_stem(self) -> str:
        """The name as wheel and sdist file names spell it (``capcore_xlsx-0.1.0``)."""
        return f"{self.name.replace('-', '_')}-{self.version}"

    @property
    def source_packages(self) -> list[Path]:
        """The package folders in the source tree (``src/capcore_xlsx``)."""
        return [self.folder / "src" / package for package in self.packages]


def package_data_files(package_folder: Path) -> list[str]:
    """The files of a source package that a wheel must ship besides its modules.

    Args:
        package_folder: A package folder in the source tree.

    Returns:
        Their paths relative to the package's parent (``capcore_html/templates/page.css``),
        sorted; bytecode caches left out.
    """
    return sorted(
        path.relative_to(package_folder.parent).as_posix()
        for path in package_folder.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    )


def missing_from_wheel(distribution: Distribution, wheel_names: set[str]) -> list[str]:
    """The files of the distribution's packages, and py.typed markers, a wheel lacks.

    Args:
        distribution: The distribution the wheel was built from.
        wheel_names: The names of the wheel's members.

    Returns:
        The missing paths, sorted.
    """
    expected: set[str] = set()
    for package_folder in distribution.source_packages:
        expected.update(package_data_files(package_folder))
        expected.add(f"{package_folder.name}/{TYPED_MARKER}")
    return sorted(expected - wheel_names)


def missing_from_sdist(distribution: Distribution, sdist_names: set[str]) -> list[str]:
    """The files an sdist lacks: README, LICENSE, CHANGELOG, pyproject, sources and tests.

    Args:
        distribution: The distribution the sdist was built from.
        sdist_names: The names of the sdist's members, without the leading
            ``name-version/`` folder.

    Returns:
        The missing paths, sorted.
    """
    expected = set(SDIST_FILES)
    for package_folder in distribution.source_packages:
        expected.update(f"src/{name}" for name in package_data_files(package_folder))
    tests = distribution.folder / "tests"
    expected.update(
        path.relative_to(distribution.folder).as_posix()
        for path in tests.rglob("*.py")
        if "__pycache__" not in path.parts
    )
    return sorted(expected - sdist_names)


def pytest_arguments(folder: Path, *, quick: bool) -> list[str]:
    """The pytest command-line arguments of a distribution's isolated test run.

    Args:
        folder: Where the distribution's pyproject.toml and tests are: the
            extracted sdist of a plugin, the repository for the core.
        quick: Leave out the slow-marked tests.

    Returns:
        The arguments after ``python -m pytest``: the distribution's own pytest
        configuration and tests, the guard, and no cache written into the tree.
    """
    arguments = [
        "-c",
        str(folder / "pyproject.toml"),
        "--rootdir",
        str(folder),
        "-p",
        "release_guard",
        "-p",
        "no:cacheprovider",
        "-q",
    ]
    if quick:
        arguments += ["-m", "not slow"]
    return [*arguments, str(folder / "tests")]


def guard_environment(
    tested: Distribution, everything: list[Distribution], base: dict[str, str]
) -> dict[str, str]:
    """The environment of an isolated run: the guard on the path, what to check.

    Args:
        tested: The distribution whose tests run (with the core beside it).
        everything: All distributions; the plugins other than ``tested`` must be absent.
        base: The environment to start from (the caller's).

    Returns:
        ``base`` without any virtual environment or Python path of its own, plus
        ``PYTHONPATH`` for ``release_guard`` and the package names it checks.
    """
    present = {CORE, tested.name}
    tested_packages = [
        package for dist in everything if dist.name in present for package in dist.packages
    ]
    absent_packages = [
        package for dist in everything if dist.name not in present for package in dist.packages
    ]
    environment = {
        key: value for key, value in base.items() if key not in {"VIRTUAL_ENV", "PYTHONPATH"}
    }
    environment["PYTHONPATH"] = str(TOOLS)
    environment["CAPCORE_RELEASE_TESTED"] = ",".join(tested_packages)
    environment["CAPCORE_RELEASE_ABSENT"] = ",".join(absent_packages)
    return environment


@dataclass
class Step:
    """One step of the check and how it went, for the summary."""

    name: str
    seconds: float
    problem: str = ""


class Check:
    """The steps run so far; each runs a command or a content check and records it."""

    def __init__(self, work: Path) -> None:
        """Start a check that builds and installs under ``work``."""
        self.work = work
        self.steps: list[Step] = []

    def command(
        self, name: str, args: list[str], *, env: dict[str, str] | None = None, log: str
    ) -> bool:
        """Run a command from the repository root, its output into a log file.

        Args:
            name: The step's name in the summary.
            args: The command.
            env: Its environment (the caller's by default).
            log: The log file's name under the work folder.

        Returns:
            Whether it succeeded. On failure, the log's last lines are printed.
        """
        print(f"release check: {name}", flush=True)
        log_path = self.work / log
        start = time.monotonic()
        with log_path.open("w", encoding="utf-8") as output:
            code = subprocess.call(args, cwd=ROOT, env=env, stdout=output, stderr=output)
        seconds = time.monotonic() - start
        problem = "" if code == 0 else f"exit code {code}; log: {log_path}"
        self.steps.append(Step(name, seconds, problem))
        if problem:
            tail = log_path.read_text("utf-8", errors="replace").splitlines()[-25:]
            print("\n".join(f"    {line}" for line in tail), flush=True)
        return not problem

    def contents(self, name: str, missing: list[str]) -> None:
        """Record a content check: the files a built distribution lacks."""
        self.steps.append(Step(name, 0.0, "missing " + ", ".join(missing) if missing else ""))

    def summary(self) -> str:
        """One line per step, then the total time."""
        lines = [
            f"  {'ok  ' if not step.problem else 'FAIL'} {step.seconds:7.1f} s  {step.name}"
            + (f": {step.problem}" if step.problem else "")
            for step in self.steps
        ]
        total = sum(step.seconds for step in self.steps)
        return "\n".join(["release check summary:", *lines, f"  total {total:.0f} s"])

    @property
    def failures(self) -> list[str]:
        """The names of the steps that failed."""
        return [step.name for step in self.steps if step.problem]


def build_and_inspect(check: Check, distribution: Distribution, dist_dir: Path) -> None:
    """Build a distribution's wheel and sdist and check what they hold."""
    python = sys.executable
    log = f"build-{distribution.name}.log"
    if not check.command(
        f"build {distribution.name}",
        [python, "-m", "build", "--outdir", str(dist_dir), str(distribution.folder)],
        log=log,
    ):
        return
    wheel = dist_dir / f"{distribution.file_stem}-py3-none-any.whl"
    sdist = dist_dir / f"{distribution.file_stem}.tar.gz"
    with zipfile.ZipFile(wheel) as archive:
        check.contents(
            f"wheel contents {distribution.name}",
            missing_from_wheel(distribution, set(archive.namelist())),
        )
    with TarFile.open(sdist) as archive:
        prefix = f"{distribution.file_stem}/"
        names = {name.removeprefix(prefix) for name in archive.getnames()}
        check.contents(
            f"sdist contents {distribution.name}", missing_from_sdist(distribution, names)
        )


def tests_source(distribution: Distribution, dist_dir: Path, work: Path) -> tuple[Path, str]:
    """Where a distribution's isolated tests run from, and how the summary says it.

    A plugin's tests run from its extracted sdist, which proves the sdist can be
    tested as published. The core's run from the repository: they also check
    the repository's examples, docs and benchmarks, which no sdist holds.
    """
    if distribution.name == CORE:
        return distribution.folder, "from the repository"
    target = work / "sdists"
    with TarFile.open(dist_dir / f"{distribution.file_stem}.tar.gz") as archive:
        archive.extractall(target, filter="data")
    return target / distribution.file_stem, "from its sdist"


def test_alone(
    check: Check,
    distribution: Distribution,
    everything: list[Distribution],
    dist_dir: Path,
    *,
    quick: bool,
) -> None:
    """Install the core's wheel and a distribution's in a fresh venv and run its tests there."""
    environment_dir = check.work / f"venv-{distribution.name}"
    venv.EnvBuilder(with_pip=True, clear=True).create(environment_dir)
    python = str(environment_dir / ("Scripts" if os.name == "nt" else "bin") / "python")
    core = next(dist for dist in everything if dist.name == CORE)
    # The wheel files themselves, so "capcore" resolves to ours and never to an index's.
    wheels = {core.name: core, distribution.name: distribution}
    requirements = [
        f"{dist_dir / f'{dist.file_stem}-py3-none-any.whl'}[test]" for dist in wheels.values()
    ]
    installed = check.command(
        f"install {distribution.name} alone",
        [python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *requirements],
        log=f"install-{distribution.name}.log",
    )
    if installed:
        tests_folder, origin = tests_source(distribution, dist_dir, check.work)
        check.command(
            f"tests of {distribution.name} alone, {origin}" + (", not slow" if quick else ""),
            [python, "-m", "pytest", *pytest_arguments(tests_folder, quick=quick)],
            env=guard_environment(distribution, everything, dict(os.environ)),
            log=f"tests-{distribution.name}.log",
        )
    # A venv is hundreds of megabytes; the logs are what is worth keeping.
    shutil.rmtree(environment_dir, ignore_errors=True)


def run(folders: list[Path], work: Path, *, quick: bool) -> Check:
    """Build, check and test every distribution alone; the check with its steps."""
    distributions = [Distribution.from_folder(folder) for folder in folders]
    if not any(dist.name == CORE for dist in distributions):
        raise ReleaseCheckError(f"no folder holds the {CORE} distribution: {folders}")
    dist_dir = work / "dist"
    check = Check(work)
    for distribution in distributions:
        build_and_inspect(check, distribution, dist_dir)
    built = sorted(str(path) for path in dist_dir.glob("*") if path.is_file())
    check.command(
        "twine check --strict",
        [sys.executable, "-m", "twine", "check", "--strict", *built],
        log="twine.log",
    )
    if check.failures:
        return check  # Testing wheels that did not build or check tells nothing more.
    for distribution in distributions:
        test_alone(check, distribution, distributions, dist_dir, quick=quick)
    return check


def main(argv: list[str] | None = None) -> int:
    """Run the release check on the folders given; 0 when everything passed."""
    parser = argparse.ArgumentParser(
        description="Build every distribution, check it, test each plugin alone."
    )
    parser.add_argument("folders", nargs="+", type=Path, help="distribution folders, core first")
    parser.add_argument(
        "--quick", action="store_true", help="leave out slow-marked tests in the isolated runs"
    )
    parser.add_argument("--keep", type=Path, help="build and log into this folder and keep it")
    options = parser.parse_args(argv)
    folders = [(ROOT / folder).resolve() for folder in options.folders]
    with tempfile.TemporaryDirectory(prefix="capcore-release-") as temporary:
        work = options.keep.resolve() if options.keep else Path(temporary)
        work.mkdir(parents=True, exist_ok=True)
        try:
            check = run(folders, work, quick=options.quick)
        except ReleaseCheckError as error:
            print(f"release check: {error}", file=sys.stderr)
            return 2
        print(check.summary(), flush=True)
        if check.failures:
            print(
                "release check FAILED: "
                + "; ".join(check.failures)
                + ("" if options.keep else " (rerun with --keep DIR to keep the logs)"),
                file=sys.stderr,
            )
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
