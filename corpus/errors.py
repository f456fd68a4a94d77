"""Errors of the corpus layer, worded for the people who add files."""

from __future__ import annotations

import errno

_ENDS = "。？！…?!"  # a sentence already ended
_CLOSING = "）)」』”’》"  # brackets and quotes that close inside a sentence


def as_sentence(text: str) -> str:
    """A message ended as a sentence: 「。」 after a last Chinese character (「…再添加。」), and after a closing
    bracket or quote inside the sentence (「…不是有效的 .docx 文件（无法解压）。」, as the national standard
    places it), but not after one that closes a sentence of its own (「…（请另存后再添加。）」), nor twice
    (「…吗？」), nor after a file name or a path a message ends on (「文件是空的：讲话.txt」)."""
    body = text.rstrip(_CLOSING)
    if body != text and body and body[-1] not in _ENDS:
        return text + "。"
    return text + "。" if text and "\u3400" <= text[-1] <= "\u9fff" else text


class CorpusError(Exception):
    """Base class: a file could not be turned into speeches. The message is for end users: written as a
    sentence, it ends as one (`as_sentence`: 「…请把扩展名改为 .txt 再添加。」), as every other message they
    read does."""

    def __str__(self) -> str:
        return as_sentence(super().__str__())


class UnsupportedFormat(CorpusError):
    pass


class UnreadableFile(CorpusError):
    pass


class Misnamed(UnreadableFile):
    """A file in another supported format than its extension says (「通知.docx」 holding a PDF): `kind`, the
    suffix its bytes are read by. `speechqa add` refuses it with the extension to use; the bot, whose admins
    cannot rename a file in Telegram, reads it by its bytes (`corpus.read_as_sent`)."""

    def __init__(self, message: str, kind: str) -> None:
        super().__init__(message)
        self.kind = kind


class EmptyDocument(CorpusError):
    pass


class NotASpeech(CorpusError):
    """A file that reads but is no speech or notice: refused when given by name, passed over (named, not
    counted as refused) in a folder, where staff keep such files beside their speeches."""


class PictureNotPage(NotASpeech):
    """An image in which OCR finds no sentence, only scattered words and figures: a chart or a photo, not
    a scanned page."""


class ExportedAnswer(NotASpeech):
    """A file speechqa wrote itself (an answer exported to Word, 「讲话检索结果」): its passages are already
    in the library, so adding it would serve each of them twice, cited to the export."""


DAMAGED_ADVICE = "请重新下载或拷贝原文件，如果还能打开，就另存为新文件再添加"


def damaged(reason: str) -> UnreadableFile:
    """The refusal of a file that is damaged or cut short: its one line says what to do, as every
    refusal does (it used to stop at 「…不是有效的 .docx 文件（无法解压）。」, leaving staff guessing)."""
    joint = "；" if "：" in reason else "："  # (「…无法解压：文件已损坏…；请…」, not two colons)
    return UnreadableFile(f"{reason}{joint}{DAMAGED_ADVICE}")


class TooLarge(UnreadableFile):
    """A file past one of the limits that keep a crafted or runaway file from exhausting memory or time."""


_OS_ERRORS = {
    errno.ENOENT: "文件或文件夹不存在",
    errno.EACCES: "没有权限",
    errno.EPERM: "没有权限",
    errno.EROFS: "所在磁盘是只读的",
    errno.ENOSPC: "磁盘空间不足",
    errno.EISDIR: "这是一个文件夹",
    errno.ENOTDIR: "路径中有一段不是文件夹",
    errno.EEXIST: "已经存在",
    errno.ENAMETOOLONG: "文件名太长",
    errno.EDQUOT: "超出磁盘配额",
    errno.EIO: "读写出错（磁盘或网络盘故障）",
}


def describe_os_error(error: OSError) -> str:
    """An operating-system error in Chinese for a user (the English strerror goes to the log, not to them)."""
    return _OS_ERRORS.get(error.errno or -1, f"系统错误 {error.errno}" if error.errno else "系统错误")
