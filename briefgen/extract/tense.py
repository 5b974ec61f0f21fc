"""Which way a sentence points in time: the ``direction`` its bare dates are read in.

"Our Budget in October will be difficult" means the coming October; "The report was
published in October" the last one. ``parse_date`` never guesses this: ``extract`` decides
it per sentence here, from cues, and passes it in.

The rule, from what news and briefing sentences do (TempEval-3 as a check):

- a strong future cue makes the sentence ``"future"``: "will", "shall", "is/are due to",
  "set to", "scheduled", "as soon as", "expects/expected to", "plans/planning to",
  "intends to", "is/are to be", "the coming", "next" before a date word ("next week",
  "next Monday"; not "next to"), "upcoming", "forthcoming", "from ... onwards";
- a bounded cue, "by" before a date ("by the end of February") or "until", is ``"future"``
  only in a sentence without a past auxiliary ("was", "were", "had", "did"): "had filed
  reports by Wednesday", "had lived there until 2 September" look back;
- an event cue makes it ``"past"``: "took place", "was held", "was published", "happened",
  "ago" and the like. Reporting verbs and auxiliaries ("said", "was", "had") are not: news is
  told in the past tense whatever the date of what it reports ("said it would extend the bid
  to Nov. 6"), and a day-month in the next three months is usually a coming date;
- else ``None`` (``parse_date``'s own conventions).

Two kinds of date are read by their own cue, whatever the sentence's: the date of a report
("said Wednesday", "announced on Monday that it will ...") is ``"past"``, and a quarter or
half named as an accounting period ("third-quarter earnings", "a loss for the third
quarter") is ``None``, the latest one (results come after the period, so "expects to
report third-quarter earnings" in October means this year's).
"""

from __future__ import annotations

import re
from typing import Literal

Direction = Literal["past", "future"]

_MONTH = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)"
)
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_SEASON = r"(?:spring|summer|autumn|winter)"
_DATE_WORD = rf"(?:{_MONTH}|{_WEEKDAY}|{_SEASON}|week|weekend|month|year|quarter|decade)"
_FUTURE = re.compile(
    r"\b(?:will|shall|won't|(?:is|are|was|were) due to|set to|scheduled|as soon as|"
    r"expects?(?: to)?|expected to|(?<!announced )(?<!unveiled )plans? to|planning to|"
    r"intends? to|(?:is|are) to be|"
    rf"the coming|next (?:{_DATE_WORD}|few|couple|financial|academic|tax|session)|"
    r"upcoming|forthcoming)\b"
    r"|\bfrom\b[^.;]*\bonwards?\b",
    re.I,
)
_BOUNDED = re.compile(
    r"\b(?:until|till|"
    rf"by (?:the (?:end|start|beginning|middle) of |early |mid-?|late |the (?=[0-9]))?"
    rf"(?:{_MONTH}|{_WEEKDAY}|[0-9]{{1,2}}(?:st|nd|rd|th)?\b|{_SEASON}))\b",
    re.I,
)
_PAST_TENSE = re.compile(r"\b(?:was|were|had|did)\b", re.I)
_EVENT_PAST = re.compile(
    r"\b(?:took place|happened|occurred|ago|(?:was|were) (?:held|published|released|"
    r"launched|opened|closed|signed|passed|made|introduced|completed|approved|founded))\b",
    re.I,
)
_REPORTING = (
    r"(?<!\bbe )(?<!\bbeen )(?:said|announced|told \w+|reported|ruled|predicted|warned|"
    r"confirmed|declared|stated|added)"
)
_DAY_MONTH = rf"(?:{_MONTH}\.? [0-9]{{1,2}}\b|[0-9]{{1,2}} {_MONTH}\b)"
_REPORTED_ON = re.compile(
    rf"\b(?:{_REPORTING} (?:on )?|(?:statement|announcement) )"
    rf"(?P<date>{_WEEKDAY}\b(?:,? {_DAY_MONTH})?|{_DAY_MONTH})",
    re.I,
)
_ORDINAL = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)"
_PERIOD_OF_ACCOUNT = re.compile(
    rf"\b{_ORDINAL}-(?:quarter|half)\b"
    rf"|\b(?:loss|losses|profits?|earnings|income|results|charges?|revenues?|sales|"
    rf"dividends?|figures)\b(?:[^.;]|\.(?=[0-9])){{0,120}}?"
    rf"\bfor (?P<period>the {_ORDINAL}[ -](?:quarter|half))",
    re.I,
)
_ABBREVIATIONS = frozenset(
    "jan feb mar apr jun jul aug sep sept oct nov dec c ca approx mr mrs ms dr st no vs "
    "e g i rt hon".split()
)
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)\]']*\s+(?=[\"“‘(\[`']*[A-Z0-9])|\n\s*\n")

Piece = tuple[int, int, Direction | None]


def sentence_direction(sentence: str) -> Direction | None:
    """The direction of one sentence's bare dates: see the module's rule."""
    if _FUTURE.search(sentence):
        return "future"
    if _BOUNDED.search(sentence) and not _PAST_TENSE.search(_BOUNDED.sub(" ", sentence)):
        return "future"
    if _EVENT_PAST.search(sentence):
        return "past"
    return None


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text``: ends at ., ! or ? before a capital or a
    digit, and at blank lines. Rough, which is all a tense cue needs."""
    spans = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        word = re.search(r"(\w+)\W*$", text[max(start, m.start() - 12) : m.start()])
        if word is not None and word[1].lower() in _ABBREVIATIONS:
            continue  # "Jan. 5", "c. 2011", "Mr. Smith": not a sentence end
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return spans


def _own_cues(sentence: str) -> list[tuple[int, int, Direction | None]]:
    """The dates in ``sentence`` read by their own cue (a report's date, a period of
    account): (start, end, direction), offsets in the sentence, in order."""
    found: list[tuple[int, int, Direction | None]] = []
    for m in _REPORTED_ON.finditer(sentence):
        found.append((m.start("date"), m.end("date"), "past"))
    for m in _PERIOD_OF_ACCOUNT.finditer(sentence):
        start, end = m.span("period") if m["period"] else m.span()
        found.append((start, end, None))
    return sorted(found)


def directions(text: str) -> list[Piece]:
    """``text`` cut into pieces, each with its direction: (start, end, direction). A piece
    is a sentence, or the part of one that a date with its own cue takes (see the module)."""
    pieces: list[Piece] = []
    for s, e in sentence_spans(text):
        sentence = text[s:e]
        direction = sentence_direction(sentence)
        at = s
        for start, end, own in _own_cues(sentence):
            if s + start < at:
                continue  # overlaps the previous one
            if s + start > at:
                pieces.append((at, s + start, direction))
            pieces.append((s + start, s + end, own))
            at = s + end
        pieces.append((at, e, direction))
    return pieces
