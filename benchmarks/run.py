"""Measure briefgen against its targets and against real baselines, all in the same run.

    python -m benchmarks.run [--sizes 100,1000,10000] [--repeat 3] [--quick]

Generates briefs of each size in a temporary folder, then times separate processes
(wall time; peak resident memory of each process from ``wait4``) and prints one table of
medians, ratios, peak memory and the pass or fail of each target. Baselines run on the
same chronology content at the largest size: pandoc turning the same table, as Markdown,
into DOCX (skipped, with a note, when pandoc is not installed), python-docx's plain
``table.add_row()`` loop, and dateparser on each date expression.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "inputs" / "grooming-gangs-inquiry.yaml"


@dataclass
class Measure:
    """The runs of one command: wall seconds (or seconds it timed itself) and peak memory."""

    name: str
    seconds: list[float] = field(default_factory=list)
    peak_kb: int = 0
    events: int = 0

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)


def run_once(cmd: list[str], cwd: Path) -> tuple[float, int, str]:
    """Run ``cmd``; return its wall seconds, its peak resident memory (KB) and its stdout.

    The child is reaped with ``wait4``, which gives that one process's peak memory
    (``getrusage(RUSAGE_CHILDREN)`` only keeps the largest child so far).
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=err)
        _pid, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if proc.returncode != 0:
            message = err.read().decode(errors="replace")[-2000:]
            raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}):\n{message}")
        return wall, usage.ru_maxrss, out.read().decode()  # ru_maxrss: kilobytes on Linux


def measure(name: str, cmd: list[str], cwd: Path, repeat: int, self_timed: bool = False) -> Measure:
    """Run ``cmd`` ``repeat`` times; with ``self_timed`` use the seconds the command prints."""
    m = Measure(name)
    for _ in range(repeat):
        wall, peak, out = run_once(cmd, cwd)
        m.seconds.append(json.loads(out)["seconds"] if self_timed else wall)
        m.peak_kb = max(m.peak_kb, peak)
    print(f"  {name}: {m.median:.3f} s", file=sys.stderr, flush=True)
    return m


def briefgen_cmd() -> list[str]:
    script = Path(sys.executable).with_name("briefgen")
    return [str(script)] if script.exists() else [sys.executable, "-m", "briefgen"]


def task(*args: str) -> list[str]:
    return [sys.executable, "-m", "benchmarks.baselines", *args]


@dataclass
class Row:
    name: str
    median: str
    peak: str = ""
    per_event: str = ""
    target: str = ""
    verdict: str = ""


def _mb(kb: int) -> str:
    return f"{kb / 1024:.0f} MB" if kb else ""


def _check(ok: bool | None) -> str:
    return "" if ok is None else ("PASS" if ok else "FAIL")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes", default="100,1000,10000", help="events per brief, comma-separated"
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs of each measurement")
    parser.add_argument("--quick", action="store_true", help="sizes 100,1000 and one run each")
    args = parser.parse_args(argv)
    sizes = [100, 1000] if args.quick else sorted(int(s) for s in args.sizes.split(","))
    repeat = 1 if args.quick else max(1, args.repeat)
    largest = sizes[-1]
    bg = briefgen_cmd()
    rows: list[Row] = []
    notes: list[str] = []
    load_before = os.getloadavg()[0]

    with tempfile.TemporaryDirectory(prefix="briefgen-bench-") as tmp_name:
        tmp = Path(tmp_name)
        print(f"generating briefs of {', '.join(map(str, sizes))} events...", file=sys.stderr)
        # in a child process: a child's peak memory counts what it inherited before exec,
        # so this process stays small
        briefs = {n: tmp / f"brief-{n}.yaml" for n in sizes}
        for n, path in briefs.items():
            generate = [sys.executable, "-m", "benchmarks.generate", str(n), "-o", str(path)]
            subprocess.run(generate, cwd=ROOT, check=True)
        print(f"measuring ({repeat} run{'s' * (repeat != 1)} each):", file=sys.stderr)

        help_ = measure("briefgen --help", [*bg, "--help"], ROOT, repeat)
        check = measure("briefgen check (example)", [*bg, "check", str(EXAMPLE)], ROOT, repeat)
        pack = measure(
            "briefgen build (example pack, 4 files)",
            [*bg, "build", str(EXAMPLE), "-o", str(tmp / "example"), "-q"],
            ROOT,
            repeat,
        )
        rows.append(
            Row(
                help_.name,
                f"{help_.median:.3f} s",
                _mb(help_.peak_kb),
                "",
                "< 0.5 s",
                _check(help_.median < 0.5),
            )
        )
        rows.append(
            Row(
                check.name,
                f"{check.median:.3f} s",
                _mb(check.peak_kb),
                "",
                "< 0.5 s",
                _check(check.median < 0.5),
            )
        )
        rows.append(
            Row(
                pack.name,
                f"{pack.median:.3f} s",
                _mb(pack.peak_kb),
                "",
                "< 1.5 s",
                _check(pack.median < 1.5),
            )
        )

        builds: dict[int, Measure] = {}
        for n in sizes:
            m = measure(
                f"build chronology DOCX+PDF, {n:,} events",
                [
                    *bg,
                    "build",
                    str(briefs[n]),
                    "--only",
                    "chronology",
                    "-q",
                    "-o",
                    str(tmp / f"out-{n}"),
                ],
                ROOT,
                repeat,
            )
            m.events = n
            builds[n] = m
            ok = (m.median < 15 and m.peak_kb < 1024 * 1024) if n == 10_000 else None
            rows.append(
                Row(
                    m.name,
                    f"{m.median:.2f} s",
                    _mb(m.peak_kb),
                    f"{m.median / n * 1000:.3f} ms",
                    "< 15 s, < 1 GB" if n == 10_000 else "",
                    _check(ok),
                )
            )
        if 1000 in builds and 10_000 in builds:
            ratio = (builds[10_000].median / 10_000) / (builds[1000].median / 1000)
            rows.append(
                Row(
                    "per-event time, 10,000 / 1,000",
                    f"{ratio:.2f}x",
                    "",
                    "",
                    "<= 1.5x",
                    _check(ratio <= 1.5),
                )
            )
            mem = (builds[10_000].peak_kb - builds[1000].peak_kb) / 9000
            rows.append(Row("memory per extra event, 1,000 -> 10,000", f"{mem:.1f} KB"))

        # the same chronology content for every writer, at the largest size
        big = briefs[largest]
        rows_json, md = tmp / "rows.json", tmp / "chronology.md"
        subprocess.run(
            task("rows", str(big), str(rows_json)), cwd=ROOT, check=True, stdout=subprocess.DEVNULL
        )
        subprocess.run(
            task("markdown", str(rows_json), str(md)),
            cwd=ROOT,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        label = f"{largest:,} events"
        ours_docx = measure(
            f"briefgen DOCX writer (compose+write), {label}",
            task("briefgen-docx", str(big), str(tmp / "ours.docx")),
            ROOT,
            repeat,
            self_timed=True,
        )
        ours_pdf = measure(
            f"briefgen PDF writer (compose+write), {label}",
            task("briefgen-pdf", str(big), str(tmp / "ours.pdf")),
            ROOT,
            repeat,
            self_timed=True,
        )
        rows.append(Row(ours_docx.name, f"{ours_docx.median:.2f} s", _mb(ours_docx.peak_kb)))
        rows.append(
            Row(
                ours_pdf.name,
                f"{ours_pdf.median:.2f} s",
                _mb(ours_pdf.peak_kb),
                "",
                "aim < 8 s",
                _check(ours_pdf.median < 8) if largest == 10_000 else "",
            )
        )

        pandoc = shutil.which("pandoc")
        if pandoc:
            pd = measure(
                f"pandoc Markdown table -> DOCX, {label}",
                [pandoc, str(md), "-o", str(tmp / "pandoc.docx")],
                ROOT,
                repeat,
            )
            ratio = pd.median / ours_docx.median
            rows.append(
                Row(
                    pd.name,
                    f"{pd.median:.2f} s",
                    _mb(pd.peak_kb),
                    "",
                    f"briefgen {ratio:.1f}x faster (>= 1x; aim 10x)",
                    _check(ratio >= 1) + ("" if ratio >= 10 else ", aim missed"),
                )
            )
        else:
            notes.append("pandoc is not installed: its baseline was skipped")
        loop = measure(
            f"python-docx add_row() loop, {label}",
            task("python-docx", str(rows_json), str(tmp / "loop.docx")),
            ROOT,
            repeat,
            self_timed=True,
        )
        ratio = loop.median / ours_docx.median
        rows.append(
            Row(
                loop.name,
                f"{loop.median:.2f} s",
                _mb(loop.peak_kb),
                "",
                f"briefgen {ratio:.1f}x faster (>= 5x)",
                _check(ratio >= 5),
            )
        )

        ours_dates = measure(
            f"briefgen parse_date, {label}",
            task("dates-briefgen", str(big)),
            ROOT,
            repeat,
            self_timed=True,
        )
        dp = measure(
            f"dateparser.parse on each, {label}",
            task("dates-dateparser", str(big)),
            ROOT,
            repeat,
            self_timed=True,
        )
        ratio = dp.median / ours_dates.median
        rows.append(Row(ours_dates.name, f"{ours_dates.median:.3f} s"))
        rows.append(
            Row(
                dp.name,
                f"{dp.median:.2f} s",
                "",
                "",
                f"briefgen {ratio:.0f}x faster (>= 20x)",
                _check(ratio >= 20),
            )
        )

    print_table(rows, repeat)
    notes.append(
        "whole-process wall times unless marked (compose+write) or parse_date/dateparser/"
        "add_row, which time only that work inside their process; peak = largest resident "
        "memory of one process"
    )
    notes.append(
        f"{os.cpu_count()} cores; 1-minute load average {load_before:.2f} at the start and "
        f"{os.getloadavg()[0]:.2f} at the end (above about 1, other work shared the cores)"
    )
    if largest < 10_000:
        notes.append("targets stated for 10,000 events are not judged at these sizes")
    for note in notes:
        print(f"note: {note}")
    return 0


def print_table(rows: list[Row], repeat: int) -> None:
    head = Row("measurement", f"median of {repeat}", "peak RSS", "per event", "target", "result")
    cols = list(
        zip(
            *[(r.name, r.median, r.peak, r.per_event, r.target, r.verdict) for r in [head, *rows]],
            strict=True,
        )
    )
    widths = [max(len(c) for c in col) for col in cols]
    for i, r in enumerate([head, *rows]):
        cells = (r.name, r.median, r.peak, r.per_event, r.target, r.verdict)
        print("  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip())
        if i == 0:
            print("  ".join("-" * w for w in widths))


if __name__ == "__main__":
    raise SystemExit(main())
