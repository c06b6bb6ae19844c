"""sitrep flows: orchestration (Prefect), input/output and the `sitrep` CLI.

Environment defaults, set before any module of this package imports prefect and only
when the user has not set them: Prefect telemetry off; and a longer wait for Prefect's
ephemeral API server, whose first start migrates a fresh database and takes more than
Prefect's default 20 s on a small, busy machine.
"""

import os

os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
