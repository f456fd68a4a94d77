"""Documents a new staff member adds on first use (tests/fixtures/staff/make_staff_documents.py): a Word
speech with a running header, a page-number footer, footnotes and a table of figures, the same printed to
PDF by LibreOffice, a reportlab New-Year address, a GBK notice of 1998, a Big5 speech, a tilted scan and a
Word 97 .doc. Each is read with its title, date, speaker and sections, and every table row keeps its labels.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from corpus import chunk_speech, installed_engines, parse_document, read_document

FIXTURES = Path(__file__).parent / "fixtures" / "staff"
SILVER = "在全县离退休干部“银龄行动”动员部署会上的讲话"
SILVER_SECTIONS = [
    "一、充分认识开展“银龄行动”的重要意义",
    "二、准确把握“银龄行动”的主要内容 › （一）开展政策宣讲",
    "二、准确把握“银龄行动”的主要内容 › （二）开展志愿服务",
    "三、切实加强组织领导",
]
ROWS = [
    "乡镇：桃源镇；老干部活动室（个）：6；开展活动（场次）：48；参与人次：1320",
    "乡镇：青石镇；老干部活动室（个）：4；开展活动（场次）：31；参与人次：860",
    "乡镇：石门乡；老干部活动室（个）：2；开展活动（场次）：12；参与人次：275",
    "乡镇：合计；老干部活动室（个）：12；开展活动（场次）：91；参与人次：2455",
]
CASES = {
    "silver_action.docx": (SILVER, "2025-09-12", "李明华", SILVER_SECTIONS),
    "silver_action.pdf": (SILVER, "2025-09-12", "李明华", SILVER_SECTIONS),
    "silver_action.header-alone.pdf": (SILVER, "2025-09-12", "李明华", SILVER_SECTIONS),
    "new_year_greeting.reportlab.pdf": (
        "在2025年离退休干部新春团拜会上的致辞",
        "2025-01-20",
        "王秀英",
        ["一、过去一年的主要工作", "二、新的一年的打算"],
    ),
    "medical_notice_1998.gbk.txt": (
        # its letter's masthead 「中共江北市委老干部局」 over the 文号 is no part of the title (docs60)
        "关于进一步加强离休干部医药费管理的通知",
        "1998-06-10",
        None,
        ["二、离休干部在定点医院就医，凭《离休干部医疗证》记账，不需个人垫付"],
    ),
    "elder_university.big5.txt": (
        "在老年大學2023年秋季開學典禮上的講話",
        "2023-09-05",
        "陳國華",
        ["一、辦學情況", "二、幾點希望"],
    ),
    "branch_secretaries.doc": (
        "在全市离退休干部党支部书记培训班开班式上的讲话",
        "2025-06-18",
        "周建平",
        ["一、提高认识，明确支部书记的职责", "二、学以致用，推动支部建设上台阶"],
    ),
}


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_staff_document_is_read_with_its_title_date_speaker_and_sections(name: str) -> None:
    title, date, speaker, sections = CASES[name]
    [speech] = parse_document(read_document(FIXTURES / name))
    assert (speech.title, speech.date, speech.speaker) == (title, date, speaker)
    cited = {p.section for p in chunk_speech(speech)}
    for section in sections:
        assert section in cited, (section, cited)


@pytest.mark.parametrize("name", ["silver_action.docx", "silver_action.pdf"])
def test_a_table_of_figures_is_read_one_labelled_row_per_line(name: str) -> None:
    """In the PDF, the table's header row (its cells wrapped over two lines) is broken by the page break:
    「乡镇｜老干部活动室｜开展活动（场｜参与人次」 at the foot of page 1, 「（个）｜次）」 at the top of page 2.
    The table is one table with that one header: before, the first half was read as a heading
    (「§ … › 乡镇老干部活动室开展活动（场参与人次」, cited over every row), the second as a row 「（个）；次）」, and
    no row was labelled (「桃源镇；6；48；1320」)."""
    [speech] = parse_document(read_document(FIXTURES / name))
    passages = chunk_speech(speech)
    text = "\n".join(p.text for p in passages)
    for row in ROWS:
        assert row in text
    assert "（个）；次）" not in text
    assert all("参与人次" not in (p.section or "") for p in passages)
    table = [p for p in passages if "桃源镇" in p.text and "1320" in p.text]
    assert table and all(p.section.endswith("（二）开展志愿服务") for p in table)


def test_the_footnotes_are_read_without_their_marks() -> None:
    for name in ("silver_action.docx", "silver_action.pdf"):
        text = squeeze(
            "\n".join(p.text for p in chunk_speech(*parse_document(read_document(FIXTURES / name))))
        )
        assert "数据截至2025年6月30日" in text and "石门乡老干部活动室于2024年10月才建成投入使用" in text
        assert "队伍1" not in text and "差距2" not in text and "1数据" not in text


def test_a_tilted_scan_of_a_notice_is_read_with_its_date_and_items() -> None:
    if not installed_engines():
        pytest.skip("no OCR engine installed (pip install 'speechqa[ocr]')")
    [speech] = parse_document(read_document(FIXTURES / "double_ninth.scan.png"))
    assert speech.title == "关于开展2025年“敬老月”走访慰问活动的通知"
    assert speech.date == "2025-09-28"
    text = squeeze("\n".join(p.text for p in chunk_speech(speech)))
    assert "离休干部每人1000元，其他对象每人500元" in text


def test_a_header_row_alone_at_a_pages_foot_labels_the_rows_on_the_next() -> None:
    """Rows that may not break across pages: the header row 「乡镇｜活动室｜活动场次｜参与人次」 alone fits at
    the foot of page 1, every row is on page 2. Before, the header was read as a line of text (and a
    heading) and the rows unlabelled (「桃源镇；6；48；1320」)."""
    [speech] = parse_document(read_document(FIXTURES / "silver_action.header-alone.pdf"))
    text = "\n".join(p.text for p in chunk_speech(speech))
    assert "乡镇：桃源镇；活动室：6；活动场次：48；参与人次：1320" in text
    assert "乡镇：合计；活动室：12；活动场次：91；参与人次：2455" in text
    assert "乡镇活动室活动场次参与人次" not in squeeze(text)
