"""What translating blocks needs: style ids, links, list numbering, progress."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.parser import parse_xml

from briefgen.styles import Style
from briefgen.write.docx.styles import Numbering
from briefgen.write.docx.xml import NS


@dataclass
class Ctx:
    """What block translation needs: the sheet, the text width, style ids, links, lists."""

    sheet: Style
    text_width: int  # twips
    text_height: int  # twips
    ids: dict[str, str]  # lower-cased style name -> style id
    part: object  # the python-docx DocumentPart (for hyperlink relationships)
    num: Numbering
    numbering: object  # the w:numbering element
    has_list_numpr: dict[str, bool] = field(default_factory=dict)
    links: dict[str, str] = field(default_factory=dict)
    next_rid: int = 0
    next_num_id: int = 0
    progress: Callable[[int, int], None] | None = None  # (table rows written, in all)
    rows_done: int = 0
    rows_total: int = 0
    bookmarks: int = 0  # bookmarks written, for their w:id

    def sid(self, name: str) -> str:
        return self.ids[name.lower()]

    def link_rid(self, url: str) -> str:
        """Return the rId of an external hyperlink relationship to ``url`` (added once).

        python-docx's ``relate_to`` scans every relationship per call (quadratic for a
        chronology of thousands of links), so relationships are added directly.
        """
        rid = self.links.get(url)
        if rid is None:
            rels = self.part.rels  # type: ignore[attr-defined]
            while f"rId{self.next_rid}" in rels:
                self.next_rid += 1
            rid = f"rId{self.next_rid}"
            self.next_rid += 1
            rels.add_relationship(RT.HYPERLINK, url, rid, is_external=True)
            self.links[url] = rid
        return rid

    def restart_numbering(self, abstract_id: int) -> int:
        """Add a ``w:num`` that restarts ``abstract_id`` at 1 and return its numId."""
        num_id = self.next_num_id
        self.next_num_id += 1
        self.numbering.append(  # type: ignore[attr-defined]
            parse_xml(
                f'<w:num {NS} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>'
                '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
            )
        )
        return num_id
