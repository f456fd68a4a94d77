"""The `speechqa` command: ask, add, rebuild, list, evaluate, benchmark, and run the Telegram bot."""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from bench import BenchError
from corpus import CorpusError
from index import Library, SpeechIndexError
from retrieval import MODES, Answer, QueryError, ServiceOptions, SpeechService
from retrieval.evaluate import GoldFormatError

from .render import answer_json, render_answer, render_speech, render_speeches
from .settings import Settings, SettingsError, load_settings

USER_ERRORS = (CorpusError, SpeechIndexError, QueryError, GoldFormatError, SettingsError, BenchError)


@contextmanager
def user_errors() -> Iterator[None]:
    """Domain errors become one-line messages and a non-zero exit; never a traceback."""
    try:
        yield
    except USER_ERRORS as e:
        raise click.ClickException(str(e)) from e
    except KeyboardInterrupt:
        click.echo("已中断。", err=True)
        sys.exit(130)


class Context:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._library: Library | None = None

    @property
    def library(self) -> Library:
        if self._library is None:
            self._library = Library(
                self.settings.home, tokenizer=self.settings.tokenizer, merge_to=self.settings.merge_to
            )
        return self._library

    def service(self, *, fresh_model: bool = False) -> SpeechService:
        return SpeechService(
            self.library,
            ServiceOptions(model=self.settings.model, prefixes=self.settings.prefixes),
            notice=notice,
            progress=ProgressBar("建立索引"),
            fresh_model=fresh_model,
        )


def notice(message: str) -> None:
    click.echo(click.style(f"提示：{message}", fg="yellow"), err=True)


class ProgressBar:
    """A tqdm bar on stderr for embedding progress, created only when there is work to show."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.bar: Any = None

    def __call__(self, done: int, total: int) -> None:
        if total == 0:
            return
        if self.bar is None:
            from tqdm import tqdm

            self.bar = tqdm(total=total, desc=self.label, unit="段", file=sys.stderr, leave=False)
        self.bar.n = done
        self.bar.refresh()
        if done >= total:
            self.bar.close()
            self.bar = None


pass_context = click.make_pass_decorator(Context)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--home", type=click.Path(path_type=Path), help="Data directory (default: $SPEECHQA_HOME).")
@click.option("--model", help="Embedding model id or local directory (default: $SPEECHQA_MODEL).")
@click.option("-v", "--verbose", is_flag=True, help="Log what happens, to stderr.")
@click.version_option(package_name="speechqa")
@click.pass_context
def cli(ctx: click.Context, home: Path | None, model: str | None, verbose: bool) -> None:
    """Ask questions of a collection of Chinese speeches; get cited passages back.

    \b
    Example:
        speechqa ask "离休干部体检规定是什么？"
    """
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(message)s"
    )
    for noisy in ("httpx", "sentence_transformers", "jieba", "faiss", "bm25s"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    with user_errors():
        settings = load_settings().with_overrides(home=home, model=model)
    ctx.obj = Context(settings)


@cli.command()
@click.argument("question", required=False)
@click.option("--json", "as_json", is_flag=True, help="Print JSON (one object; JSON Lines with --batch).")
@click.option(
    "--batch",
    type=click.File("r", encoding="utf-8-sig"),
    help="Read one question per line from FILE ('-' for stdin).",
)
@click.option("-k", "--top", type=click.IntRange(1, 50), help="How many passages (default 5).")
@click.option("--mode", type=click.Choice(MODES), default="hybrid", show_default=True, help="Retrieval mode.")
@pass_context
def ask(obj: Context, question: str | None, as_json: bool, batch: Any, top: int | None, mode: str) -> None:
    """Ask a question; with no question, start the interactive mode.

    \b
    Examples:
        speechqa ask "离休干部体检规定是什么？"
        speechqa ask --json "老年大学要怎么办"
        speechqa ask --json --batch questions.txt > answers.jsonl
    """
    k = top or obj.settings.top_k
    with user_errors():
        if question is None and batch is None:
            run_repl(obj, k, mode)
            return
        service = obj.service()
        if batch is not None:
            for line in batch:
                if line.strip():
                    emit(service, line.strip(), k, mode, as_json, in_batch=True)
            return
        assert question is not None
        emit(service, question, k, mode, as_json, in_batch=False)


def emit(service: SpeechService, question: str, k: int, mode: str, as_json: bool, *, in_batch: bool) -> None:
    try:
        answer = search_and_log(service, question, k, mode)
    except QueryError as e:
        if not in_batch:
            raise
        if as_json:
            click.echo(
                json.dumps(
                    {"query": question, "answered": False, "results": [], "error": str(e)}, ensure_ascii=False
                )
            )
        else:
            click.echo(f"{question}\n  错误：{e}\n")
        return
    if as_json:
        click.echo(json.dumps(answer_json(answer), ensure_ascii=False))
    else:
        click.echo(render_answer(answer) + ("\n" if in_batch else ""))


def search_and_log(service: SpeechService, question: str, k: int, mode: str) -> Answer:
    answer = service.current().search(question, k=k, mode=mode)  # type: ignore[arg-type]
    service.library.store.log_query(
        channel="cli",
        query=answer.query,
        answered=answer.answered,
        top_ids=[h.passage.id for h in answer.hits],
        latency_ms=answer.latency_ms,
    )
    return answer


@cli.command()
@click.option("-k", "--top", type=click.IntRange(1, 50), help="How many passages (default 5).")
@click.option("--mode", type=click.Choice(MODES), default="hybrid", show_default=True, help="Retrieval mode.")
@pass_context
def repl(obj: Context, top: int | None, mode: str) -> None:
    """Interactive question mode: the model and index load once; Ctrl-D quits.

    \b
    Example:
        speechqa repl
    """
    with user_errors():
        run_repl(obj, top or obj.settings.top_k, mode)


def run_repl(obj: Context, k: int, mode: str) -> None:
    service = obj.service()
    click.echo(click.style("输入问题后回车；Ctrl-D 退出。", dim=True), err=True)
    for question in _read_questions(obj.settings.home / "history"):
        if not question.strip():
            continue
        try:
            click.echo(render_answer(search_and_log(service, question, k, mode)) + "\n")
        except QueryError as e:
            click.echo(click.style(f"错误：{e}", fg="red"), err=True)


def _read_questions(history: Path) -> Iterator[str]:
    if sys.stdin.isatty() and sys.stdout.isatty():
        from prompt_toolkit import PromptSession
        from prompt_toolkit.history import FileHistory

        session: PromptSession[str] = PromptSession(history=FileHistory(str(history)))
        while True:
            try:
                yield session.prompt("问题> ")
            except KeyboardInterrupt:
                continue  # Ctrl-C clears the line
            except EOFError:
                return
    else:
        yield from (line.rstrip("\n") for line in sys.stdin)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--check", is_flag=True, help="List every body sentence that reached no passage; exit 1 if any did."
)
@pass_context
def add(obj: Context, paths: tuple[Path, ...], check: bool) -> None:
    """Add speeches from .txt (UTF-8/GBK/GB18030), .docx or .pdf files or folders; update the index.

    Only new or changed passages are embedded; adding the same file again changes nothing.
    Every sentence of each file's body is checked to be in a passage; --check lists any that is not.

    \b
    Examples:
        speechqa add 讲话.docx
        speechqa add ~/讲话稿/
        speechqa add --check 通知.txt
    """
    with user_errors():
        service = obj.service()
        outcomes, report = service.add_paths(list(paths), ProgressBar("嵌入新段落"))
        failed = 0
        for outcome in outcomes:
            if outcome.error:
                failed += 1
                click.echo(click.style(f"✗ {outcome.error}", fg="red"), err=True)
            for s in outcome.speeches:
                label = {"added": "新增", "updated": "已更新", "unchanged": "未变化"}[s.status]
                click.echo(f"{label}  #{s.speech_id} {s.title}（{s.passages} 段）  ← {outcome.name}")
            report_lost(outcome.name, outcome.sentences, outcome.lost, detail=check)
        click.echo(
            click.style(
                f"索引：{report.manifest.count} 段，本次嵌入 {report.embedded} 段，用时 {report.seconds:.1f} 秒",
                dim=True,
            )
        )
        if failed and failed == len(outcomes):
            raise click.ClickException("没有添加任何文件。")
        lost = sum(len(o.lost) for o in outcomes)
        if check and lost:
            raise click.ClickException(f"有 {lost} 句正文没有进入任何段落（见上）。")


def report_lost(name: str, sentences: int, lost: tuple[str, ...], *, detail: bool) -> None:
    """Say when a file's body sentences did not all reach a passage (with --check: which ones)."""
    if not lost:
        if detail and sentences:
            click.echo(click.style(f"✓ {name}：正文 {sentences} 句全部进入段落", fg="green"))
        return
    click.echo(
        click.style(f"⚠ {name}：正文 {sentences} 句中有 {len(lost)} 句没有进入任何段落", fg="yellow"),
        err=True,
    )
    if detail:
        for sentence in lost:
            click.echo(f"    {sentence}", err=True)
    else:
        click.echo("    用 speechqa add --check 查看是哪些句子", err=True)


@cli.command()
@pass_context
def rebuild(obj: Context) -> None:
    """Rebuild the whole index from the stored speeches (e.g. after changing the model).

    \b
    Example:
        SPEECHQA_MODEL=intfloat/multilingual-e5-small speechqa rebuild
    """
    with user_errors():
        service = obj.service(fresh_model=True)
        report = service.rebuild(ProgressBar("嵌入段落"))
        m = report.manifest
        click.echo(
            f"索引已重建：{m.count} 段，模型 {m.model}，本次嵌入 {report.embedded} 段，用时 {report.seconds:.1f} 秒"
        )


@cli.command()
@pass_context
def speeches(obj: Context) -> None:
    """List the speeches in the library.

    \b
    Example:
        speechqa speeches
    """
    with user_errors():
        obj.service()  # seeds the bundled speeches on first use
        click.echo(render_speeches(obj.library.store.speeches()))


@cli.command()
@click.argument("speech_id", type=int)
@pass_context
def show(obj: Context, speech_id: int) -> None:
    """Print one speech with its passages.

    \b
    Example:
        speechqa show 2
    """
    with user_errors():
        obj.service()
        speech = obj.library.store.speech(speech_id)
        if speech is None:
            raise click.ClickException(f"没有编号为 {speech_id} 的讲话（speechqa speeches 可列出全部）。")
        click.echo(render_speech(speech, obj.library.store.passages(speech_id)))


@cli.command()
@click.argument("speech_id", type=int)
@pass_context
def remove(obj: Context, speech_id: int) -> None:
    """Remove a speech and its passages from the library and the index.

    \b
    Example:
        speechqa remove 3
    """
    with user_errors():
        removed = obj.service().remove(speech_id)
        if removed is None:
            raise click.ClickException(f"没有编号为 {speech_id} 的讲话（speechqa speeches 可列出全部）。")
        click.echo(f"已删除 #{removed.id} {removed.title}（{removed.passages} 段）")


def main() -> None:
    cli(prog_name="speechqa")


@cli.command()
@pass_context
def health(obj: Context) -> None:
    """Check that the data home holds a loadable, up-to-date index (exit 1 if not). Loads no model.

    \b
    Example:
        speechqa health
    """
    with user_errors():
        library = obj.library
        manifest = library.manifest()
        if manifest is None:
            raise click.ClickException("还没有建立索引。")
        stale = " (older than the store: it is refreshed on next start)" if library.is_stale() else ""
        library.load(manifest.model)
        click.echo(f"ok: {manifest.count} passages, model {manifest.model}{stale}")
