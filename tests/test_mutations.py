"""The file mutators of capcore.testing.mutations: reproducible, and really damaging."""

from __future__ import annotations

import io
import json
import zipfile

import capcore
from capcore.examples import lovech
from capcore.testing.mutations import is_zip_package, mutants


def _package() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr(
            "[Content_Types].xml", '<Types><Default ContentType="application/xml"/></Types>'
        )
        package.writestr(
            "_rels/.rels", '<Relationships><Relationship Target="doc.xml"/></Relationships>'
        )
        package.writestr("doc.xml", "<doc>" + "<p>текст</p>" * 50 + "</doc>")
    return out.getvalue()


def test_the_same_seed_gives_the_same_mutants() -> None:
    """Mutants are reproducible from the file and the seed."""
    data = _package()
    assert list(mutants(data, seed=7, count=20)) == list(mutants(data, seed=7, count=20))


def test_another_seed_gives_other_mutants() -> None:
    """Another seed damages other places."""
    data = _package()
    first = [m.data for m in mutants(data, seed=1, count=20)]
    second = [m.data for m in mutants(data, seed=2, count=20)]
    assert first != second


def test_every_mutant_differs_from_the_original() -> None:
    """No mutant of a package or a JSON file is the file itself."""
    json_file = capcore.dumps(lovech()).encode()
    for data in (_package(), json_file):
        changed = [m for m in mutants(data, seed=3, count=40) if m.data != data]
        # A swap of a part with itself is the only mutation that may change nothing.
        assert len(changed) >= 38


def test_packages_get_package_level_damage() -> None:
    """A zip package gets parts removed, swapped, relationships and content types broken."""
    descriptions = " | ".join(m.description for m in mutants(_package(), seed=5, count=22))
    for words in (
        "removed",
        "swapped",
        "relationships",
        "content type",
        "XML of",
        "zip directory",
    ):
        assert words in descriptions


def test_text_files_get_text_damage() -> None:
    """A JSON file gets its markup broken, and stops being JSON in most mutants."""
    data = capcore.dumps(lovech()).encode()
    assert not is_zip_package(data)
    broken = 0
    for mutant in mutants(data, seed=11, count=30):
        try:
            json.loads(mutant.data)
        except ValueError:
            broken += 1
    assert broken >= 20


def test_is_zip_package() -> None:
    """Zip packages are told from other bytes."""
    assert is_zip_package(_package())
    assert not is_zip_package(b"PK\x03\x04 not really")
    assert not is_zip_package(b"")
