"""Output roots for the report tests: synthetic events written through the real Store (`bench/report.py`)."""

from __future__ import annotations

import datetime as dt
import shutil
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from paths import REPO

sys.path.insert(0, str(REPO))
from bench.report import synthetic_events, write_dataset  # noqa: E402


@pytest.fixture(scope="module")
def events_root(tmp_path_factory: pytest.TempPathFactory) -> str:
    """600 events (some undated, unplaced, without a count) and 12 rejects; no incidents dataset."""
    out = str(tmp_path_factory.mktemp("report") / "data")
    write_dataset(out, synthetic_events(600, seed=3, days=120), rejects=12, seed=3)
    shutil.rmtree(Path(out) / "incidents")  # the store merges incidents too; these tests read events alone
    return out


@pytest.fixture(scope="module")
def merged_root(tmp_path_factory: pytest.TempPathFactory) -> str:
    """600 events written through the real Store, with the incidents it merged from them."""
    out = str(tmp_path_factory.mktemp("report-merged") / "data")
    write_dataset(out, synthetic_events(600, seed=3, days=120), rejects=12, seed=3)
    return out


def write_incidents(out: str) -> pa.Table:
    """An `incidents` dataset as issue 13's branch writes it (one partition folder), one absorbed row."""
    d = dt.date
    table = pa.table(
        {
            "incident_id": ["i1", "i2", "i3", "i4"],
            "event_type": ["casualties", "casualties", "air_strike", "casualties"],
            "n_reports": [3, 1, 2, 0],
            "n_sources": [2, 1, 2, 0],
            "event_date": [d(2026, 3, 2), d(2026, 3, 10), d(2026, 3, 10), d(2026, 3, 2)],
            "location_name": ["Idlib", "Aleppo", "Idlib", "Idlib"],
            "country_code": ["SY", "SY", "SY", "SY"],
            "latitude": [35.93, 36.2, 35.93, 35.93],
            "longitude": [36.63, 37.16, 36.63, 36.63],
            "geo_precision": [1, 1, 1, 1],
            "actor_name": ["Military Forces of Russia", None, "Military Forces of Russia", None],
            "count_best": [12, 4, 2, 99],
            "count_low": [9, 4, 1, 99],
            "count_high": [14, 4, 2, 99],
            "urls": [
                ["https://a.example/1", "https://b.example/2", "https://a.example/3"],
                ["https://c.example/4"],
                ["https://a.example/1", "https://b.example/2"],
                [],
            ],
            "sources": [["a.example", "b.example"], ["c.example"], ["a.example", "b.example"], []],
            "merged_into": [None, None, None, "i1"],
        }  # fmt: skip
    )
    folder = Path(out) / "incidents" / "casualties-2026-03"
    folder.mkdir(parents=True, exist_ok=True)
    pq.write_table(table, folder / "part-0.parquet")
    return table
