"""Equations in the other office formats (corpus.equations.mathml_text, corpus.odt, corpus.rtf): one notice
whose formulas are Word's Office Math, written by python-docx, converted by LibreOffice to .odt and .fodt
(LibreOffice Math objects: MathML), .rtf ({\\mmath …}) and .doc (Equation Editor 3.0 objects), reads the
same formula text in every format, where it stands: a display equation a line of its own (a block of kind
"equation"), an inline one inside its sentence (tests/fixtures/office_equations/make_equations.py)."""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus import read_bytes, read_document
from corpus.word import libreoffice_reads_formulas
from tests.fixtures.office_equations import make_equations as eq

HERE = Path(__file__).resolve().parent / "fixtures" / "office_equations"
SOFFICE = shutil.which("soffice")
# a .doc's Equation Editor formulas are read by LibreOffice's formula component (Debian's libreoffice-math);
# a LibreOffice without it converts them to pictures, and the reader says so (test below)
MATH = SOFFICE is not None and libreoffice_reads_formulas(SOFFICE)


def _read(path: Path) -> list[tuple[str, str]]:
    return [(block.kind, block.text) for block in read_document(path).blocks]


def test_the_word_notice_reads_each_formula_where_it_stands() -> None:
    blocks = _read(HERE / "equations.docx")
    assert ("equation", "月补助金额=(保障标准×1.5-家庭月人均收入)×申请人数") in blocks
    assert (
        "paragraph",
        "式中，家庭月人均收入=家庭上年度总收入/(12×家庭人口数)，保障标准按县民政局公布的执行。",
    ) in blocks
    assert ("equation", "年度补助总额=∑_(i=1)^12 补助_i") in blocks
    assert ("paragraph", "其中面积单位为m²，按建筑面积计。") in blocks
    # an equation array: a line per row
    assert blocks.index(("equation", "C=A-D")) == blocks.index(("equation", "A=B×1.5")) + 1


@pytest.mark.parametrize("suffix", ["odt", "fodt", "rtf"])
def test_libreoffices_formulas_read_as_the_word_equations_they_were(suffix: str) -> None:
    # main: the .odt's and .rtf's formulas were in no block — 「式中，家庭月人均收入=，保障标准按…」, a display
    # formula an empty line
    assert _read(HERE / f"equations.{suffix}") == _read(HERE / "equations.docx")


@pytest.mark.skipif(
    not MATH, reason="no LibreOffice with its formula component (a .doc's formulas are read through it)"
)
def test_a_docs_equation_editor_objects_read_as_the_word_equations_they_were() -> None:
    # LibreOffice writes each formula into a .doc as an Equation Editor 3.0 object (「Equation Native」);
    # read back, a minus sign came as U+2212 where the .docx reads the 「-」 typed
    assert b"Equation.3" in (HERE / "equations.doc").read_bytes()
    assert _read(HERE / "equations.doc") == _read(HERE / "equations.docx")


def test_the_reference_text_reads_the_formulas() -> None:
    # what add --check compares the passages with: the formula's line, so no sentence is counted lost
    from corpus.odt import read_odt

    reference = read_odt("equations.odt", (HERE / "equations.odt").read_bytes()).reference.split("\n")
    assert "月补助金额=(保障标准×1.5-家庭月人均收入)×申请人数" in reference
    assert "其中面积单位为m²，按建筑面积计。" in reference


def test_an_odt_whose_object_is_no_formula_reads_as_before(tmp_path: Path) -> None:
    # a chart or another object whose content.xml is not MathML is not read as a formula (its frame, as
    # before, adds nothing to the paragraph)
    import zipfile

    source = HERE / "equations.odt"
    target = tmp_path / "chart.odt"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for item in old.infolist():
            data = old.read(item.filename)
            if item.filename == "Object 1/content.xml":
                data = b'<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>'
            new.writestr(item, data)
    blocks = _read(target)
    assert ("equation", "月补助金额=(保障标准×1.5-家庭月人均收入)×申请人数") not in blocks
    assert ("paragraph", "为规范补助的计算，现将有关公式明确如下。") in blocks


# -- a property: any formula of the grammar reads the same through LibreOffice --------------------------

_WORD = st.text(alphabet=st.sampled_from("补助金额标准收入人数家庭月年度保障"), min_size=1, max_size=5)
_ATOM = st.one_of(_WORD, st.integers(1, 999).map(str), st.sampled_from("θαxn")).map(eq.r)
# a function's name: Word's m:func, saved by LibreOffice as runs side by side (「sin」「θ」, 「log」 with its base)
_BARE_NUMBER = re.compile(r"<m:r>(?:(?!<m:r>).)*<m:t>[0-9]+</m:t></m:r>")
_NAME = st.one_of(st.sampled_from(("sin", "cos", "ln")).map(eq.r), st.just(eq.sub(eq.r("log"), eq.r("2"))))


def _extend(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.one_of(
        # a function of a bare number is left out: the .doc's Equation Editor 3.0 object keeps 「cos」「388」 as
        # one text 「cos388」 (docs/formats64.md, 「Review fixes」)
        st.tuples(_NAME, inner.filter(lambda x: not _BARE_NUMBER.fullmatch(x))).map(
            lambda p: eq.function(*p)
        ),
        st.lists(_ATOM, min_size=2, max_size=3).map(lambda cells: eq.column(*cells)),
        inner.map(eq.brackets),
        st.tuples(inner, inner).map(lambda p: eq.frac(*p)),
        inner.map(eq.root),
        # a power of a bare radical is left out: LibreOffice's .doc (Equation Editor 3.0) puts the exponent under
        # the radical sign, 「√(x⁶)」 for Word's 「(√x)⁶」 — the converter's reading, not ours (docs/mend64f.md)
        st.tuples(
            inner.filter(lambda x: not x.startswith("<m:rad>")), st.integers(2, 9).map(str).map(eq.r)
        ).map(lambda p: eq.sup(*p)),
        st.lists(inner, min_size=2, max_size=3).map(lambda parts: eq.r("+").join(parts)),
        st.lists(inner, min_size=2, max_size=3).map(lambda parts: eq.r("×").join(parts)),
    )


_FORMULA = st.recursive(_ATOM, _extend, max_leaves=5)


@pytest.mark.slow
@pytest.mark.skipif(not MATH, reason="no LibreOffice with its formula component (libreoffice-math)")
@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    formulas=st.lists(
        st.tuples(
            st.sampled_from(("", "其中，", "补助按")), _FORMULA, st.sampled_from(("", "。", "，按月发放。"))
        ),
        min_size=1,
        max_size=6,
    )
)
def test_any_formula_reads_the_same_in_odt_rtf_and_doc(formulas: list[tuple[str, str, str]]) -> None:
    # fractions, radicals, powers, brackets, sums and products, functions (「sin θ」「log₂ n」) and vectors nested
    # any way, alone in a paragraph or in a sentence: the document LibreOffice saves in each format reads
    # exactly the blocks of the .docx
    from tests.fixtures.documents.make_fixtures import soffice_all

    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "formulas.docx"
        eq.make_docx(source, formulas)
        expected = [(b.kind, b.text) for b in read_bytes("formulas.docx", source.read_bytes()).blocks]
        for fmt in ("odt", "rtf", "doc"):
            [converted] = soffice_all([source], fmt, Path(folder) / fmt)
            assert _read(converted) == expected, fmt


# -- the review's formulas (tests/fixtures/office_equations/review.*, docs/formats64.md 「Review fixes」) ---


def test_a_one_sided_brace_in_an_rtf_reads_no_closing_bracket() -> None:
    # LibreOffice writes the missing bracket as {\mendChr \u0\'00}; formats64 read it as no value and drew
    # the default 「)」: 「0,x≤0)」
    rtf = (HERE / "review.rtf").read_bytes()
    assert rb"\mendChr \u0" in rtf
    blocks = _read(HERE / "review.rtf")
    assert ("equation", "0,x≤0") in blocks
    assert not any(text.endswith("≤0)") for _, text in blocks)


_REVIEW_DOCX = [
    ("equation", "f(x)={1, x>0"),
    ("equation", "0, x≤0"),
    ("equation", "v=(1; 2; 3)"),
    ("equation", "y=sin θ+log₂ n"),
    ("equation", "cost=单价×数量"),
    ("equation", "sine=a+min时长"),
]


def test_words_that_begin_with_a_functions_name_are_not_split() -> None:
    # formats64 spaced every 「cos」「sin」「min」 run into what follows, in every format: 「cos t=单价×数量」,
    # 「sin e=…」, 「min 时长」; Word's own functions (m:func) read 「sin θ」, 「log₂ n」
    blocks = _read(HERE / "review.docx")
    assert [b for b in blocks if b[0] == "equation"] == _REVIEW_DOCX


@pytest.mark.parametrize("suffix", ["odt", "fodt", "rtf"])
def test_the_reviews_formulas_read_as_the_word_equations_they_were(suffix: str) -> None:
    # a vector was three lines 「v=(1」「2」「3)」 in the .odt; 「sinθ」「log₂n」 where Word reads 「sin θ」
    # 「log₂ n」; 「cos t」 for 「cost」. LibreOffice Math keeps no space typed in a formula (「1, x>0」 →
    # 「1,x>0」): the one difference left, compared apart
    expected = _read(HERE / "review.docx")
    blocks = _read(HERE / f"review.{suffix}")
    assert blocks == [(kind, text.replace(", ", ",")) for kind, text in expected]


@pytest.mark.skipif(
    not MATH, reason="no LibreOffice with its formula component (a .doc's formulas are read through it)"
)
def test_a_docs_functions_read_as_the_word_equations_they_were() -> None:
    # the .docx LibreOffice makes of a .doc has no m:func: 「sin」「θ」 are runs side by side
    blocks = _read(HERE / "review.doc")
    for line in ("y=sin θ+log₂ n", "cost=单价×数量", "sine=a+min时长", "v=(1; 2; 3)"):
        assert ("equation", line) in blocks


@pytest.mark.parametrize("suffix", ["odt", "fodt"])
def test_formulas_typed_in_math_read_a_column_in_brackets_as_one_line(suffix: str) -> None:
    # typed in LibreOffice Math (StarMath): a binomial 「binom n k」 and a vector 「left( stack{1#2#3} right)」
    # are one-column tables — formats64 cut each into lines as an equation array
    blocks = _read(HERE / f"starmath.{suffix}")
    assert [b for b in blocks if b[0] == "equation"] == [
        ("equation", "y=sin θ+log₂ n"),
        ("equation", "C=(n; k)⋅p"),
        ("equation", "C=(n; k)+1"),
        ("equation", "v=(1; 2; 3)"),
    ]


def test_a_function_saved_as_runs_reads_as_words_function_inside_a_fraction() -> None:
    # LibreOffice's 「sin」「x」 runs in a numerator: set apart and bracketed as Word's m:func is, 「(sin x)/2」;
    # a name run into a word (「cost」) or before a bracket (「sin(x)」) gets no space
    from lxml import etree

    from corpus.equations import equation_text

    def text(omml: str) -> str:
        return equation_text(
            etree.fromstring(f'<m:oMath xmlns:m="{eq.M_NS}" xmlns:w="{eq.W_NS}">{omml}</m:oMath>')
        )

    def over_two(numerator: str) -> str:
        return text(f"<m:f><m:num>{numerator}</m:num><m:den>{eq.r('2')}</m:den></m:f>")

    assert over_two(eq.r("sin") + eq.r("x")) == over_two(eq.function(eq.r("sin"), eq.r("x"))) == "(sin x)/2"
    assert over_two(eq.r("sin") + eq.brackets(eq.r("x"))) == "sin(x)/2"
    assert text(eq.r("cost") + eq.r("=1")) == "cost=1"
    assert text(eq.sub(eq.r("log"), eq.r("2")) + eq.r("n")) == "log₂ n"


# -- a .doc's formulas where nothing here can read them: the user is told how many and what to install -------


def _path_with_only(tmp_path: Path, program: str) -> str:
    folder = tmp_path / "bin"
    folder.mkdir()
    found = shutil.which(program)
    assert found is not None
    (folder / program).symlink_to(found)
    return str(folder)


@pytest.mark.skipif(shutil.which("antiword") is None, reason="antiword is not installed")
def test_a_docs_formulas_read_by_antiword_are_counted_as_not_read(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("PATH", _path_with_only(tmp_path, "antiword"))
    document = read_document(HERE / "equations.doc")
    assert "为规范补助的计算，现将有关公式明确如下。" in [block.text for block in document.blocks]
    assert any(
        note.startswith("文件中有 13 个公式未能读出（antiword 读不出公式") for note in document.notes
    ), document.notes


def test_a_libreoffice_reads_formulas_when_its_formula_component_is_beside_it(tmp_path: Path) -> None:
    program = tmp_path / "libreoffice" / "program"
    program.mkdir(parents=True)
    (program / "soffice").write_text("")
    (tmp_path / "soffice").symlink_to(program / "soffice")  # /usr/bin/soffice is a link into program/
    assert not libreoffice_reads_formulas(str(tmp_path / "soffice"))
    (program / "libsmlo.so").write_text("")
    assert libreoffice_reads_formulas(str(tmp_path / "soffice"))


@pytest.mark.skipif(not SOFFICE or MATH, reason="needs a LibreOffice without its formula component")
def test_a_docs_formulas_unread_by_libreoffice_without_math_are_counted() -> None:
    document = read_document(HERE / "equations.doc")
    assert any("13 个公式未能读出（本机的 LibreOffice 没有公式组件" in note for note in document.notes), (
        document.notes
    )


def test_a_docs_formula_objects_are_counted_and_a_doc_without_any_gets_no_note() -> None:
    from corpus import cfb

    assert cfb.stream_count((HERE / "equations.doc").read_bytes(), "Equation Native") == 13
    assert cfb.stream_count(b"not a compound file", "Equation Native") == 0
    plain = HERE.parent / "comments" / "draft.writer.doc"
    assert cfb.stream_count(plain.read_bytes(), "Equation Native") == 0
    assert not any("公式" in note for note in read_document(plain).notes)
