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

import pytest

from index import Library, OlderBy
from retrieval import SpeechService, older_reason
from tests.fakes import FakeEmbedder
from tests.fixtures.corpus_writers import soffice_convert, write_docx

from .bot_harness import ADMIN, USER, feed, running_bot
from .fake_telegram import FakeBotAPI
from .test_cli_library import Run, ok
from .test_ident60 import CHONGYANG
from .test_trial60 import SPEECH

TITLE = "在重阳节老干部座谈会上的讲话"
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
