"""Any question and any filters through the real `speechqa ask` (and `--json`) on the indexed seed library: exit 0,
or one Chinese line and exit 1, never a traceback or 「内部出错」; `--json` always one object of the documented
shape, `answered` agreeing with `confidence`, answer-sentence offsets inside the passage.

The cases are tests/query_fuzz.py's, which scripts/fuzz_queries.py draws in bulk (and as real processes);
here a fixed seed, and one case of each kind the review named, written out.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, example, given, seed, settings

from cli import cli

from .query_fuzz import LibraryFacts, Outcome, cases, library_facts, problems

pytestmark = pytest.mark.slow

FACTS: LibraryFacts | None = None


def facts(home: Path) -> LibraryFacts:
    global FACTS
    if FACTS is None:
        FACTS = library_facts(home)
    return FACTS


def ask(home: Path, case: tuple[str, ...]) -> list[str]:
    result = CliRunner().invoke(cli, ["--home", str(home), *case], prog_name="speechqa")
    return problems(case, Outcome(result.exit_code, result.stdout, result.stderr, result.exception))


WRITTEN_OUT = [
    ("ask", "--json", "--", "离休干部😀👍🏽体检\u200d规定？"),  # emoji, a joiner
    ("ask", "--json", "--", "\x00\x07离休\x1b[31m干部\x7f"),  # control characters
    ("ask", "--json", "--", "离\u0301休\u0308干部体检"),  # combining marks
    ("ask", "--json", "--", "\u202eمرحبا שלום 离休干部"),  # right-to-left text, a bidi override
    ("ask", "--json", "--", "问" * 10_000),  # 10,000 characters
    ("ask", "--json", "--", "。，！？、；：“”《》（）…"),  # only punctuation
    ("ask", "--json", "--", " \u3000\t "),  # only spaces
    ("ask", "--json", "--", "老年大学 university 대학 университет"),  # mixed scripts
    ("ask", "--json", "--", "２０２４年离休干部体检"),  # full-width digits
    ("ask", "--json", "--", '"离休" NEAR(干部 体检) OR * AND NOT ^\'; DROP TABLE speeches; --'),  # FTS5, SQL
    ("ask", "--json", "--", "speeches-2024-laoganbu.txt"),  # a file name of the library
    ("ask", "--json", "--since", "２０２４－０３", "--until", "二〇二四年十二月", "--", "离休干部体检"),
    ("ask", "--json", "--since", "2024-02-30", "--", "离休干部体检"),
    ("ask", "--since", "2024\n03\x1b[31m", "--", "离休干部体检"),  # a line break and a colour code in a date
    ("ask", "--json", "--since", "2025", "--until", "2024", "--", "离休干部体检"),
    ("ask", "--json", "--speech", "999999", "--speech", "2", "--", "离休干部体检"),
    ("ask", "--json", "--speech", "99999999999999999999999", "--", "体检"),
    ("ask", "--json", "--speaker", "沈 伟", "--speaker", "\u202e", "--no-auto-filter", "--", "老年大学"),
    ("ask", "--json", "--mode", "lexical", "--speaker", "不存在的人", "--", "***"),
    (
        "ask",
        "-k",
        "50",
        "--mode",
        "dense",
        "--",
        "𠀀𪚥\udcc4\udce3",
    ),  # lone surrogates: a GBK terminal's bytes
    ("ask", "--json", "-离休干部"),  # a question that reads as an option
]


@pytest.mark.parametrize("case", WRITTEN_OUT, ids=range(len(WRITTEN_OUT)))
def test_each_kind_of_hostile_question_is_answered_or_refused_in_one_line(
    seed_home: Path, case: tuple[str, ...]
) -> None:
    assert ask(seed_home, case) == []


def test_drawn_questions_and_filters_are_answered_or_refused_in_one_line(seed_home: Path) -> None:
    @settings(max_examples=40, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @seed(39)
    @given(cases(facts(seed_home)))
    @example(("ask", "--json", "--speech", "#2", "--since", "2024", "--", "讲话 #2 里关于体检的内容"))
    def drawn(case: tuple[str, ...]) -> None:
        assert ask(seed_home, case) == [], case

    drawn()
