"""Concurrency: many threads reading and writing, and many plugin hosts, give one-at-a-time results.

Different plans are written in every format and layout and read back, first
one at a time, then all at once from a pool of threads (each twice, in a
shuffled order). The bytes must be the same, except the parts that say when
a file was saved or carry a fresh id (``docProps/core.xml``,
``customXml/itemProps*.xml``), and so must the plans read back. Plugin hosts
built side by side in threads list the same formats and write the same files.
"""

from __future__ import annotations

import datetime as dt
import io
import random
import re
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import capcore
from capcore.examples import lovech, monitoring_plans, pazardzhik, smolyan
from capcore.model import Plan
from capcore.plugin_host import PluginHost, default_host, make_plugin_host
from capcore.testing.format_writes import FormatWrite, every_write

from .conftest import needs_formats

pytestmark = pytest.mark.slow

AS_OF = dt.date(2023, 6, 30)
THREADS = 8
# Parts that hold the time of saving or a newly made id, not the plan.
VOLATILE_PARTS = re.compile(r"docProps/core\.xml|customXml/itemProps\d+\.xml")


def _plans() -> dict[str, Plan]:
    plans = {"lovech": lovech(), "pazardzhik": pazardzhik(), "smolyan": smolyan()}
    plans.update(monitoring_plans())
    return plans


def _options(host: PluginHost, write: FormatWrite) -> dict[str, object]:
    spec = host.get_format(write.format).spec
    as_of = {"as_of": AS_OF} if any(o.name == "as_of" for o in spec.write_options) else {}
    return {**write.options, **as_of}


def _comparable(data: bytes) -> object:
    """The bytes, or for a zip package its parts without the volatile ones."""
    if not data.startswith(b"PK"):
        return data
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {
            info.filename: package.read(info)
            for info in package.infolist()
            if not VOLATILE_PARTS.fullmatch(info.filename)
        }


def _write_and_read(
    host: PluginHost, plan: Plan, write: FormatWrite, folder: Path, name: str
) -> tuple[object, Plan | None]:
    """Write ``plan`` to a file, read it back if the format reads; return both results."""
    path = folder / f"{name}{write.extension}"
    capcore.write(plan, path, write.format, host=host, **_options(host, write))
    data = path.read_bytes()
    readable = host.get_format(write.format).spec.reader is not None
    back = capcore.read(path, write.format, host=host) if readable else None
    return _comparable(data), back


def test_threads_reading_and_writing_give_the_results_of_one_at_a_time(tmp_path: Path) -> None:
    """Every plan in every format, written and read from 8 threads at once, as one at a time."""
    host = default_host()
    plans = _plans()
    cases = [(key, write) for key in sorted(plans) for write in every_write(host)]
    alone = tmp_path / "alone"
    alone.mkdir()
    expected = {
        (key, write): _write_and_read(host, plans[key], write, alone, f"{key}-{write.label}")
        for key, write in cases
    }
    together = tmp_path / "together"
    together.mkdir()
    jobs = [(key, write, copy) for key, write in cases for copy in range(2)]
    random.Random(9).shuffle(jobs)  # noqa: S311 - a fixed order, not secrecy
    with ThreadPoolExecutor(THREADS) as pool:
        futures = {
            (key, write, copy): pool.submit(
                _write_and_read, host, plans[key], write, together, f"{key}-{write.label}-{copy}"
            )
            for key, write, copy in jobs
        }
        results = {job: future.result() for job, future in futures.items()}
    for (key, write, copy), (data, back) in results.items():
        want_data, want_back = expected[key, write]
        assert data == want_data, f"{key} as {write.label} (copy {copy}) differs when threaded"
        assert back == want_back, f"{key} read from {write.label} (copy {copy}) differs"


def _host_summary(_: int) -> tuple[list[tuple[str, str]], dict[str, object]]:
    host = make_plugin_host()
    formats = sorted((registered.name, registered.plugin) for registered in host.formats())
    plan = lovech()
    files = {}
    for write in every_write(host):
        out = io.BytesIO()
        capcore.write(plan, out, write.format, host=host, **_options(host, write))
        files[write.label] = _comparable(out.getvalue())
    return formats, files


@needs_formats("xlsx", "docx", "html")
def test_plugin_hosts_built_side_by_side_agree() -> None:
    """Six hosts built at once in threads list the same formats and write the same files."""
    first = _host_summary(0)
    assert len(first[0]) >= 4, f"fewer formats than the core and three plugins: {first[0]}"
    with ThreadPoolExecutor(6) as pool:
        others = list(pool.map(_host_summary, range(6)))
    for formats, files in others:
        assert formats == first[0]
        assert files.keys() == first[1].keys()
        for label, data in files.items():
            assert data == first[1][label], f"{label} differs between hosts"
