"""The ordering rule as a table: pairs of dated events and which one the reader sees first.

The rule (README, "Order"): a span of up to a week is placed at its last day, a longer one
at its first; on the same day the narrower interval comes first, then the author's order.
So a few days' span never comes before a more precise event inside it, while a named
period ("June 2025", "2015-2022") still introduces the events of that period.
"""

from __future__ import annotations

import json
from datetime import date

import pytest

from briefgen.cli import cli
from briefgen.dates import parse_date
from briefgen.model import Brief, Event
from briefgen.order import order_events
from tests.conftest import EXAMPLE

ANCHOR = date(2025, 6, 16)  # a Monday

# (written first in the file, written second, which comes first: "first" or "second")
ORDER_TABLE = [
    # a few days' span that contains a more precise event comes after it
    ("in recent days", "at the weekend", "second"),
    ("in recent days", "on Thursday", "second"),
    ("in recent days", "today", "second"),
    ("last week", "on Thursday 12 June 2025", "second"),
    ("10-16 June 2025", "14-15 June 2025", "second"),
    ("at the weekend", "Saturday 14 June 2025", "second"),
    ("at the weekend", "Sunday 15 June 2025", "second"),
    # ... and a precise event already first stays first
    ("at the weekend", "in recent days", "first"),
    ("14 June 2025", "at the weekend", "first"),
    # a few days' span comes before what is wholly after its last day
    ("in recent days", "17 June 2025", "first"),
    ("last week", "today", "first"),
    # a named period is placed at its start, before the events of that period
    ("June 2025", "14-15 June 2025", "first"),
    ("2015-2022", "2016", "first"),
    ("2015-2022", "in 2015", "second"),  # same start: the narrower first
    ("earlier this year", "at the weekend", "first"),
    ("the start of this year", "earlier this year", "first"),
    ("since January 2025", "in February 2025", "first"),
    ("spring 2025", "April 2025", "first"),
    # a month, a year: the earlier start first, whatever the file order
    ("2016", "2015-2022", "second"),
    ("July 2025", "June 2025", "second"),
    # same interval: the author's order
    ("16 June 2025", "today", "first"),
    ("today", "16 June 2025", "first"),
    ("in recent days", "10-16 June 2025", "first"),
]


def _event(text: str, index: int) -> Event:
    return Event(date=text, title=text, index=index, span=parse_date(text, ANCHOR))


@pytest.mark.parametrize(("a", "b", "expected"), ORDER_TABLE)
def test_order_table(a, b, expected):
    brief = Brief(title="t", as_of=ANCHOR, events=(_event(a, 0), _event(b, 1)))
    got = [e.title for e in order_events(brief).events]
    assert got == ([a, b] if expected == "first" else [b, a])


def test_no_short_span_before_a_narrower_event_inside_it():
    """Over every pair of the table's expressions: a span of up to a week that contains a
    narrower interval never comes before it."""
    texts = sorted({t for row in ORDER_TABLE for t in row[:2]})
    events = [_event(t, i) for i, t in enumerate(texts)]
    ordered = order_events(Brief(title="t", as_of=ANCHOR, events=tuple(events))).events
    position = {e.title: i for i, e in enumerate(ordered)}
    for wide in ordered:
        for narrow in ordered:
            w, n = wide.span, narrow.span
            assert w is not None and n is not None
            short = (w.end - w.start).days < 7
            inside = w.start <= n.start and n.end <= w.end and (w.start, w.end) != (n.start, n.end)
            if short and inside:
                assert position[narrow.title] < position[wide.title], (wide.title, narrow.title)


def test_example_commitment_comes_before_what_followed_it(runner):
    result = runner.invoke(cli, ["events", str(EXAMPLE), "--format", "json"])
    assert result.exit_code == 0, result.output
    titles = [e["title"] for e in json.loads(result.stdout)]
    commits = titles.index("Starmer commits to a statutory national inquiry")
    assert commits < titles.index("Downing Street sets out the scope of the new inquiry")
    assert commits < titles.index(
        "National Crime Agency to lead operation on more than 800 cold cases"
    )
    assert titles.index("IICSA examines institutional failures on child sexual abuse") < commits
    assert titles.index("Baroness Casey appointed to lead a rapid national audit") < commits
