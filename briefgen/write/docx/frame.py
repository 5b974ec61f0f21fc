"""Read the page a Word template lays a briefing out on: its paper, margins, the fonts and
spacing of the styles it defines for us, and its header and footer paragraphs."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import docx
from docx.oxml.ns import qn
from lxml import etree

from briefgen.pageframe import PageFrame, WordLook
from briefgen.stylespec import SPEC
from briefgen.write.docx.template import inherit_hdrftr, open_template

_EMU_PER_MM = 36000
_EMU_PER_PT = 12700
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
_ON = ("1", "true", "on", None)  # a toggle with no w:val is on


def _int(value: str | None) -> int | None:
    """Return an attribute's whole number (None: missing or not a number)."""
    try:
        return int(value or "")
    except ValueError:
        return None


def _twips(value: str | None) -> float | None:
    number = _int(value)
    return None if number is None else number / 20


class _Styles:
    """A template's styles part: each paragraph style's properties through its basedOn
    chain, then the document defaults, with theme fonts named."""

    def __init__(self, document: docx.document.Document) -> None:
        self.root = document.styles.element
        self.by_id = {s.get(qn("w:styleId")): s for s in self.root.findall(qn("w:style"))}
        self.by_name: dict[str, str] = {}
        self.default_id = ""
        for sid, node in self.by_id.items():
            name = node.find(qn("w:name"))
            label = (name.get(qn("w:val")) if name is not None else sid) or sid or ""
            self.by_name.setdefault(label.lower(), sid or "")
            if node.get(qn("w:type")) == "paragraph" and node.get(qn("w:default")) in _ON[:3]:
                self.default_id = self.default_id or sid or ""
        self.theme = _theme_fonts(document)
        self.numbering = _numbering(document)

    def chain(self, sid: str | None, first: Sequence[etree._Element] = ()) -> list[etree._Element]:
        """Return the pPr/rPr holders from ``first`` (a paragraph's own) to the defaults."""
        out = list(first)
        seen: set[str] = set()
        sid = sid or self.default_id
        while sid and sid not in seen and sid in self.by_id:
            seen.add(sid)
            node = self.by_id[sid]
            out.append(node)
            based = node.find(qn("w:basedOn"))
            sid = based.get(qn("w:val")) if based is not None else None
        defaults = self.root.find(qn("w:docDefaults"))
        if defaults is not None:
            out.extend(n for n in (defaults.find(qn("w:pPrDefault")),
                                   defaults.find(qn("w:rPrDefault"))) if n is not None)  # fmt: skip
        return out

    def look(self, sid: str | None, own: Sequence[etree._Element] = ()) -> WordLook:
        """Return how a paragraph of style ``sid`` (None: the default) is laid out."""
        holders = self.chain(sid, own)

        def first(path: str) -> etree._Element | None:
            for h in holders:
                node = h.find(path)
                if node is not None:
                    return node
            return None

        def attr(path: str, name: str) -> str | None:
            for h in holders:
                node = h.find(path)
                value = node.get(qn(name)) if node is not None else None
                if value is not None:
                    return str(value)
            return None

        font = ""
        rfonts = f"{qn('w:rPr')}/{qn('w:rFonts')}"
        for h in holders:  # the nearest of a named font and a theme font wins
            node = h.find(rfonts)
            if node is not None and node.get(qn("w:ascii")):
                font = node.get(qn("w:ascii")) or ""
                break
            if node is not None and node.get(qn("w:asciiTheme")):
                font = self.theme.get((node.get(qn("w:asciiTheme")) or "")[:5], "")
                break
        half_points = attr(f"{qn('w:rPr')}/{qn('w:sz')}", "w:val")
        bold = first(f"{qn('w:rPr')}/{qn('w:b')}")
        spacing = f"{qn('w:pPr')}/{qn('w:spacing')}"
        lines = _int(attr(spacing, "w:line"))
        rule = attr(spacing, "w:lineRule") or "auto"
        border = 0.0
        pbdr = first(f"{qn('w:pPr')}/{qn('w:pBdr')}")
        if pbdr is not None:
            for side in ("top", "bottom"):
                edge = pbdr.find(qn(f"w:{side}"))
                if edge is not None and edge.get(qn("w:val")) not in ("nil", "none"):
                    width = (_int(edge.get(qn("w:sz"))) or 0) / 8
                    border += width + (_int(edge.get(qn("w:space"))) or 0)
        indent = _twips(attr(f"{qn('w:pPr')}/{qn('w:ind')}", "w:left"))
        if indent is None:
            indent = _twips(attr(f"{qn('w:pPr')}/{qn('w:ind')}", "w:start"))
        if indent is None:  # a list style's indent is its numbering's
            num = attr(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}", "w:val")
            indent = self.numbering.get(num or "")
        contextual = first(f"{qn('w:pPr')}/{qn('w:contextualSpacing')}")
        tracking = _twips(attr(f"{qn('w:rPr')}/{qn('w:spacing')}", "w:val"))
        return WordLook(
            font=font,
            size=(_int(half_points) or 20) / 2,
            bold=bold is not None and bold.get(qn("w:val")) in _ON,
            before=_twips(attr(spacing, "w:before")) or 0.0,
            after=_twips(attr(spacing, "w:after")) or 0.0,
            line=(lines / 240 if rule == "auto" else lines / 20) if lines else 1.0,
            line_rule=rule if rule in ("auto", "atLeast", "exact") else "auto",
            border=border,
            indent=indent or 0.0,
            contextual=contextual is not None and contextual.get(qn("w:val")) in _ON,
            tracking=max(0.0, tracking or 0.0),
        )

    def owned(self, word_name: str) -> str | None:
        """Return the id of the template's style called ``word_name`` (None: it has none,
        and the DOCX writer adds briefgen's own)."""
        if word_name == "Normal":
            return self.by_name.get("normal") or self.default_id or None
        return self.by_name.get(word_name.lower())


def _theme_fonts(document: docx.document.Document) -> dict[str, str]:
    """Return the theme's major and minor Latin fonts as {"major": ..., "minor": ...}."""
    fonts: dict[str, str] = {}
    for part in document.part.package.iter_parts():
        if str(part.partname).startswith("/word/theme/"):
            root = etree.fromstring(part.blob)
            for kind in ("major", "minor"):
                node = root.find(f".//{_A}{kind}Font/{_A}latin")
                if node is not None:
                    fonts.setdefault(kind, node.get("typeface") or "")
    return fonts


def _numbering(document: docx.document.Document) -> dict[str, float]:
    """Return each list numbering's first-level text indent (points) by numId."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    try:
        root = document.part.part_related_by(RT.NUMBERING).element  # type: ignore[attr-defined]
    except KeyError:
        return {}
    indents: dict[str, float] = {}
    for node in root.findall(qn("w:abstractNum")):
        ind = node.find(f"{qn('w:lvl')}[@{qn('w:ilvl')}='0']/{qn('w:pPr')}/{qn('w:ind')}")
        left = _twips(ind.get(qn("w:left")) or ind.get(qn("w:start"))) if ind is not None else None
        if left is not None:
            indents[f"a{node.get(qn('w:abstractNumId'))}"] = left
    out: dict[str, float] = {}
    for num in root.findall(qn("w:num")):
        abstract = num.find(qn("w:abstractNumId"))
        if abstract is not None:
            left = indents.get(f"a{abstract.get(qn('w:val'))}")
            if left is not None:
                out[num.get(qn("w:numId")) or ""] = left
    return out


def _paragraphs(styles: _Styles, part: object) -> tuple[tuple[WordLook, str], ...]:
    """Return a header's or footer's paragraphs (in its tables too), each with its look
    (its style with the paragraph's own formatting) and text."""
    if part is None or getattr(part, "is_linked_to_previous", True):
        return ()
    out = []
    for p in part._element.iter(qn("w:p")):  # type: ignore[attr-defined]
        ppr = p.find(qn("w:pPr"))
        style = ppr.find(qn("w:pStyle")) if ppr is not None else None
        own = [p] if ppr is not None else []
        look = styles.look(style.get(qn("w:val")) if style is not None else None, own)
        tallest = max(
            ((_int(e.get("cy")) or 0) / _EMU_PER_PT
             for i in p.iter(f"{_WP}inline") for e in i.findall(f"{_WP}extent")),
            default=0.0,
        )  # fmt: skip
        text = "".join(t.text or "" for t in p.iter(qn("w:t")))
        out.append((replace(look, image=tallest), text))
    return tuple(out)


def _has_page_field(part: object) -> bool:
    if part is None or getattr(part, "is_linked_to_previous", True):
        return False
    element = part._element  # type: ignore[attr-defined]
    instr = "".join(t.text or "" for t in element.iter(qn("w:instrText")))
    simple = " ".join(f.get(qn("w:instr")) or "" for f in element.iter(qn("w:fldSimple")))
    return "PAGE" in f"{instr} {simple}".upper().split()


def page_frame(template: Path) -> PageFrame:
    """Return the page ``template`` lays the briefing's body out on (see ``PageFrame``):
    its paper and margins, the look of every style the DOCX takes from it, and the
    paragraphs of the header and footer page 1 shows."""
    document = open_template(template)
    inherit_hdrftr(document)
    section = document.sections[-1]

    def mm(value: int | None, default: float) -> float:
        return value / _EMU_PER_MM if value is not None else default

    width, height = mm(section.page_width, 210.0), mm(section.page_height, 297.0)
    margins = (
        mm(section.top_margin, 25.4), mm(section.right_margin, 25.4),
        mm(section.bottom_margin, 25.4), mm(section.left_margin, 25.4),
    )  # fmt: skip
    styles = _Styles(document)
    normal = styles.look(styles.owned("Normal"))
    looks = []
    for name, spec in SPEC.items():
        sid = styles.owned(spec.word)
        if sid is not None and spec.word != "Normal":
            looks.append((str(name), styles.look(sid)))
        elif sid is not None:
            looks.append((str(name), normal))
    first = section.different_first_page_header_footer
    header = section.first_page_header if first else section.header
    footer = section.first_page_footer if first else section.footer
    return PageFrame(
        (width, height), margins, normal, tuple(looks),
        header_mm=mm(section.header_distance, 12.7), footer_mm=mm(section.footer_distance, 12.7),
        header=_paragraphs(styles, header), footer=_paragraphs(styles, footer),
        footer_has_page=_has_page_field(footer),
    )  # fmt: skip
