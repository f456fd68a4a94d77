"""`speechqa synonyms …`: the user's own synonym pairs, kept in the data home beside the bundled lexicon."""

from __future__ import annotations

import click

from retrieval import add_user_synonym, bundled_lexicon, remove_user_synonym

from .main import Context, cli, pass_context, user_errors


@cli.group()
def synonyms() -> None:
    """管理同义词：问题中含其中一个词，也能查到含另一个词的段落。

    例如把简称「老干局」和「老干部局」设为同义词。内置的业务词表（speechqa synonyms list）始终有效；这里添加的词对保存在数据目录中，从下一个问题起生效，无需重建
    索引。同义词的权重低于问题中的原词。

    \b
    示例：
        speechqa synonyms add 老干局 老干部局
        speechqa synonyms list
        speechqa synonyms remove 老干局 老干部局
    """


@synonyms.command("add")
@click.argument("word", metavar="词")
@click.argument("synonym", metavar="同义词")
@pass_context
def synonyms_add(obj: Context, word: str, synonym: str) -> None:
    """添加一对同义词（两个词的先后顺序不限）。

    添加后从下一个问题起生效，无需重建索引。

    \b
    示例：
        speechqa synonyms add 银发学府 老年大学
    """
    with user_errors():
        change = add_user_synonym(obj.library.store, word, synonym)
    click.echo(change.said)


@synonyms.command("remove")
@click.argument("word", metavar="词")
@click.argument("synonym", metavar="同义词")
@pass_context
def synonyms_remove(obj: Context, word: str, synonym: str) -> None:
    """删除一对自己添加的同义词。

    内置词表不受影响，无法删除。

    \b
    示例：
        speechqa synonyms remove 银发学府 老年大学
    """
    with user_errors():
        change = remove_user_synonym(obj.library.store, word, synonym, listed_by="speechqa synonyms list")
    click.echo(change.said)


@synonyms.command("list")
@pass_context
def synonyms_list(obj: Context) -> None:
    """列出同义词：先列用户添加的词对，再列内置词表。

    \b
    示例：
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
