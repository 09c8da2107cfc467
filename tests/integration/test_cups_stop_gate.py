"""Tests that stop a CUPS scheduler run in CI or when asked, never by surprise on a
developer's machine, and then stop only a private scheduler of their own."""

from __future__ import annotations

from tests.integration.private_cups import STOP_ASKED, why_not_stop_a_scheduler


def test_stopping_a_scheduler_is_only_done_in_ci_or_when_asked():
    reason = why_not_stop_a_scheduler({})
    assert reason is not None and STOP_ASKED in reason and "never the machine's" in reason
    assert why_not_stop_a_scheduler({STOP_ASKED: "0"}) is not None
    assert why_not_stop_a_scheduler({"CI": "true"}) is None
    assert why_not_stop_a_scheduler({STOP_ASKED: "1"}) is None
