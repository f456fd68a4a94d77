"""`speechqa add 收件箱.mbox` and `add --check`: a Thunderbird mail folder (benchmarks/corpus-cold39's) read as
a folder of mails — each added as the same mail saved as .eml, cited 「老干部局来信.mbox › subject.eml」, one
report —, `show` citing it; added again, nothing twice; an empty mailbox, or one of no readable mail, one
Chinese line each and exit 1, nothing added. The indexed seed home and the real model, offline."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from .test_cli_library import Run, ok, speech_lines, user_error
from .test_corpus_mbox import DRUMS, HAIRCUT, THUNDERBIRD

pytestmark = pytest.mark.slow


def test_a_thunderbird_folder_is_added_mail_by_mail_and_checked(run: Run, tmp_path: Path) -> None:
    box = Path(shutil.copy(THUNDERBIRD, tmp_path / THUNDERBIRD.name))
    out = ok(run("add", "--check", str(box)))
    assert f"{box} › {DRUMS}.eml\n  新增  #6 {DRUMS} · 2035-03-12 · 发文：县委老干部局文体科" in out
    assert f"✓ {box.name} › {DRUMS}.eml：正文 7 句全部进入段落" in out
    assert f"{box} › {HAIRCUT}.eml" in out and f"{box}：共 2 封邮件，新增或更新 2 封" in out
    assert f"来源：{box} › {DRUMS}.eml" in ok(run("show", "6"))
    assert "30名" in ok(run("ask", "腰鼓队招募多少名队员？")).split("[2]")[0]
    assert f"{box}：共 2 封邮件，没有新增，已在资料库中 2 封" in ok(run("add", str(box)))
    assert len(speech_lines(run)) == 7


def test_an_empty_or_unreadable_mailbox_is_one_line_and_adds_nothing(run: Run, tmp_path: Path) -> None:
    empty = tmp_path / "空的.mbox"
    empty.write_bytes(b"")
    user_error(
        run("add", str(empty)),
        "✗ 空的.mbox 中没有邮件（邮箱是空的）：请在邮件程序中确认导出的文件夹里有邮件。",
    )
    junk = tmp_path / "乱码.mbox"
    junk.write_bytes(b"From - Thu Mar 12 09:30:00 2035\nX-Junk: 1\n\nnot a mail\n")
    result = run("add", str(junk))
    user_error(
        result, "✗ 乱码.mbox › （无主题）.eml 不是有效的邮件文件（.eml）：没有发件人、收件人、时间或主题"
    )
    assert "Traceback" not in result.output and "Error" not in result.output
    assert len(speech_lines(run)) == 5
