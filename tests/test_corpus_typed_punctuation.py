"""Punctuation typed in English mode. Staff who leave the input method in English mode type 「,」「.」「:」
「;」「?」「!」 between Chinese characters (「每人1000元.慰问金从专项经费中列支」, 「联系人:李明」).

Before: a 「.」 there ended no sentence: 「要点」 ran over two sentences and `add --check` counted a paragraph
as one sentence (a GB18030 notice with CRLF line ends: 3 sentences of 9). Now such marks read as the
Chinese marks they stand for, so the file reads exactly as the same file typed in Chinese mode; after a
digit or a Latin letter they stay (「1.5万元」「9:30」), as does the 「.」 of a numeral heading (「一.」).
"""

from __future__ import annotations

import io
import os
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from corpus import check_conservation, chunk_speech, parse_document, read_bytes
from corpus.clean import HAN

EXAMPLES = int(os.environ.get("SPEECHQA_PROPERTY_EXAMPLES", "25"))

HEADER = ["关于做好2024年离退休干部春节走访慰问工作的通知", "各县（市、区）委老干部局，市直各单位："]
SECTIONS = [
    (
        "一、慰问对象",
        ["全市离休干部，副县级以上退休干部，以及生活困难的退休干部。", "对患重病的老同志，要安排上门看望！"],
    ),
    (
        "二、慰问标准",
        ["离休干部每人1500元；生活困难的退休干部每人1000元。", "慰问金从专项经费中列支，不得超标准发放。"],
    ),
    (
        "三、工作要求",
        ["各单位要在1月20日前完成走访慰问。", "联系人：李明，电话：88881234。", "有问题吗？请及时报告。"],
    ),
]
SIGNATURE = ["中共临江市委老干部局", "2024年12月20日"]
HALF = {"，": ",", "。": ".", "；": ";", "：": ":", "？": "?", "！": "!"}
_AFTER_HAN = re.compile(rf"(?<=[{HAN}])[，。；：？！]")


def notice(paragraphs: list[str]) -> list[str]:
    return [*HEADER, "为做好离退休干部服务工作，现就春节走访慰问工作通知如下。", *paragraphs, *SIGNATURE]


def body() -> list[str]:
    lines = []
    for heading, sentences in SECTIONS:
        lines += [heading, "".join(sentences)]
    return lines


def english_mode(lines: list[str], chosen: list[bool]) -> list[str]:
    """The lines with the marks after a Chinese character picked by `chosen` (cycled) typed in English."""
    count = iter(range(10_000))

    def swap(mark: re.Match[str]) -> str:
        return HALF[mark[0]] if chosen[next(count) % len(chosen)] else mark[0]

    return [_AFTER_HAN.sub(swap, line) for line in lines]


def read(lines: list[str], *, word: bool, crlf: bool):  # type: ignore[no-untyped-def]
    if word:
        import docx

        d = docx.Document()
        for line in lines:
            d.add_paragraph(line)
        out = io.BytesIO()
        d.save(out)
        return read_bytes("通知.docx", out.getvalue())
    return read_bytes("通知.txt", ("\r\n" if crlf else "\n").join(lines).encode("gb18030"))


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.lists(st.booleans(), min_size=1, max_size=12), st.booleans(), st.booleans(), st.booleans())
def test_marks_typed_in_english_mode_read_as_the_chinese_ones(
    chosen: list[bool], word: bool, crlf: bool, indent: bool
) -> None:
    lines = notice(body())
    if indent:
        lines = [lines[0], *("    " + line for line in lines[1:-2]), *lines[-2:]]
    typed = english_mode(lines, chosen)
    [expected] = parse_document(read(lines, word=word, crlf=crlf))
    document = read(typed, word=word, crlf=crlf)
    [speech] = parse_document(document)
    assert (speech.title, speech.date) == (expected.title, expected.date)
    assert [(p.section, p.text) for p in speech.paragraphs] == [
        (p.section, p.text) for p in expected.paragraphs
    ]
    kept = check_conservation(document, [c.text for c in chunk_speech(speech)])
    # the ten body sentences and the 主送 line, which the 文件信息 passage now holds
    assert kept.ok and kept.sentences == 11, (kept.sentences, kept.missing)


def test_marks_after_digits_or_latin_letters_and_a_numeral_headings_stop_stay() -> None:
    lines = [HEADER[0], "一.慰问标准", "每人1.5万元,9:30在东门集合.请乘No.1车辆."]
    [speech] = parse_document(read(lines, word=False, crlf=True))
    assert [(p.section, p.text) for p in speech.paragraphs] == [
        ("一.慰问标准", "每人1.5万元，9:30在东门集合。请乘No.1车辆。")
    ]
