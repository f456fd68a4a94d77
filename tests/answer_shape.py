"""The documented shape of `speechqa ask --json`'s answer (docs/cli.md, 「The JSON format in full」), checked
by the command-line tests and the query fuzz (tests/query_fuzz.py)."""

from __future__ import annotations

from typing import Any

# The documented JSON shape of one result of `speechqa ask --json`.
RESULT_TYPES: dict[str, tuple[type, ...]] = {
    "rank": (int,),
    "score": (float,),
    "text": (str,),
    "passage_id": (int,),
    "speech_id": (int,),
    "speech_title": (str,),
    "speech_date": (str, type(None)),
    "speaker": (str, type(None)),
    "issuer": (str, type(None)),
    "section": (str, type(None)),
    "answer_sentence": (dict, type(None)),
    "position": (int,),
    "pinned": (bool,),
    "relevant": (bool,),
}
ANSWER_KEYS = {
    "query",
    "answered",
    "confidence",
    "probability",
    "filters",
    "corrections",
    "pin_offer",
    "period_unnamed",
    "period_elsewhere",
    "record_fact",
    "page",
    "page_confidence",
    "has_more",
    "results",
}
RECORD_FACT_KEYS = {"kind", "label", "value", "basis", "speech_id", "speech_title", "passage_id", "line"}


def answer_shape_problems(answer: dict[str, Any]) -> list[str]:
    """What in one answer object differs from the documented shape; empty when nothing does."""
    wrong: list[str] = []
    if set(answer) - {"small_talk", "reply"} != ANSWER_KEYS:
        return [
            f"keys {sorted(set(answer) ^ (ANSWER_KEYS | {'small_talk', 'reply'}))} differ from the documented ones"
        ]
    if not (answer["filters"] is None or type(answer["filters"]) is dict):
        wrong.append(f"filters {answer['filters']!r}")
    fact = answer["record_fact"]  # a question about a document: docs/cli.md
    if not (fact is None or (type(fact) is dict and set(fact) == RECORD_FACT_KEYS)):
        wrong.append(f"record_fact {fact!r}")
    if not all(answer[k] is None or type(answer[k]) is str for k in ("period_unnamed", "period_elsewhere")):
        wrong.append("period_unnamed / period_elsewhere neither null nor a label")
    offer = answer["pin_offer"]
    if not (offer is None or set(offer) == {"pin_id", "question", "passage_id", "probability"}):
        wrong.append(f"pin_offer {offer!r}")
    if not (
        type(answer["corrections"]) is list
        and all(set(c) == {"from", "to", "start"} for c in answer["corrections"])
    ):
        wrong.append(f"corrections {answer['corrections']!r}")
    if type(answer["query"]) is not str:
        wrong.append("query is not a string")
    if type(answer["answered"]) is not bool or answer["confidence"] not in ("high", "medium", "low"):
        wrong.append(f"answered {answer['answered']!r}, confidence {answer['confidence']!r}")
    elif answer["answered"] != (answer["confidence"] != "low"):
        wrong.append(f"answered {answer['answered']} with confidence {answer['confidence']}")
    probability = answer["probability"]
    if not (probability is None or (type(probability) in (int, float) and 0.0 <= probability <= 1.0)):
        wrong.append(f"probability {probability!r}")
    if type(answer["page"]) is not int or answer["page"] < 1 or type(answer["has_more"]) is not bool:
        wrong.append(f"page {answer['page']!r}, has_more {answer['has_more']!r}")
    if answer["page_confidence"] not in (None, "high", "medium", "low"):
        wrong.append(f"page_confidence {answer['page_confidence']!r}")
    if type(answer["results"]) is not list:
        return [*wrong, "results is not a list"]
    # ranks run on from page to page (`ask --page`): consecutive, from 1 on the first page
    first = answer["results"][0].get("rank", 1) if answer["results"] and answer["page"] > 1 else 1
    for rank, result in enumerate(answer["results"], start=first if type(first) is int else 1):
        if set(result) != set(RESULT_TYPES):
            wrong.append(f"result {rank}'s keys {sorted(result)}")
            continue
        wrong += [
            f"result {rank}'s {key} {result[key]!r}"
            for key, types in RESULT_TYPES.items()
            if type(result[key]) not in types
        ]
        if result["rank"] != rank:
            wrong.append(f"result {rank} has rank {result['rank']}")
        sentence = result["answer_sentence"]
        if type(sentence) is dict:  # offsets into the passage text
            start, end = sentence.get("start"), sentence.get("end")
            if not (type(start) is int and type(end) is int and 0 <= start < end <= len(result["text"])):
                wrong.append(f"result {rank}'s answer sentence at {start}–{end} of {len(result['text'])}")
            elif result["text"][start:end] != sentence.get("text"):
                wrong.append(f"result {rank}'s answer sentence is not text[{start}:{end}]")
    return wrong


def assert_answer_schema(answer: dict[str, Any]) -> None:
    assert answer_shape_problems(answer) == []
