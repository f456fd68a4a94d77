"""`speechqa pin`, `pins`, `unpin`: the agreed ("standard") answers to questions colleagues keep asking."""

from __future__ import annotations

import getpass
import shlex
from collections.abc import Sequence
from typing import Any

import click

from index import PinRecord, PinState, TakenOffer
from retrieval import bundled_lexicon, normalise_query, pin_unshared_line, pin_unshared_words, small_talk

from .console import error_object, json_text
from .follow import followed_passage, missing_passage
from .main import ID, PASSAGE_ID, Context, UserError, cli, json_errors, pass_context, user_errors
from .render import not_a_question

STATUS = {
    "ok": "",
    "moved": "段落编号已变（同一段文字仍在，已自动跟随）",
    "changed": "⚠ 段落内容已改变，标准答案失效，请重新设置",
    "vanished": "⚠ 讲话已删除，标准答案失效",
}


def _who() -> str:
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):  # no user name for this uid (e.g. in a container)
        return "cli"


@cli.command()
@click.argument("question", metavar="问题")
@click.argument("passage_id", type=PASSAGE_ID, metavar="段落编号")
@click.option("--by", "pinned_by", metavar="名字", help="设置人（默认为 cli:<登录名>）。")
@pass_context
def pin(obj: Context, question: str, passage_id: int, pinned_by: str | None) -> None:
    """把一个段落设为某个问题的标准答案。

    之后问这个问题或与之相近的问题时，该段落排在最前，并标有 📌。对同一问题再次设置，
    会替换原来的段落。段落编号即检索结果中「段落 #」后的数字。

    \b
    示例：
        speechqa pin "离休干部体检规定是什么？" 54
    """
    with user_errors():
        question = normalise_query(question)
        kind = small_talk(question)
        if kind is not None:
            raise UserError(f"「{question}」{not_a_question(question, kind)}：不能设为标准答案。")
        obj.service()
        store = obj.library.store
        before = store.pin_of(question)
        passage_id = followed_passage(store, passage_id).id  # renumbered since (its speech added again): said
        record = store.pin(question, passage_id, pinned_by=pinned_by or _who())
        if record is None:  # removed in the instant between
            raise UserError(missing_passage(store, passage_id, store.follow_passage(passage_id)))
        click.echo(
            f"已设为标准答案：#{record.id}「{record.question}」→ 段落 #{record.passage_id}《{record.speech_title}》"
        )
        if before is not None and before.passage_id != record.passage_id:
            click.echo(replaced_note(before))
        pinned = store.passages_by_id([record.passage_id]).get(record.passage_id)
        lexicon = bundled_lexicon().with_pairs(store.user_synonyms())
        if pinned is not None and (words := pin_unshared_words(question, pinned, lexicon)):
            click.echo(pin_unshared_line(pinned, words, f"用 speechqa unpin {record.id} 取消"))


def replaced_note(before: PinRecord) -> str:
    """What a pin replaced: another passage someone had pinned to the same question."""
    return f"（替换了原标准答案：段落 #{before.passage_id}，由 {before.pinner} 于 {before.pinned_when} 设置）"


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出。")
@pass_context
def pins(obj: Context, as_json: bool) -> None:
    """列出全部标准答案。

    段落内容已改变或所属讲话已删除的标准答案会标出失效，需要重新设置。
    提问时被推荐了某条标准问题并采纳的说法列在该条下面，附把它也设为标准答案的命令。

    \b
    示例：
        speechqa pins
        speechqa pins --json
    """
    with user_errors(), json_errors(error_object if as_json else None):
        states = obj.library.store.pins()
        taken = obj.library.store.offers_taken(limit=1000)
    wordings: dict[int, list[TakenOffer]] = {}
    for offer in taken:
        wordings.setdefault(offer.pin_id, []).append(offer)
    if as_json:
        click.echo(json_text([pin_json(s, wordings.get(s.pin.id, ())) for s in states], indent=1))
        return
    if not states:
        click.echo('还没有标准答案。用 speechqa pin "问题" 段落编号 设置。')
        return
    for state in states:
        click.echo(render_pin(state, wordings.get(state.pin.id, ())))
    broken = sum(1 for s in states if not s.usable)
    if broken:
        click.echo(
            click.style(f"\n{broken} 条标准答案失效，需要重新设置（speechqa unpin / pin）。", fg="yellow")
        )


def render_pin(state: PinState, taken: Sequence[TakenOffer] = ()) -> str:
    pin = state.pin
    where = state.passage.id if state.passage is not None else pin.passage_id
    line = (
        click.style(f"#{pin.id:<4}", fg="cyan")
        + f"「{pin.question}」 → 段落 #{where}《{pin.speech_title}》"
        + click.style(f"  {pin.pinner} · {pin.pinned_when}", dim=True)
    )
    excerpt = pin.passage_text if len(pin.passage_text) <= 60 else pin.passage_text[:60] + "…"
    lines = [line, click.style(f"      {excerpt}", dim=True)]
    if STATUS[state.status]:
        lines.append(
            "      "
            + click.style(STATUS[state.status], fg="yellow" if not state.usable else None, dim=state.usable)
        )
    if taken:
        # a stale pin's wordings are listed too: when it is set again, they are worth setting with it
        heading, passage = (
            ("问过这些说法、并采纳了推荐的这条（可设为同一答案）：", str(state.passage.id))
            if state.passage is not None
            else (
                "问过这些说法、并采纳了推荐的这条（重新设置时可一并设置，段落编号换成新的答案）：",
                "段落编号",
            )
        )
        lines.append("      " + click.style(heading, fg="green"))
        for offer in taken:
            command = f"speechqa pin {shlex.quote(offer.question)} {passage}"
            lines.append(f"        「{offer.question}」×{offer.times}  " + click.style(command, dim=True))
    return "\n".join(lines)


def pin_json(state: PinState, taken: Sequence[TakenOffer] = ()) -> dict[str, Any]:
    pin = state.pin
    return {
        "id": pin.id,
        "question": pin.question,
        "status": state.status,
        "passage_id": state.passage.id if state.passage is not None else None,
        "pinned_passage_id": pin.passage_id,
        "speech_id": pin.speech_id,
        "speech_title": pin.speech_title,
        "text": pin.passage_text,
        "pinned_by": pin.pinned_by,
        "pinner_name": pin.pinner_name,
        "pinned_at": pin.pinned_at,
        "offers_taken": [
            {"question": o.question, "times": o.times, "last_taken": o.last_taken} for o in taken
        ],
    }


@cli.command()
@click.argument("pin_id", type=ID, metavar="标准答案编号")
@pass_context
def unpin(obj: Context, pin_id: int) -> None:
    """取消一条标准答案。

    编号即 speechqa pins 列表中 # 后的数字。

    \b
    示例：
        speechqa unpin 3
    """
    with user_errors():
        removed = obj.library.store.unpin(pin_id)
    if removed is None:
        raise UserError(f"没有编号为 {pin_id} 的标准答案（speechqa pins 可列出全部）。")
    click.echo(f"已取消标准答案 #{removed.id}「{removed.question}」")
