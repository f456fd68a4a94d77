"""Trial 54 (docs/trial54.md): a standard question offered to a question asking another quantity of the same
figure (「几个小时」 against the pin's 「几次」) is said right under the answer's level, before the note
「以下是最接近的段落（可能不相关）：」 / 「以下段落可能回答了这个问题…」 that leads to the passages — on the command
line (through `speechqa ask`) and in the bot (the real application, the fake Bot API over HTTP).
Before: the note's colon led to the 「📌 相近的标准问题」 line, not to the passages it announces."""

from __future__ import annotations

import json
from pathlib import Path

from retrieval import SpeechService

from .bot_harness import USER, feed, running_bot
from .fake_telegram import FakeBotAPI
from .test_cli_curation import passage_id_of
from .test_cli_library import Run

PINNED, CITED = "离休干部每年体检几次", "要落实好离休干部每年一次体检的规定"
OTHER_QUANTITY = "离休干部体检一次要几个小时"


def _offer_right_under_the_level(lines: list[str], level_prefix: str | tuple[str, ...]) -> None:
    [offer] = [i for i, line in enumerate(lines) if line.startswith("📌 相近的标准问题：")]
    [level] = [i for i, line in enumerate(lines) if line.startswith(level_prefix)]
    assert offer == level + 1, lines
    # no line announcing what follows with a colon stands right above the offer
    assert not lines[offer - 1].endswith("："), lines


def test_the_cli_says_the_offer_before_the_note_that_leads_to_the_passages(run: Run, seed_home: Path) -> None:
    ran = run("pin", PINNED, str(passage_id_of(seed_home, CITED)))
    assert ran.exit_code == 0, ran.output
    answer = json.loads(run("ask", "--json", OTHER_QUANTITY).stdout)
    assert answer["pin_offer"] is not None and not any(r["pinned"] for r in answer["results"])
    shown = run("ask", OTHER_QUANTITY, "-k", "1").stdout.splitlines()
    _offer_right_under_the_level(shown, "【")
    assert any(line.startswith("[1") for line in shown)


async def test_the_bot_says_the_offer_before_the_note_that_leads_to_the_passages(
    api: FakeBotAPI, seed_service: SpeechService
) -> None:
    store = seed_service.library.store
    target = next(p.id for p in store.passages() if CITED in p.text)
    assert store.pin(PINNED, target, pinned_by="cli:trial54") is not None
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_text_update(OTHER_QUANTITY))
        lines = api.last_message(USER).plain_text.splitlines()
    _offer_right_under_the_level(lines, ("⚠️", "✅", "🔶"))


def test_a_house_number_is_no_day_the_when_of_a_notice_is_its_date(run: Run, tmp_path: Path) -> None:
    """「老年大学什么时候报名」 of a notice whose address is 「学院路88号」: the 要点 is the sentence of the dates, not
    the address's (before: 「88号」 read as a day, and the address sentence won on 老年大学 + 报名)."""
    from docx import Document

    from retrieval.answer_type import holds

    notice = Document()
    notice.add_heading("关于温州老年大学2027年春季招生的通知", level=1)
    notice.add_paragraph("各位学员：")
    notice.add_paragraph(
        "2027年春季学期开设书法、国画、声乐等28个专业，报名时间为2月20日至2月28日，每人限报两个专业。"
        "学费每个专业每学期300元。报名地点：学院路88号老年大学一楼教务处，电话0577-88965678。"
    )
    notice.add_paragraph("温州老年大学")
    notice.add_paragraph("2027年2月10日")
    path = tmp_path / "春季招生通知.docx"
    notice.save(str(path))
    assert run("add", str(path)).exit_code == 0
    answer = json.loads(run("ask", "--json", "-k", "1", "老年大学什么时候报名").stdout)
    [first] = answer["results"]
    assert "春季招生" in first["speech_title"]
    said = first["answer_sentence"]["text"]
    assert "2月20日" in said and "学院路" not in said, said
    # the rule itself, either way round: an address's 号 is no time, a day's 号 still is
    for address in ["报名地点：学院路88号一楼", "地址：解放街3号", "人民大道一百号"]:
        assert not holds("time", address) and not holds("day", address)
    assert holds("day", "3月6号开学") and holds("time", "每月5号前报送")
