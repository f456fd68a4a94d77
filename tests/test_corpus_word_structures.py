"""Word text hidden in structures (content controls, fields, smart tags, revisions, hyperlinks, custom XML,
text boxes) is read once and in order; deleted text and field codes never are; and `add --check`'s
conservation check, which reads the file's w:t on its own, notices when a reader loses a sentence.

The fixture and its expected reading come from tests/fixtures/documents/make_word_structures.py.
"""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus import chunk_speech, parse_document, read_bytes, read_document
from corpus.conservation import body_sentences, check_conservation
from corpus.records import Document
from tests.fixtures.documents.make_word_notes_tables import add_notes_part, reference
from tests.fixtures.documents.make_word_structures import (
    INLINE_WRAPPERS,
    TARGET,
    block_wrap,
    complex_field,
    deleted,
    hyperlink,
    run,
)
from tests.fixtures.documents.make_word_text_boxes import box_run, round_trip

EXPECTED = json.loads(TARGET.with_name(TARGET.name + ".json").read_text(encoding="utf-8"))


def passages_of(document: Document) -> list[str]:
    return [d.text for speech in parse_document(document) for d in chunk_speech(speech)]


def test_every_sentence_is_read_exactly_once_and_in_order() -> None:
    text = read_document(TARGET).text
    position = 0
    for sentence in EXPECTED["sentences"]:
        assert text.count(sentence) == 1, sentence
        found = text.find(sentence)
        assert found >= position, f"out of order: {sentence}"
        position = found


def test_deleted_text_field_codes_contents_page_header_and_footer_are_never_read() -> None:
    document = read_document(TARGET)
    for absent in EXPECTED["absent"]:
        assert absent not in document.text, absent
    assert document.text.count(EXPECTED["sections"][0]) == 1  # not again from the table of contents


def test_a_table_and_a_row_inside_content_controls_are_labelled_rows_in_place() -> None:
    blocks = read_document(TARGET).blocks
    rows = [b.text for b in blocks if b.kind == "table_row"]
    assert rows == EXPECTED["table_rows"]
    texts = [b.text for b in blocks]
    assert texts.index(rows[0]) > texts.index("老干部活动中心全年开放不少于三百天。")
    assert texts.index(rows[-1]) < texts.index("扫码即可预约体检和上门服务。")


def test_a_heading_inside_a_content_control_keeps_its_style() -> None:
    blocks = read_document(TARGET).blocks
    assert [(b.text, b.level) for b in blocks if b.kind == "heading"] == [
        (s, 1) for s in EXPECTED["sections"]
    ]
    assert blocks[0].kind == "title" and blocks[0].text == EXPECTED["title"]


def test_every_sentence_reaches_one_passage_and_the_check_agrees() -> None:
    document = read_document(TARGET)
    passages = passages_of(document)
    report = check_conservation(document, passages)
    assert report.ok, report
    assert set(EXPECTED["sentences"]) <= set(body_sentences(document))
    joined = "".join(passages)
    for sentence in EXPECTED["sentences"]:
        assert joined.count(sentence) == 1, sentence


def test_the_check_reports_the_sentences_a_lossy_reader_dropped() -> None:
    """python-docx's own paragraph walk (what the reader used before) loses text: the check must say so."""
    word = docx.Document(str(TARGET))
    lossy_text = "\n".join(
        item.text for item in word.iter_inner_content() if isinstance(item, docx.text.paragraph.Paragraph)
    )
    good = read_document(TARGET)
    lossy = Document(name=good.name, text=lossy_text, encoding="docx", reference=good.reference)
    report = check_conservation(lossy, passages_of(lossy))
    assert "平台累计注册用户一万八千人。" in report.missing
    assert "宣讲团每年开展宣讲不少于一百场。" in report.missing
    assert "希望大家把工作做实做好。" not in report.missing
    # without the file's own reading, the same passages would have looked complete
    blind = Document(name=good.name, text=lossy_text, encoding="docx")
    assert check_conservation(blind, passages_of(blind)).ok


def test_the_check_reports_a_sentence_missing_from_the_passages() -> None:
    document = read_document(TARGET)
    passages = passages_of(document)
    dropped = [p.replace("咨询电话为88889999，工作日全天有人值守。", "") for p in passages]
    assert check_conservation(document, dropped).missing == ("咨询电话为88889999，工作日全天有人值守。",)
    doubled = [*passages, "平台由市大数据局负责技术维护。"]
    assert check_conservation(document, doubled).duplicated == ("平台由市大数据局负责技术维护。",)


# -- any wrapper around any run, any block wrapper around any paragraph --------------------------------

WORDS = st.text(alphabet="老干部服务平台注册用户电话八十个市局网站体检中心", min_size=1, max_size=6)
WRAPPERS = [*INLINE_WRAPPERS, "hyperlink", "field"]
segment = st.tuples(WORDS, st.lists(st.sampled_from(WRAPPERS), max_size=3), st.booleans())
paragraph = st.tuples(
    st.lists(segment, min_size=1, max_size=5), st.lists(st.sampled_from(["sdt", "customXml"]), max_size=2)
)


def _segment_elements(p, text: str, wrappers: list[str]) -> list:  # type: ignore[no-untyped-def, type-arg]
    elements = [run(text)]
    for name in wrappers:  # innermost first
        if name == "field":
            elements = complex_field(" DOCPROPERTY 单位 ", *elements)
        elif name == "hyperlink":
            elements = [hyperlink(p, "https://example.org/", *elements)]
        else:
            elements = [INLINE_WRAPPERS[name](*elements)]
    return elements


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(paragraph, min_size=1, max_size=4))
def test_any_nesting_of_wrappers_keeps_every_visible_run_once_in_order(paragraphs) -> None:  # type: ignore[no-untyped-def]
    d = docx.Document()
    expected = []
    for segments, block_wrappers in paragraphs:
        p = d.add_paragraph()
        visible = ""
        for text, wrappers, is_deleted in segments:
            if is_deleted:
                p._p.append(deleted("删" + text))
                continue
            for element in _segment_elements(p, text, wrappers):
                p._p.append(element)
            visible += text
        p.add_run("。")
        expected.append(visible + "。")
        outer = p._p
        for name in block_wrappers:
            outer = block_wrap(outer, name)
    buffer = io.BytesIO()
    d.save(buffer)
    document = read_bytes("生成.docx", buffer.getvalue())
    assert [b.text for b in document.blocks] == expected
    assert document.reference.split("\n") == expected
    assert "删" not in document.text and "DOCPROPERTY" not in document.text


def test_a_text_box_only_in_the_vml_fallback_or_only_in_vml_is_read_once() -> None:
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    vml = (
        "<w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:txbxContent>"
        "</v:textbox></v:shape></w:pict>"
    )
    namespaces = (
        f'{nsdecls("w")} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:v="urn:schemas-microsoft-com:vml"'
    )
    d = docx.Document()
    d.add_paragraph("开头一句。")
    # a choice this reader has nothing to read in (no text), the text only in the fallback
    d.add_paragraph()._p.append(
        parse_xml(
            f'<w:r {namespaces}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing/></mc:Choice>'
            f"<mc:Fallback>{vml.format('备用图形里的句子。')}</mc:Fallback></mc:AlternateContent></w:r>"
        )
    )
    d.add_paragraph()._p.append(parse_xml(f"<w:r {namespaces}>{vml.format('旧版文本框里的句子。')}</w:r>"))
    d.add_paragraph("结尾一句。")
    buffer = io.BytesIO()
    d.save(buffer)
    document = read_bytes("文本框.docx", buffer.getvalue())
    expected = ["开头一句。", "备用图形里的句子。", "旧版文本框里的句子。", "结尾一句。"]
    assert document.text.split("\n") == expected
    assert document.reference.split("\n") == expected


# -- text boxes as Word writes them (make_word_text_boxes.py) ---------------------------------------------

BOXES = TARGET.with_name("word_text_boxes.docx")
BOXES_EXPECTED = json.loads(BOXES.with_name(BOXES.name + ".json").read_text(encoding="utf-8"))


def assert_boxes_read_once_after_their_anchor(document: Document) -> None:
    """Each box's text once, right after its anchor's sentence ends; the title's box does not break the
    header (the date is read); the sentence its anchor paragraph starts is one passage, not cut by a box;
    the header's box nowhere; add --check's own reading agrees."""
    assert document.text.splitlines()[2:] == BOXES_EXPECTED["shown"]
    for line in BOXES_EXPECTED["shown"]:
        if not line.startswith("班级："):  # a cell's box is read into its cell's text, one line per paragraph
            assert document.reference.splitlines().count(line) == 1, line
    [speech] = parse_document(document)
    assert (speech.title, speech.date) == (BOXES_EXPECTED["title"], BOXES_EXPECTED["date"])
    passages = passages_of(document)
    flat = "".join(passages)
    position = 0
    for paragraph in BOXES_EXPECTED["paragraphs"]:
        assert flat.count(paragraph) == 1, paragraph
        assert flat.find(paragraph) >= position, f"out of order: {paragraph}"
        position = flat.find(paragraph)
    assert "中心从选址到建成，凝聚了各级各部门的心血。" in passages  # the box after it, not inside it
    assert BOXES_EXPECTED["absent"][0] not in document.text + document.reference
    assert check_conservation(document, passages).ok


def test_word_text_boxes_are_read_once_after_the_sentence_they_are_anchored_in() -> None:
    assert_boxes_read_once_after_their_anchor(read_document(BOXES))


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_text_boxes_written_back_by_libreoffice_read_the_same(tmp_path: Path) -> None:
    """LibreOffice writes the boxes back in its own AlternateContent, each run at the start of the
    paragraph it is anchored in (before the paragraph's text): read the same."""
    target = tmp_path / "word_text_boxes.libreoffice.docx"
    round_trip(BOXES, target)
    assert_boxes_read_once_after_their_anchor(read_document(target))


sentence_text = st.text(
    alphabet="老干部服务管理组织建设推进落实保障加强完善制度活动社区", min_size=3, max_size=12
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(st.lists(sentence_text, min_size=1, max_size=3), st.booleans(), st.integers(0, 2)),
        min_size=1,
        max_size=6,
    ),
    st.booleans(),
)
def test_a_box_never_cuts_a_sentence_and_never_breaks_the_header(paragraphs, title_box: bool) -> None:  # type: ignore[no-untyped-def]
    """Paragraphs that end a sentence or run on in the next (a hard return after 「，」), each with 0–2 text
    boxes: every box's text once, never inside a sentence — each sentence, whole across its paragraphs,
    is one run of the text — and a box in the title leaves the date line the date."""
    d = docx.Document()
    title = d.add_paragraph("在老干部工作会议上的讲话", style="Title")
    if title_box:
        title._p.append(box_run([["标题框里的说明文字。"]], "anchor", 1))
    d.add_paragraph("（2025年3月18日）")
    sentences, current, boxes = [], "", []
    shape = 10
    for index, (parts, ends, count) in enumerate(paragraphs):
        text = f"第{index}段" + "，".join(parts) + ("。" if ends or index == len(paragraphs) - 1 else "，")
        p = d.add_paragraph(text)
        for n in range(count):
            box = f"第{index}段的第{n}个文本框。"
            p._p.append(box_run([[box]], "anchor", shape, n))
            boxes.append(box)
            shape += 1
        current += text
        if text.endswith("。"):
            sentences.append(current)
            current = ""
    out = io.BytesIO()
    d.save(out)
    document = read_bytes("讲话.docx", out.getvalue())
    flat = document.text.replace("\n", "")
    for whole in [*sentences, *boxes]:
        assert flat.count(whole) == 1, whole
    [speech] = parse_document(document)
    assert speech.date == "2025-03-18"
    assert check_conservation(document, passages_of(document)).ok


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sets(st.sampled_from(["title", "speaker", "date"])),
    st.sets(st.sampled_from(["title", "speaker", "date"])),
)
def test_notes_and_boxes_in_the_header_wait_for_the_body(noted, boxed) -> None:  # type: ignore[no-untyped-def]
    """Footnotes referenced from the title, the speaker line or the date line, and text boxes anchored in
    them, in any combination: the speaker and the date are still read as such, and every note and box
    comes once, after the first body sentence (a box's sentence does not start the body)."""
    d = docx.Document()
    header = {
        "title": d.add_paragraph("在老干部活动中心启用仪式上的讲话", style="Title"),
        "speaker": d.add_paragraph("市委老干部局局长 韩立新"),
        "date": d.add_paragraph("（2025年3月18日）"),
    }
    notes, boxes = {}, []
    for n, (line, p) in enumerate(header.items(), start=1):
        if line in boxed:
            boxes.append(f"挂在{line}行的文本框说明。")
            p._p.append(box_run([[boxes[-1]]], "anchor", n))
        if line in noted:
            notes[str(n)] = f"这是{line}行的脚注。"
            p._p.append(reference("footnote", str(n)))
    first = "今天，市老干部活动中心正式启用，这是全市老干部工作的一件大事。"
    d.add_paragraph(first)
    d.add_paragraph("希望大家常来活动中心走一走、看一看。")
    if notes:
        add_notes_part(d, "footnote", notes)
    out = io.BytesIO()
    d.save(out)
    document = read_bytes("讲话.docx", out.getvalue())
    [speech] = parse_document(document)
    assert (speech.speaker, speech.date) == ("韩立新", "2025-03-18")
    flat = document.text.replace("\n", "")
    for text in [*notes.values(), *boxes]:
        assert flat.count(text) == 1, text
        assert flat.index(text) > flat.index(first), text
