"""Wrong premises in a question, found by checking what the message claims
against the knowledge base: "we'd file an AAC for this non-CE-marked stent"
names a device, which no AAC route takes (routing); "the lab is filing the
AAC" names a filer the scheme does not have (`filer`); "HAS will answer on
the AAC" an authority it does not have; "through SESAME" another scheme's
channel; "an ATU nominative" a scheme that no longer exists (`former_names`);
"the AAC is good for three years" a duration its `premises` rule out. The
words that make each claim are data (data/lexicon/questions.yml); the facts
that correct them come from the knowledge base, with their sources.

A claim is read only where the message states something or asks a yes/no
question without offering alternatives: "who files an AAC?" and "ANSM or
HAS?" claim nothing."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, List, Mapping, Optional, Sequence, Tuple

from bot.facets import LEXICON, SCHEME_MIN_SCORE, Context, Reading, context_for, read_lexicon, scheme_scores, select_parts
from bot.knowledge import Fact, KnowledgeBase, Premise, Source
from bot.phrases import Phrase, normalise, phrases

ACTOR_REACH = 5  # words between an actor and the verb it is the subject of
OBJECT_REACH = 5  # words after a verb where its object is named
SUBJECT_REACH = 4  # words between an authority and the verb it is the subject of
# "FDA-approved" says what a product is, not who decides on a request.
PARTICIPLES = {"approved", "authorised", "authorized", "granted", "licensed"}
DURATION_TOLERANCE = 0.15  # "12 weeks" is "3 months"
FILLERS = {"so", "and", "but", "then", "ok", "okay", "also", "well", "sorry", "hi", "right", "yes", "now"}
ROLE_AS_ACTOR = {"physician": "physician", "patient": "patient", "patient_advocate": "patient"}


@dataclass(frozen=True)
class Target:
    """The outcome that applies instead, and why."""

    scheme: str
    because: str
    sources: Tuple[Source, ...]
    reviewed: dt.date


@dataclass(frozen=True)
class Correction:
    """A wrong claim about `scheme`, the facts that correct it and the facets
    of the scheme they answer. `said`: the words of the message the claim
    rests on; `targets`: the route that applies instead, if any."""

    scheme: str
    claim: str
    facts: Tuple[Fact, ...] = ()
    facets: Tuple[str, ...] = ()
    said: str = ""
    targets: Tuple[Target, ...] = ()
    stated: Tuple[Tuple[str, Any], ...] = ()  # for a wrong route: (slot, value) the message states


@dataclass(frozen=True)
class Actor:
    name: str
    files_as: Tuple[str, ...]
    words: Tuple[Phrase, ...]


@dataclass(frozen=True)
class PremiseLexicon:
    claims: Mapping[str, Tuple[Tuple[Phrase, ...], ...]]
    numbers: Mapping[str, int]
    units: Mapping[str, str]  # word -> unit
    relative: Tuple[Tuple[Phrase, int], ...]
    about: Tuple[Tuple[str, Tuple[Phrase, ...]], ...]
    actors: Tuple[Actor, ...]
    speaker_words: Tuple[str, ...]
    speaker_roles: Mapping[str, Tuple[Phrase, ...]]
    file_verbs: Tuple[Phrase, ...]
    request_from: Tuple[Phrase, ...]
    decide_verbs: Tuple[Phrase, ...]
    obtain_verbs: Tuple[Phrase, ...]
    status: Mapping[str, Mapping[Any, Tuple[Phrase, ...]]]
    other_channels: Tuple[Phrase, ...]
    phone_channels: Tuple[Phrase, ...]
    urgent_words: Tuple[Phrase, ...]
    authority_names: Mapping[str, Tuple[str, ...]]


@lru_cache(maxsize=4)
def load_premise_lexicon(path: Path = LEXICON) -> PremiseLexicon:
    data = read_lexicon(path)
    durations = data["durations"]
    units = {w: unit for unit, ws in durations["units"].items() for w in ws}
    actors = tuple(Actor(name, tuple(body.get("files_as") or ()), phrases(body["words"]))
                   for name, body in data["actors"].items())
    speaker = data["speaker"]
    return PremiseLexicon(
        claims={name: tuple(phrases(group) for group in groups) for name, groups in data["claims"].items()},
        numbers={str(k): int(v) for k, v in durations["numbers"].items()},
        units=units,
        relative=tuple((Phrase.parse(k), int(v)) for k, v in durations["relative"].items()),
        about=tuple((name, phrases(ws)) for name, ws in durations["about"].items()),
        actors=actors,
        speaker_words=tuple(speaker["words"]),
        speaker_roles={role: phrases(speaker[role]) for role in ("physician", "patient")},
        file_verbs=phrases(data["file_verbs"]),
        request_from=phrases(data.get("request_from") or ()),
        decide_verbs=phrases(data["decide_verbs"]),
        obtain_verbs=phrases(data.get("obtain_verbs") or ()),
        status={slot: {value: phrases(ws) for value, ws in by_value.items()}
                for slot, by_value in data["status"].items()},
        other_channels=phrases(data.get("other_channels") or ()),
        phone_channels=phrases(data.get("phone_channels") or ()),
        urgent_words=phrases(data.get("urgent_words") or ()),
        authority_names={code: tuple(ws) for code, ws in (data.get("authority_names") or {}).items()},
    )


def check_premise_lexicon(lex: PremiseLexicon, kb: KnowledgeBase) -> None:
    """Every claim the knowledge base can mark wrong has words, and the
    status values are values of the routing's slots."""
    missing = [c for c in kb.facet_catalogue.claims if c != "duration" and c not in lex.claims]
    if missing:
        raise ValueError(f"{LEXICON}: claims: no words for {missing} (data/knowledge/facets.yml)")
    from bot.facts import DOMAINS, valid_value

    for slot, by_value in lex.status.items():
        for value in by_value:
            if slot not in DOMAINS or not valid_value(slot, value):
                raise ValueError(f"{LEXICON}: status: {slot}: {value!r} is not a value of a contract slot")


# --------------------------------------------------------------------------
# Where a message claims something


@dataclass(frozen=True)
class Sentence:
    """The parts of one sentence that may claim something."""

    raw: str
    words: Tuple[str, ...]


def claiming_sentences(text: str, ctx: Context) -> List[Sentence]:
    lex = ctx.lexicon
    out = []
    for raw_sentence in re.split(r"[.;!?\n]+", text or ""):
        words_all = normalise(raw_sentence)
        if not words_all or any(w in lex.alternative_words for w in words_all):
            continue
        kept_raw, kept_words = [], []
        for segment in raw_sentence.split(","):
            words = normalise(segment)
            opening = next((w for w in words if w not in FILLERS), None)
            if opening is None or opening in lex.wh_words:
                continue
            kept_raw.append(segment)
            kept_words += ctx.speller.correct(words)
        if kept_words:
            out.append(Sentence(",".join(kept_raw), tuple(kept_words)))
    return out


def _any(group: Iterable[Phrase], words: Sequence[str]) -> Optional[Tuple[int, int]]:
    hits = [h for p in group for h in [p.find(words)] if h]
    return min(hits) if hits else None


def _values(by_value: Mapping[Any, Tuple[Phrase, ...]], words: Sequence[str]) -> List[Any]:
    """The values the words state; when several do, the one said with the
    longest phrase ("marketed here but for another indication" is another
    indication, not "marketed here")."""
    spans = {}
    for value, group in by_value.items():
        hits = [h for p in group for h in p.find_all(words)]
        if hits:
            spans[value] = max(end - start for start, end in hits)
    if len(spans) <= 1:
        return list(spans)
    longest = max(spans.values())
    return [v for v, n in spans.items() if n == longest]


def facets_of(kb: KnowledgeBase, code: str, facts: Sequence[Fact]) -> Tuple[str, ...]:
    """The facets of a scheme that these facts answer."""
    keys = {(f.key, f.text, f.topic) for f in facts}
    return tuple(name for name in kb.facet_catalogue.labels
                 if any((f.key, f.text, f.topic) in keys for f in kb.facet_facts(code, name)))


def _correction(kb: KnowledgeBase, code: str, claim: str, facts: Sequence[Fact], said: str = "",
                targets: Tuple[Target, ...] = ()) -> Correction:
    return Correction(code, claim, tuple(facts), facets_of(kb, code, facts), said, targets)


# --------------------------------------------------------------------------
# The checks


def _former_names(words: Sequence[str], kb: KnowledgeBase, ctx: Context) -> List[Correction]:
    if any(p.find(words) for p in ctx.lexicon.former_aware):
        return []
    out = []
    for scheme in kb.schemes.values():
        for name in scheme.former_names:
            if Phrase.parse(" ".join(normalise(name))).find(words) and "what" in scheme.facts:
                out.append(_correction(kb, scheme.code, "former_name", [scheme.facts["what"]], said=name))
                break
    return out


def _route(sentences: Sequence[Sentence], code: str, kb: KnowledgeBase, lex: PremiseLexicon) -> List[Correction]:
    """The product the message describes against the routes of the scheme's
    country: a scheme no matching route leads to is corrected."""
    scheme = kb.schemes[code]
    routing = kb.routing.get(scheme.country)
    if routing is None or scheme.kind != "national":
        return []
    for sentence in sentences:
        claimed = {}
        for slot in ("product_type", "authorisation"):
            values = _values(lex.status.get(slot, {}), sentence.words)
            if slot == "product_type" and "medical_device" in values:
                values = ["medical_device"]  # "a drug-eluting stent" is a device
            if len(values) == 1:
                claimed[slot] = values[0]
        if not claimed:
            continue
        matching = [r for r in routing.routes
                    if all(slot not in r.when or value in r.when[slot] for slot, value in claimed.items())]
        if not matching or any(r.scheme == code for r in matching):
            continue
        targets, seen = [], set()
        for r in matching:
            if r.scheme not in seen:
                seen.add(r.scheme)
                targets.append(Target(r.scheme, r.because, r.sources, routing.reviewed))
        said = ", ".join(str(v) for v in claimed.values())
        return [Correction(code, "route", (), ("eligibility",), said, tuple(targets), tuple(claimed.items()))]
    return []


def _criteria(sentences: Sequence[Sentence], kb: KnowledgeBase, lex: PremiseLexicon) -> List[Correction]:
    """For the programme: a stated fact that fails one of its criteria."""
    out = []
    for sentence in sentences:
        for slot in lex.status:
            values = _values(lex.status.get(slot, {}), sentence.words)
            criterion = kb.programme.criteria.get(slot)
            if len(values) != 1 or criterion is None or criterion.is_met(values[0]):
                continue
            outcome = kb.schemes[criterion.otherwise]
            fact = Fact(f"criterion_{slot}", criterion.text, criterion.sources)
            target = Target(outcome.code, outcome.summary_physician, criterion.sources, kb.programme.reviewed)
            out.append(Correction(kb.programme_code or "", "criterion", (fact,), ("eligibility",), slot, (target,)))
    return out


def _flags(sentences: Sequence[Sentence], premises: Sequence[Premise], code: str, kb: KnowledgeBase,
           lex: PremiseLexicon) -> List[Correction]:
    out = []
    for premise in premises:
        groups = lex.claims.get(premise.claim)
        if not groups:
            continue
        for sentence in sentences:
            if all(_any(group, sentence.words) for group in groups):
                out.append(_correction(kb, code, premise.claim, [premise.fact]))
                break
    return out


def _durations(words: Sequence[str], lex: PremiseLexicon) -> List[int]:
    """Durations the words state, in days."""
    found = [days for phrase, days in lex.relative if phrase.find(words)]
    for i, word in enumerate(words[:-1]):
        number = int(word) if word.isdigit() else lex.numbers.get(word)
        unit = lex.units.get(words[i + 1])
        if number and unit:
            found.append(number * {"day": 1, "week": 7, "month": 30, "year": 365}[unit])
    return found


def _about(words: Sequence[str], lex: PremiseLexicon) -> Optional[str]:
    for name, cues in lex.about:
        if _any(cues, words):
            return name
    return None


def _wrong_duration(stated: int, premise: Premise) -> bool:
    if premise.bound == "unpublished":
        return True
    expected = premise.days or 0
    if premise.bound == "at_most":
        return stated > expected * (1 + DURATION_TOLERANCE)
    if premise.bound == "at_least":
        return stated < expected * (1 - DURATION_TOLERANCE)
    return abs(stated - expected) > expected * DURATION_TOLERANCE


def _duration_claims(sentences: Sequence[Sentence], premises: Sequence[Premise], code: str, kb: KnowledgeBase,
                     lex: PremiseLexicon) -> List[Correction]:
    out = []
    for sentence in sentences:
        stated = _durations(sentence.words, lex)
        about = _about(sentence.words, lex) if stated else None
        for premise in premises:
            if premise.claim == "duration" and premise.about == about and any(
                    _wrong_duration(days, premise) for days in stated):
                out.append(_correction(kb, code, f"duration_{about}", [premise.fact]))
    return out


def _channel(sentences: Sequence[Sentence], code: str, kb: KnowledgeBase, lex: PremiseLexicon,
             words: Sequence[str], ctx: Context) -> List[Correction]:
    facts = select_parts(kb.facet_facts(code, "channel"), words, ctx.lexicon)
    if not facts:
        return []
    own = kb.schemes[code].channel_words
    for sentence in sentences:
        if any(rx.search(sentence.raw) for rx in own):
            continue
        for other in kb.schemes.values():
            if other.code != code and any(rx.search(sentence.raw) for rx in other.channel_words):
                return [_correction(kb, code, "channel", facts[:1], said=other.channel)]
        hit = _any(lex.other_channels, sentence.words)
        if hit is None and not _any(lex.urgent_words, sentence.words):
            hit = _any(lex.phone_channels, sentence.words)  # an emergency line is no claim about the way in
        if hit:
            return [_correction(kb, code, "channel", facts[:1], said=" ".join(sentence.words[hit[0]:hit[1]]))]
    return []


def _actor_at(words: Sequence[str], end: int, lex: PremiseLexicon) -> Optional[Tuple[int, Actor]]:
    """The last actor named before position `end`, with where it ends."""
    best: Optional[Tuple[int, int, Actor]] = None
    for actor in lex.actors:
        for phrase in actor.words:
            for start, stop in phrase.find_all(words[:end]):
                if best is None or stop > best[1] or (stop == best[1] and start < best[0]):
                    best = (start, stop, actor)
    return (best[1], best[2]) if best else None


def _agent_at(words: Sequence[str], lex: PremiseLexicon) -> Optional[Actor]:
    """The actor named at the start of these words (after one determiner)."""
    for actor in lex.actors:
        for phrase in actor.words:
            hit = phrase.find(words)
            if hit and hit[0] <= 1:
                return actor
    return None


def _agent_after(words: Sequence[str], end: int, lex: PremiseLexicon) -> Optional[Actor]:
    """The actor of a passive verb: "by" and an actor right after it."""
    after = list(words[end:end + 4])
    if "by" not in after[:2]:
        return None
    return _agent_at(after[after.index("by") + 1:], lex)


def _speaker(text_words: Sequence[str], role: Optional[str], lex: PremiseLexicon) -> Optional[str]:
    if role in ROLE_AS_ACTOR:
        return ROLE_AS_ACTOR[role]
    for name, cues in lex.speaker_roles.items():
        if _any(cues, text_words):
            return name
    return None


def _about_other_scheme(words: Sequence[str], code: str, ctx: Context) -> bool:
    """Whether these words name a scheme other than `code` (and not `code`):
    "commit to file for early access" files an AAP, not the AAC asked about."""
    scores = scheme_scores("", words, ctx)
    return code not in scores and any(s >= SCHEME_MIN_SCORE for s, _ in scores.values())


def _filer(sentences: Sequence[Sentence], code: str, kb: KnowledgeBase, lex: PremiseLexicon,
           words: Sequence[str], role: Optional[str], ctx: Context) -> List[Correction]:
    filer = kb.schemes[code].filer
    actors = {a.name: a for a in lex.actors}

    def wrong(name: Optional[str]) -> bool:
        allowed = actors[name].files_as if name in actors else None
        return filer == "none" or (allowed is not None and filer not in allowed)

    def correction(name: str) -> List[Correction]:
        facts = select_parts(kb.facet_facts(code, "filer"), words, ctx.lexicon)
        return [_correction(kb, code, "filer", facts, said=name)]

    for sentence in sentences:
        for phrase in lex.request_from:  # "a request from the family"
            for _, end in phrase.find_all(sentence.words):
                agent = _agent_at(sentence.words[end:end + 3], lex)
                if agent is not None and wrong(agent.name):
                    return correction(agent.name)
        for verb in lex.file_verbs:
            for start, end in verb.find_all(sentence.words):
                if _about_other_scheme(sentence.words[end:end + OBJECT_REACH], code, ctx):
                    continue
                found = _actor_at(sentence.words, start, lex)
                agent = _agent_after(sentence.words, end, lex)  # "filed by our surgeon"
                by_writer = "by" in sentence.words[end:end + 2] and any(
                    w in lex.speaker_words for w in sentence.words[end + 1:end + 3])  # "requested by me"
                name = None
                if agent is not None:
                    name = agent.name
                elif by_writer:
                    name = _speaker(words, role, lex) or "speaker"
                elif found and start - found[0] <= ACTOR_REACH:
                    name = found[1].name
                elif start == 0 or any(w in lex.speaker_words for w in sentence.words[max(0, start - ACTOR_REACH):start]):
                    name = _speaker(words, role, lex) or "speaker"
                if name is not None and wrong(name):
                    return correction(name)
    return []


def _authorities(raw: str, kb: KnowledgeBase, lex: PremiseLexicon) -> List[Tuple[str, int, int]]:
    """The authorities a text names, as (code, first word, last word + 1):
    the code where there is one ("Haute Autorité de Santé" is HAS). A short
    name counts only in capitals ("HAS", not "has")."""
    codes_by_name = {" ".join(normalise(n)): code for code, names in lex.authority_names.items() for n in names}
    found = []
    for word in kb.regulator_words:
        flags = 0 if len(word) <= 3 else re.IGNORECASE
        for m in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", raw, flags):
            code = word if word in kb.authority_codes else codes_by_name.get(" ".join(normalise(word)), word)
            start = len(normalise(raw[:m.start()]))
            found.append((code, start, start + len(normalise(m.group(0)))))
    for code, names in lex.authority_names.items():  # bodies the knowledge base does not list ("notified body")
        for name in names:
            for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", raw, re.IGNORECASE):
                start = len(normalise(raw[:m.start()]))
                found.append((code, start, start + len(normalise(m.group(0)))))
    return found


def _decides(words: Sequence[str], start: int, end: int, lex: PremiseLexicon) -> bool:
    """Whether the authority at words[start:end] decides in the sentence:
    the subject of a deciding verb ("HAS will approve", "ANSM sign-off"), its
    agent ("decided by HAS"), or where it is obtained from ("gets the
    derogation from HAS")."""
    for verb in lex.decide_verbs:
        for v_start, _ in verb.find_all(words):
            if end <= v_start <= end + SUBJECT_REACH and not (v_start == end and words[v_start] in PARTICIPLES):
                return True
    before = words[max(0, start - 2):start]
    if "through" in before or "via" in before:  # "the derogation goes through HAS"
        return True
    if "by" in before:
        return any(verb.find(words[max(0, start - 5):start]) for verb in lex.decide_verbs)
    if "from" in before:
        return any(verb.find(words[max(0, start - 7):start]) for verb in lex.obtain_verbs)
    return False


def _authority(sentences: Sequence[Sentence], code: str, kb: KnowledgeBase, lex: PremiseLexicon) -> List[Correction]:
    authority = kb.schemes[code].authority
    for sentence in sentences:
        named = _authorities(sentence.raw, kb, lex)
        if any(c == authority for c, _, _ in named):
            continue
        deciding = [c for c, start, end in named if _decides(sentence.words, start, end, lex)]
        facts = kb.facet_facts(code, "authority")
        if deciding and facts:
            return [_correction(kb, code, "authority", facts[:1], said=deciding[0])]
    return []


_CHECKED: set = set()  # knowledge bases the premise lexicon was checked against


def check_premises(text: str, reading: Reading, kb: KnowledgeBase, role: Optional[str] = None) -> Tuple[Correction, ...]:
    """The wrong claims the message makes about the scheme it is about (and
    any former scheme name it uses), most telling first."""
    ctx = context_for(kb)
    lex = load_premise_lexicon(ctx.lexicon.path)
    if id(kb) not in _CHECKED:
        check_premise_lexicon(lex, kb)
        _CHECKED.add(id(kb))
    sentences = claiming_sentences(text, ctx)
    found = _former_names(reading.words, kb, ctx)
    code = reading.scheme
    if code is not None and sentences:
        premises = kb.premises_of(code)
        found += _route(sentences, code, kb, lex)
        if code == kb.programme_code:
            found += _criteria(sentences, kb, lex)
        found += _filer(sentences, code, kb, lex, reading.words, role, ctx)
        found += _flags(sentences, premises, code, kb, lex)
        found += _authority(sentences, code, kb, lex)
        found += _channel(sentences, code, kb, lex, reading.words, ctx)
        found += _duration_claims(sentences, premises, code, kb, lex)
    out, seen = [], set()
    for c in found:
        key = (c.scheme, c.claim, tuple(f.key for f in c.facts))
        if key not in seen:
            seen.add(key)
            out.append(c)
    return tuple(out)
