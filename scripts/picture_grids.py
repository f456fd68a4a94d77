"""The ruled grids found in the pictures of Word and Writer files (no OCR): for each picture holding one, its
shape, whether it is plain and labelled, and its cells (row, column, columns spanned, rows spanned). Run in two
trees to see a change to `corpus.gridtables` leaves a file's table pictures as they were (docs/ocr68.md):

    cd TREE && PYTHONPATH=. python scripts/picture_grids.py FILE.docx [FILE.odt ...]
"""

from __future__ import annotations

import argparse
import sys
import zipfile
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("files", type=Path, nargs="+", help=".docx or .odt files")
    args = parser.parse_args()
    for path in args.files:  # every file checked before any is read: one line for the first one wrong
        if not path.is_file():
            sys.exit(f"找不到：{path}")  # as every script says it (tests/test_scripts.py)
        if not zipfile.is_zipfile(path):
            sys.exit(f"不是 Word（.docx）或 Writer（.odt）文件，读不出其中的图片：{path}。")
    from corpus.gridtables import table_picture

    for path in args.files:
        try:
            archive = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError):
            sys.exit(f"不是 Word（.docx）或 Writer（.odt）文件，读不出其中的图片：{path}。")
        with archive:
            for name in archive.namelist():
                if not name.startswith(("word/media/", "Pictures/")):
                    continue
                picture = table_picture(archive.read(name))
                if picture is None:
                    continue
                grid = picture.grid
                cells = [
                    (c.row, c.column, c.span, getattr(c, "down", 1)) for c in grid.cells
                ]  # main: no down
                labelled = getattr(
                    grid, "labelled", grid.plain
                )  # before ocr68: only a plain grid was labelled
                print(path.name, name, grid.shape, f"plain={grid.plain}", f"labelled={labelled}", cells)


if __name__ == "__main__":
    main()
