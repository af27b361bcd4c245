"""The chat page server: it tells the widget where the REST channel listens
(so the port is configured in one place, .env), publishes only the pages and
the built widget, sends the pages with a strict Content-Security-Policy, and
lets only the configured sites read config.json. Rasa's CORS list is the
chat page plus WIDGET_ORIGINS."""
from dataclasses import replace
from pathlib import Path

import pytest
import requests

from bot.config import load_settings
from services.run import allowed_origins, commands, free_port, serve_chat_page

OTHER_SITE = "https://www.example.com"


@pytest.fixture
def chat_page(tmp_path):
    """The chat page server with a stand-in widget bundle in a temporary dist/."""
    (tmp_path / "widget.js").write_text("/* bundle */")
    settings = replace(load_settings(), host="127.0.0.1", chat_port=free_port(), rasa_port=6123,
                       retention_days=90, widget_origins=(OTHER_SITE,))
    httpd = serve_chat_page(settings, dist=tmp_path)
    yield f"http://127.0.0.1:{settings.chat_port}", settings, tmp_path
    httpd.shutdown()
    httpd.server_close()


def test_config_json_gives_the_rest_address_and_the_notice_facts_from_settings(chat_page):
    base, settings, _ = chat_page
    config = requests.get(f"{base}/config.json", timeout=5).json()
    assert config["rest_url"] == "http://127.0.0.1:6123/webhooks/rest/webhook"
    assert config["server_url"] == "http://127.0.0.1:6123"
    assert config["retention_days"] == 90
    assert config["company_name"] == settings.company_name
    assert config["pharmacovigilance_contact"] == settings.pharmacovigilance_contact


def test_the_pages_load_the_widget_under_a_strict_policy(chat_page):
    base, _, _ = chat_page
    for path in ("/", "/embed.html"):
        page = requests.get(base + path, timeout=5)
        assert page.status_code == 200 and page.headers["Content-Type"].startswith("text/html")
        assert 'src="widget.js"' in page.text and "data-config=" in page.text
        policy = page.headers["Content-Security-Policy"]
        assert "script-src 'self';" in policy and "unsafe-inline" not in policy
        assert "connect-src 'self' http://127.0.0.1:6123" in policy and "frame-ancestors 'none'" in policy
        assert page.headers["X-Content-Type-Options"] == "nosniff"
    widget = requests.get(f"{base}/widget.js", timeout=5)
    assert widget.status_code == 200 and widget.text == "/* bundle */"
    assert widget.headers["Content-Type"].startswith("text/javascript")


def test_only_the_published_files_are_served(chat_page):
    base, _, _ = chat_page
    for path in ("/src/index.js", "/web/src/index.js", "/node_modules/axe-core/axe.min.js", "/package.json",
                 "/package-lock.json", "/public/index.html", "/../README.md", "/missing.js", "/dist/widget.js"):
        assert requests.get(base + path, timeout=5).status_code == 404, path


def test_an_unbuilt_widget_is_a_clear_error(chat_page):
    base, _, dist = chat_page
    (dist / "widget.js").unlink()
    response = requests.get(f"{base}/widget.js", timeout=5)
    assert response.status_code == 503 and "make web" in response.text


def test_config_json_is_readable_from_listed_sites_only(chat_page):
    base, _, _ = chat_page
    listed = requests.get(f"{base}/config.json", headers={"Origin": OTHER_SITE}, timeout=5)
    assert listed.headers["Access-Control-Allow-Origin"] == OTHER_SITE
    unlisted = requests.get(f"{base}/config.json", headers={"Origin": "https://evil.example"}, timeout=5)
    assert "Access-Control-Allow-Origin" not in unlisted.headers


def test_rasa_allows_the_chat_page_and_the_widget_origins(monkeypatch):
    monkeypatch.setenv("WIDGET_ORIGINS", "https://www.example.com/, http://intranet.example:8000")
    settings = replace(load_settings(), host="127.0.0.1", chat_port=8080)
    assert allowed_origins(settings) == [
        "http://127.0.0.1:8080", "https://www.example.com", "http://intranet.example:8000"]
    _, server = commands(settings, Path("model.tar.gz"))
    assert server[server.index("--cors") + 1:] == allowed_origins(settings)


def test_a_malformed_widget_origin_is_refused(monkeypatch):
    monkeypatch.setenv("WIDGET_ORIGINS", "www.example.com/chat")
    with pytest.raises(ValueError, match="WIDGET_ORIGINS"):
        load_settings()


def test_by_default_only_the_chat_page_is_allowed(monkeypatch):
    monkeypatch.setenv("WIDGET_ORIGINS", "")
    settings = replace(load_settings(), host="127.0.0.1", chat_port=8080)
    assert allowed_origins(settings) == ["http://127.0.0.1:8080"]
