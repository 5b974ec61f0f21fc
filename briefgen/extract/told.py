"""Times read against a date the text told rather than the page's date: "the previous
quarter", "a year earlier", "that autumn", "the same period a year ago", and a holiday in
brackets restating the day before it."""

from __future__ import annotations

import re
from collections.abc import Callable

from briefgen.anaphora import AnaphoraError, is_anaphoric, resolve_anaphoric
from briefgen.dates import DateError, DateSpan, parse_date
from briefgen.extract.tokens import Token
from briefgen.extract.vocab import _PREPOSITIONS


def anaphoric_window(
    tokens: list[Token],
    i: int,
    floor: int,
    text: str,
    test: Callable[[str], bool] = is_anaphoric,
) -> tuple[int, int] | None:
    """The longest words around the date word ``i`` that name a time after another event
    ("the previous quarter", "the same quarter a year ago", "a year earlier", "that
    autumn"), as (first, last) token; ``None`` if there are none. A leading preposition is
    left out ("in the previous quarter"); "the year after next" counts from the page.
    ``test`` says which words count ("the same period in the previous financial year")."""
    for s in range(max(floor, i - 7), i + 1):
        if tokens[s].low in _PREPOSITIONS or tokens[s].low == "from" or not tokens[s].is_word:
            continue
        for e in range(min(len(tokens) - 1, i + 4), i - 1, -1):
            if tokens[e].is_word and test(text[tokens[s].start : tokens[e].end]):
                if e + 1 < len(tokens) and tokens[e + 1].low in ("next", "last"):
                    return None  # "the year after next", "the week before last": the page's
                if e + 1 < len(tokens) and tokens[e + 1].low == "than":
                    return None  # "collected two days later than usual": a comparison
                return s, e
    return None


_COMPARED_WITH = re.compile(
    r"(?<!more )(?<!less )(?<!longer )(?<!fewer )"
    r"\b(?:than|with|of|from|on|against)\s+$",
    re.I,
)


def compared(tokens: list[Token], window: tuple[int, int], text: str) -> bool:
    """Is "a year ago" compared with ("than a year ago", "compared with a year ago",
    "estimates of a year ago"), so that it means the period told a year before? Other
    forms ("the previous financial year") need no such word."""
    s, e = window
    if not text[tokens[s].start : tokens[e].end].lower().endswith("ago"):
        return True
    return _COMPARED_WITH.search(text[max(0, tokens[s].start - 30) : tokens[s].start]) is not None


def restated_day(
    text: str, begin: int, span: DateSpan, told: DateSpan | None, told_end: int
) -> DateSpan | None:
    """A holiday in brackets after the day or week it falls in ("Monday 25 December 2023
    (Christmas Day)") names that day, in that year, not the next such holiday. ``told`` is
    the mention before it and ``told_end`` where that mention ends."""
    if told is None or (told.end - told.start).days > 6 or span.start != span.end:
        return None
    if text[told_end:begin].strip() != "(":
        return None
    words = text[begin:].split(")", 1)[0]
    try:
        restated = parse_date(f"{words} {told.start.year}", told.start)
    except DateError:
        return None
    held = told.start <= restated.start == restated.end <= told.end
    return restated if held else None


def read_against(
    tokens: list[Token], s: int, e: int, text: str, told: DateSpan
) -> tuple[str, int, DateSpan] | None:
    """The words ``s..e`` of a time after another date, their offset and the interval they
    name read against ``told`` ("the previous quarter" after Quarter 4 2023 is Q3 2023);
    ``None`` if the form cannot be read against it."""
    words = text[tokens[s].start : tokens[e].end]
    try:
        return words, tokens[s].start, resolve_anaphoric(words, told)
    except AnaphoraError:
        return None
