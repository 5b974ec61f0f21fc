"""``briefgen extract``: loading articles, finding date mentions, proposing and merging
events, and writing a brief that ``briefgen check`` accepts. The articles in
tests/articles are invented for these tests."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from briefgen.cli import cli
from briefgen.extract.load import load_article
from briefgen.extract.mentions import find_mentions
from briefgen.extract.propose import merge, propose, sentences
from tests.conftest import EXAMPLE

ARTICLES = Path(__file__).with_name("articles")
TXT = ARTICLES / "flood.txt"
HTML = ARTICLES / "flood.html"
MD = ARTICLES / "notes.md"
ANCHOR = date(2025, 6, 16)  # a Monday


def texts(text: str, anchor: date | None = ANCHOR) -> list[str]:
    return [m.text for m in find_mentions(text, anchor)]


def run_json(runner, *args: str):
    if "--format" not in args:
        args = (*args, "--format", "json")
    result = runner.invoke(cli, ["extract", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


# --- mentions ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The vote was held on 16 June 2025 in the town hall.", ["16 June 2025"]),
        ("It ran from 2011 to 2015, then stopped.", ["from 2011 to 2015"]),
        ("Talks took place between 2000 and 2006 in Geneva.", ["between 2000 and 2006"]),
        ("The plan dates from the early 1990s.", ["the early 1990s"]),
        ("At the weekend the minister resigned.", ["the weekend"]),
        ("Earlier this year the board met.", ["Earlier this year"]),
        ("Sales rose in Q1 2025 and fell in mid-2025.", ["Q1 2025", "mid-2025"]),
        ("He was born c. 1950 in Leeds.", ["c. 1950"]),
        ("The figures for May 2024 were late.", ["May 2024"]),
        ("The report came out on 14-15 June 2025.", ["14-15 June 2025"]),
        ("The 2012 Olympics showed what the network could do.", ["2012"]),
        ("He was honoured in the 2019 Birthday Honours.", ["2019"]),
        # ... but looking ahead, "in N years" is that year
        ("The scheme will end in two years.", ["in two years"]),
        ("We have a plan to end it in 10 years.", ["in 10 years"]),
        ("The stock would be redeemed in five years.", ["in five years"]),
        ("Many joined last year, and about 2024 staff will retrain.", ["last year"]),
        ("The hearing opened on Thursday, April 3 in Leeds.", ["Thursday, April 3"]),
        # a listing scraped without spaces: a date run into the next title
        ("02.02.2016Regional Schools Commissioners", ["02.02.2016"]),
        ("10.11.2016FAQs: Academies and free schools", ["10.11.2016"]),
        ("Updated 15 January 2016School funding", ["15 January 2016"]),
        ("Wednesday 7 MaySecond reading of the Bill.", ["Wednesday 7 May"]),
        ("Today I am talking about another reform.", ["Today"]),
        ("Published 18 th May 2017", ["18 th May 2017"]),  # a spaced ordinal
        ("Criminal Justice Statistics quarterly, England and Wales, 2016", ["2016"]),
        # older Hansard's "May, 1905"; but "In May, 2000 people marched" is May and a count
        ("It was in May, 1905.", ["May, 1905"]),
        ("In May, 2000 people marched.", ["May"]),
        ("The Today Programme ran the story.", []),
        # a weekday that is not its day's: no mention of its own
        ("It happened at 10.30am (Monday 12th December).", ["12th December"]),
        ("It began on Friday, 13 June and ended on Monday.", ["Friday, 13 June", "Monday"]),
        # "May" or "March" after a time preposition and before an auxiliary is the month
        ("The Budget in March will be difficult.", ["March"]),
        ("Theresa May will speak, and Smith and May would agree.", []),
        ("It weighed 2,000Kg and cost 5Million.", []),
    ],
)
def test_finds_date_expressions(text, expected):
    assert texts(text) == expected


SEP30 = date(2024, 9, 30)


@pytest.mark.parametrize(
    ("text", "mention", "start", "end"),
    [
        ("Spending in FY2023/24 was higher.", "FY2023/24", "2023-04-01", "2024-03-31"),
        ("Spending in FY 2023-24 was higher.", "FY 2023-24", "2023-04-01", "2024-03-31"),
        ("Receipts in the tax year 2024 to 2025 grew.", "the tax year 2024 to 2025",
         "2024-04-06", "2025-04-05"),
        ("Pupils left in the academic year 2019/20.", "the academic year 2019/20",
         "2019-09-01", "2020-08-31"),
        ("Costs in the financial year ending March 2024 rose.",
         "the financial year ending March 2024", "2023-04-01", "2024-03-31"),
        ("In the year ending March 2024, crime fell.", "the year ending March 2024",
         "2023-04-01", "2024-03-31"),
        ("Prices rose in the year to June.", "the year to June", "2023-07-01", "2024-06-30"),
        ("Jobs fell in the three months to August 2024.", "the three months to August 2024",
         "2024-06-01", "2024-08-31"),
        ("The 12 months to September 2024 were dry.", "The 12 months to September 2024",
         "2023-10-01", "2024-09-30"),
        ("Output grew in Quarter 1 (January to March) 2023.",
         "Quarter 1 (January to March) 2023", "2023-01-01", "2023-03-31"),
        ("Output grew in Quarter 2 2023.", "Quarter 2 2023", "2023-04-01", "2023-06-30"),
    ],
)  # fmt: skip
def test_finds_statistics_periods_whole(text, mention, start, end):
    found = find_mentions(text, SEP30)
    assert [m.text for m in found] == [mention]
    span = found[0].span
    assert span is not None
    assert (span.start.isoformat(), span.end.isoformat()) == (start, end)


@pytest.mark.parametrize(
    "text",
    [
        "Under the Inquiries Act 2005 the chair can compel witnesses.",  # a law's name
        "Children as young as 10 were targeted.",  # an age
        "More than 800 cases will be reviewed.",  # a count
        "Over 2000 cases were reopened.",  # a count that looks like a year
        "Police found 2000 documents in the loft.",  # a count that looks like a year
        "The 19th report of the committee was damning.",  # an ordinal
        "It was a seven-year inquiry.",  # a duration on its own
        "The photo is more than 4 years old.",  # furniture
        "Theresa May spoke to the Today programme.",  # names
        "Ministers may march on the capital.",  # verbs
        "Women in their 20s were most affected.",  # an age
        "Kopp's 1987 Chevrolet was found in the car park.",
        "The 1922 Committee met on its own.",  # a year that is part of a name
        "They opened an office at 1850 Station Road.",  # a street number
        "The 1998 Act gave the assembly its powers.",  # a law named by its year
        "For advice call 0800 2024 555 at any hour.",  # a number written in groups
        "The code is 4411 2019 8873 on the form.",
        # a capitalised season, weekday or holiday inside a proper name
        "Pensioners receive the Winter Fuel Payment automatically.",
        "The Chancellor gave the Autumn Statement to MPs.",
        "The Sunday Times ran the story first.",
        "Black Friday sales rose sharply.",
        "The New Year Honours list was long.",
        "The Easter Rising is remembered in Dublin.",
        "See table 2019/3 for the regional figures.",  # a numbered thing
        "Page 1984 of the register was missing.",
        # a time after another event, which the page's date cannot anchor
        "Spending was up from £3.8 billion the year before.",
        "Profit rose from $4 million a year earlier.",
        "That autumn the council voted again.",
        "He resigned the week after.",
        "Compared with the same quarter a year ago, prices rose.",  # no quarter told before
        "It is the first rise in 20 years.",  # a comparison with the past
        "It was the only fall in a decade.",
        "The trust recorded its 2nd worst result.",  # an ordinal after a possessive
        "The Year 6 pupils sat their tests.",  # a school year group
        "Some had not met the standard by the end of year 2.",  # lower case, too
        "The Farming Bill [HL] 2021-22 was read a second time.",  # a Bill's name
        "The hall was 2022 square feet.",  # a measure
        "Such work is defined by the Home Sales Act 1982 (HSA 1982).",  # an Act's short name
        "Unit 1945 on the estate is vacant.",  # a numbered thing
        "The answer is in the Official Report, Vol. 530, c. 1234.",  # Hansard's column
        "The White Paper (Cmnd. 9123) set it out.",  # a command paper's number
        "The rate is 1954 per 100,000 residents.",  # counts
        "The Army had 1954 men in the area.",
        "Staffing was at a ratio of 1:2020 at night.",  # a ratio
        "The Order (S.I., 1954, No. 799) was laid.",  # an instrument's number
        "The Regulations (S.R. & O. 1948 No. 1234) were revoked.",
        "He spoke at col. 1952 of the Report.",  # a column
        "Call 101, quoting reference 1762 with your details.",  # a police reference
        "Call 101, quoting reference numbers 1106/07 with your details.",
    ],
)
def test_ignores_what_only_looks_like_a_date(text):
    assert texts(text) == []


def test_mention_offsets_index_the_text():
    text = "Résumé — «On Monday» the café closed; in March 2019 it had opened.\n"
    found = find_mentions(text, ANCHOR)
    assert [m.text for m in found] == ["Monday", "March 2019"]
    for m in found:
        assert text[m.offset : m.offset + m.length] == m.text


def test_relative_mentions_unresolved_without_anchor():
    found = find_mentions("On Tuesday they met; in March 2019 they had first met.", None)
    assert [(m.text, m.span is None) for m in found] == [("Tuesday", True), ("March 2019", False)]


# --- loading ----------------------------------------------------------------------------


def test_html_is_stripped_with_a_parser_and_furniture_skipped():
    article = load_article(HTML)
    assert article.kind == "html"
    assert "Councillors in Riverside voted on Tuesday" in article.text
    assert "town’s worst flood" in article.text  # the entity is decoded
    for hidden in ("1999", "2001", "2005", "2003", "2004", "<b>", "Archive"):
        assert hidden not in article.text
    assert article.published == date(2025, 6, 16)
    assert article.published_from == "<meta article:published_time>"
    assert article.publisher == "The Wend Gazette"
    assert article.title == "Flood barrier approved after years of debate"
    assert article.url == "https://gazette.example/flood-barrier"


def test_markdown_keeps_offsets_and_blanks_markup():
    article = load_article(MD)
    raw = MD.read_text(encoding="utf-8")
    assert len(article.text) == len(raw)
    assert "https" not in article.text and "**" not in article.text
    found = find_mentions(article.text, ANCHOR)
    assert [m.text for m in found][:2] == ["14 January 2025", "first week"] or found[0].text == (
        "14 January 2025"
    )
    assert raw[found[0].offset : found[0].offset + found[0].length] == "14 January 2025"


def test_dateline_gives_the_publication_date(tmp_path):
    path = tmp_path / "dated.txt"
    path.write_text("Published: Monday 16 June 2025 10:32 BST\n\nThe mayor resigned on "
                    "Friday after a long row over the budget.\n", encoding="utf-8")  # fmt: skip
    assert load_article(path).published == date(2025, 6, 16)


def test_a_sentence_with_a_date_is_not_a_dateline(tmp_path):
    path = tmp_path / "undated.txt"
    path.write_text("The mayor resigned on 13 June 2025 after a row.\n", encoding="utf-8")
    assert load_article(path).published is None


def test_encoding_error_names_the_problem(runner, tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("The café opened on 3 May 2024.\n".encode("latin-1"))
    result = runner.invoke(cli, ["extract", str(path), "--published", "2025-06-16"])
    assert result.exit_code == 1
    assert "not UTF-8" in result.output and "0xe9" in result.output
    assert "iconv" in result.output and "Traceback" not in result.output


def test_utf16_is_named(runner, tmp_path):
    path = tmp_path / "utf16.txt"
    path.write_bytes("On 3 May 2024 the café opened.".encode("utf-16"))
    result = runner.invoke(cli, ["extract", str(path)])
    assert result.exit_code == 1 and "UTF-16" in result.output


# --- events -----------------------------------------------------------------------------


def test_events_from_a_text_article(runner):
    events = run_json(runner, str(TXT), "--published", "2025-06-16")
    by_text = {e["date"]["text"]: e for e in events}
    assert by_text["on Tuesday"]["date"]["start"] == "2025-06-10"
    assert by_text["in March 2019"]["date"]["label"] == "March 2019"
    assert by_text["earlier this year"]["date"]["end"] == "2025-06-16"
    assert by_text["between 2007 and 2008"]["date"]["label"] == "2007–2008"
    assert "in the coming months" in by_text
    joined = json.dumps(events)
    for absent in ("2010", "newsletter", "19th", "as young as", "( Riverside Press )",
                   "hours ago"):  # fmt: skip
        assert absent not in joined, absent
    for e in events:
        assert e["tags"][:2] == ["extracted", "needs-review"]
        assert e["sources"] == ["flood"]
        assert e["detail"] and e["title"]
        assert len(e["title"]) <= 81


def test_json_has_the_shape_of_briefgen_events(runner):
    listed = json.loads(runner.invoke(cli, ["events", str(EXAMPLE), "--format", "json"]).stdout)
    events = run_json(runner, str(TXT), "--published", "2025-06-16")
    assert set(events[0]) == set(listed[0])
    assert set(events[0]["date"]) == set(listed[0]["date"])


def test_unresolved_without_a_publication_date(runner):
    result = runner.invoke(cli, ["extract", str(TXT), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert "no publication date found" in result.stderr
    events = json.loads(result.stdout)
    by_text = {e["date"]["text"]: e for e in events}
    assert by_text["on Tuesday"]["date"]["start"] is None
    assert "unresolved" in by_text["on Tuesday"]["tags"]
    assert by_text["in March 2019"]["date"]["start"] == "2019-03-01"  # absolute: still read


def test_meta_date_anchors_relative_dates(runner):
    events = run_json(runner, str(HTML), "--format", "json")
    tuesday = next(e for e in events if e["date"]["text"] == "on Tuesday")
    assert tuesday["date"]["start"] == "2025-06-10"
    winter = next(e for e in events if "1947" in e["date"]["text"])
    assert winter["date"]["start"] == "1947-12-01"


def test_same_event_from_two_articles_is_merged(runner):
    events = run_json(runner, str(TXT), str(HTML), "--published", "2025-06-16")
    tuesday = [e for e in events if e["date"]["start"] == "2025-06-10"]
    assert len(tuesday) == 1
    assert tuesday[0]["sources"] == ["flood", "flood-2"]
    assert "merged" in tuesday[0]["tags"]


def test_different_events_on_the_same_day_are_not_merged():
    text_a = "The council approved the flood barrier on Tuesday after a long debate."
    text_b = "A storm brought down power lines across the valley on Tuesday evening."
    candidates = propose(text_a, "a", ANCHOR) + propose(text_b, "b", ANCHOR, order_base=1)
    assert len(merge(candidates)) == 2


def test_mentions_json_offsets(runner):
    items = run_json(runner, str(TXT), "--mentions", "--format", "json", "--published",
                     "2025-06-16")  # fmt: skip
    text = TXT.read_text(encoding="utf-8")
    assert items and all(set(i) == {"text", "offset", "length", "start", "end", "label"}
                         for i in items)  # fmt: skip
    for item in items:
        assert text[item["offset"] : item["offset"] + item["length"]] == item["text"]
    assert "Tuesday" in [i["text"] for i in items]


def test_yaml_output_passes_check(runner, tmp_path):
    result = runner.invoke(cli, ["extract", str(TXT), str(HTML), "--published", "2025-06-16",
                                 "--publisher", "Test Press"])  # fmt: skip
    assert result.exit_code == 0, result.output
    draft = tmp_path / "draft.yaml"
    draft.write_text(result.stdout, encoding="utf-8")
    assert "needs-review" in result.stdout and "# extracted, needs review" in result.stdout
    checked = runner.invoke(cli, ["check", str(draft)])
    assert checked.exit_code == 0, checked.output
    assert "0 warnings" in checked.output
    listed = json.loads(runner.invoke(cli, ["events", str(draft), "--format", "json"]).stdout)
    assert any(e["date"]["start"] == "2025-06-10" for e in listed)
    assert "next:" in result.stdout  # "in the coming months" is expected, not past


def test_yaml_without_publication_date_still_passes_check(runner, tmp_path):
    result = runner.invoke(cli, ["extract", str(TXT), "--source-id", "gazette"])
    draft = tmp_path / "draft.yaml"
    draft.write_text(result.stdout, encoding="utf-8")
    assert "unresolved" in result.stdout and "id: gazette" in result.stdout
    assert runner.invoke(cli, ["check", str(draft)]).exit_code == 0


def test_large_input_runs(runner, tmp_path):
    body = TXT.read_text(encoding="utf-8")
    big = tmp_path / "big.txt"
    big.write_text((body + "\n") * (1_000_000 // len(body) + 1), encoding="utf-8")
    assert big.stat().st_size > 1_000_000
    result = runner.invoke(cli, ["extract", str(big), "--published", "2025-06-16",
                                 "--format", "json"])  # fmt: skip
    assert result.exit_code == 0, result.output
    events = json.loads(result.stdout)
    assert 0 < len(events) < 50  # the repeated sentences merge


def test_sentences_keep_offsets():
    text = "Mr. Smith left on Monday. Dr. Jones stayed.\nThen it rained."
    found = sentences(text)
    assert [s.text for s in found] == ["Mr. Smith left on Monday.", "Dr. Jones stayed.",
                                       "Then it rained."]  # fmt: skip
    for s in found:
        assert text[s.offset : s.offset + len(s.text)] == s.text


def test_bylines_and_datelines_are_not_events():
    text = (
        "Last modified on Mon 16 Jun 2025 10.32 BST\n"
        "LONDON, June 16 (Reuters) - The central bank raised its main rate on Thursday, "
        "the third rise this year.\n"
    )
    titles = [c.phrase for c in propose(text, "a", ANCHOR)]
    assert titles == ["on Thursday", "this year"]


def test_unresolved_events_are_commented_out_not_guessed(runner, tmp_path):
    result = runner.invoke(cli, ["extract", str(TXT)])
    assert "  # - date: on Tuesday" in result.stdout
    assert "  - date: in March 2019" in result.stdout  # absolute dates need no anchor


def test_json_ld_date_is_found(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        '<html><head><title>T</title><script type="application/ld+json">'
        '{"@type": "NewsArticle", "datePublished": "2025-06-16T08:00:00Z"}</script></head>'
        "<body><p>The mayor resigned on Friday after a long row.</p></body></html>",
        encoding="utf-8",
    )
    article = load_article(page)
    assert article.published == date(2025, 6, 16)
    assert article.published_from == "JSON-LD datePublished"
    assert "datePublished" not in article.text


def test_hard_wrapped_text_keeps_sentences_and_dates_whole():
    text = (
        "Wend Valley council papers\n\n"
        "The council's planning committee met for the final time in the old chamber on 16\n"
        "June 2025 and approved the flood barrier, the largest scheme it has considered\n"
        "since the town hall was rebuilt. The chair said the vote closed a debate that had\n"
        "run in the valley from the floods of 2007 to the present day, and thanked the many\n"
        "residents who had written in.\n"
    )
    candidates = propose(text, "a", ANCHOR)
    assert candidates[0].mention.text == "16\nJune 2025"
    assert candidates[0].sentence.text.startswith("The council's planning committee")
    assert candidates[0].sentence.text.endswith("rebuilt.")


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("In 1914 Britain declared war.", "1914"),  # a capitalised word after a year
        ("In 2019 Parliament passed the bill.", "2019"),
        ("In 2022 people moved out of cities.", "2022"),  # a plural without an "s"
        ("The 2024 Budget raised taxes.", "2024"),
        ("The page includes 2014 results.", "2014"),  # a plural a year dates
        ("They met in 2019 and 2020.", "2019 and 2020"),
        ("The Summer Term ends in July.", "The Summer"),  # a school term is a date
        ("The office shuts on Good Friday.", "Good Friday"),
        ("President Clinton Saturday vowed to act.", "Saturday"),  # news style, no name
        ("In his Sunday Mass the cardinal spoke.", "Sunday"),
        ("Parliament returns on Wednesday 19 February.", "Wednesday 19 February"),
    ],
)
def test_a_year_before_a_name_or_beside_a_number_is_still_a_year(text, mention):
    assert texts(text)[:1] == [mention]


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("Clinics run on 3rd, 10th & 17th March at the surgery.", "3rd, 10th & 17th March"),
        ("Sales were strong in June & July 2024, the firm said.", "June & July 2024"),
        ("Meetings were held on June 2nd and 3rd in the hall.", "June 2nd and 3rd"),
        ("The meetings are on 2 July, 9 July, and 16 July.", "2 July, 9 July, and 16 July"),
        ("Bins will be collected on 27th, 28th, 29th December.", "27th, 28th, 29th December"),
        ("GDP fell in Quarter 1 (Jan to Mar) to Quarter 3 (July to Sept) 2023 overall.",
         "Quarter 1 (Jan to Mar) to Quarter 3 (July to Sept) 2023"),
    ],
)
def test_a_list_joined_by_an_ampersand_or_of_bare_days_is_one_mention(text, mention):
    assert texts(text) == [mention]


@pytest.mark.parametrize(
    ("text", "mention", "start", "end"),
    [
        # a release's "the previous quarter" is the one before the quarter it reports
        ("Output fell by 0.3% in Quarter 4 (Oct to Dec) 2023, after a fall of 0.1% in the "
         "previous quarter.", "the previous quarter", "2023-07-01", "2023-09-30"),
        ("Output rose by 0.1% in Quarter 3 2022. This follows a rise of 0.2% in the previous "
         "quarter.", "the previous quarter", "2022-04-01", "2022-06-30"),
        ("Output grew in Quarter 1 2024, after falls in the previous two quarters.",
         "the previous two quarters", "2023-07-01", "2023-12-31"),
        ("Output rose in Quarter 1 2024 compared with the same quarter a year ago.",
         "the same quarter a year ago", "2023-01-01", "2023-03-31"),
        # the months told, in another year
        ("Receipts rose in April to August 2019, compared with the same period in 2018.",
         "the same period in 2018", "2018-04-01", "2018-08-31"),
        ("Debt fell in the year to date (April 2019 to January 2020) against the same period "
         "in the previous financial year.", "the same period in the previous financial year",
         "2018-04-01", "2019-01-31"),
        ("Sales were up in the 12 weeks to 5 May 2019 on the same period a year earlier.",
         "the same period a year earlier", "2018-02-11", "2018-05-05"),
        ("Sales rose in the three months to April 2019 on the previous three months.",
         "the previous three months", "2018-11-01", "2019-01-31"),
        ("Pay grew 5% in April to June 2019, down on the previous three-month period.",
         "the previous three-month period", "2019-01-01", "2019-03-31"),
        ("The rate rose to 4.2% in May to July 2019, up in the latest quarter.",
         "the latest quarter", "2019-05-01", "2019-07-31"),
        # the date told later in the sentence, before any semicolon
        ("Compared with the same period a year ago, sales were up 3% in the three months to "
         "April 2019.", "the same period a year ago", "2018-02-01", "2018-04-30"),
        ("Hours rose from the previous quarter, even with the September to November "
         "2019 under lockdown.", "the previous quarter", "2019-06-01", "2019-08-31"),
        ("The rise compared with a year earlier was driven by students (up 9,000 in the YE "
         "June 2019).", "a year earlier", "2017-07-01", "2018-06-30"),
        # a financial year told: the one before or after it
        ("Spending in the financial year ending March 2019 (April 2018 to March 2019) was "
         "above the previous financial year.", "the previous financial year", "2017-04-01",
         "2018-03-31"),
        ("Borrowing in 2018-19 was lower than in the preceding financial year.",
         "the preceding financial year", "2017-04-01", "2018-03-31"),
    ],
)
def test_a_time_after_a_date_the_text_told_is_read_against_it(text, mention, start, end):
    found = [m for m in find_mentions(text, ANCHOR) if m.text == mention]
    assert found and found[0].span is not None and found[0].relative
    assert (found[0].span.start.isoformat(), found[0].span.end.isoformat()) == (start, end)


@pytest.mark.parametrize(
    "text",
    ["He resigned two days later, on 5 May.", "The Commons will rise a week later on 22 May."],
)
def test_a_time_after_another_restated_by_the_date_after_it_is_that_date(text):
    assert [m.text for m in find_mentions(text, ANCHOR)] == [text.split(" on ")[1][:-1]]


def test_a_date_told_after_a_semicolon_is_not_the_one_a_time_follows():
    found = find_mentions("Pay was down on the previous three-month period; growth was last lower "
                          "in March to May 2018.", ANCHOR)  # fmt: skip
    assert [m.text for m in found] == ["March to May 2018"]


def test_the_year_after_next_counts_from_the_page_even_after_a_date():
    found = find_mentions("Output rose in Quarter 1 2024. The year after next will be harder.",
                          date(2024, 5, 10))  # fmt: skip
    assert [(m.text, m.span.label if m.span else None) for m in found][-1] == (
        "The year after next", "2026")


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        # compared with "a year ago", the period told is the one a year before
        ("Prices in March 2024 were 3% higher than a year ago.", "2023-03-01", "2023-03-31"),
        ("The rate was 74.8% in May to July 2024, below estimates of a year ago.",
         "2023-05-01", "2023-07-31"),
        # otherwise it counts from the page, as parse_date does
        ("The plant opened in March 2023, more than a year ago.", "2023-01-01", "2023-12-31"),
        ("Spending across the financial year was above what was expected a year ago.",
         "2023-01-01", "2023-12-31"),
    ],
)
def test_a_year_ago_compared_with_a_period_told_is_that_period_a_year_before(text, start, end):
    found = [m for m in find_mentions(text, date(2024, 9, 10)) if m.text == "a year ago"]
    assert found and found[0].span is not None
    assert (found[0].span.start.isoformat(), found[0].span.end.isoformat()) == (start, end)


def test_without_a_year_told_the_previous_financial_year_is_the_pages():
    found = find_mentions("Spending rose in the previous financial year.", date(2019, 7, 1))
    assert [(m.text, m.span.start.isoformat() if m.span else None) for m in found] == [
        ("the previous financial year", "2018-04-01")]


def test_without_a_date_told_a_time_after_another_event_is_no_mention():
    text = "Spending was high. Prices rose in the previous quarter."
    assert texts(text) == []


@pytest.mark.parametrize(
    ("text", "mention", "start", "end"),
    [
        ("Offices close from 1pm on Friday 22 December, until Tuesday 2 January 2024.",
         "from 1pm on Friday 22 December, until Tuesday 2 January 2024", "2023-12-22",
         "2024-01-02"),
        ("The road is shut from 3 June, till 5 July.", "from 3 June, till 5 July", "2024-06-03",
         "2024-07-05"),
        # a comma before "until" and a bare month or a clause is no range
        ("It was quiet in December, until January brought change.", "December", "2023-12-01",
         "2023-12-31"),
        ("It rained on Friday 22 December, until Tuesday it was dry.", "Friday 22 December",
         "2023-12-22", "2023-12-22"),
    ],
)  # fmt: skip
def test_a_range_told_with_a_comma_before_until_is_one_mention(text, mention, start, end):
    found = find_mentions(text, date(2023, 12, 18))
    assert (found[0].text, str(found[0].span.start), str(found[0].span.end)) == (
        mention, start, end
    )


@pytest.mark.parametrize(
    ("text", "mention", "day"),
    [
        ("We shall take the Second Reading on Thursday next.", "Thursday next", "1954-07-22"),
        ("I hope to make a statement this day fortnight.", "this day fortnight", "1954-07-29"),
        ("Your letter of the 14th instant has been received.", "the 14th instant", "1954-07-14"),
        ("He wrote on the 3rd ultimo about it.", "the 3rd ultimo", "1954-06-03"),
    ],
)
def test_older_hansards_forms_are_whole_mentions(text, mention, day):
    found = find_mentions(text, date(1954, 7, 15))
    assert [(m.text, str(m.span.start), str(m.span.end)) for m in found] == [(mention, day, day)]


@pytest.mark.parametrize(
    ("text", "mentions"),
    [
        # months listed with commas are one mention
        ("Applications open in May, June and July.", ["May, June and July"]),
        # a possessive is no part of the date
        ("The NHS set out its winter plan in October.", ["winter", "October"]),
        ("Our 2024 results were strong.", ["2024"]),
        ("Sales rose in May, June, July and August 2021.", ["May, June, July and August 2021"]),
        ("Clinics are on 18 May, 25 May and 1 June 2022.", ["18 May, 25 May and 1 June 2022"]),
        # a clock time keeps its colon
        ("The consultation runs until 11:45pm on 4 March 2024.", ["11:45pm on 4 March 2024"]),
        # years written short after "the" are a range ("the 1939–45 war")
        ("He served in the 1939–45 war.", ["the 1939–45"]),
    ],
)  # fmt: skip
def test_lists_of_months_and_days_are_one_mention(text, mentions):
    assert [m.text for m in find_mentions(text, date(2022, 4, 26))] == mentions


def test_a_list_never_ends_on_a_weekday_whose_day_comes_after_it():
    # in 2022 none of these weekdays fits its day, so the list cannot be read whole; no
    # mention may swallow the next item's weekday ("27 March and Thursday")
    text = "It met on Tuesday 26 March, Wednesday 27 March and Thursday 28 March."
    found = [m.text for m in find_mentions(text, date(2022, 4, 26))]
    assert "27 March" in found and not any(m.endswith("Thursday") and " " in m for m in found)
