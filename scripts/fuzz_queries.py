"""Fuzz the query path: hostile questions and filter combinations through the real `speechqa ask`.

Usage (from the repository; HF_HUB_OFFLINE=1):

    python scripts/fuzz_queries.py                        # 200 cases, seed 39, on a scratch copy of the bundled speeches
    python scripts/fuzz_queries.py --examples 1000 --seed 7
    python scripts/fuzz_queries.py --home /tmp/libs/c20     # on a copy of that library (never the library itself)
    python scripts/fuzz_queries.py --process 20             # and 20 of the cases again as real `speechqa` processes

Each case is one `speechqa ask` drawn by tests/query_fuzz.py: any Unicode in the question (controls, combining
marks, right-to-left text, emoji, lone surrogates, full-width digits, only spaces, only punctuation, 10,000
characters, SQLite FTS5 and SQL syntax, a file name, title or passage of the library), `--json` or not, and any
combination of `--speaker`, `--since`/`--until` in odd formats, `--speech` ids that exist or do not, `-k`,
`--mode` and `--no-auto-filter`. It runs in this process through click's runner on the real command group
(the real model and index, loaded once; `--process N` reruns N of the cases through `cli.main()` in a child
process, as a user's shell does). A case **fails** on a traceback, 「内部出错」, an exit code other than 0 or
1, exit 1 without one Chinese line on stderr, a stderr line without Chinese, or with `--json` on anything but
one JSON object of the documented shape (docs/cli.md): `answered` equal to `confidence != "low"`, each
answer sentence's offsets inside its passage and `text[start:end]` its text; an error object on exit 1.

Prints each failing case (its arguments as a Python tuple, to paste into a test) and a tally: cases, exit 0,
exit 1, failed. Exit 1 when any failed. The same draw, on a fixed seed, is tests/test_fuzz_queries.py.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from hypothesis import HealthCheck, given, seed, settings  # noqa: E402

from tests.query_fuzz import Outcome, cases, library_facts, problems  # noqa: E402

SPEECHQA = "import sys, cli; sys.argv[0] = 'speechqa'; sys.exit(cli.main())"


def in_process(home: Path, args: tuple[str, ...]) -> Outcome:
    """`speechqa --home HOME ARGS` through click's runner on the real command group."""
    from click.testing import CliRunner

    from cli import cli

    result = CliRunner().invoke(cli, ["--home", str(home), *args], prog_name="speechqa")
    return Outcome(result.exit_code, result.stdout, result.stderr, result.exception)


def as_process(home: Path, args: tuple[str, ...]) -> Outcome:
    """`speechqa --home HOME ARGS` as a child process (arguments as a shell passes them: bytes, so a lone
    surrogate goes as the byte it stands for, and a NUL, which no argument can hold, ends its argument)."""
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "PYTHONPATH": str(REPO)}
    argv = [os.fsencode(a).split(b"\0")[0] for a in ("--home", str(home), *args)]
    run = subprocess.run([sys.executable, "-c", SPEECHQA, *argv], env=env, capture_output=True, timeout=300)
    return Outcome(
        run.returncode,
        run.stdout.decode("utf-8", "replace"),
        run.stderr.decode("utf-8", "replace"),
    )


def scratch_library(source: Path | None, folder: Path) -> Path:
    """A copy of `source` (its query log is written to), or the bundled speeches indexed anew."""
    home = folder / "home"
    if source is not None:
        shutil.copytree(source, home)
        return home
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "PYTHONPATH": str(REPO)}
    subprocess.run(
        [sys.executable, "-c", SPEECHQA, "--home", str(home), "add", "--bundled"],
        env=env,
        capture_output=True,
        check=True,
    )
    return home


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--examples", type=int, default=200, help="cases to draw (default 200)")
    parser.add_argument("--seed", type=int, default=39)
    parser.add_argument("--home", type=Path, help="a library to copy and ask (default: the bundled speeches)")
    parser.add_argument("--process", type=int, default=0, help="rerun this many cases as real processes")
    args = parser.parse_args()
    import logging

    logging.disable(logging.CRITICAL)
    with tempfile.TemporaryDirectory(prefix="fuzz-queries-") as scratch:
        home = scratch_library(args.home, Path(scratch))
        facts = library_facts(home)
        drawn: list[tuple[str, ...]] = []
        tally: Counter[str] = Counter()
        failures: list[tuple[tuple[str, ...], list[str]]] = []

        def check(case: tuple[str, ...], outcome: Outcome, how: str) -> None:
            wrong = problems(case, outcome)
            tally[f"{how} exit {outcome.exit_code}" if not wrong else f"{how} failed"] += 1
            if wrong:
                failures.append((case, wrong))
                print(f"FAILED ({how}) {case!r}"[:600])
                for line in wrong:
                    print(f"    {line}"[:400])

        @settings(
            max_examples=args.examples,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        @seed(args.seed)
        @given(cases(facts))
        def one(case: tuple[str, ...]) -> None:
            if case in drawn:  # hypothesis may draw a case again: each is run and counted once
                return
            drawn.append(case)
            check(case, in_process(home, case), "in process")

        one()
        for case in drawn[: args.process]:
            check(case, as_process(home, case), "process")
    print(
        f"\nseed {args.seed} · {len(drawn)} distinct cases"
        + (f", {args.process} of them also as processes" if args.process else "")
    )
    for key, count in sorted(tally.items()):
        print(f"  {key}: {count}")
    print(f"{len(failures)} failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
