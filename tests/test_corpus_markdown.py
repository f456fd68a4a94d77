"""Markdown (.md): an article exported from a knowledge base, read as the page it renders to (corpus/markdown.py).

The example is laid out as 语雀's, 飞书's and Obsidian's exports are: YAML front matter, an ``#`` title, a
``>`` export note, a pipe table, numbered and bulleted lists, ``**bold**``, links, an image, a ``<br>`` an
editor left. The property writes sentences into Markdown's block and inline marks at random and checks
that each arrives once, in order, without a mark.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.documents import squeeze
from corpus import parse_document, read_bytes
from corpus.errors import EmptyDocument, TooLarge
from corpus.markdown import front_matter
from tests.test_corpus_documents import find_in_order

EXAMPLES = int(os.environ.get("SPEECHQA_PROPERTY_EXAMPLES", "25"))

ARTICLE = """\
---
title: "老年大学选课常见问题"
author: 教务处
date: 2027-08-02 09:30:00
tags: [老年大学, 选课]
---

# 老年大学选课常见问题

> 本文由知识库导出。

学校秋季学期共开设**二十六门**课程，详见[课程表](https://kb.example.cn/courses)。<br>如有疑问请致电教务处。

## 选课时间

| 学员类别 | 选课时间 | 方式 |
| --- | :---: | --- |
| 老学员 | 8月16日至20日 | 线上 |
| 新学员 | 8月23日至27日 | 现场 |

## 注意事项

1. 每人最多选三门课。
2. 选定后*两周内*可以退课。

- 退课请到一楼窗口办理。
- 学费按已上课时折算退还。

![教学楼平面图](img/plan.png)
"""


def test_a_knowledge_base_article_reads_as_its_headings_rows_and_paragraphs() -> None:
    document = read_bytes("选课常见问题.md", ARTICLE.encode("utf-8"))
    blocks = [(b.kind, b.text) for b in document.blocks]
    assert blocks[0] == ("title", "老年大学选课常见问题")
    assert ("heading", "选课时间") in blocks and ("heading", "注意事项") in blocks
    assert ("table_row", "学员类别：老学员；选课时间：8月16日至20日；方式：线上") in blocks
    assert ("paragraph", "1. 每人最多选三门课。") in blocks
    assert ("paragraph", "2. 选定后两周内可以退课。") in blocks
    assert ("paragraph", "退课请到一楼窗口办理。") in blocks
    text = document.text
    assert "学校秋季学期共开设二十六门课程，详见课程表。" in text
    assert "如有疑问请致电教务处。" in text
    for mark in ("**", "](", "![", "| ---", "<br>", "---", "img/plan.png", "https://", "tags", "author"):
        assert mark not in text, mark
    assert document.sent == "2027-08-02"  # the front matter's date: the article names none of its own


def test_the_front_matter_dates_the_speech_and_titles_an_article_without_a_heading() -> None:
    data = ARTICLE.replace("# 老年大学选课常见问题\n", "").encode("utf-8")
    [speech] = parse_document(read_bytes("kb-export-0802.md", data))
    assert speech.title == "老年大学选课常见问题"
    assert speech.date == "2027-08-02"


@pytest.mark.parametrize(
    ("head", "title", "date"),
    [
        ("---\ntitle: 通知\ndate: 2027/5/20\n---\n", "通知", "2027-05-20"),
        ("---\ntitle: '通知'\ncreated: 2027年5月20日\n---\n", "通知", "2027-05-20"),
        ("---\nupdated: 2027-13-40\n---\n", None, None),
        ("", None, None),
        ("正文---\n", None, None),
    ],
)
def test_front_matter_is_read_only_at_the_top(head: str, title: str | None, date: str | None) -> None:
    meta, rest = front_matter(head + "正文。\n")
    assert (meta.title, meta.date) == (title, date)
    assert rest.endswith("正文。\n") and ("title:" not in rest)


def test_a_markdown_file_saved_in_gbk_is_decoded() -> None:
    document = read_bytes("说明.md", "# 活动室说明\n\n棋牌室在二楼，每天开放。\n".encode("gbk"))
    assert "棋牌室在二楼，每天开放。" in document.text


def test_a_markdown_file_over_the_plain_text_limit_is_refused_before_it_is_read() -> None:
    with pytest.raises(TooLarge, match="纯文本文件最多 10 MB"):
        read_bytes("导出.md", b"a" * (10 * 1024 * 1024 + 1))


sentence = st.text(
    alphabet="老干部活动中心报名时间地点医院体检费用标准补助通知讲座", min_size=3, max_size=14
).map(lambda s: s + "。")


def _marked(text: str, how: int) -> str:
    """A sentence with one of Markdown's inline marks around part of it."""
    head, tail = text[:2], text[2:]
    return [
        text,
        f"**{head}**{tail}",
        f"*{head}*{tail}",
        f"[{head}](https://kb.example.cn/a){tail}",
        f"`{head}`{tail}",
    ][how]


block = st.tuples(
    st.sampled_from(["para", "quote", "item", "number", "heading"]),
    st.lists(st.tuples(sentence, st.integers(0, 4)), min_size=1, max_size=3),
)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(block, min_size=1, max_size=10))
def test_every_sentence_of_a_markdown_article_arrives_once_in_order_without_marks(
    blocks: list[tuple[str, list[tuple[str, int]]]],
) -> None:
    lines, sentences = ["# 标题文字", ""], []
    for kind, parts in blocks:
        text = "".join(_marked(s, how) for s, how in parts)
        sentences.extend(s for s, _ in parts)
        prefix = {"para": "", "quote": "> ", "item": "- ", "number": "1. ", "heading": "## "}[kind]
        lines.extend([prefix + (text.rstrip("。") if kind == "heading" else text), ""])
    if all(kind == "heading" for kind, _ in blocks):  # headings only: no sentence to read
        with pytest.raises(EmptyDocument, match="只有标题或零散的字词，没有成句的文字"):
            read_bytes("随机.md", "\n".join(lines).encode("utf-8"))
        return
    document = read_bytes("随机.md", "\n".join(lines).encode("utf-8"))
    bare = [s.rstrip("。") for s in sentences]  # a heading's sentence is set without its 「。」
    unique = [s for s in bare if sum(s in o for o in bare) == 1]  # none inside another, nor twice
    squeezed = [squeeze(s) for s in unique]
    assert find_in_order(squeezed, document.text) == []
    for mark in ("**", "](", "`", "> ", "## "):
        assert mark not in document.text
