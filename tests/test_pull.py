"""briefgen pull: edits made to a pack DOCX (LibreOffice, python-docx, Word-like XML) come back."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree

from briefgen.build import Options, build_pack
from briefgen.cli import cli
from briefgen.read.brief import read_brief
from tests.office import needs_soffice
from tests.office_edit import edit_with_libreoffice

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

BRIEF = """\
# A brief kept by hand: every comment here must survive a pull.
title: "Pull test"   # the pack's title
as_of: 2025-06-16
summary: >-
  A short summary of the matter.
key_points:
  - "First point."   # keep this one
  - "Second point."
next:
  - {date: "in the coming weeks", text: "Work starts.", source: a}
sources:
  - {id: a, publisher: Paper A, title: A, url: "https://example.org/a", published: 2025-06-16}
  - {id: b, publisher: Paper B, title: B, url: "https://example.org/b", published: 2025-06-10}
events:
  # The oldest event first.
  - date: "2015-2022"
    title: "Earlier inquiry"
    detail: >-
      It ran for seven years.
    sources: [a, b]

  - date: "at the weekend"   # as the source says
    title: "Inquiry announced"
    sources: [a]
    key: true

  # Two events of the day.
  - date: "16 June 2025"
    title: "Report published"
    detail: "The audit came out."
    sources: [a]

  - date: "16 June 2025"
    title: "Minister responds"
    sources: [b]
  # A trailing note about the events list.
"""


def comments(text: str) -> list[str]:
    return [m.group(0).strip() for m in re.finditer(r"#[^\n]*", text)]


@pytest.fixture
def pack(tmp_path: Path) -> tuple[Path, Path]:
    brief = tmp_path / "brief.yaml"
    brief.write_text(BRIEF, encoding="utf-8")
    build_pack(brief, Options(outdir=tmp_path / "out", formats=("docx",)))
    return brief, tmp_path / "out" / "brief-chronology.docx"


def pull(runner, brief: Path, docx_path: Path, *args: str):
    return runner.invoke(cli, ["pull", str(brief), str(docx_path), *args])


def events_by_title(brief: Path) -> dict[str, object]:
    return {e.title: e for e in read_brief(brief).events}


def test_an_unedited_pack_pulls_to_nothing_but_ids(runner, pack):
    brief, chron = pack
    result = pull(runner, brief, chron)
    assert result.exit_code == 0, result.output
    assert "nothing to pull" in result.output
    assert brief.read_text(encoding="utf-8") == BRIEF  # without --write nothing changes
    result = pull(runner, brief, chron, "--write")
    assert result.exit_code == 0, result.output
    text = brief.read_text(encoding="utf-8")
    assert comments(text) == comments(BRIEF)
    ids = [e.id for e in read_brief(brief).events]
    assert all(ids) and len(set(ids)) == 4
    # with ids written, the same pack still links every row: pulling again changes nothing
    assert "nothing to pull" in pull(runner, brief, chron, "--write").output
    assert brief.read_text(encoding="utf-8") == text


def test_python_docx_edits_come_back_and_keep_every_comment(runner, pack, tmp_path):
    brief, chron = pack
    d = docx.Document(str(chron))
    rows = [r for t in d.tables for r in t.rows]
    for row in rows:
        cell = row.cells[1]
        if cell.paragraphs[0].text == "Report published":
            cell.paragraphs[1].runs[0].text = "The audit was published in full."
            row.cells[2].paragraphs[0].runs[0].text = "[1], [2]"
        if cell.paragraphs[0].text == "Minister responds":
            cell.paragraphs[0].runs[0].text = "Minister responds in the Commons"
    last = d.tables[-1]
    new = last.add_row()
    new.cells[0].text = "17 June 2025"
    new.cells[1].text = "Committee hearing"
    new.cells[1].add_paragraph("MPs question the minister.")
    new.cells[2].text = "[2]"
    edited = tmp_path / "edited.docx"
    d.save(str(edited))

    shown = pull(runner, brief, edited)
    assert shown.exit_code == 0, shown.output
    assert "changed title of 'Minister responds'" in shown.output
    assert "added 'Committee hearing' (17 June 2025)" in shown.output
    assert '+    title: "Minister responds in the Commons"' in shown.output  # the diff
    assert brief.read_text(encoding="utf-8") == BRIEF

    assert pull(runner, brief, edited, "--write").exit_code == 0
    text = brief.read_text(encoding="utf-8")
    assert comments(text) == comments(BRIEF)
    ev = events_by_title(brief)
    assert ev["Report published"].detail == "The audit was published in full."
    assert ev["Report published"].sources == ("a", "b")
    assert "Minister responds in the Commons" in ev
    added = ev["Committee hearing"]
    assert (added.date, added.detail, added.sources) == (
        "17 June 2025", "MPs question the minister.", ("b",)
    )  # fmt: skip
    assert "detail: >-\n      It ran for seven years." in text  # untouched layout stays


def test_deleted_rows_are_reported_and_removed_only_when_asked(runner, pack, tmp_path):
    brief, chron = pack
    d = docx.Document(str(chron))
    for t in d.tables:
        for row in list(t.rows):
            if row.cells[1].paragraphs[0].text == "Minister responds":
                row._tr.getparent().remove(row._tr)
    edited = tmp_path / "edited.docx"
    d.save(str(edited))
    out = pull(runner, brief, edited, "--write")
    assert "deleted in Word, kept (use --apply-deletions): 'Minister responds'" in out.output
    assert "Minister responds" in events_by_title(brief)
    out = pull(runner, brief, edited, "--write", "--apply-deletions")
    assert "removed: 'Minister responds'" in out.output
    text = brief.read_text(encoding="utf-8")
    assert "Minister responds" not in events_by_title(brief)
    # the comment after the deleted (last) event is about the list: it stays
    assert comments(text) == comments(BRIEF)


def test_a_field_changed_in_both_places_is_a_conflict(runner, pack, tmp_path):
    brief, chron = pack
    brief.write_text(BRIEF.replace('"Inquiry announced"', '"Inquiry announced by PM"'), "utf-8")
    d = docx.Document(str(chron))
    for row in (r for t in d.tables for r in t.rows):
        if row.cells[1].paragraphs[0].text == "Inquiry announced":
            row.cells[1].paragraphs[0].runs[0].text = "Statutory inquiry announced"
    edited = tmp_path / "edited.docx"
    d.save(str(edited))
    out = pull(runner, brief, edited, "--write")
    assert out.exit_code == 0
    assert "conflict in title of 'Inquiry announced by PM'" in out.output
    assert "Word says 'Statutory inquiry announced'" in out.output
    assert "Inquiry announced by PM" in events_by_title(brief)


def _word_like(src: Path, dst: Path) -> None:
    """Rewrite the document as Word saves one: split runs, rsids, proofErr, smartTag, tracked."""
    with zipfile.ZipFile(src) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    root = etree.fromstring(parts["word/document.xml"])
    ns = {"w": W}
    w = f"{{{W}}}"
    for p in root.iter(f"{w}p"):
        p.set(f"{w}rsidR", "00A1B2C3")
        p.set(f"{w}rsidRDefault", "00A1B2C3")
        text = "".join(t.text or "" for t in p.iterfind(".//w:t", ns))
        if text == "Report published":
            # "Report" in a smart tag, " pub" + "lished" split, a proofing mark, then a
            # tracked deletion and a tracked insertion: the final text is "Report released"
            for r in p.findall("w:r", ns):
                p.remove(r)
            xml = (
                f'<w:root xmlns:w="{W}"><w:smartTag w:uri="urn:x" w:element="place">'
                '<w:r w:rsidR="00D4E5F6"><w:t>Report</w:t></w:r></w:smartTag>'
                '<w:proofErr w:type="spellStart"/>'
                '<w:r><w:t xml:space="preserve"> </w:t></w:r>'
                '<w:del w:id="91" w:author="A"><w:r><w:delText>pub</w:delText></w:r>'
                "<w:r><w:delText>lished</w:delText></w:r></w:del>"
                '<w:ins w:id="92" w:author="A"><w:r><w:t>rel</w:t></w:r>'
                '<w:r w:rsidRPr="00112233"><w:t>eased</w:t></w:r></w:ins>'
                '<w:proofErr w:type="spellEnd"/></w:root>'
            )
            for child in list(etree.fromstring(xml)):
                p.append(child)
    for tr in root.iter(f"{w}tr"):
        cells = tr.findall("w:tc", ns)
        title = "".join(t.text or "" for t in cells[1].iterfind(".//w:t", ns)) if cells else ""
        if title.startswith("Minister responds"):  # a row deletion, tracked, not accepted
            trpr = tr.find("w:trPr", ns)
            if trpr is None:
                trpr = etree.SubElement(tr, f"{w}trPr")
                tr.insert(0, trpr)
            etree.SubElement(trpr, f"{w}del", {f"{w}id": "93", f"{w}author": "A"})
    parts["word/document.xml"] = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    with zipfile.ZipFile(dst, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)


def test_a_file_saved_the_way_word_saves_pulls_cleanly(runner, pack, tmp_path):
    brief, chron = pack
    edited = tmp_path / "word.docx"
    _word_like(chron, edited)
    out = pull(runner, brief, edited, "--write", "--apply-deletions")
    assert out.exit_code == 0, out.output
    assert out.output.startswith("changed title of 'Report published': ")
    ev = events_by_title(brief)
    assert "Report released" in ev and "Minister responds" not in ev
    assert len(ev) == 3
    assert comments(brief.read_text(encoding="utf-8")) == comments(BRIEF)


def test_rows_keep_their_link_when_bookmarks_are_lost(runner, pack, tmp_path):
    brief, chron = pack
    with zipfile.ZipFile(chron) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    xml = parts["word/document.xml"].decode()
    xml = re.sub(r"<w:bookmark(Start|End)[^>]*/>", "", xml)
    parts["word/document.xml"] = xml.replace("It ran for seven years.", "It ran 2015 to 2022.")
    edited = tmp_path / "nomarks.docx"
    with zipfile.ZipFile(edited, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    out = pull(runner, brief, edited, "--write")
    assert "changed detail of 'Earlier inquiry'" in out.output
    assert "added" not in out.output and "deleted" not in out.output


def test_a_new_row_with_an_unreadable_date_is_an_error_and_nothing_is_written(
    runner, pack, tmp_path
):
    brief, chron = pack
    d = docx.Document(str(chron))
    row = d.tables[-1].add_row()
    row.cells[0].text = "Inquiries Act 2005"
    row.cells[1].text = "Something"
    edited = tmp_path / "bad.docx"
    d.save(str(edited))
    out = pull(runner, brief, edited, "--write")
    assert out.exit_code == 1
    assert "bad.docx: table" in out.output and "cannot be read as a date" in out.output
    assert brief.read_text(encoding="utf-8") == BRIEF


def test_a_document_without_a_snapshot_is_refused_clearly(runner, pack, tmp_path):
    brief, _chron = pack
    plain = tmp_path / "plain.docx"
    docx.Document().save(str(plain))
    out = pull(runner, brief, plain)
    assert out.exit_code == 1
    assert "plain.docx: this document holds no briefgen snapshot" in out.output
    assert "Traceback" not in out.output


def test_the_briefing_gives_back_its_summary_and_key_points(runner, pack, tmp_path):
    brief, _chron = pack
    briefing = tmp_path / "out" / "brief-briefing.docx"
    build_pack(brief, Options(outdir=tmp_path / "out", formats=("docx",), only=("briefing",)))
    d = docx.Document(str(briefing))
    for p in d.paragraphs:
        if p.text == "Second point.":
            p.runs[0].text = "Second point, tightened."
        if p.text == "A short summary of the matter.":
            p.runs[0].text = "A shorter summary."
        if p.text.endswith("Work starts. [1]"):
            p.runs[-1].text = "Work starts in July. [1]"
    edited = tmp_path / "briefing-edited.docx"
    d.save(str(edited))
    out = pull(runner, brief, edited, "--write")
    assert out.exit_code == 0, out.output
    b = read_brief(brief)
    assert b.summary == "A shorter summary."
    assert b.key_points == ("First point.", "Second point, tightened.")
    assert b.next[0].text == "Work starts in July."
    assert b.next[0].date == "in the coming weeks"
    assert comments(brief.read_text(encoding="utf-8")) == comments(BRIEF)


def test_event_ids_must_be_unique(write_brief):
    from briefgen.errors import BriefgenError

    path = write_brief(
        "title: T\nas_of: 2025-06-16\nevents:\n"
        "  - {id: x1, date: 2025, title: A}\n  - {id: x1, date: 2024, title: B}\n"
        "  - {id: 'bad id!', date: 2024, title: C}\n"
    )
    with pytest.raises(BriefgenError) as exc:
        read_brief(path)
    text = str(exc.value)
    assert "brief.yaml:5: events[2].id: the event id 'x1' is used twice (first on line 4)" in text
    assert "brief.yaml:6: events[3].id: 'bad id!' is not a usable event id" in text


_LO_EDIT = """
Sub Body(doc)
  tables = doc.getTextTables()
  t = tables.getByIndex(tables.getCount() - 1)
  n = t.getRows().getCount()
  For i = 2 To n
    c = t.getCellByName("B" & i)
    If Left(c.getString(), 16) = "Report published" Then
      e = c.getText().createEnumeration()
      p = e.nextElement()
      p.setString("Report published in full")
    End If
  Next i
  For i = n To 2 Step -1
    If Left(t.getCellByName("B" & i).getString(), 17) = "Minister responds" Then
      t.getRows().removeByIndex(i - 1, 1)
    End If
  Next i
  n = t.getRows().getCount()
  t.getRows().insertByIndex(n, 1)
  t.getCellByName("A" & (n + 1)).setString("17 June 2025")
  t.getCellByName("B" & (n + 1)).setString("Added in LibreOffice")
  t.getCellByName("C" & (n + 1)).setString("[2]")
  r = t.getCellRangeByName("A2:C" & (n + 1))
  Dim fields(0) As New com.sun.star.table.TableSortField
  fields(0).Field = 2
  fields(0).IsAscending = False
  desc = r.createSortDescriptor()
  For k = 0 To UBound(desc)
    If desc(k).Name = "SortFields" Then desc(k).Value = fields()
  Next k
  r.sort(desc)
End Sub
"""


@needs_soffice
def test_a_pack_edited_and_sorted_in_libreoffice_round_trips(runner, pack, tmp_path):
    brief, chron = pack
    edited = tmp_path / "lo.docx"
    edit_with_libreoffice(chron, edited, _LO_EDIT)
    # the sort really moved rows: the last table's titles are no longer in date order
    d = docx.Document(str(edited))
    titles = [r.cells[1].paragraphs[0].text for r in d.tables[-1].rows[1:]]
    assert titles == sorted(titles, reverse=True)
    out = pull(runner, brief, edited, "--write", "--apply-deletions")
    assert out.exit_code == 0, out.output
    ev = events_by_title(brief)
    assert "Report published in full" in ev
    assert ev["Report published in full"].detail == "The audit came out."  # link kept
    assert "Minister responds" not in ev
    assert ev["Added in LibreOffice"].sources == ("b",)
    assert "Inquiry announced" in ev and "Earlier inquiry" in ev
    assert comments(brief.read_text(encoding="utf-8")) == comments(BRIEF)
    # pulling the same file again finds nothing more to do
    assert "nothing to pull" in pull(runner, brief, edited).output
