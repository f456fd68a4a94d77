"""A form of labels and values side by side (登记表, 申请表, 审批表) is read label by label: 「申请单位：市老年
大学书画班；联系人：王建华」, each value after its own label, a row one passage. Before, its first row was taken
for a header labelling the others (「申请单位：联系电话；市老年大学书画班：13905710388；联系人：参加人数」).
A table of data under a header row is read as before.

Files: tests/fixtures/forms/make_forms.py (python-docx, and LibreOffice's .odt, .docx and PDF of
the same form); random forms drawn by hypothesis and written by the same python-docx writer.
"""

from __future__ import annotations

import tempfile
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus import chunk_speech, parse_document, read_document
from corpus.tables import is_form, labelled_rows
from tests.fixtures.forms.make_forms import (
    DATA_ROWS,
    FORM_ROWS,
    FORM_TITLE,
    REGISTER_ROWS,
    write_form,
)

FIXTURES = Path(__file__).parent / "fixtures" / "forms"


def _rows(path: Path) -> list[str]:
    return [block.text for block in read_document(path).blocks if block.kind == "table_row"]


def _passages(path: Path) -> list[str]:
    return [draft.text for speech in parse_document(read_document(path)) for draft in chunk_speech(speech)]


@pytest.mark.parametrize(
    "name", ["word_form.docx", "word_form.odt", "word_form.libreoffice.docx", "word_form.pdf"]
)
def test_a_form_reads_each_value_after_its_label_in_every_producer(name: str) -> None:
    # a value of two paragraphs is one line in the PDF, two joined by a space in Word and OpenDocument
    squash = "".join
    assert [squash(row.split()) for row in _rows(FIXTURES / name)] == [squash(r.split()) for r in FORM_ROWS]
    [speech] = parse_document(read_document(FIXTURES / name))
    assert speech.title == FORM_TITLE
    passages = [squash(p.split()) for p in _passages(FIXTURES / name)]
    for row in FORM_ROWS:
        assert passages.count(squash(row.split())) == 1, row  # one row, one passage, not split from its label


def test_a_two_column_register_in_a_styled_table_reads_each_value_after_its_label() -> None:
    assert _rows(FIXTURES / "word_register.docx") == REGISTER_ROWS


def test_data_tables_under_a_header_row_are_read_as_before() -> None:
    """Two, three and four columns; names, dates and amounts in the rows: each cell labelled by its header."""
    assert _rows(FIXTURES / "word_data_tables.docx") == DATA_ROWS


def test_a_table_that_only_looks_like_a_form_stays_a_data_table() -> None:
    rows = [["项目", "要求"], ["体检", "每年一次。"], ["走访", "春节前完成。"]]
    assert not is_form(rows)
    assert labelled_rows(rows) == ["项目：体检；要求：每年一次。", "项目：走访；要求：春节前完成。"]
    # a year titles a column: no evidence of a form
    rows = [["指标", "2024年"], ["人数", "120"], ["金额", "18万元"]]
    assert labelled_rows(rows) == ["指标：人数；2024年：120", "指标：金额；2024年：18万元"]
    # an amount beside a label in every row is a data column, not a form's values
    rows = [["慰问对象", "标准"], ["离休干部", "2000元"], ["退休干部", "1000元"]]
    assert labelled_rows(rows) == ["慰问对象：离休干部；标准：2000元", "慰问对象：退休干部；标准：1000元"]


# -- random forms, written by python-docx ------------------------------------------------------------

LABELS = (
    "姓名 性别 出生年月 民族 政治面貌 原工作单位 原任职务 联系电话 家庭住址 申请事项 审批意见 备注 经办人 申请日期 "
    "身份证号码 离退休时间 健康状况 兴趣特长 紧急联系人 参加人数 使用时段 申请单位 捐赠物品 物品来历 接收人 审核意见 "
    "所在支部 入党时间 文化程度 邮政编码 职称 居住地 服务需求 家属意见"
).split()
NAMES = "赵桂兰 王建华 李敏 刘淑芬 陈国栋 周秀英 吴海燕 何晓梅 林志远 马淑珍 黄德胜".split()
PHRASES = (
    "市教育局 书法、京剧 汉族 中共党员 良好 老年大学书法班助教 大学本科 高级工程师 市老年大学书画班 二楼多功能厅 "
    "东城区青年路甲号 上午 已办结 需要上门服务"
).split()
SENTENCES = (
    "借用二楼多功能厅举办春季书画作品展，需布展桌和展板。",
    "同意，请于活动结束后当日恢复场地原状。",
    "本人自愿将上述物品无偿捐赠给史料陈列室，不再收回。",
    "经核实，申请人符合条件，建议按规定办理。",
    "希望每月安排一次上门体检，并协助预约医院复查。",
)
dates = st.builds("{}年{}月{}日".format, st.integers(1940, 2026), st.integers(1, 12), st.integers(1, 28))
numbers = st.one_of(
    st.builds("139{:08d}".format, st.integers(0, 99_999_999)),
    st.builds("{}人".format, st.integers(2, 500)),
    st.builds("{}元".format, st.integers(10, 90_000)),
)
# the first value says the table is a form: a name, a date, a number, a sentence or nothing (a form of short
# words only, laid out as a data table's rows, says nothing of the kind: corpus.tables.is_form)
first_values = st.one_of(st.sampled_from(NAMES), dates, numbers, st.sampled_from(SENTENCES), st.just(""))
any_values = st.one_of(first_values, st.sampled_from(PHRASES))


@st.composite
def forms(draw):  # type: ignore[no-untyped-def]
    """(rows for write_form, columns): 2 or 4 columns, 2–8 rows, distinct labels, distinct values."""
    columns = draw(st.sampled_from([2, 4]))
    count = draw(st.integers(2, 8))
    pairs_in = [1 if columns == 2 else draw(st.integers(1, 2)) for _ in range(count)]
    labels = draw(
        st.lists(st.sampled_from(LABELS), min_size=sum(pairs_in), max_size=sum(pairs_in), unique=True)
    )
    values: list[str] = [draw(first_values)]
    while len(values) < len(labels):
        value = draw(any_values)
        if value == "" or value not in values:
            values.append(value)
    rows, at = [], 0
    for n in pairs_in:
        rows.append([(labels[at + k], values[at + k]) for k in range(n)])
        at += n
    return rows, columns


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(forms(), st.sampled_from(["Table Grid", "Light Grid Accent 1", "Medium Shading 1 Accent 1"]))
def test_every_label_and_value_of_a_random_form_is_read_once_beside_its_label(form, style) -> None:  # type: ignore[no-untyped-def]
    rows, columns = form
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "申请表.docx"
        write_form(rows, path, title="离退休干部服务申请表", columns=columns, style=style)
        passages = _passages(path)
    parts = Counter(part for passage in passages for part in passage.split("；"))
    for row in rows:
        for label, value in row:
            assert parts[f"{label}：{value}" if value else label] == 1, (label, value, passages)
    text = "\n".join(passages)
    for row in rows:
        # no label and no value anywhere but in its own place
        for label, value in row:
            assert text.count(label) == 1 + sum(label in v for r in rows for _, v in r if v), label
            if value:
                assert text.count(value) == sum(value in v for r in rows for _, v in r), value
