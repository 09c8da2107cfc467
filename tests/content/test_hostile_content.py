"""Hostile content (found by a hostile tester): 10,000 nested block quotes, a topic of
10,000 pages, pages with javascript:, file: and http: links. Each is refused with an error
naming the file (and line); nothing crashes or stalls, in the app's loader and in
`kiosk check`; and content `kiosk check` reports as an error never reaches a patient, at
start-up (the loader), on reload and in the checker.

Loading and checking run in a subprocess with a generous time limit: a hang guard (speed
itself is measured by the bench, not here).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.content import load_library
from kiosk.content.limits import MAX_PAGES
from kiosk.content.markdown_pipeline import render
from kiosk.content.reload import merge_reload
from kiosk.content.source_text import MAX_BRACKETS, MAX_NESTING
from tests.content.test_loader_errors import GOOD_PAGE, write_topic

HANG_GUARD = 60  # seconds; a few at most when all is well

LOAD = """
import json, sys
from pathlib import Path
from kiosk.content import load_library
library = load_library(Path(sys.argv[1]))
print(json.dumps({
    "pages": {f"{t.language}/{t.id}": [p.slug for p in t.pages]
              for ts in library.topics.values() for t in ts},
    "problems": [str(p) for p in library.problems],
    "html": [p.html for ts in library.topics.values() for t in ts for p in t.pages],
}))
"""


def load_in_subprocess(root: Path) -> dict:
    result = subprocess.run(
        [sys.executable, "-c", LOAD, str(root)],
        capture_output=True,
        text=True,
        timeout=HANG_GUARD,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout)


def check_in_subprocess(root: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "check", str(root), "--no-layout"],
        capture_output=True,
        text=True,
        timeout=HANG_GUARD * 2,
        env=env,
    )
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    return result


NESTED = {
    "block quotes": ("> " * 10_000 + "Au fond.\n", 4, "block quotes nested 10000 deep"),
    "quote lines": (
        "".join(">" * depth + " Plus bas.\n" for depth in range(1, 60)),
        4 + MAX_NESTING,
        f"block quotes nested {MAX_NESTING + 1} deep",
    ),
    "lists": (
        "".join("    " * depth + "- Un point.\n" for depth in range(40)),
        4 + MAX_NESTING + 1,
        f"line indented {(MAX_NESTING + 1) * 4} columns: lists nested more than {MAX_NESTING} deep",
    ),
    "brackets": ("[" * 10_000 + "Rien.\n", 4, f"paragraph has more than {MAX_BRACKETS} '['"),
}


@pytest.mark.parametrize("case", list(NESTED))
def test_deep_nesting_is_refused_with_file_and_line_and_the_rest_loads(tmp_path, case):
    body, line, message = NESTED[case]
    write_topic(
        tmp_path,
        {"01-a.md": GOOD_PAGE, "02-profond.md": "title: Profond\nkey: Trop.\n\n" + body},
    )
    data = load_in_subprocess(tmp_path)
    assert data["pages"] == {"fr/t": ["01-a"]}
    problems = "\n".join(data["problems"])
    assert f"02-profond.md:{line}: error: {message}" in problems
    assert "02-profond.md: error: page skipped because of the errors above" in problems

    result = check_in_subprocess(tmp_path)
    assert result.returncode == 1
    assert f"fr/t/02-profond.md:{line}: error: {message}" in result.stdout


def test_a_topic_of_10000_pages_is_refused_and_the_others_load(tmp_path):
    page = "title: Page\nkey: Un point.\n\nUn texte.\n"
    folder = write_topic(tmp_path, {}, topic="enorme")
    for number in range(10_000):
        (folder / f"{number:05d}-page.md").write_text(page, encoding="utf-8")
    write_topic(tmp_path, {"01-a.md": GOOD_PAGE}, topic="bon")
    data = load_in_subprocess(tmp_path)
    assert data["pages"] == {"fr/bon": ["01-a"]}
    assert (
        f"enorme: error: topic has 10000 pages, more than {MAX_PAGES} (the limit); topic skipped"
        in "\n".join(data["problems"])
    )
    result = check_in_subprocess(tmp_path)
    assert result.returncode == 1
    assert "fr/enorme: error: topic has 10000 pages" in result.stdout


def test_a_topic_at_the_page_limit_loads(tmp_path):
    folder = write_topic(tmp_path, {})
    for number in range(MAX_PAGES):
        (folder / f"{number:03d}-page.md").write_text(GOOD_PAGE, encoding="utf-8")
    data = load_in_subprocess(tmp_path)
    assert len(data["pages"]["fr/t"]) == MAX_PAGES and data["problems"] == []


DANGEROUS = """title: Des liens
key: Attention.

Cliquez [ici](javascript:alert(1)).

Voir [le fichier](file:///etc/passwd).

Voir [le site](http://example.org/piege).

Adresse : <http://example.org/adresse>.
"""


def test_a_page_with_dangerous_links_is_never_shown(tmp_path):
    """Start-up: the loader leaves the page out and says why; the other pages load."""
    write_topic(tmp_path, {"01-a.md": GOOD_PAGE, "02-liens.md": DANGEROUS})
    data = load_in_subprocess(tmp_path)
    assert data["pages"] == {"fr/t": ["01-a"]}
    problems = "\n".join(data["problems"])
    for line, link in [
        (4, "javascript:alert(1)"),
        (6, "file:///etc/passwd"),
        (8, "http://example.org/piege"),
        (10, "http://example.org/adresse"),
    ]:
        assert f"02-liens.md:{line}: error: link {link!r} refused" in problems
    assert "02-liens.md: error: page skipped because of the errors above" in problems
    for html in data["html"]:
        assert "example.org" not in html and "javascript" not in html and "file:" not in html

    result = check_in_subprocess(tmp_path)  # the checker says the same
    assert result.returncode == 1
    assert "fr/t/02-liens.md: error: page skipped because of the errors above" in result.stdout


def test_a_refused_link_never_shows_its_address(tmp_path):
    """Even where refused text is kept (the checker reads it), no address remains."""
    rendered = render(DANGEROUS, tmp_path / "02-liens.md", tmp_path)
    assert "href" not in rendered.html
    assert "example.org" not in rendered.html and "example.org" not in rendered.text
    assert "ici" in rendered.html and "le site" in rendered.html  # the words stay
    mail = render("Écrire à <a@example.org>.\n", tmp_path / "p.md", tmp_path)
    assert "href" not in mail.html and "&#" not in mail.html and "example" not in mail.text
    assert any("e-mail" in p.message for p in mail.problems)


def test_reload_keeps_the_last_good_version_and_a_new_topic_never_shows_errors(tmp_path):
    folder = write_topic(tmp_path, {"01-a.md": GOOD_PAGE, "02-liens.md": GOOD_PAGE})
    old = load_library(tmp_path)
    (folder / "02-liens.md").write_text(DANGEROUS, encoding="utf-8")
    write_topic(tmp_path, {"01-a.md": GOOD_PAGE, "02-liens.md": DANGEROUS}, topic="nouveau")
    merged, kept = merge_reload(old, load_library(tmp_path))
    assert kept == ["fr/t"]
    assert [p.title for p in merged.topic("fr", "t").pages] == ["Une page", "Une page"]
    assert [p.slug for p in merged.topic("fr", "nouveau").pages] == ["01-a"]
    assert any("02-liens.md" in str(p) and "refused" in p.message for p in merged.problems)


@pytest.mark.parametrize(
    ("name", "body"),
    [
        ("glossary.md", "title: Mots\n\nPiège\n:   Voir <http://example.org/x>.\n"),
        ("questions.md", "title: Q\n\n## Avant {: #avant }\n\n- [Piège](file:///etc)\n  {: #a }\n"),
    ],
)
def test_a_glossary_or_question_list_with_a_dangerous_link_is_left_out(tmp_path, name, body):
    write_topic(tmp_path, {"01-a.md": GOOD_PAGE, name: body})
    library = load_library(tmp_path)
    topic = library.topic("fr", "t")
    assert topic is not None and topic.glossary == () and topic.categories == ()
    assert any(
        p.path.name == name and p.message == f"{name} left out because of the errors above"
        for p in library.problems
    )


def test_a_topic_md_with_an_error_leaves_the_topic_out(tmp_path):
    folder = write_topic(tmp_path, {"01-a.md": GOOD_PAGE})
    topic_md = (folder / "topic.md").read_text(encoding="utf-8")
    (folder / "topic.md").write_text(topic_md + "\nVoir [ici](http://example.org).\n", "utf-8")
    write_topic(tmp_path, {"01-a.md": GOOD_PAGE}, topic="bon")
    library = load_library(tmp_path)
    assert [t.id for t in library.topics_for("fr")] == ["bon"]
    assert any(
        p.path.name == "topic.md" and p.message == "topic skipped because of the errors above"
        for p in library.problems
    )
