"""Undo the artefacts of PDF-to-text conversion and rebuild paragraphs.

Every rule here is one the seed corpus needs (see shared/corpus-seed/README.md), written generally:
mis-encoded quotes, a mis-encoded character, radicals standing for characters, page markers inside paragraphs, paragraphs joined by a
private-use character, paragraphs broken across pages, stray spaces between Chinese characters.
"""

from __future__ import annotations

import re
import unicodedata

# Radicals where characters belong: the fonts of many Chinese PDFs share one glyph between a common
# character and the radical it looks like and map it to the radical, so text copied or extracted from them
# holds 「⽼⼲部」「⻓期」 (Kangxi radicals U+2F00–U+2FD5, CJK radicals supplement U+2E80–U+2EF3). No office
# text means the radical itself; each is read as the character it looks like — a Kangxi radical by its
# compatibility mapping, a supplement radical drawn as a whole simplified character by the table below.
# One Kangxi radical is drawn by the simplified-Chinese fonts (Noto and Source Han Sans/Serif SC, which
# Chromium, wkhtmltopdf and LibreOffice embed) with the glyph of a character other than its compatibility
# mapping: ⼾ (U+2F3E) is 户's glyph there, its mapping the traditional 戶 — a page Chromium printed read
# 「住戶」「逐戶上门」, and nothing typed matched them (cold25).
RADICALS = (
    {chr(cp): unicodedata.normalize("NFKC", chr(cp)) for cp in range(0x2F00, 0x2FD6)}
    | {"⼾": "户"}
    | dict(
        zip(
            "⺟⺠⻄⻅⻆⻉⻋⻓⻔⻘⻙⻚⻛⻜⻝⻢⻣⻤⻥⻦⻧⻨⻩⻪⻬⻮⻰⻳",
            "母民西见角贝车长门青韦页风飞食马骨鬼鱼鸟卤麦黄黾齐齿龙龟",
            strict=True,
        )
    )
)
_RADICAL_FIXES = str.maketrans(RADICALS)
# U+201A/U+201B are what the converter produced for “ and ”.
# C0 control characters and DEL (but the tab and the line ends and glue handled below) are no text: a PDF whose
# subset font draws its full-width indent with glyph 0 gives 「\x00\x00为展示…」, and passages stored with them
# were empty to every SQLite reader and confused the answer's sentence. Read as the spaces they stand in for.
_CONTROLS = {c: " " for c in (*range(0x00, 0x09), *range(0x0E, 0x1C), 0x1F, 0x7F)}
_CHAR_FIXES = str.maketrans(
    {"\u201a": "“", "\u201b": "”", "臵": "置", "\u3000": " ", "\u00a0": " "} | _CONTROLS | RADICALS
)
# Characters a converter uses to glue paragraphs together (private-use area, form feed, line separators), and
# the other line ends of Unicode (str.splitlines'): a vertical tab (Word's manual line break, in text copied
# out of Word), NEL (U+0085, text converted from mainframe EBCDIC) and the file/group/record separators.
# A text whose lines ended in NEL was read as one line (title, speaker and date lost); one with vertical
# tabs had its speaker and date run into the title.
_PARAGRAPH_GLUE = re.compile(r"[\ue000-\uf8ff\f\v\x1c-\x1e\x85\u2028\u2029]")
# "— 12 —", "- 3 -", "－ 7 －": a page number between dashes, standing alone between spaces.
_PAGE_MARKER = re.compile(
    r"(?:^|(?<=\s)|(?<=[\u3000-\u303f\uff00-\uffef]))[—–－-]{1,2}\s*\d{1,4}\s*[—–－-]{1,2}(?=\s|$)"
)
# Han characters, for a regex character class: the unified ideographs with Extension A (㐀–䶿, rare
# characters in names: 刘䶮), the compatibility ideographs and the supplementary planes (Extension B on:
# 𠮷). Every Han class in corpus/ is built from it.
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_CJK = HAN + r"\u3000-\u303f\uff00-\uffef“”‘’《》（）…—"
_SPACE_IN_CJK = re.compile(rf"(?<=[{_CJK}])\s+(?=[{_CJK}])")
_LETTER_SPACED = re.compile(rf"[{_CJK}](?: [{_CJK}])+")
_SPACE_AFTER_DIGIT = re.compile(rf"(?<=[0-9A-Za-z%×])\s+(?=[{_CJK}])|(?<=[{_CJK}])\s+(?=[0-9A-Za-z×])")
# Punctuation typed in English mode after a Chinese character (「生活困难的退休干部每人1000元.慰问金……」,
# 「联系人:李明」) stands for the Chinese mark: a 「.」 there ends a sentence, unless it follows a numeral
# heading's number (「一.慰问对象」). After a digit or a Latin letter it stays (「1.5」「9:30」「No.」).
_AFTER_CHINESE = rf"(?<=[{HAN}”’）》」』])"
_ASCII_MARK = re.compile(rf"{_AFTER_CHINESE}(?:[,;:?!]|\.(?=$|\s|[{HAN}“‘（《「『]))")
_FULL_WIDTH = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", ".": "。"}
_NUMERAL_MARK = re.compile(r"\s*[一二三四五六七八九十]{1,3}")
# A paragraph is complete when it ends with one of these (closing quotes and brackets included).
_TERMINAL = "。！？；：…!?;:”’）)》」』】"


def split_lines(text: str) -> list[str]:
    """Normalise line ends and paragraph glue, and return the raw lines (unstripped, unfiltered)."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.translate(_RADICAL_FIXES)
    text = _PARAGRAPH_GLUE.sub("\n", text)
    return text.split("\n")


def clean_line(line: str) -> str:
    """Clean one line: fix characters, drop page markers, remove spaces that Chinese does not use."""
    line = line.translate(_CHAR_FIXES)
    line = _PAGE_MARKER.sub(" ", line)
    line = re.sub(r"[ \t]+", " ", line).strip()
    line = _SPACE_IN_CJK.sub("", line)
    line = _SPACE_AFTER_DIGIT.sub("", line)
    return _ASCII_MARK.sub(lambda m: _chinese_mark(m, line), line) if _ASCII_MARK.search(line) else line


def _chinese_mark(mark: re.Match[str], line: str) -> str:
    if mark[0] == "." and _NUMERAL_MARK.fullmatch(line[: mark.start()]):
        return "."  # 「一.慰问对象」: a heading's number
    return _FULL_WIDTH[mark[0]]


# Emoji (pictographs, with their variation selectors, joiners and skin tones) closing a paragraph, as
# articles and messages written on a phone end a sentence with 「👏」 or 「🌱」 instead of 「。」.
_CLOSING_EMOJI = re.compile(
    "[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\ufe0f\u200d\U0001f3fb-\U0001f3ff]+$"
)


def is_complete(paragraph: str) -> bool:
    """Whether a paragraph ends like a finished sentence (else it runs on in the next line): with a
    sentence's closing mark, or with emoji after its words (「欢迎老同志们报名参加👏」)."""
    return paragraph.endswith(tuple(_TERMINAL)) or bool(
        _CLOSING_EMOJI.search(paragraph) and _CLOSING_EMOJI.sub("", paragraph)
    )


def clean_title(line: str) -> str:
    """Titles keep a single space where one separates two halves; everything else as clean_line."""
    line = line.translate(_CHAR_FIXES)
    line = _PAGE_MARKER.sub(" ", line)
    # 「关于做好 2024 年…」: pdftotext and OCR set digits apart from Chinese; a title does not.
    line = _SPACE_AFTER_DIGIT.sub("", re.sub(r"\s+", " ", line).strip())
    # 「会 议 纪 要」「通　知」: a short title spaced out character by character is one word, not halves
    return line.replace(" ", "") if _LETTER_SPACED.fullmatch(line) else line
