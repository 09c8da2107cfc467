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
QR_MAX_VERSION = 15  # 77x77 modules: still easy for a phone camera on paper or on screen
QR_ERROR = "m"
QR_SIZE_PT = 100  # about 35 mm on paper


@dataclass(frozen=True)
class SummaryLabels:
    """Visible words of the summary, translated by the UI (French defaults)."""

    prepared_on: str = "Résumé préparé le %1"
    key_points: str = "À retenir"
    tell_the_team: str = "À signaler à l'équipe"
    my_questions: str = "Mes questions pour le médecin"
    no_questions: str = "Vous n'avez pas choisi de question. Vous pouvez en écrire ici :"
    answer: str = "Réponse :"
    pages_covered: str = "Pages vues avec l'équipe"
    qr_all: str = "Scannez ce code avec votre téléphone pour garder vos questions."
    qr_partial: str = "Ce code contient vos %1 premières questions sur %2 (pas plus)."
    service: str = "Service : %1"
    phone: str = "Téléphone : %1"
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

    @property
    def complete(self) -> bool:
        return self.carried == self.total


def _fill(template: str, *values: object) -> str:
    for number, value in enumerate(values, start=1):
        template = template.replace(f"%{number}", str(value))
    return template


def qr_caption(qr: QrPayload, labels: SummaryLabels) -> str:
    """What the code beside it says: all the questions, or how many of them."""
    return labels.qr_all if qr.complete else _fill(labels.qr_partial, qr.carried, qr.total)


def qr_payload(title: str, questions: list[str]) -> QrPayload:
    """Plain text for the QR code: as many questions as a readable code can carry."""
    from segno import DataOverflowError

    for carried in range(len(questions), -1, -1):
        lines = [title, *(f"{n}. {q}" for n, q in enumerate(questions[:carried], start=1))]
        text = "\n".join(lines)
        try:
            code = make_qr(text)
        except DataOverflowError:
            continue
        if int(code.version) <= QR_MAX_VERSION:  # segno types version as int | str
            return QrPayload(text, carried, len(questions))
    return QrPayload(title, 0, len(questions))


def make_qr(text: str) -> segno.QRCode:
    import segno  # imported on first use: it costs ~30 ms, and start-up comes first

    # ECI declares UTF-8, so readers show accents right instead of guessing Latin-1.
    return segno.make(
        text, error=QR_ERROR, micro=False, boost_error=False, encoding="utf-8", eci=True
    )


def qr_png(text: str, scale: int = 8) -> bytes:
    import io

    buffer = io.BytesIO()
    make_qr(text).save(buffer, kind="png", scale=scale, border=4)
    return buffer.getvalue()


def key_points(topic: Topic) -> list[str]:
    """What the sheet keeps: the recap page's list when the topic has one (the authors'
    own summary, which the patient has just read), else every page's key point."""
    for page in topic.pages:
        if page.recap_points:
            return list(page.recap_points)
    return [page.key_point for page in topic.pages]


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
) -> str:
    """``reviewed_text``: the content's review date as patients read it ("28 novembre
    2026"); the topic's ISO date when not given."""
    parts = [
        f"<h1>{escape(topic.title)}</h1>",
        f'<p class="meta">{escape(_fill(labels.prepared_on, date_text))}</p>',
        *_service_line(service, labels),
        f"<h2>{escape(labels.key_points)}</h2>",
        "<ul>",
        *(f"<li>{escape(point)}</li>" for point in key_points(topic)),
        "</ul>",
    ]
    # "Tell the team" and the QR code share a row, so the questions get the second page.
    side: list[str] = []
    if topic.tell_the_team:
        side += [f"<h2>{escape(labels.tell_the_team)}</h2>", "<ul>"]
        side += [f"<li>{escape(line)}</li>" for line in topic.tell_the_team]
        side.append("</ul>")
    if pages_covered:
        side.append(f"<h2>{escape(labels.pages_covered)}</h2>")
        side.append(f"<p>{escape(', '.join(pages_covered))}</p>")
    qr_cell = ""
    if qr is not None and qr.carried:
        caption = qr_caption(qr, labels)
        qr_cell = (
            f'<td valign="top" width="{QR_SIZE_PT + 60}">'
            f'<p class="qr"><img src="{QR_RESOURCE}" width="{QR_SIZE_PT}" '
            f'height="{QR_SIZE_PT}"></p><p class="qr">{escape(caption)}</p></td>'
        )
    if side or qr_cell:
        parts.append(
            '<table width="100%" cellspacing="0" cellpadding="0"><tr>'
            f'<td valign="top">{"".join(side)}</td>{qr_cell}</tr></table>'
        )

    parts.append(f"<h2>{escape(labels.my_questions)}</h2>")
    if not items:
        parts.append(f"<p>{escape(labels.no_questions)}</p>")
        parts.append(_answer_lines(3, ""))
    for number, item in enumerate(items, start=1):
        parts.append(f'<p class="question">{number}. {_text(item.text)}</p>')
        if answer_lines:
            parts.append(_answer_lines(answer_lines, labels.answer))

    footer = _fill(labels.footer, topic.version, reviewed_text or topic.reviewed, topic.source)
    parts.append(f'<p class="small">{escape(footer)}</p>')
    return "\n".join(parts)


def _service_line(service: ServiceInfo, labels: SummaryLabels) -> list[str]:
    """Who to call, at the top where it is found first."""
    service_lines = []
    if service.name:
        service_lines.append(escape(_fill(labels.service, service.name)))
    if service.phone:
        phone = service.phone.replace(" ", "\u00a0")  # a number never breaks across lines
        service_lines.append(escape(_fill(labels.phone, phone)))
    return [f'<p class="service">{" — ".join(service_lines)}</p>'] if service_lines else []


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


SUMMARY_CSS = """
h1 { font-size: 18pt; font-weight: bold; margin-bottom: 0; }
h2 { font-size: 16pt; font-weight: bold; margin-top: 10pt; margin-bottom: 2pt; }
p, li, td { font-size: 12pt; }
li { margin-bottom: 0; }
p.qr { font-size: 12pt; margin-left: 12pt; margin-top: 10pt; }
p.meta { color: #333333; }
p.question { font-weight: bold; margin-top: 6pt; margin-bottom: 0; }
table.answer { border-collapse: collapse; }
td.line { border-bottom: 1px solid #555555; height: 18pt; color: #555555; }
p.service { font-size: 12pt; font-weight: bold; margin-top: 2pt; }
p.small { font-size: 9pt; color: #333333; }
"""
