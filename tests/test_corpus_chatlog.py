"""A group chat's messages copied out of WeChat for PC or QQ and saved as text read as the messages
(docs/cold41.md, fix 2): the sender and time lines, sticker codes, pictures' marks and the app's notices are
not read; a reply names its sender; the first message's day dates the text.

Before, 「史家栋 2036/3/10 9:05:41收到[强]」 ran into the sentence above it. Files: ``tests/fixtures/chat_logs/``,
made by ``make_chat_logs.py``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus import check_conservation, parse_document, read_bytes
from corpus.chatlog import read_chat_log
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
    # a reply names its sender; the notice's sender (who wrote the most) stands bare
    assert "冼国栋：仇主任，我腿脚不好" in flat and "郁晓岚：收到，山脚休息区" in flat
    assert "仇海峰：" not in flat
    assert speech.date == "2035-09-02"
    assert check_conservation(document, [p.text for p in speech.paragraphs]).ok


def test_a_timetable_of_names_days_and_times_is_no_chat() -> None:
    text = (HERE / "timetable.txt").read_text(encoding="utf-8")
    assert read_chat_log(text).text == text and read_chat_log(text).posted is None
    _, _, flat = _read("timetable.txt", text.encode("utf-8"))
    assert "开幕式2035/9/209:00" in flat


_NAMES = st.text(alphabet="仇海峰詹秀英冼国栋郁晓岚", min_size=2, max_size=3)
_SAID = st.text(alphabet="请大家准时集合到活动中心门口带好水杯", min_size=4, max_size=30).map(
    lambda s: s + "。"
)
_STICKERS = st.sampled_from(["", "[强]", "[玫瑰]", "[抱拳]", "[微笑]"])


@settings(max_examples=25, deadline=None)
@given(
    messages=st.lists(st.tuples(_NAMES, _SAID, _STICKERS), min_size=3, max_size=8),
    minutes=st.lists(st.integers(0, 59), min_size=8, max_size=8),
)
def test_every_message_is_read_once_in_order_and_no_apps_line(
    messages: list[tuple[str, str, str]], minutes: list[int]
) -> None:
    lines = []
    for n, ((name, said, sticker), minute) in enumerate(zip(messages, sorted(minutes), strict=False)):
        lines += [f"{name} 2035/9/2 {9 + n}:{minute:02d}:{n:02d}", said + sticker, ""]
    chat = read_chat_log("\n".join(lines))
    assert chat.posted == "2035-09-02"
    assert not STAMP.search(chat.text) and "[" not in chat.text
    at = 0
    for _, said, _ in messages:
        at = chat.text.index(said, at) + len(said)
