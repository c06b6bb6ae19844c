"""Split annotated real articles into the tune and locked parts of tests/fixtures/real/.

usage: .venv/bin/python scripts/split_real_corpus.py ANNOTATED.jsonl [...]

An article's part follows from its id alone (a hash), so adding articles never moves old
ones between parts. Rules for the two parts are in tests/fixtures/real/README.md: the
errors of the locked part are never read while rules change; only its score is printed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

REAL = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "real"
LOCKED_SHARE = 0.4  # enough locked articles for a stable floor, enough tune ones to learn from


def is_locked(article_id: str) -> bool:
    digest = hashlib.sha256(article_id.encode("utf-8")).digest()
    return int.from_bytes(digest[:4], "big") < LOCKED_SHARE * 2**32


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("annotated", nargs="+", type=Path)
    args = ap.parse_args(argv)
    parts: dict[str, list[str]] = {"tune": [], "locked": []}
    seen: set[str] = set()
    for path in args.annotated:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            record = json.loads(line)
            if record["id"] in seen:
                print(f"duplicate id {record['id']} in {path}", file=sys.stderr)
                return 2
            seen.add(record["id"])
            parts["locked" if is_locked(record["id"]) else "tune"].append(
                json.dumps(record, ensure_ascii=False)
            )
    for name, lines in parts.items():
        (REAL / f"{name}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"{name}: {len(lines)} articles")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
