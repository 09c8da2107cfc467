"""Staff PIN: stored only as a salted scrypt hash; five wrong tries lock the pad. No Qt."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field

SCRYPT = {"n": 2**14, "r": 8, "p": 1, "dklen": 32}
MAX_TRIES = 5
LOCK_SECONDS = 60.0
MIN_DIGITS = 4


def hash_pin(pin: str) -> str:
    """'scrypt$<salt>$<hash>', both base64: safe to keep in a text configuration file."""
    if not (pin.isdigit() and len(pin) >= MIN_DIGITS):
        raise ValueError(f"the PIN must be at least {MIN_DIGITS} digits")
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, **SCRYPT)
    return "$".join(["scrypt", _b64(salt), _b64(digest)])


def verify_pin(pin: str, stored: str) -> bool:
    try:
        scheme, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(digest)
        actual = hashlib.scrypt(pin.encode(), salt=base64.b64decode(salt), **SCRYPT)
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, expected)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


@dataclass
class PinGuard:
    """Counts wrong tries; after MAX_TRIES the pad stays locked for LOCK_SECONDS."""

    stored_hash: str
    clock: Callable[[], float] = time.monotonic
    wrong: int = 0
    locked_until: float = field(default=0.0)

    @property
    def configured(self) -> bool:
        return bool(self.stored_hash)

    def seconds_locked(self) -> int:
        return max(0, round(self.locked_until - self.clock()))

    def attempt(self, pin: str) -> bool:
        if not self.configured or self.seconds_locked() > 0:
            return False
        if verify_pin(pin, self.stored_hash):
            self.wrong = 0
            return True
        self.wrong += 1
        if self.wrong >= MAX_TRIES:
            self.wrong = 0
            self.locked_until = self.clock() + LOCK_SECONDS
        return False


def set_pin_in_config(text: str, pin_hash: str) -> str:
    """The config text with only the staff_pin_hash line replaced (or added); all else kept."""
    lines = text.splitlines(keepends=True)
    new_line = f'staff_pin_hash = "{pin_hash}"\n'
    for index, line in enumerate(lines):
        if line.lstrip().startswith("staff_pin_hash") and "=" in line:
            lines[index] = new_line
            return "".join(lines)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    # Top-level keys must come before any [table]; ours has none, but be safe.
    first_table = next((i for i, line in enumerate(lines) if line.lstrip().startswith("[")), None)
    if first_table is None:
        lines.append(new_line)
    else:
        lines.insert(first_table, new_line)
    return "".join(lines)
