"""An article copied from a WeChat official account and pasted into Notepad reads as the article.

The fifteenth blind set's 银发田园地块认领.txt read, before: title 「点击蓝字 关注我们」 (the account's
invitation to follow), 日期不详, the byline 「原创 黛川老干部 黛川老干部 2026年03月02日 18:05」 run into the first
passage with the headline, and the last passage 「—END—来源：…编辑：…往期推荐银发课堂｜…阅读原文」. Now the account's
lines are dropped, the headline is the title and the day posted the date when the article names none
(corpus/wechat.py).

Texts laid out as a phone's copy gives them (tests/fixtures/corpus_writers.wechat_paste: hard line breaks
every 18 characters, emoji kept), saved as UTF-8 with CRLF as Notepad saves them.
"""

from __future__ import annotations

from pathlib import Path

from corpus import parse_document, read_document
from corpus.wechat import read_article
from tests.fixtures.corpus_writers import wechat_paste, write_crlf_text

HEADLINE = "重阳登高走起来！老同志健步走活动报名啦🍂"
PARAGRAPHS = [
    "金秋送爽🍁，为庆祝重阳节，区老干部活动中心将组织老同志开展重阳登高健步走活动，欢迎大家报名参加👏",
    "🏃活动时间：10月29日上午9:00，在凤凰山公园南门集合，全程约3公里。",
    "✍️报名方式：10月25日前向各支部联络员报名，每个支部限报15人。",
    "⚠️温馨提示：患有心脏病、高血压的老同志请量力而行，自备饮用水。",
]
HEAD = ["点击上方蓝字关注我们", "", HEADLINE, "原创 青溪老干部 青溪老干部 2026年10月20日 09:12 青溪"]
FOOT = [
    "— END —",
    "",
    "编辑：周小禾 | 审核：陈立",
    "",
    "往期推荐",
    "老干部书画展开幕啦",
    "",
    "阅读原文",
    "分享 收藏 在看 点赞",
]


def _write(folder: Path, lines: list[str]) -> Path:
    path = folder / "健步走.txt"
    write_crlf_text(lines, path, "utf-8")
    return path


def test_a_pasted_wechat_article_reads_as_the_article(tmp_path: Path) -> None:
    [speech] = parse_document(read_document(_write(tmp_path, wechat_paste(HEAD, PARAGRAPHS, FOOT))))
    assert (speech.title, speech.date) == (HEADLINE, "2026-10-20")
    body = "".join(p.text for p in speech.paragraphs)
    at = -1
    for paragraph in PARAGRAPHS:  # every sentence once, in order, its hard line breaks undone
        assert body.count(paragraph) == 1, paragraph
        assert body.index(paragraph) > at
        at = body.index(paragraph)
    for frame in ("关注", "原创", "END", "编辑", "往期推荐", "书画展", "阅读原文", "在看"):
        assert frame not in body, frame
    # a paragraph ending in emoji instead of 「。」 is finished: the next one is a paragraph of its own
    assert PARAGRAPHS[1] in [p.text for p in speech.paragraphs]


def test_an_article_naming_its_own_date_keeps_it(tmp_path: Path) -> None:
    dated = [*PARAGRAPHS, "区委老干部局", "2026年10月18日"]
    [speech] = parse_document(read_document(_write(tmp_path, wechat_paste(HEAD, dated, FOOT))))
    assert speech.date == "2026-10-18"


def test_a_notice_with_one_such_line_is_left_as_it_is() -> None:
    """One mark alone — a sentence inviting readers to follow, or a closing 「阅读原文」 — is no article."""
    for text in (
        "关于健步走活动的通知\n欢迎点击蓝字关注我们的公众号。\n" + "\n".join(PARAGRAPHS),
        "\n".join([HEADLINE, *PARAGRAPHS, "阅读原文"]),
        "\n".join(["点击蓝字 关注我们", HEADLINE, *PARAGRAPHS]),
    ):
        assert read_article(text).text == text
        assert read_article(text).title is None
