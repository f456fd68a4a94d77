"""A Thunderbird local folder with no extension (docs/mail66.md, item 5).

Thunderbird keeps each local folder as a mailbox file named as the folder is, with no extension (「Inbox」,
「已发送」), its index 「Inbox.msf」 beside it. main opened only a file named .mbox: 「Inbox」 was told as a file
of an unsupported format and 「Inbox.msf」 with it. Now a file with no extension is opened as a mailbox when its
.msf stands beside it and its first line is a 「From 」 line; the .msf is passed over without a word; any other
file with no extension is refused as before. Mailboxes: cold39's Thunderbird folder (its make_corpus.py) and
Python's ``mailbox.mbox``; the library real (SQLite, FAISS, bm25s), the embedder the fake.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from corpus import (
    CorpusError,
    archive_of,
    is_mail_folder,
    iter_speech_files,
    open_archive,
    read_document,
    skipped_files,
)
from index import Library, archive_tallies
from retrieval import archive_summary

from .fakes import FakeEmbedder
from .test_corpus_mbox import DRUMS, HAIRCUT, THUNDERBIRD, mail, written

# the start of a Mork file, as Thunderbird writes a folder's .msf
MORK = b'// <!-- <mdb:mork:z v="1.4"/> -->\n< <(a=c)> // (f=iso-8859-1)\n'


def _profile(tmp_path: Path) -> Path:
    """A profile's 「Local Folders」: 「Inbox」 (cold39's Thunderbird folder) and its .msf, 「Notes」 with a .msf but
    no 「From 」 line, 「README」 opening 「From 」 with no .msf beside it."""
    folder = tmp_path / "Local Folders"
    folder.mkdir()
    shutil.copy(THUNDERBIRD, folder / "Inbox")
    (folder / "Inbox.msf").write_bytes(MORK)
    (folder / "Notes").write_text("本文件夹的说明。\n", encoding="utf-8")
    (folder / "Notes.msf").write_bytes(MORK)
    (folder / "README").write_text("From the start, keep mail here.\n", encoding="utf-8")
    return folder


def test_only_a_folder_beside_its_msf_and_opening_with_from_is_a_mailbox(tmp_path: Path) -> None:
    folder = _profile(tmp_path)
    assert [p.name for p in folder.iterdir() if is_mail_folder(p)] == ["Inbox"]
    assert [p.name for p in iter_speech_files([folder])] == ["Inbox"]
    # main: 「Inbox」「Inbox.msf」「Notes」「Notes.msf」「README」 all named as files it cannot add
    assert sorted(p.name for p in skipped_files(folder).unsupported) == ["Notes", "README"]


def test_a_thunderbird_folder_reads_as_the_same_mailbox_named_mbox(tmp_path: Path) -> None:
    folder = _profile(tmp_path)
    inbox = folder / "Inbox"
    with open_archive("Inbox", inbox) as archive, open_archive(THUNDERBIRD.name, THUNDERBIRD) as named:
        assert [m.shown for m in archive.members] == [f"Inbox › {DRUMS}.eml", f"Inbox › {HAIRCUT}.eml"]
        for member, same in zip(archive.members, named.members, strict=True):
            document, alone = archive.read(member), named.read(same)
            assert document.text == alone.text and document.blocks == alone.blocks
    # a file with no extension that is no Thunderbird folder: refused as before, one Chinese line
    for name in ("Notes", "README"):
        with pytest.raises(CorpusError, match="不支持的文件类型"):
            read_document(folder / name)


def test_adding_a_profiles_folder_stores_each_mail_once(tmp_path: Path) -> None:
    folder = _profile(tmp_path)
    # a second folder written by Python's mailbox, as Thunderbird's 「已发送」 beside it
    sent = written(
        folder,
        [mail("关于召开老干部座谈会的通知", "各党支部：\n定于3月20日召开座谈会，请准时参加。")],
        "已发送",
    )
    (folder / "已发送.msf").write_bytes(MORK)
    library = Library(tmp_path / "home")
    try:
        outcomes = library.add_paths([folder], FakeEmbedder())
        assert [o.path for o in outcomes] == [
            f"{folder / 'Inbox'} › {DRUMS}.eml",
            f"{folder / 'Inbox'} › {HAIRCUT}.eml",
            f"{sent} › 关于召开老干部座谈会的通知.eml",
        ]
        assert {archive_of(o.path) for o in outcomes} == {str(folder / "Inbox"), str(sent)}
        summaries = [archive_summary(tally) for tally in archive_tallies(outcomes)]
        assert summaries == [
            f"{folder / 'Inbox'}：共 2 封邮件，新增或更新 2 封",
            f"{sent}：共 1 封邮件，新增或更新 1 封",
        ]
        stored = [(s.title, s.date) for s in library.store.speeches()]
        assert stored[:2] == [(DRUMS, "2035-03-12"), (HAIRCUT, "2035-03-15")]
        again = library.add_paths([folder], FakeEmbedder())
        assert [s.status for o in again for s in o.speeches] == ["unchanged"] * 3
    finally:
        library.close()
