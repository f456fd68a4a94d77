"""Reviewers answering each other in a Word draft (docs60): Word 2013 and later write a reply as a comment of
its own on the same words, linked to the comment it answers in ``word/commentsExtended.xml``
(``w15:paraIdParent``), and mark a thread resolved there (``w15:done``). read58 read each reply as a
批注 of its own, not saying it answered anything. A thread now reads as one passage, the comment then each
reply in order — 「「…」处批注（蒲文澜）：… — 回复（祁海燕）：…」 — and a resolved thread says 「已解决」 after its
first author, in a .docx and in Writer's .odt and .docx (LibreOffice 7.4 keeps the resolved mark, not the
replies' links: there each reply stays a 批注 of its own).

The files: ``tests/fixtures/comment_replies/``, made by ``make_comment_replies.py`` there.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus import parse_document, read_bytes
from corpus.notes import REMARKS_HEADING, Remark, remark_blocks, threads

FIXTURES = Path(__file__).parent / "fixtures" / "comment_replies"
UNANSWERED = "「一、讲座安排」处批注（祁海燕）：请补充讲座的录像安排"


def _remarks(name: str) -> list[str]:
    speeches = parse_document(read_bytes(name, (FIXTURES / name).read_bytes()))
    assert len(speeches) == 1
    return [p.text for p in speeches[0].paragraphs if p.section == REMARKS_HEADING]


def test_a_word_thread_reads_as_one_remark_with_its_replies_in_order() -> None:
    assert _remarks("replies.word.docx") == [
        UNANSWERED,
        "「县老干部活动中心三楼报告厅」处批注（蒲文澜）：三楼没有电梯，建议改在一楼多功能厅"
        "—回复（活动科祁海燕）：同意，一楼多功能厅可坐150人—回复（蒲文澜）：那就改在一楼，请同步修改通知",
        "「每场限120人」处批注（活动科祁海燕，已解决）：报告厅只能坐100人—回复（蒲文澜）：已改为每场限100人",
    ]


@pytest.mark.parametrize("name", ["replies.writer.odt", "replies.writer.docx"])
def test_writer_keeps_the_resolved_mark_and_each_reply_once(name: str) -> None:
    assert _remarks(name) == [
        UNANSWERED,
        "「县老干部活动中心三楼报告厅」处批注（蒲文澜）：三楼没有电梯，建议改在一楼多功能厅",
        "「县老干部活动中心三楼报告厅」处批注（活动科祁海燕）：同意，一楼多功能厅可坐150人",
        "「县老干部活动中心三楼报告厅」处批注（蒲文澜）：那就改在一楼，请同步修改通知",
        "「每场限120人」处批注（活动科祁海燕，已解决）：报告厅只能坐100人",
        "「每场限120人」处批注（蒲文澜）：已改为每场限100人",
    ]


def test_the_body_reads_as_without_the_threads() -> None:
    word = parse_document(read_bytes("a.docx", (FIXTURES / "replies.word.docx").read_bytes()))[0]
    writer = parse_document(read_bytes("a.odt", (FIXTURES / "replies.writer.odt").read_bytes()))[0]
    body = [(p.section, p.text) for p in word.paragraphs if p.section != REMARKS_HEADING]
    assert body == [(p.section, p.text) for p in writer.paragraphs if p.section != REMARKS_HEADING]
    assert (word.title, word.date, word.issuer) == (writer.title, writer.date, writer.issuer)


@st.composite
def _forests(draw):  # type: ignore[no-untyped-def]
    """Remarks with distinct texts and a parent map: each remark answers an earlier one or none."""
    n = draw(st.integers(1, 8))
    parents = {}
    for index in range(1, n):
        parent = draw(st.one_of(st.none(), st.integers(0, index - 1)))
        if parent is not None:
            parents[index] = parent
    remarks = [
        Remark(
            (f"意见{index}号",), draw(st.sampled_from(["", "蒲文澜", "祁海燕"])), resolved=draw(st.booleans())
        )
        for index in range(n)
    ]
    return remarks, parents


@settings(max_examples=200, deadline=None)
@given(_forests())
def test_every_remark_is_read_once_in_its_threads_passage(forest) -> None:  # type: ignore[no-untyped-def]
    remarks, parents = forest
    blocks = remark_blocks(threads(remarks, parents))
    lines = [b.text for b in blocks[1:]]

    def root(index: int) -> int:
        while index in parents:
            index = parents[index]
        return index

    roots = [index for index in range(len(remarks)) if root(index) == index]
    assert len(lines) == len(roots)
    for line, first in zip(lines, roots, strict=True):
        said = [i for i in range(len(remarks)) if root(i) == first]
        texts = [f"意见{i}号" for i in said]
        assert [
            t for t in (f"意见{i}号" for i in range(len(remarks))) if t in line
        ] == texts  # once, in order
        assert line.count("回复") == len(said) - 1
        assert ("已解决" in line) == any(remarks[i].resolved for i in said)
