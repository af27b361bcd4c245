"""The review console from the command line.

  python -m console serve                        # on HOST:CONSOLE_PORT
  python -m console add-reviewer USERNAME        # asks for the password
  python -m console add-reviewer USERNAME --role team   # a member of the managed access team
  echo "$PASSWORD" | python -m console add-reviewer USERNAME --password-stdin
  python -m console reset-password USERNAME      # an administrator's reset; its sessions end
  python -m console disable USERNAME             # no more logins; its sessions end
  python -m console enable USERNAME
"""
from __future__ import annotations

import argparse
import getpass
import sys
from typing import List, Optional

from bot.config import load_settings
from console import accounts
from storage.engine import project_engine
from storage.engine import transcripts_engine as tracker_engine
from storage.migrate import upgrade_project, upgrade_transcripts


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m console", description="The review console of stored conversations.")
    sub = p.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="start the web console on HOST:CONSOLE_PORT")
    serve.add_argument("--host", help="default: HOST")
    serve.add_argument("--port", type=int, help="default: CONSOLE_PORT")
    add = sub.add_parser("add-reviewer", help="create an account: a reviewer, or a member of the team")
    add.add_argument("username")
    add.add_argument("--role", choices=accounts.ROLES, default="reviewer",
                     help="reviewer: redacted transcripts; team: the request desk with contact details")
    add.add_argument("--password-stdin", action="store_true", help="read the password from the first line of stdin")
    reset = sub.add_parser("reset-password", help="set a new password for an account; its sessions end")
    reset.add_argument("username")
    reset.add_argument("--password-stdin", action="store_true", help="read the password from the first line of stdin")
    for name, text in (("disable", "the account can no longer log in; its sessions end"),
                       ("enable", "the account can log in again")):
        sub.add_parser(name, help=text).add_argument("username")
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
    if args.command != "serve":
        try:
            if args.command == "add-reviewer":
                accounts.add_reviewer(engine, args.username, _password(args.password_stdin), role=args.role)
                print(f"{'team member' if args.role == 'team' else 'reviewer'} {args.username} created")
            elif args.command == "reset-password":
                accounts.reset_password(engine, args.username, _password(args.password_stdin))
                print(f"password of {args.username} reset; its sessions have ended")
            else:
                accounts.set_disabled(engine, args.username, args.command == "disable")
                print(f"{args.username} {args.command}d")
        except accounts.AccountError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        return 0
    from aiohttp import web

    from console.app import create_app

    host, port = args.host or settings.host, args.port or settings.console_port
    project = upgrade_project(project_engine(settings))
    app = create_app(engine, settings.console_session_minutes, project_engine=project, settings=settings)
    if not accounts.reviewer_count(engine):
        print("No reviewer yet: create one with  python -m console add-reviewer USERNAME", file=sys.stderr)
    print(f"Review console on http://{host}:{port}/", flush=True)
    web.run_app(app, host=host, port=port, print=None)
    return 0


if __name__ == "__main__":
    sys.exit(main())
