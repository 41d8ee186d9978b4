"""Tests of the CAF catalogue: numbers, titles, lookups, both versions."""

from __future__ import annotations

import pytest

from capcore.caf import CafRef, CafRefError, CafVersion
from capcore.caf_catalogue import CafCatalogue, CafEntry, catalogue
from capcore.errors import CapcoreError

VERSIONS = list(CafVersion)

SUB_CRITERIA = [
    *("1.1", "1.2", "1.3", "1.4"),
    *("2.1", "2.2", "2.3", "2.4"),
    *("3.1", "3.2", "3.3"),
    *("4.1", "4.2", "4.3", "4.4", "4.5", "4.6"),
    *("5.1", "5.2", "5.3"),
    *("6.1", "6.2"),
    *("7.1", "7.2"),
    *("8.1", "8.2"),
    *("9.1", "9.2"),
]


@pytest.mark.parametrize("version", VERSIONS)
def test_catalogue_has_nine_criteria(version: CafVersion) -> None:
    """Each version has the criteria 1-9, in order."""
    codes = [entry.ref.code for entry in catalogue(version).criteria()]
    assert codes == [str(number) for number in range(1, 10)]


@pytest.mark.parametrize("version", VERSIONS)
def test_catalogue_has_the_28_sub_criteria(version: CafVersion) -> None:
    """Each version has exactly the 28 CAF sub-criteria numbers, in order."""
    codes = [entry.ref.code for entry in catalogue(version).sub_criteria()]
    assert codes == SUB_CRITERIA


@pytest.mark.parametrize("version", VERSIONS)
def test_catalogue_has_no_3_4(version: CafVersion) -> None:
    """No version has a sub-criterion 3.4."""
    assert catalogue(version).get("3.4") is None


def test_sub_criteria_of_one_criterion() -> None:
    """Asking for one criterion's sub-criteria gives only those."""
    codes = [entry.ref.code for entry in catalogue().sub_criteria(4)]
    assert codes == ["4.1", "4.2", "4.3", "4.4", "4.5", "4.6"]


def test_sub_criteria_of_unknown_criterion_is_empty() -> None:
    """A criterion number the catalogue lacks has no sub-criteria."""
    assert catalogue().sub_criteria(10) == ()


def test_default_version_is_caf_2020() -> None:
    """Without a version the catalogue is the CAF 2020 one."""
    assert catalogue().version is CafVersion.CAF_2020


def test_catalogue_is_built_once_per_version() -> None:
    """The same version gives the same catalogue object."""
    assert catalogue(CafVersion.CAF_2013) is catalogue(CafVersion.CAF_2013)


def test_caf_2020_title_of_2_4() -> None:
    """CAF 2020 titles 2.4 as managing change and innovation."""
    assert catalogue(CafVersion.CAF_2020).title("2.4", "en") == (
        "Manage change and innovation to ensure the agility and resilience of the organisation"
    )


def test_caf_2013_title_of_2_4() -> None:
    """CAF 2013 titles 2.4 as planning innovation and change."""
    assert catalogue(CafVersion.CAF_2013).title("2.4", "en") == (
        "Plan, implement and review innovation and change"
    )


@pytest.mark.parametrize(
    "code",
    ["1.1", "1.3", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3", "4.2", "5.1", "5.2", "9.1"],
)
def test_caf_2013_titles_that_differ(code: str) -> None:
    """The sub-criteria CAF.md lists as renamed differ between the versions."""
    assert catalogue(CafVersion.CAF_2013).title(code, "en") != catalogue().title(code, "en")


@pytest.mark.parametrize("code", ["1.2", "1.4", "4.1", "4.3", "4.6", "5.3", "6.1", "9.2"])
def test_caf_2013_titles_that_are_the_same(code: str) -> None:
    """Sub-criteria not listed as renamed keep the CAF 2020 title in CAF 2013."""
    assert catalogue(CafVersion.CAF_2013).title(code, "en") == catalogue().title(code, "en")


@pytest.mark.parametrize("version", VERSIONS)
def test_criterion_names_are_the_same_in_both_versions(version: CafVersion) -> None:
    """The criteria keep their names in CAF 2013 and CAF 2020."""
    assert catalogue(version).title("9", "en") == "Key Performance Results"


def test_caf_2020_english_title_of_4_5() -> None:
    """The English title is the one from CAF.md."""
    assert catalogue().title("4.5", "en") == "Manage technology"


def test_bulgarian_criterion_name() -> None:
    """Criterion titles in Bulgarian are the commonly used names."""
    assert catalogue().title("1") == "Лидерство"


def test_title_defaults_to_bulgarian() -> None:
    """Without a locale the title is the Bulgarian one."""
    assert catalogue().title("2") == "Стратегия и планиране"


def test_title_accepts_regional_locale() -> None:
    """A regional locale such as en_GB selects the language."""
    assert catalogue().title("4.5", "en_GB") == "Manage technology"


def test_title_rejects_other_locales() -> None:
    """A locale other than Bulgarian or English is an error."""
    with pytest.raises(CapcoreError, match="'de'"):
        catalogue().title("4.5", "de")


@pytest.mark.parametrize("version", VERSIONS)
def test_every_entry_has_titles_in_both_languages(version: CafVersion) -> None:
    """No entry has an empty English or Bulgarian title."""
    for entry in catalogue(version).entries:
        assert entry.title_en.strip()
        assert entry.title_bg.strip()


@pytest.mark.parametrize("version", VERSIONS)
def test_bulgarian_titles_are_cyrillic(version: CafVersion) -> None:
    """Each Bulgarian title starts with a Cyrillic letter."""
    for entry in catalogue(version).entries:
        assert "А" <= entry.title_bg[0] <= "я", entry.ref


def test_caf_2020_unconfirmed_titles() -> None:
    """Exactly 6.1, 7.2 and 9.2 carry unconfirmed English wording in CAF 2020."""
    unconfirmed = {e.ref.code for e in catalogue().entries if not e.title_en_confirmed}
    assert unconfirmed == {"6.1", "7.2", "9.2"}


def test_caf_2013_changed_titles_are_unconfirmed() -> None:
    """A CAF 2013 title that differs from CAF 2020 is flagged unconfirmed."""
    entry = catalogue(CafVersion.CAF_2013).get("2.4")
    assert entry is not None
    assert not entry.title_en_confirmed


def test_get_by_example_resolves_to_sub_criterion() -> None:
    """An example reference finds its sub-criterion's entry."""
    entry = catalogue().get(CafRef(4, 5, "b"))
    assert entry is not None
    assert entry.ref == CafRef(4, 5)


def test_get_by_text_with_cyrillic_example() -> None:
    """Text with a Cyrillic example letter finds the sub-criterion."""
    entry = catalogue().get("4.5 б")
    assert entry is not None
    assert entry.ref.code == "4.5"


def test_get_criterion() -> None:
    """A criterion reference finds the criterion's entry."""
    entry = catalogue().get("критерий 6")
    assert entry is not None
    assert entry.is_criterion


def test_sub_criterion_is_not_a_criterion() -> None:
    """A sub-criterion entry reports that it is not a criterion."""
    entry = catalogue().get("6.1")
    assert entry is not None
    assert not entry.is_criterion


def test_get_unknown_number_is_none() -> None:
    """A well-formed reference the catalogue lacks gives None."""
    assert catalogue().get(CafRef(4, 7)) is None


def test_get_rejects_non_reference_text() -> None:
    """Text that is not a reference raises CafRefError."""
    with pytest.raises(CafRefError):
        catalogue().get("see annex")


def test_contains_known_reference() -> None:
    """A known reference, as object or text, is in the catalogue."""
    assert CafRef(4, 5, "b") in catalogue()
    assert "4.5 b" in catalogue()


def test_contains_not_unknown_reference() -> None:
    """An unknown number is not in the catalogue."""
    assert "3.4" not in catalogue()


@pytest.mark.parametrize("item", ["see annex", 4.5, None])
def test_contains_not_other_things(item: object) -> None:
    """Non-references are simply not in the catalogue."""
    assert item not in catalogue()


def test_title_of_example_is_sub_criterion_title() -> None:
    """The title of an example is its sub-criterion's title."""
    assert catalogue().title("4.5 b", "en") == "Manage technology"


def test_title_of_unknown_reference_is_a_caf_ref_error() -> None:
    """Asking for the title of a missing sub-criterion names it and the version."""
    with pytest.raises(CafRefError, match=r"CAF 2020 has no sub-criterion 3\.4"):
        catalogue().title("3.4")


def test_title_error_lists_existing_sub_criteria() -> None:
    """The error for a missing sub-criterion lists the criterion's real ones."""
    with pytest.raises(CafRefError, match=r"3\.1, 3\.2, 3\.3"):
        catalogue().title(CafRef(3, 4))


def test_entries_are_frozen() -> None:
    """Catalogue entries cannot be changed."""
    entry = catalogue().criteria()[0]
    with pytest.raises(AttributeError):
        entry.title_en = "changed"  # type: ignore[misc]


def test_catalogue_compares_by_content() -> None:
    """Two catalogues with the same entries are equal."""
    built = catalogue()
    assert CafCatalogue(built.version, built.entries) == built


def test_entry_defaults_to_confirmed() -> None:
    """An entry built without the flag has a confirmed English title."""
    assert CafEntry(CafRef(1), "Leadership", "Лидерство").title_en_confirmed
