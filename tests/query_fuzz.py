"""Hostile questions and filter combinations for `speechqa ask`, and what every outcome must be.

Shared by scripts/fuzz_queries.py (many examples, a real process for some) and tests/test_fuzz_queries.py (a
fixed seed). A case is the argument list of one `speechqa ask`; `problems(case, outcome)` says what is wrong
with what it did: a traceback or 「内部出错」, an exit code other than 0 or 1, exit 1 without one Chinese line,
`--json` output that is not one object of the documented shape (docs/cli.md), `answered` not agreeing with
`confidence`, an answer sentence whose offsets leave its passage.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from .answer_shape import answer_shape_problems

HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
INTERNAL = "内部出错"

# Pieces that have broken query handling somewhere: controls and format characters, combining marks,
# right-to-left text and bidi overrides, emoji with modifiers and joiners, full-width forms, CJK punctuation,
# lone surrogates (bytes a GBK terminal sent, as Python hands them over), the syntax of SQLite FTS5, LIKE and
# SQL, regular expressions, and what a result prints (ids, 段落 #54).
ODD_PIECES = [
    *"\x00\x01\x07\x08\t\n\x0b\x0c\r\x1b\x7f\x85\xa0\u200b\u200c\u200d\u200e\u200f\u202a\u202e\u2066\u2069",
    *"\ufeff\ufffd\u2028\u2029\u3000",
    "\u0301",
    "\u0308\u0308\u0308",
    "\u20dd",
    "e\u0301",
    "م\u0651\u064e",
    "مرحبا",
    "שלום",
    "\u202eتقرير",
    "😀",
    "👍🏽",
    "👨\u200d👩\u200d👧",
    "🇨🇳",
    "𝄞",
    "𠀀𪚥",
    "０１２３４５６７８９",
    "２０２４年",
    "ＡＢＣ",
    "①②⑩",
    "Ⅳ",
    "〇",
    "。",
    "，",
    "？",
    "！",
    "、",
    "；",
    "：",
    "“",
    "”",
    "《",
    "》",
    "（",
    "）",
    "…",
    "——",
    "·",
    "【",
    "】",
    '"',
    "'",
    "*",
    "NEAR",
    "NEAR(离休 体检, 2)",
    " OR ",
    " AND ",
    " NOT ",
    "(",
    ")",
    ":",
    "^",
    "-",
    "+",
    "%",
    "_",
    "\\",
    "'; DROP TABLE speeches; --",
    '" OR 1=1 --',
    "MATCH",
    "/*",
    "*/",
    ".*",
    "[",
    "]",
    "{",
    "}",
    "$",
    "|",
    "?",
    "#",
    "＃",
    "段落 #54",
    "讲话 #2",
    "讲话 #999999",
    "第九十九篇讲话",
    "更多",
    "谢谢",
    "你好",
    "http://www.gov.cn/a.html",
    "C:\\Users\\张三\\通知.docx",
    "\udcc4\udce3",
]
WORDS = [
    "离休干部",
    "体检",
    "规定",
    "老年大学",
    "经费",
    "沈伟",
    "2024年",
    "二〇二四年",
    "去年",
    "是什么",
    "怎么办",
    "吗",
    "的",
    "同志",
    "讲话",
    "通知",
]
# Dates as people type them, and as they should not: each must be read or refused in one line
ODD_DATES = [
    "2024",
    "2024-03",
    "2024-03-13",
    "2024-3-1",
    "2024/03/13",
    "2024.03.13",
    "20240313",
    "2024年",
    "2024年3月",
    "2024年3月13日",
    "二〇二四年三月十三日",
    "２０２４－０３－１３",
    "2024-13",
    "2024-02-30",
    "2024-00-10",
    "0000",
    "0001-01-01",
    "9999-12-31",
    "10000",
    "99999999999999999999",
    "-1",
    "-2024",
    "",
    " ",
    "today",
    "昨天",
    "2024-03-13T10:00",
    "13/03/2024",
    "2024-03-13 2025",
    "2024—2025",
    "\x00",
]
ODD_IDS = [
    "0",
    "-1",
    "1",
    "2",
    "#2",
    "＃２",
    "２",
    "①",
    "⑤④",
    "99999",
    "99999999999999999999999",
    "1e3",
    "",
    "abc",
]
ODD_K = ["1", "3", "50", "0", "51", "-1", "１", "5.5", "", "99999999999999999999"]
MODES = ["hybrid", "dense", "lexical", "bogus", "HYBRID"]


@dataclass(frozen=True)
class LibraryFacts:
    """What the library holds that a user may type: names, titles, file names, passage texts, ids."""

    speakers: tuple[str, ...]
    titles: tuple[str, ...]
    file_names: tuple[str, ...]
    passages: tuple[str, ...]
    speech_ids: tuple[int, ...]


def library_facts(home: Path) -> LibraryFacts:
    from index import Library

    library = Library(home)
    try:
        speeches = library.store.speeches()
        passages = [p.text for p in library.store.passages()][:40]
    finally:
        library.close()
    return LibraryFacts(
        speakers=tuple(sorted({s.speaker for s in speeches if s.speaker})),
        titles=tuple(s.title for s in speeches),
        file_names=tuple(sorted({Path(s.source).name for s in speeches})),
        passages=tuple(passages),
        speech_ids=tuple(s.id for s in speeches),
    )


def questions(facts: LibraryFacts) -> st.SearchStrategy[str]:
    known = [*facts.speakers, *facts.titles, *facts.file_names, *WORDS]
    pieces = st.one_of(st.sampled_from(ODD_PIECES), st.sampled_from(known), st.text(min_size=1, max_size=4))
    return st.one_of(
        st.lists(pieces, min_size=1, max_size=12).map("".join),
        st.text(min_size=1, max_size=40),
        st.text(alphabet=" \t\u3000\xa0\u2003", min_size=1, max_size=10),  # only spaces
        st.text(
            alphabet="。，！？、；：“”《》（）….,!?;:'\"*()-", min_size=1, max_size=20
        ),  # only punctuation
        st.sampled_from(known),  # a file name, a title, a speaker alone
        st.sampled_from(facts.passages),  # a whole passage pasted (some over the length limit)
        st.builds(
            lambda piece, n: (piece * n)[:10_000],
            st.sampled_from([*ODD_PIECES[30:], *WORDS]),
            st.integers(1, 10_000),
        ),
        st.just("问" * 10_000),
        st.just("离休干部体检" * 80 + "😀"),  # just over 500 characters
    )


def dates() -> st.SearchStrategy[str]:
    real = st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31))
    return st.one_of(
        real.map(lambda d: d.isoformat()),  # (half of the draws: a filter that reads, to search with)
        real.map(lambda d: f"{d.year}-{d.month:02d}"),
        real.map(lambda d: str(d.year)),
        st.sampled_from(ODD_DATES),
        st.dates(min_value=date(1, 1, 1)).map(lambda d: d.isoformat()),
        st.text(max_size=12),
    )


def cases(facts: LibraryFacts) -> st.SearchStrategy[tuple[str, ...]]:
    """The arguments of one `speechqa ask`: options in any combination, the question last (after `--`, or
    not: a question starting with 「-」 is then the user's mistake, to be said in one line)."""
    ids = [str(i) for i in facts.speech_ids]

    @st.composite
    def draw(data: st.DrawFn) -> tuple[str, ...]:
        args: list[str] = ["ask"]
        if data(st.integers(0, 9)) < 8:
            args.append("--json")
        for _ in range(data(st.sampled_from([0, 0, 1, 2]))):
            args += [
                "--speaker",
                data(
                    st.one_of(
                        st.sampled_from([*facts.speakers, "沈 伟", "沈伟、王建国", ""]), st.text(max_size=6)
                    )
                ),
            ]
        if data(st.integers(0, 2)) == 0:
            args += ["--since", data(dates())]
        if data(st.integers(0, 2)) == 0:
            args += ["--until", data(dates())]
        for _ in range(data(st.sampled_from([0, 0, 0, 1, 2]))):
            args += [
                "--speech",
                data(st.one_of(st.sampled_from(ids), st.sampled_from(ODD_IDS), st.text(max_size=4))),
            ]
        if data(st.integers(0, 3)) == 0:
            args += ["-k", data(st.sampled_from(ODD_K))]
        if data(st.integers(0, 3)) == 0:
            args += ["--mode", data(st.sampled_from(MODES))]
        if data(st.integers(0, 3)) == 0:
            args.append("--no-auto-filter")
        question = data(questions(facts))
        if data(st.integers(0, 4)) > 0:
            args.append("--")
        args.append(question)
        return tuple(args)

    return draw()


@dataclass(frozen=True)
class Outcome:
    exit_code: int
    stdout: str
    stderr: str
    exception: BaseException | None = None  # raised inside the command (in-process runs only)


def problems(args: tuple[str, ...], outcome: Outcome) -> list[str]:
    """Everything wrong with what `speechqa ARGS` did; empty when it behaved."""
    wrong: list[str] = []
    said = outcome.stdout + outcome.stderr
    if outcome.exception is not None and not isinstance(outcome.exception, SystemExit):
        wrong.append(f"raised {type(outcome.exception).__name__}: {outcome.exception}"[:300])
    if "Traceback" in said:
        wrong.append("a traceback was printed")
    if INTERNAL in outcome.stderr:
        wrong.append("「内部出错」: an exception escaped the layers")
    if outcome.exit_code not in (0, 1):
        wrong.append(f"exit {outcome.exit_code}")
    lines = [line for line in outcome.stderr.splitlines() if line.strip()]
    if outcome.exit_code == 1:
        # one line saying why, last (a notice or two may come before it): a message that a line break of the
        # input split in two, or with a control character drawn on the terminal, is not one line
        said = [line for line in lines if line.startswith(("错误：", "用法错误："))]
        if not lines or not HAN.search(lines[-1]) or said != lines[-1:]:
            wrong.append(f"exit 1 without one Chinese line last on stderr: {outcome.stderr[-200:]!r}")
        elif any(unicodedata.category(c) == "Cc" for c in lines[-1]):
            wrong.append(f"a control character in the error line: {lines[-1][:120]!r}")
    english = [line for line in lines if not HAN.search(line)]
    if english:
        wrong.append(f"a line without Chinese on stderr: {english[0][:120]!r}")
    if "--json" in args and (args.index("--json") < args.index("--") if "--" in args else True):
        wrong += json_problems(outcome)
    return wrong


def json_problems(outcome: Outcome) -> list[str]:
    """`ask --json`: stdout always holds one JSON object — an answer of the documented shape on exit 0, an
    object with `error` on exit 1 (docs/cli.md, 「The JSON format in full」)."""
    text = outcome.stdout.strip()
    if outcome.exit_code == 1 and not text and usage_error(outcome.stderr):
        return []  # a malformed command line is refused before `ask` runs, as any command's is
    try:
        answer: Any = json.loads(text)
    except ValueError:
        return [f"stdout is not one JSON document: {text[:200]!r}"]
    if not isinstance(answer, dict):
        return [f"stdout is JSON but not an object: {text[:100]!r}"]
    if outcome.exit_code == 1:
        if set(answer) != {"query", "answered", "results", "error"}:
            return [f"an error object with keys {sorted(answer)}"]
        if answer["answered"] is not False or answer["results"] != [] or not HAN.search(str(answer["error"])):
            return [f"an error object that is not one: {answer!r}"[:300]]
        return []
    return answer_shape_problems(answer)


def usage_error(stderr: str) -> bool:
    return "用法错误" in stderr
