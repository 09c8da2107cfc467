"""Pages laid out offscreen in the real reader; the bundled content passes --strict."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QCoreApplication

from kiosk.checker import Options, check
from kiosk.checker.cli import main
from kiosk.checker.layout import DISPLAYS, measure, reference_settings
from kiosk.content import load_library

from .helpers import FIXTURES, NO_QUIZ


def test_each_page_reports_its_screens_per_display_and_text_size(qapp):
    report = check(FIXTURES / "layout", Options())
    notes = {f.path: f for f in report.findings if f.category == "layout"}
    assert set(notes) == {"fr/t/01-longue.md", "fr/t/02-courte.md"}
    assert all(f.severity == "note" and f.line is None for f in notes.values())
    short = notes["fr/t/02-courte.md"].message
    assert short == ("screens at A / A+ / A++: 1920×1080 1/1/1, 1280×800 1/1/1, 800×1280 1/1/1"), (
        short
    )
    # The long page takes more screens on the tablet than on the kiosk, and more at A++.
    results = {r.page.slug: r for r in measure(load_library(FIXTURES / "layout"))}
    long_page = results["01-longue"]
    assert long_page.screens(1280, 800, 0) > 1
    assert long_page.screens(1280, 800, 2) > long_page.screens(1280, 800, 0)
    assert long_page.screens(1920, 1080, 0) <= long_page.screens(1280, 800, 0)
    # The long page is also far over the word budget (a warning of its own).
    assert [(f.path, f.category) for f in report.findings if f.severity != "note"] == [
        ("fr/t/01-longue.md", "words"),
        ("fr/t", NO_QUIZ),  # the fixture has no quiz.md
    ]


@pytest.mark.parametrize(
    ("width", "height", "size", "language"),
    [(1280, 800, 0, "fr"), (1920, 1080, 1, "en"), (800, 1280, 2, "fr")],
)
def test_counts_match_the_real_reader(qtbot, make_window, library, width, height, size, language):
    """What the checker counts (the reader alone, no window built) is what a patient gets
    in the kiosk's own window started at that size, on every page, at each text size
    (chosen going up from A: the reader keeps some sizes of the text sizes it showed)."""
    counted = {
        r.page.slug: r.screens(width, height, size)
        for r in measure(library)
        if r.page.source.parent.parent.name == language
    }
    window = make_window(width, height, language, settings=reference_settings(language))
    for step in range(1, size + 1):  # A, then up one size at a time, as the checker does
        window.set_text_scale(step)
    window.open_topic("cimentoplastie")
    for index, page in enumerate(window.current_topic().pages):
        window.jump_to_page(index)
        QCoreApplication.processEvents()
        assert window.reader.view.screen_count == counted[page.slug], page.slug


def test_a_page_that_cannot_fit_one_screen_is_still_found(qapp):
    """The long fixture page takes several screens on every display and text size, more
    at A++ than at A, and the fast layout finds the same on the tablet held upright."""
    results = {r.page.slug: r for r in measure(load_library(FIXTURES / "layout"))}
    long_page = results["01-longue"]
    assert all(count > 1 for *_rest, count in long_page.counts), long_page.counts
    for width, height in DISPLAYS:
        assert long_page.screens(width, height, 2) > long_page.screens(width, height, 0)


def test_bundled_content_passes_strict(qapp, capsys):
    assert main(["--strict"]) == 0
    out = capsys.readouterr().out
    assert "0 errors, 0 warnings" in out.rstrip("\n").split("\n")[-1]


def test_bundled_content_json_has_notes_only(qapp, capsys):
    assert main(["--json", "--strict"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["errors"], data["warnings"]) == (0, 0)
    assert {p["category"] for p in data["problems"]} <= {"layout", "score"}
    assert all(p["severity"] == "note" for p in data["problems"])
