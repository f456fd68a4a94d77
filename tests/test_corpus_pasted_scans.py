"""A Word or Writer file holding nothing but a scanned page pasted in as a picture (what a clerk sends on
when asked for the 「电子版」 of a paper notice) is read by OCR, as the same scan added on its own is: the
twenty-third blind set's notice (docs/cold21.md) was refused with 「…中没有文字，只有图片…请另存为 PDF」."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from corpus import ocr, parse_document, read_bytes
from corpus.errors import EmptyDocument
from tests.fixtures.corpus_writers import write_scan

needs_ocr = pytest.mark.skipif(ocr.engine() is None, reason="no OCR engine installed")

AUTHOR = "中共青屿市委老干部局"
NOTICE = (
    ("title", "关于调整老干部门诊报销窗口办公时间的通知"),
    ("body", "各离退休干部党支部："),
    ("body", "自2027年3月1日起，市医保中心老干部门诊报销窗口的办公时间调整为每周一至周五上午8:30至11:30。"),
    ("body", "下午不再受理报销业务，如遇节假日顺延。行动不便的老同志，可委托家属持本人医保卡代为办理。"),
    ("body", "咨询电话：0576-88213406。"),
    ("right", "中共青屿市委老干部局"),
    ("right", "2027年2月20日"),
)
SECOND_PAGE = (
    ("body", "附：报销需提交的材料包括门诊发票原件、费用明细清单和病历本，复印件不予受理。"),
    ("body", "材料不全的，窗口工作人员将一次性告知需补齐的内容，请老同志理解配合。"),
)


def _scans(tmp_path: Path, *pages: tuple[tuple[str, str], ...]) -> list[bytes]:
    """Each page printed by reportlab and made to look scanned (`write_scan`), as a JPEG a scanner saves."""
    from PIL import Image

    out = []
    for n, parts in enumerate(pages):
        png = tmp_path / f"page{n}.png"
        write_scan(parts, png, author=AUTHOR, size=14, seed=7 + n)
        saved = io.BytesIO()
        Image.open(png).convert("L").save(saved, "JPEG", quality=70)
        out.append(saved.getvalue())
    return out


def _pasted(pictures: list[bytes], *, typed: str | None = None) -> bytes:
    """A python-docx document holding the pictures, each inline the text's width, one after the other."""
    import docx
    from docx.shared import Cm

    made = docx.Document()
    if typed is not None:
        made.add_paragraph(typed)
    for picture in pictures:
        made.add_picture(io.BytesIO(picture), width=Cm(16))
    saved = io.BytesIO()
    made.save(saved)
    return saved.getvalue()


@needs_ocr
def test_a_scanned_page_pasted_into_word_reads_as_the_scan_itself(tmp_path: Path) -> None:
    [picture] = _scans(tmp_path, NOTICE)
    pasted = read_bytes("报销窗口通知.docx", _pasted([picture]))
    alone = read_bytes("报销窗口通知.jpg", picture)
    assert pasted.encoding == "ocr"
    assert pasted.text == alone.text
    [speech] = parse_document(pasted)
    assert speech.title == "关于调整老干部门诊报销窗口办公时间的通知"
    assert speech.date == "2027-02-20"
    assert "0576-88213406" in pasted.text


@needs_ocr
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_two_pasted_pages_read_in_order_in_word_and_in_writer(tmp_path: Path) -> None:
    """Two scanned pages pasted one after the other: read as the two pages of one scan, in their order —
    in the .docx, and in the .odt LibreOffice saves of it (its pictures under Pictures/, by path)."""
    from tests.fixtures.documents.make_fixtures import soffice

    pictures = _scans(tmp_path, NOTICE, SECOND_PAGE)
    docx_path = tmp_path / "两页.docx"
    docx_path.write_bytes(_pasted(pictures))
    odt_path = soffice(docx_path, "odt", tmp_path / "odt")
    word = read_bytes("两页.docx", docx_path.read_bytes()).text
    writer = read_bytes("两页.odt", odt_path.read_bytes()).text
    assert word == writer
    assert word.index("咨询电话") < word.index("复印件不予受理")


def test_pictures_that_hold_no_text_are_refused_in_one_line(tmp_path: Path) -> None:
    from PIL import Image

    blank = io.BytesIO()
    Image.new("L", (400, 560), 255).save(blank, format="PNG")
    with pytest.raises(EmptyDocument) as refused:
        read_bytes("空白图片.docx", _pasted([blank.getvalue()]))
    message = str(refused.value)
    assert message.startswith("空白图片.docx 中没有文字，只有图片")
    assert "\n" not in message
