"""The chronology table: chunks of rows, a header repeated on each page, key-row bars."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.platypus import Flowable
from reportlab.platypus import Table as RLTable

from briefgen.document import (
    Row,
    Run,
    Table,
)
from briefgen.stylespec import leading
from briefgen.write.pdf.paragraphs import rl_paragraph
from briefgen.write.pdf.styles import Styles
from briefgen.write.pdf.tagging import artifact, tag
from briefgen.write.pdf.tagtables import TableTags, tag_table
from briefgen.write.pdf.text import FUZZ

CELL_PAD_X = 4.0  # points, left and right


CELL_PAD_Y = 3.0  # points, top and bottom


RULE_WIDTH = 0.5


KEY_BAR_WIDTH = 2.0  # the accent bar inside the left edge of a key row


ROWS_PER_CHUNK = 60


# a reportlab table style command: (name, (col, row), (col, row), values...)
TableCommand = tuple[Any, ...]


class _RowsTable(RLTable):
    """A chunk of a long table.

    It splits between rows; a single row is split inside only when it is taller than a
    whole page (below the repeated header). ``briefgen_header`` makes a fresh header row
    to draw at the top of each page the table continues on.
    """

    briefgen_header: Callable[[], RLTable] | None = None
    briefgen_fresh_height: float = 0.0
    briefgen_rows = 0  # rows of the document's table in this chunk, for progress
    briefgen_key_bar: tuple[colors.Color, colors.Color] | None = None  # (key fill, bar)

    def draw(self) -> None:
        super().draw()
        if not self.briefgen_key_bar:
            return
        # key rows: a bar inside the left edge, over the shading (found from the shading
        # commands, which reportlab keeps right when it splits the table)
        fill, bar = self.briefgen_key_bar
        rows: set[int] = set()
        n = len(self._rowpositions) - 1
        for cmd in self._bkgrndcmds:
            if cmd[0] == "BACKGROUND" and cmd[3] == fill:
                start, stop = cmd[1][1], cmd[2][1]
                start, stop = (start + n if start < 0 else start), (stop + n if stop < 0 else stop)
                rows.update(range(max(0, start), min(n - 1, stop) + 1))
        canv = self.canv
        with artifact(canv):
            canv.saveState()
            canv.setFillColor(bar)
            for i in sorted(rows):
                top, bottom = self._rowpositions[i], self._rowpositions[i + 1]
                canv.rect(RULE_WIDTH / 2, bottom, KEY_BAR_WIDTH, top - bottom, stroke=0, fill=1)
            canv.restoreState()

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        self._calc(availWidth, availHeight)
        result = self._splitRows(availHeight, doInRowSplit=False)
        if (
            not result
            and self._rowHeights
            and self._rowHeights[0] > self.briefgen_fresh_height + FUZZ
        ):
            result = self._splitRows(availHeight, doInRowSplit=True)
        for part in result:
            part.briefgen_header = self.briefgen_header
            part.briefgen_fresh_height = self.briefgen_fresh_height
            part.briefgen_key_bar = self.briefgen_key_bar
        return result


def cell_commands(st: Styles) -> list[TableCommand]:
    body = st.sizes["body"]
    return [
        # the cell font matters only for empty cells, but keeps reportlab off Helvetica
        ("FONTNAME", (0, 0), (-1, -1), st.font()),
        ("FONTSIZE", (0, 0), (-1, -1), body),
        ("LEADING", (0, 0), (-1, -1), leading(body)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD_X),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD_X),
        ("TOPPADDING", (0, 0), (-1, -1), CELL_PAD_Y),
        ("BOTTOMPADDING", (0, 0), (-1, -1), CELL_PAD_Y),
    ]


def _grid_commands(st: Styles, key_rows: Iterable[int], header: bool) -> list[TableCommand]:
    cmds = cell_commands(st)
    cmds.append(("GRID", (0, 0), (-1, -1), RULE_WIDTH, st.colour["rule"]))
    if header:
        cmds.append(("BACKGROUND", (0, 0), (-1, 0), st.colour["accent"]))
    for i in key_rows:
        cmds.append(("BACKGROUND", (0, i), (-1, i), st.colour["key_fill"]))
    return cmds


def table_flowables(
    st: Styles,
    table: Table,
    text_width: float,
    frame_height: float,
    tags: TableTags | None = None,
) -> list[Flowable]:
    """Return the table as flowables: its header, then chunks of rows.

    With ``tags`` the header row is row 0 of the tagged table (TH cells), the document's
    rows follow (TD cells), and the header drawn again on later pages is an artifact.
    """
    widths = [max(0.0, float(w)) for w in table.widths] or [1.0]
    n_cols = max(len(widths), len(table.header), *(len(r.cells) for r in table.rows), 1)
    widths = (widths + [0.0] * n_cols)[:n_cols]
    total = sum(widths)
    if total <= 0:
        widths = [1.0 / n_cols] * n_cols
    elif total > 1.0 + 1e-9 or any(w <= 0 for w in widths):
        # keep the table inside the text width and every column usable
        floor = 0.02
        widths = [max(w / total, floor) for w in widths]
        total = sum(widths)
        widths = [w / total for w in widths]
    col_widths = [w * text_width for w in widths]
    if sum(col_widths) > text_width - 0.01:  # guard against rounding past the frame
        col_widths[-1] = max(1.0, text_width - sum(col_widths[:-1]) - 0.01)

    header_cells = list(table.header) + [""] * (n_cols - len(table.header))

    def make_header() -> RLTable:
        data = [[[rl_paragraph(st, (Run(h),), "table-header")] for h in header_cells]]
        t = RLTable(data, colWidths=col_widths, style=_grid_commands(st, (), True))
        t.keepWithNext = 1
        return t

    def make_repeat() -> RLTable:
        repeat = make_header()
        return repeat if tags is None else tag(repeat, None)

    header_height = make_header().wrap(text_width, frame_height)[1]
    fresh_height = frame_height - header_height

    def make_rows(rows: Sequence[Row]) -> _RowsTable:
        data = []
        keys = []
        for i, row in enumerate(rows):
            cells = list(row.cells) + [()] * (n_cols - len(row.cells))
            data.append(
                [[rl_paragraph(st, p.content, p.style) for p in cell] for cell in cells[:n_cols]]
            )
            if row.key:
                keys.append(i)
        t = _RowsTable(
            data,
            colWidths=col_widths,
            style=_grid_commands(st, keys, False),
            splitByRow=1,
            splitInRow=0,
        )
        t.briefgen_header = make_repeat
        t.briefgen_fresh_height = fresh_height
        t.briefgen_rows = len(rows)
        if keys:
            t.briefgen_key_bar = (st.colour["key_fill"], st.colour["accent"])
        return t

    def tagged(t: RLTable, first_row: int) -> RLTable:
        return t if tags is None else tag_table(t, tags, first_row)

    out: list[Flowable] = [tagged(make_header(), 0)]
    rows = table.rows
    if not rows:
        out[0].keepWithNext = 0
        return out
    # the header is kept with the first row; the rest comes in chunks
    out.append(tagged(make_rows(rows[:1]), 1))
    for start in range(1, len(rows), ROWS_PER_CHUNK):
        out.append(tagged(make_rows(rows[start : start + ROWS_PER_CHUNK]), 1 + start))
    return out
