"""What stands at the top of a printed page: a one-page PDF's running header set in the body's own type is
dropped (it used to be read into the title), a title or a document number there is not; and a date on a line
of its own is never the wrapped end of the title above it (a scan of a left-aligned title in the body's type
took its date line as part of the title). PDFs are made by reportlab and by LibreOffice from python-docx; the
scan is LibreOffice's page rendered by pdfium at 150 dpi and read by the installed OCR engine."""

from __future__ import annotations

import io
import os
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus import HEAD_SECTION, installed_engines, parse_document, read_bytes, read_document
from corpus.layout import Line, Page, paragraph_blocks

EXAMPLES = int(os.environ.get("SPEECHQA_PROPERTY_EXAMPLES", "25"))
TITLE = "在全市老干部志愿服务工作推进会上的讲话"
SPEAKER = "周建平"
DATE_LINE = "（2024年8月6日）"
SENTENCES = [
    "近年来，全市老干部志愿服务队伍不断壮大。",
    "目前全市共有志愿服务队三百一十二支，注册志愿者一万四千余人。",
    "老同志们积极参与基层治理、关心下一代、文明城市创建等工作。",
    "要健全志愿服务激励机制，对表现突出的志愿服务队和个人进行通报表扬。",
    "让我们共同努力，把这项工作做得更好！",
]
HEADERS = [
    "老干部工作简报　第3期",
    "中共某某市委老干部局",
    "银龄志愿服务简报",
    "内部资料　注意保存",
    "2024年第5期",
]
CM = 72 / 2.54


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def assert_once_in_order(sentences: list[str], text: str) -> None:
    flat, position = squeeze(text), 0
    for sentence in sentences:
        assert flat.count(squeeze(sentence)) == 1, sentence
        found = flat.find(squeeze(sentence), position)
        assert found >= 0, f"out of order: {sentence}"
        position = found + len(squeeze(sentence))


def cjk_styles(size: float):  # type: ignore[no-untyped-def]
    """reportlab's CJK font (registered) and the body and centred paragraph styles of these pages."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    font = "STSong-Light"
    body = ParagraphStyle("body", fontName=font, fontSize=size, leading=size * 1.6, firstLineIndent=2 * size)
    body.wordWrap = "CJK"
    return font, body, ParagraphStyle("centred", parent=body, firstLineIndent=0, alignment=1)


def reportlab_page(
    *,
    header: str | None,
    header_top: float,
    size: float,
    title_size: float,
    top_margin: float,
    letter: bool,
    first_line: str = TITLE,
) -> bytes:
    """One page: a header drawn at `header_top` points from the page's top in the body's type (or none),
    the title (`first_line`) in `title_size` at the top margin, speaker, date and the sentences."""
    from reportlab.lib.pagesizes import A4, LETTER
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    pagesize = LETTER if letter else A4
    font, body, centred = cjk_styles(size)
    title = ParagraphStyle("title", parent=centred, fontSize=title_size, leading=title_size * 1.5)

    def furniture(canvas, doc) -> None:  # type: ignore[no-untyped-def]
        if header:
            canvas.setFont(font, size)
            canvas.drawString(72, pagesize[1] - header_top - size, header)

    story = [Paragraph(first_line, title), Paragraph(SPEAKER, centred), Paragraph(DATE_LINE, centred)]
    story += [Paragraph(s, body) for s in SENTENCES]
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=pagesize, topMargin=top_margin, invariant=1).build(
        story, onFirstPage=furniture
    )
    return out.getvalue()


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(HEADERS),
    st.floats(0.9 * CM, 1.5 * CM),  # where Word (1.5 cm, 1.27 cm), WPS and reportlab print a header
    st.sampled_from([10.5, 12.0, 14.0, 16.0]),
    st.sampled_from([0, 4, 8]),  # the title as large as the body, or larger
    st.floats(2.5 * CM, 3.7 * CM),
    st.booleans(),
)
def test_a_one_page_header_in_the_body_type_is_not_read_into_the_title(
    header: str, header_top: float, size: float, larger: int, top_margin: float, letter: bool
) -> None:
    """Before: the header of a one-page PDF set in the body's own type (as Word's and LibreOffice's
    「页眉」 style is) was read as the document's first line, and the parser made it part of the title."""
    pdf = reportlab_page(
        header=header,
        header_top=header_top,
        size=size,
        title_size=size + larger,
        top_margin=top_margin,
        letter=letter,
    )
    document = read_bytes("讲话.pdf", pdf)
    assert squeeze(header) not in squeeze(document.text)
    assert_once_in_order(SENTENCES, document.text)
    (speech,) = parse_document(document)
    assert (speech.title, speech.speaker, speech.date) == (TITLE, SPEAKER, "2024-08-06")


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(
        [TITLE, "关于做好离退休干部健康体检工作的通知", "某老干发〔2024〕12号", "临老干办〔2024〕7号"]
    ),
    st.sampled_from([10.5, 12.0, 14.0, 16.0]),
    st.floats(2.0 * CM, 3.7 * CM),
    st.booleans(),
)
def test_a_first_line_in_the_body_type_where_the_text_begins_is_kept(
    first_line: str, size: float, top_margin: float, letter: bool
) -> None:
    """Without a header, the page's first line in the body's type — a title, a document number — stands at
    the top margin (2 cm or more): it is text, not a header, however far the next line is under it."""
    pdf = reportlab_page(
        header=None,
        header_top=0,
        size=size,
        title_size=size,
        top_margin=top_margin,
        letter=letter,
        first_line=first_line,
    )
    text = read_bytes("讲话.pdf", pdf).text
    assert squeeze(text).startswith(squeeze(first_line))
    assert_once_in_order(SENTENCES, text)


def test_a_document_number_in_the_header_zone_is_kept() -> None:
    """A notice with narrow margins opening with its 文号 as high as a header stands: it is the notice's
    own (a document number never heads a page)."""
    pdf = reportlab_page(
        header="某老干发〔2024〕12号",
        header_top=1.2 * CM,
        size=12,
        title_size=18,
        top_margin=3 * CM,
        letter=False,
    )
    assert "某老干发〔2024〕12号" in read_bytes("通知.pdf", pdf).text.splitlines()


def word_page(folder: Path, *, header: str, size: int) -> Path:
    """python-docx: a one-page speech whose page header is in the body's type, converted by LibreOffice."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    from tests.fixtures.documents.make_fixtures import east_asian, soffice

    d = docx.Document()
    d.styles["Normal"].font.size = Pt(size)
    east_asian(d.styles["Normal"], "Noto Serif CJK SC")
    d.styles["Header"].font.size = Pt(size)
    d.sections[0].header.paragraphs[0].text = header
    d.add_paragraph(TITLE, style="Title")
    for line in (SPEAKER, DATE_LINE):
        d.add_paragraph(line).alignment = WD_ALIGN_PARAGRAPH.CENTER
    for sentence in SENTENCES:
        d.add_paragraph(sentence).paragraph_format.first_line_indent = Pt(2 * size)
    path = folder / "讲话.docx"
    d.save(str(path))
    return soffice(path, "pdf")


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
@pytest.mark.parametrize("size", [11, 14])
def test_a_libreoffice_one_page_header_in_the_body_type_is_dropped(tmp_path: Path, size: int) -> None:
    header = "老干部工作简报　第3期"
    document = read_document(word_page(tmp_path, header=header, size=size))
    assert squeeze(header) not in squeeze(document.text)
    (speech,) = parse_document(document)
    assert (speech.title, speech.speaker, speech.date) == (TITLE, SPEAKER, "2024-08-06")
    assert_once_in_order(SENTENCES, document.text)


# --- a date on a line of its own under a title of the body's type --------------------------------------

DATES = [
    "2024年5月20日",
    "（2024年5月20日）",
    "二〇二四年五月二十日",
    "（二〇二四年五月二十日）",
    "2024.5.20",
]


@settings(max_examples=EXAMPLES, deadline=None)
@given(
    st.integers(0, 3),
    st.sampled_from(DATES),
    st.booleans(),
    st.booleans(),
)
def test_a_date_line_is_never_the_wrapped_end_of_the_line_above(
    short: int, date: str, ocr: bool, speaker_first: bool
) -> None:
    """Lines as OCR (no type size) or a text layer in one font give them: a title as wide as the text, or
    nearly (0–3 characters short), left-aligned, with the date (and the speaker) under it at the body's line
    pitch. The date is a paragraph of its own; the paragraph the body's wrapped lines make is whole."""
    size, left, right = 20.0, 100.0, 500.0
    title = "市委老干部局关于进一步加强和改进新时代离退休干部工作的讲话稿"[: 20 - short]
    texts = [title, SPEAKER, date] if speaker_first else [title, date, SPEAKER]
    wrapped = ["近年来，全市老干部志愿服务队伍不断壮大，目前全市共有", "志愿服务队三百一十二支。"]
    rights = [left + size * len(title), left + 3 * size, left + len(date) * size]
    lines = []
    for n, (text, x1) in enumerate(zip([*texts, *wrapped], [*rights, right, left + 12 * size], strict=True)):
        top = 100 + n * 1.6 * size
        lines.append(
            Line(
                text=text,
                x0=left + (2 * size if text == wrapped[0] else 0),
                x1=min(x1, right) if text != wrapped[0] else right,
                top=top,
                bottom=top + size * (1.1 if "（" in text and ocr else 1.0),
                font="" if ocr else "S",
                size=0.0 if ocr else size,
            )
        )
    blocks = [block.text for block in paragraph_blocks([Page(lines=tuple(lines), width=600, height=800)])]
    assert date in blocks and title in blocks
    assert "".join(wrapped) in blocks


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
@pytest.mark.skipif(not installed_engines(), reason="no OCR engine installed")
def test_a_scanned_left_aligned_title_keeps_its_date_apart(tmp_path: Path) -> None:
    """Before: 「市委老干部局关于…讲话稿2024年5月20日」, the date lost to the title."""
    import docx
    from docx.shared import Pt

    from tests.fixtures.documents.make_fixtures import east_asian, soffice
    from tests.fixtures.documents.make_scans import bilevel, render

    title = "市委老干部局关于进一步加强和改进新时代离退休干部工作的讲话稿"
    d = docx.Document()
    d.styles["Normal"].font.size = Pt(14)
    east_asian(d.styles["Normal"], "Noto Serif CJK SC")
    for line in (title, "2024年5月20日", "王明远", "同志们："):
        d.add_paragraph(line)
    for sentence in SENTENCES:
        d.add_paragraph(sentence).paragraph_format.first_line_indent = Pt(28)
    d.save(str(tmp_path / "scan.docx"))
    (page,) = render(soffice(tmp_path / "scan.docx", "pdf"))
    bilevel(page).save(tmp_path / "scan.png")
    (speech,) = parse_document(read_document(tmp_path / "scan.png"))
    assert (speech.title, speech.date, speech.speaker) == (title, "2024-05-20", "王明远")


# --- odd and even page headers in the body's type over items that differ only in their numbers --------


def items_docx(folder: Path, *, size: int, even_odd: bool) -> tuple[Path, list[str]]:
    """python-docx: a speech of numbered requirements written alike (「第17项…」「第37项…」), so that lines at
    the tops of pages are the same but for their numbers, under odd and even page headers (or one header
    on every page but the first) in the body's type; converted by LibreOffice."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    from tests.fixtures.documents.make_fixtures import east_asian, soffice

    d = docx.Document()
    d.styles["Normal"].font.size = Pt(size)
    east_asian(d.styles["Normal"], "Noto Serif CJK SC")
    d.add_paragraph(TITLE, style="Title")
    for line in (SPEAKER, DATE_LINE):
        d.add_paragraph(line).alignment = WD_ALIGN_PARAGRAPH.CENTER
    items = [
        f"第{n}项工作要求各单位认真落实离退休干部的各项待遇，切实把好事办好、实事办实。" for n in range(1, 41)
    ]
    for start in range(0, len(items), 4):
        d.add_paragraph("".join(items[start : start + 4])).paragraph_format.first_line_indent = Pt(2 * size)
    section = d.sections[0]
    if even_odd:
        d.settings.odd_and_even_pages_header_footer = True
        section.even_page_header.paragraphs[0].text = "市委老干部局"
    else:
        section.different_first_page_header_footer = True
    section.header.paragraphs[0].text = "老干部工作会议材料"
    d.save(str(folder / "讲话.docx"))
    return soffice(folder / "讲话.docx", "pdf"), items


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
@pytest.mark.parametrize("even_odd", [True, False], ids=["odd-even", "first-page-different"])
@pytest.mark.parametrize("size", [12, 14])
def test_lines_alike_but_for_numbers_at_page_tops_are_body_not_headers(
    tmp_path: Path, size: int, even_odd: bool
) -> None:
    """Before: 「第17项工作要求…」 and 「第37项工作要求…」, each the first line of a page, were taken for a running
    header (the same text, numbers aside) and dropped — two requirements lost — and the even pages'
    header 「市委老干部局」 was then read as a heading cutting the paragraph over the page break."""
    pdf, items = items_docx(tmp_path, size=size, even_odd=even_odd)
    document = read_document(pdf)
    assert_once_in_order(items, document.text)
    assert "老干部工作会议材料" not in document.text and "市委老干部局" not in document.text
    (speech,) = parse_document(document)
    assert {p.section for p in speech.paragraphs} == {None}


# --- the foot of a one-page notice: its footer, and items a few characters short of the margin ----------

NOTICE_ITEMS = [
    "慰问对象为全市离休干部、退休的副县级以上干部以及生活困难的退休干部。",
    "对患重病、长期住院的老同志，各单位要安排主要领导上门看望。",
]
NOTICE_SIGNATURE = "中共青州市委老干部局"
FOOTERS = ["— 内部资料　注意保存 —", "青州市委老干部局印发", "内部资料"]
# a footer with its page number after the phrase (Word's 「第 X 页」 field on a one-page notice: page 1)
NUMBERED_FOOTERS = ["青州市委老干部局办公室印发　第 1 页", "内部资料　- 1 -", "青州市委老干部局　1/1"]


def notice_docx(folder: Path, *, footer: str, size: int) -> Path:
    """python-docx: a one-page notice as an office writes one — 文号, title, addressee, headings of one
    length in a larger type, two items of Word's 「List Number」, a table, 附件, signature and date — with a
    page footer in the body's type, converted to PDF by LibreOffice."""
    import docx
    from docx.shared import Pt

    from tests.fixtures.documents.make_fixtures import east_asian, soffice

    d = docx.Document()
    d.styles["Normal"].font.size = Pt(size)
    east_asian(d.styles["Normal"], "Noto Serif CJK SC")
    d.styles["Footer"].font.size = Pt(size)
    d.sections[0].footer.paragraphs[0].text = footer
    d.add_paragraph("青老干发〔2024〕17号")
    d.add_heading("关于做好2024年离退休干部冬季慰问工作的通知", level=0)
    d.add_paragraph("各县（市、区）委老干部局，市直各单位：")
    d.add_paragraph("为进一步做好离退休干部服务管理工作，经研究，现就2024年冬季慰问工作通知如下。")
    d.add_heading("一、慰问对象", level=1)
    for item in NOTICE_ITEMS:
        d.add_paragraph(item, style="List Number")
    d.add_heading("二、慰问标准", level=1)
    table = d.add_table(rows=2, cols=2)
    table.style = "Table Grid"
    for r, row in enumerate([("类别", "标准"), ("离休干部", "每人1500元")]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    d.add_paragraph("慰问经费从老干部工作专项经费中列支，严禁超标准发放。")
    d.add_heading("三、工作要求", level=1)
    d.add_paragraph("各单位要在2025年1月20日前完成慰问工作，并将慰问情况报市委老干部局。")
    d.add_paragraph("附件：1.慰问对象花名册")
    d.add_paragraph(NOTICE_SIGNATURE)
    d.add_paragraph("二〇二四年十二月五日")
    path = folder / "通知.docx"
    d.save(str(path))
    return soffice(path, "pdf")


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
@pytest.mark.parametrize(
    ("footer", "size"),
    [
        (FOOTERS[0], 11),
        (FOOTERS[1], 14),
        (NUMBERED_FOOTERS[0], 11),
        (NUMBERED_FOOTERS[1], 14),
        (FOOTERS[1], 12),
    ],
)
def test_a_libreoffice_one_page_footer_is_dropped_and_the_items_stay_apart(
    tmp_path: Path, footer: str, size: int
) -> None:
    """Before: the footer of a one-page notice was read after the date, so the signature, the date and the
    footer ran into the 附件 line (「附件：1.慰问对象花名册中共青州市委老干部局二〇二四年十二月五日—内部资料…」)
    and the notice had no date; and its three equal headings, in a larger type, were taken for the text's
    right edge, so the first item (a few characters short of the margin) ran on into the second and was
    read as a heading over it. At 12 pt the first item fills its line to the margin, ending in 「。」: the
    line under it, 「2.」, opens the next item (it ran on into the first before)."""
    document = read_document(notice_docx(tmp_path, footer=footer, size=size))
    assert squeeze(footer) not in squeeze(document.text)
    (speech,) = parse_document(document)
    assert speech.date == "2024-12-05"
    texts = [p.text for p in speech.paragraphs if p.section != HEAD_SECTION]  # (the head names its 发文机关)
    for n, item in enumerate(NOTICE_ITEMS, start=1):
        assert f"{n}.{item}" in texts
    assert all(item not in (p.section or "") for p in speech.paragraphs for item in NOTICE_ITEMS)
    assert not any(NOTICE_SIGNATURE in text for text in texts)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm is not installed")
@pytest.mark.parametrize("footer", [NUMBERED_FOOTERS[0], NUMBERED_FOOTERS[2]])
def test_a_scanned_one_page_notice_loses_its_numbered_footer(tmp_path: Path, footer: str) -> None:
    """The one-page notice above printed and scanned (its PDF rendered at 150 dpi, a JPEG), read by OCR: a
    footer ending in its page number (「…办公室印发　第 1 页」) is no text of the notice. Before, the number's
    figure made the line look like a signature's or a 版记's, and 「青州市委老干部局办公室印发第1页」 ended the
    last passage (a newcomer's scan, docs/trial31.md)."""
    import subprocess

    from corpus import installed_engines

    if not installed_engines():
        pytest.skip("no OCR engine installed (pip install 'speechqa[ocr]')")
    pdf = notice_docx(tmp_path, footer=footer, size=14)
    subprocess.run(
        ["pdftoppm", "-r", "150", "-jpeg", "-singlefile", str(pdf), str(tmp_path / "扫描件")], check=True
    )
    document = read_document(tmp_path / "扫描件.jpg")
    (speech,) = parse_document(document)
    assert speech.date == "2024-12-05"
    body = squeeze("".join(p.text for p in speech.paragraphs))
    phrase = squeeze(footer.split("　")[0])
    assert phrase not in body.replace(squeeze(NOTICE_SIGNATURE), "")
    assert squeeze(NOTICE_ITEMS[1]) in body


def reportlab_notice(*, footer: str | None, footer_up: float, size: float, letter: bool) -> bytes:
    """One page: title, speaker, date and the sentences, the signature and date at the end, and a footer
    drawn in the body's type with its baseline `footer_up` points over the page's foot (or none)."""
    from reportlab.lib.pagesizes import A4, LETTER
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    pagesize = LETTER if letter else A4
    font, body, centred = cjk_styles(size)
    right = ParagraphStyle("right", parent=body, firstLineIndent=0, alignment=2)

    def furniture(canvas, doc) -> None:  # type: ignore[no-untyped-def]
        if footer:
            canvas.setFont(font, size)
            canvas.drawCentredString(pagesize[0] / 2, footer_up, footer)

    story = [Paragraph(TITLE, centred)]
    story += [Paragraph(s, body) for s in SENTENCES]
    story += [Paragraph(NOTICE_SIGNATURE, right), Paragraph("二〇二四年八月六日", right)]
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=pagesize, bottomMargin=2 * CM, invariant=1).build(
        story, onFirstPage=furniture
    )
    return out.getvalue()


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from([None, *FOOTERS]),
    st.floats(0.8 * CM, 1.6 * CM),  # where Word (1.75 cm to the footer's foot), WPS and LibreOffice print one
    st.sampled_from([10.5, 12.0, 14.0, 16.0]),
    st.booleans(),
)
def test_a_one_page_footer_in_the_body_type_is_dropped_and_the_date_kept(
    footer: str | None, footer_up: float, size: float, letter: bool
) -> None:
    """The footer of a one-page PDF is not read; the signature and date over it stay the notice's (without
    a footer, the date, the page's last line, is kept too)."""
    document = read_bytes(
        "通知.pdf", reportlab_notice(footer=footer, footer_up=footer_up, size=size, letter=letter)
    )
    if footer:
        assert squeeze(footer) not in squeeze(document.text)
    assert_once_in_order(SENTENCES, document.text)
    (speech,) = parse_document(document)
    assert speech.date == "2024-08-06"
    assert not any(NOTICE_SIGNATURE in p.text for p in speech.paragraphs)


def reportlab_crowded_page(last: str, *, size: float = 12.0) -> bytes:
    """One A4 page as a narrow-margin, double-spaced notice fills it: the title, the sentences, the
    signature, a blank line, and `last` right-aligned at the very foot (baseline 1 cm up), inside the band
    where producers print footers."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4, invariant=1)
    page.setFont("STSong-Light", size)
    width, _ = A4
    leading = 2 * size  # double spacing: more than a line's height between lines
    y = 1.0 * CM + 2 * leading  # the signature, a blank line over `last`
    lines = [(TITLE, "centre"), *[(s, "left") for s in SENTENCES * 6], (NOTICE_SIGNATURE, "right")]
    for text, where in reversed(lines):
        if where == "centre":
            page.drawCentredString(width / 2, y, text)
        elif where == "right":
            page.drawRightString(width - 1.27 * CM, y, text)
        else:
            page.drawString(1.27 * CM + 2 * size, y, text)
        y += leading
    page.drawRightString(width - 1.27 * CM, 1.0 * CM, last)
    page.save()
    return out.getvalue()


@pytest.mark.parametrize("last", ["二〇二四年八月六日", "2024年8月6日", "联系人：王芳　电话：0577-88886666"])
def test_a_date_or_contact_line_at_the_foot_of_a_crowded_page_is_kept(last: str) -> None:
    """A one-page notice set with narrow margins and double spacing ends with its date (or a contact line)
    where footers stand, a blank line under the signature: that line is the notice's, never a footer."""
    document = read_bytes("通知.pdf", reportlab_crowded_page(last))
    assert squeeze(last) in squeeze(document.text)
    assert squeeze(document.text).endswith(squeeze(last))


def test_an_indented_paragraph_after_a_numbered_item_ending_at_the_margin_stays_apart() -> None:
    """A numbered item whose sentence ends at the right margin (justified Chinese text often does) is not
    a wrapped item: the indented line under it opens the next paragraph, and is not joined onto the item;
    an item that wraps mid-sentence under its hanging indent still stays whole."""
    size, left = 16.0, 90.0
    right = left + 26 * size

    def line(text: str, x0: float, top: float, full: bool) -> Line:
        return Line(text, x0, right if full else x0 + size * len(text), top, top + size, size=size)

    rows = [
        ("1.各单位要于十二月底前将慰问情况书面报送市委老干部局，逾期不报的予", left, True),
        ("以通报。", left + 2 * size, False),  # a wrap under the item's hanging indent
        ("2.慰问经费从专项经费中列支，严禁超标准、超范围发放慰问金和慰问品。", left, True),
        ("各县（市、区）要参照本通知精神，结合本地实际，做好本地区离退休干", left + 2 * size, True),
        ("部的慰问工作。", left, False),
    ]
    lines = [line(text, x0, 80 + n * 1.8 * size, full) for n, (text, x0, full) in enumerate(rows)]
    blocks = [block.text for block in paragraph_blocks([Page(lines=tuple(lines), width=595.3, height=841.9)])]
    assert blocks == [
        "1.各单位要于十二月底前将慰问情况书面报送市委老干部局，逾期不报的予以通报。",
        "2.慰问经费从专项经费中列支，严禁超标准、超范围发放慰问金和慰问品。",
        "各县（市、区）要参照本通知精神，结合本地实际，做好本地区离退休干部的慰问工作。",
    ]


def left_title_page(*, title: str, title_size: float, leading: float, size: float) -> bytes:
    """One page: a left-aligned title in `title_size` with `leading` (times its size) that wraps, the date
    on a line of its own in the body's type, and the sentences."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    _, body, _ = cjk_styles(size)
    heading = ParagraphStyle("title", parent=body, fontSize=title_size, leading=title_size * leading)
    heading.firstLineIndent = 0
    dateline = ParagraphStyle("date", parent=body, firstLineIndent=0)
    story = [Paragraph(title, heading), Paragraph("2024年12月", dateline)]
    story += [Paragraph(s, body) for s in SENTENCES]
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4, invariant=1).build(story)
    return out.getvalue()


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    words=st.integers(3, 6),
    title_size=st.sampled_from([16.0, 18.0, 22.0, 26.0]),
    leading=st.sampled_from([1.2, 1.35, 1.5]),
    size=st.sampled_from([10.5, 12.0, 14.0]),
)
def test_a_left_aligned_title_in_a_large_type_keeps_its_wrapped_lines(
    words: int, title_size: float, leading: float, size: float
) -> None:
    """Its lines stand further apart than the body's: before, the step between them, measured against the
    body's line pitch, cut the title's last line off (「全市…汇编（2024」 / 「年）」, the date run into it)."""
    title = "全市离退休干部服务管理工作" * words + "文件汇编（2024年）"
    pdf = left_title_page(title=title, title_size=title_size, leading=leading, size=size)
    [speech] = parse_document(read_bytes("汇编.pdf", pdf))
    assert (squeeze(speech.title), speech.date) == (title, "2024-12")
