"""A PDF column's right edge is never left of where its text reaches (docs/read69.md; docs/read68.md section 3).

`radicals-math.pdf` and `writer-math.pdf` (LibreOffice Writer exports of notices with Math formulas) were titled by
their file names: every body line ends its sentence with a mark, so the title — set in the body's type, the one
line ending in a character — was taken for the right edge, passed for a full line and ran into the sentence under
it. The edge now is at least how far the column's lines reach, less a character (a line passes the margin by a
hung mark at most), measured per column as before. read68's withdrawn try lost `reply.writer.pdf`'s issuer and
cold35's 「（共印60份）」; both are held here and by tests/test_corpus_writer_replies.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus import parse_document, read_document

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize(
    ("pdf", "title", "first"),
    [
        (
            "pdf_fractions/radicals-math.pdf",
            "澄溪县离休干部生活补贴核算说明",
            "为统一补贴核算口径，现将有关公式说明如下。",
        ),
        (
            "pdf_fractions/writer-math.pdf",
            "黛川县离休干部遗属生活补助计算说明",
            "为规范补助计算，现将有关公式说明如下。",
        ),
    ],
)
def test_a_title_in_the_body_type_over_lines_that_all_end_their_sentences_is_the_title(
    pdf: str, title: str, first: str
) -> None:
    [speech] = parse_document(read_document(FIXTURES / pdf))
    assert speech.title == title
    assert speech.paragraphs[0].text == first
    assert all(title not in p.text for p in speech.paragraphs)


def test_a_writer_notice_keeps_its_issuer_and_its_addressee_line_ends_where_it_ends() -> None:
    [speech] = parse_document(read_document(FIXTURES / "pdf_replies" / "reply.writer.pdf"))
    assert speech.issuer == "县委老干部局" and speech.date == "2034-05-08"
    assert speech.addressee == "各离退休干部党支部"
    assert not any(p.text.startswith("各离退休干部党支部") for p in speech.paragraphs)
