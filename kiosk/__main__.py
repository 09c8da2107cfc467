"""``python -m kiosk`` and the ``kiosk`` console script."""

import sys

from kiosk.app import run


def main() -> None:
    sys.exit(run())


if __name__ == "__main__":
    main()
