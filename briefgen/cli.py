"""The ``briefgen`` command line: each command parses its options, calls one function, maps errors.

Heavy libraries (dateparser, docx, reportlab) are imported inside the commands that use
them, so that ``briefgen --help`` answers at once.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import click

from briefgen import __version__
from briefgen.cli_errors import REPORT_HINT, handle_errors, report, stdout_closed
from briefgen.errors import Problem


class IsoDate(click.ParamType):  # type: ignore[type-arg]
    """A ``YYYY-MM-DD`` option value."""

    name = "YYYY-MM-DD"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> date:
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            self.fail(f"{value!r} is not a date: write it as YYYY-MM-DD", param, ctx)


ISO_DATE = IsoDate()


def selection_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """The options that choose events, shared by ``events`` and ``build``."""
    func = click.option("--tag", metavar="TAG", help="Only events with this tag.")(func)
    func = click.option(
        "--to", "to_date", type=ISO_DATE, help="Only events that start on or before this date."
    )(func)
    func = click.option(
        "--from", "from_date", type=ISO_DATE, help="Only events that end on or after this date."
    )(func)
    return func


def _print_warnings(warnings: tuple[Problem, ...] | list[Problem]) -> None:
    for w in warnings:
        click.echo(str(w), err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="briefgen")
@click.option("--debug", is_flag=True, help="Show the full traceback of an internal error.")
def cli(debug: bool) -> None:
    """Turn a file of dated, sourced events into a briefing pack.

    A brief file (YAML) holds the events, their sources and what the pack says; briefgen
    dates each event honestly, orders them, and writes a chronology and a one-page
    briefing as DOCX and PDF.

    Example:

    \b
        briefgen new my-brief.yaml
        briefgen check my-brief.yaml
        briefgen build my-brief.yaml -o out/
    """


@cli.command()
@click.argument("brief", type=click.Path(path_type=Path))
@handle_errors
def check(brief: Path) -> None:
    """Check a brief file: print errors and warnings as file:line: message.

    Exits 1 if there are errors; warnings alone exit 0.

    Example:

    \b
        briefgen check inputs/grooming-gangs-inquiry.yaml
    """
    from briefgen.pipeline import load_brief

    loaded = load_brief(brief)
    _print_warnings(loaded.warnings)
    n = len(loaded.brief.events)
    w = len(loaded.warnings)
    click.echo(
        f"{brief}: OK, {n} event{'s' * (n != 1)}, {w} warning{'s' * (w != 1)}",
        err=True,
    )


@cli.command()
@click.argument("brief", type=click.Path(path_type=Path))
@click.option(
    "--format", "fmt",
    type=click.Choice(["table", "json", "csv", "ics", "markdown", "timelinejs"]),
    default="table", show_default=True,
    help="Output format: ics is a calendar, markdown a table, timelinejs TimelineJS JSON.",
)  # fmt: skip
@selection_options
@click.option("--key-only", is_flag=True, help="Only key events.")
@handle_errors
def events(
    brief: Path,
    fmt: str,
    from_date: date | None,
    to_date: date | None,
    tag: str | None,
    key_only: bool,
) -> None:
    """Print the brief's events, dated and in order.

    JSON is a list of {"title", "date": {start, end, precision, approximate, label, text},
    "detail", "sources", "tags", "key"}.

    Example:

    \b
        briefgen events inputs/grooming-gangs-inquiry.yaml --format json --key-only
        briefgen events inputs/grooming-gangs-inquiry.yaml --format ics > inquiry.ics
    """
    from briefgen.listing import format_events
    from briefgen.order import apply_selection
    from briefgen.pipeline import load_brief

    loaded = load_brief(brief)
    _print_warnings(loaded.warnings)
    chosen = apply_selection(loaded.brief, start=from_date, end=to_date, tag=tag, key_only=key_only)
    if fmt in ("ics", "markdown", "timelinejs"):
        from briefgen.export import export_events

        click.echo(export_events(chosen, chosen.events, fmt), nl=False)
        return
    click.echo(format_events(chosen.events, fmt), nl=False)


@cli.command("date")
@click.argument("expressions", nargs=-1)
@click.option(
    "--anchor", type=ISO_DATE, default=None,
    help="The date that relative expressions are resolved against (default: today).",
)  # fmt: skip
@click.option("--month-first", is_flag=True, help="Read 03/04/2025 as 4 March (default: 3 April).")
@handle_errors
def date_command(expressions: tuple[str, ...], anchor: date | None, month_first: bool) -> None:
    """Show how date expressions are read: one JSON object per expression.

    With no EXPRESSION, reads one expression per line from standard input. Prints
    {"text", "start", "end", "precision", "approximate", "label"} or {"text", "error"};
    exits 1 if any expression could not be read.

    Example:

    \b
        briefgen date --anchor 2025-06-16 "at the weekend" "the early 1990s"
    """
    import json

    from briefgen.dates import DateError, parse_date

    anchor = anchor or date.today()  # the CLI is the one place that may read the clock
    texts = expressions or (line.rstrip("\n") for line in sys.stdin)
    failed = False
    for text in texts:
        if not expressions and not text.strip():
            continue
        try:
            out: dict[str, object] = parse_date(text, anchor, month_first=month_first).to_json()
        except DateError as exc:
            failed = True
            out = {"text": text, "error": str(exc) + (f" (hint: {exc.hint})" if exc.hint else "")}
        click.echo(json.dumps(out, ensure_ascii=False))
    if failed:
        sys.exit(1)


@cli.command()
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--force", is_flag=True, help="Overwrite PATH if it exists.")
@handle_errors
def new(path: Path, force: bool) -> None:
    """Write a starter brief file, with comments that explain each field.

    Example:

    \b
        briefgen new inputs/my-brief.yaml
    """
    from briefgen.starter import write_starter

    write_starter(path, date.today(), force=force)  # the CLI is the one place that reads the clock
    click.echo(f"wrote {path}; edit it, then run: briefgen check {path}", err=True)


class FormatList(click.ParamType):  # type: ignore[type-arg]
    """A comma-separated list of output formats, such as ``docx,pdf``."""

    name = "docx,pdf"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> tuple[str, ...]:
        if isinstance(value, tuple):
            return value
        parts = tuple(p.strip().lower() for p in str(value).split(",") if p.strip())
        bad = [p for p in parts if p not in ("docx", "pdf")]
        if bad or not parts:
            self.fail(
                f"unknown format {', '.join(bad) or value!r}: use docx, pdf or docx,pdf", param, ctx
            )
        return tuple(dict.fromkeys(parts))


@cli.command()
@click.argument("briefs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--outdir",
    type=click.Path(path_type=Path),
    default=Path("out"),
    show_default=True,
    help="Folder for the pack's files (created if missing).",
)
@click.option(
    "--only", type=click.Choice(["chronology", "briefing"]), help="Build one document only."
)
@click.option(
    "--format",
    "formats",
    type=FormatList(),
    default="docx,pdf",
    show_default=True,
    help="Output formats, comma-separated.",
)
@click.option("--style", metavar="NAME|PATH", help="Style sheet: default, print, or a .yaml path.")
@click.option(
    "--template",
    type=click.Path(path_type=Path),
    metavar="ORG.docx",
    help="Build the DOCX on an organisation's Word template (its styles, page set-up, headers).",
)
@click.option(
    "--paper", type=click.Choice(["a4", "letter"], case_sensitive=False), help="Paper size."
)
@selection_options
@click.option(
    "--since", metavar="YYYY-MM-DD|OLD.yaml",
    help="Mark events new since a date, or added or changed since an earlier brief.",
)  # fmt: skip
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
@handle_errors
def build(
    briefs: tuple[Path, ...],
    outdir: Path,
    only: str | None,
    formats: tuple[str, ...],
    style: str | None,
    template: Path | None,
    paper: str | None,
    from_date: date | None,
    to_date: date | None,
    tag: str | None,
    since: str | None,
    quiet: bool,
) -> None:
    """Build the briefing pack: a chronology and a one-page briefing, as DOCX and PDF.

    Writes OUTDIR/<name>-chronology.docx, -chronology.pdf, -briefing.docx and
    -briefing.pdf, where <name> is the brief file's name, and prints each path with its
    page count. Files are written atomically: a failed build leaves earlier files as
    they were. A build that takes more than a second shows a progress bar on a terminal
    (never with --quiet or when output is not a terminal). Several briefs are built at
    once, one per core; a brief with errors does not stop the others (exit 1 if any
    failed).

    Example:

    \b
        briefgen build inputs/grooming-gangs-inquiry.yaml -o examples/
        briefgen build a.yaml b.yaml c.yaml -o out/ --quiet
        briefgen build this-week.yaml --since last-week.yaml
    """
    from briefgen.build import DOCUMENTS, Options, build_many, build_pack

    options = Options(
        outdir=outdir,
        only=(only,) if only else DOCUMENTS,
        formats=formats,
        style=style,
        template=template,
        paper=paper,
        start=from_date,
        end=to_date,
        tag=tag,
        since=_since(since),
    )
    from briefgen.progress import BuildBar

    show = not quiet and sys.stderr.isatty()

    def print_result(result: Any) -> bool:
        if not quiet:
            _print_warnings(result.warnings)
            for out in result.outputs:
                note = f" {out.pages_note}" if out.pages_note else ""
                click.echo(f"{out.path} ({out.pages} page{'s' * (out.pages != 1)}{note})")
        report(list(result.failures))
        return bool(result.failures)

    if len(briefs) == 1:
        bar = BuildBar() if show else None
        try:
            result = build_pack(briefs[0], options, progress=bar)
        finally:
            if bar is not None:
                bar.close()
        if print_result(result):
            sys.exit(1)
        return

    failed = False
    bar = BuildBar(len(briefs)) if show else None
    try:
        for done, outcome in enumerate(build_many(briefs, options), 1):
            if bar is not None:
                bar.clear()
            if outcome.result is not None:
                failed = print_result(outcome.result) or failed
            else:
                failed = True
                report(list(outcome.errors))
                if outcome.crash:
                    click.echo(
                        f"{outcome.brief}: briefgen: internal error ({outcome.crash}). "
                        f"This is a bug: {REPORT_HINT}.",
                        err=True,
                    )
                click.echo(f"{outcome.brief}: not built", err=True)
            if bar is not None:
                bar.briefs_done(done)
    finally:
        if bar is not None:
            bar.close()
    if failed:
        sys.exit(1)


def _since(value: str | None) -> date | Path | None:
    """Read --since: a YYYY-MM-DD date, else the path of an earlier brief."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        pass
    path = Path(value)
    if not path.is_file():
        raise click.BadParameter(
            f"{value!r} is neither a YYYY-MM-DD date nor a brief file", param_hint="--since"
        )
    return path


@cli.command()
@click.argument("articles", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--published", type=ISO_DATE,
    help="Publication date that relative dates are read against (default: the document's "
    "<meta> date or dateline).",
)  # fmt: skip
@click.option("--source-id", metavar="ID", help="Source id (default: the file name).")
@click.option("--publisher", metavar="NAME", help="The source's publisher.")
@click.option("--title", metavar="TEXT", help="The source's title (default: the page title).")
@click.option("--url", metavar="URL", help="The source's address.")
@click.option(
    "--format", "fmt", type=click.Choice(["yaml", "json"]), default="yaml", show_default=True,
    help="A brief file to review (yaml) or events as `briefgen events --format json` prints.",
)  # fmt: skip
@click.option(
    "--mentions", is_flag=True, help="List every date mention with its offsets instead of events."
)
@handle_errors
def extract(
    articles: tuple[Path, ...],
    published: date | None,
    source_id: str | None,
    publisher: str | None,
    title: str | None,
    url: str | None,
    fmt: str,
    mentions: bool,
) -> None:
    """Propose dated events from articles (text, Markdown or HTML) for a person to review.

    Prints a brief file whose events each cite their article and are tagged
    extracted/needs-review; events several articles tell are merged. Relative dates are
    read against --published, else the document's own date; without one they are left
    unresolved. --mentions lists the date mentions found, with character offsets.

    Example:

    \b
        briefgen extract article.txt page.html --published 2025-06-16 > draft.yaml
    """
    from briefgen.extract.run import ExtractOptions
    from briefgen.extract.run import extract as run_extract

    options = ExtractOptions(published, source_id, publisher, title, url, fmt, mentions)
    from briefgen.progress import ReadingBar

    bar = None
    if sys.stderr.isatty() and sum(p.stat().st_size for p in articles if p.is_file()) > 200_000:
        bar = ReadingBar()
    try:
        text, notes = run_extract(list(articles), options, date.today(), bar)
    finally:
        if bar is not None:
            bar.close()
    for note in notes:
        click.echo(note, err=True)
    click.echo(text, nl=False)


def main() -> None:
    """Run the command line (the ``briefgen`` console script)."""
    try:
        try:
            cli(prog_name="briefgen")
        finally:
            sys.stdout.flush()  # here, not at exit, so that a closed pipe is caught
    except BrokenPipeError:
        stdout_closed()


# The weekly-loop commands live in their own module; importing it registers them.
from briefgen import cli_loop as _cli_loop  # noqa: E402, F401
