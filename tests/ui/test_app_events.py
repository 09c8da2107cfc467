"""The kiosk's one application-wide event filter: each event reaches the handlers that asked
for its kind, last added first, until one keeps it; a deleted handler leaves the table."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QWidget

from kiosk.ui.widgets.app_events import AppEvents


class Recorder(QObject):
    def __init__(self, name: str, kinds: set[QEvent.Type], log: list, keep: bool = False):
        super().__init__()
        self.EVENT_TYPES = frozenset(kinds)
        self.name, self.log, self.keep = name, log, keep

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        self.log.append((self.name, event.type()))
        return self.keep


def send(target: QObject, kind: QEvent.Type) -> None:
    QCoreApplication.sendEvent(target, QEvent(kind))


@pytest.fixture
def events(qtbot):
    """A dispatcher on the application, owned by a window of its own, for one test."""
    owner = QWidget()
    qtbot.addWidget(owner)
    dispatcher = AppEvents(owner)
    dispatcher.install()
    yield dispatcher
    dispatcher.leave()


def test_handlers_see_only_their_kinds_in_order_until_one_keeps_the_event(events):
    log: list = []
    first = Recorder("first", {QEvent.Type.User}, log)
    keeper = Recorder("keeper", {QEvent.Type.User, QEvent.Type.MaxUser}, log, keep=True)
    events.add(first)
    events.add(keeper)  # added last: asked first
    target = QObject()
    send(target, QEvent.Type.MaxUser)
    send(target, QEvent.Type.User)
    assert log == [("keeper", QEvent.Type.MaxUser), ("keeper", QEvent.Type.User)]
    keeper.keep = False
    log.clear()
    send(target, QEvent.Type.User)
    assert log == [("keeper", QEvent.Type.User), ("first", QEvent.Type.User)]
    send(target, QEvent.Type.Timer)  # nobody asked for it
    assert [kind for _, kind in log].count(QEvent.Type.Timer) == 0


def test_a_deleted_handler_leaves_the_table(events):
    log: list = []
    gone = Recorder("gone", {QEvent.Type.User}, log)
    events.add(Recorder("stays", {QEvent.Type.User}, log), gone)
    gone.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    send(QObject(), QEvent.Type.User)  # no call into the deleted handler
    assert log == [("stays", QEvent.Type.User)]


def test_the_kiosk_installs_one_filter_with_every_handler_in_it(make_window, library):
    """The supervisor's gesture, idle clock and guard, then the window's tap guard."""
    from kiosk.ui.kiosk.supervisor import Supervisor

    window = make_window()
    supervisor = Supervisor(window, reload_library=lambda: library)
    order = window.app_events._handlers
    assert order == [supervisor.gesture, supervisor.idle, supervisor.guard, window.tap_guard]


def test_a_window_being_deleted_leaves_the_application_first(library, family):
    """The widgets of a window being deleted, half destroyed, never reach Python: the
    filter leaves the application when its window is about to be deleted."""
    from kiosk.config import Settings
    from kiosk.session import Session
    from kiosk.ui.main_window import MainWindow

    window = MainWindow(library, Session("fr"), Settings(windowed=True), family)  # deleted here
    window.show()
    log: list = []
    seen = Recorder("seen", {QEvent.Type.Destroy, QEvent.Type.User}, log)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # others' first
    window.app_events.add(seen)
    send(QObject(), QEvent.Type.User)
    assert log == [("seen", QEvent.Type.User)]  # installed and asked
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not [kind for _, kind in log if kind == QEvent.Type.Destroy]
