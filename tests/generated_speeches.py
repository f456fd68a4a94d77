"""Speeches and notices generated at random with the structure staff's files have, and the real producers
that write them: python-docx (.docx), LibreOffice (.pdf, .odt, .rtf, .doc and .wps from that .docx) and
reportlab with a CJK font (.pdf).

A generated speech has a title, perhaps a date line, a speaker and a salutation, then headings of three
levels typed as offices number them (「一、」「（一）」「1.」, in a Heading style or as a plain paragraph),
paragraphs of one to twenty sentences (long ones run over pages), numbered items 「（1）」 of one sentence,
footnotes after a paragraph's last sentence, and tables with a header row, a cell merged down two rows and
a 「备注」 row across the table; its sentences mix Chinese, digits, Latin words, full-width and half-width
forms. Every page carries a header and a 「— N —」 page-number footer, which must never reach the text.

`expected(spec)` lists what must come back: the title, headings and body sentences in order, the notes
and the table cells. Used by tests/test_corpus_producers_property.py and by
tests/fixtures/documents/make_property_findings.py (the minimal files the properties found).
"""

from __future__ import annotations

import io
import re
import subprocess
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import strategies as st

HEADER = "中共青州市委老干部局办公室"
FOOTER_MARK = "—"

WORDS = (
    "离退休干部 老干部工作 党支部 健康体检 经费保障 服务管理 走访慰问 老年大学 银龄行动 组织生活 政治待遇 "
    "生活待遇 志愿服务 社区 活动阵地 困难帮扶 精准服务 信息化 考核评价 工作机制 基层组织 学习教育 "
    "先进典型 文化养老 医疗保障 长效机制 重点任务 责任单位 宣传引导 主题党日 走访 落实 推进 加强 完善 "
    "全面 扎实 稳步 进一步 持续 切实 统筹 开展 组织 推动 建立 健全 提升 深化 各级 全市 各县区"
).split()
MIXED = (
    "2024年 2025年 3月15日 12月 GDP Wi-Fi APP ３０％ 12.5% A4 PDF “五个一” （试行） 《条例》 5G "
    "No.3 １２３ ＡＢＣ e-mail 80岁 1000余人 第3季度 95%以上 QQ群 ①号楼 24小时 1:1 ISO9001 "
    "“银发” 〔2024〕5号 ［2025］ 2.0版 ‘红色’ 100% 3—5人"
).split()
INNER = ["，", "，", "、", "：", ", ", " ", ""]
# reportlab (wordWrap CJK) keeps a run between ASCII spaces that holds an ASCII mark whole (「政治待遇, 」
# 「干部,离退」), a rule of its own no other producer has: its speeches put no ASCII space or ASCII comma
# between Chinese words
UNSPACED = ["，", "，", "、", "：", ""]
ENDS = ["。", "。", "。", "！", "？", "；"]

word = st.one_of(st.sampled_from(WORDS), st.sampled_from(WORDS), st.sampled_from(MIXED))


@st.composite
def sentence(draw: st.DrawFn, spaced: bool = True) -> str:
    """A sentence: 4–14 words and figures, joined with commas, 顿号 or nothing, ending in a sentence mark."""
    parts = [draw(st.sampled_from(WORDS))]
    for _ in range(draw(st.integers(3, 13))):
        parts.append(draw(st.sampled_from(INNER if spaced else UNSPACED)) + draw(word))
    # no inner mark may end it: 「；」 inside is a clause, its end is still the sentence's end mark
    return "".join(parts).rstrip("，、：；, ") + draw(st.sampled_from(ENDS))


def phrase(draw: st.DrawFn, low: int = 2, high: int = 5) -> str:
    return "".join(draw(st.lists(st.sampled_from(WORDS), min_size=low, max_size=high)))


CHINESE = "一二三四五六七八九十"


@dataclass
class Table:
    header: list[str]
    rows: list[list[str]]
    merge_down: tuple[int, int] | None = None  # (row, column): that cell spans it and the row under it
    note: str | None = None  # a 「备注」 row across the whole table


@dataclass
class Spec:
    title: str
    head: list[str] = field(default_factory=list)  # date line, speaker, salutation: lines under the title
    # ("heading", level, text, styled) | ("paragraph", [sentences], note or None) | ("item", text) |
    # ("table", Table)
    body: list[tuple] = field(default_factory=list)
    # the body's paragraph format, as a template sets it: first lines indented two characters (首行缩进),
    # lines justified (两端对齐), both, or neither (python-docx's Normal)
    indent: bool = False
    justify: bool = False


@st.composite
def table(draw: st.DrawFn, spaced: bool = True) -> Table:
    columns = draw(st.integers(2, 4))
    labels = ["项目", "标准", "时间", "责任单位", "完成时限", "经费来源", "对象"]
    header = draw(st.lists(st.sampled_from(labels), min_size=columns, max_size=columns, unique=True))
    cell = st.one_of(
        st.builds("".join, st.lists(st.sampled_from(WORDS), min_size=1, max_size=3)),
        st.sampled_from(MIXED),
    )
    rows = draw(st.lists(st.lists(cell, min_size=columns, max_size=columns), min_size=1, max_size=5))
    merge = None
    if len(rows) >= 2 and draw(st.booleans()):
        merge = (draw(st.integers(0, len(rows) - 2)), draw(st.integers(0, columns - 1)))
        rows[merge[0] + 1][merge[1]] = rows[merge[0]][merge[1]]
    note = "备注：" + draw(sentence(spaced)) if draw(st.booleans()) else None
    return Table(header, rows, merge, note)


@st.composite
def speeches(draw: st.DrawFn, *, tables: bool = True, notes: bool = True, spaced: bool = True) -> Spec:
    kind = draw(st.sampled_from(["speech", "notice"]))
    if kind == "speech":
        title = f"在全市{phrase(draw, 1, 3)}工作会议上的讲话"
    else:
        title = f"关于做好{phrase(draw, 1, 3)}工作的通知"
    spec = Spec(title, indent=draw(st.booleans()), justify=draw(st.booleans()))
    if draw(st.booleans()):
        spec.head.append(
            f"（{draw(st.integers(2019, 2026))}年{draw(st.integers(1, 12))}月{draw(st.integers(1, 28))}日）"
        )
    if kind == "speech" and draw(st.booleans()):
        spec.head.append(draw(st.sampled_from(["市委常委、组织部部长　刘卫东", "局长　王建国", "沈伟"])))
    if draw(st.booleans()):
        spec.head.append(draw(st.sampled_from(["同志们：", "各县（市、区）委老干部局，市直各单位："])))
    counters = [0, 0, 0]
    for _ in range(draw(st.integers(2, 9))):
        what = draw(st.sampled_from(["heading", "paragraph", "paragraph", "item", "table"]))
        if what == "table" and not tables:
            what = "paragraph"
        if what == "heading":
            level = draw(st.integers(1, 3))
            counters[level - 1] += 1
            counters[level:] = [0] * (3 - level)
            n = counters[level - 1]
            marker = [f"{CHINESE[(n - 1) % 10]}、", f"（{CHINESE[(n - 1) % 10]}）", f"{n}."][level - 1]
            spec.body.append(("heading", level, marker + phrase(draw), draw(st.booleans())))
        elif what == "paragraph":
            long = draw(st.integers(0, 4)) == 0
            count = draw(st.integers(8, 20)) if long else draw(st.integers(1, 4))
            sentences = draw(st.lists(sentence(spaced), min_size=count, max_size=count))
            note = "数据来源：" + draw(sentence(spaced)) if notes and draw(st.integers(0, 5)) == 0 else None
            spec.body.append(("paragraph", sentences, note))
        elif what == "item":
            n = sum(1 for b in spec.body if b[0] == "item") + 1
            spec.body.append(("item", f"（{n}）" + draw(sentence(spaced))))
        else:
            spec.body.append(("table", draw(table(spaced))))
    if not any(b[0] in ("paragraph", "item") for b in spec.body):
        spec.body.append(("paragraph", [draw(sentence(spaced))], None))
    return spec


# -- what must come back ---------------------------------------------------------------------------------


def fold(text: str) -> str:
    """Text as compared: NFKC (full-width digits and Latin read as half-width are the same text), no
    whitespace."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


@dataclass(frozen=True)
class Expected:
    ordered: list[str]  # title, headings and body sentences, in order
    sentences: list[str]  # body sentences (of paragraphs, items, notes and the table's 备注)
    notes: list[str]
    cells: list[str]


def split(text: str) -> list[str]:
    return re.findall(r"[^。！？；]*[。！？；]", text)


def expected(spec: Spec) -> Expected:
    ordered = [spec.title]
    sentences: list[str] = []
    notes: list[str] = []
    cells: list[str] = []
    for block in spec.body:
        if block[0] == "heading":
            ordered.append(block[2])
        elif block[0] == "paragraph":
            ordered += block[1]
            sentences += block[1]
            if block[2]:
                notes.append(block[2])
        elif block[0] == "item":
            ordered.append(block[1])
            sentences.append(block[1])
        else:
            t: Table = block[1]
            cells += t.header + [c for row in t.rows for c in row]
            if t.note:
                cells.append(t.note)
    return Expected(ordered, sentences, notes, cells)


# -- producers -------------------------------------------------------------------------------------------


def docx_of(spec: Spec) -> bytes:
    """The speech as python-docx writes it (fonts SimSun / 黑体 named as a Chinese office's template does)."""
    import docx
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    from tests.fixtures.documents.make_fixtures import east_asian, word_field
    from tests.fixtures.documents.make_word_notes_tables import add_notes_part, reference

    d = docx.Document()
    east_asian(d.styles["Normal"], "SimSun")
    d.styles["Normal"].font.size = Pt(14)
    # Word's built-in 「脚注文本」 style (python-docx's template has none: the notes were set in the body's type)
    note_style = d.styles.add_style("footnote text", WD_STYLE_TYPE.PARAGRAPH)
    note_style.element.styleId = "FootnoteText"
    note_style.base_style = d.styles["Normal"]
    note_style.font.size = Pt(9)
    body = d.styles["Normal"].paragraph_format
    if spec.indent:
        body.first_line_indent = Pt(28)
    if spec.justify:
        body.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    section = d.sections[0]
    section.header.paragraphs[0].text = HEADER
    footer = section.footer.paragraphs[0]
    footer.add_run("— ")
    word_field(footer, "PAGE")
    footer.add_run(" —")
    d.add_paragraph(spec.title, style="Title")
    for line in spec.head:
        d.add_paragraph(line)
    notes: dict[str, str] = {}
    for block in spec.body:
        if block[0] == "heading":
            _, level, text, styled = block
            if styled:
                d.add_heading(text, level=level)
            else:
                d.add_paragraph().add_run(text).bold = True
        elif block[0] == "paragraph":
            p = d.add_paragraph("".join(block[1]))
            if block[2]:
                notes[str(len(notes) + 1)] = block[2]
                p._p.append(reference("footnote", str(len(notes))))
        elif block[0] == "item":
            d.add_paragraph(block[1])
        else:
            t: Table = block[1]
            rows = [t.header, *t.rows]
            grid = d.add_table(rows=len(rows) + (1 if t.note else 0), cols=len(t.header))
            grid.style = "Table Grid"
            for r, row in enumerate(rows):
                for c, text in enumerate(row):
                    if t.merge_down and (r - 1, c) == (t.merge_down[0] + 1, t.merge_down[1]):
                        continue  # the merged cell's lower half: its text is the upper half's
                    grid.cell(r, c).text = text
            if t.merge_down:
                r, c = t.merge_down
                grid.cell(r + 1, c).merge(grid.cell(r + 2, c))
            if t.note:
                across = grid.cell(len(rows), 0).merge(grid.cell(len(rows), len(t.header) - 1))
                across.text = t.note
    if notes:
        add_notes_part(d, "footnote", notes)
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def libreoffice(sources: dict[str, bytes], target: str, suffix: str | None = None) -> dict[str, bytes]:
    """Every file of `sources` (name → bytes) converted by LibreOffice to `target` in one run (one start
    of LibreOffice); the results by the source's name, under `suffix` (default: the target's)."""
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        (folder / "in").mkdir()
        (folder / "out").mkdir()
        paths = []
        for name, data in sources.items():
            path = folder / "in" / name
            path.write_bytes(data)
            paths.append(path)
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation=file://{folder / 'profile'}",
                "--headless",
                "--convert-to",
                target,
                "--outdir",
                str(folder / "out"),
                *map(str, paths),
            ],
            check=True,
            capture_output=True,
            timeout=600,
        )
        extension = target.split(":")[0]
        return {
            str(Path(name).with_suffix("." + (suffix or extension))): (
                folder / "out" / Path(name).with_suffix("." + extension).name
            ).read_bytes()
            for name in sources
        }


def reportlab_of(spec: Spec) -> bytes:
    """The speech typeset by reportlab in STSong-Light: a header and 「— N —」 on every page, headings in
    a larger type, tables ruled with the merged cells spanned (reportlab has no footnotes: a note is
    printed as a small paragraph after its paragraph, where a Word file's note is read)."""
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer
    from reportlab.platypus import Table as Grid

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    body = ParagraphStyle(
        "body",
        fontName="STSong-Light",
        fontSize=14,
        leading=24,
        firstLineIndent=28 if spec.indent else 0,
        alignment=TA_JUSTIFY if spec.justify else TA_LEFT,
    )
    body.wordWrap = "CJK"
    title = ParagraphStyle(
        "title", parent=body, fontSize=20, leading=32, alignment=TA_CENTER, firstLineIndent=0
    )
    heads = [
        ParagraphStyle(f"h{n}", parent=body, fontSize=size, leading=size + 12, firstLineIndent=0)
        for n, size in ((1, 16), (2, 15), (3, 14))
    ]
    small = ParagraphStyle("note", parent=body, fontSize=10, leading=15, firstLineIndent=0)
    cell = ParagraphStyle("cell", parent=body, fontSize=11, leading=16, firstLineIndent=0)

    def decorate(canvas, doc) -> None:  # type: ignore[no-untyped-def]
        canvas.setFont("STSong-Light", 10)
        canvas.drawCentredString(A4[0] / 2, A4[1] - 40, HEADER)
        canvas.drawCentredString(A4[0] / 2, 30, f"— {doc.page} —")

    story: list = [Paragraph(spec.title, title)]
    plain = ParagraphStyle("line", parent=body, firstLineIndent=0)
    story += [Paragraph(line, plain) for line in spec.head]
    for block in spec.body:
        if block[0] == "heading":
            story.append(Paragraph(block[2], heads[block[1] - 1]))
        elif block[0] == "paragraph":
            story.append(Paragraph("".join(block[1]), body))
            if block[2]:
                story.append(Paragraph(block[2], small))
        elif block[0] == "item":
            story.append(Paragraph(block[1], body))
        else:
            t: Table = block[1]
            rows = [[Paragraph(c, cell) for c in row] for row in [t.header, *t.rows]]
            style = [("GRID", (0, 0), (-1, -1), 0.5, colors.black)]
            if t.merge_down:
                r, c = t.merge_down
                rows[r + 2][c] = ""
                style.append(("SPAN", (c, r + 1), (c, r + 2)))
            if t.note:
                rows.append([Paragraph(t.note, cell)] + [""] * (len(t.header) - 1))
                style.append(("SPAN", (0, len(rows) - 1), (-1, len(rows) - 1)))
            story += [Spacer(1, 6), Grid(rows, style=style, repeatRows=1), Spacer(1, 6)]
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4, invariant=1).build(story, onFirstPage=decorate, onLaterPages=decorate)
    return out.getvalue()


# -- the checks ------------------------------------------------------------------------------------------


def problems(spec: Spec, document, *, structured: bool, merge_to: int | None = 200) -> list[str]:  # type: ignore[no-untyped-def]
    """What `document` (the reading of `spec` written by some producer) lost, doubled, misplaced or let in:
    empty when every title, heading and body sentence came back once and in order, every note once,
    every table cell, no page header or number, and after parsing and chunking every body sentence and
    note sits whole in exactly one passage. `structured`: the format keeps Word's styles (the styled
    headings must come back as headings)."""
    from corpus import chunk_speech, parse_document

    want = expected(spec)
    found: list[str] = []
    blocks = document.blocks
    prose = "\n".join(b.text for b in blocks if b.kind != "table_row") if blocks else document.text
    flat = fold(prose)
    whole = fold(document.text)
    source = fold("\n".join([spec.title, *spec.head, *want.ordered, *want.notes, *want.cells]))
    position = 0
    for piece in want.ordered:
        at = flat.find(fold(piece), position)
        if at < 0:
            where = "missing" if fold(piece) not in flat else "out of order"
            found.append(f"{where}: {piece}")
            continue
        position = at + len(fold(piece))
    for piece in [*want.ordered, *want.notes]:
        if whole.count(fold(piece)) > source.count(fold(piece)):
            found.append(f"repeated: {piece}")
    for note in want.notes:
        if fold(note) not in whole:
            found.append(f"note missing: {note}")
    for cell in want.cells:
        if fold(cell) not in whole:
            found.append(f"cell missing: {cell}")
    if fold(HEADER) in whole:
        found.append("page header read as text")
    if re.search(r"—\s*\d+\s*—", document.text):
        found.append("page number read as text")
    if structured:
        headings = {fold(b.text) for b in blocks if b.kind == "heading"}
        for block in spec.body:
            if block[0] == "heading" and block[3] and fold(block[2]) not in headings:
                found.append(f"styled heading not a heading: {block[2]}")
    if found:
        return found
    passages = [fold(d.text) for s in parse_document(document) for d in chunk_speech(s, merge_to=merge_to)]
    for piece in [*want.sentences, *want.notes]:
        holding = sum(p.count(fold(piece)) for p in passages)
        if holding != source.count(fold(piece)):
            joined = "".join(passages)
            what = (
                "split over passages" if fold(piece) in joined and holding == 0 else f"in {holding} passages"
            )
            found.append(f"{what}: {piece}")
    return found
