"""A full stop OCR lost at a paragraph's end is given back where the layout proves the sentence ended.

OCR (RapidOCR or Tesseract) drops a small 「。」 at a line's end on a photocopied page (trial37: 「…停止使用」 then
「检修期间…」, two sentences read as one 要点). corpus/layout.py adds it back only where the page's layout
proves a sentence ended: a paragraph of two lines or more in the body's type, not opened by a number, its
last line short of the right edge, the next line a new paragraph's (indented, or a paragraph's spacing
below). Never inside a line, never on a text layer's lines (a PDF's marks are its author's).
`scripts/ocr_full_stops.py` measures it on pages LibreOffice printed, rendered and spoiled as a copier or
a phone leaves them. Here: OCR lines as the engines box them (no font, no size), made by hand and drawn
at random.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.layout import Line, Page, paragraphs

WIDTH, HEIGHT = 1654.0, 2339.0  # an A4 page at 200 dpi
LEFT, RIGHT, SIZE, PITCH = 220.0, 1430.0, 40.0, 66.0
PER_LINE = int((RIGHT - LEFT) // SIZE)


def ocr_line(text: str, row: int, *, indent: bool = False, full: bool = True, gap: float = 0.0) -> Line:
    x0 = LEFT + (2 * SIZE if indent else 0)
    x1 = RIGHT if full else x0 + SIZE * len(text)
    top = 200 + row * PITCH + gap
    return Line(text=text, x0=x0, x1=x1, top=top, bottom=top + SIZE)  # OCR: no font, no size


def page(*lines: Line) -> list[Page]:
    return [Page(lines=lines, width=WIDTH, height=HEIGHT)]


FIRST = "因电梯年度检修，活动中心1号电梯自2025年12月22日至12月28日停止使"  # 30 characters: a full line


def test_a_wrapped_paragraph_ending_short_before_an_indented_line_gets_its_full_stop_back() -> None:
    read = paragraphs(
        page(
            ocr_line(FIRST, 0, indent=True),
            ocr_line("用", 1, full=False),
            ocr_line("检修期间请走东侧楼梯，行动不便的老同志可到一楼服务台预约工", 2, indent=True),
            ocr_line("作人员协助。", 3, full=False),
        )
    )
    assert read[0] == FIRST + "用。"
    assert read[1].endswith("协助。")  # its own mark: nothing added


def test_a_paragraph_s_spacing_below_proves_the_end_as_an_indent_does() -> None:
    read = paragraphs(
        page(
            ocr_line(FIRST, 0),
            ocr_line("用", 1, full=False),
            ocr_line("检修期间请走东侧楼梯。", 2, full=False, gap=0.8 * SIZE),
        )
    )
    assert read[0] == FIRST + "用。"


def test_no_full_stop_where_the_layout_proves_nothing() -> None:
    # one line: a heading or a salutation as well as a sentence
    assert (
        paragraphs(
            page(ocr_line("各位老同志", 0, full=False), ocr_line("检修期间请走楼梯。", 1, indent=True))
        )[0]
        == "各位老同志"
    )
    # a numbered heading that wraps
    heading = "一、准确把握新时代老干部工作的政治属性，切实在提高老干部工作重要意义认识上"
    read = paragraphs(
        page(
            ocr_line(heading[:PER_LINE], 0),
            ocr_line(heading[PER_LINE:], 1, full=False),
            ocr_line("老干部工作是党建工作的重要组成部分。", 2, indent=True, full=False),
        )
    )
    assert read[0] == heading
    # the last line is full: the sentence may go on (nothing proves it ended)
    read = paragraphs(
        page(ocr_line(FIRST, 0, indent=True), ocr_line(FIRST, 1), ocr_line("检修。", 2, indent=True))
    )
    assert not read[0].endswith("。")
    # a mark read is kept as read (「：」 introduces what follows)
    read = paragraphs(
        page(
            ocr_line(FIRST, 0, indent=True),
            ocr_line("用：", 1, full=False),
            ocr_line("一是。", 2, indent=True),
        )
    )
    assert read[0].endswith("用：")
    # a text layer's lines (a PDF's, with their font and size): the author left the mark out
    typed = [
        Line(text=line.text, x0=line.x0, x1=line.x1, top=line.top, bottom=line.bottom, font="Song", size=SIZE)
        for line in (
            ocr_line(FIRST, 0, indent=True),
            ocr_line("用", 1, full=False),
            ocr_line("检修。", 2, indent=True),
        )
    ]
    assert paragraphs(page(*typed))[0] == FIRST + "用"


sentence = st.text(alphabet="老干部工作体检服务管理落实推进，、", min_size=4, max_size=70).map(
    lambda s: "要" + s
)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(sentence, st.booleans(), st.booleans()), min_size=1, max_size=6))
def test_only_full_stops_are_added_and_only_at_a_paragraph_s_end(drawn: list[tuple[str, bool, bool]]) -> None:
    """Paragraphs typed with first-line indents, each wrapped at the line's width, their final 「。」 kept or
    lost at random: the reading is the typed text with at most a 「。」 added at a paragraph's end — never a
    character changed, never a 「。」 inside a paragraph, never one where the paragraph kept its own."""
    lines: list[Line] = []
    typed: list[str] = []
    for text, kept, indent in drawn:
        paragraph = text + ("。" if kept else "")
        typed.append(paragraph)
        first_width = PER_LINE - 2 if indent else PER_LINE
        pieces = [paragraph[:first_width]] + [
            paragraph[k : k + PER_LINE] for k in range(first_width, len(paragraph), PER_LINE)
        ]
        for n, piece in enumerate(pieces):
            last = n == len(pieces) - 1
            full = not last or len(piece) == (first_width if n == 0 else PER_LINE)
            lines.append(ocr_line(piece, len(lines), indent=indent and n == 0, full=full, gap=0.0))
    read = paragraphs(page(*lines))
    assert "".join(read).replace("。", "") == "".join(typed).replace("。", "")
    # walk both texts together: a 「。」 read that was not typed stands at the end of a paragraph read
    source = "".join(typed)
    at = 0
    for paragraph in read:
        for n, char in enumerate(paragraph):
            if at < len(source) and source[at] == char:
                at += 1
            else:
                assert char == "。" and n == len(paragraph) - 1, (paragraph, n)
    assert at == len(source)  # and every typed 「。」 is kept
