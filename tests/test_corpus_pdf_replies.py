"""A PDF comment's replies (docs61): an annotation ``/IRT`` another (Acrobat's and WPS's 「回复」) is read in
the thread of the comment it answers, as Word's replies are — 「第1页批注（邹明远）：… — 回复（石婉清）：…」 —
and a review state marking the thread done (``/StateModel /Review``, ``/State /Completed``) says 「已解决」.
Before, each reply was a 批注 of its own, not saying what it answered, and the review state was passed over.

The file: ``tests/fixtures/pdf_replies/draft.replies.pdf``, made by ``make_pdf_replies.py`` there (a Writer
PDF, the annotations by pypdf).
"""

from __future__ import annotations

import io
import os
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from corpus import parse_document, read_bytes
from tests.fixtures.pdf_replies.make_pdf_replies import REPLY, STATE_WORDS, THREADS

FIXTURE = Path(__file__).parent / "fixtures" / "pdf_replies" / "draft.replies.pdf"
EXAMPLES = int(os.environ.get("SPEECHQA_PROPERTY_EXAMPLES", "25"))


def _remarks(data: bytes) -> list[str]:
    (speech,) = parse_document(read_bytes("draft.pdf", data))
    return [p.text for p in speech.paragraphs if p.section == "批注"]


def _squeezed(text: str) -> str:
    return text.replace(" ", "")


def test_each_pdf_thread_reads_as_one_remark_with_its_replies_in_order() -> None:
    remarks = _remarks(FIXTURE.read_bytes())
    expected = []
    for page, said, resolved in THREADS:
        (author, text), *replies = said
        marks = f"（{author}，已解决）" if resolved else f"（{author}）"
        expected.append(f"第{page}页批注{marks}：{text}" + "".join(f"—回复（{a}）：{t}" for a, t in replies))
    assert [_squeezed(r) for r in remarks] == [_squeezed(e) for e in expected]
    assert not any(STATE_WORDS in r for r in remarks)  # Acrobat's English state words are no remark


def test_the_body_reads_the_same_with_and_without_the_replies() -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(str(FIXTURE)))
    for page in writer.pages:
        page.pop("/Annots", None)
    plain = io.BytesIO()
    writer.write(plain)
    (with_replies,) = parse_document(read_bytes("draft.pdf", FIXTURE.read_bytes()))
    (without,) = parse_document(read_bytes("draft.pdf", plain.getvalue()))
    assert [p.text for p in with_replies.paragraphs if p.section != "批注"] == [
        p.text for p in without.paragraphs
    ]
    assert with_replies.title == without.title


NOTED = FIXTURE.with_name("notes.replies.pdf")


def _noted_remarks(data: bytes) -> list[str]:
    (speech,) = parse_document(read_bytes(NOTED.name, data))
    return [_squeezed(p.text) for p in speech.paragraphs if p.section == "批注"]


def test_a_reply_to_a_note_writer_exported_is_read_in_its_thread() -> None:
    """review61b: Writer's notes come with pop-ups that have no box; the reply read as a 批注 of its own."""
    assert _noted_remarks(NOTED.read_bytes()) == [
        _squeezed(f"第1页批注（王审核）：建议改在星期五下午—回复（{REPLY[0]}）：{REPLY[1]}"),
        "第1页批注（王审核）：请写明楼层",
    ]


def test_the_date_writer_appends_to_an_author_in_a_chinese_locale_is_no_part_of_the_name() -> None:
    """LibreOffice in a Chinese locale writes 「审核人邹明远, 31年3月1日, 」 as a note's author."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject, TextStringObject

    writer = PdfWriter(clone_from=PdfReader(str(NOTED)))
    for annot in writer.pages[0]["/Annots"]:
        if str(annot.get_object().get("/T", "")).startswith("王审核"):
            annot.get_object()[NameObject("/T")] = TextStringObject("王审核, 31年3月1日, ")
    out = io.BytesIO()
    writer.write(out)
    assert _noted_remarks(out.getvalue())[1] == "第1页批注（王审核）：请写明楼层"


@st.composite
def _forests(draw):  # type: ignore[no-untyped-def]
    """Up to eight comments on one page, each a comment or a reply to an earlier one (a reply to a reply
    too), some marked done by a review state."""
    n = draw(st.integers(1, 8))
    parents = [None if i == 0 else draw(st.one_of(st.none(), st.integers(0, i - 1))) for i in range(n)]
    authors = [draw(st.sampled_from(["", "蒲文澜", "祁海燕"])) for _ in range(n)]
    done = [draw(st.booleans()) for _ in range(n)]
    return parents, authors, done


@settings(max_examples=EXAMPLES, deadline=None)
@given(_forests())
def test_any_forest_of_pdf_replies_reads_one_remark_per_thread(forest) -> None:  # type: ignore[no-untyped-def]
    """Whatever the replies: one remark per thread, each comment's text once, in its thread's remark and in
    order, 「回复」 once per reply, 「已解决」 exactly when a review state marks a comment of the thread done."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.annotations import Text
    from pypdf.generic import NameObject, NumberObject, TextStringObject

    parents, authors, done = forest
    writer = PdfWriter(clone_from=PdfReader(str(FIXTURE)))
    for page in writer.pages:
        page.pop("/Annots", None)
    refs = []
    for i, (parent, author) in enumerate(zip(parents, authors, strict=True)):
        top = 760 - 60 * i
        note = Text(rect=(560, top - 20, 580, top), text=f"意见{i}号")
        note[NameObject("/T")] = TextStringObject(author)
        if parent is not None:
            note[NameObject("/IRT")] = refs[parent]
        refs.append(writer.add_annotation(page_number=0, annotation=note).indirect_reference)
    for i, marked in enumerate(done):
        if marked:
            state = Text(rect=(560, 0, 580, 20), text=STATE_WORDS)
            state[NameObject("/IRT")] = refs[i]
            state[NameObject("/StateModel")] = TextStringObject("Review")
            state[NameObject("/State")] = TextStringObject("Completed")
            state[NameObject("/F")] = NumberObject(2)
            writer.add_annotation(page_number=0, annotation=state)
    out = io.BytesIO()
    writer.write(out)
    remarks = [_squeezed(r) for r in _remarks(out.getvalue())]

    def root(i: int) -> int:
        while parents[i] is not None:
            i = parents[i]
        return i

    roots = sorted({root(i) for i in range(len(parents))})
    assert len(remarks) == len(roots)
    for remark, r in zip(remarks, roots, strict=True):
        members = [i for i in range(len(parents)) if root(i) == r]
        positions = [remark.index(f"意见{i}号") for i in members]
        assert positions == sorted(positions)
        assert remark.count("回复") == len(members) - 1
        assert ("已解决" in remark) == any(done[i] for i in members)
    assert sum(r.count("意见") for r in remarks) == len(parents)
