"""A PDF's stacked fractions read in their sentence (corpus.fractions), as the equation's own file reads it.

Before, a fraction drawn as numerator over a bar over denominator was read as three lines — the numerator,
the sentence with a gap (「式中，家庭月人均收入= ，保障标准…」), the denominator — the sentence broken in two
paragraphs' worth of pieces. Now the PDF reads 「…=家庭上年度总收入/(12×家庭人口数)，保障标准…」, the line the
.docx and .odt it was exported from read. Files made by tests/fixtures/pdf_fractions/make_fractions.py
(LibreOffice Math objects in Writer, Word's OMML converted by LibreOffice, reportlab drawing) and
formats64's office_equations/equations.pdf; reportlab draws the property's pages.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus import parse_document, read_document
from corpus.equations import fraction_text
from tests.fixtures.pdf_fractions.make_fractions import SENTENCES, draw_lines
from tests.fixtures.pdf_fractions.make_radicals import SENTENCES as FORMULAS
from tests.fixtures.pdf_fractions.make_radicals import Term, draw_formulas, linear
from tests.fixtures.pdf_fractions.make_ruled_table import HEADER, ROWS, RULINGS, ruled_table_pdf
from tests.fixtures.pdf_fractions.make_stacked_lines import (
    CLOSING,
    COVER,
    NOTICE,
    SIGNATURE,
    draw_stack,
    pages,
)

_HERE = Path(__file__).parent / "fixtures" / "pdf_fractions"
_EQUATIONS = Path(__file__).parent / "fixtures" / "office_equations"


def _lines(path: Path) -> list[str]:
    return read_document(path).text.splitlines()


def _sentence(before: str, numerator: str, denominator: str, after: str) -> str:
    return before + fraction_text(numerator, denominator) + after


@pytest.mark.parametrize(
    ("pdf", "source"), [("writer-math.pdf", "writer-math.odt"), ("word-omml.pdf", "word-omml.docx")]
)
def test_a_fraction_reads_in_its_sentence_as_in_the_file_it_was_exported_from(pdf: str, source: str) -> None:
    """LibreOffice Math's objects and Word's equations, exported to PDF: each sentence one line, the
    fraction 「分子/分母」 in it — the line the .odt or .docx reads."""
    read, original = _lines(_HERE / pdf), _lines(_HERE / source)
    for sentence in SENTENCES:
        line = _sentence(*sentence)
        assert line in original
        assert line in read
    assert not any(line in read for _, num, den, _ in SENTENCES for line in (num, den))


def test_a_drawn_fraction_reads_in_its_sentence_and_a_rule_under_text_is_none() -> None:
    """reportlab: two small lines over a rule in a sentence are its fraction; an underline under a
    paragraph's phrase (its next line right below) and a blank rule to sign on are read as before."""
    read = _lines(_HERE / "drawn.pdf")
    assert read == [
        "黛川县离休干部遗属生活补助计算说明",
        "为规范补助计算，现将有关公式说明如下。",
        *(_sentence(*sentence) for sentence in SENTENCES),
        "申请人须如实填报家庭成员收入情况，所填事项经乡镇审核后报县民政局备案，弄虚作假的追回已发补助。",
        "经办人签字：",
        "本说明自印发之日起施行。",
    ]


def test_office_equations_pdf_reads_its_fractions_as_the_docx() -> None:
    """formats64's notice: two fractions side by side in one display formula, and one in a sentence."""
    read, docx = _lines(_EQUATIONS / "equations.pdf"), _lines(_EQUATIONS / "equations.docx")
    for line in (
        "式中，家庭月人均收入=家庭上年度总收入/(12×家庭人口数)，保障标准按县民政局公布的执行。",
        "护理补贴=(护理等级×300)/2+(年龄-80)/5×50",
    ):
        assert line in docx
        assert line in read


@pytest.mark.parametrize(
    ("pdf", "source"),
    [("radicals-math.pdf", "radicals-math.odt"), ("radicals-omml.pdf", "radicals-omml.docx")],
)
def test_a_radical_and_a_nested_fraction_read_as_in_the_file_they_were_exported_from(
    pdf: str, source: str
) -> None:
    """LibreOffice Math's 「sqrt{工龄 over 30}」「nroot{3}{…}」「{{年龄 over 10} + 1} over 2」… and Word's equations
    (m:rad, m:f in m:f), exported to PDF by LibreOffice: each sentence one line with its formula as the .odt
    or .docx reads it — 「√(工龄/30)」「∛(长×宽×高)」「(年龄/10+1)/2」「发票金额/(1+税率/100)」."""
    read, original = _lines(_HERE / pdf), _lines(_HERE / source)
    for *_, line in FORMULAS:
        assert line in original
        assert line in read
    assert not any(line in ("√", "3√", "年龄", "+1", "2", "税率", "100", "12") for line in read)


def test_office_equations_pdf_reads_its_radicals_as_the_docx() -> None:
    """formats64's notice: a square root over a fraction, a cube root beside a bracket, as the .docx."""
    read, docx = _lines(_EQUATIONS / "equations.pdf"), _lines(_EQUATIONS / "equations.docx")
    for line in ("补助系数=√(工龄/30)", "容积=∛(长×宽×高)+[a+b]"):
        assert line in docx
        assert line in read


_LEAVES = st.sampled_from(
    ["工龄", "30", "年龄", "10", "实发人数", "应发人数", "税率", "100", "使用面积", "a+b"]
)


def _formula(depth: int) -> st.SearchStrategy[Term]:
    """A fraction (its parts a leaf, or one level down a formula alone or beside 「+1」), or a square root
    over a leaf or a formula."""
    if depth == 0:
        return _LEAVES
    inner = _formula(depth - 1)
    part = _LEAVES | inner | st.tuples(inner, st.sampled_from(["+1", "×2"])).map(list)
    return st.tuples(part, part) | st.tuples(st.just("√"), _LEAVES | st.tuples(inner, inner))


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    sentences=st.lists(
        st.tuples(
            st.lists(st.sampled_from(["离休干部", "补贴", "按", "系数", "="]), max_size=3).map("".join),
            _formula(2).filter(lambda t: not isinstance(t, str)) | st.none(),
            st.lists(st.sampled_from(["计算", "发放", "每季度", "核定一次"]), min_size=1, max_size=3).map(
                "".join
            ),
        ),
        min_size=1,
        max_size=4,
    )
)
def test_a_radical_or_nested_fraction_anywhere_leaves_its_sentence_one_sentence(
    tmp_path: Path, sentences: list
) -> None:  # type: ignore[type-arg]
    """reportlab: whatever fractions in numerators or denominators and square roots (over a word or a
    fraction) a sentence holds, each sentence reads as one line with the formula as a Word file's reader
    writes it, the sentences in order, none lost or doubled."""
    lines: list[list[Term]] = []
    for n, (before, formula, after) in enumerate(sentences):
        before = before or f"第{n + 1}条"
        lines.append([before, formula, after + "。"] if formula else [before + after + "。"])
    path = tmp_path / "drawn.pdf"
    draw_formulas(path, lines)
    read = _lines(path)
    expected = [linear(terms) for terms in lines]
    assert "".join(read) == "".join(expected)
    assert all(any(sentence in line for line in read) for sentence in expected)


_WORDS = st.sampled_from(
    ["离休干部", "遗属", "生活补助", "按月", "发放", "标准", "由县民政局", "核定", "每人", "不低于", "乡镇"]
)
_TERMS = st.sampled_from(["家庭总收入", "12", "5", "年龄-80", "护理等级×300", "人口数", "a+b", "3"])
_SENTENCE = st.tuples(
    st.lists(_WORDS, min_size=0, max_size=4).map("".join),
    st.tuples(_TERMS, _TERMS) | st.none(),
    st.lists(_WORDS, min_size=1, max_size=4).map("".join),
)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(sentences=st.lists(_SENTENCE, min_size=1, max_size=5))
def test_a_fraction_anywhere_leaves_its_sentence_one_sentence(tmp_path: Path, sentences: list) -> None:  # type: ignore[type-arg]
    """Whatever the sentences and wherever a fraction stands in one (at its start, its middle, its end): each
    sentence reads as one line, its words and the fraction's parts in order, none lost or doubled."""
    lines = []
    expected = []
    for n, (before, fraction, after) in enumerate(sentences):
        after = after + "。"
        if not before and not fraction:
            before = f"第{n + 1}条"
        lines.append([before, fraction, after] if fraction else [before + after])
        expected.append(before + (fraction_text(*fraction) if fraction else "") + after)
    path = tmp_path / "drawn.pdf"
    draw_lines(path, lines)
    assert _lines(path) == expected


def _words(path: Path) -> str:
    return "".join(read_document(path).text.split())


def test_a_three_line_tables_grouped_header_rule_is_no_bar_and_its_figures_stay() -> None:
    """Writer's 三线表 (python-docx, LibreOffice): the rule under 「慰问标准（元）」 has the table's rules just over
    and under it and 「离休干部」「退休干部」 under it are two cells — no fraction; every cell's words are read."""
    words = _words(_HERE / "threeline-writer.pdf")
    assert "/" not in words
    for cell in (*HEADER[0], *HEADER[1], *(value for row in ROWS for value in row)):
        assert cell in words


def test_a_name_over_a_signature_rule_is_no_fraction(tmp_path: Path) -> None:
    """A name written over a signature rule with 「（签字）」 under it, off-centre: not 「王丽/（签字）」."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = tmp_path / "sign.pdf"
    page = canvas.Canvas(str(path), pagesize=(595, 842))
    page.setFont("STSong-Light", 12)
    page.drawString(72, 730, "经审核，该同志医疗费符合报销规定，同意报销。")
    page.drawString(190, 690, "审核人签字：")
    page.setLineWidth(0.5)
    page.line(262, 693, 322, 693)
    page.drawString(274, 695, "王丽")
    page.setFont("STSong-Light", 9)
    page.drawString(280, 683, "（签字）")
    page.showPage()
    page.save()
    words = _words(path)
    assert "/" not in words
    assert "王丽" in words and "（签字）" in words


def test_stacked_lines_over_ever_wider_rules_are_no_fraction() -> None:
    """review67L (reportlab): a signature block 「负责人」 over a short rule, 「张三」 over a wider one, the date
    under it, and a cover 「澜屿县委老干部局」 / rule / 「二〇二五年三月」 / wider rule / 「印发」 — each the shape
    of a fraction in a fraction's numerator, but no sentence runs into the wider one. layout67 read
    「负责人/张三」 and titled the cover 「澜屿县委老干部局/二〇二五年三月」; each line is its own again."""
    assert _lines(_HERE / "signature.pdf") == [NOTICE, *(text for text, _ in SIGNATURE), CLOSING]
    assert _lines(_HERE / "cover.pdf")[:3] == [text for text, _ in COVER]
    (speech,) = parse_document(read_document(_HERE / "cover.pdf"))
    assert "/" not in speech.title and speech.title.startswith(COVER[0][0])


_NAME = st.text(alphabet="赵钱孙李周吴郑王冯陈明华兰芳建国", min_size=2, max_size=4)
_UNIT = st.sampled_from(["澜屿县委老干部局", "县老年大学", "负责人", "经办人", "审核人", "印发", "（盖章）"])
_DATE = st.builds(
    lambda y, m, d: f"{y}年{m}月{d}日", st.integers(2020, 2035), st.integers(1, 12), st.integers(1, 28)
)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    blocks=st.lists(
        st.lists(
            st.tuples(_NAME | _UNIT | _DATE, st.sampled_from([0.0, 0.8, 1.0, 1.3, 1.8, 2.5])),
            min_size=2,
            max_size=4,
        ),
        min_size=1,
        max_size=2,
    ),
    size=st.sampled_from([12, 14, 16]),
    sentences=st.booleans(),
)
def test_signature_blocks_and_covers_read_no_fraction(
    tmp_path: Path, blocks: list[list[tuple[str, float]]], size: int, sentences: bool
) -> None:
    """reportlab: one or two blocks side by side — names, units and dates set one over another, centred,
    each over a rule of no width or 0.8 to 2.5 times its own — under a sentence and over another (or alone on
    the page): no 「/」 is read (no sentence runs into them: none is a fraction), and every line of each block
    is read, in order."""
    from reportlab.pdfbase import pdfmetrics

    path = tmp_path / "stack.pdf"

    def draw(page) -> None:  # type: ignore[no-untyped-def]
        page.setFont("STSong-Light", 12)
        if sentences:
            page.drawString(72, 780, NOTICE)
            page.drawString(72, 200, CLOSING)
        for n, block in enumerate(blocks):
            lines = [
                (text, share * pdfmetrics.stringWidth(text, "STSong-Light", size)) for text, share in block
            ]
            draw_stack(page, 300 if len(blocks) == 1 else 180 + 240 * n, 600, lines, size)

    pages(path, draw)
    words = _words(path)
    assert "/" not in words
    for block in blocks:
        at = 0
        for text, _ in block:
            assert words.find(text, at) >= 0, (text, words)
            at = words.find(text, at) + len(text)


_CELL = st.text(alphabet="离退休干部赵钱孙李明华兰", min_size=2, max_size=4) | st.integers(0, 99999).map(str)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    rows=st.lists(st.tuples(_CELL, _CELL, _CELL, _CELL), min_size=1, max_size=4),
    ruling=st.sampled_from(sorted(RULINGS)),
)
def test_a_ruled_table_keeps_every_cells_words(tmp_path: Path, rows: list, ruling: str) -> None:  # type: ignore[type-arg]
    """Whatever its cells and however it is ruled (三线表, a grouped header's rule alone, every row, a grid):
    no rule of a table is read as a fraction's bar, and every cell's words are read."""
    path = tmp_path / "table.pdf"
    ruled_table_pdf(path, rows, ruling)
    words = _words(path)
    assert "/" not in words
    for cell in (*HEADER[0], *HEADER[1], *(value for row in rows for value in row)):
        assert cell in words
