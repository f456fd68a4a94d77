"""Which questions of a set read how they ask differently since INTERROGATIVE took in the spoken forms (form28).

Until form28 the interrogatives (`retrieval.vocabulary.INTERROGATIVE`) hard-listed 能不能, 要不要, 会不会,
变不变, 是不是, 有没有, while 啥, 咋 and the open A不A form lived in a second list read only by the missing-word
count. Every reader of INTERROGATIVE (pins, answer sentence, typo reading, answer kind, the bot's chatter
test) sees a question differently only where the two lists' matches differ; this prints those questions.
Questions are folded as the readers fold them (simplified, lower case).

    PYTHONPATH=. python scripts/interrogative_moves.py benchmarks/*-questions.jsonl \\
        --cmrc ../shared/benchmarks/cmrc2018/cmrc2018_dev.json
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

from bench.errors import require_paths
from corpus import to_simplified
from retrieval.vocabulary import INTERROGATIVE

# INTERROGATIVE as it was before form28, spelled here to compare against
BEFORE = re.compile(
    r"什么样|什么|哪一?些|哪一?个|哪几|哪位|哪里|哪儿|哪一?年|哪一?天|哪|怎么样|怎么|怎样|如何|多少|多久|多长|几|谁"
    r"|为什么|为何|为啥|是否|能不能|能否|可不可以|可否|是不是|有没有|会不会|要不要|变不变|吗|呢|吧"
)


def spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


def moved(question: str) -> tuple[list[str], list[str]] | None:
    """The matches before and now, when they differ."""
    text = to_simplified(question).lower()
    if spans(BEFORE, text) == spans(INTERROGATIVE, text):
        return None
    return [m.group() for m in BEFORE.finditer(text)], [m.group() for m in INTERROGATIVE.finditer(text)]


def set_questions(path: Path) -> list[tuple[str, str]]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [(str(r.get("id") or f"{r.get('group', '')}/{r.get('kind', '')}"), r["question"]) for r in rows]


def cmrc_questions(path: Path) -> list[tuple[str, str]]:
    data = json.loads(path.read_text(encoding="utf-8"))["data"]
    return [
        (qa["id"], qa["question"])
        for article in data
        for paragraph in article["paragraphs"]
        for qa in paragraph["qas"]
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", type=Path, help="question sets (JSON Lines)")
    parser.add_argument("--cmrc", type=Path, help="a CMRC 2018 file")
    args = parser.parse_args()
    require_paths(*args.sets, args.cmrc)  # a path that does not exist: one line, exit 1
    named = [(p.name, set_questions(p)) for p in args.sets]
    if args.cmrc is not None:
        named.append((args.cmrc.name, cmrc_questions(args.cmrc)))
    for name, questions in named:
        rows = [(qid, q, m) for qid, q in questions if (m := moved(q)) is not None]
        print(f"{name}: {len(rows)} of {len(questions)} questions read differently")
        for qid, question, (before, now) in rows:
            print(f"  {qid}\t{question}\t{'/'.join(before) or '—'} → {'/'.join(now)}")


if __name__ == "__main__":
    main()
