"""Without the system libraries Qt needs (a fresh machine missing the README's packages),
`kiosk`, `kiosk check` and `kiosk --self-test` print one line naming the missing library
and pointing at the README's package list, and exit non-zero: never a traceback.

The missing library is simulated with an empty stub first on LD_LIBRARY_PATH, which the
dynamic linker refuses ("file too short") just as it refuses a library that is absent."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from kiosk.system_libraries import explain, missing_library

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ELF linker")

COMMANDS = {
    "kiosk": ["--windowed"],
    "kiosk check": ["check"],
    "kiosk --self-test": ["--self-test"],
}


@pytest.mark.parametrize("library", ["libGL.so.1", "libglib-2.0.so.0"])
@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_missing_system_library_is_one_line_naming_it(tmp_path, library, command):
    stubs = tmp_path / "lib"
    stubs.mkdir()
    (stubs / library).write_bytes(b"")
    env = {
        **os.environ,
        "LD_LIBRARY_PATH": str(stubs),
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path / "home"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", *COMMANDS[command]],
        capture_output=True,
        text=True,
        timeout=60,  # a hang guard: it must end, not open a window
        env=env,
    )
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "Traceback" not in output, output
    lines = [line for line in output.splitlines() if library in line]
    assert len(lines) == 1, output
    assert f"the system library {library} is missing" in lines[0]
    assert "README.md" in lines[0]


def test_only_dynamic_linker_errors_are_explained():
    assert missing_library(ImportError("libGL.so.1: cannot open shared object file")) == (
        "libGL.so.1"
    )
    assert missing_library(ImportError("/x/libglib-2.0.so.0: file too short")) == (
        "libglib-2.0.so.0"
    )
    assert explain(ImportError("No module named 'PySide6'")) is None  # a real bug: raised
    assert explain(RuntimeError("libGL.so.1: cannot open shared object file")) is None
