"""Numbers printed beside every line (Word's and Writer's 「行号」) are no part of the text.

The fifteenth blind set's draft rules sent out for comment (离退休干部人事档案管理办法征求意见稿.pdf, a
python-docx file with ``w:lnNumType`` printed to PDF by LibreOffice) read, before: 「3第一条为加强……维护档案
的真实、完整4和安全……制定本办5法。」 — a figure wherever a printed line began, the subtitle 「（征求意见稿）」 a
section of its own, the date line 「32 2026年6月18日」 no date (日期不详) and no issuer. Now the margin's
numbers are left out (corpus/pdf.py, ``_line_numbers``) and the draft reads as it would without them.

Files made by real producers: python-docx, converted by LibreOffice (tests/fixtures/corpus_writers).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from corpus import parse_document, read_document
from tests.fixtures.corpus_writers import write_converted

pytestmark = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")

TITLE = "青溪镇老年活动室管理规定"
SENTENCES = [
    "第一条 为规范老年活动室的使用和管理，方便老同志开展文体活动，制定本规定。",
    "第二条 活动室每天上午8时至11时、下午2时至5时开放，每月最后一个星期五下午闭馆清扫。",
    "第三条 进入活动室的老同志应当爱护公共设施，损坏桌椅、棋具的，照价赔偿。",
    "第四条 活动室内禁止吸烟，禁止以任何形式赌博，不得大声喧哗影响他人。",
    "第五条 借用乒乓球拍、象棋等器材的，应当登记，当天归还；逾期3次以上的，停止借用1个月。",
    "第六条 活动室由镇老年协会指定2名管理员轮流值班，值班情况记入值班簿。",
    "第七条 本规定自2026年9月1日起施行，由镇老年协会负责解释。",
]
PARTS = [
    ("title", TITLE),
    *(("body", s) for s in SENTENCES),
    ("right", "青溪镇老年协会"),
    ("right", "2026年8月20日"),
]


def _read(folder: Path, numbered: bool):  # type: ignore[no-untyped-def]
    path = folder / f"规定{'-行号' if numbered else ''}.pdf"
    write_converted(PARTS, path, "pdf", author="青溪镇老年协会", line_numbers=numbered)
    [speech] = parse_document(read_document(path))
    return speech


def test_numbers_beside_every_line_are_left_out(tmp_path: Path) -> None:
    numbered = _read(tmp_path, numbered=True)
    plain = _read(tmp_path, numbered=False)
    assert (numbered.title, numbered.date, numbered.issuer) == (TITLE, "2026-08-20", "青溪镇老年协会")
    body = "".join(p.text for p in numbered.paragraphs)
    at = -1
    for sentence in SENTENCES:  # every sentence once, in order, no figure where a printed line began
        wanted = "".join(sentence.split())
        assert body.count(wanted) == 1, sentence
        assert body.index(wanted) > at
        at = body.index(wanted)
    # the same draft printed without line numbers reads the same, paragraph for paragraph
    assert [(p.section, p.text) for p in numbered.paragraphs] == [
        (p.section, p.text) for p in plain.paragraphs
    ]
    assert (numbered.title, numbered.date, numbered.issuer) == (plain.title, plain.date, plain.issuer)


def test_paragraphs_opening_with_figures_keep_them(tmp_path: Path) -> None:
    """A draft without line numbers whose every paragraph opens with a figure set apart (「1 …」「2 …」, a
    numbered list typed with a space): the figures are the text's and stay."""
    items = [
        f"{n}  {text}"
        for n, text in enumerate(
            ["活动室每天开放。", "器材借用应当登记。", "室内禁止吸烟。", "值班情况记入值班簿。"], start=1
        )
    ]
    path = tmp_path / "条目.pdf"
    write_converted([("title", TITLE), *(("body", i) for i in items)], path, "pdf", author="青溪镇老年协会")
    [speech] = parse_document(read_document(path))
    body = "".join("".join(p.text.split()) for p in speech.paragraphs)
    for item in items:
        assert "".join(item.split()) in body
