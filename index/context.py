"""Passages too short to carry their subject, and what is embedded for them besides their text.

The dense side embeds a passage's text alone: prefixing every passage with its section heading made the
passages under one heading look alike to the model (docs/measured.md, "What is embedded"). But a row of a
table or form (「人员类别：离休干部；补贴标准：每人每年2400元」) or a one-line item says nothing of what it is
about: its subject is in the document's title and the section heading. Such a passage can be given a second
vector, of the title, the heading and the text (the lexical side's reading, `store.lexical_input`), its dense
score then the better of its two (`LoadedIndex.with_context`). Decided by shape alone, no list of words.

Measured on every question set and not kept: the held-out halves lost 4 first places of 690 (the rows of the
right document rose above the one that answers) for 2 gained on the tuning halves, so no build makes these
vectors; `scripts/rank39_misses.py --context` embeds them for a run (docs/rank40.md).
"""

from __future__ import annotations

import re

from .records import PassageRecord
from .store import lexical_input

# a passage this short (characters, spaces left out) is one item or one sentence: too short to name its subject
SHORT = 80
# a row of label–value fields, as tables and forms are read (「类别：配偶；标准：每人每月1200元」)
_ROW = re.compile(r"[^：；\n]{1,16}：[^；\n]+；[^：；\n]{1,16}：")


def lacks_subject(text: str, short: int = SHORT) -> bool:
    """Whether a passage is a row of a table or form, or `short` characters or fewer: one item or one sentence
    (0: rows alone)."""
    return len("".join(text.split())) <= short or _ROW.search(text) is not None


def context_input(record: PassageRecord) -> str:
    """What a passage's second vector embeds: the speech's title, the section heading, then the text."""
    return lexical_input(record.text, record.section, record.speech_title)
