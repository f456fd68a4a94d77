"""A scan turned into a web page by an OCR program's hOCR output is read as the scan it was made from
(cold33), and a numbered item that lost its 「。」 among items that are sentences is kept.

Tesseract's ``hocr`` output (what 「扫描件转 HTML」 tools and OCRmyPDF's sidecars give, saved as .html) holds
each printed line as a ``span.ocr_line`` and each word as a ``span.ocrx_word`` with its box, the words apart
by newlines. Read as a web page, every two Chinese words had a space between them and a paragraph's lines
ran together: cold33's 冬季用电用气 notice was titled 「关于做好离退休冬季用电用气安全的提示各位离退休老」,
issued by 「干部」, undated, its items' first characters taken for headings. Now each line is built from its
words' boxes and the page laid out as an OCR'd page is (``corpus.hocr``).

The notice's item 「二、……不宜超过二十分钟」 came without its 「。」 (OCR dropped it) between 「一、……。」 and
「三、……。」: taken for a heading over nothing, it was in no passage. A numbered line with no sentence mark
in clauses that heads nothing (the next line is a sibling, a heading of its level or above, or the end) is now body
text (``corpus.parse._heads_nothing``) — in any file, not only OCR's.

The file: ``tests/fixtures/hocr/notice.hocr.html``, made by ``make_hocr_pages.py`` there (reportlab →
pdftoppm → a scanned look → **Tesseract 5.3 hOCR**).
"""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus import parse_document, read_bytes
from corpus.hocr import hocr_pages, is_hocr
from tests.fixtures.hocr.make_hocr_pages import AUTHOR, NOTICE

HOCR = Path(__file__).parent / "fixtures" / "hocr" / "notice.hocr.html"
_HAN = re.compile(r"[\u4e00-\u9fff]")


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text).replace(":", "：").replace(",", "，")


def test_the_fixture_is_tesseracts_hocr() -> None:
    data = HOCR.read_bytes()
    assert b"<meta name='ocr-system' content='tesseract" in data
    assert is_hocr(data) and data.count(b"class='ocrx_word'") > 50
    assert not is_hocr(b"<html><body><p class='ocr'>ocr_page</p></body></html>")


def test_the_hocr_page_reads_titled_dated_signed_and_every_line_once() -> None:
    """main: titled and nothing else — no date, no issuer, headings 「各」「二、棋」「三、节」, the signature lost."""
    data = HOCR.read_bytes()
    document = read_bytes("通知.html", data)
    assert document.encoding == "ocr"
    assert not re.search(r"[\u4e00-\u9fff] [\u4e00-\u9fff]", document.text)  # no space between words
    [speech] = parse_document(document)
    assert speech.title == NOTICE[0][1]
    assert speech.date == "2030-01-20" and speech.issuer == AUTHOR
    body = "".join(p.text for p in speech.paragraphs)
    assert all(p.section is None for p in speech.paragraphs)  # no word of an item taken for a heading
    # every line the OCR read under the salutation and above the signature, in order, once
    [page] = hocr_pages("通知.html", data)
    texts = [line.text for line in page.lines if _HAN.search(line.text)]
    start, end = texts.index(next(t for t in texts if t.startswith("各位"))) + 1, texts.index(AUTHOR)
    at = 0
    for text in texts[start:end]:
        found = body.find(_squash(text), at)
        assert found >= 0 and body.count(_squash(text)) == 1, text
        at = found + len(_squash(text))
    assert "二、棋牌室和阅览室" in body  # the item without its 「。」 (main: a heading over nothing)


_WORDS = st.lists(
    st.sampled_from(list("老干部活动中心春节开放时间通知健身阅览室棋牌")), min_size=1, max_size=4
).map("".join)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    lines=st.lists(st.lists(_WORDS, min_size=1, max_size=6), min_size=1, max_size=6),
    shuffled=st.randoms(use_true_random=False),
)
def test_hocr_lines_are_their_words_in_the_order_of_their_boxes(lines, shuffled) -> None:  # type: ignore[no-untyped-def]
    """Whatever the words and however the file orders a line's word elements: each line reads as its words
    joined left to right with nothing between them, the lines top to bottom."""
    spans = []
    for row, words in enumerate(lines):
        top, x, placed = 100 + 60 * row, 100, []
        for n, word in enumerate(words):
            width = 40 * len(word)
            placed.append(
                f"<span class='ocrx_word' id='w{row}_{n}' title='bbox {x} {top} {x + width} {top + 40}; x_wconf 90'>"
                f"{word}</span>"
            )
            x += width + 5
        shuffled.shuffle(placed)
        spans.append(
            f"<span class='ocr_line' id='l{row}' title='bbox 100 {top} {x} {top + 40}'>\n"
            + "\n".join(placed)
            + "\n</span>"
        )
    shuffled.shuffle(spans)
    page = (
        "<html><head><meta name='ocr-system' content='tesseract 5.3.0'/></head><body>"
        "<div class='ocr_page' id='page_1' title='bbox 0 0 2000 3000'>"
        + "\n".join(spans)
        + "</div></body></html>"
    )
    [read] = hocr_pages("页.html", page.encode())
    assert [line.text for line in read.lines] == ["".join(words) for words in lines]
    assert (read.width, read.height) == (2000, 3000)


_CLAUSES = st.sampled_from(
    [
        "棋牌室照常开放",
        "健身房暂停使用",
        "请注意防火",
        "离开时关好门窗",
        "阅览室延长开放",
        "请带好证件",
        "车辆停在东门",
    ]
)
_NUMERALS = "一二三四五六"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    items=st.lists(st.lists(_CLAUSES, min_size=2, max_size=3), min_size=3, max_size=6),
    unmarked=st.sets(st.integers(0, 5), min_size=1),
)
def test_a_numbered_item_without_its_end_mark_is_kept_in_order(items, unmarked) -> None:  # type: ignore[no-untyped-def]
    """Numbered items that are sentences, any of them missing its 「。」: every item's words reach a
    paragraph once and in order (main: an item without its mark between two that have theirs was a heading
    over nothing, in no passage)."""
    texts = [
        f"{_NUMERALS[n]}、{'，'.join(clauses)}{'' if n in unmarked else '。'}"
        for n, clauses in enumerate(items)
    ]
    lines = [
        "关于活动中心春节期间开放安排的通知",
        "各位老同志：",
        "现将开放安排通知如下。",
        *texts,
        AUTHOR,
        "2030年1月20日",
    ]
    [speech] = parse_document(read_bytes("通知.txt", "\n".join(lines).encode()))
    body = "".join(p.text for p in speech.paragraphs)
    at = 0
    for text in texts:
        found = body.find(text, at)
        assert found >= 0 and body.count(text) == 1, (text, [p for p in speech.paragraphs])
        at = found + len(text)
