"""Answers to questions about the schemes and the programme, asked outside
the assessment. A precise question ("who pays for an AAC?") gets the facet
it asks for (bot/facets.py); a question on a wrong premise gets the
correction first (bot/premises.py); a general one ("what is an AAC?") the
scheme's summary. Every statement is a knowledge-base fact with its sources
and review date; a fact the fact sheet marks UNCONFIRMED is answered as not
published, with who to ask."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable, List, Mapping, Optional, Sequence, Tuple

from bot.config import Settings
from bot.facets import Reading, context_for, names_scheme, read_if_named, read_question, select_parts
from bot.knowledge import Fact, KnowledgeBase
from bot.premises import Correction, check_premises
from bot.render import Message, fact_answer, sources_line, value_label
from bot.slots import FACT_SLOTS
from bot.understanding import asks_something

CORRECTION_LEAD = "A correction first"
MAX_CORRECTIONS = 2
# Facts of the assessment that make a question about who may get a product an
# opening of the assessment (see opens_assessment).
OPENING_FACTS = 2
# ... and a message that asks nothing and states this many tells a case, whatever scheme its words evoke.
CASE_FACTS = 4
# What each kind of correction is about, named before the fact that corrects it.
CORRECTION_ASPECTS = {
    "former_name": "the name",
    "route": "the route",
    "criterion": "the programme's criteria",
    "filer": "who files",
    "channel": "how the request is sent",
    "authority": "who decides",
    "duration_validity": "how long it is valid",
    "duration_decision_time": "the decision time",
    "duration_renewal_notice": "when to ask for renewal",
    "per_patient_approval": "approval for each patient",
    "automatic_renewal": "renewal",
    "indefinite": "how long it lasts",
    "community_pharmacy": "who dispenses it",
    "outside_country": "where it is valid",
    "direct_transmission": "who transmits the request",
    "acknowledgement_is_approval": "what an acknowledgement means",
    "override_negative_opinion": "ANSM's opinion",
    "automatic_reimbursement": "reimbursement",
    "continues_after_authorisation": "what happens once the product is authorised",
    "authority_approval_needed": "whether ANSM must be asked",
    "single_patient": "who it is for",
    "no_ansm_opinion": "ANSM's opinion",
    "lapses_during_renewal": "renewal",
}


@dataclass(frozen=True)
class Answer:
    """The answer to a question, with what it rests on: the reading, the
    corrections given first, and the (scheme, facet) pairs answered, in the
    order the answer gives them."""

    reading: Reading
    corrections: Tuple[Correction, ...]
    answered: Tuple[Tuple[str, str], ...]
    messages: List[Message]


def _subject(code: str, kb: KnowledgeBase) -> Tuple[str, dt.date]:
    if code == kb.programme_code:
        return "The company's managed access programme", kb.programme.reviewed
    scheme = kb.schemes[code]
    return f"{scheme.name} ({scheme.code})", scheme.reviewed


def _facts_text(facts: Sequence[Fact], code: str, kb: KnowledgeBase, settings: Settings) -> List[str]:
    subject, reviewed = _subject(code, kb)
    return [fact_answer(f, reviewed, settings, subject) for f in facts]


def _correction_message(c: Correction, kb: KnowledgeBase, settings: Settings) -> Message:
    """"A correction first, on <aspect>:" then what corrects it: the facts,
    with their sources, or for a wrong route the route that applies."""
    lead = f"{CORRECTION_LEAD}, on {CORRECTION_ASPECTS.get(c.claim, 'this')}:"
    if c.claim == "former_name":
        lead += f" the {c.said} no longer exists under that name."
    if c.claim == "route":
        described = ", ".join(value_label(slot, value) for slot, value in c.stated)
        name, _ = _subject(c.scheme, kb)
        routes = "; or ".join(f"{kb.schemes[t.scheme].name} ({t.scheme}) when {t.because}" for t in c.targets)
        sources = _unique(s for t in c.targets for s in t.sources)
        text = (f"{lead} from what you describe ({described}), this is not a case for the {name}. "
                f"The route is {routes}.\n{sources_line(sources, min(t.reviewed for t in c.targets))}")
        return Message(text=text)
    parts = _facts_text(c.facts, c.scheme, kb, settings)
    parts += [f"Otherwise the outcome is {kb.schemes[t.scheme].name} ({t.scheme}): {t.because}"
              for t in c.targets if c.claim == "criterion"]
    return Message(text=f"{lead} " + "\n\n".join(parts))


def _unique(sources):
    seen, out = set(), []
    for s in sources:
        if s.url not in seen:
            seen.add(s.url)
            out.append(s)
    return out


def _general(reading: Reading, kb: KnowledgeBase, settings: Settings) -> List[Message]:
    """No facet asked: the scheme's summary (the programme's, with its
    benefit-risk rule), both schemes' for a difference, post-trial access."""
    prog = kb.programme
    if reading.topic == "post_trial_access" and "post_trial_access" in prog.facts:
        code = kb.programme_code or ""
        return [Message(text=t) for t in _facts_text([prog.facts["post_trial_access"]], code, kb, settings)]
    codes = list(reading.schemes[:2]) if reading.topic == "difference" else list(reading.schemes[:1])
    messages: List[Message] = []
    for code in codes:
        if code == kb.programme_code:
            facts = [prog.facts[k] for k in ("what",) if k in prog.facts]
            facts += [f for f in prog.company_assessed if f.key == "benefit_risk"]
        else:
            keys = ("what", "who_files") if reading.topic == "difference" else ("what",)
            facts = [kb.schemes[code].facts[k] for k in keys if k in kb.schemes[code].facts]
        messages += [Message(text=t) for t in _facts_text(facts, code, kb, settings)]
    return messages


def answer(text: str, kb: KnowledgeBase, settings: Settings, current_scheme: Optional[str] = None,
           role: Optional[str] = None) -> Answer:
    reading = read_question(text, kb, current_scheme)
    corrections = check_premises(text, reading, kb, role)[:MAX_CORRECTIONS]
    messages = [_correction_message(c, kb, settings) for c in corrections]
    answered = [(c.scheme, f) for c in corrections for f in c.facets]
    given = {(c.scheme, f.key) for c in corrections for f in c.facts}

    if reading.facet is None or not reading.schemes:
        return Answer(reading, corrections, tuple(answered), messages + _general(reading, kb, settings))

    code, facts = reading.scheme, reading.facts
    # A wrong route with one right one: the facet asked is answered for it.
    routed = [c for c in corrections if c.claim == "route" and len(c.targets) == 1]
    if routed:
        code = routed[0].targets[0].scheme
        facts = select_parts(kb.facet_facts(code, reading.facet), reading.words, context_for(kb).lexicon)
    facts = tuple(f for f in facts if (code, f.key) not in given)
    if facts:
        messages += [Message(text=t) for t in _facts_text(facts, code, kb, settings)]
        answered.append((code, reading.facet))
    elif not corrections:
        subject, _ = _subject(code, kb)
        label = kb.facet_catalogue.labels[reading.facet]
        messages.append(Message(text=f"My sources say nothing on {label} for {subject}. "
                                     f"Our medical team can help: {settings.medical_info_contact}."))
        messages += _general(reading, kb, settings)
    return Answer(reading, corrections, tuple(answered), messages)


def answer_question(text: str, kb: KnowledgeBase, settings: Settings, current_scheme: Optional[str] = None,
                    role: Optional[str] = None) -> List[Message]:
    return answer(text, kb, settings, current_scheme, role).messages


def premise_corrections(text: str, kb: KnowledgeBase, settings: Settings, current_scheme: Optional[str] = None,
                        role: Optional[str] = None) -> List[Message]:
    """Only the corrections of a message's wrong premises (none when it makes
    no wrong claim), for a turn that goes on with something else: "we'd file
    an AAC for this non-CE stent" read as the start of an assessment still
    gets its correction first. Only a message that names a scheme is read."""
    reading = read_if_named(text, kb, current_scheme)
    if reading is None:
        return []
    return [_correction_message(c, kb, settings) for c in check_premises(text, reading, kb, role)[:MAX_CORRECTIONS]]


def _described_elsewhere(reading: Reading, stated: Iterable[str], kb: KnowledgeBase) -> bool:
    """A national scheme evoked only by the words of the case ("your shunt valve
    isn't FDA cleared for anything ... what's the route?") for a patient the
    message places in another country: no question about that scheme (pool 36:
    surgeons in San Francisco and Bristol were given the French device
    derogation's criteria). Named by its name, it is asked about (and its
    premise corrected)."""
    country = stated.get("country") if isinstance(stated, Mapping) else None
    scheme = kb.schemes.get(reading.scheme) if reading.scheme else None
    return bool(country and scheme and scheme.country and scheme.country != country
                and not names_scheme(reading, kb))


def opens_assessment(text: str, stated: Iterable[str], kb: KnowledgeBase) -> bool:
    """Before any outcome, a message that states two facts of the assessment,
    names no scheme and asks only who may get the product, or nothing
    precise, opens the assessment: its outcome is the answer ("one of our
    patients is in your company's study, what options exist afterwards?",
    "ich bin Patient in Graz, wie komme ich an Ardovan?"). Answering it with
    the programme's criteria instead made the assessment ask again what the
    message had said. A precise question ("I'm a GP in Lyon, who pays?") or
    one that names a national scheme is answered."""
    if sum(slot in FACT_SLOTS for slot in stated) < OPENING_FACTS:
        return False
    reading = read_question(text, kb)
    # "your company's study" names the programme only in passing; a scheme
    # read from the words of a message that asks nothing and tells the case
    # is no question about it ("a custom-made stent graft, not on the ARTG,
    # the manufacturer is seeking approval through a clinical investigation",
    # pool 34, got the French device derogation's criteria).
    about_a_scheme = reading.named and reading.scheme != kb.programme_code and not (
        sum(slot in FACT_SLOTS for slot in stated) >= CASE_FACTS and not asks_something(text)) \
        and not _described_elsewhere(reading, stated, kb)
    # A facet read in a message that asks nothing is no question: "Jag är
    # läkare. Företaget ... har inte ansökt om godkännande" states facts
    # (blind pool 30 had it answered as a question about documents).
    return not about_a_scheme and (reading.facet in (None, "eligibility") or not asks_something(text))


# Intents whose own route comes first, so a precise question classified as
# one of them is not answered in words: the safety guidance, the handoff, and
# the question route itself.
OWN_ROUTE_INTENTS = frozenset({"ask_info", "report_adverse_event", "emergency", "human_handoff"})
ASSESSMENT_INTENT = "start_assessment"


def answered_in_words(text: str, intent: Optional[str], kb: KnowledgeBase) -> bool:
    """A precise question the classifier sent elsewhere (`intent`), which the
    action it reaches answers all the same. "Can my patient get it through an
    AAC?" read as asking for an assessment gets the assessment."""
    return intent not in OWN_ROUTE_INTENTS and asks_a_precise_question(
        text, kb, wants_assessment=intent == ASSESSMENT_INTENT)


def asks_a_precise_question(text: str, kb: KnowledgeBase, wants_assessment: bool = False) -> bool:
    """A message in the form of a question that names a scheme and asks one
    of its facets, or rests on a wrong premise: "who pays for the medicine
    under an AAC?". The intent classifier has taken such questions for
    answers or for something out of scope; the assistant answers them all
    the same. Only named schemes: "is it serious?" after an outcome is left
    to the classifier. `wants_assessment`: the message was read as asking
    for an assessment, which answers who may get the product: then a
    question about eligibility is not one."""
    if not asks_something(text):
        return False
    reading = read_if_named(text, kb)
    if reading is None or not reading.schemes:
        return False
    if check_premises(text, reading, kb):
        return True
    return reading.facet is not None and not (wants_assessment and reading.facet == "eligibility")
