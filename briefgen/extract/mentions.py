"""Date mentions in running text: every span that ``parse_date`` reads as a date, found by
growing windows around date-like words, minus what only looks like a date.

``find_mentions(text, anchor)`` returns them in text order, with character offsets into
``text``. Without an anchor, expressions whose interval depends on it are returned
unresolved (``span`` is ``None``) rather than guessed.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from briefgen.anaphora import reads_against_told
from briefgen.dates import DateError, DateSpan, parse_date
from briefgen.extract.lines import is_wrapped, line_break
from briefgen.extract.notdate import not_a_date
from briefgen.extract.tense import (
    Direction,
    attributive_month,
    directions,
    names_the_weekday_ahead,
    sentence_spans,
)
from briefgen.extract.tokens import Token, _is_number, tokenize
from briefgen.extract.told import anaphoric_window, compared, read_against, restated_day
from briefgen.extract.vocab import (
    _ABBREVIATED,
    _MONTHS,
    _POSSESSIVES,
    _PREPOSITIONS,
    _WEEKDAYS,
    WEAK,
)
from briefgen.extract.window import cuts_number, is_core, joinable
from briefgen.extract.yearkind import as_named_years, year_kind

# two anchors far apart: an expression that reads the same against both is absolute
_PROBE_ANCHORS = (date(2003, 7, 9), date(2017, 2, 21))
_MAX_LEFT = 6  # tokens a mention may reach before its date word ("between early ...")
# and after it ("June 2011 to late March 2015", and with brackets counted as tokens
# "Quarter 1 (Jan to Mar) to Quarter 3 (July to Sept) 2023")
_MAX_RIGHT = 16


@dataclass(frozen=True)
class Mention:
    """A date expression found in a text: ``text == source[offset:offset + length]``.

    ``span`` is its interval, or ``None`` when it is relative and there was no anchor;
    ``weak`` marks expressions too vague to date an event ("now", "currently").
    """

    text: str
    offset: int
    length: int
    span: DateSpan | None
    relative: bool
    weak: bool = False

    @property
    def end(self) -> int:
        return self.offset + self.length

    def to_json(self) -> dict[str, object]:
        """The ``--mentions --format json`` shape: offsets count characters of the text."""
        return {
            "text": self.text,
            "offset": self.offset,
            "length": self.length,
            "start": self.span.start.isoformat() if self.span else None,
            "end": self.span.end.isoformat() if self.span else None,
            "label": self.span.label if self.span else "unresolved (no publication date)",
        }


@lru_cache(maxsize=100_000)
def _parse(
    text: str, anchor: date, month_first: bool, direction: Direction | None = None
) -> DateSpan | None:
    try:
        return parse_date(text, anchor, month_first=month_first, direction=direction)
    except DateError:
        return None


def read_span(
    text: str, anchor: date | None, month_first: bool = False, direction: Direction | None = None
) -> tuple[DateSpan | None, bool, bool]:
    """Return (span, relative, ok): ``ok`` says ``text`` is a date expression at all;
    ``span`` is ``None`` for a relative expression read without an anchor. ``direction``
    is the sentence's (``briefgen.extract.tense``), passed on to ``parse_date``."""
    first = _parse(text, _PROBE_ANCHORS[0], month_first, direction)
    second = _parse(text, _PROBE_ANCHORS[1], month_first, direction)
    if first is None and second is None:
        # "Tuesday 26 March" reads only in years where 26 March is a Tuesday
        span = _parse(text, anchor, month_first, direction) if anchor is not None else None
        return span, span is not None, span is not None
    relative = (
        first is None or second is None
        or (first.start, first.end) != (second.start, second.end)
    )  # fmt: skip
    if anchor is None:
        return (None if relative else first), relative, True
    span = _parse(text, anchor, month_first, direction)
    if span is None:
        return None, relative, False
    return span, relative, True


def find_mentions(
    text: str,
    anchor: date | None,
    *,
    month_first: bool = False,
    progress: Callable[[int], None] | None = None,
) -> list[Mention]:
    """Every date mention in ``text``, in order; relative ones are resolved against
    ``anchor`` or, without one, left unresolved. ``progress`` is called with the offset
    reached, now and then."""
    tokens = tokenize(text)
    wrapped = is_wrapped(text)
    pieces = directions(text)
    starts = [start for start, _, _ in pieces]
    sentences = sentence_spans(text)
    sentence_starts = [start for start, _ in sentences]
    found: list[Mention] = []
    ahead: list[tuple[int, int, int]] = []  # times after a date told later in the sentence
    floor = 0  # the first token a new mention may use
    i = 0
    last_report = 0
    while i < len(tokens):
        if progress is not None and tokens[i].start - last_report > 20_000:
            progress(tokens[i].start)
            last_report = tokens[i].start
        if i < floor or not is_core(tokens[i]):
            i += 1
            continue
        direction = pieces[bisect_right(starts, tokens[i].start) - 1][2]
        if direction is None and anchor is not None:  # "the November recess": the nearer
            direction = attributive_month(text, tokens[i].start, anchor)
        at = bisect_right(sentence_starts, tokens[i].start) - 1
        sentence_start, sentence_end = sentences[at]
        anaphoric = anaphoric_window(tokens, i, floor, text)
        if anaphoric is not None:  # "the previous quarter", "a year earlier", "that autumn"
            s, e = anaphoric
            told = _read_against_the_date_told(
                tokens, s, e, text, found, sentences[max(0, at - 1)][0]
            )
            if told is not None:  # "the previous quarter" after "in Quarter 4 2023"
                found.append(told)
            else:  # "Compared with a year earlier, ... in the YE June 2022": told after it
                ahead.append((s, e, sentence_end))
            floor = i = e + 1
            continue
        against_told = anaphoric_window(tokens, i, floor, text, reads_against_told)
        if against_told is not None and not compared(tokens, against_told, text):
            against_told = None  # "opened in May 2023, more than a year ago": the page's
        if against_told is not None:  # "the previous financial year" after "April 2014 to
            s, e = against_told  # March 2015"; without a year told, the page's
            told = _read_against_the_date_told(
                tokens, s, e, text, found, sentence_start, told_only=True
            )
            if told is not None:
                found.append(told)
                floor = i = e + 1
                continue
        best = _best_window(tokens, i, floor, text, anchor, month_first, wrapped, direction)
        if best is None:
            i += 1
            continue
        s, e, span, relative = _continue_list(
            tokens, best, text, anchor, month_first, wrapped, direction
        )
        possessive = tokens[s].low in _POSSESSIVES and e > s
        if possessive:  # "filed their 2023/24 returns", "its winter plan": the date is "2023/24"
            s += 1  # (but "our 2024 results" is a year where "2024 results" may be a count)
        s, span, relative = _drop_preposition(
            tokens, s, e, text, anchor, month_first, span, relative, direction
        )
        if (
            tokens[s].low == "the" and e > s and e + 1 < len(tokens) and tokens[e + 1].is_word
            and re.fullmatch(
                r"[0-9]{4}(?:[/-][0-9]{2})?", text[tokens[s + 1].start : tokens[e].end]
            )
        ):  # fmt: skip
            s += 1  # "the 2012 Olympics", "the 2024/25 season": the date is "2012", "2024/25"
        if not_a_date(tokens, s - possessive, e, text) is None:
            if e > s and tokens[e].text == ".":  # "June." ends a sentence: the date is "June"
                e -= 1
            begin = tokens[s].start
            if tokens[s].low in ("c", "b") and s < e and text[begin - 2 : begin].lower() == "w/":
                begin -= 2  # "w/c 24 April" is not "circa 24 April"
                span, relative, _ = read_span(
                    text[tokens[s + 1].start : tokens[e].end], anchor, month_first, direction
                )
            begin = week_commencing(text, begin)
            if begin < tokens[s].start:  # "w/c 24 April": the whole week's mention
                whole_span, whole_relative, whole_ok = read_span(
                    text[begin : tokens[e].end], anchor, month_first, direction
                )
                if whole_ok:
                    span, relative = whole_span, whole_relative
            mention_text = text[begin : tokens[e].end]
            kind = year_kind(text[sentence_start:sentence_end])
            named = as_named_years(mention_text, kind) if kind else None
            if named is not None:  # "tax returns for 2022/23": the tax year
                span, relative, _ = read_span(named, anchor, month_first, direction)
            normal = " ".join(mention_text.lower().split())
            if relative and span is not None and found:
                span = restated_day(text, begin, span, found[-1].span, found[-1].end) or span
            if direction == "future" and span is not None and anchor is not None and (
                span.start == anchor and names_the_weekday_ahead(text, begin, tokens[e].end)
            ):  # "On Thursday it will be Supply", said on a Thursday: next week's
                span = read_span(mention_text, anchor + timedelta(days=7), month_first,
                                 direction)[0] or span  # fmt: skip
            found.append(
                Mention(mention_text, begin, tokens[e].end - begin, span, relative, normal in WEAK)
            )
        floor = e + 1
        i = e + 1
    if progress is not None:
        progress(len(text))
    return _read_ahead(tokens, text, found, ahead) if ahead else found


def _read_ahead(
    tokens: list[Token], text: str, found: list[Mention], ahead: list[tuple[int, int, int]]
) -> list[Mention]:
    """``found`` with each time after another date in ``ahead`` (first token, last token,
    end of its sentence) read against the first date the text tells after it in its
    sentence, before any semicolon ("Compared to the same period a year ago, sales were up
    3.5% in the three months to April 2018"); one with no such date, or whose date
    restates it ("two days later, on 5 May"), stays out."""
    more = []
    for s, e, sentence_end in ahead:
        after = tokens[e].end
        told = next(
            (
                m for m in found
                if after < m.offset < sentence_end and m.span is not None and not m.weak
            ),
            None,
        )
        if told is None or told.span is None or ";" in text[after : told.offset]:
            continue
        if re.fullmatch(r"[\s,(]*(?:on|in|at)?\s*", text[after : told.offset]):
            continue  # "two days later, on 5 May": the date restates it (or a comparison)
        read = read_against(tokens, s, e, text, told.span)
        if read is not None:
            more.append(Mention(read[0], read[1], len(read[0]), read[2], True))
    return sorted(found + more, key=lambda m: m.offset)


def _read_against_the_date_told(
    tokens: list[Token], s: int, e: int, text: str, found: list[Mention], since: int,
    told_only: bool = False,
) -> Mention | None:
    """The mention of the time after another date in ``s..e``, read against the last date
    the text told, in this sentence or the one before (a statistics release's "the
    previous quarter" is the one before the quarter it reports); ``None`` when no such date
    was told or the form cannot be read against it: the page's own date is not the event's,
    so the words are no mention."""
    told = next(
        (
            m for m in reversed(found)
            if m.span is not None and m.offset >= since and not (told_only and m.relative)
        ),
        None,
    )  # a form parse_date reads takes only a date the text itself told
    if told is None or told.span is None:
        return None
    read = read_against(tokens, s, e, text, told.span)
    return None if read is None else Mention(read[0], read[1], len(read[0]), read[2], True)


def _best_window(
    tokens: list[Token],
    i: int,
    floor: int,
    text: str,
    anchor: date | None,
    month_first: bool,
    wrapped: bool = False,
    direction: Direction | None = None,
) -> tuple[int, int, DateSpan | None, bool] | None:
    """The longest window of tokens around the date word ``i`` that reads as a date."""
    left = i
    while (
        left - 1 >= floor and i - (left - 1) <= _MAX_LEFT
        and joinable(tokens, left - 1, text)
        and not line_break(text, tokens[left - 1].end, tokens[left].start, wrapped)
    ):  # fmt: skip
        left -= 1
    right = i
    while (
        right + 1 < len(tokens) and (right + 1) - i <= _MAX_RIGHT
        and joinable(tokens, right + 1, text)
        and not line_break(text, tokens[right].end, tokens[right + 1].start, wrapped)
    ):  # fmt: skip
        right += 1
    windows = [
        (s, e)
        for s in range(left, i + 1)
        for e in range(i, right + 1)
        if tokens[s].is_word
        and (tokens[e].is_word or (tokens[e].text == "." and tokens[e - 1].low in _ABBREVIATED))
    ]
    windows = [w for w in windows if not cuts_number(tokens, w[0], w[1], text)]
    windows.sort(key=lambda w: (tokens[w[0]].start - tokens[w[1]].end, w[0]))
    for s, e in windows:
        candidate = text[tokens[s].start : tokens[e].end]
        span, relative, ok = read_span(candidate, anchor, month_first, direction)
        if ok and tokens[e].low in _WEEKDAYS and _day_month_after(tokens, e, text, month_first):
            return None  # "Monday 12th December" where 12 December is no Monday: no weekday
        if ok:
            return s, e, span, relative
    return None


def _day_month_after(tokens: list[Token], e: int, text: str, month_first: bool) -> bool:
    """Does a day and month follow the weekday ``e`` ("Monday 12th December", "Tuesday, 25
    March"), so that the weekday is that day's name, not a date of its own?"""
    j = e + 1 + (e + 1 < len(tokens) and tokens[e + 1].text == ",")
    for k in (j + 1, j + 2):
        if k < len(tokens) and tokens[j].is_word and tokens[k].is_word:
            words = text[tokens[j].start : tokens[k].end]
            if re.fullmatch(r"(?:[0-9]{1,2}(?:st|nd|rd|th)? (?:of )?[A-Za-z]+|[A-Za-z]+ [0-9]{1,2}"
                            r"(?:st|nd|rd|th)?)", words) and read_span(words, None, month_first)[2]:
                return True
    return False


def _continue_list(
    tokens: list[Token], best: tuple[int, int, DateSpan | None, bool], text: str,
    anchor: date | None, month_first: bool, wrapped: bool, direction: Direction | None,
) -> tuple[int, int, DateSpan | None, bool]:  # fmt: skip
    """Grow a mention over the rest of its list while the whole still reads as one date
    ("Monday 1st September 2025, Thursday 23rd October 2025 and Friday 24th October 2025"
    is longer than one window reaches)."""
    s, e, span, relative = best
    reached = e  # the last item looked at; the list may read as one only once it ends
    unread = 0  # items past ``e`` that did not yet read as one with the rest
    while True:
        j = reached + 1
        while j < len(tokens) and j - reached <= 3 and tokens[j].low in (",", "and"):
            j += 1  # "2 July, 9 July, and 16 July": the Oxford comma
        if j == reached + 1 or j >= len(tokens) or not is_core(tokens[j]):
            return s, e, span, relative
        last = tokens[reached].low
        listed_day = last in _MONTHS and tokens[j].low in _WEEKDAYS
        next_month = last in _MONTHS and _is_number(tokens[j].low)  # "25 May and 1 June"
        if not (_is_number(last) or listed_day or next_month):  # "last year, and 2024"
            return s, e, span, relative
        if line_break(text, tokens[reached].end, tokens[j].start, wrapped):
            return s, e, span, relative
        more = _best_window(tokens, j, j, text, anchor, month_first, wrapped, direction)
        if more is None or cuts_number(tokens, s, more[1], text):
            return s, e, span, relative
        if next_month and tokens[more[1]].low not in _MONTHS and more[1] - j < 2:
            return s, e, span, relative  # "in May, 2 people": no day of a month
        whole = text[tokens[s].start : tokens[more[1]].end]
        whole_span, whole_relative, ok = read_span(whole, anchor, month_first, direction)
        reached = more[1]
        if ok:
            e, span, relative, unread = more[1], whole_span, whole_relative, 0
            continue
        unread += 1  # "2 July, 9 July" reads as one only with its "and 16 July"
        if unread > 2:
            return s, e, span, relative


def _drop_preposition(
    tokens: list[Token], s: int, e: int, text: str, anchor: date | None, month_first: bool,
    span: DateSpan | None, relative: bool, direction: Direction | None = None,
) -> tuple[int, DateSpan | None, bool]:  # fmt: skip
    """Leave out a leading "on", "in", "at" ... when the rest names the same interval (the
    mention is then what TimeML marks: "Monday", not "on Monday")."""
    while s < e and tokens[s].low in _PREPOSITIONS:
        rest = text[tokens[s + 1].start : tokens[e].end]
        rest_span, rest_relative, ok = read_span(rest, anchor, month_first, direction)
        same = ok and (
            (rest_span is None and span is None)
            or (rest_span is not None and span is not None
                and (rest_span.start, rest_span.end) == (span.start, span.end))
        )  # fmt: skip
        if not same:
            break
        s, span, relative = s + 1, rest_span, rest_relative
    return s, span, relative


_WEEK_COMMENCING = re.compile(
    r"(?:\bthe\s+)?(?:\bweek\s+(?:commencing|beginning|starting)|\bw/[cb]\.?|\bw\.[cb]\.)\s*$",
    re.I,
)


def week_commencing(text: str, start: int) -> int:
    """Where a mention at ``start`` begins if "week commencing" / "w/c" comes before its
    day ("the week commencing 24 April" is one mention of a week); else ``start``."""
    m = _WEEK_COMMENCING.search(text, max(0, start - 30), start)
    return m.start() if m is not None else start


def absolute_day(text: str) -> date | None:
    """The day ``text`` states if it is little more than one absolute date ("Monday 16 June
    2025 10:32 BST", "June 16, 2025"); else ``None``."""
    mentions = [m for m in find_mentions(text, None) if not m.relative and m.span is not None]
    if not mentions:
        return None
    m = mentions[0]
    assert m.span is not None
    if m.span.start != m.span.end:
        return None
    rest = text[: m.offset] + " " + text[m.end :]
    for word in re.findall(r"[^\W\d_]+", rest):
        if word[0].islower() and word not in ("am", "pm", "at", "on", "by", "updated", "published"):
            return None
    return m.span.start
