"""Paragraphs led by a label are items of the text: each is a passage of its own, cited under its label.

The fifteenth blind set's WeChat article (银发田园地块认领.txt) has no numbered items: each paragraph is an item
led by an emoji and a label (「🥬地块情况：…」「💰认领费用：…」). Before, nothing marked them as items, and they were
packed three or four to a passage (a colloquial question on one item sat in a passage about four). Notices do
the same in Word, with the label in bold (「活动时间：」「报名方式：」), after ■/●/▲/◆ or in 【】. Such a paragraph
now has its label as its section (under the section it is in), for that paragraph only — so chunking, which
never merges across sections, leaves it a passage of its own.

Prose with colons is left as it was: a salutation, 「我强调三点：」, a quote 「他说：“…”」, an interview's turns
(「记者：」「沈国栋：」, said again and again), a form's short fields and contact lines.

Files are made by their real producers: python-docx (a notice with bold run-in labels), a phone's copy of a
WeChat article pasted into Notepad (tests/fixtures/corpus_writers.wechat_paste) and a reportlab PDF whose
items wrap over several lines.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from docx import Document as WordDocument
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus import chunk_speech, parse_document, read_document
from corpus.chunk import MEASURED_MERGE_TO
from corpus.records import PassageDraft, Speech
from tests.fixtures.corpus_writers import wechat_paste, write_crlf_text, write_reportlab_pdf

NOTICE_TITLE = "关于组织离退休干部参观市规划展览馆的通知"
NOTICE_ITEMS = [
    ("活动名称：", "“看城市新貌、话发展变化”参观活动。"),
    ("活动时间：", "2026年5月20日上午9:00，活动约两小时。"),
    ("集合地点：", "市老干部活动中心东门，统一乘车前往。"),
    ("参加对象：", "市直单位离退休干部，每个单位限报10人。"),
    ("报名方式：", "5月15日前向本单位离退休干部联络员报名。"),
    ("报名渠道：", "也可在“黛川老干部”公众号留言报名。"),
    ("工作要求：", "请各单位安排专人陪同，做好安全保障。"),
]
NOTICE_CLOSE = "请各单位做好组织工作，提醒老同志注意安全。"


def _notice_docx(path: Path) -> Path:
    doc = WordDocument()
    doc.add_paragraph(NOTICE_TITLE)
    doc.add_paragraph("市直各单位：")
    doc.add_paragraph(
        "为丰富离退休干部精神文化生活，市委老干部局定于5月组织参观市规划展览馆，现将有关事项通知如下。"
    )
    for label, text in NOTICE_ITEMS:
        paragraph = doc.add_paragraph()
        paragraph.add_run(label).bold = True
        paragraph.add_run(text)
    doc.add_paragraph(NOTICE_CLOSE)
    doc.add_paragraph("市委老干部局")
    doc.add_paragraph("2026年5月8日")
    doc.save(str(path))
    return path


def _passages(speech: Speech) -> list[PassageDraft]:
    return chunk_speech(speech, merge_to=MEASURED_MERGE_TO)


def _holding(passages: list[PassageDraft], text: str) -> PassageDraft:
    [passage] = [p for p in passages if text in p.text]
    return passage


def test_a_word_notice_with_bold_labels_gives_each_item_its_passage(tmp_path: Path) -> None:
    [speech] = parse_document(read_document(_notice_docx(tmp_path / "参观通知.docx")))
    passages = _passages(speech)
    for label, text in NOTICE_ITEMS:
        passage = _holding(passages, label + text)
        assert passage.text == label + text  # the item alone, its label kept in the text
        assert passage.section == label.rstrip("：")
    # the paragraphs around the items are no item and keep no label
    assert _holding(passages, NOTICE_CLOSE).section is None
    assert _holding(passages, "现将有关事项通知如下").section is None


ARTICLE_TITLE = "重阳登高走起来！老同志健步走活动报名啦🍂"
ARTICLE = [
    "金秋送爽🍁，为庆祝重阳节，区老干部活动中心将组织老同志开展重阳登高健步走活动，欢迎大家报名参加👏",
    "🏃活动时间：10月29日上午9:00，在凤凰山公园南门集合，全程约3公里。",
    "🚌交通安排：当天上午8:00，免费班车从区老干部活动中心出发，活动结束后送回。",
    "✍️报名方式：10月25日前向各支部联络员报名，每个支部限报15人。",
    "报名人数较多的支部，由联络员按报名先后确定名单。",
    "⚠️温馨提示：患有心脏病、高血压的老同志请量力而行，自备饮用水。",
]
ARTICLE_HEAD = [
    "点击上方蓝字关注我们",
    "",
    ARTICLE_TITLE,
    "原创 青溪老干部 青溪老干部 2026年10月20日 09:12 青溪",
]
ARTICLE_FOOT = ["— END —", "", "编辑：周小禾 | 审核：陈立", "", "阅读原文", "分享 收藏 在看 点赞"]


def test_a_pasted_wechat_article_reads_its_emoji_led_items(tmp_path: Path) -> None:
    path = tmp_path / "健步走.txt"
    write_crlf_text(wechat_paste(ARTICLE_HEAD, ARTICLE, ARTICLE_FOOT), path, "utf-8")
    [speech] = parse_document(read_document(path))
    passages = _passages(speech)
    for paragraph, section in zip(
        ARTICLE, [None, "活动时间", "交通安排", "报名方式", None, "温馨提示"], strict=True
    ):
        passage = _holding(passages, paragraph)
        assert passage.section == section, paragraph
        if section is not None:
            assert passage.text == paragraph  # three items fit in 200 characters: they are not packed
    # the paragraph after an item is back in the article's own section: the label named one paragraph
    assert _holding(passages, ARTICLE[4]).section is None


def test_items_wrapped_over_lines_of_a_pdf_read_whole(tmp_path: Path) -> None:
    """A reportlab PDF wraps each item over two or three lines: the item is rejoined, and a wrapped line
    that happens to open with 「…：」 is not taken for an item."""
    body = [
        "为丰富离退休干部精神文化生活，市委老干部局定于5月组织参观市规划展览馆，现将有关事项通知如下。",
        *(
            f"■{label}{text}请各位老同志相互转告，按时参加，如有特殊情况请提前向联络员说明原因。"
            for label, text in NOTICE_ITEMS
        ),
    ]
    path = tmp_path / "参观通知.pdf"
    write_reportlab_pdf([("title", NOTICE_TITLE), *(("body", p) for p in body)], path, author="市委老干部局")
    [speech] = parse_document(read_document(path))
    passages = _passages(speech)
    for label, text in NOTICE_ITEMS:
        passage = _holding(passages, label + text)
        assert passage.section == label.rstrip("：")
        assert passage.text.startswith("■" + label) and passage.text.endswith("说明原因。")


PROSE = [
    "同志们：",
    "今天召开全市老干部工作会议，主要任务是总结工作、部署任务。我强调三点：",
    "第一，提高政治站位。老干部工作是党的组织工作的重要组成部分。",
    "第二，强化服务保障。要把老同志的冷暖放在心上。",
    "老党员王大爷说：“党的政策好，我们晚年生活有保障，心里踏实。”",
    "记者：您退休以后主要参加哪些活动？",
    "沈国栋：我参加了老年大学的书法班，每周上两次课，收获很大。",
    "记者：您对老干部工作有什么建议？",
    "沈国栋：希望多组织一些适合高龄老同志的活动，方便大家参加。",
    "姓名：张三",
    "性别：男",
    "民族：汉族",
    "联系人：王芳，联系电话：0739-5288163。",
]


def test_prose_with_colons_is_read_as_before(tmp_path: Path) -> None:
    path = tmp_path / "讲话.txt"
    write_crlf_text(["在全市老干部工作会议上的讲话", *PROSE], path, "utf-8")
    [speech] = parse_document(read_document(path))
    sections = {p.section for p in speech.paragraphs}
    labels = {"王大爷说", "记者", "沈国栋", "姓名", "性别", "民族", "联系人", "我强调三点"}
    assert not {part for s in sections if s for part in s.split(" › ")} & labels, sections


_LABEL_CHARS = "活动时间地点报名方式费用交通安排温馨提示注意事项参加对象咨询服务内容要求"
_SENTENCE_CHARS = "老同志报名参加活动时间地点费用免费班车基地提供服务市委老干部局安排统一"
_MARKS = ["", "🥬", "💰", "✍️", "⚠️", "■", "●", "▲", "◆", "【"]


@st.composite
def _articles(draw: st.DrawFn) -> list[tuple[str, list[str]]]:
    """Paragraphs, each (text, its body sentences): label-led items with random labels and marks, among
    plain paragraphs."""
    paragraphs = []
    for _ in range(draw(st.integers(2, 8))):
        sentences = [
            draw(st.text(alphabet=_SENTENCE_CHARS, min_size=4, max_size=60)) + draw(st.sampled_from("。！；"))
            for _ in range(draw(st.integers(1, 4)))
        ]
        label = draw(st.text(alphabet=_LABEL_CHARS, min_size=2, max_size=8))
        mark = draw(st.sampled_from([None, *_MARKS]))
        if mark is None:
            lead = ""
        elif mark == "【":
            lead = f"【{label}】"
        else:
            lead = f"{mark}{label}："
        paragraphs.append((lead + "".join(sentences), sentences))
    return paragraphs


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_articles())
def test_whatever_the_labels_every_sentence_reaches_one_passage_in_order(
    paragraphs: list[tuple[str, list[str]]],
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "通知.txt"
        lines = ["关于老同志活动安排的通知"]
        for text, _ in paragraphs:
            lines += [text, ""]
        write_crlf_text(lines, path, "utf-8")
        [speech] = parse_document(read_document(path))
    passages = [p.text for p in _passages(speech)]
    joined = "".join(passages)
    at = 0
    for _, sentences in paragraphs:
        for sentence in sentences:
            found = joined.find(sentence, at)
            assert found >= 0, sentence  # every sentence, in order
            at = found + len(sentence)
    # and none twice: the passages hold the paragraphs' characters, no more
    assert len(joined) == len("".join(text for text, _ in paragraphs))


def test_a_bulleted_list_under_a_heading_line_is_items_alike_even_when_a_label_reads_as_a_name() -> None:
    """cold16's WordPad RTF reminder: a bold 「常见陷阱」, then five bullets 「高息理财：…」 「以房养老：…」…. The first was
    read as the heading's text (高息理财 reads as a name, 高 a surname; the heading line was taken for an unfinished
    sentence) and the four after it as items under their labels: now all five are items alike."""
    path = (
        Path(__file__).resolve().parent.parent / "benchmarks" / "corpus-cold16" / "防范养老理财陷阱提醒.rtf"
    )
    [speech] = parse_document(read_document(path))
    labels = ["高息理财", "以房养老", "保健品免费体验", "收藏品回购", "冒充工作人员"]
    items = [p for p in speech.paragraphs if p.section and p.section.startswith("常见陷阱")]
    assert [p.section for p in items] == [f"常见陷阱 › {label}" for label in labels]
    assert all(p.text.startswith(f"{label}：") for p, label in zip(items, labels, strict=True))
