"""The report as one HTML file: plotly.js, styles, data and base map inline; nothing to fetch.

The page's data is one JSON object in `<script type="application/json" id="sitrep-data">` (what
`figures.build_payload` returns); the headline figures are also written as text by Python, so the
page reads without scripts. The script draws the charts, fills the map's click panel, and sets
`document.body.dataset.ready` when every chart has drawn.
"""

from __future__ import annotations

import functools
import json
from html import escape
from importlib import resources
from typing import Any

from flows.report.figures import CHANGE_WEEKS

PLOTLY_JS = ("plotly", "package_data/plotly.min.js")  # plotly.js shipped inside the pinned wheel
BASEMAP = "data/countries-110m.json"


@functools.cache
def plotly_js() -> str:
    package, name = PLOTLY_JS
    return resources.files(package).joinpath(name).read_text(encoding="utf-8")


@functools.cache
def asset(name: str) -> str:
    """A file of `flows/report/assets/` (the page's own style and script)."""
    return resources.files("flows.report").joinpath("assets", name).read_text(encoding="utf-8")


@functools.cache
def basemap() -> dict[str, Any]:
    """Natural Earth 1:110m admin-0 outlines (built by scripts/build_basemap.py)."""
    loaded: dict[str, Any] = json.loads(
        resources.files("flows.report").joinpath(BASEMAP).read_text(encoding="utf-8")
    )
    return loaded


def _script_json(value: Any) -> str:
    """JSON safe inside a <script> element (no `</` closes it early)."""
    return json.dumps(value, separators=(",", ":"), allow_nan=False, ensure_ascii=False).replace("</", "<\\/")


def _n(value: int | None) -> str:
    return "–" if value is None else f"{value:,}"


def _headline(payload: dict[str, Any]) -> str:
    h, unit = payload["headline"], payload["meta"]["unit"]
    period = f"{h['period_start']} – {h['period_end']}" if h["period_start"] else "no dated incidents"
    cards = [
        (
            "incidents",
            _n(h["incidents"]),
            "incidents" if unit == "incidents" else "incidents (one per event)",
        ),
        ("reports", _n(h["reports"]), "reports (events extracted)"),
        (
            "fatalities",
            _n(h["fatalities_best"]),
            f"killed, best estimate (low {_n(h['fatalities_low'])} – high {_n(h['fatalities_high'])})",
        ),
        ("period", escape(period), "period covered (event dates)"),
        ("sources", _n(h["sources"]), "sources (distinct web domains)"),
    ]
    return "\n".join(
        f'<div class="card"><div class="figure" data-figure="{key}">{value}</div>'
        f'<div class="label">{escape(label)}</div></div>'
        for key, value, label in cards
    )


def render(payload: dict[str, Any], title: str) -> str:
    """The whole page."""
    meta, latest = payload["meta"], payload["latest"]
    charts_data = _script_json(payload)
    capped = (
        f"Showing the latest {latest['cap']} of {latest['total']:,}; every incident is in the Parquet data."
        if latest["total"] > latest["cap"]
        else f"All {latest['total']:,} shown."
    )
    unit_note = (
        "Incidents merge every report of one happening (OUT/incidents)."
        if meta["unit"] == "incidents"
        else "No incidents dataset here: each extracted event counts as an incident of one report "
        "(best = low = high = its count)."
    )
    basemap_source = escape(basemap()["source"])
    library = plotly_js().replace("</script", "<\\/script")
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)}</title>
<style>{asset("report.css")}</style>
<script>{library}</script>
</head><body>
<header><h1>{escape(title)}</h1>
<div class="sub">{escape(meta["filters"])} · generated {escape(meta["generated"])} · {escape(unit_note)}</div>
</header>
<main>
<section class="span12"><div class="cards">{_headline(payload)}</div></section>
<section class="span8"><h2>Incidents per week, by type</h2>
<p class="help">Dated incidents stacked by type; weeks start on Monday.</p>
<div id="weekly" class="chart"></div></section>
<section class="span4"><h2>Last week against the {CHANGE_WEEKS} weeks before</h2>
<p class="help">Incidents in the latest week of the period, the mean of the {CHANGE_WEEKS} weeks before it,
and the change.</p>
<table><thead><tr><th>type</th><th class="num">last week</th><th class="num">4-week mean</th>
<th class="num">change</th></tr></thead><tbody id="change-body"></tbody></table></section>
<section class="span12"><h2>Fatalities per week</h2>
<p class="help">People reported killed (casualty incidents): the best estimate as a line inside the band of
the lowest and highest figures reported.</p><div id="fatalities" class="chart"></div></section>
<section class="span8"><h2>Map</h2>
<p class="help">One circle per place and type; colour is the type, size the number killed. Hover for a
summary, click for every incident there with its evidence and reports. Drag to pan, scroll to zoom.</p>
<div id="map"></div><div class="sub">Base map: {basemap_source}.</div></section>
<section class="span4"><div id="map-detail"><p class="help">Click a circle on the map.</p></div></section>
<section class="span6"><h2>Top places</h2><table><thead><tr><th>place</th><th>country</th>
<th class="num">incidents</th><th class="num">killed</th></tr></thead>
<tbody id="places-body"></tbody></table></section>
<section class="span6"><h2>Top actors</h2><table><thead><tr><th>actor</th><th class="num">incidents</th>
<th class="num">killed</th></tr></thead><tbody id="actors-body"></tbody></table></section>
<section class="span8"><h2>Latest incidents</h2><p class="help">{escape(capped)}</p>
<table><thead><tr><th>date</th><th>type</th><th>place</th><th class="num">count (low–high)</th>
<th class="num">reports</th><th>evidence</th><th>links</th></tr></thead>
<tbody id="latest-body"></tbody></table>
</section>
<section class="span4"><h2>Data quality</h2><div id="quality"></div></section>
</main>
<script type="application/json" id="sitrep-data">{charts_data}</script>
<script>{asset("report.js")}</script>
</body></html>
"""
