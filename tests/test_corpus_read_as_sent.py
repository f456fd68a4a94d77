"""The bot's reading of a file whose extension may lie (`corpus.read_as_sent`, trial68 and mend68e) as a property:
whatever `read_bytes` (the CLI's reading) reads, `read_as_sent` reads the same; a readable file — a PDF LibreOffice
exported, a .docx python-docx wrote, an .xlsx xlsxwriter wrote, a GBK text — under any supported name reads to the
same text as under its own name (a text under 「.csv」 is a one-column table, a name that does not lie)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from corpus import SUPPORTED_SUFFIXES, CorpusError, Document, read_as_sent, read_bytes

from .sent_files import notice_docx

FIXTURES = Path(__file__).parent / "fixtures"
TEXT = "关于组织离退休干部参观学习的通知\n\n各支部：定于九月八日组织老同志参观市规划馆，请于上午八点在老干部活动中心集合。\n"


@cache
def fixture(own: str) -> bytes:
    if own == ".pdf":
        return (FIXTURES / "documents" / "columns.libreoffice.pdf").read_bytes()  # make_columns.py
    if own == ".docx":
        return notice_docx()
    if own == ".xlsx":
        return (FIXTURES / "xlsxwriter" / "export.xlsxwriter.xlsx").read_bytes()  # make_xlsxwriter_export.py
    return TEXT.encode("gbk")


@cache
def own_reading(own: str) -> Document:
    return read_bytes(f"材料{own}", fixture(own))


@settings(max_examples=80, deadline=None)
@given(
    own=st.sampled_from((".pdf", ".docx", ".xlsx", ".txt")),
    suffix=st.sampled_from(sorted(SUPPORTED_SUFFIXES)),
    stem=st.sampled_from(("材料", "通知", "关于2026.9.1会议的通知", "a b")),
)
def test_read_as_sent_reads_what_read_bytes_reads_and_a_lying_name_as_its_own(
    own: str, suffix: str, stem: str
) -> None:
    name, data = stem + suffix, fixture(own)
    try:
        cli = read_bytes(name, data)
    except CorpusError:
        cli = None
    sent = read_as_sent(name, data)  # never refused: every one of these files is readable
    if cli is not None:
        assert sent == cli
    if not (own == ".txt" and suffix == ".csv"):
        assert sent.text == own_reading(own).text
        assert sent.name == name
