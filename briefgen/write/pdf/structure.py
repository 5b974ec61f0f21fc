"""The post-pass: write the recorded structure tree and the PDF/UA entries with pikepdf.

``StructTreeRoot`` (with a ``RoleMap`` for roles PDF 1.7 does not define), the
``ParentTree``, ``/StructParents`` and ``/Tabs /S`` on pages, ``/StructParent`` and
``OBJR`` for links, ``/MarkInfo``, ``/Lang``, ``DisplayDocTitle`` and XMP metadata with
``pdfuaid:part=1``. The outline and the document information are kept; the output is
byte-identical for the same input (a deterministic file id, no dates from the clock).
"""

from __future__ import annotations

import io
from typing import Any
from xml.sax.saxutils import escape as xml_escape

import pikepdf

from briefgen.write.pdf.tagging import STANDARD_ROLES, Element, Mark, StructTree


def finish(pdf_in: bytes, tree: StructTree, title: str, lang: str = "en-GB") -> bytes:
    """Return the PDF ``pdf_in`` with ``tree`` and the PDF/UA catalogue entries written in.

    Works in memory (the build writes files atomically); outline and document info are kept.
    """
    with pikepdf.open(io.BytesIO(pdf_in)) as pdf:
        _write_tree(pdf, tree)
        root = pdf.Root
        root.MarkInfo = pikepdf.Dictionary(Marked=True)
        root.Lang = pikepdf.String(lang)
        prefs = root.get("/ViewerPreferences", pikepdf.Dictionary())
        prefs.DisplayDocTitle = True
        root.ViewerPreferences = prefs
        xmp = pikepdf.Stream(pdf, _xmp(title, lang).encode("utf-8"))
        xmp.Type, xmp.Subtype = pikepdf.Name.Metadata, pikepdf.Name.XML
        root.Metadata = pdf.make_indirect(xmp)
        buf = io.BytesIO()
        pdf.save(
            buf,
            deterministic_id=True,
            object_stream_mode=pikepdf.ObjectStreamMode.generate,
        )
    return buf.getvalue()


def _write_tree(pdf: pikepdf.Pdf, tree: StructTree) -> None:
    pages = [p.obj for p in pdf.pages]
    parents: dict[int, list[Any]] = {}
    annot_parents: list[Any] = []
    name = pikepdf.Name
    mcr, objr, struct_elem = name("/MCR"), name("/OBJR"), name("/StructElem")
    roles = set()

    def build(elem: Element, parent: Any) -> Any:
        roles.add(elem.role)
        entries: dict[str, Any] = {"/Type": struct_elem, "/S": name("/" + elem.role), "/P": parent}
        pg = next((k.page for k in elem.kids if isinstance(k, Mark)), None)
        if pg is not None:
            entries["/Pg"] = pages[pg]
        if elem.alt is not None:
            entries["/Alt"] = pikepdf.String(elem.alt)
        if elem.attrs:
            attrs = {"/" + k: name("/" + v) for k, v in elem.attrs.items()}
            entries["/A"] = pikepdf.Dictionary(attrs)
        d = pdf.make_indirect(pikepdf.Dictionary(entries))
        kids: list[Any] = []
        for kid in elem.kids:
            if isinstance(kid, Element):
                kids.append(build(kid, d))
            elif isinstance(kid, Mark):
                parents.setdefault(kid.page, []).append((kid.mcid, d))
                if kid.page == pg:
                    kids.append(kid.mcid)
                else:
                    kids.append(pikepdf.Dictionary(Type=mcr, Pg=pages[kid.page], MCID=kid.mcid))
            else:
                annot = pages[kid.page].Annots[kid.slot]
                annot.StructParent = len(pages) + len(annot_parents)
                annot_parents.append(d)
                if not str(annot.get("/Contents", "")):
                    annot.Contents = pikepdf.String(kid.contents)
                kids.append(pikepdf.Dictionary(Type=objr, Obj=annot, Pg=pages[kid.page]))
        if kids:
            d.K = kids[0] if len(kids) == 1 else pikepdf.Array(kids)
        return d

    st = pdf.make_indirect(pikepdf.Dictionary(Type=name.StructTreeRoot))
    st.K = build(tree.root, st)
    nums: list[Any] = []
    for i, page in enumerate(pages):
        page.Tabs = name.S
        if i in parents:
            page.StructParents = i
            nums += [i, pdf.make_indirect(pikepdf.Array([d for _m, d in sorted(parents[i])]))]
    for k, d in enumerate(annot_parents):
        nums += [len(pages) + k, d]
    st.ParentTree = pdf.make_indirect(pikepdf.Dictionary(Nums=pikepdf.Array(nums)))
    st.ParentTreeNextKey = len(pages) + len(annot_parents)
    custom = {r: tree.role_map.get(r, "P") for r in roles if r not in STANDARD_ROLES}
    if custom:
        st.RoleMap = pikepdf.Dictionary({"/" + k: name("/" + v) for k, v in custom.items()})
    pdf.Root.StructTreeRoot = st


def _xmp(title: str, lang: str) -> str:
    t, lg = xml_escape(title), xml_escape(lang)
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">\n'
        f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{t}</rdf:li></rdf:Alt></dc:title>\n'
        f"<dc:language><rdf:Bag><rdf:li>{lg}</rdf:li></rdf:Bag></dc:language>\n"
        "<pdfuaid:part>1</pdfuaid:part>\n"
        "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n"
        '<?xpacket end="w"?>'
    )
