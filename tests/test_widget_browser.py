"""The chat widget as a site visitor uses it: Playwright driving Debian's
Chromium against the real servers (action server, Rasa server and the chat
page on free ports, with a throwaway tracker database).

Covered: the launcher opened with the keyboard, the notice, the greeting and
the live region; a whole assessment held by clicking choices and typing; the
outcome card with its sources (screenshots in artifacts/); the conversation
after a reload; the handoff card; HTML in an echoed and in a bot message
rendered inert; the server down then back; a restart; embedding on another
site with a configuration; axe-core finding no serious or critical violation
with the widget open and with the outcome card shown."""
import http.server
import json
import re
import threading
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
import requests

from bot.config import load_settings
from services.run import free_port, serve_chat_page, service_env, start_services, stop_all
from tests.axe import AXE, axe_violations

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parent.parent
MODEL = ROOT / "models" / "assistant.tar.gz"
WIDGET = ROOT / "web" / "dist" / "widget.js"
ARTIFACTS = ROOT / "artifacts"
TOKEN = "widget-e2e-token"
XSS = "<img src=x onerror=alert(1)>"
DEFAULT_PRIMARY = "rgb(11, 87, 164)"  # #0b57a4

# How the test answers each question, by the slot the bot asks for (read from
# the tracker, as tests/test_e2e_rest.py does): a choice to click or words to type.
ANSWERS = {
    "role": ("click", "Treating physician"),
    "country": ("type", "France"),
    "product_type": ("click", "A medicine"),
    "authorisation": ("click", "Not authorised there for any use"),
    "in_development": ("click", "No"),
    "in_company_trial": ("type", "no, she is not in any of your trials"),
    "trial_available": ("click", "No"),
    "serious_condition": ("type", "yes"),
    "alternatives_exhausted": ("click", "Yes"),
    "previously_treated": ("click", "No"),
    "contact_name": ("type", "Dr Claire Fontaine"),
    "contact_institution": ("type", "Hospices Civils de Lyon"),
    "contact_email": ("type", "claire.fontaine@chu-lyon.fr"),
    "contact_phone": ("type", "04 72 11 22 33"),
    "contact_time": ("type", "weekday mornings"),
    "contact_consent": ("click", "Yes, I agree"),
}


@dataclass
class Stack:
    chat_url: str
    rasa_url: str
    listed_origin: str  # in WIDGET_ORIGINS
    unlisted_origin: str

    @property
    def rest_url(self):
        return f"{self.rasa_url}/webhooks/rest/webhook"

    def tracker(self, sender):
        r = requests.get(f"{self.rasa_url}/conversations/{sender}/tracker", params={"token": TOKEN}, timeout=30)
        r.raise_for_status()
        return r.json()


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    assert MODEL.exists(), "train first: make train"
    assert WIDGET.exists() and AXE.exists(), "build the widget first: make web"
    listed, unlisted = f"http://127.0.0.1:{free_port()}", f"http://127.0.0.1:{free_port()}"
    settings = replace(
        load_settings(), host="127.0.0.1", rasa_port=free_port(), action_port=free_port(), chat_port=free_port(),
        rasa_api_token=TOKEN, tracker_db_url=str(tmp_path_factory.mktemp("db") / "tracker.db"),
        tracker_store_url="", lock_store_url="", widget_origins=(listed,),
    )
    env = service_env(settings)
    env.update({"DATABASE_URL": f"sqlite:///{tmp_path_factory.mktemp('access')}/access.db",
                "SMTP_HOST": "", "MAIL_DIR": str(tmp_path_factory.mktemp("mail"))})
    try:
        procs = start_services(settings, MODEL, env, tmp_path_factory.mktemp("logs"))
    except RuntimeError as exc:
        pytest.fail(str(exc), pytrace=False)
    httpd = serve_chat_page(settings)
    try:
        yield Stack(f"http://127.0.0.1:{settings.chat_port}", f"http://127.0.0.1:{settings.rasa_port}",
                    listed, unlisted)
    finally:
        httpd.shutdown()
        httpd.server_close()
        stop_all(procs)


@pytest.fixture
def page(browser, stack):  # noqa: F811
    """A fresh browser context (own sessionStorage); dialogs and console warnings are recorded."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(30_000)
    page.dialogs, page.warnings = [], []
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    page.on("console", lambda message: message.type == "warning" and page.warnings.append(message.text))
    yield page
    context.close()


# --------------------------------------------------------------------------- helpers
# Playwright's CSS locators pierce the widget's open shadow root.

def focused(locator) -> bool:
    return locator.evaluate("el => el.getRootNode().activeElement === el")


def bot_count(page) -> int:
    return page.locator(".ma-log > .ma-bot").count()


def wait_for_answer(page, before: int):
    """Until a new bot turn is shown and the widget is idle again."""
    page.wait_for_function(
        """before => {
            const root = document.querySelector('.managed-access-chat').shadowRoot;
            return root.querySelectorAll('.ma-log > .ma-bot').length > before
                && root.querySelector('.ma-root').dataset.state === 'idle';
        }""", arg=before)


def open_widget(page, stack):
    page.goto(stack.chat_url + "/")
    page.locator(".ma-launcher").click()
    page.wait_for_selector(".ma-log > .ma-bot")


def session_id(page) -> str:
    return page.evaluate("sessionStorage.getItem('managed-access-chat:session')")


def click_choice(page, title):
    before = bot_count(page)
    page.locator(".ma-choices").last.get_by_role("button", name=title, exact=True).click()
    wait_for_answer(page, before)


def type_message(page, text):
    before = bot_count(page)
    page.locator("#ma-input").fill(text)
    page.locator("#ma-input").press("Enter")
    wait_for_answer(page, before)


def answer_until(page, stack, done, limit=16):
    """Answer what the bot asks (requested_slot from the tracker) until done() holds."""
    for _ in range(limit):
        if done():
            return
        asked = stack.tracker(session_id(page))["slots"]["requested_slot"]
        assert asked in ANSWERS, f"unexpected question {asked!r}: {page.locator('.ma-log').inner_text()[-600:]}"
        how, value = ANSWERS[asked]
        click_choice(page, value) if how == "click" else type_message(page, value)
    assert done(), page.locator(".ma-log").inner_text()[-800:]


# --------------------------------------------------------------------------- tests

def test_the_launcher_opens_with_the_keyboard_with_the_notice_greeting_and_no_axe_violation(page, stack):
    page.goto(stack.chat_url + "/")
    launcher = page.locator(".ma-launcher")
    assert launcher.get_attribute("aria-expanded") == "false" and "Managed access assistant" in launcher.inner_text()
    for _ in range(10):
        page.keyboard.press("Tab")
        if focused(launcher):
            break
    assert focused(launcher), "the launcher is reachable with Tab"
    page.keyboard.press("Enter")
    assert launcher.get_attribute("aria-expanded") == "true"
    assert page.locator(".ma-panel").is_visible() and focused(page.locator("#ma-input"))
    notice = page.locator(".ma-notice").inner_text()
    for words in ("not medical advice", "identifies a patient", "report a side effect", "safety@example.com",
                  "replaced by labels", "reviewed by", "deleted after 365 days"):
        assert words in notice, words
    page.wait_for_selector(".ma-log > .ma-bot")
    assert "Hello! I can help" in page.locator(".ma-log").inner_text()
    # The greeting and its choices reach screen readers through the live region.
    live = page.locator(".ma-panel > [aria-live=polite]")
    assert "Hello! I can help" in live.inner_text() and "Choices:" in live.inner_text()
    assert axe_violations(page) == []

    # Escape closes the chat and gives the focus back to the launcher.
    page.keyboard.press("Escape")
    assert page.locator(".ma-panel").is_hidden() and focused(launcher)
    page.keyboard.press("Enter")
    assert focused(page.locator("#ma-input"))
    # The notice stays reachable.
    page.get_by_role("button", name="Information and privacy").click()
    assert focused(page.locator(".ma-notice"))
    # A choice answered with the keyboard: Shift+Tab from the message box reaches it.
    page.locator("#ma-input").focus()
    for _ in range(6):
        page.keyboard.press("Shift+Tab")
        if page.evaluate("document.querySelector('.managed-access-chat').shadowRoot.activeElement.className")\
                == "ma-choice":
            break
    before = bot_count(page)
    page.keyboard.press("Enter")
    wait_for_answer(page, before)
    # The answer came from a choice: the focus moves to the next question's first choice.
    assert focused(page.locator(".ma-choices").last.locator(".ma-choice").first)


def test_a_whole_assessment_by_clicks_and_typing_shows_the_outcome_card_and_survives_a_reload(page, stack):
    open_widget(page, stack)
    click_choice(page, "Yes, check a patient's options")
    card = page.locator(".ma-outcome")
    answer_until(page, stack, lambda: card.count() == 1)

    title = card.locator("h3").inner_text()
    assert "FR_AAC" in title and "Compassionate access authorisation" in title
    text = card.inner_text()
    assert "Eligible" in text and "Not eligible" not in text
    facts = dict(zip(card.locator("dt").all_inner_texts(), card.locator("dd").all_inner_texts()))
    assert facts["Country"] == "France" and facts["Channel"] == "e-Saturne" and facts["Authority"].startswith("ANSM")
    assert "hospital prescriber" in facts["Who files"] and "one year" in facts["Validity"]
    assert card.locator("ol.ma-steps > li").count() >= 2
    sources = card.locator("ul.ma-sources a")
    assert sources.count() >= 3
    for i in range(sources.count()):
        link = sources.nth(i)
        assert link.get_attribute("href").startswith("http") and link.get_attribute("target") == "_blank"
        assert "noopener" in link.get_attribute("rel")
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", card.locator(".ma-reviewed time").get_attribute("datetime"))
    offer = card.locator(".ma-offer")
    assert "put you in touch" in offer.inner_text()
    assert offer.get_by_role("button", name="Yes, put me in touch").is_visible()
    live = page.locator(".ma-panel > [aria-live=polite]").inner_text()
    assert "Outcome: Compassionate access authorisation (AAC) (FR_AAC). Eligible" in live

    ARTIFACTS.mkdir(exist_ok=True)
    page.locator(".ma-panel").screenshot(path=str(ARTIFACTS / "outcome-panel.png"))
    assert axe_violations(page) == []

    # Reload: the same session, the same conversation, the offer still answerable.
    sender, shown = session_id(page), page.locator(".ma-log").inner_text()
    page.reload()
    page.wait_for_selector(".ma-outcome")
    assert session_id(page) == sender and page.locator(".ma-panel").is_visible()
    assert page.locator(".ma-log").inner_text() == shown
    assert page.locator(".ma-log .ma-user").all_inner_texts()[0].endswith("Yes, check a patient's options")

    # A narrow, tall window shows the chat full screen: the whole card fits in the screenshot.
    page.set_viewport_size({"width": 480, "height": 2600})
    page.locator(".ma-outcome").screenshot(path=str(ARTIFACTS / "outcome-card.png"))
    page.set_viewport_size({"width": 1280, "height": 900})

    # The handoff offer in the card, then the contact details: the confirmation is its own card.
    click_choice(page, "Yes, put me in touch")
    handoff = page.locator(".ma-handoff")
    answer_until(page, stack, lambda: handoff.count() == 1)
    details = dict(zip(handoff.locator("dt").all_inner_texts(), handoff.locator("dd").all_inner_texts()))
    assert re.fullmatch(r"MA-[A-Z0-9]{4}-[A-Z0-9]{4}", details["Reference"])
    assert details["Handled by"] == "The managed access team"
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", handoff.locator("time").get_attribute("datetime"))
    assert details["Reference"] in page.locator(".ma-panel > [aria-live=polite]").inner_text()
    handoff.screenshot(path=str(ARTIFACTS / "handoff-card.png"))


def test_html_in_an_echoed_and_in_a_bot_message_is_shown_as_text_and_runs_nothing(page, stack):
    """The real bot does not echo what it is told, so one real REST answer is
    rewritten in the browser (page.route) to add a bot message, a choice and a
    source carrying markup and a javascript: address; everything else is the
    real server's answer."""
    open_widget(page, stack)

    def poison(route):
        response = route.fetch()
        messages = response.json()
        messages.append({"text": f"You said: {XSS} <script>alert(2)</script> see https://example.org/page",
                         "buttons": [{"title": XSS, "payload": "/greet"}]})
        messages.append({"custom": {"pathway": {
            "scheme": "FR_AAC", "scheme_name": XSS, "eligible": True, "unmet_criteria": [], "next_steps": [XSS],
            "sources": [{"title": XSS, "url": "javascript:alert(3)"}], "reviewed": "2026-01-01"}}})
        route.fulfill(response=response, json=messages)

    page.route(stack.rest_url, poison)
    type_message(page, XSS)
    page.wait_for_timeout(500)  # time for an event handler to fire, were there one
    widget = page.locator(".managed-access-chat")
    assert page.locator(".ma-log .ma-user .ma-text").last.inner_text() == XSS
    bot_text = page.locator(".ma-log .ma-bot", has_text="You said:").inner_text()
    assert f"You said: {XSS} <script>alert(2)</script>" in bot_text
    assert page.locator(".ma-choices").last.get_by_role("button", name=XSS, exact=True).is_visible()
    assert XSS in page.locator(".ma-outcome h3").inner_text()
    assert widget.locator("img").count() == 0 and widget.locator("script").count() == 0
    hrefs = widget.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert "https://example.org/page" in hrefs and all(h.startswith(("https:", "http:", "mailto:")) for h in hrefs)
    assert page.dialogs == []


def test_with_the_server_down_the_message_is_kept_and_sent_when_it_is_back(page, stack):
    open_widget(page, stack)
    # The REST channel and the probe address both fail, as with the server down.
    page.route(stack.rest_url, lambda route: route.abort())
    page.route(stack.rasa_url + "/", lambda route: route.abort())
    box = page.locator("#ma-input")
    box.fill("What is an AAC?")
    box.press("Enter")
    status = page.locator(".ma-status[role=status]")
    page.wait_for_function("() => document.querySelector('.managed-access-chat').shadowRoot"
                           ".querySelector('.ma-root').dataset.state === 'offline'")
    assert "can't be reached" in status.inner_text() and "kept in the message box" in status.inner_text()
    assert box.input_value() == "What is an AAC?"
    assert page.locator(".ma-log .ma-user").count() == 0, "nothing is shown as sent"
    assert page.locator(".ma-choices .ma-choice").count() == 2, "the open question's choices stay usable"
    assert page.get_by_role("button", name="Try again now").is_visible()

    page.unroute(stack.rest_url)
    page.unroute(stack.rasa_url + "/")
    # Reconnects on its own (probe with growing pauses), sends the kept message, says so.
    page.wait_for_selector(".ma-log .ma-user", timeout=40_000)
    page.wait_for_function("() => document.querySelector('.managed-access-chat').shadowRoot"
                           ".querySelector('.ma-root').dataset.state === 'idle'")
    assert "Connection restored" in status.inner_text()
    assert page.locator(".ma-log .ma-user").inner_text().endswith("What is an AAC?")
    # The answer (with its source), then the offer to check a patient
    replies = page.locator(".ma-log .ma-bot").all_inner_texts()
    assert any("ansm.sante.fr" in reply for reply in replies[1:])
    assert "check whether a particular patient" in replies[-1]
    assert box.input_value() == ""


def test_a_typing_indicator_while_the_bot_works_and_a_notice_when_it_is_slow(page, stack):
    open_widget(page, stack)
    held = []  # the request waits in the browser until the test lets it go
    page.route(stack.rest_url, lambda route: held.append(route))
    box = page.locator("#ma-input")
    box.fill("What is an AAC?")
    box.press("Enter")
    assert page.locator(".ma-typing").is_visible()
    assert page.locator(".ma-log").get_attribute("aria-busy") == "true"
    page.wait_for_function("() => document.querySelector('.managed-access-chat').shadowRoot"
                           ".querySelector('.ma-status').textContent.includes('taking longer')", timeout=15_000)
    assert box.input_value() == "What is an AAC?", "kept until the server accepted it"
    held[0].continue_()
    page.unroute(stack.rest_url)
    wait_for_answer(page, 1)
    assert page.locator(".ma-typing").is_hidden() and page.locator(".ma-status").inner_text() == ""
    assert box.input_value() == ""
    # What is typed and not sent survives a reload.
    box.fill("a draft")
    page.reload()
    page.wait_for_selector(".ma-log > .ma-bot")
    assert page.locator("#ma-input").input_value() == "a draft"


def test_restart_starts_a_new_conversation_and_the_old_one_stays_on_the_server(page, stack):
    open_widget(page, stack)
    type_message(page, "What is an AAC?")
    old = session_id(page)
    page.get_by_role("button", name="Start a new conversation").click()
    confirm = page.get_by_role("button", name="Start new")
    assert focused(confirm)
    before = 0
    confirm.press("Enter")
    wait_for_answer(page, before)
    assert session_id(page) != old
    assert page.locator(".ma-log .ma-user").count() == 0 and bot_count(page) == 1
    assert "Hello! I can help" in page.locator(".ma-log").inner_text()
    assert page.evaluate(f"sessionStorage.getItem('managed-access-chat:history:{old}')") is None
    said = [e.get("text") for e in stack.tracker(old)["events"] if e["event"] == "user"]
    assert "What is an AAC?" in said


@contextmanager
def another_site(stack, origin, configuration):
    """A real page of another site (at `origin`) that embeds the widget with one
    script tag. A real server rather than page.route: Chromium lets a page
    reach 127.0.0.1 only if the page itself came from a local address."""
    html = (f"<!doctype html><html lang='en'><head><title>Another site</title></head><body><main>"
            f"<h1>Another site</h1></main><script src='{stack.chat_url}/widget.js' defer "
            f"data-config='{json.dumps(configuration)}'></script></body></html>").encode()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(html)))
            self.end_headers()
            self.wfile.write(html)

        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", int(origin.rsplit(":", 1)[1])), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield origin + "/host.html"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_another_site_embeds_the_widget_with_its_configuration(page, stack):
    """The host page is at an origin listed in WIDGET_ORIGINS."""
    configuration = {"serverUrl": stack.rasa_url, "title": "Accès aux médicaments", "language": "fr",
                     "colors": {"primary": "#ffff00", "userMessage": "#1d5c4d"}}
    with another_site(stack, stack.listed_origin, configuration) as url:
        page.goto(url)
        launcher = page.locator(".ma-launcher")
        assert launcher.inner_text().strip() == "Discussion : Accès aux médicaments"
        assert page.locator(".ma-root").get_attribute("lang") == "fr"
        # Yellow under white text fails 4.5:1: the default is used and the site's developer is told.
        assert launcher.evaluate("el => getComputedStyle(el).backgroundColor") == DEFAULT_PRIMARY
        assert any("primary" in w and "4.5:1" in w for w in page.warnings)
        launcher.click()
        page.wait_for_selector(".ma-log > .ma-bot")
        assert "Hello! I can help" in page.locator(".ma-log").inner_text()
        assert page.locator(".ma-log .ma-bot").first.get_attribute("lang") == "en"
        # The retention period comes from config.json, which this origin may read.
        assert "supprimées après 365 jours" in page.locator(".ma-notice").inner_text()
        type_message(page, "What is an AAC?")
        user_colour = page.locator(".ma-user .ma-text").evaluate("el => getComputedStyle(el).backgroundColor")
        assert user_colour == "rgb(29, 92, 77)"  # #1d5c4d, as configured


def test_a_site_not_in_widget_origins_cannot_talk_to_the_assistant(page, stack):
    with another_site(stack, stack.unlisted_origin, {"serverUrl": stack.rasa_url}) as url:
        page.goto(url)
        page.locator(".ma-launcher").click()
        page.wait_for_function("() => document.querySelector('.managed-access-chat').shadowRoot"
                               ".querySelector('.ma-root').dataset.state === 'offline'")
        assert "can't be reached" in page.locator(".ma-status").inner_text()
        assert page.locator(".ma-log > .ma-bot").count() == 0
