"""The knowledge base: schemes, routing, programme rules and authorities, read
from YAML under `data/knowledge/` and validated on load.

A malformed entry is an error that names the file and the entry, so a bad edit
fails at start-up and in tests, never in front of a user."""
from __future__ import annotations

import datetime as dt
import re
import string
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, Iterable, List, Mapping, Optional, Tuple

import yaml

from bot.facts import AUTHORITIES, DOMAINS, FILERS, REDIRECTS, SCHEME_CODES

ALLOWED_PLACEHOLDERS = {"ack_business_days"}
SCHEME_CODE_RE = re.compile(r"^[A-Z]{2,}(_[A-Z0-9]+)*$")


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


@dataclass(frozen=True)
class Criterion:
    slot: str
    meets: Tuple[Any, ...]
    otherwise: str
    text: str
    sources: Tuple[Source, ...]

    def is_met(self, value: Any) -> bool:
        return value in self.meets


@dataclass(frozen=True)
class Scheme:
    code: str
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


@dataclass(frozen=True)
class Programme:
    name: str
    reviewed: dt.date
    sources: Mapping[str, Source]
    criteria: Mapping[str, Criterion]
    company_assessed: Tuple[Fact, ...]
    facts: Mapping[str, Fact]


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
    authorities: Mapping[str, Authority]
    authorities_reviewed: dt.date
    root: Path = field(default=Path("."))

    def routing_for(self, country: str) -> Routing:
        return self.routing.get(country) or self.routing["*"]

    def covered_countries(self) -> List[str]:
        return sorted(c for c in self.routing if c != "*")

    def scheme_by_alias(self, text: str) -> Optional[Scheme]:
        wanted = text.strip().lower()
        for scheme in self.schemes.values():
            names = {scheme.code.lower(), scheme.name.lower()}
            names |= {a.lower() for a in scheme.aliases}
            if scheme.local_name:
                names.add(scheme.local_name.lower())
            if wanted in names:
                return scheme
        return None


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


def _criterion(raw: Any, known: Mapping[str, Source], file: Path, entry: str) -> Criterion:
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
    if otherwise not in REDIRECTS:
        raise KnowledgeBaseError(file, where, f"'otherwise' must be one of {REDIRECTS}")
    text = _check_text(_require(raw, "text", file, where), file, where)
    return Criterion(slot, tuple(meets), otherwise, text, _refs(raw.get("sources"), known, file, where))


SCHEME_KEYS = (
    "code", "country", "name", "local_name", "aliases", "reviewed", "filer", "authority",
    "channel", "summary", "validity", "next_steps", "sources", "facts",
)


def _scheme(raw: Any, file: Path) -> Scheme:
    entry = str(raw.get("code", "<no code>")) if isinstance(raw, Mapping) else "<entry>"
    if not isinstance(raw, Mapping):
        raise KnowledgeBaseError(file, entry, "must be a mapping")
    _check_keys(raw, SCHEME_KEYS, file, entry)
    code = _require(raw, "code", file, entry)
    if not SCHEME_CODE_RE.match(code):
        raise KnowledgeBaseError(file, entry, f"scheme code {code!r} must look like FR_AAC")
    sources = _sources(raw.get("sources"), file, entry)
    filer = _require(raw, "filer", file, entry)
    if filer not in FILERS:
        raise KnowledgeBaseError(file, entry, f"filer {filer!r} is not one of {FILERS}")
    authority = _require(raw, "authority", file, entry)
    if authority not in AUTHORITIES:
        raise KnowledgeBaseError(file, entry, f"authority {authority!r} is not one of {AUTHORITIES}")
    summary = _require(raw, "summary", file, entry, dict)
    validity = _fact("validity", _require(raw, "validity", file, entry, dict), sources, file, entry)
    steps_raw = _require(raw, "next_steps", file, entry, list)
    steps = tuple(_fact(f"next_steps[{i}]", s, sources, file, entry) for i, s in enumerate(steps_raw))
    facts_raw = raw.get("facts") or {}
    if not isinstance(facts_raw, Mapping):
        raise KnowledgeBaseError(file, entry, "'facts' must be a mapping")
    facts = {k: _fact(k, v, sources, file, entry) for k, v in facts_raw.items()}
    return Scheme(
        code=code,
        country=str(_require(raw, "country", file, entry)),
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
    )


def _routing(raw: Any, file: Path, programme: Programme) -> Routing:
    entry = f"routing {raw.get('country') if isinstance(raw, Mapping) else '?'}"
    if not isinstance(raw, Mapping):
        raise KnowledgeBaseError(file, "routing", "must be a mapping")
    _check_keys(raw, ("country", "reviewed", "sources", "routes"), file, entry)
    country = str(_require(raw, "country", file, entry))
    sources = _sources(raw.get("sources"), file, entry)
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
                criteria.append(_criterion(c, sources, file, where))
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
    return Routing(country, _date(_require(raw, "reviewed", file, entry, None), file, entry), tuple(routes), str(file))


def _programme(raw: Any, file: Path) -> Programme:
    entry = "programme"
    if not isinstance(raw, Mapping):
        raise KnowledgeBaseError(file, entry, "must be a mapping")
    _check_keys(raw, ("name", "reviewed", "sources", "criteria", "company_assessed", "facts"), file, entry)
    sources = _sources(raw.get("sources"), file, entry)
    criteria = {}
    for c in _require(raw, "criteria", file, entry, list):
        crit = _criterion(c, sources, file, entry)
        criteria[crit.slot] = crit
    assessed = tuple(
        _fact(_require(c, "id", file, entry), {"text": c.get("text"), "sources": c.get("sources")}, sources, file, entry)
        for c in raw.get("company_assessed") or []
    )
    facts = {k: _fact(k, v, sources, file, entry) for k, v in (raw.get("facts") or {}).items()}
    return Programme(
        name=_require(raw, "name", file, entry),
        reviewed=_date(_require(raw, "reviewed", file, entry, None), file, entry),
        sources=sources,
        criteria=criteria,
        company_assessed=assessed,
        facts=facts,
    )


def _authorities(raw: Any, file: Path) -> Tuple[Dict[str, Authority], dt.date]:
    entry = "authorities"
    reviewed = _date(_require(raw, "reviewed", file, entry, None), file, entry)
    out = {}
    for e in _require(raw, "entries", file, entry, list):
        where = f"authority {e.get('country', '?') if isinstance(e, Mapping) else '?'}"
        code = _require(e, "code", file, where)
        if code not in AUTHORITIES:
            raise KnowledgeBaseError(file, where, f"authority code {code!r} is not one of {AUTHORITIES}")
        src = _sources({"source": _require(e, "source", file, where, dict)}, file, where)["source"]
        out[_require(e, "country", file, where)] = Authority(e["country"], code, _require(e, "name", file, where), src)
    return out, reviewed


def _read(file: Path) -> Any:
    try:
        return yaml.safe_load(file.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise KnowledgeBaseError(file, "<file>", f"not valid YAML: {exc}") from exc


def load_knowledge_base(root: Path) -> KnowledgeBase:
    """Load and validate every knowledge file under `root`."""
    root = Path(root)
    programme_file = root / "programme.yml"
    programme = _programme((_read(programme_file) or {}).get("programme"), programme_file)

    schemes: Dict[str, Scheme] = {}
    for file in sorted((root / "schemes").glob("*.yml")):
        doc = _read(file) or {}
        if not isinstance(doc.get("schemes"), list):
            raise KnowledgeBaseError(file, "<file>", "must contain a 'schemes' list")
        for raw in doc["schemes"]:
            scheme = _scheme(raw, file)
            if scheme.code in schemes:
                raise KnowledgeBaseError(file, scheme.code, f"duplicate scheme, also in {schemes[scheme.code].file}")
            schemes[scheme.code] = scheme
    missing = [c for c in SCHEME_CODES if c not in schemes]
    if missing:
        raise KnowledgeBaseError(root / "schemes", "<all>", f"no entry for contract scheme code(s) {missing}")

    routing: Dict[str, Routing] = {}
    for file in sorted((root / "routing").glob("*.yml")):
        r = _routing((_read(file) or {}).get("routing"), file, programme)
        for route in r.routes:
            if route.scheme not in schemes:
                raise KnowledgeBaseError(file, f"route {route.id}", f"unknown scheme {route.scheme!r}")
        if r.country in routing:
            raise KnowledgeBaseError(file, r.country, "duplicate routing for this country")
        routing[r.country] = r
    if "*" not in routing:
        raise KnowledgeBaseError(root / "routing", "<all>", "no default routing (country '*')")

    auth_file = root / "authorities.yml"
    authorities, auth_reviewed = _authorities((_read(auth_file) or {}).get("authorities"), auth_file)
    return KnowledgeBase(schemes, routing, programme, authorities, auth_reviewed, root)


@lru_cache(maxsize=4)
def _cached(root: str) -> KnowledgeBase:
    return load_knowledge_base(Path(root))


def get_knowledge_base(root: Optional[Path] = None) -> KnowledgeBase:
    """The knowledge base of this process, loaded once on first use."""
    from bot.config import settings

    return _cached(str(root or settings().knowledge_dir))
