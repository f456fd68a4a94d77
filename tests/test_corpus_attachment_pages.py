"""An official notice whose attachments follow it, each on a page of its own under its label 「附件1」,
「附件2」 (GB/T 9704 sets the label at the top left of the attachment's first page).

Before: printed to PDF, the labels at the top of those pages were taken for a running header — the same
text but for a number, recurring at the top of half the pages — and dropped. The notice then had no
attachments: the 附件说明's second item was read as a heading, the signature and date ran into a
paragraph under it (the notice lost its date) and the attachments' tables were cited under 「三、工作要求」.
"""

from __future__ import annotations

import io
import os
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from corpus import parse_document, read_bytes, read_document

EXAMPLES = int(os.environ.get("SPEECHQA_PROPERTY_EXAMPLES", "25"))

TITLE = "关于开展2024年重阳节走访慰问活动的通知"
SIGNATURE = "中共临江市委老干部局"
BODY = [
    "为弘扬中华民族尊老敬老的传统美德，决定在重阳节期间开展走访慰问活动。",
    "离休干部每人慰问金一千元，生活困难的退休干部每人八百元。",
    "各单位要于10月20日前将慰问情况汇总表报送市委老干部局。",
]
ATTACHMENTS = [
    ("重阳节走访慰问对象名单", "名单以各单位报送的为准，如有变动请及时告知。"),
    ("走访慰问情况汇总表", "填报单位要如实填写走访人数和慰问金额。"),
    ("慰问资金使用说明", "慰问资金从老干部工作专项经费中列支，专款专用。"),
    ("老同志意见建议征集表", "请各单位认真收集老同志的意见建议，按时报送。"),
]


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def assert_once_in_order(pieces: list[str], text: str) -> None:
    """Each piece found after the one before it, and found once (an attachment's name also in the 附件说明:
    once after it)."""
    flat, position = squeeze(text), 0
    for piece in pieces:
        assert flat.count(squeeze(piece), position) == 1, piece
        found = flat.find(squeeze(piece), position)
        assert found >= 0, f"out of order: {piece}"
        position = found + len(squeeze(piece))


def notice_pdf(*, count: int, label: str, label_size: float, size: float, folio: bool) -> bytes:
    """reportlab: the notice on page 1 (title, body, 附件说明, signature, date), then `count` attachments,
    each on a page of its own: its label at the top left (`label` with {n} for its number), its title
    centred, a sentence; 「— N —」 page numbers at the foot when `folio`."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen.canvas import Canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    font, (width, height) = "STSong-Light", A4
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4, invariant=1)
    left, top = 79.0, 72.0

    def lines(rows: list[tuple[str, float, str]]) -> None:
        y = height - top
        for text, points, where in rows:
            y -= points * 1.6
            canvas.setFont(font, points)
            if where == "centre":
                canvas.drawCentredString(width / 2, y, text)
            elif where == "right":
                canvas.drawRightString(width - left - 2 * size, y, text)
            else:
                canvas.drawString(left + (2 * size if where == "indent" else 0), y, text)

    def page_end(n: int) -> None:
        if folio:
            canvas.setFont(font, 14)
            canvas.drawCentredString(width / 2, 50, f"— {n} —")
        canvas.showPage()

    items = [f"附件：1．{ATTACHMENTS[0][0]}"] + [f"{n + 1}．{ATTACHMENTS[n][0]}" for n in range(1, count)]
    first = [(TITLE, 20.0, "centre"), ("各县（市、区）委老干部局，市直各单位：", size, "left")]
    first += [(sentence, size, "indent") for sentence in BODY]
    first += [("", size, "left")] + [(item, size, "indent") for item in items] + [("", size, "left")]
    first += [(SIGNATURE, size, "right"), ("2024年10月8日", size, "right")]
    lines(first)
    page_end(1)
    for n in range(count):
        name, sentence = ATTACHMENTS[n]
        lines([(label.format(n=n + 1), label_size, "left"), ("", size, "left"), (name, 18.0, "centre")])
        lines([("", size, "left")] * 4 + [(sentence, size, "indent")])
        page_end(n + 2)
    canvas.save()
    return out.getvalue()


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.integers(2, 4),
    st.sampled_from(["附件{n}", "附件 {n}", "附件{n}：", "附件{n}:"]),
    st.sampled_from(
        [0.0, 2.0, 4.0]
    ),  # the label in the body's type (GB/T 9704: 3号黑体 as the 仿宋 body) or larger
    st.sampled_from([12.0, 14.0, 16.0]),
    st.booleans(),
)
# CI's draw: the first attachment's sentence ended near the signature's right edge, taken for the text's
# (no line of this short notice is full), so it ran on over the page break into 「附件2：」 and lost it
@example(count=3, label="附件{n}：", larger=0.0, size=16.0, folio=False)
def test_attachment_labels_opening_their_pages_are_kept_and_name_the_attachments(
    count: int, label: str, larger: float, size: float, folio: bool
) -> None:
    data = notice_pdf(count=count, label=label, label_size=size + larger, size=size, folio=folio)
    document = read_bytes("通知.pdf", data)
    pieces = [*BODY, SIGNATURE]
    for n in range(count):
        pieces += [label.format(n=n + 1), ATTACHMENTS[n][0], ATTACHMENTS[n][1]]
    assert_once_in_order(pieces, document.text)
    assert not re.search(r"—\s*\d+\s*—", document.text)
    (notice,) = parse_document(document)
    assert notice.title == TITLE
    assert notice.date == "2024-10-08"
    sections = {p.section for p in notice.paragraphs if p.section and p.section.startswith("附件")}
    assert sections >= {f"附件{n + 1} {ATTACHMENTS[n][0]}" for n in range(count)}


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_a_word_notice_with_two_attachment_pages_keeps_its_labels_in_its_pdf(tmp_path: Path) -> None:
    """python-docx → LibreOffice PDF: a one-page notice and two attachments after page breaks, the second
    item of its 附件说明 aligned under the first with full-width spaces (as offices type it)."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    from tests.fixtures.documents.make_fixtures import soffice

    d = docx.Document()

    def line(text: str, *, size: float | None = None, align: int | None = None) -> None:
        paragraph = d.add_paragraph()
        run = paragraph.add_run(text)
        if size:
            run.font.size = Pt(size)
        if align is not None:
            paragraph.alignment = align

    line(TITLE, size=18, align=WD_ALIGN_PARAGRAPH.CENTER)
    line("各县（市、区）委老干部局，市直各单位：")
    for sentence in BODY:
        line(sentence)
    line(f"附件：1.{ATTACHMENTS[0][0]}")
    line(f"　　　2.{ATTACHMENTS[1][0]}")
    line(SIGNATURE, align=WD_ALIGN_PARAGRAPH.RIGHT)
    line("2024年10月8日", align=WD_ALIGN_PARAGRAPH.RIGHT)
    for n in range(2):
        d.add_page_break()
        line(f"附件{n + 1}", size=16)
        line(ATTACHMENTS[n][0], size=18, align=WD_ALIGN_PARAGRAPH.CENTER)
        line(ATTACHMENTS[n][1])
    path = tmp_path / "通知.docx"
    d.save(str(path))
    for source in (path, soffice(path, "pdf")):
        (notice,) = parse_document(read_document(source))
        assert notice.date == "2024-10-08", source.suffix
        sections = [p.section for p in notice.paragraphs]
        assert f"附件1 {ATTACHMENTS[0][0]}" in sections and f"附件2 {ATTACHMENTS[1][0]}" in sections
