"""CMRC 2018 (SQuAD-style Chinese reading comprehension) as a retrieval benchmark.

Every context becomes one document; a question is answered correctly when a returned passage comes
from its own context (any chunk of it counts).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from corpus import Paragraph, Speech
from retrieval.sentence import split_sentences

from .evaluate import GoldFormatError, GoldQuestion


@dataclass(frozen=True)
class BenchmarkSet:
    speeches: list[Speech]
    questions: list[GoldQuestion]


def load_cmrc(path: Path, every: int = 1) -> BenchmarkSet:
    """The contexts and questions of a CMRC file; with `every` > 1 only every n-th context (and its
    questions): a sample that embeds n times faster, with n times fewer distractors."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise GoldFormatError(f"无法读取 CMRC 数据 {path}：{e}") from e
    speeches: list[Speech] = []
    questions: list[GoldQuestion] = []
    seen = 0
    for article in data.get("data", []):
        for paragraph in article.get("paragraphs", []):
            seen += 1
            if (seen - 1) % every:
                continue
            key = str(paragraph.get("id") or f"{article.get('id')}-{len(speeches)}")
            title = f"{article.get('title', '')} [{key}]"
            speeches.append(
                Speech(
                    title=title,
                    subtitle=None,
                    date=None,
                    speaker=None,
                    source=path.name,
                    ordinal=len(speeches) + 1,
                    label=None,
                    paragraphs=(Paragraph(text=paragraph["context"].strip(), section=article.get("title")),),
                )
            )
            for qa in paragraph.get("qas", []):
                if not str(qa.get("question", "")).strip():
                    continue  # the trial file has two questions with no text: nothing to ask
                questions.append(
                    GoldQuestion(
                        id=str(qa["id"]),
                        question=qa["question"],
                        answers=(),
                        speech_title=title,
                        spans=tuple(a["text"] for a in qa.get("answers", []) if a.get("text", "").strip()),
                    )
                )
    if not speeches:
        raise GoldFormatError(f"{path} 中没有 CMRC 段落（需要 SQuAD 格式的 data[].paragraphs[]）")
    return BenchmarkSet(speeches, questions)


def without_answers(data: BenchmarkSet, questions: Sequence[GoldQuestion]) -> BenchmarkSet:
    """Near misses by construction that keep the topic: for the first of `questions` asked of each context,
    that context with the sentence(s) holding its answer taken out, every other context as it is, and
    those questions (unanswerable there). A question whose answer also stands elsewhere in its context,
    or whose context would be left empty, is not used.

    Removing a whole context (`cmrc_examples`) leaves the library without the question's topic; a staff
    near miss asks a detail that a passage on the very topic does not give. This is that: the passage
    still names the subject, only the sentence answering is gone."""
    chosen: dict[str, GoldQuestion] = {}
    for q in questions:
        if q.speech_title and q.spans and q.speech_title not in chosen:
            chosen[q.speech_title] = q
    speeches: list[Speech] = []
    kept: list[GoldQuestion] = []
    for speech in data.speeches:
        q = chosen.get(speech.title)
        text = speech.paragraphs[0].text if q is not None and len(speech.paragraphs) == 1 else None
        remainder = _without_sentences_holding(text, q.spans) if text is not None and q is not None else None
        if q is None or remainder is None:
            speeches.append(speech)
            continue
        paragraph = replace(speech.paragraphs[0], text=remainder)
        speeches.append(replace(speech, paragraphs=(paragraph,)))
        kept.append(replace(q, answers=(), speech_title=None, kind="near_miss"))
    return BenchmarkSet(speeches, kept)


def _without_sentences_holding(text: str, spans: Sequence[str]) -> str | None:
    """`text` without every sentence that a first occurrence of one of `spans` touches; None when a span
    is not found, would still be found in what is left, or nothing is left."""
    cuts = split_sentences(text)
    dropped: set[int] = set()
    for span in spans:
        at = text.find(span)
        if at < 0:
            return None
        dropped |= {i for i, (s, e) in enumerate(cuts) if s < at + len(span) and at < e}
    left = "".join(text[s:e] for i, (s, e) in enumerate(cuts) if i not in dropped).strip()
    if not left or any(span in left for span in spans):
        return None
    return left
