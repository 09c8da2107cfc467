"""``kiosk publish`` (content team) and ``kiosk stats`` (staff, on a kiosk).

Exit codes: 0 done, 1 refused (the message says why), 2 bad command line.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from kiosk.fleet.keys import ROLES


def _parse(parser: argparse.ArgumentParser, argv: list[str]) -> argparse.Namespace | int:
    try:
        return parser.parse_args(argv)
    except SystemExit as exit_:  # --help, or a bad option (argparse already printed why)
        return exit_.code if isinstance(exit_.code, int) else 2


def _expiry_days(text: str) -> tuple[str, int]:
    role, _, days = text.partition("=")
    if role not in ROLES or not days.isdigit() or int(days) < 1:
        raise argparse.ArgumentTypeError(f"{text!r}: expected ROLE=DAYS, ROLE one of {ROLES}")
    return role, int(days)


def publish_main(argv: list[str]) -> int:
    from kiosk.fleet.publish import Expiry, PublishError, init, publish, rotate_key

    parser = argparse.ArgumentParser(
        prog="kiosk publish",
        description="Check CONTENT_DIR (kiosk check --strict), pack it as the next release "
        "and sign it into the TUF repository REPO_DIR, which any static web server, file "
        "share or USB stick can then carry to the kiosks.",
    )
    parser.add_argument("content", type=Path, metavar="CONTENT_DIR")
    parser.add_argument("repo", type=Path, metavar="REPO_DIR")
    parser.add_argument(
        "--keys",
        type=Path,
        required=True,
        metavar="DIR",
        help="folder of the signing keys: root.pem, targets.pem, snapshot.pem, "
        "timestamp.pem (root.pem only for --init, renewal and rotation)",
    )
    parser.add_argument(
        "--init", action="store_true", help="create REPO_DIR and the missing keys first"
    )
    parser.add_argument(
        "--rotate-key",
        choices=ROLES,
        metavar="ROLE",
        help="replace ROLE's key first (needs root.pem)",
    )
    parser.add_argument(
        "--expires",
        type=_expiry_days,
        action="append",
        default=[],
        metavar="ROLE=DAYS",
        help="validity of ROLE's metadata (default: root=365 targets=180 snapshot=30 timestamp=30)",
    )
    args = _parse(parser, argv)
    if isinstance(args, int):
        return args
    expiry = Expiry(**dict(args.expires))
    try:
        if args.init:
            for line in init(args.repo, args.keys, expiry):
                print(f"kiosk publish: {line}")
        if args.rotate_key:
            for line in rotate_key(args.repo, args.keys, args.rotate_key, expiry):
                print(f"kiosk publish: {line}")
        result = publish(args.content, args.repo, args.keys, expiry)
    except PublishError as error:
        print(f"kiosk publish: {error}", file=sys.stderr)
        return 1
    for line in result.messages:
        print(f"kiosk publish: {line}")
    for line in result.warnings:
        print(f"kiosk publish: WARNING: {line}", file=sys.stderr)
    return 0


def stats_main(argv: list[str]) -> int:
    from kiosk.fleet.figures import COUNTERS, Figures, export_csv

    parser = argparse.ArgumentParser(
        prog="kiosk stats",
        description="Print this kiosk's anonymous usage figures, or export them as CSV.",
    )
    parser.add_argument(
        "--folder",
        type=Path,
        metavar="DIR",
        help="figures folder (default: figures_dir from the configuration)",
    )
    parser.add_argument("--config", type=Path, metavar="FILE", help="configuration file")
    parser.add_argument(
        "--csv",
        nargs=2,
        type=date.fromisoformat,
        metavar=("FROM", "TO"),
        help="export the days FROM to TO (YYYY-MM-DD, inclusive) as CSV",
    )
    parser.add_argument("--output", type=Path, metavar="FILE", help="CSV file (default: print)")
    args = _parse(parser, argv)
    if isinstance(args, int):
        return args
    folder = args.folder or _configured_folder(args.config)
    if folder is None:
        print(
            "kiosk stats: no figures folder: give --folder DIR or set figures_dir", file=sys.stderr
        )
        return 1
    if args.csv:
        text = export_csv(folder, *args.csv)
        if args.output:
            args.output.write_text(text, encoding="utf-8")
        else:
            sys.stdout.write(text)
        return 0
    if not (folder / "figures.json").is_file():
        print(f"kiosk stats: no figures in {folder} yet", file=sys.stderr)
        return 1
    figures = Figures(folder)
    print(f"content release: {figures.release or 'own content'}")
    print(f"last update check: {figures.last_check or 'never'}")
    print(f"average seconds per page: {figures.average_page_seconds():.1f}")
    for name in COUNTERS:
        for key, value in sorted(figures.totals.items()):
            counter, *labels = key.split("|")
            if counter == name:
                print(f"{name} {' '.join(labels)}".rstrip() + f": {value:g}")
    return 0


def _configured_folder(config: Path | None) -> Path | None:
    """``figures_dir`` from the configuration, once the option exists there."""
    try:
        from kiosk.config import load_settings

        settings, _ = load_settings(config)
    except Exception:  # a broken file is reported by the kiosk itself, not here
        return None
    value = getattr(settings, "figures_dir", None)
    return Path(value).expanduser() if value else None
