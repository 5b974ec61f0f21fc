"""extract: the per-sentence tense cue passed to parse_date as ``direction``, and the
mention extents of issue 10 (a trailing full stop, "our 20th year", "w/c 24 April",
"Tuesday 26 March" in a list)."""

from __future__ import annotations

from datetime import date

import pytest

from briefgen.extract import mentions as mentions_module
from briefgen.extract.mentions import find_mentions
from briefgen.extract.tense import sentence_direction, sentence_spans

# (sentence, direction)
TENSES = [
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
    ("The report was published in October.", "past"),
    ("Ministers announced the plan in May.", "past"),
    ("Talks had stalled by then.", "past"),
    ("The coronation took place in May.", "past"),
    ("It opened three years ago.", "past"),
    ("Figures for June show a rise.", None),
    ("The station is by the river.", None),  # "by" before no date
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
