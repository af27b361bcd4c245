"""From review to training data, without servers: facts written as the
reviewer types them, the domain's intents read from its files (checked
against Rasa's own reading), and the export: one example per text (the
latest mark wins, an earlier one is named), the reviewer and date as
comments, facts as metadata, redacted again, read by Rasa's own NLU reader,
and through `rasa data validate` beside the project's training data."""
import datetime as dt
import subprocess
import sys

import pytest
import yaml
from rasa.shared.core.constants import DEFAULT_INTENTS
from rasa.shared.core.domain import Domain
from rasa.shared.nlu.training_data.formats.rasa_yaml import RasaYAMLReader

from bot.config import PROJECT_ROOT
from bot.transcripts.nlu_export import Correction, CorrectionError, domain_intents, nlu_yaml, parse_facts

NOW = dt.datetime(2026, 12, 5, 9, 30, tzinfo=dt.timezone.utc)
DAY1 = dt.datetime(2026, 12, 1, 10, tzinfo=dt.timezone.utc).timestamp()
DAY2 = DAY1 + 86400


def test_facts_are_read_as_the_contract_has_them():
    assert parse_facts("country=fr, alternatives_exhausted=yes; in_company_trial = no\nrole=physician") == {
        "country": "FR", "alternatives_exhausted": True, "in_company_trial": False, "role": "physician"}
    assert parse_facts("  ") == {}


@pytest.mark.parametrize("text, message", [("country", "slot=value"), ("colour=red", "is not a fact"),
                                           ("role=nurse", "not a value of role"),
                                           ("serious_condition=maybe", "not a value of serious_condition")])
def test_facts_that_cannot_be_read_are_refused_in_words(text, message):
    with pytest.raises(CorrectionError, match=message):
        parse_facts(text)


def test_the_domains_intents_are_rasas_without_its_defaults():
    # out_of_scope is both one of Rasa's defaults and one of ours.
    ours = set(Domain.load(str(PROJECT_ROOT / "domain")).intents) - (set(DEFAULT_INTENTS) - {"out_of_scope"})
    assert set(domain_intents()) == ours


def marks():
    return [
        Correction("c1", "she has tried everything we have", "inform", "j.doe", DAY1,
                   {"alternatives_exhausted": True}),
        Correction("c2", "She has tried everything we have.", "deny", "a.lee", DAY2, {}),
        Correction("c3", "pls call me back at jane.martin@chu-lyon.fr", "human_handoff", "a.lee", DAY2 + 60, {}),
        Correction("c4", "patient's in Lyon, not in any study", "inform", "j.doe", DAY2 + 120,
                   {"country": "FR", "in_company_trial": False}),
    ]


def test_the_export_is_rasa_nlu_with_one_example_per_text_and_the_reviewer_in_comments():
    text = nlu_yaml(marks(), NOW)
    data = RasaYAMLReader().reads(text)
    examples = {(m.get("text"), m.get("intent")) for m in data.intent_examples}
    assert examples == {("She has tried everything we have.", "deny"),
                        ("pls call me back at [email]", "human_handoff"),
                        ("patient's in Lyon, not in any study", "inform")}
    assert "jane.martin" not in text
    assert "# a.lee, 2026-12-02, conversation c2" in text
    assert "# earlier marked inform by j.doe, 2026-12-01" in text
    assert "exported 2026-12-05 09:30 UTC" in text
    parsed = yaml.safe_load(text)
    [inform] = [block for block in parsed["nlu"] if block["intent"] == "inform"]
    assert inform["examples"][0]["metadata"]["facts"] == {"country": "FR", "in_company_trial": False}


def test_an_empty_export_is_still_valid_training_data():
    assert RasaYAMLReader().reads(nlu_yaml([], NOW)).intent_examples == []


def test_the_export_passes_rasa_data_validate_beside_the_training_data(tmp_path):
    exported = tmp_path / "from_review.yml"
    exported.write_text(nlu_yaml([Correction("c9", "my oncology registrar colleague will file it", "inform",
                                             "j.doe", DAY1, {"role": "physician"})], NOW), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "rasa", "data", "validate", "--data", "data/nlu", "data/rules", str(exported),
         "--domain", "domain", "--config", "config.yml", "--fail-on-warnings"],
        cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=300, env={"TF_CPP_MIN_LOG_LEVEL": "3",
                                                                              "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
