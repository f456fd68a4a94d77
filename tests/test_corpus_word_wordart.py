"""A title or masthead in legacy WordArt reads as its words, once, where it stands.

The twenty-fifth blind set (docs/cold23.md) found it: a 倡议书 typed from a Word 2003 template has its
title in WordArt — a VML shape whose ``v:textpath`` draws the ``string`` attribute; the words are in no
``w:t`` — and the title was not read (the document was titled by its file name); cold22's masthead in
WordArt was not read either. corpus/word.py (``_paragraph_text``, ``_wordart_box``) now reads a shape's
textpath as a text box of one paragraph a line, so the box rules place it (a box before any text, in an
empty paragraph, holding no sentence, is the document's first line). Word 2010's own WordArt (DrawingML in
``mc:Choice``, the VML copy in ``mc:Fallback``) is read once, from the DrawingML.

Files by real producers (tests/fixtures/wordart.py): an OpenDocument text with a Fontwork title saved as
.docx by LibreOffice Writer (which writes a ``v:textpath``); python-docx with the WordArt as Word 2010
keeps a Word 2003 one, and as it saves its own.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus import parse_document, read_document
from tests.fixtures.wordart import write_fontwork_docx, write_word2003_wordart_docx

TITLE = "“银龄低碳 绿色生活”倡议书"
BODY = [
    "全市广大离退休干部：",
    "节约资源、保护环境，是每个人的责任。为倡导绿色低碳的生活方式，特发出如下倡议。",
    "一、节约用水用电。空调夏季温度设置不低于26摄氏度。",
    "二、坚持绿色出行。短途出行优先步行、骑行或乘坐公交车。",
    "中共岑川市委老干部局",
    "2028年4月22日",
]


def _texts(path: Path) -> list[str]:
    return [b.text for b in read_document(path).blocks]


def test_word2003_wordart_title_is_the_title(tmp_path: Path) -> None:
    path = tmp_path / "倡议书.docx"
    write_word2003_wordart_docx(TITLE, BODY, path)
    texts = _texts(path)
    assert texts[0] == TITLE
    assert texts.count(TITLE) == 1
    assert texts[1:] == BODY
    [speech] = parse_document(read_document(path))
    assert speech.title == TITLE
    assert speech.date == "2028-04-22"


@pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice to make the file")
def test_libreoffice_fontwork_title_is_the_title(tmp_path: Path) -> None:
    path = tmp_path / "倡议书.docx"
    write_fontwork_docx(TITLE, BODY, path)
    texts = _texts(path)
    assert texts[0] == TITLE
    assert texts.count(TITLE) == 1
    [speech] = parse_document(read_document(path))
    assert speech.title == TITLE


def test_word2010_wordart_with_its_vml_copy_is_read_once(tmp_path: Path) -> None:
    path = tmp_path / "倡议书.docx"
    write_word2003_wordart_docx(TITLE, BODY, path, drawingml=True)
    texts = _texts(path)
    assert texts.count(TITLE) == 1
    assert texts[0] == TITLE


def test_wordart_masthead_is_the_first_line_and_names_the_issuer(tmp_path: Path) -> None:
    path = tmp_path / "通知.docx"
    body = ["岑老干发〔2028〕3号", "关于开展银龄低碳行动的通知", "各区委老干部局：", *BODY[1:]]
    write_word2003_wordart_docx("岑川市委老干部局文件", body, path)
    texts = _texts(path)
    assert texts[0] == "岑川市委老干部局文件"
    assert texts.count("岑川市委老干部局文件") == 1
    [speech] = parse_document(read_document(path))
    assert speech.title == "关于开展银龄低碳行动的通知"
    assert speech.doc_number == "岑老干发〔2028〕3号"
    assert "文件" not in (speech.issuer or "")


_WORDS = st.text(
    alphabet="银龄低碳绿色生活倡议书老干部局文件岑川市重阳敬老“”·", min_size=2, max_size=16
).filter(lambda words: words.strip() != "")


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=st.lists(_WORDS, min_size=1, max_size=2), drawingml=st.booleans())
def test_wordart_words_are_read_once_each_line_before_the_body(
    tmp_path: Path, lines: list[str], drawingml: bool
) -> None:
    """Whatever its words (one line or two), a WordArt standing first reads as its lines, each once, in
    order, and the body after it as without it; the shape type's own textpath is never read."""
    path = tmp_path / "倡议书.docx"
    write_word2003_wordart_docx("\n".join(lines), BODY, path, drawingml=drawingml)
    texts = _texts(path)
    assert texts[: len(lines)] == [line.strip() for line in lines]
    assert texts[len(lines) :] == BODY
