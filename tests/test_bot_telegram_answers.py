"""End-to-end tests of what real Telegram sends and answers that the other bot tests did not cover: a
question written under a file that is not added, words under an admin's file, flood control (429) asking
again and again or for longer than the bot waits, a reply to a group Telegram upgraded to a supergroup
meanwhile, and a chosen inline result. The real Application, over real HTTP, against the fake Bot API."""

from __future__ import annotations

import asyncio
import io
import logging
import time
from typing import Any

import docx
import pytest

from bot import handlers as bot_handlers
from retrieval import SpeechService

from .bot_harness import ADMIN, GROUP, USER, feed, running_bot
from .fake_telegram import FakeBotAPI

pytestmark = [pytest.mark.asyncio, pytest.mark.slow]

QUESTION = "离休干部体检规定是什么？"
CITED = "要落实好离休干部每年一次体检的规定"
SUPERGROUP = -1002555000000  # what GROUP becomes when Telegram upgrades it
NOT_ADDED = "📎 这个文件没有加入讲话库："


def notice() -> bytes:
    """A short notice as Word writes it (python-docx), with characters that HTML and Markdown mark up."""
    document = docx.Document()
    for line in (
        "关于<重阳节>&“银发”_*[慰问]活动的通知",
        "2025年9月20日",
        "各单位：重阳节期间走访慰问离休干部，慰问金<500元&以上的按*规定*报销_[详见附件]。",
    ):
        document.add_paragraph(line)
    data = io.BytesIO()
    document.save(data)
    return data.getvalue()


def sections_notice(sections: int) -> bytes:
    """A notice of several numbered sections (python-docx): one passage each, embedded one by one."""
    document = docx.Document()
    document.add_paragraph("关于做好老干部服务工作的通知")
    document.add_paragraph("2025年10月8日")
    numbers = "一二三四五六七八九十"
    for n in range(sections):
        document.add_paragraph(f"{numbers[n]}、第{numbers[n]}项工作")
        document.add_paragraph(
            f"各单位要做好第{numbers[n]}项老干部服务工作，落实走访慰问、健康体检和学习活动，"
            f"每季度向局里报送第{numbers[n]}项工作的进展情况和存在的问题。"
        )
    data = io.BytesIO()
    document.save(data)
    return data.getvalue()


def warnings_of_ours(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [
        r.getMessage() for r in caplog.records if r.name.startswith("bot") and r.levelno >= logging.WARNING
    ]


async def test_a_question_under_a_file_that_is_not_added_is_answered(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    """A staff member forwarding a notice with 「这个通知里…？」 under it, or a file sent in a group with the
    bot named under it, got only 「只有管理员可以上传讲话文件。」 (or 「请私聊使用」): the question was lost. It
    is answered, under one line saying the file was not added and why; nothing is added."""
    speeches = len(seed_service.library.store.speeches())
    in_group: dict[str, Any] = {"chat_id": GROUP, "chat_type": "supergroup"}
    async with running_bot(api, seed_service) as app:
        sent = api.make_document_update("通知.docx", notice(), caption="离休干部体检规定是什么")
        await feed(app, sent)
        await feed(app, api.make_edited_update(sent, QUESTION))  # the answer follows the words edited
        await feed(app, api.make_document_update("通知.docx", notice()))  # no words under it: as before
        await feed(app, api.make_document_update("通知.docx", notice(), caption="请收录"))  # nothing asked
        await feed(
            app,
            api.make_document_update("通知.docx", notice(), caption=f"@speechqa_bot {QUESTION}", **in_group),
        )
        await feed(
            app,
            api.make_document_update(
                "通知.docx", notice(), caption=f"@speechqa_bot {QUESTION}", user_id=ADMIN, **in_group
            ),
        )
    answered, refused, asks_nothing = (m.plain_text for m in api.messages(USER))
    assert asks_nothing == refused
    assert answered.startswith(
        f"{NOT_ADDED}只有管理员可以上传讲话文件。下面是按文件下的文字在讲话库中查找的结果。"
    )
    assert CITED in answered
    assert refused == "只有管理员可以上传讲话文件。"
    member, admin = (m.plain_text for m in api.messages(GROUP))
    assert member.startswith(f"{NOT_ADDED}只有管理员可以上传讲话文件。") and CITED in member
    assert admin.startswith(f"{NOT_ADDED}要加入讲话库，请在与我的私聊中发送文件。") and CITED in admin
    assert api.messages(USER)[0].edit_count == 1
    assert len(seed_service.library.store.speeches()) == speeches
    assert seed_service.library.store.query_stats().questions == 4


async def test_words_under_an_admins_file_are_said_to_be_no_question(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    """An admin's file is added whatever is written under it; a question there was passed over in silence
    (an album's caption was already said to be no question). The report now says so (not under words that
    ask nothing, such as 「新通知，请收录」), and the passage's markup
    characters reach the report and the answers escaped."""
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_document_update("通知.docx", notice(), caption=QUESTION, user_id=ADMIN))
        report = api.last_message(ADMIN)
        await feed(
            app, api.make_document_update("通知2.docx", notice(), caption="新通知，请收录", user_id=ADMIN)
        )
        again = api.last_message(ADMIN)
        await feed(app, api.make_text_update("重阳节慰问金<500元&以上怎么报销？", user_id=ADMIN))
        answer = api.last_message(ADMIN)
    assert "新增 #6 《关于<重阳节>&“银发”_*[慰问]活动的通知》" in report.plain_text
    assert report.plain_text.endswith(bot_handlers.CAPTION_NOT_ASKED)
    assert bot_handlers.CAPTION_NOT_ASKED not in again.plain_text
    assert "慰问金<500元&以上的按*规定*报销_[详见附件]" in answer.plain_text
    assert seed_service.library.store.query_stats().questions == 1  # the caption was not searched


async def test_flood_control_is_waited_out_as_often_as_telegram_asks(
    api: FakeBotAPI, seed_service: SpeechService, caplog: pytest.LogCaptureFixture
) -> None:
    """429 Too Many Requests three times in a row: PTB's limiter gave up after two retries and the answer
    was lost. Each `retry_after` is waited out (the waits add up to far less than the bot's patience), the
    one answer arrives, sent once."""
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_text_update("老年大学要怎么办"))  # warm up
        api.clear_calls()
        api.fail_next("sendMessage", 429, retry_after=1, times=3)
        began = time.monotonic()
        with caplog.at_level(logging.INFO):
            await feed(app, api.make_text_update(QUESTION))
        took = time.monotonic() - began
    attempts = api.calls_of("sendMessage", ok=None)
    assert [c.status for c in attempts] == [429, 429, 429, 200]
    assert len({str(c.params["text"]) for c in attempts}) == 1
    assert took >= 3.0
    assert CITED in api.last_message(USER).plain_text
    assert not warnings_of_ours(caplog)


async def test_a_flood_wait_longer_than_the_bot_waits_is_given_up_at_once(
    api: FakeBotAPI, seed_service: SpeechService, caplog: pytest.LogCaptureFixture
) -> None:
    """A `retry_after` of an hour (a flood ban) was waited out by PTB's limiter, every chat's replies held
    meanwhile. It is given up at once, said in one log line, and the next question is answered."""
    async with running_bot(api, seed_service) as app:
        api.fail_next("sendMessage", 429, retry_after=3600)
        began = time.monotonic()
        with caplog.at_level(logging.INFO):
            await feed(app, api.make_text_update(QUESTION))
        took = time.monotonic() - began
        await feed(app, api.make_text_update(QUESTION))
    assert took < 30  # the search itself, not the hour
    assert [c.status for c in api.calls_of("sendMessage", ok=None)] == [429, 200]
    assert CITED in api.last_message(USER).plain_text
    assert warnings_of_ours(caplog) == [f"Telegram still asks to wait 3600 s: no reply sent to chat {USER}"]
    assert not [r for r in caplog.records if r.name.startswith("bot") and r.exc_info]


async def test_a_reply_to_a_group_upgraded_meanwhile_goes_to_the_supergroup(
    api: FakeBotAPI, seed_service: SpeechService, caplog: pytest.LogCaptureFixture
) -> None:
    """A question asked in a basic group just before Telegram upgraded it to a supergroup: its answer, sent
    to the old id, was refused ("group chat was upgraded to a supergroup chat", `migrate_to_chat_id`) and
    lost, logged only. It now goes to the supergroup, once; the upgrade's updates then post nothing."""
    in_group: dict[str, Any] = {"chat_id": GROUP, "chat_type": "group"}
    asked = api.make_text_update(f"/ask {QUESTION}", **in_group)
    upgrade = api.migrate_group(GROUP, SUPERGROUP)
    async with running_bot(api, seed_service) as app:
        with caplog.at_level(logging.INFO):
            await feed(app, asked)
            for update in upgrade:
                await feed(app, update)
        await feed(app, api.make_text_update(f"/ask {QUESTION}", chat_id=SUPERGROUP, chat_type="supergroup"))
    sends = api.calls_of("sendMessage", ok=None)
    assert [(c.params["chat_id"], c.status) for c in sends] == [
        (GROUP, 400),
        (SUPERGROUP, 200),
        (SUPERGROUP, 200),
    ]
    first, second = api.messages(SUPERGROUP)
    assert CITED in first.plain_text and first.text == second.text
    assert not warnings_of_ours(caplog)


async def test_a_chosen_inline_result_and_an_empty_inline_query_do_no_harm(
    api: FakeBotAPI, seed_service: SpeechService, caplog: pytest.LogCaptureFixture
) -> None:
    """With inline feedback enabled Telegram reports which inline result a user picked; the bot offers
    none to pick (its answer is a button to the private chat), and an inline query typed empty gets
    that button too. Nothing is sent to any chat, nothing logged above INFO."""
    async with running_bot(api, seed_service) as app:
        with caplog.at_level(logging.INFO):
            await feed(app, api.make_inline_query_update(""))
            await feed(app, api.make_chosen_inline_result_update(QUESTION))
    (answered,) = api.calls_of("answerInlineQuery")
    assert answered.params["results"] == [] and answered.params["button"]["start_parameter"] == "inline"
    assert not api.calls_of("sendMessage", ok=None)
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]


async def test_an_upload_report_whose_status_message_was_deleted_comes_as_a_new_message(
    api: FakeBotAPI, seed_service: SpeechService, caplog: pytest.LogCaptureFixture
) -> None:
    """An admin who deleted the 「⏳ 正在读取…」 message while the file was being added got 「抱歉，处理这个请求时
    出了点问题」 (an ERROR with a traceback) though the file was added: the report could not be edited in.
    It now comes as a new message, and no more progress edits are tried on the message that is gone."""
    async with running_bot(api, seed_service, progress_interval=0) as app:
        upload = asyncio.create_task(
            feed(app, api.make_document_update("通知.docx", sections_notice(6), user_id=ADMIN))
        )
        await api.wait_for("sendMessage")
        api.delete_as_user(api.last_message(ADMIN))
        with caplog.at_level(logging.INFO):
            await upload
    edits = api.calls_of("editMessageText", ok=None)
    assert [c.status for c in edits] == [400, 400]  # the first progress edit, and the report's
    (report,) = (m for m in api.messages(ADMIN) if not m.deleted)
    assert "新增 #6 《关于做好老干部服务工作的通知》" in report.plain_text
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]


async def test_an_admin_who_blocks_the_bot_during_an_upload_gets_no_more_edits(
    api: FakeBotAPI, seed_service: SpeechService, caplog: pytest.LogCaptureFixture
) -> None:
    """Blocked while a file was being added, the bot tried every progress edit (a 403 and a WARNING line
    each, every few seconds of a long OCR or indexing). It stops at the first; the file is added."""
    speeches = len(seed_service.library.store.speeches())
    async with running_bot(api, seed_service, progress_interval=0) as app:
        upload = asyncio.create_task(
            feed(app, api.make_document_update("通知.docx", sections_notice(6), user_id=ADMIN))
        )
        await api.wait_for("sendMessage")
        blocked = api.block(ADMIN)
        with caplog.at_level(logging.INFO):
            await upload
            await feed(app, blocked)
    edits = api.calls_of("editMessageText", ok=None)
    assert [c.status for c in edits] == [403, 403]  # the first progress edit, and the report's
    assert len(seed_service.library.store.speeches()) == speeches + 1
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]
