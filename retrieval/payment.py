"""Whether one pays, asked in everyday words: 「金婚纪念照要自己掏钱吗」, 「打台球要交钱吗」, 「饭卡补一张要钱不」 ask of
a passage stating what is paid or that nothing is — 「免费拍摄」, 「收取工本费10元」, 「费用由…承担」, 「不再另外付费」 —
which never writes 掏钱, 交钱 or 要钱 (docs/asks48.md).

A question word made of a verb of paying and 钱 (掏钱, 交钱, 要钱, 收钱, 花钱, 出钱, 付钱, 给钱) is held by a passage
that speaks of what a person pays, or that he pays nothing:
- a fee or charge: 费 (学费, 工本费, 付费, 收费, 免费, 费用) — but not 费 that is no charge (浪费, 耗费, 白费,
  枉费) nor 经费, an organisation's funds (「投入经费300万元」);
- free of charge: 免收;
- a cost borne or met oneself: 经费 … 由 … 承担 / 负担 / 支付 / 列支 (「所需经费由局里承担」), 食宿 / 交通 … 自理 —
  not 承担 alone (「各代表队承担本队的组织工作」, 「承担责任」), nor 自理 of one's daily life (「生活不能自理」);
- a sum in 元 that is paid or charged: a verb of paying or a price right before it (收 / 缴 / 交 / 付 / 价 / 售,
  「每人交50元」, 「票价20元」) with nothing given between — not a sum given or spent (「奖励500元」, 「补贴200元」,
  「发放慰问金500元」, 「投入300万元」);
- a deposit or a rent: 押金, 租金.
A passage saying none of these does not hold it: 「冬泳队训练要交钱吗」 asked of the training's timetable is still asked
of something the timetable does not say; 「门球赛报名要交钱吗」 asked of a notice where each team 「承担本队的组织和安全
工作」 is too (docs/asks48.md, "After review: mend60b").
"""

from __future__ import annotations

import re

__all__ = ["held_as_payment", "paying_words"]

_PAYING = re.compile(r"[掏交要收花出付给]钱")
_NUMERAL = "[0-9０-９.．〇零一二两三四五六七八九十百千万亿]"
# 费 of a charge: not wasted or spent as effort (浪费, 耗费, 白费, 枉费), nor an organisation's funds (经费: read
# apart below, as a cost borne)
_FEE = re.compile(r"(?<![浪耗白枉经])费")
# what is given or spent by the organisation, never paid by the asker
_GIVEN = (
    "奖励|奖金|奖品|补贴|补助|资助|发放|慰问|投入|投资|捐|拨付|拨款|收入|收到|收益|交通|交流|提交|移交|营业收"
)
_PAID_SUM = re.compile(rf"(?:收|缴|交|付|价|售)(?:(?!{_GIVEN})[^。；;，,！？!?]){{0,8}}?{_NUMERAL}+(?:多)?元")
_BORNE = re.compile(
    r"经费[^。；;，,！？!?]{0,12}?(?:承担|负担|支付|列支|解决|自筹)"
    r"|(?:承担|负担|自筹)[^。；;，,！？!?]{0,4}经费"
    r"|(?:食宿|住宿|吃住|伙食|餐费|用餐|午餐|晚餐|早餐|交通|路费|往返)[^。；;，,！？!?]{0,4}自理"
)
_OTHER = re.compile(r"免收|押金|租金")


def _speaks_of_paying(haystack: str) -> bool:
    return any(p.search(haystack) is not None for p in (_FEE, _OTHER, _BORNE, _PAID_SUM))


def held_as_payment(word: str, haystack: str) -> bool:
    """Whether a question word asking whether one pays (掏钱, 交钱, 要钱 …: the whole word) is held by the
    haystack speaking of what a person pays (a fee, free of charge, a cost borne, a sum paid or charged in 元,
    a deposit or rent) — not by any 承担, 元 or 费 (「承担责任」, 「奖励500元」, 「浪费」, 「投入经费」)."""
    return _PAYING.fullmatch(word) is not None and _speaks_of_paying(haystack)


def paying_words(text: str) -> list[str]:
    """The words asking whether one pays (掏钱, 交钱, 要钱 …) in a text, in order: the reach of
    `held_as_payment` (scripts/asks48_reach.py counts the questions it can act on)."""
    return _PAYING.findall(text)
