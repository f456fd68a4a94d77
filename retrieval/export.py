"""An answer as a Word document: the question, each passage with its full citation, the export date.

Staff paste what they find into the material they draft in Word; this writes that material for them.
It lives in the retrieval layer because it is a rendering of the retrieval layer's own record
(`Answer`) that both front ends need (the CLI's `ask --docx`, the bot's 「导出 Word」): here both can
import it without one front end importing the other, and it needs nothing but python-docx, which
the corpus layer already depends on to read .docx files. Its opening lines are the corpus layer's
(`corpus.EXPORT_HEADING` …): that layer refuses an export added back as a speech by them.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any

from docx import Document as new_document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from corpus import EXPORT_DATE_LABEL, EXPORT_HEADING, EXPORT_QUESTION_LABEL
from index import BEIJING

from .attribution import UNKNOWN_SPEAKER, attribution
from .confidence import UNRELATED_MARK
from .records import Answer, Hit
from .typos import typo_note

__all__ = ["CJK_FONT", "answer_docx", "answers_docx", "citation", "sentence_span"]

CJK_FONT = "宋体"  # Word's usual Chinese body font; LibreOffice substitutes what fontconfig has (trial 56)
_GREY = RGBColor(0x59, 0x59, 0x59)


def citation(hit: Hit) -> str:
    """The full citation of a passage: title, date, speaker (a notice's issuer), section, passage number, speech id."""
    p = hit.passage
    parts = [
        f"《{p.speech_title}》",
        p.speech_date or "日期不详",
        attribution(p.speaker, p.issuer) or UNKNOWN_SPEAKER,
    ]
    if p.section:
        parts.append(f"§ {p.section}")
    parts.append(f"第 {p.position + 1} 段")
    parts.append(f"讲话编号 {p.speech_id}")
    parts.append(f"段落编号 {p.id}")
    return " · ".join(parts)


def sentence_span(hit: Hit) -> tuple[int, int] | None:
    """The [start, end) span of the hit's answer sentence in its passage, when the hit has one.

    Reads `Hit.answer_sentence` when the record carries it: a (start, end) span, an object with
    `start`/`end`, or the sentence's text.
    """
    found = getattr(hit, "answer_sentence", None)
    text = hit.passage.text
    if found is None:
        return None
    if isinstance(found, str):
        at = text.find(found) if found else -1
        return (at, at + len(found)) if at >= 0 else None
    if isinstance(found, Sequence) and len(found) == 2 and all(isinstance(v, int) for v in found):
        start, end = int(found[0]), int(found[1])
    elif isinstance(getattr(found, "start", None), int) and isinstance(getattr(found, "end", None), int):
        start, end = found.start, found.end
    else:
        return None
    return (start, end) if 0 <= start < end <= len(text) else None


def answer_docx(answer: Answer, *, exported: datetime | None = None) -> bytes:
    """The .docx bytes of one answer page (the hits it holds, in rank order)."""
    return answers_docx([answer], exported=exported)


def answers_docx(answers: Sequence[Answer], *, exported: datetime | None = None) -> bytes:
    """The .docx bytes of one or several answer pages, in the order given: one answer as `answer_docx`
    writes it; several (`speechqa ask --batch 问题.txt --docx …`, the questions of a report being drafted)
    under one heading and export date, each a section headed by its question, its passages one level below.
    """
    if not answers:
        raise ValueError("answers_docx needs at least one answer")
    exported = exported or datetime.now().astimezone()
    # the day as its readers live it, in Beijing time whatever the server's clock (a container runs in UTC:
    # an export made at 07:00 in Beijing was dated the day before), as pins are shown
    day = _day(exported.astimezone(BEIJING).date())
    doc = new_document()
    _set_fonts(doc)
    several = len(answers) > 1
    props = doc.core_properties  # what Word shows under 文件 › 信息 (python-docx's template fills in its own)
    first = answers[0].query
    props.title = f"{first[:150]} 等 {len(answers)} 个问题" if several else first[:200]
    props.subject = EXPORT_HEADING
    props.author = props.last_modified_by = "speechqa"
    props.comments = ""
    # python-docx writes a time as UTC whatever its zone ("…Z"): give it the UTC time of the export
    props.created = props.modified = exported.astimezone(UTC).replace(tzinfo=None)

    doc.add_heading(EXPORT_HEADING, level=1)  # how the corpus tells an export from a speech (see there)
    if several:
        _labelled(doc, EXPORT_QUESTION_LABEL, f"共 {len(answers)} 个，每个问题一节（见下）")
        _labelled(doc, EXPORT_DATE_LABEL, day)
        for number, answer in enumerate(answers, start=1):
            doc.add_heading(f"{EXPORT_QUESTION_LABEL} {number}：{answer.query}", level=2)
            _write_answer(doc, answer, level=3)
    else:
        _labelled(doc, EXPORT_QUESTION_LABEL, first, bold_value=True)
        _labelled(doc, EXPORT_DATE_LABEL, day)
        _write_answer(doc, answers[0], level=2)

    footer = doc.sections[0].footer.paragraphs[0]
    footer.text = f"speechqa 导出 · {day}"
    footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _write_answer(doc: Any, answer: Answer, *, level: int) -> None:
    """One answer's notes (filter, typo, period) and its passages, each under a heading of `level`."""
    if answer.filters is not None:
        if answer.filters.fallback and answer.filters.fallback_note:
            _labelled(doc, "筛选", f"{answer.filters.fallback_note}，以下为在全部讲话中查找的结果")
        elif answer.filters.fallback:
            _labelled(doc, "筛选", f"{answer.filters.unmatched_note}，以下为不加筛选的结果")
        else:
            report = answer.filters
            _labelled(doc, "筛选", report.label + report.restricted_note + report.set_aside_note)
    if (note := typo_note(answer.typos)) is not None:
        _labelled(doc, "查找说明", note)
    if (period := answer.period_note) is not None:
        _labelled(doc, "时间说明", period)  # a typo read, or the office's own word read as the library's
    if not answer.hits:
        doc.add_paragraph("语料中没有找到相关段落。")
    elif not answer.answered:
        doc.add_paragraph("语料中没有找到直接回答这个问题的内容；以下是最接近的段落，可能不相关。")

    for hit in answer.hits:
        heading = f"{hit.rank}. {hit.passage.speech_title}"
        if hit.pinned:
            heading = f"{hit.rank}. 📌 标准答案 · {hit.passage.speech_title}"
        if answer.answered and not hit.relevant:
            heading += UNRELATED_MARK
        doc.add_heading(heading, level=level)
        cite = doc.add_paragraph()
        run = cite.add_run(citation(hit))
        run.font.size = Pt(9)
        run.font.color.rgb = _GREY
        body = doc.add_paragraph()
        body.paragraph_format.first_line_indent = Pt(21)
        text = hit.passage.text
        span = sentence_span(hit)
        if span is None:
            body.add_run(text)
        else:
            start, end = span
            if start:
                body.add_run(text[:start])
            body.add_run(text[start:end]).bold = True
            if end < len(text):
                body.add_run(text[end:])


def _labelled(doc: object, label: str, value: str, *, bold_value: bool = False) -> None:
    paragraph = doc.add_paragraph()  # type: ignore[attr-defined]
    paragraph.add_run(f"{label}：").bold = True
    paragraph.add_run(value).bold = bold_value


def _day(d: date) -> str:
    return f"{d.year} 年 {d.month} 月 {d.day} 日"


def _set_fonts(doc: object) -> None:
    """Chinese text in a Chinese font and black, tagged as Chinese, as a draft report's own text is.

    python-docx's template sets only Latin font names, tags all text US English (Chinese included: its
    quotation marks “” were set as narrow Latin ones) and gives its headings theme fonts, which Word
    prefers to a named font, in its theme's blue: the headings came out blue and not in 宋体 (trial 56).
    """
    styles = doc.styles  # type: ignore[attr-defined]
    defaults = styles.element.find(qn("w:docDefaults"))
    rpr_default = defaults.find(qn("w:rPrDefault")) if defaults is not None else None
    lang = rpr_default.find(f"{qn('w:rPr')}/{qn('w:lang')}") if rpr_default is not None else None
    if lang is not None:
        lang.set(qn("w:eastAsia"), "zh-CN")
    for name in ("Normal", "Heading 1", "Heading 2", "Heading 3"):
        style = styles[name]
        rpr = style.element.get_or_add_rPr()
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            fonts = rpr.makeelement(qn("w:rFonts"), {})
            rpr.append(fonts)
        for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(theme), None)
        fonts.set(qn("w:eastAsia"), CJK_FONT)
        if name != "Normal":
            style.font.color.rgb = None  # the body's colour (automatic: black), not the theme's blue
