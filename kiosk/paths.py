"""Where the kiosk keeps its own files, from Qt's standard locations (any OS)."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import QCoreApplication, QStandardPaths

APP_NAME = "kiosk"
CONFIG_FILE = "kiosk.toml"


class AppPaths(NamedTuple):
    config_dir: Path
    data_dir: Path  # logs and crash reports live here

    @property
    def config_file(self) -> Path:
        return self.config_dir / CONFIG_FILE

    @property
    def log_dir(self) -> Path:
        return self.data_dir / "logs"

    @classmethod
    def standard(cls) -> AppPaths:
        QCoreApplication.setApplicationName(APP_NAME)
        QCoreApplication.setOrganizationName("")
        location = QStandardPaths.StandardLocation
        return cls(
            config_dir=Path(QStandardPaths.writableLocation(location.AppConfigLocation)),
            data_dir=Path(QStandardPaths.writableLocation(location.AppLocalDataLocation)),
        )
