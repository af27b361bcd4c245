"""The team's queue tool.

  python -m cli.handoff list [--status received] [--urgent | --not-urgent]
  python -m cli.handoff show MA-XXXX-XXXX
  python -m cli.handoff set-status MA-XXXX-XXXX acknowledged --actor "J. Doe" [--assignee "Dr A. Lee"]
  python -m cli.handoff set-status MA-XXXX-XXXX closed --reason supply_agreed --actor "J. Doe"
  python -m cli.handoff assign MA-XXXX-XXXX "Dr A. Lee" --actor "J. Doe"
  python -m cli.handoff alerts           # alert the team about requests half out of time, once
  python -m cli.handoff drain            # send the emails that are due, once
  python -m cli.handoff worker           # alerts and sending, every --interval seconds

Acknowledging a request (or putting it in review) emails the requester who
handles it; closing it emails them the reason's category.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from typing import List, Optional

from bot.config import Settings, load_settings
from bot.handoff.deadlines import clock_of
from bot.handoff.requests import CLOSE_REASONS, STATUSES, HandoffError, Request, now_utc
from bot.handoff.use_cases import alert_half_time, assign_request, change_status
from mail.mailers import mailer_for
from mail.outbox import drain_outbox, pending_count
from storage import requests as records
from storage.engine import engine_for
from storage.migrate import upgrade_project


def _line(r: Request, settings: Settings) -> str:
    flag = "URGENT " if r.urgent else ""
    line = (f"{r.reference}  {flag}{r.status:<12} {r.queue:<19} {r.country or '--'}  "
            f"created {r.created_at:%Y-%m-%d %H:%M}  ack by {r.acknowledge_by}")
    if r.status == "received":
        timing = clock_of(r.created_at, r.acknowledge_by, r.country, now_utc(), settings.default_country,
                          settings.business_hours)
        line += f"  ({timing.describe()})"
    return line


def _show(engine, reference: str, settings: Settings) -> str:
    request = records.get_request(engine, reference)
    if not request:
        raise HandoffError(f"no request with reference {reference!r}")
    out = [_line(request, settings), f"conversation: {request.conversation_id}", f"kind: {request.kind}",
           f"language: {request.language}", f"handled by: {request.assignee or '-'}"]
    if request.close_reason:
        out.append(f"closed: {CLOSE_REASONS[request.close_reason]}")
    out += ["contact: " + json.dumps(request.contact, ensure_ascii=False),
            "assessment: " + json.dumps(request.assessment, ensure_ascii=False, indent=2, default=str), "history:"]
    for e in records.events_for(engine, request.reference):
        change = f"{e['from_status'] or ''} -> {e['to_status']}" if e["to_status"] else ""
        words = " ".join(part for part in (e["action"], change, e["detail"] or "") if part)
        out.append(f"  {e['at']:%Y-%m-%d %H:%M} {e['actor']}: {words}")
    out.append("emails:")
    for m in records.emails_of(engine, request):
        when = f"sent {m['sent_at']:%Y-%m-%d %H:%M}" if m["sent_at"] else f"{m['status']} ({m['attempts']} attempts)"
        out.append(f"  {m['kind']:<17} to {m['recipient']}: {m['subject']} [{when}]")
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
    st.add_argument("--assignee", help="who handles it (named in the acknowledgement; default: the actor)")
    assign = sub.add_parser("assign", help="give a request to a team member; recorded with who and when")
    assign.add_argument("reference")
    assign.add_argument("assignee")
    assign.add_argument("--actor", required=True, help="who makes the change")
    sub.add_parser("alerts", help="alert the team about requests unacknowledged at half of their time (once each)")
    sub.add_parser("drain", help="send the emails that are due")
    worker = sub.add_parser("worker", help="alerts and due emails until stopped")
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
            print("\n".join(_line(r, settings) for r in rows) if rows else "no requests")
        elif args.command == "show":
            print(_show(engine, args.reference, settings))
        elif args.command == "set-status":
            r = change_status(store, args.reference, args.status, args.actor, now_utc, settings, args.reason,
                              args.note, args.assignee)
            print(_line(r, settings))
        elif args.command == "assign":
            print(_line(assign_request(store, args.reference, args.assignee, args.actor, now_utc), settings))
        elif args.command == "alerts":
            alerted = alert_half_time(store, now_utc, settings)
            print(f"alerted {len(alerted)}" + "".join(f"\n  {r.reference}" for r in alerted))
        elif args.command == "drain":
            result = drain_outbox(engine, mailer_for(settings), settings.mail_from)
            print(f"sent {result.sent}, failed {result.failed}, pending {pending_count(engine)}")
        elif args.command == "worker":
            mailer = mailer_for(settings)
            while True:
                alerted = alert_half_time(store, now_utc, settings)
                if alerted:
                    print(f"alerted the team about {', '.join(r.reference for r in alerted)}", flush=True)
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
