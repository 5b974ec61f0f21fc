"""The brief's date settings: ``tense`` (top level, per event, per next item),
``financial_year_start`` and ``academic_year_start``; read with line and hint, and passed to
``parse_date`` as the dates contract says."""

from __future__ import annotations

import json
from datetime import date

import pytest

from briefgen import resolve
from briefgen.cli import cli
from briefgen.errors import BriefgenError
from briefgen.pipeline import load_brief

HEAD = "title: T\nas_of: 2025-06-16\n"


def _events(date_text: str, extra: str = "", event_extra: str = "") -> str:
    return (
        f"{HEAD}{extra}events:\n  - date: {date_text}\n    title: E\n{event_extra}"
        "next:\n  - {date: in October, text: Budget}\n"
    )


# (top-level lines, error expected on the line, words in the message or hint)
BAD_SETTINGS = [
    ("tense: sideways\n", 3, ["tense must be past or future", "tense: future"]),
    ("tense: [past]\n", 3, ["tense must be past or future"]),
    ('financial_year_start: "13-01"\n', 3, ["MM-DD", "04-01", "09-01"]),
    ('financial_year_start: "02-29"\n', 3, ["MM-DD", "04-01"]),
    ("financial_year_start: 4\n", 3, ["MM-DD"]),
    ('academic_year_start: "09-31"\n', 3, ["MM-DD", "09-01"]),
    ("academic_year_start: september\n", 3, ["MM-DD", "09-01"]),
]


@pytest.mark.parametrize(("extra", "line", "words"), BAD_SETTINGS)
def test_bad_settings_are_errors_with_line_and_hint(runner, write_brief, extra, line, words):
    path = write_brief(_events("16 June 2025", extra))
    result = runner.invoke(cli, ["check", str(path)])
    assert result.exit_code == 1
    assert f"brief.yaml:{line}:" in result.output
    for word in words:
        assert word in result.output


def test_bad_settings_and_bad_dates_are_reported_in_one_pass(runner, write_brief):
    text = (
        f"{HEAD}tense: never\nfinancial_year_start: 99-99\n"
        "events:\n  - date: not a date\n    title: E\n    tense: maybe\n"
    )
    result = runner.invoke(cli, ["check", str(write_brief(text))])
    assert result.exit_code == 1
    lines = [ln for ln in result.output.splitlines() if "brief.yaml:" in ln]
    assert [ln.split(":")[1] for ln in lines] == ["3", "4", "6", "8"]


# (top-level lines, event lines, expected keyword arguments for the event, for the next item)
PASSED = [
    ("", "", {"direction": None}, {"direction": "future"}),
    ("tense: past\n", "", {"direction": "past"}, {"direction": "future"}),
    ("tense: future\n", "", {"direction": "future"}, {"direction": "future"}),
    ("tense: future\n", "    tense: past\n", {"direction": "past"}, {"direction": "future"}),
    ("", "    tense: future\n", {"direction": "future"}, {"direction": "future"}),
    (
        'financial_year_start: "07-01"\nacademic_year_start: "08-01"\n',
        "",
        {"financial_year_start": (7, 1), "academic_year_start": (8, 1)},
        {"financial_year_start": (7, 1), "academic_year_start": (8, 1)},
    ),
    (
        "",
        "",
        {"financial_year_start": None, "academic_year_start": None, "month_first": False},
        {"financial_year_start": None, "academic_year_start": None},
    ),
    ("financial_year_start: 04-06\n", "", {"financial_year_start": (4, 6)}, {}),
]


@pytest.mark.parametrize(("extra", "event_extra", "for_event", "for_next"), PASSED)
def test_settings_reach_parse_date_as_the_contract_says(
    write_brief, monkeypatch, extra, event_extra, for_event, for_next
):
    calls: list[tuple[str, dict[str, object]]] = []
    real = resolve.parse_date

    def recording(text, anchor, **kwargs):
        calls.append((text, kwargs))
        return real(text, anchor, **kwargs)

    monkeypatch.setattr(resolve, "parse_date", recording)
    load_brief(write_brief(_events("16 June 2025", extra, event_extra)))
    by_text = dict(calls)
    for key, value in for_event.items():
        assert by_text["16 June 2025"][key] == value, key
    for key, value in for_next.items():
        assert by_text["in October"][key] == value, key


def test_a_next_item_may_say_it_is_past(write_brief, monkeypatch):
    seen: list[object] = []
    real = resolve.parse_date

    def recording(text, anchor, **kwargs):
        seen.append(kwargs.get("direction"))
        return real(text, anchor, **kwargs)

    monkeypatch.setattr(resolve, "parse_date", recording)
    load_brief(write_brief(f"{HEAD}next:\n  - {{date: in May, text: X, tense: past}}\n"))
    assert seen == ["past"]


def _json_span(runner, path, which="next"):
    result = runner.invoke(cli, ["events", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


# (as_of, date text in next:, expected start) - a next item's bare month is the coming one
FUTURE_NEXT = [
    pytest.param("2025-06-16", "in October", date(2025, 10, 1)),
    pytest.param("2024-08-31", "October", date(2024, 10, 1)),
    pytest.param("2023-01-01", "May", date(2023, 5, 1)),
    ("2025-06-16", "on Monday", date(2025, 6, 16)),  # a Monday: the anchor day itself
    pytest.param("2025-06-18", "on Monday", date(2025, 6, 23)),
]


@pytest.mark.parametrize(("as_of", "text", "start"), FUTURE_NEXT)
def test_next_items_resolve_forward(write_brief, as_of, text, start):
    brief = load_brief(
        write_brief(f"title: T\nas_of: {as_of}\nnext:\n  - {{date: {text}, text: X}}\n")
    ).brief
    assert brief.next[0].span is not None
    assert brief.next[0].span.start == start


@pytest.mark.parametrize(
    ("extra", "event_extra", "start"),
    [
        pytest.param("tense: future\n", "", date(2026, 1, 1)),
        pytest.param("", "    tense: future\n", date(2026, 1, 1)),
        ("tense: future\n", "    tense: past\n", date(2025, 1, 1)),
    ],
)
def test_tense_future_reads_an_events_bare_month_forward(write_brief, extra, event_extra, start):
    text = f"{HEAD}{extra}events:\n  - date: in January\n    title: E\n{event_extra}"
    brief = load_brief(write_brief(text)).brief
    assert brief.events[0].span is not None
    assert brief.events[0].span.start == start


@pytest.mark.parametrize(
    ("extra", "text", "start", "end"),
    [
        ("", "2023-24", date(2023, 4, 1), date(2024, 3, 31)),
        ('financial_year_start: "07-01"\n', "2023-24", date(2023, 7, 1), date(2024, 6, 30)),
        ("", "the academic year 2019/20", date(2019, 9, 1), date(2020, 8, 31)),
        (
            'academic_year_start: "08-01"\n',
            "the academic year 2019/20",
            date(2019, 8, 1),
            date(2020, 7, 31),
        ),
    ],
)
def test_year_settings_shape_financial_and_academic_years(write_brief, extra, text, start, end):
    brief = load_brief(write_brief(f"{HEAD}{extra}events:\n  - date: {text}\n    title: E\n"))
    span = brief.brief.events[0].span
    assert span is not None
    assert (span.start, span.end) == (start, end)


def test_a_bad_setting_stops_the_build(write_brief):
    with pytest.raises(BriefgenError) as caught:
        load_brief(write_brief(_events("16 June 2025", 'academic_year_start: "00-10"\n')))
    assert any(p.field == "academic_year_start" for p in caught.value.problems)
