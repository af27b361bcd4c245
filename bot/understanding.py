"""From one user message to assessment facts.

The intent classifier says what kind of message it is; this module reads the
facts in it: countries found by the spaCy pipeline (told apart: where the
patient is treated, or where the product is approved), phrases from
`data/lexicon/facts.yml`, button payloads, and a yes, no or "I don't know"
given to the open question. Facts stated again replace earlier ones, which is
how corrections work."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, FrozenSet, Iterable, List, Mapping, Optional, Pattern, Set, Tuple

import yaml

from bot.authorisation import another_use_named, read_authorisation
from bot.button_choice import chosen_button
from bot.config import PROJECT_ROOT
from bot.countries import answer_to_iso, is_region, to_iso
from bot.facts import DOMAINS, REQUIRED_KNOWN, valid_value, yes_no
from bot.places import PLACE_CUES, find_places, fold, misspelt_countries, words_not_codes
from bot.polarity import affirmed_in, answer_to, clauses, negated, sentences, yes_despite_a_no
from bot.polarity import load_lexicon as answer_lexicon
from bot.product_type import product_named_in_passing, read_product_type
from bot.roles import read_role
from bot.statement_reader import stated_by_reader
from bot.statements import labelled_facts, stated_facts

LEXICON = PROJECT_ROOT / "data" / "lexicon" / "facts.yml"
HANDOFF_LEXICON = PROJECT_ROOT / "data" / "lexicon" / "handoff.yml"

# A subject after "without" starts the clause it conditions ("without it he will die").
_SUBJECT = re.compile(r"\b(he|she|they|i|we|you|the patient|my (son|daughter|wife|husband|mother|father))\b",
                      re.IGNORECASE)
NEGATION_WITHIN = re.compile(r"\b(not|no|never|none|without)\b|n't\b|\b(isnt|hasnt|doesnt|didnt|wasnt|cant)\b", re.IGNORECASE)
NEGATION_BEFORE = re.compile(
    # "tampoco hay un ensayo ..." (neither is there, blind pool 21), and its Italian and Portuguese forms
    # contractions typed without the apostrophe too: "havent had the drug before" (blind pool 30);
    # "nothing further is in development" (development pool 32)
    r"\b(not|no|never|isn't|isnt|hasn't|hasnt|haven't|havent|hadn't|hadnt|doesn't|doesnt|didn't|didnt|wasn't|"
    r"wasnt|aren't|arent|weren't|werent|without|neither|nor|nothing|tampoco|tampouco|"
    # "nobody's developing it for hers" (pool 47)
    r"neanche|nemmeno|neppure|nobody(?:'s|s)?|no one(?:'s)?)\s+(\w+\s+){0,2}$",
    re.IGNORECASE,
)
_USE_AFTER_NEGATION = re.compile(r"\s+(for|in|pour|dans|fur|für|para|per|voor)\b", re.IGNORECASE)
NOT_A_BEFORE = re.compile(r"\b(not|no|never|isn't|isnt)\s+(a|an)\s+$", re.IGNORECASE)
AFFIRM_INTENTS = {"affirm"}
DENY_INTENTS = {"deny"}
UNKNOWN_INTENTS = {"dont_know"}


@dataclass(frozen=True)
class Lexicon:
    patterns: Mapping[str, Tuple[Tuple[Any, Pattern[str]], ...]]
    yes: Pattern[str]
    no: Pattern[str]
    unknown: Pattern[str]
    approval_context: Pattern[str]
    only_context: Pattern[str]
    negated_country: Pattern[str]
    ended: Mapping[str, Ended] = field(default_factory=dict)
    start_over: Tuple[str, ...] = ()


@lru_cache(maxsize=4)
def load_lexicon(path: Path = LEXICON) -> Lexicon:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    patterns: Dict[str, List[Tuple[Any, Pattern[str]]]] = {}
    for slot, by_value in data["facts"].items():
        if slot not in DOMAINS:
            raise ValueError(f"{path}: facts: {slot!r} is not a contract slot")
        for value, regexes in by_value.items():
            if not valid_value(slot, value):
                raise ValueError(f"{path}: facts: {slot}: {value!r} is not a value of {slot}")
            for rx in regexes:
                try:
                    patterns.setdefault(slot, []).append((value, re.compile(rx, re.IGNORECASE)))
                except re.error as exc:
                    raise ValueError(f"{path}: facts: {slot}: {value}: bad pattern {rx!r}: {exc}") from exc
    answers = data["answers"]
    flags = re.IGNORECASE
    return Lexicon(
        patterns={k: tuple(v) for k, v in patterns.items()},
        yes=re.compile(answers["affirm"], flags),
        no=re.compile(answers["deny"], flags),
        unknown=re.compile(answers["unknown"], flags),
        approval_context=re.compile(data["approval_context"], flags),
        only_context=re.compile(data["only_context"], flags),
        negated_country=re.compile(data["negated_country_context"], flags),
        ended={slot: Ended(*(re.compile(entry[k], flags) for k in ("before", "after", "ongoing")))
               for slot, entry in (data.get("ended") or {}).items()},
        start_over=tuple(fold(p) for p in data.get("start_over") or ()),
    )


@dataclass(frozen=True)
class Ended:
    """What says that a state held once and no longer does, in the sentence
    of the phrase: words before it ("he was in your study"), words after it
    ("in your trial, which has now closed"), and words that keep it going
    ("was randomised last month and is still on it")."""

    before: Pattern[str]
    after: Pattern[str]
    ongoing: Pattern[str]

    def says_over(self, text: str, start: int, end: int) -> bool:
        head = re.split(r"[.!?;\n]", text[:start])[-1]
        tail = re.split(r"[.!?;\n]", text[end:])[0]
        if self.ongoing.search(head + " " + tail):
            return False
        return bool(self.before.search(head) or self.after.search(tail))


@dataclass
class Interpretation:
    """What one message says: new fact values, facts the user does not know,
    and whether it mentioned a region instead of a country."""

    facts: Dict[str, Any] = field(default_factory=dict)
    unknown: Set[str] = field(default_factory=set)
    approved_only_in: Optional[str] = None
    region_only: bool = False
    wants_handoff: bool = False  # asks in words to go ahead or to reach the team


def _coerce(slot: str, value: Any) -> Any:
    """Button payloads carry strings; booleans arrive as 'true'/'false'."""
    if yes_no(slot) and isinstance(value, str):
        low = value.strip().lower()
        if low in ("true", "yes"):
            return True
        if low in ("false", "no"):
            return False
    if slot == "country" and isinstance(value, str):
        return to_iso(value)
    return value


# "Enrolled? No.", "Has she had it? No, never.": the user repeats the
# question and answers it; the answer is what follows the question mark.
_ECHO = re.compile(r"^[^?]{1,60}\?\s+(?=[^?]+$)")


def _after_echo(text: str) -> str:
    return _ECHO.sub("", text, count=1)


def _sentence_says_otherwise(slot: str, value: bool, text: str, lex: Lexicon) -> bool:
    """A no the phrase lexicon reads in a sentence that also affirms the fact
    whatever its negations ("not life-threatening, but she can no longer
    walk"), and that the polarity rules, reading it as an answer, take for a yes."""
    # The affirming phrase first: it is rare, and the phrase lexicon is the costly part.
    if value is not False or not affirmed_in(slot, text):
        return False
    return any(yes_despite_a_no(slot, sentence) and _lexicon_matches(sentence, lex).get(slot) is False
               for sentence in sentences(text))


# What names a trial, for telling whether one is over ("I was in a study
# with your medicine but it ended for me in March").
_TRIAL_WORD = re.compile(r"\b(stud(y|ies)|trials?|essais?|etudes?|études?|studien?|estudios?|ensayos?|studio|studi|"
                         r"estudos?|ensaios?|onderzoek|phase\s*[1-4i]+)\b", re.IGNORECASE)


def _stated_now(text: str, skip: Optional[str], lex: Lexicon) -> Dict[str, Any]:
    """Facts said in passing (bot.statements), sentence by sentence; a state
    a sentence tells as over is no longer so: "I was in a study with your
    medicine but it ended for me in March" is not enrolled now (development
    pool 26). Sentences that disagree leave the fact unread."""
    found: Dict[str, Any] = {}
    disagree: Set[str] = set()
    for sentence in re.split(r"(?<=[.!?])\s+", text or ""):
        for slot, value in stated_facts(sentence, skip=skip).items():
            ended = lex.ended.get(slot)
            if value is True and ended:
                trials = list(_TRIAL_WORD.finditer(sentence))
                if trials and all(ended.says_over(sentence, m.start(), m.end()) for m in trials):
                    value = False
            if found.get(slot, value) != value:
                disagree.add(slot)
            found[slot] = value
    sibling = {"in_company_trial": "trial_available", "trial_available": "in_company_trial"}.get(skip or "")
    if sibling in found and len(clauses(text, answer_lexicon())) == 1:
        # One clause is the open trial question's answer, not the other's as
        # well: "no trials for me" to "are you in a company trial?" (development pool 27).
        del found[sibling]
    return {slot: value for slot, value in found.items() if slot not in disagree}


def _lexicon_matches(text: str, lex: Lexicon) -> Dict[str, Any]:
    """Slot -> value for every slot the text states unambiguously."""
    found: Dict[str, Any] = {}
    for slot, patterns in lex.patterns.items():
        spans: List[Tuple[int, int, Any]] = []
        for value, rx in patterns:
            for m in rx.finditer(text):
                if m.end() > m.start():
                    spans.append((m.start(), m.end(), value))
        # A match inside a longer match of another value does not count.
        kept = [
            s for s in spans
            if not any(o[2] != s[2] and o[0] <= s[0] and s[1] <= o[1] and (o[1] - o[0]) > (s[1] - s[0]) for o in spans)
        ]
        values: Set[Any] = set()
        ended = lex.ended.get(slot)
        for start, end, value in kept:
            # "no he isn't in any trial": a phrase that holds its own negation is
            # not turned round by a "no" before it, which only answers
            # (development pool 24); "not NOT serious" is turned round.
            negated = NEGATION_BEFORE.search(text[:start]) if isinstance(value, bool) else None
            if negated and negated.group(1).lower() == "without" and _SUBJECT.search(text[negated.end(1):start]):
                negated = None  # "without it he will die": a condition, then what follows it
            if negated and _USE_AFTER_NEGATION.match(text[negated.end(1):start]):
                negated = None  # "licensed, but not for the refractory vasculitis she has": the use denied (blind pool 60)
            if negated and not (negated.group(1).lower() == "no" and NEGATION_WITHIN.search(text[start:end])):
                values.add(not value)
                continue
            if value is True and ended and ended.says_over(text, start, end):
                values.add(False)  # "he was in your study before": not any more
                continue
            if not isinstance(value, bool) and NOT_A_BEFORE.search(text[:start]):
                continue  # "not a device": says nothing about what it is
            values.add(value)
        if len(values) == 1:
            found[slot] = values.pop()
    return found


def _countries(
    text: str, entities: Iterable[Mapping[str, Any]], lex: Lexicon
) -> Tuple[List[str], Optional[str], bool]:
    """(treatment-country candidates in order, approved-only-in country,
    whether only a region such as 'Europe' was named)."""
    treated: List[str] = []
    institutions: List[str] = []
    hospital_words: List[int] = []  # positions in `treated`
    approved_only: Optional[str] = None
    region = False
    for ent in entities:
        if ent.get("entity") != "country":
            continue
        value = str(ent.get("value") or "")
        code = to_iso(value)
        if code is None:
            region = region or is_region(value)
            continue
        start = ent.get("start")
        before = text[: start] if isinstance(start, int) and 0 <= start <= len(text) else ""
        if before and lex.only_context.search(before):
            approved_only = code
        elif before and lex.approval_context.search(before):
            continue  # approved somewhere: says nothing about where the patient is
        elif before and lex.negated_country.search(before):
            continue  # "not France, Belgium"
        else:
            treated.append(code)
            if ent.get("kind") == "institution":
                institutions.append(code)
            elif ent.get("kind") == "hospital_word":
                hospital_words.append(len(treated) - 1)
    if hospital_words and len(hospital_words) < len(treated):
        # A kind of hospital one country uses ("CHU") yields to a place named
        # beside it: "Liège, CHU" is in Belgium (blind pool 30).
        treated = [code for i, code in enumerate(treated) if i not in hospital_words]
    if institutions and len(set(treated)) > 1:
        # A named hospital says where the patient is treated more surely than
        # a town's name, which may be someone's ("la maman de Léo" is not in
        # Burkina Faso when Léo is treated at the hôpital Necker).
        treated = [code for code in treated if code not in institutions] + institutions
    return treated, approved_only, region and not treated


@dataclass(frozen=True)
class HandoffWords:
    """data/lexicon/handoff.yml, folded."""

    go_ahead: Tuple[str, ...]
    negations: Tuple[str, ...]
    reach_a_person: Tuple[str, ...]
    verbs: FrozenSet[str]
    cues: Tuple[str, ...]
    confirmation_tags: Tuple[str, ...]
    others: FrozenSet[str]
    writer: FrozenSet[str]
    asking_you: FrozenSet[str]
    question_words: FrozenSet[str]
    asking_whether: FrozenSet[str]
    right_away: FrozenSet[str]
    asking_starts: FrozenSet[str]
    status_words: Tuple[str, ...] = ()
    request_nouns: Tuple[str, ...] = ()
    request_owners: FrozenSet[str] = frozenset()


@lru_cache(maxsize=2)
def _handoff_words(path: Path = HANDOFF_LEXICON) -> HandoffWords:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))

    def folded(key: str) -> Tuple[str, ...]:
        return tuple(fold(str(w)) for w in data[key])

    return HandoffWords(
        go_ahead=folded("go_ahead") + folded("reach_a_person"), negations=folded("negations"),
        reach_a_person=folded("reach_a_person"), verbs=frozenset(folded("verbs")),
        cues=folded("first_person"), confirmation_tags=folded("confirmation_tags"), others=frozenset(folded("others")),
        writer=frozenset(folded("writer")), asking_you=frozenset(folded("asking_you")),
        question_words=frozenset(folded("question_words")), asking_whether=frozenset(folded("asking_whether")),
        right_away=frozenset(folded("right_away")), asking_starts=frozenset(folded("asking_starts")),
        status_words=folded("status_words"), request_nouns=folded("request_nouns"),
        request_owners=frozenset(folded("request_owners")))


def speaks_of_a_request(text: str) -> bool:
    """Whether the message speaks of a request that exists, its reference or
    its progress: a status question always does ("any news on my
    application?"); "Sì, già trattato con questo prodotto" and "I need some
    help with an access request" do not, though they were classified as one."""
    lex = _handoff_words()
    words = re.findall(r"[a-z0-9]+", fold(text or "").lower())
    if any(w.startswith(stem) for w in words for stem in lex.status_words):
        return True
    # a request named as one that exists: an owner or article up to three words before it
    return any(w.startswith(lex.request_nouns) and any(o in lex.request_owners for o in words[max(0, i - 3):i])
               for i, w in enumerate(words))


def _asks_confirmation(text: str, tags: Tuple[str, ...]) -> bool:
    """'..., right?': the message ends by asking whether what it says is so."""
    stripped = fold(text).rstrip().rstrip("!. ")
    if not stripped.endswith("?"):
        return False
    tail = " " + " ".join(re.findall(r"[a-z0-9']+", stripped[-40:]))
    return any(tail.endswith(" " + tag) for tag in tags)


def _asked_by_writer(before: List[str], cue_needed: bool, lex: HandoffWords) -> bool:
    """Whether the words of the clause before a go-ahead make it the writer's
    request: no negation, and the nearest subject is the writer ("I know you
    intend to file it" is the company's plan; "can you submit it" asks the
    company to). With no subject, a bare verb needs a cue ("please submit")."""
    joined = f" {' '.join(before)} "
    if any(f" {n} " in joined for n in lex.negations):
        return False
    for j in range(len(before) - 1, -1, -1):
        word = before[j]
        if word == "you":
            return j > 0 and before[j - 1] in lex.asking_you
        if word in lex.others:
            return False
        if word in lex.writer:
            return True
    return not before or not cue_needed or any(f" {c} " in joined for c in lex.cues)


def _asks_whether_to(words: List[str], lex: HandoffWords) -> bool:
    """'can we request it directly?', 'should I apply?': a question whether
    the writer may or should do it, not a request to do it now."""
    asks = any(a in lex.asking_whether and b in lex.writer for a, b in zip(words, words[1:]))
    return asks and not lex.right_away & set(words)


_DETERMINERS = frozenset({"a", "an", "the", "this", "that", "these", "those", "our", "your", "their", "his", "her",
                          "my", "its", "every", "each", "any", "another", "first", "new"})
_HOW_MUCH = frozenset({"long", "much", "many", "soon", "quickly", "fast", "often"})


def _how_follows(sentence: str, following: List[str]) -> bool:
    """A statement of what must be done followed by a short question about
    it ("we need to file; how?", "we must apply, how do we do that?") asks
    about the process."""
    tails = [c for c in re.split(r"[,:]+", sentence)[1:]] if sentence.rstrip().endswith("?") else []
    tails += [f for f in following if f.rstrip().endswith("?") and len(f.split()) <= 6]
    for tail in tails:
        words = re.findall(r"[a-z0-9']+", tail) + [""]
        # "how long will it take?" asks about what follows a go-ahead, not how to
        if words[0] == "how" and words[1] not in _HOW_MUCH:
            return True
    return False


def _says_any(text: str, phrases: Iterable[str]) -> bool:
    """One of the (folded, one-space) phrases stands as whole words in the message."""
    padded = f" {' '.join(re.findall(r'[a-z0-9]+', fold(text or '')))} "
    return any(f" {p} " in padded for p in phrases)


def wants_a_person(text: str) -> bool:
    """A request in words to reach the team ("can I talk to someone"), not
    only to go ahead with a request."""
    return wants_handoff(text) and _says_any(text, _handoff_words().reach_a_person)


def wants_handoff(text: str) -> bool:
    """'let's go ahead and submit it', 'can I talk to someone': the user asks,
    in words, to go ahead with a request or to reach the team. Read clause by
    clause: a negation earlier in the clause cancels it ("I'm not ready to go
    ahead"), and so does someone else as its subject ("the company has no
    plans to develop or file it"). Questions about the process are not
    requests: a question word before the verb ("how do we apply", "tell us how
    to request it"), or asking whether the writer may ("can we request it
    directly?"), where only reaching a person still counts."""
    if not text or text.startswith("/"):
        return False
    lex = _handoff_words()
    if _asks_confirmation(text, lex.confirmation_tags):
        return False  # "we'd file an AAC, right?" asks about the process
    sentences = re.findall(r"[^.;!?\n]+[.;!?\n]*", fold(text))
    for index, sentence in enumerate(sentences):
        sentence_words = re.findall(r"[a-z0-9']+", sentence)
        if sentence_words and sentence_words[0] in lex.question_words:
            continue  # "how do I apply?"
        asks = sentence.rstrip().endswith("?")
        if asks and _asks_what_it_is(sentence_words):
            continue  # "is this a real person or a bot?" asks what the assistant is
        if _how_follows(sentence, sentences[index + 1:index + 2]):
            continue  # "we need to file for expanded access; how?"
        whether = asks and _asks_whether_to(sentence_words, lex)
        for clause in re.split(r"[,:()]+", sentence):
            words = re.findall(r"[a-z0-9']+", clause)
            padded = f" {' '.join(words)} "
            # A bare verb ("submit", "apply") counts when the writer asks for it:
            # "we'd like to apply", "please submit it", "apply now".
            for i, word in enumerate(words):
                if i and words[i - 1] in _DETERMINERS:
                    continue  # "we received a request": a noun, not the verb
                if word in lex.verbs and not whether and not lex.question_words & set(words[:i]) \
                        and _asked_by_writer(words[:i], True, lex):
                    return True
            for phrase in lex.go_ahead:
                if whether and phrase.split()[0] in lex.verbs:
                    continue
                at = padded.find(f" {phrase} ")
                while at >= 0:
                    before = padded[:at].split()
                    if not lex.question_words & set(before) and _asked_by_writer(before, False, lex):
                        return True
                    at = padded.find(f" {phrase} ", at + 1)
    return False


# "is this a real person?", "am I talking to a human?", "are you a bot?"
_COPULAS = frozenset({"is", "are", "am", "r"})
_ASSISTANT_OR_WRITER = frozenset({"this", "it", "that", "you", "u", "i"})


def _asks_what_it_is(words: List[str]) -> bool:
    return len(words) > 1 and words[0] in _COPULAS and words[1] in _ASSISTANT_OR_WRITER


def _place_entities(text: str, entities: Iterable[Mapping[str, Any]], answering: bool) -> List[Dict[str, Any]]:
    """Cities, regions and (when the country question is open) misspelt
    country names, as country entities where the NLU found none."""
    if text.startswith("/"):
        return []
    taken = [(e.get("start"), e.get("end")) for e in entities if e.get("entity") == "country"]
    places = find_places(text, answering=answering)
    code = text.strip().strip(".!")
    cued = re.fullmatch(r"(\w+)\s+([A-Z]{2})", code)
    if cued and cued.group(1).lower() in PLACE_CUES:
        code = cued.group(2)  # "in PT", "from DK": a code in capitals after a place's cue (development pool 42)
    if answering and not taken and not places and re.fullmatch(r"[A-Za-z]{2}", code) and to_iso(code.upper()) \
            and (code.isupper() or code.lower() not in words_not_codes()):
        # The country's code alone as the answer ("FR", "ES", "fr"), unless in
        # lower case it is a word ("no", "ok")
        code = code.upper()
        return [{"entity": "country", "value": code, "start": 0, "end": len(text), "extractor": "places"}]
    whole = answer_to_iso(code) if answering and not taken and not places else None
    if whole:
        # A country as all the answer, with short forms typed in lower case: "us"
        # (pool 38), "u.s.", "u.k." (development pool 25)
        return [{"entity": "country", "value": whole, "start": 0, "end": len(text), "extractor": "places"}]
    if answering and not taken and not places:
        # A name typed with a mistake, only where no place is named as written:
        # in "en Suisse romande" or "Italia, e la malattia ...", "romande" and
        # "malattia" are words, not Romania and Malaysia mistyped.
        places = misspelt_countries(text)
    return [{"entity": "country", "value": p.country, "start": p.start, "end": p.end, "extractor": "places",
             "kind": p.kind}
            for p in places
            # not over a country the NLU found, unless the place holds it ("British Columbia")
            if not any(isinstance(s, int) and isinstance(e, int) and s < p.end and p.start < e
                       and not _holds(p.start, p.end, s, e) for s, e in taken)]


def _holds(start: int, end: int, s: int, e: int) -> bool:
    """The span start..end holds the shorter span s..e."""
    return start <= s and e <= end and e - s < end - start


def _inside(entity: Mapping[str, Any], place: Mapping[str, Any]) -> bool:
    """A country entity whose span lies inside a longer place's."""
    s, e = entity.get("start"), entity.get("end")
    return entity.get("entity") == "country" and isinstance(s, int) and isinstance(e, int) \
        and _holds(place["start"], place["end"], s, e)


def yes_or_no(text: str) -> Optional[bool]:
    """A plain yes or no in the words ("yes, I agree", "no thanks"), or None."""
    lex = load_lexicon()
    answer = _after_echo(text or "")
    if lex.yes.search(answer) and not lex.no.search(answer):
        return True
    if lex.no.search(answer) and not lex.yes.search(answer):
        return False
    return None


def says_no(text: str) -> bool:
    """Whether the message says no at all: a plain no ("nope", "nei") or a
    negation in one of its clauses ("not now"). "hei, jeg lurer på noe" (hi,
    I'm wondering about something) says none, whatever the classifier read
    (development pool 42: deny)."""
    if yes_or_no(text) is False:
        return True
    lex = answer_lexicon()
    return any(negated(words, lex) for _, words in clauses(text or "", lex))


def asks_to_start_over(text: str, lexicon: Optional[Lexicon] = None) -> bool:
    """The message asks in words to start again ("new patient", "on recommence")."""
    return _says_any(text, (lexicon or load_lexicon()).start_over)


def asks_something(text: str) -> bool:
    """A question or request of the user's own ("which trials are open?",
    "explain the criteria"): it answers no open question. Read from the words,
    not the intent: "she isn't enrolled in anything" may be classified as a
    question about the programme and is still an answer."""
    words = re.findall(r"[a-z']+", fold(text or ""))
    lex = _handoff_words()
    if text.rstrip().endswith("?"):
        return True
    if not (words and (words[0] in lex.question_words or words[0] in lex.asking_starts)):
        return False
    # "could enrol, yes, there's a slot next week": a bare yes or no of its own is an answer (blind pool 39)
    bare = answer_lexicon().bare
    clauses_said = (re.findall(r"[a-z']+", part) for part in re.split(r"[,;.!]", fold(text)))
    return not any(len(said) == 1 and said[0] in bare for said in clauses_said)


def _one_status_by_sentence(text: str, in_passing: bool = False) -> Optional[str]:
    """The product's status when the sentences that state one all state the
    same, else None. A part with no status of its own that names another use
    says which use an approval before it is for: "Drug is FDA-approved for
    psoriasis; I'd want it for a different indication" (blind pool 52)."""
    statuses: List[Optional[str]] = []
    for part in re.split(r"[.;!?]+\s*", text):
        status = read_authorisation(part, in_passing=in_passing)
        if status is None and statuses and statuses[-1] == "authorised_available" and another_use_named(part):
            statuses[-1] = "authorised_other_indication"
        statuses.append(status)
    found = set(statuses) - {None}
    return found.pop() if len(found) == 1 else None


def interpret(
    text: str,
    intent: Optional[str],
    entities: Iterable[Mapping[str, Any]],
    requested_slot: Optional[str],
    current: Mapping[str, Any],
    lexicon: Optional[Lexicon] = None,
    learned_statements: bool = False,
) -> Interpretation:
    lex = lexicon or load_lexicon()
    text = text or ""
    entities = list(entities or [])
    places = _place_entities(text, entities, requested_slot == "country")
    # A place that holds a shorter country entity replaces it: "British
    # Columbia" is not "British", "New South Wales" not "Wales".
    entities = [e for e in entities if not any(_inside(e, p) for p in places)] + places
    out = Interpretation()

    # Button payloads such as /inform{"role": "physician"} carry the value.
    for ent in entities:
        slot = ent.get("entity")
        if slot in DOMAINS and slot != "country" or (slot == "country" and ent.get("start") is None):
            value = _coerce(slot, ent.get("value"))
            if valid_value(slot, value):
                out.facts[slot] = value
    if requested_slot and requested_slot not in out.facts and not text.startswith("/"):
        # "third button", "option 2": the button of the open question at that place
        chosen = chosen_button(requested_slot, text, current)
        if chosen is not None:
            out.facts[requested_slot] = chosen
    from_entities = set(out.facts)

    treated, approved_only, region_only = _countries(text, entities, lex)
    if treated and "country" not in out.facts:
        out.facts["country"] = treated[-1]  # the last one named wins: "not France, Belgium"
    out.approved_only_in = approved_only
    out.region_only = region_only and "country" not in out.facts

    if not text.startswith("/"):
        # Who is writing, from specialties, grades and relatives; as the
        # answer to "who are you?" whatever role the message names counts.
        role = None if "role" in out.facts else read_role(text, answering=requested_slot == "role")
        if role:
            out.facts["role"] = role
        status_asked = requested_slot == "authorisation" or (requested_slot is None and current.get("authorisation") is None)
        # "Pt in company trial: no": the label's fact, taken out for the readers below.
        labelled, rest = labelled_facts(text)
        for slot, value in labelled.items():
            out.facts.setdefault(slot, value)
        for slot, value in _lexicon_matches(rest, lex).items():
            if slot == "authorisation" and not status_asked:
                continue  # "no, discontinued" answers the development question, not the status one
            if slot == "product_type" and requested_slot not in (None, slot) and current.get(slot) is not None \
                    and product_named_in_passing(text) != value:
                # "no, we haven't tried the standard biologics yet": the
                # alternatives' kind, not a correction of the product's (blind pool 52)
                continue
            if yes_no(slot) and slot != requested_slot and _sentence_says_otherwise(slot, value, rest, lex):
                continue  # "It's not life-threatening, but she can no longer walk": not read, asked
            if slot == requested_slot and slot not in out.facts and yes_no(slot) \
                    and not asks_something(_after_echo(text)) \
                    and answer_to(slot, _after_echo(text)) not in (None, value):
                continue  # the open question's own clause says otherwise: "nope, nothing in development"
            out.facts.setdefault(slot, value)
        # Yes/no facts said in a clause of their own ("he isn't in any
        # company trial and can't be enrolled in one"); the open question's
        # answer is read below.
        # Only facts not known yet: said in passing, they never overwrite one.
        # When it is used (settings: STATEMENT_READER), the learned statement
        # reader adds the clauses no anchor reads; the anchors win.
        stated = _stated_now(rest, requested_slot, lex)
        if learned_statements:
            stated = {**stated_by_reader(rest, skip=requested_slot), **stated}
        for slot, value in stated.items():
            if current.get(slot) is not None:
                continue
            if slot not in from_entities | set(labelled) and out.facts.get(slot, value) != value and affirmed_in(slot, rest):
                # The phrase lexicon reads a no where a clause affirms the fact
                # ("isnt life threatening but it's wrecking my life, I can't
                # work"): a fact read wrong costs the outcome, one not read a question.
                del out.facts[slot]
                continue
            out.facts.setdefault(slot, value)
        # The answer to "medicine or device?" from the words for the product
        # ("eye drops", "a divice"). Only there: elsewhere "chemo failed" or
        # "on a monitor" need not be about the product.
        if "product_type" not in from_entities and requested_slot == "product_type":
            kind = read_product_type(text)
            if kind:
                out.facts["product_type"] = kind
        elif "product_type" not in out.facts and current.get("product_type") is None:
            kind = product_named_in_passing(text)  # "je cherche un médicament qui..."
            if kind:
                out.facts["product_type"] = kind
        # The status read from concepts, where the message is about it: the
        # answer to the status question, or an opening. Elsewhere ("yes,
        # everything licensed has failed") approval words mean something else.
        # It goes before the phrase lexicon, which sees "on the market" in "on
        # the market here, but for something else".
        if "authorisation" not in from_entities and status_asked:
            status = read_authorisation(text, answering=requested_slot == "authorisation")
            if requested_slot is None:
                # An opening of several sentences: one status said in one of
                # them wins over the whole's reading, where "other" of another
                # sentence ("no other trial she could move to") reaches it (pool 33).
                status = _one_status_by_sentence(text) or status
            if status:
                out.facts["authorisation"] = status
        elif "authorisation" not in out.facts and current.get("authorisation") is None:
            # Said in passing while another question is open ("Spain. It's
            # approved here but not for her disease"): only a status that
            # names the use or the market counts.
            # Sentence by sentence: "none available; it's approved for this and
            # sold here" holds a trial's availability and the product's.
            status = _one_status_by_sentence(text, in_passing=True)
            if status:
                out.facts["authorisation"] = status

    # An answer to the open question; a request to go ahead is not a "yes" to it.
    out.wants_handoff = intent != "human_handoff" and wants_handoff(text)
    if requested_slot and requested_slot not in out.facts and not out.wants_handoff:
        boolean = yes_no(requested_slot)
        answer = _after_echo(text)
        said = answer_to(requested_slot, answer) if boolean and not asks_something(answer) else None
        # The words first: "no options left" is a yes to "exhausted?", and
        # the classifier has read "I can't work anymore" as "I don't know".
        if lex.unknown.search(answer):
            out.unknown.add(requested_slot)
        elif said is not None:  # "not enrolled", "nothing is recruiting", "a filing is planned"
            out.facts[requested_slot] = said
        elif boolean and lex.yes.search(answer):
            out.facts[requested_slot] = True
        elif boolean and lex.no.search(answer):
            out.facts[requested_slot] = False
        elif intent in UNKNOWN_INTENTS:
            out.unknown.add(requested_slot)
        elif boolean and intent in AFFIRM_INTENTS:
            out.facts[requested_slot] = True
        elif boolean and intent in DENY_INTENTS:
            out.facts[requested_slot] = False

    # "Only approved in the US" for a patient treated elsewhere.
    country = out.facts.get("country") or current.get("country")
    only_in = approved_only or current.get("approved_only_in")
    if only_in and country and only_in != country and "authorisation" not in out.facts:
        if current.get("authorisation") is None or approved_only:
            out.facts["authorisation"] = "not_authorised"

    out.unknown -= set(out.facts)
    out.unknown -= set(REQUIRED_KNOWN) - {requested_slot}
    return out
