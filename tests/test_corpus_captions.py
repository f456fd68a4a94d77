"""A table's 题注 caption under Word's 「标题 2」 headings titles its table's rows and holds no later heading
(cold35).

Word numbers a caption 「表 1」 with a ``SEQ`` field and points at it from the body with a ``REF`` field
(「见表 1」). A notice whose sections are set in the 「标题 2」 style (「一、…」 at level 2, none at level 1) had
its numbered caption entered at level 1, above them: every later heading was read as a part of the caption
(「§ 表1“银龄讲堂”讲座安排 › 二、名额分配」, cold35). A numbered caption now never enters above the heading it is
under; an appended table (附表) still stands beside the sections.

The file: ``tests/fixtures/captions/notice.docx``, made by ``make_captions.py`` there (python-docx, with
Word's fields and Caption style); the property writes its drawn notices the same way.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus import parse_document, read_bytes
from tests.fixtures.captions.make_captions import AUTHOR, write_captioned

DOCX = Path(__file__).parent / "fixtures" / "captions" / "notice.docx"


def test_captions_title_their_rows_and_hold_no_later_heading() -> None:
    """main: 「表1书法培训课程安排 › 二、报名名额」 and 「表1… › 表2…」, 「表1… › 三、其他事项」."""
    [notice] = parse_document(read_bytes(DOCX.name, DOCX.read_bytes()))
    assert (notice.date, notice.issuer) == ("2031-03-12", AUTHOR)
    by_section: dict[str, list[str]] = {}
    for p in notice.paragraphs:
        by_section.setdefault(p.section or "", []).append(p.text)
    assert by_section["二、报名名额"] == ["各支部报名名额见表2，名额用不完的请于3月25日前退回活动科。"]
    assert by_section["三、其他事项"] == ["学员自备毛笔和墨汁，宣纸由县老年大学统一提供。"]
    assert by_section["表1书法培训课程安排"][0].startswith("课次：第一课")
    assert by_section["表2各支部报名名额"] == ["支部：城关支部；名额：12", "支部：教育支部；名额：8"]


_NUMBERS = "一二三四五六"
_WORDS = st.sampled_from(["活动安排", "报名办法", "经费保障", "名额分配", "工作要求", "时间地点"])


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    parts=st.lists(
        st.tuples(_WORDS, st.booleans(), st.integers(1, 3)), min_size=2, max_size=5, unique_by=lambda t: t[0]
    )
)
def test_no_heading_after_a_caption_is_read_as_a_part_of_it(parts: list[tuple[str, bool, int]]) -> None:
    """Whatever sections hold a captioned table: no heading after a caption is read as a part of it, each
    table's rows are under their caption alone, every row once, and each section's one paragraph (「第二部分的
    具体事项……」: a sentence about a part, not a part's number) is under its 「标题 2」 heading, with or without
    a table — it was under none (cold35, mend61a)."""
    sections = []
    for n, (word, captioned, rows) in enumerate(parts):
        sections.append(
            (
                f"{_NUMBERS[n]}、{word}",
                f"第{_NUMBERS[n]}部分的具体事项见{{ref}}，请各支部结合实际认真组织落实，并于月底前报送落实情况。"
                if captioned
                else f"第{_NUMBERS[n]}部分的具体事项，请各支部结合实际认真组织落实，并于月底前报送落实情况。",
                f"{word}明细" if captioned else None,
                (("项目", "说明"), *((f"第{n + 1}项{r + 1}", f"内容{n + 1}之{r + 1}") for r in range(rows))),
            )
        )
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "notice.docx"
        write_captioned("关于做好有关工作的通知", sections, path)
        [notice] = parse_document(read_bytes(path.name, path.read_bytes()))
    captions = [f"表{n + 1}{c}" for n, c in enumerate(c for _h, _p, c, _r in sections if c is not None)]
    for p in notice.paragraphs:  # no heading is read as a part of a caption
        assert not any(f"{c} › " in (p.section or "") for c in captions)
    for heading, paragraph, _c, _r in sections:
        opening = paragraph.split("{ref}")[0][:8]
        assert [p.section for p in notice.paragraphs if p.text.startswith(opening)] == [heading]
    for caption, (_h, _p, _c, rows) in zip(captions, [s for s in sections if s[2] is not None], strict=True):
        for row in rows[1:]:
            hits = [p.section for p in notice.paragraphs if f"项目：{row[0]}；" in p.text]
            assert hits == [caption]


INTRO = Path(__file__).parent / "fixtures" / "captions" / "intro_caption.docx"


def test_a_caption_before_the_first_heading_holds_no_later_heading_or_caption() -> None:
    """review61b: 「§ 表1书法培训课程安排 › 表2各支部报名名额」, 「§ 表1… › 二、其他事项」."""
    [notice] = parse_document(read_bytes(INTRO.name, INTRO.read_bytes()))
    sections = {p.text: p.section for p in notice.paragraphs}
    assert sections["现将培训课程安排通知如下，具体见表1。"] is None
    assert sections["课次：第一课；日期：4月2日；内容：楷书基本笔画"] == "表1书法培训课程安排"
    assert sections["各支部报名名额见表2，名额用不完的请于3月25日前退回活动科。"] == "一、报名名额"
    assert sections["支部：城关支部；名额：12"] == "表2各支部报名名额"
    assert sections["学员自备毛笔和墨汁，宣纸由县老年大学统一提供。"] == "二、其他事项"


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    parts=st.lists(
        st.tuples(_WORDS, st.booleans(), st.booleans(), st.booleans(), st.integers(1, 3)),
        min_size=2,
        max_size=5,
        unique_by=lambda t: t[0],
    )
)
def test_a_caption_is_the_parent_of_nothing_wherever_it_falls(
    parts: list[tuple[str, bool, bool, bool, int]],
) -> None:
    """Captions drawn anywhere among the headings — before the first one, one right after another's table,
    with or without a paragraph between: no heading or caption is read as a part of a caption, each table's
    rows are under their caption alone, and each heading's paragraph is under that heading."""
    sections: list[tuple[str | None, str, str | None, tuple[tuple[str, ...], ...]]] = []
    number = 0
    for n, (word, headed, said, captioned, rows) in enumerate(parts):
        heading = None
        if headed:
            heading = f"{_NUMBERS[number]}、{word}"
            number += 1
        paragraph = (
            f"关于{word}的具体事项，请各支部结合实际认真组织落实，并于月底前报送落实情况。"
            if said or headed
            else ""
        )
        table = (("项目", "说明"), *((f"第{n + 1}项{r + 1}", f"内容{n + 1}之{r + 1}") for r in range(rows)))
        sections.append((heading, paragraph, f"{word}明细" if captioned else None, table))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "notice.docx"
        write_captioned("关于做好有关工作的通知", sections, path)
        [notice] = parse_document(read_bytes(path.name, path.read_bytes()))
    captioned = [s for s in sections if s[2] is not None]
    captions = [f"表{n + 1}{s[2]}" for n, s in enumerate(captioned)]
    for p in notice.paragraphs:
        assert not any(f"{c} › " in (p.section or "") for c in captions)
    for caption, (_h, _p, _c, rows) in zip(captions, captioned, strict=True):
        for row in rows[1:]:
            assert [p.section for p in notice.paragraphs if f"项目：{row[0]}；" in p.text] == [caption]
    for heading, paragraph, _c, _r in sections:
        if heading is not None:
            assert [p.section for p in notice.paragraphs if p.text == paragraph] == [heading]
