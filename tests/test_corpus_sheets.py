"""Spreadsheets (corpus.sheets): real workbooks from openpyxl and LibreOffice Calc, CSVs as Excel saves
them; every visible cell read once, as displayed, each row labelled by its column heads."""

from __future__ import annotations

import datetime as dt
import io
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus import EmptyDocument, UnreadableFile, parse_document, read_bytes
from corpus.sheets import cell_text
from tests.damaged_files import read_in_child
from tests.fixtures.corpus_writers import crlf_text
from tests.fixtures.office.make_office import CHECKUP_SHEETS
from tests.fixtures.office_writers import Formula, Sheet, write_workbook

OFFICE = Path(__file__).parent / "fixtures" / "office"

CHECKUP_ROWS = [
    "序号：1；姓名：张明远；体检安排（体检日期）：2027年5月8日；体检安排（时段）：8:00；联系电话：13805710001；备注：需轮椅",
    "序号：2；姓名：李秀芬；体检安排（体检日期）：2027年5月8日；体检安排（时段）：8:30；联系电话：13805710002",
    "序号：4；姓名：赵桂兰；体检安排（体检日期）：2027年5月9日；体检安排（时段）：9:00；联系电话：13805710004；备注：家属陪同",
]
FEE_ROWS = [
    "项目：常规体检；人数：4；标准（元）：860.00；金额（元）：3,440.00",
    "项目：肿瘤筛查；人数：2；标准（元）：1,250.00；金额（元）：2,500.00",
    "项目：合计（费用）；人数：6；金额（元）：5,940.00",  # a total row says what it totals: its sheet
]


def _read(name: str, data: bytes | None = None):  # type: ignore[no-untyped-def]
    return read_bytes(name, data if data is not None else (OFFICE / name).read_bytes())


@pytest.mark.parametrize("name", ["体检安排.xlsx", "体检安排.xls", "体检安排.ods"])
def test_a_workbook_saved_by_an_office_suite_reads_as_its_tables(name: str) -> None:
    document = _read(name)
    kinds = [(block.kind, block.text) for block in document.blocks]
    assert kinds[0] == ("title", "2027年离休干部健康体检安排表")  # the merged title row
    assert ("heading", "体检安排") in kinds and ("heading", "费用") in kinds  # a section per sheet
    assert [text for kind, text in kinds if kind == "table_row"] == CHECKUP_ROWS + FEE_ROWS
    # the line under the title and the note under the table are kept as text
    assert ("line", "体检医院：市第一人民医院体检中心（门诊楼五楼）") in kinds
    assert ("paragraph", "注：体检前一天晚上8点后请禁食，体检当天早上不要吃早饭。") in kinds
    # the hidden row (王德厚) and the hidden sheet are not read
    assert "王德厚" not in document.text and "不应读出" not in document.text and "内部" not in document.text


def test_a_row_is_cited_under_the_workbook_title_and_its_sheet() -> None:
    speeches = parse_document(_read("体检安排.xlsx"))
    assert len(speeches) == 1
    speech = speeches[0]
    assert speech.title == "2027年离休干部健康体检安排表"
    rows = {p.text: p.section for p in speech.paragraphs}
    assert rows[CHECKUP_ROWS[0]] == "体检安排"
    assert rows[FEE_ROWS[2]] == "费用"


@pytest.mark.parametrize("source", ["体检安排.xlsx", "体检安排.xls"])
def test_a_wps_et_file_is_read_whichever_format_it_holds(source: str) -> None:
    # WPS 表格 saves .et as Office Open XML today and as BIFF in older versions
    document = _read("名单.et", (OFFICE / source).read_bytes())
    assert [b.text for b in document.blocks if b.kind == "table_row"] == CHECKUP_ROWS + FEE_ROWS


CSV_LINES = [
    "2027年重阳节慰问名单,,,",
    "姓名,住址,慰问品,送达日期",
    "钱树德,东湖小区3幢,月饼两盒,10月6日",
    "孙玉珍,西园新村12号,重阳糕一盒,10月7日",
    ",,,",
    "注：慰问品由社区网格员送达。,,,",
]
CSV_ROWS = [
    "姓名：钱树德；住址：东湖小区3幢；慰问品：月饼两盒；送达日期：10月6日",
    "姓名：孙玉珍；住址：西园新村12号；慰问品：重阳糕一盒；送达日期：10月7日",
]


@pytest.mark.parametrize("encoding", ["gbk", "utf-8-sig", "utf-16"])
def test_a_csv_in_any_chinese_encoding_reads_as_its_table(encoding: str) -> None:
    # Excel's 「CSV」 on a Chinese PC is GBK; 「CSV UTF-8」 has a BOM; 「Unicode 文本」 is UTF-16 (with tabs)
    lines = [line.replace(",", "\t") for line in CSV_LINES] if encoding == "utf-16" else CSV_LINES
    document = read_bytes("慰问名单.csv", crlf_text(lines).encode(encoding))
    assert document.blocks[0].kind == "title" and document.blocks[0].text == "2027年重阳节慰问名单"
    assert [b.text for b in document.blocks if b.kind == "table_row"] == CSV_ROWS
    assert document.blocks[-1].text == "注：慰问品由社区网格员送达。"
    assert not any(b.kind == "heading" for b in document.blocks)  # a CSV has no sheet name


def test_a_workbook_of_numbers_only_is_refused_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "统计.xlsx"
    write_workbook([Sheet("Sheet1", rows=((1, 2, 3), (4.5, 6, Formula("=A2+B2", "10.5"))))], path)
    with pytest.raises(EmptyDocument) as caught:
        read_bytes(path.name, path.read_bytes())
    assert str(caught.value) == "统计.xlsx 中没有可读的文字：表格里只有数字或是空的。"


def test_damaged_or_password_protected_workbooks_are_refused_in_one_chinese_line() -> None:
    whole = (OFFICE / "体检安排.xlsx").read_bytes()
    old = (OFFICE / "体检安排.xls").read_bytes()
    cases = {
        "体检安排.加密.xlsx": (OFFICE / "体检安排.加密.xlsx").read_bytes(),
        "半截.xlsx": whole[: len(whole) // 2],
        "半截.xls": old[: len(old) // 2],
        "半截.ods": (OFFICE / "体检安排.ods").read_bytes()[:3000],
    }
    said = {}
    for name, data in cases.items():
        with pytest.raises(UnreadableFile) as caught:
            read_bytes(name, data)
        said[name] = str(caught.value)
        assert "\n" not in said[name] and name in said[name]
    assert "设置了打开密码" in said["体检安排.加密.xlsx"] and "取消密码" in said["体检安排.加密.xlsx"]
    for name in ("半截.xlsx", "半截.xls", "半截.ods"):
        assert "损坏" in said[name], said[name]


def test_a_word_document_under_a_spreadsheet_name_is_named_for_what_it_is() -> None:
    data = (Path(__file__).parent / "fixtures" / "documents" / "health_notice.docx").read_bytes()
    with pytest.raises(UnreadableFile) as caught:
        read_bytes("名单.xlsx", data)
    assert "其实是 Word 文档（.docx）" in str(caught.value)


@pytest.mark.parametrize(
    ("value", "form", "shown"),
    [
        (dt.datetime(2027, 9, 8), 'yyyy"年"m"月"d"日"', "2027年9月8日"),
        (dt.datetime(2027, 9, 8), "yyyy\\年m\\月d\\日", "2027年9月8日"),
        (dt.datetime(2027, 9, 8), "yyyy/m/d", "2027/9/8"),
        (dt.datetime(2027, 9, 8), "yyyy-mm-dd", "2027-09-08"),
        (dt.datetime(2027, 9, 8), "m月d日", "9月8日"),
        (dt.datetime(2027, 9, 8), '[$-804]yyyy"年"m"月"d"日" aaaa', "2027年9月8日 星期三"),
        (dt.datetime(2027, 9, 8, 14, 30), "yyyy/m/d h:mm", "2027/9/8 14:30"),
        (dt.time(7, 5), "h:mm", "7:05"),
        (dt.time(14, 5), "h:mm AM/PM", "2:05 下午"),
        (2600, "#,##0.00", "2,600.00"),
        (-2600, "#,##0.00;[Red]-#,##0.00", "-2,600.00"),
        (1200, '"¥"#,##0.00', "¥1,200.00"),
        (1200, "[$¥-804]#,##0.00", "¥1,200.00"),
        (0.155, "0.0%", "15.5%"),
        (0.5, "0%", "50%"),
        (12.0, "General", "12"),
        (3.25, "General", "3.25"),
        (1 / 3, "General", "0.3333333333"),
        (13805710001, "0", "13805710001"),
        (7, '0"人"', "7人"),
        ("  东岸12号 ", "@", "东岸12号"),
        (True, "General", "TRUE"),
        (None, "General", ""),
    ],
)
def test_a_cell_reads_as_the_office_suite_displays_it(value: object, form: str, shown: str) -> None:
    assert cell_text(value, form) == shown


_WORDS = st.text(alphabet="春夏秋冬梅兰竹菊山水田林", min_size=1, max_size=4)


@st.composite
def _tables(draw):  # type: ignore[no-untyped-def]
    columns = draw(st.integers(2, 5))
    header = [f"列{c}{draw(_WORDS)}" for c in range(columns)]
    count = draw(st.integers(1, 6))
    rows = []
    for r in range(count):
        rows.append(
            [f"格{r}x{c}{draw(_WORDS)}" if draw(st.booleans()) or c == 0 else None for c in range(columns)]
        )
    hidden = draw(st.sets(st.integers(0, count - 1), max_size=count - 1))
    return header, rows, hidden


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(table=_tables())
def test_every_visible_cell_reaches_the_text_exactly_once_in_its_row(tmp_path_factory, table) -> None:  # type: ignore[no-untyped-def]
    header, rows, hidden = table
    sheet = Sheet(
        "名单",
        rows=(("某某活动安排表",), tuple(header), *(tuple(row) for row in rows)),
        merges=(f"A1:{chr(ord('A') + len(header) - 1)}1",),
        hidden_rows=tuple(n + 3 for n in hidden),
    )
    path = tmp_path_factory.mktemp("sheet") / "表.xlsx"
    write_workbook([sheet], path)
    document = read_bytes(path.name, path.read_bytes())
    lines = [b.text for b in document.blocks if b.kind == "table_row"]
    expected = [
        "；".join(f"{header[c]}：{cell}" for c, cell in enumerate(row) if cell)
        for n, row in enumerate(rows)
        if n not in hidden
    ]
    visible = [row for n, row in enumerate(rows) if n not in hidden]
    unused = sum(1 for c in range(len(header)) if not any(row[c] for row in visible))
    if unused * 2 >= len(header):  # a form's header over mostly empty columns is read as a row too
        expected.insert(0, "；".join(header))  # (corpus.tables: its words were lost otherwise)
    assert lines == expected
    for n, row in enumerate(rows):
        for cell in row:
            if cell:
                assert document.text.count(cell) == (0 if n in hidden else 1)


def test_a_spreadsheet_attached_to_an_email_is_read_under_its_name() -> None:
    from email.message import EmailMessage

    message = EmailMessage()
    message["Subject"] = "关于做好重阳节走访慰问工作的通知"
    message["From"] = "laoganbu@example.cn"
    message["Date"] = "Mon, 04 Oct 2027 09:00:00 +0800"
    message.set_content(
        "各社区：\n请按附件名单做好重阳节走访慰问工作，慰问品于10月7日前送达。\n\n市委老干部局\n2027年10月4日\n"
    )
    message.add_attachment(
        crlf_text(CSV_LINES).encode("gbk"), maintype="text", subtype="csv", filename="慰问名单.csv"
    )
    data = io.BytesIO()
    data.write(bytes(message))
    document = read_bytes("慰问通知.eml", data.getvalue())
    assert "附件：慰问名单" in document.text
    for row in CSV_ROWS:
        assert row in document.text
    assert not any("慰问名单.csv" in note for note in document.notes)


def test_every_sheet_of_the_checkup_workbook_source_is_read() -> None:
    # the fixture's own source (make_office.py) against what is read: every visible cell, once
    from tests.fixtures.office_writers import sheet_texts

    document = _read("体检安排.xlsx")
    for sheet in CHECKUP_SHEETS:
        for text in sheet_texts(sheet):
            assert text in document.text, text


def test_a_hidden_column_is_not_read(tmp_path: Path) -> None:
    # a list handed round with the ID numbers' column hidden: what the sheet shows is what is read
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "名单"
    for row in (("姓名", "身份证号", "电话"), ("张三", "330102194501011234", "13800000000")):
        sheet.append(row)
    sheet.column_dimensions["B"].hidden = True
    path = tmp_path / "名单.xlsx"
    book.save(path)
    document = read_bytes(path.name, path.read_bytes())
    assert [b.text for b in document.blocks if b.kind == "table_row"] == ["姓名：张三；电话：13800000000"]
    assert "身份证号" not in document.text and "330102" not in document.text


BUDGET = Sheet(
    "体检经费",
    rows=(
        ("2027年离休干部体检经费预算", None, None),
        ("项目", "人数", "金额（元）"),
        ("常规体检", 40, 34400),
        ("肿瘤筛查", 12, 15000),
        ("小计", 52, 49400),
        ("交通补贴", 40, 4000),
        ("合  计", 92, 53400),
    ),
    merges=("A1:C1",),
    formats={"C": "#,##0.00"},
)
SCHEDULE = Sheet(
    "安排", rows=(("离休干部体检安排",), ("姓名", "体检日期"), ("赵桂兰", "5月9日")), merges=("A1:B1",)
)


@pytest.mark.parametrize("suffix", ["xlsx", "ods", "xls"])
def test_a_total_row_says_what_it_totals_and_a_question_about_the_sum_finds_it(
    suffix: str, tmp_path: Path
) -> None:
    """A 合计 row holds none of its table's words (「项目：合计；金额（元）：53,400.00」): a question about the sum
    (「体检经费一共多少钱」) found the items instead. It now carries its sheet's name (for one unnamed sheet, the
    document's title): written by openpyxl, and saved again by LibreOffice Calc."""
    from index import Library
    from retrieval import Retriever

    from .fakes import FakeEmbedder

    path = tmp_path / f"体检.{suffix}"
    if suffix != "xlsx" and shutil.which("soffice") is None and shutil.which("libreoffice") is None:
        pytest.skip("needs LibreOffice Calc")
    write_workbook([SCHEDULE, BUDGET], path, office=suffix != "xlsx")
    document = read_bytes(path.name, path.read_bytes())
    rows = [b.text for b in document.blocks if b.kind == "table_row"]
    assert rows[-1] == "项目：合  计（体检经费）；人数：92；金额（元）：53,400.00" or rows[-1] == (
        "项目：合计（2027年离休干部体检经费预算）；人数：92；金额（元）：53,400.00"
    )
    assert "项目：小计；人数：52；金额（元）：49,400.00" in rows  # a part's subtotal is not the table's
    library = Library(tmp_path / "home")
    library.add_documents([document], FakeEmbedder())
    retriever = Retriever(library.store, library.load(FakeEmbedder().key), FakeEmbedder())
    # first (it was fifth, below every item but one: the words of the question were in no text of it)
    hits = [hit.passage.text for hit in retriever.search("体检经费一共多少钱", k=10, mode="hybrid").hits]
    assert "53,400.00" in hits[0]
    library.close()


def test_a_workbook_with_a_stray_cell_at_the_sheets_far_corner_reads_in_seconds(tmp_path: Path) -> None:
    """openpyxl's iter_rows makes a cell for every place of the used range: one entry at XFD1048576 (a key
    pressed in the last cell) made that 17 billion, and a 5 KB file took minutes and gigabytes. Only the cells
    the file holds are read now, the far one with them. (A child process, so that the old reading times out.)"""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["姓名", "体检日期"])
    sheet.append(["赵桂兰", "2027年5月9日"])
    sheet["XFD1048576"] = "此表为空白处的说明。"
    path = tmp_path / "体检名单.xlsx"
    book.save(path)
    run = read_in_child(path, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == ["姓名；体检日期", "赵桂兰；2027年5月9日", "此表为空白处的说明。"]
