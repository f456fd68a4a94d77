"""End-to-end tests of update shapes real Telegram clients send that no other test sent (session 40): a
button pressed on an inline message, for every kind of button; a /command inside the words; a file whose
Chinese name a client sent in another encoding; a reaction on an answer. The real Application, over real
HTTP, against the fake Bot API. Each test failed before its fix."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from bot import handlers as bot_handlers
from retrieval import SpeechService

from .bot_harness import ADMIN, GROUP, USER, feed, running_bot
from .fake_telegram import FakeBotAPI

pytestmark = [pytest.mark.asyncio, pytest.mark.slow]

QUESTION = "离休干部体检规定是什么？"
CITED = "要落实好离休干部每年一次体检的规定"
BROAD = "怎样发挥老干部的作用？"  # several pages: 更多结果 among its buttons
IN_GROUP: dict[str, Any] = {"chat_id": GROUP, "chat_type": "supergroup"}
INLINE_MESSAGE = "AAAAAgAAAAEAAAAAAAAAAA"


def errors(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]


def command_at(text: str, command: str) -> list[dict[str, Any]]:
    """The bot_command entity Telegram marks for `command` written inside `text`."""
    return [{"type": "bot_command", "offset": text.index(command), "length": len(command)}]


async def test_every_button_pressed_on_an_inline_message_is_stale_and_harmless(
    api: FakeBotAPI, seed_service: SpeechService, caplog: pytest.LogCaptureFixture
) -> None:
    """The bot puts no button on an inline message (its inline mode answers with a link to the private chat),
    so a press there is of a modified client or another bot's message. 🗑 删除旧版 crashed (an ERROR with a
    traceback), 📥 加入资料库 and /pins' buttons told an admin 「只有管理员可以…」, 前文/后文 and 阅读全文 edited
    the inline message with a speech's text."""
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_text_update(BROAD, user_id=ADMIN))
        answer = api.last_message(ADMIN)
        own = [b["callback_data"] for b in answer.buttons]
        # one of every other kind, as their keyboards write them (see bot/callbacks.py)
        others = ["n:54", "r:2:0", "l:1", "x:0", "v:1:-1:0", "u:1:1:0:0", "a:1:1", "d:3:0", "d:3:1", "b:3:4"]
        others += ["g", "k:0", "z:1:0"]
        assert {d.split(":")[0] for d in own + others} >= set("mcnsrlfxvoepuadbgkz")
        api.clear_calls()
        with caplog.at_level(logging.INFO):
            for presser in (ADMIN, USER):
                for data in dict.fromkeys(own + others):
                    press = api.make_callback_update(answer, data, check=False, user_id=presser)
                    query = press["callback_query"]
                    del query["message"]
                    query["inline_message_id"] = INLINE_MESSAGE
                    await feed(app, press)
    presses = 2 * len(dict.fromkeys(own + others))
    answered = [c.params.get("text") for c in api.calls_of("answerCallbackQuery")]
    assert answered == [bot_handlers.STALE_BUTTON] * presses
    assert not api.calls_of("editMessageText") and not api.calls_of("sendMessage")
    assert not api.calls_of("sendDocument") and not api.calls_of("editMessageReplyMarkup")
    assert len(seed_service.library.store.speeches()) == 5  # nothing removed
    assert not errors(caplog)


async def test_a_command_inside_the_words_is_no_part_of_the_question(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    """「离休干部 /ask 体检规定是什么」: Telegram marks 「/ask」 as a command where it stands; it was searched as a
    word of the question, whose answer then read 「🔶 可能相关」 under the heading 「离休干部 /ask 体检规定是什么」."""
    typed = "离休干部 /ask 体检规定是什么？"
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_text_update(typed, entities=command_at(typed, "/ask")))
        await feed(app, api.make_text_update(QUESTION))
    with_command, plain = (m.plain_text for m in api.messages(USER))
    assert "/ask" not in with_command.split("\n")[0]
    assert with_command.split("\n")[1] == plain.split("\n")[1] == "✅ 直接相关"
    assert CITED in with_command


async def test_a_command_naming_the_bot_inside_the_words_asks_it_in_a_group(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    """「请问 /ask@speechqa_bot 离休干部体检规定是什么？」 in a group names the bot as clearly as a mention: it got
    no answer (only a leading command or a mention counted). A bare /ask inside group chatter, or another bot's
    command, stays nobody's business of this bot."""
    named = "请问 /ask@speechqa_bot 离休干部体检规定是什么？"
    bare = "大家注意 /ask 是问机器人的命令"
    other = "请问 /ask@other_bot 离休干部体检规定是什么？"
    async with running_bot(api, seed_service) as app:
        await feed(
            app, api.make_text_update(named, entities=command_at(named, "/ask@speechqa_bot"), **IN_GROUP)
        )
        await feed(app, api.make_text_update(bare, entities=command_at(bare, "/ask"), **IN_GROUP))
        await feed(app, api.make_text_update(other, entities=command_at(other, "/ask@other_bot"), **IN_GROUP))
    (reply,) = api.messages(GROUP)  # the named one's answer only
    assert "/ask" not in reply.plain_text.split("\n")[0] and CITED in reply.plain_text


async def test_a_file_whose_chinese_name_came_in_another_encoding_is_added_under_its_name(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    """A notice saved from an old mail program or unpacked by a Western zip tool carries its name as Western
    letters (GBK's bytes shown as Windows-1252: 「ÀÏ¸É²¿¾ÖÍ¨Öª.txt」) or as rare characters (UTF-8's bytes shown as
    GBK: 「閫氱煡.txt」); sent to the bot, it was reported, listed and cited under that garbled name."""
    notices = {
        "老干部局通知.txt".encode("gbk").decode("latin-1"): (
            "老干部局通知.txt",
            "关于开展离休干部健康体检的通知\n各单位：今年离休干部健康体检安排在五月，请组织离休干部按时参加。",
        ),
        "通知.txt".encode().decode("gbk"): (
            "通知.txt",
            "关于开展老干部文体活动的通知\n各单位：今年老干部文体活动安排在九月，请组织老干部按时参加活动。",
        ),
    }
    async with running_bot(api, seed_service) as app:
        for sent, (_, text) in notices.items():
            assert sent != _
            await feed(app, api.make_document_update(sent, text.encode(), "text/plain", user_id=ADMIN))
    reports = [m.plain_text for m in api.messages(ADMIN)]
    for sent, (meant, _) in notices.items():
        assert any(report.startswith(f"📥 {meant}\n新增") for report in reports), reports
        assert not any(sent in report for report in reports)
    stored = {speech.source for speech in seed_service.library.store.speeches()}
    assert {meant for meant, _ in notices.values()} <= stored


def reaction(
    api: FakeBotAPI, chat: dict[str, Any], message_id: int, user_id: int, *emoji: str
) -> dict[str, Any]:
    """A ``message_reaction`` update: ``user_id`` set the reactions on a message to ``emoji`` (none: taken
    back), as Telegram sends it to a bot that asks for every update type (``speechqa bot`` does)."""
    user = {"id": user_id, "is_bot": False, "first_name": "Alice"}
    return {
        "message_reaction": {
            "chat": chat,
            "message_id": message_id,
            "user": user,
            "date": 1_700_000_000,
            "old_reaction": [],
            "new_reaction": [{"type": "emoji", "emoji": e} for e in emoji],
        }
    }


async def test_a_thumbs_up_or_down_reaction_on_an_answer_is_the_askers_vote(
    api: FakeBotAPI, seed_service: SpeechService, caplog: pytest.LogCaptureFixture
) -> None:
    """People used to Telegram react to a message rather than press a button under it: a 👍 or 👎 put on an
    answer went unrecorded (the bot received it and did nothing), so /stats' 👍/👎 missed them. The asker's
    reaction is now their vote, as the buttons record it (a later one replaces it); a colleague's reaction, a
    reaction of no such sense (😂), and one on a message that is no answer change nothing."""
    store = seed_service.library.store
    private = {"id": USER, "type": "private", "first_name": "Alice"}
    group = {"id": GROUP, "type": "supergroup", "title": "G"}
    colleague = 1003
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_text_update(QUESTION))
        answer = api.last_message(USER)
        await feed(app, api.make_text_update("/start"))
        welcome = api.last_message(USER)
        await feed(app, api.make_text_update(f"/ask {QUESTION}", **IN_GROUP))
        in_group = api.last_message(GROUP)
        with caplog.at_level(logging.INFO):
            await feed(app, api.push_update(reaction(api, private, welcome.message_id, USER, "👍")))
            await feed(app, api.push_update(reaction(api, private, answer.message_id, USER, "😂")))
            assert (store.query_stats().helpful, store.query_stats().unhelpful) == (0, 0)
            await feed(app, api.push_update(reaction(api, private, answer.message_id, USER, "👍")))
            assert (store.query_stats().helpful, store.query_stats().unhelpful) == (1, 0)
            await feed(app, api.push_update(reaction(api, group, in_group.message_id, colleague, "👎")))
            assert (store.query_stats().helpful, store.query_stats().unhelpful) == (1, 0)
            await feed(app, api.push_update(reaction(api, group, in_group.message_id, USER, "👎")))
            await feed(app, api.push_update(reaction(api, private, answer.message_id, USER, "👎")))  # changed
    assert (store.query_stats().helpful, store.query_stats().unhelpful) == (0, 2)
    assert len(api.messages(USER)) == 2 and len(api.messages(GROUP)) == 1  # nothing said about a reaction
    assert not errors(caplog)


async def test_a_forged_button_asking_for_a_page_far_past_the_end_is_stale_not_a_crash(
    api: FakeBotAPI, seed_service: SpeechService, caplog: pytest.LogCaptureFixture
) -> None:
    """Button data may be up to 64 bytes: a modified client can send 更多结果 or 导出 Word for the page at offset
    999999999999999999. The search asked FAISS for that many results, which it allocates first: a MemoryError
    (「Unable to allocate 6.94 EiB」), an ERROR with a traceback and the apology. Such a page is past the end."""
    far = "999999999999999999"
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_text_update(BROAD))
        answer = api.last_message(USER)
        query_id = answer.button_data("👍 有帮助").split(":")[1]
        api.clear_calls()
        with caplog.at_level(logging.INFO):
            for data in (f"e:{query_id}:0:{far}", f"m:{query_id}:{far}", f"v:{query_id}:-1:{far}"):
                await feed(app, api.make_callback_update(answer, data, check=False))
    assert bot_handlers.APOLOGY not in api.texts_sent(ok=None)
    assert not api.calls_of("sendDocument")
    assert not errors(caplog)
