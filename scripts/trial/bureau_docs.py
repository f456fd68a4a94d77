"""The four documents of a bureau a staff trial uploads (scripts/trial/make_trial53_docs.py, …54…), each
made with a real producer: a python-docx plan with heading styles, a table and a page header; a notice typed
in Word and exported to PDF by LibreOffice; a GBK text; a notice printed and scanned (rendered with Noto
Serif CJK, turned 1.2°, saved at 200 dpi). Each trial gives only its words.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from docx import Document
from PIL import Image, ImageDraw, ImageFont

from tests.fixtures.corpus_writers import soffice_convert

BUREAU = "中共温州市委老干部局"


def write_plan(
    path: Path, *, title: str, who: str, rows: Sequence[Sequence[str]], when: str, date: str
) -> None:
    """A plan (方案) by python-docx: the bureau's page header, Heading 1 / Heading 2, whom it is for, a
    「Table Grid」 table of 对象 / 标准 / 经费来源, when, signed and dated."""
    d = Document()
    d.sections[0].header.paragraphs[0].text = "温州市委老干部局 内部资料"
    d.add_heading(title, level=1)
    d.add_paragraph("各县（市、区）委老干部局，市直各单位：")
    d.add_heading("一、慰问对象", level=2)
    d.add_paragraph(who)
    d.add_heading("二、慰问标准", level=2)
    t = d.add_table(rows=1, cols=3)
    t.style = "Table Grid"
    for c, h in zip(t.rows[0].cells, ["对象", "标准", "经费来源"], strict=True):
        c.text = h
    for row in rows:
        cells = t.add_row().cells
        for c, v in zip(cells, row, strict=True):
            c.text = v
    d.add_heading("三、时间安排", level=2)
    d.add_paragraph(when)
    d.add_paragraph(BUREAU)
    d.add_paragraph(date)
    d.save(path)


def write_notice_pdf(path: Path, *, title: str, paragraphs: Sequence[str]) -> None:
    """A notice typed in Word (python-docx: a Heading 1, then its paragraphs), kept beside `path` as .docx,
    and exported to `path` as PDF by LibreOffice."""
    p = Document()
    p.add_heading(title, level=1)
    for text in paragraphs:
        p.add_paragraph(text)
    source = path.with_suffix(".docx")
    p.save(source)
    soffice_convert(source, "pdf", path)


def write_gbk_text(path: Path, text: str) -> None:
    """Plain text saved in GBK, as Notepad on a Chinese Windows saves it."""
    path.write_bytes(text.encode("gbk"))


def write_scanned_notice(path: Path, lines: Sequence[str]) -> None:
    """A notice printed and scanned: its lines in Noto Serif CJK on a grey sheet, turned 1.2°, a PNG of
    200 dpi."""
    font = ImageFont.truetype("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", 34)
    img = Image.new("L", (1240, 900), 250)
    dr = ImageDraw.Draw(img)
    y = 60
    for ln in lines:
        dr.text((90, y), ln, font=font, fill=20)
        y += 70
    img = img.rotate(1.2, expand=False, fillcolor=250)
    img.save(path, dpi=(200, 200))
