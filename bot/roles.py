"""Who is writing, from the words people use (contract slot `role`):
specialties and grades instead of "physician" ("onc registrar here", "his
nephrologist"), relatives instead of "advocate" ("parent of the child"),
other professionals ("oncology nurse", "hospital pharmacist"), and doctors
who are not the treating one ("consulting on the case, not the treating
physician"). Vocabularies are data (`data/lexicon/roles.yml`); a typing
mistake in a longer word is tolerated (rapidfuzz)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import FrozenSet, List, Optional, Tuple

import yaml

from bot.config import PROJECT_ROOT
from bot.places import find_places, fold
from bot.spelling import ends_a_compound, long_single_words, meant

LEXICON = PROJECT_ROOT / "data" / "lexicon" / "roles.yml"
FUZZY_SCORE, FUZZY_MIN_LENGTH = 85, 6
_TOKEN = re.compile(r"[a-z0-9]+(?:[/'’-][a-z0-9]+)*")
# Elided articles and prepositions, split off a word: "un'infermiera", "l'infirmière", "d'une patiente".
_ELISION = re.compile(r"^(?:l|d|un|dell|all|nell|sull|c|qu|j|s)['’](?=[a-z])")


def _tokens(folded: str, lex: "RoleLexicon") -> List[str]:
    """The words, with an elided article split off a role's word ("un'infermiera")."""
    out: List[str] = []
    for token in _TOKEN.findall(folded):
        elided = _ELISION.match(token)
        rest = token[elided.end():] if elided else ""
        if rest and (rest in lex.physician or rest in lex.other or rest in lex.relatives or rest in lex.advocates):
            out += [elided.group(0)[:-1], rest]
        else:
            out.append(token)
    # "my husband's the one who's ill": "'s" is "is" there, not a possessive
    # ("my husband's oncologist"): the relative then speaks of the patient.
    for i in range(len(out) - 2, -1, -1):
        base = out[i][:-2]
        if out[i].endswith("'s") and base in lex.relatives and out[i + 1] in _AFTER_IS:
            out[i:i + 1] = [base, "is"]
    return out


# Words after "'s" that make it "is": an article, a negation, a state.
_AFTER_IS = frozenset({"the", "a", "an", "not", "very", "ill", "sick", "unwell", "poorly", "in", "on", "being",
                       "been", "now", "still", "currently", "really", "so", "terminally", "seriously"})


@dataclass(frozen=True)
class RoleLexicon:
    physician: FrozenSet[str]
    endings: Tuple[str, ...]
    specialties: FrozenSet[str]
    grades: FrozenSet[str]
    other: FrozenSet[str]
    not_treating: Tuple[str, ...]
    own_team: Tuple[str, ...]
    relatives: FrozenSet[str]
    advocates: FrozenSet[str]
    patient_phrases: Tuple[str, ...]
    patient_answers: FrozenSet[str]
    # The patient's own word, the words that may open a phrase naming someone's
    # patient, and the words that make such a phrase the writer's ("the pt is me").
    patient_words: Tuple[str, ...] = ()
    patient_self_heads: FrozenSet[str] = frozenset()
    me_words: FrozenSet[str] = frozenset()
    own_doctor: FrozenSet[str] = frozenset()
    illness_openers: Tuple[Tuple[str, ...], ...] = ()
    illness_words: FrozenSet[str] = frozenset()
    illness_endings: Tuple[str, ...] = ()
    # The last part of a German or Dutch compound that names the profession
    # ("Neurochirurg", "onderzoeksverpleegkundige", "Krankenhausapothekerin").
    physician_heads: Tuple[str, ...] = ()
    other_heads: Tuple[str, ...] = ()
    someone_else: FrozenSet[str] = frozenset()
    # Words before a role that make it the writer's ("I'm", "je suis", "sono").
    self_words: FrozenSet[str] = frozenset()
    # Articles and possessives: "the neurologist", "il suo cardiologo" are someone's ...
    determiners: FrozenSet[str] = frozenset()
    # ... unless the writer says they are ("I'm the oncologist", "soy la oncóloga").
    being: FrozenSet[str] = frozenset()
    # Before a relative: "my mother", "sa fille" (the writer's or the patient's relative).
    possessives: FrozenSet[str] = frozenset()
    # Between a possessive and a relative: "my twin sister", "my older brother".
    relative_adjectives: FrozenSet[str] = frozenset()
    # After a relative: "parent of the child", "le fils d'une patiente".
    of_words: FrozenSet[str] = frozenset()
    # "dispositivo medico": after one of `adjective_after`, one of `adjectives` is no title.
    adjective_after: FrozenSet[str] = frozenset()
    adjectives: FrozenSet[str] = frozenset()
    # "my" in the languages read: "my mother", "ma grand-mère", "meine Mutter" name the writer's relative.
    my_words: FrozenSet[str] = frozenset({"my"})
    # Just before a role, these say the writer is not it ("not a relative, I'm her doctor").
    negations: FrozenSet[str] = frozenset()
    # Before a doctor's word, these make the doctor someone's ("a patient of Dr Moreau").
    whose: FrozenSet[str] = frozenset()
    # Greetings that may open the sentence that introduces the writer.
    greetings: FrozenSet[str] = frozenset()
    # Before a patient phrase, these make the patient someone's ("my patient here").
    definite_articles: FrozenSet[str] = frozenset()
    # After a role, these make it someone who acts on the product, not the writer:
    # "fully approved, pharmacy can get it" (blind pool 49).
    acting_after: FrozenSet[str] = frozenset()
    # ... unless one of these follows it: the writer asks ("Pharmacist, can you help?").
    addressed_after: FrozenSet[str] = frozenset()
    # Words never read as a role ("pharmacies"), though a typing mistake away from one.
    never: FrozenSet[str] = frozenset()
    # Other languages' words, as written, that fold into a role's ("på", on,
    # would be "pa", a physician assistant): left out before reading.
    written_not_roles: FrozenSet[str] = frozenset()
    # One-word terms matched despite a typing mistake, computed once.
    physician_typos: Tuple[str, ...] = ()
    other_typos: Tuple[str, ...] = ()


@lru_cache(maxsize=2)
def load_lexicon(path: Path = LEXICON) -> RoleLexicon:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))

    def words(items) -> FrozenSet[str]:
        return frozenset(fold(str(w)) for w in items)

    physician, other = words(data["physician"]["words"]), words(data["other_hcp"]["words"])
    return RoleLexicon(
        physician=physician,
        endings=tuple(data["physician"]["endings"]),
        specialties=words(data["physician"]["specialties"]),
        grades=words(data["physician"]["grades"]),
        other=other,
        not_treating=tuple(fold(p) for p in data["other_hcp"]["not_treating"]),
        own_team=tuple(fold(p) for p in data["other_hcp"].get("own_team") or ()),
        relatives=words(data["patient_advocate"]["relatives"]),
        advocates=words(data["patient_advocate"]["words"]),
        patient_phrases=tuple(fold(p) for p in data["patient"]["phrases"]),
        patient_answers=words(data["patient"]["answers"]),
        patient_words=tuple(fold(w) for w in data["patient"]["words"]),
        patient_self_heads=words(data["patient"]["self_heads"]),
        me_words=words(data["patient"]["me_words"]),
        own_doctor=words(data["patient"]["own_doctor"]),
        illness_openers=tuple(tuple(_TOKEN.findall(fold(p))) for p in data["patient"]["illness_openers"]),
        illness_words=words(data["patient"]["illness_words"]),
        illness_endings=tuple(fold(e) for e in data["patient"]["illness_endings"]),
        someone_else=words(data["patient"]["someone_else"]),
        self_words=words(data["self_words"]),
        greetings=words(data.get("greetings") or []),
        whose=words(data.get("whose") or []),
        determiners=words(data["determiners"]),
        being=words(data["being"]),
        possessives=words(data["possessives"]),
        definite_articles=words(data.get("definite_articles") or []),
        relative_adjectives=words(data.get("relative_adjectives") or []),
        of_words=words(data.get("of_words") or []),
        negations=words(data.get("negations") or []),
        my_words=words(data.get("my_words") or ["my"]),
        never=words(data["other_hcp"].get("never") or []),
        acting_after=words(data.get("acting_after") or []),
        addressed_after=words(data.get("addressed_after") or []),
        written_not_roles=frozenset(str(w).lower() for w in data.get("written_not_roles") or []),
        adjective_after=words(data["physician"].get("adjective_after") or []),
        adjectives=words(data["physician"].get("adjectives") or []),
        physician_typos=long_single_words(physician - words(data["physician"].get("exact_only") or []),
                                          FUZZY_MIN_LENGTH),
        other_typos=long_single_words(other, FUZZY_MIN_LENGTH),
        physician_heads=tuple(fold(h) for h in data["physician"].get("compound_heads") or ()),
        other_heads=tuple(fold(h) for h in data["other_hcp"].get("compound_heads") or ()),
    )


def _phrase_at(tokens: List[str], i: int, vocabulary: FrozenSet[str], longest: int = 3) -> int:
    """Length in tokens of the longest vocabulary phrase starting at token i (0: none)."""
    for size in range(min(longest, len(tokens) - i), 0, -1):
        if " ".join(tokens[i:i + size]) in vocabulary:
            return size
    return 0


def _of_someone(token: str, lex: RoleLexicon) -> bool:
    """'of', 'de', 'di', 'von', or an elided "d'une" after a relative."""
    return token in lex.of_words or token.startswith("d'")


def _fuzzy(token: str, candidates: Tuple[str, ...]) -> bool:
    return len(token) >= FUZZY_MIN_LENGTH and meant(token, candidates, FUZZY_SCORE) is not None


def _patient_word(token: str, lex: "RoleLexicon") -> str:
    """The patient's own word for a mistyped one ("pateint")."""
    if len(token) < FUZZY_MIN_LENGTH or token in lex.patient_words or token in lex.possessives \
            or token.rstrip("s") in lex.patient_words:
        return token
    return meant(token, lex.patient_words, FUZZY_SCORE) or token


def _mentions(tokens: List[str], lex: RoleLexicon, answering: bool = False) -> List[Tuple[int, str]]:
    """(token position, role) for every word that names a kind of writer."""
    found: List[Tuple[int, str]] = []
    for i, token in enumerate(tokens):
        if token in lex.never or (token in lex.adjectives and i > 0 and tokens[i - 1] in lex.adjective_after):
            continue
        # the word before a relative, past one adjective ("my twin sister", "a close friend")
        k = i - 1 - int(i > 1 and tokens[i - 1] in lex.relative_adjectives)
        if _phrase_at(tokens, i, lex.other) or ends_a_compound(token, lex.other_heads):
            found.append((i, "other_hcp"))
        elif _phrase_at(tokens, i, lex.physician) or (len(token) >= 7 and token.endswith(lex.endings)) \
                or ends_a_compound(token, lex.physician_heads):
            found.append((i, "physician"))
        elif (size := _phrase_at(tokens, i, lex.specialties)) and i + size < len(tokens) \
                and _phrase_at(tokens, i + size, lex.grades):
            found.append((i, "physician"))
        elif token in lex.relatives and not _phrase_at(tokens, i + 1, lex.physician) and (
                (k >= 0 and (tokens[k] in lex.possessives or tokens[k].endswith("'s")))
                # "sou vizinho", "soy hija": no article, in answer to "who are you?"
                or (answering and i > 0 and tokens[i - 1] in lex.being
                    and token not in lex.determiners | lex.possessives)  # "je suis son oncologue"
                or (i + 1 < len(tokens) and _of_someone(tokens[i + 1], lex)) or (answering and i == 0)
                # "older sister" in answer to "who are you?" (pool 36)
                or (answering and i == 1 and tokens[0] in lex.relative_adjectives)
                # "I'm the wife", "soy su hermano", "ich bin die Mutter", "I'm a close friend",
                # and "the wife" in answer to "who are you?"
                or (k >= 0 and tokens[k] in lex.determiners | lex.possessives and (
                    (k > 0 and tokens[k - 1] in lex.being) or (answering and k == 0)))):
            # "grandson, helping my nan": a relative opening the answer to "who are you?"
            found.append((i, "patient_advocate"))
        elif _phrase_at(tokens, i, lex.advocates):
            found.append((i, "patient_advocate"))
        elif token in lex.relatives:
            continue  # a relative's word without a tie to anyone is no mistyped title ("dochter" is not "doctor")
        elif _fuzzy(token, lex.other_typos):
            found.append((i, "other_hcp"))
        elif _fuzzy(token, lex.physician_typos):
            found.append((i, "physician"))
        elif len(token) >= 9 and token.endswith("gist"):
            # a specialist's title misspelt before its ending ("dermatoligist", "neurolgist");
            # a correctly spelt psychologist is another professional, found above
            found.append((i, "physician"))
    return found


def _sentence_starts(folded: str) -> List[int]:
    """Token positions that begin a sentence: the first, and each after . ! ? or a line break."""
    starts, previous_end = [], 0
    for i, match in enumerate(_TOKEN.finditer(folded)):
        if i == 0 or re.search(r"[.!?\n]", folded[previous_end:match.start()]):
            starts.append(i)
        previous_end = match.end()
    return starts


def _someone_elses(tokens: List[str], i: int, lex: RoleLexicon) -> bool:
    """'his doctors', 'the oncologist': a role with an article or a possessive
    and no 'I am' before it."""
    return i > 0 and tokens[i - 1] in lex.determiners and not (i > 1 and tokens[i - 2] in lex.being)


# How many words before a role may say it is the writer's ("I'm her oncologist").
ROLE_REACH = 4
ORGANISATION_REACH = 7


def _said_of_self(tokens: List[str], position: int, starts: List[int], lex: RoleLexicon, role: str) -> bool:
    # A message that opens with a role, maybe after a greeting ("Cardiology registrar,
    # patient in Leeds", "Good morning. Cardiac surgeon, CHU de Bordeaux")
    # introduces the writer; "the neurologist told us" does not.
    start = max((s for s in starts if s <= position), default=0)
    # An organisation is described at more length than a profession ("I work for a
    # rare disease patient organization", development pool 43), within its sentence.
    if role == "patient_advocate":
        before = tokens[max(start, position - ORGANISATION_REACH):position]
    else:
        before = tokens[max(0, position - ROLE_REACH):position]
    after = tokens[position + 1:position + 3]
    after_greeting = starts.index(start) == 1 and start <= 3  # "Good morning." then the role
    # ... or after a greeting in the same sentence ("Hi, clinical trials coordinator at ...")
    lead = start
    while lead < position and tokens[lead] in lex.greetings:
        lead += 1
    opening = (start == 0 or after_greeting) and position - lead <= 2 \
        and not (set(tokens[lead:position]) & lex.determiners)
    # "this is the oncologist", not "approved for this and the pharmacy stocks it"
    this_is = any(a == "this" and b == "is" for a, b in zip(before, before[1:]))
    # "available here, my doctor prescribes it": someone's doctor, unless the
    # writer says they are ("I am the oncologist", "as her GP").
    if _someone_elses(tokens, position, lex) and not (opening or this_is):
        return "here" in after or "speaking" in after
    said_of_self = this_is or bool(lex.self_words & set(before))
    if after and after[0] in lex.acting_after and not (len(after) > 1 and after[1] in lex.addressed_after) \
            and not said_of_self:
        return False
    return opening or said_of_self or "here" in after or "speaking" in after


def _speaks_as_patient(tokens: List[str], mentions: List[Tuple[int, str]], lex: RoleLexicon) -> bool:
    """'my rheumatologist says...', 'I have diffuse systemic sclerosis': the
    writer's own doctor or own illness, with no relative named."""
    if any(role == "patient_advocate" for _, role in mentions):
        return False
    if any(role == "physician" and i > 0 and tokens[i - 1] in lex.own_doctor for i, role in mentions):
        return True
    for i in range(len(tokens)):
        for opener in lex.illness_openers:
            if tuple(tokens[i:i + len(opener)]) == opener:
                for w in tokens[i + len(opener):i + len(opener) + 4]:
                    if w in lex.someone_else:
                        break
                    if w in lex.illness_words or (len(w) > 5 and w.endswith(lex.illness_endings)):
                        return True
    return False


def _not_denied(tokens: List[str], mentions: List[Tuple[int, str]], lex: RoleLexicon) -> List[Tuple[int, str]]:
    """The mentions but those the writer denies ("not a relative", "not the
    doctor"): a negation one or two words before, an article between."""
    def denied(i: int) -> bool:
        before = tokens[max(0, i - 2):i]
        return bool(before) and (before[-1] in lex.negations
                                 or (len(before) == 2 and before[0] in lex.negations and before[1] in lex.determiners))
    return [(i, role) for i, role in mentions if not denied(i)]


def _without_institutions(text: str) -> str:
    """The text with hospitals' names blanked out: "Houston, MD Anderson" names
    no physician (blind pool 30)."""
    for place in reversed(find_places(text)):
        if place.kind == "institution":
            text = text[:place.start] + " " * (place.end - place.start) + text[place.end:]
    return text


def _first_clause(text: str, lex: RoleLexicon) -> str:
    """The words before the first comma, semicolon, dash or full stop, folded
    and spelt as the patient's word is: "the patient" in "the patient, and no
    I'm not in any trial"."""
    head = re.split(r"[,;:.!?()\u2014\u2013]|\s-\s", fold(text or ""), maxsplit=1)[0]
    return " ".join(_patient_word(t, lex) for t in _tokens(head, lex))


def _patient_before(folded: str, first: int, lex: RoleLexicon) -> bool:
    """The writer says they are the patient in a clause of its own before the
    first word that names a role: "I'm the patient, attending ..."."""
    seen = 0
    for clause in re.split(r"[,;.!?()]", folded):
        words = _TOKEN.findall(clause)
        if seen + len(words) > first:
            return False
        joined = f" {' '.join(words)} "
        # only a phrase that names the patient: "c'est moi qui le traite, je suis son hématologue" is the doctor
        if any(f" {p} " in joined for p in lex.patient_phrases if " " in p and set(p.split()) & lex.patient_self_heads):
            return True
        seen += len(words)
    return False


def _patient_phrase_of_self(joined: str, lex: RoleLexicon, answering: bool) -> bool:
    """A phrase in which the writer says they are the patient, unless the
    patient word in it is someone's: "patient here" is the writer, "my patient
    here needs it" a doctor's patient, and so is "the patient here is 54"
    unless it answers "who are you?"."""
    someones = lex.possessives if answering else lex.possessives | lex.definite_articles
    for phrase in lex.patient_phrases:
        if " " not in phrase:
            continue
        words = phrase.split()
        may_be_someones = words[0] in lex.patient_self_heads and not set(words) & lex.me_words
        needle = f" {phrase} "
        at = joined.find(needle)
        while at >= 0:
            before = joined[:at].split()[-1:]
            if not (may_be_someones and before and before[0] in someones):
                return True
            at = joined.find(needle, at + 1)
    return False


def read_role(text: str, answering: bool) -> Optional[str]:
    """The writer's role, or None. `answering`: the message answers "who are
    you?", so whatever role it names is the writer's ("her oncologist")."""
    lex = load_lexicon()
    text = _without_institutions(text or "")
    if lex.written_not_roles:
        text = re.sub(r"\w+", lambda m: " " if m.group(0).lower() in lex.written_not_roles else m.group(0), text or "")
    folded = fold(text or "")
    typed = _tokens(folded, lex)
    tokens = [_patient_word(t, lex) for t in typed]
    if not tokens:
        return None
    if tokens != typed:
        folded = " ".join(tokens)  # the phrases below see the corrected word
    joined = f" {' '.join(tokens)} "
    every = _not_denied(tokens, _mentions(tokens, lex, answering), lex)
    # "my oncologist", "a patient of Dr Moreau": someone else's role, never the writer's.
    mentions = [(i, role) for i, role in every if not (
        role in ("physician", "other_hcp") and i > 0 and (tokens[i - 1] in lex.my_words or tokens[i - 1] in lex.whose))]
    # "writing on behalf of our team" is the treating team itself
    unowned_joined, unowned = joined, folded
    for phrase in lex.own_team:
        unowned_joined, unowned = unowned_joined.replace(phrase, " "), unowned.replace(phrase, " ")
    if any(f" {p} " in unowned_joined or p in unowned for p in lex.not_treating) \
            and any(role in ("physician", "other_hcp") and not _someone_elses(tokens, i, lex) for i, role in mentions):
        # "writing on behalf of my brother ... his doctors found a trial" is a
        # relative, not a professional (blind pool 30)
        return "other_hcp"
    if not answering:
        starts = _sentence_starts(folded)
        mentions = [(i, role) for i, role in mentions
                    if _said_of_self(tokens, i, starts, lex, role)
                    or (role == "patient_advocate" and i > 0 and tokens[i - 1] in lex.my_words)]
    if _patient_phrase_of_self(joined, lex, answering) and not mentions:
        return "patient"
    if mentions and _patient_before(folded, min(mentions)[0], lex):
        return "patient"  # "I'm the patient, attending Galway University Hospital" (blind pool 31)
    if not mentions and _speaks_as_patient(tokens, every, lex):
        return "patient"
    if answering and (" ".join(tokens) in lex.patient_answers or _first_clause(text, lex) in lex.patient_answers):
        # "the patient, and no I'm not in any trial": the answer's first clause (blind pool 30)
        return "patient"
    if not mentions:
        return None
    first, role = min(mentions)
    # "oncology nurse", "nurse practitioner ..., the consultant prescribes":
    # another profession named with or before the doctor's word is the writer's.
    if role == "physician" and any(r == "other_hcp" and i <= first + 2 for i, r in mentions):
        return "other_hcp"
    return role
