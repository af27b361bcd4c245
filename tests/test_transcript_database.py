"""Where conversations are stored is chosen by configuration alone."""
from dataclasses import replace

import pytest

from bot.config import PROJECT_ROOT
from services.deployment import TRACKER_STORE_TYPE, tracker_store_config


def test_sqlite_is_the_embedded_default(settings):
    url = settings.tracker_url
    assert url == f"sqlite:///{PROJECT_ROOT / 'var/test.db'}"
    assert tracker_store_config(url) == {"type": TRACKER_STORE_TYPE, "dialect": "sqlite",
                                         "db": str(PROJECT_ROOT / "var/test.db")}


def test_postgresql_by_configuration(settings):
    pg = replace(settings, tracker_store_url="postgresql://rasa:s3cret@db.internal:6543/conversations")
    assert tracker_store_config(pg.tracker_url) == {
        "type": TRACKER_STORE_TYPE, "dialect": "postgresql", "url": "db.internal", "port": 6543,
        "db": "conversations", "username": "rasa", "password": "s3cret"}


def test_other_databases_are_refused_with_a_clear_message():
    with pytest.raises(ValueError, match="sqlite or postgresql"):
        tracker_store_config("mysql://u@h/db")
