"""Kiosk-wide behaviour around the main window: locking in kiosk mode, the idle wipe,
staff access (gesture, PIN, panel), content reload and recovery from unexpected errors.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QWidget

from kiosk import __version__, printing
from kiosk.config import ConfigProblem
from kiosk.content import Library
from kiosk.content.reload import merge_reload
from kiosk.staff_pin import PinGuard
from kiosk.ui.content_watcher import ContentWatcher
from kiosk.ui.idle import IdleWatcher
from kiosk.ui.kiosk_guard import KioskGuard
from kiosk.ui.main_window import MainWindow
from kiosk.ui.pin_pad import PinPadScreen
from kiosk.ui.staff_gesture import StaffGesture
from kiosk.ui.staff_panel import StaffPanel

log = logging.getLogger(__name__)
RECOVERY_SECONDS = 10


class Supervisor(QObject):
    def __init__(
        self,
        window: MainWindow,
        reload_library: Callable[[], Library],
        config_problems: list[ConfigProblem] | None = None,
        log_lines: Callable[[], list[str]] = list,
        crash_report: str | None = None,
        content_root: Path | None = None,
    ):
        super().__init__(window)
        self.window = window
        settings = window.settings
        self.reload_library, self.log_lines = reload_library, log_lines
        self.config_problems = config_problems or []
        self.crash_report = crash_report
        self.mode = settings.mode
        self.locked = not settings.windowed
        window.may_close = not self.locked

        self.guard = KioskGuard(self.locked, self)
        self.idle = IdleWatcher(settings.idle_timeout, self)
        self.gesture = StaffGesture(window, window.metrics().mm(12), parent=self)
        app = QApplication.instance()
        assert app is not None, "the supervisor needs a running QApplication"
        for event_filter in (self.guard, self.idle, self.gesture):
            app.installEventFilter(event_filter)

        self.pin_guard = PinGuard(settings.staff_pin_hash)
        self.pin_pad = PinPadScreen(self.pin_guard, settings.windowed)
        self.panel = StaffPanel()
        for screen in (self.pin_pad, self.panel):
            window.stack.addWidget(screen)
            screen.apply_metrics(window.metrics())
        window.style_applied.connect(self.pin_pad.apply_metrics)
        window.style_applied.connect(self.panel.apply_metrics)
        self._return_to: QWidget | None = None
        self.reload_pending = False
        self.watcher: ContentWatcher | None = None
        if content_root is not None:
            self.watcher = ContentWatcher(content_root, self)
            self.watcher.changed.connect(self.on_content_changed)
        window.session_ended.connect(self.on_session_ended)

        self.gesture.triggered.connect(self.open_staff)
        self.pin_pad.accepted.connect(self.show_panel)
        self.pin_pad.cancelled.connect(self.close_staff)
        self.panel.closed.connect(self.close_staff)
        self.panel.quit_requested.connect(self.quit)
        self.panel.mode_requested.connect(self.set_mode)
        self.panel.reload_requested.connect(self.reload_content)
        self.panel.language_chosen.connect(self.set_default_language)
        self.panel.topic_chosen.connect(self.set_default_topic)
        self.panel.test_page_requested.connect(self.print_test_page)
        self.idle.idle.connect(self.on_idle)
        window.reader.speaking_changed.connect(self.on_speaking)
        window.still_there.continued.connect(self.on_continue)
        window.still_there.expired.connect(self.window_end_session)
        window.stack.currentChanged.connect(self.on_screen_changed)
        window.questions.stack.currentChanged.connect(self.on_screen_changed)
        self.set_mode(self.mode, wipe=False)

    # Modes and sessions ---------------------------------------------------------
    def set_mode(self, mode: str, wipe: bool = True) -> None:
        self.mode = mode
        self.window.set_presenter(mode == "presenter")
        log.info("mode: %s", mode)
        if wipe:
            self.window_end_session()  # a new mode never shows the last patient's notes
        self.update_idle()

    def window_end_session(self) -> None:
        self.window.end_session()
        self.update_idle()

    def update_idle(self) -> None:
        """The idle clock runs in kiosk mode while a patient uses the kiosk."""
        if self.mode == "kiosk" and self.window.session.started:
            if not self.idle.active:
                self.idle.start()
        else:
            self.idle.stop()

    def on_screen_changed(self, _index: int) -> None:
        current = self.window.stack.currentWidget()
        writing = current is self.window.questions and (
            self.window.questions.stack.currentWidget() is self.window.questions.writer
        )
        # Typing pauses the clock (a long safety limit still applies).
        if writing:
            self.idle.pause("typing")
        else:
            self.idle.resume("typing")
        self.update_idle()

    def on_speaking(self, speaking: bool) -> None:
        """Read-aloud playing counts as the patient being there."""
        if speaking:
            self.idle.pause("speaking")
        else:
            self.idle.resume("speaking")

    def on_idle(self) -> None:
        window = self.window
        if not window.session.started or self.mode != "kiosk":
            return
        current = window.stack.currentWidget()
        if current is self.panel:
            return
        if current is self.pin_pad:
            # Nobody entered a PIN: close the pad, and ask about the patient's own screen.
            self.pin_pad.close_pad()
            current = self._return_to or window.home
        log.info("idle: asking whether the patient is still there")
        self._return_to = current
        window.stack.setCurrentWidget(window.still_there)
        window.still_there.start(window.settings.warning_countdown)
        self.idle.stop()

    def on_continue(self) -> None:
        self.window.stack.setCurrentWidget(self._return_to or self.window.home)
        self._return_to = None
        self.idle.start()

    # Staff ------------------------------------------------------------------
    def open_staff(self) -> None:
        window = self.window
        if window.stack.currentWidget() in (self.pin_pad, self.panel):
            return
        self._return_to = window.stack.currentWidget()
        log.info("staff gesture recognised")
        # The patient's idle clock keeps running under the PIN pad (and its lock-out): a
        # gesture made by accident must not keep the last patient's screen alive.
        if not self.pin_guard.configured and window.settings.windowed:
            self.show_panel()  # no PIN: only a windowed (supervised) kiosk lets staff in
            self.panel.set_status(
                self.tr("Aucun code n'est réglé : accès ouvert car le kiosque est en mode fenêtre.")
            )
            return
        self.pin_pad.open()
        window.stack.setCurrentWidget(self.pin_pad)

    def show_panel(self) -> None:
        log.info("staff panel opened")
        self.idle.stop()  # staff are there: they are not thrown out
        window = self.window
        topics = [
            (t.id, t.title) for t in window.library.topics_for(window.session.default_language)
        ]
        self.panel.show_state(self.mode, window.library.languages, topics, self.info_lines())
        window.stack.setCurrentWidget(self.panel)

    def close_staff(self) -> None:
        self.window.stack.setCurrentWidget(self._return_to or self.window.attract)
        self._return_to = None
        self.update_idle()

    def info_lines(self) -> list[str]:
        window = self.window
        lines = [f"Kiosk {__version__} — mode {self.mode}"]
        settings = window.settings
        lines.append(
            f"Configuration : {settings.config_path or 'aucun fichier (valeurs par défaut)'}"
        )
        lines += [f"  ! {problem}" for problem in self.config_problems]
        lines.append(self.display_line())
        for language, topics in sorted(window.library.topics.items()):
            for topic in topics:
                lines.append(
                    f"Contenu {language}/{topic.id} : version {topic.version}, "
                    f"relu le {topic.reviewed}, {len(topic.pages)} pages"
                )
        lines += [f"  ! {problem}" for problem in window.library.problems]
        if self.crash_report:
            lines += ["", "Dernier arrêt brutal :", self.crash_report.strip()]
        lines += ["", "Dernières lignes du journal :", *self.log_lines()]
        return lines

    def display_line(self) -> str:
        """The figures the sizes are computed from, so staff can check the display."""
        window = self.window
        m = window.applied_metrics or window.metrics()
        diagonal = window.settings.screen_diagonal
        source = (
            f"diagonale réglée {diagonal:g} pouces (screen_diagonal)"
            if diagonal > 0
            else "taille annoncée par l'écran"
        )
        line = (
            f"Affichage : fenêtre {window.width()}×{window.height()} px, "
            f"{m.dpi:.0f} points par pouce ({source}), texte {m.body_px} px"
        )
        if m.reduced:
            line += " — réduit pour que six lignes tiennent sur l'écran"
        return line

    def quit(self) -> None:
        log.info("staff left the application")
        self.window.may_close = True
        self.window.close()
        QApplication.quit()

    def reload_content(self) -> None:
        """Staff asked: reload now (the patient session, if any, ends first)."""
        self.window.end_session()
        self.update_idle()
        self.panel.set_status(self.apply_reload())
        self.show_panel()

    def on_content_changed(self) -> None:
        """Files changed: reload only while nobody is using the kiosk."""
        if self.window.session.started or self.window.stack.currentWidget() in (
            self.pin_pad,
            self.panel,
        ):
            self.reload_pending = True
            log.info("content changed: reload waits for the end of the session")
            return
        self.apply_reload()
        self.window.show_attract()

    def on_session_ended(self) -> None:
        # Whatever staff do next, "Retour" goes to the attract screen, never to a screen
        # of the visit that has just been wiped.
        self._return_to = None
        if self.reload_pending:
            self.apply_reload()
            self.window.show_attract()

    def apply_reload(self) -> str:
        self.reload_pending = False
        merged, kept = merge_reload(self.window.library, self.reload_library())
        if not merged.languages:
            log.error("reload refused: no usable topic; keeping the current content")
            return self.tr("Rechargement refusé : aucun sujet utilisable.")
        self.window.set_library(merged)
        errors = [p for p in merged.problems if p.severity == "error"]
        log.info("content reloaded: %d problems", len(merged.problems))
        for problem in merged.problems:
            log.warning("content: %s", problem)
        for name in kept:
            log.warning("content: %s has errors; its last good version stays on screen", name)
        message = self.tr("Contenu rechargé (%1 problèmes).").replace("%1", str(len(errors)))
        if kept:
            message += " " + self.tr("Gardés dans leur dernière bonne version : %1").replace(
                "%1", ", ".join(kept)
            )
        return message

    def set_default_language(self, language: str) -> None:
        self.window.session.default_language = language
        self.window.attract.default_language = language
        self.panel.set_status(self.tr("Langue par défaut : %1").replace("%1", language))

    def set_default_topic(self, topic_id: str) -> None:
        self.window.default_topic = topic_id
        self.panel.set_status(self.tr("Sujet au démarrage : %1").replace("%1", topic_id))

    def print_test_page(self) -> None:
        document = QTextDocument()
        document.setHtml(
            "<h1>Kiosk</h1><p>Page de test de l'imprimante. Test page.</p>"
            f"<p>Version {__version__}</p>"
        )
        settings = self.window.settings
        result = printing.print_silently(document, settings.printer, settings.paper)
        self.panel.set_status(
            self.tr("Page de test envoyée à %1.").replace("%1", result.printer)
            if result.ok
            else self.tr("Échec de l'impression de test (%1).").replace("%1", str(result.failure))
        )

    # Errors -----------------------------------------------------------------
    def recover(
        self, kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        """An unexpected error: log it, tell the patient calmly, start afresh."""
        log.error("unexpected error:\n%s", "".join(traceback.format_exception(kind, error, tb)))
        window = self.window
        window.end_session()
        self.update_idle()
        window.show_message(
            self.tr("Un petit souci technique"),
            self.tr("Nous recommençons depuis le début. Vos questions ont été effacées."),
            self.tr("Recommencer"),
        )
        QTimer.singleShot(RECOVERY_SECONDS * 1000, self._leave_message)

    def _leave_message(self) -> None:
        if self.window.stack.currentWidget() is self.window.message:
            self.window.show_attract()
