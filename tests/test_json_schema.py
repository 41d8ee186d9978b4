"""The shipped JSON Schema matches the model and accepts what capcore writes."""

from __future__ import annotations

import json

import jsonschema
import pytest
from hypothesis import given

from capcore import Plan, json_schema, to_dict
from capcore.schema import build_json_schema, schema_text
from capcore.testing import strategies

from .conftest import REPO


def test_shipped_schema_is_up_to_date() -> None:
    """The schema file in the package equals the one generated from the model."""
    shipped = (REPO / "src" / "capcore" / "schema" / "plan.schema.json").read_text("utf-8")
    assert shipped == schema_text(), (
        "regenerate: python -m capcore.schema > src/capcore/schema/plan.schema.json"
    )
    assert json_schema() == build_json_schema()


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    """The schema itself passes the meta-schema."""
    jsonschema.Draft202012Validator.check_schema(json_schema())


@given(strategies.plans())
def test_every_written_plan_satisfies_the_schema(plan: Plan) -> None:
    """Whatever capcore writes, the published schema accepts."""
    jsonschema.validate(to_dict(plan), json_schema())


@pytest.mark.parametrize(
    "path", sorted((REPO / "examples" / "plans").glob("*.json")), ids=lambda p: p.name
)
def test_example_files_satisfy_the_schema(path) -> None:
    """The example plans in examples/plans satisfy the schema."""
    jsonschema.validate(json.loads(path.read_text("utf-8")), json_schema())


def test_schema_refuses_unknown_keys() -> None:
    """The schema, like the reader, refuses unknown keys."""
    data = {"schema_version": 1, "title": "x", "titel": "y"}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, json_schema())


def test_transient_fields_are_not_in_the_schema() -> None:
    """The schema knows the plan's ignore list but not its transient fields."""
    properties = json_schema()["properties"]
    assert "ignore_rules" in properties
    assert "source_locations" not in properties
    assert "import_notes" not in properties
