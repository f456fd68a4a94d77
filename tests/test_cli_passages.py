"""How documents' tables and unpunctuated lines become passages, through `speechqa add` / `show` / `ask` on a
copy of the indexed seed home (real files from the blind sets' producers, real SQLite, FAISS and model)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from .test_cli_library import Run, ok

pytestmark = pytest.mark.slow

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
# a donation form printed by reportlab with a CJK font: a two-column table of 17 rows (blind set cold15)
FORM = BENCHMARKS / "corpus-cold15" / "老物件捐赠登记表.pdf"


def passages_of(home: Path, title_part: str) -> list[str]:
    with sqlite3.connect(home / "speechqa.db") as db:
        rows = db.execute(
            "SELECT p.text FROM passages p JOIN speeches s ON s.id = p.speech_id WHERE s.title LIKE ? "
            "ORDER BY p.position",
            [f"%{title_part}%"],
        ).fetchall()
    db.close()
    return [text for (text,) in rows]


def test_a_forms_rows_share_passages_one_a_line_and_a_row_is_found_with_whose_it_is(
    run: Run, seed_home: Path
) -> None:
    """cold15's y016/y022: 「物品名称；搪瓷茶缸…」 was a passage of its own, saying nothing of whose the items were.
    Its rows are now passages of up to 200 characters, one row a line, each row once."""
    ok(run("add", str(FORM)))
    passages = passages_of(seed_home, "捐赠登记表")
    rows = [line for text in passages for line in text.split("\n")]
    assert len(rows) == len(set(rows)) and "捐赠人姓名；于振声" in rows  # every row once, whole
    holding = next(text for text in passages if "物品名称；" in text)
    assert "捐赠人姓名；于振声" in holding and "家庭住址；" in holding
    assert all(len(text) <= 200 or "\n" not in text for text in passages)
    shown = ok(run("show", str(_speech_id(run, "捐赠登记表"))))
    assert "\n       捐赠人姓名；于振声\n" in shown  # each row on its own line, under the first
    answer = json.loads(ok(run("ask", "--json", "于振声捐赠了哪些老物件？")))
    assert any("搪瓷茶缸、工作笔记本、水文测量皮尺" in r["text"] for r in answer["results"][:3])


def _speech_id(run: Run, title_part: str) -> int:
    line = next(line for line in ok(run("speeches")).splitlines() if title_part in line)
    return int(line.split()[0])
