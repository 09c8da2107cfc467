"""Reading content files that staff (or anyone with the folder) can change: only regular
files, never more than a limit, never a device, a pipe or a file outside the folder that
holds the content. Checked on the opened file, so a file swapped for a pipe between a
check and the read cannot block the kiosk. No Qt."""

from __future__ import annotations

import os
import stat
from pathlib import Path

_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)  # opening a pipe must not wait for a writer
    | getattr(os, "O_NOFOLLOW", 0)  # the path given is already resolved
    | getattr(os, "O_BINARY", 0)
)


MAX_FILE_BYTES = 256 * 1024  # any content file but a page (see limits.MAX_PAGE_BYTES)


class ContentFileError(Exception):
    """A content file that must not be read; the message says why (never what it holds)."""


def read_regular(path: Path, limit: int) -> bytes:
    """At most ``limit`` + 1 bytes of the regular file at ``path`` (links followed).

    Raises ContentFileError for a device, a pipe or a folder, OSError when it cannot be
    opened. Nothing is read from a file that is not regular.
    """
    target = path.resolve()
    try:
        descriptor = os.open(target, _FLAGS)
    except IsADirectoryError as error:
        raise ContentFileError("is not a regular file (a device, a pipe or a folder)") from error
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise ContentFileError("is not a regular file (a device, a pipe or a folder)")
        chunks: list[bytes] = []
        left = limit + 1
        while left > 0:
            chunk = os.read(descriptor, min(left, 1 << 16))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)
    finally:
        os.close(descriptor)


def read_in_folder(path: Path, folder: Path, limit: int) -> bytes:
    """As read_regular, and only if ``path`` resolves inside ``folder`` (a link out of the
    folder, to /etc/passwd or /dev/urandom, is refused before anything is opened)."""
    target = path.resolve()
    if not target.is_relative_to(folder.resolve()):
        raise ContentFileError(f"is a link to {target}, outside its folder")
    return read_regular(target, limit)
