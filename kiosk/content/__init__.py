"""Content core: the model, the Markdown pipeline and the loader. No Qt here."""

from kiosk.content.loader import load_library
from kiosk.content.model import (
    ContentProblem,
    GlossaryEntry,
    Library,
    Page,
    Question,
    QuestionCategory,
    Topic,
)

__all__ = [
    "ContentProblem",
    "GlossaryEntry",
    "Library",
    "Page",
    "Question",
    "QuestionCategory",
    "Topic",
    "load_library",
]
