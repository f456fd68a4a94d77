"""Turn answers, speeches and statistics into Telegram HTML that Telegram accepts.

A message is first built as a list of plain-text `Piece`s. When it would be too long, the passage
bodies are shortened (as plain text, at sentence ends where possible), and only then is every piece
escaped and wrapped in its tags: a cut can never fall inside a tag or an entity. Length is measured as
Telegram measures it, after entity parsing and in UTF-16 code units, which is the total length of the
pieces' plain text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import PurePath
from typing import Literal

from corpus import SUPPORTED_FORMATS
from corpus.reader import MAX_FILE_BYTES
from index import (
    BUNDLED,
    BUNDLED_NAME,
    BuildReport,
    FileOutcome,
    NearCopy,
    PassageRecord,
    PinRecord,
    PinState,
    QueryStats,
    SpeechRecord,
    TakenOffer,
    archive_tallies,
)
from retrieval import (
    LEVEL_NAMES,
    NO_ANSWER_NOTE,
    NO_MORE_RELATED,
    PAGE_LOW_NAME,
    SMALL_TALK_REPLIES,
    UNKNOWN_SPEAKER,
    UNRELATED_MARK,
    Acting,
    Answer,
    Hit,
    added_near_copy_line,
    added_size,
    archive_skipped_lines,
    archive_summary,
    attribution,
    attribution_row,
    mark,
    near_copy_line,
    newer_version_note,
    typo_note,
)

TEXT_LIMIT = 4096  # Telegram's limit for a message's text, after entity parsing
# The Bot API does not let bots download larger files (getFile). The one source of the limit the bot checks
# and of the line that names it, beside `speechqa add`'s (corpus.MAX_FILE_BYTES, corpus.size_refusal).
MAX_DOWNLOAD = 20 * 1024 * 1024
MB = 1024 * 1024
ELLIPSIS = "…"
PINNED = "📌 标准答案"
OFFER = "📌 相近的标准问题："
OFFER_HINT = "（点下方按钮看它的标准答案）"
NO_MORE = NO_MORE_RELATED
LEVELS = {
    "high": f"✅ {LEVEL_NAMES['high']}",
    "medium": f"🔶 {LEVEL_NAMES['medium']}，请核对原文",
    "low": f"⚠️ {LEVEL_NAMES['low']}",
}
MIN_PASSAGE = 80  # below this, a page shows fewer passages rather than stubs of all of them
SECTION_CHARS = 60
ANSWER_CHARS = 300  # an answer sentence longer than this (rare: one run-on sentence) is clipped
_SENTENCE_ENDS = "。！？；!?;…\n"
_CLOSERS = "”’）)」』】》"
_CLAUSE_ENDS = "，、,：:"

Style = Literal["", "b", "i", "u", "code", "blockquote"]
Span = tuple[int, int]


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units: how Telegram counts a message's length."""
    return len(text.encode("utf-16-le")) // 2


@dataclass(frozen=True)
class Piece:
    """A run of plain text with one style; `marks` are [start, end) spans shown in bold."""

    text: str
    style: Style = ""
    marks: tuple[Span, ...] = ()
    shrink: bool = False  # a passage body: shortened first when the message is too long


def to_html(pieces: Sequence[Piece]) -> str:
    out = []
    for piece in pieces:
        if not piece.text:
            continue
        if piece.marks and not piece.style:
            body = mark(piece.text, piece.marks, lambda s: f"<b>{escape(s)}</b>", escape)
        else:
            body = escape(piece.text)
        out.append(f"<{piece.style}>{body}</{piece.style}>" if piece.style else body)
    return "".join(out)


def plain_length(pieces: Sequence[Piece]) -> int:
    return sum(utf16_len(p.text) for p in pieces)


def fit(pieces: Sequence[Piece], limit: int = TEXT_LIMIT) -> list[Piece]:
    """Shorten pieces so their total plain length is at most `limit`: the longest shrinkable pieces
    first (each to a common cap), and only if that is not enough, every piece."""
    pieces = list(pieces)
    cap = _cap(pieces, limit)
    if cap is None:
        return pieces
    if cap >= 0:
        return [_shorten_piece(p, cap) if p.shrink else p for p in pieces]
    everything = [replace(p, shrink=True) for p in pieces]
    cap = _cap(everything, limit)
    if cap is None:  # pragma: no cover - cannot happen: the shrinkable total was over the limit
        return pieces
    return [replace(_shorten_piece(p, max(cap, 0)), shrink=False) for p in everything]


def render(pieces: Sequence[Piece], limit: int = TEXT_LIMIT) -> str:
    return to_html(fit(pieces, limit))


def _cap(pieces: Sequence[Piece], limit: int) -> int | None:
    """The largest length every shrinkable piece may keep so the total fits; None if it fits as is,
    -1 if even emptying the shrinkable pieces is not enough."""
    lengths = [utf16_len(p.text) for p in pieces if p.shrink]
    fixed = plain_length(pieces) - sum(lengths)
    if fixed + sum(lengths) <= limit:
        return None
    room = limit - fixed
    if room < 0:
        return -1
    low, high = 0, max(lengths, default=0)
    while low < high:  # the largest cap with sum(min(length, cap)) <= room
        middle = (low + high + 1) // 2
        if sum(min(n, middle) for n in lengths) <= room:
            low = middle
        else:
            high = middle - 1
    return low


def _shorten_piece(piece: Piece, budget: int) -> Piece:
    text, marks = shorten(piece.text, piece.marks, budget)
    return replace(piece, text=text, marks=marks)


def shorten(text: str, marks: Sequence[Span], budget: int) -> tuple[str, tuple[Span, ...]]:
    """Shorten plain text to at most `budget` UTF-16 units, cleanly: at a sentence end when one is
    near, else at a clause break, with "…" where text was left out. When the first marked word would
    be cut off, the excerpt starts at the sentence that holds it. Marks are moved and clipped."""
    marks = tuple(marks)
    if utf16_len(text) <= budget:
        return text, marks
    if budget <= 0:
        return "", ()
    if budget == 1:
        return ELLIPSIS, ()
    start, lead = 0, ""
    if marks and utf16_len(text[: marks[0][1]]) > budget - 1:
        start, lead = _sentence_start(text, marks[0][0]), ELLIPSIS
        if utf16_len(text[start : marks[0][1]]) > budget - 2:
            start = marks[0][0]
    rest = text[start:]
    room = budget - utf16_len(lead)
    if utf16_len(rest) <= room:
        body, tail = rest, ""
    else:
        room -= 1
        end = _clean_end(rest, _prefix_for(rest, room), [(s - start, e - start) for s, e in marks])
        body, tail = rest[:end].rstrip(_CLAUSE_ENDS + " "), ELLIPSIS
    shift = len(lead) - start
    moved = []
    for s, e in marks:
        s, e = max(s + shift, len(lead)), min(e + shift, len(lead) + len(body))
        if s < e:
            moved.append((s, e))
    return lead + body + tail, tuple(moved)


def _prefix_for(text: str, budget: int) -> int:
    """Number of characters of the longest prefix within `budget` UTF-16 units."""
    used = 0
    for index, ch in enumerate(text):
        used += 2 if ord(ch) > 0xFFFF else 1
        if used > budget:
            return index
    return len(text)


def _clean_end(text: str, end: int, marks: Sequence[Span]) -> int:
    """A nicer place to stop at or before `end`: a sentence end, a clause break, never inside a mark."""
    floor = end // 2
    for i in range(end, floor, -1):
        if text[i - 1] in _SENTENCE_ENDS or (
            text[i - 1] in _CLOSERS and i >= 2 and text[i - 2] in _SENTENCE_ENDS
        ):
            return i
    for i in range(end, floor, -1):
        if text[i - 1] in _CLAUSE_ENDS:
            return i
    for s, e in marks:
        if s < end < e and s > 0:
            return s
    return end


def _sentence_start(text: str, position: int) -> int:
    for i in range(position, 0, -1):
        if text[i - 1] in _SENTENCE_ENDS:
            return i
    return 0


def escape(text: str) -> str:
    """HTML-escape user or corpus text for Telegram (quotes need no escaping outside attributes)."""
    return html.escape(text, quote=False)


def _clip(text: str, chars: int) -> str:
    return text if len(text) <= chars else text[: chars - 1] + ELLIPSIS


def result_line(p: PassageRecord, newer: int | None = None) -> str:
    """Date, speaker (a notice's issuer) and speech id of a result: several speeches share a title, these
    tell them apart; `newer`: a newer version of the speech is stored beside it (`Hit.newer_version`)."""
    return " · ".join(
        part
        for part in (p.speech_date or "日期不详", attribution(p.speaker, p.issuer), f"讲话 #{p.speech_id}")
        if part
    ) + (f" · {newer_version_note(newer)}" if newer is not None else "")


def filter_line(answer: Answer) -> str | None:
    """What the search was restricted to (「仅限：沈伟 · 2024 年」), or that nothing matched it."""
    report = answer.filters
    if report is None:
        return None
    if report.fallback and report.fallback_note:
        return f"{report.fallback_note}（发送 /speeches 查看编号），以下是在全部讲话中查找的结果。"
    if report.fallback:
        return f"{report.unmatched_note}，以下是不加筛选的结果。"  # the CLI's words, its typo hint too
    if report.set_aside:
        return f"仅限：{report.label}{report.undated_note}{report.restricted_note}{report.set_aside_note}"
    return f"仅限：{report.label}{report.undated_note}{report.restricted_note}" + (
        "（由问题识别，可点「取消筛选」）" if report.detected else ""
    )


# -- answers ----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class AnswerView:
    """An answer rendered for one message: the HTML, the hits it shows, where the next page starts."""

    html: str
    hits: tuple[Hit, ...]
    next_offset: int | None  # None: there is no further page


def render_answer(answer: Answer, limit: int = TEXT_LIMIT) -> AnswerView:
    """The page of passages as one message: each with title, date, speaker, section, the passage with
    the query's words in bold. Shows fewer passages when all of them would not fit readably."""
    if answer.small_talk:
        return AnswerView(render([Piece(SMALL_TALK_REPLIES[answer.small_talk])], limit), (), None)
    if not answer.hits:
        pieces = [Piece("🔎 "), Piece(_clip(answer.query, 200), "b"), Piece("\n\n")]
        if (line := filter_line(answer)) is not None:
            pieces += [Piece(line, "i"), Piece("\n")]
        pieces.append(Piece("语料库中还没有相关段落。" if answer.offset else "语料库中还没有任何讲话。"))
        return AnswerView(render(pieces, limit), (), None)
    shown = len(answer.hits)
    while True:
        more = answer.has_more or shown < len(answer.hits)
        pieces = _answer_pieces(answer, answer.hits[:shown])
        if not more and answer.answered:  # where relevant results end, say so (last line)
            pieces += [Piece("\n\n"), Piece(NO_MORE, "i")]
        cap = _cap(pieces, limit)
        if shown == 1 or cap is None or cap >= MIN_PASSAGE:
            break
        shown -= 1
    return AnswerView(render(pieces, limit), answer.hits[:shown], answer.offset + shown if more else None)


def _answer_pieces(answer: Answer, hits: Sequence[Hit]) -> list[Piece]:
    first, last = hits[0].rank, hits[-1].rank
    pieces = [Piece("🔎 "), Piece(_clip(answer.query, 200), "b"), Piece("\n")]
    if (line := filter_line(answer)) is not None:
        pieces += [Piece(line, "i"), Piece("\n")]
    if (note := typo_note(answer.typos)) is not None:
        pieces += [Piece(note, "i"), Piece("\n")]
    if (period := answer.period_note) is not None:
        pieces += [Piece(period, "i"), Piece("\n")]
    # a later page says how sure it is, not the first page's verdict again
    heading = f"⚠️ {PAGE_LOW_NAME}" if answer.page_confidence == "low" else LEVELS[answer.page_level]
    pieces += [Piece(heading, "b"), Piece("\n")]
    # the offer before 「以下是最接近的段落…：」, whose colon leads to the passages
    if answer.pin_offer is not None:
        pieces += [
            Piece(OFFER),
            Piece(_clip(answer.pin_offer.question, 200), "b"),
            Piece(OFFER_HINT, "i"),
            Piece("\n"),
        ]
    if not answer.answered:
        pieces += [Piece(NO_ANSWER_NOTE, "i"), Piece("\n")]
    if (fact := answer.record_fact) is not None:  # the asked date, speaker, 文号…, from the stored record
        pieces += [Piece(fact.line, "b" if fact.value is not None else "i"), Piece("\n")]
    pieces.append(Piece(f"第 {first}–{last} 条" if last > first else f"第 {first} 条", "i"))
    for hit in hits:
        p = hit.passage
        pieces += [Piece("\n\n"), Piece(f"{hit.rank}. {_clip(p.speech_title, 120)}", "b")]
        if hit.pinned:
            pieces += [Piece(" "), Piece(PINNED, "b")]
        elif not hit.relevant or not answer.answered:
            pieces.append(Piece(UNRELATED_MARK, "i"))
        pieces += [Piece("\n"), Piece(result_line(p, hit.newer_version), "i")]
        if p.section:
            pieces += [Piece("\n"), Piece("§ " + _clip(p.section, SECTION_CHARS), "i")]
        if hit.answer_sentence is not None:  # never shortened away: it is its own, fixed piece
            pieces += [Piece("\n"), Piece("要点：" + _clip(hit.answer_sentence.text, ANSWER_CHARS), "b")]
        pieces += [Piece("\n"), Piece(p.text, marks=hit.highlights, shrink=True)]
    return pieces


def docx_name(answer: Answer) -> str:
    """A file name for an exported answer: the question's first words (safe in every file system)."""
    words = "".join(ch for ch in answer.query if ch.isalnum() or ch in "-_ ")[:24].strip() or "检索结果"
    return f"{words}.docx"


# under a file exported from an answer whose passages the library no longer gives it (a speech replaced, removed)
EXPORT_DIFFERS = (
    "注意：资料库在这个回答之后有过改动，文件按现在的资料库重新检索，所列段落与上面的回答不完全相同。"
)


def docx_caption(answer: Answer, *, differs: bool = False) -> str:
    """The caption (HTML) of an exported answer; `differs`: its passages are not those the message pressed under
    shows (the library changed since), said under it."""
    pieces = [Piece("📄 "), Piece(_clip(answer.query, 200), "b")]
    if answer.hits:
        first, last = answer.hits[0].rank, answer.hits[-1].rank
        pieces.append(
            Piece(f"\n第 {first}–{last} 条，含完整出处" if last > first else f"\n第 {first} 条，含完整出处")
        )
    if differs:
        pieces.append(Piece(f"\n⚠️ {EXPORT_DIFFERS}"))
    return render(pieces, 1024)


# -- speeches ---------------------------------------------------------------------------------------
def render_context(passages: Sequence[PassageRecord], focus_id: int, limit: int = TEXT_LIMIT) -> str:
    """A passage with the paragraphs around it; the passage itself is set off as a quote."""
    if not passages:
        return "这段内容已不在语料中。"
    first = passages[0]
    pieces = [Piece("📖 上下文 · "), Piece(_clip(first.speech_title, 120), "b")]
    # cited as a result is (「日期不详 · 讲话 #4」): several speeches share a title such as this one's
    pieces += [Piece("\n"), Piece(result_line(first), "i")]
    pieces += _body(passages, focus_id)
    return render(pieces, limit)


def render_speech(speech: SpeechRecord, sections: Sequence[str], limit: int = TEXT_LIMIT) -> str:
    """A speech's details (出处 and /speech): title, date, speaker, file, and its outline."""
    pieces = [Piece("📄 "), Piece(speech.title, "b")]
    if speech.subtitle:
        pieces.append(Piece(f"\n——{speech.subtitle}"))
    for label, value in (
        # every card has a date and a speaker line, said unknown as the results and the list say it
        ("日期", speech.date or "日期不详"),
        attribution_row(speech.speaker, speech.issuer),  # 讲话人, or a notice's 发文 (as its results say)
        ("来源文件", f"{speech.source}（{BUNDLED_NAME}）" if bundled(speech) else speech.source),
        ("汇编标题", speech.label),
    ):
        if value:
            pieces += [Piece(f"\n{label}："), Piece(value)]
    pieces.append(Piece(f"\n编号：{speech.id} · 共 {speech.passages} 段"))
    if sections:
        pieces += [Piece("\n\n"), Piece("结构", "b")]
        for heading in sections:
            pieces.append(Piece("\n• " + _clip(heading, SECTION_CHARS), shrink=True))
    return render(pieces, limit)


def outline(passages: Sequence[PassageRecord]) -> list[str]:
    """The top-level headings of a speech, in reading order."""
    seen: list[str] = []
    for p in passages:
        if p.section:
            top = p.section.split(" › ")[0]
            if top not in seen:
                seen.append(top)
    return seen


def render_speech_page(
    speech: SpeechRecord, passages: Sequence[PassageRecord], start: int, limit: int = TEXT_LIMIT
) -> str:
    """Part of a speech's full text (passages in reading order from position `start`)."""
    pieces = [Piece("📄 "), Piece(_clip(speech.title, 120), "b")]
    if passages:
        pieces.append(Piece(f"\n第 {start + 1}–{start + len(passages)} 段，共 {speech.passages} 段", "i"))
    else:
        pieces.append(Piece("\n没有更多内容了。", "i"))
    pieces += _body(passages)
    return render(pieces, limit)


def _body(passages: Sequence[PassageRecord], focus_id: int | None = None) -> list[Piece]:
    """Passages in reading order, each new section's heading above its first passage."""
    pieces: list[Piece] = []
    section = None
    for p in passages:
        if p.section and p.section != section:
            pieces += [Piece("\n\n"), Piece("§ " + _clip(p.section, SECTION_CHARS), "i"), Piece("\n")]
        else:
            pieces.append(Piece("\n\n"))
        section = p.section
        pieces.append(Piece(p.text, "blockquote" if p.id == focus_id else "", shrink=True))
    return pieces


# a speech shipped with speechqa, which an empty library is given on first use: another office's (温州) speeches,
# not this one's — said in the list (BUNDLED_NAME) and on its card, so an admin can tell them apart (and remove them)
def bundled(speech: SpeechRecord) -> bool:
    return (speech.path or "").startswith(BUNDLED)


def render_speech_list(
    speeches: Sequence[SpeechRecord],
    page: int,
    pages: int,
    total: int,
    *,
    past_the_end: bool = False,
    near: Mapping[int, NearCopy] | None = None,
    differ: Mapping[int, str] | None = None,
    admin: bool = False,
) -> str:
    """A page of the speech list; `past_the_end`: a later page was asked (「/speeches 99」) and this, the last,
    is shown instead — said, not passed off as the one asked. Under a speech kept beside another version of
    itself (`near`, by speech id), the ⚠ line `speechqa speeches` prints and where the two differ (`differ`);
    for an `admin` with the buttons of the upload report (keyboards.speech_list_keyboard) to act on it."""
    if not speeches:
        return "语料库中还没有任何讲话。"
    pieces = [Piece(f"讲话列表只有 {pages} 页，以下是最后一页。\n\n")] if past_the_end else []
    pieces.append(Piece(f"📚 讲话列表（共 {total} 篇）", "b"))
    for s in speeches:
        meta = " · ".join(
            part
            for part in (
                s.date,
                attribution(s.speaker, s.issuer),
                f"{s.passages} 段",
                bundled(s) and BUNDLED_NAME,
            )
            if part
        )
        pieces += [Piece(f"\n\n{s.id}. "), Piece(_clip(s.title, 120), "b"), Piece("\n"), Piece(meta, "i")]
        if (copy := (near or {}).get(s.id)) is not None:
            pieces.append(
                Piece(
                    f"\n⚠️ {near_copy_line(s.id, copy.other_id, copy.similarity, copy.older, copy.older_by, acting=ADMIN_ACTING if admin else None)}"
                )
            )
            if (where := (differ or {}).get(s.id)) is not None:
                pieces.append(Piece(f"\n{where}", shrink=True))
    pieces.append(Piece(f"\n\n第 {page + 1}/{pages} 页 · 点下方编号或发送 /speech 编号 查看详情", "i"))
    return render(pieces)


# How an admin acts on a near copy in the bot: the buttons under the message (🗑 删除旧版, 两篇都保留); others are
# told which of the two to go by.
ADMIN_ACTING = Acting(
    remove=lambda n, this: f"点下方「删除旧版 #{n}」",
    keep=lambda this, other: "两篇都要保留，点「两篇都保留」，不再提示。",
)


# -- admin ------------------------------------------------------------------------------------------
_STATUS = {"added": "新增", "updated": "已更新", "unchanged": "未变化", "removed": "已删除"}


def render_ingest(
    outcomes: Sequence[FileOutcome], report: BuildReport | None, differ: Mapping[int, str] | None = None
) -> str:
    """What adding an uploaded document did, or why it was refused; under a near copy's ⚠, where the two
    versions differ (`differ`, by speech id: index.version_difference, as `speechqa add` says it)."""
    pieces: list[Piece] = []
    for outcome in outcomes:
        if outcome.skipped and outcome.archive:  # a file of a .zip passed over: in the archive's tally
            continue
        if outcome.error:
            pieces += [Piece("❌ 未能加入："), Piece(outcome.error, shrink=True), Piece("\n")]
            continue
        pieces += [Piece("📥 "), Piece(outcome.name, "b"), Piece("\n")]
        for s in outcome.speeches:
            # the date and speaker as read, as `speechqa add` prints them: what every citation will say
            details = f"{s.passages} 段"
            if s.status != "removed":
                details = f"{s.date or '日期不详'} · {attribution(s.speaker, s.issuer) or UNKNOWN_SPEAKER} · {details}"
            if s.status == "same_file":  # the same bytes as a file added before
                line = f"未变化（与 #{s.speech_id} 相同）《{s.title}》（{details}）\n"
            elif s.status == "duplicate":  # the same or nearly the same text is stored already
                line = f"重复（与 #{s.speech_id} 相同，未重复存储）《{s.title}》（{details}）\n"
            else:
                line = f"{_STATUS.get(s.status, s.status)} #{s.speech_id} 《{s.title}》（{details}）\n"
            pieces.append(Piece(line))
            if s.similar_to is not None:  # a corrected copy under another name? both would be served
                # the older of the two is the one to remove: the stored one, or this one when dated before it
                said = added_near_copy_line(s, ADMIN_ACTING)
                pieces.append(Piece(f"⚠️ {said}\n"))
                if (where := (differ or {}).get(s.speech_id)) is not None:
                    pieces.append(Piece(f"{where}\n", shrink=True))
        for note in outcome.notes:  # read in part: the rest was added
            pieces.append(Piece(f"⚠️ {note}\n"))
    for tally in archive_tallies(outcomes):  # a .zip: what it held, after its files
        pieces += [Piece("🗂 "), Piece(archive_summary(tally), "b"), Piece("\n")]
        pieces += [Piece(f"⏭ 跳过 {line}\n", shrink=True) for line in archive_skipped_lines(tally)]
    if report is not None:
        pieces.append(
            Piece(
                f"索引：共 {added_size(report)}，本次嵌入 {report.embedded} 段，用时 {report.seconds:.1f} 秒",
                "i",
            )
        )
    return render(pieces)


def removal_question(speech: SpeechRecord, pins: int) -> str:
    """What 🗑 删除旧版 asks before removing a speech."""
    who = attribution(speech.speaker, speech.issuer) or UNKNOWN_SPEAKER
    details = f"{speech.date or '日期不详'} · {who} · {speech.passages} 段"
    note = f"以它为标准答案的 {pins} 条问题将失效，需要重新设置。" if pins else ""
    return (
        f"确定删除讲话 #{speech.id}《{escape(speech.title)}》（{escape(details)}）吗？"
        f"删除后它的段落不再被检索到。{note}"
    )


def removed_line(speech: SpeechRecord, pins: int) -> str:
    """What removing a speech from the chat did."""
    note = f"\n📌 以它为标准答案的 {pins} 条已失效（/stats 中列出），需要重新设置。" if pins else ""
    return f"🗑 已删除讲话 #{speech.id}《{escape(speech.title)}》，索引已更新。{note}"


def archive_refusal(name: str) -> str:
    """An archive sent to the bot: what to do instead, said for a chat (a folder cannot be sent)."""
    return f"{name} 是压缩包，不能直接添加：请先解压，再把其中的讲话文件逐个发给我（.zip 压缩包可以直接发）。"


def unknown_content(name: str) -> str:
    """A file sent with no readable extension and a type that says nothing, whose bytes are of no format read."""
    suffix = PurePath(name).suffix
    named = (
        f"扩展名 {suffix} 不是支持的格式" if re.fullmatch(r"\.[A-Za-z0-9]{1,10}", suffix) else "没有扩展名"
    )
    return (
        f"不支持的文件类型：{name}（{named}，Telegram 也没有标明类型，按文件内容看也不是支持的格式；"
        f"支持 {SUPPORTED_FORMATS}）"
    )


def download_failure(name: str, too_big: bool, size: int | None = None) -> str:
    """Why an uploaded file could not be fetched (plain text; Telegram's own words go to the log)."""
    if (
        too_big
    ):  # worded as corpus.size_refusal's 「文件太大：名（30.0 MB），最多 50 MB。」, naming both limits
        mb = f"（{size / MB:.1f} MB）" if size else ""
        return (
            f"文件太大：{name}{mb}，机器人最多能接收 {MAX_DOWNLOAD // MB} MB 的文件："
            f"更大的文件（最多 {MAX_FILE_BYTES // MB} MB）请在服务器上用 speechqa add 添加。"
        )
    return f"无法下载 {name}：Telegram 暂时没有提供这个文件，请稍后重新发送。"


def no_longer_admin(name: str) -> str:
    """An upload the bot was stopped in the middle of, whose sender is no admin since (plain text)."""
    return f"{name} 没有加入：机器人重启后，发送它的人已不是管理员。"


def album_note(photos: int, captioned: bool) -> str:
    """The line under the report on an admin's album of photos, added as one file of several pages (plain)."""
    line = f"这 {photos} 张照片按发送顺序作为同一份文件的 {photos} 页加入；如果它们是不同的文件，请一张一张分别发送。"
    if captioned:
        line += "照片下的文字没有当作提问：要提问，请另发一条消息。"
    return line


def not_added_note(why: str) -> str:
    """Above the answer to a question written under a file that was not added (plain text)."""
    return f"📎 这个文件没有加入讲话库：{why}下面是按文件下的文字在讲话库中查找的结果。"


def render_refusal(reason: str) -> str:
    return render([Piece("❌ "), Piece(reason, shrink=True)])


_PIN_PROBLEMS = {"changed": "原文已修改", "vanished": "原文所在讲话已删除"}


# Above an answer searched while an upload or a rebuild was being indexed (HTML; no markup in it)
UPDATING_NOTE = "⏳ 索引正在更新：刚上传的讲话要等更新完成后才能检索到，届时可再问一次。"


def follow_up_note(earlier: str) -> str:
    """Above the answer to an elliptical follow-up (「那退休干部呢？」) read with the question before it (plain)."""
    return f"↪️ 接着上一问「{_clip(earlier, 60)}」查找；如果不是这个意思，请把问题说完整。"


def unpinned(pin: PinRecord) -> str:
    """The toast after 取消标准答案 (plain text, within Telegram's 200 characters for it)."""
    return f"已取消标准答案：「{_clip(pin.question, 40)}」不再先给出段落 #{pin.passage_id}。"


def pin_replaced(before: PinRecord) -> str:
    """The alert after 📌 when the question already had another passage pinned (plain text)."""
    return (
        f"📌 已设为标准答案，替换了原来的：段落 #{before.passage_id}"
        # an alert holds 200 characters at most, and `speechqa pin --by` takes any name
        f"（由 {_clip(before.pinner, 40)} 于 {before.pinned_when} 设置）。"
    )


def pin_overtaken(mine: PinRecord, standing: PinRecord | None) -> str:
    """After 📌, when another admin pinned or unpinned the same question in the same moment (plain text): the
    page shows what stands, and this says whose it is."""
    if standing is None:
        return (
            f"⚠️ 段落 #{mine.passage_id} 刚设为标准答案，随即被另一位管理员取消了：这个问题现在没有标准答案。"
        )
    return (
        f"⚠️ 段落 #{mine.passage_id} 刚设为标准答案，随即被 {_clip(standing.pinner, 40)} 换成了段落 "
        f"#{standing.passage_id}（{standing.pinned_when}）：上面显示的是现在的标准答案，如需改回请再点 📌。"
    )


PINS_PER_PAGE = 5  # standard answers per page of /pins
_PIN_MOVED = "（段落编号已变，同一段文字仍在，已自动跟随）"


def render_pins(states: Sequence[PinState], page: int, pages: int, total: int) -> str:
    """A page of /pins (admins): each standard answer with its question, the passage it gives (speech,
    passage number, the passage's opening words), who set it and when, and a warning when its passage
    changed or its speech was removed — as `speechqa pins` lists them on the server."""
    if not states:
        return "还没有标准答案。在私聊中提问，在回答下的段落上点 📌 设为标准答案 即可设置。"
    pieces = [Piece(f"📌 标准答案（共 {total} 条）", "b")]
    for state in states:
        pin = state.pin
        where = state.passage.id if state.passage is not None else pin.passage_id
        pieces += [
            Piece(f"\n\n#{pin.id} "),
            Piece(_clip(pin.question, 200), "b", shrink=True),
            Piece("\n→ 《"),
            Piece(_clip(pin.speech_title, 80), shrink=True),
            Piece(f"》 讲话 #{pin.speech_id} · 段落 #{where}\n"),
            Piece(_clip(pin.passage_text, 60), "i", shrink=True),
            Piece("\n由 "),
            Piece(_clip(pin.pinner, 40), shrink=True),
            Piece(f" 于 {pin.pinned_when} 设置"),
        ]
        if state.status in _PIN_PROBLEMS:
            pieces.append(
                Piece(
                    f"\n⚠️ {_PIN_PROBLEMS[state.status]}，标准答案失效：用原来的问题重新提问，在回答下点 📌 重新设置"
                )
            )
        elif state.status == "moved":
            pieces.append(Piece(f"\n{_PIN_MOVED}"))
    pieces.append(Piece(f"\n\n第 {page + 1}/{pages} 页 · 点下方「取消 #编号」取消一条标准答案", "i"))
    return render(pieces)


SYNONYMS_SHOWN = (
    50  # the user's pairs /synonyms lists (each at most 2 × 20 characters: well within a message)
)
SYNONYMS_USAGE = (
    "用法：/synonyms add 词 同义词 添加一对；/synonyms remove 词 同义词 删除一对（从下一个问题起生效）"
)


def render_synonyms(pairs: Sequence[tuple[str, str]], bundled_groups: int) -> str:
    """/synonyms (admins): the pairs users added (`speechqa synonyms add`, /synonyms add), the first
    `SYNONYMS_SHOWN` when more, the size of the bundled lexicon, and the usage."""
    if pairs:
        pieces = [Piece(f"同义词（用户添加，共 {len(pairs)} 对）", "b")]
        pieces += [Piece(f"\n{a} ↔ {b}") for a, b in pairs[:SYNONYMS_SHOWN]]
        if len(pairs) > SYNONYMS_SHOWN:
            pieces.append(
                Piece(
                    f"\n……另有 {len(pairs) - SYNONYMS_SHOWN} 对未列出（服务器上 speechqa synonyms list 列出全部）"
                )
            )
    else:
        pieces = [Piece("还没有用户添加的同义词。")]
    pieces += [
        Piece(f"\n内置业务词表 {bundled_groups} 组始终有效（服务器上 speechqa synonyms list 可查看）。"),
        Piece(f"\n\n{SYNONYMS_USAGE}", "i"),
    ]
    return render(pieces)


OFFERS_SHOWN = 5  # wordings that took an offered standard question, listed in /stats


def render_stats(stats: QueryStats, pins: Sequence[PinState] = (), taken: Sequence[TakenOffer] = ()) -> str:
    names = {"telegram": "Telegram", "cli": "命令行"}
    pieces = [Piece("📊 使用统计", "b")]
    if not stats.questions:  # as `speechqa stats` says it: no share of nothing, no time never measured
        pieces.append(Piece("\n还没有任何提问记录。"))
    else:
        pieces.append(Piece(f"\n提问：{stats.questions} 次"))
        if stats.by_channel:
            pieces.append(
                Piece("（" + " · ".join(f"{names.get(c, c)} {n}" for c, n in stats.by_channel) + "）")
            )
        pieces.append(Piece(f"\n有答案：{stats.answered} 次（{stats.answered_share:.0%}）"))
        pieces.append(Piece(f"\n反馈：👍 {stats.helpful} · 👎 {stats.unhelpful}"))
        pieces.append(Piece(f"\n平均检索用时：{stats.mean_latency_ms:.0f} 毫秒"))
    if stats.top_unanswered:
        pieces += [Piece("\n\n"), Piece("最常见的未答问题", "b")]
        for rank, (question, count) in enumerate(stats.top_unanswered, start=1):
            pieces += [
                Piece(f"\n{rank}. "),
                Piece(_clip(question, 200), shrink=True),
                Piece(f"（{count} 次）"),
            ]
    if pins:
        broken = [p for p in pins if p.status in _PIN_PROBLEMS]
        pieces.append(Piece(f"\n\n📌 标准答案：{len(pins)} 条", "b"))
        if broken:
            pieces.append(
                Piece(
                    f"，{len(broken)} 条需要复核：用原来的问题重新提问，在回答下点 📌 设为标准答案 即可更新"
                    "（在服务器上：speechqa pins 查看，speechqa unpin 编号 删除）"
                )
            )
        for state in broken:
            pieces += [
                Piece(f"\n⚠️ #{state.pin.id} "),
                Piece(_clip(state.pin.question, 100), shrink=True),
                Piece(f"（{_PIN_PROBLEMS[state.status]}）"),
            ]
    if taken:
        pieces += [
            Piece("\n\n"),
            Piece("采纳了推荐的标准问题的说法", "b"),
            Piece(
                "（可设为同一标准答案：私聊中问这句话，在该段落下点 📌 设为标准答案；或 speechqa pins 查看命令）"
            ),
        ]
        for rank, offer in enumerate(taken, start=1):
            pieces += [
                Piece(f"\n{rank}. "),
                Piece(_clip(offer.question, 100), shrink=True),
                Piece(f" → #{offer.pin_id} "),
                Piece(_clip(offer.pinned_question, 60), shrink=True),
                Piece(f"（{offer.times} 次）"),
            ]
    return render(pieces)
