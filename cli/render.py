"""How answers look on a terminal and in JSON (the JSON shape is a public interface: see README)."""

from __future__ import annotations

import shlex
from collections.abc import Mapping
from typing import Any

import click

from index import NearCopy, PassageRecord, SpeechRecord, shown_source
from retrieval import (
    LEVEL_NAMES,
    NO_ANSWER_NOTE,
    PAGE_LOW_NAME,
    SMALL_TALK_REPLIES,
    UNRELATED_MARK,
    Acting,
    Answer,
    Hit,
    RecordFact,
    SmallTalk,
    attribution,
    attribution_row,
    mark,
    near_copy_line,
    newer_version_note,
    typo_note,
)

from .help import display_width

LEVELS = {
    "high": (LEVEL_NAMES["high"], "green", ""),
    "medium": (LEVEL_NAMES["medium"], "yellow", "以下段落可能回答了这个问题，请核对原文。"),
    "low": (LEVEL_NAMES["low"], "yellow", NO_ANSWER_NOTE),
}


# What the command line says to small talk: as the bot does, but a pasted file path or link is answered
# with what its user can do here (add the file themselves)
CLI_REPLIES = {
    **SMALL_TALK_REPLIES,
    "link": "这是网页链接或文件路径，不是问题：speechqa 不打开链接。要把这个文件加入讲话库，请运行 "
    "speechqa add 文件路径；想查其中的内容，请直接用中文提问，例如「离休干部体检规定是什么？」。",
}

# Why a message is no question to pin or export, by its kind of small talk (「x」 is no pleasantry)
NOT_A_QUESTION: dict[SmallTalk, str] = {
    "thanks": "是客套话，不是问题",
    "greeting": "是客套话，不是问题",
    "farewell": "是客套话，不是问题",
    "ack": "是客套话，不是问题",
    "help": "是在问本工具怎么用，不是对讲话库的问题",
    "not_chinese": "不是中文问题（讲话库里都是中文讲话）",
    "too_short": "太短，不是完整的问题",
    "link": "是网页链接或文件路径，不是问题",
}


def not_a_question(question: str, kind: SmallTalk) -> str:
    """Why `question` cannot be pinned or exported, as NOT_A_QUESTION says by its kind — but a message of
    only punctuation or symbols (「。。。」「？？」「👍」), which is read as an acknowledgement or a puzzled
    「？」, is named for what it is rather than called a pleasantry or a question about the tool."""
    if not any(ch.isalnum() for ch in question):
        return "只有标点或符号，没有文字，不是问题"
    return NOT_A_QUESTION[kind]


def answer_json(answer: Answer, page: int = 1) -> dict[str, Any]:
    """One answer page as `ask --json` prints it: `page` is its number (1-based) as 更多 reaches it."""
    return {
        "query": answer.query,
        "answered": answer.answered,
        "confidence": answer.level,
        "probability": None if answer.probability is None else round(answer.probability, 4),
        **(
            {"small_talk": answer.small_talk, "reply": CLI_REPLIES[answer.small_talk]}
            if answer.small_talk
            else {}
        ),
        "filters": answer.filters.to_json() if answer.filters is not None else None,
        "period_unnamed": answer.period_unnamed,
        "period_elsewhere": answer.period_elsewhere,
        "corrections": [{"from": t.wrong, "to": t.right, "start": t.start} for t in answer.typos],
        "pin_offer": (
            None
            if answer.pin_offer is None
            else {
                "pin_id": answer.pin_offer.pin_id,
                "question": answer.pin_offer.question,
                "passage_id": answer.pin_offer.passage_id,
                "probability": answer.pin_offer.probability,
            }
        ),
        "record_fact": record_fact_json(answer.record_fact),
        "page": page,
        "page_confidence": answer.page_confidence,  # a later page's own heading; null on the first
        "has_more": answer.has_more,
        "results": [hit_json(hit) for hit in answer.hits],
    }


def record_fact_json(fact: RecordFact | None) -> dict[str, Any] | None:
    """A question about a document (「这个体检通知是哪天发的」): the fact asked, from the stored record."""
    if fact is None:
        return None
    return {
        "kind": fact.kind,
        "label": fact.label,
        "value": fact.value,
        "basis": fact.basis,
        "speech_id": fact.speech_id,
        "speech_title": fact.speech_title,
        "passage_id": fact.passage_id,
        "line": fact.line,
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
        "issuer": p.issuer,
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
        "position": p.position + 1,
        "pinned": hit.pinned,
        "relevant": hit.relevant,  # false: shown for context, 「可能不相关」
    }


def result_source(p: PassageRecord) -> str:
    """Title, date and speaker (a notice's issuer) of a result; the date always, as several speeches share
    a title."""
    return " · ".join(
        part
        for part in (p.speech_title, p.speech_date or "日期不详", attribution(p.speaker, p.issuer))
        if part
    )


def identity_line(p: PassageRecord) -> str:
    """The ids that tell a result's speech apart from others of the same title, and the passage's own."""
    return f"讲话 #{p.speech_id} · 段落 #{p.id}"


def filter_line(answer: Answer) -> str | None:
    report = answer.filters
    if report is None:
        return None
    if report.fallback and report.fallback_note:
        return click.style(
            f"{report.fallback_note}（speechqa speeches 列出编号），以下是在全部讲话中查找的结果：",
            fg="yellow",
        )
    if report.fallback:
        return click.style(f"{report.unmatched_note}，以下是不加筛选的结果：", fg="yellow")
    note = "（由问题识别，--no-auto-filter 可取消）" if report.detected else ""
    if report.set_aside:
        note = report.set_aside_note
    return click.style(
        f"仅限：{report.label}{report.undated_note}{report.restricted_note}", fg="magenta"
    ) + click.style(note, dim=True)


REPL_OFFER_KEY = "="  # in `speechqa repl`, asks the standard question the last answer offered


def render_answer(answer: Answer, *, in_repl: bool = False) -> str:
    lines = [click.style(answer.query, bold=True) + click.style(f"   ({answer.latency_ms:.0f} ms)", dim=True)]
    if (line := filter_line(answer)) is not None:
        lines.append(line)
    if (note := typo_note(answer.typos)) is not None:
        lines.append(click.style(note, fg="cyan"))
    if (period := answer.period_note) is not None:
        lines.append(click.style(period, fg="yellow"))
    if answer.small_talk:
        lines.append(CLI_REPLIES[answer.small_talk])
        return "\n".join(lines)
    if not answer.hits:
        lines.append(
            "没有找到含有问题中词语的段落：换个说法再问；按词语查找（--mode lexical）时，"
            "去掉 --mode 改用默认的检索方式。"
        )
        return "\n".join(lines)
    # a later page says how sure it is (the judge's probability is of the first page's best passage)
    label, colour, note = LEVELS[answer.page_level]
    if answer.page_confidence == "low":
        label, note = PAGE_LOW_NAME, ""
    # a pinned answer is the agreed one: 直接相关 by decision, not by the model's estimate
    pinned = any(hit.pinned for hit in answer.hits)
    sure = (
        f"（把握 {answer.probability:.0%}）"
        if answer.probability is not None and not pinned and answer.page_confidence is None
        else ""
    )
    lines.append(click.style(f"【{label}】", fg=colour, bold=True) + click.style(sure, dim=True))
    # the offer before 「以下是最接近的段落…：」, whose colon leads to the passages
    if (offer := answer.pin_offer) is not None:
        lines.append(
            click.style("📌 相近的标准问题：", fg="green")
            + click.style(offer.question, bold=True)
            + click.style(
                f"（看它的标准答案：输入 {REPL_OFFER_KEY} 回车）"
                if in_repl
                else f"（看它的标准答案：speechqa ask {shlex.quote(offer.question)}）",
                dim=True,
            )
        )
    if note:
        lines.append(click.style(note, fg=colour))
    if (fact := answer.record_fact) is not None:  # 「发布日期：2020年2月6日（据资料库记录的文件日期）」
        lines.append(click.style(fact.line, bold=fact.value is not None, fg=None if fact.value else "yellow"))
    for hit in answer.hits:
        p = hit.passage
        marker = "?" if not answer.answered else ""
        pin = click.style("📌 标准答案  ", fg="green", bold=True) if hit.pinned else ""
        unrelated = click.style(UNRELATED_MARK, fg="yellow") if answer.answered and not hit.relevant else ""
        lines.append("")
        lines.append(
            click.style(f"[{hit.rank}{marker}] ", fg="cyan", bold=True)
            + pin
            + click.style(result_source(p), fg="cyan")
            + click.style(f"   {identity_line(p)}", dim=True)
            + unrelated
            + (
                click.style(f"  {newer_version_note(hit.newer_version)}", fg="yellow")
                if hit.newer_version
                else ""
            )
        )
        if p.section:
            lines.append(click.style(f"    § {p.section}", dim=True))
        if hit.answer_sentence is not None:
            lines.append("    " + click.style(f"要点：{hit.answer_sentence.text}", bold=True))
        body = mark(p.text, hit.highlights, lambda piece: click.style(piece, fg="yellow", bold=True))
        lines.append(hang("    ", body))
    return "\n".join(lines)


def hang(label: str, text: str) -> str:
    """`label` then `text`, each further line of it (a table's rows, one a line) set under the first: as
    far in as the label is wide on a terminal (「 #54 第 31 段 」: two columns a Chinese character)."""
    return label + text.replace("\n", "\n" + " " * display_width(label))


def render_context(passages: list[PassageRecord], focus_id: int) -> str:
    """A passage with the ones around it in its speech, the passage itself marked (`speechqa context`)."""
    first = passages[0]
    lines = [
        click.style(first.speech_title, bold=True),
        click.style(
            " · ".join(
                part
                for part in (
                    first.speech_date or "日期不详",
                    attribution(first.speaker, first.issuer),
                    f"讲话 #{first.speech_id}",
                )
                if part
            ),
            dim=True,
        ),
    ]
    section = None
    for p in passages:
        if p.section and p.section != section:
            lines.append("")
            lines.append(click.style(f"§ {p.section}", fg="cyan"))
        section = p.section
        label = f"  #{p.id} 第 {p.position + 1} 段 "
        if p.id == focus_id:
            lines.append(
                click.style("▶" + label[1:], fg="yellow", bold=True)
                + hang(label, click.style(p.text, bold=True))[len(label) :]
            )
        else:
            lines.append(click.style(label, dim=True) + hang(label, p.text)[len(label) :])
    return "\n".join(lines)


def context_json(passages: list[PassageRecord], focus_id: int) -> dict[str, Any]:
    first = passages[0]
    return {
        "passage_id": focus_id,
        "speech_id": first.speech_id,
        "speech_title": first.speech_title,
        "speech_date": first.speech_date,
        "speaker": first.speaker,
        "issuer": first.issuer,
        "passages": [
            {
                "passage_id": p.id,
                "position": p.position + 1,
                "section": p.section,
                "text": p.text,
                "focus": p.id == focus_id,
            }
            for p in passages
        ],
    }


def render_speeches(
    speeches: list[SpeechRecord],
    near: Mapping[int, NearCopy] | None = None,
    differ: Mapping[int, str] | None = None,
) -> str:
    """The list `speechqa speeches` prints; a speech kept beside another version of itself (`near`, by speech
    id) has a line saying so, as `add` said it, and one saying where the two differ (`differ`, by speech id)."""
    if not speeches:
        return "还没有任何讲话。用 speechqa add 文件 添加，或 speechqa add --bundled 加回自带的讲话。"
    lines = []
    near = near or {}
    for s in speeches:
        meta = " · ".join(part for part in (s.date, attribution(s.speaker, s.issuer)) if part)
        lines.append(
            click.style(f"{s.id:>4}  ", fg="cyan")
            + s.title
            + (click.style(f"  {meta}", dim=True) if meta else "")
            + click.style(f"  [{s.passages} 段 · {shown_source(s.path, s.source)}]", dim=True)
        )
        if (copy := near.get(s.id)) is not None:
            line = near_copy_line(
                s.id, copy.other_id, copy.similarity, copy.older, copy.older_by, acting=CLI_ACTING
            )
            lines.append(click.style(f"      ⚠ {line}", fg="yellow"))  # as add said it
            if (where := (differ or {}).get(s.id)) is not None:
                lines.append(click.style(f"      {where}", fg="yellow"))
    return "\n".join(lines)


# How the CLI's user acts on a near copy (`add`, `speeches`): the commands to remove the older one or to say both
# stay, which ends the warning.
CLI_ACTING = Acting(
    remove=lambda n, this: f"请删除{'这篇' if this else '旧版'}：speechqa remove {n}",
    keep=lambda this, other: f"两篇都要保留：speechqa keep-both {this} {other}",
)


def render_speech(speech: SpeechRecord, passages: list[PassageRecord]) -> str:
    lines = [click.style(speech.title, bold=True)]
    if speech.subtitle:
        lines.append(f"——{speech.subtitle}")
    for label, value in (
        ("日期", speech.date or "日期不详"),  # said unknown, as the bot's 出处 card says it
        attribution_row(speech.speaker, speech.issuer),  # 讲话人, or a notice's 发文 (as its results say)
        ("来源", shown_source(speech.path, speech.source)),
    ):
        if value:
            lines.append(click.style(f"{label}：", dim=True) + value)
    section = None
    for p in passages:
        if p.section != section and p.section:
            lines.append("")
            lines.append(click.style(f"§ {p.section}", fg="cyan"))
        section = p.section
        label = f"  #{p.id} "
        lines.append(click.style(label, dim=True) + hang(label, p.text)[len(label) :])
    return "\n".join(lines)
