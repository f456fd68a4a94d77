"""Word's automatic numbering is read as Word shows it: 「一、」「（二）」「第九条」「①」「甲、」 that Word
generates from word/numbering.xml are in the paragraph's text, so they name sections exactly as typed-in
numbers do, and `add --check`'s own reading of the file has them too.

The fixtures (one from python-docx with list definitions as Word writes them, one converted by
LibreOffice) and their expected reading come from tests/fixtures/documents/make_word_numbering.py.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus import HEAD_SECTION, chunk_speech, parse_document, read_bytes, read_document
from corpus.conservation import check_conservation
from corpus.numbering import format_number
from corpus.records import Document
from tests.fixtures.documents.make_word_numbering import LIBREOFFICE_TARGET, TARGET

FIXTURES = [TARGET, LIBREOFFICE_TARGET]


def expected(path: Path) -> dict:  # type: ignore[type-arg]
    return json.loads(path.with_name(path.name + ".json").read_text(encoding="utf-8"))


def passages_of(document: Document) -> list[str]:
    return [d.text for speech in parse_document(document) for d in chunk_speech(speech)]


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_every_numbered_paragraph_reads_as_word_shows_it(path: Path) -> None:
    document = read_document(path)
    assert document.text.splitlines()[2:] == expected(path)["shown"]
    for absent in expected(path)["absent"]:
        assert absent not in document.text


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_generated_numbers_name_the_sections_as_typed_ones_do(path: Path) -> None:
    speech = parse_document(read_document(path))[0]
    sections = {part for p in speech.paragraphs if p.section for part in p.section.split(" › ")}
    assert set(expected(path)["sections"]) <= sections
    assert (speech.title, speech.date) == (expected(path)["title"], expected(path)["date"])


def test_articles_and_points_are_sections_under_their_heading() -> None:
    by_text = {p.text: p.section for p in parse_document(read_document(TARGET))[0].paragraphs}
    assert (
        by_text["第十条离休干部住院由原单位派人看望。"]
        == "二、今年重点任务 › （二）落实走访慰问制度 › 第十条"
    )
    # ② nests under the point it details (「①」 is a kind of point of its own, not a 「1.」)
    assert by_text["②出院后一周内上门回访。"] == (
        "一、去年工作回顾 › （二）生活待遇保障有力 › 1. 离休干部医疗费用全额保障，按时足额报销"
    )
    lo = {p.text: p.section for p in parse_document(read_document(LIBREOFFICE_TARGET))[0].paragraphs}
    assert lo["第五条本办法自发布之日起施行。"] == "第三章 附则 › 第五条"


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_the_check_reads_the_numbers_too_and_agrees(path: Path) -> None:
    document = read_document(path)
    report = check_conservation(document, passages_of(document))
    assert report.ok, report
    assert [line for line in document.reference.splitlines()][2:] == expected(path)["shown"]


def test_the_check_reports_a_reader_that_loses_the_numbers() -> None:
    good = read_document(TARGET)
    unnumbered = re.sub(r"(?m)^(?:第[一二三四五六七八九十]+条 |\d\. |[①②]|[甲乙]、)", "", good.text)
    lossy = Document(name=good.name, text=unnumbered, encoding="docx", reference=good.reference)
    missing = check_conservation(lossy, passages_of(lossy)).missing
    assert "第十条离休干部住院由原单位派人看望。" in missing
    assert "①住院期间安排专人探望。" in missing


@pytest.mark.parametrize(
    ("fmt", "values", "shown"),
    [
        (
            "chineseCounting",
            [1, 9, 10, 11, 19, 20, 21, 99, 100, 105],
            "一 九 十 十一 十九 二十 二十一 九十九 一○○ 一○五",
        ),
        (
            "chineseCountingThousand",
            [10, 15, 100, 101, 110, 999, 1000, 1010],
            "十 十五 一百 一百〇一 一百一十 九百九十九 一千 一千〇一十",
        ),
        ("taiwaneseCountingThousand", [3, 12], "三 十二"),
        ("chineseLegalSimplified", [1, 10, 12, 101], "壹 壹拾 壹拾贰 壹佰零壹"),
        ("japaneseCounting", [10, 11, 100, 101, 1000], "十 十一 百 百一 千"),
        ("ideographDigital", [1, 10, 2025], "一 一〇 二〇二五"),
        ("ideographTraditional", [1, 4, 10, 11], "甲 丁 癸 11"),
        ("ideographZodiac", [1, 12], "子 亥"),
        ("decimalEnclosedCircle", [1, 10, 20, 21], "① ⑩ ⑳ 21"),
        ("decimalEnclosedParen", [1, 3], "⑴ ⑶"),
        ("decimalFullWidth", [7, 12], "７ １２"),
        ("decimalZero", [7, 12], "07 12"),
        ("upperLetter", [1, 26, 27, 28], "A Z AA BB"),
        ("lowerLetter", [3], "c"),
        ("upperRoman", [4, 9, 14, 1999], "IV IX XIV MCMXCIX"),
        ("lowerRoman", [3], "iii"),
        ("ordinal", [1, 2, 3, 11, 22], "1st 2nd 3rd 11th 22nd"),
        ("aNewFormat", [5], "5"),
    ],
)
def test_counters_are_shown_in_their_format(fmt: str, values: list[int], shown: str) -> None:
    assert [format_number(v, fmt) for v in values] == shown.split()


# -- list definitions written by hand, as Word writes them ---------------------------------------------


def numbered_docx(levels: str, paragraphs: list[tuple[str, str | None, int | None]], nums: str = "") -> bytes:
    """A .docx whose abstract list 90 has `levels` (w:lvl XML), used by w:num 90 (and `nums`); each
    paragraph is (text, numId, ilvl), numId None for an unnumbered paragraph."""
    d = docx.Document()
    numbering = d.part.numbering_part.element
    abstract = parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">{levels}</w:abstractNum>')
    numbering.find(f"{{{numbering.nsmap['w']}}}num").addprevious(abstract)
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    for num in parse_xml(f"<w:x {nsdecls('w')}>{nums}</w:x>"):
        numbering.append(num)
    for text, num_id, level in paragraphs:
        p = d.add_paragraph(text)
        if num_id is not None:
            p._p.get_or_add_pPr().insert(
                0,
                parse_xml(
                    f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level or 0}"/><w:numId w:val="{num_id}"/></w:numPr>'
                ),
            )
    buffer = io.BytesIO()
    d.save(buffer)
    return buffer.getvalue()


def lvl(level: int, fmt: str, text: str, start: int = 1, extra: str = "") -> str:
    return (
        f'<w:lvl w:ilvl="{level}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>{extra}'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl>'
    )


def lines(data: bytes) -> list[str]:
    document = read_bytes("编号.docx", data)
    assert document.reference.splitlines() == document.text.splitlines()
    return document.text.splitlines()


def test_legal_numbering_shows_every_level_in_digits_and_a_deeper_level_restarts() -> None:
    levels = lvl(0, "chineseCounting", "第%1章") + lvl(1, "decimal", "%1.%2", extra="<w:isLgl/>")
    paragraphs = [
        ("总则", "90", 0),
        ("目的", "90", 1),
        ("范围", "90", 1),
        ("服务", "90", 0),
        ("内容", "90", 1),
    ]
    assert lines(numbered_docx(levels, paragraphs)) == [
        "第一章 总则",
        "1.1 目的",
        "1.2 范围",
        "第二章 服务",
        "2.1 内容",
    ]


def test_lvl_restart_zero_keeps_counting_across_higher_levels() -> None:
    levels = lvl(0, "chineseCounting", "%1、") + lvl(1, "decimal", "%2.", extra='<w:lvlRestart w:val="0"/>')
    paragraphs = [("甲", "90", 0), ("子项。", "90", 1), ("乙", "90", 0), ("又一项。", "90", 1)]
    assert lines(numbered_docx(levels, paragraphs)) == ["一、甲", "1. 子项。", "二、乙", "2. 又一项。"]


def test_numbering_switched_off_an_empty_item_a_hidden_number_and_a_restart() -> None:
    levels = lvl(0, "decimal", "%1.", start=3)
    restart = (
        '<w:num w:numId="91"><w:abstractNumId w:val="90"/><w:lvlOverride w:ilvl="0">'
        '<w:startOverride w:val="1"/></w:lvlOverride></w:num>'
    )
    data = numbered_docx(
        levels,
        [
            ("第一项。", "90", 0),
            ("", "90", 0),
            ("不编号。", "0", 0),
            ("第三项。", "90", 0),
            ("重新开始。", "91", 0),
        ],
        restart,
    )
    assert lines(data) == ["3. 第一项。", "不编号。", "5. 第三项。", "1. 重新开始。"]


def test_a_bullet_adds_no_character_and_suff_nothing_adds_no_space() -> None:
    levels = lvl(0, "bullet", "\uf0b7") + lvl(1, "decimal", "(%2)", extra='<w:suff w:val="nothing"/>')
    assert lines(numbered_docx(levels, [("要点。", "90", 0), ("细目。", "90", 1)])) == ["要点。", "(1)细目。"]


# -- any nesting, any formats and starts -----------------------------------------------------------------

# An independent, literal oracle for the formats the property test draws (values stay below 30).
_ORACLE = {
    "decimal": lambda n: str(n),
    "chineseCountingThousand": lambda n: (
        ("" if n < 20 else "一二"[n // 10 - 1]) * (n >= 10)
        + ("十" if n >= 10 else "")
        + ("" if n % 10 == 0 else "一二三四五六七八九"[n % 10 - 1])
    ),
    "decimalEnclosedCircle": lambda n: "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"[n - 1] if n <= 20 else str(n),
    "upperLetter": lambda n: chr(64 + n) if n <= 26 else chr(64 + n - 26) * 2,
}
_TEMPLATES = ["%{}、", "（%{}）", "第%{}条", "%{}."]
level_spec = st.tuples(st.sampled_from(sorted(_ORACLE)), st.sampled_from(_TEMPLATES), st.integers(1, 5))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(level_spec, min_size=3, max_size=3),
    st.lists(st.integers(0, 2), min_size=1, max_size=14),
)
def test_random_nested_lists_keep_every_paragraph_once_in_order_with_words_number(specs, path) -> None:  # type: ignore[no-untyped-def]
    fmts = [fmt for fmt, _template, _start in specs]
    levels = "".join(
        lvl(i, fmt, template.format(i + 1), start)
        for i, (fmt, (_f, template, start)) in enumerate(zip(fmts, specs, strict=True))
    )
    counters: list[int | None] = [None, None, None]
    wanted = []
    paragraphs = []
    depth = 0
    for i, requested in enumerate(path):
        level = min(requested, depth + 1) if i else 0  # never skip a level down
        depth = level
        counters[level] = specs[level][2] if counters[level] is None else counters[level] + 1  # type: ignore[operator]
        for deeper in range(level + 1, 3):
            counters[deeper] = None
        number = (
            specs[level][1].format(level + 1).replace(f"%{level + 1}", _ORACLE[fmts[level]](counters[level]))
        )
        separator = "" if number[-1] in "、）" else " "
        text = f"第{i}段内容。"
        paragraphs.append((text, "90", level))
        wanted.append(number + separator + text)
    assert lines(numbered_docx(levels, paragraphs)) == wanted


# -- tracked changes -----------------------------------------------------------------------------------

_CHANGE = 'w:author="办公室" w:date="2025-04-08T09:00:00Z"'


def tracked_docx(paragraphs: list[tuple[str, str]]) -> bytes:
    """A .docx of 「List Number」 paragraphs, each (text, change) as Word writes a tracked change:
    "" none; "deleted" text and mark deleted; "mark-deleted" only the mark deleted (the text kept);
    "moved-from"/"moved-to" the old and new place of a paragraph moved."""
    d = docx.Document()
    for number, (text, change) in enumerate(paragraphs):
        p = d.add_paragraph(style="List Number")
        mark = {"deleted": "del", "mark-deleted": "del", "moved-from": "moveFrom", "moved-to": "moveTo"}
        if change in mark:
            p._p.get_or_add_pPr().append(
                parse_xml(
                    f'<w:rPr {nsdecls("w")}><w:{mark[change]} w:id="{100 + number}" {_CHANGE}/></w:rPr>'
                )
            )
        if change == "deleted":
            run = f'<w:del {nsdecls("w")} w:id="{number}" {_CHANGE}><w:r><w:delText>{text}</w:delText></w:r></w:del>'
        elif change in ("moved-from", "moved-to"):
            tag = "moveFrom" if change == "moved-from" else "moveTo"
            run = f'<w:{tag} {nsdecls("w")} w:id="{number}" {_CHANGE}><w:r><w:t>{text}</w:t></w:r></w:{tag}>'
        else:
            p.add_run(text)
            continue
        p._p.append(parse_xml(run))
    buffer = io.BytesIO()
    d.save(buffer)
    return buffer.getvalue()


def checked_lines(data: bytes) -> list[str]:
    """The lines read, once `add --check`'s own reading has been found to agree with them."""
    document = read_bytes("慰问办法.docx", data)
    report = check_conservation(document, passages_of(document))
    assert report.ok, report
    return lines(data)


def test_a_paragraph_deleted_as_a_tracked_change_takes_no_number() -> None:
    data = tracked_docx([("探望每月一次。", "deleted"), ("体检每年一次。", ""), ("慰问金每人五百元。", "")])
    assert checked_lines(data) == ["1. 体检每年一次。", "2. 慰问金每人五百元。"]
    data = tracked_docx([("探望每月一次。", ""), ("体检每年一次。", "deleted"), ("慰问金每人五百元。", "")])
    assert checked_lines(data) == ["1. 探望每月一次。", "2. 慰问金每人五百元。"]


def test_a_moved_paragraph_is_numbered_at_its_new_place_only() -> None:
    data = tracked_docx(
        [
            ("探望每月一次。", "moved-from"),
            ("体检每年一次。", ""),
            ("慰问金每人五百元。", ""),
            ("探望每月一次。", "moved-to"),
        ]
    )
    assert checked_lines(data) == ["1. 体检每年一次。", "2. 慰问金每人五百元。", "3. 探望每月一次。"]


def test_text_left_of_a_paragraph_whose_mark_is_deleted_runs_on_into_the_next_numbered_one() -> None:
    # Word runs the text on into the next paragraph, which carries the number; it takes no number of its own.
    data = tracked_docx(
        [("探望每月一次，", "mark-deleted"), ("体检每年一次。", ""), ("慰问金每人五百元。", "")]
    )
    assert checked_lines(data) == ["1. 探望每月一次，体检每年一次。", "2. 慰问金每人五百元。"]


# -- 「List Number」 items that are sentences (make_word_lists.py) -------------------------------------------

LISTS = TARGET.with_name("word_lists.docx")


def test_list_items_that_are_sentences_are_body_text_under_the_heading_of_their_list() -> None:
    """Every line Word shows reaches exactly one passage, in order; the items that are sentences (and the
    long one with no end mark) are no sections, so the table and paragraph after the first list are cited
    under 「一、慰问对象」, not under its last item; the short items over paragraphs still name them."""
    want = expected(LISTS)
    document = read_document(LISTS)
    [speech] = parse_document(document)
    passages = passages_of(document)
    flat = "".join(re.sub(r"\s", "", p) for p in passages)
    position = 0
    for line in want["paragraphs"]:
        needle = re.sub(r"\s", "", line)
        assert flat.count(needle) == 1, line
        assert flat.find(needle) >= position, f"out of order: {line}"
        position = flat.find(needle)
    assert list(dict.fromkeys(p.section for p in speech.paragraphs if p.section)) == [
        HEAD_SECTION,  # 发文机关 and 主送: the notice's head
        "一、慰问对象",
        "二、工作要求 › 4. 加强组织领导",
        "二、工作要求 › 5. 严守纪律规矩",
        "三、时间安排",
    ]
    by_text = {p.text: p.section for p in speech.paragraphs}
    assert by_text["慰问金由各单位从老干部工作经费中列支，不得挤占挪用。"] == "一、慰问对象"
    assert by_text["对象：离休干部；慰问金标准：每人2000元"] == "一、慰问对象"
    assert by_text["工作中遇到的问题请及时与市委老干部局联系。"] == "三、时间安排"
    for absent in want["absent"]:
        assert all(absent not in p for p in passages)
    assert check_conservation(document, passages).ok


phrase = st.text(alphabet="政治理论学习形势政策解读健康养生知识业务培训书法绘画", min_size=3, max_size=10)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(phrase, min_size=2, max_size=5, unique=True), st.booleans())
def test_a_row_of_phrase_items_closed_by_a_sentence_opens_no_section(items, another: bool) -> None:  # type: ignore[no-untyped-def]
    """「List Number」 items that are phrases (no end mark) in a row, then a sentence that closes the list:
    every item is body text, once and in order, and the closing sentence is cited under the list's
    heading — before, the last item was read as a heading over it."""
    d = docx.Document()
    d.add_paragraph("关于做好春节后集中学习工作的通知", style="Title")
    d.add_paragraph("各区县委老干部局，市直各单位：")
    d.add_paragraph("为做好春节后集中学习工作，现将有关事项通知如下。")
    d.add_paragraph("一、学习安排", style="Heading 1")
    d.add_paragraph("春节后集中学习的内容包括：")
    for item in items:
        d.add_paragraph(item, style="List Number")
    closing = "以上内容由各单位结合实际安排，学习情况纳入年度考核。"
    d.add_paragraph(closing)
    if another:
        d.add_paragraph("二、工作要求", style="Heading 1")
        d.add_paragraph("各单位要高度重视，认真组织。")
    out = io.BytesIO()
    d.save(out)
    document = read_bytes("通知.docx", out.getvalue())
    [speech] = parse_document(document)
    assert [p.section for p in speech.paragraphs if closing in p.text] == ["一、学习安排"]
    flat = "".join(re.sub(r"\s", "", p) for p in passages_of(document))
    position = 0
    for n, item in enumerate(items, start=1):
        needle = f"{n}.{item}"
        assert flat.count(needle) == 1, needle
        assert flat.index(needle) >= position, needle
        position = flat.index(needle)
