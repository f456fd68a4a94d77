"""Words struck through by hand in a Word document (corpus.word): a clerk cancels an old date, a place or a
lunch with 「删除线」 (w:strike) or 「双删除线」 (w:dstrike) and types the new words after them — not a tracked
change, plain formatting. The struck words print crossed out; read as text they stood beside the words in
force (「上午9时2035年4月17日」) and a question about the cancelled lunch was answered. They are left out of
the passages and of `add --check`'s reference, as a tracked deletion is. python-docx writes the documents
(``font.strike``, as Word's button sets it); the blind set's notice is benchmarks/corpus-cold39's."""

from __future__ import annotations

import io
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from corpus import check_conservation, chunk_speech, parse_document, read_bytes, read_document

SET = Path(__file__).resolve().parent.parent / "benchmarks" / "corpus-cold39"


def _document(paragraphs: list[list[tuple[str, str]]]) -> bytes:
    """A notice: a title, then each paragraph's runs, each run plain, struck (strike), doubly struck
    (dstrike) or with its strike switched off (w:strike w:val="0", as a style's strike is undone)."""
    from docx import Document
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    doc = Document()
    doc.add_paragraph("关于调整活动安排的通知", style="Title")
    for runs in paragraphs:
        paragraph = doc.add_paragraph()
        for text, mark in runs:
            run = paragraph.add_run(text)
            if mark == "strike":
                run.font.strike = True
            elif mark == "dstrike":
                run.font.double_strike = True
            elif mark == "off":
                off = OxmlElement("w:strike")
                off.set(qn("w:val"), "0")
                run._r.get_or_add_rPr().append(off)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def test_struck_words_are_left_out_and_the_new_ones_kept() -> None:
    data = _document(
        [
            [("一、时间：", ""), ("4月10日上午9时", "strike"), ("4月17日上午9时。", "")],
            [("二、地点：县体育馆。", ""), ("当天中午统一安排午餐。", "dstrike")],
            [("三、每人限报两项，", ""), ("不另收费。", "off")],
        ]
    )
    document = read_bytes("通知.docx", data)
    assert "一、时间：4月17日上午9时。" in document.text
    assert "4月10日" not in document.text and "午餐" not in document.text
    assert "三、每人限报两项，不另收费。" in document.text  # a strike switched off strikes nothing
    assert "4月10日" not in document.reference and "午餐" not in document.reference


def test_the_blind_sets_struck_notice_reads_only_the_words_in_force() -> None:
    # benchmarks/corpus-cold39: main read 「2035年4月10日（星期二）上午9时2035年4月17日…」, both places, both
    # numbers of prizes and the cancelled lunch
    document = read_document(SET / "关于调整全县离退休干部踢毽子比赛时间和地点的通知.docx")
    speech = parse_document(document)[0]
    texts = [p.text for p in chunk_speech(speech)]
    joined = "".join(texts)
    assert "一、比赛时间：2035年4月17日（星期二）上午9时，8时30分前完成检录。" in joined
    assert "二、比赛地点：砚泉县第二中学风雨操场" in joined
    for cancelled in ("2035年4月10日", "县体育馆一楼训练厅", "录取前六名", "午餐"):
        assert cancelled not in joined
    assert speech.doc_number == "砚泉老干发〔2035〕9号" and speech.date == "2035-03-28"
    assert check_conservation(document, texts).ok


_WORDS = st.text(alphabet="报名时间地点改为月日上午下午县城活动中心楼层统一安排", min_size=1, max_size=12)
_RUN = st.tuples(_WORDS, st.sampled_from(["", "", "strike", "dstrike", "off"]))


@settings(max_examples=30, deadline=None)
@given(paragraphs=st.lists(st.lists(_RUN, min_size=1, max_size=5), min_size=1, max_size=5))
def test_any_struck_runs_are_read_as_if_they_had_been_deleted(
    paragraphs: list[list[tuple[str, str]]],
) -> None:
    """Property: a document with struck runs anywhere reads as the same document with those runs deleted —
    the text, and the reference `add --check` compares with."""
    kept = [[(text, "") for text, mark in runs if mark not in ("strike", "dstrike")] for runs in paragraphs]
    kept = [runs for runs in kept if runs]
    struck = read_bytes("通知.docx", _document(paragraphs))
    deleted = read_bytes("通知.docx", _document(kept))
    assert struck.text == deleted.text
    assert struck.reference == deleted.reference
