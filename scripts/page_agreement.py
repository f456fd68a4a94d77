"""Whether `speechqa ask --json --page N` gives, for every question of a set, exactly the pages the interactive
mode's 「更多」 shows: each question asked in `speechqa repl` with 「更多」 until it offers no more, then
`ask --json --page 1, 2, …` until `has_more` is false, and the page after that. docs/page58.md.

    python scripts/page_agreement.py HOME benchmarks/dev-questions.jsonl --split tune [-k 5]

HOME: a copy of a built library (never a library in use; the questions are logged in it). Both commands run
in this process through the command's entry point (click's runner), as the tests run them. Prints per set
half: questions, pages in all, questions whose pages differ (passage ids page by page), passages shown twice,
and pages past the end that were not empty.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from click.testing import CliRunner

from bench.evaluate import load_questions
from cli import cli


def main() -> None:
    parser = argparse.ArgumentParser(
        description=(__doc__ or "").split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("home", type=Path, help="a copy of a built library")
    parser.add_argument("questions", type=Path, help="a question set (JSON Lines)")
    parser.add_argument("--split", choices=("tune", "heldout"), help="only this half of the set")
    parser.add_argument("-k", type=int, default=5, help="passages a page (default 5)")
    args = parser.parse_args()
    os.environ["SPEECHQA_HOME"] = str(args.home)
    runner = CliRunner()

    def invoke(*words: str, stdin: str | None = None) -> str:
        done = runner.invoke(cli, list(words), input=stdin, prog_name="speechqa")
        if done.exit_code != 0:
            raise SystemExit(f"speechqa {' '.join(words)}: exit {done.exit_code}\n{done.output}")
        return done.stdout

    questions = [q for q in load_questions(args.questions) if args.split is None or q.split == args.split]
    pages_all = differ = twice = past_not_empty = 0
    for q in questions:
        pages = [json.loads(invoke("ask", "--json", "-k", str(args.k), "--page", "1", q.question))]
        while pages[-1]["has_more"]:
            n = str(len(pages) + 1)
            pages.append(json.loads(invoke("ask", "--json", "-k", str(args.k), "--page", n, q.question)))
        past = json.loads(
            invoke("ask", "--json", "-k", str(args.k), "--page", str(len(pages) + 1), q.question)
        )
        past_not_empty += bool(past["results"]) or past["has_more"]
        stdout = invoke("repl", "-k", str(args.k), stdin=q.question + "\n" + "更多\n" * (len(pages) + 1))
        shown = [
            [int(i) for i in re.findall(r"段落 #(\d+)", page)]
            for page in stdout.split(f"{pages[0]['query']}   (")[1:]
        ]
        ids = [[r["passage_id"] for r in page["results"]] for page in pages]
        pages_all += len(pages)
        if ids != shown:
            differ += 1
            print(f"  {q.id}: --page {ids} ≠ 更多 {shown}")
        flat = [i for page in ids for i in page]
        twice += len(flat) - len(set(flat))
    half = args.split or "all"
    print(
        f"{half}: {len(questions)} questions, {pages_all} pages (k={args.k}); pages unlike 「更多」's: "
        f"{differ} questions; passages shown twice: {twice}; pages past the end not empty: {past_not_empty}"
    )


if __name__ == "__main__":
    main()
