"""Every answerable question whose right passage is not in the top 3, and every one told 「未找到」, over
every question set of our own, each asked of its library (docs/rank39.md).

    /work/main/.venv/bin/python scripts/rank39_misses.py LIBS OUT.jsonl [--sets dev,cold3,…]
    /work/main/.venv/bin/python scripts/rank39_misses.py --summary OUT.jsonl [BEFORE.jsonl]

LIBS: the libraries `scripts/eval_all_sets.sh LIBS` builds (`home`, `cN`, `styles`); each is copied to a
temporary folder first (searches cache question vectors in the data home), so LIBS is never written.
Every question is searched as `speechqa eval --mode hybrid` searches it (`bench.search_as_evaluated`), and
one line per question goes to OUT.jsonl: set, id, half, whether answerable, the rank of its first relevant
passage (null beyond 10), answered, level, probability, the top passage and the first relevant one.

The halves, fixed before any measurement (session 39): a set whose file marks its questions "tune" /
"heldout" (dev, styles, asks38, asks40…) keeps them; cold2…cold15 are halved by `bench.blind_split` (the halves
earlier sessions used, `HALVED`); a set whose file marks no question "tune" — the third set (cold), cold16 and
every one after — is held out whole (`WHOLE`, read from the files: a new set needs no edit here). A rule may be designed
on the "tune" halves only. `--summary` adds the held-out part as two rows: "held-out halves" (of the sets
tuned on) and "blind sets" (held out whole).

`--classify` counts the misses of OUT.jsonl by cause (`CAUSES`, read by `cause_of` from each row: where the
right passage ranks, and the most telling word the best passage lacks), per half, with examples.

`--unglue` searches with `RetrieverConfig(unglue=True)`: a word jieba glued from a function word and its
neighbour read as what is left (off by default; docs/rank39.md measures it this way).

`--complements` searches with a verb's complement read as grammar (交上去 → 交, tried and not kept).

`--numbers` searches with one numeral and its classifier read in digits where the library writes those (六家 →
6家, tried and not kept).

`--stopword WORD` searches with WORD a stop word too (自己 as a pronoun, tried and not kept).

`--neighbours SHARE` searches with `RetrieverConfig(neighbour_share=SHARE)`: a passage's fused score gains that
share of its adjacent passages' (tried and not kept, docs/rank40.md).

`--context [N]` gives each library second vectors (title, heading, text) of its table and form rows and its
passages of at most N characters (80 if not given; 0: rows alone), embedded for the run (`bench.context`;
tried and not kept, docs/rank40.md).

`--fill-sides MODE` searches with `RetrieverConfig(fill_sides=MODE)`: a passage one side returned and the other did
not is scored by the other side too, for the ranker's features ("ranker") or for those and the fusion ("fusion")
(docs/rank41.md). `--twin MODE=OUT2.jsonl` (repeatable) writes OUT.jsonl as without it and also searches each
question with `fill_sides=MODE` into OUT2.jsonl (the question encoded once for all).

`--framed` writes to OUT.jsonl, instead of searching, the questions holding a word that only frames what is asked
(之前, 提到, 几点开始's 开始) that no passage of their library holds — the only ones that rule moves; `--ids
FILE` then searches only those (docs/asks40.md), with this checkout or another on `PYTHONPATH`. `--framed --rests`
lists instead the questions holding a word jieba guessed that `Retriever.content_terms` reads without its last
character (观鸟队 → 观鸟: docs/asks41.md).

`--place-first` searches with `RetrieverConfig(place_first=True)`: asked where, a document's passages giving a
place first among its passages in the head's first five (tried and not kept, docs/place57.md).

`--fact-first` searches with `RetrieverConfig(fact_first=True)`: asked a kind of fact in everyday words (给哪些,
谁掏, 总共, 最多, 两样都能拿吗, 几号前), a document's passages stating it first among its passages in the head's
first eight (docs/cue63.md).

`--summary` prints, per set and half, R@1, R@3, false 「未找到」 and answered unanswerable (counts), and
with a second file, the questions whose rank or verdict moved between the two.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import tempfile
from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from retrieval import RetrieverConfig, SpeechService

REPO = Path(__file__).resolve().parent.parent
BENCHMARKS = REPO / "benchmarks"
# cold2…cold15: their files mark every question "heldout", but earlier sessions tuned on half of each
# (bench.blind_split); a closed list, no set is added to it
HALVED = frozenset(f"cold{n}" for n in range(2, 16))


def library_of(name: str) -> str:
    """The library `scripts/eval_all_sets.sh` evaluates a set on."""
    if name.startswith("cold") and name[4:].isdigit():
        return f"c{name[4:]}"
    if name.startswith("asks") and name != "asks38":  # asks40: c16 + cold7's; asks41: c24 +
        # cold25's + cold21's; asks42: c26 + cold22's + cold23's documents; asks43: c27 + cold19's + cold20's; asks44: c28 + cold17's +
        # cold18's; asks45: c29 + cold12's + cold13's; asks46: c30 + cold31's + cold11's;
        # asks47: c32 + cold14's + cold10's; asks48: c33 + cold9's + cold15's; asks49: c34 + cold6's + cold2's;
        # asks50: c35 + cold3's + cold5's; asks51: c36 + cold4's; asks52: c37 + cold8's; asks53: c38 + cold33's;
        # asks54: c39 + cold24's; asks55: c40 + cold7's; asks56: c41 + cold39's; asks57: c42 + cold16's
        return name
    return "styles" if name in ("styles", "asks38") else "home"


def all_sets(folder: Path = BENCHMARKS) -> list[str]:
    """Every question set of our own in `folder` (NAME-questions.jsonl): dev, cold, styles, then the asking sets
    and the cold sets in number order — a new set's file is enough."""

    def named(pattern: str) -> list[str]:
        found = (p.name.removesuffix("-questions.jsonl") for p in folder.glob(pattern))
        return sorted(found, key=lambda n: (len(n), n))

    names = ["dev", "cold", "styles", *named("asks*-questions.jsonl"), *named("cold*-questions.jsonl")]
    return [n for n in dict.fromkeys(names) if (folder / f"{n}-questions.jsonl").is_file()]


def held_out_whole(name: str, folder: Path = BENCHMARKS) -> bool:
    """Whether a set is held out whole: its file marks no question "tune" (every one "heldout", or none marked,
    as the third set's), and it is none of the HALVED sets."""
    if name in HALVED:
        return False
    lines = (folder / f"{name}-questions.jsonl").read_text(encoding="utf-8").splitlines()
    return all(json.loads(line).get("split") in (None, "heldout") for line in lines if line.strip())


WHOLE = frozenset(n for n in all_sets() if held_out_whole(n))  # the third set (cold), cold16 and after


def halves_of(name: str, questions: list) -> dict[str, str]:
    from bench import blind_split

    if name in WHOLE:
        return {q.id: "heldout" for q in questions}
    if name in HALVED:
        return blind_split(name, questions)
    return {q.id: q.split or "heldout" for q in questions}


@contextmanager
def service_of(
    libs: Path, name: str, config: RetrieverConfig, prefix: str = "rank39-"
) -> Iterator[SpeechService]:
    """A `SpeechService` searching with `config` over a temporary copy of the library the set `name` is evaluated
    on (`library_of`) in LIBS as `scripts/eval_all_sets.sh` builds it: a search caches its question's vector in
    the data home, so LIBS is never written; the copy is removed when the block ends."""
    from cli.settings import DEFAULT_MODEL
    from index import Library
    from retrieval import ServiceOptions, SpeechService

    with tempfile.TemporaryDirectory(prefix=prefix) as tmp:
        home = Path(tmp) / "home"
        shutil.copytree(libs / library_of(name), home)
        yield SpeechService(
            Library(home), ServiceOptions(model=DEFAULT_MODEL, seed_if_empty=False, config=config)
        )


# Tried and not kept (docs/rank39.md, "Tried, not kept"): a verb's directional or potential complement read as
# grammar — an unseen question word ending in one (交上去, 查出来, 走不动) read as the verb before it.
COMPLEMENT = re.compile(
    r"(?:上去|下来|出来|回来|过来|起来|进来|进去|出去|过去|下去|上来|不了|不动|得了|不到)$"
)


def read_complements() -> None:
    """Make `Retriever.content_terms` read complements so (in this process only), for `--complements`."""
    from retrieval.abstain import unseen_idf
    from retrieval.retriever import Retriever

    def content_terms(self: Retriever, terms: list[str]) -> tuple[str, ...]:
        ceiling = unseen_idf(self.index.lexical.size) - 1e-6
        read = []
        for t in terms:
            unseen = self.index.lexical.idf(t) >= ceiling
            if unseen and len(t) > 2 and COMPLEMENT.search(t):
                rest = COMPLEMENT.sub("", t)
                read += [rest] if len(rest) > 1 else []
            elif not (unseen and COMPLEMENT.fullmatch(t)):  # the complement alone (上去 of 交上去): grammar
                read.append(t)
        return tuple(dict.fromkeys(read or terms))

    Retriever.content_terms = content_terms  # type: ignore[method-assign]


# Tried and not kept (docs/rank39.md): one numeral with a classifier that no passage holds as asked (六家, 一块)
# read in digits (6家, 1块) when passages hold those — `Retriever.numerals_as_written` reads only numbers of 10 and
# more, as numerals of one character are mostly parts of words (统一, 一般).
_NUMERAL_DIGITS = {c: str(n) for n, c in enumerate("零一二三四五六七八九")} | {"两": "2"}
ONE_NUMERAL = re.compile(
    r"(?<![零一二三四五六七八九十百千万两〇第])([一二三四五六七八九两])"
    r"(家|条|项|名|个|次|位|所|块|件|批|种|天|周|年|人|户|支|场|期|班|辆|本|篇|套|间|层|楼)"
)


def read_numbers() -> None:
    """Make `Retriever.numerals_as_written` read one numeral with a classifier so too (this process only)."""
    from retrieval.abstain import unseen_idf
    from retrieval.retriever import Retriever

    as_written = Retriever.numerals_as_written

    def numerals_as_written(self: Retriever, text: str) -> str:
        unseen = unseen_idf(self.index.lexical.size) - 1e-6

        def written(m: re.Match[str]) -> str:
            digits = _NUMERAL_DIGITS[m.group(1)] + m.group(2)
            held = self.index.lexical.idf(m.group()) < unseen or not self.passages_holding(digits)
            return m.group() if held else digits

        return ONE_NUMERAL.sub(written, as_written(self, text))

    Retriever.numerals_as_written = numerals_as_written  # type: ignore[method-assign]


def abbreviated_in(word: str, text: str) -> bool:
    """Whether the text writes a span that the word abbreviates: from its first character to its last, holding
    its characters in order, at most twice its length (意外险 in 意外伤害保险, 医保 in 医疗保险)."""
    n = len(word)
    start = text.find(word[0])
    while start >= 0:
        window, at = text[start : start + 2 * n], 0
        for i, c in enumerate(window):
            if c == word[at]:
                at += 1
                if at == n:
                    if i + 1 > n:  # not the word itself
                        return True
                    break
        start = text.find(word[0], start + 1)
    return False


def _chinese(word: str) -> bool:
    return len(word) > 1 and all("\u4e00" <= c <= "\u9fff" for c in word)


def read_abbreviations() -> None:
    """Tried (docs/asks40.md): a question word no passage holds counts as held by the best passage where that
    passage writes a span it abbreviates (`abbreviated_in`), in the coverage and the missing-word signals."""
    import retrieval.abstain as abstain

    original = abstain.held

    def held(e: abstain.Evidence, word: str, haystack: str) -> float:
        found = original(e, word, haystack)
        if found >= 1 or not _chinese(word) or e.passages <= 0:
            return found
        if e.idf(word) < abstain.unseen_idf(e.passages) - 1e-6:
            return found
        return 1.0 if abbreviated_in(word, haystack) else found

    abstain.held = held


def framed(libs: Path, out: Path, names: list[str], abbreviations: bool = False, rests: bool = False) -> None:
    """Write to OUT.jsonl the questions holding a word that only frames what is asked (之前, 提到, 几点开始's 开始:
    `retrieval.vocabulary.only_frames`) that no passage of the set's library holds: the only questions that
    rule can move (docs/asks40.md); every other is searched, ranked and judged as before. With `rests`, instead
    the questions holding a word `Retriever.content_terms` reads without its last character (docs/asks41.md)."""
    import sqlite3

    from bench.evaluate import load_questions
    from corpus import to_simplified
    from index import query_terms
    from index.tokenize import dictionary_words
    from retrieval.vocabulary import INTERROGATIVE, only_frames

    count = total = 0
    missing = [name for name in names if not (libs / library_of(name) / "speechqa.db").is_file()]
    if missing:  # sqlite3.connect would create an empty library there
        raise FileNotFoundError(f"找不到资料库：{libs / library_of(missing[0]) / 'speechqa.db'}")
    with out.open("w", encoding="utf-8") as sink:
        for name in names:
            questions = load_questions(REPO / "benchmarks" / f"{name}-questions.jsonl")
            db = sqlite3.connect(libs / library_of(name) / "speechqa.db")
            texts = [
                to_simplified(t).lower()
                for (t,) in db.execute("select text || ' ' || coalesce(section, '') from passages")
            ]
            db.close()
            for q in questions:
                total += 1
                asked = to_simplified(q.question).lower()
                # every two characters of it, not only jieba's words: a superset of what a search can read so
                pieces = dict.fromkeys(asked[k : k + 2] for k in range(len(asked) - 1))
                words = [t for t in pieces if only_frames(t, asked) and not any(t in x for x in texts)]
                if abbreviations:  # instead: an unseen word some passage writes in full (tried, not kept)
                    words = [
                        t
                        for t in query_terms(asked)
                        if _chinese(t)
                        and not any(t in x for x in texts)
                        and any(abbreviated_in(t, x) for x in texts)
                    ]
                if rests:  # instead: a word jieba guessed whose rest without its last character is held
                    guessed = {
                        t
                        for t in query_terms(asked)
                        if len(t) > 2
                        and _chinese(t)
                        and not INTERROGATIVE.search(t)
                        and not any(t in x for x in texts)
                    }
                    guessed -= dictionary_words(guessed)
                    words = [t for t in sorted(guessed) if any(t[:-1] in x for x in texts)]
                if words:
                    count += 1
                    sink.write(
                        json.dumps(
                            {"set": name, "id": q.id, "question": q.question, "words": words},
                            ensure_ascii=False,
                        )
                        + "\n"
                    )
    what = "a guessed word read without its last character" if rests else "a framing word no passage holds"
    print(f"{count} of {total} questions hold {what}")


def collect(
    libs: Path,
    out: Path,
    names: list[str],
    unglue: bool = False,
    only: set[tuple[str, str]] | None = None,
    *,
    neighbours: float = 0.0,
    context: int | None = None,
    context_share: float = 1.0,
    fill_sides: Any = "none",  # RetrieverConfig.fill_sides
    place_first: bool = False,
    fact_first: bool = False,
    twins: Sequence[tuple[str, Path]] = (),
) -> None:
    """With `twins` ((fill_sides mode, path) pairs), each question is also searched with that mode by a copy of
    the retriever that shares its question vectors (one encoding for all), and those rows go to that path."""
    import copy
    from dataclasses import replace

    from bench.evaluate import is_relevant, load_questions, search_as_evaluated
    from corpus import to_simplified
    from index import lexical_input
    from retrieval import RetrieverConfig
    from retrieval.abstain import unseen_idf
    from retrieval.retriever import source_text

    twin_sinks = [(mode, path.open("w", encoding="utf-8")) for mode, path in twins]
    with out.open("w", encoding="utf-8") as sink:
        for name in names:
            path = REPO / "benchmarks" / f"{name}-questions.jsonl"
            questions = load_questions(path)
            halves = halves_of(name, questions)
            config = RetrieverConfig(
                unglue=unglue,
                neighbour_share=neighbours,
                context_share=context_share,
                fill_sides=fill_sides,
                place_first=place_first,
                fact_first=fact_first,
            )
            with service_of(libs, name, config) as service:
                retriever = service.current()
                if context is not None:
                    from bench.context import with_context

                    with_context(retriever, context)
                passages = list(
                    retriever.store.passages_by_id(list(map(int, retriever.index.lexical.ids))).values()
                )
                searchers = [(retriever, sink)]
                for mode, twin_sink in twin_sinks:
                    other = copy.copy(retriever)  # the same store, index, models and question vectors
                    other.config = replace(retriever.config, fill_sides=mode)
                    searchers.append((other, twin_sink))
                for q, (searcher, into) in ((q, s) for q in questions for s in searchers):
                    if only is not None and (name, q.id) not in only:
                        continue
                    answer = search_as_evaluated(searcher, q.question)
                    first = next((h for h in answer.hits if is_relevant(h.passage, q)), None)
                    top = answer.hits[0] if answer.hits else None
                    # the question's words the best passage (heading, title, speaker, date) lacks, with their
                    # IDF over the unseen ceiling, as the confidence's `missing_peak` reads them (roughly:
                    # interrogatives are not left out here)
                    seen_in = (
                        to_simplified(
                            f"{lexical_input(top.passage.text, top.passage.section)} {source_text(top.passage)}"
                        ).lower()
                        if top is not None
                        else ""
                    )
                    ceiling = unseen_idf(retriever.index.lexical.size)
                    missing = sorted(
                        (
                            (t, round(retriever.index.lexical.idf(t) / ceiling, 2))
                            for t in answer.terms
                            if len(t) > 1 and t not in seen_in
                        ),
                        key=lambda m: -m[1],
                    )
                    row = {
                        "set": name,
                        "id": q.id,
                        "half": halves[q.id],
                        "answerable": q.answerable,
                        "kind": q.kind,
                        "question": q.question,
                        "answers": list(q.answers),
                        "rank": first.rank if first is not None else None,
                        "answered": answer.answered,
                        "level": answer.level,
                        "probability": answer.probability,
                        "terms": list(answer.terms),
                        "missing": missing,
                        "top": top.passage.text[:160] if top else None,
                        "top_speech": top.passage.speech_id if top else None,
                        "gold_speech": first.passage.speech_id if first is not None else None,
                        "gold_anywhere": any(is_relevant(p, q) for p in passages) if first is None else True,
                        "top_section": top.passage.section if top else None,
                        "top_sentence": top.answer_sentence.text
                        if top is not None and top.answer_sentence is not None
                        else None,
                        "gold": first.passage.text[:160] if first is not None else None,
                        "signals": answer.signals.__dict__ if answer.signals is not None else None,
                    }
                    into.write(json.dumps(row, ensure_ascii=False) + "\n")
            print(f"{name}: {len(questions)}", file=sys.stderr, flush=True)
    for _, twin_sink in twin_sinks:
        twin_sink.close()


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _key_point(row: dict) -> bool:
    """要点, as `speechqa eval` counts it: the right passage first and a gold phrase inside its answer sentence."""
    from bench.evaluate import squash

    sentence = squash(row.get("top_sentence") or "")
    return row["rank"] == 1 and any(squash(a) in sentence for a in row["answers"] if a.strip())


def summary(rows: list[dict]) -> dict[tuple[str, str], tuple[int, int, int, int, int, int, int]]:
    """(set, half) → (answerable, at 1, in top 3, false 「未找到」, unanswerable, answered unanswerable, 要点)"""
    acc: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0] * 7)
    for r in rows:
        # the held-out part as two: the halves of sets tuned on, and the blind sets held out whole
        part = "blind sets" if r["set"] in WHOLE else "held-out halves" if r["half"] == "heldout" else None
        keys = [(r["set"], r["half"]), ("ALL", r["half"])] + ([("ALL", part)] if part else [])
        for key in keys:
            a = acc[key]
            if r["answerable"]:
                a[0] += 1
                a[1] += r["rank"] == 1
                a[2] += r["rank"] is not None and r["rank"] <= 3
                a[3] += not r["answered"]
                a[6] += _key_point(r)
            else:
                a[4] += 1
                a[5] += r["answered"]
    return {k: tuple(v) for k, v in acc.items()}  # type: ignore[misc]


def print_summary(after: list[dict], before: list[dict] | None) -> None:
    now = summary(after)
    was = summary(before) if before is not None else {}
    print("| set | half | answerable | R@1 | R@3 | 要点 | false 未找到 | answered unanswerable |")
    print("|---|---|---|---|---|---|---|---|")
    order = {name: n for n, name in enumerate(all_sets())}
    for key in sorted(now, key=lambda k: (k[1] == "tune", k[0] == "ALL", k[1], order.get(k[0], 0))):
        n, u = now[key][0], now[key][4]

        def cell(i: int, total: int, key: tuple[str, str] = key) -> str:
            value = now[key][i]
            text = f"{value}/{total} ({value / max(1, total):.3f})"
            if key in was and was[key][i] != value:
                text = f"{was[key][i]} → {text}"
            return text

        print(
            f"| {key[0]} | {key[1]} | {n} | {cell(1, n)} | {cell(2, n)} | {cell(6, n)} | {cell(3, n)} | {cell(5, u)} |"
        )
    if before is None:
        return
    old = {(r["set"], r["id"]): r for r in before}

    def p(row: dict) -> str:
        return "—" if row["probability"] is None else f"{row['probability']:.2f}"

    print("\nmoved:")
    for r in after:
        o = old.get((r["set"], r["id"]))
        if o is None or (o["rank"], o["answered"]) == (r["rank"], r["answered"]):
            continue
        print(
            f"{r['set']} {r['id']} ({r['half']}) rank {o['rank']} → {r['rank']}, "
            f"answered {o['answered']} → {r['answered']} (p {p(o)} → {p(r)}): {r['question']}"
        )


CAUSES = {
    "no_passage": "the answer phrase is in no passage (cut by a passage boundary, or a fact of the record)",
    "same_document": "another passage of the same document ranks above the one that answers",
    "other_document": "a passage of another document ranks above (4th to 10th)",
    "beyond_ten": "not in the top 10",
    "wrong_first": "told 「未找到」 with another passage first",
    "glued": "a word jieba glued from a function word and its neighbour (卡能, 能领, 我爸) weighs as missing",
    "figure": "a figure or date asked in other words than the passage's (七十二岁, 三月五号, 两块)",
    "everyday": "an everyday word no passage uses (掏钱, 回音, 闺女): the document says it otherwise",
    "guessed": "a word jieba guessed that no passage holds (a typo, an abbreviation, a coined term)",
    "used_elsewhere": "a word the library uses elsewhere that the right passage lacks",
    "signals": "every word held: the other signals (kind asked, margins, cosine) say low",
}


def cause_of(row: dict) -> str:
    """One cause per miss, read from the row alone (the rules are the docstring of `CAUSES`' order)."""
    from index import dictionary_words
    from retrieval.vocabulary import INTERROGATIVE, asks_only_how, unglued

    rank = row["rank"]
    if rank is None or rank > 3:
        if not row.get("gold_anywhere", True):
            return "no_passage"
        if rank is None:
            return "beyond_ten"
        return "same_document" if row.get("top_speech") == row.get("gold_speech") else "other_document"
    if rank != 1:
        return "wrong_first"
    question = row["question"]
    missing = [
        (w, r)
        for w, r in row.get("missing", [])
        if not asks_only_how(w, question) and not INTERROGATIVE.search(w)
    ]
    if not missing:
        return "signals"
    word, ratio = missing[0]
    if re.search(r"[0-9]|[〇一二三四五六七八九十百千两]+(?:[岁年月日号点块个条家项名人次天周]|$)", word):
        return "figure"
    if ratio < 0.999:
        return "used_elsewhere"
    if unglued(word) != word and word not in dictionary_words([word]):
        return "glued"
    return "everyday" if word in dictionary_words([word]) else "guessed"


def classify(rows: list[dict]) -> None:
    misses = [r for r in rows if r["answerable"] and ((r["rank"] or 99) > 3 or not r["answered"])]
    table: dict[str, dict[str, list[dict]]] = defaultdict(lambda: defaultdict(list))
    for r in misses:
        table[cause_of(r)][r["half"]].append(r)
    print("| cause | held out | tuning | examples (set id: question) |")
    print("|---|---|---|---|")
    for cause, text in CAUSES.items():
        halves = table.get(cause, {})
        shown = [*halves.get("tune", []), *halves.get("heldout", [])][:3]
        examples = "; ".join(f"{r['set']} {r['id']}: {r['question']}" for r in shown)
        print(f"| {text} | {len(halves.get('heldout', []))} | {len(halves.get('tune', []))} | {examples} |")
    for half in ("heldout", "tune"):
        print(f"{half}: {sum(len(h.get(half, [])) for h in table.values())} misses")


def main(argv: list[str]) -> int:
    from index.context import SHORT

    parser = argparse.ArgumentParser(
        prog="rank39_misses.py", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("paths", type=Path, nargs="+")
    parser.add_argument("--summary", action="store_true", help="summarise OUT.jsonl [against BEFORE.jsonl]")
    parser.add_argument("--sets", help="comma-separated set names (default: every set)")
    parser.add_argument(
        "--unglue", action="store_true", help="search with RetrieverConfig(unglue=True) (docs/rank39.md)"
    )
    parser.add_argument(
        "--complements",
        action="store_true",
        help="the complement reading tried and not kept (docs/rank39.md)",
    )
    parser.add_argument(
        "--numbers", action="store_true", help="the one-numeral reading tried and not kept (docs/rank39.md)"
    )
    parser.add_argument(
        "--stopword", action="append", default=[], help="also a stop word in this run (自己: tried, not kept)"
    )
    parser.add_argument(
        "--neighbours",
        type=float,
        default=0.0,
        help="RetrieverConfig.neighbour_share: a share of the adjacent passages' scores (docs/rank40.md)",
    )
    parser.add_argument(
        "--context",
        type=int,
        nargs="?",
        const=SHORT,
        help="second vectors (title, heading, text) for table and form rows and passages of at most this many "
        f"characters ({SHORT} if not given; 0: rows alone) (docs/rank40.md)",
    )
    parser.add_argument(
        "--context-share",
        type=float,
        default=1.0,
        help="with --context: RetrieverConfig.context_share (1: the better of the two cosines)",
    )
    parser.add_argument(
        "--fill-sides",
        choices=("none", "ranker", "fusion"),
        default="none",
        help="RetrieverConfig.fill_sides: a passage one side missed scored by it too (docs/rank41.md)",
    )
    parser.add_argument(
        "--twin",
        action="append",
        default=[],
        metavar="MODE=OUT2.jsonl",
        help="also search each question with fill_sides=MODE into OUT2.jsonl, its vector encoded once",
    )
    parser.add_argument(
        "--place-first",
        action="store_true",
        help="search with RetrieverConfig(place_first=True) (tried, not kept: docs/place57.md)",
    )
    parser.add_argument(
        "--fact-first",
        action="store_true",
        help="search with RetrieverConfig(fact_first=True): a document's passages stating the asked fact first",
    )
    parser.add_argument("--classify", action="store_true", help="count OUT.jsonl's misses by cause")
    parser.add_argument(
        "--framed",
        action="store_true",
        help="write the questions the framing-word rule can move (docs/asks40.md)",
    )
    parser.add_argument(
        "--abbreviations",
        action="store_true",
        help="with --framed: list, else search with, an unseen word read as a span it abbreviates (tried)",
    )
    parser.add_argument(
        "--rests",
        action="store_true",
        help="with --framed: list instead the questions holding a word jieba guessed that is read without its "
        "last character (docs/asks41.md)",
    )
    parser.add_argument(
        "--ids", type=Path, help="search only the questions (set, id) of this JSON Lines file"
    )
    args = parser.parse_args(argv)
    if args.classify or args.summary:
        for path in args.paths[:2]:
            if not path.is_file():
                print(f"找不到：{path}", file=sys.stderr)
                return 1
        if args.classify:
            classify(load(args.paths[0]))
        else:
            print_summary(load(args.paths[0]), load(args.paths[1]) if len(args.paths) > 1 else None)
        return 0
    if len(args.paths) != 2:
        parser.error("要给出 LIBS 与 OUT.jsonl 两个路径")
    if not args.paths[0].is_dir():
        print(f"找不到文件夹：{args.paths[0]}", file=sys.stderr)
        return 1
    names = args.sets.split(",") if args.sets else all_sets()
    if args.complements:
        read_complements()
    if args.numbers:
        read_numbers()
    if args.stopword:  # query_terms reads the module's STOPWORDS when it is called
        import index.tokenize

        index.tokenize.STOPWORDS = index.tokenize.STOPWORDS | frozenset(args.stopword)
    if args.framed:
        try:
            framed(args.paths[0], args.paths[1], names, args.abbreviations, args.rests)
        except FileNotFoundError as e:
            print(e, file=sys.stderr)
            return 1
        return 0
    if args.abbreviations:
        read_abbreviations()
    if args.ids is not None and not args.ids.is_file():
        print(f"找不到：{args.ids}", file=sys.stderr)
        return 1
    only = {(r["set"], r["id"]) for r in load(args.ids)} if args.ids else None
    if only is not None:
        names = [n for n in names if any(n == s for s, _ in only)]
    collect(
        args.paths[0],
        args.paths[1],
        names,
        args.unglue,
        only,
        neighbours=args.neighbours,
        context=args.context,
        context_share=args.context_share,
        fill_sides=args.fill_sides,
        place_first=args.place_first,
        fact_first=args.fact_first,
        twins=[(t.split("=", 1)[0], Path(t.split("=", 1)[1])) for t in args.twin],
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
