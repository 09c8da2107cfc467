"""Pages laid out offscreen in the real reader; the bundled content passes --strict."""

from __future__ import annotations

import json

from PySide6.QtCore import QCoreApplication, QEvent

from kiosk.checker import Options, check
from kiosk.checker.cli import main
from kiosk.checker.layout import measure

from .helpers import FIXTURES


def test_a_long_page_needs_scrolling_and_a_short_one_does_not(qapp):
    report = check(FIXTURES / "layout", Options())
    notes = [f for f in report.findings if f.category == "layout"]
    assert [(f.path, f.line, f.severity) for f in notes] == [("fr/t/01-longue.md", None, "note")]
    details = notes[0].message.removeprefix("needs scrolling ").split("; ")
    assert [d.split(" at ")[1] for d in details] == [
        "1920×1080 with default text",
        "1280×800 with default text",
        "1920×1080 with largest text",
        "1280×800 with largest text",
    ]
    for detail in details:
        assert detail.startswith("by ") and " px (about " in detail and "%) at " in detail
    assert (report.errors, report.warnings) == (0, 0)


def test_measurement_matches_the_real_window(qtbot, make_window, library):
    """What the checker measures is what a patient sees in the app at 1280×800."""
    measured = {
        o.page.slug: o.pixels
        for o in measure(library)
        if o.page.source.parent.parent.name == "fr"
        and (o.width, o.height, o.text_size) == (1280, 800, "default text")
    }
    window = make_window(1280, 800, "fr")
    window.open_topic("cimentoplastie")
    reader = window.reader
    bar = reader.view.verticalScrollBar()
    for index in (0, 4):  # a page of text; a page with suggested questions
        window.session.go_to(index)
        reader.show_page()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        slug = reader.current_page.slug

        def same(slug=slug):
            assert bar.maximum() == measured.get(slug, 0)

        qtbot.waitUntil(same, timeout=2000)


def test_bundled_content_passes_strict(qapp, capsys):
    assert main(["--strict"]) == 0
    out = capsys.readouterr().out
    assert "0 errors, 0 warnings" in out.rstrip("\n").split("\n")[-1]


def test_bundled_content_json_has_layout_notes_only(qapp, capsys):
    assert main(["--json", "--strict"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["errors"], data["warnings"]) == (0, 0)
    assert {p["category"] for p in data["problems"]} <= {"layout"}
    assert all(p["severity"] == "note" for p in data["problems"])
