"""`speechqa` as terminals, shells and scripts run it (session 35): a C or POSIX locale, a GBK console, file
names in GBK from a zip made on a Chinese Windows, pipes and a closed standard output, the question on
standard input, `help 命令`, paths as users type them. Each test runs the real command as its own process
(its real entry, real pipes) on a private copy of the indexed seed home, offline."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cli.library import as_typed

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


# -- pipes, standard input, a closed standard output ------------------------------------------------------


def test_ask_piped_into_head_ends_quietly(seed_home: Path) -> None:
    done = sq(seed_home, "ask", QUESTION, shell_tail="| head -1")
    no_traceback(done)
    assert b"BrokenPipe" not in done.stderr
    assert done.stdout.decode("utf-8").startswith(QUESTION)


def test_a_closed_standard_output_is_one_line_and_exit_1_not_a_silent_success(seed_home: Path) -> None:
    """`speechqa speeches >&-` used to print nothing and exit 0: a script could not tell."""
    for args in (("speeches",), ("ask", "--json", QUESTION)):
        done = sq(seed_home, *args, shell_tail=">&-")
        no_traceback(done)
        assert done.returncode == 1
        assert "标准输出已关闭" in done.stderr.decode("utf-8")


def test_ask_dash_reads_the_question_from_standard_input(seed_home: Path) -> None:
    """`echo 问题 | speechqa ask -` used to search the question 「-」 (and answer it as small talk); a question
    pasted across two lines is one question; a GBK pipe is read as GBK."""
    done = sq(seed_home, "ask", "-", "-k", "1", stdin="离休干部\n体检规定是什么？\n".encode())
    no_traceback(done)
    assert done.returncode == 0
    out = done.stdout.decode("utf-8")
    assert out.startswith("离休干部 体检规定是什么？")
    assert "段落 #54" in out
    gbk = sq(seed_home, "ask", "--json", "-", stdin="离休干部体检规定是什么？".encode("gbk"))
    assert json.loads(gbk.stdout)["query"] == "离休干部体检规定是什么？"
    empty = sq(seed_home, "ask", "-", stdin=b"\n  \n")
    assert empty.returncode == 1
    assert empty.stderr.decode("utf-8").strip() == "错误：问题是空的，请输入要查询的内容。"


def test_json_stdout_holds_one_document_and_notices_go_to_stderr(seed_home: Path) -> None:
    """A question that names a speaker is restricted (a notice-like line in text mode): with --json, stdout
    is one JSON document and nothing else, whatever stderr says."""
    done = sq(seed_home, "ask", "--json", "沈伟同志讲的离休干部体检规定", env={"PYTHONIOENCODING": "gbk"})
    no_traceback(done)
    lines = done.stdout.decode("gbk").splitlines()
    assert len(lines) == 1
    assert json.loads(lines[0])["filters"]["speakers"] == ["沈伟"]


# -- help -------------------------------------------------------------------------------------------------


def test_help_command_shows_a_commands_help_as_git_and_pip_do(seed_home: Path) -> None:
    """`speechqa help ask` used to be 「用法错误：没有这个命令：help」."""
    asked = sq(seed_home, "help", "ask")
    assert asked.returncode == 0
    assert asked.stdout == sq(seed_home, "ask", "--help").stdout
    nested = sq(seed_home, "help", "synonyms", "add")
    assert nested.returncode == 0
    assert nested.stdout.decode("utf-8").startswith("用法：speechqa synonyms add")
    top = sq(seed_home, "help")
    assert top.returncode == 0
    assert top.stdout == sq(seed_home, "--help").stdout == sq(seed_home).stdout == sq(seed_home, "-h").stdout
    misspelt = sq(seed_home, "help", "aks")
    assert misspelt.returncode == 1
    assert "没有这个命令：aks（是不是 speechqa ask？）" in misspelt.stderr.decode("utf-8")
    too_deep = sq(seed_home, "help", "ask", "more")
    assert too_deep.returncode == 1
    assert "speechqa ask 没有子命令「more」" in too_deep.stderr.decode("utf-8")


def test_a_misspelt_command_and_version(seed_home: Path) -> None:
    done = sq(seed_home, "speechs")
    assert done.returncode == 1
    assert done.stderr.decode("utf-8").strip() == (
        "用法错误：没有这个命令：speechs（是不是 speechqa speeches？）（用 speechqa --help 查看用法）"
    )
    version = sq(seed_home, "--version")
    assert version.returncode == 0
    assert version.stdout.decode("utf-8").startswith("speechqa 版本 ")


# -- questions and paths as users type them -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "line"),
    [
        ("段落 #54", "「段落 #54」是段落编号，不是问题：看这个段落及其前后文用 speechqa context 54。"),
        (
            "＃５４",
            "「＃５４」是段落编号，不是问题：看这个段落及其前后文用 speechqa context 54（讲话编号用 speechqa show 54）。",
        ),
        ("讲话 #2", "「讲话 #2」是讲话编号，不是问题：看这篇讲话用 speechqa show 2。"),
    ],
)
def test_a_passage_or_speech_id_asked_as_a_question_points_to_context_or_show(
    seed_home: Path, question: str, line: str
) -> None:
    """It used to be searched and answered 「未找到直接回答」 with unrelated passages."""
    done = sq(seed_home, "ask", question)
    no_traceback(done)
    assert done.returncode == 1
    assert done.stderr.decode("utf-8").strip() == f"错误：{line}"
    batch = sq(seed_home, "ask", "--json", "--batch", "-", stdin=f"{question}\n{QUESTION}\n".encode())
    first, second = (json.loads(x) for x in batch.stdout.decode("utf-8").splitlines())
    assert first["error"] == line
    assert second["results"][0]["passage_id"] == 54


def test_a_question_about_a_speech_id_is_still_searched(seed_home: Path) -> None:
    done = sq(seed_home, "ask", "讲话 #2 里关于体检的内容", "-k", "1")
    assert done.returncode == 0
    assert "仅限：讲话 #2" in done.stdout.decode("utf-8")


def test_lexical_search_with_no_word_in_common_says_so_not_that_the_library_is_empty(seed_home: Path) -> None:
    done = sq(seed_home, "ask", "--mode", "lexical", "54")
    assert done.returncode == 0
    out = done.stdout.decode("utf-8")
    assert "没有找到含有问题中词语的段落" in out
    assert "还没有任何段落" not in out


def test_a_file_name_starting_with_a_dash_gets_how_to_give_it(seed_home: Path, tmp_path: Path) -> None:
    """`speechqa add -通知.docx` used to be 「没有这个选项：-通」."""
    (tmp_path / "-通知.txt").write_text(
        "关于重阳节走访慰问的通知\n各单位要在10月20日前完成走访慰问。\n", encoding="utf-8"
    )
    done = sq(seed_home, "add", "-通知.txt", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr.decode("utf-8").strip() == (
        "用法错误：文件名「-通知.txt」以 - 开头，会被当作选项：写成 ./-通知.txt，或写在 -- 之后（speechqa add -- -通知.txt）"
    )
    added = sq(seed_home, "add", "--", "-通知.txt", cwd=tmp_path)
    assert added.returncode == 0, added.stderr.decode("utf-8")
    assert "新增" in added.stdout.decode("utf-8")
    question = sq(seed_home, "ask", "-体检")
    assert "写在 -- 之后（speechqa ask -- -体检）" in question.stderr.decode("utf-8")


def test_a_windows_path_is_named_with_where_the_file_is_on_linux(seed_home: Path) -> None:
    done = sq(seed_home, "add", "C:\\Users\\张三\\Desktop\\通知.docx")
    assert done.returncode == 1
    assert (
        "找不到文件：C:\\Users\\张三\\Desktop\\通知.docx（这是 Windows 的路径写法；在 Linux 中路径以 / 分隔，"
        "在 WSL 中这个文件是 /mnt/c/Users/张三/Desktop/通知.docx）"
    ) in done.stderr.decode("utf-8")
    relative = sq(seed_home, "add", "讲话稿\\通知.docx")
    assert "（路径中有反斜杠 \\：在 Linux 中路径以 / 分隔，如 讲话稿/通知.docx）" in relative.stderr.decode(
        "utf-8"
    )


def test_a_quoted_tilde_is_the_home_folder_when_no_folder_is_named_so(
    seed_home: Path, tmp_path: Path
) -> None:
    """`speechqa add "~/讲话稿/"` (quoted: the shell left the ~) used to be 「找不到文件：~/讲话稿/」; the hint quotes what was typed."""
    folder = tmp_path / "讲话稿"
    folder.mkdir()
    (folder / "通知.txt").write_text(
        "关于重阳节走访慰问的通知\n各单位要在10月20日前完成走访慰问。\n", encoding="utf-8"
    )
    done = sq(seed_home, "add", "~/讲话稿/", env={"HOME": str(tmp_path)}, cwd=tmp_path)
    no_traceback(done)
    assert done.returncode == 0
    assert f"提示：「~/讲话稿/」按 {folder} 添加" in done.stderr.decode("utf-8")
    assert "新增" in done.stdout.decode("utf-8")


def test_a_path_pasted_with_quotes_spaces_or_as_a_file_uri_is_the_file_it_names(
    seed_home: Path, tmp_path: Path
) -> None:
    """A path copied out of a chat (「“…/通知.txt”」), with the space a chat adds after it, out of Windows'
    「复制为路径」 and pasted inside the shell's own quotes, or as a file manager's 「file:///…」 URI. Before: each
    「✗ 找不到文件：“/…/通知.txt”」, exit 1, the clerk left to guess that the quotes were the trouble."""
    notice = tmp_path / "材料 2027" / "重阳节通知.txt"
    notice.parent.mkdir()
    notice.write_text("关于重阳节走访慰问的通知\n各单位要在10月20日前完成走访慰问。\n", encoding="utf-8")
    uri = notice.as_uri()  # file:///…/%E6%9D%90%E6%96%99%202027/…
    for pasted in (f"“{notice}”", f"{notice} ", f"'{notice}'", f"「{notice}」\n", uri):
        done = sq(seed_home, "add", pasted)
        no_traceback(done)
        assert done.returncode == 0, done.stderr.decode("utf-8")
        assert f"按 {notice} 添加" in done.stderr.decode("utf-8")
        assert "关于重阳节走访慰问的通知" in done.stdout.decode("utf-8")
    missing = sq(seed_home, "add", f"“{tmp_path / '没有这个.txt'}”")  # still said as not found, as typed
    assert missing.returncode == 1
    assert f"找不到文件：“{tmp_path / '没有这个.txt'}”" in missing.stderr.decode("utf-8")


def test_a_blank_or_emptied_path_is_not_found_never_the_current_folder(
    seed_home: Path, tmp_path: Path
) -> None:
    """`add " "`, `add '""'`, `add "“”"`, a lone line break, `add "file:///"`: before, every quote and space was
    stripped and the empty rest, 「Path("")」, was the current folder, added whole (and 「file:///」 the root).
    Now 「找不到文件」 quoting what was typed, exit 1, nothing added."""
    (tmp_path / "通知.txt").write_text(
        "关于重阳节走访慰问的通知\n各单位要在10月20日前完成走访慰问。\n", encoding="utf-8"
    )
    for typed, said in (
        (" ", ["错误：找不到文件：「 」（给出的路径是空的）。"]),
        ("\n", ["错误：找不到文件：「\\n」（给出的路径是空的）。"]),
        ('""', ['✗ 找不到文件：""', "错误：没有添加任何文件。"]),
        ("“”", ["✗ 找不到文件：“”。", "错误：没有添加任何文件。"]),
        ("「 」", ["✗ 找不到文件：「 」。", "错误：没有添加任何文件。"]),
        ("file:///", ["错误：找不到文件：file:///"]),
        ("file://localhost", ["错误：找不到文件：file://localhost"]),
    ):
        done = sq(seed_home, "add", typed, cwd=tmp_path)
        no_traceback(done)
        assert done.returncode == 1, (typed, done.stdout.decode("utf-8"))
        assert done.stderr.decode("utf-8").splitlines() == said, typed
        assert "新增" not in done.stdout.decode("utf-8")


def test_a_path_pasted_with_a_line_break_is_noticed_on_one_line(seed_home: Path, tmp_path: Path) -> None:
    """Before: 「提示：「“/…/通知.txt”」 then, on a line of its own, 「」按 /…/通知.txt 添加」 — the typed line break
    printed raw. Now the whole notice is one line, the break shown as \\n."""
    notice = tmp_path / "通知.txt"
    notice.write_text("关于重阳节走访慰问的通知\n各单位要在10月20日前完成走访慰问。\n", encoding="utf-8")
    done = sq(seed_home, "add", f"“{notice}”\r\n")
    no_traceback(done)
    assert done.returncode == 0, done.stderr.decode("utf-8")
    assert done.stderr.decode("utf-8").splitlines()[0] == f"提示：「“{notice}”\\r\\n」按 {notice} 添加"


def test_a_file_uri_names_this_computer_s_file_or_is_refused_as_a_network_share(
    seed_home: Path, tmp_path: Path
) -> None:
    """`file://localhost/…` is this computer's file; `file://服务器/共享/…` (a network share) is no local path and
    was taken as 「/服务器/共享/…」; `file:///C:/…` is a Windows path, looked for where WSL keeps drive C."""
    notice = tmp_path / "材料" / "重阳节通知.txt"
    notice.parent.mkdir()
    notice.write_text("关于重阳节走访慰问的通知\n各单位要在10月20日前完成走访慰问。\n", encoding="utf-8")
    local = "file://localhost" + notice.as_uri()[len("file://") :]
    done = sq(seed_home, "add", local)
    no_traceback(done)
    assert done.returncode == 0, done.stderr.decode("utf-8")
    assert f"提示：「{local}」按 {notice} 添加" in done.stderr.decode("utf-8")
    share = "file://fileserver/%E5%85%B1%E4%BA%AB/通知.docx"
    refused = sq(seed_home, "add", share)
    no_traceback(refused)
    assert refused.returncode == 1
    assert refused.stderr.decode("utf-8").splitlines() == [
        f"错误：「{share}」是网络上另一台计算机（fileserver）里的文件地址，不是本机的路径："
        "请先把文件拷到本机（或挂载那个共享文件夹）再按本机的路径添加。"
    ]
    windows = sq(seed_home, "add", "file:///C:/Users/%E5%BC%A0%E4%B8%89/Desktop/%E9%80%9A%E7%9F%A5.docx")
    assert windows.returncode == 1
    assert windows.stderr.decode("utf-8").splitlines() == [
        "错误：找不到文件：file:///C:/Users/%E5%BC%A0%E4%B8%89/Desktop/%E9%80%9A%E7%9F%A5.docx"
        "（即本机的 /mnt/c/Users/张三/Desktop/通知.docx）"
    ]


# the quotes a paste can wrap a path in, one pair a layer (as `add` peels them)
_LAYERS = ["''", '""', "“”", "‘’", "「」", "『』"]


@settings(max_examples=80, deadline=None)
@given(
    name=st.text(st.characters(categories=("Lo", "Nd", "Lu")), min_size=1, max_size=8),
    layers=st.lists(st.sampled_from(_LAYERS), min_size=0, max_size=3),
    decoys=st.sets(st.integers(0, 3)),
    before=st.sampled_from(["", " ", "\u3000", "\n"]),
    after=st.sampled_from(["", " ", "\r\n", "\t"]),
    as_uri=st.booleans(),
)
def test_a_pasted_path_is_taken_as_the_file_it_names_never_another(
    name: str, layers: list[str], decoys: set[int], before: str, after: str, as_uri: bool
) -> None:
    """Property: a path wrapped in layers of quotes (「“「a」”」) and spaces, with files on disk named as some of
    the layers (decoys: 「「a」」 beside 「a」, a name with quotes of its own): the file taken is the one typed when it
    exists, else the one nearest to what was typed — one layer of quotes peeled at a time — never one further in.
    (Before, every layer was stripped at once: 「“「a」”」 took 「a」 though 「「a」」 was there.) A file manager's URI
    wrapped so is its file."""
    with tempfile.TemporaryDirectory() as folder:
        here = os.getcwd()
        os.chdir(folder)  # relative names: a decoy named with the quotes is a file the quoted text names
        try:
            bare = Path(folder).joinpath(name).as_uri() if as_uri else name
            wrapped = [bare]  # wrapped[0]: as pasted (all the layers); wrapped[-1]: the bare path or URI
            for pair in layers:
                wrapped.insert(0, pair[0] + wrapped[0] + pair[1])
            made = {n for n in decoys if n < len(wrapped) - 1 and not as_uri} | {len(wrapped) - 1}
            for n in made:
                Path(folder, wrapped[n] if n < len(wrapped) - 1 or not as_uri else name).write_text("通知")
            taken = as_typed(before + wrapped[0] + after)
            nearest = min(made)
            assert taken == (
                Path(folder, name) if as_uri and nearest == len(wrapped) - 1 else Path(wrapped[nearest])
            )
        finally:
            os.chdir(here)


# -- signals -------------------------------------------------------------------------------------------------


def _opened(pid: int, path: Path) -> bool:
    """Whether the process holds `path` open (Linux: /proc/PID/fd)."""
    try:
        links = [os.readlink(fd) for fd in Path(f"/proc/{pid}/fd").iterdir()]
    except OSError:  # ended, or a descriptor closed while read
        return False
    return str(path.resolve()) in links


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux /proc")
def test_sigterm_during_rebuild_is_one_line_exit_143_and_the_old_index_serves(seed_home: Path) -> None:
    """`docker stop` during `speechqa rebuild` used to kill it without a word (while the model loads)."""
    env = {**os.environ, "SPEECHQA_HOME": str(seed_home), "HF_HUB_OFFLINE": "1"}
    child = subprocess.Popen(
        [sys.executable, "-c", ENTRY, "rebuild"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    # the rebuild's own handler is set once it has opened the library (before, the start-up's says 「已中断。」)
    deadline = time.monotonic() + 60
    while (
        not _opened(child.pid, seed_home / "speechqa.db")
        and child.poll() is None
        and time.monotonic() < deadline
    ):
        time.sleep(0.02)
    assert child.poll() is None, "the rebuild ended before it could be stopped"
    child.send_signal(signal.SIGTERM)
    _, err = child.communicate(timeout=60)
    assert child.returncode == 143
    assert err.decode("utf-8").strip().splitlines()[-1] == (
        "已中断：索引没有重建，讲话和原来的索引都保持不变，提问照常可用。"
    )
    assert sq(seed_home, "health").returncode == 0
    assert "段落 #54" in sq(seed_home, "ask", QUESTION, "-k", "1").stdout.decode("utf-8")


def test_ctrl_c_while_speechqa_loads_is_one_line_not_an_import_traceback(tmp_path: Path) -> None:
    """Ctrl-C in the first tenth of a second used to print a KeyboardInterrupt traceback from inside
    `import cli`. The signal is sent the moment cli imports click (its first import)."""
    script = (  # Ctrl-C as a terminal delivers it: a test run started without job control hands its children
        # SIGINT ignored (tests/add_child.py), which would hide what is tested here
        "import builtins, os, signal\n"
        "signal.signal(signal.SIGINT, signal.default_int_handler)\n"
        "real = builtins.__import__\n"
        "def hooked(name, *args, **kwargs):\n"
        "    if name == 'click':\n"
        "        os.kill(os.getpid(), signal.SIGINT)\n"
        "    return real(name, *args, **kwargs)\n"
        "builtins.__import__ = hooked\n"
        "import cli\n"
        "print('not reached')\n"
    )
    env = {**os.environ, "SPEECHQA_HOME": str(tmp_path / "home")}
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, timeout=60, check=False
    )
    assert done.returncode == 130
    assert done.stderr.decode("utf-8") == "已中断。\n"
    assert done.stdout == b""


# -- newuser68: what newuser67 left: pasted paths for backup, restore and --batch; a Word question list --------


def test_context_takes_the_passage_label_copied_with_the_id(seed_home: Path) -> None:
    """「段落#54」 and 「段落 #54」, copied from an answer's 「讲话 #2 · 段落 #54」 with the label, used to be refused
    as 「不是编号」; now the passage, as 54 and 「#54」 are. A speech's label where a passage is wanted (or the
    other way round) is refused naming the kind wanted, not read as the other kind's number."""
    plain = sq(seed_home, "context", "54", "--before", "0", "--after", "0")
    assert plain.returncode == 0, plain.stderr.decode("utf-8")
    for typed in ("段落#54", "段落 #54", "段落＃54"):
        done = sq(seed_home, "context", typed, "--before", "0", "--after", "0")
        no_traceback(done)
        assert done.returncode == 0, done.stderr.decode("utf-8")
        assert done.stdout == plain.stdout
    shown = sq(seed_home, "show", "讲话 #2")
    assert shown.returncode == 0, shown.stderr.decode("utf-8")
    assert sq(seed_home, "show", "2").stdout == shown.stdout
    for command, typed, wanted in (("context", "讲话#2", "段落"), ("show", "段落 #54", "讲话")):
        refused = sq(seed_home, command, typed)
        no_traceback(refused)
        assert refused.returncode == 1
        assert f"「{typed}」是{typed[:2]}编号，这里要{wanted}编号" in refused.stderr.decode("utf-8")


def test_backup_and_restore_take_a_pasted_path_as_add_does(seed_home: Path, tmp_path: Path) -> None:
    """A backup's path pasted in quotes with the line break a chat adds: the backup used to be written to a
    file whose name held the quotes and the break; restore of a 「“…”」 path, 「找不到文件」. Now each is the file
    the pasted text names, said in a notice."""
    folder = tmp_path / "备份 2027"
    folder.mkdir()
    saved = folder / "库.db"
    done = sq(seed_home, "backup", f"'{saved}'\n")
    no_traceback(done)
    assert done.returncode == 0, done.stderr.decode("utf-8")
    assert [p.name for p in folder.iterdir()] == ["库.db"]
    assert f"按 {saved} 备份" in done.stderr.decode("utf-8")
    for pasted in (f"“{saved}” ", saved.as_uri()):
        restored = sq(seed_home, "restore", "--yes", pasted)
        no_traceback(restored)
        assert restored.returncode == 0, restored.stderr.decode("utf-8")
        assert f"按 {saved} 恢复" in restored.stderr.decode("utf-8")
        assert "已恢复：讲话 5" in restored.stdout.decode("utf-8")


def test_ask_batch_reads_a_word_question_list_pasted_as_a_path(seed_home: Path, tmp_path: Path) -> None:
    """`ask --batch 问题.docx` used to be refused (「不是纯文本文件」, save it as .txt); now each paragraph of the
    document is a question, in order (its heading and a blank paragraph are none; a numbered list's item is asked
    without its number), the file named by a pasted path or a 「file:///」 URI as `add` takes one."""
    import docx

    document = docx.Document()
    document.add_heading("本周要查的问题", 1)
    document.add_paragraph("离休干部体检规定是什么？")
    document.add_paragraph("")
    document.add_paragraph("老年大学怎么办？", style="List Number")
    listed = tmp_path / "问题 清单.docx"
    document.save(str(listed))
    for pasted in (f"“{listed}”\n", listed.as_uri()):
        done = sq(seed_home, "ask", "--json", "-k", "1", "--batch", pasted)
        no_traceback(done)
        assert done.returncode == 0, done.stderr.decode("utf-8")
        asked = [json.loads(line)["query"] for line in done.stdout.decode("utf-8").splitlines()]
        assert asked == ["离休干部体检规定是什么？", "老年大学怎么办？"]
        assert f"按 {listed} 读取" in done.stderr.decode("utf-8")
    zipped = tmp_path / "问题.zip"
    zipped.write_bytes(b"PK\x05\x06" + bytes(18))  # an empty zip: a folder of documents, no list
    refused = sq(seed_home, "ask", "--batch", str(zipped))
    no_traceback(refused)
    assert refused.returncode == 1
    assert "问题.zip 是压缩包，读不出问题" in refused.stderr.decode("utf-8")


def test_backup_restore_and_batch_take_a_localhost_uri_and_refuse_a_share_in_their_own_words(
    seed_home: Path, tmp_path: Path
) -> None:
    """backup and restore took their path through click.Path, which shortened 「file://localhost/x」 to
    「file:/localhost/x」 (「找不到文件」); a network share was refused 「再按本机的路径添加」 whatever the command;
    a quoted path whose folder is missing named the folder with the stray quote."""
    folder = tmp_path / "备份"
    folder.mkdir()
    saved = folder / "库.db"
    local = "file://localhost" + saved.as_uri()[len("file://") :]
    done = sq(seed_home, "backup", local)
    no_traceback(done)
    assert done.returncode == 0, done.stderr.decode("utf-8")
    assert [p.name for p in folder.iterdir()] == ["库.db"]
    assert f"提示：「{local}」按 {saved} 备份" in done.stderr.decode("utf-8")
    restored = sq(seed_home, "restore", "--yes", local)
    no_traceback(restored)
    assert restored.returncode == 0, restored.stderr.decode("utf-8")
    assert f"按 {saved} 恢复" in restored.stderr.decode("utf-8")
    questions = tmp_path / "问题.txt"
    questions.write_text(f"{QUESTION}\n", encoding="utf-8")
    listed = "file://localhost" + questions.as_uri()[len("file://") :]
    asked = sq(seed_home, "ask", "--json", "-k", "1", "--batch", listed)
    no_traceback(asked)
    assert asked.returncode == 0, asked.stderr.decode("utf-8")
    assert [json.loads(line)["query"] for line in asked.stdout.decode("utf-8").splitlines()] == [QUESTION]
    share = "file://fileserver/%E5%85%B1%E4%BA%AB/库.db"
    for args, doing in ((["backup"], "备份"), (["restore", "--yes"], "恢复"), (["ask", "--batch"], "读取")):
        refused = sq(seed_home, *args, share)
        no_traceback(refused)
        assert refused.returncode == 1
        said = refused.stderr.decode("utf-8")
        assert f"「{share}」是网络上另一台计算机（fileserver）里的文件地址" in said
        assert f"再按本机的路径{doing}" in said and "添加" not in said
    missing = tmp_path / "没有的文件夹" / "库.db"
    refused = sq(seed_home, "backup", f"'{missing}'\n")
    no_traceback(refused)
    assert refused.returncode == 1
    assert refused.stderr.decode("utf-8").splitlines() == [f"错误：文件夹不存在：{missing.parent}"]
