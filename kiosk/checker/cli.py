"""``kiosk check [CONTENT_DIR]``: check content before a patient sees it.

Exit code 0 when there is no error, 1 when there is one (or a warning, with ``--strict``),
2 for a bad command line. Notes (each page's score and size, its screens) never change the
exit code.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from kiosk.checker.check import Options, check
from kiosk.checker.layout_workers import default_jobs
from kiosk.checker.plain_language import MIN_READABILITY, Limits
from kiosk.resources import content_dir


def parse_args(argv: list[str]) -> argparse.Namespace:
    defaults = Limits()
    parser = argparse.ArgumentParser(
        prog="kiosk check",
        description="Check content: errors, parity between languages, plain language, layout.",
    )
    parser.add_argument(
        "content", nargs="?", type=Path, metavar="CONTENT_DIR", help="default: bundled content"
    )
    parser.add_argument("--json", action="store_true", help="print JSON for tools")
    parser.add_argument("--strict", action="store_true", help="warnings fail too (exit 1)")
    parser.add_argument("--no-layout", action="store_true", help="skip the layout checks")
    parser.add_argument(
        "--jobs",
        type=int,
        metavar="N",
        help="processes laying the displays out (default: one per display where the "
        "machine has more than one CPU)",
    )
    parser.add_argument(
        "--min-readability",
        type=float,
        default=defaults.min_readability,
        metavar="SCORE",
        help="warn below this readability score, in every language (default: "
        + ", ".join(f"{score:g} in {lang}" for lang, score in MIN_READABILITY.items())
        + ")",
    )
    parser.add_argument(
        "--max-page-words",
        type=int,
        default=defaults.max_page_words,
        metavar="N",
        help="warn about pages with more than N words (default %(default)s)",
    )
    parser.add_argument(
        "--max-sentence-words",
        type=int,
        default=defaults.max_sentence_words,
        metavar="N",
        help="warn about sentences longer than N words (default %(default)s)",
    )
    parser.add_argument(
        "--max-paragraphs",
        type=int,
        default=defaults.max_paragraphs,
        metavar="N",
        help="warn about pages with more than N paragraphs (default %(default)s)",
    )
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:
    """Run the checker; ``argv`` are the arguments after ``check``. Returns the exit code."""
    started = time.perf_counter()
    try:
        args = parse_args(argv)
    except SystemExit as exit_:  # --help, or a bad option (argparse already printed why)
        return exit_.code if isinstance(exit_.code, int) else 2
    limits = Limits(
        args.min_readability, args.max_sentence_words, args.max_paragraphs, args.max_page_words
    )
    options = Options(limits, layout=not args.no_layout, jobs=args.jobs or default_jobs())
    report = check(args.content or content_dir(), options)
    report.seconds = time.perf_counter() - started
    print(report.to_json() if args.json else report.to_text())
    return report.exit_code(strict=args.strict)
