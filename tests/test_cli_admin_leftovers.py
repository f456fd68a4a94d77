"""End-to-end tests of what trial 37 left (docs/trial38.md): a near-copy warning that survives an `add` killed
after its commit, no advice to delete between notices of one template, `restore` into an empty data home,
`health` right after an upgrade, and a speaker renamed across speeches. The real `speechqa` command and model,
real Word files (python-docx: scripts/trial/make_trial38_docs.py wrote tests/fixtures/trial38/)."""

from __future__ import annotations

import json
import signal
import sqlite3
from pathlib import Path

import pytest

from index import Store, shown_source
from retrieval import SpeechService

from .test_add_interrupt import start_add
from .test_cli_library import EXAMPLE, Run, ok, user_error
from .test_crash_safety import wait_for_stage

DOCS = Path(__file__).parent / "fixtures" / "trial38"
CLUB = DOCS / "读书会通知.docx"
CLUB_REVISED = DOCS / "读书会通知（修改稿）.docx"  # the venue moved, the date a week later: the same title
MARCH, APRIL = DOCS / "老年大学课程安排2025年3月.docx", DOCS / "老年大学课程安排2025年4月.docx"
ADVICE = "如果这是它的更正版，请删除旧版：speechqa remove"


def speech_id(output: str, file: Path) -> int:
    """The id `add` reported for the (one) speech of a file."""
    lines = output.splitlines()
    at = next(i for i, line in enumerate(lines) if line.endswith(file.name))
    return int(lines[at + 1].split("#")[1].split()[0])


@pytest.mark.slow
def test_a_near_copy_warning_survives_an_add_killed_after_its_commit(
    run: Run, seed_home: Path, tmp_path: Path
) -> None:
    """trial 37: the 修改稿 was stored by an `add` killed before it printed 「与已有的 #23 内容相近」; the next
    `add` said 「未变化」 and nothing else, and both versions answered side by side unnoticed."""
    first = speech_id(ok(run("add", str(CLUB))), CLUB)
    stage = tmp_path / "stage"
    process = start_add(seed_home, CLUB_REVISED, stage, pause=0.4)
    try:  # SIGKILL once the file is committed and its index swapped in, before the report is printed
        reached = wait_for_stage(process, stage, "swapped", timeout=600)
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()
    assert reached, process.stderr.read().decode() if process.stderr else ""
    # the monitoring check says it (exit 0: the library answers), and the listing marks it
    checked = ok(run("health")).strip()
    assert checked.startswith("正常：7 篇讲话") and f"#{first}" in checked and "内容相近" in checked
    listed = ok(run("speeches"))
    assert f"⚠ 与 #{first} 内容相近（重合 " in listed and f"{ADVICE} {first}" in listed
    # the next add of the same file: unchanged, and the warning it never showed
    again = ok(run("add", str(CLUB_REVISED)))
    assert (
        "未变化" in again
        and f"注意：与已有的 #{first} 内容相近（重合 " in again
        and f"{ADVICE} {first}" in again
    )
    # said once: the add after it, and health, no longer repeat it; the listing still marks the pair
    assert "注意" not in ok(run("add", str(CLUB_REVISED)))
    assert "注意" not in ok(run("health"))
    assert f"⚠ 与 #{first}" in ok(run("speeches"))
    # removing the older version ends the finding
    ok(run("remove", str(first), "--yes"))
    assert "⚠" not in ok(run("speeches"))


@pytest.mark.slow
def test_notices_of_one_template_get_no_advice_to_delete_and_a_revised_notice_does(run: Run) -> None:
    """trial 37: September's activity notice was told 「与已有的 #9 内容相近（重合 51%）…请删除旧版」 of February's."""
    added = ok(run("add", str(MARCH), str(APRIL)))
    march = speech_id(added, MARCH)
    assert f"与已有的 #{march} 是同一模板的另一份通知（重合 " in added and "不是更正版，两篇都保留" in added
    assert "请删除" not in added and "注意" not in added
    assert "⚠" not in ok(run("speeches"))
    revised = ok(run("add", str(CLUB), str(CLUB_REVISED)))
    club = speech_id(revised, CLUB)
    assert f"注意：与已有的 #{club} 内容相近（重合 " in revised and f"{ADVICE} {club}" in revised


@pytest.mark.slow
def test_a_revised_notice_added_before_its_original_is_named_as_the_older_one(run: Run) -> None:
    """Files are not always added in the order they were written: the one dated earlier is the one to delete."""
    revised = speech_id(ok(run("add", str(CLUB_REVISED))), CLUB_REVISED)
    said = ok(run("add", str(CLUB)))
    original = speech_id(said, CLUB)
    assert f"与已有的 #{revised} 内容相近" in said
    assert f"这篇的日期更早，可能是它的旧版：如果是，请删除这篇：speechqa remove {original}" in said


def test_restore_into_a_new_empty_data_home_speaks_of_no_earlier_library(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    backup = tmp_path / "备份.db"
    ok(run("backup", str(backup)))
    fresh = tmp_path / "new-machine"
    monkeypatch.setenv("SPEECHQA_HOME", str(fresh))
    asked = run("restore", str(backup), input="n\n")  # the question asked before: no 「当前资料库」 either
    assert "当前资料库" not in asked.output and f"恢复到数据目录 {fresh}（它原来是空的）？" in asked.output
    restored = ok(run("restore", "--yes", str(backup)))
    assert "已恢复：讲话 5" in restored and "原资料库" not in restored
    assert "数据目录原来是空的，没有需要另存的资料库" in restored
    assert not (fresh / "backups").exists()
    # a second restore over it: now there is a library to save, and it is said
    again = ok(run("restore", "--yes", str(backup)))
    assert "原资料库另存为" in again and len(list((fresh / "backups").glob("before-restore-*.db"))) == 1


def test_health_right_after_an_upgrade_warns_with_exit_0_until_the_next_command_rebuilds(
    run: Run, seed_home: Path
) -> None:
    """An index built by an older release still loads and answers, and the next question rebuilds it by itself
    in seconds: a monitoring check run first must not alarm (trial 37: exit 1)."""
    live = seed_home / "index" / (seed_home / "index" / "CURRENT").read_text(encoding="utf-8").strip()
    manifest = json.loads((live / "manifest.json").read_text(encoding="utf-8"))
    (live / "manifest.json").write_text(json.dumps({**manifest, "lexical_text": 1}), encoding="utf-8")
    (said,) = ok(run("health")).splitlines()
    assert said.startswith("正常（索引待更新）：5 篇讲话") and "索引是旧版 speechqa 建立的" in said
    assert "会先自动重建" in said
    ok(run("ask", EXAMPLE))
    assert ok(run("health")).startswith("正常：5 篇讲话")


def test_a_source_without_a_path_is_named_with_where_it_came_from_never_its_stored_marker(
    run: Run, seed_home: Path
) -> None:
    """trial 40: `speeches`, `show` and `remove` showed the bundled speeches' source as 「bundled:speeches-2024-
    laoganbu.txt」 and a file sent to the bot as 「upload:9edc7c45010cb2b9/通知.docx」 (the bot says 「speechqa 自带的示例讲话」)."""
    listed = ok(run("speeches"))
    assert (
        "bundled:" not in listed
        and listed.count("speeches-2024-laoganbu.txt（speechqa 自带的示例讲话）]") == 5
    )
    assert "来源：speeches-2024-laoganbu.txt（speechqa 自带的示例讲话）" in ok(run("show", "1"))
    assert shown_source("upload:9edc7c45010cb2b9/通知.docx", "通知.docx") == "通知.docx（通过机器人发来）"
    assert shown_source("/srv/材料/通知.docx", "通知.docx") == "/srv/材料/通知.docx"
    assert shown_source(None, "通知.docx") == "通知.docx"


def test_a_notice_is_listed_and_searched_by_its_issuer_as_its_citation_names_it(
    run: Run, seed_home: Path
) -> None:
    """trial 40: a notice is cited 「发文：中共温州市委老干部局」 where a speech names its speaker, and `speeches
    --speaker` / `ask --speaker` with that name found no speech."""
    ok(run("edit", "5", "--speaker", "", "--issuer", "中共温州市委老干部局、温州市财政局"))
    listed = ok(run("speeches", "--speaker", "温州市财政局"))
    assert [line.split()[0] for line in listed.splitlines()] == [
        "5"
    ] and "发文：中共温州市委老干部局" in listed
    asked = ok(run("ask", "-k", "3", "--speaker", "中共温州市委老干部局", "老干部工作"))
    assert "仅限：中共温州市委老干部局" in asked and "不加筛选" not in asked
    assert {line.split("讲话 #")[1].split()[0] for line in asked.splitlines() if "讲话 #" in line} == {"5"}


def test_a_speaker_renamed_across_speeches_is_listed_filtered_and_asked_by_the_new_name(
    run: Run, seed_home: Path
) -> None:
    """trial 37: renaming 周海艳 to 周海燕 took one `edit` per speech, and `speeches` could not list one
    speaker's speeches."""
    ok(run("edit", "3", "--speaker", "沈玮"))  # the typo, in two speeches
    ok(run("edit", "4", "--speaker", "沈玮、王建国"))
    assert [line.split()[0] for line in ok(run("speeches", "--speaker", "沈伟")).splitlines()] == ["2"]
    assert [line.split()[0] for line in ok(run("speeches", "--speaker", "沈 玮")).splitlines()] == ["3", "4"]
    refused = user_error(run("speeches", "--speaker", "沈卫"))
    assert refused.strip().splitlines()[-1] == (
        "错误：没有讲话人「沈卫」的讲话；相近的讲话人：沈伟、沈玮（speechqa speeches 可列出全部）。"
    )
    before = sqlite3.connect(seed_home / "speechqa.db").execute("SELECT * FROM corrections").fetchall()
    refused = user_error(run("edit", "--rename-speaker", "沈薇薇", "沈伟"))
    assert "没有讲话人「沈薇薇」的讲话" in refused
    assert (
        sqlite3.connect(seed_home / "speechqa.db").execute("SELECT * FROM corrections").fetchall() == before
    )
    renamed = ok(run("edit", "--rename-speaker", "沈 玮", "沈伟"))
    assert renamed.strip() == "已把讲话人「沈玮」改为「沈伟」：2 篇讲话（#3、#4）"
    listed = ok(run("speeches", "--speaker", "沈伟"))
    assert [line.split()[0] for line in listed.splitlines()] == ["2", "3", "4"]
    assert "沈伟、王建国" in listed  # the other speaker of a joint speech kept
    assert "已经是这样写的" in ok(run("edit", "--rename-speaker", "沈伟", "沈伟"))
    asked = json.loads(ok(run("ask", "--json", "沈伟同志讲话中关于老年大学的内容")))
    assert asked["filters"]["speakers"] == ["沈伟"] and {r["speech_id"] for r in asked["results"]} <= {
        2,
        3,
        4,
    }
    assert "仅限：沈伟" in ok(run("ask", "沈伟同志讲话中关于老年大学的内容"))
    # the renames are corrections: they survive a rebuild
    ok(run("rebuild"))
    assert "沈玮" not in ok(run("speeches"))
    usage = run("edit", "3", "--rename-speaker", "沈伟", "沈玮")
    assert (
        usage.exit_code == 1
        and "用法错误：--rename-speaker 改的是所有讲话，不要同时给出讲话编号" in usage.output
    )


def test_a_running_service_sees_a_speaker_renamed_by_another_process_at_once(
    seed_service: SpeechService,
) -> None:
    """The bot's filters (its speakers read once per store revision) missed a speaker edited on the command
    line: a speaker's edit leaves the revision, as it leaves the index."""
    question = "沈玮讲话中关于老年大学的内容"
    before = seed_service.retriever.search(
        question
    ).filters  # the speakers read, as the bot's first question does
    assert before is None or before.detected.speakers != ("沈玮",)
    other = Store(seed_service.library.store.path)
    try:
        other.rename_speaker("沈伟", "沈玮")
    finally:
        other.close()
    answer = seed_service.retriever.search(question, auto_filter=True)
    assert answer.filters is not None and answer.filters.detected.speakers == ("沈玮",)
    assert {hit.passage.speech_id for hit in answer.hits} == {2}
