"""Fit the learned ranker and write retrieval/data/ranker.json (scikit-learn at fitting time only).

Fitted on data that is never reported as a result: CMRC 2018 *trial* (its own library), the *tuning*
half of the dev set (the bundled speeches) and, with `--notices`, the *tuning* half of the policy set
asked of the policy notices (chunked as the product chunks them); each set weighs the same. Checked with
`speechqa bench ablation` on the held-out halves and CMRC dev, and `speechqa eval` on the cold sets.

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
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import cmrc_library, folder_library, load_cmrc
from bench.errors import require_paths
from bench.evaluate import load_questions
from bench.ranking import CachedEmbedder, FitSet, collect, fit_ranker
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
    parser.add_argument("--c", type=float, default=0.1, help="inverse regularisation strength")
    parser.add_argument("--out", type=Path, default=ROOT / "retrieval" / "data" / "ranker.json")
    args = parser.parse_args()
    require_paths(
        args.cmrc,
        args.questions,
        args.policy if args.notices else None,
        folders=(args.notices,) if args.notices else (),
    )  # a path that does not exist: one line, exit 1
    home = Path(os.environ.get("SPEECHQA_HOME") or Path.home() / ".local" / "share" / "speechqa")
    model = os.environ.get("SPEECHQA_MODEL", DEFAULT_MODEL)
    config = replace(RetrieverConfig(), rerank=False)  # features of the fused order, as search sees them

    service = SpeechService(Library(home), ServiceOptions(model=model))
    tune = [q for q in load_questions(args.questions) if q.split == "tune"]
    embedder = CachedEmbedder(service.embedder)
    sets = [
        FitSet(
            f"{args.questions.name} tune half",
            Retriever(service.library.store, service.retriever.index, embedder, config),
            tune,
        )
    ]  # type: ignore[arg-type]

    data = load_cmrc(args.cmrc)
    bench = cmrc_library(data, home / "bench" / args.cmrc.stem, model=model, tokenizer="char")
    trial = CachedEmbedder(bench.embedder)
    index = bench.library.load(bench.embedder.key)
    sets.append(FitSet(args.cmrc.name, Retriever(bench.library.store, index, trial, config), data.questions))  # type: ignore[arg-type]

    if args.notices is not None:  # chunked as the product chunks them (cli.settings)
        merge = load_settings().merge_to
        notices = folder_library(
            args.notices,
            home / "bench" / f"{args.notices.name}-merge{merge or 0}",
            model=model,
            tokenizer=service.library.tokenizer,
            merge_to=merge,
        )
        policy = [q for q in load_questions(args.policy) if q.split == "tune"]
        index = notices.library.load(notices.embedder.key)
        sets.append(
            FitSet(
                f"{args.policy.name} tune half",
                Retriever(notices.library.store, index, CachedEmbedder(notices.embedder), config),  # type: ignore[arg-type]
                policy,
            )
        )

    groups = collect(sets)
    fitted_on = ", ".join(f"{s.name} ({len(g)} questions)" for s, g in zip(sets, groups, strict=True))
    ranker = fit_ranker(groups, fitted_on, c=args.c)
    args.out.write_text(ranker.to_json() + "\n", encoding="utf-8")
    print(f"wrote {args.out}: {fitted_on}")
    print(dict(zip(ranker.features, (round(w, 3) for w in ranker.weights), strict=True)))


if __name__ == "__main__":
    main()
