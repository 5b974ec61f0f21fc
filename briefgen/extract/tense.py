"""Which way a sentence points in time: the ``direction`` its bare dates are read in.

"Our Budget in October will be difficult" means the coming October; "The report was
published in October" the last one. ``parse_date`` never guesses this: ``extract`` decides
it per sentence here, from cues, and passes it in.

The rule: a sentence with a future cue is ``"future"``; else one with a past cue is
``"past"``; else ``None`` (``parse_date``'s own conventions). Future cues win because the
past cues that share a sentence with them are mostly reporting verbs ("The minister said
the Budget will be in October").

- future cues: "will", "shall", "is/are due to", "is/are set to", "expects/expected to",
  "plans/planning to", "intends to", "is/are to be", "the coming", "next", "until",
  "from ... onwards", "upcoming", "forthcoming", and "by" before a date ("by the end of
  February", "by March");
- past cues: "was", "were", "had", "said", "announced", "last", "ago", "did", "took place".
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
_FUTURE = re.compile(
    r"\b(?:will|shall|won't|(?:is|are|was|were) due to|(?:is|are) set to|"
    r"expects?(?: to)?|expected to|plans? to|planning to|intends? to|(?:is|are) to be|"
    r"the coming|next|until|till|upcoming|forthcoming|"
    rf"by (?:the (?:end|start|beginning|middle) of |early |mid-?|late |the )?"
    rf"(?:{_MONTH}|{_WEEKDAY}|[0-9]{{1,2}}(?:st|nd|rd|th)?\b|spring|summer|autumn|winter))\b"
    r"|\bfrom\b[^.;]*\bonwards?\b",
    re.I,
)
_PAST = re.compile(r"\b(?:was|were|had|said|announced|last|ago|did|took place)\b", re.I)
_ABBREVIATIONS = frozenset(
    "jan feb mar apr jun jul aug sep sept oct nov dec c ca approx mr mrs ms dr st no vs "
    "e g i rt hon".split()
)
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)\]]*\s+(?=[\"“‘(\[]*[A-Z0-9])|\n\s*\n")


def sentence_direction(sentence: str) -> Direction | None:
    """The direction of one sentence's bare dates: see the module's rule."""
    if _FUTURE.search(sentence):
        return "future"
    if _PAST.search(sentence):
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


def directions(text: str) -> list[tuple[int, int, Direction | None]]:
    """Each sentence of ``text`` with its direction: (start, end, direction)."""
    return [(s, e, sentence_direction(text[s:e])) for s, e in sentence_spans(text)]
