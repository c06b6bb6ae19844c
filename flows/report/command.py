"""`sitrep report`: write one self-contained HTML report of an output root.

    sitrep report [DIR] --out report.html [--since DATE] [--until DATE] [--type T] [--country CC]

The page opens from disk with no network: plotly.js, the data and the base map are inline.
It shows incidents from DIR/incidents when that dataset exists, else one incident per event.
See docs/report.md for what each panel means.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from extractors.schema import EVENT_TYPES

if TYPE_CHECKING:
    from flows.report.dataset import Filters

REPORT_NAME = "report.html"  # what a run writes into its output root


@dataclass(frozen=True)
class ReportResult:
    path: str
    incidents: int
    unit: str
    bytes: int
    seconds: float

    def text(self) -> str:
        return (
            f"report: {self.path} ({self.incidents:,} {self.unit}, {self.bytes / 1e6:.1f} MB,"
            f" {self.seconds:.1f} s)"
        )


def write_report(
    data_dir: str, path: str, filters: Filters | None = None, title: str | None = None
) -> ReportResult:
    """Read `data_dir`, write the report to `path` (a file or fsspec URL)."""
    import fsspec

    from flows.report.dataset import Filters, load
    from flows.report.figures import build_payload
    from flows.report.page import basemap, render

    clock = time.monotonic()
    data = load(data_dir, filters or Filters())
    payload = build_payload(data, basemap(), dt.datetime.now(dt.UTC))
    page = render(payload, title or f"sitrep report: {data_dir}").encode("utf-8")
    with fsspec.open(path, "wb") as handle:
        handle.write(page)
    return ReportResult(path, len(data.incidents), data.unit, len(page), time.monotonic() - clock)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got {text!r}") from exc


def _country(text: str) -> str:
    if len(text) != 2 or not text.isalpha():
        raise argparse.ArgumentTypeError(f"expected a two-letter ISO country code, got {text!r}")
    return text.upper()


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("dir", nargs="?", default="data", metavar="DIR", help="output root (default: data)")
    parser.add_argument("--out", default=REPORT_NAME, help=f"HTML file to write (default: {REPORT_NAME})")
    parser.add_argument("--since", type=_date, help="first event date shown (YYYY-MM-DD)")
    parser.add_argument("--until", type=_date, help="last event date shown (YYYY-MM-DD)")
    parser.add_argument("--type", choices=EVENT_TYPES, help="one event type only")
    parser.add_argument("--country", type=_country, help="one country only (ISO code, e.g. SY)")
    parser.add_argument("--title", help="page title")


def run(args: argparse.Namespace) -> int:
    from flows.report.dataset import Filters
    from flows.storage.store import Store

    store = Store(args.dir)
    if not store.fs.exists(store.path("events")):
        print(
            f"sitrep report: {args.dir} has no events dataset (run `sitrep run --out {args.dir}`)",
            file=sys.stderr,
        )
        return 2
    if args.since and args.until and args.since > args.until:
        print("sitrep report: --since is after --until", file=sys.stderr)
        return 2
    filters = Filters(since=args.since, until=args.until, event_type=args.type, country=args.country)
    result = write_report(args.dir, args.out, filters, args.title)
    print(result.text())
    return 0
