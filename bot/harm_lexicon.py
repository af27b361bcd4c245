"""Words and patterns of the harm detector (bot/harm.py), read from
data/lexicon/harm.yml: text normalisation (accents, UK/US spellings, irregular
forms, Snowball stems), cutting a message into sentences and clauses, spelling
mistakes (rapidfuzz), unknown words used as product names, and a small pattern
matcher over the normalised words (syntax at the top of the YAML file)."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Dict, FrozenSet, Iterable, List, Optional, Sequence, Set, Tuple

import snowballstemmer
import yaml
from rapidfuzz import fuzz, process

from bot.config import PROJECT_ROOT
from bot.elision import unelided
from bot.places import LIGATURES

LEXICON = PROJECT_ROOT / "data" / "lexicon" / "harm.yml"
# Marketed medicines by name (scripts/build_marketed_names.py): other companies' products.
MARKETED = PROJECT_ROOT / "data" / "lexicon" / "marketed_names.txt"
GAP = 4  # words a "..." may skip
STEM_CACHE = 50_000  # words whose stem is remembered
PREFIX_KEY = 3  # letters of a word beginning (hospitali*) the pattern index keys on

_STEMMER = snowballstemmer.stemmer("english")
# Product codes (ZX-301, TAL-902, TX2291, MYX-7), numbers, words, clause punctuation.
_TOKEN = re.compile(
    r"(?P<code>\b[A-Za-z]{2,5}-?\d{2,5}[A-Za-z]?\b|\b[A-Z]{2,5}-\d\b)"
    r"|(?P<ordinal>\b\d+(?:st|nd|rd|th)\b)"
    r"|(?P<num>\d+(?:[.,]\d+)?)"
    r"|(?P<word>[A-Za-z]+(?:'[A-Za-z]+)*)"
    r"|(?P<stop>[.!?;]+|\n)"
    r"|(?P<comma>[,:()\[\]\u2014\u2013]|\s-+\s)"
)
# "Mrs. D. died": no sentence ends after a title or an initial.
_TITLES = re.compile(r"\b(Mrs|Mr|Ms|Dr|Prof|St|[A-Z])\.")
# "Mein Kind (5) hat sich ... gestochen" (blind safety set 35): a bare number in
# brackets is an aside (an age), not the end of a clause
_NUMBER_ASIDE = re.compile(r"\(\s*(\d{1,3})\s*\)")
# "giving me Trazolix" (blind safety set 34): read past, as the word before counts
_PRONOUNS = frozenset({"me", "him", "us", "them"})
_DETERMINERS = frozenset({"the", "her", "his", "my", "our", "their", "this", "that", "these", "those"}) | _PRONOUNS
_BEFORE_DETERMINER = frozenset({"to", "and", "plus", "for", "from"})
# The product section's lists of words around a product name (not product names themselves).
_BRAND_CUES = ("brand_before", "brand_after", "brand_verbs", "brand_before_to", "brand_auxiliaries", "brand_participles",
               "counted_numbers")
# The lexicon's sections that name harms and other makers' products: a misspelling
# in a product's place ("the neurestra") may only become one of their words.
_IN_PRODUCT_PLACE = ("harms", "special", "quality", "lack_of_effect", "other")
# Articles of the Romance languages and Dutch, read past like "the": "após o
# Orzenil", "tras el Orzenil" (blind safety set 32). Not German ones: every
# German noun is capitalised ("nach dem Essen").
_ARTICLES = frozenset({"el", "la", "los", "las", "il", "lo", "le", "les", "o", "os", "as", "het",
                       # ... and "of" ("tras tres dosis de Zentiluma": development set 30)
                       "de", "di", "da", "do", "del", "della", "des", "du", "von", "van"})
# Weeks, days, months of a product named with a capital, past "of" ("tras tres
# semanas de Velmorax", development set 20). Whole words, not stems: "la
# semaine dernière" names no product.
_COUNTED = frozenset({"semanas", "semaines", "settimane", "wochen", "weken", "weeks", "dias", "jours", "giorni", "tage",
                      "dagen", "days", "meses", "mois", "mesi", "monate", "maanden", "months"})
_CLITICS = ("'s", "'ve", "'d", "'re", "'ll", "'m", "'")
SENTENCE_END = "."
CLAUSE_END = ","
CLAUSE_WORDS = frozenset({"but", "although", "though", "however", "whereas", "except"})


def fold(text: str) -> str:
    """Without accents (case kept), one kind of apostrophe; "zmarł" is "zmarl",
    "døde" "dode" (development set 20), as in the places' folding."""
    text = unicodedata.normalize("NFKD", text.replace("\u2019", "'").replace("\u2018", "'").translate(LIGATURES))
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def spelling(word: str) -> str:
    """One spelling for UK and US forms (haemorrhage, oedema, tumour, -ise/-ize)."""
    if len(word) <= 3:
        return word  # "ae" (adverse event) stays
    if word.startswith("oe") and len(word) > 4:
        word = "e" + word[2:]
    word = word.replace("ae", "e").replace("oea", "ea").replace("foet", "fet")
    word = word.replace("iz", "is").replace("yz", "ys")
    if len(word) > 4 and word.endswith("our"):
        word = word[:-3] + "or"
    if len(word) > 4 and word.endswith("tre"):
        word = word[:-3] + "ter"
    return word


@dataclass
class Token:
    surf: str  # lower case, normalised spelling, before stemming
    stem: str
    orig: str  # as written (case kept)
    kind: str = "word"  # word, code, num, stop (sentence end), comma (clause end)
    brand: bool = False  # an unknown word used as a product name
    sentence_start: bool = False


# ------------------------------------------------------------------ patterns
@dataclass(frozen=True)
class Atom:
    kind: str  # stem, surf, prefix, code, brand, num, end, seq (several words in a row)
    value: Any = ""


@dataclass(frozen=True)
class Slot:
    atoms: Tuple[Atom, ...]
    optional: bool = False
    gap: bool = False


@dataclass(frozen=True)
class Pattern:
    text: str
    slots: Tuple[Slot, ...]


def _atom(raw: str, lex: "Lexicon") -> List[Atom]:
    if "_" in raw.strip("_"):
        exact = "=" if raw.startswith("=") else ""
        words = [_atom(exact + part.lstrip("="), lex)[0] for part in raw.split("_") if part]
        return [Atom("seq", tuple(words))]
    if raw == "$":
        return [Atom("end")]
    if raw in ("<code>", "<brand>", "<num>", "<year>"):
        return [Atom(raw[1:-1])]
    if raw.startswith("="):
        return [Atom("surf", s) for s in lex.surfaces(raw[1:])]
    if raw.endswith("*"):
        return [Atom("prefix", spelling(fold(raw[:-1]).lower()))]
    return [Atom("stem", s) for s in lex.stems(raw)]


def compile_pattern(text: str, lex: "Lexicon") -> Pattern:
    slots: List[Slot] = []
    for raw in str(text).split():
        if raw == "...":
            slots.append(Slot((), gap=True))
            continue
        optional = raw.endswith("?") and len(raw) > 1
        raw = raw[:-1] if optional else raw
        atoms: List[Atom] = []
        exact = raw.startswith("=")  # "=a|b": every choice exact
        for alt in raw.split("|"):
            if exact and alt[:1] not in ("=", "<", "$"):
                alt = "_".join("=" + part for part in alt.split("_"))
            atoms.extend(_atom(alt, lex))
        # A word the normaliser turns into two ("didnt") becomes two slots.
        multi = [a for a in atoms if a.kind in ("stem", "surf") and " " in a.value]
        if multi and len(atoms) == 1:
            for part in multi[0].value.split():
                slots.append(Slot((Atom(multi[0].kind, part),), optional))
            continue
        slots.append(Slot(tuple(atoms), optional))
    return Pattern(str(text), tuple(slots))


def _atom_length(atom: Atom, tokens: Sequence[Token], i: int) -> Optional[int]:
    """How many tokens the atom takes at position i (0 for the end), or None."""
    if atom.kind == "end":
        return 0 if i >= len(tokens) else None
    if atom.kind == "seq":
        for offset, part in enumerate(atom.value):
            if _atom_length(part, tokens, i + offset) != 1:
                return None
        return len(atom.value)
    if i >= len(tokens):
        return None
    tok = tokens[i]
    if atom.kind == "stem":
        hit = tok.stem == atom.value
    elif atom.kind == "surf":
        hit = tok.surf == atom.value
    elif atom.kind == "prefix":
        hit = tok.surf.startswith(atom.value)
    elif atom.kind == "code":
        hit = tok.kind == "code"
    elif atom.kind == "brand":
        hit = tok.brand
    elif atom.kind == "num":
        hit = tok.kind == "num"
    elif atom.kind == "year":
        hit = tok.kind == "num" and tok.surf.isdigit() and 1950 <= int(tok.surf) <= 2049
    else:
        hit = False
    return 1 if hit else None


def _match_from(slots: Sequence[Slot], tokens: Sequence[Token], i: int) -> Optional[int]:
    """End index of a match of slots starting at token i, if any."""
    if not slots:
        return i
    slot, rest = slots[0], slots[1:]
    if slot.gap:
        for skip in range(0, GAP + 1):
            if i + skip > len(tokens):
                break
            end = _match_from(rest, tokens, i + skip)
            if end is not None:
                return end
        return None
    for atom in slot.atoms:
        length = _atom_length(atom, tokens, i)
        if length is not None:
            end = _match_from(rest, tokens, i + length)
            if end is not None:
                return end
    if slot.optional:
        return _match_from(rest, tokens, i)
    return None


def _atom_keys(atom: Atom) -> Optional[List[Tuple[str, str]]]:
    """Index keys a token must have for the atom to match there; None: any token may."""
    if atom.kind in ("stem", "surf"):
        return [(atom.kind, atom.value)]
    if atom.kind == "seq":
        return _atom_keys(atom.value[0]) if atom.value else None
    if atom.kind == "prefix" and len(atom.value) >= PREFIX_KEY:
        return [("pre", atom.value[:PREFIX_KEY])]
    if atom.kind in ("code", "num"):
        return [("kind", atom.kind)]
    if atom.kind == "year":
        return [("kind", "num")]
    if atom.kind == "brand":
        return [("brand", "")]
    return None


def _first_keys(slots: Sequence[Slot]) -> Optional[List[Tuple[str, str]]]:
    """Keys of every token a match can start on: the first slot's, and the
    next one's too while slots are optional."""
    keys: List[Tuple[str, str]] = []
    for slot in slots:
        if slot.gap:
            return None
        for atom in slot.atoms:
            atom_keys = _atom_keys(atom)
            if atom_keys is None:
                return None
            keys.extend(atom_keys)
        if not slot.optional:
            return keys
    return None  # every slot optional: may match anywhere


def token_keys(tokens: Sequence[Token]) -> List[List[Tuple[str, str]]]:
    """The index keys of each token. Not cached on the tokens: spelling
    correction and brand marking change them; compute them after both."""
    return [[("stem", t.stem), ("surf", t.surf), ("kind", t.kind), ("pre", t.surf[:PREFIX_KEY])]
            + ([("brand", "")] if t.brand else []) for t in tokens]


@dataclass
class PatternSet:
    """Patterns indexed by what the first word of a match can be, so each
    token is tried only against the patterns that can start on it."""

    patterns: List[Pattern]
    index: Dict[Tuple[str, str], List[Pattern]] = field(default_factory=dict)
    others: List[Pattern] = field(default_factory=list)

    def __post_init__(self) -> None:
        for pattern in self.patterns:
            keys = _first_keys(pattern.slots)
            if keys is None:
                self.others.append(pattern)
                continue
            for key in dict.fromkeys(keys):
                self.index.setdefault(key, []).append(pattern)

    def find(self, tokens: Sequence[Token], keys: Optional[Sequence[List[Tuple[str, str]]]] = None
             ) -> List[Tuple[int, int, str]]:
        """Every (start, end, pattern) match, longest first at each start.
        `keys`: token_keys(tokens), when several sets read the same tokens."""
        found: List[Tuple[int, int, str]] = []
        keys = keys if keys is not None else token_keys(tokens)
        for i, tok in enumerate(tokens):
            hits = [self.index[key] for key in keys[i] if key in self.index]
            if not hits and not self.others:
                continue
            candidates: Dict[int, Pattern] = {id(p): p for p in self.others}
            for patterns in hits:
                candidates.update((id(p), p) for p in patterns)
            best: Dict[str, int] = {}
            for pattern in candidates.values():
                end = _match_from(pattern.slots, tokens, i)
                if end is not None and end > i:
                    best[pattern.text] = max(end, best.get(pattern.text, end))
            found.extend((i, end, text) for text, end in best.items())
        return found


# ------------------------------------------------------------------ lexicon
class Lexicon:
    def __init__(self, data: dict, marketed: Iterable[str] = ()) -> None:
        norm = data.get("normalise") or {}
        self.replace = [(re.compile(re.escape(k), re.I), v) for k, v in (norm.get("replace") or {}).items()]
        self.words = {k: str(v) for k, v in (norm.get("words") or {}).items()}
        self.irregular = {k: str(v) for k, v in (norm.get("irregular") or {}).items()}
        self.data = data
        self._stems: Dict[str, str] = {}
        self._sets: Dict[str, PatternSet] = {}
        self.vocabulary = self._collect(data, set())  # every word the lexicon names (never a product name)
        # The only corrections made in a product's place.
        self.product_place_words = self._collect([data.get(key) for key in _IN_PRODUCT_PLACE], set())
        product = data["product"]
        self.code_exclusions = {str(w).lower() for w in product.get("code_exclusions") or []}
        # (brand_before and brand_after are required: the lexicon is broken without them)
        self.brand_before = self._stem_set(product["brand_before"])
        self.brand_after = self._stem_set(product["brand_after"])
        self.brand_verbs = self._stem_set(product.get("brand_verbs"))
        self.brand_before_to = self._stem_set(product.get("brand_before_to"))
        # "hat Pellaquin bekommen": a name between an auxiliary and a participle of getting or taking
        self.brand_auxiliaries = self._stem_set(product.get("brand_auxiliaries"))
        self.brand_participles = self._stem_set(product.get("brand_participles"))
        # "seit zwei Wochen Trelivane": a capitalised name after a number of weeks
        self.counted_numbers = frozenset(str(w) for w in product.get("counted_numbers") or [])
        # the disease a product or a study is for ("your trial of <product> for my lupus nephritis")
        indication = data["disease"]["indication"]
        self.indication_for, self.indication_after, self.indication_whose, self.indication_breaks = (
            frozenset(str(w) for w in indication[k]) for k in ("for", "after", "between", "breaks"))
        self.indication_reach = int(indication["reach"])
        other = data["other"]
        self.inn_suffixes = tuple(other.get("suffixes") or [])
        # Other companies' molecules and brands named one word at a time
        # ("carboplatin", "ibrutinib"): never read as our product's name.
        self.other_names = {spelling(fold(choice.lstrip("="))) for line in other.get("products") or []
                            if " " not in str(line).strip() for choice in str(line).strip().split("|")
                            if choice and "_" not in choice}
        # ... and any marketed medicine ("bradycardia on fingolimod"), but for a word the
        # lexicon uses otherwise.
        self.marketed = frozenset(spelling(fold(n)) for n in marketed) - (self.vocabulary - self.other_names)
        self._prefixes = set()  # word beginnings the patterns name (hospitali*)
        self._collect_prefixes(data)
        self._fuzzy_words: Optional[List[str]] = None

    def _stem_set(self, words: Optional[List[str]]) -> Set[str]:
        """Stems of cue words, spelt as the tokens are ("iniziato" is read "inisiato")."""
        return {self.stem_of(spelling(fold(w))) for w in words or []}

    # --- normalisation
    def stem_of(self, surf: str) -> str:
        stem = self._stems.get(surf)
        if stem is None:
            # The Snowball stemmer is the tokeniser's main cost; words recur.
            if len(self._stems) > STEM_CACHE:
                self._stems.clear()
            stem = self._stems[surf] = _STEMMER.stemWord(self.irregular.get(surf, surf))
        return stem

    def surfaces(self, word: str) -> List[str]:
        """Normalised forms of one written word (may be several words: didnt)."""
        word = spelling(fold(word).lower())
        mapped = self.words.get(word, word)
        return [" ".join(spelling(w) for w in mapped.split())]

    def stems(self, word: str) -> List[str]:
        return [" ".join(self.stem_of(w) for w in s.split()) for s in self.surfaces(word)]

    def _collect(self, node, into: set) -> set:
        """Add every plain word of a part of the lexicon (not product names) to `into`."""
        if isinstance(node, dict):
            for key, value in node.items():
                if key not in ("normalise", "code_exclusions", *_BRAND_CUES):
                    self._collect(value, into)
        elif isinstance(node, list):
            for item in node:
                self._collect(item, into)
        elif isinstance(node, str):
            for raw in node.split():
                for alt in raw.split("|"):
                    for word in alt.split("_"):
                        word = word.strip("=*?")
                        if word.isalpha():
                            into.update(self.surfaces(word))
        return into

    def _collect_prefixes(self, node) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key != "normalise":
                    self._collect_prefixes(value)
        elif isinstance(node, list):
            for item in node:
                self._collect_prefixes(item)
        elif isinstance(node, str):
            for alt in re.split(r"[\s|_]+", node):
                if alt.endswith("*") and len(alt) > 5:
                    self._prefixes.add(spelling(fold(alt.strip("=*")).lower()))

    def fuzzy_words(self) -> List[str]:
        """Words a misspelling is compared with: the lexicon's, and the dictionary's
        that begin as a lexicon pattern does (hospitalised for hospitali*)."""
        if self._fuzzy_words is None:
            words = {w for w in self.vocabulary if len(w) >= 6}
            prefixes = tuple(self._prefixes)
            words.update(spelling(w) for w in _dictionary() if w.isalpha() and w.startswith(prefixes))
            self._fuzzy_words = sorted(words)
        return self._fuzzy_words

    def patterns(self, *path: str) -> PatternSet:
        key = "/".join(path)
        if key not in self._sets:
            node = self.data
            for part in path:
                node = node[part]
            self._sets[key] = PatternSet([compile_pattern(p, self) for p in node])
        return self._sets[key]

    # --- cutting text into tokens
    def tokens(self, text: str) -> List[Token]:
        text = _NUMBER_ASIDE.sub(r" \1 ", _TITLES.sub(r"\1", fold(text)))
        for pattern, value in self.replace:
            text = pattern.sub(value, text)
        out: List[Token] = []
        start = True
        for m in _TOKEN.finditer(text):
            kind = m.lastgroup
            raw = m.group(0)
            if kind == "stop":
                out.append(Token(SENTENCE_END, SENTENCE_END, raw, "stop"))
                start = True
                continue
            if kind == "comma":
                out.append(Token(CLAUSE_END, CLAUSE_END, raw, "comma"))
                continue
            if kind == "code":
                letters = re.match(r"[A-Za-z]+", raw).group(0).lower()
                if letters not in self.code_exclusions and ("-" in raw or raw[:2].isupper()):
                    out.append(Token(raw.lower(), raw.lower(), raw, "code", sentence_start=start))
                    start = False
                    continue
                # Not a code: a word and a number (pgy-3, covid-19).
                for part in re.findall(r"[A-Za-z]+|\d+", raw):
                    self._add_word(out, part, start)
                    start = False
                continue
            if kind == "ordinal":
                self._add_word(out, raw.lower() if raw.lower() in self.words else re.match(r"\d+", raw).group(0), start)
                start = False
                continue
            if kind == "num":
                out.append(Token(raw, raw, raw, "num", sentence_start=start))
                start = False
                continue
            lowered = raw.lower()
            for clitic in _CLITICS:
                if lowered.endswith(clitic) and len(lowered) > len(clitic):
                    lowered, raw = lowered[: -len(clitic)], raw[: -len(clitic)]
                    break
            self._add_word(out, raw, start)
            start = False
        return out

    def _add_word(self, out: List[Token], raw: str, start: bool) -> None:
        for surf in self.surfaces(raw)[0].split():
            stem = self.stem_of(surf)
            out.append(Token(surf, stem, raw, "num" if surf.isdigit() else "word", sentence_start=start))
            start = False

    # --- unknown words: spelling mistakes and product names
    def known(self, surf: str) -> bool:
        return surf in self.vocabulary or surf in _dictionary() or _dictionary_known(surf)

    def may_be_a_name(self, tok: Token) -> bool:
        """A word no vocabulary knows, nor another company's product: it may name the company's."""
        return (tok.kind == "word" and len(tok.surf) >= 4 and tok.surf.isalpha()
                and not self.known(tok.surf) and not self.is_other_product(tok.surf))

    def is_other_product(self, surf: str) -> bool:
        return surf in self.other_names or surf in self.marketed or (bool(self.inn_suffixes) and surf.endswith(self.inn_suffixes) and len(surf) > 6)

    def correct(self, tokens: List[Token]) -> None:
        """Spelling mistakes of lexicon words (anaphylaxsis, diarhea, pregnent)."""
        for i, tok in enumerate(tokens):
            if tok.kind != "word" or len(tok.surf) < 6 or self.known(tok.surf):
                continue
            hit = process.extractOne(tok.surf, self.fuzzy_words(), scorer=fuzz.ratio, score_cutoff=87)
            if hit and i > 0 and tok.orig[:1].isupper() and not tok.sentence_start \
                    and self.stem_of(tokens[i - 1].surf) in self.brand_before and not self.is_other_product(hit[0]):
                continue  # a name after "of", "taking": "Keine Wirkung von Cardiquel" is no "cardiaque" (blind safety set 38)
            if hit and i > 0 and tokens[i - 1].surf in ("the", "your") and hit[0] not in self.product_place_words:
                continue  # "the neurestra didn't save her" is a product, not "nuestra" (blind safety set 40)
            if hit:
                tok.surf = hit[0]
                tok.stem = self.stem_of(hit[0])

    def mark_brands(self, tokens: List[Token], not_products: FrozenSet[str] = frozenset()) -> None:
        """An unknown word right after "on", "since", "the"... or right before
        "tablets", "infusion", "mg"... is read as a product name, unless it is
        one of `not_products` (the words of the places named)."""
        for i, tok in enumerate(tokens):
            if not_products and (tok.surf in not_products or fold(tok.orig).lower() in not_products):
                continue
            if tok.kind == "word" and _elided_name(tok) and not self.known(tok.surf[2:]):
                tok.brand = True  # "l'initiation d'Ildamar", "une dose d'Orvexa"
                continue
            if not self.may_be_a_name(tok):
                continue
            if tok.orig[:1].isupper() and 0 < i < len(tokens) - 1 and tokens[i - 1].orig == "(" and tokens[i + 1].orig in (")", ","):
                # a name alone in brackets, or first in them: "patient B (Korvantex) died" (development set 45),
                # "The patient (Dralisept, RA) died of sepsis" (development set 47)
                tok.brand = True
                continue
            previous = before = unelided(tokens[i - 1].surf) if i > 0 else ""
            slots = self.brand_before
            if before == "the" and i > 0:
                pass  # "diluted the Orvanta": the X is a product in this domain
            elif before in _ARTICLES and tok.orig[:1].isupper() and (i == 1 or tokens[i - 2].kind in ("comma", "stop")):
                before = "the"  # "el Quintavar ya no me controla el dolor", opening its clause (blind safety set 34)
            elif before in _PRONOUNS and not tok.orig[:1].isupper():
                pass  # "gave him rhabdo" (development set): after a pronoun only a name with a capital
            elif (before in _DETERMINERS or (before in _ARTICLES and tok.orig[:1].isupper())) and i > 1:
                # "taking her X", "on the X", "added to her X"; "após o Orzenil", not "con el clobazam"
                before, slots = tokens[i - 2].surf, self.brand_before | _BEFORE_DETERMINER
            after = tokens[i + 1].stem if i + 1 < len(tokens) else ""
            if i + 2 < len(tokens) and tokens[i + 1].kind == "num" and tokens[i + 2].stem in self.brand_after:
                after = tokens[i + 2].stem  # a dose: "Cardolane 5 mg bid" (development set 46)
            capitalised = tok.orig[:1].isupper() and tokens[i - 1].surf not in _DETERMINERS if i > 0 else tok.orig[:1].isupper()
            if capitalised and (i == 0 or tokens[i - 1].kind == "stop") and (
                    i + 1 == len(tokens) or tokens[i + 1].kind == "stop"):
                tok.brand = True  # a name that is a sentence of its own: "Dad died. Glytrava. Hypo overnight." (set 47)
                continue
            if (
                before in ("your", "the")
                or self.stem_of(before) in slots
                or (before in _COUNTED and tokens[i - 1].surf in _ARTICLES and tok.orig[:1].isupper())
                or (tokens[i - 1].surf in _COUNTED and i > 1 and tok.orig[:1].isupper()
                    and (tokens[i - 2].kind == "num" or tokens[i - 2].surf in self.counted_numbers))
                or after in self.brand_after
                or (before == "to" and i > 1 and self.stem_of(tokens[i - 2].surf) in self.brand_before_to)
                or (capitalised and after in self.brand_verbs)
                or (self.stem_of(previous) in self.brand_auxiliaries and after in self.brand_participles)
            ):
                tok.brand = True


def _elided_name(tok: Token) -> bool:
    """A capitalised word after a French elided article or preposition ("d'Ildamar")."""
    head, _, rest = tok.surf.partition("'")
    return head in ("d", "l") and len(rest) >= 4 and rest.isalpha() and tok.orig[2:3].isupper()


@lru_cache(maxsize=1)
def _dictionary():
    """English words (pyspellchecker's frequency list): an unknown word may be a product name."""
    from spellchecker import SpellChecker

    return SpellChecker(distance=1).word_frequency.dictionary


def _dictionary_known(surf: str) -> bool:
    """US spellings of UK forms the normaliser made (hospitalised, tumor)."""
    words = _dictionary()
    return any(v in words for v in (surf.replace("is", "iz"), surf.replace("or", "our")))


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    marketed = [line.strip() for line in MARKETED.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")]
    return Lexicon(yaml.safe_load(LEXICON.read_text(encoding="utf-8")), marketed)


def split(tokens: Iterable[Token]) -> List[List[List[Token]]]:
    """Sentences, each a list of clauses, each a list of word tokens."""
    sentences: List[List[List[Token]]] = [[[]]]
    for tok in tokens:
        if tok.kind == "stop":
            sentences.append([[]])
        elif tok.kind == "comma" or tok.surf in CLAUSE_WORDS:
            sentences[-1].append([])
        else:
            sentences[-1][-1].append(tok)
    return [[c for c in s if c] for s in sentences if any(s)]
