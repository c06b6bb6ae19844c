"""Progress of a long extraction: a bar on a terminal, one log line per batch elsewhere.

On a terminal (stderr is a TTY) `Progress` draws rich's bar with articles done, articles/s and
the time left; otherwise (CI, a deployment's log, a pipe) it logs one line per batch with the
same figures. Batches done on a Dask cluster advance it as their results come back.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any

from flows.inputs.readers import JSONL_SUFFIXES


def count_records(path: Path) -> int | None:
    """Records an input will yield (lines of JSON Lines files, other files one each), or None."""
    try:
        if path.is_file():
            files = [path]
        else:  # as the folder reader sees it: hidden and `_` names skipped, other files one reject each
            files = [
                p
                for p in sorted(path.rglob("*"))
                if p.is_file() and not any(part.startswith((".", "_")) for part in p.relative_to(path).parts)
            ]
        total = 0
        for file in files:
            if file.suffix.lower() in JSONL_SUFFIXES:
                with file.open("rb") as handle:
                    total += sum(1 for line in handle if line.strip())
            else:
                total += 1
        return total
    except OSError:
        return None


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


class Progress:
    """Articles done out of `total` (None when unknown), shown as the module docstring says."""

    def __init__(
        self, label: str, total: int | None, log: Callable[[str], Any], *, interactive: bool | None = None
    ) -> None:
        self.label, self.total, self.log = label, total, log
        self.interactive = sys.stderr.isatty() if interactive is None else interactive
        self.done = 0
        self.started = time.monotonic()
        self._bar: Any = None
        self._task: Any = None

    def __enter__(self) -> Progress:
        self.started = time.monotonic()
        if self.interactive:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )
            from rich.progress import Progress as Bar

            self._bar = Bar(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("articles · {task.fields[rate]} articles/s · ETA"),
                TimeRemainingColumn(),
                TimeElapsedColumn(),
                console=Console(stderr=True),
            )
            self._bar.start()
            self._task = self._bar.add_task(self.label, total=self.total, rate="-")
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if self._bar is not None:
            self._bar.stop()

    @property
    def rate(self) -> float:
        elapsed = time.monotonic() - self.started
        return self.done / elapsed if elapsed > 0 else 0.0

    def line(self) -> str:
        """The figures as one line: done (of total), articles/s, time left."""
        rate = self.rate
        of = f"/{self.total}" if self.total is not None else ""
        share = f" ({100 * self.done / self.total:.0f}%)" if self.total else ""
        left = ""
        if self.total is not None and rate > 0:
            left = f", ETA {_duration(max(0, self.total - self.done) / rate)}"
        return f"{self.label}: {self.done}{of} articles{share}, {rate:.1f} articles/s{left}"

    def update(self, done: int) -> None:
        """`done` articles are finished (processed or rejected) so far: after each batch."""
        self.done = done
        if self.total is not None and done > self.total:
            self.total = done
        if self._bar is not None:
            self._bar.update(self._task, completed=done, total=self.total, rate=f"{self.rate:.1f}")
        else:
            self.log(self.line())
