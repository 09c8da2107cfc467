"""Stopping and restarting: the kiosk logs SIGTERM, SIGINT and SIGHUP and stops through
the normal end of a visit (wipe) with exit code 128 + the signal's number; after a SIGKILL
the next start says the last run did not stop cleanly. The staff "Quitter" exits with its
own code, the one the service files do not restart on."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kiosk.app import EXIT_STAFF_QUIT

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
REPO = Path(__file__).resolve().parent.parent


def start_kiosk(home: Path) -> tuple[subprocess.Popen[str], Path]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "--windowed"],
        cwd=REPO,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,  # the log file has it all
        text=True,
    )
    return process, home / "data" / "kiosk" / "logs" / "kiosk.log"


def wait_for(log: Path, text: str, process: subprocess.Popen[str], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if log.is_file() and text in log.read_text(encoding="utf-8", errors="replace"):
            return
        if process.poll() is not None:
            raise AssertionError(f"the kiosk stopped early ({process.returncode})")
        time.sleep(0.1)
    process.kill()
    raise AssertionError(f"{text!r} never logged")


@pytest.mark.parametrize("name", ["SIGTERM", "SIGINT", "SIGHUP"])
def test_a_stop_signal_is_logged_and_ends_the_visit_cleanly(tmp_path, name):
    process, log = start_kiosk(tmp_path)
    try:
        wait_for(log, "content loaded", process)
        wait_for(log, "mode: ", process)  # the supervisor is built: the whole kiosk is up
        process.send_signal(getattr(signal, name))
        code = process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    text = log.read_text(encoding="utf-8")
    assert code == 128 + getattr(signal, name), text[-3000:]
    assert f"{name} received" in text
    assert "kiosk stopped" in text
    assert code != EXIT_STAFF_QUIT


def test_after_a_sigkill_the_next_start_says_the_last_run_did_not_stop(tmp_path):
    process, log = start_kiosk(tmp_path)
    wait_for(log, "content loaded", process)
    process.kill()
    process.wait(timeout=30)
    log.unlink()
    process, log = start_kiosk(tmp_path)
    try:
        wait_for(log, "content loaded", process)
        assert "the last run did not stop cleanly" in log.read_text(encoding="utf-8")
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=30) == 128 + signal.SIGTERM
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    process, log = start_kiosk(tmp_path)  # a clean stop leaves nothing to report
    try:
        wait_for(log, "content loaded", process)
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert log.read_text(encoding="utf-8").count("did not stop cleanly") == 1


def test_the_staff_quit_exits_with_its_own_code(make_window):
    from kiosk.ui.kiosk.supervisor import Supervisor

    window = make_window()
    supervisor = Supervisor(window, reload_library=lambda: window.library)
    exits: list[int] = []
    supervisor.exit_app = exits.append
    supervisor.quit()
    assert exits == [EXIT_STAFF_QUIT]
    assert EXIT_STAFF_QUIT not in (0, 1, 2, 3, 4, 5, 6) and EXIT_STAFF_QUIT < 128


def test_the_service_files_restart_on_everything_but_the_staff_quit():
    unit = (REPO / "deploy" / "kiosk.service").read_text(encoding="utf-8")
    assert "\nRestart=always\n" in unit
    assert f"\nRestartPreventExitStatus={EXIT_STAFF_QUIT}\n" in unit
    desktop = (REPO / "deploy" / "kiosk.desktop").read_text(encoding="utf-8")
    assert "\nExec=/opt/kiosk/kiosk-session\n" in desktop


SESSION = REPO / "deploy" / "kiosk-session"


def fake_kiosk(tmp_path: Path, codes: list[int]) -> Path:
    """A stand-in kiosk that exits with each code in turn, counting its runs."""
    script = tmp_path / "fake-kiosk"
    counter = tmp_path / "runs"
    lines = ["#!/bin/sh", f'n=$(cat "{counter}" 2>/dev/null || echo 0)', "n=$((n + 1))"]
    lines.append(f'echo "$n" > "{counter}"')
    lines += [f'[ "$n" -eq {i + 1} ] && exit {code}' for i, code in enumerate(codes)]
    lines.append("exit 0")
    script.write_text("\n".join(lines) + "\n", encoding="utf-8")
    script.chmod(0o755)
    return script


@pytest.mark.parametrize(
    ("codes", "runs"),
    [
        ([EXIT_STAFF_QUIT], 1),  # staff "Quitter": not restarted
        ([0, 143, 5, 137, 1, EXIT_STAFF_QUIT], 6),  # anything else: restarted
    ],
)
def test_the_x11_session_script_restarts_unless_staff_quit(tmp_path, codes, runs):
    kiosk = fake_kiosk(tmp_path, codes)
    result = subprocess.run(
        ["sh", str(SESSION)],
        env={**os.environ, "KIOSK": str(kiosk), "KIOSK_RESTART_DELAY": "0"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "runs").read_text().strip() == str(runs)


def test_the_session_script_stops_with_its_session_and_does_not_restart(tmp_path):
    kiosk = tmp_path / "fake-kiosk"
    kiosk.write_text(f'#!/bin/sh\necho run >> "{tmp_path / "runs"}"\nexec sleep 60\n')
    kiosk.chmod(0o755)
    session = subprocess.Popen(
        ["sh", str(SESSION)],
        env={**os.environ, "KIOSK": str(kiosk), "KIOSK_RESTART_DELAY": "0"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while not (tmp_path / "runs").exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        session.send_signal(signal.SIGTERM)
        assert session.wait(timeout=30) == 0
    finally:
        if session.poll() is None:
            session.kill()
            session.wait()
    assert (tmp_path / "runs").read_text().count("run") == 1
