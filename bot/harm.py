"""The second safety detector: reports of harm with one of the company's
products, read from the words of a message whatever the intent classifier
says (issue 11, item 5). Pure: text in, finding out.

A harm counts when
- it is not negated ("no side effects so far"), not a supposition ("if she gets
  pregnant") and not a question about the product in general ("does it cause
  hair loss?");
- the message ties it to one of the company's products: named as ours ("your
  drug", "the capsules you sent", a product code, a product of the access
  programme, an unknown word used as a product name), or only as "the tablets",
  "the infusion", "since starting";
- it is not put down to another product, the past or the disease itself ("a
  rash on methotrexate last year", "admitted because her cancer has spread").
Deaths and life-threatening events count whenever the message names one of our
products and does not say the patient never got it.

Vocabularies live in data/lexicon/harm.yml; words are matched on normalised
forms (see bot/harm_lexicon.py)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Dict, FrozenSet, List, Optional, Sequence, Tuple

from bot.harm_lexicon import Lexicon, Token, fold, lexicon, split, token_keys
from bot.places import find_places

# Most serious first: a message with several harms is reported by the first.
CATEGORIES = (
    "death",
    "life_threatening",
    "hospitalisation",
    "overdose",
    "medication_error",
    "pregnancy",
    "breastfeeding",
    "special_situation",
    "reaction",
    "quality_complaint",
    "lack_of_effect",
)
SERIOUS = frozenset({"death", "life_threatening", "hospitalisation"})
SERIOUS_NEVER_SET_ASIDE = frozenset({"death", "life_threatening"})
# Reasons a harm mention was set aside that say outright the message reports
# no harm with our product (the NLU component may then overrule the intent
# classifier). A question or a supposition is not one: "how do I report a side
# effect?" must still get the reporting guidance.
EXPLICIT_REASONS = frozenset(
    {"negated", "other_product", "past", "disease", "unrelated", "never_exposed", "resolved", "planned", "reassured"}
)
# ... and these when nobody asks how to report ("has anyone had anaphylaxis?").
ASKING_REASONS = frozenset({"question", "hypothetical"})


@dataclass(frozen=True)
class Finding:
    category: str  # one of CATEGORIES
    serious: bool
    evidence: Tuple[str, ...]  # the words of the message that made it a report


@dataclass(frozen=True)
class Screening:
    """Everything the detector saw: the finding, if any, and why other harm
    words were set aside."""

    finding: Optional[Finding]
    mentions: int = 0
    dismissed: Tuple[str, ...] = ()
    reassured: bool = False  # the message says the patient is well
    urgent: bool = False  # the message speaks of urgency
    supposition: bool = False  # the message supposes or asks, reports nothing
    exposed: bool = False  # the message says the patient is or was on a product

    asks_how_to_report: bool = False  # "how do I report a side effect?", "who do I tell?"
    grave: int = 0  # words of death or of a life-threatening event, set aside or not

    @property
    def explicitly_not_a_report(self) -> bool:
        allowed = EXPLICIT_REASONS if self.asks_how_to_report else EXPLICIT_REASONS | ASKING_REASONS
        return (
            self.finding is None
            and self.mentions > 0
            and len(self.dismissed) == self.mentions
            and all(reason in allowed for reason in self.dismissed)
        )


def detect(text: str) -> Optional[Finding]:
    """The report of harm in one message, if there is one."""
    return screen(text).finding


def warm_up() -> None:
    """Load the vocabularies and the spelling lists now, not on a user's message."""
    lexicon().fuzzy_words()
    screen("warm up")


# ------------------------------------------------------------------ reading
@dataclass
class _Mention:
    category: str
    start: int
    end: int
    serious: bool = False


@dataclass
class _Clause:
    tokens: List[Token]
    mentions: List[_Mention] = field(default_factory=list)
    spans: Dict[str, List[Tuple[int, int]]] = field(default_factory=dict)

    def has(self, name: str) -> bool:
        return bool(self.spans.get(name))

    def first(self, name: str) -> Optional[int]:
        spans = self.spans.get(name) or []
        return min(s for s, _ in spans) if spans else None

    def words(self, start: int, end: int) -> str:
        return " ".join(t.orig if not t.brand else "<product name>" for t in self.tokens[start:end])


_HARM_LISTS = (
    ("death", ("harms", "death")),
    ("life_threatening", ("harms", "life_threatening")),
    ("care_setting", ("harms", "care_setting")),
    ("hospitalisation", ("harms", "hospitalisation")),
    ("serious_reaction", ("harms", "serious_reaction")),
    ("reaction", ("harms", "reaction")),
    ("lab", ("harms", "lab")),
    ("reaction_verb", ("harms", "reaction_verbs")),
    ("overdose", ("special", "overdose")),
    ("medication_error", ("special", "medication_error")),
    ("off_label", ("special", "off_label")),
    ("pregnancy", ("special", "pregnancy")),
    ("breastfeeding", ("special", "breastfeeding")),
    ("occupational", ("special", "occupational")),
    ("lack_of_effect", ("lack_of_effect",)),
    ("vague", ("harms", "vague")),
    ("defect", ("quality", "defects")),
)
_CONTEXT_LISTS = (
    ("anchor", ("product", "anchors")),
    ("noun", ("product", "nouns")),
    ("exposure", ("exposure",)),
    ("never_exposed", ("never_exposed",)),
    ("not_exposed", ("not_exposed",)),
    ("other", ("other", "products")),
    ("qualifier", ("other", "qualifiers")),
    ("disowning", ("other", "disowning")),
    ("remedy", ("other", "remedies")),
    ("past", ("past",)),
    ("disease_noun", ("disease", "nouns")),
    ("attribution", ("disease", "attributions")),
    ("unrelated", ("disease", "unrelated")),
    ("planned", ("disease", "planned")),
    ("item", ("quality", "items")),
    ("child", ("special", "child_exposure", "children")),
    ("contact", ("special", "child_exposure", "contact")),
    ("neg_before", ("context", "negation", "before")),
    ("neg_after", ("context", "negation", "after")),
    ("pseudo", ("context", "negation", "pseudo")),
    ("terminator", ("context", "negation", "terminators")),
    ("hypothetical", ("context", "hypothetical")),
    ("hypothetical_start", ("context", "hypothetical_start")),
    ("indirect_if", ("context", "indirect_if")),
    ("generic", ("context", "generic")),
    ("report", ("context", "report")),
    ("reassurance", ("context", "reassurance")),
    ("resolution", ("context", "resolution")),
    ("urgent", ("context", "urgent")),
    ("cause", ("context", "cause")),
    ("blame", ("context", "blame")),
    ("not_reassurance", ("context", "not_reassurance")),
    ("idiom", ("context", "idioms")),
)


def _read_clause(lex: Lexicon, tokens: List[Token]) -> _Clause:
    clause = _Clause(tokens)
    keys = token_keys(tokens)  # once for the clause, not once per vocabulary
    for name, path in _HARM_LISTS + _CONTEXT_LISTS:
        found = lex.patterns(*path).find(tokens, keys)
        if found:
            clause.spans[name] = [(s, e) for s, e, _ in found]
    # "old" in an age ("our 6 year old on Zelquira") is no "old medicine" (blind safety set 33).
    if clause.spans.get("qualifier") and clause.spans.get("child"):
        clause.spans["qualifier"] = [q for q in clause.spans["qualifier"]
                                     if not any(s <= q[0] and q[1] <= e for s, e in clause.spans["child"])]
    # Where harms overlap, the longest wins ("nearly died", "the battery died").
    spans = [(s, e, name) for name, _ in _HARM_LISTS for s, e in clause.spans.get(name, [])]
    kept: List[Tuple[int, int, str]] = list(
        (s, e, "idiom") for s, e in clause.spans.get("idiom", [])
    )  # "life or death", "the paperwork is killing me": no harm
    for start, end, name in sorted(spans, key=lambda x: (-(x[1] - x[0]), x[0])):
        if not any(start < e and s < end for s, e, _ in kept):
            kept.append((start, end, name))
    for start, end, name in sorted(kept):
        if name != "idiom":
            clause.mentions.append(_Mention(name, start, end))
    _mark_other_words(lex, clause)
    return clause


def _longest(spans: Sequence[Tuple[int, int]]) -> List[Tuple[int, int]]:
    """Non-overlapping spans, the longest where they overlap."""
    out: List[Tuple[int, int]] = []
    for start, end in sorted(spans, key=lambda s: (s[0], -(s[1] - s[0]))):
        if out and start < out[-1][1]:
            continue
        out.append((start, end))
    return out


def _mark_other_words(lex: Lexicon, clause: _Clause) -> None:
    """Molecules of other companies by their name's ending (-mab, -platin), and
    unknown words that a qualifier makes another product ("her previous X")."""
    for i, tok in enumerate(clause.tokens):
        if tok.brand and any(_inside(clause, j, "qualifier") for j in range(max(0, i - 2), i)):
            tok.brand = False
            clause.spans.setdefault("other", []).append((i, i + 1))
        if tok.kind == "word" and not tok.brand and lex.is_other_product(tok.surf) and not _inside(clause, i, "anchor"):
            clause.spans.setdefault("other", []).append((i, i + 1))
            clause.spans.setdefault("molecule", []).append((i, i + 1))
            if tok.surf not in lex.other_names:
                clause.spans.setdefault("marketed", []).append((i, i + 1))


def _unknown_name(lex: Lexicon, token: Token) -> bool:
    """A capitalised word no vocabulary knows: a product name, wherever it stands ("Cardivel + digoxin")."""
    return token.orig[:1].isupper() and not token.orig.isupper() and lex.may_be_a_name(token)


def _names_ours(clause: _Clause) -> bool:
    """The company's product named as such: an anchor ("your drug"), a name or a code."""
    return clause.has("anchor") or any(t.brand or t.kind == "code" for t in clause.tokens)


def _beside_ours(lex: Lexicon, sentences: List[List[_Clause]]) -> None:
    """A marketed medicine named with the company's product (in one clause, and
    then in the whole sentence) is a co-medication,
    not the product the harm is put down to ("Velmorax with his amiodarone",
    "Cardivel + digoxin: child bradycardic"), and one given for the harm is a
    remedy ("treated in ICU with dantrolene", "naloxone saved him"): development
    sets. Beside a marketed medicine, a capitalised name no list knows is the
    company's product; at a sentence's start only as its heading ("Zentaprine
    ODT: ..."), not "Tuvo una hepatitis por el metotrexato"."""
    for sentence in sentences:
        if not any(c.has("marketed") for c in sentence):
            continue
        for ci, clause in enumerate(sentence):
            heading = ci == 0 and len(clause.tokens) <= 4 and len(sentence) > 1
            if clause.has("marketed") or heading:
                for token in clause.tokens:
                    if _unknown_name(lex, token) and (not token.sentence_start or heading):
                        token.brand = True
    ours_named = any(_names_ours(c) for s in sentences for c in s)
    for sentence in sentences:
        beside = any(c.has("marketed") and _names_ours(c) for c in sentence)
        for clause in sentence:
            marketed = set(clause.spans.get("marketed", []))
            if marketed and (beside or (ours_named and clause.has("remedy"))):
                clause.spans["other"] = [span for span in clause.spans.get("other", []) if span not in marketed]


def _ours_by_programme(sentences: List[List[_Clause]]) -> None:
    """A name with a molecule's ending is another company's product unless the
    message ties it to our programme: the company's own products have such
    names too. A name in a sentence with a programme word ("Décès de ma
    patiente sous Nexalumab (accès compassionnel)") is ours there and wherever
    it comes back ("resupply of Nexalumab for bed 4 ... the lady who was on
    Nexalumab too died")."""
    ours = {c.tokens[i].surf for s in sentences if any(c.spans.get("anchor") for c in s) for c in s
            for i, _ in c.spans.get("molecule", [])}
    if not ours:
        return
    for sentence in sentences:
        for clause in sentence:
            named = {span for span in clause.spans.get("molecule", []) if clause.tokens[span[0]].surf in ours}
            if named:
                clause.spans["other"] = [span for span in clause.spans.get("other", []) if span not in named]


def _inside(clause: _Clause, index: int, *names: str) -> bool:
    return any(s <= index < e for name in names for s, e in clause.spans.get(name, []))


# ------------------------------------------------------------------ context of a mention
def _negated(clause: _Clause, mention: _Mention, window: int) -> bool:
    """NegEx-style: a negation word shortly before the harm (no terminator in
    between) or a negating phrase shortly after it."""
    shields = ("pseudo",) + tuple(name for name, _ in _HARM_LISTS)
    for start, end in clause.spans.get("neg_before", []):
        if end > mention.start or mention.start - end > window:
            continue
        if any(start >= s and end <= e and (s, e) != (mention.start, mention.end) for name in shields for s, e in clause.spans.get(name, [])):
            continue  # "not" inside "did not make it", "not sure"
        between = range(end, mention.start)
        if any(_inside(clause, i, "terminator") for i in between):
            continue
        return True
    for start, _ in clause.spans.get("neg_after", []):
        if mention.end <= start <= mention.end + window:
            return True
    return False


def _hypothetical(sentence: List[_Clause], ci: int, mention: _Mention, question: bool = False) -> bool:
    clause = sentence[ci]
    # "I keep wondering if the new drug made it worse": whether, not a supposition.
    cues = [s for s, _ in clause.spans.get("hypothetical", []) if not _inside(clause, s, "indirect_if")]
    cue = min(cues) if cues else None
    if cue is not None and (cue < mention.start or question):
        return True  # "if one happens" after the harm, in a question
    # A condition opens the sentence ("If he has a reaction at home, ...").
    opening = sentence[0]
    return any(s == 0 for s, _ in opening.spans.get("hypothetical_start", [])) or (
        ci > 0 and any(s == 0 for s, _ in opening.spans.get("hypothetical", []))
    )


def _question(sentence: List[_Clause], ci: int, ends_with_question: bool, lex: Lexicon) -> bool:
    """A clause that asks something (about the product in general)."""
    context = lex.data["context"]
    strong, weak = set(context["question_starts"]), set(context["question_starts_weak"])
    relative = set(context.get("relative_pronouns") or ())
    predicates = set(context.get("predicate_starts") or ())
    for index in (ci, 0):
        first = sentence[index].tokens[0].surf if sentence[index].tokens else ""
        if index > 0 and not ends_with_question and (
                first in relative or (first in predicates and sum(len(c.tokens) for c in sentence[:index]) >= 3)):
            # "my late husband, who was treated with X and died"; "the patient
            # (R.D.) is now deceased" goes on with a subject ("ok, is it common" asks).
            continue
        if index != ci and not ends_with_question:
            continue  # "can you stop the vials, the patient died on the 29th.": the clause tells
        if first in strong or (first in weak and ends_with_question):
            return True
    return False


_GENERIC_HARM = frozenset({"side", "effect", "effects", "adverse", "event", "events", "reaction", "reactions", "ae", "aes",
                           "adr", "adrs", "problem", "problems", "harm", "toxicity", "undesirable"})
_POSSESSIVES = frozenset({"her", "his", "my", "their", "our", "this", "these", "those"})
_PERSONS = frozenset({"he", "she", "i", "we", "they", "my", "his", "her", "our", "their", "patient", "mother", "father",
                      "son", "daughter", "husband", "wife", "child", "baby"})


def _wishes_to_report(clause: _Clause, window: int) -> bool:
    """A word of reporting that is a wish: not negated ("no adverse events to
    report", "nothing to report") and not "reported" (said and done: "already
    reported to Roche", "were any deaths reported in the trials?")."""
    return any(
        not _negated(clause, _Mention("report", start, end), window) and clause.words(start, end).lower() != "reported"
        for start, end in clause.spans.get("report", [])
    )


def _rescued_question(sentence: List[_Clause], clause: _Clause, mention: _Mention, window: int) -> bool:
    """A question that still reports something: "can I report a death?", "could
    the swelling in her legs be from your drug?", "is it normal that she's had a
    rash since starting the capsules?"."""
    specific = not ({t.surf for t in clause.tokens[mention.start: mention.end]} & _GENERIC_HARM)
    if specific and any(_wishes_to_report(c, window) for c in sentence):
        return True  # "can I report a death?" (not "who reports side effects?", "were deaths reported in the trials?")
    if any(c.has("hypothetical") for c in sentence):
        return False
    # "her rash", "the swelling in her legs" (from your drug): a harm that happened to someone.
    before = clause.tokens[mention.start - 1].surf if mention.start > 0 else ""
    after = {t.surf for t in clause.tokens[mention.end: mention.end + 3]}
    ours = any(c.has("anchor") or c.has("exposure") or any(t.brand or t.kind == "code" for t in c.tokens) for c in sentence)
    if ours and (before in _POSSESSIVES or (before == "the" and after & _POSSESSIVES)):
        return True
    if any(c.has("generic") for c in sentence):
        return False
    words = {t.surf for c in sentence for t in c.tokens}
    since_or_after = any(c.tokens[s].surf in ("since", "after", "following") for c in sentence for s, _ in c.spans.get("exposure", []))
    return since_or_after and bool(words & _PERSONS)


# ------------------------------------------------------------------ whose product
_PATIENT_WORDS = frozenset({"patient", "pt", "id", "case", "ref", "reference", "number", "no"})


@dataclass(frozen=True)
class _Owners:
    """What one clause says about whose product a harm belongs to."""

    strong: bool  # our product named as such (anchor, code, product name)
    named: bool  # ... by its name or code
    weak: bool  # a product word or exposure not qualified as another product
    exposure: bool  # "since starting", "after the second infusion"
    cause: bool  # "blamed", "because of", "after"
    other: bool  # another product named, or a product word qualified as another's
    past: bool
    unrelated: bool
    disease: bool  # the disease named
    disease_cause: bool  # the harm put down to the disease ("from her underlying sarcoma")
    question: bool


def _owners(clause: _Clause, lex: Lexicon) -> _Owners:
    strong = _names_ours(clause)
    weak = qualified = False
    for start, end in clause.spans.get("noun", []) + clause.spans.get("exposure", []):
        near = range(max(0, start - 4), min(len(clause.tokens), end + 5))
        if any(_inside(clause, i, "qualifier", "other") for i in near):
            qualified = True
        else:
            weak = True
    disease_cause = any(clause.tokens[s].surf in ("underlying", "itself", "natural", "disease", "progression")
                        for s, _ in clause.spans.get("attribution", []))
    harms = [m.start for m in clause.mentions]
    for start, end in clause.spans.get("attribution", []):
        if any(end <= s <= end + 4 for s, _ in clause.spans.get("disease_noun", [])):
            disease_cause = True
        possessive = end < len(clause.tokens) and clause.tokens[end - 1].surf in ("his", "her", "their")
        if possessive and any(end <= s <= end + 2 for s in harms):
            disease_cause = True
    first = clause.tokens[0].surf if clause.tokens else ""
    return _Owners(
        strong=strong,
        # (not a patient's code: "patient EA-203")
        named=any(t.brand or (t.kind == "code" and (i == 0 or clause.tokens[i - 1].surf not in _PATIENT_WORDS))
                  for i, t in enumerate(clause.tokens)),
        weak=weak,
        exposure=clause.has("exposure"),
        cause=clause.has("cause"),
        other=clause.has("other") or (qualified and not weak),
        past=clause.has("past"),
        unrelated=clause.has("unrelated"),
        disease=clause.has("disease_noun"),
        disease_cause=disease_cause,
        question=first in lex.data["context"]["question_starts"],
    )


@dataclass
class _Message:
    sentences: List[List[_Clause]]
    owners: List[List[_Owners]]
    questions: List[bool]
    strong: bool  # our product named somewhere
    exposed: bool  # the patient is or was on a product
    not_exposed: bool  # ... or never got it, or is still to get it
    never_exposed: bool = False  # ... never got it ("we never managed to get him started")
    weak: bool = False  # a product word somewhere ("the infusion")
    said_never: bool = False  # a phrase says so outright ("had not yet received"), not just a negation nearby
    blamed: bool = False  # a harm put down to something: "we suspect your drug"
    # Our product disowned and no exposure said: "nothing to do with your drug, he's never had it"
    disowned: bool = False
    # A clause says the product is not the company's ("obviously not yours", "wrong company"):
    # a harm tied only to a product word is another company's.
    not_ours: bool = False

    @property
    def product(self) -> bool:
        return (self.strong or self.exposed) and not (self.not_exposed and not self.exposed)


def _owner(message: _Message, si: int, ci: int, category: str) -> Tuple[Optional[str], Optional[str]]:
    """('strong'|'weak', None) when the harm is tied to our product, else (None, reason)."""
    info = message.owners[si]
    me = info[ci]
    linked = any(i.strong and (i.exposure or i.cause) and not i.question for i in info)
    if me.unrelated:
        return None, "unrelated"
    if not me.strong and _disowns(message.sentences[si][ci]):
        return None, "other_product"  # "a migraine spray from another company gave me chest tightness"
    # The disease sets aside neither a lack of effect (about the disease by
    # nature) nor a death in a sentence that names our product by name or
    # code ("patient B (Korvantex) died from progressive disease": development
    # set 45), unless the message says the patient was still to get it ("died
    # of her leukaemia while on the waiting list").
    disease_sets_aside = not (category == "lack_of_effect" or (
        category == "death" and any(i.named for i in info) and not message.not_exposed))
    if me.disease_cause and not me.exposure and disease_sets_aside:
        return None, "disease"
    if me.other and not me.strong:
        return ("strong", None) if linked else (None, "other_product")
    if me.past and not me.strong:
        return None, "past"
    if me.disease and not me.strong and not me.exposure and disease_sets_aside and not linked:
        return None, "disease"
    if not me.strong:
        # The rest of the sentence may put the harm down to something else.
        if any(i.unrelated for i in info):
            return None, "unrelated"
        if not linked:
            if any(i.other for i in info):
                return None, "other_product"
            if any(i.past for i in info):
                return None, "past"
            if disease_sets_aside and (
                any(i.disease_cause for i in info) or (any(i.disease for i in info) and not any(i.exposure for i in info))
            ):
                return None, "disease"
    if message.not_exposed and not message.exposed:
        # the patient never got the product, or is still to get it
        return None, ("never_exposed" if message.never_exposed else "not_exposed")
    if me.strong or linked or any(i.strong for i in info):
        return (None, "past") if (me.strong and me.other and me.past) else ("strong", None)
    weak = me.weak or any(i.weak for i in info)
    if message.not_ours and (weak or not message.strong):
        return None, "other_product"  # "seizure after a cannabis oil product. Obviously not yours" (development set 48)
    if weak:
        return "weak", None
    if message.product:
        return ("strong" if message.strong else "weak"), None
    if category in ("death", "life_threatening") and message.weak:
        return "weak", None  # "Mrs D. has died. She'd had four doses of the infusion."
    return None, "no_product"


def _tied_at_all(lex: Lexicon, message: _Message) -> bool:
    if message.strong or message.weak or message.exposed:
        return True
    ties = {str(w) for w in lex.data["death_ties"]}
    # "dans le cadre de l'AAC": the word after an elided article counts too.
    return any(t.surf in ties or t.surf.partition("'")[2] in ties for s in message.sentences for c in s for t in c.tokens)


# ------------------------------------------------------------------ the decision
_CATEGORY_OF = {
    "death": "death",
    "life_threatening": "life_threatening",
    "care_setting": "life_threatening",
    "hospitalisation": "hospitalisation",
    "serious_reaction": "reaction",
    "reaction": "reaction",
    "lab": "reaction",
    "reaction_verb": "reaction",
    "overdose": "overdose",
    "medication_error": "medication_error",
    "off_label": None,  # off-label use is a report only with a harm, which is then the finding
    "occupational": "special_situation",
    "child_exposure": "special_situation",
    "pregnancy": "pregnancy",
    "breastfeeding": "breastfeeding",
    "lack_of_effect": "lack_of_effect",
    "defect": "quality_complaint",
    "vague": None,
}


def _place_words(text: str) -> FrozenSet[str]:
    """The words of the hospitals, cities and countries named: none of them is a
    product ("jag är patient på Sahlgrenska": blind pool 46)."""
    return frozenset(w.lower() for place in find_places(text) for w in re.findall(r"[^\W\d_]+", fold(place.text)))


def screen(text: str) -> Screening:
    """Read one message: its finding, and why other harm words were set aside."""
    if not text or not text.strip() or text.lstrip().startswith("/"):
        return Screening(None)
    lex = lexicon()
    tokens = lex.tokens(text)
    lex.correct(tokens)
    lex.mark_brands(tokens, not_products=_place_words(text))
    raw_sentences = split(tokens)
    sentences = [[_read_clause(lex, c) for c in s] for s in raw_sentences]
    _ours_by_programme(sentences)
    _beside_ours(lex, sentences)
    questions = _question_marks(text, len(sentences))
    window = int(lex.data["context"]["negation"].get("window", 6))
    all_clauses = [c for s in sentences for c in s]
    owners = [[_owners(c, lex) for c in s] for s in sentences]
    message = _Message(
        sentences=sentences,
        owners=owners,
        questions=questions,
        strong=any(o.strong for row in owners for o in row),
        weak=any(o.weak for row in owners for o in row),
        exposed=any(_exposed(c, window) for c in all_clauses),
        not_exposed=any(
            c.has("not_exposed") or c.has("never_exposed") or (c.has("exposure") and not _exposed(c, window)) for c in all_clauses
        ),
        never_exposed=any(c.has("never_exposed") or (c.has("exposure") and not _exposed(c, window)) for c in all_clauses),
        said_never=any(c.has("never_exposed") or c.has("not_exposed") for c in all_clauses),
        blamed=any(c.has("blame") for c in all_clauses),
    )
    message.disowned = not message.exposed and any(
        o.strong and (o.unrelated or c.has("never_exposed")) for s, row in zip(sentences, owners) for c, o in zip(s, row)
    )
    message.not_ours = any(_disowns(c) and not o.named for s, row in zip(sentences, owners) for c, o in zip(s, row))
    _add_child_exposure(sentences)

    found: List[Tuple[int, str, bool, str]] = []  # (rank, category, serious, evidence)
    dismissed: List[str] = []
    mentions = 0
    grave = 0
    for si, sentence in enumerate(sentences):
        for ci, clause in enumerate(sentence):
            for mention in clause.mentions:
                mentions += 1
                grave += _never_set_aside(mention)
                reason = _dismissal(lex, message, si, ci, mention, window)
                if reason == "no_product" and mention.category == "lack_of_effect" and clause.has("item"):
                    # "the implant stopped working": a defect of the device, not of the treatment
                    mention = _Mention("defect", mention.start, mention.end)
                    reason = _dismissal(lex, message, si, ci, mention, window)
                if reason:
                    dismissed.append(reason)
                    continue
                category = _CATEGORY_OF[mention.category]
                if category is None:  # a vague word, neither negated nor set aside
                    dismissed.append("vague")
                    continue
                serious = category in SERIOUS or mention.category == "serious_reaction"
                evidence = clause.words(mention.start, mention.end)
                found.append((CATEGORIES.index(category), category, serious, evidence))
    negated_only = bool(dismissed) and all(reason == "negated" for reason in dismissed)
    reassured = not found and (negated_only or any(_reassuring(c) for c in all_clauses))
    # Urgency words inside a harm that was set aside ("his last chemo put him in
    # intensive care") are not today's urgency.
    urgent = any(
        not any(m.start <= s < m.end for m in c.mentions) for c in all_clauses for s, _ in c.spans.get("urgent", [])
    )
    supposition = not found and any(
        _hypothetical(s, 0, _Mention("", len(s[0].tokens), len(s[0].tokens))) for s in sentences if s
    )
    # A wish to report: not "no adverse events to report", "nothing to report",
    # nor "already reported to Roche" (said and done, to someone else).
    asks_how = any(_wishes_to_report(c, window) for c in all_clauses)
    if not found:
        return Screening(None, mentions, tuple(dismissed), reassured, urgent, supposition, message.exposed, asks_how,
                         grave)
    found.sort()
    rank, category, _, _ = found[0]
    serious = any(s for _, _, s, _ in found)
    evidence = tuple(dict.fromkeys(e for _, _, _, e in found)) + _product_words(all_clauses)
    return Screening(Finding(category, serious, evidence), mentions, tuple(dismissed), False, urgent, False, message.exposed,
                     asks_how, grave)


def _disowns(clause: _Clause) -> bool:
    """The clause says a product is not the company's; not "your drug, not another brand"."""
    return any(start == 0 or clause.tokens[start - 1].surf not in ("not", "no")
               for start, _ in clause.spans.get("disowning", []))


def _never_set_aside(mention: _Mention) -> bool:
    """A death or a life-threatening event (intensive care among them)."""
    return _CATEGORY_OF.get(mention.category) in SERIOUS_NEVER_SET_ASIDE


def _question_marks(text: str, count: int) -> List[bool]:
    """Whether each sentence ended with a question mark (same cut as split())."""
    parts = [p for p in re.split(r"(?<=[.!?;\n])", text) if re.search(r"[A-Za-z0-9]", p)]
    marks = [p.rstrip().endswith("?") for p in parts]
    return (marks + [False] * count)[:count]


def _exposed(clause: _Clause, window: int) -> bool:
    """An exposure that is not negated ("never managed to get him started"),
    nor part of a phrase saying the patient never got it ("had not yet received")."""
    denied = clause.spans.get("never_exposed", []) + clause.spans.get("not_exposed", [])
    return any(
        not _negated(clause, _Mention("exposure", s, e), window) and not any(ds <= s and e <= de for ds, de in denied)
        for s, e in clause.spans.get("exposure", [])
    )


def _add_child_exposure(sentences: List[List[_Clause]]) -> None:
    """A child with a contact word in one clause: a special situation."""
    for sentence in sentences:
        for clause in sentence:
            if clause.has("child") and clause.has("contact"):
                start = clause.first("contact")
                end = max(e for s, e in clause.spans["contact"] if s == start)
                clause.mentions.append(_Mention("child_exposure", start, end))


def _dismissal(lex: Lexicon, message: _Message, si: int, ci: int, mention: _Mention, window: int) -> Optional[str]:
    """Why a harm mention is not a report, or None when it is one."""
    sentence = message.sentences[si]
    clause = sentence[ci]
    if _negated(clause, mention, window):
        return "negated"
    grave = _never_set_aside(mention)
    if any(c.has("resolution") for c in sentence) and not grave:
        return "resolved"  # a rash that has cleared; a death never "resolves"
    asking = _question(sentence, ci, message.questions[si], lex)
    if _hypothetical(sentence, ci, mention, asking):
        return "hypothetical"
    if asking and not _rescued_question(sentence, clause, mention, window):
        return "question"
    if mention.category == "hospitalisation" and any(c.has("planned") for c in sentence):
        return "planned"
    if mention.category == "lab" and any(_reassuring(c) for c in sentence):
        return "reassured"
    if mention.category in _SEVERITY_CATEGORIES and _describes_disease(lex, clause, mention):
        return "severity"
    if mention.category in ("reaction", "serious_reaction") and _names_indication(lex, clause, mention):
        return "indication"
    owner, reason = _owner(message, si, ci, mention.category)
    if owner is None and grave and not message.disowned and (
            (reason in ("not_exposed", "no_product") and _tied_at_all(lex, message))
            or (reason in ("never_exposed", "other_product", "past", "disease") and message.exposed)
            or (reason in ("never_exposed", "not_exposed") and not message.said_never and (message.weak or message.strong))
            or (reason == "other_product" and message.strong and not (message.not_exposed and not message.exposed))):
        # A death or a life-threatening event is passed on whenever the
        # message ties it to a product or a programme at all ("she was in your
        # compassionate program", "the last patient we gave it to died"): a
        # request or a wish in the same message is no proof the patient was
        # never treated, "never" may be about something else ("she never got
        # out of bed again") once our product or an exposure is named, and
        # causality is for pharmacovigilance to assess ("she died of her
        # cancer; she had been on your capsules" is reported). Only a phrase
        # that says the patient never got it sets it aside, not a negation
        # near an exposure ("she never got out of bed again after the last
        # injection", "it dropped to almost nothing during the drip").
        owner, reason = "weak", None
    if mention.category == "defect":
        # A product defect needs the product in its clause (or "it" and the
        # product in its sentence), not an exposure.
        pronoun = any(t.surf in ("it", "they", "them", "this", "these") for t in clause.tokens)
        in_sentence = any(c.has("item") or o.strong for c, o in zip(sentence, message.owners[si]))
        if not (clause.has("item") or message.owners[si][ci].strong or (pronoun and in_sentence)):
            return "no_product"
        if message.owners[si][ci].other and not message.owners[si][ci].strong:
            return "other_product"  # "failed five antiseizure medications", "the other maker's pump broke"
        return reason if owner is None and reason not in ("no_product", "not_exposed", "never_exposed") else None
    if owner is None:
        return reason
    if mention.category == "care_setting" and not message.exposed and not message.blamed \
            and (message.not_exposed or not (message.strong or message.weak)):
        # Intensive care, a ventilator: how ill the patient is who is still to
        # get the product, unless the message says the patient had it or
        # blames it.
        return "no_exposure"
    if message.disowned and not any(o.strong for o in message.owners[si]):
        return "unrelated"  # "a bad reaction to BCG as a baby. Nothing to do with your medicine."
    if mention.category in ("reaction_verb", "lab", "lack_of_effect") and owner == "weak" and not any(
        o.strong or o.weak for o in message.owners[si]
    ):
        return "no_product"
    if mention.category == "lack_of_effect" and not (message.exposed or any(o.strong for o in message.owners[si])):
        return "no_product"  # the disease goes on; not on our product as far as the message says
    return None


_SEVERITY_CATEGORIES = frozenset({"death", "life_threatening", "reaction", "serious_reaction", "reaction_verb"})


def _describes_disease(lex: Lexicon, clause: _Clause, mention: _Mention) -> bool:
    """'the disease is fatal', 'her lung disease is getting worse', 'a
    life-threatening condition': how grave the disease is, no event. Not when
    the clause ties it to a product or a time of exposure ("her condition
    became life-threatening after the second dose")."""
    if clause.has("exposure") or clause.has("cause"):
        return False
    describing = {str(w) for w in lex.data["disease"]["describing"]}
    for start, end in clause.spans.get("disease_noun", []):
        # The words between, or the harm's own first word ("is life threatening").
        between = clause.tokens[end:mention.start] or clause.tokens[mention.start:mention.start + 1]
        if end <= mention.start and mention.start - end <= 4 and all(t.surf in describing for t in between):
            return True
        if mention.category in ("death", "life_threatening") and 0 <= start - mention.end <= 1:
            return True  # "a fatal disease", "a life-threatening lung condition"
    return False


def _names_indication(lex: Lexicon, clause: _Clause, mention: _Mention) -> bool:
    """'your trial of <product> for my lupus nephritis': the disease the
    product or the study is for, named with a harm word, no event."""
    after = lex.indication_after
    tokens, others = clause.tokens, 0
    for i in range(mention.start - 1, 0, -1):
        tok = tokens[i]
        if tok.surf in lex.indication_for:
            break
        if tok.kind != "word" or tok.surf in lex.indication_breaks or any(m.start <= i < m.end for m in clause.mentions):
            return False
        others += tok.surf not in lex.indication_whose
        if others > lex.indication_reach:
            return False
    else:
        return False
    # "approved for", "a trial for", or a product the clause puts in a study
    # ("your trial of <product> for"); not a product alone, whose use for a
    # disease may be the report ("using <product> for his psoriasis too").
    before = tokens[i - 1]
    ends = {e for name in ("item", "noun", "anchor") for _, e in clause.spans.get(name, [])}
    return before.surf in after or ((before.brand or i in ends) and any(t.surf in after for t in tokens[:i - 1]))


def _reassuring(clause: _Clause) -> bool:
    return any(not _inside(clause, s, "not_reassurance") for s, _ in clause.spans.get("reassurance", []))


def _product_words(clauses: List[_Clause]) -> Tuple[str, ...]:
    words: List[str] = []
    for clause in clauses:
        for start, end in _longest(clause.spans.get("anchor", [])):
            words.append(clause.words(start, end))
        for tok in clause.tokens:
            if tok.kind == "code":
                words.append(tok.orig)
    return tuple(dict.fromkeys(words))
