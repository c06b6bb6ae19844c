"""`sitrep eval`: extract the gold articles and score the events against the gold events.

    sitrep eval GOLD.jsonl [--json] [--errors N] [--out DIR] [--model NAME] [--pred PATH]

Extraction is that of `sitrep extract` (its readers, its extract task's function, its
store), called directly rather than through Prefect: no API server to start, so a dev run
takes seconds. The events go to `--out` (default: a temporary folder, removed afterwards);
`--pred` scores an existing events output (dataset folder, Parquet or JSON Lines) instead.
The scoring itself is `flows/evaluation/scoring.py`; when the gold events carry `incident`
labels it also reports how well the extracted events were merged into incidents across articles.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import datetime as dt
import json
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from extractors.schema import Article, Reject, Run
from flows.evaluation.scoring import (
    PRED_COLUMNS,
    GoldError,
    PredEvent,
    build_report,
    format_errors,
    format_report,
    geo_report,
    load_gold,
    load_predictions,
    pred_event,
    score,
)

# Articles per progress step; each article is extracted on its own, so batching changes no result.
EVAL_BATCH = 32


def _stderr_line(text: str) -> None:
    print(text, file=sys.stderr)


# What `sitrep eval --help` says.
DESCRIPTION = """\
Measure extraction quality: extract the articles of a gold file (JSON Lines of articles, each
with the events an annotator found; format in examples/README.md) and score the events found
against the gold ones: precision, recall and F1 per event type, strict F1 (date, count, place
and actor right too) and the accuracy of every slot."""
EXAMPLES = """\
examples:
  sitrep eval examples/gold.jsonl
  sitrep eval examples/gold.jsonl --errors 10       # also list misses, spurious events, wrong slots
  sitrep eval gold.jsonl --pred data/events --json  # score an existing output, print JSON"""


@dataclass(frozen=True)
class ExtractionRun:
    """What extracting the gold articles did (counts add up: read = processed + rejected)."""

    run_id: str
    model: str
    articles_read: int
    processed: int
    rejected: int
    events: int
    seconds: float

    def text(self) -> str:
        return (
            f"extraction: {self.articles_read} articles read = {self.processed} processed"
            f" + {self.rejected} rejected, {self.events} events, {self.seconds:g} s, model {self.model}"
        )


def extract_gold(gold_path: Path, out: str, model: str) -> ExtractionRun:
    """Extract the gold file's articles into `out` as `sitrep extract` would, without Prefect."""
    from flows.extract import BatchCounts, extract_batch
    from flows.inputs.readers import read_input
    from flows.progress import Progress
    from flows.storage.store import Store, new_run_id

    clock = time.monotonic()
    started = dt.datetime.now(dt.UTC)
    run_id = new_run_id(started)
    records = list(read_input(gold_path))  # gold files are small
    articles = [r for r in records if isinstance(r, Article)]
    rejects = [dataclasses.replace(r, run_id=run_id) for r in records if isinstance(r, Reject)]
    store = Store(out)
    with store.lock(run_id):
        writer = store.stage(run_id)
        try:
            writer.add_rejects(rejects)
            counts = BatchCounts()
            with Progress("eval", len(records), _stderr_line) as progress:
                progress.update(len(rejects))
                for start in range(0, len(articles), EVAL_BATCH):
                    counts += extract_batch.fn(articles[start : start + EVAL_BATCH], writer, model)
                    progress.update(len(rejects) + counts.processed + counts.rejected)
            writer.commit()
        except BaseException:
            writer.abort()
            raise
        done = ExtractionRun(
            run_id,
            model,
            len(records),
            counts.processed,
            len(rejects) + counts.rejected,
            sum(counts.events_by_type.values()),
            round(time.monotonic() - clock, 2),
        )
        store.write_run(
            Run(
                run_id=run_id,
                flow="eval",
                status="completed",
                started=started,
                finished=dt.datetime.now(dt.UTC),
                articles_read=done.articles_read,
                articles_processed=done.processed,
                articles_rejected=done.rejected,
                events=done.events,
                events_by_type=json.dumps(counts.events_by_type, sort_keys=True),
                input=str(gold_path),
                out=out,
                model=model,
            )
        )
    return done


def stored_predictions(out: str) -> list[PredEvent]:
    """The events of an output root (local or fsspec URL); none if it has no events yet."""
    from flows.storage.store import Store

    return [pred_event(row) for row in Store(out).read_table("events", PRED_COLUMNS).to_pylist()]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from extractors.model_name import DEFAULT_MODEL

    parser.add_argument(
        "gold", type=Path, metavar="GOLD.jsonl", help="gold file: JSON Lines of articles with their events"
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of tables")
    parser.add_argument(
        "--errors",
        type=int,
        default=0,
        metavar="N",
        help="list up to N misses, spurious events and wrong slots",
    )
    parser.add_argument("--out", help="keep the extracted dataset here (default: a temporary folder)")
    parser.add_argument("--model", default=DEFAULT_MODEL, help=f"spaCy model (default: {DEFAULT_MODEL})")
    parser.add_argument(
        "--pred", type=Path, help="score this events output (dataset folder, .parquet, .jsonl), no extraction"
    )


@contextlib.contextmanager
def _output_root(out: str | None) -> Iterator[str]:
    if out:
        yield out
        return
    with tempfile.TemporaryDirectory(prefix="sitrep-eval-") as temp:
        yield temp


def run(args: argparse.Namespace) -> int:
    """Extract (or read `--pred`), score, print; 2 on a bad gold file, model or option."""
    from flows.inputs.readers import InputError
    from flows.storage.store import StoreError

    if args.errors < 0:
        print("sitrep eval: --errors must be 0 or more", file=sys.stderr)
        return 2
    extraction: ExtractionRun | None = None
    try:
        gold = load_gold(args.gold)
        if not any(article.events for article in gold.values()):
            print(
                f"sitrep eval: {args.gold} has no gold events (no record has a non-empty `events` list): "
                "nothing to score against. A gold file is JSON Lines of articles, each with the events a "
                "careful annotator found: see examples/README.md and try `sitrep eval examples/gold.jsonl`",
                file=sys.stderr,
            )
            return 2
        if args.pred is not None:
            predictions = load_predictions(args.pred)
        else:
            with _output_root(args.out) as out:
                extraction = extract_gold(args.gold, out, args.model)
                predictions = stored_predictions(out)
    except StoreError as exc:  # e.g. another run holds --out
        print(f"sitrep eval: {exc}", file=sys.stderr)
        return 1
    except (GoldError, InputError, OSError, RuntimeError) as exc:  # RuntimeError: model not installed
        print(f"sitrep eval: {exc}", file=sys.stderr)
        return 2
    result = score(gold, predictions)
    report = build_report(result)
    report["geo"] = geo_report(gold, result)
    errors = result.errors[: args.errors]
    if args.json:
        extra: dict[str, Any] = {"extraction": dataclasses.asdict(extraction) if extraction else None}
        if args.errors:
            extra["errors"] = [dataclasses.asdict(e) for e in errors]
        print(json.dumps({**report, **extra}, indent=1, default=str))
        return 0
    print(format_report(report))
    if extraction is not None:
        print(extraction.text() + (f"; kept in {args.out}" if args.out else ""))
    if errors:
        print(format_errors(errors))
    return 0
