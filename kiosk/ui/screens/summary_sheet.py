"""What 'Mon résumé' puts on paper: the topic's sheet with the patient's questions, dates in
words in the topic's language, fitted to the page (kiosk/summary.py writes it, kiosk/printing.py
fits it)."""

from __future__ import annotations

from PySide6.QtCore import QDate, QLocale
from PySide6.QtGui import QTextDocument

from kiosk import printing
from kiosk.config import Settings
from kiosk.content import Topic
from kiosk.questions import ListItem
from kiosk.summary import QrPayload, ServiceInfo, SummaryLabels, build_summary_html

LOCALES = {"fr": QLocale.Language.French, "en": QLocale.Language.English}
DATE_IN_WORDS = "d MMMM yyyy"  # dates are written one way for patients: "28 novembre 2026"


def sheet_dates(language: str, reviewed: str, today: QDate | None = None) -> tuple[str, str]:
    """Today and the content's review date (``yyyy-MM-dd``; "" if not a date) in words."""
    locale = QLocale(LOCALES.get(language, QLocale.Language.French))
    today_text = locale.toString(today or QDate.currentDate(), DATE_IN_WORDS)
    reviewed_date = QDate.fromString(reviewed, "yyyy-MM-dd")
    reviewed_text = locale.toString(reviewed_date, DATE_IN_WORDS) if reviewed_date.isValid() else ""
    return today_text, reviewed_text


def sheet_document(
    topic: Topic,
    items: list[ListItem],
    labels: SummaryLabels,
    qr: QrPayload | None,
    settings: Settings,
    family: str,
    pages_covered: list[str] | None = None,
) -> QTextDocument:
    """The sheet as it prints, on as few pages as its questions allow."""
    date_text, reviewed_text = sheet_dates(topic.language, topic.reviewed)
    service = ServiceInfo(settings.service_name, settings.service_phone)
    picture = printing.sheet_picture(topic.picture) if topic.picture else None
    aspect = picture.height() / picture.width() if picture is not None else None
    return printing.fitting_summary(
        lambda lines, first, with_picture: build_summary_html(
            topic,
            items,
            date_text,
            service,
            labels,
            qr,
            pages_covered,
            lines,
            reviewed_text,
            first,
            aspect if with_picture else None,
        ),
        family,
        qr.png if qr else None,
        settings.paper,
        len(items),
        picture,
    )
