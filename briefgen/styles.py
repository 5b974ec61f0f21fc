"""Style sheets (``styles/*.yaml``): fonts, sizes, colours, paper and margins for both writers."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from briefgen.errors import BriefgenError, Problem

PAGE_SIZES_MM = {"A4": (210.0, 297.0), "LETTER": (215.9, 279.4)}
FONTS = ("Arial", "Times New Roman", "Courier New")
SIZE_KEYS = ("body", "small", "title", "subtitle", "heading1", "heading2", "figure", "marking")
COLOUR_KEYS = ("text", "accent", "muted", "rule", "key_fill", "header_text", "marking")
MIN_READABLE_PT = 9.0


def styles_dir() -> Path:
    """Return the folder of named style sheets shipped with briefgen."""
    packaged = Path(__file__).parent / "data" / "styles"
    return packaged if packaged.is_dir() else Path(__file__).parent.parent / "styles"


@dataclass(frozen=True)
class Look:
    """How one paragraph style is drawn when a Word template, not the spec, decides it:
    the face (one of ``FONTS``), size, line height and spacing in points."""

    font: str
    size: float
    leading: float
    bold: bool
    before: float
    after: float
    indent: float  # the text's left indent (a list's hanging indent)
    contextual: bool = False  # no space between neighbouring paragraphs of this style


@dataclass(frozen=True)
class Style:
    """A loaded style sheet; sizes in points, margins in millimetres, colours ``#RRGGBB``."""

    name: str
    paper: str  # "A4" or "Letter"
    margins: tuple[float, float, float, float]  # top, right, bottom, left
    font: str
    sizes: dict[str, float]
    colours: dict[str, str]
    # per paragraph style, how a Word template draws it (measuring styles only; empty:
    # every style as the spec and this sheet say)
    looks: tuple[tuple[str, Look], ...] = ()

    @property
    def page_mm(self) -> tuple[float, float]:
        """Return the page's width and height in millimetres."""
        return PAGE_SIZES_MM[self.paper.upper()]

    def with_paper(self, paper: str | None) -> Style:
        """Return this style on another paper size (``None``: unchanged)."""
        if not paper:
            return self
        return replace(self, paper="A4" if paper.upper() == "A4" else "Letter")


def _fail(path: Path, key: str, message: str, hint: str) -> BriefgenError:
    return BriefgenError(Problem(message, file=str(path), field=key, hint=hint))


def load_style(name_or_path: str | None = None) -> Style:
    """Load a style sheet by name (``default``, ``print``) or path; ``None`` means default.

    A sheet's missing keys come from the default sheet; a bad key raises ``BriefgenError``
    naming the key.
    """
    import yaml

    base_path = styles_dir() / "default.yaml"
    base = yaml.safe_load(base_path.read_text(encoding="utf-8"))
    if not name_or_path or name_or_path == "default":
        return _build(base, {}, base_path)
    path = Path(name_or_path)
    if not path.suffix and not path.exists():
        path = styles_dir() / f"{name_or_path}.yaml"
    if not path.is_file():
        known = ", ".join(sorted(p.stem for p in styles_dir().glob("*.yaml")))
        raise BriefgenError(
            Problem(
                f"no style sheet called {name_or_path!r}",
                hint=f"use one of {known}, or the path of a .yaml style sheet",
            )
        )
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise BriefgenError(
            Problem(f"not a valid YAML style sheet: {exc}", file=str(path))
        ) from None
    if not isinstance(data, dict):
        raise _fail(
            path, "(top level)", "a style sheet is a mapping of keys", "see styles/default.yaml"
        )
    return _build(base, data, path)


def _build(base: dict[str, Any], data: dict[str, Any], path: Path) -> Style:
    known = {"name", "page", "font", "sizes", "colours"}
    for key in data:
        if key not in known:
            raise _fail(path, str(key), "unknown key", f"known keys are {', '.join(sorted(known))}")
    page = {**base["page"], **(data.get("page") or {})}
    paper = str(page.get("size", "A4"))
    if paper.upper() not in PAGE_SIZES_MM:
        raise _fail(path, "page.size", f"unknown paper size {paper!r}", "use A4 or Letter")
    margins_in = {**base["page"]["margins"], **((data.get("page") or {}).get("margins") or {})}
    margins = []
    for side in ("top", "right", "bottom", "left"):
        value = margins_in.get(side)
        if not isinstance(value, int | float) or not 5 <= value <= 60:
            raise _fail(
                path,
                f"page.margins.{side}",
                f"margin {value!r} is not a number of mm from 5 to 60",
                "office printers need at least 5 mm; 20 is usual",
            )
        margins.append(float(value))
    font = data.get("font", base["font"])
    if font not in FONTS:
        raise _fail(path, "font", f"unknown font {font!r}", f"use one of {', '.join(FONTS)}")
    sizes = {**base["sizes"], **(data.get("sizes") or {})}
    for key, value in sizes.items():
        if key not in SIZE_KEYS:
            raise _fail(
                path, f"sizes.{key}", "unknown size", f"known sizes are {', '.join(SIZE_KEYS)}"
            )
        if not isinstance(value, int | float) or not MIN_READABLE_PT <= value <= 72:
            raise _fail(
                path,
                f"sizes.{key}",
                f"size {value!r} is not a number of points from 9 to 72",
                "text below 9 pt is hard to read in print",
            )
    colours = {**base["colours"], **(data.get("colours") or {})}
    for key, value in colours.items():
        if key not in COLOUR_KEYS:
            raise _fail(
                path,
                f"colours.{key}",
                "unknown colour",
                f"known colours are {', '.join(COLOUR_KEYS)}",
            )
        if not isinstance(value, str) or not re.fullmatch(r"#[0-9A-Fa-f]{6}", value):
            raise _fail(
                path, f"colours.{key}", f"colour {value!r} is not #RRGGBB", 'write e.g. "#1F4E79"'
            )
    return Style(
        name=str(data.get("name", base["name"])),
        paper="A4" if paper.upper() == "A4" else "Letter",
        margins=(margins[0], margins[1], margins[2], margins[3]),
        font=font,
        sizes={k: float(v) for k, v in sizes.items()},
        colours={k: v.upper() for k, v in colours.items()},
    )
