"""Shared fixtures: the worked example, small brief files written on the fly, the CLI runner."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "inputs" / "grooming-gangs-inquiry.yaml"

MINIMAL = """\
title: "Test brief"
as_of: 2025-06-16
sources:
  - {id: a, publisher: Paper A, title: A, url: "https://example.org/a", published: 2025-06-16}
  - {id: b, publisher: Paper B, title: B, url: "https://example.org/b", published: 2025-06-10}
events:
  - date: 16 June 2025
    title: Report published
    sources: [a]
  - date: at the weekend
    title: Inquiry announced
    sources: [a]
    key: true
  - date: 2015-2022
    title: Earlier inquiry
    sources: [a, b]
"""


@pytest.fixture
def write_brief(tmp_path: Path) -> Callable[..., Path]:
    """Write a brief file (dedented text or bytes) into a temporary folder and return its path."""

    def write(text: str | bytes = MINIMAL, name: str = "brief.yaml") -> Path:
        path = tmp_path / name
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    return write


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()
