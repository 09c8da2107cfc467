"""Fixtures shared by the integration tests."""

from __future__ import annotations

import os

import pytest

from tests.integration.private_cups import PrivateCups, available, why_not_stop_a_scheduler


@pytest.fixture
def private_cups(tmp_path_factory, monkeypatch):
    """A scheduler and queue of the test's own (``CUPS_SERVER`` points at them), to stop
    and break freely; the machine's scheduler and queues are never touched."""
    if not available():
        message = "cupsd not installed (.ci/run installs cups)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    cups = PrivateCups(tmp_path_factory.mktemp("cups"))
    if not (cups.start() and cups.add_queue()):
        cups.stop()
        message = "could not start a private CUPS scheduler (needs to run as root here)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    monkeypatch.setenv("CUPS_SERVER", str(cups.socket))
    yield cups
    cups.cancel_all()
    cups.stop()


@pytest.fixture
def stoppable_cups(request):
    """``private_cups`` for a test that stops the scheduler: only in CI or when asked with
    KIOSK_TEST_STOP_CUPS=1 (skipped otherwise, before any scheduler is started)."""
    reason = why_not_stop_a_scheduler()
    if reason is not None:
        pytest.skip(reason)
    return request.getfixturevalue("private_cups")
