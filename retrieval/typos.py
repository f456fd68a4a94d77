"""Homophone typos: a question typed with a pinyin input method often holds a wrong character of the same
sound (「双先典形」 for 典型, 「来信来仿」 for 来访, 「政治品值」 for 品质, 「离修干部」 for 离休). Such a
word matches nothing, and the search, the answer sentence and the confidence all suffer from it.

A word of the question is corrected only when everything says it is a typo and what it stands for:

- it is a word jieba had to guess (not in its dictionary), of two to four Chinese characters, with no
  function word, numeral or question word in it, and the library has none of its character pairs;
- changing one of its characters for another that the meant word reads with the typed character's sound
  (any reading of the typed character, tones ignored: 形 xing for 型 of 典型) gives a word the library
  holds — a dictionary word, or a term of the library's own that jieba cuts as a word in its text (银龄
  of 「银龄驿站」 for a typed 银玲) — of several, one its text cuts as a word before one it holds only across
  two words (体检, not 体健 of 「身体健康」, for 体捡), then the one in most passages — and a passage holds
  it together with another word of the question (医养结合 is not read as 颐养 of 颐养天年);
- the character changed is not part of a pair the library holds with its neighbour outside the word
  (「新罗王来」: 王 belongs to 新罗王, so 王来 is not 往来);
- a function character of the word is the typo only under its usual reading (提 ti for 体 of 体检; 是 is
  typed as shi, never as the ti pypinyin also lists: 「报销难是」 is not 难题), and not where the rest of the
  word is text the library holds (「潘淑是谁的皇后」: 是 follows the name 潘淑, and 潘淑时 is not meant);
- it does not start with a localizer that follows a word the library holds (「工作里起什么作用」: 里 places
  工作, and 里起 is not 立起) or a time (「几号前报」: before 几号, not 简报);
- it is not the grammar the question asks with: a function character at its end that makes a question word
  with the character after it (是 of 「工作会是谁批准的」: 是谁 asks; not 会师), a negation right before a
  question form (「不办怎么办」, not 补办), 多 with an adjective of measure (「全程多远」 asks how far, not
  多元); the general classifiers 个 and 些 are function characters (「做个啥样的榜样」 is not 作个);
- it is not a name: not inside a word the caller keeps (the library's speakers: 「汪明同志讲的…」 is
  not read as 王明, and stays a speaker filter), and not right before a form of address (「向亮同志」,
  「汪明局长」: a person, not 响亮 or 王明).

A speaker's name is read the same way: a name typed with one character of the same sound that the library
does not hold anywhere (「沈玮同志讲的…」 where the library's speaker is 沈伟) is read as that speaker, so the
question gets the speaker filter it meant.

Two stricter tiers read slips of another kind, only where the same-sound reading finds nothing for the
word (`near`):

- **fuzzy pinyin (模糊音)**: the sound typed is one an input method's 模糊音 setting confuses with the
  meant one — the initials z/zh, c/ch, s/sh, n/l, f/h, r/l, the finals an/ang, en/eng, in/ing (ian/iang,
  uan/uang with them), one of them in one character (`fuzzy_readings`);
- **look-alike characters (形近字)**, from handwriting or wubi input or OCR'd notes pasted in: the typed
  character stands in one group of retrieval/data/lookalikes.txt with the meant one (derived by
  scripts/derive_lookalikes.py from pycorrector's published same_stroke.txt, Apache-2.0).

Each holds every rule above, and more: no function character in the word, the meant word is a
dictionary word that the library also writes as a word (when the caller says what it writes), and it is
the only word of its tier the typed word can be read as (two give no reading).

The corrected question is what is searched; the answer says what was corrected, and the front ends show
it (「已按「典型」查找（问题中为「典形」）」). Nothing is corrected into a word the library does not hold, so a
correction can only make a question match text that is there.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from itertools import pairwise
from types import MappingProxyType

from corpus import NUMERAL_CHARS, to_simplified
from index import STOPWORDS, LexicalIndex, dictionary_words, jieba_cut

from .vocabulary import GRAMMAR_CHARS, INTERROGATIVE, question_words

__all__ = [
    "HomophoneCorrector",
    "Typo",
    "apply_corrections",
    "fuzzy_readings",
    "library_words",
    "load_readings",
    "lookalikes",
    "typo_note",
    "word_readings",
]

_HAN = re.compile(r"[\u3400-\u9fff]")
_LONGEST = 4  # characters: longer guessed words are names and phrases, not typos of one word
# forms of address that follow a person's name (a closed class): the word before one is a name
_ADDRESS = re.compile(
    r"同志|书记|局长|部长|主任|主席|省长|市长|县长|区长|厅长|处长|科长|院长|校长|总理|委员|老师|先生|女士|"
    r"副(?:书记|局长|部长|主任|主席|省长|市长|县长|区长|厅长|处长|科长|院长|校长|总理)"
)

# the share of the passages holding the rarer of two characters that must hold them side by side for the
# pair to belong together (HomophoneCorrector._bound)
_BOUND = 0.1

# localizers (方位词), which follow the noun they place: 「工作里」, 「会上」, 「年内」
_LOCALIZERS = frozenset("里上下中内外前后间旁")
# a time a localizer follows as its postposition (「几号前报」「五月底前交」「三天后领」: before, after that time —
# not 简报 of a 前 that pypinyin also reads jian): a time asked, a number of days or months, an end or start
_TIME_BEFORE = re.compile(
    r"(?:几[号日月点时天年周]|哪[天日年月]|哪一天|何时|什么时候|[0-9０-９〇零一二三四五六七八九十百两]+[号日月点时天年周]"
    r"|[月年周][底初末中]|当天|当日|之)$"
)

# the negations (不, 没: 不是, 没有), grammar right before a question form (「不办怎么办」) though a word
# elsewhere may keep one where another character is the slip (「防御不历」, 不力)
_NEGATIONS = frozenset("不没")

# how a question asks: the interrogatives, and 多 before an adjective of measure (多远, 多大, 多高: how far,
# how big), the kind of 多少 and 多久
_ASKS = re.compile(rf"{INTERROGATIVE.pattern}|多[大远高重长宽深厚]")


# 模糊音: the initials and finals a pinyin input method offers to confuse (z/zh, n/l, an/ang …)
_FUZZY_INITIALS = (("zh", "z"), ("ch", "c"), ("sh", "s"), ("n", "l"), ("f", "h"), ("r", "l"))
_FUZZY_FINALS = (("ang", "an"), ("eng", "en"), ("ing", "in"))


@dataclass(frozen=True)
class Typo:
    """One word of the question, read as another: of the same sound (a typo), or the library's word the
    user paired it with (`library_words`)."""

    wrong: str  # as the question has it (in its own script: 離修)
    right: str  # the word searched instead
    start: int  # where it stands in the question


def load_readings() -> None:
    """Load pypinyin's tables now, for a process that searches many times (the bot, the interactive mode,
    the benchmarks): else the first question checked for typos pays for them (its phrase dictionary is
    JSON parsed at import: ~0.5 s on a quiet machine, 2.5–3 s measured on a busy one, against ~20 ms for
    a search once loaded)."""
    _readings("的")


@cache
def _readings(char: str) -> frozenset[str]:
    """Every pinyin reading of a character, tones left out (heteronyms: 长 → chang, zhang)."""
    from pypinyin import (
        Style,
        pinyin,
    )  # imported on first use (or by `load_readings`): not by a one-shot command

    found = pinyin(char, style=Style.NORMAL, heteronym=True, errors="ignore") if char else []
    return frozenset(found[0]) if found else frozenset()  # a character pypinyin has no reading for: none


@cache
def word_readings(word: str) -> tuple[str, ...]:
    """The reading of each character of a word as the word is read (平台 → ping, tai; 长大 → zhang, da),
    tones left out."""
    from pypinyin import Style, pinyin

    found = pinyin(word, style=Style.NORMAL, errors=lambda chars: [""] * len(chars))
    return tuple(r[0] if r else "" for r in found)


@cache
def fuzzy_readings(reading: str) -> frozenset[str]:
    """The readings one 模糊音 step away from a reading (tones left out): its initial changed (zu → zhu,
    lan → nan, fei → hei) or its final (jin → jing, xian → xiang), not both. Not every one is a syllable."""
    found: set[str] = set()
    for a, b in _FUZZY_INITIALS:
        for x, y in ((a, b), (b, a)):
            if reading.startswith(x) and not (x in "zcs" and reading.startswith(x + "h")):
                found.add(y + reading[len(x) :])
    for a, b in _FUZZY_FINALS:
        if reading.endswith(a):
            found.add(reading[: -len(a)] + b)
        elif reading.endswith(b):
            found.add(reading + "g")
    found.discard(reading)
    return frozenset(r for r in found if r)


@cache
def lookalikes() -> Mapping[str, frozenset[str]]:
    """Character → the characters that look like it (retrieval/data/lookalikes.txt, groups of like
    strokes): a character in two groups looks like the characters of both."""
    text = (files("retrieval") / "data" / "lookalikes.txt").read_text(encoding="utf-8")
    like: dict[str, set[str]] = {}
    for line in text.splitlines():
        group = line.split("#", 1)[0].split()
        for char in group:
            like.setdefault(char, set()).update(c for c in group if c != char)
    return MappingProxyType({c: frozenset(others) for c, others in like.items()})


@cache
def _function_chars() -> frozenset[str]:
    """Characters that make a guessed word a piece of grammar rather than a typo: one-character function
    and question words, the general classifiers (个, 些), and numerals."""
    return GRAMMAR_CHARS | NUMERAL_CHARS


class HomophoneCorrector:
    """Finds homophone typos in questions against one library's lexical index (see the module docstring)."""

    def __init__(
        self,
        lexical: LexicalIndex,
        library_word: Callable[[str], bool] | None = None,
        library_holds: Callable[[str], int] | None = None,
        near: bool = True,
    ) -> None:
        """`library_word(word)`: whether the library's own text, cut into words, holds this word (a term
        of its own that jieba's dictionary lacks: 银龄 of 「银龄驿站」); without it, only dictionary words are
        meant words. `library_holds(text)`: how many passages hold the text; with both, typos that are
        dictionary words (公式 for 公示) or that jieba cuts across two words (保/非标准) are read too.
        `near`: read fuzzy-pinyin and look-alike slips too (the stricter tiers; off, as before session 54)."""
        self.lexical = lexical
        self.near = near
        self.library_word = library_word
        self.library_holds = library_holds
        self._sounds: dict[str, tuple[str, ...]] | None = None

    def _homophones(self) -> dict[str, tuple[str, ...]]:
        """Reading → the characters of the library with that reading (built on first use, ~0.1 s)."""
        if self._sounds is None:
            sounds: dict[str, set[str]] = {}
            for token in self.lexical.vocab:
                if len(token) == 1 and _HAN.fullmatch(token):
                    for reading in _readings(token):
                        sounds.setdefault(reading, set()).add(token)
            self._sounds = {r: tuple(sorted(chars)) for r, chars in sounds.items()}
        return self._sounds

    def homophones(self, reading: str) -> tuple[str, ...]:
        """The library's characters that can be read `reading` (tones left out)."""
        return self._homophones().get(reading, ())

    def _frequency(self, word: str) -> int:
        """Passages holding every character pair of the word (a lower bound of its own frequency)."""
        return min(self.lexical.document_frequency(word[i : i + 2]) for i in range(len(word) - 1))

    def corrections(self, question: str, keep: Iterable[str] = ()) -> tuple[Typo, ...]:
        """The typos of the question and the words they stand for, in order. No character of an occurrence
        of a `keep` word (the library's speaker names, in simplified script without spaces, as
        `Facets.speakers` holds them) is corrected."""
        if len(self.lexical.ids) == 0:
            return ()
        text = to_simplified(question)
        keep = tuple(keep)
        kept = _occurrences(text, keep)
        skip = _function_chars()
        asking = question_words()
        found: list[Typo] = list(self._names(question, text, keep, kept, skip))
        for typo in found:
            kept.update(range(typo.start, typo.start + len(typo.wrong)))
        candidates = _candidates(text)
        for start, word in candidates:
            if not 2 <= len(word) <= _LONGEST or not all(_HAN.fullmatch(c) for c in word):
                continue
            if word[0] in _LOCALIZERS and (
                self._follows_word(candidates, start) or _TIME_BEFORE.search(text, 0, start)
            ):
                continue  # 「工作里起什么作用」: 里 belongs to 工作, and 里起 is no word (not 立起); 「几号前报」: 前 of 几号
            # a function character (提, 在, 的…) makes the word grammar, unless it is the one typed for
            # another: 「离休干部提检」 (提 ti for 体 of 体检)
            functional = [j for j, c in enumerate(word) if c in skip]
            if len(functional) > 1 or set(word) & NUMERAL_CHARS or _ASKS.search(word):
                continue
            end = start + len(word)
            if (word[-1] in skip and text[end - 1 : end + 1] in asking) or (
                set(word) & _NEGATIONS and _ASKS.match(text, end)
            ):
                continue  # the grammar a question asks with: 是 of 「会是谁」 (是谁 asks), 「不办怎么办」
            if functional and self._grammar_at_edge(word, functional[0]):
                continue  # 「潘淑是谁的皇后」: 是 follows the name 潘淑 the library holds (not 潘淑时)
            if kept & set(range(start, start + len(word))) or _ADDRESS.match(text, start + len(word)):
                continue  # a name
            if any(word[i : i + 2] in asking for i in range(len(word) - 1)):
                continue
            if self._frequency(word) > 0 or dictionary_words([word]):
                continue
            right = self._best(text, word, start, skip, functional[0] if functional else None)
            if right is None and self.near and not functional:
                right = self._near(text, word, start)
            if right is not None and not self._in_context(right, text, start, len(word)):
                right = None
            if right is not None and not any(
                start < t.start + len(t.wrong) and t.start < start + len(word) for t in found
            ):
                found.append(Typo(question[start : start + len(word)], right, start))
        if self.library_word is not None and self.library_holds is not None:
            found.extend(self._word_typos(question, text, candidates, found, kept, skip))
        return tuple(sorted(found, key=lambda t: t.start))

    def _word_typos(
        self,
        question: str,
        text: str,
        candidates: Sequence[tuple[int, str]],
        found: Sequence[Typo],
        kept: set[int],
        skip: frozenset[str],
    ) -> list[Typo]:
        """Typos that jieba reads as dictionary words (「事物资料」 for 实物, 「练习人」 for 联系人), or that it cuts
        across two words (「保/非标准」 for 保费标准, 「跑/布机」 for 跑步机). A word, or two neighbouring words,
        that the library holds nowhere is read as another only on the library's own evidence (`_sound_alike`)
        and where a passage holds the meant word together with another word of the question."""
        asking = question_words()
        tokens = _words(text)
        spans = [(at, w) for at, w in tokens if len(w) >= 2 and dictionary_words([w])]
        whole = set(spans)  # a word jieba's dictionary holds whole, as the question has it
        spans += [
            (a, x + y) for (a, x), (b, y) in pairwise(tokens) if b == a + len(x) and len(x + y) <= _LONGEST
        ]
        taken = [(t.start, t.start + len(t.wrong)) for t in found]
        typos: list[Typo] = []
        for start, span in sorted(set(spans)):
            end = start + len(span)
            if not 2 <= len(span) <= _LONGEST or not all(_HAN.fullmatch(c) for c in span):
                continue
            if set(span) & skip or _ASKS.search(span) or kept & set(range(start, end)):
                continue
            if _ADDRESS.match(text, end) or any(span[i : i + 2] in asking for i in range(len(span) - 1)):
                continue
            if span[0] in _LOCALIZERS and (
                self._follows_word(candidates, start) or _TIME_BEFORE.search(text, 0, start)
            ):
                continue
            if self._frequency(span) > 0 or any(start < b and a < end for a, b in taken):
                continue
            read = self._sound_alike(text, start, span, skip, (start, span) in whole)
            if read is None or not self._in_context(read.right, text, start, len(span)):
                continue
            stop = read.start + len(read.wrong)
            typos.append(Typo(question[read.start : stop], read.right, read.start))
            taken.append((read.start, stop))
        return typos

    def _sound_alike(
        self, text: str, start: int, span: str, skip: frozenset[str], whole: bool = False
    ) -> Typo | None:
        """What the span (at `start` of the text) stands for, on the library's evidence: one character
        changed for another of the same sound (two in a word of three or more, one kept as typed: 练习人,
        联系人), such that the changed characters stand in a word the library's text is cut into (保费 of
        保费标准), whose typed form it holds nowhere, and, for a word of two characters, the library holds it
        beside a character the question has next to it (「险保费」 of 「意外险保非标准」): the question's own
        context confirms it (a word of three, 联系人, holds a typed character beside the changed ones). Two ordinary words of the same sound (通知 and 同志, 转业 and 专业) are not enough. A span that
        is one word of three or more characters in jieba's dictionary (`whole`: 赛斯纳) is read only as a
        whole, never one part of it (塞斯 of 塞斯纳). As a Typo of the changed word, placed in the text."""
        assert self.library_word is not None and self.library_holds is not None
        sounds = self._homophones()
        vocab = self.lexical.vocab
        most = 2 if len(span) > 2 else 1
        options = [
            tuple(
                dict.fromkeys(
                    o for r in sorted(_readings(c)) for o in sounds.get(r, ()) if o != c and o not in skip
                )
            )
            for c in span
        ]
        variants: list[str] = []

        def grow(prefix: str, changed: int) -> None:
            i = len(prefix)
            if i == len(span):
                if changed:
                    variants.append(prefix)
                return
            for char in (span[i], *(options[i] if changed < most else ())):
                if not i or prefix[-1] + char in vocab:
                    grow(prefix + char, changed + (char != span[i]))

        grow("", 0)
        for variant in sorted(variants, key=lambda v: (-self._frequency(v), v)):
            if self._frequency(variant) == 0:
                break
            changed = [j for j in range(len(span)) if variant[j] != span[j]]
            readings = word_readings(variant)
            if any(readings[j] not in _readings(span[j]) for j in changed):
                continue
            if len(changed) > 1 and readings != word_readings(span):
                continue  # two changed: the words read alike as they are read (過期 guo qi is not 国际)
            at = 0
            for piece in jieba_cut(variant):
                stop = at + len(piece)
                if at <= changed[0] < stop:
                    break
                at = stop
            if changed[-1] >= stop or len(piece) < 2 or (len(changed) > 1 and len(piece) < 3):
                continue
            if whole and len(span) > 2 and len(piece) < len(span):
                continue  # a longer word jieba knows whole (赛斯纳, a name) is not read in part (塞斯)
            if self._frequency(span[at:stop]) > 0:
                continue
            before, after = text[start + at - 1 : start + at], text[start + stop : start + stop + 1]
            if start + at == 0:
                before = ""
            if len(piece) < 3 and not any(
                _HAN.fullmatch(n) and self.library_holds(w) > 0
                for n, w in ((before, before + piece), (after, piece + after))
            ):
                continue
            if self.library_word(piece):
                return Typo(span[at:stop], piece, start + at)
        return None

    def _grammar_at_edge(self, word: str, j: int) -> bool:
        """Whether the function character at `j` stands at an edge of the word and the rest of the word,
        two characters or more, is text the library holds: the character is then the grammar that word
        takes (「潘淑是」: 是 after the name 潘淑), not a slip for another character."""
        rest = word[1:] if j == 0 else word[:-1] if j == len(word) - 1 else ""
        return len(rest) >= 2 and self._frequency(rest) > 0

    def _follows_word(self, candidates: Sequence[tuple[int, str]], start: int) -> bool:
        """Whether a word of two or more characters the library holds ends where `start` is (a localizer
        there is its postposition)."""
        return any(at + len(w) == start and len(w) >= 2 and self._frequency(w) > 0 for at, w in candidates)

    def _names(
        self, question: str, text: str, names: Sequence[str], kept: set[int], skip: frozenset[str]
    ) -> list[Typo]:
        """A speaker's name typed with one character of the same sound (沈玮 for the library's 沈伟): read as
        the speaker, so the question is filtered by them. Only where the typed form is no text of the
        library (王明, named in a speech, stays 王明) and the changed character is no function word."""
        found: list[Typo] = []
        present = set(text)
        for name in names:
            if not 2 <= len(name) <= _LONGEST or not all(_HAN.fullmatch(c) for c in name):
                continue
            if sum(c in present for c in name) < len(name) - 1:
                continue  # no window of the question can differ from the name in one character only
            for start in range(len(text) - len(name) + 1):
                typed = text[start : start + len(name)]
                differ = [j for j in range(len(name)) if typed[j] != name[j]]
                if len(differ) != 1 or kept & set(range(start, start + len(name))):
                    continue
                j = differ[0]
                if (
                    not _HAN.fullmatch(typed[j])
                    or typed[j] in skip
                    or word_readings(name)[j] not in _readings(typed[j])  # pypinyin is read only here
                ):
                    continue
                if self._frequency(typed) > 0 or any(
                    t.start < start + len(name) and start < t.start + len(t.wrong) for t in found
                ):
                    continue
                found.append(Typo(question[start : start + len(name)], name, start))
        return sorted(found, key=lambda t: t.start)

    def _rows(self, word: str) -> frozenset[int]:
        """The passages holding every character pair of the word."""
        rows = [self.lexical.rows_with(word[i : i + 2]) for i in range(len(word) - 1)]
        return frozenset.intersection(*rows) if rows else frozenset()

    def _in_context(self, right: str, text: str, start: int, length: int) -> bool:
        """Whether some passage holding the meant word also holds another word of the question (典型 beside
        推荐 or 双先): a word of the library taken out of its subject is no reading of a typo. A question
        with no other word the library holds gives no context, and passes."""
        others = [
            w
            for at, w in _candidates(text)
            if len(w) >= 2
            and (at + len(w) <= start or at >= start + length)
            and w not in STOPWORDS
            and all(_HAN.fullmatch(c) for c in w)
            and self._frequency(w) > 0
        ]
        if not others:
            return True
        rows = self._rows(right)
        return any(rows & self._rows(w) for w in others)

    def _bound(self, pair: str) -> bool:
        """Whether the two characters of the pair belong together in the library: it holds the pair in at
        least a tenth of the passages that hold the rarer of the two (罗王 of 新罗王, in every passage with
        罗). A pair the library holds only now and then, across two words (部提 of 「干部提出」, in 3 of the
        85 passages with 提), says nothing of where a typed character belongs."""
        frequency = self.lexical.document_frequency
        held = frequency(pair)
        return held > 0 and held >= _BOUND * min(frequency(pair[0]), frequency(pair[1]))

    def _edge_bound(self, text: str, word: str, start: int, j: int) -> bool:
        """Whether the character at `j`, at an edge of the word, forms a pair the library holds with its
        neighbour outside the word (it then belongs to that neighbour's word, and is not the typo)."""
        outside = text[start - 1 : start + 1] if j == 0 and start > 0 else ""
        if j == len(word) - 1:
            outside = text[start + j : start + j + 2]
        return len(outside) == 2 and self._bound(outside)

    def _near(self, text: str, word: str, start: int) -> str | None:
        """The stricter tiers (see the module docstring): the one word a fuzzy-pinyin reading of one
        character gives, else the one word a look-alike character gives — a dictionary word the library
        holds, and writes as a word when the caller says what it writes."""
        sounds = self._homophones()
        vocab = self.lexical.vocab
        like = lookalikes()
        fuzzy: set[str] = set()
        shape: set[str] = set()
        for j, char in enumerate(word):
            if self._edge_bound(text, word, start, j):
                continue
            typed = _readings(char)
            # the sound typed is the character's usual one (姓 is typed xing, not as the sheng pypinyin
            # also lists, which 模糊音 would take to shen)
            for near in sorted(fuzzy_readings(word_readings(char)[0]) - typed):
                for other in sounds.get(near, ()):
                    variant = word[:j] + other + word[j + 1 :]
                    if other != char and word_readings(variant)[j] == near:
                        fuzzy.add(variant)
            for other in sorted(like.get(char, ())):
                if other in vocab and not _readings(other) & typed:
                    shape.add(word[:j] + other + word[j + 1 :])
        for found in (fuzzy, shape):
            held = {w for w in found if self._frequency(w) > 0}
            known = dictionary_words(held)
            if self.library_word is not None:
                known = {w for w in known if self.library_word(w)}
            if known:
                return next(iter(known)) if len(known) == 1 else None
        return None

    def _best(
        self, text: str, word: str, start: int, skip: frozenset[str], only: int | None = None
    ) -> str | None:
        """The word the library holds that the typed word stands for, one character changed (only the
        character at `only`, a function character, when given: the meant word must then be one the library
        writes as a word)."""
        sounds = self._homophones()
        candidates: dict[str, int] = {}
        for j, char in enumerate(word):
            if only is not None and j != only:
                continue
            if self._edge_bound(text, word, start, j):
                continue  # it belongs to its neighbour's word outside, and is not the typo
            for reading in _readings(char):
                for other in sounds.get(reading, ()):
                    if other == char or other in skip:
                        continue
                    variant = word[:j] + other + word[j + 1 :]
                    if variant in candidates or (frequency := self._frequency(variant)) == 0:
                        continue
                    # the typed sound is the one the meant word gives that character (台 of 平台: tai);
                    # a function character typed for another is offered under its usual reading only
                    # (是 is typed as shi, not as the ti it has in pypinyin's list: 难是 is not 难题)
                    sound = word_readings(variant)[j]
                    if sound in _readings(char) if only is None else sound == word_readings(char)[0]:
                        candidates[variant] = frequency
        known = dictionary_words(candidates) if only is None else set()
        written: set[str] = set()
        if self.library_word is not None:  # a term of the library's own, cut as a word in its text
            written = {w for w in candidates if self.library_word(w)}
            known |= written
        # a word the library writes as a word comes before one it holds only as two characters of two
        # words, however many passages hold those (体健 of every 「身体健康」 is no reading of 体捡: 体检 is)
        ranked = sorted(
            (w for w in candidates if w in known), key=lambda w: (w not in written, -candidates[w], w)
        )
        return ranked[0] if ranked else None


def library_words(
    question: str,
    pairs: Iterable[tuple[str, str]],
    holding: Callable[[str], int],
    taken: Sequence[Typo] = (),
) -> tuple[Typo, ...]:
    """Words of the question that no passage holds, each paired by the user with a word the library does
    hold (`speechqa synonyms add 老干局 老干部局`: the office's own short form), read as that word — the
    one most passages hold when there are several. `holding(word)`: how many passages hold the word
    (lower-cased, simplified). Words where a typo was read (`taken`) are left as they are; so is every
    word some passage holds, whatever it is paired with."""
    partners: dict[str, set[str]] = {}
    for a, b in pairs:  # compared in simplified script and lower case (app, APP)
        a, b = to_simplified(a).lower(), to_simplified(b).lower()
        partners.setdefault(a, set()).add(b)
        partners.setdefault(b, set()).add(a)
    text = to_simplified(question)
    if len(lowered := text.lower()) == len(text):  # the places stay those of the question
        text = lowered
    covered = {i for t in taken for i in range(t.start, t.start + len(t.wrong))}
    found: list[Typo] = []
    for word in sorted(partners, key=lambda w: (-len(w), w)):  # the longer word where two overlap
        if len(word) < 2 or word not in text or holding(word) > 0:
            continue
        held = [(count, w) for w in partners[word] if (count := holding(w)) > 0]
        if not held:
            continue
        right = max(held)[1]
        at = text.find(word)
        while at >= 0:
            span = set(range(at, at + len(word)))
            if not span & covered:
                found.append(Typo(question[at : at + len(word)], right, at))
                covered |= span
            at = text.find(word, at + len(word))
    return tuple(sorted(found, key=lambda t: t.start))


def _occurrences(text: str, words: Iterable[str]) -> set[int]:
    """The positions of the text covered by an occurrence of any of the words."""
    covered: set[int] = set()
    for word in words:  # in simplified script, without spaces (as Facets.speakers holds them)
        at = text.find(word) if word else -1
        while at >= 0:
            covered.update(range(at, at + len(word)))
            at = text.find(word, at + 1)
    return covered


def _candidates(text: str) -> list[tuple[int, str]]:
    """(start, word) of the words jieba cuts the text into, and of each two neighbouring one-character
    words (a typo often leaves jieba two characters it cannot join: 典/形)."""
    words = _words(text)
    pairs = [(a, x + y) for (a, x), (b, y) in pairwise(words) if len(x) == len(y) == 1 and b == a + 1]
    return sorted(words + pairs)


def _words(text: str) -> list[tuple[int, str]]:
    """(start, word) of the words jieba cuts the text into, in order."""
    words: list[tuple[int, str]] = []
    position = 0
    for word in jieba_cut(text):
        start = text.find(word, position)
        if start < 0:
            continue
        position = start + len(word)
        words.append((start, word))
    return words


def apply_corrections(question: str, corrections: Sequence[Typo]) -> str:
    """The question (in simplified script) with each corrected word replaced (from the last, so that a
    word of another length leaves the others' places as they are)."""
    text = to_simplified(question)
    for c in sorted(corrections, key=lambda c: c.start, reverse=True):
        if text[c.start : c.start + len(c.wrong)] == to_simplified(c.wrong):
            text = text[: c.start] + c.right + text[c.start + len(c.wrong) :]
    return text


def typo_note(typos: Sequence[Typo]) -> str | None:
    """What the front ends say of the corrections: 「已按「典型」查找（问题中为「典形」）」."""
    if not typos:
        return None
    right = "、".join(f"「{t.right}」" for t in typos)
    wrong = "、".join(f"「{t.wrong}」" for t in typos)
    return f"已按{right}查找（问题中为{wrong}）"
