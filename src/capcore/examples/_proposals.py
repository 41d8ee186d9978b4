"""The worked example of prioritisation: a municipal working group's improvement proposals.

Twelve proposals in the shape a Bulgarian self-assessment working group
writes them after a CAF 2020 self-assessment (the Stara Zagora process:
report, proposals, working group, prioritisation, plan). Their weaknesses
and ideas are drawn from the seed plans' areas for improvement (the
Pazardzhik project sheets, the Lovech and Smolyan measures); the
organisation, the scores and the decisions are invented for the example.

The scores are chosen so that every method and rule shows: three proposals
tied at 20 points (broken by impact, then urgency), two tied at 8 (broken by
impact), a high-impact easy proposal expected to take four months (a key
action, not a quick win), one not scored (not taken), one low and hard
(reconsider, not taken), and one the working group takes in spite of its
category (an override with who and why). ``docs/prioritisation.md`` walks
through the results.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from capcore.caf import CafRef
from capcore.prioritisation_method import Decision, Override
from capcore.proposals import Proposal
from capcore.proposals_read import proposal_id

__all__ = [
    "EXAMPLE_ORGANISATION",
    "EXAMPLE_TITLE",
    "HEADERS",
    "ROWS",
    "example_overrides",
    "example_proposals",
]

EXAMPLE_ORGANISATION = "Общинска администрация (пример)"
"""The administration of the example (invented)."""

EXAMPLE_TITLE = "Проект на план за подобрение 2022-2023"
"""The title of the example's draft plan."""

HEADERS = (
    "№",
    "Критерий/подкритерий",
    "Силни страни",
    "Области за подобрение",
    "Предложение за подобрение",
    "Оценка (0-100)",
    "Въздействие",
    "Осъществимост/Лекота",
    "Спешност",
    "Разходи",
    "Срок (месеци)",
    "Област",
    "Източник",
)
"""The proposals table's headers, as the working group wrote them ("Източник" is unknown)."""

# One row per proposal, in the headers' order; "" is an empty cell. Row 5's
# sub-criterion, strengths, areas and score are merged down from row 4 in
# the xlsx (the same values here).
ROWS: tuple[tuple[str, ...], ...] = (
    ("1", "1.1", "Ясно формулирани приоритети в програмата за управление",
     "Мисията, визията и ценностите не са актуализирани от 2010 година",
     "Актуализиране на мисията, визията и ценностите на администрацията с участие на служителите",
     "35", "5", "4", "4", "2", "3", "Стратегическо управление", "Доклад от самооценката, с. 14"),
    ("2", "2.1", "Събира се обратна връзка от гражданите чрез сигнали и жалби",
     "Няма систематично проучване на удовлетвореността на потребителите на услуги",
     "Ежегодна анкета за удовлетвореността на потребителите на административни услуги",
     "40", "4", "5", "3", "1", "2", "Обслужване на гражданите", "Доклад от самооценката, с. 19"),
    ("3", "3.2", "Служителите участват в обученията на ИПА",
     "Липсва план за обучение, обвързан с индивидуалните оценки на изпълнението",
     "Годишен план за обучение въз основа на анализ на потребностите от обучение",
     "45", "4", "4", "3", "2", "4", "Човешки ресурси", "Доклад от самооценката, с. 23"),
    ("4", "3.3", "Добра колегиална среда и взаимопомощ",
     "Няма система за признаване и възнаграждаване на приноса на екипите и служителите",
     "Система за мотивация и признаване на приноса на служителите („Служител на годината“)",
     "30", "4", "3", "2", "3", "", "Човешки ресурси", "Доклад от самооценката, с. 25"),
    ("5", "3.3", "Добра колегиална среда и взаимопомощ",
     "Няма система за признаване и възнаграждаване на приноса на екипите и служителите",
     "Анкета за удовлетвореността, мотивацията и ангажираността на персонала",
     "30", "3", "5", "2", "1", "1", "Човешки ресурси", ""),
    ("6", "4.5", "Внедрена е система за документооборот",
     "Физически и морално остаряла компютърна техника",
     "Подмяна на остарялата компютърна техника и сървърното оборудване",
     "25", "5", "2", "5", "5", "12", "Ресурси и технологии", "Доклад от самооценката, с. 31"),
    ("7", "4.5 б", "",
     "Ниска степен на използване на електронни административни услуги",
     "Надграждане на системата за документооборот с модул за електронни административни услуги",
     "25", "4", "2", "3", "4", "9", "Ресурси и технологии", ""),
    ("8", "4.2", "Обществените консултации се публикуват на интернет страницата",
     "Ниско участие на граждани и местни общности в създаването и оценката на услугите",
     "Обществено-експертни групи с участие на граждани за оценка на услугите",
     "50", "3", "2", "2", "2", "", "Обслужване на гражданите", ""),
    ("9", "6.1", "",
     "Интернет страницата няма версия за хора с намалено зрение и на английски език",
     "Версия на интернет страницата за хора с намалено зрение и на английски език",
     "55", "2", "4", "2", "2", "2", "Обслужване на гражданите", ""),
    ("10", "8.2", "",
     "Социалната отговорност не е обвързана със стратегическото планиране",
     "Индикатори за социална отговорност в годишния план на администрацията",
     "60", "2", "2", "1", "1", "", "Стратегическо управление", ""),
    ("11", "1.3", "Ръководството е достъпно за служителите",
     "Недостатъчна вътрешна комуникация между ръководството и служителите",
     "Ежеседмични оперативни срещи в дирекциите с обобщаване на резултатите от ръководството",
     "45", "4", "5", "4", "1", "1", "Стратегическо управление", ""),
    ("12", "1.2", "",
     "Рисковете не се идентифицират и оценяват системно",
     "Въвеждане на система за управление на риска",
     "40", "", "", "", "", "", "Стратегическо управление", "оценява се на следващото заседание"),
)  # fmt: skip
"""The proposals table's rows."""

_COLUMNS = {header: index for index, header in enumerate(HEADERS)}


def _decimal(text: str) -> Decimal | None:
    return Decimal(text) if text else None


def example_proposals() -> tuple[Proposal, ...]:
    """Return the example's proposals, as :func:`capcore.read_proposals` reads its table.

    The ids are those a table without an id column gives
    (:func:`capcore.proposals_read.proposal_id`), so the JSON and the xlsx
    copies of the example hold the same proposals.
    """
    proposals = []
    for row in ROWS:
        cell = dict(zip(HEADERS, row, strict=True))
        number, text = cell["№"], cell["Предложение за подобрение"]
        months = cell["Срок (месеци)"]
        source = cell["Източник"]
        proposals.append(
            Proposal(
                text,
                proposal_id(number, text),
                number,
                caf_ref=CafRef.parse(cell["Критерий/подкритерий"]),
                improvement_area=cell["Области за подобрение"],
                strengths=cell["Силни страни"],
                self_assessment_score=_decimal(cell["Оценка (0-100)"]),
                impact=_decimal(cell["Въздействие"]),
                feasibility=_decimal(cell["Осъществимост/Лекота"]),
                urgency=_decimal(cell["Спешност"]),
                cost=_decimal(cell["Разходи"]),
                months=int(months) if months else None,
                area=cell["Област"],
                extra={"Източник": source} if source else {},
            )
        )
    return tuple(proposals)


def example_overrides() -> tuple[Override, ...]:
    """Return the working group's decision in the example: proposal 8 is taken after all."""
    eighth = example_proposals()[7]
    return (
        Override(
            eighth.id,
            "Работна група по заповед на кмета",
            "изискване на Стратегията за развитие на общината за участие на гражданите",
            decision=Decision.TAKE,
            date=dt.date(2021, 9, 15),
        ),
    )
