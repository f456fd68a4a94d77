"""The last item of a numbered list at a body's end is a sentence of the text, never a section of itself
(docs61, cold34).

A Taiwan 函's 說明 runs its first item on from its label (「說明：一、參訪團由…」), so the last item
(「三、參訪期間之交通及膳宿費用由本會自理。」), one short sentence with no comma, had no sibling before it
and nothing after it, and was read as a run-in heading: a section named by its own words
(「[三、…自理]」). A numbered line of one sentence that heads nothing — the body ends under it, or a heading
of its level or above follows — is body text now, short or long, in clauses or not.

Files: ``tests/fixtures/gongwen/letter.*`` (python-docx and its LibreOffice Writer PDF, ``make_gongwen.py``)
and ``tests/fixtures/roc_dates/letter.docx`` (python-docx, ``make_roc_letter.py``).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus import parse_document, read_bytes

FIXTURES = Path(__file__).parent / "fixtures"
LETTERS = [
    FIXTURES / "gongwen" / "letter.python-docx.docx",
    FIXTURES / "gongwen" / "letter.writer.pdf",
    FIXTURES / "roc_dates" / "letter.docx",
]


@pytest.mark.parametrize("path", LETTERS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_the_last_item_of_a_letters_explanation_is_no_section(path: Path) -> None:
    """main: the last 說明 item a section of itself (「二、觀摩期間費用由本會自理」, 「三、…自理」)."""
    [letter] = parse_document(read_bytes(path.name, path.read_bytes()))
    body = [p for p in letter.paragraphs if p.section not in ("文件信息", "附注")]
    assert body[-1].text.endswith("由本會自理。")
    assert {p.section for p in body} == {None}


_NUMBERS = "一二三四五六七八"
_CLAUSE = st.text(
    alphabet="參訪團成員共人由本會理事長率領期間交通膳宿費用自書法教學觀摩", min_size=4, max_size=24
)


@settings(max_examples=40, deadline=None, derandomize=True)
@given(
    items=st.lists(_CLAUSE, min_size=2, max_size=6),
    label=st.sampled_from(["說明：", "说明：", ""]),
    comma=st.booleans(),
)
def test_a_lists_last_item_is_read_as_text(items: list[str], label: str, comma: bool) -> None:
    """Any list of one-sentence numbered items (the first perhaps run on from a label), the last item short or
    long, in clauses or not, as the body's last line of a notice: the last item names no section (it heads
    nothing), each item is read once. (Short items in a row before it each stand alone, as before.)"""
    lines = [f"{_NUMBERS[n]}、{item}{'，請查照' if comma and n else ''}。" for n, item in enumerate(items)]
    lines[0] = label + lines[0]
    text = "\n".join(
        ["關於組團參訪的通知", "各會員：", "本會擬組團赴貴縣參訪，現將有關事項通知如下。", *lines]
    )
    (speech,) = parse_document(read_bytes("通知.txt", text.encode("utf-8")))
    [last] = [p for p in speech.paragraphs if lines[-1] in p.text]
    assert last.section is None or not last.section.startswith(f"{_NUMBERS[len(items) - 1]}、")
    joined = "".join(p.text for p in speech.paragraphs)
    for line in lines:
        assert joined.count(line) == 1


CHECKUPS = [
    FIXTURES / "list_ends" / "checkup.python-docx.docx",
    FIXTURES / "list_ends" / "checkup.writer.pdf",
]


@pytest.mark.parametrize("path", CHECKUPS, ids=lambda p: p.name)
def test_a_list_ended_by_a_paragraph_numbered_a_level_above_has_its_last_item_in_its_section(
    path: Path,
) -> None:
    """read63: 「（三）胸部CT检查。」 over 「三、请各支部于…，…。」 (a sentence, read as a paragraph, not a heading)
    heads nothing: it is a sentence of 「二、体检项目」. main: a section of itself (「二、体检项目 › （三）胸部CT检查」)."""
    [notice] = parse_document(read_bytes(path.name, path.read_bytes()))
    [last] = [p for p in notice.paragraphs if "胸部CT检查" in p.text]
    assert last.section == "二、体检项目", last.section
    [closing] = [p for p in notice.paragraphs if p.text.startswith("三、请各支部")]
    assert closing.section is None


_ITEM = st.text(alphabet="血常规尿肝功能肾心电图腹部彩超胸检查视力听力", min_size=3, max_size=14)
_CLOSING = st.text(alphabet="请各支部于月日前将名单报送局老干部科逾期不再安排", min_size=6, max_size=20)


@settings(max_examples=40, deadline=None, derandomize=True)
@given(
    items=st.lists(_ITEM, min_size=2, max_size=5),
    closing=st.lists(_CLOSING, min_size=2, max_size=3),
    above=st.sampled_from(["三、", "四、", "五、"]),
)
def test_a_lists_last_item_over_a_numbered_paragraph_a_level_above_is_text(
    items: list[str], closing: list[str], above: str
) -> None:
    """Items 「（一）…。」 under a heading 「二、…」, then a numbered sentence in clauses a level above (a paragraph,
    no heading): the last item names no section of its own, every line is read once, in order."""
    lines = [f"（{_NUMBERS[n]}）{item}。" for n, item in enumerate(items)]
    tail = f"{above}{'，'.join(closing)}。"
    text = "\n".join(
        ["关于组织秋季健康体检的通知", "各支部：", "现将有关事项通知如下。", "二、体检项目", *lines, tail]
    )
    (speech,) = parse_document(read_bytes("通知.txt", text.encode("utf-8")))
    [last] = [p for p in speech.paragraphs if lines[-1] in p.text]
    assert last.section is None or not last.section.endswith(lines[-1].rstrip("。"))
    joined = "".join(p.text for p in speech.paragraphs)
    at = [joined.find(line) for line in [*lines, tail]]
    assert all(joined.count(line) == 1 for line in [*lines, tail]), joined
    assert at == sorted(at)


AWARDS = [FIXTURES / "list_ends" / "award.python-docx.docx", FIXTURES / "list_ends" / "award.writer.txt"]


@pytest.mark.parametrize("path", AWARDS, ids=lambda p: p.name)
def test_a_sentence_counting_numbers_does_not_end_the_list_above_it(path: Path) -> None:
    """mend63r: 「一、二、三等奖获奖者均颁发证书…。」 counts prizes, it is no paragraph numbered 「一、」, so the
    item 「（三）三等奖10名。」 over it is read as its siblings are (read63 read it as a sentence of 「二、奖项设置」)."""
    [notice] = parse_document(read_bytes(path.name, path.read_bytes()))
    items = [p for p in notice.paragraphs if p.text.startswith("（") and "等奖" in p.text]
    assert [p.section for p in items] == [
        "二、奖项设置 › （一）一等奖3名",
        "二、奖项设置 › （二）二等奖5名",
        "二、奖项设置 › （三）三等奖10名",
    ]


INVERTED = [
    FIXTURES / "list_ends" / "inverted.python-docx.docx",
    FIXTURES / "list_ends" / "inverted.writer.txt",
]


@pytest.mark.parametrize("path", INVERTED, ids=lambda p: p.name)
def test_a_level_is_above_by_the_order_the_document_numbers_in(path: Path) -> None:
    """mend63r: a notice numbering 「（一）组织领导。」 over 「一、…」 items: 「（一）」 is its upper level, so the
    「一、」 after it opens no upper section and 「（一）组织领导。」 heads its items, as on main (read63 joined it to
    them as one sentence)."""
    [notice] = parse_document(read_bytes(path.name, path.read_bytes()))
    texts = [p.text for p in notice.paragraphs]
    assert "（一）组织领导。" in texts and "（二）时间安排。" in texts, texts
    for heading in ("（一）组织领导", "（二）时间安排"):
        assert any(p.section == heading for p in notice.paragraphs), [p.section for p in notice.paragraphs]


@settings(max_examples=40, deadline=None, derandomize=True)
@given(
    groups=st.lists(st.lists(_ITEM, min_size=1, max_size=3), min_size=2, max_size=3),
)
def test_items_numbered_one_two_under_parts_numbered_with_brackets_read_as_the_document_orders_them(
    groups: list[list[str]],
) -> None:
    """Parts 「（一）…。」 each over items 「一、…。」 (the reverse of the usual order): every part heads a section of
    its own words, every line is read once and in order."""
    parts = [f"（{_NUMBERS[n]}）{item[0]}安排。" for n, item in enumerate(groups)]
    lines: list[str] = []
    for n, (part, items) in enumerate(zip(parts, groups, strict=True)):
        lines.append(part)
        lines += [f"{_NUMBERS[k]}、第{n + 1}组{item}，请各支部按时参加。" for k, item in enumerate(items)]
    text = "\n".join(["关于做好体检工作的通知", "各支部：", "现将有关事项通知如下。", *lines])
    (speech,) = parse_document(read_bytes("通知.txt", text.encode("utf-8")))
    sections = {p.section for p in speech.paragraphs}
    for part in parts:
        assert part.rstrip("。") in sections, (part, sections)
    joined = "".join(p.text for p in speech.paragraphs)
    at = [joined.find(line) for line in lines]
    assert all(joined.count(line) == 1 for line in lines), joined
    assert at == sorted(at)
