"""A Word draft with tracked changes reads as Word's final view shows it: paragraphs joined by deleting the
mark between them (w:pPr/w:rPr/w:del) are one paragraph, a paragraph deleted whole is gone, and
`add --check`'s own reading agrees. Documents made by python-docx with the revision XML Word writes; the
LibreOffice round trip (.doc) runs where soffice is installed."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus import chunk_speech, parse_document, read_bytes
from corpus.conservation import check_conservation

EXAMPLES = int(os.environ.get("SPEECHQA_PROPERTY_EXAMPLES", "25"))
TITLE = "在全市离退休干部工作推进会上的讲话"
SPEAKER = "市委老干部局局长　周明华"
DATE = "（2024年3月5日）"
HEADING = "一、去年工作回顾"
SENTENCES = [
    "全年走访慰问离退休干部三千四百人次，发放慰问金二百一十万元。",
    "去年全市新建老年大学教学点二十六个，在校学员达到一万两千人。",
    "银龄志愿服务队发展到一百二十支，健康体检覆盖率达到百分之九十八。",
    "老干部活动中心全年接待老同志四万人次。",
    "全市离退休干部共有八千六百人，其中离休干部二百一十人。",
    "各单位要在三月底前报送年度工作计划。",
]
_ids = iter(range(1000, 10**6))


def _revision(tag: str) -> object:
    element = OxmlElement(tag)
    element.set(qn("w:id"), str(next(_ids)))
    element.set(qn("w:author"), "王秘书")
    element.set(qn("w:date"), "2024-03-01T10:00:00Z")
    return element


def _delete_mark(paragraph) -> None:  # type: ignore[no-untyped-def]
    """Delete the paragraph's mark as a tracked change, as Word records joining it to the next."""
    marks = OxmlElement("w:rPr")
    marks.append(_revision("w:del"))
    paragraph._p.get_or_add_pPr().append(marks)


def _delete_runs(paragraph) -> None:  # type: ignore[no-untyped-def]
    for r in list(paragraph._p.iter(qn("w:r"))):
        for t in r.findall(qn("w:t")):
            t.tag = qn("w:delText")
        wrapper = _revision("w:del")
        r.addprevious(wrapper)
        wrapper.append(r)


def speech(paragraphs: list[tuple[str, int | None]], deleted: dict[int, str]) -> bytes:
    """A speech whose body paragraph n is SENTENCES[n] — typed whole (None), or split at a character
    (k) into two paragraphs whose first's mark is deleted as a tracked change; before paragraph n, a
    paragraph `deleted[n]` deleted whole (its text and its mark)."""
    document = docx.Document()
    document.add_paragraph(TITLE, style="Title")
    document.add_paragraph(SPEAKER)
    document.add_paragraph(DATE)
    document.add_paragraph(HEADING, style="Heading 1")
    for n, (text, split) in enumerate(paragraphs):
        if n in deleted:
            gone = document.add_paragraph(deleted[n])
            _delete_runs(gone)
            _delete_mark(gone)
        if split is None:
            document.add_paragraph(text)
        else:
            first = document.add_paragraph(text[:split])
            _delete_mark(first)
            if n % 2:  # Word leaves range marks between paragraphs: a bookmark's end, a comment's
                for tag in ("w:bookmarkEnd", "w:commentRangeEnd"):
                    mark = OxmlElement(tag)
                    mark.set(qn("w:id"), str(next(_ids)))
                    first._p.addnext(mark)
            document.add_paragraph(text[split:])
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _passages(data: bytes, name: str = "讲话.docx") -> tuple[list[str], list[str | None]]:
    document = read_bytes(name, data)
    (parsed,) = parse_document(document)
    drafts = [d for d in chunk_speech(parsed)]
    report = check_conservation(document, [d.text for d in drafts])
    assert report.ok, report
    return [d.text for d in drafts], [d.section for d in drafts]


def test_a_paragraph_joined_to_the_next_by_a_tracked_deletion_is_one_paragraph() -> None:
    data = speech([(SENTENCES[0], 11), *((s, None) for s in SENTENCES[1:3])], {1: "这一段已被整段删除。"})
    texts, sections = _passages(data)
    # before: 「全年走访慰问离退休干部」 stood alone, read as a heading over every paragraph after it
    assert texts == SENTENCES[:3]
    assert sections == [HEADING] * 3


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    splits=st.lists(st.one_of(st.none(), st.floats(0.05, 0.95)), min_size=2, max_size=len(SENTENCES)),
    deleted=st.dictionaries(
        st.integers(0, len(SENTENCES) - 1), st.sampled_from(["删去的一句。", "原稿数字"])
    ),
)
def test_tracked_joins_and_deletions_read_as_the_final_text_typed_clean(
    splits: list[float | None], deleted: dict[int, str]
) -> None:
    body = [
        (text, None if at is None else max(1, min(len(text) - 1, round(at * len(text)))))
        for text, at in zip(SENTENCES, splits, strict=False)
    ]
    tracked = _passages(speech(body, deleted))
    clean = _passages(speech([(text, None) for text, _ in body], {}))
    assert tracked == clean


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_the_same_draft_saved_as_doc_by_libreoffice_reads_joined() -> None:
    data = speech([(SENTENCES[0], 11), (SENTENCES[1], None)], {})
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "讲话.docx"
        source.write_bytes(data)
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation=file://{folder}/profile",
                "--headless",
                "--convert-to",
                "doc",
                "--outdir",
                folder,
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
        texts, _ = _passages((Path(folder) / "讲话.doc").read_bytes(), "讲话.doc")
    assert texts == SENTENCES[:2]
