"""Print the generated JSON Schema.

Regenerate the shipped file with
``python -m capcore.schema > src/capcore/schema/plan.schema.json``.
"""

import sys

from capcore.schema import schema_text

sys.stdout.write(schema_text())
