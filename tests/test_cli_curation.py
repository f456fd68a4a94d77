"""`speechqa ask` filters and --docx, `context`, `pin` / `pins` / `unpin` end to end: a copy of the
indexed seed home, the real bundled model, offline."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path
from typing import get_args

import docx
import openpyxl
import pytest
from click.testing import CliRunner

from cli import cli
from cli.render import NOT_A_QUESTION
from corpus import Document
from index import Library
from retrieval import SmallTalk

from .test_cli import (
    EXAMPLE,
    EXAMPLE_ANSWER,
    SPEECH_2,
    Run,
    assert_answer_schema,
    assert_ok,
    assert_user_error,
)


def passage_id_of(seed_home: Path, words: str) -> int:
    with sqlite3.connect(seed_home / "speechqa.db") as db:
        return int(db.execute("SELECT id FROM passages WHERE text LIKE ?", [f"%{words}%"]).fetchone()[0])


@pytest.mark.slow
def test_given_filters_restrict_the_results_and_are_reported(run: Run) -> None:
    result = run(
        "ask",
        "--json",
        "--speaker",
        "沈 伟",
        "--since",
        "2024",
        "--until",
        "2024-12-31",
        "-k",
        "8",
        "老年大学",
    )
    assert_ok(result)
    answer = json.loads(result.stdout)
    assert_answer_schema(answer)
    assert answer["filters"]["speakers"] == ["沈伟"]
    assert (answer["filters"]["since"], answer["filters"]["until"]) == ("2024-01-01", "2024-12-31")
    assert answer["filters"]["fallback"] is False and answer["filters"]["auto"] == []
    assert len(answer["results"]) == 8  # the page is full from the one matching speech
    assert {(r["speaker"], r["speech_title"]) for r in answer["results"]} == {("沈伟", SPEECH_2)}


@pytest.mark.slow
def test_a_speaker_named_in_the_question_filters_and_can_be_turned_off(run: Run) -> None:
    question = "沈伟同志讲话中关于老年大学的内容"
    result = run("ask", question, "-k", "3")
    assert_ok(result)
    assert "仅限：沈伟" in result.stdout and "--no-auto-filter" in result.stdout
    answer = json.loads(run("ask", "--json", question).stdout)
    assert answer["filters"]["auto"] == ["speakers"] and answer["filters"]["label"] == "沈伟"
    assert {r["speaker"] for r in answer["results"]} == {"沈伟"}
    off = json.loads(run("ask", "--json", "--no-auto-filter", question).stdout)
    assert off["filters"] is None


@pytest.mark.slow
def test_a_filter_that_leaves_nothing_says_so_and_shows_unfiltered_results(run: Run) -> None:
    result = run("ask", "--speaker", "李四", EXAMPLE, "-k", "2")
    assert_ok(result)
    assert "筛选条件「李四」下没有任何讲话，以下是不加筛选的结果" in result.stdout
    assert EXAMPLE_ANSWER in result.stdout


@pytest.mark.parametrize(
    ("args", "fragment"),
    [(("--since", "去年"), "去年"), (("--since", "2024-06", "--until", "2024-01"), "晚于")],
)
@pytest.mark.slow
def test_bad_filter_values_are_one_clear_line(run: Run, args: tuple[str, ...], fragment: str) -> None:
    assert_user_error(run("ask", *args, EXAMPLE), fragment)


@pytest.mark.slow
def test_every_result_line_shows_the_speech_id_and_date(run: Run, seed_home: Path) -> None:
    result = run("ask", "--no-auto-filter", "老干部工作会议", "-k", "5")
    assert_ok(result)
    lines = [line for line in result.stdout.splitlines() if line.startswith("[")]
    assert len(lines) == 5
    for line in lines:
        assert "讲话 #" in line and "段落 #" in line
        assert "2024-03-13" in line or "日期不详" in line


@pytest.mark.slow
def test_context_shows_the_passage_between_its_neighbours(run: Run, seed_home: Path) -> None:
    target = passage_id_of(seed_home, EXAMPLE_ANSWER)
    result = run("context", str(target), "--before", "2", "--after", "1")
    assert_ok(result)
    assert SPEECH_2 in result.stdout and "讲话 #" in result.stdout
    marked = [line for line in result.stdout.splitlines() if line.startswith("▶")]
    assert len(marked) == 1 and EXAMPLE_ANSWER in marked[0] and f"#{target}" in marked[0]
    data = json.loads(run("context", str(target), "--json").stdout)
    # the id as the results print it (「段落 #75」), copied with its mark, in either width
    for copied in (f"#{target}", f"＃{target}"):
        assert json.loads(run("context", copied, "--json").stdout) == data
    assert [p["focus"] for p in data["passages"]] == [False, True, False]
    assert_user_error(run("context", "999999"), "999999")


@pytest.mark.slow
def test_pin_then_ask_in_other_words_gets_the_pinned_passage_first(run: Run, seed_home: Path) -> None:
    target = passage_id_of(seed_home, "单位尽责、社会统筹、财政保障")
    result = run("pin", EXAMPLE, str(target), "--by", "张科长")
    assert_ok(result)
    assert f"段落 #{target}" in result.stdout
    listed = run("pins")
    assert_ok(listed)
    assert EXAMPLE in listed.stdout and "张科长" in listed.stdout
    answer = json.loads(run("ask", "--json", EXAMPLE).stdout)
    assert answer["results"][0]["passage_id"] == target and answer["results"][0]["pinned"] is True
    assert not any(r["pinned"] for r in answer["results"][1:])
    shown = run("ask", EXAMPLE, "-k", "2").stdout
    assert "📌 标准答案" in shown and "【直接相关】" in shown
    assert "把握" not in shown  # the agreed answer is 直接相关 by decision, not by the model's estimate
    unrelated = json.loads(run("ask", "--json", "老年大学要开设哪些课程").stdout)
    assert not any(r["pinned"] for r in unrelated["results"])
    [pin] = json.loads(run("pins", "--json").stdout)
    assert (pin["status"], pin["passage_id"], pin["pinned_by"]) == ("ok", target, "张科长")
    again = run("pin", EXAMPLE, str(target), "--by", "李主任")  # the same passage again: nothing replaced
    assert_ok(again)
    assert "替换" not in again.stdout
    other = passage_id_of(seed_home, "热心、真心、耐心、细心、贴心")
    assert other != target
    replaced = run("pin", EXAMPLE, str(other), "--by", "王处长")  # another passage: say whose pin went
    assert_ok(replaced)
    assert f"替换了原标准答案：段落 #{target}，由 李主任" in replaced.stdout
    # when, as people write it: 「于 2026-12-02 11:38 设置」, not 「2026-12-02T11:38:12+0000」
    assert re.search(r"由 李主任 于 \d{4}-\d\d-\d\d \d\d:\d\d 设置）$", replaced.stdout.strip())
    assert_ok(run("pin", EXAMPLE, str(target), "--by", "张科长"))
    assert re.search(r"张科长 · \d{4}-\d\d-\d\d \d\d:\d\d\n", run("pins").stdout)
    [pin] = json.loads(run("pins", "--json").stdout)
    assert_ok(run("unpin", str(pin["id"])))
    assert json.loads(run("pins", "--json").stdout) == []
    assert json.loads(run("ask", "--json", EXAMPLE).stdout)["results"][0]["pinned"] is False


@pytest.mark.slow
def test_a_question_close_to_a_pin_but_not_sure_is_offered_the_standard_question(
    run: Run, seed_home: Path
) -> None:
    target = passage_id_of(seed_home, "要落实好离休干部每年一次体检的规定")
    assert_ok(run("pin", "离休干部体检规定是什么？", str(target)))
    [pin] = json.loads(run("pins", "--json").stdout)
    answer = json.loads(run("ask", "--json", "离休老同志每年都安排体检吗").stdout)
    assert not any(r["pinned"] for r in answer["results"])
    offer = answer["pin_offer"]
    assert (offer["pin_id"], offer["question"], offer["passage_id"]) == (
        pin["id"],
        "离休干部体检规定是什么？",
        target,
    )
    assert 0 < offer["probability"] < 1
    shown = run("ask", "离休老同志每年都安排体检吗", "-k", "1").stdout
    assert "📌 相近的标准问题：离休干部体检规定是什么？" in shown
    assert "speechqa ask '离休干部体检规定是什么？'" in shown  # the command that brings its agreed answer
    assert json.loads(run("ask", "--json", "老年大学要开设哪些课程").stdout)["pin_offer"] is None
    # in the REPL, 「=」 asks the standard question the last answer offered
    session = run("repl", "-k", "1", input="=\n离休老同志每年都安排体检吗\n=\n")
    assert_ok(session)
    assert "上一个回答没有推荐标准问题" in session.stderr  # 「=」 before any offer is not a question
    first, second = re.split(r"^(?=离休干部体检规定是什么？ +\(\d+ ms\)$)", session.stdout, flags=re.M)
    assert "输入 = 回车" in first and "📌 标准答案" not in first
    assert "📌 标准答案" in second
    # the wording that took the offer is listed under its pin, with the command that pins it too
    listed = run("pins").stdout
    assert f"「离休老同志每年都安排体检吗」×1  speechqa pin '离休老同志每年都安排体检吗' {target}" in listed
    [pin] = json.loads(run("pins", "--json").stdout)
    assert [o["question"] for o in pin["offers_taken"]] == ["离休老同志每年都安排体检吗"]
    assert_ok(run("pin", "离休老同志每年都安排体检吗", str(target)))
    assert all(p["offers_taken"] == [] for p in json.loads(run("pins", "--json").stdout))


@pytest.mark.slow
def test_pin_errors_are_one_clear_line(run: Run) -> None:
    assert_user_error(run("pin", EXAMPLE, "999999"), "999999")
    assert_user_error(run("unpin", "42"), "42")
    assert_user_error(run("pin", "   ", "1"), "问题是空的")
    assert_user_error(run("pin", "谢谢", "1"), "客套话")  # could never be asked as a question
    # a message that is no question is named for what it is: 「x」 is no pleasantry
    assert_user_error(run("pin", "x", "1"), "「x」太短，不是完整的问题")
    assert_user_error(run("pin", "what is this", "1"), "不是中文问题")


def test_a_question_of_only_punctuation_is_named_so_not_called_a_pleasantry(run: Run, tmp_path: Path) -> None:
    """A tired user's 「。。。」 or 「？？」 is neither 客套话 nor a question about the tool: it has no words."""
    for question in ("。。。", "？？", "！！…", "👍"):
        result = run("pin", question, "1")
        assert_user_error(result, f"「{question}」只有标点或符号，没有文字，不是问题：不能设为标准答案")
        assert "客套话" not in result.output and "怎么用" not in result.output
    exported = tmp_path / "结果.docx"
    result = run("ask", "？！", "--docx", str(exported))
    assert_user_error(result, "「？！」只有标点或符号，没有文字，不是问题：没有生成 Word 文件")
    assert not exported.exists()
    assert_user_error(run("pin", "谢谢！", "1"), "「谢谢！」是客套话")  # words of a pleasantry still are one


def test_every_kind_of_small_talk_is_named_when_it_cannot_be_pinned_or_exported() -> None:
    assert set(NOT_A_QUESTION) == set(get_args(SmallTalk))


def test_a_speech_id_that_does_not_exist_is_a_user_error_not_an_empty_filter(run: Run) -> None:
    assert_user_error(run("ask", "--speech", "99", "体检"), "没有编号为 99 的讲话")


@pytest.mark.slow
def test_a_pin_whose_speech_was_removed_is_flagged(run: Run, seed_home: Path) -> None:
    assert_ok(run("pin", EXAMPLE, str(passage_id_of(seed_home, EXAMPLE_ANSWER))))
    assert_ok(run("remove", "2", "--yes"))
    listed = run("pins")
    assert "讲话已删除" in listed.stdout and "失效" in listed.stdout
    assert json.loads(run("pins", "--json").stdout)[0]["status"] == "vanished"


@pytest.mark.slow
def test_the_wordings_that_took_a_stale_pins_offer_are_listed_in_the_text_as_in_json(
    run: Run, seed_home: Path
) -> None:
    """A pin gone stale keeps the wordings that took its offer: whoever sets it again sees them in
    `speechqa pins` as `--json` lists them, with the command to pin each (to the new passage)."""
    target = passage_id_of(seed_home, EXAMPLE_ANSWER)
    assert_ok(run("pin", EXAMPLE, str(target)))
    assert_ok(run("repl", "-k", "1", input="离休老同志每年都安排体检吗\n=\n"))  # the offer, taken
    assert_ok(run("remove", "2", "--yes"))  # the pinned passage's speech: the pin is stale
    [pin] = json.loads(run("pins", "--json").stdout)
    assert pin["status"] == "vanished"
    assert [(o["question"], o["times"]) for o in pin["offers_taken"]] == [("离休老同志每年都安排体检吗", 1)]
    listed = run("pins")
    assert_ok(listed)
    assert "讲话已删除" in listed.stdout
    assert (
        "「离休老同志每年都安排体检吗」×1  speechqa pin '离休老同志每年都安排体检吗' 段落编号"
        in listed.stdout
    )


@pytest.mark.slow
def test_ask_docx_writes_a_word_file_with_the_cited_passages(run: Run, tmp_path: Path) -> None:
    out = tmp_path / "体检.docx"
    result = run("ask", EXAMPLE, "-k", "2", "--docx", str(out))
    assert_ok(result)
    document = docx.Document(str(out))
    text = "\n".join(p.text for p in document.paragraphs)
    assert EXAMPLE in text and EXAMPLE_ANSWER in text and "导出日期" in text
    assert f"《{SPEECH_2}》 · 2024-03-13 · 沈伟" in text and "讲话编号 2" in text
    assert not list(tmp_path.glob(".*.tmp"))


@pytest.mark.slow
def test_docx_of_a_batch_of_one_a_missing_folder_and_small_talk(run: Run, tmp_path: Path) -> None:
    batch = tmp_path / "q.txt"
    batch.write_text(EXAMPLE + "\n", encoding="utf-8")
    # a question list is written into one file (it used to be refused: trial 56); one question, as `ask` writes it
    listed = run("ask", "--batch", str(batch), "--docx", str(tmp_path / "x.docx"))
    assert listed.exit_code == 0, listed.output
    assert f"问题：{EXAMPLE}" in [p.text for p in docx.Document(str(tmp_path / "x.docx")).paragraphs]
    assert_user_error(run("ask", EXAMPLE, "--docx", str(tmp_path / "no-such-dir" / "x.docx")), "无法写入")
    # small talk is answered, not searched: no Word file claiming the corpus has nothing
    thanks = run("ask", "谢谢", "--docx", str(tmp_path / "谢谢.docx"))
    assert_user_error(thanks, "不客气", "没有生成 Word 文件")
    assert "已导出" not in thanks.output and not (tmp_path / "谢谢.docx").exists()


@pytest.mark.slow
def test_a_question_list_kept_in_excel_is_told_to_be_saved_as_text_one_in_word_is_read(
    run: Run, tmp_path: Path
) -> None:
    """A clerk types the report's questions in a workbook and gives that file to --batch. Before: 「问题.xlsx
    不是文本文件（含二进制数据）」 — true, but no word of what --batch wants or how to get it. Now one line saying
    so and how to save the list as text, exit 1, no Word file written; the list saved as text is answered.
    A list typed in Word is read (since newuser68): each paragraph a question."""
    questions = [EXAMPLE, "老年大学怎么办"]
    word = tmp_path / "问题.docx"
    document = docx.Document()
    for question in questions:
        document.add_paragraph(question, style="List Number")
    document.save(str(word))
    sheet = tmp_path / "问题.xlsx"
    book = openpyxl.Workbook()
    for question in questions:
        book.active.append([question])
    book.save(str(sheet))
    for extra in ([], ["--json"], ["--docx", str(tmp_path / "汇总.docx")]):
        result = run("ask", "--batch", str(sheet), *extra)
        assert_user_error(
            result,
            f"错误：{sheet.name} 不是纯文本文件，读不出问题：--batch 要每行一个问题的文本文件（.txt）或每段一个问题的"
            "文档（Word、WPS、PDF）——在 Excel、WPS 里「另存为」选「文本文件」",
        )
        assert "二进制" not in result.output and EXAMPLE not in result.output
        assert not (tmp_path / "汇总.docx").exists()
    read = run("ask", "--batch", str(word), "--docx", str(tmp_path / "汇总（Word 列表）.docx"))
    assert read.exit_code == 0, read.output
    assert EXAMPLE_ANSWER in read.output and "已导出 Word 文件" in read.output
    assert "（2 个问题）" in read.output
    saved = tmp_path / "问题.txt"  # what Word's 「纯文本」 writes on a Chinese Windows: GBK, CRLF
    saved.write_bytes("\r\n".join(questions).encode("gbk"))
    listed = run("ask", "--batch", str(saved), "--docx", str(tmp_path / "汇总.docx"))
    assert listed.exit_code == 0, listed.output
    assert EXAMPLE_ANSWER in listed.output and "已导出 Word 文件" in listed.output


def test_stats_counts_pins_and_flags_stale_ones(tmp_path: Path) -> None:
    library = Library(tmp_path)
    library.add_documents(
        [Document("a.txt", "讲话\n同志们：\n要落实好离休干部每年一次体检的规定。\n", "utf-8")]
    )
    store = library.store
    store.pin("体检规定", store.passages()[0].id, pinned_by="cli:a")
    store.remove_speech(store.speeches()[0].id)
    library.close()
    runner = CliRunner()
    result = runner.invoke(cli, ["--home", str(tmp_path), "stats"])
    assert result.exit_code == 0, result.output
    assert "标准答案：1 条，其中 1 条失效" in result.output
    data = json.loads(runner.invoke(cli, ["--home", str(tmp_path), "stats", "--json"]).output)
    assert data["pins"] == {"total": 1, "flagged": 1}
