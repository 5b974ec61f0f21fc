"""Property tests: ``parse_date`` returns an ordered, labelled span or raises ``DateError``.

Whatever the text and whatever the anchor in years 1-9999, no other exception escapes.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.dates import PRECISIONS, DateError, DateSpan, parse_date

ANCHORS = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))

# Edge anchors are where calendar arithmetic overflows; weight them in.
EDGE_ANCHORS = st.sampled_from(
    [date(1, 1, 1), date(1, 1, 7), date(9999, 12, 31), date(9999, 12, 25), date(2024, 2, 29)]
)

VOCABULARY = [
    # numbers, including ones that are not days, months or years
    "0", "00", "1", "7", "12", "13", "16", "29", "30", "31", "32", "99", "100", "0000",
    "0001", "1990", "2011", "2025", "9999", "10000", "99999999999999999999",
    "1st", "2nd", "3rd", "16th", "31st", "20th", "101st",
    # months, weekdays, seasons
    "January", "Feb", "Feb.", "March", "April", "may", "June", "Sept.", "December",
    "Monday", "tues", "Friday", "Saturday", "Sunday", "spring", "summer", "autumn",
    "winter", "fall",
    # relative and part words
    "today", "yesterday", "tomorrow", "now", "tonight", "morning", "night", "last", "next",
    "this", "past", "coming", "recent", "ago", "earlier", "later", "early", "mid", "late",
    "start", "end", "middle", "beginning", "since", "between", "and", "to", "until", "from",
    "in", "on", "at", "the", "of", "c.", "c", "circa", "around", "about", "or so", "weekend",
    "week", "weeks", "month", "months", "year", "years", "day", "days", "decade", "century",
    "quarter", "Q1", "Q4", "H2", "first", "third", "fourth", "half", "a", "two", "twenty",
    "s", "'s", "2010s", "'90s", "nineties", "fiscal", "BC", "AD", "Christmas", "Easter",
    "week of", "w/c", "9am", "3.30pm", "noon", "nineteen", "ninety-six", "thousand",
    # punctuation, dashes and odd characters
    "-", "–", "—", "/", ".", ",", "'", "(", ")", " ", "  ", "\t", "\u00a0", "\u2212",
    "\u0663", "\uff12", "İ", "ß", "\u200b", "é",
]  # fmt: skip

DATEISH = st.lists(st.sampled_from(VOCABULARY), max_size=8).map(" ".join) | st.lists(
    st.sampled_from(VOCABULARY), max_size=8
).map("".join)


def check(text: str, anchor: date, month_first: bool = False) -> None:
    """The property: an ordered, labelled span, or DateError with a reason and hint."""
    try:
        span = parse_date(text, anchor, month_first=month_first)
    except DateError as exc:
        assert exc.reason
        assert exc.hint
        return
    assert isinstance(span, DateSpan)
    assert span.start <= span.end
    assert span.label.strip()
    assert span.precision in PRECISIONS
    assert isinstance(span.approximate, bool)


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=40), ANCHORS)
def test_arbitrary_text_never_crashes(text: str, anchor: date) -> None:
    check(text, anchor)


@settings(max_examples=500, deadline=None)
@given(DATEISH, ANCHORS | EDGE_ANCHORS, st.booleans())
def test_dateish_text_never_crashes(text: str, anchor: date, month_first: bool) -> None:
    check(text, anchor, month_first)


@settings(max_examples=300, deadline=None)
@given(
    st.integers(min_value=-5, max_value=40),
    st.integers(min_value=-2, max_value=14),
    st.integers(min_value=0, max_value=10_001),
    st.sampled_from(["{d}/{m}/{y}", "{y}-{m:02d}-{d:02d}", "{d} {month} {y}", "{month} {d}, {y}"]),
    EDGE_ANCHORS | ANCHORS,
)
def test_numeric_dates_are_valid_or_refused(
    day: int, month: int, year: int, form: str, anchor: date
) -> None:
    months = ["", "January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December"]  # fmt: skip
    name = months[month] if 1 <= month <= 12 else "Smarch"
    text = form.format(d=day, m=abs(month), y=year, month=name)
    check(text, anchor)


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(
        [
            "yesterday",
            "tomorrow",
            "last week",
            "next week",
            "last month",
            "next year",
            "last year",
            "this week",
            "at the weekend",
            "next weekend",
            "in recent months",
            "in the coming months",
            "the past decade",
            "next century",
            "last Christmas",
            "next Easter",
            "three years ago",
            "in 9999 years",
            "10000 days ago",
            "the 90s",
            "later this year",
            "earlier this week",
            "the third quarter",
            "last spring",
            "next winter",
            "on Monday",
            "next Sunday",
            "29 February",
            "the 31st",
            "Q1 to Q3",
            "14 December to 2 January",
        ]
    ),
    EDGE_ANCHORS | ANCHORS,
)
def test_relative_forms_at_calendar_edges(text: str, anchor: date) -> None:
    check(text, anchor)
