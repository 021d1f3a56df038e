"""The app in a real headless Chromium: ask, see the cited answer, open the source, copy the memo,
follow up, use the goal overview and the eval page, switch to English.

Needs Debian's chromium (`apt-get install -y chromium`); skipped when it is missing.
Screenshots go to artifacts/screenshots/ (gitignored). Timings are printed; the targets of issue 12 are
asserted: cold start with an existing index ≤ 10 s, no placeholder bars > 200 ms after the answer's caption.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.ui.conftest import ROOT

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SHOTS = ROOT / "artifacts" / "screenshots"
BOND_Q = "Hur stor var den sociala obligationen?"
COLD_START_S = 10.0
PLACEHOLDER_MS = 200.0

pytestmark = [
    pytest.mark.browser,
    # CI sets REQUIRE_BROWSER=1 (.ci/run installs chromium): there a missing browser fails instead of skipping
    pytest.mark.skipif(not Path(CHROMIUM).exists() and not os.environ.get("REQUIRE_BROWSER"),
                       reason=f"no Chromium at {CHROMIUM} (apt-get install chromium)"),
]


def serve_cmd(port: int, *extra: str) -> list[str]:
    """The app as `make run` should start it: index warmed at server start (assistant.ui.warm)."""
    return [sys.executable, "-m", "assistant.ui.warm", "--server.port", str(port), "--server.headless", "true",
            "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false", *extra]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def stop(proc: subprocess.Popen, log: Any) -> None:
    """End a test server (kill it if it does not stop in 10 s) and close its log."""
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()
    log.close()


def _wait_health(url: str, proc: subprocess.Popen, timeout: float) -> float:
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < timeout:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=1) as r:
                if r.status == 200:
                    return time.perf_counter() - t0
        except OSError:
            time.sleep(0.1)
    raise TimeoutError("streamlit did not become healthy")


@pytest.fixture(scope="module")
def server(first_load, data_dir: Path) -> Iterator[dict]:
    """`streamlit run` on a free port with the session's prebuilt data dir."""
    port = _free_port()
    SHOTS.mkdir(parents=True, exist_ok=True)
    log = (SHOTS.parent / "streamlit-browser-test.log").open("w")
    env = {**os.environ, "ASSISTANT_DATA_DIR": str(data_dir), "ASSISTANT_EVAL_DIR": str(data_dir / "eval-browser")}
    t0 = time.perf_counter()
    proc = subprocess.Popen(serve_cmd(port), cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        health_s = _wait_health(url, proc, 60)
        yield {"url": url, "t0": t0, "health_s": health_s, "log": log.name}
    finally:
        stop(proc, log)


@pytest.fixture(scope="module")
def page(server: dict):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        context = browser.new_context(viewport={"width": 1360, "height": 1000}, locale="sv-SE")
        pg = context.new_page()
        pg.set_default_timeout(30_000)
        yield pg
        context.close()
        browser.close()


def _shot(page, name: str, full: bool = False) -> None:
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=full)


def _ask(page, question: str) -> float:
    """Type and submit; seconds until the new answer's first words are visible."""
    n_before = page.locator('[data-testid="stChatMessage"]').count()
    box = page.get_by_test_id("stChatInputTextArea")
    box.fill(question)
    t0 = time.perf_counter()
    box.press("Enter")
    # the user's bubble and the assistant's bubble appear; wait for words in the assistant's
    page.wait_for_function(
        """n => { const m = document.querySelectorAll('[data-testid="stChatMessage"]');
                  return m.length >= n + 2 && m[n + 1].innerText.trim().split(/\\s+/).length >= 3; }""",
        arg=n_before, polling=20)
    return time.perf_counter() - t0


def _wait_idle(page) -> None:
    """Until the script run is over (the status widget's "running" indicator is gone)."""
    page.wait_for_timeout(200)
    page.wait_for_function(
        """() => !document.querySelector('[data-testid="stStatusWidget"] [data-testid="stStatusWidgetRunningIcon"]')
                 && !document.querySelector('[data-stale="true"]')""", timeout=60_000)
    page.wait_for_timeout(300)  # charts and fonts settle


# Records, per animation frame, when the new answer's caption ("Sökt i: …") first shows and the last
# frame in which any grey placeholder (skeleton) is still visible after that.
PLACEHOLDER_PROBE = """n0 => {
  const probe = window.__ph = {caption: null, lastPh: null, stop: false};
  const tick = () => {
    const now = performance.now();
    const msgs = document.querySelectorAll('[data-testid="stChatMessage"]');
    if (probe.caption === null && msgs.length >= n0 + 2) {
      const caps = msgs[msgs.length - 1].querySelectorAll('[data-testid="stCaptionContainer"]');
      if ([...caps].some(c => /Sökt i|Searched in/.test(c.innerText))) probe.caption = now;
    }
    if (probe.caption !== null) {
      const ph = [...document.querySelectorAll('[data-testid="stSkeleton"], [class*="Skeleton"]')]
        .filter(e => e.getClientRects().length > 0);
      if (ph.length) {
        probe.lastPh = now;
        probe.what = ph.map(e => {
          let p = e, path = [];
          while (p && path.length < 8) { if (p.dataset && p.dataset.testid) path.push(p.dataset.testid); p = p.parentElement; }
          return path.join('<');
        });
      }
    }
    if (!probe.stop) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}"""


def _placeholder_ms(page) -> float:
    """Milliseconds that placeholder bars were still visible after the answer's caption appeared."""
    r = page.evaluate("() => { window.__ph.stop = true; return window.__ph; }")
    assert r["caption"] is not None, "the answer's caption never appeared"
    return 0.0 if r["lastPh"] is None else max(0.0, r["lastPh"] - r["caption"])


def test_official_flow_in_real_browser(server: dict, page) -> None:
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    page.goto(server["url"])
    page.get_by_test_id("stChatInputTextArea").wait_for()
    ready_s = time.perf_counter() - server["t0"]
    page.get_by_text("Ställ en fråga om rapporten").wait_for()
    _shot(page, "01-start")
    assert ready_s <= COLD_START_S, f"cold start with an existing index took {ready_s:.1f} s"

    # ask: the answer, its number and its page; no grey placeholder bars once the caption is there
    page.evaluate(PLACEHOLDER_PROBE, page.locator('[data-testid="stChatMessage"]').count())
    first_s = _ask(page, BOND_Q)
    answer = page.locator(".answer-text").last
    answer.wait_for()
    assert "600" in answer.inner_text()
    cite = answer.locator("a.cite-ref").first
    assert "s. 28" in cite.inner_text()
    _wait_idle(page)
    placeholder_ms = _placeholder_ms(page)
    assert placeholder_ms <= PLACEHOLDER_MS, (f"placeholder bars {placeholder_ms:.0f} ms after the caption: "
                                              f"{page.evaluate('() => window.__ph.what')}")
    assert page.get_by_text("Säkert svar").count() >= 1
    _shot(page, "02-answer")

    # the memo as a Word file: it opens with python-docx and holds the cited page
    page.get_by_text("Kopiera till PM").last.click()
    word = page.get_by_role("button", name="Ladda ner som Word (.docx)").last
    word.wait_for()
    _wait_idle(page)
    try:
        with page.expect_download(timeout=15_000) as dl:
            word.click()
    except PlaywrightTimeout:
        # With both cores busy, about 1 run in 8 lost this first click: no request reached the server and
        # the page logged nothing (cause not found). The memo must still download, on a second click.
        print("[ui] the Word download needed a second click")
        with page.expect_download(timeout=15_000) as dl:
            word.click()
    from docx import Document

    doc = Document(dl.value.path())
    assert any("Kommunstyrelsen, s. 28." in p.text for p in doc.paragraphs)
    page.get_by_text("Kopiera till PM").last.click()  # closed again for the steps below

    # one click from the claim to its source: the marker jumps to the source card, the cited sentence marked
    cite.click()
    card = page.locator('[data-testid="stMarkdownContainer"]', has=page.locator('[id^="src-"]')).last
    assert "[1] s. 28" in card.inner_text()
    assert card.evaluate("e => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; }"), \
        "the chip did not scroll to its source card"
    mark = page.locator(".cite-passage mark").first
    assert "600 miljoner kronor" in mark.inner_text()
    page.get_by_text("Visa hela sidan 28").last.click()
    page.get_by_text("Lorensborgs centrum").last.wait_for()  # a text source: the page text, quote marked
    _shot(page, "03-source")

    # memo text read from the page's DOM (the st.code block with the copy button)
    page.get_by_text("Kopiera till PM").last.click()
    code = page.locator('[data-testid="stChatMessage"] [data-testid="stCode"]').first
    code.wait_for()
    memo = code.inner_text()
    assert "600 miljoner kronor.¹" in memo
    assert "¹ Källa: Malmö stad, Delårsrapport 2025, Kommunstyrelsen, s. 28." in memo
    code.scroll_into_view_if_needed()
    _shot(page, "04-memo")

    # follow-up resolved from the conversation
    follow_s = _ask(page, "När gavs den ut?")
    page.wait_for_function("() => document.querySelectorAll('.answer-text').length >= 2")
    second = page.locator(".answer-text").nth(1).inner_text()
    assert "Det framgår inte" not in second and len(second) > 20, \
        f"the follow-up was refused by the answerer (history was passed): {second!r}"
    _wait_idle(page)
    warm_s = _ask(page, "Vilket helårsresultat prognostiseras för kommunstyrelsen?")
    _wait_idle(page)
    _shot(page, "05-follow-up")

    # goal overview: twelve goals, ask about one
    page.locator('[data-testid="stSidebarNav"] a', has_text="Målöversikt").click()
    page.get_by_text("Kommunfullmäktiges mål för kommunstyrelsen").wait_for()
    buttons = page.get_by_role("button", name="Fråga om målet")
    buttons.nth(11).wait_for()
    _wait_idle(page)
    assert buttons.count() == 12
    _shot(page, "06-goals", full=True)
    buttons.first.click()
    page.get_by_test_id("stChatInputTextArea").wait_for()
    page.locator(".answer-text").filter(has_text="Förväntas uppnås").last.wait_for()
    _wait_idle(page)
    _shot(page, "07-goal-answer")

    # an obviously unanswerable question: if refused, it must not look cited (no chips, no sources)
    _ask(page, "Vad blir vädret i Malmö imorgon?")
    _wait_idle(page)
    last = page.locator('[data-testid="stChatMessage"]').last
    if "Det framgår inte" in last.inner_text():
        assert last.locator("a.cite-ref").count() == 0 and last.get_by_text("Kopiera till PM").count() == 0
        assert last.get_by_text("Inget svar i rapporten").count() == 1

    # a paste over the limit: a clear message, and the text is still there to shorten
    long_q = "Hur stor var den sociala obligationen? " + "lång text " * 230
    box = page.get_by_test_id("stChatInputTextArea")
    box.fill(long_q)
    box.press("Enter")
    page.get_by_text("får plats").wait_for()
    assert page.locator("textarea").filter(has_text="lång text").first.input_value() == long_q
    _shot(page, "05b-too-long")

    # eval page: the hint points up at the button, which is above it
    page.locator('[data-testid="stSidebarNav"] a', has_text="Utvärdering").click()
    page.get_by_text("Utvärdering av svaren").wait_for()
    if page.get_by_text("Ingen utvärdering har körts ännu").count():
        assert page.get_by_text("knappen ovan").count() == 1 and page.get_by_text("knappen nedan").count() == 0

    # eval page: run five questions with the progress bar, see metrics and charts
    page.locator('[data-testid="stSidebarNav"] a', has_text="Utvärdering").click()
    page.get_by_text("Utvärdering av svaren").wait_for()
    page.get_by_label("Antal frågor (0 = alla)").fill("5")
    page.get_by_label("Antal frågor (0 = alla)").press("Enter")
    _wait_idle(page)
    page.get_by_role("button", name="Kör utvärderingen").click()
    page.get_by_text("Utvärderingen är klar.").wait_for(timeout=120_000)
    page.get_by_text("Per frågetyp").wait_for()
    _wait_idle(page)
    _shot(page, "08-eval", full=True)
    # metric labels are whole, not cut with an ellipsis
    for label in page.locator('[data-testid="stMetricLabel"]').all():
        assert label.evaluate("e => e.scrollWidth <= e.clientWidth + 1"), label.inner_text()

    # English UI
    page.locator('[data-testid="stSidebarNav"] a', has_text="Fråga rapporten").click()
    page.get_by_test_id("stChatInputTextArea").wait_for()
    page.locator('[data-testid="stSidebar"]').get_by_text("English", exact=True).click()
    page.get_by_text("Ask the report").first.wait_for()
    page.get_by_text("Limit the search").wait_for()
    assert page.get_by_test_id("stChatInputTextArea").get_attribute("placeholder").startswith("Type your question")
    _wait_idle(page)
    _shot(page, "09-english")

    log_text = Path(server["log"]).read_text(errors="replace")
    assert "inotify" not in log_text and ".venv" not in log_text, "the file watcher is at work again"
    print(f"\n[ui timings] health {server['health_s']:.2f} s · cold start to ready page {ready_s:.2f} s · "
          f"first answer words {first_s:.2f} s · placeholders after caption {placeholder_ms:.0f} ms · "
          f"follow-up {follow_s:.2f} s · warm {warm_s:.2f} s")
