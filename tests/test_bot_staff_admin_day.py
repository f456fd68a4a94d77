"""End-to-end tests of a day with the bot as staff and as an admin, through update shapes real clients send
and the other bot tests did not: an admin's photo of a notice (an upload, read by OCR), two admins pinning
one question at the same moment, 「还有吗」 in a group Telegram just upgraded to a supergroup and the bot's
joining the supergroup that Telegram reports with the upgrade, a GIF (which
comes with a `document`), and shapes
that already worked (a command's question on the next line, a channel's post forwarded, a question in
traditional script, a group's polls and dice, updates the bot does not subscribe to). The real Application,
over real HTTP, against the fake Bot API."""

from __future__ import annotations

import asyncio
import io
import logging
from dataclasses import replace
from typing import Any

import pytest
from PIL import Image

from bot.handlers import PHOTO_TIP
from retrieval import SpeechService

from .bot_harness import ADMIN, GROUP, USER, bot_settings, feed, running_bot
from .fake_telegram import FakeBotAPI

pytestmark = [pytest.mark.asyncio, pytest.mark.slow]

QUESTION = "离休干部体检规定是什么？"
CITED = "要落实好离休干部每年一次体检的规定"
BROAD = "怎样发挥老干部的作用？"  # several pages of results
ADMIN2 = 1003
SUPERGROUP = -1001555000000
IN_GROUP: dict[str, Any] = {"chat_id": GROUP, "chat_type": "supergroup"}


def errors(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]


def jpeg(image: Image.Image) -> bytes:
    """The picture as Telegram sends a photo: a JPEG (quality about 87), never over 1280 pixels a side."""
    image = image.convert("RGB")
    image.thumbnail((1280, 1280))
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=87)
    return out.getvalue()


async def test_an_admins_photo_of_a_notice_is_added_and_anyone_elses_gets_the_hint(
    api: FakeBotAPI, seed_service: SpeechService, caplog: pytest.LogCaptureFixture
) -> None:
    """A notice photographed with a phone and sent as a photo (not as a file) was answered 「请用文字提问。」
    — the docs let admins add scans and screenshots, and a phone sends those as photos. Now an admin's
    photo with no words under it is added as an image file is (OCR); words under it are still a question,
    and anyone else's photo still gets the hint."""
    from corpus import installed_engines

    from .test_corpus_ocr_confidence import scan

    if not installed_engines():
        pytest.skip("no OCR engine installed (pip install 'speechqa[ocr]')")
    page = scan(200)
    photo = jpeg(page)
    async with running_bot(api, seed_service, progress_interval=0) as app:
        with caplog.at_level(logging.INFO):
            await feed(app, api.make_photo_update(content=photo, size=page.size, user_id=ADMIN))
            report = api.last_message(ADMIN).plain_text
            await feed(app, api.make_text_update("老年大学新增多少个教学点？", user_id=ADMIN))
            answer = api.last_message(ADMIN).plain_text
            await feed(app, api.make_photo_update(content=photo, size=page.size))  # no admin
            hint = api.last_message(USER).plain_text
            await feed(app, api.make_photo_update(QUESTION, content=photo, size=page.size, user_id=ADMIN))
            asked = api.last_message(ADMIN).plain_text
            blank = Image.new("L", page.size, 255)  # a photo with nothing to read
            await feed(app, api.make_photo_update(content=jpeg(blank), size=page.size, user_id=ADMIN))
            refused = api.last_message(ADMIN).plain_text
    assert "新增 #6 " in report and "照片-" in report, report
    assert "新增教学点二十个" in answer and "讲话 #6" in answer
    assert hint == "请用文字提问。"
    assert CITED in asked  # words under a photo are a question, from an admin too
    assert refused.startswith("❌ ") and refused.endswith(PHOTO_TIP.strip()), refused
    assert len(seed_service.library.store.speeches()) == 6  # one photo added, once
    assert not errors(caplog)


async def test_two_admins_pinning_one_question_at_once_are_each_told_what_happened(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    """Both presses read the question's pin before either wrote it: both admins were told 「📌 已设为这个问题
    的标准答案」 and one pin silently replaced the other. Presses are now decided one after the other, the
    second told whose pin it replaced, as when they come minutes apart."""
    settings = replace(bot_settings(api), admins=frozenset({ADMIN, ADMIN2}))
    async with running_bot(api, seed_service, settings) as app:
        await feed(app, api.make_text_update(QUESTION, user_id=ADMIN))
        first = api.last_message(ADMIN)
        await feed(app, api.make_text_update(QUESTION, user_id=ADMIN2))
        second = api.last_message(ADMIN2)
        presses = [
            api.make_callback_update(first, first.button_data("📌 设为标准答案 1"), user_id=ADMIN),
            api.make_callback_update(second, second.button_data("📌 设为标准答案 2"), user_id=ADMIN2),
        ]
        await asyncio.gather(*(feed(app, press) for press in presses))
    toasts = {
        c.params["callback_query_id"]: c.params.get("text", "") for c in api.calls_of("answerCallbackQuery")
    }
    told = [toasts[press["callback_query"]["id"]] for press in presses]
    (pin,) = seed_service.library.store.pins()
    replaced = [t for t in told if t.startswith("📌 已设为标准答案，替换了原来的：段落 #")]
    assert len(replaced) == 1 and told.count("📌 已设为这个问题的标准答案") == 1, told
    winner = told.index(replaced[0])  # the later press, whose pin stands, names the one it replaced
    assert pin.pin.pinned_by == str((ADMIN, ADMIN2)[winner])
    loser_passage = int(presses[1 - winner]["callback_query"]["data"].split(":")[2])
    assert replaced[0].startswith(f"📌 已设为标准答案，替换了原来的：段落 #{loser_passage}（")


async def test_asking_for_more_right_after_the_group_became_a_supergroup_pages_the_last_answer(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    """The page last shown in a group is remembered under the group's id: after Telegram upgraded the group
    to a supergroup (a new id), 「@bot 还有吗」 was told to ask a question first."""
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_text_update(f"/ask {BROAD}", chat_id=GROUP, chat_type="group"))
        for update in api.migrate_group(GROUP, SUPERGROUP):
            await feed(app, update)
        await feed(
            app, api.make_text_update("@speechqa_bot 还有吗", chat_id=SUPERGROUP, chat_type="supergroup")
        )
        more = api.last_message(SUPERGROUP).plain_text
        await feed(app, api.make_text_update("/ask 下一页", chat_id=SUPERGROUP, chat_type="supergroup"))
        after = api.last_message(SUPERGROUP).plain_text
    assert f"🔎 {BROAD}" in more and "第 6–10 条" in more, more
    assert "第 11–15 条" in after or "没有更多相关的段落" in after, after


@pytest.mark.parametrize("join_first", [False, True], ids=["join-after-the-move", "join-before-the-move"])
async def test_a_group_upgraded_to_a_supergroup_is_not_welcomed_again_or_told_it_is_not_enabled(
    api: FakeBotAPI, seed_service: SpeechService, monkeypatch: pytest.MonkeyPatch, join_first: bool
) -> None:
    """With the upgrade Telegram reports the bot as having joined the supergroup: the bot posted its welcome
    again, or — the join handled before the move was known — 「本群尚未开通」 with the new id and how to enable
    it, in a group that was enabled and stays so."""
    from bot import handlers

    monkeypatch.setattr(handlers, "UPGRADE_GRACE", 0.5)  # shorter than the 1.5 s a real join waits
    async with running_bot(api, seed_service) as app:
        moved_to, joined, moved_from = api.migrate_group(GROUP, SUPERGROUP)
        if join_first:  # Telegram's order is not promised: the join waits a moment for the move
            join = asyncio.create_task(feed(app, joined))
            await asyncio.sleep(0.1)
            await feed(app, moved_to)
            await feed(app, moved_from)
            await join
        else:
            for update in (moved_to, joined, moved_from):
                await feed(app, update)
        nothing_posted = not api.messages(SUPERGROUP)
        await feed(app, api.make_my_chat_member_update(-1001666000000))  # added to another group: welcomed
        await feed(app, api.make_text_update(f"/ask {QUESTION}", chat_id=SUPERGROUP, chat_type="supergroup"))
    assert nothing_posted
    assert "本群尚未开通" in api.last_message(-1001666000000).plain_text
    assert CITED in api.last_message(SUPERGROUP).plain_text


async def test_a_gif_is_no_file_sent_for_the_library(
    api: FakeBotAPI, seed_service: SpeechService, caplog: pytest.LogCaptureFixture
) -> None:
    """Telegram sends a GIF (the GIF panel of every client) with a `document` beside its `animation`: a
    member sending one was told 「只有管理员可以上传讲话文件。」, an admin 「❌ 不支持的文件类型：giphy.mp4…」. A GIF
    is now what a sticker is: a hint in private, silence in a group; words under it are a question."""
    async with running_bot(api, seed_service) as app:
        with caplog.at_level(logging.INFO):
            await feed(app, api.make_animation_update())
            await feed(app, api.make_animation_update(user_id=ADMIN))
            await feed(app, api.make_animation_update(QUESTION))
            await feed(app, api.make_animation_update(**IN_GROUP))
            await feed(app, api.make_animation_update(f"@speechqa_bot {QUESTION}", **IN_GROUP))
    hint, asked = (m.plain_text for m in api.messages(USER))
    assert hint == "请用文字提问。" and api.last_message(ADMIN).plain_text == "请用文字提问。"
    assert CITED in asked
    (in_group,) = (m.plain_text for m in api.messages(GROUP))
    assert CITED in in_group
    assert not api.calls_of("getFile")  # nothing downloaded
    assert not errors(caplog)


async def test_update_shapes_of_a_working_day_that_already_worked(
    api: FakeBotAPI, seed_service: SpeechService, caplog: pytest.LogCaptureFixture
) -> None:
    """Shapes tried through the fake for this day and found working, kept working: a command's question on
    the line below it (in private and after /ask@bot in a group), a channel's post forwarded to the bot, a
    question in traditional script, a reply to a colleague's message that does not address the bot, a
    poll, dice or contact sent to a group, and updates the bot does not ask for (a reaction, a poll's answer,
    a request to join)."""
    user: dict[str, Any] = {"id": USER, "is_bot": False, "first_name": "Alice"}
    group_chat: dict[str, Any] = {"id": GROUP, "type": "supergroup", "title": "G"}
    colleague = {"message_id": 1, "date": 1, "chat": group_chat, "text": QUESTION}
    colleague["from"] = {"id": 5, "is_bot": False, "first_name": "B"}
    poll_option = {"text": "去", "voter_count": 0, "persistent_id": "0"}
    poll = {
        "id": "1",
        "question": "去不去？",
        "options": [poll_option],
        "total_voter_count": 0,
        "is_closed": False,
        "is_anonymous": True,
        "type": "regular",
        "allows_multiple_answers": False,
        "allows_revoting": False,
        "members_only": False,
    }
    forwarded = {"type": "channel", "date": 1, "chat": {"id": -1009, "type": "channel", "title": "通知"}}
    async with running_bot(api, seed_service) as app:
        with caplog.at_level(logging.INFO):
            await feed(app, api.make_text_update(f"/ask\n{QUESTION}"))
            await feed(
                app,
                api.make_message_update({"text": QUESTION, "forward_origin": {**forwarded, "message_id": 5}}),
            )
            await feed(app, api.make_text_update("離休幹部體檢規定是什麼？"))
            await feed(app, api.make_text_update(f"/ask@speechqa_bot\n{QUESTION}", **IN_GROUP))
            await feed(app, api.make_text_update("那退休干部呢？", reply_to_message=colleague, **IN_GROUP))
            for fields in ({"poll": poll}, {"dice": {"emoji": "🎲", "value": 3}}):
                await feed(app, api.make_message_update(fields, **IN_GROUP))
            await feed(
                app,
                api.make_message_update(
                    {"contact": {"phone_number": "+86 1", "first_name": "王"}}, **IN_GROUP
                ),
            )
            reaction = {"chat": group_chat, "message_id": 1, "date": 1, "user": user, "old_reaction": []}
            reaction["new_reaction"] = [{"type": "emoji", "emoji": "👍"}]
            await feed(app, {"update_id": 90001, "message_reaction": reaction})
            answer = {"poll_id": "1", "user": user, "option_ids": [0], "option_persistent_ids": ["0"]}
            await feed(app, {"update_id": 90002, "poll_answer": answer})
            join = {"chat": group_chat, "from": user, "user_chat_id": USER, "date": 1}
            await feed(app, {"update_id": 90003, "chat_join_request": join})
    private = [m.plain_text for m in api.messages(USER)]
    assert len(private) == 3 and all(CITED in text for text in private), private
    (in_group,) = (m.plain_text for m in api.messages(GROUP))  # the /ask only: the rest was not for the bot
    assert CITED in in_group
    assert not errors(caplog)
