"""What the library itself equates: a short form its documents define for a longer name.

A notice writes 「意外伤害保险（以下简称“意外险”）」 or 「离退休干部人才信息库（简称人才库）」 once, then uses either form;
staff ask by either. `defined_pairs` reads such definitions from the library's own text — a name followed by a
bracket or comma that says 简称 / 以下简称 and the short form, or a bracketed short form alone
(「意外伤害保险（意外险）」) — and keeps a pair only when the short form is the long one with characters left out
(`answer_type.shortened_in`: the same first character, the rest in order). That test fixes where the long name
begins (the shortest tail of the run before the bracket that the short form shortens) and keeps a bracket that
says something else (「（试行）」, 「新建镇（街道）」, 「遗孀（遗属）」) out. No list of our words: only what a document
wrote.

`equated_words` gives, for the question's words the best passage lacks, the other form of each pair the passage
holds. The confidence model reads how much of the question's weight these give back (`Signals.equated`) as a
feature of its own, beside the coverage, which they never change.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from .answer_type import shortened_in

_HAN = "\u4e00-\u9fff"
# a name, a bracket or comma, (以下)简称 and the short form, quoted or not
_CALLED = re.compile(
    rf"([{_HAN}]{{2,24}})(?:[（(]\s*|[，,]\s*)(?:以下)?简称(?:为)?[：:]?\s*[“\"「『]?([{_HAN}A-Za-z0-9]{{2,12}})[”\"」』]?"
)
# a name and a bracketed short form alone: 「意外伤害保险（意外险）」
_BRACKETED = re.compile(rf"([{_HAN}]{{2,24}})[（(]([{_HAN}]{{2,12}})[）)]")


def long_form(run: str, short: str) -> str | None:
    """The shortest tail of `run` (the characters before the bracket) that `short` shortens, or None."""
    for start in range(len(run) - len(short) - 1, -1, -1):
        tail = run[start:]
        if shortened_in(short, tail):
            return tail
    return None


def defined_pairs(texts: Iterable[str]) -> dict[str, frozenset[str]]:
    """Each form a text defines (long and short alike) → the forms it is equated with, read from `texts`."""
    pairs: dict[str, set[str]] = {}
    for text in texts:
        for pattern in (_CALLED, _BRACKETED):
            for match in pattern.finditer(text):
                run, short = match.group(1), match.group(2)
                long = long_form(run, short)
                if long is None:
                    continue
                pairs.setdefault(long, set()).add(short)
                pairs.setdefault(short, set()).add(long)
    return {form: frozenset(others) for form, others in pairs.items()}


def equated_words(
    missing: Sequence[str], top_text: str, pairs: Mapping[str, frozenset[str]]
) -> dict[str, tuple[str, ...]]:
    """Each of the question's `missing` words (those the best passage lacks) with the forms the library equates
    it with that the passage (`top_text`) holds; a word with none is left out."""
    haystack = top_text.lower()
    found: dict[str, tuple[str, ...]] = {}
    for word in missing:
        held = tuple(sorted(f for f in pairs.get(word, ()) if f.lower() in haystack))
        if held:
            found[word] = held
    return found
