"""Hand-built documents for writer tests, independent of reading and composing."""

from __future__ import annotations

from datetime import date

from briefgen.document import (
    Bullets,
    Document,
    FigureItem,
    Figures,
    Heading,
    Paragraph,
    Row,
    Run,
    Table,
    Tick,
    Timeline,
    TimelineMark,
    runs,
)

TRICKY = "Łódź, Dvořák & Zoë’s “quote” – €5 / £3 <b>not bold</b> ]]>"


def _event_row(date_label: str, title: str, detail: str, sources: str, key: bool = False) -> Row:
    return Row(
        cells=(
            (Paragraph(runs(date_label), "event-date"),),
            (Paragraph(runs(title), "event-title"), Paragraph(runs(detail), "event-detail")),
            (Paragraph(runs(sources), "event-sources"),),
        ),
        key=key,
    )


def sample_chronology(n_rows: int = 6, marking: str = "OFFICIAL") -> Document:
    """A chronology with two year groups, a key row, a link and tricky characters."""
    rows_2015 = tuple(
        _event_row("2015–2022", f"Inquiry hearing {i}", "Detail of the hearing. " * 3, "[1]")
        for i in range(n_rows)
    )
    rows_2025 = (
        _event_row("14–15 June 2025", "National inquiry announced", TRICKY, "[1], [2]", key=True),
        _event_row("16 June 2025", "Audit published", "The audit made 12 recommendations.", "[2]"),
    )
    return Document(
        kind="chronology",
        title="Grooming gangs: from IICSA to a national inquiry",
        subject="Chronology",
        author="Policy Team",
        created=date(2025, 6, 16),
        marking=marking,
        footer="Grooming gangs: from IICSA to a national inquiry — Chronology",
        blocks=(
            Paragraph(runs("Grooming gangs: from IICSA to a national inquiry"), "title"),
            Paragraph(runs("Events, sources and dates"), "subtitle"),
            Paragraph(runs("Chronology"), "doc-type"),
            Paragraph(runs("As at 16 June 2025"), "dateline"),
            Paragraph(runs("Policy Team, Safeguarding Unit"), "meta"),
            Heading("2015", level=2),
            Table(header=("Date", "Event", "Sources"), widths=(0.2, 0.65, 0.15), rows=rows_2015),
            Heading("2025", level=2),
            Table(header=("Date", "Event", "Sources"), widths=(0.2, 0.65, 0.15), rows=rows_2025),
            Heading("Sources", level=1),
            Bullets(
                items=(
                    (
                        Run("The Independent, “Audit published”, 16 June 2025, "),
                        Run("https://www.independent.co.uk/", url="https://www.independent.co.uk/"),
                    ),
                    runs("A UK daily, “Inquiry announced”, 16 June 2025"),
                ),
                numbered=True,
                style="source-list",
            ),
        ),
    )


def sample_briefing(marking: str = "OFFICIAL") -> Document:
    """A one-page briefing with every block type."""
    return Document(
        kind="briefing",
        title="Grooming gangs: from IICSA to a national inquiry",
        subject="Briefing",
        author="Policy Team",
        created=date(2025, 6, 16),
        marking=marking,
        footer="Briefing — 16 June 2025",
        blocks=(
            Paragraph(runs("Grooming gangs: from IICSA to a national inquiry"), "title"),
            Paragraph(runs("Briefing · As at 16 June 2025 · For: ministers"), "dateline"),
            Heading("Summary", level=1, bookmark=False),
            Paragraph(runs("A national inquiry was announced. " * 4), "lead"),
            Heading("Key points", level=1, bookmark=False),
            Bullets(
                items=(runs("First point."), runs("Second point, with ", Run("bold", bold=True)))
            ),
            Heading("Key figures", level=1, bookmark=False),
            Figures(
                items=(
                    FigureItem("800+", "cold cases to be reviewed by the NCA", "[1]"),
                    FigureItem("12", "recommendations in the audit", "[2]"),
                    FigureItem("7 years", "length of IICSA", "[1]"),
                )
            ),
            Heading("Timeline", level=1, bookmark=False),
            Timeline(
                marks=(
                    # caption boxes a quarter wide, as compose places them
                    TimelineMark(0.0, 0, "c. 2011", "Early warnings", caption_at=0.0),
                    TimelineMark(0.3, 0, "2015–2022", "IICSA", caption_at=0.25),
                    TimelineMark(
                        0.95, 0, "14–15 June 2025", "Inquiry announced", caption_at=0.7125
                    ),
                    TimelineMark(0.97, 1, "16 June 2025", "Audit published", caption_at=0.73),
                ),
                ticks=(Tick(0.0, "2011"), Tick(0.5, "2018"), Tick(1.0, "2025")),
                lanes=2,
                caption="Key events; the chronology holds 20 events.",
            ),
            Heading("What happens next", level=1, bookmark=False),
            Bullets(
                items=(runs(Run("17 June – 14 July 2025: ", bold=True), "Terms of reference."),)
            ),
            Heading("Sources", level=1, bookmark=False),
            Bullets(
                items=(
                    runs("[1] The Independent, 16 June 2025"),
                    runs("[2] A UK daily, 16 June 2025"),
                ),
                style="source-list",
            ),
        ),
    )
