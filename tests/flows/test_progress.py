"""Progress of long runs: a rich bar on a terminal, one log line per batch elsewhere."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from flows.progress import Progress, count_records


def test_without_a_terminal_each_batch_is_one_line_with_rate_and_eta() -> None:
    lines: list[str] = []
    with Progress("extract r1", 300, lines.append, interactive=False) as progress:
        for done in (100, 200, 300):
            progress.update(done)
    assert len(lines) == 3
    assert re.fullmatch(
        r"extract r1: 100/300 articles \(33%\), [\d.]+ articles/s, ETA \d+:\d\d:\d\d", lines[0]
    )
    assert lines[-1].startswith("extract r1: 300/300 articles (100%)") and lines[-1].endswith("ETA 0:00:00")


def test_an_unknown_total_gives_no_eta_and_a_total_passed_grows() -> None:
    lines: list[str] = []
    progress = Progress("run", None, lines.append, interactive=False)
    progress.update(5)
    assert re.fullmatch(r"run: 5 articles, [\d.]+ articles/s", lines[0])
    grown = Progress("run", 3, lines.append, interactive=False)
    grown.update(4)
    assert grown.total == 4


def test_on_a_terminal_rich_draws_the_bar_on_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    lines: list[str] = []
    with Progress("eval", 10, lines.append, interactive=True) as progress:
        progress.update(4)
        progress.update(10)
    err = capsys.readouterr().err
    assert lines == [] and "eval" in err and "10/10" in err and "articles/s" in err


def test_count_records_counts_as_the_readers_read(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text('{"id": 1}\n\n{"id": 2}\nbroken\n')
    (tmp_path / "b.txt").write_text("text")
    (tmp_path / "c.pdf").write_bytes(b"%PDF")  # read as an unsupported_file reject: still one record
    (tmp_path / "_skipped").mkdir()
    (tmp_path / "_skipped" / "d.txt").write_text("ignored")
    assert count_records(tmp_path) == 5
    assert count_records(tmp_path / "a.jsonl") == 3
    assert count_records(tmp_path / "missing") == 0
