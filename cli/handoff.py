"""The team's queue tool.

  python -m cli.handoff list [--status received] [--urgent | --not-urgent]
  python -m cli.handoff show MA-XXXX-XXXX
  python -m cli.handoff set-status MA-XXXX-XXXX acknowledged --actor "J. Doe"
  python -m cli.handoff set-status MA-XXXX-XXXX closed --reason supply_agreed --actor "J. Doe"
  python -m cli.handoff drain            # send the emails that are due, once
  python -m cli.handoff worker           # keep sending, every --interval seconds
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from typing import List, Optional

from bot.config import load_settings
from bot.handoff.requests import CLOSE_REASONS, STATUSES, HandoffError, Request, now_utc
from bot.handoff.use_cases import change_status
from mail.mailers import mailer_for
from mail.outbox import drain_outbox, pending_count
from storage import requests as records
from storage.engine import engine_for
from storage.migrate import upgrade_project


def _line(r: Request) -> str:
    flag = "URGENT " if r.urgent else ""
    return (f"{r.reference}  {flag}{r.status:<12} {r.queue:<19} {r.country or '--'}  "
            f"created {r.created_at:%Y-%m-%d %H:%M}  ack by {r.acknowledge_by}")


def _show(engine, reference: str) -> str:
    request = records.get_request(engine, reference)
    if not request:
        raise HandoffError(f"no request with reference {reference!r}")
    out = [_line(request), f"conversation: {request.conversation_id}", f"kind: {request.kind}"]
    if request.close_reason:
        out.append(f"closed: {CLOSE_REASONS[request.close_reason]}")
    out += ["contact: " + json.dumps(request.contact, ensure_ascii=False),
            "assessment: " + json.dumps(request.assessment, ensure_ascii=False, indent=2, default=str), "history:"]
    for e in records.events_for(engine, request.reference):
        change = f"{e['from_status'] or ''} -> {e['to_status']}" if e["to_status"] else ""
        out.append(f"  {e['at']:%Y-%m-%d %H:%M} {e['actor']}: {e['action']} {change} {e['detail'] or ''}".rstrip())
    return "\n".join(out)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m cli.handoff", description="Work the managed access request queue.")
    sub = p.add_subparsers(dest="command", required=True)
    ls = sub.add_parser("list", help="requests, urgent first, then oldest first")
    ls.add_argument("--status", choices=STATUSES)
    urgency = ls.add_mutually_exclusive_group()
    urgency.add_argument("--urgent", dest="urgent", action="store_const", const=True)
    urgency.add_argument("--not-urgent", dest="urgent", action="store_const", const=False)
    ls.add_argument("--limit", type=int, default=100)
    show = sub.add_parser("show", help="one request with its assessment and history")
    show.add_argument("reference")
    st = sub.add_parser("set-status", help="move a request on; recorded with who and when")
    st.add_argument("reference")
    st.add_argument("status", choices=STATUSES)
    st.add_argument("--actor", required=True, help="who makes the change")
    st.add_argument("--reason", choices=sorted(CLOSE_REASONS), help="required when closing")
    st.add_argument("--note")
    sub.add_parser("drain", help="send the team emails that are due")
    worker = sub.add_parser("worker", help="send due emails until stopped")
    worker.add_argument("--interval", type=float, default=15.0)
    return p


def main(argv: Optional[List[str]] = None) -> int:
    args = parser().parse_args(argv)
    settings = load_settings()
    engine = upgrade_project(engine_for(settings.database_url))
    store = records.SqlRequestStore(engine)
    try:
        if args.command == "list":
            rows = store.list(args.status, args.urgent, args.limit)
            print("\n".join(_line(r) for r in rows) if rows else "no requests")
        elif args.command == "show":
            print(_show(engine, args.reference))
        elif args.command == "set-status":
            r = change_status(store, args.reference, args.status, args.actor, now_utc, args.reason, args.note)
            print(_line(r))
        elif args.command == "drain":
            result = drain_outbox(engine, mailer_for(settings), settings.mail_from)
            print(f"sent {result.sent}, failed {result.failed}, pending {pending_count(engine)}")
        elif args.command == "worker":
            mailer = mailer_for(settings)
            while True:
                result = drain_outbox(engine, mailer, settings.mail_from)
                if result.sent or result.failed:
                    print(f"sent {result.sent}, failed {result.failed}, pending {pending_count(engine)}", flush=True)
                time.sleep(args.interval)
    except HandoffError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
