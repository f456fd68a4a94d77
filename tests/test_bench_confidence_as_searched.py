"""The confidence benches read the signals a user's search makes: the same search as `speechqa eval`
and `speechqa ask` (on the real seed library and the bundled model, no fakes), whatever page size.

The two 「2023年迎新春座谈会…」 questions (benchmarks/fit-questions.jsonl) are the case that showed it: the
two best passages are of 2024 and the third from an undated speech, so the time rule says nothing when it
reads three passages and 「未找到」 when it reads two — what `bench.confidence.collect` read when it searched
with k = 1 (cold4's answered unanswerable 10/20 in the benches, 11/20 in `eval`: docs/measured.md)."""

from __future__ import annotations

import pytest

from bench.confidence import collect
from bench.evaluate import GoldQuestion, search_as_evaluated
from cli.ask import Request, search_and_log
from cli.settings import load_settings
from retrieval import Retriever, SpeechService

pytestmark = pytest.mark.slow

TIME_RULE_EDGE = ("2023年迎新春座谈会是在哪里开的？", "2023年迎新春座谈会有多少位老同志参加？")
QUESTIONS = (
    *TIME_RULE_EDGE,
    "离休干部体检规定是什么？",
    "老年大学明年招生吗",
    "2025年离休干部体检什么时候开始？",
    "今天天气怎么样",
)


def gold(text: str) -> GoldQuestion:
    return GoldQuestion(id=text, question=text, answers=())


def test_the_benches_signals_are_those_of_the_search_ask_and_eval_make(seed_service: SpeechService) -> None:
    retriever = seed_service.current()
    examples = collect(retriever, [gold(q) for q in QUESTIONS], "as-searched")
    assert [e.question for e in examples] == list(QUESTIONS)
    # what `speechqa ask` searches with its defaults (SPEECHQA_TOP_K, filters read from the question, pins)
    request = Request(k=load_settings({}).top_k, mode="hybrid")
    for example in examples:
        asked = search_and_log(seed_service, example.question, request)
        evaluated = search_as_evaluated(retriever, example.question)
        assert example.signals == evaluated.signals == asked.signals, example.question


def test_the_time_rule_reads_three_passages_at_the_edge(seed_retriever: Retriever) -> None:
    for question in TIME_RULE_EDGE:
        answer = seed_retriever.search(question, k=5)
        assert answer.signals is not None
        assert not answer.signals.period_mismatch, question
        assert answer.period_elsewhere is None


@pytest.mark.parametrize("question", QUESTIONS)
def test_the_confidence_is_the_same_whatever_page_size_is_asked(
    seed_retriever: Retriever, question: str
) -> None:
    answers = [seed_retriever.search(question, k=k) for k in (1, 2, 3, 5, 10)]
    answers.append(seed_retriever.search(question, k=2, offset=2))  # a second page is judged as the first
    first = answers[0]
    for other in answers[1:]:
        assert other.signals == first.signals
        assert (other.confidence, other.probability) == (first.confidence, first.probability)
