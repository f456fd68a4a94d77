"""A booklet photocopied open — two pages side by side on one sheet — reads as its two pages.

The sixteenth blind set's 诗词楹联学会成立大会讲话.pdf is an A5 booklet copied open on one landscape sheet.
Before, OCR's lines ran across both pages: the title's first line and the right page's first line became
one line (「…成立大会上的员免交会费。…」), read as a document of its own; the left page's last line ran on into
the right page's second; 「第1页第2页」 closed the body. Now a sheet wider than high whose middle third holds a
strip no line crosses, with set text on both sides, is read as two pages, left first (corpus/spreads.py).

Files made by real producers: reportlab pages rendered by pdftoppm and set side by side by Pillow
(tests/fixtures/corpus_writers.write_booklet_scan), as an image-only PDF and as a PNG; read by the OCR
engine installed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus import ocr, parse_document, read_document
from corpus.layout import Line, Page
from corpus.spreads import split_spread
from tests.fixtures.corpus_writers import write_booklet_scan

needs_ocr = pytest.mark.skipif(ocr.engine() is None, reason="needs an OCR engine")

PARAGRAPHS = [
    "今天，我们在这里召开老干部门球协会第三届会员大会，选举产生新一届理事会。我代表市委老干部局，向大会的召开表示祝贺。",
    "协会成立八年来，会员从最初的四十多人发展到现在的二百六十多人，先后参加省级以上比赛十一次，获得团体奖项六个。",
    "新一届理事会要把为会员服务放在首位，每周组织两次训练，每年举办一次全市老干部门球邀请赛，让更多老同志参与进来。",
    "要注意运动安全，训练前做好热身，夏季高温时段停止室外训练，场地边常备急救药品，年满八十岁的会员参赛须有家属同意。",
    "市委老干部局将继续支持协会工作，明年在老干部活动中心东侧新建一块标准门球场，并为协会配备一名专职联络员。",
    "希望协会以这次大会为新的起点，团结带领广大会员强身健体、快乐生活，为建设健康城市作出新的贡献。",
    "谢谢大家。",
]
SPEECH = [
    ("title", "在老干部门球协会第三届会员大会上的讲话"),
    ("speaker", "市委老干部局副局长  聂远舟"),
    ("speaker", "（2026年5月20日）"),
    ("body", "各位会员、同志们："),
    *(("body", text) for text in PARAGRAPHS),
]


def _check(path: Path) -> None:
    [speech] = parse_document(read_document(path))
    assert (speech.title, speech.speaker, speech.date) == (
        "在老干部门球协会第三届会员大会上的讲话",
        "聂远舟",
        "2026-05-20",
    )
    body = "".join(p.text for p in speech.paragraphs)
    at = -1
    for text in PARAGRAPHS[:-1]:  # every sentence once and in order, across the fold
        found = body.find(text[10:40])
        assert found > at, text
        at = found
    assert "第1页" not in body and "第2页" not in body


@needs_ocr
def test_a_booklet_copied_open_reads_as_its_two_pages(tmp_path: Path) -> None:
    path = tmp_path / "门球协会讲话.pdf"
    write_booklet_scan(SPEECH, path, author="市委老干部局")
    _check(path)


@needs_ocr
def test_a_photo_of_the_spread_reads_the_same(tmp_path: Path) -> None:
    path = tmp_path / "门球协会讲话.png"
    write_booklet_scan(SPEECH, path, author="市委老干部局")
    _check(path)


def test_a_landscape_page_read_across_is_one_page() -> None:
    """A landscape page whose lines run across its middle (a wide table, a slide) is not a spread."""
    lines = tuple(
        Line(text=f"第{n}行横跨整页的文字内容", x0=60, x1=780, top=60 + 20 * n, bottom=72 + 20 * n)
        for n in range(12)
    )
    page = Page(lines=lines, width=842, height=595)
    assert split_spread(page) == [page]
    portrait = Page(lines=lines, width=595, height=842)
    assert split_spread(portrait) == [portrait]
