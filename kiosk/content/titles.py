"""Topic titles read straight from the headers of each ``topic.md``, without the Markdown
pipeline: enough for the attract screen to be painted at once while the content loads.
The full load (kiosk.content.loader) replaces these titles moments later.
"""

from __future__ import annotations

import re
import stat
from pathlib import Path

LANGUAGE_DIR = re.compile(r"^[a-z]{2}$")


def peek_titles(root: Path) -> dict[str, list[str]]:
    """Titles per language folder, in the loader's order; unreadable topics are left out."""
    titles: dict[str, list[str]] = {}
    if not root.is_dir():
        return titles
    for lang_dir in sorted(p for p in root.iterdir() if p.is_dir()):
        if not LANGUAGE_DIR.match(lang_dir.name):
            continue
        for topic_dir in sorted(p for p in lang_dir.iterdir() if p.is_dir()):
            title = _title_header(topic_dir / "topic.md")
            if title:
                titles.setdefault(lang_dir.name, []).append(title)
    return titles


def _title_header(path: Path) -> str | None:
    """The ``title:`` line of the header block (which ends at the first blank line)."""
    try:
        # Only a regular file (or a link to one): a pipe or a device would block the
        # first frame. The loader reports such files to staff; here they are just skipped.
        if not stat.S_ISREG(path.stat().st_mode):
            return None
        with path.open(encoding="utf-8-sig") as lines:
            for line in lines:
                if not line.strip():
                    return None
                key, colon, value = line.partition(":")
                if colon and key.strip().lower() == "title":
                    return value.strip() or None
    except (OSError, UnicodeDecodeError):
        return None
    return None
