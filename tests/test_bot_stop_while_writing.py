"""Stopping the bot while an admin's archive is being added (mend68t, docs/trial68.md "The batch deadlock, fixed").

trial68 saw the bot "deadlock" while a staff member asked during a 60-file upload; the Python stacks showed no
lock cycle (idle executor threads waiting for work) — the trial's script had taken the answer given during the
update, which begins with ⏳, for a status. What was wrong in the bot: SIGTERM waited for every remaining file
of the zip, since python-telegram-bot's `Application.stop()` waits for the upload's handler, which waited for the
whole add. `bot.writer.Writer` runs the add in a daemon thread, gives it up when the bot stops and stops it at
its next checkpoint; the upload is taken up again at the next start.
"""

from __future__ import annotations

import asyncio
import io
import logging
import signal
import threading
import zipfile
from pathlib import Path

import pytest
from telegram.error import NetworkError

from bot.handlers import REINDEX_GIVEN_UP
from bot.progress import ProgressMessage, Throttle, embedding_progress
from bot.writer import Writer, WriterStopped

from .bot_harness import ADMIN, USER
from .fake_telegram import FakeBotAPI, html_to_text
from .test_bot_cli import bot_env, bot_process, interrupt
from .test_bot_in_use import PHOTO_OF_A_NOTICE, notice_file, titles, unfinished

ARCHIVE = "一批通知.zip"


NOTICES = {
    "一、门球比赛通知.docx": notice_file(
        "关于举办全市离退休干部门球比赛的通知",
        "各县（市、区）老干部局：为丰富离退休干部文化生活，定于十一月二十日在市体育中心举办门球比赛。",
        "每个代表队报名队员八名，请于十一月十日前将报名表报送市老干部局文体处。",
    ),
    "三、书画展征稿通知.docx": notice_file(
        "关于征集离退休干部书画作品的通知",
        "为庆祝老年节，市老干部活动中心举办书画作品展，每人限报作品两件，装裱后送至活动中心二楼展厅。",
        "征稿截止时间为十二月一日，逾期不再受理。",
    ),
    "四、健康讲座通知.docx": notice_file(
        "关于开展冬季养生健康讲座的通知",
        "市老年大学定于十二月八日上午九点在报告厅举办冬季养生健康讲座，主讲人为市中医院主任医师。",
        "讲座免费，请各支部组织老同志参加，参加人数请于十二月五日前报老年大学教务处。",
    ),
}


def batch() -> bytes:
    """A zip as an admin makes one: a Word notice, the photo of a printed notice, two more Word notices."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        names = sorted(NOTICES)
        archive.writestr(names[0], NOTICES[names[0]])
        archive.writestr("二、" + PHOTO_OF_A_NOTICE.name, PHOTO_OF_A_NOTICE.read_bytes())
        for name in names[1:]:
            archive.writestr(name, NOTICES[name])
    return out.getvalue()


# -- the writer on its own: two threads, the handler's and the writing one, meeting at a barrier ------------


@pytest.mark.asyncio
async def test_a_change_under_way_is_given_up_when_the_application_stops_and_stops_at_its_next_checkpoint() -> (
    None
):
    running = threading.Event()
    running.set()
    writer = Writer(check_every=0.01)
    writer.watch(running.is_set)
    inside = threading.Barrier(2)
    passed: list[int] = []
    ended: list[str] = []

    def add_members() -> str:
        inside.wait()  # the change is under way when the stop comes
        try:
            for member in range(10_000):
                writer.checkpoint()  # between an archive's members
                passed.append(member)
                if member == 2:
                    running.clear()  # SIGTERM: `Application.stop()` begins
                    assert writer.stopping.wait(30)  # the handler saw it
        except WriterStopped:
            ended.append("stopped at a checkpoint")
            raise
        return "every member added"

    task = asyncio.ensure_future(writer.run(add_members))
    await asyncio.to_thread(inside.wait)
    with pytest.raises(asyncio.CancelledError):
        await task
    await asyncio.to_thread(
        lambda: [t.join(30) for t in threading.enumerate() if t.name == "speechqa-writer"]
    )
    assert passed == [0, 1, 2]  # the member under way when the bot stopped was the last one begun
    assert ended == ["stopped at a checkpoint"]


@pytest.mark.asyncio
async def test_a_change_returns_or_raises_to_its_handler_while_the_bot_runs() -> None:
    writer = Writer(check_every=0.01)
    writer.watch(lambda: True)
    assert await writer.run(sum, [1, 2, 3]) == 6
    with pytest.raises(ZeroDivisionError):
        await writer.run(divmod, 1, 0)
    reports: list[tuple[int, int]] = []
    writer.checked(lambda done, total: reports.append((done, total)))(3, 7)
    assert reports == [(3, 7)]
    assert not writer.stopping.is_set()


@pytest.mark.asyncio
async def test_an_error_of_a_change_given_up_on_is_logged(caplog: pytest.LogCaptureFixture) -> None:
    """The bot stops while the thread is inside a long call (OCR of a page); the write after it fails: nobody
    awaits the change any more, and the error is logged rather than dropped (review68w)."""
    running = threading.Event()
    running.set()
    writer = Writer(check_every=0.01)
    writer.watch(running.is_set)
    inside = threading.Barrier(2)
    given_up = threading.Event()

    def add() -> None:
        inside.wait()
        assert given_up.wait(30)  # the long call outlives the handler
        raise OSError(28, "No space left on device")

    task = asyncio.ensure_future(writer.run(add))
    await asyncio.to_thread(inside.wait)
    running.clear()  # SIGTERM: `Application.stop()` begins
    with pytest.raises(asyncio.CancelledError):
        await task
    with caplog.at_level(logging.ERROR, logger="bot.writer"):
        given_up.set()
        await asyncio.to_thread(
            lambda: [t.join(30) for t in threading.enumerate() if t.name == "speechqa-writer"]
        )
        await asyncio.sleep(0)  # the thread's outcome is handed to the loop
        await asyncio.sleep(0)
    logged = [r for r in caplog.records if r.levelno == logging.ERROR and r.name == "bot.writer"]
    assert len(logged) == 1
    assert logged[0].exc_info is not None
    assert isinstance(logged[0].exc_info[1], OSError)
    assert "No space left on device" in str(logged[0].exc_info[1])


@pytest.mark.asyncio
@pytest.mark.parametrize("from_post_init", [True, False])
async def test_a_stop_before_the_first_change_gives_the_first_change_up_at_once(from_post_init: bool) -> None:
    """The application started, then stopped while an upload's handler was still downloading its file: the
    first `run` since start comes after `Application.stop()` began, and is given up before any member is added
    (review68w). Watched from post_init (not yet running, the application says when it started), or once
    running."""
    running = threading.Event()
    started = threading.Event()
    writer = Writer(check_every=0.01)
    if from_post_init:
        writer.watch(running.is_set, started.is_set)
        assert await writer.run(sum, [1, 2]) == 3  # initialised, not started: a resumed upload goes on
    started.set()
    running.set()  # `Application.start()`
    if not from_post_init:
        writer.watch(running.is_set)
    running.clear()  # SIGTERM: `Application.stop()` begins before the first change reaches the writer
    members: list[int] = []

    def add_archive() -> str:
        for member in range(20):
            writer.checkpoint()
            members.append(member)
        return "every member added"

    with pytest.raises(asyncio.CancelledError):
        await writer.run(add_archive)
    assert members == []
    assert writer.stopping.is_set()


class StatusMessage:
    """A fake of the status message a handler edits (`telegram.Message`'s `text`, `text_html`, `edit_text`)."""

    def __init__(self, text: str, fails: bool = False) -> None:
        self.text = self.text_html = text
        self.fails = fails
        self.edits: list[str] = []

    async def edit_text(self, text: str, **kwargs: object) -> None:
        if self.fails:
            raise NetworkError("the bot's connection is closing")
        self.edits.append(text)
        self.text = self.text_html = text


@pytest.mark.asyncio
async def test_a_reindex_given_up_at_a_stop_says_so_instead_of_showing_its_progress_forever() -> None:
    status = StatusMessage("⏳ 正在重建索引…")
    progress = ProgressMessage(
        status,  # type: ignore[arg-type]
        asyncio.get_running_loop(),
        embedding_progress("正在重建索引"),
        Throttle(0.0),
    )
    await asyncio.to_thread(progress, 1, 4)  # the rebuild's thread reports a batch
    await asyncio.sleep(0.01)
    await progress.abandon(REINDEX_GIVEN_UP)
    await asyncio.to_thread(progress, 2, 4)  # a late report from the thread changes nothing
    await asyncio.sleep(0.01)
    assert status.edits[-1] == REINDEX_GIVEN_UP
    assert len(status.edits) == 2
    assert REINDEX_GIVEN_UP.endswith("。") and "/reindex" in REINDEX_GIVEN_UP
    # the bot going away may fail the edit too: logged, the stop goes on
    failing = StatusMessage("⏳ 正在重建索引…", fails=True)
    quiet = ProgressMessage(
        failing,  # type: ignore[arg-type]
        asyncio.get_running_loop(),
        embedding_progress("正在重建索引"),
        Throttle(0.0),
    )
    await quiet.abandon(REINDEX_GIVEN_UP)
    assert failing.edits == []


# -- the real `speechqa bot` process ------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.asyncio
async def test_sigterm_during_an_archive_stops_the_bot_without_adding_the_rest_and_the_restart_adds_it(
    seed_home: Path,
) -> None:
    """SIGTERM while the second member of a four-file zip (a photo, read by OCR) is being added: the bot used to
    add every remaining member before it stopped. Now it stops without beginning another member, keeps the
    upload, and after the restart adds the zip to the end, reporting on the same status message; a question
    asked while the zip is added is answered meanwhile.

    The signal goes as soon as the status says the first member is done: the photo is then being read (seconds
    of OCR, or of finding no text where Tesseract lacks Chinese). Waiting for an answer first (as the test
    once did) let a loaded CI machine finish the photo and begin the third member before the signal."""
    async with FakeBotAPI() as api:
        env = bot_env(seed_home, api.base_url, admins=str(ADMIN), allowed_users=str(USER))
        async with bot_process(env) as first:
            await api.wait_for("setMyCommands", timeout=120)  # post_init ran: polling follows
            api.push_update(api.make_document_update(ARCHIVE, batch(), "application/zip", user_id=ADMIN))
            await api.wait_for(
                "editMessageText",
                timeout=300,
                predicate=lambda c: "已处理 1 个文件" in str(c.params.get("text")),
            )
            first.send_signal(signal.SIGTERM)
            _, stderr = await asyncio.wait_for(first.communicate(), timeout=600)
        log = stderr.decode()
        assert first.returncode == 0, log[-3000:]
        assert "the change under way is given up" in log
        stored = titles(seed_home)
        assert "关于举办全市离退休干部门球比赛的通知" in stored
        # neither member after the one being read was begun (the old bot added both before it stopped)
        assert "关于征集离退休干部书画作品的通知" not in stored
        assert "关于开展冬季养生健康讲座的通知" not in stored
        assert unfinished(seed_home) == [ARCHIVE]
        (status,) = [c for c in api.calls_of("sendMessage") if str(c.params.get("chat_id")) == str(ADMIN)]
        status_id = status.response["result"]["message_id"]
        api.clear_calls()
        async with bot_process(env) as second:
            await api.wait_for("setMyCommands", timeout=120)
            api.push_update(api.make_text_update("离休干部体检规定是什么？", user_id=USER))
            (answer,) = await api.wait_for(
                "sendMessage", timeout=120, predicate=lambda c: str(c.params.get("chat_id")) == str(USER)
            )
            reported = await api.wait_for(
                "editMessageText",
                timeout=600,
                predicate=lambda c: not html_to_text(str(c.params.get("text"))).startswith("⏳"),
            )
            await interrupt(second)
    assert "要落实好离休干部每年一次体检的规定" in html_to_text(answer.params["text"])
    report = html_to_text(reported[0].params["text"])
    assert reported[0].params["message_id"] == status_id
    assert "书画作品" in report and "健康讲座" in report, report
    stored = titles(seed_home)
    assert "关于征集离退休干部书画作品的通知" in stored and "关于开展冬季养生健康讲座的通知" in stored
    assert stored.count("关于举办全市离退休干部门球比赛的通知") == 1
    assert unfinished(seed_home) == []
