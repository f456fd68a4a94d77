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
from hypothesis import given, settings
from hypothesis import strategies as st

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


# review of mail66 (docs/mail66.md, "Review fixes")


def test_an_empty_thunderbird_folder_is_an_empty_mailbox(tmp_path: Path) -> None:
    # defect 2: an emptied 「Trash」 (0 bytes, its .msf beside it) was refused as 不支持的文件类型
    folder = _profile(tmp_path)
    for name in ("Trash", "Unsent Messages"):
        (folder / name).write_bytes(b"")
        (folder / f"{name}.msf").write_bytes(MORK)
        assert is_mail_folder(folder / name)
    # in a folder: passed over without a word, as its .msf is
    assert [p.name for p in iter_speech_files([folder])] == ["Inbox"]
    assert sorted(p.name for p in skipped_files(folder).unsupported) == ["Notes", "README"]
    # named alone: the empty mailbox's own line, as for an empty .mbox
    for name in ("Trash", "Unsent Messages"):
        with pytest.raises(CorpusError, match=f"^{name} 中没有邮件"), open_archive(name, folder / name):
            pass
    library = Library(tmp_path / "home")
    try:
        outcomes = library.add_paths([folder], FakeEmbedder())
        assert [o.path for o in outcomes] == [
            f"{folder / 'Inbox'} › {DRUMS}.eml",
            f"{folder / 'Inbox'} › {HAIRCUT}.eml",
        ]
        assert all(o.error is None for o in outcomes)
    finally:
        library.close()


def test_a_text_opening_from_with_an_msf_beside_it_is_no_mailbox(tmp_path: Path) -> None:
    # defect 5: a draft saved as text (「From 县委老干部局的通知」, no header under it) beside an .msf was opened
    # as a mailbox, its text then refused as 「其实是纯文本文件」; it is refused as before, as its format is unknown
    folder = _profile(tmp_path)
    (folder / "Drafts").write_text("From 县委老干部局的通知\n请各支部按时参加。\n", encoding="utf-8")
    (folder / "Drafts.msf").write_bytes(MORK)
    assert not is_mail_folder(folder / "Drafts")
    with pytest.raises(CorpusError, match="不支持的文件类型"):
        read_document(folder / "Drafts")
    # the same line over a mail's header: Thunderbird's own 「From - …」 line, or mailbox's 「From MAILER-DAEMON」
    (folder / "Drafts").write_bytes(b"From - Mon Mar 12 09:00:00 2035\r\nX-Mozilla-Status: 0001\r\n\r\n")
    assert is_mail_folder(folder / "Drafts")
    assert is_mail_folder(folder / "Inbox")


@settings(max_examples=40, deadline=None)
@given(
    name=st.text(alphabet="0123456789.- _abcXYZ收件箱归档工作", min_size=1, max_size=12).filter(
        lambda n: n.strip() == n and n not in (".", "..") and "/" not in n
    )
)
def test_any_thunderbird_folder_is_the_archive_of_its_members(tmp_path_factory, name: str) -> None:  # type: ignore[no-untyped-def]
    # property (defect 3): whatever the folder's name (「2035.03」, 「v1.2 归档」), a member's stored path
    # names it as its archive when `is_mail_folder` reads it
    folder = tmp_path_factory.mktemp("lf")
    path = folder / name
    shutil.copy(THUNDERBIRD, path)
    path.with_name(name + ".msf").write_bytes(MORK)
    if is_mail_folder(path):
        with open_archive(name, path, path=str(path)) as archive:
            for member in archive.members:
                assert archive_of(archive.read(member).path) == str(path)


def test_mails_of_a_dotted_folder_added_again_from_another_stay_where_they_are(tmp_path: Path) -> None:
    # defect 3: 「2035.03」's mails, then 「Archive」 holding the same ones: mail66 did not see 「2035.03」 as the
    # mails' folder, found their path 「…/2035.03 › ….eml」 gone and moved them to 「Archive」
    folder = tmp_path / "Local Folders"
    folder.mkdir()
    for name in ("2035.03", "Archive"):
        shutil.copy(THUNDERBIRD, folder / name)
        (folder / f"{name}.msf").write_bytes(MORK)
    library = Library(tmp_path / "home")
    try:
        first = library.add_paths([folder / "2035.03"], FakeEmbedder())
        ids = [s.speech_id for o in first for s in o.speeches]
        again = library.add_paths([folder / "Archive"], FakeEmbedder())
        assert [s.status for o in again for s in o.speeches] == ["same_file"] * 2  # copies, recorded beside
        for speech_id in ids:
            source = library.store.source_of(speech_id)
            assert source is not None and archive_of(source.path) == str(folder / "2035.03")
    finally:
        library.close()
