"""Hostile input, fuzzed with hypothesis: files to ingest and questions to answer.

Nothing may crash: a file becomes speeches or a CorpusError, a question an Answer or a QueryError, and
every reply rendered for Telegram is valid HTML within 4,096 characters. Example counts are sized for
CI; SPEECHQA_FUZZ_EXAMPLES=N runs every property with N examples instead (a longer run, see
docs/reliability.md).
"""

from __future__ import annotations

import io
import os
import re
import struct
import unicodedata
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.format import TEXT_LIMIT, render_answer
from corpus import (
    DEFAULT_MAX_CHARS,
    CorpusError,
    Document,
    EmptyDocument,
    UnreadableFile,
    chunk_speech,
    parse_document,
    read_bytes,
)
from index import PassageRecord
from retrieval import MAX_QUERY_CHARS, Answer, Hit, QueryError, Retriever, highlight_spans, normalise_query

from .fake_telegram import parse_html, utf16_len
from .test_corpus_reader import blank_pdf, docx_bytes, pdf_with_text, zip_bytes


def examples(default: int) -> int:
    return int(os.environ.get("SPEECHQA_FUZZ_EXAMPLES") or default)


def fuzz(default: int):  # type: ignore[no-untyped-def]
    return settings(
        max_examples=examples(default),
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


# Characters that have broken text handling somewhere: controls, format characters (zero-width,
# bidi overrides), right-to-left scripts, emoji outside the BMP and with joiners, HTML and the
# syntax of Telegram's entities (Markdown and HTML), CJK punctuation, full-width forms.
NASTY = list(
    "\x00\x01\x07\x08\x0b\x0c\x1b\x7f\x85\u00a0\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c"
    "\u202d\u202e\u2066\u2067\u2068\u2069\ufeff\ufffd\u2028\u2029"
    "שלוםمرحبا"
    "😀👍🏽👨‍👩‍👧𝄞🇨🇳"
    "<>&\"'/=;#*_~`|[]()\\"
    "离休干部体检规定老年大学。，！？：；“”‘’（）《》【】、…—"
    "ＡＢＣ１２３ abc\t\r\n"
)
TAGS = [
    "<b>",
    "</b>",
    "<i>",
    "<a href='tg://user?id=1'>",
    "</a>",
    "<tg-spoiler>",
    "<pre><code class='x'>",
    "&amp;",
    "&lt;",
    "&#128512;",
    "&bogus;",
    "*粗体*",
    "__下划线__",
    "[链接](http://example.com)",
    "||剧透||",
    "```",
    "<script>alert(1)</script>",
    "<!--",
    "]]>",
]
hostile_text = st.lists(
    st.one_of(st.sampled_from(NASTY), st.sampled_from(TAGS), st.text(max_size=5)), max_size=80
).map("".join)


# -- ingest -----------------------------------------------------------------------------------------
def ingest(name: str, data: bytes) -> None:
    """Read, parse and chunk a file the way `add` and an admin upload do; only CorpusError may escape."""
    try:
        document = read_bytes(name, data)
        for speech in parse_document(document):
            drafts = chunk_speech(speech)
            assert all(d.text and len(d.text) <= DEFAULT_MAX_CHARS for d in drafts)
    except CorpusError as e:
        assert str(e) and "\n" not in str(e)  # one line, for people


@fuzz(500)
@given(
    st.sampled_from([".txt", ".docx", ".pdf", ".TXT", ".doc", ".wps", ".odt", ".rtf", ""]),
    st.binary(max_size=4096),
)
def test_random_bytes_never_crash_ingest(suffix: str, data: bytes) -> None:
    ingest("随机" + suffix, data)


@fuzz(300)
@given(
    st.lists(
        st.tuples(hostile_text, st.sampled_from(["utf-8", "gb18030", "gbk", "big5", "utf-16-le", "latin-1"])),
        min_size=1,
        max_size=8,
    )
)
def test_mixed_encodings_never_crash_ingest(segments: list[tuple[str, str]]) -> None:
    data = b"".join(text.encode(encoding, errors="replace") for text, encoding in segments)
    ingest("混合编码.txt", data)


@fuzz(300)
@given(hostile_text, st.integers(0, 3))
def test_hostile_text_files_parse_into_bounded_passages(text: str, title_lines: int) -> None:
    ingest("讲话.txt", ("标题\n" * title_lines + text).encode("utf-8"))


@fuzz(100)
@given(st.lists(hostile_text, max_size=12))
def test_hostile_docx_paragraphs_never_crash_ingest(paragraphs: list[str]) -> None:
    # XML cannot carry most control characters: python-docx refuses them when writing, so drop those
    clean = ["".join(c for c in p if c in "\t\n" or unicodedata.category(c) != "Cc") for p in paragraphs]
    ingest("讲话.docx", docx_bytes(clean))


@fuzz(200)
@given(
    st.dictionaries(
        st.sampled_from(["word/document.xml", "[Content_Types].xml", "_rels/.rels", "x/../../evil"]),
        st.binary(max_size=2048),
        max_size=4,
    )
)
def test_random_zip_archives_as_docx_never_crash_ingest(members: dict[str, bytes]) -> None:
    ingest("伪装.docx", zip_bytes(members))


@fuzz(200)
@given(
    st.dictionaries(
        st.sampled_from(["mimetype", "content.xml", "styles.xml", "META-INF/manifest.xml"]),
        st.one_of(st.binary(max_size=2048), st.sampled_from([b"application/vnd.oasis.opendocument.text"])),
        max_size=4,
    )
)
def test_random_zip_archives_as_odt_never_crash_ingest(members: dict[str, bytes]) -> None:
    ingest("伪装.odt", zip_bytes(members))


RTF_FIXTURE = (Path(__file__).parent / "fixtures" / "documents" / "office_formats.gbk.rtf").read_bytes()


@fuzz(200)
@given(st.integers(0, len(RTF_FIXTURE)), st.integers(0, 64), st.binary(max_size=256))
def test_damaged_rtf_never_crashes_ingest(at: int, cut: int, splice: bytes) -> None:
    ingest("损坏.rtf", RTF_FIXTURE[:at] + splice + RTF_FIXTURE[at + cut :])


@fuzz(200)
@given(st.binary(max_size=2048))
def test_damaged_pdfs_never_crash_ingest(tail: bytes) -> None:
    good = pdf_with_text(["离休干部每年一次体检。"])
    cut = len(tail) % len(good)
    ingest("损坏.pdf", good[:cut] + tail)


def test_a_huge_line_is_split_into_bounded_passages() -> None:
    line = "离休干部体检规定要落实好" * 40_000  # 480,000 characters, no punctuation, one line
    speeches = parse_document(Document("长行.txt", "长行的讲话\n" + line + "\n", "utf-8"))
    drafts = [d for s in speeches for d in chunk_speech(s)]
    assert "".join(d.text for d in drafts) == line
    assert all(len(d.text) <= DEFAULT_MAX_CHARS for d in drafts)


def test_a_zip_bomb_with_forged_sizes_is_refused() -> None:
    """The central directory says the document is small; it inflates to 20 MB. zipfile stops at the
    declared size and the CRC check fails: refused as damaged, without inflating the bomb."""
    bomb = bytearray(zip_bytes({"word/document.xml": b"\0" * (20 * 1024 * 1024)}))
    local = bomb.index(b"PK\x03\x04")
    central = bomb.index(b"PK\x01\x02")
    struct.pack_into("<I", bomb, local + 22, 1000)
    struct.pack_into("<I", bomb, central + 24, 1000)
    with pytest.raises(UnreadableFile):
        read_bytes("bomb.docx", bytes(bomb))


def test_a_nested_zip_bomb_is_refused() -> None:
    inner = zip_bytes({"a.xml": b"\0" * (5 * 1024 * 1024)})
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", "<w:document/>")
        for n in range(40):
            archive.writestr(f"word/media/{n}.zip", inner)
    with pytest.raises(CorpusError):
        read_bytes("nested.docx", out.getvalue())


def test_pdfs_without_text_are_refused_with_the_fix() -> None:
    with pytest.raises(EmptyDocument, match="文字识别"):
        read_bytes("扫描件.pdf", blank_pdf())


# -- questions ----------------------------------------------------------------------------------------
queries = st.one_of(
    hostile_text,
    st.text(max_size=200),
    st.text(alphabet=st.sampled_from(NASTY), min_size=400, max_size=10_000),
    st.just(""),
    st.just("\u202e离休干部体检\u202c"),
)


@fuzz(500)
@given(queries)
def test_normalise_query_returns_a_clean_question_or_a_query_error(query: str) -> None:
    try:
        clean = normalise_query(query)
    except QueryError as e:
        assert str(e)
        return
    assert clean and clean == clean.strip() and len(clean) <= MAX_QUERY_CHARS
    assert not any(unicodedata.category(c)[0] == "C" for c in clean)


@pytest.mark.slow
@fuzz(60)
@given(queries)
def test_the_real_retriever_answers_or_refuses_any_question(seed_retriever: Retriever, query: str) -> None:
    try:
        answer = seed_retriever.search(query)
    except QueryError:
        return
    assert isinstance(answer, Answer)
    view = render_answer(answer)
    plain, _ = parse_html(view.html)
    assert utf16_len(plain) <= TEXT_LIMIT


@fuzz(300)
@given(
    st.lists(hostile_text, min_size=1, max_size=8),
    hostile_text,
    hostile_text,
    st.one_of(st.none(), hostile_text),
    st.lists(st.text(min_size=1, max_size=4), max_size=3),
    st.booleans(),
)
def test_any_rendered_answer_is_valid_telegram_html(
    texts: list[str], query: str, title: str, section: str | None, terms: list[str], answered: bool
) -> None:
    hits = tuple(
        Hit(
            i + 1,
            0.5,
            PassageRecord(i + 1, 1, i, section, text or "空", "h", title or "无题", title, title),
            None,
            None,
            highlight_spans(text or "空", terms),
        )
        for i, text in enumerate(texts)
    )
    answer = Answer(query or "问", answered, hits, tuple(terms), "hybrid", 0, True, 1.0)
    view = render_answer(answer)
    plain, _ = parse_html(view.html)
    assert utf16_len(plain) <= TEXT_LIMIT and plain.strip()
    assert not re.search(r"<(?!/?(b|i|blockquote)>)", view.html)
