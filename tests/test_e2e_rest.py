"""End to end: the real action server and Rasa server, whole conversations
over the REST channel, the contract payload checked for every scheme code."""
import uuid
from dataclasses import replace
from pathlib import Path

import pytest
import requests

from bot.config import PROJECT_ROOT as ROOT
from bot.config import load_settings
from services.run import free_port, service_env, start_services, stop_all

pytestmark = pytest.mark.e2e
MODEL = ROOT / "models" / "assistant.tar.gz"
E2E_DATABASE_URL = "sqlite:///{tmp}/access.db"


server_env = {}


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    assert MODEL.exists(), "train first: make train"
    settings = replace(
        load_settings(), host="127.0.0.1", rasa_port=free_port(), action_port=free_port(),
        rasa_api_token="e2e-token", tracker_db_url=str(tmp_path_factory.mktemp("db") / "tracker.db"),
        lock_store_url="",  # one server: Rasa's in-memory lock store, whatever .env says
        medical_info_contact="MI-CONTACT", urgent_contact="URGENT-LINE", pharmacovigilance_contact="PV-CONTACT",
    )
    env = service_env(settings)
    env.update({"MEDICAL_INFO_CONTACT": "MI-CONTACT", "URGENT_CONTACT": "URGENT-LINE", "PHARMACOVIGILANCE_CONTACT": "PV-CONTACT",
                "DATABASE_URL": E2E_DATABASE_URL.format(tmp=tmp_path_factory.mktemp("access")),
                "SMTP_HOST": "", "MAIL_DIR": str(tmp_path_factory.mktemp("mail"))})
    try:
        procs = start_services(settings, MODEL, env, tmp_path_factory.mktemp("logs"))
    except RuntimeError as exc:
        pytest.fail(str(exc), pytrace=False)
    server_env.update(env)
    try:
        yield f"http://127.0.0.1:{settings.rasa_port}"
    finally:
        stop_all(procs)


class Chat:
    def __init__(self, base):
        self.base, self.sender = base, f"e2e-{uuid.uuid4().hex[:10]}"

    def say(self, text):
        r = requests.post(f"{self.base}/webhooks/rest/webhook", json={"sender": self.sender, "message": text}, timeout=60)
        r.raise_for_status()
        return r.json()

    def tracker(self):
        r = requests.get(f"{self.base}/conversations/{self.sender}/tracker", params={"token": "e2e-token"}, timeout=30)
        r.raise_for_status()
        return r.json()

    def slots(self):
        return self.tracker()["slots"]


def pathway_of(messages):
    found = [m["custom"]["pathway"] for m in messages if isinstance(m.get("custom"), dict) and "pathway" in m["custom"]]
    assert len(found) <= 1, "exactly one outcome message"
    return found[0] if found else None


def texts(messages):
    return "\n".join(m.get("text", "") for m in messages)


ANSWERS = {
    "role": "I'm the treating physician",
    "in_development": "no",
    "in_company_trial": "no",
    "trial_available": "no",
    "serious_condition": "yes",
    "alternatives_exhausted": "yes",
    "previously_treated": "no",
}


def converse(chat, first, overrides=None, limit=14):
    """Answer whatever the bot asks (read from the tracker) until the outcome."""
    answers = {**ANSWERS, **(overrides or {})}
    messages = chat.say(first)
    for _ in range(limit):
        outcome = pathway_of(messages)
        if outcome:
            return outcome, messages
        asked = chat.slots()["requested_slot"]
        assert asked, texts(messages)
        messages = chat.say(answers[asked])
    raise AssertionError("no outcome")


CASES = [
    ("FR_AAC", "I'm an oncologist in a French hospital; the medicine is not approved anywhere", {}),
    ("FR_AAP", "I'm a doctor in Lyon, France; the drug has no marketing authorisation", {"in_development": "yes, it's in phase 3 for this use"}),
    ("FR_CPC", "I'm a physician in France; the medicine is approved in France but for another indication", {}),
    ("FR_MD_DEROGATION", "I'm a surgeon in France; it's a medical device with no CE marking", {}),
    ("COMPANY_MAP", "I'm a neurologist in Belgium; the drug is not approved there", {}),
    ("NONE_NEEDED", "I'm a GP in the UK; the medicine is approved and available", {}),
    ("CLINICAL_TRIAL", "I'm a doctor in Spain; the drug is investigational", {"trial_available": "yes"}),
    # the product's status is asked first: authorised and available would decide before the trial
    ("CONTINUE_TRIAL", "I'm a doctor in Germany and my patient is enrolled in one of your trials",
     {"product_type": "a medicine", "authorisation": "it isn't approved anywhere yet"}),
    ("NOT_ELIGIBLE", "I'm a physician in France; the medicine isn't approved anywhere", {"serious_condition": "no, it's mild"}),
]


# What the fact sheet (../shared/reference/access-schemes-facts.md, section 1
# and the decision table) says each outcome is: eligible, who files, with
# whom, through which channel (a word that must appear), and the criteria
# that failed.
EXPECTED = {
    "FR_AAC": (True, "hospital_prescriber", "ANSM", "e-Saturne", []),  # 1.1: prescriber files in e-Saturne, PUI transmits
    "FR_AAP": (True, "company", "HAS", "SESAME", []),  # 1.2: the company files with HAS through SESAME
    "FR_CPC": (True, "none", "ANSM", "CPC", []),  # 1.3/1.4: prescribing within the CPC, no request
    "FR_MD_DEROGATION": (True, "manufacturer", "ANSM", "démarches simplifiées", []),  # 1.5
    "COMPANY_MAP": (True, "treating_physician", "company", "managed access", []),  # 9: the physician asks the company
    "NONE_NEEDED": (False, "none", "none", "prescription", ["authorisation"]),
    "CLINICAL_TRIAL": (False, "none", "none", "trial", ["trial_available"]),
    "CONTINUE_TRIAL": (False, "none", "none", "trial", ["in_company_trial"]),
    "NOT_ELIGIBLE": (False, "none", "none", "none", ["serious_condition"]),
}


@pytest.mark.parametrize("scheme,first,overrides", CASES, ids=[c[0] for c in CASES])
def test_each_scheme_code(server, scheme, first, overrides):
    chat = Chat(server)
    outcome, messages = converse(chat, first, overrides)
    assert outcome["scheme"] == scheme
    assert chat.slots()["pathway"] == scheme
    eligible, filer, authority, channel_word, unmet = EXPECTED[scheme]
    assert (outcome["eligible"], outcome["filer"], outcome["authority"], outcome["unmet_criteria"]) == \
        (eligible, filer, authority, unmet)
    assert channel_word in outcome["channel"]
    for key in ("country", "validity", "next_steps", "sources", "reviewed"):
        assert outcome[key]
    assert outcome["sources"] and all(s["url"].startswith("http") for s in outcome["sources"])
    assert len(outcome["reviewed"]) == 10
    if scheme == "FR_AAC":
        assert "e-Saturne" in texts(messages)


def test_volunteered_facts_are_not_asked_again(server):
    chat = Chat(server)
    messages = chat.say(
        "I'm a neurologist in a French hospital. My patient has a life-threatening disease, she failed three "
        "lines of therapy and has never received your drug, which is not approved anywhere and not in "
        "development. She is not in any of your trials and there is no trial she can join."
    )
    outcome = pathway_of(messages)
    assert outcome and outcome["scheme"] == "FR_AAC", texts(messages)
    slots = chat.slots()
    assert (slots["country"], slots["role"], slots["serious_condition"]) == ("FR", "physician", True)


def test_correction_changes_the_outcome(server):
    chat = Chat(server)
    outcome, _ = converse(chat, "I'm an oncologist in France; the medicine is not approved anywhere")
    assert outcome["scheme"] == "FR_AAC"
    messages = chat.say("sorry, the patient is treated in Belgium")
    assert pathway_of(messages)["scheme"] == "COMPANY_MAP"
    assert chat.slots()["country"] == "BE"


def test_dont_know_gives_each_case(server):
    chat = Chat(server)
    messages = chat.say("I'm a doctor in France; the medicine is not approved anywhere")
    assert chat.slots()["requested_slot"] == "in_development"
    messages = chat.say("I don't know")
    assert "decides between" in texts(messages)
    for _ in range(6):
        asked = chat.slots()["requested_slot"]
        if not asked:
            break
        messages = chat.say(ANSWERS[asked])
    options = [m["custom"]["pathway_options"] for m in messages if isinstance(m.get("custom"), dict) and "pathway_options" in m["custom"]]
    assert options and {o["pathway"]["scheme"] for o in options[0]["options"]} == {"FR_AAC", "FR_AAP"}


def test_side_question_then_back_to_the_open_question(server):
    chat = Chat(server)
    chat.say("I'm the treating physician and I'd like to check access for my patient")
    assert chat.slots()["requested_slot"] == "country"
    messages = chat.say("what is an AAC?")
    assert "ansm.sante.fr" in texts(messages) and "reviewed" in texts(messages)
    assert chat.slots()["requested_slot"] == "country"
    assert "country" in messages[-1]["text"].lower()


def test_emergency_route_first(server):
    chat = Chat(server)
    messages = chat.say("this is an emergency, my patient needs treatment within 48 hours")
    assert "URGENT-LINE" in messages[0]["text"]
    assert "astreinte" in texts(messages)


def test_guardrails_and_person(server):
    chat = Chat(server)
    assert "can't give medical advice" in texts(chat.say("what dose should I give her?"))
    assert "PV-CONTACT" in texts(chat.say("my patient had a severe reaction after taking your drug"))
    assert "MI-CONTACT" in texts(chat.say("I want to talk to a person"))


def test_unconfirmed_fact_is_not_asserted(server):
    chat = Chat(server)
    reply = texts(chat.say("how long does ANSM take to decide on an AAC?"))
    assert "not published" in reply


# --- Handoff (issue 3) -----------------------------------------------------

def handoff_of(messages):
    found = [m["custom"]["handoff"] for m in messages if isinstance(m.get("custom"), dict) and "handoff" in m["custom"]]
    assert len(found) <= 1
    return found[0] if found else None


def stored_requests():
    from storage.engine import engine_for
    from storage.requests import list_requests

    return list_requests(engine_for(server_env["DATABASE_URL"]))


CONTACT = [
    ("contact_name", "Dr Claire Fontaine"),
    ("contact_institution", "Hospices Civils de Lyon"),
    ("contact_email", "claire.fontaine@chu-lyon.fr"),
    ("contact_phone", "04 72 11 22 33"),
    ("contact_time", "weekday mornings"),
    ("contact_consent", "yes, I agree"),
]


def give_contact(chat, answers=CONTACT):
    messages = []
    for slot, text in answers:
        assert chat.slots()["requested_slot"] == slot, texts(messages)
        messages = chat.say(text)
    return messages


def test_physician_handoff_with_re_asks_stores_one_request(server):
    chat = Chat(server)
    outcome, _ = converse(chat, CASES[0][1])
    assert outcome["scheme"] == "FR_AAC"
    chat.say("yes, put me in touch with your team to go ahead")
    assert chat.slots()["requested_slot"] == "contact_name"
    chat.say("Dr Claire Fontaine")
    chat.say("Hospices Civils de Lyon")
    bad = chat.say("claire.fontaine at hcl")
    assert "valid email address" in texts(bad) and chat.slots()["requested_slot"] == "contact_email"
    chat.say("claire.fontaine@chu-lyon.fr")
    assert chat.slots()["contact_email"] == "[provided]"  # the address is in the draft, not the tracker
    bad = chat.say("12345")
    assert "valid phone number" in texts(bad) and chat.slots()["requested_slot"] == "contact_phone"
    pii = chat.say("+33 4 72 11 22 33, the patient is Marc Dubois born 02/05/1961")
    assert "secure channel" in texts(pii) and chat.slots()["requested_slot"] == "contact_phone"
    messages = give_contact(chat, CONTACT[3:])
    handoff = handoff_of(messages)
    assert handoff and handoff["queue"] == "managed_access"
    assert handoff["reference"] in texts(messages) and handoff["acknowledge_by"]
    [request] = [r for r in stored_requests() if r.conversation_id == chat.sender]
    assert request.reference == handoff["reference"] and request.acknowledge_by.isoformat() == handoff["acknowledge_by"]
    assert request.assessment["outcome"]["scheme"] == "FR_AAC" and request.contact["email"] == "claire.fontaine@chu-lyon.fr"
    assert request.contact["phone"] == "+33472112233" and not request.urgent
    assert "Dubois" not in str(request.assessment) + str(request.contact)
    # Asking again returns the same request.
    again = chat.say("can I talk to a person please")
    assert handoff_of(again)["reference"] == handoff["reference"]
    assert len([r for r in stored_requests() if r.conversation_id == chat.sender]) == 1
    # The team email is in the local mail folder (local mode).
    from mail.mailers import FileMailer
    from mail.outbox import drain_outbox
    from storage.engine import engine_for
    drain_outbox(engine_for(server_env["DATABASE_URL"]), FileMailer(Path(server_env["MAIL_DIR"])), "bot@example.com")
    assert any(handoff["reference"] in p.read_text() for p in Path(server_env["MAIL_DIR"]).glob("*.eml"))


def test_status_lookup_needs_the_right_email(server):
    chat = Chat(server)
    converse(chat, CASES[0][1])
    chat.say("I want to go ahead, please connect me with your team")
    reference = handoff_of(give_contact(chat))["reference"]
    later = Chat(server)
    wrong = later.say(f"what's the status of request {reference}?")
    assert later.slots()["requested_slot"] == "status_email", texts(wrong)
    wrong = later.say("someone.else@example.org")
    assert "couldn't find" in texts(wrong) and "received" not in texts(wrong)
    later.say(f"status of {reference} please")
    right = later.say("Claire.Fontaine@chu-lyon.fr")
    said = texts(right)
    assert reference in said and "received" in said and "claire" not in said.lower()
    missing = Chat(server)
    missing.say("I'd like an update on my request")
    missing.say("MA-2345-6789")
    assert missing.slots()["requested_slot"] == "status_email"
    assert "couldn't find" in texts(missing.say("claire.fontaine@chu-lyon.fr"))


def test_an_advocate_gets_a_summary_for_the_physician_and_can_be_contacted(server):
    chat = Chat(server)
    chat.say("I'm her daughter; she is treated in France and the medicine is not approved anywhere")
    messages = chat.say("can I talk to someone at your company")
    said = texts(messages)
    assert "can only come from the treating physician" in said and "summary you can give the treating physician" in said
    assert chat.slots()["requested_slot"] == "contact_consent"
    chat.say("yes please")
    chat.say("Anna Dubois")
    done = chat.say("anna.dubois@example.org")
    handoff = handoff_of(done)
    assert handoff and handoff["queue"] == "medical_information"
    [request] = [r for r in stored_requests() if r.conversation_id == chat.sender]
    assert request.kind == "mi_contact" and request.contact["email"] == "anna.dubois@example.org"


@pytest.mark.parametrize("instead", ["actually, first I'd like to check whether my patient can get the drug",
                                     "I'm a GP in Lyon and the medicine isn't approved in France"])
def test_asked_for_consent_a_user_can_go_to_the_check_instead_and_keep_what_they_said(server, instead):
    """Pool 56: asking for a person first, then for the check (or stating the
    case), had kept the user in the contact form, re-asked for consent."""
    chat = Chat(server)
    chat.say("Can I speak to someone from medical information please")
    assert chat.slots()["requested_slot"] == "contact_consent"
    said = texts(chat.say(instead))
    slots = chat.slots()
    assert "nothing has been sent" in said.lower() and "agree to be contacted" not in said.lower()
    assert slots["requested_slot"] not in (None, "contact_consent") and not slots.get("contact_consent")
    if "Lyon" in instead:
        assert slots["country"] == "FR" and slots["role"] == "physician" and slots["authorisation"] == "not_authorised"
    assert not [r for r in stored_requests() if r.conversation_id == chat.sender]


def test_an_emergency_handoff_is_urgent_and_gives_the_urgent_contact_at_once(server):
    chat = Chat(server)
    chat.say("I'm the treating physician in France; my patient may die within days without this drug")
    messages = chat.say("I need to speak to someone now")
    assert "URGENT-LINE" in messages[0].get("text", "")
    done = give_contact(chat)
    handoff = handoff_of(done)
    assert handoff["queue"] == "urgent" and "URGENT-LINE" in texts(done)
    [request] = [r for r in stored_requests() if r.conversation_id == chat.sender]
    assert request.urgent


def test_the_stored_transcript_is_redacted_and_flagged(server):
    """The servers use the redacting tracker store: nothing typed as contact
    data reaches the events table, and the adverse-event flag is recorded."""
    from sqlalchemy import create_engine, select

    from storage.schema import events, flags

    chat = Chat(server)
    chat.say("hi, I'm Dr Jane Martin, you can reach me at jane.martin@chu-lyon.fr or +33 4 72 11 22 33")
    chat.say("my patient had a severe rash after taking your drug")
    chat.say("this is useless, you're not helping")
    engine = create_engine(f"sqlite:///{server_env['TRACKER_DB']}", future=True)
    with engine.connect() as conn:
        stored = "\n".join(r.data for r in conn.execute(select(events.c.data).where(events.c.sender_id == chat.sender)))
        raised = {r.flag for r in conn.execute(select(flags.c.flag).where(flags.c.sender_id == chat.sender))}
    assert stored and "jane.martin@chu-lyon.fr" not in stored and "72 11 22 33" not in stored and "Jane Martin" not in stored
    assert {"adverse_event", "negative_feedback"} <= raised


# The conversation evaluation's quick variant (`make eval` runs the held-out
# pool): whole conversations from the development pool, written blind, through
# these servers. The floor is under the development figure (1.000 on 320
# conversations at the end of the sixth session, BENCHMARKS.md) by the spread
# of a 60-conversation sample, so that a regression fails.
QUICK_CONVERSATIONS, QUICK_SUCCESS_FLOOR = 60, 0.93


def test_whole_conversations_from_the_development_pool(server):
    import asyncio

    from bot.knowledge import get_knowledge_base
    from evaluation.conversations import MAX_TURNS, describe_failure, load_pool, run_all, scenarios, summarise

    pool = load_pool(ROOT / "tests" / "conversations" / "pool_dev.yml")
    chosen = scenarios(pool, get_knowledge_base(), load_settings(), QUICK_CONVERSATIONS, seed=11)
    results = asyncio.run(run_all(server, "e2e-token", chosen, pool, concurrency=2))
    report = summarise(results)
    failures = "\n".join(describe_failure(r) for r in results if not r.success)
    assert not [r for r in results if len(r.turns) >= MAX_TURNS], failures  # never a loop
    # Known gap: a side reply (greeting, "are you a bot?") re-asks the open
    # question without counting a miss, so a run of the same question can
    # exceed the repair's three prompts; measured, not yet asserted.
    runs = max((max(_runs(r.questions), default=0) for r in results), default=0)
    print(f"longest run of one question: {runs}")
    assert report.success_rate >= QUICK_SUCCESS_FLOOR, (report, failures)


def _runs(questions):
    """Lengths of the runs of the same question asked in a row."""
    runs, last = [], None
    for q in questions:
        if q == last:
            runs[-1] += 1
        else:
            runs.append(1)
        last = q
    return runs
