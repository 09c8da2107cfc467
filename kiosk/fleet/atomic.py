"""Write a file so that readers only ever see the old or the new whole file.

A kiosk can lose power at any moment, and node_exporter or a share reader may read while
we write: the data goes to a temporary file in the same folder (same file system, so the
rename is atomic), is flushed to disk, then renamed over the old name.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def write_atomic(path: Path, data: bytes | str) -> None:
    payload = data.encode("utf-8") if isinstance(data, str) else data
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as temp:
            temp.write(payload)
            temp.flush()
            os.fsync(temp.fileno())
        _replace(temp_name, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp_name)
        raise


def _replace(temp_name: str, path: Path) -> None:
    # A separate function so that a test can fail here, after the temporary file is
    # complete, and show the old file survives (what a kill at that moment would leave).
    os.replace(temp_name, path)
