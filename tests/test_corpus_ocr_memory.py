"""corpus.ocr.give_back_memory: the heap freed after a page read by OCR goes back to the system, and nothing
else happens meanwhile — before mend61b, looking glibc up ran `ldconfig -p` as a child process, forked at the
size of the process that had just read a page, which scripts/ocr_memory.py printed as its largest child.

Each check runs in a fresh interpreter: the lookup is made once per process, and a process's children's peak
(RUSAGE_CHILDREN) counts every child it ever had.
"""

from __future__ import annotations

import platform
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]

# 200 MB of glibc heap in 64 KB blocks (below malloc's mmap threshold: on the heap), written to, then freed but
# for the last, which keeps glibc from shrinking the heap on its own; then what `give_back_memory` gives back.
PROBE = """
import ctypes, resource
from pathlib import Path
from corpus import ocr

def resident_mb():
    status = Path("/proc/self/status").read_text().splitlines()
    return next(int(line.split()[1]) for line in status if line.startswith("VmRSS:")) // 1024

libc = ctypes.CDLL("libc.so.6")
libc.malloc.restype, libc.malloc.argtypes, libc.free.argtypes = ctypes.c_void_p, [ctypes.c_size_t], [ctypes.c_void_p]
blocks = [libc.malloc(64 * 1024) for _ in range(3200)]
for block in blocks:
    ctypes.memset(block, 1, 64 * 1024)
for block in blocks[:-1]:
    libc.free(block)
held = resident_mb()
ocr.give_back_memory()
ocr.give_back_memory()  # a second page: the same function, looked up once
print(held, resident_mb(), resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""

glibc_only = pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="malloc_trim is glibc's")


def _probe() -> tuple[int, int, int]:
    """(resident MB with the freed heap held, resident MB after giving it back, children's peak KB)."""
    done = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=120, check=True, cwd=ROOT
    )
    held, after, children = (int(n) for n in done.stdout.split())
    return held, after, children


@glibc_only
def test_the_freed_heap_is_given_back_without_starting_a_process() -> None:
    held, after, children = _probe()
    assert held >= 200, held  # the freed blocks were still counted resident
    assert after <= held - 150, (held, after)
    assert children == 0  # no child process (it was `ldconfig -p`, ~the size of the process)
