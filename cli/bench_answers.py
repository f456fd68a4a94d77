"""`speechqa bench pins · filters · fit-confidence · confidence`: pins, filters and the confidence model."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

import click

import bench as b
from bench.evaluate import load_questions
from retrieval import Retriever, load_judge
from retrieval.confidence import DEFAULT_MODEL_PATH
from retrieval.pins import DEFAULT_PIN_MODEL_PATH

from .bench import (
    BENCH_ERRORS,
    QUESTIONS,
    answer_removed_library,
    bench,
    bench_home_of,
    bench_home_option,
    bench_library,
    doc_option,
    every_context_option,
    notices_library,
    publish,
)
from .main import Context, ProgressBar, UserError, long_running, notice, pass_context, user_errors


@bench.command("pins")
@click.option(
    "--questions",
    "questions_file",
    type=QUESTIONS,
    default=b.PIN_QUESTIONS,
    show_default=True,
    help="The pin question set (JSON Lines).",
)
@click.option(
    "--fit",
    is_flag=True,
    help="Fit the pin model on the tuning part (the recipe before session pins59) and write it (--out) before "
    "reporting. The shipped model (since pins59, fitted on batches 3–16 too) is made by "
    "scripts/pin_batch17.py --write.",
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where --fit writes the pin model (JSON); default: pins-fitted.json beside the bench library, so the "
    f"shipped model ({DEFAULT_PIN_MODEL_PATH.name}) is replaced only when named here.",
)
@click.option(
    "--cold-homes",
    type=click.Path(file_okay=False, path_type=Path),
    help="A folder of data homes, c21 … (as scripts/eval_all_sets.sh keeps them), for the groups asked of "
    "another library (the bundled speeches plus benchmarks/corpus-cold21 …); default: built beside the "
    "bench home on first use. Their pins are set there (a copy is wise).",
)
@bench_home_option
@doc_option
@pass_context
def bench_pins(
    obj: Context,
    questions_file: Path,
    fit: bool,
    out: Path | None,
    cold_homes: Path | None,
    bench_home: Path | None,
    doc: Path,
) -> None:
    """Pinned answers: share of paraphrases that get their pin, and false pins, tuned and held out.

    Runs on its own library of the bundled speeches (the pins are the set's, not yours); a group that
    names another library (the ninth batch: cold16, cold21, cold24) is asked there, with every pin of
    the bundled speeches active too. Reports the shipped pin model beside the fallback rule; with --fit,
    fits the model on the tuning part first (and on pairs of questions derived from the retrieval
    question sets' tuning half).

    \b
    Examples:
        speechqa bench pins
        speechqa bench pins --fit
        speechqa bench pins --cold-homes /tmp/libs
    """
    from index import Library
    from retrieval import ServiceOptions, SpeechService

    home = bench_home or obj.settings.home / "bench" / "pins"
    out = out or home.with_name("pins-fitted.json")

    def open_library(name: str) -> Retriever:
        where = b.cold_home(cold_homes, name) if cold_homes else home.with_name(f"{home.name}-{name}")
        return b.library_retriever(
            where,
            model=obj.settings.model,
            prefixes=obj.settings.prefixes,
            tokenizer=obj.settings.tokenizer,
            corpus=b.corpus_folder(name),
            notice=notice,
            progress=ProgressBar(f"嵌入段落（{name}）"),
        )

    with user_errors(*BENCH_ERRORS):
        items = b.load_pin_questions(questions_file)
        library = Library(home, tokenizer=obj.settings.tokenizer)
        service = SpeechService(
            library,
            ServiceOptions(model=obj.settings.model, prefixes=obj.settings.prefixes),
            notice=notice,
            progress=ProgressBar("嵌入段落"),
        )
        table = b.pins_report(
            service.retriever,
            items,
            fit_to=out if fit else None,
            source=questions_file.name,
            training=b.training_questions() if fit else (),
            open_library=open_library,
        )
    publish("pins", "speechqa bench pins" + (" --fit" if fit else ""), table, doc)
    if fit:
        click.echo(f"(pin model written to {out})", err=True)


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
    with user_errors(*BENCH_ERRORS):
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
F = TypeVar("F", bound=Callable[..., Any])

dev_option = click.option(
    "--dev", "dev_file", type=QUESTIONS, help="The dev set (default: benchmarks/dev-questions.jsonl)."
)


def examples_options(save_help: str, load_help: str) -> Callable[[F], F]:
    """--save-examples FILE and --examples FILE: keep the signals a command computed, or reuse them."""

    def decorate(command: F) -> F:
        command = click.option("--examples", "examples_file", type=QUESTIONS, help=load_help)(command)
        return click.option(
            "--save-examples", type=click.Path(dir_okay=False, path_type=Path), help=save_help
        )(command)

    return decorate


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
    lib = notices_library(obj, notices, ProgressBar("嵌入通知段落"))
    questions = load_questions(policy_file)
    queries.warm((q.question for q in questions), ProgressBar("嵌入问题"))
    return _retriever(lib.library, lib.library.load(lib.embedder.key), queries), questions


answer_removed_option = click.option(
    "--answer-removed",
    is_flag=True,
    help="Also ask CMRC questions of their context with the sentence holding the answer taken out (near "
    "misses on the very topic, as staff ask them; a second library is built beside the CMRC one).",
)


def _answer_removed(
    obj: Context,
    data: b.BenchmarkSet,
    questions: list[Any],
    data_file: Path,
    home: Path | None,
    every: int = 1,
) -> tuple[Retriever, list[Any]]:
    """The CMRC questions made unanswerable by taking their answer sentence out, and where to ask them."""
    lib, removed = answer_removed_library(obj, data, questions, bench_home_of(obj, data_file, home, every))
    queries = b.CachedQueries(lib.embedder, lib.library.store)
    return _retriever(lib.library, lib.library.load(lib.embedder.key), queries), removed


@bench.command("fit-confidence")
@click.argument("trial_file", type=QUESTIONS, metavar="试验文件")
@limit_option
@dev_option
@policy_option
@notices_option
@click.option(
    "--fit-questions",
    "fit_file",
    type=QUESTIONS,
    help="Also fit on these fit-only questions over the speeches and the notices "
    "(e.g. benchmarks/fit-questions.jsonl; the shipped model is fitted without).",
)
@bench_home_option
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=DEFAULT_MODEL_PATH,
    show_default=True,
    help="Where to write the model (JSON).",
)
@examples_options(
    "Also write the signals of every fitting question (JSON Lines), to refit later without searching.",
    "Refit from signals saved by --save-examples instead of searching again.",
)
@click.option(
    "--low-from",
    type=click.Choice(["fit", "cross-validation"]),
    default="fit",
    show_default=True,
    help="Where the low threshold (answered or 「未找到」) is read: the model's probabilities of its own "
    "fitting questions, or out-of-fold ones (5-fold cross-validation: each question judged by a model "
    "fitted without it).",
)
@click.option(
    "--in-domain-removed",
    is_flag=True,
    help="Also fit on the tuning halves' answerable questions asked with every passage holding their "
    "answer removed (in-domain near misses by construction, as CMRC's own-context-removed ones).",
)
@answer_removed_option
@doc_option
@pass_context
@long_running
def bench_fit_confidence(
    obj: Context,
    trial_file: Path,
    limit: int,
    dev_file: Path | None,
    policy_file: Path | None,
    notices: Path | None,
    fit_file: Path | None,
    bench_home: Path | None,
    out: Path,
    save_examples: Path | None,
    examples_file: Path | None,
    low_from: b.LowFrom,
    in_domain_removed: bool,
    answer_removed: bool,
    doc: Path,
) -> None:
    """Fit the confidence model on data that is not the dev set, and write it as JSON.

    Answerable: CMRC trial questions against the CMRC trial library. Unanswerable: the same questions
    with their own context removed, and CMRC questions asked of the speeches in the data home. Plus the
    tuning halves of the dev set and of the policy-notice set, and with --fit-questions a fit-only set
    over the speeches and the notices. Embeddings are cached in the bench home.

    \b
    Example:
        speechqa bench fit-confidence ../shared/benchmarks/cmrc2018/cmrc2018_trial.json
    """
    with user_errors(*BENCH_ERRORS):
        if examples_file is not None:  # the signals are saved: no library to build, no question to embed
            examples = b.load_examples(examples_file)
            sources = f"{trial_file.name} ({limit} questions) and the tune halves, from {examples_file.name}"
            embedder = obj.service().embedder.key
        else:
            data, cmrc = bench_library(obj, trial_file, bench_home)
            embedder = cmrc.embedder.key
            cmrc_questions = b.every_nth(data.questions, limit)
            queries = b.CachedQueries(cmrc.embedder, cmrc.library.store)
            service = obj.service()
            dev = b.dev_questions(dev_file)
            fit_speeches, fit_policy = b.fit_questions(fit_file) if fit_file is not None else ([], [])
            policy = _policy(obj, policy_file, notices, queries)
            fit_policy = fit_policy if policy else []  # without the notices' library they cannot be asked
            queries.warm(
                (q.question for q in [*cmrc_questions, *dev, *fit_speeches, *fit_policy]),
                ProgressBar("嵌入问题"),
            )
            examples = b.fit_examples(
                _retriever(cmrc.library, cmrc.library.load(cmrc.embedder.key), queries),
                cmrc_questions,
                _retriever(service.library, service.retriever.index, queries),
                dev,
                policy,
                fit_speeches=fit_speeches,
                fit_policy=fit_policy,
                in_domain_removed=in_domain_removed,
                answer_removed=_answer_removed(obj, data, cmrc_questions, trial_file, bench_home)
                if answer_removed
                else None,
            )
            sources = (
                f"{trial_file.name} ({len(cmrc_questions)} questions), dev tune half"
                + (", policy tune half" if policy else "")
                + (
                    f", {len(fit_speeches)} + {len(fit_policy)} fit-only questions"
                    if fit_speeches or fit_policy
                    else ""
                )
            )
        if save_examples is not None:
            b.save_examples(examples, save_examples)
        if low_from == "cross-validation":
            sources += f"; low threshold from {b.FOLDS}-fold cross-validation"
        model = b.fit(examples, embedder=embedder, fitted_on=sources, low_from=low_from)
        model.save(out)
        table = b.fit_report(model, examples)
    command = (
        f"speechqa bench fit-confidence {trial_file.name} --limit {limit}"
        + (f" --fit-questions {fit_file.name}" if fit_file is not None else "")
        + (" --low-from cross-validation" if low_from != "fit" else "")
        + (" --answer-removed" if answer_removed else "")
    )
    publish("confidence-fit", command, table, doc)
    click.echo(f"(model written to {out})", err=True)


@bench.command("confidence")
@click.option("--cmrc", "cmrc_file", type=QUESTIONS, help="CMRC 2018 dev file (the CMRC held-out rows).")
@limit_option
@every_context_option
@examples_options(
    "Also write the held-out signals (JSON Lines): `--examples` re-judges them with another model.",
    "Judge signals saved by --save-examples instead of searching again.",
)
@dev_option
@policy_option
@notices_option
@bench_home_option
@click.option(
    "--model",
    "model_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="The confidence model to judge (default: the shipped one).",
)
@answer_removed_option
@doc_option
@pass_context
@long_running
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
    answer_removed: bool,
    doc: Path,
) -> None:
    """The confidence model on held-out data only, beside the coverage rule, with reliability tables.

    Sets: the dev set's heldout half; CMRC dev, each question also asked with its own context removed;
    the policy-notice set's heldout half.

    \b
    Example:
        speechqa bench confidence --cmrc ../shared/benchmarks/cmrc2018/cmrc2018_dev.json
    """
    if answer_removed and cmrc_file is None:
        raise UserError("--answer-removed 需要同时给出 --cmrc（CMRC 开发集文件）：去掉答案句的问题取自其中。")
    with user_errors(*BENCH_ERRORS):
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
        removed = (
            _answer_removed(obj, data, cmrc[1], cmrc_file, bench_home, every_context)
            if answer_removed and cmrc is not None and cmrc_file is not None
            else None
        )
        sets = b.heldout_sets(
            _retriever(service.library, service.retriever.index, queries), dev, cmrc, policy, removed
        )
        if save_examples is not None:
            b.save_examples(
                [replace(e, group=name) for name, examples in sets for e in examples], save_examples
            )
        table = b.heldout_report(judge, sets)
    command = (
        "speechqa bench confidence"
        + (f" --cmrc {cmrc_file.name} --limit {limit} --every-context {every_context}" if cmrc_file else "")
        + (" --answer-removed" if removed is not None else "")
    )
    publish("confidence-heldout", command, table, doc)


@bench.command("typos")
@click.option("--cmrc", "cmrc_file", type=QUESTIONS, help="CMRC 2018 dev file: also its questions.")
@limit_option
@dev_option
@policy_option
@notices_option
@bench_home_option
@click.option(
    "--list-corrected",
    is_flag=True,
    help="Also list the questions behind the wrong readings: untouched questions corrected, typos read "
    "as another word (printed, not written to --doc).",
)
@click.option(
    "--kind",
    "kinds",
    type=click.Choice(["homophone", "fuzzy", "lookalike"]),
    multiple=True,
    help="Kinds of slip to make (repeatable; default all three): same sound, fuzzy pinyin (z/zh, n/l, "
    "an/ang …), look-alike character (retrieval/data/lookalikes.txt).",
)
@click.option(
    "--same-sound-only",
    is_flag=True,
    help="Read slips as before session 54 (same sound only: the fuzzy-pinyin and look-alike tiers off), "
    "for before → after.",
)
@doc_option
@pass_context
def bench_typos(
    obj: Context,
    cmrc_file: Path | None,
    limit: int,
    dev_file: Path | None,
    policy_file: Path | None,
    notices: Path | None,
    bench_home: Path | None,
    list_corrected: bool,
    kinds: tuple[str, ...],
    same_sound_only: bool,
    doc: Path,
) -> None:
    """Typos: each answerable question gets one of each kind (a seeded swap of a character for another of
    the same sound, of a fuzzy-pinyin sound, or a look-alike), searched with the correction off and on;
    untouched questions show false corrections.

    \b
    Example:
        speechqa bench typos --cmrc ../shared/benchmarks/cmrc2018/cmrc2018_dev.json --list-corrected
    """
    with user_errors(*BENCH_ERRORS):
        service = obj.service()
        dev = b.dev_questions(dev_file)
        queries = b.CachedQueries(service.embedder, service.library.store)
        speeches = _retriever(service.library, service.retriever.index, queries)
        sets: list[tuple[str, Retriever, list[Any]]] = [
            (f"dev {half}", speeches, [q for q in dev if q.split == half]) for half in ("tune", "heldout")
        ]
        if (policy := _policy(obj, policy_file, notices, queries)) is not None:
            sets.append(("policy", *policy))
        if cmrc_file is not None:
            data, lib = bench_library(obj, cmrc_file, bench_home)
            cmrc_queries = b.CachedQueries(lib.embedder, lib.library.store)
            cmrc_questions = b.every_nth(data.questions, limit)
            retriever = _retriever(lib.library, lib.library.load(lib.embedder.key), cmrc_queries)
            sets.append((f"CMRC {cmrc_file.stem}", retriever, cmrc_questions))
        results = b.typos_sets(sets, kinds or ("homophone", "fuzzy", "lookalike"), near=not same_sound_only)
    command = (
        "speechqa bench typos"
        + (f" --cmrc {cmrc_file.name} --limit {limit}" if cmrc_file else "")
        + "".join(f" --kind {k}" for k in kinds)
        + (" --same-sound-only" if same_sound_only else "")
    )
    publish("typos", command, b.typos_table(results), doc)
    if list_corrected:
        click.echo("\n" + b.misread_listing(results))
