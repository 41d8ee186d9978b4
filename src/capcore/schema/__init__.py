"""The JSON Schema (draft 2020-12) of capcore's JSON form, made from the model.

The schema is generated from the attrs classes, so it cannot drift from the
converter: fields with defaults are optional (the JSON form leaves defaults
out), others required; no unknown keys are allowed. The generated schema
ships in the package as ``capcore/schema/plan.schema.json``;
:func:`json_schema` returns that file, and a test checks it equals
:func:`build_json_schema`. Regenerate it with
``python -m capcore.schema > src/capcore/schema/plan.schema.json``.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import types
import typing
from decimal import Decimal
from importlib import resources
from typing import Any

import attrs

from capcore.jsonio import SCHEMA_VERSION
from capcore.model import TRANSIENT, Plan
from capcore.money import Money

__all__ = ["SCHEMA_ID", "build_json_schema", "json_schema", "schema_text"]

SCHEMA_ID = f"https://capcore.invalid/schema/plan-v{SCHEMA_VERSION}.schema.json"
"""The schema's ``$id``; a placeholder host, as the project publishes no site yet."""

_DECIMAL = {"type": ["string", "integer"], "pattern": r"^-?\d+(\.\d+)?([eE][-+]?\d+)?$"}


def json_schema() -> dict[str, Any]:
    """Return the JSON Schema shipped with this version of capcore."""
    text = resources.files(__name__).joinpath("plan.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def build_json_schema() -> dict[str, Any]:
    """Generate the JSON Schema of the plan's JSON form from the model."""
    defs: dict[str, Any] = {}
    root = _object_schema(Plan, defs)
    root["properties"] = {
        "$schema": {"type": "string"},
        "schema_version": {"const": SCHEMA_VERSION},
        **root["properties"],
    }
    root["required"] = ["schema_version", *root["required"]]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "capcore improvement plan",
        **root,
        "$defs": dict(sorted(defs.items())),
    }


def _object_schema(cls: type[Any], defs: dict[str, Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    properties: dict[str, Any] = {}
    required: list[str] = []
    # Money always carries its currency (see capcore.jsonio), so nothing of it is optional.
    always_written = cls is Money
    for field in attrs.fields(cls):
        if field.metadata.get(TRANSIENT):
            continue
        properties[field.name] = _type_schema(hints[field.name], defs)
        if field.default is attrs.NOTHING or always_written:
            required.append(field.name)
    return {
        "type": "object",
        "description": (cls.__doc__ or "").strip().splitlines()[0],
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }


def _type_schema(hint: Any, defs: dict[str, Any]) -> dict[str, Any]:  # noqa: ANN401
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        options = [_type_schema(arg, defs) for arg in args if arg is not type(None)]
        nullable = type(None) in args
        schema = options[0] if len(options) == 1 else {"anyOf": options}
        return {"anyOf": [schema, {"type": "null"}]} if nullable else schema
    if origin in (list, tuple):
        return {"type": "array", "items": _type_schema(args[0], defs)}
    if origin is dict:
        return {"type": "object", "additionalProperties": _type_schema(args[1], defs)}
    simple: dict[Any, dict[str, Any]] = {
        str: {"type": "string"},
        bool: {"type": "boolean"},
        int: {"type": "integer"},
        Decimal: _DECIMAL,
        dt.date: {"type": "string", "format": "date"},
    }
    if hint in simple:
        return simple[hint]
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return {"enum": [member.value for member in hint]}
    if attrs.has(hint):
        name = hint.__name__
        if name not in defs:
            defs[name] = {}  # placeholder against recursion
            defs[name] = _object_schema(hint, defs)
        return {"$ref": f"#/$defs/{name}"}
    raise TypeError(f"no JSON Schema for {hint!r}")


def schema_text() -> str:
    """Return the generated schema as the text of the shipped file."""
    return json.dumps(build_json_schema(), ensure_ascii=False, indent=2) + "\n"
