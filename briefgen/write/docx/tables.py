"""The chronology table: fixed columns, a repeating header row, rows kept whole."""

from __future__ import annotations

import math
from collections.abc import Sequence
from xml.sax.saxutils import quoteattr

from briefgen.document import (
    Paragraph,
    Table,
    row_bookmark,
)
from briefgen.stylespec import leading, spec
from briefgen.write.docx.context import Ctx
from briefgen.write.docx.inline import inline_xml
from briefgen.write.docx.styles import key_style, word_style
from briefgen.write.docx.xml import (
    LOOK_HEADER,
    grid,
    split_widths,
    tbl_pr,
    text_runs,
    twips_pt,
    w_p,
)

# Average glyph width as a fraction of the font size, rounded up, for the row-height guess.
_AVG_CHAR_EM = {"Arial": 0.55, "Times New Roman": 0.5, "Courier New": 0.62}


_CELL_PAD_TWIPS = (twips_pt(3), twips_pt(4), twips_pt(3), twips_pt(4))  # top, r, b, l


def _row_height_guess(cells: Sequence[Sequence[Paragraph]], widths: Sequence[int], ctx: Ctx) -> int:
    """Return a generous estimate (twips) of a chronology row's height.

    Used only to decide whether a row may be kept on one page (w:cantSplit): a row taller
    than a page must be allowed to split or Word clips it.
    """
    em = _AVG_CHAR_EM.get(ctx.sheet.font, 0.6)
    tallest = 0
    for cell, width in zip(cells, widths, strict=False):
        inner = max(width - _CELL_PAD_TWIPS[1] - _CELL_PAD_TWIPS[3], 200)
        height = 0.0
        for p in cell:
            size = ctx.sheet.sizes[spec(p.style).size]
            per_line = max(1, int(inner / (size * 20 * em)))
            text = "".join(r.text for r in p.content)
            lines = sum(max(1, math.ceil(len(piece) / per_line)) for piece in text.split("\n"))
            height += lines * leading(size) * 20 + twips_pt(2)
        tallest = max(tallest, int(height))
    return tallest + _CELL_PAD_TWIPS[0] + _CELL_PAD_TWIPS[2]


_PROGRESS_EVERY = 250  # table rows between progress reports


def table_xml(t: Table, ctx: Ctx) -> str:
    if not t.header and not t.rows:
        return ""  # Word counts a table without rows as a damaged file
    n_cols = max(1, len(t.header), len(t.widths), *(len(r.cells) for r in t.rows))
    fractions = list(t.widths[:n_cols]) + [1.0 / n_cols] * (n_cols - len(t.widths))
    widths = split_widths(ctx.text_width, fractions)
    tc_w = [f'<w:tcW w:w="{w}" w:type="dxa"/>' for w in widths]
    header_id = ctx.sid("Table Header")
    detail_id = ctx.sid("Event Detail")
    key_detail_id = ctx.sid(key_style("event-detail"))
    max_row = ctx.text_height - twips_pt(leading(ctx.sheet.sizes["body"]) + 6) - twips_pt(12)
    cache: dict[tuple[str, bool], str] = {}  # (paragraph style, key row) -> style id
    caption = t.caption or "Table"
    description = t.description or f"Columns: {', '.join(t.header)}."
    pr = tbl_pr(ctx.sid("Chronology Table"), ctx.text_width, LOOK_HEADER, caption, description)
    out = [f"<w:tbl>{pr}"]
    out.append(grid(widths))
    if t.header:
        out.append("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>")
        for i in range(n_cols):
            label = t.header[i] if i < len(t.header) else ""
            out.append(
                f"<w:tc><w:tcPr>{tc_w[i]}</w:tcPr>{w_p(header_id, text_runs(label, ''))}</w:tc>"
            )
        out.append("</w:tr>")
    for row in t.rows:
        cells = list(row.cells[:n_cols]) + [()] * (n_cols - len(row.cells))
        split = _row_height_guess(cells, widths, ctx) > max_row
        out.append("<w:tr>" if split else "<w:tr><w:trPr><w:cantSplit/></w:trPr>")
        mark = _row_bookmark(row.id, ctx) if row.id else ""
        for i, cell in enumerate(cells):
            out.append(f"<w:tc><w:tcPr>{tc_w[i]}</w:tcPr>")
            if not cell:
                out.append(w_p(key_detail_id if row.key else detail_id, mark))
                mark = ""
            for p in cell:
                # a key row is shaded by its paragraphs' "Key Event" styles, not by the cell
                sid = cache.get((p.style, row.key))
                if sid is None:
                    word = key_style(p.style) if row.key else word_style(p.style)
                    sid = cache[(p.style, row.key)] = ctx.sid(word)
                out.append(w_p(sid, mark + inline_xml(p.content, ctx)))
                mark = ""
            out.append("</w:tc>")
        out.append("</w:tr>")
        if ctx.progress is not None:
            ctx.rows_done += 1
            if ctx.rows_done % _PROGRESS_EVERY == 0 or ctx.rows_done == ctx.rows_total:
                ctx.progress(ctx.rows_done, ctx.rows_total)
    out.append("</w:tbl>")
    return "".join(out)


def _row_bookmark(event_id: str, ctx: Ctx) -> str:
    """Return a hidden, empty bookmark naming the row's event, for ``briefgen pull``."""
    ctx.bookmarks += 1
    n = ctx.bookmarks
    name = quoteattr(row_bookmark(event_id))
    return f'<w:bookmarkStart w:id="{n}" w:name={name}/><w:bookmarkEnd w:id="{n}"/>'
