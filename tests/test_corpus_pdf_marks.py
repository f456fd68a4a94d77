"""What is printed over a PDF's text — a watermark (「内部资料」 across the page, pale and large, at a slant or
level), a 「样稿」 stamp set at a slant — is not text: the PDF reads exactly as the same PDF without it, and the notice's date and
signature stay. PDFs made by reportlab in tests/fixtures/layouts/make_watermarked_pdf.py."""

from __future__ import annotations

import io
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus import parse_document, read_bytes
from tests.fixtures.layouts.make_watermarked_pdf import DATE, PARAGRAPHS, Marks, notice_pdf

EXAMPLES = int(os.environ.get("SPEECHQA_PROPERTY_EXAMPLES", "25"))


def test_a_diagonal_watermark_and_a_slanted_stamp_leave_the_notice_as_it_reads_without_them() -> None:
    clean = read_bytes("通知.pdf", notice_pdf(None))
    marked = read_bytes("通知.pdf", notice_pdf(Marks()))
    # before: 「所需资经费」, a heading 「部」, and 「…老干部局二〇二四年一月十日料资部内」 with no date
    assert marked.text == clean.text
    for _, sentence in PARAGRAPHS:
        assert marked.text.count(sentence) == 1
    (notice,) = parse_document(marked)
    assert notice.date == "2024-01-10"
    assert DATE in clean.text


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    angle=st.one_of(st.just(0.0), st.just(90.0), st.floats(10, 80), st.floats(-80, -10), st.floats(100, 170)),
    stamp=st.one_of(st.none(), st.floats(-40, -10), st.floats(10, 40)),
    text=st.sampled_from(["内部资料", "样稿", "内部资料 注意保存", "草稿", "征求意见稿"]),
    size=st.sampled_from([36.0, 48.0, 60.0, 80.0]),
    body=st.sampled_from([12.0, 14.0, 16.0]),
    paragraphs=st.integers(2, len(PARAGRAPHS)),
)
def test_any_slanted_mark_over_the_text_is_not_read(
    angle: float, stamp: float | None, text: str, size: float, body: float, paragraphs: int
) -> None:
    marks = Marks(angle=angle, text=text, size=size, stamp_angle=stamp)
    clean = read_bytes("通知.pdf", notice_pdf(None, body_size=body, paragraphs=paragraphs))
    marked = read_bytes("通知.pdf", notice_pdf(marks, body_size=body, paragraphs=paragraphs))
    assert marked.text == clean.text


def test_a_level_pale_watermark_is_not_read_as_a_heading() -> None:
    clean = read_bytes("通知.pdf", notice_pdf(None))
    marked = read_bytes("通知.pdf", notice_pdf(Marks(angle=0.0, stamp_angle=None)))
    # before: 「内部资料」 a heading over the paragraph under it, and run into the date on page 2
    assert marked.text == clean.text


def test_large_text_in_black_or_red_is_read() -> None:
    """Only a pale mark goes: the same text large in black (a banner) or red (a 红头) is read."""
    from reportlab.lib.colors import black, red
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    for color in (black, red):
        buffer = io.BytesIO()
        c = canvas.Canvas(buffer)
        c.setFillColor(color)
        c.setFont("STSong-Light", 40)
        c.drawString(72, 720, "临江市委老干部局文件")
        c.setFillColor(black)
        c.setFont("STSong-Light", 12)
        for n, (_, sentence) in enumerate(PARAGRAPHS[:4]):
            c.drawString(72, 660 - n * 24, sentence[:30])
        c.save()
        assert "临江市委老干部局文件" in read_bytes("文件.pdf", buffer.getvalue()).text


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tilt=st.floats(-6, 6))
def test_text_tilted_as_a_scan_text_layer_leans_is_still_read(tilt: float) -> None:
    """The text itself set a few degrees off (as OCRmyPDF sets a tilted scan's lines) is text: every line
    is read."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer)
    sentences = [sentence for kind, sentence in PARAGRAPHS if kind == "p"][:4]
    for n, sentence in enumerate(sentences):
        c.saveState()
        c.translate(72, 700 - n * 60)
        c.rotate(tilt)
        c.setFont("STSong-Light", 10)
        c.drawString(0, 0, sentence)
        c.restoreState()
    c.save()
    text = read_bytes("扫描.pdf", buffer.getvalue()).text.replace("\n", "")
    for sentence in sentences:
        assert sentence in text
