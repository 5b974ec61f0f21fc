"""Translate each block type of a Document into flowables (the one place per block)."""

from __future__ import annotations

from typing import assert_never

from reportlab.platypus import (
    Flowable,
)

from briefgen.document import (
    Block,
    Bullets,
    Document,
    Figures,
    Heading,
    Paragraph,
    Run,
    Table,
    Timeline,
)
from briefgen.write.pdf.figures import figures_table
from briefgen.write.pdf.paragraphs import contextual, hanging_only, rl_paragraph
from briefgen.write.pdf.styles import Styles
from briefgen.write.pdf.tables import table_flowables
from briefgen.write.pdf.tagging import F, StructTree, list_item, tag
from briefgen.write.pdf.tagtables import TableTags
from briefgen.write.pdf.text import clean
from briefgen.write.pdf.timeline import TimelineStrip


class _OutlineEntry(Flowable):
    """A zero-size marker drawn just before a heading: a destination and an outline entry."""

    _ZEROSIZE = True

    def __init__(self, key: str, title: str, level: int) -> None:
        super().__init__()
        self.key = key
        self.title = title
        self.level = level
        self.keepWithNext = 1
        self.width = self.height = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.bookmarkHorizontal(self.key, 0, 0)
        self.canv.addOutlineEntry(self.title, self.key, level=self.level, closed=False)
        self.canv.briefgen_outline = True


def doc_flowables(
    doc: Document,
    st: Styles,
    text_width: float,
    frame_height: float,
    tree: StructTree | None = None,
) -> list[Flowable]:
    """Return the document's blocks as flowables; ``tree`` (None: untagged) gets their
    structure elements, in reading order, and the flowables draw their marked content."""
    out: list[Flowable] = []
    have_level1 = False
    n_bookmarks = 0
    for block in doc.blocks:
        out.extend(_block_flowables(block, st, text_width, frame_height, tree))
    # outline levels: a level-2 heading nests under the last level-1 heading (if any)
    for f in out:
        if isinstance(f, _OutlineEntry):
            n_bookmarks += 1
            f.key = f"briefgen-h{n_bookmarks}"
            if f.level == 0:
                have_level1 = True
            elif not have_level1:
                f.level = 0
    return out


def _tag(flowable: F, tree: StructTree | None, role: str, alt: str | None = None) -> F:
    """Tag ``flowable`` as a new ``role`` element at the top level (no tree: as it is)."""
    return flowable if tree is None else tag(flowable, tree.root.add(role, alt))


def _block_flowables(
    block: Block,
    st: Styles,
    text_width: float,
    frame_height: float,
    tree: StructTree | None = None,
) -> list[Flowable]:
    """Return one block as flowables: the one place each block type is translated."""
    match block:
        case Heading(text=text, level=level, bookmark=bookmark):
            name = "heading1" if level <= 1 else "heading2"
            result: list[Flowable] = []
            if bookmark:
                result.append(_OutlineEntry("", clean(text).strip(), 0 if level <= 1 else 1))
            heading = rl_paragraph(st, (Run(text),), name)
            result.append(_tag(heading, tree, "H1" if level <= 1 else "H2"))
            return result
        case Paragraph(content=content, style=style):
            role = "Title" if style == "title" else "P"
            return [_tag(rl_paragraph(st, content, style), tree, role)]
        case Bullets(items=items, numbered=numbered, style=style):
            name = "source-list" if style == "source-list" else "bullet"
            lst = tree.root.add("L") if tree is not None else None
            result = []
            for i, item in enumerate(items, 1):
                if numbered:
                    marker: str | None = f"{i}."
                elif name == "bullet":
                    marker = "•"
                else:
                    marker = None
                p = rl_paragraph(st, item, name, bullet=marker)
                if marker is None:
                    p.style = hanging_only(p.style)
                if getattr(p.style, "briefgen_contextual", False):  # a template's list
                    p.style = contextual(p.style, first=i == 1, last=i == len(items))
                result.append(p if lst is None else list_item(p, lst))
            return result
        case Table():
            tags = TableTags(tree.root) if tree is not None else None
            return table_flowables(st, block, text_width, frame_height, tags)
        case Figures(items=items):
            if not items:
                return []
            tags = TableTags(tree.root, 0, row_headers=True) if tree is not None else None
            return [figures_table(st, block, text_width, frame_height, tags)]
        case Timeline(caption=caption, alt=alt):
            result = [_tag(TimelineStrip(st, block), tree, "Figure", alt or "Timeline")]
            if caption:
                result.append(_tag(rl_paragraph(st, (Run(caption),), "note"), tree, "P"))
            return result
        case _:
            assert_never(block)
