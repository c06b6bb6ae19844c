"""Reports to incidents: blocking, joining, bridging; one pass in publication order.

Blocking: an incident is filed under (event type, country, province, day) for each day its
window covers and each province its reports name, and a report looks only at the incidents filed
under its type, country and province (or no province) on the days its window allows (± the day
tolerance, and the days before an undated report's publication): never all pairs. A report that
names no province (a country, or a place the gazetteer gives no province) looks at every incident of
its country on those days; the incidents it looks at are its candidates. So two places in
neighbouring provinces, however close, are never compared. A report joins the oldest
incident whose every report agrees with it on type, article, date, place and actor, and one
of whose reports agrees with its count (`rules.ONE_REPORT_SLOTS`); of several, the one it agrees
with best (`_fit`). If it could also join others, each whose reports could all join that one is
merged with it, the oldest keeping the rest: the report bridges them. A report with no country
or no date is an incident of its own.

Memory stays bounded: reports come in publication order, and an incident whose window ended
more than `report_lag_days` before the current publication date can gain no report; it is
handed out and forgotten.
"""

from __future__ import annotations

import datetime as dt
import heapq
import itertools
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from extractors.incidents.reports import Report
from extractors.incidents.rules import ONE_REPORT_SLOTS, MergeTuning, Rule, compare, load_rules, told_days

BlockKey = tuple[str, str, str, dt.date]  # type, country, province ("" unknown, "*" any), day
ANY_PROVINCE = "*"


@dataclass(eq=False)
class Cluster:
    """Reports of one incident so far, in the order they joined (the first founded it)."""

    seq: int
    members: list[Report]
    reasons: list[str] = field(default_factory=list)
    filed_under: set[BlockKey] = field(default_factory=set)

    @property
    def founder(self) -> Report:
        return self.members[0]

    @property
    def articles(self) -> set[str]:
        return {m.article_id for m in self.members}

    @property
    def window_end(self) -> dt.date:
        """The last day any of its reports allows: what decides when it can gain no more."""
        return max(m.latest for m in self.members if m.latest is not None)


def join_reasons(
    report: Report, cluster: Cluster, tuning: MergeTuning, rules: Sequence[Rule], alone: bool = False
) -> list[Rule] | None:
    """The rules that let `report` join `cluster` (as compared with its founder), or None.
    `alone`: the cluster is the only one the report can be compared with."""
    if report.article_id in cluster.articles:
        return None
    if report.published is not None and cluster.window_end + dt.timedelta(days=tuning.report_lag_days) < (
        report.published
    ):
        return None
    agreed: set[str] = set()
    disagreed: set[str] = set()
    reasons: list[Rule] | None = None
    for member in cluster.members:
        verdict = compare(report, member, tuning, rules)
        for slot, rule in verdict.held.items():
            if slot in ONE_REPORT_SLOTS:
                if rule is None:
                    disagreed.add(slot)
                elif not rule.vacuous:
                    agreed.add(slot)
            elif not verdict.agrees(slot, alone):
                return None
        if reasons is None:
            reasons = verdict.rules()
    if disagreed - agreed:
        return None
    return reasons


class Clusterer:
    """Feed reports in publication order (`add`), take finished clusters (`finished`, `close`)."""

    def __init__(self, tuning: MergeTuning, rules: Sequence[Rule] | None = None) -> None:
        self.tuning = tuning
        self.rules = tuple(rules) if rules is not None else load_rules()
        self._index: dict[BlockKey, list[Cluster]] = {}
        self._by_end: list[tuple[dt.date, int, Cluster]] = []  # heap: when each cluster can close
        self._open: dict[int, Cluster] = {}
        self._done: list[Cluster] = []
        self._seq = itertools.count()
        self._lag = dt.timedelta(
            days=tuning.report_lag_days + tuning.day_tolerance + tuning.undated_lookback_days
        )

    def add(self, report: Report) -> None:
        if report.published is not None:
            self._close_before(report.published - self._lag)
        if report.country_code is None or report.earliest is None:
            self._done.append(Cluster(next(self._seq), [report]))  # cannot be placed or dated
            return
        candidates = self._candidates(report)
        alone = len(candidates) == 1
        joinable = [
            (cluster, reasons)
            for cluster in candidates
            if (reasons := join_reasons(report, cluster, self.tuning, self.rules, alone)) is not None
        ]
        if not joinable:
            self._open_cluster(Cluster(next(self._seq), [report]))
            return
        joinable.sort(key=lambda found: (_fit(found[1]), found[0].seq))
        target, reasons = joinable[0]
        target.members.append(report)
        target.reasons.append(f"{report.event_id}: {' '.join(rule.id for rule in reasons)}")
        for other, _ in joinable[1:]:
            if all(join_reasons(m, target, self.tuning, self.rules) is not None for m in other.members):
                target = self._absorb(target, other, bridge=report)
        self._file(target)

    def finished(self) -> Iterator[Cluster]:
        """Clusters closed so far (each once)."""
        done, self._done = self._done, []
        return iter(done)

    def close(self) -> Iterator[Cluster]:
        """Every remaining cluster, in founding order."""
        self._done.extend(sorted(self._open.values(), key=lambda c: c.seq))
        self._open.clear()
        self._index.clear()
        self._by_end.clear()
        return self.finished()

    def _candidates(self, report: Report) -> list[Cluster]:
        assert report.earliest is not None and report.latest is not None and report.country_code
        found: dict[int, Cluster] = {}
        tolerance = dt.timedelta(days=self.tuning.day_tolerance)
        provinces = (report.admin1, "") if report.admin1 else (ANY_PROVINCE,)
        first, last = told_days(report, self.tuning)
        day, last = first - tolerance, last + tolerance
        while day <= last:
            for province in provinces:
                for cluster in self._index.get((report.event_type, report.country_code, province, day), ()):
                    found[cluster.seq] = cluster
            day += dt.timedelta(days=1)
        return [found[seq] for seq in sorted(found)]

    def _open_cluster(self, cluster: Cluster) -> None:
        self._open[cluster.seq] = cluster
        self._file(cluster)

    def _file(self, cluster: Cluster) -> None:
        """File the cluster under every day and province its reports allow, and note when it can close."""
        founder = cluster.founder
        assert founder.country_code is not None
        for member in cluster.members:
            day, last = told_days(member, self.tuning)
            while day <= last:
                for province in (member.admin1 or "", ANY_PROVINCE):
                    key = (founder.event_type, founder.country_code, province, day)
                    if key not in cluster.filed_under:
                        cluster.filed_under.add(key)
                        self._index.setdefault(key, []).append(cluster)
                day += dt.timedelta(days=1)
        heapq.heappush(self._by_end, (cluster.window_end, cluster.seq, cluster))

    def _absorb(self, target: Cluster, other: Cluster, bridge: Report) -> Cluster:
        """Merge two clusters a report bridges; the older keeps the other's reports. Returns it."""
        keep, gone = (target, other) if target.seq < other.seq else (other, target)
        keep.members.extend(gone.members)
        keep.reasons.extend(gone.reasons)
        keep.reasons.append(f"{bridge.event_id}: bridges the incident of {gone.founder.event_id}")
        self._unfile(gone)
        del self._open[gone.seq]
        return keep

    def _unfile(self, cluster: Cluster) -> None:
        for key in cluster.filed_under:
            filed = self._index[key]
            filed.remove(cluster)
            if not filed:
                del self._index[key]
        cluster.filed_under.clear()

    def _close_before(self, day: dt.date) -> None:
        while self._by_end and self._by_end[0][0] < day:
            end, seq, cluster = heapq.heappop(self._by_end)
            if seq not in self._open or cluster.window_end != end:
                continue  # absorbed, or grew since (a later entry of the heap has it)
            self._unfile(cluster)
            del self._open[seq]
            self._done.append(cluster)


def _fit(rules: Sequence[Rule]) -> tuple[int, int]:
    """How well a report agrees with an incident (smaller is better): fewest rules that need a
    strong agreement, then most strong rules. "Same town, same toll" beats "same province"."""
    return sum(rule.needs_strong for rule in rules), -sum(rule.strong for rule in rules)


def cluster_reports(
    reports: Iterable[Report], tuning: MergeTuning, rules: Sequence[Rule] | None = None
) -> list[Cluster]:
    """Every cluster of `reports` (any order: they are sorted by publication), in founding order."""
    clusterer = Clusterer(tuning, rules)
    done: list[Cluster] = []
    for report in sorted(reports, key=lambda r: r.order):
        clusterer.add(report)
        done.extend(clusterer.finished())
    done.extend(clusterer.close())
    return sorted(done, key=lambda c: c.seq)
