"""After trial 60 (docs/trial60.md, 「After the trial: ident60」): versions of one speech told apart wherever staff
look, and a copy never the file cited.

- A byte-identical copy in 「备份/」 (or named 「X - 副本」, 「复件 X」, 「X (1)」) sorts before its original
  (「备份」 < 「讲话」; 「X - 副本.docx」 < 「X.docx」): `add` stored the copy and `speeches`/citations named
  it, the original 「重复」. Now a folder's copies are read after the rest, and a copy already stored gives
  its speeches to the original when that is added later (identity.rather_cited).
- `speechqa speeches` and the bot's upload report said the ⚠ line but not where the two versions differ: they
  now say trial 60's 「不同之处」 line too, as `add` says it.

The real `speechqa` and model; Word files written by python-docx; the bot through the fake Bot API over HTTP.
"""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
import zipfile
from pathlib import Path

import click
import pytest
from hypothesis import given
from hypothesis import strategies as st

from cli.render import render_speeches
from index import KinshipBy, OlderBy, Store
from index.identity import marks_copy, rather_cited
from index.store import MIGRATIONS
from retrieval import SpeechService, older_reason
from tests.fixtures.corpus_writers import write_docx

from .bot_harness import ADMIN, feed, running_bot
from .fake_telegram import FakeBotAPI
from .test_cli_library import Run, ok
from .test_trial60 import SPEECH

OLD_LIBRARIES = Path(__file__).parent / "fixtures"
CHONGYANG = [
    ("title", "在重阳节老干部座谈会上的讲话"),
    ("speaker", "市委老干部局局长  王建国"),
    ("date", "（2027年10月14日）"),
    ("body", "各位老领导、老同志："),
    ("body", "金秋十月，丹桂飘香。今天我们在这里召开座谈会，共庆重阳佳节，向全市老同志致以节日的问候。"),
    ("heading1", "一、过去一年的工作"),
    ("body", "一年来，全市新建老年大学教学点14个，组织老同志参加志愿服务活动120场次。"),
    ("body", "衷心祝愿各位老领导、老同志身体健康、阖家幸福。"),
]


def _cited(listing: str, title: str) -> list[str]:
    """The source each speech of this title is listed with by `speechqa speeches`."""
    return [line.rsplit(" · ", 1)[-1].rstrip("]") for line in listing.splitlines() if title in line]


@pytest.mark.slow
def test_a_copy_kept_in_a_backup_folder_is_not_the_file_cited(run: Run, tmp_path: Path) -> None:
    year = tmp_path / "档案" / "2027年"
    original = year / "讲话" / "重阳节座谈会讲话.docx"
    original.parent.mkdir(parents=True)
    write_docx(CHONGYANG, original, author="市委老干部局办公室")
    backup = year / "备份" / "重阳节讲话（备份）.docx"  # 「备份/」 sorts before 「讲话/」
    backup.parent.mkdir()
    shutil.copyfile(original, backup)
    windows = year / "讲话" / "重阳节座谈会讲话 - 副本.docx"  # Windows' copy: 「 - 」 sorts before 「.docx」
    shutil.copyfile(original, windows)
    resaved = year / "备份" / "重阳节座谈会讲话（另存）.docx"  # other bytes, the same text
    write_docx(CHONGYANG, resaved, author="办公室")
    assert resaved.read_bytes() != original.read_bytes()

    added = ok(run("add", str(year)))
    listing = ok(run("speeches"))
    assert _cited(listing, "在重阳节老干部座谈会上的讲话") == [str(original)], listing
    lines = added.splitlines()
    for copy in (backup, windows, resaved):  # each said a copy of the original's speech, after it
        assert lines.index(str(copy)) > lines.index(str(original))
        assert lines[lines.index(str(copy)) + 1].lstrip().startswith(("未变化（与 #", "重复（与 #")), added


@pytest.mark.slow
def test_a_stored_copy_gives_its_speeches_to_the_original_added_after_it(run: Run, tmp_path: Path) -> None:
    """The other order: the backup folder added first, the original later — the speeches are cited from the
    original from then on, the copy recorded beside it; the original first and its copy after changes nothing."""
    folder = tmp_path / "材料"
    original = folder / "讲话" / "重阳节座谈会讲话.docx"
    original.parent.mkdir(parents=True)
    write_docx(CHONGYANG, original, author="市委老干部局办公室")
    backup = folder / "备份" / "重阳节讲话（备份）.docx"
    backup.parent.mkdir()
    shutil.copyfile(original, backup)

    first = ok(run("add", str(backup.parent)))
    speech = int(re.search(r"新增\s+#(\d+)", first)[1])  # type: ignore[index]
    assert _cited(ok(run("speeches")), "在重阳节老干部座谈会上的讲话") == [str(backup)]
    second = ok(run("add", str(original.parent)))
    assert f"未变化（与 #{speech} 相同）" in second
    assert (
        f"与已添加的文件 {backup} 内容完全相同，那一个看来是副本（备份、副本…）：讲话改为引用这个文件"
    ) in second
    assert _cited(ok(run("speeches")), "在重阳节老干部座谈会上的讲话") == [str(original)]
    assert str(original) in ok(run("show", str(speech)))
    # both again: nothing moves back, nothing is read again
    again = ok(run("add", str(folder)))
    assert "共 2 个文件：未变化 2 篇" in again.splitlines() and "改为引用" not in again
    assert _cited(ok(run("speeches")), "在重阳节老干部座谈会上的讲话") == [str(original)]


FOLDER = st.text(alphabet="讲话材料会议年度档案通知文件二〇一七资料汇编", min_size=1, max_size=6)
NAME = st.text(alphabet="在重阳节座谈会上的讲话关于做好老干部工作通知", min_size=1, max_size=12)
COPY = st.sampled_from(
    [
        "备份/{}.docx",
        "{}（备份）.docx",
        "{} - 副本.docx",
        "{} - 副本 (2).docx",
        "复件 {}.doc",
        "{} 副本.docx",
        "{} copy.docx",
        "Copy of {}.docx",
        "{} (1).docx",
        "{}（1）.docx",
        "backup/{}.docx",
        "旧文件备份/{}.docx",
        "{}【副本】.wps",
        "{}_bak.txt",
    ]
)


@given(st.lists(FOLDER, max_size=3), NAME, COPY, st.sampled_from(["", "备份2026/", "D:\\资料备份\\"]))
def test_of_two_identical_files_the_one_not_marked_a_copy_is_cited(
    folders: list[str], name: str, copy: str, shared: str
) -> None:
    """An original and its copy (Windows', macOS's, a browser's, a 备份 folder's) side by side under any folders:
    the original is to be cited, never the copy; under a folder that marks both, neither is preferred."""
    where = shared + "".join(f"{f}/" for f in folders)
    original, duplicate = f"{where}{name}.docx", where + copy.format(name)
    assert not marks_copy(f"{'/'.join(folders)}/{name}.docx")
    assert marks_copy(copy.format(name))
    assert rather_cited(original, duplicate) and not rather_cited(duplicate, original)
    assert not rather_cited(original, original)


@pytest.mark.slow
def test_speeches_says_where_two_versions_differ(run: Run, tmp_path: Path) -> None:
    folder = tmp_path / "2029年" / "会议材料"
    original, revised = folder / "工作会议讲话.docx", folder / "修改稿" / "工作会议讲话.docx"
    revised.parent.mkdir(parents=True)
    write_docx(SPEECH, original, author="市委老干部局办公室")
    write_docx([(k, t.replace("1300人", "1350人")) for k, t in SPEECH], revised, author="市委老干部局办公室")
    added = ok(run("add", str(folder)))
    said = [line.strip() for line in added.splitlines() if line.strip().startswith("不同之处")]
    assert len(said) == 1 and "1300人" in said[0] and "1350人" in said[0], added
    listing = ok(run("speeches")).splitlines()
    at = next(i for i, line in enumerate(listing) if "⚠" in line)
    assert listing[at + 1].strip() == said[0]  # under the ⚠, the same words as add's
    assert sum("不同之处" in line for line in listing) == 1
    # listed for one speaker, the line comes with its speech
    assert said[0] in ok(run("speeches", "--speaker", "陈秀英"))


async def test_the_bot_upload_report_says_where_two_versions_differ(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    text = "\n".join(t for _, t in SPEECH)
    async with running_bot(api, seed_service) as app:
        await feed(
            app, api.make_document_update("工作会议讲话.txt", text.encode("gbk"), "text/plain", user_id=ADMIN)
        )
        first = int(api.last_message(ADMIN).plain_text.split("新增 #")[1].split()[0])
        revised = text.replace("参赛老同志1300人", "参赛老同志1350人").encode("gbk")
        await feed(
            app, api.make_document_update("工作会议讲话（修改稿）.txt", revised, "text/plain", user_id=ADMIN)
        )
        report = api.last_message(ADMIN).plain_text
    second = int(report.split("新增 #")[1].split()[0])
    lines = report.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("⚠️ 与已有的"))
    assert lines[at + 1] == (
        f"不同之处（共 1 处，第一处）：#{second}「…，参赛老同志1350人」，#{first}「…，参赛老同志1300人」"
    ), report


def test_a_library_written_by_main_keeps_its_near_copy_said_as_it_was(tmp_path: Path) -> None:
    """A library main's code wrote (234bf7f, tests/fixtures/make_main_near_copies.py: two versions of one speech
    dated 2029-03-05 and 2029-03-20) goes through 022_near_copy_reason on open: its finding is kept, told by the
    dates as main told it, and `speeches` says what main's `add` said; 023_near_copy_kinship turns what decided it,
    stored as the user's words (「标题相同」), into its KinshipBy."""
    with zipfile.ZipFile(OLD_LIBRARIES / "near-copies-234bf7f.zip") as archive:
        archive.extract("speechqa.db", tmp_path)
        said = json.loads(archive.read("made.json"))["add"]
    with sqlite3.connect(tmp_path / "speechqa.db") as conn:  # as an `add` stopped before its report left it
        conn.execute("UPDATE near_copies SET shown = 0")
    conn.close()
    store = Store(tmp_path / "speechqa.db")
    try:
        # 022 and 023, then whatever later releases added (024_upload_sent_as: session 68)
        assert store.upgraded == [name for name, _ in MIGRATIONS if name >= "022"]
        assert store.upgraded[:2] == ["022_near_copy_reason", "023_near_copy_kinship"]
        (found,) = store.near_copies(unshown=True)
        assert (found.speech_id, found.other_id, found.older, found.by_date) == (7, 6, False, True)
        assert found.why is KinshipBy.SAME_TITLE
        listing = click.unstyle(render_speeches(store.speeches(), {found.speech_id: found}))
    finally:
        store.close()
    advice = "如果这是它的更正版，请删除旧版：speechqa remove 6；两篇都要保留：speechqa keep-both 7 6"
    assert advice in said and advice in listing


@pytest.mark.slow
def test_a_warning_said_again_after_a_stopped_add_gives_why(
    run: Run, tmp_path: Path, seed_home: Path
) -> None:
    """An `add` stopped between its commit and its report says its near-copy warning at the next `add`, from the
    stored finding: for two versions dated alike told apart by the 修改稿/ folder it said 「这篇的日期更早」
    (the finding kept `older` but not why); now it says why, as the first `add` would have."""
    folder = tmp_path / "会议材料"
    original, revised = folder / "工作会议讲话.docx", folder / "修改稿" / "工作会议讲话.docx"
    revised.parent.mkdir(parents=True)
    write_docx(SPEECH, original, author="市委老干部局办公室")
    write_docx([(k, t.replace("1300人", "1350人")) for k, t in SPEECH], revised, author="市委老干部局办公室")
    why = f"{older_reason(OlderBy.MARKS)}，可能是它的旧版"
    assert why in ok(run("add", str(folder)))
    with sqlite3.connect(seed_home / "speechqa.db") as conn:  # its report never said (SIGKILL, power cut)
        conn.execute("UPDATE near_copies SET shown = 0")
    conn.close()
    again = ok(run("add", str(original)))
    assert "未变化" in again and why in again and "这篇的日期更早" not in again, again
