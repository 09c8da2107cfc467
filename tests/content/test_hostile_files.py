"""Hostile content files (found by a hostile tester): a page that is a link to /dev/zero,
a named pipe, a link out of the topic. Each is refused with a reason staff can read; the
other pages and topics keep working, in the app's loader and in `kiosk check`; nothing
hangs (each run has a time limit)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.resources import content_dir

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="symlinks and FIFOs")


@pytest.fixture
def hostile(tmp_path) -> Path:
    root = tmp_path / "content"
    shutil.copytree(content_dir(), root)
    topic = root / "fr" / "cimentoplastie"
    (topic / "25-zero.md").symlink_to("/dev/zero")
    os.mkfifo(topic / "26-tube.md")
    outside = tmp_path / "secret.md"
    outside.write_text("title: Secret\nkey: Dehors.\n\nDehors.\n", encoding="utf-8")
    (topic / "27-dehors.md").symlink_to(outside)
    return root


LOAD = """
import json, sys
from pathlib import Path
from kiosk.content import load_library
library = load_library(Path(sys.argv[1]))
print(json.dumps({
    "pages": {t.language: len(t.pages) for ts in library.topics.values() for t in ts},
    "problems": [str(p) for p in library.problems],
}))
"""


def test_the_loader_refuses_each_hostile_file_and_keeps_the_rest(hostile):
    result = subprocess.run(
        [sys.executable, "-c", LOAD, str(hostile)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["pages"] == {"en": 24, "fr": 24}  # every good page still there
    problems = "\n".join(data["problems"])
    assert "25-zero.md: error: file refused: it is a link to /dev/zero, outside" in problems
    assert "26-tube.md: error: file refused: it is not a regular file" in problems
    assert "27-dehors.md: error: file refused: it is a link to" in problems


def test_kiosk_check_reports_them_and_does_not_hang(hostile):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "check", str(hostile), "--no-layout"],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert result.returncode != 0  # errors found, reported, and the check ended
    for name in ("25-zero.md", "26-tube.md", "27-dehors.md"):
        assert f"fr/cimentoplastie/{name}" in result.stdout, result.stdout[-2000:]
