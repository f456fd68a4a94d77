"""Trial 56 (docs/trial56.md): a staff member drafting a report from speechqa's answers.

The Word export is pasted into a report: its headings came out in the theme's blue and in the theme's font
(python-docx's template gives its headings theme fonts, which Word prefers to the 宋体 set beside them), and
all its text, Chinese included, was tagged US English. And a report takes several questions: `--docx` was
refused with `--batch` (「--docx 只能用于单个问题」), one file per question. Read back here with python-docx from
files written by `speechqa ask --docx` and `speechqa ask --batch 问题.txt --docx`.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import docx
from docx.oxml.ns import qn

from .test_cli import EXAMPLE, EXAMPLE_ANSWER, Run, assert_ok, assert_user_error

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


def test_the_questions_of_a_batch_go_into_one_word_file_each_under_its_own_heading(
    run: Run, tmp_path: Path
) -> None:
    questions = tmp_path / "总结要用的问题.txt"
    asked = [EXAMPLE, "老年大学怎么办", "2030年慰问老干部的安排"]
    # a blank line and a 「谢谢」 search nothing: they are not sections of the file
    questions.write_text(f"{asked[0]}\n\n谢谢\n{asked[1]}\n{asked[2]}\n", encoding="utf-8")
    path = tmp_path / "总结素材.docx"
    result = run("ask", "--batch", str(questions), "-k", "2", "--docx", str(path))
    assert_ok(result)
    assert f"已导出 Word 文件：{path}（3 个问题）" in result.output
    document = docx.Document(str(path))
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
    assert paragraphs[0] == ("Heading 1", "讲话检索结果")
    assert ("Normal", "问题：共 3 个，每个问题一节（见下）") in paragraphs[1:3]
    assert any(text.startswith("导出日期：") for _, text in paragraphs[1:3])
    sections = [text for style, text in paragraphs if style == "Heading 2"]
    assert sections == [f"问题 {n}：{q}" for n, q in enumerate(asked, start=1)]
    # under each question its passages, one level down, each with its citation line after it
    starts = [i for i, (style, _) in enumerate(paragraphs) if style == "Heading 2"] + [len(paragraphs)]
    for begin, end in itertools.pairwise(starts):
        passages = [i for i in range(begin, end) if paragraphs[i][0] == "Heading 3"]
        assert len(passages) == 2, paragraphs[begin:end]
        for i in passages:
            assert paragraphs[i + 1][1].startswith("《") and "段落编号" in paragraphs[i + 1][1]
    first = document.paragraphs[starts[0] : starts[1]]
    bold = "".join(r.text for p in first for r in p.runs if r.bold)
    assert EXAMPLE_ANSWER in bold
    assert document.core_properties.title == f"{asked[0]} 等 3 个问题"
    # the file is still known for an export: staff save it beside the speeches
    assert_user_error(run("add", str(path)), "是 speechqa 导出的检索结果")


def test_a_batch_with_nothing_to_search_writes_no_word_file(run: Run, tmp_path: Path) -> None:
    questions = tmp_path / "问题.txt"
    questions.write_text("谢谢\n\n", encoding="utf-8")
    path = tmp_path / "总结素材.docx"
    assert_user_error(run("ask", "--batch", str(questions), "--docx", str(path)), "没有生成 Word 文件")
    assert not path.exists()


def test_docx_without_a_question_says_how_to_give_several(run: Run, tmp_path: Path) -> None:
    result = run("ask", "--docx", str(tmp_path / "结果.docx"), input="")
    assert_user_error(result, "--docx 要有问题", "--batch")
