"""How many questions the pin matcher embeds a second time (as a passage, for `text_similarity`), and how long
the pin decisions take: one batch of the pin set asked in the libraries its rows name, with the pins
`bench pins` has active there, first as /stats asks it (`Retriever.pins_serve`: is a pin served?) and then as
`speechqa ask` and the bot do (`Retriever.search(question, pins=True, auto_filter=True)`, which also offers).

    SPEECHQA_HOME=/tmp/h HF_HUB_OFFLINE=1 OMP_NUM_THREADS=1 python scripts/pin_text_cost.py \\
        --cold-homes LIBS --batch 17

LIBS holds copies of the batch's libraries (LIBS/c32 …: their pins are replaced). Prints, per path, the
questions asked, the second encodings made, and the seconds taken (docs/pins60.md).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


class CountingEmbedder:
    """The real embedder, counting the texts it embeds as passages."""

    def __init__(self, inner) -> None:  # type: ignore[no-untyped-def]
        self.inner, self.key, self.dim, self.passages = inner, inner.key, inner.dim, 0

    def embed_batch(self, texts: Sequence[str], kind: str) -> np.ndarray:
        self.passages += len(texts) if kind == "passage" else 0
        return self.inner.embed_batch(texts, kind)  # type: ignore[no-any-return]


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--cold-homes", type=Path, required=True)
    parser.add_argument("--batch", required=True, help="the batch to ask, e.g. 17")
    args = parser.parse_args()
    if not args.cold_homes.is_dir():
        sys.exit(f"没有资料库文件夹：{args.cold_homes}")

    import bench.pins as b
    from cli.settings import load_settings

    settings = load_settings()
    items = b.load_pin_questions(b.PIN_QUESTIONS)
    batch = [i for i in items if i.batch == args.batch and i.kind != "pinned"]
    if not batch or not all(i.library for i in batch):
        sys.exit(f"第 {args.batch} 批不在冷资料库中提问（或没有这一批）。")
    totals = {"pins_serve": [0, 0, 0.0], "search": [0, 0, 0.0]}
    for name, retriever, _ in b.cold_libraries(
        args.cold_homes,
        items,
        batch,
        model=settings.model,
        prefixes=settings.prefixes,
        tokenizer=settings.tokenizer,
    ):
        retriever.pin_matcher()  # the pins' own vectors: read (or made) before counting
        counting = CountingEmbedder(retriever.embedder)
        retriever.embedder = counting
        questions = [i.question for i in batch if i.library == name]
        started = time.perf_counter()
        retriever.pins_serve(questions)
        totals["pins_serve"][2] += time.perf_counter() - started
        totals["pins_serve"][0] += len(questions)
        totals["pins_serve"][1] += counting.passages
        retriever.text_vector.cache_clear()  # the ask path embeds afresh
        counting.passages = 0
        started = time.perf_counter()
        for question in questions:
            retriever.search(question, k=3, pins=True, auto_filter=True)
        totals["search"][2] += time.perf_counter() - started
        totals["search"][0] += len(questions)
        totals["search"][1] += counting.passages
    for path, (asked, second, seconds) in totals.items():
        print(f"{path}: {asked} questions, {second} embedded a second time, {seconds:.2f} s")


if __name__ == "__main__":
    main()
