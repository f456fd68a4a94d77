"""Excel's header and footer codes (corpus.margin_codes): the text a sheet's printed 页眉/页脚 holds, read
from its code as the grammar of ECMA-376 Part 1 §18.3.1.39 defines it. Before, openpyxl's reading left a
theme colour (``&K04+000``), a colour with an outline (``&KFF0000&O``) and a shadow (``&H``) in the title of a
sheet titled by its header, and took the year after a size (``&122035年``) for the size (review of cold39)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.margin_codes import margin_parts, printed_lines


def test_the_reviews_codes_leave_the_title_alone() -> None:
    for code in (
        "&C&K04+000扎染班报名汇总表",
        "&C&K01-050扎染班报名汇总表",
        "&C&KFF0000&O扎染班报名汇总表&H",
        '&C&"-,Bold"扎染班报名汇总表',
        "&C&S扎染班&S报名汇总表",
        "&C扎染班&14报名汇总表",
        '&C&"黑体,加粗"&18扎染班报名汇总表',
    ):
        assert printed_lines(code) == ("扎染班报名汇总表",), code


def test_a_year_after_a_size_is_text() -> None:
    assert printed_lines("&C&14 2035年扎染班报名汇总表") == ("2035年扎染班报名汇总表",)
    assert printed_lines("&C&122035年扎染班报名汇总表") == ("2035年扎染班报名汇总表",)


def test_parts_read_left_centre_right_and_a_part_with_a_field_not_at_all() -> None:
    code = "&R制表日期：2035年4月6日&C第&P+1页，共&N页&L制表单位：县老干部局"
    assert printed_lines(code) == ("制表单位：县老干部局", "制表日期：2035年4月6日")
    assert printed_lines("&C第&p页") == () and printed_lines("&L打印于&[Date]") == ()
    assert [part.place for part in margin_parts("标题&R右")] == ["C", "R"]  # text before any part is centred


def test_an_ampersand_is_written_twice() -> None:
    assert printed_lines("&C县老干部局&&县文旅局") == ("县老干部局&县文旅局",)


_TEXT = st.text(alphabet='砚泉县扎染班报名汇总表制表单位：2035年ABC &-+"', min_size=1, max_size=20)
_COLOUR = st.one_of(
    st.text(alphabet="0123456789ABCDEFabcdef", min_size=6, max_size=6),
    st.builds(
        lambda theme, sign, tint: f"{theme:02d}{sign}{tint:03d}",
        st.integers(0, 11),
        st.sampled_from("+-"),
        st.integers(0, 100),
    ),
).map(lambda colour: f"&K{colour}")
_CODE = st.one_of(
    st.sampled_from([f"&{c}" for c in "BIUSEXYOH"]),
    _COLOUR,
    st.builds(lambda size: f"&{size} ", st.integers(1, 409)),
    st.builds(
        lambda font, style: f'&"{font},{style}"',
        st.sampled_from(["宋体", "黑体", "-", "Arial", "仿宋_GB2312"]),
        st.sampled_from(["常规", "加粗", "Bold", "Italic"]),
    ),
)


@settings(max_examples=200, deadline=None)
@given(text=_TEXT, codes=st.lists(st.tuples(st.integers(0, 20), _CODE), max_size=6))
def test_any_mix_of_codes_around_a_text_prints_exactly_the_text(
    text: str, codes: list[tuple[int, str]]
) -> None:
    """Property: a part's text with any of the codes that print nothing put anywhere between its
    characters (its ampersands written twice, as Excel writes them) reads as the text, its spaces run
    together, in every part it can be put in."""
    written = [char.replace("&", "&&") for char in text]
    for at, code in sorted(codes, reverse=True):
        written.insert(min(at, len(written)), code)
    expected = " ".join(text.split())
    for place in "LCR":
        assert printed_lines(f"&{place}" + "".join(written)) == ((expected,) if expected else ())
