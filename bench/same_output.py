"""Snapshot every event the extractors make on the gold and benchmark corpora, or compare with a snapshot.

A refactoring or a speed-up must not change output: take a snapshot before, then compare after.

usage: .venv/bin/python bench/same_output.py save SNAPSHOT.jsonl
       .venv/bin/python bench/same_output.py compare SNAPSHOT.jsonl
"""

from __future__ import annotations

import argparse
import difflib
import sys
from pathlib import Path

from bench.corpus import CorpusSpec, make_articles
from bench.dev_eval import event_json, gold_articles
from extractors.pipeline import extract_articles, load_pipeline
from extractors.schema import Article
from flows.config import gold_dir

REPO = Path(__file__).resolve().parent.parent
BENCH_ARTICLES = 300


def corpora() -> dict[str, list[Article]]:
    """Every corpus the extractors are checked on: dev, the repo's gold sets, benchmark text of both mixes."""
    sets = {"dev": gold_articles(gold_dir() / "dev.jsonl")}
    for path in sorted((REPO / "tests" / "fixtures").glob("*/*.jsonl")):
        if path.parent.name not in {"web", "schema_v0"}:
            sets[path.stem] = gold_articles(path)
    sets["bench"] = list(make_articles(CorpusSpec(BENCH_ARTICLES)))
    sets["bench_all_events"] = list(make_articles(CorpusSpec(BENCH_ARTICLES, all_events=True)))
    return sets


def snapshot() -> list[str]:
    nlp = load_pipeline()
    lines = []
    for name, articles in corpora().items():
        for result in extract_articles(nlp, articles):
            lines.append(f"{name}\t{result.article.article_id}\terror={result.error}")
            lines.extend(f"{name}\t{event_json(event)}" for event in result.events)
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("action", choices=["save", "compare"])
    ap.add_argument("snapshot", type=Path)
    args = ap.parse_args(argv)
    lines = snapshot()
    if args.action == "save":
        args.snapshot.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"saved {len(lines)} lines to {args.snapshot}")
        return 0
    before = args.snapshot.read_text(encoding="utf-8").splitlines()
    if before == lines:
        print(f"identical: {len(lines)} lines")
        return 0
    sys.stdout.writelines(
        line + "\n" for line in difflib.unified_diff(before, lines, "before", "after", lineterm="", n=0)
    )
    return 1


if __name__ == "__main__":
    raise SystemExit(main())
