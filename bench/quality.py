"""Retrieval quality: the tables of `speechqa eval`, CMRC 2018 as a benchmark, and the design ablation."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from corpus import chunk_speech
from index import (
    TOKENIZERS,
    BuildReport,
    Embedder,
    LexicalIndex,
    Library,
    LoadedIndex,
    VectorIndex,
    get_tokenizer,
    lexical_input,
    load_embedder,
)
from index.store import content_hash
from retrieval import MODES, Answer, Retriever, RetrieverConfig

from .cmrc import BenchmarkSet
from .evaluate import (
    KS,
    SPLITS,
    GoldQuestion,
    Report,
    by_split,
    evaluate,
    level_counts,
    search_as_evaluated,
    summarise,
)

Progress = Callable[[int, int], None]
Notice = Callable[[str], None]


def report_table(reports: dict[str, Report], *, abstain: bool) -> str:
    head = ["mode", *[f"R@{k}" for k in KS], "MRR@10", "answer sentence"]
    if abstain:
        head += ["abstain acc", "false abstain", "false answer"]
    head += ["q/s"]
    rows = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for mode, r in reports.items():
        cells = [mode, *[f"{r.recall[k]:.3f}" for k in KS], f"{r.mrr:.3f}", f"{r.sentence_hit:.3f}"]
        if abstain:
            cells += [f"{r.abstain_accuracy:.3f}", f"{r.false_abstain:.3f}", f"{r.false_answer:.3f}"]
        cells += [f"{r.qps:.1f}"]
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


def report_json(r: Report, *, halves: bool = True) -> dict[str, object]:
    return {
        "questions": r.questions,
        "answerable": r.answerable,
        **{f"recall@{k}": round(r.recall[k], 4) for k in KS},
        "mrr@10": round(r.mrr, 4),
        "answer_sentence": round(r.sentence_hit, 4),
        "abstain_accuracy": round(r.abstain_accuracy, 4),
        "false_abstain": round(r.false_abstain, 4),
        "false_answer": round(r.false_answer, 4),
        "qps": round(r.qps, 2),
        **(
            {"halves": {s: report_json(h, halves=False) for s, h in by_split(r).items()}}
            if halves and by_split(r)
            else {}
        ),
    }


def halves_tables(reports: dict[str, Report]) -> str:
    """The same table for each half of a split question set (tune, heldout), with the confidence levels
    the hybrid search gave; empty when the set has no split."""
    parts = []
    for split in SPLITS:
        halves = {mode: by_split(r).get(split) for mode, r in reports.items()}
        present = {mode: r for mode, r in halves.items() if r is not None}
        if not present:
            continue
        first = next(iter(present.values()))
        parts.append(
            f"{split} half: {first.questions} questions, {first.answerable} answerable"
            + ("  (fitted on: report only the heldout half as a result)" if split == "tune" else "")
        )
        parts.append(report_table(present, abstain=True))
        if "hybrid" in present:
            counts = level_counts(present["hybrid"])
            parts.append(
                "hybrid confidence (high / medium / low): answerable "
                + " / ".join(str(counts["answerable"][x]) for x in ("high", "medium", "low"))
                + "; unanswerable "
                + " / ".join(str(counts["unanswerable"][x]) for x in ("high", "medium", "low"))
            )
    return "\n\n".join(parts)


def style_table(report: Report) -> str:
    """One row per question style (the set's "style" field) of one mode's report, for each half of a split
    set and for the whole: answerable and unanswerable counts, R@1, R@3, 要点 (the answer sentence holds the
    gold phrase), false 「未找到」 (answerable told low) and answered unanswerable; empty when no question
    names a style."""
    styles = sorted({o.question.style for o in report.outcomes if o.question.style})
    if not styles:
        return ""
    head = "| style | half | answerable / unanswerable | R@1 | R@3 | 要点 | false 「未找到」 | answered unanswerable |"
    rows = [head, "|" + "---|" * 8]
    halves = [("all", None), *((s, s) for s in SPLITS if any(o.question.split == s for o in report.outcomes))]
    for style in styles:
        for name, split in halves:
            part = [
                o
                for o in report.outcomes
                if o.question.style == style and (split is None or o.question.split == split)
            ]
            if not part:
                continue
            r = summarise(part, 0.0)
            answerable = r.answerable > 0
            unanswerable = r.questions - r.answerable
            cells = [
                style,
                name,
                f"{r.answerable} / {unanswerable}",
                *(
                    [f"{r.recall[1]:.3f}", f"{r.recall[3]:.3f}", f"{r.sentence_hit:.3f}"]
                    if answerable
                    else ["—"] * 3
                ),
                f"{r.false_abstain:.3f}" if answerable else "—",
                f"{sum(1 for o in part if not o.question.answerable and o.answered)}/{unanswerable}"
                if unanswerable
                else "—",
            ]
            rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


def unanswered_by_kind(reports: dict[str, Report]) -> str:
    """How many unanswerable questions of each kind (near_miss, off_topic) each mode answered anyway;
    empty when the set does not say the kind."""
    lines = []
    for mode, r in reports.items():
        kinds: dict[str, list[bool]] = {}
        for o in r.outcomes:
            if not o.question.answerable and o.question.kind:
                kinds.setdefault(o.question.kind, []).append(o.answered)
        if kinds:
            counts = ", ".join(f"{k} {sum(v)}/{len(v)}" for k, v in sorted(kinds.items()))
            lines.append(f"{mode}: unanswerable questions answered anyway, by kind: {counts}")
    return "\n".join(lines)


def misses(reports: dict[str, Report]) -> list[str]:
    """Lines naming the questions whose answer was not ranked first, or whose answered flag is wrong."""
    lines = []
    for mode, r in reports.items():
        lines.append(f"\nnot first in {mode}:")
        for o in r.outcomes:
            if o.question.answerable and o.first_relevant != 1:
                lines.append(f"  {o.question.id} rank={o.first_relevant} {o.question.question}")
            if o.answered != o.question.answerable:
                lines.append(f"  {o.question.id} answered={o.answered} {o.question.question}")
    return lines


def evaluate_modes(
    retriever: Retriever,
    questions: Sequence[GoldQuestion],
    modes: Sequence[str] = MODES,
    *,
    as_asked: bool = False,
) -> dict[str, Report]:
    """One report per retrieval mode, each question asked for its top 10.

    With `as_asked`, each question is searched as `speechqa ask` and the bot search it: a speaker or a
    year the question names restricts the search to those speeches, and a pinned answer comes first.
    Without it (the default) the ranking is scored alone."""

    def ask(question: str, mode: str) -> Answer:
        return search_as_evaluated(retriever, question, mode, as_asked=as_asked)  # type: ignore[arg-type]

    return {mode: evaluate(questions, lambda q, m=mode: ask(q, m)) for mode in modes}  # type: ignore[misc]


@dataclass(frozen=True)
class BenchLibrary:
    """A benchmark's own library, loaded, with the embedder its index was built with."""

    library: Library
    embedder: Embedder
    build: BuildReport | None  # set when this call had to (re)build the index

    def retriever(self) -> Retriever:
        return Retriever(self.library.store, self.library.load(self.embedder.key), self.embedder)


def cmrc_library(
    data: BenchmarkSet,
    home: Path,
    *,
    model: str,
    tokenizer: str,
    notice: Notice | None = None,
    progress: Progress | None = None,
) -> BenchLibrary:
    """The benchmark's own library: its contexts stored as speeches and indexed (embeddings cached
    there, so a second run embeds nothing)."""
    library = Library(home, tokenizer=tokenizer)
    manifest = library.manifest()
    embedder = load_embedder(model, prefer_key=manifest.model if manifest else None, notice=notice)
    with library.write_lock():
        for speech in data.speeches:
            library.store.save_speech(speech, chunk_speech(speech))
        build = library.build(embedder, progress) if library.is_stale() else None
    return BenchLibrary(library, embedder, build)


def cmrc_report(
    name: str,
    data: BenchmarkSet,
    questions: Sequence[GoldQuestion],
    bench: BenchLibrary,
    setup_s: float,
    tokenizer: str,
    modes: Sequence[str] = MODES,
) -> str:
    """The `speechqa bench cmrc` summary line and table."""
    retriever = bench.retriever()
    reports = evaluate_modes(retriever, questions, modes)
    summary = (
        f"CMRC 2018 {name}: {len(data.speeches)} contexts → {retriever.index.manifest.count} passages, "
        f"{len(questions)} questions; model {bench.embedder.key}, tokenizer {tokenizer}; "
        f"index ready in {setup_s:.1f} s"
        + (f" ({bench.build.embedded} passages embedded)" if bench.build else " (cached)")
    )
    return f"{summary}\n\n{report_table(reports, abstain=True)}"


def ablation(
    library: Library,
    embedder: Embedder,
    questions: Sequence[GoldQuestion],
    name: str,
    *,
    embed_sections: bool = False,
    progress: Progress | None = None,
) -> str:
    """Compare the design choices on one question set, in one run: lexical tokenizer, section heading in
    the lexical text or not, fusion (RRF, weighted at several dense weights), against dense and lexical
    alone. Returns the Markdown table (Recall@1/5 and MRR@10 per variant)."""
    loaded = library.load(embedder.key)
    passages = library.store.passages()
    ids = np.asarray([p.id for p in passages], dtype=np.int64)
    vectors: dict[str, np.ndarray] = {}

    class CachedQueries:
        """The embedder, with each question embedded once for all variants."""

        key, dim = embedder.key, embedder.dim

        def embed_batch(self, texts: list[str], kind: str) -> np.ndarray:
            for t in texts:
                if t not in vectors:
                    vectors[t] = embedder.embed_batch([t], kind)[0]  # type: ignore[arg-type]
            return np.stack([vectors[t] for t in texts])

    cached = CachedQueries()
    fusions = [("rrf", RetrieverConfig(fusion="rrf"))] + [
        (f"weighted {w}", RetrieverConfig(fusion="weighted", dense_weight=w)) for w in (0.3, 0.4, 0.5, 0.6)
    ]
    rows = []
    if embed_sections:
        rows += _dense_with_sections(library, loaded, embedder, cached, questions, passages, ids, progress)
    for tokenizer in TOKENIZERS:
        for heads in ("title", "section", ""):  # what stands before the text: today's, then less
            texts = [
                lexical_input(
                    p.text, p.section if heads else None, p.speech_title if heads == "title" else None
                )
                for p in passages
            ]
            variant = LoadedIndex(
                loaded.manifest, loaded.vectors, LexicalIndex.build(texts, ids, get_tokenizer(tokenizer))
            )
            label = tokenizer + {"title": " +title +section", "section": " +section", "": ""}[heads]
            runs = [("lexical", RetrieverConfig(), "lexical")] + [(f, c, "hybrid") for f, c in fusions]
            if tokenizer == TOKENIZERS[0] and heads == "title":
                runs.insert(0, ("dense", RetrieverConfig(), "dense"))
            for fusion, config, mode in runs:
                retriever = Retriever(library.store, variant, cached, config)  # type: ignore[arg-type]
                r = evaluate(questions, lambda q, rt=retriever, m=mode: rt.search(q, k=10, mode=m))  # type: ignore[misc]
                rows.append(
                    f"| {label if mode != 'dense' else '—'} | {fusion} | {r.recall[1]:.3f} | {r.recall[5]:.3f} | {r.mrr:.3f} |"
                )
    return "\n".join(
        [
            f"Ablation on {name}: {len(questions)} questions, {len(passages)} passages, model {embedder.key}",
            "",
            "| lexical text | ranking | R@1 | R@5 | MRR@10 |",
            "|---|---|---|---|---|",
            *rows,
        ]
    )


def _dense_with_sections(library, loaded, embedder, cached, questions, passages, ids, progress) -> list[str]:  # type: ignore[no-untyped-def]
    """Rows for dense vectors of "section heading + text" (what we chose not to embed)."""
    key = f"{embedder.key}+section"
    inputs = {
        content_hash(lexical_input(p.text, p.section)): lexical_input(p.text, p.section) for p in passages
    }
    have = library.store.cached_vectors(key, list(inputs), embedder.dim)
    missing = [h for h in inputs if h not in have]
    for start in range(0, len(missing), 16):
        batch = missing[start : start + 16]
        vectors = embedder.embed_batch([inputs[h] for h in batch], "passage")
        library.store.cache_vectors(key, zip(batch, vectors, strict=True))
        have.update(zip(batch, vectors, strict=True))
        if progress is not None:
            progress(min(start + 16, len(missing)), len(missing))
    matrix = np.stack([have[content_hash(lexical_input(p.text, p.section))] for p in passages])
    variant = LoadedIndex(loaded.manifest, VectorIndex.build(matrix, ids, embedder.dim), loaded.lexical)
    rows = []
    for label, config, mode in (
        ("dense", RetrieverConfig(), "dense"),
        ("weighted 0.4", RetrieverConfig(fusion="weighted", dense_weight=0.4), "hybrid"),
    ):
        retriever = Retriever(library.store, variant, cached, config)
        r = evaluate(questions, lambda q, rt=retriever, m=mode: rt.search(q, k=10, mode=m))  # type: ignore[misc]
        rows.append(
            f"| (dense embeds section + text) | {label} | {r.recall[1]:.3f} | {r.recall[5]:.3f} | {r.mrr:.3f} |"
        )
    return rows
