"""Passages too short to carry their subject, and what is embedded for them besides their text.

The dense side embeds a passage's text alone: prefixing every passage with its section heading made the
passages under one heading look alike to the model (docs/measured.md, "What is embedded"). But a row of a
table or form (「人员类别：离休干部；补贴标准：每人每年2400元」) or a one-line item says nothing of what it is
about: its subject is in the document's title and the section heading. Such a passage gets a second vector,
of the title, the heading and the text (the lexical side's reading, `store.lexical_input`), and its dense
score is the better of its two (`LoadedIndex.dense`). Decided by shape alone, no list of words.
"""

from __future__ import annotations

import re

from .records import PassageRecord
from .store import lexical_input

# a passage this short (characters, spaces left out) is one item or one sentence: too short to name its subject
SHORT = 80
# a row of label–value fields, as tables and forms are read (「类别：配偶；标准：每人每月1200元」)
_ROW = re.compile(r"[^：；\n]{1,16}：[^；\n]+；[^：；\n]{1,16}：")
# bumped whenever `lacks_subject` or `context_input` changes: an index built with another value is rebuilt
CONTEXT_VERSION = 1


def lacks_subject(text: str) -> bool:
    """Whether a passage is a row of a table or form, or short enough to be one item or one sentence."""
    return len("".join(text.split())) <= SHORT or _ROW.search(text) is not None


def context_input(record: PassageRecord) -> str:
    """What a passage's second vector embeds: the speech's title, the section heading, then the text."""
    return lexical_input(record.text, record.section, record.speech_title)
