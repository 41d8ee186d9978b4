"""Write the three seed plans to examples/plans/<key>.json, and <key>-monitoring.json.

The ``-monitoring`` files are the same plans with synthetic quarterly
reports (``capcore.examples.monitoring_plans``), for progress reports and
exporters to show.

Run it after changing the example data (``capcore.examples``); the test
suite checks that the committed files match what the code builds.

    python examples/write_seed_plans.py
"""

from __future__ import annotations

from pathlib import Path

from capcore.examples import monitoring_plans, seed_plans
from capcore.jsonio import save_json

PLANS_DIR = Path(__file__).parent / "plans"


def main() -> None:
    """Build each seed plan and save it as capcore JSON."""
    PLANS_DIR.mkdir(exist_ok=True)
    for key, plan in (seed_plans() | monitoring_plans()).items():
        path = PLANS_DIR / f"{key}.json"
        save_json(plan, path)
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
