"""A .doc's tracked deletions are not read as its text where antiword reads it (the defect cold25 left).

A draft saved by LibreOffice as Word 97–2003 with its changes recorded keeps the deleted text, marked on its
character runs (sprmCFRMarkDel). LibreOffice reads the file as Word shows it with the changes accepted; antiword
0.37 (the reader where LibreOffice is not installed: the Docker image) does not see LibreOffice's marks and read
the deleted text as text — 「邀请赛定于5月12日5月19日上午…」, and a deposit the draft struck out. The deleted
characters are read from the .doc's own streams now and taken out of antiword's text (corpus/revisions.py).

The file: ``tests/fixtures/doc_revisions/draft.revised.doc``, made by ``make_revised_doc.py`` there (python-docx's
w:ins/w:del, saved as .doc by LibreOffice Writer).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus import read_document
from corpus.cfb import is_cfb
from corpus.revisions import DocCharacters, doc_characters, without_deletions
from tests.fixtures.corpus_writers import part_strings
from tests.fixtures.producers import load_maker

HERE = Path(__file__).resolve().parent / "fixtures" / "doc_revisions"
DRAFT = HERE / "draft.revised.doc"


def _maker():  # type: ignore[no-untyped-def]
    return load_maker(HERE / "make_revised_doc.py")


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_the_fixture_is_libreoffices_doc_whose_deletions_antiword_prints() -> None:
    data = DRAFT.read_bytes()
    assert is_cfb(data)
    antiword = shutil.which("antiword")
    if antiword is None:
        pytest.skip("antiword is not installed")
    printed = subprocess.run(
        [antiword, "-w", "0", str(DRAFT)], capture_output=True, check=True
    ).stdout.decode()
    for deleted in _maker().DELETED:
        assert deleted in printed  # the defect: antiword reads LibreOffice's deletions as text


def test_the_stored_text_marks_exactly_the_deleted_characters() -> None:
    maker = _maker()
    characters = doc_characters(DRAFT.read_bytes())
    assert characters is not None and characters.has_deletions
    deleted = "".join(c for c, d in zip(characters.text, characters.deleted, strict=True) if d)
    assert _squash(deleted) == _squash("".join(maker.DELETED))
    kept = "".join(c for c, d in zip(characters.text, characters.deleted, strict=True) if not d)
    for inserted in maker.INSERTED:
        assert inserted in kept


def test_antiword_reads_the_draft_as_it_prints_with_its_changes_accepted(antiword_only: None) -> None:
    maker = _maker()
    document = read_document(DRAFT)
    assert document.encoding == "doc/antiword"
    expected = "".join(s for kind, text in maker.PARTS for s in part_strings(kind, text) if kind != "deleted")
    assert _squash(document.text) == _squash(expected)  # main: every deleted run read as text too
    for deleted in maker.DELETED:
        assert deleted not in document.text
    for inserted in maker.INSERTED:
        assert document.text.count(inserted) == 1


@pytest.mark.parametrize("name", ["documents/work_conference.doc", "staff/branch_secretaries.doc"])
def test_a_doc_without_tracked_changes_has_no_deletions(name: str) -> None:
    # named, not globbed: other .doc fixtures are drafts with changes (comments/draft.writer.doc has one)
    plain = Path(__file__).resolve().parent / "fixtures" / name
    characters = doc_characters(plain.read_bytes())
    assert characters is None or not characters.has_deletions


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 100))
def test_a_cut_or_damaged_doc_reads_no_characters_or_some_never_an_error(percent: int) -> None:
    data = DRAFT.read_bytes()
    cut = data[: len(data) * percent // 100]
    flipped = bytearray(data)
    flipped[len(data) * percent // 101] ^= 0xFF
    for damaged in (cut, bytes(flipped)):
        result = doc_characters(damaged)
        assert result is None or len(result.text) == len(result.deleted)


_CHAR = st.characters(min_codepoint=0x4E00, max_codepoint=0x4E3F)  # few characters: repeats abound


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(_CHAR, st.booleans()), min_size=1, max_size=60),
    st.lists(st.sampled_from(["\n", " ", "|", "\n\n"]), max_size=60),
    st.randoms(use_true_random=False),
)
def test_deleted_characters_are_taken_out_and_nothing_else(stored, marks, rnd) -> None:  # type: ignore[no-untyped-def]
    characters = DocCharacters("".join(c for c, _ in stored), tuple(d for _, d in stored))
    # a converter's print of it: every stored character in order, its own whitespace and marks between them
    printed: list[str] = [c for c, _ in stored]
    kept: list[str] = [c if not d else "" for c, d in stored]
    for mark in marks:
        at = rnd.randint(0, len(printed))
        printed.insert(at, mark)
        kept.insert(at, mark)
    assert without_deletions("".join(printed), characters) == "".join(kept)
