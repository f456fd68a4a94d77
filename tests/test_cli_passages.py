"""How documents' unpunctuated lines become passages, through `speechqa add` / `show` / `ask` on a
copy of the indexed seed home (real files from the blind sets' producers, real SQLite, FAISS and model)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from .test_cli_library import Run, ok

pytestmark = pytest.mark.slow

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def passages_of(home: Path, title_part: str) -> list[str]:
    with sqlite3.connect(home / "speechqa.db") as db:
        rows = db.execute(
            "SELECT p.text FROM passages p JOIN speeches s ON s.id = p.speech_id WHERE s.title LIKE ? "
            "ORDER BY p.position",
            [f"%{title_part}%"],
        ).fetchall()
    db.close()
    return [text for (text,) in rows]


# blind set cold16: a plan whose organisation chart is a SmartArt graphic (python-docx, the diagram parts as Word
# writes them) and a notice whose time and place are content controls bound to an office system's record
SMARTART = BENCHMARKS / "corpus-cold16" / "银发护河志愿服务实施方案.docx"
CONTROLS = BENCHMARKS / "corpus-cold16" / "春节团拜会通知.docx"


def test_lines_without_an_end_mark_stay_apart_in_passages_and_on_screen(run: Run, seed_home: Path) -> None:
    """A diagram's nodes and a template's fields end without 「。」: merged, they ran together (「…年度考核澄江分队
    队长：…」, 「…上午9时30分地点：…」). Now a line break keeps each apart, in the passage and as `show` prints it."""
    ok(run("add", str(SMARTART), str(CONTROLS)))
    plan = passages_of(seed_home, "护河")
    chart = next(text for text in plan if "总队长：邢知远" in text)
    assert "年度考核\n澄江分队队长：管月林" in chart and "年度考核澄江" not in chart
    assert any("沿河步行巡查\n第二步记录：" in text for text in plan)
    notice = passages_of(seed_home, "团拜会")
    assert not any("9时30分地点" in text for text in notice)
    assert any(text.startswith("地点：") for text in notice)
    shown = ok(run("show", str(_speech_id(run, "护河"))))
    assert "年度考核\n" in shown and "澄江分队队长：管月林" in shown
    answer = json.loads(ok(run("ask", "--json", "澄江分队队长是谁？")))
    top = answer["results"][0]
    assert "管月林" in top["text"] and "澄江" in top["answer_sentence"]["text"]


def _speech_id(run: Run, title_part: str) -> int:
    line = next(line for line in ok(run("speeches")).splitlines() if title_part in line)
    return int(line.split()[0])
