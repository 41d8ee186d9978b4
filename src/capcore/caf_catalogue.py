"""The catalogue of CAF criteria and sub-criteria, with their titles.

CAF 2020 and CAF 2013 both have 9 criteria and 28 sub-criteria with the same
numbers (there is no 3.4); only some titles differ. :func:`catalogue` gives
the :class:`CafCatalogue` of one version, and references are matched by
number only, so ``4.5 b`` resolves to sub-criterion 4.5.

The English titles are authoritative; a few whose exact wording no source
showed are flagged with ``title_en_confirmed=False`` (in CAF 2020: 6.1, 7.2
and 9.2; every CAF 2013 title that differs from CAF 2020). The Bulgarian
titles are labels: the criterion names are the ones commonly used in
Bulgaria, and the sub-criterion titles are capcore's working translations of
the English titles, not an official list (none was found). The data itself is
the table in :mod:`capcore._caf_data`.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from types import MappingProxyType

import attrs

from capcore import _caf_data
from capcore.caf import CafRef, CafRefError, CafVersion
from capcore.errors import CapcoreError

__all__ = ["CafCatalogue", "CafEntry", "catalogue"]


@attrs.frozen
class CafEntry:
    """One CAF criterion or sub-criterion and its titles.

    Attributes:
        ref: Its number, without an example letter (``4`` or ``4.5``).
        title_en: The English title.
        title_bg: The Bulgarian title (a label; see the module notes).
        title_en_confirmed: False where no source showed the exact English
            wording, so the title is a best reading.
    """

    ref: CafRef
    title_en: str
    title_bg: str
    title_en_confirmed: bool = True

    @property
    def is_criterion(self) -> bool:
        """Whether this is a whole criterion (``4``) rather than a sub-criterion."""
        return self.ref.sub is None


def _index(entries: tuple[CafEntry, ...]) -> Mapping[str, CafEntry]:
    return MappingProxyType({entry.ref.code: entry for entry in entries})


@attrs.frozen
class CafCatalogue:
    """The criteria and sub-criteria of one CAF version.

    Get one with :func:`catalogue`. References are matched by number only:
    ``4.5 b`` finds the entry of 4.5.

    Attributes:
        version: The CAF version.
        entries: Every criterion and sub-criterion, in order (each criterion
            followed by its sub-criteria).
    """

    version: CafVersion
    entries: tuple[CafEntry, ...]
    _by_code: Mapping[str, CafEntry] = attrs.field(init=False, eq=False, repr=False)

    @_by_code.default
    def _by_code_default(self) -> Mapping[str, CafEntry]:
        return _index(self.entries)

    def criteria(self) -> tuple[CafEntry, ...]:
        """Return the criteria (9), in order.

        Returns:
            The criterion entries.
        """
        return tuple(entry for entry in self.entries if entry.is_criterion)

    def sub_criteria(self, criterion: int | None = None) -> tuple[CafEntry, ...]:
        """Return the sub-criteria (28 in all), in order.

        Args:
            criterion: Only those of this criterion (``4`` gives 4.1-4.6); None
                for all. A number without a criterion gives ``()``.

        Returns:
            The sub-criterion entries.
        """
        return tuple(
            entry
            for entry in self.entries
            if not entry.is_criterion and (criterion is None or entry.ref.criterion == criterion)
        )

    def get(self, ref: CafRef | str) -> CafEntry | None:
        """Return the entry a reference points to, matched by number only.

        Args:
            ref: A reference, or its text (read with :meth:`CafRef.parse`);
                ``4.5 b`` gives the entry of 4.5.

        Returns:
            The entry, or None if this version has no such number (``3.4``).

        Raises:
            CafRefError: If ``ref`` is text that is not a CAF reference.
        """
        parsed = CafRef.parse(ref) if isinstance(ref, str) else ref
        return self._by_code.get(parsed.code)

    def __contains__(self, ref: object) -> bool:
        """Whether a reference (or its text) points to an entry of this version.

        Text that is not a CAF reference, and any other object, is not contained.
        """
        if isinstance(ref, str):
            try:
                ref = CafRef.parse(ref)
            except CafRefError:
                return False
        return isinstance(ref, CafRef) and ref.code in self._by_code

    def title(self, ref: CafRef | str, locale: str = "bg") -> str:
        """Return the title of the criterion or sub-criterion a reference points to.

        Args:
            ref: A reference, or its text; the example letter is ignored.
            locale: ``"bg"`` or ``"en"``; a regional form such as ``"bg_BG"``
                or ``"en-GB"`` selects the same language.

        Returns:
            The Bulgarian or English title.

        Raises:
            CafRefError: If ``ref`` is not a CAF reference, or this version has
                no such criterion or sub-criterion.
            CapcoreError: If the locale is neither Bulgarian nor English.
        """
        language = locale.replace("-", "_").split("_", 1)[0].lower()
        if language not in {"bg", "en"}:
            raise CapcoreError(
                f"unsupported locale {locale!r} for CAF titles: expected 'bg' or 'en'"
            )
        entry = self.get(ref)
        if entry is None:
            raise self._unknown(ref)
        return entry.title_bg if language == "bg" else entry.title_en

    def _unknown(self, ref: CafRef | str) -> CafRefError:
        """Build the error for a reference this version does not hold."""
        parsed = CafRef.parse(ref) if isinstance(ref, str) else ref
        kind = "criterion" if parsed.sub is None else "sub-criterion"
        problem = f"CAF {self.version.value} has no {kind} {parsed.code}"
        siblings = self.sub_criteria(parsed.criterion)
        if parsed.sub is not None and siblings:
            codes = ", ".join(entry.ref.code for entry in siblings)
            problem += f"; criterion {parsed.criterion} has the sub-criteria {codes}"
        return CafRefError(str(ref), problem)


def _entries(version: CafVersion) -> tuple[CafEntry, ...]:
    """Build the entries of one version from the data table."""
    changes = _caf_data.CAF_2013_CHANGES if version is CafVersion.CAF_2013 else {}
    entries = []
    for code, title_en, title_bg in _caf_data.CAF_2020:
        if code in changes:
            changed_en, changed_bg = changes[code]
            entry = CafEntry(CafRef.parse(code), changed_en, changed_bg, title_en_confirmed=False)
        else:
            confirmed = code not in _caf_data.UNCONFIRMED_2020
            entry = CafEntry(CafRef.parse(code), title_en, title_bg, title_en_confirmed=confirmed)
        entries.append(entry)
    return tuple(entries)


@functools.cache
def catalogue(version: CafVersion = CafVersion.CAF_2020) -> CafCatalogue:
    """Return the catalogue of one CAF version, built once per version.

    Args:
        version: The CAF version; CAF 2020 by default.

    Returns:
        The catalogue.
    """
    version = CafVersion(version)
    return CafCatalogue(version, _entries(version))
