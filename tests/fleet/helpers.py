"""The fleet tests' shared pieces: the two sides of a fleet, and tampering."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kiosk.fleet.publish import PublishResult, publish
from kiosk.fleet.update import UpdateResult, check_for_update


@dataclass
class Fleet:
    """The content team's side (content, keys, repository) and one kiosk's side."""

    content: Path
    repo: Path
    keys: Path
    state: Path
    source: str  # what the kiosk's configuration names: a URL or a folder

    @property
    def trusted_root(self) -> Path:
        return self.repo.parent / "installed-root.json"  # as shipped with the kiosk

    def publish(self, marker: str | None = None, **kwargs) -> PublishResult:
        """Publish the content, with a new line in its README so that the archive differs."""
        if marker is not None:
            with open(self.content / "README.md", "a", encoding="utf-8") as readme:
                readme.write(f"\n{marker}\n")
        return publish(self.content, self.repo, self.keys, **kwargs)

    def check(self, **kwargs) -> UpdateResult:
        return check_for_update(self.source, self.trusted_root, self.state, **kwargs)


def rewrite(path: Path, change: Callable[[bytes], bytes]) -> None:
    path.write_bytes(change(path.read_bytes()))
