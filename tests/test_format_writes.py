"""capcore.testing.format_writes lists every format and layout the host can write."""

from __future__ import annotations

import capcore
from capcore.examples import lovech
from capcore.plugin_host import default_host
from capcore.testing.format_writes import every_write, lossless_writes, written


def test_every_write_has_each_layout_of_each_writing_format() -> None:
    """Each writing format appears once per layout (once if it has none)."""
    host = default_host()
    writes = every_write(host)
    for registered in host.formats():
        if registered.spec.writer is None:
            continue
        layouts = [write.layout for write in writes if write.format == registered.name]
        assert layouts == (list(registered.spec.layouts) or [None])


def test_lossless_writes_are_those_the_specs_declare() -> None:
    """A write is lossless exactly when its format says so for its layout."""
    host = default_host()
    lossless = set(lossless_writes(host))
    for write in every_write(host):
        spec = host.get_format(write.format).spec
        assert (write in lossless) == spec.is_lossless(write.layout)


def test_written_bytes_read_back_for_a_lossless_write() -> None:
    """written() writes through capcore.write with the layout's options."""
    host = default_host()
    json_write = next(write for write in lossless_writes(host) if write.format == "json")
    data = written(lovech(), json_write, host)
    assert capcore.loads(data.decode("utf-8")) == lovech()
    assert json_write.label == "json"
    assert json_write.options == {}
