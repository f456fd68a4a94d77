"""End-to-end tests of what real Telegram clients send that plain typed text does not: a question written
under a photo or a file, a reply to the bot's answer, a message forwarded from elsewhere, formatting, a
user whose app is not in Chinese. The real Application, over real HTTP, against the fake Bot API."""

from __future__ import annotations

import logging
import re
from typing import Any

import pytest
from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot import format as bot_format
from bot import handlers as bot_handlers
from retrieval import SMALL_TALK_REPLIES, UNRELATED_MARK, SpeechService

from .bot_harness import ADMIN, GROUP, USER, bot_settings, feed, running_bot
from .fake_telegram import EDIT_WINDOW, FakeBotAPI

pytestmark = [pytest.mark.asyncio, pytest.mark.slow]

QUESTION = "离休干部体检规定是什么？"
CITED = "要落实好离休干部每年一次体检的规定"
BROAD = "怎样发挥老干部的作用？"  # many passages answer it: several pages
IN_GROUP = {"chat_id": GROUP, "chat_type": "supergroup"}


async def test_a_question_written_under_a_photo_is_answered(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_photo_update(caption=QUESTION))
        in_private = api.last_message(USER)
        await feed(app, api.make_photo_update(caption=f"@speechqa_bot {QUESTION}", **IN_GROUP))
        await feed(app, api.make_photo_update(caption=f"/ask {QUESTION}", **IN_GROUP))
        await feed(app, api.make_photo_update(caption=f"/ask@speechqa_bot {QUESTION}", **IN_GROUP))
        answered_in_group = len(api.messages(GROUP))
        await feed(app, api.make_photo_update(caption=f"/ask@other_bot {QUESTION}", **IN_GROUP))
        await feed(app, api.make_photo_update(caption=QUESTION, **IN_GROUP))  # group chatter: not for the bot
        await feed(app, api.make_photo_update())  # no words at all: a hint
    assert CITED in in_private.plain_text and "请用文字" not in in_private.plain_text
    assert answered_in_group == 3
    assert all(CITED in m.plain_text for m in api.messages(GROUP)) and len(api.messages(GROUP)) == 3
    assert api.last_message(USER).plain_text == "请用文字提问。"


async def test_a_question_under_a_file_the_bot_does_not_read_is_answered_and_a_speech_file_is_an_upload(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    async with running_bot(api, seed_service) as app:
        await feed(
            app,
            api.make_document_update(
                "会议录像.mp4", b"\x00\x00\x00\x18ftypmp42", "video/mp4", caption=QUESTION
            ),
        )
        answer = api.last_message(USER)
        # a speech file from someone who is no admin is no upload: the question under it is answered
        await feed(
            app, api.make_document_update("讲话.txt", "讲话全文".encode(), "text/plain", caption=QUESTION)
        )
        refused = api.last_message(USER)
        # an admin's speech file with a caption is still an upload
        await feed(
            app,
            api.make_document_update(
                "新讲话.txt",
                "关于老年大学建设的讲话\n要办好老年大学。".encode(),
                "text/plain",
                caption="新讲话",
                user_id=ADMIN,
            ),
        )
    assert CITED in answer.plain_text
    assert refused.plain_text.startswith("📎 这个文件没有加入讲话库：只有管理员可以上传讲话文件。")
    assert CITED in refused.plain_text
    assert "新讲话.txt" in api.messages(ADMIN)[0].plain_text  # 「正在读取 新讲话.txt…」, then the report


async def test_a_speech_file_with_a_command_written_under_it_is_an_upload(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    """「/ask …」, 「/help」 or another command as a speech file's caption: the file is added, as under any
    other caption (the command was run instead and the file silently left out)."""
    speech = "关于老干部书画展的讲话\n今年五月举办老干部书画展，四月底前报送作品。".encode()
    async with running_bot(api, seed_service) as app:
        for n, caption in enumerate([f"/ask {QUESTION}", "/help", "/ask@speechqa_bot", "/speech 1"]):
            update = api.make_document_update(
                f"书画展{n}.txt", speech, "text/plain", caption=caption, user_id=ADMIN
            )
            await feed(app, update)
        # in a group the question is answered, above it why the file was not added (an admin: send it in
        # private; a member: only admins upload); a file under another bot's command is that bot's
        await feed(
            app,
            api.make_document_update(
                "书画展.txt", speech, "text/plain", caption=f"/ask {QUESTION}", user_id=ADMIN, **IN_GROUP
            ),
        )
        await feed(
            app,
            api.make_document_update(
                "书画展.txt", speech, "text/plain", caption=f"/ask {QUESTION}", **IN_GROUP
            ),
        )
        await feed(
            app,
            api.make_document_update(
                "书画展.txt", speech, "text/plain", caption="/ask@other_bot", **IN_GROUP
            ),
        )
    reports = [m.plain_text for m in api.messages(ADMIN)]
    assert len(reports) == 4 and all(r.startswith("📥 书画展") for r in reports)
    assert "新增 #" in reports[0] and all("未变化" in r or "重复" in r for r in reports[1:])
    assert not any(CITED in m.plain_text or "使用说明" in m.plain_text for m in api.messages(ADMIN))
    admin, member = (m.plain_text for m in api.messages(GROUP))
    assert (
        admin.startswith("📎 这个文件没有加入讲话库：要加入讲话库，请在与我的私聊中发送文件。")
        and CITED in admin
    )
    assert member.startswith("📎 这个文件没有加入讲话库：只有管理员可以上传讲话文件。") and CITED in member
    assert len(seed_service.library.store.speeches()) == 6


async def test_an_edited_caption_edits_its_answer(api: FakeBotAPI, seed_service: SpeechService) -> None:
    async with running_bot(api, seed_service) as app:
        photo = api.make_photo_update(caption="老年大学要怎么办？")
        await feed(app, photo)
        await feed(app, api.make_edited_update(photo, QUESTION))
    assert len(api.messages(USER)) == 1
    assert CITED in api.last_message(USER).plain_text


async def test_a_bare_ask_in_reply_to_a_colleagues_photo_asks_its_caption(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    async with running_bot(api, seed_service) as app:
        colleague = api.make_photo_update(caption=f"/ask@other_bot {QUESTION}", user_id=1003, **IN_GROUP)
        await feed(app, api.make_text_update("/ask", reply_to_message=colleague["message"], **IN_GROUP))
    assert CITED in api.last_message(GROUP).plain_text


async def test_commands_under_a_photo_are_read_like_typed_ones(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_photo_update(caption="/help"))
        help_text = api.last_message(USER).plain_text
        await feed(app, api.make_photo_update(caption="/nonsense 体检"))
        await feed(app, api.make_photo_update(caption="/nonsense@other_bot", **IN_GROUP))
    assert help_text.startswith("使用说明")
    assert api.last_message(USER).plain_text == "不认识这个命令。发送 /help 查看用法。"
    assert not api.messages(GROUP)


async def test_a_user_whose_telegram_is_in_english_is_answered_in_chinese_all_the_same(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    """The product speaks Chinese: a user's app language (language_code) changes nothing."""

    def from_(language: str, update: dict[str, Any]) -> dict[str, Any]:
        update["message"]["from"]["language_code"] = language
        return update

    replies: dict[str, list[str]] = {}
    async with running_bot(api, seed_service) as app:
        for language in ("zh-hans", "en", "ru"):
            for text in ("/start", "/help", "/nonsense", "谢谢", QUESTION):
                await feed(app, from_(language, api.make_text_update(text)))
            await feed(app, from_(language, api.make_photo_update()))
            replies[language] = [m.plain_text for m in api.messages(USER)[-6:]]
    assert replies["en"] == replies["zh-hans"] == replies["ru"]
    assert all("您好" in r[0] and CITED in r[4] for r in replies.values())


async def test_a_reply_asking_for_more_gets_the_answers_next_page(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_text_update(BROAD))
        first = api.last_message(USER)
        await feed(app, api.make_text_update("还有吗？", reply_to_message=first))
        second = api.last_message(USER)
        # in a group, where a reply to the bot is addressed to it
        await feed(app, api.make_text_update(f"/ask {BROAD}", **IN_GROUP))
        await feed(app, api.make_text_update("更多", reply_to_message=api.last_message(GROUP), **IN_GROUP))
        in_group = api.last_message(GROUP)
        # a new question in reply to an answer is a new question
        await feed(app, api.make_text_update(QUESTION, reply_to_message=first))
        other = api.last_message(USER)
    assert "第 1–5 条" in first.plain_text
    assert "第 6–10 条" in second.plain_text and "第 6–10 条" in in_group.plain_text
    assert "◀ 上一页" in [b["text"] for b in second.buttons]
    assert first.edit_count == 0  # the answer replied to stays as it was
    assert CITED in other.plain_text
    assert seed_service.library.store.query_stats().questions == 3  # asking for more is no new question


async def test_ask_command_asking_for_more_in_a_group_gets_the_next_page_not_a_search(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    """In a group /ask is how the bot is addressed: 「/ask 还有吗」 means what 「@bot 还有吗」 means."""
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_text_update(f"/ask {BROAD}", **IN_GROUP))
        first = api.last_message(GROUP)
        await feed(app, api.make_text_update("/ask 还有吗？", **IN_GROUP))
        typed_after = api.last_message(GROUP)
        await feed(app, api.make_text_update("/ask@speechqa_bot 更多", reply_to_message=first, **IN_GROUP))
        in_reply = api.last_message(GROUP)
    assert "第 1–5 条" in first.plain_text
    assert "第 6–10 条" in typed_after.plain_text and "第 6–10 条" in in_reply.plain_text
    assert seed_service.library.store.query_stats().questions == 1  # 「还有吗」 was never searched


async def test_more_typed_after_an_answer_pages_on_and_stops_saying_so(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    settings = bot_settings(api, allowed_users=frozenset({USER, 1003}))
    async with running_bot(api, seed_service, settings) as app:
        await feed(app, api.make_text_update("还有吗？", user_id=1003))  # nothing asked yet
        nothing_before = api.last_message(1003)
        await feed(app, api.make_text_update(BROAD))
        pages = [api.last_message(USER)]
        while any(b["text"] == "更多结果 ▶" for b in pages[-1].buttons):
            await feed(app, api.make_text_update("还有呢"))  # typed after it, no reply (as in a private chat)
            pages.append(api.last_message(USER))
        await feed(app, api.make_text_update("下一页"))
        after_last = api.last_message(USER)
    assert nothing_before.plain_text == bot_handlers.NOTHING_BEFORE
    assert len(pages) > 1 and len({p.plain_text for p in pages}) == len(pages)
    assert "第 1–5 条" in pages[0].plain_text and "第 6–10 条" in pages[1].plain_text
    assert after_last.plain_text == bot_handlers.NO_MORE


async def test_more_in_reply_to_the_speech_list_pages_the_list_not_the_last_answer(
    api: FakeBotAPI, seed_service: SpeechService, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bot_handlers, "SPEECHES_PER_PAGE", 2)  # the seed's 5 speeches: 3 pages
    async with running_bot(api, seed_service) as app:

        async def said(text: str, **options: Any) -> str:
            await feed(app, api.make_text_update(text, **options))
            return api.last_message(options.get("chat_id", USER)).plain_text

        await said(BROAD)
        answer = api.last_message(USER)
        await said("/speeches")
        first = api.last_message(USER)
        second = await said("下一页", reply_to_message=first)
        third = await said("还有吗", reply_to_message=api.last_message(USER))
        past_the_end = await said("还有吗", reply_to_message=api.last_message(USER))
        typed_after = await said("还有吗")  # no reply: the list was shown last
        by_number = await said("/speeches 第２页")
        next_of_last_shown = await said("/speeches 下一页")
        past_the_last = await said("/speeches 99")
        more_of_the_answer = await said("还有吗", reply_to_message=answer)
        # in a group, a reply to the bot is addressed to it
        await said("/speeches", **IN_GROUP)
        in_group = await said("下一页", reply_to_message=api.last_message(GROUP), **IN_GROUP)
        # the list has one page now (as after speeches were removed): the first page's next is past its end
        monkeypatch.setattr(bot_handlers, "SPEECHES_PER_PAGE", 5)
        after_shrinking = await said("下一页", reply_to_message=first)
    assert after_shrinking == bot_handlers.LIST_END  # not its last page shown again
    assert "第 2/3 页" in second and "3. " in second and "第 3/3 页" in third
    assert past_the_end == typed_after == bot_handlers.LIST_END
    assert "第 2/3 页" in by_number and "第 3/3 页" in next_of_last_shown
    assert past_the_last.startswith("讲话列表只有 3 页，以下是最后一页。") and "第 3/3 页" in past_the_last
    assert "第 6–10 条" in more_of_the_answer
    assert "第 2/3 页" in in_group
    assert seed_service.library.store.query_stats().questions == 1  # none of it was searched


async def test_a_list_page_is_told_by_its_speech_buttons_with_a_new_row_under_it_or_as_sent_before(
    api: FakeBotAPI, seed_service: SpeechService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A page of the list says it is one by its speech buttons' kind (callbacks.ListedSpeech), so a row added
    under it later changes nothing: 「下一页」 in reply to it pages the list. A page sent before (its speech
    buttons 出处's 「s:N」, told by the buttons' shapes) still pages on, and its buttons still show a speech."""
    monkeypatch.setattr(bot_handlers, "SPEECHES_PER_PAGE", 2)  # the seed's 5 speeches: 3 pages
    async with running_bot(api, seed_service) as app:

        async def said(text: str, **options: Any) -> str:
            await feed(app, api.make_text_update(text, **options))
            return api.last_message(USER).plain_text

        await said("/speeches")
        page = api.last_message(USER)
        listed = [b["callback_data"] for b in page.buttons if b["text"].isdigit()]
        assert listed == ["i:1", "i:2"]
        await feed(app, api.make_callback_update(page, page.button_data("2")))
        details = api.last_message(USER).plain_text
        assert details.startswith("📄 ") and "讲话人：沈伟" in details

        turn = [InlineKeyboardButton("下一页 ▶", callback_data="l:1")]
        with_a_new_row = InlineKeyboardMarkup(
            [
                [
                    InlineKeyboardButton("1", callback_data="i:1"),
                    InlineKeyboardButton("2", callback_data="i:2"),
                ],
                [InlineKeyboardButton("导出 Word", callback_data="e:1:-1:0")],  # a row of another kind
                turn,
            ]
        )
        as_sent_before = InlineKeyboardMarkup(
            [
                [
                    InlineKeyboardButton("1", callback_data="s:1"),
                    InlineKeyboardButton("2", callback_data="s:2"),
                ],
                turn,
            ]
        )
        for markup in (with_a_new_row, as_sent_before):
            await app.bot.send_message(USER, page.text, parse_mode="HTML", reply_markup=markup)
            shown = api.last_message(USER)
            assert "第 2/3 页" in await said("下一页", reply_to_message=shown), markup
            await feed(app, api.make_callback_update(shown, shown.button_data("2")))
            assert api.last_message(USER).plain_text == details
    assert seed_service.library.store.query_stats().questions == 0  # none of it was searched


async def test_more_in_reply_to_a_speechs_text_reads_on_and_to_a_message_without_pages_says_so(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_text_update(BROAD))
        await feed(app, api.make_text_update("/speech 2"))
        details = api.last_message(USER)
        await feed(app, api.make_callback_update(details, details.button_data("阅读全文")))
        first_page = details.plain_text  # edited in place into the text's first page
        await feed(app, api.make_text_update("下一页", reply_to_message=details))
        read_on = api.last_message(USER).plain_text
        await feed(app, api.make_text_update("/start"))
        await feed(app, api.make_text_update("还有吗", reply_to_message=api.last_message(USER)))
        no_pages = api.last_message(USER).plain_text
    assert "第 1–6 段" in first_page and "第 7–12 段" in read_on
    assert no_pages == bot_handlers.NOT_PAGED  # not the next page of the answer before


async def test_a_button_under_an_answer_too_old_to_edit_sends_the_page_anew(
    api: FakeBotAPI, seed_service: SpeechService, caplog: pytest.LogCaptureFixture
) -> None:
    async with running_bot(api, seed_service) as app:
        question = api.make_text_update(BROAD)
        await feed(app, question)
        answer = api.last_message(USER)
        api.age(answer, EDIT_WINDOW + 3600)  # asked two days ago
        with caplog.at_level(logging.INFO):
            await feed(app, api.make_callback_update(answer, answer.button_data("更多结果")))
            await feed(app, api.make_edited_update(question, QUESTION))  # and the question edited now
    refused = [c.description for c in api.calls_of("editMessageText", ok=False)]
    assert refused == ["Bad Request: message can't be edited"] * 2
    second, edited = api.messages(USER)[1:]
    assert answer.edit_count == 0 and "第 1–5 条" in answer.plain_text
    assert "第 6–10 条" in second.plain_text and CITED in edited.plain_text
    assert all(bot_handlers.APOLOGY not in t for t in api.texts_sent(ok=None))
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]


async def test_a_user_who_blocked_the_bot_costs_one_attempt_and_one_log_line(
    api: FakeBotAPI, seed_service: SpeechService, caplog: pytest.LogCaptureFixture
) -> None:
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_text_update(BROAD))
        answer = api.last_message(USER)
        api.clear_calls()
        with caplog.at_level(logging.INFO):
            await feed(app, api.block(USER))  # my_chat_member: kicked
            # a press made just before blocking, delivered after: its result cannot be sent
            await feed(app, api.make_callback_update(answer, answer.button_data("上下文 1")))
            await feed(app, api.make_callback_update(answer, answer.button_data("更多结果")))
    sends = [c for c in api.calls if c.method in ("sendMessage", "editMessageText")]
    assert [c.status for c in sends] == [403, 403]  # one attempt each: no retry, no apology after it
    lines = [r for r in caplog.records if "blocked" in r.getMessage()]
    assert len(lines) == 1 and lines[0].levelno == logging.INFO
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]


async def test_telegram_still_saying_too_many_requests_after_the_retries_is_logged_in_one_line(
    api: FakeBotAPI, seed_service: SpeechService, caplog: pytest.LogCaptureFixture
) -> None:
    async with running_bot(api, seed_service) as app:
        # a wait longer than the bot's patience (`bot.delivery.FLOOD_PATIENCE`) is not waited out
        api.fail_next("sendMessage", 429, retry_after=600)
        with caplog.at_level(logging.INFO):
            await feed(app, api.make_text_update(QUESTION))
        await feed(app, api.make_text_update(QUESTION))  # the flood is over: answered
    attempts = api.calls_of("sendMessage", ok=None)
    assert [c.status for c in attempts] == [429, 200]  # no apology into the flood
    assert CITED in api.last_message(USER).plain_text
    ours = [r for r in caplog.records if r.name.startswith("bot")]
    assert [r.getMessage() for r in ours if r.levelno >= logging.WARNING] == [
        f"Telegram still asks to wait 600 s: no reply sent to chat {USER}"
    ]
    assert not [r for r in ours if r.exc_info]


async def test_commands_and_mentions_typed_with_a_chinese_keyboard_are_understood(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    def asked(text: str) -> str:
        return text.split("\n", 1)[0]  # the answer's first line: 🔎 and the question searched

    whole_bold = f"/ask {QUESTION}"  # the whole message made bold: Telegram lists the bold entity first
    entities = [
        {"type": "bold", "offset": 0, "length": len(whole_bold)},
        {"type": "bot_command", "offset": 0, "length": 4},
    ]
    async with running_bot(api, seed_service) as app:
        replies = []
        for text in (
            f"／ask {QUESTION}",  # a full-width slash: Telegram marks no command
            f"/ask，{QUESTION}",  # a Chinese comma after the command
            f"＠speechqa_bot{QUESTION}",  # a full-width ＠, the question run into the name
            "／ｓｐｅｅｃｈ　２",  # full-width letters, digit and space
            "/speech：2",
            "／start",
        ):
            await feed(app, api.make_text_update(text))
            replies.append(api.last_message(USER).plain_text)
        await feed(app, api.make_text_update(f"／ask {QUESTION}", **IN_GROUP))
        await feed(app, api.make_text_update(whole_bold, entities=entities, **IN_GROUP))
        await feed(app, api.make_text_update(f"／ask@other_bot {QUESTION}", **IN_GROUP))  # another bot's
    for answer in replies[:3]:
        assert asked(answer) == f"🔎 {QUESTION}" and CITED in answer
    assert all("编号：2" in details for details in replies[3:5])
    assert replies[5].startswith("您好！")
    in_group = [m.plain_text for m in api.messages(GROUP)]
    assert [asked(m) for m in in_group] == [f"🔎 {QUESTION}"] * 2


async def test_a_full_width_slash_before_other_words_is_no_command(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    """Only the bot's own commands count when typed with 「／」: other words after it are group chatter
    (not for the bot) or, in private, a question to search."""
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_text_update("／PPT模板发群里了，大家看一下", **IN_GROUP))
        await feed(app, api.make_text_update(f"／AI时代{QUESTION}"))
        answer = api.last_message(USER).plain_text
    assert api.messages(GROUP) == []
    assert answer.startswith(f"🔎 ／AI时代{QUESTION}") and CITED in answer
    assert "不认识这个命令" not in answer


async def test_a_web_address_pasted_with_a_question_is_not_searched(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    """A link shared with the question (an article on WeChat, a notice on a website): Telegram marks it as
    a `url`; its letters are no words of the speeches. Searched, they made the question look unanswered
    (「⚠️ 未找到直接回答」 over the very passage that answers it)."""
    link = "https://mp.weixin.qq.com/s/Xk3_rT9aLq2v?scene=1"
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_text_update(QUESTION))
        plain = api.last_message(USER).plain_text
        await feed(app, api.make_text_update(f"{link} {QUESTION}"))
        linked = api.last_message(USER).plain_text
        await feed(app, api.make_text_update(f"看看这篇 www.example.gov.cn/notice.html，{QUESTION}"))
        www = api.last_message(USER).plain_text
        await feed(app, api.make_photo_update(caption=f"@speechqa_bot {QUESTION}\n{link}", **IN_GROUP))
        in_group = api.last_message(GROUP).plain_text
        await feed(app, api.make_text_update(link))  # a link alone: the bot cannot open it, and says so
        alone = api.last_message(USER).plain_text
    assert linked == plain  # the same answer as without the link, headed by the same question
    header = www.split("\n")[0]
    assert "www" not in header and QUESTION in header and "⚠️" not in www and CITED in www
    assert in_group.startswith(f"🔎 {QUESTION}\n") and CITED in in_group
    assert alone == SMALL_TALK_REPLIES["link"]  # what to do instead (tests/test_bot_leftovers.py)


# Questions whose next page starts with a passage holding too little of the question while one below it
# answers it (found by searching the fit questions — a set for fitting, not a held-out one — on the bundled
# speeches): the next page used to be judged by its first passage, so 更多结果 was not offered.
# (「分管领导对老干部工作要怎么抓？」 was CUT_OFF_AT_2 until each word of a question counted once below the best
# passage: its fourth passage held only parts of 分管领导 — docs/more57.md.)
CUT_OFF_AT_2 = "老干部活动中心开展活动要坚持哪些相结合？"  # relevant: True, True | False, True
CUT_OFF_AT_5 = "建党八十五周年期间给老干部搞了什么活动"  # relevant: 5 × True | False, False, True, …


@pytest.mark.parametrize(("question", "page"), [(CUT_OFF_AT_2, 2), (CUT_OFF_AT_5, 5)])
async def test_more_results_is_offered_when_the_next_pages_best_passage_is_relevant(
    api: FakeBotAPI, seed_service: SpeechService, question: str, page: int
) -> None:
    whole = seed_service.current().search(question, k=2 * page, auto_filter=True, pins=True)
    relevant = [h.relevant for h in whole.hits]
    assert all(relevant[:page]) and not relevant[page] and any(relevant[page:])  # the case tested
    async with running_bot(api, seed_service, page_size=page) as app:
        await feed(app, api.make_text_update(question))
        answer = api.last_message(USER)
        assert "更多结果 ▶" in [b["text"] for b in answer.buttons]
        assert bot_format.NO_MORE not in answer.plain_text
        await feed(app, api.make_callback_update(answer, answer.button_data("更多结果")))
        second = api.last_message(USER)
    assert f"第 {page + 1}–" in second.plain_text
    titles = {int(n): line for n, line in re.findall(r"^(\d+)\. (.*)$", second.plain_text, re.MULTILINE)}
    best = next(h for h in whole.hits[page:] if h.relevant)
    assert UNRELATED_MARK in titles[page + 1]  # still marked
    assert best.rank in titles and UNRELATED_MARK not in titles[best.rank]
