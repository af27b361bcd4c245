"""The request desk as the managed access team uses it: Playwright driving
Debian's Chromium against a real console server (tests/console_server.py).
A team member logs in, filters to urgent, opens the request, acknowledges it
(the acknowledgement is in the outbox), assigns it and closes it with a
reason; a reviewer sees neither the desk nor contact details; axe-core finds
no serious or critical violation on the queue or the request."""
import pytest

from storage import requests as records
from tests.axe import axe_violations
from tests.console_server import PASSWORD, REVIEWER, TEAM_MEMBER

pytestmark = pytest.mark.e2e


@pytest.fixture
def page(browser, console):  # noqa: F811
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def log_in(page, url, username):
    page.goto(url + "/login")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")


def test_a_team_member_works_an_urgent_request_from_the_queue_to_closed(page, console):  # noqa: F811
    reference = console.requests["ae-1"]
    log_in(page, console.url, TEAM_MEMBER)
    page.wait_for_url(console.url + "/desk")
    assert page.locator("h1").inner_text() == "Request desk"
    assert axe_violations(page) == []
    page.select_option("select[name=urgent]", "yes")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/desk?*urgent=yes*")
    rows = page.locator("table.requests tbody tr")
    assert rows.count() == 1 and reference in rows.inner_text() and "urgent" in rows.inner_text()
    page.click(f"text={reference}")
    page.wait_for_url(f"**/desk/requests/{reference}")
    assert "jane@chu-lyon.fr" in page.locator("dl.contact").inner_text()
    assert axe_violations(page) == []

    page.fill("form:has(input[value=acknowledge]) input[name=assignee]", "Dr Lee Chen")
    page.click("text=Acknowledge (emails the requester)")
    page.wait_for_selector("text=acknowledged by the team")
    request = records.get_request(console.project, reference)
    assert request.status == "acknowledged" and request.assignee == "Dr Lee Chen"
    [ack] = [e for e in records.emails_of(console.project, request) if e["kind"] == "acknowledgement"]
    assert ack["recipient"] == "jane@chu-lyon.fr" and ack["status"] == "pending"
    assert "acknowledgement" in page.locator("table.emails").inner_text()

    page.fill("form:has(input[value=assign]) input[name=assignee]", "Dr Ana Ruiz")
    page.click("form:has(input[value=assign]) button")
    page.wait_for_selector("dd:has-text('Dr Ana Ruiz')")

    page.select_option("form:has(input[value=status]) select[name=status]", "closed")
    page.click("form:has(input[value=status]) button")
    assert "closing needs a reason" in page.locator("p.error").inner_text()
    page.select_option("form:has(input[value=status]) select[name=status]", "closed")
    page.select_option("form:has(input[value=status]) select[name=reason]", "supply_agreed")
    page.click("form:has(input[value=status]) button")
    page.wait_for_selector("text=supply agreed with the physician")
    assert records.get_request(console.project, reference).status == "closed"
    trail = page.locator("table.events").inner_text()
    assert trail.count(TEAM_MEMBER) == 3 and "assigned" in trail


def test_a_reviewer_sees_neither_the_desk_nor_contact_details(page, console):  # noqa: F811
    log_in(page, console.url, REVIEWER)
    page.wait_for_url(console.url + "/")
    assert page.locator("nav >> text=Request desk").count() == 0
    response = page.goto(console.url + "/desk")
    assert response.status == 403
    page.goto(console.url + "/conversations/ae-1")
    assert "jane@chu-lyon.fr" not in page.content()
