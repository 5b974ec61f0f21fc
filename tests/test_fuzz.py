"""Bounded-time fuzzing of the date parser and the brief reader, with every crash or wrong
answer it ever found kept below as a regression case.

The property: ``parse_date`` returns an ordered span inside years 1-9999 or raises
``DateError``; ``read_brief`` and ``load_brief`` return a brief or raise ``BriefgenError``
whose every problem names the file, on one line. Nothing else may escape.

The runs are short by default (``FUZZ_EXAMPLES`` examples each, a few seconds in all);
set ``BRIEFGEN_FUZZ_EXAMPLES=5000`` for a long run.
"""

from __future__ import annotations

import os
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefgen.dates import DateError, parse_date
from briefgen.errors import BriefgenError
from briefgen.pipeline import load_brief
from briefgen.read.brief import read_brief
from tests.conftest import MINIMAL
from tests.test_dates_properties import VOCABULARY

FUZZ_EXAMPLES = int(os.environ.get("BRIEFGEN_FUZZ_EXAMPLES", "150"))
FUZZ = settings(
    max_examples=FUZZ_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

ANCHORS = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)) | st.sampled_from(
    [date(1, 1, 1), date(9999, 12, 31), date(2024, 2, 29), date(2025, 6, 16)]
)
DATE_WORDS = [*VOCABULARY, "juin", "März", "de", "junio", "Mai", "H3", "m", "J", "W", "x"]
DATE_TEXT = (
    st.lists(st.sampled_from(DATE_WORDS), max_size=7).map(" ".join)
    | st.lists(st.sampled_from(DATE_WORDS), max_size=7).map("".join)
    | st.text(max_size=40)
)


def check_date(text: str, anchor: date, month_first: bool) -> None:
    try:
        span = parse_date(text, anchor, month_first=month_first)
    except DateError as exc:
        assert exc.reason and exc.hint
        assert "\n" not in exc.reason
        return
    assert date(1, 1, 1) <= span.start <= span.end <= date(9999, 12, 31)
    assert span.label.strip() and "\n" not in span.label


@FUZZ
@given(text=DATE_TEXT, anchor=ANCHORS, month_first=st.booleans())
def test_fuzz_parse_date(text, anchor, month_first):
    check_date(text, anchor, month_first)


# Every wrong answer or crash the fuzzing (and the hand-made hunts) found:
# (text, anchor, the label it must give, or None for "must be refused").
DATE_REGRESSIONS = [
    # a backwards day range in one month was read as a year-long range
    ("15-14 June 2025", date(2025, 6, 16), None),
    ("15 June - 14 June 2025", date(2025, 6, 16), None),
    ("14 June 2025 - 13", date(2025, 6, 16), None),
    ("14 June - 13 June", date(2025, 6, 16), None),
    # dateparser's fallback filled the month in from the anchor
    ("H3 2025", date(2025, 6, 16), None),
    ("m 3 2025", date(2025, 12, 31), None),
    ("J3 2025", date(2025, 1, 1), None),
    # ... and must still read other languages at the ends of the calendar
    ("16 juin 2025", date(9999, 12, 31), "16 June 2025"),
    ("juin 2025", date(1, 1, 1), "June 2025"),
]


@pytest.mark.parametrize(("text", "anchor", "label"), DATE_REGRESSIONS)
def test_date_regressions(text, anchor, label):
    if label is None:
        with pytest.raises(DateError):
            parse_date(text, anchor)
    else:
        assert parse_date(text, anchor).label == label
    for month_first in (False, True):
        check_date(text, anchor, month_first)


# Pieces that YAML and the reader treat specially, spliced into a valid brief.
YAML_PIECES = [
    "\n", "\n  ", "\n- ", ": ", ":", "- ", "  ", "\t", "#", "'", '"', "[", "]", "{", "}", ",",
    "&a ", "*a", "!!str ", "!!int ", "!!binary ", "!!python/object ", "!foo ", "<<: ", "? ",
    "!!bool ", "!!float ", "!!timestamp ", "!!null ", "!!set ", "!!omap ", "!!map ", "!!seq ",
    "|", ">", "---\n", "...\n", "%YAML 1.1\n", "~", "null", "yes", "no", "1e3", "0x1F", "12:30",
    "2025-02-29", "2025-13-01", "0000-01-01", ".inf", "\\", "\\0", '"\\x00"', '"\\ud800"',
    "\x00", "\x0b", "\x1b", "\x7f", "\x85", "\ufeff", "\u2028", "\ufffe", "😀", "é", "שלום",
    "title", "as_of", "events", "sources", "date", "detail", "key", "anchor", "tags", "month_first",
    "events_csv", "figures", "next", "published", "url", "id", "<b>", "&amp;", "]]>",
]  # fmt: skip


@st.composite
def mutated_brief(draw) -> str:
    text = MINIMAL
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(text)))
        cut = draw(st.integers(0, 8))
        piece = draw(st.sampled_from(YAML_PIECES) | st.text(max_size=4))
        text = text[:at] + piece + text[at + cut :]
    return text


def check_reader(path) -> None:
    for read in (read_brief, load_brief):
        try:
            read(path)
        except BriefgenError as exc:
            assert exc.problems
            for p in exc.problems:
                assert p.file, str(p)
                assert "\n" not in str(p), str(p)
        except RecursionError:  # pragma: no cover - reported as a crash below
            raise


@FUZZ
@given(text=mutated_brief())
def test_fuzz_yaml_reader(tmp_path_factory, text):
    path = tmp_path_factory.mktemp("fuzz") / "brief.yaml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    check_reader(path)


# Inputs that crashed the reader or gave a message without its place, kept as regressions.
YAML_REGRESSIONS = [
    # a constructor error printed three lines, quoting "<unicode string>"
    "title: !!python/object:os.system x\nas_of: 2025-06-16\n",
    "title: !foo x\nas_of: 2025-06-16\n",
    # raw control characters, which PyYAML refuses, are removed with a warning
    "title: T\x00\nas_of: 2025-06-16\n",
    "title: T\x85x\nas_of: 2025-06-16\n",
    # found by test_fuzz_yaml_reader: PyYAML's constructors raise IndexError, KeyError or
    # AttributeError on an explicit tag with an empty or bad value; they escaped as bugs
    "title: T\nas_of: 2025-06-16\nevents:\n  - date: 2025\n    title: x\n    sources: !!int \n",
    "title: T\nas_of: 2025-06-16\nsummary: !!int\n",
    "title: T\nas_of: 2025-06-16\nsummary: !!float\n",
    "title: T\nas_of: 2025-06-16\nsummary: !!bool x\n",
    "title: T\nas_of: 2025-06-16\nsummary: !!timestamp x\n",
    "title: !!timestamp\nas_of: 2025-06-16\n",
    # fields read after the error check lost their errors
    "title: T\nas_of: 2025-06-16\nsummary: [a]\nkey_points: {a: 1}\n",
]


@pytest.mark.parametrize("text", YAML_REGRESSIONS)
def test_yaml_regressions(tmp_path, text):
    path = tmp_path / "brief.yaml"
    path.write_text(text, encoding="utf-8")
    check_reader(path)
