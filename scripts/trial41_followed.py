"""After an upgrade, the old files read again by today's readers (`speechqa add --reread`): where does each passage
id the old release handed out (under its answers' 上下文 buttons, in its pins) lead now? docs/trial41.md, item 1.

For each library an older release made (tests/fixtures/old-libraries/*.zip, by `tests.fixtures.make_old_libraries`):
unzip it, `add --reread` the files it was made from (today's code, this checkout), then follow every passage id of
the old database. Counted apart: the same id; another id holding the very text (the rule before trial 41); another
holding all of it within a longer passage (trial 41's rule); none ("changed", or "gone" with its speech).

    PYTHONPATH=. python scripts/trial41_followed.py [ZIP …]
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import subprocess
import sys
import tempfile
import zipfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from index import Store  # noqa: E402
from tests.fixtures.make_old_libraries import FILES  # noqa: E402

SPEECHQA = 'import sys, cli; sys.argv[0] = "speechqa"; sys.exit(cli.main())'


def followed(zip_path: Path) -> tuple[Counter[str], Counter[str]]:
    """(passage ids by where they lead, pins by status) after the re-read."""
    with tempfile.TemporaryDirectory(prefix="trial41-") as tmp:
        with zipfile.ZipFile(zip_path) as archive:
            archive.extractall(tmp)
        home = Path(tmp) / "home"
        old = sqlite3.connect(home / "speechqa.db")
        given = old.execute("SELECT id, content_hash FROM passages").fetchall()
        old.close()
        env = {**os.environ, "SPEECHQA_HOME": str(home), "HF_HUB_OFFLINE": "1", "PYTHONPATH": str(ROOT)}
        done = subprocess.run(
            [sys.executable, "-c", SPEECHQA, "add", "--reread", *map(str, FILES)],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            raise SystemExit(f"{zip_path.name}: add --reread failed: {done.stderr[-500:]}")
        store = Store(home / "speechqa.db")
        try:
            ids: Counter[str] = Counter()
            for passage_id, digest in given:
                trace = store.follow_passage(passage_id)
                if trace.state == "same":
                    ids["same id"] += 1
                elif trace.passage is not None and trace.passage.content_hash == digest:
                    ids["moved, same text"] += 1
                elif trace.passage is not None:
                    ids["moved, held in a longer passage"] += 1
                else:
                    ids[trace.state] += 1
            pins = Counter(state.status for state in store.pins())
        finally:
            store.close()
        return ids, pins


def main() -> None:
    parser = argparse.ArgumentParser(prog="trial41_followed.py", description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("zips", nargs="*", type=Path, metavar="ZIP", help="libraries an older release made")
    args = parser.parse_args()
    for path in args.zips:
        if not path.is_file():
            raise SystemExit(f"找不到：{path}")
    zips = args.zips or sorted((ROOT / "tests/fixtures/old-libraries").glob("*.zip"))
    print(
        "| release | passage ids | same id | moved, same text | moved, held in a longer passage (new) "
        "| changed | gone | pins |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---|")
    for path in zips:
        ids, pins = followed(path)
        total = sum(ids.values())
        cells = [
            ids[k]
            for k in ("same id", "moved, same text", "moved, held in a longer passage", "changed", "gone")
        ]
        pin_text = ", ".join(f"{k} {v}" for k, v in sorted(pins.items())) or "none"
        print(f"| {path.stem} | {total} | " + " | ".join(map(str, cells)) + f" | {pin_text} |", flush=True)


if __name__ == "__main__":
    main()
