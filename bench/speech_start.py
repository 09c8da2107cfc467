"""How long the GUI thread is blocked while the read-aloud engine starts (issue 16).

Starts a private speech-dispatcher as tests/integration/test_speech_dispatcher.py does (its
own HOME and XDG_RUNTIME_DIR in a temporary folder, espeak-ng into libao's null driver), then,
in fresh processes, makes a Speaker("speechd", languages=("fr", "en")) the two ways: on the
GUI thread (``inline``, what the kiosk did before) and on the speech thread (``background``,
what make_speaker does now). A 5 ms timer of the GUI thread (a Python slot, so it also needs
the interpreter lock) stamps each tick; the longest gap between ticks from the Speaker's
creation until French and English voices are found is the GUI thread's longest stall.

    .venv/bin/python bench/speech_start.py --runs 5
    git show HEAD~1:kiosk/speech.py > /tmp/old_speech.py  # a Speaker before background=
    .venv/bin/python bench/speech_start.py --speech-module /tmp/old_speech.py  # inline only
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SPEECHD_CONF = 'AudioOutputMethod "libao"\nTimeout 60\n'
TICK_MS = 5


def child(mode: str, speech_module: str) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication, Qt, QTimer

    if speech_module:
        import importlib.util

        spec = importlib.util.spec_from_file_location("other_speech", speech_module)
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        speaker_class = module.Speaker
    else:
        from kiosk.speech import Speaker as speaker_class

    app = QCoreApplication([])
    ticks: list[float] = []
    clock = QTimer(timerType=Qt.TimerType.PreciseTimer)
    clock.timeout.connect(lambda: ticks.append(time.perf_counter()))
    clock.start(TICK_MS)
    result: dict[str, float] = {}
    made: list[object] = []

    def start() -> None:
        t0 = time.perf_counter()
        ticks.append(t0)
        options = {"background": True} if mode == "background" else {}
        speaker = speaker_class("speechd", languages=("fr", "en"), **options)
        made.append(speaker)
        result["constructor_ms"] = (time.perf_counter() - t0) * 1000

        def check() -> None:
            if speaker.can_speak("fr") and speaker.can_speak("en"):
                done = time.perf_counter()
                stamps = [*(t for t in ticks if t >= t0), done]
                result["ready_ms"] = (done - t0) * 1000
                result["stall_ms"] = max(b - a for a, b in itertools.pairwise(stamps)) * 1000
                app.quit()
            else:
                QTimer.singleShot(1, check)

        check()

    QTimer.singleShot(300, start)
    QTimer.singleShot(30_000, app.quit)
    app.exec()
    close = getattr(made[0], "close", None) if made else None
    if close:
        close()
    print(json.dumps(result))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--speech-module", default="", help="a speech.py to load instead")
    parser.add_argument("--child", choices=("inline", "background"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.speech_module)
        return
    home = Path(tempfile.mkdtemp(prefix="kiosk-speech-bench-"))
    config = home / ".config"
    (config / "speech-dispatcher").mkdir(parents=True)
    (config / "speech-dispatcher" / "speechd.conf").write_text(SPEECHD_CONF)
    (home / ".libao").write_text("default_driver=null\n")
    run = home / "run"
    run.mkdir(mode=0o700)
    env = {**os.environ, "HOME": str(home), "XDG_CONFIG_HOME": str(config)}
    env.update(XDG_RUNTIME_DIR=str(run), QT_QPA_PLATFORM="offscreen", LANG="C.UTF-8")
    env.pop("SPEECHD_ADDRESS", None)
    modes = ("inline",) if args.speech_module else ("inline", "background")
    figures: dict[str, list[dict[str, float]]] = {mode: [] for mode in modes}
    try:
        for number in range(args.runs + 1):  # the first pair starts the daemon: not counted
            for mode in figures:
                command = [sys.executable, __file__, "--child", mode]
                if args.speech_module:
                    command += ["--speech-module", args.speech_module]
                out = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
                if number:
                    figures[mode].append(json.loads(out.stdout.strip().splitlines()[-1]))
    finally:
        for pid_file in (run / "speech-dispatcher" / "pid").glob("*.pid"):
            with contextlib.suppress(ProcessLookupError, ValueError):
                os.kill(int(pid_file.read_text().split()[0]), signal.SIGTERM)
    for mode, runs in figures.items():
        line = [f"{mode:10}"]
        for key in ("stall_ms", "constructor_ms", "ready_ms"):
            values = [r[key] for r in runs]
            line.append(
                f"{key} {statistics.median(values):.0f} ({min(values):.0f}-{max(values):.0f})"
            )
        print("  ".join(line))


if __name__ == "__main__":
    main()
