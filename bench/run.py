"""Benchmarks: the kiosk against a bare PySide6 window (the floor), side by side.

Run on purpose (not part of the test suite); every measurement runs in fresh processes:

    python bench/run.py                      # everything, 5 start-up runs per platform
    python bench/run.py --runs 10 --json out.json
    python bench/run.py --only startup,turns

Measures: start to first paint and peak RSS (offscreen, and under X11 when DISPLAY is
set), page-turn latency, memory after a long soak, summary PDF time, bundle sizes, and
content at the limits of kiosk/content/limits.py (--only limits).
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
    "ready_ratio": 1.6,  # kiosk ready (content, screens, a tap served) / floor first paint
    "turn_ratio": 3.0,  # turn + repaint p95 / bare setHtml + repaint p95
    "soak_growth_mb": 5.0,
    "pdf_ms": 60.0,  # summary document + previews + PDF, on a quiet machine
    "first_use_ms": 1000 / 60 + 50,  # a screen built on first use: one frame + 50 ms
    "check_s": 1.0,  # kiosk check of the bundled content
    "bundle_ratio": 1.15,
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
        if "ready" in marks:
            ready = marks["ready"] / entry["floor"]["first_paint_ms"]["median"]
            entry["ready_ratio"] = ready
            row(
                f"ready (content, screens, a tap), {name}",
                f"{marks['ready']:.0f} ms",
                fmt(f["first_paint_ms"]),
                f"{ready:.2f}× floor paint, goal ≤ {GOALS['ready_ratio']}×: "
                f"{verdict(ready <= GOALS['ready_ratio'])}",
            )
        row(
            f"  kiosk timeline, {name}",
            " → ".join(f"{m} {v:.0f}" for m, v in marks.items()),
            "",
            "ms from process start",
        )


def measure_turns(bench: Bench, results: dict) -> None:
    turns, runs = bench.args.turns, bench.args.turn_runs
    for name, extra in bench.platforms().items():
        kiosk, floor = [], []
        for _ in range(runs):  # alternate: the machine's load hits both alike
            kiosk.append(bench.child("_kiosk_inproc.py", ["turns", str(turns)], extra, 600))
            floor.append(bench.child("_kiosk_inproc.py", ["floor-turns", str(turns)], extra, 600))
        entry = {
            "turn_repaint": {
                stat: spread([r["turn_repaint_ms"][stat] for r in kiosk])
                for stat in ("median", "p95", "max")
            },
            "turn_within_page": {
                stat: spread([r["turn_within_page_ms"][stat] for r in kiosk])
                for stat in ("median", "p95", "max")
            },
            "turn_to_page": {
                stat: spread([r["turn_to_page_ms"][stat] for r in kiosk])
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
        floor_p95 = entry["floor_set_html_repaint"]["p95"]["median"]
        ratio = p95 / floor_p95
        entry["ratio"] = ratio
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
            f"{ratio:.1f}× floor, goal ≤ {GOALS['turn_ratio']:g}×: "
            f"{verdict(ratio <= GOALS['turn_ratio'])}",
        )
        for key, what in (
            ("turn_within_page", "to a screen of the same page"),
            ("turn_to_page", "to another page"),
        ):
            stats = entry[key]
            row(
                f"  turns {what}: med/p95",
                f"{stats['median']['median']:.1f} / {stats['p95']['median']:.1f} ms",
                "",
                f"p95 {stats['p95']['median'] / floor_p95:.1f}× floor",
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
        for key in (
            "summary_build_ms",
            "summary_build_cold_ms",
            "pdf_write_ms",
            "total_ms",
            "total_cpu_ms",
            "floor_html_to_pdf_ms",
        )
    }
    entry["pages"] = runs[-1]["pages"]
    total = entry["total_ms"]["median"]
    ratio = total / entry["floor_html_to_pdf_ms"]["median"]
    entry["ratio"] = ratio
    results["pdf"] = entry
    row("summary: build document + previews", fmt(entry["summary_build_ms"], "ms", 1), "", "")
    row(
        "  the same, QR code not encoded ahead",
        fmt(entry["summary_build_cold_ms"], "ms", 1),
        "",
        "opened within the quiet time after a change",
    )
    row(f"summary: write PDF ({entry['pages']} pages)", fmt(entry["pdf_write_ms"], "ms", 1), "", "")
    row(
        "summary: build + PDF",
        fmt(entry["total_ms"], "ms", 1),
        fmt(entry["floor_html_to_pdf_ms"], "ms", 1),
        f"{ratio:.1f}× floor (same sheet, bare QTextDocument → PDF)",
    )
    quiet = entry["total_cpu_ms"]["median"]
    row(
        "summary: build + PDF, CPU time",
        fmt(entry["total_cpu_ms"], "ms", 1),
        "",
        f"goal ≤ {GOALS['pdf_ms']:g} ms on a quiet machine: {verdict(quiet <= GOALS['pdf_ms'])}",
    )


def measure_lazy(bench: Bench, results: dict) -> None:
    """The screens built on first use: each first tap against one frame + 50 ms."""
    extra = bench.platforms()["offscreen"]
    runs = [
        bench.child("_kiosk_inproc.py", ["lazy", "3"], extra, 600)
        for _ in range(bench.args.turn_runs)
    ]
    goal = GOALS["first_use_ms"]
    entry: dict = {"unbuilt_at_ready": runs[-1]["unbuilt_at_ready"], "screens": {}}
    for name in runs[-1]["first_ms"]:
        first = spread([r["first_ms"][name] for r in runs])
        first_cpu = spread([r["first_cpu_ms"][name] for r in runs])
        again = spread([r["again_ms"][name]["median"] for r in runs])
        entry["screens"][name] = {"first_ms": first, "first_cpu_ms": first_cpu, "again_ms": again}
        row(
            f"first tap to {name} (built then), shown",
            f"{fmt(first, 'ms', 1)}, CPU {first_cpu['median']:.0f} ms",
            f"{again['median']:.1f} ms once built",
            f"goal ≤ {goal:.0f} ms (CPU): {verdict(first_cpu['median'] <= goal)}",
        )
    results["lazy"] = entry
    print(f"  built on first use, not at start: {', '.join(entry['unbuilt_at_ready'])}")


def _children_cpu() -> float:
    """User + system CPU seconds of the children waited for so far."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def measure_check(bench: Bench, results: dict) -> None:
    """`kiosk check` (wall clock, fresh processes) of the bundled content, with and without
    its layout check, and of the two-page layout fixture: time per page, by a line through
    the two libraries, gives the estimate for a larger library."""
    fixture = HERE.parent / "tests" / "fixtures" / "check" / "layout"
    env = bench.env(bench.platforms()["offscreen"])

    cpu: list[float] = []

    def timed(*argv: str) -> tuple[float, int]:
        start, used = time.perf_counter(), _children_cpu()
        done = subprocess.run(
            [sys.executable, "-m", "kiosk", "check", *argv],
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        seconds = time.perf_counter() - start
        if not argv:
            cpu.append(_children_cpu() - used)
        return seconds, done.stdout.count("note: screens at")

    def bare_start() -> float:
        """The floor: a bare Python + PySide6 process that makes a QApplication and ends."""
        start = time.perf_counter()
        code = "from PySide6.QtWidgets import QApplication; QApplication([])"
        subprocess.run([sys.executable, "-c", code], env=env, timeout=600, check=True)
        return time.perf_counter() - start

    figures: dict[str, list[float]] = {
        "all": [],
        "one_job": [],
        "no_layout": [],
        "fixture": [],
        "floor": [],
    }
    pages = small = 0
    timed()  # warm-up: file cache
    bare_start()
    for _ in range(bench.args.turn_runs):
        figures["floor"].append(bare_start())
        seconds, pages = timed()
        figures["all"].append(seconds)
        figures["one_job"].append(timed("--jobs", "1")[0])
        figures["no_layout"].append(timed("--no-layout")[0])
        seconds, small = timed(str(fixture))
        figures["fixture"].append(seconds)
    entry = {key: spread(values) for key, values in figures.items()}
    whole, bare = entry["all"]["median"], entry["fixture"]["median"]
    per_page = (whole - bare) / max(1, pages - small)
    layout = (whole - entry["no_layout"]["median"]) / max(1, pages)
    estimate = bare + per_page * 50 * 24  # 50 topics of 24 pages, as the bundled one
    entry.update(
        pages=pages, per_page_s=per_page, layout_per_page_s=layout, fifty_topics_s=estimate
    )
    entry["ratio"] = ratio = whole / entry["floor"]["median"]
    entry["cpu_s"] = spread(cpu[1:])  # the warm-up run left out
    results["check"] = entry
    row(
        f"kiosk check, bundled content ({pages} pages)",
        fmt({k: v * 1000 for k, v in entry["all"].items()}, "ms"),
        fmt({k: v * 1000 for k, v in entry["floor"].items()}, "ms"),
        f"{ratio:.1f}× a bare PySide6 start",
    )
    row(
        "  the same, CPU time (user + system, every process)",
        fmt({k: v * 1000 for k, v in entry["cpu_s"].items()}, "ms"),
        "",
        f"goal ≤ {GOALS['check_s']:g} s (wall) on a quiet machine: "
        + verdict(whole <= GOALS["check_s"]),
    )
    row(
        "  the same, --jobs 1 (the displays one after another)",
        fmt({k: v * 1000 for k, v in entry["one_job"].items()}, "ms"),
        "",
        "",
    )
    row(
        "  the same, --no-layout",
        fmt({k: v * 1000 for k, v in entry["no_layout"].items()}, "ms"),
        "",
        "",
    )
    row(
        f"  a {small}-page library (fixed cost)",
        fmt({k: v * 1000 for k, v in entry["fixture"].items()}, "ms"),
        "",
        "",
    )
    row(
        "  per page: all checks / layout alone",
        f"{per_page * 1000:.1f} / {layout * 1000:.1f} ms",
        "",
        f"50 topics of 24 pages: ~{estimate:.0f} s",
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


def measure_limits(bench: Bench, results: dict) -> None:
    """Content at every limit of kiosk/content/limits.py against the bundled content (the
    floor, same process): loading, opening the topic to a served tap, and the lists built
    when first shown; and loading when a 10,000-page topic and a 5,000-word glossary are
    there too (refused)."""
    extra = bench.platforms()["offscreen"]
    runs = bench.args.turn_runs
    load = bench.child("_kiosk_inproc.py", ["load", str(runs)], extra, 600)
    kiosk = bench.child("_kiosk_inproc.py", ["limits", str(runs)], extra, 600)
    results["limits"] = {"load": load, "kiosk": kiosk}
    floor_ms = load["bundled"]["load_ms"]["median"]
    for name, label in (
        ("at_limits", "load: bundled + a topic at every limit"),
        ("hostile", "load: + 10,000 pages, 5,000 words (refused)"),
    ):
        ms = load[name]["load_ms"]["median"]
        row(label, f"{ms:.0f} ms ({ms / floor_ms:.1f}×)", f"{floor_ms:.0f} ms bundled", "")
    shape = kiosk["limit_topic"]
    print(
        f"  topic at the limits: {shape['pages']} pages, {shape['terms']} words, "
        f"{shape['questions']} suggested and {shape['quiz']} quiz questions, first page "
        f"{shape['first_page_screens']} screens"
    )
    limit, floor = kiosk["topics"]["limite"], kiosk["topics"]["cimentoplastie"]
    for key, label in (
        ("open_to_tap_served_ms", "open topic → first tap served"),
        ("open_paint_ms", "open topic → first page painted"),
        ("glossary_ms", "words list, first shown"),
        ("questions_ms", "suggested questions, shown"),
        ("contents_ms", "contents (presenter), first shown"),
    ):
        ms, base = limit[key]["median"], floor[key]["median"]
        row(f"{label}: median", f"{ms:.0f} ms ({ms / base:.1f}×)", f"{base:.0f} ms bundled", "")


MEASUREMENTS = {
    "startup": measure_startup,
    "turns": measure_turns,
    "pdf": measure_pdf,
    "soak": measure_soak,
    "bundle": measure_bundles,
    "lazy": measure_lazy,
    "check": measure_check,
    "limits": measure_limits,
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
