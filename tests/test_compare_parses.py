"""scripts/compare_parses.py --no-ocr: typed documents compared, the files a reader would OCR skipped and
counted — found by the reader asking for an OCR engine, not by extension (a mixed PDF: text pages and a scan)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "compare_parses.py"
DOCUMENTS = ROOT / "tests" / "fixtures" / "documents"

pytestmark = pytest.mark.slow


def _compare(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "OMP_NUM_THREADS": "1"}
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
        check=False,
    )


def test_no_ocr_compares_the_typed_documents_and_counts_the_scans_it_skips(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(DOCUMENTS / "health_notice.docx", folder)  # typed
    shutil.copy(DOCUMENTS / "health_notice.pdf", folder)  # typed
    shutil.copy(DOCUMENTS / "health_notice.mixed.pdf", folder)  # a text page and a scanned one
    shutil.copy(ROOT / "tests" / "fixtures" / "avif_bmp" / "notice.bmp", folder)  # a picture
    done = _compare("--no-ocr", str(ROOT), str(ROOT), str(folder))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "2 个文件，解析不同 0 个（另有 2 个要 OCR 的文件未比较）"


def test_a_tree_that_is_not_there_is_one_chinese_line(tmp_path: Path) -> None:
    done = _compare("--no-ocr", str(tmp_path / "nowhere"), str(ROOT))
    assert done.returncode == 1 and done.stderr.strip() == f"找不到：{tmp_path / 'nowhere'}"
