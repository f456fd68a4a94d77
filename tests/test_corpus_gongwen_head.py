"""A Taiwan 公文's head read as GB/T 9704's fields are (docs61): under 「<機關>　函」, 受文者 is the 主送,
發文日期 the date, 發文字號 the 文号, the organ in the title the issuer and the head signing by post and name
the speaker; 速別, 密等及解密條件或保密期限, 附件, 正本 and 副本 stand in the 「文件信息」 passage as labelled —
none of them body text — while the organ's address and contact lines (地址, 聯絡人, 電話 …) are one passage of the
letter under 附注, as a mainland notice's 「联系人：…」 line is: searchable (「…的联络人是谁」), which 文件信息 is not
(mend61e). Before, the head lines were passages of their own
(each its own section), 附件 ran into 主旨, there was no 文号, 主送 or issuer, and the signer's name ran
onto the last item of 說明.

The files: ``tests/fixtures/gongwen/`` (python-docx and its Writer PDF), made by ``make_gongwen.py`` there;
cold34's 函 and roc_dates' letter read the same way.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus import parse_document, read_bytes, read_document
from tests.fixtures.gongwen.make_gongwen import (
    ADDRESSEE,
    BODY,
    BUREAU,
    BUREAU_SIGNER,
    CONTACTS,
    COPIES,
    FILED,
    KEPT,
    NUMBER,
    ORGAN,
    SIGNER,
)

HERE = Path(__file__).parent
FIXTURES = HERE / "fixtures" / "gongwen"
EXAMPLES = int(os.environ.get("SPEECHQA_PROPERTY_EXAMPLES", "25"))


def _squeezed(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize("name", ["letter.python-docx.docx", "letter.writer.pdf"])
def test_a_taiwan_letters_head_reads_as_its_fields(name: str) -> None:
    (speech,) = parse_document(read_document(FIXTURES / name))
    assert _squeezed(speech.title) == f"{ORGAN}函"
    assert speech.date == "2031-06-12"
    assert speech.doc_number == NUMBER
    assert speech.addressee == ADDRESSEE
    assert speech.issuer == ORGAN
    assert speech.speaker == SIGNER
    head, *body = speech.paragraphs
    assert head.section == "文件信息"
    expected = f"文号：{NUMBER}。发文机关：{ORGAN}。主送：{ADDRESSEE}。" + "".join(
        f"{label}：{value}。" for label, value in (*KEPT, *COPIES) if label not in CONTACTS
    )
    assert _squeezed(head.text) == _squeezed(expected)
    *body, contact = body
    assert [_squeezed(p.text) for p in body] == [_squeezed(line) for line in BODY]
    assert contact.section == "附注"
    assert _squeezed(contact.text) == _squeezed(
        "；".join(f"{label}：{value}" for label, value in KEPT if label in CONTACTS)
    )


@pytest.mark.parametrize("name", ["filed.python-docx.docx", "filed.writer.pdf"])
def test_the_head_lines_above_a_taiwan_letters_title_are_fields_not_its_title(name: str) -> None:
    """review61b: 「檔　　號」 (a label spaced out) above the title was no field: the PDF's title and issuer read
    「檔 號：0110/B010臺南市政府社會局」, the .docx's 檔號 line was in no passage."""
    (speech,) = parse_document(read_document(FIXTURES / name))
    assert _squeezed(speech.title) == f"{BUREAU}函"
    assert speech.issuer == BUREAU
    assert (speech.date, speech.doc_number, speech.addressee) == ("2031-06-12", NUMBER, ADDRESSEE)
    assert speech.speaker == BUREAU_SIGNER
    head, *body = speech.paragraphs
    assert head.section == "文件信息"
    expected = f"文号：{NUMBER}。发文机关：{BUREAU}。主送：{ADDRESSEE}。" + "".join(
        f"{label}：{value}。" for label, value in (*FILED, *KEPT, *COPIES) if label not in CONTACTS
    )
    assert _squeezed(head.text) == _squeezed(expected)
    *body, contact = body  # the contact lines: one passage under 附注, searchable (mend61e)
    assert [_squeezed(p.text) for p in body] == [_squeezed(line) for line in BODY]
    assert contact.section == "附注"
    assert _squeezed(contact.text) == _squeezed(
        "；".join(f"{label}：{value}" for label, value in KEPT if label in CONTACTS)
    )


@pytest.mark.parametrize(
    ("path", "organ", "addressee", "signer"),
    [
        (
            "benchmarks/corpus-cold34/臺中市銀髮族休閒協會函（交流參訪）.docx",
            "臺中市銀髮族休閒協會",
            "璟川縣委老幹部局",
            "葉淑媛",
        ),
        ("tests/fixtures/roc_dates/letter.docx", "高雄市長青學苑聯誼會", "璟川縣老年大學", "蔡明峰"),
    ],
)
def test_the_earlier_taiwan_letters_read_their_heads_too(
    path: str, organ: str, addressee: str, signer: str
) -> None:
    (speech,) = parse_document(read_document(HERE.parent / path))
    assert (speech.issuer, speech.addressee, speech.speaker) == (organ, addressee, signer)
    assert speech.doc_number is not None and speech.doc_number.endswith("號")
    assert not any(signer in p.text for p in speech.paragraphs[-1:])  # the signer no longer ends 說明


def test_cold34s_letters_contact_is_a_passage_not_in_its_head() -> None:
    """「臺中市銀髮族休閒協會的聯絡人是誰」: the contact line is searched for, so it is a passage (cold34 yc008)."""
    (speech,) = parse_document(
        read_document(HERE.parent / "benchmarks/corpus-cold34/臺中市銀髮族休閒協會函（交流參訪）.docx")
    )
    head, *rest = speech.paragraphs
    assert head.section == "文件信息" and "聯絡人" not in head.text and "地址" not in head.text
    assert "附件：交流團成員名冊一份。" in head.text
    (contact,) = [p for p in rest if "聯絡人" in p.text]
    assert contact.section == "附注"
    assert "溫家蓁" in contact.text and "(04)2325-8716" in contact.text and "公益路二段51號" in contact.text


_KEPT_LINES = st.lists(st.sampled_from(KEPT), unique=True, max_size=len(KEPT))


@settings(max_examples=EXAMPLES, deadline=None)
@given(
    kept=_KEPT_LINES,
    dated=st.booleans(),
    numbered=st.booleans(),
    copies=st.lists(st.sampled_from(COPIES), unique=True),
    signed=st.booleans(),
    body=st.lists(st.sampled_from(BODY[2:]), unique=True, max_size=2),
    organ=st.sampled_from([ORGAN, "高雄市長青學苑聯誼會", "新北市政府社會局"]),
)
def test_any_taiwan_head_reads_each_line_to_its_place(
    kept, dated, numbered, copies, signed, body, organ
) -> None:  # type: ignore[no-untyped-def]
    """Any of the head's lines, in any order, with or without a date, number, 正本/副本 or signer, in a plain
    text: each read to its field, kept in the 「文件信息」 passage or — the address and contact lines — one 附注
    passage after the body, in their order; none in the body, every body line once."""
    head = [f"受文者：{ADDRESSEE}", *(f"{label}：{value}" for label, value in kept)]
    if dated:
        head.append("發文日期：中華民國120年6月12日")
    if numbered:
        head.append(f"發文字號：{NUMBER}")
    lines = [f"{organ}　函", *head, BODY[0], BODY[1], *body]
    lines += [f"{label}：{value}" for label, value in copies]
    if signed:
        lines.append(f"理事長　{SIGNER}")
    (speech,) = parse_document(read_bytes("函.txt", "\n".join(lines).encode("utf-8")))
    assert speech.issuer == organ
    assert speech.addressee == ADDRESSEE
    assert speech.doc_number == (NUMBER if numbered else None)
    assert speech.speaker == (SIGNER if signed else None)
    if dated:
        assert speech.date == "2031-06-12"
    first, *rest = speech.paragraphs
    assert first.section == "文件信息"
    for label, value in (*kept, *copies):
        assert (_squeezed(f"{label}：{value}。") in _squeezed(first.text)) == (label not in CONTACTS)
    contacts = [f"{label}：{value}" for label, value in kept if label in CONTACTS]
    noted = [p for p in rest if p.section == "附注"]
    assert [_squeezed(p.text) for p in noted] == ([_squeezed("；".join(contacts))] if contacts else [])
    assert not contacts or rest[-1] == noted[0]
    text = _squeezed("".join(p.text for p in rest))
    for line in [BODY[0], BODY[1], *body]:
        assert text.count(_squeezed(line)) == 1
    assert (
        "受文者" not in text
        and "發文字號" not in text
        and "正本" not in text
        and SIGNER not in text.replace("理事長陳美玲率領", "")
    )
