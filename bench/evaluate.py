"""Score retrieval on a question set.

Gold format (JSON Lines), chosen to survive re-chunking: each question lists short phrases quoted from
the passages that answer it; a returned passage is relevant when it contains one of them. A question
with no phrases is one the corpus does not answer: the right behaviour is to abstain.

    {"id": "q014", "question": "离休干部体检规定是什么？", "answers": ["要落实好离休干部每年一次体检的规定"]}
    {"id": "u001", "question": "明天天气怎么样？", "answers": []}

Optional fields: "style" (how the question is asked), "split" ("tune" or "heldout": the half a rule may be
fitted on, and the half it is only reported on), "kind" (for unanswerable ones: "near_miss" or "off_topic").

A question about a document rather than in it (「这个体检通知是哪天发的」) names the document instead of phrases:
"document" (its title: any passage of it is relevant) and "fact" (a phrase of the stored date, speaker, issuer,
文号 or title the answer must show: its 要点 is `Answer.record_fact`, not a sentence of the passage).

    {"id": "vq029", "question": "这个体检通知是哪天发的", "answers": [], "document": "关于做好…的通知（…）", "fact": "2020年2月6日"}
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from corpus import describe_os_error, squash
from index import PassageRecord
from retrieval import Answer, Hit, Mode, Retriever

KS = (1, 3, 5)
SPLITS = ("tune", "heldout")
MRR_DEPTH = 10
EVAL_K = MRR_DEPTH  # passages `speechqa eval` asks each question for (the ranks it scores)


@dataclass(frozen=True)
class GoldQuestion:
    id: str
    question: str
    answers: tuple[str, ...]
    style: str | None = None
    speech_title: str | None = None  # alternatively: any passage of this speech is relevant (CMRC)
    split: str | None = None  # "tune" | "heldout": fit on the first half only, report the second separately
    kind: str | None = None  # for unanswerable questions: "near_miss" | "off_topic"
    spans: tuple[str, ...] = ()  # gold answer spans for the answer-sentence check (CMRC); else `answers`
    fact: str | None = None  # a phrase of the stored fact a metadata question asks (Answer.record_fact)

    @property
    def answerable(self) -> bool:
        return bool(self.answers or self.speech_title)


@dataclass(frozen=True)
class Outcome:
    question: GoldQuestion
    first_relevant: int | None  # 1-based rank of the first relevant passage within MRR_DEPTH
    answered: bool
    sentence_hit: bool = False  # a gold phrase lies in the answer sentence of the (relevant) top hit
    level: str | None = None  # the answer's confidence: "high" | "medium" | "low"


@dataclass(frozen=True)
class Report:
    questions: int
    answerable: int
    recall: dict[int, float]  # Recall@k over answerable questions
    mrr: float  # MRR@10 over answerable questions
    abstain_accuracy: float  # share of all questions where answered == (question is answerable)
    false_abstain: float  # answerable questions the service declined
    false_answer: float  # unanswerable questions the service answered
    qps: float
    sentence_hit: float = 0.0  # answerable questions whose gold phrase lies in the top hit's answer sentence
    outcomes: tuple[Outcome, ...] = field(repr=False, default=())


class GoldFormatError(ValueError):
    pass


def gold_question(row: object, number: int) -> GoldQuestion:
    """One question of a JSON Lines set (`number`: its line, the id when it has none); KeyError or
    TypeError, in Chinese, when the row is not one."""
    if not isinstance(row, dict):
        raise TypeError("每行应是一个 JSON 对象")
    if "question" not in row:
        raise TypeError("缺少 question 字段")
    answers = row.get("answers", [])
    if not isinstance(row["question"], str) or not (
        isinstance(answers, list) and all(isinstance(a, str) for a in answers)
    ):
        raise TypeError("question 应是字符串，answers 应是字符串列表")
    if any(not squash(a) for a in answers):  # "" is in every passage: each would count as relevant
        raise TypeError("answers 里有空的短语（空短语出现在每个段落里，会把任何段落都算作相关）")
    document, fact = row.get("document"), row.get("fact")
    if not (document is None or (isinstance(document, str) and document.strip())) or not (
        fact is None or (isinstance(fact, str) and fact.strip())
    ):
        raise TypeError("document 与 fact 应是非空的字符串")
    if fact is not None and document is None:
        raise TypeError("有 fact 的题也要有 document（所问文件的标题）")
    split = {"held-out": "heldout"}.get(row.get("split"), row.get("split"))
    if split not in (None, *SPLITS):
        raise TypeError(f"split 应是 {' 或 '.join(SPLITS)}")
    return GoldQuestion(
        id=str(row.get("id", number)),
        question=row["question"],
        answers=tuple(answers),
        style=row.get("style"),
        speech_title=document,
        split=split,
        kind=row.get("kind"),
        fact=fact,
    )


def load_questions(path: Path) -> list[GoldQuestion]:
    questions = []
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except UnicodeDecodeError as e:
        raise GoldFormatError(
            f"题集 {path} 不是 UTF-8 编码的 JSON Lines 文件（第 {e.start} 字节起无法解码），请另存为 UTF-8"
        ) from e
    except OSError as e:
        raise GoldFormatError(f"无法读取题集 {path}：{describe_os_error(e)}") from e
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as e:  # json's reason is English: where it stopped is said instead
            raise GoldFormatError(
                f"{path} 第 {number} 行格式不对（需要 question 与 answers 字段）：不是 JSON（第 {e.colno} 列起读不通）"
            ) from e
        try:
            questions.append(gold_question(row, number))
        except (ValueError, KeyError, TypeError) as e:
            raise GoldFormatError(
                f"{path} 第 {number} 行格式不对（需要 question 与 answers 字段）：{e}"
            ) from e
    if not questions:
        raise GoldFormatError(f"题集 {path} 是空的")
    return questions


def is_relevant(passage: PassageRecord, question: GoldQuestion) -> bool:
    if question.speech_title is not None:
        return passage.speech_title == question.speech_title
    text = squash(passage.text)
    return any(squash(a) in text for a in question.answers)


def sentence_holds(hit: Hit, question: GoldQuestion, answer: Answer | None = None) -> bool:
    """Whether a gold phrase (CMRC: a gold answer span) lies inside the hit's answer sentence; for a
    metadata question (`fact`), whether the fact the answer shows from the stored record holds it."""
    if question.fact is not None:
        shown = answer.record_fact if answer is not None else None
        return shown is not None and squash(question.fact) in squash(shown.value)
    if hit.answer_sentence is None:
        return False
    sentence = squash(hit.answer_sentence.text)
    return any(squash(a) in sentence for a in (question.spans or question.answers) if a.strip())


def search_as_evaluated(
    retriever: Retriever, question: str, mode: Mode = "hybrid", *, as_asked: bool = False
) -> Answer:
    """One question searched as `speechqa eval` searches it: its top EVAL_K; with `as_asked`, as
    `speechqa ask` and the bot do (a speaker or year it names filters, a pinned answer comes first). The
    confidence benches read their signals from this same search, so they judge what `eval` reports."""
    return retriever.search(question, k=EVAL_K, mode=mode, auto_filter=as_asked, pins=as_asked)


def evaluate(questions: Sequence[GoldQuestion], ask: Callable[[str], Answer]) -> Report:
    outcomes = []
    started = time.perf_counter()
    for q in questions:
        answer = ask(q.question)
        first = next(
            (h.rank for h in answer.hits[:MRR_DEPTH] if is_relevant(h.passage, q)),
            None,
        )
        outcomes.append(
            Outcome(
                q,
                first,
                answer.answered,
                first == 1 and sentence_holds(answer.hits[0], q, answer),
                answer.level,
            )
        )
    elapsed = time.perf_counter() - started
    return summarise(outcomes, elapsed)


def summarise(outcomes: Sequence[Outcome], elapsed: float) -> Report:
    answerable = [o for o in outcomes if o.question.answerable]
    unanswerable = [o for o in outcomes if not o.question.answerable]
    n = max(1, len(answerable))
    recall = {k: sum(1 for o in answerable if o.first_relevant and o.first_relevant <= k) / n for k in KS}
    mrr = sum(1 / o.first_relevant for o in answerable if o.first_relevant) / n
    correct = sum(1 for o in answerable if o.answered) + sum(1 for o in unanswerable if not o.answered)
    return Report(
        questions=len(outcomes),
        answerable=len(answerable),
        recall=recall,
        mrr=mrr,
        abstain_accuracy=correct / max(1, len(outcomes)),
        false_abstain=sum(1 for o in answerable if not o.answered) / n,
        false_answer=sum(1 for o in unanswerable if o.answered) / max(1, len(unanswerable)),
        qps=len(outcomes) / elapsed if elapsed > 0 else 0.0,
        sentence_hit=sum(1 for o in answerable if o.sentence_hit) / n,
        outcomes=tuple(outcomes),
    )


def by_split(report: Report) -> dict[str, Report]:
    """The report's questions re-summarised per half ("tune", "heldout"); empty when the set has no split.
    Throughput is not re-measured per half (it is the whole run's)."""
    halves: dict[str, Report] = {}
    for split in SPLITS:
        part = [o for o in report.outcomes if o.question.split == split]
        if part:
            r = summarise(part, 0.0)
            halves[split] = replace(r, qps=report.qps)
    return halves


def level_counts(report: Report) -> dict[str, dict[str, int]]:
    """How many answerable and unanswerable questions got each confidence level."""
    counts: dict[str, dict[str, int]] = {
        "answerable": {"high": 0, "medium": 0, "low": 0},
        "unanswerable": {"high": 0, "medium": 0, "low": 0},
    }
    for o in report.outcomes:
        if o.level in counts["answerable"]:
            counts["answerable" if o.question.answerable else "unanswerable"][o.level] += 1
    return counts
