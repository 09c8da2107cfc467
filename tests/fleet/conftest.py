"""A real TUF repository made by the publisher, served by ``python -m http.server`` on
127.0.0.1 or read as a folder, and a kiosk state folder."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.fleet.publish import init
from kiosk.resources import content_dir

from .helpers import Fleet


@pytest.fixture
def content(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    shutil.copytree(content_dir(), folder)
    return folder


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    repo_dir = tmp_path / "repo"
    init(repo_dir, tmp_path / "keys")
    shutil.copy(repo_dir / "metadata" / "root.json", tmp_path / "installed-root.json")
    return repo_dir


@pytest.fixture
def http_server(repo: Path) -> Iterator[str]:
    """``python -m http.server`` on a free port of 127.0.0.1, serving the repository."""
    process = subprocess.Popen(
        [sys.executable, "-u", "-m", "http.server", "0", "--bind", "127.0.0.1"],
        cwd=repo,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()  # "Serving HTTP on 127.0.0.1 port 41234 (...)"
        port = int(line.split(" port ")[1].split()[0])
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)
        if process.stdout is not None:
            process.stdout.close()


@pytest.fixture(params=["http", "folder"])
def fleet(request, tmp_path: Path, content: Path, repo: Path) -> Fleet:
    source = request.getfixturevalue("http_server") if request.param == "http" else str(repo)
    return Fleet(content, repo, tmp_path / "keys", tmp_path / "kiosk-state", source)
