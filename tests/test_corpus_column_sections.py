"""Two sections set in two columns with a full-width picture between them (mend62b, review of docs62): docs62
cut a page into bands at blank strips taller than 2.5 lines but let columns run on across any strip with the
same columns on both sides, so the picture's strip (about 15 lines) joined the two sections into one run, read
column by column across both: A1, A2, B1, B2, A3… Columns never go on across a strip taller than six lines.
Nor (layout63) across a shorter strip holding a picture that stands across the gutter (``sections.logo.pdf``, a
5 cm × 1 cm picture: main read A1, A2, B1, B2, A3, A4, B3, B4): the page's pictures are passed to the columns.
But only where the sections end there (mend63L, review63L's ``flowpic2``): a small picture set across the gutter
of one text flowing through the page (``flow.picture.pdf``, each column running on under it, the left column's
line over it full) cut nothing on main, and layout63 read sentences 1–10, 23–31, 11–22, 32–40.

The files: ``tests/fixtures/column_sections/``, made by ``make_sections.py`` there (python-docx → Writer) and
``make_flow_picture.py`` (reportlab).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from corpus import parse_document, read_bytes
from corpus.columns import read_columns
from corpus.layout import Page
from tests.fixtures.column_sections.make_flow_picture import SENTENCES
from tests.fixtures.column_sections.make_sections import FIRST, SECOND
from tests.test_corpus_columns import line, merged

FIXTURES = Path(__file__).parent / "fixtures" / "column_sections"


@pytest.mark.parametrize("name", ["sections.picture.pdf", "sections.table.pdf", "sections.logo.pdf"])
def test_each_section_is_read_whole_before_the_next(name: str) -> None:
    (speech,) = parse_document(read_bytes(name, (FIXTURES / name).read_bytes()))
    body = "".join(p.text for p in speech.paragraphs if p.kind != "table_row" and p.section != "文件信息")
    at = [body.find(text) for text in (*FIRST, *SECOND)]
    assert -1 not in at, at
    assert at == sorted(at)  # every paragraph once, in the order written


def test_columns_flowing_on_under_a_small_picture_are_read_through() -> None:
    name = "flow.picture.pdf"
    (speech,) = parse_document(read_bytes(name, (FIXTURES / name).read_bytes()))
    body = "".join(p.text for p in speech.paragraphs if p.section != "文件信息")
    at = [body.find(sentence[:5]) for sentence in SENTENCES]
    assert -1 not in at, at
    assert at == sorted(at)  # the left column down past the picture, then the right one


def _sections(
    count: int,
    rows: tuple[list[int], list[int]],
    strip: float,
    picture: tuple[int, float],
    short: bool = False,
) -> Page:
    """Two sections of `count` columns of full 10-pt lines (section s, column k: rows[s][k] lines, the first
    column the fullest), a strip `strip` lines tall between them holding a picture `picture[1]` points wide
    centred on the gutter after column `picture[0]`, and a line across the page under them. With `short`, the
    last line of each column over the picture ends a paragraph (two thirds of the column's width)."""
    size, width, gutter, left = 10.0, 150.0, 20.0, 50.0
    right = left + count * width + (count - 1) * gutter
    lines = [line("简报名称", (left + right) / 2 - 20, 40, size=20)]
    y = 80.0
    boxes = []
    for s, counts in enumerate(rows):
        if s:
            middle = left + (picture[0] + 1) * width + picture[0] * gutter + gutter / 2
            boxes.append(
                (middle - picture[1] / 2, y + 0.5 * size, middle + picture[1] / 2, y + (strip - 0.5) * size)
            )
            y += strip * size + 1
        for r in range(max(counts)):
            pieces = [
                line(
                    f"{s}节{k}栏{r}行",
                    left + k * (width + gutter),
                    y,
                    width=width * 2 / 3 if short and not s and r == counts[k] - 1 else width,
                )
                for k in range(count)
                if r < counts[k]
            ]
            lines.append(merged(*pieces) if len(pieces) > 1 else pieces[0])
            y += 15
    lines.append(line("报送：某某单位。各乡镇党委、县直各单位。" * 2, left, y + 40, width=right - left))
    return Page(lines=tuple(lines), width=600, height=1000, pictures=tuple(boxes))


@settings(max_examples=60, deadline=None, derandomize=True)
@given(
    count=st.integers(2, 3),
    rows=st.tuples(
        st.lists(st.integers(6, 12), min_size=3, max_size=3),
        st.lists(st.integers(6, 12), min_size=3, max_size=3),
    ),
    strip=st.floats(2.6, 5.9),
    gutter=st.integers(0, 1),
    wide=st.floats(30.0, 300.0),
    short=st.booleans(),
)
def test_a_picture_across_the_gutter_keeps_each_section_whole(
    count: int, rows: tuple[list[int], list[int]], strip: float, gutter: int, wide: float, short: bool
) -> None:
    """Two sections in two or three columns, a strip of 2.6–5.9 lines between them (under `_SECTION_GAP`:
    docs62's `_flows_on` let their columns run on) holding a picture of any width across one of the
    gutters, where the first section ends — its last column shorter than its first, or every column's last
    line ending a paragraph: the first section read whole, column by column, then the second — every line
    once."""
    counts = tuple([max(r[:count]), *r[1:count]] for r in rows)
    assume(short or counts[0][count - 1] < counts[0][0])
    page = read_columns(_sections(count, counts, strip, (min(gutter, count - 2), wide), short))  # type: ignore[arg-type]
    texts = [ln.text for ln in page.lines]
    expected = [f"{s}节{k}栏{r}行" for s in range(2) for k in range(count) for r in range(counts[s][k])]
    assert texts[1:-1] == expected


@settings(max_examples=40, deadline=None, derandomize=True)
@given(
    count=st.integers(2, 3),
    level=st.integers(6, 12),
    under=st.integers(6, 12),
    strip=st.floats(
        2.6, 5.0
    ),  # the strip with its lines' own height under six lines: no cut without a picture
    gutter=st.integers(0, 1),
    wide=st.floats(30.0, 150.0),
)
def test_columns_level_and_full_over_a_small_picture_run_on_under_it(
    count: int, level: int, under: int, strip: float, gutter: int, wide: float
) -> None:
    """The columns over the picture level and their last lines full (no paragraph ends there), as a text
    flowing through the page around a small picture set across a gutter: each column read down past the
    picture before the next — every line once."""
    counts = ([level] * count, [under] * count)
    page = read_columns(_sections(count, counts, strip, (min(gutter, count - 2), wide)))
    texts = [ln.text for ln in page.lines]
    expected = [f"{s}节{k}栏{r}行" for k in range(count) for s in range(2) for r in range(counts[s][k])]
    assert texts[1:-1] == expected
