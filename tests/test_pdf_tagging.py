"""The tagged PDF: open every PDF a build writes with pikepdf and check what PDF/UA-1 asks.

Both documents of the example pack, both papers, both styles: the catalogue entries, the
structure tree's roles and reading order (the order of the marked content on the pages),
the ParentTree, alt text, header cells, links, artifacts, the ``pdfua`` checks; and that
tagging changes nothing a reader sees (pixel-identical pages to an untagged render).
"""

from __future__ import annotations

import io
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pikepdf
import pytest

from briefgen.compose.timeline import timeline_alt
from briefgen.document import Timeline
from briefgen.styles import load_style
from tests.outputs import needs_poppler, needs_qpdf
from tests.sample_documents import sample_briefing, sample_chronology

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "inputs" / "grooming-gangs-inquiry.yaml"
COMBOS = [(s, p) for s in ("default", "print") for p in ("a4", "letter")]
KINDS = ("chronology", "briefing")


@pytest.fixture(scope="module")
def packs(tmp_path_factory: Any) -> dict[tuple[str, str, str], Path]:
    out: dict[tuple[str, str, str], Path] = {}
    for style, paper in COMBOS:
        d = tmp_path_factory.mktemp(f"{style}-{paper}")
        cmd = [sys.executable, "-m", "briefgen", "build", str(EXAMPLE), "-o", str(d), "-q"]
        cmd += ["--format", "pdf", "--style", style, "--paper", paper]
        subprocess.run(cmd, check=True, cwd=ROOT)
        for kind in KINDS:
            out[(style, paper, kind)] = d / f"grooming-gangs-inquiry-{kind}.pdf"
    return out


ALL = [(s, p, k) for s, p in COMBOS for k in KINDS]
IDS = ["-".join(c) for c in ALL]


# -- reading the PDF back ---------------------------------------------------------------


def _shown(operands: Any) -> str:
    out = []
    for o in operands:
        items = o if isinstance(o, pikepdf.Array) else [o]
        out += [bytes(i).decode("latin-1") for i in items if isinstance(i, pikepdf.String)]
    return "".join(out)


def marked_content(page: pikepdf.Page) -> Iterator[tuple[str, int | None, str, str]]:
    """(tag, MCID or None, operator, text) for each text or XObject operator ("" if unmarked)."""
    stack: list[tuple[str, int | None]] = []
    for operands, op in pikepdf.parse_content_stream(page):
        name = str(op)
        if name == "BDC":
            props = operands[1]
            mcid = props.get("/MCID") if isinstance(props, pikepdf.Dictionary) else None
            stack.append((str(operands[0]), None if mcid is None else int(mcid)))
        elif name == "BMC":
            stack.append((str(operands[0]), None))
        elif name == "EMC":
            stack.pop()
        elif name in ("Tj", "TJ", "'", '"', "Do", "re", "l"):
            assert len(stack) <= 1, "marked content never nests"
            tag, mcid = stack[-1] if stack else ("", None)
            yield tag, mcid, name, _shown(operands)
    assert not stack, "every marked-content sequence is closed on its page"


def _kids(elem: Any) -> list[Any]:
    k = elem.get("/K")
    return list(k) if isinstance(k, pikepdf.Array) else [] if k is None else [k]


def elements(elem: Any) -> Iterator[Any]:
    yield elem
    for kid in _kids(elem):
        if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            yield from elements(kid)


def roles(elem: Any) -> list[Any]:
    """The role tree as nested lists: [role, kid trees...]."""
    sub = [roles(x) for x in _kids(elem) if isinstance(x, pikepdf.Dictionary) and "/S" in x]
    return [str(elem.S)[1:], *sub]


def tree_marks(pdf: pikepdf.Pdf) -> list[tuple[int, int, Any]]:
    """(page, MCID, element) of every marked-content kid, in the tree's reading order."""
    pages = {p.obj.objgen: i for i, p in enumerate(pdf.pages)}
    out = []
    for elem in elements(pdf.Root.StructTreeRoot.K):
        for kid in _kids(elem):
            if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
                out.append((pages[kid.Pg.objgen], int(kid.MCID), elem))
            elif isinstance(kid, int):
                out.append((pages[elem.Pg.objgen], int(kid), elem))
    return out


def stream_marks(pdf: pikepdf.Pdf) -> list[tuple[int, int]]:
    seen: list[tuple[int, int]] = []
    for i, page in enumerate(pdf.pages):
        for _tag, mcid, _op, _t in marked_content(page):
            if mcid is not None and (i, mcid) not in seen[-1:]:
                seen.append((i, mcid))
    return seen


def words(s: str) -> list[str]:
    return re.findall(r"[A-Za-z0-9]+", s)


# -- the checks -------------------------------------------------------------------------


@needs_qpdf
@pytest.mark.parametrize("combo", ALL, ids=IDS)
def test_catalogue_entries(packs: dict[tuple[str, str, str], Path], combo: Any) -> None:
    path = packs[combo]
    info = subprocess.run(["pdfinfo", path], capture_output=True, text=True, check=True)
    assert re.search(r"^Tagged:\s+yes$", info.stdout, re.M)
    subprocess.run(["qpdf", "--check", path], capture_output=True, check=True)
    with pikepdf.open(path) as pdf:
        assert pdf.Root.MarkInfo.Marked is True
        assert str(pdf.Root.Lang) == "en-GB"
        assert pdf.Root.ViewerPreferences.DisplayDocTitle is True
        meta = pdf.open_metadata()
        assert meta["pdfuaid:part"] == "1"
        assert meta["dc:title"] == str(pdf.docinfo.Title)
        assert meta["dc:title"].startswith("Grooming gangs")
        assert all(p.obj.Tabs == "/S" for p in pdf.pages)
        assert pdf.Root.StructTreeRoot.RoleMap.Title == "/H1"  # PDF 1.7 has no Title role
        with pdf.open_outline() as outline:
            top = [item.title for item in outline.root]
            years = [kid.title for item in outline.root for kid in item.children]
        if combo[2] == "chronology":  # the bookmarks are kept, the years under "Events"
            assert top == ["Events", "Sources"]
            assert years == ["2011", "2015", "2025"]


@pytest.mark.parametrize("combo", ALL, ids=IDS)
def test_pdfua_checks_pass(packs: dict[tuple[str, str, str], Path], combo: Any) -> None:
    import pdfua

    report = pdfua.validate(str(packs[combo]))
    assert [(f.rule_id, f.message) for f in report.findings] == []
    assert report.exit_code == 0


def test_pdfua_fails_an_untagged_pdf(tmp_path: Path) -> None:
    import pdfua

    from briefgen.write.pdf import render_pdf

    path = tmp_path / "plain.pdf"
    path.write_bytes(render_pdf(sample_briefing(), load_style("default"), tagged=False)[0])
    assert {f.rule_id for f in pdfua.validate(str(path)).findings} >= {"UA-01-002"}


@pytest.mark.parametrize("combo", ALL, ids=IDS)
def test_tree_order_is_page_order_and_parent_tree_covers_every_mcid(
    packs: dict[tuple[str, str, str], Path], combo: Any
) -> None:
    with pikepdf.open(packs[combo]) as pdf:
        marks = tree_marks(pdf)
        assert [(p, m) for p, m, _e in marks] == stream_marks(pdf)
        nums = list(pdf.Root.StructTreeRoot.ParentTree.Nums)
        parent_tree = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
        assert int(pdf.Root.StructTreeRoot.ParentTreeNextKey) == len(parent_tree)
        for i, page in enumerate(pdf.pages):
            mcids = {m for _t, m, _o, _x in marked_content(page) if m is not None}
            entry = parent_tree[int(page.obj.StructParents)]
            assert mcids == set(range(len(entry)))
            for page_no, mcid, elem in marks:
                if page_no == i:
                    assert entry[mcid].objgen == elem.objgen
        links = [a for p in pdf.pages for a in p.obj.get("/Annots", [])]
        if combo[2] == "chronology":
            assert links, "the chronology's sources are links"
        for annot in links:
            link = parent_tree[int(annot.StructParent)]
            assert link.S == "/Link" and link.K.Type == "/OBJR"
            assert link.K.Obj.objgen == annot.objgen
            assert str(annot.Contents).strip()


@needs_poppler
@pytest.mark.parametrize("combo", ALL, ids=IDS)
def test_text_in_tree_order_is_the_page_text(
    packs: dict[tuple[str, str, str], Path], combo: Any
) -> None:
    """The tagged text in reading order, plus the artifacts, is what poppler reads."""
    path = packs[combo]
    with pikepdf.open(path) as pdf:
        by_mark: dict[tuple[int, int], str] = {}
        for i, page in enumerate(pdf.pages):
            artifacts = []
            for tag, m, _op, t in marked_content(page):
                assert tag, f"page {i + 1}: everything drawn is tagged or an artifact"
                if m is not None:
                    by_mark[(i, m)] = by_mark.get((i, m), "") + " " + t
                elif tag == "/Artifact":
                    artifacts.append(t)
            tagged = " ".join(by_mark[(p, m)] for p, m, _e in tree_marks(pdf) if p == i)
            raw = subprocess.run(
                ["pdftotext", "-raw", "-f", str(i + 1), "-l", str(i + 1), path, "-"],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            got = words(raw)
            body = words(tagged)
            # the tagged text comes in poppler's order; the rest is the page furniture
            rest: list[str] = []
            it = iter(body)
            want = next(it, None)
            for w in got:
                if w == want:
                    want = next(it, None)
                else:
                    rest.append(w)
            assert body and want is None, f"page {i + 1}: tagged text out of order at {want!r}"
            furniture = " ".join(artifacts) + f" Page {i + 1} of {len(pdf.pages)}"
            assert set(rest) <= set(words(furniture))


@pytest.mark.parametrize("combo", ALL, ids=IDS)
def test_roles_alt_scope_and_artifacts(packs: dict[tuple[str, str, str], Path], combo: Any) -> None:
    kind = combo[2]
    with pikepdf.open(packs[combo]) as pdf:
        tree = roles(pdf.Root.StructTreeRoot.K)
        elems = list(elements(pdf.Root.StructTreeRoot.K))
        top = [kid[0] for kid in tree[1:]]
        assert tree[0] == "Document" and top[:2] == ["P", "Title"]  # the marking, then title
        heads = [r for r in top if r in ("H1", "H2")]
        if kind == "chronology":
            # "Events", its years, then Sources (Title is H1 too)
            assert heads == ["H1", "H2", "H2", "H2", "H1"]
        else:
            assert heads and set(heads) == {"H1"}
        for table in (t for t in tree[1:] if t[0] == "Table"):
            assert all(section[0] in ("THead", "TBody") for section in table[1:])
            for section in table[1:]:
                for row in section[1:]:
                    assert row[0] == "TR" and {c[0] for c in row[1:]} <= {"TH", "TD"}
        lists = [t for t in tree[1:] if t[0] == "L"]
        assert lists and all(
            li[0] == "LI" and li[-1][0] == "LBody" for ls in lists for li in ls[1:]
        )
        for th in (e for e in elems if e.S == "/TH"):
            assert th.A.Scope in ("/Column", "/Row")
        n_th_col = sum(1 for e in elems if e.S == "/TH" and e.A.Scope == "/Column")
        if kind == "chronology":
            assert n_th_col == 3 * 3  # Date, Event, Sources for each year's table
            assert sum(1 for e in elems if e.S == "/TD") == 3 * 20
        else:
            assert any(t[0] == "L" and t[1][1][0] == "Lbl" for t in lists)  # bullets
            figures = [e for e in elems if e.S == "/Figure"]
            assert len(figures) == 1
            alt = str(figures[0].Alt)
            assert alt.startswith("Timeline of ") and "in order" in alt
            assert sum(1 for e in elems if e.S == "/TH" and e.A.Scope == "/Row") >= 1
        for i, page in enumerate(pdf.pages):
            shown = list(marked_content(page))
            markings = [tag for tag, _m, _o, t in shown if t == "OFFICIAL"]
            assert markings == (["/P", "/Artifact"] if i == 0 else ["/Artifact", "/Artifact"])
            assert {tag for tag, _m, op, _t in shown if op == "Do"} == {"/Artifact"}  # Page N
            if i == 0:
                first = next(e for e in elems if e.S == "/P")
                assert first.K == 0  # the marking is the first thing read


def test_timeline_alt_says_the_span_and_the_marks_in_order() -> None:
    doc = sample_briefing()
    tl = next(b for b in doc.blocks if isinstance(b, Timeline))
    alt = timeline_alt([(m.date_label, m.title) for m in tl.marks])
    assert alt.startswith(f"Timeline of {len(tl.marks)} events from {tl.marks[0].date_label} ")
    assert f"to {tl.marks[-1].date_label}, in order." in alt
    at = [alt.index(f"{m.date_label}: {m.title.rstrip('.')}") for m in tl.marks]
    assert at == sorted(at)
    assert timeline_alt([("2020", "One thing.")]) == "Timeline of 1 event. 2020: One thing."


def test_composed_briefing_timeline_has_alt() -> None:
    from briefgen.compose.briefing import compose_briefing
    from briefgen.pipeline import load_brief

    doc = compose_briefing(load_brief(EXAMPLE).brief).document
    tl = next(b for b in doc.blocks if isinstance(b, Timeline))
    assert tl.alt.startswith(f"Timeline of {len(tl.marks)} events from ")
    for m in tl.marks:
        assert m.date_label in tl.alt


@needs_poppler
@pytest.mark.parametrize("which", ["briefing", "chronology"])
def test_tagging_changes_no_pixel(tmp_path: Path, which: str) -> None:
    from PIL import Image, ImageChops

    from briefgen.write.pdf import render_pdf

    doc = sample_briefing() if which == "briefing" else sample_chronology(n_rows=80)
    style = load_style("default")
    tagged, n_tagged = render_pdf(doc, style)
    plain, n_plain = render_pdf(doc, style, tagged=False)
    assert n_tagged == n_plain and tagged != plain
    assert render_pdf(doc, style)[0] == tagged  # byte-reproducible
    for n in range(1, n_plain + 1):
        images = []
        for data in (tagged, plain):
            png = subprocess.run(
                ["pdftoppm", "-r", "60", "-png", "-f", str(n), "-l", str(n), "-"],
                input=data,
                capture_output=True,
                check=True,
            ).stdout
            images.append(Image.open(io.BytesIO(png)).convert("RGB"))
        assert ImageChops.difference(images[0], images[1]).getbbox() is None
