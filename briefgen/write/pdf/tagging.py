"""Marked content written while reportlab draws, and the structure tree it fills.

A :class:`StructTree` records the document's structure in Python and writes marked
content into each page's content stream through the canvas: ``/Role <</MCID n>> BDC ...
EMC`` around what a tagged flowable draws, ``/Artifact BMC ... EMC`` around page
furniture, table rules and backgrounds and repeated header rows. Link annotations made
while a tagged element is drawn become ``Link`` elements (by their place in the page's
``/Annots``). :mod:`briefgen.write.pdf.structure` writes the tree into the PDF afterwards.

Only one marked-content sequence is open at a time: when a tagged flowable or an artifact
begins while another element's sequence is open, that one is closed and reopened (with a
new MCID) afterwards, so sequences never nest and the MCIDs follow the drawing order.
With no tree attached to the canvas every hook does nothing: the same flowables draw
exactly what plain reportlab draws.

Relies on reportlab internals (checked with reportlab 4.x): ``Canvas._code`` (the page's
operators), ``Canvas._addAnnotation`` and ``_annotationrefs`` (link annotations in page
order), ``Table._renderCB`` (draw events, kept by ``Table`` splits), ``Table._cellvalues``
and, for list labels, that ``Paragraph`` draws its bullet as the first text object.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, NamedTuple, TypeVar

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

F = TypeVar("F", bound=Flowable)

# the standard structure types of PDF 1.7 (PDF/UA-1); others need a RoleMap entry
STANDARD_ROLES = frozenset(
    "Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private P H H1 "
    "H2 H3 H4 H5 H6 L LI Lbl LBody Table TR TH TD THead TBody TFoot Span Quote Note "
    "Reference BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP Figure Formula Form".split()
)


class Mark(NamedTuple):
    """A marked-content sequence: page index (0-based) and its MCID on that page."""

    page: int
    mcid: int


class Annot(NamedTuple):
    """A link annotation: page index and its index in that page's ``/Annots``."""

    page: int
    slot: int
    contents: str


@dataclass(eq=False)
class Element:
    """One structure element; ``kids`` in reading order."""

    role: str
    parent: Element | None = None
    alt: str | None = None
    attrs: dict[str, str] = field(default_factory=dict)  # e.g. {"O": "Table", "Scope": "Column"}
    kids: list[Element | Mark | Annot] = field(default_factory=list)

    def add(self, role: str, alt: str | None = None, **attrs: str) -> Element:
        """Append and return a child element of ``role``."""
        child = Element(role, self, alt, dict(attrs))
        self.kids.append(child)
        return child

    def walk(self) -> Iterator[Element]:
        """This element and all below it, depth first (reading order)."""
        yield self
        for kid in self.kids:
            if isinstance(kid, Element):
                yield from kid.walk()


@dataclass
class _Open:
    elem: Element | None  # None: an artifact
    props: str  # the artifact's property list ("" for BMC)
    sources: Sequence[Any]  # the flowables being drawn (for link texts)
    code_at: int = -1  # index in canv._code of this sequence's opening operator
    page: int = -1


class StructTree:
    """The structure tree of one document, and the drawing state that fills it."""

    def __init__(self, role_map: dict[str, str] | None = None) -> None:
        self.root = Element("Document")
        self.role_map = dict(role_map or {})
        self._mcids: dict[int, int] = {}
        self._stack: list[_Open] = []

    def attach(self, canv: Canvas) -> Canvas:
        """Tag what is drawn on ``canv`` (call in the doc template's canvasmaker)."""
        canv._pdftag = self
        add_annotation = canv._addAnnotation

        def hooked(annotation: Any, name: str | None = None, addtopage: int = 1) -> None:
            add_annotation(annotation, name, addtopage)
            if addtopage:
                self._link(canv, annotation)

        canv._addAnnotation = hooked
        return canv

    # -- marked content ---------------------------------------------------------------

    def begin(
        self, canv: Canvas, elem: Element | None, props: str = "", sources: Sequence[Any] = ()
    ) -> None:
        """Open a sequence for ``elem`` (None: an artifact), closing the one open now."""
        if self._stack:
            self._close(canv, self._stack[-1])
        top = _Open(elem, props, sources)
        self._stack.append(top)
        self._open(canv, top)

    def end(self, canv: Canvas) -> None:
        """Close the innermost sequence and reopen the one it interrupted."""
        self._close(canv, self._stack.pop())
        if self._stack:
            self._open(canv, self._stack[-1])

    def _open(self, canv: Canvas, top: _Open) -> None:
        page = canv.getPageNumber() - 1
        if top.elem is None:
            op = f"/Artifact {top.props} BDC" if top.props else "/Artifact BMC"
        else:
            mcid = self._mcids.get(page, 0)
            self._mcids[page] = mcid + 1
            top.elem.kids.append(Mark(page, mcid))
            op = f"/{top.elem.role} <</MCID {mcid}>> BDC"
        canv._code.append(op)
        top.code_at, top.page = len(canv._code) - 1, page

    def _close(self, canv: Canvas, top: _Open) -> None:
        code = canv._code
        if top.code_at == len(code) - 1 and top.page == canv.getPageNumber() - 1:
            code.pop()  # nothing drawn since it opened: drop the empty sequence
            if top.elem is not None:
                top.elem.kids.pop()
                self._mcids[top.page] -= 1
        else:
            code.append("EMC")

    def _split_label(self, canv: Canvas, body: Element) -> bool:
        """Turn the open sequence (a Lbl) into Lbl + ``body`` after its first text object."""
        top = self._stack[-1]
        code = canv._code
        for j in range(top.code_at + 1, len(code)):
            if code[j].startswith("BT"):
                break
        else:
            return False
        mcid = self._mcids[top.page]
        self._mcids[top.page] = mcid + 1
        body.kids.append(Mark(top.page, mcid))
        code.insert(j + 1, f"EMC /{body.role} <</MCID {mcid}>> BDC")
        top.elem = body
        top.code_at = j + 1
        return True

    def _relabel(self, canv: Canvas, elem: Element) -> None:
        top = self._stack[-1]
        if top.elem is not None and top.elem.kids and isinstance(top.elem.kids[-1], Mark):
            mark = top.elem.kids.pop()
            elem.kids.append(mark)
            canv._code[top.code_at] = f"/{elem.role} <</MCID {mark.mcid}>> BDC"  # type: ignore[union-attr]
        top.elem = elem

    def _link(self, canv: Canvas, annotation: Any) -> None:
        page = canv.getPageNumber() - 1
        index = len(canv._annotationrefs) - 1
        top = next((o for o in reversed(self._stack) if o.elem is not None), None)
        parent = top.elem if top is not None and top.elem is not None else self.root
        url = _annotation_url(annotation)
        text = _link_text(top.sources if top else (), url) or url
        parent.add("Link").kids.append(Annot(page, index, text))


# -- flowables ----------------------------------------------------------------------------


class _TaggedMixin:
    """Mixed into a flowable's class by :func:`tag`; its parts after a split keep the tag."""

    _pdftag_elem: Element | None = None
    _pdftag_props: str = ""
    _pdftag_label: Element | None = None  # list items: the Lbl (the body is _pdftag_elem)

    def drawOn(self, canv: Canvas, x: float, y: float, _sW: float = 0) -> None:
        tree: StructTree | None = getattr(canv, "_pdftag", None)
        if tree is None:
            super().drawOn(canv, x, y, _sW)  # type: ignore[misc]
            return
        label = self._pdftag_label if getattr(self, "bulletText", None) else None
        tree.begin(canv, label or self._pdftag_elem, self._pdftag_props, (self,))
        try:
            super().drawOn(canv, x, y, _sW)  # type: ignore[misc]
            body = self._pdftag_elem
            if label is not None and body is not None and not tree._split_label(canv, body):
                tree._relabel(canv, body)  # no bullet drawn after all
        finally:
            tree.end(canv)

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        parts: list[Flowable] = super().split(availWidth, availHeight)  # type: ignore[misc]
        for part in parts:
            if part is not self:
                swap(part, _TaggedMixin)
                part._pdftag_elem = self._pdftag_elem
                part._pdftag_props = self._pdftag_props
                part._pdftag_label = self._pdftag_label
        return parts


_CLASSES: dict[tuple[type, type], type] = {}


def swap(obj: Any, mixin: type) -> None:
    """Make ``obj`` an instance of a subclass of its class with ``mixin`` first."""
    cls = type(obj)
    if issubclass(cls, mixin):
        return
    key = (cls, mixin)
    if key not in _CLASSES:
        _CLASSES[key] = type(f"Tagged{cls.__name__}", (mixin, cls), {})
    obj.__class__ = _CLASSES[key]


def tag(flowable: F, elem: Element | None, artifact: str = "") -> F:
    """Make what ``flowable`` draws the content of ``elem`` (None: an artifact).

    The flowable keeps its class's behaviour (it becomes an instance of a subclass with
    the tagging mixin); the parts it splits into share ``elem``, with MCIDs on each page.
    ``artifact`` is an artifact's property list, e.g. ``"<</Type /Pagination>>"``.
    """
    swap(flowable, _TaggedMixin)
    flowable._pdftag_elem = elem
    flowable._pdftag_props = artifact
    return flowable


def list_item(paragraph: F, parent: Element) -> F:
    """Tag a bullet paragraph as ``LI > (Lbl, LBody)`` under ``parent`` (an ``L``).

    The bullet (drawn first, as its own text object) becomes the Lbl; a paragraph without
    a bullet gets ``LI > LBody`` only.
    """
    li = parent.add("LI")
    label = li.add("Lbl") if getattr(paragraph, "bulletText", None) else None
    tag(paragraph, li.add("LBody"))
    paragraph._pdftag_label = label
    return paragraph


@contextmanager
def artifact(canv: Canvas, props: str = "") -> Iterator[None]:
    """Mark what is drawn inside the block as an artifact (headers, footers, rules)."""
    tree: StructTree | None = getattr(canv, "_pdftag", None)
    if tree is None:
        yield
        return
    tree.begin(canv, None, props)
    try:
        yield
    finally:
        tree.end(canv)


def furniture(
    hook: Callable[[Canvas, Any], None], props: str = "<</Type /Pagination>>"
) -> Callable[[Canvas, Any], None]:
    """Wrap an ``onPage``/``onPageEnd`` callback so all it draws is a pagination artifact."""

    def wrapped(canv: Canvas, doc: Any) -> None:
        with artifact(canv, props):
            hook(canv, doc)

    return wrapped


@contextmanager
def content(canv: Canvas, elem: Element) -> Iterator[None]:
    """Mark what is drawn inside the block as content of ``elem`` (e.g. inside furniture)."""
    tree: StructTree | None = getattr(canv, "_pdftag", None)
    if tree is None:
        yield
        return
    tree.begin(canv, elem)
    try:
        yield
    finally:
        tree.end(canv)


# -- links --------------------------------------------------------------------------------


def _annotation_url(annotation: Any) -> str:
    try:
        uri = annotation["A"]["URI"]
    except (KeyError, TypeError, AttributeError):
        return ""
    return str(getattr(uri, "s", uri))


def _link_text(sources: Sequence[Any], url: str) -> str:
    """The text of the fragments linking to ``url`` in the flowables being drawn."""
    words = []
    for source in sources:
        for frag in _words(source):
            links = getattr(frag, "link", None) or ()
            if url and any(isinstance(k, tuple) and k[1] == url for k in links):
                words.append(str(getattr(frag, "text", "")))
    return " ".join(" ".join(words).split())


def _words(source: Any) -> Iterator[Any]:
    """A paragraph's fragments as laid out (its lines' words once wrapped)."""
    laid = getattr(source, "blPara", None)
    if laid is not None and getattr(laid, "kind", 0) == 1:
        for line in laid.lines:
            yield from getattr(line, "words", ())
    else:
        yield from getattr(source, "frags", None) or ()
