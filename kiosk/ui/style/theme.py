"""Colours and the application style sheet, built from physical metrics.

Every text colour pair is chosen for at least 7:1 contrast (WCAG AAA); tests compute it.
"""

from __future__ import annotations

from typing import NamedTuple

from kiosk.ui.style.metrics import Metrics


class Palette(NamedTuple):  # NamedTuple, not a dataclass: ~1 ms less at start-up
    name: str
    background: str
    surface: str  # tiles, cards
    text: str
    muted_text: str
    primary: str  # primary button background
    on_primary: str
    secondary_border: str
    callout: str  # background of "good to know" boxes
    link: str  # words that open their explanation
    progress: str
    focus: str


CALM = Palette(
    name="calm",
    background="#F7F4EE",
    surface="#FFFFFF",
    text="#1B1B1B",
    muted_text="#3D3D3D",
    primary="#0B4A7F",
    on_primary="#FFFFFF",
    secondary_border="#0B4A7F",
    callout="#E3EEF7",
    link="#0B4A7F",
    progress="#0B4A7F",
    focus="#B35900",
)

HIGH_CONTRAST = Palette(
    name="high-contrast",
    background="#000000",
    surface="#000000",
    text="#FFFFFF",
    muted_text="#FFFFFF",
    primary="#FFE600",
    on_primary="#000000",
    secondary_border="#FFFFFF",
    callout="#1F1F1F",
    link="#FFE600",
    progress="#FFE600",
    focus="#00E5FF",
)


def text_pairs(palette: Palette) -> dict[str, tuple[str, str]]:
    """Every foreground/background pair the UI draws text with."""
    return {
        "body": (palette.text, palette.background),
        "muted": (palette.muted_text, palette.background),
        "tile": (palette.text, palette.surface),
        "primary button": (palette.on_primary, palette.primary),
        "secondary button": (palette.secondary_border, palette.surface),
        "callout": (palette.text, palette.callout),
        "link": (palette.link, palette.background),
        "link in a box": (palette.link, palette.callout),
    }


def document_css(palette: Palette) -> str:
    """Style sheet for page bodies rendered by QTextDocument (a CSS subset)."""
    return (
        f"body {{ color: {palette.text}; }}"
        f"td.callout {{ background-color: {palette.callout}; color: {palette.text}; }}"
        f"a {{ color: {palette.link}; text-decoration: underline; }}"
        "p, li { line-height: 135%; }"
        "h2, h3 { font-weight: bold; }"
        f"p.caption {{ color: {palette.muted_text}; }}"
        "p.figure { line-height: 100%; }"  # no line spacing added under a picture
    )


def button_border_px(m: Metrics) -> int:
    """The width of a button's border, each side."""
    return max(2, m.mm(0.6))


def style_sheet(palette: Palette, m: Metrics, family: str) -> str:
    radius = m.mm(2)
    border = button_border_px(m)
    return f"""
* {{ font-family: "{family}"; }}
QWidget#screen, QStackedWidget, QMainWindow {{ background: {palette.background}; }}
QScrollArea, QScrollArea > QWidget > QWidget {{ background: transparent; border: none; }}
QLabel {{ color: {palette.text}; font-size: {m.ui_px}px; }}
QLabel[role="title"] {{ font-size: {m.title_px}px; font-weight: bold; }}
QWidget[role="attract"] QLabel {{
    qproperty-alignment: AlignCenter; qproperty-textFormat: PlainText;
}}
QLabel[role="muted"] {{ color: {palette.muted_text}; font-size: {m.small_px}px; }}
QTextBrowser {{
    background: {palette.background}; color: {palette.text}; border: none;
    font-size: {m.body_px}px;
}}
QPushButton {{
    font-size: {m.ui_px}px; font-weight: bold;
    min-height: {m.touch_px}px; min-width: {m.touch_px}px;
    padding: 0 {m.mm(5)}px; border-radius: {radius}px;
    background: {palette.surface}; color: {palette.secondary_border};
    border: {border}px solid {palette.secondary_border};
}}
QPushButton[role="primary"] {{
    min-height: {m.primary_px}px; background: {palette.primary}; color: {palette.on_primary};
    border-color: {palette.primary};
}}
QPushButton[role="primary"][short="true"] {{ min-height: {m.touch_px}px; }}
QPushButton[nav="true"] {{ min-width: {m.mm(40)}px; padding: 0 {m.mm(2)}px; }}
QWidget[role="attract"] QPushButton {{ min-width: {m.mm(45)}px; }}
QPushButton[role="tile"] {{
    background: {palette.surface}; color: {palette.text}; text-align: left;
    border: {border}px solid {palette.secondary_border}; padding: {m.mm(6)}px;
}}
QPushButton[role="toggle"] {{
    background: {palette.surface}; color: {palette.text}; text-align: left;
    border: {border}px solid {palette.secondary_border}; padding: 0;
}}
QPushButton[role="toggle"]:checked {{
    background: {palette.callout}; border: {border * 2}px solid {palette.primary};
}}
QPushButton[tab="true"] {{ padding: 0 {m.mm(3)}px; }}
QPushButton[compact="true"] {{ padding: 0 {m.mm(1)}px; }}
QPushButton[tab="true"]:checked {{
    background: {palette.primary}; color: {palette.on_primary}; border-color: {palette.primary};
}}
QFrame[role="row"] {{
    background: {palette.surface}; border: {border}px solid {palette.callout};
    border-radius: {radius}px;
}}
QLabel[role="subtitle"] {{ font-weight: bold; }}
QLabel[role="more"] {{
    background: {palette.primary}; color: {palette.on_primary}; font-size: {m.small_px}px;
    font-weight: bold; border-radius: {radius}px; padding: {m.mm(1)}px {m.mm(3)}px;
}}
QLabel[role="message"] {{ color: {palette.text}; font-weight: bold; }}
QLabel[role="banner"] {{
    background: {palette.callout}; color: {palette.text}; font-weight: bold;
    border: {border}px solid {palette.primary}; border-radius: {radius}px;
    padding: {m.mm(3)}px;
}}
QLabel[over="true"] {{ color: {palette.focus}; font-weight: bold; }}
QPlainTextEdit {{
    background: {palette.surface}; color: {palette.text}; font-size: {m.ui_px}px;
    border: {border}px solid {palette.secondary_border}; border-radius: {radius}px;
    padding: {m.mm(1)}px;
}}
QPlainTextEdit:focus {{ border: {border * 2}px solid {palette.focus}; }}
QWidget#page {{ background: transparent; }}
QWidget[role="sheet"], QFrame[role="sheet"] {{
    background: {palette.surface}; border: {border}px solid {palette.primary};
    border-radius: {radius}px;
}}
QPushButton[role="tile"][answer="right"] {{
    background: {palette.callout}; border: {border * 2}px solid {palette.primary};
}}
QPushButton[role="tile"][answer="other"] {{ color: {palette.muted_text}; }}
QFrame[role="definition"], QFrame[role="feedback"] {{
    background: {palette.callout}; border: {border}px solid {palette.primary};
    border-radius: {radius}px;
}}
QCheckBox {{
    color: {palette.text}; font-size: {m.ui_px}px; spacing: {m.mm(2)}px;
    min-height: {m.touch_px}px;
}}
QCheckBox::indicator {{ width: {m.touch_px}px; height: {m.touch_px}px; }}
QPushButton[role="tile"][current="true"] {{
    background: {palette.callout}; border: {border * 2}px solid {palette.primary};
}}
/* The focus ring takes its extra width from the padding: a button keeps its size and its
   label its room when the focus comes to it. */
QPushButton:focus {{
    outline: none; border: {border * 2}px solid {palette.focus}; padding: 0 {m.mm(5) - border}px;
}}
QPushButton[nav="true"]:focus {{ padding: 0 {m.mm(2) - border}px; }}
QPushButton[tab="true"]:focus {{ padding: 0 {m.mm(3) - border}px; }}
QPushButton[compact="true"]:focus {{ padding: 0 {max(0, m.mm(1) - border)}px; }}
QPushButton[role="toggle"]:focus {{ padding: 0; }}
QPushButton:pressed {{ background: {palette.callout}; color: {palette.text}; }}
QPushButton:disabled {{ border-color: transparent; color: transparent; background: transparent; }}
QProgressBar {{
    border: none; background: {palette.callout}; border-radius: {radius}px;
    max-height: {m.mm(3)}px; min-height: {m.mm(3)}px;
}}
QProgressBar::chunk {{ background: {palette.progress}; border-radius: {radius}px; }}
QScrollBar:vertical {{ width: {m.mm(4)}px; background: {palette.callout}; border: none; }}
QScrollBar::handle:vertical {{
    background: {palette.muted_text}; border-radius: {m.mm(2)}px; min-height: {m.mm(10)}px;
}}
QScrollBar::add-line, QScrollBar::sub-line {{ height: 0; }}
"""
