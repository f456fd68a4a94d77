"""`speechqa bench cmrc` and `speechqa bench ablation` end to end, on a tiny CMRC-style file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli import cli

CONTEXTS = [
    ("老年大学", "老年大学要创新教学方法和课程内容，不断提高办学质量。", "老年大学要怎样提高办学质量？"),
    ("体检", "要落实好离休干部每年一次体检的规定，为离休干部看病治疗提供方便。", "离休干部多久体检一次？"),
    (
        "信息化",
        "要在老干部工作中引入互联网技术，推动信息化与老干部工作深度融合。",
        "老干部工作怎么用互联网技术？",
    ),
]


@pytest.fixture
def cmrc_file(tmp_path: Path) -> Path:
    data = {
        "data": [
            {
                "id": f"A{i}",
                "title": title,
                "paragraphs": [
                    {"id": f"P{i}", "context": context, "qas": [{"id": f"Q{i}", "question": question}]}
                ],
            }
            for i, (title, context, question) in enumerate(CONTEXTS)
        ]
    }
    path = tmp_path / "tiny_cmrc.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {"SPEECHQA_HOME": str(tmp_path / "home"), "HF_HUB_OFFLINE": "1"}


@pytest.mark.slow
def test_bench_cmrc_scores_every_mode_and_writes_its_section(
    cmrc_file: Path, env: dict[str, str], tmp_path: Path
) -> None:
    doc = tmp_path / "benchmarks.md"
    result = CliRunner().invoke(cli, ["bench", "cmrc", str(cmrc_file), "--doc", str(doc)], env=env)
    assert result.exit_code == 0, result.output
    assert "3 contexts" in result.output and "3 questions" in result.output
    for mode in ("hybrid", "dense", "lexical"):
        assert f"| {mode} |" in result.output
    assert "<!-- begin cmrc-tiny_cmrc -->" in doc.read_text(encoding="utf-8")
    # a second run reuses the benchmark's index and cache
    again = CliRunner().invoke(cli, ["bench", "cmrc", str(cmrc_file), "--mode", "lexical"], env=env)
    assert again.exit_code == 0 and "(cached)" in again.output


@pytest.mark.slow
def test_bench_ablation_on_cmrc_lists_every_variant(cmrc_file: Path, env: dict[str, str]) -> None:
    result = CliRunner().invoke(cli, ["bench", "ablation", "--cmrc", str(cmrc_file)], env=env)
    assert result.exit_code == 0, result.output
    for variant in (
        "| — | dense |",
        "| char +section | weighted 0.4 |",
        "| jieba | rrf |",
        "| char+jieba | lexical |",
    ):
        assert variant in result.output


@pytest.mark.slow
def test_a_ranking_only_run_writes_its_own_section_and_keeps_the_full_ablation(
    cmrc_file: Path, env: dict[str, str], tmp_path: Path
) -> None:
    doc = tmp_path / "benchmarks.md"
    doc.write_text("<!-- begin ablation-tiny_cmrc -->\nthe full ablation\n<!-- end ablation-tiny_cmrc -->\n")
    args = ["bench", "ablation", "--cmrc", str(cmrc_file), "--ranking-only", "--doc", str(doc)]
    result = CliRunner().invoke(cli, args, env=env)
    assert result.exit_code == 0, result.output
    text = doc.read_text(encoding="utf-8")
    assert "the full ablation" in text  # untouched
    ranking = text[text.index("<!-- begin ranking-tiny_cmrc -->") :]
    assert "`speechqa bench ablation --cmrc tiny_cmrc.json --ranking-only`" in ranking
    assert "| all on (default) |" in ranking


def test_bench_ablation_without_a_question_set_is_a_usage_error(env: dict[str, str]) -> None:
    result = CliRunner().invoke(cli, ["bench", "ablation"], env=env)
    assert result.exit_code == 1
    assert "--cmrc" in result.output


def test_cmrc_questions_without_text_are_skipped(tmp_path: Path) -> None:
    # the CMRC 2018 trial file holds two questions whose text is empty: there is nothing to ask
    from bench.cmrc import load_cmrc

    data = {
        "data": [
            {
                "id": "A",
                "title": "温州",
                "paragraphs": [
                    {
                        "id": "P",
                        "context": "温州位于浙江省东南部。",
                        "qas": [
                            {"id": "Q1", "question": "温州在哪个省？", "answers": [{"text": "浙江省"}]},
                            {"id": "Q2", "question": " ", "answers": [{"text": "东南部"}]},
                        ],
                    }
                ],
            }
        ]
    }
    path = tmp_path / "cmrc.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert [q.id for q in load_cmrc(path).questions] == ["Q1"]
