"""LibreOffice's PDF export watermark (Writer's 「导出为 PDF › 常规 › 水印」) is not text: a notice exported
with it reads exactly as the same notice exported without it — as the export draws it by default (large,
on end down the middle of each portrait page, in green) and turned 45° in light grey (the twelfth blind
set's guide, benchmarks/corpus-cold10). Real files: notices written at run time by the shared corpus
writers (python-docx, a table of contents on the first page) and exported by LibreOffice."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from corpus import parse_document, read_document
from tests.fixtures.corpus_writers import write_converted

pytestmark = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")

MARK = "内部资料 注意保存"
PARTS = [
    ("title", "某某市离退休干部活动场所安全管理规定"),
    ("docnum", "某老干办〔2026〕8号"),
    ("chapter", "目  录"),
    ("contents", [("一、管理职责", 2), ("二、日常检查", 2), ("三、应急处置", 3)]),
    ("heading1", "一、管理职责"),
    (
        "body",
        "活动场所的安全管理由市老干部活动中心负责，各活动室指定一名安全员，每天开放前检查门窗、电源和消防器材。"
        "安全员名单在活动中心一楼大厅公示，人员变动的及时更新。",
    ),
    ("heading1", "二、日常检查"),
    (
        "body",
        "活动中心每月组织一次安全检查，重点检查电线线路、燃气管道、电梯和无障碍设施，检查情况记入台账。"
        "发现隐患的，当天报告分管负责同志，能立即整改的立即整改。",
    ),
    (
        "body",
        "每年春节、国庆等重要节日前，活动中心会同物业公司开展一次全面检查，对老旧设备提出更换计划，"
        "所需经费列入下一年度预算。",
    ),
    ("heading1", "三、应急处置"),
    (
        "body",
        "老同志在活动中突发疾病的，工作人员应当立即拨打120急救电话，同时通知其家属和原单位。"
        "活动中心配备自动体外除颤器两台，分别放在一楼大厅和三楼棋牌室门口。",
    ),
    ("right", "中共某某市委老干部局办公室"),
    ("right", "2026年3月2日"),
]


def _read(path: Path) -> tuple[list[str], str | None, str | None]:
    [notice] = parse_document(read_document(path))
    return [p.text for p in notice.paragraphs], notice.date, notice.issuer


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("watermarks")
    paths = {}
    for name, watermark, diagonal in (
        ("plain", None, True),
        ("default", MARK, False),
        ("diagonal", MARK, True),
    ):
        paths[name] = folder / f"{name}.pdf"
        write_converted(
            PARTS,
            paths[name],
            "pdf",
            author="某某市委老干部局办公室",
            footer=True,
            watermark=watermark,
            diagonal=diagonal,
        )
    return paths


def test_the_notice_without_a_watermark_reads_whole_and_its_table_of_contents_is_not_body(
    exported: dict[str, Path],
) -> None:
    paragraphs, date, issuer = _read(exported["plain"])
    assert date == "2026-03-02"
    assert issuer == "中共某某市委老干部局办公室"
    for kind, text in PARTS:
        if kind == "body":
            assert sum(str(text) in p for p in paragraphs) == 1
    assert not any("目" in p and "录" in p for p in paragraphs)
    assert not any(".." in p or "…" in p for p in paragraphs)


@pytest.mark.parametrize("look", ["default", "diagonal"])
def test_a_libreoffice_export_watermark_leaves_the_notice_as_it_reads_without_it(
    exported: dict[str, Path], look: str
) -> None:
    # before (default look): 「注意保存内部资料」 a paragraph under a heading made of the contents' last entry,
    # and 「…办公室2026年3月2日注意保存」 run together, the date and issuer lost
    assert _read(exported[look]) == _read(exported["plain"])
