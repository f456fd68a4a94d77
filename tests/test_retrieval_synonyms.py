"""retrieval/synonyms.py: adding and removing the user's pairs as both front ends do, over a real SQLite store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from index import InvalidSynonym, Store
from retrieval import add_user_synonym, bundled_lexicon, bundled_pair, remove_user_synonym

LISTED_BY = "speechqa synonyms list"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    store = Store(tmp_path / "speechqa.db")
    yield store
    store.close()


def test_a_pair_is_added_once_and_removed(store: Store) -> None:
    assert add_user_synonym(store, " 银发学府 ", "老年大学").said == "已添加：银发学府 ↔ 老年大学"
    assert add_user_synonym(store, "老年大学", "银发学府").said == "已有：老年大学 ↔ 银发学府"
    assert store.user_synonyms() == [("老年大学", "银发学府")]
    removed = remove_user_synonym(store, "银发学府", "老年大学", listed_by=LISTED_BY)
    assert (removed.outcome, removed.said) == ("removed", "已删除：银发学府 ↔ 老年大学")
    assert store.user_synonyms() == []


def test_a_bundled_pair_is_neither_stored_nor_removable(store: Store) -> None:
    group = sorted(bundled_lexicon().groups[0])
    a, b = group[0], group[1]
    assert bundled_pair(a, b) and not bundled_pair(a, a)
    assert add_user_synonym(store, a, b).said == f"内置词表中已有：{a} ↔ {b}（无需添加）"
    assert store.user_synonyms() == []
    with pytest.raises(InvalidSynonym, match=f"「{a} ↔ {b}」属于内置词表，不能删除"):
        remove_user_synonym(store, a, b, listed_by=LISTED_BY)


def test_removing_a_pair_nobody_added_names_where_to_list_them(store: Store) -> None:
    with pytest.raises(InvalidSynonym) as refused:
        remove_user_synonym(store, "夕阳红", "老年大学", listed_by="/synonyms")
    assert str(refused.value) == "没有用户添加的同义词对「夕阳红 ↔ 老年大学」（/synonyms 可列出全部）。"


@pytest.mark.parametrize(
    ("word", "synonym", "said"),
    [
        ("老干局", " 老干局 ", "「老干局」和它自己不需要登记为同义词。"),
        ("   ", "老干部局", "同义词不能为空。"),
        ("很" * 21, "老干部局", "同义词太长（21 字）"),
    ],
)
def test_bad_words_are_refused_and_nothing_is_stored(
    store: Store, word: str, synonym: str, said: str
) -> None:
    with pytest.raises(InvalidSynonym, match=said):
        add_user_synonym(store, word, synonym)
    assert store.user_synonyms() == []


WORDS = st.text(alphabet="老干部局同志离退休银发学府大年", min_size=1, max_size=6)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pairs=st.lists(st.tuples(WORDS, WORDS), max_size=8))
def test_adding_then_removing_in_any_order_leaves_only_what_was_there(
    store: Store, pairs: list[tuple[str, str]]
) -> None:
    """Whatever is added (either way round, twice, bundled or not) and then removed the other way round leaves
    the store as it was; every stored pair is one a user added and the bundled lexicon does not hold."""
    before = store.user_synonyms()
    added = []
    for a, b in pairs:
        if a == b:
            continue
        change = add_user_synonym(store, a, b)
        assert change.outcome in ("added", "present", "bundled")
        if change.outcome == "added":
            added.append((a, b))
    for a, b in store.user_synonyms():
        assert not bundled_pair(a, b) and ((a, b) in pairs or (b, a) in pairs)
    for a, b in added:
        assert remove_user_synonym(store, b, a, listed_by=LISTED_BY).outcome == "removed"
    assert store.user_synonyms() == before
