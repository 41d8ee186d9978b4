"""Damaged copies of real files, for fuzzing the readers.

:func:`mutants` turns one good file into many damaged ones, each with a
description of what was done to it, deterministically from a seed: the same
file and seed always give the same mutants, so a failure found once is found
again. What a mutant can be depends on the file:

- any file: bytes flipped at random places, the file cut short, a run of
  bytes repeated or removed;
- a zip package (``.xlsx``, ``.docx``): a part removed, two parts' contents
  swapped, the relationships removed or pointed at missing parts, the
  content types emptied or made wrong, a part's XML broken (cut short, an
  unclosed element, garbage in the middle), bytes flipped inside an inflated
  part (the zip stays valid, the XML does not), the zip's directory cut off;
- a text file (``.json``, ``.html``): its markup broken (brackets and quotes
  removed, a tag left open).
"""

from __future__ import annotations

import io
import random
import re
import zipfile
from collections.abc import Callable, Iterator

import attrs

__all__ = ["Mutant", "is_zip_package", "mutants", "package_parts", "zip_parts"]


@attrs.frozen
class Mutant:
    """A damaged copy of a file.

    Attributes:
        description: What was done to the original (``"part xl/workbook.xml
            removed"``), for the failure message.
        data: The damaged bytes.
    """

    description: str
    data: bytes


_Mutation = Callable[[bytes, random.Random], Mutant]

_RELATIONSHIP_TARGET = re.compile(rb'Target="[^"]*"')
_CONTENT_TYPE = re.compile(rb'ContentType="[^"]*"')


def is_zip_package(data: bytes) -> bool:
    """Return True when ``data`` opens as a zip file."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)):
            return True
    except (zipfile.BadZipFile, ValueError, EOFError, NotImplementedError):
        return False


def mutants(data: bytes, *, seed: int, count: int) -> Iterator[Mutant]:
    """Yield ``count`` damaged copies of ``data``, the same ones for the same seed.

    The kinds of damage take turns (a zip package gets the package-level
    ones as well as the byte-level ones), and where each lands is drawn from
    a generator seeded with ``seed``.

    Args:
        data: A good file.
        seed: The seed of the choices.
        count: How many mutants to make.
    """
    rng = random.Random(seed)  # noqa: S311 - reproducible damage, not secrecy
    kinds = _ZIP_MUTATIONS + _BYTE_MUTATIONS if is_zip_package(data) else _TEXT_MUTATIONS
    for index in range(count):
        yield kinds[index % len(kinds)](data, rng)


# -- byte level ---------------------------------------------------------------


def _flip_bytes(data: bytes, rng: random.Random) -> Mutant:
    damaged = bytearray(data)
    places = sorted(rng.randrange(len(data)) for _ in range(rng.randint(1, 8))) if data else []
    for place in places:
        damaged[place] ^= rng.randint(1, 255)
    return Mutant(f"bytes flipped at {places}", bytes(damaged))


def _truncate(data: bytes, rng: random.Random) -> Mutant:
    cut = rng.randrange(len(data)) if data else 0
    return Mutant(f"cut short to {cut} of {len(data)} bytes", data[:cut])


def _repeat_run(data: bytes, rng: random.Random) -> Mutant:
    start = rng.randrange(len(data)) if data else 0
    length = rng.randint(1, 64)
    run = data[start : start + length]
    return Mutant(
        f"{len(run)} bytes at {start} repeated", data[:start] + run * 3 + data[start + length :]
    )


def _remove_run(data: bytes, rng: random.Random) -> Mutant:
    start = rng.randrange(len(data)) if data else 0
    length = rng.randint(1, 256)
    return Mutant(f"{length} bytes at {start} removed", data[:start] + data[start + length :])


# -- text level -----------------------------------------------------------------


def _drop_markup(data: bytes, rng: random.Random) -> Mutant:
    # Every occurrence of one structural character removed: JSON loses its
    # braces or quotes, HTML its tag brackets.
    character = rng.choice([b"{", b"}", b'"', b"<", b">", b"[", b":"])
    return Mutant(f"every {character.decode()!r} removed", data.replace(character, b""))


def _open_tag(data: bytes, rng: random.Random) -> Mutant:
    place = rng.randrange(len(data)) if data else 0
    insert = rng.choice([b"<table><tr><td>", b"<script>", b"<!--", b'{"areas": [', b"\x00\xff"])
    return Mutant(f"{insert!r} inserted at {place}", data[:place] + insert + data[place:])


_BYTE_MUTATIONS: list[_Mutation] = [_flip_bytes, _truncate, _repeat_run, _remove_run]
_TEXT_MUTATIONS: list[_Mutation] = [*_BYTE_MUTATIONS, _drop_markup, _open_tag]


# -- package level --------------------------------------------------------------


def package_parts(data: bytes) -> dict[str, bytes]:
    """Return the parts of a zip package by name, in the package's order."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {info.filename: package.read(info) for info in package.infolist()}


def zip_parts(parts: dict[str, bytes]) -> bytes:
    """Return a deflated zip package of ``parts``, in their order."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name, content in parts.items():
            package.writestr(name, content)
    return out.getvalue()


def _pick(names: list[str], rng: random.Random) -> str:
    return names[rng.randrange(len(names))]


def _remove_part(data: bytes, rng: random.Random) -> Mutant:
    parts = package_parts(data)
    name = _pick(sorted(parts), rng)
    del parts[name]
    return Mutant(f"part {name} removed", zip_parts(parts))


def _swap_parts(data: bytes, rng: random.Random) -> Mutant:
    parts = package_parts(data)
    names = sorted(parts)
    first, second = _pick(names, rng), _pick(names, rng)
    parts[first], parts[second] = parts[second], parts[first]
    return Mutant(f"parts {first} and {second} swapped", zip_parts(parts))


def _break_relationships(data: bytes, rng: random.Random) -> Mutant:
    parts = package_parts(data)
    rels = sorted(name for name in parts if name.endswith(".rels")) or sorted(parts)
    name = _pick(rels, rng)
    if rng.random() < 0.5:
        del parts[name]
        return Mutant(f"relationships {name} removed", zip_parts(parts))
    parts[name] = _RELATIONSHIP_TARGET.sub(b'Target="missing/part.xml"', parts[name])
    return Mutant(f"relationships {name} point at a missing part", zip_parts(parts))


def _wrong_content_types(data: bytes, rng: random.Random) -> Mutant:
    parts = package_parts(data)
    name = "[Content_Types].xml"
    if name not in parts or rng.random() < 0.3:
        parts.pop(name, None)
        return Mutant("content types removed", zip_parts(parts))
    parts[name] = _CONTENT_TYPE.sub(b'ContentType="text/plain"', parts[name])
    return Mutant("every content type made text/plain", zip_parts(parts))


def _break_xml(data: bytes, rng: random.Random) -> Mutant:
    parts = package_parts(data)
    xml = sorted(name for name in parts if name.endswith((".xml", ".rels"))) or sorted(parts)
    name = _pick(xml, rng)
    content = parts[name]
    place = rng.randrange(len(content)) if content else 0
    how = rng.choice(["cut short", "unclosed element", "garbage"])
    if how == "cut short":
        parts[name] = content[:place]
    elif how == "unclosed element":
        parts[name] = content[:place] + b"<unclosed attribute='1'>" + content[place:]
    else:
        parts[name] = content[:place] + b"&\x00<>\xff\xfe]]>" + content[place:]
    return Mutant(f"XML of {name} broken ({how} at {place})", zip_parts(parts))


def _flip_inside_part(data: bytes, rng: random.Random) -> Mutant:
    parts = package_parts(data)
    name = _pick(sorted(parts), rng)
    flipped = _flip_bytes(parts[name], rng)
    parts[name] = flipped.data
    return Mutant(f"inside part {name}: {flipped.description}", zip_parts(parts))


def _cut_directory(data: bytes, rng: random.Random) -> Mutant:
    # The central directory sits at the end of a zip: cutting into it leaves
    # every part's data but no way to find them.
    start = data.rfind(b"PK\x01\x02")
    cut = rng.randrange(start, len(data)) if start > 0 else len(data) // 2
    return Mutant(f"zip directory cut at {cut} of {len(data)} bytes", data[:cut])


_ZIP_MUTATIONS: list[_Mutation] = [
    _remove_part,
    _swap_parts,
    _break_relationships,
    _wrong_content_types,
    _break_xml,
    _flip_inside_part,
    _cut_directory,
]
