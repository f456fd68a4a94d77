"""corpus.reader: every supported way a speech arrives as a file, and every way one is refused."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import threading
import zipfile
from pathlib import Path

import docx
import pytest
from pypdf import PdfWriter

from corpus import (
    CorpusError,
    EmptyDocument,
    SkippedFiles,
    UnreadableFile,
    UnsupportedFormat,
    iter_speech_files,
    read_bytes,
    read_document,
    skipped_files,
)
from corpus import formats as formats_module
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
    path = tmp_path / "data.txt"
    path.write_bytes(b"\x00\x01\x02\x03IHDR" + bytes(range(256)))
    with pytest.raises(UnreadableFile, match="不是文本文件"):
        read_document(path)


def test_a_damaged_png_named_txt_is_refused_as_what_it_is(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(
        UnreadableFile, match=r"^image\.txt 其实是 PNG 图片，不是 \.txt 文件：请把扩展名改为 \.png 再添加。$"
    ):
        read_document(path)


@pytest.mark.parametrize(
    ("fixture", "renamed", "kind", "suffix"),
    [
        ("work_conference.pdf", "讲话.txt", " PDF 文件", ".pdf"),
        ("work_conference.pdf", "讲话.docx", " PDF 文件", ".pdf"),
        ("work_conference.docx", "讲话.pdf", " Word 文档（.docx）", ".docx"),
        ("work_conference.odt", "讲话.docx", " OpenDocument 文档（.odt）", ".odt"),
        ("work_conference.rtf", "讲话.txt", " RTF 文档", ".rtf"),
        ("work_conference.rtf", "讲话.pdf", " RTF 文档", ".rtf"),
        ("holiday_visit.gbk.txt", "讲话.docx", "纯文本文件", ".txt"),
        ("holiday_visit.gbk.txt", "讲话.pdf", "纯文本文件", ".txt"),
        ("holiday_visit.utf16le.txt", "讲话.odt", "纯文本文件", ".txt"),
        ("holiday_visit.scan.png", "讲话.pdf", " PNG 图片", ".png"),
    ],
)
def test_a_file_whose_contents_are_another_format_is_refused_saying_what_it_is(
    fixture: str, renamed: str, kind: str, suffix: str, tmp_path: Path
) -> None:
    """A PDF saved as .txt, a text renamed .docx…: not 「不是文本文件」 or 「无法解压」, which leave the
    user guessing, but what the file is and the extension that reads it (the same bytes under that name
    are read)."""
    path = tmp_path / renamed
    path.write_bytes((FIXTURES / fixture).read_bytes())
    with pytest.raises(UnreadableFile) as caught:
        read_document(path)
    wrong = Path(renamed).suffix
    assert str(caught.value) == f"{renamed} 其实是{kind}，不是 {wrong} 文件：请把扩展名改为 {suffix} 再添加。"
    assert read_document(path.rename(path.with_suffix(suffix))).text


def test_formats_are_known_by_their_bytes() -> None:
    kinds = {
        "holiday_visit.scan.png": ".png",
        "holiday_visit.scan.jpg": ".jpg",
        "training_speech.scan.tif": ".tif",
        "work_conference.pdf": ".pdf",
        "work_conference.docx": ".docx",
        "work_conference.doc": ".doc",
        "office_formats.wps": ".doc",
        "work_conference.odt": ".odt",
        "work_conference.rtf": ".rtf",
        "holiday_visit.gbk.txt": None,
    }
    assert {name: reader_module.content_kind((FIXTURES / name).read_bytes()) for name in kinds} == kinds


def test_text_with_nul_bytes_is_refused() -> None:
    with pytest.raises(UnreadableFile, match="二进制"):
        read_bytes("nul.txt", "讲话".encode() + b"\x00" + "稿".encode())


@pytest.mark.parametrize("content", [b"", b"   \r\n\t\n"])
def test_empty_file_is_refused(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    with pytest.raises(EmptyDocument, match="空"):
        read_document(path)


@pytest.mark.parametrize("name", ["讲话.key", "讲话.pages", "讲话.mobi", "讲话"])
def test_unsupported_suffix_is_refused(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(SPEECH, encoding="utf-8")
    with pytest.raises(
        UnsupportedFormat,
        match=r"\.txt、\.md、\.docx、\.doc、\.wps、\.odt/\.fodt、\.uot（UOF）、\.rtf、\.pdf",
    ):
        read_document(path)


def test_suffix_case_does_not_matter(tmp_path: Path) -> None:
    path = tmp_path / "讲话.TXT"
    path.write_text(SPEECH, encoding="utf-8")
    assert read_document(path).text == SPEECH


def test_missing_file_is_refused_with_its_name(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFile, match=r"nowhere\.txt"):
        read_document(tmp_path / "nowhere.txt")


def test_oversized_file_is_refused_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(formats_module, "MAX_FILE_BYTES", 10)  # where the limit lives (corpus/formats.py)
    path = tmp_path / "big.rtf"
    path.write_text(r"{\rtf1 " + SPEECH + "}", encoding="utf-8")
    with pytest.raises(UnreadableFile, match=r"文件太大：big\.rtf（0\.0 MB），最多 0 MB"):
        read_document(path)


def test_a_text_past_the_text_limit_is_refused_naming_it_and_the_limit(tmp_path: Path) -> None:
    """A plain text is held to MAX_TEXT_BYTES (10 MB: a log dumped by mistake, not hours of embedding),
    refused before it is read, from a path (`add`) and from bytes (the bot) alike."""
    from corpus import MAX_TEXT_BYTES, size_refusal

    line = "2026-04-28 10:05:01 INFO 离退休干部活动中心门禁系统 用户刷卡 通过\n".encode()
    path = tmp_path / "系统日志.txt"
    path.write_bytes(line * (MAX_TEXT_BYTES // len(line) + 1))
    said = r"文件太大：系统日志\.txt（10\.0 MB），纯文本文件最多 10 MB：.*拆分"
    with pytest.raises(UnreadableFile, match=said):
        read_document(path)
    with pytest.raises(UnreadableFile, match=said):
        read_bytes(path.name, path.read_bytes())
    assert size_refusal(path.name, MAX_TEXT_BYTES) is None  # up to the limit: read
    assert size_refusal("汇编.pdf", MAX_TEXT_BYTES + 1) is None  # the text limit is the text's


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
    with pytest.raises(UnreadableFile, match=r"其实是 zip 压缩包，不是 \.docx 文件：请把扩展名改为 \.zip"):
        read_bytes("压缩包.docx", zip_bytes({"readme.txt": b"hello"}))
    with pytest.raises(UnreadableFile, match=r"word/document\.xml"):  # a Word package missing its body
        read_bytes("讲话.docx", zip_bytes({"[Content_Types].xml": b"<Types/>", "docProps/app.xml": b"<x/>"}))


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
    for name in [
        "b.txt",
        "a.docx",
        "c.pdf",
        "notes.md",
        "page.png",
        "old.doc",
        "logo.svg",
        "draw.vsdx",
        "sub/d.TXT",
    ]:
        (tmp_path / name).write_bytes(b"x")
    found = list(iter_speech_files([tmp_path]))
    assert [p.relative_to(tmp_path).as_posix() for p in found] == [
        "a.docx",
        "b.txt",
        "c.pdf",
        "notes.md",
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


def read_within(path: Path, seconds: float = 10) -> BaseException | None:
    """What read_document raised for `path`, in a daemon thread: a regression that opens a pipe and
    waits for a writer fails the test instead of hanging it."""
    raised: list[BaseException | None] = []

    def read() -> None:
        try:
            read_document(path)
            raised.append(None)
        except BaseException as e:  # handed to the test
            raised.append(e)

    thread = threading.Thread(target=read, daemon=True)
    thread.start()
    thread.join(seconds)
    assert raised, f"read_document({path}) did not return within {seconds} s"
    return raised[0]


def test_a_named_pipe_or_a_device_is_refused_without_being_opened(tmp_path: Path) -> None:
    pipe = tmp_path / "管道.txt"
    os.mkfifo(pipe)
    device = tmp_path / "零.txt"
    device.symlink_to("/dev/zero")  # would read for ever
    for path, kind in ((pipe, "命名管道"), (device, "设备文件"), (Path("/dev/null"), "设备文件")):
        error = read_within(path)
        assert isinstance(error, UnreadableFile), error
        assert str(error) == f"不是普通文件：{path}（是{kind}，不能作为讲话添加）。"


def test_a_folder_passes_over_named_pipes_and_names_them(tmp_path: Path) -> None:
    (tmp_path / "讲话.txt").write_text(SPEECH, encoding="utf-8")
    os.mkfifo(tmp_path / "管道.txt")
    (tmp_path / "sub").mkdir()
    os.mkfifo(tmp_path / "sub" / "导出.docx")
    os.mkfifo(tmp_path / ".hidden-pipe")  # hidden: passed over without a word, as hidden files are
    assert list(iter_speech_files([tmp_path])) == [tmp_path / "讲话.txt"]
    assert skipped_files(tmp_path).special == (tmp_path / "sub" / "导出.docx", tmp_path / "管道.txt")
    assert skipped_files(tmp_path / "讲话.txt").special == ()


# Run as a user that file modes bind: root ignores them, so as root the walk runs without the two
# capabilities that let it (setpriv, util-linux).
WALK = """
import sys
from pathlib import Path
from corpus import CorpusError, iter_speech_files, read_document
found = list(iter_speech_files([Path(sys.argv[1])]))
print("|".join(str(p) for p in found))
for path in found:
    try:
        read_document(path)
    except CorpusError as e:
        print(e)
"""


def test_a_folder_inside_that_cannot_be_opened_is_named_not_passed_over(tmp_path: Path) -> None:
    (tmp_path / "讲话.txt").write_text(SPEECH, encoding="utf-8")
    locked = tmp_path / "存档"
    locked.mkdir()
    (locked / "旧讲话.txt").write_text(SPEECH, encoding="utf-8")
    locked.chmod(0)
    as_bound = []
    if os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.skip("root ignores file modes, and setpriv is not here to drop that")
        as_bound = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search", "--"]
    try:
        done = subprocess.run(
            [*as_bound, sys.executable, "-c", WALK, str(tmp_path)],
            env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])},
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
        )
    finally:
        locked.chmod(0o755)
    assert done.returncode == 0, done.stderr
    found, *refusals = done.stdout.splitlines()
    assert found.split("|") == [str(locked), str(tmp_path / "讲话.txt")]  # in the walk's order
    assert refusals == [f"无法打开文件夹 {locked}：没有权限，其中的文件都没有添加。"]


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


# -- encodings verified, not assumed --------------------------------------------------------------------

TRADITIONAL = "在退休幹部座談會上的講話\n我們將繼續完善走訪慰問制度，做到老同志生病住院必訪。\n"


def test_big5_file_is_read_as_big5_not_as_gb18030_gibberish() -> None:
    data = TRADITIONAL.encode("big5")
    data.decode("gb18030")  # decodes without error: the old reader took this gibberish
    document = read_bytes("繁體.txt", data)
    assert document.text == TRADITIONAL
    assert document.encoding == "big5"


def test_utf16_without_bom_is_decoded() -> None:
    for codec in ("utf-16-le", "utf-16-be"):
        document = read_bytes("utf16.txt", SPEECH.encode(codec))
        assert document.text == SPEECH
        assert document.encoding == "utf-16"


def test_bytes_no_encoding_makes_plausible_are_refused_naming_the_guesses() -> None:
    # Valid GB18030 and Big5 byte pairs, but of rare characters in no sensible order.
    noise = bytes([0x81, 0x40, 0xFE, 0x7E, 0x8F, 0xA1, 0xA1, 0x40] * 40)
    with pytest.raises(UnreadableFile) as caught:
        read_bytes("乱码.txt", noise)
    message = str(caught.value)
    assert message.startswith("无法识别文件编码（试过：")
    assert "UTF-8" in message and "GB18030" in message and "Big5" in message
    assert "乱码.txt" in message


def test_plausibility_tells_chinese_from_mojibake() -> None:
    from corpus.encoding import plausibility

    assert plausibility(SPEECH) > 0.95
    assert plausibility(TRADITIONAL) > 0.95
    assert plausibility(TRADITIONAL.encode("big5").decode("gb18030")) < 0.85
    assert plausibility(SPEECH.encode("utf-8").decode("latin-1")) < 0.85


# -- Word structure -------------------------------------------------------------------------------------


def structured_docx(*, header: str = "", footer: str = "") -> bytes:
    document = docx.Document()
    document.add_paragraph("在全市老干部工作会议上的讲话", style="Title")
    document.add_paragraph("——在2024年全市老干部工作会议上", style="Subtitle")
    document.add_heading("落实医疗待遇", level=1)
    document.add_paragraph("离休干部每年体检一次。")
    document.add_heading("（一）体检标准", level=2)
    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate(
        [
            ("项目", "标准", "经费来源"),
            ("健康体检", "每年一次", "同级财政"),
            ("住院陪护", "每天八十元", "原单位"),
        ]
    ):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.add_paragraph("表格之后的段落。")
    outline = document.add_paragraph("按大纲级别标出的标题")
    ppr = outline._p.get_or_add_pPr()
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    level = OxmlElement("w:outlineLvl")
    level.set(qn("w:val"), "1")
    ppr.append(level)
    if header:
        document.sections[0].header.paragraphs[0].text = header
    if footer:
        document.sections[0].footer.paragraphs[0].text = footer
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_docx_styles_become_block_kinds_and_tables_stay_in_place() -> None:
    document = read_bytes("讲话.docx", structured_docx())
    assert [(b.kind, b.level, b.text) for b in document.blocks] == [
        ("title", 0, "在全市老干部工作会议上的讲话"),
        ("subtitle", 0, "——在2024年全市老干部工作会议上"),
        ("heading", 1, "落实医疗待遇"),
        ("paragraph", 0, "离休干部每年体检一次。"),
        ("heading", 2, "（一）体检标准"),
        ("table_row", 0, "项目：健康体检；标准：每年一次；经费来源：同级财政"),
        ("table_row", 0, "项目：住院陪护；标准：每天八十元；经费来源：原单位"),
        ("paragraph", 0, "表格之后的段落。"),
        ("heading", 2, "按大纲级别标出的标题"),
    ]
    assert document.text.splitlines() == [b.text for b in document.blocks]


def test_docx_page_header_and_footer_are_left_out_deliberately() -> None:
    document = read_bytes("讲话.docx", structured_docx(header="中共某某市委老干部局", footer="第 1 页"))
    assert "老干部局" not in document.text
    assert "第 1 页" not in document.text


def test_a_merged_cell_is_read_once_per_row_it_shows_in() -> None:
    """A vertically merged cell shows its value in every row it spans: each row carries it. A cell
    merged across columns is one cell, read once."""
    document = docx.Document()
    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate(
        [("类别", "项目", "标准"), ("离休干部", "体检", "每年一次"), ("", "疗养", "两年一次")]
    ):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    table.cell(1, 0).merge(table.cell(2, 0))  # 离休干部 spans two rows
    wide = document.add_table(rows=2, cols=3)
    wide.cell(0, 0).text, wide.cell(0, 1).text, wide.cell(0, 2).text = "说明", "备注", "日期"
    merged = wide.cell(1, 0).merge(wide.cell(1, 1))
    merged.text = "合并的说明"
    wide.cell(1, 2).text = "2024年"
    out = io.BytesIO()
    document.save(out)
    lines = read_bytes("表格.docx", out.getvalue()).text.splitlines()
    assert lines == [
        "类别：离休干部；项目：体检；标准：每年一次",
        "类别：离休干部；项目：疗养；标准：两年一次",
        "说明：合并的说明；日期：2024年",
    ]


def test_table_without_a_header_row_keeps_its_cells_apart() -> None:
    data = docx_bytes([], table=[["离休干部每年体检一次。", "费用由同级财政负担。"], ["二", "三"]])
    assert read_bytes("表.docx", data).text.splitlines() == [
        "离休干部每年体检一次。；费用由同级财政负担。",
        "二；三",
    ]


# -- .doc (Word 97–2003) --------------------------------------------------------------------------------

FIXTURES = Path(__file__).parent / "fixtures" / "documents"


def test_doc_is_refused_with_the_fix_when_no_converter_is_installed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # neither soffice nor antiword on the PATH
    with pytest.raises(UnreadableFile, match=r"请另存为 \.docx 后再添加"):
        read_document(FIXTURES / "work_conference.doc")


@pytest.mark.usefixtures("antiword_only")
def test_doc_is_read_through_antiword_when_libreoffice_is_missing() -> None:
    document = read_document(FIXTURES / "work_conference.doc")
    assert document.encoding == "doc/antiword"
    assert "离休干部医疗费用按规定实行单独统筹，做到应保尽保、按时足额支付。" in document.text


def test_a_docx_saved_with_a_doc_name_is_read_as_docx() -> None:
    document = read_bytes("改了后缀.doc", structured_docx())
    assert document.encoding == "docx"
    assert document.blocks[0].kind == "title"


def test_non_word_bytes_named_doc_are_refused() -> None:
    with pytest.raises(UnreadableFile, match="不是有效的 Word 97–2003 文档"):
        read_bytes("假的.doc", b"This is no Word document")


def test_chinese_text_named_doc_is_refused_saying_it_is_text() -> None:
    with pytest.raises(
        UnreadableFile, match=r"其实是纯文本文件，不是 \.doc 文件：请把扩展名改为 \.txt 再添加"
    ):
        read_bytes("其实是文本.doc", "这不是 Word 文档，是纯文本。".encode())


# -- images and scans -----------------------------------------------------------------------------------


def test_images_without_an_ocr_engine_are_refused_saying_how_to_enable_it(tmp_path: Path) -> None:
    """In a process where neither RapidOCR can be imported nor tesseract is on the PATH."""
    import subprocess
    import sys

    script = (
        "import sys; sys.modules['rapidocr'] = None\n"
        "from pathlib import Path\n"
        "from corpus import CorpusError, read_document\n"
        "for name in sys.argv[1:]:\n"
        "    try:\n"
        "        read_document(Path(name))\n"
        "    except CorpusError as e:\n"
        "        print(e)\n"
    )
    files = [str(FIXTURES / "holiday_visit.scan.png"), str(FIXTURES / "training_speech.scan.pdf")]
    done = subprocess.run(
        [sys.executable, "-c", script, *files],
        env={"PATH": str(tmp_path), "HOME": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    png, pdf = done.stdout.splitlines()
    assert png.startswith("holiday_visit.scan.png 是图片") and "pip install 'speechqa[ocr]'" in png
    assert pdf.startswith("training_speech.scan.pdf 是扫描件") and "pip install 'speechqa[ocr]'" in pdf


def test_a_broken_image_is_refused_clearly() -> None:
    with pytest.raises(UnreadableFile, match="不是有效的图片文件"):
        read_bytes("照片.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 50)


# -- PDF encryption -------------------------------------------------------------------------------------


def test_pdf_needing_a_user_password_is_refused_in_chinese() -> None:
    writer = PdfWriter(clone_from=io.BytesIO(pdf_with_text(["离休干部每年体检一次。"])))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    with pytest.raises(UnreadableFile, match="这个 PDF 需要密码才能打开"):
        read_bytes("加密.pdf", out.getvalue())


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-128", "AES-256"])
def test_pdf_with_only_an_owner_password_opens(algorithm: str) -> None:
    writer = PdfWriter(clone_from=io.BytesIO(pdf_with_text(["离休干部每年体检一次。"])))
    writer.encrypt(user_password="", owner_password="owner", algorithm=algorithm)
    out = io.BytesIO()
    writer.write(out)
    assert "离休干部每年体检一次。" in read_bytes("限制编辑.pdf", out.getvalue()).text


def test_operating_system_errors_are_told_in_chinese(tmp_path: Path) -> None:
    import errno

    from corpus import describe_os_error

    assert (
        describe_os_error(FileNotFoundError(errno.ENOENT, "No such file or directory"))
        == "文件或文件夹不存在"
    )
    assert describe_os_error(PermissionError(errno.EACCES, "Permission denied")) == "没有权限"
    assert describe_os_error(OSError(errno.ENOSPC, "No space left on device")) == "磁盘空间不足"
    assert describe_os_error(OSError(errno.EBUSY, "Device or resource busy")) == f"系统错误 {errno.EBUSY}"
    try:
        (tmp_path / "missing" / "x.docx").write_bytes(b"")
    except OSError as e:
        assert describe_os_error(e) == "文件或文件夹不存在"


def test_hz_text_is_decoded_not_taken_for_ascii() -> None:
    data = SPEECH.encode("hz")
    assert data.isascii()  # as ASCII it would be plausible gibberish: ~{TZH+JP@kMKP...
    document = read_bytes("旧邮件.txt", data)
    assert document.text == SPEECH
    assert document.encoding == "hz"


def test_ascii_with_a_tilde_brace_stays_ascii() -> None:
    text = "Notes ~{ not HZ at all\n"
    assert read_bytes("notes.txt", text.encode()).text == text


def test_utf8_with_a_damaged_character_is_refused_saying_where() -> None:
    data = (
        "在全市老干部工作会议上的讲话\n同志们：\n" + "要落实好离休干部每年一次体检的规定。\n" * 5
    ).encode()
    cut = data.index("体检".encode()) + 1
    with pytest.raises(UnreadableFile) as caught:
        read_bytes("讲话.txt", data[:cut] + data[cut + 1 :])
    message = str(caught.value)
    assert message.startswith("讲话.txt 是 UTF-8 编码，但有 1 处字节已损坏（第一处在第 3 行）")
    assert "\n" not in message


def test_a_folder_names_what_it_skips_in_one_walk(tmp_path: Path) -> None:
    (tmp_path / "讲话.txt").write_text(SPEECH, encoding="utf-8")
    (tmp_path / "统计表.numbers").write_bytes(b"PK")
    os.mkfifo(tmp_path / "管道.txt")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "幻灯片.key").write_bytes(b"PK")
    os.mkfifo(tmp_path / "sub" / "导出.docx")
    (tmp_path / "~$讲话.docx").write_bytes(b"lock")  # Word's lock file: not worth naming
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "备份.zip").write_bytes(b"PK")
    (tmp_path / "sub" / "材料.tar.gz").write_bytes(b"\x1f\x8b")
    skipped = skipped_files(tmp_path)
    assert skipped == SkippedFiles(
        unsupported=(tmp_path / "sub" / "幻灯片.key", tmp_path / "统计表.numbers"),
        special=(tmp_path / "sub" / "导出.docx", tmp_path / "管道.txt"),
        archives=(tmp_path / "sub" / "材料.tar.gz",),
    )
    assert skipped_files(tmp_path / "讲话.txt") == SkippedFiles()


@pytest.mark.parametrize(
    ("name", "make"),
    [
        ("通知.docx", lambda: structured_docx()[:3000]),  # a download cut short
        ("通知.pdf", lambda: blank_pdf()[: len(blank_pdf()) // 2]),
        ("通知.doc", lambda: b"\x00\x01 no Word 97-2003 header " * 40),
    ],
)
def test_a_damaged_file_is_refused_in_one_line_saying_what_to_do(name: str, make) -> None:
    """The README promises that a file that cannot be read is refused with one Chinese line saying what
    to do: a damaged .docx, .doc or PDF used to stop at what it is not (「…不是有效的 .docx 文件（无法解压）。」)."""
    with pytest.raises(UnreadableFile) as caught:
        read_bytes(name, make())
    message = str(caught.value)
    assert message.startswith(f"{name} 不是有效的") and "\n" not in message
    assert message.endswith("请重新下载或拷贝原文件，如果还能打开，就另存为新文件再添加。")
    assert message.count("：") == 1  # one colon before what to do


def test_an_office_lock_file_is_refused_as_one_wherever_its_bytes_come_from() -> None:
    """Word's 162-byte owner file (「~$知.docx」 beside 「通知.docx」) read from its bytes, as the bot reads an upload:
    it used to be refused as 「不是有效的 .docx 文件（无法解压，可能已损坏或不完整）：请重新下载…」."""
    owner = "张三"
    lock = (
        bytes([len(owner.encode("gbk"))]) + owner.encode("gbk").ljust(53, b"\0") + owner.encode("utf-16-le")
    ).ljust(162, b"\0")
    for name in ("~$知.docx", "~$体检安排.xlsx", "~$通知.wps"):
        with pytest.raises(UnreadableFile) as refused:
            read_bytes(name, lock)
        assert str(refused.value).startswith(f"{name} 是 Word、WPS 等打开文档时在旁边留下的临时文件")
        assert "损坏" not in str(refused.value)
    # a real document whose owner named it so is read as the document: the lock rule names only what fails
    stream = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("关于重阳节走访慰问的通知")
    document.add_paragraph("各单位要在10月20日前完成走访慰问，离休干部每人慰问金1200元。")
    document.save(stream)
    assert "慰问金1200元" in read_bytes("~$通知.docx", stream.getvalue()).text
