"""The product's status in the patient's country (contract slot
`authorisation`), read from concepts instead of whole phrasings: an
approval word, whether it is negated, whether the approval is for another
use, whether the product can be had. Vocabularies are data
(`data/lexicon/authorisation.yml`)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import FrozenSet, List, Optional, Tuple

import yaml

from bot.config import PROJECT_ROOT
from bot.places import fold
from bot.spelling import ends_a_compound, long_single_words, meant

LEXICON = PROJECT_ROOT / "data" / "lexicon" / "authorisation.yml"
NEGATION_WINDOW = 4  # words between a negation and the word it negates
AVAILABILITY_WINDOW = 6  # the same for availability ("never been put on the French market")
CONTRASTS = frozenset({"but", "though", "although", "however"})  # not "yet": "not yet marketed"
FUZZY_SCORE, FUZZY_MIN_LENGTH = 85, 7


@dataclass(frozen=True)
class Vocabulary:
    approval: Tuple[str, ...]
    unapproved: Tuple[str, ...]
    unapproved_when_asked: Tuple[str, ...]
    negations: Tuple[str, ...]
    other_use: Tuple[str, ...]
    off_label: Tuple[str, ...]
    this_use: Tuple[str, ...]
    any_use: Tuple[str, ...]
    alternatives_talk: Tuple[str, ...]
    treatments: Tuple[str, ...]
    alternatives_singular: Tuple[str, ...]
    fillers: Tuple[str, ...]
    not_the_product: Tuple[str, ...]
    filing: Tuple[str, ...]
    unavailable: Tuple[str, ...]
    available: Tuple[str, ...]
    # Short words that are an approval only after one of `ambiguous_after`:
    # "no MA in the UK", not the French "ma patiente" or the Italian "ma per".
    ambiguous_approval: Tuple[str, ...] = ()
    # Words of development: "dans cette indication" right after one speaks of it.
    development: Tuple[str, ...] = ()
    ambiguous_after: Tuple[str, ...] = ()
    # Pronouns that stand for a trial or an option named just before them.
    standing_for: Tuple[str, ...] = ()
    # Before an approval word, these make it other treatments: "nothing approved is left".
    treatment_pronouns: Tuple[str, ...] = ()
    approval_typos: Tuple[str, ...] = ()  # one-word approval terms matched despite a mistake
    other_use_typos: Tuple[str, ...] = ()  # the same for another use ("diffrent")
    available_typos: Tuple[str, ...] = ()  # ... and for availability ("availible")
    unavailable_typos: Tuple[str, ...] = ()  # ... and for its absence ("unavialable")
    # Talk of treatments tried: an approval said in passing near them is theirs.
    trying: Tuple[str, ...] = ()
    # After a phrase of another use, these make it none: "not for sale".
    not_a_use: Tuple[str, ...] = ()
    # Between an approval word and the treatments it qualifies: "approved
    # second-line options".
    treatment_qualifiers: Tuple[str, ...] = ()
    # "Other approved" before a plural that is none of these qualifies other
    # treatments ("other approved DMARDs"), not other uses ("other approved indications").
    others: Tuple[str, ...] = ()
    uses: Tuple[str, ...] = ()
    # The word for a use, by its start, singular or plural ("indication", "Indikation", "wskazanie").
    use_prefixes: Tuple[str, ...] = ()
    # Between a negation and a phrase of another use, with `articles`: the
    # negation denies it ("auch nicht in einer anderen Indikation").
    use_prepositions: Tuple[str, ...] = ()
    # A word for outside, then a use or a label within OUTSIDE_REACH words, is
    # off-label: "buiten de geregistreerde indicatie", "outside its licensed indication".
    outside: Tuple[str, ...] = ()
    labels: Tuple[str, ...] = ()
    # Before an unapproved word, these make it the programme's kind of product,
    # not this one's status: "early access to an unapproved treatment".
    generic_before: Tuple[str, ...] = ()
    # ... past one of these: "access to an unapproved treatment".
    articles: Tuple[str, ...] = ()
    # The noun of availability, which says the product's status only with its
    # own yes or no: "marketing authorisation yes, availability no".
    availability_nouns: Tuple[str, ...] = ()


@lru_cache(maxsize=2)
def load_vocabulary(path: Path = LEXICON) -> Vocabulary:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    words = {key: tuple(fold(str(w)) for w in data[key]) for key in Vocabulary.__dataclass_fields__ if key in data}
    return Vocabulary(**words, approval_typos=long_single_words(words["approval"], FUZZY_MIN_LENGTH),
                      other_use_typos=long_single_words(words["other_use"], FUZZY_MIN_LENGTH),
                      available_typos=long_single_words(words["available"], FUZZY_MIN_LENGTH),
                      unavailable_typos=long_single_words(words["unavailable"], FUZZY_MIN_LENGTH))


# French and Italian elisions: "d'AMM" is "de AMM", "un'altra indicazione" is "un altra"
_ELISION = re.compile(r"\b(d|l|j|qu|n|s|c|un|dell|all|nell|sull)'(?=[a-z])")


def _words(text: str) -> List[str]:
    words = re.findall(r"[a-z0-9]+(?:['-][a-z0-9]+)*", _ELISION.sub(r"\1 ", fold(text).replace("’", "'")))
    # "not even for other uses" denies the other uses too: it reads as "nor
    # for", which the fillers below would otherwise turn into "not for"
    for i in range(len(words) - 2):
        if words[i:i + 3] == ["not", "even", "for"]:
            words[i:i + 2] = ["nor", ""]
    vocabulary = load_vocabulary()
    # "TGA-registered", "Swissmedic-approved" (pool 46): a regulator joined
    # to an approval word is that word ("tga", "registered")
    split: List[str] = []
    for w in words:
        head, _, last = w.rpartition("-")
        split.extend([head, last] if head and last in vocabulary.approval and w not in vocabulary.approval else [w])
    # "you can't actually get it" is "you can't get it"
    return [w for w in split if w and w not in vocabulary.fillers]


def _find(words: List[str], phrases: Tuple[str, ...]) -> List[int]:
    """Word positions where one of the phrases starts."""
    found = []
    for i in range(len(words)):
        for phrase in phrases:
            parts = phrase.split()
            if words[i:i + len(parts)] == parts:
                found.append(i)
                break
    return found


def _fuzzy(words: List[str], candidates: Tuple[str, ...]) -> List[int]:
    return [i for i, word in enumerate(words)
            if len(word) >= FUZZY_MIN_LENGTH and word not in candidates and meant(word, candidates, FUZZY_SCORE)]


def _negated(words: List[str], position: int, vocabulary: Vocabulary, window: int = NEGATION_WINDOW,
             stop: FrozenSet[str] = frozenset()) -> bool:
    """A negation within `window` words before `position`, not looking past a
    word of `stop` ("not licensed, but sold": the contrast ends it)."""
    before = words[max(0, position - window):position]
    for i in range(len(before) - 1, -1, -1):
        if before[i] in stop:
            before = before[i + 1:]
            break
    joined = f" {' '.join(before)} "
    return any(f" {n} " in joined for n in vocabulary.negations)


# "Available? No." asks itself and answers: the same as "not available".
# A relative clause after a comma is a clause of its own, as "which" is:
# "ein Medizinprodukt ohne CE-Kennzeichnung, das für diese Indikation
# entwickelt wird" says nothing of an approval for this indication.
_RELATIVE_AFTER_COMMA = re.compile(r",\s*(?:das|die|der|dem|den|welche|welcher|welches|dat|que|qui|che|cui)\b",
                                   re.IGNORECASE)
_SELF_ANSWERED = re.compile(r"\b([a-z][a-z' -]{2,40})\?\s*(no|nope|not really)\b", re.IGNORECASE)
# "authorised yes, available no": a status word with its own yes or no.
_WORD_THEN_NO = re.compile(r"\b([a-zà-ÿ]+)\s*[:=,-]?\s*(?:no|nope|non|nein)\b(?!\s+[a-z]+ing\b)(?=\s*(?:[,.;!)]|$|and\b))",
                           re.IGNORECASE)
# "Zulassung in Österreich: keine", "marketing authorisation: none": a labelled status with none for its value.
_LABEL_THEN_NONE = re.compile(r"([^:.;,!?\n]{1,40}):\s*(?:none|keine|keiner|aucune|aucun|ninguna|ninguno|nessuna|nessuno|"
                              r"nenhuma|nenhum|geen|ingen|brak|nein|non|no)\b(?=\s*(?:[,.;!)]|$))", re.IGNORECASE)
_WORD_THEN_YES = re.compile(r"\b([a-zà-ÿ]+)\s*[:=,-]?\s*(?:yes|yep|oui|ja|si)\b(?=\s*(?:[,.;!)]|$|and\b|but\b))", re.IGNORECASE)


def _is_status_word(word: str, vocabulary: Vocabulary) -> bool:
    return fold(word) in vocabulary.approval + vocabulary.available + vocabulary.availability_nouns


def _as_status(word: str, vocabulary: Vocabulary) -> str:
    """The status word itself, or "available" for a noun of availability."""
    return "available" if fold(word) in vocabulary.availability_nouns else word


def names_a_status(label: str) -> bool:
    """`label` ("authorised", "available", "availability") is only a word of
    the product's status: "authorised: yes" answers the status question, not
    whether approved treatments were tried."""
    vocabulary = load_vocabulary()
    words = [w for w in _words(label) if w not in vocabulary.articles]
    return bool(words) and " ".join(words) in _status_terms(vocabulary) + vocabulary.availability_nouns


def _only_for_another_use(words: List[str], joined: str, approvals: List[int], vocabulary: Vocabulary) -> bool:
    """'only approved for psoriasis': an approval limited by "only" to a use
    named after "for", unless that use is this one ("only approved for this
    indication"). `joined`: the words as one padded string."""
    names_this_use = any(f" {p} " in joined for p in vocabulary.this_use)
    return not names_this_use and any(
        "only" in words[max(0, i - 2):i] and words[i + 1:i + 2] == ["for"] and words[i + 2:i + 3] != ["this"]
        or _use_then_only(words, i) for i in approvals)


def _use_then_only(words: List[str], i: int) -> bool:
    """'approved here for melanoma only' (blind pool 40): "for" just after the
    approval word, then a use of one to three words that "only" closes; not a
    place ("approved for use in France only") nor this use."""
    for j in range(i + 1, min(i + 3, len(words) - 1)):
        use = words[j + 1:j + 5]
        if words[j] == "for" and use[0] not in ("this", "that", "it") and "only" in use[1:]:
            return "in" not in use[:use.index("only", 1)]
    return False


def _of_treatments(words: List[str], i: int, vocabulary: Vocabulary) -> bool:
    """The approval word at `i` qualifies other treatments ("every approved
    treatment", "approved options", "le terapie approvate"), or a request for
    it ("une demande d'AMM", "an application for approval"), not the
    product's status."""
    before, after = words[i - 1:i] if i else [], words[i + 1:i + 2]
    # ... also past words like "second-line" ("approved second-line options")
    past = i + 1
    while past < min(len(words), i + 3) and words[past] in vocabulary.treatment_qualifiers:
        past += 1
    if any(w in vocabulary.treatments for w in before + after + words[past:past + 1]) \
            or any(w in vocabulary.treatment_pronouns for w in before):
        return True
    # ... before it, or just after it in German and Dutch ("die Zulassung beantragen")
    if set(words[max(0, i - 3):i] + words[i + 1:i + 3]) & set(vocabulary.filing):
        return True
    # "still has other approved DMARDs to try" (pool 46): a class of medicines
    # no list can hold, told from "other approved indications" by the uses
    if before and before[0] in vocabulary.others and after and len(after[0]) > 3 \
            and after[0].endswith("s") and after[0] not in vocabulary.uses:
        return True
    return bool(after) and after[0] in vocabulary.alternatives_singular and \
        bool(set(words[max(0, i - 2):i]) & {"every", "all", "any", "other", "standard", "usual"})


def _ambiguous_alone(words: List[str], i: int, vocabulary: Vocabulary) -> bool:
    """A short approval word ("MA") with nothing before it that makes it one."""
    return words[i] in vocabulary.ambiguous_approval and not (i and words[i - 1] in vocabulary.ambiguous_after)


def _said_of_something_else(words: List[str], start: int, end: int, vocabulary: Vocabulary, after: int = 0) -> bool:
    """Whether the words from `start` to `end` are said of a trial or an
    option named just before them (or `after` words after them): "no trial
    available for him", "he cannot get into the trial"."""
    near = words[max(0, start - 2):start] + words[end:end + after]
    if set(near) & set(vocabulary.standing_for):
        # "not in a trial, none is available"; still "she can't get into any trial" (pool 56)
        near = words[max(0, start - 5):start] + words[end:end + after]
    return any(w in vocabulary.not_the_product for w in near)


def _generic(words: List[str], i: int, vocabulary: Vocabulary) -> bool:
    """An unapproved word that names the kind of product the programme is for
    ("access to an unapproved treatment"), past one article."""
    before = " ".join(words[max(0, i - 4):i])
    if i and words[i - 1] in vocabulary.articles:
        before = " ".join(words[max(0, i - 5):i - 1])
    return any(before == p or before.endswith(" " + p) for p in vocabulary.generic_before)


def _unavailable_said(words: List[str], vocabulary: Vocabulary) -> bool:
    """An unavailability phrase said of the product, not of a trial or an option."""
    for phrase in vocabulary.unavailable:
        size = len(phrase.split())
        if any(not _said_of_something_else(words, i, i + size, vocabulary, after=3) for i in _find(words, (phrase,))):
            return True
    # "aproved but unavialable" (development pool 58)
    return any(not _said_of_something_else(words, i, i + 1, vocabulary, after=3)
               for i in _fuzzy(words, vocabulary.unavailable_typos))


SENTENCE_END = "."
_CLAUSE_BREAKS = frozenset({SENTENCE_END, "and", "but", "which", "while", "whereas", "though", "although",
                            "et", "mais", "und", "aber", "pero", "y", "e"})
# A negation does not reach an approval word past a conjunction that starts a clause ("No, she
# isn't - and it's approved for this use here": development pool 32); not past the Italian "e",
# which is also "è" folded ("non è autorizzato"), the French "y" ("n'y est autorisé") or "which".
_NEGATION_STOPS = _CLAUSE_BREAKS - {"e", "y", "which"}


def _this_use_of_status(clause: str, phrase: str, vocabulary: Vocabulary) -> bool:
    """`phrase` ("dans cette indication") in the clause, said of the status:
    not right after a word of development ("sans AMM en France, aucun
    développement dans cette indication" is no approval at all)."""
    filing_heads = [f for f in vocabulary.filing if len(f) >= 6]  # "Zulassungsantrag" ends with "antrag"
    at = clause.find(f" {phrase} ")
    while at >= 0:
        # The clause starts at the approval word: a word of development
        # anywhere before the phrase takes it ("sans marquage CE, développé par
        # le fabricant pour cette indication", development pool 24).
        before = clause[:at].split()
        # A filing is development too: "nicht zugelassen, Zulassungsantrag für
        # diese Indikation eingereicht" (blind pool 52) names no approved use.
        filing = set(before) & set(vocabulary.filing) or any(ends_a_compound(w, filing_heads) for w in before)
        if not set(before[-2:]) & set(vocabulary.not_the_product) and not set(before) & set(vocabulary.development) \
                and not filing:
            return True
        at = clause.find(f" {phrase} ", at + 1)
    return False


def _clause_after(words: List[str], i: int) -> str:
    """The words from position `i` to the end of its clause, padded."""
    end = next((j for j in range(i + 1, len(words)) if words[j] in _CLAUSE_BREAKS), len(words))
    return f" {' '.join(words[i:end])} "


def _status_terms(vocabulary: Vocabulary) -> Tuple[str, ...]:
    return (vocabulary.approval + vocabulary.unapproved + vocabulary.unapproved_when_asked + vocabulary.off_label
            + vocabulary.unavailable + vocabulary.available)


def _status_words(text: str, vocabulary: Vocabulary) -> List[str]:
    """The words of the sentences that speak of the product's status (all of
    a message whose sentences say nothing of it: a short answer)."""
    text = _RELATIVE_AFTER_COMMA.sub(" which", _SELF_ANSWERED.sub(r"not \1.", text or ""))
    text = _LABEL_THEN_NONE.sub(
        lambda m: f"not {' '.join(_as_status(w, vocabulary) for w in m.group(1).split())}." if any(_is_status_word(w, vocabulary) for w in m.group(1).split())
        else m.group(0), text)
    # The no ends its clause: "availability no, approved yes" denies no approval.
    text = _WORD_THEN_NO.sub(lambda m: f"not {_as_status(m.group(1), vocabulary)}." if _is_status_word(m.group(1), vocabulary)
                             else m.group(0), text)
    text = _WORD_THEN_YES.sub(lambda m: _as_status(m.group(1), vocabulary) if _is_status_word(m.group(1), vocabulary)
                              else m.group(0), text)
    sentences = [_words(s) for s in re.split(r"[.!?;\n]+", text)]
    status_terms = _status_terms(vocabulary)
    about: List[str] = []
    previous = False
    for sentence in sentences:
        if not sentence:
            continue
        on_status = bool([i for i in _find(sentence, status_terms) if not _ambiguous_alone(sentence, i, vocabulary)]
                         or _fuzzy(sentence, vocabulary.approval_typos))
        # "Yes it's approved... just not for what he has": the sentence after
        # one about the status may say which use it is for.
        goes_on = previous and bool(_find(sentence, vocabulary.other_use) or _find(sentence, vocabulary.this_use))
        if on_status or goes_on:
            # a sentence ends a clause: "no CE mark. Nothing planned in this indication" is not "not for this indication"
            about.extend(([SENTENCE_END] if about else []) + sentence)
        previous = on_status
    return about or _words(text)


def _other_use_said(text: str, vocabulary: "Vocabulary") -> bool:
    """A phrase of another use, unless it is said of a trial or of other
    treatments: "not in this indication" is, "il n'est pas dans cette étude"
    and "the other meds" are not."""
    for phrase in vocabulary.other_use:
        needle = f" {phrase} "
        at = text.find(needle)
        while at >= 0:
            after = text[at + len(needle):].split(" ", 1)[0]
            # "le fabricant ne le développe pas pour son cas": said of development
            # (development pool 24)
            developing = set(text[:at].split()[-3:]) & set(vocabulary.development)
            # "not in this study"; "she hasn't tried the other meds yet": the alternatives
            if after not in vocabulary.not_the_product and after not in vocabulary.treatments \
                    and after not in vocabulary.not_a_use and not developing \
                    and not _denied_right_before(text[:at].split(), vocabulary):
                return True
            at = text.find(needle, at + 1)
    return False


def _denied_right_before(before: List[str], vocabulary: "Vocabulary") -> bool:
    """A negation right before a phrase of another use, past its preposition
    and article, denies that use: "nicht zugelassen, auch nicht in einer
    anderen Indikation", "même pas dans une autre indication" (pool 57)."""
    between = set(vocabulary.use_prepositions) | set(vocabulary.articles)
    j = len(before)
    while j and before[j - 1] in between:
        j -= 1
    return j < len(before) and j > 0 and before[j - 1] in vocabulary.negations


def _without_alternatives(joined: str, vocabulary: Vocabulary) -> str:
    """A padded text without its talk of other treatments: "tried the other
    approved treatments" speaks of alternatives, not of another use."""
    for phrase in vocabulary.alternatives_talk:
        joined = joined.replace(f" {phrase} ", " ")
    return joined


OUTSIDE_REACH = 4


def _outside_a_use(words: List[str], vocabulary: Vocabulary) -> bool:
    """A word for outside reaches a use or a label within the same clause:
    "outside of its approved indication", "fuera de la indicación aprobada",
    "poza wskazaniem rejestracyjnym"; not "outside France, approved for this"."""
    for i, word in enumerate(words):
        if word not in vocabulary.outside:
            continue
        for after in words[i + 1:i + 1 + OUTSIDE_REACH]:
            if after in _CLAUSE_BREAKS:
                break
            if after in vocabulary.labels or after.startswith(vocabulary.use_prefixes):
                return True
    return False


def another_use_named(text: str) -> bool:
    """The text names a use other than the patient's, the use right after the
    word for other ("I'd want it for a different indication", "for another
    disease"), not other treatments ("other approved agents failed ... for
    this use")."""
    vocabulary = load_vocabulary()
    words = _without_alternatives(f" {' '.join(_words(text or ''))} ", vocabulary).split()

    def a_use(word: str) -> bool:
        return word in vocabulary.uses or f"{word}s" in vocabulary.uses or word.startswith(vocabulary.use_prefixes)

    for phrase in vocabulary.other_use:
        parts = phrase.split()
        for i in range(len(words) - len(parts) + 1):
            if words[i:i + len(parts)] == parts and any(a_use(w) for w in words[i:i + len(parts) + 3]) \
                    and _other_use_said(f" {' '.join(words[i:])} ", vocabulary):
                return True
    return False


_NOT_UNAPPROVED = re.compile(r"\b(?:isn'?t|is not|not|never|wasn'?t|was not)\s+"
                             r"(?:unapproved|unlicen[cs]ed|unauthori[sz]ed)\b", re.IGNORECASE)


def read_authorisation(text: str, answering: bool = False, in_passing: bool = False) -> Optional[str]:
    """One of the contract's authorisation values, or None when the message
    says nothing clear about the product's status. `answering`: the message
    answers the status question. `in_passing`: another question is open, so
    an approval word alone ("yes, it's approved") says nothing of the status
    the open question does not ask; a use or the market must be named too."""
    vocabulary = load_vocabulary()
    # "it isn't unapproved - it's approved for this": a double negation is an approval
    text = _NOT_UNAPPROVED.sub("approved", text or "")
    unapproved = vocabulary.unapproved + (vocabulary.unapproved_when_asked if answering else ())
    words = _status_words(text, vocabulary)
    if not words:
        return None
    joined = f" {' '.join(words)} "
    other_text = _without_alternatives(joined, vocabulary)
    as_written = _find(words, vocabulary.approval)
    approvals = [i for i in sorted(set(as_written + _fuzzy(words, vocabulary.approval_typos)))
                 if not _of_treatments(words, i, vocabulary) and not _ambiguous_alone(words, i, vocabulary)]
    if in_passing and (not set(approvals) & set(as_written) or set(words) & set(vocabulary.trying)):
        # In passing, only an approval word said of the product, as written
        # (a near miss may be another language's word: "indicatie"), away from
        # talk of treatments tried ("no, the approved ones haven't been tried").
        return None
    other_use = _other_use_said(other_text, vocabulary) \
        or bool(_fuzzy(other_text.split(), vocabulary.other_use_typos)) \
        or _only_for_another_use(words, joined, approvals, vocabulary)
    # "no pharmacy can order it", "never been put on the market": a negated
    # availability is unavailability.
    offered = [i for i in sorted(set(_find(words, vocabulary.available) + _fuzzy(words, vocabulary.available_typos)))
               if not _said_of_something_else(words, i, i + 1, vocabulary)]
    unavailable = _unavailable_said(words, vocabulary) or any(
        _negated(words, i, vocabulary, AVAILABILITY_WINDOW, CONTRASTS) for i in offered)
    available = bool(offered) and not unavailable
    if any(f" {p} " in joined for p in vocabulary.off_label) or _outside_a_use(words, vocabulary):
        return "authorised_other_indication"
    if [i for i in _find(words, unapproved) if not _generic(words, i, vocabulary)] \
            and not [i for i in approvals if not _negated(words, i, vocabulary, stop=_NEGATION_STOPS)]:
        return "not_authorised"
    if not approvals:
        # "marketed in France, but only for myeloma"; "not on the market here"
        if other_use and available:
            return "authorised_other_indication"
        if available and any(f" {p} " in joined for p in vocabulary.this_use):
            return "authorised_available"  # "marketed and reimbursed for this indication"
        if unavailable and any(f" {p} " in joined for p in vocabulary.any_use):
            return "not_authorised"  # "not on the market for any indication"
        return "authorised_not_available" if unavailable else None
    affirmed = [i for i in approvals if not _negated(words, i, vocabulary, stop=_NEGATION_STOPS)]
    if not affirmed:
        # "not approved for this indication" says it is approved for others;
        # "isn't CE marked and is in a study for this indication" does not.
        this_use = any(_this_use_of_status(_clause_after(words, i), p, vocabulary)
                       for i in approvals for p in vocabulary.this_use)
        any_use = any(f" {p} " in joined for p in vocabulary.any_use)
        return "authorised_other_indication" if (other_use or this_use) and not any_use else "not_authorised"
    if other_use:
        return "authorised_other_indication"
    if unavailable:
        return "authorised_not_available"
    return "authorised_available" if available or (len(words) <= 6 and not in_passing) else None
