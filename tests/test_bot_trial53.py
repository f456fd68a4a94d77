"""The bot's /speech with a number no speech has, said as `speechqa show` says it (trial 53, docs/trial53.md):
the last number there is, or that the speech was removed — through the real application and the fake Bot API
over HTTP. Before (main at 9143032): 「没有编号为 999 的讲话（/speeches 可列出全部）。」 in every case, while the
command line named the last id, or said the speech was removed (or added again as #M)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from cli import cli
from retrieval import SpeechService

from .bot_harness import USER, feed, running_bot
from .fake_telegram import FakeBotAPI


async def test_speech_with_a_number_no_speech_has_says_what_is_known_of_it(
    api: FakeBotAPI, seed_service: SpeechService, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = seed_service.library.store
    ids = [s.id for s in store.speeches()]
    async with running_bot(api, seed_service) as app:
        await feed(app, api.make_text_update(f"/speech {max(ids) + 7}"))
        said = api.last_message(USER).plain_text
        assert (
            said == f"没有编号为 {max(ids) + 7} 的讲话：讲话编号最大到 #{max(ids)}（/speeches 可列出全部）。"
        )

        removed = seed_service.remove(ids[1])
        assert removed is not None
        await feed(app, api.make_text_update(f"/speech {ids[1]}"))
        said = api.last_message(USER).plain_text
        assert said == f"没有编号为 {ids[1]} 的讲话了：它已删除（/speeches 可列出全部）。"

    # the command line says the same of the same library, naming its own list
    monkeypatch.setenv("SPEECHQA_HOME", str(seed_service.library.home))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    shown = CliRunner().invoke(cli, ["show", str(ids[1])], prog_name="speechqa")
    assert shown.exit_code == 1
    assert said.replace("/speeches", "speechqa speeches") in shown.output
