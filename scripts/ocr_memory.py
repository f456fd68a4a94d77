"""Where the memory of reading scans goes: the process's resident size and its peak (VmRSS, VmHWM) after the OCR
engine starts and after each file is read (corpus.read_document), with the heap the engine freed handed back to the
system after each page (corpus.ocr.give_back_memory, as `speechqa add` does) or, with --keep, kept by the allocator
as before ops61. Tesseract runs as a child process: its peak is printed apart.

    python scripts/ocr_memory.py benchmarks/corpus-cold33/*.pdf benchmarks/corpus-cold33/*.jp2
    python scripts/ocr_memory.py --keep benchmarks/corpus-cold33/*.pdf benchmarks/corpus-cold33/*.jp2

Figures in docs/ops61.md.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _status() -> tuple[int, int]:
    """(resident MB, peak resident MB) of this process."""
    fields = dict(
        line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines() if ":" in line
    )
    return int(fields["VmRSS"].split()[0]) // 1024, int(fields["VmHWM"].split()[0]) // 1024


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("files", nargs="+", type=Path, help="scans, scanned PDFs, any file speechqa reads")
    parser.add_argument("--keep", action="store_true", help="do not hand freed heap back after each page")
    args = parser.parse_args()

    from corpus import ocr, read_document

    if args.keep:
        ocr.give_back_memory = lambda: None  # the allocator keeps what it freed, as before ops61
    engine = ocr.engine()
    print(f"OCR engine {engine.name if engine else 'none'}: RSS {_status()[0]} MB, peak {_status()[1]} MB")
    for path in args.files:
        started = time.perf_counter()
        document = read_document(path)
        rss, peak = _status()
        child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
        print(
            f"{path.name}: {time.perf_counter() - started:.1f} s, {len(document.text)} characters; "
            f"RSS {rss} MB, peak {peak} MB (largest child process {child} MB)",
            flush=True,
        )


if __name__ == "__main__":
    main()
