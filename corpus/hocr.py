"""A scan turned into a web page by an OCR program's hOCR output (Tesseract's ``hocr``, OCRmyPDF's and
gImageReader's sidecars, saved or renamed as .html): read as the scan it was made from, not as a web page.

hOCR keeps what the OCR program read and where: each page a ``class="ocr_page"`` element with its box
(``title="bbox 0 0 W H"``), each printed line an ``ocr_line`` (or ``ocr_header``, ``ocr_caption``,
``ocr_textfloat``) with its box, each word an ``ocrx_word`` with its box and confidence, the words apart by
white space and newlines. Read as a web page, that white space put a space between every two Chinese words
and a paragraph's printed lines were run together with nothing to say where a title, a salutation, a
heading or a signature ends: the title ran into the salutation and lost a word (cold33's 冬季用电用气 notice:
「关于做好离退休冬季…的提示各位离退休老」, issued by 「干部」, undated, its items' first characters taken
for headings). Here each line is built from its words' boxes as a Tesseract reading is (``corpus.ocr``) and
the pages go through the same layout as any OCR'd page: paragraphs from the lines' places, running heads and
page numbers dropped.
"""

from __future__ import annotations

import re

from .errors import damaged
from .layout import Line
from .ocr import DOUBTFUL_BELOW, PageText, combine_pieces

__all__ = ["hocr_pages", "is_hocr"]

# an element of the page's body carrying hOCR's page class: the mark of an hOCR file (the spec's own
# <meta name="ocr-system"> is optional, and the class is what every hOCR reader goes by)
_PAGE_CLASS = re.compile(rb"""class\s*=\s*["'][^"']*\bocr_page\b""")
_LINE_CLASSES = frozenset({"ocr_line", "ocr_header", "ocr_caption", "ocr_textfloat"})
_BBOX = re.compile(r"\bbbox\s+(-?\d+(?:\.\d+)?)\s+(-?\d+(?:\.\d+)?)\s+(-?\d+(?:\.\d+)?)\s+(-?\d+(?:\.\d+)?)")
_WCONF = re.compile(r"\bx_wconf\s+(\d+(?:\.\d+)?)")
# x_wconf is Tesseract's word confidence (0–100), the number its TSV gives a scan read here: a page whose words'
# mean is below Tesseract's measured DOUBTFUL_BELOW is doubtful, as that scan read by Tesseract would be. An
# hOCR file naming another OCR system (<meta name="ocr-system">) has its own scale, never measured: no note.
_TESSERACT = "Tesseract"


def is_hocr(data: bytes) -> bool:
    """Whether a web page is an OCR program's hOCR output: an element of class ``ocr_page`` in it."""
    return _PAGE_CLASS.search(data) is not None


def _classes(element) -> set[str]:  # type: ignore[no-untyped-def]
    return set((element.get("class") or "").split())


def _box(element) -> tuple[float, float, float, float] | None:  # type: ignore[no-untyped-def]
    found = _BBOX.search(element.get("title") or "")
    return tuple(float(v) for v in found.groups()) if found else None  # type: ignore[return-value]


def hocr_pages(name: str, data: bytes) -> list[PageText]:
    """Every page of an hOCR file, in order: its lines top to bottom, each of its words in the order of
    their boxes, placed on a page of the size its ``ocr_page`` box gives, with the words' mean confidence
    (x_wconf) and whether that makes the page doubtful (Tesseract's measured threshold, `DOUBTFUL_BELOW`)."""
    from lxml import html as lxml_html

    from .html import decoded_page

    text, _ = decoded_page(name, data)
    try:
        root = lxml_html.document_fromstring(
            text.encode("utf-8"), parser=lxml_html.HTMLParser(encoding="utf-8")
        )
    except Exception as e:  # lxml's ParserError on a page with nothing in it
        raise damaged(f"{name} 不是有效的网页文件（HTML）：无法识别其中的文字") from e
    system = next(
        (
            (meta.get("content") or "").lower()
            for meta in root.iter("meta")
            if (meta.get("name") or "").lower() == "ocr-system"
        ),
        "",
    )
    doubt_below = DOUBTFUL_BELOW[_TESSERACT] if not system or "tesseract" in system else 0.0
    pages: list[PageText] = []
    for page in root.iter():
        if not isinstance(page.tag, str) or "ocr_page" not in _classes(page):
            continue
        lines: list[Line] = []
        confidences: list[float] = []
        for element in page.iter():
            if not isinstance(element.tag, str) or not (_classes(element) & _LINE_CLASSES):
                continue
            words = []
            for word in element.iter():
                if not isinstance(word.tag, str) or "ocrx_word" not in _classes(word):
                    continue
                box, said = _box(word), " ".join(word.text_content().split())
                if box is None or not said:
                    continue
                words.append(Line(text=said, x0=box[0], x1=box[2], top=box[1], bottom=box[3]))
                if found := _WCONF.search(word.get("title") or ""):
                    confidences.append(float(found.group(1)))
            if not words and (box := _box(element)) and (said := " ".join(element.text_content().split())):
                words = [Line(text=said, x0=box[0], x1=box[2], top=box[1], bottom=box[3])]
            if words:
                lines.append(combine_pieces(sorted(words, key=lambda w: w.x0)))
        lines.sort(key=lambda line: (line.top, line.x0))
        size = _box(page)
        width = size[2] - size[0] if size else max((line.x1 for line in lines), default=1.0)
        height = size[3] - size[1] if size else max((line.bottom for line in lines), default=1.0)
        confidence = sum(confidences) / len(confidences) / 100 if confidences else 1.0
        doubtful = bool(lines) and bool(confidences) and confidence < doubt_below
        pages.append(PageText(tuple(lines), width, height, confidence=confidence, doubtful=doubtful))
    return pages
