"""`speechqa eval` and `speechqa bench …`: parse options, call one runner of the bench package, print."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import click

import bench as b
from index import load_embedder
from retrieval import MODES, Retriever, load_judge
from retrieval.confidence import DEFAULT_MODEL_PATH
from retrieval.evaluate import load_questions

from .main import Context, ProgressBar, cli, notice, pass_context, user_errors

QUESTIONS = click.Path(exists=True, dir_okay=False, path_type=Path)
doc_option = click.option(
    "--doc",
    type=click.Path(dir_okay=False, path_type=Path),
    default=b.DEFAULT_DOC,
    show_default=True,
    help="Write the figures into this Markdown file.",
)
bench_home_option = click.option(
    "--bench-home",
    type=click.Path(file_okay=False, path_type=Path),
    help="Where to keep the benchmark's index and embedding cache (default: $SPEECHQA_HOME/bench/NAME).",
)


def parsed(convert: Callable[[str], object]) -> Callable[[click.Context, click.Parameter, str], object]:
    """A click callback that turns a runner's own option parser's error into a usage error."""

    def callback(_ctx: click.Context, _param: click.Parameter, value: str) -> object:
        try:
            return convert(value)
        except b.BenchError as e:
            raise click.BadParameter(str(e)) from e

    return callback


def publish(name: str, command: str, table: str, doc: Path) -> None:
    text = f"`{command}`\n\n{table}\n\n{b.machine_line()}"
    click.echo(text)
    b.write_section(name, text, doc)
    click.echo(f"\n(written to {doc})", err=True)


every_context_option = click.option(
    "--every-context",
    type=click.IntRange(1),
    default=1,
    show_default=True,
    help="Keep only every n-th CMRC context and its questions (n times less to embed, fewer distractors).",
)


def bench_library(
    obj: Context, data_file: Path, home: Path | None, every: int = 1
) -> tuple[b.BenchmarkSet, b.BenchLibrary]:
    data = b.load_cmrc(data_file, every)
    library = b.cmrc_library(
        data,
        home or obj.settings.home / "bench" / (data_file.stem + (f"-every{every}" if every > 1 else "")),
        model=obj.settings.model,
        tokenizer=obj.settings.tokenizer,
        notice=notice,
        progress=ProgressBar("嵌入 CMRC 段落"),
    )
    return data, library


@cli.command("eval")
@click.argument("questions_file", type=QUESTIONS)
@click.option(
    "--mode", "modes", type=click.Choice(MODES), multiple=True, help="Mode(s) to score (default: all)."
)
@click.option(
    "--misses", "show_misses", is_flag=True, help="Also list the questions whose answer was not ranked first."
)
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@pass_context
def eval_command(
    obj: Context, questions_file: Path, modes: tuple[str, ...], show_misses: bool, as_json: bool
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
        reports = b.evaluate_modes(service.retriever, questions, modes or MODES)
    if as_json:
        click.echo(
            json.dumps({m: b.report_json(r) for m, r in reports.items()}, ensure_ascii=False, indent=1)
        )
        return
    answerable = next(iter(reports.values())).answerable
    click.echo(f"{questions_file.name}: {len(questions)} questions, {answerable} answerable")
    click.echo(f"model {service.embedder.key}, tokenizer {obj.settings.tokenizer}\n")
    click.echo(b.report_table(reports, abstain=True))
    halves = b.halves_tables(reports)
    if halves:
        click.echo("\n" + halves)
    if show_misses:
        click.echo("\n".join(b.misses(reports)))


@cli.group()
def bench() -> None:
    """Benchmarks that print their figures (retrieval quality and speed).

    \b
    Example:
        speechqa bench cmrc ../shared/benchmarks/cmrc2018/cmrc2018_dev.json --limit 200
    """


@bench.command("cmrc")
@click.argument("data_file", type=QUESTIONS)
@click.option("--limit", type=click.IntRange(1), help="Use only the first N questions.")
@click.option("--mode", "modes", type=click.Choice(MODES), multiple=True, help="Mode(s) (default: all).")
@bench_home_option
@every_context_option
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
    every_context: int,
    doc: Path | None,
) -> None:
    """CMRC 2018 as a retrieval benchmark (a hit: a passage of the question's own context).

    \b
    Example:
        speechqa bench cmrc ../shared/benchmarks/cmrc2018/cmrc2018_dev.json
    """
    with user_errors():
        started = time.perf_counter()
        data, library = bench_library(obj, data_file, bench_home, every_context)
        questions = data.questions[:limit] if limit else data.questions
        setup = time.perf_counter() - started
        table = b.cmrc_report(
            data_file.name, data, questions, library, setup, obj.settings.tokenizer, modes or MODES
        )
    text = f"{table}\n\n{b.machine_line()}"
    click.echo(text)
    if doc is not None:
        b.write_section(f"cmrc-{data_file.stem}", "`speechqa bench cmrc` — " + text, doc)


@bench.command("ablation")
@click.argument("questions_file", required=False, type=QUESTIONS)
@click.option(
    "--cmrc", "cmrc_file", type=QUESTIONS, help="Run on CMRC 2018 (this file) instead of a question set."
)
@click.option(
    "--notices",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Ask the question set of the .txt documents in this folder (its own library), not the speeches.",
)
@click.option("--limit", type=click.IntRange(1), help="Use every n-th question so that about N remain.")
@every_context_option
@click.option("--ranking-only", is_flag=True, help="Only the ranking table (skip tokenizer and fusion).")
@click.option(
    "--embed-sections",
    is_flag=True,
    help="Also embed every passage with its section heading in front (extra embedding; cached).",
)
@click.option(
    "--doc", type=click.Path(dir_okay=False, path_type=Path), help="Write the tables into this file."
)
@pass_context
def bench_ablation(
    obj: Context,
    questions_file: Path | None,
    cmrc_file: Path | None,
    notices: Path | None,
    limit: int | None,
    every_context: int,
    ranking_only: bool,
    embed_sections: bool,
    doc: Path | None,
) -> None:
    """Design choices side by side. First the ranking choices, each switched off in turn (question
    words dropped, synonyms, learned ranker) with a plain character-bigram BM25 beside them, on each
    half of a split question set; then tokenizer, section heading in the lexical text, and fusion.

    \b
    Examples:
        speechqa bench ablation benchmarks/dev-questions.jsonl
        speechqa bench ablation benchmarks/policy-questions.jsonl --notices tests/fixtures/notices --ranking-only
        speechqa bench ablation --cmrc ../shared/benchmarks/cmrc2018/cmrc2018_dev.json --every-context 4
    """
    with user_errors():
        if cmrc_file is not None:
            data, bench_lib = bench_library(obj, cmrc_file, None, every_context)
            questions, library, embedder, name = (
                data.questions,
                bench_lib.library,
                bench_lib.embedder,
                cmrc_file.name + (f" (every {every_context}th context)" if every_context > 1 else ""),
            )
        elif questions_file is not None and notices is not None:
            bench_lib = b.notices_library(
                notices,
                obj.settings.home / "bench" / notices.name,
                model=obj.settings.model,
                tokenizer=obj.settings.tokenizer,
                notice=notice,
            )
            questions = load_questions(questions_file)
            library, embedder, name = bench_lib.library, bench_lib.embedder, questions_file.name
        elif questions_file is not None:
            service = obj.service()
            questions = load_questions(questions_file)
            library, embedder, name = service.library, service.embedder, questions_file.name
        else:
            raise click.UsageError("give a question set (JSON Lines) or --cmrc FILE")
        if limit and len(questions) > limit:
            questions = questions[:: max(1, len(questions) // limit)]
        table = b.ranking_ablation(library, embedder, questions, name, baseline=True)
        if not ranking_only:
            table += "\n\n" + b.ablation(
                library,
                embedder,
                questions,
                name,
                embed_sections=embed_sections,
                progress=ProgressBar("嵌入（含章节标题）"),
            )
            retriever = Retriever(library.store, library.load(embedder.key), embedder)
            table += "\n\n" + b.ablation_table(retriever, questions, retriever.judge)
    click.echo(table)
    if doc is not None:
        b.write_section(f"ablation-{Path(name.split()[0]).stem}", f"{table}\n\n{b.machine_line()}", doc)


ROOT = Path(__file__).resolve().parent.parent


@bench.command("chunking")
@click.option(
    "--dev", "dev_file", type=QUESTIONS, default=b.DEV_QUESTIONS, help="Questions over the bundled speeches."
)
@click.option(
    "--policy",
    "policy_file",
    type=QUESTIONS,
    default=ROOT / "benchmarks" / "policy-questions.jsonl",
    help="Questions over the notices (with a tune/held-out split).",
)
@click.option(
    "--notices",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=ROOT / "tests" / "fixtures" / "notices",
    help="Folder of official-notice .txt files the policy questions are about.",
)
@click.option("--cmrc", "cmrc_file", type=QUESTIONS, help="Also measure on CMRC 2018 (this file).")
@click.option(
    "--cmrc-contexts", type=click.IntRange(1), default=150, show_default=True, help="CMRC contexts used."
)
@click.option(
    "--targets",
    default="200,300,400",
    show_default=True,
    callback=parsed(b.int_list),
    help="Merge targets (characters) compared with one passage per paragraph.",
)
@bench_home_option
@doc_option
@pass_context
def bench_chunking(
    obj: Context,
    dev_file: Path,
    policy_file: Path,
    notices: Path,
    cmrc_file: Path | None,
    cmrc_contexts: int,
    targets: list[int],
    bench_home: Path | None,
    doc: Path,
) -> None:
    """Passage size: one passage per paragraph against short paragraphs merged up to a target size,
    with a character-bigram BM25 over 300-character windows as a reference.

    \b
    Example:
        speechqa bench chunking --cmrc ../shared/benchmarks/cmrc2018/cmrc2018_dev.json
    """
    with user_errors():
        sets = [
            b.speech_set(dev_file.stem, b.seed_speeches(), dev_file),
            b.notice_set(notices, policy_file),
        ]
        if cmrc_file is not None:
            sets.append(b.cmrc_set(cmrc_file, cmrc_contexts))
        table = b.chunking_report(
            sets,
            bench_home or obj.settings.home / "bench" / "chunking",
            embedder=load_embedder(obj.settings.model, notice=notice),
            tokenizer=obj.settings.tokenizer,
            targets=[None, *targets],
            progress=ProgressBar("嵌入段落"),
        )
    command = "speechqa bench chunking" + (
        f" --cmrc {cmrc_file} --cmrc-contexts {cmrc_contexts}" if cmrc_file else ""
    )
    publish("chunking", command, table, doc)


@bench.command("structure")
@click.argument("folders", nargs=-1, type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--doc",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("docs/documents.md"),
    show_default=True,
    help="Write the table into this Markdown file.",
)
def bench_structure(folders: tuple[Path, ...], doc: Path) -> None:
    """Structure accuracy (title, date, speaker, document number, issuer, headings) and sentences kept,
    against the expected JSON beside each document (default: the official-notice fixtures).

    \b
    Example:
        speechqa bench structure tests/fixtures/notices
    """
    with user_errors():
        table = b.structure_report(list(folders) or [ROOT / "tests" / "fixtures" / "notices"])
    publish("structure", "speechqa bench structure " + " ".join(map(str, folders)), table, doc)


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
def bench_latency(obj: Context, questions_file: Path | None, repeat: int, doc: Path) -> None:
    """Warm query latency per mode (p50/p95) and where a hybrid search's time goes.

    \b
    Example:
        speechqa bench latency --repeat 5
    """
    with user_errors():
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
    with user_errors():
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
    with user_errors():
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
    with user_errors():
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
    with user_errors():
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


documents_doc_option = click.option(
    "--doc",
    type=click.Path(dir_okay=False, path_type=Path),
    default=b.DEFAULT_DOCUMENTS_DOC,
    show_default=True,
    help="Write the figures into this Markdown file.",
)


@bench.command("documents")
@click.option(
    "--fixtures",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=b.DEFAULT_FIXTURES,
    show_default=True,
    help="Folder of documents, each with its expected <file>.json beside it.",
)
@documents_doc_option
def bench_documents(fixtures: Path, doc: Path) -> None:
    """How real-format documents come in: sentences conserved, header/footer leaks, tables, parse accuracy
    per format; and the candidate PDF extractors compared on the same PDFs.

    \b
    Example:
        speechqa bench documents
    """
    with user_errors():
        table = b.documents_report(fixtures)
        extractors = b.pdf_extractors_report(fixtures)
    publish("documents", "speechqa bench documents", table, doc)
    publish("pdf-extractors", "speechqa bench documents", extractors, doc)


@bench.command("ocr")
@click.option(
    "--dpi",
    "dpis",
    default="150,300",
    show_default=True,
    callback=parsed(b.int_list),
    help="Resolutions to render the pages at (comma-separated).",
)
@click.option("--pages", type=click.IntRange(1, 50), default=3, show_default=True, help="Pages to render.")
@documents_doc_option
def bench_ocr(dpis: list[int], pages: int, doc: Path) -> None:
    """Character error rate of each installed OCR engine on speech pages rendered with a CJK font.

    \b
    Example:
        speechqa bench ocr --dpi 150,300 --pages 3
    """
    with user_errors():
        table = b.ocr_report(dpis, pages)
    publish("ocr", f"speechqa bench ocr --dpi {','.join(map(str, dpis))} --pages {pages}", table, doc)


@bench.command("identity")
@click.option(
    "--doc",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("docs/reliability.md"),
    show_default=True,
    help="Write the figures into this Markdown file.",
)
def bench_identity(doc: Path) -> None:
    """How the duplicate rule judges re-exports and edits of the bundled speeches, and different speeches.

    \b
    Example:
        speechqa bench identity
    """
    from bench.identity import identity_rows, identity_table

    with user_errors():
        publish("identity", "speechqa bench identity", identity_table(identity_rows()), doc)


@bench.command("pins")
@click.option(
    "--questions",
    "questions_file",
    type=QUESTIONS,
    default=b.PIN_QUESTIONS,
    show_default=True,
    help="The pin question set (JSON Lines).",
)
@bench_home_option
@doc_option
@pass_context
def bench_pins(obj: Context, questions_file: Path, bench_home: Path | None, doc: Path) -> None:
    """Pinned answers: share of paraphrases that get their pin, and false pins, tuned and held out.

    Runs on its own library of the bundled speeches (the pins are the set's, not yours).

    \b
    Example:
        speechqa bench pins
    """
    from index import Library
    from retrieval import ServiceOptions, SpeechService

    with user_errors():
        items = b.load_pin_questions(questions_file)
        library = Library(
            bench_home or obj.settings.home / "bench" / "pins", tokenizer=obj.settings.tokenizer
        )
        service = SpeechService(
            library,
            ServiceOptions(model=obj.settings.model, prefixes=obj.settings.prefixes),
            notice=notice,
            progress=ProgressBar("嵌入段落"),
        )
        table = b.pins_report(service.retriever, items)
    publish("pins", "speechqa bench pins", table, doc)


@bench.command("filters")
@bench_home_option
@doc_option
@pass_context
def bench_filters(obj: Context, bench_home: Path | None, doc: Path) -> None:
    """Filters read from questions: recall with the filter words searched, or left out of the queries.

    Runs on its own library of the bundled speeches, each given a speaker and a date.

    \b
    Example:
        speechqa bench filters
    """
    with user_errors():
        embedder = b.bench_embedder(obj.settings.model, obj.settings.prefixes, notice)
        library = b.filters_library(
            bench_home or obj.settings.home / "bench" / "filters", embedder, obj.settings.tokenizer
        )
        table = b.filters_report(library, embedder, b.filtered_questions())
    publish("filters", "speechqa bench filters", table, doc)


policy_option = click.option(
    "--policy",
    "policy_file",
    type=QUESTIONS,
    help="The policy-notice question set (default: benchmarks/policy-questions.jsonl when present).",
)
notices_option = click.option(
    "--notices",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="The notices the policy set asks about (default: tests/fixtures/notices when present).",
)
limit_option = click.option(
    "--limit",
    type=click.IntRange(1),
    default=600,
    show_default=True,
    help="CMRC questions to use, spread over the whole file.",
)


def _retriever(library: Any, index: Any, embedder: Any) -> Retriever:
    return Retriever(library.store, index, embedder)


def _policy(
    obj: Context, policy_file: Path | None, notices: Path | None, queries: b.CachedQueries
) -> tuple[Retriever, list[Any]] | None:
    policy_file = policy_file or (b.POLICY_QUESTIONS if b.POLICY_QUESTIONS.exists() else None)
    notices = notices or (b.POLICY_NOTICES if b.POLICY_NOTICES.is_dir() else None)
    if policy_file is None or notices is None:
        notice("没有找到政策通知题集（--policy 与 --notices），跳过这一组。")
        return None
    lib = b.folder_library(
        notices,
        obj.settings.home / "bench" / "policy-notices",
        model=obj.settings.model,
        tokenizer=obj.settings.tokenizer,
        notice=notice,
        progress=ProgressBar("嵌入通知段落"),
    )
    questions = load_questions(policy_file)
    queries.warm((q.question for q in questions), ProgressBar("嵌入问题"))
    return _retriever(lib.library, lib.library.load(lib.embedder.key), queries), questions


@bench.command("fit-confidence")
@click.argument("trial_file", type=QUESTIONS)
@limit_option
@click.option(
    "--dev", "dev_file", type=QUESTIONS, help="The dev set (default: benchmarks/dev-questions.jsonl)."
)
@policy_option
@notices_option
@bench_home_option
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=DEFAULT_MODEL_PATH,
    show_default=True,
    help="Where to write the model (JSON).",
)
@click.option(
    "--save-examples",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write the signals of every fitting question (JSON Lines), to refit later without searching.",
)
@click.option(
    "--examples",
    "examples_file",
    type=QUESTIONS,
    help="Refit from signals saved by --save-examples instead of searching again.",
)
@doc_option
@pass_context
def bench_fit_confidence(
    obj: Context,
    trial_file: Path,
    limit: int,
    dev_file: Path | None,
    policy_file: Path | None,
    notices: Path | None,
    bench_home: Path | None,
    out: Path,
    save_examples: Path | None,
    examples_file: Path | None,
    doc: Path,
) -> None:
    """Fit the confidence model on data that is not the dev set, and write it as JSON.

    Answerable: CMRC trial questions against the CMRC trial library. Unanswerable: the same questions
    with their own context removed, and CMRC questions asked of the speeches in the data home. Plus the
    tuning halves of the dev set and of the policy-notice set. Embeddings are cached in the bench home.

    \b
    Example:
        speechqa bench fit-confidence ../shared/benchmarks/cmrc2018/cmrc2018_trial.json
    """
    with user_errors():
        data, cmrc = bench_library(obj, trial_file, bench_home)
        cmrc_questions = b.every_nth(data.questions, limit)
        if examples_file is not None:
            examples = b.load_examples(examples_file)
            sources = f"{trial_file.name} ({limit} questions) and the tune halves, from {examples_file.name}"
        else:
            queries = b.CachedQueries(cmrc.embedder, cmrc.library.store)
            service = obj.service()
            dev = b.dev_questions(dev_file)
            queries.warm((q.question for q in [*cmrc_questions, *dev]), ProgressBar("嵌入问题"))
            policy = _policy(obj, policy_file, notices, queries)
            examples = b.fit_examples(
                _retriever(cmrc.library, cmrc.library.load(cmrc.embedder.key), queries),
                cmrc_questions,
                _retriever(service.library, service.retriever.index, queries),
                dev,
                policy,
            )
            sources = f"{trial_file.name} ({len(cmrc_questions)} questions), dev tune half" + (
                ", policy tune half" if policy else ""
            )
        if save_examples is not None:
            b.save_examples(examples, save_examples)
        model = b.fit(examples, embedder=cmrc.embedder.key, fitted_on=sources)
        model.save(out)
        table = b.fit_report(model, examples)
    publish("confidence-fit", f"speechqa bench fit-confidence {trial_file.name} --limit {limit}", table, doc)
    click.echo(f"(model written to {out})", err=True)


@bench.command("confidence")
@click.option("--cmrc", "cmrc_file", type=QUESTIONS, help="CMRC 2018 dev file (the CMRC held-out rows).")
@limit_option
@every_context_option
@click.option(
    "--save-examples",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write the held-out signals (JSON Lines): `--examples` re-judges them with another model.",
)
@click.option(
    "--examples",
    "examples_file",
    type=QUESTIONS,
    help="Judge signals saved by --save-examples instead of searching again.",
)
@click.option(
    "--dev", "dev_file", type=QUESTIONS, help="The dev set (default: benchmarks/dev-questions.jsonl)."
)
@policy_option
@notices_option
@bench_home_option
@click.option(
    "--model",
    "model_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="The confidence model to judge (default: the shipped one).",
)
@doc_option
@pass_context
def bench_confidence(
    obj: Context,
    cmrc_file: Path | None,
    limit: int,
    every_context: int,
    save_examples: Path | None,
    examples_file: Path | None,
    dev_file: Path | None,
    policy_file: Path | None,
    notices: Path | None,
    bench_home: Path | None,
    model_file: Path | None,
    doc: Path,
) -> None:
    """The confidence model on held-out data only, beside the coverage rule, with reliability tables.

    Sets: the dev set's heldout half; CMRC dev, each question also asked with its own context removed;
    the policy-notice set's heldout half.

    \b
    Example:
        speechqa bench confidence --cmrc ../shared/benchmarks/cmrc2018/cmrc2018_dev.json
    """
    with user_errors():
        service = obj.service()
        judge = load_judge(model_file, embedder=service.embedder.key)
        if examples_file is not None:
            saved = b.load_examples(examples_file)
            names = list(dict.fromkeys(e.group for e in saved))
            table = b.heldout_report(judge, [(n, [e for e in saved if e.group == n]) for n in names])
            publish(
                "confidence-heldout", f"speechqa bench confidence --examples {examples_file.name}", table, doc
            )
            return
        dev = b.dev_questions(dev_file)
        store = service.library.store
        cmrc = None
        if cmrc_file is not None:
            data, lib = bench_library(obj, cmrc_file, bench_home, every_context)
            store = lib.library.store
        queries = b.CachedQueries(service.embedder, store)
        queries.warm((q.question for q in dev), ProgressBar("嵌入问题"))
        if cmrc_file is not None:
            cmrc_questions = b.every_nth(data.questions, limit)
            queries.warm((q.question for q in cmrc_questions), ProgressBar("嵌入问题"))
            cmrc = (_retriever(lib.library, lib.library.load(lib.embedder.key), queries), cmrc_questions)
        policy = _policy(obj, policy_file, notices, queries)
        sets = b.heldout_sets(
            _retriever(service.library, service.retriever.index, queries), dev, cmrc, policy
        )
        if save_examples is not None:
            b.save_examples(
                [replace(e, group=name) for name, examples in sets for e in examples], save_examples
            )
        table = b.heldout_report(judge, sets)
    command = "speechqa bench confidence" + (
        f" --cmrc {cmrc_file.name} --limit {limit} --every-context {every_context}" if cmrc_file else ""
    )
    publish("confidence-heldout", command, table, doc)
