"""A Word template (.dotx, .dotm) or a macro-enabled Word document (.docm) is read as the .docx it is
(cold29).

Offices keep last year's notice 「另存为模板」 to start the next from, and a unit whose documents carry macros
sends .docm files; both are the .docx package, only the main part typed otherwise
(``…wordprocessingml.template.main+xml``, ``…ms-word.document.macroEnabled.main+xml``). speechqa refused them
(「不支持的文件类型」) — cold29's 书画摄影 notice, kept by Writer as a .dotx, answered none of its twelve
questions — and python-docx opens only a document's type. They are now read by the .docx reader, their main
part typed as a document's in memory (the macros are never run or read), named by their bytes like a .docx.

The files: ``tests/fixtures/word_templates/notice.dotx`` and ``notice.docm``, made by
``make_word_templates.py`` there (python-docx → **LibreOffice Writer**, filters ``MS Word 2007 XML Template``
and ``MS Word 2007 XML VBA``).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus import SUPPORTED_FORMATS, SUPPORTED_SUFFIXES, iter_speech_files, parse_document, read_bytes
from corpus.errors import UnreadableFile
from tests.fixtures.word_templates.make_word_templates import AUTHOR, NOTICE

FIXTURES = Path(__file__).parent / "fixtures" / "word_templates"
TEMPLATE, MACROS = FIXTURES / "notice.dotx", FIXTURES / "notice.docm"
DOCUMENT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
RETYPED = {
    ".dotx": "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    ".docm": "application/vnd.ms-word.document.macroEnabled.main+xml",
    ".dotm": "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
}


def test_the_fixtures_are_writers_template_and_macro_enabled_document() -> None:
    for path in (TEMPLATE, MACROS):
        with zipfile.ZipFile(path) as archive:
            types = archive.read("[Content_Types].xml").decode()
        assert RETYPED[path.suffix] in types and DOCUMENT not in types


def test_templates_and_macro_documents_are_supported_everywhere(tmp_path: Path) -> None:
    for suffix in (".dotx", ".docm", ".dotm"):
        assert suffix in SUPPORTED_SUFFIXES
    assert ".dotx" in SUPPORTED_FORMATS and ".docm" in SUPPORTED_FORMATS
    (tmp_path / "通知模板.dotx").write_bytes(TEMPLATE.read_bytes())
    (tmp_path / "通知.DOCM").write_bytes(MACROS.read_bytes())
    assert sorted(p.name for p in iter_speech_files([tmp_path])) == ["通知.DOCM", "通知模板.dotx"]


@pytest.mark.parametrize("path", [TEMPLATE, MACROS], ids=lambda p: p.suffix)
def test_writers_template_reads_titled_dated_and_whole(path: Path) -> None:
    """main: 「不支持的文件类型：notice.dotx」; and under a .docx name python-docx refused its type."""
    for name in (path.name, "通知.docx"):
        document = read_bytes(name, path.read_bytes())
        [speech] = parse_document(document)
        assert speech.title == NOTICE[0][1]
        assert speech.issuer == AUTHOR and speech.date == "2029-10-08"
        assert speech.addressee == "各离退休干部党支部"
        body = "".join(p.text for p in speech.paragraphs)
        for kind, line in NOTICE[2:]:
            if kind == "body":
                assert line in body
        assert [p.section for p in speech.paragraphs if "凤栖山" in p.text] == ["一、活动地点"]


def test_a_template_named_as_a_pdf_is_told_it_is_a_word_file() -> None:
    with pytest.raises(UnreadableFile, match="Word"):
        read_bytes("通知.pdf", TEMPLATE.read_bytes())


def _retyped(data: bytes, suffix: str) -> bytes:
    """The package with its main part typed as `suffix`'s, every other member as it was."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            content = source.read(item)
            if item.filename == "[Content_Types].xml":
                content = content.replace(DOCUMENT.encode(), RETYPED[suffix].encode())
            target.writestr(item, content)
    return out.getvalue()


_LINE = st.text(
    alphabet="老干部活动中心通知时间地点报名联系电话一二三四五六七八九十年月日，。：", min_size=4, max_size=40
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines=st.lists(_LINE, min_size=1, max_size=8), suffix=st.sampled_from(sorted(RETYPED)))
def test_any_document_retyped_as_a_template_reads_as_its_docx(lines: list[str], suffix: str) -> None:
    """A python-docx document, its main part typed as a template's or a macro-enabled one's, reads the very
    text and blocks its .docx does (main: refused, or under a .docx name 「不是有效的 Word 文档」)."""
    import docx

    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    plain = io.BytesIO()
    document.save(plain)
    as_docx = read_bytes("通知.docx", plain.getvalue())
    retyped = read_bytes(f"通知{suffix}", _retyped(plain.getvalue(), suffix))
    assert retyped.text == as_docx.text and retyped.blocks == as_docx.blocks
