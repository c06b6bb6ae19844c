"""Prefect flows: `sitrep-pipeline` (ingest -> extract -> store) and `sitrep-extract`.

Both run one extract task per batch of `articles_per_task` articles, stage each
batch under the output root and commit once at the end, holding the root's lock
for the whole run. Every run leaves a row in `OUT/runs`, `OUT/report.html` (the HTML
report of the whole root) and Prefect artifacts (`flows/artifacts.py`: its summary, its new
events, a link to the report); counts add up: read = processed + rejected.

Without `PREFECT_API_URL` Prefect runs them in its ephemeral mode (no server to
start); with it, against that server.

Ingest: a config with `sources` hands them to the `flows.ingest.ingest_flow` subflow,
which stores new and updated articles for this run_id in `OUT/articles` (under the
same, re-entrant lock); they are read back with `Store.iter_articles(run_id=...)` and
extracted like local input (non-English ones become `language` rejects). Items the
ingest skipped as already seen are not counted as read.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import time
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.futures import PrefectFuture

from extractors.pipeline import DEFAULT_MODEL
from extractors.schema import Article, Reject, Run
from flows import artifacts
from flows.config import MAX_ARTICLE_CHARS, ConfigError, Settings, load_settings
from flows.extract import SUPPORTED_LANGUAGES, BatchCounts, extract_batch
from flows.inputs.readers import read_input
from flows.progress import Progress, count_records
from flows.storage.store import RunWriter, Store, new_run_id

REJECTS_PER_WRITE = 500
# Marks the log record of a run's summary: the CLI prints the summary itself, once, and keeps
# this record off the terminal (it still goes to the Prefect API, for the UI and deployed runs).
SUMMARY_RECORD = "sitrep_summary"
# Batches submitted to a Dask cluster ahead of their results: keeps the cluster busy while
# bounding how many batches of articles are held in memory at once.
DASK_BATCHES_IN_FLIGHT = 4


@dataclass(frozen=True)
class RunSummary:
    """What one run did, as printed by the CLI and logged in `OUT/runs`."""

    run_id: str
    flow: str
    status: str
    out: str
    input: str | None
    articles_read: int
    processed: int
    rejected: int
    events_by_type: dict[str, int] = field(default_factory=dict)
    message: str | None = None
    ingest: str | None = None  # the ingest summary line, for `[[sources]]` runs
    skipped: int = 0  # input articles and rejects seen unchanged by an earlier run: not read again
    rejects_by_kind: dict[str, int] = field(default_factory=dict)  # this run's rejects by error_kind
    sources: dict[str, int] = field(default_factory=dict)  # this run's articles by source or domain

    @property
    def events(self) -> int:
        return sum(self.events_by_type.values())

    def text(self) -> str:
        by_type = ", ".join(f"{k} {v}" for k, v in sorted(self.events_by_type.items())) or "none"
        by_kind = ", ".join(f"{k} {v}" for k, v in sorted(self.rejects_by_kind.items()))
        return "\n".join(
            [
                f"run {self.run_id} ({self.flow}): {self.status}",
                f"input:    {self.input or '-'}",
                *([self.ingest] if self.ingest else []),
                *([f"skipped:  {self.skipped} seen before, unchanged"] if self.skipped else []),
                f"articles: {self.articles_read} read = {self.processed} processed"
                f" + {self.rejected} rejected",
                *([f"rejects:  {by_kind} (why: OUT/rejects)"] if by_kind else []),
                f"events:   {self.events} ({by_type})",
                f"output:   {self.out}",
            ]
        )

    def markdown(self) -> str:
        """The run's Prefect artifact (key `sitrep-<flow>-summary`): counts, events, rejects, sources."""

        def table(header: str, counts: dict[str, int]) -> str:
            rows = "\n".join(f"| {k} | {v} |" for k, v in counts.items()) or "| (none) | 0 |"
            return f"| {header} |\n|---|---|\n{rows}\n"

        return (
            f"# sitrep run `{self.run_id}`: {self.status}\n\n"
            f"* input: `{self.input or '-'}`\n* output: `{self.out}`\n"
            f"* articles read: {self.articles_read} = processed {self.processed}"
            f" + rejected {self.rejected}\n"
            f"* skipped, seen before: {self.skipped}\n\n"
            f"{table('event type | events', dict(sorted(self.events_by_type.items())))}\n"
            f"{table('rejected as | articles', self.rejects_by_kind)}\n"
            f"{table('source | articles', self.sources)}"
        )


@dataclass
class _Tally:
    """Counts of the input side, filled while it streams."""

    read: int = 0
    rejected: int = 0
    skipped: int = 0
    ingest: str | None = None


# Deployed runs (nightly, adhoc) retry a failed attempt: a source down, the output locked by a
# run that overran. Each attempt is a new run, which also completes what a failed one left.
RETRIES = 2
RETRY_DELAY_SECONDS = 600


@flow(name="sitrep-pipeline", retries=RETRIES, retry_delay_seconds=RETRY_DELAY_SECONDS)
def sitrep_pipeline(
    config: str | None = None,
    out: str | None = None,
    input: str | None = None,
    dask_address: str | None = None,
    reextract: bool = False,
    model: str | None = None,
) -> RunSummary:
    """The whole pipeline on the configured input or sources (default: the sample config).

    Incremental, like sources: input articles stored unchanged by a completed run, and input
    rejected before in the same version, are skipped; `reextract` reads them all again.
    """
    settings = load_settings(config)
    if out:
        settings = dataclasses.replace(settings, out=out)
    if model:
        settings = dataclasses.replace(settings, model=model)
    if dask_address:
        settings = dataclasses.replace(settings, dask_address=dask_address)
    if input:
        settings = dataclasses.replace(settings, input=Path(input), sources=None)
    return run(settings, flow_name="pipeline", skip_seen=not reextract)


@flow(name="sitrep-extract")
def sitrep_extract(
    input: str,
    out: str = "data",
    model: str = DEFAULT_MODEL,
    batch_size: int = 64,
    articles_per_task: int = 256,
    n_process: int = 1,
    dask_address: str | None = None,
    prefilter: bool = True,
    max_chars: int = MAX_ARTICLE_CHARS,
) -> RunSummary:
    """Extraction only, on a local .jsonl file or folder (every article, seen before or not)."""
    settings = Settings(
        out=out,
        model=model,
        input=Path(input),
        batch_size=batch_size,
        articles_per_task=articles_per_task,
        n_process=n_process,
        dask_address=dask_address or None,
        prefilter=prefilter,
        max_chars=max_chars,
    )
    return run(settings, flow_name="extract")


def run(settings: Settings, *, flow_name: str, skip_seen: bool = False) -> RunSummary:
    """One locked run: stream batches through the extract task, commit, log the run.

    `skip_seen`: input articles and rejects an earlier run stored unchanged are not read again.
    """
    if settings.input is None and settings.sources is None:
        raise ConfigError("nothing to read: set `input` or `sources` in the config, or pass an input")
    started = dt.datetime.now(dt.UTC)
    run_id = new_run_id(started)
    store = Store(settings.out)
    source = str(settings.input) if settings.input else "sources"
    record = Run(
        run_id=run_id,
        flow=flow_name,
        status="running",
        started=started,
        input=source,
        out=settings.out,
        model=settings.model,
    )
    tally, counts = _Tally(), BatchCounts()
    with store.lock(run_id):
        _record_dead_runs(store)
        store.write_run(record)
        writer = store.stage(run_id, merging=settings.merge)
        try:
            seen = SeenBefore.load(store) if skip_seen else None
            total = count_records(settings.input) if settings.input is not None else None
            with Progress(flow_name, total, get_run_logger().info) as progress:
                batches = _article_batches(settings, writer, tally, seen)
                for batch_counts in _extract_batches(batches, writer, settings):
                    counts += batch_counts
                    progress.update(tally.skipped + tally.rejected + counts.processed + counts.rejected)
            writer.commit()
        except BaseException as exc:
            writer.abort()
            failed = _summary(
                run_id, flow_name, "failed", settings, source, tally, counts, str(exc) or type(exc).__name__
            )
            store.write_run(_finished(record, failed))
            raise
        summary = dataclasses.replace(
            _summary(run_id, flow_name, "completed", settings, source, tally, counts, None),
            rejects_by_kind=artifacts.rejects_by_kind(store, run_id),
            sources=artifacts.sources(store, run_id),
        )
        store.write_run(_finished(record, summary))
    logger = get_run_logger()
    logger.info("%s", summary.text(), extra={SUMMARY_RECORD: True})
    report = _write_report(settings.out, logger)
    artifacts.publish(flow_name, run_id, summary.markdown(), store, report)
    return summary


def _write_report(out: str, logger: Any) -> str | None:
    """OUT/report.html of the whole output root; a failure is logged, never fails the run."""
    from flows.report.command import REPORT_NAME, write_report

    path = f"{out.rstrip('/')}/{REPORT_NAME}"
    try:
        result = write_report(out, path)
    except Exception as exc:  # the data is committed: a report that cannot be made is only a warning
        logger.warning("report not written: %s: %s", type(exc).__name__, exc)
        return None
    logger.info("%s", result.text())
    return path


def _extract_batches(
    batches: Iterable[list[Article]], writer: RunWriter, settings: Settings
) -> Iterator[BatchCounts]:
    """Run the extract task on each batch: here, or on the Dask cluster at `settings.dask_address`."""
    if not settings.dask_address:
        for batch in batches:
            yield extract_batch(
                batch,
                writer,
                settings.model,
                settings.batch_size,
                settings.n_process,
                settings.prefilter,
                settings.max_chars,
            )
        return
    options = {
        "writer": writer,
        "model": settings.model,
        "batch_size": settings.batch_size,
        "n_process": settings.n_process,
        "prefilter": settings.prefilter,
        "max_chars": settings.max_chars,
    }
    # Workers run the extraction as plain functions and never talk to Prefect: each batch is a task
    # run of this flow, on this side, that waits for its Dask future. A worker kept no API address
    # from an earlier run (each run's temporary API has a new port), and workers on other machines
    # need none at all.
    from distributed import Client

    in_flight: deque[PrefectFuture[BatchCounts]] = deque()
    get_run_logger().info(
        "connecting to the Dask cluster at %s; workers load the model before their first batch",
        settings.dask_address,
    )
    with Client(settings.dask_address, set_as_default=False, timeout=60) as client:
        for batch in batches:
            in_flight.append(extract_batch_on_cluster.submit(client, batch, options))
            if len(in_flight) >= DASK_BATCHES_IN_FLIGHT:
                yield in_flight.popleft().result()
        while in_flight:
            yield in_flight.popleft().result()


@task(name="extract-batch", cache_policy=NO_CACHE)
def extract_batch_on_cluster(client: Any, articles: list[Article], options: dict[str, Any]) -> BatchCounts:
    """One batch extracted on the Dask cluster (`extract_batch`'s function, no Prefect on the worker)."""
    clock = time.monotonic()
    future = client.submit(extract_batch.fn, articles, pure=False, **options)
    counts: BatchCounts = future.result()
    try:
        worker = next(iter(client.who_has(future).get(future.key, ())), "a worker")
    except Exception:  # only for the log line
        worker = "a worker"
    get_run_logger().info(
        "batch of %d articles: %d extracted, %d rejected on %s in %.1f s",
        len(articles),
        counts.processed,
        counts.rejected,
        worker,
        time.monotonic() - clock,
    )
    return counts


class SeenBefore:
    """What earlier completed runs stored: article ids with their content hash, and the rejects of
    versioned input (kind, message, content hash). Loaded once per run from `OUT`."""

    def __init__(self, articles: dict[str, str], rejects: set[tuple[str, str, str]]) -> None:
        self.articles = articles
        self.rejects = rejects

    @classmethod
    def load(cls, store: Store) -> SeenBefore:
        runs = store.read_table("runs", ["run_id", "status"]).to_pylist()
        completed = {r["run_id"] for r in runs if r["status"] == "completed"}
        stored = store.read_table("articles", ["article_id", "content_hash", "run_id"]).to_pylist()
        articles = {r["article_id"]: r["content_hash"] for r in stored if r["run_id"] in completed}
        logged = store.read_table("rejects", ["error_kind", "message", "content_hash"]).to_pylist()
        rejects = {(r["error_kind"], r["message"], r["content_hash"]) for r in logged if r["content_hash"]}
        return cls(articles, rejects)

    def has(self, record: Article | Reject) -> bool:
        if isinstance(record, Article):
            return self.articles.get(record.article_id) == record.content_hash
        return (record.error_kind, record.message, record.content_hash) in self.rejects


def _article_batches(
    settings: Settings, writer: RunWriter, tally: _Tally, seen: SeenBefore | None = None
) -> Iterator[list[Article]]:
    """Batches of articles to extract; read rejects are staged on the way and counted; with
    `seen`, what an earlier run stored unchanged is skipped (counted apart, not read)."""
    if settings.sources is not None:
        yield from _ingested_batches(settings, writer.run_id, tally)
        return
    assert settings.input is not None
    batch: list[Article] = []
    rejects: list[Reject] = []
    for record in read_input(settings.input):
        if seen is not None and seen.has(record):
            tally.skipped += 1
            continue
        tally.read += 1
        if isinstance(record, Reject):
            tally.rejected += 1
            rejects.append(dataclasses.replace(record, run_id=writer.run_id))
            if len(rejects) >= REJECTS_PER_WRITE:
                writer.add_rejects(rejects)
                rejects = []
            continue
        batch.append(record)
        if len(batch) >= settings.articles_per_task:
            yield batch
            batch = []
    writer.add_rejects(rejects)
    if batch:
        yield batch


def _ingested_batches(settings: Settings, run_id: str, tally: _Tally) -> Iterator[list[Article]]:
    """Hook for `[[sources]]`: the ingest subflow stores articles, which are then read back."""
    try:
        from flows.ingest import ingest_flow
    except ImportError as exc:
        raise ConfigError("`sources` need flows.ingest, which this installation lacks; use `input`") from exc
    assert settings.sources is not None
    ingested = ingest_flow(sources=settings.sources, out=settings.out, run_id=run_id)
    # fetch/parse failures count as read and rejected; articles stored this run are read below
    tally.rejected += ingested.total.failed
    tally.read += ingested.total.failed
    tally.ingest = ingested.to_text()
    # only new or updated English articles: non-English ones stay stored with their language;
    # plus English articles an earlier run stored but never extracted (killed or failed after
    # its ingest committed): ingest now skips them as seen, so this is their only chance
    wanted = set(ingested.article_ids)
    store = Store(settings.out)
    for pending_run in _runs_to_extract(store, run_id):
        for stored in store.iter_articles(run_id=pending_run, batch_size=settings.articles_per_task):
            batch = [
                a
                for a in stored
                if a.article_id in wanted or (pending_run != run_id and a.language in SUPPORTED_LANGUAGES)
            ]
            tally.read += len(batch)
            if batch:
                yield batch


def _runs_to_extract(store: Store, run_id: str) -> list[str]:
    """This run, then every run whose stored articles no completed run has extracted."""
    runs = store.read_table("runs", ["run_id", "status"]).to_pylist()
    completed = {r["run_id"] for r in runs if r["status"] == "completed"}
    stored = set(store.read_table("articles", ["run_id"]).column("run_id").to_pylist())
    return [run_id, *sorted(stored - completed - {run_id})]


def _record_dead_runs(store: Store) -> None:
    """Runs still `running` while we hold the lock died unfinished (killed): log them as failed."""
    for row in store.read_table("runs").to_pylist():
        if row["status"] == "running":
            dead = Run(**row)
            store.write_run(
                dataclasses.replace(dead, status="failed", message="process died before the run finished")
            )


def _summary(
    run_id: str,
    flow_name: str,
    status: str,
    settings: Settings,
    source: str,
    tally: _Tally,
    counts: BatchCounts,
    message: str | None,
) -> RunSummary:
    return RunSummary(
        run_id=run_id,
        flow=flow_name,
        status=status,
        out=settings.out,
        input=source,
        articles_read=tally.read,
        processed=counts.processed,
        rejected=tally.rejected + counts.rejected,
        events_by_type=dict(sorted(Counter(counts.events_by_type).items())),
        message=message,
        ingest=tally.ingest,
        skipped=tally.skipped,
    )


def _finished(record: Run, summary: RunSummary) -> Run:
    return dataclasses.replace(
        record,
        status=summary.status,
        finished=dt.datetime.now(dt.UTC),
        articles_read=summary.articles_read,
        articles_processed=summary.processed,
        articles_rejected=summary.rejected,
        events=summary.events,
        events_by_type=json.dumps(summary.events_by_type, sort_keys=True),
        message=summary.message,
    )
