"""A chart-heavy report drawn by matplotlib in Type 3 fonts reads as its paragraphs.

The twenty-fifth blind set (docs/cold23.md) had one: a 工作总结 drawn in Python (``fig.text`` lines broken
by counting characters, charts under them), every character a Type 3 glyph. Its text layer reads (matplotlib
writes ToUnicode maps), but a line the script broke before a 「，」 — which no layout program does — ended the
line above as a paragraph when that stopped short (figures are narrower), and the parser took it for a 一是
heading over the rest of its sentence: 「每个书屋配备图书不少于1500册」 was in a section's name and no passage.
corpus/layout.py (``_starts_paragraph``) now goes on from the line above whenever a line opens with a mark
no line may open with (「，。、；：！？）》”」…」). The chart's axis title, set on end up its side, read
backwards (「）册（量阅借」): corpus/pdf.py (``_reading_order``) reads a line turned a right angle
counterclockwise from the bottom up, one turned clockwise from the top down.

Files by a real producer (tests/fixtures/type3_pdf.py): matplotlib, ``pdf.fonttype`` 3.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from corpus import parse_document, read_document
from tests.fixtures.type3_pdf import write_type3_pdf

PARAGRAPHS = (
    ("title", "2027年度全市银发书屋建设工作总结"),
    ("heading", "二、主要做法"),
    (
        "body",
        "一是统一配书标准，每个书屋配备图书不少于1500册、报刊不少于20种，其中党史和健康养生类图书不少于三分之一。",
    ),
    ("body", "二是推行通借通还，读者凭老年人优待证可以在任何一个书屋借书还书，每次限借3册，借期30天。"),
)


def test_a_line_opening_with_a_comma_goes_on_from_the_line_above(tmp_path: Path) -> None:
    path = tmp_path / "总结.pdf"
    write_type3_pdf(PARAGRAPHS, path, chart=(("东湖区", "西山区"), (9860, 7420)), axis_title="借阅量（册）")
    from pypdf import PdfReader

    fonts = PdfReader(str(path)).pages[0]["/Resources"]["/Font"]
    assert {font.get_object()["/Subtype"] for font in fonts.values()} == {"/Type3"}
    [speech] = parse_document(read_document(path))
    texts = [p.text for p in speech.paragraphs]
    assert PARAGRAPHS[2][1] in texts
    assert PARAGRAPHS[3][1] in texts
    assert all("1500" not in (p.section or "") for p in speech.paragraphs)
    blocks = [b.text for b in read_document(path).blocks]
    assert blocks.count("借阅量（册）") == 1


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    titles=st.lists(
        st.tuples(
            st.text(alphabet="借阅量人次册万元年龄构成读者（）", min_size=2, max_size=10),
            st.sampled_from([90, -90, 270]),
        ),
        min_size=1,
        max_size=3,
    )
)
# found by the property on the merged main: a turned title opening with a closing mark was joined to the line above
@example(titles=[("）万", 90)])
def test_text_turned_a_right_angle_reads_in_its_own_order(
    tmp_path: Path, titles: list[tuple[str, int]]
) -> None:
    """Whatever its words, a line turned up (90°) reads bottom to top and one turned down (−90°) top to
    bottom: as its words, each once, beside the page's horizontal text, which reads as before."""
    path = tmp_path / "图表.pdf"
    write_type3_pdf(PARAGRAPHS[1:3], path, turned=titles)
    blocks = [b.text for b in read_document(path).blocks]
    for text, _ in titles:
        assert text in blocks
    assert "".join(b for b in blocks if b not in {t for t, _ in titles}) == "二、主要做法" + PARAGRAPHS[2][1]


_CLAUSE = st.builds(
    lambda words, number, mark: words + str(number) + mark,
    st.text(alphabet="书屋配备图书报刊读者借阅老年人优待证党史健康养生分享会", min_size=3, max_size=14),
    st.integers(min_value=0, max_value=20000),
    st.sampled_from(["，", "、", "；"]),
)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(clauses=st.lists(_CLAUSE, min_size=3, max_size=8), per_line=st.integers(min_value=24, max_value=40))
def test_no_paragraph_opens_with_a_mark_no_line_may_open_with(
    tmp_path: Path, clauses: list[str], per_line: int
) -> None:
    """However a script breaks a paragraph by counting characters, what is read never opens with 「，」「、」
    「；」 or 「。」 — such a line goes on from the one above — and nothing of the paragraph is lost."""
    text = "".join(clauses)[:-1] + "。"
    path = tmp_path / "段落.pdf"
    write_type3_pdf([("heading", "一、基本情况"), ("body", text)], path, per_line=per_line)
    blocks = [b.text for b in read_document(path).blocks]
    assert not any(block.startswith(("，", "、", "；", "。")) for block in blocks)
    assert "".join(blocks).replace(" ", "") == "一、基本情况" + text
