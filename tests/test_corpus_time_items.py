"""A numbered item that opens with a time (「二、当晚6:40在…乘车」) is not headed by the words before the
time's colon (cold35).

An item led by a short label before a colon names its section (「四、联系方式：…」 → 「§ 四、联系方式」). The colon
of a time was taken for such a label's: cold35's searchable scan had a section 「§ 三、观演当晚6」, and a Word
notice 「§ 二、当晚6」「§ 三、晚会于7」 (a full-width 「7：30」 too). A colon between digits is a time's now.

The file: ``tests/fixtures/time_items/notice.docx``, made by ``make_time_items.py`` there (python-docx).
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from corpus import parse_document, read_bytes
from tests.fixtures.time_items.make_time_items import AUTHOR, NOTICE

DOCX = Path(__file__).parent / "fixtures" / "time_items" / "notice.docx"


def test_items_opening_with_a_time_head_no_section() -> None:
    """main: sections 「二、当晚6」 and 「三、晚会于7」; the labelled item 四 keeps its section."""
    [notice] = parse_document(read_bytes(DOCX.name, DOCX.read_bytes()))
    assert (notice.date, notice.issuer) == ("2031-09-22", AUTHOR)
    sections = {p.section for p in notice.paragraphs}
    assert "四、联系方式" in sections
    assert not any(s and s[-1].isdigit() for s in sections)
    texts = [p.text for p in notice.paragraphs]
    for _kind, line in NOTICE[3:7]:
        assert sum(line in t for t in texts) == 1


@given(
    number=st.sampled_from(["二、", "三、", "（二）", "（四）"]),
    before=st.sampled_from(["当晚", "上午", "观演当晚", "每天", "晚会于", "集合时间"]),
    hour=st.integers(1, 12),
    minute=st.integers(0, 59),
    colon=st.sampled_from([":", "："]),
    rest=st.sampled_from(["在活动中心门口集合。", "开始，请提前入场。", "统一乘车前往。"]),
)
def test_no_item_is_headed_by_the_words_before_a_time(
    number: str, before: str, hour: int, minute: int, colon: str, rest: str
) -> None:
    """Whatever the item's number, the words before the time and the colon's width: no section ends in the
    time's hour, and the item is read whole, once."""
    item = f"{number}{before}{hour}{colon}{minute:02d}{rest}"
    text = "\n".join(
        [
            "关于组织观看文艺演出的通知",
            "各离退休干部党支部：",
            "现将观看文艺演出的有关事项通知如下：",
            "一、联系方式：县委老干部局组织科。",
            item,
            AUTHOR,
            "2031年9月22日",
        ]
    )
    [notice] = parse_document(read_bytes("通知.txt", text.encode("utf-8")))
    assert not any(p.section and p.section.endswith(str(hour)) for p in notice.paragraphs)
    assert sum(item in p.text for p in notice.paragraphs) == 1
