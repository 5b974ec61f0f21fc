"""The timeline strip as an editable Word table on an exact grid, drawn as the PDF draws it.

Column boundaries fall where the strip has an edge: each mark (mapped along the axis as
the PDF maps it) and its marker's sides, each caption box, the "as at" point and the tick
labels. Rows, top to bottom: a row per caption lane (top lane first), a short stem row,
the marker's upper and lower halves (their shared edge is the axis) and the tick labels.
Leaders and ticks are cell borders on the left edge of the column starting at the mark;
markers are the cells around it, filled (key event) or outlined (other event).
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

from briefgen.document import Timeline, TimelineMark
from briefgen.stylespec import leading
from briefgen.write.docx.context import Ctx
from briefgen.write.docx.xml import (
    LOOK_PLAIN,
    border,
    cell_mar,
    grid,
    tbl_pr,
    text_runs,
    twips_mm,
    twips_pt,
    w_p,
)

AXIS_INSET = twips_pt(4.0)  # as the PDF: keeps the markers at 0 and 1 inside the text width
MARKER = twips_pt(6.0)  # the side of a square marker; half of it above the axis
STEM = twips_pt(4.0)  # leader between a marker and the lowest lane, as in the PDF
LANE_GAP = twips_pt(4.0)  # space above a lane's captions, as in the PDF
CAPTION_GAP = twips_mm(2)  # kept clear at a caption box's right edge, as in the PDF
TICK_LABEL_HALF = twips_pt(30.0)  # a tick label's cell reaches this far either side
TICK_LABEL_MIN = twips_pt(24.0)  # ticks nearer than this to the one before go unlabelled
MERGE = 10  # twips: boundaries closer than this are one (no sliver columns)
LEADER_PT = 0.6
AXIS_PT = 1.0
TICK_PT = 0.75
MARKS_LEGEND = "■□"  # the legend's glyphs for the markers, drawn in the marker style


@dataclass
class _Cell:
    """A cell of the strip: its edges (twips from the strip's left) and what it holds."""

    start: int
    end: int
    content: str = ""
    left: str = ""  # border XML on its left edge (a leader or a tick)
    extra: str = ""  # more border XML (the axis, a hollow marker's sides)
    fill: str = ""  # shading colour (a key event's marker)
    margins: tuple[int, int, int] = (0, 0, 0)  # top, right, bottom
    bottom_aligned: bool = False


@dataclass(frozen=True)
class _Box:
    """A caption placed in its lane: the mark, the box compose chose, the text's alignment."""

    mark: TimelineMark
    start: int
    end: int
    text_end: int  # where the caption's lines may reach (the box less its gap)
    right_aligned: bool


def _fraction(value: float) -> float:
    return min(1.0, max(0.0, value)) if math.isfinite(value) else 0.0


def _axis_x(position: float, width: int) -> int:
    """Return where a position (0 to 1) lies across the strip, inset as the PDF insets it."""
    return AXIS_INSET + round(_fraction(position) * (width - 2 * AXIS_INSET))


def _boxes(tl: Timeline, width: int) -> list[list[_Box]]:
    """Place each lane's captions in the boxes compose chose (lane 0 first).

    The text is left-aligned when its mark lies in the box's left half and right-aligned
    (ending at the mark, if the mark is in the box's right gap) otherwise, so the leader
    meets the text, as the PDF's sliding text does. A hand-built timeline whose boxes
    overlap has them pushed right; one with more captions in a lane than fit side by
    side is an error (``ValueError``).
    """
    share = tl.caption_width if 0 < tl.caption_width <= 1 else 0.25
    box_w = round(share * width)
    lanes = max(1, tl.lanes, *(m.lane + 1 for m in tl.marks))
    out: list[list[_Box]] = []
    for lane in range(lanes):
        marks = [m for m in tl.marks if max(0, m.lane) == lane]
        marks.sort(key=lambda m: (_fraction(m.caption_at), _fraction(m.position)))
        placed: list[_Box] = []
        cursor = 0
        for m in marks:
            start = max(cursor, round(min(_fraction(m.caption_at), 1 - share) * width))
            if start + box_w > width + MERGE:
                raise ValueError(f"timeline lane {lane} holds more captions than fit side by side")
            end = min(width, start + box_w)
            x = _axis_x(m.position, width)
            into = (x - start) / max(1, end - start)
            text_end = max(start + 1, end - CAPTION_GAP)
            right = into > 0.5
            if right and text_end < x:
                text_end = min(x, end)
            placed.append(_Box(m, start, end, text_end, right))
            cursor = end
        out.append(placed)
    return out


def _columns(points: list[int], width: int) -> list[int]:
    """Return the column boundaries: ``points`` in order of priority, near ones merged."""
    kept = [0, width]
    for p in points:
        if 0 < p < width and all(abs(p - k) >= MERGE for k in kept):
            kept.append(p)
    return sorted(kept)


def _snap(value: int, cols: list[int]) -> int:
    return min(cols, key=lambda c: abs(c - value))


@dataclass(frozen=True)
class _Axis:
    """The axis along a row's blank cells: its border, dashed from ``dashed_from`` on."""

    edge: str
    dashed_from: int | None


def _free_row(
    cells: list[_Cell], lines: dict[int, str], cols: list[int], axis: _Axis | None = None
) -> list[_Cell]:
    """Fill a row around ``cells``: blank cells between them, split where a line (a
    leader or tick) starts; a line inside one of ``cells`` is hidden behind it. With
    ``axis``, the blank cells carry the axis (dashed after the "as at" point).
    """
    cells = sorted((c for c in cells if c.end > c.start), key=lambda c: c.start)
    edges = [0, cols[-1]]
    for c in cells:
        edges += [c.start, c.end]
    edges += [x for x in lines if not any(c.start < x < c.end for c in cells)]
    dashed_from = axis.dashed_from if axis is not None else None
    if dashed_from is not None:
        edges.append(dashed_from)
    out: list[_Cell] = []
    bounds = sorted(set(edges))
    for a, b in itertools.pairwise(bounds):
        own = next((c for c in cells if c.start == a), None)
        if own is not None:
            if a in lines:
                own.left = lines[a]
            out.append(own)
        elif not any(c.start < a < c.end for c in cells):
            blank = _Cell(a, b, left=lines.get(a, ""))
            if axis is not None:
                dashed = dashed_from is not None and a >= dashed_from
                blank.extra = axis.edge.replace('"single"', '"dashed"') if dashed else axis.edge
            out.append(blank)
    return out


def timeline_xml(tl: Timeline, ctx: Ctx) -> str:
    """Return the strip as an editable table, then its legend and caption as a note."""
    width = ctx.text_width
    rule = ctx.sheet.colours["rule"]
    accent = ctx.sheet.colours["accent"]
    text_id = ctx.sid("Timeline Text")
    lanes = _boxes(tl, width)
    marks = sorted(tl.marks, key=lambda m: _axis_x(m.position, width))
    xs = [_axis_x(m.position, width) for m in marks]
    now = _axis_x(tl.as_at, width) if tl.as_at is not None else None
    labels = _tick_labels(tl, width)
    half = MARKER // 2
    points = xs + [x + d for x in xs for d in (-half, half)]
    points += [b.start for lane in lanes for b in lane] + [b.end for lane in lanes for b in lane]
    points += [now] if now is not None else []
    points += [a for a, _b, _t, _j in labels] + [b for _a, b, _t, _j in labels]
    cols = _columns(points, width)

    def at(value: int) -> int:
        return _snap(value, cols)

    def leader(m: TimelineMark) -> str:
        return border("left", LEADER_PT, accent if m.key else rule)

    rows: list[tuple[str, list[_Cell]]] = []  # (height rule, cells)
    lane_height = 2 * twips_pt(leading(ctx.sheet.sizes["small"])) + LANE_GAP
    for lane in reversed(range(len(lanes))):  # top lane first
        rising = {at(x): leader(m) for m, x in zip(marks, xs, strict=True) if m.lane > lane}
        cells = []
        for box in lanes[lane]:
            start, end, text_end = at(box.start), at(box.end), at(box.text_end)
            # a leader rising through the box's right gap cuts the box there
            end = min([end, *(x for x in rising if text_end <= x < end)])
            jc = '<w:jc w:val="right"/>' if box.right_aligned else ""
            bold = "<w:rPr><w:b/><w:bCs/></w:rPr>"  # the date, as in the PDF
            text = text_runs(box.mark.date_label, bold) + text_runs(" " + box.mark.title, "")
            content = w_p(text_id, text, jc)
            margins = (LANE_GAP, max(0, end - text_end), 0)
            cells.append(_Cell(start, end, content, margins=margins, bottom_aligned=True))
        rows.append((f'w:val="{lane_height}" w:hRule="atLeast"', _free_row(cells, rising, cols)))
    stems = {at(x): leader(m) for m, x in zip(marks, xs, strict=True)}
    rows.append((f'w:val="{STEM}" w:hRule="exact"', _free_row([], stems, cols)))
    axis = _Axis(border("bottom", AXIS_PT, rule), at(now) if now is not None else None)
    tick = border("left", TICK_PT, rule)
    ticks = {at(_axis_x(t.position, width)): tick for t in tl.ticks}
    for upper in (True, False):  # the marker's halves: the axis runs between them
        halves = [
            _marker(m, at(x - half), at(x + half), upper, accent)
            for m, x in zip(marks, xs, strict=True)
        ]
        row = _free_row(_disjoint(halves), {} if upper else ticks, cols, axis if upper else None)
        rows.append((f'w:val="{half}" w:hRule="exact"', row))
    label_cells = [
        _Cell(at(a), at(b), w_p(text_id, text_runs(text, ""), jc)) for a, b, text, jc in labels
    ]
    rows.append(("", _free_row(_disjoint(label_cells), {}, cols)))

    alt = tl.alt or tl.caption or "Timeline"
    look = cell_mar(0, 0, 0, 0) + LOOK_PLAIN  # the grid is exact: no margins but the captions'
    out = [f"<w:tbl>{tbl_pr(ctx.sid('Timeline Table'), width, look, 'Timeline', alt)}"]
    out.append(grid([b - a for a, b in itertools.pairwise(cols)]))
    for height, cells in rows:
        tr_height = f"<w:trHeight {height}/>" if height else ""
        out.append(f"<w:tr><w:trPr><w:cantSplit/>{tr_height}</w:trPr>")
        out.extend(_cell_xml(c, cols, text_id) for c in cells)
        out.append("</w:tr>")
    out.append("</w:tbl>")
    if tl.caption:
        out.append(w_p(ctx.sid("Note"), _legend_runs(tl.caption, ctx.sid("Timeline Mark"))))
    return "".join(out)


def _marker(m: TimelineMark, start: int, end: int, upper: bool, accent: str) -> _Cell:
    """Return one half of a mark's square: filled for a key event, outlined for another."""
    if m.key:
        return _Cell(start, end, fill=accent)
    sides = ("top" if upper else "bottom", "left", "right")
    return _Cell(start, end, extra="".join(border(s, AXIS_PT, accent) for s in sides))


def _disjoint(cells: list[_Cell]) -> list[_Cell]:
    """Return ``cells`` in order with overlapping ones joined (marks closer than a marker)."""
    out: list[_Cell] = []
    for c in sorted(cells, key=lambda c: c.start):
        if out and c.start < out[-1].end:
            prev = out[-1]
            prev.end = max(prev.end, c.end)
            prev.fill = prev.fill or c.fill
            prev.content = prev.content or c.content
        else:
            out.append(c)
    return out


def _tick_labels(tl: Timeline, width: int) -> list[tuple[int, int, str, str]]:
    """Return each tick label's cell (edges, text, alignment), centred under its tick as far
    as its neighbours and the strip's ends allow, as in the PDF. A tick too near the one
    before it for a label (compose keeps them apart; a hand-built strip may not) has none."""
    ticks: list[tuple[int, str]] = []
    for x, label in sorted((_axis_x(t.position, width), t.label) for t in tl.ticks):
        if not ticks or x - ticks[-1][0] >= TICK_LABEL_MIN:
            ticks.append((x, label))
    out = []
    for i, (x, label) in enumerate(ticks):
        before = x - ticks[i - 1][0] if i else 2 * TICK_LABEL_HALF
        after = ticks[i + 1][0] - x if i + 1 < len(ticks) else 2 * TICK_LABEL_HALF
        reach = min(TICK_LABEL_HALF, before // 2, after // 2)
        start, end, jc = x - reach, x + reach, '<w:jc w:val="center"/>'
        if start < 0:
            start, jc = 0, ""
        elif end > width:
            end, jc = width, '<w:jc w:val="right"/>'
        out.append((start, end, label, jc))
    return out


def _cell_xml(c: _Cell, cols: list[int], text_id: str) -> str:
    span = cols.index(c.end) - cols.index(c.start)
    pr = f'<w:tcW w:w="{c.end - c.start}" w:type="dxa"/>'
    if span > 1:
        pr += f'<w:gridSpan w:val="{span}"/>'
    if c.left or c.extra:
        pr += f"<w:tcBorders>{_ordered_borders(c.left + c.extra)}</w:tcBorders>"
    if c.fill:
        pr += f'<w:shd w:val="clear" w:color="auto" w:fill="{c.fill.lstrip("#")}"/>'
    top, right, bottom = c.margins
    if top or right or bottom:
        pr += (
            f'<w:tcMar><w:top w:w="{top}" w:type="dxa"/><w:bottom w:w="{bottom}" w:type="dxa"/>'
            f'<w:right w:w="{right}" w:type="dxa"/></w:tcMar>'
        )
    if c.bottom_aligned:
        pr += '<w:vAlign w:val="bottom"/>'
    return f"<w:tc><w:tcPr>{pr}</w:tcPr>{c.content or w_p(text_id)}</w:tc>"


def _ordered_borders(xml: str) -> str:
    """Return border elements in the order the schema wants (top, left, bottom, right)."""
    order = ("top", "left", "bottom", "right")
    parts = [p for p in xml.replace("/>", "/>\n").split("\n") if p]
    return "".join(sorted(parts, key=lambda p: order.index(p[3:].split(" ")[0])))


def _legend_runs(caption: str, mark_style: str) -> str:
    """Return the note's runs, the legend's marker glyphs in the marker style (accent)."""
    out, piece = [], ""
    for ch in caption:
        if ch in MARKS_LEGEND:
            out.append(text_runs(piece, ""))
            out.append(text_runs(ch, f'<w:rPr><w:rStyle w:val="{mark_style}"/></w:rPr>'))
            piece = ""
        else:
            piece += ch
    out.append(text_runs(piece, ""))
    return "".join(out)
