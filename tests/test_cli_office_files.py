"""End to end: a spreadsheet and a slide deck added with `speechqa add`, then asked about — a row of the
sheet and a sentence of the speaker notes come back first, cited by title and sheet or slide."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

pytestmark = pytest.mark.slow

OFFICE = Path(__file__).parent / "fixtures" / "office"
Run = Callable[..., Result]  # `run` (tests/conftest.py): the command on a copy of the seed home


def test_a_workbook_and_a_deck_added_are_found_row_by_row_and_note_by_note(run: Run, tmp_path: Path) -> None:
    folder = tmp_path / "材料"
    folder.mkdir()
    for name in ("体检安排.xlsx", "座谈会讲话.pptx"):
        shutil.copyfile(OFFICE / name, folder / name)
    added = run("add", "--check", str(folder))
    assert added.exit_code == 0, added.output
    assert (
        "2027年离休干部健康体检安排表" in added.output
        and "在离退休干部座谈会上的讲话 · 2027-03-06 · 周立群" in added.output
    )
    assert "✓ 体检安排.xlsx" in added.output and "✓ 座谈会讲话.pptx" in added.output

    row = json.loads(run("ask", "--json", "赵桂兰哪天体检").output)["results"][0]
    assert row["speech_title"] == "2027年离休干部健康体检安排表"
    assert row["section"] == "体检安排"
    assert "姓名：赵桂兰" in row["text"] and "2027年5月9日" in row["text"]

    note = json.loads(run("ask", "--json", "活动中心改造什么时候完成").output)["results"][0]
    assert note["speech_title"] == "在离退休干部座谈会上的讲话" and note["speaker"] == "周立群"
    assert note["section"] == "二、今年工作安排"
    assert "6月底" in note["text"]


def test_a_password_protected_workbook_is_refused_in_one_line_and_nothing_is_added(
    run: Run, tmp_path: Path
) -> None:
    path = tmp_path / "体检安排.xlsx"
    shutil.copyfile(OFFICE / "体检安排.加密.xlsx", path)
    before = run("speeches").output
    result = run("add", str(path))
    assert result.exit_code == 1, result.output
    assert "体检安排.xlsx 设置了打开密码，无法读取" in result.output
    assert "Traceback" not in result.output
    assert run("speeches").output == before


def test_an_old_ppt_in_a_folder_is_named_with_what_to_do(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "讲话.ppt"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    result = run("add", str(path))
    assert result.exit_code == 1, result.output
    assert (
        "讲话.ppt 是旧版 PowerPoint 演示文稿（.ppt），不能直接读取：请在 PowerPoint 或 WPS 中另存为 .pptx 后再添加"
        in result.output
    )
