"""Tables drawn with box-drawing characters in a plain text (corpus.boxtables, corpus.encoding): a records
system's text export, or a table pasted as plain text, prints 「┌──┬──┐」 rules and 「│ 片区 │ 服务日期 │」 rows.
A GBK file holding one was refused as of no known encoding (its rules are a third of its characters, and
box-drawing characters did not count as Chinese text); decoded, its rules and bars ran into one passage with
every cell. Now the lines they frame count as text, and the table is read as labelled rows, as a Word
table's. The tables here are made by ``tabulate`` (its box-drawn formats, cells wrapped or not) and the blind
set's file is benchmarks/corpus-cold40's."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from tabulate import tabulate

from corpus import check_conservation, chunk_speech, parse_document, read_bytes, read_document
from corpus.encoding import plausibility

SET = Path(__file__).resolve().parent.parent / "benchmarks" / "corpus-cold40"
BOX = {chr(code) for code in range(0x2500, 0x2580)}


def test_the_blind_sets_gbk_timetable_is_read_as_labelled_rows() -> None:
    # benchmarks/corpus-cold40: main refused it, 「无法识别文件编码（试过：UTF-8、GB18030、Big5）」
    document = read_document(SET / "离退休干部免费验光配镜服务安排.txt")
    assert document.encoding == "gb18030"
    assert not BOX & set(document.text) and not BOX & set(document.reference)
    speech = parse_document(document)[0]
    texts = [p.text for p in chunk_speech(speech)]
    assert (
        "片区：城关片区；服务日期：7月2日；服务地点：县老干部活动中心一楼；验光医师：蒋澄；联络员：柴立群"
        in texts
    )
    assert (
        "片区：白鹭片区；服务日期：7月11日；服务地点：白鹭乡便民服务中心；验光医师：鲁一帆；联络员：应晚晴"
        in texts
    )
    assert any(text.startswith("县委老干部局联系县人民医院眼科") for text in texts)
    assert any("4.行动不便不能到场的老同志，可向联络员申请上门验光。" in text for text in texts)
    assert speech.date == "2035-06-20"
    assert check_conservation(document, texts).ok


def test_box_characters_scattered_through_text_are_no_chinese() -> None:
    # a wrong decoding yields box-drawing characters here and there (GBK's row A9 read from Big5 bytes):
    # they still count against it; only the lines they frame, a table's, are text
    scattered = "今天┼的会议╂很重要┬大家╋要认真┴学习"
    framed = "│ 今天 │ 的会议 │ 很重要 │"
    assert plausibility(scattered) < 0.85
    assert plausibility(framed) == 1.0


_HEAD = st.sampled_from(["片区", "服务日期", "服务地点", "验光医师", "联络员", "备注", "人数", "时间段"])
_WORD = st.text(alphabet="城关东西南北中心街道社区卫生服务站医院楼层镇乡村一二三号", min_size=2, max_size=10)
_RULED = ["simple_grid", "rounded_grid", "heavy_grid", "mixed_grid", "double_grid", "fancy_grid"]
_OUTLINED = ["simple_outline", "rounded_outline", "heavy_outline", "double_outline"]


@settings(max_examples=40, deadline=None)
@given(
    columns=st.integers(min_value=2, max_value=5),
    data=st.data(),
    encoding=st.sampled_from(["utf-8", "gb18030"]),
    ruled=st.booleans(),
)
def test_any_box_drawn_table_reads_as_its_rows_labelled_by_its_head(
    columns: int, data: st.DataObject, encoding: str, ruled: bool
) -> None:
    """Property: a text of a lead paragraph, a box-drawn table and a closing line, in UTF-8 or GBK, reads as
    the paragraph, each body row labelled by the head (「片区：城关；日期：…」) and the line; no box-drawing
    character is read. A table ruled between its rows may wrap its cells over several lines (they are
    joined); one ruled under its head only is one row a line."""
    head = data.draw(st.lists(_HEAD, min_size=columns, max_size=columns, unique=True))
    rows = data.draw(
        st.lists(st.lists(_WORD, min_size=columns, max_size=columns), min_size=2, max_size=5, unique_by=tuple)
    )
    fmt = data.draw(st.sampled_from(_RULED if ruled else _OUTLINED))
    wrap = data.draw(st.sampled_from([None, 3, 5])) if ruled else None
    table = tabulate(rows, headers=head, tablefmt=fmt, maxcolwidths=[wrap] * columns if wrap else None)
    lead = "各片区的服务安排如下，请相互转告。"
    close = "以上安排如有变动，另行通知。"
    text = "\n".join(["服务安排", "", lead, "", table, "", close]) + "\n"
    document = read_bytes("服务安排.txt", text.encode(encoding))
    assert not BOX & set(document.text)
    for row in rows:
        assert "；".join(f"{h}：{c}" for h, c in zip(head, row, strict=True)) in document.text
    assert lead in document.text and close in document.text
