"""The timeline strip as an editable Word table: caption lanes, dots and the axis."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, replace

from briefgen.document import (
    Timeline,
    TimelineMark,
)
from briefgen.stylespec import leading
from briefgen.write.docx.context import Ctx
from briefgen.write.docx.xml import (
    LOOK_PLAIN,
    border,
    grid,
    split_widths,
    tbl_pr,
    text_runs,
    twips_pt,
    w_p,
)

TIMELINE_SLOTS = 20  # columns of the timeline table


TIMELINE_SPAN = 5  # slots a caption spans (a quarter of the text width)


TIMELINE_LANE_GAP_PT = 4.0  # space between lanes of captions, as in the PDF


@dataclass
class _Slot:
    """A cell of the timeline table: its first slot, span, content and borders."""

    start: int
    span: int = 1
    content: str = ""
    left: bool = False  # a leader or tick line on its left edge
    right: bool = False  # ... on its right edge
    top: bool = False  # the axis
    dashed: bool = False  # the axis after the "as at" date
    hug: bool = False  # no cell margin on the bordered side (a dot next to its leader)

    @property
    def blank(self) -> bool:
        return not (self.content or self.left or self.right)


def _slot_of(position: float) -> int:
    if not math.isfinite(position):
        position = 0.0
    return min(TIMELINE_SLOTS - 1, max(0, int(position * TIMELINE_SLOTS)))


@dataclass
class _Caption:
    slot: _Slot
    mark_slot: int  # the slot of the mark's dot
    side: str  # "L": leader on the slot's left edge, "R": on its right edge


def _mark_order(m: TimelineMark) -> float:
    return m.position if math.isfinite(m.position) else 0.0


def _place_captions(
    tl: Timeline, lanes: int, caption_xml: Callable[[TimelineMark], str]
) -> list[list[_Caption]]:
    """Place each lane's captions on the slot grid where compose put them.

    A caption starts at the slot nearest its ``caption_at`` and spans a quarter of the
    grid; compose keeps a lane's boxes a quarter apart, so rounding keeps them apart too.
    A hand-built timeline whose boxes overlap has them pushed right; one with more
    captions in a lane than fit side by side is an error (``ValueError``).
    """
    by_lane: list[list[_Caption]] = []
    for lane in range(lanes):
        cursor = 0
        placed: list[_Caption] = []
        marks = sorted((m for m in tl.marks if max(0, m.lane) == lane), key=_box_order)
        for m in marks:
            s = _slot_of(m.position)
            c = max(cursor, min(_slot_at(m.caption_at), TIMELINE_SLOTS - TIMELINE_SPAN))
            if c >= TIMELINE_SLOTS:
                raise ValueError(f"timeline lane {lane} holds more captions than fit side by side")
            span = min(TIMELINE_SPAN, TIMELINE_SLOTS - c)
            side = "R" if c < s and s == c + span - 1 else "L"
            slot = _Slot(c, span, caption_xml(m), left=c == s, right=side == "R")
            placed.append(_Caption(slot, s, side))
            cursor = c + span
        by_lane.append(placed)
    return by_lane


def _slot_at(edge: float) -> int:
    """Return the slot nearest a box's left edge (a fraction of the strip)."""
    if not math.isfinite(edge):
        edge = 0.0
    return max(0, int(edge * TIMELINE_SLOTS + 0.5))  # half up: keeps boxes a span apart


def _box_order(m: TimelineMark) -> tuple[float, float]:
    at = m.caption_at if math.isfinite(m.caption_at) else 0.0
    return (at, _mark_order(m))


def timeline_xml(tl: Timeline, ctx: Ctx) -> str:
    """An editable timeline table: a row per lane (top lane first), a row of dots on the
    axis, and the axis row with its tick labels; leaders are cell borders."""
    text_id = ctx.sid("Timeline Text")
    mark_id = ctx.sid("Timeline Mark")
    small_line = twips_pt(leading(ctx.sheet.sizes["small"]))
    lanes = max(1, tl.lanes, *(m.lane + 1 for m in tl.marks))

    def caption_xml(m: TimelineMark) -> str:
        rpr = "<w:rPr><w:b/><w:bCs/></w:rPr>" if m.key else ""
        return w_p(text_id, text_runs(m.date_label, rpr) + text_runs(" " + m.title, ""))

    by_lane = _place_captions(tl, lanes, caption_xml)
    covered = [
        {i for c in cs for i in range(c.slot.start, c.slot.start + c.slot.span)} for cs in by_lane
    ]
    # leaders: from the dot up to the caption, through lower lanes' free slots (hidden
    # behind a lower caption in the way, as in the PDF)
    through: list[dict[int, set[str]]] = [{} for _ in range(lanes)]
    dot_lines: dict[int, set[str]] = {}
    for lane, captions in enumerate(by_lane):
        for cap in captions:
            s = cap.mark_slot
            for lower in range(lane):
                through[lower].setdefault(s, set()).add(cap.side)
            dot_lines.setdefault(s, set()).add(cap.side)
    lane_rows: list[list[_Slot]] = []
    for lane in range(lanes):
        row = [c.slot for c in by_lane[lane]]
        for i in range(TIMELINE_SLOTS):
            if i not in covered[lane]:
                sides = through[lane].get(i, set())
                row.append(_Slot(i, left="L" in sides, right="R" in sides))
        lane_rows.append(sorted(row, key=lambda s: s.start))
    dots: dict[int, bool] = {}
    for m in tl.marks:
        dots[_slot_of(m.position)] = dots.get(_slot_of(m.position), False) or m.key
    dot_row = []
    for i in range(TIMELINE_SLOTS):
        sides = dot_lines.get(i, set())
        content = ""
        if i in dots:
            glyph = text_runs(
                "●" if dots[i] else "○", f'<w:rPr><w:rStyle w:val="{mark_id}"/></w:rPr>'
            )
            jc = '<w:jc w:val="right"/>' if sides == {"R"} else ""
            content = w_p(text_id, glyph, jc)
        dot_row.append(_Slot(i, 1, content, "L" in sides, "R" in sides, hug=bool(content)))
    axis_row = _axis_row(tl, text_id)
    if tl.as_at is not None:  # the axis is dashed from the slot after the "as at" point
        now = _slot_of(tl.as_at)
        for slot in axis_row:
            slot.dashed = slot.start >= now

    widths = split_widths(ctx.text_width, [1.0] * TIMELINE_SLOTS)
    rule = ctx.sheet.colours["rule"]
    accent = ctx.sheet.colours["accent"]

    gap = twips_pt(TIMELINE_LANE_GAP_PT)

    def cell(slot: _Slot, line_colour: str, bottom: bool = False, lane: bool = False) -> str:
        width = sum(widths[slot.start : slot.start + slot.span])
        borders = ""
        if slot.top:
            edge = border("top", 0.75, rule)
            borders += edge.replace('w:val="single"', 'w:val="dashed"') if slot.dashed else edge
        if slot.left:
            borders += border("left", 0.75, line_colour)
        if slot.right:
            borders += border("right", 0.75, line_colour)
        tc = f'<w:tcW w:w="{width}" w:type="dxa"/>'
        if slot.span > 1:
            tc += f'<w:gridSpan w:val="{slot.span}"/>'
        if borders:
            tc += f"<w:tcBorders>{borders}</w:tcBorders>"
        if slot.hug:
            tc += '<w:tcMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tcMar>'
        elif lane and slot.content:  # space under a caption, before the lane below
            tc += f'<w:tcMar><w:bottom w:w="{gap}" w:type="dxa"/></w:tcMar>'
        if bottom:
            tc += '<w:vAlign w:val="bottom"/>'
        return f"<w:tc><w:tcPr>{tc}</w:tcPr>{slot.content or w_p(text_id)}</w:tc>"

    lane_height = 2 * small_line + gap
    alt = tl.alt or tl.caption or "Timeline"
    pr = tbl_pr(ctx.sid("Timeline Table"), ctx.text_width, LOOK_PLAIN, "Timeline", alt)
    out = [f"<w:tbl>{pr}"]
    out.append(grid(widths))
    for row in reversed(lane_rows):  # top lane first
        out.append(
            f'<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="{lane_height}" w:hRule="atLeast"/>'
            "</w:trPr>"
        )
        out.extend(cell(s, accent, lane=True) for s in _merge_blank(row))
        out.append("</w:tr>")
    out.append("<w:tr><w:trPr><w:cantSplit/></w:trPr>")
    out.extend(cell(s, accent, bottom=True) for s in _merge_blank(dot_row))
    out.append("</w:tr><w:tr><w:trPr><w:cantSplit/></w:trPr>")
    out.extend(cell(s, rule) for s in _merge_blank(axis_row))
    out.append("</w:tr></w:tbl>")
    if tl.caption:
        out.append(w_p(ctx.sid("Note"), text_runs(tl.caption, "")))
    return "".join(out)


def _axis_row(tl: Timeline, text_id: str) -> list[_Slot]:
    """The axis: a top border across the row, each tick a short line beside its label."""
    row: list[_Slot] = []
    ticks = sorted({_slot_of(t.position): t for t in tl.ticks}.items())
    taken = 0
    want = 3  # slots a tick label may use
    for k, (s, tick) in enumerate(ticks):
        nxt = ticks[k + 1][0] if k + 1 < len(ticks) else TIMELINE_SLOTS
        at_end = tick.position >= 1.0 or (s > TIMELINE_SLOTS - want and nxt == TIMELINE_SLOTS)
        if at_end:  # anchored at the axis end, the label right-aligned against its tick
            start = max(taken, TIMELINE_SLOTS - want)
            span = TIMELINE_SLOTS - start
        else:
            start = max(s, taken)
            span = max(1, min(want, nxt - start, TIMELINE_SLOTS - start))
        if start >= TIMELINE_SLOTS:
            continue
        row.extend(_Slot(i, top=True) for i in range(taken, start))
        jc = '<w:jc w:val="right"/>' if at_end else ""
        label = w_p(text_id, text_runs(tick.label, ""), jc)
        row.append(_Slot(start, span, label, left=not at_end, right=at_end, top=True))
        taken = start + span
    row.extend(_Slot(i, top=True) for i in range(taken, TIMELINE_SLOTS))
    return row


def _merge_blank(row: list[_Slot]) -> list[_Slot]:
    """Merge runs of empty, borderless cells so the table stays tidy to edit."""
    out: list[_Slot] = []
    for s in row:
        prev = out[-1] if out else None
        if (
            prev is not None
            and s.blank
            and prev.blank
            and (prev.top, prev.dashed) == (s.top, s.dashed)
        ):
            prev.span += s.span
        else:
            out.append(replace(s))
    return out
