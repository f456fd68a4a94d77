"""`speechqa` as terminals, shells and scripts run it (session 35): a C or POSIX locale, a GBK console, file
names in GBK from a zip made on a Chinese Windows, pipes and a closed standard output, the question on
standard input, `help 命令`, paths as users type them. Each test runs the real command as its own process
(its real entry, real pipes) on a private copy of the indexed seed home, offline."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

GBK_ZIP = Path(__file__).parent / "fixtures" / "terminals" / "gbk-names.zip"  # scripts/trial/make_gbk_zip.py
ENTRY = "import cli, sys; sys.argv[0] = 'speechqa'; sys.exit(cli.main())"
QUESTION = "离休干部体检规定是什么？"


def sq(
    home: Path,
    *args: str | bytes,
    env: dict[str, str] | None = None,
    stdin: bytes | None = None,
    cwd: Path | None = None,
    shell_tail: str = "",
) -> subprocess.CompletedProcess[bytes]:
    """`speechqa ARGS…` as its own process; `env` on top of a clean one (no PYTHONIOENCODING, LANG=C.UTF-8);
    `shell_tail` (`| head -1`, `>&-`): run through sh with that after it."""
    base = {
        k: v for k, v in os.environ.items() if not k.startswith(("PYTHONIOENCODING", "PYTHONUTF8", "LC_"))
    }
    full = {**base, "LANG": "C.UTF-8", "SPEECHQA_HOME": str(home), "HF_HUB_OFFLINE": "1", **(env or {})}
    command: list[str | bytes] = [sys.executable, "-c", ENTRY, *args]
    if shell_tail:
        quoted = b" ".join(_quote(os.fsencode(a)) for a in command)
        return subprocess.run(
            b"exec " + quoted + b" " + shell_tail.encode(),
            shell=True,
            env=full,
            input=stdin,
            capture_output=True,
            cwd=cwd,
            check=False,
            timeout=300,
        )
    return subprocess.run(
        command, env=full, input=stdin, capture_output=True, cwd=cwd, check=False, timeout=300
    )


def _quote(arg: bytes) -> bytes:
    return b"'" + arg.replace(b"'", b"'\\''") + b"'"


def no_traceback(done: subprocess.CompletedProcess[bytes]) -> None:
    assert b"Traceback" not in done.stderr, done.stderr.decode(errors="replace")
    assert "内部出错".encode() not in done.stderr, done.stderr.decode(errors="replace")
    assert "内部出错".encode("gbk") not in done.stderr, done.stderr.decode("gbk", errors="replace")


# -- locales and encodings ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "env",
    [
        {"LANG": "C"},
        {"LC_ALL": "POSIX"},
        {"LC_ALL": "C", "PYTHONUTF8": "0"},  # stdout, stderr and the command line are ASCII to Python
        {"PYTHONIOENCODING": "ascii"},
        {"PYTHONIOENCODING": "latin-1"},
    ],
    ids=["LANG=C", "LC_ALL=POSIX", "C-without-UTF-8-mode", "ascii", "latin-1"],
)
def test_a_locale_without_chinese_gets_the_answer_in_utf8_and_reads_the_question(
    seed_home: Path, env: dict[str, str]
) -> None:
    """A question typed in Chinese under LANG=C with Python's UTF-8 mode off used to end in 「内部出错」 (the
    question reached the search as escaped bytes), and PYTHONIOENCODING=latin-1 likewise (its stdout could
    not print the answer): now the answer is written in UTF-8, as click does for ASCII."""
    done = sq(seed_home, "ask", QUESTION, "-k", "1", env=env)
    no_traceback(done)
    assert done.returncode == 0
    out = done.stdout.decode("utf-8")
    assert "离休干部每年一次体检" in out
    assert "段落 #54" in out


def test_a_gbk_console_gets_characters_it_lacks_as_their_nearest_never_an_error(seed_home: Path) -> None:
    """Under PYTHONIOENCODING=gbk the section path's 「›」 and a pinned answer's 📌 used to end the command in
    「内部出错」; now 「>」 and 「※」, the rest of the answer in GBK."""
    pinned = sq(seed_home, "pin", QUESTION, "54", env={"PYTHONIOENCODING": "gbk"})
    no_traceback(pinned)
    assert pinned.returncode == 0
    done = sq(seed_home, "ask", QUESTION, "-k", "2", env={"PYTHONIOENCODING": "gbk"})
    no_traceback(done)
    assert done.returncode == 0
    out = done.stdout.decode("gbk")
    assert "※ 标准答案" in out
    assert "二、2024年老干部工作主要任务 > （二）重点抓好五项工作" in out
    small_talk = sq(seed_home, "ask", "👍", env={"PYTHONIOENCODING": "gbk"})
    no_traceback(small_talk)
    assert small_talk.returncode == 0
    assert small_talk.stdout.decode("gbk").startswith("(赞)")


def test_json_on_a_gbk_console_is_one_valid_document_that_loses_nothing(seed_home: Path) -> None:
    """What GBK lacks is written as a JSON escape: the document parses to the same text as in UTF-8."""
    gbk = sq(seed_home, "ask", "--json", QUESTION, env={"PYTHONIOENCODING": "gbk"})
    utf8 = sq(seed_home, "ask", "--json", QUESTION)
    no_traceback(gbk)
    assert gbk.returncode == utf8.returncode == 0
    as_gbk = json.loads(gbk.stdout.decode("gbk"))
    assert "›" in as_gbk["results"][0]["section"]
    assert as_gbk["results"] == json.loads(utf8.stdout.decode("utf-8"))["results"]
    assert gbk.stdout.decode("gbk").count("\n") == 1  # one document, one line


def test_a_bogus_pythonioencoding_is_pythons_own_refusal_before_speechqa_runs(seed_home: Path) -> None:
    """Recorded, not fixed: Python stops before running any of speechqa (no traceback of ours)."""
    done = sq(seed_home, "speeches", env={"PYTHONIOENCODING": "bogus"})
    assert done.returncode != 0
    assert b"unknown encoding: bogus" in done.stderr


# -- file names in another encoding ---------------------------------------------------------------------------


@pytest.mark.skipif(shutil.which("unzip") is None, reason="Info-ZIP unzip not installed")
def test_files_from_a_gbk_named_zip_extracted_by_unzip_are_added_and_named_in_chinese(
    seed_home: Path, tmp_path: Path
) -> None:
    """A zip made on a Chinese Windows stores its names in GBK; Info-ZIP's unzip writes those bytes as they
    are, so Python reads them as escaped bytes, which SQLite and the terminal refused: 「内部出错」. Now
    the files are read, stored and listed under their names decoded as GBK, folder or file given."""
    subprocess.run(["unzip", "-q", str(GBK_ZIP), "-d", str(tmp_path / "out")], check=True)
    (folder,) = [p for p in (tmp_path / "out").iterdir()]
    assert folder.name != "重阳节通知" and "重阳节通知".encode("gbk") == os.fsencode(folder.name)
    done = sq(seed_home, "add", str(folder) + "/")
    no_traceback(done)
    assert done.returncode == 0
    out = done.stdout.decode("utf-8")
    assert "重阳节通知/走访慰问通知.docx" in out
    assert "新增" in out
    (docx,) = list(folder.iterdir())
    again = sq(seed_home, "add", str(docx))  # named alone: the same file, unchanged
    no_traceback(again)
    assert "未变化" in again.stdout.decode("utf-8")
    listed = sq(seed_home, "speeches").stdout.decode("utf-8")
    assert "重阳节通知/走访慰问通知.docx" in listed
    asked = sq(seed_home, "ask", "重阳节走访慰问对象是谁", "-k", "1").stdout.decode("utf-8")
    assert "走访慰问对象为全市离休干部" in asked


def test_a_gbk_file_name_that_cannot_be_read_is_named_in_chinese(seed_home: Path, tmp_path: Path) -> None:
    name = os.fsdecode("损坏的通知.docx".encode("gbk"))
    (tmp_path / name).write_bytes(b"PK\x03\x04 not a real document")
    done = sq(seed_home, "add", str(tmp_path / name))
    no_traceback(done)
    assert done.returncode == 1
    assert "损坏的通知.docx" in done.stderr.decode("utf-8")
