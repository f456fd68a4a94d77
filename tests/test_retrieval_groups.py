"""retrieval.groups: the people a question asks about, and when two questions name different ones."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from retrieval.groups import groups_conflict, kinds_swapped, question_groups

TOPICS = st.sampled_from(
    ["体检增加了哪些项目？", "要常怀什么样的心", "有什么特点", "的年龄要求是多少岁以上？"]
)
ALPHABET = "离退休老干部工作者人员同志的对女男队员做要是党委政府单位部门书记支部哪什么遗属志愿服务护林"


@given(TOPICS, st.sampled_from(["离休干部", "退休干部", "遗属", "老干部工作者", "女队员", "男队员"]))
def test_one_group_against_another_in_the_same_words_conflicts(topic: str, group: str) -> None:
    others = {"离休干部": "退休干部", "退休干部": "离休干部", "遗属": "离休干部", "老干部工作者": "老同志"}
    other = others.get(group, "男队员" if group == "女队员" else "女队员")
    assert groups_conflict(question_groups(group + topic), question_groups(other + topic))


@given(st.text(alphabet=ALPHABET, max_size=30), st.booleans())
def test_a_question_never_conflicts_with_itself_nor_with_one_naming_no_one(text: str, bodies: bool) -> None:
    groups = question_groups(text, bodies=bodies)
    assert not groups_conflict(groups, groups)
    assert not groups_conflict(groups, frozenset()) and not groups_conflict(frozenset(), groups)


@given(st.text(alphabet=ALPHABET, max_size=30), st.text(alphabet=ALPHABET, max_size=30), st.booleans())
def test_conflict_is_symmetric(a: str, b: str, bodies: bool) -> None:
    left, right = question_groups(a, bodies=bodies), question_groups(b, bodies=bodies)
    assert groups_conflict(left, right) == groups_conflict(right, left)


@given(st.text(alphabet=ALPHABET, max_size=20), st.text(alphabet=ALPHABET, max_size=20))
def test_adding_a_group_to_a_question_is_no_conflict(text: str, added: str) -> None:
    """A paraphrase may name more than the pinned question: a conflict needs a swap, one on each side."""
    both = question_groups(text) | question_groups(added)
    assert not groups_conflict(question_groups(text), both)


def test_who_does_the_work_is_read_in_other_words_and_in_traditional_script() -> None:
    pinned = question_groups("老干部工作者需要学习哪些方面的知识技能？")
    for same in (
        "做老干部工作的同志要掌握什么知识技能",
        "老干部工作人员要学哪些知识",
        "怎么让做老干部工作的人变得更专业",
    ):
        assert not groups_conflict(question_groups(same), pinned), same
    assert groups_conflict(question_groups("怎么让老同志学习听得懂记得住？"), pinned)
    assert not groups_conflict(
        question_groups("離休幹部體檢增加了哪些項目"), question_groups("离休干部体检增加了哪些项目")
    )
    assert groups_conflict(
        question_groups("退休幹部體檢增加了哪些項目"), question_groups("离休干部体检增加了哪些项目")
    )


def test_a_field_or_an_office_named_after_cadres_is_no_group_of_people() -> None:
    assert question_groups("做好今年的老干部工作总体上要抓哪几个方面？") == frozenset()
    assert question_groups("老干部局现在还归组织部管吗") == frozenset()
    assert question_groups("老干部工作部门的首要任务是什么？", bodies=True) == {
        ("单位", "干部工作")
    }  # four characters narrow a head at most


def test_a_narrower_or_reworded_group_is_the_same_group() -> None:
    pairs = [
        ("离退休干部党支部委员多久换届", "老干部党支部委员的任期是几年"),
        ("保障离休干部生活待遇按什么原则来", "落实离休干部生活待遇要遵循什么原则？"),
        ("新任领导跟老干部怎么保持联系", "新上任的领导同志要怎么联系老干部？"),
    ]
    for a, b in pairs:
        assert not groups_conflict(question_groups(a), question_groups(b)), (a, b)


WORKERS = ["老干部工作者", "老干部工作人员", "做老干部工作的同志", "老幹部工作者"]
CADRES = ["老干部", "老同志", "离退休干部", "离休幹部"]


@given(st.text(alphabet=ALPHABET, max_size=30), st.text(alphabet=ALPHABET, max_size=30))
def test_a_kind_swap_is_symmetric_never_a_questions_own_and_always_a_conflict(a: str, b: str) -> None:
    """The kind-swap veto (the pair feature `kind_swap`) is the people conflict read by kind alone: what
    one swap is, the other is too; no question swaps with itself."""
    left, right = question_groups(a), question_groups(b)
    assert kinds_swapped(left, right) == kinds_swapped(right, left)
    assert not kinds_swapped(left, left)
    if kinds_swapped(left, right):
        assert groups_conflict(left, right)


@given(st.text(alphabet=ALPHABET, max_size=30), st.text(alphabet=ALPHABET, max_size=30))
def test_a_question_naming_both_kinds_or_neither_never_swaps(a: str, b: str) -> None:
    """A paraphrase that names the cadres beside the workers (or adds either to a question naming neither)
    is no swap: only one kind against the other is."""
    both = question_groups(a) | {("工作者", ""), ("干部", "")}
    neither = frozenset(g for g in question_groups(a) if g[0] not in ("工作者", "干部"))
    for groups in (both, neither):
        assert not kinds_swapped(groups, question_groups(b))


@given(TOPICS, st.sampled_from(WORKERS), st.sampled_from(CADRES))
def test_the_workers_against_the_cadres_in_the_same_words_swap(topic: str, worker: str, cadre: str) -> None:
    assert kinds_swapped(question_groups(worker + topic), question_groups(cadre + topic))


@given(TOPICS, st.sampled_from(WORKERS), st.sampled_from(WORKERS))
def test_the_workers_named_in_other_words_are_no_swap(topic: str, one: str, other: str) -> None:
    assert not kinds_swapped(question_groups(one + topic), question_groups(other + topic))


def test_a_kind_swap_reads_no_narrowing() -> None:
    """离休 against 退休 is a conflict of people, not of kinds: the kind-swap veto leaves it alone."""
    a, b = question_groups("离休干部体检增加了哪些项目"), question_groups("退休干部体检增加了哪些项目")
    assert groups_conflict(a, b) and not kinds_swapped(a, b)
