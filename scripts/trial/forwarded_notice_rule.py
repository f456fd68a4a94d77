"""How the bot's rule for a forwarded text (`bot.said.reads_as_notice`: a notice passed on, not a question) does
on texts whose kind is known (docs/trial39.md, item 3).

Usage (from the repository root):
    PYTHONPATH=$PWD python scripts/trial/forwarded_notice_rule.py [LIBRARY.db …]

Questions: every question of benchmarks/*-questions.jsonl (staff questions of every set, answerable or not):
each taken for a notice would go unanswered. Notices: the opening of each speech and notice stored in the
libraries given (their passages in order, cut at 500 characters, what a channel's post of it would hold), and
each passage alone; the databases are opened read-only. The threshold (50 characters) was set by looking at the
questions' lengths (the longest that reads as no question has 30 characters); the notices were not looked at
before this count.
"""

from __future__ import annotations

import glob
import json
import sqlite3
import sys
from pathlib import Path

from bot.said import NOTICE_CHARS, reads_as_notice

POST_CHARS = 500


def main(databases: list[str]) -> None:
    root = Path(__file__).resolve().parents[2]
    questions = [
        json.loads(line)["question"]
        for name in sorted(glob.glob(str(root / "benchmarks" / "*-questions.jsonl")))
        for line in Path(name).read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    taken = [q for q in questions if reads_as_notice(q)]
    print(f"questions: {len(questions)}, taken for a notice: {len(taken)}", taken[:5])
    print(
        f"  of them {NOTICE_CHARS}+ characters: {sum(len(''.join(q.split())) >= NOTICE_CHARS for q in questions)}"
    )
    openings: dict[tuple[str, int], str] = {}
    passages: list[str] = []
    for database in databases:
        with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as db:
            for speech_id, text in db.execute(
                "SELECT speech_id, text FROM passages ORDER BY speech_id, position"
            ):
                passages.append(text)
                key = (database, speech_id)
                if len(openings.get(key, "")) < POST_CHARS:
                    openings[key] = (openings.get(key, "") + text)[:POST_CHARS]
    for label, texts in (("openings (500 characters)", list(openings.values())), ("passages", passages)):
        long = [t for t in texts if len("".join(t.split())) >= NOTICE_CHARS]
        read = [t for t in long if reads_as_notice(t)]
        missed = [t for t in long if not reads_as_notice(t)]
        print(
            f"{label}: {len(texts)}, {NOTICE_CHARS}+ characters {len(long)}, read as a notice {len(read)} "
            f"({len(read) / max(1, len(long)):.1%}); not: {[m[-40:] for m in missed[:3]]}"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
