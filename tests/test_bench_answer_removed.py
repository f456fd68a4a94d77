"""bench.cmrc.without_answers: CMRC near misses on the very topic — the question's context stays in the
library without the sentence that answered it."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bench.cmrc import BenchmarkSet, load_cmrc, without_answers
from bench.evaluate import GoldQuestion
from corpus import Paragraph, Speech
from retrieval import split_sentences

TRIAL = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "cmrc2018" / "cmrc2018_trial.json"

# sentences as a CMRC context holds them: Chinese clauses with a full stop, some with a question mark
sentence = st.builds(
    lambda words, end: "".join(words) + end,
    st.lists(
        st.sampled_from(
            ["尤金袋鼠", "分布在", "澳洲南部", "岛屿", "体重", "约8公斤", "繁殖", "很快", "西岸"]
        ),
        min_size=1,
        max_size=5,
    ),
    st.sampled_from(["。", "！", "？", "；"]),
)


def _set(contexts: list[str], asked: list[tuple[int, str]]) -> BenchmarkSet:
    speeches = [
        Speech(
            f"条目 [{n}]", None, None, None, "cmrc.json", n + 1, None, (Paragraph(text=text, section="条目"),)
        )
        for n, text in enumerate(contexts)
    ]
    questions = [
        GoldQuestion(f"q{n}", f"问题{n}？", (), speech_title=f"条目 [{at}]", spans=(span,))
        for n, (at, span) in enumerate(asked)
    ]
    return BenchmarkSet(speeches, questions)


@given(st.lists(sentence, min_size=2, max_size=8), st.data())
def test_only_the_answering_sentences_go_and_every_other_stays_in_order(
    sentences: list[str], data: st.DataObject
) -> None:
    text = "".join(sentences)
    cuts = split_sentences(text)
    first, last = sorted(data.draw(st.tuples(st.integers(0, len(cuts) - 1), st.integers(0, len(cuts) - 1))))
    start = data.draw(st.integers(cuts[first][0], cuts[first][1] - 1))
    end = data.draw(st.integers(max(start + 1, cuts[last][0] + 1), cuts[last][1]))
    span = text[start:end]
    original = _set([text, "另一个条目。"], [(0, span)])
    removed = without_answers(original, original.questions)
    kept = removed.speeches[0].paragraphs[0].text
    assert removed.speeches[1] == original.speeches[1]  # other contexts as they were
    touched = {i for i, (s, e) in enumerate(cuts) if s < text.find(span) + len(span) and text.find(span) < e}
    expected = "".join(text[s:e] for i, (s, e) in enumerate(cuts) if i not in touched)
    if not expected or span in expected:
        assert removed.questions == [] and kept == text  # nothing left, or still answered: not used
    else:
        assert kept == expected
        assert [q.answerable for q in removed.questions] == [False]
        assert removed.questions[0].kind == "near_miss"


def test_one_question_per_context_the_first_asked() -> None:
    original = _set(["甲在北京。乙在上海。丙在广州。"], [(0, "北京"), (0, "上海")])
    removed = without_answers(original, original.questions)
    assert [q.id for q in removed.questions] == ["q0"]
    assert removed.speeches[0].paragraphs[0].text == "乙在上海。丙在广州。"


@pytest.mark.skipif(not TRIAL.exists(), reason="the CMRC trial file (../shared) is not here")
def test_on_cmrc_trial_no_removed_context_still_holds_its_answer() -> None:
    data = load_cmrc(TRIAL)
    asked = data.questions[::5]
    removed = without_answers(data, asked)
    assert len(removed.questions) > 100
    by_title = {s.title: s.paragraphs[0].text for s in removed.speeches}
    original = {s.title: s.paragraphs[0].text for s in data.speeches}
    spans = {q.id: q.spans for q in asked}
    for q in removed.questions:
        title = next(
            t
            for t in original
            if by_title[t] != original[t] and q.question in {a.question for a in asked if a.speech_title == t}
        )
        assert not any(span in by_title[title] for span in spans[q.id])
        assert len(by_title[title]) < len(original[title])
