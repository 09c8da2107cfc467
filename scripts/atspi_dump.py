"""Print the accessibility tree (AT-SPI) of the running kiosk, as Orca would read it.

Run with Debian's Python, which has pyatspi: /usr/bin/python3 scripts/atspi_dump.py
(see README, "Screen readers"). Exits 1 when the kiosk is not found or a button has no name.
"""

import sys

import pyatspi


def walk(node, depth, problems):
    try:
        role, name = node.getRoleName(), node.name
    except Exception:  # a node may vanish while we walk
        return
    print("  " * depth + f"[{role}] {name!r}")
    if role in ("push button", "toggle button", "check box") and not name.strip():
        problems.append(f"{role} without a name")
    for index in range(node.childCount):
        walk(node.getChildAtIndex(index), depth + 1, problems)


def main() -> int:
    desktop = pyatspi.Registry.getDesktop(0)
    apps = [desktop.getChildAtIndex(i) for i in range(desktop.childCount)]
    kiosk = [app for app in apps if app is not None and "kiosk" in (app.name or "").lower()]
    if not kiosk:
        print("kiosk not found on the accessibility bus:", [a.name for a in apps if a])
        return 1
    problems: list[str] = []
    walk(kiosk[0], 0, problems)
    print("\n".join(problems) or "every button has a name")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
