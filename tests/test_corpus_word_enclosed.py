"""Word's 带圈字符 read as the enclosed character the page shows (①, ㉑, ㊂…), in both readings of a .docx.

Word's 「带圈字符」 is an EQ field with no shown result — Word draws the enclosure over the text from the
field's code, ``eq \\o\\ac(○,2)`` — so the text read nothing in its place: the seventeenth blind set's
上门助浴理发服务通知.docx lost its list markers and read 「符合第项、第项条件的」 for 「符合第②项、第③项条件的」.
Now each such field is read as its character (corpus/word.py, ``enclosed_characters``); 着重号 (``w:em``)
runs read as their text.

Files made by a real producer: python-docx (tests/fixtures/corpus_writers.write_docx, part kind marked).
"""

from __future__ import annotations

from pathlib import Path

from corpus import chunk_speech, parse_document, read_document
from corpus.conservation import check_conservation
from corpus.word import overstrike_text
from tests.fixtures.corpus_writers import write_docx

PARTS = [
    ("title", "关于做好离退休干部夏季防暑降温工作的通知"),
    ("body", "各区老干部局："),
    ("marked", [("circled", "1"), "高温天气尽量减少外出；"]),
    ("marked", [("circled", "2"), "室内温度保持在26℃左右；"]),
    ("marked", [("circled", "21"), "出现头晕乏力的，及时就医。"]),
    ("marked", ["第", ("circled", "2"), "项所说的温度，", ("dots", "不宜低于24℃"), "。"]),
    ("right", "2026年7月1日"),
]


def test_enclosed_numbers_are_read_where_they_stand(tmp_path: Path) -> None:
    path = tmp_path / "防暑降温通知.docx"
    write_docx(PARTS, path, author="岑川市委老干部局")
    document = read_document(path)
    lines = document.text.splitlines()
    for line in ("①高温天气尽量减少外出；", "②室内温度保持在26℃左右；", "㉑出现头晕乏力的，及时就医。"):
        assert line in lines
    assert "第②项所说的温度，不宜低于24℃。" in lines
    assert "第②项所说的温度，不宜低于24℃。" in document.reference.splitlines()
    [speech] = parse_document(document)
    assert check_conservation(document, [p.text for p in chunk_speech(speech)]).ok


def test_what_an_eq_field_shows() -> None:
    assert overstrike_text(r"eq \o\ac(○,2)") == "②"
    assert overstrike_text(r"eq \o\ac(○,\s\up 1(12))") == "⑫"
    assert overstrike_text(r"EQ \o\ac(◯,36)") == "㊱"
    assert overstrike_text(r"eq \o\ac(○,三)") == "㊂"
    assert overstrike_text(r"eq \o\ac(□,优)") == "优"  # no such character: the enclosed text itself
    assert overstrike_text(r"eq \f(1,2)") == ""  # a fraction: not an enclosure
    assert overstrike_text("PAGE") == ""
