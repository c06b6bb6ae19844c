"""sitrep flows: orchestration (Prefect), input/output and the `sitrep` CLI.

Prefect telemetry is off by default: these environment defaults are set before any
module of this package imports prefect, and only when the user has not set them.
"""

import os

os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
