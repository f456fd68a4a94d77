"""How long reading a Word or Writer file with pictures takes, in two trees' ``corpus`` (before and after
the tables in pictures were read: docs/ocr67.md). Each file is read by ``read_bytes`` as `add` reads it,
in a process of its own per tree: the first read (the OCR engine started, when one is asked for) and the
best of three more, in seconds.

    /work/main/.venv/bin/python scripts/time_picture_tables.py BEFORE_TREE AFTER_TREE [FILE ...]

The files default to cold40's notice with its 附件 table pasted as a picture and
``tests/fixtures/picture_tables/notice.docx`` (a logo, a photo and a table picture), and a copy of that
notice with the table picture taken out (the logo and the photo only: what every other Word file with
pictures pays).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_CHILD = r"""
import json, sys, time
from pathlib import Path
from corpus import read_bytes
out = {}
for name in sys.argv[1:]:
    data = Path(name).read_bytes()
    times = []
    for _ in range(4):
        start = time.perf_counter()
        read_bytes(Path(name).name, data)
        times.append(time.perf_counter() - start)
    out[name] = [times[0], min(times[1:])]
print(json.dumps(out))
"""


def without_table_picture(source: Path, target: Path) -> Path:
    """`source` (the fixture notice) with its last picture, the table's, taken out of the body."""
    with zipfile.ZipFile(source) as archive, zipfile.ZipFile(target, "w") as out:
        for item in archive.infolist():
            content = archive.read(item)
            if item.filename == "word/document.xml":
                body = content.decode("utf-8")
                at = body.rfind("<w:drawing>")
                end = body.find("</w:drawing>", at) + len("</w:drawing>")
                content = (body[:at] + body[end:]).encode("utf-8")
            out.writestr(item, content)
    return target


def timings(tree: Path, files: list[Path]) -> dict[str, list[float]]:
    env = {**os.environ, "PYTHONPATH": str(tree), "OMP_NUM_THREADS": "1", "HF_HUB_OFFLINE": "1"}
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, *map(str, files)], env=env, capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("before", type=Path, help="the tree before (e.g. /work/main)")
    parser.add_argument("after", type=Path, help="the tree after (e.g. this checkout)")
    parser.add_argument("files", type=Path, nargs="*", help="Word or Writer files (default: see above)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        files = args.files or [
            ROOT / "benchmarks/corpus-cold40/关于举办离退休干部面塑糖画体验活动的通知.docx",
            ROOT / "tests/fixtures/picture_tables/notice.docx",
            without_table_picture(
                ROOT / "tests/fixtures/picture_tables/notice.docx", Path(tmp) / "logo_photo.docx"
            ),
        ]
        before, after = timings(args.before, files), timings(args.after, files)
        print("| file | before: first / best of 3 | after: first / best of 3 |")
        print("|---|---|---|")
        for name in map(str, files):
            b, a = before[name], after[name]
            print(f"| {Path(name).name} | {b[0]:.2f} s / {b[1]:.2f} s | {a[0]:.2f} s / {a[1]:.2f} s |")


if __name__ == "__main__":
    main()
