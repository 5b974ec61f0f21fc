"""Tables as Table > THead/TBody > TR > TH/TD, their rules and backgrounds as artifacts."""

from __future__ import annotations

from typing import Any, TypeVar

from reportlab.platypus import Flowable
from reportlab.platypus import Table as RLTable

from briefgen.write.pdf.tagging import Element, StructTree, swap

T = TypeVar("T", bound=RLTable)


class TableTags:
    """The structure of one table, possibly drawn as several reportlab tables.

    ``Table > THead > TR > TH`` for the first ``header_rows`` rows (``/Scope /Column``),
    ``TBody > TR > TD`` for the rest, whose first cell is a row header (TH, ``/Scope
    /Row``) when ``row_headers``; elements are made as their rows are first drawn.
    """

    def __init__(self, parent: Element, header_rows: int = 1, row_headers: bool = False) -> None:
        self.elem = parent.add("Table")
        self.header_rows = header_rows
        self.row_headers = row_headers
        self._head: Element | None = None
        self._body: Element | None = None
        self._rows: dict[int, Element] = {}
        self._cells: dict[tuple[int, int], Element] = {}

    def cell(self, row: int, col: int) -> Element:
        """The TH or TD element of the table's ``row`` and ``col`` (made on first use)."""
        key = (row, col)
        if key not in self._cells:
            if row not in self._rows:
                if row < self.header_rows:
                    self._head = self._head or self.elem.add("THead")
                    section = self._head
                else:
                    self._body = self._body or self.elem.add("TBody")
                    section = self._body
                self._rows[row] = section.add("TR")
            if row < self.header_rows:
                self._cells[key] = self._rows[row].add("TH", O="Table", Scope="Column")
            elif col == 0 and self.row_headers:
                self._cells[key] = self._rows[row].add("TH", O="Table", Scope="Row")
            else:
                self._cells[key] = self._rows[row].add("TD")
        return self._cells[key]


class _TaggedTableMixin:
    _pdftag_table: TableTags
    _pdftag_rows: list[int | None]  # each drawn row's index in the table; None: a repeat

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        parts: list[Any] = super().split(availWidth, availHeight)  # type: ignore[misc]
        rows, repeat = self._pdftag_rows, self.repeatRows  # type: ignore[attr-defined]
        if len(parts) == 2 and parts[0] is not self:
            n0, n1 = len(parts[0]._cellvalues), len(parts[1]._cellvalues)
            repeated = repeat if isinstance(repeat, int) else len(repeat)
            head: list[int | None] = [None] * repeated
            maps = [rows[:n0], head + rows[len(rows) - (n1 - repeated) :]]
            for part, mapped in zip(parts, maps, strict=True):
                swap(part, _TaggedTableMixin)
                part._pdftag_table, part._pdftag_rows = self._pdftag_table, mapped
                part._renderCB = _table_events
        return parts


def tag_table(table: T, tags: TableTags, first_row: int = 0, rows: int | None = None) -> T:
    """Tag ``table``'s rows as rows ``first_row``, ``first_row + 1``... of ``tags``.

    Backgrounds and grid lines become artifacts; header rows that reportlab repeats on
    later pages (``repeatRows``) are artifacts too. Call once per chunk when one logical
    table is drawn as several reportlab tables.
    """
    n = len(table._cellvalues) if rows is None else rows
    swap(table, _TaggedTableMixin)
    table._pdftag_table = tags
    table._pdftag_rows = list(range(first_row, first_row + n))
    table._renderCB = _table_events
    return table


def _table_events(table: Any, event: str, *args: Any) -> None:
    canv = table.canv
    tree: StructTree | None = getattr(canv, "_pdftag", None)
    if tree is None:
        return
    if event in ("startBG", "startLines"):
        tree.begin(canv, None)
    elif event in ("endBG", "endLines"):
        tree.end(canv)
    elif event == "startRow" and table._pdftag_rows[args[0]] is None:
        tree.begin(canv, None)
    elif event == "endRow" and table._pdftag_rows[table._pdftag_row] is None:
        tree.end(canv)
    if event == "startRow":
        table._pdftag_row = args[0]
    elif event in ("startCell", "endCell"):
        row = table._pdftag_rows[table._pdftag_row]
        if row is not None and event == "startCell":
            cellval = args[2]
            sources = cellval if isinstance(cellval, list | tuple) else (cellval,)
            tree.begin(canv, table._pdftag_table.cell(row, args[1]), "", sources)
        elif row is not None:
            tree.end(canv)
