"""`speechqa add 附件.zip`: a zip a colleague mailed, read as a folder — each document in it added as that file
alone (same readers, same identity rule, same lines), cited 「附件.zip › 通知/….docx」, one report per archive —
and every archive that cannot be read refused in one line with nothing changed. Real archives
(tests/fixtures/archives/make_archives.py: Windows-style cp936 names, Info-ZIP, macOS, Info-ZIP encryption;
members by python-docx, LibreOffice and a GBK text), the indexed seed home and the real model, offline."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import pytest

from .test_cli_library import LIBRARY, MEAL, Run, ok, speech_lines, user_error

pytestmark = pytest.mark.slow

ARCHIVES = Path(__file__).parent / "fixtures" / "archives"
NOTICE = "关于做好2027年离休干部健康体检工作的通知"
SPEECH = "在重阳节离退休干部座谈会上的讲话"


def copied(tmp_path: Path, name: str) -> Path:
    return Path(shutil.copy(ARCHIVES / name, tmp_path / name))


def test_a_mailed_zip_is_added_file_by_file_and_reported_once(run: Run, tmp_path: Path) -> None:
    """Windows' 「发送到 › 压缩(zipped)文件夹」 on a Chinese system: GBK names without the UTF-8 flag, folders,
    Thumbs.db. Each document is added as the file alone would be, in the archive's order; the drawing is
    passed over with why, in the archive's report; Thumbs.db is not named."""
    archive = copied(tmp_path, "王科长转来的材料.zip")
    result = run("add", str(archive))
    out = ok(result)
    assert out.index(f"{archive} › 通知/{NOTICE}.docx") < out.index(f"{archive} › 通知/附件/体检须知.txt")
    assert out.index("体检须知.txt") < out.index(f"{archive} › 讲话/{SPEECH}.pdf")
    assert f"新增  #6 {NOTICE} · 2027-04-18 · 发文：中共温州市委老干部局" in out
    assert "新增  #7 体检须知" in out
    assert f"新增  #8 {SPEECH} · 2026-10-29 · 陈建国" in out
    assert "王科长转来的材料.zip：共 4 个文件，新增或更新 3 个，跳过 1 个" in out
    assert "  跳过 流程图.vsdx：不支持这种文件类型" in result.stderr
    assert "Thumbs" not in result.output and "═" not in result.output  # (no cp437 reading of a GBK name)
    lines = speech_lines(run)
    assert f"[5 段 · {archive} › 通知/{NOTICE}.docx]" in lines[5]
    answer = ok(run("ask", "离休干部体检在哪家医院进行？"))
    assert "市第一人民医院健康管理中心" in answer.split("[2]")[0]

    # the same documents from Info-ZIP (UTF-8 names) and from a Mac (its __MACOSX/ and .DS_Store)
    again = run("add", str(copied(tmp_path, "材料-infozip.zip")))
    assert "材料-infozip.zip：共 2 个文件，没有新增，已在资料库中 2 个" in ok(again)
    mac = run("add", str(copied(tmp_path, "材料-mac.zip")))
    assert "材料-mac.zip：共 2 个文件，新增或更新 1 个，已在资料库中 1 个" in ok(mac)
    assert "__MACOSX" not in mac.output and "DS_Store" not in mac.output and "._" not in mac.output
    assert len(speech_lines(run)) == 9

    # the same archive again: nothing changes, as for a file
    assert "王科长转来的材料.zip：共 4 个文件，没有新增，已在资料库中 3 个，跳过 1 个" in ok(
        run("add", str(archive))
    )
    assert len(speech_lines(run)) == 9


def test_a_zip_in_a_folder_is_opened_a_rar_beside_it_is_named(run: Run, tmp_path: Path) -> None:
    folder = tmp_path / "收件箱"
    folder.mkdir()
    (folder / "讲话.txt").write_text(MEAL, encoding="utf-8")
    shutil.copy(ARCHIVES / "材料-mac.zip", folder / "材料-mac.zip")
    (folder / "旧材料.rar").write_bytes(b"Rar!\x1a\x07\x00" + bytes(32))
    result = run("add", str(folder))
    out = ok(result)
    assert "材料-mac.zip › 材料/银龄讲堂通知.txt" in out and "关于加强社区养老服务的讲话" in out
    assert "材料-mac.zip：共 2 个文件，新增或更新 2 个" in out
    assert f"跳过 {folder} 中 1 个压缩包：旧材料.rar（请先解压，再添加解压出的文件或文件夹）" in result.stderr


@pytest.mark.parametrize(
    ("name", "made", "said"),
    [
        (
            "加密的材料.zip",
            None,
            "加密的材料.zip 是加密的压缩包（设了密码），不能读取：请先用密码解压，再添加解压出的文件或文件夹。",
        ),
        (
            "半截.zip",
            lambda: (ARCHIVES / "材料-mac.zip").read_bytes()[:5000],
            "半截.zip 无法解压：压缩包已损坏或不完整（可能没有下载或拷贝完）",
        ),
        ("炸弹.zip", "bomb", "炸弹.zip 解压后过大，疑似损坏或恶意文件，已拒绝。"),
        ("图纸.zip", "drawings", "图纸.zip 中没有可添加的文件（图.dwg：不支持这种文件类型）"),
    ],
)
def test_an_archive_that_cannot_be_read_is_one_line_exit_1_and_nothing_changes(
    run: Run, tmp_path: Path, name: str, made: object, said: str
) -> None:
    archive = tmp_path / name
    if made is None:
        shutil.copy(ARCHIVES / name, archive)
    elif made == "bomb":  # 20 MB of zeros in 20 KB
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as packed:
            packed.writestr("零.txt", bytes(20 * 1024 * 1024))
    elif made == "drawings":
        with zipfile.ZipFile(archive, "w") as packed:
            packed.writestr("图.dwg", b"x")
    else:
        archive.write_bytes(made())  # type: ignore[operator]
    before = speech_lines(run)
    result = run("add", str(archive))
    out = user_error(result, said, "没有添加任何文件")
    assert "Traceback" not in out and out.count("\n") == 2, out
    assert speech_lines(run) == before


def test_a_member_that_cannot_be_read_does_not_stop_the_others(run: Run, tmp_path: Path) -> None:
    """As in a folder: the file that fails is named, the others are added and kept, exit 1 says some were not."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as packed:
        packed.writestr("1/讲话.txt", MEAL)
        packed.writestr("2/坏的.docx", b"PK\x03\x04 cut short")
        packed.writestr("3/讲话.txt", LIBRARY.encode("gb18030"))
        packed.writestr("../../逃出去.txt", MEAL)
    archive = tmp_path / "材料.zip"
    archive.write_bytes(out.getvalue())
    result = run("add", str(archive))
    text = user_error(
        result, "✗ 材料.zip › 2/坏的.docx 不是有效的", "1 个文件没有添加（见上），其余 3 个已处理"
    )
    assert "新增  #6 关于加强社区养老服务的讲话" in text and "新增  #7 关于老年大学办学工作的讲话" in text
    assert "材料.zip：共 4 个文件，新增或更新 2 个，跳过 1 个，没有读入 1 个（见上）" in text
    assert "  跳过 ../../逃出去.txt：路径指向压缩包之外，疑似恶意文件，没有读取" in result.stderr
    assert len(speech_lines(run)) == 7
