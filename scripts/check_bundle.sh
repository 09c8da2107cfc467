#!/usr/bin/env bash
# Build the one-folder bundle from build.spec into a temporary folder and run its self-test
# with an empty environment apart from QT_QPA_PLATFORM=offscreen. Exits non-zero if either
# fails. About 15-60 s here; meant as a CI step after the tests.
#
# Usage: scripts/check_bundle.sh [PYTHON]     (default: .venv/bin/python, the CI venv)
set -euo pipefail
cd "$(dirname "$0")/.."
python="${1:-.venv/bin/python}"
"$python" -m pip install -q "pyinstaller>=6.10"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
"$python" -m PyInstaller --noconfirm --log-level WARN \
    --distpath "$out/dist" --workpath "$out/build" build.spec
env -i QT_QPA_PLATFORM=offscreen "$out/dist/kiosk/kiosk" --self-test
echo "bundle: $(du -sm "$out/dist/kiosk" | cut -f1) MB"
