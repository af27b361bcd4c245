import pytest

from bot.config import PROJECT_ROOT, Settings
from bot.knowledge import get_knowledge_base

FACT_SHEET_URLS = {
    # The fact sheet's own names for its primary sources, used in test ids.
    "ANSM AAC reference": "https://ansm.sante.fr/documents/reference/les-acces-compassionnels-aac",
    "CSP L5121-12-1": "https://juriblio.fr/codes/code-de-la-sante-publique/partie-legislative/cinquieme-partie/livre-ier/titre-ii/chapitre-ier/article-l5121-12-1",
    "CSP L5121-12": "https://french-business-law.com/french-legislation-art/article-l5121-12-of-the-french-public-health-code",
    "HAS early access page": "https://has-sante.fr/jcms/r_1500918/fr/acces-precoce-a-un-medicament?portal=p_3058934",
    "ANSM CPC page": "https://ansm.sante.fr/documents/reference/medicaments-en-acces-derogatoires/les-cadres-de-prescription-compassionnelle-cpc",
    "Ordre des pharmaciens hors AMM": "https://www.ordre.pharmacien.fr/je-suis/pharmacien/pharmacien/mon-exercice-professionnel/les-fiches-professionnelles/les-prescriptions-et-delivrances-hors-amm-a-l-officine",
    "ANSM device derogation page": "https://ansm.sante.fr/vos-demarches/professionel-de-sante/utiliser-un-dm-depourvu-de-marquage-ce-dans-le-cadre-dune-derogation",
    "Company MAP page": "https://sanofi.com/en/science-and-innovation/clinical-trials-and-results/sanofi-manage-access-program",
}


# Fixtures that start real servers, and the review console on a test database.
pytest_plugins = ("tests.services", "tests.console_server")

# Fixtures that start a real server (tests/services.py): a test using one is
# an integration test unless it is already end-to-end.
SERVER_FIXTURES = frozenset({"postgres_url", "redis_url", "smtp_server", "nginx_path", "chromium_path", "browser"})
TIERS = ("integration", "e2e")


def pytest_collection_modifyitems(items):
    for item in items:
        if SERVER_FIXTURES & set(getattr(item, "fixturenames", ())) and not any(
                item.get_closest_marker(tier) for tier in TIERS):
            item.add_marker(pytest.mark.integration)


def pytest_fixture_setup(fixturedef, request):
    """A unit test must not start a server, also not through
    request.getfixturevalue() (which the marking above cannot see)."""
    test = getattr(request, "_pyfuncitem", None)
    if fixturedef.argname in SERVER_FIXTURES and test is not None and not any(
            test.get_closest_marker(tier) for tier in TIERS):
        pytest.fail(f"{test.nodeid} starts a server ({fixturedef.argname}): mark it integration or e2e",
                    pytrace=False)


@pytest.fixture(scope="session")
def kb():
    return get_knowledge_base(PROJECT_ROOT / "data" / "knowledge")


@pytest.fixture(scope="session")
def settings():
    return Settings(
        company_name="Test Pharma",
        medical_info_contact="MI-CONTACT",
        urgent_contact="URGENT-LINE",
        pharmacovigilance_contact="PV-CONTACT",
        ack_business_days=1,
        host="127.0.0.1",
        rasa_port=5005,
        action_port=5055,
        chat_port=8080,
        console_port=8081,
        console_session_minutes=30,
        rasa_api_token="t",
        tracker_db_url=str(PROJECT_ROOT / "var" / "test.db"),
        tracker_store_url="",
        lock_store_url="",
        retention_days=365,
        knowledge_dir=PROJECT_ROOT / "data" / "knowledge",
        database_url="sqlite:///:memory:",
        default_country="FR",
        team_email="team@example.com",
        mail_from="assistant@example.com",
        smtp_host="",
        smtp_port=25,
        smtp_user="",
        smtp_password="",
        smtp_starttls=False,
        mail_dir=PROJECT_ROOT / "var" / "test-mail",
        managed_access_contact="MA-CONTACT",
    )


PHYSICIAN_FR = {"role": "physician", "country": "FR"}
ALL_MET = {
    "in_company_trial": False,
    "trial_available": False,
    "serious_condition": True,
    "alternatives_exhausted": True,
    "previously_treated": False,
}

# A physician's case that leads to FR_AAC, and a handoff form filled in.
FR_AAC = {"role": "physician", "country": "FR", "product_type": "medicine", "authorisation": "not_authorised",
          "in_development": False, **ALL_MET}
HANDOFF_FILLED = {"contact_name": "[provided]", "contact_institution": "[provided]", "contact_email": "[provided]",
                  "contact_phone": "[provided]", "contact_time": "[provided]", "contact_consent": True}
DRAFT = {"name": "Dr Jane Martin", "institution": "CHU de Lyon", "email": "jane@chu-lyon.fr", "phone": "+33472112233",
         "contact_time": "mornings"}
