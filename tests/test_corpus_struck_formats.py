"""Struck-through words read alike in every format a notice comes in (corpus.word with corpus.strikes,
corpus.odt, corpus.rtf): a cancelled date, place or item is left out as a tracked deletion is, whether the
strike is the run's own, a character style's or a paragraph style's (inherited), in a .docx, in the .odt
LibreOffice Writer saves of it (``style:text-line-through-style`` in automatic and named styles) or in its
.rtf (``\\strike``, ``\\striked1``, ended by ``\\strike0``). The files are
tests/fixtures/struck_headers' (python-docx, converted by LibreOffice Writer)."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus import check_conservation, chunk_speech, parse_document, read_bytes, read_document
from tests.fixtures.struck_headers.make_struck_headers import CANCELLED, STRUCK, STRUCK_SIGN, STRUCK_TITLE

HERE = Path(__file__).resolve().parent / "fixtures" / "struck_headers"
FILES = ("struck.python-docx.docx", "struck.writer.odt", "struck.writer.rtf")


def _in_force() -> list[str]:
    """The notice's paragraphs as printed: every run but the struck ones, a whole struck item left out
    (its one run the item's style does not strike, 「六、请参赛队员自备球杖。」, kept)."""
    lines = []
    for style, runs in STRUCK:
        kept = "".join(text for text, mark in runs if mark == "off" or (not mark and not style))
        if kept:
            lines.append(kept)
    return [STRUCK_TITLE, *lines, *STRUCK_SIGN]


@pytest.mark.parametrize("name", FILES)
def test_struck_words_are_left_out_in_every_format(name: str) -> None:
    document = read_document(HERE / name)
    assert document.text.split("\n") == _in_force()
    for cancelled in CANCELLED:
        assert cancelled not in document.text
        assert cancelled not in document.reference
    speech = parse_document(document)[0]
    assert speech.title == STRUCK_TITLE and speech.date == "2035-04-28"
    assert check_conservation(document, [p.text for p in chunk_speech(speech)]).ok


def test_the_three_formats_read_the_same_words() -> None:
    texts = {read_document(HERE / name).text for name in FILES}
    assert len(texts) == 1


def test_an_rtf_strike_ends_at_strike0_plain_and_the_groups_end() -> None:
    rtf = (
        rb"{\rtf1\ansi\ansicpg936{\fonttbl{\f0\fcharset134 SimSun;}}\f0 "
        rb"\'d2\'bb\strike \'be\'c9\strike0 \'d0\'c2\par "  # 一 [旧] 新
        rb"{\striked1 \'be\'c9}\'d0\'c2\par "  # a double strike ends with its group
        rb"\strike \'be\'c9\plain \f0 \'d0\'c2\par}"  # \plain ends it
    )
    assert read_bytes("通知.rtf", rtf).text == "一新\n新\n新"


# -- property: any mix of LibreOffice's strike styles -------------------------------------------------------

_SPAN_STYLES = {"": None, "T1": True, "T2": True, "T3": False, "作废": True, "作废红字": True}
_WORDS = st.text(alphabet="报名时间地点改为月日上午下午县城活动中心楼层统一安排", min_size=1, max_size=8)


def _odt(paragraphs: list[tuple[str, list[tuple[str, str]]]]) -> bytes:
    """struck.writer.odt with its body replaced by `paragraphs`: each a paragraph style (Standard, or the
    struck 作废条目) and its spans, after the title, each of one of the file's own text styles (T1 single and T2 double strike,
    T3 a strike switched off, the named 作废 and 作废红字 inheriting it) or none."""
    with zipfile.ZipFile(HERE / "struck.writer.odt") as source:
        parts = {item: source.read(item) for item in source.namelist()}
    content = parts["content.xml"].decode("utf-8")
    body = f'<text:p text:style-name="P1">{STRUCK_TITLE}</text:p>' + "".join(
        f'<text:p text:style-name="{style}">'
        + "".join(
            f'<text:span text:style-name="{span}">{text}</text:span>' if span else text
            for text, span in spans
        )
        + "</text:p>"
        for style, spans in paragraphs
    )
    content = re.sub(r"(<office:text>).*(</office:text>)", rf"\g<1>{body}\g<2>", content, flags=re.S)
    parts["content.xml"] = content.encode("utf-8")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as made:
        made.writestr("mimetype", parts.pop("mimetype"), compress_type=zipfile.ZIP_STORED)
        for item, data in parts.items():
            made.writestr(item, data, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


@settings(max_examples=30, deadline=None)
@given(
    paragraphs=st.lists(
        st.tuples(
            st.sampled_from(["Standard", "Standard", "作废条目"]),
            st.lists(st.tuples(_WORDS, st.sampled_from(sorted(_SPAN_STYLES))), min_size=1, max_size=4),
        ),
        min_size=1,
        max_size=5,
    )
)
def test_an_odt_with_any_struck_spans_reads_as_if_they_were_deleted(
    paragraphs: list[tuple[str, list[tuple[str, str]]]],
) -> None:
    """Property: an .odt whose spans are struck by automatic or named styles, inside plain or struck
    paragraphs, reads as the same file holding only the spans printed unstruck (a span's own style
    decides, else its paragraph's), in order — no sentence lost, none doubled; its reference the same."""

    def printed(style: str, span: str) -> bool:
        own = _SPAN_STYLES[span]
        return not (own if own is not None else style == "作废条目")

    kept = [
        ("Standard", [(t, "") for t, span in spans if printed(style, span)]) for style, spans in paragraphs
    ]
    kept = [(style, spans) for style, spans in kept if spans]
    struck = read_bytes("通知.odt", _odt(paragraphs))
    deleted = read_bytes("通知.odt", _odt(kept))
    assert struck.text == deleted.text
    assert struck.reference == deleted.reference
