"""The knowledge base validates on load, names the file and entry of a bad
edit, and never states what the fact sheet marks UNCONFIRMED."""
import re
import shutil
from pathlib import Path

import pytest
import yaml

from bot.knowledge import KnowledgeBaseError, load_knowledge_base
from bot.render import fact_answer

ROOT = Path(__file__).resolve().parent.parent / "data" / "knowledge"
# The assessment contract's scheme codes (first set).
CONTRACT_SCHEMES = ("FR_AAC", "FR_AAP", "FR_CPC", "FR_MD_DEROGATION", "COMPANY_MAP", "NONE_NEEDED", "CLINICAL_TRIAL",
                    "CONTINUE_TRIAL", "NOT_ELIGIBLE")
CONTRACT_FILERS = ("treating_physician", "hospital_prescriber", "hospital_pharmacy", "company", "manufacturer", "none")


def test_every_contract_scheme_has_an_entry_with_sources(kb):
    assert set(CONTRACT_SCHEMES) <= set(kb.schemes)
    for scheme in kb.schemes.values():
        assert scheme.sources and scheme.reviewed
        for fact in list(scheme.facts.values()) + [scheme.validity, *scheme.next_steps]:
            assert fact.unconfirmed or fact.sources, (scheme.code, fact.key)
            for src in fact.sources:
                assert src.url.startswith(("http://", "https://"))


# The fact sheet's "Items NOT confirmed" that touch France and the programme.
UNCONFIRMED = [
    ("FR_AAC", "timeline"),  # 1. ANSM decision deadline for an AAC
    ("FR_AAP", "silence_post_ma"),  # 2. HAS silence rule for post-MA AAPs
    ("FR_AAC", "pricing"),  # 3. AAC indemnity and rebate mechanics
    ("FR_AAP", "pricing"),  # 3. AAP indemnity and rebate mechanics
    ("FR_MD_DEROGATION", "timeline"),  # 4. no device derogation deadline
    ("FR_MD_DEROGATION", "payment"),  # 1.5 payment UNCONFIRMED
    ("FR_CPC", "timeline"),  # 1.3 no overall CPC deadline
]


@pytest.mark.parametrize("code,key", UNCONFIRMED)
def test_unconfirmed_items_are_never_asserted(kb, settings, code, key):
    fact = kb.schemes[code].facts[key]
    assert fact.unconfirmed and fact.text is None and fact.ask
    answer = fact_answer(fact, kb.schemes[code].reviewed, settings, code)
    assert "not published" in answer
    assert not re.search(r"\d", answer.replace(settings.medical_info_contact, ""))


def test_device_derogation_legal_basis_does_not_cite_l5211_6(kb):
    """Fact sheet item 4: 'L.5211-6' as a basis is UNCONFIRMED."""
    texts = " ".join(f.text or "" for f in kb.schemes["FR_MD_DEROGATION"].facts.values())
    assert "5211-6" not in texts


def test_programme_cost_and_decision_time_are_not_asserted(kb):
    assert kb.programme.facts["cost"].unconfirmed
    assert kb.programme.facts["decision_time"].unconfirmed


@pytest.fixture
def kb_copy(tmp_path):
    target = tmp_path / "knowledge"
    shutil.copytree(ROOT, target)
    return target


def _edit(path: Path, change):
    data = yaml.safe_load(path.read_text())
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True))


BAD_EDITS = [
    ("missing source list", lambda d: d["schemes"][0].pop("sources"), "FR_AAC: missing 'sources'"),
    ("fact without sources", lambda d: d["schemes"][0]["facts"]["what"].pop("sources"), "FR_AAC: fact 'what': has no sources"),
    ("undefined source id", lambda d: d["schemes"][0]["facts"]["what"].update(sources=["nowhere"]), "cites undefined source(s) ['nowhere']"),
    ("bad url", lambda d: d["schemes"][0]["sources"]["l5121_12_1"].update(url="ftp://x"), "url must start with http"),
    ("unknown key", lambda d: d["schemes"][0].update(deadline="3 days"), "unknown key(s): deadline"),
    ("unknown filer", lambda d: d["schemes"][0].update(filer="patient"), "filer 'patient' is not one of"),
    ("future review date", lambda d: d["schemes"][0].update(reviewed="2999-01-01"), "is in the future"),
    ("unconfirmed with a text", lambda d: d["schemes"][0]["facts"]["timeline"].update(text="3 months"), "unknown key(s): text"),
    ("unknown placeholder", lambda d: d["schemes"][0]["facts"]["what"].update(text="within {days} days"), "unknown placeholder"),
    ("missing contract scheme", lambda d: d["schemes"].pop(0), "no entry for contract scheme code(s) ['FR_AAC']"),
    ("authority not in authorities.yml", lambda d: d["schemes"][0].update(authority="INCa"),
     "FR_AAC: authority 'INCa' is not in authorities.yml"),
    ("missing kind", lambda d: d["schemes"][0].pop("kind"), "FR_AAC: missing 'kind'"),
    ("precedence on a national scheme", lambda d: d["schemes"][0].update(precedence=5),
     "FR_AAC: 'precedence' applies to redirect and refusal entries only"),
]


@pytest.mark.parametrize("name,change,message", BAD_EDITS, ids=[b[0] for b in BAD_EDITS])
def test_validator_rejects_bad_scheme_entries(kb_copy, name, change, message):
    _edit(kb_copy / "schemes" / "fr.yml", change)
    with pytest.raises(KnowledgeBaseError) as err:
        load_knowledge_base(kb_copy)
    assert "schemes" in str(err.value)  # the file, or the folder for a scheme missing from every file
    assert message in str(err.value)


def test_validator_rejects_a_route_to_an_unknown_scheme(kb_copy):
    _edit(kb_copy / "routing" / "fr.yml", lambda d: d["routing"]["routes"][0].update(scheme="FR_NOPE"))
    with pytest.raises(KnowledgeBaseError, match=r"fr.yml: route fr_device_without_ce: unknown scheme 'FR_NOPE'"):
        load_knowledge_base(kb_copy)


def test_filer_and_authority_codes_are_the_contracts(kb):
    assert set(CONTRACT_FILERS) <= set(kb.filers)
    assert {"ANSM", "HAS", "company", "none", "FDA", "MHRA", "BfArM", "AEMPS", "AIFA", "ethics_committee",
            "HealthCanada", "TGA"} <= set(kb.authority_codes)
    for scheme in kb.schemes.values():
        assert scheme.filer in kb.filers and scheme.authority in kb.authority_codes


def test_validator_rejects_two_outcomes_of_the_same_precedence(kb_copy):
    _edit(kb_copy / "schemes" / "general.yml", lambda d: d["schemes"][2].update(precedence=2))
    with pytest.raises(KnowledgeBaseError, match=r"general.yml: CLINICAL_TRIAL: precedence 2 is also NONE_NEEDED's"):
        load_knowledge_base(kb_copy)


def test_validator_rejects_a_criterion_leading_to_no_outcome(kb_copy):
    _edit(kb_copy / "programme.yml", lambda d: d["programme"]["criteria"][3].update(otherwise="FR_AAC"))
    with pytest.raises(KnowledgeBaseError, match=r"programme.yml: programme: criterion 'serious_condition': "
                                                 r"'otherwise' 'FR_AAC' is not a redirect or refusal scheme"):
        load_knowledge_base(kb_copy)


def test_validator_rejects_a_criterion_with_a_bad_value(kb_copy):
    _edit(kb_copy / "programme.yml", lambda d: d["programme"]["criteria"][3].update(meets=["maybe"]))
    with pytest.raises(KnowledgeBaseError, match=r"programme.yml: programme: criterion 'serious_condition': 'meets' must list values"):
        load_knowledge_base(kb_copy)


def test_validator_rejects_invalid_yaml(kb_copy):
    (kb_copy / "schemes" / "fr.yml").write_text("schemes: [\n")
    with pytest.raises(KnowledgeBaseError, match="not valid YAML"):
        load_knowledge_base(kb_copy)
