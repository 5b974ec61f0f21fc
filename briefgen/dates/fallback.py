"""dateparser as a checked fallback for absolute dates in other languages."""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

from briefgen.dates.absolute import _DECADE_WORDS
from briefgen.dates.core import _day_span, _month_unit, _Span
from briefgen.dates.vocab import _MONTHS, _NUMBER_WORDS, _ORDINAL_WORDS, _SEASONS, _WEEKDAYS

# --- dateparser fallback ---------------------------------------------------------------

_ENGLISH_WORDS = frozenset(
    [*_MONTHS, *_WEEKDAYS, *_SEASONS, *_NUMBER_WORDS, *_ORDINAL_WORDS, *_DECADE_WORDS]
).union(
    """the a an this that these those its their our his her last next past coming early late
    mid middle start beginning end since from to until and or between in on at by during of
    for ago earlier later before after around about circa period periods quarter quarters half
    halves year years month months week weeks weekend day days decade decades century
    centuries fiscal financial today yesterday tomorrow now pre post""".split()
)
# English words that make a text a name or a reference, never a date ("NI Act 1998")
_NAME_WORDS = frozenset("act acts bill order regulations rules report section no".split())
# languages dateparser may try: enough for common sources, few enough that a miss is cheap
_FALLBACK_LANGUAGES = (
    "en", "fr", "de", "es", "it", "pt", "nl", "sv", "da", "nb", "fi", "pl", "cs", "ru", "uk",
    "tr", "el", "ga", "cy",
)  # fmt: skip
_FALLBACK_TOKEN = re.compile(r"[0-9]+|[^\W\d_]+")
_HYPHENATED = re.compile(r"[^\W\d_]-[0-9]|[0-9]-[^\W\d_]")  # "post-1959", "under-16s"


def _fallback(s: str, anchor: date, month_first: bool) -> _Span | None:
    """Read an absolute date in another language ("16 juin 2025", "junio de 2025") with
    dateparser, accepting its answer only if it agrees with the numbers written."""
    tokens = _FALLBACK_TOKEN.findall(s)
    numbers = [t for t in tokens if t.isdigit()]
    words = [t for t in tokens if not t.isdigit() and t not in ("de", "del", "di", "du", "of")]
    years = [n for n in numbers if len(n) == 4]
    if (
        len(years) != 1
        or len(numbers) > 2
        or not 1 <= len(words) <= 2
        or any(w in _ENGLISH_WORDS or w in _NAME_WORDS for w in words)
        or len(tokens) > 6
        or _HYPHENATED.search(s)
    ):
        return None
    found = _dateparser(s, anchor, month_first)
    if found is None:
        return None
    (year, month, day), period = found
    # dateparser fills in what the text leaves out from its base date ("H3 2025" came back
    # as the 3rd of the anchor's month): ask again from six months away, and trust only a
    # month that does not move
    other = date(anchor.year, (anchor.month + 5) % 12 + 1, min(anchor.day, 28))
    again = _dateparser(s, other, month_first)
    if again is None or again[0][:2] != (year, month) or again[1] != period:
        return None
    if str(year) != years[0].lstrip("0") and f"{year:04d}" != years[0]:
        return None
    days = [int(n) for n in numbers if len(n) <= 2]
    if period == "day" and days == [day]:
        return _day_span(date(year, month, day))
    if period == "month" and not days:
        return _month_unit(year, month)
    return None


@lru_cache(maxsize=512)
def _dateparser(s: str, anchor: date, month_first: bool) -> tuple[tuple[int, int, int], str] | None:
    """Call dateparser (imported here: it is slow to import) with the anchor as its base."""
    try:
        from dateparser.date import DateDataParser

        settings = {
            "RELATIVE_BASE": datetime(anchor.year, anchor.month, anchor.day),
            "PREFER_DATES_FROM": "past",
            "DATE_ORDER": "MDY" if month_first else "DMY",
        }
        parser = DateDataParser(languages=list(_FALLBACK_LANGUAGES), settings=settings)
        data = parser.get_date_data(s)
    except Exception:  # third-party code: any failure just means "not read"
        return None
    if data.date_obj is None:
        return None
    found = data.date_obj
    return (found.year, found.month, found.day), str(data.period)


def clear_caches() -> None:
    """Forget cached dateparser answers (the benchmark times runs from cold)."""
    _dateparser.cache_clear()
