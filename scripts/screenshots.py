"""Take screenshots of the real app in a real window (run under Xvfb with QT_QPA_PLATFORM=xcb).

Usage: python scripts/screenshots.py OUT_DIR [WIDTHxHEIGHT]
Walks attract -> home -> reader pages -> questions -> summary -> staff screens and saves
what the X screen shows at each step.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from kiosk.config import Settings
from kiosk.content import load_library
from kiosk.resources import content_dir, fonts_dir
from kiosk.session import Session
from kiosk.staff_pin import hash_pin
from kiosk.ui.kiosk.supervisor import Supervisor
from kiosk.ui.main_window import MainWindow
from kiosk.ui.style.fonts import register_bundled_fonts


def main() -> None:
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    size = sys.argv[2] if len(sys.argv) > 2 else "1920x1080"
    width, height = (int(v) for v in size.split("x"))
    app = QApplication([sys.argv[0]])
    family = register_bundled_fonts(fonts_dir())
    library = load_library(content_dir())
    session = Session(default_language="fr")
    settings = Settings(
        windowed=True,
        service_name="Radiologie interventionnelle",
        service_phone="01 23 45 67 89",
        staff_pin_hash=hash_pin("2468"),
    )
    window = MainWindow(library, session, settings, family)
    supervisor = Supervisor(window, reload_library=lambda: library)
    window.setGeometry(0, 0, width, height)
    window.show()
    topic = library.topics_for("fr")[0]
    questions = window.questions

    def answer(right: bool) -> None:
        options = window.quiz.item.options
        window.quiz.option_tiles[[o.right for o in options].index(right)].click()

    def wrong_answer() -> None:
        answer(False)

    def right_answer() -> None:
        answer(True)

    def write() -> None:
        questions.open_tab(questions.writer)
        questions.writer.editor.setPlainText("Pourrai-je conduire après le geste ?")

    steps = [
        ("attract", lambda: None),
        ("home", lambda: window.start_session("fr")),
        ("page01", lambda: window.open_topic(topic.id)),
        ("page05", lambda: (session.go_to(4), window.reader.show_page())),
        ("page13", lambda: (session.go_to(12), window.reader.show_page())),
        ("page13-picture", lambda: window.reader.turn(1)),
        ("page13-picture-contrast", lambda: window.set_high_contrast(True)),
        ("page10-picture", lambda: (window.set_high_contrast(False), session.go_to(9),
                                    window.reader.show_page(), window.reader.turn(1))),
        ("quiz", window.show_quiz),
        ("quiz-wrong", lambda: (window.quiz.start_button.click(), wrong_answer())),
        ("quiz-right", lambda: (window.quiz.next_button.click(), right_answer())),
        ("questions", lambda: (window.toggle_question("sejour"), window.show_questions())),
        ("questions-write", write),
        ("questions-list", lambda: (questions.writer.keyboard.submitted.emit(),
                                    questions.open_tab(questions.list_view))),
        ("summary", window.show_summary),
        ("page11-largest-text", lambda: (window.stack.setCurrentWidget(window.reader),
                                         session.go_to(10), window.reader.show_page(),
                                         window.set_text_scale(2))),
        ("page11-contrast", lambda: (window.set_text_scale(0), window.set_high_contrast(True))),
        ("definition", lambda: (window.set_high_contrast(False), session.go_to(6),
                                window.reader.show_page(),
                                window.reader.definition.show_entry(
                                    topic.glossary_entry("trocart"), True))),
        ("english", lambda: window.set_language("en")),
        ("still-there", lambda: (window.set_language("fr"), supervisor.on_idle())),
        ("pin-pad", lambda: (window.still_there.stop(), supervisor.open_staff())),
        ("staff-panel", supervisor.show_panel),
        ("contents", lambda: (supervisor.set_mode("presenter"), window.start_session("fr"),
                              window.open_topic(topic.id), window.show_contents())),
    ]  # fmt: skip

    def step(k: int = 0) -> None:
        if k > 0:
            shot = window.screen().grabWindow(0, 0, 0, width, height)
            shot.save(str(out / f"{size}-{steps[k - 1][0]}.png"))
        if k == len(steps):
            app.quit()
            return
        steps[k][1]()
        QTimer.singleShot(400, lambda: step(k + 1))

    QTimer.singleShot(600, step)
    app.exec()


if __name__ == "__main__":
    main()
