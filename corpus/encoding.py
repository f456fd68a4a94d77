"""Plain-text encodings, verified rather than assumed.

A Chinese text file may be UTF-8, UTF-16 (with or without a byte-order mark), GBK/GB18030 or Big5.
GB18030 decodes nearly any byte string, so "it decoded" proves nothing: every candidate decoding is
scored by how plausible it is as Chinese (the share of its characters that are common simplified or
traditional characters, punctuation or ASCII), and the best plausible one wins. When none is
plausible the file is refused, naming the encodings that were tried.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from functools import lru_cache

from .boxtables import framed as box_framed
from .boxtables import is_box
from .clean import RADICALS
from .errors import UnreadableFile

log = logging.getLogger(__name__)

# A decoding is accepted when at least this share of its visible characters is ordinary text.
MIN_PLAUSIBILITY = 0.85
_PUNCTUATION = set("，。、；：？！“”‘’（）《》〈〉【】「」『』—…·～—－％＋＝〔〕［］｛｝／\u3000")
# The symbol blocks Chinese text uses beside its characters: valid UTF-8 made of CJK characters and the signs
# of these blocks that GBK's or Big5's symbol rows hold is UTF-8 (「①…」「37.5℃」「№3」「㎡」「Ⅲ」「★」); the
# blocks' other signs (☬, ⛗, ㌃) are what GBK bytes read as UTF-8 decode to, never Chinese text
_SYMBOL_BLOCKS = (
    (0x2000, 0x206F),  # General Punctuation: ‰ ※ ‖ ′ ″ • …
    (0x2100, 0x218F),  # Letterlike Symbols, Number Forms: ℃ № ℡ Ⅰ Ⅱ ⅰ
    (0x2190, 0x22FF),  # Arrows, Mathematical Operators: → ↑ ≤ ≥ ∶ ∵ √ ∞
    (0x2460, 0x24FF),  # Enclosed Alphanumerics: ① ⑴ ⒈ ⓐ
    (
        0x25A0,
        0x26FF,
    ),  # Geometric Shapes, Miscellaneous Symbols: ■ □ ▲ ○ ● ★ ☆ (box drawing left out: ┽ is GBK misread)
    (0x2E80, 0x2FDF),  # CJK Radicals Supplement, Kangxi Radicals
    (0x3000, 0x303F),  # CJK Symbols and Punctuation: 〇 〃 〔 〕 〖 〗
    (0x3100, 0x312F),  # Bopomofo: ㄅ ㄆ
    (0x3190, 0x31EF),  # Kanbun, Bopomofo Extended, CJK Strokes
    (0x3200, 0x33FF),  # Enclosed CJK Letters and Months, CJK Compatibility: ㈠ ㊣ ㎡ ㎏ ㏄
    (0xFE10, 0xFE1F),  # Vertical Forms
    (0xFE30, 0xFE6F),  # CJK Compatibility Forms, Small Form Variants: ︵ ﹏
    (0xFF00, 0xFFEF),  # Halfwidth and Fullwidth Forms: ＡＢ１２（）
)
_LATIN_SYMBOLS = set("°±×÷·§¥")  # the Latin-1 signs GB 2312 holds too: 「25°」「3×4」「阿依古丽·吐尔逊」
_NAMES = {
    "utf-8": "UTF-8",
    "utf-8-sig": "UTF-8",
    "utf-16": "UTF-16",
    "utf-16-le": "UTF-16LE",
    "utf-16-be": "UTF-16BE",
    "gb18030": "GB18030",
    "big5": "Big5",
    "hz": "HZ-GB-2312",
}


@lru_cache(maxsize=1)
def common_characters() -> frozenset[str]:
    """The frequent characters of both scripts: GB2312 level 1 (3,755) and Big5 常用字 (5,401)."""
    chars: set[str] = set()
    for lead in range(0xB0, 0xD8):  # GB2312 level 1: rows 16–55
        for trail in range(0xA1, 0xFF):
            try:
                chars.add(bytes([lead, trail]).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    for lead in range(0xA4, 0xC7):  # Big5 frequently used characters: A440–C67E
        for trail in [*range(0x40, 0x7F), *range(0xA1, 0xFF)]:
            if lead == 0xC6 and trail > 0x7E:
                break
            try:
                chars.add(bytes([lead, trail]).decode("big5"))
            except UnicodeDecodeError:
                continue
    return frozenset(chars)


def plausibility(text: str) -> float:
    """Share of visible characters that are ordinary Chinese text: common CJK, punctuation, ASCII — and
    the box-drawing characters of a table drawn in text (a line they frame: `corpus.boxtables.framed`)."""
    common = common_characters()
    visible = good = 0
    for line in text.splitlines():
        framed = box_framed(line)
        for ch in line:
            if ch.isspace():
                continue
            visible += 1
            # a radical standing for a common character (text copied out of some PDFs: 「⽼⼲部」) is as ordinary
            ordinary = ch in common or RADICALS.get(ch) in common or ch in _PUNCTUATION or " " < ch <= "~"
            full_width = "\uff01" <= ch <= "\uff5e"
            if ordinary or full_width or unicodedata.category(ch).startswith("P") or (framed and is_box(ch)):
                good += 1
    return good / visible if visible else 0.0


def decode_text(name: str, data: bytes) -> tuple[str, str]:
    """Decode a text file; return (text, encoding). Refuse with the guesses tried when none is plausible."""
    if data.startswith(b"\xef\xbb\xbf"):
        candidates = ["utf-8-sig"]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates = ["utf-16"]
    elif b"\x00" in data[:8192]:
        candidates = ["utf-16-le", "utf-16-be"]
    else:
        candidates = ["utf-8", "gb18030", "big5"]
        if (utf8 := _clearly_utf8(data)) is not None:
            return utf8, "utf-8"
    if (hz := _hz(data)) is not None:
        return hz, "hz"
    tried: list[str] = []
    best: tuple[float, str, str] | None = None
    for encoding in [*candidates, *_detected(data, candidates)]:
        label = _NAMES.get(encoding, encoding)
        if label not in tried:
            tried.append(label)
        text = _decode(data, encoding)
        if text is None:
            continue
        score = plausibility(text)
        log.debug("%s decoded as %s: plausibility %.3f", name, encoding, score)
        if best is None or score > best[0] + 1e-9:
            best = (score, text, encoding)
        if score >= 0.995:
            break  # nothing can do better than a clean decoding
    if best is None or best[0] < MIN_PLAUSIBILITY:
        if b"\x00" in data[:8192] or _looks_binary(data):
            raise UnreadableFile(f"{name} 不是文本文件（含二进制数据）")
        if (damaged := _damaged_utf8(name, data)) is not None:
            raise damaged
        raise UnreadableFile(f"无法识别文件编码（试过：{'、'.join(tried)}）：{name}，请另存为 UTF-8 后重试")
    score, text, encoding = best
    # a byte-order mark is no text, whatever the encoding: UTF-16's, UTF-8's, and GB18030's (84 31 95 33,
    # which Notepad and some converters write), which decodes to U+FEFF and was read into the title
    text = text.removeprefix("\ufeff")
    if encoding in ("utf-16-le", "utf-16-be"):
        encoding = "utf-16"
    return text, encoding


def _clearly_utf8(data: bytes) -> str | None:
    """The text of bytes that are valid UTF-8 decoding to Chinese, or None to let plausibility decide.
    Valid UTF-8 whose every character beyond ASCII is a CJK character (any block, rare ones too) or CJK
    punctuation is UTF-8 — as a short page or note of rare characters is (「龑䶮、堃喆」): scored by
    plausibility, its rare characters lost to a GB18030 reading of common ones, or it was refused. GBK or
    Big5 bytes that happen to be valid UTF-8 decode to Latin, Greek or Cyrillic letters (「一一」 in GBK, D2 BB
    D2 BB, is UTF-8 「һһ」), which leaves them to plausibility as before; all CJK they decode to in about one
    two-character text in a thousand of random common characters, and in none of eight or more."""
    if data.isascii():
        return None  # ASCII reads the same in every candidate (HZ is told apart by its shape)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if text.startswith("\ufeff") or _looks_binary(data):
        return None
    return text if all(ch.isascii() or _is_cjk(ch) for ch in text) else None


def _is_cjk(ch: str) -> bool:
    """A CJK ideograph (any block: 一, 㐀, 𠀀, the compatibility ones), radical, CJK or full-width punctuation,
    or a sign of the symbol blocks Chinese text uses (①, ℃, №, ㎡, Ⅲ, ★, °…)."""
    name = unicodedata.name(ch, "")
    if name.startswith(("CJK ", "KANGXI RADICAL", "FULLWIDTH ", "IDEOGRAPHIC ")) or ch in _PUNCTUATION:
        return True
    code = ord(ch)
    return ch in _LATIN_SYMBOLS or (
        any(low <= code <= high for low, high in _SYMBOL_BLOCKS) and _in_chinese_encoding(ch)
    )


@lru_cache(maxsize=4096)
def _in_chinese_encoding(ch: str) -> bool:
    """Whether GBK or Big5 holds the character (one of their symbol rows, for a sign)."""
    for codec in ("gbk", "cp950"):
        try:
            ch.encode(codec)
            return True
        except UnicodeEncodeError:
            continue
    return False


def _hz(data: bytes) -> str | None:
    """HZ-GB-2312 (RFC 1843, old e-mail and Usenet texts): 7-bit ASCII where 「~{」 … 「~}」 enclose GB2312
    characters written as ASCII letters. Every HZ file is also valid ASCII, and as ASCII it scores as
    perfectly plausible text, so it is recognised by its shape: ASCII bytes with a 「~{」 shift, whose
    decoding holds Chinese characters and is plausible. The decoded text is returned, else None."""
    if not data.isascii() or b"~{" not in data:
        return None
    text = _decode(data, "hz")
    if text is None or text.isascii() or plausibility(text) < MIN_PLAUSIBILITY:
        return None
    return text


def _damaged_utf8(name: str, data: bytes) -> UnreadableFile | None:
    """The refusal for a UTF-8 file with a few invalid bytes (a damaged copy, two files pasted together):
    it is UTF-8, so 「试过：…」 would mislead; say where the first bad byte is. None when it is not that."""
    try:
        data.decode("utf-8")
        return None
    except UnicodeDecodeError as e:
        first = e.start
    text = data.decode("utf-8", errors="replace")
    bad = len(re.findall("\ufffd+", text)) - data.count("\ufffd".encode())  # runs: one damaged place each
    good = sum(1 for ch in text if ord(ch) > 0x7F and ch != "\ufffd")
    if bad <= 0 or good < 20 * bad or plausibility(text.replace("\ufffd", "")) < MIN_PLAUSIBILITY:
        return None
    line = data[:first].count(b"\n") + 1
    return UnreadableFile(
        f"{name} 是 UTF-8 编码，但有 {bad} 处字节已损坏（第一处在第 {line} 行），为免丢字没有添加；"
        "请打开文件核对该处文字、另存为 UTF-8 后重试"
    )


def _decode(data: bytes, encoding: str) -> str | None:
    codecs = {"big5": ("cp950", "big5hkscs")}.get(encoding, (encoding,))
    for codec in codecs:
        try:
            return data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
    return None


def _detected(data: bytes, already: list[str]) -> list[str]:
    """charset-normalizer's guesses, as further candidates (each verified like the others)."""
    from charset_normalizer import from_bytes

    try:
        matches = from_bytes(data[:200_000])
    except Exception:  # the detector is a heuristic: its failure only means no extra guesses
        log.debug("charset-normalizer failed", exc_info=True)
        return []
    out = []
    for match in list(matches)[:3]:
        encoding = (match.encoding or "").replace("_", "-").lower()
        if encoding in ("gbk", "gb2312", "cp936"):
            encoding = "gb18030"
        elif encoding in ("cp950", "big5hkscs"):
            encoding = "big5"
        if encoding and encoding not in already and encoding not in out:
            out.append(encoding)
    return out


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return controls > len(head) * 0.05
