"""`speechqa` used the way a new member of staff uses it on their own desk folder (trial 33): a folder with
pictures that are not scans, the same folder named twice, odd file names. The real command, a copy of the
seed home, the bundled model, real files, offline."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from corpus import bundled_corpus_files, installed_engines
from retrieval import CANCELLED

from .test_cli_first_use import NOTICE_PARTS
from .test_cli_library import fill, home_on_small_disk, ok

pytestmark = pytest.mark.slow

DESK = Path(__file__).parent / "fixtures" / "desk"
needs_ocr = pytest.mark.skipif(not installed_engines(), reason="no OCR engine installed")

Run = Callable[..., Result]


def speech_count(run: Run) -> int:
    return len(ok(run("speeches")).strip().splitlines())


def notice(folder: Path, name: str = "通知.txt") -> Path:
    path = folder / name
    path.write_text("\n".join(text for _, text in NOTICE_PARTS), encoding="utf-8")
    return path


# -- a chart or a photo is no scan ------------------------------------------------------------------------


@needs_ocr
@pytest.mark.parametrize("picture", ["chart.matplotlib.png", "pie.matplotlib.jpg"])
def test_a_chart_picture_given_by_name_is_refused_in_one_line_and_nothing_is_stored(
    run: Run, tmp_path: Path, picture: str
) -> None:
    before = speech_count(run)
    result = run("add", str(DESK / picture))
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert f"✗ {picture} 像是图表或照片，不是讲话或通知的扫描件" in result.stderr
    assert "没有成句的文字" in result.stderr
    assert speech_count(run) == before


@needs_ocr
def test_a_chart_in_a_folder_of_speeches_is_passed_over_by_name_and_the_speeches_are_added(
    run: Run, tmp_path: Path
) -> None:
    folder = tmp_path / "desk"
    folder.mkdir()
    shutil.copy(DESK / "chart.matplotlib.png", folder / "宣讲场次图.png")
    notice(folder)
    before = speech_count(run)
    result = run("add", str(folder))
    out = ok(result)  # a folder holding a chart beside its notices is not a failed add
    assert "跳过：宣讲场次图.png 像是图表或照片，不是讲话或通知的扫描件" in result.stderr
    assert "新增" in out
    assert speech_count(run) == before + 1  # the notice, not the chart


# -- the same files named twice ----------------------------------------------------------------------------


def test_a_folder_named_twice_and_a_file_inside_it_are_each_read_once(run: Run, tmp_path: Path) -> None:
    folder = tmp_path / "讲话 稿"
    folder.mkdir()
    first = notice(folder)
    (folder / "人数统计.numbers").write_bytes(b"PK\x03\x04")  # passed over: to be named once, not per mention
    result = run(
        "add", str(folder), str(folder) + "/", str(first), str(folder / ".." / folder.name / first.name)
    )
    out = ok(result)
    assert result.stderr.count("人数统计.numbers") == 1, result.stderr
    assert out.count(str(first)) == 1, out  # one line for the file, under the name it was first given by
    assert sum(1 for line in out.splitlines() if line.startswith("  新增")) == 1  # the speech's line
    assert (
        "共 2 个文件：新增 1 篇；跳过 1 个（见上）" in out.splitlines()
    )  # the notice and the .numbers, once each


def test_a_link_beside_its_target_is_read_once(run: Run, tmp_path: Path) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    target = notice(folder, "通知（定稿）.txt")
    (folder / "快捷方式 通知.txt").symlink_to(target)
    out = ok(run("add", str(folder)))
    assert out.count("新增") == 1 and "重复" not in out, out


# -- recover on a whole database ---------------------------------------------------------------------------


def test_recover_on_a_whole_database_says_so_and_changes_nothing(run: Run, seed_home: Path) -> None:
    """A newcomer runs `recover` 「just in case」: it used to ask, then set the whole database aside as
    「损坏的原文件」 (speechqa.db.damaged-…) and rebuild the index."""
    database = (seed_home / "speechqa.db").read_bytes()
    for args in (["recover"], ["recover", "--yes"]):
        result = run(*args)
        out = ok(result)
        assert out.strip() == "资料库完好（完整性检查通过），不需要抢救；没有做任何改动。", out
        assert "[Y/n]" not in result.output
    assert not list(seed_home.glob("speechqa.db.damaged-*"))
    assert (seed_home / "speechqa.db").read_bytes() == database


def test_recover_on_a_damaged_database_still_asks_and_a_refusal_changes_nothing(
    run: Run, seed_home: Path
) -> None:
    path = seed_home / "speechqa.db"
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        root = db.execute("SELECT rootpage FROM sqlite_master WHERE name = 'queries'").fetchone()[0]
    db.close()
    data = bytearray(path.read_bytes())
    data[(root - 1) * 4096 : root * 4096] = b"\xa5" * 4096  # the query log's root page
    path.write_bytes(bytes(data))
    result = run("recover", input="n\n")
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit), result.output
    assert result.stderr.splitlines()[-1] == CANCELLED
    assert path.read_bytes() == bytes(data) and not list(seed_home.glob("speechqa.db.damaged-*"))
    recovered = ok(run("recover", "--yes"))
    assert "已抢救" in recovered and list(seed_home.glob("speechqa.db.damaged-*"))


# -- a disk that fills up halfway through a folder ----------------------------------------------------------


@pytest.mark.parametrize("leave_kb", [400, 450, 500])
def test_a_disk_filling_up_halfway_through_a_folder_names_what_was_kept(
    run: Run, seed_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, leave_kb: int
) -> None:
    """The first file of the folder fits, the second (the bundled speeches' 151 passages, their vectors
    cached: no embedding) does not. It used to end in 「speechqa 内部出错」 when the lexical index's write
    came up short (numpy's OSError has no errno), and a full disk said 「这次的改动没有保存，资料库保持原样」
    although the first file was kept."""
    for speech in ("2", "3", "4", "5"):  # one speech stays: an empty library would be given the bundled ones
        ok(run("remove", speech, "--yes"))
    folder = tmp_path / "讲话 稿"
    folder.mkdir()
    small = notice(folder, "a 通知.txt")
    shutil.copy(bundled_corpus_files()[0], folder / "b 讲话汇编.txt")
    with home_on_small_disk(seed_home, tmp_path) as (disk, home):
        monkeypatch.setenv("SPEECHQA_HOME", str(home))
        filler = fill(disk, leave_kb * 1024)
        result = run("add", str(folder))
        assert result.exit_code == 1 and isinstance(result.exception, SystemExit), result.output
        assert "内部出错" not in result.output
        assert result.stderr.splitlines()[-1] == (
            f"错误：数据目录所在的磁盘空间不足：{home}。1 个文件已处理完毕并保留；"
            "正在处理的文件和其后的文件没有加入，资料库和索引保持它之前的样子：请腾出空间后再运行一次同样的 "
            "speechqa add（已加入的不会重复加入）。"
        )
        assert f"{small}\n  新增" in result.stdout
        filler.unlink()
        assert "正常：2 篇讲话" in ok(run("health"))
        again = ok(run("add", str(folder)))  # with room again: the rest is added, the first not twice
        # (counted by the speeches' own lines: the count line after them says 「新增 4 篇」 too, trial 60)
        assert sum(line.startswith("  新增") for line in again.splitlines()) == 4 and "未变化" in again, again


# -- output to a full disk, output cut short -------------------------------------------------------------

ROOT = Path(__file__).resolve().parent.parent


def speechqa(home: Path, *args: str, stdout: object) -> subprocess.CompletedProcess[str]:
    """The real `speechqa` process (its own main(), as installed), stdout where a shell would send it."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SPEECHQA_HOME": str(home), "HF_HUB_OFFLINE": "1"}
    return subprocess.run(
        [sys.executable, "-c", "import cli, sys; sys.argv[0] = 'speechqa'; sys.exit(cli.main())", *args],
        env=env,
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        timeout=300,
    )


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
@pytest.mark.parametrize(
    "command", [["speeches"], ["ask", "-k", "1", "离休干部体检规定是什么？"], ["show", "2"]]
)
def test_output_sent_to_a_full_disk_is_said_as_the_full_disk_not_as_a_defect(
    seed_home: Path, command: list[str]
) -> None:
    """`speechqa speeches > 清单.txt` on a full disk used to end in 「speechqa 内部出错…这是程序的问题」."""
    with open("/dev/full", "w") as full:
        done = speechqa(seed_home, *command, stdout=full)
    assert done.returncode == 1
    assert done.stderr.strip().splitlines()[-1] == (
        "错误：输出没有写完：输出写入的磁盘空间不足，请腾出空间后重试。"
    ), done.stderr
    assert "内部出错" not in done.stderr and "Traceback" not in done.stderr and "Exception" not in done.stderr


def test_output_cut_short_by_a_pipe_ends_quietly(seed_home: Path) -> None:
    """`speechqa speeches | head -1`: the reader goes away; no BrokenPipeError, no traceback."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SPEECHQA_HOME": str(seed_home), "HF_HUB_OFFLINE": "1"}
    main = "import cli, sys; sys.argv[0] = 'speechqa'; sys.exit(cli.main())"
    done = subprocess.run(
        f"{shlex.quote(sys.executable)} -c {shlex.quote(main)} show 2 | head -1",
        shell=True,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.stdout.strip() == "开创老干部工作新局面 努力为温州第三次跨越作贡献"
    assert (
        "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr and "内部出错" not in done.stderr
    )


# -- a question typed without quotes ------------------------------------------------------------------------


def test_a_question_typed_without_quotes_is_asked_as_one_question(run: Run) -> None:
    """`speechqa ask 离休干部 体检规定`: the shell splits it at the space; it used to be refused as
    「用法错误：多余的参数：体检规定」."""
    result = run("ask", "--json", "离休干部", "体检规定", "-k", "1")
    answer = json.loads(ok(result))
    assert answer["query"] == "离休干部 体检规定"
    assert "要落实好离休干部每年一次体检的规定" in answer["results"][0]["text"]
    quoted = json.loads(ok(run("ask", "--json", "离休干部 体检规定", "-k", "1")))
    assert quoted["results"] == answer["results"]


# -- a question set written by hand -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ('{"query": "体检几点开始", "answers": ["体检时间"]}', "缺少 question 字段"),
        ("not json", "不是 JSON（第 1 列起读不通）"),
    ],
)
def test_a_hand_written_question_set_line_says_what_is_wrong_in_chinese(
    run: Run, tmp_path: Path, line: str, reason: str
) -> None:
    """It used to end in a KeyError's 「：'question'」 or json's English 「Expecting value: line 1 column 1」."""
    path = tmp_path / "题集.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    result = run("eval", str(path))
    assert result.exit_code == 1
    assert result.stderr.strip() == f"错误：{path} 第 1 行格式不对（需要 question 与 answers 字段）：{reason}"
