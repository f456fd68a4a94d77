"""Comments LibreOffice Writer exports as PDF annotations (「导出为 PDF › 常规 › 注释」, ``ExportNotes``).

read63 threaded a Text annotation linked to nothing (no ``/IRT``) on the place of an earlier one, by another
author, as its reply. mend63r reverted that: Writer exports a second reviewer's separate comment on the same
words exactly as it exports a reply — the same ``/Rect``, ``/M D:00000000000000Z``, the date in ``/T`` only to
the day, a ``/Popup`` each, no ``/NM``, in the order the .odt holds them — so the threading joined
``comments/draft.writer.odt``'s two reviewers into a comment and a reply (the .docx/.odt read two comments).
Each such annotation is again a comment of its own, as on main. What stands on its own stays: Writer's
「, RESOLVED」 after a resolved comment's author marks that comment 「已解决」. Files:
``tests/fixtures/pdf_replies/make_writer_replies.py`` (**LibreOffice Writer** exports).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus import parse_document, read_bytes

HERE = Path(__file__).parent / "fixtures" / "pdf_replies"

_NO_SIGNAL = (
    "Writer's PDF keeps nothing that tells a reply from a second reviewer's comment on the same words "
    "(same /Rect, /M D:00000000000000Z, /T dated to the day, no /IRT or /NM); read as separate comments "
    "(docs/mend63r.md)"
)


def _remarks(name: str) -> list[str]:
    path = HERE / name
    [speech] = parse_document(read_bytes(path.name, path.read_bytes()))
    return [p.text for p in speech.paragraphs if p.section == "批注"]


def test_two_reviewers_comments_on_the_same_words_stay_two_comments() -> None:
    """python-docx's separate comments on 「县老干部活动中心三楼报告厅」 (蒲文澜's, then 活动科祁海燕's), opened in
    Writer and exported: read63 read the second as a reply to the first."""
    remarks = _remarks("draft.writer-notes.pdf")
    assert len(remarks) == 6, remarks
    assert not any("回复（" in r for r in remarks), remarks
    assert "第1页批注（蒲文澜）：三楼没有电梯，建议改在一楼多功能厅" in remarks, remarks
    assert "第1页批注（活动科祁海燕）：同意，一楼多功能厅可坐150人" in remarks, remarks


def test_writers_resolved_mark_reads_as_resolved_and_leaves_the_author_whole() -> None:
    remarks = _remarks("replies.writer-notes.pdf")
    assert "第1页批注（活动科祁海燕，已解决）：报告厅只能坐100人" in remarks, remarks
    assert not any("RESOLVED" in r for r in remarks), remarks
    assert "第1页批注（蒲文澜）：已改为每场限100人" in remarks, remarks


@pytest.mark.xfail(reason=_NO_SIGNAL, strict=True)
def test_word_threads_writer_kept_are_read_as_threads_from_its_pdf() -> None:
    remarks = _remarks("replies.writer-notes.pdf")
    assert len(remarks) == 3, remarks
    [stairs] = [r for r in remarks if "三楼没有电梯" in r]
    assert stairs.index("三楼没有电梯") < stairs.index("回复（活动科祁海燕）：同意")


@pytest.mark.xfail(reason=_NO_SIGNAL, strict=True)
def test_a_reply_made_in_writers_shape_is_read_after_its_comment() -> None:
    remarks = _remarks("reply.writer.pdf")
    assert "回复（活动中心石婉清）：同意，已改为八点集合" in remarks[0], remarks


def test_a_writer_notice_keeps_its_sign_off_as_its_issuer() -> None:
    """The 落款 under a LibreOffice Writer notice is its issuer, not the end of its last paragraph.

    read68's fix 3 (a right edge measured from the median sentence-ending line, taken out in mend68r) read this
    page's ragged body lines as full ones: the issuer came out None and 「县委老干部局」 ran into the body.
    """
    path = HERE / "reply.writer.pdf"
    [speech] = parse_document(read_bytes(path.name, path.read_bytes()))
    assert speech.issuer == "县委老干部局"
    assert speech.date == "2034-05-08"
    body = [p.text for p in speech.paragraphs if p.section != "批注"]
    assert body[-1].endswith("车费自理。"), body
    assert not any("县委老干部局" in text for text in body), body
