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


def run_kiosk_check(folder: Path) -> subprocess.CompletedProcess:
    """`kiosk check` of a content folder in a child process, as staff run it."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "kiosk", "check", str(folder), "--no-layout"],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


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
    result = run_kiosk_check(hostile)
    assert result.returncode != 0  # errors found, reported, and the check ended
    for name in ("25-zero.md", "26-tube.md", "27-dehors.md"):
        assert f"fr/cimentoplastie/{name}" in result.stdout, result.stdout[-2000:]


@pytest.fixture
def hostile_optional(tmp_path) -> Path:
    """Optional files that are links to system files or devices, and a pipe."""
    root = tmp_path / "content"
    shutil.copytree(content_dir(), root)
    secret = tmp_path / "passwd"
    secret.write_text("root:x:0:0:secret-line:/root:/bin/bash\n", encoding="utf-8")
    fr, en = root / "fr" / "cimentoplastie", root / "en" / "cimentoplastie"
    (fr / "glossary.md").unlink()
    (fr / "glossary.md").symlink_to(secret)
    (fr / "terms.txt").symlink_to(secret)
    (en / "glossary.md").unlink()
    (en / "glossary.md").symlink_to("/dev/urandom")
    (en / "quiz.md").unlink()
    os.mkfifo(en / "quiz.md")
    (fr / "questions.md").unlink()
    (fr / "questions.md").symlink_to("/dev/null")
    (en / "images" / "os-traites.svg").unlink()
    (en / "images" / "os-traites.svg").symlink_to(secret)
    return root


def test_optional_files_that_are_devices_links_out_or_pipes_are_reported(hostile_optional):
    result = subprocess.run(
        [sys.executable, "-c", LOAD, str(hostile_optional)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    problems = "\n".join(json.loads(result.stdout)["problems"])
    assert "secret-line" not in problems
    fr, en = "fr/cimentoplastie", "en/cimentoplastie"
    assert f"{fr}/glossary.md: error: file refused: it is a link to" in problems
    assert f"{en}/glossary.md: error: file refused: it is a link to /dev/urandom" in problems
    assert f"{en}/quiz.md: error: file refused: it is not a regular file" in problems
    assert f"{fr}/questions.md: error: file refused: it is a link to /dev/null" in problems
    assert "images/os-traites.svg' refused: it is outside the topic folder" in problems


def test_kiosk_check_never_prints_what_a_link_out_points_to(hostile_optional):
    result = run_kiosk_check(hostile_optional)
    assert result.returncode != 0
    assert "secret-line" not in result.stdout + result.stderr
    assert "en/cimentoplastie/glossary.md: error: file refused" in result.stdout
    assert "en/cimentoplastie/quiz.md: error: file refused" in result.stdout
    assert "fr/cimentoplastie/terms.txt: error: file refused" in result.stdout
