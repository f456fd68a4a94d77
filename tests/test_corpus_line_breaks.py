"""A body typed with manual line breaks (Shift+Enter, WPS's 「软回车」; what text pasted from a web page or a
chat brings) reads as the lines Word shows: title, speaker, date, headings and paragraphs typed as one Word
paragraph are read exactly as the same document typed one paragraph per line, in .docx, .odt and .rtf.
Documents made by python-docx (w:br, as Word saves Shift+Enter); the LibreOffice round trip runs where
soffice is installed."""

from __future__ import annotations

import io
import os
import shutil
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus import chunk_speech, parse_document, read_bytes, read_document
from corpus.conservation import check_conservation

EXAMPLES = int(os.environ.get("SPEECHQA_PROPERTY_EXAMPLES", "25"))
TITLE = "在全市离退休干部党建工作推进会上的讲话"
SPEAKER = "市委老干部局局长　王建平"
DATE = "2024年6月12日"
HEADINGS = ["一、上半年工作回顾", "二、下半年重点任务", "三、几点要求"]
CLAUSES = [
    "上半年全市新建离退休干部党支部十二个",
    "覆盖率达到百分之九十八",
    "每季度至少开展一次集中学习",
    "银龄志愿服务队发展到一百二十支",
    "各单位要在月底前报送工作计划",
    "健康体检覆盖全体离休干部",
]


def _docx(paragraphs: list[list[str]]) -> bytes:
    """A .docx whose paragraphs each hold the given lines, separated by manual line breaks (w:br)."""
    document = docx.Document()
    for lines in paragraphs:
        paragraph = document.add_paragraph()
        for n, line in enumerate(lines):
            if n:
                paragraph.add_run().add_break()
            paragraph.add_run(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@st.composite
def speeches(draw: st.DrawFn) -> tuple[list[str], list[list[str]]]:
    """The lines of a speech, and the same lines grouped into Word paragraphs at random, with some
    sentences broken inside a clause (after 「，」) to mend a line's look."""
    lines = [TITLE, SPEAKER, DATE, "同志们："]
    typed: list[list[str]] = []  # each line as typed: its pieces, one per manual line break
    for heading in draw(st.lists(st.sampled_from(HEADINGS), min_size=1, max_size=3, unique=True)):
        lines.append(heading)
        for _ in range(draw(st.integers(1, 2))):
            clauses = draw(st.lists(st.sampled_from(CLAUSES), min_size=1, max_size=3, unique=True))
            lines.append("，".join(clauses) + "。")
    for line in lines:
        clauses = line.split("，")
        cut = draw(st.integers(0, len(clauses) - 1))
        if cut:  # broken after a comma: one line as Word shows it, two pieces in the file
            typed.append(["，".join(clauses[:cut]) + "，", "，".join(clauses[cut:])])
        else:
            typed.append([line])
    groups: list[list[str]] = []
    for pieces in typed:
        if groups and draw(st.booleans()):
            groups[-1].extend(pieces)
        else:
            groups.append(list(pieces))
    return lines, groups


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(speeches())
def test_manual_line_breaks_read_as_the_lines_word_shows(speech: tuple[list[str], list[list[str]]]) -> None:
    lines, groups = speech
    broken = read_bytes("讲话.docx", _docx(groups))
    typed = read_bytes("讲话.docx", _docx([[line] for line in lines]))
    assert [block.text for block in broken.blocks] == lines
    assert parse_document(broken) == parse_document(typed)
    [parsed] = parse_document(broken)
    assert (parsed.title, parsed.speaker, parsed.date) == (TITLE, "王建平", "2024-06-12")
    passages = [p.text for p in chunk_speech(parsed)]
    assert check_conservation(broken, passages).ok


def test_a_title_with_a_line_break_stays_one_title() -> None:
    """A break in a Title-styled paragraph only sets a long title on two lines."""
    document = docx.Document()
    title = document.add_paragraph("关于做好2024年离退休干部", style="Title")
    title.add_run().add_break()
    title.add_run("健康体检工作的通知")
    document.add_paragraph("各单位要安排专人陪同行动不便的老同志参加体检。")
    out = io.BytesIO()
    document.save(out)
    [speech] = parse_document(read_bytes("通知.docx", out.getvalue()))
    assert speech.title.replace(" ", "") == "关于做好2024年离退休干部健康体检工作的通知"


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
@pytest.mark.parametrize("target", ["odt", "rtf", "doc"])
def test_line_breaks_survive_libreoffice_formats(tmp_path: Path, target: str) -> None:
    """LibreOffice writes Word's w:br as text:line-break (.odt) and \\line (.rtf): the same lines."""
    from tests.fixtures.documents.make_fixtures import soffice

    lines = [TITLE, SPEAKER, DATE, "同志们：", HEADINGS[0], "，".join(CLAUSES[:3]) + "。", HEADINGS[1]]
    lines.append("，".join(CLAUSES[3:]) + "。")
    source = tmp_path / "讲话.docx"
    source.write_bytes(_docx([lines[:4], lines[4:]]))
    converted = read_document(soffice(source, target))
    [speech] = parse_document(converted)
    assert (speech.title, speech.speaker, speech.date) == (TITLE, "王建平", "2024-06-12")
    assert [p.section for p in speech.paragraphs] == HEADINGS[:2]
    assert check_conservation(converted, [p.text for p in chunk_speech(speech)]).ok
