"""How far 更多结果 pages for each question of a set, and whether the gold passage is ever cut off: every
question asked as the bot and `speechqa ask` ask it (5 a page, filters read from the question, pins served),
then 更多结果 pressed while the answer offers another page. docs/more57.md.

    python scripts/paging_reach.py HOME benchmarks/dev-questions.jsonl --split tune [--out rows.jsonl]

HOME: a copy of a built library (never a library in use). Prints, for the questions answered: pages offered
(mean, median, most), the questions whose gold passage is shown on some page offered, and, per page after the
first, how the page was headed, how many later pages judged the question unlike its first page (answered,
level, probability) and how many passages a later page showed again. With --out, one JSON line per question (id, pages, gold rank, shown or not),
for comparing two runs (`--compare OLD.jsonl`).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.evaluate import is_relevant, load_questions
from index import Library
from retrieval.service import ServiceOptions, SpeechService

K = 5


def main() -> None:
    parser = argparse.ArgumentParser(
        description=(__doc__ or "").split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("home", type=Path, help="a copy of a built library")
    parser.add_argument("questions", type=Path, help="a question set (JSON Lines)")
    parser.add_argument("--split", choices=("tune", "heldout"), help="only this half of the set")
    parser.add_argument("--most", type=int, default=60, help="pages followed at most (default 60)")
    parser.add_argument("--out", type=Path, help="one JSON line per question")
    parser.add_argument("--compare", type=Path, help="an earlier run's --out: gold shown then, cut now")
    args = parser.parse_args()
    if not (args.home / "speechqa.db").is_file():
        sys.exit(f"没有这个资料库：{args.home}")
    from cli.settings import load_settings

    settings = load_settings()
    service = SpeechService(
        Library(args.home, tokenizer=settings.tokenizer),
        ServiceOptions(model=settings.model, prefixes=settings.prefixes, seed_if_empty=False),
    )
    retriever = service.retriever
    rows = []
    headings: Counter[str] = Counter()
    later_pages = unlike = unanswered = again = 0
    for q in load_questions(args.questions):
        if args.split is not None and q.split != args.split:
            continue
        answer = retriever.search(q.question, k=K, auto_filter=True, pins=True)
        if not answer.answered:
            continue
        pages, gold, gold_marked = 1, None, None
        verdict = (answer.answered, answer.level, answer.probability)
        shown = {hit.passage.id for hit in answer.hits}
        while True:
            for hit in answer.hits:
                if gold is None and q.answers and is_relevant(hit.passage, q):
                    gold, gold_marked = hit.rank, hit.relevant
            if not answer.has_more or pages >= args.most:
                break
            answer = retriever.search(q.question, k=K, offset=answer.offset + K, auto_filter=True, pins=True)
            pages += 1
            # `page_level` (what the page is headed): an earlier checkout has only `level`, the first page's verdict
            headings[getattr(answer, "page_level", None) or answer.level] += 1
            # the question's verdict is the same whichever page is asked; no passage is shown twice
            later_pages += 1
            unlike += (answer.answered, answer.level, answer.probability) != verdict
            unanswered += not answer.answered
            again += sum(hit.passage.id in shown for hit in answer.hits)
            shown.update(hit.passage.id for hit in answer.hits)
        rows.append(
            {"id": q.id, "answerable": bool(q.answers), "pages": pages, "gold": gold, "marked": gold_marked}
        )
        print(f"{q.id}\t{pages}\t{gold}\t{q.question}", file=sys.stderr)
    counts = [r["pages"] for r in rows]
    answerable = [r for r in rows if r["answerable"]]
    print(f"questions answered: {len(rows)} ({len(answerable)} answerable)")
    if counts:
        print(
            f"pages offered: mean {statistics.mean(counts):.2f}, median {statistics.median(counts):g}, "
            f"most {max(counts)}; one page only: {sum(c == 1 for c in counts)}"
        )
    print(
        f"answerable questions whose gold is on a page offered: {sum(r['gold'] is not None for r in answerable)}"
    )
    print(f"  of them marked 可能不相关: {sum(r['marked'] is False for r in answerable)}")
    print("later pages headed: " + ", ".join(f"{k} {v}" for k, v in sorted(headings.items())))
    print(
        f"later pages judged unlike the first (answered, level, probability): {unlike} of {later_pages}"
        f" ({unanswered} not answered); passages shown again on a later page: {again}"
    )
    if args.out:
        args.out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    if args.compare:
        before = {
            r["id"]: r for r in map(json.loads, args.compare.read_text(encoding="utf-8").splitlines()) if r
        }
        cut = [r["id"] for r in rows if before.get(r["id"], {}).get("gold") is not None and r["gold"] is None]
        print(f"gold shown before, cut off now: {len(cut)} {' '.join(cut)}")


if __name__ == "__main__":
    main()
