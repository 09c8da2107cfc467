"""Illustrations in pages: a figure with its caption and alternative text, or a clear error
naming the page and the line; a hostile drawing is never shown."""

from __future__ import annotations

from pathlib import Path

from kiosk.content.markdown_pipeline import render

SAFE_SVG = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<svg xmlns="http://www.w3.org/2000/svg" version="1.2" baseProfile="tiny" '
    'viewBox="0 0 800 400" xml:lang="fr">\n'
    '<rect x="10" y="10" width="780" height="380" fill="#F2E6CF" stroke="#1B1B1B"/>\n'
    '<text x="400" y="200" font-size="40" fill="#1B1B1B">Vertèbre</text>\n'
    "</svg>\n"
)


def topic_with(tmp_path: Path, svg: str = SAFE_SVG) -> Path:
    folder = tmp_path / "fr" / "t"
    (folder / "images").mkdir(parents=True)
    (folder / "images" / "os.svg").write_text(svg, encoding="utf-8")
    return folder


def render_page(folder: Path, body: str):
    return render(f"title: Une page\n\n{body}", folder / "01-page.md", folder)


def test_an_image_alone_on_its_line_is_a_figure_with_its_caption(tmp_path):
    folder = topic_with(tmp_path)
    result = render_page(folder, 'Avant.\n\n![Une vertèbre](images/os.svg "Une vertèbre")\n')
    assert result.problems == []
    assert '<p align="center" class="figure"><img alt="Une vertèbre"' in result.html
    assert '<p align="center" class="caption">Une vertèbre</p>' in result.html
    assert result.figures == [
        ((folder / "images" / "os.svg").resolve().as_uri(), "Une vertèbre", "Une vertèbre")
    ]
    assert result.text.split("\n") == ["Avant."]  # captions are not in the word budget


def test_missing_alternative_text_and_caption_are_errors_on_their_line(tmp_path):
    folder = topic_with(tmp_path)
    result = render_page(folder, "Avant.\n\n![](images/os.svg)\n")
    messages = {(p.line, p.message.split(":")[0]) for p in result.problems}
    assert messages == {(5, "image has no alternative text"), (5, "image has no caption")}


def test_an_image_inside_a_sentence_is_refused_and_its_words_kept(tmp_path):
    folder = topic_with(tmp_path)
    result = render_page(folder, "Voici ![un os](images/os.svg) ici.\n")
    assert [p.message for p in result.problems] == [
        "an image must be alone in its paragraph (a line of its own)"
    ]
    assert "<img" not in result.html and "Voici <span>un os</span> ici." in result.html


def test_a_hostile_drawing_is_refused_and_never_reaches_the_page(tmp_path):
    hostile = SAFE_SVG.replace("</svg>", '<script>alert("x")</script></svg>')
    folder = topic_with(tmp_path, hostile)
    result = render_page(folder, 'Texte.\n\n![Une vertèbre](images/os.svg "Légende")\n')
    assert len(result.problems) == 1
    problem = result.problems[0]
    assert problem.path == folder / "01-page.md" and problem.line == 5
    assert "refused" in problem.message and "<script>" in problem.message
    assert "<img" not in result.html and "Une vertèbre" in result.html


def test_labels_in_another_language_are_refused(tmp_path):
    folder = topic_with(tmp_path, SAFE_SVG.replace('xml:lang="fr"', 'xml:lang="en"'))
    result = render_page(folder, '![Une vertèbre](images/os.svg "Légende")\n')
    assert any("'en'" in p.message for p in result.problems), result.problems


def test_colours_outside_the_palette_are_a_warning_not_a_refusal(tmp_path):
    folder = topic_with(tmp_path, SAFE_SVG.replace("#F2E6CF", "#FF0000"))
    result = render_page(folder, '![Une vertèbre](images/os.svg "Légende")\n')
    assert [p.severity for p in result.problems] == ["warning"]
    assert "#FF0000" in result.problems[0].message
    assert "<img" in result.html
