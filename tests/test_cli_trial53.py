"""What a newcomer met on the command line in trial 53 (docs/trial53.md), through `speechqa` itself on the
indexed seed home: an unknown `--speech` id said as `show` says it, the synonyms' refusals quoting with 「」 as
every other line does, and a restore's safety copy named in the users' time (Beijing), as pins and exports are.

Before (main at 9143032): 「没有编号为 9 的讲话（speechqa speeches 可列出全部）。」 for `ask --speech 9` where
`show 9` said 「…：讲话编号最大到 #5…」, and the same line for a speech removed; 「“老干局”和它自己不需要登记为同义词。」;
`restore` at 05:59 Beijing time saved 「before-restore-20261205-215923.db」 on a server kept in UTC."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest

from index import BEIJING

from .test_cli_library import Run, ok, user_error


def error_line(output: str) -> str:
    (line,) = [line for line in output.splitlines() if line.startswith("错误：")]
    return line


def speech_ids(run: Run) -> list[int]:
    return [int(m) for m in re.findall(r"^\s*(\d+)\s", ok(run("speeches")), re.M)]


def test_an_unknown_speech_filter_is_said_as_show_says_it(run: Run) -> None:
    ids = speech_ids(run)
    beyond = max(ids) + 4
    refused = user_error(run("ask", "--speech", str(beyond), "老年大学"), f"讲话编号最大到 #{max(ids)}")
    assert error_line(refused) == error_line(user_error(run("show", str(beyond))))

    removed = ids[-1]
    ok(run("remove", str(removed), "--yes"))
    refused = user_error(run("ask", "--speech", str(removed), "老年大学"), "它已删除")
    assert error_line(refused) == error_line(user_error(run("show", str(removed))))
    # a known id beside an unknown one: the unknown one is named, the filter is not half applied
    refused = user_error(run("ask", "--speech", str(ids[0]), "--speech", str(beyond), "老年大学"))
    assert f"没有编号为 {beyond} 的讲话" in refused and f"没有编号为 {ids[0]} " not in refused


def test_the_synonyms_refusals_quote_words_as_every_other_line_does(run: Run) -> None:
    for args, quoted in [
        (("synonyms", "add", "老干局", "老干局"), "「老干局」"),
        (
            ("synonyms", "remove", "离休干部", "离休老干部"),
            "「离休干部 ↔ 离休老干部」",
        ),  # the bundled lexicon's
        (("synonyms", "remove", "夕阳红", "老年大学"), "「夕阳红 ↔ 老年大学」"),
    ]:
        refused = user_error(run(*args), quoted)
        assert "“" not in refused and "”" not in refused, refused


@pytest.fixture
def server_in_another_zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The process's local time is not Beijing's (a server or container kept in UTC, or one abroad)."""
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_a_restores_safety_copy_is_named_in_beijing_time(
    run: Run, tmp_path: object, server_in_another_zone: None
) -> None:
    backup = f"{tmp_path}/备份.db"
    ok(run("backup", backup))
    before = datetime.now(BEIJING).replace(microsecond=0, tzinfo=None)
    said = ok(run("restore", "--yes", backup))
    after = datetime.now(BEIJING).replace(tzinfo=None)
    stamp = re.search(r"before-restore-(\d{8}-\d{6})(?:-\d+)?\.db", said)
    assert stamp is not None, said
    saved = datetime.strptime(stamp.group(1), "%Y%m%d-%H%M%S")
    assert before <= saved <= after + timedelta(seconds=1), (before, saved, after)
