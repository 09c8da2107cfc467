"""Where the kiosk's content comes from: the signed release installed by the updater (see
kiosk.fleet), else the configured folder, else the content bundled with the kiosk."""

from __future__ import annotations

import logging
from pathlib import Path

from kiosk.config import Settings

log = logging.getLogger(__name__)


class ContentSource:
    def __init__(self, settings: Settings, state_dir: Path, bundled: Path):
        self.settings, self.state_dir, self.bundled = settings, state_dir, bundled

    def root(self) -> Path:
        if self.settings.update_source:
            from kiosk.fleet.update import current_content  # only when updates are on

            installed = current_content(self.state_dir)
            if installed is not None:
                return installed
        return self.settings.content_dir or self.bundled

    def is_release(self, root: Path) -> bool:
        return root.is_relative_to(self.state_dir)

    def give_up_release(self, reason: str) -> Path:
        """The installed release did not load: go back to the one before it."""
        from kiosk.fleet.update import rollback

        result = rollback(self.state_dir, reason)
        log.error("content release refused: %s", result.reason)
        return self.root()
