"""The start language first: the kiosk reads the other languages' content after it is
ready, or when a patient asks for one; `kiosk check` and a full load read everything."""

from __future__ import annotations

import shutil
from pathlib import Path

from kiosk.content import load_library
from kiosk.resources import content_dir


def test_the_other_languages_wait_but_are_offered_with_their_titles(library):
    first = load_library(content_dir(), first="fr")
    assert list(first.topics) == ["fr"] and list(first.pending) == ["en"]
    assert first.languages == library.languages == ["en", "fr"]
    assert first.titles() == library.titles()  # from the headers: nothing read for them
    assert "en" in first.pending
    english = first.topics_for("en")  # asked for: read now
    assert first.pending == {} and first.peeked_titles == {}
    assert [t.id for t in english] == [t.id for t in library.topics_for("en")]
    assert english[0].pages == library.topics_for("en")[0].pages
    assert first.problems == library.problems == []


def broken_english(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    shutil.copytree(content_dir(), root)
    page = next((root / "en" / "cimentoplastie").glob("02-*.md"))
    page.write_text(page.read_text(encoding="utf-8") + "\n<script>x</script>\n", encoding="utf-8")
    return root


def test_problems_of_a_later_language_are_found_when_it_is_read(tmp_path):
    root = broken_english(tmp_path)
    whole = load_library(root)  # kiosk check and reloads: everything, every problem at once
    assert any("02-" in str(p.path) for p in whole.errors)
    first = load_library(root, first="fr")
    assert first.problems == []
    first.load_rest()
    assert [str(p) for p in first.problems] == [str(p) for p in whole.problems]
    assert [len(t.pages) for t in first.topics_for("en")] == [
        len(t.pages) for t in whole.topics_for("en")
    ]  # the broken page left out, the topic still shown


def test_a_start_language_without_topics_reads_everything_at_once(tmp_path):
    root = tmp_path / "content"
    shutil.copytree(content_dir(), root)
    (root / "fr" / "cimentoplastie" / "topic.md").unlink()
    library = load_library(root, first="fr")
    assert library.pending == {} and library.languages == ["en"]
    assert any("topic.md is missing" in p.message for p in library.problems)
