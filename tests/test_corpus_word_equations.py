"""Word's equations (corpus.equations, corpus.word): python-docx documents carrying Office Math (OMML) as Word
writes it — a display equation and an inline one read where they stand, as a line of text, brackets,
fraction bars and scripts included; the reference text `add --check` compares with reads them the same way."""

from __future__ import annotations

import io
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from corpus import parse_document, read_bytes, read_document
from corpus.equations import equation_text
from corpus.word import reference_text

M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
SET = Path(__file__).resolve().parent.parent / "benchmarks" / "corpus-cold37"


def _run(text: str) -> str:
    return f'<m:r><w:rPr><w:rFonts w:ascii="Cambria Math" w:hAnsi="Cambria Math"/></w:rPr><m:t>{text}</m:t></m:r>'


def _docx(paragraphs: list[tuple[str, str, str]]) -> bytes:
    """A .docx by python-docx: each (before, equation's OMML, after) a paragraph, the equation inline between
    the two runs, or a display equation (``m:oMathPara``) alone in its paragraph when both are empty."""
    from docx import Document
    from docx.oxml import parse_xml

    doc = Document()
    doc.add_paragraph("溧岚县离休干部遗属生活困难补助办法", style="Title")
    for before, omml, after in paragraphs:
        paragraph = doc.add_paragraph(before)
        wrapper = "oMath" if before or after else "oMathPara"
        inner = omml if wrapper == "oMath" else f"<m:oMath>{omml}</m:oMath>"
        paragraph._p.append(
            parse_xml(f'<m:{wrapper} xmlns:m="{M_NS}" xmlns:w="{W_NS}">{inner}</m:{wrapper}>')
        )
        if after:
            paragraph.add_run(after)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _texts(data: bytes) -> list[str]:
    return [b.text for b in read_bytes("补助办法.docx", data).blocks]


def test_a_display_equation_and_an_inline_fraction_read_where_they_stand() -> None:
    display = (
        _run("月补助金额=")
        + f"<m:d><m:dPr><m:ctrlPr/></m:dPr><m:e>{_run('标准×1.5-人均收入')}</m:e></m:d>"
        + _run("×人数")
    )
    fraction = f"<m:f><m:num>{_run('上年度总收入')}</m:num><m:den>{_run('12×家庭人口数')}</m:den></m:f>"
    data = _docx([("", display, ""), ("式中，人均收入=", fraction, "，标准按当年公布的执行。")])
    assert _texts(data)[1:] == [
        "月补助金额=(标准×1.5-人均收入)×人数",
        "式中，人均收入=上年度总收入/(12×家庭人口数)，标准按当年公布的执行。",
    ]
    # the reference add --check compares with reads them too (before, both lost the equation alike)
    assert "月补助金额=(标准×1.5-人均收入)×人数" in reference_text(data).split("\n")
    assert "式中，人均收入=上年度总收入/(12×家庭人口数)，标准按当年公布的执行。" in reference_text(data)


def test_scripts_radicals_sums_and_chosen_brackets() -> None:
    def math(omml: str):  # type: ignore[no-untyped-def]
        from lxml import etree

        return etree.fromstring(f'<m:oMath xmlns:m="{M_NS}" xmlns:w="{W_NS}">{omml}</m:oMath>')

    assert (
        equation_text(math(f"<m:sSup><m:e>{_run('面积m')}</m:e><m:sup>{_run('2')}</m:sup></m:sSup>"))
        == "面积m²"
    )
    # a subscript of more than digits and signs: in brackets after 「_」 (CO₂'s digit is set small)
    assert (
        equation_text(math(f"<m:sSub><m:e>{_run('x')}</m:e><m:sub>{_run('i+1')}</m:sub></m:sSub>"))
        == "x_(i+1)"
    )
    assert equation_text(math(f"<m:sSub><m:e>{_run('CO')}</m:e><m:sub>{_run('2')}</m:sub></m:sSub>")) == "CO₂"
    assert (
        equation_text(
            math(f'<m:rad><m:radPr><m:degHide m:val="1"/></m:radPr><m:deg/><m:e>{_run("a+b")}</m:e></m:rad>')
        )
        == "√(a+b)"
    )
    assert (
        equation_text(
            math(
                f'<m:nary><m:naryPr><m:chr m:val="∑"/></m:naryPr><m:sub>{_run("i=1")}</m:sub>'
                f"<m:sup>{_run('n')}</m:sup><m:e>{_run('补助')}</m:e></m:nary>"
            )
        )
        == "∑_(i=1)^n 补助"
    )
    assert (
        equation_text(
            math(
                f'<m:d><m:dPr><m:begChr m:val="["/><m:endChr m:val="]"/></m:dPr>'
                f"<m:e>{_run('a')}</m:e><m:e>{_run('b')}</m:e></m:d>"
            )
        )
        == "[a|b]"
    )


def test_the_blind_sets_allowance_formula_is_read() -> None:
    # benchmarks/corpus-cold37: on main 「月补助金额按下式计算：式中，家庭月人均收入=，保障标准…」 — both gone
    [speech] = parse_document(read_document(SET / "溧岚县离休干部遗属生活困难补助办法.docx"))
    text = "\n".join(p.text for p in speech.paragraphs)
    assert "月补助金额=(保障标准×1.5-家庭月人均收入)×申请人数" in text
    assert "家庭月人均收入=家庭上年度总收入/(12×家庭人口数)，保障标准按县民政局" in text


# An equation drawn from a small grammar, with the text Word shows for it in the linear form.
_WORD = st.text(alphabet=st.sampled_from("补助金额标准收入人数家庭月年度保障"), min_size=1, max_size=6)
_NUMBER = st.integers(1, 999).map(str)


def _atom() -> st.SearchStrategy[tuple[str, str]]:
    return st.one_of(_WORD, _NUMBER).map(lambda t: (_run(t), t))


def _extend(inner: st.SearchStrategy[tuple[str, str]]) -> st.SearchStrategy[tuple[str, str]]:
    def product(parts: list[tuple[str, str]]) -> tuple[str, str]:
        return "".join(_run("×") + xml if n else xml for n, (xml, _) in enumerate(parts)), "×".join(
            t for _, t in parts
        )

    bracketed = inner.map(lambda p: (f"<m:d><m:dPr/><m:e>{p[0]}</m:e></m:d>", f"({p[1]})"))
    sums = st.lists(inner, min_size=2, max_size=3).map(
        lambda parts: (
            "".join(_run("+") + xml if n else xml for n, (xml, _) in enumerate(parts)),
            "+".join(t for _, t in parts),
        )
    )
    return st.one_of(bracketed, st.lists(inner, min_size=2, max_size=3).map(product), sums)


_EQUATION = st.recursive(_atom(), _extend, max_leaves=6)


@settings(max_examples=60, deadline=None)
@given(
    equation=_EQUATION,
    before=st.sampled_from(("", "其中，", "补助按")),
    after=st.sampled_from(("", "。", "，按月发放。")),
)
def test_any_equation_reads_once_in_its_sentence_as_written(
    equation: tuple[str, str], before: str, after: str
) -> None:
    # sums, products and brackets nested any way: the paragraph reads its words around the equation's text,
    # every character of the equation once and in order, and the reference holds the same line
    xml, shown = equation
    data = _docx([(before, xml, after)])
    line = f"{before}{shown}{after}"
    assert _texts(data)[1:] == [line]
    assert reference_text(data).split("\n")[1:] == [line]


def _display_docx(items: list[str | list[tuple[str, str]]]) -> bytes:
    """A .docx by python-docx: each item a paragraph of text, or a display equation (``m:oMathPara``) whose
    rows — (OMML, text) — are an equation array (``m:eqArr``) when there are more than one, as Word writes
    「A=B×1.5@C=A-D」."""
    from docx import Document
    from docx.oxml import parse_xml

    doc = Document()
    doc.add_paragraph("关于调整离休干部遗属困难补助标准的通知", style="Title")
    for item in items:
        if isinstance(item, str):
            doc.add_paragraph(item)
            continue
        rows = [xml for xml, _ in item]
        inner = (
            rows[0]
            if len(rows) == 1
            else "<m:eqArr>" + "".join(f"<m:e>{r}</m:e>" for r in rows) + "</m:eqArr>"
        )
        doc.add_paragraph()._p.append(
            parse_xml(
                f'<m:oMathPara xmlns:m="{M_NS}" xmlns:w="{W_NS}"><m:oMath>{inner}</m:oMath></m:oMathPara>'
            )
        )
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _passages(data: bytes) -> list[str]:
    from corpus import MEASURED_MERGE_TO, chunk_speech

    [speech] = parse_document(read_bytes("补助办法.docx", data))
    return [draft.text for draft in chunk_speech(speech, merge_to=MEASURED_MERGE_TO)]


def test_a_display_equations_rows_are_lines_of_their_own_in_the_passage() -> None:
    # review63c: 「…按下式计算：」, an equation array 「A=B×1.5」「C=A-D」, then 「其中…」 read as one run,
    # 「A=B×1.5C=A-D其中B为保障标准…」 (and cold37's own rule 「…×申请人数式中，…」)
    rows = [(_run("A=B×1.5"), "A=B×1.5"), (_run("C=A-D"), "C=A-D")]
    data = _display_docx(
        ["现将补助计算办法通知如下。月补助金额按下式计算：", rows, "其中B为保障标准，D为家庭月人均收入。"]
    )
    [passage] = _passages(data)
    assert passage.split("\n") == [
        "现将补助计算办法通知如下。月补助金额按下式计算：",
        "A=B×1.5",
        "C=A-D",
        "其中B为保障标准，D为家庭月人均收入。",
    ]
    [speech] = parse_document(read_document(SET / "溧岚县离休干部遗属生活困难补助办法.docx"))
    from corpus import MEASURED_MERGE_TO, chunk_speech

    lines = [line for d in chunk_speech(speech, merge_to=MEASURED_MERGE_TO) for line in d.text.split("\n")]
    assert "月补助金额=(保障标准×1.5-家庭月人均收入)×申请人数" in lines


_PLAIN = st.sampled_from(
    (
        "月补助金额按下式计算：",
        "年度补助按下列公式计算",
        "其中E为一次性补助，由县财政承担。",
        "说明",
        "式中，",
    )
)


def _read_back(data: bytes) -> tuple[list[str], str]:
    """The lines of a document's passages, and all it reads in order: a passage's section heading (a short
    line read as a heading, 「说明」) where it first heads a passage, then the passage's text."""
    from corpus import MEASURED_MERGE_TO, chunk_speech

    [speech] = parse_document(read_bytes("补助办法.docx", data))
    drafts = chunk_speech(speech, merge_to=MEASURED_MERGE_TO)
    read, section = [], None
    for draft in drafts:
        if draft.section is not None and draft.section != section:
            read.append(draft.section)
        section = draft.section
        read.append(draft.text.replace("\n", ""))
    return [line for draft in drafts for line in draft.text.split("\n")], "".join(read)


@settings(max_examples=40, deadline=None)
@given(
    items=st.lists(
        st.one_of(_PLAIN, st.lists(_EQUATION, min_size=1, max_size=4)), min_size=1, max_size=6
    ).filter(lambda items: any(not isinstance(i, str) for i in items))
)
@example(items=["说明", "其中E为一次性补助，由县财政承担。", [(_run("人"), "人")]])
def test_every_equation_row_is_a_whole_line_of_a_passage(items: list[str | list[tuple[str, str]]]) -> None:
    # text with or without its end mark around display equations of one to four rows: each row is a whole
    # line of a passage (never run into a neighbour), and the document reads the text, in order, once — a
    # short line read as a heading (「说明」 before a paragraph) as the section heading of the passages it
    # heads, without its colon (the draw above failed when only the passages' text was counted)
    data = _display_docx(["现将补助计算办法通知如下。", *items])
    lines, read = _read_back(data)
    rows = [shown for item in items if not isinstance(item, str) for _, shown in item]
    at = 0
    for row in rows:  # each row a line, in order
        at = lines.index(row, at) + 1
    shown = "".join(item if isinstance(item, str) else "".join(t for _, t in item) for item in items)
    assert read.replace("：", "") == ("现将补助计算办法通知如下。" + shown).replace("：", "")


def test_matrices_numbered_rows_and_limits_read_as_word_writes_them() -> None:
    # review63c: a matrix read 「(1234)」, Word's numbered display equation 「S=a+b#(1)」 showed its 「#」, and a
    # lower limit read 「limn→∞a」
    from lxml import etree

    def math(omml: str):  # type: ignore[no-untyped-def]
        return etree.fromstring(f'<m:oMath xmlns:m="{M_NS}" xmlns:w="{W_NS}">{omml}</m:oMath>')

    cells = "".join(
        "<m:mr>" + "".join(f"<m:e>{_run(c)}</m:e>" for c in row) + "</m:mr>"
        for row in (("1", "2"), ("3", "4"))
    )
    assert equation_text(math(f"<m:d><m:e><m:m>{cells}</m:m></m:e></m:d>")) == "(1 2; 3 4)"
    numbered = f"<m:eqArr><m:e>{_run('S=a+b')}{_run('#')}<m:d><m:e>{_run('1')}</m:e></m:d></m:e></m:eqArr>"
    assert equation_text(math(numbered)) == "S=a+b (1)"
    limit = f"<m:limLow><m:e>{_run('lim')}</m:e><m:lim>{_run('n→∞')}</m:lim></m:limLow>"
    # a limit run into its argument without Word's function structure (as LibreOffice saves it again) reads
    # as the function does: the name and its argument a space apart (formats64)
    assert equation_text(math(limit + _run("a"))) == "lim_(n→∞) a"
    assert (
        equation_text(math(f"<m:func><m:fName>{limit}</m:fName><m:e>{_run('a')}</m:e></m:func>"))
        == "lim_(n→∞) a"
    )
    # in a document (Word writes a numbered equation as an array of one row): a line of its own
    data = _display_docx(["补助按下式计算：", [(numbered, "S=a+b (1)")]])
    assert "S=a+b (1)" in [line for passage in _passages(data) for line in passage.split("\n")]
