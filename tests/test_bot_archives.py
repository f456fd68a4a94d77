"""End to end (the real Application over real HTTP against the fake Bot API, the real library and model): an
admin sends the bot a .zip a colleague mailed — Windows-style cp936 names, a drawing and Thumbs.db in it — and
each document in it is added as if sent alone, with progress and one report; its passages answer, cited to the
archive; the same documents zipped on a Mac are known; an encrypted or damaged archive is one line; staff are
told as for any upload; a .rar is still named to unpack."""

from __future__ import annotations

from pathlib import Path

import pytest

from retrieval import SpeechService

from .bot_harness import ADMIN, USER, feed, running_bot
from .fake_telegram import FakeBotAPI

pytestmark = [pytest.mark.asyncio, pytest.mark.slow]

ARCHIVES = Path(__file__).parent / "fixtures" / "archives"
NOTICE = "关于做好2027年离休干部健康体检工作的通知"


async def test_an_admin_s_zip_is_added_file_by_file_and_answers(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    mailed = (ARCHIVES / "王科长转来的材料.zip").read_bytes()
    async with running_bot(api, seed_service, progress_interval=0) as app:
        await feed(app, api.make_document_update("王科长转来的材料.zip", mailed, user_id=ADMIN))
        report = api.last_message(ADMIN).plain_text
        progress = [str(c.params.get("text", "")) for c in api.calls_of("editMessageText")]
        await feed(app, api.make_text_update("离休干部体检在哪家医院进行？", user_id=ADMIN))
        answer = api.last_message(ADMIN)
        await feed(app, api.make_callback_update(answer, answer.button_data("出处 1"), user_id=ADMIN))
        source = api.last_message(ADMIN).plain_text
        await feed(
            app,
            api.make_document_update("材料-mac.zip", (ARCHIVES / "材料-mac.zip").read_bytes(), user_id=ADMIN),
        )
        mac = api.last_message(ADMIN).plain_text
        await feed(app, api.make_document_update("王科长转来的材料.zip", mailed, user_id=USER))
        staff = api.last_message(USER).plain_text
    assert api.texts_sent()[0] == "⏳ 正在读取 王科长转来的材料.zip…"
    assert any(text.startswith("⏳ 正在索引 王科长转来的材料.zip（已处理 1 个文件）") for text in progress)
    lines = report.splitlines()
    assert lines[0] == f"📥 王科长转来的材料.zip › 通知/{NOTICE}.docx"
    assert lines[1].startswith(f"新增 #6 《{NOTICE}》（2027-04-18 · 发文：中共温州市委老干部局")
    assert "📥 王科长转来的材料.zip › 通知/附件/体检须知.txt" in lines
    assert "📥 王科长转来的材料.zip › 讲话/在重阳节离退休干部座谈会上的讲话.pdf" in lines
    assert "🗂 王科长转来的材料.zip：共 4 个文件，新增或更新 3 个，跳过 1 个" in lines
    assert "⏭ 跳过 流程图.vsdx：不支持这种文件类型" in lines
    assert "Thumbs" not in report and lines[-1].startswith("索引：共 ")
    assert "市第一人民医院健康管理中心" in answer.plain_text.split("\n\n")[1]
    assert f"来源文件：王科长转来的材料.zip › 通知/{NOTICE}.docx" in source
    assert "🗂 材料-mac.zip：共 2 个文件，新增或更新 1 个，已在资料库中 1 个" in mac
    assert "未变化（与 #8 相同）《在重阳节离退休干部座谈会上的讲话》" in mac and "__MACOSX" not in mac
    assert staff == "只有管理员可以上传讲话文件。"
    assert len(seed_service.library.store.speeches()) == 9


async def test_an_archive_that_cannot_be_read_is_one_line_and_nothing_is_added(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    cut = (ARCHIVES / "材料-mac.zip").read_bytes()[:5000]
    async with running_bot(api, seed_service) as app:
        replies = {}
        for name, data in (
            ("加密的材料.zip", (ARCHIVES / "加密的材料.zip").read_bytes()),
            ("半截.zip", cut),
            ("旧材料.rar", b"Rar!\x1a\x07\x00" + bytes(64)),
        ):
            await feed(app, api.make_document_update(name, data, user_id=ADMIN))
            replies[name] = api.last_message(ADMIN).plain_text
    assert replies["加密的材料.zip"] == (
        "❌ 加密的材料.zip 是加密的压缩包（设了密码），不能读取：请先用密码解压，再添加解压出的文件或文件夹。"
    )
    assert replies["半截.zip"].startswith(
        "❌ 半截.zip 无法解压：压缩包已损坏或不完整（可能没有下载或拷贝完）"
    )
    assert replies["旧材料.rar"] == (
        "❌ 旧材料.rar 是压缩包，不能直接添加：请先解压，再把其中的讲话文件逐个发给我（.zip 压缩包可以直接发）。"
    )
    assert len(seed_service.library.store.speeches()) == 5
