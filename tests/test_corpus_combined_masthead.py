"""A joint notice's masthead set as Word's 「双行合一」 is read as one line, over the title.

The fifteenth blind set's 家庭医生签约服务通知.pdf (issued by two offices, its masthead 「黛川市委老干部局 /
黛川市卫生健康委员会 文件」 in 「双行合一」, printed to PDF by LibreOffice) read, before: title
「川市卫生健康委员会关于为离退休干部提供家庭医生签约服务的通知」 and issuer 「黛川市委老干部局黛」 — the PDF holds the
squeezed names as two lines of half-size characters, and the lower one was read as the title's first
line. Now the two halves are read as the one run they are, beside 「文件」 (corpus/pdf.py,
``_two_lines_in_one``).

Files made by real producers: python-docx, converted by LibreOffice (tests/fixtures/corpus_writers).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from corpus import parse_document, read_document
from tests.fixtures.corpus_writers import write_converted, write_joint_notice

pytestmark = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")

ISSUERS = ("青溪市民政局", "青溪市老龄工作委员会办公室")
TITLE = "关于开展2026年度高龄老人健康回访工作的通知"
SENTENCES = [
    "各街道办事处，各社区居委会：",
    "为及时了解高龄老人的健康状况，决定于2026年11月开展健康回访工作。",
    "一、回访对象为本市户籍年满85周岁的老人。",
    "二、回访由社区网格员和家庭医生共同入户完成，每户回访不少于20分钟。",
    "三、各街道于12月10日前报送回访汇总表。",
]
PARTS = [
    ("docnum", "青民联〔2026〕7号"),
    ("title", TITLE),
    *(("body", s) for s in SENTENCES),
    ("right", "2026年10月30日"),
]


def test_a_combined_masthead_is_one_line_over_the_title(tmp_path: Path) -> None:
    path = tmp_path / "健康回访通知.pdf"
    write_joint_notice(PARTS, ISSUERS, path, author="青溪市民政局")
    document = read_document(path)
    assert "".join(ISSUERS) + "文件" in document.text.replace(" ", "")  # the halves in order, beside 文件
    [speech] = parse_document(document)
    assert (speech.title, speech.date, speech.doc_number) == (TITLE, "2026-10-30", "青民联〔2026〕7号")
    assert speech.issuer is not None and ISSUERS[1][2:] in speech.issuer
    body = "".join(p.text for p in speech.paragraphs)
    for sentence in SENTENCES[1:]:
        assert body.count(sentence) == 1, sentence
    # the same notice without the masthead has the same title and body
    plain = tmp_path / "无版头.pdf"
    write_converted(PARTS, plain, "pdf", author="青溪市民政局", footer=True)
    [alone] = parse_document(read_document(plain))
    assert alone.title == speech.title
    assert [p.text for p in alone.paragraphs if "文号" not in p.text] == [
        p.text for p in speech.paragraphs if "文号" not in p.text
    ]


def test_a_combined_masthead_is_split_into_its_issuers_as_the_signature_names_them(tmp_path: Path) -> None:
    """Where the squeezed masthead's first name ends is not on the page; the signature under the text names the
    same bodies with a space between: read so, the notice has both issuers (「、」 apart when cited), not one."""
    signed = [*PARTS[:-1], ("right", "　".join(ISSUERS)), PARTS[-1]]
    path = tmp_path / "健康回访通知.pdf"
    write_joint_notice(signed, ISSUERS, path, author="青溪市民政局")
    [speech] = parse_document(read_document(path))
    assert speech.issuer is not None and speech.issuer.split() == list(ISSUERS)
    assert speech.shown_issuer == "、".join(ISSUERS)
    assert f"发文机关：{'、'.join(ISSUERS)}。" in speech.paragraphs[0].text
    # a signature naming other bodies (or one) leaves the masthead's reading alone
    other = [*PARTS[:-1], ("right", "青溪市民政局办公室"), PARTS[-1]]
    write_joint_notice(other, ISSUERS, path, author="青溪市民政局")
    [alone] = parse_document(read_document(path))
    assert alone.issuer is not None and ISSUERS[1][2:] in alone.issuer and " " not in alone.issuer.strip()
