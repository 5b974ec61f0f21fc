"""Key figures side by side, each under a short accent rule."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.platypus import Flowable
from reportlab.platypus import Table as RLTable

from briefgen.document import (
    Figures,
    Run,
)
from briefgen.write.pdf.paragraphs import rl_paragraph
from briefgen.write.pdf.styles import Styles
from briefgen.write.pdf.tables import CELL_PAD_X, cell_commands
from briefgen.write.pdf.tagging import artifact, tag
from briefgen.write.pdf.tagtables import TableTags
from briefgen.write.pdf.text import FUZZ

FIGURE_RULE_WIDTH = 1.5


class _FiguresTable(RLTable):
    """Key figures side by side, each under its own short accent rule.

    It moves to the next page whole unless it is taller than a page (absurdly long
    labels), in which case it splits inside its row like a long table row.
    """

    briefgen_rule: colors.Color | None = None
    briefgen_fresh_height: float = 0.0

    def draw(self) -> None:
        super().draw()
        if self.briefgen_rule is None:
            return
        canv = self.canv
        with artifact(canv):
            canv.saveState()
            canv.setStrokeColor(self.briefgen_rule)
            canv.setLineWidth(FIGURE_RULE_WIDTH)
            y = self._height - FIGURE_RULE_WIDTH / 2
            cols = self._colpositions
            for i in range(len(cols) - 1):
                gap = 2 * CELL_PAD_X if i < len(cols) - 2 else 0
                canv.line(cols[i], y, cols[i + 1] - gap, y)
            canv.restoreState()

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        self._calc(availWidth, availHeight)
        if self._height <= self.briefgen_fresh_height + FUZZ:
            return []
        parts = self._splitRows(availHeight, doInRowSplit=True)
        for i, part in enumerate(parts):
            part.briefgen_rule = self.briefgen_rule if i == 0 else None
            part.briefgen_fresh_height = self.briefgen_fresh_height
        return parts


def figures_table(
    st: Styles,
    figures: Figures,
    text_width: float,
    frame_height: float,
    tags: TableTags | None = None,
) -> _FiguresTable:
    """Return the key figures as one row of cells, each a value over its label.

    With ``tags`` (made with ``row_headers``) they are tagged as a table of one row per
    figure, in the order they are drawn: the value as the row's header (TH), its label.
    """
    muted = st.style.colours["muted"]
    cells = []
    for i, f in enumerate(figures.items):
        value = rl_paragraph(st, (Run(f.value),), "figure-value")
        extra = [(Run(" " + f.note), muted)] if f.note else []
        label = rl_paragraph(st, (Run(f.label),), "figure-label", extra=extra)
        if tags is not None:
            tag(value, tags.cell(i, 0))
            tag(label, tags.cell(i, 1))
        cells.append([value, label])
    n = len(cells)
    table = _FiguresTable([cells], colWidths=[text_width / n] * n, style=cell_commands(st))
    table.briefgen_rule = st.colour["accent"]
    table.briefgen_fresh_height = frame_height
    table.spaceAfter = 6
    return table
