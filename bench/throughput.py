"""Measure sitrep's speed and memory on a synthetic corpus, against the bare spaCy model.

    python bench/throughput.py --articles 1000 --json

Every figure comes from one run on the same texts: the bare model through `nlp.pipe`,
sitrep's extract stage in one and two processes, and (unless `--skip-run`) the whole
`sitrep run` as a subprocess, Prefect and Parquet writes included.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import datetime as dt
import json
import os
import pstats
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

import pandas as pd
import psutil
import spacy

from bench.corpus import CorpusSpec, make_articles, write_jsonl
from extractors.pipeline import DEFAULT_MODEL, extract_articles, load_pipeline
from extractors.schema import Article, to_row
from flows.config import gold_dir
from flows.evaluation.scoring import build_report, load_gold, pred_event, score

REPO = Path(__file__).resolve().parent.parent
DEV_GOLD = gold_dir() / "dev.jsonl"
DATE_FUNCTION = "resolve_date"  # entry point of date normalization (extractors/normalize/dates.py)
PROFILED_ARTICLES = 300  # enough for a stable share; profiling slows everything down
RSS_POLL_SECONDS = 0.2
WARM_UP_ARTICLES = 50

BATCH_SIZE = 64


@dataclass
class Figures:
    """The benchmark's output; None where a stage was skipped or could not be measured."""

    articles: int
    words: int
    bare_wps: float | None = None
    extract_wps: float | None = None
    extract_full_wps: float | None = None
    extract2_wps: float | None = None
    run_wps: float | None = None
    peak_rss_mb: float | None = None
    dev_f1: float | None = None
    dev_f1_full: float | None = None
    date_share: float | None = None
    prefect_share: float | None = None
    ratio_extract_vs_bare: float | None = None
    ratio_2proc_vs_1proc: float | None = None
    load_avg: float | None = None  # 1-minute load average at the end: other work on the machine


def timed(work: Callable[[], object]) -> float:
    """Wall seconds of one call."""
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def bare_pass(articles: list[Article]) -> Callable[[], object]:
    """The model alone, without sitrep's rulers: every text through `nlp.pipe`, nothing else."""
    nlp = spacy.load(DEFAULT_MODEL)

    def run() -> None:
        for _ in nlp.pipe((a.text for a in articles), batch_size=BATCH_SIZE):
            pass

    return run


def extract_pass(articles: list[Article], n_process: int, prefilter: bool = True) -> Callable[[], object]:
    """sitrep's extract stage: the pipeline plus every registered extractor."""
    nlp = load_pipeline()

    def run() -> None:
        results = extract_articles(
            nlp, articles, batch_size=BATCH_SIZE, n_process=n_process, prefilter=prefilter
        )
        for _ in results:
            pass

    return run


def gold_path() -> Path | None:
    """The dev gold file, where the shared checkout keeps it (absent on machines without it)."""
    return DEV_GOLD if DEV_GOLD.exists() else None


def dev_f1(path: Path, prefilter: bool) -> float:
    """Overall event F1 of the extract stage on the dev gold set, scored as `sitrep eval` does."""
    articles = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            published = dt.date.fromisoformat(rec["published"]) if rec.get("published") else None
            article = Article(
                rec["id"], rec["text"], url=rec.get("url"), title=rec.get("title"), published=published
            )
            articles.append(article)
    nlp = load_pipeline()
    results = extract_articles(nlp, articles, prefilter=prefilter)
    preds = [pred_event(to_row(e)) for x in results for e in x.events]
    return build_report(score(load_gold(path), preds))["overall"]["f1"]


def date_share(articles: list[Article]) -> float:
    """Share of single-process extract time spent in date normalization, under cProfile."""
    run = extract_pass(articles[:PROFILED_ARTICLES], 1)
    profile = cProfile.Profile()
    profile.runcall(run)
    stats = pstats.Stats(profile).stats  # type: ignore[attr-defined]
    total = sum(tt for _, _, tt, _, _ in stats.values())
    in_dates = sum(
        ct
        for (file, _, name), (_, _, _, ct, _) in stats.items()
        if name == DATE_FUNCTION and file.endswith("dates.py")
    )
    return in_dates / total if total else 0.0


@dataclass
class RunFigures:
    """The whole `sitrep run` as a subprocess."""

    wall: float
    peak_rss_mb: float
    flow_seconds: float | None  # the run's own started..finished span, from OUT/runs


def tree_rss(process: psutil.Process) -> int:
    """Resident memory of a process and all its children (spaCy workers, Dask), in bytes."""
    total = 0
    for p in [process, *process.children(recursive=True)]:
        with contextlib.suppress(psutil.Error):  # a child that just ended
            total += p.memory_info().rss
    return total


def sitrep_run(spec: CorpusSpec, n_process: int, workdir: Path) -> RunFigures:
    """Write the corpus, run `sitrep run` on it, and time it with its peak memory."""
    corpus = workdir / "corpus.jsonl"
    write_jsonl(spec, corpus)
    config = workdir / "sitrep.toml"
    config.write_text(
        f'out = "{workdir / "out"}"\ninput = "{corpus}"\nn_process = {n_process}\n', encoding="utf-8"
    )
    sitrep = Path(sys.executable).with_name("sitrep")
    env = {**os.environ, "PREFECT_LOGGING_LEVEL": "WARNING"}
    start = time.perf_counter()
    child = subprocess.Popen(
        [str(sitrep), "run", "--config", str(config)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    watched, peak = psutil.Process(child.pid), 0
    while child.poll() is None:
        peak = max(peak, tree_rss(watched))
        time.sleep(RSS_POLL_SECONDS)
    wall = time.perf_counter() - start
    _, stderr = child.communicate()
    if child.returncode != 0:
        raise RuntimeError(f"sitrep run failed ({child.returncode}): {stderr[-2000:]}")
    runs = pd.read_parquet(workdir / "out" / "runs")
    flow_seconds = (runs["finished"] - runs["started"]).dt.total_seconds().max() if len(runs) else None
    return RunFigures(wall, peak / 2**20, None if flow_seconds is None else float(flow_seconds))


def run_figures(figures: Figures, args: argparse.Namespace) -> Figures:
    """`figures` with the whole `sitrep run`'s words/s, peak memory and Prefect share."""
    with tempfile.TemporaryDirectory(prefix="sitrep-bench-") as tmp:
        run = sitrep_run(CorpusSpec(args.articles, args.seed, args.all_events), args.n_process, Path(tmp))
    figures.run_wps = round(figures.words / run.wall)
    figures.peak_rss_mb = round(run.peak_rss_mb, 1)
    if run.flow_seconds is not None:
        # everything outside the flow's own started..finished span: interpreter start, imports,
        # Prefect's temporary API and flow/task machinery (an upper bound on Prefect's share)
        figures.prefect_share = round(1 - run.flow_seconds / run.wall, 4)
    figures.load_avg = round(os.getloadavg()[0], 2)
    return figures


def measure(args: argparse.Namespace) -> Figures:
    articles = list(make_articles(CorpusSpec(args.articles, args.seed, args.all_events)))
    words = sum(len(a.text.split()) for a in articles)
    if args.only_run:
        return run_figures(Figures(articles=len(articles), words=words), args)
    # warm up: lazily loaded data (gazetteer, actor tables) must not be billed to the first pass timed
    bare_pass(articles[:WARM_UP_ARTICLES])()
    extract_pass(articles[:WARM_UP_ARTICLES], 1)()
    bare = timed(bare_pass(articles))
    extract = timed(extract_pass(articles, 1))
    extract_full = None if args.skip_full else timed(extract_pass(articles, 1, prefilter=False))
    figures = Figures(
        articles=len(articles),
        words=words,
        bare_wps=round(words / bare),
        extract_wps=round(words / extract),
        extract_full_wps=None if extract_full is None else round(words / extract_full),
        ratio_extract_vs_bare=round(bare / extract, 3),
    )
    if not args.one_process:
        extract2 = timed(extract_pass(articles, 2))
        figures.extract2_wps = round(words / extract2)
        figures.ratio_2proc_vs_1proc = round(extract / extract2, 3)
    if not args.skip_run:
        figures = run_figures(figures, args)
    figures.date_share = round(date_share(articles), 4)
    if (gold := gold_path()) is not None:
        figures.dev_f1 = dev_f1(gold, prefilter=True)
        figures.dev_f1_full = dev_f1(gold, prefilter=False)
    figures.load_avg = round(os.getloadavg()[0], 2)
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000, help="corpus size N")
    parser.add_argument("--seed", type=int, default=CorpusSpec.seed)
    parser.add_argument("--all-events", action="store_true", help="every sentence reports an event")
    parser.add_argument("--skip-run", action="store_true", help="do not time the whole `sitrep run`")
    parser.add_argument("--only-run", action="store_true", help="time only the whole `sitrep run`")
    parser.add_argument("--one-process", action="store_true", help="skip the two-process extract")
    parser.add_argument("--skip-full", action="store_true", help="skip the extract without pre-filter")
    parser.add_argument("--n-process", type=int, default=1, help="n_process of the timed `sitrep run`")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    figures = measure(args)
    if args.json:
        print(json.dumps(asdict(figures)))
    else:
        for key, value in asdict(figures).items():
            print(f"{key:>22}  {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
