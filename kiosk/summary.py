"""The printed summary, as the HTML subset Qt's rich-text engine lays out. No Qt here.

Built from the topic and the patient's list only: nothing that identifies the patient.
Every piece of text is escaped; the patient's own words are never trusted as markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import segno

from kiosk.content import Topic
from kiosk.questions import ListItem

QR_RESOURCE = "kiosk-qr:questions"  # image name the renderer registers the QR code under
# 69x69 modules (with the quiet zone, 77) in 110 pt: modules of 0.5 mm, three dots each
# at 150 dpi, so a phone or a scan of the paper reads it. Longer questions get no code.
QR_MAX_VERSION = 13
QR_ERROR = "m"
QR_SIZE_PT = 110  # about 39 mm on paper


@dataclass(frozen=True)
class SummaryLabels:
    """Visible words of the summary, translated by the UI (French defaults)."""

    prepared_on: str = "Résumé préparé le %1"
    key_points: str = "À retenir"
    tell_the_team: str = "À signaler à l'équipe"
    my_questions: str = "Mes questions pour le médecin"
    questions_continued: str = "Mes questions pour le médecin (suite)"
    no_questions: str = "Vous n'avez pas choisi de question. Vous pouvez en écrire ici :"
    answer: str = "Réponse :"
    pages_covered: str = "Pages vues avec l'équipe"
    qr_all: str = "Scannez ce code avec votre téléphone pour garder vos questions."
    qr_none: str = (
        "Vos questions sont trop longues pour un code lisible : elles sont sur cette feuille."
    )
    care_team: str = "Équipe soignante : %1"
    care_team_blank: str = "Équipe soignante :"
    phone: str = "Téléphone : %1"
    phone_blank: str = "Téléphone :"
    footer: str = "Contenu version %1, relu le %2. Source : %3"


@dataclass(frozen=True)
class ServiceInfo:
    name: str = ""
    phone: str = ""


@dataclass(frozen=True)
class QrPayload:
    text: str
    carried: int  # questions carried by the code
    total: int
    png: bytes = b""  # the code, drawn once (encoding it is slow): empty when none

    @property
    def complete(self) -> bool:
        return self.carried == self.total


def _fill(template: str, *values: object) -> str:
    for number, value in enumerate(values, start=1):
        template = template.replace(f"%{number}", str(value))
    return template


def qr_caption(qr: QrPayload, labels: SummaryLabels) -> str:
    """What the code beside it says, or why there is none."""
    return labels.qr_all if qr.carried else labels.qr_none


def qr_text(title: str, questions: list[str]) -> str:
    """What the code carries when the questions fit: the title, then numbered questions."""
    return "\n".join([title, *(f"{n}. {q}" for n, q in enumerate(questions, start=1))])


def qr_payload(title: str, questions: list[str]) -> QrPayload:
    """Plain text for the QR code: the same questions as the sheet, all of them, or none
    when they are too long for a code that still reads well (the sheet then says so)."""
    from segno import DataOverflowError

    text = qr_text(title, questions)
    try:
        code = make_qr(text)
    except DataOverflowError:
        return QrPayload(title, 0, len(questions))
    if int(code.version) <= QR_MAX_VERSION:  # segno types version as int | str
        return QrPayload(text, len(questions), len(questions), _png(code))
    return QrPayload(title, 0, len(questions))


class QrCache:
    """QR codes already encoded, by the text they would carry: encoding one takes 15-20 ms
    (segno's mask search, in Python), so the patient's code is made when their list
    changes, in idle time, and the summary finds it ready. It holds the patient's
    questions: ``wipe`` at the end of every visit (the visit's members do)."""

    KEEP = 4  # the last lists: a question removed and put back again finds its code

    def __init__(self) -> None:
        self._codes: dict[str, QrPayload] = {}

    def payload(self, title: str, questions: list[str]) -> QrPayload:
        key = qr_text(title, questions)
        found = self._codes.pop(key, None)
        if found is None:
            found = qr_payload(title, questions)
        self._codes[key] = found  # the newest last
        while len(self._codes) > self.KEEP:
            del self._codes[next(iter(self._codes))]
        return found

    def __len__(self) -> int:
        return len(self._codes)

    def wipe(self) -> None:
        self._codes.clear()


def make_qr(text: str) -> segno.QRCode:
    import segno  # imported on first use: it costs ~30 ms, and start-up comes first

    # ECI declares UTF-8, so readers show accents right instead of guessing Latin-1.
    return segno.make(
        text, error=QR_ERROR, micro=False, boost_error=False, encoding="utf-8", eci=True
    )


def qr_png(text: str, scale: int = 8) -> bytes:
    return _png(make_qr(text), scale)


def _png(code: segno.QRCode, scale: int = 8, border: int = 4) -> bytes:
    """The code as a black and white PNG (1 bit a pixel), the same image segno's
    ``save(kind="png")`` writes, in ~1 ms instead of ~10: segno's writer goes pixel by
    pixel in Python, this packs whole rows of pixels at once."""
    import struct
    import zlib

    light, dark = "1" * scale, "0" * scale  # greyscale 1 bit: 0 is black
    modules = len(code.matrix[0]) + 2 * border
    width = modules * scale
    padding = "1" * (-width % 8)
    row_bytes = (width + 7) // 8

    def pixel_row(bits: str) -> bytes:
        return b"\0" + int(bits + padding, 2).to_bytes(row_bytes, "big")  # filter: none

    blank = pixel_row(light * modules) * (border * scale)
    rows = [blank]
    for row in code.matrix:
        bits = light * border + "".join(dark if module else light for module in row)
        rows.append(pixel_row(bits + light * border) * scale)
    rows.append(blank)

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, width, 1, 0, 0, 0, 0)
    return b"".join(
        (
            b"\x89PNG\r\n\x1a\n",
            chunk(b"IHDR", header),
            chunk(b"IDAT", zlib.compress(b"".join(rows), 6)),
            chunk(b"IEND", b""),
        )
    )


def key_points(topic: Topic) -> list[str]:
    """What the sheet keeps: the recap page's list when the topic has one (the authors'
    own summary, which the patient has just read), else every page's key point."""
    for page in topic.pages:
        if page.recap_points:
            return list(page.recap_points)
    return [page.key_point for page in topic.pages]


TICK_BOX = "\u2610"  # ☐, drawn by the sheet's fallback font when the main one lacks it
PICTURE_RESOURCE = "kiosk-picture:sheet"  # image name the renderer registers the picture under
# Two columns inside the 539 pt (A4) or 555 pt (Letter) between the margins: the
# questions with room to write (113 mm wide), then what to remember and the code.
QUESTIONS_PT = 320
GAP_PT = 16
PICTURE_WIDTH_PT = 150  # about 53 mm: small, at the foot of the second column


def build_summary_html(
    topic: Topic,
    items: list[ListItem],
    date_text: str,
    service: ServiceInfo,
    labels: SummaryLabels = SummaryLabels(),
    qr: QrPayload | None = None,
    pages_covered: list[str] | None = None,
    answer_lines: int = 2,
    reviewed_text: str = "",
    first_page_questions: int | None = None,
    picture_aspect: float | None = None,
) -> str:
    """The sheet the patient takes into the consultation: their questions first, with room
    to write the answers; beside them the key points, what to tell the team and the code.

    ``answer_lines``: ruled lines under each question. ``first_page_questions``: when not
    every question fits on the first page, how many do; the others continue on a new page
    under the same heading. ``picture_aspect``: the topic's picture (height / width), when
    the renderer has it and there is room. ``reviewed_text``: the content's review date as
    patients read it ("28 novembre 2026"); the ISO date when not given.
    """
    split = len(items) if first_page_questions is None else first_page_questions
    questions = [f'<p class="heading">{escape(labels.my_questions)}</p>']
    if not items:
        questions.append(f"<p>{escape(labels.no_questions)}</p>")
        questions.append(_answer_lines(max(3, answer_lines), ""))
    questions += _questions(items[:split], 1, answer_lines, labels)

    side = [f'<p class="heading">{escape(labels.key_points)}</p>']
    for heading, points in key_point_groups(topic):  # run-in headings: little room taken
        lead = f"<b>{escape(heading)}&nbsp;:</b> " if heading else ""
        side.append(f'<p class="group">{lead}{" ".join(_text(p) for p in points)}</p>')
    if topic.tell_the_team:
        side.append(f'<p class="heading">{escape(labels.tell_the_team)}</p>')
        side += [
            f'<p class="tick">{TICK_BOX}&nbsp;{_text(line)}</p>' for line in topic.tell_the_team
        ]
    if qr is not None and items:
        side.append(_qr_block(qr, labels))
    if pages_covered:
        side.append(f'<p class="heading">{escape(labels.pages_covered)}</p>')
        side.append("<ul>" + "".join(f"<li>{_text(t)}</li>" for t in pages_covered) + "</ul>")
    if topic.picture is not None and picture_aspect:
        height = round(PICTURE_WIDTH_PT * picture_aspect)
        side.append(
            f'<p class="picture"><img src="{PICTURE_RESOURCE}" width="{PICTURE_WIDTH_PT}" '
            f'height="{height}"></p><p class="caption">{_text(topic.picture.caption)}</p>'
        )

    parts = [
        f'<p class="title">{escape(topic.title)}</p>',
        f'<p class="meta">{escape(_fill(labels.prepared_on, date_text))}</p>',
        _care_team(service, labels),
        '<table width="100%" cellspacing="0" cellpadding="0"><tr>'
        f'<td valign="top" width="{QUESTIONS_PT}">{"".join(questions)}</td>'
        f'<td width="{GAP_PT}"></td><td valign="top">{"".join(side)}</td></tr></table>',
    ]
    if split < len(items):  # a deliberate new page: the heading comes again
        parts.append(f'<p class="heading continued">{escape(labels.questions_continued)}</p>')
        parts += _questions(items[split:], split + 1, answer_lines, labels)
    footer = _fill(labels.footer, topic.version, reviewed_text or topic.reviewed, topic.source)
    parts.append(f'<p class="small">{escape(footer)}</p>')
    return "\n".join(parts)


def _questions(items: list[ListItem], first: int, lines: int, labels: SummaryLabels) -> list[str]:
    parts: list[str] = []
    for number, item in enumerate(items, start=first):
        parts.append(f'<p class="question"><b>{number}.</b>&nbsp;{_text(item.text)}</p>')
        parts.append(_answer_lines(lines, labels.answer))
    return parts


def key_point_groups(topic: Topic) -> list[tuple[str, tuple[str, ...]]]:
    """The key points under their headings (the recap page's), or one untitled group."""
    for page in topic.pages:
        if page.recap_groups:
            return list(page.recap_groups)
    return [("", tuple(key_points(topic)))]


def _qr_block(qr: QrPayload, labels: SummaryLabels) -> str:
    """The code and its whole caption in the same cell: never parted."""
    caption = f'<p class="qr">{escape(qr_caption(qr, labels))}</p>'
    if not qr.carried:
        return caption
    return (
        f'<p class="qr"><img src="{QR_RESOURCE}" width="{QR_SIZE_PT}" height="{QR_SIZE_PT}">'
        f"</p>{caption}"
    )


def _care_team(service: ServiceInfo, labels: SummaryLabels) -> str:
    """Who to call, at the top where it is found first; lines to fill in when not set."""
    if service.name:
        name = escape(_fill(labels.care_team, service.name))
    else:
        name = escape(labels.care_team_blank) + "&nbsp;" + "_" * 26
    if service.phone:
        phone_text = service.phone.replace(" ", "\u00a0")  # a number never breaks across lines
        phone = escape(_fill(labels.phone, phone_text))
    else:
        phone = escape(labels.phone_blank) + "&nbsp;" + "_" * 16
    return f'<p class="service">{name} &nbsp; {phone}</p>'


def _text(text: str) -> str:
    """Escaped text where French punctuation never starts a line on its own."""
    escaped = escape(text)
    for mark in ("?", "!", ":", ";"):
        escaped = escaped.replace(f" {mark}", f"&nbsp;{mark}")
    return escaped


def _answer_lines(count: int, label: str) -> str:
    """Ruled lines to write on: table cells with a bottom border (Qt ignores div borders)."""
    rows = [
        f'<tr><td class="line">{escape(label) if n == 0 else "&nbsp;"}</td></tr>'
        for n in range(count)
    ]
    return (
        '<table class="answer" width="100%" cellspacing="0" cellpadding="4">'
        + "".join(rows)
        + "</table>"
    )


# Sizes in px: the sheet is laid out in points (one unit per point on paper, the page size
# print_ scales to), so "12px" prints at 12 pt. Font sizes in pt would be taken at 96 dpi
# and print a third larger (a 12 pt body came out at 16 pt).
SUMMARY_CSS = """
p.title { font-size: 18px; font-weight: bold; margin-top: 0; margin-bottom: 0; }
p.heading { font-size: 14px; font-weight: bold; margin-top: 8px; margin-bottom: 2px; }
p.continued { page-break-before: always; margin-top: 0; }
p, li, td { font-size: 12px; color: #000000; line-height: 100%; }
ul { margin-top: 0; margin-bottom: 0; }
p.meta { margin-top: 2px; margin-bottom: 0; }
p.service { font-weight: bold; margin-top: 2px; margin-bottom: 0; }
p.question { margin-top: 6px; margin-bottom: 0; }
table.answer { border-collapse: collapse; }
td.line { border-bottom: 1px solid #000000; height: 21px; color: #333333; }
p.group { margin-top: 3px; margin-bottom: 0; }
p.tick { margin-top: 3px; margin-bottom: 0; }
p.qr { margin-top: 8px; margin-bottom: 0; }
p.picture { margin-top: 8px; margin-bottom: 0; }
p.caption { margin-top: 2px; margin-bottom: 0; }
p.small { font-size: 10px; color: #000000; margin-top: 6px; }
"""
