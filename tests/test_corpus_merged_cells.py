"""Merged cells in a table picture (`corpus.gridtables`): a cell spanning rows or columns is the region its
rules enclose — a rule segment missing between two boxes of the grid merges them — read once, in reading
order, and where the header row is of single cells over cells spanning rows only, labelled by its header as
a plain grid is, a cell spanning rows the value of every row it spans (docs/ocr68.md, mend68o)."""

from __future__ import annotations

import io
import itertools
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from PIL import Image, ImageDraw

from corpus import ocr, parse_document, read_bytes
from corpus.gridtables import PictureTables, find_grid, read_grid
from corpus.tables import labelled_rows
from tests.fixtures.scanned_tables.make_scanned_tables import MERGED_GROUPS, MERGED_HEADER
from tests.test_corpus_picture_tables import BarEngine

SCANS = Path(__file__).parent / "fixtures" / "scanned_tables"
needs_ocr = pytest.mark.skipif(ocr.engine() is None, reason="no OCR engine installed")

CELL_WIDTH, CELL_HEIGHT, MARGIN = 150, 40, 30

Region = tuple[int, int, int, int]  # first row, first column, rows, columns


@st.composite
def merged_grids(draw: st.DrawFn) -> tuple[Image.Image, list[Region], int, int]:
    """A ruled grid of 2–6 rows and 2–5 columns whose cells are merged at random into up to four rectangles
    (spanning rows, columns or both; the frame and the rule under the header row always whole, so the grid
    is found), each region's print a bar whose width codes its number (`BarEngine` reads it back)."""
    rows, columns = draw(st.integers(2, 6)), draw(st.integers(2, 5))
    owner = [[-1] * columns for _ in range(rows)]
    regions: list[Region] = []
    for _ in range(draw(st.integers(0, 4))):
        r0 = draw(st.integers(0, rows - 1))
        c0 = draw(st.integers(0, columns - 1))
        down = 1 if r0 == 0 else draw(st.integers(1, rows - r0))  # the header row spans no rows
        across = draw(st.integers(1, columns - c0))
        if down * across > 1 and all(
            owner[r][c] < 0 for r in range(r0, r0 + down) for c in range(c0, c0 + across)
        ):
            for r in range(r0, r0 + down):
                for c in range(c0, c0 + across):
                    owner[r][c] = len(regions)
            regions.append((r0, c0, down, across))
    for r in range(rows):
        for c in range(columns):
            if owner[r][c] < 0:
                owner[r][c] = len(regions)
                regions.append((r, c, 1, 1))
    regions.sort()
    # every rule of the grid is drawn somewhere: a rule no box has (rows merged across the whole table) is
    # no rule in the picture, and its rows are one
    assume(all(any(owner[r - 1][c] != owner[r][c] for c in range(columns)) for r in range(1, rows)))
    assume(all(any(owner[r][c - 1] != owner[r][c] for r in range(rows)) for c in range(1, columns)))
    image = Image.new("L", (CELL_WIDTH * columns + 2 * MARGIN, CELL_HEIGHT * rows + 2 * MARGIN), 255)
    paint = ImageDraw.Draw(image)
    for number, (r0, c0, _, _) in enumerate(regions):
        x, y = MARGIN + CELL_WIDTH * c0 + 10, MARGIN + CELL_HEIGHT * r0 + 15
        paint.rectangle((x, y, x + 4 + 2 * number - 1, y + 9), fill=0)
    width = draw(st.integers(1, 3))
    for r in range(rows):  # a vertical rule segment where two boxes of one row belong to different cells
        for c in range(columns + 1):
            if c in (0, columns) or owner[r][c - 1] != owner[r][c]:
                x = MARGIN + CELL_WIDTH * c
                paint.line(
                    (x, MARGIN + CELL_HEIGHT * r, x, MARGIN + CELL_HEIGHT * (r + 1)), fill=0, width=width
                )
    for r in range(rows + 1):
        for c in range(columns):
            if r in (0, rows) or owner[r - 1][c] != owner[r][c]:
                y = MARGIN + CELL_HEIGHT * r
                paint.line(
                    (MARGIN + CELL_WIDTH * c, y, MARGIN + CELL_WIDTH * (c + 1), y), fill=0, width=width
                )
    return image.convert("RGB"), regions, rows, columns


def _found(regions: list[Region], rows: int, columns: int) -> bool:
    """Whether the grid has what `find_grid` needs: three whole horizontal rules (the frame's and one more)
    and an inner vertical rule unbroken over two fifths of the table's height."""

    def parted(r: int, c: int) -> bool:  # boxes (r, c-1) and (r, c) in different cells
        return not any(r0 <= r < r0 + d and c0 < c < c0 + a for r0, c0, d, a in regions)

    def whole(r: int) -> bool:  # rule r (1..rows-1) crosses the table
        return not any(r0 < r < r0 + d for r0, _, d, _ in regions)

    longest = 0
    for c in range(1, columns):
        run = 0
        for r in range(rows):
            run = run + 1 if parted(r, c) else 0
            longest = max(longest, run)
    return any(whole(r) for r in range(1, rows)) and CELL_HEIGHT * longest >= 0.4 * CELL_HEIGHT * rows


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(merged_grids())
def test_every_merged_cell_is_read_once_never_under_another_cells_label(
    grid_drawn: tuple[Image.Image, list[Region], int, int],
) -> None:
    image, regions, rows, columns = grid_drawn
    grid = find_grid(image)
    if grid is None:
        assert not _found(regions, rows, columns)
        return
    assert grid.shape == (rows, columns)
    # every region is one cell of the grid, in reading order (the row it starts in, then left to right)
    assert [(c.row, c.column, c.down, c.span) for c in grid.cells] == regions
    read = read_grid(image, grid, BarEngine(), margins=False)
    assert list(read.lines) == [str(n) for n in range(len(regions))]  # each cell's print once, in order
    spans = any(d > 1 or 1 < a < columns for _, _, d, a in regions)
    assert read.plain is not spans
    header = [region for region in regions if region[0] == 0]
    # labelled: no cell spans columns but a whole row, and the header row is of single cells or, with no
    # cell spanning rows, a title one cell across (a plain grid)
    across = all(a in (1, columns) for _, _, _, a in regions)
    assert read.labelled is (across and (len(header) == columns or not spans))
    if not read.labelled or len(header) != columns:  # a title over the table: no header labels it
        return
    # labelled: each region's text under its own column's header in every row it spans, nowhere else
    number = {(r0, c0): n for n, (r0, c0, _, _) in enumerate(regions)}
    wide = [row[0] if n in read.wide else row for n, row in enumerate(read.rows)]
    said = [
        pair
        for line in labelled_rows([r if isinstance(r, str) else list(r) for r in wide])
        for pair in line.split("；")
    ]
    for n, (r0, c0, d, a) in enumerate(regions):
        if r0 == 0:
            continue
        if a == columns:  # a row one cell across (a note in the frame): read as it stands, once
            assert said.count(str(n)) == 1
            continue
        assert said.count(f"{number[(0, c0)]}：{n}") == d, (n, said)
        assert sum(pair.endswith(f"：{n}") or pair == str(n) for pair in said) == d
        for r in range(r0, r0 + d):  # in each row it spans, under its column
            assert read.rows[r][c0] == str(n)


def test_a_cell_spanning_two_rows_in_a_picture_is_each_rows_value_under_its_header() -> None:
    """A Word notice's table picture: the first column's cell spans two rows (one 组别 over two dates); it is
    read once and given to both rows, as Word's own table reads."""
    image = Image.new("L", (2 * MARGIN + 3 * CELL_WIDTH, 2 * MARGIN + 3 * CELL_HEIGHT), 255)
    paint = ImageDraw.Draw(image)
    xs = [MARGIN + CELL_WIDTH * c for c in range(4)]
    ys = [MARGIN + CELL_HEIGHT * r for r in range(4)]
    for y in (ys[0], ys[1], ys[3]):
        paint.line((xs[0], y, xs[3], y), fill=0, width=2)
    paint.line((xs[1], ys[2], xs[3], ys[2]), fill=0, width=2)  # under row 1, not under the spanning cell
    for x in xs:
        paint.line((x, ys[0], x, ys[3]), fill=0, width=2)
    bars = {(0, 0): 0, (0, 1): 1, (0, 2): 2, (1, 0): 3, (1, 1): 4, (1, 2): 5, (2, 1): 6, (2, 2): 7}
    for (r, c), n in bars.items():
        paint.rectangle((xs[c] + 10, ys[r] + 15, xs[c] + 10 + 4 + 2 * n - 1, ys[r] + 24), fill=0)
    png = io.BytesIO()
    image.convert("RGB").save(png, "PNG")
    table = PictureTables("t.docx", BarEngine).read(png.getvalue())
    assert table is not None and not table.plain and table.labelled
    assert table.rows == (("0", "1", "2"), ("3", "4", "5"), ("3", "6", "7"))
    assert labelled_rows([list(row) for row in table.rows]) == ["0：3；1：4；2：5", "0：3；1：6；2：7"]
    assert table.lines == tuple(str(n) for n in range(8))  # each cell's print read once


@needs_ocr
def test_a_scanned_tables_merged_cells_are_each_rows_value_under_its_own_header() -> None:
    """A Word table with vertically merged cells (组别 and 带队人员 spanning two days), exported by LibreOffice
    and rasterised: each row its own passage holding the merged cells' values, as Word's table reads, no
    value under another's label."""
    document = read_bytes("merged_scan.png", (SCANS / "merged_scan.png").read_bytes())
    rows = [
        p.text.replace(" ", "")
        for speech in parse_document(document)
        for p in speech.paragraphs
        if p.kind == "table_row"
    ]
    header = MERGED_HEADER
    expected = []
    for group, leader, ((day, place), (later, other)) in MERGED_GROUPS:
        expected.append(
            f"{header[0]}：{group}；{header[1]}：{day}；{header[2]}：{place}；{header[3]}：{leader}"
        )
        expected.append(
            f"{header[0]}：{group}；{header[1]}：{later}；{header[2]}：{other}；{header[3]}：{leader}"
        )
    assert rows == expected


@st.composite
def broken_grids(draw: st.DrawFn) -> tuple[Image.Image, int, int]:
    """A plain ruled grid of 2–6 rows and 2–5 columns of varied widths (60–220 px), every cell's print a bar,
    and 1–6 gaps of 2–15 px punched at random in its rules (a scan's broken line): no cell is merged."""
    rows, columns = draw(st.integers(2, 6)), draw(st.integers(2, 5))
    widths = [draw(st.integers(60, 220)) for _ in range(columns)]
    xs = [MARGIN + sum(widths[:c]) for c in range(columns + 1)]
    ys = [MARGIN + CELL_HEIGHT * r for r in range(rows + 1)]
    image = Image.new("L", (xs[-1] + MARGIN, ys[-1] + MARGIN), 255)
    paint = ImageDraw.Draw(image)
    width = draw(st.integers(1, 3))
    for x in xs:
        paint.line((x, ys[0], x, ys[-1]), fill=0, width=width)
    for y in ys:
        paint.line((xs[0], y, xs[-1], y), fill=0, width=width)
    for r, c in itertools.product(range(rows), range(columns)):
        paint.rectangle((xs[c] + 10, ys[r] + 15, xs[c] + 13 + (r + c) % 5, ys[r] + 24), fill=0)
    for _ in range(draw(st.integers(1, 6))):
        gap = draw(st.integers(2, 15))
        if draw(st.booleans()):  # in a vertical rule, inside one row's stretch
            c, r = draw(st.integers(1, columns - 1)), draw(st.integers(0, rows - 1))
            at = draw(st.integers(ys[r] + 3, ys[r + 1] - 3 - gap))
            paint.rectangle((xs[c] - 2, at, xs[c] + 2, at + gap - 1), fill=255)
        else:  # in a horizontal rule, inside one column's stretch
            r, c = draw(st.integers(1, rows - 1)), draw(st.integers(0, columns - 1))
            at = draw(st.integers(xs[c] + 3, xs[c + 1] - 3 - gap))
            paint.rectangle((at, ys[r] - 2, at + gap - 1, ys[r] + 2), fill=255)
    return image.convert("RGB"), rows, columns


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(broken_grids())
def test_a_rule_broken_by_a_scans_noise_never_merges_two_cells(
    grid_drawn: tuple[Image.Image, int, int],
) -> None:
    """roster_gap15 of the review (docs/ocr68.md, mend68o): a gap of 15 px in a row rule read 「序号：1 2」."""
    image, rows, columns = grid_drawn
    grid = find_grid(image)
    if grid is None:  # a rule too broken to be found: the page reads as its lines, as before
        return
    assert all(cell.down == 1 and cell.span == 1 for cell in grid.cells), [
        (c.row, c.column, c.down, c.span) for c in grid.cells if c.down > 1 or c.span > 1
    ]
    if grid.shape == (rows, columns):
        assert len(grid.cells) == rows * columns


@pytest.mark.parametrize("gap", [4, 10, 15])
def test_a_scanned_tables_rule_broken_in_the_middle_of_a_cell_merges_nothing(gap: int) -> None:
    """The LibreOffice-exported, scanned schedule with a gap punched in the middle of the rule under the
    first row's first cell and in the rule between the second row's first two cells (the review's
    roster_gap15: 「序号：1 2」 in one row): every box of the grid its own cell."""
    image = Image.open(SCANS / "schedule_scan.png").convert("RGB")
    whole = find_grid(image)
    assert whole is not None
    paint = ImageDraw.Draw(image)
    x0, x1, y1, y2 = whole.columns[0], whole.columns[1], whole.rows[1], whole.rows[2]
    middle = (x0 + x1) // 2
    paint.rectangle((middle - gap // 2, y2 - 3, middle - gap // 2 + gap - 1, y2 + 3), fill="white")
    middle = (y1 + y2) // 2
    paint.rectangle((x1 - 3, middle - gap // 2, x1 + 3, middle - gap // 2 + gap - 1), fill="white")
    grid = find_grid(image)
    assert grid is not None and grid.shape == whole.shape
    assert all(c.down == 1 and c.span == 1 for c in grid.cells)
    assert len(grid.cells) == whole.shape[0] * whole.shape[1]
