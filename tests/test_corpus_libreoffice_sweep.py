"""What the producer sweep found lost in LibreOffice PDFs (seed 33: 3 of 100), each a producer quirk read now:

- a table whose header row ends a page above that page's footnotes, its rows on the next page: the
  footnotes counted as body text under the table, so it was read as two boxes of one row, as printed —
  a data cell wrapped over two lines came apart and both pieces were lost from the cell;
- a line that ends early because the next is a run LibreOffice does not break (「０％，12.5%,」: a
  full-width figure keeps its unit, and no break between a closing mark and a number), read as a
  paragraph's end: the item was cut in two and its sentence found in no passage;
- a footnote's wrapped line opening with a number (「100%，深化…」) read as a new note numbered 100.

Files: tests/fixtures/sweep/make_sweep.py (generated speeches, python-docx, LibreOffice's PDF export).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus import read_document
from tests.fixtures.sweep.make_sweep import CASES, specs
from tests.generated_speeches import problems

HERE = Path(__file__).parent / "fixtures" / "sweep"


@pytest.fixture(scope="module")
def drawn():  # type: ignore[no-untyped-def]
    return specs()


@pytest.mark.parametrize("case", CASES)
def test_nothing_is_lost_from_the_sweeps_libreoffice_pdfs(drawn, case: int) -> None:  # type: ignore[no-untyped-def]
    assert problems(drawn[case], read_document(HERE / f"s{case:03d}.pdf"), structured=False) == []


def test_the_table_over_the_page_break_is_one_table_labelled_by_its_header() -> None:
    rows = [b.text for b in read_document(HERE / "s055.pdf").blocks if b.kind == "table_row"]
    assert (
        "经费来源：PDF；时间：医疗保障学习教育困难帮扶；责任单位：各级困难帮扶各县区；完成时限：社区" in rows
    )


def test_a_footnote_line_opening_with_a_number_goes_on_from_the_note_above() -> None:
    notes = [b.text for b in read_document(HERE / "s094.pdf").blocks if b.kind == "note"]
    assert any("3—5人100%，深化［2025］重点任务" in note for note in notes), notes
