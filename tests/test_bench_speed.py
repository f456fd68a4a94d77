"""`speechqa bench latency|coldstart|add|ingest|txtai` run end to end at a tiny size (no timed assertions)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from bench.evaluate import GoldQuestion
from bench.speed import LatencyRun, percentile, variant_speech
from bench.txtai import side_by_side
from cli import cli
from retrieval import Answer

pytestmark = pytest.mark.slow


def run(home: Path, *args: str) -> Result:
    env = {"SPEECHQA_HOME": str(home), "SPEECHQA_TOKENIZER": None, "SPEECHQA_MODEL": None}
    result = CliRunner().invoke(cli, ["bench", *args], env=env, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture
def questions(tmp_path: Path) -> Path:
    path = tmp_path / "questions.jsonl"
    rows = [
        {"id": "q1", "question": "离休干部体检规定是什么？", "answers": ["体检"]},
        {"id": "u1", "question": "明天天气怎么样？", "answers": []},
    ]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    return path


def test_percentile_is_nearest_rank() -> None:
    assert percentile([], 95) == 0.0
    assert percentile([3.0, 1.0, 2.0], 50) == 2.0
    assert percentile([float(i) for i in range(1, 101)], 95) == 95.0


def test_latency_p95_is_the_median_of_the_passes_p95() -> None:
    calm = tuple(float(i) for i in range(1, 21))  # p95 19
    noisy = (*calm[:-2], 300.0, 400.0)  # another process slowed this pass: p95 300
    run = LatencyRun(wall=(calm, noisy, calm), cpu=(calm, calm, calm))
    assert run.pass_p95s == [19.0, 300.0, 19.0]
    assert run.p95 == 19.0
    assert run.p50 == 10.0
    assert run.searches == 60


def test_side_by_side_rotates_which_system_answers_first() -> None:
    calls: list[str] = []

    def system(name: str) -> Callable[[str], Answer]:
        def ask(text: str) -> Answer:
            calls.append(name)
            return Answer(text, True, (), (), "hybrid", 0, False, 0.0)

        return ask

    questions = [GoldQuestion(f"q{i}", f"问题{i}", ("答案",)) for i in range(6)]
    reports, latency = side_by_side(questions, {n: system(n) for n in ("a", "b", "c")})
    assert calls[::3] == ["a", "b", "c", "a", "b", "c"]  # the first system asked, question by question
    assert sorted(calls) == ["a"] * 6 + ["b"] * 6 + ["c"] * 6
    assert all(len(ms) == 6 for ms in latency.values())
    assert set(reports) == {"a", "b", "c"}


def test_variant_speech_changes_every_paragraph() -> None:
    from bench.speed import seed_speeches

    seed = seed_speeches()[0]
    variant = variant_speech(seed, "x")
    assert variant.source != seed.source
    assert all(a.text != b.text for a, b in zip(seed.paragraphs, variant.paragraphs, strict=True))


def test_bench_latency_writes_its_section(seed_home: Path, questions: Path, tmp_path: Path) -> None:
    doc = tmp_path / "bench.md"
    result = run(seed_home, "latency", "--questions", str(questions), "--repeat", "1", "--doc", str(doc))
    assert "| hybrid |" in result.output and "query encoding" in result.output
    assert "<!-- begin latency -->" in doc.read_text(encoding="utf-8")


def test_bench_coldstart_times_the_one_shot_ask(seed_home: Path, tmp_path: Path) -> None:
    doc = tmp_path / "bench.md"
    result = run(seed_home, "coldstart", "--runs", "1", "--doc", str(doc))
    assert "speechqa ask (cold)" in result.output
    # the imports `ask` makes are timed apart: `import cli` alone loads none of the layers any more
    assert "import cli.ask" in result.output and "CPU s median" in result.output
    assert "<!-- begin coldstart -->" in doc.read_text(encoding="utf-8")


def test_bench_add_embeds_only_the_new_speech(seed_home: Path, tmp_path: Path) -> None:
    doc = tmp_path / "bench.md"
    result = run(seed_home, "add", "--sizes", "1,2", "--repeat", "1", "--no-first-run", "--doc", str(doc))
    rows = [
        line for line in result.output.splitlines() if line.startswith("| 1 |") or line.startswith("| 2 |")
    ]
    assert len(rows) == 2
    embedded = {row.split("|")[-2].strip() for row in rows}
    assert len(embedded) == 1 and embedded != {"0"}  # the new speech's passages, whatever the library size


def test_bench_ingest_reports_each_batch_size(seed_home: Path, tmp_path: Path) -> None:
    doc = tmp_path / "bench.md"
    result = run(
        seed_home, "ingest", "--batches", "1,2", "--threads", "1", "--passages", "2", "--doc", str(doc)
    )
    assert "batch 1" in result.output and "batch 2" in result.output
    assert "<!-- begin ingest -->" in doc.read_text(encoding="utf-8")


def test_bench_txtai_compares_on_the_dev_set_and_cmrc(
    seed_home: Path, questions: Path, tmp_path: Path
) -> None:
    pytest.importorskip("txtai")
    cmrc = tmp_path / "cmrc.json"
    contexts = [("DEV_0", "长城是中国古代的军事防御工程。"), ("DEV_1", "熊猫主要吃竹子，生活在四川。")]
    data = {
        "data": [
            {
                "title": f"t{i}",
                "paragraphs": [
                    {
                        "id": key,
                        "context": text,
                        "qas": [{"id": f"{key}_Q", "question": text[:4] + "是什么？"}],
                    }
                ],
            }
            for i, (key, text) in enumerate(contexts)
        ]
    }
    cmrc.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    doc = tmp_path / "bench.md"
    result = run(
        seed_home,
        "txtai",
        "--questions",
        str(questions),
        "--cmrc",
        str(cmrc),
        "--bench-home",
        str(tmp_path / "cmrc-home"),
        "--doc",
        str(doc),
    )
    assert "txtai hybrid (defaults)" in result.output and "CMRC 2018 cmrc.json" in result.output
    assert "<!-- begin txtai -->" in doc.read_text(encoding="utf-8")
