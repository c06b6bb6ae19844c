"""The two records that cross module boundaries: `Article` in, `Event` out.

The Arrow schemas of the `articles` and `events` datasets are derived from these
dataclasses and nowhere else, so a column added here is a column in the output.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import types
import typing
from dataclasses import dataclass
from typing import Literal

import pyarrow as pa

EXTRACTOR_VERSION = "0.1.0"
# 2: events gained incident_id (the incidents dataset); Article.encoding; Reject.content_hash
SCHEMA_VERSION = "2"

EVENT_TYPES = ("air_strike", "casualties", "recruitment", "reconciliation")
EventType = Literal["air_strike", "casualties", "recruitment", "reconciliation"]
DatePrecision = Literal["day", "month", "year"]
CountQualifier = Literal["exact", "at_least", "at_most", "approx"]
LocationSource = Literal["sentence", "article", "dateline"]


@dataclass(frozen=True)
class Article:
    """One input document, whatever it came from (feed, page, folder, JSON Lines)."""

    article_id: str
    text: str
    url: str | None = None
    title: str | None = None
    published: dt.date | None = None
    published_source: str | None = None  # page | feed | input | fetch | assigned
    language: str | None = None
    source: str | None = None  # name of the configured source it came from
    author: str | None = None
    site: str | None = None
    content_hash: str = ""
    fetched_at: dt.datetime | None = None
    run_id: str = ""
    # how the bytes were read: utf-8, utf-8-sig (with a byte-order mark), cp1252, ... (null before v2)
    encoding: str | None = None

    @staticmethod
    def derive_id(url: str | None, text: str) -> str:
        """Stable id for records that bring none: from the URL, else from the content."""
        basis = url if url else text
        return hashlib.sha1(basis.encode("utf-8", "surrogatepass")).hexdigest()[:16]


@dataclass(frozen=True)
class Event:
    """One extracted event with its evidence; slot meaning follows the gold guidelines."""

    event_id: str
    article_id: str
    event_type: EventType
    evidence: str
    evidence_start: int
    evidence_end: int
    event_date: dt.date | None = None
    date_precision: DatePrecision | None = None
    date_text: str | None = None
    event_date_end: dt.date | None = None  # last day of a reported period, else None
    location: str | None = None
    location_source: LocationSource | None = None
    country: str | None = None
    actor: str | None = None
    target: str | None = None
    count: int | None = None
    count_qualifier: CountQualifier | None = None
    injured: int | None = None
    source: str | None = None  # who the article attributes the report to
    # normalized places and actors; null when unresolved
    location_name: str | None = None
    admin1: str | None = None
    country_code: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    actor_name: str | None = None
    actor_type: str | None = None
    target_name: str | None = None
    target_type: str | None = None
    # provenance
    published: dt.date | None = None
    url: str | None = None
    pattern_id: str | None = None
    extractor_version: str = EXTRACTOR_VERSION
    run_id: str = ""
    # the real-world incident this report belongs to (`Incident.incident_id`); set when stored
    incident_id: str | None = None
    # Not a column: what tells apart the ids of several events of one type citing one span
    # (strikes on two places in one sentence: each its place); None for a span's only event.
    id_part: str | None = dataclasses.field(default=None, metadata={"column": False})
    # Not a column: the wider place the text names the location in, geocoding it when the gazetteer
    # lacks the location itself ("near Starohnativka, Donetsk").
    location_parent: str | None = dataclasses.field(default=None, metadata={"column": False})

    @staticmethod
    def make_id(article_id: str, event_type: str, start: int, end: int, part: str | None = None) -> str:
        """Deterministic id: same article, type and evidence span give the same id.

        `part` tells apart several events of one type citing one span (strikes on two places
        in one sentence: each its place); None keeps the plain key, so single events keep their ids.
        """
        key = f"{article_id}\x1f{event_type}\x1f{start}\x1f{end}"
        if part is not None:
            key += f"\x1f{part}"
        return hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()[:20]

    @property
    def id_key(self) -> tuple[str, str, int, int, str | None]:
        """What the id is made of: two events with one key are one row of the dataset."""
        return (self.article_id, self.event_type, self.evidence_start, self.evidence_end, self.id_part)

    def with_id(self) -> Event:
        """This event with its `event_id` made from its final evidence offsets."""
        return dataclasses.replace(self, event_id=Event.make_id(*self.id_key))


@dataclass(frozen=True)
class Incident:
    """One real-world event: every report of it in different articles (see docs/merging.md).

    Counts: `*_low`/`*_high` are the lowest and highest figures reported; `*_best` is the
    figure of the latest report (tolls rise as bodies are found). An id absorbed when a
    bridging report joined two incidents stays as a row with `merged_into` set and no reports.
    """

    incident_id: str
    event_type: EventType
    n_reports: int
    n_sources: int
    event_date: dt.date | None = None
    date_precision: DatePrecision | None = None
    date_earliest: dt.date | None = None
    date_latest: dt.date | None = None
    location_name: str | None = None
    admin1: str | None = None
    country_code: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    actor_name: str | None = None
    target_name: str | None = None
    count_best: int | None = None
    count_low: int | None = None
    count_high: int | None = None
    injured_best: int | None = None
    injured_low: int | None = None
    injured_high: int | None = None
    first_reported: dt.date | None = None
    last_reported: dt.date | None = None
    event_ids: tuple[str, ...] = ()
    urls: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()  # distinct outlets (web domains), in order of first report
    merge_reasons: tuple[str, ...] = ()  # per joining report: its event id and the rule ids that held
    merged_into: str | None = None


@dataclass(frozen=True)
class Reject:
    """An input that could not be fetched, parsed or extracted, kept so nothing is lost silently."""

    stage: str  # read | fetch | parse | language | extract | write
    error_kind: str  # short machine-readable kind, e.g. http_404, timeout, bad_json, empty_text
    message: str
    at: dt.datetime
    url: str | None = None
    source: str | None = None
    article_id: str | None = None
    run_id: str = ""
    # sha256 of the rejected input (a file's or a line's bytes), when there is one: a run that
    # reads the same input again records its reject once per version of it (null before v2)
    content_hash: str | None = None

    @classmethod
    def now(
        cls,
        stage: str,
        error_kind: str,
        message: str,
        *,
        url: str | None = None,
        source: str | None = None,
        article_id: str | None = None,
        run_id: str = "",
    ) -> Reject:
        """A reject stamped with the current UTC time."""
        return cls(stage, error_kind, message, dt.datetime.now(dt.UTC), url, source, article_id, run_id)


@dataclass(frozen=True)
class Run:
    """One pipeline or extraction run, as logged in the `runs` dataset (counts add up:
    articles_read = articles_processed + articles_rejected)."""

    run_id: str
    flow: str  # pipeline | extract
    status: str  # running | completed | failed
    started: dt.datetime
    finished: dt.datetime | None = None
    articles_read: int = 0
    articles_processed: int = 0
    articles_rejected: int = 0
    events: int = 0
    events_by_type: str = "{}"  # JSON object {event_type: count}
    input: str | None = None
    out: str | None = None
    model: str | None = None
    message: str | None = None
    extractor_version: str = EXTRACTOR_VERSION


_ARROW_TYPES: dict[object, pa.DataType] = {
    str: pa.string(),
    int: pa.int64(),
    float: pa.float64(),
    bool: pa.bool_(),
    dt.date: pa.date32(),
    dt.datetime: pa.timestamp("us", tz="UTC"),
}

_REQUIRED = {
    "event_id",
    "incident_id",
    "n_reports",
    "n_sources",
    "article_id",
    "event_type",
    "evidence",
    "evidence_start",
    "evidence_end",
    "text",
    "stage",
    "error_kind",
    "message",
    "at",
}


def _arrow_type(annotation: object) -> tuple[pa.DataType, bool]:
    """Map a (resolved) annotation to an Arrow type and whether it may be null."""
    if typing.get_origin(annotation) is tuple:  # tuple[str, ...]: a list column, empty rather than null
        return pa.list_(_arrow_type(typing.get_args(annotation)[0])[0]), False
    nullable = False
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        nullable = len(args) < len(typing.get_args(annotation))
        annotation = args[0]
    if typing.get_origin(annotation) is Literal:  # a closed set of strings
        annotation = str
    return _ARROW_TYPES[annotation], nullable


def columns(record: type | Article | Event | Incident | Reject | Run) -> list[dataclasses.Field[object]]:
    """The fields of a record that are stored as columns, in schema order."""
    return [f for f in dataclasses.fields(record) if f.metadata.get("column", True)]


def arrow_schema(record: type) -> pa.Schema:
    """Arrow schema of a record dataclass, with the schema version in its metadata."""
    hints = typing.get_type_hints(record)
    fields = []
    for f in columns(record):
        typ, nullable = _arrow_type(hints[f.name])
        fields.append(pa.field(f.name, typ, nullable=nullable or f.name not in _REQUIRED))
    return pa.schema(fields, metadata={b"sitrep_schema_version": SCHEMA_VERSION.encode()})


EVENT_SCHEMA = arrow_schema(Event)
ARTICLE_SCHEMA = arrow_schema(Article)
REJECT_SCHEMA = arrow_schema(Reject)
INCIDENT_SCHEMA = arrow_schema(Incident)
RUN_SCHEMA = arrow_schema(Run)


def to_row(record: Article | Event | Incident | Reject | Run) -> dict[str, object]:
    """Plain dict of a record's stored columns, in schema order."""
    return {f.name: getattr(record, f.name) for f in columns(record)}
