"""Where the time of the bot's answer to a question goes, step by step, as its worker thread and event loop
run them (bot/handlers.py `_search_and_log`, then `_page`): the search, logging the question (whose id
the answer's buttons carry, so it is written before the reply), and rendering the page with its buttons
on the event loop. Logging is timed as the store commits it today and, beside it, with SQLite's
`synchronous=NORMAL` (a WAL database's recommended setting: no corruption on a crash or power loss, but
the last commits may be lost on a power loss), to show what the commit's flush to disk costs.

Copies the data home first (never changes it); the bot's long-running preparation is made first, and
20 other dev questions are searched untimed before. Each timed question is new to the process, as a
question sent to the bot is (its vector is not cached yet).

    python scripts/time_bot_answer.py /tmp/me/f36/home --questions 100
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from bench.errors import require_paths
from bench.speed import percentile
from bot import keyboards, render_answer
from corpus import MEASURED_MERGE_TO
from index import DEFAULT_MODEL, DEFAULT_TOKENIZER, Library
from retrieval import ServiceOptions, SpeechService, prepare_many_searches

DEV = Path(__file__).resolve().parent.parent / "benchmarks" / "dev-questions.jsonl"


def ms_since(started: float) -> float:
    return (time.perf_counter() - started) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("home", type=Path, help="a data home to copy (never changed)")
    parser.add_argument("--questions", type=int, default=100, help="dev questions timed (from the first)")
    args = parser.parse_args()
    require_paths(folders=(args.home,))
    rows = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
    asked = list(dict.fromkeys(row["question"] for row in rows))  # each text once
    questions, warm_up = asked[: args.questions], asked[args.questions : args.questions + 20]
    prepare_many_searches()
    with tempfile.TemporaryDirectory() as scratch:
        home = Path(scratch) / "home"
        shutil.copytree(args.home, home)
        library = Library(home, tokenizer=DEFAULT_TOKENIZER, merge_to=MEASURED_MERGE_TO)  # as `speechqa bot`
        service = SpeechService(library, ServiceOptions(model=DEFAULT_MODEL, seed_if_empty=False))
        retriever = service.current()
        store = library.store
        steps: dict[str, list[float]] = {
            "search (worker thread)": [],
            "log the question, as committed today (worker thread)": [],
            "log the question, synchronous=NORMAL": [],
            "render the page and its buttons (event loop)": [],
        }
        (mode,) = store.db.execute("PRAGMA synchronous").fetchone()
        for question in warm_up:
            retriever.search(question, 5, auto_filter=True, pins=True)
        for question in questions:
            started = time.perf_counter()
            answer = retriever.search(question, 5, auto_filter=True, pins=True)
            steps["search (worker thread)"].append(ms_since(started))
            for label, setting in (
                ("log the question, as committed today (worker thread)", mode),
                ("log the question, synchronous=NORMAL", 1),
            ):
                store.db.execute(f"PRAGMA synchronous={int(setting)}")
                started = time.perf_counter()
                query_id = store.log_query(
                    channel="telegram",
                    query=answer.query,
                    answered=answer.answered,
                    top_ids=[h.passage.id for h in answer.hits],
                    latency_ms=answer.latency_ms,
                    user_id="1",
                    chat_id="1",
                )
                steps[label].append(ms_since(started))
            store.db.execute(f"PRAGMA synchronous={int(mode)}")
            started = time.perf_counter()
            view = render_answer(answer)
            keyboards.answer_keyboard(
                view,
                query_id,
                answer.offset,
                5,
                scope=0,
                auto_filtered=False,
                admin=False,
                offer=answer.pin_offer,
                served_pin=answer.served_pin,
            )
            steps["render the page and its buttons (event loop)"].append(ms_since(started))
        library.close()
    print(f"{len(questions)} dev questions, each new to the process; the store's synchronous={mode}")
    print("| step | median ms | p95 ms |")
    print("|---|---|---|")
    for label, values in steps.items():
        print(f"| {label} | {statistics.median(values):.2f} | {percentile(values, 95):.2f} |")


if __name__ == "__main__":
    main()
