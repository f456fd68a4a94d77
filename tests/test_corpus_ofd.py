"""corpus.ofd: OFD files (GB/T 33190) read as PDFs are. Fixtures from easyofd (the PDF fixtures LibreOffice
and reportlab made, and a scan, converted) and from the standard's own page layout (a page template, one
object per character, a CTM): ``tests/fixtures/ofd/make_ofd.py``."""

from __future__ import annotations

import json
import re
import zipfile
from email.message import EmailMessage
from functools import cache
from pathlib import Path

import pytest

from corpus import CorpusError, Document, parse_document, read_bytes, read_document
from corpus.layout import is_page_number
from corpus.ocr import engine as ocr_engine

FIXTURES = Path(__file__).parent / "fixtures" / "ofd"
DOCUMENTS = Path(__file__).parent / "fixtures" / "documents"
CASES = sorted(FIXTURES.glob("*.ofd.json"))


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def expected_of(case: Path) -> dict:  # type: ignore[type-arg]
    return json.loads(case.read_text(encoding="utf-8"))


def fixture_of(case: Path) -> Path:
    return case.with_name(case.name.removesuffix(".json"))


@cache
def read(path: Path) -> Document:
    return read_document(path)


TEXT_CASES = [c for c in CASES if "error" not in expected_of(c) and "scan" not in expected_of(c)["format"]]
ERROR_CASES = [c for c in CASES if "error" in expected_of(c)]
SCAN = FIXTURES / "holiday_visit.scan.ofd"


def test_the_fixtures_cover_each_producer_and_layout() -> None:
    formats = {expected_of(c)["format"] for c in CASES}
    assert {"ofd/easyofd-libreoffice", "ofd/easyofd-reportlab", "ofd/easyofd-scan"} <= formats
    assert {"ofd/layout-char", "ofd/layout-ctm", "ofd/cut", "ofd/encrypted"} <= formats


@pytest.mark.parametrize("case", TEXT_CASES, ids=lambda c: c.name.removesuffix(".json"))
def test_every_body_sentence_arrives_once_in_order_without_page_furniture(case: Path) -> None:
    expected = expected_of(case)
    document = read(fixture_of(case))
    assert document.encoding == "ofd"
    flat = squeeze(document.text)
    position = 0
    for sentence in expected["sentences"]:
        needle = squeeze(sentence)
        assert flat.count(needle) == 1, sentence
        assert flat.find(needle) >= position, f"out of order: {sentence}"
        position = flat.find(needle) + len(needle)
    for section in expected["sections"]:
        assert squeeze(section) in flat
    assert [line for line in document.text.splitlines() if is_page_number(line)] == []
    assert not re.search(r"第\s*\d+\s*页|[—-]\s*\d+\s*[—-]", document.text)


@pytest.mark.parametrize("case", TEXT_CASES, ids=lambda c: c.name.removesuffix(".json"))
def test_a_notice_or_speech_is_cited_as_its_source_says(case: Path) -> None:
    expected = expected_of(case)
    (speech,) = parse_document(read(fixture_of(case)))
    assert speech.title == expected["title"]
    assert speech.date == expected["date"]
    if expected["speaker"]:
        assert speech.speaker == expected["speaker"]
    if expected["doc_number"]:
        assert expected["doc_number"] in read(fixture_of(case)).text.replace(" ", "")


@pytest.mark.parametrize(
    ("ofd", "pdf"),
    [
        ("health_notice.libreoffice.ofd", "health_notice.pdf"),
        ("training_speech.reportlab.ofd", "training_speech.reportlab.pdf"),
    ],
)
def test_an_ofd_converted_from_a_pdf_reads_as_that_pdf_does(ofd: str, pdf: str) -> None:
    """easyofd gives every run of a line the line's whole box and spreads its characters over it (runs in
    two fonts drawn over each other), and writes the page box in points, the text in other units: read in
    the runs' order, the line as wide as its box, the page as large as its text with its margins."""
    assert read(FIXTURES / ofd).text == read(DOCUMENTS / pdf).text


def test_a_header_on_the_page_template_every_page_uses_is_dropped_as_a_running_header() -> None:
    """The template is drawn on each page, as a PDF draws its running header: dropped as a PDF's is."""
    text = read(FIXTURES / "health_notice.template-chars.ofd").text
    header = expected_of(FIXTURES / "health_notice.template-chars.ofd.json")["absent"][0]
    assert header not in text
    with zipfile.ZipFile(FIXTURES / "health_notice.template-chars.ofd") as package:
        pages = [n for n in package.namelist() if re.match(r"Doc_0/Pages/Page_\d+/Content.xml", n)]
        assert len(pages) == 2
        assert all(b'TemplateID="2"' in package.read(n) for n in pages)
        template = package.read("Doc_0/Tpls/Tpl_0/Content.xml").decode()
        assert "".join(re.findall(r"<ofd:TextCode[^>]*>([^<]*)<", template)) == header


def test_a_run_split_per_character_and_a_scaled_run_read_as_one_line() -> None:
    chars = read(FIXTURES / "health_notice.template-chars.ofd").text
    scaled = read(FIXTURES / "health_notice.ctm.ofd").text
    assert chars == scaled
    assert "联系人：王丽华，联系电话：0123-88886666。" in chars


@pytest.mark.parametrize("case", ERROR_CASES, ids=lambda c: c.name.removesuffix(".json"))
def test_a_damaged_or_encrypted_ofd_is_refused_in_one_chinese_line(case: Path) -> None:
    with pytest.raises(CorpusError) as caught:
        read_document(fixture_of(case))
    message = str(caught.value)
    assert expected_of(case)["error"] in message and fixture_of(case).name in message
    assert "\n" not in message
    assert not re.search(r"[A-Za-z]{4,}Error|Exception|Traceback", message)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"not a package at all", "不是有效的 OFD 文件"),
        (b"PK\x03\x04" + b"\x00" * 200, "不是有效的 OFD 文件"),
    ],
)
def test_bytes_that_are_no_ofd_package_are_refused(data: bytes, reason: str) -> None:
    with pytest.raises(CorpusError, match=reason):
        read_bytes("通知.ofd", data)


def test_a_package_without_its_pages_is_refused_as_damaged(tmp_path: Path) -> None:
    source = FIXTURES / "health_notice.libreoffice.ofd"
    broken = tmp_path / "缺页.ofd"
    with zipfile.ZipFile(source) as package, zipfile.ZipFile(broken, "w") as out:
        for name in package.namelist():
            if "Page_1" not in name:
                out.writestr(name, package.read(name))
    with pytest.raises(CorpusError) as caught:
        read_document(broken)
    assert "缺页.ofd 不是有效的 OFD 文件（缺少页面 Pages/Page_1/Content.xml）" in str(caught.value)


def test_an_ofd_under_another_name_is_told_to_be_renamed() -> None:
    data = (FIXTURES / "health_notice.libreoffice.ofd").read_bytes()
    with pytest.raises(CorpusError, match=r"通知.pdf 其实是 OFD 文件，不是 .pdf 文件：请把扩展名改为 .ofd"):
        read_bytes("通知.pdf", data)


def test_an_ofd_attached_to_a_saved_email_is_read_under_its_attachment_label() -> None:
    message = EmailMessage()
    message["Subject"] = "转发：体检通知"
    message["From"] = "办公室 <bgs@example.gov.cn>"
    message["Date"] = "Tue, 02 Apr 2024 09:00:00 +0800"
    message.set_content("各位同事：\n体检通知见附件，请按要求组织。\n")
    message.add_attachment(
        (FIXTURES / "health_notice.libreoffice.ofd").read_bytes(),
        maintype="application",
        subtype="ofd",
        filename="体检通知.ofd",
    )
    document = read_bytes("转发.eml", message.as_bytes())
    assert "附件：体检通知" in document.text
    assert "体检时间为2024年5月6日至6月28日，每周一至周五上午进行。" in document.text


def test_a_scanned_ofd_is_read_by_ocr() -> None:
    if ocr_engine() is None:
        pytest.skip("no OCR engine installed (pip install 'speechqa[ocr]')")
    expected = expected_of(FIXTURES / "holiday_visit.scan.ofd.json")
    document = read(SCAN)
    assert document.encoding == "ofd+ocr"
    flat = squeeze(document.text)
    found = [s for s in expected["sentences"] if squeeze(s) in flat]
    assert len(found) >= 0.8 * len(expected["sentences"])


def test_a_scanned_ofd_without_an_ocr_engine_is_refused_saying_how_to_enable_it(tmp_path: Path) -> None:
    """In a process with no OCR engine (RapidOCR not importable, no tesseract on the PATH)."""
    import subprocess
    import sys

    script = (
        "import sys; sys.modules['rapidocr'] = None\n"
        "from corpus import CorpusError, read_document\n"
        "try:\n    read_document(__import__('pathlib').Path(sys.argv[1]))\n"
        "except CorpusError as e:\n    print(e)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(SCAN)],
        env={"PATH": str(tmp_path), "HOME": str(tmp_path), "PYTHONPATH": str(Path(__file__).parents[1])},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.stdout.strip() == (
        "holiday_visit.scan.ofd 是扫描件（没有文字层）。要识别扫描件中的文字，请安装 OCR 组件：pip install 'speechqa[ocr]'"
    ), done.stderr
