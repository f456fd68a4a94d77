"""End-to-end tests of what a new member of staff and an admin met using the bot from the README: the
real Application, over real HTTP, against the fake Bot API, on the seed library and the bundled model."""

from __future__ import annotations

from pathlib import Path

import pytest

from retrieval import SpeechService

from .bot_harness import ADMIN, USER, feed, running_bot
from .fake_telegram import FakeBotAPI

pytestmark = [pytest.mark.asyncio, pytest.mark.slow]

QUESTION = "离休干部体检规定是什么？"  # its first result is of speech #2 (dated), its third of #5 (undated)

# A speech as offices save it: the date and the speaker side by side on the line under the title
SIDE_BY_SIDE = """关于做好离退休干部健康服务工作的讲话
2024年5月6日　张建国
同志们：
一、组织健康体检
今年要为全区离退休干部每人安排一次健康体检，体检项目不少于二十项。
二、开展上门服务
对行动不便的老同志，由社区医生每月上门随访一次。
"""
UNDATED = """关于老年大学教学点建设的讲话
同志们：
老年大学要在每个街道设立教学点，方便老同志就近学习书法和绘画。
"""


async def test_the_context_of_a_result_cites_its_speech_as_the_result_does(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    """上下文 is headed by the speech's date (「日期不详」 when it has none) and id: several speeches share
    a title such as 「在全市老干部工作会议上的讲话」. Before, the header gave the date and speaker only, and
    for an undated speech nothing at all under the title."""
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_text_update(QUESTION))
        answer = api.last_message(USER)
        cited = [block.split("\n")[1] for block in answer.plain_text.split("\n\n")[1:4]]
        for rank in (1, 3):
            await feed(app, api.make_callback_update(answer, answer.button_data(f"上下文 {rank}")))
            context = api.last_message(USER).plain_text
            assert context.startswith("📖 上下文 · ")
            assert context.split("\n")[1] == cited[rank - 1], (context[:200], cited)
    assert cited[0] == "2024-03-13 · 沈伟 · 讲话 #2"
    assert cited[2].startswith("日期不详 · 讲话 #")


async def test_an_upload_report_names_the_date_and_speaker_every_citation_will_give(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    """The admin reads what was read as date and speaker (as `speechqa add` prints it) and can correct it
    before staff are given it; a date and a name side by side under the title are read as such."""
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_document_update("健康服务.txt", SIDE_BY_SIDE.encode("gbk"), user_id=ADMIN))
        dated = api.last_message(ADMIN).plain_text
        await feed(app, api.make_document_update("教学点.txt", UNDATED.encode("gbk"), user_id=ADMIN))
        undated = api.last_message(ADMIN).plain_text
        await feed(app, api.make_text_update("离退休干部健康体检项目有多少项？"))
        answer = api.last_message(USER).plain_text

    assert "新增 #6 《关于做好离退休干部健康服务工作的讲话》（2024-05-06 · 张建国 · 2 段）" in dated, dated
    assert "新增 #7 《关于老年大学教学点建设的讲话》（日期不详 · 讲话人不详 · 1 段）" in undated, undated
    top = answer.split("\n\n")[1]
    assert top.split("\n")[:2] == ["1. 关于做好离退休干部健康服务工作的讲话", "2024-05-06 · 张建国 · 讲话 #6"]


async def test_every_source_card_has_a_date_and_a_speaker_line(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    """出处 of an undated speech had no 「日期」 line (nor 「讲话人」): now 「日期不详」, as its results say."""
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_text_update(QUESTION))
        answer = api.last_message(USER)
        cards = []
        for rank in (1, 3):
            await feed(app, api.make_callback_update(answer, answer.button_data(f"出处 {rank}")))
            cards.append(api.last_message(USER).plain_text.split("\n"))
    dated, undated = cards
    assert "日期：2024-03-13" in dated and "讲话人：沈伟" in dated, dated
    assert "日期：日期不详" in undated and "讲话人：讲话人不详" in undated, undated
    fields = [[line.split("：")[0] for line in card if "：" in line][:3] for card in cards]
    assert fields == [["日期", "讲话人", "来源文件"]] * 2, cards


async def test_a_notice_is_cited_by_its_issuing_body_in_results_and_its_card(
    api: FakeBotAPI, seed_service: SpeechService, tmp_path: Path
) -> None:
    """A notice has no speaker: its upload report, its results and /speech said 「讲话人不详」 although it
    names who issued it. Now 「发文：…」 on the one-line citations and on the card, in the same words."""
    from tests.fixtures.corpus_writers import write_docx

    from .test_cli_first_use import ISSUED, NOTICE_PARTS

    path = tmp_path / "慰问通知.docx"
    write_docx(NOTICE_PARTS, path, author="温州市委老干部局")
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_document_update("慰问通知.docx", path.read_bytes(), user_id=ADMIN))
        report = api.last_message(ADMIN).plain_text
        await feed(app, api.make_text_update("重阳节走访慰问金发多少？"))
        answer = api.last_message(USER).plain_text
        await feed(app, api.make_text_update("/speech 6"))
        card = api.last_message(USER).plain_text.split("\n")
        await feed(app, api.make_text_update("/speech 2"))
        spoken = api.last_message(USER).plain_text.split("\n")
        other = tmp_path / "体检通知.docx"
        checkup = [
            ("title", "关于组织离休干部健康体检的通知"),
            ("body", "各县（市、区）老干部局，市直各单位："),
            ("body", "今年的健康体检安排在五月，每人一次，体检费用由同级财政承担，体检结果反馈本人。"),
            ("body", "中共温州市委老干部局"),
            ("body", "2024年4月2日"),
        ]
        write_docx(checkup, other, author="温州市委老干部局")
        await feed(app, api.make_document_update("体检通知.docx", other.read_bytes(), user_id=ADMIN))
        second = api.last_message(ADMIN).plain_text
    title = "关于做好离退休干部重阳节走访慰问工作的通知"
    assert f"新增 #6 《{title}》（2024-10-08 · {ISSUED} · 3 段）" in report, report
    top = answer.split("\n\n")[1]
    assert top.split("\n")[:2] == [f"1. {title}", f"2024-10-08 · {ISSUED} · 讲话 #6"], answer[:300]
    # the card's row in the results' wording (it said 「发文机关：」)
    assert ISSUED in card and not any(line.startswith(("讲话人", "发文机关")) for line in card), card
    assert "讲话人：沈伟" in spoken, spoken  # a speech with a speaker: as before
    # the 文件信息 passages each upload stored, not the library's (the second said 2 before polish 54)
    for said in (report, second):
        assert "（本次另存 1 段文件信息：发文机关、主送）" in said.splitlines()[-1], said


@pytest.mark.parametrize("argument", ["②", "⑤④", "²"])
async def test_speech_with_circled_digits_is_no_id_as_in_the_cli(
    api: FakeBotAPI, seed_service: SpeechService, argument: str
) -> None:
    """「/speech ②」 showed speech 2 while `speechqa show ②` refuses it: now both say it is no id."""
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_text_update(f"/speech {argument}"))
        reply = api.last_message(USER).plain_text
    assert reply == f"「{argument}」不是编号：写数字，如 /speech 2（/speeches 可列出全部讲话及编号）"


@pytest.mark.parametrize("argument", ["2", "#2", "＃２", "２"])
async def test_speech_with_an_id_as_a_chinese_keyboard_types_it_is_shown(
    api: FakeBotAPI, seed_service: SpeechService, argument: str
) -> None:
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_text_update(f"/speech {argument}"))
        reply = api.last_message(USER).plain_text
    assert "编号：2 · 共 " in reply and "讲话人：沈伟" in reply, reply[:200]
