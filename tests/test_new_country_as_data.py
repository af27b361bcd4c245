"""Adding a country is a data change: a copy of data/knowledge gains New
Zealand (its national authority, a scheme with a new code, sourced facts, an
emergency route and a routing file) and nothing else, and the engine, the
rendering, the contract payload, the emergency route, the answers and the
review console's scheme filter all handle it. The validator names the file
and the entry of a bad reference in such an addition."""
import asyncio
import shutil
from pathlib import Path

import pytest
import yaml
from aiohttp.test_utils import TestClient, TestServer

from bot.answers import answer_question
from bot.conversation import assessment_turn
from bot.knowledge import KnowledgeBaseError, get_knowledge_base, load_knowledge_base
from bot.pathway import Need, Outcome, assess
from bot.render import emergency_messages, outcome_messages
from tests.conftest import ALL_MET

ROOT = Path(__file__).resolve().parent.parent / "data" / "knowledge"
CODE = "NZ_SECTION_29"
MEDSAFE_URL = "https://www.medsafe.govt.nz/profs/riss/unapp.asp"
MAP_URL = "https://sanofi.com/en/science-and-innovation/clinical-trials-and-results/sanofi-manage-access-program"

AUTHORITY = f"""\
    - country: NZ
      code: Medsafe
      name: Medsafe, the New Zealand Medicines and Medical Devices Safety Authority
      source: {{title: "Medsafe - Use of unapproved medicines", url: "{MEDSAFE_URL}"}}
"""

SCHEME = f"""\
schemes:
  - code: {CODE}
    kind: national
    programme: true
    country: NZ
    name: Supply of an unapproved medicine under section 29
    aliases: [section 29, unapproved medicine supply]
    reviewed: 2026-11-20
    filer: treating_physician
    authority: Medsafe
    channel: section 29 notification to Medsafe
    channel_words: ['\\bmedsafe notification']
    summary:
      physician: The medicine is supplied to you, the treating doctor, for a patient in your care.
      plain: The patient's doctor can obtain the medicine for this patient.
    validity:
      text: For the patient named in the request.
      sources: [medsafe_unapproved]
    next_steps:
      - text: You ask the supplier for the medicine for this patient; the supplier notifies Medsafe.
        sources: [medsafe_unapproved]
    sources:
      medsafe_unapproved:
        title: "Medsafe - Use of unapproved medicines"
        url: {MEDSAFE_URL}
    facts:
      what:
        text: A medical practitioner may obtain an unapproved medicine for a particular patient in their care.
        sources: [medsafe_unapproved]
      who_files:
        text: The treating doctor asks; the supplier reports the supply to Medsafe.
        sources: [medsafe_unapproved]
      emergency:
        text: The supply can be arranged at once; the supplier reports it to Medsafe afterwards.
        sources: [medsafe_unapproved]
"""

ROUTING = f"""\
routing:
  country: NZ
  reviewed: 2026-11-20
  sources:
    medsafe_unapproved:
      title: "Medsafe - Use of unapproved medicines"
      url: {MEDSAFE_URL}
  emergency:
    - subject: In New Zealand (section 29 supply)
      scheme: {CODE}
      fact: emergency
  routes:
    - id: nz_medicine
      when:
        product_type: [medicine]
        authorisation: [not_authorised, authorised_other_indication, authorised_not_available]
      scheme: {CODE}
      because: the medicine is not approved for this use in New Zealand
      sources: [medsafe_unapproved]
      criteria: [in_company_trial, trial_available, serious_condition, alternatives_exhausted, previously_treated]
"""

NZ_PHYSICIAN = {"role": "physician", "country": "NZ", "product_type": "medicine", "authorisation": "not_authorised"}
CONTRACT_KEYS = {"scheme", "country", "eligible", "unmet_criteria", "filer", "authority", "channel", "validity",
                 "next_steps", "sources", "reviewed"}


def add_new_zealand(root: Path) -> Path:
    """New Zealand, in data alone."""
    authorities = root / "authorities.yml"
    authorities.write_text(authorities.read_text(encoding="utf-8") + AUTHORITY, encoding="utf-8")
    (root / "schemes" / "nz.yml").write_text(SCHEME, encoding="utf-8")
    (root / "routing" / "nz.yml").write_text(ROUTING, encoding="utf-8")
    return root


@pytest.fixture
def nz_root(tmp_path):
    return add_new_zealand(Path(shutil.copytree(ROOT, tmp_path / "knowledge")))


@pytest.fixture
def nz(nz_root):
    return get_knowledge_base(nz_root)


def test_the_project_data_does_not_cover_new_zealand(kb):
    assert "NZ" not in kb.routing and CODE not in kb.schemes and "NZ" not in kb.authorities


def test_a_routing_file_adds_a_covered_country(nz):
    assert nz.routing_for("NZ").country == "NZ"
    assert "NZ" in nz.covered_countries()
    assert CODE in nz.scheme_codes and nz.authorities["NZ"].code == "Medsafe"


def test_the_engine_routes_a_medicine_to_the_new_scheme_after_the_programme_criteria(nz):
    assert assess(NZ_PHYSICIAN, nz) == Need("in_company_trial")
    result = assess({**NZ_PHYSICIAN, **ALL_MET}, nz)
    assert isinstance(result, Outcome)
    assert (result.scheme, result.country, result.eligible, result.unmet_criteria) == (CODE, "NZ", True, ())
    assert MEDSAFE_URL in {s.url for s in result.route.sources}


def test_a_failed_criterion_names_the_new_scheme_as_the_route_it_would_have_been(nz, settings):
    facts = {**NZ_PHYSICIAN, **ALL_MET, "serious_condition": False}
    result = assess(facts, nz)
    assert (result.scheme, result.unmet_criteria, result.candidate_scheme) == ("NOT_ELIGIBLE", ("serious_condition",), CODE)
    text = "\n".join(m.text for m in outcome_messages(result, facts, nz, settings) if m.text)
    assert "Not met:\n- The patient has a life-threatening or seriously debilitating illness" in text
    assert "(Had the criteria been met, the route would have been: Supply of an unapproved medicine under section 29.)" in text


def test_what_the_new_routing_leaves_out_falls_back_to_the_programme_with_the_new_authority(nz, settings):
    device = {**NZ_PHYSICIAN, "product_type": "medical_device", **ALL_MET}
    result = assess(device, nz)
    assert result.scheme == "COMPANY_MAP" and result.country == "NZ"
    payload = _payload(outcome_messages(result, device, nz, settings))
    assert payload["national_authority"] == "Medsafe"
    assert any("Medsafe, the New Zealand Medicines" in step for step in payload["next_steps"])
    assert MEDSAFE_URL in {s["url"] for s in payload["sources"]}


def _payload(messages):
    customs = [m.custom for m in messages if m.custom]
    assert len(customs) == 1
    return customs[0]["pathway"]


def test_the_outcome_is_rendered_with_the_contract_payload(nz, settings):
    facts = {**NZ_PHYSICIAN, **ALL_MET}
    messages = outcome_messages(assess(facts, nz), facts, nz, settings)
    payload = _payload(messages)
    assert CONTRACT_KEYS <= set(payload)
    assert payload["scheme"] == CODE and payload["country"] == "NZ"
    assert payload["eligible"] is True and payload["unmet_criteria"] == []
    assert (payload["filer"], payload["authority"]) == ("treating_physician", "Medsafe")
    assert payload["channel"] == "section 29 notification to Medsafe"
    assert payload["validity"] == "For the patient named in the request."
    assert "You ask the supplier for the medicine for this patient; the supplier notifies Medsafe." in payload["next_steps"]
    urls = {s["url"] for s in payload["sources"]}
    assert MEDSAFE_URL in urls and MAP_URL in urls  # the programme supplies it: its rules are cited too
    assert payload["reviewed"] == "2026-11-20"  # the oldest entry the outcome rests on: the new ones
    text = "\n".join(m.text for m in messages if m.text)
    assert f"Here is the outcome: Supply of an unapproved medicine under section 29 ({CODE})." in text
    assert "the patient is treated in New Zealand; the medicine is not approved for this use in New Zealand" in text
    assert "Who files and how: The treating doctor asks; the supplier reports the supply to Medsafe." in text
    assert "What the company's programme adds:" in text
    assert "national_authority" not in payload  # a covered country's scheme names its own authority


def test_the_assessment_turn_sets_the_pathway_slot_to_the_new_code(nz, settings):
    turn = assessment_turn({**NZ_PHYSICIAN, **ALL_MET}, nz, settings)
    assert turn.slots["pathway"] == CODE and turn.slots["requested_slot"] is None


def test_the_emergency_route_gives_the_new_countrys_fact_with_its_sources(nz, settings):
    messages = [m.text for m in emergency_messages("NZ", nz, settings)]
    assert len(messages) == 2 and settings.urgent_contact in messages[0]
    assert messages[1].startswith("In New Zealand (section 29 supply): The supply can be arranged at once")
    assert "reviewed 2026-11-20" in messages[1] and MEDSAFE_URL in messages[1]
    assert "e-Saturne" not in " ".join(messages)


def test_france_keeps_its_emergency_route_and_an_unknown_country_gets_the_default_countrys(kb, settings):
    france = [m.text for m in emergency_messages("FR", kb, settings)]
    assert len(france) == 2 and france[1].startswith("In France (AAC requests):") and "astreinte" in france[1]
    assert "ansm.sante.fr" in france[1]
    assert [m.text for m in emergency_messages(None, kb, settings)] == france  # DEFAULT_COUNTRY=FR
    assert [m.text for m in emergency_messages("BE", kb, settings)] == france[:1]


@pytest.mark.parametrize("question,fact", [
    ("who files a section 29 request?", "The treating doctor asks"),  # an alias
    ("what is the Medsafe notification?", "A medical practitioner may obtain"),  # the channel
    ("what's NZ_SECTION_29", "A medical practitioner may obtain"),  # the code
])
def test_a_question_about_the_new_scheme_is_answered_from_its_facts(nz, settings, question, fact):
    answers = [m.text for m in answer_question(question, nz, settings)]
    assert answers[0].startswith(f"Supply of an unapproved medicine under section 29 ({CODE}): {fact}")
    assert MEDSAFE_URL in answers[0]


def test_the_console_filter_offers_and_accepts_the_new_code(nz, tmp_path):
    from console import accounts, sessions
    from console.app import SESSION_COOKIE, create_app
    from storage.engine import make_engine
    from storage.migrate import upgrade_transcripts

    engine = upgrade_transcripts(make_engine(f"sqlite:///{tmp_path / 'tracker.db'}"))
    accounts.add_reviewer(engine, "reviewer.nz", "a long enough password for the test")
    token = sessions.open_session(engine, "reviewer.nz", 30)

    async def page(app, scheme):
        async with TestClient(TestServer(app)) as client:
            response = await client.get("/conversations", params={"scheme": scheme},
                                        headers={"Cookie": f"{SESSION_COOKIE}={token}"})
            return response.status, await response.text()

    status, html = asyncio.run(page(create_app(engine, 30, schemes=nz.scheme_codes), CODE))
    assert status == 200 and "unknown value" not in html
    assert f'<option value="{CODE}" selected>' in html
    status, html = asyncio.run(page(create_app(engine, 30, schemes=nz.scheme_codes), "NZ_NOPE"))
    assert "scheme: unknown value &#39;NZ_NOPE&#39;" in html
    # Without a list, the console offers this process's knowledge base.
    status, html = asyncio.run(page(create_app(engine, 30), "FR_AAC"))
    assert '<option value="FR_AAC" selected>' in html and CODE not in html


# --- the validator, on a bad addition --------------------------------------------------------------


def _edit(path: Path, change) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def _nz_scheme(change):
    return lambda d: change(d["schemes"][0])


BAD_ADDITIONS = [
    # (name, file, change, file named, entry named, message)
    ("route to an unknown scheme", "routing/nz.yml", lambda d: d["routing"]["routes"][0].update(scheme="NZ_NOPE"),
     "nz.yml", "route nz_medicine", "unknown scheme 'NZ_NOPE'"),
    ("authority not in authorities.yml", "schemes/nz.yml", _nz_scheme(lambda s: s.update(authority="NZ_AGENCY")),
     "nz.yml", CODE, "authority 'NZ_AGENCY' is not in authorities.yml"),
    ("fact without a source", "schemes/nz.yml", _nz_scheme(lambda s: s["facts"]["what"].pop("sources")),
     "nz.yml", f"{CODE}: fact 'what'", "has no sources"),
    ("unknown kind", "schemes/nz.yml", _nz_scheme(lambda s: s.update(kind="regional")),
     "nz.yml", CODE, "kind 'regional' is not one of"),
    ("country that is not an ISO code", "schemes/nz.yml", _nz_scheme(lambda s: s.update(country="New Zealand")),
     "nz.yml", CODE, "country 'New Zealand' is not an ISO 3166-1 alpha-2 code"),
    ("bad channel word", "schemes/nz.yml", _nz_scheme(lambda s: s.update(channel_words=["section (29"])),
     "nz.yml", CODE, "is not a regular expression"),
    ("emergency route to an unknown fact", "routing/nz.yml",
     lambda d: d["routing"]["emergency"][0].update(fact="after_hours"),
     "nz.yml", "routing NZ: emergency 1", "scheme NZ_SECTION_29 has no confirmed fact 'after_hours'"),
    ("emergency route to an unknown scheme", "routing/nz.yml",
     lambda d: d["routing"]["emergency"][0].update(scheme="NZ_NOPE"),
     "nz.yml", "routing NZ: emergency 1", "unknown scheme 'NZ_NOPE'"),
    ("criterion leading to a scheme that is no redirect", "routing/nz.yml",
     lambda d: d["routing"]["routes"][0].update(criteria=[{
         "slot": "serious_condition", "meets": [True], "otherwise": CODE, "text": "Serious.",
         "sources": ["medsafe_unapproved"]}]),
     "nz.yml", "route nz_medicine: criterion 'serious_condition'", f"'otherwise' '{CODE}' is not a redirect or refusal"),
]


@pytest.mark.parametrize("name,file,change,named_file,entry,message", BAD_ADDITIONS, ids=[b[0] for b in BAD_ADDITIONS])
def test_the_validator_names_the_file_and_entry_of_a_bad_addition(nz_root, name, file, change, named_file, entry,
                                                                  message):
    _edit(nz_root / file, change)
    with pytest.raises(KnowledgeBaseError) as err:
        load_knowledge_base(nz_root)
    assert Path(err.value.file).name == named_file and entry in err.value.entry
    assert message in str(err.value)


def test_the_validator_rejects_an_authority_entry_for_a_country_twice(nz_root):
    authorities = nz_root / "authorities.yml"
    authorities.write_text(authorities.read_text(encoding="utf-8") + AUTHORITY, encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match=r"authorities.yml: authority NZ: duplicate entry for this country"):
        load_knowledge_base(nz_root)
