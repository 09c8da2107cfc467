"""Content core: the model, the Markdown pipeline and the loader. No Qt here.

Names are imported on first use, so that the kiosk can paint its first screen (which needs
only kiosk.content.titles) before paying for the model and for Python-Markdown.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.content.loader import load_library
    from kiosk.content.model import (
        ContentProblem,
        Figure,
        GlossaryEntry,
        Library,
        Page,
        Question,
        QuestionCategory,
        Topic,
    )

_HOMES = {
    "ContentProblem": "model",
    "Figure": "model",
    "GlossaryEntry": "model",
    "Library": "model",
    "Page": "model",
    "Question": "model",
    "QuestionCategory": "model",
    "Topic": "model",
    "load_library": "loader",
}
__all__ = [
    "ContentProblem",
    "Figure",
    "GlossaryEntry",
    "Library",
    "Page",
    "Question",
    "QuestionCategory",
    "Topic",
    "load_library",
]


def __getattr__(name: str) -> object:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{_HOMES[name]}"), name)
