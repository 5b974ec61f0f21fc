"""How the command line ends: our errors as ``file:line: message`` lines and status 1,
bugs without a traceback, Ctrl-C as 130, and a closed standard output quietly as 141.
"""

from __future__ import annotations

import contextlib
import functools
import os
import sys
import traceback
from collections.abc import Callable
from typing import Any, NoReturn

import click

from briefgen.errors import BriefgenError, Problem

# How to report a bug; there is no public tracker to name, so say what to send.
REPORT_HINT = (
    "please report it to the briefgen maintainers with the command you ran and the "
    "traceback that the same command prints with --debug (briefgen --debug ...)"
)


# 128 + SIGPIPE: the status a Unix tool ends with when its reader goes (``... | head``)
STDOUT_CLOSED = 141


def stdout_closed() -> NoReturn:
    """Exit quietly: whoever read standard output has stopped, so there is no one to tell."""
    with contextlib.suppress(OSError, ValueError):  # so the final flush cannot fail again
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    sys.exit(STDOUT_CLOSED)


def report(problems: list[Problem]) -> None:
    """Print each problem on standard error, one a line."""
    for p in problems:
        click.echo(str(p), err=True)


def handle_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """Turn our errors into ``file:line: message`` lines and exit 1; hide tracebacks of bugs."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except BriefgenError as exc:
            report(exc.problems)
            n = len(exc.problems)
            if n > 1:
                click.echo(f"{n} errors", err=True)
            sys.exit(1)
        except (click.ClickException, click.exceptions.Exit, click.Abort, SystemExit):
            raise
        except BrokenPipeError:
            stdout_closed()
        except KeyboardInterrupt:
            click.echo("briefgen: interrupted; no output file was left half-written", err=True)
            sys.exit(130)
        except Exception as exc:
            if click.get_current_context().find_root().params.get("debug"):
                traceback.print_exc()
            click.echo(
                f"briefgen: internal error ({type(exc).__name__}: {exc}). "
                f"This is a bug: {REPORT_HINT}.",
                err=True,
            )
            sys.exit(1)

    return wrapper
