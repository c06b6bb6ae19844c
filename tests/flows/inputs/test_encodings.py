"""Text as newsrooms save it: UTF-8 with a byte-order mark, Windows-1252 and Latin-1 files.

Every file is written here as an editor would save it (our own sentences), read back with
`read_input`, and, with the model, extracted: the mark is gone, "café" stays "café", and the
encoding used is recorded in the article.
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
from pathlib import Path

import pytest
from extract_cases import model_pipeline

from extractors.pipeline import extract_articles
from extractors.schema import Article
from flows.inputs.readers import read_input

TODAY = dt.date(2025, 6, 1)
# sentences written for these tests
STRIKE = "Warplanes struck the village of Tell Qasr on Friday, killing four civilians, residents said."
CAFE = "A café near the market in Tell Qasr was destroyed; its owner, René, said the “strike” came at dawn."


def _read_one(path: Path) -> Article:
    (record,) = list(read_input(path.parent, today=TODAY))
    assert isinstance(record, Article), record
    return record


@pytest.mark.parametrize(
    ("name", "data", "encoding"),
    [
        ("bom.txt", codecs.BOM_UTF8 + f"{STRIKE}\n\n{CAFE}\n".encode(), "utf-8-sig"),
        ("plain.txt", f"{STRIKE}\n\n{CAFE}\n".encode(), "utf-8"),
        ("windows.txt", f"{STRIKE}\n\n{CAFE}\n".encode("cp1252"), "cp1252"),
        ("latin1.txt", f"{STRIKE}\n\n{CAFE.replace('“', '').replace('”', '')}\n".encode("latin-1"), "cp1252"),
        (
            "latin1.html",
            f"<html><body><article><p>{STRIKE}</p><p>{CAFE.replace('“', '').replace('”', '')}</p>"
            "</article></body></html>".encode("latin-1"),
            "cp1252",
        ),
        (
            "declared.html",
            f'<html><head><meta charset="windows-1252"></head><body><article><p>{STRIKE}</p><p>{CAFE}</p>'
            "</article></body></html>".encode("cp1252"),
            "cp1252",
        ),
        (
            "bom.jsonl",
            codecs.BOM_UTF8 + json.dumps({"id": "b1", "text": f"{STRIKE} {CAFE}"}).encode(),
            "utf-8-sig",
        ),
    ],
)
def test_files_are_read_in_their_encoding_without_the_mark(
    tmp_path: Path, name: str, data: bytes, encoding: str
) -> None:
    (tmp_path / "in").mkdir()
    path = tmp_path / "in" / name
    path.write_bytes(data)
    article = _read_one(path)
    assert article.text.startswith("Warplanes struck"), article.text[:20]
    assert "\ufeff" not in article.text and "\ufffd" not in article.text
    assert "café" in article.text and "René" in article.text
    assert article.encoding == encoding
    print(f"{name}: {article.encoding}: {article.text[len(STRIKE) :].strip()[:40]!r}")


@pytest.mark.model
def test_a_file_with_a_byte_order_mark_keeps_its_first_event() -> None:
    """Before: the mark glued to "Warplanes" lost the first sentence's trigger."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bom.txt"
        path.write_bytes(codecs.BOM_UTF8 + f"{STRIKE}\n".encode())
        article = _read_one(path)
    (result,) = extract_articles(model_pipeline(), [article])
    strikes = [e for e in result.events if e.event_type == "air_strike"]
    assert strikes, [e.event_type for e in result.events]
    assert all("\ufeff" not in e.evidence for e in result.events)
    assert strikes[0].evidence.startswith("Warplanes struck")
    print(f"air_strike evidence: {strikes[0].evidence!r}")
