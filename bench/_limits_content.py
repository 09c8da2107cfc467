"""Content for the "limits" bench: the bundled content plus a French topic at every limit
of kiosk/content/limits.py, and, with ``hostile=True``, what a hostile tester tried (a
10,000-page topic, a 5,000-word glossary), which the loader refuses.

    python bench/_limits_content.py OUT_DIR [--hostile]
"""

from __future__ import annotations

import random
import shutil
import sys
from pathlib import Path

from kiosk.content.limits import (
    MAX_GLOSSARY_TERMS,
    MAX_PAGE_BYTES,
    MAX_PAGES,
    MAX_QUESTIONS,
    MAX_QUIZ_ITEMS,
    MAX_TOPIC_BYTES,
)
from kiosk.resources import content_dir

LIMIT_TOPIC = "limite"
TOPIC_MD = """title: Un sujet aux limites
description: Autant de pages, de mots et de questions que permis.
language: fr
version: 1.0
reviewed: 2026-12-01
source: Banc d'essai
"""


def _glossary(count: int) -> str:
    return "title: Glossaire\n\n" + "".join(
        f"Mot{k:04d}\n:   Un mot expliqué simplement.\n\n" for k in range(count)
    )


def _questions(count: int) -> str:
    items = "".join(f"- Question numéro {k} ?\n  {{: #q{k} }}\n" for k in range(count))
    return "title: Questions\n\n## Avant {: #avant }\n\n" + items


def _quiz(count: int, page: str) -> str:
    return "title: Ai-je bien compris ?\n\n" + "".join(
        f"## Question {k} ? {{: #quiz{k} }}\n\n- Oui\n- [x] Non\n\nexplain: Non.\npage: {page}\n\n"
        for k in range(count)
    )


def write_topic(folder: Path, pages: int, terms: int, questions: int, quiz: int) -> None:
    """Each page uses 60 of the glossary's words; the first pages are as large as allowed,
    as many as the limit on a topic's pages together leaves room for."""
    folder.mkdir(parents=True)
    rng = random.Random(20)
    words = [f"Mot{k:04d}" for k in range(terms)] or ["mot"]
    (folder / "topic.md").write_text(TOPIC_MD, encoding="utf-8")
    (folder / "glossary.md").write_text(_glossary(terms), encoding="utf-8")
    (folder / "questions.md").write_text(_questions(questions), encoding="utf-8")
    (folder / "quiz.md").write_text(_quiz(quiz, "00001-page"), encoding="utf-8")
    bodies = []
    for number in range(pages):
        text = " ".join(rng.choice(words) for _ in range(60))
        bodies.append(
            f"title: Page {number + 1}\nkey: Un point.\nquestions: q{number % questions}\n\n"
            f"Une phrase avec {text}.\n"
        )
    room = MAX_TOPIC_BYTES - sum(len(body.encode()) for body in bodies) - 1024
    sentence = "Une phrase simple avec Mot0001 et Mot0002 pour la page. " * 6
    for number, body in enumerate(bodies):
        if room > 0:
            grown = body
            fill = min(room, MAX_PAGE_BYTES - len(body.encode()) - 1)
            grown += ("\n" + sentence) * (fill // (len(sentence.encode()) + 1))
            room -= len(grown.encode()) - len(body.encode())
            body = grown
        (folder / f"{number:05d}-page.md").write_text(body, encoding="utf-8")


def make(root: Path, hostile: bool = False) -> Path:
    shutil.copytree(content_dir(), root)
    write_topic(
        root / "fr" / LIMIT_TOPIC, MAX_PAGES, MAX_GLOSSARY_TERMS, MAX_QUESTIONS, MAX_QUIZ_ITEMS
    )
    if hostile:  # refused by the loader: counted, never converted
        write_topic(root / "fr" / "enorme", 10_000, 10, 10, 2)
        glossary = root / "fr" / "cimentoplastie" / "glossary.md"
        glossary.write_text(
            "title: Glossaire\n\n" + "".join(f"Mot{k:04d}\n:   Un mot.\n\n" for k in range(5000)),
            encoding="utf-8",
        )
    return root


if __name__ == "__main__":
    make(Path(sys.argv[1]), "--hostile" in sys.argv)
