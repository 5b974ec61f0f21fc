"""Which way a sentence points in time: the ``direction`` its bare dates are read in.

"Our Budget in October will be difficult" means the coming October; "The report was
published in October" the last one. ``parse_date`` never guesses this: ``extract`` decides
it per sentence here, from cues, and passes it in.

The rule, from what news and briefing sentences do (TempEval-3 as a check):

- a strong future cue makes the sentence ``"future"``: "will", "shall", "is/are due to",
  "set to", "scheduled", "as soon as", "expects/expected to", "plans/planning to",
  "intends to/for", "propose to", "aims to", "is/are to be", "planned/proposed for",
  "is being lowered in", "pushed back/postponed ... until/to",
  "the coming", "next" before a date word ("next week", "next Monday"; not "next to"),
  "upcoming", "forthcoming", "preparing for", "from ... onwards", and a timetable's
  present tense ("opens", "closes at noon on", "restart in", "finish at the end of",
  "arrive in", "returns to ... in", "runs to", "sits on", "launches in", "apply from",
  "go out in", "comes in from", and the House's "rises on", "returns on", "adjourns on");
- a bounded cue, "by" before a date ("by the end of February") or "until", is ``"future"``
  only in a sentence without a past auxiliary ("was", "were", "had", "did"): "had filed
  reports by Wednesday", "had lived there until 2 September" look back, and so does a
  thing done by then ("filed their returns by 31 January", but not "published a plan to
  deliver it by March");
- an event cue makes it ``"past"``: "took place", "was held", "was published", "happened",
  "ago" and the like. Reporting verbs and auxiliaries ("said", "was", "had") are not: news is
  told in the past tense whatever the date of what it reports ("said it would extend the bid
  to Nov. 6"), and a day-month in the next three months is usually a coming date;
- in a future clause a bare weekday that is the page's own ("On Thursday it will be
  Supply", said on a Thursday) is next week's: that day itself would be "today";
- else ``None`` (``parse_date``'s own conventions), except for a month named before the
  thing it dates ("the November recess", "the February Budget meeting", "the June
  figures"), which, with no cue, is the nearer of the last and the next such month.

Two kinds of date are read by their own cue, whatever the sentence's: the date of a report
("said Wednesday", "announced on Monday that it will ...") is ``"past"``, and a quarter or
half named as an accounting period ("third-quarter earnings", "a loss for the third
quarter") is ``None``, the latest one (results come after the period, so "expects to
report third-quarter earnings" in October means this year's).

A sentence's cues are weighed clause by clause: "pushed back from March until September,
as revealed by HSJ in February" has a future clause and a past one. A clause ends at a
semicolon, colon or spaced dash, at a comma before "as", "which", "when", "while" ... or
before "and"/"but" with a subject, before "when"/"once"/"if" with a subject, and at the
"that" after a reporting verb (whose own clause is the report's, so past). In a clause a
date takes the nearest cue before it, else the nearest after it ("In January, we published
a plan to deliver ..." is past; "I signed in May there will be ..." too). Past event verbs
("published", "revealed", "announced", "signed"; not "to be published") and "since" are
cues for their own clause only. A clause without a cue takes the sentence's direction.
"""

from __future__ import annotations

import re
from datetime import date
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
    r"\b(?:will|shall|won't|(?:is|are|was|were)(?: \w+ly)? due to|set to|scheduled|as soon as|"
    r"expects?(?: to)?|expected to|(?<!announced )(?<!unveiled )plans? to|planning to|"
    r"intends? (?:to|for)|propos(?:e|es|ing) to|(?:is|are) to be|planned for|proposed for|"
    r"aim(?:s|ing)? to|"
    r"(?:is|are) being \w+ed (?=(?:in|on|from)\b)|"
    rf"the coming|next (?:{_DATE_WORD}|few|couple|financial|academic|tax|session)|"
    r"upcoming|forthcoming|prepar(?:e|es|ing) for|(?:just )?(?:a)?round the corner|"
    r"(?:is|are) due|comes? into (?:force|effect)|takes? effect|"
    r"(?:is|are) expected|the deadline (?:is|for)|"
    rf"(?:before|ahead of|meet) the (?:[0-9]{{1,2}} {_MONTH}|{_MONTH} [0-9]{{1,2}}) deadline|"
    r"(?<!did not )(?<!didn.t )(?<!\bhad )(?<!\bhas )(?<!\bhave )(?<!\bto )"
    r"(?:(?:re)?opens?|closes?|(?:re)?starts?|begins?|ends|finish(?:es)?|meets?(?: again)?|"
    r"goes live|go live|arrives?|returns? to|runs?|resumes?|sits?|deploys?|takes? place|"
    r"launch(?:es)?|appl(?:y|ies)|go(?:es)? out|comes? in)"
    r"(?= to\b|(?: [\w-]+){0,4}? (?:in|on|from)\b| at (?:[0-9]|noon|midday|midnight)"
    r"| at the (?:end|start|beginning|close) of))\b"
    r"|\b(?:House|Parliament|Commons|Lords|Chamber|Senedd|Assembly)(?: will)?"
    r" (?:rises?|returns?|adjourns?|reassembles?|prorogues?|dissolves?|is prorogued)"
    rf"(?:,? [\w ]{{0,30}}?,)?(?: (?:and|to) \w+)? (?:on|in) (?=(?:{_WEEKDAY}|[0-9]+|{_MONTH})\b)"
    r"|\bfrom\b[^.;]*\bonwards?\b",
    re.I,
)
_BOUNDED = re.compile(
    r"\b(?:until|till|"
    rf"by (?:the (?:end|start|beginning|middle) of |early |mid-?|late |the (?=[0-9]))?"
    rf"(?:{_MONTH}|{_WEEKDAY}|[0-9]{{1,2}}(?:st|nd|rd|th)\b|[0-9]{{1,2}}(?= {_MONTH})|"
    rf"{_SEASON}))\b",
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
    r"confirmed|declared|stated|added|claimed|insisted|argued|admitted|"
    r"(?:pledg|promis|vow|warn|announc|claim|insist)(?:ed|ing))"
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

_POSTPONED = re.compile(
    r"\b(?:(?:pushed|put|moved) back|postponed|delayed|deferred|extended)\b"
    r"(?=[^.;,]{0,60}\b(?:until|till|to)\b)",
    re.I,
)
_PAST_EVENT_VERB = re.compile(
    r"(?<!\bbe )(?<!\bto )(?<!\bis )(?<!\bare )(?<!\bwill )(?<!\bwould )"
    r"\b(?:published|revealed|announced|signed|launched|unveiled|released|held|"
    r"completed|approved|awarded|agreed|introduced|established|founded|elected|appointed|"
    r"issued|granted|began|started|met|visited)\b",
    re.I,
)
# a thing done "by" a day: "filed their returns by 31 January" looks back (but "published a
# plan to deliver by March" looks forward: an infinitive or modal between turns it)
_DONE_BY = re.compile(
    r"(?<!\bbe )(?<!\bbeen )(?<!\bto )(?<!\bis )(?<!\bare )(?<!\bwill )(?<!\bmust )"
    r"\b(?:filed|submitted|paid|beat|sent|received|registered|delivered|finished|completed|"
    r"met|reached|hit|achieved)\b"
    r"(?:(?!\b(?:to(?! [0-9])|will|would|must|should|shall|can|need|needs)\b)[^;])*$",
    re.I,
)
_SINCE = re.compile(r"\bsince\b", re.I)
_REPORTING_THAT = re.compile(rf"\b{_REPORTING}\b(?=[^,;.]{{0,40}}\bthat\b)", re.I)
_SUBJECT = (
    r"(?:I|we|he|she|it|they|you|there|this|these|those|the|its|their|our|his|her|"
    r"[A-Z][a-z]+)\b"
)
_CLAUSE_BREAK = re.compile(
    r"\s*[;:]\s+|\s+[–—-]{1,2}\s+"
    rf"|,\s+(?=(?:as|which|when|while|whereas|although|though)\b|(?:and|but) {_SUBJECT})"
    rf"|\s(?=(?:when|once|if) {_SUBJECT})",
)

Piece = tuple[int, int, Direction | None]
Cue = tuple[int, Direction]


def sentence_direction(sentence: str) -> Direction | None:
    """The direction of one sentence's bare dates: see the module's rule."""
    if _FUTURE.search(sentence):
        return "future"
    bounded = [m for m in _BOUNDED.finditer(sentence) if not _DONE_BY.search(sentence[: m.start()])]
    if bounded and not _PAST_TENSE.search(_BOUNDED.sub(" ", sentence)):
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


def clause_spans(sentence: str) -> list[tuple[int, int]]:
    """(start, end) of each clause of ``sentence``: see the module's rule."""
    cuts = [m.end() for m in _CLAUSE_BREAK.finditer(sentence)]
    for m in _REPORTING_THAT.finditer(sentence):
        cuts.append(sentence.index("that", m.end()))
    starts = sorted({0, *cuts})
    return [(a, b) for a, b in zip(starts, [*starts[1:], len(sentence)], strict=True) if a < b]


def clause_cues(clause: str) -> list[Cue]:
    """Where the tense cues of one clause are, and which way each points, in order."""
    cues: list[Cue] = [(m.start(), "future") for m in _FUTURE.finditer(clause)]
    cues += [(m.start(), "future") for m in _POSTPONED.finditer(clause)]
    if not _PAST_TENSE.search(_BOUNDED.sub(" ", clause)):
        cues += [
            (m.start(), "past" if _DONE_BY.search(clause[: m.start()]) else "future")
            for m in _BOUNDED.finditer(clause)
        ]
    for pattern in (_EVENT_PAST, _PAST_EVENT_VERB, _SINCE):
        cues += [(m.start(), "past") for m in pattern.finditer(clause)]
    return sorted(cues)


# "if the question were put again on Monday", "were it to open in May": no past tense
_SUBJUNCTIVE = re.compile(r"\bif\b[^,;]*\bwere\b|\bwere (?:it|they|we|he|she|to)\b", re.I)


def _clause_pieces(sentence: str) -> list[Piece]:
    """``sentence`` cut into pieces by clause and by cue: a date in a piece takes the
    nearest cue at or before it in its clause, else the first after, else the sentence's."""
    fallback = sentence_direction(sentence)
    reporting = [m.start() for m in _REPORTING_THAT.finditer(sentence)]
    pieces: list[Piece] = []
    for start, end in clause_spans(sentence):
        clause = sentence[start:end]
        cues = clause_cues(clause)
        cues = sorted(cues + [(at - start, "past") for at in reporting if start <= at < end])
        if not cues:
            past_clause = (
                fallback == "future" and _PAST_TENSE.search(clause)
                and not _SUBJUNCTIVE.search(clause)
            )  # fmt: skip
            pieces.append((start, end, None if past_clause else fallback))
            continue
        bounds = [start] + [start + at for at, _ in cues[1:]] + [end]
        pieces += [
            (a, b, direction)
            for a, b, (_, direction) in zip(bounds, bounds[1:], cues, strict=False)
            if a < b
        ]
    return pieces


def directions(text: str) -> list[Piece]:
    """``text`` cut into pieces, each with its direction: (start, end, direction). A piece
    is a clause or part of one (see the module), or the part of a sentence that a date with
    its own cue takes."""
    pieces: list[Piece] = []
    for s, e in sentence_spans(text):
        sentence = text[s:e]
        own = _own_cues(sentence)
        for a, b, direction in _clause_pieces(sentence):
            at = a
            for start, end, own_direction in own:
                if end <= at or start >= b:
                    continue
                if start > at:
                    pieces.append((s + at, s + start, direction))
                if start >= a:
                    pieces.append((s + start, s + end, own_direction))
                at = max(at, end)
            if at < b:
                pieces.append((s + at, s + b, direction))
    return pieces


_MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip
_ATTRIBUTIVE = re.compile(
    r"\b[Tt]he\s+(?P<month>" + "|".join(m.capitalize() for m in _MONTH_NAMES) + r")"
    r"\s+(?!(?:of|to|and|or|until|till|through|onwards?|[0-9]|\W))[A-Za-z]"
)


def attributive_month(text: str, start: int, anchor: date) -> Direction | None:
    """The direction of a month named before the thing it dates ("the November recess") at
    ``start``: towards the nearer of the last and the next such month from ``anchor``
    (``"past"`` on a tie); ``None`` if the word at ``start`` is not such a month."""
    m = _ATTRIBUTIVE.match(text, max(0, start - 4))
    if m is None or m.start("month") != start:
        return None
    month = _MONTH_NAMES.index(m["month"].lower()) + 1
    back, ahead = (anchor.month - month) % 12, (month - anchor.month) % 12
    return "future" if ahead < back else "past"


_BARE_WEEKDAYS = re.compile(rf"(?:the )?{_WEEKDAY}(?: (?:and|or|to|&) (?:on )?{_WEEKDAY})?")
_BEFORE_WEEKDAY = re.compile(r"(?:^|[.!?:;]\s*|\b(?:on|for)\s+)$", re.I)


def names_the_weekday_ahead(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` only a weekday or two ("Thursday and Friday"), after "on",
    "for" or at the start of a sentence, and not a report's date ("on Friday that")? A
    future clause said on that weekday means it in the next week ("On Thursday it will be
    Supply", said on a Thursday: that day itself would be "today"; American news's "the
    court Thursday refused" is left alone)."""
    words = " ".join(text[start:end].lower().split())
    words = re.sub(r"^(?:on|for) ", "", words)
    if _BARE_WEEKDAYS.fullmatch(words) is None or text[end : end + 5].lower() == " that":
        return False
    if text[start:end].lower().startswith(("on ", "for ")):
        return True
    return _BEFORE_WEEKDAY.search(text[max(0, start - 12) : start]) is not None
