"""Benchmarks: the kiosk against a bare PySide6 window (the floor), side by side.

Run on purpose (not part of the test suite); every measurement runs in fresh processes:

    python bench/run.py                      # everything, 5 start-up runs per platform
    python bench/run.py --runs 10 --json out.json
    python bench/run.py --only startup,turns

Measures: start to first paint and peak RSS (offscreen, and under X11 when DISPLAY is
set), page-turn latency, memory after a long soak, summary PDF time, bundle sizes.
See bench/README.md for the goals and the latest figures.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCREEN = (1920, 1080)
GOALS = {
    "startup_ratio": 1.2,  # kiosk first paint / floor first paint
    "turn_p95_ms": 6.0,
    "soak_growth_mb": 5.0,
    "pdf_ms": 100.0,
    "bundle_ratio": 1.3,
}


# Running children -----------------------------------------------------------------------
class Bench:
    def __init__(self, args: argparse.Namespace):
        self.args = args
        self.temp = Path(tempfile.mkdtemp(prefix="kiosk-bench-"))
        config = self.temp / "config" / "kiosk"
        config.mkdir(parents=True)
        # A long idle timeout, so the idle wipe never interrupts a measurement.
        (config / "kiosk.toml").write_text("idle_timeout = 3600\n", encoding="utf-8")
        (self.temp / "data").mkdir()
        self.offscreen = self.temp / "offscreen.json"
        screen = {"name": "bench", "x": 0, "y": 0, "width": SCREEN[0], "height": SCREEN[1]}
        self.offscreen.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")

    def platforms(self) -> dict[str, dict[str, str]]:
        found = {"offscreen": {"QT_QPA_PLATFORM": f"offscreen:configfile={self.offscreen}"}}
        if os.environ.get("DISPLAY") and not self.args.no_x11:
            found["xcb"] = {"QT_QPA_PLATFORM": "xcb", "DISPLAY": os.environ["DISPLAY"]}
        return found

    def env(self, extra: dict[str, str]) -> dict[str, str]:
        env = dict(os.environ)
        env.pop("QT_QPA_PLATFORM", None)
        env.update(
            XDG_CONFIG_HOME=str(self.temp / "config"),
            XDG_DATA_HOME=str(self.temp / "data"),
            LANG=env.get("LANG") or "C.UTF-8",
            PYTHONDONTWRITEBYTECODE="",
        )
        env.update(extra)
        return env

    def child(self, script: str, argv: list[str], extra: dict[str, str], timeout: float) -> dict:
        """Run one child; return the last JSON line it printed."""
        env = self.env(extra)
        env["KIOSK_BENCH_T0"] = repr(time.time())  # the clock starts now
        done = subprocess.run(
            [sys.executable, str(HERE / script), *argv],
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
        if not lines:
            tail = "\n".join(done.stderr.splitlines()[-15:])
            raise RuntimeError(f"{script} {argv} exited {done.returncode} without figures:\n{tail}")
        result = json.loads(lines[-1])
        if "error" in result:
            raise RuntimeError(f"{script} {argv} failed:\n{result['error']}")
        result["exit_code"] = done.returncode
        return result

    def cleanup(self) -> None:
        shutil.rmtree(self.temp, ignore_errors=True)


# Statistics and printing ----------------------------------------------------------------
def spread(values: list[float]) -> dict[str, float]:
    return {"median": statistics.median(values), "min": min(values), "max": max(values)}


def fmt(stats: dict[str, float], unit: str = "ms", digits: int = 0) -> str:
    if stats["min"] == stats["max"]:
        return f"{stats['median']:.{digits}f} {unit}"
    return (
        f"{stats['median']:.{digits}f} {unit} ({stats['min']:.{digits}f}–{stats['max']:.{digits}f})"
    )


def verdict(ok: bool) -> str:
    return "met" if ok else "MISSED"


def row(*cells: str) -> None:
    widths = (44, 26, 26, 28)
    print("  ".join(cell.ljust(width) for cell, width in zip(cells, widths, strict=False)))


# Measurements ---------------------------------------------------------------------------
def measure_startup(bench: Bench, results: dict) -> None:
    runs = bench.args.runs
    for name, extra in bench.platforms().items():
        figures: dict[str, list[dict]] = {"kiosk": [], "floor": []}
        # Bare Xvfb has no window manager to honour "full screen": both run windowed there.
        argv = ["--windowed"] if name == "xcb" else []
        scripts = {"kiosk": ("_kiosk_start.py", argv), "floor": ("minimal_window.py", argv)}
        for script, argv in scripts.values():
            bench.child(script, argv, extra, timeout=120)  # warm-up: file cache, font cache
        for _ in range(runs):
            for who, (script, argv) in scripts.items():  # alternate: noise hits both
                figures[who].append(bench.child(script, argv, extra, timeout=120))
        entry = {}
        for who, runs_ in figures.items():
            entry[who] = {
                "first_paint_ms": spread([r["first_paint_ms"] for r in runs_]),
                "peak_rss_mb": spread([r["peak_rss_mb"] for r in runs_]),
                "window_size": runs_[-1].get("window_size"),
                "marks_ms": {
                    mark: statistics.median(r[f"{mark}_ms"] for r in runs_)
                    for mark in ("app", "window", "show", "paint", "ready")
                    if f"{mark}_ms" in runs_[0]
                },
            }
        ratio = (
            entry["kiosk"]["first_paint_ms"]["median"] / entry["floor"]["first_paint_ms"]["median"]
        )
        entry["ratio"] = ratio
        results.setdefault("startup", {})[name] = entry
        k, f = entry["kiosk"], entry["floor"]
        row(
            f"start to first paint, {name} ({runs} runs)",
            fmt(k["first_paint_ms"]),
            fmt(f["first_paint_ms"]),
            f"{ratio:.2f}× floor, goal ≤ {GOALS['startup_ratio']}×: "
            f"{verdict(ratio <= GOALS['startup_ratio'])}",
        )
        row(
            f"peak RSS at first paint, {name}",
            fmt(k["peak_rss_mb"], "MB"),
            fmt(f["peak_rss_mb"], "MB"),
            "",
        )
        marks = k["marks_ms"]
        row(
            f"  kiosk timeline, {name}",
            " → ".join(f"{m} {v:.0f}" for m, v in marks.items()),
            "",
            "ms from process start",
        )


def measure_turns(bench: Bench, results: dict) -> None:
    turns, runs = bench.args.turns, bench.args.turn_runs
    for name, extra in bench.platforms().items():
        kiosk = [
            bench.child("_kiosk_inproc.py", ["turns", str(turns)], extra, 600) for _ in range(runs)
        ]
        floor = [
            bench.child("_kiosk_inproc.py", ["floor-turns", str(turns)], extra, 600)
            for _ in range(runs)
        ]
        entry = {
            "turn_repaint": {
                stat: spread([r["turn_repaint_ms"][stat] for r in kiosk])
                for stat in ("median", "p95", "max")
            },
            "turn_process_events": {
                stat: spread([r["turn_process_events_ms"][stat] for r in kiosk])
                for stat in ("median", "p95", "max")
            },
            "floor_set_html_repaint": {
                stat: spread([r["set_html_repaint_ms"][stat] for r in floor])
                for stat in ("median", "p95", "max")
            },
            "text_size_change": {
                stat: spread([r["text_size_change_ms"][stat] for r in kiosk])
                for stat in ("median", "p95", "max")
            },
            "repaginate": {
                stat: spread([r["repaginate_ms"][stat] for r in kiosk])
                for stat in ("median", "p95", "max")
            },
            "window_size": kiosk[-1]["window_size"],
        }
        results.setdefault("turns", {})[name] = entry
        p95 = entry["turn_repaint"]["p95"]["median"]
        label = f"page turn + repaint, {name}, {turns}×{runs}"
        row(
            f"{label}: median",
            fmt(entry["turn_repaint"]["median"], "ms", 1),
            fmt(entry["floor_set_html_repaint"]["median"], "ms", 1),
            "floor: bare setHtml+repaint",
        )
        row(
            f"{label}: p95",
            fmt(entry["turn_repaint"]["p95"], "ms", 1),
            fmt(entry["floor_set_html_repaint"]["p95"], "ms", 1),
            f"goal ≤ {GOALS['turn_p95_ms']:g} ms: {verdict(p95 <= GOALS['turn_p95_ms'])}",
        )
        full = entry["turn_process_events"]
        row(
            f"page turn + processEvents, {name}: med/p95",
            f"{full['median']['median']:.1f} / {full['p95']['median']:.1f} ms",
            "",
            "layout, paint and flush",
        )
        for key, label, note in (
            ("text_size_change", "text size change + repaint", "restyle, re-render, re-cut"),
            ("repaginate", "re-paginate the page on screen", "cutting into screens alone"),
        ):
            stats = entry[key]
            row(
                f"{label}, {name}: med/p95",
                f"{stats['median']['median']:.1f} / {stats['p95']['median']:.1f} ms",
                "",
                note,
            )


def measure_soak(bench: Bench, results: dict) -> None:
    extra = bench.platforms()["offscreen"]
    args = ["soak", str(bench.args.soak_turns), str(bench.args.wipes)]
    result = bench.child("_kiosk_inproc.py", args, extra, timeout=3600)
    results["soak"] = result
    growth = result["growth_mb"]
    row(
        f"RSS growth, {result['turns']} turns + {result['wipes']} wipes",
        f"{growth:+.1f} MB ({result['rss_baseline_mb']:.0f} → {result['rss_final_mb']:.0f})",
        "",
        f"goal < {GOALS['soak_growth_mb']:g} MB: "
        f"{verdict(growth < GOALS['soak_growth_mb'] and result['exit_code'] == 0)}",
    )
    samples = ", ".join(f"{n}:{mb:.0f}" for n, mb in result["rss_samples"] if n % 100 == 0)
    row("  RSS (MB) after N sessions", samples[:60], "", f"alive, {result['seconds']:.0f} s")
    before, after = result["qobjects_baseline"], result["qobjects_final"]
    row(
        "  QObjects in the window, session 1 → last",
        f"{before} → {after}",
        "",
        f"flat: {verdict(after <= before)}",
    )


def measure_pdf(bench: Bench, results: dict) -> None:
    extra = bench.platforms()["offscreen"]
    runs = [
        bench.child("_kiosk_inproc.py", ["pdf", str(bench.args.pdf)], extra, 600)
        for _ in range(bench.args.turn_runs)
    ]
    entry = {
        key: spread([r[key]["median"] for r in runs])
        for key in ("summary_build_ms", "pdf_write_ms", "total_ms")
    }
    entry["pages"] = runs[-1]["pages"]
    results["pdf"] = entry
    total = entry["total_ms"]["median"]
    row("summary: build document + previews", fmt(entry["summary_build_ms"], "ms", 1), "", "")
    row(
        f"summary: write PDF ({entry['pages']} pages)",
        fmt(entry["pdf_write_ms"], "ms", 1),
        "",
        f"goal ≤ {GOALS['pdf_ms']:g} ms: "
        f"{verdict(entry['pdf_write_ms']['median'] <= GOALS['pdf_ms'])}",
    )
    row(
        "summary: build + PDF",
        fmt(entry["total_ms"], "ms", 1),
        "",
        f"goal ≤ {GOALS['pdf_ms']:g} ms: {verdict(total <= GOALS['pdf_ms'])}",
    )


def folder_mb(path: Path) -> float:
    du = shutil.which("du")
    if du:
        out = subprocess.run([du, "-sm", str(path)], capture_output=True, text=True, check=True)
        return float(out.stdout.split()[0])
    files = (p for p in path.rglob("*") if p.is_file() and not p.is_symlink())
    return sum(p.stat().st_size for p in files) / 2**20


def measure_bundles(bench: Bench, results: dict) -> None:
    dist = bench.args.dist
    kiosk, floor = dist / "kiosk", dist / "minimal_window"
    if not (kiosk.is_dir() and floor.is_dir()):
        row("bundle size", "not built", "", f"build both into {dist} (bench/README.md)")
        return
    k, f = folder_mb(kiosk), folder_mb(floor)
    ratio = k / f
    results["bundle"] = {"kiosk_mb": k, "floor_mb": f, "ratio": ratio}
    row(
        "bundle size (one folder, du -sm)",
        f"{k:.0f} MB",
        f"{f:.0f} MB",
        f"{ratio:.2f}×, goal ≤ {GOALS['bundle_ratio']}×: {verdict(ratio <= GOALS['bundle_ratio'])}",
    )


MEASUREMENTS = {
    "startup": measure_startup,
    "turns": measure_turns,
    "pdf": measure_pdf,
    "soak": measure_soak,
    "bundle": measure_bundles,
}


def machine() -> dict[str, str]:
    import PySide6

    cpu = platform.processor()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "python": platform.python_version(),
        "pyside6": PySide6.__version__,
        "os": platform.platform(),
        "cpu": cpu,
        "cpus": str(os.cpu_count()),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=9, help="start-up runs per program")
    parser.add_argument("--turns", type=int, default=1000, help="page turns per latency run")
    parser.add_argument("--turn-runs", type=int, default=3, help="latency and PDF runs")
    parser.add_argument("--soak-turns", type=int, default=10_000)
    parser.add_argument("--wipes", type=int, default=500)
    parser.add_argument("--pdf", type=int, default=20, help="summaries per PDF run")
    parser.add_argument("--dist", type=Path, default=Path("/tmp/dist"), help="bundles folder")
    parser.add_argument("--only", default=",".join(MEASUREMENTS), help="comma-separated list")
    parser.add_argument("--no-x11", action="store_true", help="skip X11 even if DISPLAY is set")
    parser.add_argument("--json", type=Path, help="also write every figure here")
    args = parser.parse_args(argv)

    # Byte-compile as pip does when it installs the wheel: with PYTHONDONTWRITEBYTECODE
    # set (as on this machine) every start would recompile what changed since the last .pyc.
    compileall.compile_dir(str(HERE.parent / "kiosk"), quiet=1)
    compileall.compile_dir(str(HERE), quiet=1)
    bench = Bench(args)
    results: dict = {"machine": machine(), "args": {k: str(v) for k, v in vars(args).items()}}
    print("kiosk benchmarks:", ", ".join(f"{k} {v}" for k, v in results["machine"].items()))
    print(f"screen {SCREEN[0]}x{SCREEN[1]}; figures are median (min–max) over runs\n")
    row("measurement", "kiosk", "floor (bare window)", "verdict")
    row("-" * 44, "-" * 26, "-" * 26, "-" * 28)
    failed = False
    try:
        for name in args.only.split(","):
            try:
                MEASUREMENTS[name](bench, results)
            except (RuntimeError, subprocess.TimeoutExpired) as error:
                failed = True
                results.setdefault("errors", {})[name] = str(error)
                print(f"{name}: FAILED\n{error}", file=sys.stderr)
    finally:
        bench.cleanup()
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
