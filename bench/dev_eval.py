"""Run the extractors over a gold file and score them with the reference scorer.

usage: .venv/bin/python bench/dev_eval.py [GOLD] [--out pred.jsonl] [--errors N]
GOLD defaults to dev.jsonl in the gold folder ($SITREP_GOLD, default ../shared/gold).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from extractors.pipeline import extract_articles, load_pipeline
from extractors.schema import Article, Event, to_row
from flows.config import gold_dir

REPO = Path(__file__).resolve().parent.parent
DEFAULT_GOLD = gold_dir() / "dev.jsonl"


def gold_articles(path: Path) -> list[Article]:
    """Articles of a gold file, with the gold record's id as article id."""
    articles = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            published = dt.date.fromisoformat(rec["published"]) if rec.get("published") else None
            articles.append(
                Article(
                    article_id=rec["id"],
                    text=rec["text"],
                    url=rec.get("url"),
                    title=rec.get("title"),
                    published=published,
                    published_source=rec.get("published_source"),
                )
            )
    return articles


def event_json(event: Event) -> str:
    row = to_row(event)
    return json.dumps({k: v.isoformat() if isinstance(v, dt.date) else v for k, v in row.items()})


def run(gold: Path, out: Path) -> float:
    """Write predictions for every gold article to `out`; return the seconds extraction took."""
    nlp = load_pipeline()
    start = time.perf_counter()
    with out.open("w", encoding="utf-8") as f:
        for result in extract_articles(nlp, gold_articles(gold)):
            if result.error:
                print(f"error in {result.article.article_id}: {result.error}", file=sys.stderr)
            for event in result.events:
                f.write(event_json(event) + "\n")
    return time.perf_counter() - start


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("gold", nargs="?", type=Path, default=DEFAULT_GOLD)
    ap.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "sitrep_dev_pred.jsonl")
    ap.add_argument("--errors", type=int, default=0)
    a = ap.parse_args()
    seconds = run(a.gold, a.out)
    print(f"extraction: {seconds:.1f}s")
    scorer = a.gold.parent / "score.py"
    cmd = [sys.executable, str(scorer), str(a.gold), str(a.out), "--errors", str(a.errors)]
    return subprocess.call(cmd)


if __name__ == "__main__":
    sys.exit(main())
