"""Score ``parse_date`` against TempEval-3 (TBAQ) DATE expressions, and dateparser alongside.

Usage: ``python -m benchmarks.tempeval [--data DIR] [--errors N] [--breakdown]``.
The data (not part of the project) is read from ``../shared/benchmarks/tempeval3`` next to
the repository by default; see its README for how a TIMEX3 value names an interval.
"""

from __future__ import annotations

import argparse
import html
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "benchmarks" / "tempeval3"

_TIMEX = re.compile(r"<TIMEX3\b([^>]*)>(.*?)</TIMEX3>", re.S)
_DCT = re.compile(r"<DCT>\s*<TIMEX3\b([^>]*)>", re.S)
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_SEASON_MONTHS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}

Interval = tuple[date, date]


@dataclass(frozen=True)
class Item:
    """One DATE expression: its text, its document's creation date and the gold interval."""

    text: str
    anchor: date
    start: date
    end: date
    granularity: str
    source: str
    mod: str = ""


def _month_end(year: int, month: int) -> date:
    return (date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)) - timedelta(1)


def gold_interval(value: str) -> tuple[date, date, str] | None:
    """Read a TIMEX3 value as (start, end, granularity), or None if it names no fixed
    interval (XXXX, PRESENT_REF, durations ...)."""
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(T.*)?", value):
            day = date(int(m[1]), int(m[2]), int(m[3]))
            return day, day, "day"
        if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
            year, month = int(m[1]), int(m[2])
            return date(year, month, 1), _month_end(year, month), "month"
        if m := re.fullmatch(r"(\d{4})", value):
            return date(int(m[1]), 1, 1), date(int(m[1]), 12, 31), "year"
        if m := re.fullmatch(r"(\d{3})", value):
            first = int(m[1]) * 10
            return date(max(first, 1), 1, 1), date(first + 9, 12, 31), "decade"
        if m := re.fullmatch(r"(\d{2})", value):
            first = int(m[1]) * 100
            return date(max(first, 1), 1, 1), date(first + 99, 12, 31), "century"
        if m := re.fullmatch(r"(\d{4})-W(\d{1,2})(-WE)?", value):
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            if m[3]:
                return monday + timedelta(5), monday + timedelta(6), "weekend"
            return monday, monday + timedelta(6), "week"
        if m := re.fullmatch(r"(\d{4})-Q([1-4])", value):
            year, first = int(m[1]), 3 * int(m[2]) - 2
            return date(year, first, 1), _month_end(year, first + 2), "quarter"
        if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value):
            year, first = int(m[1]), _SEASON_MONTHS[m[2]]
            last_year, last = (year + 1, 2) if first == 12 else (year, first + 2)
            return date(year, first, 1), _month_end(last_year, last), "season"
        if m := re.fullmatch(r"(\d{4})-H([12])", value):
            year, first = int(m[1]), 6 * int(m[2]) - 5
            return date(year, first, 1), _month_end(year, first + 5), "half"
    except ValueError:
        return None
    return None


def containing(day: date, granularity: str) -> Interval:
    """The interval of ``granularity`` that contains ``day`` (to score dateparser's dates)."""
    if granularity == "day":
        return day, day
    if granularity == "month":
        return day.replace(day=1), _month_end(day.year, day.month)
    if granularity == "year":
        return date(day.year, 1, 1), date(day.year, 12, 31)
    if granularity == "decade":
        first = day.year // 10 * 10
        return date(max(first, 1), 1, 1), date(first + 9, 12, 31)
    if granularity == "century":
        first = day.year // 100 * 100
        return date(max(first, 1), 1, 1), date(first + 99, 12, 31)
    if granularity in ("week", "weekend"):
        monday = day - timedelta(day.weekday())
        if granularity == "weekend":
            return monday + timedelta(5), monday + timedelta(6)
        return monday, monday + timedelta(6)
    if granularity == "quarter":
        first = (day.month - 1) // 3 * 3 + 1
        return date(day.year, first, 1), _month_end(day.year, first + 2)
    if granularity == "half":
        first = 1 if day.month <= 6 else 7
        return date(day.year, first, 1), _month_end(day.year, first + 5)
    # seasons
    year, first = (day.year - 1, 12) if day.month < 3 else (day.year, day.month // 3 * 3)
    last_year, last = (year + 1, 2) if first == 12 else (year, first + 2)
    return date(year, first, 1), _month_end(last_year, last)


def load(data_dir: Path) -> list[Item]:
    """Every DATE TIMEX3 (other than the creation time) whose value names a fixed interval."""
    items: list[Item] = []
    for path in sorted(data_dir.rglob("*.tml")):
        doc = path.read_text(encoding="utf-8", errors="replace")
        dct_match = _DCT.search(doc)
        if dct_match is None:
            continue
        dct_value = dict(_ATTR.findall(dct_match[1])).get("value", "")
        try:
            anchor = date.fromisoformat(dct_value[:10])
        except ValueError:
            continue
        for attrs_text, inner in _TIMEX.findall(doc):
            attrs = dict(_ATTR.findall(attrs_text))
            if attrs.get("type") != "DATE" or attrs.get("functionInDocument") == "CREATION_TIME":
                continue
            gold = gold_interval(attrs.get("value", ""))
            if gold is None:
                continue
            text = " ".join(html.unescape(re.sub(r"<[^>]+>", "", inner)).split())
            if text:
                items.append(Item(text, anchor, *gold, path.name, attrs.get("mod", "")))
    return items


# --- the two readers ---------------------------------------------------------------------


def briefgen_reader() -> Callable[[Item], Interval | None]:
    from briefgen.dates import DateError, parse_date

    def read(item: Item) -> Interval | None:
        try:
            span = parse_date(item.text, item.anchor)
        except DateError:
            return None
        return span.start, span.end

    return read


def dateparser_reader() -> Callable[[Item], Interval | None]:
    import dateparser

    def read(item: Item) -> Interval | None:
        base = datetime(item.anchor.year, item.anchor.month, item.anchor.day)
        settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}
        try:
            found = dateparser.parse(item.text, settings=settings)  # type: ignore[arg-type]
        except Exception:  # a crash counts as a miss
            return None
        return None if found is None else containing(found.date(), item.granularity)

    return read


def clear_caches() -> None:
    """Clear every functools cache in briefgen and dateparser, so each run starts cold."""
    for name, module in list(sys.modules.items()):
        if not name.startswith(("briefgen", "dateparser")) or module is None:
            continue
        for value in list(vars(module).values()):
            clear = getattr(value, "cache_clear", None)
            if callable(clear):
                clear()


def run(read: Callable[[Item], Interval | None], items: Iterable[Item]) -> list[Interval | None]:
    return [read(item) for item in items]


def timed(
    read: Callable[[Item], Interval | None], items: list[Item], runs: int
) -> tuple[list[Interval | None], float]:
    """Return the answers and the median throughput (expressions per second) of ``runs``."""
    rates, answers = [], []
    for _ in range(runs):
        clear_caches()
        began = time.perf_counter()
        answers = run(read, items)
        rates.append(len(items) / (time.perf_counter() - began))
    return answers, statistics.median(rates)


_BARE = re.compile(
    r"(?:on |in )?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|january|february|march|april"
    r"|may|june|july|august|september|october|november|december)(?: (?:morning|afternoon"
    r"|evening|night))?",
    re.I,
)


def breakdown(items: list[Item], hits: list[bool]) -> None:
    """Print accuracy by gold unit, and how many misses come from conventions that the
    README's value-only reading cannot match."""
    totals = Counter(i.granularity for i in items)
    right = Counter(i.granularity for i, hit in zip(items, hits, strict=True) if hit)
    print("by gold unit:")
    for unit, total in totals.most_common():
        print(f"  {unit:8} {right[unit]:5}/{total:<5} {right[unit] / total:.1%}")
    misses = [i for i, hit in zip(items, hits, strict=True) if not hit]
    with_mod = [i for i in misses if i.mod]
    future = [i for i in misses if not i.mod and _BARE.fullmatch(i.text) and i.start > i.anchor]
    print(f"misses: {len(misses)}, of which")
    print(f"  {len(with_mod):4} have a TimeML mod (early/late/start/end ...): the gold value then"
          " names the whole unit, briefgen the part")  # fmt: skip
    print(f"  {len(future):4} are a bare weekday or month the gold puts after the anchor"
          " (briefgen: on or before, by contract)")  # fmt: skip
    plain = [(i, h) for i, h in zip(items, hits, strict=True) if not i.mod]
    print(f"exactly right without the {len(items) - len(plain)} expressions that carry a mod: "
          f"{sum(h for _, h in plain) / len(plain):.1%}")  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="TempEval-3 folder")
    parser.add_argument("--errors", type=int, default=0, metavar="N", help="list N misses")
    parser.add_argument("--breakdown", action="store_true", help="accuracy by gold unit")
    parser.add_argument("--runs", type=int, default=3, help="timed runs (median reported)")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"no TempEval-3 data at {args.data}; pass --data DIR (see its README)",
              file=sys.stderr)  # fmt: skip
        return 2
    items = load(args.data)
    if not items:
        print(f"no .tml files with DATE expressions under {args.data}", file=sys.stderr)
        return 2

    ours, our_rate = timed(briefgen_reader(), items, args.runs)
    theirs, their_rate = timed(dateparser_reader(), items, args.runs)
    our_hits = [got == (i.start, i.end) for i, got in zip(items, ours, strict=True)]
    their_hits = [got == (i.start, i.end) for i, got in zip(items, theirs, strict=True)]

    n = len(items)
    print(f"expressions: {n} DATE TIMEX3 with a fixed interval, from {args.data}")
    print(f"{'':12}{'exactly right':>16}{'expr/s':>12}")
    print(f"{'briefgen':12}{sum(our_hits) / n:>15.1%} {our_rate:>11,.0f}")
    print(f"{'dateparser':12}{sum(their_hits) / n:>15.1%} {their_rate:>11,.0f}")
    print(f"throughput ratio briefgen/dateparser: {our_rate / their_rate:.1f}x "
          f"(median of {args.runs} runs, caches cleared before each)")  # fmt: skip

    if args.breakdown:
        breakdown(items, our_hits)
    if args.errors:
        misses = [(i, got) for i, got, hit in zip(items, ours, our_hits, strict=True) if not hit]
        for item, got in misses[: args.errors]:
            shown = "DateError" if got is None else f"{got[0]}..{got[1]}"
            print(f"{item.text!r:40} dct {item.anchor}  gold {item.start}..{item.end} "
                  f"({item.granularity})  got {shown}")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
