"""Country names, short forms and adjectives, normalised to ISO 3166-1 alpha-2.

Official names come from pycountry; each country's name in its own official
languages ("Suomi", "Österreich", "Éire") and in the languages people write
to us in ("Allemagne", "Estados Unidos") from `data/lexicon/country_names.yml`
(generated from Babel's CLDR data by scripts/build_country_names.py); informal
names and adjectives from `data/lexicon/countries.yml`. The same table feeds the spaCy entity ruler, so
what the NLU pipeline finds is always something `to_iso` can normalise."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Dict, List, Optional, Tuple

import pycountry
import yaml

from bot.config import PROJECT_ROOT

LEXICON = PROJECT_ROOT / "data" / "lexicon" / "countries.yml"
LOCAL_NAMES = PROJECT_ROOT / "data" / "lexicon" / "country_names.yml"

# Official names so long or odd that nobody types them; they only add noise.
_SKIP_OFFICIAL = re.compile(r",|\(|\)")


@dataclass(frozen=True)
class CountryLexicon:
    names: Dict[str, str]  # lower-case alias -> ISO code
    case_sensitive: Dict[str, str]  # exact alias -> ISO code
    regions: Tuple[str, ...]
    governed: Dict[str, str] = field(default_factory=dict)  # ISO code -> the country whose laws apply there

    def aliases(self) -> List[Tuple[str, str, bool]]:
        """(alias, ISO code, case sensitive) for every known name."""
        rows = [(a, c, False) for a, c in self.names.items()]
        rows += [(a, c, True) for a, c in self.case_sensitive.items()]
        return rows


def _strip_article(name: str) -> str:
    return name[4:] if name.lower().startswith("the ") else name


@lru_cache(maxsize=4)
def load_lexicon(path: Path = LEXICON) -> CountryLexicon:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    names: Dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "common_name"):
            value = getattr(country, attr, None)
            if value and not _SKIP_OFFICIAL.search(value):
                names[value.lower()] = country.alpha_2
    local = yaml.safe_load(LOCAL_NAMES.read_text(encoding="utf-8")) if path == LEXICON else {}
    for name, code in ((local or {}).get("names") or {}).items():
        names.setdefault(str(name), str(code))  # an official or English name wins
    exact = set(data.get("case_sensitive", []))
    case_sensitive: Dict[str, str] = {}
    for section in ("aliases", "demonyms"):
        for code, words in (data.get(section) or {}).items():
            if not isinstance(code, str) or pycountry.countries.get(alpha_2=code) is None:
                raise ValueError(f"{path}: {section}: {code} is not an ISO 3166-1 alpha-2 code")
            for word in words:
                if word in exact:
                    case_sensitive[word] = code
                else:
                    names[word.lower()] = code
    # A name that is also a word elsewhere counts only as written: "Bénin", not
    # "c'est bénin" (benign).
    for word in exact:
        if word not in case_sensitive and word.lower() in names:
            case_sensitive[word] = names.pop(word.lower())
    governed = {str(place): str(country) for country, places in (data.get("governed_by") or {}).items()
                for place in places}
    names = {name: governed.get(code, code) for name, code in names.items()}
    case_sensitive = {name: governed.get(code, code) for name, code in case_sensitive.items()}
    return CountryLexicon(names, case_sensitive, tuple(data.get("regions", [])), governed)


def governing(code: str, lexicon: Optional[CountryLexicon] = None) -> str:
    """The country whose laws apply in `code`: FR for La Réunion (RE)."""
    return (lexicon or load_lexicon()).governed.get(code, code)


def to_iso(text: str, lexicon: Optional[CountryLexicon] = None) -> Optional[str]:
    """ISO alpha-2 code for a country name, short form, adjective or code."""
    if not text:
        return None
    lex = lexicon or load_lexicon()
    raw = text.strip().strip(",;:!?")
    for exact in (raw, raw.rstrip(".")):
        if exact in lex.case_sensitive:
            return lex.case_sensitive[exact]
    key = raw.lower()
    for candidate in (key, key.rstrip("."), _strip_article(key.rstrip("."))):
        if candidate in lex.names:
            return lex.names[candidate]
    raw = raw.rstrip(".")
    if len(raw) == 2 and raw.isupper() and pycountry.countries.get(alpha_2=raw):
        return governing(raw, lex)
    if len(raw) == 3 and raw.isupper():
        match = pycountry.countries.get(alpha_3=raw)
        if match:
            return governing(match.alpha_2, lex)
    return None


def answer_to_iso(text: str, lexicon: Optional[CountryLexicon] = None) -> Optional[str]:
    """The country a whole answer to the country question names. A short form
    kept to its capitals inside a sentence ("us", "u.s.") is the country
    when it is all the answer says: the question asked for a country; a
    dotted one may lack its last dot ("u.k")."""
    lex = lexicon or load_lexicon()
    raw = text.strip().strip(",;:!?")
    found = to_iso(raw, lex) or (to_iso(raw + ".", lex) if re.fullmatch(r"[a-z](?:\.[a-z])+", raw) else None)
    if found:
        return found
    key = _strip_article(raw.rstrip(".").lower())
    return next((code for alias, code in lex.case_sensitive.items()
                 if alias.rstrip(".").lower() == key and len(key) > 1), None)


def is_region(text: str, lexicon: Optional[CountryLexicon] = None) -> bool:
    lex = lexicon or load_lexicon()
    return text.strip().lower() in {r.lower() for r in lex.regions}


def country_name(code: str) -> str:
    """Readable English name of an ISO code, e.g. 'France'."""
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return code
    return getattr(country, "common_name", None) or country.name
