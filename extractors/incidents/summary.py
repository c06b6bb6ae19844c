"""One incident row from its reports: the window they allow, the best place, best/low/high figures."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Sequence

from extractors.incidents.reports import Report
from extractors.schema import Incident

# Coarser precisions rank after finer ones; a report with no precision ranks last.
_PRECISION_RANK = {"day": 0, "month": 1, "year": 2}


def incident_id_of(founder_event_id: str) -> str:
    """The id an incident takes from the report that founded it; it keeps it as it grows."""
    return "inc-" + hashlib.sha1(founder_event_id.encode()).hexdigest()[:16]


def build_incident(incident_id: str, members: Sequence[Report], reasons: Sequence[str]) -> Incident:
    """The incident row of `members` (in the order they joined)."""
    days = [m.day for m in members if m.day is not None]
    coarse = [m for m in members if m.day is None and m.earliest is not None]
    earliest, latest, event_date, precision = _dates(days, coarse)
    place = min(
        members, key=lambda m: (m.geo_precision is None, m.geo_precision or 0, m.location_name is None)
    )
    counts = _figures([(m.published, m.count) for m in members])
    injured = _figures([(m.published, m.injured) for m in members])
    published = [m.published for m in members if m.published is not None]
    return Incident(
        incident_id=incident_id,
        event_type=members[0].event_type,  # type: ignore[arg-type]
        n_reports=len(members),
        n_sources=len({m.outlet for m in members}),
        event_date=event_date,
        date_precision=precision,  # type: ignore[arg-type]
        date_earliest=earliest,
        date_latest=latest,
        location_name=place.location_name,
        admin1=place.admin1,
        country_code=place.country_code,
        latitude=place.latitude,
        longitude=place.longitude,
        geo_precision=place.geo_precision,
        actor_name=_most_informative([m.actor_name for m in members]),
        target_name=_most_informative([m.target_name for m in members]),
        count_best=counts[0],
        count_low=counts[1],
        count_high=counts[2],
        injured_best=injured[0],
        injured_low=injured[1],
        injured_high=injured[2],
        first_reported=min(published, default=None),
        last_reported=max(published, default=None),
        event_ids=tuple(m.event_id for m in members),
        urls=tuple(dict.fromkeys(m.url for m in members if m.url)),
        sources=tuple(dict.fromkeys(m.outlet for m in members)),
        merge_reasons=tuple(reasons),
    )


def absorbed_incident(incident_id: str, event_type: str, earliest: dt.date | None, into: str) -> Incident:
    """The row an absorbed incident leaves, so saved ids keep resolving: no reports, `merged_into` set."""
    return Incident(
        incident_id=incident_id,
        event_type=event_type,  # type: ignore[arg-type]
        n_reports=0,
        n_sources=0,
        date_earliest=earliest,
        merged_into=into,
    )


def _dates(
    days: list[dt.date], coarse: list[Report]
) -> tuple[dt.date | None, dt.date | None, dt.date | None, str | None]:
    """Window, date and precision: the day most reports give (ties: the earliest) when any gives a day."""
    if days:
        votes = Counter(days)
        best = min(votes, key=lambda d: (-votes[d], d))
        return min(days), max(days), best, "day"
    if not coarse:
        return None, None, None, None
    # the windows overlap pairwise (rule date-coarse-overlap), so they share these days
    earliest = max(m.earliest for m in coarse if m.earliest is not None)
    latest = min(m.latest for m in coarse if m.latest is not None)
    finest = min(coarse, key=lambda m: _PRECISION_RANK.get(m.precision or "", 3))
    return earliest, latest, earliest, finest.precision


def _figures(reported: list[tuple[dt.date | None, int | None]]) -> tuple[int | None, int | None, int | None]:
    """(best, low, high): best is the latest report's figure (the higher one on a tie), as tolls rise."""
    known = [(published or dt.date.min, figure) for published, figure in reported if figure is not None]
    if not known:
        return None, None, None
    figures = [figure for _, figure in known]
    return max(known)[1], min(figures), max(figures)


def _most_informative(names: list[str | None]) -> str | None:
    """The name most reports give; on a tie the longest, then the first in order."""
    known = [n for n in names if n]
    if not known:
        return None
    votes = Counter(known)
    return max(dict.fromkeys(known), key=lambda n: (votes[n], len(n)))
