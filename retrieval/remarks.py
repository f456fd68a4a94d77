"""A reviewer's remark (批注) stands below the document's own text, unless the question asks for remarks.

Word's and OpenDocument's comments and a PDF's annotations are read as passages under the section 「批注」
(corpus.REMARKS_HEADING, after the body: docs/read58.md, docs/notes57.md). A remark quotes the words it was made
on and says what a reviewer thinks of them (「「报市委老干部局审批」处批注（王审核）：建议写明审批时限」), so it shares
the question's words with the passage it comments on and outranked it: 「老干部局审核书稿要多长时间」 was answered
by the remark at 92 %, the document's 「30个工作日内完成审核」 second (cold10). What a draft's reviewer proposed is
not what the document says.

After the learned ranker and the framing, deferral, place and definition rules, within the ranked head (the
first page and the next, what the verdict reads), every remark moves below every passage of the body of any
document there; each group keeps its order and nothing enters or leaves the head. A question asking for
remarks or opinions (`asks_remarks`: 批注, 意见, 建议, 谁提的…) keeps the order as ranked. The verdict is judged
on the passage first after the move; when a remark is still first (the head holds no body passage) and the
question does not ask for remarks, the level is at most 可能相关 (`remark_level`). Measured: docs/remarks58.md.
Every page shown follows the same rule within itself (`page_remarks_last`): past the head (更多结果 page 3 on,
or a page straddling the head's end) a remark stood above a later body passage of its page (docs/ops60.md).
"""

from __future__ import annotations

import re

from corpus import REMARKS_HEADING, to_simplified
from index import PassageRecord

from .confidence import Confidence

# the words by which a question asks for what reviewers said rather than what the document says: the remark
# itself (批注, 审阅, 批改), an opinion or a proposal (意见, 建议: 修改意见, 审核意见 included) and who made one
# (谁提的: not 谁批准, which asks who approves what a document rules). 意见 as a kind of document (《…实施意见》,
# 指导意见, 若干意见) or a draft's mark (征求意见稿) asks for a document's text, not for remarks
_ASKS = re.compile(r"批注|审阅|批改|意见|建议|谁提")
_DOCUMENT_KIND = re.compile(r"(?:实施|指导|若干|处理|审查)意见|征求意见|意见[》」]")


def is_remark(record: PassageRecord) -> bool:
    """Whether a passage is a reviewer's remark: its section is 「批注」 (or under it)."""
    section = record.section or ""
    return section == REMARKS_HEADING or section.startswith(REMARKS_HEADING + " › ")


def asks_remarks(question: str) -> bool:
    """Whether a question asks for reviewers' remarks or opinions (「审核意见是什么」, 「这条建议是谁提的」,
    「批注里说了什么」) rather than for what a document says. 「…实施意见》规定…」 names a document, asks nothing of
    remarks."""
    folded = _DOCUMENT_KIND.sub("", to_simplified(question))
    return _ASKS.search(folded) is not None


def remarks_below_body(
    head: list[tuple[int, float]], records: dict[int, PassageRecord], question: str
) -> list[tuple[int, float]]:
    """The ranked head with every remark (`is_remark`) below every other passage, each group in its order; a
    passage missing from `records` counts as the body's. A question asking for remarks (`asks_remarks`) gets
    the head as it is."""
    if asks_remarks(question):
        return head
    remark = [(r := records.get(d)) is not None and is_remark(r) for d, _ in head]
    if not any(remark):
        return head
    return [p for p, m in zip(head, remark, strict=True) if not m] + [
        p for p, m in zip(head, remark, strict=True) if m
    ]


def page_remarks_last(
    page: list[tuple[PassageRecord, float]], question: str, *, fixed: int = 0
) -> list[tuple[PassageRecord, float]]:
    """One page of passages as shown, every remark below every body passage of the page, each group in its
    order; the first `fixed` passages stay where they are (the first page's first: the passage the verdict
    judged, a pinned answer or a document's 「文件信息」 put first on purpose). A question asking for remarks
    gets the page as it is. Within the ranked head this changes nothing (`remarks_below_body` ordered it);
    past it, the passages come as ranked, and a remark stood above a later body passage of its page."""
    if asks_remarks(question):
        return page
    rest = page[fixed:]
    return page[:fixed] + [p for p in rest if not is_remark(p[0])] + [p for p in rest if is_remark(p[0])]


def remark_level(verdict: Confidence, first: PassageRecord, question: str) -> Confidence:
    """The verdict on a search whose first passage is `first`: at most 可能相关 (medium, no probability, as
    `confidence.lowered` gives) when that passage is a remark and the question does not ask for remarks — a
    reviewer's opinion on a draft is no direct answer to what the document says; else as it is."""
    if verdict.level == "high" and is_remark(first) and not asks_remarks(question):
        return Confidence("medium", None)
    return verdict
