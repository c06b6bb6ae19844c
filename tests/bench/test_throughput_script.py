"""bench/throughput.py runs end to end and prints the keys the README's Performance section reports."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from paths import REPO


@pytest.mark.slow
@pytest.mark.model
def test_the_benchmark_prints_one_json_object_whose_ratios_follow_from_its_speeds() -> None:
    done = subprocess.run(
        [sys.executable, "bench/throughput.py", "--articles", "40", "--json", "--skip-run", "--skip-full"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    )
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    assert figures["articles"] == 40 and figures["words"] > 1000
    for key in ("bare_wps", "extract_wps", "extract2_wps"):
        assert figures[key] > 0
    assert figures["ratio_extract_vs_bare"] == pytest.approx(
        figures["extract_wps"] / figures["bare_wps"], rel=0.01
    )
    assert figures["ratio_2proc_vs_1proc"] == pytest.approx(
        figures["extract2_wps"] / figures["extract_wps"], rel=0.01
    )
    assert 0 <= figures["date_share"] < 1
