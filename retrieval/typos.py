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
- it does not start with a localizer that follows a word the library holds (「工作里起什么作用」: 里 places
  工作, and 里起 is not 立起);
- it is not a name: not inside a word the caller keeps (the library's speakers: 「汪明同志讲的…」 is
  not read as 王明, and stays a speaker filter), and not right before a form of address (「向亮同志」,
  「汪明局长」: a person, not 响亮 or 王明).

A speaker's name is read the same way: a name typed with one character of the same sound that the library
does not hold anywhere (「沈玮同志讲的…」 where the library's speaker is 沈伟) is read as that speaker, so the
question gets the speaker filter it meant.

The corrected question is what is searched; the answer says what was corrected, and the front ends show
it (「已按「典型」查找（问题中为「典形」）」). Nothing is corrected into a word the library does not hold, so a
correction can only make a question match text that is there.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from corpus import NUMERAL_CHARS, to_simplified
from index import STOPWORDS, LexicalIndex, dictionary_words, jieba_cut

from .vocabulary import INTERROGATIVE, question_words

__all__ = ["HomophoneCorrector", "Typo", "apply_corrections", "library_words", "typo_note", "word_readings"]

_HAN = re.compile(r"[\u3400-\u9fff]")
_LONGEST = 4  # characters: longer guessed words are names and phrases, not typos of one word
# forms of address that follow a person's name (a closed class): the word before one is a name
_ADDRESS = re.compile(
    r"同志|书记|局长|部长|主任|主席|省长|市长|县长|区长|厅长|处长|科长|院长|校长|总理|委员|老师|先生|女士|"
    r"副(?:书记|局长|部长|主任|主席|省长|市长|县长|区长|厅长|处长|科长|院长|校长|总理)"
)

# localizers (方位词), which follow the noun they place: 「工作里」, 「会上」, 「年内」
_LOCALIZERS = frozenset("里上下中内外前后间旁")


@dataclass(frozen=True)
class Typo:
    """One word of the question, read as another: of the same sound (a typo), or the library's word the
    user paired it with (`library_words`)."""

    wrong: str  # as the question has it (in its own script: 離修)
    right: str  # the word searched instead
    start: int  # where it stands in the question


@cache
def _readings(char: str) -> frozenset[str]:
    """Every pinyin reading of a character, tones left out (heteronyms: 长 → chang, zhang)."""
    from pypinyin import Style, pinyin  # imported on first use: its tables take ~0.2 s to load

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
def _function_chars() -> frozenset[str]:
    """Characters that make a guessed word a piece of grammar rather than a typo: one-character function
    and question words, and numerals."""
    return frozenset(w for w in STOPWORDS if len(w) == 1) | NUMERAL_CHARS


class HomophoneCorrector:
    """Finds homophone typos in questions against one library's lexical index (see the module docstring)."""

    def __init__(self, lexical: LexicalIndex, library_word: Callable[[str], bool] | None = None) -> None:
        """`library_word(word)`: whether the library's own text, cut into words, holds this word (a term
        of its own that jieba's dictionary lacks: 银龄 of 「银龄驿站」); without it, only dictionary words are
        meant words."""
        self.lexical = lexical
        self.library_word = library_word
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
            if word[0] in _LOCALIZERS and self._follows_word(candidates, start):
                continue  # 「工作里起什么作用」: 里 belongs to 工作, and 里起 is no word (not 立起)
            if set(word) & skip or INTERROGATIVE.search(word):
                continue
            if kept & set(range(start, start + len(word))) or _ADDRESS.match(text, start + len(word)):
                continue  # a name
            if any(word[i : i + 2] in asking for i in range(len(word) - 1)):
                continue
            if self._frequency(word) > 0 or dictionary_words([word]):
                continue
            right = self._best(text, word, start, skip)
            if right is not None and not self._in_context(right, text, start, len(word)):
                right = None
            if right is not None and not any(
                start < t.start + len(t.wrong) and t.start < start + len(word) for t in found
            ):
                found.append(Typo(question[start : start + len(word)], right, start))
        return tuple(sorted(found, key=lambda t: t.start))

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

    def _best(self, text: str, word: str, start: int, skip: frozenset[str]) -> str | None:
        sounds = self._homophones()
        candidates: dict[str, int] = {}
        for j, char in enumerate(word):
            # a character at the word's edge that forms a pair the library holds with its neighbour
            # outside the word belongs to that neighbour's word, and is not the typo
            outside = text[start - 1 : start + 1] if j == 0 and start > 0 else ""
            if j == len(word) - 1:
                outside = text[start + j : start + j + 2]
            if len(outside) == 2 and self.lexical.document_frequency(outside) > 0:
                continue
            for reading in _readings(char):
                for other in sounds.get(reading, ()):
                    if other == char or other in skip:
                        continue
                    variant = word[:j] + other + word[j + 1 :]
                    if variant in candidates or (frequency := self._frequency(variant)) == 0:
                        continue
                    # the typed sound is the one the meant word gives that character (台 of 平台: tai)
                    if word_readings(variant)[j] in _readings(char):
                        candidates[variant] = frequency
        known = dictionary_words(candidates)
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
    words: list[tuple[int, str]] = []
    position = 0
    for word in jieba_cut(text):
        start = text.find(word, position)
        if start < 0:
            continue
        position = start + len(word)
        words.append((start, word))
    pairs = [(a, x + y) for (a, x), (b, y) in pairwise(words) if len(x) == len(y) == 1 and b == a + 1]
    return sorted(words + pairs)


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
