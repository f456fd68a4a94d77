"""Two sections set in two columns with a full-width picture between them (mend62b, review of docs62): docs62
cut a page into bands at blank strips taller than 2.5 lines but let columns run on across any strip with the
same columns on both sides, so the picture's strip (about 15 lines) joined the two sections into one run, read
column by column across both: A1, A2, B1, B2, A3… Columns never go on across a strip taller than six lines.

The files: ``tests/fixtures/column_sections/``, made by ``make_sections.py`` there (python-docx → Writer).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus import parse_document, read_bytes
from tests.fixtures.column_sections.make_sections import FIRST, SECOND

FIXTURES = Path(__file__).parent / "fixtures" / "column_sections"


@pytest.mark.parametrize("name", ["sections.picture.pdf", "sections.table.pdf"])
def test_each_section_is_read_whole_before_the_next(name: str) -> None:
    (speech,) = parse_document(read_bytes(name, (FIXTURES / name).read_bytes()))
    body = "".join(p.text for p in speech.paragraphs if p.kind != "table_row" and p.section != "文件信息")
    at = [body.find(text) for text in (*FIRST, *SECOND)]
    assert -1 not in at, at
    assert at == sorted(at)  # every paragraph once, in the order written
