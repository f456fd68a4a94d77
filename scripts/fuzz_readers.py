"""Fuzz every reader with damaged copies of the committed fixtures: each outcome must be a read or a refusal.

Usage (from the repository; HF_HUB_OFFLINE=1):

    python scripts/fuzz_readers.py                      # 12 damaged copies of one file per format, seed 38
    python scripts/fuzz_readers.py --per-format 40 --seed 7 --files 3
    python scripts/fuzz_readers.py --add 20             # and `speechqa add` 20 of them into a scratch library
    python scripts/fuzz_readers.py --keep /tmp/fuzz     # write every damaged copy that failed the check there
    python scripts/fuzz_readers.py --hostile            # files built to exhaust a reader: nesting, size

For each format `speechqa add` reads (corpus.SUPPORTED_SUFFIXES, and .zip), the smallest committed files under
tests/fixtures/ and benchmarks/ that read whole (up to --files of them, 2 MB at most) are damaged the ways a file is damaged
on its way to an office: cut short anywhere (also to nothing), bytes flipped here and there, a run zeroed, a
run repeated; a zip container (.docx, .xlsx, .pptx, .odt, .ofd, .uot, .zip) also with one of its members cut
or flipped and the archive written back whole, so the XML parsers, not just the zip check, see the damage.
Each copy is read, parsed, chunked and checked for lost sentences as `speechqa add` does (corpus only: no
model), in a worker process; a copy is **fine** when it reads or is refused with a `CorpusError` of one line
holding Chinese, and **fails** on any other exception (a traceback for the user), on taking over --timeout
seconds (default 60: a hang) or on the worker dying (memory, a crash in C).

With --add N, N copies (every failing one first, then a seeded sample) are given to the real `speechqa add`
(from this checkout, the bundled model) against a scratch library made from the bundled speeches: each must
end with exit 0, or exit 1 with its last line Chinese and no traceback, and after exit 1 the library's list of
speeches must be what it was (nothing half-added).

With --hostile, instead, files built to exhaust a reader (tests/damaged_files.hostile_files: nesting past
the stack, a page of 25,000 characters, a cell at XFD1048576, 100,000 columns, a 9 MB line, a picture of 900
million pixels) are read the same way, and a table says what each did and how long it took.

Prints one line per failure and a table per format: copies, read, refused, failed, slowest seconds.
Exit 1 when anything failed. The same generator, seeded, is the property test in tests/test_fuzz_readers.py.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from corpus import SUPPORTED_SUFFIXES  # noqa: E402
from tests.damaged_files import HAN, Damaged, Outcome, damaged_copies, fixtures, hostile_files, ingest  # noqa: E402


def _worker(jobs: mp.Queue, results: mp.Queue) -> None:  # type: ignore[type-arg]
    import logging
    import traceback

    logging.disable(logging.CRITICAL)
    while (job := jobs.get()) is not None:
        name, data = job
        started = time.perf_counter()
        try:
            kind, detail = ingest(name, data)
        except BaseException as e:
            kind, detail = (
                "failed",
                f"{type(e).__name__}: {e}".splitlines()[0][:200] + "\n" + traceback.format_exc(),
            )
        results.put((kind, detail, time.perf_counter() - started))


class Reader:
    """A worker process reading damaged copies one by one, replaced when one hangs or kills it."""

    def __init__(self, timeout: float) -> None:
        self.timeout = timeout
        self.context = mp.get_context("spawn")
        self._start()

    def _start(self) -> None:
        self.jobs = self.context.Queue()
        self.results = self.context.Queue()
        self.process = self.context.Process(target=_worker, args=(self.jobs, self.results), daemon=True)
        self.process.start()

    def read(self, damaged: Damaged) -> Outcome:
        import queue

        started = time.perf_counter()
        self.jobs.put((damaged.name, damaged.data))
        deadline = started + self.timeout + 30  # the first job waits for the worker's imports too
        while True:
            try:
                kind, detail, seconds = self.results.get(timeout=1)
                return Outcome(damaged, kind, detail, seconds)
            except queue.Empty:
                if not self.process.is_alive():
                    code = self.process.exitcode
                    self._start()
                    return Outcome(
                        damaged, "failed", f"worker died (exit {code})", time.perf_counter() - started
                    )
                if time.perf_counter() > deadline:
                    self.process.kill()
                    self.process.join()
                    self._start()
                    return Outcome(
                        damaged, "failed", f"hang: over {self.timeout:.0f} s", time.perf_counter() - started
                    )

    def close(self) -> None:
        self.jobs.put(None)
        self.process.join(timeout=10)
        if self.process.is_alive():
            self.process.kill()


def speech_list(home: Path) -> str:
    env = {**os.environ, "SPEECHQA_HOME": str(home), "HF_HUB_OFFLINE": "1", "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, "-c", "import sys, cli; sys.argv[0] = 'speechqa'; sys.exit(cli.main())", "speeches"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    ).stdout


def add_checked(damaged: Damaged, home: Path, folder: Path) -> str | None:
    """`speechqa add` one damaged copy: None when it behaved, else what went wrong."""
    path = folder / damaged.name
    path.write_bytes(damaged.data)
    before = speech_list(home)
    env = {**os.environ, "SPEECHQA_HOME": str(home), "HF_HUB_OFFLINE": "1", "PYTHONPATH": str(REPO)}
    try:
        run = subprocess.run(
            [
                sys.executable,
                "-c",
                "import sys, cli; sys.argv[0] = 'speechqa'; sys.exit(cli.main())",
                "add",
                str(path),
            ],
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )
    except subprocess.TimeoutExpired:
        return "speechqa add took over 600 s"
    finally:
        path.unlink()
    said = (run.stdout + run.stderr).strip()
    if "Traceback" in said:
        return f"traceback (exit {run.returncode}): {said.splitlines()[-1]}"
    if run.returncode not in (0, 1):
        return f"exit {run.returncode}: {said[-200:]}"
    if run.returncode == 1:
        last = run.stderr.strip().splitlines()[-1] if run.stderr.strip() else ""
        if not HAN.search(last):
            return f"exit 1 without a Chinese line: {said[-200:]}"
        if speech_list(home) != before:
            return "exit 1 but the library's speeches changed (half-added)"
    return None


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seed", type=int, default=38)
    parser.add_argument(
        "--per-format", type=int, default=12, help="damaged copies of each format (default 12)"
    )
    parser.add_argument("--files", type=int, default=1, help="fixtures of each format to damage (default 1)")
    parser.add_argument("--formats", help="only these suffixes, comma-separated (.pdf,.ofd)")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds before a read counts as a hang")
    parser.add_argument("--add", type=int, default=0, help="`speechqa add` this many copies end to end")
    parser.add_argument("--keep", type=Path, help="write every copy that failed into this folder")
    parser.add_argument("--hostile", action="store_true", help="only the files built to exhaust a reader")
    args = parser.parse_args()
    suffixes = tuple(dict.fromkeys((*SUPPORTED_SUFFIXES, ".zip")))
    if args.formats:
        suffixes = tuple(s if s.startswith(".") else f".{s}" for s in args.formats.split(","))
    rng = random.Random(args.seed)
    reader = Reader(args.timeout)
    outcomes: list[Outcome] = []
    seeds: dict[str, list[Path]] = {}
    if args.hostile:
        try:
            print("| file | built as | outcome | seconds |\n|---|---|---|---|")
            hostile = [reader.read(damaged) for damaged in hostile_files()]
            for o in hostile:
                said = o.detail.splitlines()[0] if o.detail else ""
                print(
                    f"| {o.damaged.name} | {o.damaged.how} | {o.kind}{'：' + said if said else ''} | {o.seconds:.1f} |"
                )
        finally:
            reader.close()
        sys.exit(1 if any(o.kind == "failed" for o in hostile) else 0)
    try:
        for suffix, candidates in fixtures(suffixes).items():  # the smallest that read whole (not those
            whole = (
                p for p in candidates if reader.read(Damaged(p.name, p.read_bytes(), "", p)).kind == "read"
            )
            seeds[suffix] = [p for p, _ in zip(whole, range(args.files), strict=False)]  # damaged on purpose)
        for suffix in suffixes:
            paths = seeds.get(suffix) or []
            for i, path in enumerate(paths):
                share = args.per_format // len(paths) + (1 if i < args.per_format % len(paths) else 0)
                for damaged in damaged_copies(path, share, rng):
                    outcome = reader.read(damaged)
                    outcomes.append(outcome)
                    if outcome.kind == "failed":
                        print(
                            f"FAILED {path.relative_to(REPO)} ({damaged.how}): {outcome.detail.splitlines()[0]}"
                        )
                        if args.keep:
                            args.keep.mkdir(parents=True, exist_ok=True)
                            kept = args.keep / f"{len(outcomes):04d}-{damaged.name}"
                            kept.write_bytes(damaged.data)
                            kept.with_name(kept.name + ".txt").write_text(
                                f"{damaged.how}\n{outcome.detail}", "utf-8"
                            )
    finally:
        reader.close()
    print(f"\nseed {args.seed} · {args.per_format} copies a format · timeout {args.timeout:.0f} s\n")
    print("| format | fixtures | copies | read | refused | failed | slowest s |")
    print("|---|---|---|---|---|---|---|")
    for suffix in suffixes:
        mine = [o for o in outcomes if o.damaged.name.lower().endswith(suffix)]
        if not mine and not seeds.get(suffix):
            print(f"| {suffix} | none committed | | | | | |")
            continue
        count = {k: sum(o.kind == k for o in mine) for k in ("read", "refused", "failed")}
        slowest = max((o.seconds for o in mine), default=0.0)
        print(
            f"| {suffix} | {len(seeds.get(suffix) or [])} | {len(mine)} | {count['read']} | {count['refused']} "
            f"| {count['failed']} | {slowest:.1f} |"
        )
    failed = [o for o in outcomes if o.kind == "failed"]
    print(f"\n{len(outcomes)} copies: {len(outcomes) - len(failed)} fine, {len(failed)} failed")
    add_failed = 0
    if args.add:
        chosen = [o.damaged for o in failed][: args.add]
        rest = [o.damaged for o in outcomes if o.kind != "failed"]
        chosen += rng.sample(rest, min(len(rest), args.add - len(chosen)))
        with tempfile.TemporaryDirectory(prefix="fuzz-add-") as scratch:
            home = Path(scratch) / "home"
            folder = Path(scratch) / "files"
            folder.mkdir()
            env = {**os.environ, "SPEECHQA_HOME": str(home), "HF_HUB_OFFLINE": "1", "PYTHONPATH": str(REPO)}
            subprocess.run(
                [
                    sys.executable,
                    "-c",
                    "import sys, cli; sys.argv[0] = 'speechqa'; sys.exit(cli.main())",
                    "add",
                    "--bundled",
                ],
                env=env,
                capture_output=True,
                check=True,
            )
            for damaged in chosen:
                wrong = add_checked(damaged, home, folder)
                if wrong is not None:
                    add_failed += 1
                    print(f"ADD FAILED {damaged.source.relative_to(REPO)} ({damaged.how}): {wrong}")
            shutil.rmtree(folder)
        print(f"speechqa add: {len(chosen)} copies, {len(chosen) - add_failed} behaved, {add_failed} did not")
    sys.exit(1 if failed or add_failed else 0)


if __name__ == "__main__":
    main()
