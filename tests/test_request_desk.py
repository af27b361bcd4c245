"""The managed access team's request desk over HTTP, against a real console
server (tests/console_server.py): only the team's accounts reach it and see
contact details; the queue puts urgent requests first and filters by status,
urgency, country, scheme and overdue; a request shows its assessment,
transcript, audit trail and emails; acknowledging, assigning, noting and
closing are audited with the logged-in name and send the requester's emails;
refused actions change nothing."""
import re

import pytest
import requests
from sqlalchemy import select

from storage import requests as records
from storage.schema import request_events
from tests.console_server import REVIEWER, TEAM_MEMBER, csrf_in, log_in


@pytest.fixture
def team(console):
    client = requests.Session()
    response = log_in(client, console.url, username=TEAM_MEMBER)
    assert response.status_code == 303 and response.headers["Location"] == "/desk"
    yield client
    client.close()


@pytest.fixture
def reviewer(console):
    client = requests.Session()
    assert log_in(client, console.url, username=REVIEWER).headers["Location"] == "/"
    yield client
    client.close()


def references_in(html: str):
    return re.findall(r'href="/desk/requests/(MA-[A-Z0-9-]+)"', html)


def act(client, console, reference, **fields):
    page = client.get(f"{console.url}/desk/requests/{reference}", timeout=10)
    return client.post(f"{console.url}/desk/requests/{reference}", data={"csrf": csrf_in(page.text), **fields},
                       allow_redirects=False, timeout=10)


def test_a_reviewer_never_reaches_the_desk_nor_a_requests_contact_details(console, reviewer):
    reference = console.requests["calm-1"]
    for path in ("/desk", f"/desk/requests/{reference}"):
        response = reviewer.get(console.url + path, allow_redirects=False, timeout=10)
        assert response.status_code == 403 and "jane@chu-lyon.fr" not in response.text
    page = reviewer.get(console.url + "/", timeout=10).text
    refused = reviewer.post(f"{console.url}/desk/requests/{reference}",
                            data={"csrf": csrf_in(page), "action": "note", "note": "x"}, timeout=10)
    assert refused.status_code == 403
    assert "Request desk" not in page
    for line in ("calm-1", "ae-1"):
        transcript = reviewer.get(f"{console.url}/conversations/{line}", timeout=10).text
        assert "jane@chu-lyon.fr" not in transcript and "+33472112233" not in transcript


def test_the_team_sees_only_its_desk(console, team):
    assert team.get(console.url + "/conversations", allow_redirects=False, timeout=10).status_code == 403
    landing = team.get(console.url + "/", allow_redirects=False, timeout=10)
    assert landing.status_code == 303 and landing.headers["Location"] == "/desk"
    assert team.get(console.url + "/export.csv", allow_redirects=False, timeout=10).status_code == 403


def test_the_queue_puts_urgent_first_and_shows_the_overdue_request_in_red(console, team):
    page = team.get(console.url + "/desk", timeout=10).text
    urgent, calm, old = (console.requests[c] for c in ("ae-1", "calm-1", "xss-1"))
    listed = references_in(page)
    assert listed[0] == urgent and set(listed) >= {urgent, calm, old}
    row = re.search(rf'<tr class="([^"]*)">\s*<td><a href="/desk/requests/{old}"', page)
    assert row and row.group(1) == "overdue"
    assert "overdue" in page and "of business time left" in page


@pytest.mark.parametrize("query, expected", [
    ("urgent=yes", ["ae-1"]),
    ("overdue=yes", ["xss-1"]),
    ("country=us", ["xss-1"]),
    ("status=closed&urgent=yes", []),
])
def test_the_queue_filters(console, team, query, expected):
    page = team.get(f"{console.url}/desk?{query}", timeout=10).text
    ours = [r for r in references_in(page) if r in console.requests.values()]
    wanted = [console.requests[c] for c in expected]
    assert sorted(ours) == sorted(wanted), query


def test_the_queue_filters_by_scheme(console, team):
    calm = records.get_request(console.project, console.requests["calm-1"])
    scheme = calm.assessment["outcome"]["scheme"]
    page = team.get(f"{console.url}/desk?scheme={scheme}", timeout=10).text
    assert calm.reference in references_in(page)
    assert console.requests["xss-1"] not in references_in(page)  # the American one has another scheme


@pytest.mark.parametrize("query, message", [("status=lost", "status: unknown value"),
                                            ("country=France", "two-letter country code"),
                                            ("overdue=maybe", "overdue: unknown value")])
def test_a_filter_that_cannot_be_read_is_named(console, team, query, message):
    page = team.get(f"{console.url}/desk?{query}", timeout=10)
    assert page.status_code == 200 and message in page.text and not references_in(page.text)


def test_a_request_shows_contact_assessment_transcript_audit_and_emails(console, team):
    reference = console.requests["ae-1"]
    page = team.get(f"{console.url}/desk/requests/{reference}", timeout=10).text
    assert "jane@chu-lyon.fr" in page and "+33472112233" in page and "Dr Jane Martin" in page
    assert "urgent" in page and "Scheme:" in page
    assert 'class="transcript"' in page and "ae-1" in page
    assert "assistant" in page and "created" in page  # the audit trail's first entry
    assert "receipt" in page and "team_notification" in page
    assert team.get(f"{console.url}/desk/requests/MA-2345-6789", timeout=10).status_code == 404


def test_acknowledge_assign_note_and_close_are_audited_and_email_the_requester(console, team):
    reference = console.requests["calm-1"]
    assert act(team, console, reference, action="acknowledge", assignee="Dr Lee Chen").status_code == 303
    assert act(team, console, reference, action="assign", assignee="Dr Ana Ruiz").status_code == 303
    assert act(team, console, reference, action="note", note="called the hospital pharmacy").status_code == 303
    refused = act(team, console, reference, action="status", status="closed")
    assert refused.status_code == 400 and "closing needs a reason" in refused.text
    assert act(team, console, reference, action="status", status="closed", reason="redirected_trial",
               note="trial site in Lyon").status_code == 303
    request = records.get_request(console.project, reference)
    assert (request.status, request.close_reason, request.assignee) == ("closed", "redirected_trial", "Dr Ana Ruiz")
    with console.project.connect() as conn:
        trail = conn.execute(select(request_events.c.actor, request_events.c.action, request_events.c.detail)
                             .where(request_events.c.request_id == request.id).order_by(request_events.c.id)).all()
    assert [tuple(t) for t in trail[1:]] == [
        (TEAM_MEMBER, "status", None), (TEAM_MEMBER, "assigned", "Dr Ana Ruiz"),
        (TEAM_MEMBER, "note", "called the hospital pharmacy"),
        (TEAM_MEMBER, "status", "redirected_trial; trial site in Lyon")]
    emails = {e["kind"]: e for e in records.emails_of(console.project, request)}
    assert emails["acknowledgement"]["recipient"] == "jane@chu-lyon.fr"
    assert emails["closure"]["recipient"] == "jane@chu-lyon.fr"
    page = team.get(f"{console.url}/desk/requests/{reference}", timeout=10).text
    assert "acknowledgement" in page and "closure" in page and "Add note" in page and "Assign</button>" not in page


def test_refused_actions_change_nothing(console, team):
    reference = console.requests["xss-1"]
    before = records.get_request(console.project, reference)
    for fields, message in (({"action": "note", "note": "  "}, "write the note first"),
                            ({"action": "assign", "assignee": ""}, "who will handle it"),
                            ({"action": "status", "status": "in_review", "reason": "answered"}, "only given when closing"),
                            ({"action": "fly"}, "unknown action")):
        response = act(team, console, reference, **fields)
        assert response.status_code == 400 and message in response.text, fields
    assert records.get_request(console.project, reference) == before
    no_token = team.post(f"{console.url}/desk/requests/{reference}", data={"action": "note", "note": "x"},
                         allow_redirects=False, timeout=10)
    assert no_token.status_code == 403
    assert records.get_request(console.project, reference) == before

