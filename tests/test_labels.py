"""Document labels: one home, both locales, every field exporters show."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from capcore import Activity, CapcoreError, Measure, MeasureKind, Roles, Status
from capcore.labels import LABELS, format_date, label
from capcore.locales import LOCALES

# Fields that carry structure or identity, not text a document labels.
_UNLABELLED = {"id", "extra", "activities", "indicators", "updates", "roles", "kind"}


def test_both_locales_have_the_same_keys() -> None:
    """Every Bulgarian label has an English one and the reverse."""
    assert set(LABELS["bg"]) == set(LABELS["en"])


@pytest.mark.parametrize("cls", [Measure, Activity, Roles])
def test_every_shown_field_has_a_label(cls: type) -> None:
    """Each text field of measures, activities and roles has a label in both locales."""
    for field in attrs.fields(cls):
        if field.name not in _UNLABELLED:
            for locale in LOCALES:
                assert label(field.name, locale)


def test_every_status_and_kind_has_a_label() -> None:
    """Statuses and measure kinds are named in both locales."""
    for locale in LOCALES:
        assert all(label(status.value, locale) for status in Status)
        assert label(MeasureKind.STRATEGIC.value, locale)
        assert label("quick_win", locale)


def test_bulgarian_is_the_default() -> None:
    """Without a locale, labels are Bulgarian."""
    assert label("deadline") == "Срок"
    assert label("deadline", "en") == "Deadline"


def test_unknown_locale_and_key_are_clear_errors() -> None:
    """An unknown locale or key names what was asked."""
    with pytest.raises(CapcoreError, match="'de'"):
        label("deadline", "de")
    with pytest.raises(CapcoreError, match="'colour'"):
        label("colour")


def test_dates_in_each_locale() -> None:
    """Bulgarian documents write dd.mm.yyyy; English ones ISO."""
    day = dt.date(2022, 3, 4)
    assert format_date(day) == "04.03.2022"
    assert format_date(day, "en") == "2022-03-04"
