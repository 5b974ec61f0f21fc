"""Articles as text: decode UTF-8 with clear errors, strip HTML with a real parser, find
the publication date and the source's details in the document itself."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

from briefgen.errors import BriefgenError, Problem

MAX_BYTES = 50_000_000

# elements whose text is never article text
_SKIP = frozenset(
    "script style noscript template nav footer header aside figcaption form button select "
    "option svg iframe canvas menu dialog".split()
)
_BLOCK = frozenset(
    "p div br li ul ol h1 h2 h3 h4 h5 h6 blockquote pre section article main tr td th table "
    "dd dt dl figure hr title address".split()
)
_VOID = frozenset("br hr img meta link input area base col embed source track wbr".split())
_DATE_META = (
    "article:published_time", "datepublished", "date", "pubdate", "publishdate",
    "publish-date", "dc.date", "dc.date.issued", "dcterms.created", "sailthru.date",
    "parsely-pub-date", "og:published_time", "article.published", "og:article:published_time",
)  # fmt: skip


@dataclass(frozen=True)
class Article:
    """An article's text (offsets of mentions count characters of ``text``) and what the
    document says about itself; ``published_from`` says where the date was found."""

    path: Path
    text: str
    kind: str  # "text", "markdown" or "html"
    title: str = ""
    publisher: str = ""
    url: str = ""
    published: date | None = None
    published_from: str = ""


def decode(raw: bytes, shown: str) -> str:
    """Decode UTF-8 (a byte-order mark is allowed) or raise an error naming the problem."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise BriefgenError(
            Problem("the file is UTF-16 text, not UTF-8 (it starts with a UTF-16 byte-order mark)",
                    shown, hint="save it as UTF-8, e.g. iconv -f UTF-16 -t UTF-8"))  # fmt: skip
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        declared = _declared_charset(raw)
        said = f"; the document declares charset {declared}" if declared else ""
        guess = "windows-1252" if raw[exc.start] >= 0x80 else "its encoding"
        raise BriefgenError(
            Problem(
                f"the file is not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset "
                f"{exc.start} cannot start or continue a UTF-8 character{said})",
                shown, line,
                hint=f"convert it to UTF-8, e.g. iconv -f {declared or guess} -t UTF-8",
            )
        ) from None  # fmt: skip


def _declared_charset(raw: bytes) -> str:
    m = re.search(rb"""charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", raw[:4096])
    if m is None:
        return ""
    name = m[1].decode("ascii", "replace")
    return "" if name.lower().replace("-", "") == "utf8" else name


def load_article(path: Path) -> Article:
    """Read one article file: ``.html``/``.htm`` (or text that starts like HTML) is stripped
    of its markup; ``.md`` is kept as written with markup characters blanked (so offsets
    still count the file's characters); anything else is plain text."""
    shown = str(path)
    try:
        if path.is_dir():
            raise BriefgenError(Problem("this is a folder, not an article", shown))
        if path.stat().st_size > MAX_BYTES:
            raise BriefgenError(Problem("the file is too large for an article", shown,
                                        hint="split it into articles"))  # fmt: skip
        raw = path.read_bytes()
    except FileNotFoundError:
        raise BriefgenError(Problem("no such file", shown, hint="check the path")) from None
    except OSError as exc:
        raise BriefgenError(Problem(f"cannot read the file: {exc.strerror}", shown)) from None
    text = decode(raw, shown)
    suffix = path.suffix.lower()
    head = text.lstrip()[:200].lower()
    if suffix in (".html", ".htm", ".xhtml") or head.startswith(("<!doctype html", "<html")):
        return _from_html(path, text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    kind = "markdown" if suffix in (".md", ".markdown") else "text"
    if kind == "markdown":
        text = blank_markdown(text)
    published = dateline(text)
    return Article(path, text, kind, published=published,
                   published_from="dateline" if published else "")  # fmt: skip


def blank_markdown(text: str) -> str:
    """Replace Markdown markup (emphasis marks, heading hashes, link targets, HTML tags)
    with spaces, keeping every other character where it was."""
    chars = list(text)

    def blank(start: int, end: int) -> None:
        chars[start:end] = " " * (end - start)

    for m in re.finditer(r"\]\([^)\n]*\)", text):  # [text](url): drop the target
        blank(m.start(), m.end())
    for m in re.finditer(r"^ {0,3}(?:#{1,6}|>|[-*+]|\d+\.)(?= )", text, re.M):
        blank(m.start(), m.end())
    for m in re.finditer(r"<[^<>\n]+>", text):
        blank(m.start(), m.end())
    for i, ch in enumerate(text):
        if ch in "*_`[" or (ch == "!" and text[i + 1 : i + 2] == "["):
            chars[i] = " "
    return "".join(chars)


_DATELINE = re.compile(
    r"^(?:(?:published|updated|posted|date|first published)\s*(?:on|:)?\s*)?(?P<d>[^\n]{6,60})$",
    re.I | re.M,
)


def dateline(text: str) -> date | None:
    """The publication date a plain-text article states near its top ("Published 16 June
    2025", "Monday 16 June 2025 10:32 BST", "LONDON, June 16, 2025 -"), if any."""
    from briefgen.extract.mentions import absolute_day

    head = text[:1500]
    for line in head.splitlines()[:12]:
        line = line.strip()
        if not line or len(line.split()) > 14:
            continue
        m = re.match(r"^(?:(?:first )?(?:published|updated|posted|date)\b\s*(?:on\b|:)?\s*)",
                     line, re.I)  # fmt: skip
        body = line[m.end() :] if m else line
        body = re.sub(r"^[A-Z][A-Za-z .]+,\s+", "", body)  # a place: "LONDON, "
        found = absolute_day(body)
        if found is not None:
            return found
    return None


class _Stripper(HTMLParser):
    """Collect the visible article text and the head's title, meta and JSON-LD dates."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0
        self.stack: list[str] = []
        self.meta: dict[str, str] = {}
        self.title = ""
        self.in_title = False
        self.in_ldjson = False
        self.ldjson: list[str] = []
        self.canonical = ""
        self.time_published = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key and "content" in a:
                self.meta.setdefault(key, a["content"].strip())
            return
        if tag == "link" and "canonical" in a.get("rel", "").lower():
            self.canonical = a.get("href", "")
        if tag == "time" and ("pubdate" in a or a.get("itemprop", "").lower() == "datepublished"):
            self.time_published = self.time_published or a.get("datetime", "")
        if tag == "script" and "ld+json" in a.get("type", "").lower():
            self.in_ldjson = True
        if tag == "title":
            self.in_title = True
        if tag in _VOID:
            if tag in _BLOCK:
                self.parts.append("\n")
            return
        self.stack.append(tag)
        hidden = "hidden" in a or "display:none" in a.get("style", "").replace(" ", "")
        if tag in _SKIP or hidden or self.skip_depth:
            self.skip_depth += 1
        if tag in _BLOCK:
            self.parts.append("\n\n" if tag == "p" else "\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag == "script":
            self.in_ldjson = False
        if tag in _VOID or tag not in self.stack:
            return
        while self.stack:  # close unclosed children too
            top = self.stack.pop()
            if self.skip_depth:
                self.skip_depth -= 1
            if top == tag:
                break
        if tag in _BLOCK:
            self.parts.append("\n\n" if tag == "p" else "\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title += data
            return
        if self.in_ldjson:
            self.ldjson.append(data)
            return
        if not self.skip_depth:
            self.parts.append(data)


def _from_html(path: Path, html: str) -> Article:
    parser = _Stripper()
    parser.feed(html)
    parser.close()
    text = _tidy("".join(parser.parts))
    published, where = None, ""
    for key in _DATE_META:
        if key in parser.meta and (published := _iso_day(parser.meta[key])):
            where = f"<meta {key}>"
            break
    if published is None:
        for blob in parser.ldjson:
            m = re.search(r'"datePublished"\s*:\s*"([^"]+)"', blob)
            if m and (published := _iso_day(m[1])):
                where = "JSON-LD datePublished"
                break
    if published is None and (published := _iso_day(parser.time_published)):
        where = "<time pubdate>"
    if published is None and (published := dateline(text)):
        where = "dateline"
    meta = parser.meta
    title = meta.get("og:title") or " ".join(parser.title.split())
    publisher = meta.get("og:site_name") or meta.get("application-name", "")
    url = meta.get("og:url") or parser.canonical
    return Article(path, text, "html", title, publisher, url, published, where)


def _iso_day(value: str) -> date | None:
    m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value or "")
    if m is None:
        try:  # some sites write the meta date in words
            from briefgen.extract.mentions import absolute_day

            return absolute_day(value) if value and len(value) < 60 else None
        except Exception:
            return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def _tidy(text: str) -> str:
    """Collapse runs of spaces inside lines and of blank lines between them."""
    lines = [" ".join(line.split()) for line in text.replace("\r", "\n").split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip() + "\n"
