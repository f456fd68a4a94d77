"""A month of the bot in a group (docs/trial38-bot.md): buttons pressed under week-old answers after the library
changed, a reply to an answer that names one of its results. End to end against the fake Bot API, the real
library and model."""

from __future__ import annotations

import pytest

from bot import handlers as bot_handlers
from retrieval import SpeechService

from .bot_harness import ADMIN, USER, feed, running_bot
from .fake_telegram import FakeBotAPI, SentMessage

pytestmark = pytest.mark.slow

NOTICE = [
    "关于调整市老干部活动中心开放时间的通知",
    "各离退休干部党支部、各位老同志：",
    "为方便老同志参加活动，经研究，自2026年11月1日起调整市老干部活动中心开放时间。现将有关事项通知如下。",
    "一、开放时间。活动中心每周二至周日上午8时30分至11时30分、下午1时30分至5时开放，每周一闭馆清洁。",
    "二、功能室使用。书画室、阅览室需提前一天向服务台登记，乒乓球室按登记先后安排，每次不超过两小时。",
    "三、健身房使用。健身房下午4时后停止入场，80周岁以上老同志进入健身房须有家属陪同。",
    "四、安全管理。老同志在活动中如感身体不适，请立即停止活动并告知工作人员，服务台备有常用急救药品。",
    "五、车辆停放。活动中心地下车库向老同志免费开放，请按指定车位停放，不得占用消防通道。",
    "六、意见建议。老同志对活动中心管理服务有意见建议的，可在服务台登记，也可拨打监督电话88812300。",
    "市老干部活动中心",
    "2026年10月25日",
]
NAME = "活动中心开放时间通知.txt"
FIRST = "\n".join(NOTICE).encode()
CORRECTED = FIRST.decode().replace("上午8时30分至11时30分", "上午8时至11时30分").encode()
QUESTION = "活动中心健身房几点停止入场"
GYM = "健身房下午4时后停止入场"


class Days:
    """The bot's clock, moved on by hand: presses of one button days apart are no repeat (`repeats`)."""

    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now

    def pass_(self, days: float = 1) -> None:
        self.now += days * 86_400


def alerts(api: FakeBotAPI) -> list[str]:
    return [str(c.params.get("text")) for c in api.calls_of("answerCallbackQuery") if c.params.get("text")]


async def press(app, api: FakeBotAPI, message: SentMessage, label: str, user: int = USER) -> None:
    await feed(app, api.make_callback_update(message, message.button_data(label), user_id=user, check=False))


async def test_buttons_under_a_week_old_answer_follow_their_passage_when_the_notice_is_sent_again(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    """The admin sends the notice again with its opening hours corrected: it is updated in place and every
    passage renumbered. 上下文 under the answer staff got before used to say 「这段内容已不在语料中」 for a passage
    whose text is still there, and 📌 refused to pin it; now they find it by its text (as a pin does), and a
    passage whose own text was corrected is said to be so, never shown as another."""
    store = seed_service.library.store
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_document_update(NAME, FIRST, "text/plain", user_id=ADMIN))
        await feed(app, api.make_text_update(QUESTION))
        old = api.last_message(USER)
        await feed(app, api.make_text_update(QUESTION, user_id=ADMIN))
        old_admin = api.last_message(ADMIN)
        gym_id = int(old.button_data("上下文 1").split(":")[1])
        hours = next(
            p for p in store.passages(store.passages_by_id([gym_id])[gym_id].speech_id) if "8时30分" in p.text
        )
        assert GYM in store.passages_by_id([gym_id])[gym_id].text
        await feed(app, api.make_document_update(NAME, CORRECTED, "text/plain", user_id=ADMIN))
        assert "已更新" in api.last_message(ADMIN).plain_text
        assert not store.passages_by_id([gym_id])  # renumbered

        await press(app, api, old, "上下文 1")
        context = api.last_message(USER)
        await press(app, api, old, "出处 1")
        source = api.last_message(USER)
        await press(app, api, old_admin, "📌 设为标准答案 1", ADMIN)
        await feed(app, api.make_callback_update(old, f"c:{hours.id}", check=False))  # its text was corrected
        said_changed = alerts(api)[-1]

    assert context.plain_text.startswith("📖 上下文") and GYM in context.plain_text
    assert bot_handlers.PASSAGE_MOVED in alerts(api)
    assert said_changed == bot_handlers.PASSAGE_CHANGED
    assert source.plain_text.startswith("📄 关于调整市老干部活动中心开放时间的通知")
    (pin,) = store.pins()
    assert pin.status == "ok" and pin.passage is not None and GYM in pin.passage.text


async def test_a_corrected_passage_and_a_removed_notice_are_said_so_and_the_notice_added_back_is_found(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    store = seed_service.library.store
    days = Days()
    async with running_bot(api, seed_service, clock=days) as app:
        await feed(app, api.make_document_update(NAME, FIRST, "text/plain", user_id=ADMIN))
        await feed(app, api.make_text_update("活动中心开放时间"))
        old = api.last_message(USER)
        speech_id = int(old.button_data("出处 1").split(":")[1])
        await feed(app, api.make_document_update(NAME, CORRECTED, "text/plain", user_id=ADMIN))
        removed = seed_service.remove(speech_id)  # `speechqa remove` on the server
        assert removed is not None
        days.pass_()
        await press(app, api, old, "上下文 1")
        said_gone = alerts(api)[-1]
        await press(app, api, old, "出处 1")
        said_speech_gone = alerts(api)[-1]
        await press(app, api, old, "只看这篇讲话 1")
        said_scope_gone = alerts(api)[-1]
        await feed(app, api.make_document_update(NAME, CORRECTED, "text/plain", user_id=ADMIN))
        back = store.speeches()[-1]
        assert back.id != speech_id
        days.pass_()
        await press(app, api, old, "上下文 1")
        said_corrected = alerts(api)[-1]  # its opening hours: the version added back has other hours
        await press(app, api, old, "上下文 2")
        context = api.last_message(USER)
        await press(app, api, old, "出处 1")
        source = api.last_message(USER)
        await press(app, api, old, "只看这篇讲话 1")
        scoped = api.last_message(USER)

    assert said_gone == bot_handlers.PASSAGE_GONE
    assert said_speech_gone == said_scope_gone == bot_handlers.SPEECH_GONE
    assert said_corrected == bot_handlers.PASSAGE_CHANGED
    assert context.plain_text.startswith("📖 上下文") and f"讲话 #{back.id}" in context.plain_text
    assert f"编号：{back.id}" in source.plain_text
    assert f"仅限：讲话 #{back.id}" in scoped.plain_text
    assert "Traceback" not in "".join(api.texts_sent())


async def test_a_reply_asking_for_one_result_in_full_gets_its_context_not_a_search(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    """「第二条再详细点」 in reply to an answer was searched as a question: five passages that hold 「第二」 under
    「⚠️ 未找到直接回答」. It is now the 上下文 of result 2, as its button shows it (after the answer without a
    reply too); a result the answer does not show is said so; a question about a result is still searched."""
    store = seed_service.library.store
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_text_update("离休干部体检规定是什么？"))
        answer = api.last_message(USER)
        second = int(answer.button_data("上下文 2").split(":")[1])
        await feed(app, api.make_text_update("第二条再详细点", reply_to_message=answer))
        replied = api.last_message(USER)
        await feed(app, api.make_text_update("展开第１条"))
        typed_after = api.last_message(USER)
        await feed(app, api.make_text_update("第九条详细点", reply_to_message=answer))
        missing = api.last_message(USER)
        await feed(app, api.make_text_update("第二条是哪年讲的？", reply_to_message=answer))
        question = api.last_message(USER)

    text = store.passages_by_id([second])[second].text
    assert replied.plain_text.startswith("📖 上下文") and text[:30] in replied.plain_text
    first = int(answer.button_data("上下文 1").split(":")[1])
    assert typed_after.plain_text.startswith("📖 上下文")
    assert store.passages_by_id([first])[first].text[:30] in typed_after.plain_text
    assert missing.plain_text.startswith("这条回答里没有第 9 条")
    assert question.plain_text.startswith("🔎 第二条是哪年讲的")
    logged = [q for q, _ in store.query_stats(top=50).top_unanswered]
    assert "第二条再详细点" not in logged and store.query_stats().questions == 2


async def test_a_notice_pasted_whole_is_told_what_the_bot_can_do_with_it(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    """3,000 characters pasted from a notice got only 「❌ 问题太长（3000 字），请控制在 500 字以内。」: staff are now
    told how to have it added (through an admin) or to ask one thing of it; an admin, to send the file."""
    pasted = ("各单位：为进一步做好离退休干部服务管理工作，现就有关事项通知如下。" * 100)[:3000]
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_text_update(pasted))
        staff = api.last_message(USER).plain_text
        await feed(app, api.make_text_update(pasted, user_id=ADMIN))
        admin = api.last_message(ADMIN).plain_text
    assert staff.startswith("❌ 问题太长（3000 字），请控制在 500 字以内。")
    assert bot_handlers.PASTED_NOTICE in staff and bot_handlers.PASTED_NOTICE_ADMIN in admin
    assert seed_service.library.store.query_stats().questions == 0
