"""Read-aloud on the reader: "Écouter" / "Pause" / "Reprendre" and "Arrêter".

The buttons show only when a voice for the page's language is available (the engine may
come up after the kiosk started: ``voices_changed``), and say what a tap will do.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from kiosk.ui.widgets.buttons import BigButton
from kiosk.ui.widgets.overflow_bar import OverflowBar

if TYPE_CHECKING:
    from kiosk.speech import Speaker


class ReadAloud(QObject):
    speaking_changed = Signal(bool)  # playing: the idle clock waits

    def __init__(
        self,
        listen_button: BigButton,
        stop_button: BigButton,
        toolbar: OverflowBar,
        language: Callable[[], str],
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.listen_button, self.stop_button, self.toolbar = listen_button, stop_button, toolbar
        self._language = language  # the language of what is read
        self.speaker: Speaker | None = None
        stop_button.clicked.connect(self.stop)

    def set_speaker(self, speaker: Speaker | None) -> None:
        self.speaker = speaker
        if speaker is not None:
            speaker.state_changed.connect(self.show_state)
            # The engine may come up, or find its voices, after the kiosk started.
            speaker.voices_changed.connect(self.show_state)
        self.show_state()

    def can_speak(self) -> bool:
        return self.speaker is not None and self.speaker.can_speak(self._language())

    def toggle(self, text: Callable[[], str]) -> None:
        """Pause, resume, or read ``text()`` from the start."""
        speaker = self.speaker
        if speaker is None:
            return
        if speaker.state == "speaking":
            speaker.pause()
        elif speaker.state == "paused":
            speaker.resume()
        else:
            self.speak(text())

    def speak(self, text: str) -> None:
        if self.speaker is not None:
            self.speaker.speak(text, self._language())

    def stop(self) -> None:
        if self.speaker is not None and self.speaker.state in ("speaking", "paused"):
            self.speaker.stop()

    def show_state(self, _state: str = "") -> None:
        available = self.can_speak()
        state = self.speaker.state if self.speaker is not None else "ready"
        self.toolbar.set_wanted(self.listen_button, available)
        self.toolbar.set_wanted(self.stop_button, available and state in ("speaking", "paused"))
        labels = {"speaking": self.tr("Pause"), "paused": self.tr("Reprendre")}
        self.listen_button.setText(labels.get(state, self.tr("Écouter")))
        self.listen_button.setAccessibleName(
            self.listen_button.text() if state in labels else self.tr("Écouter la page")
        )
        self.speaking_changed.emit(state == "speaking")
