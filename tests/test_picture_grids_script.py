"""scripts/picture_grids.py (docs/ocr68.md): a path that is no Word/Writer file is one Chinese line ending
「。」 and exit 1, no traceback (the review's notzip.docx, mend68o); a real .docx prints its grids."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "picture_grids.py"


def _run(*paths: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *map(str, paths)],
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT), "HF_HUB_OFFLINE": "1", "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_a_file_that_is_not_a_zip_is_one_chinese_line_and_exit_1(tmp_path: Path) -> None:
    fake = tmp_path / "notzip.docx"
    fake.write_text("这不是一个 Word 文件", encoding="utf-8")
    done = _run(fake)
    assert done.returncode == 1
    assert done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in done.stderr
    assert lines[0].startswith("不是 Word") and lines[0].endswith("。") and "notzip.docx" in lines[0]


def test_a_missing_file_is_one_line_and_exit_1_nothing_read_before(tmp_path: Path) -> None:
    done = _run(ROOT / "tests" / "fixtures" / "picture_tables" / "notice.docx", tmp_path / "无.docx")
    assert done.returncode == 1 and done.stdout == ""  # nothing read before the wrong path is named
    assert done.stderr.strip() == f"找不到：{tmp_path / '无.docx'}"  # as every script (test_scripts.py)


def test_a_word_file_with_a_table_picture_prints_its_grid() -> None:
    done = _run(ROOT / "tests" / "fixtures" / "picture_tables" / "notice.docx")
    assert done.returncode == 0, done.stderr
    assert "notice.docx" in done.stdout and "(5, 4)" in done.stdout and "plain=True" in done.stdout
