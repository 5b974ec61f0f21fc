"""Dates that follow another event ("the following year", "two days later", "that autumn"):
``briefgen.anaphora`` finds and resolves them against a reference interval; a brief event
names its reference with ``relative_to``, and without it the date is an error, never a guess."""

from __future__ import annotations

from datetime import date

import pytest

from briefgen.anaphora import AnaphoraError, is_anaphoric, resolve_anaphoric
from briefgen.cli import cli
from briefgen.dates import DateSpan
from briefgen.pipeline import load_brief


def _span(start: date, end: date, precision: str, label: str = "ref") -> DateSpan:
    return DateSpan(label, start, end, precision, False, label)


DAY = _span(date(2015, 6, 14), date(2015, 6, 14), "day", "14 June 2015")
WEEKEND = _span(date(2015, 6, 13), date(2015, 6, 14), "day", "13–14 June 2015")
MONTH = _span(date(2015, 1, 1), date(2015, 1, 31), "month", "January 2015")
YEAR = _span(date(2015, 1, 1), date(2015, 12, 31), "year", "2015")
RANGE = _span(date(2015, 1, 1), date(2022, 12, 31), "year", "2015–2022")
LATE_DEC = _span(date(2015, 12, 31), date(2015, 12, 31), "day", "31 December 2015")
QUARTER = _span(date(2023, 10, 1), date(2023, 12, 31), "quarter", "Q4 2023")
ROLLING = _span(date(2020, 6, 1), date(2020, 8, 31), "month", "June–August 2020")
YEAR_ENDING = _span(date(2021, 7, 1), date(2022, 6, 30), "month", "Year ending June 2022")

ANAPHORIC = [
    "the following year", "The following year.", "in the following year", "the previous year",
    "the year before", "the year after", "the day after", "the next day", "the day before",
    "the following week", "the preceding month", "two days later", "three weeks earlier",
    "a year later", "a year earlier", "a fortnight later", "10 years later", "two years on",
    "that year", "that month", "the same year", "in that year", "that autumn", "that summer",
    "that winter", "the following spring", "the previous autumn", "later that month",
    "earlier that year", "later the same week", "that Saturday", "the same Monday",
]  # fmt: skip
NOT_ANAPHORIC = [
    "next year", "next week", "the next year", "over the next month", "last year", "this year",
    "two years ago", "in the coming weeks", "16 June 2025", "June 2025", "the 2010s",
    "autumn 2015", "the year", "following", "later this month", "earlier this year",
    "three weeks", "that", "", "the previous two years", "last quarter", "the latest quarter",
]  # fmt: skip


@pytest.mark.parametrize("text", ANAPHORIC)
def test_anaphoric_forms_are_recognised(text):
    assert is_anaphoric(text)


@pytest.mark.parametrize("text", NOT_ANAPHORIC)
def test_other_dates_are_not_anaphoric(text):
    assert not is_anaphoric(text)


# (form, reference, start, end, label)
RESOLVED = [
    # quarters, as statistics releases count them
    ("the previous quarter", QUARTER, date(2023, 7, 1), date(2023, 9, 30), "Q3 2023"),
    ("the following quarter", QUARTER, date(2024, 1, 1), date(2024, 3, 31), "Q1 2024"),
    ("the previous two quarters", QUARTER, date(2023, 4, 1), date(2023, 9, 30),
     "April–September 2023"),
    ("the same quarter a year ago", QUARTER, date(2022, 10, 1), date(2022, 12, 31), "Q4 2022"),
    ("the same quarter of the previous year", QUARTER, date(2022, 10, 1), date(2022, 12, 31),
     "Q4 2022"),
    ("the same period in 2022", QUARTER, date(2022, 10, 1), date(2022, 12, 31),
     "October–December 2022"),
    ("the same period last year", DAY, date(2014, 6, 14), date(2014, 6, 14), "14 June 2014"),
    ("the previous financial year", QUARTER, date(2022, 4, 1), date(2023, 3, 31),
     "Financial year 2022–23"),
    ("the previous three months", QUARTER, date(2023, 7, 1), date(2023, 9, 30),
     "July–September 2023"),
    # ONS's rolling quarters: three whole months that are not a calendar quarter
    ("the previous quarter", ROLLING, date(2020, 3, 1), date(2020, 5, 31), "March–May 2020"),
    ("the same quarter a year ago", ROLLING, date(2019, 6, 1), date(2019, 8, 31),
     "June–August 2019"),
    # twelve months across two calendar years: the same months a year before or after
    ("a year earlier", YEAR_ENDING, date(2020, 7, 1), date(2021, 6, 30),
     "July 2020 – June 2021"),
    ("two years later", YEAR_ENDING, date(2023, 7, 1), date(2024, 6, 30),
     "July 2023 – June 2024"),
    ("two quarters later", QUARTER, date(2024, 4, 1), date(2024, 6, 30), "Q2 2024"),
    ("the following year", DAY, date(2016, 1, 1), date(2016, 12, 31), "2016"),
    ("the year after", YEAR, date(2016, 1, 1), date(2016, 12, 31), "2016"),
    ("the previous year", MONTH, date(2014, 1, 1), date(2014, 12, 31), "2014"),
    ("the year before", DAY, date(2014, 1, 1), date(2014, 12, 31), "2014"),
    ("the next day", DAY, date(2015, 6, 15), date(2015, 6, 15), "15 June 2015"),
    ("the next day", LATE_DEC, date(2016, 1, 1), date(2016, 1, 1), "1 January 2016"),
    ("the day before", DAY, date(2015, 6, 13), date(2015, 6, 13), "13 June 2015"),
    ("the following week", WEEKEND, date(2015, 6, 15), date(2015, 6, 21), "Week of 15 June 2015"),
    ("the following month", DAY, date(2015, 7, 1), date(2015, 7, 31), "July 2015"),
    ("the following month", LATE_DEC, date(2016, 1, 1), date(2016, 1, 31), "January 2016"),
    ("two days later", DAY, date(2015, 6, 16), date(2015, 6, 16), "16 June 2015"),
    ("two days later", LATE_DEC, date(2016, 1, 2), date(2016, 1, 2), "2 January 2016"),
    ("three weeks earlier", DAY, date(2015, 5, 18), date(2015, 5, 24), "Week of 18 May 2015"),
    ("a fortnight later", DAY, date(2015, 6, 22), date(2015, 6, 28), "Week of 22 June 2015"),
    ("two years later", DAY, date(2017, 1, 1), date(2017, 12, 31), "2017"),
    ("a year earlier", YEAR, date(2014, 1, 1), date(2014, 12, 31), "2014"),
    ("six months later", MONTH, date(2015, 7, 1), date(2015, 7, 31), "July 2015"),
    ("that year", DAY, date(2015, 1, 1), date(2015, 12, 31), "2015"),
    ("the same month", DAY, date(2015, 6, 1), date(2015, 6, 30), "June 2015"),
    ("that autumn", DAY, date(2015, 9, 1), date(2015, 11, 30), "Autumn 2015"),
    ("that autumn", YEAR, date(2015, 9, 1), date(2015, 11, 30), "Autumn 2015"),
    ("that winter", MONTH, date(2014, 12, 1), date(2015, 2, 28), "Winter 2014–15"),
    ("the following spring", DAY, date(2016, 3, 1), date(2016, 5, 31), "Spring 2016"),
    ("the following autumn", DAY, date(2015, 9, 1), date(2015, 11, 30), "Autumn 2015"),
    ("the previous autumn", DAY, date(2014, 9, 1), date(2014, 11, 30), "Autumn 2014"),
    # a weekday of the day or week told
    ("that Sunday", WEEKEND, date(2015, 6, 14), date(2015, 6, 14), "14 June 2015"),
    ("the same Sunday", DAY, date(2015, 6, 14), date(2015, 6, 14), "14 June 2015"),
    ("later that month", DAY, date(2015, 6, 14), date(2015, 6, 30), "14–30 June 2015"),
    ("earlier that year", DAY, date(2015, 1, 1), date(2015, 6, 14), "1 January – 14 June 2015"),
]


@pytest.mark.parametrize(("text", "ref", "start", "end", "label"), RESOLVED)
def test_resolved_against_the_reference(text, ref, start, end, label):
    span = resolve_anaphoric(text, ref)
    assert (span.start, span.end, span.label) == (start, end, label)
    assert span.text == text


# (form, reference): finer than the reference, or a unit the reference does not fit in
REFUSED = [
    ("two days later", YEAR),
    ("the next day", MONTH),
    ("the next day", WEEKEND),
    ("that year", RANGE),
    ("the following year", RANGE),
    ("later that month", YEAR),
    ("earlier that year", YEAR),
    ("16 June 2025", DAY),
    ("that Saturday", DAY),  # 14 June 2015 is a Sunday: which Saturday is meant is a guess
    ("that Monday", MONTH),
]


@pytest.mark.parametrize(("text", "ref"), REFUSED)
def test_refused_rather_than_guessed(text, ref):
    with pytest.raises(AnaphoraError) as caught:
        resolve_anaphoric(text, ref)
    assert caught.value.hint


def _brief(events: str) -> str:
    return f"title: T\nas_of: 2025-06-16\nevents:\n{events}"


# (events YAML, line of the error, words in it)
BRIEF_ERRORS = [
    ("  - {id: a, date: 2015, title: A}\n  - {date: the following year, title: B}\n",
     5, ["add 'relative_to: <id of the event it follows>'", "'a'"]),
    ("  - {date: two days later, title: B}\n", 4, ["relative_to"]),
    ("  - {date: 2015, title: A}\n  - {date: that year, title: B, relative_to: zzz}\n",
     5, ["'zzz'", "no event's id"]),
    ("  - {id: a, date: that year, title: A, relative_to: b}\n"
     "  - {id: b, date: the year after, title: B, relative_to: a}\n", 5, ["circle"]),
    ("  - {id: a, date: the next day, title: A, relative_to: a}\n", 4, ["circle"]),
    ("  - {id: a, date: 2015, title: A}\n"
     "  - {date: two days later, title: B, relative_to: a}\n", 5, ["one day", "2015"]),
]  # fmt: skip


@pytest.mark.parametrize(("events", "line", "words"), BRIEF_ERRORS)
def test_brief_errors_name_the_line_and_the_fix(runner, write_brief, events, line, words):
    result = runner.invoke(cli, ["check", str(write_brief(_brief(events)))])
    assert result.exit_code == 1, result.output
    assert f"brief.yaml:{line}:" in result.output
    for word in words:
        assert word in result.output


def test_relative_to_reads_against_the_named_event_in_any_order(write_brief):
    events = (
        "  - {id: c, date: that autumn, title: C, relative_to: b}\n"  # before its reference
        "  - {id: b, date: the following year, title: B, relative_to: a}\n"
        "  - {id: a, date: 14 June 2015, title: A, sources: [s]}\n"
        "sources:\n"
        "  - {id: s, publisher: P, title: S, url: 'https://e.org', published: 2025-01-02}\n"
    )
    brief = load_brief(write_brief(_brief(events))).brief
    labels = {e.id: e.span.label for e in brief.events if e.span}
    assert labels["a"] == "14 June 2015"
    assert labels["b"] == "2016"  # not 2026, the year after the source was published
    assert labels["c"] == "Autumn 2016"


def test_derived_ids_can_be_named_too(write_brief):
    from briefgen.eventids import derived_id

    eid = derived_id("14 June 2015", "A")
    events = (
        "  - {date: 14 June 2015, title: A}\n"
        f"  - {{date: the next day, title: B, relative_to: {eid}}}\n"
    )
    brief = load_brief(write_brief(_brief(events))).brief
    assert [e.span.label for e in brief.events] == ["14 June 2015", "15 June 2015"]


def test_the_chronology_shows_the_words_under_the_derived_label(runner, write_brief, tmp_path):
    from docx import Document

    events = (
        "  - {id: a, date: 14 June 2015, title: Inquiry opens}\n"
        "  - {date: the following year, title: Inquiry reports, relative_to: a}\n"
    )
    path = write_brief(_brief(events))
    result = runner.invoke(cli, ["build", str(path), "-o", str(tmp_path / "out"),
                                 "--only", "chronology", "--format", "docx"])  # fmt: skip
    assert result.exit_code == 0, result.output
    doc = Document(str(tmp_path / "out" / "brief-chronology.docx"))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    assert any("2016" in c and "as reported: “the following year”" in c for c in cells), cells
