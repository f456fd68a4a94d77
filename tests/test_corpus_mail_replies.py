"""A reply's attribution lines (「在 2034/5/13 14:20, 邢立秋 写道:」, 「倪晓川 <…> 于2034年5月12日周五 09:15写道：」,
「On … wrote:」) are the mail program's, not the message's: not read (docs/cold41.md, fix 1).

Before, each ran into the sentence above it (「…请自带老花镜。在2036/3/3 14:20, 籍东来写道：」), so a passage
answering a question quoted a mail program's line. Files: ``tests/fixtures/mail_replies/`` (Python's email
package), made by ``make_mail_replies.py``.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from email.policy import SMTP
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus import check_conservation, parse_document, read_bytes
from tests.fixtures.mail_replies.make_mail_replies import (
    ANSWER,
    NOTICE,
    QUESTION,
    quoted,
    reply,
    saved_as_text,
)

HERE = Path(__file__).parent / "fixtures" / "mail_replies"


def _sentences(lines: list[str]) -> list[str]:
    return ["".join(line.split()) for line in lines if line.endswith(("。", "？"))]


def _read(name: str, data: bytes) -> tuple[str, object]:
    document = read_bytes(name, data)
    [speech] = parse_document(document)
    text = "\n".join(p.text for p in speech.paragraphs)
    return text, (document, speech)


@pytest.mark.parametrize("name", ["thread.eml", "thread.txt", "apple.eml"])
def test_a_replys_attribution_lines_are_not_read(name: str) -> None:
    text, (document, speech) = _read(name, (HERE / name).read_bytes())
    assert "写道" not in text and "wrote" not in text
    flat = "".join(text.split())
    for sentence in _sentences(ANSWER + QUESTION + NOTICE):
        assert sentence in flat
    assert speech.title == "关于组织离退休干部参观县非遗馆的通知"
    assert speech.date == "2034-05-12"  # the notice's own 落款
    assert check_conservation(document, [p.text for p in speech.paragraphs]).ok


def test_a_quoted_writers_words_in_a_mail_are_kept() -> None:
    # 「写道：」 with no time sent on its line is the notice's own words, not a mail program's line
    body = [
        "各位老同志：",
        "",
        "1935年，方志敏在狱中写道：",
        "",
        "“中国一定有个可爱的前途。”",
        "",
        "请各支部组织学习。",
    ]
    message = reply(
        ["倪晓川转发：", "", "> " + "倪晓川 <a@b.cn> 于2034年5月12日周五 09:15写道：", *quoted(body, 1)]
    )
    text, _ = _read("quote.eml", message.as_bytes(policy=SMTP))
    assert "方志敏在狱中写道：" in "".join(text.split())
    assert "09:15写道" not in "".join(text.split())


_STYLES = (
    "在 {slash} {hm}, {name} 写道:",
    "{name} <x@example.cn> 于{cn}{week} {hm}写道：",
    "{cn} {ampm}{h12}:{mm}，{name} <x@example.cn> 写道：",
    "On {en} at {h12}:{mm} {AMPM} {name} <x@example.cn> wrote:",
)
_NAMES = st.text(alphabet="倪晓川邢立秋祁文斌宁海燕邵明远", min_size=2, max_size=3)


@settings(max_examples=25, deadline=None)
@given(
    style=st.sampled_from(_STYLES),
    name=_NAMES,
    when=st.datetimes(min_value=datetime(2030, 1, 1), max_value=datetime(2039, 12, 31)),
    depth=st.integers(1, 3),
)
def test_no_attribution_line_is_read_and_no_sentence_is_lost(
    style: str, name: str, when: datetime, depth: int
) -> None:
    when = when.replace(tzinfo=timezone(timedelta(hours=8)))
    h12 = when.hour % 12 or 12
    line = style.format(
        slash=f"{when.year}/{when.month}/{when.day}",
        hm=f"{when:%H:%M}",
        name=name,
        cn=f"{when.year}年{when.month}月{when.day}日",
        week="周" + "一二三四五六日"[when.weekday()],
        ampm="上午" if when.hour < 12 else "下午",
        h12=h12,
        mm=f"{when:%M}",
        en=f"{when:%a, %b} {when.day}, {when.year}",
        AMPM="AM" if when.hour < 12 else "PM",
    )
    message = reply([*ANSWER, "", "> " * (depth - 1) + line, *quoted(NOTICE, depth)])
    text, (document, speech) = _read("reply.eml", message.as_bytes(policy=SMTP))
    flat = "".join(text.split())
    assert "写道" not in flat and "wrote" not in flat
    for sentence in _sentences(ANSWER + NOTICE):
        assert sentence in flat
    assert check_conservation(document, [p.text for p in speech.paragraphs]).ok


@settings(max_examples=20, deadline=None)
@given(
    style=st.sampled_from(_STYLES),
    name=_NAMES,
    when=st.datetimes(min_value=datetime(2030, 1, 1), max_value=datetime(2039, 12, 31)),
    saved=st.booleans(),
)
def test_a_body_line_ending_in_wrote_over_unquoted_lines_is_kept(
    style: str, name: str, when: datetime, saved: bool
) -> None:
    """A line of the attribution's form is the mail program's only over the quote it introduces: over the
    body's own lines (「…9:30，…籍东来在留言簿上写道：」 over the words he wrote, or the same line as a mail
    program writes it, quoting nothing) it is the message's sentence and is read (mend67c: before, any such
    line with a time in it was taken off — x/diary.eml of the cold41 review)."""
    diary = f"{when.year}年{when.month}月{when.day}日上午{when:%H:%M}，93岁的老党员{name}在留言簿上写道："
    line = style.format(
        slash=f"{when.year}/{when.month}/{when.day}",
        hm=f"{when:%H:%M}",
        name=name,
        cn=f"{when.year}年{when.month}月{when.day}日",
        week="周" + "一二三四五六日"[when.weekday()],
        ampm="上午" if when.hour < 12 else "下午",
        h12=when.hour % 12 or 12,
        mm=f"{when:%M}",
        en=f"{when:%a, %b} {when.day}, {when.year}",
        AMPM="AM" if when.hour < 12 else "PM",
    )
    body = [
        "各离退休干部党支部：",
        "",
        diary,
        "“不忘初心，永远跟党走。”",
        "",
        line,
        "请各支部于3月20日前报送寄语。",
    ]
    message = reply(body)
    name_ = "diary.txt" if saved else "diary.eml"
    data = saved_as_text(message).encode("utf-8") if saved else message.as_bytes(policy=SMTP)
    text, (document, speech) = _read(name_, data)
    flat = "".join(text.split())
    assert "".join(diary.split()) in flat and "不忘初心，永远跟党走。" in flat
    assert "".join(line.split()).rstrip(":：") in flat  # (its colon read as the full-width one)
    assert check_conservation(document, [p.text for p in speech.paragraphs]).ok


@pytest.mark.parametrize("name", ["thread.eml", "thread.txt", "apple.eml"])
def test_a_quoted_sign_off_stays_apart_from_the_quoted_notice_under_it(name: str) -> None:
    """The question's sign-off 「第三支部 邢立秋」 ends the question; the notice it quotes opens with its own
    salutation (docs/read68.md, fix 2: before, 「第三支部邢立秋各离退休干部党支部：」 was read as one paragraph,
    the blank lines between the quote levels dropped with the text's single spacing)."""
    _, (document, speech) = _read(name, (HERE / name).read_bytes())
    paragraphs = [p.text for p in speech.paragraphs]  # type: ignore[attr-defined]
    assert not any("邢立秋" in p and "各离退休干部党支部" in p for p in paragraphs)
    assert any(p.startswith("各离退休干部党支部：") for p in paragraphs)
    assert check_conservation(document, paragraphs).ok  # type: ignore[arg-type]


# words only one level's message holds: the notice (depth 2), the question quoting it (1), the answer (0)
_LEVEL_WORDS = (
    ("各离退休干部党支部", "非物质文化遗产", "局机关大院", "名单报局活动科", "溧岚县委老干部局"),
    ("倪科长", "无障碍通道", "第三支部"),
    ("邢书记", "无障碍电梯", "活动科倪晓川"),
)


@settings(max_examples=40, deadline=None)
@given(
    style=st.sampled_from(_STYLES),
    attributed=st.booleans(),
    saved=st.booleans(),
    back_out=st.integers(min_value=0, max_value=2),
)
def test_every_quote_level_begins_a_paragraph_and_no_sentence_is_lost(
    style: str, attributed: bool, saved: bool, back_out: int
) -> None:
    """A reply over a question over a notice, each quoted a level deeper, with or without the attribution
    lines between them — and the quoting going back out under the notice (`back_out` levels: the question's
    sign-off, then the answer's, written under what they quote, as an inline reply is): no paragraph holds two
    levels' lines, and every sentence is read."""
    line = style.format(
        slash="2034/5/13", hm="14:20", name="邢立秋", cn="2034年5月13日", week="周六", ampm="下午", h12=2,
        mm="20", en="Sat, May 13, 2034", AMPM="PM",
    )  # fmt: skip
    gap = ["> " + line] if attributed else []
    question, answer = QUESTION[: -1 if back_out >= 1 else None], ANSWER[: -1 if back_out >= 2 else None]
    tail = [
        *(["> >", *quoted(QUESTION[-1:], 1)] if back_out >= 1 else []),
        *(["", ANSWER[-1]] if back_out >= 2 else []),
    ]
    message = reply([*answer, "", *([line] if attributed else []), *quoted(question, 1), ">", *gap,
                     *quoted(NOTICE, 2), *tail])  # fmt: skip
    data = saved_as_text(message).encode("utf-8") if saved else message.as_bytes(policy=SMTP)
    text, (document, speech) = _read("reply.txt" if saved else "reply.eml", data)
    paragraphs = [p.text for p in speech.paragraphs]  # type: ignore[attr-defined]
    for paragraph in paragraphs:
        compact = "".join(paragraph.split())
        levels = [n for n, words in enumerate(_LEVEL_WORDS) if any(word in compact for word in words)]
        assert len(levels) <= 1, (paragraph, paragraphs)
    flat = "".join(text.split())
    for sentence in _sentences(ANSWER + QUESTION + NOTICE):
        assert sentence in flat
    assert check_conservation(document, paragraphs).ok  # type: ignore[arg-type]
