"""Count the clean questions of our question sets that the typo correction changes (all false corrections).

A clean question is one written without a typo: every question of the dev, cold, coldN (every blind set
under benchmarks/), pin, fit and policy sets but those whose style names a typo (`typo`, `typo_variant`, `typo_keywords`) and those typed with one on
purpose that benchmarks/typed-typos.txt lists (the dev set's 典形, 来仿, 品值; the pin set's 党姓, 要球, 工做, 位制, …). Each is corrected as
a search corrects it (the library's speakers kept) against the library it is asked of: the dev, cold and
pin sets and the fit set's speech questions against the bundled speeches ($SPEECHQA_HOME), the policy set
and the fit set's notice questions against the policy notices (the library `speechqa bench` keeps under
$SPEECHQA_HOME/bench/notices-merge200), coldN against a library of the bundled speeches and
benchmarks/corpus-coldN (`--cold-homes DIR`: DIR/c2 … DIR/cN, as scripts/eval_all_sets.sh keeps them).

Usage (from the repository; HF_HUB_OFFLINE=1 and SPEECHQA_HOME set):

    python scripts/check_clean_corrections.py --cold-homes /tmp/libraries

Prints one line per set (clean questions, corrected) and every corrected question; exits 1 when any is.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# typed with a typo on purpose, their style not saying so (one list, shared with tests/test_retrieval_typos.py)
TYPED = {
    line.strip()
    for line in (REPO / "benchmarks" / "typed-typos.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
}
# every blind set with its own documents (benchmarks/corpus-coldN), in order
COLD = sorted(
    (p.name.removeprefix("corpus-") for p in (REPO / "benchmarks").glob("corpus-cold*")),
    key=lambda name: int(name[4:]),
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cold-homes", type=Path, required=True, help="folder holding c2 … c20")
    parser.add_argument("--notices-home", type=Path, help="default: $SPEECHQA_HOME/bench/notices-merge200")
    args = parser.parse_args()
    sys.path.insert(0, str(REPO))
    logging.disable(logging.WARNING)
    from index import DEFAULT_TOKENIZER, Library
    from retrieval import Retriever

    home = Path(os.environ["SPEECHQA_HOME"])

    def retriever(folder: Path) -> Retriever:
        library = Library(folder, tokenizer=os.environ.get("SPEECHQA_TOKENIZER", DEFAULT_TOKENIZER))
        manifest = library.manifest()
        if manifest is None:
            raise SystemExit(f"{folder}: no index")
        return Retriever(library.store, library.load(manifest.model), None)  # corrections embed nothing

    def rows(name: str) -> list[dict[str, str]]:
        path = REPO / "benchmarks" / f"{name}-questions.jsonl"
        return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]

    speeches = retriever(home)
    notices = retriever(args.notices_home or home / "bench" / "notices-merge200")
    sets = [(name, speeches, rows(name)) for name in ("dev", "cold", "pin")]
    fit = rows("fit")
    sets.append(("fit speeches", speeches, [r for r in fit if r.get("corpus") != "notices"]))
    sets.append(("fit notices", notices, [r for r in fit if r.get("corpus") == "notices"]))
    sets.append(("policy", notices, rows("policy")))
    sets += [(name, retriever(args.cold_homes / f"c{name[4:]}"), rows(name)) for name in COLD]
    total = fired = 0
    for name, search, questions in sets:
        speakers = search.facets().speakers
        clean = [
            r["question"]
            for r in questions
            if r["question"] not in TYPED and "typo" not in str(r.get("style"))
        ]
        corrected = [(q, typos) for q in clean if (typos := search.corrector.corrections(q, speakers))]
        print(f"{name}: {len(corrected)} of {len(clean)} clean questions corrected")
        for q, typos in corrected:
            print("   ", q, " ".join(f"{t.wrong}→{t.right}" for t in typos))
        total += len(clean)
        fired += len(corrected)
    print(f"all: {fired} of {total} clean questions corrected")
    return 1 if fired else 0


if __name__ == "__main__":
    sys.exit(main())
