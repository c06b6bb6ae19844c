"""Measure sitrep's speed and memory on a synthetic corpus, against the bare spaCy model.

    python bench/throughput.py --articles 1000 --json

Every figure comes from one run on the same texts: the bare model through `nlp.pipe`,
sitrep's extract stage in one and two processes, and (unless `--skip-run`) the whole
`sitrep run` as a subprocess, Prefect and Parquet writes included.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import json
import pstats
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from bench.corpus import CorpusSpec, make_articles
from extractors.pipeline import extract_articles, load_pipeline
from extractors.schema import Article, to_row
from flows.evaluate import build_report, load_gold, pred_event, score

REPO = Path(__file__).resolve().parent.parent
GOLD_CANDIDATES = (Path("/work/shared/gold/dev.jsonl"), REPO.parent / "shared" / "gold" / "dev.jsonl")
DATE_FUNCTION = "resolve_date"  # entry point of date normalization (extractors/normalize/dates.py)
PROFILED_ARTICLES = 300  # enough for a stable share; profiling slows everything down

BATCH_SIZE = 64


@dataclass
class Figures:
    """The benchmark's output; None where a stage was skipped or could not be measured."""

    articles: int
    words: int
    bare_wps: float
    extract_wps: float
    extract2_wps: float | None = None
    run_wps: float | None = None
    peak_rss_mb: float | None = None
    dev_f1: float | None = None
    date_share: float | None = None
    prefect_share: float | None = None
    ratio_extract_vs_bare: float | None = None
    ratio_2proc_vs_1proc: float | None = None


def timed(work: Callable[[], object]) -> float:
    """Wall seconds of one call."""
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def bare_pass(articles: list[Article]) -> Callable[[], object]:
    """The model alone: every text through `nlp.pipe`, nothing else."""
    nlp = load_pipeline()

    def run() -> None:
        for _ in nlp.pipe((a.text for a in articles), batch_size=BATCH_SIZE):
            pass

    return run


def extract_pass(articles: list[Article], n_process: int) -> Callable[[], object]:
    """sitrep's extract stage: the pipeline plus every registered extractor."""
    nlp = load_pipeline()

    def run() -> None:
        for _ in extract_articles(nlp, articles, batch_size=BATCH_SIZE, n_process=n_process):
            pass

    return run


def gold_path() -> Path | None:
    """The dev gold file, where the shared checkout keeps it (absent on machines without it)."""
    return next((p for p in GOLD_CANDIDATES if p.exists()), None)


def dev_f1(path: Path) -> float:
    """Overall event F1 of the extract stage on the dev gold set, scored as `sitrep eval` does."""
    articles = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            published = dt.date.fromisoformat(rec["published"]) if rec.get("published") else None
            article = Article(rec["id"], rec["text"], url=rec.get("url"), title=rec.get("title"),
                              published=published)
            articles.append(article)
    nlp = load_pipeline()
    preds = [pred_event(to_row(e)) for x in extract_articles(nlp, articles) for e in x.events]
    return build_report(score(load_gold(path), preds))["overall"]["f1"]


def date_share(articles: list[Article]) -> float:
    """Share of single-process extract time spent in date normalization, under cProfile."""
    run = extract_pass(articles[:PROFILED_ARTICLES], 1)
    profile = cProfile.Profile()
    profile.runcall(run)
    stats = pstats.Stats(profile).stats  # type: ignore[attr-defined]
    total = sum(tt for _, _, tt, _, _ in stats.values())
    in_dates = sum(ct for (file, _, name), (_, _, _, ct, _) in stats.items()
                   if name == DATE_FUNCTION and file.endswith("dates.py"))
    return in_dates / total if total else 0.0


def measure(args: argparse.Namespace) -> Figures:
    articles = list(make_articles(CorpusSpec(args.articles, args.seed, args.all_events)))
    words = sum(len(a.text.split()) for a in articles)
    bare = timed(bare_pass(articles))
    extract = timed(extract_pass(articles, 1))
    figures = Figures(
        articles=len(articles),
        words=words,
        bare_wps=round(words / bare),
        extract_wps=round(words / extract),
        ratio_extract_vs_bare=round(bare / extract, 3),
    )
    if not args.one_process:
        extract2 = timed(extract_pass(articles, 2))
        figures.extract2_wps = round(words / extract2)
        figures.ratio_2proc_vs_1proc = round(extract / extract2, 3)
    figures.date_share = round(date_share(articles), 4)
    if (gold := gold_path()) is not None:
        figures.dev_f1 = dev_f1(gold)
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000, help="corpus size N")
    parser.add_argument("--seed", type=int, default=CorpusSpec.seed)
    parser.add_argument("--all-events", action="store_true", help="every sentence reports an event")
    parser.add_argument("--skip-run", action="store_true", help="do not time the whole `sitrep run`")
    parser.add_argument("--one-process", action="store_true", help="skip the two-process extract")
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
