"""Every sentence a user reads ends as a sentence: no message of the bot's, and no error line of the
command line's, stops on a bare Chinese character (「…逐个发给我」 lacked its 「。」). The messages are
collected from the source, so a new one is checked as soon as it is written."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from corpus import read_document, unsupported_message
from corpus.errors import CorpusError, UnreadableFile, as_sentence

ROOT = Path(__file__).resolve().parent.parent
HAN = re.compile(r"[\u3400-\u9fff]")
# calls whose first or second argument is a message a user reads
BOT_CALLS = frozenset({"_reply", "reply_text", "tell", "send_message", "edit_message_text"})
CLI_CALLS = frozenset({"UserError", "QueryError", "ClickException", "UsageError", "BadParameter"})
LABELS = "keyboards.py"  # button labels are no sentences
# nor are a result's mark (「📌 标准答案」), a bundled speech's (「speechqa 自带的示例讲话」, inside a line of the list
# and the card) and the help's closing list of commands (「/help — 本说明」)
NO_SENTENCE = frozenset({"PINNED", "BUNDLED_NAME", "HELP", "ADMIN_HELP"})


def _text(node: ast.expr) -> str | None:
    """The message a string expression makes, its f-string fields written as {}."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _text(node.right)
    return None


def _messages(folder: str, calls: frozenset[str], *, constants: bool) -> Iterator[tuple[str, str]]:
    for path in sorted((ROOT / folder).glob("*.py")):
        if path.name == LABELS:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            found: list[ast.expr] = []
            if isinstance(node, ast.Call) and node.args:
                name = (
                    node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
                )
                if name in calls:  # the message, after the update or the query where one is passed
                    found.extend(node.args[:2])
            elif constants and isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
                if node.targets[0].id.isupper() and node.targets[0].id not in NO_SENTENCE:
                    found.append(node.value)
            elif (
                constants
                and isinstance(node, ast.Return)
                and node.value is not None
                and path.name == "format.py"
            ):
                found.append(node.value)
            for expr in found:
                text = _text(expr)
                if text and HAN.search(text):
                    yield f"{path.relative_to(ROOT)}:{node.lineno}", text


def _unfinished(messages: Iterator[tuple[str, str]]) -> list[str]:
    return [f"{where} …{text[-20:]}" for where, text in messages if HAN.fullmatch(text.rstrip()[-1])]


def test_the_bots_messages_end_as_sentences() -> None:
    collected = list(_messages("bot", BOT_CALLS, constants=True))
    assert len(collected) > 40  # the collection finds the messages (a broken walk would pass vacuously)
    assert _unfinished(iter(collected)) == []


def test_the_command_lines_error_lines_end_as_sentences() -> None:
    collected = list(_messages("cli", CLI_CALLS, constants=False))
    assert len(collected) > 20
    assert _unfinished(iter(collected)) == []
    # nor on a bracket closing inside the sentence (「错误：文件已存在：a.docx（换一个文件名…）」), as the
    # reader's refusals shown beside them do not
    assert [f"{where} …{text[-20:]}" for where, text in collected if as_sentence(text) != text] == []


@pytest.mark.parametrize("name", ["材料.zip", "讲话稿.tar.gz", "附件.7z"])
def test_an_archive_is_refused_in_a_sentence(name: str) -> None:
    assert unsupported_message(name).endswith("。")


def test_a_file_refused_by_the_reader_is_told_in_a_sentence(tmp_path: Path) -> None:
    """The reader's refusals (「…请把扩展名改为 .txt 再添加」) reach the command line's ✗ line and the bot's
    「❌ 未能加入：…」 as they are: they end as a sentence, whatever raised them."""
    typed = tmp_path / "讲话.pdf"
    typed.write_text("离休干部体检规定", encoding="utf-8")
    with pytest.raises(CorpusError) as refused:
        read_document(typed)
    assert str(refused.value).endswith("再添加。")
    assert str(UnreadableFile("无法读取文件 a.txt：没有读取权限")).endswith("权限。")


@pytest.mark.parametrize(
    ("message", "read"),
    [
        ("a.docx 不是有效的 .docx 文件（无法解压）", "a.docx 不是有效的 .docx 文件（无法解压）。"),
        ("不支持的文件类型：a.xlsx（支持 .txt）", "不支持的文件类型：a.xlsx（支持 .txt）。"),
        ("a.docx 是 speechqa 导出的「讲话检索结果」", "a.docx 是 speechqa 导出的「讲话检索结果」。"),
        ("a.pdf 是扫描件（请先做文字识别。）", "a.pdf 是扫描件（请先做文字识别。）"),
        ("a.pdf 能读吗？", "a.pdf 能读吗？"),
        ("无法读取：请重试！", "无法读取：请重试！"),
        ("已拒绝。", "已拒绝。"),
        ("文件是空的：讲话.txt", "文件是空的：讲话.txt"),
    ],
)
def test_a_refusal_ends_once_after_its_brackets_and_quotes(message: str, read: str) -> None:
    """A bracket or a quote closing inside the sentence is followed by its 「。」 (「（无法解压）。」), where
    a message stopping on 「）」 read unfinished beside its neighbours' 「。」; a sentence already ended
    gets none, nor does a file name a message ends on."""
    assert str(UnreadableFile(message)) == read


def test_an_unsupported_format_is_told_in_a_sentence() -> None:
    assert unsupported_message("表格.numbers").endswith("手机照片）。")
