"""One "did you mean" for configuration options, topic headers and quiz lines."""

from __future__ import annotations

from kiosk.suggestions import did_you_mean


def test_the_closest_choice_is_suggested_or_nothing():
    assert did_you_mean("idle_timeout_s", {"idle_timeout", "language"}) == (
        " (did you mean 'idle_timeout'?)"
    )
    assert did_you_mean("qestions", ("title", "questions")) == " (did you mean 'questions'?)"
    assert did_you_mean("zzz", ["title", "questions"]) == ""
