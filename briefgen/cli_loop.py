"""The weekly-loop commands: ``pull`` (Word edits back into the brief) and ``diff``.

Registered on the ``briefgen`` group by ``briefgen.cli``.
"""

from __future__ import annotations

from pathlib import Path

import click

from briefgen.cli import _print_warnings, cli
from briefgen.cli_errors import handle_errors


@cli.command()
@click.argument("brief", type=click.Path(path_type=Path))
@click.argument("pack", type=click.Path(path_type=Path), metavar="PACK.docx")
@click.option("--write", is_flag=True, help="Write the changes into BRIEF (atomically).")
@click.option(
    "--apply-deletions", is_flag=True, help="Also remove events whose rows were deleted in Word."
)
@handle_errors
def pull(brief: Path, pack: Path, write: bool, apply_deletions: bool) -> None:
    """Read an edited chronology or briefing DOCX back into the brief it was built from.

    Changed titles, details, dates and sources of events, rows added in Word (dated by
    their Date cell) and, with --apply-deletions, rows deleted in Word. A briefing DOCX
    gives back its summary, key points and next steps. Without --write, prints what would
    change and a diff of the brief, and exits 0; with --write, writes the brief keeping its
    comments, key order and layout, and writes an id for each event that has none.
    Fields changed both in the brief and in Word since the build are reported as
    conflicts and left as the brief says.

    Example:

    \b
        briefgen pull inputs/grooming-gangs-inquiry.yaml out/grooming-gangs-inquiry-chronology.docx
        briefgen pull inputs/grooming-gangs-inquiry.yaml edited.docx --write
    """
    from briefgen.pull.run import pull as run_pull

    result = run_pull(brief, pack, write=write, deletions=apply_deletions)
    click.echo(result.report, nl=False)
    if write:
        click.echo(f"wrote {brief}" if result.written else f"{brief} unchanged", err=True)
    elif result.diff:
        click.echo()
        click.echo(result.diff, nl=False)


@cli.command()
@click.argument("old", type=click.Path(path_type=Path))
@click.argument("new", type=click.Path(path_type=Path))
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
    help="Output format.",
)  # fmt: skip
@handle_errors
def diff(old: Path, new: Path, fmt: str) -> None:
    """Print the events added, removed and changed between two versions of a brief.

    Events are matched by id, else by date and title, else by title. JSON is
    {"added": [...], "removed": [...], "changed": [{"title", "fields": {...}}]}.

    Example:

    \b
        briefgen diff inputs/grooming-gangs-inquiry.yaml inputs/grooming-gangs-inquiry-later.yaml
    """
    from briefgen.diff import diff_briefs, format_diff
    from briefgen.pipeline import load_brief

    a, b = load_brief(old), load_brief(new)
    _print_warnings(b.warnings)
    click.echo(format_diff(diff_briefs(a.brief, b.brief), fmt), nl=False)
