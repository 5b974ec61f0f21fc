"""Place key events on the briefing's timeline strip so that captions never collide.

Positions blend the true time scale with even spacing: a strip from 2011 to 2025 with
five events in one June week would otherwise stack them on one point. Each caption is
a quarter of the strip wide and slides along its mark (left-aligned at the start of the
strip, right-aligned at its end); captions go into the lowest lane where they fit. Compose
decides all a reader sees of the strip: which captions, their text (long titles
shortened here), lane and box; the writers only map positions to their medium.
"""

from __future__ import annotations

from datetime import date

from briefgen.compose.common import shorten
from briefgen.document import Tick, Timeline, TimelineMark
from briefgen.model import Event

CAPTION_WIDTH = 0.25  # of the strip; the writers draw captions this wide
TIME_WEIGHT = 0.25  # share of a mark's position that follows the true time scale
MAX_LANES = 3
# a caption is meant to take two or three lines of its quarter of the strip
CAPTION_TITLE_CHARS = 90


def _ordinal(d: date) -> float:
    return float(d.toordinal())


def _positions(events: list[Event]) -> list[float]:
    n = len(events)
    if n == 1:
        return [0.0]
    times = [_ordinal(e.span.start) for e in events if e.span]
    lo, hi = times[0], times[-1]
    span = (hi - lo) or 1.0
    return [
        TIME_WEIGHT * (t - lo) / span + (1 - TIME_WEIGHT) * i / (n - 1) for i, t in enumerate(times)
    ]


def caption_left(position: float) -> float:
    """Return the left edge of a mark's caption: the mark sits as far into it as along the strip."""
    return position * (1.0 - CAPTION_WIDTH)


def _lanes(positions: list[float]) -> list[int] | None:
    """Give each caption the lowest lane where it does not overlap; ``None`` if out of lanes."""
    ends: list[float] = []
    lanes = []
    for p in positions:
        left = caption_left(p)
        for lane, end in enumerate(ends):
            if left >= end:
                ends[lane] = left + CAPTION_WIDTH
                lanes.append(lane)
                break
        else:
            if len(ends) == MAX_LANES:
                return None
            ends.append(left + CAPTION_WIDTH)
            lanes.append(len(ends) - 1)
    return lanes


def fits(n: int) -> bool:
    """Tell whether ``n`` evenly spread events fit on the strip's lanes."""
    return n <= 1 or _lanes([i / (n - 1) for i in range(n)]) is not None


def build_timeline(events: list[Event], caption: str) -> Timeline | None:
    """Return the strip for ``events`` (ordered), or ``None`` if their captions cannot fit."""
    if not events:
        return None
    positions = _positions(events)
    lanes = _lanes(positions)
    if lanes is None:
        return None
    marks = tuple(
        TimelineMark(
            p,
            lane,
            e.span.label if e.span else e.date,
            shorten(e.title, CAPTION_TITLE_CHARS),
            e.key,
            caption_left(p),
        )
        for p, lane, e in zip(positions, lanes, events, strict=True)
    )
    ticks: list[Tick] = []
    for p, e in zip(positions, events, strict=True):
        year = str(e.span.start.year) if e.span else ""
        if ticks and (ticks[-1].label == year or p - ticks[-1].position < 0.08):
            continue
        ticks.append(Tick(p, year))
    alt = timeline_alt([(m.date_label, e.title) for m, e in zip(marks, events, strict=True)])
    return Timeline(marks, tuple(ticks), max(lanes) + 1, caption, CAPTION_WIDTH, alt)


def timeline_alt(marks: list[tuple[str, str]]) -> str:
    """Say in words what the strip shows: its span, then each mark (date and title) in order.

    The titles are given whole (the captions on the strip may be shortened).
    """
    items = "; ".join(f"{label}: {title.strip().rstrip('.')}" for label, title in marks)
    if len(marks) == 1:
        return f"Timeline of 1 event. {items}."
    first, last = marks[0][0], marks[-1][0]
    return f"Timeline of {len(marks)} events from {first} to {last}, in order. {items}."
