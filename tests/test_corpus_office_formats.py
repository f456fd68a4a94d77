""".odt, .rtf and .wps: read as a .docx is read — every body sentence reaches exactly one passage, the
speech's title, date, speaker and sections found by the shared parser — and a damaged, truncated,
encrypted or mislabelled file refused with one Chinese line.

The fixtures (tests/fixtures/documents/make_office_formats.py) are LibreOffice's conversions of
python-docx documents, except office_formats.gbk.rtf, written in the form Word and WPS give a Chinese RTF
(checked against LibreOffice's reading of it when it was made). Their blocks are compared with the
expectations beside them in test_corpus_documents.py.
"""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from corpus import (
    CorpusError,
    check_conservation,
    chunk_speech,
    open_archive,
    parse_document,
    read_bytes,
    read_document,
)
from corpus.rtf import read_rtf

FIXTURES = Path(__file__).parent / "fixtures" / "documents"
OFFICE = [
    "office_formats.odt",
    "office_formats.rtf",
    "office_formats.gbk.rtf",
    "office_formats.wps",
    "work_conference.odt",
    "work_conference.rtf",
    "word_numbering.odt",
    "word_numbering.rtf",
]


def expected_of(name: str) -> dict:  # type: ignore[type-arg]
    return json.loads((FIXTURES / f"{name}.json").read_text("utf-8"))


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("name", OFFICE)
def test_every_body_sentence_reaches_exactly_one_passage(name: str) -> None:
    document = read_document(FIXTURES / name)
    passages = [draft.text for speech in parse_document(document) for draft in chunk_speech(speech)]
    kept = check_conservation(document, passages)
    assert kept.ok, (kept.missing, kept.duplicated)
    assert kept.sentences >= len(expected_of(name)["sentences"])
    flat = squeeze("".join(passages))
    for sentence in expected_of(name)["sentences"]:
        if sentence.endswith(
            ("。", "！", "？", "；")
        ):  # not a salutation (「同志们：」), which the parser drops
            assert flat.count(squeeze(sentence)) == 1, sentence


@pytest.mark.parametrize("name", OFFICE)
def test_title_date_speaker_and_sections_come_from_the_structure(name: str) -> None:
    expected = expected_of(name)
    speeches = parse_document(read_document(FIXTURES / name))
    assert len(speeches) == 1
    speech = speeches[0]
    assert squeeze(speech.title) == squeeze(expected["title"])
    assert speech.date == expected["date"]
    assert speech.speaker == expected["speaker"]
    found = {squeeze(part) for p in speech.paragraphs if p.section for part in p.section.split("›")}
    assert [s for s in expected["sections"] if squeeze(s) not in found] == []


@pytest.mark.parametrize("name", ["office_formats.odt", "office_formats.rtf", "office_formats.gbk.rtf"])
def test_page_header_footer_and_tracked_deletion_are_not_read(name: str) -> None:
    document = read_document(FIXTURES / name)
    assert "中共某某市委组织部" not in document.text
    assert "此句已在修订中删除" not in document.text
    assert not re.search(r"—\s*\d+\s*—", document.text)


def test_the_odt_reference_text_is_a_second_reading_of_the_file() -> None:
    """add --check compares the passages with every paragraph of content.xml, read without the block walk."""
    document = read_document(FIXTURES / "office_formats.odt")
    reference = squeeze(document.reference)
    for sentence in expected_of("office_formats.odt")["sentences"]:
        assert squeeze(re.sub(r"^\d+\. ", "", sentence)) in reference  # list numbers are the block walk's
    assert "此句已在修订中删除" not in reference


def test_a_gbk_rtf_is_decoded_in_pairs_by_its_code_page() -> None:
    assert read_document(FIXTURES / "office_formats.gbk.rtf").encoding == "rtf/gb18030"


# -- the RTF tokenizer ---------------------------------------------------------------------------------


def rtf_text(body: str, header: str = "{\\rtf1\\ansi\\ansicpg936\\deff0") -> str:
    return "\n".join(b.text for b in read_rtf("t.rtf", (header + body + "}").encode("latin-1")).blocks)


def gbk(text: str) -> str:
    return "".join(f"\\'{b:02x}" for b in text.encode("gbk"))


def test_gbk_byte_pairs_split_over_escapes_and_groups_make_one_character() -> None:
    assert rtf_text(f" {gbk('离休干部')}\\par") == "离休干部"
    assert rtf_text(f" {{{gbk('离休')}}}{{{gbk('干部')}}}\\par") == "离休干部"


def test_a_font_charset_overrides_the_document_code_page() -> None:
    header = "{\\rtf1\\ansi\\ansicpg1252{\\fonttbl{\\f0 Arial;}{\\f1\\fcharset136 MingLiU;}{\\f2\\fcharset134 SimSun;}}"
    big5 = "".join(f"\\'{b:02x}" for b in "離休幹部".encode("big5"))
    assert (
        rtf_text(f"\\f1 {big5}\\par\\f2 {gbk('老干部')}\\par\\f0 caf\\'e9\\par", header)
        == "離休幹部\n老干部\ncafé"
    )


def test_a_unicode_escape_skips_as_many_fallback_characters_as_uc_says() -> None:
    assert rtf_text("\\uc1 \\u31163?\\u20241?\\par") == "离休"
    assert rtf_text(f"\\uc2 \\u31163{gbk('离')}\\u20241{gbk('休')}\\par") == "离休"
    assert rtf_text("\\uc0 \\u31163\\u20241\\par") == "离休"
    # \uc1 with a GBK pair as the fallback (the pair counted as one character by some writers)
    assert rtf_text(f"\\uc1 \\u31163{gbk('离')}\\u20241{gbk('休')}\\par") == "离休"
    assert (
        rtf_text(f"\\uc2 \\u8220\\'a1\\'b0{gbk('离休')}\\u8221\\'a1\\'b1{gbk('干部')}\\par") == "“离休”干部"
    )
    assert rtf_text(f"\\uc1 \\u8220?{gbk('离休')}\\par") == "“离休"
    assert rtf_text("{\\uc2 \\u31163\\'3f\\'3f}\\u20241?\\par") == "离休"  # \uc is restored with the group
    high, low = (unit - 65536 for unit in (0xD840, 0xDC09))  # U+20009 as Word writes it: negative N
    assert rtf_text(f"\\u{high}\\'3f\\u{low}\\'3f\\par") == "\U00020009"


def test_destinations_that_are_not_body_text_are_skipped() -> None:
    body = (
        f"{{\\info{{\\title {gbk('标题')}}}{{\\author x}}}}{{\\header {gbk('页眉')}\\par}}{{\\footerr {gbk('页脚')}\\par}}"
        "{\\*\\generator Riched20}{\\*\\bkmkstart a}{\\pict\\pngblip 89504e47}"
        f'{{\\field{{\\*\\fldinst HYPERLINK "x"}}{{\\fldrslt {gbk("链接文字")}}}}}'
        f"{{\\v {gbk('隐藏')}}}{{\\deleted {gbk('删除')}}}{{\\*\\annotation {gbk('批注')}}}{gbk('。')}\\par"
    )
    assert rtf_text(body) == "链接文字。"


def test_list_numbers_come_from_listtext_and_bullets_add_nothing() -> None:
    body = (
        f"\\pard{{\\listtext {gbk('一、')}\\tab}}{gbk('第一项。')}\\par"
        f"\\pard{{\\listtext 2.\\tab}}{gbk('第二项。')}\\par"
        f"\\pard{{\\listtext \\'a1\\'a4\\tab}}{gbk('圆点。')}\\par"
        f"\\pard{{\\listtext \\u61623?\\tab}}{gbk('符号。')}\\par"
    )
    assert rtf_text(body) == "一、第一项。\n2. 第二项。\n圆点。\n符号。"


def test_headings_come_from_outline_levels_and_style_names() -> None:
    header = (
        "{\\rtf1\\ansi\\ansicpg936{\\stylesheet{\\s0 Normal;}{\\s1\\outlinelevel0 heading 1;}"
        f"{{\\s2\\sbasedon1 {gbk('小标题')};}}{{\\s3 {gbk('标题 3')};}}{{\\s15 Title;}}{{\\*\\cs10 Title;}}}}"
    )
    body = f"\\pard\\s15 A\\par\\pard\\s2 B\\par\\pard\\s3 C\\par\\pard\\outlinelevel1 D\\par\\pard\\s0 E{gbk('。')}\\par"
    blocks = read_rtf("t.rtf", (header + body + "}").encode("latin-1")).blocks
    assert [(b.kind, b.level) for b in blocks] == [
        ("title", 0),
        ("heading", 1),
        ("heading", 3),
        ("heading", 2),
        ("paragraph", 0),
    ]


def test_a_nested_table_is_read_once_into_its_cell() -> None:
    body = (
        "\\trowd\\cellx2000\\cellx4000\\pard\\intbl A\\cell "
        "\\pard\\intbl\\itap2 X\\nestcell Y\\nestcell{\\*\\nesttableprops\\trowd\\cellx1000\\cellx2000\\nestrow}"
        "{\\nonesttables X Y\\par}\\pard\\intbl\\itap1 \\cell \\row"
        "\\trowd\\cellx2000\\cellx4000\\pard\\intbl B\\cell C\\cell \\row\\pard after\\par"
    )
    assert rtf_text(body) == "A：B；X Y：C\nafter"  # the first row labels the second


def test_notes_follow_their_paragraph_and_their_marks_are_not_text() -> None:
    body = (
        f"\\pard {gbk('正文第一句。')}{{\\super\\chftn}}{{\\footnote\\pard {{\\super\\chftn}} {gbk('注释。')}}}"
        f"{gbk('第二句。')}\\par\\pard {gbk('下一段。')}\\par"
    )
    blocks = read_rtf("t.rtf", ("{\\rtf1\\ansi\\ansicpg936" + body + "}").encode("latin-1")).blocks
    assert [(b.kind, b.text) for b in blocks] == [
        ("paragraph", "正文第一句。第二句。"),
        ("note", "注释。"),
        ("paragraph", "下一段。"),
    ]


# -- refusals ------------------------------------------------------------------------------------------


def refusal(name: str, data: bytes) -> str:
    with pytest.raises(CorpusError) as caught:
        read_bytes(name, data)
    message = str(caught.value)
    assert "\n" not in message and not re.search(r"Error|Exception|Traceback", message)
    assert re.search(r"[\u4e00-\u9fff]", message)
    return message


def test_a_workbook_slides_or_an_odt_under_a_docx_name_is_named_for_what_it_is() -> None:
    """Saved with the wrong extension or renamed: said what it is, not that a Word part is missing."""
    openpyxl = pytest.importorskip("openpyxl")
    pptx = pytest.importorskip("pptx")
    book = openpyxl.Workbook()
    book.active.append(["单位", "体检完成率"])
    book.active.append(["东城区", "96%"])
    saved = io.BytesIO()
    book.save(saved)
    assert "其实是 Excel 工作簿（.xlsx），不是 .docx 文件：请把扩展名改为 .xlsx" in refusal(
        "体检统计.docx", saved.getvalue()
    )
    slides = pptx.Presentation()
    slide = slides.slides.add_slide(slides.slide_layouts[1])
    slide.shapes.title.text = "老干部工作要点"
    saved = io.BytesIO()
    slides.save(saved)
    assert "其实是 PowerPoint 演示文稿（.pptx），不是 .docx 文件：请把扩展名改为 .pptx" in refusal(
        "工作要点.docx", saved.getvalue()
    )
    odt = (FIXTURES / "office_formats.odt").read_bytes()
    assert "其实是 OpenDocument 文档（.odt），不是 .docx 文件：请把扩展名改为 .odt" in refusal(
        "讲话.docx", odt
    )
    spreadsheet = (
        io.BytesIO()
    )  # a zip marked as an OpenDocument spreadsheet (its mimetype first, as ODF has it)
    with zipfile.ZipFile(spreadsheet, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED)
        archive.writestr("content.xml", "<office:document-content/>")
    assert "其实是 OpenDocument 电子表格（.ods），不是 .docx 文件：请把扩展名改为 .ods" in refusal(
        "体检统计.docx", spreadsheet.getvalue()
    )
    # a Word package without its main part is a damaged Word file, and says which part is missing
    damaged = io.BytesIO()
    with zipfile.ZipFile(damaged, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("docProps/core.xml", "<coreProperties/>")
    assert "缺少 word/document.xml" in refusal("讲话.docx", damaged.getvalue())


@pytest.mark.parametrize("name", ["材料.docx", "材料.xlsx", "材料.pptx", "材料.odt", "材料.txt", "材料.pdf"])
def test_a_zip_archive_under_a_document_name_is_told_to_be_renamed_zip(name: str, tmp_path: Path) -> None:
    """Attachments zipped and saved under a document's name (trial 40): said to be a zip and how to add it — it
    said 「不是有效的 Word 文档（缺少 word/document.xml）」, a part name no user knows, or 「内容已损坏」. Renamed
    .zip, `add` reads the documents inside."""
    archive_path = tmp_path / name
    with zipfile.ZipFile(archive_path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "通知/关于重阳节活动的通知.txt", "关于重阳节活动的通知\n定于10月26日组织离退休干部登高活动。\n"
        )
        archive.writestr("说明.txt", "这是压缩包里的说明文件。")
    suffix = Path(name).suffix
    assert refusal(name, archive_path.read_bytes()) == (
        f"{name} 其实是 zip 压缩包，不是 {suffix} 文件：请把扩展名改为 .zip 再添加。"
    )
    with open_archive("材料.zip", archive_path.rename(tmp_path / "材料.zip")) as renamed:
        read = [(m.inner, m.passed_over) for m in renamed.members]
    assert read == [("通知/关于重阳节活动的通知.txt", None), ("说明.txt", None)]


def test_damaged_or_mislabelled_rtf_files_are_refused_in_one_chinese_line() -> None:
    assert "不完整" in refusal("讲话.rtf", b"{\\rtf1\\ansi {\\b " + "离休".encode("gbk"))
    assert "其实是纯文本文件，不是 .rtf 文件" in refusal("讲话.rtf", "离休干部体检规定。".encode())
    assert "不是有效的 RTF" in refusal("讲话.rtf", b"plain words")
    docx = (FIXTURES / "work_conference.docx").read_bytes()
    assert "其实是 Word 文档（.docx），不是 .rtf 文件" in refusal("讲话.rtf", docx)
    assert "嵌套过深" in refusal("讲话.rtf", b"{\\rtf1" + b"{" * 1000 + b"}" * 1001)
    stray = (
        b"{\\rtf1\\ansi\\ansicpg936 "
        + "第一段。".encode("gbk")
        + b"\\par}}"
        + "第二段。".encode("gbk")
        + b"\\par}"
    )
    assert "括号不配对" in refusal("讲话.rtf", stray)
    # a file may be padded after its end
    assert read_rtf("t.rtf", b"{\\rtf1 ok.\\par}\r\n\x00\x00\x1a").blocks[0].text == "ok."


def test_damaged_encrypted_or_mislabelled_odt_files_are_refused_in_one_chinese_line() -> None:
    whole = (FIXTURES / "office_formats.odt").read_bytes()
    assert "无法解压" in refusal("讲话.odt", whole[:5000])
    # What LibreOffice's manifest says of a file saved with a password (manifest:encryption-data).
    source = zipfile.ZipFile(io.BytesIO(whole))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as out:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "META-INF/manifest.xml":
                data = data.replace(
                    b'manifest:full-path="content.xml" manifest:media-type="text/xml"/>',
                    b'manifest:full-path="content.xml" manifest:media-type="text/xml" manifest:size="1">'
                    b'<manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="x">'
                    b"</manifest:encryption-data></manifest:file-entry>",
                )
                assert b"encryption-data" in data
            out.writestr(info, data)
    assert "设有打开密码" in refusal("讲话.odt", buffer.getvalue())
    broken = io.BytesIO()
    with zipfile.ZipFile(broken, "w") as out:
        out.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        out.writestr("content.xml", "<office:document-content")
    assert "内容已损坏" in refusal("讲话.odt", broken.getvalue())
    sheet = io.BytesIO()
    with zipfile.ZipFile(sheet, "w") as out:
        out.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        out.writestr("content.xml", "<x/>")
    assert "电子表格" in refusal("讲话.odt", sheet.getvalue())


def test_an_odt_that_would_inflate_past_any_real_document_is_refused_as_a_docx_is() -> None:
    # 20 MB of zeros compress to about 20 KB: the ratio a .docx is refused at holds for an .odt too.
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as out:
        out.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        out.writestr("content.xml", b"\0" * (20 * 1024 * 1024))
    assert len(bomb.getvalue()) < 100_000
    assert "解压后过大" in refusal("讲话.odt", bomb.getvalue())


def test_a_wps_file_is_read_as_the_word_97_file_it_is() -> None:
    document = read_document(FIXTURES / "office_formats.wps")
    assert document.encoding.startswith("wps/")
    docx = (FIXTURES / "word_structures.docx").read_bytes()
    assert read_bytes("讲话.wps", docx).text == read_bytes("讲话.docx", docx).text


def test_old_encrypted_or_foreign_wps_files_are_refused_in_one_chinese_line() -> None:
    assert "旧版 WPS 文件" in refusal("讲话.wps", b"\x00\x01WPS 2000 document " + "离休".encode("gbk") * 50)
    password = (FIXTURES / "word_password.docx").read_bytes()
    assert "设有打开密码" in refusal("讲话.wps", password)
    assert "已损坏" in refusal("讲话.wps", (FIXTURES / "office_formats.wps").read_bytes()[:600])


# -- through the CLI -----------------------------------------------------------------------------------


@pytest.fixture
def speechqa(seed_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """`speechqa ARGS…` on a private copy of the indexed seed home, offline."""
    from click.testing import CliRunner

    from cli import cli

    monkeypatch.setenv("SPEECHQA_HOME", str(seed_home))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("SENTENCE_TRANSFORMERS_HOME", str(tmp_path / "no-model-cache"))
    runner = CliRunner()
    return lambda *args: runner.invoke(cli, list(args))


def _digest(folder: Path) -> dict[str, str]:
    import hashlib

    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.suffix not in (".lock", ".log") and not p.name.endswith(("-wal", "-shm"))
    } | {"wal": _wal(folder)}


def _wal(folder: Path) -> str:
    """What SQLite's write-ahead log holds (opening the database makes an empty one)."""
    wal = folder / "speechqa.db-wal"
    return str(wal.stat().st_size) if wal.exists() else "0"


@pytest.mark.slow
def test_speechqa_add_refuses_damaged_and_mislabelled_files_and_writes_nothing(
    speechqa, seed_home: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    old_wps = tmp_path / "旧文件.wps"
    old_wps.write_bytes(b"\x00\x01WPS " + "离休干部".encode("gbk") * 100)
    cases = {
        FIXTURES / "office_formats.truncated.rtf": "不完整",
        FIXTURES / "office_formats.truncated.odt": "无法解压",
        FIXTURES / "word_fields_ruby.docx.odt": "其实是 Word 文档",
        old_wps: "旧版 WPS 文件",
    }
    before = _digest(seed_home)
    for path, reason in cases.items():
        result = speechqa("add", str(path))
        assert result.exit_code == 1, result.output
        assert isinstance(result.exception, SystemExit)
        lines = [line for line in result.output.splitlines() if path.name in line]
        assert len(lines) == 1 and reason in lines[0], result.output
        assert "Traceback" not in result.output and not re.search(r"[A-Za-z]+Error", result.output)
        assert "没有添加任何文件" in result.output
    assert _digest(seed_home) == before


@pytest.mark.slow
def test_speechqa_add_takes_an_rtf_and_an_odt_with_their_structure(speechqa) -> None:  # type: ignore[no-untyped-def]
    for name in ("office_formats.gbk.rtf", "office_formats.odt"):
        result = speechqa("add", "--check", "--allow-duplicates", str(FIXTURES / name))
        assert result.exit_code == 0, result.output
        assert TITLE_OF_OFFICE in result.output
    listed = speechqa("speeches")
    assert listed.output.count(TITLE_OF_OFFICE) == 2
    assert "2025-09-26 · 刘卫东" in listed.output


TITLE_OF_OFFICE = "在全市离退休干部先进典型表彰会上的讲话"


def test_a_text_box_is_read_once_after_the_paragraph_it_is_anchored_in() -> None:
    body = (
        f"\\pard {gbk('正文在框前，')}{{\\shp{{\\*\\shpinst{{\\sp{{\\sn shapeType}}{{\\sv 202}}}}"
        f"{{\\shptxt \\pard {gbk('文本框第一段。')}\\par\\pard {gbk('文本框第二段。')}\\par}}}}"
        f"{{\\shprslt{{\\*\\do\\dobxcolumn {gbk('文本框第一段。')}}}}}}}{gbk('框后接着说完。')}\\par"
    )
    assert rtf_text(body) == "正文在框前，框后接着说完。\n文本框第一段。\n文本框第二段。"


# -- OpenDocument lists, boxes and marks (content.xml as LibreOffice writes it) --------------------------

ODF_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:loext="urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0" '
    'xmlns:xml="http://www.w3.org/XML/1998/namespace"'
)
LIST_STYLES = (
    '<text:list-style style:name="L1">'
    '<text:list-level-style-number text:level="1" style:num-suffix="、" style:num-format="一, 二, 三, ..."/>'
    '<text:list-level-style-number text:level="2" loext:num-list-format="（%2%）" style:num-prefix="（" '
    'style:num-suffix="）" style:num-format="一, 二, 三, ..."/>'
    '<text:list-level-style-number text:level="3" style:num-suffix="." style:num-format="1" '
    'text:display-levels="2"/>'
    '<text:list-level-style-number text:level="4" style:num-format="①, ②, ③, ..."><style:list-level-properties>'
    '<style:list-level-label-alignment text:label-followed-by="nothing"/></style:list-level-properties>'
    "</text:list-level-style-number></text:list-style>"
    '<text:list-style style:name="B1"><text:list-level-style-bullet text:level="1" text:bullet-char="•"/>'
    "</text:list-style>"
)


def odt_bytes(body: str, automatic: str = "", styles: str = "") -> bytes:
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODF_NS}>'
        f"<office:automatic-styles>{automatic}{LIST_STYLES}</office:automatic-styles>"
        f"<office:body><office:text>{body}</office:text></office:body></office:document-content>"
    )
    out = io.BytesIO()
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:'
        'opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.text"/><manifest:file-entry '
        'manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>'
    )
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content)
        archive.writestr("META-INF/manifest.xml", manifest)
        if styles:
            archive.writestr(
                "styles.xml",
                f'<?xml version="1.0" encoding="UTF-8"?><office:document-styles {ODF_NS}>'
                f"<office:styles>{styles}</office:styles></office:document-styles>",
            )
    return out.getvalue()


def item(text: str, tag: str = "p") -> str:
    return f"<text:list-item><text:{tag}>{text}</text:{tag}></text:list-item>"


LISTS = (
    f'<text:list xml:id="a" text:style-name="L1">{item("第一部分")}'
    f"<text:list-item><text:list>{item('第一点')}{item('第二点')}</text:list></text:list-item></text:list>"
    "<text:p>中间一段。</text:p>"
    f'<text:list text:style-name="L1" text:continue-numbering="true">{item("第二部分")}'
    "<text:list-item><text:list><text:list-item><text:list>"
    f"{item('细项。')}{item('再一项。')}<text:list-header><text:p>不编号的说明。</text:p></text:list-header>"
    "<text:list-item><text:list>"
    f"{item('圈号。')}</text:list></text:list-item></text:list></text:list-item></text:list></text:list-item>"
    "</text:list>"
    f'<text:list text:style-name="L1">{item("重新开始。")}</text:list>'
    f'<text:list text:style-name="B1">{item("圆点。")}</text:list>'
    f'<text:list text:continue-list="a" text:style-name="L1">{item("接着第一个列表。")}</text:list>'
    '<text:list text:style-name="L1"><text:list-item text:start-value="5">'
    "<text:p>从五开始。</text:p></text:list-item></text:list>"
)


def test_odt_list_numbers_count_per_list_as_libreoffice_shows_them() -> None:
    body = LISTS
    text = read_bytes("列表.odt", odt_bytes(body)).text
    assert text.splitlines() == [
        "一、第一部分",
        "（一）第一点",
        "（二）第二点",
        "中间一段。",
        "二、第二部分",
        "一.1. 细项。",  # the level above in its own format, as LibreOffice shows it
        "一.2. 再一项。",
        "不编号的说明。",
        "①圈号。",
        "一、重新开始。",
        "圆点。",
        "三、接着第一个列表。",
        "五、从五开始。",
    ]


# Headings numbered by the outline style (Tools ▸ Heading Numbering): 第一章, 第一节, 1.1 …
OUTLINE = (
    '<style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" '
    'style:default-outline-level="1"/>'
    '<style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" '
    'style:default-outline-level="2"/>'
    '<text:outline-style style:name="Outline">'
    '<text:outline-level-style text:level="1" style:num-prefix="第" style:num-suffix="章" '
    'style:num-format="一, 二, 三, ..."/>'
    '<text:outline-level-style text:level="2" style:num-prefix="第" style:num-suffix="节" '
    'style:num-format="一, 二, 三, ..."/>'
    "</text:outline-style>"
)
HEADINGS = (
    '<text:h text:style-name="Heading_20_1" text:outline-level="1">总则</text:h><text:p>第一句。</text:p>'
    '<text:h text:style-name="Heading_20_2" text:outline-level="2">范围</text:h>'
    '<text:h text:style-name="Heading_20_2" text:outline-level="2">对象</text:h>'
    '<text:h text:style-name="Heading_20_1" text:outline-level="1">待遇</text:h>'
    '<text:h text:style-name="Heading_20_2" text:outline-level="2">医疗</text:h>'
    '<text:h text:style-name="Heading_20_1" text:outline-level="1" text:is-list-header="true">附则</text:h>'
)


def test_odt_headings_take_the_numbers_of_the_outline_style() -> None:
    document = read_bytes("章节.odt", odt_bytes(HEADINGS, styles=OUTLINE))
    assert [(b.kind, b.text, b.level) for b in document.blocks] == [
        ("heading", "第一章 总则", 1),
        ("paragraph", "第一句。", 0),
        ("heading", "第一节 范围", 2),
        ("heading", "第二节 对象", 2),
        ("heading", "第二章 待遇", 1),
        ("heading", "第一节 医疗", 2),
        ("heading", "附则", 1),
    ]


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
@pytest.mark.parametrize("body, styles", [(LISTS, ""), (HEADINGS, OUTLINE)], ids=["lists", "outline"])
def test_odt_numbers_are_the_ones_libreoffice_shows(tmp_path: Path, body: str, styles: str) -> None:
    """LibreOffice's own text export of the same file has the same numbers before the same texts."""
    source = tmp_path / "列表.odt"
    source.write_bytes(odt_bytes(body, styles=styles))
    subprocess.run(
        ["soffice", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless", "--convert-to",
         "txt:Text (encoded):UTF8", "--outdir", str(tmp_path), str(source)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    shown = [
        squeeze(line).removeprefix("•")
        for line in (tmp_path / "列表.txt").read_text("utf-8-sig").splitlines()
    ]
    assert [squeeze(line) for line in read_bytes("列表.odt", source.read_bytes()).text.splitlines()] == shown


def test_odt_marks_and_deletions_are_not_text_comments_follow_the_body_and_boxes_their_paragraph() -> None:
    body = (
        '<text:tracked-changes><text:changed-region text:id="c1"><text:deletion>'
        "<text:p>已删除的句子。</text:p></text:deletion></text:changed-region></text:tracked-changes>"
        '<text:p>离休干部<text:change text:change-id="c1"/>每年<text:s text:c="3"/>体检'
        "<office:annotation><text:p>批注内容。</text:p></office:annotation>一次，"
        "<draw:frame><draw:text-box><text:p>文本框里的话。</text:p></draw:text-box></draw:frame>"
        "<text:soft-page-break/>由原单位组织。<text:tab/>"
        '<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation>'
        "<text:note-body><text:p>据市委老干部局通知。</text:p></text:note-body></text:note></text:p>"
        "<text:table-of-content><text:index-body><text:p>目录一行</text:p></text:index-body>"
        "</text:table-of-content>"
    )
    document = read_bytes("标记.odt", odt_bytes(body))
    assert [(b.kind, b.text) for b in document.blocks] == [
        ("paragraph", "离休干部每年 体检一次，由原单位组织。"),
        ("note", "据市委老干部局通知。"),
        ("paragraph", "文本框里的话。"),
        ("heading", "批注"),  # a comment is never in its paragraph's sentence: read after the body (read58)
        ("note", "批注：批注内容。"),
    ]
    assert squeeze(document.reference) == squeeze(
        "离休干部每年 体检一次，由原单位组织。文本框里的话。据市委老干部局通知。"
    )


def test_a_table_of_contents_field_is_not_read_but_other_fields_are() -> None:
    toc = f'{{\\field{{\\*\\fldinst {{ TOC \\\\o "1-3" \\\\h }}}}{{\\fldrslt {{{gbk("一、总则")}\\tab 1}}\\par}}}}'
    page = f"{{\\field{{\\*\\fldinst {{ DATE }}}}{{\\fldrslt {gbk('2025年9月26日')}}}}}"
    assert rtf_text(f"\\pard {toc}\\pard {gbk('正文。')}\\par\\pard {page}\\par") == "正文。\n2025年9月26日"


def test_an_odt_whose_compressed_content_is_damaged_is_refused() -> None:
    whole = (FIXTURES / "office_formats.odt").read_bytes()
    info = zipfile.ZipFile(io.BytesIO(whole)).getinfo("content.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra) + 10
    damaged = bytearray(whole)
    for i in range(start, start + 50):
        damaged[i] ^= 0x5A
    assert "内容已损坏" in refusal("讲话.odt", bytes(damaged))
