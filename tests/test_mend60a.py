"""mend60a: the review of trial60's version handling (docs/trial60.md, 「After review: mend60a」).

Marks of a revised file read from its own name and folder only, whole and not negated (「（修改前）」 marked the
old file as the corrected one, and answers quoted it); the 「不同之处」 line bounded when a paragraph was
rewritten; the count line of `add` counts the files it was given."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from index import OlderBy, difference
from index.identity import SHOWN
from retrieval import SpeechService, older_reason
from tests.fixtures.corpus_writers import write_docx

from .bot_harness import ADMIN, feed, running_bot
from .fake_telegram import FakeBotAPI
from .test_cli_library import Run, ok
from .test_trial60 import SPEECH


def speech_id(output: str, file: Path) -> int:
    """The id `add` reported for the (one) speech of a file, on the line after its full path."""
    lines = output.splitlines()
    return int(lines[lines.index(str(file)) + 1].split("#")[1].split()[0])


@pytest.mark.slow
def test_a_file_named_before_its_revision_is_not_taken_for_the_corrected_one(
    run: Run, tmp_path: Path
) -> None:
    """The pre-revision copy 「…（修改前）.docx」 added first, the corrected file (same name without the mark)
    after it, both dated alike: the warning names the 修改前 file as the one to remove, and answers give the
    corrected figure (before: 「而另一篇的…标明是改后的版本…请删除这篇」 on the corrected one, and `ask` quoted 1300)."""
    folder = tmp_path / "领导修改意见" / "会议材料"
    folder.mkdir(parents=True)
    before = folder / "在全市老干部工作会议上的讲话（修改前）.docx"
    after = folder / "在全市老干部工作会议上的讲话.docx"
    write_docx(SPEECH, before, author="办公室")
    write_docx([(k, t.replace("1300人", "1350人")) for k, t in SPEECH], after, author="办公室")
    old = speech_id(ok(run("add", str(before))), before)
    added = ok(run("add", str(after)))
    new = speech_id(added, after)
    assert f"如果这是它的更正版，请删除旧版：speechqa remove {old}" in added
    assert "可能是它的旧版" not in added
    asked = ok(run("ask", "-k", "3", "2028年运动会参赛老同志多少人"))
    cited = [line for line in asked.splitlines() if " · 段落 #" in line]
    assert f"讲话 #{new} · 段落 #" in cited[0], asked
    assert "参赛老同志1350人" in asked


@pytest.mark.slow
def test_a_rewritten_paragraph_is_shown_as_its_first_changed_sentence(run: Run, tmp_path: Path) -> None:
    """A 定稿 whose paragraph of five sentences was rewritten: `add` shows the first changed sentence pair,
    not the whole paragraph twice, and counts five places (the reviewer's files/B printed ~150 characters)."""
    first = list(SPEECH)
    first[6] = (
        "body",
        "2028年，与市第一人民医院共建老干部诊疗绿色通道。全年服务就诊老同志5200人次。开展上门巡诊860次。建立健康档案3100份。组织体检两次。",
    )
    second = list(SPEECH)
    second[6] = (
        "body",
        "2028年，与市中医院共建老干部诊疗绿色通道。全年服务就诊老同志5600人次。开展上门巡诊900次。建立健康档案3300份。组织体检三次。",
    )
    (tmp_path / "定稿").mkdir()
    write_docx(first, tmp_path / "讲话.docx", author="办公室")
    write_docx(second, tmp_path / "定稿" / "讲话.docx", author="办公室")
    added = ok(run("add", str(tmp_path)))
    said = [line.strip() for line in added.splitlines() if "不同之处" in line]
    assert len(said) == 1 and "共 5 处，第一处" in said[0], added
    assert "上门巡诊" not in said[0] and "市中医院共建" in said[0] and "市第一人民医院共建" in said[0]


CHARACTERS = "老干部工作会议讲话离退休同志服务活动一二三四五六七八九十0123456789，"
LONG_SENTENCE = st.text(alphabet=CHARACTERS, min_size=1, max_size=120)


@given(st.lists(LONG_SENTENCE, min_size=1, max_size=10), st.lists(LONG_SENTENCE, min_size=1, max_size=10))
def test_what_differs_is_shown_in_a_bounded_length(mine: list[str], theirs: list[str]) -> None:
    """Whatever two versions say — sentences of any length, any number rewritten in a row, added or dropped —
    each side of the 「不同之处」 line is at most SHOWN characters and its two 「…」, holds no sentence end (one
    sentence), and the places counted are at least the sentences that differ in number."""
    found = difference(["。".join(mine) + "。"], ["。".join(theirs) + "。"])
    if found is None:
        return
    for side in (found.mine, found.theirs):
        assert len(side) <= SHOWN + 2 and "。" not in side
    assert found.places >= abs(len([s for s in mine if s.strip()]) - len([s for s in theirs if s.strip()]))


@pytest.mark.slow
def test_the_count_line_counts_the_files_given_a_zip_as_one_and_those_skipped(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An empty library given a folder of a .docx, a .zip of two .docx and a file of no format speechqa reads:
    the count line counts those four files — not the bundled speeches seeded first (「共 2 个文件：新增 6 篇」
    for one file before), nor the zip's members as files, and with the one skipped said."""
    monkeypatch.setenv("SPEECHQA_HOME", str(tmp_path / "empty-home"))
    folder = tmp_path / "收文"
    folder.mkdir()
    write_docx(SPEECH, folder / "讲话.docx", author="办公室")
    notices = tmp_path / "notices"
    notices.mkdir()
    for n, place in enumerate(("市体育中心", "老干部活动中心")):
        notice = [
            ("title", f"关于举办第{n + 1}期老干部书画讲座的通知"),
            ("date", f"（2030年{n + 3}月2日）"),
            ("body", f"定于2030年{n + 3}月20日在{place}举办书画讲座，请各单位组织离退休干部参加。"),
            ("body", f"讲座由市书画院第{n + 1}位老师主讲，内容为楷书入门和山水画的基本技法。"),
        ]
        write_docx(notice, notices / f"通知{n + 1}.docx", author="办公室")
    with zipfile.ZipFile(folder / "通知.zip", "w") as archive:
        for file in sorted(notices.iterdir()):
            archive.write(file, file.name)
    (folder / "会议照片说明.xyz").write_bytes(b"\x00\x01")
    added = ok(run("add", str(folder)))
    summary = [line for line in added.splitlines() if line.startswith("共 ")]
    assert summary == ["共 3 个文件：新增 3 篇；跳过 1 个（见上）"], added
    assert "资料库原来是空的" in added  # the bundled speeches were seeded, and said apart
    # one file given, to a library that is not empty: no count line
    assert not [
        line for line in ok(run("add", str(folder / "讲话.docx"))).splitlines() if line.startswith("共 ")
    ]


async def test_the_bot_offers_to_delete_the_file_named_before_its_revision(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    """Over the fake Bot API: 「工作会议讲话（修改前）.txt」 sent first, the corrected 「工作会议讲话.txt」 after it,
    dated alike — the report offers to delete the 修改前 one (before: the corrected one, 「另一篇…标明是改后的版本」)."""
    text = "\n".join(t for _, t in SPEECH)
    original, revised = text.encode("gbk"), text.replace("参赛老同志1300人", "参赛老同志1350人").encode("gbk")
    async with running_bot(api, seed_service) as app:
        await feed(
            app, api.make_document_update("工作会议讲话（修改前）.txt", original, "text/plain", user_id=ADMIN)
        )
        before = int(api.last_message(ADMIN).plain_text.split("新增 #")[1].split()[0])
        await feed(app, api.make_document_update("工作会议讲话.txt", revised, "text/plain", user_id=ADMIN))
        report = api.last_message(ADMIN)
        assert f"如果这是它的更正版，点下方「删除旧版 #{before}」" in report.plain_text
        assert report.buttons[0]["text"].startswith(f"🗑 删除旧版 #{before}")


@pytest.mark.slow
def test_speeches_of_one_speaker_give_the_reason_the_whole_list_gives(run: Run, tmp_path: Path) -> None:
    """Two versions dated alike, the 修改稿 under another speaker's name: `speeches --speaker` (the 修改稿 not
    listed) gives the same reason as `speeches` — the marks, not 「这篇的日期更早」 (it took a pair whose other
    speech was not listed for one told by the dates)."""
    (tmp_path / "修改稿").mkdir()
    write_docx(SPEECH, tmp_path / "讲话.docx", author="办公室")
    revised = [(k, t.replace("1300人", "1350人").replace("陈秀英", "李明华")) for k, t in SPEECH]
    write_docx(revised, tmp_path / "修改稿" / "讲话.docx", author="办公室")
    ok(run("add", str(tmp_path)))
    every, one = ok(run("speeches")), ok(run("speeches", "--speaker", "陈秀英"))
    warned = [line.strip() for line in one.splitlines() if "⚠" in line]
    assert len(warned) == 1 and warned[0] in [line.strip() for line in every.splitlines()]
    assert older_reason(OlderBy.MARKS) in warned[0] and older_reason(OlderBy.DATE) not in warned[0]
