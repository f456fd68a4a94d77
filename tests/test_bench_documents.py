"""bench.documents: the tables behind docs/documents.md, on a few of the committed fixtures."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bench import BenchError, documents_report, pdf_extractors_report, render_pages
from bench.documents import cer, sentence_check, wrap

FIXTURES = Path(__file__).parent / "fixtures" / "documents"


def copy(folder: Path, *names: str) -> Path:
    for name in names:
        shutil.copy(FIXTURES / name, folder / name)
        shutil.copy(FIXTURES / f"{name}.json", folder / f"{name}.json")
    return folder


def test_documents_report_counts_conservation_and_refusals(tmp_path: Path) -> None:
    copy(tmp_path, "work_conference.docx", "retiree_forum.big5.txt", "health_notice.user-aes256.pdf")
    table = documents_report(tmp_path)
    docx_row = next(line for line in table.splitlines() if line.startswith("| docx |"))
    assert "| 23/23 (100.0 %) | 8/8 | 0 | 3/3 |" in docx_row
    assert "| txt/big5 | 1 | 8/8 (100.0 %) |" in table
    assert "health_notice.user-aes256.pdf: refused as expected" in table


def test_pdf_extractors_report_shows_what_the_layout_rules_add(tmp_path: Path) -> None:
    copy(tmp_path, "training_speech.pdf")
    rows = {}
    for line in pdf_extractors_report(tmp_path).splitlines()[2:]:
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        rows[cells[0]] = cells
    reader = rows["speechqa reader (pdfplumber lines + layout rules)"]
    plain = rows["pypdf extract_text()"]
    assert reader[2].startswith("18/18") and reader[3] == "8/8" and reader[4] == "0"
    assert int(plain[4]) > 0  # the running header and page numbers reach pypdf's text


def test_an_empty_fixture_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(BenchError, match="make_fixtures"):
        documents_report(tmp_path)


def test_cer_and_sentence_check() -> None:
    assert cer("离休干部体检", "离休干部体检") == 0
    assert cer("离休干部体检", "离休干部休检") == pytest.approx(1 / 6)
    assert cer("离休 干部", "离休干部") == 0
    assert sentence_check(["一。", "二。", "三。"], "一。三。二。") == (2, 1, 0)
    assert sentence_check(["一。"], "一。一。") == (0, 0, 1)
    assert sentence_check(["一。", "二。"], "一。\n 二。").ok == 2  # white space ignored


def test_wrap_keeps_closing_punctuation_off_the_start_of_a_line() -> None:
    lines = wrap("离休干部每年体检一次。费用由同级财政负担。", 10, 10)
    assert "".join(lines) == "离休干部每年体检一次。费用由同级财政负担。"
    assert not any(line[0] in "。，" for line in lines)


def test_render_pages_makes_a4_pages_at_the_resolution() -> None:
    pages = render_pages([("title", "标题"), ("paragraph", "正文。" * 400)], 72, header="某某局")
    assert len(pages) >= 2
    assert pages[0].size == (595, 842)
