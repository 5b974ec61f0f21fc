"""The build's progress bar on standard error, shown only when a build takes a while."""

from __future__ import annotations

import sys
import time
from typing import Any

import click


class BuildBar:
    """A progress bar on standard error that appears once a build has run for a second.

    Called with the build's ``Progress`` (one brief: events and pages of the file being
    written), or told how many of several briefs are done.
    """

    DELAY = 1.0  # seconds before the bar appears: quick builds stay quiet

    def __init__(self, briefs: int = 0) -> None:
        self._clock = time.monotonic
        self._start = self._clock()
        self._briefs = briefs
        self._bar: Any = None
        self._last: Any = None

    def _open(self) -> bool:
        if self._bar is None and self._clock() - self._start >= self.DELAY:
            self._bar = click.progressbar(
                length=max(self._briefs, 1), file=sys.stderr, show_eta=False,
                item_show_func=self._describe,
                label="building briefs" if self._briefs else getattr(self._last, "step", ""),
            )  # fmt: skip
            self._bar.__enter__()
        return self._bar is not None

    def _describe(self, progress: Any) -> str | None:
        """Return the bar's text for a build's ``Progress`` or a count of briefs."""
        if progress is None:
            return None
        if isinstance(progress, int):
            return f"{progress} of {self._briefs} briefs built"
        parts = [f"{progress.done:,} of {progress.total:,} events"] if progress.total else []
        if progress.pages:
            parts.append(f"{progress.pages:,} pages")
        return ", ".join(parts) or None

    def __call__(self, progress: Any) -> None:
        self._last = progress
        if not self._open():
            return
        bar = self._bar
        bar.label = progress.step
        bar.length = max(progress.total, 1)
        bar.pos = min(progress.done, bar.length)
        bar.current_item = progress
        bar.render_progress()

    def briefs_done(self, done: int) -> None:
        if self._open():
            self._bar.label = "building briefs"
            self._bar.pos = done
            self._bar.current_item = done
            self._bar.render_progress()

    def clear(self) -> None:
        """Wipe the bar's line so that what is printed next starts on a clean line."""
        if self._bar is not None:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()

    def close(self) -> None:
        if self._bar is not None:
            self.clear()
            sys.stderr.write("\033[?25h")  # click hides the cursor while the bar is drawn
            sys.stderr.flush()
            self._bar.finished = True
            self._bar = None


class ReadingBar:
    """A progress bar for ``extract``: called with the article being read, the characters
    read so far and the characters in all."""

    def __init__(self) -> None:
        self._bar: Any = click.progressbar(length=1, label="reading", file=sys.stderr)
        self._bar.__enter__()

    def __call__(self, name: str, done: int, total: int) -> None:
        self._bar.length = max(total, 1)
        self._bar.label = name
        self._bar.update(done - self._bar.pos)

    def close(self) -> None:
        self._bar.__exit__(None, None, None)
