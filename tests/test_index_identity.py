"""Identity of sources and speeches (index/identity.py, Library.add_document): real files, a real
SQLite store and index, the fake embedder. Nothing is lost, nothing is stored twice."""

from __future__ import annotations

import sqlite3
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus import HEAD_SECTION, read_bytes
from index import HomeFull, Library, identity
from retrieval import Retriever, kinship_reason

from .fakes import FailingEmbedder, FakeEmbedder

FIXTURE = Path(__file__).parent / "fixtures" / "v1-home.zip"


def speech(title: str, topic: str, n: int = 6) -> str:
    body = "\n".join(
        f"{k}、关于{topic}的第{k}项要求：各单位要结合实际，把{topic}工作抓细抓实，确保第{k}项措施落到实处，"
        f"定期检查{topic}进展情况，及时解决老同志反映的问题。"
        for k in range(1, n + 1)
    )
    return f"{title}\n同志们：\n{body}\n"


HEALTH = speech("关于离休干部医疗保障的讲话", "体检")
CULTURE = speech("关于老年大学建设的讲话", "老年大学")
PARTY = speech("关于离退休干部党建工作的讲话", "党支部")
VISITS = speech("关于春节走访慰问的讲话", "走访慰问")
CHINESE_NUMBERS = "一二三四五"


def compilation(*speeches: str) -> str:
    return "".join(f"第{CHINESE_NUMBERS[i]}篇：{text}" for i, text in enumerate(speeches))


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    library = Library(tmp_path / "home")
    yield library
    library.close()


def add(library: Library, *paths: Path, **options: bool) -> list[tuple[str, str]]:
    """(status, title) of every speech the call reported, in order."""
    outcomes = library.add_paths(list(paths), FakeEmbedder(), **options)
    assert not [o.error for o in outcomes if o.error]
    return [(s.status, s.title) for o in outcomes for s in o.speeches]


def titles(library: Library) -> list[str]:
    return [s.title for s in library.store.speeches()]


def assert_index_matches_store(library: Library) -> None:
    index = library.load(FakeEmbedder().key)
    assert not library.is_stale()
    # a notice's 「文件信息」 passage is stored, not indexed (it is served for questions about the document)
    indexed = [p.id for p in library.store.passages() if p.section != HEAD_SECTION]
    assert sorted(index.lexical.ids.tolist()) == sorted(indexed)


# -- same names, renames, copies ------------------------------------------------------------------


def test_two_speeches_with_one_file_name_in_two_folders_are_two_speeches_in_one_call(
    library: Library, tmp_path: Path
) -> None:
    write(tmp_path / "files" / "d1" / "讲话.txt", HEALTH)
    write(tmp_path / "files" / "d2" / "讲话.txt", CULTURE)
    assert add(library, tmp_path / "files") == [
        ("added", "关于离休干部医疗保障的讲话"),
        ("added", "关于老年大学建设的讲话"),
    ]
    assert titles(library) == ["关于离休干部医疗保障的讲话", "关于老年大学建设的讲话"]
    assert [s.path for s in library.store.speeches()] == [
        str((tmp_path / "files" / "d1" / "讲话.txt").resolve()),
        str((tmp_path / "files" / "d2" / "讲话.txt").resolve()),
    ]
    assert_index_matches_store(library)


def test_two_speeches_with_one_file_name_in_two_folders_are_two_speeches_in_two_calls(
    library: Library, tmp_path: Path
) -> None:
    assert add(library, write(tmp_path / "d1" / "讲话.txt", HEALTH)) == [
        ("added", "关于离休干部医疗保障的讲话")
    ]
    assert add(library, write(tmp_path / "d2" / "讲话.txt", CULTURE)) == [("added", "关于老年大学建设的讲话")]
    assert titles(library) == ["关于离休干部医疗保障的讲话", "关于老年大学建设的讲话"]
    assert_index_matches_store(library)


def test_a_renamed_file_is_the_same_source_under_its_new_path(library: Library, tmp_path: Path) -> None:
    old = write(tmp_path / "讲话.txt", HEALTH)
    add(library, old)
    (speech_id,) = [s.id for s in library.store.speeches()]
    revision = library.store.revision
    new = old.rename(tmp_path / "医疗保障讲话.txt")
    outcomes = library.add_paths([new], FakeEmbedder())
    assert [(s.status, s.speech_id) for s in outcomes[0].speeches] == [("same_file", speech_id)]
    assert [s.path for s in library.store.speeches()] == [str(new.resolve())]
    assert library.store.revision == revision  # nothing re-indexed


def test_an_identical_copy_is_recorded_beside_the_original_not_stored_twice(
    library: Library, tmp_path: Path
) -> None:
    original = write(tmp_path / "a" / "讲话.txt", HEALTH)
    add(library, original)
    copy = write(tmp_path / "b" / "讲话副本.txt", HEALTH)
    assert add(library, copy) == [("same_file", "关于离休干部医疗保障的讲话")]
    assert len(library.store.speeches()) == 1
    assert {
        s.path for s in library.store.sources_with_digest(read_bytes("x.txt", HEALTH.encode()).digest)
    } == {
        str(original.resolve()),
        str(copy.resolve()),
    }


def test_adding_the_same_file_again_changes_nothing(library: Library, tmp_path: Path) -> None:
    path = write(tmp_path / "讲话.txt", compilation(HEALTH, CULTURE))
    add(library, path)
    generation = library.generation()
    assert [status for status, _ in add(library, path)] == ["unchanged", "unchanged"]
    assert library.generation() == generation


# -- duplicates ------------------------------------------------------------------------------------


def page_numbered(text: str) -> str:
    """The same speech re-exported: other line breaks and spacing, page numbers between paragraphs."""
    lines = text.splitlines()
    out = []
    for number, line in enumerate(lines, start=1):
        out.append("  " + line.replace("，", "， ") + "  ")
        if number % 3 == 0:
            out.append(f"— {number // 3} —")
    return "\n".join(out) + "\n"


def with_typo(text: str) -> str:
    return text.replace("落到实处", "落倒实处", 1)


@pytest.mark.parametrize(
    "variant",
    [lambda t: t, lambda t: t.replace("\n", "\r\n"), page_numbered],
    ids=["identical", "crlf", "spacing-and-page-numbers"],
)
def test_the_same_speech_in_another_file_is_reported_as_a_duplicate_and_not_stored(
    library: Library, tmp_path: Path, variant: object
) -> None:
    add(library, write(tmp_path / "a" / "讲话.txt", HEALTH))
    (first,) = library.store.speeches()
    assert callable(variant)
    outcomes = library.add_paths([write(tmp_path / "b" / "另一份.txt", variant(HEALTH))], FakeEmbedder())
    (result,) = outcomes[0].speeches
    assert (result.status, result.speech_id) in {("duplicate", first.id), ("same_file", first.id)}
    assert len(library.store.speeches()) == 1
    assert_index_matches_store(library)


@pytest.mark.parametrize(
    "variant",
    [with_typo, lambda t: t.replace("第3项", "第8项", 1)],
    ids=["a corrected typo", "one figure changed"],
)
def test_a_copy_that_says_something_else_in_one_place_is_added_beside_it_with_a_warning(
    library: Library, tmp_path: Path, variant: object
) -> None:
    add(library, write(tmp_path / "a" / "讲话.txt", HEALTH))
    (first,) = library.store.speeches()
    assert callable(variant)
    changed = variant(HEALTH)
    assert changed != HEALTH
    outcomes = library.add_paths([write(tmp_path / "b" / "修订稿.txt", changed)], FakeEmbedder())
    (result,) = outcomes[0].speeches
    # not thrown away as "the same": the corrected text is kept, and the user told which speech it revises
    assert result.status == "added" and result.similar_to == first.id and result.similarity > 0.9
    assert len(library.store.speeches()) == 2
    assert_index_matches_store(library)


def test_reread_reads_an_unchanged_file_again_so_a_newer_reader_fixes_what_was_stored(
    library: Library, tmp_path: Path
) -> None:
    file = write(tmp_path / "讲话.txt", HEALTH.replace("同志们：", "李明\n2024年5月20日\n同志们：", 1))
    add(library, file)
    (stored,) = library.store.speeches()
    assert (stored.speaker, stored.date) == ("李明", "2024-05-20")
    # what an older reader left: no speaker or date (its content hash is of that reading)
    with library.store.db.conn:
        library.store.db.execute(
            "UPDATE speeches SET speaker = NULL, date = NULL, content_hash = 'older' WHERE id = ?",
            [stored.id],
        )
    assert add(library, file) == [("unchanged", "关于离休干部医疗保障的讲话")]  # same bytes: not read
    assert library.store.speeches()[0].speaker is None
    assert add(library, file, reread=True) == [("updated", "关于离休干部医疗保障的讲话")]
    (again,) = library.store.speeches()
    assert (again.id, again.speaker, again.date) == (stored.id, "李明", "2024-05-20")
    assert add(library, file, reread=True) == [("unchanged", "关于离休干部医疗保障的讲话")]
    assert_index_matches_store(library)


def test_reread_of_a_copy_reads_the_speech_it_is_a_copy_of_again(library: Library, tmp_path: Path) -> None:
    """`reread` of a copy of an added file (same bytes, another path) reads that file's speech again, as
    rereading the file itself would: before, the copy was 「未变化」 and nothing was read (once the copy was
    recorded, it was read as a file of its own: 「重复」, and its record lost its digest)."""
    text = HEALTH.replace("同志们：", "李明\n2024年5月20日\n同志们：", 1)
    file, copy = write(tmp_path / "a" / "讲话.txt", text), write(tmp_path / "b" / "讲话副本.txt", text)
    add(library, file)
    (stored,) = library.store.speeches()
    with library.store.db.conn:  # what an older reader left
        library.store.db.execute(
            "UPDATE speeches SET speaker = NULL, date = NULL, content_hash = 'older' WHERE id = ?",
            [stored.id],
        )
    assert add(library, copy) == [("same_file", "关于离休干部医疗保障的讲话")]  # recorded as a copy
    for _ in range(2):  # the copy newly found, then recorded: the same
        [outcome] = library.add_paths([copy], FakeEmbedder(), reread=True)
        assert (outcome.path, outcome.copy_of) == (str(copy.resolve()), str(file.resolve()))
        assert [(s.speech_id, s.status) for s in outcome.speeches] == [(stored.id, "updated")]
        (again,) = library.store.speeches()
        assert (again.id, again.speaker, again.date, again.source) == (
            stored.id,
            "李明",
            "2024-05-20",
            "讲话.txt",
        )
        with library.store.db.conn:
            library.store.db.execute("UPDATE speeches SET content_hash = 'older' WHERE id = ?", [stored.id])
    assert add(library, copy) == [
        ("same_file", "关于离休干部医疗保障的讲话")
    ]  # still a copy, not a duplicate
    assert add(library, file) == [("unchanged", "关于离休干部医疗保障的讲话")]
    assert_index_matches_store(library)


def test_allow_duplicates_stores_a_near_duplicate(library: Library, tmp_path: Path) -> None:
    add(library, write(tmp_path / "a" / "讲话.txt", HEALTH))
    assert add(library, write(tmp_path / "b" / "讲话.txt", with_typo(HEALTH)), allow_duplicates=True) == [
        ("added", "关于离休干部医疗保障的讲话")
    ]
    assert len(library.store.speeches()) == 2


def test_a_different_speech_is_not_a_duplicate(library: Library, tmp_path: Path) -> None:
    add(library, write(tmp_path / "a.txt", HEALTH))
    assert add(library, write(tmp_path / "b.txt", CULTURE)) == [("added", "关于老年大学建设的讲话")]


def test_a_corrected_copy_under_another_name_is_added_with_a_warning_naming_the_other(
    library: Library, tmp_path: Path
) -> None:
    add(library, write(tmp_path / "a" / "讲话.txt", HEALTH))
    (first,) = library.store.speeches()
    # two of six requirements rewritten: another version of the speech, not the same one
    corrected = HEALTH.replace("第2项措施落到实处", "第2项措施在年底前全部落实到位并报送情况").replace(
        "第5项措施落到实处", "第5项措施逐项对账销号"
    )
    outcomes = library.add_paths([write(tmp_path / "b" / "更正版.txt", corrected)], FakeEmbedder())
    (result,) = outcomes[0].speeches
    assert result.status == "added" and result.similar_to == first.id
    assert 0.5 <= result.similarity < 0.95
    other = library.add_paths([write(tmp_path / "c.txt", CULTURE)], FakeEmbedder())[0].speeches[0]
    assert other.similar_to is None  # a different speech says nothing


def test_a_running_search_reads_the_near_copies_once_and_again_after_keep_both(
    library: Library, tmp_path: Path
) -> None:
    """A long-running front end (the bot) marks an older version's results 「有更正版」 from the near_copies table:
    read again when the store's metadata stamp moves — `keep_both` moves it — not at every search (Review 39)."""
    first = HEALTH.replace("第2项要求：", "第2项要求：每年组织离休干部到市第一人民医院体检一次，")
    add(library, write(tmp_path / "a" / "讲话.txt", first))
    rewritten = "离休干部体检改由各区卫生服务中心上门进行，费用由财政全额保障，"
    add(
        library,
        write(
            tmp_path / "b" / "更正版.txt",
            first.replace("每年组织离休干部到市第一人民医院体检一次，", rewritten),
        ),
    )
    old, new = (s.id for s in library.store.speeches())
    embedder = FakeEmbedder()
    retriever = Retriever(library.store, library.load(embedder.key), embedder)
    statements: list[str] = []
    library.store.db.conn.set_trace_callback(statements.append)

    def marks() -> set[tuple[int, int | None]]:
        hits = retriever.search("离休干部到哪家医院体检", k=10).hits
        return {(hit.passage.speech_id, hit.newer_version) for hit in hits}

    before = library.store.metadata_stamp()
    assert (old, new) in marks() and (new, None) in marks() and (old, new) in marks()
    assert sum("near_copies" in sql for sql in statements) == 1  # three searches, one reading
    assert library.store.keep_both(new, old) is not None
    assert library.store.metadata_stamp() != before
    stamp = library.store.metadata_stamp()
    assert (
        library.store.keep_both(old, new) is not None and library.store.metadata_stamp() == stamp
    )  # again: no change
    statements.clear()
    assert {version for _, version in marks()} == {None}  # both kept on purpose: nothing said
    assert sum("near_copies" in sql for sql in statements) == 1


# -- edited files and compilations ---------------------------------------------------------------


def test_an_edited_file_updates_its_speech_in_place(library: Library, tmp_path: Path) -> None:
    path = write(tmp_path / "讲话.txt", HEALTH)
    add(library, path)
    (before,) = library.store.speeches()
    write(path, HEALTH.replace("定期检查", "每季度检查"))
    assert add(library, path) == [("updated", "关于离休干部医疗保障的讲话")]
    (after,) = library.store.speeches()
    assert after.id == before.id
    assert "每季度检查" in " ".join(p.text for p in library.store.passages(after.id))
    assert_index_matches_store(library)


def test_a_compilation_that_lost_its_middle_speech_removes_only_that_speech(
    library: Library, tmp_path: Path
) -> None:
    path = write(tmp_path / "汇编.txt", compilation(HEALTH, CULTURE, PARTY))
    add(library, path)
    ids = {s.title: s.id for s in library.store.speeches()}
    write(path, compilation(HEALTH, PARTY))
    outcomes = library.add_paths([path], FakeEmbedder())
    assert [(s.status, s.speech_id) for s in outcomes[0].speeches] == [
        ("unchanged", ids["关于离休干部医疗保障的讲话"]),
        ("unchanged", ids["关于离退休干部党建工作的讲话"]),
        ("removed", ids["关于老年大学建设的讲话"]),
    ]
    assert titles(library) == ["关于离休干部医疗保障的讲话", "关于离退休干部党建工作的讲话"]
    assert_index_matches_store(library)


def test_a_compilation_that_gained_a_speech_adds_only_that_speech(library: Library, tmp_path: Path) -> None:
    path = write(tmp_path / "汇编.txt", compilation(HEALTH, PARTY))
    add(library, path)
    before = {s.title: s.id for s in library.store.speeches()}
    write(path, compilation(HEALTH, CULTURE, PARTY))
    assert add(library, path) == [
        ("unchanged", "关于离休干部医疗保障的讲话"),
        ("added", "关于老年大学建设的讲话"),
        ("unchanged", "关于离退休干部党建工作的讲话"),
    ]
    after = {s.title: s.id for s in library.store.speeches()}
    assert {t: after[t] for t in before} == before
    assert_index_matches_store(library)


# -- uploads (the bot: a name, no folder) ---------------------------------------------------------


def test_two_uploads_of_one_name_with_different_speeches_keep_both(library: Library) -> None:
    for text in (HEALTH, CULTURE):
        outcomes = library.add_documents([read_bytes("讲话.txt", text.encode())], FakeEmbedder())
        assert [s.status for s in outcomes[0].speeches] == ["added"]
    assert titles(library) == ["关于离休干部医疗保障的讲话", "关于老年大学建设的讲话"]


def test_the_same_upload_under_another_name_is_the_same_file(library: Library) -> None:
    library.add_documents([read_bytes("讲话.txt", HEALTH.encode())], FakeEmbedder())
    outcomes = library.add_documents([read_bytes("讲话（另存）.txt", HEALTH.encode())], FakeEmbedder())
    assert [s.status for s in outcomes[0].speeches] == ["same_file"]
    assert len(library.store.speeches()) == 1


def test_a_corrected_upload_of_one_name_updates_its_speech(library: Library) -> None:
    library.add_documents([read_bytes("讲话.txt", HEALTH.encode())], FakeEmbedder())
    outcomes = library.add_documents([read_bytes("讲话.txt", with_typo(HEALTH).encode())], FakeEmbedder())
    assert [s.status for s in outcomes[0].speeches] == ["updated"]
    assert len(library.store.speeches()) == 1


# -- all or nothing --------------------------------------------------------------------------------


def test_a_failure_while_embedding_leaves_the_library_as_before_the_file(
    library: Library, tmp_path: Path
) -> None:
    add(library, write(tmp_path / "a.txt", HEALTH))
    revision, generation = library.store.revision, library.generation()
    with pytest.raises(RuntimeError, match="simulated crash"):
        library.add_paths([write(tmp_path / "b.txt", compilation(CULTURE, PARTY))], FailingEmbedder(3))
    assert titles(library) == ["关于离休干部医疗保障的讲话"]
    assert (library.store.revision, library.generation()) == (revision, generation)
    assert_index_matches_store(library)


def test_a_failure_while_writing_the_index_rolls_the_store_back(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add(library, write(tmp_path / "a.txt", HEALTH))
    revision, generation = library.store.revision, library.generation()

    def broken(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("index.library.VectorIndex.save", broken)
    with pytest.raises(HomeFull, match="磁盘空间不足"):
        library.add_paths([write(tmp_path / "b.txt", CULTURE)], FakeEmbedder())
    monkeypatch.undo()
    assert titles(library) == ["关于离休干部医疗保障的讲话"]
    assert (library.store.revision, library.generation()) == (revision, generation)
    assert add(library, tmp_path / "b.txt") == [("added", "关于老年大学建设的讲话")]


# -- corrections ---------------------------------------------------------------------------------


def test_a_metadata_correction_survives_removing_and_re_adding_the_file(
    library: Library, tmp_path: Path
) -> None:
    path = write(tmp_path / "讲话.txt", HEALTH)
    add(library, path)
    (first,) = library.store.speeches()
    edited = library.store.edit_speech(first.id, title="医疗保障工作讲话", date="2024-04-01", speaker="张三")
    assert edited is not None and (edited.title, edited.date, edited.speaker) == (
        "医疗保障工作讲话",
        "2024-04-01",
        "张三",
    )
    library.remove(first.id, FakeEmbedder())
    add(library, path)
    (again,) = library.store.speeches()
    assert (again.title, again.date, again.speaker) == ("医疗保障工作讲话", "2024-04-01", "张三")
    assert library.store.passages(again.id)[0].speech_title == "医疗保障工作讲话"


# -- migration from the previous release -----------------------------------------------------------


def test_a_data_home_of_the_previous_release_upgrades_with_nothing_lost(tmp_path: Path) -> None:
    home = tmp_path / "home"
    with zipfile.ZipFile(FIXTURE) as archive:
        archive.extractall(home)
    with sqlite3.connect(home / "speechqa.db") as db:
        before = {
            table: db.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall()
            for table in ("passages", "embeddings", "queries", "feedback")
        }
        speeches_before = db.execute(
            "SELECT id, title, date, speaker, source, ordinal FROM speeches"
        ).fetchall()
    db.close()
    library = Library(home)
    try:
        assert library.store.pending_migrations() == []
        with sqlite3.connect(home / "speechqa.db") as db:
            for table, rows in before.items():
                assert db.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall() == rows, table
            assert (
                db.execute("SELECT id, title, date, speaker, source, ordinal FROM speeches").fetchall()
                == speeches_before
            )
        db.close()
        # the old index still loads and answers; it is rebuilt only to read the titles, embedding nothing
        embedder = FakeEmbedder()
        answer = Retriever(library.store, library.load(embedder.key), embedder).search("离休干部体检")
        assert "体检" in answer.hits[0].passage.text
        manifest = library.manifest()
        assert library.is_stale() and manifest is not None and manifest.lexical_text == 1
        assert library.build(embedder).embedded == 0
        assert not library.is_stale()
        # re-adding the same files from wherever they are now adopts the old sources: nothing doubles
        files = tmp_path / "files"
        from tests.fixtures.make_v1_home import COMPILATION, SINGLE

        write(files / "讲话汇编.txt", COMPILATION)
        write(files / "春节慰问.txt", SINGLE)
        outcomes = library.add_paths([files], embedder)
        assert {s.status for o in outcomes for s in o.speeches} == {"unchanged"}
        assert [s.id for s in library.store.speeches()] == [row[0] for row in speeches_before]
        assert {s.path for s in library.store.speeches()} == {
            str((files / "讲话汇编.txt").resolve()),
            str((files / "春节慰问.txt").resolve()),
        }
    finally:
        library.close()


# -- the rule itself -------------------------------------------------------------------------------

PARAGRAPH = st.text(alphabet="老干部工作要求体检慰问学习党支部活动，。", min_size=40, max_size=400)


@settings(max_examples=50, deadline=None)
@given(PARAGRAPH, st.text(alphabet=" \n\t\u3000", max_size=20))
def test_whitespace_never_changes_a_speech_identity(text: str, spaces: str) -> None:
    spaced = spaces.join(text)
    assert identity.text_hash(identity.normalise(spaced)) == identity.text_hash(identity.normalise(text))


@settings(max_examples=50, deadline=None)
@given(st.lists(PARAGRAPH, min_size=1, max_size=4, unique=True))
def test_matching_a_file_with_itself_pairs_every_speech_with_itself(texts: list[str]) -> None:
    prints = [identity.Fingerprint(i, f"题{i}", identity.normalise(t)) for i, t in enumerate(texts)]
    pairing = identity.match_versions(prints, prints)
    assert not pairing.new and not pairing.gone
    assert {new for new, _ in pairing.exact + pairing.near} == set(range(len(texts)))


# -- a read-only store -----------------------------------------------------------------------------


def test_a_read_only_store_reads_skips_the_query_log_and_refuses_writes(
    library: Library, tmp_path: Path
) -> None:
    from index import ReadOnlyHome, Store

    add(library, write(tmp_path / "a.txt", HEALTH))
    library.store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    library.close()
    store = Store(tmp_path / "home" / "speechqa.db", read_only=True)
    try:
        assert [s.title for s in store.speeches()] == ["关于离休干部医疗保障的讲话"]
        assert store.log_query(channel="cli", query="问", answered=True, top_ids=[], latency_ms=1.0) == 0
        with pytest.raises(ReadOnlyHome, match="数据目录是只读的"):
            store.edit_speech(1, title="新标题")
        with pytest.raises(ReadOnlyHome, match="数据目录是只读的"):
            store.remove_speech(1)
    finally:
        store.close()
    library.store = Store(tmp_path / "home" / "speechqa.db")  # for the fixture's close


# -- a short speech edited in its file keeps its id and its corrections (found by a new user) -------------

SHORT = "关于规范离退休干部慰问工作的通知\n各单位：\n春节慰问标准为每人一千元，由各单位在节前发放到位。\n"


def test_a_small_edit_to_a_short_speech_updates_it_in_place_and_keeps_its_correction(
    library: Library, tmp_path: Path
) -> None:
    source = write(tmp_path / "c" / "通知.txt", SHORT)
    [(status, _)] = add(library, source)
    assert status == "added"
    [record] = library.store.speeches()
    library.store.edit_speech(record.id, title="慰问工作通知（更正）", speaker="赵刚")
    write(
        source, SHORT.replace("一千元", "一千二百元")
    )  # one figure changed: most 5-grams of a short text change
    assert add(library, source) == [("updated", "慰问工作通知（更正）")]
    [after] = library.store.speeches()
    assert (after.id, after.title, after.speaker) == (record.id, "慰问工作通知（更正）", "赵刚")
    assert any(
        "一千二百元" in p.text for p in library.store.passages(after.id)
    )  # (the first is its 文件信息)
    write(source, SHORT.replace("一千元", "一千五百元"))  # and the correction follows the next edit too
    assert add(library, source) == [("updated", "慰问工作通知（更正）")]
    assert_index_matches_store(library)


def test_a_file_whose_one_speech_became_another_still_removes_nothing_else(
    library: Library, tmp_path: Path
) -> None:
    other = write(tmp_path / "b" / "文化.txt", CULTURE)
    source = write(tmp_path / "a" / "讲话.txt", HEALTH)
    add(library, other, source)
    write(source, PARTY)  # the file now holds a different speech: its one speech's new version
    assert add(library, source) == [("updated", "关于离退休干部党建工作的讲话")]
    assert sorted(titles(library)) == sorted(["关于老年大学建设的讲话", "关于离退休干部党建工作的讲话"])


def test_adding_a_recorded_copy_again_still_names_the_speeches_it_holds(
    library: Library, tmp_path: Path
) -> None:
    original = write(tmp_path / "a" / "讲话.txt", HEALTH)
    copy = write(tmp_path / "b" / "讲话-副本.txt", HEALTH)
    add(library, original)
    assert add(library, copy) == [("same_file", "关于离休干部医疗保障的讲话")]
    assert add(library, copy) == [("same_file", "关于离休干部医疗保障的讲话")]  # not an empty report
    assert titles(library) == ["关于离休干部医疗保障的讲话"]


# speech-like text: words of the domain in any order (a real text, not one character repeated)
_PHRASES = (
    "离休干部",
    "体检规定",
    "老年大学",
    "慰问金标准",
    "每人",
    "一千五百元",
    "党支部",
    "组织生活",
    "落实",
    "要求",
)
_TEXT = st.lists(st.sampled_from(_PHRASES), min_size=4, max_size=40)


@settings(max_examples=100, deadline=None)
@given(_TEXT, st.dictionaries(st.integers(0, 40), st.integers(1, 9999), max_size=5))
def test_page_numbers_put_between_the_lines_never_change_what_a_text_says(
    words: list[str], marks: dict[int, int]
) -> None:
    exported = list(words)
    for at in sorted({at % (len(words) + 1) for at in marks}, reverse=True):  # one number per line break
        exported.insert(at, str(marks.get(at, 7)))
    text, copy = "".join(words), "".join(exported)
    assert identity.same_content(text, copy) and identity.same_content(copy, text)


@settings(max_examples=100, deadline=None)
@given(_TEXT, st.integers(0, 399), st.sampled_from("0123456789奖补贴"))
def test_one_character_replaced_is_a_change_of_content(words: list[str], at: int, new: str) -> None:
    text = "".join(words)
    at %= len(text)
    changed = text[:at] + new + text[at + 1 :]
    assert identity.same_content(text, changed) == (changed == text)


# -- another version, or another notice of one template (identity.kinship) ---------------------------------

_TITLE_TEXT = st.text(
    alphabet="关于老干部活动中心年度体检通知讲话安排读书会门球比赛的", min_size=4, max_size=24
)
_MARKS = st.sampled_from(
    ["（修改稿）", "（征求意见稿）", "（定稿）", "【更正】", "（第二稿）", "(修订版)", "修改稿", "（存档）"]
)
_DATES = st.one_of(st.none(), st.dates().map(lambda d: f"{2000 + d.year % 30}-{d.month:02d}-{d.day:02d}"))
_SENTENCES = st.lists(
    st.text(alphabet="离退休干部活动中心开放报名电话联系人月日时", min_size=6, max_size=20), max_size=8
)


@settings(max_examples=200, deadline=None)
@given(_TITLE_TEXT, _MARKS, _MARKS)
def test_a_version_mark_never_changes_what_a_title_is(title: str, mark: str, other: str) -> None:
    core = identity.core_title(title)
    assert identity.core_title(title + mark) == core
    assert identity.core_title(title + mark + other) == core
    assert identity.core_title(core) == core  # idempotent


@settings(max_examples=200, deadline=None)
@given(_TITLE_TEXT, _TITLE_TEXT, _DATES, _DATES, _SENTENCES, _SENTENCES, st.floats(0.5, 1.0))
def test_kinship_follows_what_differs_whatever_the_shared_share(
    a: str, b: str, day_a: str | None, day_b: str | None, mine: list[str], theirs: list[str], share: float
) -> None:
    """The same 文号: versions; two 文号: two documents; one title (version marks aside): versions — whatever the
    overlap, the dates and the library's boilerplate. Two titles and two months: another notice of the template."""
    template = frozenset(mine[:2])
    same_number = identity.kinship(
        identity.Particulars(a, day_a, "温老干〔2025〕9号"),
        identity.Particulars(b, day_b, "温老干〔2025〕9号"),
        share,
        mine,
        theirs,
        template,
    )
    assert same_number.kind == "version" and same_number.why is identity.KinshipBy.SAME_NUMBER
    numbered = identity.kinship(
        identity.Particulars(a, day_a, "温老干〔2025〕9号"),
        identity.Particulars(a, day_b, "温老干〔2025〕12号"),
        share,
        mine,
        theirs,
        template,
    )
    assert numbered.kind == "template" and not numbered.older
    assert numbered.why is identity.KinshipBy.OTHER_NUMBER
    revised = identity.kinship(
        identity.Particulars(a + "（修改稿）", day_a),
        identity.Particulars(a, day_b),
        share,
        mine,
        theirs,
        template,
    )
    assert revised.kind == "version"
    assert revised.older == bool(day_a and day_b and day_a < day_b)
    if identity.core_title(a) != identity.core_title(b) and day_a and day_b and day_a[:7] != day_b[:7]:
        other_month = identity.kinship(
            identity.Particulars(a, day_a), identity.Particulars(b, day_b), share, mine, theirs, template
        )
        assert other_month.kind == "template" and other_month.why is identity.KinshipBy.OTHER_MONTH


@settings(max_examples=100, deadline=None)
@given(st.lists(_SENTENCES, max_size=6), st.integers(1, 4))
def test_a_template_sentence_is_one_found_in_at_least_that_many_documents(
    docs: list[list[str]], least: int
) -> None:
    found = identity.template_sentences(docs, least)
    for sentence in {s for d in docs for s in d}:
        assert (sentence in found) == (sum(sentence in d for d in docs) >= least)


def test_boilerplate_shared_with_the_library_does_not_make_two_notices_versions() -> None:
    """Two notices of one month with different titles (no date to tell them apart by): what they share is the
    boilerplate three documents hold, so they are not versions; with only the two of them it would be."""
    boilerplate = ["活动中心每周二至周日开放阅览室棋牌室照常使用", "报名和咨询请联系活动中心文体干事电话"]
    a = [*boilerplate, "书法展定于三月十日在一楼展厅举行"]
    b = [*boilerplate, "太极拳比赛定于三月二十日在体育馆举行"]
    third = [*boilerplate, "春节联欢会定于一月二十日举行"]
    sep = (
        identity.Particulars("关于书法展的通知", "2025-03"),
        identity.Particulars("关于太极拳比赛的通知", "2025-03"),
    )
    alone = identity.kinship(*sep, 0.6, a, b, identity.template_sentences([a, b]))
    with_library = identity.kinship(*sep, 0.6, a, b, identity.template_sentences([a, b, third]))
    assert alone.kind == "version" and with_library.kind == "template"
    assert (alone.why, with_library.why) == (identity.KinshipBy.OWN_TEXT, identity.KinshipBy.TEMPLATE_TEXT)
    # worded by the front ends, in the words `add` has always said
    assert [kinship_reason(k.why) for k in (alone, with_library)] == [
        "模板以外的内容大部分相同",
        "相同的多是模板套话",
    ]
    assert {kinship_reason(by) for by in identity.KinshipBy} == {
        "文号相同",
        "文号不同",
        "标题相同",
        "日期在不同月份、标题不同",
        "模板以外的内容大部分相同",
        "相同的多是模板套话",
    }
    assert with_library.own_overlap < alone.own_overlap
