"""index.library over mailbox files (.mbox; real SQLite, FAISS and bm25s, the fake embedder): each mail is
stored as the same mail saved as .eml and added alone would be, cited 「收件箱.mbox › subject.eml」; a mail that
cannot be read stops no other and is named by its subject; the same mail filed twice is stored once; the same
mailbox added again — as a file, as bytes sent to the bot, or with a mail appended, as a mail program's folder
grows — stores nothing twice. Mailboxes written by Python's `mailbox.mbox`, and cold39's Thunderbird folder."""

from __future__ import annotations

import shutil
from pathlib import Path

from corpus import read_bytes
from index import Library, archive_tallies
from retrieval import archive_summary

from .fakes import FakeEmbedder
from .test_corpus_mbox import DRUMS, HAIRCUT, NOTICE, THUNDERBIRD, mail, written

CUT = "各党支部：\n上门义剪每月一次，请提前一周预约。\n县委老干部局老干部服务中心\n2035年3月15日"


def test_each_mail_is_stored_as_the_same_eml_alone(tmp_path: Path) -> None:
    drums, cut = mail(DRUMS, NOTICE), mail(HAIRCUT, CUT)
    path = written(tmp_path, [drums, cut])
    alone = Library(tmp_path / "alone")
    library = Library(tmp_path / "home")
    try:
        for message in (drums, cut):
            alone.add_documents([read_bytes(f"{message['Subject']}.eml", message.as_bytes())], FakeEmbedder())
        outcomes = library.add_paths([path], FakeEmbedder())
        assert [o.member for o in outcomes] == [f"{DRUMS}.eml", f"{HAIRCUT}.eml"]
        assert [o.path for o in outcomes] == [f"{path} › {DRUMS}.eml", f"{path} › {HAIRCUT}.eml"]
        stored = [(s.title, s.date, s.issuer) for s in library.store.speeches()]
        assert stored == [(s.title, s.date, s.issuer) for s in alone.store.speeches()]
        assert stored[0][:2] == (DRUMS, "2035-03-12") and stored[1][:2] == (HAIRCUT, "2035-03-15")
        texts = sorted(p.text for p in library.store.passages())
        assert texts == sorted(p.text for p in alone.store.passages())
        (tally,) = archive_tallies(outcomes)
        assert archive_summary(tally) == f"{path}：共 2 封邮件，新增或更新 2 封"
    finally:
        alone.close()
        library.close()


def test_adding_again_stores_nothing_twice_and_a_new_mail_is_added(tmp_path: Path) -> None:
    """Added again unchanged: every mail known. A mail appended to the folder (Thunderbird's 收件箱 grows): the
    new mail added, the others known. The same mail filed twice (same Message-ID): stored once."""
    path = written(tmp_path, [mail(DRUMS, NOTICE, message_id="<d@example.cn>")])
    library = Library(tmp_path / "home")
    try:
        library.add_paths([path], FakeEmbedder())
        again = library.add_paths([path], FakeEmbedder())
        assert [s.status for o in again for s in o.speeches] == ["unchanged"]
        written(tmp_path, [mail(DRUMS, NOTICE, message_id="<d@example.cn>"), mail(HAIRCUT, CUT)])
        grown = library.add_paths([path], FakeEmbedder())
        assert [o.skipped for o in grown] == [
            None,
            "与邮箱中前面的一封邮件是同一封（Message-ID 相同），只读取了前一封",
            None,
        ]
        assert [s.status for o in grown for s in o.speeches] == ["unchanged", "added"]
        assert sorted(s.title for s in library.store.speeches()) == sorted([DRUMS, HAIRCUT])
        (tally,) = archive_tallies(grown)
        assert archive_summary(tally) == f"{path}：共 3 封邮件，新增或更新 1 封，已在资料库中 1 封，跳过 1 封"
    finally:
        library.close()


def test_a_mail_that_cannot_be_read_is_named_by_its_subject_and_the_rest_added(tmp_path: Path) -> None:
    path = written(tmp_path, [mail(DRUMS, NOTICE)])
    path.write_bytes(
        path.read_bytes()
        + b"From MAILER-DAEMON Thu Mar 12 09:30:00 2035\nX-Junk: 1\n\n\n"
        + written(tmp_path, [mail(HAIRCUT, CUT)], name="b.mbox").read_bytes()
    )
    library = Library(tmp_path / "home")
    try:
        outcomes = library.add_paths([path], FakeEmbedder())
        assert [o.error is None for o in outcomes] == [True, False, True]
        assert outcomes[1].error is not None and outcomes[1].error.startswith(
            "收件箱.mbox › （无主题）.eml 不是有效的邮件文件（.eml）"
        )
        assert sorted(s.title for s in library.store.speeches()) == sorted([DRUMS, HAIRCUT])
    finally:
        library.close()


def test_the_thunderbird_folder_from_a_folder_and_sent_as_bytes(tmp_path: Path) -> None:
    """cold39's folder found in a folder `add` is given (not passed over as an unknown format), and the same
    bytes sent to the bot (`add_archive`): the two mails, cited by the mailbox's name; sent again, known."""
    folder = tmp_path / "邮件"
    folder.mkdir()
    shutil.copy(THUNDERBIRD, folder / THUNDERBIRD.name)
    library = Library(tmp_path / "home")
    try:
        found = library.add_paths([folder], FakeEmbedder())
        assert [o.name for o in found] == [
            f"{THUNDERBIRD.name} › {DRUMS}.eml",
            f"{THUNDERBIRD.name} › {HAIRCUT}.eml",
        ]
        sent = library.add_archive(THUNDERBIRD.name, THUNDERBIRD.read_bytes(), FakeEmbedder())
        assert [o.name for o in sent] == [o.name for o in found]
        assert [s.status for o in sent for s in o.speeches] == ["same_file", "same_file"]
        again = library.add_archive(THUNDERBIRD.name, THUNDERBIRD.read_bytes(), FakeEmbedder())
        assert [s.status for o in again for s in o.speeches] == ["same_file", "same_file"]
        assert len(library.store.speeches()) == 2
    finally:
        library.close()
