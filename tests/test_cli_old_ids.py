"""`speechqa context`, `pin` and `show` with an id copied from an earlier answer, after its speech was added
again: followed to the passage or speech holding the same text now, as the bot's buttons follow one, and said
in one line; an id that leads nowhere is refused with what is known of it (exit 1). docs/trial39.md, item 1.

Before (main at cc78404): 「没有编号为 152 的段落（结果中的「段落 #」即段落编号）。」 for a passage still there under
another number, and the same line for one whose speech was removed and for one never given."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .test_cli_library import Run, ok, user_error, write

NOTICE = """关于老干部活动中心开放时间的通知

各离退休干部党支部：

老干部活动中心自2026年1月1日起调整开放时间。周一至周五上午八点半开门，下午五点闭馆。

健身房每天下午四点半停止入场，请大家合理安排锻炼时间。

阅览室新增报刊二十种，欢迎大家前来阅读。

中共温州市委老干部局
2025年12月20日
"""
CORRECTED = NOTICE.replace("二十种", "三十种")


def passage_ids(run: Run, speech_id: int) -> dict[str, int]:
    """A speech's passages as `show` lists them: text -> id."""
    found = re.findall(r"^  #(\d+) (.+)$", ok(run("show", str(speech_id))), re.M)
    return {text: int(number) for number, text in found}


def added_id(output: str) -> int:
    return int(re.search(r"(?:新增|已更新)  #(\d+) ", output).group(1))  # type: ignore[union-attr]


@pytest.mark.slow
def test_an_old_passage_id_is_followed_after_its_speech_was_added_again_and_said(
    run: Run, tmp_path: Path
) -> None:
    path = write(tmp_path / "通知.txt", NOTICE)
    speech = added_id(ok(run("add", str(path))))
    before = passage_ids(run, speech)
    head = next(i for t, i in before.items() if t.startswith("发文机关"))  # its text stays the same
    body = next(i for t, i in before.items() if "二十种" in t)  # its text is corrected

    write(path, CORRECTED)
    assert added_id(ok(run("add", str(path)))) == speech  # updated in place: every passage renumbered
    after = passage_ids(run, speech)
    moved = next(i for t, i in after.items() if t.startswith("发文机关"))
    assert moved != head

    shown = run("context", str(head))
    assert f"段落 #{head} 已重新编号为 #{moved}（讲话重新加入过）" in ok(shown)
    assert f"▶ #{moved} " in shown.stdout  # the passage holding that text now, marked
    assert "已重新编号" not in run("context", "--json", str(head)).stdout  # JSON on stdout stays JSON

    pinned = ok(run("pin", "健身房几点停止入场", str(head)))
    assert f"已重新编号为 #{moved}" in pinned and f"→ 段落 #{moved}《" in pinned

    user_error(
        run("context", str(body)),
        f"没有编号为 {body} 的段落了：这段原文后来修改过",
        f"讲话 #{speech}《关于老干部活动中心开放时间的通知》",
        f"speechqa show {speech}",
    )
    user_error(run("pin", "阅览室有多少报刊", str(body)), "这段原文后来修改过")

    # removed, then added back under a new id: the old speech id and passage ids lead to it
    ok(run("remove", str(speech), "--yes"))
    user_error(run("context", str(moved)), f"它所在的讲话 #{speech} 已删除")
    user_error(run("show", str(speech)), f"没有编号为 {speech} 的讲话了：它已删除")
    back = added_id(ok(run("add", str(path))))
    assert back != speech
    again = run("show", str(speech))
    assert f"讲话 #{speech} 已重新编号为 #{back}（讲话重新加入过）" in ok(again)
    assert "健身房每天下午四点半停止入场" in again.stdout
    assert f"段落 #{head} 已重新编号为 #" in ok(run("context", str(head)))
    # remove and edit name the speech now holding it, and change nothing by an old id
    user_error(run("remove", str(speech), "--yes"), f"现在是 #{back}《")
    assert f"  {back}  关于老干部活动中心开放时间的通知" in ok(run("speeches"))


@pytest.mark.slow
def test_an_id_never_given_is_refused_with_the_highest_one(run: Run) -> None:
    listed = ok(run("speeches"))
    last_speech = max(int(n) for n in re.findall(r"^\s+(\d+)  ", listed, re.M))
    user_error(run("context", "99999"), "没有编号为 99999 的段落：段落编号最大到 #")
    user_error(run("pin", "体检", "99999"), "没有编号为 99999 的段落：段落编号最大到 #")
    user_error(run("show", "99999"), f"没有编号为 99999 的讲话：讲话编号最大到 #{last_speech}")
    user_error(run("remove", "99999", "--yes"), "讲话编号最大到 #")
