"""Trial 56 (docs/trial56.md): a staff member drafting a report from speechqa's answers.

The Word export is pasted into a report: its headings came out in the theme's blue and in the theme's font
(python-docx's template gives its headings theme fonts, which Word prefers to the 宋体 set beside them), and
all its text, Chinese included, was tagged US English. Read back here with python-docx from a file written
by `speechqa ask --docx`.
"""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml.ns import qn

from .test_cli import EXAMPLE, Run, assert_ok

THEME_FONTS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def exported(run: Run, tmp_path: Path, *args: str) -> docx.document.Document:
    path = tmp_path / "体检规定.docx"
    assert_ok(run("ask", EXAMPLE, *args, "--docx", str(path)))
    return docx.Document(str(path))


def test_the_exports_headings_are_black_and_in_the_chinese_font_not_the_themes(
    run: Run, tmp_path: Path
) -> None:
    document = exported(run, tmp_path)
    used = {p.style.name for p in document.paragraphs}
    assert {"Heading 1", "Heading 2", "Normal"} <= used
    for name in sorted(used):
        style = document.styles[name]
        assert style.font.color.rgb is None and style.font.color.type is None, (name, style.font.color.rgb)
        fonts = style.element.rPr.rFonts
        assert fonts.get(qn("w:eastAsia")) == "宋体", name
        assert not [t for t in THEME_FONTS if fonts.get(qn(t)) is not None], (name, dict(fonts.attrib))
    # no run of the body brings its own colour back, but the grey citation line
    coloured = {
        str(r.font.color.rgb) for p in document.paragraphs for r in p.runs if r.font.color.rgb is not None
    }
    assert coloured <= {"595959"}


def test_the_exports_chinese_is_tagged_chinese(run: Run, tmp_path: Path) -> None:
    document = exported(run, tmp_path, "--speaker", "沈伟")
    langs = document.styles.element.xpath("./w:docDefaults/w:rPrDefault/w:rPr/w:lang")
    assert len(langs) == 1 and langs[0].get(qn("w:eastAsia")) == "zh-CN"
    text = "\n".join(p.text for p in document.paragraphs)
    assert "筛选：沈伟" in text and "要落实好离休干部每年一次体检的规定" in text
