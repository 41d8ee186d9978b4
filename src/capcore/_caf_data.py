"""The CAF criteria and sub-criteria as data, read by :mod:`capcore.caf_catalogue`.

The English titles are those of the CAF 2020 model; :data:`UNCONFIRMED_2020`
lists the ones whose exact wording no stored source showed. The Bulgarian
titles of the criteria are the names commonly used in Bulgaria; those of the
sub-criteria are capcore's working translations of the English titles. No
official Bulgarian list of the sub-criteria titles was found, so the Bulgarian
titles are labels, not an official text.

CAF 2013 has the same numbers; :data:`CAF_2013_CHANGES` lists the titles that
differ from CAF 2020 (all unconfirmed wording). Every other title is the same
in both versions.
"""

# Titles are kept whole, one per line, so that they can be read and searched.
# ruff: noqa: E501

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

# code, English title, Bulgarian title
CAF_2020: Final[tuple[tuple[str, str, str], ...]] = (
    ("1", "Leadership", "Лидерство"),
    (
        "1.1",
        "Provide direction for the organisation by developing its mission, vision and values",
        "Задаване на посоката на организацията чрез разработване на нейните мисия, визия и ценности",
    ),
    (
        "1.2",
        "Manage the organisation, its performance and its continuous improvement",
        "Управление на организацията, на нейното представяне и на непрекъснатото ѝ усъвършенстване",
    ),
    (
        "1.3",
        "Inspire, motivate and support people in the organisation and act as a role model",
        "Вдъхновяване, мотивиране и подкрепа на хората в организацията и даване на личен пример",
    ),
    (
        "1.4",
        "Manage effective relations with political authorities and other stakeholders",
        "Управление на ефективни отношения с политическите органи и с другите заинтересовани страни",
    ),
    ("2", "Strategy and Planning", "Стратегия и планиране"),
    (
        "2.1",
        "Identify the needs and expectations of the stakeholders, the external environment and the relevant management information",
        "Установяване на нуждите и очакванията на заинтересованите страни, на външната среда и на относимата управленска информация",
    ),
    (
        "2.2",
        "Develop strategies and plans based on gathered information",
        "Разработване на стратегии и планове въз основа на събраната информация",
    ),
    (
        "2.3",
        "Communicate, implement and review strategies and plans",
        "Комуникиране, изпълнение и преглед на стратегиите и плановете",
    ),
    (
        "2.4",
        "Manage change and innovation to ensure the agility and resilience of the organisation",
        "Управление на промяната и иновациите за осигуряване на гъвкавостта и устойчивостта на организацията",
    ),
    ("3", "People", "Хора"),
    (
        "3.1",
        "Manage and improve human resources to support the strategy of the organisation",
        "Управление и развитие на човешките ресурси в подкрепа на стратегията на организацията",
    ),
    (
        "3.2",
        "Develop and manage competencies of people",
        "Развиване и управление на компетентностите на хората",
    ),
    (
        "3.3",
        "Involve and empower the people and support their well-being",
        "Ангажиране и овластяване на хората и подкрепа на тяхното благополучие",
    ),
    ("4", "Partnerships and Resources", "Партньорства и ресурси"),
    (
        "4.1",
        "Develop and manage partnerships with relevant organisations",
        "Развиване и управление на партньорства със съответните организации",
    ),
    (
        "4.2",
        "Collaborate with citizens and civil society organisations",
        "Сътрудничество с гражданите и с организациите на гражданското общество",
    ),
    ("4.3", "Manage finances", "Управление на финансите"),
    ("4.4", "Manage information and knowledge", "Управление на информацията и знанието"),
    ("4.5", "Manage technology", "Управление на технологиите"),
    ("4.6", "Manage facilities", "Управление на материалната база"),
    ("5", "Processes", "Процеси"),
    (
        "5.1",
        "Design and manage processes to increase value for citizens and customers",
        "Проектиране и управление на процесите за повишаване на ползата за гражданите и клиентите",
    ),
    (
        "5.2",
        "Deliver products and services for customers, citizens, stakeholders and society",
        "Предоставяне на продукти и услуги за клиентите, гражданите, заинтересованите страни и обществото",
    ),
    (
        "5.3",
        "Coordinate processes across the organisation and with other relevant organisations",
        "Координиране на процесите в цялата организация и с други съответни организации",
    ),
    ("6", "Citizen/Customer-oriented Results", "Резултати, ориентирани към гражданите/клиентите"),
    ("6.1", "Perception measurements", "Измерване на възприятията"),
    ("6.2", "Performance measurements", "Измерване на представянето"),
    ("7", "People Results", "Резултати, свързани с хората"),
    ("7.1", "Perception measurements", "Измерване на възприятията"),
    ("7.2", "Performance measurements", "Измерване на представянето"),
    ("8", "Social Responsibility Results", "Резултати, свързани със социалната отговорност"),
    ("8.1", "Perception measurements", "Измерване на възприятията"),
    ("8.2", "Performance measurements", "Измерване на представянето"),
    ("9", "Key Performance Results", "Ключови резултати от дейността"),
    (
        "9.1",
        "External results: output(s) and public value",
        "Външни резултати: продукти и обществена стойност",
    ),
    ("9.2", "Internal results: level of efficiency", "Вътрешни резултати: равнище на ефикасност"),
)
"""Every CAF 2020 criterion and sub-criterion, in order."""

UNCONFIRMED_2020: Final[frozenset[str]] = frozenset({"6.1", "7.2", "9.2"})
"""CAF 2020 codes whose English wording no stored source showed."""

# code: (English title, Bulgarian title); the English wording is unconfirmed.
CAF_2013_CHANGES: Final[Mapping[str, tuple[str, str]]] = {
    "1.1": (
        "Provide direction to the organisation by developing its mission, vision and values",
        "Задаване на посоката на организацията чрез разработване на нейните мисия, визия и ценности",
    ),
    "1.3": (
        "Motivate and support people within the organisation and act as a role model",
        "Мотивиране и подкрепа на хората в организацията и даване на личен пример",
    ),
    "2.1": (
        "Gather information on the present and future needs of stakeholders as well as relevant management information",
        "Събиране на информация за настоящите и бъдещите нужди на заинтересованите страни, както и на относима управленска информация",
    ),
    "2.2": (
        "Develop strategy and planning, taking into account the gathered information",
        "Разработване на стратегия и планиране, като се отчита събраната информация",
    ),
    "2.3": (
        "Communicate and implement strategy and planning in the whole organisation and review it on a regular basis",
        "Комуникиране и изпълнение на стратегията и плановете в цялата организация и редовен преглед на тях",
    ),
    "2.4": (
        "Plan, implement and review innovation and change",
        "Планиране, въвеждане и преглед на иновациите и промяната",
    ),
    "3.1": (
        "Plan, manage and improve human resources transparently with regard to strategy and planning",
        "Прозрачно планиране, управление и развитие на човешките ресурси в съответствие със стратегията и плановете",
    ),
    "3.2": (
        "Identify, develop and use competencies of employees, aligning individual and organisational goals",
        "Установяване, развиване и използване на компетентностите на служителите чрез съгласуване на индивидуалните и организационните цели",
    ),
    "3.3": (
        "Involve employees by developing open communication and dialogue, empowerment and supporting their well-being",
        "Ангажиране на служителите чрез открита комуникация и диалог, овластяване и подкрепа на тяхното благополучие",
    ),
    "4.2": (
        "Develop and implement partnerships with the citizens/customers",
        "Развиване и осъществяване на партньорства с гражданите/клиентите",
    ),
    "5.1": (
        "Identify, design, manage and innovate processes on an ongoing basis, involving the stakeholders",
        "Постоянно установяване, проектиране, управление и обновяване на процесите с участието на заинтересованите страни",
    ),
    "5.2": (
        "Develop and deliver citizen/customer-oriented services and products",
        "Разработване и предоставяне на услуги и продукти, ориентирани към гражданите/клиентите",
    ),
    "9.1": (
        "External results: outputs and outcomes to goals",
        "Външни резултати: продукти и въздействия спрямо целите",
    ),
}
"""CAF 2013 titles that differ from CAF 2020, by code."""
