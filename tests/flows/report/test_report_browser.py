"""The report in a real browser: Debian's Chromium, headless, driven by Playwright.

The page must draw (a non-blank 1400x900 screenshot once every chart has drawn), log no console
error, request nothing but its own file, show the numbers pandas computes from the same Parquet
data, and list every report of a place when its circle on the map is clicked.
"""

from __future__ import annotations

import base64
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from report_roots import write_incidents

from bench.report import CHROMIUM_ARGS
from flows.report.command import write_report

CHROMIUM = "/usr/bin/chromium"
pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium (.ci/run installs it)"),
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def open_report(browser: Any, path: Path) -> tuple[Any, list[str], list[str]]:
    """The page once every chart has drawn, its console errors and every URL it requested."""
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    errors: list[str] = []
    requests: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: requests.append(r.url))
    page.goto(path.as_uri())
    page.wait_for_selector("body[data-ready='1']", timeout=30_000)
    return page, errors, requests


def distinct_colours(browser: Any, png: bytes) -> int:
    """Colours in a PNG, counted by the browser itself (a blank page has one)."""
    page = browser.new_page()
    count: int = page.evaluate(
        """async (b64) => {
            const img = new Image(); img.src = "data:image/png;base64," + b64; await img.decode();
            const c = document.createElement("canvas"); c.width = img.width; c.height = img.height;
            const g = c.getContext("2d"); g.drawImage(img, 0, 0);
            const px = g.getImageData(0, 0, c.width, c.height).data; const seen = new Set();
            for (let i = 0; i < px.length; i += 4 * 7) seen.add((px[i] << 16) | (px[i + 1] << 8) | px[i + 2]);
            return seen.size; }""",
        base64.b64encode(png).decode(),
    )
    page.close()
    return count


def test_the_page_draws_offline_without_errors_and_shows_the_numbers_of_pandas(
    browser: Any, events_root: str, tmp_path: Path
) -> None:
    path = tmp_path / "report.html"
    write_report(events_root, str(path))
    page, errors, requests = open_report(browser, path)
    png = page.screenshot()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and distinct_colours(browser, png) > 50
    assert errors == []
    assert requests == [path.as_uri()]
    events = pd.read_parquet(Path(events_root, "events"), dtype_backend="pyarrow")
    killed = int(events[events["event_type"] == "casualties"]["count"].sum())
    shown = {
        k: page.inner_text(f"[data-figure={k}]") for k in ("incidents", "reports", "fatalities", "sources")
    }
    assert shown == {
        "incidents": f"{len(events):,}",
        "reports": f"{len(events):,}",
        "fatalities": f"{killed:,}",
        "sources": str(events["url"].str.extract(r"https://([^/]+)/")[0].nunique()),
    }
    embedded = page.evaluate("JSON.parse(document.getElementById('sitrep-data').textContent)")
    assert embedded["headline"]["fatalities_best"] == killed
    assert page.inner_text("[data-figure=undated]") == f"{100 * events['event_date'].isna().mean():.1f}%"
    assert page.locator("#latest-body tr").count() == 200
    assert page.locator("#weekly .bars path").count() > 0 and page.locator("#map .point").count() > 0
    page.close()


def test_clicking_a_place_lists_every_report_of_its_incidents(
    browser: Any, events_root: str, tmp_path: Path
) -> None:
    root = tmp_path / "data"
    shutil.copytree(events_root, root)
    write_incidents(str(root))
    path = tmp_path / "report.html"
    write_report(str(root), str(path), title="incidents")
    page, errors, requests = open_report(browser, path)
    page.evaluate("document.getElementById('map-detail').innerHTML = ''")  # the first place is shown
    page.locator("#map").scroll_into_view_if_needed()
    box = page.locator("#map .scatterlayer .trace:nth-child(2) .point").last.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_selector("#map-detail h2")
    heading = page.inner_text("#map-detail h2")
    embedded = page.evaluate("JSON.parse(document.getElementById('sitrep-data').textContent)")
    marker = next(m for m in embedded["map"]["markers"] if heading == f"{m['place']} · {m['type']}")
    hrefs = page.eval_on_selector_all("#map-detail .links a", "links => links.map(a => a.href)")
    assert hrefs == [u for d in marker["details"] for u in d["urls"]] and hrefs
    assert (
        page.inner_text("[data-figure=incidents]") == "3" and page.inner_text("[data-figure=reports]") == "6"
    )
    assert errors == [] and requests == [path.as_uri()]
    page.close()
