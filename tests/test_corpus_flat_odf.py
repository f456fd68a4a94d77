"""A flat OpenDocument text (.fodt) is read as the .odt it is (cold26's 旅居康养 plan).

LibreOffice saves a text as 「平面 XML ODF 文本文档」 (.fodt): the same document as an .odt, as one XML file
whose office:document root holds the styles, the master pages (headers, footers) and the body that the package
splits into content.xml and styles.xml (ODF 1.2 §2.2.1). speechqa refused it, 「不支持的文件类型」, and the plan
was lost. It is read by the .odt reader now (corpus/odt.py), under either name; a flat spreadsheet under a
text's name is named as what it is.

The files: ``tests/fixtures/flat_odf/plan.fodt`` and ``plan.odt`` (one plan saved by LibreOffice Writer both
ways) and ``roster.fods`` (LibreOffice Calc), made by ``make_flat_odf.py`` there.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from hypothesis import given, settings
from hypothesis import strategies as st

from corpus import parse_document, read_bytes, read_document
from corpus.errors import CorpusError, UnreadableFile
from tests.fixtures.producers import load_maker

HERE = Path(__file__).resolve().parent / "fixtures" / "flat_odf"
PLAN_FODT = HERE / "plan.fodt"
PLAN_ODT = HERE / "plan.odt"
ROSTER = HERE / "roster.fods"


def _maker():  # type: ignore[no-untyped-def]
    return load_maker(HERE / "make_flat_odf.py")


def test_the_fixtures_are_libreoffices_flat_and_packaged_files() -> None:
    head = PLAN_FODT.read_bytes()[:4096]
    assert head.startswith(b"<?xml") and b"<office:document " in head
    assert b'office:mimetype="application/vnd.oasis.opendocument.text"' in head
    assert b"LibreOffice" in PLAN_FODT.read_bytes()  # its meta:generator
    assert zipfile.is_zipfile(PLAN_ODT)
    assert b'office:mimetype="application/vnd.oasis.opendocument.spreadsheet"' in ROSTER.read_bytes()[:4096]


def test_a_flat_text_reads_as_the_same_document_saved_as_odt() -> None:
    flat, packaged = read_document(PLAN_FODT), read_document(PLAN_ODT)
    assert flat.blocks == packaged.blocks  # main: 「不支持的文件类型」
    assert flat.text == packaged.text


def test_a_flat_text_reads_as_the_plan() -> None:
    maker = _maker()
    [speech] = parse_document(read_document(PLAN_FODT))
    assert speech.title == maker.TITLE
    assert speech.date == "2027-09-01"
    text = "".join(p.text for p in speech.paragraphs)
    for kind, part in maker.PLAN[1:]:
        if kind in ("body", "noted"):
            for sentence in [part] if kind == "body" else part:
                assert text.count(sentence) == 1, sentence  # the footnote too, once
    assert "楷书班" in text and "林砚秋" in text  # the table's rows
    assert (
        maker.HEADER not in text and "— 1 —" not in text
    )  # the master page's header and footer are not text


def test_a_flat_text_under_the_odt_name_and_an_odt_under_the_flat_name_read() -> None:
    assert read_bytes("方案.odt", PLAN_FODT.read_bytes()).blocks == read_document(PLAN_FODT).blocks
    assert read_bytes("方案.fodt", PLAN_ODT.read_bytes()).blocks == read_document(PLAN_ODT).blocks


def test_a_flat_spreadsheet_under_a_texts_name_is_named_as_one() -> None:
    try:
        read_bytes("花名册.fodt", ROSTER.read_bytes())
    except UnreadableFile as e:
        assert str(e).startswith("花名册.fodt 是 OpenDocument 电子表格，不是文字文档")
    else:
        raise AssertionError("a spreadsheet was read as a text")


def test_a_damaged_flat_text_is_refused_in_one_chinese_line(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    cut = tmp_path / "方案.fodt"
    cut.write_bytes(PLAN_FODT.read_bytes()[:20000])  # cut short mid-way, as a broken download is
    result = run("add", str(cut))
    assert result.exit_code == 1
    assert "方案.fodt 不是有效的 OpenDocument 文本（内容已损坏）" in result.output
    assert "Traceback" not in result.output


_ODF = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"'
)


def _body(title: str, paragraphs: list[str]) -> str:
    return (
        f'<office:body><office:text><text:p text:style-name="Title">{escape(title)}</text:p>'
        + "".join(f"<text:p>{escape(p)}</text:p>" for p in paragraphs)
        + "</office:text></office:body>"
    )


def _flat(title: str, paragraphs: list[str]) -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document {_ODF} office:version="1.3" '
        f'office:mimetype="application/vnd.oasis.opendocument.text">{_body(title, paragraphs)}</office:document>'
    ).encode()


def _packaged(title: str, paragraphs: list[str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as odt:
        odt.writestr("mimetype", "application/vnd.oasis.opendocument.text", compress_type=zipfile.ZIP_STORED)
        odt.writestr(
            "content.xml",
            f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {_ODF} office:version="1.3">'
            f"{_body(title, paragraphs)}</office:document-content>",
        )
    return out.getvalue()


_SENTENCE = st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5), min_size=6, max_size=60).map(
    lambda s: s + "。"
)


@settings(max_examples=40, deadline=None)
@given(st.lists(_SENTENCE, min_size=1, max_size=8, unique=True))
def test_any_flat_text_reads_as_its_package_does_every_paragraph_once_in_order(paragraphs: list[str]) -> None:
    title = "关于开展离退休干部读书活动的通知"
    flat = read_bytes("通知.fodt", _flat(title, paragraphs))
    packaged = read_bytes("通知.odt", _packaged(title, paragraphs))
    assert flat.blocks == packaged.blocks
    body = [b.text for b in flat.blocks][1:]
    assert body == paragraphs  # each once, in order, nothing added


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 100), st.binary(max_size=64))
def test_a_cut_or_spoilt_flat_text_is_read_or_refused_never_an_error(percent: int, junk: bytes) -> None:
    data = PLAN_FODT.read_bytes()
    spoilt = data[: len(data) * percent // 100] + junk
    try:
        read_bytes("方案.fodt", spoilt)
    except CorpusError as e:
        assert "方案.fodt" in str(e) and "\n" not in str(e)  # one line, naming the file
