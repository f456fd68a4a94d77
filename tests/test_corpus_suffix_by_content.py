"""`corpus.suffix_by_content`: a file whose name and type tell nothing (sent to the bot as application/octet-stream
with no extension) named by what its bytes are — by the readers' own signatures, never a second sniffer — and read
under that name as any file of its format is."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corpus import SUPPORTED_SUFFIXES, CorpusError, read_bytes, suffix_by_content, unsupported_message

FIXTURES = Path(__file__).parent / "fixtures"

# Real files made by real producers (each beside the script that made it), and the format each is in
MADE = [
    ("documents/work_conference.pdf", ".pdf"),
    ("documents/work_conference.docx", ".docx"),
    ("documents/work_conference.doc", ".doc"),
    ("documents/work_conference.odt", ".odt"),
    ("documents/work_conference.rtf", ".rtf"),
    ("documents/holiday_visit.gbk.txt", ".txt"),
    ("documents/holiday_visit.utf16le.txt", ".txt"),
    ("documents/retiree_forum.big5.txt", ".txt"),
    ("documents/holiday_visit.scan.png", ".png"),
    ("documents/holiday_visit.scan.jpg", ".jpg"),
    ("sheet_boxes/insurance.xls", ".xls"),
    ("sheet_boxes/insurance.ods", ".ods"),
    ("xlsxwriter/export.xlsxwriter.xlsx", ".xlsx"),
    ("web_pages/art_exhibition.gov-table.gb2312.html", ".html"),
    ("html_mail/notice.eml", ".eml"),
    ("html_mail/outlook_forward.eml", ".eml"),
    ("mail_signature/html_signed.eml", ".eml"),
    ("web_pages/art_exhibition.gov-div.gb2312.mht", ".mht"),
    ("web_pages/health_notice.libreoffice.mhtml", ".mht"),
    ("mail_chain/chain.mbox", ".mbox"),
    ("archives/材料-infozip.zip", ".zip"),
]


@pytest.mark.parametrize(("path", "suffix"), MADE, ids=[p for p, _ in MADE])
def test_a_file_with_no_name_is_named_by_its_bytes_and_read_as_its_format(path: str, suffix: str) -> None:
    data = (FIXTURES / path).read_bytes()
    assert suffix_by_content(data) == suffix
    if suffix in SUPPORTED_SUFFIXES and suffix not in (".png", ".jpg"):  # (an archive is opened as a folder;
        # a scan read by OCR twice is slow): read under that name as under its own
        named = read_bytes("通知" + suffix, data)
        assert named.text.strip()
        assert named.text == read_bytes(Path(path).name, data).text


def test_bytes_of_no_format_read_are_named_none() -> None:
    assert suffix_by_content(b"\x00\x01binary" * 40) is None  # a program's bytes
    assert (
        suffix_by_content(b"\x00\x00\x00\x20ftypisom\x00\x00\x02\x00" + bytes(range(256)) * 8) is None
    )  # an MP4
    assert suffix_by_content(b"PK\x03\x04" + b"\x00" * 60) is None  # a zip cut short
    assert (
        suffix_by_content(b"") == ".txt"
    )  # an empty file is refused as empty (「文件是空的」), not as unknown


@pytest.fixture(scope="module")
def impress_ppt(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """A deck written by python-pptx and saved by LibreOffice Impress as PowerPoint 97–2003 (.ppt)."""
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice is not installed")
    from pptx import Presentation
    from pptx.util import Emu

    folder = tmp_path_factory.mktemp("impress")
    deck = Presentation()
    box = deck.slides.add_slide(deck.slide_layouts[6]).shapes.add_textbox(
        Emu(0), Emu(0), Emu(8229600), Emu(914400)
    )
    box.text_frame.text = "关于老干部冬季健身活动的安排"
    deck.save(folder / "deck.pptx")
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{folder}/profile", "--headless", "--convert-to", "ppt",
         "--outdir", str(folder), str(folder / "deck.pptx")],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    # LibreOffice without Impress (Writer and Calc only) converts no deck
    if not (folder / "deck.ppt").exists():
        pytest.skip("LibreOffice Impress is not installed")
    return (folder / "deck.ppt").read_bytes()


def test_an_old_powerpoint_deck_is_told_by_its_streams_and_refused_with_what_to_do(
    impress_ppt: bytes,
) -> None:
    """A compound file is a .doc, an .xls or a .ppt by the streams it holds: a .ppt, which speechqa does not read, is
    named so, and its refusal says how to save it (not 「不是有效的 Word 文档」)."""
    assert suffix_by_content(impress_ppt) == ".ppt"
    assert "另存为" in unsupported_message("演示.ppt") or ".pptx" in unsupported_message("演示.ppt")


SENTENCES = [
    "市委老干部局定于下周三召开离退休干部情况通报会。",
    "请各支部按时组织老同志参加，做好服务保障工作。",
    "老干部活动中心自十月起每周一闭馆维护，其余时间照常开放。",
    "离休干部每年一次体检的规定要落实到位。",
    "联系人：王科长，电话：０７３１－８８８８６６６６。",
]


@given(
    st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=8),
    st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "gbk", "big5", "utf-16"]),
)
def test_a_chinese_text_in_any_encoding_the_readers_decode_is_a_text(lines: list[str], encoding: str) -> None:
    text = "\n".join(lines) + "\n"
    if encoding == "big5":
        text = text.translate(
            str.maketrans("干组维规联电话", "幹組維規聯電話")
        )  # Big5 holds the traditional forms
        data = text.encode("big5", errors="replace")
    else:
        data = text.encode(encoding)
    assert suffix_by_content(data) == ".txt"


def outlook_like() -> bytes:
    """A compound file that is no Word, Excel or PowerPoint file, as an Outlook .msg is: LibreOffice's .doc with its
    streams renamed as a .msg names its own (「__substg1.0_」; the directory's name lengths unchanged)."""
    data = (FIXTURES / "documents" / "work_conference.doc").read_bytes()
    for word, other in (("WordDocument", "__substg1.0_"), ("1Table", "2Table")):
        data = data.replace(word.encode("utf-16-le"), other.encode("utf-16-le"))
    return data


def test_a_compound_file_of_no_office_kind_is_not_called_a_doc() -> None:
    """Word is told by its WordDocument stream, Excel by Workbook, PowerPoint by PowerPoint Document, a password-
    protected Office file by its encryption streams; an Outlook .msg's streams are none of these: of no format read
    (refused as of an unsupported type, not 「.doc 文件可能已损坏」), and under a document's name said to be what it is."""
    assert suffix_by_content((FIXTURES / "documents" / "work_conference.doc").read_bytes()) == ".doc"
    assert suffix_by_content((FIXTURES / "sheet_boxes" / "insurance.xls").read_bytes()) == ".xls"
    assert suffix_by_content((FIXTURES / "documents" / "word_password.docx").read_bytes()) == ".doc"
    assert suffix_by_content(outlook_like()) is None
    for name in ("邮件.doc", "邮件.xls", "邮件.wps"):
        with pytest.raises(CorpusError) as refused:
            read_bytes(name, outlook_like())
        line = str(refused.value)
        assert line.startswith(f"{name} 不是 Word、Excel 或 PowerPoint 文件") and "\n" not in line, line


def test_an_old_deck_under_a_word_name_is_said_to_be_a_deck(impress_ppt: bytes) -> None:
    with pytest.raises(
        CorpusError, match=r"^座谈会\.doc 其实是旧版 PowerPoint 演示文稿（\.ppt）.*另存为 \.pptx"
    ):
        read_bytes("座谈会.doc", impress_ppt)


DOCUMENTS = {
    "讲话.docx": FIXTURES / "documents" / "work_conference.docx",
    "讲话.odt": FIXTURES / "documents" / "work_conference.odt",
    "保险.ods": FIXTURES / "sheet_boxes" / "insurance.ods",
    "导出.xlsx": FIXTURES / "xlsxwriter" / "export.xlsxwriter.xlsx",
    "讲话.pdf": FIXTURES / "documents" / "work_conference.pdf",
}


@given(
    st.lists(st.sampled_from(sorted(DOCUMENTS)), min_size=1, max_size=4),
    st.sampled_from([zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED]),
    st.sampled_from(["", "材料/", "通知/2026/"]),
)
def test_any_zip_of_documents_is_an_archive_stored_or_deflated(
    names: list[str], method: int, folder: str
) -> None:
    """A zip is named .zip unless its own root is an OOXML or OpenDocument package: read from its contents listing,
    never by searching its bytes (a stored .docx inside carries word/document.xml in the archive's bytes)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as archive:
        for i, name in enumerate(names):
            archive.writestr(f"{folder}{i}-{name}", DOCUMENTS[name].read_bytes())
    assert suffix_by_content(out.getvalue()) == ".zip"


def test_a_package_at_its_own_root_is_its_format() -> None:
    for name, path in DOCUMENTS.items():
        assert suffix_by_content(path.read_bytes()) == Path(name).suffix, name


@pytest.mark.parametrize(
    "text",
    [
        '{"标题": "关于老干部体检的通知", "日期": "2026-09-01"}',
        '[{"姓名": "赵明", "单位": "市委老干部局"}]',
        '<?xml version="1.0" encoding="UTF-8"?>\n<通知><标题>关于体检的通知</标题></通知>',
        '<svg xmlns="http://www.w3.org/2000/svg"><text>通知</text></svg>',
        "%!PS-Adobe-3.0\n%%Title: 通知\nshowpage\n",
        "BEGIN:VCARD\nVERSION:3.0\nFN:赵明\nEND:VCARD\n",
        "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nSUMMARY:老干部座谈会\nEND:VEVENT\nEND:VCALENDAR\n",
    ],
    ids=["json", "json-list", "xml", "svg", "postscript", "vcard", "icalendar"],
)
def test_text_that_is_another_programs_format_is_not_a_speech(text: str) -> None:
    assert suffix_by_content(text.encode("utf-8")) is None
    assert suffix_by_content(text.encode("utf-8-sig")) is None


def test_a_speech_beginning_with_a_bracket_is_still_a_text() -> None:
    assert suffix_by_content("[会议纪要] 市委老干部局召开离退休干部情况通报会。\n".encode()) == ".txt"
    assert suffix_by_content("{内部} 关于老干部体检的通知\n请各支部做好安排。\n".encode("gbk")) == ".txt"
