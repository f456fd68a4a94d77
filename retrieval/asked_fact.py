"""The kind of fact a question asks in everyday words, and the passages of one document that state it, first.

Rows of one table and items of one notice all hold the topic's words (助餐, 老人, 补贴); what tells the one that
answers apart is the kind of fact it states, which the question names in everyday words and the document in
official ones:

- recipient — who gets it or may join (「给哪些老人」, 「哪些人能享受」, 「谁可以报名」): 对象, 范围, 周岁以上, 符合…条件;
- payer — who pays (「谁掏的钱」, 「谁出」, 「自己要交钱吗」): 承担, 负担, 分担, 自理, 自付, 列支, 由…支付;
- total — how many in all (「总共」, 「一共」, 「加起来」): 合计, 总计, 共计, 累计, 共 before a figure;
- bound — the most or least (「最多」, 「最高」, 「至少」, 「上限」): 不超过, 不得超过, 最高, 最多, 不少于, 限额, 以内;
- exclusive — whether two can be had together (「两样都能拿吗」, 「同时」, 「还能再报吗」): 不重复, 就高, 叠加, 兼得,
  择一, 只享受一项;
- deadline — by when (「截止到哪天」, 「几号前」, 「最晚」): a date followed by 前 / 以前 / 之前, 截止, 日内, 逾期.

The question's words are closed classes of the spoken language (interrogatives with what they are said of), and
the passages' are the official phrasing of notices and tables; `scripts/cue63_cues.py` prints how much more often
each passage cue is in the gold answer phrases of questions of its kind than in the libraries' passages (the
tuning halves only). After the learned ranker and the other head rules, within the first FACT_DEPTH of the ranked
head, each document's passages stating every kind asked take that document's first places there, in their order,
each with the score of the slot it takes; passages of other documents keep theirs, and nothing enters or leaves the
head. A question asking no such kind returns the head as it is. Off by default (`RetrieverConfig.fact_first`):
held out, R@1 and 要点 rose but false 「未找到」 too and five sets lost a question at R@1 (docs/cue63.md).
"""

from __future__ import annotations

import re
from typing import Literal

from corpus import to_simplified
from index import PassageRecord

from .place import documents_first

FactKind = Literal["recipient", "payer", "total", "bound", "exclusive", "deadline"]
FACT_KINDS: tuple[FactKind, ...] = ("recipient", "payer", "total", "bound", "exclusive", "deadline")

# how many of the ranked head are read (the ranker re-orders ten)
FACT_DEPTH = 8

_ASKS: tuple[tuple[FactKind, re.Pattern[str]], ...] = (
    (
        "recipient",
        re.compile(
            r"(?<![报交递])(?:给|发给|发放给|补给|送给|照顾|针对|面向|覆盖)(?:了)?(?:哪些|哪种|哪类|什么样的?|谁|啥人)"
            r"|(?:哪些|哪种|哪类|什么样的?|啥样的?)(?:人|老人|老同志|干部|对象)(?:能|可以|才能|可|有资格|符合|享受|报名|申请|领)"
            r"|(?:谁|什么人|啥人)(?:能|可以|才能|可|有资格)(?:享受|报名|申请|领|拿|参加|办)"
            r"|对象(?:是|有|为)?(?:谁|哪些|什么)|不能(?:进|入|参加|报名|申请|享受)|(?:符合|满足)什么条件"
        ),
    ),
    (
        "payer",
        re.compile(
            r"(?:谁|哪个单位)(?:来)?(?:掏|出(?![版席面发去门现])|付|负担|承担|分担|买单|埋单|给钱|拿钱|出钱)"
            r"|(?:哪里|哪儿)(?:来)?(?:出钱|掏钱|列支|支出)"
            r"|(?:钱|费|费用|经费|资金)(?:是|由|从)?(?:谁|哪里|哪儿)"
            r"|(?:自己|个人|本人)(?:要|需要|得|用不用|用)?(?:掏|交|付|出)(?:钱|费)?(?:吗|不|嘛|么)"
            r"|(?:要不要|用不用|需不需要)(?:自己)?(?:掏钱|交钱|付钱|出钱|自费)|要(?:交|付|掏)钱吗|自费吗"
        ),
    ),
    ("total", re.compile(r"总共|一共|合计|总计|共计|加起来|加在一起|累计|总数|总额|共有多少|共多少")),
    (
        "bound",
        re.compile(r"最多|最高|最少|至少|最低|上限|下限|封顶|顶多|最长|最短|不超过|不能超过|不得超过"),
    ),
    (
        "exclusive",
        re.compile(
            r"两样|两项|两份|两个都|都能(?:拿|领|享受|要|报)|同时(?:拿|领|享受|申请|报|参加|办)|兼得|叠加|重复"
            r"|还能再|能再(?:报|领|拿|申请|去)|又.{1,12}(?:还能|能不能|可以)"
        ),
    ),
    # 截至 before a date counts to that date (「截至2月底一共多少人」); 「出发前要交什么」 asks what, not by when
    (
        "deadline",
        re.compile(
            r"截[止至](?!\s*[0-9０-９〇一二三四五六七八九十今去本])|最晚|最迟|(?:几号|几月几号|哪天|哪一天|什么时候|啥时候|什么时间)(?:之|以)?前"
        ),
    ),
)
# a superlative asked of which one or who names no limit (CMRC trial: 「哪个路段是…最长的站间距离」)
_WHICH = re.compile(r"哪|谁")
_FIGURE = r"[0-9０-９〇一二三四五六七八九十两百千万]"
# The official phrasing that states each kind (passages read in simplified script).
_STATES: dict[FactKind, re.Pattern[str]] = {
    "recipient": re.compile(
        r"对象|范围|适用于|周岁以上|岁以上|年满|符合.{0,12}条件|凡.{1,20}的|享受.{0,6}(?:待遇|补贴|补助)|(?:不予|不得|不能)(?:入库|参加|报名|申请)"
        r"|为[^，。；：]{1,20}?(?:准备|配发|发放|提供|送上|赠送|安排)"
    ),
    "payer": re.compile(
        r"承担|负担|分担|自理|自付|自费|列支|支付|出资|由.{1,12}(?:保障|解决|安排|拨付)|不缴纳|免费|不收取|统一支出"
    ),
    "total": re.compile(
        rf"合计|总计|共计|累计|总数|总额|一共|总共|(?<![公总])共(?![同产享建治青性识商])[\u4e00-\u9fff]{{0,3}}?{_FIGURE}"
    ),
    "bound": re.compile(
        r"不超过|不得超过|不能超过|不高于|不低于|不少于|不足|最高|最多|最长|最低|最少|至少|上限|封顶|限额|为限|以内"
    ),
    "exclusive": re.compile(r"重复|就高|叠加|兼得|兼领|择一|择优|一项|同时享受|不同时|只能享受|不再|不另"),
    "deadline": re.compile(
        rf"(?:{_FIGURE}\s*[日号月时点]|[年月]底|[年月]末)\s*(?:（[^）]{{0,6}}）)?\s*(?:前|以前|之前|为止)|截止|截至|日内|天内|个工作日|逾期|最迟|最晚|之前"
    ),
}


def asked_facts(question: str) -> frozenset[FactKind]:
    """The kinds of fact a question (either script) asks for in everyday words, or none."""
    folded = to_simplified(question)
    kinds = {kind for kind, pattern in _ASKS if pattern.search(folded)}
    if _WHICH.search(folded):  # 「哪个路段最长」, 「谁拥有最高…」: the one that is most, no limit
        kinds.discard("bound")
    return frozenset(kinds)


def fact_spans(question: str) -> list[tuple[int, int, FactKind]]:
    """Where a question (read in simplified script: the offsets are the folded question's) asks each kind of
    `asked_facts` in everyday words: (start, end, kind) of every match, in order."""
    folded = to_simplified(question)
    kinds = asked_facts(folded)
    spans = [
        (m.start(), m.end(), kind)
        for kind, pattern in _ASKS
        if kind in kinds
        for m in pattern.finditer(folded)
    ]
    return sorted(spans)


def states(kind: FactKind, text: str) -> bool:
    """Whether a passage states a fact of that kind in the official phrasing of notices and tables."""
    return _STATES[kind].search(to_simplified(text)) is not None


def fact_stating_first(
    head: list[tuple[int, float]], records: dict[int, PassageRecord], question: str
) -> list[tuple[int, float]]:
    """The ranked head with, among the first FACT_DEPTH, each document's passages that state every kind of fact
    the question asks (`asked_facts`, `states`) before that document's other passages there, each group in its
    order; the slots each document holds are unchanged, so passages of other documents and passages missing from
    `records` stay where they are; each slot keeps its score. A question asking no such kind returns the head as it
    is."""
    kinds = asked_facts(question)
    if not kinds:
        return head
    # each passage takes the slot and the slot's score: the document matched as strongly as before, and the
    # head stays in score order (the confidence's margin reads the first two scores)
    return documents_first(
        head, records, FACT_DEPTH, lambda record: all(states(k, record.text) for k in kinds), slot_scores=True
    )
