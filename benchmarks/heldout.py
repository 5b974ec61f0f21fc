"""Score the date parser, alone and in sentences, on the project's held-out UK date set.

Usage: ``python -m benchmarks.heldout [--data DIR] [--errors [N]]``.
The set is ``benchmarks/heldout/*.yaml`` (see its README): date expressions taken with their
sentences from dated public UK pages, each with the interval a careful reader takes, or
marked as a trap (text that looks like a date but names none). Two paths are scored:

- parser alone: ``parse_date(expression, anchor=published)``, given the item's direction
  and kind of year as keywords when ``parse_date`` accepts them;
- in sentences: ``find_mentions(sentence, published)`` (what ``briefgen extract
  --mentions`` runs); an item is right when a mention overlapping the expression has
  exactly the gold interval.

A trap is right when the parser refuses it, or when no mention overlaps it.
"""

from __future__ import annotations

import argparse
import inspect
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

DEFAULT_DATA = Path(__file__).resolve().parent / "heldout"

# What each kind of year starts on, as the keyword the parser may take (UK defaults).
_YEAR_START = {"financial": "04-01", "tax": "04-06", "academic": "09-01"}


@dataclass(frozen=True)
class Item:
    """One expression in its sentence, with its page's date and the gold reading."""

    page: str
    sentence: str
    expression: str
    offset: int  # where the expression starts in the sentence
    anchor: date
    family: str
    trap: bool
    start: date | None = None
    end: date | None = None
    direction: str | None = None
    year_kind: str | None = None

    @property
    def gold(self) -> str:
        return "no date" if self.trap else f"{self.start}..{self.end}"


def _day(value: object, where: str) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise SystemExit(f"{where}: {value!r} is not a YYYY-MM-DD date") from None


def load(folder: Path) -> list[Item]:
    """Every item of every page file in ``folder``; a malformed file stops the run."""
    items: list[Item] = []
    for path in sorted(folder.glob("*.yaml")):
        page = yaml.safe_load(path.read_text(encoding="utf-8"))
        anchor = _day(page.get("published"), f"{path.name}: published")
        for n, raw in enumerate(page.get("items") or [], 1):
            where = f"{path.name}: item {n}"
            sentence, expression = str(raw["sentence"]), str(raw["expression"])
            offset = sentence.find(expression)
            if offset < 0:
                offset = sentence.lower().find(expression.lower())
            if offset < 0:
                raise SystemExit(f"{where}: expression {expression!r} is not in its sentence")
            trap = bool(raw.get("trap", False))
            items.append(
                Item(
                    page=path.stem,
                    sentence=sentence,
                    expression=expression,
                    offset=offset,
                    anchor=anchor,
                    family=str(raw.get("family", "trap" if trap else "other")),
                    trap=trap,
                    start=None if trap else _day(raw.get("start"), f"{where}: start"),
                    end=None if trap else _day(raw.get("end"), f"{where}: end"),
                    direction=raw.get("direction"),
                    year_kind=raw.get("year_kind"),
                )
            )
    return items


def _accepted(func: Callable[..., Any]) -> set[str]:
    try:
        return set(inspect.signature(func).parameters)
    except (TypeError, ValueError):  # pragma: no cover - builtins without a signature
        return set()


def _year_keywords(item: Item, accepted: set[str]) -> dict[str, str]:
    if item.year_kind is None:
        return {}
    key = "academic_year_start" if item.year_kind == "academic" else "financial_year_start"
    return {key: _YEAR_START[item.year_kind]} if key in accepted else {}


def _call(func: Callable[..., Any], args: tuple[Any, ...], keywords: dict[str, Any]) -> Any:
    """``func(*args, **keywords)``, retried without the extra keywords if it rejects them."""
    try:
        return func(*args, **keywords)
    except TypeError:
        if not keywords:
            raise
        return func(*args)


def parser_result(item: Item) -> tuple[bool, str]:
    """(right, what it gave) for ``parse_date`` on the expression alone."""
    from briefgen.dates import DateError, parse_date

    accepted = _accepted(parse_date)
    keywords: dict[str, Any] = _year_keywords(item, accepted)
    if item.direction and "direction" in accepted:
        keywords["direction"] = item.direction
    try:
        span = _call(parse_date, (item.expression, item.anchor), keywords)
    except DateError:
        return item.trap, "refused"
    got = f"{span.start}..{span.end}"
    return (not item.trap and (span.start, span.end) == (item.start, item.end)), got


def sentence_result(item: Item) -> tuple[bool, str]:
    """(right, what it gave) for ``find_mentions`` on the whole sentence."""
    from briefgen.extract.mentions import find_mentions

    accepted = _accepted(find_mentions)
    mentions = _call(find_mentions, (item.sentence, item.anchor), _year_keywords(item, accepted))
    end = item.offset + len(item.expression)
    hits = [m for m in mentions if m.offset < end and item.offset < m.end]
    if not hits:
        return item.trap, "no mention"
    got = "; ".join(
        f"{m.text!r} {m.span.start}..{m.span.end}" if m.span else f"{m.text!r} unresolved"
        for m in hits
    )
    right = not item.trap and any(
        m.span is not None and (m.span.start, m.span.end) == (item.start, item.end) for m in hits
    )
    return right, got


def _pct(right: int, total: int) -> str:
    return f"{right:>4}/{total:<4} {right / total:6.1%}" if total else f"{'-':>16}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder of page files")
    parser.add_argument("--errors", type=int, nargs="?", const=10_000, default=0, metavar="N",
                        help="list the misses of each path (at most N each)")  # fmt: skip
    args = parser.parse_args(argv)
    items = load(args.data) if args.data.is_dir() else []
    if not items:
        print(f"no held-out items under {args.data}; pass --data DIR", file=sys.stderr)
        return 2
    paths = {"parser alone": parser_result, "in sentences": sentence_result}
    right: dict[str, Counter[str]] = {name: Counter() for name in paths}
    misses: dict[str, list[str]] = {name: [] for name in paths}
    totals: Counter[str] = Counter()
    began = time.perf_counter()
    for item in items:
        groups = ("all", "traps" if item.trap else "dated", f"family {item.family}")
        for group in groups:
            totals[group] += 1
        for name, score in paths.items():
            ok, got = score(item)
            if ok:
                for group in groups:
                    right[name][group] += 1
            else:
                misses[name].append(
                    f"{item.page}: {item.expression!r} [{item.family}] got {got}; "
                    f"expected {item.gold}"
                )
    seconds = time.perf_counter() - began
    pages = len({item.page for item in items})
    print(f"held-out set: {len(items)} items ({totals['dated']} dated, {totals['traps']} "
          f"traps) from {pages} pages, scored in {seconds:.1f} s")  # fmt: skip
    print(f"{'':24} {'parser alone':>16}   {'in sentences':>16}")
    families = sorted(g for g in totals if g.startswith("family "))
    for group in ["all", "dated", "traps", *families]:
        cells = "   ".join(_pct(right[name][group], totals[group]) for name in paths)
        print(f"{group.removeprefix('family '):24} {cells}")
    if args.errors:
        for name in paths:
            print(f"--- misses, {name} ({len(misses[name])})")
            for row in misses[name][: args.errors]:
                print(row)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
