"""Radicals standing for characters are read as the characters.

The fonts of many Chinese PDFs share one glyph between a common character and the radical it looks like
and map it to the radical, so text copied or extracted from them holds Kangxi radicals (U+2F00–U+2FD5) and
CJK radicals supplement characters (U+2E80–U+2EF3) where 老, 干, 长, 门 … belong. The sixteenth blind set's
离退休干部党员冬训工作通知.txt (pasted out of such a PDF) read, before: 「离退休⼲部」「送学上⻔」 — nothing typed
matched them —, 日期不详 (「2026年11⽉20⽇」 was no date), no 文号 or issuer. Now every radical is read as
the character it looks like (corpus/clean.py), and the notice reads as the same notice typed.

Files made by real producers: the text as ``pdf_paste`` gives it (the radicals such a font's ToUnicode
produces) saved by ``write_crlf_text`` as Notepad saves it, and a reportlab PDF whose text is those
radicals (the glyphs drawn from Noto Serif CJK, which has them).
"""

from __future__ import annotations

import re
from pathlib import Path

from corpus import clean_line, parse_document, read_document
from tests.fixtures.corpus_writers import (
    PDF_RADICALS,
    pdf_paste,
    write_crlf_text,
    write_reportlab_pdf,
)

RADICAL = re.compile("[\u2e80-\u2ef3\u2f00-\u2fd5]")

NOTICE = [
    "中共青禾市委老干部局",
    "关于做好离退休干部门诊大病登记工作的通知",
    "青老干发〔2026〕8号",
    "各离退休干部党支部：",
    "为方便患有长期慢性病的老同志看病，现就门诊大病登记工作通知如下。",
    "一、登记对象。患高血压、糖尿病等慢性病需要长期用药的离退休干部。",
    "二、办理方式。本人或者家属携带医院诊断证明到局服务大厅办理，行动不便的可以由工作人员上门办理。",
    "三、办理时间。每月10日至20日，节假日顺延。",
    "联系人：方晓月，电话0712-6623018。",
    "",
    "中共青禾市委老干部局",
    "2026年3月16日",
]


def _layout(path: Path) -> list[str]:
    [speech] = parse_document(read_document(path))
    head = [speech.title, speech.date, speech.doc_number, speech.issuer, speech.addressee]
    return [str(item) for item in head] + [f"{p.section} {p.text}" for p in speech.paragraphs]


def test_a_notice_pasted_out_of_a_pdf_reads_as_the_notice_typed(tmp_path: Path) -> None:
    pasted = pdf_paste(NOTICE)
    assert sum(len(RADICAL.findall(line)) for line in pasted) > 30  # 老 干 长 门 日 月 一 二 人 …
    write_crlf_text(pasted, tmp_path / "pasted.txt", "utf-8")
    write_crlf_text(NOTICE, tmp_path / "typed.txt", "utf-8")
    got = _layout(tmp_path / "pasted.txt")
    assert got == _layout(tmp_path / "typed.txt")
    assert got[:4] == [
        "中共青禾市委老干部局关于做好离退休干部门诊大病登记工作的通知",
        "2026-03-16",
        "青老干发〔2026〕8号",
        "中共青禾市委老干部局",
    ]
    assert not any(RADICAL.search(line) for line in got)


def test_a_pdf_whose_text_is_radicals_reads_as_characters(tmp_path: Path) -> None:
    parts = [("title", "关于做好离退休干部门诊大病登记工作的通知")] + [("body", line) for line in NOTICE[3:9]]
    pasted = [(kind, pdf_paste([str(text)])[0]) for kind, text in parts]
    write_reportlab_pdf(pasted, tmp_path / "radicals.pdf", author="青禾市委老干部局")
    [speech] = parse_document(read_document(tmp_path / "radicals.pdf"))
    body = "".join(p.text for p in speech.paragraphs)
    assert speech.title == "关于做好离退休干部门诊大病登记工作的通知"
    for line in NOTICE[4:9]:
        assert body.count(line) == 1, line
    assert not RADICAL.search(body)


def test_clean_line_reads_each_radical_as_its_character() -> None:
    for character, radical in PDF_RADICALS.items():
        assert clean_line(f"离退休{radical}部") == f"离退休{character}部"
    assert clean_line("⺠政局和⻄区卫健委⻓期合作") == "民政局和西区卫健委长期合作"
    assert clean_line("老干部活动中心") == "老干部活动中心"  # the characters themselves are left alone
