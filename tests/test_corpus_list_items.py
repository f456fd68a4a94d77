"""A list of clauses in a notice (「（一）家庭人均月收入低于……2倍的；」) after its lead-in (「……符合下列情形之一的离退休
干部：」): each item is a passage of its own, never merged with its siblings and never a section named by its
own text, and it carries the lead-in as its section's last part, as a table row carries its header labels.
Files made in the test by python-docx, by LibreOffice (the same .docx printed to PDF) and as GB18030 text."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus import (
    MEASURED_MERGE_TO,
    check_conservation,
    chunk_speech,
    parse_document,
    read_bytes,
    read_document,
)
from corpus.records import PassageDraft

TITLE = "澜川市困难离退休干部帮扶救助实施细则"
LEAD_IN = "本细则所称困难离退休干部，是指具有本市户籍、并符合下列情形之一的离退休干部："
ITEMS = [
    "（一）家庭人均月收入低于本市城乡居民最低生活保障标准2倍的；",
    "（二）本人患重大疾病，年度个人自付医疗费用超过3万元的；",
    "（三）失能、半失能且无子女照料的。",
]
AFTER_LIST = "帮扶对象实行动态管理，每年复核一次。"
DEADLINES = [
    "（一）动员部署阶段：6月1日至6月15日。",
    "（二）集中宣传阶段：6月16日至8月15日。",
]
RUN_IN = "（一）个人申请。由本人向原单位提出书面申请，填写申请表。"
LEAD_HEADING = "（二）单位审核。"
UNDER_LEAD_HEADING = "原单位在收到申请后10个工作日内完成入户核查，并在单位内部公示5个工作日。"


def body() -> list[tuple[str, str]]:
    """(style, text) of the body: a list after its lead-in, a list with none, a run-in heading and a
    one-sentence heading over its paragraph (the last two stay headings)."""
    return [
        ("Heading 1", "一、帮扶对象"),
        ("", LEAD_IN),
        *[("", item) for item in ITEMS],
        ("", AFTER_LIST),
        ("Heading 1", "二、时间安排"),
        *[("", item) for item in DEADLINES],
        ("Heading 1", "三、申请程序"),
        ("", RUN_IN),
        ("", LEAD_HEADING),
        ("", UNDER_LEAD_HEADING),
    ]


def notice_docx(lines: list[tuple[str, str]]) -> bytes:
    document = docx.Document()
    document.add_paragraph(TITLE, style="Title")
    for style, text in lines:
        document.add_paragraph(text, style=style or None)
    document.add_paragraph("澜川市委老干部局")
    document.add_paragraph("2025年3月25日")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def notice_text(lines: list[tuple[str, str]]) -> str:
    return "\n".join([TITLE, *(text for _, text in lines), "澜川市委老干部局", "2025年3月25日"]) + "\n"


def passages(name: str, data: bytes) -> list[PassageDraft]:
    (speech,) = parse_document(read_bytes(name, data))
    return chunk_speech(speech, merge_to=MEASURED_MERGE_TO)


def check_lists(drafts: list[PassageDraft]) -> None:
    by_text = {d.text: d.section for d in drafts}
    lead_in_label = LEAD_IN.rstrip("：")
    for item in ITEMS:  # each item its own passage, carrying the lead-in, under the list's section
        assert by_text[item] == f"一、帮扶对象 › {lead_in_label}"
    assert by_text[LEAD_IN] == "一、帮扶对象"  # the lead-in itself stays a passage of its own
    assert by_text[AFTER_LIST] == "一、帮扶对象"  # what follows the list does not carry its lead-in
    for item in DEADLINES:  # a list with no lead-in: under its section, no section of its own
        assert by_text[item] == "二、时间安排"
    # a run-in heading over its sentences and a one-sentence heading over its paragraph stay headings
    assert by_text[RUN_IN] == "三、申请程序 › （一）个人申请"
    assert by_text[LEAD_HEADING + UNDER_LEAD_HEADING] == "三、申请程序 › （二）单位审核"


def test_list_items_in_a_word_notice_carry_their_lead_in() -> None:
    check_lists(passages("细则.docx", notice_docx(body())))


def test_list_items_in_a_gb18030_text_carry_their_lead_in() -> None:
    check_lists(passages("细则.txt", notice_text(body()).encode("gb18030")))


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_list_items_in_a_libreoffice_pdf_carry_their_lead_in(tmp_path: Path) -> None:
    from tests.fixtures.documents.make_fixtures import soffice

    (tmp_path / "细则.docx").write_bytes(notice_docx(body()))
    (speech,) = parse_document(read_document(soffice(tmp_path / "细则.docx", "pdf")))
    check_lists(chunk_speech(speech, merge_to=MEASURED_MERGE_TO))


def test_a_long_lead_in_is_carried_by_its_last_clauses() -> None:
    lead_in = (
        "本细则所称困难离退休干部，是指具有本市户籍、由本市财政发放离退休费、在本市连续居住满五年以上且本人"
        "提出申请，并符合下列情形之一的离退休干部："
    )
    lines = [("Heading 1", "一、帮扶对象"), ("", lead_in), *[("", item) for item in ITEMS]]
    drafts = passages("细则.docx", notice_docx(lines))
    sections = {d.section for d in drafts if d.text in ITEMS}
    assert sections == {
        "一、帮扶对象 › …在本市连续居住满五年以上且本人提出申请，并符合下列情形之一的离退休干部"
    }


# A list: its items (each one sentence, the last ending in 。 or ；), with a lead-in or not, and text after it
item_text = st.sampled_from(
    [
        "家庭人均月收入低于最低生活保障标准2倍的",
        "本人患重大疾病的",
        "失能、半失能且无子女照料的",
        "年满80周岁的离休干部",
    ]
)
NUMBERS = "一二三四五六七八"


@settings(max_examples=40, deadline=None)
@given(
    items=st.lists(item_text, min_size=2, max_size=6),
    ends=st.sampled_from(["；", "。"]),
    lead_in=st.booleans(),
    after=st.booleans(),
    as_docx=st.booleans(),
)
def test_no_sentence_of_a_list_is_lost_or_doubled(  # type: ignore[no-untyped-def]
    items, ends, lead_in, after, as_docx
) -> None:
    texts = [f"（{NUMBERS[i]}）{text}{ends if i < len(items) - 1 else '。'}" for i, text in enumerate(items)]
    lines = [("Heading 1", "一、帮扶对象")]
    lines += [("", LEAD_IN)] if lead_in else [("", "帮扶工作由原单位负责组织，每年开展一次。")]
    lines += [("", text) for text in texts]
    lines += [("", AFTER_LIST)] if after else []
    lines += [("Heading 1", "二、其他"), ("", "本细则自2025年4月1日起施行。")]
    name, data = (
        ("细则.docx", notice_docx(lines)) if as_docx else ("细则.txt", notice_text(lines).encode("gb18030"))
    )
    document = read_bytes(name, data)
    (speech,) = parse_document(document)
    drafts = chunk_speech(speech, merge_to=MEASURED_MERGE_TO)
    report = check_conservation(document, [d.text for d in drafts])
    assert report.missing == () and report.duplicated == ()
    # every item a passage of its own (siblings never merged), in order, none a section of its own
    item_drafts = [d for d in drafts if d.text.startswith("（")]
    assert [d.text for d in item_drafts] == texts
    expected = "一、帮扶对象" + (f" › {LEAD_IN.rstrip('：')}" if lead_in else "")
    assert {d.section for d in item_drafts} == {expected}
