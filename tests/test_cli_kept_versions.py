"""`speechqa keep-both ID ID`: an office that keeps a notice and its 修改稿 both (on purpose) ends their near-copy
warning in `speeches` and `health`; `add` names the command beside 「请删除旧版」. The real command and model, the
Word files of trial 38 (python-docx: scripts/trial/make_trial38_docs.py). docs/trial39.md, item 2.

Before (main at cc78404): the ⚠ line stayed under the speech in `speeches` for as long as both were stored."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from .test_cli_admin_leftovers import CLUB, CLUB_REVISED, speech_id
from .test_cli_library import Run, ok, user_error


@pytest.mark.slow
def test_keep_both_ends_the_warning_of_two_versions_and_refuses_a_pair_without_one(
    run: Run, seed_home: Path
) -> None:
    added = ok(run("add", str(CLUB), str(CLUB_REVISED)))
    club, revised = speech_id(added, CLUB), speech_id(added, CLUB_REVISED)
    assert f"请删除旧版：speechqa remove {club}；两篇都要保留：speechqa keep-both {revised} {club}" in added
    assert f"speechqa keep-both {revised} {club}" in ok(run("speeches"))
    # while both answer, the corrected version is shown (in place of the old passage it repeats), and a result
    # of the older one, wherever shown, says that a corrected version stands beside it
    asked = ok(run("ask", "-k", "10", "读书会在哪里举办"))
    assert f"讲话 #{revised} · 段落 #" in asked and f"⚠ 有更正版 #{club}" not in asked
    old_lines = [line for line in asked.splitlines() if f"讲话 #{club} · 段落 #" in line]
    assert all(line.endswith(f"⚠ 有更正版 #{revised}，请以更正版为准") for line in old_lines)

    user_error(
        run("keep-both", "1", str(club)),
        f"#1 与 #{club} 之间没有「内容相近」的提示",
        f"它们的提示是：speechqa keep-both {revised} {club}",
    )
    user_error(run("keep-both", "1", "2"), "speechqa speeches 中带 ⚠ 的讲话才有这样的提示")
    user_error(run("keep-both", str(club), "99999"), "没有编号为 99999 的讲话：讲话编号最大到 #")

    kept = ok(run("keep-both", str(club), str(revised)))  # either order
    assert kept.startswith(f"已记下：#{revised} 与 #{club} 两篇都保留，不再提示内容相近")
    assert ok(run("keep-both", str(revised), str(club))) == kept  # said again: changes nothing
    listed = ok(run("speeches"))
    assert "⚠" not in listed and f"  {club}  " in listed and f"  {revised}  " in listed
    assert "注意" not in ok(run("health")) and "注意" not in ok(run("add", str(CLUB_REVISED)))
    assert "有更正版" not in ok(run("ask", "-k", "10", "读书会在哪里举办"))  # kept both: both stand
    with sqlite3.connect(seed_home / "speechqa.db") as db:  # the migration's name, as the report gives it
        assert db.execute("SELECT 1 FROM _migrations WHERE name = '019_kept_versions'").fetchone()

    # removing one of them ends the record with the finding: a new version added later is warned of again
    ok(run("remove", str(club), "--yes"))
    user_error(run("keep-both", str(club), str(revised)), f"没有编号为 {club} 的讲话了：它已删除")
