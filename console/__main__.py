"""The review console from the command line.

  python -m console serve                        # on HOST:CONSOLE_PORT
  python -m console add-reviewer USERNAME        # asks for the password
  echo "$PASSWORD" | python -m console add-reviewer USERNAME --password-stdin
"""
from __future__ import annotations

import argparse
import getpass
import sys
from typing import List, Optional

from bot.config import load_settings
from console import accounts
from storage.engine import transcripts_engine as tracker_engine
from storage.migrate import upgrade_transcripts


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m console", description="The review console of stored conversations.")
    sub = p.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="start the web console on HOST:CONSOLE_PORT")
    serve.add_argument("--host", help="default: HOST")
    serve.add_argument("--port", type=int, help="default: CONSOLE_PORT")
    add = sub.add_parser("add-reviewer", help="create a reviewer account")
    add.add_argument("username")
    add.add_argument("--password-stdin", action="store_true", help="read the password from the first line of stdin")
    return p


def _password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    password = getpass.getpass("Password: ")
    if password != getpass.getpass("Password again: "):
        raise accounts.AccountError("the passwords differ")
    return password


def main(argv: Optional[List[str]] = None) -> int:
    args = parser().parse_args(argv)
    settings = load_settings()
    engine = upgrade_transcripts(tracker_engine(settings))
    if args.command == "add-reviewer":
        try:
            accounts.add_reviewer(engine, args.username, _password(args.password_stdin))
        except accounts.AccountError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        print(f"reviewer {args.username} created")
        return 0
    from aiohttp import web

    from console.app import create_app

    host, port = args.host or settings.host, args.port or settings.console_port
    app = create_app(engine, settings.console_session_minutes)
    if not accounts.reviewer_count(engine):
        print("No reviewer yet: create one with  python -m console add-reviewer USERNAME", file=sys.stderr)
    print(f"Review console on http://{host}:{port}/", flush=True)
    web.run_app(app, host=host, port=port, print=None)
    return 0


if __name__ == "__main__":
    sys.exit(main())
