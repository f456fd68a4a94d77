"""A document's framing passages below its own items, in the ranked head.

An official document frames its items with two kinds of passage that share the question's nouns but say
nothing of what the items say: the 附件说明 line naming its attachments, and the opening that restates
its title before introducing the items (「…现将有关事项通知如下：」). After the learned ranker, within the
re-ranked head, each framing passage moves below its own document's items there; passages of other
documents keep their places. Measured: docs/measured.md (the 附件说明 line: session rank22; the opening:
session rank23).
"""

from __future__ import annotations

import re
import unicodedata

from corpus import ATTACHMENT_SECTION
from index import PassageRecord

from .answer_type import named_figures

# the end of a paragraph introducing what follows (「现将有关事项通知如下：」)
_LEADS_IN = re.compile(r"[：:][”’」』）)]*\s*$")
_DIGITS = re.compile(r"[0-9]+(?:\.[0-9]+)?")
# what a document's opening says besides its subject: why (为…), on what grounds (根据…)
_ASKS_WHY = re.compile(r"为什么|为何|为啥|原因|目的|意义|初衷|依据|根据")


def framing_below_items(
    head: list[tuple[int, float]], records: dict[int, PassageRecord], question: str
) -> list[tuple[int, float]]:
    """The ranked head with each document's framing passages moved below its items, for `question` (as
    searched: NFKC, simplified). One scan of the head finds the framing passages, by two predicates:

    - an attachment line (`lists_attachments`) moves below the last passage of its document in the head,
      unless the question names the attachments (附件);
    - an opening (`opens_document`) moves one place down, below the best passage of its document under a
      heading that stands under it (an attachment line moved there included), unless the question asks
      why or on what grounds (`asks_why`): that the opening says.

    Attachment lines move first, then openings, each kind in ranking order. A passage missing from
    `records` stays where it is. Neither move changes the order of the other passages, so the result is
    that of two passes over the head, one moving the attachment lines, then one moving the openings."""
    lines: list[int] = []
    openings: list[int] = []
    move_lines, move_openings = "附件" not in question, not asks_why(question)
    for doc, _ in head:
        record = records.get(doc)
        if record is None:
            continue
        if move_lines and lists_attachments(record):
            lines.append(doc)
        elif move_openings and opens_document(record):
            openings.append(doc)
    order = list(head)
    for doc in lines:
        at = _place(order, doc)
        speech = records[doc].speech_id
        last = max(
            i for i, (d, _) in enumerate(order) if (r := records.get(d)) is not None and r.speech_id == speech
        )
        if last > at:
            order.insert(last, order.pop(at))
    for doc in openings:
        at = _place(order, doc)
        speech = records[doc].speech_id
        below = next(
            (
                i
                for i in range(at + 1, len(order))
                if (r := records.get(order[i][0])) is not None and r.speech_id == speech and r.section
            ),
            None,
        )
        if below is not None:
            order.insert(below, order.pop(at))
    return order


def lists_attachments(record: PassageRecord) -> bool:
    """Whether a passage is a document's 附件说明 line, the titles of its attachments (「附件：冬季取暖补贴发放
    花名册（样表）」). The titles name what the items are about, so they share the question's nouns, but only
    the items say anything of them (when the 花名册 is due)."""
    return record.section == ATTACHMENT_SECTION


def opens_document(record: PassageRecord) -> bool:
    """Whether a passage is a document's opening lead-in that restates its title: no heading, ending on
    「：」, and naming no figure the title does not (「为增强…能力，…2026年继续为全市离退休干部统一办理团体意外
    伤害保险。现将有关事项通知如下：」 moves; 「…2024年全市共发生涉老诈骗案件137起，…决定于2025年6月至8月…开展…。
    现将有关事项通知如下：」 says what its items do not, and stays where it ranks)."""
    return (
        not record.section
        and _LEADS_IN.search(record.text) is not None
        and _figures(record.text) <= _figures(record.speech_title)
    )


def asks_why(question: str) -> bool:
    """Whether a question asks why, or on what grounds (为什么, 目的, 依据, 根据…): a document's opening
    says that (「为增强离退休干部抵御意外风险的能力」)."""
    return _ASKS_WHY.search(question) is not None


def _place(order: list[tuple[int, float]], doc: int) -> int:
    return next(i for i, (d, _) in enumerate(order) if d == doc)


def _figures(text: str) -> set[str]:
    """Every number a text writes in digits (「9月」 too), and its years in Chinese numerals (二〇二六年)."""
    return set(_DIGITS.findall(unicodedata.normalize("NFKC", text))) | named_figures(text)
