"""index.library over .zip archives (real SQLite, FAISS and bm25s, the fake embedder): each document in an
archive is stored as that file alone would be, a member that cannot be read stops nothing, and — a property —
every supported member's sentences are in the library once after the add, none twice, whatever the members'
order, folders, encodings, copies and litter, and however often the archive is added."""

from __future__ import annotations

import io
import tempfile
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus import read_bytes
from index import Library, archive_tallies
from retrieval import archive_summary

from .fakes import FakeEmbedder

UNITS = ("市委老干部局", "市财政局", "市卫健委", "各区县委组织部", "老年大学", "各街道办事处")
TASKS = ("健康体检", "走访慰问", "学习教育", "活动阵地建设", "志愿服务", "生活待遇落实")


def sentence(n: int) -> str:
    """A body sentence no other n gives (the numbers spelled as digits keep each one unique)."""
    return f"第{n}项{TASKS[n % len(TASKS)]}工作由{UNITS[n % len(UNITS)]}负责，务必在{n % 12 + 1}月底前完成。"


def notice(n: int, sentences: list[int]) -> str:
    body = "\n".join(sentence(k) for k in sentences)
    return f"关于做好第{n}批{TASKS[n % len(TASKS)]}工作的通知\n各有关单位：\n{body}\n"


def passages_text(library: Library) -> str:
    return "\n".join(p.text for p in library.store.passages())


def archive_bytes(entries: list[tuple[str, bytes]]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            archive.writestr(name, data)
    return out.getvalue()


FOLDERS = st.lists(st.sampled_from(["通知", "附件", "2027年", "材料", "转发"]), max_size=3).map("/".join)


@st.composite
def archives(draw: st.DrawFn) -> tuple[list[tuple[str, bytes]], list[list[int]]]:
    """Members: 1-4 notices (each 2-4 sentences of its own) in folders of any depth, as UTF-8 or GBK text,
    in any order, some copied into a second folder, with a drawing and macOS's litter among them."""
    count = draw(st.integers(1, 4))
    first = draw(st.integers(0, 500))
    sizes = [draw(st.integers(2, 4)) for _ in range(count)]
    bodies, start = [], first
    for size in sizes:
        bodies.append(list(range(start, start + size)))
        start += size
    entries = []
    for n, body in enumerate(bodies):
        folder = draw(FOLDERS)
        name = f"{folder}/通知{n}.txt" if folder else f"通知{n}.txt"
        data = notice(first + n, body).encode(draw(st.sampled_from(["utf-8", "gbk"])))
        entries.append((name, data))
        if draw(st.booleans()):  # the same file in another folder: its bytes, stored once
            entries.append((f"副本/{name}", data))
    if draw(st.booleans()):
        entries.append(("流程图.vsdx", b"PK\x03\x04 a drawing"))
    if draw(st.booleans()):
        entries += [("__MACOSX/._通知0.txt", b"\x00\x05\x16\x07"), (".DS_Store", b"\x00\x00\x00\x01Bud1")]
    return draw(st.permutations(entries)), bodies


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(archives(), st.booleans(), st.integers(1, 2))
def test_every_member_s_sentences_are_in_the_library_once_whatever_the_archive(
    drawn: tuple[list[tuple[str, bytes]], list[list[int]]], in_a_folder: bool, times: int
) -> None:
    entries, bodies = drawn
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "收到的材料"
        folder.mkdir()
        archive = folder / "附件.zip"
        archive.write_bytes(archive_bytes(entries))
        library = Library(Path(scratch) / "home")
        try:
            for _ in range(times):
                outcomes = library.add_paths([folder if in_a_folder else archive], FakeEmbedder())
            text = passages_text(library)
            for body in bodies:
                for k in body:
                    assert text.count(sentence(k)) == 1, (sentence(k), entries)
            assert not [o.error for o in outcomes if o.error]
            (tally,) = archive_tallies(outcomes)
            assert tally.name == str(archive.resolve())
            if times == 2:  # added again: nothing new
                assert tally.added == ()
        finally:
            library.close()


def test_a_member_that_cannot_be_read_stops_nothing_and_is_named(tmp_path: Path) -> None:
    archive = tmp_path / "材料.zip"
    archive.write_bytes(
        archive_bytes(
            [
                ("a/通知1.txt", notice(1, [1, 2]).encode("gbk")),
                ("a/坏的.docx", b"PK\x03\x04 cut short"),
                ("a/空的.txt", b""),
                ("b/通知2.txt", notice(2, [3, 4]).encode()),
                ("图.dwg", b"x"),
            ]
        )
    )
    library = Library(tmp_path / "home")
    try:
        outcomes = library.add_paths([archive], FakeEmbedder())
        named = {o.member: o for o in outcomes}
        assert [o.member for o in outcomes] == [
            "a/通知1.txt",
            "a/坏的.docx",
            "a/空的.txt",
            "b/通知2.txt",
            "图.dwg",
        ]
        assert named["a/坏的.docx"].error is not None and named["a/坏的.docx"].error.startswith(
            "材料.zip › a/坏的.docx"
        )
        assert named["a/空的.txt"].error == "文件是空的：材料.zip › a/空的.txt"
        assert named["图.dwg"].skipped == "不支持这种文件类型"
        assert named["b/通知2.txt"].path == f"{archive} › b/通知2.txt"
        (tally,) = archive_tallies(outcomes)
        assert tally.added == ("a/通知1.txt", "b/通知2.txt")
        assert tally.failed == ("a/坏的.docx", "a/空的.txt")
        assert (
            archive_summary(tally)
            == f"{archive}：共 5 个文件，新增或更新 2 个，跳过 1 个，没有读入 2 个（见上）"
        )
        assert all(sentence(k) in passages_text(library) for k in (1, 2, 3, 4))
        sources = sorted(s.path for s in library.store.speeches())
        assert sources == [f"{archive} › a/通知1.txt", f"{archive} › b/通知2.txt"]
    finally:
        library.close()


def test_an_edited_archive_updates_its_member_in_place_and_a_copy_unzipped_is_known(tmp_path: Path) -> None:
    """The identity rule, as for files: a member edited in a new version of the archive is its speech's new
    version (same id); the same file unzipped and added beside it is the same bytes (no second speech)."""
    archive = tmp_path / "材料.zip"
    archive.write_bytes(archive_bytes([("通知.txt", notice(1, [1, 2, 3]).encode())]))
    library = Library(tmp_path / "home")
    try:
        (first,) = library.add_paths([archive], FakeEmbedder())
        edited = notice(1, [1, 2, 3]).replace("务必在2月底前完成", "务必在3月10日前完成")
        archive.write_bytes(archive_bytes([("通知.txt", edited.encode())]))
        (again,) = library.add_paths([archive], FakeEmbedder())
        assert (
            again.speeches[0].status == "updated"
            and again.speeches[0].speech_id == first.speeches[0].speech_id
        )
        unzipped = tmp_path / "通知.txt"
        unzipped.write_bytes(edited.encode())
        (copy,) = library.add_paths([unzipped], FakeEmbedder())
        assert copy.speeches[0].status == "same_file"
        assert len(library.store.speeches()) == 1
    finally:
        library.close()


def test_an_archive_sent_again_is_known_file_by_file_and_an_edited_file_is_as_if_sent_alone(
    tmp_path: Path,
) -> None:
    """A .zip sent to the bot (bytes, no path): a member is an upload named 「附件.zip › inner」, whose earlier
    uploads under that name are its earlier versions, as for a file sent alone: unchanged files are known, an
    edited one is what the same file sent again alone is (here: added, named as close to the stored one, which
    the bot offers to remove — an upload's speech is replaced only by a near-identical one)."""
    first = notice(1, list(range(1, 9))).encode()
    edited = first.decode().replace("务必在2月底前完成", "务必在2月20日前完成").encode()
    other = notice(2, [10, 11]).encode()
    alone = Library(tmp_path / "alone")
    try:
        alone.add_documents([read_bytes("附件.zip › 通知.txt", first)], FakeEmbedder())
        (expected,) = alone.add_documents([read_bytes("附件.zip › 通知.txt", edited)], FakeEmbedder())
    finally:
        alone.close()
    library = Library(tmp_path / "home")
    try:
        sent = library.add_archive(
            "附件.zip", archive_bytes([("通知.txt", first), ("其他.txt", other)]), FakeEmbedder()
        )
        again = library.add_archive(
            "附件.zip", archive_bytes([("通知.txt", edited), ("其他.txt", other)]), FakeEmbedder()
        )
        assert [o.name for o in again] == ["附件.zip › 通知.txt", "附件.zip › 其他.txt"]
        assert [(s.status, s.similar_to is not None) for s in again[0].speeches] == [
            (s.status, s.similar_to is not None) for s in expected.speeches
        ]
        assert again[0].speeches[0].similar_to == sent[0].speeches[0].speech_id
        assert again[1].speeches[0].status == "unchanged"
        assert {s.source for s in library.store.speeches()} == {"附件.zip › 通知.txt", "附件.zip › 其他.txt"}
    finally:
        library.close()
