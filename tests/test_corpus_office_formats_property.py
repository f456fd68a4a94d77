"""Conservation as a property for .rtf and .odt: documents generated at random (sentences, paragraphs,
headings, tables; the strategies of test_corpus_documents_property) written as RTF the way Word and WPS
write a Chinese one (\\ansicpg936, GBK byte pairs, text cut into groups at random) or the way LibreOffice
does (\\uN with a fallback character), and as OpenDocument content.xml (text split into spans and
text:s spaces), come back with every sentence once and in order, every table cell, and nothing of their
page header or footer.
"""

from __future__ import annotations

import io
import random
import zipfile
from xml.sax.saxutils import escape

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus import read_bytes

from .test_corpus_documents_property import EXAMPLES, HEADER, assert_conserved, documents, sentences_of


def _pieces(text: str, rnd: random.Random) -> list[str]:
    """text cut at random places (a producer starts a new run wherever formatting changes)."""
    cuts = (
        sorted(rnd.sample(range(1, len(text)), min(len(text) - 1, rnd.randint(0, 3))))
        if len(text) > 1
        else []
    )
    return [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True)]


def _rtf_text(text: str, style: str, rnd: random.Random) -> str:
    out = []
    for piece in _pieces(text, rnd):
        if style == "gbk":
            escaped = "".join(
                ch if ord(ch) < 128 else "".join(f"\\'{b:02x}" for b in ch.encode("gbk")) for ch in piece
            )
        else:
            escaped = "".join(
                ch if ord(ch) < 128 else f"\\u{ord(ch) - (65536 if ord(ch) > 32767 else 0)}?" for ch in piece
            )
        out.append("{" + escaped + "}" if rnd.random() < 0.7 else escaped)
    return "".join(out)


def rtf_of(items: list[tuple[str, object]], style: str, seed: int) -> bytes:
    rnd = random.Random(seed)
    head = (
        "{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0\\fcharset0 Times New Roman;}{\\f1\\fcharset134 SimSun;}}"
        "{\\stylesheet{\\s0 Normal;}{\\s1\\outlinelevel0 heading 1;}}"
        if style == "gbk"
        else "{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0\\fcharset0 Liberation Serif;}}{\\stylesheet{\\s0 Normal;}"
        "{\\s1\\outlinelevel0 Heading 1;}}\\uc1 "
    )
    font = "\\f1" if style == "gbk" else "\\f0"
    footer = _rtf_text("— 1 —", style, rnd)
    parts = [
        head,
        f"{{\\header\\pard {_rtf_text(HEADER, style, rnd)}\\par}}{{\\footer\\pard {footer}\\par}}\n",
    ]
    for kind, value in items:
        if kind == "paragraph":
            parts.append(f"\\pard\\plain\\s0{font} {_rtf_text(str(value), style, rnd)}\\par\n")
        elif kind == "heading":
            parts.append(f"\\pard\\plain\\s1{font} {_rtf_text(str(value), style, rnd)}\\par\n")
        else:
            for row in value:  # type: ignore[attr-defined]
                edges = "".join(f"\\cellx{1000 * (c + 1)}" for c in range(len(row)))
                cells = "".join(f"\\pard\\intbl{font} {_rtf_text(cell, style, rnd)}\\cell " for cell in row)
                parts.append(f"\\trowd{edges}\n{cells}\\row\n")
    parts.append("\\pard\\par}")
    return "".join(parts).encode("ascii")


def odt_of(items: list[tuple[str, object]], seed: int) -> bytes:
    rnd = random.Random(seed)
    ns = (
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
    )

    def inline(text: str) -> str:
        out = []
        for piece in _pieces(text, rnd):
            xml = escape(piece).replace(" ", "<text:s/>")
            out.append(f'<text:span text:style-name="T1">{xml}</text:span>' if rnd.random() < 0.5 else xml)
        if rnd.random() < 0.3:
            out.insert(rnd.randint(0, len(out)), "<text:soft-page-break/>")
        return "".join(out)

    body = []
    for kind, value in items:
        if kind == "paragraph":
            body.append(f'<text:p text:style-name="Standard">{inline(str(value))}</text:p>')
        elif kind == "heading":
            body.append(
                f'<text:h text:style-name="Heading_20_1" text:outline-level="1">{inline(str(value))}</text:h>'
            )
        else:
            rows = value  # type: ignore[assignment]
            columns = f'<table:table-column table:number-columns-repeated="{len(rows[0])}"/>'  # type: ignore[index]
            cells = "".join(
                "<table:table-row>"
                + "".join(f"<table:table-cell><text:p>{inline(c)}</text:p></table:table-cell>" for c in row)
                + "</table:table-row>"
                for row in rows  # type: ignore[attr-defined]
            )
            body.append(f"<table:table>{columns}{cells}</table:table>")
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ns}><office:body><office:text>'
    )
    content += "".join(body) + "</office:text></office:body></office:document-content>"
    styles = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-styles {ns}><office:master-styles>'
        f'<style:master-page style:name="Standard"><style:header><text:p>{HEADER}</text:p></style:header>'
        "<style:footer><text:p>— 1 —</text:p></style:footer></style:master-page>"
        "</office:master-styles></office:document-styles>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text", zipfile.ZIP_STORED)
        archive.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        archive.writestr("styles.xml", styles, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def assert_read_whole(items: list[tuple[str, object]], name: str, data: bytes) -> None:
    document = read_bytes(name, data)
    prose = "\n".join(block.text for block in document.blocks if block.kind != "table_row")
    assert_conserved(sentences_of(items), prose)
    assert "— 1 —" not in document.text
    headings = [str(v) for k, v in items if k == "heading"]
    assert [b.text for b in document.blocks if b.kind == "heading"] == [h.strip() for h in headings]
    rows = "".join(b.text for b in document.blocks if b.kind == "table_row")
    cells = [c for kind, value in items if kind == "table" for row in value for c in row]  # type: ignore[attr-defined]
    assert all(c in rows for c in cells)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents, st.sampled_from(["gbk", "unicode"]), st.integers(0, 2**32))
def test_generated_rtf_keeps_every_sentence_heading_and_table_cell(
    items: list[tuple[str, object]], style: str, seed: int
) -> None:
    assert_read_whole(items, "生成.rtf", rtf_of(items, style, seed))


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents, st.integers(0, 2**32))
def test_generated_odt_keeps_every_sentence_heading_and_table_cell(
    items: list[tuple[str, object]], seed: int
) -> None:
    assert_read_whole(items, "生成.odt", odt_of(items, seed))
