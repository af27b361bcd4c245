"""The chat page server tells the page where the REST channel listens, so the
port is configured in one place (.env)."""
from dataclasses import replace

import requests

from bot.config import load_settings
from scripts.run import serve_chat_page
from tests.support import free_port


def test_chat_page_reads_the_rest_address_from_settings():
    settings = replace(load_settings(), host="127.0.0.1", chat_port=free_port(), rasa_port=6123)
    httpd = serve_chat_page(settings)
    try:
        base = f"http://127.0.0.1:{settings.chat_port}"
        assert requests.get(f"{base}/config.json", timeout=5).json() == {
            "rest_url": "http://127.0.0.1:6123/webhooks/rest/webhook"}
        page = requests.get(f"{base}/", timeout=5)
        assert page.status_code == 200 and 'fetch("config.json")' in page.text
        assert requests.get(f"{base}/missing.js", timeout=5).status_code == 404
    finally:
        httpd.shutdown()
        httpd.server_close()
