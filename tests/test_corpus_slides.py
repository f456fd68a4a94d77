"""Slide decks (corpus.slides): python-pptx decks with layouts, tables, groups and speaker notes; every
slide's text and notes read once, in slide order, without the footer or slide number."""

from __future__ import annotations

import shutil
import subprocess
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus import EmptyDocument, UnreadableFile, UnsupportedFormat, parse_document, read_bytes
from corpus.slides import Box, reading_order
from tests.fixtures.office.make_office import MEETING_SLIDES
from tests.fixtures.office_writers import Slide, deck_texts, write_deck

OFFICE = Path(__file__).parent / "fixtures" / "office"


def _deck() -> bytes:
    return (OFFICE / "座谈会讲话.pptx").read_bytes()


def test_a_deck_reads_each_slide_then_its_notes_without_the_footer() -> None:
    document = read_bytes("座谈会讲话.pptx", _deck())
    assert [(b.kind, b.text) for b in document.blocks] == [
        ("title", "在离退休干部座谈会上的讲话"),
        ("line", "市委老干部局局长　周立群"),
        ("line", "2027年3月6日"),
        ("paragraph", "各位老领导、老同志：大家好！今天请大家来，主要是听取对老干部工作的意见建议。"),
        ("heading", "一、去年工作回顾"),
        ("line", "走访慰问老同志860人次"),
        ("line", "新建老年活动室5个"),
        ("paragraph", "去年我们走访慰问老同志860人次，新建老年活动室5个，老同志满意度明显提升。"),
        ("heading", "二、今年工作安排"),
        ("table_row", "项目：活动中心改造；完成时间：6月底"),
        ("table_row", "项目：健康讲座；完成时间：每季度一次"),
        ("line", "抓好服务"),  # the grouped text boxes
        ("line", "抓好学习"),
        ("paragraph", "今年重点抓好活动中心改造，6月底前完成；健康讲座每季度举办一次。"),
    ]
    # the footer, date and slide-number placeholders on slides 2 and 3 are not read
    assert "市委老干部局" + "\n" not in document.text and document.text.count("2027年3月6日") == 1


def test_the_title_slide_gives_the_speech_its_title_speaker_and_date() -> None:
    (speech,) = parse_document(read_bytes("座谈会讲话.pptx", _deck()))
    assert speech.title == "在离退休干部座谈会上的讲话"
    assert speech.speaker == "周立群"
    assert speech.date == "2027-03-06"
    sections = {p.section for p in speech.paragraphs if "860人次" in p.text}
    assert sections == {"一、去年工作回顾"}


def test_a_wps_dps_deck_reads_as_the_pptx_it_is() -> None:
    assert read_bytes("讲话.dps", _deck()).text == read_bytes("讲话.pptx", _deck()).text


def test_an_impress_odp_reads_block_for_block_as_the_pptx_it_was_saved_from() -> None:
    odp = read_bytes("座谈会讲话.odp", (OFFICE / "座谈会讲话.odp").read_bytes())
    assert odp.encoding == "odp"
    assert odp.blocks == read_bytes("座谈会讲话.pptx", _deck()).blocks


def test_an_old_ppt_is_told_to_be_saved_as_pptx() -> None:
    with pytest.raises(UnsupportedFormat) as caught:
        read_bytes("讲话.ppt", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    assert str(caught.value) == (
        "讲话.ppt 是旧版 PowerPoint 演示文稿（.ppt），不能直接读取：请在 PowerPoint 或 WPS 中另存为 .pptx 后再添加。"
    )


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_a_real_ppt_under_a_pptx_name_is_told_to_be_saved_as_pptx(tmp_path: Path) -> None:
    (tmp_path / "讲话.pptx").write_bytes(_deck())
    done = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "ppt",
            "--outdir",
            str(tmp_path / "out"),
            str(tmp_path / "讲话.pptx"),
        ],
        capture_output=True,
        timeout=180,
    )
    made = tmp_path / "out" / "讲话.ppt"
    if done.returncode != 0 or not made.exists():
        pytest.skip("LibreOffice Impress is not installed")
    with pytest.raises(UnreadableFile) as caught:
        read_bytes("讲话.pptx", made.read_bytes())
    assert "旧版 PowerPoint 演示文稿（.ppt）" in str(caught.value) and "另存为 .pptx" in str(caught.value)


def test_damaged_empty_or_foreign_decks_are_refused_in_one_chinese_line(tmp_path: Path) -> None:
    deck = _deck()
    with pytest.raises(UnreadableFile) as caught:
        read_bytes("半截.pptx", deck[: len(deck) // 2])
    assert "损坏" in str(caught.value) and "\n" not in str(caught.value)
    empty = tmp_path / "空.pptx"
    write_deck([Slide("")], empty)
    with pytest.raises(EmptyDocument) as refused:
        read_bytes(empty.name, empty.read_bytes())
    assert "没有可读的文字" in str(refused.value)
    workbook = (OFFICE / "体检安排.xlsx").read_bytes()
    with pytest.raises(UnreadableFile) as foreign:
        read_bytes("讲话.pptx", workbook)
    assert "其实是 Excel 工作簿（.xlsx），不是 .pptx 文件：请把扩展名改为 .xlsx" in str(foreign.value)


_LINE = st.text(alphabet="春夏秋冬梅兰竹菊山水田林", min_size=2, max_size=6)


@st.composite
def _slides(draw):  # type: ignore[no-untyped-def]
    slides = []
    for n in range(draw(st.integers(1, 4))):
        tag = f"片{n}"
        kind = draw(st.sampled_from(["bullets", "table", "group", "boxes"]))
        lines = [f"{tag}文{m}{draw(_LINE)}" for m in range(draw(st.integers(1, 3)))]
        notes = [f"{tag}注{m}{draw(_LINE)}。" for m in range(draw(st.integers(0, 2)))]
        title = f"{tag}题{draw(_LINE)}"
        if kind == "table":
            rows = [
                (f"{tag}头甲", f"{tag}头乙"),
                *((line, f"{tag}乙{m}{draw(_LINE)}") for m, line in enumerate(lines)),
            ]
            slides.append(Slide(title, table=tuple(rows), notes=tuple(notes)))
        else:
            slides.append(Slide(title, **{kind: tuple(lines)}, notes=tuple(notes)))
    return slides


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(slides=_slides())
def test_every_slide_s_text_and_notes_are_read_once_in_slide_order(tmp_path_factory, slides) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path_factory.mktemp("deck") / "讲话.pptx"
    write_deck(slides, path, footer="页脚文字", date="页脚日期")
    document = read_bytes(path.name, path.read_bytes())
    text = document.text
    at = -1
    for line in deck_texts(slides):
        if line.endswith(("头甲", "头乙")):  # a table's header labels each of its rows (corpus.tables)
            assert line in text
            continue
        assert text.count(line) == 1, line
        assert text.index(line) > at, line
        at = text.index(line)
    assert "页脚文字" not in text and "页脚日期" not in text


def test_every_line_of_the_fixture_deck_s_source_is_read() -> None:
    text = read_bytes("座谈会讲话.pptx", _deck()).text
    for line in deck_texts(MEETING_SLIDES):
        assert line in text, line


# --- boxes read where they stand (corpus.slides.reading_order) ---------------------------------------

# (left, top, width, height) in centimetres, the box's lines: a page of two columns under a full-width head,
# a full-width notice closing them, then two boxes side by side; listed in the order they are read
COLUMNS_PAGE = (
    ((1.0, 1.0, 19.0, 2.0), ("银龄活动周报",)),
    ((1.0, 4.0, 9.0, 3.0), ("左栏第一篇：书画院开展写生活动",)),
    ((1.0, 8.0, 9.0, 3.0), ("左栏第二篇：合唱团排练新曲目",)),
    ((1.0, 12.0, 9.0, 3.0), ("左栏第三篇：门球队参加市赛",)),
    ((11.0, 4.0, 9.0, 5.0), ("右栏第一篇：健步走活动报名",)),
    ((11.0, 10.0, 9.0, 5.0), ("右栏第二篇：老年大学秋季招生",)),
    ((1.0, 16.0, 19.0, 2.0), ("通知：活动室九月暂停开放一周",)),
    ((1.0, 19.0, 9.0, 2.0), ("左下：咨询电话", "0575-88216672")),
    ((11.0, 19.0, 9.0, 2.0), ("右下：主办单位", "市委老干部局")),
)
# a label beside its value, row by row (the rows start level), as a poster sets them
LABELS_PAGE = (
    ((1.0, 1.0, 3.0, 1.2), ("时间",)),
    ((5.0, 1.0, 14.0, 1.2), ("2027年9月24日下午2:30",)),
    ((1.0, 3.0, 3.0, 1.2), ("地点",)),
    ((5.0, 3.0, 14.0, 1.2), ("市老干部活动中心三楼报告厅",)),
)


def _boxes_deck(boxes, order, path: Path) -> None:  # type: ignore[no-untyped-def]
    """One blank python-pptx slide of A4 portrait size, its text boxes added in `order` (indices)."""
    from pptx import Presentation
    from pptx.util import Cm

    deck = Presentation()
    deck.slide_width, deck.slide_height = Cm(21), Cm(29.7)
    slide = deck.slides.add_slide(deck.slide_layouts[6])  # blank
    for i in order:
        (left, top, width, height), lines = boxes[i]
        frame = slide.shapes.add_textbox(Cm(left), Cm(top), Cm(width), Cm(height)).text_frame
        frame.word_wrap = True  # as PowerPoint's text boxes wrap: Impress keeps their width
        frame.text = lines[0]
        for line in lines[1:]:
            frame.add_paragraph().text = line
    deck.save(path)


def _lines(boxes) -> list[str]:  # type: ignore[no-untyped-def]
    return [line for _, lines in boxes for line in lines]


@pytest.mark.parametrize("boxes", [COLUMNS_PAGE, LABELS_PAGE], ids=["columns", "labels"])
def test_a_slide_s_boxes_are_read_where_they_stand_not_in_the_order_they_were_added(
    tmp_path: Path, boxes
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "周报.pptx"
    _boxes_deck(boxes, list(reversed(range(len(boxes)))), path)  # the last box added first
    document = read_bytes(path.name, path.read_bytes())
    assert [b.text for b in document.blocks if b.kind != "heading"] == _lines(boxes)
    # WPS's .dps is the same Office Open XML
    assert read_bytes("周报.dps", path.read_bytes()).blocks == document.blocks


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_an_impress_file_s_boxes_are_read_where_they_stand(tmp_path: Path) -> None:
    """The columns page saved by LibreOffice Impress (.odp, its frames placed by svg:x and svg:y) reads
    block for block as the deck it was made from."""
    source = tmp_path / "周报.pptx"
    _boxes_deck(COLUMNS_PAGE, [8, 3, 0, 6, 4, 1, 7, 5, 2], source)
    done = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "odp",
            "--outdir",
            str(tmp_path / "out"),
            str(source),
        ],
        capture_output=True,
        timeout=180,
    )
    made = tmp_path / "out" / "周报.odp"
    if done.returncode != 0 or not made.exists():
        pytest.skip("LibreOffice Impress is not installed")
    odp = read_bytes(made.name, made.read_bytes())
    assert odp.encoding == "odp"
    assert [b.text for b in odp.blocks if b.kind != "heading"] == _lines(COLUMNS_PAGE)
    assert odp.blocks == read_bytes(source.name, source.read_bytes()).blocks


_SPAN = st.integers(0, 40)


@st.composite
def _box(draw):  # type: ignore[no-untyped-def]
    left, top = draw(_SPAN), draw(_SPAN)
    return Box(left, top, left + draw(st.integers(0, 20)), top + draw(st.integers(0, 20)))


@settings(max_examples=300, deadline=None)
@given(boxes=st.lists(st.one_of(_box(), st.none()) | _box(), max_size=14))
def test_every_box_is_read_once_whatever_the_layout(boxes) -> None:  # type: ignore[no-untyped-def]
    """Property: the reading order is an order of all the boxes — none lost, none read twice — for any
    boxes, overlapping, touching, empty or without a position; and the same boxes however listed are read
    in the same order (boxes of some width and height, no two the same)."""
    order = reading_order(boxes)
    assert sorted(order) == list(range(len(boxes)))
    if (
        None not in boxes
        and len(set(boxes)) == len(boxes)
        and all(b.right > b.left and b.bottom > b.top for b in boxes)
    ):
        reordered = list(reversed(boxes))
        assert [reordered[i] for i in reading_order(reordered)] == [boxes[i] for i in order]


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    boxes=st.lists(_box(), min_size=1, max_size=8, unique=True),
    order=st.randoms(use_true_random=False),
)
def test_no_box_s_text_is_lost_or_read_twice_in_a_real_deck(tmp_path_factory, boxes, order) -> None:  # type: ignore[no-untyped-def]
    """Property on python-pptx decks: boxes placed anywhere (overlapping too), added in any order, each
    read once, in `reading_order`."""
    placed = [
        ((b.left / 2, b.top / 2, max(b.right - b.left, 1) / 2, max(b.bottom - b.top, 1) / 2), (f"框{n}文字",))
        for n, b in enumerate(boxes)
    ]
    added = list(range(len(placed)))
    order.shuffle(added)
    path = tmp_path_factory.mktemp("deck") / "海报.pptx"
    _boxes_deck(placed, added, path)
    text = read_bytes(path.name, path.read_bytes()).text
    for _, (line,) in placed:
        assert text.count(line) == 1, line


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(slides=_slides())
def test_no_two_lines_of_a_deck_run_together_into_one_paragraph(tmp_path_factory, slides) -> None:  # type: ignore[no-untyped-def]
    """A bullet or a box — a line without a full stop — is a line of its own on the first slide as on every
    other: none runs into the next (the first slide's bullets were read as wrapped text, 「…招收学员1500人新开设…两个专业汇报时
    强调：…」, newuser66)."""
    path = tmp_path_factory.mktemp("deck") / "汇报.pptx"
    write_deck(slides, path)
    paragraphs = [
        p.text
        for speech in parse_document(read_bytes(path.name, path.read_bytes()))
        for p in speech.paragraphs
    ]
    body = [line for spec in slides for line in (*spec.bullets, *spec.group, *spec.boxes, *spec.notes)]
    for before, after in pairwise(body):
        if before.endswith("。"):
            continue  # two short sentences of the notes may be one paragraph: each is whole
        assert not any(before + after in text for text in paragraphs), (before, after, paragraphs)
