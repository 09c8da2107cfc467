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

# Then start it as staff would (windowed): it must paint, load the content, build its
# supervisor and keep running.
home="$out/home"
mkdir -p "$home"
env -i QT_QPA_PLATFORM=offscreen HOME="$home" "$out/dist/kiosk/kiosk" --windowed \
    >"$out/kiosk.out" 2>&1 &
pid=$!
log=""
for _ in $(seq 1 150); do
    log="$(find "$home" -name kiosk.log 2>/dev/null | head -n 1)"
    if [ -n "$log" ] && grep -q "mode: kiosk" "$log"; then break; fi
    sleep 0.2
done
if ! kill -0 "$pid" 2>/dev/null || [ -z "$log" ] || ! grep -q "content loaded: .* 0 problems" "$log"; then
    echo "bundle: the kiosk did not start properly" >&2
    cat "$out/kiosk.out" "${log:-/dev/null}" >&2
    kill "$pid" 2>/dev/null || true
    exit 1
fi
kill "$pid"
wait "$pid" 2>/dev/null || true
echo "bundle: started, content loaded, running"
echo "bundle: $(du -sm "$out/dist/kiosk" | cut -f1) MB"
