"""Direct, table-driven tests of the small pipeline stages: order, resolve, check, styles
and listing, each on hand-built briefs (no files read)."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest

from briefgen.check import check_brief
from briefgen.dates import parse_date
from briefgen.errors import BriefgenError
from briefgen.listing import format_events
from briefgen.model import Brief, Event, NextItem, Place, Source
from briefgen.order import order_events, select_events
from briefgen.resolve import event_anchor, resolve_dates
from briefgen.styles import load_style
from briefgen.stylespec import SPEC, resolve

AS_OF = date(2025, 6, 16)
SOURCES = (
    Source(id="a", publisher="A paper", published=date(2025, 6, 14), url="https://a.example/x"),
    Source(id="b", publisher="B paper", published=None, url="ftp://b.example/x"),
)


def event(text: str, title: str = "E", index: int = 0, **kw: object) -> Event:
    """A dated event (its date read against AS_OF)."""
    return Event(text, title, index=index, span=parse_date(text, AS_OF), **kw)  # type: ignore[arg-type]


def brief(*events: Event, **kw: object) -> Brief:
    return Brief(title="T", as_of=AS_OF, events=events, sources=SOURCES, path="b.yaml", **kw)  # type: ignore[arg-type]


# ----------------------------------------------------------------------------- order

ORDER_CASES = [
    # (dates in input order, titles expected in output order)
    (["2025-06-03", "2025-06-01", "2025-06-02"], ["1", "2", "0"]),
    (["June 2025", "2025-06-01"], ["1", "0"]),  # same start: the shorter span first
    (["2025-06-01", "June 2025"], ["0", "1"]),
    (["2025", "2025-01-01", "January 2025"], ["1", "2", "0"]),  # by start, then end
    (["2025-06-01", "2025-06-01", "2025-06-01"], ["0", "1", "2"]),  # ties: the author's order
    (["2015–2022", "2016"], ["0", "1"]),  # a range sorts by its start
]


@pytest.mark.parametrize(("dates", "expected"), ORDER_CASES)
def test_order_events(dates: list[str], expected: list[str]) -> None:
    events = [event(d, str(i), i) for i, d in enumerate(dates)]
    assert [e.title for e in order_events(brief(*events)).events] == expected


SELECT_CASES = [
    # (start, end, tag, key_only, titles kept)
    (None, None, None, False, ["old", "mid", "new"]),
    (date(2020, 1, 1), None, None, False, ["mid", "new"]),
    (None, date(2020, 12, 31), None, False, ["old", "mid"]),  # mid overlaps 2020
    (None, None, "Police", False, ["mid"]),  # tags compare without case
    (None, None, None, True, ["new"]),
    (date(2026, 1, 1), None, None, False, []),
]


@pytest.mark.parametrize(("start", "end", "tag", "key_only", "kept"), SELECT_CASES)
def test_select_events(
    start: date | None, end: date | None, tag: str | None, key_only: bool, kept: list[str]
) -> None:
    events = (
        event("2011", "old"),
        event("2019–2021", "mid", tags=("police",)),
        event("2025-06-16", "new", key=True),
    )
    got = select_events(events, start=start, end=end, tag=tag, key_only=key_only)
    assert [e.title for e in got] == kept


# ----------------------------------------------------------------------------- resolve

ANCHOR_CASES = [
    # (anchor, sources, expected anchor date or the start of the problem's message)
    (date(2020, 5, 1), ("a",), date(2020, 5, 1)),  # an explicit date wins
    ("a", (), date(2025, 6, 14)),  # a source id: its publication date
    (None, ("a",), date(2025, 6, 14)),  # the first cited source with a date
    (None, ("b", "a"), date(2025, 6, 14)),  # b has no date: the next one
    (None, ("b",), AS_OF),  # no dated source: as_of
    (None, (), AS_OF),
    ("nope", (), "anchor 'nope' is neither a date nor a source id"),
    ("b", (), "anchor source 'b' has no publication date"),
]


@pytest.mark.parametrize(("anchor", "sources", "expected"), ANCHOR_CASES)
def test_event_anchor(anchor: object, sources: tuple[str, ...], expected: object) -> None:
    e = Event("yesterday", "E", sources=sources, anchor=anchor, place=Place("b.yaml", 7))  # type: ignore[arg-type]
    got = event_anchor(brief(), e)
    if isinstance(expected, date):
        assert got == expected
    else:
        assert not isinstance(got, date)
        assert got.message.startswith(str(expected))
        assert (got.file, got.line, got.field) == ("b.yaml", 7, "anchor")


RESOLVE_CASES = [
    # (date text, anchor source, month_first, expected start)
    ("yesterday", "a", False, date(2025, 6, 13)),
    ("on Monday", None, False, date(2025, 6, 16)),
    ("03/04/2025", None, False, date(2025, 4, 3)),
    ("03/04/2025", None, True, date(2025, 3, 4)),
]


@pytest.mark.parametrize(("text", "anchor", "month_first", "start"), RESOLVE_CASES)
def test_resolve_dates(text: str, anchor: str | None, month_first: bool, start: date) -> None:
    b = brief(Event(text, "E", anchor=anchor), month_first=month_first)
    (resolved,) = resolve_dates(b).events
    assert resolved.span is not None and resolved.span.start == start


def test_resolve_dates_lists_every_bad_date() -> None:
    b = brief(
        Event("not a date at all", "E1", place=Place("b.yaml", 3)),
        Event("nor this", "E2", place=Place("b.yaml", 9)),
        next=(NextItem("someday maybe", "N", place=Place("b.yaml", 20)),),
    )
    with pytest.raises(BriefgenError) as info:
        resolve_dates(b)
    got = [(p.line, p.field) for p in info.value.problems]
    assert got == [(3, "date"), (9, "date"), (20, "next.date")]


# ----------------------------------------------------------------------------- check

CHECK_CASES = [
    # (events, expected (severity, field, start of message) in order)
    ((event("2025-06-01", "Fine", sources=("a",)),), []),
    (
        (event("2025-06-01", "Bad", sources=("x",)),),
        [("error", "sources", "unknown source id 'x'")],
    ),
    ((event("2025-06-01", "Bare"),), [("warning", "sources", "the event 'Bare' cites no source")]),
    (
        (event("2025-07-01", "Later", sources=("a",)),),
        [("warning", "date", "the event 'Later' (1 July 2025) is after as_of")],
    ),
    (
        (
            event("2025-06-01", "Inquiry announced", sources=("a",)),
            event("2025-06-01", "Inquiry announced!", sources=("a",)),
        ),
        [("warning", "title", "the event 'Inquiry announced!' looks like a duplicate")],
    ),
    (  # errors come before warnings
        (event("2025-06-01", "Bare"), event("2025-06-02", "Bad", sources=("zz",))),
        [
            ("error", "sources", "unknown source id 'zz'"),
            ("warning", "sources", "the event 'Bare'"),
        ],
    ),
]


@pytest.mark.parametrize(("events", "expected"), CHECK_CASES)
def test_check_brief(events: tuple[Event, ...], expected: list[tuple[str, str, str]]) -> None:
    sources = (SOURCES[0],)  # only a: its URL is a link
    problems = check_brief(Brief(title="T", as_of=AS_OF, events=events, sources=sources))
    assert len(problems) == len(expected), problems
    for p, (severity, field, message) in zip(problems, expected, strict=True):
        assert (p.severity, p.field) == (severity, field)
        assert p.message.startswith(message), p.message


def test_check_brief_warns_of_a_url_that_will_not_be_a_link() -> None:
    (p,) = check_brief(brief())
    assert (p.severity, p.field) == ("warning", "url")
    assert "ftp://b.example/x" in p.message


# ----------------------------------------------------------------------------- styles

STYLE_CASES = [
    # (sheet, semantic style, expected (font, size, leading, bold, colour))
    ("default", "body", ("Arial", 10.0, 12.0, False)),
    ("default", "title", ("Arial", 20.0, 24.0, True)),
    ("default", "event-sources", ("Arial", 9.0, 10.8, False)),
    ("default", "heading1", ("Arial", 13.0, 15.6, True)),
]


@pytest.mark.parametrize(("sheet", "name", "expected"), STYLE_CASES)
def test_style_spec_resolves_against_a_sheet(
    sheet: str, name: str, expected: tuple[str, float, float, bool]
) -> None:
    r = resolve(name, load_style(sheet))
    assert (r.font, r.size, r.leading, r.bold) == expected


def test_every_spec_entry_resolves_in_every_shipped_sheet() -> None:
    for sheet in ("default", "print"):
        style = load_style(sheet)
        for name in SPEC:
            r = resolve(name, style)
            assert r.size >= 9 and r.colour.startswith("#")


BAD_SHEETS = [
    # (sheet YAML, field the error names)
    ("font: Comic Sans\n", "font"),
    ("sizes: {body: 4}\n", "sizes.body"),
    ("colours: {accent: blue}\n", "colours.accent"),
    ("page: {size: A3}\n", "page.size"),
    ("page: {margins: {top: 2}}\n", "page.margins.top"),
    ("colour: {accent: '#000000'}\n", "colour"),
]


@pytest.mark.parametrize(("text", "field"), BAD_SHEETS)
def test_a_bad_style_sheet_names_its_key(tmp_path, text: str, field: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(BriefgenError) as info:
        load_style(str(path))
    (problem,) = info.value.problems
    assert (problem.file, problem.field) == (str(path), field)


# ----------------------------------------------------------------------------- listing

LISTED = (
    event("2015–2022", "IICSA", sources=("a",), tags=("inquiry",)),
    event("2025-06-16", "Audit, published", key=True, sources=("a", "b")),
)


def test_listing_json_shape() -> None:
    data = json.loads(format_events(LISTED, "json"))
    assert [sorted(d) for d in data] == [["date", "detail", "key", "sources", "tags", "title"]] * 2
    assert data[1]["key"] is True and data[1]["sources"] == ["a", "b"]
    assert data[0]["date"]["start"] == "2015-01-01" and data[0]["date"]["end"] == "2022-12-31"


def test_listing_csv_rows() -> None:
    rows = list(csv.reader(io.StringIO(format_events(LISTED, "csv"))))
    assert rows[0] == ["start", "end", "label", "date", "title", "detail", "sources", "tags", "key"]
    assert rows[2] == ["2025-06-16", "2025-06-16", "16 June 2025", "2025-06-16",
                       "Audit, published", "", "a;b", "", "yes"]  # fmt: skip


LISTING_TABLE_CASES = [
    # (events, lines the table holds)
    (LISTED, ["2015–2022", "* Audit, published", "2 events (* key event)"]),
    ((), ["0 events (* key event)"]),
]


@pytest.mark.parametrize(("events", "lines"), LISTING_TABLE_CASES)
def test_listing_table(events: tuple[Event, ...], lines: list[str]) -> None:
    table = format_events(events, "table")
    for line in lines:
        assert line in table
