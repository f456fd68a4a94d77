"""Adding one large text file (a year's collected speeches, 1–5 MB): how long each step of `add` takes.

The file is generated: one speech with a title, date and speaker, numbered headings on two levels and
paragraphs of 2–7 sentences drawn from the bundled speeches' own sentences, each given a different
place, year or count so that no two sentences of the file are the same text. Every step of `add` is timed
in one process on the same document: read, parse, chunk, the conservation check, then the library's own
`add_document` with the bundled model (embedding and the index), whose embedding share is counted apart.
"""

from __future__ import annotations

import hashlib
import random
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from corpus import bundled_corpus_files, check_conservation, chunk_speech, parse_document, read_document
from corpus.chunk import split_sentences
from index import Embedder, Kind, Library

from .speed import TimedEmbedder

_PLACES = "江州 临川 东阳 南湖 西岭 北山 青田 云和 龙泉 平阳 瑞安 永嘉 文成 泰顺 苍南 乐清".split()
_UNITS = "市委老干部局 区委组织部 县委老干部局 市民政局 市卫健委 老年大学 离退休干部党委 社区党支部".split()
_NUMERALS = "一二三四五六七八九十"


@dataclass(frozen=True)
class StepTimes:
    """Seconds per step of adding one generated file, and what it held."""

    megabytes: float
    characters: int
    sentences: int
    passages: int
    read: float
    parse: float
    chunk: float
    conservation: float
    add: float  # the library's add_document: parse, chunk, check, identity, embedding, index
    embedding: float  # of which embedding the passages

    @property
    def rest_of_add(self) -> float:
        return self.add - self.embedding


def corpus_sentences() -> list[str]:
    """The bundled speeches' body sentences (at least 12 characters, ending in a sentence mark)."""
    sentences = []
    for path in bundled_corpus_files():
        for line in path.read_text(encoding="utf-8").splitlines():
            for s in split_sentences(line.strip()):
                if len(s) >= 12 and s[-1] in "。！？；":
                    sentences.append(s)
    return list(dict.fromkeys(sentences))


def generated_speech(target_bytes: int, seed: int = 0) -> str:
    """A speech of about `target_bytes` UTF-8 bytes: headings over paragraphs of real-looking sentences."""
    rng = random.Random(seed)
    pool = corpus_sentences()
    lines = ["在全市老干部工作会议上的讲话（汇编）", "2024年12月30日", "沈伟", "同志们："]
    size = sum(len(line.encode()) + 1 for line in lines)
    serial = 0
    chapter = 0
    while size < target_bytes:
        chapter += 1
        heading = f"{_NUMERALS[(chapter - 1) % 10]}、{rng.choice(_PLACES)}做好第{chapter}项老干部工作"
        block = [heading]
        for point in range(rng.randint(2, 5)):
            block.append(f"（{_NUMERALS[point]}）{rng.choice(_UNITS)}抓好{rng.choice(_PLACES)}工作")
            for _ in range(rng.randint(2, 6)):
                paragraph = []
                for _ in range(rng.randint(2, 7)):
                    serial += 1
                    sentence = rng.choice(pool)
                    # one varied phrase in front makes each sentence of the file a text of its own
                    lead = f"{rng.choice(_PLACES)}{rng.choice(_UNITS)}第{serial}次"
                    paragraph.append(
                        f"{lead}{sentence}"
                        if rng.random() < 0.7
                        else f"{sentence[:-1]}（{serial}）{sentence[-1]}"
                    )
                block.append("".join(paragraph))
        lines += block
        size += sum(len(line.encode()) + 1 for line in block)
    return "\n".join(lines) + "\n"


class HashedEmbedder:
    """Vectors from a hash of each text: the steps of `add` other than the model, without the model."""

    key = "bench-hashed"
    dim = 384

    def embed_batch(self, texts: Sequence[str], kind: Kind) -> np.ndarray:
        rows = []
        for text in texts:
            seed = int.from_bytes(
                hashlib.blake2b(f"{kind}:{text}".encode(), digest_size=8).digest(), "little"
            )
            rows.append(np.random.default_rng(seed).standard_normal(self.dim))
        vectors = np.asarray(rows, dtype=np.float32).reshape(len(texts), self.dim)
        return vectors / np.linalg.norm(vectors, axis=1, keepdims=True).clip(1e-9)


@dataclass
class _Lap:
    """Record (and say) the seconds since `started` under a step's name; return the time now."""

    laps: dict[str, float]
    name: str
    echo: Callable[[str], None]

    def __call__(self, step: str, started: float) -> float:
        self.laps[step] = time.perf_counter() - started
        self.echo(f"  {self.name}: {step} {self.laps[step]:.1f} s")
        return time.perf_counter()


def time_large_add(
    megabytes: Sequence[float], embedder: Embedder, tokenizer: str, echo: Callable[[str], None] = print
) -> list[StepTimes]:
    """Write a generated speech of each size, then time the steps of adding it to an empty library."""
    runs = []
    with tempfile.TemporaryDirectory(prefix="speechqa-bench-large-") as scratch:
        for size in megabytes:
            path = Path(scratch) / f"汇编-{size:g}MB.txt"
            path.write_text(generated_speech(int(size * 1_000_000)), encoding="utf-8")
            laps: dict[str, float] = {}
            lap = _Lap(laps, path.name, echo)
            started = time.perf_counter()
            document = read_document(path)
            started = lap("read", started)
            speeches = parse_document(document)
            started = lap("parse", started)
            passages = [d.text for s in speeches for d in chunk_speech(s)]
            started = lap("chunk", started)
            kept = check_conservation(document, passages)
            started = lap("conservation", started)
            timed = TimedEmbedder(embedder)
            library = Library(Path(scratch) / f"home-{size:g}", tokenizer=tokenizer)
            try:
                library.add_document(document, timed)
            finally:
                library.close()
            lap("add", started)
            runs.append(
                StepTimes(
                    megabytes=path.stat().st_size / 1_000_000,
                    characters=len(document.text),
                    sentences=kept.sentences,
                    passages=len(passages),
                    read=laps["read"],
                    parse=laps["parse"],
                    chunk=laps["chunk"],
                    conservation=laps["conservation"],
                    add=laps["add"],
                    embedding=timed.seconds,
                )
            )
    return runs


def step_table(runs: Sequence[StepTimes]) -> str:
    lines = [
        "| file MB | characters | sentences | passages | read s | parse s | chunk s | conservation s "
        "| add s | of which embedding s | rest of add s |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in runs:
        lines.append(
            f"| {r.megabytes:.2f} | {r.characters} | {r.sentences} | {r.passages} | {r.read:.1f} | {r.parse:.1f} "
            f"| {r.chunk:.1f} | {r.conservation:.1f} | {r.add:.1f} | {r.embedding:.1f} | {r.rest_of_add:.1f} |"
        )
    return "\n".join(lines)
