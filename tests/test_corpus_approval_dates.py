"""An approval or issue line under a title (「（2025年2月18日局务会议审议通过）」, 「（2024年3月1日印发）」) dates the
document when nothing else does; a date line under the title or the signature's date comes first. Files made
in the test by python-docx, and as GB18030 text."""

from __future__ import annotations

import datetime
import io

import docx
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus import parse_document, read_bytes

# An approval or issue line under the title: (how it is written, the date it gives)
ADOPTIONS = (
    ("（{y}年{m}月{d}日局务会议审议通过）", False),
    ("（{y}年{m}月{d}日印发）", False),
    ("{y}年{m}月{d}日市委老干部局第5次局务会议通过", False),
    ("（{cy}年{cm}月{cd}日市委常委会会议审议通过）", True),
)
CN_DIGITS = "〇一二三四五六七八九"


def cn_number(n: int) -> str:
    """12 → 十二, 3 → 三, 20 → 二十, 31 → 三十一."""
    tens, ones = divmod(n, 10)
    return ("" if tens == 0 else ("十" if tens == 1 else CN_DIGITS[tens] + "十")) + (
        CN_DIGITS[ones] if ones else ""
    )


def rule_docx(title: str, under_title: list[str], signed: str | None) -> bytes:
    document = docx.Document()
    document.add_paragraph(title, style="Title")
    for line in under_title:
        document.add_paragraph(line)
    document.add_paragraph("第一章 总则", style="Heading 1")
    document.add_paragraph("第一条 为加强市老干部活动中心的管理，制定本规定。")
    document.add_paragraph("第二条 本规定自公布之日起施行。")
    if signed:
        document.add_paragraph("市委老干部局")
        document.add_paragraph(signed)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


dates = st.dates(min_value=datetime.date(2000, 1, 1), max_value=datetime.date(2035, 12, 31))


def written(form: str, day) -> str:  # type: ignore[no-untyped-def]
    cy = "".join(CN_DIGITS[int(c)] for c in str(day.year))
    return form.format(
        y=day.year, m=day.month, d=day.day, cy=cy, cm=cn_number(day.month), cd=cn_number(day.day)
    )


@settings(max_examples=30, deadline=None)
@given(adoption=st.sampled_from(ADOPTIONS), day=dates)
def test_an_approval_line_under_the_title_dates_the_document(adoption, day) -> None:  # type: ignore[no-untyped-def]
    line = written(adoption[0], day)
    (speech,) = parse_document(read_bytes("规定.docx", rule_docx("老干部活动中心管理规定", [line], None)))
    assert speech.date == day.isoformat()
    assert all(line not in (p.section or "") for p in speech.paragraphs)
    # the same as a text file
    text = (
        "\n".join(["老干部活动中心管理规定", line, "第一章 总则", "第一条 为加强管理，制定本规定。"]) + "\n"
    )
    (speech,) = parse_document(read_bytes("规定.txt", text.encode("gb18030")))
    assert speech.date == day.isoformat()


@settings(max_examples=20, deadline=None)
@given(
    adoption=st.sampled_from(ADOPTIONS),
    adopted=dates,
    other=dates,
    where=st.sampled_from(("signed", "dateline")),
)
def test_a_signature_date_or_a_date_line_comes_before_the_approval_date(
    adoption, adopted, other, where
) -> None:  # type: ignore[no-untyped-def]
    line = written(adoption[0], adopted)
    other_line = f"{other.year}年{other.month}月{other.day}日"
    if where == "signed":
        data = rule_docx("老干部活动中心管理规定", [line], other_line)
    else:
        data = rule_docx("老干部活动中心管理规定", [other_line, line], None)
    (speech,) = parse_document(read_bytes("规定.docx", data))
    assert speech.date == other.isoformat()
