"""A site's page printed to PDF from a browser reads as the notice on it, without the site around it.

Staff keep a notice published on a site by printing the page to PDF (「打印」 → 「另存为 PDF」, headers and
footers on, as Chrome and Edge default to). The PDF holds the browser's lines — the time printed and the
page's title across each page's top, its address and 「1/2」 across the foot — and the page as the screen
lays it out: the site's name and menu, the breadcrumb, the title, the info line (「发布时间：… 来源：…
浏览次数：…」), the notice, 「【打印本页】【关闭窗口】」, 「相关链接」 with their titles and the site's footer.
The nineteenth blind set's 银龄护河志愿巡河活动通知.pdf read the menu into its title (「首页机构概况…关于招募…」),
its issuer from the info line's 来源 (「组织宣传处」) and the links and footer as a passage. Now the site's
lines are found by the breadcrumb among the first lines with the info line under it, and dropped
(corpus/html.py ``printed_page_lines``, applied to PDFs in corpus/reader.py); the browser's own lines are
page furniture, dropped as before.

Files made by a real producer: reportlab with Noto Serif CJK SC (tests/fixtures/corpus_writers
.write_browser_print_pdf, write_reportlab_pdf).
"""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus import chunk_speech, parse_document, read_document
from corpus.conservation import check_conservation
from corpus.html import printed_page_lines
from tests.fixtures.corpus_writers import write_browser_print_pdf, write_reportlab_pdf

EXAMPLES = int(os.environ.get("SPEECHQA_PROPERTY_EXAMPLES", "25"))

NOTICE = [
    ("title", "关于开展离退休干部“书香银龄”读书征文活动的通知"),
    ("body", "各区老干部局，市直各单位老干部工作部门："),
    (
        "body",
        "为营造读书氛围，市委老干部局决定在全市离退休干部中开展“书香银龄”读书征文活动。现将有关事项通知如下：",
    ),
    ("heading1", "一、征文内容"),
    ("body", "围绕读一本好书、讲一个故事，撰写读书心得，体裁不限，每篇不超过3000字。"),
    ("heading1", "二、评选奖励"),
    ("body", "征文设一等奖5名、二等奖10名、三等奖20名，获奖作品将在老干部之家网站刊登。"),
    ("heading1", "三、报送时间"),
    ("body", "请于2026年9月30日前将征文电子稿报送市委老干部局宣传处，联系人：宋知远，电话：0571-8765432。"),
    ("right", "中共岑川市委老干部局"),
    ("right", "2026年7月8日"),
]
SITE = dict(
    site="岑川市委老干部局",
    menu=["首页", "机构概况", "工作动态", "通知公告", "政策法规"],
    related=["市委老干部局召开读书会", "关于开展离退休干部书画展的通知"],
    footer=["主办单位：中共岑川市委老干部局", "网站标识码：3300000099　浙ICP备12345678号-3"],
    url="https://www.cclgj.gov.cn/art/2026/7/8/art_1_20260708.html",
    printed="2026/8/3 15:02",
    published="2026-07-08 16:40",
    source="宣传处",
)


def _speech(path: Path):  # type: ignore[no-untyped-def]
    document = read_document(path)
    [speech] = parse_document(document)
    assert check_conservation(document, [p.text for p in chunk_speech(speech)]).ok
    return speech


def test_a_printed_page_reads_as_the_notice_printed_on_its_own(tmp_path: Path) -> None:
    printed, typed = tmp_path / "printed.pdf", tmp_path / "typed.pdf"
    write_browser_print_pdf(NOTICE, printed, **SITE)  # type: ignore[arg-type]
    write_reportlab_pdf(NOTICE, typed, author="岑川市委老干部局")
    speech = _speech(printed)
    assert (speech.title, speech.date, speech.issuer) == (
        "关于开展离退休干部“书香银龄”读书征文活动的通知",
        "2026-07-08",
        "中共岑川市委老干部局",
    )
    assert [(p.section, p.text) for p in speech.paragraphs] == [
        (p.section, p.text) for p in _speech(typed).paragraphs
    ]
    site = [
        "机构概况",
        "当前位置",
        "浏览次数",
        "打印本页",
        "相关链接",
        "书画展",
        "ICP备",
        "https://",
        "2026/8/3",
    ]
    assert not [mark for mark in site for p in speech.paragraphs if mark in p.text]


def test_a_function_line_followed_by_sentences_keeps_them() -> None:
    lines = [
        "当前位置：首页 > 通知公告 > 正文",
        "关于举办健步走活动的通知",
        "发布时间：2026-05-06 来源：文体处 浏览次数：88",
        "活动定于5月20日上午举行。",
        "分享到：",
        "报名请联系文体处。",
    ]
    assert printed_page_lines(lines) == {0, 2}


def test_a_document_without_a_breadcrumb_and_an_info_line_is_left_alone() -> None:
    lines = [
        "关于举办健步走活动的通知",
        "来源：文体处",
        "活动定于5月20日上午举行。",
        "相关链接",
        "市委老干部局",
    ]
    assert printed_page_lines(lines) == set()
    assert printed_page_lines(["当前位置：首页 > 通知公告", "标题", "活动定于5月20日上午举行。"]) == set()


_SENTENCE = st.text(alphabet="老干部局活动通知报名时间地点参加人员市委", min_size=4, max_size=30).map(
    lambda s: s + "。"
)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    body=st.lists(_SENTENCE, min_size=1, max_size=12),
    links=st.lists(st.text(alphabet="关于老干部工作会议通知", min_size=4, max_size=20), max_size=5),
)
def test_every_sentence_of_the_notice_is_kept_and_every_site_line_dropped(
    body: list[str], links: list[str]
) -> None:
    head = [
        "岑川市委老干部局",
        "首页 机构概况 通知公告",
        "当前位置：首页 > 通知公告 > 正文",
        "关于开展活动的通知",
    ]
    info = ["发布时间：2026-07-08 来源：宣传处 浏览次数：12"]
    foot = ["【打印本页】【关闭窗口】", "相关链接", *links, "网站标识码：3300000099 浙ICP备12345678号-3"]
    lines = [*head, *info, *body, *foot]
    dropped = printed_page_lines(lines)
    assert [line for n, line in enumerate(lines) if n not in dropped] == ["关于开展活动的通知", *body]


def test_a_printed_notice_without_a_date_is_dated_by_its_info_line(tmp_path: Path) -> None:
    undated = [part for part in NOTICE if part != ("right", "2026年7月8日")]
    path = tmp_path / "printed.pdf"
    write_browser_print_pdf(undated, path, **{**SITE, "published": "2026-07-09 16:40"})  # type: ignore[arg-type]
    assert _speech(path).date == "2026-07-09"
