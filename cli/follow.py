"""Passage and speech ids typed on the command line, followed as the bot's buttons follow them.

Adding an edited file again renumbers its speech's passages; removing a speech and adding it back gives it a
new id. An id copied from an earlier answer (`context 54`, `pin "问题" 54`, `show 6`) leads to the passage or
speech holding the same text now (`Store.follow_passage`, `Store.follow_speech`), said in one line; an id that
leads nowhere is refused with what is known of it (removed, corrected, or never given).
"""

from __future__ import annotations

from index import PassageRecord, PassageTrace, SpeechRecord, Store
from retrieval import missing_speech as speech_gone

from .main import UserError, notice

PASSAGE_HINT = "结果中的「段落 #」即段落编号"
SPEECH_HINT = "speechqa speeches 可列出全部"


def renumbered(kind: str, old: int, new: int) -> str:
    """「段落 #54 已重新编号为 #212（讲话重新加入过）」."""
    return f"{kind} #{old} 已重新编号为 #{new}（讲话重新加入过）"


def in_version(old: int, passage: PassageRecord, speech_id: int | None) -> str:
    """「段落 #165 现在是 #169：讲话 #7 已删除，这段原文在它的另一版本 #8 中」."""
    return f"段落 #{old} 现在是 #{passage.id}：讲话 #{speech_id} 已删除，这段原文在它的另一版本 #{passage.speech_id} 中"


def followed_passage(store: Store, passage_id: int) -> PassageRecord:
    """The passage an id stands for now, a renumbering said on stderr; a UserError when no passage holds
    its text."""
    trace = store.follow_passage(passage_id)
    if trace.passage is None:
        raise UserError(missing_passage(store, passage_id, trace))
    if trace.state == "moved":
        notice(
            in_version(passage_id, trace.passage, trace.speech_id)
            if trace.in_version
            else renumbered("段落", passage_id, trace.passage.id)
        )
    return trace.passage


def missing_passage(store: Store, passage_id: int, trace: PassageTrace) -> str:
    """Why a passage id leads nowhere, with the nearest fact the library holds."""
    head = f"没有编号为 {passage_id} 的段落"
    if trace.state == "changed" and trace.speech is not None:
        now = trace.speech
        return (
            f"{head}了：这段原文后来修改过，已不在资料库中；修改后的内容在讲话 #{now.id}《{now.title}》里"
            f"（speechqa show {now.id}）。"
        )
    # deleted beside an earlier version of itself (its 修改稿 removed, the original kept), which lacks the text
    if trace.speech_id is not None and trace.speech is not None:
        kept = trace.speech
        return (
            f"{head}了：它所在的讲话 #{trace.speech_id} 已删除；资料库中保留着它的另一版本 #{kept.id}《{kept.title}》，"
            f"其中没有这段原文（speechqa show {kept.id}）。"
        )
    if trace.speech_id is not None:
        return f"{head}了：它所在的讲话 #{trace.speech_id} 已删除（{SPEECH_HINT}）。"
    last = store.last_issued("passages")
    if passage_id <= last:
        return f"{head}了：它所在的讲话后来删除或重新加入过，这段原文已不在资料库中（{PASSAGE_HINT}）。"
    if last == 0:
        return f"{head}：资料库中还没有段落（speechqa add 文件 可添加讲话）。"
    return f"{head}：段落编号最大到 #{last}（{PASSAGE_HINT}）。"


def followed_speech(store: Store, speech_id: int) -> SpeechRecord:
    """The speech an id stands for now, a new id said on stderr; a UserError when its text is gone."""
    speech = store.follow_speech(speech_id)
    if speech is None:
        raise UserError(missing_speech(store, speech_id))
    if speech.id != speech_id:
        notice(renumbered("讲话", speech_id, speech.id))
    return speech


def missing_speech(store: Store, speech_id: int) -> str:
    """Why no speech has an id (`show`, `remove`, `edit`, `ask --speech`), said as the bot's /speech says it."""
    return speech_gone(store, speech_id, SPEECH_HINT)
