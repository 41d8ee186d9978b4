"""``python -m capcore.cli``: the same as the ``capcore`` command."""

import sys

from capcore.cli import main

sys.exit(main())
