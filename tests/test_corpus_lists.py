"""Lists and their lead-ins, and approval dates under a title, in documents made by real producers.

A paragraph ending in 「：」 (「……符合下列情形之一的离退休干部：」) introduces the items after it (「（一）……的；」
「（二）……。」) or a table: the items are body text of the section the list is in, never sections of their
own, and the lead-in shares a passage with what it introduces. A real heading (「（一）重点抓好五项工作」) over
its paragraph stays a heading. An approval or issue line under the title (「（2025年2月18日局务会议审议通过）」)
dates the document when nothing else does.
"""

from __future__ import annotations

import datetime
import io
import shutil
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus import MEASURED_MERGE_TO, Speech, chunk_speech, parse_document, read_bytes, read_document
from tests.fixtures.documents.make_fixtures import soffice

TITLE = "澜江市困难离退休干部帮扶救助实施细则"
LEAD_INS = (
    "本细则所称困难离退休干部，是指由本市财政发放离退休费，并符合下列情形之一的离退休干部：",
    "有下列情形之一的，可以申请临时救助：",
    "帮扶对象包括：",
)
CLAUSES = (
    "家庭人均月收入低于本市城乡居民最低生活保障标准2倍的",
    "本人患重大疾病，年度个人自付医疗费用超过3万元的",
    "因火灾、交通事故等突发事件导致家庭生活出现严重困难的",
    "失能、半失能且无子女照料的",
    "配偶长期患病、需要专人护理的",
)
NUMERALS = "一二三四五"
TABLE_LEAD = "帮扶救助分为一般困难和特别困难两个等级，各等级的帮扶标准如下："
TABLE = (("困难等级", "帮扶标准"), ("一般困难", "每人每年3000元"), ("特别困难", "每人每年10000元"))
HEADING = "（一）重点抓好五项工作"
HEADING_TEXT = "要落实好离休干部每年一次体检的规定，千方百计为离休干部看病治疗提供更多的方便。"


def items(clauses: tuple[str, ...], last_end: str) -> list[str]:
    """「（一）……；」 … 「（N）……。」: clauses of one list, the last ending the sentence."""
    ends = ["；"] * (len(clauses) - 1) + [last_end]
    return [
        f"（{NUMERALS[i]}）{clause}{end}" for i, (clause, end) in enumerate(zip(clauses, ends, strict=True))
    ]


def notice_docx(lead_in: str, listed: list[str], table: bool) -> bytes:
    """A rule as Word writes it: Title, Heading 1 sections, the lead-in and its items as paragraphs, a
    ruled table after its own lead-in, and a section with a real （一） heading over its paragraph."""
    document = docx.Document()
    document.add_paragraph(TITLE, style="Title")
    document.add_paragraph("一、帮扶对象", style="Heading 1")
    document.add_paragraph(lead_in)
    for item in listed:
        document.add_paragraph(item)
    if table:
        document.add_paragraph("二、帮扶标准", style="Heading 1")
        document.add_paragraph(TABLE_LEAD)
        grid = document.add_table(rows=len(TABLE), cols=2)
        grid.style = "Table Grid"
        for r, row in enumerate(TABLE):
            for c, cell in enumerate(row):
                grid.cell(r, c).text = cell
    document.add_paragraph("三、工作要求", style="Heading 1")
    document.add_paragraph(HEADING)
    document.add_paragraph(HEADING_TEXT)
    document.add_paragraph("市委老干部局")
    document.add_paragraph("2025年3月25日")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def notice_text(lead_in: str, listed: list[str]) -> str:
    """The same rule as a plain text file typed one paragraph a line (no table)."""
    lines = [TITLE, "一、帮扶对象", lead_in, *listed, "三、工作要求", HEADING, HEADING_TEXT]
    return "\n".join([*lines, "市委老干部局", "2025年3月25日"]) + "\n"


def check_list(speech: Speech, lead_in: str, listed: list[str], table: bool) -> None:
    passages = chunk_speech(speech, merge_to=MEASURED_MERGE_TO)
    sections = {d.section for d in passages}
    # no item names a section: every passage of the list sits under the list's own heading
    for item in listed:
        assert not any(s and item.rstrip("；。") in s for s in sections), item
        (holder,) = [d for d in passages if item in d.text]
        assert holder.section == "一、帮扶对象"
    # the lead-in is never a passage alone: it shares one with the first item, and with every item
    # when the whole list fits the passage size
    (lead,) = [d for d in passages if lead_in in d.text]
    assert listed[0] in lead.text
    if len(lead_in) + sum(map(len, listed)) <= MEASURED_MERGE_TO:
        assert all(item in lead.text for item in listed)
    if table:
        (table_lead,) = [d for d in passages if TABLE_LEAD in d.text]
        assert "一般困难" in table_lead.text.removeprefix(TABLE_LEAD)  # the first row, labelled
        assert table_lead.section == "二、帮扶标准"
    # a real （一） heading over its paragraph stays a heading
    (under,) = [d for d in passages if HEADING_TEXT in d.text]
    assert under.section == "三、工作要求 › （一）重点抓好五项工作"


list_cases = st.tuples(
    st.sampled_from(LEAD_INS),
    st.lists(st.sampled_from(CLAUSES), min_size=2, max_size=5, unique=True).map(tuple),
    st.sampled_from(("。", "；")),
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=list_cases, table=st.booleans())
def test_list_items_in_word_are_body_text_that_travels_with_its_lead_in(case, table: bool) -> None:  # type: ignore[no-untyped-def]
    lead_in, clauses, last_end = case
    listed = items(clauses, last_end)
    (speech,) = parse_document(read_bytes("细则.docx", notice_docx(lead_in, listed, table)))
    check_list(speech, lead_in, listed, table)


@settings(max_examples=25, deadline=None)
@given(case=list_cases, encoding=st.sampled_from(("utf-8", "gb18030")))
def test_list_items_in_a_text_file_are_body_text_that_travels_with_its_lead_in(case, encoding: str) -> None:  # type: ignore[no-untyped-def]
    lead_in, clauses, last_end = case
    listed = items(clauses, last_end)
    data = notice_text(lead_in, listed).encode(encoding)
    (speech,) = parse_document(read_bytes("细则.txt", data))
    check_list(speech, lead_in, listed, table=False)


@given(clauses=st.lists(st.sampled_from(CLAUSES), min_size=2, max_size=5, unique=True).map(tuple))
@settings(max_examples=20, deadline=None)
def test_one_sentence_items_in_a_row_without_a_lead_in_are_not_sections(clauses) -> None:  # type: ignore[no-untyped-def]
    # 「（一）各单位要于3月20日前将名单报送市委老干部局。」「（二）……。」 straight under a heading
    listed = [f"（{NUMERALS[i]}）{clause}。" for i, clause in enumerate(clauses)]
    text = "\n".join([TITLE, "一、工作要求", *listed, "三、工作要求", HEADING, HEADING_TEXT]) + "\n"
    (speech,) = parse_document(read_bytes("细则.txt", text.encode("utf-8")))
    passages = chunk_speech(speech, merge_to=MEASURED_MERGE_TO)
    for item in listed:
        (holder,) = [d for d in passages if item in d.text]
        assert holder.section == "一、工作要求", item
    (under,) = [d for d in passages if HEADING_TEXT in d.text]
    assert under.section == "三、工作要求 › （一）重点抓好五项工作"


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is needed")
def test_a_libreoffice_pdf_keeps_the_list_with_its_lead_in_and_the_table_lead_in_with_its_row(
    tmp_path: Path,
) -> None:
    listed = items(CLAUSES[:4], "。")
    source = tmp_path / "细则.docx"
    source.write_bytes(notice_docx(LEAD_INS[0], listed, table=True))
    (speech,) = parse_document(read_document(soffice(source, "pdf")))
    check_list(speech, LEAD_INS[0], listed, table=True)


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
