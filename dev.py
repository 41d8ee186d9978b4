#!/usr/bin/env python3
"""The project's commands: ``python3 dev.py demo``, ``test``, ``bench`` and ``release-check``.

Both set up (or refresh) the environment in ``.venv/`` at the repository root
with nothing but Python 3.11+ and pip, then run their job:

- ``demo``: install capcore and its plugins, then run ``capcore demo``.
- ``test``: install everything including the dev tools, then run ruff (lint and
  format check), mypy
  (strict), the whole pytest suite, and then the release check. ``.ci/run``
  runs exactly this.
- ``release-check``: install the dev tools, then build every distribution's
  wheel and sdist, ``twine check --strict`` them, and run each one's tests in
  a fresh environment with only the core's wheel beside it
  (``tools/release_check.py``; ``docs/release.md``).

- ``bench``: install everything including the dev tools, then run the
  benchmark suite (``benchmarks/run.py``), which prints a table of ratios.

Extra arguments after ``test`` go to pytest (``python3 dev.py test -k json``)
and make it a focused run, which leaves the release check out; after ``bench``
they go to the suite (``python3 dev.py bench --sizes 1000,10000``), after
``release-check`` to the check (``--quick``, ``--keep DIR``).
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")

# Every distribution of the repository, core first. Plugins are added here as
# they are written, so both commands always install the whole project.
DISTRIBUTIONS: list[str] = [
    ".",
    "plugins/capcore-xlsx",
    "plugins/capcore-docx",
    "plugins/capcore-html",
    "examples/plugin-markdown",
]


def run(*args: str | Path) -> None:
    """Run a command from the repository root; stop with its exit code if it fails."""
    print("+", " ".join(str(a) for a in args), flush=True)
    code = subprocess.call([str(a) for a in args], cwd=ROOT)
    if code:
        sys.exit(code)


def ensure_venv() -> None:
    """Create ``.venv`` if it is missing (with pip)."""
    if sys.version_info < (3, 11):
        sys.exit(f"capcore needs Python 3.11 or newer; this is {sys.version.split()[0]}")
    if not PYTHON.exists():
        print(f"creating {VENV}", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)


def install(*, dev: bool) -> None:
    """Install every distribution of the repository in editable mode."""
    targets: list[str] = []
    for dist in DISTRIBUTIONS:
        # The core's dev tools, and each plugin's own test dependencies.
        extra = ("[dev]" if dist == "." else "[test]") if dev else ""
        targets += ["-e", f"{dist}{extra}"]
    run(PYTHON, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *targets)


def demo(args: list[str]) -> None:
    """Set up and run ``capcore demo``."""
    ensure_venv()
    install(dev=False)
    run(BIN / "capcore", "demo", *args)


def test(args: list[str]) -> None:
    """Set up and run lint, type checks and the whole test suite."""
    ensure_venv()
    install(dev=True)
    run(BIN / "ruff", "check", ".")
    run(BIN / "ruff", "format", "--check", ".")
    run(BIN / "mypy")
    run(PYTHON, "-m", "pytest", *args)
    if args:
        # A focused run (-k, a path): the release check takes minutes and tests everything.
        print("release check left out: a focused run (python3 dev.py release-check runs it)")
        return
    run_release_check(["--quick"])


def run_release_check(args: list[str]) -> None:
    """Run ``tools/release_check.py`` on every distribution, in the set-up ``.venv``."""
    run(PYTHON, "tools/release_check.py", *args, *DISTRIBUTIONS)


def release_check(args: list[str]) -> None:
    """Set up and build, check and test every distribution alone."""
    ensure_venv()
    install(dev=True)
    run_release_check(args)


def bench(args: list[str]) -> None:
    """Set up and run the benchmark suite."""
    ensure_venv()
    # The dev extras bring each plugin's test dependencies, pandas among them.
    install(dev=True)
    run(PYTHON, "benchmarks/run.py", *args)


def main() -> None:
    """Dispatch ``demo``, ``test``, ``bench`` or ``release-check``."""
    commands = {"demo": demo, "test": test, "bench": bench, "release-check": release_check}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        sys.exit(
            "usage: python3 dev.py demo [OUT_DIR] | python3 dev.py test [PYTEST ARGS]"
            " | python3 dev.py bench [--sizes N,N] [--smoke]"
            " | python3 dev.py release-check [--quick] [--keep DIR]"
        )
    commands[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    main()
