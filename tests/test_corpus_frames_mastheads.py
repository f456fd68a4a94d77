"""Layouts of the user21 pass: a notice an OA system exports inside one bordered table cell, Word's drop caps
(首字下沉), and the masthead of a bulletin (简报) or minutes (纪要) — its name, issue and editing office with
the date — read as what they are.

Before: the framed notice was one table row (titled by its file name, without date, number or addressee,
its whole body one passage); a drop cap was a section 「今」 over its paragraph, which began 「年以来，……」;
a 纪要's name was dropped for its issue line 「〔2024〕第7期」, the office-and-date line was read into the
title, and neither the bulletin nor the minutes had a date."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus import check_conservation, chunk_speech, parse_document, read_bytes, read_document
from corpus.clean import clean_title
from tests.fixtures.documents.make_fixtures import soffice
from tests.fixtures.layouts import make_frames_mastheads as m
from tests.text_checks import assert_in_order_once, squeeze

needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")


def sentences(text: str) -> list[str]:
    return re.findall(r"[^。！？]+[。！？]", text)


def check_framed_notice(path: Path) -> None:
    document = read_document(path)
    (speech,) = parse_document(document)
    assert (speech.title, speech.date, speech.doc_number) == (
        m.NOTICE_TITLE,
        m.NOTICE_DATE[1],
        m.NOTICE_NUMBER,
    )
    assert speech.addressee == m.NOTICE_ADDRESSEE.rstrip("：")
    assert speech.issuer == m.NOTICE_ISSUER
    passages = [d.text for d in chunk_speech(speech)]
    assert_in_order_once(passages, [s for p in m.NOTICE_BODY for s in sentences(p)])
    assert "场次：第一场；时间：9月25日上午；主讲内容：高血压的日常管理" in passages
    assert not any(m.NOTICE_TITLE in p or m.NOTICE_ISSUER + m.NOTICE_DATE[0] in p for p in passages)
    assert check_conservation(document, passages).ok


def test_a_notice_framed_in_one_table_cell_reads_as_its_paragraphs(tmp_path: Path) -> None:
    check_framed_notice(m.write_framed_notice(tmp_path / "framed.docx"))


@needs_soffice
@pytest.mark.parametrize("target", ["odt", "rtf"])
def test_the_framed_notice_saved_by_libreoffice_reads_the_same(tmp_path: Path, target: str) -> None:
    check_framed_notice(soffice(m.write_framed_notice(tmp_path / "framed.docx"), target))


def test_a_one_cell_table_of_one_line_is_still_that_line(tmp_path: Path) -> None:
    """Only a cell of several paragraphs is a frame: a boxed 文号 stays the one line it prints."""
    from docx import Document

    document = Document()
    document.add_table(rows=1, cols=1).cell(0, 0).text = m.NOTICE_NUMBER
    document.add_paragraph(m.NOTICE_TITLE)
    document.add_paragraph(m.NOTICE_BODY[0])
    document.save(tmp_path / "boxed.docx")
    blocks = read_document(tmp_path / "boxed.docx").blocks
    assert (blocks[0].kind, blocks[0].text) == ("line", m.NOTICE_NUMBER)


def check_bulletin(path: Path) -> None:
    document = read_document(path)
    (speech,) = parse_document(document)
    assert (squeeze(speech.title), speech.date) == (squeeze(m.BULLETIN_TITLE), "2024-06-18")
    assert all(p.section is None for p in speech.paragraphs)
    passages = [d.text for d in chunk_speech(speech)]
    assert_in_order_once(passages, [s for p in m.BULLETIN_PARAGRAPHS for s in sentences(p)])
    assert check_conservation(document, passages).ok


def test_drop_caps_run_into_their_paragraphs(tmp_path: Path) -> None:
    check_bulletin(m.write_drop_cap_bulletin(tmp_path / "bulletin.docx"))


@needs_soffice
@pytest.mark.parametrize("target", ["odt", "rtf"])
def test_the_drop_cap_bulletin_saved_by_libreoffice_reads_the_same(tmp_path: Path, target: str) -> None:
    check_bulletin(soffice(m.write_drop_cap_bulletin(tmp_path / "bulletin.docx"), target))


ISSUES = [
    "第5期",
    "〔2024〕第7期",
    "（2024年第3期）",
    "2024年第12期",
    "第三期",
    "[2024]第2期",
    "第8期（总第45期）",
]
OFFICES = ["中共临江市委老干部局", "临江市委老干部局办公室", "市委老干部局"]
EDITED = ["", "编", "编印", "　编"]
GAPS = ["", " ", "　　　　", "        "]
DATES = [("2024年6月18日", "2024-06-18"), ("二〇二四年六月十八日", "2024-06-18"), ("2024年6月", "2024-06")]
BODY = (
    "2024年7月16日上午，局党组书记、局长周卫东主持召开局长办公会议，研究离休干部医药费保障等事项。",
    "会议决定从今年起将离休干部医药费保障标准提高到每人每年两万八千元。",
)


@settings(max_examples=60, deadline=None)
@given(
    name=st.sampled_from(
        [
            "局长办公会议纪要",
            "局 长 办 公 会 议 纪 要",
            "老干部工作简报",
            "工作动态",
            "银龄简讯",
            "老干部工作通讯",
        ]
    ),
    issue=st.sampled_from(ISSUES),
    office=st.sampled_from(OFFICES),
    edited=st.sampled_from(EDITED),
    gap=st.sampled_from(GAPS),
    date=st.sampled_from(DATES),
    article=st.sampled_from([None, "银龄助力基层治理"]),
    newline=st.sampled_from(["\n", "\r\n"]),
    one_line=st.booleans(),
)
def test_a_masthead_gives_the_title_and_the_date_and_keeps_the_body(
    name: str,
    issue: str,
    office: str,
    edited: str,
    gap: str,
    date: tuple[str, str],
    article: str | None,
    newline: str,
    one_line: bool,
) -> None:
    """Property: the issue, the editing office and the date on one line (「2024年第12期　市委老干部局编　2024年
    6月18日」) or on two; a name ending 讯 (「银龄简讯」) is the periodical's, no report's dateline."""
    edition = f"{office}{edited}{gap}{date[0]}"
    head = [f"{issue}{gap}{edition}"] if one_line else [issue, edition]
    lines = [name, *head, *([article] if article else []), *BODY]
    (speech,) = parse_document(read_bytes("纪要.txt", newline.join(lines).encode("utf-8")))
    assert speech.title == (article or clean_title(name))
    assert speech.date == date[1]
    assert speech.issuer == office
    passages = [d.text for d in chunk_speech(speech)]
    assert_in_order_once(passages, [s for p in BODY for s in sentences(p)])
    assert not any(issue in p or office in p for p in passages)


@pytest.mark.parametrize(
    ("spaced", "title"),
    [("局 长 办 公 会 议 纪 要", "局长办公会议纪要"), ("通　　知", "通知"), ("会 议 纪 要", "会议纪要")],
)
def test_a_title_spaced_out_character_by_character_is_one_word(spaced: str, title: str) -> None:
    assert clean_title(spaced) == title
    assert clean_title("银发生辉 服务大局") == "银发生辉 服务大局"  # two halves keep their space


ARTICLES = (
    (
        "老干部合唱团新春演出圆满成功",
        "3月12日，市老干部合唱团举办新春专场演出，四十二名团员演唱了十二首歌曲。",
    ),
    ("春季义诊走进老干部活动中心", "3月15日，市人民医院专家来到老干部活动中心开展义诊，接诊一百三十余人次。"),
    ("门球队备战全省老年运动会", "市老干部门球队自二月起每周训练三次，重点演练攻防配合。"),
)


@settings(max_examples=40, deadline=None)
@given(
    name=st.sampled_from(["银龄简讯", "老干部工作通讯", "老干部工作简报"]),
    issue=st.sampled_from(["第12期", "2027年第3期", "2027年第6期（总第58期）"]),
    edition=st.sampled_from(
        [
            ("2027年3月", None, "2027-03"),
            ("中共青屿市委老干部局编　2027年3月20日", "中共青屿市委老干部局", "2027-03-20"),
        ]
    ),
    gap=st.sampled_from([" ", "　　"]),
    count=st.integers(2, 3),
)
def test_an_issue_of_several_articles_is_titled_by_its_name_and_issue(
    name: str, issue: str, edition: tuple[str, str | None, str], gap: str, count: int
) -> None:
    """Property: a periodical's name over its issue line (「第12期　2027年3月」) and several articles, each under
    its headline: titled 「name issue」, dated by the issue line, every article's text under its headline."""
    lines = [name, f"{issue}{gap}{edition[0]}", *(line for article in ARTICLES[:count] for line in article)]
    (speech,) = parse_document(read_bytes("通讯.txt", "\n".join(lines).encode("utf-8")))
    assert (speech.title, speech.date, speech.issuer) == (f"{name} {issue}", edition[2], edition[1])
    assert [(p.section, p.text) for p in speech.paragraphs if p.kind == "text"] == list(ARTICLES[:count])


def test_one_article_under_a_periodical_s_name_and_issue_keeps_its_own_title() -> None:
    """A bulletin carrying one article, in numbered parts, is titled by the article, as before."""
    lines = [
        "老干部工作简报",
        "2027年第3期　市委老干部局编　2027年3月20日",
        "银龄助力基层治理",
        "一、主要做法",
        *BODY,
    ]
    (speech,) = parse_document(read_bytes("简报.txt", "\n".join(lines).encode("utf-8")))
    assert (speech.title, speech.date) == ("银龄助力基层治理", "2027-03-20")


@needs_soffice
@pytest.mark.parametrize("target", ["pdf", "docx"])
@pytest.mark.parametrize(
    ("issue", "title", "date"),
    [
        (
            None,
            "银龄简讯 2027年第3期",
            "2027-03-20",
        ),  # 「2027年第3期　　中共青屿市委老干部局编　　2027年3月20日」
        ("第12期　　2027年3月", "银龄简讯 第12期", "2027-03"),
    ],
)
def test_a_libreoffice_newsletter_is_titled_by_its_masthead_and_issue_and_dated(
    tmp_path: Path, target: str, issue: str | None, title: str, date: str
) -> None:
    """make_newsletter_pdf.py's page (three columns of articles under a masthead and an issue line), saved by
    LibreOffice as PDF and as .docx: before, titled by its file name, undated, the issue line read into the
    first article's first paragraph."""
    from tests.fixtures.layouts.make_newsletter_pdf import ARTICLES as NEWS
    from tests.fixtures.layouts.make_newsletter_pdf import ISSUE, write_docx, write_pdf

    path = (write_pdf if target == "pdf" else write_docx)(tmp_path, issue or ISSUE)
    (speech,) = parse_document(read_document(path))
    assert (speech.title, speech.date) == (title, date)
    assert [(p.section, p.text) for p in speech.paragraphs if p.section != "附注"][: len(NEWS[0][1])] == [
        (NEWS[0][0], text) for text in NEWS[0][1]
    ]
    for headline, texts in NEWS:  # the editor's line under the columns stays under the last article
        assert [p.text for p in speech.paragraphs if p.section == headline][: len(texts)] == list(texts)
