"""bench.chunking and bench.structure: the passage-size comparison and the structure-accuracy table, on
the real notice fixtures with the fake embedder (the real-model figures are in docs/)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from bench import chunking_report, notice_set, structure_report
from bench.chunking import bigrams, windows
from cli import cli

from .fakes import FakeEmbedder

ROOT = Path(__file__).resolve().parents[1]
NOTICES = ROOT / "tests" / "fixtures" / "notices"
POLICY = ROOT / "benchmarks" / "policy-questions.jsonl"


def test_policy_questions_are_split_into_tune_and_held_out_halves() -> None:
    qset = notice_set(NOTICES, POLICY)
    assert set(qset.parts) == {"held-out", "tune"}
    assert abs(len(qset.parts["tune"]) - len(qset.parts["held-out"])) <= 1
    assert len(qset.questions) >= 60
    assert sum(1 for q in qset.questions if not q.answers) >= 10


def test_windows_cover_the_whole_text_with_overlap() -> None:
    text = "".join(chr(0x4E00 + i) for i in range(700))
    parts = windows(text, 300, 150)
    assert all(len(p) == 300 for p in parts)
    assert parts[0] == text[:300] and parts[-1] == text[-300:]
    assert "".join(p[:150] for p in parts[:-1]) + parts[-1][-(700 - 150 * (len(parts) - 1)) :] == text
    assert bigrams("离休干部，体检。") == ["离休", "休干", "干部", "部体", "体检"]


def test_chunking_report_has_a_row_per_variant_and_the_reference(tmp_path: Path) -> None:
    qset = notice_set(NOTICES, POLICY)
    table = chunking_report(
        [qset], tmp_path / "bench", embedder=FakeEmbedder(), tokenizer="char", targets=(None, 300)
    )
    rows = [
        line for line in table.splitlines() if line.startswith("| ") and not line.startswith("| passages")
    ]
    assert [r.split(" | ")[0] for r in rows] == [
        "| one paragraph",
        "| merged ≤ 300",
        "| reference: bigram BM25, 300-char windows",
    ]
    counts = [int(r.split(" | ")[1]) for r in rows[:2]]
    assert counts[1] < counts[0]  # merging short notice paragraphs gives fewer passages
    assert "R@1 held-out" in table and "R@1 tune" in table


def test_structure_report_counts_the_notices_right(tmp_path: Path) -> None:
    table = structure_report([NOTICES])
    row = next(line for line in table.splitlines() if line.startswith(f"| {NOTICES}"))
    cells = row.strip("| ").split(" | ")
    n = int(cells[1])
    assert n >= 20
    assert cells[2:9] == [f"{n}/{n}"] * 7
    assert cells[-2:] == ["0", "0"]  # no sentence lost or doubled


def test_bench_structure_command_writes_its_section(tmp_path: Path) -> None:
    doc = tmp_path / "documents.md"
    result = CliRunner().invoke(cli, ["bench", "structure", str(NOTICES), "--doc", str(doc)])
    assert result.exit_code == 0, result.output
    assert "<!-- begin structure -->" in doc.read_text(encoding="utf-8")
    assert "| title |" in result.output or "title |" in result.output


def test_bench_structure_records_its_command_line_without_a_trailing_space(tmp_path: Path) -> None:
    doc = tmp_path / "documents.md"
    result = CliRunner().invoke(cli, ["bench", "structure", "--doc", str(doc)])  # the default fixtures
    assert result.exit_code == 0, result.output
    assert "`speechqa bench structure`\n" in doc.read_text(encoding="utf-8")
