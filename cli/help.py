"""`--help` in Chinese: click's section labels (用法：, 选项：, 命令：), the help option's own line, option
details such as defaults, and wrapping that counts a Chinese character as two columns and joins a
Chinese paragraph's source lines without a space.

Every command of `speechqa` is a `Command` (the group's `command_class`, `group_class = type`); its usage
errors carry its context, so that their line names its own --help."""

from __future__ import annotations

import inspect
import unicodedata
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import click

HELP_OPTION_TEXT = "显示本帮助并退出。"

# A line neither starts with a closing mark nor ends with an opening one.
_NO_START = set("，。、；：？！）」』》】〕…”’,.;:!?)]}%")
_NO_END = set("（「『《【〔“‘([{")


def display_width(text: str) -> int:
    """Columns a terminal gives the text: two for a wide (Chinese) character."""
    return sum(
        0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text
    )


def _wide(c: str) -> bool:
    return unicodedata.east_asian_width(c) in "WF"


def _join_lines(lines: Sequence[str]) -> str:
    """One paragraph from its source lines: a space between two lines only where neither side is Chinese."""
    text = ""
    for line in (line.strip() for line in lines):
        if text and line and not (_wide(text[-1]) or _wide(line[0])):
            text += " "
        text += line
    return text


def _pieces(text: str) -> list[tuple[str, bool]]:
    """The unbreakable pieces of a paragraph, each with whether a space precedes it: a Latin word stays
    whole, Chinese may break between any two characters, never before a closing mark or after an opening one."""
    pieces: list[tuple[str, bool]] = []
    for n, word in enumerate(text.split()):
        start = 0
        for i in range(1, len(word)):
            a, b = word[i - 1], word[i]
            if (_wide(a) or _wide(b)) and b not in _NO_START and a not in _NO_END:
                pieces.append((word[start:i], n > 0 and start == 0))
                start = i
        pieces.append((word[start:], n > 0 and start == 0))
    return pieces


def fill(text: str, width: int, initial_indent: str = "", subsequent_indent: str = "") -> str:
    """Wrap one paragraph to `width` terminal columns."""
    lines: list[str] = []
    line, used, empty = initial_indent, display_width(initial_indent), True
    for piece, spaced in _pieces(text):
        gap = " " if spaced and not empty else ""
        size = display_width(piece)
        if not empty and used + len(gap) + size > width:
            lines.append(line)
            line, used, gap = subsequent_indent, display_width(subsequent_indent), ""
        line += gap + piece
        used += len(gap) + size
        empty = False
    lines.append(line)
    return "\n".join(lines)


def wrap_paragraphs(text: str, width: int, indent: str = "") -> str:
    """As click's wrap_text with preserve_paragraphs: blank lines part paragraphs, a paragraph whose first
    line is \\b is kept line for line, and a paragraph's own indentation is kept."""
    paragraphs: list[list[str]] = [[]]
    for line in text.expandtabs().splitlines():
        if line.strip():
            paragraphs[-1].append(line)
        elif paragraphs[-1]:
            paragraphs.append([])
    out = []
    for lines in (p for p in paragraphs if p):
        own = indent + " " * (len(lines[0]) - len(lines[0].lstrip()))
        if lines[0].strip() == "\b":
            out.append("\n".join(indent + x.rstrip() for x in lines[1:]))
        else:
            out.append(fill(_join_lines(lines), width, own, own))
    return "\n\n".join(out)


def shorten(text: str, width: int) -> str:
    """The text cut to `width` columns, with … where it was cut."""
    if display_width(text) <= width:
        return text
    out = ""
    for c in text:
        if display_width(out + c) > width - 1:
            break
        out += c
    return out.rstrip("，、；：,;: ") + "…"


class HelpFormatter(click.HelpFormatter):
    """click's formatter with Chinese labels and width counted in terminal columns."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        head = f"{'用法：' if prefix is None else prefix:>{self.current_indent}}{prog}"
        if not args:
            self.write(f"{head}\n")
            return
        head += " "
        room = self.width - self.current_indent
        if room >= display_width(head) + 20:
            self.write(fill(args, room, head, " " * display_width(head)))
        else:
            indent = " " * (self.current_indent + 4)
            self.write(f"{head}\n{fill(args, room, indent, indent)}")
        self.write("\n")

    def write_heading(self, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}{heading}：\n")

    def write_text(self, text: str) -> None:
        self.write(wrap_paragraphs(text, self.width, " " * self.current_indent))
        self.write("\n")

    def write_dl(self, rows: Any, col_max: int = 30, col_spacing: int = 2) -> None:
        rows = list(rows)
        if not rows:
            return
        first_col = min(max(display_width(first) for first, _ in rows), col_max) + col_spacing
        for first, second in rows:
            self.write(f"{'':>{self.current_indent}}{first}")
            if not second:
                self.write("\n")
                continue
            if display_width(first) <= first_col - col_spacing:
                self.write(" " * (first_col - display_width(first)))
            else:
                self.write("\n" + " " * (first_col + self.current_indent))
            lines = wrap_paragraphs(second, max(self.width - first_col - 2, 10)).splitlines()
            self.write(f"{lines[0]}\n" if lines else "\n")
            for line in lines[1:]:
                self.write(f"{'':>{first_col + self.current_indent}}{line}\n")

    @contextmanager
    def section(self, name: str) -> Iterator[None]:
        self.write_paragraph()
        self.write_heading(name)
        self.indent()
        try:
            yield
        finally:
            self.dedent()


class HelpContext(click.Context):
    formatter_class = HelpFormatter


def _extra(param: click.Option, ctx: click.Context) -> list[str] | None:
    """An option's default, range and the like, in Chinese (None: this click cannot say them apart)."""
    get_extra = getattr(param, "get_help_extra", None)
    if get_extra is None:
        return None
    extra = get_extra(ctx)
    items = []
    if "envvars" in extra:
        items.append(f"环境变量：{', '.join(extra['envvars'])}")
    if "default" in extra:
        items.append(f"默认：{extra['default']}")
    if "range" in extra:
        kind = param.type
        low, high = getattr(kind, "min", None), getattr(kind, "max", None)
        if getattr(kind, "min_open", False) or getattr(kind, "max_open", False):
            items.append(extra["range"])
        elif low is not None and high is not None:
            items.append(f"{low}–{high}")
        elif low is not None:
            items.append(f"至少 {low}")
        elif high is not None:
            items.append(f"至多 {high}")
    if "required" in extra:
        items.append("必填")
    return items


def with_details(help: str, items: list[str]) -> str:
    """An option's help with its details: 「检索方式（默认：hybrid）。」, or inside its own closing
    parenthesis: 「返回几个段落（默认 5；1–50）。」"""
    if not items:
        return help
    details = "；".join(items)
    body, stop = (help[:-1], "。") if help.endswith("。") else (help, "")
    if not stop:  # an English text (the measuring commands')
        return f"{help} （{details}）" if help else f"（{details}）"
    if body.endswith("）"):
        return f"{body[:-1]}；{details}）{stop}"
    return f"{body}（{details}）{stop}"


class Command(click.Command):
    """A command whose help is framed in Chinese."""

    context_class = HelpContext

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "[选项]")
        super().__init__(*args, **kwargs)

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = HELP_OPTION_TEXT
        return option

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """click's own parsing, its errors given this command's context where click leaves it out (an
        option with no value, a flag given one): the line then points to this command's --help
        (「用 speechqa ask --help 查看用法」), not to the top group's."""
        try:
            return super().parse_args(ctx, args)
        except click.UsageError as e:
            if e.ctx is None:
                e.ctx = ctx
            raise

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        formatter.write_usage(ctx.command_path, " ".join(self.collect_usage_pieces(ctx)), prefix="用法：")

    def format_arguments(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        args = [p for p in self.get_params(ctx) if isinstance(p, click.Argument)]
        if any(getattr(a, "help", None) is not None for a in args):
            with formatter.section("参数"):
                formatter.write_dl([(a.make_metavar(ctx), getattr(a, "help", None) or "") for a in args])

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = []
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is None or isinstance(param, click.Argument):
                continue
            items = _extra(param, ctx) if isinstance(param, click.Option) else None
            if items is not None:
                record = (record[0], with_details(param.help or "", items))
            rows.append(record)
        if rows:
            with formatter.section("选项"):
                formatter.write_dl(rows)


def short_help(command: click.Command, width: int) -> str:
    """The command's line in its group's list: its `short_help`, else `summary_line` of its help."""
    if command.short_help:
        return command.get_short_help_str(width)
    return summary_line(command.help or "", width)


def summary_line(help: str, width: int) -> str:
    """A command's line in its group's list from its help: the first paragraph (a Chinese one whole, cut
    with … only if it does not fit; an English one as click shortens it)."""
    first = inspect.cleandoc(help).partition("\n\n")[0].splitlines()
    text = _join_lines([line for line in first if line.strip() != "\b"])
    wide = sum(1 for c in text if _wide(c))
    if wide * 3 < len(text.replace(" ", "")):  # mostly English: its first sentence, cut at a word
        return _english_summary(text, width)
    return shorten(text, width)


def _english_summary(text: str, width: int) -> str:
    """What click 8 makes of an English help (its helper for it is deprecated, gone in click 9): the first
    sentence, or as many whole words as fit before 「...」."""
    first, stop, _ = text.partition(". ")
    sentence = (first + stop).rstrip()
    if len(sentence) <= width:
        return sentence
    words, out = sentence.split(), ""
    for word in words:
        if len(out) + len(word) + (1 if out else 0) + 3 > width:
            break
        out = f"{out} {word}" if out else word
    return f"{out}..."


class Group(Command, click.Group):
    """A command group whose help is framed in Chinese, and whose commands and groups are too."""

    command_class = Command
    group_class = type

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("subcommand_metavar", "命令 [参数]...")
        super().__init__(*args, **kwargs)

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        super().format_options(ctx, formatter)  # Command's (the options), before click.Group's in the MRO
        self.format_commands(ctx, formatter)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        commands = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                commands.append((name, command))
        if not commands:
            return
        width = formatter.width - 6 - max(len(name) for name, _ in commands)
        with formatter.section("命令"):
            formatter.write_dl([(name, short_help(command, width)) for name, command in commands])
