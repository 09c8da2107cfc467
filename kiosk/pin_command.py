"""`kiosk set-pin`: the command that stores a new staff PIN."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kiosk.config import load_settings


def set_pin(argv: list[str]) -> int:
    """`kiosk set-pin [--config FILE] [--min-digits N]`: store a new staff PIN as a salted
    hash, editing the configuration file as TOML (see kiosk.staff_pin.write_pin_hash)."""
    from kiosk.staff_pin import FLOOR_DIGITS, MIN_DIGITS, check_new_pin, hash_pin, write_pin_hash

    parser = argparse.ArgumentParser(prog="kiosk set-pin", description="Set the staff PIN.")
    parser.add_argument("--config", type=Path, metavar="FILE", help="configuration file")
    parser.add_argument(
        "--min-digits",
        type=int,
        default=MIN_DIGITS,
        metavar="N",
        help=f"shortest PIN accepted (default {MIN_DIGITS}, at least {FLOOR_DIGITS}); a "
        "4-digit PIN falls to offline guessing in minutes if the file is read",
    )
    args = parser.parse_args(argv)
    if args.min_digits < FLOOR_DIGITS:
        parser.error(f"--min-digits must be at least {FLOOR_DIGITS}")
    path = args.config or _standard_config_file()
    _, problems = load_settings(path)
    if any(problem.message.startswith(("syntax error", "cannot read")) for problem in problems):
        print(f"kiosk set-pin: fix {path} first: {problems[0]}", file=sys.stderr)
        return 2
    import getpass

    try:
        pin = getpass.getpass("New staff PIN (digits): ")
        again = getpass.getpass("Same PIN again: ")
    except (EOFError, KeyboardInterrupt):  # no input, Ctrl-D or Ctrl-C
        print("\nkiosk set-pin: cancelled; nothing changed", file=sys.stderr)
        return 1
    if pin != again:
        print("kiosk set-pin: the two PINs differ; nothing changed", file=sys.stderr)
        return 2
    try:
        check_new_pin(pin, args.min_digits)
        pin_hash = hash_pin(pin)
    except ValueError as error:
        print(f"kiosk set-pin: {error}; nothing changed", file=sys.stderr)
        return 2
    try:
        write_pin_hash(path, pin_hash)
    except (OSError, ValueError) as error:
        print(f"kiosk set-pin: {error}; no PIN set", file=sys.stderr)
        return 2
    print(f"Staff PIN set in {path}")
    return 0


def _standard_config_file() -> Path:
    from kiosk.paths import AppPaths

    return AppPaths.standard().config_file
