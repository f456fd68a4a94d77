"""A Chinese numeral opening a line numbers a point only when the text counts on: 「一则消息……」,
「一来二去……」, 「三要素……」, 「一方面……」 are words that start a sentence, and a line that starts with one —
a paragraph, or a hard-wrapped line that happens to begin there — is body text, never a heading lifted out
of the passages; 「一则……二则……」, 「一要……二要……」 still number points."""

from __future__ import annotations

import os
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.documents import wrap
from corpus import chunk_speech, parse_document, read_bytes
from corpus.parse import counted_points, stands_alone

EXAMPLES = int(os.environ.get("SPEECHQA_PROPERTY_EXAMPLES", "25"))
# Characters that never make a point mark or a date (no numerals, no 是/要/则/来/第).
PLAIN = "的在不了有和人这中大为上个我以他时用们生到作地于出就分对成会可主发动同工也能下过子说产种而后多定行学法所民得经"
WORDS = ("一则消息", "一则通知", "一则新闻", "一来二去", "三要素", "五要素", "一方面", "十要素")
SUFFIXES = ("则", "来", "要", "方面")
NUMERALS = "一二三四五六七八九十"
ENDS = "。！？；"

plain = st.text(alphabet=PLAIN, min_size=6, max_size=30)
sentence = st.builds(lambda body, end: body + end, plain, st.sampled_from(ENDS))
# A sentence opening with a numeral word, or a line of one with no sentence mark (a heading's shape).
worded = st.builds(
    lambda word, body, end: word + body + end, st.sampled_from(WORDS), plain, st.sampled_from(ENDS)
)
bare = st.builds(lambda word, body: word + body, st.sampled_from(WORDS), st.text(alphabet=PLAIN, max_size=12))
paragraph = st.lists(st.one_of(sentence, worded), min_size=1, max_size=4).map("".join)


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def passages_of(text: str) -> list[tuple[str | None, str]]:
    document = read_bytes("讲话.txt", text.encode("gbk"))
    return [(d.section, d.text) for speech in parse_document(document) for d in chunk_speech(speech)]


def neutral(text: str) -> str:
    """The same text with each numeral word's numeral replaced by a plain character (一则消息 → 这则消息)."""
    for word in WORDS:  # a plain character for each numeral, so that two words stay two words
        text = text.replace(word, {"一": "这", "三": "那", "五": "某", "十": "每"}[word[0]] + word[1:])
    return text


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.one_of(paragraph, bare), min_size=1, max_size=8),
    st.one_of(st.none(), st.integers(min_value=12, max_value=40)),
    st.sampled_from(("", "\u3000\u3000")),
)
def test_a_numeral_word_opening_a_line_is_read_as_any_other_word(
    body: list[str], width: int | None, indent: str
) -> None:
    """A line opening with 一则消息 (nothing counting on from it) is read exactly as the same line opening
    with 这则消息: the same passages, the same sections; every sentence once and in order."""
    body = [*body, "谢谢大家！"]  # a closing sentence: a short last line could be a signature

    def text_of(paragraphs: list[str]) -> str:
        lines = ["在全市老干部工作会议上的讲话", "张建国", "2024年3月5日", "同志们："]
        for text in paragraphs:
            lines += wrap(indent + text, width, width) if width else [indent + text]
        return "\n".join(lines) + "\n"

    passages = passages_of(text_of(body))
    assert [(neutral(s or ""), neutral(t)) for s, t in passages] == [
        (s or "", t) for s, t in passages_of(text_of([neutral(text) for text in body]))
    ]
    flat = squeeze("".join(t for _, t in passages))
    sentences = [s for text in body for s in re.findall(r"[^。！？；]*[。！？；]", squeeze(text))]
    position = 0
    for sentence in sentences:
        found = flat.find(sentence, position)
        assert found >= 0, sentence
        position = found + len(sentence)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(SUFFIXES),
    st.integers(min_value=2, max_value=5),
    st.lists(st.text(alphabet=PLAIN, min_size=4, max_size=8), min_size=5, max_size=5),
    # paragraphs longer than the heading lines, so that the text does not look hard-wrapped at their width
    st.lists(st.lists(sentence, min_size=2, max_size=3).map("".join), min_size=5, max_size=5),
)
def test_numeral_words_that_count_on_still_number_points(
    suffix: str, count: int, heads: list[str], bodies: list[str]
) -> None:
    """一要/二要/三要… (or 则, 来, 方面) opening lines of their own in a row are the points they number."""
    lines = ["在全市老干部工作会议上的讲话", "张建国", "2024年3月5日", "同志们："]
    marks = [NUMERALS[i] + suffix for i in range(count)]
    for mark, head, text in zip(marks, heads, bodies, strict=False):
        lines += [mark + head, text]
    passages = passages_of("\n".join(lines) + "\n")
    sections = [section for section, _ in passages]
    for mark, head in zip(marks, heads, strict=False):
        assert mark + head in sections


def test_a_lone_numeral_word_counts_nothing_and_a_counted_one_does() -> None:
    text = "一则消息传开，大家议论纷纷。\n一来二去，问题拖成了难题。\n五要素缺一不可\n一要快速响应。二要耐心细致。"
    points = counted_points(text)
    assert ("要", 1) in points and ("要", 2) in points
    assert not {("则", 1), ("来", 1), ("要", 5)} & points
    assert stands_alone("一则消息传开，大家议论纷纷。", points) == 0
    assert stands_alone("二要耐心细致。", points) == 1
    assert counted_points("一方面要公开政策，另一方面要倾听意见。") == {("方面", 1), ("方面", 2)}
