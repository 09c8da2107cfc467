"""Reading a TUF repository from a folder: a file share, a mounted USB stick, a local copy.

ngclient downloads through a "fetcher" given URLs; for a folder we give it ``file:`` URLs
under the folder and read the files. A URL that resolves outside the folder (``..``, a
link) is refused, so a crafted metadata file cannot make the kiosk read other files. A
missing file is a 404, as a web server would say: ngclient relies on that to know there is
no newer root.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse
from urllib.request import url2pathname

from tuf.api import exceptions
from tuf.ngclient.fetcher import FetcherInterface

CHUNK = 256 * 1024


class FolderFetcher(FetcherInterface):
    def __init__(self, root: Path) -> None:
        self.root = root.resolve()

    def _fetch(self, url: str) -> Iterator[bytes]:
        parsed = urlparse(url)
        if parsed.scheme != "file":
            raise exceptions.DownloadError(f"{url}: not a file URL")
        path = Path(url2pathname(parsed.path)).resolve()  # url2pathname also unquotes
        if not path.is_relative_to(self.root):
            raise exceptions.DownloadError(f"{url}: outside the repository folder")
        if not self.root.is_dir():
            # The share is not mounted or the stick not inserted: unreachable, not "404".
            raise exceptions.DownloadError(f"{self.root}: the repository folder is not there")
        if not path.is_file():
            raise exceptions.DownloadHTTPError(f"{path}: not found", 404)
        return self._chunks(path)

    @staticmethod
    def _chunks(path: Path) -> Iterator[bytes]:
        with open(path, "rb") as source:
            while chunk := source.read(CHUNK):
                yield chunk
