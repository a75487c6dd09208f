"""The `cjg` command for the CJG's IT staff: manage inbox accounts.

    echo "$PASSWORD" | cjg staff add anna --password-stdin --name "Anna de Vries"
    cjg staff list
    cjg staff disable anna
    cjg purge --days 30     # forget conversations quiet for 30 days (run it daily, e.g. from cron)

It works on the databases the gateway and Rasa use (CJG_DB_PATH, default
var/cjg.db, and CJG_TRACKER_DB_PATH, default var/rasa-tracker.db).
"""

from __future__ import annotations

import argparse
import getpass
import sys

from bot import retention
from bot.config import get_settings
from bot.staff import accounts
from bot.store import db_path, open_store


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("Password: ")
    if first != getpass.getpass("Password again: "):
        raise accounts.AccountError("the passwords differ")
    return first


def _staff_add(args: argparse.Namespace) -> None:
    worker = accounts.add(open_store(), args.username, _read_password(args.password_stdin), args.name)
    print(f"Added {worker.username} ({worker.display_name}) to {db_path()}.")


def _staff_list(args: argparse.Namespace) -> None:
    rows = accounts.all_accounts(open_store())
    if not rows:
        print("No accounts yet. Add one with: cjg staff add USERNAME --password-stdin")
    for row in rows:
        state = "disabled" if row["disabled"] else "active"
        seen = row["last_seen"] or "never"
        print(f"{row['username']:<20} {row['display_name'] or '':<28} {state:<9} last seen {seen}")


def _staff_disable(args: argparse.Namespace) -> None:
    accounts.disable(open_store(), args.username)
    print(f"Disabled {args.username}; their sessions have ended.")


def _purge(args: argparse.Namespace) -> None:
    done = retention.purge(open_store(), get_settings().tracker_db_path, args.days)
    print(
        f"Removed {done.conversations} conversations quiet for {args.days} days or more: {done.messages} messages, "
        f"{done.handoffs} closed hand-offs, {done.tracker_events} Rasa tracker events."
    )


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="cjg", description="CJG Assistent administration.")
    groups = main.add_subparsers(dest="group", required=True)
    staff = groups.add_parser("staff", help="staff inbox accounts").add_subparsers(dest="command", required=True)
    add = staff.add_parser("add", help="add a worker")
    add.add_argument("username")
    add.add_argument("--name", help="the name colleagues see (default: the username)")
    add.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    add.set_defaults(run=_staff_add)
    staff.add_parser("list", help="list workers").set_defaults(run=_staff_list)
    disable = staff.add_parser("disable", help="disable a worker and end their sessions")
    disable.add_argument("username")
    disable.set_defaults(run=_staff_disable)
    purge = groups.add_parser("purge", help="forget conversations that have been quiet for some days")
    purge.add_argument("--days", type=int, required=True, help="how many quiet days before a conversation goes")
    purge.set_defaults(run=_purge)
    return main


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        args.run(args)
    except ValueError as error:  # AccountError, and a bad --days
        print(f"cjg: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
