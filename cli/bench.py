"""`speechqa eval` and `speechqa bench …`: parse options, call one runner of the bench package, print."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import click

import bench as b
from bench.evaluate import GoldFormatError, load_questions
from retrieval import MODES, Retriever

from .console import json_text
from .main import Context, ProgressBar, cli, long_running, notice, pass_context, user_errors

# the measuring code's errors, said as one line like the layers' (cli/main.py user_errors)
BENCH_ERRORS = (b.BenchError, GoldFormatError)

QUESTIONS = click.Path(exists=True, dir_okay=False, path_type=Path)


def doc_option_for(default: Path) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """--doc: the Markdown file a benchmark writes its figures into, `default` unless given."""
    return click.option(
        "--doc",
        type=click.Path(dir_okay=False, path_type=Path),
        default=default,
        show_default=True,
        help="Write the figures into this Markdown file.",
    )


doc_option = doc_option_for(b.DEFAULT_DOC)
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


def notices_library(obj: Context, folder: Path, progress: Any = None) -> b.BenchLibrary:
    """A folder of notices as its own library, chunked as the product chunks (SPEECHQA_MERGE_TO), kept
    under the bench home in a folder named by that setting (a library keeps the chunking it was built with)."""
    merge = obj.settings.merge_to
    return b.folder_library(
        folder,
        obj.settings.home / "bench" / f"{folder.name}-merge{merge or 0}",
        model=obj.settings.model,
        tokenizer=obj.settings.tokenizer,
        notice=notice,
        progress=progress,
        merge_to=merge,
    )


every_context_option = click.option(
    "--every-context",
    type=click.IntRange(1),
    default=1,
    show_default=True,
    help="Keep only every n-th CMRC context and its questions (n times less to embed, fewer distractors).",
)


def bench_home_of(obj: Context, data_file: Path, home: Path | None, every: int = 1) -> Path:
    """Where a CMRC file's bench library is kept: `home` when given, else under the data home."""
    return home or obj.settings.home / "bench" / (data_file.stem + (f"-every{every}" if every > 1 else ""))


def bench_library(
    obj: Context, data_file: Path, home: Path | None, every: int = 1
) -> tuple[b.BenchmarkSet, b.BenchLibrary]:
    data = b.load_cmrc(data_file, every)
    library = b.cmrc_library(
        data,
        bench_home_of(obj, data_file, home, every),
        model=obj.settings.model,
        tokenizer=obj.settings.tokenizer,
        notice=notice,
        progress=ProgressBar("嵌入 CMRC 段落"),
    )
    return data, library


def answer_removed_library(
    obj: Context, data: b.BenchmarkSet, questions: Sequence[Any], beside: Path
) -> tuple[b.BenchLibrary, list[Any]]:
    """The library of `b.without_answers(data, questions)` (kept beside the CMRC library `beside`, as
    `<its name>-answer-removed`), and the questions it makes unanswerable."""
    removed = b.without_answers(data, questions)
    library = b.cmrc_library(
        removed,
        beside.with_name(beside.name + "-answer-removed"),
        model=obj.settings.model,
        tokenizer=obj.settings.tokenizer,
        notice=notice,
        progress=ProgressBar("嵌入去掉答案句的 CMRC 段落"),
    )
    return library, removed.questions


@cli.command("eval")
@click.argument("questions_file", type=QUESTIONS, metavar="问题文件")
@click.option(
    "--mode", "modes", type=click.Choice(MODES), multiple=True, help="Mode(s) to score (default: all)."
)
@click.option(
    "--misses", "show_misses", is_flag=True, help="Also list the questions whose answer was not ranked first."
)
@click.option(
    "--as-asked",
    is_flag=True,
    help="Search each question as `speechqa ask` and the bot do: a speaker or year it names restricts the "
    "search, a pinned answer comes first (default: the ranking alone).",
)
@click.option(
    "--by-style",
    is_flag=True,
    help='Also print a row per question style (the set\'s "style" field), per half of a split set.',
)
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@pass_context
@long_running
def eval_command(
    obj: Context,
    questions_file: Path,
    modes: tuple[str, ...],
    show_misses: bool,
    as_asked: bool,
    by_style: bool,
    as_json: bool,
) -> None:
    """Score retrieval on a question set (JSON Lines with "question" and "answers" phrases).

    Prints Recall@1/3/5, MRR@10 and abstain accuracy (a question with no answers should be declined).
    With --as-asked, the figures are those a user of `speechqa ask` or the bot gets.

    \b
    Example:
        speechqa eval benchmarks/dev-questions.jsonl
        speechqa eval --as-asked --mode hybrid benchmarks/cold2-questions.jsonl
        speechqa eval --by-style --mode hybrid benchmarks/styles-questions.jsonl
    """
    with user_errors(*BENCH_ERRORS):
        questions = load_questions(questions_file)
        service = obj.service()
        reports = b.evaluate_modes(service.retriever, questions, modes or MODES, as_asked=as_asked)
    if as_json:
        click.echo(json_text({m: b.report_json(r) for m, r in reports.items()}, indent=1))
        return
    answerable = next(iter(reports.values())).answerable
    asked = " (as asked: speaker/year filters and pins on)" if as_asked else ""
    click.echo(f"{questions_file.name}: {len(questions)} questions, {answerable} answerable{asked}")
    click.echo(f"model {service.embedder.key}, tokenizer {obj.settings.tokenizer}\n")
    click.echo(b.report_table(reports, abstain=True))
    if by_kind := b.unanswered_by_kind(reports):
        click.echo("\n" + by_kind)
    halves = b.halves_tables(reports)
    if halves:
        click.echo("\n" + halves)
    if by_style:
        for mode, report in reports.items():
            if table := b.style_table(report):
                click.echo(f"\nby style, {mode}:\n" + table)
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
@click.argument("data_file", type=QUESTIONS, metavar="数据文件")
@click.option("--limit", type=click.IntRange(1), help="Use only the first N questions.")
@click.option("--mode", "modes", type=click.Choice(MODES), multiple=True, help="Mode(s) (default: all).")
@bench_home_option
@every_context_option
@click.option(
    "--doc", type=click.Path(dir_okay=False, path_type=Path), help="Also write the figures into this file."
)
@pass_context
@long_running
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
    with user_errors(*BENCH_ERRORS):
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
@click.argument("questions_file", required=False, type=QUESTIONS, metavar="[问题文件]")
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
@long_running
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
    with user_errors(*BENCH_ERRORS):
        if cmrc_file is not None:
            data, bench_lib = bench_library(obj, cmrc_file, None, every_context)
            questions, library, embedder, name = (
                data.questions,
                bench_lib.library,
                bench_lib.embedder,
                cmrc_file.name + (f" (every {every_context}th context)" if every_context > 1 else ""),
            )
        elif questions_file is not None and notices is not None:
            bench_lib = notices_library(obj, notices)
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
        # the ranking table alone has its own section: a --ranking-only run leaves the full ablation's
        kind = "ranking" if ranking_only else "ablation"
        given = [
            questions_file.name if questions_file else "",
            f"--cmrc {cmrc_file.name}" if cmrc_file else "",
            f"--notices {notices}" if notices else "",
            f"--every-context {every_context}" if cmrc_file and every_context > 1 else "",
            f"--limit {limit}" if limit else "",
            "--ranking-only" if ranking_only else "",
        ]
        command = f"`speechqa bench ablation {' '.join(g for g in given if g)}`\n\n"
        b.write_section(
            f"{kind}-{Path(name.split()[0]).stem}", f"{command}{table}\n\n{b.machine_line()}", doc
        )
