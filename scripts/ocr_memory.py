"""Where the memory of reading scans goes: the process's resident size and its peak (VmRSS, VmHWM) after the OCR
engine starts and after each file is read (corpus.read_document), with the heap the engine freed handed back to the
system after each page (corpus.ocr.give_back_memory, as `speechqa add` does) or, with --keep, kept by the allocator
as before ops61. Tesseract runs as a child process: the programs run as child processes while a file is read are
named, with the largest child's peak so far — which Linux counts from the peak of the process it was started from
(a child started after a page read reports that page's ~850 MB, whatever it used itself), so it says how much a
child took only where it is above this process's own peak.

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
    started_programs: list[str] = []  # each child process this one starts, by its program's name
    sys.addaudithook(
        lambda event, hook_args: (
            started_programs.append(Path(str(hook_args[0])).name) if event == "subprocess.Popen" else None
        )
    )
    engine = ocr.engine()
    print(
        f"OCR engine {engine.name if engine else 'none'}: RSS {_status()[0]} MB, peak {_status()[1]} MB; "
        f"{_children(started_programs)}"
    )
    for path in args.files:
        before = len(started_programs)
        started = time.perf_counter()
        document = read_document(path)
        rss, peak = _status()
        print(
            f"{path.name}: {time.perf_counter() - started:.1f} s, {len(document.text)} characters; "
            f"RSS {rss} MB, peak {peak} MB; {_children(started_programs[before:])}",
            flush=True,
        )


def _children(programs: list[str]) -> str:
    """The child processes started (`programs`), and the largest peak of any child so far."""
    if not programs:
        return "no child process"
    names = ", ".join(f"{name} ×{programs.count(name)}" for name in dict.fromkeys(programs))
    largest = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
    return f"child processes: {names} (largest child's peak so far {largest} MB, counted from this process's)"


if __name__ == "__main__":
    main()
