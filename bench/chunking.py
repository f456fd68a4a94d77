"""Passage size by measurement: one passage per paragraph against short paragraphs merged up to a
target size (never across a section), on several question sets, with a plain character-bigram BM25 over
fixed windows as a reference.

Each set gets its own library (one home per set, the embedding cache shared by the variants: a passage
that does not change is embedded once). Every variant re-chunks all speeches of the set, builds, and asks
every question in the hybrid mode (the one users get). Gold answers are phrases or a speech title, so
they survive re-chunking.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from corpus import (
    DEFAULT_MAX_CHARS,
    PassageDraft,
    Speech,
    chunk_speech,
    parse_document,
    read_document,
    squash,
)
from index import Embedder, LexicalIndex, Library
from retrieval import Answer, Retriever

from .cmrc import BenchmarkSet, load_cmrc
from .evaluate import (
    KS,
    MRR_DEPTH,
    GoldQuestion,
    Outcome,
    Report,
    evaluate,
    load_questions,
    summarise,
)

Progress = Callable[[int, int], None]

WINDOW = 300
STRIDE = 150
DEFAULT_TARGETS: tuple[int | None, ...] = (None, 200, 300, 400)


@dataclass(frozen=True)
class QuestionSet:
    """A corpus (as speeches) and questions over it; `parts` names subsets reported on their own."""

    name: str
    speeches: list[Speech]
    questions: list[GoldQuestion]
    parts: dict[str, frozenset[str]]  # part name -> question ids (e.g. tune / held-out)
    # The same questions with the answering speech as gold (any passage of it counts): document recall.
    doc_questions: tuple[GoldQuestion, ...] = ()


def notice_set(notices: Path, questions_file: Path) -> QuestionSet:
    """The official-notice fixtures and the policy question set, with its tune/held-out split."""
    titles: dict[str, str] = {}
    speeches: list[Speech] = []
    for f in sorted(notices.glob("*.txt")):
        parsed = parse_document(read_document(f))
        speeches += parsed
        titles[f.stem] = parsed[0].title
    questions = load_questions(questions_file)
    parts: dict[str, set[str]] = {}
    notice_of: dict[str, str] = {}
    for number, line in enumerate(questions_file.read_text(encoding="utf-8-sig").splitlines(), start=1):
        if line.strip():
            row = json.loads(line)
            qid = str(row.get("id", number))
            parts.setdefault(str(row.get("split", "all")), set()).add(qid)
            if row.get("notice") in titles:
                notice_of[qid] = titles[row["notice"]]
    doc_questions = tuple(
        GoldQuestion(q.id, q.question, (), q.style, notice_of[q.id]) if q.id in notice_of and q.answers else q
        for q in questions
    )
    return QuestionSet(
        questions_file.stem,
        speeches,
        questions,
        {k: frozenset(v) for k, v in sorted(parts.items())},
        doc_questions,
    )


def speech_set(name: str, speeches: list[Speech], questions_file: Path) -> QuestionSet:
    return QuestionSet(name, speeches, load_questions(questions_file), {})


def cmrc_set(path: Path, contexts: int) -> QuestionSet:
    """The first `contexts` contexts of a CMRC 2018 file and their questions."""
    data: BenchmarkSet = load_cmrc(path)
    speeches = data.speeches[:contexts]
    titles = {s.title for s in speeches}
    questions = [q for q in data.questions if q.speech_title in titles]
    return QuestionSet(f"{path.stem} ({len(speeches)} contexts)", speeches, questions, {})


class _QueryCache:
    """The embedder, each question embedded once for all variants (passages pass through)."""

    def __init__(self, embedder: Embedder) -> None:
        self.embedder = embedder
        self.key, self.dim = embedder.key, embedder.dim
        self.vectors: dict[str, np.ndarray] = {}

    def embed_batch(self, texts: list[str], kind: str) -> np.ndarray:
        if kind != "query":
            return self.embedder.embed_batch(texts, kind)  # type: ignore[arg-type]
        for t in texts:
            if t not in self.vectors:
                self.vectors[t] = self.embedder.embed_batch([t], "query")[0]  # type: ignore[arg-type]
        return np.stack([self.vectors[t] for t in texts])


@dataclass(frozen=True)
class _Row:
    label: str
    passages: int
    mean_chars: float
    reports: dict[str, Report]  # part name ("all", "tune", …) -> report
    documents: Report | None = None  # document recall (the answering speech ranked), when the set has it


def chunking_report(
    sets: Sequence[QuestionSet],
    home: Path,
    *,
    embedder: Embedder,
    tokenizer: str,
    targets: Sequence[int | None] = DEFAULT_TARGETS,
    progress: Progress | None = None,
) -> str:
    """The Markdown tables: per set, one row per chunking variant plus the windowed-BM25 reference."""
    sections = []
    for qset in sets:
        library = Library(home / _slug(qset.name), tokenizer=tokenizer)
        cached = _QueryCache(embedder)
        rows: list[_Row] = []
        previous: tuple[list[str], _Row] | None = None
        for target in targets:
            drafts = [chunk_speech(s, DEFAULT_MAX_CHARS, target) for s in qset.speeches]
            texts = [d.text for part in drafts for d in part]
            label = "one paragraph" if target is None else f"merged ≤ {target}"
            if previous is not None and previous[0] == texts:  # the same passages: the same figures
                rows.append(dataclasses.replace(previous[1], label=label))
                continue
            rows.append(_variant(qset, library, cached, drafts, label, progress))
            previous = (texts, rows[-1])
        rows.append(_window_reference(qset))
        sections.append(_table(qset, rows))
    return "\n\n".join(sections)


def _variant(
    qset: QuestionSet,
    library: Library,
    embedder: _QueryCache,
    drafts: list[list[PassageDraft]],
    label: str,
    progress: Progress | None,
) -> _Row:
    with library.write_lock():
        for speech, speech_drafts in zip(qset.speeches, drafts, strict=True):
            library.store.save_speech(speech, speech_drafts)
        if library.is_stale():
            library.build(embedder, progress)  # type: ignore[arg-type]
    retriever = Retriever(library.store, library.load(embedder.key), embedder)  # type: ignore[arg-type]
    passages = library.store.passages()

    def ask(q: str) -> Answer:
        return retriever.search(q, k=MRR_DEPTH, mode="hybrid")

    return _Row(
        label,
        len(passages),
        sum(len(p.text) for p in passages) / max(len(passages), 1),
        _by_part(qset, ask),
        evaluate(qset.doc_questions, ask) if qset.doc_questions else None,
    )


def _by_part(qset: QuestionSet, ask: Callable[[str], object]) -> dict[str, Report]:
    full = evaluate(qset.questions, ask)  # type: ignore[arg-type]
    reports = {"all": full}
    for part, ids in qset.parts.items():
        outcomes = [o for o in full.outcomes if o.question.id in ids]
        reports[part] = _summarise(outcomes)
    return reports


def _summarise(outcomes: Sequence[Outcome]) -> Report:
    return summarise(outcomes, 1.0)


def bigrams(text: str) -> list[str]:
    """Character bigrams of the letters, digits and CJK characters of a text (a plain reference tokenizer)."""
    chars = re.sub(r"[^\w]", "", text)
    return [chars[i : i + 2] for i in range(len(chars) - 1)] or ([chars] if chars else [])


def windows(text: str, size: int = WINDOW, stride: int = STRIDE) -> list[str]:
    """Overlapping fixed-size windows over a text (the last one reaching its end)."""
    if len(text) <= size:
        return [text]
    starts = [*range(0, len(text) - size, stride), len(text) - size]
    return [text[s : s + size] for s in starts]


def _window_reference(qset: QuestionSet) -> _Row:
    """BM25 over character bigrams of ~300-character windows of each speech's body: no parsing, no
    sections, no dense side, never abstains."""
    texts: list[str] = []
    titles: list[str] = []
    for speech in qset.speeches:
        for w in windows("".join(p.text for p in speech.paragraphs)):
            texts.append(w)
            titles.append(speech.title)
    index = LexicalIndex.build(texts, list(range(len(texts))), bigrams)

    def first_relevant(q: GoldQuestion) -> int | None:
        for rank, (i, _score) in enumerate(index.search(q.question, MRR_DEPTH), start=1):
            if (q.speech_title is not None and titles[i] == q.speech_title) or (
                q.speech_title is None and any(squash(a) in squash(texts[i]) for a in q.answers)
            ):
                return rank
        return None

    outcomes = [Outcome(q, first_relevant(q), True) for q in qset.questions]
    reports = {"all": _summarise(outcomes)}
    for part, ids in qset.parts.items():
        reports[part] = _summarise([o for o in outcomes if o.question.id in ids])
    documents = (
        _summarise([Outcome(q, first_relevant(q), True) for q in qset.doc_questions])
        if qset.doc_questions
        else None
    )
    return _Row(f"reference: bigram BM25, {WINDOW}-char windows", len(texts), WINDOW, reports, documents)


def _table(qset: QuestionSet, rows: list[_Row]) -> str:
    parts = ["all", *qset.parts]
    answerable = sum(1 for q in qset.questions if q.answers or q.speech_title)
    head = ["passages", "count", "mean chars"]
    for part in parts:
        head += [f"R@1 {part}", f"R@5 {part}", f"MRR {part}"]
    if qset.doc_questions:
        head += ["document R@1", "document MRR"]
    head.append("abstain acc")
    lines = [
        f"**{qset.name}**: {len(qset.speeches)} speeches, {len(qset.questions)} questions "
        f"({answerable} answerable); hybrid mode"
        + (f"; parts: {', '.join(f'{k} {len(v)}' for k, v in qset.parts.items())}" if qset.parts else ""),
        "",
        "| " + " | ".join(head) + " |",
        "|" + "---|" * len(head),
    ]
    for row in rows:
        cells = [row.label, str(row.passages), f"{row.mean_chars:.0f}"]
        for part in parts:
            r = row.reports[part]
            cells += [f"{r.recall[1]:.3f}", f"{r.recall[KS[-1]]:.3f}", f"{r.mrr:.3f}"]
        if qset.doc_questions:
            d = row.documents
            cells += [f"{d.recall[1]:.3f}", f"{d.mrr:.3f}"] if d else ["—", "—"]
        cells.append(
            "—" if row.label.startswith("reference") else f"{row.reports['all'].abstain_accuracy:.3f}"
        )
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _slug(name: str) -> str:
    return re.sub(r"[^\w.-]+", "-", name).strip("-") or "set"
