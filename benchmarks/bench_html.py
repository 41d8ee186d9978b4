"""Writing a 10,000-activity HTML page, as a ratio to a plain string join of its cells.

Baseline in the same run: the plan table's cells (the same texts the page
shows: measure, activity, CAF refs, start, deadline, responsible) passed
through ``html.escape`` and joined into ``<tr><td>...</td></tr>`` rows with
``"".join``, the least any HTML writer of the table pays. Measured:

- the page as capcore writes it (``capcore.write``), which also computes the
  progress report, the timeline and the charts and embeds the plan's JSON;
- the plan table alone as the HTML plugin writes it (:func:`plan_table`: the
  page's view of the rows and their markup), the part of the page that the
  join does;
- the core's parts of the page (:func:`core_parts`): the progress report
  (``capcore.progress``), the timeline (``capcore.timeline``) and the plan's
  JSON form (``capcore.to_dict`` and ``json.dumps``) for the embedded copy.

Prints the ratios; asserts nothing (speed is not a test here).
"""

from __future__ import annotations

import datetime as dt
import html
import io
import json
import sys

from bench_json import best_of, synthetic_plan
from capcore_html.page import plan_page
from capcore_html.plan_rows import table_bodies
from capcore_html.words import page_words

import capcore
from capcore import Plan

AS_OF = dt.date(2022, 9, 1)


def joined_cells(plan: Plan) -> str:
    """Return the plan table as escaped cells joined into rows: the baseline."""
    rows = []
    for measure in plan.measures():
        refs = ", ".join(str(ref) for ref in measure.caf_refs)
        for activity in measure.activities:
            cells = (
                measure.title,
                activity.title,
                refs,
                str(activity.start or ""),
                str(activity.deadline or ""),
                activity.responsible,
            )
            rows.append("<tr><td>" + "</td><td>".join(html.escape(c) for c in cells) + "</td></tr>")
    return "".join(rows)


def plan_table(plan: Plan) -> str:
    """Return the plan table's rows as the HTML plugin writes them (no progress columns)."""
    words = page_words("bg")
    page = plan_page(plan, words, locale="bg", as_of=AS_OF)
    return str(table_bodies(page.areas, words, len(page.columns)))


def core_parts(plan: Plan) -> None:
    """Compute what the page needs from the core: progress, timeline, the JSON copy."""
    capcore.progress(plan, as_of=AS_OF)
    capcore.timeline(plan, as_of=AS_OF)
    json.dumps(capcore.to_dict(plan), ensure_ascii=False, separators=(",", ":"))


def write_page(plan: Plan) -> bytes:
    """Return the page capcore writes."""
    out = io.BytesIO()
    capcore.write(plan, out, format="html", as_of=AS_OF)
    return out.getvalue()


def main() -> None:
    """Measure and print the ratios for 1,000 and 10,000 activities."""
    for size in (1_000, 10_000):  # the goal is about 10,000
        plan = synthetic_plan(size).build()
        page = best_of(3, lambda: write_page(plan))  # noqa: B023 - run inside the loop
        json_only = best_of(3, lambda: capcore.to_dict(plan))  # noqa: B023
        report = best_of(3, lambda: capcore.progress(plan, as_of=AS_OF))  # noqa: B023
        schedule = best_of(3, lambda: capcore.timeline(plan, as_of=AS_OF))  # noqa: B023
        base = best_of(3, lambda: joined_cells(plan))  # noqa: B023
        table = best_of(3, lambda: plan_table(plan))  # noqa: B023
        size_mb = len(write_page(plan)) / 1e6
        print(
            f"{size:>6} activities: page {page:.3f}s = {page / base:.1f}x join of escaped cells "
            f"({base:.3f}s); of which capcore.progress {report:.3f}s, capcore.timeline "
            f"{schedule:.3f}s and capcore.to_dict {json_only:.3f}s; page {size_mb:.1f} MB; "
            f"the plan table alone {table:.3f}s = {table / base:.1f}x the join"
        )
    sys.stdout.flush()


if __name__ == "__main__":
    main()
