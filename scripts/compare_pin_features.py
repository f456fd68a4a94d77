"""Try more pair features (and two other ways of fitting) for the pin model, judged as `speechqa bench
pins --fit` judges the shipped one: none of them is shipped (docs/measured.md, Pinned answers).

An experiment, not a tool: it reads the pin matcher's word tests (`retrieval.pins.weighted_share`…) and
passes the bench its own fitting functions (`bench.pins.fit_pins(fit=…)`), so it holds for the code it
was committed with.

Each candidate is added to the shipped features (bench.pins.MODEL_FEATURES); its regularisation is chosen
by the bench's cross-validation over the tuning groups, it is fitted on the tuning part plus the derived
pairs, its threshold set on the tuning part (false pins ≤ 2 %, no wrong pin); the held-out part is only
counted. Every feature is read from the two questions, the library (IDF) and the pinned passage:

- kind_other: the two ask for another specific kind of answer (`answer_type.asks_for`: a sum of money,
  a number of people, a year… — finer than the shipped `asks_other`);
- focus_added_known / focus_dropped: the words next to the interrogative (「…要参加哪些培训」: 培训) that the
  other question lacks, by IDF weight (added: only words the library holds);
- dropped_soft / novel_soft: `dropped` / `novel_known` with partial credit for a word whose characters the
  other side holds (医药费 against 医疗费);
- novel_max: the IDF of the rarest known word in neither the pinned question nor the passage, against the
  question's rarest word;
- gram_added / gram_novel: IDF-weighted share of the new question's character pairs (question words left
  out) not in the pinned question / in neither it nor the passage;
- sub_minimal / ins_minimal: a character-level alignment of the two questions (interrogatives and
  punctuation left out) holding a substitution (政治待遇 for 生活待遇, 贴心 for 细心) or an insertion (老干部工作者队伍
  for 老干部队伍) of up to 4 characters between two shared runs of 2 or more, by its IDF;
- head_swap: 1 when a word of one question that the other lacks ends in the same character as a word of
  the other that the first lacks, neither holding the other nor a synonym of it (退休 for 离休, 贴心 for
  细心 — and also 外地 for 异地, 医疗费 for 医药费);
- fit on the closest pin only: the model fitted only on each question's closest pin (the rest of the
  procedure unchanged); fit weighted by similarity: each pair weighted by exp((cosine − 0.95) / 0.02);
  fit with signs: the same penalised likelihood with each weight held to its sensible direction (similarity
  ≥ 0, the others ≤ 0: the shipped fit gives `swap` a positive weight).

Usage (the bench library, by default the one `speechqa bench pins` uses in SPEECHQA_HOME, is built on
first use as it builds it; its pins are replaced):

    SPEECHQA_HOME=/tmp/home HF_HUB_OFFLINE=1 python scripts/compare_pin_features.py [--library DIR]
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import cache
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import bench.pins as b
from cli.settings import load_settings
from retrieval import PairFeatures, PinModel
from retrieval.answer_type import asks_for
from retrieval.pins import QuestionSide, char_bigrams, fold, missing_terms, weighted_share
from retrieval.vocabulary import INTERROGATIVE, Lexicon

CANDIDATES = (
    "kind_other",
    "focus_added_known",
    "focus_dropped",
    "dropped_soft",
    "novel_soft",
    "novel_max",
    "gram_added",
    "gram_novel",
    "sub_minimal",
    "ins_minimal",
    "head_swap",
)
_PUNCTUATION = re.compile(r"[\W_]+")


class Candidates:
    def __init__(self, idf: Callable[[str], float], lexicon: Lexicon) -> None:
        self.idf = cache(idf)
        self.lexicon = lexicon
        self.unseen = idf("")
        self.side = cache(QuestionSide.of)

    def focus(self, side: QuestionSide) -> list[str]:
        """The content words nearest each interrogative, before and after it."""
        spans = [m.span() for m in INTERROGATIVE.finditer(side.text) if m.group() not in ("吗", "呢", "吧")]
        where = {t: (at, at + len(t)) for t in side.terms if (at := side.text.find(t)) >= 0}
        out: set[str] = set()
        for start, end in spans:
            before = [(e, t) for t, (_, e) in where.items() if e <= start]
            after = [(s, t) for t, (s, _) in where.items() if s >= end]
            out |= {max(before)[1]} if before else set()
            out |= {min(after)[1]} if after else set()
        return sorted(out)

    def grams_share(self, grams: frozenset[str], counted: Callable[[str], bool]) -> float:
        weight = {g: max(self.idf(g), 0.0) for g in grams}
        total = sum(weight.values())
        return sum(w for g, w in weight.items() if counted(g)) / total if total > 0 else 0.0

    def edits(self, asked: str, pinned: str, flank: int = 2, longest: int = 4) -> tuple[float, float]:
        def topic(q: str) -> str:
            return _PUNCTUATION.sub("", INTERROGATIVE.sub("", fold(q)))

        old_text, new_text = topic(pinned), topic(asked)
        ops = difflib.SequenceMatcher(None, old_text, new_text, autojunk=False).get_opcodes()
        replaced = inserted = 0.0
        for k, (tag, i1, i2, j1, j2) in enumerate(ops):
            around = [ops[k - 1] if k > 0 else None, ops[k + 1] if k + 1 < len(ops) else None]
            if tag == "equal" or not all(o and o[0] == "equal" and o[2] - o[1] >= flank for o in around):
                continue
            old, new = old_text[i1:i2], new_text[j1:j2]
            if tag == "replace" and len(old) <= longest and len(new) <= longest:
                if new not in self.lexicon.pairs_of(old):
                    replaced = max(replaced, min(self.idf(old), self.idf(new)) / self.unseen)
            elif tag in ("insert", "delete") and len(old or new) <= longest:
                inserted = max(inserted, self.idf(old or new) / self.unseen)
        return replaced, inserted

    def __call__(self, asked: str, pinned: str, passage: str, base: PairFeatures) -> b.ExtraFeatures:
        new, old = self.side(asked), self.side(pinned)
        text = fold(passage)
        weight = {t: max(self.idf(t), 0.0) for t in {*new.terms, *old.terms}}
        known = {t for t in weight if weight[t] < self.unseen - 1e-9}
        focus_new, focus_old = self.focus(new), self.focus(old)
        added = missing_terms(focus_new, (old.text,), self.lexicon)
        gone = missing_terms(focus_old, (new.text,), self.lexicon)
        dropped = missing_terms(old.terms, (new.text,), self.lexicon)
        novel = missing_terms(new.terms, (old.text, text), self.lexicon)

        def soft(terms: Sequence[str], missing: set[str], other: str, only_known: bool) -> float:
            total = sum(weight[t] for t in terms)
            lacking = [t for t in missing if t in known or not only_known]
            share = sum(weight[t] * sum(c not in other for c in t) / len(t) for t in lacking)
            return share / total if total > 0 else 0.0

        rarest_novel = max((weight[t] for t in novel & known), default=0.0)
        grams_new = char_bigrams(INTERROGATIVE.sub(" ", new.text))
        grams_old = char_bigrams(INTERROGATIVE.sub(" ", old.text))
        replaced, inserted = self.edits(asked, pinned)
        gained = missing_terms(new.terms, (old.text,), self.lexicon)
        head_swap = any(
            a[-1] == o[-1] and a not in o and o not in a and o not in self.lexicon.pairs_of(a)
            for a in gained
            for o in dropped
        )
        return b.ExtraFeatures(
            base,
            {
                "kind_other": float(asks_for(new.text) != asks_for(old.text)),
                "focus_added_known": weighted_share(focus_new, weight, lambda t: t in added and t in known),
                "focus_dropped": weighted_share(focus_old, weight, gone.__contains__),
                "dropped_soft": soft(old.terms, dropped, new.text, only_known=False),
                "novel_soft": soft(new.terms, novel, old.text + text, only_known=True),
                "novel_max": rarest_novel / max(max(weight.values(), default=0.0), 1e-9),
                "gram_added": self.grams_share(grams_new, lambda g: g not in grams_old),
                "gram_novel": self.grams_share(
                    grams_new,
                    lambda g: g not in grams_old and g not in text and self.idf(g) < self.unseen - 1e-9,
                ),
                "sub_minimal": replaced,
                "ins_minimal": inserted,
                "head_swap": float(head_swap),
            },
        )


def signed_fit(
    z: np.ndarray, y: np.ndarray, strength: float, features: Sequence[str]
) -> tuple[list[float], float]:
    """sklearn's balanced, L2-penalised logistic loss, with similarity's weight ≥ 0 and the others ≤ 0."""
    from scipy.optimize import minimize

    balance = np.where(y == 1, len(y) / (2 * y.sum()), len(y) / (2 * (len(y) - y.sum())))

    def objective(v: np.ndarray) -> tuple[float, np.ndarray]:
        score = z @ v[:-1] + v[-1]
        loss = np.sum(balance * (np.logaddexp(0, score) - y * score))
        slope = balance * (1 / (1 + np.exp(-score)) - y)
        gradient = np.concatenate([v[:-1] + strength * (z.T @ slope), [strength * slope.sum()]])
        return 0.5 * v[:-1] @ v[:-1] + strength * loss, gradient

    bounds = [(0, None) if f == "similarity" else (None, 0) for f in features] + [(None, None)]
    found = minimize(objective, np.zeros(len(features) + 1), jac=True, method="L-BFGS-B", bounds=bounds)
    return [float(v) for v in found.x[:-1]], float(found.x[-1])


def fit_variant(rows_of: str) -> Callable[..., PinModel]:
    """The bench's `fit_once` with the rows it is fitted on chosen otherwise (the threshold as before)."""

    def fit(
        observations: Sequence[b.Observation],
        *,
        embedder: str,
        fitted_on: str,
        features: Sequence[str],
        strength: float,
        max_false: float,
        pairs: Sequence[b.PairObservation] = (),
    ) -> PinModel:
        from sklearn.linear_model import LogisticRegression
        from sklearn.preprocessing import StandardScaler

        rows, labels = [], []
        for o in observations:
            for rank, (group, f) in enumerate(o.scores):
                if rows_of == "closest" and rank > 0:
                    continue
                rows.append(f.vector(features))
                labels.append(int(o.item.kind == "paraphrase" and group == o.item.group))
        rows += [p.features.vector(features) for p in pairs]
        labels += [int(p.pair.same) for p in pairs]
        x, y = np.asarray(rows, dtype=np.float64), np.asarray(labels)
        weights = np.ones(len(y))
        if rows_of == "similarity":
            weights = np.exp((x[:, list(features).index("similarity")] - 0.95) / 0.02)
        scaler = StandardScaler().fit(x)
        if rows_of == "signs":
            coef, intercept = signed_fit(scaler.transform(x), y, strength, features)
        else:
            lr = LogisticRegression(C=strength, class_weight="balanced", max_iter=5000)
            lr.fit(scaler.transform(x), y, sample_weight=weights)
            coef, intercept = [float(v) for v in lr.coef_[0]], float(lr.intercept_[0])
        draft = PinModel(
            features=tuple(features),
            mean=tuple(float(v) for v in scaler.mean_),
            scale=tuple(float(v) for v in scaler.scale_),
            coef=tuple(coef),
            intercept=intercept,
            threshold=0.5,
            embedder=embedder,
            fitted_on=fitted_on,
        )
        return replace(draft, threshold=b.best_threshold(observations, draft, max_false))

    return fit


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--library", type=Path, help="the bench library (default: bench/pins in SPEECHQA_HOME)"
    )
    args = parser.parse_args()
    settings = load_settings()
    retriever = b.library_retriever(
        args.library or settings.home / "bench" / "pins",
        model=settings.model,
        prefixes=settings.prefixes,
        tokenizer=settings.tokenizer,
    )
    # the bench library's groups only: a group naming another library (the ninth batch) is pinned there
    items = [i for i in b.load_pin_questions(b.PIN_QUESTIONS) if not i.library]
    passage_of = b.pin_set(retriever.store, items)
    tune_groups, held_groups = b.split_groups(items)
    texts = {p.id: p.text for p in retriever.store.passages()}
    question_of = {i.group: i.question for i in items if i.kind == "pinned"}
    lexicon = retriever.lexicon.with_pairs(retriever.store.user_synonyms())
    extend = Candidates(retriever.index.lexical.idf, lexicon)
    observations = [
        b.Observation(
            o.item,
            tuple(
                (g, extend(o.item.question, question_of[g], texts[passage_of[g]], f))  # type: ignore[misc]
                for g, f in o.scores
            ),
        )
        for o in b.observe(retriever, items)
    ]
    held_passages = {passage_of[g] for g in held_groups if g in passage_of}
    derived = b.derived_pairs(
        b.training_questions(),
        retriever.store.passages(),
        leave_out=held_passages,
        skip={i.question for i in items},
    )
    pairs = [
        b.PairObservation(p.pair, extend(p.pair.asked, p.pair.pinned, texts[p.pair.passage_id], p.features))  # type: ignore[arg-type]
        for p in b.observe_pairs(retriever, derived)
    ]
    tuning = [o for o in observations if o.item.group in tune_groups]
    held = [o for o in observations if o.item.group in held_groups]
    tuning_passages = {g: p for g, p in passage_of.items() if g in tune_groups}
    print(
        "| variant | cross-validated (tuning) | tuning | first batch | batch 2 | **held-out** | first batch | batch 2 |"
    )
    print("|---|---|---|---|---|---|---|---|")
    variants = [(c, (*b.MODEL_FEATURES, c), "all") for c in ("", *CANDIDATES)]
    variants += [
        ("fit on the closest pin only", b.MODEL_FEATURES, "closest"),
        ("fit weighted by similarity", b.MODEL_FEATURES, "similarity"),
        ("fit with signs held", b.MODEL_FEATURES, "signs"),
    ]
    for name, features, rows_of in variants:
        fit = b.fit_once if rows_of == "all" else fit_variant(rows_of)
        features = tuple(f for f in features if f)
        strength, folds = b.choose_strength(
            tuning, features, pairs=pairs, passage_of=tuning_passages, fit=fit
        )
        model = b.fit_pins(
            tuning, embedder="", fitted_on="", features=features, strength=strength, pairs=pairs, fit=fit
        )
        parts = [
            b.outcome(observed, model)
            for part in (tuning, held)
            for observed in (part, *([o for o in part if o.item.batch == batch] for batch in ("", "2")))
        ]
        print(
            f"| {name or 'shipped features'} | C = {strength:g}: {folds[strength].served_at()} | "
            + " | ".join(o.served_at() for o in parts)
            + " |"
        )


if __name__ == "__main__":
    main()
