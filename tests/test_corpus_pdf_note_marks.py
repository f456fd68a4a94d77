"""A footnote whose own mark LibreOffice raises at the body's size before the note's smaller text: the mark
is read with the note, so the note is set apart from the body and never cut into the paragraph running on
over the page break. Real files: the eleventh blind set's LibreOffice notice
(benchmarks/corpus-cold9, made by its make_corpus.py) and notices written at run time by the shared corpus
writers and converted by LibreOffice."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from corpus import parse_document, read_document
from tests.fixtures.corpus_writers import write_converted

NOTICE = Path(__file__).parents[1] / "benchmarks" / "corpus-cold9" / "丧葬补助费和一次性抚恤金办理通知.pdf"
NOTE = "本市上年度职工月平均工资由市统计局每年公布，2025年度为7860元。"


def _paragraphs(path: Path) -> list[str]:
    [speech] = parse_document(read_document(path))
    return [p.text for p in speech.paragraphs]


def test_the_footnote_of_a_libreoffice_pdf_follows_the_paragraph_that_runs_over_the_page_break() -> None:
    paragraphs = _paragraphs(NOTICE)
    # before: 「……领取人的银行卡。领本市上年度……7860元。取人为逝者配偶或者子女……」, and 「……2倍。1离休干部……」
    running = next(p for p in paragraphs if p.startswith("家属办理时须提交"))
    assert running.endswith(
        "领取人的银行卡。领取人为逝者配偶或者子女；由其他亲属领取的，须提供全体第一顺序继承人签字的委托书。"
    )
    assert paragraphs[paragraphs.index(running) + 1] == NOTE
    assert sum(NOTE in p for p in paragraphs) == 1
    assert any(p.endswith("另加本市上年度职工月平均工资的2倍。") for p in paragraphs)
    assert "离休干部去世的，一次性抚恤金再增加3个月本人生前基本离休费。" in paragraphs


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_a_footnote_on_a_one_page_libreoffice_notice_is_a_paragraph_of_its_own(tmp_path: Path) -> None:
    note = "数据来源：市统计局2025年统计公报。"
    parts = [
        ("title", "关于调整离退休干部生活补贴标准的通知"),
        ("body", "各县（市、区）委老干部局，市直各单位："),
        ("noted", ("自2026年1月起，生活补贴标准提高到每人每月860元，所需资金由原渠道解决。", note)),
        ("body", "各单位要及时足额发放，不得截留挪用。"),
        ("right", "中共某某市委老干部局"),
        ("right", "2026年1月5日"),
    ]
    path = tmp_path / "补贴通知.pdf"
    write_converted(parts, path, "pdf", author="某某市委老干部局办公室")
    paragraphs = _paragraphs(path)
    assert "自2026年1月起，生活补贴标准提高到每人每月860元，所需资金由原渠道解决。" in paragraphs
    assert note in paragraphs
    assert not any(p.startswith("1") for p in paragraphs)
