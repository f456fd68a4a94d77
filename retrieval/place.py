"""Asked where, a document's passage that gives a place comes first among that document's passages.

A notice says where in one item (「二、培训地点：县老干部活动中心二楼民乐排练厅。」) and says what the event is in
others — its opening, its time, its content — which share more of the question's words (「二胡培训班在哪里上课」)
and ranked above it. After the learned ranker and the framing and deferral rules, within the first PLACE_DEPTH of
the ranked head, when the question asks where (在哪里, 什么地方, 「…地点」: `answer_type.asked_kinds`), the
passages of each document there that give a place (`deferral.gives_kind`: a 地点/地址 label with what follows,
a house number, a room or hall) take that document's first places there, in their order, and its others the
places after; passages of other documents keep theirs. Nothing enters or leaves the head.

When the question also asks when (「哪天，在哪里」), a passage must give a time too to move up. Measured:
docs/place57.md.
"""

from __future__ import annotations

from collections.abc import Callable

from corpus import to_simplified
from index import PassageRecord

from .answer_type import asked_kinds
from .deferral import gives_kind

# how many of the ranked head are read: the page a user sees (as deferral.DEFERRAL_DEPTH)
PLACE_DEPTH = 5


def place_givers_first(
    head: list[tuple[int, float]], records: dict[int, PassageRecord], question: str
) -> list[tuple[int, float]]:
    """The ranked head with, among the first PLACE_DEPTH, each document's passages that give what a place
    question asks (a place, and a time when it asks one too: `gives_kind`) before that document's other
    passages there, each group in its order; the slots each document holds are unchanged, so passages of
    other documents and passages missing from `records` stay where they are. A question not asking where
    returns the head as it is."""
    kinds = asked_kinds(to_simplified(question).lower()) & {"place", "time"}
    if "place" not in kinds:
        return head
    return documents_first(
        head, records, PLACE_DEPTH, lambda record: all(gives_kind(k, record.text) for k in kinds)
    )


def documents_first(
    head: list[tuple[int, float]],
    records: dict[int, PassageRecord],
    depth: int,
    wanted: Callable[[PassageRecord], bool],
    slot_scores: bool = False,
) -> list[tuple[int, float]]:
    """The ranked head with, among its first `depth`, each document's `wanted` passages before that document's
    other passages there, each group in its order; the slots each document holds are unchanged, so passages of
    other documents and passages missing from `records` stay where they are. With `slot_scores` a passage moved
    takes its slot's score (the head stays in score order), else it keeps its own."""
    top = head[:depth]
    by_document: dict[int, list[int]] = {}
    for i, (doc, _) in enumerate(top):
        record = records.get(doc)
        if record is not None:
            by_document.setdefault(record.speech_id, []).append(i)
    order = list(top)
    for slots in by_document.values():
        passages = [top[i] for i in slots]
        marks = [wanted(records[d]) for d, _ in passages]
        if not any(marks) or all(marks):
            continue
        pairs = list(zip(passages, marks, strict=True))
        ranked = [p for p, m in pairs if m] + [p for p, m in pairs if not m]
        for i, (doc, score) in zip(slots, ranked, strict=True):
            order[i] = (doc, top[i][1] if slot_scores else score)
    return order + head[depth:]
