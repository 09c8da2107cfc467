"""A CUPS scheduler of the tests' own: its configuration, socket, spool and queue live in a
temporary folder, so the tests that stop a printer or the whole scheduler never touch the
machine's (see the `private_cups` and `stoppable_cups` fixtures in conftest.py).

Stopping even that private scheduler is done only in CI or when a developer asks for it with
``KIOSK_TEST_STOP_CUPS=1``: elsewhere those tests are skipped and say why."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Mapping
from pathlib import Path

QUEUE = "Kiosque_Test"
CUPSD = "/usr/sbin/cupsd"
STOP_ASKED = "KIOSK_TEST_STOP_CUPS"

CUPSD_CONF = """Listen {socket}
LogLevel warn
WebInterface No
Browsing Off
<Location />
  Order allow,deny
  Allow all
</Location>
<Policy default>
  <Limit All>
    Order deny,allow
  </Limit>
</Policy>
"""
CUPS_FILES_CONF = """ServerRoot {root}
RequestRoot {root}/spool
CacheDir {root}/cache
StateDir {root}/state
TempDir {root}/tmp
ErrorLog {root}/log/error_log
AccessLog {root}/log/access_log
PageLog {root}/log/page_log
ServerBin /usr/lib/cups
DataDir /usr/share/cups
FileDevice Yes
Sandboxing Relaxed
"""


class PrivateCups:
    """One scheduler on a socket in ``root``, with one queue that writes to a file."""

    def __init__(self, root: Path):
        self.root = root
        self.socket = root / "cups.sock"
        self.process: subprocess.Popen[bytes] | None = None
        for folder in ("spool", "cache", "state", "tmp", "log", "out"):
            (root / folder).mkdir(parents=True, exist_ok=True)
        (root / "out").chmod(0o777)  # the backend writes as the "lp" user
        (root / "cupsd.conf").write_text(CUPSD_CONF.format(socket=self.socket))
        (root / "cups-files.conf").write_text(CUPS_FILES_CONF.format(root=root))

    @property
    def env(self) -> dict[str, str]:
        return dict(os.environ, CUPS_SERVER=str(self.socket), LC_ALL="C")

    def run(self, *command: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(command, capture_output=True, text=True, env=self.env, check=False)

    def running(self) -> bool:
        return "is running" in self.run("lpstat", "-r").stdout

    def start(self) -> bool:
        self.process = subprocess.Popen(
            [CUPSD, "-f", "-c", str(self.root / "cupsd.conf"), "-s",
             str(self.root / "cups-files.conf")],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            if self.running():
                return True
            if self.process.poll() is not None:
                return False
            time.sleep(0.1)
        return False

    def add_queue(self) -> bool:
        device = f"file://{self.root / 'out' / 'sheet.pdf'}"
        done = self.run("lpadmin", "-p", QUEUE, "-v", device, "-m", "raw", "-E")
        return done.returncode == 0

    def stop(self) -> None:
        """Stop this scheduler: the process started here, by its id, and nothing else."""
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=15)
        self.process = None

    def jobs(self, which: str = "all") -> set[str]:
        listing = self.run("lpstat", "-W", which, "-o", QUEUE).stdout
        return {line.split()[0] for line in listing.splitlines() if line.startswith(f"{QUEUE}-")}

    def cancel_all(self) -> None:
        self.run("cancel", "-a", QUEUE)


def available() -> bool:
    return Path(CUPSD).exists() and shutil.which("lpadmin") is not None


def why_not_stop_a_scheduler(environ: Mapping[str, str] = os.environ) -> str | None:
    """None when a test may stop a CUPS scheduler (its own private one): in CI, or when
    asked with KIOSK_TEST_STOP_CUPS=1; else the reason it is skipped."""
    if environ.get("CI") or environ.get(STOP_ASKED) == "1":
        return None
    return (
        "stops a CUPS scheduler (a private one, never the machine's): run only in CI or "
        f"with {STOP_ASKED}=1"
    )


def machine_scheduler_running() -> bool:
    """Whether the machine's own scheduler (not a private one) answers."""
    environ = {k: v for k, v in os.environ.items() if k != "CUPS_SERVER"}
    done = subprocess.run(
        ["lpstat", "-r"], capture_output=True, text=True, env=dict(environ, LC_ALL="C"), check=False
    )
    return "is running" in done.stdout
