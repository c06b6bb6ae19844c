"""How big and how fast `sitrep report` is on a large synthetic output root.

    .venv/bin/python bench/report.py [--events 100000] [--browser] [--json]

Writes N synthetic events (with rejects, and some events undated, unplaced or without a count)
into a temporary output root through the real `Store`, then times `write_report` and, with
`--browser`, how long headless Chromium (/usr/bin/chromium, via Playwright) takes to open the file
and draw every chart. Targets (docs/report.md): file < 10 MB and render < 5 s at 100k events.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from extractors.schema import EVENT_TYPES, Article, Event, Reject  # noqa: E402
from flows.storage.store import Store  # noqa: E402

OUTLETS = ("example-news.org", "wire.example.com", "daily.example.net", "radio.example.org", "agency.example")
ACTORS = (
    "Military Forces of Syria",
    "Islamic State",
    "Military Forces of Russia",
    "Rapid Support Forces",
    None,
)
REJECT_KINDS = ("http_404", "timeout", "empty_text", "unsupported_language")
START = dt.date(2025, 1, 6)


def places(n: int, rng: random.Random) -> list[tuple[str, str, float, float, int]]:
    """n fictional places around the Levant: name, country code, lat, lon, geo precision."""
    codes = ("SY", "IQ", "LB", "JO", "YE", "SD")
    return [
        (
            f"Place {i}",
            rng.choice(codes),
            rng.uniform(12.0, 37.0),
            rng.uniform(30.0, 48.0),
            rng.choice((1, 1, 2, 3)),
        )
        for i in range(n)
    ]


def synthetic_events(n: int, seed: int = 0, days: int = 700) -> list[Event]:
    """n events over `days` days, in articles of 1 to 4 events each (deterministic for a seed)."""
    rng = random.Random(seed)
    where = places(max(20, n // 200), rng)
    events: list[Event] = []
    article = 0
    while len(events) < n:
        article += 1
        article_id = f"a{article:07d}"
        url = f"https://{rng.choice(OUTLETS)}/news/{article_id}"
        published = START + dt.timedelta(days=rng.randrange(days))
        for k in range(min(rng.randint(1, 4), n - len(events))):
            event_type = rng.choice(EVENT_TYPES)
            dated = rng.random() > 0.05
            placed = rng.random() > 0.08
            name, code, lat, lon, precision = rng.choice(where)
            count = rng.choice((None, 1, 2, 3, 5, 8, 12, 20, 40)) if rng.random() > 0.1 else None
            start = 40 * k
            events.append(
                Event(
                    event_id=Event.make_id(article_id, event_type, start, start + 39),
                    article_id=article_id,
                    event_type=event_type,
                    evidence=f"Report {k} of {article_id}: {count or 'some'} {event_type} near {name}.",
                    evidence_start=start,
                    evidence_end=start + 39,
                    event_date=published - dt.timedelta(days=rng.randrange(3)) if dated else None,
                    date_precision="day" if dated else None,
                    location=name if placed else None,
                    location_name=name if placed else None,
                    country_code=code if placed else None,
                    latitude=lat if placed else None,
                    longitude=lon if placed else None,
                    geo_precision=precision if placed else None,
                    actor_name=rng.choice(ACTORS),
                    count=count,
                    count_qualifier="exact" if count is not None else None,
                    published=published,
                    url=url,
                    pattern_id=f"{event_type}-synthetic",
                    run_id="bench",
                )
            )
    return events


def write_dataset(out: str, events: list[Event], rejects: int = 0, seed: int = 0) -> None:
    """`events` (and `rejects` reject rows) committed into `out` as one run, through the real Store."""
    rng = random.Random(seed)
    store = Store(out)
    with store.lock("bench"):
        writer = store.stage("bench")
        ids = sorted({e.article_id for e in events})
        writer.add_articles([Article(article_id=i, text="synthetic", run_id="bench") for i in ids])
        writer.add_events(ids, events)
        at = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
        writer.add_rejects(
            [
                Reject("fetch", rng.choice(REJECT_KINDS), "synthetic", at, run_id="bench")
                for _ in range(rejects)
            ]
        )
        writer.commit()


def render_seconds(path: Path) -> float:
    """Seconds from opening the file in headless Chromium until every chart has drawn."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        clock = time.monotonic()
        page.goto(path.as_uri())
        page.wait_for_selector("body[data-ready='1']", timeout=60_000)
        seconds = time.monotonic() - clock
        browser.close()
    return seconds


# Chromium on a machine with no network: no background connections, no sandbox as root.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def main(argv: list[str] | None = None) -> int:
    from flows.report.command import write_report

    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--browser", action="store_true", help="also time the page in headless Chromium")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="sitrep-bench-report-") as tmp:
        out, page = str(Path(tmp, "data")), Path(tmp, "report.html")
        write_dataset(out, synthetic_events(args.events), rejects=args.events // 100)
        result = write_report(out, str(page))
        figures = {
            "events": args.events,
            "report_seconds": round(result.seconds, 2),
            "file_mb": round(result.bytes / 1e6, 2),
        }
        if args.browser:
            figures["render_seconds"] = round(render_seconds(page), 2)
    if args.json:
        print(json.dumps(figures))
    else:
        for key, value in figures.items():
            print(f"{key}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
