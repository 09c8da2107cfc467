"""Every screen fits every display: landscape and portrait, tablet and large screen, 96 and
160 dots per inch, every text size, both themes and both languages.

For each display one window is built and walked through: every screen of every reader
page, then home, questions (suggested, writer with its keyboard, list, end confirmation),
summary, contents, glossary, still-there, PIN pad and staff panel.
"""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.config import Settings
from kiosk.staff_pin import hash_pin
from kiosk.ui.kiosk.supervisor import Supervisor
from kiosk.ui.style.metrics import MIN_BODY_LINES, MIN_TOUCH_MM, PRIMARY_TOUCH_MM
from tests.ui.layout_audit import audit, cut_lines, visible_scroll_bars

DISPLAYS = [(1920, 1080), (1280, 800), (1024, 600), (800, 1280), (1080, 1920)]
DPIS = [96, 160]


def settle() -> None:
    """What the next paint shows: rows replaced by deleteLater() gone, layouts done."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()


def body_line_px(reader) -> float:
    """One line of page text as laid out (font line spacing at the page's 135 %)."""
    font = reader.body.document().defaultFont()
    return QFontMetricsF(font).lineSpacing() * 1.35


def check_reader_screen(window, where: str) -> list[str]:
    reader = window.reader
    m = window.applied_metrics
    problems = [f"{where}: {p}" for p in audit(window, reader)]
    if bars := visible_scroll_bars(reader, window):
        problems.append(f"{where}: the reader shows {len(bars)} scroll bar(s)")
    if reader.view.text.isVisible():
        problems += [f"{where}: {p}" for p in cut_lines(reader.view.text)]
    lines = reader.view.height() / body_line_px(reader)
    if lines < MIN_BODY_LINES:
        problems.append(f"{where}: room for {lines:.1f} body lines, fewer than six")
    shown = reader.body.height() if reader.body.isVisible() else 0
    used = shown + sum(t.height() for t in reader.view.toggles if t.isVisible())
    if used > reader.view.height() + 1:
        problems.append(f"{where}: the screen's content is {used} px for {reader.view.height()}")
    for button, minimum in (
        (reader.next_button, PRIMARY_TOUCH_MM),
        (reader.previous_button, PRIMARY_TOUCH_MM),
        # 15 mm on screens under 110 mm high (a 7-inch landscape tablet), 20 mm elsewhere.
        (reader.questions_button, MIN_TOUCH_MM),
    ):
        if not button.isVisibleTo(window):
            problems.append(f"{where}: {button.text()!r} is not on screen")
        elif button.height() < m.mm(minimum) - 1:
            problems.append(f"{where}: {button.text()!r} is {button.height()} px high")
    return problems


def walk_reader(window, qtbot, where: str) -> list[str]:
    reader = window.reader
    problems: list[str] = []
    topic = window.current_topic()
    assert topic is not None
    screens = 0
    for index in range(len(topic.pages)):
        window.jump_to_page(index)
        for screen in range(reader.view.screen_count):
            reader.view.show_screen(screen)
            settle()  # what the next paint shows
            screens += 1
            problems += check_reader_screen(window, f"{where} page {index + 1}.{screen + 1}")
    # Sheets open over the page, never off screen.
    reader.display_button.setChecked(True)
    QApplication.processEvents()
    problems += [f"{where} Affichage: {p}" for p in audit(window, reader)]
    reader.display_button.setChecked(False)
    entry = topic.glossary[0]
    reader.definition.show_entry(entry, True)
    QApplication.processEvents()
    problems += [f"{where} definition: {p}" for p in audit(window, reader)]
    reader.definition.hide_definition()
    return problems


def walk_other_screens(window, supervisor, where: str) -> list[str]:
    problems: list[str] = []

    def check(name: str, screen: QWidget) -> None:
        window.stack.setCurrentWidget(screen)
        settle()
        problems.extend(f"{where} {name}: {p}" for p in audit(window, screen))

    questions = window.questions
    window.show_questions()
    for name, page in (
        ("suggested", questions.suggested_view),
        ("writer", questions.writer),
        ("list", questions.list_view),
    ):
        questions.open_tab(page)
        check(f"questions/{name}", questions)
    questions.stack.setCurrentWidget(questions.confirm)
    check("questions/confirm", questions)
    questions.open_tab(questions.suggested_view)
    questions.display_button.setChecked(True)
    check("questions/Affichage", questions)
    questions.display_button.setChecked(False)
    questions.open_tab(questions.suggested_view)
    window.show_summary()
    check("summary", window.summary)
    window.show_contents()
    check("contents", window.contents)
    check("glossary", window.glossary)
    window.glossary.display_button.setChecked(True)
    check("glossary/Affichage", window.glossary)
    window.glossary.display_button.setChecked(False)
    quiz = window.quiz
    window.show_quiz()
    check("quiz/introduction", quiz)
    quiz.start_button.click()
    wrong = next(n for n, o in enumerate(quiz.item.options) if not o.right)
    quiz.option_tiles[wrong].click()
    check("quiz/wrong answer", quiz)
    for _ in range(len(window.current_topic().quiz.items)):
        quiz.next_button.click()
    check("quiz/end", quiz)
    window.session.quiz_index, window.session.quiz_answers = -1, {}
    check("home", window.home)
    window.still_there.start(30)
    check("still there", window.still_there)
    window.still_there.stop()
    supervisor.pin_pad.open()
    check("PIN pad", supervisor.pin_pad)
    supervisor.show_panel()
    check("staff panel", supervisor.panel)
    window.stack.setCurrentWidget(window.reader)
    return problems


@pytest.mark.parametrize("dpi", DPIS)
@pytest.mark.parametrize("display", DISPLAYS, ids=lambda d: f"{d[0]}x{d[1]}")
def test_every_screen_fits_the_display(qtbot, make_window, library, display, dpi):
    width, height = display
    screen = QApplication.primaryScreen().size()
    settings = Settings(
        windowed=True,
        screen_diagonal=math.hypot(screen.width(), screen.height()) / dpi,
        staff_pin_hash=hash_pin("2468"),
        service_name="Radiologie interventionnelle",
        service_phone="01 23 45 67 89",
    )
    window = make_window(width, height, settings=settings, start=False)
    supervisor = Supervisor(window, reload_library=lambda: library)
    assert abs(window.applied_metrics.dpi - dpi) < 0.5
    problems: list[str] = []
    for language in ("fr", "en"):
        window.end_session()
        window.start_session(language)
        window.toggle_question(library.topics_for(language)[0].categories[0].questions[0].id)
        window.open_topic(library.topics_for(language)[0].id)
        for contrast in (False, True):
            window.set_high_contrast(contrast)
            for scale in (0, 1, 2):
                window.set_text_scale(scale)
                QApplication.processEvents()
                where = f"{width}x{height}@{dpi} {language} A{'+' * scale} hc={contrast}"
                problems += walk_reader(window, qtbot, where)
                problems += walk_other_screens(window, supervisor, where)
                assert window.width() == width and window.height() == height, where
    window.stack.setCurrentWidget(window.attract)
    window.end_session()
    QApplication.processEvents()
    problems += [f"{width}x{height}@{dpi} attract: {p}" for p in audit(window, window.attract)]
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems[:40])


def test_minimum_touch_sizes_hold_on_a_small_dense_tablet(make_window, library):
    """1024x600 at 160 dpi (a 7-inch tablet): controls keep their millimetres."""
    screen = QApplication.primaryScreen().size()
    settings = Settings(
        windowed=True, screen_diagonal=math.hypot(screen.width(), screen.height()) / 160
    )
    window = make_window(1024, 600, settings=settings)
    window.open_topic(library.topics_for("fr")[0].id)
    m = window.applied_metrics
    for button in window.reader.toolbar.findChildren(QWidget):
        if button.isVisibleTo(window) and hasattr(button, "text"):
            assert button.height() >= m.mm(MIN_TOUCH_MM) - 1, button.text()


def test_screen_diagonal_sets_the_sizes_and_staff_see_the_figure(qtbot, make_window, library):
    """A display that reports a wrong size: staff set its diagonal; sizes follow it, and the
    staff panel says which figure is in use."""
    screen = QApplication.primaryScreen().size()
    diagonal = round(math.hypot(screen.width(), screen.height()) / 160, 1)
    window = make_window(1280, 800, settings=Settings(windowed=True, screen_diagonal=diagonal))
    supervisor = Supervisor(window, reload_library=lambda: library)
    assert round(window.applied_metrics.dpi) == 160
    supervisor.show_panel()
    info = supervisor.panel.info.toPlainText()
    assert f"160 points par pouce (diagonale réglée {diagonal:g} pouces" in info
    default = make_window(1280, 800)
    assert round(default.applied_metrics.dpi) != 160  # without it, what the screen reports


def test_affichage_is_a_sheet_that_never_pushes_content(qtbot, make_window):
    window = make_window(1280, 800)
    window.open_topic("cimentoplastie")
    for screen, content in (
        (window.questions, window.questions.stack),
        (window.glossary, window.glossary.scroll_area),
    ):
        window.stack.setCurrentWidget(screen)
        settle()
        before = content.geometry()
        screen.display_button.setChecked(True)
        settle()
        assert screen.display_bar.isVisible() and content.geometry() == before
        assert screen.display_bar.geometry().top() >= screen.display_button.geometry().top()
        qtbot.mouseClick(screen.display_bar.size_buttons[1], Qt.MouseButton.LeftButton)
        assert not screen.display_bar.isVisible()  # closed after the choice
        window.set_text_scale(0)


def fewest_lines(window) -> float:
    """Body lines the reader has room for on its most crowded page, were its title as
    tall as a title may be (two lines at the small size: see ReaderScreen._fit_title)."""
    reader = window.reader
    m = window.applied_metrics
    font = QFont(reader.page_title.font())
    font.setPixelSize(m.title_px)
    worst_title = math.ceil(QFontMetricsF(font).lineSpacing())  # a label's line
    font.setPixelSize(m.small_px)
    worst_title = max(worst_title, 2 * math.ceil(QFontMetricsF(font).lineSpacing()))
    topic = window.current_topic()
    fewest = math.inf
    for index in range(len(topic.pages)):
        window.jump_to_page(index)
        settle()
        room = reader.view.height() + reader.page_title.height() - worst_title
        fewest = min(fewest, room / body_line_px(reader))
    window.jump_to_page(0)
    settle()
    return fewest


@pytest.mark.parametrize(
    "display, dpi",
    [((1280, 800), 160), ((1024, 600), 160), ((800, 1280), 160), ((1280, 800), 96)],
    ids=lambda v: f"{v[0]}x{v[1]}" if isinstance(v, tuple) else f"{v}dpi",
)
def test_text_is_as_large_as_six_lines_allow(qtbot, make_window, library, display, dpi):
    """Text made smaller so six lines fit is made no smaller than that: at each text size,
    the next size up by a tenth leaves fewer than six lines on some page (seen: 16 px text
    on a 1280x800 tablet at 160 dpi, half the page empty, where 28 px fitted)."""
    screen = QApplication.primaryScreen().size()
    settings = Settings(
        windowed=True, screen_diagonal=math.hypot(screen.width(), screen.height()) / dpi
    )
    window = make_window(*display, settings=settings)
    window.open_topic(library.topics_for("fr")[0].id)
    for scale in (0, 1, 2):
        window.set_text_scale(scale)
        settle()
        shown = window.applied_metrics
        wanted = window.metrics()  # the text size's own size, before the six-line cap
        assert fewest_lines(window) >= MIN_BODY_LINES, f"A{'+' * scale}"
        if shown.body_px >= wanted.body_px:
            continue
        larger = math.ceil(shown.body_px * 1.1)
        window._apply(wanted.with_body_cap(larger))
        settle()
        lines = fewest_lines(window)
        assert lines < MIN_BODY_LINES, (
            f"A{'+' * scale}: {shown.body_px} px shown, {larger} px would leave {lines:.1f}"
            f" lines (at least {MIN_BODY_LINES})"
        )
        window.apply_style()
