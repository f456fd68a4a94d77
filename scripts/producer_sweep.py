"""Many generated speeches through every real producer at once: how many come back with something lost,
doubled, out of order, let in or split over passages. The property tests draw a few examples per run
(tests/test_corpus_producers_property.py); this draws many, batched so LibreOffice starts once per format.

    /work/main/.venv/bin/python scripts/producer_sweep.py [--count 60] [--seed 1] [--formats docx,pdf,odt,rtf,wps,reportlab]

The speeches are tests/generated_speeches.py's, drawn by hypothesis from `--seed` (the same seed draws the
same speeches). The `corpus` read is the first on the path: `PYTHONPATH=OTHER_TREE python
scripts/producer_sweep.py …` measures another checkout's readers on the same files. Prints one line per
file with a problem, then per format 「N 个文件，有问题 K 个」; exit status 1 when any has one.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

# appended, not prepended: a tree named by PYTHONPATH supplies `corpus`, this one the generator
sys.path.append(str(Path(__file__).resolve().parents[1]))

from hypothesis import HealthCheck, given, seed, settings

from corpus import CorpusError, read_bytes
from tests.generated_speeches import (
    Spec,
    docx_of,
    libreoffice,
    problems,
    reportlab_of,
    speeches,
)

FORMATS = ("docx", "pdf", "odt", "rtf", "wps", "reportlab")


def draw(count: int, at: int, *, spaced: bool) -> list[Spec]:
    drawn: list[Spec] = []

    @seed(at)
    @settings(max_examples=count, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(speeches(spaced=spaced))
    def collect(spec: Spec) -> None:
        drawn.append(spec)

    collect()
    return drawn[-count:]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=60)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--formats", default=",".join(FORMATS))
    args = parser.parse_args()
    formats = args.formats.split(",")
    bad = 0
    for spaced in (True, False):
        # reportlab's speeches put no ASCII space between Chinese words (tests/generated_speeches.UNSPACED)
        wanted = [f for f in formats if (f == "reportlab") != spaced]
        if not wanted:
            continue
        specs = draw(args.count, args.seed, spaced=spaced)
        words = {f"s{n:03d}.docx": docx_of(spec) for n, spec in enumerate(specs)}
        for fmt in wanted:
            started = time.monotonic()
            if fmt == "docx":
                files = words
            elif fmt == "reportlab":
                files = {f"s{n:03d}.pdf": reportlab_of(spec) for n, spec in enumerate(specs)}
            elif fmt == "wps":
                files = libreoffice(words, "doc:MS Word 97", suffix="wps")
            else:
                files = libreoffice(words, fmt)
            kinds: Counter[str] = Counter()
            with_problems = 0
            for spec, (name, data) in zip(specs, files.items(), strict=True):
                try:
                    found = problems(
                        spec, read_bytes(name, data), structured=fmt in ("docx", "odt", "rtf", "wps")
                    )
                except CorpusError as error:
                    found = [f"refused: {error}"]
                if found:
                    with_problems += 1
                    kinds.update(problem.split(":")[0] for problem in found)
                    print(f"{fmt} {name}: {found[0]}" + (f" (+{len(found) - 1})" if len(found) > 1 else ""))
            took = time.monotonic() - started
            detail = "；".join(f"{kind} {n}" for kind, n in kinds.most_common())
            print(
                f"== {fmt}: {len(files)} 个文件，有问题 {with_problems} 个"
                + (f"（{detail}）" if detail else "")
                + f"  {took:.0f} s"
            )
            bad += with_problems
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
