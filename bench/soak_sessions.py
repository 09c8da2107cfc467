"""App-level soak: hundreds of patient visits through the real kiosk, in one process.

The kiosk is started by ``kiosk.app.run`` itself (settings, supervisor, event filters, full
screen on an offscreen 1920x1080 screen, the read-aloud engine). Each visit, driven one
step per event-loop pass as between two taps, goes through the real ``Visit`` and
``MainWindow`` by their buttons: a language on the attract screen, the first topic, a few
screens with "Suivant", a suggested question added and one removed again, a question
written on the keyboard, a quiz answer, "Mon résumé", then the end of the visit in turn by
"Terminer" (and "Oui, terminer"), by the idle clock running out ("still there?" expiring)
or by staff (PIN typed on the pad, "Recharger le contenu", "Retour au kiosque").

Reported at the start (built, before any visit), after the first round of visits (every
cache warm: the baseline) and at the end: QWidgets alive (``len(QApplication.allWidgets())``),
QObjects under the main window, Python objects tracked by the GC, and RSS. Flat is the goal.

    .venv/bin/python bench/soak_sessions.py                 # 300 visits, ~3 min
    .venv/bin/python bench/soak_sessions.py --visits 600 --json /tmp/soak.json
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Generator
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(BENCH))
PIN = "246813"
ENDINGS = ("finished", "idle", "staff")

Steps = Generator[None, None, dict[str, Any]]


def figures(app: Any, window: Any) -> dict[str, float]:
    from _probe import rss_mb
    from PySide6.QtCore import QObject

    gc.collect()
    return {
        "widgets": len(app.allWidgets()),
        "window_qobjects": len(window.findChildren(QObject)),
        "python_objects": len(gc.get_objects()),
        "rss_mb": round(rss_mb(), 1),
    }


def visit(window: Any, supervisor: Any, number: int, endings: tuple[str, ...] = ENDINGS) -> Steps:
    """One patient's visit, ended the ``number``-th way of ``endings``; yields between taps."""
    from kiosk.ui.kiosk.kiosk_states import State

    language = ("fr", "en")[(number // len(endings)) % 2]
    ending = endings[number % len(endings)]
    window.attract.language_buttons[language].click()
    yield
    window.home.tiles[0].click()
    yield
    reader = window.reader
    for _ in range(3):  # a few screens
        reader.next_button.click()
        yield
    topic = window.current_topic()
    first, second = topic.all_questions[number % 3], topic.all_questions[3 + number % 3]
    window.toggle_question(first.id)
    window.toggle_question(second.id)
    yield
    window.show_questions()
    yield
    questions = window.questions
    questions.open_tab(questions.writer)
    questions.writer.editor.setPlainText(f"Question numéro {number} ?")
    questions.writer.keyboard.key_for("submit").click()  # written on the kiosk's keyboard
    yield
    questions.open_tab(questions.list_view)
    yield
    rows = questions.list_view.rows
    rows[-1].remove_button.click()  # "Retirer" the last one (the undo banner shows)
    yield
    window.show_quiz()
    yield
    quiz = window.quiz
    quiz.start_button.click()
    yield
    if quiz.option_tiles:
        quiz.option_tiles[number % len(quiz.option_tiles)].click()
        yield
    window.show_summary()
    yield
    if ending == "finished":
        window.show_questions()
        yield
        questions.end_button.click()  # "Terminer", then the confirmation
        yield
        questions.confirm_yes.click()
    elif ending == "idle":
        supervisor.idle.idle.emit()  # the idle clock runs out (driven, not waited for)
        yield
        assert window.stack.currentWidget() is window.still_there
        window.still_there.expired.emit()  # and so does the countdown
    else:
        supervisor.open_staff()  # the hidden gesture
        yield
        for digit in PIN:
            supervisor.pin_pad.keys[digit].click()
        supervisor.pin_pad.ok_key.click()
        yield
        assert window.stack.currentWidget() is supervisor.panel
        supervisor.panel.reload_button.click()  # ends the visit first
        yield
        supervisor.panel.back_button.click()
    yield
    if supervisor.state is not State.ATTRACT or window.session.questions.count:
        raise AssertionError(f"visit {number} ({ending}) did not end on a clean attract screen")
    return {}


def soak(
    app: Any,
    window: Any,
    supervisor: Any,
    visits: int,
    every: int,
    endings: tuple[str, ...] = ENDINGS,
) -> Steps:
    # The read-aloud engine is the last piece of start-up (1.5 s after the window shows).
    deadline = time.monotonic() + 15
    while window.reader.speaker is None and time.monotonic() < deadline:
        time.sleep(0.01)
        yield
    samples = [{"visit": 0, **figures(app, window)}]
    started = time.perf_counter()
    warm = len(endings) * 2  # every ending in both languages before the baseline
    for number in range(visits):
        yield from visit(window, supervisor, number, endings)
        done = number + 1
        if done in (warm, visits) or done % every == 0:
            samples.append({"visit": done, **figures(app, window)})
    baseline = next(s for s in samples if s["visit"] == warm)
    final = samples[-1]
    return {
        "visits": visits,
        "endings": list(endings),
        "seconds": round(time.perf_counter() - started, 1),
        "start": samples[0],
        "baseline": baseline,
        "end": final,
        "growth_after_baseline": {
            key: round(final[key] - baseline[key], 1) for key in baseline if key != "visit"
        },
        "samples": samples,
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--visits", type=int, default=300)
    parser.add_argument("--every", type=int, default=50, help="sample every N visits")
    parser.add_argument("--json", type=Path, help="write the figures here too")
    parser.add_argument(
        "--endings",
        default=",".join(ENDINGS),
        help="how visits end, in turn (default: %(default)s); one alone to tell them apart",
    )
    args = parser.parse_args(argv)
    endings = tuple(args.endings.split(","))
    if set(endings) - set(ENDINGS):
        parser.error(f"--endings: choose among {', '.join(ENDINGS)}")
    if args.visits <= len(endings) * 2:
        parser.error(f"--visits must be more than {len(endings) * 2} (the warm-up)")

    temp = Path(tempfile.mkdtemp(prefix="kiosk-soak-"))
    screen = REPO / "tests" / "offscreen-screen.json"  # 1920x1080
    os.environ.setdefault("QT_QPA_PLATFORM", f"offscreen:configfile={screen}")
    os.environ.update(XDG_CONFIG_HOME=str(temp / "config"), XDG_DATA_HOME=str(temp / "data"))
    from kiosk.staff_pin import hash_pin

    config = temp / "config" / "kiosk"
    config.mkdir(parents=True)
    (config / "kiosk.toml").write_text(
        f'idle_timeout = 3600\nstaff_pin_hash = "{hash_pin(PIN)}"\n', encoding="utf-8"
    )

    from _kiosk_inproc import drive  # one step per event-loop pass, as between two taps
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from kiosk import app as kiosk_app
    from kiosk.ui.kiosk.supervisor import Supervisor
    from kiosk.ui.main_window import MainWindow

    app = QApplication([sys.argv[0]])
    result: dict[str, Any] = {}

    def finished(outcome: dict[str, Any]) -> None:
        result.update(outcome)
        app.exit(1 if "error" in outcome else 0)

    def start() -> None:
        windows = [w for w in app.topLevelWidgets() if isinstance(w, MainWindow)]
        supervisor = windows[0].findChild(Supervisor) if windows else None
        if supervisor is None:  # not built yet: the second step runs after the first frame
            QTimer.singleShot(50, start)
            return
        drive(soak(app, windows[0], supervisor, args.visits, args.every, endings), finished)

    QTimer.singleShot(0, start)
    try:
        code = kiosk_app.run([])
    finally:
        shutil.rmtree(temp, ignore_errors=True)
    if "error" in result:
        print(result["error"], file=sys.stderr)
        return 1
    result.update(python=sys.version.split()[0], platform=app.platformName(), exit_code=code)
    from PySide6 import __version__ as pyside

    result["pyside6"] = pyside
    text = json.dumps(result, indent=1)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
