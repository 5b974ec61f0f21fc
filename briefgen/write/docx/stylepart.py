"""Merge our styles and list numbering into the styles and numbering parts."""

from __future__ import annotations

import re

import docx
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml
from docx.parts.numbering import NumberingPart
from lxml import etree

from briefgen.document import (
    Document,
)
from briefgen.styles import Style
from briefgen.write.docx.styles import BULLET_INDENT, SOURCE_INDENT, Numbering, StyleDef, style_defs
from briefgen.write.docx.template import language
from briefgen.write.docx.xml import NS, attr


def _int(value: str | None) -> int:
    try:
        return int(value or "")
    except ValueError:
        return 0


def _numbering_element(document: docx.document.Document) -> etree._Element:
    """Return the w:numbering element, adding a numbering part if the file has none."""
    part = document.part
    try:
        return part.part_related_by(RT.NUMBERING).element  # type: ignore[attr-defined]
    except KeyError:
        pass
    name = "/word/numbering.xml"
    taken = {str(p.partname) for p in part.package.iter_parts()}
    n = 1
    while name in taken:
        n += 1
        name = f"/word/numbering{n}.xml"
    numbering_part = NumberingPart(
        PackURI(name), CT.WML_NUMBERING, parse_xml(f"<w:numbering {NS}/>"), part.package
    )
    part.relate_to(numbering_part, RT.NUMBERING)
    return numbering_part.element


def merge_styles(
    document: docx.document.Document, sheet: Style, doc: Document, stock: bool, text_width: int
) -> tuple[dict[str, str], Numbering, object, dict[str, bool]]:
    """Define our styles and list numbering; return style ids by lower-cased name."""
    styles = document.styles.element
    numbering = _numbering_element(document)
    if stock:  # python-docx's stock template: start from our own clean set
        for node in styles.findall(qn("w:style")):
            styles.remove(node)
        for tag in ("w:abstractNum", "w:num", "w:numPicBullet", "w:numIdMacAtCleanup"):
            for node in numbering.findall(qn(tag)):
                numbering.remove(node)
    # docDefaults: language always; font and size only for our own base
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = parse_xml(f"<w:docDefaults {NS}/>")
        styles.insert(0, defaults)
    lang = attr(language(doc))
    if stock:
        for node in list(defaults):
            defaults.remove(node)
        f = attr(sheet.font)
        half = round(sheet.sizes["body"] * 2)
        defaults.append(
            parse_xml(
                f"<w:rPrDefault {NS}><w:rPr>"
                f"<w:rFonts w:ascii={f} w:hAnsi={f} w:cs={f} w:eastAsia={f}/>"
                f'<w:sz w:val="{half}"/><w:szCs w:val="{half}"/>'
                f'<w:lang w:val={lang} w:eastAsia={lang} w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
            )
        )
        defaults.append(
            parse_xml(
                f'<w:pPrDefault {NS}><w:pPr><w:spacing w:after="0" w:line="240" '
                'w:lineRule="auto"/></w:pPr></w:pPrDefault>'
            )
        )
    else:
        rpr_default = defaults.find(qn("w:rPrDefault"))
        if rpr_default is None:
            rpr_default = parse_xml(f"<w:rPrDefault {NS}/>")
            defaults.insert(0, rpr_default)
        rpr = rpr_default.find(qn("w:rPr"))
        if rpr is None:
            rpr = parse_xml(f"<w:rPr {NS}/>")
            rpr_default.append(rpr)
        node = rpr.find(qn("w:lang"))
        if node is None:
            node = parse_xml(f"<w:lang {NS}/>")
            later = [rpr.find(qn(t)) for t in ("w:eastAsianLayout", "w:specVanish", "w:oMath")]
            after = next((n for n in later if n is not None), None)
            if after is not None:  # keep the schema's order
                after.addprevious(node)
            else:
                rpr.append(node)
        node.set(qn("w:val"), language(doc))

    # numbering: abstract definitions for bullets, numbers and numbered sources
    abstract_ids = [
        _int(n.get(qn("w:abstractNumId"))) for n in numbering.findall(qn("w:abstractNum"))
    ]
    num_ids = [_int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))]
    next_abstract = max(abstract_ids, default=-1) + 1
    next_num = max(num_ids, default=0) + 1
    num = Numbering()

    def abstract(fmt: str, text: str, indent: int, style_name: str | None) -> int:
        nonlocal next_abstract
        aid = next_abstract
        next_abstract += 1
        link = f'<w:pStyle w:val="{style_name}"/>' if style_name else ""
        node = parse_xml(
            f'<w:abstractNum {NS} w:abstractNumId="{aid}">'
            f'<w:nsid w:val="{0x4B1E0000 + aid:08X}"/>'
            '<w:multiLevelType w:val="singleLevel"/>'
            f'<w:tmpl w:val="{0x4B1F0000 + aid:08X}"/>'
            f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>{link}'
            f'<w:lvlText w:val={attr(text)}/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="{indent}" w:hanging="{indent}"/></w:pPr></w:lvl>'
            "</w:abstractNum>"
        )
        existing = numbering.findall(qn("w:abstractNum"))
        if existing:
            existing[-1].addnext(node)
        else:
            first_num = numbering.find(qn("w:num"))
            if first_num is not None:
                first_num.addprevious(node)
            else:
                numbering.append(node)
        return aid

    def num_for(aid: int) -> int:
        nonlocal next_num
        nid = next_num
        next_num += 1
        numbering.append(
            parse_xml(f'<w:num {NS} w:numId="{nid}"><w:abstractNumId w:val="{aid}"/></w:num>')
        )
        return nid

    bullet_abstract = abstract("bullet", "•", BULLET_INDENT, "ListBullet" if stock else None)
    num.abstract_number = abstract("decimal", "%1.", BULLET_INDENT, "ListNumber" if stock else None)
    num.abstract_source = abstract("decimal", "%1.", SOURCE_INDENT, None)
    num.bullet = num_for(bullet_abstract)
    num.number = num_for(num.abstract_number)
    num.next_num = next_num

    # styles: ours where the template has none of that name
    by_name: dict[str, str] = {}
    existing_ids: set[str] = set()
    defaults_by_type: dict[str, str] = {}
    for node in styles.findall(qn("w:style")):
        sid = node.get(qn("w:styleId")) or ""
        existing_ids.add(sid)
        name_node = node.find(qn("w:name"))
        name = (name_node.get(qn("w:val")) if name_node is not None else sid) or sid
        by_name.setdefault(name.lower(), sid)
        if node.get(qn("w:default")) in ("1", "true", "on"):
            defaults_by_type.setdefault(node.get(qn("w:type")) or "paragraph", sid)
    defs = style_defs(sheet, text_width, num)
    to_add: list[StyleDef] = []
    for d in defs:
        if d.stored.lower() in by_name or d.name.lower() in by_name:
            by_name[d.name.lower()] = by_name.get(d.stored.lower()) or by_name[d.name.lower()]
            continue
        if d.default and d.kind in defaults_by_type:
            by_name[d.name.lower()] = defaults_by_type[d.kind]
            continue
        sid = d.style_id
        n = 1
        while sid in existing_ids:
            n += 1
            sid = f"{d.style_id}{n}"
        existing_ids.add(sid)
        by_name[d.name.lower()] = sid
        by_name[d.stored.lower()] = sid
        to_add.append(StyleDef(d.name, d.stored, sid, d.kind, d.body, d.default))

    def resolve(body: str) -> str:
        return re.sub(
            r"'@([^']+)'", lambda m: f'"{by_name.get(m.group(1).lower(), "Normal")}"', body
        )

    for d in to_add:
        default = ' w:default="1"' if d.default and d.kind not in defaults_by_type else ""
        styles.append(
            parse_xml(
                f'<w:style {NS} w:type="{d.kind}"{default} w:styleId="{d.style_id}">'
                f"<w:name w:val={attr(d.stored)}/>{resolve(d.body)}</w:style>"
            )
        )
    # does each list style number its paragraphs by itself?
    has_numpr: dict[str, bool] = {}
    for name in ("list bullet", "list number"):
        node = styles.find(f"{qn('w:style')}[@{qn('w:styleId')}='{by_name[name]}']")
        has_numpr[name] = (
            node is not None and node.find(f"{qn('w:pPr')}/{qn('w:numPr')}") is not None
        )
    return by_name, num, numbering, has_numpr
