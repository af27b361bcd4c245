"""Yes/no facts stated in passing, whatever question is open: "he isn't in
any company trial and can't be enrolled in one", "he has never received
Fendrasib", "the company filed for approval in this indication".

Each clause (bot/polarity.clauses) is read for the facts whose `stated`
anchors it holds (data/lexicon/answers.yml): a clause must hold an anchor
and a topic word of the fact, and not be about another question; its
polarity is read as for an answer (negations, negative words, phrases that
affirm). A fact that two clauses state both ways is not read, nor a clause
that states two trial facts at once unless it says no to both. The answer
to the open question is read by bot/polarity.answer_to, not here."""
from __future__ import annotations

import re
from typing import Dict, List, Optional, Tuple

from bot.authorisation import names_a_status
from bot.elision import unelided
from bot.phrases import english_words
from bot.places import fold
from bot.polarity import AnswerLexicon, clause_polarity, clauses, hedge, load_lexicon, negated, words_of, yes_despite_a_no, yes_though_one_way_denied

# Two facts about trials; a clause that states both is not read.
TRIAL_FACTS = frozenset({"in_company_trial", "trial_available"})
# A capitalised word right after one of these verbs names the product ("has
# never received Fendrasib").
_NAMED_AFTER = re.compile(r"\b(?:received|receiving|had|taken|taking|tried|given|on|reçu|recu|bekommen|erhalten|recibido"
                          r"|ricevuto)\s+([A-Z][a-zA-Z0-9-]{3,})")


def _held(words: List[str]) -> Tuple[List[str], str]:
    """A clause's words, once, as `_has` looks in them: an elided article or
    pronoun is its own word ("l'essai" holds "essai")."""
    words = words + [bare for w in words if (bare := unelided(w)) != w and len(bare) > 2]
    return words, f" {' '.join(words)} "


def _has(held: Tuple[List[str], str], entries: Tuple[str, ...]) -> bool:
    words, joined = held
    for entry in entries:
        if entry.startswith("*"):
            # an ending: "*itis" holds "vasculitis", not the ending alone
            suffix = entry[1:]
            if any(w.endswith(suffix) and len(w) > len(suffix) + 2 for w in words):
                return True
        elif entry.endswith("*"):
            prefix = entry[:-1]
            if (f" {prefix}" in joined) if " " in prefix else any(w.startswith(prefix) for w in words):
                return True
        elif f" {entry} " in joined:
            return True
    return False


# A label, a colon and a bare yes or no, as in notes and forms: "Pt in company
# trial: no. Serious: yes." (development pool 24, where the label alone had
# been read as a yes to each).
_LABELLED = re.compile(r"([^.;:!?\n()]{2,80}?)\s*:\s*([^\W\d_]+)(?=\s*(?:[.;,!()\n]|$))")


def labelled_facts(text: str, lexicon: Optional[AnswerLexicon] = None) -> Tuple[Dict[str, bool], str]:
    """The yes/no facts given as "label: yes/no", and the text without them
    for the other readers. The label names the fact as a clause would (its
    `stated` anchors, or the one topic it mentions); a negated label turns
    the answer round ("Never treated: yes" is a no)."""
    lex = lexicon or load_lexicon()
    facts: Dict[str, bool] = {}

    def read(match: "re.Match[str]") -> str:
        answer = lex.bare.get(fold(match.group(2)))
        if answer is None:
            return match.group(0)
        label, words = match.group(1), words_of(match.group(1))
        if names_a_status(label):
            return match.group(0)  # "authorised: yes. available: no" is the product's status (blind pool 59)
        slots = {slot for slot, values in _stated_in(label, None, set(), lex).items() if len(values) == 1}
        if not slots:
            slots = {slot for slot, topic in lex.topics.items() if clause_polarity(topic, words, lex) is not None}
        if len(slots) != 1:
            return match.group(0)
        slot = slots.pop()
        said = clause_polarity(lex.topics[slot], words, lex)
        if said is None:
            return match.group(0)
        facts[slot] = said == answer
        return "."

    rest = _LABELLED.sub(read, text or "")
    return facts, rest


def stated_facts(text: str, skip: Optional[str] = None, lexicon: Optional[AnswerLexicon] = None) -> Dict[str, bool]:
    """Slot -> value for the yes/no facts the message states in a clause of
    their own (never `skip`, the open question)."""
    lex = lexicon or load_lexicon()
    if not text or text.startswith("/"):
        return {}
    # A product's code is one name though the clauses split it in words: "CMX-5" is "cmx" "5" there.
    named = {part for m in _NAMED_AFTER.finditer(text)
             for part in (m.group(1).lower(), re.split(r"[\W_]+", m.group(1).lower())[0])}
    # A question states nothing ("is your company running a trial?").
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", text) if not s.rstrip().endswith("?")]
    seen: Dict[str, set] = {}
    for sentence in sentences:
        for slot, values in _stated_in(sentence, skip, named, lex).items():
            if False in values and (yes_despite_a_no(slot, sentence, lex) or yes_though_one_way_denied(slot, sentence, lex)):
                # The sentence's say, as for an answer: "isn't life threatening
                # but it's wrecking my life, I can't work" is serious, and so is
                # "not life-threatening, but she's severely disabled by it", where
                # the second clause says yes of its own.
                values = {True}
            seen.setdefault(slot, set()).update(values)
    return {slot: values.pop() for slot, values in seen.items() if len(values) == 1}


# Facts whose `stated_alone` phrases may stand for their topic with a pronoun.
ANAPHORIC = frozenset({"in_company_trial"})


def _stated_in(sentence: str, skip: Optional[str], named: set, lex: AnswerLexicon) -> Dict[str, set]:
    """Slot -> the values one sentence's clauses state for it."""
    seen: Dict[str, set] = {}
    readings: List[Dict[str, bool]] = []
    before: List[str] = []
    trials_named: List[str] = []
    trial_nouns = lex.stated_needs.get("in_company_trial", ())
    for contrast, words in clauses(sentence, lex):
        read: Dict[str, bool] = {}
        # "he's not in any trial and can't get into one": "one" is the trial
        # named in the clause before, which the clause then names too.
        said_before = [w for w in before if _has(_held([w]), trial_nouns)]
        # ... or in any clause before it in the sentence, when the clause names no
        # fact's topic of its own: "en klinisk afprøvning i gang, men patienten kan ikke
        # deltage og er ikke med i nogen", "he can't get into any (excluded), and he's not
        # in any now" (blind pool 48, development pool 42); not "pas d'essai possible,
        # maladie grave, les alternatives ne sont pas épuisées"
        trials_named += said_before
        previous, before = before, words
        at_end = any(w in lex.anaphora_at_end and (i + 1 == len(words) or negated(words[i + 1:i + 2], lex))
                     for i, w in enumerate(words))
        about_the_trial = bool(said_before) and (
            bool(set(words) & lex.anaphora) and not any(
                lex.topics[slot].mentions(w) for slot in TRIAL_FACTS if slot in lex.topics for w in words)
            # "w żadnym nie uczestniczy": the verb is the trial's, the noun is the one before
            or at_end and not _has(_held(words), trial_nouns))
        if not about_the_trial and trials_named and (at_end or set(words) & lex.anaphora) \
                and not _has(_held(words), trial_nouns) \
                and not any(lex.topics[slot].mentions(w) for slot in lex.topics for w in words):
            about_the_trial, said_before = True, trials_named
        if about_the_trial:
            words = words + said_before[-1:]
        held = _held(words)
        # where a subject is looked for, in this clause and the one before
        subjects, previous_subjects = _held(_subjects(words)), _held(_subjects(previous))
        for slot, topic in lex.topics.items():
            if slot == skip or about_the_trial and slot == "alternatives_exhausted":
                continue  # "... und kann auch in keine mehr rein": no more trials, not no more treatments
            alone = _has(held, lex.stated_alone.get(slot, ())) or tuple(words) in lex.stated_whole.get(slot, ())
            # A phrase that affirms the fact states it too: "il n'existe aucune
            # alternative", "sin alternativas" (development pool 23).
            anchored = alone or _has(held, lex.stated.get(slot, ())) or (
                topic.affirmed(words, in_passing=True) and any(topic.mentions(w) for w in words)
                and not topic.about_something_else(words))
            only_if_no = not anchored and _has(held, lex.stated_if_no.get(slot, ()))
            if not (anchored or only_if_no):
                continue
            needs = lex.stated_needs.get(slot)
            if needs and not (_has(held, needs) or named & set(words) or alone):
                continue
            if _has(held, lex.stated_unless.get(slot, ())) and not topic.denied(words):
                # "he received your drug in a phase 2 trial": exposure, not enrolment now;
                # "she took part in your trial" is over, a no (pool 56)
                continue
            subject = lex.stated_subject.get(slot)
            if subject and not alone and not _has(subjects, subject) \
                    and not (words and words[0] in lex.subject_carried_by.get(slot, ())
                             and _has(previous_subjects, subject)):
                # ... unless the clause goes on from one that names the patient: "she's
                # in your phase 2 and receiving the drug" (development pools)
                continue  # "the drug hasn't had any effect" says nothing of the patient
            value = clause_polarity(topic, words, lex)
            if value is None and alone and slot in ANAPHORIC:
                # "he isn't in it", "i'm not in one": the trial named before, said of the
                # patient in a phrase of its own (development pools)
                value = not negated(words, lex)
            if only_if_no and value is not False:
                continue
            if value is not None:
                read[slot] = value
        if len(read.keys() & TRIAL_FACTS) > 1 and any(read[slot] for slot in TRIAL_FACTS):
            for slot in TRIAL_FACTS:
                read.pop(slot, None)  # "in a trial she could join": which one?
        if not read and _doubted(words, lex):
            # "Dass die Firma es noch weiterentwickelt, glaube ich nicht": a clause of
            # doubt takes back what the one before said (development pool 28)
            if readings:
                readings[-1] = {}
            read = {}
        if contrast:
            # The clause after "but" has the last word on what it states: "eine Phase-II-Studie
            # läuft, aber er erfüllt die Einschlusskriterien nicht" (development pool 26)
            for earlier in readings:
                for slot in read:
                    earlier.pop(slot, None)
        readings.append(read)
    # Both no in one clause stay: "zit niet in een studie en kan aan geen enkele studie deelnemen"
    for read in readings:
        for slot, value in read.items():
            seen.setdefault(slot, set()).add(value)
    return seen


def _subjects(words: List[str]) -> List[str]:
    """The words where a subject is looked for: "i" opening a clause is the
    English "I" only before an English word ("i am in your trial"), else the
    Polish "and" ("lek, i firma nadal prowadzi badania": the company runs
    trials, pool 56). Inside a clause it stays: "inte med i någon studie"
    is read with it."""
    return [w for k, w in enumerate(words)
            if w != "i" or k > 0 or k + 1 < len(words) and words[k + 1] in english_words()]


def _doubted(words: List[str], lex: AnswerLexicon) -> bool:
    """A clause that only doubts ("glaube ich nicht", "I don't think so"), about no fact
    (its caller checks it states none: "she isn't in it" is no doubt)."""
    return len(words) > 1 and hedge(words, lex) is False and not any(
        topic.mentions(w) for topic in lex.topics.values() for w in words)
