"""The library's own safety through the `speechqa` command: identity outcomes as staff see them,
remove/edit, backup and restore, recover, health, and a read-only data home. A copy of the indexed seed
home, the real bundled model, real files, offline."""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner, Result

from cli import ask as ask_module
from cli import cli
from cli.main import ProgressBar
from retrieval import CANCELLED

from .test_cli_first_use import NOTICE_PARTS  # the notice a newcomer adds first: one text for both

pytestmark = pytest.mark.slow

EXAMPLE = "离休干部体检规定是什么？"
EXAMPLE_ANSWER = "要落实好离休干部每年一次体检的规定"

MEAL = """关于加强社区养老服务的讲话
（2024年5月20日）
王 芳
同志们：
今天我们专门研究社区养老服务工作，讲三点意见。
一、明确目标任务
社区长者食堂要在今年年底前覆盖所有街道，让老年人就近吃上放心饭菜。
二、压实工作责任
各街道要明确一名分管领导负责助餐服务，每月检查一次食品安全。
"""

LIBRARY = """关于老年大学办学工作的讲话
同志们：
老年大学要坚持办学方向，开设书法、绘画、摄影、太极拳等课程，满足老同志多样化学习需求。
要加强师资队伍建设，聘请有经验的老师授课，建立教师考核制度。
要向基层延伸办学，在街道和社区设立教学点，让老同志就近入学。
"""

Run = Callable[..., Result]


def ok(result: Result) -> str:
    """The output of a command that succeeded (exit 0, no traceback)."""
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    return result.output


def user_error(result: Result, *fragments: str) -> str:
    assert result.exit_code == 1, (result.exit_code, result.output)
    assert isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    for fragment in fragments:
        assert fragment in result.output
    return result.output


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def speech_lines(run: Run) -> list[str]:
    return ok(run("speeches")).splitlines()


# -- identity as staff see it ------------------------------------------------------------------------


def test_add_reports_each_speech_with_its_metadata_and_identity_outcome(run: Run, tmp_path: Path) -> None:
    out = ok(
        run(
            "add",
            str(write(tmp_path / "d1" / "讲话.txt", MEAL)),
            str(write(tmp_path / "d2" / "讲话.txt", LIBRARY)),
        )
    )
    assert "新增  #6 关于加强社区养老服务的讲话 · 2024-05-20 · 王芳 · 2 节 · 3 段" in out
    # its three short paragraphs, in no section, make one passage (merged up to SPEECHQA_MERGE_TO)
    assert "新增  #7 关于老年大学办学工作的讲话 · 日期不详 · 讲话人不详 · 0 节 · 1 段" in out
    lines = speech_lines(run)
    assert len(lines) == 7
    assert str((tmp_path / "d1" / "讲话.txt").resolve()) in lines[5]
    assert str((tmp_path / "d2" / "讲话.txt").resolve()) in lines[6]

    copy = shutil.copy(tmp_path / "d1" / "讲话.txt", tmp_path / "副本.txt")
    assert "未变化（与 #6 相同）  关于加强社区养老服务的讲话" in ok(run("add", str(copy)))
    variant = write(tmp_path / "另存为.txt", MEAL.replace("\n", "\n\n").replace("。", "。 ") + "\n— 1 —\n")
    out = ok(run("add", str(variant)))
    assert "重复（与 #6 相同，未重复存储；要保留请加 --allow-duplicates）" in out
    assert len(speech_lines(run)) == 7
    assert "新增  #8 关于加强社区养老服务的讲话" in ok(run("add", "--allow-duplicates", str(variant)))


def test_a_folder_add_names_the_files_it_passes_over_and_adds_the_rest(run: Run, tmp_path: Path) -> None:
    folder = tmp_path / "材料"
    write(folder / "讲话.txt", MEAL)
    (folder / "流程图.vsdx").write_bytes(b"PK\x03\x04 not a speech")
    (folder / "录音.mp3").write_bytes(b"ID3 not a speech")
    (folder / "~$讲话.docx").write_bytes(b"lock")  # Word's lock file: not worth naming
    (folder / ".DS_Store").write_bytes(b"\x00")
    (folder / "._讲话.txt").write_bytes(b"\x00\x05\x16\x07 AppleDouble")  # macOS, on a USB stick
    (folder / "旧讲话.docx").symlink_to(tmp_path / "已移走" / "旧讲话.docx")  # its file moved away
    with zipfile.ZipFile(folder / "附件.zip", "w") as archive:  # a real archive, holding a speech
        archive.writestr("附件/讲话.txt", LIBRARY)
    (folder / "旧材料.rar").write_bytes(b"Rar!\x1a\x07\x00")  # no RAR reader: named, to unpack
    result = run("add", str(folder))
    out = ok(result)
    assert "新增  #6 关于加强社区养老服务的讲话" in out
    assert (
        "附件.zip › 附件/讲话.txt\n  新增  #7 关于老年大学办学工作的讲话" in out
    )  # read as a folder (since zip37)
    assert f"跳过 {folder} 中 2 个不能添加的文件：录音.mp3、流程图.vsdx" in result.stderr
    assert f"跳过 {folder} 中 1 个压缩包：旧材料.rar（请先解压，再添加解压出的文件或文件夹）" in result.stderr
    assert (
        f"跳过 {folder} 中 1 个失效的链接（快捷方式）：旧讲话.docx（它指向的文件已不存在）" in result.stderr
    )
    assert "~$" not in result.output and "DS_Store" not in result.output and "._" not in result.output


def word_notice(path: Path) -> Path:
    """A notice as Word keeps it (python-docx, its built-in heading style), the one a colleague's folder holds."""
    document = docx.Document()
    document.add_heading("关于开展重阳节走访慰问活动的通知", level=1)
    document.add_paragraph(
        "经研究，决定于十月上旬开展重阳节走访慰问离退休干部活动，每位离休干部慰问金标准为1200元。"
    )
    document.add_paragraph("请各单位于10月20日前将走访情况报送组织科。")
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path


def word_lock_file(path: Path, owner: str = "张三") -> Path:
    """The 162-byte owner file Word keeps beside a document it has open (「~$知.docx」): the owner's name
    as a length byte and ANSI bytes padded to 54, then again in UTF-16, padded with zeros."""
    ansi = owner.encode("gbk")
    wide = owner.encode("utf-16-le")
    data = bytes([len(ansi)]) + ansi.ljust(53, b"\0") + len(owner).to_bytes(2, "little") + wide
    path.write_bytes(data.ljust(162, b"\0"))
    return path


def test_windows_thumbs_db_and_desktop_ini_in_a_folder_are_passed_over_without_a_word(
    run: Run, tmp_path: Path
) -> None:
    """A folder copied from a Windows desktop to a USB stick: Explorer's thumbnail cache and the folder's view
    settings are visible files there. Before: 「跳过 … 中 2 个不能添加的文件：Thumbs.db、desktop.ini（支持 .txt、
    .md、…）」 with the whole list of formats, as if they were documents in a wrong format (a zip of the same
    folder passed them over without a word)."""
    folder = tmp_path / "王科长的材料"
    word_notice(folder / "重阳节慰问通知.docx")
    word_lock_file(folder / "~$阳节慰问通知.docx")
    (folder / "Thumbs.db").write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504))  # a compound file
    (folder / "desktop.ini").write_text(  # as Explorer writes it: UTF-16 with a BOM
        "[.ShellClassInfo]\r\nIconResource=C:\\Windows\\System32\\imageres.dll,-3\r\n", encoding="utf-16"
    )
    (folder / "子文件夹").mkdir()
    (folder / "子文件夹" / "THUMBS.DB").write_bytes(bytes(512))
    result = run("add", str(folder))
    out = ok(result)
    assert "新增  #6 关于开展重阳节走访慰问活动的通知" in out
    for name in ("Thumbs", "THUMBS", "desktop.ini", "~$", "跳过"):
        assert name not in result.output, name
    assert "每位离休干部慰问金标准为1200元" in ok(run("ask", "重阳节离休干部慰问金多少钱", "-k", "1"))


def test_thumbs_db_and_desktop_ini_named_by_the_shell_s_star_are_passed_over_in_one_line(
    run: Run, tmp_path: Path
) -> None:
    """`speechqa add 材料/*`: the shell names Explorer's Thumbs.db and desktop.ini too. Before: each 「✗ 不支持的
    文件类型：Thumbs.db（支持 .txt、.md、.docx…）」 with the whole list of formats and exit 1, though the same folder
    given whole passes them over. Now one short line naming them, the notice added, exit 0."""
    folder = tmp_path / "材料"
    notice = word_notice(folder / "重阳节慰问通知.docx")
    (folder / "Thumbs.db").write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504))
    (folder / "desktop.ini").write_text(
        "[.ShellClassInfo]\r\nIconResource=imageres.dll,-3\r\n", encoding="utf-16"
    )
    result = run("add", *(str(path) for path in sorted(folder.iterdir())))  # as the shell expands 材料/*
    out = ok(result)
    assert "新增  #6 关于开展重阳节走访慰问活动的通知" in out
    assert (
        "提示：跳过 Thumbs.db、desktop.ini：Windows 在文件夹里自动生成的系统文件（缩略图缓存、文件夹显示设置），不是文档"
    ) in result.stderr
    assert "支持 .txt" not in result.output and "不支持" not in result.output
    alone = run("add", str(folder / "Thumbs.db"))  # alone: nothing to add, said so
    user_error(alone, "跳过 Thumbs.db", "没有添加任何文件：给出的只有 Windows 的系统文件")
    assert str(notice) not in alone.output


def test_word_s_lock_file_given_by_name_is_said_to_be_one_not_a_damaged_document(
    run: Run, tmp_path: Path
) -> None:
    """`speechqa add 材料/*.docx` while Word has a notice open: the shell's * names Word's lock file too.
    Before: 「~$阳节慰问通知.docx 不是有效的 .docx 文件（无法解压，可能已损坏或不完整）：请重新下载或拷贝原文件…」,
    sending the clerk to fetch again a file that is no document. The notice itself is added."""
    notice = word_notice(tmp_path / "材料" / "重阳节慰问通知.docx")
    lock = word_lock_file(tmp_path / "材料" / "~$阳节慰问通知.docx")
    result = run("add", str(notice), str(lock))
    out = user_error(result, "1 个文件没有添加（见上），其余 1 个已处理")
    assert "新增  #6 关于开展重阳节走访慰问活动的通知" in out
    assert (
        "✗ ~$阳节慰问通知.docx 是 Word、WPS 等打开文档时在旁边留下的临时文件（「~$」开头，只记着谁打开了文档），"
        "不是文档本身：请添加原文档（名字不带「~$」的那个）；文档关闭后这个临时文件会自行消失。"
    ) in result.stderr
    assert "损坏" not in result.output and "重新下载" not in result.output
    alone = run("add", str(lock))  # alone: the same line, and nothing added
    user_error(alone, "是 Word、WPS 等打开文档时在旁边留下的临时文件", "没有添加任何文件")
    assert len(speech_lines(run)) == 6


def windows_shortcut(path: Path) -> Path:
    """A Windows shortcut (.lnk) as Explorer's 「创建快捷方式」 begins one (MS-SHLLINK: its 76-byte header, the
    shell link class id); what it points to is not in it."""
    header = (76).to_bytes(4, "little") + bytes.fromhex("0114020000000000C000000000000046")
    path.write_bytes(header.ljust(76, b"\0") + "C:\\Users\\张三\\Desktop\\通知.docx".encode("utf-16-le"))
    return path


def test_a_shortcut_in_a_folder_or_a_zip_or_given_by_name_is_said_to_be_one(run: Run, tmp_path: Path) -> None:
    """A colleague's desktop folder: a notice, a shortcut to another notice and the bureau site's web shortcut.
    Before: 「跳过 … 中 2 个不能添加的文件：快捷方式 - 通知.lnk、老干部局网站.url（支持 .txt、.md、.docx…）」 and, in a
    zip, 「不支持这种文件类型」, as if a document in a format to convert; a shortcut holds no document at all."""
    folder = tmp_path / "桌面材料"
    word_notice(folder / "重阳节慰问通知.docx")
    lnk = windows_shortcut(folder / "快捷方式 - 参观通知.lnk")
    (folder / "老干部局网站.url").write_text(  # as a browser's 「创建快捷方式」 writes it
        "[InternetShortcut]\r\nURL=http://www.example.gov.cn/lgbj/\r\n", encoding="ascii"
    )
    result = run("add", str(folder))
    out = ok(result)
    assert "新增  #6 关于开展重阳节走访慰问活动的通知" in out
    assert (
        f"跳过 {folder} 中 2 个快捷方式：快捷方式 - 参观通知.lnk、老干部局网站.url（快捷方式只指向别处的文件或网页，"
        "不是文档本身：请添加它指向的文件，网页请另存为 .html 或打印成 PDF）"
    ) in result.stderr
    assert "不能添加的文件" not in result.output and "支持 .txt" not in result.output
    alone = run("add", str(lnk))
    user_error(
        alone,
        "✗ 快捷方式 - 参观通知.lnk 是快捷方式，不是文档本身：请添加它指向的文件本身（在快捷方式的「属性」里可以看到目标位置）。",
        "没有添加任何文件",
    )
    mailed = tmp_path / "材料.zip"
    with zipfile.ZipFile(mailed, "w") as archive:
        archive.write(folder / "老干部局网站.url", "材料/老干部局网站.url")
        archive.writestr("材料/说明.txt", LIBRARY)
    zipped = run("add", str(mailed))
    assert (
        "跳过 材料/老干部局网站.url：是快捷方式，不是文档本身：它只记着一个网址（speechqa 不打开链接），"
        "请在浏览器里把网页另存为 .html 或打印成 PDF 再添加"
    ) in ok(zipped)
    assert "不支持这种文件类型" not in zipped.output


def test_a_rar_or_7z_archive_is_named_as_one_to_unpack_and_nothing_is_added(run: Run, tmp_path: Path) -> None:
    """Before: 「不支持的文件类型：材料.rar（支持 .txt、.docx…）」, as if its speeches were in an unknown format.
    A .zip is read since zip37 (tests/test_cli_archives.py); no reader of RAR or 7z is installed."""
    before = speech_lines(run)
    for name, head in (("材料.rar", b"Rar!\x1a\x07\x01\x00"), ("材料.7z", b"7z\xbc\xaf\x27\x1c")):
        archive = tmp_path / name
        archive.write_bytes(head + bytes(64))
        out = user_error(
            run("add", str(archive)), f"{name} 是压缩包，不能直接添加：请先解压，再添加解压出的文件或文件夹。"
        )
        assert "不支持的文件类型" not in out
    assert speech_lines(run) == before


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_a_web_page_saved_under_a_word_name_is_read_as_the_page_it_is(run: Run, tmp_path: Path) -> None:
    """Sites offer notices as 「.doc」 that are web pages (Word's 「网页」 or 「单个文件网页」 saved under a Word
    name), and Word and WPS open them without a word. Before: 「不是有效的 Word 97–2003 文档」; then a
    refusal telling the user to save it as .docx; now it is read as the page it is, as .html and .mht
    are. The HTML is LibreOffice's export of a python-docx notice; the MHT is built with the email
    package as Word lays one out (a multipart/related message whose first part is the page) — no Word
    runs here."""
    from email.mime.multipart import MIMEMultipart
    from email.mime.text import MIMEText

    import docx

    title = "关于做好离退休干部春节走访慰问工作的通知"
    sentence = "各单位要在二月五日前完成走访慰问。"
    source = tmp_path / "通知.docx"
    document = docx.Document()
    document.add_heading(title, level=0)
    document.add_paragraph(sentence)
    document.save(str(source))
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--headless",
            "--convert-to",
            "html",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    page = (tmp_path / "通知.html").read_bytes()
    archive = MIMEMultipart("related")
    archive.attach(MIMEText(page.decode("utf-8"), "html", "utf-8"))
    before = len(speech_lines(run))
    for number, (name, data) in enumerate(
        (("通知.doc", page), ("通知.docx", page), ("通知.wps", page), ("通知网页.doc", archive.as_bytes())),
        start=1,
    ):
        path = tmp_path / f"web{number}" / name
        path.parent.mkdir()
        path.write_bytes(data)
        # the same notice each time: read every time, stored once (the later ones are found the same)
        out = ok(run("add", str(path)))
        assert ("新增" if number == 1 else "相同") in out and title in out
    lines = speech_lines(run)
    assert len(lines) == before + 1 and title in lines[-1]
    answer = json.loads(ok(run("ask", "春节走访慰问什么时候完成", "--json")))
    assert sentence.rstrip("。") in answer["results"][0]["text"]


def test_an_exported_answer_in_a_folder_is_passed_over_and_alone_is_refused(run: Run, tmp_path: Path) -> None:
    """Staff save 「--docx 结果.docx」 beside the speeches and add the folder: the export was added as a
    speech titled 「结果」, serving the library's passages a second time, cited to the export."""
    folder = tmp_path / "讲话稿"
    write(folder / "讲话.txt", MEAL)
    export = folder / "体检规定.docx"
    ok(run("ask", EXAMPLE, "--docx", str(export)))
    before = speech_lines(run)
    result = run("add", str(folder))
    out = ok(result)
    assert "新增  #6 关于加强社区养老服务的讲话" in out
    assert (
        "跳过：体检规定.docx 是 speechqa 导出的检索结果（「讲话检索结果」），不是讲话：其中的段落已在资料库里，没有添加"
        in result.stderr
    )
    assert len(speech_lines(run)) == len(before) + 1
    user_error(run("add", str(export)), "✗ 体检规定.docx 是 speechqa 导出的检索结果", "没有添加任何文件")
    assert len(speech_lines(run)) == len(before) + 1


def speechqa(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`speechqa ARGS…` in a process of its own, with a time limit: a command that hangs fails the test."""
    env = {**os.environ, "SPEECHQA_HOME": str(home), "HF_HUB_OFFLINE": "1"}
    return subprocess.run(
        [sys.executable, "-c", "from cli import main; main()", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


def test_add_refuses_a_named_pipe_naming_it_and_adds_the_other_files(
    run: Run, seed_home: Path, tmp_path: Path
) -> None:
    """A named pipe (or a device) opened for reading waits for a writer (or never ends): it is refused
    before it is opened, and the files beside it are added."""
    pipe = tmp_path / "管道.txt"
    os.mkfifo(pipe)
    folder = tmp_path / "材料"
    write(folder / "讲话.txt", MEAL)
    os.mkfifo(folder / "导出.txt")
    done = speechqa(seed_home, "add", str(pipe), str(folder), str(write(tmp_path / "讲话2.txt", LIBRARY)))
    assert done.returncode == 1, done.stderr
    assert f"✗ 不是普通文件：{pipe}（是命名管道，不能作为讲话添加）。" in done.stderr.splitlines()
    assert (
        f"跳过 {folder} 中 1 个不是普通文件的项目：导出.txt（命名管道、设备文件、套接字不能添加）"
        in done.stderr
    )
    assert "1 个文件没有添加（见上），其余 2 个已处理" in done.stderr
    assert (
        "新增  #6 关于加强社区养老服务的讲话" in done.stdout
        and "新增  #7 关于老年大学办学工作的讲话" in done.stdout
    )
    assert "Traceback" not in done.stderr

    alone = speechqa(seed_home, "add", str(pipe), "/dev/zero")
    assert alone.returncode == 1
    assert alone.stderr.splitlines() == [
        f"✗ 不是普通文件：{pipe}（是命名管道，不能作为讲话添加）。",
        "✗ 不是普通文件：/dev/zero（是设备文件，不能作为讲话添加）。",
        "错误：没有添加任何文件。",
    ]
    assert len(speech_lines(run)) == 7  # the same home


def test_add_with_no_paths_and_no_bundled_is_a_usage_error(run: Run) -> None:
    result = run("add")
    assert result.exit_code == 1 and "--bundled" in result.output


# -- remove and edit ---------------------------------------------------------------------------------


def test_remove_asks_first_and_does_nothing_when_refused(run: Run) -> None:
    refused = run("remove", "2", input="n\n")
    user_error(refused, "删除 #2", "已取消")
    assert len(speech_lines(run)) == 5
    removed = run("remove", "2", input="y\n")
    assert "已删除 #2" in ok(removed)
    assert len(speech_lines(run)) == 4


def test_remove_takes_the_answers_a_chinese_keyboard_types_and_asks_again_in_chinese(run: Run) -> None:
    """「是」 used to get click's "Error: invalid input" and the question again; 「否」 the same."""
    kept = run("remove", "2", input="嗯\n否\n")
    user_error(kept, "请回答 y（是）或 n（否）。", "已取消")
    assert "Error" not in kept.output and "invalid" not in kept.output
    assert len(speech_lines(run)) == 5
    removed = run("remove", "2", input="是\n")
    assert "已删除 #2" in ok(removed) and "Error" not in removed.output
    full_width = run("remove", "3", input="ｙ\n")
    assert "已删除 #3" in ok(full_width)
    assert len(speech_lines(run)) == 3


def test_an_edited_speech_keeps_its_correction_after_removing_and_re_adding_its_file(
    run: Run, tmp_path: Path
) -> None:
    path = write(tmp_path / "讲话.txt", LIBRARY)
    ok(run("add", str(path)))
    out = ok(run("edit", "6", "--date", "2024-06-01", "--speaker", "李四", "--title", "老年大学办学讲话"))
    assert "已更正 #6 老年大学办学讲话 · 2024-06-01 · 李四" in out
    assert "正常：6 篇讲话" in ok(run("health"))  # the new title is in the index already (it reads titles)
    ok(run("remove", "6", "--yes"))
    assert "新增  #7 老年大学办学讲话 · 2024-06-01 · 李四" in ok(run("add", str(path)))
    answer = json.loads(ok(run("ask", "--json", "老年大学开设哪些课程")))
    top = answer["results"][0]
    assert (top["speech_title"], top["speech_date"], top["speaker"]) == (
        "老年大学办学讲话",
        "2024-06-01",
        "李四",
    )


@pytest.mark.parametrize("date", ["去年", "3月13日", "2024年6月1日上午"])
def test_edit_refuses_a_malformed_date(run: Run, date: str) -> None:
    user_error(run("edit", "2", "--date", date), "日期格式不对")


@pytest.mark.parametrize(
    ("date", "stored"),
    [
        ("2024年6月1日", "2024-06-01"),
        ("二〇二四年六月一日", "2024-06-01"),
        ("（2024年6月）", "2024-06"),
        ("2024/6/1", "2024-06-01"),
        ("2024.06.01", "2024-06-01"),
        ("2024", "2024"),
    ],
)
def test_edit_takes_a_date_written_as_documents_write_it(run: Run, date: str, stored: str) -> None:
    assert f"· {stored}" in ok(run("edit", "2", "--date", date))
    answer = json.loads(ok(run("ask", "--json", "--speech", "2", "老干部")))
    assert {hit["speech_date"] for hit in answer["results"]} == {stored}


@pytest.mark.parametrize("date", ["2024-13-01", "2023-02-30"])
def test_edit_refuses_a_day_that_does_not_exist(run: Run, date: str) -> None:
    user_error(run("edit", "2", "--date", date), "日期不存在")


def test_a_wrong_speaker_or_date_can_be_cleared_and_stays_cleared(run: Run, tmp_path: Path) -> None:
    path = write(tmp_path / "讲话.txt", LIBRARY)
    ok(run("add", str(path)))
    ok(run("edit", "6", "--speaker", "张三", "--date", "2024-06-01"))
    out = ok(run("edit", "6", "--speaker", "", "--date", ""))
    assert "张三" not in out and "2024-06-01" not in out
    ok(run("remove", "6", "--yes"))
    readded = ok(run("add", str(path)))
    assert "张三" not in readded and "2024-06-01" not in readded
    answer = json.loads(ok(run("ask", "--json", "老年大学开设哪些课程")))
    assert answer["results"][0]["speaker"] is None and answer["results"][0]["speech_date"] is None
    user_error(run("edit", "7", "--title", " "), "标题不能为空")


def test_reading_an_unchanged_file_again_after_an_edit_keeps_the_speech_and_its_passage_ids(
    run: Run, tmp_path: Path, seed_home: Path
) -> None:
    path = write(tmp_path / "讲话.txt", MEAL)
    ok(run("add", str(path)))
    ok(run("edit", "6", "--speaker", "王芳同志"))

    def passage_ids() -> list[int]:
        with sqlite3.connect(seed_home / "speechqa.db") as db:
            return [r[0] for r in db.execute("SELECT id FROM passages WHERE speech_id = 6 ORDER BY position")]

    before = passage_ids()
    ok(run("pin", "长者食堂什么时候覆盖所有街道", str(before[-1])))
    out = ok(run("add", "--reread", str(path)))
    assert "未变化  #6 关于加强社区养老服务的讲话 · 2024-05-20 · 王芳同志" in out, out
    assert passage_ids() == before  # buttons under earlier answers and pins still point at them
    assert "段落编号已变" not in ok(run("pins"))


def test_reread_of_a_copy_reads_the_speech_it_copies_again_and_says_so(
    run: Run, tmp_path: Path, seed_home: Path
) -> None:
    """`add --reread` of a copy of an added file (same bytes, another folder) reads that file's speech again
    and says whose it is: before, it was 「未变化」 with nothing read (or, once the copy was recorded, 「重复……要保留
    请加 --allow-duplicates」, as if the user had added the speech twice)."""
    path = write(tmp_path / "a" / "讲话.txt", MEAL)
    copy = write(tmp_path / "b" / "讲话副本.txt", MEAL)
    ok(run("add", str(path)))
    with sqlite3.connect(seed_home / "speechqa.db") as db:  # what an older reader left
        db.execute("UPDATE speeches SET speaker = NULL, date = NULL, content_hash = 'older' WHERE id = 6")
    out = ok(run("add", "--reread", str(copy)))
    assert f"与已添加的文件 {path.resolve()} 内容完全相同：已重新读取那里的讲话" in out, out
    assert "已更新  #6 关于加强社区养老服务的讲话 · 2024-05-20 · 王芳" in out, out
    assert "重复" not in out
    out = ok(run("add", "--reread", str(copy)))
    assert "内容完全相同" in out and "未变化  #6 关于加强社区养老服务的讲话" in out, out
    assert "未变化（与 #6 相同）" in ok(run("add", str(copy)))  # still known as a copy
    assert len(speech_lines(run)) == 6


def test_a_new_speech_saved_over_an_old_file_names_the_speech_it_replaces(run: Run, tmp_path: Path) -> None:
    """A file that held one speech holds its new version (same id); when what it holds now is another
    speech altogether, the one that leaves the library is named instead of a bare 「已更新」."""
    path = write(tmp_path / "讲话稿" / "讲话.txt", MEAL)
    ok(run("add", str(path.parent)))
    write(path, LIBRARY)
    out = ok(run("add", str(path.parent)))
    assert "已更新  #6 关于老年大学办学工作的讲话" in out
    assert "原来是另一篇讲话《关于加强社区养老服务的讲话》，已被这篇取代" in out, out
    write(path, LIBRARY.replace("太极拳", "太极拳、声乐"))  # an edit of the speech it holds: no note
    out = ok(run("add", str(path.parent)))
    assert "已更新  #6" in out and "取代" not in out


def test_a_notices_issuer_can_be_corrected_to_joint_issuers_and_cleared(run: Run, tmp_path: Path) -> None:
    """`edit --issuer`: a notice issued jointly whose signature named one body (or none) is corrected; the
    issuers are kept as the store keeps joint issuers (「、」 between them, whatever separator was typed),
    shown as 「发文：…」 and in the JSON `issuer`, survive removing and re-adding the file, and "" clears them."""
    from tests.fixtures.corpus_writers import write_docx

    path = tmp_path / "慰问通知.docx"
    write_docx(NOTICE_PARTS, path, author="温州市委老干部局")
    assert "发文：中共温州市委老干部局" in ok(run("add", str(path)))
    out = ok(run("edit", "6", "--issuer", "中共温州市委老干部局， 温州市财政局"))
    joint = "中共温州市委老干部局、温州市财政局"
    assert f"已更正 #6 关于做好离退休干部重阳节走访慰问工作的通知 · 2024-10-08 · 发文：{joint}" in out, out
    assert f"发文：{joint}" in ok(run("show", "6")).splitlines()
    question = "重阳节走访慰问金发多少？"
    top = json.loads(ok(run("ask", "--json", question)))["results"][0]
    assert (top["speech_id"], top["issuer"]) == (6, joint)
    assert "未变化" in (again := ok(run("add", str(path)))) and f"发文：{joint}" in again, again
    ok(run("remove", "6", "--yes"))
    assert f"新增  #7 关于做好离退休干部重阳节走访慰问工作的通知 · 2024-10-08 · 发文：{joint}" in ok(
        run("add", str(path))
    )
    cleared = ok(run("edit", "7", "--issuer", ""))
    assert "发文" not in cleared, cleared
    top = json.loads(ok(run("ask", "--json", question)))["results"][0]
    assert (top["speech_id"], top["issuer"]) == (7, None)
    reread = ok(run("add", "--reread", str(path)))  # cleared stays cleared when read again
    assert "未变化  #7" in reread and "发文：" not in reread, reread


def test_a_corrected_issuer_answers_which_body_issued_the_notice(run: Run, tmp_path: Path) -> None:
    """「…是哪个单位发的」 is answered by the notice's 「文件信息」 passage: after `edit --issuer` it names the
    corrected issuers (it kept the file's), through `rebuild`, adding the file again, and removing and
    re-adding it; `--issuer ""` takes the sentence out."""
    from tests.fixtures.corpus_writers import write_docx

    path = tmp_path / "慰问通知.docx"
    write_docx(NOTICE_PARTS, path, author="温州市委老干部局")
    ok(run("add", str(path)))
    joint = "中共温州市委老干部局、温州市财政局"
    ok(run("edit", "6", "--issuer", joint))
    question = "重阳节走访慰问工作的通知是哪个单位发的？"

    def answer() -> dict:
        return json.loads(ok(run("ask", "--json", question)))["results"][0]

    def check(speech_id: int) -> None:
        top = answer()
        assert (top["speech_id"], top["section"], top["issuer"]) == (speech_id, "文件信息", joint), top
        assert top["answer_sentence"]["text"].startswith(f"发文机关：{joint}。"), top
        assert "中共温州市委老干部局。" not in top["text"]

    check(6)
    assert f"发文机关：{joint}。" in ok(run("show", "6"))
    ok(run("rebuild"))
    check(6)
    assert "未变化  #6" in ok(run("add", str(path)))
    check(6)
    ok(run("remove", "6", "--yes"))
    assert "新增  #7" in ok(run("add", str(path)))
    check(7)
    ok(run("edit", "7", "--issuer", ""))
    top = answer()
    assert top["speech_id"] == 7 and "发文机关" not in top["text"], top


def test_a_transcripts_introduced_speaker_is_cited(run: Run, tmp_path: Path) -> None:
    """A speech-to-text transcript whose speaker is named only in the host's introduction (「下面，请…蒲正言
    同志致辞。」) is added with that speaker, and each passage is cited with who said it."""
    from tests.fixtures.corpus_writers import write_transcript_docx

    from .test_corpus_transcript import CEREMONY, OPENING

    path = tmp_path / "开幕式录音转写.docx"
    write_transcript_docx(OPENING, CEREMONY, path, author="岑川市委老干部局")
    assert "新增  #6 庆典录音 · 2026-10-09 · 蒲正言" in ok(run("add", str(path)))
    top = json.loads(ok(run("ask", "--json", "书画展一共展出多少幅作品？")))["results"][0]
    assert (top["speech_id"], top["speaker"], top["section"]) == (6, "蒲正言", "蒲正言同志致辞"), top
    top = json.loads(ok(run("ask", "--json", "钱文斌在老年大学学了几年书法？")))["results"][0]
    assert (top["speech_id"], top["section"]) == (6, "钱文斌同志发言"), top
    shown = ok(run("show", "6"))  # the host's opening under 「主持人」 too, as the host's later turns
    assert shown.index("§ 主持人") < shown.index(CEREMONY[0][2][:10]) < shown.index("§ 蒲正言同志致辞")


@pytest.mark.parametrize(
    ("issuer", "fragment"),
    [
        ("、，", "发文机关格式不对：、，"),
        ("关于做好慰问工作的通知。", "发文机关格式不对：关于做好慰问工作的通知。"),
    ],
)
def test_edit_refuses_an_issuer_that_is_no_body(run: Run, issuer: str, fragment: str) -> None:
    out = user_error(run("edit", "2", "--issuer", issuer), fragment)
    assert len(out.strip().splitlines()) == 1, out
    assert "发文机关" not in ok(run("show", "2"))


def test_edit_of_a_missing_speech_is_a_user_error(run: Run) -> None:
    user_error(run("edit", "99", "--title", "标题"), "没有编号为 99 的讲话")


# -- backup and restore -------------------------------------------------------------------------------


def test_backup_and_restore_round_trip(run: Run, tmp_path: Path, seed_home: Path) -> None:
    saved = tmp_path / "备份.db"
    assert "讲话 5，段落" in ok(run("backup", str(saved)))
    user_error(run("backup", str(saved)), "文件已存在")
    ok(run("add", str(write(tmp_path / "新讲话.txt", MEAL))))
    ok(run("remove", "1", "--yes"))
    out = ok(run("restore", str(saved), "--yes"))
    assert "已恢复：讲话 5" in out and "原资料库另存为" in out
    lines = speech_lines(run)
    assert len(lines) == 5 and "社区养老" not in "\n".join(lines)
    assert "正常：5 篇讲话" in ok(run("health"))
    answer = json.loads(ok(run("ask", "--json", EXAMPLE)))
    assert EXAMPLE_ANSWER in answer["results"][0]["text"]
    # the library it replaced was kept
    (before,) = (seed_home / "backups").glob("before-restore-*.db")
    with sqlite3.connect(before) as db:
        assert db.execute("SELECT COUNT(*) FROM speeches").fetchone()[0] == 5  # 5 - 1 + 1
    db.close()


def test_restore_refuses_a_file_that_is_not_a_backup(run: Run, tmp_path: Path) -> None:
    user_error(
        run("restore", str(write(tmp_path / "x.db", "not a database")), "--yes"), "不是可用的 SQLite 备份文件"
    )
    user_error(run("restore", str(tmp_path / "nowhere.db"), "--yes"), "找不到备份文件")
    user_error(run("restore", str(tmp_path), "--yes"), "是一个文件夹，请给出备份文件本身")
    fifo = tmp_path / "backup.db"
    os.mkfifo(fifo)  # opening it would wait for a writer: refused before that
    user_error(run("restore", str(fifo), "--yes"), "不是普通文件")
    user_error(run("restore", "/dev/zero", "--yes"), "不是普通文件")
    assert len(speech_lines(run)) == 5


def speechqa_process(
    home: Path, cwd: Path, *args: str, stdin: int | None = None, stdout: int | None = None
) -> subprocess.CompletedProcess[bytes]:
    """`speechqa ARGS…` as its own process (its real entry, real pipes), offline."""
    env = {**os.environ, "SPEECHQA_HOME": str(home), "HF_HUB_OFFLINE": "1"}
    return subprocess.run(
        [sys.executable, "-c", "from cli import main; main()", *args],
        env=env,
        cwd=cwd,
        stdin=stdin,
        stdout=stdout if stdout is not None else subprocess.PIPE,
        stderr=subprocess.PIPE,
        check=False,
        timeout=300,
    )


def test_backup_dash_streams_to_stdout_and_restore_dash_reads_stdin(
    run: Run, tmp_path: Path, seed_home: Path
) -> None:
    """`backup -` writes the backup to standard output (no file named 「-」), as tar and pg_dump do, its report
    on standard error; `restore --yes -` reads it from standard input."""
    streamed = tmp_path / "经管道.db"
    with streamed.open("wb") as out:
        done = speechqa_process(seed_home, tmp_path, "backup", "-", stdout=out.fileno())
    assert done.returncode == 0, done.stderr.decode()
    report = done.stderr.decode()
    assert report.startswith("已备份到标准输出：讲话 5，段落") and report.count("\n") == 1, report
    assert not (tmp_path / "-").exists()
    with sqlite3.connect(streamed) as db:  # a whole SQLite database, as `backup FILE` writes one
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert db.execute("SELECT COUNT(*) FROM speeches").fetchone()[0] == 5
    db.close()
    ok(run("remove", "1", "--yes"))
    assert len(speech_lines(run)) == 4
    with streamed.open("rb") as source:
        done = speechqa_process(seed_home, tmp_path, "restore", "--yes", "-", stdin=source.fileno())
    assert done.returncode == 0, done.stderr.decode()
    assert "已恢复：讲话 5" in done.stdout.decode() and "原资料库另存为" in done.stdout.decode()
    assert len(speech_lines(run)) == 5
    answer = json.loads(ok(run("ask", "--json", EXAMPLE)))
    assert EXAMPLE_ANSWER in answer["results"][0]["text"]


def test_backup_dash_refuses_a_terminal_and_restore_dash_refuses_what_is_no_backup(
    run: Run, tmp_path: Path, seed_home: Path
) -> None:
    def one_line(done: subprocess.CompletedProcess[bytes], fragment: str) -> None:
        said = done.stderr.decode()
        assert done.returncode == 1, said
        assert said.startswith("错误：") and said.count("\n") == 1 and fragment in said, said

    leader, follower = os.openpty()  # standard output a terminal: binary is not written onto it
    try:
        one_line(speechqa_process(seed_home, tmp_path, "backup", "-", stdout=follower), "不能写到终端上")
    finally:
        os.close(leader)
        os.close(follower)
    assert not (tmp_path / "-").exists()
    junk = write(tmp_path / "junk.txt", "这不是备份")
    empty = write(tmp_path / "empty.db", "")
    for given, args, fragment in (
        (junk, ("--yes", "-"), "不是可用的 SQLite 备份文件：标准输入"),
        (empty, ("--yes", "-"), "标准输入是空的"),
        (junk, ("-",), "无法询问确认：请加 --yes"),
    ):
        with given.open("rb") as source:
            one_line(speechqa_process(seed_home, tmp_path, "restore", *args, stdin=source.fileno()), fragment)
    assert len(speech_lines(run)) == 5 and not (seed_home / "backups").exists()  # nothing replaced or saved


# -- health --------------------------------------------------------------------------------------------


def test_health_fails_on_an_empty_library_and_add_bundled_brings_the_speeches_back(run: Run) -> None:
    for speech_id in range(1, 6):
        ok(run("remove", str(speech_id), "--yes"))
    user_error(run("health"), "资料库是空的", "speechqa add --bundled")
    assert "speechqa add --bundled" in ok(run("speeches"))
    out = ok(run("add", "--bundled"))
    assert out.count("新增") == 5
    assert "正常：5 篇讲话" in ok(run("health"))


def test_health_with_speeches_but_no_index_says_rebuild(run: Run, seed_home: Path) -> None:
    shutil.rmtree(seed_home / "index")
    user_error(run("health"), "资料库里有讲话，但还没有索引", "speechqa rebuild")
    ok(run("rebuild"))
    assert "正常：5 篇讲话" in ok(run("health"))


def test_health_fails_on_a_stale_index(run: Run, seed_home: Path) -> None:
    with sqlite3.connect(seed_home / "speechqa.db") as db:  # a writer killed between store and index
        db.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'revision'")
    db.close()
    user_error(run("health"), "索引落后于资料库")
    ok(run("rebuild"))
    ok(run("health"))


# -- a damaged database --------------------------------------------------------------------------------


def test_a_damaged_database_is_named_and_recover_keeps_what_can_be_read(run: Run, seed_home: Path) -> None:
    path = seed_home / "speechqa.db"
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        pages = db.execute("PRAGMA page_count").fetchone()[0]
        root = db.execute("SELECT rootpage FROM sqlite_master WHERE name = 'queries'").fetchone()[0]
    db.close()
    data = bytearray(path.read_bytes())
    page = 4096
    victim = pages - 3  # a page near the end: part of the embedding cache or the passages
    data[victim * page : (victim + 1) * page] = b"\xa5" * page
    path.write_bytes(bytes(data))
    assert root  # the schema is intact: the damage shows when the damaged page is read
    damaged = run("ask", "--json", "--mode", "dense", EXAMPLE)
    if damaged.exit_code == 0:  # the damaged page was not on this question's path: a full check finds it
        damaged = run("rebuild")
    out = user_error(damaged, "数据库文件已损坏", "speechqa recover")
    assert "权限" not in out and "只读" not in out
    recovered = ok(run("recover", "--yes"))
    print(f"\n{recovered}")  # the figures quoted in docs/reliability.md (pytest -s)
    assert "已抢救" in recovered and "保留 讲话 5" in recovered
    assert "损坏的原文件保留为" in recovered and "索引已重建" in recovered
    assert list(seed_home.glob("speechqa.db.damaged-*"))
    assert "正常：5 篇讲话" in ok(run("health"))
    answer = json.loads(ok(run("ask", "--json", EXAMPLE)))
    assert EXAMPLE_ANSWER in answer["results"][0]["text"]


def test_an_empty_database_beside_an_index_is_named_with_what_to_do(
    run: Run, seed_home: Path, tmp_path: Path
) -> None:
    """A speechqa.db of 0 bytes beside a built index (a copy that failed) showed an empty library without a
    word and was made one: every command now says what is wrong in one line, exit 1, the file untouched;
    `recover` sets it aside (nothing to read, exit 1) and `restore` then brings the backup back."""
    backup = tmp_path / "备份.db"
    ok(run("backup", str(backup)))
    path = seed_home / "speechqa.db"
    for side in (path, path.with_name("speechqa.db-wal"), path.with_name("speechqa.db-shm")):
        side.unlink(missing_ok=True)
    path.write_bytes(b"")
    for command in (["speeches"], ["ask", EXAMPLE], ["health"], ["add", "--bundled"], ["rebuild"]):
        out = user_error(run(*command), "资料库文件是空的（0 字节）", "speechqa recover", "speechqa restore")
        assert len(out.strip().splitlines()) == 1, out
        assert path.stat().st_size == 0
    out = user_error(run("recover", "--yes"), "无法抢救：数据库文件是空的（0 字节）", "speechqa restore")
    assert not path.exists() and len(list(seed_home.glob("speechqa.db.damaged-*"))) == 1, out
    assert "已恢复：讲话 5" in ok(run("restore", "--yes", str(backup)))
    answer = json.loads(ok(run("ask", "--json", EXAMPLE)))
    assert EXAMPLE_ANSWER in answer["results"][0]["text"]


def test_speeches_whose_passages_were_not_recovered_are_named_and_adding_their_files_brings_them_back(
    run: Run, seed_home: Path, tmp_path: Path
) -> None:
    ok(run("add", str(write(tmp_path / "讲话稿" / "老年大学.txt", LIBRARY))))
    path = seed_home / "speechqa.db"
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        root = db.execute("SELECT rootpage FROM sqlite_master WHERE name = 'passages'").fetchone()[0]
    db.close()
    data = bytearray(path.read_bytes())
    page = 4096
    data[(root - 1) * page : root * page] = b"\xa5" * page  # the passages table's root: every passage is lost
    path.write_bytes(bytes(data))

    damaged = user_error(run("rebuild"), "数据库文件已损坏", "speechqa recover")
    assert "malformed" not in damaged and "database" not in damaged  # SQLite's own words stay in English logs
    recovered = ok(run("recover", "--yes"))
    assert "保留 讲话 6" in recovered and "row by row" not in recovered and ".recover）" not in recovered
    assert "6 篇讲话的段落没有抢救回来" in recovered
    assert (
        "speechqa add --bundled" in recovered
        and f"speechqa add {tmp_path / '讲话稿' / '老年大学.txt'}" in recovered
    )
    unhealthy = user_error(run("health"), "6 篇讲话没有段落", "speechqa add")
    assert "0 篇讲话" not in unhealthy

    ok(run("add", "--bundled"))
    ok(run("add", str(tmp_path / "讲话稿")))
    assert "正常：6 篇讲话" in ok(run("health"))
    assert all("[0 段" not in line for line in speech_lines(run))
    answer = json.loads(ok(run("ask", "--json", EXAMPLE)))
    assert EXAMPLE_ANSWER in answer["results"][0]["text"]


# -- a read-only data home -----------------------------------------------------------------------------


@pytest.fixture
def read_only_home(seed_home: Path, tmp_path: Path) -> Iterator[Path]:
    """The seed home behind a real read-only bind mount (root ignores file modes, so chmod proves nothing)."""
    with sqlite3.connect(seed_home / "speechqa.db") as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    with read_only_view(seed_home, tmp_path / "ro-home") as mount:
        assert not os.access(mount, os.W_OK)
        yield mount


@contextlib.contextmanager
def read_only_view(folder: Path, mount: Path) -> Iterator[Path]:
    """`folder` seen through a real read-only bind mount at `mount`; the test is skipped where mounting
    is not allowed."""
    mount.mkdir()
    made = subprocess.run(["mount", "--bind", str(folder), str(mount)], capture_output=True, text=True)
    if made.returncode != 0:
        pytest.skip(f"cannot make a bind mount here: {made.stderr.strip()}")
    try:
        remount = subprocess.run(
            ["mount", "-o", "remount,ro,bind", str(mount)], capture_output=True, text=True
        )
        if remount.returncode != 0:
            pytest.skip(f"cannot remount read-only here: {remount.stderr.strip()}")
        yield mount
    finally:
        subprocess.run(["umount", "--lazy", str(mount)], check=False)  # the CLI may still hold files open


def test_a_read_only_home_answers_questions_and_refuses_every_write(
    run: Run, read_only_home: Path, seed_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = {p.name: p.stat().st_mtime_ns for p in seed_home.iterdir()}
    monkeypatch.setenv("SPEECHQA_HOME", str(read_only_home))
    asked = run("ask", "--json", EXAMPLE)
    assert asked.exit_code == 0, asked.output
    assert EXAMPLE_ANSWER in json.loads(asked.stdout)["results"][0]["text"]
    assert "数据目录是只读的" in asked.stderr and "不记录提问日志" in asked.stderr
    assert "正常：5 篇讲话" in ok(run("health"))
    assert len(speech_lines(run)) == 5
    saved = tmp_path / "备份.db"
    assert "已备份" in ok(run("backup", str(saved)))
    new = write(tmp_path / "新讲话.txt", MEAL)
    for command in (
        ["add", str(new)],
        ["add", "--bundled"],
        ["remove", "1", "--yes"],
        ["edit", "1", "--title", "新标题"],
        ["rebuild"],
        ["restore", str(saved), "--yes"],
    ):
        out = user_error(run(*command), f"数据目录是只读的：{read_only_home}")
        assert "损坏" not in out, command
    assert {p.name: p.stat().st_mtime_ns for p in seed_home.iterdir()} == before


def test_rebuild_on_a_read_only_home_is_refused_before_the_model_loads(
    run: Run, read_only_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`rebuild` loaded the embedding model (its notice printed, ~5 s) before refusing a read-only home."""
    monkeypatch.setenv("SPEECHQA_HOME", str(read_only_home))
    result = run("rebuild")
    out = user_error(result, f"数据目录是只读的：{read_only_home}")
    assert len(out.strip().splitlines()) == 1 and "模型" not in result.stderr, result.output


def test_health_on_a_new_data_home_fails_and_creates_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "新的数据目录"
    monkeypatch.setenv("SPEECHQA_HOME", str(home))
    result = CliRunner().invoke(cli, ["health"])
    assert result.exit_code == 1 and "还没有资料库" in result.output and "Traceback" not in result.output
    assert not home.exists() or not any(home.iterdir())


def test_remove_with_no_answer_to_its_question_removes_nothing(run: Run) -> None:
    result = run("remove", "2")  # no input: the confirmation reads end of input
    assert result.exit_code == 1 and "Aborted" not in result.output and "已取消" in result.output
    assert len(speech_lines(run)) == 5


@pytest.mark.slow
def test_add_keeps_the_typed_pages_of_a_pdf_and_says_which_scanned_pages_it_could_not_read(
    seed_home: Path, tmp_path: Path
) -> None:
    """The real `speechqa add`, in a process with no OCR engine (RapidOCR not importable, no tesseract)."""
    import subprocess
    import sys

    mixed = Path(__file__).parent / "fixtures" / "documents" / "health_notice.mixed.pdf"
    script = "import sys; sys.modules['rapidocr'] = None\nfrom cli import main\nmain()\n"
    env = {
        "PATH": str(tmp_path),
        "HOME": str(tmp_path),
        "SPEECHQA_HOME": str(seed_home),
        "HF_HUB_OFFLINE": "1",
        "SENTENCE_TRANSFORMERS_HOME": str(tmp_path / "no-model-cache"),
    }
    done = subprocess.run(
        [sys.executable, "-c", script, "add", str(mixed)],
        env=env,
        cwd=Path(__file__).parents[1],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "新增  #6 关于做好2024年离休干部健康体检工作的通知" in done.stdout
    assert (
        "第 2 页是扫描图片，未安装 OCR 组件，未能读取：pip install 'speechqa[ocr]'"
        in done.stdout + done.stderr
    )


def test_add_names_a_badly_scanned_image_to_proofread_and_adds_it_all_the_same(
    run: Run, tmp_path: Path
) -> None:
    """A picture printed and scanned cleanly, and one scanned badly (coarse, blurred, speckled), read by the
    installed OCR engine: only the bad one gets the line saying to check it."""
    from corpus import installed_engines
    from tests.test_corpus_ocr_confidence import bad_scan, png, scan

    if not installed_engines():
        pytest.skip("no OCR engine installed (pip install 'speechqa[ocr]')")
    clean, bad = tmp_path / "清晰扫描.png", tmp_path / "模糊扫描.png"
    clean.write_bytes(png(scan()))
    bad.write_bytes(png(bad_scan()))
    out = ok(run("add", "--check", "--allow-duplicates", str(clean), str(bad)))
    clean_part, bad_part = out.split("模糊扫描.png", 1)
    assert "新增  #6 " in clean_part and "文字识别把握较低" not in clean_part
    assert "新增  #7 " in bad_part
    (note,) = [line for line in bad_part.splitlines() if "文字识别把握较低" in line]
    assert re.fullmatch(
        r"  ⚠ 这张图片文字识别把握较低（约 \d+%），可能有错字漏字，请对照原件核对（speechqa show 编号 查看读出的文字）",
        note,
    )
    assert len(speech_lines(run)) == 7  # both added


def test_health_says_in_one_chinese_line_what_it_found(run: Run) -> None:
    out = ok(run("health"))
    assert out.count("\n") == 1 and out.startswith("正常：5 篇讲话，") and "段，模型 " in out
    assert not re.search(r"[A-Za-z]+ (?:speeches|passages)|\bok\b", out)  # only the model's id is English


# -- a data home that is not a folder --------------------------------------------------------------------


@pytest.mark.parametrize("where", ["a file", "under a file"])
def test_a_data_home_that_is_not_a_folder_is_said_so_not_called_read_only(
    where: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SPEECHQA_HOME set to a file (a typo, a backup's path) or to a folder inside one: the fix is another
    path, not a writable disk."""
    saved = write(tmp_path / "speechqa-备份.db", "不是文件夹")
    home = saved if where == "a file" else saved / "home"
    expected = f"数据目录不是文件夹：{home}" if where == "a file" else f"无法建立数据目录：{home}"
    monkeypatch.setenv("SPEECHQA_HOME", str(home))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    runner = CliRunner()
    speech = write(tmp_path / "讲话.txt", MEAL)
    for command in (["ask", EXAMPLE], ["add", str(speech)], ["speeches"], ["health"], ["pins"]):
        out = user_error(runner.invoke(cli, command), expected)
        assert "只读" not in out and "资料库" not in out, (command, out)
    assert saved.read_text(encoding="utf-8") == "不是文件夹"  # nothing written over it


# -- writing a backup or a Word file where it cannot be written ---------------------------------------


@pytest.fixture
def read_only_folder(tmp_path: Path) -> Iterator[Path]:
    """An empty folder behind a real read-only bind mount (a write-protected USB stick, a :ro volume)."""
    folder = tmp_path / "folder"
    folder.mkdir()
    with read_only_view(folder, tmp_path / "ro-folder") as mount:
        yield mount


def test_a_backup_or_word_file_in_a_read_only_folder_is_one_chinese_line(
    run: Run, read_only_folder: Path
) -> None:
    out = user_error(run("backup", str(read_only_folder / "备份.db")), "无法写入备份文件")
    assert "unable" not in out and "Read-only" not in out, out  # neither SQLite's nor the OS's English
    out = user_error(
        run("ask", EXAMPLE, "--docx", str(read_only_folder / "结果.docx")), "无法写入 Word 文件", "只读"
    )
    assert "Read-only" not in out
    assert list(read_only_folder.iterdir()) == []


# -- a full disk ---------------------------------------------------------------------------------------


@contextlib.contextmanager
def small_disk(mount: Path, megabytes: int) -> Iterator[Path]:
    """A real tmpfs of `megabytes` at `mount` (a disk that fills up); skipped where mounting is not allowed."""
    mount.mkdir()
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={megabytes}M", "tmpfs", str(mount)],
        capture_output=True,
        text=True,
    )
    if made.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {made.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "--lazy", str(mount)], check=False)


@contextlib.contextmanager
def home_on_small_disk(seed_home: Path, tmp_path: Path, megabytes: int = 8) -> Iterator[tuple[Path, Path]]:
    """(disk, home): a copy of the seed home, its write-ahead log folded into the database first, on a
    `small_disk` of its own."""
    with sqlite3.connect(seed_home / "speechqa.db") as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    with small_disk(tmp_path / "disk", megabytes) as disk:
        home = disk / "home"
        shutil.copytree(seed_home, home)
        yield disk, home


def fill(disk: Path, leave: int) -> Path:
    """Fill `disk` up to all but `leave` bytes with one file, returned (delete it to free the space)."""
    filler = disk / "filler"
    with filler.open("wb", buffering=0) as f, contextlib.suppress(OSError):
        while True:
            f.write(b"\0" * 65536)
    size = filler.stat().st_size
    os.truncate(filler, max(0, size - leave))
    return filler


def test_a_full_disk_refuses_writes_in_one_line_keeps_the_library_and_still_answers(
    run: Run, seed_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with home_on_small_disk(seed_home, tmp_path) as (disk, home):
        monkeypatch.setenv("SPEECHQA_HOME", str(home))
        new = write(tmp_path / "新讲话.txt", MEAL)
        full = f"错误：数据目录所在的磁盘空间不足：{home}。这次的改动没有保存，资料库保持原样：请腾出空间后重试。\n"
        # room for the database's change but not for the new index files (FAISS writes first), then none
        for leave in (96 * 1024, 0):
            filler = fill(disk, leave)
            out = user_error(run("add", str(new)))
            assert out.splitlines()[-1] == full.strip(), out  # after the embedding's progress bar
            assert not [p for p in (home / "index").iterdir() if p.name.endswith(".tmp")]  # space given back
            filler.unlink()
            assert "正常：5 篇讲话" in ok(run("health"))
        fill(disk, 0)
        assert user_error(run("synonyms", "add", "老干局", "老干部局")) == full
        asked = run("ask", "--json", EXAMPLE)  # the query log is skipped, the question answered
        assert asked.exit_code == 0, asked.output
        assert EXAMPLE_ANSWER in json.loads(asked.stdout)["results"][0]["text"]
        (disk / "filler").unlink()
        assert "新增" in ok(run("add", str(new)))
        assert "正常：6 篇讲话" in ok(run("health"))


def test_a_library_on_a_disk_already_full_is_read_not_called_damaged(
    run: Run, seed_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a disk with no room left SQLite cannot even size its shared-memory file, an I/O error that was
    reported as a damaged database (sending staff to `recover`, which failed with a traceback)."""
    with home_on_small_disk(seed_home, tmp_path) as (disk, home):
        monkeypatch.setenv("SPEECHQA_HOME", str(home))
        fill(disk, 0)
        monkeypatch.setattr(ask_module, "_read_only_noted", [])  # said once a process: this test's is new
        before = sorted(p.name for p in home.iterdir())
        asked = run("ask", "--json", EXAMPLE)
        assert asked.exit_code == 0, asked.output
        assert EXAMPLE_ANSWER in json.loads(asked.stdout)["results"][0]["text"]
        assert f"数据目录所在的磁盘已满（{home}）：可以提问，但不记录提问日志。" in asked.stderr
        assert "正常：5 篇讲话" in ok(run("health")) and "磁盘已满" in ok(run("health"))
        full = f"错误：数据目录所在的磁盘空间不足：{home}。这次的改动没有保存，资料库保持原样：请腾出空间后重试。"
        new = write(tmp_path / "新讲话.txt", MEAL)
        for command in (
            ["add", str(new)],
            ["remove", "1", "--yes"],
            ["edit", "1", "--title", "新标题"],
            ["pin", EXAMPLE, "54"],
            ["synonyms", "add", "老干局", "老干部局"],
            ["recover", "--yes"],  # (SQLite's integrity check needs room too: said as the full disk)
        ):
            out = user_error(run(*command))
            assert out.splitlines()[-1] == full, (command, out)
            assert "损坏" not in out
        kept = ("speechqa.db-", "write.lock")  # SQLite's side files and the writers' (empty) lock file
        after = sorted(p.name for p in home.iterdir() if not p.name.startswith(kept))
        assert after == [name for name in before if not name.startswith(kept)]  # nothing left over
        assert not list((home / "index").glob("*.tmp"))


def test_a_backup_given_a_folder_asks_for_a_file_name(run: Run, tmp_path: Path) -> None:
    out = user_error(run("backup", str(tmp_path)), f"{tmp_path} 是一个文件夹", "请给出备份文件的名字")
    assert "文件已存在" not in out


def test_add_counts_the_document_information_it_stored_and_rebuild_the_librarys(
    run: Run, tmp_path: Path
) -> None:
    """A notice's 「文件信息」 passage (文号, 主送) is stored but in neither index: `add` says how many of them
    it stored itself (trials 53 and 54: it said the library's, 1, 1, 2, 3 for four files), `rebuild` how many
    the library holds, so that the count matches what `show` lists."""
    notice = write(
        tmp_path / "体检通知.txt",
        "关于开展离退休干部健康体检的通知\n江老干〔2024〕3号\n各区县老干部局：\n"
        "体检每年一次，费用每人1800元。\n江州市委老干部局\n2024年3月1日\n",
    )
    out = ok(run("add", str(notice)))
    line = next(x for x in out.splitlines() if x.startswith("索引："))
    indexed = int(re.search(r"索引：(\d+) 段", line).group(1))
    assert "（本次另存 1 段文件信息：文号、发文机关、主送）" in line
    shown = ok(run("show", "6"))
    assert "文件信息" in shown and "江老干〔2024〕3号" in shown
    second = write(
        tmp_path / "慰问通知.txt",
        "关于开展春节走访慰问的通知\n江老干〔2024〕9号\n各区县老干部局：\n"
        "慰问标准为每人1500元。\n江州市委老干部局\n2024年1月8日\n",
    )
    line = next(x for x in ok(run("add", str(second))).splitlines() if x.startswith("索引："))
    assert (
        "（本次另存 1 段文件信息：文号、发文机关、主送）" in line
    )  # this notice's one, not the library's two
    plain = ok(run("add", str(write(tmp_path / "讲话.txt", MEAL))))
    line = next(x for x in plain.splitlines() if x.startswith("索引："))
    assert line.startswith(f"索引：{indexed + 4} 段，本次嵌入")  # MEAL: 3 passages, none a notice head
    again = ok(run("add", str(notice)))  # unchanged: nothing stored
    assert "另存" not in next(x for x in again.splitlines() if x.startswith("索引："))
    assert f"索引已重建：{indexed + 4} 段（另存 2 段文件信息：文号、发文机关、主送）" in ok(run("rebuild"))


def test_the_count_line_names_what_the_document_information_holds(run: Run, tmp_path: Path) -> None:
    """The 「文件信息」 passage holds a notice's 版记 too (抄送, 印发机关, 印发日期): the line after add and
    rebuild names what those passages hold, not a fixed three."""
    from .test_corpus_notices_head import imprinted_docx

    out = ok(run("add", str(imprinted_docx(tmp_path / "护理费通知.docx"))))
    wanted = "另存 1 段文件信息：文号、发文机关、主送、抄送、印发机关、印发日期）"
    assert f"（本次{wanted}" in next(x for x in out.splitlines() if x.startswith("索引："))
    assert f"（{wanted}" in ok(run("rebuild"))


def _long_speech(paragraphs: int) -> str:
    topics = (
        "离休干部体检",
        "老年大学招生",
        "走访慰问困难老干部",
        "银龄志愿服务",
        "党支部组织生活",
        "就医绿色通道",
    )
    body = [
        f"第{n + 1}项工作是{topics[n % len(topics)]}。要把这项工作做细做实，第{n + 1}季度前拿出具体方案，"
        f"各单位明确专人负责，定期汇总情况，确保每一位老同志都能感受到组织的关心和温暖，做到不落一人。"
        for n in range(paragraphs)
    ]
    return "在全市老干部工作推进会上的讲话\n\n" + "\n\n".join(body) + "\n"


@pytest.mark.slow
def test_add_with_stderr_to_a_file_writes_plain_progress_lines_not_bar_fragments(
    seed_home: Path, tmp_path: Path
) -> None:
    """`speechqa add 文件夹 2>add.log` (or a service's log): tqdm's carriage-return redraws used to fill the
    file with fragments of the bar; now a few whole lines, the last saying the work is done."""
    speech = tmp_path / "推进会讲话.txt"
    speech.write_text(_long_speech(40), encoding="utf-8")
    log = tmp_path / "add.log"
    env = {**os.environ, "SPEECHQA_HOME": str(seed_home), "HF_HUB_OFFLINE": "1"}
    with log.open("w") as stderr:
        done = subprocess.run(
            [sys.executable, "-c", "from cli import main; main()", "add", str(speech)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
            timeout=300,
            check=False,
        )
    assert done.returncode == 0, log.read_text()
    written = log.read_text(encoding="utf-8")
    assert "\r" not in written and "\x1b" not in written and "it/s" not in written and "段/s" not in written
    progress = [line for line in written.splitlines() if line.startswith("嵌入新段落：")]
    assert progress, written
    assert all(re.fullmatch(r"嵌入新段落：\d+/\d+ 段（\d+%）", line) for line in progress), progress
    assert len(progress) <= 11
    last = re.fullmatch(r"嵌入新段落：(\d+)/(\d+) 段（100%）", progress[-1])
    assert last is not None and last[1] == last[2] and int(last[2]) > 0


def test_progress_off_a_terminal_is_at_most_a_line_a_tenth_and_the_last(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """However many steps the embedding reports, a log gets a line per tenth at most (no more often than
    PLAIN_EVERY seconds, here 0) and always the final count; a second run of the same bar starts again."""
    bar = ProgressBar("嵌入段落")
    bar.PLAIN_EVERY = 0.0
    for _ in range(2):
        for done in range(0, 1201, 32):
            bar(done, 1200)
        bar(1200, 1200)
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 20, lines
    assert lines[9] == lines[19] == "嵌入段落：1200/1200 段（100%）"
    assert lines[0] == "嵌入段落：128/1200 段（10%）"


@pytest.mark.parametrize("answer", ["n\n", "否\n", None])
def test_every_confirmation_refused_or_unanswered_says_one_line_and_changes_nothing(
    run: Run, tmp_path: Path, seed_home: Path, answer: str | None
) -> None:
    """remove, restore and recover each used to word a refusal its own way (「已取消，没有删除任何内容。」 as an
    error, 「已取消，资料库没有改动。」, 「已取消。」) and end of input another: now one line, the bot's too."""
    saved = tmp_path / "备份.db"
    ok(run("backup", str(saved)))
    database = (seed_home / "speechqa.db").read_bytes()
    # (recover asks only about a damaged database: tests/test_cli_odd_use.py refuses it there)
    for command in (["remove", "2"], ["restore", str(saved)]):
        result = run(*command, input=answer)
        assert result.exit_code == 1 and isinstance(result.exception, SystemExit), result.output
        assert result.stderr.splitlines()[-1] == CANCELLED, (command, result.stderr)
        assert result.stdout == "" and "错误" not in result.stderr and "Aborted" not in result.output
    assert (seed_home / "speechqa.db").read_bytes() == database
    assert len(speech_lines(run)) == 5


def test_an_ofd_notice_is_added_from_a_folder_and_its_answer_cited(run: Run, tmp_path: Path) -> None:
    """A notice staff received from the OA system as .ofd (GB/T 33190), in a folder with a Word file."""
    fixtures = Path(__file__).parent / "fixtures"
    folder = tmp_path / "公文"
    folder.mkdir()
    shutil.copy(fixtures / "ofd" / "health_notice.libreoffice.ofd", folder / "体检通知.ofd")
    shutil.copy(fixtures / "ofd" / "training_speech.reportlab.ofd", folder / "培训班讲话.ofd")
    out = ok(run("add", str(folder)))
    assert "新增  #6 关于做好2024年离休干部健康体检工作的通知（某老干发〔2024〕12号） · 2024-04-02" in out
    assert "发文：中共某某市委老干部局" in out and "培训班讲话.ofd" in out
    answer = json.loads(ok(run("ask", "--json", "离休干部体检地点在哪里")))
    top = answer["results"][0]
    assert top["speech_title"] == "关于做好2024年离休干部健康体检工作的通知（某老干发〔2024〕12号）"
    assert top["speech_date"] == "2024-04-02" and top["issuer"] == "中共某某市委老干部局"
    assert "市第一人民医院老年病科" in top["answer_sentence"]["text"]
    assert "新增" not in ok(run("add", str(folder / "体检通知.ofd")))  # added again: nothing changes
