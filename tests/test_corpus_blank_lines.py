"""A plain text's blank line ends a paragraph (docs/read64.md, item 1).

A forwarded notice in a plain-text mail (or that mail saved as a .txt) reads its forwarder's signature, a blank
line, then the notice pasted under it. main ran the signature 「组织科　骆文斌」 into the notice's title and the
title into its 主送 (「收到请回复，谢谢。组织科骆文斌关于组织……的通知各离退休干部党支部：」). Now an unfinished
paragraph does not run on into a line a blank line stands above, nor a short fragment fold into it — where the
text parts paragraphs by blank lines (a double-spaced text, a blank after every line, says nothing by them) —
and a 主送 or salutation line does not continue a title (「……的通知」) over it.

Files: ``tests/fixtures/blank_lines/forwarded_notice.eml`` and ``.txt``, made by ``make_blank_lines.py``
there (Python's email package); the screenshot pasted into an HTML mail
(``tests/fixtures/html_mail/pasted_notice.eml``) is read by OCR where an engine is installed.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from corpus import installed_engines, parse_document, read_bytes
from corpus.parse import blank_breaks
from corpus.plaintext import plain_lines
from tests.fixtures.blank_lines.make_blank_lines import COVER, NOTICE
from tests.fixtures.html_mail.make_pasted_notice_mail import NOTICE as PASTED_NOTICE

HERE = Path(__file__).parent / "fixtures"


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _passages(name: str) -> list[str]:
    path = HERE / name
    [speech] = parse_document(read_bytes(path.name, path.read_bytes()))
    return [p.text for p in speech.paragraphs if not (p.section or "").startswith(("附件", "文件信息"))]


@pytest.mark.parametrize("name", ["blank_lines/forwarded_notice.eml", "blank_lines/forwarded_notice.txt"])
def test_a_signature_over_a_blank_line_is_not_run_into_the_notice_pasted_under_it(name: str) -> None:
    passages = _passages(name)
    signature, title, addressee = squash(COVER[-1]), NOTICE[0], NOTICE[1]
    # the cover note's last line is the signature: the sender's card, the 「发件人签名」 section after the notice
    # (docs/mail64.md), in the mail saved as text too (docs/read65.md); the notice's title stands apart from both
    assert passages[-1] == COVER[-1]
    passages = passages[:-1]
    assert title in passages
    assert not any(signature in squash(p) and title in p for p in passages)
    assert not any(f"{title}{addressee}" in p for p in passages)
    # every line of the mail's text, once and in order
    body = "".join(passages)
    cover = COVER[1:-1]
    expected = [squash(line) for line in (*cover, *NOTICE[:-2])]
    assert squash(body) == "".join(expected)


@pytest.mark.skipif(not installed_engines(), reason="no OCR engine installed")
def test_a_screenshot_pasted_under_a_signature_reads_its_title_apart() -> None:
    passages = _passages("html_mail/pasted_notice.eml")
    title, addressee = PASTED_NOTICE[0], PASTED_NOTICE[1]
    assert not any("骆文斌" in p and title in p for p in passages)
    assert not any(f"{title}{addressee}" in p for p in passages)


def test_a_blank_line_after_every_line_parts_nothing() -> None:
    """A typist's blank line after every line, inside sentences too: the blank lines are dropped and the
    wrapped lines joined as a single-spaced text's are; one-line paragraphs with a blank after each say no
    more by them than by their line ends, and read as before."""
    wrapped = [
        "为丰富离退休干部精神文化生活，定于十月十日上午九点在滨江公",
        "园举行秋季健步走活动，全程约三公里，沿途设饮水点和医疗服务",
        "点。请各支部于十月八日前报送参加人数，年满八十周岁的老同志",
        "请家属陪同。",
    ]
    head = ["关于组织秋季健步走活动的通知", "各离退休干部党支部："]
    double = "\n\n".join([*head, *wrapped, "枫渚县委老干部局"])
    assert plain_lines(double) == [*head, "".join(wrapped), "枫渚县委老干部局"]
    lines = [*head, "定于十月十日举行健步走活动。", "枫渚县委老干部局", "2026年9月30日"]
    assert plain_lines("\n\n".join(lines)) == lines
    # a hard-wrapped text with a blank line between its paragraphs keeps them
    parted = "\n".join(wrapped) + "\n\n组织科　骆文斌\n\n" + "\n".join(head)
    assert plain_lines(parted) == ["".join(wrapped), "", "组织科　骆文斌", "", *head]
    assert blank_breaks(["一", "二", "", "三", "四"]) == {3}


# Words that make clauses and no name, date, number or heading of their own; a clause of six or more is no
# fragment (under 12 characters a paragraph is folded into its neighbour)
_WORDS = [
    "离退休干部",
    "活动中心",
    "组织",
    "报名",
    "服务",
    "学习",
    "安排",
    "参加",
    "志愿",
    "工作",
    "健康",
    "读书",
]
_clause = st.lists(st.sampled_from(_WORDS), min_size=6, max_size=9).map("".join)
# a short line with no mark (a signature, a pasted title): 12 to 20 characters
_short = st.lists(st.sampled_from(["离退休干部", "活动中心"]), min_size=3, max_size=4).map("".join)


@st.composite
def _groups(draw: st.DrawFn) -> list[list[str]]:
    """Paragraphs of one to three lines, each line clauses ending in 「，」 (a line that goes on) but the last,
    which ends its sentence — or a short line with no mark of its own (a signature, a pasted title)."""
    groups = []
    for _ in range(draw(st.integers(2, 6))):
        lines = [draw(_clause) + "，" for _ in range(draw(st.integers(1, 3)))]
        lines[-1] = lines[-1][:-1] + "。"
        groups.append(lines if draw(st.booleans()) else [draw(_short)])
    return groups


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_groups())
def test_paragraphs_parted_by_blank_lines_are_passages_of_their_own(groups: list[list[str]]) -> None:
    tight = sum(len(lines) - 1 for lines in groups)
    assume(tight >= 0.2 * (tight + len(groups) + 2))  # the text parts paragraphs by blank lines
    opening = "现将秋季活动的有关事项说明如下，请各支部认真组织。"
    paragraphs = [[opening], *groups, ["请各支部按时报送参加活动的人员名单。"]]
    text = "关于组织老同志秋季活动的说明\n\n" + "\n\n".join("\n".join(lines) for lines in paragraphs) + "\n"
    [speech] = parse_document(read_bytes("说明.txt", text.encode("utf-8")))
    # each paragraph one passage, whole, in order — or, a short line with no mark, the heading over the
    # passages after it: nothing lost, doubled or run across a blank line
    read: list[str] = []
    for p in speech.paragraphs:
        heading = (p.section or "").split(" › ")[-1]
        if heading and heading not in read:
            read.append(heading)
        read.append(p.text)
    assert read == ["".join(lines) for lines in paragraphs]


@st.composite
def _stray_blanks(draw: st.DrawFn) -> tuple[list[str], str]:
    """Sentences hard-wrapped at a width of 24 to 34 characters (cut mid-word, at a 「，」 or anywhere), and the
    text with a blank line after every line (double spacing) or stray blank lines at random line ends."""
    openers = ["春季", "夏季", "秋季", "冬季", "今年"]  # each sentence its own, none inside another
    sentences = [
        opener + "，".join(draw(_clause) for _ in range(draw(st.integers(1, 4)))) + "。"
        for opener in openers[: draw(st.integers(2, 5))]
    ]
    width = draw(st.integers(24, 34))
    body = "".join(sentences)
    lines = [body[at : at + width] for at in range(0, len(body), width)]
    double = draw(st.booleans())
    gaps = [double or draw(st.booleans()) for _ in lines[1:]]
    text = lines[0] + "".join(
        ("\n\n" if gap else "\n") + line for gap, line in zip(gaps, lines[1:], strict=True)
    )
    return sentences, text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_stray_blanks())
def test_blank_lines_inside_sentences_part_none(case: tuple[list[str], str]) -> None:
    """A blank line ends a paragraph only under a line that ends a sentence (or a short unmarked one): a
    double-spaced text, or one with stray blank lines inside its sentences, reads every sentence whole, once,
    in order (mail64 cut them where a blank line stood under an unfinished line)."""
    sentences, body = case
    head = "关于组织老同志秋季活动的通知\n各离退休干部党支部：\n"
    text = head + body + "\n县委老干部局\n2026年9月30日\n"
    [speech] = parse_document(read_bytes("通知.txt", text.encode("utf-8")))
    read = "".join(p.text for p in speech.paragraphs if p.section != "文件信息")
    assert "".join(sentences) in read
    for sentence in sentences:
        assert read.count(sentence) == 1
        assert any(sentence in p.text for p in speech.paragraphs)


# an independent review's files (mend64r): a double-spaced body under a single-spaced head and signature, and
# one stray blank line under a line ending in 「，」
_DOUBLE_BODY = "关于组织秋季健步走活动的通知\n各离退休干部党支部：\n\n为丰富离退休干部精神文化生活，定于十月十日上午九点在滨江公\n\n园举行秋季健步走活动，全程约三公里，沿途设饮水点和医疗服务\n\n点。请各支部于十月八日前报送参加人数，年满八十周岁的老同志\n\n请家属陪同。活动当天请统一穿着运动服装，携带老年证，八点半\n\n在公园南门集合，由各支部书记负责清点人数。\n\n县委老干部局组织科\n联系人：骆文斌\n电话：6612345\n地址：人民路18号\n2026年9月30日\n"
_STRAY_BLANK = "关于做好冬季老干部走访慰问工作的通知\n各离退休干部党支部：\n为做好今年冬季走访慰问工作，切实把党组织的关怀送到每一位老同志\n心坎上，现将有关事项通知如下：请各支部认真摸排困难老同志情况，\n\n做到不漏一户、不落一人，并于12月10日前将名单报送组织科。\n各支部要加强与老同志家属的联系，及时掌握老同志身体状况，遇有\n重大情况及时报告。\n县委老干部局\n2026年11月30日\n"


def test_stray_blank_line_and_double_spaced_body_review_files() -> None:
    """Each sentence of the review's files one passage's, whole (mail64 cut them at the blank lines)."""
    for text, sentence in [
        (_DOUBLE_BODY, "定于十月十日上午九点在滨江公园举行秋季健步走活动，全程约三公里"),
        (_STRAY_BLANK, "请各支部认真摸排困难老同志情况，做到不漏一户、不落一人，并于12月10日前"),
    ]:
        [speech] = parse_document(read_bytes("通知.txt", text.encode("utf-8")))
        assert any(sentence in p.text for p in speech.paragraphs), sentence


# the review's forwarded notice whose pasted title is under 12 characters (mend64r)
_SHORT_TITLE = "各位支部书记：\n局里的通知转发给大家，请按通知要求组织报名。\n组织科\u3000骆文斌\n\n关于健步走活动的通知\n各离退休干部党支部：\n为丰富离退休干部精神文化生活，定于十月十日上午九点在滨江公园举行秋季健步走活动。\n"


def test_a_short_pasted_title_never_runs_into_its_addressee() -> None:
    """A title under 12 characters is a fragment, folded into a neighbour — never into the 主送 line under it
    (mail64: 「关于健步走活动的通知各离退休干部党支部：」 one passage)."""
    [speech] = parse_document(read_bytes("转发.txt", _SHORT_TITLE.encode("utf-8")))
    texts = [p.text for p in speech.paragraphs]
    assert "关于健步走活动的通知" in texts
    assert not any("通知各离退休" in text for text in texts)
