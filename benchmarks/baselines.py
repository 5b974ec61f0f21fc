"""The measured sides of the benchmark, each run in its own process by ``benchmarks.run``.

Every task prints one JSON object: the seconds it timed (the setup it needs, such as
reading the brief, is left out of the timing) and what it made.

    python -m benchmarks.baselines rows BRIEF ROWS.json       # the chronology's cells
    python -m benchmarks.baselines markdown ROWS.json OUT.md  # the same as a pipe table
    python -m benchmarks.baselines python-docx ROWS.json OUT.docx
    python -m benchmarks.baselines briefgen-docx BRIEF OUT.docx
    python -m benchmarks.baselines briefgen-pdf BRIEF OUT.pdf
    python -m benchmarks.baselines dates-briefgen BRIEF
    python -m benchmarks.baselines dates-dateparser BRIEF
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

Rows = list[list[str]]  # the header, then one [date, event, sources] per event


def chronology_rows(brief: Path) -> Rows:
    """Return the chronology's table as plain text cells, exactly what briefgen lays out."""
    from briefgen.compose.chronology import compose_chronology
    from briefgen.document import Table
    from briefgen.pipeline import load_brief

    doc = compose_chronology(load_brief(brief).brief)
    rows: Rows = []
    for block in doc.blocks:
        if isinstance(block, Table):
            if not rows:
                rows.append(list(block.header))
            for row in block.rows:
                rows.append(
                    [
                        "\n".join("".join(r.text for r in p.content) for p in cell)
                        for cell in row.cells
                    ]
                )
    return rows


def markdown_table(rows: Rows) -> str:
    """The rows as a Markdown pipe table (a cell's lines joined, its first line bold)."""

    def cell(text: str) -> str:
        first, _, rest = text.partition("\n")
        first = first.replace("|", "\\|")
        rest = rest.replace("\n", " ").replace("|", "\\|")
        return f"**{first}** {rest}".strip() if rest else first

    header, *body = rows
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    out.extend("| " + " | ".join(cell(c) for c in row) + " |" for row in body)
    return "\n".join(out) + "\n"


def python_docx_loop(rows: Rows, out: Path) -> None:
    """The way most scripts write a table with python-docx: one ``add_row()`` per event."""
    import docx

    document = docx.Document()
    header, *body = rows
    table = document.add_table(rows=1, cols=len(header))
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
    for row in body:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text
    document.save(str(out))


def _date_inputs(brief: Path) -> list[tuple[str, Any]]:
    """Each event's date expression, as written, with the anchor it is read against."""
    from briefgen.read.brief import read_brief
    from briefgen.resolve import event_anchor

    read = read_brief(brief)
    return [(str(e.date), event_anchor(read, e)) for e in read.events]


def _timed(func: Any, *args: Any) -> float:
    start = time.perf_counter()
    func(*args)
    return time.perf_counter() - start


def main(argv: list[str]) -> dict[str, Any]:
    task, *args = argv
    if task == "rows":
        rows = chronology_rows(Path(args[0]))
        Path(args[1]).write_text(json.dumps(rows, ensure_ascii=False), "utf-8")
        return {"rows": len(rows) - 1}
    if task == "markdown":
        rows = json.loads(Path(args[0]).read_text("utf-8"))
        Path(args[1]).write_text(markdown_table(rows), "utf-8")
        return {"rows": len(rows) - 1}
    if task == "python-docx":
        rows = json.loads(Path(args[0]).read_text("utf-8"))
        return {"seconds": _timed(python_docx_loop, rows, Path(args[1]))}
    if task in ("briefgen-docx", "briefgen-pdf"):
        from briefgen.compose.chronology import compose_chronology
        from briefgen.pipeline import load_brief
        from briefgen.styles import load_style
        from briefgen.write import docx, pdf

        brief, style = load_brief(Path(args[0])).brief, load_style(None)
        if task == "briefgen-docx":
            render = lambda: docx.render_docx(compose_chronology(brief), style)  # noqa: E731
        else:
            render = lambda: pdf.render_pdf(compose_chronology(brief), style)[0]  # noqa: E731
        start = time.perf_counter()
        Path(args[1]).write_bytes(render())
        return {"seconds": time.perf_counter() - start}
    if task == "dates-briefgen":
        from briefgen.dates import parse_date

        inputs = _date_inputs(Path(args[0]))
        return {"seconds": _timed(lambda: [parse_date(t, a) for t, a in inputs]), "n": len(inputs)}
    if task == "dates-dateparser":
        import dateparser

        inputs = _date_inputs(Path(args[0]))
        dateparser.parse("1 January 2020")  # load its language data outside the timing

        def run() -> None:
            for text, anchor in inputs:
                dateparser.parse(
                    text,
                    languages=["en"],
                    settings={"RELATIVE_BASE": _midnight(anchor), "PREFER_DATES_FROM": "past"},
                )

        return {"seconds": _timed(run), "n": len(inputs)}
    raise SystemExit(f"unknown task {task!r}")


def _midnight(day: Any) -> Any:
    from datetime import datetime

    return datetime(day.year, day.month, day.day)


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1:])))
