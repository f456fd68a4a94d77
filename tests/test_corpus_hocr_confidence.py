"""An hOCR page read with low confidence is named doubtful, as the same scan read by Tesseract is (docs60).

hOCR keeps Tesseract's word confidences (``x_wconf``, 0–100, the numbers its TSV gives a scan read here).
cold33 read hOCR as the scan it was made from but left them unused: a page Tesseract misread (「模牌室」,
「看停使用」, 「]月」) was added with no word of doubt, while the very page read by Tesseract here got
「第 1 页是扫描件，文字识别把握较低（约 80%）…」. Now an hOCR page whose words' mean confidence is under
Tesseract's measured threshold (``corpus.ocr.DOUBTFUL_BELOW``) gives that line too; an hOCR file naming
another OCR system (its own scale, never measured) gives none.

The files: ``tests/fixtures/hocr/low.hocr.html`` and ``low.png``, made by ``make_low_confidence_hocr.py``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus import ocr, read_bytes
from corpus.hocr import hocr_pages

FIXTURES = Path(__file__).parent / "fixtures" / "hocr"
DOUBT = "文字识别把握较低"


def test_a_page_tesseract_misread_is_named_doubtful_and_still_read() -> None:
    document = read_bytes("low.hocr.html", (FIXTURES / "low.hocr.html").read_bytes())
    (page,) = hocr_pages("low.hocr.html", (FIXTURES / "low.hocr.html").read_bytes())
    assert page.doubtful and page.confidence < ocr.DOUBTFUL_BELOW["Tesseract"]
    assert document.notes == (ocr.doubtful_pages_note([(1, page.confidence)]),)
    assert document.notes[0].startswith("第 1 页是扫描件，" + DOUBT)
    assert "春节期间开放时间" in document.text


def test_a_clear_page_gives_no_note() -> None:
    document = read_bytes("notice.hocr.html", (FIXTURES / "notice.hocr.html").read_bytes())
    assert not any(DOUBT in note for note in document.notes)


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="Tesseract is not installed")
def test_the_same_page_read_by_tesseract_here_is_doubtful_too() -> None:
    tesseract = next((e for e in ocr.installed_engines() if e.name == "Tesseract"), None)
    if tesseract is None:
        pytest.skip("Tesseract without chi_sim")
    (scan,) = ocr.read_image("low.png", (FIXTURES / "low.png").read_bytes(), reader=tesseract)
    (page,) = hocr_pages("low.hocr.html", (FIXTURES / "low.hocr.html").read_bytes())
    assert scan.doubtful and page.doubtful
    assert abs(scan.confidence - page.confidence) < 0.05


def _hocr(lines: list[list[tuple[str, int]]], system: str | None) -> bytes:
    meta = f"<meta name='ocr-system' content='{system}' />" if system else ""
    body = []
    for n, words in enumerate(lines):
        top = 100 + 60 * n
        spans = "".join(
            f"<span class='ocrx_word' title='bbox {100 + 40 * i} {top} {130 + 40 * i} {top + 30}; "
            f"x_wconf {conf}'>{text}</span>\n"
            for i, (text, conf) in enumerate(words)
        )
        body.append(f"<span class='ocr_line' title='bbox 100 {top} 1500 {top + 30}'>{spans}</span>")
    page = f"<div class='ocr_page' title='bbox 0 0 1654 2339'>{''.join(body)}</div>"
    return f"<html><head>{meta}</head><body>{page}</body></html>".encode()


TEXT = (
    "关于活动中心春节期间开放时间的通知",
    "春节将至，现将活动中心春节期间开放时间通知如下。",
    "除夕至初三闭馆，初四起每天上午八点半至下午五点开放。",
    "节日期间请注意防火，离开时关好门窗。",
)
WORDS = st.integers(2, len(TEXT)).flatmap(
    lambda n: st.tuples(
        *(
            st.lists(st.integers(0, 100), min_size=len(line) // 2 + 1, max_size=len(line) // 2 + 1).map(
                lambda confs, line=line: [
                    (line[2 * i : 2 * i + 2], c) for i, c in enumerate(confs) if line[2 * i : 2 * i + 2]
                ]
            )
            for line in TEXT[:n]
        )
    ).map(list)
)


@settings(max_examples=60, deadline=None)
@given(WORDS, st.sampled_from([None, "tesseract 5.3.0", "Tesseract 4.1.1", "ocropus 1.3"]))
def test_a_page_is_doubtful_exactly_when_its_tesseract_words_mean_is_under_the_threshold(
    lines, system
) -> None:  # type: ignore[no-untyped-def]
    (page,) = hocr_pages("scan.html", _hocr(lines, system))
    confidences = [conf for words in lines for _, conf in words]
    mean = sum(confidences) / len(confidences) / 100
    assert page.confidence == pytest.approx(mean)
    tesseract = system is None or "tesseract" in system.lower()
    assert page.doubtful == (tesseract and mean < ocr.DOUBTFUL_BELOW["Tesseract"])
    notes = read_bytes("scan.html", _hocr(lines, system)).notes
    assert any(DOUBT in note for note in notes) == page.doubtful
