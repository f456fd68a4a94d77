"""How answers look on a terminal and in JSON (the JSON shape is a public interface: see README)."""

from __future__ import annotations

from typing import Any

import click

from index import PassageRecord, SpeechRecord
from retrieval import SMALL_TALK_REPLIES, Answer, Hit, mark

NO_ANSWER = "语料中没有找到直接回答这个问题的内容。以下是最接近的段落（可能不相关）："
LEVELS = {
    "high": ("直接相关", "green", ""),
    "medium": ("可能相关", "yellow", "以下段落可能回答了这个问题，请核对原文。"),
    "low": ("未找到直接回答", "yellow", NO_ANSWER),
}


def answer_json(answer: Answer) -> dict[str, Any]:
    return {
        "query": answer.query,
        "answered": answer.answered,
        "confidence": answer.level,
        "probability": None if answer.probability is None else round(answer.probability, 4),
        **(
            {"small_talk": answer.small_talk, "reply": SMALL_TALK_REPLIES[answer.small_talk]}
            if answer.small_talk
            else {}
        ),
        "results": [hit_json(hit) for hit in answer.hits],
    }


def hit_json(hit: Hit) -> dict[str, Any]:
    p = hit.passage
    return {
        "rank": hit.rank,
        "score": round(float(hit.score), 4),
        "text": p.text,
        "passage_id": p.id,
        "speech_id": p.speech_id,
        "speech_title": p.speech_title,
        "speech_date": p.speech_date,
        "speaker": p.speaker,
        "section": p.section,
        "answer_sentence": (
            None
            if hit.answer_sentence is None
            else {
                "text": hit.answer_sentence.text,
                "start": hit.answer_sentence.start,
                "end": hit.answer_sentence.end,
            }
        ),
    }


def source_line(p: PassageRecord) -> str:
    return " · ".join(part for part in (p.speech_title, p.speech_date, p.speaker) if part)


def render_answer(answer: Answer) -> str:
    lines = [click.style(answer.query, bold=True) + click.style(f"   ({answer.latency_ms:.0f} ms)", dim=True)]
    if answer.small_talk:
        lines.append(SMALL_TALK_REPLIES[answer.small_talk])
        return "\n".join(lines)
    if not answer.hits:
        lines.append("语料库中还没有任何段落。")
        return "\n".join(lines)
    label, colour, note = LEVELS[answer.level]
    sure = f"（把握 {answer.probability:.0%}）" if answer.probability is not None else ""
    lines.append(click.style(f"【{label}】", fg=colour, bold=True) + click.style(sure, dim=True))
    if note:
        lines.append(click.style(note, fg=colour))
    for hit in answer.hits:
        p = hit.passage
        marker = "?" if not answer.answered else ""
        lines.append("")
        lines.append(
            click.style(f"[{hit.rank}{marker}] ", fg="cyan", bold=True)
            + click.style(source_line(p), fg="cyan")
            + click.style(f"   #{p.id}", dim=True)
        )
        if p.section:
            lines.append(click.style(f"    § {p.section}", dim=True))
        if hit.answer_sentence is not None:
            lines.append("    " + click.style(f"要点：{hit.answer_sentence.text}", bold=True))
        body = mark(p.text, hit.highlights, lambda piece: click.style(piece, fg="yellow", bold=True))
        lines.append("    " + body)
    return "\n".join(lines)


def render_speeches(speeches: list[SpeechRecord]) -> str:
    if not speeches:
        return "还没有任何讲话。用 speechqa add 文件 添加。"
    lines = []
    for s in speeches:
        meta = " · ".join(part for part in (s.date, s.speaker) if part)
        lines.append(
            click.style(f"{s.id:>4}  ", fg="cyan")
            + s.title
            + (click.style(f"  {meta}", dim=True) if meta else "")
            + click.style(f"  [{s.passages} 段 · {s.source}]", dim=True)
        )
    return "\n".join(lines)


def render_speech(speech: SpeechRecord, passages: list[PassageRecord]) -> str:
    lines = [click.style(speech.title, bold=True)]
    if speech.subtitle:
        lines.append(f"——{speech.subtitle}")
    for label, value in (("日期", speech.date), ("讲话人", speech.speaker), ("来源", speech.source)):
        if value:
            lines.append(click.style(f"{label}：", dim=True) + value)
    section = None
    for p in passages:
        if p.section != section and p.section:
            lines.append("")
            lines.append(click.style(f"§ {p.section}", fg="cyan"))
        section = p.section
        lines.append(click.style(f"  #{p.id} ", dim=True) + p.text)
    return "\n".join(lines)
