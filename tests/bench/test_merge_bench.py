"""bench/merge.py: the synthetic reports it merges, and the figures it prints."""

from __future__ import annotations

import json
import subprocess
import sys

from paths import REPO

from bench.merge import synthetic_reports


def test_synthetic_reports_stream_in_publication_order_and_repeat() -> None:
    reports = list(synthetic_reports(3000))
    assert len(reports) == 3000 and len({r.event_id for r in reports}) == 3000
    assert [r.order for r in reports] == sorted(r.order for r in reports)
    assert [r.event_id for r in synthetic_reports(3000)] == [r.event_id for r in reports]
    assert {r.precision for r in reports} == {"day", "month"} and {r.geo_precision for r in reports} == {1, 3}


def test_the_benchmark_prints_speed_and_memory_per_size() -> None:
    done = subprocess.run(
        [sys.executable, "bench/merge.py", "--events", "2000", "--events", "4000", "--json"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    assert [row["events"] for row in figures["merge"]] == [2000, 4000]
    for row in figures["merge"]:
        assert 0 < row["incidents"] < row["events"]  # reports of one incident were merged
        assert row["events_per_s"] > 0 and row["peak_rss_mb"] > 0
    assert "run" not in figures
