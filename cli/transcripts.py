"""Stored conversations from the command line (the review console's
operations, for scripting).

  python -m cli.transcripts list [--flag adverse_event] [--since 2026-11-01] [--country FR] [--text rash]
  python -m cli.transcripts show CONVERSATION_ID
  python -m cli.transcripts export --format csv|json [filters] > export.csv
  python -m cli.transcripts erase CONVERSATION_ID --actor "dpo@example.com"
  python -m cli.transcripts retention [--days N] [--request-days M] --actor "retention-job"
      (defaults RETENTION_DAYS for conversations, REQUEST_RETENTION_DAYS for handoff requests)
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from typing import List, Optional

from bot.config import load_settings
from bot.transcripts.flags import FLAGS
from storage import review
from storage.engine import project_engine
from storage.engine import transcripts_engine as tracker_engine
from storage.erasure import apply_request_retention, apply_retention, erase
from storage.migrate import upgrade_project, upgrade_transcripts


def _filters(args) -> review.Filters:
    return review.Filters(
        since=args.since, until=args.until, role=args.role, country=(args.country or "").upper() or None,
        scheme=args.scheme, flag=args.flag, reviewed=args.reviewed, text=args.text, limit=args.limit)


def _add_filters(p: argparse.ArgumentParser) -> None:
    day = dt.date.fromisoformat
    p.add_argument("--since", type=day)
    p.add_argument("--until", type=day)
    p.add_argument("--role")
    p.add_argument("--country")
    p.add_argument("--scheme")
    p.add_argument("--flag", choices=sorted(FLAGS))
    p.add_argument("--text", help="search the (redacted) messages")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--reviewed", dest="reviewed", action="store_const", const=True)
    group.add_argument("--not-reviewed", dest="reviewed", action="store_const", const=False)
    p.add_argument("--limit", type=int, default=200)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m cli.transcripts", description="Review stored (redacted) conversations.")
    sub = p.add_subparsers(dest="command", required=True)
    _add_filters(sub.add_parser("list", help="conversations, newest first"))
    show = sub.add_parser("show", help="one transcript in order")
    show.add_argument("conversation")
    export = sub.add_parser("export", help="the filtered set as CSV or JSON (redacted)")
    export.add_argument("--format", choices=("csv", "json"), default="json")
    _add_filters(export)
    er = sub.add_parser("erase", help="erase one conversation, its reviewers' comments and its handoff "
                                      "requests' contact details (erasure request); logged without content")
    er.add_argument("conversation")
    er.add_argument("--actor", required=True)
    ret = sub.add_parser("retention", help="delete conversations older than N days and handoff requests "
                                           "not updated for M days")
    ret.add_argument("--days", type=int, help="conversations; default: RETENTION_DAYS from .env")
    ret.add_argument("--request-days", type=int, help="handoff requests; default: REQUEST_RETENTION_DAYS from .env")
    ret.add_argument("--actor", required=True)
    return p


def main(argv: Optional[List[str]] = None) -> int:
    args = parser().parse_args(argv)
    settings = load_settings()
    engine = upgrade_transcripts(tracker_engine(settings))
    if args.command == "list":
        rows = review.list_conversations(engine, _filters(args))
        for s in rows:
            flagged = ",".join(sorted(s.flags)) or "-"
            print(f"{s.sender_id}  last {review._iso(s.last_at)}  {s.role or '-'} {s.country or '-'} "
                  f"{s.pathway or '-'}  flags {flagged}  {'reviewed' if s.reviewed else 'not reviewed'}")
        if not rows:
            print("no conversations")
    elif args.command == "show":
        lines = review.transcript(engine, args.conversation)
        if not lines:
            print(f"error: no conversation {args.conversation!r}", file=sys.stderr)
            return 2
        for line in lines:
            if line["who"] in ("user", "bot"):
                extra = f"  [{line['intent']} {line['confidence']:.2f}]" if line["who"] == "user" and line.get("intent") else ""
                print(f"{review._iso(line['at'])} {line['who']:>4}: {line['text']}{extra}")
                if line.get("custom"):
                    print(f"{'':26}payload: {json.dumps(line['custom'], ensure_ascii=False)}")
            elif line["who"] == "slot":
                print(f"{'':20}slot {line['name']} = {line['value']!r}")
            else:
                print(f"{'':20}action {line['name']}")
    elif args.command == "export":
        rows = review.export_rows(engine, _filters(args))
        if args.format == "json":
            json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
            print()
        else:
            sys.stdout.write(review.export_csv(rows))
    elif args.command == "erase":
        erased = erase(engine, upgrade_project(project_engine(settings)), args.conversation, args.actor)
        print(f"erased {erased.events} events, {erased.comments} review comments and the contact details of "
              f"{erased.requests} handoff requests of {args.conversation}")
    elif args.command == "retention":
        days = args.days if args.days is not None else settings.retention_days
        request_days = args.request_days if args.request_days is not None else settings.request_retention_days
        if min(days, request_days) < 1:
            print("error: retention must be at least one day", file=sys.stderr)
            return 2
        count = apply_retention(engine, days, args.actor)
        print(f"deleted {count} conversations older than {days} days")
        count = apply_request_retention(upgrade_project(project_engine(settings)), engine, request_days, args.actor)
        print(f"deleted {count} handoff requests not updated for {request_days} days")
    return 0


if __name__ == "__main__":
    sys.exit(main())
