"""The 红头 a template keeps in the header of the first page alone, read as the document's first lines.

A 套红 template (Word's 「首页不同」; LibreOffice's first page of its own 「首页」 page style, or ODF 1.3's
``style:header-first``) may set the masthead 「…文件」 and the 文号 line under it in the first page's header
rather than in the body: the body then names its issuer nowhere else (a seal for a 落款) and its number
nowhere at all. corpus.word and corpus.odt give `first_page_head` that header's lines as they print (a table
row's cells joined: a template sets 文号 and 签发人 in the two cells of one borderless row) and put what it
returns before the body's blocks.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from .clean import HAN
from .names import ORG_SUFFIX
from .records import Block

__all__ = ["first_page_head"]

# 「澄溪县委老干部局文件」: an organ's name and 「文件」, the 发文机关标志 of a 红头文件 (GB/T 9704)
_MASTHEAD = re.compile(r"^(.{2,30}?)文件$")

# 「砚泉老干发〔2035〕15号」 (with its signer after it on an upward document): the 文号 line under the masthead
_HEADER_NUMBER = re.compile(
    rf"^[{HAN}]{{0,12}}[〔\[［【（(]\d{{4}}[〕\]］】）)]第?\d{{1,5}}[号號](?:签发人[：:][{HAN}·、，,]{{2,30}})?$"
)
_BRACKETS = str.maketrans("〔［【（(〕］】）)", "[[[[[]]]]]")


def first_page_head(lines: Iterable[str], blocks: Sequence[Block]) -> tuple[Block, ...]:
    """The masthead line 「…文件」 naming an organ and the 文号 line among a first page's header `lines`, as
    blocks to put before the body's `blocks`, in their order. Any other line of the header is not read. A
    line the body's first lines print too is not read twice, and the header's other line is read all the
    same (a body that repeats the masthead alone still gets its 文号 from the header); a number the body
    prints in other brackets (``[2035]`` for ``〔2035〕``), with its signer or without, counts as printed."""
    first = [_bracketed_alike(re.sub(r"\s+", "", b.text)) for b in blocks[:5]]
    found: list[Block] = []
    for line in lines:
        text = re.sub(r"\s+", "", line)
        masthead = _MASTHEAD.match(text)
        if (masthead and ORG_SUFFIX.search(masthead.group(1))) or _HEADER_NUMBER.match(text):
            own = _bracketed_alike(text.split("签发人")[0])
            if any(own in printed for printed in first):
                continue
            found.append(Block(text=text, kind="paragraph"))
    return tuple(found)


def _bracketed_alike(text: str) -> str:
    """`text` with the year's brackets of a 文号 (〔〕, [], ［］, 【】, （）) all written []."""
    return text.translate(_BRACKETS)
