"""`speechqa ask --page N`: the N-th page of a question as the interactive mode's 「更多」 reaches it, in text
and JSON, through the command's entry point on a copy of the indexed seed speeches (docs/page58.md)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import docx
import pytest
from click.testing import Result
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .answer_shape import assert_answer_schema
from .test_cli import DEV_SET, Run, assert_ok, assert_user_error

pytestmark = pytest.mark.slow

BROAD = "离退休干部体检"  # pages on for ten pages of five over the seed speeches
DEV_QUESTIONS = [json.loads(line)["question"] for line in DEV_SET.read_text(encoding="utf-8").splitlines()]


def json_page(run: Run, question: str, k: int, page: int) -> dict[str, Any]:
    done = run("ask", "--json", "-k", str(k), "--page", str(page), question)
    assert_ok(done)
    answer = json.loads(done.stdout)
    assert_answer_schema(answer)
    assert answer["page"] == page
    return answer


def repl_pages(run: Run, question: str, k: int, asks: int, heading: str) -> list[list[int]]:
    """The passage ids of each page the interactive mode shows for `question` (each headed by the question
    as searched, `heading`), 「更多」 typed `asks` times."""
    session = run("repl", "-k", str(k), input=question + "\n" + "更多\n" * asks)
    assert_ok(session)
    pages = session.stdout.split(f"{heading}   (")[1:]
    return [[int(i) for i in re.findall(r"段落 #(\d+)", page)] for page in pages]


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(question=st.sampled_from([BROAD, "老年大学", *DEV_QUESTIONS]), k=st.sampled_from([2, 3, 5]))
def test_pages_one_to_n_of_ask_json_are_the_repls_pages_in_order_and_then_past_the_end(
    run: Run, question: str, k: int
) -> None:
    """A script paging with `ask --json --page` sees exactly what 「更多」 shows: the same passages, page by
    page, ranks running on, nothing twice, the first page's verdict on every page; the page after the last
    one 「更多」 offers is empty with has_more false, exit 0."""
    pages: list[dict[str, Any]] = [json_page(run, question, k, 1)]
    while pages[-1]["has_more"]:
        pages.append(json_page(run, question, k, len(pages) + 1))
        assert len(pages) < 40
    shown = repl_pages(
        run, question, k, len(pages) + 1, pages[0]["query"]
    )  # one 「更多」 more than there are pages
    assert [[r["passage_id"] for r in page["results"]] for page in pages] == shown
    ids = [r["passage_id"] for page in pages for r in page["results"]]
    assert len(ids) == len(set(ids))
    assert [r["rank"] for page in pages for r in page["results"]] == list(range(1, len(ids) + 1))
    verdicts = {(p["answered"], p["confidence"], p["probability"]) for p in pages}
    assert len(verdicts) == 1  # a later page is judged as the first (docs/more58.md)
    assert pages[0]["page_confidence"] is None
    beyond = json_page(run, question, k, len(pages) + 1)
    assert beyond["results"] == [] and beyond["has_more"] is False
    assert beyond["query"] == pages[0]["query"]


def test_a_later_page_in_text_is_headed_as_the_repl_heads_it_and_says_how_to_see_the_next(run: Run) -> None:
    second = run("ask", "--page", "2", BROAD)
    assert_ok(second)
    heading = re.search(r"【(.+?)】(.*)", second.stdout)
    assert heading is not None and "把握" not in heading.group(
        2
    )  # a later page: no 把握, as 「更多」 shows it
    assert re.findall(r"^\[(\d+)\]", second.stdout, re.MULTILINE) == ["6", "7", "8", "9", "10"]
    assert "第 2 页 · 下一页：同样的命令改用 --page 3" in second.stdout
    repl = run("repl", input=f"{BROAD}\n更多\n")
    later = repl.stdout.split(f"{BROAD}   (")[2]
    assert re.findall(r"段落 #\d+", later) == re.findall(r"段落 #\d+", second.stdout)
    first = run("ask", BROAD)  # without --page: as ask always printed it
    assert_ok(first)
    assert "第 1 页" not in first.stdout and "（把握" in first.stdout


def test_a_page_past_the_end_says_so_in_one_chinese_line_and_exits_0(run: Run) -> None:
    last = 1
    while json_page(run, BROAD, 5, last)["has_more"]:
        last += 1
    past = run("ask", "--page", str(last + 1), BROAD)
    assert_ok(past)
    assert past.stdout.strip() == (
        f"「{BROAD}」没有第 {last + 1} 页：这个问题的结果只有 {last} 页"
        f"（交互模式和机器人到第 {last} 页也不再提供「更多」），可以换个说法再问。"
    )
    far = run("ask", "--json", "--page", "100000", BROAD)
    assert_ok(far)
    assert json.loads(far.stdout)["results"] == [] and json.loads(far.stdout)["page"] == 100000


@pytest.mark.parametrize("value", ["0", "-1", "abc", "", "1.5"])
def test_a_bad_page_is_one_chinese_line_and_exit_1(run: Run, value: str) -> None:
    text = run("ask", "--page", value, BROAD)
    assert_user_error(text, "--page")
    assert "Invalid" not in text.output and "Usage" not in text.output
    assert len(text.output.strip().splitlines()) == 1
    as_json = run("ask", "--json", "--page", value, BROAD)
    assert_user_error(as_json)
    assert "--page" in json.loads(as_json.stdout)["error"]


def test_page_without_a_question_says_how_the_interactive_mode_pages(run: Run) -> None:
    assert_user_error(run("ask", "--page", "2", input=""), "--page 要有问题", "输入「更多」")


def test_page_applies_to_every_question_of_a_batch(run: Run, tmp_path: Path) -> None:
    questions = tmp_path / "问题.txt"
    questions.write_text(f"{BROAD}\n谢谢\n老年大学\n", encoding="utf-8")
    done = run("ask", "--json", "--page", "2", "--batch", str(questions))
    assert_ok(done)
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    for line, question in zip(lines, (BROAD, "谢谢", "老年大学"), strict=True):
        assert_answer_schema(line)
        assert line["page"] == 2
        if question != "谢谢":
            assert line == json_page(run, question, 5, 2)
    assert lines[1]["small_talk"] == "thanks"  # its reply on any page


def test_docx_of_a_later_page_holds_that_page_and_a_page_past_the_end_writes_none(
    run: Run, tmp_path: Path
) -> None:
    target = tmp_path / "第二页.docx"
    assert_ok(run("ask", "--page", "2", BROAD, "--docx", str(target)))
    headings = [p.text for p in docx.Document(str(target)).paragraphs if p.style.name.startswith("Heading")]
    ranks = [int(h.split(".")[0]) for h in headings if re.match(r"\d+\.", h)]
    assert ranks == [r["rank"] for r in json_page(run, BROAD, 5, 2)["results"]]
    missing = tmp_path / "没有.docx"
    refused: Result = run("ask", "--page", "100000", BROAD, "--docx", str(missing))
    assert_user_error(refused, "没有第 100000 页：没有生成 Word 文件")
    assert not missing.exists()


def test_a_pinned_answer_is_on_the_first_page_only_and_later_pages_are_the_repls(run: Run) -> None:
    """With a pin the first page leads with the agreed passage (as 「更多」 pages it, pins are served on every
    page's search): `--page` pages equal the interactive mode's, the pinned passage once, on page 1."""
    assert_ok(run("pin", BROAD, "54"))
    pages = [json_page(run, BROAD, 3, 1)]
    while pages[-1]["has_more"]:
        pages.append(json_page(run, BROAD, 3, len(pages) + 1))
    assert pages[0]["results"][0]["passage_id"] == 54 and pages[0]["results"][0]["pinned"]
    ids = [[r["passage_id"] for r in page["results"]] for page in pages]
    assert ids == repl_pages(run, BROAD, 3, len(pages) + 1, BROAD)
    assert [i for page in ids for i in page].count(54) == 1
    assert not any(r["pinned"] for page in pages[1:] for r in page["results"])
