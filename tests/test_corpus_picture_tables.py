"""Tables that are pictures (`corpus/gridtables.py`): a ruled table pasted into a Word file as a picture is
read cell by cell by OCR, as the document's other tables are (labelled rows); so is a ruled table on a
scanned page. A logo, a seal or a photo is never OCR'd: no ruled grid is found in it. The fixtures are made
by `tests/fixtures/picture_tables/make_picture_tables.py` (Pillow with Noto Sans CJK, python-docx)."""

from __future__ import annotations

import difflib
import io
import unicodedata
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image, ImageDraw

from corpus import ocr, parse_document, read_bytes
from corpus.gridtables import find_grid, read_grid
from corpus.layout import Line
from corpus.ocr import OcrEngine, Reading
from tests.fixtures.picture_tables.make_picture_tables import CAPTION, ROWS

FIXTURES = Path(__file__).parent / "fixtures" / "picture_tables"
needs_ocr = pytest.mark.skipif(ocr.engine() is None, reason="no OCR engine installed")


def cells() -> list[list[str]]:
    return [[c if isinstance(c, str) else "".join(c) for c in row] for row in ROWS]


def same(read: str, printed: str) -> bool:
    """A cell read as printed, up to OCR's half-width brackets and a misread character in five."""
    a, b = unicodedata.normalize("NFKC", read), unicodedata.normalize("NFKC", printed)
    return difflib.SequenceMatcher(None, a, b).ratio() >= 0.8


class CountingEngine:
    """A real engine that counts the images it is asked to read."""

    def __init__(self, inner: OcrEngine) -> None:
        self.inner, self.name, self.reads = inner, inner.name, 0

    def read(self, image: Image.Image) -> Reading:
        self.reads += 1
        return self.inner.read(image)


# -- a picture of a table in a Word file ----------------------------------------------------------------


def pictures_read(name: str, data: bytes, engine: object) -> tuple[int, str]:
    """`corpus.word.picture_tables` (a .docx) or `corpus.odt.picture_tables` (an .odt) run on the body of
    `data` with `engine` (what ``engine()`` gives): the table pictures left unread, and the body's text."""
    import docx
    from docx.oxml import parse_xml
    from lxml import etree

    from corpus import odt, word

    if name.endswith(".docx"):
        body = docx.Document(io.BytesIO(data)).element.body
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unread = word.picture_tables(name, body, archive, etree.XMLParser(), parse_xml, lambda: engine)
    else:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            root = etree.fromstring(archive.read("content.xml"))
        body = next(root.iter("{urn:oasis:names:tc:opendocument:xmlns:office:1.0}text"))
        unread = odt.picture_tables(name, body, data, lambda: engine)
    return unread, "".join(body.itertext())


@needs_ocr
@pytest.mark.parametrize("name", ["notice.docx", "notice.odt"])
def test_a_table_pasted_as_a_picture_reads_as_labelled_rows_where_it_stands(name: str) -> None:
    """In the python-docx notice, and in the .odt LibreOffice Writer saves of it."""
    document = read_bytes(name, (FIXTURES / name).read_bytes())
    rows = [b.text for b in document.blocks if b.kind == "table_row"]
    header, *body = cells()
    assert len(rows) == len(body)
    for text, row in zip(rows, body, strict=True):
        parts = text.split("；")
        assert [p.split("：", 1)[0] for p in parts] == header
        assert all(same(p.split("：", 1)[1], cell) for p, cell in zip(parts, row, strict=True)), text
    lines = document.text.splitlines()
    annex = lines.index("附件：重阳节登高活动报名汇总表")
    assert lines[annex + 1] == CAPTION  # the caption printed over the grid, then the rows
    assert lines[annex + 2] == rows[0]
    assert "老干部局" not in document.text.split("\n", 1)[0]
    [speech] = parse_document(document)
    assert speech.title == "关于组织离退休干部重阳节登高活动的通知"
    assert speech.date == "2035-09-28"
    assert any("葛云舒" in p.text for p in speech.paragraphs)


@pytest.mark.parametrize("name", ["notice.docx", "notice.odt"])
def test_the_logo_and_the_photo_are_never_read(name: str) -> None:
    """One OCR pass for the notice: the table's cells; the logo and the photo are passed over unread."""
    counting = CountingEngine(BarEngine())  # type: ignore[arg-type]
    unread, _ = pictures_read(name, (FIXTURES / name).read_bytes(), counting)
    assert unread == 0 and counting.reads == 1


@pytest.mark.parametrize("name", ["notice.docx", "notice.odt"])
def test_without_an_engine_the_document_reads_and_says_how_many_tables_were_not_read(name: str) -> None:
    unread, text = pictures_read(name, (FIXTURES / name).read_bytes(), None)
    assert unread == 1
    assert "为庆祝重阳节" in text
    assert "葛云舒" not in text
    # the fix it names depends on what is installed (none, or Tesseract without its Chinese data): both name the extra
    note = ocr.unread_table_pictures_note(unread)
    assert note.startswith("文件中有 1 张表格图片未能读取（") and note.endswith("），其余文字已添加")
    assert "pip install 'speechqa[ocr]'" in note


def test_a_logo_and_a_photo_hold_no_grid() -> None:
    for name in ("logo.png", "photo.jpg"):
        assert find_grid(Image.open(FIXTURES / name)) is None


def test_a_picture_set_small_on_the_page_is_never_decoded() -> None:
    """The table picture set 3 cm wide (a thumbnail) is passed over by its size alone."""
    data = (FIXTURES / "notice.docx").read_bytes()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            content = source.read(item)
            if item.filename == "word/document.xml":
                content = content.replace(b'cx="5400000"', b'cx="1080000"')
            target.writestr(item, content)
    counting = CountingEngine(BarEngine())  # type: ignore[arg-type]
    unread, _ = pictures_read("notice.docx", out.getvalue(), counting)
    assert unread == 0 and counting.reads == 0


# -- a scanned table ------------------------------------------------------------------------------------


@needs_ocr
def test_a_scanned_ruled_table_reads_cell_by_cell() -> None:
    """Tilted 1°, speckled and grey: the grid is found straightened, every cell read in its place."""
    image = Image.open(FIXTURES / "roster_scan.png")
    grid = find_grid(image)
    assert grid is not None and grid.shape == (5, 4)
    table = read_grid(image, grid, ocr.engine())  # type: ignore[arg-type]
    assert table.above[-1] == CAPTION
    for read, printed in zip(table.rows, cells(), strict=True):
        assert all(same(a, b) for a, b in zip(read, printed, strict=True)), read


@needs_ocr
def test_a_scanned_page_with_a_ruled_table_reads_its_rows_labelled() -> None:
    document = read_bytes("roster_scan.png", (FIXTURES / "roster_scan.png").read_bytes())
    lines = document.text.splitlines()
    assert lines[0].startswith("附件：各支部报名情况如下")
    rows = [line for line in lines if line.startswith("支部：")]
    assert len(rows) == 4
    assert rows[0].startswith("支部：第一支部；报名人数：12人；集合地点：")


# -- properties -------------------------------------------------------------------------------------------


@st.composite
def ruled_tables(draw: st.DrawFn) -> tuple[Image.Image, list[list[int]], int, int]:
    """A ruled grid of random rows and columns, each cell holding a bar whose width codes its number (the
    fake engine reads it back), some cells empty; tilted up to 1.5°."""
    rows = draw(st.integers(2, 6))
    columns = draw(st.integers(2, 5))
    least = max(70, 2 * rows * columns + 26)  # the widest bar (its number's) inside its rules with room
    widths = [draw(st.integers(least, least + 90)) for _ in range(columns)]
    heights = [draw(st.integers(30, 60)) for _ in range(rows)]
    filled = [[draw(st.booleans()) or r == 0 for _ in range(columns)] for r in range(rows)]
    image = Image.new("L", (sum(widths) + 60, sum(heights) + 60), 255)
    paint = ImageDraw.Draw(image)
    xs = [30 + sum(widths[:i]) for i in range(columns + 1)]
    ys = [30 + sum(heights[:i]) for i in range(rows + 1)]
    numbers: list[list[int]] = []
    for r in range(rows):
        numbers.append([])
        for c in range(columns):
            number = r * columns + c
            numbers[-1].append(number if filled[r][c] else -1)
            if filled[r][c]:
                bar = 4 + 2 * number
                top = ys[r] + heights[r] // 2 - 5
                paint.rectangle((xs[c] + 10, top, xs[c] + 10 + bar - 1, top + 9), fill=0)
    for x in xs:
        paint.line((x, ys[0], x, ys[-1]), fill=0, width=draw(st.integers(1, 3)))
    for y in ys:
        paint.line((xs[0], y, xs[-1], y), fill=0, width=draw(st.integers(1, 3)))
    tilt = draw(st.sampled_from([0.0, 0.0, 0.6, -0.8, 1.5]))
    if tilt:
        image = image.rotate(tilt, resample=Image.Resampling.BICUBIC, fillcolor=255, expand=True)
    return image.convert("RGB"), numbers, rows, columns


class BarEngine:
    """A fake engine: each run of ink rows in the image is a line, its text the number its bar's width codes."""

    name = "bars"

    def read(self, image: Image.Image) -> Reading:
        ink = np.asarray(image.convert("L")) < 128
        rows = ink.any(axis=1)
        lines, start = [], None
        for y, dark in enumerate([*rows, False]):
            if dark and start is None:
                start = y
            elif not dark and start is not None:
                xs = np.flatnonzero(ink[start:y].any(axis=0))
                number = round((xs[-1] - xs[0] + 1 - 4) / 2)
                lines.append(Line(text=str(number), x0=float(xs[0]), x1=float(xs[-1]), top=start, bottom=y))
                start = None
        return Reading(tuple(lines))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ruled_tables())
def test_every_cell_is_read_once_in_its_place(table: tuple[Image.Image, list[list[int]], int, int]) -> None:
    image, numbers, rows, columns = table
    grid = find_grid(image)
    assert grid is not None and grid.shape == (rows, columns)
    read = read_grid(image, grid, BarEngine(), margins=False)
    expected = [[str(n) if n >= 0 else "" for n in row] for row in numbers]
    assert [list(row) for row in read.rows] == expected


@st.composite
def pictures_without_rules(draw: st.DrawFn) -> Image.Image:
    """Print with no ruled grid: lines of text-like marks, a frame round it all or a single rule or two
    (a letterhead's), a photo-like field of blobs."""
    width, height = draw(st.integers(200, 700)), draw(st.integers(120, 500))
    image = Image.new("L", (width, height), 255)
    paint = ImageDraw.Draw(image)
    for y in range(20, height - 20, draw(st.integers(24, 60))):
        x = 20
        while x < width - 40:
            w = draw(st.integers(6, 30))
            paint.rectangle((x, y, x + w, y + 14), fill=0)
            x += w + draw(st.integers(3, 20))
    if draw(st.booleans()):
        paint.rectangle((5, 5, width - 6, height - 6), outline=0, width=2)  # a frame: one cell, no table
    for _ in range(draw(st.integers(0, 2))):
        y = draw(st.integers(0, height - 1))
        paint.line((0, y, width, y), fill=0, width=2)
    return image


@settings(max_examples=40, deadline=None)
@given(pictures_without_rules())
def test_a_picture_with_no_ruled_grid_never_becomes_a_table(image: Image.Image) -> None:
    assert find_grid(image) is None


# -- a long table: read in parts the engine reads at full size -------------------------------------------


class ShrinkingEngine(BarEngine):
    """A fake engine that, as RapidOCR does, shrinks an image longer than its limit on either side before
    reading it (its boxes scaled back): a shrunk bar reads as another number."""

    name = "shrinking bars"
    limit = 2000

    def read(self, image: Image.Image) -> Reading:
        scale = min(1.0, self.limit / max(image.size))
        if scale == 1.0:
            return super().read(image)
        small = image.resize((max(1, round(image.width * scale)), max(1, round(image.height * scale))))
        lines = super().read(small).lines
        return Reading(
            tuple(
                Line(
                    text=line.text,
                    x0=line.x0 / scale,
                    x1=line.x1 / scale,
                    top=line.top / scale,
                    bottom=line.bottom / scale,
                )
                for line in lines
            )
        )


def bar_grid(rows: int, columns: int) -> tuple[Image.Image, list[list[str]]]:
    """A ruled grid of `rows` × `columns` cells 150 × 40 px, each holding a bar coding its number."""
    image = Image.new("L", (150 * columns + 60, 40 * rows + 60), 255)
    paint = ImageDraw.Draw(image)
    numbers = []
    for r in range(rows):
        numbers.append([])
        for c in range(columns):
            number = (r * columns + c) % 60
            numbers[-1].append(str(number))
            x, y = 30 + 150 * c + 10, 30 + 40 * r + 15
            paint.rectangle((x, y, x + 4 + 2 * number - 1, y + 9), fill=0)
    for c in range(columns + 1):
        paint.line((30 + 150 * c, 30, 30 + 150 * c, 30 + 40 * rows), fill=0, width=2)
    for r in range(rows + 1):
        paint.line((30, 30 + 40 * r, 30 + 150 * columns, 30 + 40 * r), fill=0, width=2)
    return image.convert("RGB"), numbers


def test_a_long_table_is_read_in_parts_the_engine_reads_at_full_size() -> None:
    """A 31-row roster's 155 cells stack far taller than an engine's limit: read in parts, every cell is read
    once, in its place (one stack, shrunk 3×, read every bar wrong)."""
    image, numbers = bar_grid(31, 5)
    grid = find_grid(image)
    assert grid is not None and grid.shape == (31, 5)
    read = read_grid(image, grid, ShrinkingEngine(), margins=False)
    assert [list(row) for row in read.rows] == numbers


class PageThenGarbage:
    """A fake engine reading a page's print as it stands (its table's rows run together, as RapidOCR gives
    them) and any other image (the stacked cells) as Latin garbage."""

    name = "page then garbage"

    def __init__(self, page: Image.Image, lines: tuple[Line, ...]) -> None:
        self.size, self.lines = page.size, lines

    def read(self, image: Image.Image) -> Reading:
        if image.size == self.size:
            return Reading(self.lines)
        return Reading((Line(text="34；43；Fel LEZUZAM", x0=10, x1=200, top=5, bottom=25),))


def test_a_scanned_table_read_worse_cell_by_cell_keeps_the_pages_own_reading() -> None:
    image, _ = bar_grid(4, 3)
    page = Image.new("RGB", (image.width, image.height + 120), (255, 255, 255))
    page.paste(image, (0, 60))
    own = tuple(
        Line(
            text=f"{r + 1}赵桂兰县教育局城关镇幸福路{r + 1}号",
            x0=40,
            x1=450,
            top=100 + 40 * r,
            bottom=120 + 40 * r,
        )
        for r in range(4)
    )
    lines = (Line(text="关于做好走访慰问工作的通知", x0=40, x1=400, top=10, bottom=40), *own)
    read = ocr.recognise("page.png", PageThenGarbage(page, lines), page)  # type: ignore[arg-type]
    assert [line.text for line in read.lines] == [line.text for line in lines]


@pytest.mark.parametrize("kind", ["PNG", "JPEG"])
@pytest.mark.parametrize("rule", [1, 2])
def test_a_large_picture_is_searched_small_and_read_full_size(rule: int, kind: str) -> None:
    """A table in a 3,000 px picture (a screenshot of a wide screen; a JPEG decoded at half size for the
    search), rules one or two pixels thick: the grid is found in the picture made a third (a JPEG: a quarter)
    as large, every cell cut from the full picture and read in place."""
    from corpus.gridtables import table_picture

    table, numbers = bar_grid(6, 6)
    if rule == 1:
        paint = ImageDraw.Draw(table)
        for c in range(7):  # the 2 px rules thinned to 1 px
            paint.line((31 + 150 * c, 30, 31 + 150 * c, 30 + 40 * 6), fill=(255, 255, 255))
        for r in range(7):
            paint.line((30, 31 + 40 * r, 30 + 150 * 6, 31 + 40 * r), fill=(255, 255, 255))
    image = Image.new("RGB", (3000, 1400), (255, 255, 255))
    image.paste(table, (1000, 500))
    stored = io.BytesIO()
    image.save(stored, kind, **({"quality": 90} if kind == "JPEG" else {}))
    picture = table_picture(stored.getvalue())
    assert picture is not None and picture.grid.shape == (6, 6)
    assert picture.image.size == (3000, 1400)  # the cells are cut from the picture at full size
    read = read_grid(picture.image, picture.grid, BarEngine(), margins=False)
    assert [list(row) for row in read.rows] == numbers


class NumberedBars(BarEngine):
    """The bar engine reading each number plus `offset` (two pictures' cells told apart)."""

    def __init__(self) -> None:
        self.pictures = 0

    def read(self, image: Image.Image) -> Reading:
        self.pictures += 1
        return Reading(
            tuple(
                Line(
                    text=f"{self.pictures}-{line.text}",
                    x0=line.x0,
                    x1=line.x1,
                    top=line.top,
                    bottom=line.bottom,
                )
                for line in super().read(image).lines
            )
        )


def test_two_table_pictures_in_one_paragraph_are_read_in_their_order() -> None:
    """python-docx: a notice whose one paragraph holds two table pictures, each 15 cm wide; the first
    picture's table comes first after the paragraph, then the second's."""
    import docx
    from docx.oxml import parse_xml
    from docx.shared import Cm

    from corpus.word import picture_tables

    document = docx.Document()
    document.add_paragraph("附件：两张表如下")
    holder = document.add_paragraph()
    for _ in range(2):
        image, _numbers = bar_grid(2, 3)
        png = io.BytesIO()
        image.save(png, "PNG")
        png.seek(0)
        holder.add_run().add_picture(png, width=Cm(15))
    saved = io.BytesIO()
    document.save(saved)
    read = docx.Document(io.BytesIO(saved.getvalue()))
    engine = NumberedBars()
    from lxml import etree

    with zipfile.ZipFile(io.BytesIO(saved.getvalue())) as archive:
        unread = picture_tables(
            "two.docx", read.element.body, archive, etree.XMLParser(), parse_xml, lambda: engine
        )
    assert unread == 0 and engine.pictures == 2
    tables = [
        [next(cell.iter("{*}t")).text for cell in table.iter("{*}tc")]
        for table in read.element.body.iter("{*}tbl")
    ]
    assert tables == [[f"1-{n}" for n in range(6)], [f"2-{n}" for n in range(6)]]


def bars_notice(image: Image.Image) -> bytes:
    """python-docx: a notice with `image` set 15 cm wide in its own paragraph, saved."""
    import docx
    from docx.shared import Cm

    document = docx.Document()
    document.add_paragraph("附件：报名表如下")
    png = io.BytesIO()
    image.save(png, "PNG")
    png.seek(0)
    document.add_paragraph().add_run().add_picture(png, width=Cm(15))
    saved = io.BytesIO()
    document.save(saved)
    return saved.getvalue()


def docx_tables(data: bytes, engine: BarEngine) -> list[list[str]]:
    """The tables `corpus.word.picture_tables` reads from the .docx `data` through `engine`, each as its
    cells' texts."""
    import docx
    from docx.oxml import parse_xml
    from lxml import etree

    from corpus.word import picture_tables

    read = docx.Document(io.BytesIO(data))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        picture_tables("t.docx", read.element.body, archive, etree.XMLParser(), parse_xml, lambda: engine)
    return [
        [next(cell.iter("{*}t")).text or "" for cell in table.iter("{*}tc")]
        for table in read.element.body.iter("{*}tbl")
    ]


def with_picture_xml(data: bytes, change: Callable[[Any], None]) -> bytes:
    """The .docx `data` with `change` made to its one picture's ``pic:pic`` element."""
    from lxml import etree

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            content = source.read(item)
            if item.filename == "word/document.xml":
                root = etree.fromstring(content)
                change(next(root.iter("{*}pic")))
                content = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            target.writestr(item, content)
    return out.getvalue()


A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"


def test_a_picture_cropped_in_word_or_writer_reads_only_what_it_shows(tmp_path: Path) -> None:
    """A 4-row table picture cropped in Word (``a:srcRect b="25000"``) to its first three rows: the hidden
    row is not read (it was, from the stored picture); and in the .odt LibreOffice saves of it
    (``fo:clip``), the same."""
    from lxml import etree

    from corpus import odt
    from tests.fixtures.documents.make_fixtures import soffice

    image, numbers = bar_grid(4, 3)  # 220 px tall: the fourth row's bars start at 165 px
    data = bars_notice(image)

    def crop(pic: Any) -> None:
        fill = next(pic.iter(f"{{{A_NS}}}blip")).getparent()
        etree.SubElement(fill, f"{{{A_NS}}}srcRect").set("b", "25000")
        fill.insert(1, fill[-1])  # a:srcRect stands between a:blip and a:stretch

    cropped = with_picture_xml(data, crop)
    shown = [n for row in numbers[:3] for n in row]
    assert docx_tables(data, BarEngine()) == [[n for row in numbers for n in row]]
    assert docx_tables(cropped, BarEngine()) == [shown]

    (tmp_path / "cropped.docx").write_bytes(cropped)
    written = soffice(tmp_path / "cropped.docx", "odt").read_bytes()
    with zipfile.ZipFile(io.BytesIO(written)) as archive:
        root = etree.fromstring(archive.read("content.xml"))
    assert any(key.endswith("}clip") for element in root.iter() for key in element.attrib)  # Writer's crop
    body = next(root.iter("{urn:oasis:names:tc:opendocument:xmlns:office:1.0}text"))
    engine = BarEngine()
    odt.picture_tables("cropped.odt", body, written, lambda: engine)
    tables = [
        ["".join(cell.itertext()) for cell in table.iter("{*}table-cell")]
        for table in body.iter("{urn:oasis:names:tc:opendocument:xmlns:table:1.0}table")
    ]
    assert tables == [shown]


def test_a_picture_turned_in_word_reads_as_it_is_shown() -> None:
    """A table picture stored lying on its side (turned a quarter anticlockwise) and set upright in Word by
    its shape's ``a:xfrm rot="5400000"`` (90° clockwise) reads as the upright table."""
    image, numbers = bar_grid(3, 3)
    data = bars_notice(image.rotate(90, expand=True))

    def turn(pic: Any) -> None:
        next(pic.iter(f"{{{A_NS}}}xfrm")).set("rot", "5400000")

    assert docx_tables(with_picture_xml(data, turn), BarEngine()) == [[n for row in numbers for n in row]]


class StrokeEngine(BarEngine):
    """A fake engine reading the bars of the cells whose number is below `legible` as their numbers and the
    others as a stroke (「|」), as a real engine reads a chart's gridlines or a table lying on its side."""

    def __init__(self, legible: int) -> None:
        self.legible = legible

    def read(self, image: Image.Image) -> Reading:
        return Reading(
            tuple(
                line if int(line.text) < self.legible else Line("|", line.x0, line.x1, line.top, line.bottom)
                for line in super().read(image).lines
            )
        )


@pytest.mark.parametrize(("legible", "kept"), [(12, True), (6, True), (5, False), (0, False)])
def test_a_grid_whose_cells_read_to_strokes_is_no_table(legible: int, kept: bool) -> None:
    """A 4 × 3 grid whose first `legible` cells read to numbers and the rest to strokes: a table while at
    least half its printed cells read to something legible (six of twelve), else left unread."""
    from corpus.gridtables import PictureTables

    image, numbers = bar_grid(4, 3)
    png = io.BytesIO()
    image.save(png, "PNG")
    table = PictureTables("t.docx", lambda: StrokeEngine(legible)).read(png.getvalue())
    assert (table is not None) == kept
    if table is not None:
        flat = [n for row in numbers for n in row]
        assert [cell for row in table.rows for cell in row] == [n if int(n) < legible else "|" for n in flat]


@st.composite
def spanned_tables(draw: st.DrawFn) -> tuple[Image.Image, list[str], bool, bool, set[tuple[int, int]]]:
    """A ruled grid of bars (as `bar_grid`: 150 × 40 px cells) with some inner rules left out in part: a
    vertical rule missing in one row (a cell spanning two columns; only the first cell's bar printed), a
    horizontal rule missing under one cell (a cell spanning two rows; both bars printed). The picture, the
    numbers printed, whether a cell spans others (a row one cell across is a title, not a span), whether
    three whole horizontal rules and three long vertical ones are left (a grid to find), and the rules left
    out under a cell (row of the rule, column)."""
    rows, columns = draw(st.integers(2, 5)), draw(st.integers(2, 5))
    across = draw(st.sets(st.tuples(st.integers(0, rows - 1), st.integers(1, columns - 1)), max_size=3))
    down = draw(st.sets(st.tuples(st.integers(1, rows - 1), st.integers(0, columns - 1)), max_size=3))
    # a rule left out along its whole length is no span: the grid simply has one rule fewer
    down = {(r, c) for r, c in down if any((r, k) not in down for k in range(columns))}
    across = {(r, c) for r, c in across if any((k, c) not in across for k in range(rows))}
    image = Image.new("L", (150 * columns + 60, 40 * rows + 60), 255)
    paint = ImageDraw.Draw(image)
    printed = []
    for r in range(rows):
        for c in range(columns):
            if (r, c) in across:
                continue  # the cell to its left spans it
            number = (r * columns + c) % 60
            printed.append(str(number))
            x, y = 30 + 150 * c + 10, 30 + 40 * r + 15
            paint.rectangle((x, y, x + 4 + 2 * number - 1, y + 9), fill=0)
    for r in range(rows):
        for c in range(columns + 1):
            if (r, c) not in across:
                paint.line((30 + 150 * c, 30 + 40 * r, 30 + 150 * c, 30 + 40 * (r + 1)), fill=0, width=2)
    for r in range(rows + 1):
        for c in range(columns):
            if (r, c) not in down:
                paint.line((30 + 150 * c, 30 + 40 * r, 30 + 150 * (c + 1), 30 + 40 * r), fill=0, width=2)
    wide = {r for r in range(rows) if all((r, c) in across for c in range(1, columns))}  # a title row
    spans = bool(down) or any((r, c) in across for r in range(rows) if r not in wide for c in range(columns))
    whole_rules = rows + 1 - len({r for r, _ in down})

    def longest_run(c: int) -> int:  # rows, of the inner vertical rule c drawn unbroken
        runs = "".join("x" if (r, c) in across else "-" for r in range(rows)).split("x")
        return max(len(run) for run in runs)

    found = [c for c in range(1, columns) if 40 * longest_run(c) >= max(40, 0.4 * 40 * rows)]
    return image.convert("RGB"), printed, spans, min(whole_rules, len(found) + 2) >= 3, down


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(spanned_tables())
def test_a_grid_with_spans_never_reads_a_value_under_another_cells_label(
    table: tuple[Image.Image, list[str], bool, bool, set[tuple[int, int]]],
) -> None:
    """A grid with cells spanning rows or columns is no plain table: no header labels its cells (a value
    would be read under another row's or column's label) — read into a Word file, it makes no table, its
    cells' lines stand as paragraphs. A grid with every rule whole is a plain table, its cells in place."""
    from corpus.gridtables import PictureTables

    image, printed, spans, ruled, down = table
    png = io.BytesIO()
    image.save(png, "PNG")
    read = PictureTables("t.docx", BarEngine).read(png.getvalue())
    if read is None:  # too few whole rules for a grid: the picture is passed over, as before ocr67
        assert not ruled
        return
    assert read.plain is not spans
    if not spans:
        assert [cell for row in read.rows for cell in row if cell] == printed
        return
    # read into a document, a grid with spans is lines, no labelled table — unless its only spans are cells
    # spanning rows under a header row of single cells, each read once (tests/test_corpus_merged_cells.py)
    tables = docx_tables(bars_notice(image), BarEngine())
    if not read.labelled:
        assert tables == []
        return
    # labelled: one table in the Word file, its rows the grid's; every bar printed read once, and a cell
    # spanning rows (a rule left out under it) the value of each row it spans (mend68o)
    assert len(tables) == 1
    assert sorted(read.lines, key=int) == sorted(printed, key=int)
    for r, c in down:
        assert read.rows[r - 1][c] and read.rows[r][c] == read.rows[r - 1][c]
    narrow = [row for n, row in enumerate(read.rows) if n not in read.wide]
    assert [cell for cell in tables[0] if cell] == [cell for row in narrow for cell in row if cell]
