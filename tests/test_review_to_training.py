"""From review to training data through the running console
(tests/console_server.py): a reviewer marks a message of a transcript with
the intent and facts it should have read; refused marks are named and store
nothing; the export downloads the marks as Rasa NLU YAML, redacted, that
`rasa data validate` accepts beside the training data; data/nlu is never
touched; the managed access team sees none of it."""
import hashlib
import re
import subprocess
import sys

import requests
from sqlalchemy import select

from bot.config import PROJECT_ROOT
from storage.schema import corrections, events
from tests.console_server import REVIEWER, TEAM_MEMBER, csrf_in, log_in


def training_data_digest():
    digest = hashlib.sha256()
    for path in sorted((PROJECT_ROOT / "data" / "nlu").glob("*.yml")):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def user_event_ids(console, sender_id):
    with console.engine.connect() as conn:
        return conn.execute(select(events.c.id).where(events.c.sender_id == sender_id, events.c.type_name == "user")
                            .order_by(events.c.id)).scalars().all()


def mark(client, console, sender_id, event_id, intent, facts="", page_of="ae-1"):
    page = client.get(f"{console.url}/conversations/{page_of}", timeout=10)
    return client.post(f"{console.url}/corrections", allow_redirects=False, timeout=10, data={
        "csrf": csrf_in(page.text), "sender_id": sender_id, "event_id": str(event_id), "intent": intent,
        "facts": facts})


def stored_marks(console):
    with console.engine.connect() as conn:
        return conn.execute(select(corrections.c.sender_id, corrections.c.intent, corrections.c.reviewer)).all()


def test_marks_are_recorded_shown_and_exported_as_valid_training_data(console, tmp_path):
    before = training_data_digest()
    client = requests.Session()
    assert log_in(client, console.url, username=REVIEWER).status_code == 303
    [first, _] = user_event_ids(console, "ae-1")
    [quiet] = user_event_ids(console, "xss-1")
    done = mark(client, console, "ae-1", first, "inform", "country=FR, role=physician")
    assert done.status_code == 303 and done.headers["Location"].endswith(f"/conversations/ae-1#message-{first}")
    assert mark(client, console, "xss-1", quiet, "human_handoff").status_code == 303
    page = client.get(f"{console.url}/conversations/ae-1", timeout=10).text
    assert f"Marked misunderstood by {REVIEWER}" in page and 'role = <code>"physician"</code>' in page
    listed = client.get(f"{console.url}/corrections", timeout=10).text
    assert "ae-1" in listed and "xss-1" in listed

    exported = client.get(f"{console.url}/corrections/export.yml", timeout=10)
    assert exported.status_code == 200 and "attachment" in exported.headers["Content-Disposition"]
    text = exported.text
    assert f"# {REVIEWER}, " in text and "conversation ae-1" in text and "- intent: human_handoff" in text
    assert "[email]" in text and not re.search(r"[\w.]+@[\w-]+\.\w", text)
    path = tmp_path / "from_review.yml"
    path.write_text(text, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "rasa", "data", "validate", "--data", "data/nlu", "data/rules", str(path),
         "--domain", "domain", "--config", "config.yml", "--fail-on-warnings"],
        cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=300,
        env={"TF_CPP_MIN_LOG_LEVEL": "3", "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    assert training_data_digest() == before


def test_a_mark_that_cannot_be_recorded_is_named_and_stores_nothing(console):
    client = requests.Session()
    assert log_in(client, console.url, username=REVIEWER).status_code == 303
    before = stored_marks(console)
    [event_id] = user_event_ids(console, "calm-1")
    [other] = user_event_ids(console, "xss-1")
    for args, message in ((("calm-1", event_id, "inform", "role=nurse"), "not a value of role"),
                          (("calm-1", event_id, "sing_a_song"), "is not an intent"),
                          (("calm-1", other, "inform"), "no such message in this conversation"),
                          (("calm-1", "x1", "inform"), "no such message in this conversation")):
        response = mark(client, console, *args)
        assert response.status_code == 400 and "Not marked: " in response.text and message in response.text, args
    assert stored_marks(console) == before
    assert mark(client, console, "nobody", event_id, "inform", page_of="calm-1").status_code == 404


def test_the_team_sees_no_marks_and_no_export(console):
    team = requests.Session()
    assert log_in(team, console.url, username=TEAM_MEMBER).status_code == 303
    for path in ("/corrections", "/corrections/export.yml"):
        assert team.get(console.url + path, allow_redirects=False, timeout=10).status_code == 403
