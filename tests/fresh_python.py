"""Run a snippet in a fresh Python, from the repository's root: for what happens before Qt
starts (imports, forks, helper processes), which the test process cannot show once its
QApplication runs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def run_fresh(code: str, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """The finished run (text output); the test fails, with its errors, if it failed."""
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert done.returncode == 0, done.stderr
    return done
