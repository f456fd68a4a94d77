"""How long matching one question against every pin takes, in this checkout: the bench library's pins (the
pin set's questions over the bundled speeches, `bench.pins.pin_set`) put into a copy of LIBRARY, then
`bench.pins.match_latency` over their paraphrases, near misses and unrelated questions, REPEAT times.

    PYTHONPATH=. /work/main/.venv/bin/python scripts/time_pin_match.py LIBRARY [--repeat N] [--judge PINS.json …]

LIBRARY is a data home holding the bundled speeches (copied, never changed). Run it from two checkouts, in
turn, to compare them (the figure is a median over ~850 questions; a busy machine moves it by milliseconds,
so interleave the runs). With `--judge` (once per model file) the files are timed in turn within one process,
each repeat, on the same library and questions, in place of the checkout's model: a comparison the machine's
load moves alike."""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

import bench.pins as b
from cli.settings import load_settings
from retrieval import PinModel, load_pin_judge


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("library", type=Path, help="a data home holding the bundled speeches (copied)")
    parser.add_argument("--repeat", type=int, default=1, help="times to run the whole match (default 1)")
    parser.add_argument(
        "--judge", type=Path, action="append", default=[], help="a pin model file to time (repeatable)"
    )
    args = parser.parse_args()
    judges = {}
    for path in args.judge:
        judge = load_pin_judge(path)
        if not isinstance(judge, PinModel):
            sys.exit(f"读不到置顶模型：{path}")
        judges[path.name] = judge
    settings = load_settings()
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "library"
        shutil.copytree(args.library, home)
        retriever = b.library_retriever(
            home, model=settings.model, prefixes=settings.prefixes, tokenizer=settings.tokenizer
        )
        items = [i for i in b.load_pin_questions(b.PIN_QUESTIONS) if not i.library]
        b.pin_set(retriever.store, items)
        retriever = b.library_retriever(
            home, model=settings.model, prefixes=settings.prefixes, tokenizer=settings.tokenizer
        )
        for _ in range(args.repeat):
            for name, judge in judges.items() or {"": retriever.pin_judge}.items():
                retriever.pin_judge = judge
                timing = b.match_latency(retriever, items)
                print(
                    (f"{name}: " if name else "")
                    + f"{timing.pins} pins, {timing.asked} questions: {timing.median_ms:.2f} ms median per "
                    f"question (embedded again as a passage: {timing.encoded})"
                )


if __name__ == "__main__":
    main()
