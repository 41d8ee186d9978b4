"""The lossless JSON form: round trips, determinism, strictness, clear errors."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given

from capcore import (
    SCHEMA_VERSION,
    Budget,
    Currency,
    DeadlineKind,
    MeasureKind,
    Money,
    Plan,
    PlanBuilder,
    PlanFormatError,
    SchemaVersionError,
    dumps,
    load_json,
    loads,
    save_json,
    to_dict,
)
from capcore.testing import strategies


def small_plan() -> Plan:
    builder = PlanBuilder("План", id="p1", period=(2022, 2024))
    measure = builder.area("Хора").measure(
        "Обучение", quick_win=True, caf="3.2", budget="3500 лева"
    )
    measure.activity("Програма", start="14.3.2022", deadline="м. юни").update(
        dt.date(2022, 4, 1), percent=50
    )
    return builder.build()


@given(strategies.plans())
def test_arbitrary_plans_round_trip_equal(plan: Plan) -> None:
    """Any plan, with any text, comes back equal from its JSON text."""
    assert loads(dumps(plan)) == plan


@given(strategies.plans())
def test_same_plan_gives_same_bytes(plan: Plan) -> None:
    """Dumping is deterministic: a plan and its reloaded copy give identical text."""
    assert dumps(loads(dumps(plan))) == dumps(plan)


def test_schema_version_comes_first() -> None:
    """The first key of the JSON object is the schema version."""
    data = json.loads(dumps(small_plan()))
    assert next(iter(data)) == "schema_version"
    assert data["schema_version"] == SCHEMA_VERSION


def test_dates_are_iso_strings_and_decimals_strings() -> None:
    """Dates are written ISO, percents and amounts as strings, never floats."""
    data = to_dict(small_plan())
    activity = data["areas"][0]["measures"][0]["activities"][0]
    assert activity["updates"][0] == {"on": "2022-04-01", "percent": "50"}
    assert data["areas"][0]["measures"][0]["budget"]["amount"] == {
        "amount": "3500",
        "currency": "BGN",
    }


def test_money_always_names_its_currency() -> None:
    """A leva amount keeps its currency in the file even though BGN is the default."""
    plan = small_plan()
    next(plan.measures()).budget = Budget("10 лв.", amount=Money(Decimal(10), Currency.BGN))
    assert '"currency": "BGN"' in dumps(plan)


def test_defaults_are_left_out() -> None:
    """Fields holding their default are not written."""
    activity = to_dict(small_plan())["areas"][0]["measures"][0]["activities"][0]
    assert "note" not in activity
    assert "extra" not in activity


def test_cyrillic_is_written_as_utf8_text() -> None:
    """Cyrillic is stored readable, not as escapes."""
    assert "Обучение" in dumps(small_plan())


def test_save_and_load_a_file(tmp_path: Path) -> None:
    """save_json writes a file that load_json reads back equal."""
    path = tmp_path / "plan.json"
    save_json(small_plan(), path)
    assert load_json(path) == small_plan()


def test_unknown_key_is_an_error_with_its_path() -> None:
    """A misspelt key is refused, and the message gives its JSON path."""
    data = to_dict(small_plan())
    data["areas"][0]["measures"][0]["titel"] = "x"
    with pytest.raises(PlanFormatError, match=r"titel.*\$\.areas\[0\]\.measures\[0\]"):
        loads(json.dumps(data), source="plan.json")


def test_wrong_type_is_an_error_with_its_path() -> None:
    """A number where text belongs is refused, not turned into text."""
    data = to_dict(small_plan())
    data["areas"][0]["title"] = 5
    with pytest.raises(
        PlanFormatError, match=r"plan\.json: expected str, got a number @ \$\.areas\[0\]\.title"
    ):
        loads(json.dumps(data), source="plan.json")


def test_float_amount_is_refused() -> None:
    """A float amount is refused: 0.1 is not what anybody wrote."""
    data = to_dict(small_plan())
    data["areas"][0]["measures"][0]["budget"]["amount"]["amount"] = 3500.5
    with pytest.raises(PlanFormatError, match="decimal"):
        loads(json.dumps(data))


def test_bad_date_is_an_error_naming_the_value() -> None:
    """A date that is not ISO is refused with the value in the message."""
    data = to_dict(small_plan())
    data["period"]["start"] = "14.3.2022"
    with pytest.raises(PlanFormatError, match=r"14\.3\.2022.*\$\.period\.start"):
        loads(json.dumps(data))


def test_newer_schema_version_is_refused() -> None:
    """A file from a newer schema version is refused with both versions named."""
    data = to_dict(small_plan())
    data["schema_version"] = SCHEMA_VERSION + 1
    with pytest.raises(SchemaVersionError, match=f"reads version {SCHEMA_VERSION}"):
        loads(json.dumps(data))


def test_missing_schema_version_is_refused() -> None:
    """JSON without a schema version is not taken for a plan."""
    with pytest.raises(SchemaVersionError, match="missing"):
        loads('{"title": "x"}')


def test_not_json_names_line_and_column() -> None:
    """Broken JSON is reported with its line and column."""
    with pytest.raises(PlanFormatError, match=r"broken\.json: line 1, column 2"):
        loads("{oops", source="broken.json")


def test_not_an_object_is_refused() -> None:
    """A JSON array is not a plan."""
    with pytest.raises(PlanFormatError, match="expected a JSON object, got an array"):
        loads("[]")


def test_not_utf8_is_refused() -> None:
    """Bytes that are not UTF-8 give a clear error, not a UnicodeDecodeError."""
    with pytest.raises(PlanFormatError, match="not UTF-8"):
        loads(b"\xff\xfe{")


def test_missing_file_is_a_capcore_error(tmp_path: Path) -> None:
    """A file that does not exist gives a PlanFormatError naming it."""
    with pytest.raises(PlanFormatError, match=r"nowhere\.json: cannot read"):
        load_json(tmp_path / "nowhere.json")


def test_schema_key_is_accepted() -> None:
    """A ``$schema`` key (for editors) is allowed and ignored."""
    data = to_dict(small_plan())
    data["$schema"] = "plan.schema.json"
    assert loads(json.dumps(data)) == small_plan()


def test_enums_come_back_as_enums() -> None:
    """Loaded enum fields are the enum members, so identity checks keep working."""
    loaded = loads(dumps(small_plan()))
    measure = next(loaded.measures())
    assert measure.kind is MeasureKind.QUICK_WIN
    assert measure.is_quick_win
    deadline = measure.activities[0].deadline
    assert deadline is not None
    assert type(deadline.kind) is DeadlineKind


def test_impossible_deadline_term_is_an_error_with_its_path() -> None:
    """A term for 29 February 2023 in a file is refused with the place and the reason."""
    data = to_dict(small_plan())
    term = data["areas"][0]["measures"][0]["activities"][0]["start"]["terms"][0]
    term.update(year=2023, month=2, day=29)
    with pytest.raises(PlanFormatError, match=r"day 29 does not exist.*\.start\.terms\[0\]"):
        loads(json.dumps(data))


def test_unknown_enum_value_lists_the_allowed_ones() -> None:
    """A measure kind that does not exist is refused with the allowed values."""
    data = to_dict(small_plan())
    data["areas"][0]["measures"][0]["kind"] = "quickwin"
    with pytest.raises(PlanFormatError, match=r"'quick_win', 'strategic', got 'quickwin'"):
        loads(json.dumps(data))


def test_transient_fields_are_not_written_and_not_read() -> None:
    """Source locations and import notes stay in memory; a file naming them is refused."""
    plan = small_plan()
    plan.source_locations = {plan.id: "paragraph 3"}
    text = dumps(plan)
    assert "source_locations" not in text
    assert "paragraph 3" not in text
    assert loads(text).source_locations == {}
    data = to_dict(plan)
    data["source_locations"] = {"p1": "paragraph 3"}
    with pytest.raises(PlanFormatError, match="source_locations"):
        loads(json.dumps(data))


def test_the_plans_ignore_list_is_content() -> None:
    """A plan's ignore list is written and read back."""
    plan = small_plan()
    plan.ignore_rules = ["S106", "C1"]
    assert to_dict(plan)["ignore_rules"] == ["S106", "C1"]
    assert loads(dumps(plan)).ignore_rules == ["S106", "C1"]
