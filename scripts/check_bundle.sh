#!/usr/bin/env bash
# Build the one-folder bundle from build.spec into a temporary folder, then check it:
#  1. no dangling symbolic link in the bundle;
#  2. the X11 (xcb) and Wayland platform plugins find every library they link to (ldd, with
#     the library path the bundle's launcher sets), i.e. the README's packages are enough;
#  3. its self-test passes with an empty environment apart from QT_QPA_PLATFORM=offscreen;
#  4. its self-test passes on a real X server (Xvfb, QT_QPA_PLATFORM=xcb): skipped when
#     Xvfb is not installed, except in CI (CI set), where that is a failure;
#  5. it starts as staff would (windowed, offscreen), loads the content (through its start-up
#     helper process where there are two CPUs) and keeps running;
#  6. `kiosk check --strict` passes on the bundled content.
# Exits non-zero if any fails. About 35-60 s here (the build takes most of it); meant as a
# CI step after the tests.
#
# Usage: scripts/check_bundle.sh [PYTHON]     (default: .venv/bin/python, the CI venv)
set -euo pipefail
cd "$(dirname "$0")/.."
python="${1:-.venv/bin/python}"
"$python" -m pip install -q "pyinstaller>=6.10"
out="$(mktemp -d)"
xvfb=""
trap 'if [ -n "$xvfb" ]; then kill "$xvfb" 2>/dev/null || true; fi; rm -rf "$out"' EXIT
"$python" -m PyInstaller --noconfirm --log-level WARN \
    --distpath "$out/dist" --workpath "$out/build" build.spec
bundle="$out/dist/kiosk"

dangling="$(find "$bundle" -xtype l)"
if [ -n "$dangling" ]; then
    echo "bundle: dangling symbolic links (their targets were left out):" >&2
    echo "$dangling" >&2
    exit 1
fi
echo "bundle: no dangling symbolic link"

if [ "$(uname -s)" = Linux ]; then
    for plugin in "$bundle"/_internal/PySide6/Qt/plugins/platforms/lib{qxcb,qwayland}.so; do
        [ -f "$plugin" ] || continue
        missing="$(env -i LD_LIBRARY_PATH="$bundle/_internal" ldd "$plugin" | grep "not found" || true)"
        if [ -n "$missing" ]; then
            echo "bundle: $(basename "$plugin") cannot load; install the README's packages:" >&2
            echo "$missing" | sort -u >&2
            exit 1
        fi
        echo "bundle: $(basename "$plugin") finds all its libraries"
    done
fi

env -i QT_QPA_PLATFORM=offscreen "$bundle/kiosk" --self-test

if command -v Xvfb >/dev/null 2>&1; then
    # -displayfd: Xvfb picks a free display and writes its number once it accepts clients.
    Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$out/display" 2>"$out/xvfb.log" &
    xvfb=$!
    for _ in $(seq 1 100); do [ -s "$out/display" ] && break; sleep 0.1; done
    if [ ! -s "$out/display" ]; then
        echo "bundle: Xvfb did not start" >&2
        cat "$out/xvfb.log" >&2
        exit 1
    fi
    mkdir -p "$out/xhome"
    env -i QT_QPA_PLATFORM=xcb DISPLAY=":$(head -n 1 "$out/display")" HOME="$out/xhome" \
        "$bundle/kiosk" --self-test
    kill "$xvfb" 2>/dev/null || true
    wait "$xvfb" 2>/dev/null || true
    xvfb=""
    echo "bundle: self-test passed on X11 (Xvfb, xcb)"
elif [ -n "${CI:-}" ]; then
    echo "bundle: Xvfb is not installed; CI must prove the X11 path (apt-get install xvfb)" >&2
    exit 1
else
    echo "bundle: Xvfb not installed; X11 self-test skipped (CI runs it)"
fi

# Then start it as staff would (windowed): it must paint, load the content, build its
# supervisor and keep running.
home="$out/home"
mkdir -p "$home"
env -i QT_QPA_PLATFORM=offscreen HOME="$home" "$bundle/kiosk" --windowed \
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
# With two CPUs or more, the content was read by the helper process forked at start-up
# (kiosk/content/preload.py), and `kiosk check` laid the displays out in three processes.
if [ "$(nproc)" -gt 1 ] && ! grep -q "(read by a helper process)" "$log"; then
    echo "bundle: the content was not read by the start-up helper process" >&2
    cat "$log" >&2
    exit 1
fi
env -i QT_QPA_PLATFORM=offscreen HOME="$home" "$bundle/kiosk" check --strict | tail -n 1
echo "bundle: $(du -sm "$bundle" | cut -f1) MB"
