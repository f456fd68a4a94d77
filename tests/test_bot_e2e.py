"""End-to-end tests of the bot: the real Application, over real HTTP, against the fake Bot API,
with the real SpeechService on the seed corpus (real bundled model)."""

from __future__ import annotations

import io
import json
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from bot import TEXT_LIMIT, refusal_text, utf16_len
from bot import handlers as bot_handlers
from corpus import SUPPORTED_FORMATS
from retrieval import SpeechService

from .bot_harness import (
    ADMIN,
    GROUP,
    OTHER_GROUP,
    STRANGER,
    TOKEN,
    USER,
    WEBHOOK_SECRET,
    ManualClock,
    bot_settings,
    feed,
    free_port,
    running_bot,
    service_on,
    start_polling,
    webhook,
)
from .fake_telegram import FakeBotAPI, SentMessage, parse_html
from .test_cli_library import fill, home_on_small_disk

pytestmark = [pytest.mark.asyncio, pytest.mark.slow]

QUESTION = "离休干部体检规定是什么？"
CITED = "要落实好离休干部每年一次体检的规定"
NO_ANSWER = "语料中没有找到直接回答这个问题的内容"
UNANSWERABLE = "明天天气怎么样？"
BROAD = "怎样发挥老干部的作用？"  # many passages answer it: several pages of results


def answers(api: FakeBotAPI, chat_id: int) -> list[SentMessage]:
    return api.messages(chat_id)


def entity_texts(message: SentMessage, kind: str) -> list[str]:
    """The text under each entity of a kind (offsets are in UTF-16 units, as Telegram counts)."""
    units = message.plain_text.encode("utf-16-le")
    return [
        units[2 * e["offset"] : 2 * (e["offset"] + e["length"])].decode("utf-16-le")
        for e in message.entities
        if e["type"] == kind
    ]


def button_texts(message: SentMessage) -> list[str]:
    return [b["text"] for b in message.buttons]


# -- questions and answers --------------------------------------------------------------------------
async def test_question_gets_one_cited_answer_with_bold_query_words(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_text_update(QUESTION))

    (answer,) = answers(api, USER)
    assert CITED in answer.plain_text
    top = answer.plain_text.split("\n\n")[1]  # the first passage block
    assert "开创老干部工作新局面 努力为温州第三次跨越作贡献" in top
    assert "2024-03-13 · 沈伟" in top
    assert "§ 二、2024年老干部工作主要任务" in top
    assert NO_ANSWER not in answer.plain_text
    bold = set(entity_texts(answer, "bold"))
    assert "离休干部" in bold and "体检" in bold
    assert answer.parse_mode == "HTML"
    labels = button_texts(answer)
    assert {"上下文 1", "出处 1", "👍 有帮助", "👎 没帮助"} <= set(labels)
    assert all(len(b["callback_data"].encode()) <= 64 for b in answer.buttons)

    # "typing…" was shown before the answer was sent
    methods = [c.method for c in api.calls if c.method in ("sendChatAction", "sendMessage")]
    assert methods[0] == "sendChatAction" and api.calls_of("sendChatAction")[0].params["action"] == "typing"

    # the question is in the log, with what was answered
    logged = seed_service.library.store.query_by_id(1)
    assert logged is not None
    assert (logged.channel, logged.user_id, logged.chat_id, logged.query) == (
        "telegram",
        "1001",
        "1001",
        QUESTION,
    )
    assert logged.answered and logged.latency_ms > 0
    passage_text = seed_service.library.store.passages_by_id([logged.top_ids[0]])[logged.top_ids[0]].text
    assert CITED in passage_text


async def test_ask_command_and_its_usage(api: FakeBotAPI, seed_service: SpeechService) -> None:
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_text_update("/ask 老年大学要怎么办"))
        await feed(app, api.make_text_update("/ask"))
    answer, usage = answers(api, USER)
    assert "老年大学" in answer.plain_text and "更多结果 ▶" in button_texts(answer)
    assert usage.plain_text.startswith("用法：/ask 问题")


async def test_more_results_edits_the_answer_in_place(api: FakeBotAPI, seed_service: SpeechService) -> None:
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_text_update(BROAD))
        answer = api.last_message(USER)
        first_page = answer.plain_text
        assert "第 1–5 条" in first_page and "\n\n1. " in first_page
        await feed(app, api.make_callback_update(answer, answer.button_data("更多结果")))
        assert api.calls_of("answerCallbackQuery")
        assert answer.edit_count == 1 and len(answers(api, USER)) == 1  # edited, not a new message
        assert "第 6–10 条" in answer.plain_text and "\n\n6. " in answer.plain_text
        assert "上下文 6" in button_texts(answer)
        await feed(app, api.make_callback_update(answer, answer.button_data("上一页")))
        assert answer.plain_text == first_page


async def test_context_button_shows_the_paragraphs_around_the_passage(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    store = seed_service.library.store
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_text_update(QUESTION))
        answer = api.last_message(USER)
        data = answer.button_data("上下文 1")
        passage_id = int(data.split(":")[1])
        await feed(app, api.make_callback_update(answer, data))
        context = api.last_message(USER)
        assert context is not answer
        around = store.neighbours(passage_id)
        assert len(around) == 3
        for p in around:
            assert p.text in context.plain_text
        (quote,) = entity_texts(context, "blockquote")
        assert CITED in quote

        await feed(app, api.make_callback_update(context, context.button_data("后文")))
        assert context.edit_count == 1
        after = store.neighbours(around[2].id)
        assert after[-1].text in context.plain_text


async def test_source_button_and_reading_the_speech(api: FakeBotAPI, seed_service: SpeechService) -> None:
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_text_update(QUESTION))
        answer = api.last_message(USER)
        await feed(app, api.make_callback_update(answer, answer.button_data("出处 1")))
        source = api.last_message(USER)
        text = source.plain_text
        assert text.startswith("📄 开创老干部工作新局面 努力为温州第三次跨越作贡献")
        for line in (
            "日期：2024-03-13",
            "讲话人：沈伟",
            "来源文件：speeches-2024-laoganbu.txt",
            "编号：2 · 共 53 段",
        ):
            assert line in text
        assert "二、2024年老干部工作主要任务" in text

        await feed(app, api.make_callback_update(source, source.button_data("阅读全文")))
        assert "第 1–6 段，共 53 段" in source.plain_text
        first = seed_service.library.store.passages(2)[0].text
        assert first in source.plain_text
        await feed(app, api.make_callback_update(source, source.button_data("下一页")))
        assert "第 7–12 段，共 53 段" in source.plain_text


async def test_feedback_is_stored_and_a_second_vote_replaces_the_first(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    store = seed_service.library.store
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_text_update(QUESTION))
        answer = api.last_message(USER)
        await feed(app, api.make_callback_update(answer, answer.button_data("👍")))
        assert "感谢反馈" in api.calls_of("answerCallbackQuery")[-1].params["text"]
        stats = store.query_stats()
        assert (stats.helpful, stats.unhelpful) == (1, 0)
        await feed(app, api.make_callback_update(answer, answer.button_data("👎")))
        stats = store.query_stats()
        assert (stats.helpful, stats.unhelpful) == (0, 1)
    row = store.db.execute("SELECT query_id, user_id, chat_id, value FROM feedback").fetchall()
    assert row == [(1, "1001", "1001", -1)]


async def test_user_ids_are_pseudonyms_in_the_log_when_asked(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    store = seed_service.library.store
    async with running_bot(api, seed_service, bot_settings(api, hash_user_ids=True)) as app:
        await feed(app, api.make_text_update(QUESTION))
        await feed(
            app, api.make_callback_update(api.last_message(USER), api.last_message(USER).button_data("👍"))
        )
        await feed(app, api.make_text_update(f"/ask {QUESTION}", chat_type="supergroup", chat_id=GROUP))
    private, group = store.query_by_id(1), store.query_by_id(2)
    assert private is not None and group is not None
    assert private.user_id == group.user_id == private.chat_id  # stable, and a private chat id is the user id
    assert (
        private.user_id is not None and private.user_id.startswith("h:") and str(USER) not in private.user_id
    )
    assert group.chat_id == str(GROUP)  # a group's id is not personal
    assert store.db.execute("SELECT user_id FROM feedback").fetchall() == [(private.user_id,)]


async def test_buttons_keep_working_after_a_restart(api: FakeBotAPI, seed_home: Path) -> None:
    with service_on(seed_home) as service:
        async with running_bot(api, service) as app:
            await feed(app, api.make_text_update(BROAD))
    answer = api.last_message(USER)
    first_page = answer.plain_text

    with service_on(seed_home) as service:  # a new process: nothing kept in memory
        async with running_bot(api, service) as app:
            await feed(app, api.make_callback_update(answer, answer.button_data("更多结果")))
            assert "第 6–10 条" in answer.plain_text and answer.plain_text != first_page
            await feed(app, api.make_callback_update(answer, answer.button_data("上下文 6")))
            assert api.last_message(USER).plain_text.startswith("📖 上下文")
            await feed(app, api.make_callback_update(answer, answer.button_data("出处 6")))
            assert api.last_message(USER).plain_text.startswith("📄 ")
            await feed(app, api.make_callback_update(answer, answer.button_data("👍")))
            assert service.library.store.query_stats().helpful == 1
    assert not api.calls_of("answerCallbackQuery", ok=False)
    assert all("失效" not in str(c.params.get("text", "")) for c in api.calls_of("answerCallbackQuery"))


async def test_unanswerable_question_says_so_and_offers_the_nearest_passages(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_text_update(UNANSWERABLE))
    (answer,) = answers(api, USER)
    assert NO_ANSWER in answer.plain_text
    assert "最接近的段落（可能不相关）" in answer.plain_text
    assert answer.plain_text.count("（可能不相关）") >= 2  # the notice, and on each passage
    assert "1. " in answer.plain_text  # the nearest passages are still shown
    logged = seed_service.library.store.query_by_id(1)
    assert logged is not None and not logged.answered


async def test_a_year_the_library_has_nothing_of_is_said_not_answered(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    """The bundled speeches name no 2031 and none is of it: the 2024 speech's 体检 passage is shown, as
    possibly unrelated, under the line that says so — not as 「直接相关」."""
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_text_update("2031年离休干部体检规定是什么？"))
    (answer,) = answers(api, USER)
    assert "资料中没有 2031 年的内容" in answer.plain_text
    assert NO_ANSWER in answer.plain_text and "直接相关" not in answer.plain_text
    assert CITED in answer.plain_text  # the nearest passage is still shown
    logged = seed_service.library.store.query_by_id(1)
    assert logged is not None and not logged.answered


async def test_start_help_and_the_command_menu(api: FakeBotAPI, seed_service: SpeechService) -> None:
    async with running_bot(api, seed_service) as app:
        assert [c["command"] for c in api.commands["default:"]] == [
            "start",
            "help",
            "ask",
            "speeches",
            "speech",
        ]
        # the admin never opened the chat: Telegram refuses their menu until they send /start
        assert f"chat:{ADMIN}:" not in api.commands
        assert "chat not found" in api.calls_of("setMyCommands", ok=False)[0].description
        await feed(app, api.make_text_update("/start", user_id=ADMIN))
        admin_menu = [c["command"] for c in api.commands[f"chat:{ADMIN}:"]]
        assert {"reindex", "stats", "pins"} <= set(admin_menu)
        assert api.calls_of("setMyCommands")[-1].params["scope"] == {"type": "chat", "chat_id": ADMIN}

        await feed(app, api.make_text_update("/start"))
        welcome = api.last_message(USER)
        assert "离休干部体检规定是什么？" in welcome.plain_text and welcome.plain_text.count("\n• ") == 3
        await feed(app, api.make_callback_update(welcome, welcome.button_data("离休干部体检规定是什么？")))
        assert CITED in api.last_message(USER).plain_text

        await feed(app, api.make_text_update("/help"))
        helped = api.last_message(USER).plain_text
        assert "上下文" in helped and "/reindex" not in helped
        # every button an answer can carry is explained
        for button in ("只看这篇讲话", "取消筛选", "更多结果", "导出 Word", "要点"):
            assert button in helped, button
        await feed(app, api.make_text_update("/help", user_id=ADMIN))
        assert "/reindex" in api.last_message(ADMIN).plain_text

        await feed(app, api.make_text_update("/nonsense"))
        assert "/help" in api.last_message(USER).plain_text


async def test_help_names_each_confidence_level_as_answers_show_it(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    """/help said 「未找到直接回答」 where an answer shows 「⚠️ 未找到直接回答」: a user comparing the two should
    find the same words and mark."""
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_text_update("/help"))
        helped = api.last_message(USER).plain_text
        for question in ("离休干部体检规定是什么？", "明天天气怎么样？"):
            await feed(app, api.make_text_update(question))
            level = api.last_message(USER).plain_text.split("\n")[1]  # 「✅ 直接相关」, 「⚠️ 未找到直接回答」
            assert level.split("，")[0] in helped, level


async def test_speech_list_is_paginated_and_speech_shows_details(
    api: FakeBotAPI, seed_service: SpeechService, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bot_handlers, "SPEECHES_PER_PAGE", 2)
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_text_update("/speeches"))
        listing = api.last_message(USER)
        assert "讲话列表（共 5 篇）" in listing.plain_text and "第 1/3 页" in listing.plain_text
        assert "1. 在全市老干部2024年工作会议上的讲话" in listing.plain_text
        await feed(app, api.make_callback_update(listing, listing.button_data("下一页")))
        assert "第 2/3 页" in listing.plain_text and "3. 在全市老干部工作会议上的讲话" in listing.plain_text
        await feed(app, api.make_callback_update(listing, listing.button_data("4")))
        assert api.last_message(USER).plain_text.startswith("📄 在全市老干部工作会议上的讲话")

        await feed(app, api.make_text_update("/speech 2"))
        assert "讲话人：沈伟" in api.last_message(USER).plain_text
        await feed(app, api.make_text_update("/speech 999"))
        assert "没有编号为 999 的讲话" in api.last_message(USER).plain_text
        await feed(app, api.make_text_update("/speech"))
        assert api.last_message(USER).plain_text.startswith("用法：/speech 编号")


# -- groups -----------------------------------------------------------------------------------------
async def test_in_groups_the_bot_answers_only_when_addressed(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    group = {"chat_type": "supergroup", "chat_id": GROUP}
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_text_update("离休干部体检规定是什么？大家知道吗", **group))
        await feed(app, api.make_text_update("/ask@other_bot 离休干部体检", **group))
        await feed(app, api.make_text_update("@someone_else 离休干部体检", **group))
        assert api.calls == [c for c in api.calls if c.method in ("getMe", "setMyCommands")]

        await feed(app, api.make_text_update(f"/ask {QUESTION}", **group))
        assert CITED in api.last_message(GROUP).plain_text
        assert api.calls_of("sendMessage")[-1].params["reply_parameters"]["message_id"] > 0  # a reply

        await feed(app, api.make_text_update(f"/ask@speechqa_bot {QUESTION}", **group))
        await feed(app, api.make_text_update(f"@SpeechQA_bot {QUESTION}", **group))
        await feed(app, api.make_text_update(QUESTION, reply_to_message=api.last_message(GROUP), **group))
        group_answers = api.messages(GROUP)
        assert len(group_answers) == 4 and all(CITED in m.plain_text for m in group_answers)
        assert [q.query for q in map(seed_service.library.store.query_by_id, range(1, 5)) if q] == [
            QUESTION
        ] * 4

        await feed(app, api.make_text_update("@speechqa_bot", **group))
        assert "请在 @我 的后面写上问题" in api.last_message(GROUP).plain_text


# -- access control ---------------------------------------------------------------------------------
async def test_an_allowed_user_in_a_group_nobody_allowed_gets_nothing_from_the_corpus(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    async with running_bot(api, seed_service) as app:
        for user in (USER, ADMIN):
            for text in (f"/ask {QUESTION}", f"@speechqa_bot {QUESTION}", QUESTION, "/speech 2"):
                await feed(
                    app, api.make_text_update(text, user_id=user, chat_type="supergroup", chat_id=OTHER_GROUP)
                )
    sent = api.calls_of("sendMessage")
    assert [c.params["chat_id"] for c in sent] == [OTHER_GROUP]  # one refusal, nothing else
    assert "本群 ID" in sent[0].params["text"] and CITED not in sent[0].params["text"]
    assert seed_service.library.store.query_stats().questions == 0


async def test_a_stranger_gets_one_refusal_and_nothing_from_the_corpus(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    store = seed_service.library.store
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_text_update(QUESTION))  # an allowed user's answer, to press later
        answer = api.last_message(USER)
        api.clear_calls()

        await feed(app, api.make_text_update(QUESTION, user_id=STRANGER))
        await feed(app, api.make_text_update("/ask " + QUESTION, user_id=STRANGER))
        await feed(app, api.make_text_update("/speech 2", user_id=STRANGER))
        await feed(app, api.make_document_update("x.txt", b"abc", user_id=STRANGER))
        await feed(app, api.make_callback_update(answer, answer.button_data("上下文 1"), user_id=STRANGER))
        await feed(
            app, api.make_text_update("闲聊", user_id=STRANGER, chat_type="group", chat_id=OTHER_GROUP)
        )
        await feed(
            app,
            api.make_text_update(
                f"@speechqa_bot {QUESTION}", user_id=STRANGER, chat_type="group", chat_id=OTHER_GROUP
            ),
        )
        await feed(
            app,
            api.make_text_update(
                f"/ask {QUESTION}", user_id=STRANGER, chat_type="group", chat_id=OTHER_GROUP
            ),
        )

    sent = api.calls_of("sendMessage")
    assert [c.params["chat_id"] for c in sent] == [STRANGER, OTHER_GROUP]  # once per chat
    (private,) = api.messages(STRANGER)
    assert private.text == refusal_text(STRANGER, STRANGER, private=True)
    assert f"您的用户 ID：{STRANGER}" in private.plain_text
    assert f"本群 ID：{OTHER_GROUP}" in api.last_message(OTHER_GROUP).plain_text
    (alert,) = api.calls_of("answerCallbackQuery")
    assert alert.params["show_alert"] and "没有使用权限" in alert.params["text"]
    assert (
        not api.calls_of("sendChatAction")
        and not api.calls_of("getFile")
        and not api.calls_of("editMessageText")
    )
    corpus = [p.text for p in store.passages()]
    sent_text = json.dumps([c.params for c in api.calls], ensure_ascii=False)
    assert not any(p[:12] in sent_text for p in corpus)
    assert store.query_stats().questions == 1  # only the allowed user's question


async def test_anyone_in_an_allowed_chat_and_everyone_when_no_list_is_set(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    async with running_bot(api, seed_service) as app:
        await feed(
            app,
            api.make_text_update(f"/ask {QUESTION}", user_id=STRANGER, chat_type="supergroup", chat_id=GROUP),
        )
    assert CITED in api.last_message(GROUP).plain_text

    open_settings = bot_settings(
        api, allowed_users=frozenset(), allowed_chats=frozenset(), admins=frozenset()
    )
    async with running_bot(api, seed_service, open_settings) as app:
        await feed(app, api.make_text_update(QUESTION, user_id=STRANGER))
        await feed(app, api.make_text_update("/stats", user_id=STRANGER))
    first, refused = api.messages(STRANGER)
    assert CITED in first.plain_text
    assert "只有管理员" in refused.plain_text  # an open bot has no admins


# -- admin ------------------------------------------------------------------------------------------
NEW_SPEECH = """在全区老干部活动中心建设推进会上的讲话
（2025年5月8日）
李明
同志们：
一、活动中心建设要因地制宜
各街道要在年底前完成老干部活动中心的适老化改造，做到防滑地面、无障碍通道和紧急呼叫设备全覆盖。改造资金按照“区级统筹、街道配套”的办法落实，标准不低于每平方米<300>元&配套。
二、管理服务要精细
活动中心要建立开放时间公示制度，每周开放不少于六天，节假日安排专人值班，确保老同志活动有人管、有人陪。
"""


async def test_admin_uploads_a_document_and_can_ask_about_it(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    async with running_bot(api, seed_service, progress_interval=0) as app:
        await feed(
            app,
            api.make_document_update(
                "活动中心讲话.txt", NEW_SPEECH.encode("gbk"), "text/plain", user_id=ADMIN
            ),
        )
        assert api.calls_of("getFile")
        report = api.last_message(ADMIN)
        assert report.edit_count >= 2  # "reading…", progress, the result
        assert "活动中心讲话.txt" in report.plain_text
        assert (
            "新增 #6 《在全区老干部活动中心建设推进会上的讲话》（2025-05-08 · 李明 · 2 段）"
            in report.plain_text
        )
        assert "本次嵌入 2 段" in report.plain_text

        # adding it again changes nothing
        await feed(app, api.make_document_update("活动中心讲话.txt", NEW_SPEECH.encode("gbk"), user_id=ADMIN))
        assert "未变化 #6" in api.last_message(ADMIN).plain_text

        await feed(app, api.make_text_update("活动中心适老化改造的标准是什么？"))
    answer = api.last_message(USER)
    top = answer.plain_text.split("\n\n")[1]
    assert "在全区老干部活动中心建设推进会上的讲话" in top and "2025-05-08 · 李明" in top
    assert "每平方米<300>元&配套" in top  # shown as written: escaped, then parsed back by Telegram
    assert "&lt;300&gt;元&amp;配套" in answer.text


async def test_an_upload_to_a_full_disk_is_refused_in_chinese_and_questions_are_still_answered(
    api: FakeBotAPI, seed_home: Path, tmp_path: Path
) -> None:
    with home_on_small_disk(seed_home, tmp_path) as (disk, home):
        fill(disk, 0)
        with service_on(home) as service:
            async with running_bot(api, service, progress_interval=0) as app:
                await feed(
                    app, api.make_document_update("活动中心讲话.txt", NEW_SPEECH.encode("gbk"), user_id=ADMIN)
                )
                report = api.last_message(ADMIN).plain_text
                await feed(app, api.make_text_update("离休干部体检规定是什么？"))
    assert (
        report
        == f"❌ 数据目录所在的磁盘空间不足：{home}。这次的改动没有保存，资料库保持原样：请腾出空间后重试。"
    )
    assert "要落实好离休干部每年一次体检的规定" in api.last_message(USER).plain_text


async def test_uploads_that_are_refused_say_why(api: FakeBotAPI, seed_service: SpeechService) -> None:
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_document_update("讲话.txt", b"text", user_id=USER))
        assert "只有管理员可以上传讲话文件" in api.last_message(USER).plain_text
        await feed(app, api.make_document_update("setup.exe", b"MZ\x90\x00", user_id=ADMIN))
        assert f"不支持的文件类型：setup.exe（支持 {SUPPORTED_FORMATS}" in api.last_message(ADMIN).plain_text
        await feed(
            app, api.make_document_update("材料.rar", b"Rar!\x1a\x07\x00" + b"\x00" * 64, user_id=ADMIN)
        )
        assert (
            "材料.rar 是压缩包，不能直接添加：请先解压，再把其中的讲话文件逐个发给我（.zip 压缩包可以直接发）。"
            in api.last_message(ADMIN).plain_text
        )
        await feed(
            app,
            api.make_document_update("大文件.pdf", b"%PDF" + b"0" * (20 * 1024 * 1024 + 1), user_id=ADMIN),
        )
        assert "文件太大" in api.last_message(ADMIN).plain_text
        assert not api.calls_of("getFile")  # refused before downloading
        await feed(app, api.make_document_update("空白.txt", b"   \n", user_id=ADMIN))
        assert "❌ 文件是空的：空白.txt" in api.last_message(ADMIN).plain_text
        await feed(app, api.make_document_update("坏的.docx", b"not a zip at all", user_id=ADMIN))
        assert "坏的.docx 不是有效的 .docx 文件" in api.last_message(ADMIN).plain_text
        await feed(app, api.make_document_update("材料.zip", b"PK\x03\x04" + b"\x00" * 64, user_id=ADMIN))
        assert "❌ 材料.zip 无法解压：压缩包已损坏或不完整" in api.last_message(ADMIN).plain_text
    assert len(seed_service.library.store.speeches()) == 5


async def test_a_word_file_whose_speech_is_a_pasted_scan_is_refused_saying_how_to_add_it(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    """Staff paste a scanned page into Word and send that: 「文件中没有文字」 or 「没有找到讲话正文」 of a file
    they can read left them with no way in."""
    import docx
    from PIL import Image

    picture = io.BytesIO()
    Image.new("L", (400, 560), 255).save(picture, format="PNG")

    def word_file(*lines: str) -> bytes:
        made = docx.Document()
        for line in lines:
            made.add_paragraph(line)
        made.add_picture(io.BytesIO(picture.getvalue()))
        saved = io.BytesIO()
        made.save(saved)
        return saved.getvalue()

    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_document_update("扫描件.docx", word_file(), user_id=ADMIN))
        scan_only = api.last_message(ADMIN).plain_text
        await feed(
            app,
            api.make_document_update("通知.docx", word_file("关于开展重阳节敬老活动的通知"), user_id=ADMIN),
        )
        titled = api.last_message(ADMIN).plain_text
    assert scan_only.startswith(
        "❌ 扫描件.docx 中没有文字，只有图片，图片中也没有识别出文字"
    )  # a blank picture
    assert "通知.docx 中没有找到讲话正文；文中有图片" in titled and "另存为图片" in titled
    assert len(seed_service.library.store.speeches()) == 5


async def test_admin_uploads_rtf_and_odt_files_saved_by_office_software(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    documents = Path(__file__).parent / "fixtures" / "documents"
    async with running_bot(api, seed_service, progress_interval=0) as app:
        rtf = (documents / "office_formats.gbk.rtf").read_bytes()
        await feed(app, api.make_document_update("表彰会讲话.rtf", rtf, "application/rtf", user_id=ADMIN))
        assert "新增 #6 《在全市离退休干部先进典型表彰会上的讲话》" in api.last_message(ADMIN).plain_text
        cut = (documents / "office_formats.truncated.odt").read_bytes()
        await feed(app, api.make_document_update("表彰会讲话.odt", cut, user_id=ADMIN))
        assert "表彰会讲话.odt 无法解压：文件已损坏或不完整" in api.last_message(ADMIN).plain_text
    assert len(seed_service.library.store.speeches()) == 6


async def test_admin_uploads_an_ofd_notice_from_the_oa_system_and_staff_ask_about_it(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    """An electronic official document (.ofd, GB/T 33190) as the OA system sends it."""
    ofd = (Path(__file__).parent / "fixtures" / "ofd" / "health_notice.libreoffice.ofd").read_bytes()
    async with running_bot(api, seed_service, progress_interval=0) as app:
        await feed(app, api.make_document_update("体检通知.ofd", ofd, "application/ofd", user_id=ADMIN))
        report = api.last_message(ADMIN).plain_text
        assert (
            "新增 #6 《关于做好2024年离休干部健康体检工作的通知（某老干发〔2024〕12号）》"
            "（2024-04-02 · 发文：中共某某市委老干部局 · 11 段）" in report
        )
        await feed(app, api.make_text_update("离休干部体检地点在哪里？"))
    top = api.last_message(USER).plain_text.split("\n\n")[1]
    assert "关于做好2024年离休干部健康体检工作的通知" in top and "2024-04-02" in top
    assert "市第一人民医院老年病科" in top


async def test_admin_uploads_a_badly_scanned_image_and_is_told_to_check_it(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    """A picture scanned coarse, blurred and speckled, read by the installed OCR engine: added, and the
    report says in one line that its reading is doubtful."""
    from corpus import installed_engines

    from .test_corpus_ocr_confidence import bad_scan, png

    if not installed_engines():
        pytest.skip("no OCR engine installed (pip install 'speechqa[ocr]')")
    async with running_bot(api, seed_service, progress_interval=0) as app:
        await feed(app, api.make_document_update("扫描讲话.png", png(bad_scan()), "image/png", user_id=ADMIN))
        report = api.last_message(ADMIN).plain_text
    assert "新增 #6 " in report
    (note,) = [line for line in report.splitlines() if "文字识别把握较低" in line]
    assert note.startswith("⚠️ 这张图片文字识别把握较低（约 ") and note.endswith("查看读出的文字）")
    assert len(seed_service.library.store.speeches()) == 6


async def test_reindex_shows_progress_and_is_for_admins_only(
    api: FakeBotAPI, seed_service: SpeechService, monkeypatch: pytest.MonkeyPatch
) -> None:
    import index.library

    store = seed_service.library.store
    with store.lock, store.db.conn:  # forget a few vectors, so the rebuild has something to embed
        store.db.execute(
            "DELETE FROM embeddings WHERE content_hash IN (SELECT content_hash FROM passages ORDER BY id LIMIT 4)"
        )
    monkeypatch.setattr(index.library, "EMBED_BATCH", 2)
    async with running_bot(api, seed_service, progress_interval=0) as app:
        await feed(app, api.make_text_update("/reindex"))
        assert "只有管理员可以重建索引" in api.last_message(USER).plain_text
        await feed(app, api.make_text_update("/reindex", user_id=ADMIN))
        status = api.last_message(ADMIN)
        edits = [c.params["text"] for c in api.calls_of("editMessageText")]
        assert edits[:3] == [
            "⏳ 正在重建索引：已嵌入 0/4 段（0%）",
            "⏳ 正在重建索引：已嵌入 2/4 段（50%）",
            "⏳ 正在重建索引：已嵌入 4/4 段（100%）",
        ]
        assert status.plain_text.startswith("✅ 索引已重建：共 151 段，本次嵌入 4 段")
        await feed(app, api.make_text_update(QUESTION))  # the rebuilt index answers
        assert CITED in api.last_message(USER).plain_text


async def test_stats_for_admins(api: FakeBotAPI, seed_service: SpeechService) -> None:
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_text_update(QUESTION))
        await feed(
            app, api.make_callback_update(api.last_message(USER), api.last_message(USER).button_data("👍"))
        )
        await feed(app, api.make_text_update(UNANSWERABLE))
        await feed(app, api.make_text_update(UNANSWERABLE, user_id=ADMIN))
        await feed(app, api.make_text_update("老年大学要怎么办"))
        await feed(app, api.make_text_update("/stats"))
        assert "只有管理员可以查看统计" in api.last_message(USER).plain_text
        await feed(app, api.make_text_update("/stats", user_id=ADMIN))
    text = api.last_message(ADMIN).plain_text
    assert "提问：4 次（Telegram 4）" in text
    assert "有答案：2 次（50%）" in text
    assert "反馈：👍 1 · 👎 0" in text
    assert f"1. {UNANSWERABLE}（2 次）" in text


# -- limits and failures ----------------------------------------------------------------------------
async def test_questions_per_minute_are_limited_per_user(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    clock = ManualClock()
    settings = bot_settings(api, questions_per_minute=2, allowed_users=frozenset({USER, STRANGER}))
    async with running_bot(api, seed_service, settings, clock=clock) as app:
        for _ in range(4):
            await feed(app, api.make_text_update(QUESTION))
            clock.advance(1)
        await feed(app, api.make_text_update(QUESTION, user_id=STRANGER))  # another user is not affected
        replies = answers(api, USER)
        assert len(replies) == 3  # two answers, one notice; the burst right after it gets no second one
        assert CITED in replies[0].plain_text and CITED in replies[1].plain_text
        assert replies[2].plain_text == "您提问太快了（每分钟最多 2 个问题），请 58 秒后再问。"
        clock.advance(10)  # asked again a while later, still over the limit: told again, not ignored
        await feed(app, api.make_text_update(QUESTION))
        assert api.last_message(USER).plain_text == "您提问太快了（每分钟最多 2 个问题），请 46 秒后再问。"
        assert CITED in api.last_message(STRANGER).plain_text
        clock.advance(60)
        await feed(app, api.make_text_update(QUESTION))
        assert CITED in api.last_message(USER).plain_text
    assert seed_service.library.store.query_stats().questions == 4


async def test_a_429_is_retried_and_the_answer_sent_once(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_text_update("老年大学要怎么办"))  # warm up
        api.fail_next("sendMessage", error_code=429, retry_after=1)
        began = time.monotonic()
        await feed(app, api.make_text_update(QUESTION))
        assert time.monotonic() - began >= 1.0
    attempts = api.calls_of("sendMessage", ok=None)[1:]
    assert [c.status for c in attempts] == [429, 200]
    assert attempts[0].params["text"] == attempts[1].params["text"]
    assert len(answers(api, USER)) == 2 and CITED in api.last_message(USER).plain_text


async def test_an_over_long_answer_is_shortened_into_valid_html(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    async with running_bot(api, seed_service, page_size=30) as app:
        await feed(app, api.make_text_update("老干部工作"))
        answer = api.last_message(USER)
        full = sum(len(p.text) for p in seed_service.library.store.passages())
        assert full > TEXT_LIMIT  # thirty passages would never fit
        assert utf16_len(answer.plain_text) <= TEXT_LIMIT
        plain, _ = parse_html(answer.text)  # valid, balanced HTML (the fake enforced it too)
        assert plain == answer.plain_text
        assert "…" in answer.plain_text  # passages were shortened
        shown = sum(1 for b in answer.buttons if b["text"].startswith("上下文"))
        assert shown >= 10
        more = answer.button_data("更多结果")
        assert more.endswith(f":{shown}")
        await feed(app, api.make_callback_update(answer, more))
        assert f"\n\n{shown + 1}. " in answer.plain_text


async def test_errors_reach_users_as_polite_messages(
    api: FakeBotAPI, seed_service: SpeechService, caplog: pytest.LogCaptureFixture
) -> None:
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_text_update("问" * 600))
        assert "问题太长（600 字）" in api.last_message(USER).plain_text

        api.fail_next("sendMessage", error_code=400, description="Bad Request: injected failure")
        await feed(app, api.make_text_update(QUESTION))
        assert api.last_message(USER).plain_text == bot_handlers.APOLOGY

        await feed(app, api.make_callback_update(api.last_message(USER), "m:999:5", check=False))
        assert "找不到这个问题的记录" in api.calls_of("answerCallbackQuery")[-1].params["text"]
        await feed(app, api.make_callback_update(api.last_message(USER), "zz:1", check=False))
        assert "按钮已失效" in api.calls_of("answerCallbackQuery")[-1].params["text"]
        for malformed in ("m:abc", "c:1:2", "f:1:7"):  # a known prefix, but not data this bot makes
            await feed(app, api.make_callback_update(api.last_message(USER), malformed, check=False))
            assert "按钮已失效" in api.calls_of("answerCallbackQuery")[-1].params["text"]
    assert not any("Traceback" in c.params.get("text", "") for c in api.calls_of("sendMessage"))
    assert "injected failure" in caplog.text.lower()  # the error handler logged it


# -- lifecycle --------------------------------------------------------------------------------------
async def test_polling_round_trip(api: FakeBotAPI, seed_service: SpeechService) -> None:
    async with running_bot(api, seed_service) as app:
        assert app.updater is not None
        await start_polling(app)
        api.push_update(api.make_text_update(QUESTION))
        api.push_update(api.make_text_update("/start"))
        await api.wait_for("sendMessage", count=2, timeout=20)
        began = time.monotonic()
        await app.updater.stop()
        await app.stop()
    assert time.monotonic() - began < 2
    texts = [m.plain_text for m in answers(api, USER)]
    assert any(CITED in t for t in texts) and any(t.startswith("您好") for t in texts)
    assert api.calls_of("deleteWebhook") and api.pending_updates == []


async def test_webhook_mode_checks_the_secret_token(api: FakeBotAPI, seed_service: SpeechService) -> None:
    port = free_port()
    update = api.make_text_update(QUESTION)
    async with running_bot(api, seed_service) as app, webhook(app, port) as post:
        assert api.webhook_url == f"http://127.0.0.1:{port}/speechqa"
        assert api.calls_of("setWebhook")[0].params["secret_token"] == WEBHOOK_SECRET
        assert await post(update, secret="guess") == 403
        assert await post(update) == 200
        await api.wait_for("sendMessage", timeout=20)
    (answer,) = answers(api, USER)
    assert CITED in answer.plain_text
    assert TOKEN not in answer.text


async def test_retrieval_runs_off_the_event_loop(api: FakeBotAPI, seed_service: SpeechService) -> None:
    retriever = seed_service.retriever
    search = retriever.search
    threads: list[threading.Thread] = []

    def recording_search(*args: Any, **kwargs: Any) -> Any:
        threads.append(threading.current_thread())
        return search(*args, **kwargs)

    retriever.search = recording_search  # type: ignore[method-assign]
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_text_update(BROAD))
        answer = api.last_message(USER)
        await feed(app, api.make_callback_update(answer, answer.button_data("更多结果")))
    assert len(threads) == 2
    assert all(t is not threading.main_thread() for t in threads)
