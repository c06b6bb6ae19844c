"""`sitrep report` without a browser: the page's numbers equal pandas on the same Parquet data."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pandas as pd
import pytest
from report_roots import write_incidents

from flows.cli import main
from flows.report.command import write_report
from flows.report.dataset import Filters


def page_data(path: Path) -> dict:  # type: ignore[type-arg]
    html = path.read_text(encoding="utf-8")
    found = re.search(r'<script type="application/json" id="sitrep-data">(.*?)</script>', html, re.S)
    assert found, "the page embeds its data"
    return json.loads(found.group(1))


def read_events(root: str) -> pd.DataFrame:
    return pd.read_parquet(Path(root, "events"), dtype_backend="pyarrow")


def test_headline_and_weekly_counts_are_those_of_the_events(events_root: str, tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    result = write_report(events_root, str(page))
    data, events = page_data(page), read_events(events_root)
    killed = events[events["event_type"] == "casualties"]["count"]
    headline = data["headline"]
    assert result.unit == data["meta"]["unit"] == "events"
    assert headline["incidents"] == headline["reports"] == len(events) == 600
    assert headline["fatalities_best"] == headline["fatalities_low"] == headline["fatalities_high"]
    assert headline["fatalities_best"] == int(killed.sum())
    assert headline["period_start"] == str(events["event_date"].min())
    assert headline["period_end"] == str(events["event_date"].max())
    assert headline["sources"] == events["url"].str.extract(r"https://([^/]+)/")[0].nunique()
    dated = events.dropna(subset=["event_date"])
    weeks = pd.to_datetime(dated["event_date"].astype("datetime64[ns]")).dt.to_period("W-SUN").dt.start_time
    expected = dated.assign(week=weeks).groupby(["week", "event_type"]).size()
    got = {
        (pd.Timestamp(week), event_type): n
        for event_type, counts in data["weekly"]["counts"].items()
        for week, n in zip(data["weekly"]["weeks"], counts, strict=True)
        if n
    }
    assert got == {k: int(v) for k, v in expected.items()}
    assert sum(data["fatalities"]["best"]) == int(dated[dated["event_type"] == "casualties"]["count"].sum())


def test_quality_table_and_map_follow_the_data(events_root: str, tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    write_report(events_root, str(page))
    data, events = page_data(page), read_events(events_root)
    quality = data["quality"]
    assert quality["undated_share"] == pytest.approx(events["event_date"].isna().mean())
    assert quality["unplaced_share"] == pytest.approx(events["location_name"].isna().mean())
    rejects = pd.read_parquet(Path(events_root, "rejects"))["error_kind"].value_counts()
    assert (
        quality["rejects"] == {k: int(v) for k, v in rejects.items()}
        and sum(quality["rejects"].values()) == 12
    )
    assert quality["extractor_versions"] == {"0.1.0": 600}
    markers = data["map"]["markers"]
    assert sum(m["incidents"] for m in markers) == events["latitude"].notna().sum()
    assert all(len(d["urls"]) == d["reports"] == 1 for m in markers for d in m["details"])
    latest = data["latest"]
    assert latest["total"] == 600 and len(latest["rows"]) == latest["cap"] == 200
    assert latest["rows"][0]["date"] == str(events["event_date"].max())
    assert "NaN" not in page.read_text(encoding="utf-8").split('id="sitrep-data">')[1]


@pytest.mark.parametrize(
    ("filters", "keep"),
    [
        (Filters(event_type="air_strike"), lambda e: e["event_type"] == "air_strike"),
        (Filters(country="sy"), lambda e: e["country_code"] == "SY"),
        (
            Filters(since=dt.date(2025, 2, 1), until=dt.date(2025, 2, 28)),
            lambda e: (e["event_date"] >= dt.date(2025, 2, 1)) & (e["event_date"] <= dt.date(2025, 2, 28)),
        ),
    ],
)
def test_filters_keep_what_pandas_keeps(
    events_root: str, tmp_path: Path, filters: Filters, keep: object
) -> None:
    page = tmp_path / "report.html"
    result = write_report(events_root, str(page), filters)
    events = read_events(events_root)
    expected = events[keep(events).fillna(False)]  # type: ignore[operator]
    assert result.incidents == page_data(page)["headline"]["incidents"] == len(expected) > 0


def test_incidents_are_used_when_the_dataset_exists(events_root: str, tmp_path: Path) -> None:
    root = tmp_path / "data"
    import shutil

    shutil.copytree(events_root, root)
    write_incidents(str(root))
    page = tmp_path / "report.html"
    write_report(str(root), str(page))
    data = page_data(page)
    headline = data["headline"]
    assert data["meta"]["unit"] == "incidents"
    assert headline["incidents"] == 3  # the absorbed row (merged_into) is not an incident
    assert headline["reports"] == 6
    assert (headline["fatalities_best"], headline["fatalities_low"], headline["fatalities_high"]) == (
        16,
        13,
        18,
    )
    assert headline["sources"] == 3
    idlib = [m for m in data["map"]["markers"] if m["place"] == "Idlib" and m["type"] == "casualties"][0]
    assert idlib["details"][0]["urls"] == [
        "https://a.example/1",
        "https://b.example/2",
        "https://a.example/3",
    ]
    assert (idlib["details"][0]["low"], idlib["details"][0]["high"]) == (9, 14)


def test_the_command_writes_the_file_and_refuses_bad_options(
    events_root: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "out" / "r.html"
    assert main(["report", events_root, "--out", str(page), "--type", "casualties", "--country", "SY"]) == 0
    html = page.read_text(encoding="utf-8")
    assert "report:" in capsys.readouterr().out
    assert page_data(page)["meta"]["filters"] == "type casualties, country SY"
    assert not re.search(r"<(script|link|img)[^>]+(src|href)=", html), "nothing is loaded from outside"
    assert main(["report", str(tmp_path / "nothing"), "--out", str(page)]) == 2
    assert main(["report", events_root, "--since", "2026-02-01", "--until", "2026-01-01"]) == 2
    with pytest.raises(SystemExit):
        main(["report", events_root, "--since", "yesterday"])


def test_the_incidents_the_store_merged_are_counted(merged_root: str, tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    result = write_report(merged_root, str(page))
    data = page_data(page)
    incidents = pd.read_parquet(Path(merged_root, "incidents"), dtype_backend="pyarrow")
    live = incidents[incidents["merged_into"].isna()]
    casualties = live[live["event_type"] == "casualties"]
    assert result.unit == data["meta"]["unit"] == "incidents"
    assert data["headline"]["incidents"] == len(live)
    assert data["headline"]["reports"] == int(live["n_reports"].sum()) == len(read_events(merged_root))
    assert data["headline"]["fatalities_best"] == int(casualties["count_best"].sum())
