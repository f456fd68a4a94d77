"""corpus.pdf: text struck through in a PDF is not read. A draft printed with its tracked changes shown —
LibreOffice (and Word, 「显示标记」) strike deleted text through and underline inserted text — was read with
the deleted words in their sentences. PDFs made by LibreOffice from python-docx with real revisions
(w:ins, w:del), and by reportlab with rules drawn through and under words."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pytest

from corpus import parse_document, read_bytes, read_document
from tests.damaged_files import read_in_child

KEPT = [
    "过去一年，全市老干部工作取得了新的进展。",
    "老年大学新增学员三千人。",
    "要坚持把政治建设摆在首位，引导老同志坚定拥护“两个确立”。",
    "各级党委要把老干部工作纳入重要议事日程，每年至少专题研究一次。",
]
DELETED = [
    "这句话在修订中已经删除。",
    "原定于每季度召开一次座谈会，听取老同志对全市经济社会发展的意见建议，这一安排已经取消。",
]


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def revised_docx(path: Path) -> Path:
    """A speech with a tracked insertion and two tracked deletions (one long enough to wrap), an underlined
    word that is no revision, and a ruled table."""
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def revision(tag: str, text: str, n: int):  # type: ignore[no-untyped-def]
        mark = OxmlElement(tag)
        for key, value in (("w:id", str(n)), ("w:author", "张三"), ("w:date", "2024-03-10T00:00:00Z")):
            mark.set(qn(key), value)
        run, t = OxmlElement("w:r"), OxmlElement("w:delText" if tag == "w:del" else "w:t")
        t.text = text
        run.append(t)
        mark.append(run)
        return mark

    d = docx.Document()
    d.add_heading("在全市老干部工作会议上的讲话", level=0)
    d.add_paragraph("（二〇二四年三月十五日）")
    d.add_heading("一、充分肯定过去一年的工作成绩", level=1)
    p = d.add_paragraph(KEPT[0])
    p._p.append(revision("w:ins", KEPT[1], 1))
    p._p.append(revision("w:del", DELETED[0], 2))
    p = d.add_paragraph()
    p.add_run("要坚持")
    p.add_run("把政治建设摆在首位").underline = True
    p.add_run("，引导老同志坚定拥护“两个确立”。")
    p._p.append(revision("w:del", DELETED[1], 3))
    table = d.add_table(rows=2, cols=2)
    table.style = "Table Grid"
    for r, row in enumerate([("项目", "标准"), ("健康体检", "每年一次")]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    d.add_paragraph(KEPT[3])
    d.save(str(path))
    return path


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_a_libreoffice_pdf_printed_with_tracked_changes_reads_as_accepted(tmp_path: Path) -> None:
    from tests.fixtures.documents.make_fixtures import soffice

    docx_path = revised_docx(tmp_path / "讲话.docx")
    pdf = read_document(soffice(docx_path, "pdf"))
    for deleted in DELETED:
        assert not any(part in squeeze(pdf.text) for part in re.split(r"[，。]", deleted) if part)
    for kept in KEPT:
        assert squeeze(pdf.text).count(squeeze(kept)) == 1, kept
    assert "项目：健康体检；标准：每年一次" in pdf.text
    # the same text as the Word file it was printed from, which drops deleted revisions
    word = read_document(docx_path)
    assert [p.text for s in parse_document(pdf) for p in s.paragraphs] == [
        p.text for s in parse_document(word) for p in s.paragraphs
    ]


@pytest.mark.parametrize("shift", [0.0, 8.0, 40.0])
def test_words_with_a_rule_through_them_are_dropped_and_underlined_words_kept(shift: float) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4, invariant=1)
    size, x, y = 14.0, 72.0, 700.0
    c.setFont("STSong-Light", size)
    c.drawString(x, y + 40, "关于老年大学办学工作的讲话")
    kept, struck, underlined = "老年大学要坚持办学方向。", "开设课程十门。", "满足老同志学习需求。"
    for text, rule in ((kept, None), (struck, 0.3), (underlined, -0.15)):
        c.drawString(x, y, text)
        width = pdfmetrics.stringWidth(text, "STSong-Light", size)
        if rule is not None:
            c.setLineWidth(0.7)
            c.line(x, y + rule * size, x + width, y + rule * size)
        x += width
    c.showPage()
    c.save()
    data = out.getvalue()
    if shift:  # a page whose MediaBox does not start at 0 (cropped by pdfcrop, some scanners' PDFs)
        from pypdf import PdfReader, PdfWriter
        from pypdf.generic import RectangleObject

        writer = PdfWriter()
        for page in PdfReader(io.BytesIO(data)).pages:
            page.mediabox = RectangleObject([0, shift, float(A4[0]), float(A4[1]) + shift])
            writer.add_page(page)
        shifted = io.BytesIO()
        writer.write(shifted)
        data = shifted.getvalue()
    text = squeeze(read_bytes("讲话.pdf", data).text)
    assert kept in text and underlined in text
    assert struck not in text and "十门" not in text


def test_a_rule_running_on_past_the_words_it_crosses_is_no_strike() -> None:
    """A line drawn through text but running well past it on either side — a table's border through a
    tight cell's text, a chart's axis — strikes nothing: the words are kept (a strike spans what it strikes)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4, invariant=1)
    size = 12.0
    c.setFont("STSong-Light", size)
    c.drawString(72, 760, "关于老年大学办学工作的讲话")
    through, struck = "离休干部每人慰问金一千元。", "此句删除。"
    c.drawString(150, 700, through)
    width = pdfmetrics.stringWidth(through, "STSong-Light", size)
    c.drawString(150 + width, 700, struck)
    c.setLineWidth(0.7)
    c.line(60, 700 + 0.3 * size, 540, 700 + 0.3 * size)  # a border across the page, through both
    struck_width = pdfmetrics.stringWidth(struck, "STSong-Light", size)
    c.line(150 + width, 680 + 0.3 * size, 150 + width + struck_width, 680 + 0.3 * size)
    c.drawString(150 + width, 680, struck)  # the same words below, struck through exactly
    c.showPage()
    c.save()
    text = squeeze(read_bytes("讲话.pdf", out.getvalue()).text)
    assert through in text and text.count(struck) == 1


def crowded_page(lines: int, *, doubled_every: int = 0) -> bytes:
    """One page of `lines` lines of Chinese (a poster, a dense table on A3: some 30 characters a line), every
    `doubled_every`-th line printed again 0.3 pt to the right as a program fakes bold, and one 3 pt apart
    (no double: a different place)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    height = 40 + 14 * lines
    c = canvas.Canvas(out, pagesize=(595, height))
    c.setFont("STSong-Light", 12)
    for n in range(lines):
        text = f"第{n}行：关于做好离休干部体检工作的通知。各单位要高度重视。"
        c.drawString(20, height - 20 - 14 * n, text)
        if doubled_every and n % doubled_every == 0:
            c.drawString(20.3, height - 20 - 14 * n, text)
        if doubled_every and n == 1:
            c.drawString(23, height - 20 - 14 * n, text)
    c.showPage()
    c.save()
    return out.getvalue()


def test_doubled_characters_are_the_ones_pdfplumber_finds() -> None:
    """`_deduped` drops what pdfplumber's dedupe_chars() drops and keeps the rest in the page's order."""
    import pdfplumber

    from corpus.pdf import _deduped

    with pdfplumber.open(io.BytesIO(crowded_page(40, doubled_every=3))) as pdf:
        page = pdf.pages[0]
        kept = _deduped(page).chars
        assert len(kept) < len(page.chars)
        assert [id(c) for c in kept] == [id(c) for c in page.dedupe_chars().chars]


def test_a_page_of_25000_characters_reads_in_seconds(tmp_path: Path) -> None:
    """pdfplumber's dedupe_chars() orders what it keeps by list.index, a scan per character: such a page took
    82 s (a child process, so that a return of the old way times out rather than stalls the suite)."""
    path = tmp_path / "海报.pdf"
    path.write_bytes(crowded_page(1000))
    run = read_in_child(path, timeout=60)
    assert run.returncode == 0, run.stderr
    assert len(run.stdout.strip()) > 25_000
