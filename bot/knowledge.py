"""The knowledge base: schemes, routing, programme rules and authorities, read
from YAML under `data/knowledge/` and validated on load.

A malformed entry is an error that names the file and the entry, so a bad edit
fails at start-up and in tests, never in front of a user. Every code (scheme,
filer, authority, country) is checked against the data itself, so adding a
country is adding files, not code."""
from __future__ import annotations

import datetime as dt
import re
import string
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, Iterable, Iterator, List, Mapping, Optional, Pattern, Tuple

import pycountry
import yaml

from bot.facts import DOMAINS

ALLOWED_PLACEHOLDERS = {"ack_business_days"}
SCHEME_CODE_RE = re.compile(r"^[A-Z]{2,}(_[A-Z0-9]+)*$")
# What a scheme entry is (data/knowledge/schemes/general.yml explains each).
SCHEME_KINDS = ("national", "programme", "redirect", "refusal")
# The kinds a failed criterion can lead to; they carry a `precedence`.
OUTCOME_KINDS = ("redirect", "refusal")
ANY_COUNTRY = "*"


class KnowledgeBaseError(ValueError):
    """A knowledge-base file or entry is malformed."""

    def __init__(self, file: Path | str, entry: str, message: str):
        self.file, self.entry = str(file), entry
        super().__init__(f"{file}: {entry}: {message}")


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    url: str
    secondary: bool = False

    def as_payload(self) -> Dict[str, str]:
        return {"title": self.title, "url": self.url}


@dataclass(frozen=True)
class Fact:
    key: str
    text: Optional[str]
    sources: Tuple[Source, ...] = ()
    unconfirmed: bool = False
    topic: Optional[str] = None
    ask: Optional[str] = None


# The parts of a premise check: what a duration is about, and how the stated
# figure is compared with the entry's.
DURATION_ABOUT = ("validity", "decision_time", "renewal_notice")
DURATION_BOUNDS = ("at_most", "at_least", "equals")
DURATION_RE = re.compile(r"^(\d+) (day|week|month|year)s?$")
DAYS_PER_UNIT = {"day": 1, "week": 7, "month": 30, "year": 365}


@dataclass(frozen=True)
class Premise:
    """A claim that is wrong for an entry, and the fact that corrects it.
    For a `duration` claim: what it is about, and the entry's figure in days
    with how a stated figure must compare to it (`unpublished`: no figure is
    published, so any stated figure is corrected)."""

    claim: str
    fact: Fact
    about: Optional[str] = None
    bound: Optional[str] = None  # at_most, at_least, equals, unpublished
    days: Optional[int] = None


@dataclass(frozen=True)
class FacetCatalogue:
    """The facets a precise question can ask about (facets.yml)."""

    labels: Mapping[str, str]
    conventional: Mapping[str, Tuple[str, ...]]
    claims: Tuple[str, ...]


@dataclass(frozen=True)
class Criterion:
    slot: str
    meets: Tuple[Any, ...]
    otherwise: str  # the redirect or refusal when not met
    text: str
    sources: Tuple[Source, ...]
    precedence: int = 0  # of `otherwise`: when several criteria fail, the lowest wins

    def is_met(self, value: Any) -> bool:
        return value in self.meets


@dataclass(frozen=True)
class Scheme:
    code: str
    kind: str
    country: str
    name: str
    local_name: Optional[str]
    aliases: Tuple[str, ...]
    reviewed: dt.date
    filer: str
    authority: str
    channel: str
    summary_physician: str
    summary_plain: str
    validity: Fact
    next_steps: Tuple[Fact, ...]
    sources: Mapping[str, Source]
    facts: Mapping[str, Fact]
    file: str = ""
    programme: bool = False  # a national scheme the company's programme supplies under
    precedence: Optional[int] = None  # redirects and refusals only
    ordinary_prescription: bool = False  # nothing is requested: the doctor prescribes
    reason: Optional[str] = None  # why this outcome, where no route says it
    channel_words: Tuple[Pattern[str], ...] = ()
    words: Tuple[str, ...] = ()
    former_names: Tuple[str, ...] = ()  # schemes it replaced
    facets: Mapping[str, Tuple[Fact, ...]] = field(default_factory=dict)
    premises: Tuple[Premise, ...] = ()

    @property
    def supplied_by_programme(self) -> bool:
        """The company's programme supplies the product: its rules are added."""
        return self.kind == "programme" or self.programme


@dataclass(frozen=True)
class EmergencyRoute:
    """What the emergency route adds for a country: a scheme's fact."""

    subject: str
    scheme: str
    fact: Fact
    reviewed: dt.date


@dataclass(frozen=True)
class Route:
    id: str
    when: Mapping[str, Tuple[Any, ...]]
    scheme: str
    because: str
    sources: Tuple[Source, ...]
    criteria: Tuple[Criterion, ...]


@dataclass(frozen=True)
class Routing:
    country: str
    reviewed: dt.date
    routes: Tuple[Route, ...]
    file: str = ""
    emergency: Tuple[EmergencyRoute, ...] = ()


@dataclass(frozen=True)
class Programme:
    name: str
    reviewed: dt.date
    sources: Mapping[str, Source]
    criteria: Mapping[str, Criterion]
    company_assessed: Tuple[Fact, ...]
    facts: Mapping[str, Fact]
    words: Tuple[str, ...] = ()
    facets: Mapping[str, Tuple[Fact, ...]] = field(default_factory=dict)
    premises: Tuple[Premise, ...] = ()


@dataclass(frozen=True)
class Authority:
    country: str
    code: str
    name: str
    source: Source


@dataclass(frozen=True)
class KnowledgeBase:
    schemes: Mapping[str, Scheme]
    routing: Mapping[str, Routing]
    programme: Programme
    authorities: Mapping[str, Authority]  # country -> its national authority
    authorities_reviewed: dt.date
    root: Path = field(default=Path("."))
    filers: Tuple[str, ...] = ()
    authority_codes: Tuple[str, ...] = ()
    regulator_words: Tuple[str, ...] = ()  # what users call regulators
    facet_catalogue: FacetCatalogue = FacetCatalogue({}, {}, ())

    @property
    def scheme_codes(self) -> Tuple[str, ...]:
        return tuple(self.schemes)

    @property
    def programme_code(self) -> Optional[str]:
        """The scheme code of the company's programme (kind `programme`)."""
        return next((s.code for s in self.schemes.values() if s.kind == "programme"), None)

    def facet_facts(self, code: str, facet: str) -> Tuple[Fact, ...]:
        """The facts that answer `facet` of a scheme (the programme's for the
        programme scheme): those its entry lists, else its facts of the
        conventional names; none when it has neither."""
        if code == self.programme_code:
            listed, facts, validity = self.programme.facets, self.programme.facts, None
        else:
            scheme = self.schemes[code]
            listed, facts, validity = scheme.facets, scheme.facts, scheme.validity
        if facet in listed:
            return listed[facet]
        keys = self.facet_catalogue.conventional.get(facet, ())
        found = tuple(facts[k] for k in keys if k in facts)
        if not found and facet == "validity" and validity is not None:
            found = (validity,)
        return found

    def premises_of(self, code: str) -> Tuple[Premise, ...]:
        if code == self.programme_code:
            return self.programme.premises
        return self.schemes[code].premises

    def routing_for(self, country: str) -> Routing:
        return self.routing.get(country) or self.routing[ANY_COUNTRY]

    def covered_countries(self) -> List[str]:
        return sorted(c for c in self.routing if c != ANY_COUNTRY)


# --------------------------------------------------------------------------
# Loading and validation


def _require(mapping: Mapping[str, Any], key: str, file: Path, entry: str, kind=str) -> Any:
    if not isinstance(mapping, Mapping) or key not in mapping or mapping[key] in (None, ""):
        raise KnowledgeBaseError(file, entry, f"missing '{key}'")
    value = mapping[key]
    if kind is not None and not isinstance(value, kind):
        raise KnowledgeBaseError(file, entry, f"'{key}' must be {kind.__name__}, got {type(value).__name__}")
    return value


def _check_keys(mapping: Mapping[str, Any], allowed: Iterable[str], file: Path, entry: str) -> None:
    unknown = set(mapping) - set(allowed)
    if unknown:
        raise KnowledgeBaseError(file, entry, f"unknown key(s): {', '.join(sorted(unknown))}")


def _check_text(text: str, file: Path, entry: str) -> str:
    names = {name for _, name, _, _ in string.Formatter().parse(text) if name}
    bad = names - ALLOWED_PLACEHOLDERS
    if bad:
        raise KnowledgeBaseError(file, entry, f"unknown placeholder(s) {sorted(bad)}")
    return " ".join(text.split())


def _date(value: Any, file: Path, entry: str) -> dt.date:
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value)
        except ValueError:
            raise KnowledgeBaseError(file, entry, f"'reviewed' must be a date YYYY-MM-DD, got {value!r}")
    if not isinstance(value, dt.date):
        raise KnowledgeBaseError(file, entry, "'reviewed' must be a date YYYY-MM-DD")
    if value > dt.date.today():
        raise KnowledgeBaseError(file, entry, f"'reviewed' {value} is in the future")
    return value


def _sources(raw: Any, file: Path, entry: str) -> Dict[str, Source]:
    if not isinstance(raw, Mapping) or not raw:
        raise KnowledgeBaseError(file, entry, "missing 'sources' (at least one)")
    out = {}
    for sid, body in raw.items():
        where = f"{entry}: source '{sid}'"
        _check_keys(body or {}, ("title", "url", "secondary"), file, where)
        title = _require(body, "title", file, where)
        url = _require(body, "url", file, where)
        if not re.match(r"^https?://\S+$", url):
            raise KnowledgeBaseError(file, where, f"url must start with http:// or https://, got {url!r}")
        out[str(sid)] = Source(str(sid), title.strip(), url, bool(body.get("secondary", False)))
    return out


def _refs(ids: Any, known: Mapping[str, Source], file: Path, entry: str) -> Tuple[Source, ...]:
    if not isinstance(ids, list) or not ids:
        raise KnowledgeBaseError(file, entry, "has no sources")
    missing = [i for i in ids if i not in known]
    if missing:
        raise KnowledgeBaseError(file, entry, f"cites undefined source(s) {missing}")
    return tuple(known[i] for i in ids)


def _fact(key: str, raw: Any, known: Mapping[str, Source], file: Path, entry: str) -> Fact:
    where = f"{entry}: fact '{key}'"
    if not isinstance(raw, Mapping):
        raise KnowledgeBaseError(file, where, "must be a mapping with 'text' and 'sources'")
    if raw.get("unconfirmed"):
        _check_keys(raw, ("unconfirmed", "topic", "ask"), file, where)
        return Fact(
            key,
            None,
            unconfirmed=True,
            topic=_require(raw, "topic", file, where).strip(),
            ask=_require(raw, "ask", file, where).strip(),
        )
    _check_keys(raw, ("text", "sources"), file, where)
    text = _check_text(_require(raw, "text", file, where), file, where)
    return Fact(key, text, _refs(raw.get("sources"), known, file, where))


def _criterion(raw: Any, known: Mapping[str, Source], file: Path, entry: str, outcomes: Mapping[str, int]) -> Criterion:
    where = f"{entry}: criterion {raw.get('slot') if isinstance(raw, Mapping) else raw!r}"
    if not isinstance(raw, Mapping):
        raise KnowledgeBaseError(file, where, "must be a mapping")
    _check_keys(raw, ("slot", "meets", "otherwise", "text", "sources"), file, where)
    slot = _require(raw, "slot", file, where)
    if slot not in DOMAINS or DOMAINS[slot] is None:
        raise KnowledgeBaseError(file, where, f"'{slot}' is not a contract slot with fixed values")
    meets = raw.get("meets")
    if not isinstance(meets, list) or not meets or any(v not in DOMAINS[slot] for v in meets):
        raise KnowledgeBaseError(file, where, f"'meets' must list values of {slot}: {DOMAINS[slot]}")
    otherwise = _require(raw, "otherwise", file, where)
    if otherwise not in outcomes:
        raise KnowledgeBaseError(
            file, where, f"'otherwise' {otherwise!r} is not a redirect or refusal scheme: one of {sorted(outcomes)}")
    text = _check_text(_require(raw, "text", file, where), file, where)
    sources = _refs(raw.get("sources"), known, file, where)
    return Criterion(slot, tuple(meets), otherwise, text, sources, outcomes[otherwise])


def _country(value: Any, file: Path, entry: str, any_allowed: bool = True) -> str:
    """'*' (any country not covered in detail) or an ISO 3166-1 alpha-2 code."""
    if isinstance(value, bool):  # YAML reads a bare NO (Norway) as false
        raise KnowledgeBaseError(file, entry, "country codes such as NO must be written in quotes: \"NO\"")
    code = str(value)
    if code == ANY_COUNTRY and any_allowed:
        return code
    if not (len(code) == 2 and code.isupper() and pycountry.countries.get(alpha_2=code)):
        raise KnowledgeBaseError(file, entry, f"country {code!r} is not an ISO 3166-1 alpha-2 code")
    return code


def _strings(raw: Any, key: str, file: Path, entry: str) -> Tuple[str, ...]:
    value = raw.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise KnowledgeBaseError(file, entry, f"'{key}' must be a list of words")
    return tuple(v.strip() for v in value)


def _patterns(raw: Any, key: str, file: Path, entry: str) -> Tuple[Pattern[str], ...]:
    out = []
    for rx in _strings(raw, key, file, entry):
        try:
            out.append(re.compile(rx, re.IGNORECASE))
        except re.error as exc:
            raise KnowledgeBaseError(file, entry, f"'{key}': {rx!r} is not a regular expression: {exc}") from exc
    return tuple(out)


def _facet_catalogue(raw: Any, file: Path) -> FacetCatalogue:
    if not isinstance(raw, Mapping) or not isinstance(raw.get("facets"), Mapping) or not raw["facets"]:
        raise KnowledgeBaseError(file, "<file>", "must contain a 'facets' mapping")
    _check_keys(raw, ("facets", "claims"), file, "<file>")
    labels, conventional = {}, {}
    for name, body in raw["facets"].items():
        where = f"facet '{name}'"
        _check_keys(body or {}, ("label", "conventional"), file, where)
        labels[str(name)] = _require(body, "label", file, where)
        conventional[str(name)] = _strings(body, "conventional", file, where)
    claims = raw.get("claims") or {}
    if not isinstance(claims, Mapping):
        raise KnowledgeBaseError(file, "claims", "must be a mapping of claim name to what it means")
    return FacetCatalogue(labels, conventional, tuple(str(c) for c in claims))


def _facets(raw: Any, facts: Mapping[str, Fact], known: Mapping[str, Source], catalogue: FacetCatalogue,
            file: Path, entry: str, validity: Optional[Fact] = None) -> Dict[str, Tuple[Fact, ...]]:
    """Facet -> the facts that answer it: keys of the entry's facts (or
    `validity`), or a fact written in place, which needs its own sources."""
    if raw is None:
        return {}
    if not isinstance(raw, Mapping):
        raise KnowledgeBaseError(file, entry, "'facets' must be a mapping of facet to facts")
    out: Dict[str, Tuple[Fact, ...]] = {}
    for name, parts in raw.items():
        where = f"{entry}: facet '{name}'"
        if name not in catalogue.labels:
            raise KnowledgeBaseError(file, where, f"is not a facet: one of {sorted(catalogue.labels)} (facets.yml)")
        parts = parts if isinstance(parts, list) else [parts]
        if not parts or parts == [None]:
            raise KnowledgeBaseError(file, where, "has no facts")
        resolved = []
        for i, part in enumerate(parts):
            if isinstance(part, str):
                fact = facts.get(part) or (validity if part == "validity" else None)
                if fact is None:
                    raise KnowledgeBaseError(file, where, f"cites unknown fact {part!r}")
                resolved.append(fact)
            else:
                resolved.append(_fact(f"{name}[{i}]", part, known, file, where))
        out[str(name)] = tuple(resolved)
    return out


def _listed(raw: Any, file: Path, entry: str, section: str, item: str,
            keys: str) -> Iterator[Tuple[str, Mapping[str, Any]]]:
    """(where, mapping) for each item of an optional list section, with the
    file and entry named when the section or an item has the wrong shape."""
    if raw is None:
        return
    if not isinstance(raw, list):
        raise KnowledgeBaseError(file, entry, f"'{section}' must be a list")
    for i, value in enumerate(raw):
        where = f"{entry}: {item} {i + 1}"
        if not isinstance(value, Mapping):
            raise KnowledgeBaseError(file, where, f"must be a mapping with {keys}")
        yield where, value


def _premises(raw: Any, facts: Mapping[str, Fact], catalogue: FacetCatalogue, file: Path,
              entry: str) -> Tuple[Premise, ...]:
    out = []
    for where, p in _listed(raw, file, entry, "premises", "premise", "'claim' and 'fact'"):
        _check_keys(p, ("claim", "fact", "about", "unpublished") + DURATION_BOUNDS, file, where)
        claim = _require(p, "claim", file, where)
        if claim not in catalogue.claims:
            raise KnowledgeBaseError(file, where, f"claim {claim!r} is not one of {list(catalogue.claims)} (facets.yml)")
        key = _require(p, "fact", file, where)
        if key not in facts:
            raise KnowledgeBaseError(file, where, f"cites unknown fact {key!r}")
        if claim != "duration":
            out.append(Premise(claim, facts[key]))
            continue
        about = _require(p, "about", file, where)
        if about not in DURATION_ABOUT:
            raise KnowledgeBaseError(file, where, f"'about' must be one of {DURATION_ABOUT}")
        given = [b for b in DURATION_BOUNDS + ("unpublished",) if p.get(b)]
        if len(given) != 1:
            raise KnowledgeBaseError(file, where, f"give exactly one of {DURATION_BOUNDS} or 'unpublished: true'")
        days = None
        if given[0] != "unpublished":
            m = DURATION_RE.match(str(p[given[0]]).strip())
            if not m:
                raise KnowledgeBaseError(file, where, f"'{given[0]}' must read like '3 months', got {p[given[0]]!r}")
            days = int(m.group(1)) * DAYS_PER_UNIT[m.group(2)]
        out.append(Premise(claim, facts[key], about, given[0], days))
    return tuple(out)


SCHEME_KEYS = (
    "code", "kind", "programme", "precedence", "ordinary_prescription", "reason", "country", "name",
    "local_name", "aliases", "former_names", "reviewed", "filer", "authority", "channel", "channel_words", "words",
    "summary", "validity", "next_steps", "sources", "facts", "facets", "premises",
)


def _flag(raw: Mapping[str, Any], key: str, file: Path, entry: str) -> bool:
    value = raw.get(key, False)
    if not isinstance(value, bool):
        raise KnowledgeBaseError(file, entry, f"'{key}' must be true or false")
    return value


def _kind(raw: Mapping[str, Any], file: Path, entry: str) -> Tuple[str, Optional[int]]:
    """The entry's kind, and its precedence when it is a redirect or refusal."""
    kind = _require(raw, "kind", file, entry)
    if kind not in SCHEME_KINDS:
        raise KnowledgeBaseError(file, entry, f"kind {kind!r} is not one of {SCHEME_KINDS}")
    if raw.get("programme") and kind != "national":
        raise KnowledgeBaseError(file, entry, "'programme' applies to national schemes only")
    if kind not in OUTCOME_KINDS:
        if "precedence" in raw:
            raise KnowledgeBaseError(file, entry, f"'precedence' applies to {' and '.join(OUTCOME_KINDS)} entries only")
        return kind, None
    precedence = _require(raw, "precedence", file, entry, int)
    if isinstance(precedence, bool) or precedence < 1:
        raise KnowledgeBaseError(file, entry, "'precedence' must be a whole number from 1")
    return kind, precedence


def _scheme(raw: Any, file: Path, filers: Tuple[str, ...], authority_codes: Tuple[str, ...],
            catalogue: FacetCatalogue) -> Scheme:
    entry = str(raw.get("code", "<no code>")) if isinstance(raw, Mapping) else "<entry>"
    if not isinstance(raw, Mapping):
        raise KnowledgeBaseError(file, entry, "must be a mapping")
    _check_keys(raw, SCHEME_KEYS, file, entry)
    code = _require(raw, "code", file, entry)
    if not SCHEME_CODE_RE.match(code):
        raise KnowledgeBaseError(file, entry, f"scheme code {code!r} must look like FR_AAC")
    kind, precedence = _kind(raw, file, entry)
    sources = _sources(raw.get("sources"), file, entry)
    filer = _require(raw, "filer", file, entry)
    if filer not in filers:
        raise KnowledgeBaseError(file, entry, f"filer {filer!r} is not one of {filers} (authorities.yml)")
    authority = _require(raw, "authority", file, entry)
    if authority not in authority_codes:
        raise KnowledgeBaseError(file, entry, f"authority {authority!r} is not in authorities.yml: one of {authority_codes}")
    reason = raw.get("reason")
    if reason is not None and not isinstance(reason, str):
        raise KnowledgeBaseError(file, entry, "'reason' must be a text")
    summary = _require(raw, "summary", file, entry, dict)
    validity = _fact("validity", _require(raw, "validity", file, entry, dict), sources, file, entry)
    steps_raw = _require(raw, "next_steps", file, entry, list)
    steps = tuple(_fact(f"next_steps[{i}]", s, sources, file, entry) for i, s in enumerate(steps_raw))
    facts_raw = raw.get("facts") or {}
    if not isinstance(facts_raw, Mapping):
        raise KnowledgeBaseError(file, entry, "'facts' must be a mapping")
    facts = {k: _fact(k, v, sources, file, entry) for k, v in facts_raw.items()}
    facets = _facets(raw.get("facets"), facts, sources, catalogue, file, entry, validity)
    premises = _premises(raw.get("premises"), facts, catalogue, file, entry)
    return Scheme(
        code=code,
        kind=kind,
        country=_country(_require(raw, "country", file, entry, None), file, entry),
        name=_require(raw, "name", file, entry).strip(),
        local_name=raw.get("local_name"),
        aliases=tuple(raw.get("aliases") or ()),
        reviewed=_date(_require(raw, "reviewed", file, entry, None), file, entry),
        filer=filer,
        authority=authority,
        channel=_require(raw, "channel", file, entry).strip(),
        summary_physician=_check_text(_require(summary, "physician", file, f"{entry}: summary"), file, entry),
        summary_plain=_check_text(_require(summary, "plain", file, f"{entry}: summary"), file, entry),
        validity=validity,
        next_steps=steps,
        sources=sources,
        facts=facts,
        file=str(file),
        programme=_flag(raw, "programme", file, entry),
        precedence=precedence,
        ordinary_prescription=_flag(raw, "ordinary_prescription", file, entry),
        reason=_check_text(reason, file, entry) if reason else None,
        channel_words=_patterns(raw, "channel_words", file, entry),
        words=_strings(raw, "words", file, entry),
        former_names=_strings(raw, "former_names", file, entry),
        facets=facets,
        premises=premises,
    )


def _emergency(raw: Any, schemes: Mapping[str, Scheme], file: Path, entry: str) -> Tuple[EmergencyRoute, ...]:
    out = []
    for where, e in _listed(raw, file, entry, "emergency", "emergency", "'subject', 'scheme' and 'fact'"):
        _check_keys(e, ("subject", "scheme", "fact"), file, where)
        code = _require(e, "scheme", file, where)
        if code not in schemes:
            raise KnowledgeBaseError(file, where, f"unknown scheme {code!r}")
        key = _require(e, "fact", file, where)
        fact = schemes[code].facts.get(key)
        if fact is None or fact.unconfirmed:
            raise KnowledgeBaseError(file, where, f"scheme {code} has no confirmed fact {key!r}")
        out.append(EmergencyRoute(_check_text(_require(e, "subject", file, where), file, where), code, fact,
                                  schemes[code].reviewed))
    return tuple(out)


def _routing(raw: Any, file: Path, programme: Programme, schemes: Mapping[str, Scheme],
             outcomes: Mapping[str, int]) -> Routing:
    entry = f"routing {raw.get('country') if isinstance(raw, Mapping) else '?'}"
    if not isinstance(raw, Mapping):
        raise KnowledgeBaseError(file, "routing", "must be a mapping")
    _check_keys(raw, ("country", "reviewed", "sources", "emergency", "routes"), file, entry)
    country = _country(_require(raw, "country", file, entry, None), file, entry)
    sources = _sources(raw.get("sources"), file, entry)
    emergency = _emergency(raw.get("emergency"), schemes, file, entry)
    routes = []
    for i, r in enumerate(_require(raw, "routes", file, entry, list)):
        where = f"{entry}: route {r.get('id', i) if isinstance(r, Mapping) else i}"
        if not isinstance(r, Mapping):
            raise KnowledgeBaseError(file, where, "must be a mapping")
        _check_keys(r, ("id", "when", "scheme", "because", "sources", "criteria"), file, where)
        when = _require(r, "when", file, where, dict)
        for slot, values in when.items():
            if slot not in DOMAINS or DOMAINS[slot] is None:
                raise KnowledgeBaseError(file, where, f"condition on unknown slot {slot!r}")
            if not isinstance(values, list) or any(v not in DOMAINS[slot] for v in values):
                raise KnowledgeBaseError(file, where, f"values for {slot} must be a list from {DOMAINS[slot]}")
        criteria = []
        for c in r.get("criteria") or []:
            if isinstance(c, str):
                if c not in programme.criteria:
                    raise KnowledgeBaseError(file, where, f"criterion {c!r} is not a programme criterion")
                criteria.append(programme.criteria[c])
            else:
                criteria.append(_criterion(c, sources, file, where, outcomes))
        routes.append(
            Route(
                id=_require(r, "id", file, where),
                when={k: tuple(v) for k, v in when.items()},
                scheme=_require(r, "scheme", file, where),
                because=_check_text(_require(r, "because", file, where), file, where),
                sources=_refs(r.get("sources"), sources, file, where),
                criteria=tuple(criteria),
            )
        )
    reviewed = _date(_require(raw, "reviewed", file, entry, None), file, entry)
    return Routing(country, reviewed, tuple(routes), str(file), emergency)


def _programme(raw: Any, file: Path, outcomes: Mapping[str, int], catalogue: FacetCatalogue) -> Programme:
    entry = "programme"
    if not isinstance(raw, Mapping):
        raise KnowledgeBaseError(file, entry, "must be a mapping")
    _check_keys(raw, ("name", "reviewed", "words", "sources", "criteria", "company_assessed", "facts", "facets",
                      "premises"), file, entry)
    sources = _sources(raw.get("sources"), file, entry)
    criteria = {}
    for c in _require(raw, "criteria", file, entry, list):
        crit = _criterion(c, sources, file, entry, outcomes)
        criteria[crit.slot] = crit
    assessed = tuple(
        _fact(_require(c, "id", file, entry), {"text": c.get("text"), "sources": c.get("sources")}, sources, file, entry)
        for c in raw.get("company_assessed") or []
    )
    facts = {k: _fact(k, v, sources, file, entry) for k, v in (raw.get("facts") or {}).items()}
    # A facet can cite a company-assessed criterion as well as a fact.
    citable = {**{f.key: f for f in assessed}, **facts}
    return Programme(
        name=_require(raw, "name", file, entry),
        reviewed=_date(_require(raw, "reviewed", file, entry, None), file, entry),
        sources=sources,
        criteria=criteria,
        company_assessed=assessed,
        facts=facts,
        words=_strings(raw, "words", file, entry),
        facets=_facets(raw.get("facets"), citable, sources, catalogue, file, entry),
        premises=_premises(raw.get("premises"), citable, catalogue, file, entry),
    )


@dataclass(frozen=True)
class _Authorities:
    reviewed: dt.date
    national: Dict[str, Authority]
    filers: Tuple[str, ...]
    codes: Tuple[str, ...]
    words: Tuple[str, ...]


def _authorities(raw: Any, file: Path) -> _Authorities:
    entry = "authorities"
    if not isinstance(raw, Mapping):
        raise KnowledgeBaseError(file, entry, "must be a mapping")
    _check_keys(raw, ("reviewed", "filers", "other_codes", "words", "entries"), file, entry)
    reviewed = _date(_require(raw, "reviewed", file, entry, None), file, entry)
    filers = _strings(raw, "filers", file, entry)
    if not filers:
        raise KnowledgeBaseError(file, entry, "missing 'filers'")
    national: Dict[str, Authority] = {}
    for e in _require(raw, "entries", file, entry, list):
        where = f"authority {e.get('country', '?') if isinstance(e, Mapping) else '?'}"
        if not isinstance(e, Mapping):
            raise KnowledgeBaseError(file, where, "must be a mapping")
        _check_keys(e, ("country", "code", "name", "source"), file, where)
        country = _country(_require(e, "country", file, where, None), file, where, any_allowed=False)
        if country in national:
            raise KnowledgeBaseError(file, where, "duplicate entry for this country")
        code = _require(e, "code", file, where)
        src = _sources({"source": _require(e, "source", file, where, dict)}, file, where)["source"]
        national[country] = Authority(country, code, _require(e, "name", file, where), src)
    codes = tuple(dict.fromkeys([a.code for a in national.values()] + list(_strings(raw, "other_codes", file, entry))))
    return _Authorities(reviewed, national, filers, codes, _strings(raw, "words", file, entry))


def _read(file: Path) -> Any:
    try:
        return yaml.safe_load(file.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise KnowledgeBaseError(file, "<file>", f"not valid YAML: {exc}") from exc


def _schemes(root: Path, authorities: _Authorities, catalogue: FacetCatalogue) -> Dict[str, Scheme]:
    schemes: Dict[str, Scheme] = {}
    required: List[str] = []
    for file in sorted((root / "schemes").glob("*.yml")):
        doc = _read(file) or {}
        if not isinstance(doc.get("schemes"), list):
            raise KnowledgeBaseError(file, "<file>", "must contain a 'schemes' list")
        _check_keys(doc, ("schemes", "contract_codes"), file, "<file>")
        required += _strings(doc, "contract_codes", file, "contract_codes")
        for raw in doc["schemes"]:
            scheme = _scheme(raw, file, authorities.filers, authorities.codes, catalogue)
            if scheme.code in schemes:
                raise KnowledgeBaseError(file, scheme.code, f"duplicate scheme, also in {schemes[scheme.code].file}")
            schemes[scheme.code] = scheme
    missing = [c for c in required if c not in schemes]
    if missing:
        raise KnowledgeBaseError(root / "schemes", "<all>", f"no entry for contract scheme code(s) {missing}")
    ranked: Dict[int, str] = {}
    for scheme in schemes.values():
        if scheme.precedence is not None:
            if scheme.precedence in ranked:
                raise KnowledgeBaseError(scheme.file, scheme.code,
                                         f"precedence {scheme.precedence} is also {ranked[scheme.precedence]}'s")
            ranked[scheme.precedence] = scheme.code
    return schemes


def load_knowledge_base(root: Path) -> KnowledgeBase:
    """Load and validate every knowledge file under `root`."""
    root = Path(root)
    auth_file = root / "authorities.yml"
    authorities = _authorities((_read(auth_file) or {}).get("authorities"), auth_file)
    facets_file = root / "facets.yml"
    catalogue = _facet_catalogue(_read(facets_file), facets_file)
    schemes = _schemes(root, authorities, catalogue)
    # The outcomes a failed criterion can lead to, with their precedence.
    outcomes = {s.code: s.precedence for s in schemes.values() if s.precedence is not None}

    programme_file = root / "programme.yml"
    programme = _programme((_read(programme_file) or {}).get("programme"), programme_file, outcomes, catalogue)

    routing: Dict[str, Routing] = {}
    for file in sorted((root / "routing").glob("*.yml")):
        r = _routing((_read(file) or {}).get("routing"), file, programme, schemes, outcomes)
        for route in r.routes:
            if route.scheme not in schemes:
                raise KnowledgeBaseError(file, f"route {route.id}", f"unknown scheme {route.scheme!r}")
        if r.country in routing:
            raise KnowledgeBaseError(file, r.country, "duplicate routing for this country")
        routing[r.country] = r
    if ANY_COUNTRY not in routing:
        raise KnowledgeBaseError(root / "routing", "<all>", "no default routing (country '*')")

    return KnowledgeBase(schemes, routing, programme, authorities.national, authorities.reviewed, root,
                         filers=authorities.filers, authority_codes=authorities.codes,
                         regulator_words=authorities.words, facet_catalogue=catalogue)


@lru_cache(maxsize=4)
def _cached(root: str) -> KnowledgeBase:
    return load_knowledge_base(Path(root))


def get_knowledge_base(root: Optional[Path] = None) -> KnowledgeBase:
    """The knowledge base of this process, loaded once on first use."""
    from bot.config import settings

    return _cached(str(root or settings().knowledge_dir))
