"""An attachment headed 「附件　<title>」 (label and title on one line, a space between) after the signature is
read as that attachment, and the signature above it as the notice's (cold28).

GB/T 9704 sets 「附件」 on a line of its own over the attachment's title, and speechqa read that, and
「附件：<title>」; but offices often type the label and the title on one line with a space, and a PDF's text
keeps no space between Chinese: 「附件课程安排」. cold28's 盆景研习班 notice, put together by pdfunite from a
Writer body and a 附件 set by reportlab, read its 附件说明, signature, date and the attachment's heading as one
paragraph — 「附件：盆景艺术研习班课程安排中共栖梧县委老干部局2028年4月10日附件盆景艺术研习班课程安排」 — and
was undated, its table under 「四、有关要求」. A line after the signature that is 「附件」 (or 「附件2」) and a
title the 附件说明 lists, with a space, a colon or nothing between, now heads that attachment.

The file: ``tests/fixtures/pdfunite/notice.pdfunite.pdf``, made by ``make_pdfunite_notice.py`` there
(python-docx → **LibreOffice Writer** PDF, a **reportlab** 附件, joined by poppler's **pdfunite**).
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import docx
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus import parse_document, read_bytes, read_document
from tests.fixtures.pdfunite.make_pdfunite_notice import ANNEX, ANNEX_TITLE, AUTHOR, BODY

FIXTURE = Path(__file__).parent / "fixtures" / "pdfunite" / "notice.pdfunite.pdf"


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text).replace(":", "：")


def test_the_fixture_joins_writers_body_and_reportlabs_annex() -> None:
    from pypdf import PdfReader

    reader = PdfReader(FIXTURE)
    producers = {str(page.get("/Resources", {}).get("/Font", {}).keys()) for page in reader.pages}
    assert len(reader.pages) == 2 and len(producers) == 2  # two programs' fonts, a page each


def test_a_joined_notice_keeps_its_signature_and_reads_its_annex_under_its_title() -> None:
    """Dated and signed, its attachment's rows and sentence under 「附件 <title>」, every line once (main:
    undated, no issuer, the 附件说明, signature, date and the annex's heading one paragraph)."""
    [speech] = parse_document(read_document(FIXTURE))
    assert speech.date == "2027-09-28" and speech.issuer == AUTHOR
    annexed = [p for p in speech.paragraphs if p.section == f"附件 {ANNEX_TITLE}"]
    assert [p.kind for p in annexed] == ["table_row", "table_row", "text"]
    assert annexed[-1].text == ANNEX[-1][1]
    body = [p for p in speech.paragraphs if p.section != "文件信息"]  # the issuer and 主送's passage apart
    text = _squash("".join(p.text for p in body))
    for _kind, line in BODY[2:5]:
        assert text.count(_squash(line)) == 1
    assert AUTHOR not in text and "2027年9月28日" not in text  # the signature is no body text


# a title ends in the name of its kind (one ending 「…组」 over the signature reads as a body signing: not this)
_TITLES = st.builds(
    str.__add__,
    st.text(alphabet="课程安排名单报名分组场地汇总统计实施", min_size=2, max_size=12),
    st.sampled_from(["表", "名单", "安排", "细则", "汇总表"]),
)


@settings(max_examples=40, deadline=None)
@given(
    titles=st.lists(_TITLES, min_size=1, max_size=3, unique=True),
    separator=st.sampled_from(["", " ", "　", "：", "  "]),
    rows=st.integers(0, 3),
)
def test_an_attachment_labelled_on_its_titles_line_is_read_under_it(
    titles: list[str], separator: str, rows: int
) -> None:
    """Any 附件说明 listing one to three titles, a signature and date, then each attachment headed by its label
    and title on one line (any separator, or none): the date and issuer kept, each attachment's lines under
    「附件N <title>」 (「附件 <title>」 for one), nothing lost or doubled."""
    numbered = len(titles) > 1
    listing = (
        [f"附件：{titles[0]}"]
        if not numbered
        else [f"附件：1．{titles[0]}", *(f"{n}．{t}" for n, t in enumerate(titles[1:], start=2))]
    )
    lines = [
        "关于做好老干部活动安排的通知",
        "各支部：",
        "现将有关安排通知如下，请遵照执行。",
        *listing,
        "县委老干部局",
        "2027年9月28日",
    ]
    expected: dict[str, list[str]] = {}
    for n, title in enumerate(titles, start=1):
        label = f"附件{n}" if numbered else "附件"
        body = [f"第{k}项：{title}第{k}条内容" for k in range(1, rows + 1)] + [f"{title}的说明写在这里。"]
        lines += [f"{label}{separator}{title}", *body]
        expected[f"{label} {title}"] = body
    document = docx.Document()  # a paragraph a line, as a clerk types it in Word
    for line in lines:
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    [speech] = parse_document(read_bytes("通知.docx", out.getvalue()))
    assert speech.date == "2027-09-28" and speech.issuer == "县委老干部局"
    for section, body in expected.items():
        assert "".join(p.text for p in speech.paragraphs if p.section == section) == "".join(body)
    assert sum(p.text.count("现将有关安排通知如下") for p in speech.paragraphs) == 1
