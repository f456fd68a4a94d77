"""A PDF typeset by pdfLaTeX with the CJK package reads paragraph by paragraph (cold26's 桥牌协会章程).

The CJK package (``CJKutf8``; ctex under pdfLaTeX too) sets Chinese in a typeface split into Type 1 subfonts of
256 characters each, named by the face and the code points' high byte (gbsnu4e, gbsnu5c, gbsnu8d…): every line
holds characters of several of them, and a line's main font changes from one line to the next for no change of
type. Taken for a change of font, it cut a 条 that wrapped after its first line into two, and the first line,
short of nothing, became a heading over the rest of its own sentence (「第一条本会名称为……爱好者自」 over
「愿组成的……指导。」). A face's subfonts are one font now (corpus/pdf.py ``_font_family``).

The file: ``tests/fixtures/pdflatex_cjk/rules.pdflatex.pdf``, made by ``make_pdflatex_cjk.py`` there (pdfLaTeX,
CJKutf8, the Arphic 宋体 gbsn from Debian's ``latex-cjk-chinese-arphic-gbsn00lp``). The property typesets
paragraphs of its own with the same script, where pdfLaTeX and the CJK package are installed.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pdfplumber
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus import parse_document, read_document
from tests.fixtures.producers import load_maker

HERE = Path(__file__).resolve().parent / "fixtures" / "pdflatex_cjk"
RULES = HERE / "rules.pdflatex.pdf"


def _maker():  # type: ignore[no-untyped-def]
    return load_maker(HERE / "make_pdflatex_cjk.py")


def _squash(text: str) -> str:
    return re.sub(r"[\s\u3000]+", "", text)


def test_the_fixture_is_pdflatex_with_the_cjk_packages_subfonts() -> None:
    with pdfplumber.open(RULES) as pdf:
        assert "pdfTeX" in pdf.metadata["Producer"]
        fonts = {c["fontname"].split("+")[-1] for c in pdf.pages[0].chars if c["text"] >= "\u4e00"}
        lines = pdf.pages[0].extract_text_lines()
    assert len(fonts) > 10 and all(re.fullmatch(r"gbsnu[0-9a-f]{2}", f) for f in fonts)
    # a 条 wraps: its first line fills the measure and the next starts at the margin, under its indent
    first = next(line for line in lines if line["text"].startswith("第一条"))
    after = lines[lines.index(first) + 1]
    assert after["x0"] < first["x0"] and not after["text"].startswith("第")


def test_each_article_reads_whole_under_its_chapter() -> None:
    maker = _maker()
    [speech] = parse_document(read_document(RULES))
    assert speech.title == maker.TITLE
    articles = [_squash(text) for kind, text in maker.BODY if kind == "body"]
    passages = [_squash(p.text) for p in speech.paragraphs]
    assert (
        passages == articles
    )  # each 条 one passage, whole, in order (main: three cut after their first line)
    chapters = [_squash(text) for kind, text in maker.BODY if kind == "heading"]
    for paragraph in speech.paragraphs:
        top = _squash(paragraph.section.split("›")[0])
        assert top in chapters  # under its 章, never under a line of its own article
        assert len(_squash(paragraph.section)) <= len(top) + 6  # 「第一章总则›第一条」 at most


def _pdflatex_cjk() -> bool:
    if shutil.which("pdflatex") is None or shutil.which("kpsewhich") is None:
        return False
    found = subprocess.run(["kpsewhich", "CJKutf8.sty", "gbsnu4e.tfm"], capture_output=True, text=True)
    return len(found.stdout.split()) == 2


# Characters of the fixture's text: all in the Arphic 宋体, spread over many of its subfonts.
_POOL = sorted({c for _, text in _maker().BODY for c in text if "\u4e00" <= c <= "\u9fff"})
# A paragraph's lengths whose last line holds 6–23 characters (35 on an indented first line, 37 on the rest, at
# 12 pt on this measure): no short last line that could pass for a name or a date of its own.
_LENGTHS = st.one_of(st.integers(42, 58), st.integers(78, 94))


@pytest.mark.skipif(not _pdflatex_cjk(), reason="needs pdfLaTeX with the CJK package and the gbsn fonts")
@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        _LENGTHS.flatmap(lambda n: st.lists(st.sampled_from(_POOL), min_size=n - 1, max_size=n - 1)),
        min_size=2,
        max_size=4,
    )
)
def test_any_paragraphs_typeset_so_read_once_whole_and_in_order(
    tmp_path: Path, drawn: list[list[str]]
) -> None:
    maker = _maker()
    paragraphs = ["".join(chars) + "。" for chars in drawn]
    out = tmp_path / "typeset.pdf"
    maker.typeset(maker.TITLE, [("body", p) for p in paragraphs], out)
    [speech] = parse_document(read_document(out))
    assert [_squash(p.text) for p in speech.paragraphs] == paragraphs
