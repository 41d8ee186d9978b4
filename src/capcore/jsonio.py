"""The canonical, lossless JSON form of a plan (through cattrs).

A capcore JSON file is one object: ``"schema_version"`` first, then the
plan's fields in the model's attribute order, so the same plan always gives
the same bytes. Dates are ISO strings (``2022-03-14``), Decimals strings
(``"3500.00"``, never floats), enums their values; fields that hold their
default are left out. Loading is strict: an unknown key, a wrong type or a
newer schema version is an error that names the JSON path
(``$.areas[1].measures[3].deadline``). The JSON Schema of this form ships in
the package (:func:`capcore.json_schema`).
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path
from typing import Any

import attrs
import cattrs
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override
from cattrs.v import format_exception

from capcore._gc_pause import cyclic_gc_paused
from capcore.atomic import atomic_write_bytes
from capcore.errors import PlanFormatError, SchemaVersionError
from capcore.model import TRANSIENT, Plan
from capcore.money import Money

__all__ = [
    "SCHEMA_VERSION",
    "dumps",
    "from_dict",
    "load_json",
    "loads",
    "parse_json",
    "save_json",
    "to_dict",
]

SCHEMA_VERSION = 1
"""The version of the JSON form this capcore writes and reads."""


def make_converter() -> cattrs.Converter:
    """Return a new converter configured for capcore's JSON form.

    Plugins that embed plans in their own files may call this and extend the
    result; capcore itself keeps one cached instance.
    """
    converter = cattrs.Converter(omit_if_default=True, forbid_extra_keys=True)
    configure_converter(converter)
    return converter


def configure_converter(converter: cattrs.Converter) -> None:
    """Register capcore's hooks (dates, Decimals, strict scalars) on ``converter``."""
    converter.register_unstructure_hook(dt.date, dt.date.isoformat)
    converter.register_structure_hook(dt.date, _structure_date)
    converter.register_unstructure_hook(Decimal, str)
    converter.register_structure_hook(Decimal, _structure_decimal)
    # cattrs would turn 5 into "5" and "yes" into True; a lossless format
    # must refuse values of the wrong type instead of guessing. cattrs
    # dispatches str enums (subclasses of str) to the str hook too, so the
    # hook builds the enum member when the target is one.
    for scalar in (str, bool, int):
        converter.register_structure_hook(scalar, _strict(scalar))
    # An amount without its currency would be read as euro by some and as
    # leva by others since 2026: always write the currency.
    converter.register_unstructure_hook(
        Money, make_dict_unstructure_fn(Money, converter, _cattrs_omit_if_default=False)
    )
    # Transient fields (a plan's import notes) are not content: never written or read.
    transient: dict[str, Any] = {
        field.name: override(omit=True)
        for field in attrs.fields(Plan)
        if field.metadata.get(TRANSIENT)
    }
    converter.register_unstructure_hook(
        Plan,
        make_dict_unstructure_fn(Plan, converter, _cattrs_omit_if_default=True, **transient),
    )
    converter.register_structure_hook(
        Plan,
        make_dict_structure_fn(Plan, converter, _cattrs_forbid_extra_keys=True, **transient),
    )


class FieldValueError(ValueError):
    """A JSON value of the wrong type or form; its message says what was expected."""


def _strict(kind: type[Any]) -> Callable[[object, type[Any]], object]:
    def structure(value: object, target: type[Any]) -> object:
        if type(value) is not kind:
            raise FieldValueError(f"expected {kind.__name__}, got {_json_type(value)}")
        if target is kind:
            return value
        try:
            return target(value)  # an enum of this scalar type
        except ValueError:
            allowed = ", ".join(repr(member.value) for member in target)
            raise FieldValueError(f"expected one of {allowed}, got {value!r}") from None

    return structure


def _structure_date(value: object, _: object) -> dt.date:
    if not isinstance(value, str):
        raise FieldValueError(f"expected an ISO date string, got {_json_type(value)}")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise FieldValueError(f"expected an ISO date (YYYY-MM-DD), got {value!r}") from None


def _structure_decimal(value: object, _: object) -> Decimal:
    # Strings keep exactness; integers are accepted for hand-written files.
    # Floats are refused: 0.1 is not what anybody wrote.
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise FieldValueError(f"expected a decimal number as a string, got {_json_type(value)}")
    try:
        number = Decimal(value)
    except InvalidOperation:
        raise FieldValueError(f"expected a decimal number, got {value!r}") from None
    if not number.is_finite():
        raise FieldValueError(f"expected a finite decimal number, got {value!r}")
    return number


@cache
def _converter() -> cattrs.Converter:
    return make_converter()


@cyclic_gc_paused()
def to_dict(plan: Plan) -> dict[str, Any]:
    """Return the plan's JSON form as Python data (``schema_version`` first)."""
    body: dict[str, Any] = _converter().unstructure(plan)
    return {"schema_version": SCHEMA_VERSION, **body}


@cyclic_gc_paused()
def from_dict(data: object, *, source: str = "<data>") -> Plan:
    """Return the plan that a JSON form holds.

    Args:
        data: The parsed JSON (a dict).
        source: The file name or description used in error messages.

    Raises:
        SchemaVersionError: The data names no or an unsupported schema version.
        PlanFormatError: The data does not have the plan's form; the message
            gives the JSON path of the first problems.
    """
    if not isinstance(data, dict):
        raise PlanFormatError(source, "$", f"expected a JSON object, got {_json_type(data)}")
    body = dict(data)
    body.pop("$schema", None)
    version = body.pop("schema_version", None)
    if version is None:
        raise SchemaVersionError(source, "$.schema_version", "missing; is this a capcore plan?")
    if version != SCHEMA_VERSION:
        raise SchemaVersionError(
            source,
            "$.schema_version",
            f"this capcore reads version {SCHEMA_VERSION}, the file has {version!r}",
        )
    try:
        return _converter().structure(body, Plan)
    except (cattrs.BaseValidationError, ValueError, TypeError, KeyError) as error:
        # cattrs groups every failure with its path; report the first few.
        messages = cattrs.transform_error(error, path="$", format_exception=_describe)
        raise PlanFormatError(source, "", "; ".join(messages[:5])) from None


def _describe(error: BaseException, kind: type[Any] | None) -> str:
    # Our hooks' and the model's own messages say what was expected; cattrs'
    # generic text ("invalid value for type") is kept for the rest.
    if isinstance(error, FieldValueError) or (
        isinstance(error, ValueError) and type(error) is ValueError and error.args
    ):
        return str(error)
    return format_exception(error, kind)


def dumps(plan: Plan) -> str:
    """Return the plan as capcore JSON text (UTF-8 friendly, 2-space indent)."""
    return json.dumps(to_dict(plan), ensure_ascii=False, indent=2) + "\n"


@cyclic_gc_paused()
def loads(text: str | bytes, *, source: str = "<string>") -> Plan:
    """Return the plan that capcore JSON text holds.

    Raises:
        PlanFormatError: The text is not JSON, or not a plan (with the path).
    """
    return from_dict(parse_json(text, source=source), source=source)


def parse_json(text: str | bytes, *, source: str) -> object:
    """Return the data of JSON text, or say where it is broken.

    Raises:
        PlanFormatError: The bytes are not UTF-8, or the text is not JSON
            (the message gives the line and column).
    """
    try:
        return json.loads(text)
    except UnicodeDecodeError as error:
        raise PlanFormatError(source, f"byte {error.start}", "not UTF-8 text") from None
    except json.JSONDecodeError as error:
        where = f"line {error.lineno}, column {error.colno}"
        raise PlanFormatError(source, where, f"not valid JSON: {error.msg}") from None


def save_json(plan: Plan, path: str | os.PathLike[str]) -> None:
    """Write the plan to ``path`` as capcore JSON, atomically."""
    atomic_write_bytes(path, dumps(plan).encode("utf-8"))


def load_json(path: str | os.PathLike[str]) -> Plan:
    """Read a capcore JSON file.

    Raises:
        PlanFormatError: The file cannot be read or is not a capcore plan.
    """
    file = Path(path)
    try:
        raw = file.read_bytes()
    except OSError as error:
        raise PlanFormatError(str(file), "", f"cannot read: {error.strerror}") from None
    return loads(raw, source=str(file))


def _json_type(value: object) -> str:
    names = {
        list: "an array",
        dict: "an object",
        str: "a string",
        int: "a number",
        float: "a number",
        bool: "a boolean",
    }
    return "null" if value is None else names.get(type(value), type(value).__name__)
