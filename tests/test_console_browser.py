"""The review console as a reviewer uses it: Playwright driving Debian's
Chromium against a real console server. Login, the adverse-event filter,
a `<script>` message shown as text with no dialog, marking reviewed, and the
CSV download without email addresses."""
import re

import pytest

from storage import review
from tests.console_server import PASSWORD, REVIEWER, XSS

pytestmark = pytest.mark.e2e

EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")


@pytest.fixture
def page(browser, console):  # noqa: F811
    """A fresh browser context; every dialog (alert, confirm) is recorded and dismissed."""
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.dialogs = []
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    yield page
    context.close()


def log_in(page, url, password=PASSWORD):
    page.goto(url + "/login")
    page.fill("input[name=username]", REVIEWER)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")


def test_login_fails_with_a_wrong_password_and_succeeds_with_the_right_one(page, console):  # noqa: F811
    page.goto(console.url + "/")
    assert page.url.endswith("/login")
    log_in(page, console.url, password="not the password at all")
    assert page.locator("p.error").inner_text() == "Wrong username or password."
    log_in(page, console.url)
    page.wait_for_url(console.url + "/")
    assert page.locator("h1").inner_text() == "Adverse events to screen"
    assert page.locator("table.conversations tbody tr").count() == 1
    assert "ae-1" in page.locator("table.conversations tbody").inner_text()


def test_the_list_filters_to_an_adverse_event_conversation(page, console):  # noqa: F811
    log_in(page, console.url)
    page.click("nav >> text=Conversations")
    assert page.locator("table.conversations tbody tr").count() == 3
    page.select_option("select[name=flag]", "adverse_event")
    page.click("form.filters button[type=submit]")
    page.wait_for_url(re.compile(r"flag=adverse_event"))
    rows = page.locator("table.conversations tbody tr")
    assert rows.count() == 1 and "ae-1" in rows.inner_text() and "adverse_event" in rows.inner_text()


def test_a_script_message_is_shown_as_text_and_runs_nothing(page, console):  # noqa: F811
    log_in(page, console.url)
    page.goto(console.url + "/conversations/xss-1")
    message = page.locator("li.user .text").first
    assert message.inner_text() == f"{XSS} my email is [email]"
    assert message.locator("script").count() == 0
    page.wait_for_timeout(500)
    assert page.dialogs == []


def test_the_csv_export_downloads_without_email_addresses(page, console, tmp_path):  # noqa: F811
    log_in(page, console.url)
    page.goto(console.url + "/conversations")
    with page.expect_download() as download:
        page.click("text=CSV")
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    text = saved.read_text()
    assert saved.suffix == ".csv" and text.startswith("conversation,started,last")
    assert "ae-1" in text and "[email]" in text and not EMAIL.search(text) and "@" not in text


def test_marking_reviewed_records_the_reviewer(page, console):  # noqa: F811
    log_in(page, console.url)
    page.click("table.conversations >> text=ae-1")
    page.select_option("select[name=disposition]", "forwarded_pv")
    page.fill("textarea[name=comment]", "sent to PV")
    page.click("form.review button[type=submit]")
    history = page.locator("table.reviews tbody tr")
    assert history.count() == 1
    assert page.locator("table.reviews td.reviewer").inner_text() == REVIEWER
    assert "forwarded to pharmacovigilance" in history.inner_text()
    [entry] = review.reviews_of(console.engine, "ae-1")
    assert (entry["reviewer"], entry["disposition"], entry["comment"]) == (REVIEWER, "forwarded_pv", "sent to PV")
    page.click("nav >> text=Adverse events to screen")
    assert "No adverse event waits for screening." in page.locator("main").inner_text()
