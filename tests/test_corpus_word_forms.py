"""A form filled in in Word (呈批件, 发文稿纸, 签报) — the whole body one table — is titled and dated by its cells.

The sixteenth blind set's 离休干部助听器配发请示呈批件.docx is a request on the bureau's 呈批件 form: the
form's name in a row of its own, then label / content cells (标题, 拟稿处室, 拟稿日期, 主要内容, 批示…).
Before, it was titled by its file's name and dated 日期不详. Now, when the body is one table and nothing
else, the cell beside a 「标题」 (「题目」, 「文件标题」) label is the title and a date beside a 「…日期」 label
(成文, 签发, 发文, 印发, 拟稿) the date (corpus/word.py, ``_form_head``); every cell is read as before.

Files made by a real producer: python-docx (tests/fixtures/corpus_writers.write_form_docx, write_docx).
"""

from __future__ import annotations

from pathlib import Path

from corpus import parse_document, read_document
from tests.fixtures.corpus_writers import write_docx, write_form_docx

REQUEST = [
    "局领导：",
    "市老干部活动中心现有的三台空调使用已满十二年，制冷效果明显下降，今年夏天多次发生故障。",
    "为保障老同志活动环境，拟更换多功能厅和阅览室空调四台，预计费用约3.6万元，从中心运行经费中列支。",
    "妥否，请批示。",
]
FORM = [
    ["中共青禾市委老干部局发文稿纸"],
    ["文件标题", "关于更换老干部活动中心空调的请示"],
    ["拟稿单位", "活动中心", "拟稿人", "温小满"],
    ["签发", "同意。闻立", "签发日期", "2026年6月3日"],
    ["正文", REQUEST],
    ["备注", "本件不公开。"],
]


def _speech(path: Path):  # type: ignore[no-untyped-def]
    [speech] = parse_document(read_document(path))
    return speech


def test_a_form_is_titled_and_dated_by_its_cells(tmp_path: Path) -> None:
    path = tmp_path / "发文稿纸.docx"
    write_form_docx(FORM, path, author="青禾市委老干部局")
    speech = _speech(path)
    assert (speech.title, speech.date) == ("关于更换老干部活动中心空调的请示", "2026-06-03")
    body = "".join(p.text for p in speech.paragraphs)
    for sentence in [*REQUEST, "本件不公开。", "温小满"]:
        assert body.count(sentence) == 1, sentence


def test_a_form_without_a_title_cell_keeps_its_file_name(tmp_path: Path) -> None:
    path = tmp_path / "空调更换呈批件.docx"
    write_form_docx([row for row in FORM if row[0] != "文件标题"], path, author="青禾市委老干部局")
    assert _speech(path).title == "空调更换呈批件"


def test_a_table_in_a_document_with_paragraphs_leaves_its_title(tmp_path: Path) -> None:
    parts = [
        ("title", "老干部活动中心设备更新情况的报告"),
        ("body", "今年以来，中心对部分老旧设备进行了更新。现将有关情况报告如下。"),
        ("table", [["标题", "内容"], ["空调", "更换四台"], ["日期", "2026年6月3日"]]),
        ("right", "2026年7月1日"),
    ]
    path = tmp_path / "报告.docx"
    write_docx(parts, path, author="青禾市委老干部局")
    speech = _speech(path)
    assert (speech.title, speech.date) == ("老干部活动中心设备更新情况的报告", "2026-07-01")
