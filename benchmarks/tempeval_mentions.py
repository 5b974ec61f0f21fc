"""Score ``briefgen extract --mentions`` (``find_mentions``) against the DATE expressions
marked in TempEval-3 (TBAQ): extent found (relaxed overlap) and interval exactly right.

Usage: ``python -m benchmarks.tempeval_mentions [--data DIR] [--errors N] [--end-to-end]``.

``--end-to-end`` scores found-and-right as TempEval-3 scores values: a gold DATE is right
when a found mention overlaps it and the mention's interval equals the gold value's, a
START / MID / END modifier taking the matching part of it by briefgen's convention (early,
mid, late: of a year January-April / May-August / September-December, of a month days
1-10 / 11-20 / 21-end, of a decade years 0-3 / 4-6 / 7-9, of a century 0-32 / 33-66 /
67-99); precision is right over the mentions on DATE expressions, recall right over all
gold DATEs (values such as PRESENT_REF or XXXX-XX can never be right).
The files are read with ``benchmarks.tempeval``'s patterns and value reading; the data (not
part of the project) is read from ``../shared/benchmarks/tempeval3`` by default.
"""

from __future__ import annotations

import argparse
import html
import re
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from benchmarks.tempeval import _ATTR, _DCT, DEFAULT_DATA, gold_interval

if TYPE_CHECKING:
    from briefgen.extract.mentions import Mention

_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    type: str
    value: str
    text: str
    mod: str = ""


def read_document(doc: str) -> tuple[str, date, list[Timex]] | None:
    """The plain text of a .tml file's TEXT, its creation date and its TIMEX3 offsets."""
    dct_match, body = _DCT.search(doc), _TEXT.search(doc)
    if dct_match is None or body is None:
        return None
    try:
        anchor = date.fromisoformat(dict(_ATTR.findall(dct_match[1])).get("value", "")[:10])
    except ValueError:
        return None
    raw = body[1]
    parts: list[str] = []
    length = 0
    timexes: list[Timex] = []
    open_timex: tuple[int, dict[str, str]] | None = None
    pos = 0
    for m in _TAG.finditer(raw):
        piece = html.unescape(raw[pos : m.start()])
        parts.append(piece)
        length += len(piece)
        pos = m.end()
        if m[2] != "TIMEX3":
            continue
        if not m[1]:
            open_timex = (length, dict(_ATTR.findall(m[3])))
        elif open_timex is not None:
            start, attrs = open_timex
            text = "".join(parts)[start:length]
            timexes.append(
                Timex(
                    start, length, attrs.get("type", ""), attrs.get("value", ""), text,
                    attrs.get("mod", ""),
                )
            )  # fmt: skip
            open_timex = None
    parts.append(html.unescape(raw[pos:]))
    return "".join(parts), anchor, timexes


_PARTS = {"START": 0, "MID": 1, "END": 2}


def modified_interval(value: str, mod: str) -> tuple[date, date] | None:
    """The gold interval of ``value``, narrowed to its start, middle or end part by a
    START / MID / END ``mod`` (other modifiers leave it whole)."""
    gold = gold_interval(value)
    if gold is None:
        return None
    start, end, granularity = gold
    part = _PARTS.get(mod)
    if part is None:
        return start, end
    if granularity == "year":
        first, last = ((1, 4), (5, 8), (9, 12))[part]
        return date(start.year, first, 1), _month_end(start.year, last)
    if granularity == "month":
        days = ((1, 10), (11, 20), (21, end.day))[part]
        return start.replace(day=days[0]), start.replace(day=days[1])
    if granularity in ("decade", "century"):
        size = 10 if granularity == "decade" else 100
        bounds = ((0, 3), (4, 6), (7, 9)) if size == 10 else ((0, 32), (33, 66), (67, 99))
        base = start.year // size * size
        lo, hi = bounds[part]
        return date(max(base + lo, 1), 1, 1), date(base + hi, 12, 31)
    return start, end


def _month_end(year: int, month: int) -> date:
    following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return following - timedelta(days=1)


def _documents(files: list[Path]) -> Iterator[tuple[Path, str, list[Timex], list[Mention]]]:
    """Read each TempEval-3 file and find its mentions: (path, text, gold TIMEX3s, mentions)."""
    from briefgen.extract.mentions import find_mentions

    for path in files:
        read = read_document(path.read_text(encoding="utf-8", errors="replace"))
        if read is not None:
            text, anchor, timexes = read
            yield path, text, timexes, find_mentions(text, anchor)


def _overlaps(m: Mention, t: Timex) -> bool:
    return m.offset < t.end and t.start < m.end


def end_to_end(files: list[Path], errors: int) -> int:
    """Found-and-right on every DATE of every document: see the module's docstring."""
    gold_n = right = on_dates = 0
    wrong: list[str] = []
    began = time.perf_counter()
    for path, _text, timexes, mentions in _documents(files):
        dates = [t for t in timexes if t.type == "DATE"]
        on_dates += sum(any(_overlaps(m, t) for t in dates) for m in mentions)
        for t in dates:
            gold_n += 1
            interval = modified_interval(t.value, t.mod)
            hits = [m for m in mentions if _overlaps(m, t)]
            got = [(m.span.start, m.span.end) for m in hits if m.span is not None]
            if interval is not None and interval in got:
                right += 1
            else:
                found = ", ".join(f"{m.text!r} {m.span.start}..{m.span.end}" if m.span
                                  else repr(m.text) for m in hits) or "not found"  # fmt: skip
                wrong.append(f"{path.name}: gold {t.text!r} {t.value} {t.mod}; {found}")
    seconds = time.perf_counter() - began
    precision = right / on_dates if on_dates else 0.0
    recall = right / gold_n if gold_n else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"end to end: {len(files)} files, {gold_n} DATE expressions, {seconds:.1f} s")
    print(f"  found and right: {right}/{gold_n} = {recall:.1%} of the gold DATEs "
          f"(START/MID/END modifiers count their part)")  # fmt: skip
    print(f"  value precision {precision:.1%} (right over {on_dates} mentions on DATEs), "
          f"recall {recall:.1%}, F1 {f1:.1%}")  # fmt: skip
    print("  published value F1 (TempEval-3, all TIMEX3 types): HeidelTime 77.61, SUTime 67.38")
    for row in wrong[:errors]:
        print(row)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="TempEval-3 folder")
    parser.add_argument("--errors", type=int, default=0, metavar="N",
                        help="list N missed and N spurious mentions")  # fmt: skip
    parser.add_argument("--end-to-end", action="store_true",
                        help="score found-and-right on every DATE, as TempEval-3 does")  # fmt: skip
    args = parser.parse_args(argv)
    files = sorted(args.data.rglob("*.tml")) if args.data.is_dir() else []
    if not files:
        print(f"no TempEval-3 .tml files under {args.data}; pass --data DIR", file=sys.stderr)
        return 2
    if args.end_to_end:
        return end_to_end(files, args.errors)
    gold_n = found_n = 0
    sys_n = sys_right = sys_other = 0
    fixed_n = fixed_found = fixed_right = 0
    misses: list[str] = []
    spurious: list[str] = []
    wrong: list[str] = []
    chars = 0
    began = time.perf_counter()
    for path, text, timexes, mentions in _documents(files):
        chars += len(text)
        dates = [t for t in timexes if t.type == "DATE"]
        others = [t for t in timexes if t.type != "DATE"]
        for m in mentions:
            sys_n += 1
            if any(_overlaps(m, t) for t in dates):
                sys_right += 1
            elif any(_overlaps(m, t) for t in others):
                sys_other += 1
            else:
                spurious.append(
                    f"{path.name}: {m.text!r} in …{text[max(0, m.offset - 40) : m.end + 30]!r}"
                )
        for t in dates:
            gold_n += 1
            hit = [m for m in mentions if _overlaps(m, t)]
            if hit:
                found_n += 1
            else:
                misses.append(
                    f"{path.name}: {t.text!r} ({t.value}) in "
                    f"…{text[max(0, t.start - 40) : t.end + 30]!r}"
                )
            interval = gold_interval(t.value)
            if interval is None:
                continue
            fixed_n += 1
            if hit:
                fixed_found += 1
                span = hit[0].span
                if span is not None and (span.start, span.end) == interval[:2]:
                    fixed_right += 1
                else:
                    got = f"{span.start}..{span.end}" if span else "none"
                    wrong.append(f"{path.name}: gold {t.text!r} {interval[0]}..{interval[1]}; "
                                 f"found {hit[0].text!r} {got}")  # fmt: skip
    seconds = time.perf_counter() - began

    def f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    recall = found_n / gold_n
    precision = sys_right / (sys_n - sys_other)
    strict_precision = sys_right / sys_n
    print(f"files: {len(files)}, DATE expressions: {gold_n}, mentions found: {sys_n} "
          f"({sys_other} of them on TIME/DURATION/SET expressions), {chars:,} characters "
          f"in {seconds:.1f} s")  # fmt: skip
    print("relaxed extent (any overlap) on DATE expressions:")
    print(
        f"  precision {precision:6.1%}  recall {recall:6.1%}  F1 {f1(precision, recall):6.1%}"
        "   (mentions on other TIMEX3 types left out of precision)"
    )
    print(
        f"  precision {strict_precision:6.1%}  recall {recall:6.1%}  "
        f"F1 {f1(strict_precision, recall):6.1%}   (counted as wrong)"
    )
    print(
        f"interval exactly right: {fixed_right}/{fixed_found} = {fixed_right / fixed_found:.1%}"
        f" of the found DATE expressions with a fixed interval; {fixed_right}/{fixed_n} = "
        f"{fixed_right / fixed_n:.1%} of all {fixed_n}"
    )
    print(
        "published (TempEval-3 platinum test set, all TIMEX3 types): HeidelTime relaxed F1 "
        "90.30, value F1 77.61; SUTime relaxed F1 90.32, value F1 67.38"
    )
    if args.errors:
        for title, rows in (("missed", misses), ("spurious", spurious), ("wrong interval", wrong)):
            print(f"--- {title} ({len(rows)})")
            for row in rows[: args.errors]:
                print(row)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
