"""A numbered item that is a whole sentence is body text of the section above it, not a heading over itself.

The files are made by tests/fixtures/layouts/make_sentence_items.py (a .txt, a reportlab PDF and a
LibreOffice PDF of one notice). 「（一）享受门诊绿色通道服务，个人不承担费用。」 among its like, 「一是……，……。
二是……」 and 「第一，希望……，……。第二，……」 were each read as a heading over themselves: the citation
repeated the sentence as its section (§ …（一）享受门诊绿色通道服务，个人不承担费用), and the text after
them fell under it. Real headings (「（一）申请条件」, the run-in 「（三）审核。」) still name their sections.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from corpus import check_conservation, chunk_speech, parse_document, read_document
from corpus.records import Document, PassageDraft
from tests.fixtures.layouts.make_sentence_items import (
    ITEMS,
    write_libreoffice_pdf,
    write_reportlab_pdf,
    write_text,
)

_NO_SOFFICE = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
WRITERS = [
    pytest.param(write_text, id="txt"),
    pytest.param(write_reportlab_pdf, id="reportlab-pdf"),
    pytest.param(write_libreoffice_pdf, id="libreoffice-pdf", marks=_NO_SOFFICE),
]


def _passages(write: Callable[[Path], Path], folder: Path) -> tuple[Path, list[PassageDraft]]:
    path = write(folder)
    [speech] = parse_document(read_document(path))
    return path, chunk_speech(speech)


@pytest.mark.parametrize("write", WRITERS)
def test_a_sentence_item_is_cited_under_the_heading_above_it(
    write: Callable[[Path], Path], tmp_path: Path
) -> None:
    path, passages = _passages(write, tmp_path)
    for sentence, section in ITEMS.items():
        holding = [p for p in passages if sentence in p.text]
        assert len(holding) == 1, sentence
        assert holding[0].section == section, sentence
        assert sum(p.text.count(sentence) for p in passages) == 1, sentence
    # no section is a sentence: every label is a heading, without the items' words
    labels = {part for p in passages if p.section for part in p.section.split(" › ")}
    assert labels == {
        "文件信息",
        "一、服务内容",
        "二、办理程序",
        "（一）申请条件",
        "（三）审核",
        "三、工作要求",
        "四、几点希望",
    }
    report = check_conservation(read_document(path), [p.text for p in passages])
    assert report.ok, report


def _sections(lines: list[str]) -> dict[str, str | None]:
    text = "\n".join(["关于做好离休干部服务工作的通知", "各单位：", *lines, ""])
    [speech] = parse_document(Document(name="通知.txt", text=text, encoding="utf-8"))
    return {p.text: p.section for p in speech.paragraphs}


def test_a_heading_sentence_over_the_text_it_leads_still_heads_it() -> None:
    """A one-sentence item over paragraphs that are not its siblings heads them (a speech's 「（一）坚持政治
    引领，筑牢思想根基。」); a heading with a comma and no end mark is a heading."""
    body = "各级老干部工作部门要把政治建设摆在首位，组织老同志学习党的创新理论。"
    by_text = _sections(
        [
            "一、提高政治站位，切实增强做好老干部工作的责任感",
            "（一）坚持政治引领，筑牢思想根基。",
            body,
            "（二）每季度组织一次集中学习，由支部书记负责。",
        ]
    )
    held = next(text for text in by_text if body in text)
    assert (
        by_text[held] == "一、提高政治站位，切实增强做好老干部工作的责任感 › （一）坚持政治引领，筑牢思想根基"
    )
    # the last item, heading nothing, is a sentence of its parent section
    assert (
        by_text["（二）每季度组织一次集中学习，由支部书记负责。"]
        == "一、提高政治站位，切实增强做好老干部工作的责任感"
    )


def test_a_sentence_item_ends_the_sub_section_of_the_heading_before_it() -> None:
    by_text = _sections(
        [
            "一、服务内容",
            "（一）申请条件",
            "凡在本市居住的离休干部均可申请，由原工作单位统一报送名单。",
            "（二）享受门诊绿色通道服务，个人不承担费用。",
            "（三）开通电话预约服务，老同志可以在就诊前一天预约。",
        ]
    )
    assert by_text["（二）享受门诊绿色通道服务，个人不承担费用。"] == "一、服务内容"
    assert by_text["（三）开通电话预约服务，老同志可以在就诊前一天预约。"] == "一、服务内容"
