"""A second independent pass over fresh documents (Word files exported by LibreOffice, reportlab PDFs, a
notice scanned by pdftoppm, GB18030 text), and the general rules its defects led to:

- a PDF's footnotes (small type at a page's foot, opening with a mark) are read after the paragraph that
  runs on over the page break, not in the middle of it, and the raised reference mark adds nothing;
- a page header printed on too few pages to recur — page 2 of two under Word's 「首页不同」, the header of a
  later section, the even pages' header — is dropped like a running one, not read into the body;
- a signature set on the right under an 附件 list whose items end together is not a second column;
- a 版记 set as a one-column table is no body text `add --check` reports lost;
- a common name after a post (「市委老干部局局长　韩立新」) is the speaker even where jieba does not tag it
  as a name;
- RapidOCR reads an upright page without turning single lines (its line classifier lost body lines).
"""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus import HEAD_SECTION, check_conservation, chunk_speech, parse_document, read_bytes
from corpus.columns import read_columns
from corpus.layout import Line, Page, paragraph_blocks, remove_running_lines, split_footnotes

EXAMPLES = int(os.environ.get("SPEECHQA_PROPERTY_EXAMPLES", "25"))
FIXTURES = Path(__file__).parent / "fixtures" / "documents"
PLAIN = "的在不了有和人这中大为上个我以他时用们生到作地于出就分对成会可主发动同工也能下过子说产种而后多定行学法所民得经"
HEADER = "银发先锋志愿服务队成立大会材料"


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def assert_once_in_order(sentences: list[str], text: str) -> None:
    flat, position = squeeze(text), 0
    for sentence in sentences:
        s = squeeze(sentence)
        assert flat.count(s) == 1, sentence
        found = flat.find(s, position)
        assert found >= 0, f"out of order: {sentence}"
        position = found + len(s)


# --- PDFs made by reportlab: a footnote at page 1's foot, a header on later pages only ----------------


def speech_pdf(paragraphs: list[str], note: str | None, *, header_later: bool, top: float = 72) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    font = "STSong-Light"
    body = ParagraphStyle("body", fontName=font, fontSize=14, leading=24, firstLineIndent=28, wordWrap="CJK")
    title = ParagraphStyle("title", fontName=font, fontSize=20, leading=30, alignment=1)

    def first(canvas, doc) -> None:  # type: ignore[no-untyped-def]
        canvas.setFont(font, 10)
        canvas.drawCentredString(A4[0] / 2, 30, f"- {doc.page} -")
        if note:  # a footnote as Word prints one: a rule, then its mark and text in small type
            canvas.line(72, 82, 200, 82)
            canvas.setFont(font, 9)
            canvas.drawString(72, 66, f"① {note}")

    def later(canvas, doc) -> None:  # type: ignore[no-untyped-def]
        canvas.setFont(font, 10)
        canvas.drawCentredString(A4[0] / 2, 30, f"- {doc.page} -")
        if header_later:
            canvas.drawCentredString(A4[0] / 2, A4[1] - 40, HEADER)

    marked = [f"{p}<super>①</super>" if note and i == 0 else p for i, p in enumerate(paragraphs)]
    story = [Paragraph("在老干部志愿服务队成立大会上的讲话", title)]
    story += [Paragraph(p, body) for p in marked]
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4, topMargin=top, bottomMargin=100, invariant=1).build(
        story, onFirstPage=first, onLaterPages=later
    )
    return out.getvalue()


sentence = st.text(PLAIN, min_size=12, max_size=40)
long_paragraph = st.lists(sentence, min_size=4, max_size=9)


@settings(max_examples=max(5, EXAMPLES // 3), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(long_paragraph, min_size=5, max_size=9), st.integers(0, 120), st.booleans())
def test_a_footnote_and_a_later_pages_header_never_cut_a_paragraph_running_over_the_page_break(
    texts: list[list[str]], top: int, header_later: bool
) -> None:
    """Whatever paragraph the page break falls in: every sentence once and in order, the footnote once as
    a paragraph of its own after the paragraph page 1 ends in, the header of page 2 nowhere."""
    # each sentence made unique by its place, so that "once" means something
    paragraphs = ["".join(f"{t}第{i}段{k}句。" for k, t in enumerate(p)) for i, p in enumerate(texts)]
    note = "数据截至二〇二三年十二月二十日，以各区县报名汇总表为准。"
    document = read_bytes("讲话.pdf", speech_pdf(paragraphs, note, header_later=header_later, top=72 + top))
    body = [s for p in paragraphs for s in re.findall(r"[^。]+。", p)]
    assert_once_in_order(body, document.text)
    lines = document.text.split("\n")
    assert note in lines  # whole, alone on its line, without its mark
    assert "①" not in document.text and HEADER not in document.text


def test_the_footnote_follows_the_paragraph_that_runs_over_the_page_break() -> None:
    """The paragraph page 1 ends in is whole, and the footnote comes right after it (regression: it was
    read where it is printed, 「……八十岁以上的①数据来源：……。」, and cut that paragraph in two)."""
    paragraphs = [
        f"第{n}批报名的老同志热情很高，其中有不少离休干部，大家参加志愿服务的积极性很高，"
        "各区县老干部局要认真做好登记、培训和保险等工作，让老同志放心参加、安心服务。" * 3
        for n in "一二三四五六七八"
    ]
    note = "数据截至二〇二三年十二月二十日。"
    for top in range(72, 200, 12):
        text = read_bytes("讲话.pdf", speech_pdf(paragraphs, note, header_later=True, top=top)).text
        lines = text.split("\n")
        spanning = next((i for i, line in enumerate(lines) if line == note), None)
        assert spanning is not None and spanning > 0
        assert squeeze(lines[spanning - 1]) in {squeeze(p) for p in paragraphs}
        assert HEADER not in text


# --- page furniture on synthetic pages ---------------------------------------------------------------

WIDTH, HEIGHT, LEFT, RIGHT, SIZE, PITCH = 595.0, 842.0, 72.0, 523.0, 14.0, 24.0


def body_lines(texts: list[str]) -> tuple[Line, ...]:
    return tuple(
        Line(
            text=t, x0=LEFT, x1=RIGHT, top=100 + i * PITCH, bottom=100 + i * PITCH + SIZE, font="S", size=SIZE
        )
        for i, t in enumerate(texts)
    )


def header(text: str) -> Line:
    return Line(text=text, x0=230, x1=365, top=40, bottom=50, font="S", size=10)


@settings(max_examples=EXAMPLES, deadline=None)
@given(
    st.lists(st.sampled_from(["", "A", "B"]), min_size=2, max_size=6),
    st.lists(st.text(PLAIN, min_size=8, max_size=30), min_size=2, max_size=6),
)
def test_a_header_on_only_some_pages_is_dropped_wherever_it_recurs_too_rarely(
    headers: list[str], texts: list[str]
) -> None:
    """Pages whose header is one of two texts (a later section's, the even pages'), or none: no header
    text reaches the body, and every body line is kept once, in order."""
    names = {"A": "海宁区委老干部局文件汇编", "B": "培训班材料之二"}
    pages = []
    for n, which in enumerate(headers):
        lines = body_lines([f"{t}第{n}页{k}" for k, t in enumerate(texts)])
        pages.append(
            Page(lines=((header(names[which]),) if which else ()) + lines, width=WIDTH, height=HEIGHT)
        )
    kept = [line.text for page in remove_running_lines(pages) for line in page.lines]
    assert kept == [f"{t}第{n}页{k}" for n in range(len(headers)) for k, t in enumerate(texts)]


def test_a_body_line_at_the_top_of_a_page_is_not_taken_for_a_header() -> None:
    """A page whose text starts higher than the others' (no header there) keeps its first line: only a
    smaller line above where the body begins on every page, over a gap, is a lone header."""
    table_page = (
        Line("单位：万元", LEFT, 140, 100, 110, font="S", size=10),
        Line("表后说明。", LEFT, RIGHT, 116, 130, font="S", size=SIZE),
    )
    pages = [
        Page(lines=(header("老干部工作简报"), *body_lines(["正文第一页。"] * 3)), width=WIDTH, height=HEIGHT),
        Page(lines=body_lines(["正文第二页。", "接着写。", "又一行。"]), width=WIDTH, height=HEIGHT),
        Page(lines=table_page, width=WIDTH, height=HEIGHT),
    ]
    kept = [line.text for page in remove_running_lines(pages) for line in page.lines]
    assert "单位：万元" in kept and "老干部工作简报" not in kept


@settings(max_examples=EXAMPLES, deadline=None)
@given(
    st.lists(
        st.lists(st.text(PLAIN, min_size=20, max_size=60), min_size=2, max_size=4), min_size=2, max_size=5
    ),
    st.integers(1, 12),
    st.lists(st.text(PLAIN, min_size=4, max_size=40), min_size=1, max_size=3),
)
def test_footnotes_are_read_after_the_paragraph_the_page_ends_in(
    paragraphs: list[list[str]], per_page: int, notes: list[str]
) -> None:
    """Paragraphs as full lines (the first indented, the last short), cut into pages of `per_page` lines, page 1 with
    footnotes in small type at its foot: every paragraph whole, in order, the notes once each, right
    after the paragraph that holds page 1's last line."""
    lines: list[tuple[str, int, bool, bool]] = []
    for index, paragraph in enumerate(paragraphs):
        for k, text in enumerate(paragraph):
            lines.append((f"{text}{index}{k}", index, k == 0, k == len(paragraph) - 1))
    pages = []
    for start in range(0, len(lines), per_page):
        chunk = lines[start : start + per_page]
        printed = []
        for row, (text, _, first, last) in enumerate(chunk):
            top = 100 + row * PITCH
            x0 = LEFT + 2 * SIZE if first else LEFT
            x1 = LEFT + 10 * SIZE if last else RIGHT
            printed.append(Line(text=text, x0=x0, x1=x1, top=top, bottom=top + SIZE, font="S", size=SIZE))
        foot = []
        if start == 0:
            for n, note in enumerate(notes):
                top = 760 + n * 12
                foot.append(Line(text=f"{n + 1} {note}", x0=LEFT, x1=300, top=top, bottom=top + 9, size=9))
        pages.append(Page(lines=tuple(printed + foot), width=WIDTH, height=HEIGHT))
    blocks = paragraph_blocks(split_footnotes(pages))
    texts = [block.text for block in blocks]
    expected = ["".join(f"{t}{i}{k}" for k, t in enumerate(p)) for i, p in enumerate(paragraphs)]
    holder = lines[min(per_page, len(lines)) - 1][1]
    assert texts == [*expected[: holder + 1], *notes, *expected[holder + 1 :]]
    assert [b.kind for b in blocks].count("note") == len(notes)


@settings(max_examples=EXAMPLES, deadline=None)
@given(
    st.lists(
        st.lists(st.text(PLAIN, min_size=20, max_size=60), min_size=2, max_size=4), min_size=2, max_size=5
    ),
    st.integers(1, 12),
    st.data(),
)
def test_a_footnote_follows_the_paragraph_holding_its_mark_unless_the_mark_is_ambiguous(
    paragraphs: list[list[str]], per_page: int, data: st.DataObject
) -> None:
    """Paragraphs ending their sentences, cut into pages of `per_page` lines, page 1 with footnotes at its
    foot, each referenced by a raised mark in a line of page 1: each note follows the paragraph holding its
    mark; a mark held by two paragraphs (or by none) leaves its note after the paragraph page 1 ends in.
    Every paragraph whole, in order, every note once."""
    lines: list[tuple[str, int, bool, bool]] = []
    for index, paragraph in enumerate(paragraphs):
        for k, text in enumerate(paragraph):
            end = "。" if k == len(paragraph) - 1 else ""
            lines.append((f"{text}{index}{k}{end}", index, k == 0, k == len(paragraph) - 1))
    first_page = lines[:per_page]
    count = data.draw(st.integers(1, 3))
    referencing = [data.draw(st.integers(-1, len(first_page) - 1)) for _ in range(count)]  # -1: no mark
    twice = data.draw(st.sampled_from([None, *range(count)]))  # a note whose mark a second line holds too
    second = data.draw(st.integers(0, len(first_page) - 1))
    marks: dict[int, list[str]] = {}
    for n, row in enumerate(referencing):
        if row >= 0:
            marks.setdefault(row, []).append(str(n + 1))
    if twice is not None:
        marks.setdefault(second, []).append(str(twice + 1))
    pages = []
    for start in range(0, len(lines), per_page):
        printed = []
        for row, (text, _, first, last) in enumerate(lines[start : start + per_page]):
            top = 100 + row * PITCH
            x0 = LEFT + 2 * SIZE if first else LEFT
            x1 = LEFT + 10 * SIZE if last else RIGHT
            held = tuple(marks.get(row, [])) if start == 0 else ()
            printed.append(
                Line(text=text, x0=x0, x1=x1, top=top, bottom=top + SIZE, font="S", size=SIZE, marks=held)
            )
        foot = []
        if start == 0:
            for n in range(count):
                top = 760 + n * 12
                foot.append(
                    Line(text=f"{n + 1} 注释{n + 1}的内容", x0=LEFT, x1=300, top=top, bottom=top + 9, size=9)
                )
        pages.append(Page(lines=tuple(printed + foot), width=WIDTH, height=HEIGHT))
    texts = [block.text for block in paragraph_blocks(split_footnotes(pages))]
    expected = [
        "".join(f"{t}{i}{k}" + ("。" if k == len(p) - 1 else "") for k, t in enumerate(p))
        for i, p in enumerate(paragraphs)
    ]
    holder = first_page[-1][1]  # the paragraph page 1 ends in
    after: dict[int, list[str]] = {}
    for n in range(count):
        holders = {first_page[r][1] for r, held in marks.items() if str(n + 1) in held}
        target = next(iter(holders)) if len(holders) == 1 else holder
        after.setdefault(target, []).append(f"注释{n + 1}的内容")
    assert texts == [t for i, paragraph in enumerate(expected) for t in (paragraph, *after.get(i, []))]


# --- a signature under an 附件 list whose items end together ------------------------------------------


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.integers(1, 4), st.integers(10, 20), st.integers(12, 18), st.integers(14, 24))
def test_a_signature_under_an_attachment_list_is_not_a_second_column(
    items: int, item_chars: int, size: int, contact_chars: int
) -> None:
    """A paragraph's short last line, 附件 items of one length (so they end together), the signature set
    flush right below them, a contact line and a 抄送 line: read top to bottom, not as two columns."""
    right = 40 * size
    lines = [Line("讲" * 12, 0.0, 12 * size, 0.0, size, size=size)]
    top = 2.0 * size
    for n in range(items):
        x0 = 2 * size if n == 0 else 5 * size
        lines.append(Line("附" * item_chars, x0, x0 + item_chars * size, top, top + size, size=size))
        top += 2 * size
    top += 2 * size  # a blank line or two under the 附件说明, as notices leave
    for n in (10, 8):
        lines.append(Line("签" * n, right - n * size, right, top, top + size, size=size))
        top += 2 * size
    lines.append(Line("联" * contact_chars, 0.0, contact_chars * size, top, top + size, size=size))
    top += 8 * size
    lines.append(Line("抄" * 22, 0.0, 22 * size, top, top + size, size=size))
    page = Page(lines=tuple(lines), width=right + 50, height=top + 50)
    assert [line.text for line in read_columns(page).lines] == [line.text for line in lines]


# --- a 版记 set as a one-column table in a Word file --------------------------------------------------


def notice_docx(sentences: list[str], copied: str) -> bytes:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    doc = Document()
    doc.add_paragraph("关于开展银龄讲堂活动的通知")
    doc.add_paragraph("各县（市、区）委老干部局：")
    for text in sentences:
        doc.add_paragraph(text)
    for line in ("青州市委老干部局", "2025年3月20日"):
        doc.add_paragraph(line).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    table = doc.add_table(rows=2, cols=1)
    table.cell(0, 0).text = f"抄送：{copied}。"
    table.cell(1, 0).text = "青州市委老干部局办公室　　2025年3月20日印发"
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


@settings(max_examples=EXAMPLES, deadline=None)
@given(
    st.lists(st.text(PLAIN, min_size=6, max_size=40), min_size=1, max_size=5),
    st.lists(st.text(PLAIN, min_size=2, max_size=8), min_size=1, max_size=4).map("，".join),
)
def test_an_imprint_set_as_a_table_is_no_body_text_reported_lost(texts: list[str], copied: str) -> None:
    sentences = [f"{t}第{n}条。" for n, t in enumerate(texts)]
    document = read_bytes("通知.docx", notice_docx(sentences, copied))
    [speech] = parse_document(document)
    passages = [d.text for d in chunk_speech(speech)]
    kept = check_conservation(document, passages)
    assert kept.ok, kept.missing
    body = [d.text for d in chunk_speech(speech) if d.section != HEAD_SECTION]
    assert speech.date == "2025-03-20" and not any("抄送" in p for p in body)
    # the table's 版记 is the notice's 「文件信息」, as one set in lines is
    assert speech.paragraphs[0].text.endswith(
        f"抄送：{copied}。印发机关：青州市委老干部局办公室。印发日期：2025年3月20日。"
    )
    assert_once_in_order(sentences, "".join(passages))


# --- a common name after a post --------------------------------------------------------------------

GIVEN_WORDS = ["立新", "建国", "和平", "胜利", "解放", "春生", "国强", "建华", "志刚", "军", "明", "强"]
SURNAMES = ["张", "韩", "马", "方", "石", "钱", "常", "文", "安", "成", "时", "向", "黄", "刘", "林", "欧阳"]
POSTS = ["市委老干部局局长", "区委组织部副部长、区委老干部局局长", "县委副书记", "市委老干部局党组书记"]


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.sampled_from(SURNAMES), st.sampled_from(GIVEN_WORDS), st.sampled_from(POSTS), st.booleans())
def test_a_name_after_a_post_is_the_speaker_even_when_its_given_name_is_a_word(
    surname: str, given_name: str, post: str, spaced: bool
) -> None:
    name = surname + given_name
    text = "\n".join(
        [
            "在全市老干部书画摄影作品展开幕式上的致辞",
            f"{post}{'　' if spaced else ''}{name}",
            "（二〇二四年三月五日）",
            "各位老同志：",
            "今天我们在市文化馆举行展览开幕式。希望大家继续发挥特长！",
        ]
    )
    [speech] = parse_document(read_bytes("致辞.txt", text.encode("gb18030")))
    assert (speech.title, speech.speaker, speech.date) == (
        "在全市老干部书画摄影作品展开幕式上的致辞",
        name,
        "2024-03-05",
    )


@settings(max_examples=EXAMPLES, deadline=None)
@given(
    st.sampled_from([s for s in SURNAMES if len(s) == 1]),
    st.sampled_from(["芳", "军", "明", "强", "伟", "敏", "静", "涛"]),
    st.sampled_from(POSTS),
    st.sampled_from(["　", "  ", " "]),  # a full-width space, two half-width ones or one
    st.sampled_from(["　", "  "]),
    st.booleans(),
)
def test_a_two_character_name_spaced_out_after_a_post_is_the_speaker(
    surname: str, given_name: str, post: str, between: str, after_post: str, word: bool
) -> None:
    """Offices pad a two-character name to a three-character one's width (「组织部部长　王　芳」); before, the
    line was read into the title and the speech had no speaker (a line of the name alone was right). The
    same line in a Word file's Subtitle style likewise."""
    line = f"{post}{after_post}{surname}{between}{given_name}"
    header = ["在全市老干部书画摄影作品展开幕式上的致辞", line, "（二〇二四年三月五日）"]
    body = ["各位老同志：", "今天我们在市文化馆举行展览开幕式。希望大家继续发挥特长！"]
    if word:
        import docx

        d = docx.Document()
        d.add_paragraph(header[0], style="Title")
        for text in header[1:]:
            d.add_paragraph(text, style="Subtitle")
        for text in body:
            d.add_paragraph(text)
        out = io.BytesIO()
        d.save(out)
        document = read_bytes("致辞.docx", out.getvalue())
    else:
        document = read_bytes("致辞.txt", "\n".join(header + body).encode("gb18030"))
    [speech] = parse_document(document)
    assert (speech.title, speech.speaker, speech.date) == (header[0], surname + given_name, "2024-03-05")


@pytest.mark.parametrize("line", ["市委老干部局局长　和他们", "县委书记　高标准"])
def test_words_after_a_post_are_not_taken_for_a_name(line: str) -> None:
    text = f"关于做好老干部工作的几点意见\n{line}\n各位老同志：\n今天开会。大家辛苦了。\n"
    [speech] = parse_document(read_bytes("意见.txt", text.encode("utf-8")))
    assert speech.speaker is None


# --- OCR: lines of an upright page are not turned one by one ---------------------------------------


def test_rapidocr_reads_every_line_of_an_upright_scan() -> None:
    """The top of a notice printed by LibreOffice, rendered by pdftoppm at 150 dpi and made 1-bit
    (`make_ocr_line_direction.py`): RapidOCR's line classifier took a body line for upside down and the
    line was lost; read without it, the line is there."""
    pytest.importorskip("rapidocr")
    from corpus import ocr

    engine = ocr.installed_engines()
    rapid = next((e for e in engine if e.name == "RapidOCR"), None)
    if rapid is None:
        pytest.skip("RapidOCR could not start")
    data = (FIXTURES / "ocr_line_direction.png").read_bytes()
    [page] = ocr.read_image("通知.png", data, reader=rapid)
    text = squeeze("".join(line.text for line in page.lines))
    assert "历讲身边事、讲奋斗史。宣讲稿由各单位审核把关" in text
    assert "关于开展2025年度离退休干部“银龄讲堂”活动的通" in text
