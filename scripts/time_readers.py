"""Time reading the bundled speeches and the largest committed file of each format, step by step.

Usage (from the repository; HF_HUB_OFFLINE=1):

    python scripts/time_readers.py              # each file 3 times, the least CPU time of each step
    python scripts/time_readers.py --runs 5 --formats .pdf,.docx

For the bundled speeches (corpus.bundled_corpus_files) and, per format `speechqa add` reads, the largest
committed file under tests/fixtures/ and benchmarks/ that reads whole, prints CPU seconds (this process's and the
programs it runs, LibreOffice for a .doc: the shared machine's load moves wall time, much less CPU time) for reading the bytes into a Document
(corpus.read_bytes: decoding, layout, OCR for scans) and for what `add` does next in the corpus layer
(parse_document, chunk_speech, check_conservation), with the file's size and passages. No model, no index.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from corpus import (  # noqa: E402
    SUPPORTED_SUFFIXES,
    CorpusError,
    bundled_corpus_files,
    check_conservation,
    chunk_speech,
    parse_document,
    read_bytes,
)
from tests.damaged_files import fixtures  # noqa: E402


def cpu() -> float:
    """CPU seconds of this process and of the children it waited for (LibreOffice converting a .doc, an OCR
    engine run as a program)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def timed(path: Path, runs: int) -> tuple[float, float, int]:
    """The least CPU seconds of `runs` for reading the file, and for parsing, chunking and checking it; its
    passages."""
    data = path.read_bytes()
    reads, rests, passages = [], [], 0
    for _ in range(runs):
        started = cpu()
        document = read_bytes(path.name, data)
        read = cpu()
        drafts = [d.text for s in parse_document(document) for d in chunk_speech(s)]
        check_conservation(document, drafts)
        reads.append(read - started)
        rests.append(cpu() - read)
        passages = len(drafts)
    return min(reads), min(rests), passages


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--formats", help="only these suffixes, comma-separated (.pdf,.ofd)")
    args = parser.parse_args()
    logging.disable(logging.CRITICAL)
    suffixes = tuple(dict.fromkeys(SUPPORTED_SUFFIXES))
    if args.formats:
        suffixes = tuple(s if s.startswith(".") else f".{s}" for s in args.formats.split(","))
    files: list[tuple[str, Path]] = (
        [("bundled", p) for p in bundled_corpus_files()] if not args.formats else []
    )
    for suffix, paths in fixtures(suffixes).items():
        for path in reversed(paths):  # the largest that reads whole
            try:
                read_bytes(path.name, path.read_bytes())
            except CorpusError:
                continue
            files.append((suffix, path))
            break
    print("| format | file | KB | passages | read (CPU s) | parse + chunk + check (CPU s) |")
    print("|---|---|---:|---:|---:|---:|")
    for kind, path in files:
        read, rest, passages = timed(path, args.runs)
        shown = path.relative_to(REPO) if path.is_relative_to(REPO) else path.name
        print(
            f"| {kind} | {shown} | {path.stat().st_size / 1024:.0f} | {passages} | {read:.2f} | {rest:.2f} |"
        )
    print(f"\nleast of {args.runs} runs each · {sys.platform} · Python {sys.version.split()[0]}")


if __name__ == "__main__":
    main()
