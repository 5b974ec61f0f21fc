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
from datetime import date
from functools import lru_cache

from briefgen.dates import DateError, DateSpan, parse_date
from briefgen.extract.tense import Direction, directions
from briefgen.extract.vocab import (
    _ABBREVIATED,
    _AGE_CUES,
    _AMBIGUOUS,
    _APPROXIMATORS,
    _DATE_WORDS,
    _FUNCTION_WORDS,
    _INNER_PUNCT,
    _MONTH_CUES,
    _MONTHS,
    _NAME_ENDINGS,
    _POSSESSIVES,
    _PREPOSITIONS,
    _QUANTITY_CUES,
    _SEASON_CUES,
    _VOCAB,
    _WEEKDAY_ABBREVIATIONS,
    _WEEKDAYS,
    _YEAR_PREPOSITIONS,
    WEAK,
)

# two anchors far apart: an expression that reads the same against both is absolute
_PROBE_ANCHORS = (date(2003, 7, 9), date(2017, 2, 21))
_MAX_LEFT = 6  # tokens a mention may reach before its date word ("between early ...")
_MAX_RIGHT = 8  # and after it ("June 2011 to late March 2015")

_TOKEN = re.compile(r"[^\W_]+(?:['’][sS](?![^\W_]))?|[^\w\s]")


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str
    low: str

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()


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


def tokenize(text: str) -> list[Token]:
    """Words (with a possessive 's), numbers and single punctuation marks, with offsets."""
    return [Token(m.start(), m.end(), m[0], _low(m[0])) for m in _TOKEN.finditer(text)]


def _low(word: str) -> str:
    low = word.lower()
    if low.endswith(("'s", "’s")) and len(low) > 2:
        low = low[:-2]
    return low


def _is_number(low: str) -> bool:
    return low[:1].isdigit()


def _is_core(tok: Token) -> bool:
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


def _joinable(tokens: list[Token], i: int, text: str) -> bool:
    """May token ``i`` be part of a date expression's window?"""
    tok = tokens[i]
    if tok.is_word:
        return tok.low in _VOCAB or _is_number(tok.low)
    if tok.text in "()":  # "Quarter 1 (January to March) 2023": months restated in brackets
        near = tokens[i + 1] if tok.text == "(" else tokens[i - 1]
        return 0 < i < len(tokens) - 1 and near.low in _MONTHS
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
        return (
            before is not None and after is not None
            and (before.low in _WEEKDAYS or _is_number(before.low))
            and (_is_number(after.low) or after.low in _MONTHS)
        )  # fmt: skip
    return True


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
    sentences = directions(text)
    starts = [start for start, _, _ in sentences]
    found: list[Mention] = []
    floor = 0  # the first token a new mention may use
    i = 0
    last_report = 0
    while i < len(tokens):
        if progress is not None and tokens[i].start - last_report > 20_000:
            progress(tokens[i].start)
            last_report = tokens[i].start
        if i < floor or not _is_core(tokens[i]):
            i += 1
            continue
        direction = sentences[bisect_right(starts, tokens[i].start) - 1][2]
        best = _best_window(tokens, i, floor, text, anchor, month_first, wrapped, direction)
        if best is None:
            i += 1
            continue
        s, e, span, relative = best
        if (
            tokens[s].low == "the" and e == s + 1 and re.fullmatch(r"[0-9]{4}", tokens[e].low)
            and e + 1 < len(tokens) and tokens[e + 1].is_word
        ):  # fmt: skip
            s += 1  # "the 2012 Olympics": the date is "2012"
        s, span, relative = _drop_preposition(
            tokens, s, e, text, anchor, month_first, span, relative, direction
        )
        if _not_a_date(tokens, s, e, text) is None:
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
            normal = " ".join(mention_text.lower().split())
            found.append(
                Mention(mention_text, begin, tokens[e].end - begin, span, relative, normal in WEAK)
            )
        floor = e + 1
        i = e + 1
    if progress is not None:
        progress(len(text))
    return found


def is_wrapped(text: str) -> bool:
    """Is ``text`` hard-wrapped (paragraphs broken into lines of at most ~100 characters),
    rather than one paragraph per line?"""
    lines = [line for line in text.splitlines() if line.strip()]
    if len(lines) < 4:
        return False
    long = sum(len(line) > 100 for line in lines)
    lengths = sorted(len(line) for line in lines)
    return long <= 0.1 * len(lines) and lengths[len(lengths) // 2] >= 50


def line_break(text: str, start: int, end: int, wrapped: bool) -> bool:
    """Does the gap ``text[start:end]`` break the text? Any newline does, unless the text
    is hard-wrapped: there only a blank line, a line ending in punctuation, a short line (a
    heading) or an indented next line does."""
    gap = text[start:end]
    if "\n" not in gap:
        return False
    if not wrapped or gap.count("\n") > 1:
        return True
    after = start + gap.rindex("\n") + 1
    if text[after : after + 1] in (" ", "\t"):
        return True
    line = text[text.rfind("\n", 0, start) + 1 : start].rstrip()
    return len(line) < 40 or line[-1:] in '.!?:;"”’)]|'


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
        and _joinable(tokens, left - 1, text)
        and not line_break(text, tokens[left - 1].end, tokens[left].start, wrapped)
    ):  # fmt: skip
        left -= 1
    right = i
    while (
        right + 1 < len(tokens) and (right + 1) - i <= _MAX_RIGHT
        and _joinable(tokens, right + 1, text)
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
    windows.sort(key=lambda w: (tokens[w[0]].start - tokens[w[1]].end, w[0]))
    for s, e in windows:
        candidate = text[tokens[s].start : tokens[e].end]
        span, relative, ok = read_span(candidate, anchor, month_first, direction)
        if ok:
            return s, e, span, relative
    return None


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


# nouns an ordinal counts ("our 20th year", "the 50th anniversary"): not a day of the month
_COUNTED_NOUNS = frozenset(
    "year years anniversary birthday century centuries season term session edition time "
    "times decade generation place floor round".split()
)
_WEEK_COMMENCING = re.compile(
    r"(?:\bthe\s+)?(?:\bweek\s+(?:commencing|beginning|starting)|\bw/[cb]\.?|\bw\.[cb]\.)\s*$",
    re.I,
)


def week_commencing(text: str, start: int) -> int:
    """Where a mention at ``start`` begins if "week commencing" / "w/c" comes before its
    day ("the week commencing 24 April" is one mention of a week); else ``start``."""
    m = _WEEK_COMMENCING.search(text, max(0, start - 30), start)
    return m.start() if m is not None else start


def _word_before(tokens: list[Token], s: int, n: int = 1) -> list[Token]:
    """Up to ``n`` word tokens before ``s`` (nearest last), stopping at sentence punctuation."""
    out: list[Token] = []
    j = s - 1
    while j >= 0 and len(out) < n:
        tok = tokens[j]
        if tok.is_word:
            out.insert(0, tok)
        elif tok.text in '.!?;:"“”()[]':
            break
        j -= 1
    return out


def _sentence_initial(tokens: list[Token], s: int, text: str) -> bool:
    if s == 0:
        return True
    prev = tokens[s - 1]
    return prev.text in ".!?:\"“”‘'`(—-" or "\n" in text[prev.end : tokens[s].start]


def _not_a_date(tokens: list[Token], s: int, e: int, text: str) -> str | None:
    """Why the window ``s..e`` only looks like a date (a law's name, an age, a count, an
    ordinal, a programme's name ...), or ``None`` if it is a date."""
    words = [t for t in tokens[s : e + 1] if t.is_word]
    lows = [t.low for t in words]
    content = [w for w in lows if w not in _PREPOSITIONS and w != "the"]
    before = _word_before(tokens, s, 3)
    prev = before[-1] if before else None
    prev_low = prev.low if prev else ""
    after = tokens[e + 1] if e + 1 < len(tokens) else None
    after_word = after if after is not None and after.is_word else None
    before_text = " ".join(t.low for t in before)
    tail = text[tokens[e].end : tokens[e].end + 14].lower()

    approximate = [w for w in content if w not in _APPROXIMATORS]
    if (
        len(approximate) == 1 and len(content) == 2 and re.fullmatch(r"[0-9]{4}", approximate[0])
        and after_word is not None and after_word.text.islower()
        and after_word.low not in _VOCAB and after_word.low not in _FUNCTION_WORDS
    ):  # fmt: skip
        return "count"  # "about 2024 staff"
    bare_year = len(content) == 1 and re.fullmatch(r"[0-9]{4}", content[0]) is not None
    if bare_year:
        if content[0].startswith("0"):
            return "not a year"  # "0735 GMT"
        if prev is not None and prev.text.endswith(("'s", "’s")) and len(before) > 0:
            return "name"  # "Kopp's 1987 Chevrolet"
        if (
            prev is not None
            and prev.text[0].isupper()
            and prev_low not in _YEAR_PREPOSITIONS
            and prev_low not in _MONTHS
            and not _sentence_initial(tokens, s - 1, text)
        ) or prev_low in _NAME_ENDINGS:
            return "name"  # "Inquiries Act 2005", "Vision 2030"
        if prev_low in _QUANTITY_CUES or before_text.endswith(
            ("more than", "less than", "fewer than", "up to")
        ):
            return "count"
        if tail.startswith(("%", " per cent", " percent", "-page", " pages", " people")):
            return "count"
        if (
            after_word is not None and after_word.text.islower() and after_word.low not in _VOCAB
            and after_word.low.endswith("s") and not after_word.low.endswith("ss")
            and len(after_word.low) > 3 and prev_low not in _YEAR_PREPOSITIONS
            and not (s > 0 and tokens[s - 1].text == "-")
        ):  # fmt: skip
            return "count"  # "2000 cases"
        if s > 0 and tokens[s - 1].text in "£$€#," and tokens[s - 1].end == tokens[s].start:
            return "count"
        if (after is not None and after.text in "%") or (
            after is not None
            and after.text in ",."
            and after.end < len(text)
            and tokens[e].end == after.start
            and text[after.end : after.end + 1].isdigit()
        ):
            return "count"  # "2,000", "2005.5"
    if tail.startswith((" years old", "-year-old", " year old", "-years-old", " old", "-old")):
        return "age"
    if any(before_text.endswith(cue) for cue in _AGE_CUES) and (
        len(content) == 1 and re.fullmatch(r"[0-9]{1,2}0?s?", content[0] or "")
    ):
        return "age"
    if len(content) == 2 and content[0] in _POSSESSIVES and re.fullmatch(r"[0-9]0s", content[1]):
        return "age"  # "in their 20s"
    if (
        len(content) == 1
        and re.fullmatch(r"'?[0-9]0'?s", content[0])
        and (
            prev_low in _POSSESSIVES
            or prev_low in ("under", "over")
            or (
                before_text.endswith(("in their", "in his", "in her", "early", "late", "mid"))
                and any(b.low in _POSSESSIVES for b in before)
            )
        )
    ):
        return "age"  # "in their 20s", "under-10s"
    counted = [w for w in content if w not in _POSSESSIVES]
    if (
        len(counted) == 1
        and re.fullmatch(r"[0-9]{1,3}(?:st|nd|rd|th)", counted[0])
        and after_word is not None
        and after_word.low in _COUNTED_NOUNS
    ):
        return "ordinal"  # "our 20th year in business", "the 50th anniversary"
    if len(content) == 1 and re.fullmatch(r"(?:the )?[0-9]{1,2}(?:st|nd|rd|th)", content[0]):
        if prev_low not in ("on", "by", "until", "till", "from", "since", "of"):
            return "ordinal"  # "the 19th report"
        if after_word is not None and after_word.low not in _VOCAB:
            return "ordinal"  # "on the 19th floor"
    if len(content) == 1 and content[0] in _AMBIGUOUS:
        word = words[-1]
        if word.low in ("may", "march", "jan", "dec", "aug"):
            if (
                not word.text[0].isupper()
                or prev_low not in _MONTH_CUES
                or (
                    after_word is not None
                    and after_word.text.islower()
                    and after_word.low not in _VOCAB
                )
            ):
                return "verb or name"  # "Theresa May", "they may march"
        elif word.low in ("fall", "spring"):
            if prev_low not in _SEASON_CUES:
                return "verb"
            if tail.startswith(" of "):
                return "noun"  # "the fall of the government"
        elif word.low in _WEEKDAY_ABBREVIATIONS:
            return "name"  # "The Sun", "Sat"
        elif word.low in ("second", "present", "moment") and len(lows) == 1:
            return "not a date"
    if len(words) == 1 and words[0].low in ("today", "tonight", "now"):
        if words[0].text[0].isupper() and not _sentence_initial(tokens, s, text):
            return "name"  # "the Today programme", "USA Today"
        if after_word is not None and after_word.text[0].isupper() and words[0].text[0].isupper():
            return "name"  # "Today Programme"
        if s > 0 and tokens[s - 1].text in "'’" and words[0].text[0].isupper():
            return "name"
    if (
        words[0].text[0].isupper()
        and len(words) == 1
        and prev is not None
        and (prev.text.endswith(("'s", "’s")) and words[0].low in ("today", "tonight"))
    ):
        return "name"  # "Radio 4's Today"
    return None


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
