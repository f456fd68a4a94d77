"""A PDF carrying its attachments inside it (embedded files: an OA system's notice with its forms, poppler's
``pdfattach``, Acrobat's 「附加文件」). Only the notice was read, its 附件 — often the table the questions are
about — not at all; each embedded file in a format speechqa reads is now read after the notice under
「附件：name」, as a saved e-mail's attachments are, and one it cannot read is named in a note.

The real file: a notice typed with python-docx and exported by LibreOffice Writer, a python-docx table
attached by ``pdfattach``. The property: any list of text attachments put in by pypdf reads after the notice,
each once, in order, under its own label.
"""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus import read_bytes, read_document

NEEDS_TOOLS = pytest.mark.skipif(
    not (shutil.which("soffice") and shutil.which("pdfattach")), reason="LibreOffice or pdfattach missing"
)
TITLE = "关于组织离退休干部秋季健康讲座的通知"
BODY = [
    "为普及健康知识，市委老干部局定于10月举办秋季健康讲座，讲座安排见附件。",
    "请各单位组织离退休干部按时参加，行动不便的同志可收看录像。",
]
SIGNATURE = ["中共临江市委老干部局", "2027年9月26日"]
ROWS = [
    ("场次", "时间", "主讲人", "题目"),
    ("第一场", "10月9日上午", "赵景川", "秋冬季心脑血管疾病预防"),
    ("第二场", "10月16日上午", "孙芷若", "老年人合理用药"),
]


def _notice(folder: Path) -> Path:
    from tests.fixtures.documents.make_fixtures import soffice

    document = docx.Document()
    document.add_paragraph(TITLE).alignment = 1
    for line in BODY:
        document.add_paragraph(line)
    for line in SIGNATURE:
        document.add_paragraph(line).alignment = 2
    source = folder / "讲座通知.docx"
    document.save(str(source))
    return soffice(source, "pdf")


def _schedule(path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph("秋季健康讲座安排表", style="Title")
    table = document.add_table(rows=0, cols=4)
    for row in ROWS:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text
    document.save(str(path))
    return path


@NEEDS_TOOLS
def test_a_pdf_s_embedded_word_file_is_read_after_the_notice(tmp_path: Path) -> None:
    notice = _notice(tmp_path)
    schedule = _schedule(tmp_path / "讲座安排表.docx")
    attached = tmp_path / "讲座通知（含附件）.pdf"
    subprocess.run(["pdfattach", str(notice), str(schedule), str(attached)], check=True, timeout=60)

    document = read_document(attached)
    lines = document.text.split("\n")
    assert lines[0] == TITLE
    assert lines.index(SIGNATURE[1]) < lines.index("附件：讲座安排表") < lines.index("秋季健康讲座安排表")
    assert "场次：第二场；时间：10月16日上午；主讲人：孙芷若；题目：老年人合理用药" in lines
    assert document.notes == ()
    plain = read_document(notice)  # the same notice without the attachment: read as before
    assert document.text.startswith(plain.text + "\n附件：讲座安排表\n")


@NEEDS_TOOLS
def test_an_embedded_file_speechqa_cannot_read_is_named_and_the_notice_read(tmp_path: Path) -> None:
    notice = _notice(tmp_path)
    other = tmp_path / "讲座录像.mp4"
    other.write_bytes(b"\x00\x00\x00\x18ftypmp42" + bytes(64))
    attached = tmp_path / "讲座通知（含录像）.pdf"
    subprocess.run(["pdfattach", str(notice), str(other), str(attached)], check=True, timeout=60)

    document = read_document(attached)
    assert document.text == read_document(notice).text
    assert document.notes == ("附件 讲座录像.mp4 没有读入：不支持这种文件类型。",)


POOL = (
    "讲座地点在市老干部活动中心三楼报告厅",
    "每场讲座时间约为九十分钟",
    "讲座结束后安排现场咨询",
    "请参加讲座的同志提前十分钟入场",
    "讲座资料由主办方统一发放",
    "需要接送的同志请提前一天报名",
    "各单位联络员负责统计参加人数",
    "讲座录像将在内网平台播放",
    "有关问题请与医疗保健处联系",
)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sentences=st.permutations(POOL), sizes=st.lists(st.integers(min_value=1, max_value=3), max_size=3))
def test_every_embedded_text_reads_once_in_order_after_the_notice(
    sentences: list[str], sizes: list[int]
) -> None:
    from pypdf import PdfWriter
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    page = io.BytesIO()
    pdf = canvas.Canvas(page, pagesize=A4)
    pdf.setFont("Helvetica", 12)
    pdf.drawString(72, 760, "Notice 2027-9 on the autumn lectures.")
    pdf.showPage()
    pdf.save()
    writer = PdfWriter(clone_from=io.BytesIO(page.getvalue()))
    attachments, taken = [], 0
    for size in sizes:
        attachments.append([line + "。" for line in sentences[taken : taken + size]])
        taken += size
    for number, lines in enumerate(attachments, start=1):
        # each sentence ends: a text's lines are its paragraphs
        writer.add_attachment(f"附件{number}.txt", "\n".join(lines).encode("utf-8"))
    out = io.BytesIO()
    writer.write(out)

    text = read_bytes("通知.pdf", out.getvalue()).text
    expected = ["Notice 2027-9 on the autumn lectures."]
    for number, lines in enumerate(attachments, start=1):
        expected += [f"附件：附件{number}", *lines]
    assert text.split("\n") == expected


def test_a_pdf_portfolio_with_empty_pages_reads_the_files_it_carries() -> None:
    # as some OA systems export a notice and its forms: a blank cover page, a /Collection, the files embedded
    # (pypdf writes it); it was refused as 「没有可提取的文字」, its files never read
    from pypdf import PdfWriter
    from pypdf.generic import DictionaryObject, NameObject

    notice = docx.Document()
    notice.add_paragraph("关于开展重阳节走访慰问的通知")
    notice.add_paragraph("走访慰问于10月下旬进行，请各单位做好准备。")
    packed = io.BytesIO()
    notice.save(packed)
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.add_attachment("走访通知.docx", packed.getvalue())
    writer.root_object[NameObject("/Collection")] = DictionaryObject({NameObject("/View"): NameObject("/D")})
    out = io.BytesIO()
    writer.write(out)
    document = read_bytes("公文包.pdf", out.getvalue())
    assert "走访慰问于10月下旬进行，请各单位做好准备。" in document.text
    assert document.text.startswith("附件：走访通知")
    # a blank PDF carrying nothing is still refused in one line
    blank = PdfWriter()
    blank.add_blank_page(595, 842)
    empty = io.BytesIO()
    blank.write(empty)
    with pytest.raises(Exception, match="没有可提取的文字"):
        read_bytes("空白.pdf", empty.getvalue())
