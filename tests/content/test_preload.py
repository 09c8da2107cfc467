"""The start language's content read by a helper process while the kiosk starts Qt: the
same library as reading it in the kiosk's own process, problems included; a helper that
fails, hangs or answers nonsense costs time, not content; and no helper inside an
application that already runs Qt.

Each case runs in a fresh Python, as the kiosk's start does (the test process has its
QApplication, where no helper starts)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.content.preload import ContentPreload

from ..fresh_python import run_fresh

REPO = Path(__file__).resolve().parents[2]
BUNDLED = REPO / "content"
BROKEN = REPO / "tests" / "fixtures" / "check" / "broken"

# The helper's library against one read here, and what the kiosk's process imported.
COMPARE = """
import json, sys
from pathlib import Path
from kiosk.content import preload as module
from kiosk.content.preload import ContentPreload

root, mode = Path(sys.argv[1]), sys.argv[2]
broken = {  # helpers that cannot start, fail, hang, or answer nonsense
    "missing": ["/nonexistent/kiosk"],
    "fail": ["/bin/sh", "-c", "echo it went wrong >&2; exit 3"],
    "hang": ["/bin/sh", "-c", "exec sleep 30"],
    "nonsense": ["/bin/sh", "-c", "echo not a library"],
}
if mode == "sigchld-ignored":  # as some launchers leave it: the system reaps children
    import signal
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)
if mode in broken:
    ContentPreload.command = staticmethod(lambda root, first: broken[mode])
    module.WAIT_S = 1.0
preload = ContentPreload.start(root, "fr")
started = preload.pid != 0
library = preload.library()
markdown_here = "markdown" in sys.modules
from kiosk.content.loader import load_library
alone = load_library(root, first="fr")
print(json.dumps({
    "started": started,
    "helped": preload.helped,
    "markdown_here": markdown_here,
    "same_topics": library.topics == alone.topics,
    "same_problems": library.problems == alone.problems,
    "problems": len(library.problems),
    "pending": sorted(library.pending),
    "same_titles": library.peeked_titles == alone.peeked_titles,
    "languages": library.languages,
}))
library.load_rest()  # the language left for later is read when asked, as before
alone.load_rest()
print(library.topics == alone.topics and library.problems == alone.problems)
"""

MANY_CPUS = hasattr(os, "sched_getaffinity") and len(os.sched_getaffinity(0)) > 1
needs_helper = pytest.mark.skipif(
    not (hasattr(os, "posix_spawn") and MANY_CPUS), reason="the helper needs two CPUs"
)


def compare(root: Path, mode: str = "") -> tuple[dict, bool, str]:
    done = run_fresh(COMPARE, str(root), mode)
    first, rest = done.stdout.strip().splitlines()[-2:]
    return json.loads(first), rest == "True", done.stderr


@needs_helper
@pytest.mark.parametrize("root", [BUNDLED, BROKEN], ids=["bundled", "broken"])
def test_the_helper_reads_the_same_library(root):
    found, rest_same, _ = compare(root)
    assert found["started"] and found["helped"]
    assert found["same_topics"] and found["same_problems"] and found["same_titles"]
    # The kiosk's process never rendered Markdown (nor imported it) for the start language.
    assert not found["markdown_here"]
    assert rest_same
    if root == BUNDLED:
        assert found["pending"] == ["en"] and found["languages"] == ["en", "fr"]
    else:
        assert found["problems"] > 0  # the broken fixture's errors come through, with lines


@needs_helper
@pytest.mark.parametrize(
    "mode, said",
    [
        ("missing", "content helper could not start"),
        ("fail", "content helper failed (exit code 3)"),
        ("hang", "content helper did not answer"),
        ("nonsense", "content helper's result unusable"),
    ],
)
def test_a_helper_that_fails_leaves_the_reading_to_the_kiosk(mode, said):
    found, rest_same, stderr = compare(BUNDLED, mode)
    assert said in stderr
    assert found["started"] == (mode != "missing") and not found["helped"]
    assert found["same_topics"] and found["same_problems"] and rest_same


def test_no_helper_once_qt_runs(qapp):
    """In a process where Qt runs (this one), the content is read here."""
    preload = ContentPreload.start(BUNDLED, "fr")
    assert preload.pid == 0
    library = preload.library()
    assert not preload.helped and library.topics_for("fr")


def test_the_helper_is_quiet_when_the_kiosk_has_gone():
    """The kiosk may stop before it reads the helper (Qt could not start, say): the helper
    then ends without a traceback."""
    from kiosk.content.preload import HELPER_ARG

    read_end, write_end = os.pipe()
    os.close(read_end)  # nobody will read
    done = subprocess.run(
        [sys.executable, "-m", "kiosk", HELPER_ARG, str(BUNDLED), "fr"],
        cwd=REPO,
        stdout=write_end,
        stderr=subprocess.PIPE,
        text=True,
        timeout=120,
    )
    os.close(write_end)
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr


@needs_helper
def test_the_helper_works_when_the_system_reaps_children():
    """Started by a launcher that ignores SIGCHLD, the kiosk cannot wait for its helper
    (the system has reaped it): what the helper wrote is still used, and nothing fails."""
    found, rest_same, stderr = compare(BUNDLED, "sigchld-ignored")
    assert found["started"] and found["helped"], stderr
    assert found["same_topics"] and found["same_problems"] and rest_same


@needs_helper
def test_the_helper_imports_nothing_from_the_working_directory(tmp_path):
    """`python -m` would put the working directory first on the helper's import path: a
    folder named like a library the loader uses would run in the helper."""
    planted = tmp_path / "markdown"
    planted.mkdir()
    (planted / "__init__.py").write_text("raise SystemExit(7)\n", encoding="utf-8")
    done = subprocess.run(  # -P: this side imports nothing from there either
        [sys.executable, "-P", "-c", COMPARE, str(BUNDLED), ""],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout.strip().splitlines()[-2])
    assert found["started"] and found["helped"], done.stderr
