// Words for the codes of the assessment contract (shared/assessment-contract.md).
// The outcome payload carries codes so that every reader (console, records,
// tests) shares them; a person reads these words instead. They are content
// of the assistant, so English like the rest of what it says. A code that is
// not listed (a country added later) is shown as it is.

const FILERS = {
  treating_physician: "The treating physician",
  hospital_prescriber: "The hospital prescriber; the hospital pharmacy transmits the request",
  company: "The company",
  manufacturer: "The manufacturer",
  none: "No request to file: ordinary or framework prescribing",
};

const AUTHORITIES = {
  ANSM: "ANSM (Agence nationale de sécurité du médicament et des produits de santé)",
  HAS: "HAS (Haute Autorité de santé)",
  company: "The company",
  none: "None",
};

// What each programme criterion requires, for `unmet_criteria` (slot names).
const CRITERIA = {
  authorisation: "The product is not authorised, or not available, for this use where the patient is treated",
  in_company_trial: "The patient is not enrolled in a trial sponsored by the company",
  trial_available: "The patient cannot enrol in any trial",
  serious_condition: "The condition is life-threatening or seriously debilitating",
  alternatives_exhausted: "Approved or satisfactory alternative treatments have been exhausted",
  previously_treated: "The patient is not receiving, and has not received, the product",
  in_development: "The product is in company development for this use",
  product_type: "The product type allows this route",
  emergency: "Treatment is needed within hours or days",
};

// Facts named in `pathway_options` ("if" cases), with the words for their values.
const FACTS = {
  role: "your role",
  country: "the country",
  product_type: "the product type",
  authorisation: "the product's status",
  in_development: "the product is in development for this use",
  serious_condition: "the condition is life-threatening or seriously debilitating",
  alternatives_exhausted: "alternatives are exhausted",
  previously_treated: "the patient has received the product",
  in_company_trial: "the patient is in a company trial",
  trial_available: "the patient could enrol in a trial",
  emergency: "treatment is needed within hours or days",
};

const VALUES = {
  not_authorised: "not authorised for any use",
  authorised_other_indication: "authorised, but not for this use",
  authorised_not_available: "authorised for this use but not available",
  authorised_available: "authorised for this use and available",
  medicine: "a medicine",
  medical_device: "a medical device",
};

const QUEUES = {
  managed_access: "The managed access team",
  medical_information: "Medical information",
  urgent: "The managed access team, as an urgent request",
};

const words = (code) => String(code).replace(/_/g, " ");

export const filerLabel = (code) => FILERS[code] || words(code);
export const authorityLabel = (code) => AUTHORITIES[code] || String(code);
export const criterionLabel = (slot) => CRITERIA[slot] || words(slot);
export const queueLabel = (code) => QUEUES[code] || words(code);

/** "the condition is life-threatening or seriously debilitating: yes" for one assumed fact. */
export function caseLabel(fact, value) {
  const shown = value === true ? "yes" : value === false ? "no" : VALUES[value] || words(value);
  return `${FACTS[fact] || words(fact)}: ${shown}`;
}

/** The country's name in English (Intl), or the code when unknown. */
export function countryLabel(code) {
  if (!code) return "";
  try {
    return new Intl.DisplayNames(["en"], { type: "region" }).of(String(code)) || String(code);
  } catch {
    return String(code);
  }
}
