"""One patient's visit: what they read and what they chose. Lives in memory only.

Nothing here is ever written to disk or to a log. ``wipe()`` forgets the patient.
"""

from __future__ import annotations

from kiosk.questions import QuestionList


class Session:
    # A plain class, not a dataclass: no generated repr that would print the patient's
    # questions wherever a session is shown, and ~1 ms less before the first frame.
    def __init__(self, default_language: str) -> None:
        self.default_language = default_language
        self.language = default_language
        self.topic_id: str | None = None
        self.page_index = 0  # 0-based
        self.page_count = 0
        self.questions = QuestionList()
        self.pages_covered: set[int] = set()  # presenter mode: ticked by the nurse
        self.started = False  # a patient is using the kiosk (not the attract screen)
        self.text_scale = 0  # index into the UI's text sizes: A, A+, A++
        self.high_contrast = False
        self.quiz_index = -1  # "Ai-je bien compris ?": -1 is its introduction
        self.quiz_answers: dict[str, int] = {}  # quiz item id -> the option tapped (never kept)

    # Reading ------------------------------------------------------------
    def open_topic(self, topic_id: str, page_count: int) -> None:
        if topic_id != self.topic_id:
            self.pages_covered.clear()
        self.topic_id = topic_id
        self.page_count = page_count
        self.page_index = 0

    def keep_topic(self, page_count: int) -> None:
        """The same topic with another number of pages (another language, where a broken
        page was skipped): stay on the page if it exists, else on the last one."""
        self.page_count = page_count
        self.page_index = max(0, min(self.page_index, page_count - 1))

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
