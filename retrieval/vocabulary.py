"""Query-side word lists: question words dropped from the lexical search, synonyms added to it.

Both ship as data files in retrieval/data/ (question_words.txt is derived from data by
scripts/derive_question_words.py; synonyms.txt is a hand-kept domain lexicon) and users extend the
synonyms in their data home (`speechqa synonyms add`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from index import STOPWORDS

# How a question asks, not what about — one list for every reader: left out where a question's topic
# words are compared (pins), its one-character words read (answer sentence), its words looked up as typos,
# its words counted as missing from a passage (`asks_only_how`), and read to tell a question from chatter.
# The interrogatives (a closed class of the language); the colloquial 啥 (什么) and 咋 (怎么) — 啥 is a
# question word derived from the staff's questions (retrieval/data/question_words.txt: in 11 of 125, in
# none of 600 passage sentences); and a verb asked yes-or-no by repeating it around 不 or 没 (能不能, 是不是,
# 有没有, 收不收, 管不管饭, 交没交, 同意不同意) — one open form, not a list of its verbs. A document says
# 不接受组照, never 收不收; 不 inside a word (不同, 不得, 不管多大年纪) is no repeated verb and is not matched.
# 可不可以 is listed whole, before the form, so its 以 goes with it.
# 多远 asks how far as 多久 asks how long: no passage says it (「全程有多远」 → 「全程约5.6公里」, docs/asks44.md).
# The repeated verb is a named group (the back-reference needs one): `INTERROGATIVE.split` returns it
# between the pieces — read only the pieces' first ([0]), or use `finditer` spans.
_A_NOT_A = r"(?P<verb>[\u3400-\u9fff]{1,2})[不没](?P=verb)"
INTERROGATIVE = re.compile(
    r"什么样|什么|哪一?些|哪一?个|哪几|哪位|哪里|哪儿|哪一?年|哪一?天|哪|怎么样|怎么|怎样|如何|多少|多久|多长|多远|几|谁"
    r"|为什么|为何|为啥|是否|能否|可不可以|可否|啥|咋"
    rf"|{_A_NOT_A}"
    r"|吗|呢|吧"
)


def question_form_spans(question: str) -> list[tuple[int, int]]:
    """Where the question says how it asks (INTERROGATIVE), not what about."""
    return [m.span() for m in INTERROGATIVE.finditer(question)]


def asks_only_how(term: str, question: str = "") -> bool:
    """Whether a content word of the question only says how it asks: it holds an interrogative (几点, 啥时候,
    咋办, 收不收), or is a piece of one of the question's yes-or-no forms holding its 不 or 没 (不管 of
    管不管饭). The repeated verb itself (报名 of 报名不报名) is what is asked about."""
    if INTERROGATIVE.search(term):
        return True
    return bool(set(term) & set("不没")) and any(
        term in question[start:end] for start, end in question_form_spans(question)
    )


# Grammar characters: the one-character function words (STOPWORDS: 的, 了, 在, 有, 能, 要, 我, 吗 …) and the
# general classifiers (个, 些: 这个, 一些), which the stop words hold only inside longer words.
GRAMMAR_CHARS = frozenset(w for w in STOPWORDS if len(w) == 1) | frozenset("个些")
# What a word jieba guessed may have glued to its edge besides: those, and the modal verbs 会 and 想 (as 能 and
# 要 are): 「老年卡能借给老伴用吗」 is cut 卡能, 「违规拿了钱会怎么处理」 钱会, 「我能认领两块地吗」 我能.
_GLUE = GRAMMAR_CHARS | frozenset("会想")


def unglued(word: str) -> str:
    """The word without the grammar characters at its edges (卡能 → 卡, 能领 → 领, 我能 → ""): what is left of a
    word jieba guessed by gluing a function word to its neighbour."""
    start, end = 0, len(word)
    while start < end and word[start] in _GLUE:
        start += 1
    while end > start and word[end - 1] in _GLUE:
        end -= 1
    return word[start:end]


# When the asker heard or read it, counted from the day of asking (「上个月讲话里提到的…」「前几天的通知」): a
# document never says of itself that it was last month's, so these are no words the answer lacks. 今年 and
# 去年 are not among them: documents say them of their own year (「今年要研究三个问题」), and questions echo
# them so in every earlier set; 最近 and 近期 neither (「近期我市持续高温」).
_WHEN_ASKED = re.compile(
    r"上个?月|这个?月|本月|上个?星期|上周|这个?星期|这周|本周|(?<!提)前(?:几|两|些)天|前阵子|前段时间|上次|上回|刚才"
)


def says_when_asked(term: str, question: str) -> bool:
    """Whether a content word of the question is a piece of a time counted from the day of asking
    (上个月, its 上个), not what is asked about."""
    return any(term in m.group() for m in _WHEN_ASKED.finditer(question))


# The courtesies staff open or close a question with (「您好，请问…」「…麻烦查下，谢谢」): no document says them to
# its reader, so a passage lacking them lacks nothing asked (docs/asks43.md). 请问 and 一下 are stop words already.
POLITE = frozenset("您好 你好 谢谢 多谢 劳驾 打扰".split())


def only_courtesy(term: str) -> bool:
    """Whether a content word of the question is only a courtesy (您好, 谢谢): it asks nothing."""
    return term in POLITE


# Words that frame what is asked without naming it, which no document writes (in none of the 1,341 passages of our
# libraries; docs/asks40.md): a time placed before or after another (「搬到外地之前要填什么表」「什么时候之前要报」
# — documents write 前 and 后: 「移居外地前」「11月25日前」; the stop words hold 以后 and 今后, not these), and a
# document's saying what is asked (「讲话里提到的…」 — the stop words hold 提了, 说, 讲 and 提, not these).
_FRAMING = frozenset("之前 以前 之后 提到 讲到 谈到 提及".split())
# And the start of a time asked (「几点开始」「什么时候开始施行」): the answer is the time, which a document gives
# with 起 or alone (「自2026年10月1日起施行」「时间：…上午9时30分」); 开始 elsewhere (「开始报名」) is what is asked.
_STARTS_WHEN = re.compile(r"(?:几点|几时|几号|哪天|哪一天|什么时候|啥时候|什么时间|哪年|几月)开始")


def only_frames(term: str, question: str) -> bool:
    """Whether a content word of the question only frames what is asked (之前, 提到; 开始 after a time asked,
    「几点开始」): where no passage holds it, it is no word the answer lacks (abstain._weights)."""
    if term in _FRAMING:
        return True
    return term == "开始" and _STARTS_WHEN.search(question) is not None


# A deadline asked (「报名截止到哪天」「报名截止」「截止日期」) — not a time counted to (「截止去年底的人数」) — is
# what a notice writes as a day followed by 前 (「请于4月7日前将报名表报送…」「每年10月15日前报名」): that day
# states the deadline, and 截止 is no word the passage lacks (abstain.held; docs/asks42.md).
_DEADLINE = frozenset(("截止", "截至"))
_COUNTED_TO = re.compile(
    r"(?:截止|截至)\s*(?:到|至)?\s*(?:去年|今年|前年|上年|本年|当年|[0-9０-９〇零一二三四五六七八九十]+\s*[年月日号]|年底|年末|目前|现在|当前|今天|目前为止)"
)
_BY_DAY = re.compile(
    r"(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*[日号]\s*(?:前|以前|之前)"
    r"|(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(?:底|末)?\s*(?:前|以前|之前)"
)


def deadline_by_day(term: str, question: str, text: str) -> bool:
    """Whether a content word of the question asks a deadline (截止, 截至, not 「截止去年底」) that the text
    states as a day followed by 前 (「4月7日前」, 「10月底前」)."""
    return term in _DEADLINE and not _COUNTED_TO.search(question) and _BY_DAY.search(text) is not None


def _data_lines(name: str) -> list[str]:
    text = (files("retrieval") / "data" / name).read_text(encoding="utf-8")
    return [line.split("#", 1)[0].strip() for line in text.splitlines() if line.split("#", 1)[0].strip()]


@cache
def question_words() -> frozenset[str]:
    """Tokens (characters and bigrams, as the lexical index cuts text) that mark a question, not its topic."""
    return frozenset(line.split()[0] for line in _data_lines("question_words.txt"))


@cache
def asking_words() -> frozenset[str]:
    """Words (as `index.query_terms` cuts a question) that say how or of what a question asks, not what about
    (一共, 要交): derived from data by scripts/derive_asking_words.py, read by `asked_kind`."""
    return frozenset(line.split()[0] for line in _data_lines("asking_words.txt"))


@dataclass(frozen=True)
class Lexicon:
    """Groups of words asked interchangeably. A query holding one member is expanded with the others."""

    groups: tuple[frozenset[str], ...]

    def expansions(self, query: str) -> list[str]:
        """The synonyms of the words the query holds, that the query does not hold itself, in a stable order."""
        lowered = query.lower()
        found: dict[str, None] = {}
        for group in self.groups:
            present = [w for w in group if w.lower() in lowered]
            if not present:
                continue
            for word in sorted(group):
                if word.lower() not in lowered and not any(word.lower() in p.lower() for p in present):
                    found.setdefault(word)
        return list(found)

    def with_pairs(self, pairs: Iterable[tuple[str, str]]) -> Lexicon:
        """This lexicon plus user pairs, each a group of two."""
        extra = tuple(frozenset(pair) for pair in pairs if pair[0] != pair[1])
        return Lexicon(self.groups + extra) if extra else self

    def pairs_of(self, word: str) -> list[str]:
        return sorted({w for g in self.groups if word in g for w in g} - {word})


@cache
def bundled_lexicon() -> Lexicon:
    return Lexicon(
        tuple(frozenset(line.split()) for line in _data_lines("synonyms.txt") if len(line.split()) > 1)
    )


@dataclass(frozen=True)
class Thesaurus:
    """A general thesaurus read word by word (retrieval/data/cilin.txt, derived from HIT's 同义词词林扩展版 by
    scripts/derive_cilin.py): each word's synonyms, the union of the groups holding it. Unlike a `Lexicon`,
    a question's word is looked up whole (a jieba word of it), never found inside a longer one."""

    synonyms: Mapping[str, tuple[str, ...]]

    @classmethod
    def of_groups(cls, groups: Iterable[Iterable[str]]) -> Thesaurus:
        found: dict[str, dict[str, None]] = {}
        for group in groups:
            words = list(dict.fromkeys(group))
            for word in words:
                found.setdefault(word, {}).update(dict.fromkeys(w for w in words if w != word))
        return cls({word: tuple(others) for word, others in found.items() if others})

    def of(self, word: str) -> tuple[str, ...]:
        """The word's synonyms, in the thesaurus's order (none for a word it lacks)."""
        return self.synonyms.get(word, ())

    def __len__(self) -> int:
        return len(self.synonyms)


@cache
def bundled_thesaurus() -> Thesaurus:
    """retrieval/data/cilin.txt (scripts/derive_cilin.py); an empty thesaurus when the file is not there (a
    build that leaves it out searches as if `cilin_weight` were 0)."""
    if not (files("retrieval") / "data" / "cilin.txt").is_file():
        return Thesaurus({})
    return Thesaurus.of_groups(line.split() for line in _data_lines("cilin.txt"))
