"""The library commands: add, rebuild, speeches, show, remove, edit, backup, restore, recover, health."""

from __future__ import annotations

import contextlib
import datetime
import difflib
import math
import os
import re
import shlex
import sys
import time
import urllib.parse
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import click

from corpus import (
    SUPPORTED_FORMATS,
    archive_of,
    is_system_file,
    read_date,
    readable_name,
    skipped_files,
    windows_path_here,
)
from index import (
    BEIJING,
    BUNDLED,
    UPLOAD,
    ArchiveTally,
    BuildReport,
    Counts,
    FileOutcome,
    HomeFull,
    KinshipBy,
    NearCopy,
    SpeechIndexError,
    SpeechRecord,
    Store,
    WebhookCheck,
    archive_tallies,
    backup_database,
    backup_from_stream,
    backup_to_stream,
    check_backup,
    database_is_whole,
    recover_database,
    refuse_unreadable_home,
    shown_source,
    speaker_key,
    write_lock,
)
from retrieval import (
    UNKNOWN_SPEAKER,
    added_near_copy_line,
    added_size,
    archive_skipped_lines,
    archive_summary,
    attribution,
    index_size,
    kinship_reason,
    where_they_differ,
)

from .follow import followed_speech, missing_speech
from .main import (
    SPEECH_ID,
    Context,
    ProgressBar,
    UserError,
    cli,
    confirm,
    interrupted_exit_code,
    interruption_behind,
    notice,
    one_line,
    pass_context,
    terminate_as_interrupt,
    user_errors,
)
from .render import (
    CLI_ACTING,
    render_speech,
    render_speeches,
)


def as_typed(typed: str, *, doing: str = "添加", new: bool = False) -> Path:
    """A path as the user meant it when it does not exist as written: 「~/讲话稿」 quoted, so the shell left
    the 「~」 (a script's "$DIR" with a ~ in it), a path copied from Windows, 「C:\\Users\\…」, on WSL, where
    drive C is /mnt/c, and one pasted from a chat or a file manager with what came with it (see `_pasted_layers`):
    the first reading that names an existing file, peeling one layer at a time, so a file whose own name has
    quotes in it (「「a」」 beside 「a」) is the one taken when typed so. Said in a notice (「…按 … {doing}」); a
    path that exists as written is taken as written; one that names nothing either way is returned as typed
    (said 「找不到文件」). `new`: a file about to be written (a backup): the innermost reading whose folder
    exists, a file's name never holding the quotes or line break it was pasted with."""
    if not typed.strip(_BLANK):
        raise UserError(f"找不到文件：「{one_line(typed)}」（给出的路径是空的）。")
    written = Path(typed)
    if written.exists() or written.is_symlink():
        return written
    # a URI typed (a Path would shorten 「file:///」 to 「file:」) and where it pointed, said when nothing is there
    uri, looked = False, None
    layers = list(_pasted_layers(typed))
    for layer in reversed(layers) if new else layers:
        meant = _meant(layer, typed, doing)
        if meant is not None and (meant.parent.is_dir() if new else meant.exists()):
            if meant != written:
                notice(
                    f"「{one_line(readable_name(typed))}」按 {one_line(readable_name(str(meant)))} {doing}"
                )
            return meant
        if re.match(r"file:", layer, flags=re.IGNORECASE):
            uri, looked = True, meant or looked
    if uri:
        where = f"（即本机的 {one_line(readable_name(str(looked)))}）" if looked is not None else ""
        raise UserError(f"找不到文件：{one_line(typed)}{where}")
    if new and (innermost := _meant(layers[-1], typed, doing)) is not None:
        return innermost  # its folder is missing: named without the quotes and line break it was pasted with
    return written


# what a paste leaves around a path: spaces (an ideographic one too), tabs and line breaks
_BLANK = " \t\r\n\u3000\u00a0"
# the pairs of quotes a path comes in when copied out of a chat, a document or Windows' 「复制为路径」 and pasted
# inside the shell's own quotes: ASCII, Chinese curly quotes and corner brackets
_QUOTE_PAIRS = {"'": "'", '"': '"', "“": "”", "‘": "’", "「": "」", "『": "』"}


def _pasted_layers(typed: str) -> Iterator[str]:
    """What a pasted path may be, nearest to what was typed first: as typed, without the spaces and line
    breaks around it, then without one pair of matching quotes at a time (and the spaces inside them), down
    to the text no quotes surround; never an empty text."""
    text = typed
    while text:
        yield text
        text = text.strip(_BLANK)
        yield text
        if len(text) >= 2 and _QUOTE_PAIRS.get(text[0]) == text[-1]:
            text = text[1:-1]
        else:
            return


def _meant(text: str, typed: str, doing: str = "添加") -> Path | None:
    """The local path a text names: a Windows path's place on WSL, a file manager's 「file:///…」 URI
    (Nautilus, Dolphin; its 「%xx」 bytes decoded; 「file://localhost/…」 too), a quoted 「~」 expanded, or the
    text itself; None for a text that names nothing (「file:///」). A URI with another computer's name in it
    (「file://server/共享/通知.docx」) is refused in one line quoting what was typed: a network share is no local
    path."""
    if (uri := re.match(r"file:(?://([^/]*))?(/.*)?$", text, flags=re.IGNORECASE | re.DOTALL)) is not None:
        host, path = uri[1] or "", urllib.parse.unquote(uri[2] or "")
        if host and host.lower() != "localhost":
            raise UserError(
                f"「{one_line(typed)}」是网络上另一台计算机（{one_line(host)}）里的文件地址，不是本机的路径："
                f"请先把文件拷到本机（或挂载那个共享文件夹）再按本机的路径{doing}。"
            )
        if re.match(r"/[A-Za-z]:/", path):  # file:///C:/Users/… — a Windows path
            path = path[1:]
        text = path
        if text.strip("/") == "":
            return None
    if not text:
        return None
    return windows_path_here(text) or Path(text).expanduser()


@cli.command()
@click.argument("typed", nargs=-1, metavar="[文件或文件夹]...")
@click.option("--bundled", is_flag=True, help="同时加入（或重新加入）speechqa 自带的讲话。")
@click.option(
    "--allow-duplicates",
    is_flag=True,
    help="库中已有相同或几乎相同的文本时，也照样存入。",
)
@click.option("--check", is_flag=True, help="列出没有进入任何段落的正文句子；有这样的句子时退出码为 1。")
@click.option(
    "--reread",
    is_flag=True,
    help="已添加且未改动的文件也重新读取（升级 speechqa 后，让新的读取规则对旧文件生效；讲话编号不变）；"
    "与已添加文件内容完全相同的副本，重新读取它所复制的那个文件的讲话。",
)
@pass_context
def add(
    obj: Context, typed: tuple[str, ...], bundled: bool, allow_duplicates: bool, check: bool, reread: bool
) -> None:
    """添加讲话文件或整个文件夹，并更新索引。

    支持 {formats}（多页 TIFF 逐页读取）；.zip 压缩包按文件夹读取：其中的文件按压缩包中的顺序逐个加入
    （Windows 压缩的 GBK 文件名照样识别），最后报告新增、已在资料库中和跳过的文件。每个文件连同其索引一步加入：按 Ctrl-C 会立即停止，资料库保持加入该文件之前的样子。
    再次添加同一文件时，只更新其中改动的部分；改名或复制的文件按内容识别。若同一讲话已从
    别的文件存入（文本相同，或只差空格、页码、注码），会报告为「重复」，不再重复存储；
    内容略有不同的版本（改了一个数字或错字）照常存入，并提示「内容相近」。每个文件正文的
    每一句都会核对是否进入了段落；--check 列出没有进入的句子。

    \b
    示例：
        speechqa add 讲话.docx
        speechqa add ~/讲话稿/
        speechqa add 王科长转来的材料.zip
        speechqa add --check 通知.txt
        speechqa add --bundled
        speechqa add --reread ~/讲话稿/
    """
    if not typed and not bundled:
        raise click.UsageError("请给出要添加的文件或文件夹（或用 --bundled 加回自带的讲话）。")
    paths = tuple(as_typed(text) for text in typed)
    # `add 材料/*`: the shell names Windows' Thumbs.db and desktop.ini too, which a folder passes over
    if system := [path for path in paths if is_system_file(path.name) and path.is_file()]:
        notice(
            f"跳过 {'、'.join(readable_name(path.name) for path in system)}："
            "Windows 在文件夹里自动生成的系统文件（缩略图缓存、文件夹显示设置），不是文档"
        )
        paths = tuple(path for path in paths if path not in system)
        if not paths and not bundled:
            raise UserError("没有添加任何文件：给出的只有 Windows 的系统文件。")
    named: set[Path] = set()
    passed_over = 0  # the folders' files named as 跳过 (counted in the line after them)
    for folder in paths:
        if (same := folder.resolve()) in named:  # a folder given twice: its skipped files named once
            continue
        named.add(same)
        skipped = skipped_files(folder)
        say_skipped(folder, skipped.unsupported, "个不能添加的文件", f"支持 {SUPPORTED_FORMATS}")
        say_skipped(folder, skipped.archives, "个压缩包", "请先解压，再添加解压出的文件或文件夹")
        # a named pipe, a device: reading one would never end
        say_skipped(folder, skipped.special, "个不是普通文件的项目", "命名管道、设备文件、套接字不能添加")
        say_skipped(folder, skipped.broken, "个失效的链接（快捷方式）", "它指向的文件已不存在")
        say_skipped(
            folder,
            skipped.shortcuts,
            "个快捷方式",
            "快捷方式只指向别处的文件或网页，不是文档本身：请添加它指向的文件，网页请另存为 .html 或打印成 PDF",
        )
        passed_over += sum(
            len(found)
            for found in (
                skipped.unsupported,
                skipped.archives,
                skipped.special,
                skipped.broken,
                skipped.shortcuts,
            )
        )
    with user_errors(), terminate_as_interrupt():
        outcomes: list[FileOutcome] = []

        def show(outcome: FileOutcome) -> None:
            outcomes.append(outcome)
            echo_outcome(outcome, obj.library.store)
            report_lost(outcome.name, outcome.sentences, outcome.lost, detail=check)
            # said: the next add need not say it again (one stopped before this line says it then; one this
            # line cannot record, on a full disk, is only said again)
            with contextlib.suppress(SpeechIndexError):
                obj.library.store.near_copies_shown(
                    s.speech_id for s in outcome.speeches if s.similar_to is not None
                )

        given = 0  # outcomes[given:] are of what this add was asked for
        try:
            # (loading the model: an interruption here ends as promptly; the first-use note is add's own)
            service = obj.service(tell_seeded=False)
            report = None
            if service.seeded:  # an empty library was just given the bundled speeches, as on any first use
                click.echo(first_use_note(service.seeded, service.built, bundled=bundled))
                for outcome in service.seeded:
                    show(outcome)
            given = len(outcomes)  # not the bundled speeches seeded
            if bundled:
                done, report = service.add_bundled(ProgressBar("嵌入新段落"), reread=reread)
                for outcome in done:
                    if not (service.seeded and all(s.status == "unchanged" for s in outcome.speeches)):
                        show(outcome)  # (those just added, found unchanged, are not listed twice)
            if paths:
                _, report = service.add_paths(
                    list(paths),
                    ProgressBar("嵌入新段落"),
                    allow_duplicates=allow_duplicates,
                    reread=reread,
                    check=check,
                    on_file=show,
                )
        except HomeFull as e:
            if not outcomes:
                raise  # nothing was kept: the change was not saved, as it says
            ProgressBar.clear()
            raise UserError(
                f"{e.reason}。{len(outcomes)} 个文件已处理完毕并保留；正在处理的文件和其后的文件没有加入，"
                "资料库和索引保持它之前的样子：请腾出空间后再运行一次同样的 speechqa add（已加入的不会重复加入）。"
            ) from e
        except (KeyboardInterrupt, Exception) as e:
            stopped = e if isinstance(e, KeyboardInterrupt) else interruption_behind(e)
            if stopped is None:
                raise
            ProgressBar.clear()
            click.echo(
                f"已中断：{len(outcomes)} 个文件已处理完毕并保留；正在处理的文件没有加入，资料库和索引保持它之前的样子。",
                err=True,
            )
            # Everything is on disk (committed or rolled back): skip tearing down the model and its
            # threads, which can take longer than the interruption itself on a busy machine.
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(interrupted_exit_code(stopped))
        assert report is not None
        for tally in archive_tallies(outcomes):  # an archive's report, after its files' own lines
            echo_tally(tally)
        failed = sum(1 for o in outcomes if o.error)
        if failed and failed == len(outcomes):
            raise UserError("没有添加任何文件。")
        asked = outcomes[given:]
        if (
            files_counted(asked, passed_over) > 1
        ):  # a folder or several files: what became of them, counted, before the index line
            click.echo(click.style(add_summary(asked, passed_over), bold=True))
        embedded, seconds = report.embedded, report.seconds
        if service.built is not None:  # the index built on opening is part of what this command did
            embedded, seconds = embedded + service.built.embedded, seconds + service.built.seconds
        click.echo(
            click.style(
                f"索引：{added_size(report)}，本次嵌入 {embedded} 段，用时 {seconds:.1f} 秒", dim=True
            )
        )
        if failed:  # the others were added and kept; a script must still learn that some were refused
            raise UserError(f"{failed} 个文件没有添加（见上），其余 {len(outcomes) - failed} 个已处理。")
        lost = sum(len(o.lost) for o in outcomes)
        if check and lost:
            raise UserError(f"有 {lost} 句正文没有进入任何段落（见上）。")


SUMMARY_ORDER = ("added", "updated", "unchanged", "duplicate", "removed")


def files_counted(outcomes: Sequence[FileOutcome], passed_over: int = 0) -> int:
    """How many files these outcomes are of: a .zip one file, its members none; and those passed over."""
    return len({o.archive or id(o) for o in outcomes}) + passed_over


def add_summary(outcomes: Sequence[FileOutcome], passed_over: int = 0) -> str:
    """One line after the files `add` was given (not the bundled speeches an empty library is seeded with):
    「共 58 个文件：新增 52 篇，重复 3 篇（未重复存储），其中 1 篇与已有讲话内容相近（见上「注意」）；没有读入 2 个
    文件（见上）；跳过 1 个（见上）」 — every file given or found in a folder once, a .zip as one file (its members'
    speeches counted with the rest, its own tally above), those passed over (`passed_over`, named as 跳过
    before) too: so the count can be checked against the folder."""
    files = [o for o in outcomes if o.archive is None]  # a .zip's members: in its one file
    counts = dict.fromkeys(SUMMARY_ORDER, 0)
    for o in outcomes:
        for s in o.speeches:
            counts["unchanged" if s.status == "same_file" else s.status] += 1
    said = [f"{STATUS_LABELS[k]} {n} 篇" for k, n in counts.items() if n]
    if counts["duplicate"]:
        said[[k for k in SUMMARY_ORDER if counts[k]].index("duplicate")] += "（未重复存储）"
    near = sum(1 for o in outcomes for s in o.speeches if s.similar_to is not None)
    skipped = passed_over + sum(1 for o in files if o.skipped)
    line = f"共 {files_counted(outcomes, passed_over)} 个文件：" + ("，".join(said) or "没有讲话")
    if near:
        line += f"，其中 {near} 篇与已有讲话内容相近（见上「注意」）"
    failed = sum(1 for o in files if o.error and not o.skipped)
    if failed:
        line += f"；没有读入 {failed} 个文件（见上）"
    if skipped:
        line += f"；跳过 {skipped} 个（见上）"
    return line


def first_use_note(seeded: Sequence[FileOutcome], built: BuildReport | None, *, bundled: bool) -> str:
    """What `add` says when the library it opened was empty and was given the bundled speeches first."""
    count = sum(len(o.speeches) for o in seeded)
    index = f"并建立了索引（嵌入 {built.embedded} 段，用时 {built.seconds:.1f} 秒）" if built else ""
    if bundled:
        return f"资料库原来是空的：自带的 {count} 篇讲话刚才已自动加入{index}，现已都在资料库中，不必再加："
    return f"资料库原来是空的：已先自动加入自带的 {count} 篇讲话{index}，再添加你的文件："


def say_skipped(folder: Path, skipped: Sequence[Path], what: str, why: str) -> None:
    """One yellow line naming (the first five of) the files of a folder that `add` passes over."""
    if skipped:
        names = "、".join(readable_name(p.name) for p in skipped[:5]) + ("等" if len(skipped) > 5 else "")
        click.echo(
            click.style(
                f"跳过 {readable_name(str(folder))} 中 {len(skipped)} {what}：{names}（{why}）", fg="yellow"
            ),
            err=True,
        )


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


def echo_tally(tally: ArchiveTally) -> None:
    """An archive's report after its files' lines: how many were added, already there, passed over (each
    named with why, here only) and not read (each said above)."""
    click.echo(click.style(archive_summary(tally), bold=True))
    for line in archive_skipped_lines(tally):
        click.echo(click.style(f"  跳过 {line}", fg="yellow"), err=True)


def echo_outcome(outcome: FileOutcome, store: Store | None = None) -> None:
    """What `add` says of one file; with the `store`, a speech kept beside another version of itself is told
    apart from it: where the two differ, and why the one named as likely older is (its date, or its file)."""
    if outcome.skipped and outcome.archive:  # a file of an archive passed over: in the archive's report
        return
    if outcome.skipped:  # a file of a folder passed over on purpose: named, not counted as refused
        click.echo(click.style(f"跳过：{outcome.skipped}", fg="yellow"), err=True)
        return
    if outcome.error:
        click.echo(click.style(f"✗ {outcome.error}", fg="red"), err=True)
        return
    click.echo(click.style(f"{outcome.path or outcome.name}", bold=True))
    if outcome.copy_of is not None:  # --reread of a copy: the speeches are those of the file it copies
        click.echo(f"  与已添加的{source_name(outcome.copy_of)}内容完全相同：已重新读取那里的讲话")
    if (
        outcome.cited_before is not None
    ):  # the stored file was the copy (「备份/」…): citations name this one now
        click.echo(
            f"  与已添加的{source_name(outcome.cited_before)}内容完全相同，那一个看来是副本（备份、副本…）：讲话改为引用这个文件"
        )
    for s in outcome.speeches:
        label = STATUS_LABELS.get(s.status, s.status)
        if s.status == "same_file":
            label = f"未变化（与 #{s.speech_id} 相同）"
        elif s.status == "duplicate":
            label = f"重复（与 #{s.speech_id} 相同，未重复存储；要保留请加 --allow-duplicates）"
        details = [s.date or "日期不详", attribution(s.speaker, s.issuer) or UNKNOWN_SPEAKER]
        if s.status != "removed":
            details += [f"{s.sections} 节", f"{s.passages} 段"]
        else:
            details = [f"{s.passages} 段"]
        ident = "" if s.status in ("same_file", "duplicate") else f"#{s.speech_id} "
        click.echo(f"  {label}  {ident}{s.title} · " + " · ".join(details))
        if s.similar_to is not None:
            note = added_near_copy_line(s, CLI_ACTING)
            click.echo(click.style(f"    注意：{note}", fg="yellow"))
            if store is not None and (where := where_they_differ(store, s.speech_id, s.similar_to)):
                click.echo(click.style(f"    {where}", fg="yellow"))
        if s.template_of is not None:  # another month's notice of one template: nothing to do
            click.echo(click.style(f"    {template_note(s.template_of, s.similarity, s.kinship)}", dim=True))
        if s.replaced_title is not None:
            click.echo(
                click.style(
                    f"    注意：这个文件原来是另一篇讲话《{s.replaced_title}》，已被这篇取代，不再能检索到；"
                    "如果它还要保留，请从它自己的文件重新添加（speechqa add 文件）。",
                    fg="yellow",
                )
            )
    for note in outcome.notes:  # read in part: the rest was added
        click.echo(click.style(f"  ⚠ {note}", fg="yellow"), err=True)


def source_name(path: str) -> str:
    """A stored file as users know it: 「文件 /路径/讲话.docx」, 「自带讲话 NAME」, 「发给机器人的 NAME」."""
    if path.startswith(BUNDLED):
        return f"自带讲话 {path.removeprefix(BUNDLED)} "
    if path.startswith(UPLOAD):
        return f"发给机器人的 {uploaded_name(path)} "
    return f"文件 {path} "


def uploaded_name(path: str) -> str:
    """The name a file sent to the bot was sent under (「upload:DIGEST/NAME」): a member of a .zip sent, as
    cited (「附件.zip › 通知/a.docx」)."""
    return path.removeprefix(UPLOAD).split("/", 1)[-1]


def template_note(other: int, similarity: float, why: KinshipBy | None) -> str:
    reason = f"，{kinship_reason(why)}" if why else ""
    return (
        f"与已有的 #{other} 是同一模板的另一份通知（重合 {math.floor(similarity * 100)}%{reason}）："
        "不是更正版，两篇都保留"
    )


# The formats are listed once, in corpus.SUPPORTED_FORMATS (the bot says the same).
add.help = (add.help or "").replace("{formats}", SUPPORTED_FORMATS)


@cli.command()
@pass_context
def rebuild(obj: Context) -> None:
    """用已存的讲话重建整个索引（例如更换模型之后）。

    已存的讲话不变，只重新生成索引；讲话多时需要一些时间。

    \b
    示例：
        speechqa rebuild
        SPEECHQA_MODEL=intfloat/multilingual-e5-small speechqa rebuild
    """
    with user_errors(), terminate_as_interrupt():
        try:
            obj.library.store.require_writable()  # refused before the model loads (seconds), not after
            service = obj.service(fresh_model=True)
            report = service.rebuild(ProgressBar("嵌入段落"))
        except KeyboardInterrupt as e:  # Ctrl-C or SIGTERM: the new index is a generation not swapped in
            ProgressBar.clear()
            click.echo("已中断：索引没有重建，讲话和原来的索引都保持不变，提问照常可用。", err=True)
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(interrupted_exit_code(e))  # as add: no waiting on the model's threads to wind down
        click.echo(
            f"索引已重建：{index_size(report)}，模型 {report.manifest.model}，本次嵌入 {report.embedded} 段，"
            f"用时 {report.seconds:.1f} 秒"
        )


@cli.command()
@click.option(
    "--speaker", metavar="讲话人", help="只列出这位讲话人的讲话（与 ask --speaker 一样：空格、繁简不论）。"
)
@pass_context
def speeches(obj: Context, speaker: str | None) -> None:
    """列出资料库中的全部讲话（或一位讲话人的）。

    每篇显示编号、标题、日期、讲话人、段落数和来源文件；编号用于 show、remove、edit 等命令。
    与另一篇内容相近、可能是它的另一个版本（两篇都会被检索到）的讲话，下面有一行提示。

    \b
    示例：
        speechqa speeches
        speechqa speeches --speaker 沈伟
    """
    with user_errors():
        obj.service()  # seeds the bundled speeches on first use
        store = obj.library.store
        listed = store.speeches()
        if speaker is not None:
            wanted = speaker_key(speaker)
            if not wanted:
                raise UserError("讲话人不能为空。")
            # a notice by its issuer, as it is listed (「发文：…」) and as `ask --speaker` filters
            listed = [s for s in listed if any(wanted in speaker_key(n or "") for n in (s.speaker, s.issuer))]
            if not listed:
                raise UserError(unknown_speaker(speaker, store.speeches()))
        near = {n.speech_id: n for n in store.near_copies()}
        # where each pair differs, under its ⚠, as `add` said it
        differ = {
            n.speech_id: where
            for n in near.values()
            if n.speech_id in {s.id for s in listed}
            and (where := where_they_differ(store, n.speech_id, n.other_id)) is not None
        }
        click.echo(render_speeches(listed, near, differ))


def unknown_speaker(name: str, speeches: Sequence[SpeechRecord]) -> str:
    """「没有讲话人「周海艳」的讲话；相近的讲话人：周海燕（speechqa speeches 可列出全部）」."""
    known = list(dict.fromkeys("".join(s.speaker.split()) for s in speeches if s.speaker))
    close = set(difflib.get_close_matches(speaker_key(name), known, n=3, cutoff=0.5))
    near = [k for k in known if k in close]  # in the library's order
    if near:
        hint = f"相近的讲话人：{'、'.join(near)}"
    elif known:
        hint = f"资料库中的讲话人：{'、'.join(known[:8])}{'等' if len(known) > 8 else ''}"
    else:
        hint = "资料库中的讲话都没有讲话人"
    return f"没有讲话人「{''.join(name.split())}」的讲话；{hint}（speechqa speeches 可列出全部）。"


@cli.command()
@click.argument("speech_id", type=SPEECH_ID, metavar="讲话编号")
@pass_context
def show(obj: Context, speech_id: int) -> None:
    """显示一篇讲话及其全部段落。

    讲话编号见 speechqa speeches。

    \b
    示例：
        speechqa show 2
    """
    with user_errors():
        obj.service()
        speech = followed_speech(obj.library.store, speech_id)  # removed and added back since: said
        click.echo(render_speech(speech, obj.library.store.passages(speech.id)))


@cli.command()
@click.argument("speech_id", type=SPEECH_ID, metavar="讲话编号")
@click.option("-y", "--yes", is_flag=True, help="不再询问确认。")
@pass_context
def remove(obj: Context, speech_id: int, yes: bool) -> None:
    """从资料库和索引中删除一篇讲话及其段落。

    删除前会先询问确认，加 --yes 则不询问。讲话编号见 speechqa speeches。

    \b
    示例：
        speechqa remove 3
        speechqa remove 3 --yes
    """
    with user_errors():
        speech = obj.library.store.speech(speech_id)
        if speech is None:
            raise UserError(missing_speech(obj.library.store, speech_id))
        obj.library.store.require_writable()
        # the pins it would break, named before and after as the bot's 🗑 删除 says them (they used to be
        # found broken later, in `speechqa pins`)
        pins = obj.library.store.pins_on(speech.id)
        breaks = "".join(f"\n  📌 #{s.pin.id}「{s.pin.question}」" for s in pins)
        if not yes and not confirm(
            f"删除 #{speech.id} {speech.title}（{speech.passages} 段，来自 {shown_source(speech.path, speech.source)}）？"
            + (f"以它为标准答案的 {len(pins)} 条问题将失效，需要重新设置：{breaks}\n删除？" if pins else ""),
            default=False,
        ):
            raise click.Abort  # refused: said as an unanswered prompt is, by user_errors
        removed = obj.service().remove(speech_id)
        if removed is None:
            raise UserError(missing_speech(obj.library.store, speech_id))
        click.echo(f"已删除 #{removed.id} {removed.title}（{removed.passages} 段）")
        if pins:
            click.echo(
                f"以它为标准答案的 {len(pins)} 条已失效（speechqa pins 中列出），需要重新设置"
                f"（speechqa unpin 编号，再 speechqa pin）：{breaks}"
            )


@cli.command("keep-both")
@click.argument("speech_id", type=SPEECH_ID, metavar="讲话编号")
@click.argument("other_id", type=SPEECH_ID, metavar="另一篇的编号")
@pass_context
def keep_both(obj: Context, speech_id: int, other_id: int) -> None:
    """两篇内容相近的讲话都保留：不再提示它们「内容相近」。

    add 发现新加入的讲话与已有的一篇内容相近（可能是同一文件的两个版本）时会提示删除旧版；
    如果两篇都要保留（例如征求意见稿和定稿都要查），用这个命令记下，
    之后 speeches 和 health 都不再提示。两篇仍都会被检索到。

    \b
    示例：
        speechqa keep-both 9 8
    """
    with user_errors():
        store = obj.library.store
        for number in (speech_id, other_id):
            if store.speech(number) is None:
                raise UserError(missing_speech(store, number))
        store.require_writable()
        kept = store.keep_both(speech_id, other_id)
        if kept is None:
            raise UserError(not_near_copies(store.near_copies(), speech_id, other_id))
        click.echo(
            f"已记下：#{kept.speech_id} 与 #{kept.other_id} 两篇都保留，不再提示内容相近（两篇都会被检索到；"
            f"要删除其中一篇：speechqa remove 编号）"
        )


def not_near_copies(found: Sequence[NearCopy], speech_id: int, other_id: int) -> str:
    """`keep-both` of two speeches with no near-copy warning between them: which warnings they do have."""
    theirs = [n for n in found if {n.speech_id, n.other_id} & {speech_id, other_id}]
    pairs = "、".join(f"speechqa keep-both {n.speech_id} {n.other_id}" for n in theirs)
    hint = f"它们的提示是：{pairs}" if theirs else "speechqa speeches 中带 ⚠ 的讲话才有这样的提示"
    return f"#{speech_id} 与 #{other_id} 之间没有「内容相近」的提示，不用记下两篇都保留（{hint}）。"


DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@cli.command()
@click.argument("speech_id", type=SPEECH_ID, metavar="[讲话编号]", required=False)
@click.option("--title", metavar="标题", help="讲话标题。")
@click.option(
    "--date",
    metavar="日期",
    help='讲话日期：2024-03-13、2024年3月13日、二〇二四年三月十三日、2024.3.13（或只到月、年）；"" 表示不详。',
)
@click.option("--speaker", metavar="讲话人", help='讲话人；"" 表示不详。')
@click.option(
    "--issuer",
    metavar="发文机关",
    help='通知等公文的发文机关；联合发文用「、」分隔（如 中共温州市委老干部局、温州市财政局）；"" 表示不详。',
)
@click.option(
    "--rename-speaker",
    nargs=2,
    metavar="原名 新名",
    help="把所有讲话中的讲话人「原名」改为「新名」（一步完成，不需讲话编号）。",
)
@pass_context
def edit(
    obj: Context,
    speech_id: int | None,
    title: str | None,
    date: str | None,
    speaker: str | None,
    issuer: str | None,
    rename_speaker: tuple[str, str] | None,
) -> None:
    """更正讲话的标题、日期、讲话人或发文机关；或把一位讲话人在所有讲话中改名。

    更正结果随讲话的文本保存：以后再次添加同一文件（即使中间删除过），仍保留更正后的信息。
    --rename-speaker 原名 新名 一次改完这位讲话人的全部讲话（空格、繁简不论；「沈伟、王建国」这样的
    多位讲话人中只改这一位），要么全部改好，要么一篇都不改；改完按讲话人筛选和提问即按新名。

    \b
    示例：
        speechqa edit 3 --date 2024-03-13 --speaker 沈伟
        speechqa edit 3 --date 2024年3月13日
        speechqa edit 3 --speaker ""
        speechqa edit 7 --issuer 中共温州市委老干部局、温州市财政局
        speechqa edit --rename-speaker 周海艳 周海燕
    """
    if rename_speaker is not None:
        if speech_id is not None or any(v is not None for v in (title, date, speaker, issuer)):
            raise click.UsageError("--rename-speaker 改的是所有讲话，不要同时给出讲话编号或 --title 等选项。")
        _rename_speaker(obj, *rename_speaker)
        return
    if speech_id is None:
        raise click.UsageError(
            "请给出讲话编号（speechqa speeches 可列出全部），或用 --rename-speaker 原名 新名。"
        )
    if title is None and date is None and speaker is None and issuer is None:
        raise click.UsageError("请至少给出 --title、--date、--speaker 或 --issuer 之一。")
    if title is not None and not title.strip():
        raise UserError("标题不能为空。")
    date = date.strip() if date is not None else None
    if date:
        # as documents' dates are read: 2024年3月13日, 二〇二四年三月十三日 → 2024-03-13
        given, date = date, date if DATE.match(date) else read_date(date)
        if date is None:
            raise UserError(f"日期格式不对：{given}（应为 2024-03-13、2024年3月13日、2024-03 或 2024）。")
    if date and not _valid_date(date):
        raise UserError(f"日期不存在：{date}（格式对，但没有这一天）。")
    issuer = _issuers(issuer) if issuer is not None else None
    with user_errors():
        obj.library.store.require_writable()
        fields = {
            "title": title.strip() if title is not None else None,
            "date": date,
            "speaker": "".join(speaker.split()) if speaker is not None else None,
            "issuer": issuer,
        }
        # a new title is saved with its index (the lexical index reads it: cached vectors, a quick build),
        # both or neither; the other fields are read from the store alone, without loading the model
        edited = (
            obj.service().edit(speech_id, **fields)
            if title is not None
            else obj.library.edit(speech_id, **fields)
        )
        if edited is None:
            raise UserError(missing_speech(obj.library.store, speech_id))
        meta = " · ".join(part for part in (edited.date, attribution(edited.speaker, edited.issuer)) if part)
        click.echo(f"已更正 #{edited.id} {edited.title}" + (f" · {meta}" if meta else ""))


def _rename_speaker(obj: Context, old: str, new: str) -> None:
    """`edit --rename-speaker OLD NEW`: every speech of OLD, in one transaction; an unknown OLD is refused
    with the nearest known names."""
    new = "".join(new.split())
    if not speaker_key(old) or not new:
        raise UserError("原名和新名都不能为空。")
    with user_errors():
        store = obj.library.store
        store.require_writable()
        named = [s for s in store.speeches() if speaker_key(old) in speaker_key(s.speaker or "")]
        if not named:
            raise UserError(unknown_speaker(old, store.speeches()))
        changed = store.rename_speaker(old, new)
        if not changed:
            click.echo(f"讲话人「{new}」已经是这样写的：{len(named)} 篇讲话，没有改动。")
            return
        ids = "、".join(f"#{s.id}" for s in changed)
        click.echo(f"已把讲话人「{''.join(old.split())}」改为「{new}」：{len(changed)} 篇讲话（{ids}）")


ISSUER_SEPARATORS = re.compile(r"[、，,；;/\s]+")
ISSUER_MAX_CHARS = 40  # one body's name: 「中共温州市委老干部局」 is 10, the longest real ones about 30
NOT_IN_ISSUER = re.compile(r"[。！？!?：:“”\"《》]")


def _issuers(text: str) -> str:
    """The issuing bodies as the store keeps them: joined by 「、」 (given with 「、」, commas, semicolons or
    spaces between them); "" for none. A sentence, a title or only separators is refused."""
    if not text.strip():
        return ""
    bodies = [b for b in ISSUER_SEPARATORS.split(text.strip()) if b]
    if not bodies:
        raise UserError(f"发文机关格式不对：{text.strip()}（写机关名称，联合发文用「、」分隔）。")
    for body in bodies:
        if len(body) > ISSUER_MAX_CHARS or NOT_IN_ISSUER.search(body):
            raise UserError(
                f"发文机关格式不对：{body}（应是机关名称，如 中共温州市委老干部局；联合发文用「、」分隔）。"
            )
    return "、".join(dict.fromkeys(bodies))


def _valid_date(text: str) -> bool:
    if not DATE.match(text):
        return False
    parts = [int(p) for p in text.split("-")]
    try:
        datetime.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return False
    return True


STREAM = "-"  # the file name that means standard output (backup) or standard input (restore), as for tar


@cli.command()
@click.argument("typed", metavar="备份文件")
@pass_context
def backup(obj: Context, typed: str) -> None:
    """把整个资料库（讲话、段落、向量缓存、提问记录）备份到一个文件（备份文件）。

    机器人运行时也可以安全备份（使用 SQLite 在线备份）；数据目录只读时同样可用。备份文件写作 -
    时备份写到标准输出（可重定向到文件，或经管道传到别处），报告写到标准错误。

    \b
    示例：
        speechqa backup ~/speechqa-备份-2024-06-01.db
        speechqa backup - | gzip > 备份.db.gz
    """
    with user_errors():
        if typed == STREAM:
            stdout = click.get_binary_stream("stdout")
            if stdout.isatty():
                raise UserError(
                    "备份是二进制文件，不能写到终端上：请重定向到文件，例如 speechqa backup - > 备份.db"
                )
            counts = backup_to_stream(obj.library.store, stdout)
            click.echo(f"已备份到标准输出：{describe(counts)}", err=True)
            return
        # the raw text (a click.Path would shorten 「file://localhost/x」 to 「file:/localhost/x」)
        file = as_typed(typed, doing="备份", new=True)
        counts = backup_database(obj.library.store, file)
        click.echo(f"已备份到 {file}：{describe(counts)}")


@cli.command()
@click.argument("typed", metavar="备份文件")
@click.option("-y", "--yes", is_flag=True, help="不再询问确认。")
@pass_context
def restore(obj: Context, typed: str, yes: bool) -> None:
    """用 speechqa backup 做的备份替换当前资料库，并据此重建索引。

    替换前会先询问确认（加 --yes 则不询问），当前资料库先另存到数据目录中的
    backups/before-restore-….db。备份文件写作 - 时从标准输入读取备份（须加 --yes）。

    \b
    示例：
        speechqa restore ~/speechqa-备份-2024-06-01.db
        gunzip -c 备份.db.gz | speechqa restore --yes -
    """
    with user_errors(), terminate_as_interrupt():
        if typed == STREAM:
            stdin = click.get_binary_stream("stdin")
            if stdin.isatty():
                raise UserError("请把备份接到标准输入，例如 speechqa restore --yes - < 备份.db")
            if not yes:
                kept = "" if obj.library.store.holds_nothing() else "（当前资料库仍会先另存一份）"
                raise UserError(f"从标准输入恢复时无法询问确认：请加 --yes{kept}。")
            obj.library.store.require_writable()
            with backup_from_stream(stdin) as received:
                _restore(obj, received)
            return
        file = as_typed(typed, doing="恢复")
        counts = check_backup(file)
        obj.library.store.require_writable()
        question = (
            f"把备份 {file}（{describe(counts)}）恢复到数据目录 {obj.settings.home}（它原来是空的）？"
            if obj.library.store.holds_nothing()
            else f"用备份 {file}（{describe(counts)}）替换当前资料库？当前资料库会先另存一份。"
        )
        if not yes and not confirm(question, default=False):
            raise click.Abort
        _restore(obj, file)


def _restore(obj: Context, file: Path) -> None:
    # into a new home: no bundled speeches and no index first (both thrown away at once); the model is
    # the one the current index was built with, as before
    service = obj.service(seed=False, fresh_model=obj.library.manifest() is None)
    counts, saved, report = service.restore(file, ProgressBar("嵌入段落"))
    kept = f"原资料库另存为 {saved}" if saved is not None else "数据目录原来是空的，没有需要另存的资料库"
    click.echo(f"已恢复：{describe(counts)}；索引 {index_size(report)}。{kept}")


@cli.command()
@click.option("-y", "--yes", is_flag=True, help="不再询问确认。")
@pass_context
def recover(obj: Context, yes: bool) -> None:
    """抢救损坏的资料库：取回其中可读的内容，并重建索引。

    使用 SQLite 自带的恢复功能；损坏的原文件改名保留在旁边，不会删除。完成后报告保留了
    哪些内容、丢失了哪些内容。开始前会询问确认（加 --yes 则不询问）。资料库通过完整性检查时
    只说明它完好，不做任何改动。

    \b
    示例：
        speechqa recover
    """
    home = obj.settings.home
    with user_errors(), terminate_as_interrupt():
        if database_is_whole(home):  # run 「just in case」: a whole database is not set aside as damaged
            click.echo("资料库完好（完整性检查通过），不需要抢救；没有做任何改动。")
            return
        if not yes and not confirm(
            f"抢救 {home / 'speechqa.db'} 中可读的内容？原文件会改名保留，不会删除。", default=True
        ):
            raise click.Abort
        with write_lock(home):
            result = recover_database(home)
        how = "逐行读取" if result.method == "row by row" else "用 sqlite3 自带的恢复功能"
        click.echo(f"已抢救（{how}）：保留 {describe(result.kept)}")
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
        click.echo(f"索引已重建：{index_size(report)}，本次嵌入 {report.embedded} 段")
        emptied = [s for s in obj.library.store.speeches() if s.passages == 0]
        if emptied:  # stored, but nothing of them can be found: say how to read them again
            click.echo(
                click.style(f"{len(emptied)} 篇讲话的段落没有抢救回来，检索不到：", fg="yellow")
                + "、".join(f"#{s.id}" for s in emptied)
            )
            click.echo("重新添加它们的文件即可找回（讲话编号不变）：")
            for line in readd_lines(emptied):
                click.echo(f"  {line}")


def readd_lines(speeches: list[SpeechRecord]) -> list[str]:
    """How to read these speeches' files again: the command for each file, once."""
    lines: dict[str, None] = {}
    for s in speeches:
        path = s.path or s.source
        if path.startswith(BUNDLED):
            lines["speechqa add --bundled"] = None
        elif path.startswith(UPLOAD):
            sent = uploaded_name(path)
            lines[f"把 {archive_of(sent) or sent} 再发给机器人一次"] = None
        else:  # a member of an archive: the archive is added again
            lines[f"speechqa add {shell_word(archive_of(path) or path)}"] = None
    return list(lines)


def shell_word(path: str) -> str:
    """A path as typed in a shell: quoted only when it must be (Chinese letters need no quotes)."""
    return shlex.quote(path) if re.search(r"""[\s'"$`\\!*?&;|<>(){}\[\]#~]""", path) else path


TABLE_NAMES = {
    "speeches": "讲话",
    "passages": "段落",
    "embeddings": "向量缓存",
    "queries": "提问记录",
    "feedback": "反馈",
}


def describe(counts: Counts) -> str:
    return "，".join(f"{TABLE_NAMES[table]} {'不可读' if n is None else n}" for table, n in counts.rows)


# How many checks' worth of time a webhook may go without a successful check before `health` calls the bot unhealthy
WEBHOOK_MISSES = 3


@dataclass(frozen=True)
class WebhookHealth:
    """What `health` says of the bot's last webhook check: `healthy`, and the words (after 「；」 on the line)."""

    healthy: bool
    text: str


def _when(seconds: float) -> str:
    return datetime.datetime.fromtimestamp(seconds, BEIJING).strftime("%Y-%m-%d %H:%M:%S（北京时间）")


def _minutes(seconds: float) -> str:
    return f"{seconds / 60:.0f} 分钟" if seconds >= 60 else f"{seconds:.0f} 秒"


def webhook_health(check: WebhookCheck, now: float, misses: int = WEBHOOK_MISSES) -> WebhookHealth:
    """The running bot's webhook as its last check found it (bot.watch keeps it in the store): unhealthy when
    Telegram refused the token, or when no check has succeeded for `misses` intervals (Telegram unreachable, the
    webhook undeliverable or taken by another process — or the bot hung or gone: no check made at all)."""
    if check.result == "token_refused":
        return WebhookHealth(
            False,
            f"webhook 检查（{_when(check.checked_at or now)}）：Telegram 不再接受 TELEGRAM_BOT_TOKEN（可能已在 "
            "@BotFather 撤销或重新生成），机器人已停止：请换上新的 token 后重新启动",
        )
    last = {
        "started": "还没有检查过",
        "ok": "正常",
        "delivery_error": f"Telegram 无法把消息送到 webhook，Telegram 的原话：「{check.detail}」",
        "taken_over": "webhook 已被同一 token 的另一个程序占用（"
        + (f"现在指向 {check.detail}" if check.detail else "它改用了长轮询")
        + "），本机器人收不到消息，需重新启动",
        "unanswered": f"连不上 Telegram（{check.detail or '没有回应'}）",
    }.get(check.result, check.result)
    since = check.ok_at if check.ok_at is not None else check.started_at
    late = now - since
    if late > misses * check.every:
        succeeded = (
            f"最近一次成功在 {_when(check.ok_at)}"
            if check.ok_at is not None
            else f"机器人 {_when(check.started_at)} 启动后从未成功"
        )
        made = (
            f"最近一次检查在 {_when(check.checked_at)}：{last}"
            if check.checked_at is not None
            else "一次也没有检查"
        )
        return WebhookHealth(
            False,
            f"webhook 检查已有 {_minutes(late)}没有成功（每 {_minutes(check.every)}检查一次；{succeeded}；{made}）",
        )
    if check.checked_at is None:
        return WebhookHealth(
            True,
            f"webhook 还没有检查过（机器人 {_when(check.started_at)} 启动，每 {_minutes(check.every)}检查一次）",
        )
    return WebhookHealth(True, f"webhook 检查 {_when(check.checked_at)}：{last}")


@cli.command()
@click.option(
    "--webhook-misses",
    type=click.IntRange(min=1),
    default=WEBHOOK_MISSES,
    show_default=True,
    metavar="次数",
    help="webhook 模式：连续这么多个检查间隔没有一次成功，就算不正常。",
)
@pass_context
def health(obj: Context, webhook_misses: int) -> None:
    """检查数据目录中的索引能否加载、是否最新、是否非空。

    机器人以 webhook 方式运行时，也报告它最近一次向 Telegram 检查 webhook 的结果（记在数据目录的资料库中）。
    正常时输出一行「正常：…篇讲话，…段」并以 0 退出；否则用一行说明原因并以 1 退出（可用于容器健康检查）。
    Telegram 拒绝了 token（已撤销），或连续 --webhook-misses 个检查间隔没有一次检查成功时，也以 1 退出。
    不加载模型。

    \b
    示例：
        speechqa health
        speechqa health --webhook-misses 5
    """
    with user_errors():
        home = obj.settings.home
        if not next(p for p in (home, *home.parents) if p.exists()).is_dir():
            obj.open_library(reading=True)  # a home that cannot be a folder: the library's own words say why
        refuse_unreadable_home(home)  # another user's private home: whose it is, not an internal error
        if not (obj.settings.home / "speechqa.db").exists():  # a health check creates nothing
            raise UserError(
                f"数据目录中还没有资料库（{obj.settings.home}）：运行 speechqa add --bundled 或 speechqa add 文件。"
            )
        # root may check the service user's home: opened read-only, nothing written (index.Library)
        library = obj.open_library(reading=True)
        # can it not be written (a read-only mount, a full disk)? root reading another's home could, and its
        # owner's next command rebuilds what is stale, as for the owner's own health check
        read_only = library.read_only and not library.root_reading
        manifest = library.manifest()
        if manifest is None:
            if library.store.speeches():  # speeches stored, the index missing (deleted or never built)
                raise UserError("资料库里有讲话，但还没有索引：运行 speechqa rebuild。")
            raise UserError("还没有建立索引：运行 speechqa add 文件（或 speechqa add --bundled）。")
        loaded = library.load(manifest.model)
        speeches = len(library.store.speeches())
        if speeches and manifest.count == 0:  # e.g. a recovery that kept the speeches but not their text
            raise UserError(
                f"{speeches} 篇讲话没有段落，检索不到：重新添加它们的文件即可找回（speechqa add 文件；"
                "自带的讲话：speechqa add --bundled）。"
            )
        if speeches == 0 or manifest.count == 0:
            raise UserError(
                "资料库是空的（0 篇讲话）：运行 speechqa add --bundled 加回自带的讲话，或 speechqa add 文件。"
            )
        check = library.store.webhook_check()
        webhook = None if check is None else webhook_health(check, time.time(), webhook_misses)
        if webhook is not None and not webhook.healthy:
            if read_only:  # the bot could not write its later checks either: what is shown may be an old one
                raise UserError(
                    f"{webhook.text}；数据目录不可写，机器人记不下之后的检查结果，以上可能是旧记录。"
                )
            raise UserError(webhook.text)
        said_webhook = "" if webhook is None else f"；{webhook.text}"
        staleness = library.staleness(manifest.model)
        if staleness is not None and staleness.reason == "older" and not read_only:
            # just upgraded: the index loads and answers; the next question (or the bot's start) builds it anew
            # by itself in seconds. A warning state, not a failure: a monitoring check must not alarm at every
            # upgrade (exit 0, said on the one line, 「待更新」 to grep for).
            click.echo(
                f"正常（索引待更新）：{speeches} 篇讲话，{manifest.count} 段，模型 {manifest.model}；"
                + staleness.describe_ahead()
                + said_webhook
            )
            return
        if staleness is not None and not read_only:  # the next command builds it, and says so
            raise UserError(staleness.describe_ahead())
        if staleness is None:  # an index built from this very revision holds exactly the store's passages
            library.check_agreement(loaded)
        if staleness is not None:  # served as it is: nothing here can build it
            behind = (
                f"索引落后于资料库（索引版本 {manifest.revision}，资料库版本 {library.store.revision}）"
                if manifest.revision != library.store.revision
                else "索引是旧版本的 speechqa 建立的"
            )
            raise UserError(
                f"{behind}，数据目录只读，无法重建（提问仍按它回答）：请以可写方式运行一次 speechqa rebuild。"
            )
        where = (
            ("（磁盘已满，只能读取）" if library.store.disk_full else "（数据目录只读）") if read_only else ""
        )
        unsaid = library.store.near_copies(unshown=True)
        warning = (
            "；注意："
            + "、".join(f"#{n.speech_id} 与 #{n.other_id}" for n in unsaid[:3])
            + ("等" if len(unsaid) > 3 else "")
            + " 内容相近（可能是同一文件的两个版本，两篇都会被检索到），加入时的提示没有显示完：见 speechqa speeches"
            if unsaid
            else ""
        )
        click.echo(
            f"正常：{speeches} 篇讲话，{manifest.count} 段，模型 {manifest.model}{where}{warning}{said_webhook}"
        )
