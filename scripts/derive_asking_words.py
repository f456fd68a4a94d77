"""Derive the asking words the confidence credits (retrieval/data/asking_words.txt), from fitting data only.

An *asking word* is a content word of a question (as `index.query_terms` cuts it, interrogatives already left out
by `vocabulary.asks_only_how`) that says how or of what a question asks, not what about: 一共, 这次, 最多, 到底.
A passage answering the question almost never writes it, so the coverage counts it as missing from a passage that
states exactly the fact asked (docs/conf64.md). A word is kept when

- in the staff sets' *tuning halves* (never a held-out half; the sets of `SETS`) it is in at least MIN_STAFF questions of at least
  MIN_SETS different sets (a topic word, 白内障 or 画展, is asked of the one set whose documents speak of it; an
  asking word is said in every set), and at least LIFT times more common among those questions than among the
  distinct passages of the libraries they are asked of (both shares per text);
- and CMRC 2018 *trial* (never dev) does not contradict it: where at least MIN_CMRC of its questions hold the
  word, at least ABSENT_SHARE of them lack it in their own context (a topic word is almost always there);
- and it is no courtesy (您好: `vocabulary.only_courtesy`, already no word the coverage weighs).

The thresholds are fixed here, not tuned per question.

    python scripts/derive_asking_words.py --cmrc …/cmrc2018_trial.json --libs LIBS > retrieval/data/asking_words.txt

LIBS: the libraries `scripts/eval_all_sets.sh` builds (their passages are read, never written).
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

from bench.errors import require_paths  # noqa: E402
from corpus import to_simplified  # noqa: E402
from index import query_terms  # noqa: E402
from retrieval.vocabulary import asks_only_how, only_courtesy  # noqa: E402

MIN_CMRC = 3  # CMRC trial questions holding the word
ABSENT_SHARE = 0.9  # … of which at least this share's own context lacks it
MIN_STAFF = 3  # tuning-half questions holding the word
MIN_SETS = 4  # … in at least this many sets
LIFT = 5.0  # share of tuning questions holding it over share of passages holding it
# The sets retrieval/data/asking_words.txt was derived from (every staff set before asks52, at 8909aa5c), and so
# the libraries whose passages are read (`rank39_misses.library_of` of each): a set added later is not read, so
# the documented command writes the committed file again (asks52 stays blind to it).
SETS = (
    "dev cold styles asks38 asks40 asks41 asks42 asks43 asks44 asks45 asks46 asks47 asks48 asks49 asks50 asks51 "
    + " ".join(f"cold{n}" for n in range(2, 38))
).split()


def words_of(question: str) -> set[str]:
    return {t for t in query_terms(question) if len(t) > 1 and not asks_only_how(t, question)}


def cmrc_counts(path: Path) -> tuple[Counter[str], Counter[str]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    asked: Counter[str] = Counter()
    absent: Counter[str] = Counter()
    for article in data["data"]:
        for paragraph in article["paragraphs"]:
            context = to_simplified(paragraph["context"]).lower()
            for qa in paragraph["qas"]:
                for word in words_of(to_simplified(qa["question"])):
                    asked[word] += 1
                    absent[word] += word.lower() not in context
    return asked, absent


def staff_counts(libs: Path) -> tuple[Counter[str], Counter[str], int, set[str]]:
    from rank39_misses import halves_of, library_of

    from bench.evaluate import load_questions

    asked: Counter[str] = Counter()
    sets: Counter[str] = Counter()
    total = 0
    for name in SETS:
        questions = load_questions(REPO / "benchmarks" / f"{name}-questions.jsonl")
        halves = halves_of(name, questions)
        here: set[str] = set()
        for q in questions:
            if halves[q.id] == "tune":
                total += 1
                words = words_of(to_simplified(q.question))
                asked.update(words)
                here |= words
        sets.update(here)
    passages: set[str] = set()
    for db in sorted({libs / library_of(name) / "speechqa.db" for name in SETS}):
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
            passages.update(to_simplified(t).lower() for (t,) in conn.execute("select text from passages"))
    return asked, sets, total, passages


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--cmrc", type=Path, required=True, help="cmrc2018_trial.json")
    parser.add_argument("--libs", type=Path, required=True, help="the libraries of scripts/eval_all_sets.sh")
    args = parser.parse_args(argv)
    require_paths(args.cmrc, folders=(args.libs,))
    from rank39_misses import library_of

    missing = sorted(
        {library_of(n) for n in SETS if not (args.libs / library_of(n) / "speechqa.db").is_file()}
    )
    if missing:
        print(
            f"资料库文件夹 {args.libs} 里缺少：{'、'.join(missing)}（由 scripts/eval_all_sets.sh 建）",
            file=sys.stderr,
        )
        return 1
    c_asked, c_absent = cmrc_counts(args.cmrc)
    s_asked, s_sets, s_total, passages = staff_counts(args.libs)
    kept = []
    for word in sorted(s_asked):
        if s_asked[word] < MIN_STAFF or s_sets[word] < MIN_SETS or only_courtesy(word):
            continue
        if c_asked[word] >= MIN_CMRC and c_absent[word] < ABSENT_SHARE * c_asked[word]:
            continue
        in_passages = sum(word.lower() in p for p in passages)
        lift = (s_asked[word] / s_total) / ((in_passages + 1) / len(passages))
        if lift >= LIFT:
            kept.append(
                f"{word}\t# CMRC trial: {c_asked[word]} questions, {c_absent[word]} without it in their context; "
                f"staff tuning halves: {s_asked[word]}/{s_total} questions of {s_sets[word]} sets, "
                f"{in_passages}/{len(passages)} passages"
            )
    print(
        f"# Asking words: frequent in questions, rare in the passages that answer them ({args.cmrc.name}, the staff "
        "sets' tuning halves,\n# the libraries' passages). Written by scripts/derive_asking_words.py (see there); "
        "credited by the confidence\n# when the passage states the kind of fact the question asks "
        "(retrieval/asked_kind.py)."
    )
    print("\n".join(kept))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
