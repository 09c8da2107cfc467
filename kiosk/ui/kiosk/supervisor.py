"""Kiosk-wide behaviour around the main window, as an explicit state machine
(kiosk.ui.kiosk.kiosk_states): locking in kiosk mode, the idle wipe, staff access (gesture, PIN,
panel), content reload and recovery from unexpected errors.
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

from kiosk import __version__
from kiosk.config import ConfigProblem
from kiosk.content import Library
from kiosk.content.reload import merge_reload
from kiosk.i18n import fill
from kiosk.staff_pin import PinGuard
from kiosk.ui.kiosk.idle import IdleWatcher
from kiosk.ui.kiosk.kiosk_guard import KioskGuard
from kiosk.ui.kiosk.kiosk_states import Event, State, next_state
from kiosk.ui.kiosk.screen_keeper import ScreenKeeper
from kiosk.ui.main_window import MainWindow
from kiosk.ui.staff import staff_info
from kiosk.ui.staff.content_watcher import ContentWatcher
from kiosk.ui.staff.pin_pad import PinPadScreen
from kiosk.ui.staff.staff_gesture import StaffGesture
from kiosk.ui.staff.staff_panel import StaffPanel

log = logging.getLogger(__name__)
RECOVERY_SECONDS = 10
# The wipe itself failed: something of the patient may still be in memory. The process
# exits with this code so that its service (systemd, Shell Launcher) starts it afresh.
EXIT_WIPE_FAILED = 5
WINDOW_MANAGED_PLATFORMS = ("xcb", "windows")


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
        self.state = State.ATTRACT
        self.exit_app: Callable[[int], None] = QApplication.exit  # tests replace it
        self._recovering = False

        self.guard = KioskGuard(self.locked, self)
        # Under a window manager the kiosk takes the screen back by itself (kiosk mode only,
        # where another program can cover it: not offscreen, nor Wayland's cage).
        has_window_manager = QApplication.platformName() in WINDOW_MANAGED_PLATFORMS
        self.keeper = ScreenKeeper(window, self) if self.locked and has_window_manager else None
        self.idle = IdleWatcher(settings.idle_timeout, self)
        self.gesture = StaffGesture(window, window.metrics().mm(12), parent=self)
        # Asked in this order, before the window's tap guard (see AppEvents).
        window.app_events.add(self.gesture, self.idle, self.guard)

        self.pin_guard = PinGuard(settings.staff_pin_hash)
        self.pin_pad = PinPadScreen(self.pin_guard, settings.windowed)
        self.panel = StaffPanel()
        for screen in (self.pin_pad, self.panel):
            window.stack.addWidget(screen)
            screen.apply_metrics(window.metrics())
        window.style_applied.connect(self.pin_pad.apply_metrics)
        window.style_applied.connect(self.panel.apply_metrics)
        # The patient's screen to go back to after "still there?" or the staff pages.
        self._return_to: QWidget | None = None
        self.reload_pending = False
        self.watcher: ContentWatcher | None = None
        if content_root is not None:
            self.watcher = ContentWatcher(content_root, self)
            self.watcher.changed.connect(self.on_content_changed)
        self._recovery_timer = QTimer(self)
        self._recovery_timer.setSingleShot(True)
        self._recovery_timer.setInterval(RECOVERY_SECONDS * 1000)
        self._recovery_timer.timeout.connect(lambda: self.fire(Event.RECOVERED))
        for name, member in (
            ("pin pad", self.pin_pad),
            ("staff panel", self.panel),
            ("supervisor", self),
        ):
            window.visit.join(name, member)

        window.visit.started.connect(lambda _language: self.fire(Event.STARTED))
        window.session_ended.connect(self.on_session_ended)
        window.wipe_failed.connect(self.on_wipe_failed)
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
        window.still_there.continued.connect(lambda: self.fire(Event.CONTINUED))
        window.still_there.expired.connect(lambda: self.window.end_session("idle"))
        window.message.back_requested.connect(lambda: self.fire(Event.RECOVERED))
        window.questions.writer.editor.textChanged.connect(self.idle.typed)
        self.set_mode(self.mode, wipe=False)

    # The state machine ------------------------------------------------------------
    def fire(self, event: Event) -> None:
        """Move to the state the table gives for this event; an event that the current
        state does not expect changes nothing."""
        target = next_state(self.state, event)
        if target is None:
            log.debug("kiosk state %s: %s ignored", self.state.value, event.value)
            return
        if target is State.RESUME:
            target = State.READING if self.window.session.started else State.ATTRACT
        previous, self.state = self.state, target
        if target is not previous:
            log.info("kiosk state: %s -> %s (%s)", previous.value, target.value, event.value)
        self._enter(target, previous)

    def _enter(self, state: State, previous: State) -> None:
        """What each state runs and shows; everything else is stopped."""
        window = self.window
        if previous is State.STAFF_PIN and state is not State.STAFF_PIN:
            self.pin_pad.close_pad()  # its clocks never tick on a closed pad
        if state is not State.STILL_THERE:
            window.still_there.stop()
        if state is not State.RECOVERING:
            self._recovery_timer.stop()
        if state in (State.STILL_THERE, State.STAFF_PIN) and previous is State.READING:
            self._return_to = self._patient_screen()
        if state is State.ATTRACT:
            self._return_to = None
            if self.reload_pending:  # between two patients: now is the time
                self.apply_reload()
            if window.stack.currentWidget() is not window.attract:
                window.show_attract()
        elif state is State.READING:
            if previous is not State.ATTRACT and previous is not State.RECOVERING:
                window.stack.setCurrentWidget(self._return_to or window.home)
                self._return_to = None
        elif state is State.STILL_THERE:
            log.info("idle: asking whether the patient is still there")
            window.stack.setCurrentWidget(window.still_there)
            window.still_there.start(window.settings.warning_countdown)
        elif state is State.STAFF_PIN:
            if previous is not State.STAFF_PIN:
                self.pin_pad.open()
            window.stack.setCurrentWidget(self.pin_pad)
        elif state is State.STAFF:
            log.info("staff panel opened")
            self._show_panel_state()
            window.stack.setCurrentWidget(self.panel)
        self.update_idle()

    def _patient_screen(self) -> QWidget | None:
        """The screen the patient was on: never a staff page, the countdown or a message."""
        current = self.window.stack.currentWidget()
        staff_or_kiosk = (
            self.pin_pad,
            self.panel,
            self.window.still_there,
            self.window.message,
            self.window.attract,
        )
        return None if current in staff_or_kiosk else current

    def update_idle(self) -> None:
        """The idle clock runs in kiosk mode while a patient's visit is on screen, and under
        the PIN pad (an accidental gesture must not keep the last patient's screen alive)."""
        runs = (
            self.mode == "kiosk"
            and self.window.session.started
            and self.state in (State.READING, State.STAFF_PIN)
        )
        if runs and not self.idle.active:
            self.idle.start()
        elif not runs:
            self.idle.stop()

    def wipe(self) -> None:
        """A visit ended: nothing to return to."""
        self._return_to = None

    # Modes and sessions ---------------------------------------------------------
    def set_mode(self, mode: str, wipe: bool = True) -> None:
        self.mode = mode
        self.window.set_presenter(mode == "presenter")
        log.info("mode: %s", mode)
        if wipe:
            self.window.end_session("mode")  # a new mode never shows the last patient's notes
        self.update_idle()

    def on_speaking(self, speaking: bool) -> None:
        """Read-aloud playing counts as the patient being there."""
        if speaking:
            self.idle.pause("speaking")
        else:
            self.idle.resume("speaking")

    def on_idle(self) -> None:
        self.fire(Event.IDLE)

    def on_session_ended(self) -> None:
        self.fire(Event.ENDED)

    def on_wipe_failed(self, steps: list[str]) -> None:
        """Something of the patient may be left in memory: restart the whole process."""
        log.critical(
            "wipe failed (%s): exiting with code %d so that the service restarts the kiosk",
            ", ".join(steps),
            EXIT_WIPE_FAILED,
        )
        self.window.may_close = True
        self.window.hide()
        self.exit_app(EXIT_WIPE_FAILED)

    # Staff ------------------------------------------------------------------
    def open_staff(self) -> None:
        log.info("staff gesture recognised")
        if self.state in (State.STAFF_PIN, State.STAFF):
            return
        self.fire(Event.GESTURE)
        if not self.pin_guard.configured and self.window.settings.windowed:
            self.fire(Event.PIN_OK)  # no PIN: only a windowed (supervised) kiosk lets staff in
            self.panel.set_status(
                self.tr("Aucun code n'est réglé : accès ouvert car le kiosque est en mode fenêtre.")
            )

    def show_panel(self) -> None:
        if self.state is not State.STAFF_PIN:
            self.fire(Event.GESTURE)
        self.fire(Event.PIN_OK)

    def _show_panel_state(self) -> None:
        window = self.window
        topics = [
            (t.id, t.title) for t in window.library.topics_for(window.session.default_language)
        ]
        lines = staff_info.info_lines(
            window, self.mode, self.config_problems, self.crash_report, self.log_lines
        )
        self.panel.show_state(self.mode, window.library.languages, topics, lines)

    def close_staff(self) -> None:
        self.fire(Event.STAFF_LEFT)

    def quit(self) -> None:
        log.info("staff left the application")
        self.window.end_session("staff")
        self.window.may_close = True
        self.window.close()
        self.exit_app(10)  # EXIT_STAFF_QUIT (kiosk/app.py): the one exit no service restarts

    def reload_content(self) -> None:
        """Staff asked: reload now (the patient session, if any, ends first)."""
        self.window.end_session("staff")
        self.panel.set_status(self.apply_reload())
        self._show_panel_state()

    def on_content_changed(self) -> None:
        """Files changed: reload only between two patients (on the attract screen)."""
        if self.state is not State.ATTRACT:
            self.reload_pending = True
            log.info("content changed: reload waits for the end of the session")
            return
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
        message = fill(self.tr("Contenu rechargé (%1 problèmes)."), str(len(errors)))
        if kept:
            message += " " + fill(
                self.tr("Gardés dans leur dernière bonne version : %1"), ", ".join(kept)
            )
        return message

    def set_default_language(self, language: str) -> None:
        self.window.visit.set_default_language(language)
        self.window.attract.default_language = language
        self.panel.set_status(fill(self.tr("Langue par défaut : %1"), language))

    def set_default_topic(self, topic_id: str) -> None:
        self.window.default_topic = topic_id
        self.panel.set_status(fill(self.tr("Sujet au démarrage : %1"), topic_id))

    def print_test_page(self) -> None:
        from kiosk import printing  # Qt's printing module: ~20 ms at start-up, for staff only

        document = QTextDocument()
        document.setHtml(
            "<h1>Kiosk</h1><p>Page de test de l'imprimante. Test page.</p>"
            f"<p>Version {__version__}</p>"
        )
        settings = self.window.settings
        result = printing.print_silently(document, settings.printer, settings.paper)
        self.panel.set_status(
            fill(self.tr("Page de test envoyée à %1."), result.printer)
            if result.ok
            else fill(self.tr("Échec de l'impression de test (%1)."), str(result.failure))
        )

    # Errors -----------------------------------------------------------------
    def recover(
        self, kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        """An unexpected error: log it, wipe, tell the patient calmly, start afresh. Each
        step on its own; an error raised while recovering is logged, never recovered
        from twice; a wipe that fails restarts the kiosk (``on_wipe_failed``)."""
        if self._recovering:
            log.error("another error while recovering (%s); recovery continues", kind.__name__)
            return
        self._recovering = True
        try:
            self._recover(kind, error, tb)
        finally:
            self._recovering = False

    def _recover(
        self, kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        log.error("unexpected error:\n%s", "".join(traceback.format_exception(kind, error, tb)))
        try:
            self.fire(Event.ERROR)  # first: clocks, countdown and PIN pad stop
        except Exception as failure:
            log.error("recovery step state failed (%s)", type(failure).__name__)
        try:
            wiped = self.window.end_session("recovery")
        except Exception as failure:  # after the wipe: showing the attract screen
            log.error("recovery: ending the session failed (%s)", type(failure).__name__)
            self.on_wipe_failed(["end of session"])
            return
        if not wiped:
            return  # on_wipe_failed has run, through MainWindow.wipe_failed
        for step, action in (
            ("message", self._show_recovery_message),
            ("timer", self._recovery_timer.start),
        ):
            try:
                action()
            except Exception as failure:
                log.error("recovery step %s failed (%s)", step, type(failure).__name__)

    def _show_recovery_message(self) -> None:
        self.window.show_message(
            self.tr("Un petit souci technique"),
            self.tr("Nous recommençons depuis le début. Vos questions ont été effacées."),
            self.tr("Recommencer"),
        )
