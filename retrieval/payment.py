"""Whether one pays, asked in everyday words: 「金婚纪念照要自己掏钱吗」, 「打台球要交钱吗」, 「饭卡补一张要钱不」 ask of
a passage stating what is paid or that nothing is — 「免费拍摄」, 「收取工本费10元」, 「费用由…承担」, 「不再另外付费」 —
which never writes 掏钱, 交钱 or 要钱 (docs/asks48.md).

A question word made of a verb of paying and 钱 (掏钱, 交钱, 要钱, 收钱, 花钱, 出钱, 付钱, 给钱) is held by a passage
that speaks of paying: a fee or charge (费: 学费, 工本费, 付费, 免费), free of charge (免收), a sum in 元, a cost
borne (承担), a deposit or a rent (押金, 租金). A passage saying none of these does not hold it: 「冬泳队训练要交钱吗」
asked of the training's timetable is still asked of something the timetable does not say.
"""

from __future__ import annotations

import re

__all__ = ["held_as_payment", "paying_words"]

_PAYING = re.compile(r"[掏交要收花出付给]钱")
_PAID = re.compile(r"费|免收|[0-9〇一二两三四五六七八九十百千万]元|承担|押金|租金")


def held_as_payment(word: str, haystack: str) -> bool:
    """Whether a question word asking whether one pays (掏钱, 交钱, 要钱 …: the whole word) is held by the
    haystack speaking of paying (a fee, free of charge, a sum in 元, a cost borne, a deposit or rent)."""
    return _PAYING.fullmatch(word) is not None and _PAID.search(haystack) is not None


def paying_words(text: str) -> list[str]:
    """The words asking whether one pays (掏钱, 交钱, 要钱 …) in a text, in order: the reach of
    `held_as_payment` (scripts/asks48_reach.py counts the questions it can act on)."""
    return _PAYING.findall(text)
