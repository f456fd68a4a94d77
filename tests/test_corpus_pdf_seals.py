"""A round red seal stamped over a notice's signature is not text: its rim characters turn with the rim,
so those at its top and sides stand upright or on end, and they were read (「…电话：…3321。老」, a second
issuer 「榆办」). Real files: the eleventh blind set's two-column reportlab notice (benchmarks/corpus-cold9,
made by its make_corpus.py) and notices set at run time by the shared corpus writer with and without a seal."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus import parse_document, read_bytes, read_document
from tests.fixtures.corpus_writers import font_characters, write_reportlab_pdf

MEALS = Path(__file__).parents[1] / "benchmarks" / "corpus-cold9" / "老干部助餐服务通知.pdf"

NOTICE = [
    ("title", "关于做好离退休干部夏季防暑降温工作的通知"),
    ("docnum", "某老干发〔2026〕8号"),
    ("body", "各县（市、区）委老干部局，市直各单位："),
    ("heading1", "一、走访慰问"),
    ("body", "各单位要在7月中旬前走访慰问高龄、独居和患病的离退休干部，送去防暑药品。"),
    ("heading1", "二、活动安排"),
    ("body", "高温期间暂停户外集体活动，室内活动安排在上午九点前或者下午四点后。"),
    ("body", "联系人：老干部服务科  王明，电话：0000-1234 5678。"),
    ("right", "中共某某市委老干部局"),
    ("right", "2026年6月20日"),
]
SEALS = ["中共某某市委老干部局", "中共某某市委老干部局办公室", "某某市老干部活动中心"]


def test_the_seal_of_the_blind_sets_meals_notice_is_not_read() -> None:
    [notice] = parse_document(read_document(MEALS))
    text = "".join(p.text for p in notice.paragraphs)
    assert text.endswith("联系人：老干部服务科祁雨桐，电话：0736-6218 3321。")  # before: 「…3321。老」
    assert "发文机关：中共榆湾市委老干部局办公室。" in text  # before: 「…办公室、榆办。」
    assert notice.date == "2026-06-08"


@pytest.mark.parametrize("seal", SEALS)
@pytest.mark.parametrize("columns", [1, 2])
def test_a_notice_with_a_seal_reads_as_the_same_notice_without_it(
    tmp_path: Path, seal: str, columns: int
) -> None:
    characters = font_characters(NOTICE, "".join(SEALS))
    plain, sealed = tmp_path / "plain.pdf", tmp_path / "sealed.pdf"
    write_reportlab_pdf(NOTICE, plain, author="某某", characters=characters, columns=columns)
    write_reportlab_pdf(NOTICE, sealed, author="某某", characters=characters, columns=columns, seal=seal)
    assert (
        read_bytes("sealed.pdf", sealed.read_bytes()).text == read_bytes("plain.pdf", plain.read_bytes()).text
    )
