"""`kiosk check` refuses every hostile or broken picture, naming the page, its line and the
file, and the kiosk shows the picture's words instead."""

from __future__ import annotations

import shutil

import pytest

from kiosk.checker.cli import main

from .helpers import FIXTURES

SAFE = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
    'version="1.2" baseProfile="tiny" viewBox="0 0 800 400" xml:lang="fr">\n'
    '<rect x="10" y="10" width="300" height="200" fill="#F2E6CF" stroke="#1B1B1B"/>\n'
    "BODY\n</svg>\n"
)
HOSTILE = {
    "script": ("<script>alert(1)</script>", "<script>"),
    "foreign object": (
        '<foreignObject width="10" height="10"><p>x</p></foreignObject>',
        "foreignObject",
    ),
    "remote link": ('<use xlink:href="https://example.org/a.svg#x"/>', "href"),
    "other file": ('<use xlink:href="autre.svg#x"/>', "href"),
    "embedded image": ('<image href="data:image/png;base64,AAAA" width="1" height="1"/>', "image"),
    "event handler": ('<rect onload="alert(1)" width="1" height="1"/>', "onload"),
    "css url": ('<rect style="fill:url(https://example.org/x)" width="1" height="1"/>', "url("),
}


def topic_with_picture(tmp_path, svg: str):
    content = tmp_path / "content"
    topic = content / "fr" / "t"
    shutil.copytree(FIXTURES / "words" / "fr" / "t", topic)
    for page in topic.glob("0*.md"):
        page.unlink()
    (topic / "images").mkdir()
    (topic / "images" / "dessin.svg").write_text(svg, encoding="utf-8")
    page = topic / "01-os.md"
    page.write_text(
        "title: L'os\nkey: Un os.\n\nVoici l'os.\n\n"
        '![Un dessin de l\'os.](images/dessin.svg "Le dessin")\n',
        encoding="utf-8",
    )
    return content, page, 6


@pytest.mark.parametrize("variant", sorted(HOSTILE))
def test_each_hostile_picture_is_refused_with_the_page_line_and_file(capsys, tmp_path, variant):
    body, named = HOSTILE[variant]
    content, page, line = topic_with_picture(tmp_path, SAFE.replace("BODY", body))
    code = main([str(content), "--no-layout"])
    out = capsys.readouterr().out
    assert code == 1, out
    relative = page.relative_to(content).as_posix()
    refusals = [row for row in out.splitlines() if "images/dessin.svg" in row and "refused" in row]
    assert refusals, out
    assert refusals[0].startswith(f"{relative}:{line}: error: image 'images/dessin.svg' refused")
    assert named in refusals[0]


def test_a_safe_picture_passes(capsys, tmp_path):
    content, _, _ = topic_with_picture(tmp_path, SAFE.replace("BODY", ""))
    main([str(content), "--no-layout"])
    out = capsys.readouterr().out
    assert "dessin.svg" not in out, out
