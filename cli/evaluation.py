"""`speechqa eval` and `speechqa bench`: measure retrieval quality and speed, print the figures."""

from __future__ import annotations

import json
import time
from pathlib import Path

import click

from corpus import chunk_speech
from index import BuildReport, Embedder, Library, load_embedder
from retrieval import MODES, Retriever
from retrieval.cmrc import BenchmarkSet, load_cmrc
from retrieval.evaluate import KS, Report, evaluate, load_questions

from .main import Context, ProgressBar, cli, notice, pass_context, user_errors


def report_table(reports: dict[str, Report], *, abstain: bool) -> str:
    head = ["mode", *[f"R@{k}" for k in KS], "MRR@10"]
    if abstain:
        head += ["abstain acc", "false abstain", "false answer"]
    head += ["q/s"]
    rows = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for mode, r in reports.items():
        cells = [mode, *[f"{r.recall[k]:.3f}" for k in KS], f"{r.mrr:.3f}"]
        if abstain:
            cells += [f"{r.abstain_accuracy:.3f}", f"{r.false_abstain:.3f}", f"{r.false_answer:.3f}"]
        cells += [f"{r.qps:.1f}"]
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


def report_json(r: Report) -> dict[str, object]:
    return {
        "questions": r.questions,
        "answerable": r.answerable,
        **{f"recall@{k}": round(r.recall[k], 4) for k in KS},
        "mrr@10": round(r.mrr, 4),
        "abstain_accuracy": round(r.abstain_accuracy, 4),
        "false_abstain": round(r.false_abstain, 4),
        "false_answer": round(r.false_answer, 4),
        "qps": round(r.qps, 2),
    }


@cli.command("eval")
@click.argument("questions_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--mode", "modes", type=click.Choice(MODES), multiple=True, help="Mode(s) to score (default: all)."
)
@click.option("--misses", is_flag=True, help="Also list the questions whose answer was not ranked first.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@pass_context
def eval_command(
    obj: Context, questions_file: Path, modes: tuple[str, ...], misses: bool, as_json: bool
) -> None:
    """Score retrieval on a question set (JSON Lines with "question" and "answers" phrases).

    Prints Recall@1/3/5, MRR@10 and abstain accuracy (a question with no answers should be declined).

    \b
    Example:
        speechqa eval benchmarks/dev-questions.jsonl
    """
    with user_errors():
        questions = load_questions(questions_file)
        service = obj.service()
        reports = {
            mode: evaluate(questions, lambda q, m=mode: service.retriever.search(q, k=10, mode=m))  # type: ignore[misc]
            for mode in (modes or MODES)
        }
    if as_json:
        click.echo(json.dumps({m: report_json(r) for m, r in reports.items()}, ensure_ascii=False, indent=1))
        return
    answerable = next(iter(reports.values())).answerable
    click.echo(f"{questions_file.name}: {len(questions)} questions, {answerable} answerable")
    click.echo(f"model {service.embedder.key}, tokenizer {obj.settings.tokenizer}\n")
    click.echo(report_table(reports, abstain=True))
    if misses:
        for mode, r in reports.items():
            click.echo(f"\nnot first in {mode}:")
            for o in r.outcomes:
                if o.question.answers and o.first_relevant != 1:
                    click.echo(f"  {o.question.id} rank={o.first_relevant} {o.question.question}")
                if o.answered != bool(o.question.answers):
                    click.echo(f"  {o.question.id} answered={o.answered} {o.question.question}")


@cli.group()
def bench() -> None:
    """Benchmarks that print their figures (retrieval quality and speed).

    \b
    Example:
        speechqa bench cmrc ../shared/benchmarks/cmrc2018/cmrc2018_dev.json --limit 200
    """


def cmrc_library(
    obj: Context, data: BenchmarkSet, home: Path
) -> tuple[Library, Embedder, BuildReport | None]:
    """The benchmark's own library: its contexts stored as speeches and indexed (embeddings cached
    there, so a second run embeds nothing). Returns the build report when it had to build."""
    library = Library(home, tokenizer=obj.settings.tokenizer)
    manifest = library.manifest()
    embedder = load_embedder(
        obj.settings.model, prefer_key=manifest.model if manifest else None, notice=notice
    )
    with library.write_lock():
        for speech in data.speeches:
            library.store.save_speech(speech, chunk_speech(speech))
        build = library.build(embedder, ProgressBar("嵌入 CMRC 段落")) if library.is_stale() else None
    return library, embedder, build


@bench.command("ablation")
@click.argument(
    "questions_file", required=False, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option(
    "--cmrc",
    "cmrc_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Run on CMRC 2018 (this file) instead of a question set.",
)
@click.option("--limit", type=click.IntRange(1), help="Use every n-th question so that about N remain.")
@click.option(
    "--embed-sections",
    is_flag=True,
    help="Also embed every passage with its section heading in front (extra embedding; cached).",
)
@click.option(
    "--doc", type=click.Path(dir_okay=False, path_type=Path), help="Write the table into this file."
)
@pass_context
def bench_ablation(
    obj: Context,
    questions_file: Path | None,
    cmrc_file: Path | None,
    limit: int | None,
    embed_sections: bool,
    doc: Path | None,
) -> None:
    """Compare the design choices on one question set, in one run: lexical tokenizer (char n-grams,
    jieba, both), section heading in the lexical text or not, and fusion (RRF, weighted at several
    dense weights), against dense and lexical alone. Prints Recall@1/5 and MRR@10 per variant.

    \b
    Examples:
        speechqa bench ablation benchmarks/dev-questions.jsonl
        speechqa bench ablation --cmrc ../shared/benchmarks/cmrc2018/cmrc2018_dev.json --limit 800
    """
    import numpy as np

    from index import TOKENIZERS, LexicalIndex, LoadedIndex, get_tokenizer, lexical_input
    from retrieval import RetrieverConfig

    with user_errors():
        if cmrc_file is not None:
            data = load_cmrc(cmrc_file)
            questions = data.questions
            library, embedder, _ = cmrc_library(obj, data, obj.settings.home / "bench" / cmrc_file.stem)
            name = cmrc_file.name
        elif questions_file is not None:
            questions = load_questions(questions_file)
            service = obj.service()
            library, embedder = service.library, service.embedder
            name = questions_file.name
        else:
            raise click.UsageError("give a question set (JSON Lines) or --cmrc FILE")
        if limit and len(questions) > limit:
            questions = questions[:: max(1, len(questions) // limit)]
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
            (f"weighted {w}", RetrieverConfig(fusion="weighted", dense_weight=w))
            for w in (0.3, 0.4, 0.5, 0.6)
        ]
        rows = []
        if embed_sections:
            rows += _dense_with_sections(library, loaded, embedder, cached, questions, passages, ids)
        for tokenizer in TOKENIZERS:
            for with_section in (True, False):
                texts = [lexical_input(p.text, p.section) if with_section else p.text for p in passages]
                variant = LoadedIndex(
                    loaded.manifest, loaded.vectors, LexicalIndex.build(texts, ids, get_tokenizer(tokenizer))
                )
                label = f"{tokenizer}{' +section' if with_section else ''}"
                runs = [("lexical", RetrieverConfig(), "lexical")] + [(f, c, "hybrid") for f, c in fusions]
                if tokenizer == TOKENIZERS[0] and with_section:
                    runs.insert(0, ("dense", RetrieverConfig(), "dense"))
                for fusion, config, mode in runs:
                    retriever = Retriever(library.store, variant, cached, config)
                    r = evaluate(questions, lambda q, rt=retriever, m=mode: rt.search(q, k=10, mode=m))  # type: ignore[misc]
                    rows.append(
                        f"| {label if mode != 'dense' else '—'} | {fusion} | {r.recall[1]:.3f} | {r.recall[5]:.3f} | {r.mrr:.3f} |"
                    )
    table = "\n".join(
        [
            f"Ablation on {name}: {len(questions)} questions, {len(passages)} passages, model {embedder.key}",
            "",
            "| lexical text | ranking | R@1 | R@5 | MRR@10 |",
            "|---|---|---|---|---|",
            *rows,
        ]
    )
    click.echo(table)
    if doc is not None:
        from .benchdoc import machine_line, write_section

        write_section(f"ablation-{Path(name).stem}", f"{table}\n\n{machine_line()}", doc)


def _dense_with_sections(library, loaded, embedder, cached, questions, passages, ids) -> list[str]:  # type: ignore[no-untyped-def]
    """Rows for dense vectors of "section heading + text" (what we chose not to embed)."""
    import numpy as np

    from index import LoadedIndex, VectorIndex, lexical_input
    from index.store import content_hash
    from retrieval import RetrieverConfig

    key = f"{embedder.key}+section"
    inputs = {
        content_hash(lexical_input(p.text, p.section)): lexical_input(p.text, p.section) for p in passages
    }
    have = library.store.cached_vectors(key, list(inputs), embedder.dim)
    missing = [h for h in inputs if h not in have]
    progress = ProgressBar("嵌入（含章节标题）")
    for start in range(0, len(missing), 16):
        batch = missing[start : start + 16]
        vectors = embedder.embed_batch([inputs[h] for h in batch], "passage")
        library.store.cache_vectors(key, zip(batch, vectors, strict=True))
        have.update(zip(batch, vectors, strict=True))
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


@bench.command("cmrc")
@click.argument("data_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--limit", type=click.IntRange(1), help="Use only the first N questions.")
@click.option("--mode", "modes", type=click.Choice(MODES), multiple=True, help="Mode(s) (default: all).")
@click.option(
    "--bench-home",
    type=click.Path(file_okay=False, path_type=Path),
    help="Where to keep the benchmark's index and embedding cache (default: $SPEECHQA_HOME/bench/NAME).",
)
@click.option(
    "--doc", type=click.Path(dir_okay=False, path_type=Path), help="Also write the figures into this file."
)
@pass_context
def bench_cmrc(
    obj: Context,
    data_file: Path,
    limit: int | None,
    modes: tuple[str, ...],
    bench_home: Path | None,
    doc: Path | None,
) -> None:
    """CMRC 2018 as a retrieval benchmark: every context is a document; a hit is a passage from the
    question's own context. Prints Recall@1/3/5, MRR@10 and queries per second per mode.

    \b
    Example:
        speechqa bench cmrc ../shared/benchmarks/cmrc2018/cmrc2018_dev.json
    """
    with user_errors():
        data = load_cmrc(data_file)
        questions = data.questions[:limit] if limit else data.questions
        started = time.perf_counter()
        library, embedder, build = cmrc_library(
            obj, data, bench_home or obj.settings.home / "bench" / data_file.stem
        )
        retriever = Retriever(library.store, library.load(embedder.key), embedder)
        setup = time.perf_counter() - started
        reports = {
            mode: evaluate(questions, lambda q, m=mode: retriever.search(q, k=10, mode=m))  # type: ignore[misc]
            for mode in (modes or MODES)
        }
    summary = (
        f"CMRC 2018 {data_file.name}: {len(data.speeches)} contexts → {retriever.index.manifest.count} passages, "
        f"{len(questions)} questions; model {embedder.key}, tokenizer {obj.settings.tokenizer}; "
        f"index ready in {setup:.1f} s" + (f" ({build.embedded} passages embedded)" if build else " (cached)")
    )
    from .benchdoc import machine_line, write_section

    text = f"{summary}\n\n{report_table(reports, abstain=True)}\n\n{machine_line()}"
    click.echo(text)
    if doc is not None:
        write_section(f"cmrc-{data_file.stem}", "`speechqa bench cmrc` — " + text, doc)
