"""A 工作简报 set in columns between a masthead with its issue line and a 版记 across the page (cold35).

The issue line gives the editing office and the day a gutter's width apart (「中共…老干部局编　　2032年4月20日」)
and the 版记's lines are short and set left: neither crosses a gutter, so both were read as lines of the
columns — the day in the right column (the bulletin undated), the 版记 run into an article. A page is now cut
into bands at a blank strip across it taller than 2.5 lines, and columns are found in each band alone (a run of
the same columns on both sides of such a strip is still one run).

Files: ``tests/fixtures/bulletin_bands/`` made by ``make_bulletins.py`` there (a flat ODT → LibreOffice Writer
PDF), and cold35's bulletin (``benchmarks/corpus-cold35/``).
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from corpus import parse_document, read_bytes
from corpus.columns import read_columns
from corpus.layout import Page
from tests.fixtures.bulletin_bands.make_bulletins import ARTICLES, DAY, FOOT, ISSUE, MASTHEAD
from tests.test_corpus_columns import line, merged

HERE = Path(__file__).parent
BANDS = HERE / "fixtures" / "bulletin_bands"
COLD35 = HERE.parent / "benchmarks" / "corpus-cold35" / "枫渚县老干部工作简报（2032年第3期）.pdf"


def _bulletin(path: Path):  # type: ignore[no-untyped-def]
    [speech] = parse_document(read_bytes(path.name, path.read_bytes()))
    return speech


def _body(speech) -> str:  # type: ignore[no-untyped-def]
    """The text of its paragraphs, the 「文件信息」 passage (its issuer and 版记, in no index) left out."""
    return "\n".join(p.text for p in speech.paragraphs if p.section != "文件信息")


def _imprint(speech) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {field.label: field.value for field in speech.imprint}


def test_three_columns_between_the_issue_line_and_the_imprint() -> None:
    """main: undated, no issuer, the issue line's day and the 版记 read into the third column."""
    speech = _bulletin(BANDS / "bulletin.three-columns.pdf")
    assert speech.title == f"{MASTHEAD} {ISSUE}"
    assert (speech.date, speech.issuer) == ("2031-05-26", "中共澄溪县委老干部局")
    assert _imprint(speech)["报"] == FOOT[0].removeprefix("报：").removesuffix("。")
    text = _body(speech)
    for _head, paragraphs in ARTICLES:
        for paragraph in paragraphs:
            assert text.count(paragraph) == 1
    assert DAY not in text and "报：" not in text and "送：" not in text


def test_an_unbalanced_section_under_an_issue_line_is_read_in_order() -> None:
    """Writer left the section's second column empty: the page is one column under an issue line of two
    pieces. main: undated, the issue line's office heading the first article, the 版记 in the last."""
    speech = _bulletin(BANDS / "bulletin.unbalanced.pdf")
    assert (speech.date, speech.issuer) == ("2031-05-26", "中共澄溪县委老干部局")
    body = [p for p in speech.paragraphs if p.section != "文件信息"]
    assert [p.section for p in body] == [head for head, paragraphs in ARTICLES for _ in paragraphs]
    assert [p.text for p in body] == [p for _, paragraphs in ARTICLES for p in paragraphs]
    assert set(_imprint(speech)) == {"报", "送", "发"}


def test_cold35s_bulletin_is_dated_and_its_imprint_is_apart() -> None:
    """main: 「日期不详」, its issuer the first headline, 「…累计巡河报：县委办公室，…」 and 「2032年4月20日4600余公里」."""
    speech = _bulletin(COLD35)
    assert speech.title == "老干部工作简报 2032年第3期（总第41期）"
    assert (speech.date, speech.issuer) == ("2032-04-20", "中共枫渚县委老干部局")
    assert [p.section for p in speech.paragraphs][1] == "县委召开老干部情况通报会"
    text = _body(speech)
    assert "累计巡河4600余公里" in text and "2032年4月20日" not in text and "报：" not in text
    assert set(_imprint(speech)) == {"报", "送", "发"}


# -- a property over the geometry: bands read in order, columns inside them left column first ------------


def _page(head: int, rows: list[int], count: int, gap_row: int | None, foot: int, strip: float) -> Page:
    """A masthead line, an issue line of two pieces (one over the first column, one over the last), a strip
    `strip` lines tall, `count` columns of full 10-pt lines (column k has rows[k] lines; all columns blank at
    `gap_row` by a strip of the same height, when given), the same strip, and `foot` short lines set left."""
    size, width, gutter, left = 10.0, 150.0, 20.0, 50.0
    right = left + count * width + (count - 1) * gutter
    lines = [line("简报名称" * 2, (left + right) / 2 - 40, 40, size=20)]
    for n in range(head):
        lines.append(line(f"第{n}期", (left + right) / 2 - 15, 70 + 15 * n))
    top = 70 + 15 * head
    lines.append(merged(line("某某局编", left + 20, top), line("2031年5月26日", right - 90, top)))
    y = top + size + strip * size + 1
    columns = [[f"第{k}栏第{r}行" for r in range(rows[k])] for k in range(count)]
    for r in range(max(rows)):
        if r == gap_row:
            y += strip * size + 1
        pieces = [
            line(columns[k][r], left + k * (width + gutter), y, width=width)
            for k in range(count)
            if r < rows[k]
        ]
        lines.append(merged(*pieces) if len(pieces) > 1 else pieces[0])
        y += 15
    y += strip * size + 1
    for n in range(foot):
        lines.append(line(f"报送{n}：某某单位。", left, y + 15 * n))
    return Page(lines=tuple(lines), width=600, height=900)


@settings(max_examples=60, deadline=None, derandomize=True)
@given(
    head=st.integers(0, 2),
    count=st.integers(2, 3),
    rows=st.lists(st.integers(6, 14), min_size=3, max_size=3),
    gap=st.one_of(st.none(), st.integers(2, 5)),
    foot=st.integers(1, 4),
    strip=st.floats(2.6, 5.0),
)
def test_bands_read_in_order_and_columns_left_first(
    head: int, count: int, rows: list[int], gap: int | None, foot: int, strip: float
) -> None:
    """Whatever the columns' count and lengths, the number of lines over and under them, and a strip across
    all the columns at one height (headings' space in each by chance): the masthead and issue lines first,
    as one line each, then every line of column 1, of column 2…, then the 版记 — each line once."""
    rows = [max(rows), *rows[1:count]]  # the first column is the fullest, as text flows
    if gap is not None:
        gap = min(gap, min(rows) - 2)  # two lines or more of every column on each side of the strip
    page = read_columns(_page(head, rows, count, gap, foot, strip))
    texts = [ln.text for ln in page.lines]
    top = ["简报名称" * 2, *(f"第{n}期" for n in range(head)), "某某局编 2031年5月26日"]
    columns = [f"第{k}栏第{r}行" for k in range(count) for r in range(rows[k])]
    assert texts == [*top, *columns, *(f"报送{n}：某某单位。" for n in range(foot))]
