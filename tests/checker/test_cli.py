"""The command: text grouped by file, --json, exit codes, options."""

from __future__ import annotations

import json
import re

import pytest

from kiosk.checker.cli import main

from .helpers import FIXTURES, NO_QUIZ, broken_content

NO_QUIZ_MESSAGE = (
    'topic has no quiz.md: add 5 to 8 "Ai-je bien compris ?" questions (see content/README.md)'
)
SUMMARY = re.compile(r"^\d+ errors?, \d+ warnings?(, \d+ notes?)? in \d+ files? \(\d+\.\d s\)$")


def run_cli(capsys, *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    return code, capsys.readouterr().out


def test_text_output_is_grouped_by_file_with_a_summary(capsys, tmp_path):
    code, out = run_cli(capsys, str(broken_content(tmp_path)), "--no-layout")
    assert code == 1
    *body, summary = out.rstrip("\n").split("\n")
    assert body[:9] == [
        f"fr/t: warning: {NO_QUIZ_MESSAGE}",  # the fixture has no quiz.md
        "",
        "fr/t/01-bon.md: note: Kandel–Moles 130, 3 words, 3.0 words a sentence, longest 3",
        "",
        "fr/t/02-html.md:6: error: raw HTML is not allowed in content: '<div>Une boîte</div>'",
        "fr/t/02-html.md: error: page skipped because of the errors above",
        "",
        "fr/t/03-liens.md:4: error: link 'https://example.org' refused: links may only point "
        "to pages of this topic",
        "fr/t/03-liens.md:6: error: link target '09-absente.md' is not a page of this topic",
    ]
    assert body[-1] == ""
    assert SUMMARY.match(summary), summary
    # 03-liens.md has errors: it is left out, so it gets no score note
    assert summary.startswith("12 errors, 3 warnings, 1 note in 9 files (")


def test_json_output_shape(capsys):
    code, out = run_cli(capsys, str(FIXTURES / "hard"), "--no-layout", "--json")
    assert code == 0
    data = json.loads(out)
    assert set(data) == {"errors", "warnings", "problems", "seconds"}
    # 11, and each language's topic has no quiz.md
    assert (data["errors"], data["warnings"]) == (0, 11 + 2)
    assert isinstance(data["seconds"], float) and 0 <= data["seconds"] < 10
    assert len(data["problems"]) == 13 + 8  # and a score note for each of the 8 pages
    for problem in data["problems"]:
        assert set(problem) == {"path", "line", "severity", "category", "message"}
        assert problem["severity"] in {"error", "warning", "note"}
        assert problem["line"] is None or isinstance(problem["line"], int)
        assert not problem["path"].startswith("/") and "\\" not in problem["path"]
    assert data["problems"][0] == {
        "path": "en/t",
        "line": None,
        "severity": "warning",
        "category": NO_QUIZ,
        "message": NO_QUIZ_MESSAGE,
    }
    assert data["problems"][1] == {
        "path": "en/t/01-phrase-longue.md",
        "line": None,
        "severity": "note",
        "category": "score",
        "message": "Flesch reading ease 92, 10 words, 5.0 words a sentence, longest 6",
    }
    assert data["problems"][2] == {
        "path": "en/t/02-difficile.md",
        "line": None,
        "severity": "warning",
        "category": "readability",
        "message": "readability -162.8 is below 60 (Flesch reading ease: 7.0 words per sentence, "
        "4.29 syllables per word); use shorter sentences and shorter words",
    }


@pytest.mark.parametrize(
    ("folder", "strict", "code"),
    [
        ("broken", False, 1),  # errors always fail, with or without --strict
        ("broken", True, 1),
        ("parity", False, 1),
        ("hard", False, 0),  # warnings alone pass...
        ("hard", True, 1),  # ...unless --strict
    ],
)
def test_exit_codes(capsys, folder, strict, code):
    argv = [str(FIXTURES / folder), "--no-layout"] + (["--strict"] if strict else [])
    assert run_cli(capsys, *argv)[0] == code


def test_options_change_the_limits(capsys):
    folder = str(FIXTURES / "hard")
    assert run_cli(capsys, folder, "--no-layout", "--strict", "--min-readability", "-200",
                   "--max-sentence-words", "30", "--max-paragraphs", "6")[0] == 1  # fmt: skip
    _, out = run_cli(capsys, folder, "--no-layout", "--max-paragraphs", "6", "--json")
    assert json.loads(out)["warnings"] == 10 + 2  # and the two missing quiz.md
    words = str(FIXTURES / "words")

    def categories(*options: str) -> set[str]:
        _, out = run_cli(capsys, words, "--no-layout", "--json", *options)
        return {p["category"] for p in json.loads(out)["problems"] if p["severity"] == "warning"}

    assert categories() == {"words", NO_QUIZ}
    assert categories("--max-page-words", "65") == {NO_QUIZ}


def test_missing_folder_and_bad_options(capsys, tmp_path):
    code, out = run_cli(capsys, str(tmp_path / "nowhere"), "--no-layout")
    assert code == 1
    assert f"{(tmp_path / 'nowhere').as_posix()}: error: content folder not found" in out
    assert main(["--no-such-option"]) == 2
    assert "usage: kiosk check" in capsys.readouterr().err
    assert main(["--help"]) == 0
    assert "--min-readability" in capsys.readouterr().out
