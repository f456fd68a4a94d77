"""A .zip archive of documents — a notice's attachments mailed as one file, a folder sent from an OA system
or a phone — read as a folder is: its members in the archive's order, their names decoded as their maker
wrote them, the archive checked whole before any member is read, each supported member then read as a
file of its own (`read_bytes`) and cited as 「附件.zip › 通知/关于….docx」.

Names: a zip records a name as UTF-8 only when its maker sets the UTF-8 flag (general purpose bit 11,
APPNOTE.TXT 4.4.4 and appendix D); Windows' 「发送到 › 压缩(zipped)文件夹」 and most Chinese tools write the
bytes of the system's code page (GBK, cp936) without it, and Python reads such a name as cp437. The raw
bytes are taken back and decoded as one of UTF-8, GB18030 (GBK's superset) or Big5 — the order
`readable_name` tries for a name on disk — for the whole archive at once (one maker wrote them all), the one
whose reading is made of the characters names are made of; a GBK name is often valid UTF-8 too (「通知」,
CD A8 D6 AA, reads as 「֪ͨ」), so validity alone does not decide.

Safety: the same limits as a .docx or .odt (`corpus.zipped`: 200 MB inflated in all, 200 times the
archive's size), a member's size as for a file added alone (`size_refusal`) and 200 times its compressed
size past 1 MB, at most MAX_MEMBERS entries. Nothing is written to disk: a name pointing outside the
archive (「../」, 「/etc/…」, 「C:\\…」) is passed over by name, not followed. An archive inside the archive is
named, not opened (one level: it may be the archive of an archive of …). Encrypted members are refused
with what to do. `.rar` and `.7z` are not read: no reader of them is installed.

A mailbox file (.mbox: a Thunderbird or Evolution local folder, a Gmail Takeout export, what Python's
`mailbox.mbox` writes — RFC 4155's 「From 」 line before each message, mboxrd's or mboxo's 「>From 」 quoting, CRLF
or LF) is opened the same way (`open_mbox`): each message a member, read as the same message saved alone as an
.eml is, cited 「收件箱.mbox › 关于…的通知.eml」 by its subject, as a zip's member is by its name. A message whose
Message-ID an earlier one has is passed over (the same mail filed twice); two mails with one subject are told
apart by a number (「…（2）.eml」). Limits: the file MAX_INFLATED (200 MB, as a zip's inflated whole), a message
as a file added alone (`size_refusal`), at most MAX_MEMBERS messages."""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath

from .errors import TooLarge, UnreadableFile, damaged
from .formats import (
    SUPPORTED_FORMATS,
    SUPPORTED_SUFFIXES,
    SYSTEM_FILE_NAMES,
    is_archive,
    is_office_lock_file,
    shortcut_advice,
    size_refusal,
)
from .records import Document
from .zipped import MAX_INFLATED, MAX_RATIO, refuse_zip_bomb

__all__ = [
    "MAX_MEMBERS",
    "MEMBER_MARK",
    "THUNDERBIRD_INDEX",
    "Archive",
    "Member",
    "archive_of",
    "is_empty_mail_folder",
    "is_mail_folder",
    "is_mbox",
    "is_zip",
    "member_path",
    "open_mbox",
    "open_zip",
    "opens_as_folder",
]

MEMBER_MARK = " › "  # between an archive and a member's path inside it, in a citation and a stored path
MAX_MEMBERS = 2000  # entries (files and folders): a mailed zip of notices holds tens
RATIO_FLOOR = 1024 * 1024  # a member's own ratio is checked past this size (a small text compresses well)
_UTF8_FLAG = 0x800
_ENCRYPTED = 0x1
# the characters file names are made of, in any Chinese office: ASCII, CJK ideographs and their punctuation,
# full-width forms, general punctuation, enclosed and circled numbers, Roman numerals, the middle dot
_NAME_CHARACTERS = re.compile(
    r"[\x20-\x7e\u00b7\u2000-\u206f\u2160-\u217f\u2460-\u24ff\u3000-\u303f\u3200-\u32ff"
    r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]"
)
_NAME_ENCODINGS = ("utf-8", "gb18030", "big5")  # as `readable_name` tries them
# compression methods zipfile does not read (APPNOTE.TXT 4.4.5), by the names archivers show
_METHODS = {6: "Implode", 9: "Deflate64", 93: "Zstandard", 95: "XZ", 98: "PPMd", 99: "AES 加密"}


def is_zip(name: str) -> bool:
    """Whether a file name is a zip archive's (附件.zip): the archive `add` and the bot open."""
    return name.lower().endswith(".zip")


def is_mbox(name: str) -> bool:
    """Whether a file name is a mailbox file's (收件箱.mbox): many mails in one file, opened as an archive is."""
    return name.lower().endswith(".mbox")


# the index Thunderbird keeps beside each local folder (「Inbox.msf」 beside the folder 「Inbox」)
THUNDERBIRD_INDEX = ".msf"


def is_mail_folder(path: Path) -> bool:
    """Whether a file is a Thunderbird local folder: a mailbox file with no extension (「Inbox」, 「已发送」,
    「工作/通知」, 「2035.03」) — its index 「Inbox.msf」 beside it, its first line a 「From 」 line (RFC 4155) with a
    mail's header line under it, or nothing at all (an emptied 「Trash」, 「Unsent Messages」: a mailbox with no
    mail). Any other file with no extension is none (it is refused as before: its format is unknown), a
    text opening 「From 」 with no header under it among them."""
    if path.suffix.lower() in SUPPORTED_SUFFIXES or is_mbox(path.name) or is_zip(path.name):
        return False
    try:
        if not path.is_file() or not path.with_name(path.name + THUNDERBIRD_INDEX).is_file():
            return False
        with path.open("rb") as file:
            head = file.read(4096)
    except OSError:
        return False
    return not head or is_mailbox_head(head)


def is_mailbox_head(head: bytes) -> bool:
    """Whether a file's first bytes are a mailbox's (RFC 4155): a 「From 」 line with a mail's header line under it."""
    first, _, rest = head.partition(b"\n")
    return first.startswith(b"From ") and _HEADER_FIELD.match(rest) is not None


# a mail's header line: a field name (printable ASCII, no colon, no space) and its colon (RFC 5322 2.2)
_HEADER_FIELD = re.compile(rb"[!-9;-~]+:")


def is_empty_mail_folder(path: Path) -> bool:
    """Whether a file is a Thunderbird local folder holding no mail (0 bytes: 「Trash」 once emptied): passed
    over without a word where a folder is added, told 「没有邮件」 when named alone."""
    try:
        return is_mail_folder(path) and path.stat().st_size == 0
    except OSError:
        return False


def opens_as_folder(name: str, path: Path | None = None) -> bool:
    """Whether `add` and the bot open a file of this name as a folder of documents: a .zip or a .mbox, and
    (given its `path`, on disk) a Thunderbird local folder with no extension (`is_mail_folder`)."""
    return is_zip(name) or is_mbox(name) or (path is not None and is_mail_folder(path))


def nested_archive(name: str, inner: str, kind: str | None = None) -> str:
    """Why a zip's member that is an archive itself (「内.zip」, or 「套.docx」 whose bytes are a zip: `kind`,
    the suffix its bytes are read by, to rename it to) is passed over: archives are opened one level deep."""
    rename = f"（改名为 {PurePosixPath(inner).stem}{kind} 后）" if kind else " "
    return f"压缩包中的压缩包只打开一层：请先解压 {name}，再把其中的 {inner}{rename}另行添加。"


def member_path(archive: str, inner: str) -> str:
    """The path (or citation) of a member: the archive's, then its path inside it."""
    return f"{archive}{MEMBER_MARK}{inner}"


def archive_of(path: str) -> str | None:
    """The archive (or mailbox) a stored path names a member of (「/材料/附件.zip › 通知/a.docx」 → 「/材料/附件.zip」,
    「/邮件/收件箱.mbox › 关于…的通知.eml」 → 「/邮件/收件箱.mbox」, 「…/Local Folders/Inbox › 关于…的通知.eml」 →
    「…/Local Folders/Inbox」, 「…/Local Folders/2035.03 › …」 → 「…/Local Folders/2035.03」), else None: the path
    before the first 「 › 」 that can name an archive — a .zip's, a .mbox's, or any name `is_mail_folder` may
    read, whatever dots it holds, a document's suffix (「.docx」) alone ruled out."""
    start = 0
    while (at := path.find(MEMBER_MARK, start)) > 0:
        archive = path[:at]
        name = re.split(r"[/\\]", archive)[-1]
        member = path[at + len(MEMBER_MARK) :]
        if (
            name
            and member
            and (
                is_zip(name) or is_mbox(name) or PurePosixPath(name).suffix.lower() not in SUPPORTED_SUFFIXES
            )
        ):
            return archive
        start = at + len(MEMBER_MARK)
    return None


@dataclass(frozen=True)
class Member:
    """A file in an archive, in its order: its path inside it (folders apart by 「/」), how it is cited, and
    why it is passed over, in a few words (None: a document, to read with `Archive.read`)."""

    inner: str
    shown: str
    passed_over: str | None = None
    position: int = 0  # in the archive's directory


class Archive:
    """An archive opened and checked whole (see `open_zip`, `open_mbox`): its members, and each one's reading."""

    def __init__(
        self,
        name: str,
        members: tuple[Member, ...],
        path: str | None,
        read: Callable[[str, bytes], Document],
        fetch: Callable[[Member], bytes],
    ):
        self.name = name
        self._read = read
        self.members = members
        self._fetch = fetch
        self._path = path

    def read(self, member: Member) -> Document:
        """A member read as a file of its own would be (its refusals naming it by its citation), its path
        the archive's path and its own; a CorpusError when it cannot be."""
        document = self._read(member.shown, self._fetch(member))
        return replace(document, path=member_path(self._path, member.inner) if self._path else None)


def _zip_member(name: str, archive: zipfile.ZipFile, info: zipfile.ZipInfo, member: Member) -> bytes:
    """A zip member's bytes, checked before it is inflated: encryption, its size, its ratio."""
    if info.flag_bits & _ENCRYPTED:
        raise UnreadableFile(
            f"{member.shown} 是加密的（压缩包设了密码），不能读取：请先用密码解压 {name}，再添加解压出的文件"
        )
    if (refusal := size_refusal(member.shown, info.file_size)) is not None:
        raise TooLarge(refusal)
    if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        raise TooLarge(f"{member.shown} 解压后过大，疑似损坏或恶意文件，已拒绝")
    try:
        with archive.open(info) as stream:  # (never more than the size its directory entry says)
            return stream.read()
    except NotImplementedError as e:  # (Windows' compressed folders use Deflate64 for large files)
        method = _METHODS.get(info.compress_type, f"编号 {info.compress_type}")
        raise UnreadableFile(
            f"{member.shown} 用了 speechqa 读不了的压缩方式（{method}）：请先解压 {name}，再添加解压出的文件"
        ) from e
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as e:
        raise damaged(f"{member.shown} 无法解压：压缩包中的这个文件已损坏或不完整") from e


@contextmanager
def open_zip(
    name: str, source: Path | bytes, *, read: Callable[[str, bytes], Document], path: str | None = None
) -> Iterator[Archive]:
    """Open the zip archive `name` (a file, or its bytes) and check it whole, its members to be read with
    `read` (corpus.reader's read_bytes, which `corpus.open_archive` passes: the reader sits above this module,
    as a mail it reads may carry a zip): a CorpusError, with one line saying what to do, when it is damaged or cut short, another format under a .zip name, inflates past the
    limits, holds too many entries, or every document in it is encrypted. Its members are cited as
    「name › inner」; with `path` (the archive's path), a member read is stored under 「path › inner」."""
    size = len(source) if isinstance(source, bytes) else source.stat().st_size
    try:
        archive = zipfile.ZipFile(io.BytesIO(source) if isinstance(source, bytes) else source)
    except (zipfile.BadZipFile, EOFError, ValueError) as e:
        raise _not_a_zip(name, source) from e
    except OSError as e:
        raise _not_a_zip(name, source) from e
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_MEMBERS:
            raise TooLarge(
                f"{name} 中有 {len(infos)} 个文件和文件夹，超过 {MAX_MEMBERS} 个，疑似损坏或恶意文件，已拒绝："
                "如确是资料，请解压后按文件夹添加"
            )
        inflated = sum(info.file_size for info in infos)
        if MAX_RATIO * max(size, 1) >= inflated > MAX_INFLATED:  # large, not a bomb: scans, photos
            raise TooLarge(
                f"{name} 解压后有 {inflated / 1024 / 1024:.0f} MB，超过 {MAX_INFLATED // 1024 // 1024} MB："
                "请先解压，再按文件夹添加解压出的文件"
            )
        refuse_zip_bomb(name, archive, size)
        members = _members(name, infos)
        documents = [m for m in members if m.passed_over is None]
        if documents and all(infos[m.position].flag_bits & _ENCRYPTED for m in documents):
            raise UnreadableFile(
                f"{name} 是加密的压缩包（设了密码），不能读取：请先用密码解压，再添加解压出的文件或文件夹"
            )
        if not documents:
            named = "；".join(f"{m.inner}：{m.passed_over}" for m in members[:5]) + (
                "；…" if len(members) > 5 else ""
            )
            said = f"（{named}）" if members else "（是空的）"
            raise UnreadableFile(f"{name} 中没有可添加的文件{said}：支持 {SUPPORTED_FORMATS}")
        yield Archive(
            name,
            members,
            path,
            read,
            lambda member: _zip_member(name, archive, infos[member.position], member),
        )


def _not_a_zip(name: str, source: Path | bytes) -> UnreadableFile:
    """Why a .zip does not open: another archive under its name, or a zip damaged or cut short."""
    try:
        head = source[:8] if isinstance(source, bytes) else source.open("rb").read(8)
    except OSError:
        head = b""
    if head.startswith(b"Rar!"):
        return UnreadableFile(
            f"{name} 其实是 RAR 压缩包，不是 .zip：speechqa 不能打开 RAR，请先解压，再添加解压出的文件或文件夹"
        )
    if head.startswith(b"7z\xbc\xaf\x27\x1c"):
        return UnreadableFile(
            f"{name} 其实是 7z 压缩包，不是 .zip：speechqa 不能打开 7z，请先解压，再添加解压出的文件或文件夹"
        )
    return damaged(f"{name} 无法解压：压缩包已损坏或不完整（可能没有下载或拷贝完）")


def _members(name: str, infos: list[zipfile.ZipInfo]) -> tuple[Member, ...]:
    """The files of an archive in its order, their names decoded, OS litter left out, and why each that
    is not read is passed over."""
    names = _decoded_names(infos)
    members: list[Member] = []
    seen: set[str] = set()
    for position, (info, inner) in enumerate(zip(infos, names, strict=True)):
        if info.is_dir() or inner.endswith("/"):
            continue
        parts = [part for part in inner.split("/") if part not in ("", ".")]
        if not parts:
            continue
        outside = inner.startswith("/") or re.match(r"^[A-Za-z]:", inner) is not None or ".." in parts
        if not outside and _litter(parts):
            continue
        shown = member_path(name, inner)
        suffix = PurePosixPath(inner).suffix.lower()
        why = None
        if outside:
            why = "路径指向压缩包之外，疑似恶意文件，没有读取"
        elif inner in seen:
            why = "与压缩包中前面的同名文件重复，只读取了前一个"
        elif is_archive(inner) or is_mbox(inner):
            why = nested_archive(name, parts[-1])
        elif suffix == ".ppt":
            why = "旧版 PowerPoint 演示文稿，请另存为 .pptx 后再添加"
        elif (advice := shortcut_advice(inner)) is not None:
            why = f"是快捷方式，不是文档本身：{advice}"
        elif suffix not in SUPPORTED_SUFFIXES:
            why = "不支持这种文件类型"
        seen.add(inner)
        members.append(Member(inner, shown, why, position))
    return tuple(members)


def _litter(parts: list[str]) -> bool:
    """Whether a member is what a system leaves in archives, not a document: macOS's __MACOSX/ folder and
    its ._ files, hidden files (.DS_Store), Word's lock files (~$…), Windows' Thumbs.db and desktop.ini."""
    return (
        parts[0] == "__MACOSX"
        or any(part.startswith(".") for part in parts)
        or is_office_lock_file(parts[-1])
        or parts[-1].lower() in SYSTEM_FILE_NAMES
    )


def _decoded_names(infos: list[zipfile.ZipInfo]) -> list[str]:
    """Each entry's name as its maker wrote it, with 「/」 between folders (an old Windows tool's 「\\」 too):
    flagged UTF-8 as it is, the rest taken back to their bytes and decoded in the one encoding that reads
    them all most plausibly (see the module's docstring)."""
    raw = {
        n: info.filename.encode("cp437")
        for n, info in enumerate(infos)
        if not info.flag_bits & _UTF8_FLAG and not info.filename.isascii()
    }
    encoding = _names_encoding(list(raw.values()))
    names = []
    for n, info in enumerate(infos):
        name = info.filename
        if n in raw:
            name = _decoded(raw[n], encoding)
        names.append(name.replace("\\", "/"))  # (a GBK trail byte 5C is inside its decoded character)
    return names


def _decoded(name: bytes, encoding: str | None) -> str:
    """A name in the archive's encoding; when no one encoding reads every name, in the first that reads
    it, else with each undecodable byte as \\xNN (as `readable_name` shows one)."""
    for candidate in (encoding,) if encoding else _NAME_ENCODINGS:
        try:
            return name.decode(candidate)
        except UnicodeDecodeError:
            continue
    return name.decode("utf-8", errors="backslashreplace")


def _names_encoding(names: list[bytes]) -> str | None:
    """The encoding all these names decode in with the fewest characters no file name is made of (the
    first, in `_NAME_ENCODINGS`' order, on a tie); None when none decodes them all."""
    best: tuple[int, str] | None = None
    for encoding in _NAME_ENCODINGS:
        try:
            texts = [name.decode(encoding) for name in names]
        except UnicodeDecodeError:
            continue
        odd = sum(len(text) - len(_NAME_CHARACTERS.findall(text)) for text in texts)
        if best is None or odd < best[0]:
            best = (odd, encoding)
    return best[1] if best else None


# --- a mailbox file (.mbox) -------------------------------------------------------------------------

_FROM_LINE = (
    b"From "  # RFC 4155: the line opening each message (「From - Mon Mar 03 …」, 「From MAILER-DAEMON …」)
)
_QUOTED_FROM = re.compile(rb"^>+From ")  # mboxrd's (and mboxo's) quoting of a body line opening 「From 」
_MAIL_HEADER = re.compile(
    rb"^(?:From|To|Subject|Date|Message-ID|Received|Return-Path)\s*:", re.IGNORECASE | re.M
)
_SUBJECT_WIDTH = 80  # characters of a subject a citation shows


def mbox_messages(data: bytes) -> list[bytes] | None:
    """The messages of a mailbox file, each as the same message saved alone as an .eml holds it: split at
    every line opening 「From 」 (as Python's `mailbox.mbox`, Thunderbird and mutt split), one 「>」 taken off a
    body line quoted 「>From 」 (mboxrd; in mboxo only 「From 」 is quoted, so the same undoes it), the blank line
    the writer puts between messages dropped; line ends (CRLF or LF) as written. None when the file does not
    open with a 「From 」 line (blank lines before it allowed): no mailbox."""
    messages: list[list[bytes]] = []
    for line in io.BytesIO(data):
        if line.startswith(_FROM_LINE):
            messages.append([])
        elif not messages:
            if line.strip():
                return None
        else:
            messages[-1].append(line[1:] if _QUOTED_FROM.match(line) else line)
    found = []
    for lines in messages:
        if lines and not lines[-1].strip() and len(lines) > 1:
            lines = lines[:-1]  # the separating blank line, the writer's, not the message's
        found.append(b"".join(lines))
    return found


def _mbox_members(name: str, messages: list[bytes]) -> tuple[Member, ...]:
    """Each message as a member named by its subject (「关于…的通知.eml」; 「（无主题）.eml」; a second mail of one
    subject 「…（2）.eml」), one whose Message-ID an earlier message has passed over."""
    import email
    import email.policy

    members: list[Member] = []
    ids: set[str] = set()
    used: dict[str, int] = {}
    for position, message in enumerate(messages):
        try:
            head = email.message_from_bytes(message, policy=email.policy.default)
            subject = " ".join(str(head.get("Subject") or "").split())
            message_id = " ".join(str(head.get("Message-ID") or "").split())
        except (ValueError, TypeError, LookupError, IndexError):  # a header the email package cannot parse
            subject, message_id = "", ""
        subject = (subject or "（无主题）").replace("/", "／")
        if len(subject) > _SUBJECT_WIDTH:
            subject = subject[: _SUBJECT_WIDTH - 1] + "…"
        used[subject] = used.get(subject, 0) + 1
        inner = f"{subject}.eml" if used[subject] == 1 else f"{subject}（{used[subject]}）.eml"
        why = None
        if not message.strip():
            why = "是空的"
        elif message_id and message_id in ids:
            why = "与邮箱中前面的一封邮件是同一封（Message-ID 相同），只读取了前一封"
        if message_id:
            ids.add(message_id)
        members.append(Member(inner, member_path(name, inner), why, position))
    return tuple(members)


@contextmanager
def open_mbox(
    name: str, source: Path | bytes, *, read: Callable[[str, bytes], Document], path: str | None = None
) -> Iterator[Archive]:
    """Open the mailbox file `name` (a file, or its bytes) and check it whole, each message then to be read
    with `read` as an .eml (see the module's docstring): a CorpusError, with one line saying what to do, when
    it is larger than MAX_INFLATED, holds no 「From 」 line (another file, or one mail saved under a .mbox
    name), no message, or more than MAX_MEMBERS of them. Its members are cited 「name › subject.eml」; with
    `path`, a message read is stored under 「path › subject.eml」."""
    size = len(source) if isinstance(source, bytes) else source.stat().st_size
    if size > MAX_INFLATED:
        raise TooLarge(
            f"{name} 有 {size / 1024 / 1024:.0f} MB，超过 {MAX_INFLATED // 1024 // 1024} MB：请在邮件程序中把要添加的"
            "邮件选出来另存为 .eml（或移到一个小些的文件夹再导出），再添加"
        )
    data = source if isinstance(source, bytes) else source.read_bytes()
    messages = mbox_messages(data)
    if messages is None:
        one = _MAIL_HEADER.search(data[:4096]) is not None
        raise UnreadableFile(
            f"{name} 不是有效的邮箱文件（.mbox）：开头没有「From 」分隔行"
            + ("，看来是单封邮件：请把扩展名改为 .eml 再添加" if one else "，可能是别的格式改了扩展名")
        )
    if len(messages) > MAX_MEMBERS:
        raise TooLarge(
            f"{name} 中有 {len(messages)} 封邮件，超过 {MAX_MEMBERS} 封：请在邮件程序中把要添加的邮件另存为 .eml，"
            "或分成几个文件夹导出，再添加"
        )
    members = _mbox_members(name, messages)
    if not any(member.passed_over is None for member in members):
        raise UnreadableFile(f"{name} 中没有邮件（邮箱是空的）：请在邮件程序中确认导出的文件夹里有邮件")

    def fetch(member: Member) -> bytes:
        message = messages[member.position]
        if (refusal := size_refusal(member.shown, len(message))) is not None:
            raise TooLarge(refusal)
        return message

    yield Archive(name, members, path, read, fetch)
