"""A received document filed behind its routing slip (收文处理笺 / 处理单 / 阅办单 / 办文单) is titled, numbered and
issued as the slip names it, and the slip is read as a part of its own (read67).

cold40's letter was titled by its slip's heading (「中共棠樾县委老干部局收文处理笺」), had no 文号, and its
masthead, number and title ran into one passage. The files: ``tests/fixtures/routing_slips/`` made by
``make_slips.py`` there — python-docx (a 「Table Grid」 slip, a page break, the notice as received, with no
文号 of its own), LibreOffice's .pdf, .odt and .doc of it, and its pages OCR'd by Tesseract into a PDF with a
text layer (the scan's labels and values run together, values wrapped over lines).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus import check_conservation, chunk_speech, parse_document, read_bytes
from corpus.records import Block, Document
from corpus.slips import routing_slip
from tests.fixtures.routing_slips.make_slips import BODY, HEADING, ROWS, SIGN, TITLE

FOLDER = Path(__file__).parent / "fixtures" / "routing_slips"
COLD40 = (
    Path(__file__).parents[1]
    / "benchmarks"
    / "corpus-cold40"
    / "收文处理笺（县文化馆皮影戏专场演出邀请函）.docx"
)


def squash(text: str) -> str:
    """Compared without spaces, brackets (OCR reads some half-width) and a label's colon (a scan's row is read
    as printed, 「来文单位 青州市老年大学」)."""
    return re.sub(r"[\s()（）：]", "", text)


@pytest.mark.parametrize(
    "name", ["received.docx", "received.pdf", "received.odt", "received.doc", "received-scan.pdf"]
)
def test_a_notice_behind_its_slip_is_titled_numbered_and_issued_by_the_slip(name: str) -> None:
    """main: titled 「青州市委老干部局收文处理单」, no 文号."""
    path = FOLDER / name
    document = read_bytes(name, path.read_bytes())
    [speech] = parse_document(document)
    fields = dict(ROWS)
    assert speech.title == TITLE
    assert speech.doc_number == fields["来文字号"]  # the notice's own page has none
    assert speech.issuer == SIGN[0]
    assert speech.date == "2031-08-01"  # the notice's own date, not the day it was received
    slip = [p.text for p in speech.paragraphs if p.section == HEADING]
    assert [squash(t) for t in slip] == [squash(f"{label}：{value}") for label, value in ROWS]
    body = [p.text for p in speech.paragraphs if p.section not in (HEADING, "文件信息")]
    assert squash(body[0]) == squash(BODY[0])  # the notice's first sentence, not a slip row or heading
    assert not any(HEADING in p.text for p in speech.paragraphs)
    passages = [p.text for p in chunk_speech(speech)]
    assert check_conservation(document, passages).ok
    joined = squash("".join(passages))
    for text in BODY:
        assert joined.count(squash(text)) == 1


def test_cold40s_letter_is_the_letter_its_slip_names() -> None:
    """main: 「中共棠樾县委老干部局收文处理笺」, no 文号; the masthead, number and title one passage."""
    document = read_bytes(COLD40.name, COLD40.read_bytes())
    [speech] = parse_document(document)
    assert speech.title == "关于邀请离退休干部观看皮影戏专场演出的函"
    assert (speech.doc_number, speech.issuer, speech.date) == (
        "棠文馆函〔2035〕7号",
        "棠樾县文化馆",
        "2035-05-05",
    )
    passages = [p.text for p in chunk_speech(speech)]
    assert not any("棠樾县文化馆棠文馆函" in p for p in passages)
    批示 = [p for p in speech.paragraphs if p.text.startswith("领导批示：")]
    assert [p.section for p in 批示] == ["中共棠樾县委老干部局收文处理笺"]
    assert check_conservation(document, passages).ok


def test_a_drafting_form_is_no_slip_and_a_short_first_sentence_stays_the_documents() -> None:
    """A 发文稿纸's 文号 and 标题 name the document it drafts, not one received; the document's first sentence
    after a slip's last row is not taken for that row's value wrapped."""
    draft = [
        "发文稿纸",
        "文号：某发〔2030〕1号",
        "标题：关于某事的通知",
        "主送：各单位",
        "为做好某事，现通知如下。",
    ]
    assert routing_slip(draft, ["", "table_row", "table_row", "table_row", ""]) is None
    lines = ["文件阅办单", "来文单位：某局", "文件标题：关于某事的通知", "为做好某事，现通知如下。"]
    for kinds in (["", "table_row", "table_row", ""], ["", "", "", ""]):
        slip = routing_slip(lines, kinds)
        assert slip is not None and slip.end == 3 and slip.title == "关于某事的通知"


def test_a_form_that_is_the_document_is_no_slip() -> None:
    """A 呈批件's rows are its text: no 来文 row, so no slip, and it is titled as before."""
    rows = ["拟稿单位：办公室", "文件标题：关于购置活动室桌椅的请示", "领导批示：同意。"]
    assert (
        routing_slip(["呈批件", *rows, "附：报价单。"], ["paragraph", *["table_row"] * 3, "paragraph"])
        is None
    )
    assert routing_slip(["通知", "来文单位：某局", "文件标题：某事"], ["", "", ""]) is None  # nothing behind


_UNIT = st.sampled_from(["中共青溪县委老干部局", "某市退休干部管理处", "县委办公室", ""])
_KIND = st.sampled_from(["收文处理笺", "收文处理单", "文件阅办单", "办文单", "来文处理单", "收文阅办单"])
_VALUES = {
    "来文单位": "县老年体协",
    "来文字号": "县老体字〔2030〕3号",
    "收文日期": "2030年4月2日",
    "收文编号": "收〔2030〕12号",
    "文件标题": "关于举办门球邀请赛的通知",
    "拟办意见": "建议转文体科办理，请局领导阅示。",
    "局领导批示": "同意。请文体科组队参赛。",
    "办理结果": "已组队报名，共12人。",
}
_NOTICE = (
    "关于举办门球邀请赛的通知",
    "各会员单位：",
    "为丰富老同志文体生活，定于5月10日举办门球邀请赛。",
    "请于4月30日前报名，每队5至8人。",
    "县老年体协",
    "2030年4月1日",
)


@settings(max_examples=60, deadline=None)
@given(
    unit=_UNIT,
    kind=_KIND,
    headed=st.booleans(),
    labels=st.lists(st.sampled_from(sorted(_VALUES)), min_size=0, max_size=6, unique=True),
    style=st.sampled_from(["table_row", "colon", "spaced", "run_on"]),
)
def test_slip_rows_and_the_document_behind_are_each_read_once_in_order(
    unit: str, kind: str, headed: bool, labels: list[str], style: str
) -> None:
    """Any slip (headed or not; its rows a table's, or typed with a colon, spaces or nothing after the
    label) naming the document and where it came from: the document is titled by the slip's 文件标题 and
    numbered by its 来文字号, every row read once under the slip in order, every sentence of the document
    once, in order, outside it."""
    # a slip without its heading shows three of its labels at least
    labels = sorted(
        {"来文单位", "文件标题", *labels, *([] if headed else ["收文日期"])}, key=list(_VALUES).index
    )
    row_kind = "table_row" if style == "table_row" else ""
    sep = {"table_row": "：", "colon": "：", "spaced": "  ", "run_on": ""}[style]
    heading = unit + kind
    lines = [(heading, "paragraph")] if headed else []
    lines += [(f"{label}{sep}{_VALUES[label]}", row_kind) for label in labels]
    lines += [(text, "paragraph" if row_kind else "") for text in _NOTICE]
    document = Document(
        name="slip.docx",
        text="\n".join(text for text, _ in lines),
        encoding="docx",
        blocks=tuple(Block(text=text, kind=k) for text, k in lines),
    )
    [speech] = parse_document(document)
    assert speech.title == _VALUES["文件标题"]
    assert speech.issuer == "县老年体协"
    if "来文字号" in labels:
        assert speech.doc_number == _VALUES["来文字号"]
    section = heading if headed else "收文处理笺"
    slip = [p.text for p in speech.paragraphs if p.section == section]
    shown = "：" if sep == "：" else " "  # a row read as printed: a label without a colon stays a word apart
    assert slip == [f"{label}{shown}{_VALUES[label]}" for label in labels]
    passages = [p.text for p in chunk_speech(speech)]
    assert check_conservation(document, passages).ok
    rest = "".join(squash(p.text) for p in speech.paragraphs if p.section != section)
    positions = [rest.find(squash(text)) for text in _NOTICE[2:4]]
    assert -1 not in positions and positions == sorted(positions)
    assert all(rest.count(squash(text)) == 1 for text in _NOTICE[2:4])


REVIEW = Path(__file__).parent / "fixtures" / "routing_slips"


@pytest.mark.parametrize("suffix", [".docx", ".pdf", ".doc"])
def test_a_four_column_slip_reads_each_pair_as_a_row(suffix: str) -> None:
    """read67: a row 「来文单位 | 青州市老年大学 | 来文字号 | 青老大字〔2031〕9号」 was one row whose value ran on — the
    title 「关于2031年秋季学期招生的通知；收文日期：2031年8月3日」, no 文号."""
    from tests.fixtures.routing_slips.make_review_slips import FOUR_COLUMN_ROWS
    from tests.fixtures.routing_slips.make_review_slips import HEADING as SLIP
    from tests.fixtures.routing_slips.make_review_slips import TITLE as NOTICE

    name = "four-column" + suffix
    document = read_bytes(name, (REVIEW / name).read_bytes())
    [speech] = parse_document(document)
    assert speech.title == NOTICE
    assert speech.doc_number == "青老大字〔2031〕9号"
    assert speech.issuer == "青州市老年大学"
    slip = [p.text for p in speech.paragraphs if p.section == SLIP]
    # a row as printed: its two pairs one line, as cited
    pairs = [f"{label}：{value}" for label, value in FOUR_COLUMN_ROWS]
    assert slip == ["；".join(pairs[at : at + 2]) for at in range(0, len(pairs), 2)]
    assert check_conservation(document, [p.text for p in chunk_speech(speech)]).ok


@pytest.mark.parametrize("suffix", [".docx", ".pdf", ".doc"])
def test_the_pages_own_title_wins_over_the_slips_and_neither_is_lost(suffix: str) -> None:
    """read67: the slip's 「老年大学招生通知」 titled the notice and its own printed title was read nowhere."""
    from tests.fixtures.routing_slips.make_review_slips import BODY as NOTICE_BODY
    from tests.fixtures.routing_slips.make_review_slips import HEADING as SLIP
    from tests.fixtures.routing_slips.make_review_slips import TITLE as NOTICE

    name = "own-title" + suffix
    document = read_bytes(name, (REVIEW / name).read_bytes())
    [speech] = parse_document(document)
    assert speech.title == NOTICE
    assert speech.doc_number == "青老大字〔2031〕9号"  # the page prints none: the slip's
    assert "文件标题：老年大学招生通知" in [p.text for p in speech.paragraphs if p.section == SLIP]
    passages = [p.text for p in chunk_speech(speech)]
    assert check_conservation(document, passages).ok
    body = [p.text for p in speech.paragraphs if p.section != SLIP]
    assert squash(body[1]) == squash(
        NOTICE_BODY[0]
    )  # after the 文件信息 passage, the notice's first sentence


_PAIR_VALUE = st.builds(
    "".join,
    st.tuples(
        st.text(
            alphabet=st.sampled_from(
                "青州市老年大学局办公室同意转发拟组织科报名人数〔〕号年月日0123456789，。、"
            ),
            min_size=1,
            max_size=24,
        ).filter(lambda value: value[0] not in "，。、"),
        st.sampled_from(["", "（韦承志，8月4日）", "。"]),
    ),
)


@settings(max_examples=120, deadline=None)
@given(
    rows=st.lists(
        st.tuples(st.sampled_from(sorted(_VALUES)), _PAIR_VALUE),
        min_size=3,
        max_size=8,
        unique_by=lambda r: r[0],
    ),
    columns=st.sampled_from([2, 4]),
    style=st.sampled_from(["table_row", "colon", "spaced"]),
    headed=st.booleans(),
)
def test_a_slips_pairs_read_to_the_same_fields_two_or_four_to_a_row(
    rows: list[tuple[str, str]], columns: int, style: str, headed: bool
) -> None:
    """Any slip's label/value pairs, two columns (a pair a row) or four (two a row; the last row may hold one),
    as a table's rows, typed 「label：value」 lines or a scan's 「label value」: the same rows, in order, and
    the same 文件标题, 来文字号 and 来文单位."""
    rows = [("来文单位", "县老年体协"), ("文件标题", "关于举办门球邀请赛的通知"), *rows]
    rows = list({label: (label, value) for label, value in rows}.values())
    kind = "table_row" if style == "table_row" else ""
    sep = {"table_row": "：", "colon": "：", "spaced": " "}[style]
    joiner = "；" if style == "table_row" else "   "
    pairs = columns // 2
    texts = [
        joiner.join(f"{label}{sep}{value}" for label, value in rows[at : at + pairs])
        for at in range(0, len(rows), pairs)
    ]
    lines = ([("中共青溪县委老干部局收文处理笺", "paragraph")] if headed else []) + [(t, kind) for t in texts]
    lines += [(text, "paragraph") for text in _NOTICE]
    slip = routing_slip([t for t, _ in lines], [k for _, k in lines])
    assert slip is not None
    assert [(row.label, row.value) for row in slip.rows] == rows
    fields = dict(rows)
    assert slip.title == fields["文件标题"]
    assert slip.issuer == fields["来文单位"]
    assert slip.doc_number == ("".join(fields["来文字号"].split()) if "来文字号" in fields else None)
    assert slip.end == len(lines) - len(_NOTICE)
    assert slip.lines == tuple(texts)  # each line as printed
