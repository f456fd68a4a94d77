"""`speechqa bench latency · coldstart · add · ingest · scale · txtai`: speed and scale figures."""

from __future__ import annotations

from pathlib import Path

import click

import bench as b

from .bench import (
    BENCH_ERRORS,
    QUESTIONS,
    bench,
    bench_home_option,
    bench_library,
    doc_option,
    parsed,
    publish,
)
from .main import Context, long_running, notice, pass_context, user_errors


@bench.command("latency")
@click.option(
    "--questions",
    "questions_file",
    type=QUESTIONS,
    help="Questions to ask (JSON Lines; default: benchmarks/dev-questions.jsonl).",
)
@click.option(
    "--repeat", type=click.IntRange(1), default=5, show_default=True, help="Passes over the questions."
)
@doc_option
@pass_context
@long_running
def bench_latency(obj: Context, questions_file: Path | None, repeat: int, doc: Path) -> None:
    """Warm query latency per mode (p50/p95) and where a hybrid search's time goes.

    \b
    Example:
        speechqa bench latency --repeat 5
    """
    with user_errors(*BENCH_ERRORS):
        retriever = obj.service().retriever
        questions = [q.question for q in b.dev_questions(questions_file)]
        table = b.latency_report(retriever, questions, repeat)
    publish("latency", "speechqa bench latency", table, doc)


def env_pairs(_ctx: click.Context, _param: click.Parameter, values: tuple[str, ...]) -> list[tuple[str, str]]:
    pairs = []
    for variant in values:
        name, sep, value = variant.partition("=")
        if not name or not sep:
            raise click.BadParameter(f"expected NAME=VALUE, got {variant!r}", param_hint="--variant")
        pairs.append((name, value))
    return pairs


@bench.command("coldstart")
@click.option("--runs", type=click.IntRange(1), default=7, show_default=True, help="Timed runs per row.")
@click.option("--question", default=b.speed.COLD_QUESTION, show_default=True, help="The question to ask.")
@click.option(
    "--variant",
    "variants",
    multiple=True,
    metavar="NAME=VALUE",
    callback=env_pairs,
    help="Also time the ask with this environment variable set (repeatable), e.g. OMP_WAIT_POLICY=ACTIVE.",
)
@doc_option
@pass_context
def bench_coldstart(
    obj: Context, runs: int, question: str, variants: list[tuple[str, str]], doc: Path
) -> None:
    """Cold one-shot `speechqa ask QUESTION`, process start to printed answer, on a built index.

    \b
    Example:
        speechqa bench coldstart --runs 7 --variant OMP_WAIT_POLICY=ACTIVE
    """
    with user_errors(*BENCH_ERRORS):
        table = b.coldstart_report(obj.settings.home, obj.settings.model, runs, question, variants)
    publish("coldstart", "speechqa bench coldstart", table, doc)


@bench.command("add")
@click.option(
    "--sizes",
    default="1,10,100",
    show_default=True,
    callback=parsed(b.int_list),
    help="Library sizes, in speeches (comma-separated).",
)
@click.option("--repeat", type=click.IntRange(1), default=3, show_default=True, help="Adds per size.")
@click.option(
    "--first-run/--no-first-run", default=True, show_default=True, help="Also time a first run from scratch."
)
@doc_option
@pass_context
def bench_add(obj: Context, sizes: list[int], repeat: int, first_run: bool, doc: Path) -> None:
    """First run on the bundled speeches, and adding one speech to libraries of N speeches.

    \b
    Example:
        speechqa bench add --sizes 1,10,100,1000
    """
    with user_errors(*BENCH_ERRORS):
        embedder = b.bench_embedder(obj.settings.model, obj.settings.prefixes, notice)
        table = b.add_report(embedder, obj.settings.tokenizer, sizes, repeat, first_run)
    publish("add", "speechqa bench add", table, doc)


@bench.command("ingest")
@click.option(
    "--batches",
    default="1,4,8,16,32,64",
    show_default=True,
    callback=parsed(b.checked_int_list),
    help="Batch sizes.",
)
@click.option(
    "--threads", default="1,2", show_default=True, callback=parsed(b.int_list), help="OMP_NUM_THREADS values."
)
@click.option(
    "--policies",
    default="PASSIVE,ACTIVE",
    show_default=True,
    help="OMP_WAIT_POLICY values (with one thread only the first is run: nothing waits).",
)
@click.option(
    "--passages", type=click.IntRange(1), default=64, show_default=True, help="Passages per batch size."
)
@click.option("--rounds", type=click.IntRange(1), default=1, show_default=True, help="Rounds (median taken).")
@doc_option
@pass_context
def bench_ingest(
    obj: Context, batches: str, threads: list[int], policies: str, passages: int, rounds: int, doc: Path
) -> None:
    """Passages embedded per second on CPU, by batch size and thread count.

    \b
    Example:
        speechqa bench ingest --batches 1,4,8,16,32,64 --threads 1,2 --rounds 2
    """
    with user_errors(*BENCH_ERRORS):
        table = b.ingest_report(obj.settings.model, batches, threads, policies, passages, rounds)
    publish("ingest", "speechqa bench ingest", table, doc)


@bench.command("scale")
@click.option(
    "--sizes",
    default="10000,100000,1000000",
    callback=parsed(b.size_list),
    help="Corpus sizes, comma-separated.",
)
@click.option("--queries", default=200, type=click.IntRange(5), help="Queries timed per size and kind.")
@click.option(
    "--kinds",
    default="flat,ivf-sq8,hnsw-sq8",
    callback=parsed(b.kind_list),
    help="Vector index kinds (flat, ivf-sq8, hnsw-sq8).",
)
@click.option("--flat-max", type=int, help="Skip exact (flat) search above this size (default: measure it).")
@click.option("--hnsw-max", type=int, help="Skip hnsw-sq8 above this size (its build is slow on 2 cores).")
@click.option("--lexical-max", type=int, help="Skip the lexical index above this size.")
@click.option("--doc-tokens", default=100, type=click.IntRange(1), help="Mean tokens per synthetic document.")
@click.option("--lexical/--no-lexical", default=True, help="Also measure the bm25s index.")
@click.option(
    "--doc",
    "doc_path",
    default=str(b.DEFAULT_DOC),
    type=click.Path(dir_okay=False, path_type=Path),
    help="Markdown file whose 'scale' section is rewritten; the PNG plots go beside it.",
)
def bench_scale(
    sizes: list[int],
    queries: int,
    kinds: list[str],
    flat_max: int | None,
    hnsw_max: int | None,
    lexical_max: int | None,
    doc_tokens: int,
    lexical: bool,
    doc_path: Path,
) -> None:
    """FAISS kinds and bm25s from thousands to millions of synthetic passages: build, memory, latency.

    \b
    Example:
        speechqa bench scale --sizes 10000,100000,1000000 --kinds flat,ivf-sq8
    """
    spec = b.ScaleSpec(sizes, queries, kinds, flat_max, hnsw_max, lexical_max, doc_tokens, lexical)
    markdown = b.scale_report(spec, doc_path, click.echo)
    click.echo("\n" + markdown)
    b.write_section("scale", markdown, doc_path)
    click.echo(
        f"\nwrote {doc_path}, {doc_path.parent / 'latency-vs-size.png'}, {doc_path.parent / 'recall-vs-latency.png'}"
    )


@bench.command("txtai")
@click.option(
    "--questions",
    "questions_file",
    type=QUESTIONS,
    help="Question set for the bundled corpus (default: benchmarks/dev-questions.jsonl).",
)
@click.option("--cmrc", "cmrc_file", type=QUESTIONS, help="Also compare on CMRC 2018 (SQuAD-format JSON).")
@click.option("--limit", type=click.IntRange(1), help="CMRC: use only the first N questions.")
@bench_home_option
@doc_option
@pass_context
def bench_txtai(
    obj: Context,
    questions_file: Path | None,
    cmrc_file: Path | None,
    limit: int | None,
    bench_home: Path | None,
    doc: Path,
) -> None:
    """Side by side with txtai (pip install 'speechqa[bench]'): same passages and model.

    \b
    Example:
        speechqa bench txtai --cmrc ../shared/benchmarks/cmrc2018/cmrc2018_dev.json --limit 500
    """
    with user_errors(*BENCH_ERRORS):
        b.require_txtai()
        service = obj.service()
        questions = b.dev_questions(questions_file)
        title = (
            f"Bundled speeches, {len(questions)} questions of {(questions_file or b.DEV_QUESTIONS).name}, "
            f"{service.retriever.index.manifest.count} passages:"
        )
        sections = [b.comparison_section(title, service.library, service.retriever, questions)]
        if cmrc_file is not None:
            data, cmrc = bench_library(obj, cmrc_file, bench_home)
            cmrc_questions = data.questions[:limit] if limit else data.questions
            retriever = cmrc.retriever()
            title = f"CMRC 2018 {cmrc_file.name}: {len(cmrc_questions)} questions, {retriever.index.manifest.count} passages:"
            sections.append(b.comparison_section(title, cmrc.library, retriever, cmrc_questions))
            cmrc.library.close()
    publish("txtai", "speechqa bench txtai", b.TXTAI_NOTE + "\n\n" + "\n\n".join(sections), doc)
