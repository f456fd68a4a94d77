"""The stricter typo tiers (session 54): a fuzzy-pinyin slip (模糊音: z/zh, n/l, an/ang …) and a look-alike
character (形近字, retrieval/data/lookalikes.txt) are read as the library's word only where the same-sound
reading finds nothing, and a question with no slip is never changed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from retrieval import Retriever
from retrieval.typos import fuzzy_readings, lookalikes, word_readings

from .fakes import FakeEmbedder
from .test_retrieval_filters import speeches_library

SENTENCES = [
    "春节前要走访慰问离休干部和困难老同志。",
    "各级组织要关心老干部的思想和生活。",
    "医疗费用报销材料每季度集中报送一次。",
    "老干部活动中心每周二开放阅览室和棋牌室。",
    "要深入开展调查研究，倾听老同志的意见建议。",
]
TEXT = "关于老干部工作的讲话\n（2025年3月2日）\n韩志远\n同志们：\n" + "\n".join(SENTENCES) + "\n"


@pytest.fixture(scope="module")
def retriever(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Retriever]:
    home = tmp_path_factory.mktemp("near") / "home"
    with speeches_library(home, FakeEmbedder(), [("near.txt", TEXT)]) as (_, retriever):
        yield retriever


@pytest.mark.parametrize(
    ("question", "wrong", "right"),
    [
        ("春节前走访慰翁离休干部有什么要求", "慰翁", "慰问"),  # weng typed for wen (en/eng)
        ("组资关心老干部吗", "组资", "组织"),  # zi typed for zhi (z/zh)
        ("走访因难老同志有什么要求", "因难", "困难"),  # 因 looks like 困 (same_stroke.txt)
    ],
)
def test_a_fuzzy_pinyin_or_look_alike_slip_is_read_as_the_librarys_word(
    retriever: Retriever, question: str, wrong: str, right: str
) -> None:
    [typo] = retriever.corrector.corrections(question)
    assert (typo.wrong, typo.right) == (wrong, right)
    assert question[typo.start : typo.start + len(wrong)] == wrong
    # the typed word is of another sound: only the new tiers read it
    assert word_readings(wrong) != word_readings(right)
    answer = retriever.search(question, k=3)
    assert [(t.wrong, t.right) for t in answer.typos] == [(wrong, right)]
    assert right in answer.hits[0].passage.text


def test_the_stricter_tiers_can_be_turned_off(retriever: Retriever) -> None:
    """`near=False` reads as before session 54 (the bench's `--same-sound-only`): same sound only."""
    corrector = retriever.corrector
    corrector.near = False
    try:
        assert corrector.corrections("春节前走访慰翁离休干部有什么要求") == ()
        assert corrector.corrections("走访因难老同志有什么要求") == ()
    finally:
        corrector.near = True


def test_a_word_with_a_function_character_is_not_read_by_the_stricter_tiers(retriever: Retriever) -> None:
    """个 is a classifier: 「个姓化」-like words are left to the same-sound tier, whose rules for function
    characters the stricter tiers do not loosen (the fuzzy reading of 是 shi as si gives nothing)."""
    assert retriever.corrector.corrections("老干部活动中心是几点开放") == ()


def test_fuzzy_readings_are_one_step_and_symmetric() -> None:
    assert fuzzy_readings("zu") == {"zhu"}
    assert fuzzy_readings("lan") == {"nan", "ran", "lang"}
    assert fuzzy_readings("xiang") == {"xian"}
    assert fuzzy_readings("er") == frozenset()
    for reading in ("zu", "zhi", "si", "chang", "nian", "lin", "feng", "hui", "ren", "cen"):
        assert reading not in fuzzy_readings(reading)
        for near in fuzzy_readings(reading):
            assert reading in fuzzy_readings(near)


def test_the_look_alike_table_is_symmetric_and_from_its_source() -> None:
    like = lookalikes()
    assert len(like) > 1000
    assert all(char not in others and others for char, others in like.items())
    assert all(char in like[other] for char, others in like.items() for other in others)
    header = (Path(__file__).resolve().parent.parent / "retrieval" / "data" / "lookalikes.txt").read_text(
        encoding="utf-8"
    )
    assert "same_stroke.txt" in header and "Apache License 2.0" in header


# questions without a slip: runs of the library's own text, with a question form or none
_clean = st.builds(
    lambda s, a, n, tail: SENTENCES[s][a : a + n].strip("，。") + tail,
    st.integers(0, len(SENTENCES) - 1),
    st.integers(0, 10),
    st.integers(2, 14),
    st.sampled_from(["", "吗", "是什么", "怎么办", "有哪些要求", "？"]),
)


@given(question=_clean)
@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_a_question_without_a_slip_is_never_changed(retriever: Retriever, question: str) -> None:
    assert retriever.corrector.corrections(question) == ()


def _slip(retriever: Retriever, char: str) -> list[str]:
    """What a fuzzy-pinyin input (the library's characters of a 模糊音 neighbour of its sound) or a hand (a
    look-alike) may put for the character."""
    sound = word_readings(char)[0]
    fuzzy = [o for r in sorted(fuzzy_readings(sound)) for o in retriever.corrector.homophones(r)]
    return fuzzy[:8] + sorted(lookalikes().get(char, ()))[:8]


@given(data=st.data())
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_a_correction_is_always_a_word_the_library_holds(retriever: Retriever, data: st.DataObject) -> None:
    """Whatever slip a character of a library sentence gets, a correction of the question is a word some
    passage holds, in the place of what the question has."""
    sentence = data.draw(st.sampled_from(SENTENCES))
    at = data.draw(st.integers(0, len(sentence) - 2))
    options = _slip(retriever, sentence[at])
    if not options:
        return
    question = sentence[:at] + data.draw(st.sampled_from(options)) + sentence[at + 1 :]
    for typo in retriever.corrector.corrections(question):
        assert retriever.passages_holding(typo.right) > 0
        assert question[typo.start : typo.start + len(typo.wrong)] == typo.wrong
