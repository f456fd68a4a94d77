"""The `speechqa` command: ask, add, rebuild, list, evaluate, benchmark, and run the Telegram bot."""

from __future__ import annotations

import datetime
import json
import logging
import os
import re
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from bench import BenchError
from corpus import CorpusError
from index import (
    Counts,
    FileOutcome,
    Library,
    SpeechIndexError,
    backup_database,
    check_backup,
    recover_database,
    write_lock,
)
from retrieval import (
    MODES,
    Answer,
    Filters,
    InvalidFilter,
    QueryError,
    ServiceOptions,
    SpeechService,
    answer_docx,
    parse_date_bound,
)
from retrieval.evaluate import GoldFormatError

from .render import (
    answer_json,
    context_json,
    render_answer,
    render_context,
    render_speech,
    render_speeches,
)
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
@click.option("--speaker", "speakers", multiple=True, help="Only speeches by this speaker (repeatable).")
@click.option("--since", help="Only speeches on or after this date (2024-01-31, 2024-01 or 2024).")
@click.option("--until", help="Only speeches on or before this date (2024-12-31, 2024-12 or 2024).")
@click.option("--speech", "speech_ids", type=int, multiple=True, help="Only this speech id (repeatable).")
@click.option(
    "--no-auto-filter",
    is_flag=True,
    help="Do not restrict the search to a speaker or year the question names.",
)
@click.option(
    "--docx",
    "docx_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write the question and passages, with citations, to a Word file.",
)
@pass_context
def ask(
    obj: Context,
    question: str | None,
    as_json: bool,
    batch: Any,
    top: int | None,
    mode: str,
    speakers: tuple[str, ...],
    since: str | None,
    until: str | None,
    speech_ids: tuple[int, ...],
    no_auto_filter: bool,
    docx_file: Path | None,
) -> None:
    """Ask a question; with no question, start the interactive mode.

    A speaker the library knows or a year named in the question restricts the search to those
    speeches (shown as 「仅限：…」); --no-auto-filter turns that off.

    \b
    Examples:
        speechqa ask "离休干部体检规定是什么？"
        speechqa ask --json "老年大学要怎么办"
        speechqa ask --speaker 沈伟 --since 2024-01-01 --until 2024-12-31 "老年大学"
        speechqa ask --speech 2 --speech 5 "离休干部体检"
        speechqa ask "离休干部体检规定是什么？" --docx 体检规定.docx
        speechqa ask --json --batch questions.txt > answers.jsonl
    """
    k = top or obj.settings.top_k
    with user_errors():
        request = Request(
            k=k,
            mode=mode,
            filters=make_filters(speakers, since, until, speech_ids),
            auto_filter=not no_auto_filter,
        )
        if docx_file is not None and (question is None or batch is not None):
            raise click.ClickException("--docx 只能用于单个问题（请在命令行上给出问题）。")
        if question is None and batch is None:
            run_repl(obj, request)
            return
        service = obj.service()
        if batch is not None:
            for line in batch:
                if line.strip():
                    emit(service, line.strip(), request, as_json, in_batch=True)
            return
        assert question is not None
        answer = emit(service, question, request, as_json, in_batch=False)
        if docx_file is not None and answer is not None:
            write_docx_file(answer, docx_file)
            click.echo(click.style(f"已导出 Word 文件：{docx_file}", dim=True), err=True)


@dataclass(frozen=True)
class Request:
    """How every question of one `ask` is searched."""

    k: int
    mode: str
    filters: Filters = field(default_factory=Filters)
    auto_filter: bool = True


def make_filters(
    speakers: tuple[str, ...], since: str | None, until: str | None, speech_ids: tuple[int, ...]
) -> Filters:
    """The filter given by --speaker/--since/--until/--speech (dates checked here: one clear line if bad)."""
    start = parse_date_bound(since, end=False) if since else None
    end = parse_date_bound(until, end=True) if until else None
    if start and end and start > end:
        raise InvalidFilter(f"--since {since} 晚于 --until {until}，没有日期能同时满足。")
    names = tuple(n for n in ("".join(s.split()) for s in speakers) if n)
    return Filters(speakers=names, since=start, until=end, speeches=tuple(dict.fromkeys(speech_ids)))


def write_docx_file(answer: Answer, path: Path) -> None:
    """Write the Word file next to its destination first, then move it in: never a half-written file."""
    data = answer_docx(answer)
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        tmp.write_bytes(data)
        tmp.replace(path)
    except OSError as e:
        tmp.unlink(missing_ok=True)
        raise click.ClickException(f"无法写入 Word 文件 {path}：{e.strerror or e}") from e


def emit(
    service: SpeechService, question: str, request: Request, as_json: bool, *, in_batch: bool
) -> Answer | None:
    try:
        answer = search_and_log(service, question, request)
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
        return None
    if as_json:
        click.echo(json.dumps(answer_json(answer), ensure_ascii=False))
    else:
        click.echo(render_answer(answer) + ("\n" if in_batch else ""))
    return answer


_read_only_noted: list[bool] = []


def search_and_log(service: SpeechService, question: str, request: Request) -> Answer:
    answer = service.current().search(
        question,
        k=request.k,
        mode=request.mode,  # type: ignore[arg-type]
        filters=request.filters,
        auto_filter=request.auto_filter,
        pins=True,
    )
    if service.library.read_only:
        if not _read_only_noted:
            notice(f"数据目录是只读的（{service.library.home}）：可以提问，但不记录提问日志。")
            _read_only_noted.append(True)
        return answer
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
        run_repl(obj, Request(k=top or obj.settings.top_k, mode=mode))


def run_repl(obj: Context, request: Request) -> None:
    service = obj.service()
    click.echo(click.style("输入问题后回车；Ctrl-D 退出。", dim=True), err=True)
    for question in _read_questions(obj.settings.home / "history"):
        if not question.strip():
            continue
        try:
            click.echo(render_answer(search_and_log(service, question, request)) + "\n")
        except QueryError as e:
            click.echo(click.style(f"错误：{e}", fg="red"), err=True)


def _read_questions(history: Path) -> Iterator[str]:
    if sys.stdin.isatty() and sys.stdout.isatty():
        from prompt_toolkit import PromptSession
        from prompt_toolkit.history import FileHistory, InMemoryHistory

        writable = os.access(history.parent, os.W_OK)  # False on a read-only data home
        session: PromptSession[str] = PromptSession(
            history=FileHistory(str(history)) if writable else InMemoryHistory()
        )
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
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--bundled", is_flag=True, help="Also (re-)add the speeches shipped with speechqa.")
@click.option(
    "--allow-duplicates",
    is_flag=True,
    help="Store a speech even when the same or a nearly identical text is already stored.",
)
@click.option(
    "--check", is_flag=True, help="List every body sentence that reached no passage; exit 1 if any did."
)
@pass_context
def add(obj: Context, paths: tuple[Path, ...], bundled: bool, allow_duplicates: bool, check: bool) -> None:
    """Add speeches from .txt, .docx, .doc, .pdf files, .png/.jpg scans, or folders; update the index.

    Each file is added with its index in one step: Ctrl-C stops at once and leaves the library as it
    was before that file. A file added again changes only what changed in it; a renamed or copied file
    is recognised by its bytes, and a speech already stored from another file (the same text, or nearly:
    other spacing, page numbers, a corrected typo) is reported as a duplicate and not stored twice.
    Every sentence of each file's body is checked to be in a passage; --check lists any that is not.

    \b
    Examples:
        speechqa add 讲话.docx
        speechqa add ~/讲话稿/
        speechqa add --check 通知.txt
        speechqa add --bundled
    """
    if not paths and not bundled:
        raise click.UsageError("请给出要添加的文件或文件夹（或用 --bundled 加回自带的讲话）。")
    with user_errors(), terminate_as_interrupt():
        service = obj.service()
        outcomes: list[FileOutcome] = []

        def show(outcome: FileOutcome) -> None:
            outcomes.append(outcome)
            echo_outcome(outcome)
            report_lost(outcome.name, outcome.sentences, outcome.lost, detail=check)

        try:
            report = None
            if bundled:
                done, report = service.add_bundled(ProgressBar("嵌入新段落"))
                for outcome in done:
                    show(outcome)
            if paths:
                _, report = service.add_paths(
                    list(paths), ProgressBar("嵌入新段落"), allow_duplicates=allow_duplicates, on_file=show
                )
        except KeyboardInterrupt:
            click.echo(
                f"已中断：{len(outcomes)} 个文件已处理完毕并保留；正在处理的文件没有加入，资料库和索引保持它之前的样子。",
                err=True,
            )
            # Everything is on disk (committed or rolled back): skip tearing down the model and its
            # threads, which can take longer than the interruption itself on a busy machine.
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(130)
        assert report is not None
        click.echo(
            click.style(
                f"索引：{report.manifest.count} 段，本次嵌入 {report.embedded} 段，用时 {report.seconds:.1f} 秒",
                dim=True,
            )
        )
        failed = sum(1 for o in outcomes if o.error)
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


STATUS_LABELS = {
    "added": "新增",
    "updated": "已更新",
    "unchanged": "未变化",
    "same_file": "未变化",
    "duplicate": "重复",
    "removed": "已删除",
}


def echo_outcome(outcome: FileOutcome) -> None:
    if outcome.error:
        click.echo(click.style(f"✗ {outcome.error}", fg="red"), err=True)
        return
    click.echo(click.style(f"{outcome.path or outcome.name}", bold=True))
    for s in outcome.speeches:
        label = STATUS_LABELS.get(s.status, s.status)
        if s.status == "same_file":
            label = f"未变化（与 #{s.speech_id} 相同）"
        elif s.status == "duplicate":
            label = f"重复（与 #{s.speech_id} 相同，未重复存储；要保留请加 --allow-duplicates）"
        details = [part for part in (s.date or "日期不详", s.speaker or "讲话人不详") if part]
        if s.status != "removed":
            details += [f"{s.sections} 节", f"{s.passages} 段"]
        else:
            details = [f"{s.passages} 段"]
        ident = "" if s.status in ("same_file", "duplicate") else f"#{s.speech_id} "
        click.echo(f"  {label}  {ident}{s.title} · " + " · ".join(details))


@contextmanager
def terminate_as_interrupt() -> Iterator[None]:
    """SIGTERM (docker stop, kill) stops a write the way Ctrl-C does: cleanly, within a second."""

    def interrupt(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


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
@click.argument("passage_id", type=int)
@click.option(
    "--before", type=click.IntRange(0, 50), default=1, show_default=True, help="Passages before it."
)
@click.option("--after", type=click.IntRange(0, 50), default=1, show_default=True, help="Passages after it.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_context
def context(obj: Context, passage_id: int, before: int, after: int, as_json: bool) -> None:
    """Show a passage with the passages around it in its speech (what the bot's 上下文 shows).

    The passage id is the 段落 # of a result line.

    \b
    Examples:
        speechqa context 123
        speechqa context 123 --before 3 --after 3
    """
    with user_errors():
        obj.service()
        passages = obj.library.store.neighbours(passage_id, before=before, after=after)
        if not passages:
            raise click.ClickException(f"没有编号为 {passage_id} 的段落（结果中的「段落 #」即段落编号）。")
        if as_json:
            click.echo(json.dumps(context_json(passages, passage_id), ensure_ascii=False, indent=1))
        else:
            click.echo(render_context(passages, passage_id))


@cli.command()
@click.argument("speech_id", type=int)
@click.option("-y", "--yes", is_flag=True, help="Do not ask for confirmation.")
@pass_context
def remove(obj: Context, speech_id: int, yes: bool) -> None:
    """Remove a speech and its passages from the library and the index (asks first unless --yes).

    \b
    Examples:
        speechqa remove 3
        speechqa remove 3 --yes
    """
    with user_errors():
        speech = obj.library.store.speech(speech_id)
        if speech is None:
            raise click.ClickException(f"没有编号为 {speech_id} 的讲话（speechqa speeches 可列出全部）。")
        obj.library.store.require_writable()
        if not yes and not click.confirm(
            f"删除 #{speech.id} {speech.title}（{speech.passages} 段，来自 {speech.path or speech.source}）？",
            default=False,
            err=True,
        ):
            raise click.ClickException("已取消，没有删除任何内容。")
        removed = obj.service().remove(speech_id)
        if removed is None:
            raise click.ClickException(f"没有编号为 {speech_id} 的讲话（speechqa speeches 可列出全部）。")
        click.echo(f"已删除 #{removed.id} {removed.title}（{removed.passages} 段）")


DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@cli.command()
@click.argument("speech_id", type=int)
@click.option("--title", help="The speech's title.")
@click.option("--date", help="Its date: YYYY-MM-DD (or YYYY-MM, YYYY).")
@click.option("--speaker", help="Who gave it.")
@pass_context
def edit(obj: Context, speech_id: int, title: str | None, date: str | None, speaker: str | None) -> None:
    """Correct a speech's title, date or speaker. The correction is kept by the speech's text: adding
    its file again (even after removing it) keeps the corrected values.

    \b
    Example:
        speechqa edit 3 --date 2024-03-13 --speaker 沈伟
    """
    if not (title or date or speaker):
        raise click.UsageError("请至少给出 --title、--date 或 --speaker 之一。")
    if date and not _valid_date(date):
        raise click.ClickException(f"日期格式不对：{date}（应为 2024-03-13、2024-03 或 2024）。")
    with user_errors():
        store = obj.library.store
        store.require_writable()
        edited = store.edit_speech(
            speech_id, title=(title or "").strip() or None, date=date, speaker=(speaker or "").strip() or None
        )
        if edited is None:
            raise click.ClickException(f"没有编号为 {speech_id} 的讲话（speechqa speeches 可列出全部）。")
        meta = " · ".join(part for part in (edited.date, edited.speaker) if part)
        click.echo(f"已更正 #{edited.id} {edited.title}" + (f" · {meta}" if meta else ""))


def _valid_date(text: str) -> bool:
    if not DATE.match(text):
        return False
    parts = [int(p) for p in text.split("-")]
    try:
        datetime.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return False
    return True


@cli.command()
@click.argument("file", type=click.Path(path_type=Path))
@pass_context
def backup(obj: Context, file: Path) -> None:
    """Save the whole library (speeches, passages, embedding cache, query log) to FILE.

    Safe while the bot runs (SQLite's online backup); works on a read-only data home.

    \b
    Example:
        speechqa backup ~/speechqa-备份-2024-06-01.db
    """
    with user_errors():
        counts = backup_database(obj.library.store, file)
        click.echo(f"已备份到 {file}：{describe(counts)}")


@cli.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("-y", "--yes", is_flag=True, help="Do not ask for confirmation.")
@pass_context
def restore(obj: Context, file: Path, yes: bool) -> None:
    """Replace the library with a backup made by `speechqa backup`, then rebuild the index from it.

    The current library is first saved to backups/before-restore-….db in the data home.

    \b
    Example:
        speechqa restore ~/speechqa-备份-2024-06-01.db
    """
    with user_errors(), terminate_as_interrupt():
        counts = check_backup(file)
        obj.library.store.require_writable()
        if not yes and not click.confirm(
            f"用备份 {file}（{describe(counts)}）替换当前资料库？当前资料库会先另存一份。",
            default=False,
            err=True,
        ):
            raise click.ClickException("已取消，资料库没有改动。")
        service = obj.service()
        counts, saved, report = service.restore(file, ProgressBar("嵌入段落"))
        click.echo(f"已恢复：{describe(counts)}；索引 {report.manifest.count} 段。原资料库另存为 {saved}")


@cli.command()
@click.option("-y", "--yes", is_flag=True, help="Do not ask for confirmation.")
@pass_context
def recover(obj: Context, yes: bool) -> None:
    """Rescue what can be read from a damaged database (SQLite's own recovery), keep the damaged file
    beside it, rebuild the index, and report what was kept and what was lost.

    \b
    Example:
        speechqa recover
    """
    home = obj.settings.home
    with user_errors(), terminate_as_interrupt():
        if not yes and not click.confirm(
            f"抢救 {home / 'speechqa.db'} 中可读的内容？原文件会改名保留，不会删除。", default=True, err=True
        ):
            raise click.ClickException("已取消。")
        with write_lock(home):
            result = recover_database(home)
        click.echo(f"已抢救（{result.method}）：保留 {describe(result.kept)}")
        lost = []
        for table, before in result.before.rows:
            kept = result.kept.get(table) or 0
            if before is not None and before > kept:
                lost.append(f"{TABLE_NAMES[table]} {before - kept}")
        if result.lost_passages:
            lost.append(f"上一版索引中的段落 {result.lost_passages}")
        if result.dropped_orphans:
            lost.append(f"所属讲话已丢失的段落 {result.dropped_orphans}")
        click.echo("丢失：" + ("、".join(lost) if lost else "没有发现丢失的内容"))
        click.echo(f"损坏的原文件保留为 {result.damaged_copy}")
        report = obj.service(fresh_model=True).rebuild(ProgressBar("嵌入段落"))
        click.echo(f"索引已重建：{report.manifest.count} 段，本次嵌入 {report.embedded} 段")


TABLE_NAMES = {
    "speeches": "讲话",
    "passages": "段落",
    "embeddings": "向量缓存",
    "queries": "提问记录",
    "feedback": "反馈",
}


def describe(counts: Counts) -> str:
    return "，".join(f"{TABLE_NAMES[table]} {'不可读' if n is None else n}" for table, n in counts.rows)


def main() -> None:
    cli(prog_name="speechqa")


@cli.command()
@pass_context
def health(obj: Context) -> None:
    """Check that the data home holds a loadable, up-to-date, non-empty index (exit 1 if not, with one
    line saying why). Loads no model.

    \b
    Example:
        speechqa health
    """
    with user_errors():
        library = obj.library
        manifest = library.manifest()
        if manifest is None:
            raise click.ClickException(
                "还没有建立索引：运行 speechqa add 文件（或 speechqa add --bundled）。"
            )
        library.load(manifest.model)
        speeches = len(library.store.speeches())
        if speeches == 0 or manifest.count == 0:
            raise click.ClickException(
                "资料库是空的（0 篇讲话）：运行 speechqa add --bundled 加回自带的讲话，或 speechqa add 文件。"
            )
        if library.is_stale():
            raise click.ClickException(
                f"索引落后于资料库（索引版本 {manifest.revision}，资料库版本 {library.store.revision}）："
                "运行 speechqa rebuild。"
            )
        where = "，只读" if library.read_only else ""
        click.echo(f"ok: {speeches} speeches, {manifest.count} passages, model {manifest.model}{where}")
