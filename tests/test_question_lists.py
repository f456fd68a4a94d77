"""`ask --batch 问题.docx`'s reading of a document as a list of questions (`corpus.document_lines`), on files
python-docx writes with Word's own styles."""

from __future__ import annotations

import tempfile
from pathlib import Path

import docx
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus import document_lines

# questions of a bureau's staff: Chinese words, each worded as a question (what a heading that asks needs)
_WORDS = st.text(
    st.sampled_from("离休干部体检规定老年大学慰问困难标准活动中心开放时间医药费报销待遇"),
    min_size=2,
    max_size=12,
)
_ENDINGS = st.sampled_from(["？", "是什么？", "怎么办", "吗？", "有哪些"])
_STYLES = st.sampled_from(["plain", "List Number", "Heading 2"])


@settings(max_examples=40, deadline=None)
@given(
    items=st.lists(st.tuples(_WORDS, _ENDINGS, _STYLES), min_size=1, max_size=8),
    title=st.booleans(),
    blanks=st.lists(st.integers(0, 8), max_size=3),
)
def test_every_paragraph_of_a_word_list_is_one_question_in_order_without_its_number(
    items: list[tuple[str, str, str]], title: bool, blanks: list[int]
) -> None:
    """Every non-empty body paragraph of a Word list (plain, 「List Number」, a question styled 标题 2) comes out
    once, in order, without its number; a title that asks nothing and blank paragraphs are none. Before, a
    question styled as a heading was dropped silently and a numbered item kept its 「1. 」."""
    document = docx.Document()
    if title:
        document.add_heading("本周要查的问题", 1)
    wanted = []
    for at, (words, ending, style) in enumerate(items):
        if at in blanks:
            document.add_paragraph("")
        question = words + ending
        if style == "Heading 2":
            document.add_heading(question, 2)
        elif style == "List Number":
            document.add_paragraph(question, style="List Number")
        else:
            document.add_paragraph(question)
        wanted.append(question)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "问题.docx"
        document.save(str(path))
        assert document_lines(path) == wanted


def test_a_table_of_questions_gives_its_question_cells_and_typed_numbers_are_taken_off(
    tmp_path: Path,
) -> None:
    """A table 「序号｜问题」 was asked as 「序号：1；问题：…」, the labels searched too; numbers typed by hand
    (1. 1、 （一） ①) were searched as words."""
    document = docx.Document()
    document.add_paragraph("本周要查的问题", style="Title")
    for typed in (
        "1. 离休干部体检规定是什么？",
        "2、老年大学怎么办？",
        "（三）慰问标准是多少？",
        "④活动中心几点开门？",
    ):
        document.add_paragraph(typed)
    table = document.add_table(rows=3, cols=2)
    for row, cells in enumerate(
        (("序号", "问题"), ("1", "老干部活动中心开放时间？"), ("2", "医药费怎么报销？"))
    ):
        for column, text in enumerate(cells):
            table.cell(row, column).text = text
    path = tmp_path / "问题.docx"
    document.save(str(path))
    assert document_lines(path) == [
        "离休干部体检规定是什么？",
        "老年大学怎么办？",
        "慰问标准是多少？",
        "活动中心几点开门？",
        "老干部活动中心开放时间？",
        "医药费怎么报销？",
    ]


def test_a_list_with_no_paragraph_structure_is_split_after_each_question_and_its_title_left_out(
    tmp_path: Path,
) -> None:
    """A text read without paragraph marks (an OCR'd scan joins a page's lines): its questions were asked as one
    line; its lone first line, a title asking nothing, was asked as a question."""
    path = tmp_path / "问题.txt"
    path.write_text(
        "本周要查的问题\n离休干部体检规定是什么？老年大学怎么办？\n慰问标准是多少？\n", encoding="utf-8"
    )
    assert document_lines(path) == ["离休干部体检规定是什么？", "老年大学怎么办？", "慰问标准是多少？"]


QUESTION_TABLES = Path(__file__).parent / "fixtures" / "question_tables"  # made by make_question_tables.py
TABLED = ["老干部活动中心开放时间？", "离休干部医药费怎么报销", "重阳节慰问金标准"]


def test_a_tables_head_is_never_asked_in_any_format(tmp_path: Path) -> None:
    """A table's head row was asked as a question: 「序号 问题」 in a PDF whose table has no borders (its head a
    line of text), 「问题」 over a one-column table in Word, ODF and RTF; a PDF's title line over a table read
    as rows was asked too. Now each file gives its questions and nothing else: python-docx tables, exported
    by LibreOffice Writer to PDF, .odt and .rtf; a workbook and a .csv with a head row."""
    wanted = {
        "序号问题.docx": TABLED,
        "序号问题.pdf": TABLED,
        "问题.docx": TABLED,
        "问题.odt": TABLED,
        "问题.rtf": TABLED,
        "无框.pdf": ["离休干部体检规定是什么？", "老年大学怎么办？", *TABLED],
    }
    for name, questions in wanted.items():
        assert document_lines(QUESTION_TABLES / name) == questions, name
    (tmp_path / "问题.csv").write_text(
        "序号,问题\n" + "".join(f"{n},{q}\n" for n, q in enumerate(TABLED, 1)), encoding="utf-8"
    )
    assert document_lines(tmp_path / "问题.csv") == TABLED


def test_a_keyword_question_first_in_a_table_is_asked_and_a_head_word_never(tmp_path: Path) -> None:
    """The review of read69: a one-column table whose first row is a keyword question (「慰问标准」, no asking
    word) lost it, taken for a head because rows under it ask; 「问题」 over keyword rows was asked, and a lone
    「问题」 paragraph over numbered lines too. A head is told by its own words alone."""
    from tests.fixtures.question_tables.make_question_tables import KEYWORD_LIST

    for name in ("关键词.odt", "关键词.rtf"):  # exported by LibreOffice Writer
        assert document_lines(QUESTION_TABLES / name) == KEYWORD_LIST, name
    document = docx.Document()
    table = document.add_table(rows=3, cols=1)
    for at, text in enumerate(["问题", "体检时间", "慰问标准"]):
        table.cell(at, 0).text = text
    document.add_paragraph("问题")
    for n, text in enumerate(KEYWORD_LIST, start=1):
        document.add_paragraph(f"{n}. {text}")
    document.save(str(tmp_path / "混合.docx"))
    assert document_lines(tmp_path / "混合.docx") == ["体检时间", "慰问标准", *KEYWORD_LIST]


_HEADS = st.sampled_from(["问题", "提问内容", "咨询事项", "问题清单"])


@settings(max_examples=25, deadline=None)
@given(
    items=st.lists(st.tuples(_WORDS, st.one_of(_ENDINGS, st.just(""))), min_size=1, max_size=8),
    head=st.one_of(st.none(), _HEADS),
    as_paragraph=st.booleans(),
)
def test_every_row_of_a_one_column_word_table_is_one_question_and_its_head_none(
    items: list[tuple[str, str]], head: str | None, as_paragraph: bool
) -> None:
    """Property: a one-column table of questions, keyword questions asking nothing among them (「慰问标准」),
    under a head (a row or a paragraph over the table: 「问题」, 「咨询事项」…) or not, gives each row once, in
    order, and never its head."""
    document = docx.Document()
    questions = [words + ending for words, ending in items]
    if head and as_paragraph:
        document.add_paragraph(head)
    rows = ([head] if head and not as_paragraph else []) + questions
    table = document.add_table(rows=len(rows), cols=1)
    for at, text in enumerate(rows):
        table.cell(at, 0).text = text
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "问题.docx"
        document.save(str(path))
        assert document_lines(path) == questions
