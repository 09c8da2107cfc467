"""Configuration: one TOML file, a schema in one place, every error collected. No Qt here.

A broken file never stops the kiosk: each bad value falls back to its default and the
problem is reported to staff. The user's file is only ever read.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, NamedTuple, cast


# Immutable records are NamedTuples, not dataclasses: this module is read before the
# first frame, and a frozen dataclass takes ~1 ms to create (its methods are compiled).
class Option(NamedTuple):
    name: str
    kind: type
    default: Any
    description: str
    choices: tuple[Any, ...] = ()
    minimum: float | None = None
    maximum: float | None = None


SCHEMA: tuple[Option, ...] = (
    Option("mode", str, "kiosk", "kiosk (waiting room, idle wipe) or presenter (nurse, tablet)",
           choices=("kiosk", "presenter")),
    Option("idle_timeout", int, 120, "seconds without a touch before 'Êtes-vous toujours là ?'",
           minimum=30, maximum=3600),
    Option("warning_countdown", int, 30, "seconds the 'still there?' screen waits before wiping",
           minimum=20, maximum=300),
    Option("languages", list, ["fr", "en"], "languages offered to patients, in order"),
    Option("language", str, "fr", "default language at the start of each session"),
    Option("default_topic", str, "", "topic id opened first on the home screen (empty: none)"),
    Option("content_dir", str, "", "content folder (empty: the content bundled with the app)"),
    Option("printer", str, "", "printer name for silent printing (empty: system default)"),
    Option("paper", str, "A4", "paper size of the summary", choices=("A4", "Letter")),
    Option("service_name", str, "", "care team name printed on the summary"),
    Option("service_phone", str, "", "care team phone number printed on the summary"),
    Option("pdf_dir", str, "", "folder where summaries are saved as PDF (empty: disabled)"),
    Option("allow_pdf", bool, False, "show 'Enregistrer en PDF' to patients (needs pdf_dir)"),
    Option("max_prints", int, 2,
           "printed sheets per patient (a copy after the first needs 'Imprimer encore')",
           minimum=1, maximum=5),
    Option("staff_pin_hash", str, "", "salted hash of the staff PIN, set with 'kiosk set-pin'"),
    Option("log_level", str, "INFO", "staff log detail",
           choices=("DEBUG", "INFO", "WARNING", "ERROR")),
    Option("viewing_distance", int, 50, "viewing distance in cm; sets the text size",
           minimum=30, maximum=150),
    Option("screen_diagonal", float, 0.0,
           "screen diagonal in inches, for screens that report a wrong size (0: ask the screen)",
           minimum=0, maximum=120),
)  # fmt: skip
OPTIONS = {option.name: option for option in SCHEMA}


class Settings(NamedTuple):
    mode: str = "kiosk"
    idle_timeout: int = 120
    warning_countdown: int = 30
    languages: tuple[str, ...] = ("fr", "en")
    language: str = "fr"
    default_topic: str = ""
    content_dir: Path | None = None  # None: the content bundled with the app
    printer: str = ""
    paper: str = "A4"
    service_name: str = ""
    service_phone: str = ""
    pdf_dir: Path | None = None
    allow_pdf: bool = False
    max_prints: int = 2
    staff_pin_hash: str = ""
    log_level: str = "INFO"
    viewing_distance: int = 50
    screen_diagonal: float = 0.0
    windowed: bool = False  # command line only
    config_path: Path | None = None  # where the settings were read from, for staff

    @property
    def viewing_distance_mm(self) -> float:
        return self.viewing_distance * 10.0

    @property
    def presenter(self) -> bool:
        return self.mode == "presenter"

    @property
    def pdf_enabled(self) -> bool:
        return self.allow_pdf and self.pdf_dir is not None


class ConfigProblem(NamedTuple):
    path: Path
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else str(self.path)
        return f"{where}: {self.message}"


def _check(option: Option, value: Any) -> str | None:
    """Why the value is not acceptable, or None."""
    expected = option.kind
    if expected is float and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)  # "10" is as good as "10.0" for a size
    if (expected in (int, float) and isinstance(value, bool)) or not isinstance(value, expected):
        names = {
            str: "text in quotes",
            int: "a whole number",
            float: "a number",
            bool: "true or false",
            list: "a list",
        }
        return f"should be {names[expected]}, not {value!r}"
    if option.choices and value not in option.choices:
        return f"{value!r} is not one of {', '.join(map(repr, option.choices))}"
    number = cast(float, value)  # int by now: the type was checked above
    if option.minimum is not None and number < option.minimum:
        return f"{value} is below the minimum {option.minimum:g}"
    if option.maximum is not None and number > option.maximum:
        return f"{value} is above the maximum {option.maximum:g}"
    if isinstance(value, list) and not all(isinstance(item, str) for item in value):
        return 'should be a list of texts, e.g. ["fr", "en"]'
    return None


def _line_of(text: str, key: str) -> int | None:
    pattern = re.compile(rf"^\s*{re.escape(key)}\s*=")
    for number, line in enumerate(text.splitlines(), start=1):
        if pattern.match(line):
            return number
    return None


def load_settings(path: Path | None) -> tuple[Settings, list[ConfigProblem]]:
    """Read the TOML file; return settings (defaults where needed) and every problem found."""
    if path is None or not path.exists():
        return Settings(config_path=path), []
    import tomllib  # here: a kiosk without a configuration file never needs it

    problems: list[ConfigProblem] = []
    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except (OSError, UnicodeDecodeError) as error:
        return Settings(config_path=path), [ConfigProblem(path, None, f"cannot read: {error}")]
    except tomllib.TOMLDecodeError as error:
        line = getattr(error, "lineno", None) or _line_from_message(str(error))
        message = f"syntax error, all defaults used: {str(error).split(' (at line')[0]}"
        return Settings(config_path=path), [ConfigProblem(path, line, message)]

    values: dict[str, Any] = {}
    for key, value in data.items():
        option = OPTIONS.get(key)
        if option is None:
            import difflib

            hint = difflib.get_close_matches(key, list(OPTIONS), n=1)
            suggestion = f" (did you mean '{hint[0]}'?)" if hint else ""
            problems.append(
                ConfigProblem(path, _line_of(text, key), f"unknown option '{key}'{suggestion}")
            )
            continue
        reason = _check(option, value)
        if reason:
            default = f"default {option.default!r} used"
            problems.append(
                ConfigProblem(path, _line_of(text, key), f"'{key}' {reason}; {default}")
            )
            continue
        values[key] = float(value) if option.kind is float else value
    if "languages" in values:
        values["languages"] = tuple(values["languages"])
    for key in ("content_dir", "pdf_dir"):
        if key in values:
            values[key] = Path(values[key]).expanduser() if values[key] else None
    return Settings(config_path=path)._replace(**values), problems


def _line_from_message(message: str) -> int | None:
    match = re.search(r"line (\d+)", message)
    return int(match.group(1)) if match else None


def settings_table() -> str:
    """The README table, generated from the schema."""
    rows = ["| option | type | default | allowed | meaning |", "| --- | --- | --- | --- | --- |"]
    for option in SCHEMA:
        if option.choices:
            allowed = ", ".join(map(str, option.choices))
        elif option.minimum is not None:
            allowed = f"{option.minimum:g} to {option.maximum:g}"
        else:
            allowed = ""
        default = repr(option.default).replace("'", '"').replace("False", "false")
        kind = option.kind.__name__
        rows.append(
            f"| `{option.name}` | {kind} | `{default}` | {allowed} | {option.description} |"
        )
    return "\n".join(rows)


assert set(Settings._fields) >= set(OPTIONS), "every option needs a Settings field"
