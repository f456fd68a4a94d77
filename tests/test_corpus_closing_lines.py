"""What stands at the foot of a notice, a 简报 and a 会议纪要, read as what it is (the docs22 pass), and Word's
drop caps in a LibreOffice PDF.

Before: a joint signature printed on one line, 「中共嵩浦市委老干部局    嵩浦市体育局」, was one issuer in a PDF
(「发文机关：中共嵩浦市委老干部局嵩浦市体育局」); a 简报's 「报：」「送：」「发：」 lines were body text; a 纪要's
出席/列席/记录/缺席 lines ran together under its last item (「出席：张华、刘强、陈静记录：赵敏」); a drop cap
headed its paragraph as a section in the PDF (「今」 over 「年以来，……」).

Files are made by tests/fixtures/layouts/make_closing_lines.py with python-docx, LibreOffice and reportlab
(Noto Serif CJK SC), and as text."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from corpus import (
    HEAD_SECTION,
    MEASURED_MERGE_TO,
    check_conservation,
    chunk_speech,
    parse_document,
    read_bytes,
    read_document,
)
from corpus.layout import Line, join_drop_caps
from tests.fixtures.layouts import make_closing_lines as m
from tests.fixtures.layouts import make_frames_mastheads as frames
from tests.text_checks import assert_in_order_once, squeeze

HAS_SOFFICE = shutil.which("soffice") is not None
WRITERS = [name for name in m.WRITERS if HAS_SOFFICE or not name.startswith("libreoffice")]


def sentences(text: str) -> list[str]:
    return re.findall(r"[^。！？：]+[。！？：]", text)


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("closing")
    for stem, parts in m.DOCUMENTS.items():
        for suffix in WRITERS:
            m.WRITERS[suffix](parts, folder / f"{stem}.{suffix}")
    if HAS_SOFFICE:
        m.write_drop_cap_pdf(folder)
    return folder


def read(path: Path):  # type: ignore[no-untyped-def]
    document = read_document(path)
    (speech,) = parse_document(document)
    drafts = chunk_speech(speech, merge_to=MEASURED_MERGE_TO)
    assert check_conservation(document, [d.text for d in chunk_speech(speech)]).ok
    return speech, drafts


# -- 1. a joint signature --------------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", WRITERS)
@pytest.mark.parametrize("layout", ["two_lines", "one_line"])
def test_two_issuing_bodies_stay_apart(made: Path, suffix: str, layout: str) -> None:
    speech, drafts = read(made / f"joint_notice.{layout}.{suffix}")
    assert (speech.title, speech.date) == (m.JOINT_TITLE, m.JOINT_DATE[1])
    assert speech.issuer is not None and speech.issuer.split() == list(m.JOINT_ISSUERS)
    head = next(d.text for d in drafts if d.section == HEAD_SECTION)
    assert "发文机关：中共嵩浦市委老干部局、嵩浦市体育局。" in head
    body = [d.text for d in drafts if d.section != HEAD_SECTION]
    assert_in_order_once(body, [s for _, text in m.JOINT_BODY for s in sentences(text)])
    assert not any(issuer in text for text in body for issuer in m.JOINT_ISSUERS[1:])
    assert not any(m.JOINT_DATE[0] in text for text in body)


# -- 5. a short paragraph after a longer one of its section ----------------------------------------------


@pytest.mark.parametrize("suffix", WRITERS)
def test_a_short_paragraph_joins_its_section_and_a_heading_keeps_its_own(made: Path, suffix: str) -> None:
    """Short paragraphs of one section are merged up to MEASURED_MERGE_TO characters (docs/benchmarks.md,
    "Passage size"): the lunch sentence joins the safety passage. One under a heading of its own keeps it."""
    _, drafts = read(made / f"joint_notice.two_lines.{suffix}")
    (safety,) = [d for d in drafts if d.section == m.SAFETY]
    assert squeeze(m.LUNCH) in squeeze(safety.text)
    (other,) = [d for d in drafts if squeeze(m.OTHER_TEXT) in squeeze(d.text)]
    assert other.section == m.OTHER


# -- 2. a 简报's distribution --------------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", WRITERS)
def test_a_bulletins_distribution_is_no_body_text(made: Path, suffix: str) -> None:
    speech, drafts = read(made / f"bulletin.{suffix}")
    assert (squeeze(speech.title), speech.date) == (m.BULLETIN_TITLE, "2024-09-20")
    passages = [d.text for d in drafts if d.section != HEAD_SECTION]
    assert_in_order_once(passages, [s for p in m.BULLETIN_BODY for s in sentences(p)])
    leaked = ("报：", "送：", "发：", "市政协办公室", "局机关各处室", "共印")
    assert not any(mark in p for p in passages for mark in leaked)
    # the distribution is the bulletin's 「文件信息」: 「这期简报报送哪些单位」 has an answer
    [head] = [d.text for d in drafts if d.section == HEAD_SECTION]
    assert squeeze(head).endswith(squeeze("".join(m.DISTRIBUTION))), head


LABELS = ["报", "送", "发", "抄送", "抄报"]
BODIES = [
    "市委办公室",
    "市人大常委会办公室",
    "市政府办公室",
    "市委组织部",
    "各区县委老干部局",
    "局机关各处室",
]
BODY = (
    "今年以来，全市老干部志愿服务队深入社区开展活动一百二十余次。",
    "下一步，市委老干部局将建立志愿服务积分制度。",
)


@settings(max_examples=80, deadline=None)
@example(  # three lists wrapped alike with no 。: once read as one hard-wrapped paragraph, labels run together
    closing=[("报", BODIES[:4]), ("送", BODIES[:4]), ("发", BODIES[:4])],
    separator="，",
    end="",
    joined=False,
    copies=False,
)
@given(
    closing=st.lists(
        st.tuples(
            st.sampled_from(LABELS), st.lists(st.sampled_from(BODIES), min_size=1, max_size=4, unique=True)
        ),
        min_size=1,
        max_size=3,
        unique_by=lambda item: item[0],
    ),
    separator=st.sampled_from(["，", "、"]),
    end=st.sampled_from(["。", ""]),
    joined=st.booleans(),
    copies=st.booleans(),
)
def test_distribution_lines_leave_the_body_whole(
    closing: list[tuple[str, list[str]]], separator: str, end: str, joined: bool, copies: bool
) -> None:
    lines = [f"{label}：{separator.join(names)}{end or '。'}" for label, names in closing]
    if not joined:
        lines = [line[:-1] + end for line in lines]
    foot = ["".join(lines)] if joined else lines
    text = "\n".join([m.BULLETIN_TITLE, *BODY, *foot, *(["（共印120份）"] if copies else [])])
    (speech,) = parse_document(read_bytes("简报.txt", text.encode("utf-8")))
    drafts = chunk_speech(speech)
    passages = [d.text for d in drafts if d.section != HEAD_SECTION]
    assert_in_order_once(passages, [s for p in BODY for s in sentences(p)])
    assert not any(name in p for p in passages for _, names in closing for name in names)
    [head] = [d.text for d in drafts if d.section == HEAD_SECTION]  # each list under its own label
    assert head == "".join(f"{label}：{separator.join(names)}。" for label, names in closing), head


def test_a_sentence_opening_with_a_label_stays_body_text() -> None:
    """「发：」 over a sentence is no distribution list."""
    text = "\n".join(
        [m.BULLETIN_TITLE, *BODY, "发：各单位要认真落实，确保志愿服务取得实效。并及时上报进展。"]
    )
    (speech,) = parse_document(read_bytes("简报.txt", text.encode("utf-8")))
    assert "及时上报进展" in "".join(p.text for p in speech.paragraphs)


# -- 3. a 纪要's attendance ----------------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", WRITERS)
@pytest.mark.parametrize("stem", ["minutes", "minutes.attendance_first"])
def test_who_attended_is_cited_apart_from_the_items(made: Path, suffix: str, stem: str) -> None:
    speech, drafts = read(made / f"{stem}.{suffix}")
    assert (speech.title, speech.date) == ("局长办公会议纪要", "2024-07-17")
    (attending,) = [d for d in drafts if d.section == "参会人员"]
    assert squeeze(attending.text) == squeeze("；".join(m.ATTENDANCE))
    for heading, text in m.MINUTES_ITEMS:
        (item,) = [d for d in drafts if d.section == heading]
        assert squeeze(item.text) == squeeze(text)
    assert_in_order_once(
        [d.text for d in drafts if d.section != "参会人员"],
        [*sentences(m.MINUTES_OPENING), *(s for _, text in m.MINUTES_ITEMS for s in sentences(text))],
    )


NAMES = ["周卫东", "李红梅", "王建军", "赵明", "陈静", "刘振华（出差）", "张晓燕（离休干部服务处）"]


@settings(max_examples=80, deadline=None)
@given(
    labels=st.lists(
        st.sampled_from(["出席", "列席", "记录", "缺席", "列席人员", "请假"]), min_size=1, max_size=4
    ),
    names=st.lists(
        st.lists(st.sampled_from(NAMES), min_size=1, max_size=4, unique=True), min_size=4, max_size=4
    ),
    first=st.booleans(),
    title=st.sampled_from(["局长办公会议纪要", "局 长 办 公 会 议 纪 要", "党组会议纪要"]),
)
def test_attendance_lines_are_one_paragraph_under_no_item(
    labels: list[str], names: list[list[str]], first: bool, title: str
) -> None:
    attending = [f"{label}：{'、'.join(group)}" for label, group in zip(labels, names, strict=False)]
    items = [line for heading, text in m.MINUTES_ITEMS for line in (heading, text)]
    lines = [title, m.MINUTES_OPENING, *(attending if first else []), *items, *([] if first else attending)]
    (speech,) = parse_document(read_bytes("纪要.txt", "\n".join(lines).encode("utf-8")))
    drafts = chunk_speech(speech, merge_to=MEASURED_MERGE_TO)
    (block,) = [d for d in drafts if d.section == "参会人员"]
    assert squeeze(block.text) == squeeze("；".join(attending))
    for heading, text in m.MINUTES_ITEMS:
        assert [squeeze(d.text) for d in drafts if d.section == heading] == [squeeze(text)]


def test_a_notice_naming_who_takes_part_keeps_it_in_its_section() -> None:
    """Only minutes have an attendance: a notice's 「出席：」 line stays under its item."""
    text = "\n".join(
        ["关于召开离退休干部座谈会的通知", "一、参会人员", "出席：各单位分管领导", "请于9月20日前报名。"]
    )
    (speech,) = parse_document(read_bytes("通知.txt", text.encode("utf-8")))
    assert all(p.section == "一、参会人员" for p in speech.paragraphs)


# -- 4. drop caps in a PDF ----------------------------------------------------------------------------------


@pytest.mark.skipif(not HAS_SOFFICE, reason="LibreOffice is not installed")
def test_drop_caps_in_a_libreoffice_pdf_run_into_their_paragraphs(made: Path) -> None:
    speech, _ = read(made / "drop_cap_bulletin.libreoffice.pdf")
    assert (squeeze(speech.title), speech.date) == (squeeze(frames.BULLETIN_TITLE), "2024-06-18")
    assert all(p.section is None for p in speech.paragraphs)
    assert [squeeze(p.text) for p in speech.paragraphs] == [squeeze(p) for p in frames.BULLETIN_PARAGRAPHS]


def _line(text: str, x0: float, top: float, size: float) -> Line:
    return Line(text=text, x0=x0, x1=x0 + size * len(text), top=top, bottom=top + size, size=size)


@settings(max_examples=100, deadline=None)
@given(
    size=st.sampled_from([10.5, 12.0, 15.0, 16.0]),
    high=st.integers(2, 3),
    lines=st.integers(1, 6),
    cap=st.sampled_from(list("今在下据我A")),
)
def test_a_drop_cap_opens_the_line_beside_it_and_nothing_is_lost(
    size: float, high: int, lines: int, cap: str
) -> None:
    pitch = size * 1.6
    big = pitch * high
    left = 90.0
    page = [_line("标题", 200.0, 40.0, size * 1.5), _line(cap, left, 100.0, big * 0.95)]
    texts = [f"第{n}行的文字，" for n in range(lines)]
    for n, text in enumerate(texts):
        x0 = left + big if n < high else left
        page.append(_line(text, x0, 100.0 + 0.2 * size + n * pitch, size))
    out = join_drop_caps(tuple(page))
    assert [line.text for line in out] == ["标题", cap + texts[0], *texts[1:]]
    assert all(line.x0 == left for line in out[1:])


def test_a_large_lone_character_with_nothing_beside_it_stays_a_line() -> None:
    page = (_line("序", 280.0, 100.0, 30.0), _line("老干部工作是党的事业。", 90.0, 150.0, 15.0))
    assert join_drop_caps(page) == page
