"""Lay the reference displays out side by side: one forked process per display but the
first, which the checker lays out itself once its other checks are done.

Layout is most of ``kiosk check``'s time (every page, three displays, three text sizes)
and each display is laid out from a fresh window anyway (see ``layout.measure``), so a
display's counts do not depend on the process that lays it out
(``tests/checker/test_layout_workers.py`` compares them). A fork is safe only before Qt
starts (no QApplication, one thread): the checker starts the workers right after reading
the content. Where it cannot fork (other systems than Linux, a QApplication already
running, one CPU or ``--jobs 1``), or a worker gives nothing back, the checker lays that
display out itself.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import threading
import time
from dataclasses import dataclass, field
from typing import cast

from kiosk.content import Library
from kiosk.process import end_child, read_to_end, usable_cpus

Display = tuple[int, int]
WAIT_S = 600.0  # a worker that has not answered by then is stuck (50 topics take ~15 s)
Counts = tuple[tuple[int, int, int, int], ...]  # as PageScreens.counts


def default_jobs() -> int:
    """Processes for the layout: one per display where there is more than one CPU (three
    processes on two CPUs still finish first: the displays' costs differ)."""
    return 1 if usable_cpus() < 2 else 3


def can_fork() -> bool:
    """Linux only: on macOS a forked process may not use the system frameworks Qt needs
    (CoreFoundation) without starting afresh; Windows has no fork."""
    if not sys.platform.startswith("linux") or threading.active_count() != 1:
        return False
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.instance() is None


@dataclass
class LayoutWorkers:
    """Displays being laid out by other processes: ``collect`` waits for their counts."""

    library: Library
    running: dict[Display, tuple[int, int]] = field(default_factory=dict)  # pid, read end

    @classmethod
    def start(cls, library: Library, displays: tuple[Display, ...], jobs: int) -> LayoutWorkers:
        """Fork a worker for each display after the first, up to ``jobs`` processes in
        all (this one included). Nothing starts where forking is not safe."""
        workers = cls(library)
        if jobs < 2 or not can_fork() or not any(library.topics.values()):
            return workers
        for stream in (sys.stdout, sys.stderr):  # nothing buffered here is written twice
            with contextlib.suppress(AttributeError, OSError, ValueError):  # closed, or None
                stream.flush()
        for display in displays[1:jobs]:
            read_end, write_end = os.pipe()
            try:
                pid = os.fork()
            except OSError:  # no more processes: the checker lays the rest out itself
                os.close(read_end)
                os.close(write_end)
                break
            if pid == 0:  # the worker
                os.close(read_end)
                _lay_out_and_exit(library, display, write_end)
            os.close(write_end)
            workers.running[display] = (pid, read_end)
        return workers

    def collect(self) -> dict[Display, list[Counts]]:
        """Each worker's counts, page by page in ``measure``'s order; a display whose
        worker failed, or has not answered in WAIT_S, is left out (the caller lays it
        out)."""
        found: dict[Display, list[Counts]] = {}
        deadline = time.monotonic() + WAIT_S
        for display, (pid, read_end) in self.running.items():
            data = read_to_end(read_end, deadline)
            if data is None:
                print(f"kiosk check: layout worker for {display} did not answer", file=sys.stderr)
            _end(pid, read_end)
            counts = _decode(data or b"", self.library)
            if counts is not None:
                found[display] = counts
        self.running.clear()
        return found

    def stop(self) -> None:
        """Workers not collected (the check failed meanwhile) are stopped."""
        for pid, read_end in self.running.values():
            _end(pid, read_end)
        self.running.clear()


def _end(pid: int, read_end: int) -> None:
    """Close a worker's pipe and reap it (killed first if it is still at work; one that
    answered has left already)."""
    os.close(read_end)
    end_child(pid)


def page_order(library: Library) -> list[str]:
    """The pages in ``measure``'s order, named by their source file."""
    return [
        str(page.source)
        for language in library.languages
        for topic in library.topics_for(language)
        for page in topic.pages
    ]


def _lay_out_and_exit(library: Library, display: Display, write_end: int) -> None:
    """In the worker: lay one display out, write its counts, and leave at once (nothing of
    the checker's own state is torn down or flushed twice)."""
    code = 1
    try:
        from kiosk.checker.layout import measure
        from kiosk.checker.qt_app import ensure_application

        ensure_application()
        results = measure(library, (display,))
        payload = {
            "pages": [str(r.page.source) for r in results],
            "counts": [r.counts for r in results],
        }
        with os.fdopen(write_end, "wb") as pipe:
            pipe.write(json.dumps(payload).encode())
        code = 0
    except BaseException as error:  # the checker lays the display out itself
        print(f"kiosk check: layout worker for {display}: {error!r}", file=sys.stderr)
    finally:
        os._exit(code)


def _decode(data: bytes, library: Library) -> list[Counts] | None:
    try:
        payload = json.loads(data)
    except ValueError:
        return None
    if payload.get("pages") != page_order(library):
        return None
    return [cast(Counts, tuple(tuple(count) for count in page)) for page in payload["counts"]]
