"""Peak memory of one long-lived `sitrep serve` process over many ad-hoc runs of varied input.

    python bench/serve_memory.py --runs 50 --articles 20 [--json]

Starts a Prefect server (own PREFECT_HOME in a temporary folder) and `sitrep serve` against it,
then triggers `sitrep-pipeline/adhoc` `--runs` times, one after the other, each on a new input
file: synthetic news articles (bench/corpus.py, a new seed per run) plus a paragraph of invented
names never seen before, so the vocabulary keeps growing as it would over months of news. A
sampling thread reads the resident memory (RSS) of the serve process, and of the serve process
with its children (Prefect's runner executes each flow run in a child process), every 0.2 s.

Printed: the peak after each run, and the growth of the peak from the first run to the last.
A benchmark, not a test: it takes about 15 s per run on this project's 2-core machine.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import string
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import psutil

from bench.corpus import CorpusSpec, make_articles
from extractors.schema import to_row
from flows.serve import free_port, local_server

BIN = Path(sys.executable).parent
DEPLOYMENT = "sitrep-pipeline/adhoc"
SAMPLE_SECONDS = 0.2


@dataclass
class Peaks:
    """Peak RSS (MB) seen while each run was in progress: the serve process, and with its children."""

    serve: list[float] = field(default_factory=list)
    tree: list[float] = field(default_factory=list)

    def growth(self, values: list[float]) -> float:
        """Last run's peak over the first run's, in percent (+ = grew)."""
        return round(100 * (values[-1] / values[0] - 1), 1) if values else 0.0


class Sampler:
    """Samples the RSS of a process (and of it with its children) in a background thread."""

    def __init__(self, pid: int) -> None:
        self.process = psutil.Process(pid)
        self.serve = self.tree = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)
        self._thread.start()

    def take(self) -> tuple[float, float]:
        """Peaks since the last call, in MB; resets them."""
        peaks = (self.serve / 2**20, self.tree / 2**20)
        self.serve = self.tree = 0
        return round(peaks[0], 1), round(peaks[1], 1)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(5)

    def _loop(self) -> None:
        while not self._stop.wait(SAMPLE_SECONDS):
            with contextlib.suppress(psutil.Error):
                own = self.process.memory_info().rss
                children = 0
                for child in self.process.children(recursive=True):
                    with contextlib.suppress(psutil.Error):
                        children += child.memory_info().rss
                self.serve, self.tree = max(self.serve, own), max(self.tree, own + children)


def invented_names(rng: random.Random, count: int) -> str:
    """A paragraph of capitalized made-up names: strings no run has seen before."""
    names = [
        "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(5, 10))).capitalize()
        for _ in range(count)
    ]
    return "Residents named " + ", ".join(names) + " among the displaced."


def write_input(path: Path, run: int, articles: int) -> None:
    rng = random.Random(run)
    rows = []
    for index, article in enumerate(make_articles(CorpusSpec(articles=articles, seed=1000 + run))):
        row = to_row(article)
        text = f"{article.text}\n\n{invented_names(rng, 60)}"
        rows.append({"id": f"r{run:03d}-{index:03d}", "text": text, "published": str(row["published"])})
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


@contextlib.contextmanager
def serving(home: Path, api: str, config: Path) -> Iterator[subprocess.Popen[bytes]]:
    env = {
        **os.environ,
        "PREFECT_HOME": str(home),
        "PREFECT_API_URL": api,
        "PREFECT_LOGGING_LEVEL": "WARNING",
    }
    with (home / "serve.log").open("wb") as log:
        process = subprocess.Popen(
            [str(BIN / "sitrep"), "serve", "--config", str(config)],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(f"{api}/deployments/name/{DEPLOYMENT}", timeout=5).status_code == 200:
                    break
            if process.poll() is not None:
                raise RuntimeError(f"sitrep serve exited: {(home / 'serve.log').read_text()}")
            time.sleep(1)
        yield process
    finally:
        process.terminate()
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(60)
        if process.poll() is None:
            process.kill()


def measure(runs: int, articles: int, quiet: bool) -> dict[str, object]:
    from prefect.deployments import run_deployment
    from prefect.settings import PREFECT_API_URL, temporary_settings

    with tempfile.TemporaryDirectory(prefix="sitrep-serve-memory-") as folder:
        work = Path(folder)
        home = work / "prefect-home"
        home.mkdir()
        config = work / "sitrep.toml"
        config.write_text(f'out = "{work / "data"}"\ninput = "{work / "input-000.jsonl"}"\n')
        os.environ["PREFECT_HOME"] = str(home)
        with (
            (home / "server.log").open("wb") as log,
            local_server(free_port(), log=log, timeout=180) as api,
            serving(home, api, config) as process,
            temporary_settings(updates={PREFECT_API_URL: api}),
        ):
            sampler, peaks = Sampler(process.pid), Peaks()
            seconds: list[float] = []
            for run in range(runs):
                path = work / f"input-{run:03d}.jsonl"
                write_input(path, run, articles)
                started = time.monotonic()
                flow_run: Any = run_deployment(DEPLOYMENT, parameters={"input": str(path)}, timeout=900)
                state = flow_run.state.type.value if flow_run.state else "?"
                if state != "COMPLETED":
                    raise RuntimeError(f"run {run}: {state}: {(home / 'serve.log').read_text()[-2000:]}")
                seconds.append(round(time.monotonic() - started, 1))
                serve_peak, tree_peak = sampler.take()
                peaks.serve.append(serve_peak)
                peaks.tree.append(tree_peak)
                if not quiet:
                    print(
                        f"run {run + 1:3d}: serve {serve_peak:7.1f} MB, "
                        f"with children {tree_peak:7.1f} MB, {seconds[-1]:5.1f} s",
                        flush=True,
                    )
            sampler.stop()
    return {
        "runs": runs,
        "articles_per_run": articles,
        "serve_peak_mb": peaks.serve,
        "tree_peak_mb": peaks.tree,
        "serve_growth_percent": peaks.growth(peaks.serve),
        "tree_growth_percent": peaks.growth(peaks.tree),
        "serve_max_over_first_percent": round(100 * (max(peaks.serve) / peaks.serve[0] - 1), 1),
        "seconds_per_run": seconds,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=50, help="ad-hoc runs to trigger (default 50)")
    parser.add_argument("--articles", type=int, default=20, help="articles per run (default 20)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    figures = measure(args.runs, args.articles, quiet=args.json)
    if args.json:
        print(json.dumps(figures))
    else:
        print(
            f"serve process peak: first run {figures['serve_peak_mb'][0]} MB "  # type: ignore[index]
            f"-> last {figures['serve_peak_mb'][-1]} MB ({figures['serve_growth_percent']:+} %); "  # type: ignore[index]
            f"with its children: {figures['tree_growth_percent']:+} %"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
