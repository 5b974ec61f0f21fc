"""events --format ics | markdown | timelinejs, each read back with a real parser."""

from __future__ import annotations

import json
from datetime import date, timedelta

import icalendar
import jsonschema
from markdown_it import MarkdownIt

from briefgen.cli import cli
from briefgen.pipeline import load_brief
from tests.conftest import EXAMPLE

# The shape of a TimelineJS 3 file, as its documentation describes it ("JSON format"):
# an optional title slide and a list of event slides, each with a start_date object
# whose year is required and whose month and day are optional.
_DATE = {
    "type": "object",
    "required": ["year"],
    "properties": {
        "year": {"type": ["string", "integer"], "pattern": "^-?[0-9]+$"},
        "month": {"type": ["string", "integer"], "pattern": "^([1-9]|1[0-2])$"},
        "day": {"type": ["string", "integer"], "pattern": "^([1-9]|[12][0-9]|3[01])$"},
        "hour": {}, "minute": {}, "second": {}, "millisecond": {}, "display_date": {},
    },
    "additionalProperties": False,
}  # fmt: skip
_TEXT = {
    "type": "object",
    "properties": {"headline": {"type": "string"}, "text": {"type": "string"}},
    "additionalProperties": False,
}
_SLIDE = {
    "type": "object",
    "required": ["start_date"],
    "properties": {
        "start_date": _DATE,
        "end_date": _DATE,
        "text": _TEXT,
        "media": {
            "type": "object",
            "required": ["url"],
            "properties": {"url": {"type": "string"}, "caption": {"type": "string"},
                           "credit": {"type": "string"}, "thumbnail": {"type": "string"}},
        },
        "group": {"type": "string"},
        "display_date": {"type": "string"},
        "background": {"type": "object"},
        "autolink": {"type": "boolean"},
        "unique_id": {"type": "string"},
    },
    "additionalProperties": False,
}  # fmt: skip
TIMELINEJS_SCHEMA = {
    "type": "object",
    "required": ["events"],
    "properties": {
        "title": {"type": "object", "properties": {"text": _TEXT, "media": {"type": "object"}}},
        "events": {"type": "array", "items": _SLIDE},
        "eras": {"type": "array"},
        "scale": {"enum": ["human", "cosmological"]},
    },
    "additionalProperties": False,
}


def run(runner, *args: str) -> str:
    result = runner.invoke(cli, ["events", str(EXAMPLE), *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_ics_has_one_all_day_vevent_per_event(runner):
    brief = load_brief(EXAMPLE).brief
    cal = icalendar.Calendar.from_ical(run(runner, "--format", "ics"))
    vevents = [c for c in cal.walk("VEVENT")]
    assert len(vevents) == len(brief.events)
    uids = {str(v["UID"]) for v in vevents}
    assert len(uids) == len(vevents)
    for v, e in zip(vevents, brief.events, strict=True):
        start, end = v.decoded("DTSTART"), v.decoded("DTEND")
        assert type(start) is date and type(end) is date  # all-day, not a time
        assert (start, end) == (e.span.start, e.span.end + timedelta(days=1))
        assert str(v["SUMMARY"]) == e.title
    spans = [v for v, e in zip(vevents, brief.events, strict=True) if e.date == "2015-2022"]
    assert spans[0].decoded("DTEND") == date(2023, 1, 1)
    assert "Date known as: 2015–2022" in str(spans[0]["DESCRIPTION"])


def test_ics_flags_approximate_dates(runner, write_brief):
    path = write_brief("title: T\nas_of: 2025-06-16\nevents:\n  - {date: c. 2011, title: A}\n")
    result = runner.invoke(cli, ["events", str(path), "--format", "ics"])
    cal = icalendar.Calendar.from_ical(result.stdout)
    (v,) = cal.walk("VEVENT")
    assert "Approximate date: c. 2011" in str(v["DESCRIPTION"])
    assert (v.decoded("DTSTART"), v.decoded("DTEND")) == (date(2011, 1, 1), date(2012, 1, 1))


def test_markdown_is_a_table_with_a_row_per_event(runner):
    brief = load_brief(EXAMPLE).brief
    tokens = MarkdownIt("commonmark").enable("table").parse(run(runner, "--format", "markdown"))
    rows, row = [], None
    for t in tokens:
        if t.type == "tr_open":
            row = []
        elif t.type == "inline" and row is not None:
            row.append(t.content)
        elif t.type == "tr_close":
            rows.append(row)
            row = None
    assert rows[0] == ["Date", "Event", "Sources"]
    assert len(rows) == len(brief.events) + 1
    assert all(len(r) == 3 for r in rows)
    key = next(e for e in brief.events if e.key)
    cells = next(r for r in rows if key.title in r[1])
    assert cells[1].startswith(f"**{key.title}**")


def test_markdown_keeps_pipes_and_markup_literal(runner, write_brief):
    path = write_brief(
        "title: T\nas_of: 2025-06-16\nevents:\n  - {date: 2024, title: 'A | B *c*', "
        'detail: "x\\ny"}\n'
    )
    out = runner.invoke(cli, ["events", str(path), "--format", "markdown"]).stdout
    html = MarkdownIt("commonmark").enable("table").render(out)
    assert "<td>A | B *c*<br>x<br>y</td>" in html


def test_timelinejs_matches_its_documented_shape_and_keeps_partial_dates(runner):
    data = json.loads(run(runner, "--format", "timelinejs"))
    jsonschema.validate(data, TIMELINEJS_SCHEMA)
    by_display = {s["display_date"]: s for s in data["events"]}
    assert by_display["2015–2022"]["start_date"] == {"year": "2015"}
    assert by_display["2015–2022"]["end_date"] == {"year": "2022"}
    assert by_display["16 June 2025"]["start_date"] == {"year": "2025", "month": "6", "day": "16"}
    months = [s for s in data["events"] if set(s["start_date"]) == {"year", "month"}]
    assert months, "an event known to the month keeps year and month only"
