"""End-to-end tests of the bot side of filters, pinned answers and Word export (issue 13): the real
Application over real HTTP against the fake Bot API, the real service on the seed corpus."""

from __future__ import annotations

import io
import re

import docx
import pytest

from bot import BotApplication
from bot import callbacks as cb
from bot.repeats import PRESS_WINDOW
from retrieval import SpeechService

from .bot_harness import ADMIN, GROUP, USER, ManualClock, bot_settings, feed, running_bot
from .fake_telegram import FakeBotAPI, SentMessage

pytestmark = [pytest.mark.asyncio, pytest.mark.slow]

QUESTION = "离休干部体检规定是什么？"
CITED = "要落实好离休干部每年一次体检的规定"
BY_SPEAKER = "沈伟同志讲话中关于老年大学的内容"  # only speech 2 has a speaker: 沈伟


def blocks(message: SentMessage) -> list[str]:
    """The result blocks of an answer message (after its header, before a closing note)."""
    return [b for b in message.plain_text.split("\n\n")[1:] if re.match(r"\d+\. ", b)]


def labels(message: SentMessage) -> list[str]:
    return [b["text"] for b in message.buttons]


async def test_every_result_shows_its_speech_id_and_date(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_text_update("老干部工作会议"))
    results = blocks(api.last_message(USER))
    assert len(results) == 5
    for block in results:
        meta = block.split("\n")[1]
        assert re.search(r"讲话 #\d+$", meta), meta
        assert re.match(r"(\d{4}-\d{2}-\d{2}|日期不详)", meta), meta
    assert any("日期不详" in b for b in results)  # the same-title speeches 3 and 4 have no date


async def test_a_filter_read_from_the_question_is_shown_and_can_be_cancelled(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_text_update(BY_SPEAKER))
        answer = api.last_message(USER)
        filtered = answer.plain_text
        await feed(app, api.make_callback_update(answer, answer.button_data("取消筛选")))
    assert filtered.split("\n")[1] == "仅限：沈伟（由问题识别，可点「取消筛选」）"
    assert all("讲话 #2" in b for b in blocks_of(filtered))
    assert answer.edit_count == 1  # edited in place
    assert "仅限" not in answer.plain_text and "取消筛选" not in labels(answer)
    unfiltered = seed_service.current().search(BY_SPEAKER, 5, auto_filter=False, pins=True)
    shown = [int(m) for m in re.findall(r"讲话 #(\d+)", "\n".join(blocks(answer)))]
    assert shown == [h.passage.speech_id for h in unfiltered.hits] and unfiltered.filters is None
    data = [b["callback_data"] for b in answer.buttons]
    assert "e:1:-1:0" in data  # exporting it exports the unfiltered page


async def test_a_speaker_the_library_lacks_is_said_and_all_speeches_answer(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_text_update("王建国同志讲话中关于老年大学的内容"))
    answer = api.last_message(USER)
    # the CLI's words (retrieval.FilterReport.unmatched_note), not a copy of them
    assert answer.plain_text.split("\n")[1] == "筛选条件「王建国」下没有任何讲话，以下是不加筛选的结果。"
    assert len(blocks(answer)) == 5 and "取消筛选" not in labels(answer)
    unfiltered = seed_service.current().search("王建国同志讲话中关于老年大学的内容", 5, auto_filter=False)
    shown = [int(m) for m in re.findall(r"讲话 #(\d+)", "\n".join(blocks(answer)))]
    assert shown == [h.passage.speech_id for h in unfiltered.hits]


def blocks_of(text: str) -> list[str]:
    return [b for b in text.split("\n\n")[1:] if re.match(r"\d+\. ", b)]


async def test_only_this_speech_asks_again_within_it(api: FakeBotAPI, seed_service: SpeechService) -> None:
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_text_update("怎样发挥老干部的作用？"))
        answer = api.last_message(USER)
        speech = int(re.findall(r"讲话 #(\d+)", blocks(answer)[0])[0])
        await feed(app, api.make_callback_update(answer, answer.button_data("只看这篇讲话 1")))
        within = api.last_message(USER)
        first_page = within.plain_text
        if "更多结果 ▶" in labels(within):
            await feed(app, api.make_callback_update(within, within.button_data("更多结果")))
        later_page, scoped = within.plain_text, labels(within)
        assert "取消筛选" in scoped  # within one speech is a filter: it can be cancelled
        await feed(app, api.make_callback_update(within, within.button_data("取消筛选")))
    assert within is not answer and answer.edit_count == 0  # a new message; the answer stays
    assert re.fullmatch(rf"仅限：讲话 #{speech}《[^》]+》", first_page.split("\n")[1])  # with its title
    assert all(f"讲话 #{speech}" in b for b in blocks_of(first_page) + blocks_of(later_page))
    assert not any(label.startswith("只看这篇讲话") for label in scoped)
    # 取消筛选: that message edited in place into the answer without the speech's filter, as first given
    unfiltered = seed_service.current().search("怎样发挥老干部的作用？", 5, auto_filter=False, pins=True)
    shown = [int(m) for m in re.findall(r"讲话 #(\d+)", "\n".join(blocks(within)))]
    assert shown == [h.passage.speech_id for h in unfiltered.hits] and len(set(shown)) > 1
    assert "仅限" not in within.plain_text and "取消筛选" not in labels(within)
    assert blocks(within) == blocks(answer)
    assert any(label.startswith("只看这篇讲话") for label in labels(within))
    assert all(len(b["callback_data"].encode()) <= 64 for b in answer.buttons + within.buttons)


async def test_only_this_speech_pressed_after_the_speech_was_removed_says_it_is_gone(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    """只看这篇讲话, the pages of that view and its 导出 Word, pressed after the speech was removed: the
    presser is told the speech is gone (as 出处 says), not shown the question answered by the other
    speeches under 「没有符合「讲话 #N」的讲话」 in a message that claims to be about that speech."""
    clock = ManualClock()
    async with running_bot(api, seed_service, clock=clock) as app:
        await feed(app, api.make_text_update("怎样发挥老干部的作用？"))
        answer = api.last_message(USER)
        speech = int(re.findall(r"讲话 #(\d+)", blocks(answer)[0])[0])
        await feed(app, api.make_callback_update(answer, answer.button_data("只看这篇讲话 1")))
        within = api.last_message(USER)
        shown = within.plain_text
        seed_service.remove(speech)
        clock.advance(PRESS_WINDOW + 1)  # later (a tap right after another is a repeat)
        sent = len(api.messages(USER))
        for message, label in ((answer, "只看这篇讲话 1"), (within, "更多结果"), (within, "导出 Word")):
            await feed(app, api.make_callback_update(message, message.button_data(label)))
            toast = api.calls_of("answerCallbackQuery")[-1].params
            assert toast["text"] == "这篇讲话已不在语料中。" and toast["show_alert"] is True
    assert len(api.messages(USER)) == sent and within.plain_text == shown  # nothing sent, nothing edited
    assert not api.calls_of("sendDocument")


async def test_an_admin_pins_a_result_and_later_questions_get_it_first(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    store = seed_service.library.store
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_text_update(QUESTION))
        assert not any("📌" in label for label in labels(api.last_message(USER)))  # not an admin

        await feed(app, api.make_text_update(QUESTION, user_id=ADMIN))
        answer = api.last_message(ADMIN)
        third = blocks(answer)[2]
        assert "📌 设为标准答案 3" in labels(answer)
        await feed(
            app, api.make_callback_update(answer, answer.button_data("📌 设为标准答案 3"), user_id=ADMIN)
        )
        assert "已设为" in api.calls_of("answerCallbackQuery")[-1].params["text"]
        assert answer.edit_count == 1
        top = blocks(answer)[0]
        assert "📌 标准答案" in top and top.split("\n", 1)[1] == third.split("\n", 1)[1]

        # a user forging the admin's button data gets nothing
        mine = api.last_message(USER)
        forged = answer.button_data("📌 设为标准答案 2").replace(":2:", ":1:", 1)
        await feed(app, api.make_callback_update(mine, forged, check=False))
        assert "只有管理员" in api.calls_of("answerCallbackQuery")[-1].params["text"]

        await feed(app, api.make_text_update("离休干部的体检有什么规定"))  # a paraphrase, by a user
        later = api.last_message(USER)
        assert "📌 标准答案" in blocks(later)[0]

        await feed(app, api.make_text_update("/stats", user_id=ADMIN))
        assert "📌 标准答案：1 条" in api.last_message(ADMIN).plain_text
        (state,) = store.pins()
        assert state.pin.question == QUESTION and state.pin.pinned_by == str(ADMIN)

        seed_service.remove(state.passage.speech_id if state.passage else 0)  # its speech is removed
        await feed(app, api.make_text_update("/stats", user_id=ADMIN))
    stats = api.last_message(ADMIN).plain_text
    assert "1 条需要复核" in stats and f"⚠️ #{state.pin.id} {QUESTION}（原文所在讲话已删除）" in stats


async def test_an_admins_pin_over_someone_elses_says_what_it_replaced(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    store = seed_service.library.store
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_text_update(QUESTION, user_id=ADMIN))
        answer = api.last_message(ADMIN)
        pressed = cb.decode(answer.button_data("📌 设为标准答案 2"))
        assert isinstance(pressed, cb.PinPassage)
        second = pressed.passage_id
        earlier = store.pin(QUESTION, second, pinned_by="cli:zhang")  # set meanwhile from the command line
        assert earlier is not None
        await feed(
            app, api.make_callback_update(answer, answer.button_data("📌 设为标准答案 3"), user_id=ADMIN)
        )
    call = api.calls_of("answerCallbackQuery")[-1].params
    assert call["show_alert"] is True
    assert call["text"].startswith(f"📌 已设为标准答案，替换了原来的：段落 #{second}（由 cli:zhang 于")
    assert re.search(r"于 \d{4}-\d\d-\d\d \d\d:\d\d 设置）。$", call["text"])  # not 2026-12-02T11:38:12+0000
    (state,) = store.pins()
    assert state.pin.passage_id != second and state.pin.pinned_by == str(ADMIN)


async def test_export_word_sends_the_page_as_a_docx(api: FakeBotAPI, seed_service: SpeechService) -> None:
    topic = api.create_forum_topic(GROUP, "材料")
    async with running_bot(api, seed_service) as app:
        await feed(
            app,
            api.make_text_update(
                f"/ask {QUESTION}", chat_type="supergroup", chat_id=GROUP, message_thread_id=topic
            ),
        )
        answer = api.last_message(GROUP)
        await feed(app, api.make_callback_update(answer, answer.button_data("导出 Word")))
    (call,) = api.calls_of("sendDocument")
    assert call.params["message_thread_id"] == topic
    upload = call.params["document"]
    assert upload.filename.endswith(".docx") and "离休干部体检规定是什么" in upload.filename
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(upload.data)).paragraphs)
    assert QUESTION in text and CITED in text and "导出日期" in text
    assert "《开创老干部工作新局面 努力为温州第三次跨越作贡献》 · 2024-03-13 · 沈伟" in text
    assert text.count("讲话编号") == 5
    assert api.last_message(GROUP).plain_text.startswith(f"📄 {QUESTION}")


async def test_new_buttons_work_after_a_restart(api: FakeBotAPI, seed_service: SpeechService) -> None:
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_text_update(BY_SPEAKER))
    answer = api.last_message(USER)
    async with running_bot(api, seed_service) as app:  # a new application: nothing kept in memory
        for label in ("只看这篇讲话 1", "导出 Word", "取消筛选"):
            await feed(app, api.make_callback_update(answer, answer.button_data(label)))
    assert api.calls_of("sendDocument") and "仅限" not in answer.plain_text
    assert "仅限：讲话 #2《" in api.messages(USER)[1].plain_text
    assert all(c.ok for c in api.calls_of("answerCallbackQuery", ok=None))


async def test_thanks_get_a_friendly_reply_without_buttons_and_stay_out_of_the_log(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    store = seed_service.library.store
    before = store.db["queries"].count if store.db["queries"].exists() else 0
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_text_update("谢谢"))
    reply = api.last_message(USER)
    assert "谢" in reply.plain_text or "不客气" in reply.plain_text
    assert reply.buttons == []  # nothing to page, cite, export or rate
    after = store.db["queries"].count if store.db["queries"].exists() else 0
    assert after == before  # not a question: not counted as an unanswered one in /stats


async def test_asking_what_the_bot_does_gets_how_to_ask_not_passages(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_text_update("你好，请问你能做什么？"))
    reply = api.last_message(USER)
    assert "讲话库" in reply.plain_text and "例如" in reply.plain_text
    assert "[1]" not in reply.plain_text and reply.buttons == []


def pin_label(message: SentMessage, rank: int) -> str:
    return message.button_data(f"📌 设为标准答案 {rank}")


async def pin_outside_speech_2(
    app: BotApplication, api: FakeBotAPI, answer: SentMessage, first_rank: int
) -> tuple[str, cb.PinPassage]:
    """As the admin, press 📌 under the first result shown (ranks from `first_rank`) that the filter read from
    the question (沈伟: speech 2) would leave out; its block and the button's data."""
    rank, pressed = next(
        (i, b) for i, b in enumerate(blocks(answer), first_rank) if "讲话 #2" not in b.split("\n")[1]
    )
    data = cb.decode(pin_label(answer, rank))
    assert isinstance(data, cb.PinPassage)
    await feed(app, api.make_callback_update(answer, pin_label(answer, rank), user_id=ADMIN))
    return pressed, data


def body(block: str) -> str:
    """A result block without its first line (the title, which a pin marks with 📌)."""
    return re.sub(r"^\d+\. ", "", block.split("\n", 1)[1])


async def test_a_pin_pressed_within_one_speech_keeps_that_view(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    store = seed_service.library.store
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_text_update("怎样发挥老干部的作用？", user_id=ADMIN))
        answer = api.last_message(ADMIN)
        await feed(app, api.make_callback_update(answer, answer.button_data("只看这篇讲话 2"), user_id=ADMIN))
        within = api.last_message(ADMIN)
        header = within.plain_text.split("\n")[1]
        speech = int(re.findall(r"讲话 #(\d+)", header)[0])
        pressed = blocks(within)[2]
        data = cb.decode(pin_label(within, 3))
        assert isinstance(data, cb.PinPassage) and len(pin_label(within, 3).encode()) <= 64
        before = answer.plain_text
        await feed(app, api.make_callback_update(within, pin_label(within, 3), user_id=ADMIN))
    (state,) = store.pins()
    assert state.pin.passage_id == data.passage_id
    assert within.edit_count == 1 and answer.plain_text == before  # the message pressed under, only
    assert within.plain_text.split("\n")[1] == header  # still within the speech
    assert re.fullmatch(rf"仅限：讲话 #{speech}《[^》]+》", header)
    top, *rest = blocks(within)
    assert "📌 标准答案" in top.split("\n")[0] and body(top) == body(pressed)
    assert all(f"讲话 #{speech}" in b for b in [top, *rest])
    assert not any(label.startswith("只看这篇讲话") for label in labels(within))
    paging = [b["callback_data"] for b in within.buttons if b["text"] == "更多结果 ▶"]
    assert all(d.startswith(f"v:{data.query_id}:{speech}:") for d in paging)


async def test_a_pin_pressed_on_a_later_page_pins_that_passage_and_shows_it_first(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    store = seed_service.library.store
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_text_update(BY_SPEAKER, user_id=ADMIN))
        answer = api.last_message(ADMIN)
        await feed(app, api.make_callback_update(answer, answer.button_data("取消筛选"), user_id=ADMIN))
        await feed(app, api.make_callback_update(answer, answer.button_data("更多结果"), user_id=ADMIN))
        assert "第 6–10 条" in answer.plain_text and "仅限" not in answer.plain_text
        pressed, data = await pin_outside_speech_2(app, api, answer, first_rank=6)
    (state,) = store.pins()
    assert state.pin.passage_id == data.passage_id
    # the pinned passage moved to the top of the first page of the same view: shown there, and said so
    assert "第 1–5 条" in answer.plain_text and "仅限" not in answer.plain_text
    top = blocks(answer)[0]
    assert "📌 标准答案" in top.split("\n")[0] and body(top) == body(pressed)
    assert body(pressed) not in [body(b) for b in blocks(answer)[1:]]
    assert "第 1 条" in api.calls_of("answerCallbackQuery")[-1].params["text"]
    assert all(
        b["callback_data"].startswith(("v:", "c:", "s:", "o:", "p:", "u:", "e:", "f:"))
        for b in answer.buttons
    )
    assert f"e:{data.query_id}:-1:0" in [b["callback_data"] for b in answer.buttons]
    # under the pinned passage, 取消标准答案 in the same view
    assert f"u:{state.pin.id}:{data.query_id}:-1:0" in [b["callback_data"] for b in answer.buttons]


async def test_a_pin_pressed_without_the_filter_keeps_the_filter_off(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    store = seed_service.library.store
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_text_update(BY_SPEAKER, user_id=ADMIN))
        answer = api.last_message(ADMIN)
        await feed(app, api.make_callback_update(answer, answer.button_data("取消筛选"), user_id=ADMIN))
        pressed, data = await pin_outside_speech_2(app, api, answer, first_rank=1)
    (state,) = store.pins()
    assert state.pin.passage_id == data.passage_id
    assert "仅限" not in answer.plain_text and "取消筛选" not in labels(answer)
    top = blocks(answer)[0]
    assert "📌 标准答案" in top.split("\n")[0] and body(top) == body(pressed)


async def test_a_pin_button_made_before_it_carried_its_view_still_works(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    store = seed_service.library.store
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_text_update(QUESTION, user_id=ADMIN))
        answer = api.last_message(ADMIN)
        data = cb.decode(pin_label(answer, 2))
        assert isinstance(data, cb.PinPassage)
        old = f"p:{data.query_id}:{data.passage_id}"  # as an earlier version of the bot wrote it
        assert cb.decode(old) == cb.PinPassage(data.query_id, data.passage_id, 0, 0)
        await feed(app, api.make_callback_update(answer, old, user_id=ADMIN, check=False))
    (state,) = store.pins()
    assert state.pin.passage_id == data.passage_id
    assert "📌 标准答案" in blocks(answer)[0].split("\n")[0]


async def test_a_pin_offer_pressed_over_the_rate_limit_stores_no_wording(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    """The wording that took an offer is stored only for a press the bot answers: one refused by the
    questions-per-minute limit asks nothing and takes nothing."""
    store = seed_service.library.store
    target = next(p.id for p in store.passages() if CITED in p.text)
    pin = store.pin(QUESTION, target, pinned_by="cli:zhang")
    assert pin is not None
    clock = ManualClock()
    async with running_bot(api, seed_service, bot_settings(api, questions_per_minute=1), clock=clock) as app:
        await feed(app, api.make_text_update("离休老同志每年都安排体检吗"))
        answer = api.last_message(USER)
        data = answer.button_data(next(x for x in labels(answer) if x.startswith("📌 看标准答案：")))
        await feed(app, api.make_callback_update(answer, data))  # the second question within the minute
        assert api.last_message(USER).plain_text.startswith("您提问太快了（每分钟最多 1 个问题）")
        assert store.offers_taken() == []
        assert store.query_stats().questions == 1  # nor was the standard question asked
        clock.advance(61)
        await feed(app, api.make_callback_update(answer, data))  # pressed again once allowed: taken
        assert api.last_message(USER).plain_text.startswith(f"🔎 {QUESTION}")
    (taken,) = store.offers_taken()
    assert (taken.pin_id, taken.question, taken.times) == (pin.id, "离休老同志每年都安排体检吗", 1)


async def test_a_question_close_to_a_pin_offers_the_standard_question_as_a_button(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    store = seed_service.library.store
    target = next(p.id for p in store.passages() if CITED in p.text)
    pin = store.pin(QUESTION, target, pinned_by="cli:zhang")
    assert pin is not None
    clock = ManualClock()
    async with running_bot(api, seed_service, clock=clock) as app:
        await feed(app, api.make_text_update("离休老同志每年都安排体检吗"))
        answer = api.last_message(USER)
        assert f"📌 相近的标准问题：{QUESTION}" in answer.plain_text
        assert not any("📌 标准答案" in b for b in blocks(answer))  # offered, not served
        label = next(label for label in labels(answer) if label.startswith("📌 看标准答案："))
        data = answer.button_data(label)
        pressed = cb.decode(data)
        assert isinstance(pressed, cb.AskPinned) and pressed.pin_id == pin.id and len(data.encode()) <= 64
        await feed(app, api.make_callback_update(answer, data))
        agreed = api.last_message(USER)
        assert agreed is not answer and agreed.plain_text.startswith(f"🔎 {QUESTION}")
        assert "📌 标准答案" in blocks(agreed)[0] and CITED in blocks(agreed)[0]
        assert not any(label.startswith("📌 看标准答案") for label in labels(agreed))
        await feed(app, api.make_callback_update(answer, data))  # pressed again: not another taker
        # the wording that took the offer is kept for the admins: another wording they may pin
        (taken,) = store.offers_taken()
        assert (taken.pin_id, taken.question, taken.times) == (pin.id, "离休老同志每年都安排体检吗", 1)
        await feed(app, api.make_text_update("/stats", user_id=ADMIN))
        stats = api.last_message(ADMIN).plain_text
        assert "采纳了推荐的标准问题的说法" in stats and f"离休老同志每年都安排体检吗 → #{pin.id}" in stats

        store.unpin(pin.id)  # withdrawn since: the button says so, and asks nothing
        clock.advance(PRESS_WINDOW + 1)  # pressed a while later (a tap right after another is a repeat)
        sent = len(api.calls_of("sendMessage"))
        await feed(app, api.make_callback_update(answer, data))
        assert "标准答案已被取消" in api.calls_of("answerCallbackQuery")[-1].params["text"]
        assert len(api.calls_of("sendMessage")) == sent


async def test_an_exported_answer_sent_back_by_an_admin_is_refused_not_added(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    """The file the bot's 「导出 Word」 sends, forwarded back by an admin as one forwards a speech: its
    passages are the library's own, so adding it served each twice, cited to 「讲话检索结果」."""
    async with running_bot(api, seed_service, progress_interval=0) as app:
        await feed(app, api.make_text_update(QUESTION, user_id=ADMIN))
        answer = api.last_message(ADMIN)
        await feed(app, api.make_callback_update(answer, answer.button_data("导出 Word"), user_id=ADMIN))
        (call,) = api.calls_of("sendDocument")
        upload = call.params["document"]
        await feed(app, api.make_document_update(upload.filename, upload.data, user_id=ADMIN))
    reply = api.last_message(ADMIN).plain_text
    assert f"{upload.filename} 是 speechqa 导出的检索结果（「讲话检索结果」），不是讲话" in reply
    assert len(seed_service.library.store.speeches()) == 5
