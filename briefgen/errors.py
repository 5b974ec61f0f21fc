"""Errors and warnings that carry a place: ``file:line: what is wrong (hint: how to fix)``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    """One error or warning about an input, with where it is and how to fix it.

    ``file`` and ``line`` are ``None`` when the problem has no place (``line`` is 1-based).
    """

    message: str
    file: str | None = None
    line: int | None = None
    field: str | None = None
    hint: str | None = None
    severity: Severity = "error"

    def __str__(self) -> str:
        place = ""
        if self.file:
            place = self.file + (f":{self.line}" if self.line else "") + ": "
        kind = "warning: " if self.severity == "warning" else ""
        field = f"{self.field}: " if self.field else ""
        hint = f" (hint: {self.hint})" if self.hint else ""
        return f"{place}{kind}{field}{self.message}{hint}"


class BriefgenError(Exception):
    """An error the user can fix; it holds one or more problems, each with its place."""

    def __init__(self, problems: Problem | list[Problem] | str) -> None:
        if isinstance(problems, str):
            problems = Problem(problems)
        self.problems: list[Problem] = (
            [problems] if isinstance(problems, Problem) else list(problems)
        )
        super().__init__("\n".join(str(p) for p in self.problems))
