"""Fit the learned sentence chooser and write retrieval/data/sentence_model.json (SciPy at fitting time
only; the product reads the JSON with plain Python).

Fitted on cases that are never reported as a result: CMRC 2018 *trial* and the dev set's *tuning* half,
collected by scripts/collect_sentence_cases.py (the top hit of a real hybrid search, what its answer
sentence is chosen from, the gold phrases). A conditional logit (a softmax over each top passage's sentences, the ones holding a gold phrase its
target; each passage weighs the same). The margin by which another sentence must beat the rule's is then
chosen on the same fitting cases.
Other case files (--report) are only reported: the share of cases whose shown span holds a gold phrase
over all answerable questions, rule vs chooser.

    .venv/bin/python scripts/fit_sentence_model.py --fit /tmp/cases-trial.jsonl /tmp/cases-dev.jsonl \\
        --report /tmp/cases-cmrcdev.jsonl /tmp/cases-dev.jsonl /tmp/cases-policy.jsonl
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.errors import require_paths
from corpus import to_simplified
from retrieval.answer_type import AnswerKind
from retrieval.sentence import WeightedTerm, answer_sentence, split_sentences
from retrieval.sentence_model import FEATURES, SENTENCE_MODEL_FILE, SentenceModel, sentence_features

ROOT = Path(__file__).resolve().parents[1]
MARGINS = (0.0, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0)


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@dataclass
class Case:
    row: dict[str, object]
    spans: list[tuple[int, int]]
    features: list[tuple[float, ...]]
    labels: list[bool]  # the sentence holds a gold phrase
    rule_best: int

    @property
    def name(self) -> str:
        split = self.row.get("split")
        return f"{self.row['set']}" + (f" {split}" if split else "")

    def shown(self, chooser: object | None) -> tuple[int, int] | None:
        found = answer_sentence(
            str(self.row["text"]),
            terms(self.row["terms"]),
            topic=str(self.row["topic"]),
            extra=terms(self.row["extra"]),
            kind=kind_of(self.row["kind"]),
            chooser=chooser,  # type: ignore[arg-type]
            question=searched(self.row),
        )
        return None if found is None else (found.start, found.end)

    def holds(self, span: tuple[int, int] | None) -> bool:
        if span is None:
            return False
        shown = squash(str(self.row["text"])[span[0] : span[1]])
        return any(squash(g) in shown for g in self.row["gold"])  # type: ignore[attr-defined]


def searched(row: dict[str, object]) -> str:
    """The question as the search reads it (NFKC, simplified)."""
    return to_simplified(unicodedata.normalize("NFKC", str(row["question"])))


def terms(words: object) -> list[WeightedTerm]:
    return [WeightedTerm(str(t), float(w)) for t, w in words]  # type: ignore[attr-defined]


def kind_of(value: object) -> AnswerKind | None:
    return value if isinstance(value, str) else None  # type: ignore[return-value]


def load(path: Path) -> list[Case]:
    cases = []
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        text = row["text"]
        seen: dict[str, object] = {}

        def record(text, spans, choosing, total, kind, topic, best, question, seen=seen):  # type: ignore[no-untyped-def]
            seen.update(spans=list(spans), args=(choosing, total, kind, topic, best, question))
            return best

        case_row = row
        found = answer_sentence(
            text,
            terms(row["terms"]),
            topic=row["topic"],
            extra=terms(row["extra"]),
            kind=kind_of(row["kind"]),
            chooser=record,
            question=searched(row),
        )
        spans = seen.get("spans") or split_sentences(text)
        if "args" in seen:
            choosing, total, kind, topic, best, question = seen["args"]  # type: ignore[misc]
            features = sentence_features(text, spans, choosing, total, kind, topic, best, question)  # type: ignore[arg-type]
        else:  # no words to choose by: the rule's choice stands
            best, features = 0, []
        gold = [squash(g) for g in row["gold"]]
        labels = [any(g in squash(text[s:e]) for g in gold) for s, e in spans]  # type: ignore[misc]
        assert found is None or row["shown"] is None or [found.start, found.end] == row["shown"], row["id"]
        cases.append(Case(case_row, spans, features, labels, best))  # type: ignore[arg-type]
    return cases


def fit(cases: Sequence[Case], penalty: float) -> np.ndarray:
    """Weights maximising, over the passages holding a gold phrase in some but not all sentences, the
    probability (softmax of the linear scores over the passage's sentences) of the sentences holding one,
    with an L2 penalty on the standardised weights."""
    from scipy.optimize import minimize

    groups = [
        (np.array(c.features), np.array(c.labels))
        for c in cases
        if c.features and any(c.labels) and not all(c.labels)
    ]
    scale = np.vstack([x for x, _ in groups]).std(axis=0)
    scale[scale == 0] = 1.0
    groups = [(x / scale, y) for x, y in groups]

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        total, grad = 0.0, np.zeros_like(w)
        for x, y in groups:
            s = x @ w
            p = np.exp(s - s.max())
            p /= p.sum()
            held = p[y].sum()
            total -= np.log(held)
            grad -= (p[y] / held) @ x[y] - p @ x
        return total / len(groups) + penalty * w @ w, grad / len(groups) + 2 * penalty * w

    found = minimize(loss, np.zeros(scale.shape[0]), jac=True, method="L-BFGS-B")
    return found.x / scale


def hits(cases: Sequence[Case], chooser: SentenceModel | None) -> int:
    return sum(case.holds(case.shown(chooser.choose if chooser else None)) for case in cases)


def by_set(cases: Sequence[Case]) -> dict[str, list[Case]]:
    groups: dict[str, list[Case]] = defaultdict(list)
    for case in cases:
        groups[case.name].append(case)
    return groups


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--fit", type=Path, nargs="+", required=True, help="case files to fit on")
    parser.add_argument("--report", type=Path, nargs="*", default=[], help="case files to report on")
    parser.add_argument("--penalty", type=float, default=0.001, help="L2 penalty on standardised weights")
    parser.add_argument("--out", type=Path, default=ROOT / "retrieval" / "data" / SENTENCE_MODEL_FILE)
    parser.add_argument("--dry-run", action="store_true", help="report, do not write the model")
    args = parser.parse_args()
    require_paths(*args.fit, *args.report)  # a path that does not exist: one line, exit 1
    fitting = [c for path in args.fit for c in load(path) if c.row.get("split") in (None, "tune")]
    coef = fit(fitting, args.penalty)
    fitted_on = ", ".join(f"{name} ({len(cs)} questions)" for name, cs in by_set(fitting).items())
    base = hits(fitting, None)
    best_margin, best_hits = 0.0, -1
    for margin in MARGINS:
        model = SentenceModel(FEATURES, tuple(float(v) for v in coef), margin=margin, fitted_on=fitted_on)
        got = hits(fitting, model)
        print(f"margin {margin}: fitting cases {base} → {got} of {len(fitting)}")
        if got > best_hits:
            best_margin, best_hits = margin, got
    model = SentenceModel(FEATURES, tuple(float(v) for v in coef), margin=best_margin, fitted_on=fitted_on)
    print(dict(zip(FEATURES, (round(v, 3) for v in coef), strict=True)), "margin", best_margin)
    reported = [c for path in args.report for c in load(path)]
    print("| set | questions with an answer | 要点 holds gold: rule | chooser |")
    print("|---|---|---|---|")
    for name, cs in {**by_set(fitting), **by_set(reported)}.items():
        rule, chosen = hits(cs, None), hits(cs, model)
        print(f"| {name} | {len(cs)} | {rule} ({rule / len(cs):.3f}) | {chosen} ({chosen / len(cs):.3f}) |")
    if not args.dry_run:
        model.save(args.out)
        print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
