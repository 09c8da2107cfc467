"""The Markdown pipeline produces only the HTML subset we allow, and plain text."""

from __future__ import annotations

from pathlib import Path

from kiosk.content.markdown_pipeline import ALLOWED, render


def tags_in(html: str) -> set[str]:
    import re

    return set(re.findall(r"<([a-z0-9]+)", html))


def test_callout_becomes_a_table_cell_qt_can_colour(tmp_path):
    source = 'title: x\n\nTexte.\n\n!!! note "Bon à savoir"\n    Buvez de l\'eau.\n'
    result = render(source, tmp_path / "p.md", tmp_path)
    assert '<td class="callout">' in result.html
    assert "<strong>Bon à savoir</strong>" in result.html
    assert "<div" not in result.html


def test_only_allowed_tags_and_attributes(tmp_path):
    source = (
        "# Titre {: #t .grand style='color:red' }\n\n"
        "Un *mot* et **un autre** et `code`.\n\n"
        "| a | b |\n|---|---|\n| 1 | 2 |\n\n"
        "Terme\n:   Définition\n\n*[HTML]: Hyper Text\n\nDu HTML ici.\n"
    )
    result = render(source, tmp_path / "p.md", tmp_path)
    assert result.problems == []
    assert tags_in(result.html) <= set(ALLOWED)
    assert "style" not in result.html and "class" not in result.html
    assert '<abbr title="Hyper Text">HTML</abbr>' in result.html


def test_script_in_link_text_or_attributes_never_passes(tmp_path):
    source = "[clic](javascript:alert(1))\n\n![x](data:image/png;base64,AAAA)\n"
    result = render(source, tmp_path / "p.md", tmp_path)
    assert "javascript" not in result.html and "data:" not in result.html
    assert len(result.problems) == 2


def test_plain_text_has_one_line_per_block(tmp_path):
    source = "Premier paragraphe\nsur deux lignes.\n\n- un\n- deux\n\n## Titre\n"
    result = render(source, Path("p.md"), tmp_path)
    assert result.text == "Premier paragraphe sur deux lignes.\nun\ndeux\nTitre"


def test_entities_and_specials_are_escaped(tmp_path):
    result = render("Tension < 12 & pouls > 60\n", Path("p.md"), tmp_path)
    assert "&lt; 12 &amp; pouls &gt; 60" in result.html
    assert result.problems == []
