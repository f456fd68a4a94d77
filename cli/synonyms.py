"""`speechqa synonyms …`: the user's own synonym pairs, kept in the data home beside the bundled lexicon."""

from __future__ import annotations

import click

from retrieval import bundled_lexicon

from .main import Context, UserError, cli, pass_context, user_errors


@cli.group()
def synonyms() -> None:
    """Words staff ask interchangeably (老同志 / 老干部): a question holding one also finds the other.

    A bundled domain lexicon is always on; pairs added here are kept in the data home and apply to
    the next question (no rebuild needed). A synonym counts less than the question's own words.

    \b
    Examples:
        speechqa synonyms add 老同志 老干部
        speechqa synonyms list
        speechqa synonyms remove 老同志 老干部
    """


@synonyms.command("add")
@click.argument("word")
@click.argument("synonym")
@pass_context
def synonyms_add(obj: Context, word: str, synonym: str) -> None:
    """Add a synonym pair (either order).

    \b
    Example:
        speechqa synonyms add 看病 就医
    """
    with user_errors():
        added = obj.library.store.add_synonym(word, synonym)
    click.echo(
        f"已添加：{word.strip()} ↔ {synonym.strip()}"
        if added
        else f"已有：{word.strip()} ↔ {synonym.strip()}"
    )


@synonyms.command("remove")
@click.argument("word")
@click.argument("synonym")
@pass_context
def synonyms_remove(obj: Context, word: str, synonym: str) -> None:
    """Remove a pair you added (the bundled lexicon stays as shipped).

    \b
    Example:
        speechqa synonyms remove 看病 就医
    """
    with user_errors():
        removed = obj.library.store.remove_synonym(word, synonym)
    if not removed:
        raise UserError(
            f"没有用户添加的同义词对“{word.strip()} ↔ {synonym.strip()}”（speechqa synonyms list 可列出全部）。"
        )
    click.echo(f"已删除：{word.strip()} ↔ {synonym.strip()}")


@synonyms.command("list")
@pass_context
def synonyms_list(obj: Context) -> None:
    """List your synonym pairs, then the bundled groups.

    \b
    Example:
        speechqa synonyms list
    """
    with user_errors():
        pairs = obj.library.store.user_synonyms()
    click.echo(click.style("用户添加：", bold=True) + ("" if pairs else "（无）"))
    for a, b in pairs:
        click.echo(f"  {a} ↔ {b}")
    click.echo(click.style("内置词表：", bold=True))
    for group in bundled_lexicon().groups:
        click.echo("  " + " / ".join(sorted(group)))
