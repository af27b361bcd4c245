"""data/lexicon/country_names.yml is what Babel's CLDR data and
data/lexicon/countries.yml give (scripts/build_country_names.py)."""
from pathlib import Path

from scripts.build_country_names import TARGET, render


def test_the_generated_country_names_are_up_to_date():
    assert TARGET.read_text(encoding="utf-8") == render(), "run: python scripts/build_country_names.py"


def test_the_names_are_valid_codes_and_the_excluded_words_are_not_there():
    import pycountry
    import yaml

    names = yaml.safe_load(Path(TARGET).read_text(encoding="utf-8"))["names"]
    assert all(pycountry.countries.get(alpha_2=code) for code in names.values())
    assert names["suomi"] == "FI" and "maurice" not in names and "island" not in names
