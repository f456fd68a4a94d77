"""Small defects staff and admins met, left by session 60 (docs/ops61.md).

- The bot's /speeches had no ⚠ line where `speechqa speeches` shows one under a speech kept beside another version
  of itself (with 「不同之处…」); now both say it in the words built once (retrieval.versions).

- A re-saved copy (other bytes, the same text: a .docx opened and saved again by LibreOffice in 「备份/」) added in
  an earlier round than its original kept the citation: ident60's rule (the original cited, not the copy) held
  for byte-identical files only. Now the original takes the copy's speeches whichever order the two come in.

The real `speechqa` (its click entry point) and model; the original written by python-docx, the copy saved again
by LibreOffice Writer; every order of three files through the real Library.
"""

from __future__ import annotations

import itertools
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from index import Library, OlderBy
from retrieval import SpeechService, older_reason
from tests.fakes import FakeEmbedder
from tests.fixtures.corpus_writers import soffice_convert, write_docx

from .bot_harness import ADMIN, USER, feed, running_bot
from .fake_telegram import FakeBotAPI, SentMessage
from .test_cli_library import Run, ok
from .test_ident60 import CHONGYANG
from .test_trial60 import SPEECH

TITLE = "在重阳节老干部座谈会上的讲话"
BROAD = "怎样发挥老干部的作用？"  # several pages of results: 更多结果 among its buttons
needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")


@pytest.fixture(scope="module")
def versions(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """An original (python-docx), its copy saved again by LibreOffice in 「备份/」 (other bytes, the same text)
    and a byte copy of it named as Windows names one (「 - 副本」), made once."""
    folder = tmp_path_factory.mktemp("versions") / "材料"
    original = folder / "讲话" / "重阳节座谈会讲话.docx"
    original.parent.mkdir(parents=True)
    write_docx(CHONGYANG, original, author="市委老干部局办公室")
    resaved = folder / "备份" / "重阳节座谈会讲话（另存）.docx"
    resaved.parent.mkdir()
    soffice_convert(original, "docx:MS Word 2007 XML", resaved)
    assert resaved.read_bytes() != original.read_bytes()
    windows = folder / "讲话" / "重阳节座谈会讲话 - 副本.docx"
    shutil.copyfile(original, windows)
    return {"original": original, "resaved": resaved, "windows": windows}


def _placed(versions: dict[str, Path], tmp_path: Path) -> dict[str, Path]:
    """The three files copied under a folder of this test's own (their paths are what the library records)."""
    root = versions["original"].parent.parent
    placed = {}
    for name, path in versions.items():
        placed[name] = tmp_path / "材料" / path.relative_to(root)
        placed[name].parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, placed[name])
    return placed


def _cited(library: Library) -> list[str | None]:
    return [s.path for s in library.store.speeches() if s.title == TITLE]


@needs_soffice
@pytest.mark.parametrize("order", list(itertools.permutations(["original", "resaved", "windows"])))
def test_the_original_is_cited_whichever_order_its_copies_are_added_in(
    order: tuple[str, ...], versions: dict[str, Path], tmp_path: Path
) -> None:
    """Every order of the three files, one `add` round each: one speech, cited from the original from the round
    the original is added on (before it, from the first file added); then every file again: nothing moves back,
    nothing is embedded, the speech keeps its id."""
    files = _placed(versions, tmp_path)
    embedder = FakeEmbedder()
    library = Library(tmp_path / "home")
    try:
        ids = set()
        for step, name in enumerate(order):
            (outcome,) = library.add_paths([files[name]], embedder)
            assert not outcome.error, outcome.error
            ids |= {s.speech_id for s in outcome.speeches}
            seen = order[: step + 1]
            # before the original comes, the first copy stays cited (of two copies neither is preferred)
            wanted = files["original"] if "original" in seen else files[order[0]]
            assert _cited(library) == [str(wanted)], (order, step)
        assert len(ids) == 1
        embedded = len(embedder.calls)
        again = library.add_paths([tmp_path / "材料"], embedder)
        assert _cited(library) == [str(files["original"])]
        assert len(embedder.calls) == embedded
        assert {s.speech_id for o in again for s in o.speeches} == ids
        assert not any(o.cited_before for o in again)
    finally:
        library.close()


@needs_soffice
@pytest.mark.slow
def test_a_resaved_copy_added_first_gives_its_speech_to_the_original(
    run: Run, versions: dict[str, Path], tmp_path: Path
) -> None:
    """The defect as an office meets it: 「备份/」 added one day, 「讲话/」 the next. Before, the speech stayed cited
    from 备份/重阳节座谈会讲话（另存）.docx and the original was reported 「重复」."""
    files = _placed(versions, tmp_path)
    first = ok(run("add", str(files["resaved"].parent)))
    speech = int(re.search(r"新增\s+#(\d+)", first)[1])  # type: ignore[index]
    second = ok(run("add", str(files["original"])))
    assert (
        f"与已添加的文件 {files['resaved']} 内容完全相同，那一个看来是副本（备份、副本…）：讲话改为引用这个文件"
    ) in second
    assert f"未变化（与 #{speech} 相同）" in second and "重复" not in second
    listing = [line for line in ok(run("speeches")).splitlines() if TITLE in line]
    assert len(listing) == 1 and f"{speech}  {TITLE}" in listing[0] and str(files["original"]) in listing[0]
    assert f"来源：{files['original']}" in ok(run("show", str(speech)))
    # the copy again: said a duplicate of the original's speech, which stays cited
    third = ok(run("add", str(files["resaved"])))
    assert f"重复（与 #{speech} 相同" in third and "改为引用" not in third
    assert str(files["original"]) in next(line for line in ok(run("speeches")).splitlines() if TITLE in line)


# -- the bot's /speeches says the ⚠ line `speechqa speeches` prints ------------------------------------------


def _two_versions(tmp_path: Path) -> Path:
    """A speech and its 修改稿 (one figure changed), python-docx files in one folder."""
    folder = tmp_path / "2029年" / "会议材料"
    original, revised = folder / "工作会议讲话.docx", folder / "修改稿" / "工作会议讲话.docx"
    revised.parent.mkdir(parents=True)
    write_docx(SPEECH, original, author="市委老干部局办公室")
    write_docx([(k, t.replace("1300人", "1350人")) for k, t in SPEECH], revised, author="市委老干部局办公室")
    return folder


def _warned(text: str) -> list[str]:
    """The ⚠ line and the line under it (「不同之处…」), each without its mark, of a list."""
    lines = [line.strip() for line in text.splitlines()]
    at = next(i for i, line in enumerate(lines) if line.startswith("⚠"))
    return [lines[at].lstrip("⚠️ "), lines[at + 1]]


@pytest.mark.slow
async def test_the_bots_speech_list_says_the_near_copy_line_speeches_prints(
    api: FakeBotAPI, seed_service: SpeechService, run: Run, tmp_path: Path
) -> None:
    """Before, /speeches listed both versions with nothing under them while `speechqa speeches` said the ⚠ line
    and 「不同之处」. Now the bot says the same words (built once: retrieval.versions); an admin in private gets the
    upload report's buttons to act on it, a member only which to go by; 两篇都保留 ends it in both front ends."""
    ok(run("add", str(_two_versions(tmp_path))))
    cli_line, cli_differ = _warned(ok(run("speeches")))
    fact, cli_action = cli_line.split("：如果是，")  # the sentence up to what the user does about it
    assert older_reason(OlderBy.MARKS) in fact and "1300人" in cli_differ and "1350人" in cli_differ
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_text_update("/speeches 99", user_id=USER))
        member = api.last_message(USER)
        await feed(app, api.make_text_update("/speeches 99", user_id=ADMIN))
        admin = api.last_message(ADMIN)
        assert _warned(member.plain_text) == [fact, cli_differ], member.plain_text
        assert not [b for b in member.buttons if "两篇都保留" in b["text"] or "删除旧版" in b["text"]]
        old = int(re.search(r"remove (\d+)", cli_action)[1])  # type: ignore[index]
        assert _warned(admin.plain_text) == [
            f"{fact}：如果是，点下方「删除旧版 #{old}」；两篇都要保留，点「两篇都保留」，不再提示。",
            cli_differ,
        ], admin.plain_text
        assert admin.button_data(f"删除旧版 #{old}")
        # 两篇都保留 from the list: the pair's row goes, and neither front end says the warning again
        await feed(app, api.make_callback_update(admin, admin.button_data("两篇都保留"), user_id=ADMIN))
        assert not [b for b in api.get_message(ADMIN, admin.message_id).buttons if "两篇都保留" in b["text"]]
        await feed(app, api.make_text_update("/speeches 99", user_id=USER))
        assert "⚠" not in api.last_message(USER).plain_text
    assert "⚠" not in ok(run("speeches"))


# -- an admin's /speeches page with a ⚠ pair pages on as a member's (mend61b) ---------------------------------

# Eight short notices of the bureau, each on its own subject: with the seed's five speeches and the two versions,
# fifteen speeches, two pages of the list; the two versions on the first.
NOTICES = {
    "重阳节文艺汇演": "各离退休干部党支部：定于10月11日上午在市老干部活动中心举办重阳节文艺汇演，请各支部于9月30日前报送节目。",
    "健康体检": "各单位：2029年度离退休干部健康体检自4月8日起在市人民医院进行，请按分组时间持医保卡前往。",
    "春节走访慰问": "各县（市、区）委老干部局：请于春节前完成对离休干部和困难退休干部的走访慰问，并报送慰问名单。",
    "书画摄影展": "全市老干部书画摄影作品展征稿开始，作品请于6月15日前送交市老年大学教务处，每人限投两件。",
    "支部换届": "离退休干部党支部任期届满的，应按期换届；选举前须报请上级党组织批复，选举结果十日内上报。",
    "报刊费发放": "2029年度离退休干部订阅报刊费标准不变，由各单位统一发放到人，发放情况于3月底前报局财务科。",
    "参观重点项目": "市委老干部局组织老干部代表参观市重点项目建设，5月20日上午8时在市行政中心东门集合乘车。",
    "工作调研": "为了解基层老干部工作情况，局领导将于下月赴各县（市、区）调研，请各地准备书面汇报材料。",
}


def _notices(tmp_path: Path) -> Path:
    folder = tmp_path / "2029年" / "通知"
    folder.mkdir(parents=True)
    for subject, body in NOTICES.items():
        (folder / f"关于{subject}的通知.txt").write_text(f"关于{subject}的通知\n\n{body}\n", encoding="utf-8")
    return folder


@pytest.mark.slow
async def test_an_admins_speech_list_with_a_near_copy_pages_on_as_a_members(
    api: FakeBotAPI, seed_service: SpeechService, run: Run, tmp_path: Path
) -> None:
    """Before, a page with a ⚠ pair carried the admin's 🗑 删除旧版 / 两篇都保留 row, and a page with them was not
    taken for a page of the list: `/speeches 下一页` in reply to page 1 gave page 1 again, 「下一页」 said
    「请先提一个问题」 and 「还有吗」 paged the answer given before it. Now an admin pages on as a member does, every
    way, and the pair's buttons still act."""
    ok(run("add", str(_two_versions(tmp_path))))
    ok(run("add", str(_notices(tmp_path))))
    async with running_bot(api, seed_service) as app:

        async def said(who: int, text: str, **options: Any) -> str:
            await feed(app, api.make_text_update(text, user_id=who, **options))
            return api.last_message(who).plain_text

        async def first_page(who: int) -> SentMessage:
            await said(who, "/speeches")
            shown = api.last_message(who)
            assert "第 1/2 页" in shown.plain_text and "⚠" in shown.plain_text, shown.plain_text
            return shown

        for who in (USER, ADMIN):
            page = await first_page(who)
            assert bool([b for b in page.buttons if "删除旧版" in b["text"]]) == (who == ADMIN)
            went_on = {
                "/speeches 下一页 (reply)": await said(who, "/speeches 下一页", reply_to_message=page),
                "下一页 (reply)": await said(who, "下一页", reply_to_message=page),
                "还有吗 (reply)": await said(who, "还有吗", reply_to_message=page),
            }
            await first_page(who)
            went_on["/speeches 下一页"] = await said(who, "/speeches 下一页")
            await first_page(who)
            went_on["下一页"] = await said(who, "下一页")
            # a question answered before the list: 「还有吗」 after the list goes on with the list, not the answer
            await said(who, BROAD)
            assert "更多结果" in str(api.last_message(who).buttons)
            await first_page(who)
            went_on["还有吗"] = await said(who, "还有吗")
            for way, text in went_on.items():
                assert "第 2/2 页" in text, (who, way, text)
            back = await said(who, "上一页")  # from page 2, shown last
            assert "第 1/2 页" in back and "⚠" in back, (who, back)
        # the admin's buttons under a list page still act: 🗑 删除旧版 asks first, 两篇都保留 takes the pair's row
        # away, and the page (its buttons edited) still pages on
        page = await first_page(ADMIN)
        remove = next(b["text"] for b in page.buttons if "删除旧版" in b["text"])
        await feed(app, api.make_callback_update(page, page.button_data(remove), user_id=ADMIN))
        assert api.last_message(ADMIN).plain_text.startswith("确定删除讲话"), api.last_message(
            ADMIN
        ).plain_text
        await feed(app, api.make_callback_update(page, page.button_data("两篇都保留"), user_id=ADMIN))
        kept = api.get_message(ADMIN, page.message_id)
        assert not [b for b in kept.buttons if "两篇都保留" in b["text"] or "删除旧版" in b["text"]]
        assert "第 2/2 页" in await said(ADMIN, "下一页", reply_to_message=kept)
