"""The throwaway servers of tests/services.py really start and really work."""
import smtplib
from email.message import EmailMessage

import pytest
import redis
from sqlalchemy import create_engine, text


def test_postgres_stores_and_returns_a_row(postgres_url):
    assert postgres_url.startswith("postgresql://") and postgres_url.endswith("/testdb")
    engine = create_engine(postgres_url, future=True)
    try:
        with engine.begin() as conn:
            conn.execute(text("CREATE TABLE IF NOT EXISTS greeting (id serial PRIMARY KEY, word text NOT NULL)"))
            conn.execute(text("INSERT INTO greeting (word) VALUES (:word)"), {"word": "bonjour"})
        with engine.connect() as conn:
            assert conn.execute(text("SELECT word FROM greeting")).scalars().all() == ["bonjour"]
            assert conn.execute(text("SELECT current_database()")).scalar_one() == "testdb"
    finally:
        engine.dispose()


def test_redis_answers_and_keeps_a_key(redis_url):
    client = redis.Redis.from_url(redis_url)
    try:
        assert client.ping() is True
        client.set("greeting", "bonjour")
        assert client.get("greeting") == b"bonjour"
    finally:
        client.close()


def send(server, subject, body):
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = "bot@example.com", "team@example.com", subject
    message.set_content(body)
    with smtplib.SMTP(server.host, server.port, timeout=5) as smtp:
        smtp.send_message(message)


def test_smtp_receives_mail_goes_down_and_comes_back_on_the_same_port(smtp_server):
    send(smtp_server, "Request MA-1", "First message")
    [first] = smtp_server.messages
    assert first["Subject"] == "Request MA-1"
    assert first.get_content().strip() == "First message"
    assert first.rcpt_tos == ["team@example.com"] and first.mail_from == "bot@example.com"

    port = smtp_server.port
    smtp_server.stop()
    with pytest.raises(ConnectionRefusedError):
        send(smtp_server, "Lost", "Nobody is listening")

    smtp_server.start()
    assert smtp_server.port == port
    send(smtp_server, "Request MA-2", "Second message")
    assert [m["Subject"] for m in smtp_server.messages] == ["Request MA-1", "Request MA-2"]
    assert smtp_server.messages[1].get_content().strip() == "Second message"
