"""The mail outbox: a request and its email are stored together;
`drain_outbox` sends what is due and, when the SMTP server cannot be
reached, keeps the email and tries again later with a growing delay. A row
is leased before sending so that two workers never send it twice."""
from __future__ import annotations

import datetime as dt
import smtplib
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from typing import Optional

from sqlalchemy import and_, or_, select, update
from sqlalchemy.engine import Engine

from bot.config import Settings
from mail.mailers import Mailer, mailer_for
from storage.schema import outbox

LEASE = dt.timedelta(seconds=120)
MAX_DELAY = dt.timedelta(minutes=15)


def retry_delay(attempts: int) -> dt.timedelta:
    """30 s, 1 min, 2 min, ... up to 15 min (the exponent is capped so a long
    outage cannot overflow)."""
    return min(dt.timedelta(seconds=30 * 2 ** min(max(attempts - 1, 0), 10)), MAX_DELAY)


def _message(row, sender: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = row.recipient
    message["Subject"] = row.subject
    message["Date"] = format_datetime(row.created_at if row.created_at.tzinfo else row.created_at.replace(tzinfo=dt.timezone.utc))
    # Stable per outbox row, so a copy delivered twice is recognisable.
    message["Message-ID"] = make_msgid(idstring=f"outbox-{row.id}", domain="managed-access.local")
    message.set_content(row.body)
    return message


@dataclass
class DrainResult:
    sent: int = 0
    failed: int = 0


def drain_outbox(engine: Engine, mailer: Mailer, sender: str, now: Optional[dt.datetime] = None, batch: int = 50) -> DrainResult:
    """Send every due email once; failures stay pending for a later attempt."""
    now = now or dt.datetime.now(dt.timezone.utc)
    result = DrainResult()
    with engine.connect() as conn:
        due = conn.execute(
            select(outbox.c.id)
            .where(and_(outbox.c.status == "pending", outbox.c.next_attempt_at <= now))
            .order_by(outbox.c.id)
            .limit(batch)
        ).scalars().all()
    for row_id in due:
        with engine.begin() as conn:
            claimed = conn.execute(
                update(outbox)
                .where(and_(outbox.c.id == row_id, outbox.c.status == "pending",
                            or_(outbox.c.claimed_until.is_(None), outbox.c.claimed_until < now)))
                .values(claimed_until=now + LEASE)
            ).rowcount
            row = conn.execute(select(outbox).where(outbox.c.id == row_id)).one() if claimed else None
        if row is None:
            continue  # another worker has it
        try:
            mailer.send(_message(row, sender))
        except (OSError, smtplib.SMTPException) as exc:
            attempts = row.attempts + 1
            with engine.begin() as conn:
                conn.execute(update(outbox).where(outbox.c.id == row_id).values(
                    attempts=attempts, last_error=f"{type(exc).__name__}: {exc}"[:1000],
                    next_attempt_at=now + retry_delay(attempts), claimed_until=None,
                ))
            result.failed += 1
            continue
        with engine.begin() as conn:
            conn.execute(update(outbox).where(outbox.c.id == row_id).values(
                status="sent", attempts=row.attempts + 1, sent_at=now, claimed_until=None, last_error=None,
            ))
        result.sent += 1
    return result


def pending_count(engine: Engine) -> int:
    with engine.connect() as conn:
        return len(conn.execute(select(outbox.c.id).where(outbox.c.status == "pending")).all())


@dataclass(frozen=True)
class OutboxNotifier:
    """The notifier port (bot.handoff.ports.Notifier): drains the outbox with
    the configured mailer. Blocking: call it from a thread in async code."""

    engine: Engine
    mailer: Mailer
    sender: str

    @classmethod
    def configured(cls, engine: Engine, settings: Settings) -> "OutboxNotifier":
        return cls(engine, mailer_for(settings), settings.mail_from)

    def send_due(self) -> DrainResult:
        return drain_outbox(self.engine, self.mailer, self.sender)
