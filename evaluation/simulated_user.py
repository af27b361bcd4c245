"""What the load generator's simulated users say: openings, and answers to
each question the assessment may ask, in several phrasings. Shared by bench/
(the load) and tests/ (every answer must be understood)."""
from __future__ import annotations

from typing import Dict, List

OPENERS = [
    "Hello, I'm an oncologist and I'd like to check access for a patient",
    "can my patient get your investigational drug?",
    "I'm a neurologist in Lyon, France; the medicine is not approved anywhere",
    "hi, my mother is treated in Belgium, can she get the drug before approval?",
    "I'm a GP in the UK; the medicine is approved and available",
    "doctor in Spain here, the product is investigational",
    "I want to know if a French patient can get early access",
]
# Answers to each question the assessment may ask, in several phrasings.
ANSWERS: Dict[str, List[str]] = {
    "role": ["I'm the treating physician", "I am her doctor", "physician", "I'm a relative", "I'm a patient advocate"],
    "country": ["France", "the patient is in Germany", "we're in the UK", "Belgium", "treated in Lyon, France", "Spain"],
    "product_type": ["it's a medicine", "a drug", "medicine", "it's a medical device"],
    "authorisation": ["not approved anywhere", "it has no marketing authorisation", "approved for another indication",
                      "only approved in the US", "approved but not available here"],
    "in_development": ["no", "yes, it's in phase 3 for this use", "not for this indication", "I don't know"],
    "in_company_trial": ["no", "he isn't in any of your trials", "no, not in a trial"],
    "trial_available": ["no", "there's no trial she can join", "no open trial nearby", "yes"],
    "serious_condition": ["yes", "it's life-threatening", "yes, very serious", "no, it's mild"],
    "alternatives_exhausted": ["yes", "she failed three lines of therapy", "nothing else has worked", "yes, all tried"],
    "previously_treated": ["no", "never had it", "no, not before"],
}
