"""Build a small plan with the builder API and save it as JSON (default: out/my-plan.json).

Usage: python examples/build_a_plan.py [OUT_FILE]
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from capcore import Layout, PlanBuilder, Status, save_json


def main(out: Path) -> None:
    """Build the plan and write it to ``out``."""
    builder = PlanBuilder(
        "План за подобрение на Общинска администрация Примерно",
        id="example-municipality-plan-2025-2026",
        organisation="Общинска администрация Примерно",
        period=(2025, 2026),
        layout=Layout.MATRIX,
    )
    builder.approval("Иван Иванов", "Кмет на община Примерно")

    people = builder.area("Управление на човешките ресурси")  # area 1
    training = people.measure(
        "Обучение на служителите по ефективна комуникация",
        quick_win=True,  # a quick win, answering CAF sub-criterion 3.2
        caf="3.2",
        budget="1200 лева",
        deadline="м. юни 2025",
    )
    training.activity(
        "Подготовка на програма и избор на лектор",  # activity 1.1.1
        start="3.3.2025",
        deadline="31.3.2025",
        responsible="Главен секретар",
    ).update(dt.date(2025, 3, 20), status=Status.IN_PROGRESS, percent=60, note="Лекторът е избран")
    training.activity("Провеждане на обучението", deadline="м. юни 2025")

    services = builder.area("Административно обслужване")  # area 2
    services.measure(
        "Проучване на удовлетвореността на потребителите",
        quick_win=False,
        caf="6.1, 6.2",
        budget="N/A",
        start="II тримесечие на 2025 г.",
        deadline="постоянен",
        responsible="Директор на дирекция АПИО",
    )

    out.parent.mkdir(parents=True, exist_ok=True)
    save_json(builder.build(), out)
    print(f"wrote {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "out/my-plan.json"))
