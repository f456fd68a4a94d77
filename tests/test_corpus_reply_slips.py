"""A notice with a reply slip (回执) after a cut-off line is signed and dated, and the slip read under its own
title (cold34).

Offices print a meeting notice with a 回执 to be cut off along a line 「✂- - - 沿此线剪下 - - -」, filled in and
faxed back. speechqa read the signature, the date, the cut-off line and the slip's title as one paragraph
(「中共璟川县委老干部局2031年2月24日✂- - - -沿此线剪下- - - -回执」): cold34's meeting notice was undated and
had no issuer. A cut-off line after a signature now ends the notice; the line is no text, and the slip is
read as an attachment under its first line (「§ 回执」).

The file: ``tests/fixtures/reply_slips/notice.pdf``, made by ``make_reply_slip.py`` there (python-docx →
**LibreOffice Writer** PDF).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corpus import parse_document, read_bytes
from corpus.parse import is_cut_line
from tests.fixtures.reply_slips.make_reply_slip import AUTHOR, NOTICE

PDF = Path(__file__).parent / "fixtures" / "reply_slips" / "notice.pdf"


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_the_writer_notice_is_signed_dated_and_its_slip_read_apart() -> None:
    """main: undated, no issuer, the signature, date, cut-off line and 「回执」 one paragraph."""
    [notice] = parse_document(read_bytes(PDF.name, PDF.read_bytes()))
    assert notice.title == NOTICE[0][1]
    assert (notice.date, notice.issuer) == ("2031-10-27", AUTHOR)
    texts = [p.text for p in notice.paragraphs]
    assert not any("剪下" in t or "✂" in t for t in texts)
    slip = [p.text for p in notice.paragraphs if p.section == "回执"]
    assert slip == ["支部名称；参会人姓名；联系电话", "注：不能参会的支部请说明原因。"]
    body = squash("".join(p.text for p in notice.paragraphs if p.section != "回执"))
    for _kind, line in NOTICE[2:4]:
        assert squash(line) in body


_RULE = st.sampled_from(["- ", "-", "…", "—", "·", "＿", ". "])
_WORDS = st.sampled_from(["沿此线剪下", "（请沿虚线剪下）", "剪开", "请沿此线裁下", ""])


@st.composite
def cut_lines(draw: st.DrawFn) -> str:
    rule = draw(_RULE) * draw(st.integers(6, 20))
    words = draw(_WORDS)
    scissors = draw(st.sampled_from(["✂", "✄", ""]) if words else st.sampled_from(["✂", "✄"]))
    return f"{scissors}{rule}{words}{rule}"


@given(
    cut=cut_lines(),
    items=st.lists(
        st.sampled_from(["请准时参加。", "会期半天。", "请带好笔记本。", "会后统一乘车返回。"]),
        min_size=1,
        max_size=4,
    ),
    slip=st.lists(
        st.sampled_from(["姓名：", "单位：", "是否参会：是 否", "注：逾期视为不参加。"]),
        min_size=1,
        max_size=3,
    ),
    title=st.sampled_from(["回　执", "回执", "报名回执", "参会回执"]),
)
def test_any_notice_with_a_slip_after_a_cut_off_line_keeps_its_signature(
    cut: str, items: list[str], slip: list[str], title: str
) -> None:
    """Whatever the cut-off line and the slip: the notice is dated and signed, the line is in no paragraph,
    every body line and every slip line reaches a paragraph once, the slip's under its title."""
    assert is_cut_line(cut)
    lines = [
        "关于召开老干部工作座谈会的通知",
        "各单位：",
        *items,
        "中共璟川县委老干部局",
        "2031年3月2日",
        cut,
        title,
        *slip,
    ]
    [notice] = parse_document(read_bytes("通知.txt", "\n".join(lines).encode("utf-8")))
    assert (notice.date, notice.issuer) == ("2031-03-02", "中共璟川县委老干部局")
    text = "\n".join(p.text for p in notice.paragraphs)
    assert "剪" not in text and "✂" not in text and "✄" not in text
    under = "".join(p.text for p in notice.paragraphs if (p.section or "").startswith(squash(title)))
    assert squash("".join(slip)) == squash(under)
    body = [
        p.text
        for p in notice.paragraphs
        if p.section != "文件信息" and not (p.section or "").startswith(squash(title))
    ]
    assert squash("".join(body)) == squash("".join(items))


@pytest.mark.parametrize(
    "line",
    [
        "----------",
        "————————",
        "……………………",
        "沿此线剪下",
        "请剪下回执寄回",
        "✂",
        "一、会议时间",
        "注：请沿线剪开",
    ],
)
def test_rules_and_sentences_are_no_cut_off_lines(line: str) -> None:
    """A rule without scissors or words is no cut-off line (a Markdown rule, a 版记's line), nor a sentence
    that speaks of cutting."""
    assert not is_cut_line(line)
