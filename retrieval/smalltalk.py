"""Recognise messages that ask nothing of the speeches: thanks, greetings, goodbyes, acknowledgements,
emoji, and questions about the tool itself (「你能做什么」, 「怎么用」).

The rule is general, not a list of whole sentences: take away courtesy words, sentence particles,
punctuation, symbols and emoji; when no content is left, the message is small talk. 「谢谢，离休干部体检
规定是什么？」 keeps its question and is searched as usual; 「谢谢您！👍」, 「老师好」 and 「好的收到」 are not. A message of one
character besides punctuation (「房」, 「？好」 is an acknowledgement) asks too little to search for: the reply asks
for the whole question, and it is not logged as a question nobody answered.
A message in another language (no Chinese character, an English word) is not searched either: the library
is Chinese, and the reply asks for the question in Chinese.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

from corpus import to_simplified

SmallTalk = Literal["help", "thanks", "greeting", "farewell", "ack", "not_chinese", "link", "too_short"]

# Courtesy words by the reply they call for; longest first inside each alternation (regex picks the first).
_KINDS: tuple[tuple[SmallTalk, tuple[str, ...]], ...] = (
    (
        # what the tool is and how to use it: only when nothing else is asked (「这笔经费怎么用」 keeps 经费)
        "help",
        (
            "你能做什么",
            "你会做什么",
            "你可以做什么",
            "能做什么",
            "可以做什么",
            "能干什么",
            "能干啥",
            "你会什么",
            "有什么用",
            "有啥用",
            "有什么功能",
            "有哪些功能",
            "怎么用",
            "怎么使用",
            "如何使用",
            "怎样使用",
            "使用方法",
            "使用说明",
            "用法",
            "你是谁",
            "你是什么",
            "帮助",
            "help",
        ),
    ),
    (
        "thanks",
        (
            "非常感谢",
            "太感谢",
            "感谢",
            "多谢",
            "谢谢",
            "谢了",
            "谢啦",
            "辛苦了",
            "辛苦",
            "麻烦了",
            "thanks",
            "thank you",
            "thx",
        ),
    ),
    ("farewell", ("再见", "拜拜", "回头见", "明天见", "晚安", "bye")),
    (
        "greeting",
        (
            "早上好",
            "上午好",
            "中午好",
            "下午好",
            "晚上好",
            "早安",
            "你好",
            "您好",
            "大家好",
            "哈喽",
            "嗨",
            "在吗",
            "在不在",
            "在么",
            "hello",
            "hi",
        ),
    ),
    (
        "ack",
        (
            "不客气",
            "不用谢",
            "好的",
            "好滴",
            "好",
            "好嘞",
            "收到",
            "明白了",
            "明白",
            "知道了",
            "了解了",
            "了解",
            "懂了",
            "没问题",
            "可以",
            "不错",
            "很好",
            "真棒",
            "厉害",
            "点赞",
            "赞",
            "行",
            "对",
            "是的",
            "嗯嗯",
            "嗯",
            "哦",
            "噢",
            "哈哈",
            "呵呵",
            "嘿嘿",
            "ok",
            "okay",
        ),
    ),
)
# Forms of address and softeners that carry no question on their own.
_ADDRESS = (
    "请问",
    "一下",
    "老师",
    "各位",
    "好",
    "同志",
    "领导",
    "师傅",
    "大家",
    "机器人",
    "小助手",
    "助手",
    "您",
    "你",
    "啦",
    "了",
    "啊",
    "呀",
    "呢",
    "吧",
    "哈",
    "嘛",
    "哟",
    "喔",
    "的",
    "非常",
    "太",
    "真",
    "很",
)
_PATTERN = re.compile(
    "|".join(
        re.escape(w)
        for w in sorted({w for _, words in _KINDS for w in words} | set(_ADDRESS), key=lambda w: (-len(w), w))
    ),
    re.IGNORECASE,
)


def _folded(text: str) -> str:
    """The text as the word lists are written: full-width forms folded (NFKC), traditional script in
    simplified (「謝謝」 thanks as 「谢谢」 does, 「還有嗎」 asks for more as 「还有吗」 does)."""
    return to_simplified(unicodedata.normalize("NFKC", text))


_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
_LATIN_WORD = re.compile(r"[A-Za-z]+")


def _not_chinese(text: str) -> bool:
    """Whether a message is written in another language (「what are the rules for health checks」): no
    Chinese character, and a word of three or more letters that is not an acronym, three words or more
    (「WHAT ARE THE RULES」, typed in capitals), or a letter of another script (「안녕하세요」, 「ありがとう」).
    Searched, it would get passages of nothing. 「PDF」, 「APP」 alone, or beside Chinese words
    (「APP怎么下载」), are searched."""
    if _HAN.search(text):
        return False
    words = _LATIN_WORD.findall(text)
    if any(len(w) >= 3 and not w.isupper() for w in words) or sum(len(w) >= 2 for w in words) >= 3:
        return True
    return any(ch.isalpha() and not ch.isascii() for ch in text)


def _is_filler_char(ch: str) -> bool:
    category = unicodedata.category(ch)
    # punctuation, symbols (emoji are So), separators, controls, marks (emoji modifiers), and the
    # zero-width joiner/variation selectors that glue emoji sequences
    return category[0] in "PSZC" or category in ("Mn", "Me", "Sk") or ch in "\u200d\ufe0f"


# A web address or a file's place on a computer pasted as the whole message: what the user wants is that
# document, which the tool cannot fetch or open (「https://www.gov.cn/zhengce/…」, 「C:\\Users\\…\\通知.docx」,
# 「/home/li/通知.pdf」, 「关于做好2025年离休干部体检工作的通知.docx」). A link inside a question leaves words.
_PASTED = re.compile(
    r"(?:https?|ftp|file)://\S*"  # a web (or file) address, to the next space
    r"|www\.[^\s.]+\.\S+"  # www.gov.cn/…
    r"|[A-Za-z]:[\\/][^\n]*"  # a Windows path, spaces and all: C:\Users\…
    r"|\\\\[^\s\\]+\\[^\n]*"  # a network share: \\server\folder\…
    r"|(?:~|\.{1,2})?/[^\s/]+/\S*"  # /home/li/… ~/Desktop/… (two levels at least: not 「/帮助」)
    r"|[^\s\\/:：?？，,。]+\.(?:docx?|wps|odt|rtf|pdf|txt|png|jpe?g|tiff?|xlsx?|pptx?|zip|rar|7z|ofd|html?)",
    re.IGNORECASE,
)
_QUOTES = "\"'“”‘’「」『』《》<>()（）[]【】"


def pasted_link(text: str) -> bool:
    """Whether the message is only web addresses or file paths (and quotes around them): no question."""
    parts = [p.strip(_QUOTES) for p in text.strip().splitlines() if p.strip(_QUOTES + " \t")]
    if not parts:
        return False
    for part in parts:
        rest = _PASTED.sub(" ", part.strip())
        if rest.strip(_QUOTES + " \t"):
            return False
    return True


def small_talk(query: str) -> SmallTalk | None:
    """The kind of small talk the message is, or None when it carries a question (any content left)."""
    # 您 is the polite 你 and part of no other word: 「您是谁」 asks what 「你是谁」 asks
    text = _folded(query).strip().replace("您", "你")
    if not text:
        return None
    if pasted_link(query):
        return "link"
    found: list[SmallTalk] = []

    def take(match: re.Match[str]) -> str:
        word = match.group(0).lower()
        for kind, words in _KINDS:
            if word in words:
                found.append(kind)
        return " "

    rest = _PATTERN.sub(take, text)
    if any(not _is_filler_char(ch) for ch in rest):
        if sum(not _is_filler_char(ch) for ch in text) == 1:  # 「房」, 「房？」: too little to search for
            return "too_short"
        return "not_chinese" if _not_chinese(text) else None
    for kind in ("help", "thanks", "farewell", "greeting", "ack"):
        if kind in found:
            return kind  # type: ignore[return-value]
    if "?" in text:  # 「？？？」 (NFKC: ?): a puzzled user gets how to ask, not 「好的」
        return "help"
    return "ack"  # only emoji, punctuation or softeners: 「👍」「！！」「😊」


REPLIES: dict[SmallTalk, str] = {
    "help": "我在讲话库里查找回答问题的原文段落，注明讲话标题、日期、讲话人和章节，并标出回答问题的那句话（要点）。"
    "直接输入问题即可，例如「离休干部体检规定是什么？」；也可以限定讲话人或年份，例如「沈伟同志2024年讲话中关于老年大学的内容」。",
    "thanks": "不客气！还有问题随时问我。",
    "greeting": "您好！请直接输入要查询的问题，例如「离休干部体检规定是什么？」。",
    "farewell": "再见！有问题随时来问。",
    "ack": "好的。需要查询时，直接输入问题即可。",
    "not_chinese": "讲话库里都是中文讲话，请用中文提问，例如「离休干部体检规定是什么？」。",
    "too_short": "请把问题说得完整一些，例如「离休干部体检规定是什么？」。",
    "link": "我打不开网页链接，也读不到电脑上的文件。要查的文件如果还不在讲话库里，请把文件本身发给管理员添加"
    "（管理员直接把文件发给我即可）；想查其中的内容，请直接用中文提问，例如「离休干部体检规定是什么？」。",
}


# A message that asks for what comes next of the answer just shown (「还有吗」): its next page, not a search
# (the bot: of the answer replied to, or the last shown in the chat; the interactive mode: of the last answer)
MORE_WORDS = frozenset(
    {
        "更多",
        "更多结果",
        "还有",
        "还有吗",
        "还有呢",
        "还有没有",
        "还有别的吗",
        "还有其他的吗",
        "别的呢",
        "其他呢",
        "其他的呢",
        "其它呢",
        "继续",
        "下一页",
        "下页",
        "再来一页",
        "翻页",
        "往下翻",
        "再来",
        "再来点",
        "再多点",
        "再看看",
        "more",
        "next",
    }
)


def asks_for_more(text: str) -> bool:
    """Whether a whole message asks for more of an answer (「还有吗？」, 「更多」, 「下一页」)."""
    return _bare(text) in MORE_WORDS


def _bare(text: str) -> str:
    """A whole message as the paging words are listed: folded to simplified, lower case, without
    punctuation, spaces or emoji."""
    return re.sub(r"[\W_]+", "", _folded(text)).lower()


# A message that asks for the page before the one just shown (the ◀ 上一页 button, typed)
PREVIOUS_WORDS = frozenset(
    {
        "上一页",
        "上页",
        "前一页",
        "往上翻",
        "向上翻",
        "往回翻",
        "翻回去",
        "返回上一页",
        "回到上一页",
        "previous",
        "prev",
    }
)


def asks_for_previous(text: str) -> bool:
    """Whether a whole message asks for the previous page (「上一页」, 「往上翻」, 「上一頁」)."""
    return _bare(text) in PREVIOUS_WORDS
