"""An office system's 「导出Excel」: an HTML page holding the table, saved under a .xls name (Excel and WPS
open it as a sheet, so staff keep it so). It is read as the sheet it shows — each row labelled by the
column heads, as the workbook itself reads — not refused as a failed download's web page (trial 55's rule,
which stays for a page holding no table). The file is LibreOffice Calc's HTML export of a workbook
(tests/fixtures/table_exports/make_table_exports.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from corpus import UnreadableFile
from corpus.reader import read_bytes
from tests.fixtures.office_writers import write_workbook
from tests.fixtures.table_exports.make_table_exports import NAME, SHEET

EXPORT = Path(__file__).parent / "fixtures" / "table_exports" / NAME


@pytest.mark.parametrize("suffix", [".xls", ".et", ".xlsx"])
def test_a_table_exported_as_a_web_page_reads_as_the_workbook_it_shows(tmp_path: Path, suffix: str) -> None:
    """Invariant: the page under any spreadsheet name reads block for block as the workbook it was exported
    from — every row labelled, the title once, the 备注 row a paragraph, numbers and dates as displayed —
    bar the sheet's name, which the page does not hold."""
    workbook = tmp_path / "体检安排.xlsx"
    write_workbook((SHEET,), workbook)
    original = read_bytes(workbook.name, workbook.read_bytes())
    page = read_bytes(f"体检安排（导出）{suffix}", EXPORT.read_bytes())
    shown = [(b.kind, b.text) for b in original.blocks if (b.kind, b.text) != ("heading", SHEET.name)]
    assert [(b.kind, b.text) for b in page.blocks] == shown  # the page holds no sheet's name
    rows = [b.text for b in page.blocks if b.kind == "table_row"]
    assert rows[1] == (
        "姓名：钱德明；原工作单位：市档案馆；体检日期：2030年4月10日；体检医院：市中医院；体检费用（元）：1,200.00"
    )


def test_a_page_without_a_table_under_a_spreadsheet_name_is_still_a_failed_download() -> None:
    page = (
        b"<html><head><title>404 Not Found</title></head><body><center><h1>404 Not Found</h1></center>"
        b"<hr><center>nginx</center></body></html>"
    )
    with pytest.raises(UnreadableFile) as refused:
        read_bytes("报名表.xls", page)
    assert "其实是一个网页（标题「404 Not Found」），不是 .xls 文件" in str(refused.value)


@pytest.mark.slow
def test_add_reads_an_exported_table_and_answers_from_its_rows(
    run: Callable[..., Result], tmp_path: Path
) -> None:
    path = tmp_path / NAME
    path.write_bytes(EXPORT.read_bytes())
    added = run("add", str(path))
    assert added.exit_code == 0, added.output
    assert "新增" in added.output and "其实是一个网页" not in added.output
    asked = run("ask", "钱德明哪天体检", "--json")
    assert asked.exit_code == 0, asked.output
    assert "体检日期：2030年4月10日" in asked.output


def test_a_login_or_menu_page_laid_out_in_tables_is_not_a_sheet() -> None:
    """A site's login page or a page of menus laid out in tables (each row two or more filled cells) is still
    a failed download under a spreadsheet's name, not rows to index (review of session 55)."""
    login = (
        "<html><head><title>统一身份认证登录</title></head><body><form><table>"
        "<tr><td>用户名</td><td><input name=u></td><td>单位</td><td>某某县人民政府</td></tr>"
        "<tr><td>密码</td><td><input type=password name=p></td><td>技术支持</td><td>某某科技公司</td></tr>"
        "</table></form></body></html>"
    ).encode()
    menu = (
        "<html><head><title>出错了</title></head><body><table>"
        "<tr><td><a href=/>首页</a></td><td><a href=/news>新闻中心</a></td><td><a href=/t>通知公告</a></td></tr>"
        "<tr><td><a href=/a>关于我们</a></td><td><a href=/c>联系我们</a></td><td><a href=/m>网站地图</a></td></tr>"
        "</table><p>页面不存在</p></body></html>"
    ).encode()
    for name, page in (("报名表.xls", login), ("名单.et", menu)):
        with pytest.raises(UnreadableFile) as refused:
            read_bytes(name, page)
        assert "其实是一个网页" in str(refused.value), name


def test_a_refused_page_names_its_title_as_a_browser_shows_it() -> None:
    page = b"<html><head><title>&#30331;&#24405; &ndash; OA</title></head><body><p>x</p></body></html>"
    with pytest.raises(UnreadableFile) as refused:
        read_bytes("通知.pdf", page)
    assert "（标题「登录 – OA」）" in str(refused.value)
