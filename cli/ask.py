"""`speechqa ask`, `repl` and `context`: questions in, cited passages out."""

from __future__ import annotations

import contextlib
import os
import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Any

import click

from corpus import (
    SHEET_SUFFIXES,
    SLIDE_SUFFIXES,
    SUPPORTED_SUFFIXES,
    CorpusError,
    decode_text,
    describe_os_error,
    document_lines,
    is_archive,
    readable_name,
)
from retrieval import (
    MODES,
    NO_MORE_RELATED,
    Answer,
    Filters,
    InvalidFilter,
    PinOffer,
    QueryError,
    SpeechService,
    answers_docx,
    asks_for_more,
    asks_for_previous,
    follow_up,
    parse_date_bound,
    prepare_many_searches,
)

from .console import error_json, error_object, json_text
from .follow import followed_passage, missing_speech
from .main import (
    PASSAGE_ID,
    SPEECH_ID,
    Context,
    UserError,
    cli,
    json_errors,
    notice,
    pass_context,
    user_error_types,
    user_errors,
)
from .render import (
    REPL_OFFER_KEY,
    answer_json,
    context_json,
    not_a_question,
    render_answer,
    render_context,
)


class QuestionList(click.File):
    """--batch's file: 「-」 (standard input), or a path as typed or pasted (in quotes, with a space or line
    break after it, as a 「file:///」 URI), taken as `add` takes one (`as_typed`)."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, str) and value != "-":
            from .library import as_typed  # `add`'s reading of a typed path (imported with its command)

            try:
                value = str(as_typed(value, doing="读取"))
            except UserError as e:
                self.fail(e.format_message().removesuffix("。"), param, ctx)
        return super().convert(value, param, ctx)


# `ask` and `repl` take the same page size and search mode
top_option = click.option(
    "-k",
    "--top",
    type=click.IntRange(1, 50),
    metavar="段数",
    help="返回几个段落（默认 5，可用 SPEECHQA_TOP_K 设置）。",
)
mode_option = click.option(
    "--mode", type=click.Choice(MODES), default="hybrid", show_default=True, help="检索方式。"
)


@cli.command()
@click.argument("words", nargs=-1, metavar="[问题]")
@click.option(
    "--json", "as_json", is_flag=True, help="以 JSON 输出（一个对象；与 --batch 合用时为 JSON Lines）。"
)
@click.option(
    "--batch",
    type=QuestionList("rb"),
    metavar="文件",
    help="从文件逐行读取问题，每行一个（'-' 表示标准输入）；Word、PDF 等文档每段一个问题。",
)
@top_option
@mode_option
@click.option(
    "--speaker",
    "speakers",
    multiple=True,
    metavar="讲话人",
    help="只查这位讲话人的讲话，或这个机关发的通知（可重复）。",
)
@click.option("--since", metavar="日期", help="只查这一日期及以后的讲话（2024-01-31、2024-01 或 2024）。")
@click.option("--until", metavar="日期", help="只查这一日期及以前的讲话（2024-12-31、2024-12 或 2024）。")
@click.option(
    "--speech",
    "speech_ids",
    type=SPEECH_ID,
    multiple=True,
    metavar="编号",
    help="只查这一编号的讲话（可重复）。",
)
@click.option(
    "--no-auto-filter",
    is_flag=True,
    help="问题中提到讲话人或年份时，也不限定检索范围。",
)
@click.option(
    "--page",
    type=click.IntRange(min=1),
    metavar="页码",
    help="看第几页的段落（默认 1；即交互模式中输入「更多」、机器人点「更多结果」看到的第几页，每页 -k 段）。",
)
@click.option(
    "--docx",
    "docx_file",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="文件",
    help="同时把问题和检索到的段落（附出处）写入 Word 文件（与 --batch 合用：所有问题写入同一个文件）。",
)
@pass_context
def ask(
    obj: Context,
    words: tuple[str, ...],
    as_json: bool,
    batch: Any,
    top: int | None,
    mode: str,
    speakers: tuple[str, ...],
    since: str | None,
    until: str | None,
    speech_ids: tuple[int, ...],
    no_auto_filter: bool,
    page: int | None,
    docx_file: Path | None,
) -> None:
    """向讲话库提问；不带问题时进入交互模式。

    问题中提到库里已有的讲话人或某一年份时，只在相应讲话中检索（结果中显示「仅限：…」）；
    加 --no-auto-filter 可关闭。问题中有空格时可以不加引号（speechqa ask 离休干部 体检规定）。
    问题写成 - 时从标准输入读取（整段为一个问题）；每行一个问题用 --batch -。

    \b
    示例：
        speechqa ask "离休干部体检规定是什么？"
        speechqa ask --json "老年大学要怎么办"
        speechqa ask --page 2 "老年大学要怎么办"
        speechqa ask --speaker 沈伟 --since 2024-01-01 --until 2024-12-31 "老年大学"
        speechqa ask --speech 2 --speech 5 "离休干部体检"
        speechqa ask "离休干部体检规定是什么？" --docx 体检规定.docx
        speechqa ask --batch 问题.txt --docx 总结素材.docx
        speechqa ask --json --batch questions.txt > answers.jsonl
        echo "离休干部体检规定是什么？" | speechqa ask -
    """
    # a question typed without quotes reaches here split at its spaces: it is one question
    # (bytes the terminal sent in another encoding than the system's, GBK, are read as such)
    question = readable_name(" ".join(words)) if words else None
    if words == ("-",):  # as `--batch -`, cat and tar: the question from standard input
        question = stdin_question()
    if batch is not None and question is not None:  # it would be dropped without a word
        raise click.UsageError(f"--batch 的问题来自文件，命令行上的问题「{question}」不会被查询：请二选一。")
    k = top or obj.settings.top_k
    asked = question or ""
    with user_errors(), json_errors(partial(error_json, asked) if as_json and batch is None else None):
        request = Request(
            k=k,
            mode=mode,
            filters=make_filters(speakers, since, until, speech_ids),
            auto_filter=not no_auto_filter,
        )
        if docx_file is not None and question is None and batch is None:
            raise UserError(
                "--docx 要有问题：在命令行上给出问题，或用 --batch 文件逐行提问（几个问题写进同一个 Word 文件）。"
            )
        if as_json and question is None and batch is None:  # the interactive mode would answer in text
            raise UserError(
                "--json 要有问题：在命令行上给出问题，或用 --batch 文件逐行提问（--batch - 读标准输入）。"
            )
        # the interactive mode pages with 「更多」: a page of no question is no page of anything
        if page is not None and question is None and batch is None:
            raise UserError(
                '--page 要有问题：在命令行上给出问题（如 speechqa ask --page 2 "问题"）；'
                "交互模式中提问后输入「更多」看下一页。"
            )
        if docx_file is not None:
            check_docx_target(docx_file)
        if question is None and batch is None:
            run_repl(obj, request)
            return
        service = obj.service()
        require_passages(service)
        if speech_ids:  # a speech id that does not exist is a typo, not a filter that matches nothing
            store = service.library.store
            known = {s.id for s in store.speeches()}
            unknown = [i for i in dict.fromkeys(speech_ids) if i not in known]
            if unknown:  # said as `show` says it: the last id there is, or that it was removed (now #M)
                raise UserError("".join(missing_speech(store, i) for i in unknown))
        if batch is not None:
            answers: list[Answer] = []  # kept for --docx only: a long question list is not held in memory
            for line in batch_lines(batch):
                # JSON Lines keep one output line per input line (a blank one gets an "error" object)
                if line.strip() or (as_json and line.rstrip("\r\n") != line):
                    answered = emit(service, line.strip(), request, as_json, in_batch=True, page=page)
                    # a 「谢谢」 line searched nothing: no section of the file
                    if docx_file is not None and answered is not None and answered.small_talk is None:
                        answers.append(answered)
            if docx_file is not None:
                if not answers:
                    raise UserError("问题列表中没有可查的问题（见上）：没有生成 Word 文件。")
                write_docx_file(answers, docx_file)
                click.echo(
                    click.style(f"已导出 Word 文件：{docx_file}（{len(answers)} 个问题）", dim=True), err=True
                )
            return
        assert question is not None
        answer = emit(service, question, request, as_json, in_batch=False, page=page)
    if docx_file is not None:  # the answer is out: a failure here is no JSON error
        with user_errors():
            if answer is None:  # a page past the end (said above): nothing to export, as the bot says
                raise UserError(f"「{question}」没有第 {page} 页：没有生成 Word 文件。")
            if answer.small_talk is not None:  # no search was made: a file saying 「没有找到」 would mislead
                raise UserError(
                    f"「{question}」{not_a_question(question, answer.small_talk)}：没有生成 Word 文件。"
                )
            write_docx_file([answer], docx_file)
        click.echo(click.style(f"已导出 Word 文件：{docx_file}", dim=True), err=True)


def stdin_question() -> str:
    """`speechqa ask -`: all of standard input is one question (a question pasted across lines is one),
    its lines joined by a space, as words typed without quotes are. UTF-8, or any encoding a Chinese
    text comes in (a GBK console's pipe), verified as a file's is."""
    data = click.get_binary_stream("stdin").read()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text, _ = decode_text("标准输入", data)
        except user_error_types() as e:
            raise UserError(f"标准输入不是文本，读不出问题：{e}") from e
    return " ".join(line.strip() for line in text.splitlines() if line.strip())


def batch_lines(stream: Any) -> Iterable[str]:
    """The lines of a question list. A file may be in any encoding a Chinese text file comes in
    (Notepad and WPS save GBK or UTF-16), verified as the corpus reader verifies one; a document (Word, WPS,
    PDF…) is read by its reader, each paragraph a question; standard input is read line by line as it
    comes, and must be UTF-8."""
    name = getattr(stream, "name", "-")
    if name in ("-", "<stdin>") or not stream.seekable():
        return _utf8_lines(stream)
    path = Path(str(name))
    if (refusal := not_a_question_list(path.name)) is not None:
        raise UserError(refusal)
    if is_document(path.name):
        try:
            questions = document_lines(path)
        except CorpusError as e:  # the reader's advice ends 「…再添加」: here the file is asked from
            said = str(e)
            raise UserError(
                f"{said.removesuffix('添加。')}用 --batch 提问。" if said.endswith("添加。") else said
            ) from e
        if not questions:
            raise UserError(f"{path.name} 里没有读到问题：文档是空的，或只有标题——每段写一个问题再用。")
        return [line + "\n" for line in questions]
    data = stream.read()
    if not data:
        return []
    text, _ = decode_text(path.name, data)
    return text.splitlines(keepends=True)


# a question list's own formats: plain text, one question a line (a one-column .csv, a .md list too)
_QUESTION_LIST_SUFFIXES = frozenset({".txt", ".text", ".csv", ".tsv", ".md", ".markdown", ""})


def is_document(name: str) -> bool:
    """Whether a file named so is a document whose paragraphs are read as the questions (Word, WPS, PDF…):
    not a text of lines, an archive, a workbook or a slide deck."""
    suffix = Path(name).suffix.lower()
    return (
        suffix in SUPPORTED_SUFFIXES
        and suffix not in _QUESTION_LIST_SUFFIXES
        and suffix not in _NOT_PARAGRAPHS
        and not is_archive(name)
    )


# a workbook's rows are labelled by its column heads and a deck's slides are sections: no list of questions
_NOT_PARAGRAPHS = frozenset(SHEET_SUFFIXES) | frozenset(SLIDE_SUFFIXES)


def not_a_question_list(name: str) -> str | None:
    """Why a file named so is no question list for --batch (a zip or a mail folder: documents; a workbook or a
    deck: cells and slides, not lines of questions), with what to do; None for a text file, a document (its
    paragraphs read as the questions) or an unknown suffix, which is read as text (and refused by its bytes
    when it is none)."""
    suffix = Path(name).suffix.lower()
    if is_archive(name):
        return (
            f"{name} 是压缩包，读不出问题：--batch 要每行一个问题的文本文件（.txt）或每段一个问题的文档"
            "（Word、WPS、PDF）——把里面的问题列表解压出来再用。"
        )
    if suffix in _NOT_PARAGRAPHS and suffix not in _QUESTION_LIST_SUFFIXES:
        return (
            f"{name} 不是纯文本文件，读不出问题：--batch 要每行一个问题的文本文件（.txt）或每段一个问题的文档"
            "（Word、WPS、PDF）——在 Excel、WPS 里「另存为」选「文本文件」，或把问题复制到记事本里存成 .txt 再用。"
        )
    return None


def _utf8_lines(stream: Iterable[bytes]) -> Iterator[str]:
    for number, raw in enumerate(stream, start=1):
        try:
            yield raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError:
            raise UserError(
                f"标准输入的第 {number} 行不是 UTF-8 文本：请把问题列表存成文件再用 --batch 文件名。"
            ) from None


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


def check_docx_target(path: Path) -> None:
    """Refuse a --docx name before searching: a name Word would not open as a Word file, a folder that
    is not there, a file that is (nothing is ever written over)."""
    if path.suffix.lower() != ".docx":
        stem = "结果" if path.name.lower() in (".docx", "") else path.stem  # 「--docx ""」 is the folder "."
        raise UserError(f"Word 文件名要以 .docx 结尾：{path}（例如 {path.parent / (stem + '.docx')}）。")
    folder = path.parent
    if not folder.is_dir():
        why = f"{folder} 是一个文件，不是文件夹" if folder.exists() else f"文件夹 {folder} 不存在"
        raise UserError(f"无法写入 Word 文件 {path}：{why}（请换一个位置，或先建立这个文件夹）。")
    if path.exists():
        raise UserError(f"文件已存在：{path}（换一个文件名，或先删除它；不会覆盖已有文件）。")


def write_docx_file(answers: list[Answer], path: Path) -> None:
    """Write the Word file next to its destination first, then move it in: never a half-written file."""
    data = answers_docx(answers)
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        tmp.write_bytes(data)
        tmp.replace(path)
    except OSError as e:
        with contextlib.suppress(OSError):  # a folder that refused the file refuses its removal too
            tmp.unlink(missing_ok=True)
        raise UserError(f"无法写入 Word 文件 {path}：{describe_os_error(e)}") from e


# 「更多」 asked on its own (a one-shot ask, a line of a batch): there is no answer before it to go on from
MORE_ALONE = (
    '「{}」不是要查的问题：要看一个问题的更多段落，请加 -k（如 speechqa ask -k 10 "问题"）或 --page'
    '（如 speechqa ask --page 2 "问题"），或在交互模式（speechqa ask）中提问后输入「更多」。'
)


# A question that is only an id as the results print it (「段落 #54」, 「#54」, 「讲话 #2」, copied from a result):
# what shows that passage or speech. A bare number is searched (「2024」 may be the year asked about).
ID_ALONE = re.compile(r"\s*(?:(段落|讲话)\s*[#＃]?|[#＃])\s*(\d+)\s*")


def id_alone_line(question: str) -> str | None:
    said = ID_ALONE.fullmatch(unicodedata.normalize("NFKC", question))
    if said is None:
        return None
    number = int(said[2])
    if said[1] == "讲话":
        return f"「{question.strip()}」是讲话编号，不是问题：看这篇讲话用 speechqa show {number}。"
    speech = f"（讲话编号用 speechqa show {number}）" if said[1] is None else ""
    return f"「{question.strip()}」是段落编号，不是问题：看这个段落及其前后文用 speechqa context {number}{speech}。"


def emit(
    service: SpeechService,
    question: str,
    request: Request,
    as_json: bool,
    *,
    in_batch: bool,
    page: int | None = None,
) -> Answer | None:
    """Print the answer to one question (its `page`-th page: `--page`); the answer printed, or None when
    nothing was (a batch line that failed, a page past the end)."""
    try:
        if asks_for_more(question) or asks_for_previous(question):  # not searched, nor logged
            raise QueryError(MORE_ALONE.format(question.strip()))
        if (line := id_alone_line(question)) is not None:
            raise QueryError(line)
        paged = page_of(service, question, request, page or 1)
    except QueryError as e:
        if not in_batch:
            raise
        if as_json:
            click.echo(error_json(question, str(e)))
        else:
            click.echo(f"{question}\n  错误：{e}\n")
        return None
    answer = paged.answer
    if paged.past_end:
        if as_json:  # the page's own object, with nothing on it
            empty = replace(answer, hits=(), has_more=False, page_confidence=None)
            click.echo(json_text(answer_json(empty, paged.number)))
        else:
            click.echo(past_end_line(answer.query, paged) + ("\n" if in_batch else ""))
        return None
    if as_json:
        click.echo(json_text(answer_json(answer, paged.number)))
    elif page is None or answer.small_talk is not None:  # as `ask` always printed it
        click.echo(render_answer(answer) + ("\n" if in_batch else ""))
    else:
        click.echo(
            render_answer(answer) + "\n" + page_footer(answer, paged.number) + ("\n" if in_batch else "")
        )
    return answer


@dataclass(frozen=True)
class Page:
    """The `number`-th page of a question as 「更多」 reaches it. `past_end`: 「更多」 stopped before it, at
    page `last` (`answer` is then that last page)."""

    number: int
    answer: Answer
    past_end: bool = False
    last: int = 1


def page_of(service: SpeechService, question: str, request: Request, number: int) -> Page:
    """The `number`-th page of `question`, reached as the interactive mode's 「更多」 and the bot's 更多结果
    reach it: the first page searched and logged, each next one only while the page before offers more
    (`Answer.has_more`), none of them logged again."""
    shown = search_and_log(service, question, request)
    reached = 1
    while reached < number:
        if shown.small_talk is not None:  # 「谢谢」 searched nothing: its reply on any page
            break
        if not shown.has_more:  # 「更多」 would say there is no more
            return Page(number, shown, past_end=True, last=reached)
        shown = next_page(service, shown, request)
        reached += 1
    return Page(number, shown, last=reached)


def past_end_line(query: str, paged: Page) -> str:
    return (
        f"「{query}」没有第 {paged.number} 页：这个问题的结果只有 {paged.last} 页"
        f"（交互模式和机器人到第 {paged.last} 页也不再提供「更多」），可以换个说法再问。"
    )


def page_footer(answer: Answer, number: int) -> str:
    """Under a page asked for by `--page`: its number and how to see the next one."""
    after = f"下一页：同样的命令改用 --page {number + 1}" if answer.has_more else "后面没有更多相关的段落了"
    return click.style(f"第 {number} 页 · {after}", dim=True)


def require_passages(service: SpeechService) -> None:
    """An empty library (every speech removed) answers no question: say so and how to fill it, once,
    instead of printing a question with no results and exit 0."""
    if service.current().index.manifest.count:
        return
    if speeches := len(service.library.store.speeches()):  # e.g. a recovery that kept no passage text
        raise UserError(
            f"资料库里的 {speeches} 篇讲话没有段落，检索不到：重新添加它们的文件"
            "（speechqa add 文件或文件夹；自带的讲话：speechqa add --bundled）。"
        )
    raise UserError(
        "资料库里没有讲话：先用 speechqa add 文件或文件夹 添加讲话"
        "（speechqa add --bundled 可加回自带的讲话），再提问。"
    )


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
            why = "所在的磁盘已满" if service.library.store.disk_full else "是只读的"
            notice(f"数据目录{why}（{service.library.home}）：可以提问，但不记录提问日志。")
            _read_only_noted.append(True)
        return answer
    if answer.small_talk:  # thanks and greetings are not questions: not in the log or its statistics
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
@top_option
@mode_option
@pass_context
def repl(obj: Context, top: int | None, mode: str) -> None:
    """交互式提问：模型和索引只加载一次；输入「退出」或按 Ctrl-D 结束。

    逐个输入问题并回车即可，之前的问题可用上下方向键调出；输入「更多」（或「还有吗」）看上一个问题后面的段落，
    输入「帮助」看用法。

    \b
    示例：
        speechqa repl
        speechqa repl -k 3
    """
    with user_errors():
        run_repl(obj, Request(k=top or obj.settings.top_k, mode=mode))


NOTHING_OFFERED = f"上一个回答没有推荐标准问题（「{REPL_OFFER_KEY}」只在出现 📌 相近的标准问题 时可用）。"
# A whole line the interactive mode takes as a word to it, not as a question of the speeches.
REPL_EXIT = frozenset({"退出", "结束", "再见", "exit", "quit", "q", "bye"})
REPL_HELP = frozenset({"帮助", "求助", "使用说明", "说明", "怎么用", "help", "h"})
REPL_USAGE = (
    "输入问题后回车即可检索，例如「离休干部体检规定是什么？」；输入「更多」看上一个问题后面的段落；"
    "接着问「那退休干部呢？」会按上一个问题换上新词查找；输入「退出」或按 Ctrl-D 结束。按讲话人、日期、讲话筛选和导出 Word 等，见 speechqa ask --help。"
)
# 「更多」「还有吗」 in the interactive mode: the last answer's next page, as the bot's 更多结果 shows it
MORE_HINT = "（输入「更多」看后面的段落）"
NO_MORE = "这个问题没有更多相关的段落了，可以换个说法再问。"
NOTHING_BEFORE = "请先提一个问题；输入「更多」可以看它后面的段落。"
FIRST_PAGE = "已经是第一页了。"
# 「那退休干部呢？」 after a question: searched as that question with the new words in place (as the bot reads it)
FOLLOW_UP_NOTE = "接着上一问「{}」查找；如果不是这个意思，请把问题说完整。"


def follow_up_note(earlier: str) -> str:
    return FOLLOW_UP_NOTE.format(earlier if len(earlier) <= 60 else earlier[:59] + "…")


# A line that is only a number (「1」, 「①」, 「#72」, 「²」): no question of the speeches — a result's number,
# a passage's id or a page was meant, and searching it found only unrelated passages
BARE_NUMBER = re.compile(r"[#]?\s*\d+")


def bare_number_hint(line: str) -> str:
    return (
        f"「{line.strip()}」只是一个数字，不是问题：请输入要问的问题；看某段的前后文用 speechqa context 段落编号"
        "（如 speechqa context 72），输入「更多」看后面的段落。"
    )


def repl_word(line: str) -> str:
    """A line as compared with REPL_EXIT and REPL_HELP: letters and digits only, lower case."""
    return re.sub(r"[\W_]+", "", unicodedata.normalize("NFKC", line)).lower()


def run_repl(obj: Context, request: Request) -> None:
    service = obj.service()
    prepare_many_searches()  # many questions in one process: compiled span scoring, jieba's whole dictionary
    require_passages(service)
    click.echo(
        click.style("输入问题后回车；输入「退出」或按 Ctrl-D 结束，「帮助」看用法。", dim=True), err=True
    )
    offered: tuple[PinOffer, str] | None = None  # the last answer's offer, and what was asked: 「=」 takes it
    shown: Answer | None = None  # the last page of passages shown: 「更多」 shows the page after it
    for question in _read_questions(obj.settings.home / "history"):
        if not question.strip():
            continue
        word = repl_word(question)
        if word in REPL_EXIT:
            return
        if word in REPL_HELP:
            click.echo(REPL_USAGE, err=True)
            continue
        if asks_for_more(question):  # not a question of the speeches: never searched, logged or counted
            if shown is None or not shown.has_more:
                click.echo(click.style(NOTHING_BEFORE if shown is None else NO_MORE, dim=True), err=True)
                continue
            try:
                shown = next_page(service, shown, request)
            except QueryError as e:
                click.echo(click.style(f"错误：{e}", fg="red"), err=True)
                continue
            click.echo(render_page(shown))
            continue
        if asks_for_previous(question):  # 「上一页」: the page before the last shown, as the bot's ◀ 上一页
            if shown is None or shown.offset == 0:
                click.echo(click.style(NOTHING_BEFORE if shown is None else FIRST_PAGE, dim=True), err=True)
                continue
            try:
                shown = next_page(service, shown, request, back=True)
            except QueryError as e:
                click.echo(click.style(f"错误：{e}", fg="red"), err=True)
                continue
            click.echo(render_page(shown))
            continue
        if BARE_NUMBER.fullmatch(unicodedata.normalize("NFKC", question).strip()):
            click.echo(
                click.style(bare_number_hint(question), dim=True), err=True
            )  # never searched or logged
            continue
        if unicodedata.normalize("NFKC", question.strip()) == REPL_OFFER_KEY:
            if offered is None:  # not a question: said so, rather than answered as small talk
                click.echo(click.style(NOTHING_OFFERED, dim=True), err=True)
                continue
            offer, asked = offered
            service.library.store.take_offer(offer.pin_id, asked)  # a wording an admin may pin too
            question = offer.question
        elif shown is not None and (meant := follow_up(shown.query, question)) is not None:
            click.echo(click.style(follow_up_note(shown.query), dim=True))
            question = meant
        try:
            answer = search_and_log(service, question, request)
        except QueryError as e:
            click.echo(click.style(f"错误：{e}", fg="red"), err=True)
            offered = None  # 「=」 takes only the offer of the answer just shown
            continue
        offered = (answer.pin_offer, answer.query) if answer.pin_offer is not None else None
        if answer.hits:  # after 「谢谢」, 「更多」 still goes on with the last answer
            shown = answer
        click.echo(render_page(answer))


def next_page(service: SpeechService, shown: Answer, request: Request, *, back: bool = False) -> Answer:
    """The page after `shown` (`back`: before it), searched as it was (the bot's 更多结果 and 上一页): not
    logged again."""
    return service.current().search(
        shown.query,
        k=request.k,
        mode=request.mode,  # type: ignore[arg-type]
        offset=max(0, shown.offset - request.k) if back else shown.offset + request.k,
        filters=request.filters,
        auto_filter=request.auto_filter,
        pins=True,
    )


def render_page(answer: Answer) -> str:
    """An answer as the interactive mode shows it: with how to see more, when there is more."""
    if answer.has_more:
        hint = "\n" + click.style(MORE_HINT, dim=True)
    elif answer.answered and answer.hits:  # where passages stop sharing what was asked, as the bot says
        hint = "\n" + click.style(NO_MORE_RELATED, dim=True)
    else:
        hint = ""
    return render_answer(answer, in_repl=True) + hint + "\n"


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
@click.argument("passage_id", type=PASSAGE_ID, metavar="段落编号")
@click.option(
    "--before",
    type=click.IntRange(0, 50),
    default=1,
    show_default=True,
    metavar="段数",
    help="显示前面几段。",
)
@click.option(
    "--after", type=click.IntRange(0, 50), default=1, show_default=True, metavar="段数", help="显示后面几段。"
)
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出。")
@pass_context
def context(obj: Context, passage_id: int, before: int, after: int, as_json: bool) -> None:
    """显示一个段落及其在讲话中的前后段落。

    即机器人「上下文」按钮显示的内容。段落编号即检索结果中「段落 #」后的数字。

    \b
    示例：
        speechqa context 123
        speechqa context 123 --before 3 --after 3
    """
    with user_errors(), json_errors(error_object if as_json else None):
        obj.service()
        store = obj.library.store
        focus = followed_passage(store, passage_id).id  # renumbered since (its speech added again): said
        passages = store.neighbours(focus, before=before, after=after)
        if as_json:
            click.echo(json_text(context_json(passages, focus), indent=1))
        else:
            click.echo(render_context(passages, focus))
