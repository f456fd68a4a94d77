"""The `speechqa` group: settings, the one place domain errors become messages, progress and notices.

The commands live beside it: ask.py (asking), library.py (the speeches), bench.py (measuring: the group
and `eval`; its commands in bench_answers.py, bench_documents.py, bench_speed.py), pins.py, synonyms.py,
telegram.py (the bot and its statistics); help.py frames their help in Chinese, render.py shapes answers for
the terminal and JSON, console.py fits the streams to the user's terminal."""

from __future__ import annotations

import errno
import functools
import importlib
import logging
import os
import re
import signal
import sys
import time
import unicodedata
from collections.abc import Callable, Iterator, MutableMapping
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, NoReturn

import click

from .help import Group, short_help, summary_line

if TYPE_CHECKING:
    from index import Library
    from retrieval import SpeechService

    from .settings import Settings

# The modules the commands are defined in, imported when a command is run or its help asked for: `speechqa
# ask` loads the search and nothing of the measuring code (bench/), the bot or the Word reader it does not
# use, and `speechqa --help` loads none of the layers. A new command module is listed here.
BENCH = ("cli.bench", "cli.bench_answers", "cli.bench_documents", "cli.bench_speed")
COMMAND_MODULES: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(("ask", "repl", "context"), ("cli.ask",)),
    "eval": ("cli.bench",),
    "bench": BENCH,  # the group, and the modules that add its commands
    **dict.fromkeys(
        (
            "add",
            "rebuild",
            "speeches",
            "show",
            "remove",
            "keep-both",
            "edit",
            "backup",
            "restore",
            "recover",
            "health",
        ),
        ("cli.library",),
    ),
    **dict.fromkeys(("pin", "pins", "unpin"), ("cli.pins",)),
    "synonyms": ("cli.synonyms",),
    **dict.fromkeys(("bot", "stats", "prune-log"), ("cli.telegram",)),
    "help": ("cli.main",),  # defined below, with the group
}
# Each command's line in `speechqa --help`, its help's first paragraph (tests/test_cli_docs.py checks that
# they agree), so that listing the commands imports none of them.
SUMMARIES = {
    "ask": "向讲话库提问；不带问题时进入交互模式。",
    "repl": "交互式提问：模型和索引只加载一次；输入「退出」或按 Ctrl-D 结束。",
    "context": "显示一个段落及其在讲话中的前后段落。",
    "eval": 'Score retrieval on a question set (JSON Lines with "question" and "answers" phrases).',
    "bench": "Benchmarks that print their figures (retrieval quality and speed).",
    "add": "添加讲话文件或整个文件夹，并更新索引。",
    "rebuild": "用已存的讲话重建整个索引（例如更换模型之后）。",
    "speeches": "列出资料库中的全部讲话（或一位讲话人的）。",
    "show": "显示一篇讲话及其全部段落。",
    "remove": "从资料库和索引中删除一篇讲话及其段落。",
    "keep-both": "两篇内容相近的讲话都保留：不再提示它们「内容相近」。",
    "edit": "更正讲话的标题、日期、讲话人或发文机关；或把一位讲话人在所有讲话中改名。",
    "backup": "把整个资料库（讲话、段落、向量缓存、提问记录）备份到一个文件（备份文件）。",
    "restore": "用 speechqa backup 做的备份替换当前资料库，并据此重建索引。",
    "recover": "抢救损坏的资料库：取回其中可读的内容，并重建索引。",
    "health": "检查数据目录中的索引能否加载、是否最新、是否非空。",
    "pin": "把一个段落设为某个问题的标准答案。",
    "pins": "列出全部标准答案。",
    "unpin": "取消一条标准答案。",
    "synonyms": "管理同义词：问题中含其中一个词，也能查到含另一个词的段落。",
    "bot": "运行 Telegram 机器人。",
    "stats": "根据提问记录统计使用情况。",
    "prune-log": "删除某一天之前的提问记录及其 👍/👎 反馈，并压缩数据库文件。",
    "help": "显示 speechqa 或某个命令的说明（同 --help）。",
}


def user_error_types() -> tuple[type[Exception], ...]:
    """The layers' domain errors, written for users: each becomes one line and exit 1. Imported when an
    error is raised (a command raising one has imported its layer already)."""
    from corpus import CorpusError
    from index import SpeechIndexError
    from retrieval import QueryError

    from .settings import SettingsError

    return (CorpusError, SpeechIndexError, QueryError, SettingsError)


class UserError(click.ClickException):
    """A one-line message for the user, in Chinese, exit code 1 (click's own would start with "Error:")."""

    def show(self, file: Any = None) -> None:
        ProgressBar.clear()
        click.echo(click.style(f"错误：{one_line(self.format_message())}", fg="red"), err=True, file=file)


class SettingsRefused(UserError):
    """A setting (an environment variable) that cannot be used, met before any command ran."""


def one_line(message: str) -> str:
    """A message that quotes what the user typed (「日期「…」无法识别」) as one line that draws nothing on the
    terminal: a control character of the input (a line break, ESC of a colour code pasted along) shown as
    its escape, `\\n`, `\\x1b` — it used to break the line in two or recolour the terminal."""
    return "".join(
        repr(c)[1:-1] if unicodedata.category(c) == "Cc" or c in "\u2028\u2029" else c for c in message
    )


class Terminated(KeyboardInterrupt):
    """SIGTERM (docker stop, kill), raised where Ctrl-C would be so a write stops as cleanly."""


def interrupted_exit_code(interruption: KeyboardInterrupt) -> int:
    """The shell's convention, 128 + the signal's number: 130 for Ctrl-C (SIGINT), 143 for SIGTERM."""
    return 128 + (signal.SIGTERM if isinstance(interruption, Terminated) else signal.SIGINT)


_signalled: list[int] = []  # Ctrl-C or SIGTERM received during the write under way (terminate_as_interrupt)


@contextmanager
def terminate_as_interrupt() -> Iterator[None]:
    """SIGTERM stops a write the way Ctrl-C does: cleanly, within a second (exit 143, not 130). Either
    signal is remembered, so an error a library made of the interruption is still taken for it
    (`interruption_behind`); one left to the write's caller here is the interruption itself."""

    def interrupt(signum: int, frame: Any) -> None:
        _signalled.append(signum)
        raise Terminated

    def ctrl_c(signum: int, frame: Any) -> None:
        _signalled.append(signum)
        raise KeyboardInterrupt

    _signalled.clear()
    previous = signal.signal(signal.SIGTERM, interrupt)
    previous_int = signal.getsignal(signal.SIGINT)
    if previous_int is signal.default_int_handler:  # (left alone where Ctrl-C is ignored: a background job)
        signal.signal(signal.SIGINT, ctrl_c)
    try:
        yield
    except Exception as e:
        if (stopped := interruption_behind(e)) is None:
            raise
        raise stopped from e
    finally:
        signal.signal(signal.SIGTERM, previous)
        if previous_int is signal.default_int_handler:
            signal.signal(signal.SIGINT, previous_int)


def interruption_behind(error: Exception) -> KeyboardInterrupt | None:
    """The Ctrl-C or SIGTERM a write's error stands for, or None when none was received: a library that
    catches every exception turns the KeyboardInterrupt raised in it into its own error (OmegaConf, loading
    RapidOCR's model table while `add` imports the OCR engine, made SIGTERM 「speechqa 内部出错…这是程序的问题」)."""
    if not _signalled:
        return None
    return Terminated() if _signalled[-1] == signal.SIGTERM else KeyboardInterrupt()


def long_running(command: Callable[..., Any]) -> Callable[..., Any]:
    """For commands that search many times in one process (the bot, the interactive mode, the benchmarks):
    spans scored by the compiled kernel and jieba's whole dictionary loaded (`prepare_many_searches`: the
    same results, ~1 ms less a search). Not for one-shot commands: importing numba and loading the
    dictionary take ~2 s, more than one search saves."""

    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> Any:
        from retrieval import prepare_many_searches

        prepare_many_searches()
        return command(*args, **kwargs)

    return run


@contextmanager
def user_errors(*more: type[Exception]) -> Iterator[None]:
    """Domain errors (`user_error_types()`, and `more`: the measuring commands' own) become one-line
    messages and a non-zero exit; never a traceback."""
    try:
        yield
    except KeyboardInterrupt as e:
        ProgressBar.clear()
        click.echo("已中断。", err=True)
        sys.exit(interrupted_exit_code(e))
    except click.Abort:  # a confirmation refused or left with no answer (end of input): nothing was changed
        click.echo(cancelled_line(), err=True)
        sys.exit(1)
    except Exception as e:
        if isinstance(e, (*user_error_types(), *more)):
            raise UserError(str(e)) from e
        raise


@contextmanager
def json_errors(document: Callable[[str], str] | None) -> Iterator[None]:
    """With `--json`, an error is also printed on stdout as the JSON object `document(message)` makes, so a
    script reading stdout always gets an object; the Chinese line on stderr and exit code 1 stay. None:
    nothing is printed (text output, or `ask --batch`, whose JSON Lines hold one line per question)."""
    try:
        yield
    except Exception as e:
        if document is not None and isinstance(e, (click.ClickException, *user_error_types())):
            click.echo(document(e.format_message() if isinstance(e, click.ClickException) else str(e)))
        raise


def cancelled_line() -> str:
    """The one line for a refused or unanswered confirmation (the bot says the same), exit 1 after it."""
    from retrieval import CANCELLED

    return CANCELLED


# Answers to a yes/no question as people type them on a Chinese keyboard (NFKC: ｙ is y), and in English
YES_WORDS = frozenset({"y", "yes", "是", "是的", "好", "好的", "对", "确定", "确认", "可以", "行"})
NO_WORDS = frozenset({"n", "no", "否", "不", "不是", "不要", "不用", "取消", "算了"})


def confirm(text: str, *, default: bool) -> bool:
    """`click.confirm`, taking 「是」「否」「好的」 as well as y/n, and asking again in Chinese: click's own
    answered 「是」 with "Error: invalid input". End of input raises click.Abort, as click.confirm does."""
    choices = "[Y/n]" if default else "[y/N]"
    while True:
        try:
            answer = click.prompt(f"{text} {choices}", default="", show_default=False, err=True)
        except click.Abort:
            click.echo(err=True)  # end of input (Ctrl-D) left the line after the question: end it
            raise
        word = unicodedata.normalize("NFKC", answer).strip().rstrip("。.!！").lower()
        if not word:
            return default
        if word in YES_WORDS or word in NO_WORDS:
            return word in YES_WORDS
        click.echo("请回答 y（是）或 n（否）。", err=True)


class Number(click.ParamType):
    """A speech or passage id as the results print it: 75, 「#75」 or 「＃75」 (copied from 「段落 #75」), and
    with its label copied too, 「段落 #75」 or 「段落#75」, when the argument is that kind of id (`label`); the
    other kind's label (「讲话 #2」 given for a passage) is refused, naming the kind wanted."""

    name = "integer"

    def __init__(self, label: str | None = None) -> None:
        self.label = label

    def convert(self, value: object, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, int):
            return value
        from corpus import typed_id

        text = str(value).strip()
        for label in ID_LABELS:
            if text.startswith(label):
                if self.label is not None and label != self.label:
                    self.fail(f"「{value}」是{label}编号，这里要{self.label}编号", param, ctx)
                if self.label is not None:
                    text = text.removeprefix(label)
                break
        number = typed_id(text)  # 「#75」, 「＃７５」; not 「⑤④」 (NFKC's 54) nor 「①」
        if number is None:
            self.fail(f"「{value}」不是编号：写数字，如 75（或加引号写 '#75'）", param, ctx)
        return number


# the labels results print before an id: 「讲话 #2 · 段落 #54」
ID_LABELS = ("段落", "讲话")
ID = Number()
PASSAGE_ID = Number("段落")
SPEECH_ID = Number("讲话")


class Context:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._library: Library | None = None

    @property
    def library(self) -> Library:
        return self.open_library()

    def open_library(self, *, reading: bool = False) -> Library:
        """The data home's library, opened once; `reading`: for a command that only reads (`health`), which
        root may run on the service user's home (index.Library)."""
        if self._library is None:
            from index import Library

            self._library = Library(
                self.settings.home,
                tokenizer=self.settings.tokenizer,
                merge_to=self.settings.merge_to,
                reading=reading,
            )
            store = self._library.store
            if store.upgraded:
                notice(
                    f"资料库是旧版 speechqa 建立的，已升级到本版（{len(store.upgraded)} 项，"
                    f"用时 {store.upgrade_seconds:.1f} 秒）：讲话、更正、标准答案和提问记录都保留着。"
                )
        return self._library

    def service(
        self, *, fresh_model: bool = False, tell_seeded: bool = True, seed: bool = True
    ) -> SpeechService:
        """The library's service. An empty library is given the bundled speeches on opening (unless not
        `seed`), under a progress bar of a minute or so: said after it (`tell_seeded`), as `add` says it in
        its report."""
        from retrieval import ServiceOptions, SpeechService

        service = SpeechService(
            self.library,
            ServiceOptions(
                model=self.settings.model,
                prefixes=self.settings.prefixes,
                seed_if_empty=seed,
                model_chosen=self.settings.model_chosen,
            ),
            notice=notice,
            progress=ProgressBar("建立索引"),
            fresh_model=fresh_model,
        )
        if tell_seeded and service.seeded:
            count = sum(len(o.speeches) for o in service.seeded)
            built = service.built
            index = f"并建立了索引（嵌入 {built.embedded} 段，用时 {built.seconds:.1f} 秒）" if built else ""
            notice(
                f"资料库原来是空的：已先加入自带的 {count} 篇讲话{index}；"
                "加入你自己的文件：speechqa add 文件或文件夹"
            )
        return service


def notice(message: str) -> None:
    ProgressBar.clear()
    click.echo(click.style(f"提示：{message}", fg="yellow"), err=True)


class ProgressBar:
    """Embedding progress on stderr, created only when there is work to show: a tqdm bar on a terminal;
    where stderr is a file, a pipe or a service's log (`speechqa add 文件夹 2>add.log`, Docker, systemd),
    whose carriage-return redraws would fill it with fragments of the bar, a plain line at every tenth
    of the work and at most one every `PLAIN_EVERY` seconds, and the last (「嵌入新段落：300/1200 段（25%）」)."""

    shown: ClassVar[set[ProgressBar]] = set()  # bars on the screen now
    PLAIN_EVERY = 5.0  # seconds

    def __init__(self, label: str) -> None:
        self.label = label
        self.bar: Any = None
        self.plain = not _is_terminal(sys.stderr)
        self.said: tuple[int, float] | None = None  # the tenth and the moment of the last plain line

    def __call__(self, done: int, total: int) -> None:
        if total == 0:
            return
        if self.plain:
            self._say(done, total)
            return
        if self.bar is None:
            from tqdm import tqdm

            self.bar = tqdm(total=total, desc=self.label, unit="段", file=sys.stderr, leave=False)
            ProgressBar.shown.add(self)
        self.bar.n = done
        self.bar.refresh()
        if done >= total:
            self.close()

    def _say(self, done: int, total: int) -> None:
        tenth, now = min(10, done * 10 // total), time.monotonic()
        finished = done >= total
        if done == 0:  # the lines say work done; a file of a few passages gets one line, its last
            return
        last_tenth, last_time = self.said or (0, -self.PLAIN_EVERY)
        if not finished and (tenth <= last_tenth or now - last_time < self.PLAIN_EVERY):
            return
        click.echo(f"{self.label}：{done}/{total} 段（{done * 100 // total}%）", err=True)
        # a later run of the same bar (the next file of a folder) starts again
        self.said = None if finished else (tenth, now)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()  # leave=False: the line is cleared
            self.bar = None
        ProgressBar.shown.discard(self)

    @classmethod
    def clear(cls) -> None:
        """Take any bar off the screen, so that a line said while one is shown (an error, an
        interruption) starts on a line of its own instead of after the bar's text."""
        for bar in list(cls.shown):
            bar.close()


def _is_terminal(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):  # a closed or replaced stream
        return False


pass_context = click.make_pass_decorator(Context)
# Libraries whose INFO lines are chatter: at WARNING with -v and in the bot's log, at ERROR otherwise.
NOISY_LOGGERS = (
    "httpx",
    "sentence_transformers",
    "transformers",
    "huggingface_hub",
    "jieba",
    "faiss",
    "bm25s",
)


class TopGroup(Group):
    """The `speechqa` group: however it is invoked (the console script, CliRunner), a malformed command
    line is one Chinese line and exit 1, like any other bad input; `--help` is exit 0."""

    def main(  # type: ignore[override]
        self,
        args: Any = None,
        prog_name: str | None = None,
        *rest: Any,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, *rest, standalone_mode=False, **extra)
        try:
            code = super().main(args, prog_name, *rest, standalone_mode=False, **extra)
        except _NO_ARGS_IS_HELP as e:  # `speechqa` or `speechqa synonyms` alone: the help, as --help does
            click.echo(e.ctx.get_help() if e.ctx is not None else e.format_message())
            sys.exit(0)
        except click.UsageError as e:
            given = list(args) if args is not None else sys.argv[1:]
            line = one_line(dash_name_message(e, given) or usage_message(e))
            if (document := usage_json(e, given, line)) is not None:
                click.echo(document)
            click.echo(click.style(line, fg="red"), err=True)
            sys.exit(1)
        except SettingsRefused as e:
            refused_setting(e.message, list(args) if args is not None else sys.argv[1:])
        except click.ClickException as e:
            e.show()
            sys.exit(e.exit_code)
        except click.Abort as e:
            if isinstance(e.__cause__, EOFError):
                # click takes any EOFError that leaves a command for the end of input at a prompt; a prompt
                # raises Abort itself, so this one is a file ending early inside a layer: a defect, not the
                # user's 「已取消，没有做任何改动」 (a damaged index file's numpy EOFError said that)
                raise e.__cause__ from None
            if isinstance(e.__cause__, KeyboardInterrupt):  # Ctrl-C (or SIGTERM) outside a write
                click.echo("已中断。", err=True)
                sys.exit(interrupted_exit_code(e.__cause__))
            click.echo(cancelled_line(), err=True)  # a prompt with no answer (end of input)
            sys.exit(1)
        sys.exit(code if isinstance(code, int) and not isinstance(code, bool) else 0)

    # Only the top group (`cli`) loads its commands lazily; its subgroups are of this class too.
    def list_commands(self, ctx: click.Context) -> list[str]:
        return (
            sorted(set(self.commands) | set(COMMAND_MODULES)) if self is cli else super().list_commands(ctx)
        )

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if self is cli and name not in self.commands:
            for module in COMMAND_MODULES.get(name, ()):
                importlib.import_module(module)  # its decorators register its commands
        return self.commands.get(name)

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        name = args[0]
        clicks_own = self is not cli or ctx.resilient_parsing or name.startswith("-")
        if not clicks_own and self.get_command(ctx, name) is None:
            # click guesses from the commands imported so far: guess from every command's name
            raise click.exceptions.NoSuchCommand(name, possibilities=self.list_commands(ctx), ctx=ctx)
        return super().resolve_command(ctx, args)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        if self is not cli:
            return super().format_commands(ctx, formatter)
        # a command not imported yet is listed by its summary: listing the commands imports none of them
        rows = [(name, self.commands.get(name)) for name in self.list_commands(ctx)]
        rows = [(name, command) for name, command in rows if command is None or not command.hidden]
        width = formatter.width - 6 - max(len(name) for name, _ in rows)
        with formatter.section("命令"):
            formatter.write_dl(
                [
                    (name, short_help(command, width) if command else summary_line(SUMMARIES[name], width))
                    for name, command in rows
                ]
            )


def show_version(ctx: click.Context) -> NoReturn:
    """`speechqa --version`: the release, and the library format it writes — the last migration it knows, which a
    library of a newer release names when it is refused (「本版不认识其中的升级 021_…」), so support can tell which
    releases an office has. Every release so far says 0.1.0: the format tells them apart."""
    from importlib.metadata import PackageNotFoundError, version

    from index import library_format  # imported here: the other commands' start stays light

    try:
        release = version("speechqa")
    except PackageNotFoundError:  # run from a checkout that was never installed
        release = "未安装（源代码）"
    click.echo(f"speechqa 版本 {release}（资料库格式 {library_format()}）")
    ctx.exit(0)


# OpenMP's own values (libgomp reads them case-blind, blanks around them allowed)
_WAIT_POLICIES = ("PASSIVE", "ACTIVE")


def _wrong_wait_policy(environ: MutableMapping[str, str]) -> str | None:
    """What is wrong with OMP_WAIT_POLICY (the README's setting for a busy shared machine), in one Chinese line,
    or None. OpenMP reads it when FAISS loads and said a wrong or blank value in English on every command
    (「libgomp: Invalid value for environment variable OMP_WAIT_POLICY」, twice), then ran on. A blank one is
    unset, as every blank variable the README names is (OpenMP's default then)."""
    value = environ.get("OMP_WAIT_POLICY")
    if value is None or value.strip().upper() in _WAIT_POLICIES:
        return None
    if not value.strip():
        del environ["OMP_WAIT_POLICY"]
        return None
    return (
        f"OMP_WAIT_POLICY={value.strip()} 无效：请写 PASSIVE（与别的程序共用的机器上）或 ACTIVE，"
        "或删去这个变量"
    )


@click.group(cls=TopGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--home",
    type=click.Path(path_type=Path),
    metavar="目录",
    help="数据目录（默认取 $SPEECHQA_HOME）。",
)
@click.option("--model", metavar="模型", help="嵌入模型的名称或本地目录（默认取 $SPEECHQA_MODEL）。")
@click.option("-v", "--verbose", is_flag=True, help="把运行过程记录输出到标准错误（stderr）。")
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=lambda ctx, _param, value: show_version(ctx) if value else None,
    help="显示版本并退出。",
)
@click.pass_context
def cli(ctx: click.Context, home: Path | None, model: str | None, verbose: bool) -> None:
    """讲话问答：向讲话库提问，得到注明出处的原文段落。

    用 speechqa 命令 --help 查看各命令的说明和示例。

    \b
    示例：
        speechqa ask "离休干部体检规定是什么？"
        speechqa add 讲话.docx
        speechqa ask --help
    """
    # Without -v a user reads only speechqa's own (Chinese) lines: log records are English words for a log —
    # a damaged numba cache recompiled, a model library's 「Could not resolve the revision of …」 — shown by
    # -v; whatever a user must know is also said in Chinese. The bot's log sets its own levels (cli/telegram.py).
    logging.basicConfig(level=logging.INFO if verbose else logging.ERROR, format="%(levelname)s %(message)s")
    for noisy in NOISY_LOGGERS:
        logging.getLogger(noisy).setLevel(logging.WARNING if verbose else logging.ERROR)
    from .settings import SettingsError, load_settings, strip_hub_variables

    strip_hub_variables(os.environ)
    # --home overrides SPEECHQA_HOME: a blank one is then no error
    env = {k: v for k, v in os.environ.items() if home is None or k != "SPEECHQA_HOME"}
    try:
        settings = load_settings(env).with_overrides(
            home=home, model=model, model_chosen=True if model else None
        )
    except SettingsError as e:
        raise SettingsRefused(str(e)) from e  # said by TopGroup.main, which has the command line
    ctx.obj = Context(settings)


@cli.command("help")
@click.argument("names", nargs=-1, metavar="命令")
@click.pass_context
def help_command(ctx: click.Context, names: tuple[str, ...]) -> None:
    """显示 speechqa 或某个命令的说明（同 --help）。

    git、pip 的用户习惯这样查看帮助：speechqa help ask 与 speechqa ask --help 相同。

    \b
    示例：
        speechqa help
        speechqa help ask
        speechqa help synonyms add
    """
    top = ctx.parent if ctx.parent is not None else ctx
    command: click.Command = top.command
    shown = top
    for name in names:
        if not isinstance(command, click.Group):
            raise click.UsageError(f"{shown.command_path} 没有子命令「{name}」。", ctx=shown)
        found = command.get_command(shown, name)
        if found is None:
            raise click.exceptions.NoSuchCommand(name, possibilities=command.list_commands(shown), ctx=shown)
        shown = found.context_class(found, info_name=name, parent=shown)
        command = found
    click.echo(shown.get_help())


# click's own words for a malformed command line, in the users' language (the detail after the colon
# is click's, e.g. "0 is not in the range 1<=x<=50").
_USAGE_WORDS = (
    (re.compile(r"^Invalid value for (.+?): (.*)$", re.S), r"参数 \1 的值无效：\2"),
    (re.compile(r"^Missing argument '(.+)'\.?$"), r"缺少参数 '\1'"),
    (re.compile(r"^Missing option '(.+)'\.?$"), r"缺少选项 \1"),
    # click's suggestion: "Did you mean 'x'?" for one, "(Did you mean one of: 'x', 'y'?)" for several
    (
        re.compile(r"^No such option:? '?([^'.]+)'?\.? \(?Did you mean (?:one of: )?(.+?)\?\)?$"),
        r"没有这个选项：\1（是不是 \2？）",
    ),
    (re.compile(r"^No such option:? '?([^'.]+)'?\.?$"), r"没有这个选项：\1"),
    (
        re.compile(r"^No such command '(.+?)'\.? \(?Did you mean (?:one of: )?(.+?)\?\)?$"),
        r"没有这个命令：\1（是不是 \2？）",
    ),
    (re.compile(r"^No such command '(.+)'\.?$"), r"没有这个命令：\1"),
    (re.compile(r"^Got unexpected extra arguments? \((.+)\)$"), r"多余的参数：\1"),
    (re.compile(r"^Option '(.+)' requires an argument\.?$"), r"选项 \1 后面要写上它的值"),
    (re.compile(r"^Option '(.+)' requires (\d+) arguments\.?$"), r"选项 \1 后面要写上 \2 个值"),
    (re.compile(r"^Option '(.+)' does not take a value\.?$"), r"选项 \1 不带值（去掉 = 及后面的内容）"),
)


# ... and the detail click gives after the colon, for the parameter types speechqa uses.
_DETAIL_WORDS = (
    (re.compile(r"'(.*)' is not a valid integer(?: range)?\.?"), r"'\1' 不是整数"),
    (re.compile(r"'(.*)' is not a valid float(?: range)?\.?"), r"'\1' 不是数字"),
    (re.compile(r"'(.*)' is not a valid boolean\.?"), r"'\1' 不是 是/否 值"),
    (
        re.compile(r"(\S+) is not in the range (\S+?)\.?$"),
        lambda m: f"{m[1]} 超出允许的范围（{_range_words(m[2])}）",
    ),
    (re.compile(r"(\S+) is not (?:>=|>) (\S+?)\.?$"), r"\1 太小（至少 \2）"),
    (re.compile(r"'(.*)' is not one of (.+?)\.?$"), r"'\1' 不是可选的值（可选：\2）"),
    (re.compile(r"(?:File|Directory|Path) '(.*)' does not exist\.?"), r"'\1' 不存在"),
    (re.compile(r"(?:File|Path) '(.*)' is a directory\.?"), r"'\1' 是一个文件夹，这里要的是文件"),
    (re.compile(r"Directory '(.*)' is a file\.?"), r"'\1' 是一个文件，这里要的是文件夹"),
    (re.compile(r"(?:File|Directory|Path) '(.*)' is not readable\.?"), r"'\1' 没有读取权限"),
    # a file option (`--batch`) that could not be opened: the system's words after the name
    (re.compile(r"'(.*)': No such file or directory"), r"'\1' 不存在"),
    (re.compile(r"'(.*)': Is a directory"), r"'\1' 是一个文件夹，这里要的是文件"),
    (re.compile(r"'(.*)': Permission denied"), r"'\1' 没有读取权限"),
    (re.compile(r"(?:File|Directory|Path) '(.*)' is not writable\.?"), r"'\1' 没有写入权限"),
)


_BOUND_WORDS = {">=": "至少为 {}", ">": "要大于 {}", "<=": "最多为 {}", "<": "要小于 {}"}


def _range_words(bounds: str) -> str:
    """click's range, 「1<=x<=50」「x>=1」「0<x<1」, as a clerk reads it: 「要在 1 到 50 之间」「至少为 1」."""
    both = re.fullmatch(r"([^<>=x]+)<=x<=([^<>=x]+)", bounds)
    if both:
        return f"要在 {both[1]} 到 {both[2]} 之间"
    words = []
    if low := re.match(r"([^<>=x]+)(<=?)x", bounds):  # 「0<x…」: x > 0
        words.append(_BOUND_WORDS[">" + low[2][1:]].format(low[1]))
    if high := re.search(r"x(<=?)([^<>=x]+)$", bounds):
        words.append(_BOUND_WORDS[high[1]].format(high[2]))
    if only := re.fullmatch(r"x(>=?)([^<>=x]+)", bounds):
        words.append(_BOUND_WORDS[only[1]].format(only[2]))
    return "，".join(words) or bounds


def usage_message(error: click.UsageError) -> str:
    """One Chinese line for a malformed command line, with where to read the usage."""
    message = error.format_message()
    where = error.ctx.command_path if error.ctx is not None else "speechqa"
    if unknown_command := _NO_SUCH_COMMAND.match(message):
        name = unknown_command.group(1)
        if error.ctx is not None and error.ctx.parent is None and (meant := _MEANT.get(name)):
            # ours before click's guess by spelling (speech → speeches; the bot's /speech is show)
            return (
                f"用法错误：没有这个命令：{name}（是不是 speechqa {meant}？）（用 {where} --help 查看用法）"
            )
        if guesses := re.findall(r"'([^']+)'", message[unknown_command.end() :]):
            guessed = "、".join(f"{where} {g}" for g in guesses)
            return f"用法错误：没有这个命令：{name}（是不是 {guessed}？）（用 {where} --help 查看用法）"
    for pattern, chinese in _DETAIL_WORDS:
        message = pattern.sub(chinese, message)
    for pattern, chinese in _USAGE_WORDS:
        if pattern.match(message):
            message = pattern.sub(chinese, message)
            break
    # an argument is named by its Chinese metavar (「段落编号」), in Chinese quotes; an option keeps '-k' / '--top'
    message = re.sub(r"参数 '\[?([^'\[\]]*[^\x00-\x7f][^'\[\]]*)\]?(?:\.\.\.)?' ?", r"参数「\1」", message)
    # click quotes its guesses ('--speaker', '--speech'): named as the other words are, 「--speaker、--speech」
    message = re.sub(r"（是不是 (.+?)？）", _unquoted_guesses, message)
    return f"用法错误：{message}（用 {where} --help 查看用法）"


def usage_json(error: click.UsageError, given: list[str], line: str) -> str | None:
    """A malformed command line that asked for JSON (`ask --json --bogus`, `ask --json -k abc`): the one JSON
    object a script reads on stdout, besides the Chinese line on stderr — `ask`'s error object, or
    `{"error": …}` for another command. None without `--json`, and with `--batch`, whose JSON Lines stay one
    line per question (a run that cannot start says so on stderr only)."""
    return requested_json(error.ctx.command.name if error.ctx is not None else None, given, line)


def requested_json(command: str | None, given: list[str], line: str) -> str | None:
    """The JSON error object for stdout when the command line `given` (of `command`) asked for JSON without
    `--batch`: `ask`'s error object or `{"error": …}` (see `usage_json`); else None."""
    options = given[: given.index("--")] if "--" in given else given
    if "--json" not in options or "--batch" in options or any(o.startswith("--batch=") for o in options):
        return None
    from .console import error_json, error_object

    return error_json("", line) if command == "ask" else error_object(line)


def refused_setting(message: str, given: list[str]) -> NoReturn:
    """A setting that cannot be used (an environment variable), said before any command runs: one Chinese
    line on stderr, exit 1 — and, when the command asked for JSON, its error object on stdout, as a malformed
    command line's is (`SPEECHQA_TOP_K=abc speechqa ask --json …` left stdout empty, newuser66)."""
    line = f"错误：{one_line(message)}"
    command = next((word for word in given if word in COMMAND_MODULES or word in cli.commands), None)
    if (document := requested_json(command, given, line)) is not None:
        click.echo(document)
    click.echo(click.style(line, fg="red"), err=True)
    sys.exit(1)


def dash_name_message(error: click.UsageError, given: list[str]) -> str | None:
    """An unknown option that is a file name or a question starting with 「-」 (「-通知.docx」, copied from
    a folder where such names sort first): how to give it, instead of 「没有这个选项：-通」."""
    if not isinstance(error, click.NoSuchOption):
        return None
    for word in given:
        if word == "--":
            return None
        named = word.startswith("-") and word != "-" and word.split("=", 1)[0] not in ("-", "--")
        if named and word.startswith(error.option_name) and (not word.isascii() or os.path.lexists(word)):
            where = error.ctx.command_path if error.ctx is not None else "speechqa"
            if os.path.lexists(word):
                return (
                    f"用法错误：文件名「{word}」以 - 开头，会被当作选项：写成 ./{word}，"
                    f"或写在 -- 之后（{where} -- {word}）"
                )
            return f"用法错误：「{word}」以 - 开头，会被当作选项：写在 -- 之后（{where} -- {word}）"
    return None


def _unquoted_guesses(said: re.Match[str]) -> str:
    guesses = re.findall(r"'([^']+)'", said[1])
    return f"（是不是 {'、'.join(guesses) if guesses else said[1]}？）"


_NO_SUCH_COMMAND = re.compile(r"^No such command '(.+?)'\.?")

# Words other tools (and the bot's commands) use for a command speechqa names otherwise.
_MEANT = {
    "speech": "show",  # the bot's /speech 编号
    "reindex": "rebuild",  # the bot's /reindex
    "list": "speeches",
    "ls": "speeches",
    "delete": "remove",
    "rm": "remove",
    "search": "ask",
    "query": "ask",
    "import": "add",
    "index": "rebuild",
    "status": "health",
}


# click ≥ 8.2 raises this for a group called without a command (older click prints the help itself).
_NO_ARGS_IS_HELP: Any = getattr(click.exceptions, "NoArgsIsHelpError", ())


def load_commands() -> dict[str, click.Command]:
    """Every command of `speechqa`, each command module imported (for checks over all of them)."""
    for modules in COMMAND_MODULES.values():
        for module in modules:
            importlib.import_module(module)
    return dict(cli.commands)


def _terminated(signum: int, frame: Any) -> None:
    """SIGTERM outside a write: one line and the exit SIGTERM would give (143). Not an exception: raised while a
    module loads it can land in an import's clean-up, which prints 「Exception ignored」 and goes on. Ending here
    loses no more than SIGTERM's own default did (the process ended at once); a write stops cleanly by its own
    handler (terminate_as_interrupt), which replaces this one while it runs."""
    ProgressBar.clear()
    os.write(2, "已中断。\n".encode())
    os._exit(128 + signal.SIGTERM)


def main() -> None:
    # SIGTERM from the start, as Ctrl-C: a command stopped while its own modules load (its first seconds)
    # says 「已中断。」 instead of ending without a line. The bot's own handler (python-telegram-bot's, set
    # when it starts polling) replaces this one. Left alone where SIGTERM is ignored or handled already.
    if signal.getsignal(signal.SIGTERM) is signal.SIG_DFL:
        signal.signal(signal.SIGTERM, _terminated)
    from .console import fit_streams, in_utf8_mode

    in_utf8_mode()
    if not fit_streams() and "bot" not in sys.argv[1:]:
        # `speechqa … >&-`: click would drop every line silently and exit 0, as if it had worked
        click.echo(
            click.style(
                "错误：标准输出已关闭（>&-），结果无处可写：请把输出重定向到文件或 /dev/null。", fg="red"
            ),
            err=True,
        )
        sys.exit(1)
    if (wrong := _wrong_wait_policy(os.environ)) is not None:
        # before a command's modules load FAISS and with it OpenMP, which would say it in English
        refused_setting(wrong, sys.argv[1:])
    if not _is_terminal(sys.stderr):
        # stderr is a file or a log: no library's own bar either (sentence-transformers' batches, a model's
        # download or loading), whose redraws would fill it; speechqa's progress is then plain lines
        os.environ.setdefault("TQDM_DISABLE", "1")
        os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    try:
        cli.main(prog_name="speechqa")
    except OSError as e:
        if e.errno not in (errno.ENOSPC, errno.EDQUOT):
            _internal_error()
        # the disk the output is sent to is full (`speechqa speeches > 清单.txt`): no defect (click ends a
        # closed pipe, `| head -1`, quietly itself); what is still buffered goes nowhere, not to a traceback
        _silence_stdout()
        where = "输出写入的" if e.filename is None else f"{e.filename} 所在的"
        click.echo(
            click.style(f"错误：输出没有写完：{where}磁盘空间不足，请腾出空间后重试。", fg="red"), err=True
        )
        sys.exit(1)
    except Exception:
        _internal_error()


def _internal_error() -> NoReturn:
    """A defect, not bad input (that is a UserError): one line, the traceback for -v and logs."""
    logging.getLogger("speechqa").info("unexpected error", exc_info=True)
    click.echo(click.style(INTERNAL_ERROR, fg="red"), err=True)
    sys.exit(1)


def _silence_stdout() -> None:
    """Send whatever stdout still holds, and any later write, to /dev/null (its own flush at exit
    would fail again and print "Exception ignored…")."""
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):
        return
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, fd)
    os.close(null)


INTERNAL_ERROR = (
    "错误：speechqa 内部出错，这条命令没有完成。这是程序的问题，不是操作的问题："
    "请在命令前加 -v 再运行一次（speechqa -v 命令 …），把显示的内容发给维护人员。"
)
