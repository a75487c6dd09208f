"""A parent and a CJG worker, each in a real browser (Debian's Chromium, driven by Playwright).

The parent tells Marina's story (seed 000) in the chat page, the triage ends
at C and she consents; the worker logs in to /staff in a second browser
context, sees the hand-off appear with its summary, claims it and replies;
the parent sees the reply live; the worker closes and the parent is back with
the assistant. Screenshots of both screens go to results/browser/.
"""

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from bot.content import current_content
from bot.stack import Stack
from tests.integration.conftest import WORKER_PASSWORD
from tests.integration.test_triage import MARINA_ANSWERS, MARINA_OPENING

pytestmark = pytest.mark.stack

SHOTS = Path(__file__).resolve().parents[2] / "results" / "browser"
CHROMIUM = os.environ.get("CJG_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
# Chromium's own background traffic is refused on a closed network; these switch it off.
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]  # fmt: skip
TIMEOUT_MS = 60_000


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        yield launched
        launched.close()


class Parent:
    """The chat page, used as a parent would: typing, and tapping the buttons the assistant shows."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.replies = page.locator("li.msg--bot")

    def _wait_for_more(self, before: int) -> None:
        expect(self.replies.nth(before)).to_be_visible(timeout=TIMEOUT_MS)
        self.page.wait_for_load_state("networkidle")

    def says(self, text: str) -> None:
        before = self.replies.count()
        self.page.fill("#text", text)
        self.page.keyboard.press("Enter")
        self._wait_for_more(before)

    def taps(self, title: str) -> None:
        before = self.replies.count()
        self.replies.last.get_by_role("button", name=title, exact=True).click()
        self._wait_for_more(before)

    def last_text(self) -> str:
        return self.replies.last.inner_text()


def _button(question: str, value: str) -> str:
    return next(o.button for o in current_content().triage.questions[question].answers if o.value == value)


def test_a_parent_and_a_worker_in_two_browsers(browser: Browser, stack: Stack) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    triage = current_content().triage
    parent_page = browser.new_context(viewport={"width": 420, "height": 900}).new_page()
    parent_page.goto(f"{stack.gateway_url}/")
    parent = Parent(parent_page)
    expect(parent.replies.first).to_contain_text("digitale assistent", timeout=TIMEOUT_MS)
    # The day-and-night lines are one tap away in the header, whatever the safety net makes of a message.
    help_panel = parent_page.locator("#help")
    help_panel.locator("summary").click()
    for line in current_content().crisis.lines.values():
        expect(help_panel).to_contain_text(line.text)

    # The worker opens the inbox first, so a live chat is offered.
    worker = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    worker.goto(f"{stack.gateway_url}/staff")
    worker.fill("#username", "anna")
    worker.fill("#password", WORKER_PASSWORD)
    worker.locator("#login button[type=submit]").click()
    expect(worker.locator("#queue")).to_be_visible(timeout=TIMEOUT_MS)

    try:
        parent.says(MARINA_OPENING)
        parent.says("Kun je met me meekijken wat ik kan doen?")
        for _ in range(12):  # answer each question as it comes; the skipped ones never come
            question = parent.replies.last.get_attribute("data-question")
            if question is None:
                break
            answer = MARINA_ANSWERS[question]
            if isinstance(answer, list):
                for value in answer:
                    parent.taps(_button(question, value))
                parent.taps(triage.questions[question].done_button)
            elif answer.startswith("tekst:"):
                parent.says(answer.removeprefix("tekst:"))
            else:
                parent.taps(_button(question, answer))
        expect(parent.page.locator("li.msg--bot", has_text="Het lukt je nu niet meer")).to_be_visible()
        parent.taps(triage.handoff_buttons["C"][0].title)  # "Ja, verbind me door"
        parent.taps("Ja, dat is goed")
        parent.says("Dat de kinderen weer rustig slapen en dat ik het overzicht terugkrijg")
        parent.says("Ik ben er elke dag voor ze")
        expect(parent.replies.last).to_contain_text("aan de beurt")

        item = worker.locator("#queue .queue-item[data-level=C]").first
        expect(item).to_be_visible(timeout=TIMEOUT_MS)  # appears without a reload
        item.click()
        summary = worker.locator("#summary")
        for fact in ("Niveau C", "Het lukt je nu niet meer", "kind van 9 jaar", "Geldzorgen", "overzicht terugkrijg"):
            expect(summary).to_contain_text(fact, timeout=TIMEOUT_MS)
        worker.click("#claim")
        expect(parent.replies.last).to_contain_text("opgepakt", timeout=TIMEOUT_MS)
        worker.fill("#reply-text", "Hoi, ik ben Anna van het CJG. Ik heb gelezen wat je vertelde.")
        worker.locator("#reply button[type=submit]").click()
        expect(parent.page.locator("li.msg--worker")).to_contain_text(
            "Ik heb gelezen wat je vertelde", timeout=TIMEOUT_MS
        )
        parent.page.fill("#text", "Fijn, dank je wel")
        parent.page.keyboard.press("Enter")
        expect(worker.locator("#live")).to_contain_text("Fijn, dank je wel", timeout=TIMEOUT_MS)
        worker.screenshot(path=str(SHOTS / "worker-inbox-live.png"), full_page=True)
        parent.page.screenshot(path=str(SHOTS / "parent-chat-live.png"), full_page=True)

        worker.select_option("#outcome", "afspraak_gemaakt")
        worker.fill("#note", "Intakegesprek gepland.")
        worker.locator("#close button[type=submit]").click()
        expect(parent.replies.last).to_contain_text("weer met de digitale assistent", timeout=TIMEOUT_MS)
        parent.says("mijn dochter van 2 wil niet slapen")
        tip = current_content().answer("slapen", "0-4").tips[0]
        expect(parent.page.locator("li.msg--bot", has_text=tip[:40])).to_be_visible(timeout=TIMEOUT_MS)
    finally:  # the last state of both screens, also when a step failed
        worker.screenshot(path=str(SHOTS / "worker-inbox.png"), full_page=True)
        parent.page.screenshot(path=str(SHOTS / "parent-chat.png"), full_page=True)
