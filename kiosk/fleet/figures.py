"""Anonymous usage figures: hourly counters, for node_exporter and for spreadsheets.

What is counted is fixed here, in :data:`COUNTERS`: each counter has named labels, and a
label's value must be an identifier (a topic, question or quiz item id, a language, one of
a few fixed words). Free text cannot get in: a value that is not an identifier is counted
as ``invalid`` and never stored, so a patient's own question can never reach a file even
by a programming mistake. Time is kept to the hour, no finer: counts are added to the
current hour's bucket, and the files carry no other time (their modification time is set
back to the start of the hour too).

Files in FOLDER, each written atomically (temporary file, rename), so a crash or a power
cut leaves the previous complete file:

- ``figures.json``: the state (totals since the start, the last two days by hour);
- ``kiosk.prom``: Prometheus text format for node_exporter's textfile collector;
- ``figures-YYYY-MM-DD.csv``: one per day, ``hour,counter,labels,value``.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import os
import re
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from kiosk.fleet.atomic import write_atomic

log = logging.getLogger(__name__)

# name -> (label names, help). Counters only ever go up.
COUNTERS: dict[str, tuple[tuple[str, ...], str]] = {
    "sessions_started": ((), "patient sessions started"),
    "sessions_ended": (("reason",), "sessions ended, by reason: finished, idle, staff"),
    "pages_viewed": ((), "pages viewed"),
    "page_seconds": ((), "seconds spent on pages (divided by pages viewed: the average)"),
    "topics_chosen": (("topic", "language"), "topics opened, by topic id and language"),
    "languages_chosen": (("language",), "languages chosen by patients"),
    "suggested_questions_chosen": (("question",), "suggested questions added, by id"),
    "own_questions_written": ((), "questions patients wrote themselves (a count only)"),
    "summaries": (("how",), "summaries printed, scanned (code shown) or saved as PDF"),
    "quiz_answers": (("item", "result"), "quiz answers by item id, right or wrong"),
    "read_aloud": ((), "times read-aloud was started"),
    "text_size": (("size",), "text size chosen: A, A+, A++"),
    "errors": ((), "unexpected errors that reached a patient's screen"),
    "recoveries": ((), "recoveries after such an error (session wiped, attract screen)"),
}
CHOICES = {
    "reason": ("finished", "idle", "staff"),
    "how": ("printed", "scanned", "pdf"),
    "result": ("right", "wrong"),
    "size": ("A", "A+", "A++"),
}
IDENTIFIER = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.+-]{0,63}")
INVALID = "invalid"
KEEP_HOURS_DAYS = 2  # older days are in their CSV file already
STATE, PROM = "figures.json", "kiosk.prom"
HOUR = "%Y-%m-%dT%H"


def _key(name: str, labels: dict[str, str]) -> str:
    """``sessions_ended|reason=idle``: one string per counter and label values."""
    return "|".join([name, *(f"{k}={labels[k]}" for k in COUNTERS[name][0])])


def _split(key: str) -> tuple[str, list[tuple[str, str]]]:
    name, *pairs = key.split("|")
    return name, [(k, v) for k, _, v in (pair.partition("=") for pair in pairs)]


class Figures:
    """Counters in memory, written to FOLDER by :meth:`save` (call it between patients
    or on a timer; counts since the last save are lost only if the kiosk dies first)."""

    def __init__(self, folder: Path, clock: Callable[[], datetime] = datetime.now) -> None:
        self.folder = folder
        self.clock = clock  # local time: the hospital's spreadsheets read local hours
        self.totals: dict[str, float] = {}
        self.hours: dict[str, dict[str, float]] = {}
        self.release: int | None = None  # content release shown (None: the kiosk's own)
        self.last_check: str | None = None  # last update check, to the hour
        self.up = True
        self._load()

    def _load(self) -> None:
        path = self.folder / STATE
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            self.totals = {str(k): float(v) for k, v in data["totals"].items()}
            self.hours = {
                str(h): {str(k): float(v) for k, v in c.items()} for h, c in data["hours"].items()
            }
            self.release, self.last_check = data.get("release"), data.get("last_check")
        except FileNotFoundError:
            return
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
            # Writes are atomic, so this is damage from outside: keep it for a look, and
            # count again from zero rather than stop the kiosk.
            log.error("figures: %s unreadable (%s); starting again from zero", path, error)
            path.replace(path.with_suffix(".damaged"))

    # --- counting -------------------------------------------------------------------------

    def count(self, name: str, n: float = 1, **labels: str) -> None:
        if name not in COUNTERS:
            raise ValueError(f"unknown counter {name!r}")  # a programming error, not data
        if set(labels) != set(COUNTERS[name][0]):
            raise ValueError(f"{name} takes labels {COUNTERS[name][0]}, not {tuple(labels)}")
        key = _key(name, {k: self._clean(k, v) for k, v in labels.items()})
        hour = self.clock().strftime(HOUR)
        bucket = self.hours.setdefault(hour, {})
        bucket[key] = bucket.get(key, 0) + n
        self.totals[key] = self.totals.get(key, 0) + n

    def page_viewed(self, seconds: float) -> None:
        self.count("pages_viewed")
        self.count("page_seconds", round(max(seconds, 0.0)))  # whole seconds are enough

    @staticmethod
    def _clean(label: str, value: str) -> str:
        allowed = CHOICES.get(label)
        ok = value in allowed if allowed else bool(IDENTIFIER.fullmatch(value))
        if not ok:
            log.warning("figures: a %s value that is not an identifier was not counted", label)
        return value if ok else INVALID

    def set_status(self, release: int | None, last_check: str | None) -> None:
        self.release, self.last_check = release, last_check

    def total(self, name: str, **labels: str) -> float:
        return self.totals.get(_key(name, labels), 0)

    def average_page_seconds(self) -> float:
        pages = self.total("pages_viewed")
        return self.total("page_seconds") / pages if pages else 0.0

    # --- writing --------------------------------------------------------------------------

    def save(self) -> None:
        """Write the state, the Prometheus file and each day's CSV, each atomically."""
        now = self.clock()
        for day in sorted({hour[:10] for hour in self.hours}):
            self._write(f"figures-{day}.csv", self.day_csv(day), now)
        oldest = (now - timedelta(days=KEEP_HOURS_DAYS)).strftime(HOUR)
        self.hours = {h: c for h, c in self.hours.items() if h >= oldest}
        state = {
            "format": 1,
            "totals": self.totals,
            "hours": self.hours,
            "release": self.release,
            "last_check": self.last_check,
        }
        self._write(STATE, json.dumps(state, indent=1, sort_keys=True) + "\n", now)
        self._write(PROM, self.prometheus(), now)

    def close(self) -> None:
        """At a clean exit: ``kiosk_up 0``, so monitoring tells a stop from a crash."""
        self.up = False
        self.save()

    def _write(self, name: str, text: str, now: datetime) -> None:
        path = self.folder / name
        write_atomic(path, text)
        hour = now.replace(minute=0, second=0, microsecond=0).timestamp()
        os.utime(path, (hour, hour))  # the file's date says no more than its content

    def prometheus(self) -> str:
        lines = [
            "# HELP kiosk_up 1 while the kiosk runs, 0 after a clean stop",
            "# TYPE kiosk_up gauge",
            f"kiosk_up {int(self.up)}",
            "# HELP kiosk_content_release content release shown (0: the kiosk's own content)",
            "# TYPE kiosk_content_release gauge",
            f"kiosk_content_release {self.release or 0}",
        ]
        seconds = _hour_seconds(self.last_check)
        if seconds is not None:
            lines += [
                "# HELP kiosk_last_update_check_timestamp_seconds last update check, to the hour",
                "# TYPE kiosk_last_update_check_timestamp_seconds gauge",
                f"kiosk_last_update_check_timestamp_seconds {seconds}",
            ]
        lines += [
            "# HELP kiosk_page_seconds_average average seconds per page since counting began",
            "# TYPE kiosk_page_seconds_average gauge",
            f"kiosk_page_seconds_average {self.average_page_seconds():.1f}",
        ]
        for name, (label_names, help_text) in COUNTERS.items():
            metric = f"kiosk_{name}_total"
            lines += [f"# HELP {metric} {help_text}", f"# TYPE {metric} counter"]
            samples = sorted((k, v) for k, v in self.totals.items() if _split(k)[0] == name)
            if not samples and not label_names:
                samples = [(name, 0)]  # an unlabelled counter is always there, even at 0
            for key, value in samples:
                pairs = _split(key)[1]
                labels = ",".join(f'{k}="{v}"' for k, v in pairs)  # identifiers: no escaping
                lines.append(f"{metric}{{{labels}}} {value:g}" if labels else f"{metric} {value:g}")
        return "\n".join(lines) + "\n"

    def day_csv(self, day: str) -> str:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["hour", "counter", "labels", "value"])
        for hour in sorted(h for h in self.hours if h.startswith(day)):
            counts = self.hours[hour]
            for key in sorted(counts):
                name, pairs = _split(key)
                writer.writerow(
                    [hour, name, ";".join(f"{k}={v}" for k, v in pairs), f"{counts[key]:g}"]
                )
            pages = counts.get("pages_viewed", 0)
            if pages:
                average = counts.get("page_seconds", 0) / pages
                writer.writerow([hour, "page_seconds_average", "", f"{average:.1f}"])
        return out.getvalue()


def _hour_seconds(hour: str | None) -> int | None:
    """``2026-11-28T14Z`` (as kiosk.fleet.update writes it) as Unix seconds, else None."""
    try:
        checked = datetime.strptime(hour or "", "%Y-%m-%dT%HZ").replace(tzinfo=UTC)
    except ValueError:
        return None
    return int(checked.timestamp())


def export_csv(folder: Path, first: date, last: date) -> str:
    """The daily CSV files from ``first`` to ``last`` (inclusive) as one CSV."""
    rows = ["hour,counter,labels,value\n"]
    day = first
    while day <= last:
        path = folder / f"figures-{day.isoformat()}.csv"
        if path.is_file():
            rows += path.read_text(encoding="utf-8").splitlines(keepends=True)[1:]
        day += timedelta(days=1)
    return "".join(rows)
