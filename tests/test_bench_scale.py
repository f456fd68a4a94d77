"""bench.scale: `speechqa bench scale` runs end to end at a tiny size and writes its section and plots."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from click.testing import CliRunner

from bench.scale import recall_at_k, synthetic_documents, synthetic_vectors, synthetic_vocabulary
from cli import cli


def test_synthetic_vectors_are_normalised_and_reproducible() -> None:
    vectors = synthetic_vectors(500, seed=1, dim=48)
    assert vectors.shape == (500, 48)
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, rtol=1e-5)
    np.testing.assert_array_equal(vectors, synthetic_vectors(500, seed=1, dim=48))
    assert not np.array_equal(vectors, synthetic_vectors(500, seed=2, dim=48))


def test_synthetic_documents_are_chinese_like_tokens() -> None:
    vocab = synthetic_vocabulary()
    documents = synthetic_documents(50, 20, seed=1, vocab=vocab)
    assert len(documents) == 50
    tokens = [t for d in documents for t in d.split()]
    assert {len(t) for t in tokens} <= {1, 2}
    assert all("\u4e00" <= c <= "\u9fa5" for t in tokens for c in t)


def test_recall_counts_the_shared_ids() -> None:
    assert recall_at_k([[1, 2], [3, 4]], np.array([[1, 2], [3, 5]])) == 0.75


def test_bench_scale_runs_and_writes_its_section_and_plots(tmp_path: Path) -> None:
    doc = tmp_path / "docs" / "benchmarks.md"
    doc.parent.mkdir()
    doc.write_text("# Benchmarks\n\n<!-- begin cmrc -->\nkept\n<!-- end cmrc -->\n", encoding="utf-8")
    result = CliRunner().invoke(
        cli,
        ["bench", "scale", "--sizes", "2000", "--queries", "20", "--doc-tokens", "10", "--doc", str(doc)],
        env={"SPEECHQA_HOME": str(tmp_path / "home")},
    )
    assert result.exit_code == 0, result.output
    text = doc.read_text(encoding="utf-8")
    assert "kept" in text
    assert "<!-- begin scale -->" in text and "<!-- end scale -->" in text
    for kind in ("flat", "ivf-sq8", "hnsw-sq8"):
        assert f"| 2,000 | {kind} |" in text
    assert "| 2,000 | " in text.split("Lexical")[1]
    assert (doc.parent / "latency-vs-size.png").stat().st_size > 0
    assert (doc.parent / "recall-vs-latency.png").stat().st_size > 0


def test_bench_scale_refuses_an_unknown_kind(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["bench", "scale", "--kinds", "flat,lsh", "--doc", str(tmp_path / "b.md")]
    )
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert "lsh" in result.output
