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
