"""The timeline strip: axis, ticks, square markers, leaders and the captions compose placed."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
)
from reportlab.platypus import Paragraph as RLParagraph

from briefgen.document import (
    Run,
    Timeline,
)
from briefgen.stylespec import leading
from briefgen.write.pdf.fonts import fit
from briefgen.write.pdf.paragraphs import rl_paragraph
from briefgen.write.pdf.styles import Styles
from briefgen.write.pdf.text import clean


class TimelineStrip(Flowable):
    """The timeline: an axis with ticks, a square on it for each mark, captions in lanes above.

    Each caption sits in its lane inside the box compose chose for it (left edge
    ``caption_at``, width ``caption_width``, fractions of the strip), less a 2 mm gap;
    a thin leader runs from the mark's square up to the foot of its caption. A key event's
    square is filled, another's outlined (the legend compose writes says so; the DOCX draws
    the same squares). Compose has
    already shortened the captions; the strip draws them whole.
    """

    AXIS_INSET = 4.0  # keeps the markers at 0 and 1 inside the text width
    MARKER_HALF = 3.0  # half the side of a marker's square
    TICK_LENGTH = 3.0
    LANE_GAP = 4.0
    CAPTION_GAP = 2 * mm

    def __init__(self, st: Styles, timeline: Timeline) -> None:
        super().__init__()
        self.st = st
        self.tl = timeline
        self.lanes = max(1, int(timeline.lanes), *(m.lane + 1 for m in timeline.marks))
        self.captions = [self._caption(m.date_label, m.title) for m in timeline.marks]
        self.tick_labels = [clean(t.label).strip() for t in timeline.ticks]
        self.line = leading(st.sizes["small"])
        self.spaceAfter = 2

    def _caption(self, date_label: str, title: str) -> RLParagraph:
        return rl_paragraph(self.st, (Run(date_label, bold=True), Run(" " + title)), "timeline")

    def _x(self, position: float) -> float:
        pos = min(1.0, max(0.0, float(position)))
        return self.AXIS_INSET + pos * (self.width - 2 * self.AXIS_INSET)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        share = self.tl.caption_width if 0 < self.tl.caption_width <= 1 else 0.25
        self.share = share
        self.cap_w = max(20.0, share * availWidth - self.CAPTION_GAP)
        lane_h = [2 * self.line] * self.lanes
        self.cap_h = []
        for i, m in enumerate(self.tl.marks):
            h = self.captions[i].wrap(self.cap_w, 1e6)[1]
            self.cap_h.append(h)
            lane = max(0, m.lane)
            lane_h[lane] = max(lane_h[lane], h)
        self.lane_h = [h + self.LANE_GAP for h in lane_h]
        self.axis_y = self.line + self.TICK_LENGTH + 3
        self.lanes_y = self.axis_y + self.MARKER_HALF + 4
        self.height = self.lanes_y + sum(self.lane_h)
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        st = self.st
        c.saveState()
        # axis and ticks
        c.setStrokeColor(st.colour["rule"])
        c.setLineWidth(1)
        if self.tl.as_at is None:
            c.line(0, self.axis_y, self.width, self.axis_y)
        else:  # after the "as at" date the axis is dashed
            now = self._x(self.tl.as_at)
            c.line(0, self.axis_y, now, self.axis_y)
            c.saveState()
            c.setDash(3, 2)
            c.line(now, self.axis_y, self.width, self.axis_y)
            c.restoreState()
        ps = st.para("timeline")
        for tick, label in zip(self.tl.ticks, self.tick_labels, strict=True):
            x = self._x(tick.position)
            c.setLineWidth(0.75)
            c.line(x, self.axis_y, x, self.axis_y - self.TICK_LENGTH)
            # one line under its tick (a label is meant to be a year or a month)
            label = fit(label, ps.fontName, ps.fontSize, self.width / 4)
            p = rl_paragraph(st, (Run(label),), "timeline")
            _w, h = p.wrap(self.width, 1e6)
            text_w = max(p.getActualLineWidths0() or [0])
            left = min(max(0.0, x - text_w / 2), self.width - text_w)
            p.drawOn(c, left, self.axis_y - self.TICK_LENGTH - 1 - h)
        # leaders first, captions over them on a white ground (a leader passing behind a
        # lower lane's caption is hidden there), markers last
        placed = []
        for m, p, h in zip(self.tl.marks, self.captions, self.cap_h, strict=True):
            x = self._x(m.position)
            bottom = self.lanes_y + sum(self.lane_h[: max(0, m.lane)])
            text_w = max(p.getActualLineWidths0() or [0])
            # the text slides inside its box so the mark sits as far into the text as
            # into the box (left-aligned at the strip's start, right-aligned at its end)
            pos = min(max(0.0, float(m.position)), 1.0)
            at = min(max(0.0, float(m.caption_at)), 1.0 - self.share)  # compose's box
            into = min(max(0.0, (pos - at) / self.share), 1.0)
            left = at * self.width + into * max(0.0, self.cap_w - text_w)
            left = max(0.0, min(left, self.width - text_w))
            placed.append((m, p, x, left, bottom, text_w, h))
            c.setStrokeColor(st.colour["accent"] if m.key else st.colour["rule"])
            c.setLineWidth(0.6)
            c.line(x, self.axis_y, x, bottom)
        for _m, p, _x, left, bottom, text_w, h in placed:
            c.setFillColor(colors.white)
            c.rect(left - 1, bottom - 1, text_w + 2, h + 1, stroke=0, fill=1)
            p.drawOn(c, left, bottom)
        for m, _p, x, *_ in placed:
            c.setStrokeColor(st.colour["accent"])
            c.setFillColor(st.colour["accent"] if m.key else colors.white)
            c.setLineWidth(1)
            r = self.MARKER_HALF - 0.5  # the square's outline reaches MARKER_HALF
            c.rect(x - r, self.axis_y - r, 2 * r, 2 * r, stroke=1, fill=1)
        c.restoreState()
