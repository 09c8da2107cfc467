"""Topic titles read straight from the headers of each ``topic.md``, without the Markdown
pipeline: enough for the attract screen to be painted at once while the content loads.
The full load (kiosk.content.loader) replaces these titles moments later.
"""

from __future__ import annotations

import re
from pathlib import Path

from kiosk.content.safe_read import MAX_FILE_BYTES, ContentFileError, read_in_folder

LANGUAGE_DIR = re.compile(r"^[a-z]{2}$")


def peek_titles(root: Path) -> dict[str, list[str]]:
    """Titles per language folder, in the loader's order; unreadable topics are left out."""
    titles: dict[str, list[str]] = {}
    if not root.is_dir():
        return titles
    for lang_dir in sorted(p for p in root.iterdir() if p.is_dir()):
        if not LANGUAGE_DIR.match(lang_dir.name):
            continue
        found = language_titles(lang_dir)
        if found:
            titles[lang_dir.name] = found
    return titles


def language_titles(lang_dir: Path) -> list[str]:
    """The titles of one language folder's topics, in the loader's order."""
    topic_dirs = sorted(p for p in lang_dir.iterdir() if p.is_dir())
    return [title for d in topic_dirs if (title := _title_header(d / "topic.md"))]


def _title_header(path: Path) -> str | None:
    """The ``title:`` line of the header block (which ends at the first blank line).

    Read like the loader reads it (kiosk.content.safe_read): only a regular file inside the
    topic folder, never more than the size limit, UTF-8. A pipe or a device would block
    the first frame, a huge file without line breaks would be read whole, a link out of
    the folder is not content: the loader reports those to staff; here they are skipped.
    """
    try:
        data = read_in_folder(path, path.parent, MAX_FILE_BYTES)
        if len(data) > MAX_FILE_BYTES:
            return None
        text = data.decode("utf-8-sig")
    except (OSError, ContentFileError, UnicodeDecodeError):
        return None
    for line in text.splitlines():
        if not line.strip():
            return None
        key, colon, value = line.partition(":")
        if colon and key.strip().lower() == "title":
            return value.strip() or None
    return None
