"""Take screenshots of the real app in a real window (run under Xvfb with QT_QPA_PLATFORM=xcb).

Usage: python scripts/screenshots.py OUT_DIR [WIDTHxHEIGHT]
Walks home -> reader pages and saves what the X screen shows at each step.
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
from kiosk.ui.fonts import register_bundled_fonts
from kiosk.ui.main_window import MainWindow


def main() -> None:
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    size = sys.argv[2] if len(sys.argv) > 2 else "1920x1080"
    width, height = (int(v) for v in size.split("x"))
    pages = [int(v) for v in sys.argv[3].split(",")] if len(sys.argv) > 3 else [0, 4, 10]
    app = QApplication([sys.argv[0]])
    family = register_bundled_fonts(fonts_dir())
    library = load_library(content_dir())
    session = Session(default_language="fr")
    settings = Settings(
        windowed=True, service_name="Radiologie interventionnelle", service_phone="01 23 45 67 89"
    )
    window = MainWindow(library, session, settings, family)
    window.setGeometry(0, 0, width, height)
    window.show()
    steps: list = [lambda: None]
    names = ["home"]
    topic_id = library.topics_for("fr")[0].id
    steps.append(lambda: window.open_topic(topic_id))
    names.append("page01")
    for index in pages[1:]:
        steps.append(lambda i=index: (session.go_to(i), window.reader.show_page()))
        names.append(f"page{index + 1:02d}")

    screen = window.questions
    topic = library.topics_for("fr")[0]
    steps.append(
        lambda: (window.toggle_question(topic.all_questions[0].id), window.show_questions())
    )
    names.append("questions-suggested")
    steps.append(
        lambda: (
            screen.open_tab(screen.writer),
            screen.writer.editor.setPlainText("Pourrai-je conduire après le geste ?"),
        )
    )
    names.append("questions-write")
    steps.append(
        lambda: (screen.writer.keyboard.submitted.emit(), screen.open_tab(screen.list_view))
    )
    names.append("questions-list")
    steps.append(window.show_summary)
    names.append("summary")

    def step(k: int = 0) -> None:
        if k > 0:
            shot = window.screen().grabWindow(0, 0, 0, width, height)
            shot.save(str(out / f"{size}-{names[k - 1]}.png"))
        if k == len(steps):
            app.quit()
            return
        steps[k]()
        QTimer.singleShot(400, lambda: step(k + 1))

    QTimer.singleShot(600, step)
    app.exec()


if __name__ == "__main__":
    main()
