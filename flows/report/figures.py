"""The report's numbers and charts, from the incidents frame (pure pandas, no I/O).

`build_payload` returns one JSON-ready dict: the figures the page shows (and a test reads back)
and the Plotly figures that draw them. Charts get aggregates, never one point per incident, so
the page's size follows the number of weeks and places, not of incidents; the latest-incidents
table and the map's details are capped (`TABLE_ROWS`, `MAP_DETAILS`).
"""

from __future__ import annotations

import datetime as dt
import math
from html import escape
from typing import Any

import numpy as np
import pandas as pd

from flows.report.dataset import FATALITY_TYPE, ReportData

TABLE_ROWS = 200  # latest incidents listed; the rest are in the Parquet data
MAP_DETAILS = 3000  # incidents described in the map's click panel, shared among its markers
MAP_DETAILS_PER_MARKER = 20
EVIDENCE_CHARS = 400  # longer evidence is cut in the page (the dataset keeps it whole)
TOP = 10
CHANGE_WEEKS = 4  # weekly change is against the mean of this many weeks before
TYPE_COLOURS = {  # Okabe-Ito: tells types apart with colour-blind eyes too
    "air_strike": "#D55E00",
    "casualties": "#CC79A7",
    "recruitment": "#0072B2",
    "reconciliation": "#009E73",
}
OTHER_COLOUR = "#999999"
GEO_PRECISION = {1: "town", 2: "near a town / part of a region", 3: "province, region or border"}


def colour(event_type: str) -> str:
    return TYPE_COLOURS.get(event_type, OTHER_COLOUR)


def build_payload(data: ReportData, basemap: dict[str, Any], generated: dt.datetime) -> dict[str, Any]:
    """Everything the page shows, JSON-ready (no NaN: missing values are None)."""
    frame = data.incidents
    types = sorted(frame["event_type"].dropna().unique().tolist())
    weekly = weekly_counts(frame)
    fatalities = weekly_fatalities(frame)
    markers = map_markers(frame)
    payload: dict[str, Any] = {
        "meta": {
            "generated": generated.isoformat(timespec="seconds"),
            "unit": data.unit,
            "filters": data.filters.describe(),
            "types": types,
        },
        "headline": headline(frame),
        "weekly": weekly,
        "change": weekly_change(weekly),
        "fatalities": fatalities,
        "map": {"markers": markers, "types": types},
        "top_places": top_places(frame),
        "top_actors": top_actors(frame),
        "latest": latest(frame),
        "quality": quality(data),
    }
    payload["charts"] = {
        "weekly": weekly_chart(weekly),
        "fatalities": fatalities_chart(fatalities),
        "map": map_chart(markers, basemap),
    }
    return clean(payload)


def fatality_rows(frame: pd.DataFrame) -> pd.DataFrame:
    return frame[frame["event_type"] == FATALITY_TYPE]


def headline(frame: pd.DataFrame) -> dict[str, Any]:
    killed = fatality_rows(frame)
    dates = frame["event_date"].dropna()
    outlets = {s for sources in frame["sources"] for s in sources if s}
    return {
        "incidents": len(frame),
        "reports": int(frame["n_reports"].sum()),
        "fatalities_best": int(killed["count_best"].sum()),
        "fatalities_low": int(killed["count_low"].sum()),
        "fatalities_high": int(killed["count_high"].sum()),
        "period_start": dates.min().date().isoformat() if len(dates) else None,
        "period_end": dates.max().date().isoformat() if len(dates) else None,
        "sources": len(outlets),
        "source_names": sorted(outlets)[:50],
    }


def week_of(dates: pd.Series) -> pd.Series:
    """The Monday starting each date's week."""
    return dates.dt.to_period("W-SUN").dt.start_time


def _all_weeks(weeks: pd.Series) -> pd.DatetimeIndex:
    if weeks.empty:
        return pd.DatetimeIndex([])
    return pd.date_range(weeks.min(), weeks.max(), freq="7D")


def weekly_counts(frame: pd.DataFrame) -> dict[str, Any]:
    """Dated incidents per week and type, every week of the period (zeros included)."""
    dated = frame.dropna(subset=["event_date"])
    weeks = week_of(dated["event_date"])
    index = _all_weeks(weeks)
    table = pd.crosstab(weeks, dated["event_type"]).reindex(index, fill_value=0)
    return {
        "weeks": [d.date().isoformat() for d in index],
        "counts": {str(t): [int(v) for v in table[t]] for t in table.columns},
    }


def weekly_change(weekly: dict[str, Any]) -> list[dict[str, Any]]:
    """Per type and in all: the last week against the mean of the `CHANGE_WEEKS` weeks before."""
    weeks: list[str] = weekly["weeks"]
    if not weeks:
        return []
    rows = []
    series = dict(weekly["counts"])
    series["all types"] = [sum(v) for v in zip(*weekly["counts"].values(), strict=True)] or [0] * len(weeks)
    for name, counts in series.items():
        last = counts[-1]
        before = counts[-1 - CHANGE_WEEKS : -1]
        mean = sum(before) / len(before) if before else None
        change = None if not mean else round(100 * (last - mean) / mean, 1)
        rows.append(
            {"type": name, "week": weeks[-1], "last_week": last, "previous_mean": mean, "change_pct": change}
        )
    return rows


def weekly_fatalities(frame: pd.DataFrame) -> dict[str, Any]:
    """Fatalities per week: best, low and high sums of dated casualty incidents."""
    killed = fatality_rows(frame).dropna(subset=["event_date"])
    index = _all_weeks(week_of(frame["event_date"].dropna()))
    sums = (
        killed.assign(week=week_of(killed["event_date"]))
        .groupby("week")[["count_best", "count_low", "count_high"]]
        .sum(min_count=1)
        .reindex(index)
        .fillna(0)
    )
    return {
        "weeks": [d.date().isoformat() for d in index],
        "best": [int(v) for v in sums["count_best"]],
        "low": [int(v) for v in sums["count_low"]],
        "high": [int(v) for v in sums["count_high"]],
    }


def _detail(row: Any) -> dict[str, Any]:
    evidence = row.evidence if isinstance(row.evidence, str) else ""
    return {
        "id": row.incident_id,
        "date": row.event_date.date().isoformat() if not pd.isna(row.event_date) else None,
        "type": row.event_type,
        "place": row.place if isinstance(row.place, str) else None,
        "country": row.country_code if isinstance(row.country_code, str) else None,
        "actor": row.actor if isinstance(row.actor, str) else None,
        "best": None if pd.isna(row.count_best) else int(row.count_best),
        "low": None if pd.isna(row.count_low) else int(row.count_low),
        "high": None if pd.isna(row.count_high) else int(row.count_high),
        "reports": int(row.n_reports),
        "evidence": evidence[:EVIDENCE_CHARS] + ("…" if len(evidence) > EVIDENCE_CHARS else ""),
        "urls": list(row.urls),
    }


def map_markers(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """One marker per place and type: incidents, fatalities, the latest incidents' details."""
    placed = frame.dropna(subset=["latitude", "longitude"]).copy()
    if placed.empty:
        return []
    placed["place"] = placed["place"].fillna("(unnamed place)")
    placed["fatal"] = np.where(placed["event_type"] == FATALITY_TYPE, placed["count_best"].fillna(0), 0)
    placed = placed.sort_values("event_date", ascending=False, na_position="last")
    keys = ["latitude", "longitude", "place", "event_type"]
    groups = placed.groupby(keys, sort=False)
    per_marker = max(1, min(MAP_DETAILS_PER_MARKER, MAP_DETAILS // max(1, groups.ngroups)))
    markers = []
    for (lat, lon, place, event_type), rows in groups:
        dates = rows["event_date"].dropna()
        shown = rows.head(per_marker)
        markers.append(
            {
                "lat": round(float(lat), 4),
                "lon": round(float(lon), 4),
                "place": place,
                "type": event_type,
                "incidents": len(rows),
                "reports": int(rows["n_reports"].sum()),
                "fatalities": int(rows["fatal"].sum()),
                "latest": dates.max().date().isoformat() if len(dates) else None,
                "details": [_detail(r) for r in shown.itertuples(index=False)],
                "more": len(rows) - len(shown),
            }
        )
    markers.sort(key=lambda m: (-m["incidents"], m["place"], m["type"]))
    return markers


def top_places(frame: pd.DataFrame) -> list[dict[str, Any]]:
    named = frame.dropna(subset=["place"]).assign(
        fatal=lambda f: np.where(f["event_type"] == FATALITY_TYPE, f["count_best"].fillna(0), 0),
        country=lambda f: f["country_code"].fillna(""),
    )
    grouped = named.groupby(["place", "country"]).agg(
        incidents=("incident_id", "size"), fatalities=("fatal", "sum")
    )
    top = grouped.reset_index().sort_values(
        ["incidents", "fatalities", "place"], ascending=[False, False, True]
    )
    return [
        {
            "place": r.place,
            "country": r.country,
            "incidents": int(r.incidents),
            "fatalities": int(r.fatalities),
        }
        for r in top.head(TOP).itertuples(index=False)
    ]


def top_actors(frame: pd.DataFrame) -> list[dict[str, Any]]:
    named = frame.dropna(subset=["actor"]).assign(
        fatal=lambda f: np.where(f["event_type"] == FATALITY_TYPE, f["count_best"].fillna(0), 0)
    )
    grouped = named.groupby("actor").agg(incidents=("incident_id", "size"), fatalities=("fatal", "sum"))
    top = grouped.reset_index().sort_values(
        ["incidents", "fatalities", "actor"], ascending=[False, False, True]
    )
    return [
        {"actor": r.actor, "incidents": int(r.incidents), "fatalities": int(r.fatalities)}
        for r in top.head(TOP).itertuples(index=False)
    ]


def latest(frame: pd.DataFrame) -> dict[str, Any]:
    ordered = frame.sort_values(["event_date", "incident_id"], ascending=[False, True], na_position="last")
    return {
        "rows": [_detail(r) for r in ordered.head(TABLE_ROWS).itertuples(index=False)],
        "total": len(frame),
        "cap": TABLE_ROWS,
    }


def quality(data: ReportData) -> dict[str, Any]:
    frame = data.incidents
    n = len(frame)
    precision = frame["geo_precision"].map(GEO_PRECISION).fillna("unresolved")
    return {
        "undated_share": float(frame["event_date"].isna().mean()) if n else 0.0,
        "unplaced_share": float(frame["place"].isna().mean()) if n else 0.0,
        "no_coordinates_share": float(frame["latitude"].isna().mean()) if n else 0.0,
        "geo_precision": {str(k): int(v) for k, v in precision.value_counts().items()},
        "rejects": {str(k): int(v) for k, v in data.rejects["error_kind"].value_counts().items()},
        "extractor_versions": {
            str(k): int(v)
            for k, v in frame["extractor_version"].astype(object).fillna("unknown").value_counts().items()
        },
    }


# ---- Plotly figures (plain dicts: plotly.js reads them as they are) --------------------------

FONT = {"family": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif", "size": 12}


def _layout(**extra: Any) -> dict[str, Any]:
    return {
        "font": FONT,
        "margin": {"l": 48, "r": 16, "t": 16, "b": 40},
        "paper_bgcolor": "white",
        "plot_bgcolor": "white",
        "legend": {"orientation": "h", "y": -0.18},
        **extra,
    }


def weekly_chart(weekly: dict[str, Any]) -> dict[str, Any]:
    traces = [
        {
            "type": "bar",
            "name": event_type,
            "x": weekly["weeks"],
            "y": counts,
            "marker": {"color": colour(event_type)},
            "hovertemplate": f"week of %{{x}}<br>{event_type}: %{{y}}<extra></extra>",
        }
        for event_type, counts in weekly["counts"].items()
    ]
    return {
        "data": traces,
        "layout": _layout(barmode="stack", yaxis={"title": {"text": "incidents"}, "rangemode": "tozero"}),
    }


def fatalities_chart(series: dict[str, Any]) -> dict[str, Any]:
    weeks = series["weeks"]
    line = {"width": 0}
    return {
        "data": [
            {
                "type": "scatter",
                "mode": "lines",
                "x": weeks,
                "y": series["low"],
                "name": "low",
                "line": {**line, "color": "rgba(204,121,167,0)"},
                "hoverinfo": "skip",
                "showlegend": False,
            },
            {
                "type": "scatter",
                "mode": "lines",
                "x": weeks,
                "y": series["high"],
                "name": "low–high",
                "fill": "tonexty",
                "fillcolor": "rgba(204,121,167,0.3)",
                "line": line,
                "hovertemplate": "week of %{x}<br>high: %{y}<extra></extra>",
            },
            {
                "type": "scatter",
                "mode": "lines+markers",
                "x": weeks,
                "y": series["best"],
                "name": "best",
                "line": {"color": "#7a2e5b", "width": 2},
                "marker": {"size": 4},
                "hovertemplate": "week of %{x}<br>best: %{y}<extra></extra>",
            },
        ],  # fmt: skip
        "layout": _layout(yaxis={"title": {"text": "killed per week"}, "rangemode": "tozero"}),
    }


def marker_size(fatalities: int) -> float:
    """Marker diameter in pixels: area grows with the toll; places without deaths stay visible."""
    return round(min(40.0, 7.0 + 3.0 * math.sqrt(fatalities)), 1)


def map_chart(markers: list[dict[str, Any]], basemap: dict[str, Any]) -> dict[str, Any]:
    """Points on plain lon/lat axes over the Natural Earth outlines (no tiles, nothing to fetch)."""
    xs: list[float | None] = []
    ys: list[float | None] = []
    for country in basemap["countries"]:
        for ring in country["rings"]:
            xs.extend(p[0] for p in ring)
            ys.extend(p[1] for p in ring)
            xs.append(None)
            ys.append(None)
    traces: list[dict[str, Any]] = [
        {"type": "scatter", "mode": "lines", "x": xs, "y": ys, "fill": "toself", "fillcolor": "#f1efe9",
         "line": {"color": "#b9b4a8", "width": 0.6}, "hoverinfo": "skip", "showlegend": False,
         "name": "countries"},
    ]  # fmt: skip
    for event_type in sorted({m["type"] for m in markers}):
        index = [i for i, m in enumerate(markers) if m["type"] == event_type]
        traces.append(
            {
                "type": "scatter",
                "mode": "markers",
                "name": event_type,
                "x": [markers[i]["lon"] for i in index],
                "y": [markers[i]["lat"] for i in index],
                "customdata": index,
                "text": [_hover(markers[i]) for i in index],
                "hovertemplate": "%{text}<extra></extra>",
                "marker": {
                    "size": [marker_size(markers[i]["fatalities"]) for i in index],
                    "color": colour(event_type),
                    "opacity": 0.8,
                    "line": {"color": "white", "width": 1},
                },
            }
        )
    lons = [m["lon"] for m in markers] or [-170.0, 170.0]
    lats = [m["lat"] for m in markers] or [-55.0, 75.0]
    pad = max(4.0, 0.15 * max(max(lons) - min(lons), max(lats) - min(lats)))
    mid = (max(lats) + min(lats)) / 2
    axis = {"showgrid": False, "zeroline": False, "showticklabels": False, "visible": False}
    return {
        "data": traces,
        "layout": _layout(
            margin={"l": 0, "r": 0, "t": 0, "b": 0},
            xaxis={**axis, "range": [min(lons) - pad, max(lons) + pad]},
            yaxis={
                **axis,
                "range": [max(-89.0, min(lats) - pad), min(89.0, max(lats) + pad)],
                "scaleanchor": "x",
                "scaleratio": round(1 / max(0.2, math.cos(math.radians(mid))), 3),
            },
            legend={"orientation": "h", "y": 0.02, "x": 0.01, "bgcolor": "rgba(255,255,255,0.7)"},
            hovermode="closest",
            dragmode="pan",
            plot_bgcolor="#dbe7ef",
        ),
    }


def _hover(marker: dict[str, Any]) -> str:
    first = marker["details"][0] if marker["details"] else {}
    evidence = (first.get("evidence") or "")[:160]
    return (
        f"<b>{escape(marker['place'])}</b> · {escape(marker['type'])}<br>"
        f"{marker['incidents']} incidents, {marker['reports']} reports, {marker['fatalities']} killed<br>"
        f"latest: {marker['latest'] or 'undated'}<br><i>{'<br>'.join(escape(x) for x in _wrap(evidence))}</i>"
        "<br>click for every report"
    )


def _wrap(text: str, width: int = 60) -> list[str]:
    """Plotly hover labels do not wrap: long evidence as lines of about `width` characters."""
    lines: list[str] = []
    line = ""
    words = text.split()
    for word in words:
        if line and len(line) + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return [*lines, line]


def clean(value: Any) -> Any:
    """`value` with NaN/NaT as None and numpy scalars as Python ones, for strict JSON."""
    if isinstance(value, dict):
        return {str(k): clean(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [clean(v) for v in value]
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if value is pd.NaT:
        return None
    return value
