"""Settings the rest of the app reads. No Qt here."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Settings:
    language: str = "fr"
    content_dir: Path | None = None  # None: the content bundled with the app
    windowed: bool = False
    viewing_distance_mm: float = 500.0  # sets the body text size (visual angle)
    service_name: str = ""  # printed on the summary
    service_phone: str = ""
    paper: str = "A4"  # "A4" or "Letter"
    printer: str = ""  # empty: the system's default printer
    pdf_dir: Path | None = None  # where "Enregistrer en PDF" writes; None hides the button
