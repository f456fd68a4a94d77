"""The session-40 trials on CMRC 2018 dev (docs/rank40.md): today's search, a neighbour-aware score, and second
vectors for passages that lack their subject, each on the same bench library; and session 41's (docs/rank41.md):
a passage one side missed scored by that side too (`--variants today,fill`).

    /work/main/.venv/bin/python scripts/rank40_cmrc.py CMRC_DEV.json BENCH_HOME [--every-context 4] [--limit N]
        [--variants today,neighbours,context,fill,fill-ranker]

BENCH_HOME is the library `speechqa bench cmrc … --bench-home BENCH_HOME --every-context N` builds (built here if
missing). Prints one row per variant: R@1, R@3, MRR@10, false 「未找到」, abstain accuracy (hybrid, as `speechqa eval`).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="rank40_cmrc.py", description=__doc__)
    parser.add_argument("data", type=Path)
    parser.add_argument("home", type=Path)
    parser.add_argument("--every-context", type=int, default=4)
    parser.add_argument("--limit", type=int)
    parser.add_argument("--neighbours", type=float, default=0.2)
    parser.add_argument(
        "--variants",
        default="today,neighbours,context",
        help="of today, neighbours, context, fill (comma-separated)",
    )
    args = parser.parse_args(argv)
    if not args.data.is_file():
        print(f"找不到：{args.data}", file=sys.stderr)
        return 1

    from bench import cmrc_library, load_cmrc
    from bench.context import with_context
    from bench.evaluate import evaluate, search_as_evaluated
    from index import DEFAULT_MODEL, DEFAULT_TOKENIZER
    from retrieval import Retriever, RetrieverConfig

    data = load_cmrc(args.data, args.every_context)
    bench = cmrc_library(data, args.home, model=DEFAULT_MODEL, tokenizer=DEFAULT_TOKENIZER)
    questions = data.questions[: args.limit] if args.limit else data.questions
    loaded = bench.library.load(bench.embedder.key)
    print(f"{len(questions)} questions, {loaded.manifest.count} passages")
    print("| variant | R@1 | R@3 | MRR@10 | false 「未找到」 | abstain accuracy |")
    print("|---|---|---|---|---|---|")
    known = {
        "today": ("today", RetrieverConfig(), False),
        "neighbours": (
            f"neighbours {args.neighbours}",
            RetrieverConfig(neighbour_share=args.neighbours),
            False,
        ),
        "context": ("context vectors", RetrieverConfig(), True),
        "fill": ("both sides score every candidate (fusion)", RetrieverConfig(fill_sides="fusion"), False),
        "fill-ranker": ("…for the ranker alone", RetrieverConfig(fill_sides="ranker"), False),
    }
    asked = args.variants.split(",")
    if any(v not in known for v in asked):
        print(f"未知的方案：{args.variants}（可选：{'、'.join(known)}）", file=sys.stderr)
        return 1
    variants = [known[v] for v in asked]
    vectors = None  # the question vectors, encoded once for every variant
    for name, config, context in variants:
        retriever = Retriever(
            bench.library.store, bench.library.load(bench.embedder.key), bench.embedder, config
        )
        if vectors is None:
            vectors = retriever.query_vector
        retriever.query_vector = vectors
        if context:
            name += f" ({with_context(retriever)} passages)"
        r = evaluate(questions, lambda q, rt=retriever: search_as_evaluated(rt, q))
        print(
            f"| {name} | {r.recall[1]:.3f} | {r.recall[3]:.3f} | {r.mrr:.3f} | {r.false_abstain:.3f} "
            f"| {r.abstain_accuracy:.3f} |",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
