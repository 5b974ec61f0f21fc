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
MAX_LANES = 4
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


# a leader keeps this far (a fraction of the strip) from the left edge of a caption it
# passes; the writers leave a gap at each box's right edge (2 mm in the PDF), so a leader
# may pass just right of a box
LEADER_CLEARANCE = 0.01
# where else a caption's box may sit along its mark (its mark stays inside the box), in
# the order tried after the box that puts the mark as far into it as along the strip
_SLIDES = (0.5, 0.1, 0.9, 0.0, 1.0, 0.3, 0.7, 0.2, 0.8, 0.4, 0.6, 0.05, 0.95)


_SEARCH_LIMIT = 20_000  # boxes tried before a strip counts as too crowded


def _boxes(p: float) -> list[float]:
    """Return the left edges a caption of the mark at ``p`` may take, preferred first."""
    out = [caption_left(p)]
    for into in _SLIDES:
        left = min(max(0.0, p - into * CAPTION_WIDTH), 1.0 - CAPTION_WIDTH)
        if all(abs(left - o) > 1e-9 for o in out):
            out.append(left)
    return out


def _covers(left: float, p: float) -> bool:
    """Tell whether a caption box at ``left`` stands over (or too near) a leader at ``p``."""
    return left - LEADER_CLEARANCE < p < left + CAPTION_WIDTH


def _lanes(positions: list[float]) -> list[tuple[int, float]] | None:
    """Give each caption a lane and a box so that no two boxes in a lane overlap and no
    leader (from a mark up to its caption) runs behind a caption in a lower lane.

    Searches lanes from the lowest and boxes from the preferred one, mark by mark, and
    backs up when a mark has no place; ``None`` if no arrangement fits ``MAX_LANES``.
    """
    n = len(positions)
    placed: list[tuple[int, float]] = []
    tries = [_SEARCH_LIMIT]  # a search that would take too long counts as no fit

    def ok(i: int, lane: int, left: float) -> bool:
        p = positions[i]
        for j, (lane_j, left_j) in enumerate(placed):
            q = positions[j]
            if lane_j == lane and left < left_j + CAPTION_WIDTH and left_j < left + CAPTION_WIDTH:
                return False
            if lane_j < lane and _covers(left_j, p):  # my leader behind their caption
                return False
            if lane < lane_j and _covers(left, q):  # their leader behind my caption
                return False
        return True

    def place(i: int) -> bool:
        if i == n:
            return True
        for lane in range(MAX_LANES):
            for left in _boxes(positions[i]):
                tries[0] -= 1
                if tries[0] < 0:
                    return False
                if ok(i, lane, left):
                    placed.append((lane, left))
                    if place(i + 1):
                        return True
                    placed.pop()
        return False

    return list(placed) if place(0) else None


def fits(n: int) -> bool:
    """Tell whether ``n`` evenly spread events fit on the strip's lanes."""
    return n <= 1 or _lanes([i / (n - 1) for i in range(n)]) is not None


def legend(events: list[Event], future: bool) -> str:
    """Return what the strip's marks mean: filled squares key events, outlined squares others,
    a dashed axis the future (both writers draw the marks as these squares)."""
    parts = []
    if any(e.key for e in events):
        parts.append("■ key event")
    if not all(e.key for e in events):
        parts.append("□ other event")
    if future:
        parts.append("dashed axis: after the 'as at' date")
    return ", ".join(parts) + "." if parts else ""


def build_timeline(events: list[Event], caption: str, as_of: date | None = None) -> Timeline | None:
    """Return the strip for ``events`` (ordered), or ``None`` if their captions cannot fit.

    With ``as_of``, marks that start after it lie beyond an "as at" point on the axis,
    which the writers draw dashed from there on; the caption opens with the legend.
    """
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
            left,
        )
        for p, (lane, left), e in zip(positions, lanes, events, strict=True)
    )
    ticks: list[Tick] = []
    for p, e in zip(positions, events, strict=True):
        year = str(e.span.start.year) if e.span else ""
        if ticks and (ticks[-1].label == year or p - ticks[-1].position < 0.08):
            continue
        ticks.append(Tick(p, year))
    as_at = _as_at(events, positions, as_of)
    note = " ".join(t for t in (legend(events, as_at is not None), caption) if t)
    used = max(lane for lane, _left in lanes) + 1
    alt = timeline_alt([(m.date_label, e.title) for m, e in zip(marks, events, strict=True)])
    return Timeline(marks, tuple(ticks), used, note, CAPTION_WIDTH, alt=alt, as_at=as_at)


def _as_at(events: list[Event], positions: list[float], as_of: date | None) -> float | None:
    """Return where ``as_of`` falls on the axis when some marks come after it, else ``None``."""
    if as_of is None:
        return None
    later = [i for i, e in enumerate(events) if e.span and e.span.start > as_of]
    if not later:
        return None
    first = later[0]
    if first == 0:
        return 0.0
    return (positions[first - 1] + positions[first]) / 2


def timeline_alt(marks: list[tuple[str, str]]) -> str:
    """Say in words what the strip shows: its span, then each mark (date and title) in order.

    The titles are given whole (the captions on the strip may be shortened).
    """
    items = "; ".join(f"{label}: {title.strip().rstrip('.')}" for label, title in marks)
    if len(marks) == 1:
        return f"Timeline of 1 event. {items}."
    first, last = marks[0][0], marks[-1][0]
    return f"Timeline of {len(marks)} events from {first} to {last}, in order. {items}."
