"""Answers to questions about the schemes and the programme, asked outside
the assessment ("what is an AAC?", "does it cost anything?"). Every answer is
a knowledge-base fact with its sources and review date."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import List, Optional, Pattern, Sequence, Tuple

import yaml

from bot.config import Settings
from bot.knowledge import Fact, KnowledgeBase, Scheme
from bot.render import Message, fact_answer
from bot.understanding import LEXICON

# topic -> fact keys of a scheme / of the programme, in the order to answer
SCHEME_TOPICS = {
    "what": ("what",),
    "conditions": ("conditions", "research_exception"),
    "who_files": ("who_files",),
    "channel": ("channel",),
    "timeline": ("timeline",),
    "emergency": ("emergency",),
    "validity": ("validity",),
    "documents": ("documents",),
    "payment": ("payment", "pricing"),
    "after_authorisation": ("after_authorisation",),
    "difference": ("what", "who_files"),
}
PROGRAMME_TOPICS = {
    "what": ("what",),
    "conditions": ("criteria",),
    "who_files": ("who_can_request",),
    "channel": ("who_can_request", "contact"),
    "timeline": ("acknowledgement", "decision_time"),
    "acknowledgement": ("acknowledgement",),
    "validity": ("temporary",),
    "after_authorisation": ("temporary",),
    "payment": ("cost",),
    "post_trial_access": ("post_trial_access",),
    "documents": ("contact",),
    "difference": ("what",),
}


@dataclass(frozen=True)
class TopicLexicon:
    topics: Tuple[Tuple[str, Pattern[str]], ...]
    programme_words: Pattern[str]


@lru_cache(maxsize=2)
def load_topics() -> TopicLexicon:
    data = yaml.safe_load(LEXICON.read_text(encoding="utf-8"))
    topics = tuple((name, re.compile(rx, re.IGNORECASE)) for name, rx in data["topics"].items())
    return TopicLexicon(topics, re.compile(data["programme_words"], re.IGNORECASE))


def detect_topic(text: str) -> str:
    for name, rx in load_topics().topics:
        if rx.search(text):
            return name
    return "what"


def _alias_pattern(alias: str) -> Pattern[str]:
    return re.compile(r"(?<![\w-])" + re.escape(alias) + r"(?![\w-])", re.IGNORECASE if len(alias) > 4 else 0)


def mentioned_schemes(text: str, kb: KnowledgeBase) -> List[Scheme]:
    """Schemes named in the text, by code, acronym, name or channel."""
    hits: List[Tuple[int, Scheme]] = []
    for scheme in kb.schemes.values():
        if scheme.country == "*":
            continue
        names = [scheme.code, scheme.name, *scheme.aliases] + ([scheme.local_name] if scheme.local_name else [])
        positions = [m.start() for n in names for m in [_alias_pattern(n).search(text)] if m]
        # Acronyms typed in lower case ("what is an aac") count too.
        positions += [m.start() for a in scheme.aliases if a.isupper() and len(a) <= 4
                      for m in [re.search(rf"\b{a.lower()}s?\b", text)] if m]
        if positions:
            hits.append((min(positions), scheme))
    # A channel named without its scheme ("what is e-Saturne?") asks about the scheme.
    for scheme in kb.schemes.values():
        if any(rx.search(text) for rx in scheme.channel_words) and all(s.code != scheme.code for _, s in hits):
            hits.append((len(text), scheme))
    return [s for _, s in sorted(hits, key=lambda h: h[0])]


def _facts_for(keys: Sequence[str], facts) -> List[Fact]:
    return [facts[k] for k in keys if k in facts]


def answer_question(
    text: str, kb: KnowledgeBase, settings: Settings, current_scheme: Optional[str] = None
) -> List[Message]:
    topic = detect_topic(text)
    schemes = mentioned_schemes(text, kb)
    about_programme = bool(load_topics().programme_words.search(text))
    if not schemes and not about_programme and current_scheme in kb.schemes and kb.schemes[current_scheme].facts:
        if kb.schemes[current_scheme].country != "*":
            schemes = [kb.schemes[current_scheme]]

    messages: List[Message] = []
    if schemes and topic != "post_trial_access":
        for scheme in schemes[:2]:
            keys = SCHEME_TOPICS.get(topic, ("what",))
            facts = _facts_for(keys, scheme.facts) or _facts_for(("what",), scheme.facts)
            for fact in facts:
                messages.append(Message(text=fact_answer(fact, scheme.reviewed, settings, f"{scheme.name} ({scheme.code})")))
        if topic == "payment":
            messages += _programme_answer("payment", kb, settings)
    else:
        messages += _programme_answer(topic, kb, settings)
    return messages


def _programme_answer(topic: str, kb: KnowledgeBase, settings: Settings) -> List[Message]:
    prog = kb.programme
    keys = PROGRAMME_TOPICS.get(topic, ("what",))
    subject = "The company's managed access programme"
    facts = _facts_for(keys, prog.facts)
    out = [Message(text=fact_answer(f, prog.reviewed, settings, subject)) for f in facts]
    if topic in ("conditions", "what"):
        for f in prog.company_assessed:
            if f.key == "benefit_risk":
                out.append(Message(text=fact_answer(f, prog.reviewed, settings, subject)))
    return out
