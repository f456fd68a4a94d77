"""CMRC 2018 (SQuAD-style Chinese reading comprehension) as a retrieval benchmark.

Every context becomes one document; a question is answered correctly when a returned passage comes
from its own context (any chunk of it counts).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from corpus import Paragraph, Speech
from retrieval.evaluate import GoldFormatError, GoldQuestion


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
