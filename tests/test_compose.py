"""Compose: golden text renders of the example's documents, and the briefing's choices."""

from __future__ import annotations

import itertools
import os
from dataclasses import replace
from pathlib import Path

import pytest

from briefgen.compose.briefing import FILL_ORDER, choose_events, compose_briefing, shorten
from briefgen.compose.chronology import compose_chronology
from briefgen.compose.timeline import CAPTION_TITLE_CHARS, CAPTION_WIDTH, build_timeline
from briefgen.document import Heading, Table, Timeline, render_text
from briefgen.pipeline import load_brief
from tests.conftest import EXAMPLE

GOLDEN = Path(__file__).parent / "golden"


def check_golden(name: str, text: str) -> None:
    """Compare ``text`` with the golden file; UPDATE_GOLDEN=1 rewrites it instead."""
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert path.read_text(encoding="utf-8") == text


@pytest.fixture(scope="module")
def example():
    return load_brief(EXAMPLE).brief


def test_chronology_golden(example):
    check_golden("example-chronology.txt", render_text(compose_chronology(example)))


def test_briefing_golden(example):
    check_golden("example-briefing.txt", render_text(compose_briefing(example).document))


def test_chronology_holds_every_event_once_in_order(example):
    doc = compose_chronology(example)
    rows = [row for block in doc.blocks if isinstance(block, Table) for row in block.rows]
    titles = [row.cells[1][0].content[0].text for row in rows]
    assert titles == [e.title for e in example.events]
    assert [r.key for r in rows] == [e.key for e in example.events]
    years = [b.text for b in doc.blocks if getattr(b, "level", 0) == 2]
    assert years == sorted(set(years)) and years[0] == "2011"


def test_briefing_timeline_is_readable_when_events_cluster(example):
    doc = compose_briefing(example).document
    strip = next(b for b in doc.blocks if isinstance(b, Timeline))
    positions = [m.position for m in strip.marks]
    assert positions == sorted(positions) and positions[0] == 0.0
    for lane in range(strip.lanes):
        lefts = [m.caption_at for m in strip.marks if m.lane == lane]
        assert all(b - a >= CAPTION_WIDTH - 1e-9 for a, b in itertools.pairwise(lefts))
    assert all(m.caption_at <= m.position <= m.caption_at + CAPTION_WIDTH for m in strip.marks)
    assert len(strip.marks) == sum(e.key for e in example.events)
    assert "The chronology holds" in strip.caption


def test_briefing_shrinks_content_not_text_when_measure_says_too_long(example):
    full = len(render_text(compose_briefing(example).document))
    limit = int(full * 0.8)
    measured = []

    def measure(doc):
        measured.append(len(render_text(doc)))
        return 1 if measured[-1] <= limit else 2

    result = compose_briefing(example, measure)
    size = len(render_text(result.document))
    assert size <= limit
    assert size == max(m for m in measured if m <= limit)  # the most that fits of those tried
    assert size > full * 0.5  # it did not jump to the smallest budget
    # bisection, then one try per part given back (not a walk through every budget)
    assert len(measured) <= 8 + len(FILL_ORDER) + 2
    assert result.omitted  # it says what it left out


def test_briefing_says_when_nothing_fits(example):
    result = compose_briefing(example, lambda doc: 2)
    assert "still runs over one page" in result.omitted[-1]


def _key_points(doc) -> int:  # type: ignore[no-untyped-def]
    blocks = list(doc.blocks)
    at = next(i for i, b in enumerate(blocks) if isinstance(b, Heading) and b.text == "Key points")
    return len(blocks[at + 1].items)


def _has_figures(doc) -> bool:  # type: ignore[no-untyped-def]
    return any(isinstance(b, Heading) and b.text == "Key figures" for b in doc.blocks)


@pytest.mark.parametrize(
    ("fits", "said", "check"),
    [
        # a page with room for one key point only: the last resort goes down to one
        (
            lambda d: _key_points(d) <= 1,
            "leaves out 4 of 5 key points",
            lambda d: _key_points(d) == 1,
        ),
        # a page with no room for the key figures: the section goes, and says so
        (
            lambda d: not _has_figures(d),
            "leaves out 4 of 4 key figures",
            lambda d: not _has_figures(d),
        ),
    ],
)
def test_a_page_with_little_room_takes_the_last_cuts(example, fits, said, check):
    result = compose_briefing(example, lambda doc: 1 if fits(doc) else 2)
    assert said in result.omitted and check(result.document)
    assert not any("still runs over one page" in what for what in result.omitted)


def test_choose_events_prefers_key_then_recent(example):
    plain = tuple(replace(e, key=False) for e in example.events)
    chosen = choose_events(plain, 3)
    assert chosen == list(plain[-3:])
    keyed = choose_events(example.events, 2)
    assert all(e.key for e in keyed)
    assert keyed == sorted(keyed, key=lambda e: example.events.index(e))


def test_shorten():
    assert shorten("Short.", 50) == "Short."
    assert shorten("First sentence here. Second sentence is longer.", 30) == "First sentence here."
    assert shorten("one two three four five six", 12).endswith("…")
    assert len(shorten("x" * 500, 40)) <= 40


def test_compose_shortens_long_timeline_captions(example):
    long = replace(example.events[0], title="word " * 1500)
    strip = build_timeline([long, *example.events[1:3]], "c")
    assert strip is not None
    title = strip.marks[0].title
    assert len(title) <= CAPTION_TITLE_CHARS and title.endswith("…")
    assert [m.title for m in strip.marks[1:]] == [e.title for e in example.events[1:3]]


def test_single_event_timeline(example):
    strip = build_timeline([example.events[0]], "c")
    assert strip is not None and strip.marks[0].position == 0.0


def test_a_very_long_title_is_shortened_to_fit_one_page(example):
    from briefgen.styles import load_style
    from briefgen.write.pdf import count_pages

    style = load_style(None)
    brief = replace(example, title="A title that goes on and on " * 20)
    result = compose_briefing(brief, lambda doc: count_pages(doc, style))
    assert count_pages(result.document, style) == 1
    assert "shortens the title" in result.omitted
