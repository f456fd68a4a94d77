"""corpus.reader: every supported way a speech arrives as a file, and every way one is refused."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from pypdf import PdfWriter

from corpus import (
    CorpusError,
    EmptyDocument,
    UnreadableFile,
    UnsupportedFormat,
    iter_speech_files,
    read_bytes,
    read_document,
)
from corpus import reader as reader_module

SPEECH = "在全市老干部工作会议上的讲话\n同志们：\n要落实好离休干部每年一次体检的规定。\n"


def pdf_with_text(lines: list[str]) -> bytes:
    """A minimal valid one-page PDF whose text pypdf can extract, Chinese included.

    The font is a Type0 font with Identity-H encoding: every character is written as its 2-byte code
    point and a ToUnicode CMap maps codes to the same Unicode values.
    """
    shown = " ".join(f"<{''.join(f'{ord(c):04X}' for c in line)}> Tj T*" for line in lines)
    content = f"BT /F1 12 Tf 72 720 Td 14 TL {shown} ET"
    cmap = (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /U def "
        "1 begincodespacerange <0000> <FFFF> endcodespacerange "
        "1 beginbfrange <0000> <FFFF> <0000> endbfrange "
        "endcmap CMapName currentdict /CMap defineresource pop end end"
    )
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(content.encode())} >>\nstream\n{content}\nendstream",
        "<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /Identity-H "
        "/DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
        "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>",
        f"<< /Length {len(cmap)} >>\nstream\n{cmap}\nendstream",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n{body}\nendobj\n".encode())
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def blank_pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def docx_bytes(paragraphs: list[str], table: list[list[str]] | None = None) -> bytes:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def zip_bytes(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


# -- plain text ---------------------------------------------------------------------------------------


def test_utf8_file_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "讲话.txt"
    path.write_bytes(SPEECH.encode("utf-8"))
    document = read_document(path)
    assert document.text == SPEECH
    assert document.encoding == "utf-8"
    assert document.name == "讲话.txt"


def test_utf8_bom_is_stripped(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + SPEECH.encode("utf-8"))
    document = read_document(path)
    assert document.text == SPEECH
    assert not document.text.startswith("\ufeff")
    assert document.encoding == "utf-8-sig"


def test_gbk_file_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "gbk.txt"
    path.write_bytes(SPEECH.encode("gbk"))
    document = read_document(path)
    assert document.text == SPEECH
    assert document.encoding == "gb18030"


def test_gb18030_only_characters_are_decoded(tmp_path: Path) -> None:
    text = "䶮与𠀀不在 GBK 中，要落实好离休干部每年一次体检的规定。"
    path = tmp_path / "gb18030.txt"
    path.write_bytes(text.encode("gb18030"))
    assert read_document(path).text == text


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom_is_decoded(tmp_path: Path, codec: str) -> None:
    path = tmp_path / "utf16.txt"
    path.write_bytes(("\ufeff" + SPEECH).encode(codec))
    document = read_document(path)
    assert document.text == SPEECH
    assert document.encoding == "utf-16"


def test_crlf_text_keeps_its_content(tmp_path: Path) -> None:
    path = tmp_path / "windows.txt"
    path.write_bytes(SPEECH.replace("\n", "\r\n").encode("gbk"))
    assert "要落实好离休干部每年一次体检的规定。" in read_document(path).text


def test_binary_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(UnreadableFile, match="不是文本文件"):
        read_document(path)


def test_text_with_nul_bytes_is_refused() -> None:
    with pytest.raises(UnreadableFile, match="二进制"):
        read_bytes("nul.txt", "讲话".encode() + b"\x00" + "稿".encode())


@pytest.mark.parametrize("content", [b"", b"   \r\n\t\n"])
def test_empty_file_is_refused(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    with pytest.raises(EmptyDocument, match="空"):
        read_document(path)


@pytest.mark.parametrize("name", ["讲话.rtf", "讲话.md", "讲话.odt", "讲话"])
def test_unsupported_suffix_is_refused(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(SPEECH, encoding="utf-8")
    with pytest.raises(UnsupportedFormat, match=r"\.txt、\.docx、\.doc、\.pdf"):
        read_document(path)


def test_suffix_case_does_not_matter(tmp_path: Path) -> None:
    path = tmp_path / "讲话.TXT"
    path.write_text(SPEECH, encoding="utf-8")
    assert read_document(path).text == SPEECH


def test_missing_file_is_refused_with_its_name(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFile, match=r"nowhere\.txt"):
        read_document(tmp_path / "nowhere.txt")


def test_oversized_file_is_refused_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader_module, "MAX_FILE_BYTES", 10)
    path = tmp_path / "big.txt"
    path.write_text(SPEECH, encoding="utf-8")
    with pytest.raises(UnreadableFile, match="文件太大"):
        read_document(path)


# -- Word ---------------------------------------------------------------------------------------------


def test_docx_paragraphs_and_table_are_read(tmp_path: Path) -> None:
    path = tmp_path / "讲话.docx"
    path.write_bytes(
        docx_bytes(
            ["在全市老干部工作会议上的讲话", "要落实好离休干部每年一次体检的规定。"],
            table=[["单位", "人数"], ["市老干部局", "XX"]],
        )
    )
    document = read_document(path)
    assert document.encoding == "docx"
    lines = document.text.splitlines()
    assert lines == [
        "在全市老干部工作会议上的讲话",
        "要落实好离休干部每年一次体检的规定。",
        "单位：市老干部局；人数：XX",
    ]
    assert [b.kind for b in document.blocks] == ["paragraph", "paragraph", "table_row"]


def test_corrupt_docx_is_refused_clearly() -> None:
    with pytest.raises(UnreadableFile, match=r"不是有效的 \.docx 文件"):
        read_bytes("坏文件.docx", b"PK\x03\x04" + b"this is not a zip archive" * 20)


def test_zip_without_word_document_is_refused() -> None:
    with pytest.raises(UnreadableFile, match=r"word/document\.xml"):
        read_bytes("压缩包.docx", zip_bytes({"readme.txt": b"hello"}))


def test_docx_with_damaged_xml_is_refused() -> None:
    with pytest.raises(UnreadableFile, match="不是有效的 Word 文档"):
        read_bytes("damaged.docx", zip_bytes({"word/document.xml": b"<w:document>not closed"}))


def test_zip_bomb_disguised_as_docx_is_refused() -> None:
    # 20 MB of zeros compress to about 20 KB: a ratio far beyond any real Word document.
    bomb = zip_bytes({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"\0" * (20 * 1024 * 1024)})
    assert len(bomb) < 100_000
    with pytest.raises(UnreadableFile, match="解压后过大"):
        read_bytes("bomb.docx", bomb)


# -- PDF ----------------------------------------------------------------------------------------------


def test_pdf_text_is_extracted(tmp_path: Path) -> None:
    path = tmp_path / "讲话.pdf"
    path.write_bytes(pdf_with_text(["在全市老干部工作会议上的讲话", "要落实好离休干部每年一次体检的规定。"]))
    document = read_document(path)
    assert document.encoding == "pdf"
    assert "在全市老干部工作会议上的讲话" in document.text
    assert "要落实好离休干部每年一次体检的规定。" in document.text


def test_pdf_without_text_is_refused_as_a_scan() -> None:
    with pytest.raises(EmptyDocument, match="扫描件"):
        read_bytes("scan.pdf", blank_pdf())


def test_damaged_pdf_is_refused_clearly() -> None:
    with pytest.raises(UnreadableFile, match="PDF"):
        read_bytes("damaged.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog")


# -- folders ------------------------------------------------------------------------------------------


def test_folder_expands_to_its_supported_files(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    for name in ["b.txt", "a.docx", "c.pdf", "notes.md", "page.png", "old.doc", "logo.svg", "sub/d.TXT"]:
        (tmp_path / name).write_bytes(b"x")
    found = list(iter_speech_files([tmp_path]))
    assert [p.relative_to(tmp_path).as_posix() for p in found] == [
        "a.docx",
        "b.txt",
        "c.pdf",
        "old.doc",
        "page.png",
        "sub/d.TXT",
    ]


def test_files_and_folders_can_be_mixed(tmp_path: Path) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "one.txt").write_text(SPEECH, encoding="utf-8")
    single = tmp_path / "two.txt"
    single.write_text(SPEECH, encoding="utf-8")
    assert list(iter_speech_files([single, folder])) == [single, folder / "one.txt"]


def test_missing_path_in_a_listing_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFile, match="找不到文件"):
        list(iter_speech_files([tmp_path / "missing.txt"]))


def test_every_refusal_is_a_corpus_error_with_a_one_line_message() -> None:
    refusals = [
        ("a.txt", b""),
        ("a.txt", b"\x00\x01\x02\x03"),
        ("a.rtf", b"text"),
        ("a.docx", b"garbage"),
        ("a.pdf", blank_pdf()),
    ]
    for name, data in refusals:
        with pytest.raises(CorpusError) as caught:
            read_bytes(name, data)
        message = str(caught.value)
        assert name in message
        assert "\n" not in message
