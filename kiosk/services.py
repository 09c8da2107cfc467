"""Services the kiosk's window is given once built: content (loaded and logged), read-aloud,
signed content updates and anonymous usage figures."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from PySide6.QtCore import QObject
    from PySide6.QtWidgets import QWidget

    from kiosk.config import Settings
    from kiosk.content import Library
    from kiosk.speech import Speaker
    from kiosk.ui.kiosk.supervisor import Supervisor
    from kiosk.ui.reading.figures_hook import FigureCounter

log = logging.getLogger("kiosk")


def make_speaker(parent: QObject, languages: tuple[str, ...] = ("fr", "en")) -> Speaker:
    import sys

    from kiosk.speech import Speaker

    # speechd takes seconds to start: on a speech thread, so the kiosk never freezes. Other
    # platforms' engines are not tested on a thread of their own, so they stay as they were.
    background = sys.platform.startswith("linux")
    speaker = Speaker(parent=parent, languages=languages, background=background)
    if not speaker.retrying:  # else the speaker logs what it waits for, and when it is ready
        for language in languages:
            reason = speaker.unavailable_reason(language)
            if reason:
                log.warning("read-aloud in %s unavailable: %s", language, reason)
    return speaker


def load_and_log(root: Path) -> Library:
    from kiosk.content.loader import load_library

    library = load_library(root)
    topics = sum(len(topics) for topics in library.topics.values())
    log.info(
        "content loaded: %d topics in %s, %d problems",
        topics,
        library.languages,
        len(library.problems),
    )
    for problem in library.problems:
        log.warning("content: %s", problem)
    return library


def start_updates(
    window: QWidget,
    supervisor: Supervisor,
    settings: Settings,
    state: Path,
    figures: FigureCounter | None = None,
) -> None:
    """Signed content updates, when configured: checks on a schedule and from the staff
    panel; a new release is shown from the next patient on (docs/fleet.md)."""
    panel = supervisor.panel
    if not (settings.update_source and settings.trusted_root):
        panel.show_updates(False, "")
        return
    from kiosk.ui.staff.updates import UpdateService

    updates = UpdateService(settings, state, window)

    def checked(result) -> None:
        panel.show_updates(True, updates.status_text())
        if figures is not None:  # the release shown and the last check, for monitoring
            from kiosk.fleet.update import current_release, last_check_hour

            figures.figures.set_status(current_release(state), last_check_hour(state))
        if result.changed:
            supervisor.on_content_changed()  # between two patients

    updates.checked.connect(checked)
    panel.update_requested.connect(updates.check_now)
    panel.show_updates(True, updates.status_text())
    updates.start()


def count_figures(app: QObject, window: QWidget, folder: Path) -> FigureCounter:
    """Anonymous usage figures for the hospital's monitoring (docs/fleet.md)."""
    from kiosk.fleet.figures import Figures
    from kiosk.ui.reading.figures_hook import FigureCounter

    counter = FigureCounter(window, Figures(folder))
    app.aboutToQuit.connect(counter.close)  # type: ignore[attr-defined]
    return counter
