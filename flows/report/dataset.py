"""An output root as one frame of incidents, whichever datasets it has.

With `OUT/incidents` (merged reports, issue 13) each row is an incident with best/low/high counts
and every report's URL. Without it, each event is an incident of one report: best = low = high =
its count. Either way the report sees the columns of `INCIDENT_COLUMNS`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urlsplit

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as pads

from flows.storage.store import Store

# Fatalities are the counts of `casualties` rows (killed); other types count strikes or people.
FATALITY_TYPE = "casualties"
INCIDENT_COLUMNS = [
    "incident_id", "event_type", "event_date", "place", "admin1", "country_code", "latitude", "longitude",
    "geo_precision", "actor", "count_best", "count_low", "count_high", "n_reports", "urls", "sources",
    "evidence", "extractor_version",
]  # fmt: skip
EVENT_READ = [
    "event_id", "event_type", "event_date", "location", "location_name", "admin1", "country_code",
    "latitude", "longitude", "geo_precision", "actor", "actor_name", "count", "url", "evidence",
    "extractor_version", "evidence_start",
]  # fmt: skip


@dataclass(frozen=True)
class Filters:
    """What `sitrep report` was asked to show: a date window, one event type, one country."""

    since: dt.date | None = None
    until: dt.date | None = None
    event_type: str | None = None
    country: str | None = None  # ISO 3166 alpha-2, any case

    def describe(self) -> str:
        parts = [
            f"from {self.since}" if self.since else "",
            f"until {self.until}" if self.until else "",
            f"type {self.event_type}" if self.event_type else "",
            f"country {self.country.upper()}" if self.country else "",
        ]
        return ", ".join(p for p in parts if p) or "all data"


@dataclass(frozen=True)
class ReportData:
    """The incidents to show, the rejects log, and which dataset the incidents came from."""

    incidents: pd.DataFrame  # INCIDENT_COLUMNS; event_date as datetime64 (NaT when undated)
    rejects: pd.DataFrame  # error_kind, stage
    unit: str  # "incidents" (OUT/incidents) or "events" (one report each)
    filters: Filters


def outlet(url: object) -> str:
    """The outlet of a report: the web domain of its URL without `www.`, else empty."""
    if not isinstance(url, str) or not url:
        return ""
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.")


def has_incidents(store: Store) -> bool:
    fs = store.fs
    path = store.path("incidents")
    return bool(fs.exists(path) and fs.find(path, withdirs=False))


def load(out: str, filters: Filters | None = None) -> ReportData:
    """The incidents (or events) of `out` that pass `filters`, and its rejects."""
    store = Store(out)
    if has_incidents(store):
        frame, unit = _incidents(store), "incidents"
    else:
        frame, unit = _events(store), "events"
    rejects = store.read_table("rejects", ["error_kind", "stage"]).to_pandas()
    filters = filters or Filters()
    return ReportData(apply_filters(frame, filters), rejects, unit, filters)


def apply_filters(frame: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    keep = pd.Series(True, index=frame.index)
    if filters.since:
        keep &= frame["event_date"] >= pd.Timestamp(filters.since)
    if filters.until:
        keep &= frame["event_date"] <= pd.Timestamp(filters.until)
    if filters.event_type:
        keep &= frame["event_type"] == filters.event_type
    if filters.country:
        keep &= frame["country_code"].fillna("").str.upper() == filters.country.upper()
    return frame[keep].reset_index(drop=True)


def _events(store: Store) -> pd.DataFrame:
    table = store.read_table("events", EVENT_READ)
    events = table.to_pandas()
    count = pd.to_numeric(events["count"], errors="coerce")
    frame = pd.DataFrame(
        {
            "incident_id": events["event_id"],
            "event_type": events["event_type"],
            "event_date": pd.to_datetime(events["event_date"]),
            "place": events["location_name"].fillna(events["location"]),
            "admin1": events["admin1"],
            "country_code": events["country_code"],
            "latitude": events["latitude"].astype("float64"),
            "longitude": events["longitude"].astype("float64"),
            "geo_precision": pd.to_numeric(events["geo_precision"], errors="coerce"),
            "actor": events["actor_name"].fillna(events["actor"]),
            "count_best": count,
            "count_low": count,
            "count_high": count,
            "n_reports": 1,
            "urls": [[u] if isinstance(u, str) and u else [] for u in events["url"]],
            "sources": [[s] if s else [] for s in map(outlet, events["url"])],
            "evidence": events["evidence"],
            "extractor_version": events["extractor_version"],
        }
    )
    return frame[INCIDENT_COLUMNS]


def _incidents(store: Store) -> pd.DataFrame:
    """`OUT/incidents` (live rows only), with each incident's evidence from its latest event."""
    data = pads.dataset(
        store.path("incidents"), filesystem=store.fs, format="parquet", ignore_prefixes=["_", "."]
    )
    table = data.to_table()
    if "merged_into" in table.schema.names:
        table = table.filter(pc.is_null(table["merged_into"]))
    rows = table.to_pandas()
    evidence = _evidence_by_incident(store)

    def column(name: str) -> pd.Series:  # a column this version of the dataset may lack: nulls
        return rows[name] if name in rows else pd.Series([None] * len(rows), index=rows.index, dtype=object)

    def number(name: str) -> pd.Series:
        return pd.to_numeric(column(name), errors="coerce")

    frame = pd.DataFrame(
        {
            "incident_id": rows["incident_id"],
            "event_type": rows["event_type"],
            "event_date": pd.to_datetime(column("event_date")),
            "place": column("location_name"),
            "admin1": column("admin1"),
            "country_code": column("country_code"),
            "latitude": number("latitude").astype("float64"),
            "longitude": number("longitude").astype("float64"),
            "geo_precision": number("geo_precision"),
            "actor": column("actor_name"),
            "count_best": number("count_best"),
            "count_low": number("count_low"),
            "count_high": number("count_high"),
            "n_reports": number("n_reports").fillna(1).astype("int64"),
            "urls": [list(u) if u is not None else [] for u in column("urls")],
            "sources": [list(s) if s is not None else [] for s in column("sources")],
            "evidence": rows["incident_id"].map(evidence.get("evidence", {})),
            "extractor_version": rows["incident_id"].map(evidence.get("extractor_version", {})),
        }
    )
    return frame[INCIDENT_COLUMNS]


def _evidence_by_incident(store: Store) -> dict[str, dict[str, str]]:
    """incident_id -> the evidence and extractor version of one of its events (when events carry it)."""
    events = store.dataset("events")
    if events is None:
        return {}
    names = set(events.schema.names)
    if "incident_id" not in names:  # an events dataset read with this branch's schema
        try:
            events = pads.dataset(
                store.path("events"), filesystem=store.fs, format="parquet", ignore_prefixes=["_", "."]
            )
        except (pa.ArrowInvalid, OSError):
            return {}
        if "incident_id" not in events.schema.names:
            return {}
    table = events.to_table(columns=["incident_id", "evidence", "extractor_version", "published"])
    rows = table.to_pandas().dropna(subset=["incident_id"]).sort_values("published", na_position="first")
    last = rows.drop_duplicates("incident_id", keep="last").set_index("incident_id")
    return {"evidence": last["evidence"].to_dict(), "extractor_version": last["extractor_version"].to_dict()}
