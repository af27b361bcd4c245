"""The reviewers' dashboard against a real console (tests/console_server.py)
with more conversations stored over three days: the page and each chart's
CSV give the numbers the databases hold, counted here with plain SQL; only
reviewers see it; a bad range is named; and in Chromium every chart is drawn
by the bundled script under the page's Content-Security-Policy, with no
serious axe-core violation."""
import csv
import datetime as dt
import io
import json
import re
from collections import Counter

import pytest
import requests
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy import select

from bot.transcripts.metrics import CHARTS
from rasa_plugins.tracker_store import RedactingSQLTrackerStore
from storage.schema import access_requests, conversations, flags
from tests.console_server import PASSWORD, REVIEWER, TEAM_MEMBER, log_in, run_async

DOMAIN = Domain.from_yaml("""
version: "3.1"
intents: [inform, nlu_fallback, emergency]
slots:
  country: {type: text, mappings: [{type: custom}]}
  pathway: {type: text, mappings: [{type: custom}]}
  requested_slot: {type: text, mappings: [{type: custom}]}
  emergency: {type: bool, mappings: [{type: custom}]}
""")
DAY = 86400


def user(text, intent, at):
    return UserUttered(text, {"name": intent, "confidence": 0.9}, [], timestamp=at)


def stored_conversations(start):
    """dash-1 reaches FR_AAC after its country question is asked again;
    dash-2 is not understood; dash-3 is an emergency that reaches COMPANY_MAP
    in Germany, a day later."""
    return [
        DialogueStateTracker.from_events("dash-1", [
            ActionExecuted("action_listen", timestamp=start),
            SlotSet("requested_slot", "country", timestamp=start + 1),
            user("somewhere in europe", "inform", start + 2),
            BotUttered("Which country is the patient treated in?", timestamp=start + 3),
            user("france", "inform", start + 4),
            SlotSet("country", "FR", timestamp=start + 5),
            SlotSet("requested_slot", "product_type", timestamp=start + 6),
            user("a medicine", "inform", start + 7),
            SlotSet("requested_slot", None, timestamp=start + 8),
            SlotSet("pathway", "FR_AAC", timestamp=start + 9),
        ], slots=DOMAIN.slots),
        DialogueStateTracker.from_events("dash-2", [
            ActionExecuted("action_listen", timestamp=start + 60),
            user("blorp", "nlu_fallback", start + 61),
            ActionExecuted("action_default_fallback", timestamp=start + 62),
        ], slots=DOMAIN.slots),
        DialogueStateTracker.from_events("dash-3", [
            ActionExecuted("action_listen", timestamp=start + DAY),
            user("she needs it within hours", "emergency", start + DAY + 1),
            SlotSet("emergency", True, timestamp=start + DAY + 2),
            SlotSet("country", "DE", timestamp=start + DAY + 3),
            SlotSet("pathway", "COMPANY_MAP", timestamp=start + DAY + 4),
        ], slots=DOMAIN.slots),
    ]


@pytest.fixture(scope="module")
def seeded(console):
    """The console's database with the three conversations above, from three
    days ago at noon (UTC); the range that holds everything stored."""
    today = dt.datetime.now(dt.timezone.utc).date()
    start = dt.datetime.combine(today - dt.timedelta(days=3), dt.time(12), tzinfo=dt.timezone.utc).timestamp()
    store = RedactingSQLTrackerStore(domain=DOMAIN, dialect="sqlite", db=str(console.env["TRACKER_DB"]))
    for tracker in stored_conversations(start):
        run_async(store.save(tracker))
    return today - dt.timedelta(days=12), today


def reviewer_client(console):
    client = requests.Session()
    assert log_in(client, console.url, username=REVIEWER).status_code == 303
    return client


def utc_day(seconds):
    return dt.datetime.fromtimestamp(seconds, dt.timezone.utc).date().isoformat()


def counted_in_the_databases(console, since, until):
    """The dashboard's numbers, counted with plain SQL and Python here."""
    with console.engine.connect() as conn:
        started = [r.started_at for r in conn.execute(select(conversations.c.started_at))]
        outcomes = Counter((r.pathway, r.country) for r in conn.execute(select(conversations))
                           if r.pathway)
        raised = Counter((r.flag, utc_day(r.first_at)) for r in conn.execute(select(flags)))
    with console.project.connect() as conn:
        received = Counter(r.created_at.date().isoformat()
                           for r in conn.execute(select(access_requests.c.created_at)))
    days = [(since + dt.timedelta(days=i)).isoformat() for i in range((until - since).days + 1)]
    return days, Counter(utc_day(s) for s in started), outcomes, raised, received


def test_the_page_and_the_csvs_give_the_numbers_the_databases_hold(console, seeded):
    since, until = seeded
    client = reviewer_client(console)
    page = client.get(f"{console.url}/dashboard?since={since}&until={until}", timeout=10)
    assert page.status_code == 200
    assert "script-src 'self'" in page.headers["Content-Security-Policy"]
    data = json.loads(re.search(r'<script type="application/json" id="dashboard-data">(.*?)</script>',
                                page.text, re.S).group(1))
    charts = data["charts"]
    assert set(charts) == set(CHARTS)
    days, per_day, outcomes, raised, received = counted_in_the_databases(console, since, until)
    assert charts["conversations"]["labels"] == days
    assert charts["conversations"]["series"]["conversations"] == [per_day[d] for d in days]
    assert sum(per_day[d] for d in days) == 6  # three from the console's module, three from here
    labels = charts["outcomes"]["labels"]
    drawn = {(scheme, country): values[i] for country, values in charts["outcomes"]["series"].items()
             for i, scheme in enumerate(labels) if values[i]}
    assert drawn == dict(outcomes)
    assert charts["outcomes"]["labels"] == ["COMPANY_MAP", "FR_AAC"]
    for flag in ("adverse_event", "emergency"):
        assert charts["safety"]["series"][flag] == [raised[(flag, d)] for d in days], flag
    assert charts["handoffs"]["series"]["handoffs"] == [received[d] for d in days]
    first = days.index((until - dt.timedelta(days=3)).isoformat())
    assert charts["repair"]["series"]["question asked again"][first] == 0.5  # dash-1 of dash-1 and dash-2
    assert charts["repair"]["series"]["fallback"][first] == 0.5
    assert charts["reached"]["series"]["reached an outcome"][first + 1] == 1.0  # dash-3
    for name, chart in charts.items():
        download = client.get(f"{console.url}/dashboard/{name}.csv?since={since}&until={until}", timeout=10)
        assert download.status_code == 200 and download.headers["Content-Type"].startswith("text/csv")
        rows = list(csv.reader(io.StringIO(download.text)))
        assert rows[0][1:] == list(chart["series"])
        assert [r[0] for r in rows[1:]] == chart["labels"]
        for column, values in enumerate(chart["series"].values(), start=1):
            assert [float(r[column]) for r in rows[1:]] == [float(v) for v in values], name


def test_a_bad_range_is_named_and_an_unknown_chart_is_not_found(console, seeded):
    client = reviewer_client(console)
    for query, message in (("since=2026-13-01", "is not a date"), ("since=2026-12-02&until=2026-11-01", "starts after"),
                           ("since=2020-01-01&until=2026-01-01", "at most 366 days")):
        page = client.get(f"{console.url}/dashboard?{query}", timeout=10)
        assert page.status_code == 400 and message in page.text
    assert client.get(f"{console.url}/dashboard/nothing.csv", timeout=10).status_code == 404


def test_only_reviewers_see_the_dashboard(console, seeded):
    team = requests.Session()
    assert log_in(team, console.url, username=TEAM_MEMBER).status_code == 303
    assert team.get(f"{console.url}/dashboard", allow_redirects=False, timeout=10).status_code == 403
    assert team.get(f"{console.url}/dashboard/conversations.csv", allow_redirects=False, timeout=10).status_code == 403
    anonymous = requests.get(f"{console.url}/dashboard", allow_redirects=False, timeout=10)
    assert anonymous.status_code == 303 and anonymous.headers["Location"] == "/login"


@pytest.mark.e2e
def test_chromium_draws_every_chart_with_no_serious_axe_violation(browser, console, seeded):
    from tests.axe import axe_violations

    since, until = seeded
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(15_000)
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(console.url + "/login")
    page.fill("input[name=username]", REVIEWER)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(console.url + "/")
    page.click("nav >> text=Dashboard")
    page.fill("input[name=since]", since.isoformat())
    page.fill("input[name=until]", until.isoformat())
    page.click("form.filters button[type=submit]")
    page.wait_for_url(re.compile(r"/dashboard\?since="))
    for name in CHARTS:
        canvas = page.locator(f"#chart-{name}")
        canvas.wait_for()
        page.wait_for_function(f"document.getElementById('chart-{name}').dataset.drawn === 'true'")
        box = canvas.bounding_box()
        assert box["width"] > 100 and box["height"] > 100, name
        # Drawn: the canvas holds more than one colour.
        colours = page.evaluate(f"""() => {{
            const c = document.getElementById('chart-{name}');
            const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
            const seen = new Set();
            for (let i = 0; i < d.length; i += 4 * 97) seen.add(d[i] + ',' + d[i + 1] + ',' + d[i + 2] + ',' + d[i + 3]);
            return seen.size;
        }}""")
        assert colours > 2, name
    # The numbers the page shows under the chart are the database's.
    days, per_day, *_ = counted_in_the_databases(console, since, until)
    page.click("#title-conversations ~ details summary")
    cells = page.locator("#numbers-conversations tbody tr").all_inner_texts()
    assert [tuple(c.split("\t")) for c in cells] == [(d, str(per_day[d])) for d in days]
    assert errors == [] and axe_violations(page) == []
    context.close()
