"""What is known of a speech id no speech has now, in one sentence both front ends say (`speechqa show`, `ask
--speech`, the bot's /speech): an id above every one given, a speech removed, or one removed and added again
under another id (ids are never reused, so each case is told apart)."""

from __future__ import annotations

from index import Store


def missing_speech(store: Store, speech_id: int, hint: str) -> str:
    """「没有编号为 9 的讲话：讲话编号最大到 #5（hint）。」, 「…了：它已删除（hint）。」, 「…了：它删除后重新加入过，现在是
    #7《标题》（hint）。」 or, deleted beside another version of itself, 「…了：它已删除，资料库中保留着它的另一版本
    #8《标题》（hint）。」; `hint` names the front end's list of speeches."""
    head = f"没有编号为 {speech_id} 的讲话"
    last = store.last_issued("speeches")
    if speech_id > last:
        return f"{head}：讲话编号最大到 #{last}（{hint}）。" if last else f"{head}：资料库中还没有讲话。"
    now = store.follow_speech(speech_id)
    if now is not None:
        return f"{head}了：它删除后重新加入过，现在是 #{now.id}《{now.title}》（{hint}）。"
    other = store.other_version(speech_id)
    if other is not None:
        return f"{head}了：它已删除，资料库中保留着它的另一版本 #{other.id}《{other.title}》（{hint}）。"
    return f"{head}了：它已删除（{hint}）。"
