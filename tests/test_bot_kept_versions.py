"""An upload stored beside another version of itself (identity.kinship's 「更正版」): the report's buttons offer to
remove the older one, named by its title (「🗑 删除旧版 #6《…》」, asked first as before), or to keep both
(「两篇都保留」), which ends the warning as `speechqa keep-both` does. End to end through the fake Bot API over real
HTTP, the real library and model. docs/trial39.md, item 2.

Before (main at cc78404): the button said 「🗑 删除旧版 #6」 only; a version dated before the stored one (files sent
out of order) got a button deleting the newer one; and an office keeping both had no way to end the warning."""

from __future__ import annotations

from retrieval import SpeechService

from .bot_harness import ADMIN, USER, feed, running_bot
from .fake_telegram import FakeBotAPI

HEAD = ["在春节走访慰问老干部动员会上的讲话", "赵明"]
BODY = [
    "同志们：",
    "春节将至，按照市委统一部署，今年的走访慰问工作从1月15日开始，到1月25日结束。",
    "离休干部每人慰问金一千元，生活困难的退休干部每人八百元，由各单位从老干部工作经费中列支。",
    "走访中不得接受老同志的宴请和礼品，各单位要在2月10日前将走访情况书面报送市委老干部局。",
]


def notice(date: str, first: str = BODY[1]) -> bytes:
    """The speech as a Windows editor saves it (GBK), on `date`, its first paragraph `first`."""
    return "\n".join([*HEAD, date, BODY[0], first, *BODY[2:]]).encode("gbk")


CORRECTED = BODY[1].replace("1月25日", "1月26日")


def result_lines(answer: str, speech_id: int) -> list[str]:
    """The lines of an answer citing a speech by its id (「2025-01-10 · 赵明 · 讲话 #6…」)."""
    return [line for line in answer.splitlines() if f" · 讲话 #{speech_id}" in line]


TITLE_ON_BUTTON = "《在春节走访慰问老干部动员会…》"


async def test_both_versions_kept_from_the_report_end_the_warning(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    store = seed_service.library.store
    async with running_bot(api, seed_service) as app:
        await feed(
            app,
            api.make_document_update("走访通知.txt", notice("2025年1月10日"), "text/plain", user_id=ADMIN),
        )
        await feed(
            app,
            api.make_document_update(
                "走访通知（改）.txt", notice("2025年1月10日", CORRECTED), "text/plain", user_id=ADMIN
            ),
        )
        report = api.last_message(ADMIN)
        assert [b["text"] for b in report.buttons] == [f"🗑 删除旧版 #6{TITLE_ON_BUTTON}", "两篇都保留"]
        await feed(app, api.make_text_update("走访慰问工作什么时候结束", user_id=USER))
        both = api.last_message(USER).plain_text
        assert "两篇都要保留，点「两篇都保留」，不再提示" in report.plain_text
        # a member pressing it (a forwarded report, a modified client) changes nothing
        await feed(app, api.make_callback_update(report, report.button_data("两篇都保留"), user_id=USER))
        refused = api.calls_of("answerCallbackQuery")[-1].params["text"]
        assert [(n.speech_id, n.other_id) for n in store.near_copies()] == [(7, 6)]
        await feed(app, api.make_callback_update(report, report.button_data("两篇都保留"), user_id=ADMIN))
        said = api.calls_of("answerCallbackQuery")[-1].params["text"]
        after = api.get_message(ADMIN, report.message_id)
        # pressed again (the buttons were gone on the admin's screen, not on another device's): harmless
        await feed(app, api.make_callback_update(report, "b:7:6", user_id=ADMIN, check=False))
        again = api.calls_of("answerCallbackQuery")[-1].params["text"]
        await feed(app, api.make_text_update("走访慰问工作什么时候结束", user_id=USER))
        kept = api.last_message(USER).plain_text
    # while both answer, the correction is shown in place of the old text it repeats (1月25日 → 1月26日: the
    # old one, ranked first, used to be shown and the correction dropped as its repeat), and wherever the old
    # version is shown its line says a corrected version stands beside it; once both are kept, nothing is said
    assert "1月26日" in both and "有更正版 #6" not in both
    assert all(line.endswith(" · ⚠ 有更正版 #7，请以更正版为准") for line in result_lines(both, 6))
    assert "1月25日" not in both or result_lines(both, 6)
    assert "有更正版" not in kept
    assert refused == "只有管理员可以处理内容相近的讲话。"
    assert said == "已记下：#7 与 #6 两篇都保留，不再提示内容相近。" and again == said
    assert after.buttons == [] and "内容相近" in after.plain_text  # the report stays as it was read
    # `speechqa speeches` and `health` read this: no warning any more; both speeches still answer
    assert store.near_copies() == [] and store.near_copies(unshown=True) == []
    assert [(n.speech_id, n.other_id) for n in store.near_copies(kept=True)] == [(7, 6)]
    assert {6, 7} <= {s.id for s in store.speeches()}


async def test_a_version_dated_before_the_stored_one_offers_to_remove_itself(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    """Files sent out of order: the one sent second is dated before the stored one, so it is most likely the
    earlier version. Its report used to offer a button deleting the newer, stored one."""
    async with running_bot(api, seed_service) as app:
        await feed(
            app,
            api.make_document_update(
                "走访通知（定稿）.txt", notice("2025年1月10日", CORRECTED), user_id=ADMIN
            ),
        )
        await feed(
            app, api.make_document_update("走访通知（初稿）.txt", notice("2025年1月8日"), user_id=ADMIN)
        )
        report = api.last_message(ADMIN)
        await feed(app, api.make_callback_update(report, report.button_data("删除旧版"), user_id=ADMIN))
        asked = api.last_message(ADMIN).plain_text
    assert (
        "新增 #7" in report.plain_text
        and "这篇的日期更早，可能是它的旧版：如果是，点下方「删除旧版 #7」" in report.plain_text
    )
    assert [b["text"] for b in report.buttons] == [f"🗑 删除旧版 #7{TITLE_ON_BUTTON}", "两篇都保留"]
    assert asked.startswith("确定删除讲话 #7《在春节走访慰问老干部动员会上的讲话》（2025-01-08")
