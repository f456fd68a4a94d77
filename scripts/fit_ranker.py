"""Fit the learned ranker and write retrieval/data/ranker.json (scikit-learn at fitting time only).

Fitted on data that is never reported as a result: CMRC 2018 *trial* (its own library), the *tuning*
half of the dev set (the bundled speeches) and, with `--notices`, the *tuning* half of the policy set
asked of the policy notices (chunked as the product chunks them); each set weighs the same. Checked with
`speechqa bench ablation` on the held-out halves and CMRC dev, and `speechqa eval` on the cold sets.

More fit groups, each weighing the same: `--fit-questions` adds the answerable fit-only questions
(benchmarks/fit-questions.jsonl: those over the speeches asked of $SPEECHQA_HOME, those over the notices of
the notices' library, with `--notices`), and `--design SET=HOME` a whole question set asked of the library in
HOME (a design set, e.g. benchmarks/cold6-questions.jsonl=/path/to/home-with-corpus-cold6). `--cv` chooses C
by leave-one-group-out cross-validation instead of `--c`; `--rows DIR` keeps each group's collected
candidates there (by group name) and reuses them, so refits of the same code skip the searching.

    SPEECHQA_HOME=~/.local/share/speechqa .venv/bin/python scripts/fit_ranker.py \\
        --cmrc ../shared/benchmarks/cmrc2018/cmrc2018_trial.json --notices tests/fixtures/notices \\
        --out retrieval/data/ranker.json

The CMRC library is kept under $SPEECHQA_HOME/bench/cmrc2018_trial (the same one `speechqa bench cmrc`
uses) and the notices' under $SPEECHQA_HOME/bench/notices-merge200 (as `bench ablation --notices`), so
their passages are embedded once.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from dataclasses import replace
from functools import cache
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import cmrc_library, fit_questions, folder_library, load_cmrc
from bench.errors import BenchError, require_paths
from bench.evaluate import GoldFormatError, load_questions
from bench.ranking import CachedEmbedder, FitSet, choose_c, collect, fit_ranker
from cli.settings import load_settings
from index import DEFAULT_MODEL, Library
from retrieval import Retriever, RetrieverConfig, ServiceOptions, SpeechService

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--cmrc", type=Path, required=True, help="CMRC 2018 trial JSON")
    parser.add_argument("--questions", type=Path, default=ROOT / "benchmarks" / "dev-questions.jsonl")
    parser.add_argument(
        "--notices", type=Path, help="also fit on the tuning half of --policy asked of this folder's notices"
    )
    parser.add_argument(
        "--policy", type=Path, default=ROOT / "benchmarks" / "policy-questions.jsonl", help="(with --notices)"
    )
    parser.add_argument(
        "--fit-questions",
        type=Path,
        help="also fit on these fit-only questions (notices ones: with --notices)",
    )
    parser.add_argument(
        "--design",
        action="append",
        default=[],
        metavar="SET=HOME",
        help="also fit on question set SET asked of the library in data home HOME (repeatable)",
    )
    parser.add_argument("--c", type=float, default=0.1, help="inverse regularisation strength")
    parser.add_argument("--cv", action="store_true", help=f"choose C from {CV_GRID} by leave-one-group-out")
    parser.add_argument("--rows", type=Path, help="keep and reuse each group's collected candidates here")
    parser.add_argument("--out", type=Path, default=ROOT / "retrieval" / "data" / "ranker.json")
    args = parser.parse_args()
    designs = [_design(d) for d in args.design]
    require_paths(
        args.cmrc,
        args.questions,
        args.policy if args.notices else None,
        args.fit_questions,
        *(q for q, _ in designs),
        folders=(*((args.notices,) if args.notices else ()), *(h for _, h in designs)),
    )  # a path that does not exist: one line, exit 1
    home = Path(os.environ.get("SPEECHQA_HOME") or Path.home() / ".local" / "share" / "speechqa")
    model = os.environ.get("SPEECHQA_MODEL", DEFAULT_MODEL)
    config = replace(RetrieverConfig(), rerank=False)  # features of the fused order, as search sees them

    @cache  # one library loaded once, however many groups ask it
    def speech_retriever(data_home: Path) -> Retriever:
        service = SpeechService(Library(data_home), ServiceOptions(model=model))
        return Retriever(
            service.library.store, service.retriever.index, CachedEmbedder(service.embedder), config
        )  # type: ignore[arg-type]

    def cmrc_retriever() -> Retriever:
        bench = cmrc_library(data, home / "bench" / args.cmrc.stem, model=model, tokenizer="char")
        index = bench.library.load(bench.embedder.key)
        return Retriever(bench.library.store, index, CachedEmbedder(bench.embedder), config)  # type: ignore[arg-type]

    @cache
    def notices_retriever() -> Retriever:  # chunked as the product chunks them (cli.settings)
        merge = load_settings().merge_to
        notices = folder_library(
            args.notices,
            home / "bench" / f"{args.notices.name}-merge{merge or 0}",
            model=model,
            tokenizer=Library(home).tokenizer,
            merge_to=merge,
        )
        index = notices.library.load(notices.embedder.key)
        return Retriever(notices.library.store, index, CachedEmbedder(notices.embedder), config)  # type: ignore[arg-type]

    data = load_cmrc(args.cmrc)
    tune = [q for q in load_questions(args.questions) if q.split == "tune"]
    # (name, questions, how to make the retriever asked): each one group of the fit
    plan: list[tuple[str, list, Callable[[], Retriever]]] = [
        (f"{args.questions.name} tune half", tune, lambda: speech_retriever(home)),
        (args.cmrc.name, list(data.questions), cmrc_retriever),
    ]
    if args.notices is not None:
        policy = [q for q in load_questions(args.policy) if q.split == "tune"]
        plan.append((f"{args.policy.name} tune half", policy, notices_retriever))
    if args.fit_questions is not None:
        over_speeches, over_notices = fit_questions(args.fit_questions)
        plan.append((f"{args.fit_questions.name} speeches", over_speeches, lambda: speech_retriever(home)))
        if args.notices is not None:
            plan.append((f"{args.fit_questions.name} notices", over_notices, notices_retriever))
    for questions, design_home in designs:
        plan.append((questions.name, load_questions(questions), lambda h=design_home: speech_retriever(h)))

    groups, names = [], []
    for name, questions, make in plan:
        answerable = [q for q in questions if q.answerable]
        cached = args.rows / f"{name}.npz" if args.rows else None
        if cached is not None and cached.exists():
            groups.append(_load_rows(cached))
        else:
            groups.append(collect([FitSet(name, make(), answerable)])[0])
            if cached is not None:
                _save_rows(cached, groups[-1])
        names.append(f"{name} ({len(answerable)} questions, {len(groups[-1])} ordered)")
        print(f"collected {names[-1]}", flush=True)
    c = args.c
    if args.cv:
        c, counts = choose_c(groups, CV_GRID)
        print("cross-validated C (questions first, each group left out):", counts)
    fitted_on = ", ".join(names) + f"; C = {c}"
    ranker = fit_ranker(groups, fitted_on, c=c)
    args.out.write_text(ranker.to_json() + "\n", encoding="utf-8")
    print(f"wrote {args.out}: {fitted_on}")
    print(dict(zip(ranker.features, (round(w, 3) for w in ranker.weights), strict=True)))


CV_GRID = (0.01, 0.03, 0.1, 0.3, 1.0)


def _design(text: str) -> tuple[Path, Path]:
    questions, sep, home = text.partition("=")
    if not sep or not questions or not home:
        sys.exit(f"--design 应写成 题集=数据目录：{text}")
    return Path(questions), Path(home)


def _save_rows(path: Path, groups: list[tuple[np.ndarray, np.ndarray]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    arrays = {f"x{i}": x for i, (x, _) in enumerate(groups)} | {f"m{i}": m for i, (_, m) in enumerate(groups)}
    with path.open("wb") as f:
        np.savez(f, **arrays)


def _load_rows(path: Path) -> list[tuple[np.ndarray, np.ndarray]]:
    with np.load(path) as saved:
        return [(saved[f"x{i}"], saved[f"m{i}"]) for i in range(len(saved.files) // 2)]


if __name__ == "__main__":
    try:
        main()
    except (BenchError, GoldFormatError) as e:  # a malformed question set or library: one line, exit 1
        sys.exit(f"错误：{e}")
