"""Scale-out end to end: one action server and two Rasa replicas started by
services/scale_out.py on a real PostgreSQL tracker store and a real Redis lock
store, with the nginx front before them. A conversation moves between
replicas, is hit on both at once, and survives the loss of one."""
import os
import re
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter
from dataclasses import replace

import pytest
import requests

from bot.config import load_settings
from services.run import free_port, service_env
from services.scale_out import start
from tests.test_e2e_rest import ANSWERS, CASES, MODEL, ROOT, Chat, converse, pathway_of, texts

pytestmark = pytest.mark.e2e
TOKEN = "e2e-token"
FR_AAC = CASES[0][1]


def test_the_script_starts_the_set_from_the_environment_and_stops_it_on_sigterm(
        postgres_url, redis_url, nginx_path, tmp_path):  # noqa: F811
    """Runs first, before the module's servers: `python -m services.scale_out`
    prints the addresses once everything answers, and SIGTERM stops it all."""
    assert MODEL.exists(), "train first: make train"
    front, token = free_port(), "script-token"
    env = {**os.environ, "HOST": "127.0.0.1", "RASA_PORT": str(front), "ACTION_PORT": str(free_port()),
           "CHAT_PORT": str(free_port()), "CONSOLE_PORT": str(free_port()), "RASA_API_TOKEN": token,
           "TRACKER_STORE_URL": postgres_url, "LOCK_STORE_URL": redis_url, "TRACKER_DB": str(tmp_path / "unused.db"),
           "DATABASE_URL": f"sqlite:///{tmp_path}/access.db", "SMTP_HOST": "", "MAIL_DIR": str(tmp_path / "mail")}
    proc = subprocess.Popen([sys.executable, "-m", "services.scale_out", "--replicas", "2"], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    output = []
    try:
        deadline = time.monotonic() + 400
        while time.monotonic() < deadline and proc.poll() is None:
            output.append(proc.stdout.readline())
            if "Press Ctrl-C" in output[-1]:
                break
        said = "".join(output)
        assert "Scale-out set ready" in said, said[-3000:]
        threading.Thread(target=proc.stdout.read, daemon=True).start()  # the servers' logs must not fill the pipe
        replicas = re.findall(r"Rasa replica \d: (http://\S+)", said)
        assert len(replicas) == 2 and f"http://127.0.0.1:{front}/webhooks/rest/webhook" in said
        reply = requests.post(f"http://127.0.0.1:{front}/webhooks/rest/webhook",
                              json={"sender": f"script-{uuid.uuid4().hex[:8]}", "message": FR_AAC}, timeout=120)
        assert reply.ok and reply.json()
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(60) == 0
        for url in replicas + [f"http://127.0.0.1:{front}"]:
            with pytest.raises(requests.ConnectionError):
                requests.get(f"{url}/status", timeout=5)
    finally:
        if proc.poll() is None:
            proc.kill()


@pytest.fixture(scope="module")
def cluster(postgres_url, redis_url, nginx_path, tmp_path_factory):  # noqa: F811
    assert MODEL.exists(), "train first: make train"
    settings = replace(
        load_settings(), host="127.0.0.1", rasa_port=free_port(), action_port=free_port(), rasa_api_token=TOKEN,
        tracker_db_url=str(tmp_path_factory.mktemp("db") / "unused.db"),
        tracker_store_url=postgres_url, lock_store_url=redis_url,
    )
    env = {**service_env(settings), "DATABASE_URL": f"sqlite:///{tmp_path_factory.mktemp('access')}/access.db",
           "SMTP_HOST": "", "MAIL_DIR": str(tmp_path_factory.mktemp("mail")),
           # Contacts without anything the store redacts: replies and stored events compare as equal.
           "MEDICAL_INFO_CONTACT": "MI-CONTACT", "URGENT_CONTACT": "URGENT-LINE",
           "PHARMACOVIGILANCE_CONTACT": "PV-CONTACT"}
    logs = tmp_path_factory.mktemp("logs")
    started = time.monotonic()
    running = start(settings, MODEL, [free_port(), free_port()], env=env, logs=logs, singletons=False)
    try:
        ready = running.wait_ready(TOKEN, 400)
        assert ready, "\n".join(f"--- {p.name} ---\n{p.read_text()[-2000:]}" for p in sorted(logs.glob("*.log")))
        print(f"\nscale-out set ready in {time.monotonic() - started:.0f} s")
        yield running
    finally:
        running.stop()


class Routed(Chat):
    """A conversation whose n-th message goes to bases[n % len(bases)], and
    whose open question is read from the replica that gets the next message."""

    def __init__(self, bases):
        super().__init__(bases[0])
        self.bases, self.turn, self.sent = list(bases), 0, []
        self.upstreams, self.served = [], []  # X-Upstream of each message; of every request

    def say(self, text):
        base = self.bases[self.turn % len(self.bases)]
        self.turn += 1
        r = requests.post(f"{base}/webhooks/rest/webhook", json={"sender": self.sender, "message": text}, timeout=120)
        r.raise_for_status()
        self.sent.append(text)
        self.upstreams.append(r.headers.get("X-Upstream"))
        self.served.append(r.headers.get("X-Upstream"))
        return r.json()

    def tracker(self, base=None):
        base = base or self.bases[self.turn % len(self.bases)]
        r = requests.get(f"{base}/conversations/{self.sender}/tracker", params={"token": TOKEN}, timeout=30)
        r.raise_for_status()
        self.served.append(r.headers.get("X-Upstream"))
        return r.json()


def answer_until_outcome(chat, messages, limit=14):
    for _ in range(limit):
        if pathway_of(messages):
            return pathway_of(messages), messages
        asked = chat.slots()["requested_slot"]
        assert asked, texts(messages)
        messages = chat.say(ANSWERS[asked])
    raise AssertionError("no outcome")


def user_texts(events):
    return [e["text"] for e in events if e["event"] == "user"]


def asked_slots(events):
    return [e["value"] for e in events if e["event"] == "slot" and e["name"] == "requested_slot" and e["value"]]


def facts(slots):
    return {k: slots[k] for k in ("role", "country", "product_type", "authorisation", "in_development",
                                  "in_company_trial", "trial_available", "serious_condition",
                                  "alternatives_exhausted", "previously_treated", "pathway")}


def assert_whole(chat, replicas):
    """Every replica returns the same tracker, with every message sent exactly
    once, in order, and no question asked twice."""
    trackers = [chat.tracker(base) for base in replicas]
    assert all(t["events"] == trackers[0]["events"] for t in trackers)
    events = trackers[0]["events"]
    assert user_texts(events) == chat.sent
    asked = asked_slots(events)
    assert len(asked) == len(set(asked)), f"a question was asked again: {asked}"
    return trackers[0]


@pytest.fixture(scope="module")
def reference(cluster):
    """The FR_AAC case held on one replica only: what the others must reach."""
    chat = Routed(cluster.replicas[:1])
    outcome, _ = converse(chat, FR_AAC)
    return outcome, facts(chat.slots())


def test_a_conversation_alternating_between_replicas_keeps_every_fact(cluster, reference):
    chat = Routed(cluster.replicas)  # turn 1 on A, 2 on B, 3 on A, ...
    outcome, messages = converse(chat, FR_AAC)
    assert chat.turn >= 6, "the conversation should span several turns on each replica"
    assert outcome == reference[0] and outcome["scheme"] == "FR_AAC"
    assert "e-Saturne" in texts(messages)
    tracker = assert_whole(chat, cluster.replicas)
    assert facts(tracker["slots"]) == reference[1]


SIDE_QUESTIONS = [
    "what is an AAC?", "what is an AAP?", "what is a CPC?", "how long does ANSM take to decide on an AAC?",
    "what is an AAC exactly?", "what is an AAP exactly?", "what is a CPC exactly?", "what does an AAC mean?",
]


def test_messages_sent_to_both_replicas_at_once_are_serialised(cluster, reference):
    """Two messages for one conversation at the same moment on each replica (4
    at once), twice: the Redis lock store makes them take turns, so the shared
    tracker holds each message once, each followed by exactly its own replies."""
    a, b = cluster.replicas
    chat = Routed([a])
    chat.say(FR_AAC)
    before = chat.slots()["requested_slot"]
    replies, starts = {}, []
    for round_ in range(2):
        batch = list(zip([a, b, a, b], SIDE_QUESTIONS[4 * round_: 4 * round_ + 4]))
        barrier = threading.Barrier(len(batch))

        def send(base, text):
            barrier.wait()
            starts.append(time.monotonic())
            r = requests.post(f"{base}/webhooks/rest/webhook", json={"sender": chat.sender, "message": text},
                              timeout=120)
            replies[text] = (r.status_code, r.json() if r.ok else r.text)

        threads = [threading.Thread(target=send, args=item) for item in batch]
        for t in threads:
            t.start()
        for t in threads:
            t.join(180)
        assert max(starts[-4:]) - min(starts[-4:]) < 0.2, "the messages were not sent at once"
    assert all(status == 200 and body for status, body in replies.values()), replies

    events = chat.tracker(b)["events"]
    assert events == chat.tracker(a)["events"]
    sent = [FR_AAC] + SIDE_QUESTIONS
    assert Counter(user_texts(events)) == Counter(sent), "a message was lost or stored twice"
    assert [e["event"] for e in events].count("session_started") == 1
    stamps = [e["timestamp"] for e in events]
    assert stamps == sorted(stamps), "turns were interleaved"
    # Each turn: the user's message, then its own replies, then action_listen once, at the end.
    turns, current = [], None
    for event in events:
        if event["event"] == "user":
            current = {"text": event["text"], "events": []}
            turns.append(current)
        elif current is not None:
            current["events"].append(event)
    for turn in turns:
        listens = [i for i, e in enumerate(turn["events"]) if e["event"] == "action" and e["name"] == "action_listen"]
        assert listens == [len(turn["events"]) - 1], f"turn {turn['text']!r} is not whole: {turn['events']}"
        if turn["text"] in replies:
            said = [e["text"] for e in turn["events"] if e["event"] == "bot"]
            assert said == [m.get("text") for m in replies[turn["text"]][1]], turn["text"]
    # The open question is still open, and the conversation still reaches its outcome.
    assert chat.slots()["requested_slot"] == before
    chat.bases = [b, a]
    outcome, _ = answer_until_outcome(chat, chat.say(ANSWERS[before]))
    assert outcome == reference[0]
    assert facts(chat.slots()) == reference[1]


def test_the_front_spreads_one_conversation_over_both_replicas(cluster, reference):
    chat = Routed([cluster.front_url])
    outcome, _ = converse(chat, FR_AAC)
    assert outcome == reference[0]
    ports = {base.rsplit(":", 1)[1] for base in cluster.replicas}
    # Both replicas answered: messages and tracker reads, round-robin.
    assert {u.rsplit(":", 1)[1] for u in chat.served} == ports, chat.served
    assert_whole(chat, cluster.replicas)


def test_a_replica_killed_mid_conversation_loses_nothing(cluster, reference):
    """Runs last: it kills replica B (SIGKILL), and the conversation goes on
    through the front, which now reaches replica A only."""
    a, b = cluster.replicas
    chat = Routed([a, b])
    messages = chat.say(FR_AAC)
    for _ in range(3):  # turns on B, A, B
        messages = chat.say(ANSWERS[chat.slots()["requested_slot"]])
    assert not pathway_of(messages)
    victim = cluster.procs["rasa-2"]
    os.kill(victim.pid, signal.SIGKILL)
    victim.wait(30)
    with pytest.raises(requests.ConnectionError):
        requests.get(f"{b}/status", timeout=5)
    chat.bases = [cluster.front_url]
    killed_at = len(chat.upstreams)
    outcome, _ = answer_until_outcome(chat, messages)
    assert outcome == reference[0]
    a_port = a.rsplit(":", 1)[1]
    assert all(u and u.endswith(f":{a_port}") for u in chat.upstreams[killed_at:]), chat.upstreams
    tracker = assert_whole(chat, [a])
    assert facts(tracker["slots"]) == reference[1]
