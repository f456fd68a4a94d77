"""A WeChat official account's article saved from the browser (.mht or .html) reads as the article alone.

Bureaus post notices on their 公众号, and staff open the article in the browser and save it (「网页，单个文件」
or 「网页，全部」). The page holds, around the article, the account's frame: inside the article the
invitation to follow (「点击蓝字 关注我们」) and, under it, 「END」 and the credits (「来源：…」「编辑：…」
「审核：…」); outside it the byline, 「阅读原文」, 「继续滑动看下一个」 and readers' comments. The nineteenth
blind set's 中医针灸理疗室开诊.mht read the invitation as a heading over every paragraph, ran 「END」 and the
credits into the last paragraph and had no date. Now a page with WeChat's markup (``#js_content``) has the
account's lines inside the article removed by the rule for such an article pasted as text
(corpus/wechat.py ``account_lines``; corpus/html.py ``_drop_account_frame``), and the day in its
``#publish_time`` dates it when it names no date of its own.

Files made by real producers: lxml for the page laid out as mp.weixin.qq.com's, the email package for the
.mht as Chromium saves it (tests/fixtures/corpus_writers.wechat_page, mht).
"""

from __future__ import annotations

from pathlib import Path

from corpus import chunk_speech, parse_document, read_document
from corpus.conservation import check_conservation
from tests.fixtures.corpus_writers import gov_page, mht, wechat_page

SECTIONS = [
    ("", ["为方便老同志就近锻炼，市老干部活动中心健身房完成改造，4月1日起免费开放。"]),
    ("💪 开放时间", ["每周二至周日上午8点至11点半、下午2点至5点开放，周一闭馆消毒。"]),
    (
        "💪 使用须知",
        ["首次使用须签订安全承诺书，年满80周岁的须由家属陪同。", "每次锻炼时间不超过一个半小时。"],
    ),
]


def _page(sections=SECTIONS, published: str = "2026年03月25日 08:05") -> bytes:  # type: ignore[no-untyped-def]
    return wechat_page(
        title="健身房免费开放啦",
        account="岑川老干部",
        author="文体处",
        published=published,
        region="浙江",
        head=["点击蓝字 关注我们"],
        sections=sections,
        foot=["— END —", "来源：市老干部活动中心", "编辑：严雨 | 审核：宋知远"],
        comments=[("老李", "浙江", "3月25日", 8, "周一能不能也开？")],
    )


def _speech(path: Path):  # type: ignore[no-untyped-def]
    document = read_document(path)
    [speech] = parse_document(document)
    assert check_conservation(document, [p.text for p in chunk_speech(speech)]).ok
    return speech


def test_an_article_saved_as_mht_reads_as_the_article_alone(tmp_path: Path) -> None:
    path = tmp_path / "健身房.mht"
    path.write_bytes(mht(_page(), "utf-8", location="https://mp.weixin.qq.com/s/abc"))
    speech = _speech(path)
    assert (speech.title, speech.date) == ("健身房免费开放啦", "2026-03-25")
    assert [(p.section, p.text) for p in speech.paragraphs] == [
        (None, "为方便老同志就近锻炼，市老干部活动中心健身房完成改造，4月1日起免费开放。"),
        ("💪 开放时间", "每周二至周日上午8点至11点半、下午2点至5点开放，周一闭馆消毒。"),
        ("💪 使用须知", "首次使用须签订安全承诺书，年满80周岁的须由家属陪同。"),
        ("💪 使用须知", "每次锻炼时间不超过一个半小时。"),
    ]


def test_the_same_article_saved_as_html_reads_the_same(tmp_path: Path) -> None:
    saved, single = tmp_path / "健身房.html", tmp_path / "健身房.mht"
    saved.write_bytes(_page())
    single.write_bytes(mht(_page(), "utf-8"))
    assert [(p.section, p.text) for p in _speech(saved).paragraphs] == [
        (p.section, p.text) for p in _speech(single).paragraphs
    ]


def test_an_article_naming_its_own_date_keeps_it(tmp_path: Path) -> None:
    dated = [*SECTIONS, ("", ["市老干部活动中心", "2026年3月20日"])]
    path = tmp_path / "健身房.html"
    path.write_bytes(_page(dated))
    assert _speech(path).date == "2026-03-20"


def test_an_end_line_on_another_site_is_not_taken_for_an_account_foot(tmp_path: Path) -> None:
    parts = [
        ("title", "关于开放老干部活动中心健身房的通知"),
        ("body", "市老干部活动中心健身房4月1日起免费开放。"),
        ("body", "完"),
        ("body", "编辑：严雨"),
    ]
    path = tmp_path / "notice.html"
    path.write_bytes(gov_page(parts))
    texts = " ".join(p.text for p in _speech(path).paragraphs)
    assert "编辑：严雨" in texts
