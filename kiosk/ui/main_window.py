"""The main window: a stack of screens wired to one visit. Which screen is shown lives
here; what the visit is (language, topic, page, questions, look) is changed only by
kiosk.ui.visit.Visit, and the window renders its signals. Kiosk-wide behaviour (idle,
staff access, locking) lives in kiosk.ui.kiosk.supervisor.

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
from kiosk.ui.lazy_screens import LAZY_SCREENS, LazyScreen, build_screen
from kiosk.ui.reading.six_lines import fit_body_px
from kiosk.ui.screens.attract import AttractScreen
from kiosk.ui.style.metrics import TEXT_SCALES, Metrics, six_line_guess
from kiosk.ui.style.theme import CALM, HIGH_CONTRAST, Palette, style_sheet

if TYPE_CHECKING:
    from kiosk.content import Library, Topic
    from kiosk.ui.screens.contents import ContentsScreen
    from kiosk.ui.screens.glossary_view import GlossaryScreen
    from kiosk.ui.screens.home import HomeScreen
    from kiosk.ui.screens.message_screen import MessageScreen
    from kiosk.ui.screens.questions_screen import QuestionsScreen
    from kiosk.ui.screens.quiz_screen import QuizScreen
    from kiosk.ui.screens.reader import ReaderScreen
    from kiosk.ui.screens.still_there import StillThereScreen
    from kiosk.ui.screens.summary_screen import SummaryScreen
    from kiosk.ui.visit import Visit
    from kiosk.ui.widgets.display_bar import DisplayBar

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    session_ended = Signal()
    wipe_failed = Signal(list)  # names of the wipe steps that failed: the kiosk must restart
    style_applied = Signal(object)  # Metrics: screens outside the window follow them
    ready = Signal()  # every screen is built and the content is loaded

    library: Library
    visit: Visit
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
        self._look = (0, False)  # the text size and contrast the screens are styled with
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
        m = self._estimated_metrics()
        self.applied_metrics = m
        self.setStyleSheet(style_sheet(self.palette_, m, self.family))
        self.attract.apply_metrics(m)

    def _offered(self, available: list[str]) -> list[str]:
        return [lang for lang in self.settings.languages if lang in available] or available

    def build(self, library: Library) -> None:
        """The second step: the screens of a visit's first minutes, wired to the loaded
        content. The others (LAZY_SCREENS) are built the first time they are used."""
        from PySide6.QtCore import Qt

        from kiosk.ui.screens.home import HomeScreen
        from kiosk.ui.screens.message_screen import MessageScreen
        from kiosk.ui.screens.questions_screen import QuestionsScreen
        from kiosk.ui.screens.reader import ReaderScreen
        from kiosk.ui.screens.still_there import StillThereScreen
        from kiosk.ui.visit import Visit

        self.visit = Visit(self.session, library, self)
        self.set_library(library)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.home = HomeScreen()
        self.reader = ReaderScreen(self.visit)
        self.questions = QuestionsScreen(self.visit)
        self.still_there = StillThereScreen()
        self.message = MessageScreen()
        self.screens += [self.home, self.reader, self.questions, self.still_there, self.message]
        for screen in self.screens[1:]:
            self.stack.addWidget(screen)
        self._join_visit()

        self.home.topic_chosen.connect(self.open_topic)
        self.home.language_chosen.connect(self.set_language)
        self.reader.home_requested.connect(self.go_home)
        self.reader.questions_requested.connect(self.show_questions)
        self.reader.contents_requested.connect(self.show_contents)
        self.reader.question_toggled.connect(self.toggle_question)
        self.reader.page_covered.connect(lambda index: self.set_page_covered(index, True))
        self.reader.glossary_requested.connect(self.show_glossary)
        self.reader.quiz_requested.connect(self.show_quiz)
        # Reading comfort is on every reading screen, and the same choice everywhere.
        self.display_bars: list[DisplayBar] = []
        for bar in (self.reader.display_bar, self.questions.display_bar):
            self._add_display_bar(bar)
        self.questions.back_requested.connect(self.back_to_reader)
        self.questions.end_requested.connect(lambda: self.end_session("finished"))
        self.questions.summary_requested.connect(self.show_summary)
        self.message.back_requested.connect(self.show_attract)
        # A double tap never reaches the screen its first tap opened.
        from kiosk.ui.widgets.app_events import AppEvents
        from kiosk.ui.widgets.tap_guard import TapGuard

        self.tap_guard = TapGuard(self)
        # The one application-wide filter; the supervisor adds its handlers to it.
        self.app_events = AppEvents(self)
        self.app_events.add(self.tap_guard)
        self.app_events.install()
        for changed in (
            self.stack.currentChanged,
            self.questions.stack.currentChanged,
            self.reader.view.screen_changed,
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

    def _join_visit(self) -> None:
        """Everything that can hold something of the patient forgets it at the end of a
        visit (tests/ui/test_end_session.py fails when a new screen does not join)."""
        visit = self.visit
        visit.language_changed.connect(self._render_language)
        visit.topic_changed.connect(self._render_topic)
        visit.page_changed.connect(self._render_page)
        visit.questions_changed.connect(self._render_questions)
        visit.look_changed.connect(self._render_look)
        from kiosk.ui.screens.summary_qr import QrAhead

        self.qr_ahead = QrAhead(visit, self)  # the summary's QR code, encoded ahead
        for name, member in (
            ("attract", self.attract),
            ("home", self.home),
            ("reader", self.reader),
            ("definition", self.reader.definition),
            ("questions", self.questions),
            ("still there", self.still_there),
            ("message", self.message),
            ("display bar: reader", self.reader.display_bar),
            ("display bar: questions", self.questions.display_bar),
            ("window", self),  # the default look once the screens are empty
            ("qr codes", self.qr_ahead),
        ):
            visit.join(name, member)
        # The screens of LAZY_SCREENS join when they are built (_build_lazy).

    def _add_display_bar(self, bar: DisplayBar) -> None:
        bar.scale_chosen.connect(self.set_text_scale)
        bar.contrast_toggled.connect(self.set_high_contrast)
        bar.language_chosen.connect(self.set_language)
        self.display_bars.append(bar)

    def _built(self, *names: str) -> list[QWidget]:
        """Those of these screens that exist (a lazy screen is built only once used)."""
        return [self.__dict__[name] for name in names if name in self.__dict__]

    def _build_lazy(self, name: str) -> QWidget:
        """Build a screen of LAZY_SCREENS on its first use and bring it up to the visit:
        wired, joined to the wipe, current sizes, language (it is built in it) and topic."""
        screen = build_screen(self, name)
        self.__dict__[name] = screen  # from now on a plain attribute
        self.screens.append(screen)
        self.stack.addWidget(screen)
        self.visit.join(name, screen)  # type: ignore[arg-type]
        if self.applied_metrics is not None:
            screen.apply_metrics(self.applied_metrics)  # type: ignore[attr-defined]
        if name == "glossary":
            self._add_display_bar(self.glossary.display_bar)
            self.visit.join("display bar: glossary", self.glossary.display_bar)
            self._show_display_state()
        topic = self.visit.topic
        if topic is not None and name == "glossary":
            self.glossary.show_topic(topic)
        elif topic is not None and name == "quiz":
            self.quiz.show_topic(topic)
        return screen

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

    def _estimated_metrics(self) -> Metrics:
        """Before the reader exists (the first screen of start-up): sizes with the text
        made as small as six lines probably need, so it does not shrink once measured."""
        m = self.metrics()
        size = self._window_size(self.screen() or QGuiApplication.primaryScreen())
        return m.with_body_cap(six_line_guess(m.dpi, size))

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
        elif not self.is_ready and self._estimated_metrics() != self.applied_metrics:
            self._style_attract()  # first frame in a window smaller than the screen

    def apply_style(self, palette: Palette | None = None) -> None:
        self.palette_ = palette or self.palette_
        self._styled_size = self.size()
        wanted = self.metrics()
        key = self._fit_key(wanted)
        # Before the window has its size (built before it is shown) there is nothing to
        # measure: its first resize styles it again.
        if self._sized and key not in self._body_caps:
            # Metrics estimate the reader's bars; measure them, and make the text as large
            # as six lines allow (a long title, a second row of buttons take room).
            self._body_caps[key] = fit_body_px(
                self.reader,
                self.stack.contentsRect(),
                wanted,
                self.palette_,
                self.family,
                (self.width(), self.height()),
            )
        self._apply(wanted.with_body_cap(self._body_caps.get(key, wanted.body_px)))

    def _fit_key(self, m: Metrics) -> tuple[int, int, int, float]:
        return (self.width(), self.height(), self.session.text_scale, m.dpi)

    def _apply(self, m: Metrics) -> None:
        self.applied_metrics = m
        sheet = style_sheet(self.palette_, m, self.family)
        if sheet != self.styleSheet():  # the same sheet again would repolish every widget
            self.setStyleSheet(sheet)  # (~40 ms); new widgets are polished when shown
        for screen in (self.attract, self.home, self.message, self.still_there):
            screen.apply_metrics(m)
        for other in self._built(*LAZY_SCREENS):
            other.apply_metrics(m)  # type: ignore[attr-defined]
        self.questions.apply_style(m, self.palette_)
        self.reader.apply_style(m, self.palette_, self.family)
        self.style_applied.emit(m)

    def set_text_scale(self, index: int) -> None:
        self.visit.set_look(scale=index)

    def set_high_contrast(self, on: bool) -> None:
        self.visit.set_look(high_contrast=on)

    def _render_look(self, scale: int, high_contrast: bool) -> None:
        self._look = (scale, high_contrast)
        self.apply_style(HIGH_CONTRAST if high_contrast else CALM)
        self._show_display_state()

    def set_language(self, language: str) -> None:
        """UI and content change together; the page and the patient's questions stay."""
        self.visit.set_language(language)

    def _render_language(self, language: str) -> None:
        use_language(language)
        for screen in self.screens:
            retranslate = getattr(screen, "retranslate", None)
            if retranslate is not None:
                retranslate()
        self.reader.sync_questions()
        # A refusal or "C'est noté" was said in the other language: not repeated in this one.
        self.questions.set_status("")
        self.questions.writer.show_message("")
        self._show_display_state()
        if self.stack.currentWidget() is self.home:
            self.go_home()  # the tiles and the selected language follow at once

    def _render_topic(self, topic: Topic | None, keep_passage: bool) -> None:
        if topic is None:
            # This language lacks the topic: no page of the other language under this
            # interface. Home, saying why; the questions stay with the visit.
            self.reader.wipe()
            self.reader.sync_questions()
            if self.stack.currentWidget() not in (self.attract, self.message, self.error):
                self.go_home()
            return
        self.reader.show_topic(topic, keep_passage=keep_passage)
        self.questions.show_topic(topic)
        for screen in self._built("glossary", "quiz"):  # the others when built
            screen.show_topic(topic)  # type: ignore[attr-defined]
        self._show_display_state()

    def _show_display_state(self) -> None:
        for bar in self.display_bars:
            bar.set_languages(self.languages)
            bar.show_state(
                self.session.text_scale, self.session.high_contrast, self.session.language
            )

    def set_presenter(self, presenter: bool) -> None:
        self.presenter = presenter
        self.reader.set_presenter(presenter)  # Sommaire, and pages ticked as they are shown

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
        self.visit.start(language)
        if self.default_topic and self.library.topic(language, self.default_topic):
            self.open_topic(self.default_topic)
        else:
            self.go_home()

    def end_session(self, reason: str = "finished") -> bool:
        """The one end of a visit ("Terminer", idle, recovery, mode switch, staff actions):
        forget this patient entirely, then go back to the attract screen. False when a
        wipe step failed; ``wipe_failed`` then tells the supervisor to restart the kiosk."""
        failed = self.visit.end(reason)
        self.show_attract()
        self.session_ended.emit()
        if failed:
            self.wipe_failed.emit(failed)
        return not failed

    def wipe(self) -> None:
        """The window's own part of a wipe, after the screens': default look and language,
        and Qt's caches of what was shown."""
        if self._look != (0, False):
            self._look = (0, False)
            self.apply_style(CALM)  # the next patient starts with the default text and colours
        use_language(self.session.default_language)
        self._show_display_state()
        # Qt keeps every pixmap a label has painted (this patient's QR code among them)
        # in its 10 MB QPixmapCache until evicted: forget them with the patient.
        QPixmapCache.clear()
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.clear()  # in case anything of theirs was ever copied

    # Navigation -------------------------------------------------------------
    def go_home(self) -> None:
        language = self.session.language
        notice = (
            self.tr(
                "Ce sujet n'existe pas dans cette langue. Vos questions sont gardées : "
                "choisissez une autre langue pour le retrouver."
            )
            if self.visit.topic_missing
            else ""
        )
        self.home.show_topics(
            self.library.topics_for(language), language, self.languages, notice=notice
        )
        self.stack.setCurrentWidget(self.home)

    def current_topic(self) -> Topic | None:
        return self.visit.topic

    def open_topic(self, topic_id: str) -> None:
        if self.visit.open_topic(topic_id) is not None:
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
            self.contents.show_topic(
                topic, self.session.pages_covered, current=self.session.page_index
            )
            self.stack.setCurrentWidget(self.contents)

    def jump_to_page(self, index: int) -> None:
        self.visit.go_to(index)
        self.stack.setCurrentWidget(self.reader)

    def _render_page(self, _index: int, at_end: bool) -> None:
        self.reader.show_page(at_end=at_end)

    def set_page_covered(self, index: int, covered: bool) -> None:
        self.visit.set_covered(index, covered)

    def toggle_question(self, question_id: str) -> None:
        self.visit.toggle_question(question_id)

    def _render_questions(self) -> None:
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
        self.visit.library = library
        self.languages = self._offered(library.languages)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.may_close:
            event.accept()
        else:
            event.ignore()
            log.info("kiosk mode: blocked closing the window")


for _name in LAZY_SCREENS:
    setattr(MainWindow, _name, LazyScreen(_name))
