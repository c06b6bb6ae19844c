"""A report: what merging reads of one stored event, with its date window and outlet.

Built from an events row (a dict of its columns), so merging never needs the article text.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

# ACLED geo-precision (extractors/normalize/places.py): 1 the place, 2 near it, 3 a province or country.
AREA_PRECISION = 3
# The columns of `events` that merging reads.
REPORT_COLUMNS = (
    "event_id",
    "article_id",
    "event_type",
    "event_date",
    "date_precision",
    "date_text",
    "event_date_end",
    "location_name",
    "admin1",
    "country_code",
    "latitude",
    "longitude",
    "geo_precision",
    "actor_name",
    "actor_type",
    "target_name",
    "count",
    "injured",
    "published",
    "url",
)


@dataclass(frozen=True, slots=True)
class Report:
    """One event as merging sees it: `earliest`..`latest` is the window of days it allows."""

    event_id: str
    article_id: str
    event_type: str
    day: dt.date | None  # the day, for a report dated to the day; None for a month, year or period
    period: bool  # dated by a reported period ("since March", "last week"): a tally over it
    undated: bool  # dated to the day only by its publication: the text gives no date
    earliest: dt.date | None
    latest: dt.date | None
    precision: str | None
    location_name: str | None
    admin1: str | None
    country_code: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: int | None
    actor_name: str | None
    actor_type: str | None
    target_name: str | None
    count: int | None
    injured: int | None
    published: dt.date | None
    url: str | None
    outlet: str

    @property
    def order(self) -> tuple[dt.date, bool, bool, str]:
        """The canonical order of reports: as they were published; of one publication day the more
        precise first (a named place before a province or a country, then a day before a month or
        a year), then by id. So the precise reports of a day found its incidents and the vague ones
        join the incident they agree with best, rather than founding one that a precise report of
        the same article could then not join."""
        return (self.published or self.earliest or dt.date.min, self.is_area, self.day is None, self.event_id)

    @property
    def is_area(self) -> bool:
        """Whether the report names only a province or a country (or only knows the country)."""
        if self.location_name is None:
            return self.country_code is not None
        return self.geo_precision is not None and self.geo_precision >= AREA_PRECISION


def date_window(
    start: dt.date | None, precision: str | None, end: dt.date | None
) -> tuple[dt.date | None, dt.date | None]:
    """The first and last day a date at its precision allows (a period ends at its end)."""
    if start is None:
        return None, None
    if end is not None and end >= start:
        return start, end
    if precision == "year":
        return dt.date(start.year, 1, 1), dt.date(start.year, 12, 31)
    if precision == "month":
        last = calendar.monthrange(start.year, start.month)[1]
        return dt.date(start.year, start.month, 1), dt.date(start.year, start.month, last)
    return start, start


def outlet_of(url: str | None, article_id: str) -> str:
    """The outlet of a report: its web domain without `www.`; the article itself when it has no URL."""
    host = urlsplit(url).hostname if url else None
    if not host:
        return f"article:{article_id}"
    return host.removeprefix("www.")


def report_of(row: Mapping[str, object]) -> Report:
    """A report from one events row (as `pyarrow.Table.to_pylist` gives it)."""
    start, end, published = (_date(row.get(k)) for k in ("event_date", "event_date_end", "published"))
    precision = row.get("date_precision")
    earliest, latest = date_window(start, precision if isinstance(precision, str) else None, end)
    is_day = start is not None and earliest == latest and precision in ("day", None)
    article_id = str(row["article_id"])
    url = row.get("url")
    return Report(
        event_id=str(row["event_id"]),
        article_id=article_id,
        event_type=str(row["event_type"]),
        day=start if is_day else None,
        period=end is not None and start is not None and end > start,
        undated=is_day and _text(row.get("date_text")) is None,
        earliest=earliest,
        latest=latest,
        precision="day" if is_day else (precision if isinstance(precision, str) else None),
        location_name=_text(row.get("location_name")),
        admin1=_text(row.get("admin1")),
        country_code=_text(row.get("country_code")),
        latitude=_number(row.get("latitude")),
        longitude=_number(row.get("longitude")),
        geo_precision=_integer(row.get("geo_precision")),
        actor_name=_text(row.get("actor_name")),
        actor_type=_text(row.get("actor_type")),
        target_name=_text(row.get("target_name")),
        count=_integer(row.get("count")),
        injured=_integer(row.get("injured")),
        published=published,
        url=url if isinstance(url, str) else None,
        outlet=outlet_of(url if isinstance(url, str) else None, article_id),
    )


def _date(value: object) -> dt.date | None:
    return value if isinstance(value, dt.date) else None


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _number(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) else None


def _integer(value: object) -> int | None:
    return int(value) if isinstance(value, int) else None
