"""Which tokens a date mention's window may start on, hold and end on: the core words a
date cannot do without, the punctuation that may sit inside one ("June 16, 2025", "3rd,
10th & 17th March", "in May, 1905"), and the cuts a window must not make (into "19.4")."""

from __future__ import annotations

import re

from briefgen.extract.tokens import Token, _is_number
from briefgen.extract.vocab import (
    _DATE_WORDS,
    _INNER_PUNCT,
    _MONTHS,
    _PREPOSITIONS,
    _VOCAB,
    _WEEKDAY_ABBREVIATIONS,
    _WEEKDAYS,
)


def is_core(tok: Token) -> bool:
    """A word a date expression cannot do without: a month, a weekday, a year, a date
    word ("weekend", "ago", "spring"), a numeric date, a decade or an ordinal day."""
    low = tok.low
    if low in _MONTHS or low in _WEEKDAYS or low in _DATE_WORDS:
        return not (low in ("may", "march") and not tok.text[0].isupper())
    if low in _WEEKDAY_ABBREVIATIONS:
        return tok.text[0].isupper()
    if low.isdigit():
        return len(low) == 4 or len(low) <= 2
    if re.fullmatch(r"fy(?:[0-9]{2}|[0-9]{4})?", low):  # FY2023/24, FY 2023-24
        return tok.text[:2] == "FY"
    return bool(re.fullmatch(r"[0-9]{1,4}(?:s|st|nd|rd|th)|[0-9]{1,4}s", low))


def joinable(tokens: list[Token], i: int, text: str) -> bool:
    """May token ``i`` be part of a date expression's window?"""
    tok = tokens[i]
    if tok.is_word:
        return tok.low in _VOCAB or _is_number(tok.low)
    if tok.text in "()":  # "Quarter 1 (January to March) 2023": months restated in brackets
        near = tokens[i + 1] if tok.text == "(" else tokens[i - 1]  # "year ending (YE) June"
        return 0 < i < len(tokens) - 1 and (near.low in _MONTHS or near.text == "YE")
    if tok.text == "&":  # "3rd, 10th & 17th March", "June & July 2024": a list's "and"
        before = tokens[i - 1] if i else None
        after = tokens[i + 1] if i + 1 < len(tokens) else None
        return all(
            t is not None and (_is_number(t.low) or t.low in _MONTHS or t.low in _WEEKDAYS)
            for t in (before, after)
        )
    if tok.text == ":":  # "11:45pm on 4 March": a clock time's colon
        before = tokens[i - 1] if i else None
        return (
            before is not None and before.end == tok.start and before.text.isdigit()
            and re.match(r"[0-9]{2}(?:am|pm)?\b", text[tok.end : tok.end + 5], re.I) is not None
        )  # fmt: skip
    if tok.text not in _INNER_PUNCT:
        return False
    if tok.text == ".":
        before = tokens[i - 1] if i else None
        tight = (
            before is not None and before.end == tok.start and text[tok.end : tok.end + 1].isdigit()
        )
        return tight or (before is not None and before.low in ("c", "ca", "approx", *_MONTHS))
    if tok.text == ",":  # "June 16, 2025", "Monday, 16 June"; not "last year, and 2024"
        before = tokens[i - 1] if i else None
        after = tokens[i + 1] if i + 1 < len(tokens) else None
        bound = after is not None and after.low in ("until", "till")
        if after is not None and (after.low == "and" or bound) and i + 2 < len(tokens):
            after = tokens[i + 2]  # "2029-30, and 2030-31", "22 December, until 2 January"
        return (
            before is not None and after is not None
            and (before.low in _WEEKDAYS or _is_number(before.low)
                 or (before.low in _MONTHS and (bound or after.low in _MONTHS
                                                or _old_style_year(tokens, i + 1))))
            and (_is_number(after.low) or after.low in _WEEKDAYS
                 or (after.low in _MONTHS and not bound))
        )  # fmt: skip
    return True


def _old_style_year(tokens: list[Token], j: int) -> bool:
    """Is token ``j``, after "May," a year in the older style ("in May, 1905"), not a count
    ("in May, 2000 people marched")?"""
    if not re.fullmatch(r"1[0-9]{3}|20[0-9]{2}", tokens[j].low):
        return False
    after = tokens[j + 1] if j + 1 < len(tokens) else None
    return after is None or not after.is_word or after.low in _PREPOSITIONS or after.low == "and"


def cuts_number(tokens: list[Token], s: int, e: int, text: str) -> bool:
    """Does the window ``s..e`` end or start inside a number ("19" of "19.4", "480" of
    "1,480") or end on a weekday whose day follows it?"""
    after = text[tokens[e].end : tokens[e].end + 2]
    before = text[max(0, tokens[s].start - 2) : tokens[s].start]
    if e > s and tokens[e].low in _WEEKDAYS and re.match(r" [0-9]", after):
        return True  # "27 March and Thursday" of "... and Thursday 28 March": a day cut off
    return (
        _is_number(tokens[e].low) and len(after) == 2 and after[0] in ".," and after[1].isdigit()
    ) or (
        _is_number(tokens[s].low) and len(before) == 2 and before[1] in ".," and before[0].isdigit()
    )
