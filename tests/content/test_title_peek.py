"""The attract screen is painted from the titles peeked in each topic.md before the content
loads (kiosk/content/titles.py). That peek reads only a header's worth of a regular file
inside the topic folder: a huge topic.md with no line break (read whole, line by line,
it would stall the first frame and fill the memory) or a link out of the folder is
skipped there, and reported by the loader."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from kiosk.content.titles import peek_titles

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="resource limits, links")

PEEK = """
import json, resource, sys
from pathlib import Path
limit = 1 << 30  # the child may not use more than 1 GiB: a hostile file cannot hurt the machine
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
from kiosk.content.titles import peek_titles
print(json.dumps(peek_titles(Path(sys.argv[1]))))
"""


def test_a_huge_topic_md_without_line_breaks_is_not_read_whole(tmp_path):
    good = tmp_path / "fr" / "a-bon"
    good.mkdir(parents=True)
    (good / "topic.md").write_text("title: Bon titre\n\n", encoding="utf-8")
    huge = tmp_path / "fr" / "b-enorme"
    huge.mkdir()
    with (huge / "topic.md").open("wb") as file:
        file.write(b"title: ")
        file.truncate(1 << 40)  # 1 TiB of zeros, no line break (sparse: no disk used)
    result = subprocess.run(
        [sys.executable, "-c", PEEK, str(tmp_path)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert json.loads(result.stdout) == {"fr": ["Bon titre"]}


def test_a_topic_md_linked_from_outside_the_folder_is_not_peeked(tmp_path):
    secret = tmp_path / "secret.md"
    secret.write_text("title: Un titre d'ailleurs\n\n", encoding="utf-8")
    topic = tmp_path / "content" / "fr" / "dehors"
    topic.mkdir(parents=True)
    (topic / "topic.md").symlink_to(secret)
    assert peek_titles(tmp_path / "content") == {}
