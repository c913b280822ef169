"""The web UI once more through a real browser: Chromium driven by Playwright against
`tellings serve` running in its own process over collections built from the examples
and from a hostile page.

Every page visited is also saved as a PNG, into a temporary folder, or into the folder
named by TELLINGS_SCREENSHOTS (`TELLINGS_SCREENSHOTS=docs/screenshots pytest
tests/test_web_browser.py` refreshes the README's pictures).
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, expect, sync_playwright

import tellings
from tellings.model import DocumentMeta

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 1280, "height": 900}
FULL_PAGE_UP_TO = 2400  # px: taller pages are saved as the first screenful
HOSTILE = """<!doctype html><html><head><title>Hostile page written for the tests</title></head>
<body><article>
<h1>Night raid on Camp Qwerty</h1>
<p>On 14 May 2012, gunmen stormed Camp Qwerty and killed 17 guards.
<script>window.pwned = 1</script></p>
<p>Residents said &lt;script&gt;alert("inline")&lt;/script&gt; was painted on a wall, and
<a href="javascript:window.pwned = 2">this link</a> and
<img src="x" onerror="window.pwned = 3"> were left on the page.</p>
<p>A second paragraph about the raid on Camp Qwerty follows, so the page has text.</p>
</article></body></html>
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def served(db: Path, log: Path) -> Iterator[str]:
    """`tellings --db DB serve` in a second process; yields its base URL once it answers."""
    port = free_port()
    with log.open("wb") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "tellings", "--db", str(db), "serve", "--port", str(port)],
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            if server.poll() is not None:
                pytest.fail(f"tellings serve exited with {server.returncode}:\n{log.read_text()}")
            try:
                with urllib.request.urlopen(f"{base}/api/sources", timeout=2):
                    break
            except (urllib.error.URLError, ConnectionError):
                if time.monotonic() > deadline:
                    pytest.fail(f"tellings serve did not answer within 30 s:\n{log.read_text()}")
                time.sleep(0.1)
        # It says where it listens, and that only this machine can connect.
        said = log.read_text(encoding="utf-8")
        assert f"http://127.0.0.1:{port}/" in said and "only this machine" in said
        yield base
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


@pytest.fixture(scope="module")
def examples_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("browser-examples")
    db = root / "examples.db"
    with tellings.open(db) as collection:
        report = collection.ingest(manifest=EXAMPLES / "manifest.csv")
        assert not report.failed
    with served(db, root / "serve.log") as base:
        yield base


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("browser-hostile")
    db = root / "hostile.db"
    page = root / "hostile.html"
    page.write_text(HOSTILE, encoding="utf-8")
    with tellings.open(db) as collection:
        collection.add_alias("camp-qwerty", "Camp Qwerty", kind="camp", parent="baghdad")
        report = collection.ingest([page], meta=DocumentMeta(source="Hostile Wire"))
        assert not report.failed
    with served(db, root / "serve.log") as base:
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} not found: the browser tests drive Debian's Chromium; install it with "
            "`apt-get install -y chromium` (./scripts/test does this)"
        )
    with sync_playwright() as playwright:
        found = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield found
        found.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A fresh page that fails the test on any script error or console error."""
    context = browser.new_context(viewport=VIEWPORT)
    opened = context.new_page()
    problems: list[str] = []
    opened.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    opened.on("dialog", lambda dialog: problems.append(f"dialog: {dialog.message}"))

    def console(message: ConsoleMessage) -> None:
        if message.type == "error":
            problems.append(f"console error: {message.text} at {message.location}")

    opened.on("console", console)
    yield opened
    context.close()
    assert not problems, problems


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    named = os.environ.get("TELLINGS_SCREENSHOTS")
    folder = Path(named) if named else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def shoot(page: Page, folder: Path, name: str) -> None:
    """Save the page as NAME.png: whole when it is short, else its first screenful."""
    height = page.evaluate("document.documentElement.scrollHeight")
    path = folder / f"{name}.png"
    page.screenshot(path=path, full_page=height <= FULL_PAGE_UP_TO, animations="disabled")
    assert path.stat().st_size > 10_000, f"{path} is nearly empty"


def api(base: str, path: str) -> Any:
    with urllib.request.urlopen(base + path, timeout=10) as response:
        return json.load(response)


def has_class(name: str) -> re.Pattern[str]:
    """A pattern matching a class attribute that includes `name`."""
    return re.compile(rf"(^|\s){re.escape(name)}(\s|$)")


def background(page: Page, selector: str) -> str:
    colour: str = page.eval_on_selector(selector, "el => getComputedStyle(el).backgroundColor")
    return colour


def test_timeline_event_and_document(examples_url: str, page: Page, screenshots: Path) -> None:
    page.goto(examples_url + "/")
    expect(page.locator("h1")).to_have_text("Timeline")
    expect(page.locator("#timeline-chart svg.timeline-chart")).to_be_visible()
    assert page.locator("#timeline-chart svg .event").count() > 3
    assert page.locator("tr.event-row a.event-link").count() > 10
    shoot(page, screenshots, "timeline")

    # The event with the most accounts of a killed figure in conflict.
    conflicts = api(examples_url, "/api/conflicts?measure=killed")["items"]
    assert conflicts, "the examples disagree about the dead"
    event_id = max(
        {c["event"] for c in conflicts},
        key=lambda e: [c["event"] for c in conflicts].count(e),
    )
    page.click(f'tr.event-row a.event-link[href="/events/{event_id}"]')
    page.wait_for_url(f"**/events/{event_id}")
    killed = page.locator("section#measure-killed")
    expect(killed.locator("figure.interval-chart svg")).to_be_visible()
    assert killed.locator("figure.interval-chart svg .row").count() >= 2
    rows = killed.locator("table.side-by-side tbody tr.account")
    assert rows.count() >= 2
    assert killed.locator("table.side-by-side tr.account.conflict").count() >= 2
    for i in range(rows.count()):
        cells = rows.nth(i).locator("td")
        assert cells.nth(0).inner_text().strip(), "every account names its source"
        assert rows.nth(i).locator("a.quote-link").inner_text().strip()
    expect(killed.locator("p.conflict-reason").first).to_contain_text("cannot")
    shoot(page, screenshots, "event")

    link = killed.locator("a.quote-link").first
    quote = link.inner_text()
    href = link.get_attribute("href")
    assert href and "#claim-" in href
    document_path, claim = href.split("#")
    link.click()
    page.wait_for_url(f"**{document_path}#{claim}")
    target = page.locator(f"mark.claim#{claim}")
    expect(target).to_have_text(quote)
    expect(target).to_have_class(has_class("current"))
    assert target.evaluate("el => el.matches(':target')")
    plain = "article.stored-text > mark.claim:not(:target):not(.current):not(:has(mark))"
    assert background(page, f"mark#{claim}") != background(page, plain)
    expect(page.locator("#claim-detail .claim-item")).to_have_attribute(
        "data-claim", claim.removeprefix("claim-")
    )
    page.evaluate("window.scrollTo(0, 0)")
    shoot(page, screenshots, "document")

    other = page.locator(
        f"article.stored-text > mark.claim:not([data-claim='{claim.removeprefix('claim-')}'])"
        ":not(:has(mark))"
    ).first
    other_id = other.get_attribute("data-claim")
    other.click()
    detail = page.locator("#claim-detail .claim-item")
    expect(detail).to_have_attribute("data-claim", str(other_id))
    expect(detail.locator(".claim-quote")).to_have_text(f"“{other.inner_text()}”")
    expect(other).to_have_class(has_class("current"))
    expect(page.locator(f"#detail-{other_id}")).to_have_class(has_class("current"))


def test_search_from_the_header(examples_url: str, page: Page, screenshots: Path) -> None:
    page.goto(examples_url + "/sources")
    box = page.locator("header form.search input[name=q]")
    box.fill("rockets")
    box.press("Enter")
    page.wait_for_url("**/search?q=rockets")
    hits = page.locator("ol.hits li.hit")
    expect(hits.first).to_be_visible()
    assert hits.count() >= 2
    marked = page.locator("ol.hits .snippet mark")
    assert marked.count() >= hits.count()
    assert {m.lower() for m in marked.all_inner_texts()} == {"rockets"}
    hits.first.locator("a").first.click()
    page.wait_for_url("**/documents/*")
    expect(page.locator("article.stored-text")).to_contain_text("rockets")
    page.go_back()
    shoot(page, screenshots, "search")


@pytest.mark.parametrize(
    ("path", "name", "content"),
    [
        ("/conflicts", "conflicts", "ol.conflicts li.conflict-item .vs"),
        ("/sources", "sources", "table.sources tbody tr"),
        ("/places", "places", "figure.map svg circle.place"),
    ],
)
def test_overview_pages(
    examples_url: str, page: Page, screenshots: Path, path: str, name: str, content: str
) -> None:
    page.goto(examples_url + path)
    expect(page.locator("header nav a[aria-current=page]")).to_have_attribute("href", path)
    expect(page.locator(content).first).to_be_visible()
    assert page.locator(content).count() >= 3
    shoot(page, screenshots, name)


def test_chart_text_is_readable(examples_url: str, page: Page) -> None:
    """Chart labels keep a body-text size whatever units a chart is drawn in."""
    event = api(examples_url, "/api/conflicts")["items"][0]["event"]
    for path in ("/", f"/events/{event}", "/places", "/sources"):
        page.goto(examples_url + path)
        labels = page.locator("figure.chart svg text")
        assert labels.count() > 0, path
        for box in labels.evaluate_all("els => els.map(el => el.getBoundingClientRect().height)"):
            assert 6 < box < 30, f"{path}: a chart label {box:.0f} px tall"


def test_a_hostile_page_stays_text(hostile_url: str, page: Page) -> None:
    documents = api(hostile_url, "/api/documents")["items"]
    (document,) = documents
    page.goto(f"{hostile_url}/documents/{document['id']}")
    text = page.locator("article.stored-text")
    expect(text).to_contain_text('<script>alert("inline")</script> was painted on a wall')
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert text.locator("script, img, [onerror], [onclick], a[href^='javascript:']").count() == 0
    assert page.locator("mark.claim").count() >= 1
    page.locator("mark.claim").first.click()
    expect(page.locator("#claim-detail .claim-item")).to_be_visible()
    page.goto(f"{hostile_url}/search?q=painted")
    expect(page.locator(".snippet").first).to_contain_text("painted")
    assert page.evaluate("typeof window.pwned") == "undefined"
