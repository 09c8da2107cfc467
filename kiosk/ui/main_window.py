"""The main window: a stack of screens wired to one session. Navigation lives here;
kiosk-wide behaviour (idle, staff access, locking) lives in kiosk.ui.supervisor.

Built in two steps so the kiosk shows something at once: the attract screen from the topic
titles alone, then, after that first frame, the content and every other screen
(``build``). Given a loaded library, the constructor does both at once.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QPixmapCache
from PySide6.QtWidgets import QMainWindow, QSizePolicy, QStackedWidget, QWidget

from kiosk.config import Settings
from kiosk.i18n import use_language
from kiosk.session import Session
from kiosk.ui.attract import AttractScreen
from kiosk.ui.metrics import TEXT_SCALES, Metrics
from kiosk.ui.theme import CALM, HIGH_CONTRAST, Palette, style_sheet

if TYPE_CHECKING:
    from kiosk.content import Library, Topic
    from kiosk.ui.contents import ContentsScreen
    from kiosk.ui.glossary_view import GlossaryScreen
    from kiosk.ui.home import HomeScreen
    from kiosk.ui.placeholder import MessageScreen
    from kiosk.ui.questions_screen import QuestionsScreen
    from kiosk.ui.quiz_screen import QuizScreen
    from kiosk.ui.reader import ReaderScreen
    from kiosk.ui.still_there import StillThereScreen
    from kiosk.ui.summary_screen import SummaryScreen

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    session_ended = Signal()
    style_applied = Signal(object)  # Metrics: screens outside the window follow them
    ready = Signal()  # every screen is built and the content is loaded

    library: Library
    home: HomeScreen
    reader: ReaderScreen
    questions: QuestionsScreen
    summary: SummaryScreen
    contents: ContentsScreen
    glossary: GlossaryScreen
    quiz: QuizScreen
    still_there: StillThereScreen
    message: MessageScreen
    error: MessageScreen

    def __init__(
        self,
        library: Library | None,
        session: Session,
        settings: Settings,
        family: str,
        titles: dict[str, list[str]] | None = None,
    ):
        super().__init__()
        self.session, self.settings, self.family = session, settings, family
        self.palette_ = CALM
        self.default_topic = settings.default_topic
        self.presenter = settings.presenter
        self.is_ready = False
        self._pending_start: str | None = None
        self.may_close = True  # the supervisor forbids closing in kiosk mode
        self.applied_metrics: Metrics | None = None
        self._sized = False  # resized at least once (else sizes are the screen's)
        self._styled_size = self.size()
        self._body_caps: dict[tuple[int, int, int, float], int] = {}  # measured on the reader
        self.setWindowTitle("Kiosk")
        self.setAcceptDrops(False)

        self.stack = QStackedWidget()
        # Each screen fits itself to the window; none may force the window to grow (the
        # display-matrix test checks that each one really fits).
        self.stack.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.attract = AttractScreen()
        self.screens: list[QWidget] = [self.attract]
        self.stack.addWidget(self.attract)
        self.setCentralWidget(self.stack)
        self.attract.start_requested.connect(self.start_session)
        if library is not None:
            self.build(library)
            return
        titles = titles or {}
        self.languages = self._offered(sorted(lang for lang, found in titles.items() if found))
        self._style_attract()
        self.attract.show_titles(titles, self.languages, session.default_language)

    def _style_attract(self) -> None:
        m = self.metrics()
        self.applied_metrics = m
        self.setStyleSheet(style_sheet(self.palette_, m, self.family))
        self.attract.apply_metrics(m)

    def _offered(self, available: list[str]) -> list[str]:
        return [lang for lang in self.settings.languages if lang in available] or available

    def build(self, library: Library) -> None:
        """The second step: every other screen, wired to the loaded content."""
        from PySide6.QtCore import Qt

        from kiosk.ui.contents import ContentsScreen
        from kiosk.ui.glossary_view import GlossaryScreen
        from kiosk.ui.home import HomeScreen
        from kiosk.ui.placeholder import MessageScreen
        from kiosk.ui.questions_screen import QuestionsScreen
        from kiosk.ui.quiz_screen import QuizScreen
        from kiosk.ui.reader import ReaderScreen
        from kiosk.ui.still_there import StillThereScreen
        from kiosk.ui.summary_screen import SummaryScreen

        self.set_library(library)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.home = HomeScreen()
        self.reader = ReaderScreen(self.session)
        self.questions = QuestionsScreen(self.session)
        self.summary = SummaryScreen(self.session, self.settings, self.family)
        self.contents = ContentsScreen()
        self.glossary = GlossaryScreen()
        self.quiz = QuizScreen(self.session)
        self.still_there = StillThereScreen()
        self.message = MessageScreen()
        self.error = MessageScreen()
        self.screens += [
            self.home,
            self.reader,
            self.questions,
            self.summary,
            self.contents,
            self.glossary,
            self.quiz,
            self.still_there,
            self.message,
            self.error,
        ]
        for screen in self.screens[1:]:
            self.stack.addWidget(screen)

        self.home.topic_chosen.connect(self.open_topic)
        self.home.language_chosen.connect(self.set_language)
        self.reader.home_requested.connect(self.go_home)
        self.reader.questions_requested.connect(self.show_questions)
        self.reader.contents_requested.connect(self.show_contents)
        self.reader.question_toggled.connect(self.toggle_question)
        self.reader.glossary_requested.connect(self.show_glossary)
        self.reader.quiz_requested.connect(self.show_quiz)
        self.quiz.skip_requested.connect(self.show_questions)
        self.quiz.reread_requested.connect(self.reread_page)
        self.quiz.question_add_requested.connect(self.toggle_question)
        self.contents.quiz_requested.connect(self.show_quiz)
        self.glossary.back_requested.connect(self.back_to_reader)
        # Reading comfort is on every reading screen, and the same choice everywhere.
        self.display_bars = [
            self.reader.display_bar,
            self.questions.display_bar,
            self.glossary.display_bar,
        ]
        for bar in self.display_bars:
            bar.scale_chosen.connect(self.set_text_scale)
            bar.contrast_toggled.connect(self.set_high_contrast)
            bar.language_chosen.connect(self.set_language)
        self.questions.back_requested.connect(self.back_to_reader)
        self.questions.changed.connect(self.reader.sync_questions)
        self.questions.end_requested.connect(self.end_session)
        self.questions.summary_requested.connect(self.show_summary)
        self.summary.back_requested.connect(self.show_questions)
        self.contents.page_chosen.connect(self.jump_to_page)
        self.contents.covered_changed.connect(self.set_page_covered)
        self.contents.back_requested.connect(self.back_to_reader)
        self.message.back_requested.connect(self.show_attract)
        # A double tap never reaches the screen its first tap opened.
        from PySide6.QtWidgets import QApplication

        from kiosk.ui.tap_guard import TapGuard

        self.tap_guard = TapGuard(self)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.tap_guard)
        for changed in (
            self.stack.currentChanged,
            self.questions.stack.currentChanged,
            self.reader.view.screen_changed,
            self.quiz.step_changed,
            self.summary.print_started,
        ):
            changed.connect(self.tap_guard.screen_changed)

        self.apply_style()
        self.set_presenter(self.presenter)
        self.show_attract()
        self.is_ready = True
        self.ready.emit()
        # Touched during the first instants: start, if that language really loaded.
        if self._pending_start in self.languages and self.stack.currentWidget() is self.attract:
            self.start_session(self._pending_start)
        self._pending_start = None

    # Look -----------------------------------------------------------------
    def metrics(self) -> Metrics:
        screen = self.screen() or QGuiApplication.primaryScreen()
        scale = TEXT_SCALES[self.session.text_scale]
        return Metrics.for_screen(
            screen,
            self.family,
            self.settings.viewing_distance_mm,
            scale,
            diagonal_in=self.settings.screen_diagonal,
            window=self._window_size(screen),
        )

    def _window_size(self, screen) -> tuple[int, int]:
        """The window's size; before it was ever sized, the screen's (kiosk mode fills it)."""
        if self._sized or screen is None:
            return (self.width(), self.height())
        size = screen.size()
        return (size.width(), size.height())

    def resizeEvent(self, event) -> None:
        """Another display or orientation: sizes are recomputed for it (six lines fit)."""
        super().resizeEvent(event)
        self._sized = True
        if self.is_ready and self.size() != self._styled_size:
            self.apply_style()
        elif not self.is_ready and self.metrics() != self.applied_metrics:
            self._style_attract()  # first frame in a window smaller than the screen

    def apply_style(self, palette: Palette | None = None) -> None:
        self.palette_ = palette or self.palette_
        self._styled_size = self.size()
        m = self.metrics()
        cap = self._body_caps.get(self._fit_key(m))
        if cap is not None:
            m = m.with_body_cap(cap)
        self._apply(m)
        # Metrics estimate the reader's bars; measure them, and make the text smaller
        # still if fewer than six lines fit (a long title, a second row of buttons).
        for _ in range(3):
            cap = self.reader.body_cap_for_six_lines(self.stack.contentsRect())
            if cap is None or cap >= m.body_px:
                break
            self._body_caps[self._fit_key(self.metrics())] = cap
            m = m.with_body_cap(cap)
            self._apply(m)

    def _fit_key(self, m: Metrics) -> tuple[int, int, int, float]:
        return (self.width(), self.height(), self.session.text_scale, m.dpi)

    def _apply(self, m: Metrics) -> None:
        self.applied_metrics = m
        self.setStyleSheet(style_sheet(self.palette_, m, self.family))
        for screen in (self.attract, self.home, self.message, self.error, self.still_there):
            screen.apply_metrics(m)
        for other in (self.summary, self.contents, self.glossary, self.quiz):
            other.apply_metrics(m)
        self.questions.apply_style(m, self.palette_)
        self.reader.apply_style(m, self.palette_, self.family)
        self.style_applied.emit(m)

    def set_text_scale(self, index: int) -> None:
        self.session.text_scale = index
        self.apply_style()
        self._show_display_state()

    def set_high_contrast(self, on: bool) -> None:
        self.session.high_contrast = on
        self.apply_style(HIGH_CONTRAST if on else CALM)
        self._show_display_state()

    def set_language(self, language: str) -> None:
        """UI and content change together; the page and the patient's questions stay."""
        use_language(language)
        self.session.language = language
        for screen in self.screens:
            retranslate = getattr(screen, "retranslate", None)
            if retranslate is not None:
                retranslate()
        self.reader.sync_questions()
        topic = self.current_topic()
        if topic is not None:
            page = min(self.session.page_index, len(topic.pages) - 1)
            self.reader.show_topic(topic, page, keep_passage=page == self.session.page_index)
            self.questions.show_topic(topic)
            self.glossary.show_topic(topic)
            self.quiz.show_topic(topic)
        elif self.stack.currentWidget() is self.home:
            self.go_home()
        self._show_display_state()
        log.info("language: %s", language)

    def _show_display_state(self) -> None:
        for bar in self.display_bars:
            bar.set_languages(self.languages)
            bar.show_state(
                self.session.text_scale, self.session.high_contrast, self.session.language
            )

    def set_presenter(self, presenter: bool) -> None:
        self.presenter = presenter
        self.reader.toolbar.set_wanted(self.reader.contents_button, presenter)

    # Sessions -------------------------------------------------------------
    def show_attract(self) -> None:
        if not self.library.languages:
            self.show_content_error()
            return
        self.attract.show_titles(
            self.library.titles(), self.languages, self.session.default_language
        )
        self.stack.setCurrentWidget(self.attract)
        focused = self.attract.focusWidget()
        if focused is not None:  # the last patient's language button: nothing of theirs stays
            focused.clearFocus()

    def start_session(self, language: str) -> None:
        if not self.is_ready:
            self._pending_start = language
            return
        self.set_language(language)
        self.session.started = True
        log.info("session started (%s)", language)
        if self.default_topic and self.library.topic(language, self.default_topic):
            self.open_topic(self.default_topic)
        else:
            self.go_home()

    def end_session(self) -> None:
        """Forget this patient entirely, then go back to the attract screen."""
        was_started = self.session.started
        reset_look = self.session.text_scale != 0 or self.session.high_contrast
        self.session.wipe()
        if reset_look:
            self.apply_style(CALM)  # the next patient starts with the default text and colours
        use_language(self.session.default_language)
        self.questions.wipe()
        self.summary.wipe()
        self.reader.wipe()
        self.quiz.wipe()
        self.still_there.stop()
        # Qt keeps every pixmap a label has painted (this patient's QR code among them)
        # in its 10 MB QPixmapCache until evicted: forget them with the patient.
        QPixmapCache.clear()
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.clear()  # in case anything of theirs was ever copied
        if was_started:
            log.info("session ended")
        self.show_attract()
        self.session_ended.emit()

    # Navigation -------------------------------------------------------------
    def go_home(self) -> None:
        language = self.session.language
        self.home.show_topics(self.library.topics_for(language), language, self.languages)
        self.stack.setCurrentWidget(self.home)

    def current_topic(self) -> Topic | None:
        if self.session.topic_id is None:
            return None
        return self.library.topic(self.session.language, self.session.topic_id)

    def open_topic(self, topic_id: str) -> None:
        topic = self.library.topic(self.session.language, topic_id)
        if topic is None:
            log.error("topic %s not found for language %s", topic_id, self.session.language)
            return
        self.session.open_topic(topic.id, len(topic.pages))
        self.reader.show_topic(topic)
        self.questions.show_topic(topic)
        self.glossary.show_topic(topic)
        self.quiz.show_topic(topic)
        self._show_display_state()
        self.stack.setCurrentWidget(self.reader)

    def back_to_reader(self) -> None:
        self.stack.setCurrentWidget(self.reader)

    def show_questions(self) -> None:
        self.questions.refresh()
        self.stack.setCurrentWidget(self.questions)

    def show_summary(self) -> None:
        topic = self.current_topic()
        if topic is None:
            return
        self.stack.setCurrentWidget(self.summary)
        covered = sorted(self.session.pages_covered) if self.presenter else []
        self.summary.show_summary(topic, [topic.pages[i].title for i in covered])

    def show_quiz(self) -> None:
        topic = self.current_topic()
        if topic is None or topic.quiz is None:
            self.show_questions()
            return
        self.reader.set_rereading(False)
        self.quiz.show_topic(topic)
        self.stack.setCurrentWidget(self.quiz)

    def reread_page(self, slug: str) -> None:
        """From a quiz answer to the page it comes from; "Retour au quiz" brings them back."""
        topic = self.current_topic()
        index = (
            next((i for i, p in enumerate(topic.pages) if p.slug == slug), None) if topic else None
        )
        if index is None:
            return
        self.jump_to_page(index)
        self.reader.set_rereading(True)

    def show_glossary(self) -> None:
        self.stack.setCurrentWidget(self.glossary)

    def show_contents(self) -> None:
        topic = self.current_topic()
        if topic is not None:
            self.contents.show_topic(topic, self.session.pages_covered)
            self.stack.setCurrentWidget(self.contents)

    def jump_to_page(self, index: int) -> None:
        self.session.go_to(index)
        self.reader.show_page()
        self.stack.setCurrentWidget(self.reader)

    def set_page_covered(self, index: int, covered: bool) -> None:
        if covered:
            self.session.pages_covered.add(index)
        else:
            self.session.pages_covered.discard(index)

    def toggle_question(self, question_id: str) -> None:
        refusal = self.session.questions.toggle(question_id)
        if refusal is not None:
            log.info("question not added: list full")
        self.reader.sync_questions()
        self.questions.refresh()

    def show_message(self, title: str, text: str, button: str) -> None:
        self.message.show_message(title, text, button=button)
        self.stack.setCurrentWidget(self.message)

    def show_content_error(self) -> None:
        details = "\n".join(str(p) for p in self.library.errors[:8])
        self.error.show_message(
            self.tr("Le contenu n'est pas disponible"),
            self.tr("Merci de prévenir l'équipe. Les informations ci-dessous sont pour elle."),
            details,
        )
        self.stack.setCurrentWidget(self.error)

    def set_library(self, library: Library) -> None:
        self.library = library
        self.languages = self._offered(library.languages)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.may_close:
            event.accept()
        else:
            event.ignore()
            log.info("kiosk mode: blocked closing the window")
