"""Translate each block type of a Document into body XML."""

from __future__ import annotations

from collections.abc import Iterable
from typing import assert_never

from briefgen.document import (
    Block,
    Bullets,
    Figures,
    Heading,
    Paragraph,
    Table,
    Timeline,
)
from briefgen.write.docx.context import Ctx
from briefgen.write.docx.inline import inline_xml
from briefgen.write.docx.styles import word_style
from briefgen.write.docx.tables import table_xml
from briefgen.write.docx.timeline import timeline_xml
from briefgen.write.docx.xml import (
    LOOK_PLAIN,
    border,
    grid,
    num_pr,
    tbl_pr,
    text_runs,
    twips_mm,
    w_p,
)

FIGURE_GAP_MM = 5.0  # gap between key-figure boxes


def _paragraph(p: Paragraph, ctx: Ctx) -> str:
    name = word_style(p.style)
    return w_p(ctx.sid(name), inline_xml(p.content, ctx))


def _heading(h: Heading, ctx: Ctx) -> str:
    name = "Heading 2" if h.level >= 2 else "Heading 1"
    return w_p(ctx.sid(name), text_runs(h.text, ""))


def _bullets(b: Bullets, ctx: Ctx) -> str:
    extra = ""
    if b.style == "source-list":
        name = "Source List"
        if b.numbered:
            extra = num_pr(ctx.restart_numbering(ctx.num.abstract_source))
    elif b.numbered:
        name = "List Number"
        extra = num_pr(ctx.restart_numbering(ctx.num.abstract_number))
    else:
        name = "List Bullet"
        if not ctx.has_list_numpr.get(name.lower(), True):
            extra = num_pr(ctx.num.bullet)  # a template's List Bullet without a bullet
    sid = ctx.sid(name)
    return "".join(w_p(sid, inline_xml(item, ctx), extra) for item in b.items)


def _figures(f: Figures, ctx: Ctx) -> str:
    n = len(f.items)
    if not n:
        return ""
    gap = min(twips_mm(FIGURE_GAP_MM), ctx.text_width // (8 * n))
    box = (ctx.text_width - gap * (n - 1)) // n
    widths: list[int] = []
    for i in range(n):
        widths.append(box)
        if i < n - 1:
            widths.append(gap)
    widths[-1] += ctx.text_width - sum(widths)
    top = border("top", 1.5, ctx.sheet.colours["accent"])
    value_id, label_id = ctx.sid("Figure Value"), ctx.sid("Figure Label")
    note_id = ctx.sid("Figure Note")
    about = "; ".join(f"{i.value}: {i.label}" for i in f.items)
    pr = tbl_pr(ctx.sid("Figures Table"), ctx.text_width, LOOK_PLAIN, "Key figures", about)
    out = [f"<w:tbl>{pr}"]
    out.append(grid(widths))
    out.append("<w:tr><w:trPr><w:cantSplit/></w:trPr>")
    for i, item in enumerate(f.items):
        label = text_runs(item.label, "")
        if item.note:
            label += text_runs(" " + item.note, f'<w:rPr><w:rStyle w:val="{note_id}"/></w:rPr>')
        out.append(
            f'<w:tc><w:tcPr><w:tcW w:w="{widths[2 * i]}" w:type="dxa"/>'
            f"<w:tcBorders>{top}</w:tcBorders></w:tcPr>"
            f"{w_p(value_id, text_runs(item.value, ''))}{w_p(label_id, label)}</w:tc>"
        )
        if i < n - 1:
            out.append(
                f'<w:tc><w:tcPr><w:tcW w:w="{gap}" w:type="dxa"/></w:tcPr>{w_p(label_id)}</w:tc>'
            )
    out.append("</w:tr></w:tbl>")
    return "".join(out)


def _block_xml(block: Block, ctx: Ctx) -> str:
    """Return one block as body XML: the one place each block type is translated."""
    match block:
        case Paragraph():
            return _paragraph(block, ctx)
        case Heading():
            return _heading(block, ctx)
        case Bullets():
            return _bullets(block, ctx)
        case Table():
            return table_xml(block, ctx)
        case Figures():
            return _figures(block, ctx)
        case Timeline():
            return timeline_xml(block, ctx)
        case _:
            assert_never(block)


def body_xml(blocks: Iterable[Block], ctx: Ctx) -> str:
    out: list[str] = []
    for block in blocks:
        xml = _block_xml(block, ctx)
        if not xml:
            continue
        if xml.startswith("<w:tbl>") and out and out[-1].endswith("</w:tbl>"):
            out.append(w_p(ctx.sid("Normal")))  # Word would merge adjacent tables
        out.append(xml)
    if out and out[-1].endswith("</w:tbl>"):
        out.append(w_p(ctx.sid("Note")))  # a body ends with a paragraph in Word
    return "".join(out)
