"""A group chat's messages copied out of WeChat for PC or QQ and saved as text read as the messages
(docs/cold41.md, fix 2): the sender and time lines, sticker codes, pictures' marks and the app's notices are
not read; a reply names its sender; the first message's day dates the text.

Before, 「史家栋 2036/3/10 9:05:41收到[强]」 ran into the sentence above it. Files: ``tests/fixtures/chat_logs/``,
made by ``make_chat_logs.py``.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from corpus import check_conservation, parse_document, read_bytes
from corpus.chatlog import ChatLog, read_chat_log
from tests.fixtures.chat_logs.make_chat_logs import MESSAGES

HERE = Path(__file__).parent / "fixtures" / "chat_logs"
STAMP = re.compile(r"\d{4}[/-]\d{1,2}[/-]\d{1,2}\s*\d{1,2}:\d{2}")


def _read(name: str, data: bytes):  # type: ignore[no-untyped-def]
    document = read_bytes(name, data)
    [speech] = parse_document(document)
    # the first message's first line is read as the title when it can be one, as a plain text's first line is
    read = [speech.title or "", *(p.text for p in speech.paragraphs)]
    return document, speech, "".join("".join(read).split())


@pytest.mark.parametrize("name", ["wechat_pc.txt", "qq.txt"])
def test_copied_messages_read_without_the_apps_lines(name: str) -> None:
    document, speech, flat = _read(name, (HERE / name).read_bytes())
    assert not STAMP.search(flat)
    assert "[" not in flat and "撤回了一条消息" not in flat and "20351" not in flat
    for _, _, said in MESSAGES:
        for line in said:
            text = re.sub(r"\[[^\]]+\]", "", line)
            if "撤回" not in text and text:
                assert "".join(text.split()) in flat
    # every message names its sender, its own (before, the notice's sender stood bare, and a reply of
    # his ran on from the message above it as if its sender had written it)
    assert "冼国栋：仇主任，我腿脚不好" in flat and "郁晓岚：收到，山脚休息区" in flat
    assert "仇海峰：可以。山脚茶室" in flat
    paragraphs = [p.text for p in speech.paragraphs]
    assert "仇海峰：可以。山脚茶室有休息区，由工作人员郁晓岚陪同。" in paragraphs
    assert "冼国栋：仇主任，我腿脚不好，能不能在山脚等大家？" in paragraphs
    assert speech.date == "2035-09-02"
    assert check_conservation(document, [p.text for p in speech.paragraphs]).ok


def test_a_timetable_of_names_days_and_times_is_no_chat() -> None:
    text = (HERE / "timetable.txt").read_text(encoding="utf-8")
    assert read_chat_log(text).text == text and read_chat_log(text).posted is None
    _, _, flat = _read("timetable.txt", text.encode("utf-8"))
    assert "开幕式2035/9/209:00" in flat


@pytest.mark.parametrize("name", ["programme.txt", "duty_log.txt", "timetable.txt"])
def test_a_text_without_the_apps_evidence_is_read_as_it_is(name: str) -> None:
    """A programme (「2036.3.10 9:00 开幕式」 over what happens then) and a duty log (「值班员张三 2036/3/10 8:00」,
    each on duty once) are no chats: before (mend67c), their times and names were deleted as senders'."""
    text = (HERE / name).read_text(encoding="utf-8")
    assert read_chat_log(text) == ChatLog(text)
    document, speech, flat = _read(name, text.encode("utf-8"))
    # (the programme's first line of a day and a time under its title is read as its date, as ever)
    for line in text.splitlines()[3:]:
        assert "".join(line.split()) in flat
    assert check_conservation(document, [p.text for p in speech.paragraphs]).ok


_SENDERISH = (
    "张三 2036/3/10 9:30",
    "李四 2036/3/10 9:45",
    "2036.3.10 9:00 开幕式",
    "2036-03-10 14:00 报到",
    "2036-03-10 15:00:00 闭幕",
    "值班员李四 2036/3/10 12:00",
)
_BODY = st.sampled_from(
    ["集合地点[待定]，午餐[自理]。", "收到[强]", "", "请大家准时集合，带好水杯。", "[图片]"]
)


@settings(max_examples=40, deadline=None)
@given(
    heads=st.lists(st.sampled_from(_SENDERISH), unique=True, max_size=6), bodies=st.lists(_BODY, max_size=6)
)
def test_a_text_where_no_sender_sends_again_is_read_as_it_is(heads: list[str], bodies: list[str]) -> None:
    """Lines of names, days and times, each once, over any lines (stickers' codes among them): no chat, the
    text unchanged (before, three such lines each over a line made a chat)."""
    lines = [line for pair in zip(heads, bodies, strict=False) for line in pair] + heads[len(bodies) :]
    text = "\n".join(lines)
    assert read_chat_log(text) == ChatLog(text)


_NAMES = st.sampled_from(["仇海峰", "詹秀英", "冼国栋", "郁晓岚"])
_SAID = st.text(alphabet="请大家准时集合到活动中心门口带好水杯", min_size=4, max_size=30).map(
    lambda s: s + "。"
)
_STICKERS = st.sampled_from(["", "[强]", "[玫瑰]", "[抱拳]", "[微笑]", "[捂脸]"])
_WORDS = st.sampled_from(["", "地点[待定]。", "午餐[自理]。", "时间[暂定]。"])


@settings(max_examples=25, deadline=None)
@given(
    messages=st.lists(st.tuples(_NAMES, _SAID, _STICKERS, _WORDS), min_size=3, max_size=8),
    minutes=st.lists(st.integers(0, 59), min_size=8, max_size=8),
)
def test_every_message_is_read_once_in_order_under_its_sender_and_no_apps_line(
    messages: list[tuple[str, str, str, str]], minutes: list[int]
) -> None:
    names = Counter(name for name, *_ in messages)
    assume(len(names) > 1 and names.most_common(1)[0][1] > 1)
    lines = []
    for n, ((name, said, sticker, words), minute) in enumerate(zip(messages, sorted(minutes), strict=False)):
        lines += [f"{name} 2035/9/2 {9 + n}:{minute:02d}:{n:02d}", said + sticker + words, ""]
    chat = read_chat_log("\n".join(lines))
    assert chat.posted == "2035-09-02"
    assert not STAMP.search(chat.text)
    assert not any(f"[{code}]" in chat.text for code in ("强", "玫瑰", "抱拳", "微笑", "捂脸"))
    assert chat.messages == tuple(f"{name}：{said}{words}" for name, said, _, words in messages)


def test_a_short_reply_is_a_paragraph_of_its_own() -> None:
    """「詹秀英：收到」 under its sender stays one paragraph (docs/read68.md, fix 1): before, every paragraph under
    12 characters was folded into the message before it (「…量力而行。詹秀英：收到」)."""
    document, speech, _ = _read("wechat_pc.txt", (HERE / "wechat_pc.txt").read_bytes())
    paragraphs = [p.text for p in speech.paragraphs]
    assert "詹秀英：收到" in paragraphs
    assert paragraphs[paragraphs.index("詹秀英：收到") - 1].endswith("量力而行。")
    assert check_conservation(document, paragraphs).ok


_REPLIES = st.sampled_from(["收到", "好的", "收到，谢谢", "请个假", "场地很平", "明白。", "要是下雨怎么办？"])


@settings(max_examples=25, deadline=None)
@given(
    messages=st.lists(st.tuples(_NAMES, st.one_of(_SAID, _REPLIES)), min_size=3, max_size=8),
    lead=st.lists(_SAID, min_size=2, max_size=3),
)
def test_every_message_however_short_is_a_paragraph_under_its_sender(
    messages: list[tuple[str, str]], lead: list[str]
) -> None:
    """A copied chat read through to paragraphs: each message, a short reply or one with no full stop among
    them, is one paragraph of its own, its sender's name first, in order — none lost, none run into another."""
    names = Counter(name for name, _ in messages)
    assume(len(names) > 1 and names.most_common(1)[0][1] > 1)
    lines = ["仇海峰 2035/9/2 8:00:00", *lead, ""]
    for n, (name, said) in enumerate(messages):
        lines += [f"{name} 2035/9/2 {9 + n}:00:{n:02d}", said, ""]
    document, speech, _ = _read("chat.txt", "\n".join(lines).encode("utf-8"))
    paragraphs = [p.text for p in speech.paragraphs]
    assert paragraphs[-len(messages) :] == [f"{name}：{said}" for name, said in messages]
    assert check_conservation(document, paragraphs).ok
