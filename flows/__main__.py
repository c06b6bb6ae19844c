"""`python -m flows` is `sitrep`."""

import sys

from flows.cli import main

sys.exit(main())
