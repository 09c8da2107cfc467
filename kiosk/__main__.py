"""``python -m kiosk`` and the ``kiosk`` console script."""

import sys

EXIT_MISSING_LIBRARY = 6  # 3, 4 and 5 are kiosk.app's


def main() -> None:
    from kiosk.content.preload import HELPER_ARG

    if sys.argv[1:2] == [HELPER_ARG]:  # the kiosk's start-up helper: no Qt, no window
        from kiosk.content.preload import helper_main

        sys.exit(helper_main(sys.argv[2:]))
    from kiosk.system_libraries import explain

    try:
        from kiosk.app import run

        code = run()
    except ImportError as error:  # Qt's own libraries need system ones (libGL, libglib...)
        line = explain(error)
        if line is None:
            raise
        print(f"kiosk: {line}", file=sys.stderr)
        code = EXIT_MISSING_LIBRARY
    sys.exit(code)


if __name__ == "__main__":
    main()
