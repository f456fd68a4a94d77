"""A notice's 落款 — the issuing body and the date on its last lines — gives its record's issuer and date
however it is set: the date under the body's name or over it, both on one line (「中共临江市委老干部局
2024年3月5日」), a seal's mark after the name (「（盖章）」) or on a line of its own (「（印章）」, or the seal's text
as OCR reads it: 「临江市委老干部局专用章」), a weekday after the date, the date in any form (2024年3月5日,
二〇二四年三月五日, 2024.3.5, 2024/3/5, full-width digits). Before, such a notice had no date (and, without a
masthead, no issuer): the 落款 was read as body text. A date quoted in the body is never the record's.

Files: python-docx (tests/fixtures/corpus_writers.write_docx) and LibreOffice's PDF of it (write_converted).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus import HEAD_SECTION, chunk_speech, parse_document, read_document
from corpus.records import Document

TITLE = "关于做好2024年离退休干部健康体检工作的通知"
BODY = [
    "各县（市、区）委老干部局，市直各单位：",
    "为切实保障离退休干部身体健康，经研究，决定组织开展2024年度健康体检。现将有关事项通知如下。",
    "一、体检时间",
    "体检于2023年5月10日开始，2024年6月30日前结束。",
    "二、体检费用",
    "体检费用由原单位按规定列支，每人不超过1200元。",
]
ISSUERS = ["中共临江市委老干部局", "临江市老年大学", "江州市人力资源和社会保障局", "临江市委老干部局办公室"]
CN = "〇一二三四五六七八九"


def _chinese_year(year: int) -> str:
    return "".join(CN[int(d)] for d in str(year))


def _chinese_number(n: int) -> str:
    return (
        CN[n] if n < 10 else ("十" if n // 10 == 1 else CN[n // 10] + "十") + (CN[n % 10] if n % 10 else "")
    )


@st.composite
def dates(draw):  # type: ignore[no-untyped-def]
    """(the date as printed, its ISO form)."""
    year, month, day = draw(st.integers(2015, 2030)), draw(st.integers(1, 12)), draw(st.integers(1, 28))
    form = draw(st.sampled_from(["digits", "chinese", "dots", "slash", "dash", "full", "spaced"]))
    printed = {
        "digits": f"{year}年{month}月{day}日",
        "chinese": f"{_chinese_year(year)}年{_chinese_number(month)}月{_chinese_number(day)}日",
        "dots": f"{year}.{month}.{day}",
        "slash": f"{year}/{month}/{day}",
        "dash": f"{year}-{month:02d}-{day:02d}",
        "full": f"{year}年{month}月{day}日".translate(str.maketrans("0123456789", "０１２３４５６７８９")),
        "spaced": f"{year} 年 {month} 月 {day} 日",
    }[form]
    if draw(st.booleans()) and form in ("digits", "chinese"):
        printed += f"（星期{draw(st.sampled_from('一二三四五六日'))}）"
    return printed, f"{year}-{month:02d}-{day:02d}"


@st.composite
def signatures(draw):  # type: ignore[no-untyped-def]
    """(the 落款's lines, issuer, ISO date)."""
    issuer = draw(st.sampled_from(ISSUERS))
    printed, iso = draw(dates())
    layout = draw(st.sampled_from(["under", "one line", "over", "seal mark", "seal line", "seal text"]))
    gap = draw(st.sampled_from([" ", "　　", "    "]))
    lines = {
        "under": [issuer, printed],
        "one line": [f"{issuer}{gap}{printed}"],
        "over": [printed, issuer],
        "seal mark": [f"{issuer}{draw(st.sampled_from(['（盖章）', '（章）', '(公章)']))}", printed],
        "seal line": [issuer, draw(st.sampled_from(["（印章）", "（盖章）"])), printed],
        "seal text": [issuer, f"{issuer.removeprefix('中共')}专用章", printed],
    }[layout]
    return lines, issuer, iso


@settings(max_examples=150, deadline=None)
@given(signatures(), st.booleans())
def test_the_signature_gives_the_record_its_issuer_and_date(signature, closing) -> None:  # type: ignore[no-untyped-def]
    lines, issuer, iso = signature
    text = "\n".join([TITLE, *BODY, *(["特此通知。"] if closing else []), *lines]) + "\n"
    [speech] = parse_document(Document(name="通知.txt", text=text, encoding="utf-8"))
    assert (speech.issuer, speech.date) == (issuer, iso), lines
    # the 落款 is the record's (its 「文件信息」 passage names the body), not body text; the body's own
    # sentences are all there
    passages = "".join(draft.text for draft in chunk_speech(speech) if draft.section != HEAD_SECTION)
    assert issuer not in passages, passages
    assert "体检于2023年5月10日开始，2024年6月30日前结束。" in passages


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(ISSUERS))
def test_a_date_quoted_in_the_body_is_never_the_record_date(issuer) -> None:  # type: ignore[no-untyped-def]
    """A 落款 with the body's name and no date: the notice stays undated, whatever dates its body quotes."""
    text = "\n".join([TITLE, *BODY, issuer]) + "\n"
    [speech] = parse_document(Document(name="通知.txt", text=text, encoding="utf-8"))
    assert (speech.issuer, speech.date) == (issuer, None)


def test_a_line_ending_in_a_date_in_the_body_is_no_signature() -> None:
    """Only a body's name makes a line ending in a date a signature: 「报名截止日期 2024年3月5日」 stays text."""
    text = "\n".join([TITLE, *BODY, "报名截止日期 2024年3月5日", "联系电话 88961234"]) + "\n"
    [speech] = parse_document(Document(name="通知.txt", text=text, encoding="utf-8"))
    assert speech.date is None and speech.issuer is None


WORD_PARTS = [
    ("title", TITLE),
    *[("body", line) for line in BODY],
    ("body", "特此通知。"),
    ("right", "临江市委老干部局（盖章）"),
    ("right", "2024年3月5日（星期二）"),
]


def test_a_word_notice_signed_with_a_seal_mark_and_a_weekday(tmp_path: Path) -> None:
    from tests.fixtures.corpus_writers import write_docx

    path = tmp_path / "体检通知.docx"
    write_docx(WORD_PARTS, path, author="临江市委老干部局")
    [speech] = parse_document(read_document(path))
    assert (speech.issuer, speech.date) == ("临江市委老干部局", "2024-03-05")


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_its_libreoffice_pdf_the_same(tmp_path: Path) -> None:
    from tests.fixtures.corpus_writers import write_converted

    path = tmp_path / "体检通知.pdf"
    write_converted(WORD_PARTS, path, "pdf", author="临江市委老干部局")
    [speech] = parse_document(read_document(path))
    assert (speech.issuer, speech.date) == ("临江市委老干部局", "2024-03-05")
