"""Build the project's own spaCy pipeline: a blank English pipeline plus an
entity ruler for countries (names, short forms, adjectives), regions,
regulators and scheme names, and an attribute ruler that gives every token of
such an entity (and product code names such as "ZX-301") a shared lemma. Rasa's
featurizers read lemmas, so "Chile" and "Denmark" look alike to the intent
classifier: which country is named never decides the intent, and countries
missing from the training examples are still understood. Deterministic: the
same inputs give the same pipeline. Usage: python scripts/build_spacy.py [OUTPUT_DIR]

The words come from data: countries and regions from the country lexicon,
regulators from data/knowledge/authorities.yml, scheme names from the
knowledge base's schemes (codes, aliases, `words`) and programme (`words`)."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Dict, List

import spacy

from bot.countries import load_lexicon
from bot.knowledge import get_knowledge_base

DEFAULT_OUT = Path(__file__).resolve().parent.parent / "models" / "spacy" / "access_en"

# Lemmas shared by every token of an entity label; the double underscores keep
# them apart from the real words "country", "scheme" and "regulator".
ENTITY_LEMMAS = {"country": "__country__", "regulator": "__regulator__", "scheme": "__scheme__"}
# Development code names: letters, optional hyphen, digits ("ZX-301", "PX15").
PRODUCT_CODE = r"^[A-Za-z]{1,4}-?[0-9]{2,5}[A-Za-z]?$"
PRODUCT_LEMMA = "__product__"


def _token_pattern(nlp, text: str, exact: bool) -> List[Dict[str, str]]:
    attr = "ORTH" if exact else "LOWER"
    return [{attr: t.text if exact else t.text.lower()} for t in nlp.make_doc(text)]


def build(out: Path = DEFAULT_OUT) -> Path:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler", config={"overwrite_ents": True})
    patterns = []
    lexicon = load_lexicon()
    for alias, code, exact in sorted(lexicon.aliases()):
        patterns.append({"label": "country", "pattern": _token_pattern(nlp, alias, exact), "id": code})
    for region in lexicon.regions:
        exact = region.isupper()
        patterns.append({"label": "country", "pattern": _token_pattern(nlp, region, exact), "id": "REGION"})
    kb = get_knowledge_base()
    # Short forms keep their capitalisation: "HAS" is a regulator, "has" is not.
    for name in kb.regulator_words:
        patterns.append({"label": "regulator", "pattern": _token_pattern(nlp, name, " " not in name), "id": name})
    names = set(kb.programme.words)
    for scheme in kb.schemes.values():
        names |= set(scheme.words)
        if scheme.country != "*":
            names |= {scheme.code, *scheme.aliases}
    for name in sorted(names):
        exact = name.isupper() and len(name) <= 5
        patterns.append({"label": "scheme", "pattern": _token_pattern(nlp, name, exact), "id": name})
    ruler.add_patterns(patterns)
    lemmas = nlp.add_pipe("attribute_ruler", name="entity_lemmas", after="entity_ruler")
    for label, lemma in ENTITY_LEMMAS.items():
        lemmas.add(patterns=[[{"ENT_TYPE": label}]], attrs={"LEMMA": lemma})
    lemmas.add(patterns=[[{"TEXT": {"REGEX": PRODUCT_CODE}}]], attrs={"LEMMA": PRODUCT_LEMMA})
    nlp.meta.update({"name": "access_en", "version": "1.0.0",
                     "description": "Blank English + entity ruler (countries, regulators, access schemes) + entity lemmas"})
    out.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out)
    return out


if __name__ == "__main__":
    target = build(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_OUT)
    print(f"built spaCy pipeline in {target}")
