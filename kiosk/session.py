"""One patient's visit: what they read and what they chose. Lives in memory only.

Nothing here is ever written to disk or to a log. ``wipe()`` forgets the patient.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kiosk.questions import QuestionList


@dataclass
class Session:
    default_language: str
    language: str = ""
    topic_id: str | None = None
    page_index: int = 0  # 0-based
    page_count: int = 0
    questions: QuestionList = field(default_factory=QuestionList)
    pages_covered: set[int] = field(default_factory=set)  # presenter mode: ticked by the nurse
    started: bool = False  # a patient is using the kiosk (not the attract screen)
    text_scale: int = 0  # index into the UI's text sizes: A, A+, A++
    high_contrast: bool = False

    def __post_init__(self) -> None:
        self.language = self.language or self.default_language

    # Reading ------------------------------------------------------------
    def open_topic(self, topic_id: str, page_count: int) -> None:
        if topic_id != self.topic_id:
            self.pages_covered.clear()
        self.topic_id = topic_id
        self.page_count = page_count
        self.page_index = 0

    def go_to(self, index: int) -> bool:
        """Move to a page; return False (and stay) when it does not exist."""
        if not 0 <= index < self.page_count or index == self.page_index:
            return False
        self.page_index = index
        return True

    def next_page(self) -> bool:
        return self.go_to(self.page_index + 1)

    def previous_page(self) -> bool:
        return self.go_to(self.page_index - 1)

    @property
    def on_last_page(self) -> bool:
        return self.page_count > 0 and self.page_index == self.page_count - 1

    @property
    def on_first_page(self) -> bool:
        return self.page_index == 0

    # Ending -------------------------------------------------------------
    def wipe(self) -> None:
        """Forget everything about this patient; keep only the kiosk's default language."""
        fresh = Session(self.default_language)
        self.__dict__.update(fresh.__dict__)
