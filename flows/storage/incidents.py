"""Incremental merging at commit: which stored incidents a run's events touch, and their new rows.

Layout: `OUT/incidents/<event_type>-<YYYY-MM>/part-0.parquet`, one folder per type and month of
`date_earliest` (`<event_type>-undated` for incidents without a date). An incident that can gain a
report spans at most `LONGEST_INCIDENT`, so the incidents a window can match sit in the folders of
that type from that long before its first day to its last month: merging reads those, and takes
only the rows whose window overlaps.

A commit re-merges the affected neighbourhood from scratch, deterministically: the run's events,
stored events still without an incident (datasets written before merging existed), and every
report of the stored incidents they can join or that lose a report (re-extracted articles). Ids
carry over: oldest stored incident first, each keeps its id on the new incident holding most of
its reports; an older one already there makes it an absorbed row (`merged_into`). An incident no
stored id reaches takes its founding report's id. Re-running the same input changes nothing.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as pads

from extractors.incidents.clustering import Cluster, cluster_reports
from extractors.incidents.reports import REPORT_COLUMNS, Report, date_window, report_of
from extractors.incidents.rules import LONGEST_INCIDENT, MergeTuning
from extractors.incidents.summary import absorbed_incident, build_incident, incident_id_of
from extractors.schema import INCIDENT_SCHEMA, Incident

if TYPE_CHECKING:
    from flows.storage.store import Store

UNDATED = "undated"
Window = tuple[dt.date, dt.date]
Row = dict[str, Any]  # a stored row, as `pyarrow.Table.to_pylist` gives it


@dataclass(frozen=True)
class IncidentUpdate:
    """What a commit writes for incidents, and the incident of every event it re-merged."""

    rows: list[Incident]  # new rows, live and absorbed
    replaced: set[str]  # stored incident ids these rows replace or delete
    partitions: set[str]  # partition folders to rewrite
    incident_of_event: dict[str, str]  # event_id -> incident_id, for every re-merged event
    stored_changes: dict[str, str]  # the same, for stored events (not re-extracted) whose id changed
    stored_articles: dict[str, str]  # event_id -> article_id of those stored events (for their bucket)


def partition_of(event_type: str, earliest: dt.date | None) -> str:
    """The folder of an incident: its type and the month its window starts."""
    return f"{event_type}-{earliest:%Y-%m}" if earliest else f"{event_type}-{UNDATED}"


def plan_incidents(
    store: Store, new_events: pa.Table, re_extracted: set[str], tuning: MergeTuning
) -> IncidentUpdate:
    """The incident rows a commit writes for `new_events` (of the articles `re_extracted`)."""
    events = store.dataset("events")
    new_reports = [report_of(row) for row in new_events.select(list(REPORT_COLUMNS)).to_pylist()]
    removed: list[Row] = []
    backlog: list[Report] = []
    if events is not None:
        if re_extracted:
            columns = [
                "event_id",
                "event_type",
                "event_date",
                "date_precision",
                "event_date_end",
                "incident_id",
            ]
            in_articles = pc.field("article_id").isin(sorted(re_extracted))
            removed = events.to_table(columns=columns, filter=in_articles).to_pylist()
        unmerged = pc.field("incident_id").is_null()
        if re_extracted:
            unmerged = unmerged & ~pc.field("article_id").isin(sorted(re_extracted))
        backlog = [
            report_of(r) for r in events.to_table(columns=list(REPORT_COLUMNS), filter=unmerged).to_pylist()
        ]
    arriving = new_reports + backlog
    arriving_spans = [(r.event_type, r.earliest, r.latest) for r in arriving]
    windows = _windows([*arriving_spans, *(_span(r) for r in removed)], tuning)
    losing = {str(r["incident_id"]) for r in removed if r["incident_id"]}
    undated = {str(r["event_type"]) for r in removed if r["event_date"] is None}
    affected = _affected_incidents(store, windows, losing, undated)
    members = {e for row in affected for e in row["event_ids"]}
    members -= {str(r["event_id"]) for r in removed}
    stored_members: list[Row] = []
    if members and events is not None:
        stored_members = events.to_table(
            columns=[*REPORT_COLUMNS, "incident_id"], filter=pc.field("event_id").isin(sorted(members))
        ).to_pylist()
    # one report per event, the arriving version winning (a commit killed halfway can leave an
    # event both listed by an incident and without an incident of its own)
    reports = {r.event_id: r for r in [*(report_of(row) for row in stored_members), *arriving]}
    clusters = cluster_reports(reports.values(), tuning)
    rows, incident_of_event = _carry_ids(clusters, affected)
    stored_ids = {str(r["event_id"]): r["incident_id"] for r in stored_members}
    stored_ids.update({r.event_id: None for r in backlog})
    changes = {e: i for e, i in incident_of_event.items() if e in stored_ids and stored_ids[e] != i}
    articles = {str(r["event_id"]): str(r["article_id"]) for r in stored_members}
    articles.update({r.event_id: r.article_id for r in backlog})
    return IncidentUpdate(
        rows=rows,
        replaced={str(row["incident_id"]) for row in affected},
        partitions={partition_of(row["event_type"], row["date_earliest"]) for row in affected}
        | {partition_of(row.event_type, row.date_earliest) for row in rows},
        incident_of_event=incident_of_event,
        stored_changes=changes,
        stored_articles={e: articles[e] for e in changes},
    )


def _span(row: Row) -> tuple[str, dt.date | None, dt.date | None]:
    """Type and date window of a stored events row."""
    return str(row["event_type"]), *date_window(
        row["event_date"], row["date_precision"], row["event_date_end"]
    )


def _windows(
    spans: Iterable[tuple[str, dt.date | None, dt.date | None]], tuning: MergeTuning
) -> dict[str, list[Window]]:
    """Per event type, the days a stored incident must overlap to be matched (merged intervals)."""
    # an undated report published today may tell of a stored incident of yesterday, and the reverse
    pad = dt.timedelta(days=tuning.day_tolerance + tuning.undated_lookback_days)
    by_type: dict[str, list[Window]] = defaultdict(list)
    for event_type, earliest, latest in spans:
        if earliest is not None and latest is not None:
            by_type[event_type].append((earliest - pad, latest + pad))
    merged: dict[str, list[Window]] = {}
    for event_type, found in by_type.items():
        merged[event_type] = _join_close(sorted(found))
    return merged


def _join_close(windows: list[Window]) -> list[Window]:
    """Sorted windows with overlapping or adjacent ones joined."""
    joined: list[Window] = []
    for start, end in windows:
        if joined and start <= joined[-1][1] + dt.timedelta(days=1):
            joined[-1] = (joined[-1][0], max(end, joined[-1][1]))
        else:
            joined.append((start, end))
    return joined


def _affected_incidents(
    store: Store, windows: dict[str, list[Window]], losing: set[str], undated: set[str]
) -> list[Row]:
    """Live stored incidents whose window overlaps one of `windows`, or that lose a report."""
    folders = _partition_folders(store)
    wanted: list[str] = []
    for event_type, spans in windows.items():
        first = (spans[0][0] - LONGEST_INCIDENT).strftime("%Y-%m")
        last = spans[-1][1].strftime("%Y-%m")
        wanted += [f for f in folders if _in_months(f, event_type, first, last)]
    wanted += [f for f in folders if f.rsplit("-", 1)[-1] == UNDATED and f.rsplit("-", 1)[0] in undated]
    if not wanted:
        return []
    files = [store.path("incidents", f, "part-0.parquet") for f in sorted(set(wanted))]
    stored = pads.dataset(files, schema=INCIDENT_SCHEMA, format="parquet", filesystem=store.fs).to_table()
    keys = stored.select(["incident_id", "event_type", "date_earliest", "date_latest", "merged_into"])
    ends = {event_type: [end for _, end in spans] for event_type, spans in windows.items()}
    matching = [
        index
        for index, row in enumerate(keys.to_pylist())
        if row["merged_into"] is None
        and (row["incident_id"] in losing or _overlaps(row, windows.get(row["event_type"], []), ends))
    ]
    live = stored.take(pa.array(matching, pa.int64())).to_pylist()
    return sorted(live, key=lambda row: (row["first_reported"] or dt.date.min, row["incident_id"]))


def _overlaps(row: Row, spans: list[Window], ends: dict[str, list[dt.date]]) -> bool:
    """Whether the incident's window overlaps one of `spans` (sorted and disjoint)."""
    if row["date_earliest"] is None or not spans:
        return False
    first = bisect.bisect_left(ends[row["event_type"]], row["date_earliest"])
    return first < len(spans) and spans[first][0] <= row["date_latest"]


def _partition_folders(store: Store) -> list[str]:
    folder = store.path("incidents")
    if not store.fs.exists(folder):
        return []
    entries = store.fs.ls(folder, detail=True)
    return [e["name"].rstrip("/").rsplit("/", 1)[-1] for e in entries if e["type"] == "directory"]


def _in_months(folder: str, event_type: str, first: str, last: str) -> bool:
    kind, _, month = folder.rpartition("-")
    kind, _, year = kind.rpartition("-")
    return kind == event_type and first <= f"{year}-{month}" <= last


def _carry_ids(clusters: Sequence[Cluster], affected: Sequence[Row]) -> tuple[list[Incident], dict[str, str]]:
    """Incident rows for `clusters`, keeping the ids of the stored incidents they continue."""
    cluster_of = {m.event_id: c for c in clusters for m in c.members}
    names: dict[int, str] = {}
    absorbed: list[Incident] = []
    for row in affected:  # oldest first: the older id survives a merge
        held = Counter(cluster_of[e].seq for e in row["event_ids"] if e in cluster_of)
        if not held:
            continue  # every report of it was re-extracted away
        seq = min(held, key=lambda s: (-held[s], s))
        incident_id = str(row["incident_id"])
        if seq not in names:
            names[seq] = incident_id
        else:
            absorbed.append(
                absorbed_incident(incident_id, row["event_type"], row["date_earliest"], names[seq])
            )
    used = set(names.values()) | {r.incident_id for r in absorbed}
    rows: list[Incident] = []
    incident_of_event: dict[str, str] = {}
    for cluster in clusters:
        incident_id = names.get(cluster.seq) or incident_id_of(cluster.founder.event_id)
        if cluster.seq not in names and incident_id in used:  # a stored id from another incident
            incident_id = incident_id_of(f"{cluster.founder.event_id}/{len(cluster.members)}/{cluster.seq}")
        used.add(incident_id)
        rows.append(build_incident(incident_id, cluster.members, cluster.reasons))
        incident_of_event.update(dict.fromkeys((m.event_id for m in cluster.members), incident_id))
    return rows + absorbed, incident_of_event
