"""extract: the per-sentence tense cue passed to parse_date as ``direction``, and the
mention extents of issue 10 (a trailing full stop, "our 20th year", "w/c 24 April",
"Tuesday 26 March" in a list)."""

from __future__ import annotations

from datetime import date
from itertools import pairwise

import pytest

from briefgen.extract import mentions as mentions_module
from briefgen.extract.mentions import find_mentions
from briefgen.extract.tense import clause_spans, directions, sentence_direction, sentence_spans

# (sentence, direction)
TENSES = [
    # a timetable in the present tense looks forward: what opens, closes, starts, comes
    # into force, takes effect or is due; its past and perfect forms do not
    ("The scheme opens in April.", "future"),
    ("Applications close in March.", "future"),
    ("The new rules come into force in April.", "future"),
    ("The changes take effect from April.", "future"),
    ("Results are due in March.", "future"),
    ("Schools reopen on Monday.", "future"),
    ("The consultation closes at 11:59pm on 12 March.", "future"),
    ("The first vehicles arrive in June.", "future"),
    ("Hospitals are preparing for a difficult January.", "future"),
    ("Collections finish at the end of November.", "future"),
    ("Christmas is just around the corner.", "future"),
    ("Patients were waiting to begin treatment compared to last year.", None),
    ("Collections restart in March.", "future"),
    ("The new rules apply from April.", "future"),
    ("The scheme launches in October.", "future"),
    ("The first payments go out in December.", "future"),
    ("The policy comes in from January.", "future"),
    ("The cap is being lowered in July.", "future"),
    ("We aim to publish the strategy in the spring.", "future"),
    ("The rules applied from April.", None),
    ("The House rises on 23 July and returns on 2 September.", "future"),
    ("The House returned on 2 September.", None),
    ("The Bill returns to the Commons in March.", "future"),
    ("The trial runs to June.", "future"),
    ("The House sits on Monday.", "future"),
    ("The summit takes place in March.", "future"),
    ("Sales in January follow a rise in December.", None),
    ("Tax returns in January rose by 3%.", None),
    ("The survey opens at noon on 3 March.", "future"),
    ("Work did not start in March.", None),
    # a deadline still to meet looks forward; one missed does not
    ("Send it before the 31 January deadline to avoid a fine.", "future"),
    ("File ahead of the January 31 deadline.", "future"),
    ("Those who missed the 31 January deadline face a fine.", None),
    ("The trial started in May.", None),
    ("The shops have closed in March before.", None),
    # "by" a quantity is no deadline: only "by" a date (a month, a weekday, a season, an
    # ordinal day, a day before its month) looks forward
    ("Between April and June the number rose by 5,000.", None),
    ("Prices fell by 2% in March.", None),
    ("Output grew by 0.6 per cent in the second quarter.", None),
    ("Claims went up by 12 in May.", None),
    ("Households must register by 31 March.", "future"),
    ("Apply by the 5th.", "future"),
    ("Our Budget in October will be difficult.", "future"),
    ("Households must do so by the end of February.", "future"),
    ("The work is due to finish in March.", "future"),
    ("The reforms are due to start in April.", "future"),
    ("The council expects to decide in June.", "future"),
    ("The department plans to publish it in May.", "future"),
    ("The charge is set to rise in April.", "future"),
    ("Payments continue until March.", "future"),
    ("From April onwards the fee doubles.", "future"),
    ("Plans for the coming winter were set out.", "future"),  # a future cue wins
    ("The minister said the review will report in June.", "future"),
    ("Parliament returns next Monday.", "future"),
    ("The sale is scheduled to close on Monday.", "future"),
    ("The talks, set to resume on Monday, were delayed.", "future"),
    ("The family could arrive as soon as Tuesday.", "future"),
    ("The report was published in October.", "past"),
    ("The coronation took place in May.", "past"),
    ("It opened three years ago.", "past"),
    ("The meeting was held in May.", "past"),
    # reporting verbs and auxiliaries tell the story, not the date: no cue
    ("Ministers announced the plan in May.", None),
    ("Talks had stalled by then.", None),
    ("The firm said it would extend its bid to 6 November.", None),
    ("The bid was extended to 16 November.", None),
    ("In September it announced plans to buy the unit.", None),  # "plans" is a noun
    # "by" and "until" look back in a past-tense sentence
    ("Until Thursday, they had not named a suspect.", None),
    ("Most members had filed reports by Wednesday.", None),
    ("Officials postponed the hearing until Tuesday.", "future"),
    ("The stalls next to the station closed on Friday.", None),  # "next to" is no cue
    ("Sales were up by the Tuesday deadline.", None),  # "the Tuesday deadline": no "by" date
    ("Figures for June show a rise.", None),
    ("The station is by the river.", None),  # "by" before no date
    ("Sessions are planned for 3 March.", "future"),
    ("A vote is proposed for June.", "future"),
]


@pytest.mark.parametrize(("sentence", "direction"), TENSES)
def test_sentence_direction(sentence, direction):
    assert sentence_direction(sentence) == direction


def test_sentences_are_split_but_not_at_abbreviations():
    text = "It ended on Jan. 5 last year. It will reopen in May.\n\nNext"
    parts = [text[s:e] for s, e in sentence_spans(text)]
    assert parts == ["It ended on Jan. 5 last year.", "It will reopen in May.", "Next"]


def test_each_sentences_direction_reaches_parse_date(monkeypatch):
    seen: dict[str, set[object]] = {}
    real = mentions_module.parse_date

    def recording(text, anchor, **kwargs):
        seen.setdefault(text, set()).add(kwargs.get("direction"))
        return real(text, anchor, **kwargs)

    mentions_module._parse.cache_clear()
    monkeypatch.setattr(mentions_module, "parse_date", recording)
    text = "The report was published in October. The Budget in November will be hard."
    found = find_mentions(text, date(2024, 8, 31))
    mentions_module._parse.cache_clear()
    assert [m.text for m in found] == ["October", "November"]
    assert seen["October"] == {"past"}
    assert seen["November"] == {"future"}


@pytest.mark.parametrize(
    ("text", "anchor", "start"),
    [
        ("Our Budget in October will be difficult.", date(2024, 8, 31), date(2024, 10, 1)),
        ("Households must pay by the end of February.", date(2024, 1, 17), date(2024, 2, 25)),
        ("The coronation on May 6 is set to draw crowds.", date(2023, 1, 1), date(2023, 5, 6)),
    ],
)
def test_future_sentences_read_bare_dates_forward(text, anchor, start):
    found = find_mentions(text, anchor)
    assert found and found[-1].span is not None
    assert found[-1].span.start <= start <= found[-1].span.end


# (text, anchor, start, end): the dates that TempEval-3's news showed read wrongly by a
# sentence-wide tense (benchmarks.tempeval_mentions), each read as its own cue says
TENSE_READINGS = [
    # a rise "by" a number is told in the past: the months are the latest ones
    ("Between April and June the number rose by 5,000.", date(2024, 8, 10),
     "2024-04-01", "2024-06-30"),
    # a past-tense report keeps a coming day-month coming (was: the year before)
    ("The bid was extended to 16 November.", date(1989, 10, 30), "1989-11-16", "1989-11-16"),
    ("The firm said it would extend its bid to Nov. 6.", date(1989, 10, 30),
     "1989-11-06", "1989-11-06"),
    ("The chair said he had called a witness for Feb. 10.", date(2000, 1, 7),
     "2000-02-10", "2000-02-10"),
    # the date of a report is past, whatever the reported clause says
    ("The ministry said Wednesday that it will appeal.", date(2000, 1, 7),
     "2000-01-05", "2000-01-05"),
    ("Ministers announced on Monday that the scheme will close.", date(2024, 3, 1),
     "2024-02-26", "2024-02-26"),
    ("The three issued a statement Friday saying talks will resume.", date(1999, 3, 13),
     "1999-03-12", "1999-03-12"),
    # a quarter named as an accounting period is the latest, even in a future sentence
    ("The firm expects to report third-quarter earnings of £2m.", date(1989, 10, 30),
     "1989-07-01", "1989-09-30"),
    ("It expects to report a charge of £5.3 million for the third quarter.",
     date(1989, 10, 30), "1989-07-01", "1989-09-30"),
    ("The scheme will open in the third quarter.", date(2025, 6, 16), "2025-07-01", "2025-09-30"),
    # "by" / "until" in a past-tense sentence look back; "next to" is no cue
    ("Until Thursday, they had not named a suspect.", date(1999, 5, 7),
     "1999-05-06", "1999-05-06"),
    ("Most members had filed reports by Wednesday.", date(1990, 8, 16),
     "1990-08-15", "1990-08-15"),
    # a thing done by a day looks back; a plan to do it by then looks forward
    ("Most people filed their tax returns by 31 January.",
     date(2025, 2, 3), "2025-01-31", "2025-01-31"),
    ("They paid the bill by Friday.", date(2025, 2, 3), "2025-01-31", "2025-01-31"),
    ("We set out a plan to deliver the homes by March.", date(2025, 2, 3),
     "2025-03-01", "2025-03-31"),
    ("The stalls next to the station closed on Friday.", date(1998, 8, 8),
     "1998-08-07", "1998-08-07"),
    ("Officials postponed the hearing until Tuesday morning.", date(2000, 3, 30),
     "2000-04-04", "2000-04-04"),
    ("The three are expected to join in April.", date(1998, 12, 5), "1999-04-01", "1999-04-30"),
    ("The sale is scheduled to close on Monday.", date(1989, 11, 2), "1989-11-06", "1989-11-06"),
    # a weekday with a day-month is the one that falls on it, whatever the tense
    ("The paper said in an editorial on Saturday, April 25, that it ended two years ago.",
     date(1998, 4, 24), "1998-04-25", "1998-04-25"),
    # a subjunctive "if ... were" is no past tense; "propose to", "intend for" look ahead
    ("I should be obliged if the question were put again on Monday, when I will answer.",
     date(1919, 5, 22), "1919-05-26", "1919-05-26"),
    ("For Tuesday I propose to put down Supply.", date(1905, 5, 29), "1905-05-30", "1905-05-30"),
    ("We intend for the House to sit on the following Fridays: 27 October and 24 November.",
     date(2017, 7, 18), "2017-10-27", "2017-11-24"),
    ("The unit was initially due to open by December.", date(2022, 10, 4),
     "2022-12-01", "2022-12-31"),
    # a future clause naming the page's own weekday means next week's
    ("On Thursday it will be Supply.", date(1919, 5, 22), "1919-05-29", "1919-05-29"),
    ("Thursday and Friday we shall give to the Resolution.", date(1911, 8, 3),
     "1911-08-10", "1911-08-11"),
    ("The court Thursday will hear the case.", date(2000, 6, 1), "2000-06-01", "2000-06-01"),
    # a month before the thing it dates, with no cue: the nearer of the last and the next
    ("The House then rises for the November recess.", date(2017, 10, 26),
     "2017-11-01", "2017-11-30"),
    ("To agree the protocol for the February Budget meeting.", date(2026, 1, 29),
     "2026-02-01", "2026-02-28"),
    ("Officials revised the June figures.", date(2024, 8, 13), "2024-06-01", "2024-06-30"),
    ("Ministers wait for the September statement.", date(2024, 8, 13),
     "2024-09-01", "2024-09-30"),
    # ... but a cue still decides, and a bare month is not attributive
    ("The Budget in March will be difficult.", date(2024, 11, 13), "2025-03-01", "2025-03-31"),
    ("The figures for June are revised.", date(2024, 1, 13), "2023-06-01", "2023-06-30"),
    # a quotation's sentence ends at its closing quotes: "will" after it is another's
    ("On Friday, he said he had ``no qualms.'' ``We will defend the north,'' she added.",
     date(1998, 3, 1), "1998-02-27", "1998-02-27"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "anchor", "start", "end"), TENSE_READINGS)
def test_each_date_is_read_by_its_cue(text, anchor, start, end):
    spans = [m.span for m in find_mentions(text, anchor)]
    assert spans and spans[0] is not None
    assert (spans[0].start, spans[0].end) == (date.fromisoformat(start), date.fromisoformat(end))


@pytest.mark.parametrize(
    ("text", "anchor", "holiday", "day"),
    [
        ("Bins due on Monday 25 December 2028 (Christmas Day) will be collected later.",
         date(2028, 12, 27), "Christmas Day", "2028-12-25"),
        ("Bins due the week commencing Monday 31 December 2029 (New Year's Eve) will be "
         "collected a day late.", date(2030, 1, 2), "New Year's Eve", "2029-12-31"),
    ],
)
def test_a_holiday_in_brackets_is_the_day_before_it(text, anchor, holiday, day):
    found = {m.text: m.span for m in find_mentions(text, anchor)}
    assert found[holiday] is not None and found[holiday].start.isoformat() == day


def test_a_comparison_is_no_time_after_another_date():
    text = "Bins due on Monday 25 December 2028 will be collected two days later than usual."
    assert [m.text for m in find_mentions(text, date(2028, 12, 20))] == [
        "Monday 25 December 2028"]


def test_pieces_cover_the_text_in_order():
    text = "The ministry said Wednesday that it will appeal. It had lost in May."
    pieces = directions(text)
    assert [start for start, _, _ in pieces] == sorted(start for start, _, _ in pieces)
    assert all(a[1] == b[0] or text[a[1] : b[0]].isspace() for a, b in pairwise(pieces))
    assert (text.index("Wednesday"), text.index(" that"), "past") in pieces
    assert pieces[-1] == (text.index("It had"), len(text), None)


ANCHOR = date(2024, 3, 1)
# (text, mention texts found)
EXTENTS = [
    ("It opened in June.", ["June"]),
    ("The fee rose in May.", ["May"]),
    ("It ended on 3 March.", ["3 March"]),
    ("This is our 20th year in business.", []),
    ("We mark our 20th anniversary on 3 May.", ["3 May"]),
    ("It was the 50th birthday of the scheme.", []),
    ("It was their 3rd season in the league.", []),
    ("The town's 9th century church.", ["9th century"]),
    ("The meeting is on the 20th of June.", ["the 20th of June"]),
    ("The consultation runs in the week commencing 24 April.", ["the week commencing 24 April"]),
    ("Roadworks w/c 24 April 2023 close the lane.", ["w/c 24 April 2023"]),
    ("Collections W/C 24 April are late.", ["W/C 24 April"]),
    ("Week beginning 3 June: repairs.", ["Week beginning 3 June"]),
    ("The House will sit on Tuesday 26 March, Wednesday 27 March.",
     ["Tuesday 26 March", "Wednesday 27 March"]),
    ("Dates: Tuesday 26 March; Thursday 28 March.", ["Tuesday 26 March", "Thursday 28 March"]),
    # a whole list of weekday + day-month items is one mention
    ("Bins move to Tuesday 26 March, Wednesday 27 March and Thursday 28 March.",
     ["Tuesday 26 March, Wednesday 27 March and Thursday 28 March"]),
    ("It was c. 2011.", ["c. 2011"]),
    # periods named from the anchor (issue 10 point 3)
    ("More will follow in the new year.", ["the new year"]),
    ("It was a new year for the team.", []),
    ("The plan for the year ahead is set.", ["the year ahead"]),
    ("In the coming weeks and months we act.", ["the coming weeks and months"]),
    ("Costs have risen in recent years.", ["recent years"]),
    ("Back in 2013 the rule changed.", ["Back in 2013"]),
    ("Sales from 1983 to date rose.", ["from 1983 to date"]),
    ("Spending to date is small.", []),
    ("Eighty years ago, the war ended.", ["Eighty years ago"]),
    ("This morning's figures were late.", ["This morning's"]),
    ("To-day the House met.", ["To-day"]),
    ("To-morrow the House meets.", ["To-morrow"]),
    ("It has grown since the 19th century.", ["since the 19th century"]),
    ("We meet on the first Monday of this month.", ["the first Monday of this month"]),
    ("Pay is due on the 20th of next month.", ["the 20th of next month"]),
    ("It happened two Thursdays ago.", ["two Thursdays ago"]),
    ("It opens 3 Fridays from now.", ["3 Fridays from now"]),
    ("The vote is Friday after next.", ["Friday after next"]),
    ("The shop opens on Mondays.", []),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), EXTENTS)
def test_mention_extents(text, expected):
    found = find_mentions(text, ANCHOR)
    assert [m.text for m in found] == expected
    for m in found:
        assert text[m.offset : m.end] == m.text


def test_a_weekday_day_month_is_that_day():
    (m,) = find_mentions("Dates: Tuesday 26 March; nothing else.", ANCHOR)
    assert m.span is not None and m.span.start == m.span.end == date(2024, 3, 26)


def test_week_commencing_is_the_week():
    (m,) = find_mentions("Repairs start w/c 24 April 2023 at the depot.", ANCHOR)
    assert m.span is not None
    assert (m.span.start, m.span.end) == (date(2023, 4, 24), date(2023, 4, 30))


def test_a_list_of_weekday_dates_is_its_whole_range():
    text = "Bins move to Tuesday 26 March, Wednesday 27 March and Thursday 28 March."
    (m,) = find_mentions(text, date(2024, 1, 10))
    assert m.span is not None
    assert (m.span.start, m.span.end) == (date(2024, 3, 26), date(2024, 3, 28))


# (sentence, its clauses): where a sentence's cues stop reaching
CLAUSES = [
    ("It was delayed until May, as revealed in April.",
     ["It was delayed until May, ", "as revealed in April."]),
    ("It reopens in May; it shut in April.", ["It reopens in May; ", "it shut in April."]),
    ("It reopens in May - it shut in April.", ["It reopens in May - ", "it shut in April."]),
    ("It shut in April, and it reopens in May.", ["It shut in April, ", "and it reopens in May."]),
    ("It shut in April, but the hall reopens in May.",
     ["It shut in April, ", "but the hall reopens in May."]),
    ("It will open in May, which was agreed in April.",
     ["It will open in May, ", "which was agreed in April."]),
    ("The minister said in April that it will open in May.",
     ["The minister said in April ", "that it will open in May."]),
    ("It will reopen when the hall is mended in May.",
     ["It will reopen ", "when the hall is mended in May."]),
    # no cut: a fronted adverbial, a list, "and" without a subject
    ("In April, we set out a plan.", ["In April, we set out a plan."]),
    ("It opens on 3, 10 and 17 May.", ["It opens on 3, 10 and 17 May."]),
    ("It shut in April and reopens in May.", ["It shut in April and reopens in May."]),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "clauses"), CLAUSES)
def test_clause_spans(sentence, clauses):
    assert [sentence[a:b] for a, b in clause_spans(sentence)] == clauses


CLAUSE_ANCHOR = date(2024, 1, 10)
# (text, expression, the month it is read in): each date takes its own clause's tense,
# where a sentence-wide future cue would have sent every bare month forward
CLAUSE_READINGS = [
    ("The deadline was pushed back from March until September, as revealed by the paper in "
     "February.", "February", "2023-02"),
    ("The deadline was pushed back from March until September, as revealed by the paper in "
     "February.", "from March until September", "2024-03"),
    ("In December, we published a plan to deliver new homes over the coming years.",
     "December", "2023-12"),
    ("The fund I signed in December there will be more money.", "December", "2023-12"),
    ("The minister said in December that the review will report in June.", "December", "2023-12"),
    ("The minister said in December that the review will report in June.", "June", "2024-06"),
    ("The report, published in December, will shape the budget in March.", "December", "2023-12"),
    ("The contract, awarded in December, runs until March.", "December", "2023-12"),
    ("The scheme, launched in December, has been extended to March.", "March", "2024-03"),
    ("Training began in December and runs to June.", "December", "2023-12"),
    ("Training began in December and runs to June.", "June", "2024-06"),
    # any reporting verb, past or "-ing", keeps the report's date out of what it reports
    ("The minister, pledging in December that waits will fall, set a target.", "December",
     "2023-12"),
    ("Ministers promised in December that the fund will reopen in March.", "December",
     "2023-12"),
    ("Ministers promised in December that the fund will reopen in March.", "March", "2024-03"),
    ("The leader vowed in November that the rules will change.", "November", "2023-11"),
    ("The report, published in December, will shape the budget in March.", "March", "2024-03"),
    ("The fund will reopen in March; it was closed in December.", "December", "2023-12"),
    ("The fund will reopen in March - it was shut in December.", "December", "2023-12"),
    ("The fund was shut in December, and it will reopen in March.", "December", "2023-12"),
    ("The fund will reopen in March, which was agreed in December.", "December", "2023-12"),
    ("The fund will reopen in March, as announced in December.", "December", "2023-12"),
    ("The vote, held in December, will be rerun in March.", "December", "2023-12"),
    ("The vote was held in December and will be rerun in March.", "March", "2024-03"),
    # a past event verb after "be" / "to be" is no past cue
    ("The report will be published in December.", "December", "2024-12"),
    ("The report is to be published in December.", "December", "2024-12"),
    # a postponement points forward, even told in the past tense
    ("The vote was postponed until December.", "December", "2024-12"),
    ("The target was being pushed back to December.", "December", "2024-12"),
    # "planned for" is a future cue; the clause after it has none and takes the sentence's
    ("Sessions are planned for 3, 10 and 17 March, and the report follows in December.",
     "December", "2024-12"),
    # "since" looks back, whatever else the clause says
    ("The ship, on patrol since December, is scheduled to return in March.", "since December",
     "2023-12"),
    # a clause in the past tense does not take another clause's future
    ("Talks will resume in March, though they were stalled in December.", "December", "2023-12"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expression", "month"), CLAUSE_READINGS)
def test_each_date_takes_its_clauses_tense(text, expression, month):
    found = {m.text: m.span for m in find_mentions(text, CLAUSE_ANCHOR)}
    span = found[expression]
    assert span is not None
    assert span.start.isoformat()[:7] == month
