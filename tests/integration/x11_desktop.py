"""A private X server (Xvfb) with openbox and the real kiosk on it, looked at from outside
with the tools an administrator would use (xdotool, wmctrl, xprop, xwininfo)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

TOOLS = ("Xvfb", "openbox", "xdotool", "wmctrl", "xmessage", "xprop", "xwininfo")
WIDTH, HEIGHT = 1280, 800


def require_tools() -> None:
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        message = f"missing {', '.join(missing)} (.ci/run installs xvfb openbox xdotool wmctrl)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


def wait(predicate: Callable[[], bool], timeout: float, step: float = 0.05) -> bool:
    """Poll another process's state (no Qt event loop here to wait on) until true."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(step)
    return predicate()


class Desktop:
    def __init__(self, env: dict[str, str]):
        self.env = env
        self.kiosk: subprocess.Popen | None = None
        self.window = ""  # the kiosk's X window, once it has started
        self.log_dir = Path()

    def run(self, *command: str) -> subprocess.CompletedProcess:
        return subprocess.run(command, env=self.env, capture_output=True, text=True, timeout=10)

    def kiosk_window(self) -> str | None:
        assert self.kiosk is not None
        found = self.run("xdotool", "search", "--onlyvisible", "--pid", str(self.kiosk.pid))
        ids = found.stdout.split()
        return ids[-1] if ids else None

    def holds_screen(self) -> bool:
        """The kiosk is the active window, full screen, on the desktop shown."""
        window = self.kiosk_window()
        if window is None:
            return False
        active = self.run("xdotool", "getactivewindow").stdout.strip()
        state = self.run("xprop", "-id", window, "_NET_WM_STATE").stdout
        desktop = self.run("xdotool", "get_desktop").stdout.strip()
        on = self.run("xdotool", "get_desktop_for_window", window).stdout.strip()
        return active == window and "FULLSCREEN" in state and desktop == on

    def root_value(self, name: str) -> str:
        """A root window property as xprop prints it after ' = ' ('' when unset)."""
        out = self.run("xprop", "-root", name).stdout
        return out.split(" = ", 1)[1].strip() if " = " in out else ""

    def stacking(self) -> list[int]:
        """The managed windows, bottom to top (EWMH _NET_CLIENT_LIST_STACKING)."""
        out = self.run("xprop", "-root", "_NET_CLIENT_LIST_STACKING").stdout
        listed = out.split("#", 1)[1] if "#" in out else ""
        return [int(window, 16) for window in listed.replace(",", " ").split()]

    def shown_windows(self) -> list[tuple[int, int, int, int]]:
        """Geometry (x, y, width, height) of every top-level window on screen: the window
        manager's frames and its own menus and pop-ups (1×1 helper windows left out)."""
        tree = self.run("xwininfo", "-root", "-children").stdout
        ids = [line.split()[0] for line in tree.splitlines() if line.strip().startswith("0x")]
        shown = []
        for window in ids:
            info = self.run("xwininfo", "-id", window).stdout
            fields = dict(line.strip().split(": ", 1) for line in info.splitlines() if ": " in line)
            if fields.get("Map State") != "IsViewable":
                continue
            size = tuple(
                int(fields.get(key, "0"))
                for key in ("Absolute upper-left X", "Absolute upper-left Y", "Width", "Height")
            )
            if size[2] > 1 or size[3] > 1:
                shown.append(size)  # type: ignore[arg-type]
        return shown

    def start_kiosk(self, config: Path) -> None:
        """The real kiosk (``python -m kiosk``, kiosk mode, xcb), waited for until it is
        fully started (its supervisor, hence its screen keeper, is there: "mode: kiosk" in
        its log) and has then held the screen for half a second in a row without taking
        anything back (start-up shows the window twice and may move focus about)."""
        log = config.parent / "kiosk-stderr.log"
        with log.open("w") as err:
            self.kiosk = subprocess.Popen(
                [sys.executable, "-m", "kiosk", "--config", str(config)],
                env={**self.env, "KIOSK_DEBUG": "1"},
                stdout=subprocess.DEVNULL,
                stderr=err,
            )
        self.log_dir = Path(self.env["XDG_DATA_HOME"])
        assert wait(lambda: "mode: kiosk" in self.log_text(), 60), "the kiosk never started"
        assert wait(self.holds_screen, 15), f"the kiosk never held the screen:\n{self.log_tail()}"
        assert wait(lambda: self.held_for(0.5), 15), f"the kiosk never kept it:\n{self.log_tail()}"
        self.window = self.kiosk_window() or ""

    def attempts(self) -> int:
        """How many times the kiosk has logged taking the screen back."""
        return self.log_text().count("taking it back")

    def held_for(self, seconds: float) -> bool:
        """Held the screen throughout, and never took it back meanwhile."""
        attempts = self.attempts()
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            if not self.holds_screen():
                return False
            time.sleep(0.05)
        return self.attempts() == attempts

    def log_text(self) -> str:
        return "\n".join(p.read_text() for p in self.log_dir.rglob("*.log"))

    def log_tail(self, lines: int = 20) -> str:
        """The kiosk's last log lines but debug ones, for failure messages."""
        kept = [line for line in self.log_text().splitlines() if " DEBUG " not in line]
        return "\n".join(kept[-lines:])


@contextmanager
def openbox_desktop(home: Path, *openbox_options: str) -> Iterator[Desktop]:
    """Xvfb (its own display, -displayfd) and openbox started with these options; both
    ended afterwards, with the kiosk if one was started."""
    require_tools()
    read, write = os.pipe()
    screen = f"{WIDTH}x{HEIGHT}x24"
    xvfb_messages = home / "xvfb-stderr.log"
    with xvfb_messages.open("w") as err:
        xvfb = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write), "-nolisten", "tcp", "-screen", "0", screen],
            pass_fds=(write,),
            stderr=err,
        )
    os.close(write)
    with os.fdopen(read) as pipe:
        display = f":{pipe.readline().strip()}"
    env = {
        **os.environ,
        "DISPLAY": display,
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_RUNTIME_DIR": str(home),
        "QT_QPA_PLATFORM": "xcb",
    }
    env.pop("WAYLAND_DISPLAY", None)
    messages = home / "openbox-stderr.log"
    with messages.open("w") as err:
        openbox = subprocess.Popen(
            ["openbox", "--sm-disable", *openbox_options],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=err,
        )
    desktop = Desktop(env)
    try:
        # Its work area is among the last things openbox announces once started.
        started = wait(lambda: desktop.root_value("_NET_WORKAREA") != "", 30)
        assert started, (
            f"openbox did not start on {display} (exit code {openbox.poll()}): "
            f"{messages.read_text()[-2000:]}\nXvfb (exit code {xvfb.poll()}): "
            f"{xvfb_messages.read_text()[-2000:]}"
        )
        yield desktop
    finally:
        for process in (desktop.kiosk, openbox, xvfb):
            if process is None:
                continue
            process.terminate()
            try:
                process.wait(5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
