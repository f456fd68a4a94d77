"""What must survive when an .odt's struck words are left out (corpus.odt), and the first-page 红头 after
what is not the body's flow — the cases an independent review of the struck-text reading found, each a file
python-docx wrote and LibreOffice Writer saved (tests/fixtures/struck_headers/make_struck_review.py):

- a comment (「批注」) made on struck words keeps its author and the words it was made on, as the .docx's;
- a line break inside struck words goes with them: the sentence is not split;
- a strike set in the document's defaults (Writer's style:default-style, Word's w:docDefaults) is honoured;
- a first-page header's 红头 and 文号 are read when the body starts with tracked changes or a frame anchored
  to the page (not the first paragraph's page style).
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus import check_conservation, chunk_speech, parse_document, read_bytes, read_document
from tests.fixtures.struck_headers.make_struck_headers import (
    HEAD_MASTHEAD,
    HEAD_NUMBER,
    HEAD_SIGNER,
    STRUCK_TITLE,
)
from tests.fixtures.struck_headers.make_struck_review import (
    DEFAULT_KEPT,
    REMARK_AUTHOR,
    REMARK_CANCELLED,
    REMARK_LINES,
    REMARK_TEXT,
    REMARK_TITLE,
    SIGN,
    TRACKED_DELETED,
)

HERE = Path(__file__).resolve().parent / "fixtures" / "struck_headers"
REMARKS = ("remark.python-docx.docx", "remark.writer.odt", "remark.writer.fodt")


@pytest.mark.parametrize("name", REMARKS)
def test_a_comment_on_struck_words_keeps_its_author_and_words(name: str) -> None:
    document = read_document(HERE / name)
    lines = document.text.split("\n")
    assert lines[: 1 + len(REMARK_LINES) + len(SIGN)] == [REMARK_TITLE, *REMARK_LINES, *SIGN]
    assert f"「上午八时」处批注（{REMARK_AUTHOR}）：{REMARK_TEXT}" in lines
    assert check_conservation(document, [p.text for p in chunk_speech(parse_document(document)[0])]).ok


@pytest.mark.parametrize("name", REMARKS)
def test_a_line_break_in_struck_words_goes_with_them(name: str) -> None:
    document = read_document(HERE / name)
    assert "集合时间：上午九时半。" in document.text.split("\n")
    for cancelled in REMARK_CANCELLED[1:]:
        assert cancelled not in document.text and cancelled not in document.reference


def test_the_docx_and_its_writer_files_read_alike() -> None:
    assert len({read_document(HERE / name).text for name in REMARKS}) == 1


@pytest.mark.parametrize("name", ["default_strike.python-docx.docx", "default_strike.writer.odt"])
def test_a_strike_in_the_documents_defaults_strikes_every_run_but_the_one_switching_it_off(name: str) -> None:
    document = read_document(HERE / name)
    assert document.text == DEFAULT_KEPT
    assert document.reference == DEFAULT_KEPT


def _head_lines(document_text: str) -> list[str]:
    return document_text.split("\n")[:2]


def test_tracked_changes_before_the_body_do_not_hide_the_first_page_header() -> None:
    odt = HERE / "tracked_head.writer.odt"
    with zipfile.ZipFile(odt) as source:
        content = source.read("content.xml").decode("utf-8")
    assert re.search(r"<office:text[^>]*><text:tracked-changes", content)  # what Writer made of the w:del
    for name in ("tracked_head.python-docx.docx", "tracked_head.writer.odt"):
        document = read_document(HERE / name)
        assert _head_lines(document.text) == [HEAD_MASTHEAD, HEAD_NUMBER + HEAD_SIGNER]
        assert TRACKED_DELETED not in document.text and TRACKED_DELETED not in document.reference
        assert parse_document(document)[0].doc_number == HEAD_NUMBER


_PAGE_FRAME = (
    '<draw:frame draw:name="框1" text:anchor-type="page" text:anchor-page-number="1" svg:x="1cm" '
    'svg:y="1cm" svg:width="4cm" svg:height="1cm"><draw:text-box><text:p text:style-name="Standard">特急'
    "</text:p></draw:text-box></draw:frame>"
)


def _rezipped(path: Path, content: str) -> bytes:
    with zipfile.ZipFile(path) as source:
        parts = {item: source.read(item) for item in source.namelist()}
    parts["content.xml"] = content.encode("utf-8")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as made:
        made.writestr("mimetype", parts.pop("mimetype"), compress_type=zipfile.ZIP_STORED)
        for item, data in parts.items():
            made.writestr(item, data, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _content(path: Path) -> str:
    with zipfile.ZipFile(path) as source:
        return source.read("content.xml").decode("utf-8")


def test_a_frame_anchored_to_the_first_page_does_not_hide_the_first_page_header() -> None:
    """head.writer.odt with a text frame anchored to page 1 (as Writer saves one: a draw:frame of
    office:text itself, before the first paragraph)."""
    content = re.sub(
        r"(</text:sequence-decls>)", rf"\g<1>{_PAGE_FRAME}", _content(HERE / "head.writer.odt"), count=1
    )
    assert _PAGE_FRAME in content
    document = read_bytes("请示.odt", _rezipped(HERE / "head.writer.odt", content))
    assert _head_lines(document.text) == [HEAD_MASTHEAD, HEAD_NUMBER + HEAD_SIGNER]


# -- property: struck spans among tracked changes, frames, comments and line breaks --------------------------

_SPAN_STYLES = {"": None, "T1": True, "T2": True, "T3": False, "作废": True, "作废红字": True}
_WORDS = st.text(
    alphabet="报名时间地点改为月日上午下午县城活动中心楼层统一安排|", min_size=1, max_size=8
).filter(lambda t: t.strip("|") != "")
_TRACKED = (
    '<text:tracked-changes text:track-changes="false"><text:changed-region xml:id="ct1" text:id="ct1">'
    "<text:deletion><office:change-info><dc:creator>张三</dc:creator><dc:date>2035-05-01</dc:date>"
    '</office:change-info><text:p text:style-name="Standard">旧的说法</text:p></text:deletion>'
    "</text:changed-region></text:tracked-changes>"
)


def _comment(n: int) -> str:
    return (
        f"<office:annotation><dc:creator>王明</dc:creator><dc:date>2035-05-01T00:00:00"
        f"</dc:date><text:p>第{n}条意见。</text:p></office:annotation>"
    )


def _odt(paragraphs: list[tuple[str, bool, list[tuple[str, str]]]], lead: str) -> bytes:
    """struck.writer.odt with its body replaced by `lead` (tracked changes, a page frame, or nothing), the
    title and `paragraphs`: each a paragraph style (Standard, or the struck 作废条目), whether a comment on
    a point (no office:name, so no words) starts it, and its spans, each of one of the file's own text styles or none; a 「|」 in a span's
    words is a text:line-break."""
    body = lead + f'<text:p text:style-name="P1">{STRUCK_TITLE}</text:p>'
    for n, (style, commented, spans) in enumerate(paragraphs):
        body += f'<text:p text:style-name="{style}">' + (_comment(n) if commented else "")
        for text, span in spans:
            words = text.replace("|", "<text:line-break/>")
            body += f'<text:span text:style-name="{span}">{words}</text:span>' if span else words
        body += "</text:p>"
    content = re.sub(
        r"(<office:text>).*(</office:text>)",
        rf"\g<1>{body}\g<2>",
        _content(HERE / "struck.writer.odt"),
        flags=re.S,
    )
    return _rezipped(HERE / "struck.writer.odt", content)


@settings(max_examples=30, deadline=None)
@given(
    paragraphs=st.lists(
        st.tuples(
            st.sampled_from(["Standard", "Standard", "作废条目"]),
            st.booleans(),
            st.lists(st.tuples(_WORDS, st.sampled_from(sorted(_SPAN_STYLES))), min_size=1, max_size=4),
        ),
        min_size=1,
        max_size=5,
    ),
    lead=st.sampled_from(["", _TRACKED, _PAGE_FRAME]),
)
def test_struck_spans_among_comments_line_breaks_and_tracked_changes_read_as_deleted(
    paragraphs: list[tuple[str, bool, list[tuple[str, str]]]], lead: str
) -> None:
    """Property: struck spans (line breaks in them or not) in paragraphs with comments, after tracked
    changes or a page frame, read as the same file holding only the spans printed unstruck — the comments
    read alike (author and words), no sentence split or lost; the reference the same."""

    def printed(style: str, span: str) -> bool:
        own = _SPAN_STYLES[span]
        return not (own if own is not None else style == "作废条目")

    kept = [
        ("Standard", commented, [(t, "") for t, span in spans if printed(style, span)])
        for style, commented, spans in paragraphs
    ]
    struck = read_bytes("通知.odt", _odt(paragraphs, lead))
    deleted = read_bytes("通知.odt", _odt(kept, lead))
    assert struck.text == deleted.text
    assert struck.reference == deleted.reference
    for n, (_, commented, _) in enumerate(paragraphs):
        assert (f"（王明）：第{n}条意见。" in struck.text) == commented
