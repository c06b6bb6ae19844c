"""Measure merging reports into incidents: events per second and peak memory, and its share of a run.

    python bench/merge.py                       # 10k, 100k and 1M synthetic events
    python bench/merge.py --events 10000 --json
    python bench/merge.py --events 0 --run-articles 2000   # merging's share of an extraction run

Synthetic events: real-world incidents spread over four years, six countries, 200 towns each,
every incident told by one to five outlets over the next days, with tolls that differ, some
reports only at province level, some dated only to the month. Each size runs in its own process,
so its peak resident memory is its own. The reports stream in publication order through the
clusterer, which hands out finished incidents as it goes (memory bounded by the report lag).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from extractors.incidents.clustering import Clusterer  # noqa: E402
from extractors.incidents.reports import Report  # noqa: E402
from extractors.incidents.rules import MergeTuning  # noqa: E402
from extractors.incidents.summary import build_incident, incident_id_of  # noqa: E402
from extractors.schema import EVENT_TYPES  # noqa: E402

SIZES = (10_000, 100_000, 1_000_000)
COUNTRIES = ("SY", "IQ", "YE", "SD", "ML", "UA")
TOWNS_PER_COUNTRY = 200
PROVINCES_PER_COUNTRY = 10
OUTLETS = 40
FIRST_DAY = dt.date(2021, 1, 1)
DAYS = 4 * 365


@dataclasses.dataclass(frozen=True)
class Town:
    name: str
    admin1: str
    country: str
    latitude: float
    longitude: float


def towns(rng: random.Random) -> list[Town]:
    return [
        Town(f"{country}-town-{i}", f"{country}-province-{i % PROVINCES_PER_COUNTRY}", country, lat, lon)
        for country in COUNTRIES
        for i in range(TOWNS_PER_COUNTRY)
        for lat, lon in [(30 + rng.random() * 5, 35 + rng.random() * 5)]
    ]


def synthetic_reports(n_events: int, seed: int = 13) -> Iterator[Report]:
    """About `n_events` reports in publication order (each its own article)."""
    rng = random.Random(seed)
    places = towns(rng)
    per_day = max(1, n_events // (DAYS * 3))  # three reports per incident on average
    pending: dict[dt.date, list[Report]] = {}
    made = 0
    for offset in range(DAYS + 4):
        day = FIRST_DAY + dt.timedelta(days=offset)
        if offset < DAYS:
            for incident in range(per_day):
                for report in _reports_of_incident(rng, places, day, f"{offset}-{incident}"):
                    pending.setdefault(report.published or day, []).append(report)
        for report in sorted(pending.pop(day, []), key=lambda r: r.order):
            if made >= n_events:
                return
            made += 1
            yield report


def _reports_of_incident(rng: random.Random, places: list[Town], day: dt.date, key: str) -> Iterator[Report]:
    town = rng.choice(places)
    event_type = rng.choice(EVENT_TYPES)
    toll = rng.randint(1, 60)
    for n in range(rng.randint(1, 5)):
        outlet = rng.randrange(OUTLETS)
        area = rng.random() < 0.1
        month = rng.random() < 0.05
        published = day + dt.timedelta(days=rng.choice((0, 0, 1, 1, 2, 3)))
        undated = not month and rng.random() < 0.25  # dated by its publication day
        told = published if undated else day
        yield Report(
            event_id=f"{key}-{n}",
            article_id=f"{key}-{n}",
            event_type=event_type,
            day=None if month else told,
            period=False,
            undated=undated,
            earliest=day.replace(day=1) if month else told,
            latest=(day.replace(day=28) if month else told),
            precision="month" if month else "day",
            location_name=town.admin1 if area else town.name,
            admin1=town.admin1,
            country_code=town.country,
            latitude=town.latitude,
            longitude=town.longitude,
            geo_precision=3 if area else 1,
            actor_name=None,
            actor_type=None,
            target_name=None,
            count=None if rng.random() < 0.3 else max(0, toll + rng.randint(-toll // 3, toll // 2)),
            injured=None,
            published=published,
            url=f"https://outlet{outlet}.example/{key}-{n}",
            outlet=f"outlet{outlet}.example",
        )


def measure_merge(n_events: int) -> dict[str, float]:
    """Merge `n_events` synthetic reports into incident rows, in this process."""
    clusterer = Clusterer(MergeTuning())
    incidents = 0
    clock = time.perf_counter()
    for report in synthetic_reports(n_events):
        clusterer.add(report)
        for cluster in clusterer.finished():
            build_incident(incident_id_of(cluster.founder.event_id), cluster.members, cluster.reasons)
            incidents += 1
    for cluster in clusterer.close():
        build_incident(incident_id_of(cluster.founder.event_id), cluster.members, cluster.reasons)
        incidents += 1
    seconds = time.perf_counter() - clock
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux
    return {
        "events": n_events,
        "incidents": incidents,
        "seconds": round(seconds, 2),
        "events_per_s": round(n_events / seconds),
        "peak_rss_mb": round(peak_mb, 1),
    }


def measure_run_share(n_articles: int) -> dict[str, float]:
    """Extract a synthetic corpus as `sitrep extract` does and commit, twice into one output (the second
    run re-merges every event against the stored incidents); time merging inside each commit."""
    from bench.corpus import CorpusSpec, make_articles
    from extractors.pipeline import DEFAULT_MODEL
    from flows.extract import extract_batch
    from flows.storage.store import Store

    articles = list(make_articles(CorpusSpec(articles=n_articles)))
    figures: dict[str, float] = {"articles": n_articles}
    with tempfile.TemporaryDirectory(prefix="sitrep-bench-merge-") as out:
        store = Store(out)
        for run in ("first", "again"):
            clock = time.perf_counter()
            with store.lock(run):
                writer = store.stage(run)
                for start in range(0, len(articles), 256):
                    extract_batch.fn(articles[start : start + 256], writer, DEFAULT_MODEL)
                writer.commit()
            total = time.perf_counter() - clock
            figures[f"{run}_run_seconds"] = round(total, 2)
            figures[f"{run}_merge_seconds"] = round(writer.merge_seconds, 3)
            figures[f"{run}_merge_share_percent"] = round(
                100 * writer.merge_seconds / (total - writer.merge_seconds), 2
            )
        figures["events"] = store.read_table("events", ["event_id"]).num_rows
        figures["incidents"] = store.read_table("incidents", ["incident_id"]).num_rows
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--events", type=int, action="append", help="synthetic events (repeatable)")
    parser.add_argument(
        "--run-articles", type=int, default=0, help="also time merging in a run of N articles"
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--in-process", action="store_true", help=argparse.SUPPRESS)  # one size, this process
    args = parser.parse_args(argv)
    sizes = [n for n in (args.events or SIZES) if n > 0]
    if args.in_process:
        print(json.dumps(measure_merge(sizes[0])))
        return 0
    figures: dict[str, object] = {"merge": [_in_own_process(n) for n in sizes]}
    if args.run_articles:
        figures["run"] = measure_run_share(args.run_articles)
    if args.json:
        print(json.dumps(figures))
        return 0
    merged = figures["merge"]
    assert isinstance(merged, list)
    for row in merged:
        print(
            f"{row['events']:>9} events -> {row['incidents']:>8} incidents: {row['seconds']:>8.2f} s, "
            f"{row['events_per_s']:>7} events/s, peak {row['peak_rss_mb']:.0f} MB"
        )
    if "run" in figures:
        run = figures["run"]
        assert isinstance(run, dict)
        print(f"run of {run['articles']} articles ({run['events']} events, {run['incidents']} incidents):")
        for name in ("first", "again"):
            print(
                f"  {name}: {run[f'{name}_run_seconds']} s, merging {run[f'{name}_merge_seconds']} s"
                f" = {run[f'{name}_merge_share_percent']} % of the rest of the run"
            )
    return 0


def _in_own_process(n_events: int) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, __file__, "--events", str(n_events), "--in-process"],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


if __name__ == "__main__":
    sys.exit(main())
