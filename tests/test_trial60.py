"""Trial 60 (docs/trial60.md): the records officer migrating six years of files. Two versions of one speech —
the 2029 work-conference speech in 会议材料/ and its 修改稿/ under the same file name, one figure corrected —
were both kept with 「注意：与已有的 #N 内容相近（重合 97%）…如果这是它的更正版，请删除旧版」, and nothing said
which of the two was the corrected one: the same title, date, speaker and passage count. `add` now says where
they differ, 「不同之处（共 1 处，第一处）：#34「…参赛老同志1300人」，#33「…参赛老同志1350人」」. And since the
修改稿/ file happened to be added first, the original was taken for the correction: answers gave its 1300 and
hid the 1350; dated alike, a file whose folders or name mark it 修改稿/定稿 is now the later version.

The real command and model; the Word files written by python-docx as scripts/trial/make_archive60.py writes them.
"""

from __future__ import annotations

import functools
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from index import difference
from index.identity import Particulars, kinship
from retrieval import SpeechService
from tests.fixtures.corpus_writers import write_docx

from .bot_harness import ADMIN, feed, running_bot
from .fake_telegram import FakeBotAPI
from .test_cli_library import Run, ok

SPEECH = [
    ("title", "在全市老干部工作会议上的讲话"),
    ("speaker", "市委老干部局局长  陈秀英"),
    ("date", "（2029年3月5日）"),
    ("body", "同志们："),
    ("body", "这次全市老干部工作会议的主要任务是，总结2028年全市老干部工作，部署2029年的重点任务。"),
    ("heading1", "一、关于医疗保障服务"),
    ("body", "2028年，与市第一人民医院共建老干部诊疗绿色通道，全年服务就诊老同志5200人次。"),
    ("heading1", "二、关于文体活动开展"),
    ("body", "2028年，举办全市离退休干部运动会，设门球、气排球等项目9个，参赛老同志1300人。"),
    ("body", "同志们，老干部工作使命光荣、责任重大。让我们以更加饱满的热情做好各项工作。"),
]


def _speech_id(output: str, file: Path) -> int:
    """The id `add` reported for the (one) speech of a file, found by its full path."""
    lines = output.splitlines()
    at = lines.index(str(file))
    return int(lines[at + 1].split("#")[1].split()[0])


@pytest.mark.slow
def test_add_says_where_two_versions_of_one_speech_differ(run: Run, tmp_path: Path) -> None:
    folder = tmp_path / "2029年" / "会议材料"
    original, revised = (
        folder / "在全市老干部工作会议上的讲话.docx",
        folder / "修改稿" / "在全市老干部工作会议上的讲话.docx",
    )
    revised.parent.mkdir(parents=True)
    write_docx(SPEECH, original, author="市委老干部局办公室", footer=True)
    corrected = [(k, t.replace("参赛老同志1300人", "参赛老同志1350人")) for k, t in SPEECH]
    write_docx(corrected, revised, author="市委老干部局办公室", footer=True)

    added = ok(run("add", str(tmp_path / "2029年")))
    first, second = _speech_id(added, revised), _speech_id(added, original)  # 修改稿/ sorts first
    assert f"注意：与已有的 #{first} 内容相近" in added
    # dated alike, the file kept in 修改稿/ is the corrected one: the original, added after it, is named the old
    # one (before: 「如果这是它的更正版，请删除旧版：speechqa remove {first}」 — the correction)
    assert (
        f"日期分不出先后，而文件名或所在文件夹标明这篇在先（这篇标着修改前、征求意见稿…，或另一篇标着修改稿、定稿…），可能是它的旧版："
        f"如果是，请删除这篇：speechqa remove {second}；两篇都要保留：speechqa keep-both {second} {first}"
    ) in added
    assert f"可能是它的旧版：如果是，请删除这篇：speechqa remove {second}" in ok(run("speeches"))
    # and answers give the corrected figure, the old text flagged wherever it is shown
    asked = ok(run("ask", "-k", "5", "离退休干部运动会参赛老同志多少人"))
    cited = [line for line in asked.splitlines() if " · 段落 #" in line]
    assert f"讲话 #{first} · 段落 #" in cited[0], asked
    assert "参赛老同志1350人" in asked
    assert all(
        line.endswith(f"⚠ 有更正版 #{first}，请以更正版为准")
        for line in asked.splitlines()
        if f"讲话 #{second} · 段落 #" in line
    )
    said = [line.strip() for line in added.splitlines() if "不同之处" in line]
    assert said == [
        f"不同之处（共 1 处，第一处）：#{second}「…，参赛老同志1300人」，#{first}「…，参赛老同志1350人」"
    ]

    # the same file added again says nothing new; a speech that is no version of another gets no such line
    again = ok(run("add", str(original)))
    assert "不同之处" not in again and "未变化" in again and "共 " not in again  # one file: no count line
    # a folder's files are counted in one line before the index's, so the officer can check them against it
    assert "共 2 个文件：新增 2 篇，其中 1 篇与已有讲话内容相近（见上「注意」）" in added.splitlines()

    more = tmp_path / "备份"
    more.mkdir()
    shutil.copyfile(original, more / "工作会议讲话（备份）.docx")
    (more / "新建文本文档.txt").write_bytes(b"")
    refused = run("add", str(more))
    assert refused.exit_code == 1 and "Traceback" not in refused.output
    assert "共 2 个文件：未变化 1 篇；没有读入 1 个文件（见上）" in refused.output.splitlines()


SENTENCE = st.text(
    alphabet="老干部工作会议讲话离退休同志服务活动一二三四五六七八九十0123456789", min_size=6, max_size=30
)


@given(st.lists(SENTENCE, min_size=1, max_size=8), st.integers(0, 7), SENTENCE)
# a neighbour equal to the changed sentence: difflib's longest-block match made [7, 6, 7, 7] → [7, 7, 7, 7] two
# sentences left out and two put in (「共 4 处」), the first shown a 「0000000」 both sides have (tidy62)
@example(["0000000", "000000", "0000000", "0000000"], 1, "0000000")
@example(["000000"], 0, "0000000")
def test_one_changed_sentence_is_found_and_shown_around_its_change(
    body: list[str], at: int, changed: str
) -> None:
    """A speech and a version with one sentence changed differ in one place, each side shown as the words
    around the change, both cut at the same place — whatever its neighbours repeat; a speech never differs
    from itself."""
    at %= len(body)
    assume(changed != body[at])
    other = [*body[:at], changed, *body[at + 1 :]]
    mine, theirs = "。".join(body) + "。", "。".join(other) + "。"
    assert difference([mine], [mine]) is None
    found = difference([mine], [theirs])
    assert found is not None and found.places == 1
    left, right = found.mine.strip("…"), found.theirs.strip("…")
    assert left in body[at] and right in changed
    # what is cut off each side is the same on both sides (the words around the change are shared)
    assert (found.mine.startswith("…")) == (found.theirs.startswith("…"))
    assert not re.search("[。]", left + right)


@given(st.lists(SENTENCE, min_size=0, max_size=6), st.lists(SENTENCE, min_size=0, max_size=6))
def test_the_places_counted_are_the_fewest_sentence_edits(mine: list[str], theirs: list[str]) -> None:
    """The places two versions differ in are the fewest sentences rewritten, put in or left out that turn one
    into the other (counted here by the textbook recurrence), the same both ways round."""

    @functools.cache
    def edits(i: int, j: int) -> int:
        if i == len(mine) or j == len(theirs):
            return len(mine) - i + len(theirs) - j
        if mine[i] == theirs[j]:
            return edits(i + 1, j + 1)
        return 1 + min(edits(i + 1, j + 1), edits(i + 1, j), edits(i, j + 1))

    found = difference(["。".join(mine) + "。"], ["。".join(theirs) + "。"])
    back = difference(["。".join(theirs) + "。"], ["。".join(mine) + "。"])
    assert (found.places if found else 0) == edits(0, 0) == (back.places if back else 0)


FOLDER = st.text(alphabet="讲话材料会议年度档案备份通知文件0123456789", min_size=1, max_size=8)
DATE = st.dates().map(lambda d: d.isoformat())
LATER = st.sampled_from(
    ["修改稿", "（修订稿）", "定稿", "更正", "终稿", "最终稿", "正式稿", "更正稿", "修改后"]
)
# what marks no version of the file itself: words with a mark's characters, negated marks, the time before one
# (mend60a: these counted as 「改后」 and answers quoted the uncorrected text)
UNMARKED = st.sampled_from(
    [
        "待修改",
        "未修改版",
        "领导修改意见",
        "最终归档",
        "修改意见",
        "关于修订办法的说明",
        "待定稿",
        "修订稿意见",
    ]
)
# the folders above both files may say anything, a mark included: they say nothing of either file
ANCESTOR = st.one_of(FOLDER, LATER, UNMARKED, st.sampled_from(["征求意见稿", "草稿"]))
# the plain file's own folder and name: no mark, a negated one, or one of the time before the revision
OWN_FOLDER = st.one_of(FOLDER, UNMARKED)
PLAIN_NAME = st.one_of(
    st.just("讲话"),
    UNMARKED,
    st.sampled_from(["讲话（修改前）", "讲话（更正前）", "讲话（定稿前）", "讲话（未定稿）"]),
)


@given(st.lists(ANCESTOR, min_size=1, max_size=3), OWN_FOLDER, PLAIN_NAME, LATER, DATE, DATE)
def test_dated_alike_the_file_marked_as_revised_is_the_later_version(
    folders: list[str], own: str, name: str, mark: str, date: str, other_date: str
) -> None:
    """Of two versions of one speech (same title, near-equal text), the one whose date is earlier is the older;
    dated alike, the one whose file's own folder or name marks a revision (修改稿/, 「（定稿）」) is the later,
    whichever was added first — whatever the folders above both say, and though the other's folder or name
    holds a negated mark (「未修改版/」「（修改前）」) or a mark's characters (「领导修改意见/」)."""
    plain = "/".join(folders) + f"/{own}/{name}.docx"
    marked = "/".join(folders) + f"/{mark}/讲话.docx"
    sentences = ["这次会议的主要任务是总结去年的工作", "参赛老同志1300人"]

    def older(new_path: str, old_path: str, new_date: str, old_date: str) -> bool:
        new = Particulars("在全市老干部工作会议上的讲话", new_date, path=new_path)
        old = Particulars("在全市老干部工作会议上的讲话", old_date, path=old_path)
        return kinship(new, old, 0.97, sentences, sentences, frozenset()).older

    assert older(plain, marked, date, date) and not older(marked, plain, date, date)
    if date != other_date:  # dates that differ decide, whatever the folders say
        assert older(marked, plain, min(date, other_date), max(date, other_date))
        assert not older(plain, marked, max(date, other_date), min(date, other_date))


async def test_the_bot_names_the_original_the_old_one_when_its_revision_was_sent_first(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    """The same through the bot: the 修改稿 sent first, the original after it, both of one date — the report
    names the original as the likely old one and says why (it used to offer to delete the 修改稿)."""
    text = [text for _, text in SPEECH if isinstance(text, str)]
    original = "\n".join(text).encode("gbk")
    revised = "\n".join(text).replace("参赛老同志1300人", "参赛老同志1350人").encode("gbk")
    async with running_bot(api, seed_service) as app:
        await feed(
            app, api.make_document_update("工作会议讲话（修改稿）.txt", revised, "text/plain", user_id=ADMIN)
        )
        first = api.last_message(ADMIN).plain_text
        await feed(app, api.make_document_update("工作会议讲话.txt", original, "text/plain", user_id=ADMIN))
        report = api.last_message(ADMIN)
    revised_id = int(first.split("新增 #")[1].split()[0])
    original_id = int(report.plain_text.split("新增 #")[1].split()[0])
    assert (
        "日期分不出先后，而文件名或所在文件夹标明这篇在先（这篇标着修改前、征求意见稿…，或另一篇标着修改稿、定稿…），可能是它的旧版："
        f"如果是，点下方「删除旧版 #{original_id}」"
    ) in report.plain_text
    assert report.buttons[0]["text"].startswith(f"🗑 删除旧版 #{original_id}") and revised_id != original_id
