"""The complete example in content/README.md loads without a single problem."""

import re
from pathlib import Path

from kiosk.content import load_library

GUIDE = Path(__file__).resolve().parents[2] / "content" / "README.md"


def test_guide_example_is_valid_content(tmp_path):
    text = GUIDE.read_text(encoding="utf-8")
    files = re.findall(r"`content/(fr/exemple/[\w.-]+)`:\n\n```\n(.*?)```", text, re.S)
    assert {name.split("/")[-1] for name, _ in files} == {
        "topic.md", "01-la-prise-de-sang.md", "glossary.md", "questions.md"
    }  # fmt: skip
    for name, body in files:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(body, encoding="utf-8")
    library = load_library(tmp_path)
    assert [str(p) for p in library.problems] == []
    topic = library.topic("fr", "exemple")
    assert topic.pages[0].question_ids == ("douleur",)
    assert 'href="term:anticoagulant"' in topic.pages[0].html
