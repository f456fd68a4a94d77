"""The user's own synonym pairs as the front ends change them (`speechqa synonyms`, the bot's /synonyms): a pair
the bundled lexicon holds already is not stored, nor can it be removed; what is said back is worded here, once
for both. Retrieval reads the pairs from the store on every question, so a change applies to the next one."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from index import InvalidSynonym, Store

from .vocabulary import Lexicon, bundled_lexicon

SynonymOutcome = Literal["added", "present", "bundled", "removed"]

_SAID: dict[SynonymOutcome, str] = {
    "added": "已添加：{pair}",
    "present": "已有：{pair}",
    "bundled": "内置词表中已有：{pair}（无需添加）",
    "removed": "已删除：{pair}",
}


@dataclass(frozen=True)
class SynonymChange:
    """What adding or removing a pair did: `added`, `present` (stored already), `bundled` (the bundled lexicon
    holds it: nothing stored) or `removed`."""

    word: str
    synonym: str
    outcome: SynonymOutcome

    @property
    def pair(self) -> str:
        return f"{self.word} ↔ {self.synonym}"

    @property
    def said(self) -> str:
        """The one line telling the user (the CLI prints it, the bot replies with it)."""
        return _SAID[self.outcome].format(pair=self.pair)


def bundled_pair(word: str, synonym: str, lexicon: Lexicon | None = None) -> bool:
    """Whether two (different) words are in one group of the bundled lexicon."""
    pair = {word.strip(), synonym.strip()}
    return len(pair) == 2 and any(pair <= group for group in (lexicon or bundled_lexicon()).groups)


def add_user_synonym(store: Store, word: str, synonym: str) -> SynonymChange:
    """Store a pair (order does not matter), unless the bundled lexicon pairs them already. Raises
    `InvalidSynonym` (worded for users) for an empty or too long word, or a word paired with itself."""
    word, synonym = word.strip(), synonym.strip()
    if bundled_pair(word, synonym):  # already searched for each other: storing it would change nothing
        return SynonymChange(word, synonym, "bundled")
    added = store.add_synonym(word, synonym)
    return SynonymChange(word, synonym, "added" if added else "present")


def remove_user_synonym(store: Store, word: str, synonym: str, *, listed_by: str) -> SynonymChange:
    """Remove a pair the user added. Raises `InvalidSynonym` when there is none such: a pair of the bundled
    lexicon (which always applies), or no pair at all (the message names `listed_by`, the command that lists
    them where the user is: `speechqa synonyms list`, /synonyms)."""
    word, synonym = word.strip(), synonym.strip()
    if store.remove_synonym(word, synonym):
        return SynonymChange(word, synonym, "removed")
    if bundled_pair(word, synonym):
        raise InvalidSynonym(f"「{word} ↔ {synonym}」属于内置词表，不能删除（内置词表始终有效）。")
    raise InvalidSynonym(f"没有用户添加的同义词对「{word} ↔ {synonym}」（{listed_by} 可列出全部）。")
