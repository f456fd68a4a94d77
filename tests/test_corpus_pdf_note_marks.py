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


def test_the_footnote_of_a_libreoffice_pdf_stays_out_of_the_paragraph_that_runs_over_the_page_break() -> None:
    paragraphs = _paragraphs(NOTICE)
    # before: 「……领取人的银行卡。领本市上年度……7860元。取人为逝者配偶或者子女……」, and 「……2倍。1离休干部……」
    running = next(p for p in paragraphs if p.startswith("家属办理时须提交"))
    assert running.endswith(
        "领取人的银行卡。领取人为逝者配偶或者子女；由其他亲属领取的，须提供全体第一顺序继承人签字的委托书。"
    )
    assert sum(NOTE in p for p in paragraphs) == 1
    # the note follows the paragraph holding its raised mark (it followed the running paragraph, the last
    # of its page, before)
    referencing = next(p for p in paragraphs if p.endswith("另加本市上年度职工月平均工资的2倍。"))
    assert paragraphs[paragraphs.index(referencing) + 1] == NOTE
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


# -- each footnote after the paragraph that references it ------------------------------------------------
ARTICLES = [
    "第一条 为做好离退休干部住院探视工作，体现组织关怀，结合本市实际，制定本办法。",
    "第二条 本办法适用于市直单位离退休干部住院期间的探视慰问，所需经费按规定渠道列支。",
    "第三条 离退休干部住院满七日的，原单位应当在三个工作日内派人到医院探视，了解治疗情况和实际困难。",
    "第四条 探视时可以送鲜花、水果或者营养品，每人每次不超过三百元，不得以现金代替。",
    "第五条 离退休干部病情危重的，原单位主要负责同志应当亲自探视，并及时向市委老干部局报告有关情况。",
    "第六条 住院期间家庭确有困难的，原单位可以按规定申请困难补助，市委老干部局给予适当支持。",
    "第七条 原单位应当建立住院探视台账，写明住院时间、医院、病情和探视情况，每季度报送一次。",
    "第八条 探视工作由原单位离退休干部工作部门具体负责，相关处室予以配合，确保不漏一人。",
    "第九条 离退休干部在外地住院的，原单位可以委托当地老干部工作部门代为探视，费用据实结算。",
    "第十条 各单位要把住院探视作为经常性工作，做到情况清楚、措施具体、责任落实，不走过场。",
    "第十一条 对探视工作不力、造成不良影响的单位，市委老干部局予以通报批评并督促整改。",
    "第十二条 离退休干部出院后，原单位应当电话回访一次，了解康复情况，需要帮助的及时协调解决。",
    "第十三条 本办法由市委老干部局负责解释，自2026年7月1日起施行。",
]
NOTED = {  # by the index of the article referencing it
    1: "市直单位，指市级党政机关、人民团体和事业单位，不含驻市单位。",
    2: "住院满七日，从入院当日起按自然日连续计算，转院的合并计算。",
    4: "病情危重，以医院开具的病危或者病重通知书为准。",
    11: "电话回访由原单位离退休干部工作部门负责，回访情况记入探视台账。",
}


def _visits_pdf(tmp_path: Path) -> Path:
    parts: list[tuple[str, object]] = [("title", "离退休干部住院探视办法")]
    for n, article in enumerate(ARTICLES):
        parts.append(("noted", (article, NOTED[n])) if n in NOTED else ("body", article))
    parts += [("right", "中共某某市委老干部局"), ("right", "2026年6月10日")]
    path = tmp_path / "住院探视办法.pdf"
    write_converted(parts, path, "pdf", author="某某市委老干部局办公室")
    return path


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_each_footnote_follows_the_paragraph_holding_its_raised_mark_on_either_page(tmp_path: Path) -> None:
    """Notes printed at the foot of two pages, referenced from different articles: before, all the notes
    of a page were read after the paragraph the page ends in (三 notes after 第七条, far from the terms they
    define); now each follows the article holding its mark, as in the Word file, and every sentence of the
    articles and the notes is read once."""
    import pdfplumber

    from corpus import check_conservation, chunk_speech

    path = _visits_pdf(tmp_path)
    with pdfplumber.open(path) as pdf:
        pages = ["".join((page.extract_text() or "").split()) for page in pdf.pages]
    noted_on = {n: [p for p, text in enumerate(pages) if NOTED[n][:12] in text] for n in NOTED}
    assert {on for found in noted_on.values() for on in found} == {0, 1}, noted_on  # notes on both pages
    document = read_document(path)
    [speech] = parse_document(document)
    texts = [p.text for p in speech.paragraphs]
    for n, note in NOTED.items():
        at = texts.index(note)
        assert speech.paragraphs[at].kind == "note"
        assert texts[at - 1].endswith(ARTICLES[n][-20:]), (n, texts[at - 1])
    assert all(sum(ARTICLES[n][-20:] in t for t in texts) == 1 for n in range(len(ARTICLES)))
    assert all(sum(note in t for t in texts) == 1 for note in NOTED.values())
    assert check_conservation(document, [d.text for d in chunk_speech(speech)]).ok
