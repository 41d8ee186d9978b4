"""Findings: what a validation rule reports about a plan.

A :class:`Finding` has a stable code, a :class:`Severity`, a :class:`Location`
(the area, measure, activity or indicator by number and id, the field, and
for an imported plan the file and the place in it) and a :class:`Message` in
English and Bulgarian, with a fix hint where one can be given.

Plugin rules may pass plain text: a string given as the location becomes a
:class:`Location` with that label, and a string given as the message or the
hint is used for both languages.
"""

from __future__ import annotations

import enum

import attrs

from capcore.indicator import Indicator
from capcore.labels import label
from capcore.locales import check_locale
from capcore.model import Activity, Area, Measure

__all__ = ["EntityKind", "EntityRef", "Finding", "Location", "Message", "Severity"]


class Severity(enum.StrEnum):
    """How much a finding matters."""

    ERROR = "error"
    """The plan is wrong in a way that breaks its use (ids, titles, impossible dates)."""
    WARNING = "warning"
    """Probably a fault a person should look at."""
    INFO = "info"
    """Worth knowing; often a plan's own choice."""

    def word(self, locale: str = "en", number: int = 1) -> str:
        """Return the severity's word in ``locale``, plural unless ``number`` is 1.

        ``грешка``/``грешки``, ``предупреждение``/``предупреждения``,
        ``сведение``/``сведения`` in Bulgarian; English keeps the code words
        (``info`` has no plural).

        Raises:
            UnknownLocaleError: The locale is not supported.
        """
        singular, plural = _SEVERITY_WORDS[check_locale(locale)][self]
        return singular if number == 1 else plural


_SEVERITY_WORDS = {
    "en": {
        Severity.ERROR: ("error", "errors"),
        Severity.WARNING: ("warning", "warnings"),
        Severity.INFO: ("info", "info"),
    },
    "bg": {
        Severity.ERROR: ("грешка", "грешки"),
        Severity.WARNING: ("предупреждение", "предупреждения"),
        Severity.INFO: ("сведение", "сведения"),
    },
}


@attrs.frozen
class Message:
    """A text in English and Bulgarian.

    Attributes:
        en: The English text.
        bg: The Bulgarian text.
    """

    en: str
    bg: str

    @classmethod
    def same(cls, text: str) -> Message:
        """Return a message that says ``text`` in both languages (untranslated plugin text)."""
        return cls(text, text)

    def text(self, locale: str = "en") -> str:
        """Return the text in ``locale`` (``en`` or ``bg``).

        Raises:
            UnknownLocaleError: The locale is not supported.
        """
        return self.bg if check_locale(locale) == "bg" else self.en

    def __str__(self) -> str:
        """Return the English text."""
        return self.en


def _message(value: Message | str) -> Message:
    return value if isinstance(value, Message) else Message.same(value)


def _optional_message(value: Message | str | None) -> Message | None:
    return None if value is None else _message(value)


class EntityKind(enum.StrEnum):
    """The kinds of entity a location points into."""

    AREA = "area"
    MEASURE = "measure"
    ACTIVITY = "activity"
    INDICATOR = "indicator"


_KIND_OF = {
    Area: EntityKind.AREA,
    Measure: EntityKind.MEASURE,
    Activity: EntityKind.ACTIVITY,
    Indicator: EntityKind.INDICATOR,
}


@attrs.frozen
class EntityRef:
    """One step of a location: an entity by kind, number and id.

    Attributes:
        kind: Area, measure, activity or indicator.
        number: The number as written; empty for indicators and unnumbered entities.
        id: The entity's stable id.
    """

    kind: EntityKind
    number: str
    id: str

    @classmethod
    def to(cls, entity: Area | Measure | Activity | Indicator) -> EntityRef:
        """Return the reference of ``entity``."""
        number = "" if isinstance(entity, Indicator) else entity.number
        return cls(_KIND_OF[type(entity)], number, entity.id)

    def text(self, locale: str = "en") -> str:
        """Return ``activity 2.8.2 [id]`` (``дейност 2.8.2 [id]`` in Bulgarian)."""
        word = label(self.kind.value, locale).lower()
        number = f" {self.number}" if self.number else ""
        return f"{word}{number} [{self.id}]"


def _path(entities: tuple[EntityRef, ...] | list[EntityRef]) -> tuple[EntityRef, ...]:
    return tuple(entities)


@attrs.frozen
class Location:
    """Where a finding points.

    Rules give the path and the field; :func:`capcore.validate` adds the file
    and, for an imported plan, the place the reader found the entity
    (:attr:`capcore.Plan.source_locations`).

    Attributes:
        path: The entities from the outermost in (area, measure, activity);
            empty for the plan itself.
        field: The model field the finding is about (``deadline``,
            ``roles.contact``), or empty for the whole entity.
        source: The plan's file or name, when known.
        position: Where in the source the entity stands (``sheet План, row
            12``, ``paragraph 34``), for imported plans.
        free_text: A location given by a plugin rule as text instead of a path.
    """

    path: tuple[EntityRef, ...] = attrs.field(default=(), converter=_path)
    field: str = ""
    source: str = ""
    position: str = ""
    free_text: str = ""

    @classmethod
    def of(cls, *entities: Area | Measure | Activity | Indicator, field: str = "") -> Location:
        """Return the location of the innermost of ``entities`` (give them outermost first).

        Args:
            *entities: The area, measure, activity or indicator, from the outside in.
            field: The field the finding is about.
        """
        return cls(tuple(EntityRef.to(entity) for entity in entities), field)

    def at(self, field: str) -> Location:
        """Return this location pointing at ``field`` of the same entity."""
        return attrs.evolve(self, field=field)

    @property
    def entity(self) -> EntityRef | None:
        """The innermost entity, or None for the plan itself."""
        return self.path[-1] if self.path else None

    def step(self, kind: EntityKind) -> EntityRef | None:
        """Return the path's entity of ``kind`` (the measure of an activity's location)."""
        return next((ref for ref in self.path if ref.kind is kind), None)

    def text(self, locale: str = "en") -> str:
        """Return the location for a line of text: ``activity 2.8.2 [id] (row 40)``."""
        if self.free_text:
            where = self.free_text
        elif self.entity is not None:
            where = self.entity.text(locale)
        else:
            # Not label("plan"): that is the document's title ("План за подобрение").
            where = _PLAN_WORD[check_locale(locale)]
        return f"{where} ({self.position})" if self.position else where


_PLAN_WORD = {"en": "plan", "bg": "план"}


def _location(value: Location | str) -> Location:
    return value if isinstance(value, Location) else Location(free_text=value)


@attrs.frozen
class Finding:
    """One problem a rule found in a plan.

    Attributes:
        code: The rule's stable code (``S106``).
        severity: How much it matters.
        location: Where it is; plain text is accepted for plugin rules.
        message: What is wrong, in English and Bulgarian; plain text is used
            for both.
        hint: How to fix it, in both languages, where one can be given.
    """

    code: str
    severity: Severity
    location: Location = attrs.field(converter=_location)
    message: Message = attrs.field(converter=_message)
    hint: Message | None = attrs.field(default=None, converter=_optional_message)

    @property
    def where(self) -> str:
        """The location as English text."""
        return self.location.text("en")

    def text(self, locale: str = "en") -> str:
        """Return ``code severity where: message`` in ``locale``."""
        return (
            f"{self.code} {self.severity.word(locale)} {self.location.text(locale)}: "
            f"{self.message.text(locale)}"
        )

    def __str__(self) -> str:
        """Return ``code severity where: message`` in English."""
        return self.text("en")
