"""Load: 50 chats ask 20 questions each, concurrently, through the fake Bot API over real HTTP and the
real Application in polling mode. Every question is answered exactly once, in its own chat, none lost
and none duplicated; also while the index is rebuilt and swapped about once a second.

The variant with rebuilds asks 8 questions a chat in CI (400 in all, to keep CI short);
SPEECHQA_LOAD_QUESTIONS=20 gives it the full 1,000. CI runs both with the FakeEmbedder (what is measured is the bot: HTTP, the update queue, worker threads,
the lexical side, SQLite logging, index swaps). SPEECHQA_LOAD_REAL=1 runs it with the real bundled
model instead (minutes on two cores: every query is embedded, one at a time). p50/p95 reply latency is
printed (`pytest -s`); docs/reliability.md has the measured figures. No timed assertions.
"""

from __future__ import annotations

import asyncio
import json
import os
import statistics
import threading
import time
from collections import defaultdict
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio

from index import Library
from retrieval import ServiceOptions, SpeechService

from .bot_harness import bot_settings, running_bot
from .fake_telegram import FakeBotAPI
from .fakes import FakeEmbedder

pytestmark = [pytest.mark.asyncio, pytest.mark.slow]

CHATS = 50
QUESTIONS = 20
QUESTIONS_DURING_REBUILDS = int(os.environ.get("SPEECHQA_LOAD_QUESTIONS") or 8)
ROOT = Path(__file__).resolve().parent.parent
FIRST_CHAT = 500_000
REAL = os.environ.get("SPEECHQA_LOAD_REAL", "") == "1"


def dev_questions() -> list[str]:
    lines = (ROOT / "benchmarks" / "dev-questions.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["question"] for line in lines if line.strip()]


class CountingAPI(FakeBotAPI):
    """The fake Bot API, also handing every sent message to a per-chat queue as it arrives."""

    def __init__(self) -> None:
        super().__init__(bot_username="speechqa_bot")
        self.replies: defaultdict[int, asyncio.Queue[tuple[float, dict[str, Any]]]] = defaultdict(
            asyncio.Queue
        )

    async def _apisendMessage(self, params: dict[str, Any]) -> dict[str, Any]:
        sent = await super()._apisendMessage(params)
        self.replies[int(params["chat_id"])].put_nowait((time.perf_counter(), params))
        return sent


@pytest_asyncio.fixture
async def api() -> AsyncIterator[CountingAPI]:
    async with CountingAPI() as fake:
        yield fake


@pytest.fixture
def service(tmp_path: Path, request: pytest.FixtureRequest) -> SpeechService:
    if REAL:
        return request.getfixturevalue("seed_service")  # type: ignore[no-any-return]
    library = Library(tmp_path / "home")
    request.addfinalizer(library.close)
    return SpeechService(
        library, ServiceOptions(model="fake"), embedder=FakeEmbedder(dim=384)
    )  # seeds and indexes the bundled speeches


async def ask_everything(
    api: CountingAPI, service: SpeechService, questions_each: int = QUESTIONS
) -> list[float]:
    """Each chat asks its questions one after another (the next once the answer came); the chats run
    concurrently. Returns every reply's latency in seconds."""
    questions = dev_questions()
    settings = bot_settings(api, allowed_users=frozenset(), allowed_chats=frozenset(), admins=frozenset())
    latencies: list[float] = []

    async def chat(chat_id: int) -> None:
        for number in range(questions_each):
            question = questions[(chat_id + number) % len(questions)]
            update = api.make_text_update(question, user_id=chat_id, chat_id=chat_id)
            asked = time.perf_counter()
            api.push_update(update)
            answered, params = await asyncio.wait_for(api.replies[chat_id].get(), timeout=300)
            assert "1. " in str(params["text"]), params["text"]  # an answer, not an apology or a refusal
            latencies.append(answered - asked)

    async with running_bot(api, service, replace_settings(settings)) as app:
        assert app.updater is not None
        await app.start()
        await app.updater.start_polling(poll_interval=0, timeout=10)
        await asyncio.gather(*(chat(FIRST_CHAT + n) for n in range(CHATS)))
        await asyncio.sleep(0.5)  # a duplicate would arrive now
        await app.updater.stop()
        await app.stop()

    for n in range(CHATS):
        assert api.replies[FIRST_CHAT + n].empty(), f"chat {FIRST_CHAT + n} got an extra message"
    sent = api.calls_of("sendMessage")
    assert len(sent) == CHATS * questions_each
    assert not api.failed_calls
    assert service.library.store.query_stats().questions == CHATS * questions_each
    assert api.pending_updates == []
    return latencies


def replace_settings(settings: Any) -> Any:
    from dataclasses import replace

    return replace(settings, questions_per_minute=10_000)  # the per-user limit must not refuse them


def report(label: str, latencies: list[float], extra: str = "") -> None:
    cuts = statistics.quantiles(latencies, n=100)
    print(
        f"\n{label}: {len(latencies)} questions from {CHATS} chats, "
        f"p50 {cuts[49] * 1000:.0f} ms, p95 {cuts[94] * 1000:.0f} ms, max {max(latencies) * 1000:.0f} ms"
        f"{extra} ({'real model' if REAL else 'FakeEmbedder'})"
    )


async def test_fifty_chats_asking_twenty_questions_each_get_every_answer_once(
    api: CountingAPI, service: SpeechService
) -> None:
    started = time.perf_counter()
    latencies = await ask_everything(api, service)
    report("load", latencies, f", {time.perf_counter() - started:.1f} s in all")


async def test_the_same_load_while_the_index_is_rebuilt_again_and_again(
    api: CountingAPI, service: SpeechService
) -> None:
    stop = threading.Event()
    generations: set[str] = set()
    errors: list[BaseException] = []

    def rebuild_until_stopped() -> None:
        try:
            while not stop.wait(1.0):
                service.rebuild()
                generations.add(service.current().index.generation)
        except BaseException as e:  # reported by the assertion below
            errors.append(e)

    rebuilder = threading.Thread(target=rebuild_until_stopped)
    rebuilder.start()
    try:
        started = time.perf_counter()
        latencies = await ask_everything(api, service, QUESTIONS_DURING_REBUILDS)
    finally:
        stop.set()
        await asyncio.to_thread(rebuilder.join)
    assert not errors, errors
    assert len(generations) >= 2
    report(
        "load during rebuilds",
        latencies,
        f", {time.perf_counter() - started:.1f} s in all, {len(generations)} index generations swapped in",
    )
