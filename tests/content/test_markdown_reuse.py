"""One Markdown converter serves every file of a load (building one per file was about a
quarter of loading a page): nothing of a file may reach the next one."""

from __future__ import annotations

from kiosk.content.markdown_pipeline import render
from tests.content.test_figure_bytes import BLUE, svg
from tests.content.test_loader_errors import write_topic

FIRST = """title: Première
key: Un point.

L'IRM et le [scanner][s] sont des examens.

*[IRM]: Imagerie par résonance magnétique

[s]: 02-b.md
"""

SECOND = """title: Deuxième
key: Un autre point.

L'IRM et le [scanner][s], encore.
"""


def test_nothing_of_one_file_reaches_the_next(tmp_path):
    folder = write_topic(tmp_path, {"images/d.svg": svg(BLUE)})
    source = FIRST + '\n![Un dessin.](images/d.svg "Le dessin")\n'
    slugs = {"01-a", "02-b"}
    first = render(source, folder / "01-a.md", folder, slugs, {"examen": ("examens",)})
    assert "<abbr" in first.html and 'href="page:02-b"' in first.html
    assert 'href="term:examen"' in first.html and first.figures and first.images
    second = render(SECOND, folder / "02-b.md", folder, slugs)
    assert "<abbr" not in second.html  # the abbreviation was the first file's
    assert "page:" not in second.html and "[scanner][s]" in second.html  # its reference too
    assert "term:" not in second.html and not second.figures and not second.images
    assert second.meta["title"] == ["Deuxième"] and "key" in second.meta
    assert second.problems == []
    # What the first file got is still its own.
    assert first.meta["title"] == ["Première"] and len(first.figures) == 1
