"""In-process measurements of the real kiosk (run by bench/run.py, one mode per process).

Modes (each prints one JSON line):
  turns N        page-turn latency over N turns, kiosk window
  floor-turns N  the same pages through a bare QTextBrowser.setHtml (the floor)
  soak T W       memory after T page turns and W session wipes
  pdf N          summary document and PDF time, and the same sheet through a bare
                 QTextDocument to PDF (the floor)
  lazy N         first use of each screen built on demand, against later uses
  limits N       a topic at every content limit against the bundled one, N runs
  load N         content loading: bundled, at the limits, and hostile (refused) content

The kiosk is started by ``kiosk.app.run`` itself, unchanged (supervisor, event filters,
full screen), and measured from inside its event loop; the caller points XDG_* at a
temporary folder with an idle timeout long enough not to wipe the session mid-run.
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
import traceback
from pathlib import Path

from _probe import peak_rss_mb, rss_mb


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def summary(values_ms: list[float]) -> dict[str, float]:
    return {
        "median": statistics.median(values_ms),
        "p95": percentile(values_ms, 0.95),
        "max": max(values_ms),
        "n": len(values_ms),
    }


def ping_pong(count: int, pages: int):
    """+1 up to the last page, -1 back to the first, and so on."""
    index, step = 0, 1
    for _ in range(count):
        if not 0 <= index + step < pages:
            step = -step
        index += step
        yield step


# Kiosk ---------------------------------------------------------------------------------
def find_window(app):
    from kiosk.ui.main_window import MainWindow

    for widget in app.topLevelWidgets():
        if isinstance(widget, MainWindow):
            return widget
    raise RuntimeError("no MainWindow")


def fill_screen(window) -> None:
    """Full screen without a window manager (bare Xvfb ignores the full-screen request)."""
    screen = window.screen().geometry()
    if window.size() != screen.size():
        window.setGeometry(screen)


def wait_exposed(app, window) -> None:
    """Until the window is on screen and has built everything after its first frame."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        app.processEvents()
        handle = window.windowHandle()
        if handle is not None and handle.isExposed() and getattr(window, "is_ready", True):
            return
    raise RuntimeError("the window was never exposed and ready")


def open_first_topic(window, language: str = "fr"):
    window.start_session(language)
    topic = window.library.topics_for(language)[0]
    window.open_topic(topic.id)
    return topic


def reader_ping_pong(window, count: int):
    """Forward through every screen of every page to the last, then back to the first,
    and so on: turns between screens of one page and between pages, as a patient reads."""
    reader, step = window.reader, 1
    for _ in range(count):
        at_start = window.session.page_index == 0 and reader.view.screen_index == 0
        if (step > 0 and reader.on_last_screen) or (step < 0 and at_start):
            step = -step
        yield step


def bench_turns(app, window, count: int):
    """turn + reader.repaint(); and turn + processEvents (layout, paint and flush)."""
    open_first_topic(window)
    reader, session = window.reader, window.session
    yield
    repaint, full = [], []
    kinds: dict[str, list[float]] = {"screen": [], "page": []}
    for step in reader_ping_pong(window, count):
        page = session.page_index
        start = time.perf_counter()
        reader.turn(step)
        reader.repaint()
        repaint.append((time.perf_counter() - start) * 1000)
        kinds["page" if session.page_index != page else "screen"].append(repaint[-1])
        yield  # back to the event loop, as between two taps
    for step in reader_ping_pong(window, count):
        start = time.perf_counter()
        reader.turn(step)
        app.processEvents()
        full.append((time.perf_counter() - start) * 1000)
        yield
    # A text-size change as the patient makes it (new sizes, page re-rendered and cut into
    # screens again, same passage kept), and the cutting alone for the page on screen.
    resize, cut = [], []
    for number in range(30):
        start = time.perf_counter()
        window.set_text_scale((number + 1) % 3)
        reader.repaint()
        resize.append((time.perf_counter() - start) * 1000)
        yield
        view = reader.view
        start = time.perf_counter()
        view._laid_out_for = (-1, -1)
        view.paginate()
        cut.append((time.perf_counter() - start) * 1000)
        yield
    return {
        "turn_repaint_ms": summary(repaint),
        "turn_within_page_ms": summary(kinds["screen"]),
        "turn_to_page_ms": summary(kinds["page"]),
        "turn_process_events_ms": summary(full),
        "text_size_change_ms": summary(resize),
        "repaginate_ms": summary(cut),
        "window_size": [window.width(), window.height()],
        "reader_size": [reader.width(), reader.height()],
    }


def bench_soak(app, window, turns: int, wipes: int):
    """Sessions as patients have them, until `turns` turns and `wipes` wipes are done."""
    import gc

    from PySide6.QtCore import QObject

    objects_baseline = 0
    turns_per_session = max(1, turns // max(1, wipes))
    samples: list[tuple[int, float]] = []
    done_turns = 0
    # The read-aloud engine is the last piece of start-up (~1.5 s after the window shows,
    # then ~2 s on its own thread for speech-dispatcher and its voices, ~4-7 MB): part of
    # the baseline, not growth. Waited for until it has a voice or stops trying.
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        speaker = window.reader.speaker
        if speaker is not None and (speaker.can_speak("fr") or not speaker.retrying):
            break
        time.sleep(0.01)
        yield
    start = time.perf_counter()
    baseline = None
    for session in range(wipes + 1):  # session 0 warms every cache, then the baseline
        topic = open_first_topic(window, "fr" if session % 2 == 0 else "en")
        question = topic.all_questions[session % len(topic.all_questions)]
        window.toggle_question(question.id)
        yield
        for step in ping_pong(turns_per_session, len(topic.pages)):
            window.reader.turn(step)
            if session:
                done_turns += 1
            yield
        window.show_quiz()  # the teach-back check too, with an answer
        window.quiz.start_button.click()
        if window.quiz.option_tiles:
            window.quiz.option_tiles[session % len(window.quiz.option_tiles)].click()
        yield
        window.show_summary()
        yield
        window.end_session()  # through the Visit controller, like every end of a visit
        yield
        if session == 0:
            gc.collect()
            baseline = rss_mb()
            samples.append((0, baseline))
            objects_baseline = len(window.findChildren(QObject))
        elif session % 50 == 0 or session == wipes:
            gc.collect()
            samples.append((session, rss_mb()))
    assert baseline is not None
    final = samples[-1][1]
    objects_final = len(window.findChildren(QObject))
    return {
        "qobjects_baseline": objects_baseline,
        "qobjects_final": objects_final,
        "turns": done_turns,
        "wipes": wipes,
        "rss_baseline_mb": baseline,
        "rss_final_mb": final,
        "growth_mb": final - baseline,
        "rss_samples": samples,
        "seconds": time.perf_counter() - start,
        "alive": True,
        "peak_rss_mb": peak_rss_mb(),
    }


def bench_pdf(app, window, count: int):
    """Summary with five questions: build it (document + previews), then write the PDF.
    Floor: the same sheet (its HTML and pictures) through a bare QTextDocument to PDF."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QPdfWriter, QTextDocument

    from kiosk import printing
    from kiosk.summary import PICTURE_RESOURCE, QR_RESOURCE

    topic = open_first_topic(window)
    for question in topic.all_questions[:5]:
        window.toggle_question(question.id)
    ahead = getattr(window, "qr_ahead", None)  # the QR code encoded ahead (summary_qr)
    build, write, bare, cpu, cold, pages = [], [], [], [], [], 0
    with tempfile.TemporaryDirectory() as temp:
        for n in range(count):
            if ahead is not None:
                # Each summary as a patient's first: the code forgotten, the list changed
                # by a last tap, then the patient reads on (the code is encoded meanwhile).
                ahead.wipe()
                window.toggle_question(topic.all_questions[4].id)
                window.toggle_question(topic.all_questions[4].id)
                while ahead.pending:
                    yield
            start, cpu_start = time.perf_counter(), time.thread_time()
            window.show_summary()
            build.append((time.perf_counter() - start) * 1000)
            document = window.summary.document
            path = Path(temp) / f"summary-{n}.pdf"
            start = time.perf_counter()
            printing.write_pdf(document, path, "A4")
            write.append((time.perf_counter() - start) * 1000)
            cpu.append((time.thread_time() - cpu_start) * 1000)  # CPU time: what load adds not
            pages = document.pageCount()
            html = document.toHtml()
            kind = QTextDocument.ResourceType.ImageResource
            images = {
                name: document.resource(kind, QUrl(name))
                for name in (QR_RESOURCE, PICTURE_RESOURCE)
            }
            yield
            start = time.perf_counter()
            floor = QTextDocument()
            for name, image in images.items():
                if image is not None:
                    floor.addResource(kind, QUrl(name), image)
            floor.setHtml(html)
            writer = QPdfWriter(str(Path(temp) / f"floor-{n}.pdf"))
            writer.setPageLayout(printing.page_layout("A4"))
            floor.print_(writer)
            del writer  # the file is finished here
            bare.append((time.perf_counter() - start) * 1000)
            yield
            if ahead is not None:  # "Mon résumé" tapped within the quiet time: encoded then
                ahead.wipe()
                start = time.perf_counter()
                window.show_summary()
                cold.append((time.perf_counter() - start) * 1000)
                yield
    return {
        "summary_build_ms": summary(build),
        "summary_build_cold_ms": summary(cold or build),
        "pdf_write_ms": summary(write),
        "total_ms": summary([b + w for b, w in zip(build, write, strict=True)]),
        "total_cpu_ms": summary(cpu),
        "floor_html_to_pdf_ms": summary(bare),
        "pages": pages,
    }


def bench_lazy(app, window, runs: int):
    """The screens built on first use: the tap that opens each one the first time (built,
    shown, painted) against the same tap once it exists. Fresh process per run."""
    from kiosk.ui.lazy_screens import LAZY_SCREENS

    unbuilt = [name for name in LAZY_SCREENS if name not in window.__dict__]
    open_first_topic(window)
    yield

    cpu: dict[str, float] = {}

    def timed(action, name: str = "") -> float:
        start, cpu_start = time.perf_counter(), time.thread_time()
        action()
        window.repaint()
        app.processEvents()
        if name:
            cpu[name] = (time.thread_time() - cpu_start) * 1000
        return (time.perf_counter() - start) * 1000

    first: dict[str, float] = {}
    again: dict[str, list[float]] = {}
    for name, action in (
        ("glossary", window.show_glossary),
        ("contents", window.show_contents),
        ("quiz", window.show_quiz),
        ("summary", window.show_summary),
    ):
        first[name] = timed(action, name)
        yield
        window.back_to_reader()
        yield
        for _ in range(runs):
            again.setdefault(name, []).append(timed(action))
            yield
            window.back_to_reader()
            yield
    return {
        "unbuilt_at_ready": unbuilt,
        "first_ms": first,
        "first_cpu_ms": cpu,
        "again_ms": {name: summary(values) for name, values in again.items()},
    }


def bench_limits(app, window, runs: int):
    """A topic at every content limit against the bundled topic (the floor), both in this
    window: open the topic and paint its first page, then tap "Suivant" and paint; then
    open the words, the suggested questions and the nurse's contents (each built when
    first shown)."""
    from _limits_content import LIMIT_TOPIC
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    def timed(action, widget) -> float:
        start = time.perf_counter()
        action()
        widget.repaint()
        app.processEvents()
        return (time.perf_counter() - start) * 1000

    # The read-aloud engine starts ~1.5 s after the window shows and takes a few seconds
    # (its own measure): not inside the figures below.
    deadline = time.monotonic() + 15
    while window.reader.speaker is None and time.monotonic() < deadline:
        time.sleep(0.01)
        yield
    figures: dict[str, dict[str, list[float]]] = {}
    screens: dict[str, int] = {}
    for _ in range(runs):
        for topic_id in ("cimentoplastie", LIMIT_TOPIC):
            window.end_session()
            yield
            window.start_session("fr")
            yield
            row = figures.setdefault(topic_id, {})
            reader = window.reader
            start = time.perf_counter()
            window.open_topic(topic_id)
            reader.repaint()
            app.processEvents()
            painted = (time.perf_counter() - start) * 1000
            screens[topic_id] = reader.view.screen_count
            QTest.mouseClick(reader.next_button, Qt.MouseButton.LeftButton)
            reader.repaint()
            app.processEvents()
            served = (time.perf_counter() - start) * 1000
            row.setdefault("open_paint_ms", []).append(painted)
            row.setdefault("open_to_tap_served_ms", []).append(served)
            yield
            for name, action, widget in (
                ("glossary_ms", window.show_glossary, window.glossary),
                ("questions_ms", window.show_questions, window.questions),
                ("contents_ms", window.show_contents, window.contents),
            ):
                row.setdefault(name, []).append(timed(action, widget))
                yield
                window.back_to_reader()
                yield
    topic = window.library.topic("fr", LIMIT_TOPIC)
    return {
        "topics": {
            topic_id: {name: summary(values) for name, values in row.items()}
            for topic_id, row in figures.items()
        },
        "limit_topic": {
            "pages": len(topic.pages),
            "terms": len(topic.glossary),
            "questions": len(topic.all_questions),
            "quiz": len(topic.quiz.items) if topic.quiz else 0,
            "first_page_screens": screens[LIMIT_TOPIC],
        },
        "window_size": [window.width(), window.height()],
    }


def drive(steps, done) -> None:
    """Run a generator one step per event-loop pass: the loop paints, lays out and deletes
    what was deleteLater()'d between steps, as it does between a patient's taps."""
    from PySide6.QtCore import QTimer

    def step() -> None:
        try:
            next(steps)
        except StopIteration as stop:
            done(stop.value)
        except Exception:
            done({"error": traceback.format_exc()})
        else:
            QTimer.singleShot(0, step)

    QTimer.singleShot(0, step)


def run_in_kiosk(mode: str, numbers: list[int], kiosk_args: list[str] | None = None) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from kiosk import app as kiosk_app

    app = QApplication([sys.argv[0]])
    outcome = {"code": 1}

    def done(result: dict) -> None:
        result["platform"] = app.platformName()
        print(json.dumps(result), flush=True)
        outcome["code"] = 1 if "error" in result else 0
        app.exit(outcome["code"])

    def start() -> None:
        try:
            window = find_window(app)
            fill_screen(window)
            wait_exposed(app, window)
        except Exception:
            done({"error": traceback.format_exc()})
            return
        benches = {
            "turns": bench_turns,
            "soak": bench_soak,
            "pdf": bench_pdf,
            "limits": bench_limits,
            "lazy": bench_lazy,
        }
        drive(benches[mode](app, window, *numbers), done)

    QTimer.singleShot(0, start)
    kiosk_app.run(kiosk_args or [])
    return outcome["code"]


# Floor -----------------------------------------------------------------------------------
def floor_turns(count: int) -> int:
    """A bare QTextBrowser in a full-screen window: setHtml(page) + repaint()."""
    from PySide6.QtWidgets import QApplication, QMainWindow, QTextBrowser

    from kiosk.content import load_library
    from kiosk.resources import content_dir

    app = QApplication([sys.argv[0]])
    topic = load_library(content_dir()).topics_for("fr")[0]
    window = QMainWindow()
    browser = QTextBrowser()
    window.setCentralWidget(browser)
    window.showFullScreen()
    fill_screen(window)
    wait_exposed(app, window)
    pages = [page.html for page in topic.pages]
    times, index = [], 0
    for step in ping_pong(count, len(pages)):
        index += step
        app.processEvents()
        start = time.perf_counter()
        browser.setHtml(pages[index])
        browser.repaint()
        times.append((time.perf_counter() - start) * 1000)
    result = {
        "set_html_repaint_ms": summary(times),
        "window_size": [window.width(), window.height()],
    }
    result["platform"] = app.platformName()
    print(json.dumps(result), flush=True)
    return 0


def load_times(runs: int) -> int:
    """Loading the content (no Qt): bundled; with a topic at every limit; and with also a
    10,000-page topic and a 5,000-word glossary, which are refused."""
    from _limits_content import make

    from kiosk.content import load_library
    from kiosk.resources import content_dir

    result: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as temp:
        folders = {
            "bundled": content_dir(),
            "at_limits": make(Path(temp) / "limits"),
            "hostile": make(Path(temp) / "hostile", hostile=True),
        }
        for name, folder in folders.items():
            times = []
            for _ in range(runs):
                start = time.perf_counter()
                library = load_library(folder)
                times.append((time.perf_counter() - start) * 1000)
            result[name] = {
                "load_ms": summary(times),
                "errors": len(library.errors),
                "topics": sum(len(topics) for topics in library.topics.values()),
            }
    print(json.dumps(result), flush=True)
    return 0


def limits_in_kiosk(runs: int) -> int:
    from _limits_content import make

    with tempfile.TemporaryDirectory() as temp:
        folder = make(Path(temp) / "content")
        return run_in_kiosk("limits", [runs], ["--content", str(folder)])


def main() -> None:
    mode, numbers = sys.argv[1], [int(n) for n in sys.argv[2:]]
    if mode == "floor-turns":
        code = floor_turns(numbers[0])
    elif mode == "load":
        code = load_times(numbers[0])
    elif mode == "limits":
        code = limits_in_kiosk(numbers[0])
    else:
        code = run_in_kiosk(mode, numbers)
    sys.stdout.flush()
    import os

    os._exit(code)


if __name__ == "__main__":
    main()
