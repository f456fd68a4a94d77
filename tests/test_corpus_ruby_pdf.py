"""Pinyin printed over rare characters (Word's 拼音指南, ruby) is not read as text of a PDF.

The sixteenth blind set's 家庭适老化改造补贴通知.pdf gives the rare characters of its place names their
readings (「jiǔ」 over 西氿街道's 氿, 「lù」 over 甪里镇's 甪); LibreOffice prints them as small letters over the
line. Before, each line of readings became a subsection heading: 「§ 五、评估预约点 › jiǔ xǔ jiǔ」. Now a line
of small pinyin syllables standing over the Han characters of the line right under it is dropped
(corpus/pdf.py, ``_without_readings``).

Files made by real producers: python-docx writes the ruby (``w:ruby``, as Word's 拼音指南 does) and
LibreOffice prints the PDF (tests/fixtures/corpus_writers.py, the part kind ``annotated``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus import parse_document, read_document
from tests.fixtures.corpus_writers import write_converted

pytestmark = pytest.mark.skipif(
    not any(Path(p).exists() for p in ("/usr/bin/soffice", "/usr/bin/libreoffice")),
    reason="needs LibreOffice",
)

HEAD = [
    ("title", "关于组织离退休干部秋季健步走活动的通知"),
    ("body", "各离退休干部党支部："),
    ("body", "为丰富老同志的文体生活，局里定于10月18日组织秋季健步走活动。现将有关事项通知如下。"),
]
ANNOTATED = [
    [
        "集合地点在",
        ("ruby", "洑", "fú"),
        "溪公园南门，路线经",
        ("ruby", "漷", "huǒ"),
        "县老街到",
        ("ruby", "邗", "hán"),
        "江桥，全程约4公里。",
    ],
    ["住在", ("ruby", "亳", "bó"), "城街道的老同志，可以乘坐免费班车前往。"],
]
TAIL = [
    ("body", "请各支部于10月12日前报送参加人数。"),
    ("right", "中共青禾市委老干部局"),
    ("right", "2026年9月30日"),
]


def _plain(segments: list[object]) -> str:
    return "".join(s if isinstance(s, str) else s[1] for s in segments)  # type: ignore[index]


def _layout(path: Path) -> list[str]:
    [speech] = parse_document(read_document(path))
    return [speech.title, str(speech.date)] + [f"{p.section} {p.text}" for p in speech.paragraphs]


def test_pinyin_over_rare_characters_is_not_read(tmp_path: Path) -> None:
    with_ruby = [*HEAD, *(("annotated", segments) for segments in ANNOTATED), *TAIL]
    without = [*HEAD, *(("body", _plain(segments)) for segments in ANNOTATED), *TAIL]
    write_converted(with_ruby, tmp_path / "ruby.pdf", "pdf", author="青禾市委老干部局")
    write_converted(without, tmp_path / "plain.pdf", "pdf", author="青禾市委老干部局")
    got = _layout(tmp_path / "ruby.pdf")
    assert got == _layout(tmp_path / "plain.pdf")
    text = "".join(got)
    for reading in ("fú", "huǒ", "hán", "bó"):
        assert reading not in text
    for segments in ANNOTATED:
        assert text.count(_plain(segments)) == 1


def test_letters_at_the_text_size_stay(tmp_path: Path) -> None:
    parts = [*HEAD, ("body", "wifi mima"), ("body", "活动当天请穿运动鞋，自带饮用水。"), *TAIL]
    write_converted(parts, tmp_path / "letters.pdf", "pdf", author="青禾市委老干部局")
    assert "wifimima" in "".join(_layout(tmp_path / "letters.pdf")).replace(" ", "")
