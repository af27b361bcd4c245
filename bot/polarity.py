"""Whether an answer to an open yes/no question says yes or no when it does
not start with either: "not enrolled", "nothing is recruiting that he'd
qualify for", "I doubt it", "a filing is planned". The clause about the
question decides, not the whole message, so "not enrolled; she's never had
the product either" answers the trial question with no whatever the rest
says. Vocabularies: data/lexicon/answers.yml."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import FrozenSet, Iterable, List, Mapping, Optional, Tuple

import yaml

from bot.config import PROJECT_ROOT
from bot.elision import unelided
from bot.phrases import english_words
from bot.places import fold
from bot.spelling import long_single_words, meant
from bot.yaml_words import strings_only

LEXICON = PROJECT_ROOT / "data" / "lexicon" / "answers.yml"
# A quantifier of absence governs the next three words ("no other approved
# options"), and three more past a coordinator among them.
ABSENCE_REACH = 3
COORDINATED_REACH = 3
# A topic word of at least this many letters is recognised despite one typing
# mistake (rapidfuzz ratio at least TYPO_SCORE).
TYPO_MIN_LENGTH, TYPO_SCORE = 6, 85


def _holds_phrase(words: List[str], phrases: Iterable[Tuple[str, ...]]) -> bool:
    """Whether one of `phrases` (word tuples) stands in `words`, word for word."""
    return any(tuple(words[i:i + len(p)]) == p for p in phrases for i in range(len(words) - len(p) + 1))


@dataclass(frozen=True)
class Topic:
    words: FrozenSet[str]
    prefixes: Tuple[str, ...]
    negative: FrozenSet[str]
    negative_prefixes: Tuple[str, ...]
    # Phrases that say yes though they hold a negation ("didn't work" to
    # "have the alternatives been exhausted?").
    affirming: Tuple[Tuple[str, ...], ...] = ()
    # A quantified absence that says yes ("no options left"): quantifiers,
    # the words they may govern (within three words), and words that void it.
    absence_quantifiers: FrozenSet[str] = frozenset()
    absent: FrozenSet[str] = frozenset()
    absent_prefixes: Tuple[str, ...] = ()
    absence_unless: FrozenSet[str] = frozenset()
    # Absent only in the answer to the topic's own question: "nothing else
    # suitable" answers "exhausted?", but says nothing of it in passing.
    absent_when_asked: FrozenSet[str] = frozenset()
    # Quantifiers only after an English negation: "there isn't anything left".
    negated_quantifiers: FrozenSet[str] = frozenset()
    # Words that join two qualifiers under one quantifier ("no surgical or
    # approved transcatheter options left"): the governed word may come later.
    absence_coordinators: FrozenSet[str] = frozenset()
    # Words that make a clause about another question ("a trial she could join").
    elsewhere: FrozenSet[str] = frozenset()
    elsewhere_prefixes: Tuple[str, ...] = ()
    # ... unless the clause says what could be ("she can't be enrolled in any").
    elsewhere_unless: FrozenSet[str] = frozenset()
    # Topic words long enough to be recognised despite a typing mistake.
    long_words: Tuple[str, ...] = ()
    # Phrases that say no whatever the rest of the clause holds ("it would be
    # the first time" to "has the patient received it before?").
    denying: Tuple[Tuple[str, ...], ...] = ()
    # Topics said in more than one word ("get into", "take part").
    phrases: Tuple[Tuple[str, ...], ...] = ()
    # Clauses that are a yes when they are all the clause says ("there is
    # one" to "is there a trial the patient could join?"), unlike `affirming`,
    # which a negation around them does not undo.
    whole_yes: FrozenSet[Tuple[str, ...]] = frozenset()
    # Topic words for one of several ways the fact holds: their negation denies
    # that way only. "Seriously debilitating, though not life-threatening" is
    # serious; a clause that denies only these loses to one that says yes.
    one_way: Tuple[Tuple[FrozenSet[str], Tuple[str, ...]], ...] = ()  # (words, prefixes) of each way
    # Topic words that name no way of their own ("life" in "daily life is fine").
    neutral: FrozenSet[str] = frozenset()

    def ways_named(self, words: List[str]) -> Optional[FrozenSet[int]]:
        """The ways of the fact a clause names, or None when it names the topic
        by a word of no single way ("serious")."""
        ways = set()
        for word in words:
            if word in self.neutral or not self.mentions(word):
                continue
            way = next((i for i, (exact, prefixes) in enumerate(self.one_way)
                        if word in exact or word.startswith(prefixes)), None)
            if way is None:
                return None
            ways.add(way)
        return frozenset(ways)

    def mentioned_in(self, words: List[str]) -> bool:
        """A topic word or phrase stands in the clause."""
        return any(self.mentions(w) for w in words) or _holds_phrase(words, self.phrases)

    def about_something_else(self, words: List[str]) -> bool:
        # A clause that names the topic in one of its phrases is about it:
        # "d'après son neurologue il est en essai pour sa maladie" (development
        # pool 26), though "son" is a relative elsewhere.
        if self.elsewhere_unless & set(words) or _holds_phrase(words, self.phrases):
            return False
        return any(w in self.elsewhere or w.startswith(self.elsewhere_prefixes) for w in words)

    def affirmed(self, words: List[str], in_passing: bool = False) -> bool:
        if _holds_phrase(words, self.affirming):
            return True
        if not self.absence_quantifiers or any(w in self.absence_unless for w in words):
            return False
        return any(self._quantifies(words, i) and any(
            self._absent(v) or not in_passing and v in self.absent_when_asked
            for v in self._governed(_after_of(words, i + 1))) for i, w in enumerate(words))

    def _governed(self, after: List[str]) -> List[str]:
        """The words a quantifier may govern: COORDINATED_REACH more past a coordinator."""
        window = after[:ABSENCE_REACH]
        if any(w in self.absence_coordinators for w in window):
            return after[:ABSENCE_REACH + COORDINATED_REACH]
        return window

    def _quantifies(self, words: List[str], i: int) -> bool:
        word = words[i]
        return word in self.absence_quantifiers or (
            word in self.negated_quantifiers and any(_english_negation(w) for w in words[:i]))

    def denied(self, words: List[str]) -> bool:
        return _holds_phrase(words, self.denying)

    def _absent(self, word: str) -> bool:
        word = unelided(word)  # "plus d'alternative"
        return word in self.absent or word.startswith(self.absent_prefixes)

    # str.startswith(()) is False, so an empty prefix list matches nothing.
    def mentions(self, word: str) -> bool:
        if word in self.words or word.startswith(self.prefixes):
            return True
        bare = unelided(word)
        if bare != word:  # "d'essai", "l'essai", "un'altra"
            return self.mentions(bare)
        # A typing mistake in a long topic word ("eligble", "enrolement").
        return len(word) >= TYPO_MIN_LENGTH and meant(word, self.long_words, TYPO_SCORE) is not None

    def against(self, word: str) -> bool:
        return word in self.negative or word.startswith(self.negative_prefixes)


# "none of the approved treatments": what follows "of the" is what is absent.
_OF_THE = frozenset({"of", "the", "these", "those", "her", "his", "their", "my", "our", "its"})


def _after_of(words: List[str], start: int) -> List[str]:
    if start < len(words) and words[start] == "of":
        while start < len(words) and words[start] in _OF_THE:
            start += 1
    return words[start:]


@dataclass(frozen=True)
class AnswerLexicon:
    breaks: FrozenSet[str]
    contrasts: FrozenSet[str]
    negations: FrozenSet[str]
    hedges: Tuple[Tuple[Tuple[str, ...], bool], ...]  # (words, answer), longest first
    topics: Mapping[str, Topic]
    bare: Mapping[str, bool]  # one-word clauses: "so no"
    searching: FrozenSet[str] = frozenset()  # "we checked": no answer on its own
    softeners: FrozenSet[str] = frozenset()  # "possibly yes", "well no": the bare word answers
    # Set phrases whose words are no topic's negative words: "as far as I can
    # tell" is not a trial too far away.
    idioms: Tuple[Tuple[str, ...], ...] = ()
    # A negation word that is another word before these: the Portuguese "no qual"
    not_negated_before: Mapping[str, FrozenSet[str]] = field(default_factory=dict)
    # A negation word only after these: the English "dont" typed without its
    # apostrophe is the French "dont" after a noun ("l'essai dont il relève").
    negated_only_after: Mapping[str, FrozenSet[str]] = field(default_factory=dict)
    # Pronouns that stand for the noun of the clause before ("can't get into one").
    anaphora: FrozenSet[str] = frozenset()
    # ... and these, only at the clause's end or before a negation: "är inte med i
    # någon" and "w żadnym nie uczestniczy", not "w żadnym wskazaniu"
    anaphora_at_end: FrozenSet[str] = frozenset()
    # Words that start a new clause and negate it: "ni", "nor".
    negating_breaks: FrozenSet[str] = frozenset()
    # No only as a whole clause: "he's not, but there's a trial he qualifies
    # for" (anywhere, "she's not coping" would be a no).
    whole_no: FrozenSet[Tuple[str, ...]] = frozenset()
    # Contrasts that may stand inside a clause after its subject and verb ("sie ist aber nicht ...").
    contrasts_inside: FrozenSet[str] = frozenset()
    # Breaks that break even right after a negation ("para nada y sigue"):
    # word -> the negations it breaks after (empty: after any).
    breaks_after_negation: Mapping[str, FrozenSet[str]] = field(default_factory=dict)
    # Words that break a clause only before these ("en hij": the Dutch "and").
    breaks_before: Mapping[str, FrozenSet[str]] = field(default_factory=dict)
    # Informal spellings read as the word they stand for ("been thru every approved therapy").
    informal: Mapping[str, str] = field(default_factory=dict)
    # English negations read despite one wrong letter ("nver had it").
    mistyped_negations: Tuple[str, ...] = ()
    # A clause opening with one of these goes on with a list the clause before
    # denied ("I wouldn't say life-threatening, no, or debilitating").
    list_continuations: FrozenSet[str] = frozenset()
    # Break words that are no break right after these ("i et forsøg": the Danish article)
    not_breaking_after: Mapping[str, FrozenSet[str]] = field(default_factory=dict)
    # A clause after a comma that starts with one of these is a relative
    # clause of the one before ("keine Studie, an der sie teilnehmen kann").
    relative_openers: Tuple[Tuple[str, ...], ...] = ()
    # Facts stated in passing (bot/statements.py): slot -> anchors a clause
    # must hold, and other words it must also hold (any of them).
    stated: Mapping[str, Tuple[str, ...]] = field(default_factory=dict)
    stated_needs: Mapping[str, Tuple[str, ...]] = field(default_factory=dict)
    # Anchors that say it without the words `stated_needs` asks for ("pronostic vital engagé")
    stated_alone: Mapping[str, Tuple[str, ...]] = field(default_factory=dict)
    # Clauses that state it when they are all the clause says: "Livstruende." in a note
    stated_whole: Mapping[str, FrozenSet[Tuple[str, ...]]] = field(default_factory=dict)
    stated_subject: Mapping[str, Tuple[str, ...]] = field(default_factory=dict)
    # A clause opening with one of these goes on with the subject of the clause
    # before: "she's in your phase 2 and receiving the drug".
    subject_carried_by: Mapping[str, Tuple[str, ...]] = field(default_factory=dict)
    stated_unless: Mapping[str, Tuple[str, ...]] = field(default_factory=dict)
    # Anchors that state a fact only when the clause says no: "n'est inclus
    # dans aucun essai" is in no company trial either; "inclus dans un essai"
    # does not say whose trial it is.
    stated_if_no: Mapping[str, Tuple[str, ...]] = field(default_factory=dict)


def _split(entries) -> Tuple[FrozenSet[str], Tuple[str, ...]]:
    words = [fold(str(e)) for e in entries]
    return (frozenset(w for w in words if not w.endswith("*")),
            tuple(sorted(w[:-1] for w in words if w.endswith("*"))))


@lru_cache(maxsize=2)
def load_lexicon(path: Path = LEXICON) -> AnswerLexicon:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    strings_only(data, str(path))
    hedges = [(tuple(_words(h)), answer == "yes") for answer, items in data["hedges"].items() for h in items]
    topics = {}
    for slot, entry in data["topics"].items():
        words, prefixes = _split(entry["topics"])
        negative, negative_prefixes = _split(entry.get("negative") or [])
        affirming = tuple(tuple(_words(p)) for p in entry.get("affirming") or [])
        absence = entry.get("absence") or {}
        elsewhere, elsewhere_prefixes = _split(entry.get("elsewhere") or [])
        one_way = tuple(_split(way) for way in (entry.get("one_way") or {}).values())
        absent, absent_prefixes = _split(absence.get("absent") or [])
        topics[slot] = Topic(words, prefixes, negative, negative_prefixes, affirming,
                             absence_quantifiers=frozenset(fold(w) for w in absence.get("quantifiers") or []),
                             absent=absent, absent_prefixes=absent_prefixes,
                             absence_unless=frozenset(fold(w) for w in absence.get("unless") or []),
                             absent_when_asked=frozenset(fold(w) for w in absence.get("when_asked") or []),
                             negated_quantifiers=frozenset(fold(w) for w in absence.get("after_negation") or []),
                             absence_coordinators=frozenset(fold(w) for w in absence.get("coordinators") or []),
                             elsewhere=elsewhere, elsewhere_prefixes=elsewhere_prefixes,
                             elsewhere_unless=frozenset(fold(w) for w in entry.get("elsewhere_unless") or []),
                             long_words=long_single_words(words, TYPO_MIN_LENGTH),
                             denying=tuple(tuple(_words(p)) for p in entry.get("denying") or []),
                             phrases=tuple(tuple(_words(p)) for p in entry.get("topic_phrases") or []),
                             whole_yes=frozenset(tuple(_words(p)) for p in entry.get("whole_yes") or []),
                             one_way=one_way, neutral=frozenset(fold(w) for w in entry.get("neutral") or []))
    return AnswerLexicon(
        breaks=frozenset(data["breaks"]), contrasts=frozenset(data["contrasts"]),
        negations=frozenset(data["negations"]),
        bare={fold(w): answer == "yes" for answer, items in (data.get("bare") or {}).items() for w in items},
        hedges=tuple(sorted(hedges, key=lambda h: -len(h[0]))), topics=topics,
        searching=frozenset(fold(w) for w in data.get("searching") or []),
        idioms=tuple(tuple(_words(p)) for p in data.get("idioms") or []),
        softeners=frozenset(fold(w) for w in data.get("softeners") or []),
        not_negated_before={fold(w): frozenset(fold(n) for n in after)
                            for w, after in (data.get("not_negated_before") or {}).items()},
        negated_only_after={fold(w): frozenset(fold(n) for n in before)
                            for w, before in (data.get("negated_only_after") or {}).items()},
        whole_no=frozenset(tuple(_words(p)) for p in data.get("whole_no") or []),
        informal={fold(w): fold(meant) for w, meant in (data.get("informal") or {}).items()},
        mistyped_negations=tuple(sorted(fold(w) for w in data.get("mistyped_negations") or [])),
        list_continuations=frozenset(fold(w) for w in data.get("list_continuations") or []),
        breaks_before={fold(w): frozenset(fold(n) for n in after)
                       for w, after in (data.get("breaks_before") or {}).items()},
        not_breaking_after={fold(w): frozenset(fold(n) for n in before)
                            for w, before in (data.get("not_breaking_after") or {}).items()},
        negating_breaks=frozenset(fold(w) for w in data.get("negating_breaks") or []),
        contrasts_inside=frozenset(fold(w) for w in data.get("contrasts_inside") or []),
        breaks_after_negation={fold(w): frozenset(fold(n) for n in after or [])
                               for w, after in (data.get("breaks_after_negation") or {}).items()},
        anaphora=frozenset(fold(w) for w in data.get("anaphora") or []),
        anaphora_at_end=frozenset(fold(w) for w in data.get("anaphora_at_end") or []),
        relative_openers=tuple(tuple(_words(o)) for o in data.get("relative_openers") or []),
        stated=_per_topic(data, "stated"), stated_needs=_per_topic(data, "stated_needs"),
        stated_alone=_per_topic(data, "stated_alone"),
        stated_whole={slot: frozenset(tuple(_words(p)) for p in entry["stated_whole"])
                      for slot, entry in data["topics"].items() if entry.get("stated_whole")},
        stated_subject=_per_topic(data, "stated_subject"), stated_unless=_per_topic(data, "stated_unless"),
        stated_if_no=_per_topic(data, "stated_if_no"), subject_carried_by=_per_topic(data, "subject_carried_by"))


def _per_topic(data: Mapping, key: str) -> Mapping[str, Tuple[str, ...]]:
    """Slot -> the topic's `key` list, folded, for the topics that have one."""
    return {slot: tuple(fold(w) for w in entry[key]) for slot, entry in data["topics"].items() if entry.get(key)}


# The German subjunctive "hätte" (would have: "ich hätte eine Frage", blind
# pool 45) is kept apart from "hatte" (had) before the accents go.
_SUBJUNCTIVE = re.compile(r"\bhätte(n|st|t)?\b", re.IGNORECASE)


def _apart(text: str) -> str:
    return _SUBJUNCTIVE.sub(lambda m: "haette" + (m.group(1) or ""), text)


def _words(text: str) -> List[str]:
    return re.findall(r"[a-z0-9']+", fold(_apart(text)).replace("\u2019", "'"))


def words_of(text: str) -> List[str]:
    """The folded words of a text, as the clauses hold them."""
    return _words(text)


_AND_E = re.compile(r"(?<![\w'\u2019.-])e(?![\w'\u2019.-])")


def clauses(text: str, lex: AnswerLexicon) -> List[Tuple[bool, List[str]]]:
    """(starts with a contrast, words) for each clause of the message."""
    out: List[Tuple[bool, List[str]]] = []
    # The Italian and Spanish "e" (and) is read as "ed" before the accents go:
    # folded, "è" (is) looks the same ("le alternative sono esaurite e non ha
    # mai ricevuto il farmaco" is two clauses).
    text = _AND_E.sub("ed", text)
    text = _apart(text)
    parts = re.split(r"([;,.!?:()\n]+|\s[-\u2013\u2014]\s)", fold(text).replace("\u2019", "'"))
    for index in range(0, len(parts), 2):
        part = parts[index]
        # A relative clause after a comma belongs to its noun: "es gibt keine
        # Studie, an der sie teilnehmen kann" is one clause.
        if index and out and parts[index - 1].strip() == "," and lex.relative_openers and \
                any(" ".join(_words(part)[:len(o)]) == " ".join(o) for o in lex.relative_openers):
            out[-1][1].extend(_words(part))
            continue
        current: List[str] = []
        contrast = False
        words = [lex.informal.get(w) or mistyped_negation(w, lex) or w for w in _words(part)]
        for position, word in enumerate(words):
            following = words[position + 1] if position + 1 < len(words) else ""
            if following in lex.breaks_before.get(word, ()):
                # The Dutch "en" (and) before its subject, not the French "en" (in):
                # "alle standaardbehandelingen zijn uitgeput en hij heeft het middel
                # nooit gekregen" is two clauses (development pool 23).
                if current:
                    out.append((contrast, current))
                current, contrast = [], False
                continue
            # "not yet", "not so bad": a break word right after a negation belongs to it
            if word in lex.negating_breaks and negated(current, lex) and not negated(current[-1:], lex):
                # "no está en ningún ensayo ni puede entrar en uno": a second clause,
                # negated, after a negated one; not right after the negation
                # ("n'est ni grave ni invalidante")
                out.append((contrast, current))
                current, contrast = [word], False
                continue
            if word in lex.contrasts_inside and 0 < len(current) <= 2 and not negated(current, lex):
                contrast = True  # "sie ist aber nicht in der Studie": the same clause, contrasting
                continue
            if word in lex.breaks and not (current and current[-1] in lex.not_breaking_after.get(word, ())) \
                    and not (current and negated(current[-1:], lex) and not _breaks_after(word, current[-1], lex)):
                if current:
                    out.append((contrast, current))
                current, contrast = [], word in lex.contrasts
                continue
            current.append(word)
        if current:
            out.append((contrast, current))
    return out


# A negation typed with one letter wrong ("nver had it": blind pool 55) is read
# as the negation when it is no English word ("noting" stays itself).
NEGATION_TYPO_SCORE = 88
NEGATION_TYPO_MIN_LENGTH = 4  # "nver"


@lru_cache(maxsize=4096)
def _mistyped(word: str, negations: Tuple[str, ...]) -> Optional[str]:
    if len(word) < NEGATION_TYPO_MIN_LENGTH or not word.isalpha() or word in english_words():
        return None
    return meant(word, negations, NEGATION_TYPO_SCORE)


def mistyped_negation(word: str, lex: AnswerLexicon) -> Optional[str]:
    """The English negation `word` is a typo of ("nver", "nothng", "witout"),
    if any. English only: in the other languages a word one letter from a
    negation is often a word of its own (the Swedish "igen", again, and
    "ingen"; "året", the year, and "arent")."""
    return _mistyped(word, lex.mistyped_negations) if lex.mistyped_negations else None


def _breaks_after(word: str, negation: str, lex: AnswerLexicon) -> bool:
    """Whether the break `word` breaks right after the negation `negation`."""
    if word not in lex.breaks_after_negation:
        return False
    after = lex.breaks_after_negation[word]
    return not after or negation in after


def negated(words: List[str], lex: AnswerLexicon) -> bool:
    """Whether a clause's words hold a negation ("he isn't in it")."""
    # "n't", and the French elided "n'" ("n'est", "n'a jamais")
    at = [i for i, w in enumerate(words) if _negation_at(words, i, lex) or w.endswith("n't") or w.startswith("n'")]
    marks = [words[i] for i in at]
    # English has no negative concord: two English negations in one clause,
    # one of them contracted, cancel ("there isn't a single option he hasn't
    # tried", "I wouldn't say it isn't serious": blind pool 31; "it's not that
    # she hasn't tried everything": pool 33; "there's nothing we haven't
    # tried": pool 61), as do two whose first denies a whole proposition ("it's
    # not like he's never had it": pool 61). Other languages' pairs ("no está
    # en ningún ensayo", "ne ... pas") stay one negation, as do "no, it isn't"
    # and "not now, never".
    return bool(marks) and not (len(marks) % 2 == 0 and all(_english_negation(w) or w in _NEGATIVE_PRONOUNS for w in marks)
                                and (any(_contracted(w) for w in marks)
                                     or (marks[0] == "not" and at[0] + 1 < len(words) and words[at[0] + 1] in _PROPOSITION_AFTER_NOT)))


def _contracted(word: str) -> bool:
    """An English verb's contracted negation, with or without its apostrophe."""
    return word.endswith("n't") or (word.endswith("nt") and word in _APOSTROPHE_LESS)


def _english_negation(word: str) -> bool:
    return word in ("not", "never") or _contracted(word)


# English pronouns that negate their clause, which a contracted negation
# cancels ("nothing we haven't tried", "no one who hasn't seen him").
_NEGATIVE_PRONOUNS = frozenset({"nothing", "nobody", "none"})
# "not like", "not that", "not as if": the "not" denies the clause after it.
_PROPOSITION_AFTER_NOT = frozenset({"like", "that", "as"})

# The contractions typed without their apostrophe (answers.yml's negations).
_APOSTROPHE_LESS = frozenset({"isnt", "wasnt", "doesnt", "didnt", "hasnt", "havent", "couldnt", "cant", "wont",
                              "wouldnt", "arent", "werent", "shouldnt", "dont"})


def _negation_at(words: List[str], i: int, lex: AnswerLexicon) -> bool:
    word = words[i]
    if word in lex.negated_only_after:
        return i > 0 and words[i - 1] in lex.negated_only_after[word]
    return word in lex.negations and not (i + 1 < len(words) and words[i + 1] in lex.not_negated_before.get(word, ()))


def clause_polarity(topic: Topic, words: List[str], lex: AnswerLexicon) -> Optional[bool]:
    """What one clause says of `topic`: yes for a phrase that affirms it
    ("nothing worked"); None when the clause does not mention it or is about
    another question; else no when it holds a negation or a negative word."""
    if topic.affirmed(words):
        return True
    if topic.denied(words):
        return False
    if not topic.mentioned_in(words) or topic.about_something_else(words):
        return None
    if negated(words, lex):
        return False
    against = {i for i, w in enumerate(words) if topic.against(w)}
    return not (against and against - _inside_phrases(words, lex.idioms))


def _inside_phrases(words: List[str], phrases: Iterable[Tuple[str, ...]]) -> FrozenSet[int]:
    """The positions of `words` that one of `phrases` covers."""
    return frozenset(j for p in phrases for i in range(len(words) - len(p) + 1)
                     if tuple(words[i:i + len(p)]) == p for j in range(i, i + len(p)))


def hedge(words: List[str], lex: AnswerLexicon) -> Optional[bool]:
    """A clause that answers on its own: "I think so", "probably not", a bare yes or no."""
    if len(words) == 1 and lex.bare and words[0] in lex.bare:
        return lex.bare[words[0]]
    core = [w for w in words if w not in lex.softeners]
    if len(core) == 1 and len(words) > 1 and core[0] in lex.bare:
        return lex.bare[core[0]]  # "possibly yes", "well no", "ok ja"
    if tuple(words) in lex.whole_no:
        return False
    if len(words) > 1 and words[0] in lex.bare and hedge(words[1:], lex) is lex.bare[words[0]]:
        return lex.bare[words[0]]  # "yes I think so", "no I don't think so"
    for phrase, answer in lex.hedges:
        if answer and (tuple(words) == phrase or (len(core) < len(words) and tuple(core) == phrase)):
            return True  # "it is", "there is", "actually there is": the whole clause
        if not answer and _holds_phrase(words, (phrase,)) and (negated(words, lex) or not negated(list(phrase), lex)):
            # "I'm fairly sure it's not"; but a second negation cancels the
            # phrase's own: "I wouldn't say it isn't serious"
            return False
    return None


def affirmed_in(slot: str, text: str, lexicon: Optional[AnswerLexicon] = None) -> bool:
    """A clause of `text` holds a phrase that affirms `slot` whatever the
    negations ("she can no longer walk" is serious, "nothing worked" exhausted)."""
    lex = lexicon or load_lexicon()
    topic = lex.topics.get(slot)
    return topic is not None and any(topic.affirmed(words) for _, words in clauses(text or "", lex))


def yes_despite_a_no(slot: str, sentence: str, lexicon: Optional[AnswerLexicon] = None) -> bool:
    """A sentence that holds a no for `slot` and yet, read whole as an answer,
    says yes through a phrase that affirms it: "isn't life threatening, but she
    can no longer walk" is serious."""
    return affirmed_in(slot, sentence, lexicon) and answer_to(slot, sentence, lexicon) is True


def _without_one_way_noes(votes: List[Tuple[bool, bool]], ways: List[Optional[FrozenSet[int]]]) -> List[Tuple[bool, bool]]:
    """The votes without the noes that deny one way of the fact when another
    clause says yes by another way or by the fact's own word: "a seriously
    debilitating condition, though not life-threatening". `ways` holds the
    ways each vote's clause names (None: the fact's own word)."""
    yes_ways = [w for (_, answer), w in zip(votes, ways) if answer]

    def overruled(denied: Optional[FrozenSet[int]]) -> bool:
        return bool(denied) and len(denied) == 1 and any(w is None or (w and not w <= denied) for w in yes_ways)

    return [vote for vote, w in zip(votes, ways) if vote[1] or not overruled(w)]


def yes_though_one_way_denied(slot: str, sentence: str, lexicon: Optional[AnswerLexicon] = None) -> bool:
    """A sentence whose only no for `slot` denies one way of it, and which,
    read whole as an answer, says yes: "a seriously debilitating condition,
    though not life-threatening" is serious."""
    lex = lexicon or load_lexicon()
    topic = lex.topics.get(slot)
    if topic is None or not topic.one_way:
        return False
    noes = [topic.ways_named(words) for _, words in clauses(sentence, lex) if clause_polarity(topic, words, lex) is False]
    return bool(noes) and all(w is not None and len(w) == 1 for w in noes) and answer_to(slot, sentence, lex) is True


# An answer this short that holds one of the topic's own negative words, and
# no negation, says no: "all closed" or "full" to "is there a trial the
# patient could join?" (development pool 26), "still available" to "have the
# alternatives been exhausted?".
SHORT_NEGATIVE_WORDS = 3


def _short_negative(topic: Topic, text: str, lex: AnswerLexicon) -> Optional[bool]:
    words = [w for _, clause in clauses(text, lex) for w in clause]
    if not words or len(words) > SHORT_NEGATIVE_WORDS or negated(words, lex) or topic.affirmed(words):
        return None
    return False if any(topic.against(w) for w in words) else None


_SENTENCE = re.compile(r"[^.;!?\n]+[.;!?\n]*")


def sentences(text: str) -> List[str]:
    """The message cut at full stops, semicolons, question and exclamation marks and line ends."""
    return _SENTENCE.findall(text or "")


def answer_to(slot: str, text: str, lexicon: Optional[AnswerLexicon] = None) -> Optional[bool]:
    """True, False, or None when the message does not answer the yes/no
    question about `slot` in a way these rules can tell."""
    lex = lexicon or load_lexicon()
    topic = lex.topics.get(slot)
    if topic is None or not text or text.startswith("/"):
        return None
    votes: List[Tuple[bool, bool]] = []  # (contrast, answer)
    named_ways: List[Optional[FrozenSet[int]]] = []  # the ways of the fact each vote's clause names
    opening: Optional[bool] = None  # a first clause that is only a yes or a no ("Not really, ...")
    for index, (contrast, words) in enumerate(clauses(text, lex)):
        hedged = True if tuple(w for w in words if w not in lex.softeners) in topic.whole_yes else hedge(words, lex)
        if hedged is False and topic.affirmed(words):
            hedged = None  # "there isn't anything left": the absence says yes, not the hedge's "there isn't"
        if hedged is not None and any(topic.mentions(w) for w in words) and topic.about_something_else(words):
            continue  # "..., although he isn't in a company trial": the other question
        if hedged is not None and index and len(words) > 2 and not any(topic.mentions(w) for w in words) and any(
                other.mentions(w) for name, other in lex.topics.items() if name != slot for w in words):
            # "yes I think so. and there are still approved options she hasn't tried":
            # a later clause's no about another question's words (pool 36)
            continue
        if hedged is not None:
            votes.append((contrast, hedged))
            named_ways.append(frozenset())  # a hedge names no way of the fact
            if index == 0:
                opening = hedged
            continue
        said = clause_polarity(topic, words, lex)
        if said is None or said and not topic.affirmed(words) and any(w in lex.searching for w in words):
            continue
        votes.append((contrast, said))
        named_ways.append(topic.ways_named(words) if topic.one_way and not (words and words[0] in lex.list_continuations)
                          else frozenset())
    if topic.one_way:
        votes = _without_one_way_noes(votes, named_ways)
    if not votes:
        return _short_negative(topic, text, lex)
    contrasted = {a for c, a in votes if c}
    if len(contrasted) == 1:
        return contrasted.pop()
    yes = sum(a for _, a in votes)
    no = len(votes) - yes
    if yes == no:
        # "Not really, the only trial is on another continent": a no comes first
        # and the rest explains it (development pool 20); a yes first is left
        # to ask ("yes, not in any trial" may confirm the no)
        return False if opening is False else None
    return yes > no  # "I doubt it; we checked; nothing open": no
