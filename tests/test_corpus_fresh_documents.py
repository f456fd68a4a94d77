"""Documents from an independent test pass (tests/fixtures/documents/make_fresh_texts.py), and the general
rules its defects led to, as properties:

- a hard-wrapped text that indents its paragraphs and sets its headings flush left is read as indenting
  them, so a wrapped line that ends a sentence does not end the paragraph when the next line is flush left;
- a header in traditional script (「市委常委、組織部部長　劉曉東」, 「同志們：」, 「發布時間：」) reads as the
  same header in simplified script;
- an addressee line that lost its colon (OCR, a typist) is not run into the title;
- a short line with no sentence in it, over longer body text, is an unnumbered heading;
- ragged lines at a page's left beside a signature set on the right are not two columns.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import opencc
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from bench.documents import wrap
from corpus import HEAD_SECTION, check_conservation, chunk_speech, parse_document, read_bytes, read_document
from corpus.columns import read_columns
from corpus.layout import Line, Page

EXAMPLES = int(os.environ.get("SPEECHQA_PROPERTY_EXAMPLES", "25"))
FIXTURES = Path(__file__).parent / "fixtures" / "documents"
FRESH = sorted(FIXTURES.glob("fresh_*.json"))
PLAIN = "的在不了有和人这中大为上个我以他时用们生到作地于出就分对成会可主发动同工也能下过子说产种而后多定行学法所民得经"
ENDS = "。！？；"
S2T = opencc.OpenCC("s2tw")


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("case", FRESH, ids=lambda c: c.name.removesuffix(".json"))
def test_fresh_fixtures_are_read_with_their_metadata_and_whole_paragraphs(case: Path) -> None:
    expected = json.loads(case.read_text(encoding="utf-8"))
    [speech] = parse_document(read_document(case.with_name(case.name.removesuffix(".json"))))
    assert (speech.title, speech.date, speech.speaker, speech.doc_number) == (
        expected["title"],
        expected["date"],
        expected["speaker"],
        expected["doc_number"],
    )
    passages = [(d.section or "", squeeze(d.text)) for d in chunk_speech(speech)]
    for paragraph in expected["paragraphs"]:
        assert any(squeeze(paragraph) in text for _, text in passages), paragraph
    sections = " › ".join(section for section, _ in passages)
    for section in expected["sections"]:
        assert section in sections
    assert "一则" not in sections and "一則" not in sections  # a sentence's first word, not a point


heading = st.builds(
    lambda n, body: "一二三四五六七八九"[n] + "、" + body,
    st.integers(0, 8),
    st.text(PLAIN, min_size=3, max_size=10),
)
sentence = st.builds(
    lambda body, end: body + end, st.text(PLAIN, min_size=4, max_size=30), st.sampled_from(ENDS)
)
paragraph = st.lists(sentence, min_size=1, max_size=4).map("".join)
# Long enough to wrap: a text needs a few wrapped lines to be recognised as wrapped at all.
long_paragraph = st.lists(
    st.builds(lambda body, end: body + end, st.text(PLAIN, min_size=10, max_size=30), st.sampled_from(ENDS)),
    min_size=2,
    max_size=4,
).map("".join)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.tuples(heading, st.lists(long_paragraph, min_size=1, max_size=3)), min_size=3, max_size=5),
    st.integers(min_value=17, max_value=30),  # the title (14 characters) well inside the wrapped lines
)
def test_indented_paragraphs_under_flush_headings_come_back_whole(
    sections: list[tuple[str, list[str]]], width: int
) -> None:
    """Wrapped at any width, each indented paragraph is one line again, even where a wrapped line ends
    exactly at a sentence's end and the next one is flush left."""
    lines = ["在全市老干部工作会议上的讲话", "张建国", "2024年3月5日", "同志们："]
    for title, paragraphs in sections:
        lines.append(title)
        for text in paragraphs:
            lines += wrap("\u3000\u3000" + text, width, width)
    lines.append("\u3000\u3000谢谢大家！")
    # Wrapped as the reader can tell: several lines at the width, most of them ending inside a sentence.
    full = [line for line in lines if len(line) >= width]
    assume(sum(not line.endswith(tuple(ENDS)) for line in full) >= max(3, len(full) // 2 + 1))
    text = read_document_text("\n".join(lines) + "\n")
    read = {squeeze(line) for line in text.splitlines()}
    for _, paragraphs in sections:
        for paragraph_text in paragraphs:
            assert squeeze(paragraph_text) in read


def read_document_text(text: str) -> str:
    return read_bytes("讲话.txt", text.encode("gbk")).text


POSTS = (
    "市委常委、组织部部长",
    "县委副书记",
    "市老干部局局长",
    "市委老干部局党组书记、局长",
    "省民政厅副厅长",
)
NAMES = ("刘晓东", "张建国", "陈志明", "赵丽华", "欧阳明")
DATES = ("（2024年1月18日）", "2024年1月18日", "二〇二四年一月十八日")


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(POSTS),
    st.sampled_from(NAMES),
    st.sampled_from(("　", " ", "")),
    st.sampled_from(DATES),
    st.sampled_from(("同志们：", "各位老同志：", "同志们，朋友们：")),
    st.lists(long_paragraph, min_size=2, max_size=4),  # one paragraph a line, longer than the header lines
)
def test_a_traditional_script_header_reads_as_the_simplified_one(
    post: str, name: str, gap: str, date: str, salutation: str, body: list[str]
) -> None:
    simplified = (
        "\n".join(["在全市老干部工作会议上的讲话", post + gap + name, date, salutation, *body]) + "\n"
    )
    traditional = str(S2T.convert(simplified))
    [a] = parse_document(read_bytes("讲话.txt", simplified.encode("utf-8")))
    [b] = parse_document(read_bytes("講話.txt", traditional.encode("utf-8")))
    assert a.speaker == name
    assert (b.title, b.speaker, b.date) == (str(S2T.convert(a.title)), str(S2T.convert(name)), a.date)
    assert [p.text for p in b.paragraphs] == [str(S2T.convert(p.text)) for p in a.paragraphs]


ISSUERS = (
    "温州老年大学教务处",
    "市委老干部局办公室",
    "临江市民政局",
    "市老龄工作委员会",
    "中共临江市委组织部",
    "市老干部活动中心",
    "市关心下一代工作委员会",
)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.sampled_from(ISSUERS), min_size=1, max_size=2, unique=True),
    st.sampled_from(("2025年12月18日", "二〇二五年十二月十八日")),
    st.lists(long_paragraph, min_size=1, max_size=3),
    st.sampled_from(("utf-8", "big5")),
)
def test_a_traditional_script_signature_is_read_as_the_simplified_one(
    issuers: list[str], date: str, body: list[str], encoding: str
) -> None:
    """A notice typed in traditional script (a Big5 file from Taiwan or Hong Kong, or converted) is signed
    by its issuer as the same notice in simplified script is: 「溫州老年大學教務處」 over the date is the
    issuer, not the end of the last passage (before, an organisation's ending was looked for in simplified
    script only, and 處, 辦, 員會 … were missed: the sign-off became the 要点 of a question on fees)."""
    simplified = "\n".join(["关于老年大学2026年春季学期招生的说明", *body, *issuers, date]) + "\n"
    traditional = str(S2T.convert(simplified))
    [a] = parse_document(read_bytes("说明.txt", simplified.encode("utf-8")))
    [b] = parse_document(read_bytes("說明.txt", traditional.encode(encoding, "replace")))
    assume("?" not in traditional.encode(encoding, "replace").decode(encoding))  # all of it in Big5
    assert a.issuer == " ".join(issuers) and a.date == "2025-12-18"
    assert (b.issuer, b.date) == (str(S2T.convert(a.issuer)), a.date)
    assert [p.text for p in b.paragraphs] == [str(S2T.convert(p.text)) for p in a.paragraphs]


BODIES = (
    "各县（市、区）委老干部局",
    "市直各单位",
    "各区县人民政府",
    "市政府各部门",
    "各有关单位",
    "市委老干部局",
)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.sampled_from(BODIES), min_size=2, max_size=4, unique=True),
    st.sampled_from(("：", ":", "")),
    st.lists(paragraph, min_size=1, max_size=3),
)
def test_an_addressee_with_or_without_its_colon_is_not_part_of_the_title(
    bodies: list[str], colon: str, body: list[str]
) -> None:
    title = "关于做好2024年度离退休干部健康体检工作的通知"
    text = "\n".join(["临老干发〔2024〕12号", title, "，".join(bodies) + colon, *body]) + "\n"
    [speech] = parse_document(read_bytes("通知.txt", text.encode("utf-8")))
    assert speech.title == title
    # the 文号 and the addressee are the document's head (its 「文件信息」 passage), not body text
    head, *rest = speech.paragraphs
    assert head.section == HEAD_SECTION
    assert "临老干发〔2024〕12号" in head.text and all(b in head.text for b in bodies)
    assert squeeze("".join(p.text for p in rest)) == squeeze("".join(body))


unnumbered = st.text(PLAIN, min_size=4, max_size=16).filter(lambda t: not t.endswith(("的", "和")))
# Body paragraphs of three sentences or more: a heading is at most half as long as the typical body line.
body_paragraph = st.lists(
    st.builds(lambda body, end: body + end, st.text(PLAIN, min_size=10, max_size=30), st.sampled_from(ENDS)),
    min_size=3,
    max_size=5,
).map("".join)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.tuples(unnumbered, st.lists(body_paragraph, min_size=1, max_size=3)), min_size=1, max_size=4),
    st.booleans(),
)
def test_an_unnumbered_heading_line_names_its_section_and_is_not_run_into_the_text(
    sections: list[tuple[str, list[str]]], numbered: bool
) -> None:
    """One paragraph a line (Word saved as text, a scan whose 「一、」 OCR missed): a short line with no
    sentence in it over longer body text is that text's section, and every body sentence stays once."""
    lines = ["在全市老干部工作会议上的讲话", "张建国", "2024年3月5日", "同志们："]
    for n, (title, paragraphs) in enumerate(sections):
        lines += [("一二三四五"[n] + "、" if numbered else "") + title, *paragraphs]
    lines.append("谢谢大家！")
    [speech] = parse_document(read_bytes("讲话.txt", ("\n".join(lines) + "\n").encode("utf-8")))
    read = iter(speech.paragraphs)
    for title, paragraphs in sections:
        for text in paragraphs:
            paragraph = next(p for p in read if squeeze(text) in squeeze(p.text))
            assert paragraph.section is not None and paragraph.section.endswith(title)
    body = squeeze("".join(text for _, paragraphs in sections for text in paragraphs) + "谢谢大家！")
    assert squeeze("".join(p.text for p in speech.paragraphs)) == body


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.integers(min_value=3, max_value=14), min_size=3, max_size=6, unique=True),
    st.lists(st.integers(min_value=6, max_value=10), min_size=2, max_size=3),
    st.integers(min_value=12, max_value=18),
)
def test_ragged_lines_beside_a_signature_on_the_right_are_not_columns(
    left: list[int], right: list[int], size: int
) -> None:
    """A signature and date set flush right above (or beside) short lines at the left margin that end
    each at its own place (附注, 抄送, 版记): the page is read top to bottom, not as two columns."""
    page_right = 40 * size
    lines: list[Line] = []
    top = 0.0
    for n in right:  # the signature block, flush right
        lines.append(Line("签" * n, page_right - n * size, page_right, top, top + size, size=size))
        top += 2 * size
    for n in left:  # ragged lines at the left, none as wide as the gap to the signature
        lines.append(Line("注" * n, 0.0, n * size, top, top + size, size=size))
        top += 2 * size
    page = Page(lines=tuple(lines), width=page_right + 50, height=top + 50)
    assert [line.text for line in read_columns(page).lines] == [line.text for line in lines]


@pytest.mark.parametrize("number", ["第 2 页 共 2 页", "— 2 —", "- 2 -", "2/2"])
def test_a_page_number_under_the_imprint_does_not_make_it_body_text(number: str) -> None:
    """Text pasted from a PDF ends with the last page's number under the 版记: 抄送 is still no body sentence
    that `add --check` would report lost."""
    text = "\n".join(
        [
            "关于做好离休干部健康体检工作的通知",
            "各区县委老干部局：",
            "请各单位于7月10日前报送体检工作总结。各单位要明确专人负责，确保不漏一人。",
            "临江市委老干部局",
            "2024年3月5日",
            "抄送：市卫生健康委，市医保局。",
            "临江市委老干部局办公室　　2024年3月6日印发",
            "",
            number,
        ]
    )
    document = read_bytes("通知.txt", text.encode("gbk"))
    [speech] = parse_document(document)
    passages = [d.text for d in chunk_speech(speech)]
    assert check_conservation(document, passages).ok
    body = [p.text for p in speech.paragraphs if p.section != HEAD_SECTION]
    assert speech.date == "2024-03-05" and not any("抄送" in p for p in body)
    assert speech.paragraphs[0].text.endswith(
        "抄送：市卫生健康委，市医保局。印发机关：临江市委老干部局办公室。印发日期：2024年3月6日。"
    )
