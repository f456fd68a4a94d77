"""corpus.layout: running headers, footers and page numbers go; wrapped lines and page breaks are joined."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from corpus.layout import Line, Page, is_page_number, join, paragraphs, remove_running_lines, tidy_line

WIDTH, HEIGHT = 595.0, 842.0
LEFT, RIGHT, SIZE, PITCH = 90.0, 505.0, 16.0, 28.0


def body_line(text: str, row: int, *, indent: bool = False, full: bool = True) -> Line:
    x0 = LEFT + (2 * SIZE if indent else 0)
    x1 = RIGHT if full else x0 + SIZE * len(text)
    top = 120 + row * PITCH
    return Line(text=text, x0=x0, x1=x1, top=top, bottom=top + SIZE, font="Serif", size=SIZE)


def margin_line(text: str, *, top: bool) -> Line:
    y = 40.0 if top else 790.0
    return Line(text=text, x0=250, x1=345, top=y, bottom=y + 10, font="Serif", size=10)


@pytest.mark.parametrize(
    "text",
    [
        "12",
        "— 12 —",
        "- 3 -",
        "－ 7 －",
        "第 3 页 共 9 页",
        "第3页",
        "共9页 第3页",
        "3/9",
        "Page 3 of 9",
        "(4)",
        "iv",
    ],
)
def test_page_numbers_in_any_form_are_recognised(text: str) -> None:
    assert is_page_number(text)


@pytest.mark.parametrize("text", ["2024年3月15日", "一、总体要求", "第三条 离休干部", "12月", "100%"])
def test_ordinary_short_lines_are_not_page_numbers(text: str) -> None:
    assert not is_page_number(text)


def pages_with_running_lines(count: int) -> list[Page]:
    pages = []
    for n in range(1, count + 1):
        lines = (
            margin_line("中共某某市委老干部局", top=True),
            body_line(f"第{n}页的正文，讲的是离休干部的待遇问题，这一行排满了整整一行的宽度，", 0),
            body_line(f"接着是第{n}页的第二行。", 1, full=False),
            margin_line(f"— {n} —", top=False),
        )
        pages.append(Page(lines=lines, width=WIDTH, height=HEIGHT))
    return pages


def test_running_header_and_page_number_are_removed_from_every_page() -> None:
    kept = [line.text for page in remove_running_lines(pages_with_running_lines(4)) for line in page.lines]
    assert not any("老干部局" in text or "—" in text for text in kept)
    assert len(kept) == 8


def test_a_line_in_the_margin_of_one_page_only_is_kept_unless_it_is_a_page_number() -> None:
    pages = pages_with_running_lines(4)
    first = pages[0]
    pages[0] = Page(lines=(margin_line("附件1", top=True), *first.lines), width=WIDTH, height=HEIGHT)
    kept = [line.text for page in remove_running_lines(pages) for line in page.lines]
    assert "附件1" in kept


def test_body_text_that_repeats_mid_page_is_never_taken_for_a_header() -> None:
    pages = [
        Page(
            lines=(body_line("同志们：", 5, full=False), body_line("谢谢大家！", 6, full=False)),
            width=WIDTH,
            height=HEIGHT,
        )
        for _ in range(3)
    ]
    kept = [line.text for page in remove_running_lines(pages) for line in page.lines]
    assert kept.count("同志们：") == 3


def test_wrapped_lines_join_without_spaces_and_indented_lines_start_paragraphs() -> None:
    lines = (
        body_line("要落实好离休干部每年一次体检的规定，对行动不便的老同志", 0, indent=True),
        body_line("要安排上门服务。", 1, full=False),
        body_line("第二段从这里开始，内容同样很长，一直写到这一行的最右边为止", 2, indent=True),
        body_line("第二段的最后一行。", 3, full=False),
    )
    assert paragraphs([Page(lines=lines, width=WIDTH, height=HEIGHT)]) == [
        "要落实好离休干部每年一次体检的规定，对行动不便的老同志要安排上门服务。",
        "第二段从这里开始，内容同样很长，一直写到这一行的最右边为止第二段的最后一行。",
    ]


def test_a_paragraph_broken_by_a_page_end_is_joined() -> None:
    first = Page(
        lines=(body_line("这句话在第一页的最后一行还没有说完，一直排到了右边的边缘处", 20, indent=True),),
        width=WIDTH,
        height=HEIGHT,
    )
    second = Page(lines=(body_line("在第二页接着说完。", 0, full=False),), width=WIDTH, height=HEIGHT)
    assert paragraphs([first, second]) == [
        "这句话在第一页的最后一行还没有说完，一直排到了右边的边缘处在第二页接着说完。"
    ]


def test_a_heading_in_another_font_size_is_its_own_paragraph() -> None:
    heading = Line(
        text="三、努力做一名合格的支部书记",
        x0=LEFT,
        x1=RIGHT - 40,
        top=120,
        bottom=137,
        font="Serif",
        size=17,
    )
    lines = (
        body_line("上一段排满了整行，最后一个字正好落在右边缘上面了。", -1),
        heading,
        body_line("正文。", 1, full=False),
    )
    assert paragraphs([Page(lines=lines, width=WIDTH, height=HEIGHT)])[1] == "三、努力做一名合格的支部书记"


def test_a_long_centred_title_wrapped_over_two_lines_is_one_paragraph() -> None:
    one = Line(
        text="关于进一步做好新时代离退休干部工作",
        x0=LEFT + 4,
        x1=RIGHT - 4,
        top=100,
        bottom=122,
        font="Sans",
        size=22,
    )
    two = Line(text="的实施意见", x0=250, x1=345, top=124, bottom=146, font="Sans", size=22)
    body = body_line("正文第一句话。", 3, indent=True, full=False)
    assert paragraphs([Page(lines=(one, two, body), width=WIDTH, height=HEIGHT)])[0] == (
        "关于进一步做好新时代离退休干部工作的实施意见"
    )


def test_join_keeps_a_space_only_between_latin_words() -> None:
    assert join("离休干部", "体检") == "离休干部体检"
    assert join("the annual health", "check") == "the annual health check"
    assert join("“两项待遇”", "全面落实") == "“两项待遇”全面落实"
    assert join("每年一次", "2024年") == "每年一次2024年"
    assert join("全年走访慰问老同志12", "00余人次。") == "全年走访慰问老同志1200余人次。"


def test_tidy_line_drops_layout_spaces_between_chinese_characters() -> None:
    assert tidy_line("离 休 干 部 “ 两 项 待 遇 ”") == "离休干部“两项待遇”"
    assert tidy_line("speechqa 0.1  版本") == "speechqa 0.1版本"


def test_the_header_of_a_one_page_document_is_removed_but_not_its_title() -> None:
    title = Line(text="关于做好体检工作的通知", x0=200, x1=400, top=110, bottom=132, font="Sans", size=22)
    lines = (
        margin_line("中共某某市委老干部局", top=True),
        title,
        body_line("正文。", 2, indent=True, full=False),
    )
    kept = [
        line.text
        for page in remove_running_lines([Page(lines=lines, width=WIDTH, height=HEIGHT)])
        for line in page.lines
    ]
    assert kept == ["关于做好体检工作的通知", "正文。"]


def test_a_title_wrapped_in_its_large_type_stays_one_paragraph() -> None:
    """LibreOffice sets a 22 pt title's two lines about 0.65 of its size apart: one title, not a title and
    a heading, and the speaker line under it is not swallowed."""

    def centred(text: str, top: float, size: float, font: str) -> Line:
        half = size * len(text) / 2
        middle = (LEFT + RIGHT) / 2
        return Line(
            text=text, x0=middle - half, x1=middle + half, top=top, bottom=top + size, font=font, size=size
        )

    lines = (
        centred("坚持以人民为中心做好新时代老干部服", 75.4, 22.0, "Bold"),
        centred("务保障工作", 111.7, 22.0, "Bold"),
        centred("李卫东", 156.3, SIZE, "Serif"),
        *(body_line("正文" * 13, row, indent=row == 0) for row in range(2, 6)),
    )
    found = paragraphs([Page(lines=lines, width=WIDTH, height=HEIGHT)])
    assert found[:2] == ["坚持以人民为中心做好新时代老干部服务保障工作", "李卫东"]


def read_line(text: str, row: int, *, indent: bool = False, full: bool = True, tall: float = 0.0) -> Line:
    """A line as OCR boxes it: pixels, no font size, its box as tall as its glyphs (`tall` more)."""
    x0 = 190.0 + (70 if indent else 0)
    x1 = 1088.0 if full else x0 + 30 * len(text)
    top = 550 + row * 55 - tall / 2 + (row % 3)  # a pixel or two off the grid
    return Line(text=text, x0=x0, x1=x1, top=top, bottom=top + 35 + tall + (row % 2))


def ocr_page(*lines: Line) -> Page:
    return Page(lines=lines, width=1275, height=1651)


def test_a_short_last_line_boxed_taller_by_ocr_stays_in_its_paragraph() -> None:
    page = ocr_page(
        read_line("一、明确慰问标准", 0, full=False),
        read_line("离休干部每人慰问金一千元，生活困难的退休干部每人八", 1, indent=True),
        read_line("百元。慰问金由各单位从老干部工作经费中列支，不得以实物", 2),
        read_line("代替。", 3, full=False, tall=13),
        read_line("二、严守工作纪律", 4, full=False),
        read_line("走访中不得接受老同志的宴请和礼品，不得增加老同志的", 5, indent=True),
        read_line("负担。", 6, full=False, tall=8),
    )
    assert paragraphs([page]) == [
        "一、明确慰问标准",
        "离休干部每人慰问金一千元，生活困难的退休干部每人八百元。慰问金由各单位从老干部工作经费中列支，不得以实物代替。",
        "二、严守工作纪律",
        "走访中不得接受老同志的宴请和礼品，不得增加老同志的负担。",
    ]


def test_a_heading_at_the_top_of_a_page_after_a_full_line_ending_a_sentence_is_its_own() -> None:
    first = ocr_page(
        read_line("离退休干部是党和国家的宝贵财富。支部书记要把这项工", 0, indent=True),
        read_line("作摆在突出位置，切实担负起第一责任人的职责和义务。", 1),
    )
    second = ocr_page(
        read_line("二、着力提升党支部的组织力", 0, full=False),
        read_line("一是规范组织生活。各支部要坚持“三会一课”制度，每季", 1, indent=True),
        read_line("度至少召开一次支部党员大会。", 2, full=False),
    )
    assert paragraphs([first, second]) == [
        "离退休干部是党和国家的宝贵财富。支部书记要把这项工作摆在突出位置，切实担负起第一责任人的职责和义务。",
        "二、着力提升党支部的组织力",
        "一是规范组织生活。各支部要坚持“三会一课”制度，每季度至少召开一次支部党员大会。",
    ]


def test_a_paragraph_read_by_ocr_runs_on_across_a_page_break_mid_sentence() -> None:
    first = ocr_page(read_line("今年汛期形势严峻，各地要提前做好准备，落实防汛责任，", 0, indent=True))
    second = ocr_page(read_line("确保人民群众生命财产安全。", 0, full=False))
    assert paragraphs([first, second]) == [
        "今年汛期形势严峻，各地要提前做好准备，落实防汛责任，确保人民群众生命财产安全。"
    ]


@pytest.mark.parametrize(
    ("room", "lead", "joined"),
    # (2.2, 2.0): a number would have needed the space set between Chinese and digits too
    [(2.5, 2.0, False), (1.8, 2.0, True), (2.5, 3.0, True), (2.2, 2.0, True)],
)
def test_a_line_short_of_the_edge_ends_its_paragraph_unless_what_follows_could_not_fit_there(
    room: float, lead: float, joined: bool
) -> None:
    """A line left short because the next one opens with a unit that may not be broken — 「站，」 (a
    closing mark may not start a line) or a Latin word — is a wrapped line, not a paragraph's end."""
    full = body_line("为提高老干部工作信息化水平，市委老干部局对办公模板作了统一修订，", 0, indent=True)
    first = body_line("请各单位于五月十日前登录市委老干部局网", 1)
    first = Line(first.text, first.x0, RIGHT - room * SIZE, first.top, first.bottom, "Serif", SIZE)
    second = body_line("站，下载新版的模板文件，安装后在文件菜单中即可找到新建的位置", 2)
    second = Line(second.text, LEFT, RIGHT, second.top, second.bottom, "Serif", SIZE, lead=lead * SIZE)
    last = body_line("各单位要按时报送。", 3, indent=True, full=False)
    pages = [Page(lines=(full, first, second, last), width=WIDTH, height=HEIGHT)]
    expected = [full.text + first.text + second.text] if joined else [full.text + first.text, second.text]
    assert paragraphs(pages) == [*expected, last.text]


def chars(
    text: str, widths: dict[str, float] | None = None, *, gaps: dict[int, float] | None = None
) -> list[dict]:  # type: ignore[type-arg]
    """A printed line's characters as pdfplumber gives them: Chinese a type size wide, Latin letters and
    digits half of it (or `widths`), with extra space before the character at each index in `gaps`."""
    out, x = [], LEFT
    for index, char in enumerate(text):
        x += (gaps or {}).get(index, 0.0)
        width = (widths or {}).get(char, SIZE / 2 if char.isascii() else SIZE)
        out.append({"text": char, "x0": x, "x1": x + width, "size": SIZE})
        x += width
    return out


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("站，下载新版", "站，"),
        ("1,500元标准", "1,500"),
        ("300；建设", "300；"),
        ("10%。", "10%。"),
        ("度，100落实", "度，100"),
        ("动，2023年", "动，2023"),
        ("4.5万人", "4.5"),
        ("“老有所为”", "“老"),
        ("Office软件", "Office"),
        ("98％，比上年", "98％，"),
        ("38℃，各单位", "38℃，"),
        ("党“老有所为”", "党“老"),
        ("站，“老有所为”", "站，“老"),
        ("年底前完成", "年"),
    ],
)
def test_the_lead_of_a_pdf_line_is_the_piece_a_line_breaker_keeps_whole(text: str, unit: str) -> None:
    """What a line opens with and could not have been set at the end of the line before: a number with its
    separators and sign, the closing marks after it, and a number after a closing mark (LibreOffice breaks
    between none of them)."""
    from corpus.pdf import _lead

    line = chars(text)
    assert _lead(line) == pytest.approx(line[len(unit) - 1]["x1"] - LEFT)


def test_a_space_ends_the_latin_word_a_line_opens_with() -> None:
    from corpus.pdf import _lead

    line = chars("Word 2016版", gaps={4: 4.0})
    assert _lead(line) == pytest.approx(4 * SIZE / 2)


def test_a_ragged_libreoffice_pdf_keeps_each_paragraph_whole_where_a_number_opens_a_line() -> None:
    """ragged_numbers.libreoffice.pdf (make_ragged_pdf.py): set ragged right, lines end short before
    「2,000元」「1,200余门」「10%。」 (the number, the mark after it and the space LibreOffice puts between
    Chinese and digits did not fit); each was read as a paragraph's end, splitting three of four paragraphs.
    Every paragraph now stands whole on its own line, justified or ragged, and no header or page number
    is read."""
    import json

    from corpus import read_document

    path = Path(__file__).parent / "fixtures" / "documents" / "ragged_numbers.libreoffice.pdf"
    expected = json.loads(path.with_name(path.name + ".json").read_text(encoding="utf-8"))
    lines = read_document(path).text.splitlines()
    for paragraph in expected["paragraphs"]:
        assert lines.count(paragraph) == 1, paragraph
    assert not any(is_page_number(line) or expected["absent"][0] in line for line in lines)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_a_ragged_libreoffice_pdf_keeps_a_paragraph_whole_where_a_unit_or_a_quote_opens_a_line(
    tmp_path: Path,
) -> None:
    """make_ragged_units_pdf.py: set ragged right, each paragraph's first line ends short before 「98％，」,
    「38℃，」 or 「展“老」, which LibreOffice keeps whole; all five paragraphs were split there."""
    from corpus import read_document
    from tests.fixtures.layouts.make_ragged_units_pdf import BODY, write_pdf

    lines = read_document(write_pdf(tmp_path)).text.splitlines()
    for paragraph in BODY:
        assert lines.count(paragraph) == 1, paragraph
