"""A scanned notice's title wrapped onto a second line reads as one title (cold27).

Read by OCR, a line has no type size: its box is as tall as its type. A title in larger type stands further from
its second line than the body's lines stand apart, by as much as it is larger — the rule typeset lines follow
(`larger`, from their sizes) — but OCR'd lines were measured against the body's pitch alone, so a wrapped title's
second line began a paragraph of its own, and the parser took it for a heading: cold27's OCRmyPDF notice (read
again by RapidOCR) was titled 「关于组织离退休干部参观雁川县规划」, its first passages cited under 「展览馆的通知」. The
boxes' heights now say how much larger the type is, as the sizes do for a text layer.

The lines below are placed as RapidOCR boxes that page (a 26 pt title over a 16 pt body, in PDF points at
200 dpi); the real file is checked too where it and RapidOCR are here.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from corpus import installed_engines, is_person_name, parse_document, read_document
from corpus.layout import Line, Page, paragraphs

WIDTH, HEIGHT = 612.0, 792.0
LEFT, RIGHT = 90.0, 518.0
BODY = 15.0  # a body line's box height (RapidOCR: the type's height)
PITCH = 24.0  # between body lines, top to top

PLAN = (
    Path(__file__).parents[1]
    / "benchmarks"
    / "corpus-cold27"
    / "关于组织离退休干部参观雁川县规划展览馆的通知.pdf"
)
HAS_RAPIDOCR = any(engine.name == "RapidOCR" for engine in installed_engines())


def _ocr_lines(title: tuple[str, str], height: float, body: list[str]) -> Page:
    """A title's two lines boxed `height` tall, set flush left at a pitch half again their height, the first
    full, over body lines (the first indented, each full but the last): lines as OCR gives them, no size."""
    lines = [
        Line(title[0], LEFT, RIGHT - 9, 79.0, 79.0 + height),
        Line(title[1], LEFT, LEFT + len(title[1]) * height, 79.0 + 1.46 * height, 79.0 + 2.42 * height),
    ]
    top = 79.0 + 3.5 * height
    for n, text in enumerate(body):
        x0 = LEFT + 28 if n == 0 else LEFT
        x1 = RIGHT if n < len(body) - 1 else LEFT + len(text) * BODY
        lines.append(Line(text, x0, x1, top, top + BODY))
        top += PITCH
    return Page(lines=tuple(lines), width=WIDTH, height=HEIGHT)


_HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)


@settings(max_examples=50, deadline=None)
@given(
    first=st.text(_HAN, min_size=14, max_size=16),
    second=st.text(_HAN, min_size=3, max_size=8),
    height=st.floats(22.0, 30.0),
    body=st.lists(st.text(_HAN, min_size=20, max_size=28), min_size=2, max_size=4),
)
def test_a_wrapped_title_in_taller_ocr_boxes_reads_as_one_line_and_the_body_as_before(
    first: str, second: str, height: float, body: list[str]
) -> None:
    """The title's two lines are one paragraph (main: two), the body's lines one paragraph after it. A second line
    shaped as a person's name (「丁一一」) is left out: a name on its own line under a title is its speaker."""
    assume(not is_person_name(second))
    body[-1] = body[-1] + "。"
    read = paragraphs([_ocr_lines((first, second), height, body)])
    assert read == [first + second, "".join(body)]


def test_body_lines_of_one_height_at_a_wider_pitch_still_part() -> None:
    """Lines in the body's boxes standing further apart than the body's pitch (a blank line between two
    paragraphs) still part: only taller boxes widen the pitch allowed."""
    lines = [Line("甲" * 28, LEFT, RIGHT, 100.0 + n * PITCH, 100.0 + n * PITCH + BODY) for n in range(4)]
    lines.append(Line("乙" * 28, LEFT, RIGHT, 100.0 + 4 * PITCH + 20, 100.0 + 4 * PITCH + 20 + BODY))
    read = paragraphs([Page(lines=tuple(lines), width=WIDTH, height=HEIGHT)])
    assert read == ["甲" * 112, "乙" * 28]


@pytest.mark.skipif(not (HAS_RAPIDOCR and PLAN.exists()), reason="RapidOCR and cold27's notice needed")
def test_cold27s_scanned_notice_is_titled_whole() -> None:
    [speech] = parse_document(read_document(PLAN))
    assert speech.title == "关于组织离退休干部参观雁川县规划展览馆的通知"
    assert not any(p.section == "展览馆的通知" for p in speech.paragraphs)
