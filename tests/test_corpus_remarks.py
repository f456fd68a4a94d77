"""A draft sent out for comment, as reviewers return it (cold32): their remarks, and the draft's title.

- Reviewers remark on a PDF in WPS or Acrobat as annotations: a text box typed on the page (FreeText), a
  highlight with its comment, a sticky note. They are not the page's text and were not read at all: 「审核人
  说经费怎么办」 found nothing. Each remark is now a passage of its own under 「批注」, after the body, citing
  its page and its author (「第2页批注（财务科贺兰芝）：经费请列入年度预算…」), never in the body's sentences; a
  hidden one, and a sticky note's pop-up (its parent's text again), are not read.
- 「（征求意见稿）」 on the line under the title was read as a section label; it is part of the title.
- A numbered sentence whose first part before 「；」 runs in clauses was cited as a section heading (on a page
  split off by pdfseparate); it is a sentence of the text.

The file: ``tests/fixtures/remarks/``, made by ``make_remarks.py`` there (python-docx → LibreOffice Writer's
PDF export → annotations added by pypdf).
"""

from __future__ import annotations

import io
import re
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from corpus import parse_document, read_bytes
from tests.fixtures.corpus_writers import write_docx
from tests.fixtures.remarks.make_remarks import (
    AUTHOR,
    DRAFT,
    DRAFT_MARK,
    HIDDEN,
    NOTICE,
    REMARKS,
    TITLE,
    add_remarks,
)

FIXTURES = Path(__file__).parent / "fixtures" / "remarks"
DRAFT_PDF = FIXTURES / "draft.writer-remarks.pdf"
SENTENCE = re.compile(r"[^。！？]+[。！？]")


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _speech(name: str, data: bytes):  # type: ignore[no-untyped-def]
    speeches = parse_document(read_bytes(name, data))
    assert len(speeches) == 1
    return speeches[0]


def _body_sentences() -> list[str]:
    return [s for kind, text in DRAFT if kind == "body" for s in SENTENCE.findall(str(text))]


def _without_remarks() -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(str(DRAFT_PDF)))
    for page in writer.pages:
        if "/Annots" in page:
            del page["/Annots"]
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _with_remarks(remarks) -> bytes:  # type: ignore[no-untyped-def]
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(_without_remarks())))
    add_remarks(writer, remarks)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_each_remark_is_a_passage_under_批注_with_its_page_and_author() -> None:
    speech = _speech(DRAFT_PDF.name, DRAFT_PDF.read_bytes())
    notes = [p for p in speech.paragraphs if p.section == "批注"]
    assert [p.kind for p in notes] == ["note"] * len(REMARKS)
    for paragraph, (page, _, author, text) in zip(notes, REMARKS, strict=True):
        who = _squeezed(
            author.split(",")[0]
        )  # 「财务科 贺兰芝, 12/10/29, 15:20」: the date is not the author
        assert _squeezed(paragraph.text) == f"第{page}页批注（{who}）：{text}"
    everything = "".join(_squeezed(p.text) for p in speech.paragraphs)
    assert HIDDEN not in everything  # flagged hidden: never shown, so never read
    for _, _, _, text in REMARKS:
        assert everything.count(text) == 1  # the sticky note's pop-up is not read again
    # the signature is still found (the remarks come after it): dated and signed
    assert speech.date == "2029-12-12"
    assert speech.issuer == "青岚县老干部活动中心"


def test_the_body_reads_every_sentence_once_in_order_and_no_remark_in_it() -> None:
    speech = _speech(DRAFT_PDF.name, DRAFT_PDF.read_bytes())
    body = "".join(_squeezed(p.text) for p in speech.paragraphs if p.section != "批注")
    at = 0
    for sentence in _body_sentences():
        found = body.find(_squeezed(sentence), at)
        assert found >= at, sentence
        assert body.count(_squeezed(sentence)) == 1, sentence
        at = found
    for _, _, _, text in REMARKS:
        assert text not in body


_POOL = (
    "请核实人数",
    "建议增加一次户外读书活动",
    "此处电话号码有误，请更正",
    "经费标准与去年一致吗？",
    "同意",
    "建议邀请县图书馆馆员参加",
)


@settings(max_examples=8, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from((1, 2)),
            st.sampled_from(("FreeText", "Highlight", "Text")),
            st.sampled_from(("审核人 邹明远", "贺兰芝", "")),
            st.sampled_from(_POOL),
        ),
        min_size=1,
        max_size=4,
        unique_by=lambda r: r[3],
    )
)
def test_any_remarks_are_read_once_each_in_page_order_and_the_body_stays_as_it_was(remarks) -> None:  # type: ignore[no-untyped-def]
    plain = _speech("draft.pdf", _without_remarks())
    remarked = _speech("draft.pdf", _with_remarks(remarks))
    notes = [p for p in remarked.paragraphs if p.section == "批注"]
    assert [p for p in remarked.paragraphs if p.section != "批注"] == list(plain.paragraphs)
    assert (remarked.title, remarked.date, remarked.issuer) == (plain.title, plain.date, plain.issuer)
    # each remark once, by page, down each page as placed (add_remarks places them down the margin in order)
    expected = [text for _, text in sorted(((page, n), text) for n, (page, _, _, text) in enumerate(remarks))]
    assert [re.sub(r"^第\d页批注(（[^）]*）)?：", "", _squeezed(p.text)) for p in notes] == [
        _squeezed(t) for t in expected
    ]
    pages = [int(p.text[1]) for p in notes]
    assert pages == sorted(pages)


# --- the draft's status under its title ---------------------------------------------------------
# 「（征求意见稿）」 on the line under a title (as GB/T 9704 sets it) was read as a section label: the body's
# first passages were cited 「§（征求意见稿）」 and the title lost what the document is. It is part of the title.


def test_the_status_under_the_title_is_part_of_the_title_in_writers_pdf() -> None:
    speech = _speech(DRAFT_PDF.name, DRAFT_PDF.read_bytes())
    assert speech.title == f"{TITLE}{DRAFT_MARK}"
    assert all(DRAFT_MARK not in (p.section or "") and DRAFT_MARK not in p.text for p in speech.paragraphs)


@settings(max_examples=8, deadline=None)
@given(
    st.sampled_from(
        (
            "（征求意见稿）",
            "（送审稿）",
            "（讨论稿）",
            "（试行）",
            "(草案)",
            "（第二稿）",
            "（修订草案征求意见稿）",
        )
    )
)
def test_any_status_line_under_a_word_title_joins_the_title_and_nothing_else_moves(mark: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        plain, marked = Path(tmp) / "plain.docx", Path(tmp) / "marked.docx"
        write_docx((DRAFT[0], *DRAFT[2:]), plain, author=AUTHOR)
        write_docx((DRAFT[0], ("body", mark), *DRAFT[2:]), marked, author=AUTHOR)
        before = _speech(plain.name, plain.read_bytes())
        after = _speech(marked.name, marked.read_bytes())
    assert after.title == f"{TITLE}{mark}"
    assert after.paragraphs == before.paragraphs  # every sentence once, under the same sections
    assert (after.date, after.issuer) == (before.date, before.issuer)


# --- numbered sentences parted by 「；」 ------------------------------------------------------------
# On a page split off by pdfseparate, items 「二、请穿轻便的鞋，自带水杯和老花镜；馆内不能吸烟，请保持安静。」 were
# cited as section headings (their words up to 「；」): a sentence whose first part already runs in clauses
# is a sentence of the text, as one ending in 「。」 there is.

SEPARATED = FIXTURES / "attachment.pdfseparate.pdf"


def test_numbered_sentences_parted_by_semicolons_on_a_split_off_page_head_no_section() -> None:
    speech = _speech(SEPARATED.name, SEPARATED.read_bytes())
    items = [str(text) for kind, text in NOTICE[NOTICE.index(("title", "参观县史馆新馆注意事项")) + 1 :]]
    assert speech.title == "参观县史馆新馆注意事项"
    assert [_squeezed(p.text) for p in speech.paragraphs] == [_squeezed(t) for t in items]
    assert all(p.section is None for p in speech.paragraphs)


_ITEMS = (
    "请穿轻便的鞋，自带水杯；馆内不能吸烟，请保持安静。",
    "行动不便的同志可借用轮椅，馆内有无障碍通道；如需休息，可到一楼休息区。",
    "参观分两批进行，每批不超过40人；由各支部书记带队。",
    "报名请于4月10日前，向所在支部登记；逾期不再安排。",
    "参观结束后统一乘车返回，请勿单独离队。",
)


@settings(max_examples=8, deadline=None)
@given(st.lists(st.sampled_from(_ITEMS), min_size=2, max_size=5, unique=True))
def test_numbered_clause_sentences_in_word_are_text_every_sentence_once_in_order(items: list[str]) -> None:
    numbers = "一二三四五"
    parts = (
        ("title", "参观县史馆新馆注意事项"),
        *(("body", f"{numbers[n]}、{item}") for n, item in enumerate(items)),
    )
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "items.docx"
        write_docx(parts, path, author=AUTHOR)
        speech = _speech(path.name, path.read_bytes())
    assert [_squeezed(p.text) for p in speech.paragraphs] == [
        _squeezed(f"{numbers[n]}、{item}") for n, item in enumerate(items)
    ]
    assert all(p.section is None for p in speech.paragraphs)
