"""Score several learned rankers on the same libraries in one process: the figures `speechqa eval --mode
hybrid` prints (the same search, top 10), with only the ranker swapped, each question embedded once.

    SPEECHQA_HOME=/tmp/x/home .venv/bin/python scripts/compare_rankers.py \\
        --ranker shipped=retrieval/data/ranker.json --ranker refit=/tmp/x/ranker.json \\
        --set benchmarks/dev-questions.jsonl=/tmp/x/home --set benchmarks/cold6-questions.jsonl=/tmp/x/c6 \\
        --policy tests/fixtures/notices --cmrc ../shared/benchmarks/cmrc2018/cmrc2018_dev.json

`--set SET=HOME` asks a question set of the library in a data home (use copies: nothing is written, but
a library may be upgraded on loading). `--policy FOLDER` asks benchmarks/policy-questions.jsonl of those
notices as `speechqa bench ablation --notices` does (kept under $SPEECHQA_HOME/bench); `--cmrc FILE` asks
CMRC as `speechqa bench cmrc` does (its library under $SPEECHQA_HOME/bench, or `--cmrc-home`). Prints one
Markdown row per set (and half) and ranker: answerable, R@1, R@3, 要点 and the questions first; with `--ranks
FILE`, writes every question's first relevant rank per ranker there (JSON) to see which ones moved.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import cmrc_library, folder_library, load_cmrc
from bench.errors import BenchError, require_paths
from bench.evaluate import GoldFormatError, GoldQuestion, Report, by_split, evaluate, load_questions
from bench.ranking import CachedEmbedder
from cli.settings import load_settings
from index import Library
from retrieval import Ranker, Retriever, RetrieverConfig, ServiceOptions, SpeechService, load_ranker

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "retrieval" / "data" / "ranker.json"


def _pair(text: str, option: str) -> tuple[str, Path]:
    name, sep, path = text.partition("=")
    if not sep or not name or not path:
        sys.exit(f"{option} 应写成 名称=路径：{text}")
    return name, Path(path)


def _rows(
    label: str,
    retriever: Retriever,
    questions: Sequence[GoldQuestion],
    rankers: dict[str, Ranker],
    ranks: dict[str, dict[str, dict[str, int | None]]],
) -> list[str]:
    rows = []
    for name, ranker in rankers.items():
        retriever.ranker = ranker
        report = evaluate(questions, lambda q: retriever.search(q, k=10, mode="hybrid"))
        ranks.setdefault(label, {})[name] = {o.question.id: o.first_relevant for o in report.outcomes}
        halves = by_split(report)  # a set all of one half (cold2 on: "heldout") is shown whole
        parts: dict[str, Report] = {"all": report, **(halves if len(halves) > 1 else {})}
        for part, r in parts.items():
            first = sum(o.first_relevant == 1 for o in r.outcomes)
            rows.append(
                f"| {label} {part} | {name} | {r.answerable} | {r.recall[1]:.3f} | {r.recall[3]:.3f} "
                f"| {r.sentence_hit:.3f} | {first} |"
            )
        print(rows[-1] if len(parts) == 1 else "\n".join(rows[-len(parts) :]), flush=True)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--ranker", action="append", metavar="NAME=FILE", help="(repeatable; default: the shipped one alone)"
    )
    parser.add_argument("--set", action="append", default=[], metavar="SET=HOME")
    parser.add_argument("--policy", type=Path, help="the notices folder the policy set is asked of")
    parser.add_argument("--cmrc", type=Path, help="a CMRC 2018 JSON file")
    parser.add_argument("--cmrc-home", type=Path, help="where its library is (default: under the data home)")
    parser.add_argument("--ranks", type=Path, help="write each question's first relevant rank here (JSON)")
    args = parser.parse_args()
    rankers_at = [_pair(r, "--ranker") for r in args.ranker or [f"shipped={SHIPPED}"]]
    sets = [_pair(s, "--set") for s in args.set]
    require_paths(
        args.cmrc,
        *(p for _, p in rankers_at),
        *(Path(s) for s, _ in sets),
        folders=(*(h for _, h in sets), *((args.policy,) if args.policy else ())),
    )  # a path that does not exist: one line, exit 1
    rankers: dict[str, Ranker] = {}
    for name, path in rankers_at:
        ranker = load_ranker(path)
        if ranker is None:
            sys.exit(f"排序模型不可用：{path}")
        rankers[name] = ranker
    settings = load_settings()
    home = Path(os.environ.get("SPEECHQA_HOME") or settings.home)
    config = RetrieverConfig()
    ranks: dict[str, dict[str, dict[str, int | None]]] = {}
    asked = [
        (load_questions(Path(set_name)), data_home, set_name) for set_name, data_home in sets
    ]  # read first
    print(
        "| set | ranker | answerable | R@1 | R@3 | 要点 | first |\n|---|---|---|---|---|---|---|", flush=True
    )
    for questions, data_home, set_name in asked:
        service = SpeechService(Library(data_home), ServiceOptions(model=settings.model))
        retriever = Retriever(
            service.library.store,
            service.retriever.index,
            CachedEmbedder(service.embedder),  # type: ignore[arg-type]
            config,
        )
        _rows(
            Path(set_name).stem.removesuffix("-questions"),
            retriever,
            questions,
            rankers,
            ranks,
        )
    if args.policy is not None:
        merge = settings.merge_to
        notices = folder_library(
            args.policy,
            home / "bench" / f"{args.policy.name}-merge{merge or 0}",
            model=settings.model,
            tokenizer=settings.tokenizer,
            merge_to=merge,
        )
        index = notices.library.load(notices.embedder.key)
        retriever = Retriever(notices.library.store, index, CachedEmbedder(notices.embedder), config)  # type: ignore[arg-type]
        _rows(
            "policy",
            retriever,
            load_questions(ROOT / "benchmarks" / "policy-questions.jsonl"),
            rankers,
            ranks,
        )
    if args.cmrc is not None:
        data = load_cmrc(args.cmrc)
        bench = cmrc_library(
            data,
            args.cmrc_home or home / "bench" / args.cmrc.stem,
            model=settings.model,
            tokenizer=settings.tokenizer,
        )
        _rows(args.cmrc.stem, bench.retriever(), data.questions, rankers, ranks)
    if args.ranks is not None:
        args.ranks.write_text(json.dumps(ranks, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    try:
        main()
    except (BenchError, GoldFormatError) as e:  # a malformed question set or library: one line, exit 1
        sys.exit(f"错误：{e}")
