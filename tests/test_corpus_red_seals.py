"""A red seal (公章) stamped over a notice's issuer and date is taken off a colour page before OCR (cold30).

An office stamps its round red seal over the 落款; a colour scan or photo keeps the seal over the print,
and OCR read the rim's characters into the lines they cross: cold30's sealed notice came out undated with
no issuer (「并中2030年3月1日」 glued to its last paragraph), and the fixture below named a second issuer
(「湾区委、中共岑溪湾区委老干部局」). A patch of saturated red of a seal's size and shape (near square, a
fifteenth to two fifths of the page's shorter side, mostly paper inside) now has its ink given the paper's
colour before OCR (``corpus.seals``); the print under it, a red masthead, a red rule and red characters
are left as they are.

The file: ``tests/fixtures/red_seals/sealed.jpg``, made by ``make_sealed_scan.py`` there (reportlab →
``pdftoppm`` colour 200 dpi → the seal multiplied over the print → a colour scan's look → JPEG).
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image, ImageDraw

from corpus import installed_engines, parse_document, read_bytes
from corpus.seals import without_seals
from tests.fixtures.corpus_writers import SEAL_FONT, red_seal, stamp
from tests.fixtures.red_seals.make_sealed_scan import AUTHOR, NOTICE

FIXTURE = Path(__file__).parent / "fixtures" / "red_seals" / "sealed.jpg"
NEEDS_OCR = pytest.mark.skipif(not installed_engines(), reason="no OCR engine installed")
NEEDS_FONT = pytest.mark.skipif(not Path(SEAL_FONT).exists(), reason="Noto Serif CJK is not installed")


def _red(pixels: np.ndarray) -> np.ndarray:
    """Where a page is a seal's saturated red."""
    p = pixels.astype(np.int16)
    return (p[..., 0] >= 120) & (p[..., 0] - p[..., 1] >= 50) & (p[..., 0] - p[..., 2] >= 50)


def test_the_fixture_is_a_colour_jpeg_with_a_red_seal() -> None:
    with Image.open(FIXTURE) as image:
        assert image.format == "JPEG" and image.mode == "RGB"
        assert _red(np.asarray(image)).sum() > 5000


@NEEDS_OCR
def test_the_sealed_notice_reads_its_one_issuer_and_date() -> None:
    """main: issuer 「湾区委 中共岑溪湾区委老干部局」 (the seal's rim read as a second issuer)."""
    [speech] = parse_document(read_bytes("盖章通知.jpg", FIXTURE.read_bytes()))
    assert speech.title == NOTICE[0][1]
    assert speech.issuer == AUTHOR and speech.date == "2029-09-26"
    assert speech.addressee == "各离退休干部党支部"
    body = re.sub(r"\s+", "", "".join(p.text for p in speech.paragraphs))
    for kind, line in NOTICE[2:]:
        if kind == "body":
            assert re.sub(r"\s+", "", line) in body


def _printed_page(width: int, height: int, rows: int) -> Image.Image:
    """A page of grey-to-black print: rows of character-sized dark blocks on white."""
    page = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(page)
    for row in range(rows):
        y = 40 + row * 36
        for x in range(40, width - 60, 30):
            shade = (x * 7 + row * 13) % 90
            draw.rectangle((x, y, x + 22, y + 24), outline=(shade, shade, shade), width=3)
    return page


@NEEDS_FONT
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    share=st.floats(min_value=0.15, max_value=0.33),
    x=st.floats(min_value=0.2, max_value=0.8),
    y=st.floats(min_value=0.2, max_value=0.8),
    turn=st.floats(min_value=-40, max_value=40),
    text=st.sampled_from(["中共岑溪湾区委老干部局", "某某县老年大学", "县人民医院体检中心专用章"]),
)
def test_a_seal_is_taken_off_and_the_print_is_left_as_it_was(
    share: float, x: float, y: float, turn: float, text: str
) -> None:
    """Any round seal, of any size a seal has on a page, anywhere, turned any way: no seal red is left, and
    every pixel that was not the seal's ink (the print, under the seal too, and the paper) is unchanged."""
    width, height = 600, 800
    page = _printed_page(width, height, rows=20)
    diameter = int(share * width)
    centre = (int(x * width), int(y * height))
    sealed = stamp(page, red_seal(diameter, text), centre, turn=turn, fade=False)
    before = np.asarray(sealed)
    after = np.asarray(without_seals(sealed))
    assert not _red(after).any()
    touched = (after != before).any(axis=2)
    seal_ink = (before.astype(np.int16)[..., 0] - before.astype(np.int16)[..., 1]) >= 25
    assert not (touched & ~seal_ink).any()


@settings(max_examples=25, deadline=None)
@given(
    top=st.integers(min_value=10, max_value=600),
    wide=st.floats(min_value=0.5, max_value=0.95),
    tall=st.integers(min_value=3, max_value=70),
    characters=st.integers(min_value=0, max_value=12),
)
def test_red_print_that_is_no_seal_is_left_as_it_is(
    top: int, wide: float, tall: int, characters: int
) -> None:
    """A red masthead or rule (much wider than tall) and red characters (far smaller than a seal) on a page
    of print: the page comes back as it was."""
    width, height = 600, 800
    page = _printed_page(width, height, rows=20)
    draw = ImageDraw.Draw(page)
    red = (205, 32, 40)
    draw.rectangle((30, top, 30 + int(wide * (width - 60)), top + tall), fill=red)
    for k in range(characters):
        left = 40 + k * 40
        draw.rectangle((left, 720, left + 26, 746), outline=red, width=4)
    assert (np.asarray(without_seals(page)) == np.asarray(page)).all()


def test_a_page_without_red_is_returned_untouched() -> None:
    page = _printed_page(600, 800, rows=20)
    assert without_seals(page) is page
