"""`kiosk check` lays the displays out in several processes: the counts are the same as
laying them out one after another, and a worker that fails costs time, not counts.

Forking is only safe before Qt starts, so each case runs in a fresh Python (the test
process has its QApplication)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from ..fresh_python import run_fresh
from .helpers import FIXTURES

REPO = Path(__file__).resolve().parents[2]
BUNDLED = REPO / "content"

# Workers forked first, then a sequential measure in the same (parent) process once its
# QApplication exists: both sets of counts, and how many workers ran, as JSON.
COMPARE = """
import json, os, sys
from pathlib import Path
from kiosk.checker import layout
from kiosk.checker.layout_workers import LayoutWorkers
from kiosk.content import load_library

library = load_library(Path(sys.argv[1]))
parent = os.getpid()
mode = sys.argv[2]
if mode in ("fail", "hang"):  # the worker for the upright tablet fails, or never ends
    import time
    from kiosk.checker import layout_workers
    layout_workers.WAIT_S = 3.0
    real = layout.measure
    def failing(library, displays=layout.DISPLAYS):
        if os.getpid() != parent and (800, 1280) in displays:
            if mode == "hang":
                time.sleep(600)
            raise RuntimeError("worker failed on purpose")
        return real(library, displays)
    layout.measure = failing
if mode == "sigchld-ignored":  # as some launchers leave it: the system reaps children
    import signal
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)
workers = LayoutWorkers.start(library, layout.DISPLAYS, 3)
started = len(workers.running)
from kiosk.checker.qt_app import ensure_application
ensure_application()
together = layout.measure_with(library, workers)
alone = layout.measure(library)
print(json.dumps({
    "workers": started,
    "together": [[str(r.page.source), r.counts] for r in together],
    "alone": [[str(r.page.source), r.counts] for r in alone],
}))
"""


def compare(content: Path, mode: str = "") -> tuple[dict, str]:
    done = run_fresh(COMPARE, str(content), mode, timeout=180)
    return json.loads(done.stdout.strip().splitlines()[-1]), done.stderr


on_linux = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forks on Linux only")


@on_linux
@pytest.mark.parametrize("content", [FIXTURES / "layout", BUNDLED], ids=["fixture", "bundled"])
def test_workers_count_the_same_screens_as_one_process(content):
    found, _ = compare(content)
    assert found["workers"] == 2  # two displays laid out elsewhere, one here
    assert found["together"] == found["alone"]
    # Every display and text size is there, in the displays' order.
    first = found["together"][0][1]
    assert [tuple(c[:3]) for c in first] == [
        (w, h, s) for w, h in ((1920, 1080), (1280, 800), (800, 1280)) for s in range(3)
    ]


@on_linux
@pytest.mark.parametrize(
    "mode, said",
    [
        ("fail", "worker failed on purpose"),
        ("hang", "did not answer"),
        ("sigchld-ignored", ""),  # nothing to say: the counts arrive, nothing fails
    ],
)
def test_a_failed_worker_is_laid_out_by_the_checker(mode, said):
    found, stderr = compare(FIXTURES / "layout", mode)
    assert said in stderr and (not said or "layout worker for (800, 1280)" in stderr)
    assert found["workers"] == 2
    assert found["together"] == found["alone"]


def test_the_command_works_with_its_output_closed():
    """A tool that closes its standard output (a pipe gone, say) must not crash it."""
    done = subprocess.run(
        ["/bin/sh", "-c", f'exec "{sys.executable}" -m kiosk check --strict >&-'],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr


def test_no_worker_once_qt_runs(qapp):
    """In a process where Qt already runs (this one), nothing is forked."""
    from kiosk.checker.layout import DISPLAYS
    from kiosk.checker.layout_workers import LayoutWorkers
    from kiosk.content import load_library

    workers = LayoutWorkers.start(load_library(FIXTURES / "layout"), DISPLAYS, 3)
    assert workers.running == {}


def test_the_command_gives_the_same_notes_with_one_job_or_three():
    def notes(jobs: str) -> list[dict]:
        done = subprocess.run(
            [sys.executable, "-m", "kiosk", "check", "--json", "--jobs", jobs],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=180,
        )
        assert done.returncode == 0, done.stderr
        problems = json.loads(done.stdout)["problems"]
        return [p for p in problems if p["category"] == "layout"]

    one, three = notes("1"), notes("3")
    assert one and one == three
