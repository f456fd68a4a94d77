"""index.library: building, loading and guarding the index on disk, with the fake embedder."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import faiss
import numpy as np
import pytest

from corpus import Document, read_bytes
from index import (
    LEXICAL_TEXT_VERSION,
    HomeFull,
    IndexCorrupt,
    IndexMismatch,
    IndexNotBuilt,
    LexicalIndex,
    Library,
    StoreCorrupt,
    WriterBusy,
    lexical_input,
)
from index import library as library_module

from .fakes import FailingEmbedder, FakeEmbedder

HEALTH = """关于离休干部医疗保障的讲话
（2024年4月1日）
同志们：
要落实好离休干部每年一次体检的规定，千方百计为离休干部看病治疗提供更多的方便。
医疗费用要按规定及时报销，不得拖欠。
各地要建立离休干部健康档案，做到一人一档。
"""

CULTURE = """关于老年大学建设的讲话
同志们：
老年大学要坚持办学方向，开设书法、绘画、摄影等课程。
要加强师资队伍建设，聘请有经验的老师授课。
"""

EDUCATION = """关于离退休干部党建工作的讲话
同志们：
要加强离退休干部党支部建设，选优配强支部班子。
要认真执行“三会一课”制度，组织老同志学习党的创新理论。
要发挥老党员先锋模范作用，引导老同志为社会作贡献。
"""


def write(folder: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = folder / name
    path.write_bytes(text.encode(encoding))
    return path


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    library = Library(tmp_path / "home")
    yield library
    library.close()


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    folder = tmp_path / "files"
    folder.mkdir()
    return {
        "health": write(folder, "医疗.txt", HEALTH, "gbk"),
        "culture": write(folder, "老年大学.txt", CULTURE),
        "education": write(folder, "党建.txt", EDUCATION),
    }


def current_folder(library: Library) -> Path:
    return library.index_root / (library.index_root / "CURRENT").read_text().strip()


def test_build_indexes_every_passage(
    library: Library, files: dict[str, Path], fake_embedder: FakeEmbedder
) -> None:
    outcomes = library.add_paths([files["health"], files["culture"]])
    assert [(o.name, [s.status for s in o.speeches], o.error) for o in outcomes] == [
        ("医疗.txt", ["added"], None),
        ("老年大学.txt", ["added"], None),
    ]
    report = library.build(fake_embedder)
    passages = library.store.passages()
    assert report.manifest.count == len(passages) == 5
    assert report.manifest.model == "fake-bigram"
    assert report.manifest.dim == 64
    assert report.manifest.revision == library.store.revision
    assert report.embedded == 5
    loaded = library.load(fake_embedder.key)
    assert loaded.vectors.count == loaded.lexical.size == 5


def test_faiss_ids_are_the_sqlite_passage_ids(
    library: Library, files: dict[str, Path], fake_embedder: FakeEmbedder
) -> None:
    library.add_paths(list(files.values()))
    library.store.remove_speech(library.store.speeches()[0].id)  # leave a gap in the ids
    library.build(fake_embedder)
    loaded = library.load(fake_embedder.key)
    passages = library.store.passages()
    assert passages[0].id > 1
    expected = fake_embedder.embed_batch([p.text for p in passages], "passage")
    for passage, vector in zip(passages, expected, strict=True):
        np.testing.assert_allclose(loaded.vectors.index.reconstruct(passage.id), vector, rtol=1e-6)
        assert loaded.vectors.search(vector, 1)[0][0] == passage.id
    assert sorted(int(i) for i in loaded.lexical.ids) == [p.id for p in passages]


def test_adding_the_same_file_twice_embeds_nothing_the_second_time(
    library: Library, files: dict[str, Path], fake_embedder: FakeEmbedder
) -> None:
    library.add_paths([files["health"]])
    library.build(fake_embedder)
    embedded = fake_embedder.passages_embedded
    outcomes = library.add_paths([files["health"]])
    assert [s.status for s in outcomes[0].speeches] == ["unchanged"]
    assert not library.is_stale()
    report = library.build(fake_embedder)
    assert report.embedded == 0
    assert fake_embedder.passages_embedded == embedded


def test_adding_a_new_file_embeds_only_its_passages(
    library: Library, files: dict[str, Path], fake_embedder: FakeEmbedder
) -> None:
    library.add_paths([files["health"], files["culture"]])
    library.build(fake_embedder)
    before = fake_embedder.passages_embedded
    library.add_paths([files["education"]])
    assert library.is_stale()
    report = library.build(fake_embedder)
    new_passages = library.store.passages(library.store.speeches()[-1].id)
    assert report.embedded == len(new_passages) == 3
    assert fake_embedder.passages_embedded - before == 3
    assert report.manifest.count == 8


def test_a_traditional_script_speech_is_embedded_once_when_added_and_not_again_when_built(
    library: Library, tmp_path: Path, fake_embedder: FakeEmbedder
) -> None:
    path = write(
        tmp_path,
        "醫療.txt",
        "關於離休幹部醫療保障的講話\n同志們：\n要落實好離休幹部每年一次體檢的規定。\n醫療費用要按規定及時報銷。\n",
    )
    library.add_paths([path], embedder=fake_embedder)
    passages = library.store.passages()
    assert fake_embedder.passages_embedded == len(passages) > 0
    assert library.build(fake_embedder).embedded == 0
    assert fake_embedder.passages_embedded == len(passages)


def test_an_edited_file_embeds_only_its_changed_passages(
    library: Library, tmp_path: Path, fake_embedder: FakeEmbedder
) -> None:
    path = write(tmp_path, "医疗.txt", HEALTH)
    library.add_paths([path])
    library.build(fake_embedder)
    write(tmp_path, "医疗.txt", HEALTH.replace("不得拖欠", "不得拖欠，也不得打折扣"))
    [outcome] = library.add_paths([path])
    assert [s.status for s in outcome.speeches] == ["updated"]
    assert library.build(fake_embedder).embedded == 1


def test_building_an_empty_library_gives_an_empty_index(
    library: Library, fake_embedder: FakeEmbedder
) -> None:
    report = library.build(fake_embedder)
    assert report.manifest.count == 0
    loaded = library.load(fake_embedder.key)
    assert loaded.vectors.search(np.ones(64, dtype=np.float32), 5) == []
    assert loaded.lexical.search("离休干部", 5) == []


def test_unreadable_files_are_reported_and_the_rest_added(
    library: Library, files: dict[str, Path], tmp_path: Path
) -> None:
    binary = tmp_path / "files" / "坏文件.txt"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    empty_folder = tmp_path / "empty"
    empty_folder.mkdir()
    outcomes = library.add_paths([binary, files["culture"], empty_folder, tmp_path / "missing.txt"])
    errors = [o.error for o in outcomes if o.error]
    assert len(errors) == 3
    assert any("坏文件.txt" in e for e in errors)
    assert any("文件夹中没有" in e for e in errors)
    assert any("找不到文件" in e for e in errors)
    assert [s.title for o in outcomes for s in o.speeches] == ["关于老年大学建设的讲话"]


def test_documents_can_be_added_without_files(library: Library, fake_embedder: FakeEmbedder) -> None:
    outcomes = library.add_documents(
        [Document("上传.txt", CULTURE, "utf-8"), Document("空白.txt", "只有标题", "utf-8")]
    )
    assert [s.status for s in outcomes[0].speeches] == ["added"]
    assert outcomes[1].error is not None and "空白.txt" in outcomes[1].error


# -- the index on disk --------------------------------------------------------------------------------


def test_loading_before_any_build_raises_index_not_built(library: Library) -> None:
    assert library.manifest() is None
    assert library.is_stale()
    with pytest.raises(IndexNotBuilt, match="speechqa rebuild"):
        library.load("fake-bigram")


def test_an_index_built_with_another_model_raises_index_mismatch(
    library: Library, files: dict[str, Path]
) -> None:
    library.add_paths([files["health"]])
    library.build(FakeEmbedder(key="model-a"))
    with pytest.raises(IndexMismatch) as caught:
        library.load("model-b")
    message = str(caught.value)
    assert "model-a" in message and "model-b" in message
    assert "speechqa rebuild" in message


@pytest.mark.parametrize("damage", ["truncated", "garbage", "empty"])
def test_a_damaged_vectors_file_raises_index_corrupt(
    library: Library, files: dict[str, Path], fake_embedder: FakeEmbedder, damage: str
) -> None:
    library.add_paths([files["health"]])
    library.build(fake_embedder)
    path = current_folder(library) / "vectors.faiss"
    data = path.read_bytes()
    path.write_bytes(
        {"truncated": data[: len(data) // 2], "garbage": b"not a faiss index" * 10, "empty": b""}[damage]
    )
    with pytest.raises(IndexCorrupt, match="speechqa rebuild"):
        library.load(fake_embedder.key)


def test_a_foreign_vectors_file_raises_index_corrupt(
    library: Library, files: dict[str, Path], fake_embedder: FakeEmbedder
) -> None:
    library.add_paths([files["health"]])
    library.build(fake_embedder)
    foreign = faiss.IndexFlatIP(32)  # a valid FAISS file, but not this index's dimension or count
    foreign.add(np.eye(32, dtype=np.float32))
    faiss.write_index(foreign, str(current_folder(library) / "vectors.faiss"))
    with pytest.raises(IndexCorrupt, match="不符"):
        library.load(fake_embedder.key)


def test_a_damaged_manifest_raises_index_corrupt(
    library: Library, files: dict[str, Path], fake_embedder: FakeEmbedder
) -> None:
    library.add_paths([files["health"]])
    library.build(fake_embedder)
    (current_folder(library) / "manifest.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(IndexCorrupt, match=r"manifest\.json"):
        library.load(fake_embedder.key)


def test_a_current_pointer_to_nowhere_raises_index_corrupt(
    library: Library, fake_embedder: FakeEmbedder
) -> None:
    library.build(fake_embedder)
    (library.index_root / "CURRENT").write_text("gen-000099-deleted", encoding="utf-8")
    with pytest.raises(IndexCorrupt, match="CURRENT"):
        library.load(fake_embedder.key)


def test_a_damaged_lexical_index_raises_index_corrupt(
    library: Library, files: dict[str, Path], fake_embedder: FakeEmbedder
) -> None:
    library.add_paths([files["health"]])
    library.build(fake_embedder)
    (current_folder(library) / "lexical" / "ids.npy").write_bytes(b"garbage")
    with pytest.raises(IndexCorrupt, match="speechqa rebuild"):
        library.load(fake_embedder.key)


def test_the_manifest_on_disk_describes_the_index(
    library: Library, files: dict[str, Path], fake_embedder: FakeEmbedder
) -> None:
    library.add_paths([files["culture"]])
    library.build(fake_embedder)
    data = json.loads((current_folder(library) / "manifest.json").read_text(encoding="utf-8"))
    assert {k: data[k] for k in ("model", "dim", "count", "tokenizer", "vector_index")} == {
        "model": "fake-bigram",
        "dim": 64,
        "count": 2,
        "tokenizer": "char",
        "vector_index": "flat",
    }


def test_the_index_is_queried_with_the_tokenizer_it_was_built_with(
    tmp_path: Path, files: dict[str, Path], fake_embedder: FakeEmbedder
) -> None:
    builder = Library(tmp_path / "home", tokenizer="jieba")
    builder.add_paths([files["health"]])
    builder.build(fake_embedder)
    builder.close()
    reader = Library(tmp_path / "home")  # configured with the default tokenizer, "char"
    loaded = reader.load(fake_embedder.key)
    assert loaded.manifest.tokenizer == "jieba"
    assert "离休干部" in loaded.lexical.tokenize("离休干部体检")
    assert loaded.lexical.search("体检", 3)
    reader.close()


def lexical_results(library: Library, key: str) -> dict[str, list[tuple[int, float]]]:
    lexical = library.load(key).lexical
    return {
        q: [(doc, round(score, 5)) for doc, score in lexical.search(q, 10)]
        for q in ("离休干部体检", "老年大学课程", "党支部建设", "老同志")
    }


def test_an_incremental_build_gives_the_same_lexical_index_as_a_fresh_one(
    library: Library, files: dict[str, Path], fake_embedder: FakeEmbedder
) -> None:
    library.add_paths([files["health"], files["culture"]])
    library.build(fake_embedder)
    library.add_paths([files["education"]])
    removed = {p.id for p in library.store.passages(library.store.speeches()[0].id)}
    library.store.remove_speech(library.store.speeches()[0].id)
    library.build(fake_embedder)
    incremental = lexical_results(library, fake_embedder.key)
    library.build(fake_embedder, fresh=True)
    assert lexical_results(library, fake_embedder.key) == incremental
    assert incremental["党支部建设"]
    assert not removed & {doc for hits in incremental.values() for doc, _ in hits}


def test_damaged_term_counts_of_the_live_generation_only_make_the_next_build_slower(
    library: Library, files: dict[str, Path], fake_embedder: FakeEmbedder
) -> None:
    library.add_paths([files["health"]])
    library.build(fake_embedder)
    (current_folder(library) / "lexical" / "counts.npz").write_bytes(b"")  # truncated to nothing
    library.add_paths([files["education"]])
    library.build(fake_embedder)
    incremental = lexical_results(library, fake_embedder.key)
    library.build(fake_embedder, fresh=True)
    assert lexical_results(library, fake_embedder.key) == incremental
    assert incremental["离休干部体检"] and incremental["党支部建设"]


def scramble_counts(folder: Path) -> None:
    """Give the saved term counts the wrong terms (a valid file, as an older tokenizer might have left)."""
    terms_file = folder / "lexical" / "terms.json"
    terms = json.loads(terms_file.read_text(encoding="utf-8"))
    terms_file.write_text(json.dumps(terms[1:] + terms[:1], ensure_ascii=False), encoding="utf-8")


@pytest.mark.parametrize("tokenizer_changed", [True, False])
def test_counts_are_reused_only_under_the_same_tokenizer_version(
    library: Library, files: dict[str, Path], fake_embedder: FakeEmbedder, tokenizer_changed: bool
) -> None:
    library.add_paths([files["health"]])
    library.build(fake_embedder)
    scramble_counts(current_folder(library))
    if tokenizer_changed:
        manifest_file = current_folder(library) / "manifest.json"
        manifest = json.loads(manifest_file.read_text(encoding="utf-8"))
        manifest_file.write_text(json.dumps({**manifest, "tokenizer_version": "older"}), encoding="utf-8")
    library.add_paths([files["education"]])
    library.build(fake_embedder)
    incremental = lexical_results(library, fake_embedder.key)
    library.build(fake_embedder, fresh=True)
    # the scrambled counts are the proof that they were (or were not) reused
    assert (lexical_results(library, fake_embedder.key) == incremental) is tokenizer_changed


def test_counts_of_another_tokenizer_are_not_reused(
    tmp_path: Path, files: dict[str, Path], fake_embedder: FakeEmbedder
) -> None:
    char = Library(tmp_path / "home")
    char.add_paths([files["health"]])
    char.build(fake_embedder)
    char.close()
    jieba = Library(tmp_path / "home", tokenizer="jieba")
    jieba.add_paths([files["education"]])
    jieba.build(fake_embedder)
    vocab = jieba.load(fake_embedder.key).lexical.vocab
    jieba.close()
    assert "离休干部" in vocab  # a jieba word from the first file: its passages were tokenised again


# -- crashes, leftovers and concurrent writers ---------------------------------------------------------


def test_a_crash_while_embedding_leaves_the_previous_index_intact(
    library: Library, files: dict[str, Path], fake_embedder: FakeEmbedder
) -> None:
    library.add_paths([files["culture"]])
    library.build(fake_embedder)
    before = library.manifest()
    generation = (library.index_root / "CURRENT").read_text()
    library.add_paths([files["health"], files["education"]])  # 6 new passages

    with pytest.raises(RuntimeError, match="simulated crash"):
        library.build(FailingEmbedder(fail_after=0))

    assert library.manifest() == before
    assert (library.index_root / "CURRENT").read_text() == generation
    loaded = library.load(fake_embedder.key)
    assert loaded.manifest.count == 2
    assert loaded.lexical.search("老年大学", 1)
    assert library.is_stale()

    report = library.build(fake_embedder)
    assert report.manifest.count == 8
    assert library.load(fake_embedder.key).lexical.search("体检", 1)


def test_passages_embedded_before_a_crash_are_not_embedded_again(
    library: Library, files: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(library_module, "EMBED_BATCH", 2)
    library.add_paths(list(files.values()))  # 8 passages
    crashing = FailingEmbedder(fail_after=4)
    with pytest.raises(RuntimeError):
        library.build(crashing)
    assert crashing.passages_embedded == 4
    retry = FakeEmbedder()
    assert library.build(retry).embedded == 4
    assert retry.passages_embedded == 4


def test_a_crash_while_writing_files_leaves_the_previous_index_loadable(
    library: Library, files: dict[str, Path], fake_embedder: FakeEmbedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    library.add_paths([files["culture"]])
    library.build(fake_embedder)
    library.add_paths([files["health"]])

    def disk_full(self: LexicalIndex, folder: Path) -> None:
        folder.mkdir(parents=True)
        (folder / "partial.bin").write_bytes(b"\0" * 10)
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(LexicalIndex, "save", disk_full)
        with pytest.raises(HomeFull, match="所在的磁盘空间不足"):
            library.build(fake_embedder)

    assert list(library.index_root.glob("*.tmp")) == []  # the half-written generation's space given back
    assert library.load(fake_embedder.key).manifest.count == 2
    library.build(fake_embedder)
    assert list(library.index_root.glob("*.tmp")) == []
    assert library.load(fake_embedder.key).manifest.count == 5


def test_leftover_temporary_generations_are_removed_by_the_next_build(
    library: Library, files: dict[str, Path], fake_embedder: FakeEmbedder
) -> None:
    library.add_paths([files["culture"]])
    library.build(fake_embedder)
    old = current_folder(library)
    leftover = library.index_root / "gen-000001-123.tmp"
    (leftover / "lexical").mkdir(parents=True)
    (leftover / "vectors.faiss").write_bytes(b"half written")
    library.add_paths([files["health"]])
    library.build(fake_embedder)
    previous = current_folder(library)
    library.add_paths([files["culture"], files["health"]])
    (library.home / "extra.txt").write_text("第一段讲话内容。", encoding="utf-8")
    library.add_paths([library.home / "extra.txt"])
    library.build(fake_embedder)
    generations = sorted(p.name for p in library.index_root.iterdir() if p.is_dir())
    # the live generation and the one before it (a reader may still be opening it); nothing older
    assert generations == sorted([current_folder(library).name, previous.name])
    assert not leftover.exists()
    assert not old.exists()


def test_a_generation_never_pointed_at_does_not_displace_the_one_that_was_live(
    library: Library, files: dict[str, Path], fake_embedder: FakeEmbedder
) -> None:
    """A build killed between renaming its folder and swapping CURRENT leaves a finished generation
    nobody serves; the next build keeps the one that was live (a reader may be opening it), not that."""
    library.add_paths([files["culture"]])
    library.build(fake_embedder)
    live = current_folder(library)
    orphan = library.index_root / "gen-000009-999.tmp"
    shutil.copytree(live, orphan)
    orphan = orphan.rename(library.index_root / "gen-000009-999")  # renamed, CURRENT never swapped
    library.add_paths([files["health"]])
    library.build(fake_embedder)
    generations = sorted(p.name for p in library.index_root.iterdir() if p.is_dir())
    assert generations == sorted([current_folder(library).name, live.name])
    assert not orphan.exists()


def test_a_second_writer_is_refused_at_once(tmp_path: Path) -> None:
    first = Library(tmp_path / "home")
    second = Library(tmp_path / "home")
    with first.write_lock(), pytest.raises(WriterBusy, match="正在进行"), second.write_lock():
        pass
    with second.write_lock():  # released: the next writer gets it
        pass
    first.close()
    second.close()


def test_what_the_reader_could_not_read_reaches_the_file_outcome(library: Library) -> None:
    note = "第 2 页是扫描图片，未安装 OCR 组件，未能读取：pip install 'speechqa[ocr]'"
    [outcome] = library.add_documents([Document("通知.pdf", HEALTH, "pdf", notes=(note,))], FakeEmbedder())
    assert outcome.notes == (note,)
    assert outcome.speeches and outcome.speeches[0].status == "added"


ENROLMENT = """临江市老年大学2024年秋季招生简章
一、招生对象
本市户籍、身体健康、年龄在50至80周岁之间的离退休人员。
二、学制安排
学制为两年，每学年分春秋两个学期，每周上课一次。
三、收费标准
每门课程每学期收取学费200元，教材费按实收取。
"""

OPENING = """关于办好老年大学的讲话
同志们：
今天我们召开全市老年大学工作会议，老年大学是老同志学习的课堂，老年大学要办出特色。
各区老年大学要扩大办学规模，让更多老同志走进老年大学。
"""


def test_the_lexical_index_reads_the_speech_title_with_each_passage(
    library: Library, tmp_path: Path, fake_embedder: FakeEmbedder
) -> None:
    folder = tmp_path / "notices"
    folder.mkdir()
    library.add_paths([write(folder, "招生简章.txt", ENROLMENT), write(folder, "讲话.txt", OPENING)])
    library.build(fake_embedder)
    by_text = {p.text: p for p in library.store.passages()}
    answer = next(p for text, p in by_text.items() if text.startswith("学制为两年"))
    assert (
        "老年大学" not in answer.text and "老年大学" in answer.speech_title
    )  # the subject is only in the title
    assert lexical_input(answer.text, answer.section, answer.speech_title).startswith(answer.speech_title)
    hits = library.load(fake_embedder.key).lexical.search("老年大学学制几年", 3)
    assert hits[0][0] == answer.id  # not the speech that says 老年大学 four times but nothing of 学制


def test_a_title_repeated_as_the_heading_counts_once() -> None:
    assert lexical_input("正文。", "范廷颂", "范廷颂") == "范廷颂\n正文。"
    assert lexical_input("正文。", None, "标题") == "标题\n正文。"
    assert lexical_input("正文。", "一、总体要求", None) == "一、总体要求\n正文。"
    assert lexical_input("正文。", None, None) == "正文。"


def test_an_index_built_before_titles_were_read_is_stale_and_the_rebuild_reads_them(
    library: Library, files: dict[str, Path], fake_embedder: FakeEmbedder
) -> None:
    library.add_paths([files["health"], files["culture"]])
    library.build(fake_embedder)
    assert not library.is_stale()
    manifest = current_folder(library) / "manifest.json"
    data = json.loads(manifest.read_text(encoding="utf-8"))
    assert data["lexical_text"] == LEXICAL_TEXT_VERSION
    del data["lexical_text"]  # as an index written by an earlier release
    manifest.write_text(json.dumps(data), encoding="utf-8")
    assert library.is_stale()
    library.build(fake_embedder)
    assert not library.is_stale()
    assert library.load(fake_embedder.key).manifest.lexical_text == LEXICAL_TEXT_VERSION


def test_a_new_title_makes_the_index_stale_and_a_new_date_or_speaker_does_not(
    library: Library, files: dict[str, Path], fake_embedder: FakeEmbedder
) -> None:
    library.add_paths([files["culture"]])
    library.build(fake_embedder)
    speech = library.store.speeches()[0]
    library.store.edit_speech(speech.id, date="2024-05-01", speaker="李四")
    assert not library.is_stale()
    library.store.edit_speech(speech.id, title="银龄学堂讲话")
    assert library.is_stale()
    library.build(fake_embedder)
    first = library.store.passages(speech.id)[0]
    hits = library.load(fake_embedder.key).lexical.search("银龄学堂", 1)
    assert hits[0][0] == first.id  # found by the new title's words, which no passage text holds


def test_an_empty_database_is_refused_beside_an_index_and_made_a_library_without_one(tmp_path: Path) -> None:
    """A 0-byte speechqa.db with no index beside it is a first run killed as SQLite made the file: a new
    library. Beside a built index it is a lost database: refused (StoreCorrupt, saying what to do), untouched."""
    fresh = tmp_path / "新目录"
    fresh.mkdir()
    (fresh / "speechqa.db").write_bytes(b"")
    Library(fresh).close()
    assert (fresh / "speechqa.db").stat().st_size > 0

    home = tmp_path / "home"
    library = Library(home)
    library.add_documents(
        [read_bytes("讲话.txt", "关于老年大学的讲话\n老年大学要开设书法课程。\n".encode())], FakeEmbedder()
    )
    library.close()
    for side in ("speechqa.db-wal", "speechqa.db-shm"):
        (home / side).unlink(missing_ok=True)
    (home / "speechqa.db").write_bytes(b"")
    with pytest.raises(StoreCorrupt, match=r"资料库文件是空的（0 字节）.*speechqa recover.*speechqa restore"):
        Library(home)
    assert (home / "speechqa.db").stat().st_size == 0
