"""Inline runs (text, bold, italic, links) as WordprocessingML."""

from __future__ import annotations

from briefgen.document import (
    Inline,
    Run,
    is_link_url,
)
from briefgen.write.docx.context import Ctx
from briefgen.write.docx.xml import link_target, text_runs


def _run_xml(run: Run, ctx: Ctx) -> str:
    link = is_link_url(run.url)
    props = ""
    if link:
        props += f'<w:rStyle w:val="{ctx.sid("Hyperlink")}"/>'
    if run.bold:
        props += "<w:b/><w:bCs/>"
    if run.italic:
        props += "<w:i/><w:iCs/>"
    xml = text_runs(run.text, f"<w:rPr>{props}</w:rPr>" if props else "")
    if link and xml:
        rid = ctx.link_rid(link_target(run.url or ""))
        return f'<w:hyperlink r:id="{rid}" w:history="1">{xml}</w:hyperlink>'
    return xml


def inline_xml(content: Inline, ctx: Ctx) -> str:
    return "".join(_run_xml(r, ctx) for r in content)
