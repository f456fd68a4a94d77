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


def test_a_first_slide_s_bullets_and_notes_are_shown_each_as_written(run: Run, tmp_path: Path) -> None:
    """A one-topic deck — title and bullets on its first slide, the speaker's notes under them — is added as
    a clerk makes it (python-pptx, PowerPoint's 「标题和内容」 layout): `show` and the answer give each bullet
    and the note as written, not run into one sentence 「…学员1500人新开设…两个专业汇报时强调：…」."""
    from tests.fixtures.office_writers import Slide, write_deck

    path = tmp_path / "老年大学招生汇报.pptx"
    bullets = ("今年秋季计划招收学员1500人", "新开设智能手机应用、太极拳两个专业")
    note = "汇报时强调：报名截止日期为2027年8月31日，学员年龄原则上不超过80周岁。"
    write_deck(
        [
            Slide("2027年老年大学招生工作汇报", bullets=bullets, notes=(note,)),
            Slide("存在的问题", bullets=("教室场地紧张", "师资力量不足")),
        ],
        path,
    )
    added = run("add", "--check", str(path))
    assert added.exit_code == 0, added.output
    speech_id = added.output.split("新增  #", 1)[1].split()[0]
    shown = run("show", speech_id).output
    for line in (*bullets, note):
        assert f" {line}\n" in shown, shown
    answer = json.loads(run("ask", "--json", "老年大学报名截止日期是哪天").output)["results"][0]
    assert answer["text"] == note and answer["answer_sentence"]["text"] == note


def test_an_outlook_mail_renamed_doc_is_refused_in_one_chinese_line_not_as_a_damaged_doc(
    run: Run, tmp_path: Path
) -> None:
    """A compound file of no Office kind (an Outlook .msg's streams, 「__substg1.0_…」) saved as .doc is said to be
    what it is, in one Chinese line, exit 1, nothing added — not 「.doc 文件可能已损坏」."""
    data = (Path(__file__).parent / "fixtures" / "documents" / "work_conference.doc").read_bytes()
    for word, other in (("WordDocument", "__substg1.0_"), ("1Table", "2Table")):
        data = data.replace(word.encode("utf-16-le"), other.encode("utf-16-le"))
    path = tmp_path / "邮件.doc"
    path.write_bytes(data)
    before = run("speeches").output
    result = run("add", str(path))
    assert result.exit_code == 1, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert any("邮件.doc 不是 Word、Excel 或 PowerPoint 文件" in line for line in lines), result.output
    assert "损坏" not in result.output and "Traceback" not in result.output, result.output
    assert run("speeches").output == before
