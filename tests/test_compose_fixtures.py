"""Compose cases as fixture files: a brief in, the expected ``render_text`` out.

Each ``tests/fixtures/compose/<brief>.<what>.txt`` is what composing ``<brief>.yaml``
gives, where ``<what>`` is ``chronology``, ``briefing`` (unfitted) or ``briefing-fit-N``
(fitted with a fixed measure: a document "fits one page" when its text render is at most
N characters). A briefing's file ends with what compose left out. To add a case, add the
files; ``UPDATE_FIXTURES=1`` rewrites the expected outputs from the code (then review
the diff).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from briefgen.compose.briefing import compose_briefing
from briefgen.compose.chronology import compose_chronology
from briefgen.document import Document, render_text
from briefgen.pipeline import load_brief

FIXTURES = Path(__file__).parent / "fixtures" / "compose"
CASES = sorted(FIXTURES.glob("*.txt"))


def _chars_measure(limit: int):  # type: ignore[no-untyped-def]
    def measure(doc: Document) -> int:
        return 1 if len(render_text(doc)) <= limit else 2

    return measure


def compose_case(brief_name: str, what: str) -> str:
    """Return the text a fixture case expects: the composed document, rendered."""
    brief = load_brief(FIXTURES / f"{brief_name}.yaml").brief
    if what == "chronology":
        return render_text(compose_chronology(brief))
    fit = re.fullmatch(r"briefing(?:-fit-(\d+))?", what)
    assert fit, f"unknown fixture kind {what!r}"
    measure = _chars_measure(int(fit.group(1))) if fit.group(1) else None
    result = compose_briefing(brief, measure)
    return render_text(result.document) + "".join(f"[omitted] {o}\n" for o in result.omitted)


def test_there_are_fixture_cases() -> None:
    assert {c.name.split(".")[1].split("-")[0] for c in CASES} >= {"chronology", "briefing"}


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_compose_fixture(case: Path) -> None:
    brief_name, what = case.stem.split(".", 1)
    got = compose_case(brief_name, what)
    if os.environ.get("UPDATE_FIXTURES"):
        case.write_text(got, encoding="utf-8")
    assert got == case.read_text(encoding="utf-8")
