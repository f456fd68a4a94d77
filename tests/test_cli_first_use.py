"""`speechqa` as a new member of staff uses it from the README: what they met, end to end (the real
command, a copy of the seed home, the bundled model, offline)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner, Result

from cli import cli

Run = Callable[..., Result]


def ok(result: Result) -> str:
    assert result.exit_code == 0, result.output
    return result.output


def one_line_error(result: Result, *fragments: str) -> str:
    """Exit 1, one Chinese line on stderr, no traceback, no English."""
    assert result.exit_code == 1, (result.exit_code, result.output)
    assert isinstance(result.exception, SystemExit), result.exception
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.output and not any(
        w in lines[0] for w in ("Error", "Did you", "No such")
    )
    for fragment in fragments:
        assert fragment in lines[0], lines[0]
    return lines[0]


# -- a date and a speaker on one line -------------------------------------------------------------------
SIDE_BY_SIDE = """关于做好离退休干部健康服务工作的讲话
{line}
同志们：
一、组织健康体检
今年要为全区离退休干部每人安排一次健康体检，体检项目不少于二十项。
二、开展上门服务
对行动不便的老同志，由社区医生每月上门随访一次。
"""


@pytest.mark.slow
@pytest.mark.parametrize(
    "line",
    [
        "2024年5月6日 张建国",
        "张建国　2024年5月6日",
        "区委常委、组织部部长 张建国 2024年5月6日",
        "张建国2024年5月6日",  # no space between them
        "2024年5月6日张建国",
        "2024年5月6日区委常委、组织部部长张建国",  # was of 「2024」: 「5月6日区委常委…」 read as the post
    ],
)
def test_a_date_and_a_speaker_side_by_side_under_the_title_are_read_as_such(
    run: Run, tmp_path: Path, line: str
) -> None:
    """Before, the line was read into the title (「…的讲话 2024年5月6日 张建国」), and every citation of
    the speech said 「日期不详」 with no speaker."""
    path = tmp_path / "健康服务.txt"
    path.write_bytes(SIDE_BY_SIDE.format(line=line).encode("gbk"))
    out = ok(run("add", str(path)))
    assert "新增  #6 关于做好离退休干部健康服务工作的讲话 · 2024-05-06 · 张建国 · 2 节 · 2 段" in out, out
    first = json.loads(ok(run("ask", "--json", "离退休干部健康体检项目有多少项？")))["results"][0]
    assert (first["speech_title"], first["speech_date"], first["speaker"]) == (
        "关于做好离退休干部健康服务工作的讲话",
        "2024-05-06",
        "张建国",
    )


@pytest.mark.slow
def test_a_word_file_with_its_date_and_speaker_on_one_line_is_cited_with_both(
    run: Run, tmp_path: Path
) -> None:
    document = docx.Document()
    document.add_heading("在2025年全市离退休干部工作推进会上的讲话", 0)
    document.add_paragraph("2025年4月10日  李红梅")
    document.add_paragraph("同志们：")
    document.add_heading("一、做实精准服务", 1)
    document.add_paragraph("对八十岁以上的离休干部，每季度至少上门走访一次，建立一人一档的服务台账。")
    path = tmp_path / "推进会讲话.docx"
    document.save(path)
    out = ok(run("add", str(path)))
    assert "新增  #6 在2025年全市离退休干部工作推进会上的讲话 · 2025-04-10 · 李红梅 · 1 节 · 1 段" in out, out
    shown = ok(run("show", "6"))
    assert "2025年4月10日" not in shown.split("日期：")[-1]  # the line is no passage of the body either


# -- ids -----------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "args",
    [
        ("context", "⑤④"),
        ("context", "①"),
        ("pin", "老年大学怎么办", "⑤④"),
        ("remove", "--yes", "②"),
        ("show", "²"),
        ("ask", "--speech", "①", "老年大学"),
    ],
)
def test_circled_or_superscript_digits_are_no_id_and_nothing_is_done(run: Run, args: tuple[str, ...]) -> None:
    """NFKC reads 「⑤④」 as 54: `pin 问题 ⑤④` pinned passage 54 and `remove --yes ②` deleted speech 2.
    They are list marks, not a number: one line names the value, and nothing changes."""
    before = ok(run("speeches"))
    typed = next(a for a in args if not a.isascii() and a != "老年大学怎么办" and a != "老年大学")
    one_line_error(run(*args), f"「{typed}」不是编号")
    assert ok(run("speeches")) == before
    assert json.loads(ok(run("pins", "--json"))) == []


def test_an_id_typed_on_a_chinese_keyboard_is_still_an_id(run: Run) -> None:
    assert "段落 #54" in ok(run("pin", "离休干部体检规定是什么？", "５４"))  # full-width digits
    assert ok(run("show", "＃２")).startswith("开创老干部工作新局面")


# -- commands ------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        (("speech", "2"), "speechqa show"),  # the bot's /speech 编号 (click guessed 'speeches')
        (("reindex",), "speechqa rebuild"),  # the bot's /reindex
        (("speeche",), "speechqa speeches"),  # a typo: click's guess, in the same words
        (("synonyms", "ls"), "speechqa synonyms list"),  # not `speechqa speeches`: within synonyms
    ],
)
def test_a_command_of_the_bot_or_a_typo_names_the_command_to_use(
    run: Run, typed: tuple[str, ...], meant: str
) -> None:
    name = typed[1] if typed[0] == "synonyms" else typed[0]
    line = one_line_error(run(*typed), f"没有这个命令：{name}")
    assert f"（是不是 {meant}？）" in line, line


# -- the first `add --bundled` of a new admin --------------------------------------------------------------
@pytest.mark.slow
def test_add_bundled_on_a_fresh_home_says_the_speeches_were_just_added(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Opening an empty library gives it the bundled speeches and builds the index (a bar of ~20 s); the
    `add --bundled` that opened it then found them 「未变化」 and said 「本次嵌入 0 段，用时 0.0 秒」. Now it
    says they are in the library, just added, and lists them as added, with what was embedded."""
    for name in ("SPEECHQA_MODEL", "SPEECHQA_TOKENIZER", "SPEECHQA_TOP_K", "SPEECHQA_MERGE_TO"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("SPEECHQA_HOME", str(tmp_path / "fresh"))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    runner = CliRunner()
    result = runner.invoke(cli, ["add", "--bundled"], prog_name="speechqa")
    ok(result)
    out = result.stdout  # (stderr: the model's notice and the progress bar)
    first = out.splitlines()[0]
    assert first.startswith("资料库原来是空的：自带的 5 篇讲话刚才已自动加入并建立了索引（嵌入 "), out
    assert "现已都在资料库中，不必再加" in first
    assert "未变化" not in out
    assert out.count("  新增  #") == 5, out
    passages = sum(
        int(line.rsplit(" · ", 1)[1].removesuffix(" 段")) for line in out.splitlines() if "新增" in line
    )
    assert f"索引：{passages} 段，本次嵌入 {passages} 段，用时 " in out, out
    assert "本次嵌入 0 段" not in out

    again = ok(
        runner.invoke(cli, ["add", "--bundled"], prog_name="speechqa")
    )  # nothing new: said so, as before
    assert "资料库原来是空的" not in again and again.count("  未变化  #") == 5, again
    assert "本次嵌入 0 段" in again


# -- the interactive mode and a number alone ---------------------------------------------------------------
@pytest.mark.slow
@pytest.mark.parametrize("line", ["①", "1", "⑤④", "²", "#72", "＃７２"])
def test_a_number_alone_in_the_interactive_mode_is_a_hint_not_a_search(run: Run, line: str) -> None:
    """「①」 (or 「1」) was searched as a question: 「未找到直接回答」 and five unrelated passages. A number alone
    is no question of the speeches: one Chinese line says what to type, and nothing is searched or logged."""
    runner = CliRunner()
    result = runner.invoke(cli, ["ask"], input=f"{line}\n退出\n", prog_name="speechqa")
    assert result.exit_code == 0, result.output
    hints = [h for h in result.stderr.splitlines() if "只是一个数字" in h]
    assert hints == [
        f"「{line}」只是一个数字，不是问题：请输入要问的问题；看某段的前后文用 speechqa context 段落编号（如 speechqa context 72），输入「更多」看后面的段落。"
    ]
    assert "未找到" not in result.stdout and "段落 #" not in result.stdout


@pytest.mark.slow
def test_a_question_with_a_number_is_still_searched_in_the_interactive_mode(run: Run) -> None:
    result = CliRunner().invoke(cli, ["ask"], input="2024年老年大学建设\n", prog_name="speechqa")
    assert result.exit_code == 0, result.output
    assert "只是一个数字" not in result.stderr and "段落 #" in result.stdout


# -- an undated speech's details -----------------------------------------------------------------------
def test_show_of_an_undated_speech_says_its_date_and_speaker_are_unknown(run: Run) -> None:
    out = ok(run("show", "5"))
    assert "日期：日期不详" in out and "讲话人：讲话人不详" in out, out[:300]
    assert "日期：2024-03-13" in ok(run("show", "2"))


# -- a notice is cited by its issuing body -------------------------------------------------------------
NOTICE_PARTS = [
    ("title", "关于做好离退休干部重阳节走访慰问工作的通知"),
    ("body", "各县（市、区）老干部局，市直各单位："),
    ("heading1", "一、走访对象"),
    ("body", "走访慰问对象为全市八十岁以上的离休干部和生活困难的退休干部，每人发放慰问金五百元。"),
    ("heading1", "二、工作要求"),
    ("body", "各单位要在十月二十日前完成走访，并将走访情况报送市委老干部局。"),
    ("body", "中共温州市委老干部局"),
    ("body", "2024年10月8日"),
]
ISSUED = "发文：中共温州市委老干部局"


@pytest.mark.slow
def test_a_notice_without_a_speaker_is_cited_by_its_issuing_body(run: Run, tmp_path: Path) -> None:
    """A notice has no speaker: every citation said 「讲话人不详」 although its signature names who issued
    it. Now the add report, the list, `show`, the results, their JSON and the Word export name the
    issuer, labelled as such; a speech with a speaker is cited as before."""
    from tests.fixtures.corpus_writers import write_docx

    path = tmp_path / "慰问通知.docx"
    write_docx(NOTICE_PARTS, path, author="温州市委老干部局")
    title = "关于做好离退休干部重阳节走访慰问工作的通知"
    out = ok(run("add", str(path)))
    assert f"新增  #6 {title} · 2024-10-08 · {ISSUED} · 3 节 · 3 段" in out, out
    listed = ok(run("speeches")).splitlines()
    assert any(title in line and f"2024-10-08 · {ISSUED}" in line for line in listed), listed
    assert any("沈伟" in line and "发文" not in line for line in listed), listed  # a speaker: unchanged
    shown = ok(run("show", "6")).splitlines()
    # one wording everywhere: `show`'s row is labelled as `speeches` and the results label it (it said 「发文机关：」)
    assert ISSUED in shown, shown
    assert not any(line.startswith(("讲话人", "发文机关")) for line in shown), shown
    assert "讲话人：沈伟" in ok(run("show", "2")).splitlines()
    question = "重阳节走访慰问金发多少？"
    answer = ok(run("ask", question))
    assert f"{title} · 2024-10-08 · {ISSUED}" in answer, answer[:400]
    results = json.loads(ok(run("ask", "--json", question)))["results"]
    top = results[0]
    assert (top["speech_id"], top["speaker"], top["issuer"]) == (6, None, "中共温州市委老干部局")
    assert all(r["issuer"] is None for r in results if r["speaker"] is not None)
    exported = tmp_path / "慰问金.docx"
    ok(run("ask", question, "--docx", str(exported)))
    texts = [p.text for p in docx.Document(str(exported)).paragraphs]
    assert any(f"《{title}》 · 2024-10-08 · {ISSUED}" in t for t in texts), texts
    again = ok(run("add", str(path)))
    assert "未变化" in again and ISSUED in again, again


def test_an_english_question_is_asked_for_in_chinese(run: Run) -> None:
    answer = json.loads(ok(run("ask", "--json", "what are the rules for health checks")))
    assert answer["small_talk"] == "not_chinese" and answer["results"] == []
    assert "请用中文提问" in answer["reply"]
    assert "请用中文提问" in ok(run("ask", "What about pensions?"))


# -- the first command of a new user is not `add` --------------------------------------------------------
@pytest.mark.slow
def test_a_first_listing_on_a_fresh_home_says_the_bundled_speeches_were_added(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`speechqa speeches` (or `ask`, `make run`'s query mode) on an empty data home gives it the bundled
    speeches under a bar of a minute or so; only `add` used to say why. Now every command says it once, on
    stderr (stdout keeps its list, or its JSON)."""
    for name in ("SPEECHQA_MODEL", "SPEECHQA_TOKENIZER", "SPEECHQA_TOP_K", "SPEECHQA_MERGE_TO"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("SPEECHQA_HOME", str(tmp_path / "fresh"))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    runner = CliRunner()
    first = runner.invoke(cli, ["speeches"], prog_name="speechqa")
    ok(first)
    notes = [line for line in first.stderr.splitlines() if "资料库原来是空的" in line]
    assert len(notes) == 1, first.stderr
    assert notes[0].startswith("提示：资料库原来是空的：已先加入自带的 5 篇讲话并建立了索引（嵌入 "), notes[0]
    assert notes[0].endswith("加入你自己的文件：speechqa add 文件或文件夹"), notes[0]
    assert "资料库原来是空的" not in first.stdout
    assert len(first.stdout.strip().splitlines()) == 5, first.stdout  # the five bundled speeches

    again = ok(runner.invoke(cli, ["speeches"], prog_name="speechqa"))
    assert "资料库原来是空的" not in again
