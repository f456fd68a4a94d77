"""Whether the best passage states the detail a question asks, or only talks about its topic (docs/conf65.md).

The confidence reads which of the question's words the best passage shares; a near miss shares them all but one —
the one that makes the question particular: 「活动管**午饭**吗」 of a notice naming no meal, 「**一本**多少钱」 of a
price list with no per-copy price, 「**2023年**的慰问标准」 of the 2024 notice. Three readings, each an experiment
off by default (`RetrieverConfig.detail_absent`) until judged by the rule of `scripts/conf65_detail.py`:

- ``"qualifier"``: the question names a year, or an ordinal of a batch, term or session (第三批, 第五届), that the
  passage as a reader sees it (its heading, words, its speech's title and date) and its neighbours do not hold,
  while the passage states another of the same kind (2024年 where 2023年 was asked; 第二批 where 第三批 was): the
  passage is of another year or batch, not of the one asked.
- ``"peak"``: the question's most specific content word (the highest IDF among the words the coverage weighs) that
  some passage of the library uses is named nowhere in the passage, its heading, its speech's title or the
  passages beside it — neither as asked, nor as one of the library's synonyms of it (the bundled lexicon and the
  user's pairs), nor as a longer word it shortens (医保 of 医疗保险), nor as a figure written otherwise (十八次 for
  18次); and ``"qualifier"``'s reading too. A word no passage of the library uses (the staff's own wording, 一个人住
  where documents say 独居) is never read: it tells nothing against this passage in particular.
- ``"sentence"``: ``"peak"``, the word looked for only in the answer sentence and the sentences beside it (and the
  heading and title): a detail the passage names only in another clause (「午饭」 of a different day's schedule).

The reading can only lower a verdict, by one level (as `answer_type.asked_missing` does; both together lower it
once).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from typing import Literal

from corpus import to_simplified
from index import jieba_cut

from .abstain import Evidence, missing_words, said_otherwise
from .answer_type import shortened_in
from .vocabulary import asking_words

__all__ = ["READINGS", "DetailReading", "absent_details", "contradicted_qualifiers", "specific_word"]

DetailReading = Literal["off", "qualifier", "peak", "sentence"]
READINGS: tuple[DetailReading, ...] = ("qualifier", "peak", "sentence")

# a year (2023年, 二〇二三年) or an ordinal of a batch, term, session or round (第三批, 第5届, 第二期)
_YEAR = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})\s*年")
_ORDINAL = re.compile(r"第\s*([0-9一二三四五六七八九十两]+)\s*(批|届|期|次|轮|季)")
_lock = threading.Lock()
_CN_DIGITS = str.maketrans("〇○零一二三四五六七八九", "00012345678" + "9")


def _years(text: str) -> set[str]:
    folded = text.translate(_CN_DIGITS)
    return set(_YEAR.findall(folded))


def _ordinals(text: str) -> set[tuple[str, str]]:
    numerals = {
        "一": "1",
        "二": "2",
        "两": "2",
        "三": "3",
        "四": "4",
        "五": "5",
        "六": "6",
        "七": "7",
        "八": "8",
        "九": "9",
        "十": "10",
    }
    found = set()
    for number, unit in _ORDINAL.findall(text):
        value = numerals.get(number, number) if len(number) == 1 else number
        found.add((value, unit))
    return found


def contradicted_qualifiers(question: str, texts: Sequence[str]) -> tuple[str, ...]:
    """The years and ordinals (第三批) the question names that none of `texts` holds while one of them states
    another of the same kind (another year; another 批 of the same measure): the passage is of another time or
    batch than asked. Empty when the question names none, or the texts state none of that kind."""
    simple = to_simplified(question)
    joined = " ".join(to_simplified(t) for t in texts)
    found: list[str] = []
    asked_years, stated_years = _years(simple), _years(joined)
    found += [f"{y}年" for y in sorted(asked_years) if y not in stated_years and stated_years]
    asked, stated = _ordinals(simple), _ordinals(joined)
    found += [
        f"第{n}{unit}"
        for n, unit in sorted(asked)
        if (n, unit) not in stated and any(u == unit for _, u in stated)
    ]
    return tuple(found)


def specific_word(evidence: Evidence, ceiling: float) -> str | None:
    """The question's most specific content word some passage uses: the highest IDF below `ceiling` (the IDF of a
    word no passage holds) among the words the coverage weighs; None when there is none."""
    words = missing_words(
        Evidence(
            terms=evidence.terms,
            idf=evidence.idf,
            top_text="",
            passages=evidence.passages,
            question=evidence.question,
        )
    )
    used = [w for w in words if len(w) > 1 and evidence.idf(w) < ceiling - 1e-6 and w not in asking_words()]
    if not used:
        return None
    # the most specific word itself, if it names a particular thing: a verb or an everyday word heading the
    # question's weights says nothing of which detail is asked
    word = used[0]
    return word if names_a_thing(word, evidence.question) and not everyday(word) else None


_THING_TAGS = ("n", "vn", "j")  # jieba's nouns (n, nr, ns, nt, nz…), verbal nouns, abbreviations


def names_a_thing(word: str, question: str) -> bool:
    """Whether jieba tags `word` as a noun (a thing, a place, a group, a verbal noun, an abbreviation) where the
    question says it, or alone when the question's cut holds it inside another word; never a verb, an adverb, a
    pronoun, a numeral or a measure (开始, 一直, 自己, 每月): those frame what is asked, they do not name it."""
    tags = _tags(to_simplified(question).lower())
    flag = tags.get(word.lower())
    if flag is None:
        alone = _tags(word.lower())
        flag = alone.get(word.lower())
    return flag is not None and flag.startswith(_THING_TAGS)


# a word this common in general Chinese (jieba's dictionary frequency: 东西 18,877, 地方 52,641, 电话 8,354, 老人 4,424)
# names no particular detail; 学费 950, 午饭 491, 证书 1,691, 遗属 40 do
EVERYDAY_FREQUENCY = 3000


def everyday(word: str) -> bool:
    """Whether `word` is common in general Chinese (jieba's dictionary frequency at least EVERYDAY_FREQUENCY)."""
    import jieba

    _tags("")  # jieba's default dictionary loaded
    return int(jieba.dt.FREQ.get(word.lower(), 0) or 0) >= EVERYDAY_FREQUENCY


@lru_cache(maxsize=1024)
def _tags(text: str) -> dict[str, str]:
    import jieba
    import jieba.posseg

    jieba.setLogLevel(60)
    with _lock:
        return {pair.word: pair.flag for pair in jieba.posseg.lcut(text)}


def named(
    word: str,
    question: str,
    texts: Iterable[str],
    synonyms: Callable[[str], Iterable[str]],
    own: Callable[[str, Sequence[str]], bool] | None = None,
) -> bool:
    """Whether `word` is named in one of `texts`: as asked, as one of its `synonyms`, as a longer word it shortens,
    (a figure with its unit) as the same value written otherwise, or — `own` given — as `own(word, texts)` reads it
    (a word of the texts saying it in their own words: `near_words.own_words`, 字画 by 书画)."""
    texts = list(texts)
    haystacks = [to_simplified(t).lower() for t in texts]
    variants = (word.lower(), *(to_simplified(s).lower() for s in synonyms(word)))
    if any(v and v in h for v in variants for h in haystacks):
        return True
    if any(said_otherwise(word, question, h) for h in haystacks):
        return True
    if any(shortened_in(word, t) for h in haystacks for t in jieba_cut(h) if len(t) > len(word)):
        return True
    return own is not None and own(word, texts)


def absent_details(
    reading: DetailReading,
    evidence: Evidence,
    ceiling: float,
    passage_texts: Sequence[str],
    sentence_texts: Sequence[str],
    synonyms: Callable[[str], Iterable[str]] = lambda word: (),
    own: Callable[[str, Sequence[str]], bool] | None = None,
) -> tuple[str, ...]:
    """What the question asks that the best passage does not state, under `reading` (empty: nothing, or "off").

    `passage_texts`: the best passage as a reader sees it (heading, words, its speech's title and date) and the
    passages beside it; `sentence_texts`: its answer sentence, the sentences beside it, and the heading and title
    (read by ``"sentence"`` only); `own`, where given, a further test of whether the texts name the detail in their
    own words (`named`)."""
    if reading == "off":
        return ()
    found = list(contradicted_qualifiers(evidence.question, passage_texts))
    if reading == "qualifier":
        return tuple(found)
    word = specific_word(evidence, ceiling)
    where = sentence_texts if reading == "sentence" else passage_texts
    if word is not None and not named(word, evidence.question, where, synonyms, own):
        found.append(word)
    return tuple(found)
