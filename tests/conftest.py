"""Shared test setup: Prefect telemetry off, one Prefect test harness for the whole session."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

# before anything imports prefect (flows/__init__ sets the same defaults for normal use)
os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")


@pytest.fixture(scope="session")
def prefect_harness() -> Iterator[None]:
    """A temporary Prefect database and API for flow tests (started once, on first use)."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=60):
        yield
