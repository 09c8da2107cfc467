"""Signing keys: one ed25519 key per TUF role, each in its own PEM file under KEYS_DIR.

One file per role lets a team keep the root key offline (on a USB stick in a safe) and
bring it only to ``kiosk publish --init``, to renew the root and to rotate keys, while the
other three stay with whoever publishes. Files are written readable by their owner only.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from securesystemslib.signer import CryptoSigner

ROLES = ("root", "targets", "snapshot", "timestamp")


class KeyFileError(Exception):
    """A key file is missing, unreadable or not an ed25519 key."""


def key_file(keys_dir: Path, role: str) -> Path:
    return keys_dir / f"{role}.pem"


def has_key(keys_dir: Path, role: str) -> bool:
    return key_file(keys_dir, role).is_file()


def load_signer(keys_dir: Path, role: str) -> CryptoSigner:
    # Signing only (kiosk publish): the kiosk bundle leaves cryptography out (build.spec).
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import load_pem_private_key
    from securesystemslib.signer import CryptoSigner

    path = key_file(keys_dir, role)
    try:
        private = load_pem_private_key(path.read_bytes(), password=None)
    except FileNotFoundError:
        raise KeyFileError(f"no {role} key: {path} is missing") from None
    except (OSError, ValueError, TypeError) as error:
        raise KeyFileError(f"{path}: not a readable private key ({error})") from error
    if not isinstance(private, Ed25519PrivateKey):
        raise KeyFileError(f"{path}: not an ed25519 key")
    return CryptoSigner(private)


def create_signer(keys_dir: Path, role: str) -> CryptoSigner:
    """A new key, written to ``KEYS_DIR/ROLE.pem`` (which must not exist)."""
    from securesystemslib.signer import CryptoSigner

    keys_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    signer = CryptoSigner.generate_ed25519()
    path = key_file(keys_dir, role)
    # O_EXCL: never overwrite a key; 0o600: only its owner reads it.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(signer.private_bytes)
    return signer


def retire(keys_dir: Path, role: str, stamp: str) -> Path:
    """Move a replaced key aside (kept, not deleted: staff decide when to destroy it)."""
    path = key_file(keys_dir, role)
    retired = keys_dir / f"{role}.pem.retired-{stamp}"
    n = 1
    while retired.exists():
        n += 1
        retired = keys_dir / f"{role}.pem.retired-{stamp}-{n}"
    path.rename(retired)
    return retired
