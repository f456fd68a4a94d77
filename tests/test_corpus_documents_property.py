"""Conservation as a property: documents generated at random (sentences, paragraphs, headings, tables),
written by python-docx and by reportlab, come back with every sentence once and in order, and nothing of
their page headers, footers or page numbers."""

from __future__ import annotations

import io
import os
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus import read_bytes
from corpus.layout import is_page_number

# Common characters (no sentence marks): sentences built from them are long enough never to repeat.
ALPHABET = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面"
    "而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把"
    "性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质"
    "气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活"
    "设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则"
    "任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清美再"
    "采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况"
    "今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素"
    "技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型"
    "眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞0123456789"
)
ENDS = "。！？；"

sentence = st.builds(
    lambda body, end: body + end, st.text(alphabet=ALPHABET, min_size=8, max_size=40), st.sampled_from(ENDS)
)
paragraph = st.lists(sentence, min_size=1, max_size=5).map("".join)
# A heading that is nothing but a number would be a page number in a margin: removed by design.
heading = st.text(alphabet=ALPHABET, min_size=4, max_size=16).filter(lambda h: not is_page_number(h))
cell = st.text(alphabet=ALPHABET, min_size=2, max_size=10)
table = st.integers(2, 4).flatmap(
    lambda cols: st.lists(st.lists(cell, min_size=cols, max_size=cols), min_size=2, max_size=4)
)
item = st.one_of(
    st.tuples(st.just("paragraph"), paragraph),
    st.tuples(st.just("heading"), heading),
    st.tuples(st.just("table"), table),
)
documents = st.lists(item, min_size=1, max_size=12)
pdf_documents = st.lists(
    st.one_of(st.tuples(st.just("paragraph"), paragraph), st.tuples(st.just("heading"), heading)),
    min_size=3,
    max_size=25,
)

HEADER = "中共某某市委老干部局"
EXAMPLES = int(os.environ.get("SPEECHQA_PROPERTY_EXAMPLES", "25"))


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def sentences_of(items: list[tuple[str, object]]) -> list[str]:
    out = []
    for kind, value in items:
        if kind == "paragraph":
            out.extend(re.findall(rf"[^{ENDS}]*[{ENDS}]", str(value)))
        elif kind == "heading":
            out.append(str(value))
    return out


def assert_conserved(expected: list[str], text: str) -> None:
    """Every piece in order, and each as many times as the source has it (once, bar coincidences)."""
    flat = squeeze(text)
    source = squeeze("".join(expected))
    position = 0
    for piece in expected:
        found = flat.find(squeeze(piece), position)
        assert found >= 0, f"missing or out of order: {piece}"
        position = found + len(squeeze(piece))
        assert flat.count(squeeze(piece)) == source.count(squeeze(piece)), f"repeated: {piece}"
    assert flat.count(squeeze(HEADER)) == 0


def docx_of(items: list[tuple[str, object]]) -> bytes:
    import docx

    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = HEADER
    document.sections[0].footer.paragraphs[0].text = "— 1 —"
    for kind, value in items:
        if kind == "paragraph":
            document.add_paragraph(str(value))
        elif kind == "heading":
            document.add_heading(str(value), level=1)
        else:
            rows = value  # type: ignore[assignment]
            grid = document.add_table(rows=len(rows), cols=len(rows[0]))  # type: ignore[arg-type]
            for r, row in enumerate(rows):  # type: ignore[arg-type]
                for c, text in enumerate(row):
                    grid.cell(r, c).text = text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_generated_word_documents_keep_every_sentence_and_every_table_cell(
    items: list[tuple[str, object]],
) -> None:
    document = read_bytes("生成.docx", docx_of(items))
    prose = "\n".join(block.text for block in document.blocks if block.kind != "table_row")
    assert_conserved(sentences_of(items), prose)
    assert "— 1 —" not in document.text
    lines = document.text.splitlines()
    rows = [line for line, block in zip(lines, document.blocks, strict=True) if block.kind == "table_row"]
    cells = [c for kind, value in items if kind == "table" for row in value for c in row]  # type: ignore[attr-defined]
    joined = "".join(rows)
    assert all(c in joined for c in cells)
    assert len(document.blocks) == len(lines)


def pdf_of(items: list[tuple[str, object]]) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    body = ParagraphStyle("body", fontName="STSong-Light", fontSize=14, leading=24, firstLineIndent=28)
    body.wordWrap = "CJK"
    head = ParagraphStyle("head", parent=body, fontSize=16, leading=30, firstLineIndent=0)

    def decorate(canvas, doc) -> None:  # type: ignore[no-untyped-def]
        canvas.setFont("STSong-Light", 10)
        canvas.drawCentredString(A4[0] / 2, A4[1] - 40, HEADER)
        canvas.drawCentredString(A4[0] / 2, 30, f"第 {doc.page} 页")

    out = io.BytesIO()
    story = [Paragraph(str(value), head if kind == "heading" else body) for kind, value in items]
    SimpleDocTemplate(out, pagesize=A4, invariant=1).build(story, onFirstPage=decorate, onLaterPages=decorate)
    return out.getvalue()


@settings(max_examples=max(5, EXAMPLES // 3), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pdf_documents)
def test_generated_pdfs_keep_every_sentence_and_lose_their_running_lines(
    items: list[tuple[str, object]],
) -> None:
    text = read_bytes("生成.pdf", pdf_of(items)).text
    assert_conserved(sentences_of(items), text)
    assert not re.search(r"第\s*\d+\s*页", text)
