"""Compare kinds of confidence model on saved signals: the shipped logistic regression against a
stronger regularisation, logistic regression over pairwise interactions, and gradient boosting.

The signals come from the bench's own `--save-examples` files, so nothing is searched again:

    speechqa bench fit-confidence ../shared/benchmarks/cmrc2018/cmrc2018_trial.json --limit 400 \\
        --save-examples /tmp/fit.jsonl --out /tmp/model.json
    speechqa bench confidence --cmrc ../shared/benchmarks/cmrc2018/cmrc2018_dev.json --limit 400 \\
        --every-context 4 --save-examples /tmp/heldout.jsonl
    python scripts/compare_confidence_models.py /tmp/fit.jsonl /tmp/heldout.jsonl

Each kind is judged first by 5-fold cross-validation inside the fitting data (where a choice between
kinds may be made), then fitted on all of it and measured on the held-out sets (to report, not to
choose). The low threshold is chosen as `bench fit-confidence` chooses it (MIN_RECALL of every
fitting group's answerable questions answered) and every group weighs the same.
Printed per group: false 「未找到」 (answerable judged low) / answered unanswerable.
"""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

import numpy as np
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import PolynomialFeatures, StandardScaler

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.confidence import Example, load_examples, low_threshold
from retrieval import FEATURES

KINDS: list[tuple[str, dict[str, float]]] = [
    ("logistic (shipped kind)", {"C": 1.0}),
    ("logistic", {"C": 0.1}),
    ("logistic, pairwise interactions", {"C": 0.05}),
    ("logistic, pairwise interactions", {"C": 0.3}),
    ("gradient boosting", {"n": 100, "depth": 2, "rate": 0.1}),
    ("gradient boosting", {"n": 200, "depth": 2, "rate": 0.05}),
    ("gradient boosting", {"n": 100, "depth": 3, "rate": 0.05}),
    ("gradient boosting", {"n": 300, "depth": 2, "rate": 0.05, "subsample": 0.7}),
]


def arrays(examples: list[Example]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    x = np.asarray([e.signals.vector(FEATURES) for e in examples], dtype=np.float64)
    y = np.asarray([int(e.answerable) for e in examples])
    return x, y, np.asarray([e.group for e in examples])


def group_weights(groups: np.ndarray) -> np.ndarray:
    names, counts = np.unique(groups, return_counts=True)
    size = dict(zip(names, counts, strict=True))
    return np.asarray([len(groups) / (len(names) * size[g]) for g in groups])


def model(kind: str, options: dict[str, float]) -> Pipeline | GradientBoostingClassifier:
    if kind.startswith("gradient"):
        return GradientBoostingClassifier(
            n_estimators=int(options["n"]),
            max_depth=int(options["depth"]),
            learning_rate=options["rate"],
            subsample=options.get("subsample", 1.0),
            min_samples_leaf=20,
            random_state=0,
        )
    steps: list[object] = [StandardScaler()]
    if "interactions" in kind:
        steps += [PolynomialFeatures(2, interaction_only=True, include_bias=False), StandardScaler()]
    return make_pipeline(*steps, LogisticRegression(C=options["C"], max_iter=5000))


def fitted(kind: str, options: dict[str, float], x: np.ndarray, y: np.ndarray, groups: np.ndarray) -> object:
    m = model(kind, options)
    weight = group_weights(groups)
    if isinstance(m, Pipeline):
        m.fit(x, y, logisticregression__sample_weight=weight)
    else:
        m.fit(x, y, sample_weight=weight)
    return m


def rates(p: np.ndarray, y: np.ndarray, groups: np.ndarray, low: float) -> str:
    parts = []
    for g in np.unique(groups):
        answerable, unanswerable = (groups == g) & (y == 1), (groups == g) & (y == 0)
        false_low = f"{(p[answerable] < low).mean():.3f}" if answerable.any() else "—"
        answered = f"{(p[unanswerable] >= low).mean():.3f}" if unanswerable.any() else "—"
        parts.append(f"{g} {false_low} / {answered}")
    return "; ".join(parts)


def main(fit_file: Path, heldout_file: Path) -> None:
    x, y, groups = arrays(load_examples(fit_file))
    hx, hy, hgroups = arrays(load_examples(heldout_file))
    strata = np.asarray([f"{g}:{v}" for g, v in zip(groups, y, strict=True)])
    for kind, options in KINDS:
        out_of_fold = np.zeros(len(y))
        for train, test in StratifiedKFold(5, shuffle=True, random_state=0).split(x, strata):
            m = fitted(kind, options, x[train], y[train], groups[train])
            out_of_fold[test] = m.predict_proba(x[test])[:, 1]  # type: ignore[attr-defined]
        cv_low = low_threshold(out_of_fold, y, list(groups))
        m = fitted(kind, options, x, y, groups)
        low = low_threshold(m.predict_proba(x)[:, 1], y, list(groups))  # type: ignore[attr-defined]
        held = m.predict_proba(hx)[:, 1]  # type: ignore[attr-defined]
        print(f"## {kind} {options}")
        print(f"  cross-validated (low {cv_low:.3f}): {rates(out_of_fold, y, groups, cv_low)}")
        print(f"  held out (low {low:.3f}): {rates(held, hy, hgroups, low)}")


if __name__ == "__main__":
    if {"-h", "--help"} & set(sys.argv[1:]):  # its usage, and nothing done
        print(__doc__)
        sys.exit(0)
    warnings.filterwarnings("ignore")
    if len(sys.argv) != 3:
        sys.exit("用法：python scripts/compare_confidence_models.py 拟合信号.jsonl 留出信号.jsonl")
    for given in sys.argv[1:]:
        if not Path(given).exists():
            sys.exit(f"找不到：{given}")
    main(Path(sys.argv[1]), Path(sys.argv[2]))
