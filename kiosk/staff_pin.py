"""Staff PIN: stored only as a salted scrypt hash; five wrong tries lock the pad. No Qt."""

from __future__ import annotations

import base64
import contextlib
import hashlib
import hmac
import logging
import re
import secrets
import stat
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

SCRYPT = {"n": 2**14, "r": 8, "p": 1, "dklen": 32}
MAX_TRIES = 5
LOCK_SECONDS = 60.0
# A new PIN has at least MIN_DIGITS digits unless `kiosk set-pin --min-digits` says
# otherwise (never below FLOOR_DIGITS): each guess at a stolen hash costs one scrypt (30 to
# 70 ms on one core), so a 4-digit PIN falls to offline guessing in 5 to 11 minutes.
MIN_DIGITS = 6
FLOOR_DIGITS = 4
MAX_DIGITS = 12  # the most the staff PIN pad takes (kiosk/ui/staff/pin_pad.py)
_ASCII_DIGITS = re.compile(r"[0-9]+")  # not str.isdigit(): it takes '²' and '١'

log = logging.getLogger(__name__)


def check_new_pin(pin: str, min_digits: int = MIN_DIGITS) -> None:
    """Raise ValueError unless the PIN is one the pad can enter: ASCII digits 0-9 only,
    from max(min_digits, FLOOR_DIGITS) to MAX_DIGITS of them."""
    least = max(min_digits, FLOOR_DIGITS)
    if not _ASCII_DIGITS.fullmatch(pin):
        raise ValueError("the PIN must be digits 0-9 only, as on the staff PIN pad")
    if len(pin) < least:
        raise ValueError(f"the PIN must be at least {least} digits")
    if len(pin) > MAX_DIGITS:
        raise ValueError(f"the PIN must be at most {MAX_DIGITS} digits (the pad takes no more)")


def hash_pin(pin: str) -> str:
    """'scrypt$<salt>$<hash>', both base64: safe to keep in a text configuration file.
    Takes any PIN the pad can enter (FLOOR_DIGITS or more); `kiosk set-pin` asks for
    MIN_DIGITS by default (check_new_pin)."""
    check_new_pin(pin, FLOOR_DIGITS)
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
        """Logs wrong PINs and lock-outs for staff, never the digits typed."""
        if not self.configured:
            return False
        if self.seconds_locked() > 0:
            log.warning("staff PIN entered while the pad is locked; not checked")
            return False
        if verify_pin(pin, self.stored_hash):
            self.wrong = 0
            log.info("staff PIN accepted")
            return True
        self.wrong += 1
        log.warning("wrong staff PIN (%d of %d before the pad locks)", self.wrong, MAX_TRIES)
        if self.wrong >= MAX_TRIES:
            self.wrong = 0
            self.locked_until = self.clock() + LOCK_SECONDS
            log.warning(
                "staff PIN pad locked for %g s after %d wrong PINs", LOCK_SECONDS, MAX_TRIES
            )
        return False


def set_pin_in_config(text: str, pin_hash: str) -> str:
    """The config text with the top-level staff_pin_hash set (added if missing), edited as
    TOML: comments, spacing, other keys, tables and CRLF line endings are kept. Raises
    ValueError if the text is not TOML or the result would not read back as that hash."""
    import tomlkit
    from tomlkit.exceptions import TOMLKitError

    crlf = "\r\n" in text and text.count("\n") == text.count("\r\n")
    newline = "\r\n" if crlf else "\n"
    if text and not text.endswith("\n"):
        text += newline
    try:
        document = tomlkit.parse(text)
        document["staff_pin_hash"] = pin_hash
        result = tomlkit.dumps(document)
    except TOMLKitError as error:
        raise ValueError(f"not a valid TOML file: {error}") from error
    if crlf:  # lines tomlkit added end in LF; the file had CRLF alone, so these are ours
        result = re.sub(r"(?<!\r)\n", "\r\n", result)
    check_pin_hash_in(result, pin_hash)
    return result


def check_pin_hash_in(text: str, pin_hash: str) -> None:
    """Raise ValueError unless `text`, read as TOML, has exactly this staff_pin_hash at its
    top level (what the kiosk will read)."""
    import tomllib

    try:
        value = tomllib.loads(text).get("staff_pin_hash")
    except tomllib.TOMLDecodeError as error:
        raise ValueError(f"the file would not read back: {error}") from error
    if value != pin_hash:
        raise ValueError("the file would not read back with the new PIN")


def write_pin_hash(path: Path, pin_hash: str) -> None:
    """Set staff_pin_hash in the configuration file at `path` (created owner-only, 0600,
    if missing), then read it back. The file is replaced whole, never left half-written;
    an existing file keeps its permissions (and its owner, where allowed). Raises
    ValueError or OSError, and then the file is unchanged."""
    import os
    import tempfile
    import tomllib

    path = path.resolve()  # a link to the configuration: edit the file it points to
    try:
        before = path.stat()
    except FileNotFoundError:
        before = None
    # Bytes, not text: text mode would turn CRLF into LF.
    text = path.read_bytes().decode("utf-8") if before else ""
    new_text = set_pin_in_config(text, pin_hash)
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    descriptor, temporary = tempfile.mkstemp(prefix=".kiosk-", dir=path.parent)  # 0600
    try:
        with os.fdopen(descriptor, "wb") as file:
            file.write(new_text.encode("utf-8"))
            file.flush()
            os.fsync(file.fileno())
        if before is not None:
            os.chmod(temporary, stat.S_IMODE(before.st_mode))
            if hasattr(os, "chown"):  # not root: the file is ours anyway
                with contextlib.suppress(PermissionError):
                    os.chown(temporary, before.st_uid, before.st_gid)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    with path.open("rb") as file:
        if tomllib.load(file).get("staff_pin_hash") != pin_hash:
            raise ValueError(f"{path} does not read back with the new PIN")
