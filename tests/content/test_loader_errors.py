"""Broken content gives a clear message with file and line, and never takes the rest down."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.content import load_library
from kiosk.content.markdown_pipeline import render

TOPIC_MD = """title: Sujet de test
description: Une ligne.
language: fr
version: 1.0
reviewed: 2026-01-01
source: Test
"""

GOOD_PAGE = """title: Une page
key: Un point clé.

Un texte simple.
"""


def write_topic(root: Path, files: dict[str, str | bytes], topic: str = "t", lang: str = "fr"):
    folder = root / lang / topic
    folder.mkdir(parents=True, exist_ok=True)
    files = {"topic.md": TOPIC_MD, **files}
    for name, body in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(body, bytes):
            path.write_bytes(body)
        else:
            path.write_text(body, encoding="utf-8")
    return folder


def problems_of(root: Path) -> list[tuple[str, int | None, str]]:
    library = load_library(root)
    return [(p.path.name, p.line, p.message) for p in library.problems]


def test_good_topic_loads(tmp_path):
    write_topic(tmp_path, {"01-a.md": GOOD_PAGE})
    library = load_library(tmp_path)
    assert library.problems == []
    assert [p.title for p in library.topic("fr", "t").pages] == ["Une page"]


def test_missing_topic_file(tmp_path):
    folder = tmp_path / "fr" / "t"
    folder.mkdir(parents=True)
    (folder / "01-a.md").write_text(GOOD_PAGE, encoding="utf-8")
    assert ("topic.md", None, "topic.md is missing; topic skipped") in problems_of(tmp_path)


def test_missing_required_header_names_the_key(tmp_path):
    write_topic(tmp_path, {"01-a.md": "title: Une page\n\nTexte.\n"})
    assert ("01-a.md", 1, "header 'key:' is missing or empty") in problems_of(tmp_path)


def test_unknown_header_suggests_the_right_one(tmp_path):
    write_topic(tmp_path, {"01-a.md": "title: Une page\nkey: Point.\nqestions: x\n\nTexte.\n"})
    (name, line, message) = problems_of(tmp_path)[0]
    assert (name, line) == ("01-a.md", 3)
    assert "unknown header 'qestions' (did you mean 'questions'?)" in message


def test_raw_html_is_refused_with_its_line(tmp_path):
    page = GOOD_PAGE + "\nUne ligne.\n\n<script>alert(1)</script>\n"
    write_topic(tmp_path, {"01-a.md": page, "02-b.md": GOOD_PAGE})
    problems = problems_of(tmp_path)
    assert ("01-a.md", 8, "raw HTML is not allowed in content: '<script>alert(1)</script>'") in (
        problems
    )
    # The broken page is left out, the good one still loads.
    topic = load_library(tmp_path).topic("fr", "t")
    assert [p.slug for p in topic.pages] == ["02-b"]


def test_inline_html_is_refused(tmp_path):
    write_topic(tmp_path, {"01-a.md": GOOD_PAGE + "\nDu <b>gras</b>.\n"})
    assert ("01-a.md", 6, "raw HTML is not allowed in content: '<b>'") in problems_of(tmp_path)


@pytest.mark.parametrize(
    "link",
    ["http://example.org/x", "https://example.org", "file:///etc/passwd", "mailto:a@b.c"],
)
def test_external_links_are_refused(tmp_path, link):
    write_topic(tmp_path, {"01-a.md": GOOD_PAGE + f"\nVoir [ici]({link}).\n", "02-b.md": GOOD_PAGE})
    expected = f"link {link!r} refused: links may only point to pages of this topic"
    assert ("01-a.md", 6, expected) in problems_of(tmp_path)
    assert ("01-a.md", None, "page skipped because of the errors above") in problems_of(tmp_path)
    assert [p.slug for p in load_library(tmp_path).topic("fr", "t").pages] == ["02-b"]
    rendered = render(f"Voir [ici]({link}).\n", tmp_path / "01-a.md", tmp_path)
    assert "href" not in rendered.html and "ici" in rendered.html


def test_link_to_another_page_becomes_internal(tmp_path):
    write_topic(
        tmp_path, {"01-a.md": GOOD_PAGE + "\nVoir [la suite](02-b.md).\n", "02-b.md": GOOD_PAGE}
    )
    library = load_library(tmp_path)
    assert library.problems == []
    assert 'href="page:02-b"' in library.topic("fr", "t").pages[0].html


def test_broken_internal_link(tmp_path):
    write_topic(tmp_path, {"01-a.md": GOOD_PAGE + "\nVoir [la suite](09-z.md).\n"})
    expected = "link target '09-z.md' is not a page of this topic"
    assert ("01-a.md", 6, expected) in problems_of(tmp_path)


def test_images_must_exist_inside_the_topic(tmp_path):
    (tmp_path / "secret.png").write_bytes(b"\x89PNG")
    body = GOOD_PAGE + "\n![un os](images/os.png)\n\n![dehors](../../secret.png)\n"
    write_topic(tmp_path, {"01-a.md": body})
    problems = problems_of(tmp_path)
    assert ("01-a.md", 6, "image 'images/os.png' not found in the topic folder") in problems
    outside = "image '../../secret.png' refused: it is outside the topic folder"
    assert ("01-a.md", 8, outside) in problems
    remote = tmp_path / "r"
    write_topic(remote, {"01-a.md": GOOD_PAGE + "\n![x](http://example.org/a.png)\n"})
    expected = (
        "image 'http://example.org/a.png' refused: images must be files inside the topic folder"
    )
    assert ("01-a.md", 6, expected) in problems_of(remote)


def tiny_png() -> bytes:
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)  # 1x1, grey
    pixels = zlib.compress(b"\x00\x00")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def test_existing_image_is_resolved_to_the_topic_folder(tmp_path):
    page_text = GOOD_PAGE + '\n![un os](os.png "Un os")\n'
    folder = write_topic(tmp_path, {"01-a.md": page_text})
    (folder / "os.png").write_bytes(tiny_png())
    page = load_library(tmp_path).topic("fr", "t").pages[0]
    assert (folder / "os.png").resolve().as_uri() in page.html


def test_a_broken_picture_file_is_refused_and_named(tmp_path):
    folder = write_topic(tmp_path, {"01-a.md": GOOD_PAGE + '\n![un os](os.png "Un os")\n'})
    (folder / "os.png").write_bytes(b"\x89PNG\r\n")  # cut short
    library = load_library(tmp_path)
    assert library.topic("fr", "t") is None  # its only page has an error: never shown
    assert any(p.path.name == "01-a.md" and "os.png" in p.message for p in library.problems)
    rendered = render('![un os](os.png "Un os")\n', folder / "01-a.md", folder)
    assert "<img" not in rendered.html and "un os" in rendered.html


def test_wrong_encoding_names_the_line(tmp_path):
    latin1 = "title: Une page\nkey: Point.\n\nLigne un.\nCafé crème.\n".encode("latin-1")
    write_topic(tmp_path, {"01-a.md": latin1, "02-b.md": GOOD_PAGE})
    problems = problems_of(tmp_path)
    assert ("01-a.md", 5, "text is not valid UTF-8 (save the file as UTF-8)") in problems
    assert len(load_library(tmp_path).topic("fr", "t").pages) == 1


def test_huge_file_is_refused(tmp_path):
    write_topic(tmp_path, {"01-a.md": GOOD_PAGE + "mot " * 100_000, "02-b.md": GOOD_PAGE})
    ((name, line, message),) = problems_of(tmp_path)
    assert name == "01-a.md" and line is None and message.startswith("file is too large")


def test_empty_page(tmp_path):
    write_topic(tmp_path, {"01-a.md": "title: Vide\nkey: Rien.\n", "02-b.md": GOOD_PAGE})
    assert ("01-a.md", None, "page has no text; page skipped") in problems_of(tmp_path)


def test_questions_need_ids_and_pages_must_reference_known_ones(tmp_path):
    questions = "title: Q\n\n## Avant {: #avant }\n\n- Sans identifiant ?\n- Avec ?\n  {: #avec }\n"
    page = "title: Une page\nkey: Point.\nquestions: avec, inconnue\n\nTexte.\n"
    write_topic(tmp_path, {"01-a.md": page, "questions.md": questions})
    problems = problems_of(tmp_path)
    assert (
        "questions.md",
        5,
        "question needs an id on the next line, indented: '  {: #sejour }'",
    ) in problems
    assert ("01-a.md", 3, "question id 'inconnue' is not defined in questions.md") in problems
    topic = load_library(tmp_path).topic("fr", "t")
    assert topic.pages[0].question_ids == ("avec",)


def test_glossary_term_without_definition(tmp_path):
    glossary = "title: Glossaire\n\nTrocart\n:   Une aiguille.\n\nScopie\n\nAutre\n:   Déf.\n"
    write_topic(tmp_path, {"01-a.md": GOOD_PAGE, "glossary.md": glossary})
    expected = (
        "'Scopie' is not a glossary entry: write the term, then its definition "
        "on the next line starting with ':   '"
    )
    assert ("glossary.md", 6, expected) in problems_of(tmp_path)
    topic = load_library(tmp_path).topic("fr", "t")
    assert [e.term for e in topic.glossary] == ["Trocart", "Autre"]


def test_one_broken_topic_does_not_stop_another(tmp_path):
    write_topic(tmp_path, {"01-a.md": GOOD_PAGE}, topic="bon")
    write_topic(tmp_path, {"01-a.md": "<div>rien</div>\n"}, topic="casse")
    library = load_library(tmp_path)
    assert [t.id for t in library.topics_for("fr")] == ["bon"]
    assert any(p.path.parent.name == "casse" for p in library.errors)


def test_no_usable_topic_is_reported(tmp_path):
    (tmp_path / "fr").mkdir()
    library = load_library(tmp_path)
    assert library.languages == []
    assert [p.message for p in library.errors] == ["no usable topic in the content folder"]


def test_language_header_must_match_folder(tmp_path):
    write_topic(tmp_path, {"01-a.md": GOOD_PAGE}, lang="en")
    assert ("topic.md", 3, "language is 'fr' but the folder is 'en'") in problems_of(tmp_path)
