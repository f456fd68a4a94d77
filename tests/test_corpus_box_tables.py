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
    if wrap:  # a wrapped table's short column (a 序号) ends on a row's first line while its neighbours run on
        head = ["序号", *head]
        rows = [[str(n), *row] for n, row in enumerate(rows, 1)]
    table = tabulate(rows, headers=head, tablefmt=fmt, maxcolwidths=[wrap] * columns if wrap else None)
    lead = "各片区的服务安排如下，请相互转告。"
    close = "以上安排如有变动，另行通知。"
    text = "\n".join(["服务安排", "", lead, "", table, "", close]) + "\n"
    document = read_bytes("服务安排.txt", text.encode(encoding))
    assert not BOX & set(document.text)
    for row in rows:
        assert "；".join(f"{h}：{c}" for h, c in zip(head, row, strict=True)) in document.text
    assert lead in document.text and close in document.text


_TIMETABLE = (
    ["片区", "日期", "地点"],
    [
        ["城关片区", "7月2日", "县老干部活动中心"],
        ["东乡片区", "7月3日", "东乡卫生院"],
        ["青溪片区", "7月9日", "青溪镇卫生院二楼"],
        ["白鹭片区", "7月11日", "白鹭乡便民服务中心"],
    ],
)


def _read_rows(table: str, encoding: str) -> list[str]:
    text = "各片区验光时间安排如下，请老同志按时前往。\n\n" + table + "\n\n如有疑问请联系联络员。\n"
    document = read_bytes("验光安排.txt", text.encode(encoding))
    assert not BOX & set(document.text)
    assert "各片区验光时间安排如下" in document.text and "如有疑问请联系联络员。" in document.text
    return [p.text for p in chunk_speech(parse_document(document)[0])]


@settings(max_examples=30, deadline=None)
@given(
    encoding=st.sampled_from(["utf-8", "gb18030"]),
    fmt=st.sampled_from(_OUTLINED + _RULED),
    drop=st.sampled_from(["all", "inner", "head", "groups"]),
)
def test_a_box_table_without_rules_between_its_rows_reads_one_row_a_line(
    encoding: str, fmt: str, drop: str
) -> None:
    """Property: a table drawn with no rule between head and body (bars only; framed top and bottom only;
    or rules parting groups of rows) reads each line as a row labelled by the head — every run between
    rules was taken for one wrapped row, and the rows ran together column by column
    (「片区：城关片区东乡片区青溪片区；…」; main read such a UTF-8 file line by line)."""
    head, rows = _TIMETABLE
    lines = tabulate(rows, headers=head, tablefmt=fmt).split("\n")
    rules = [i for i, line in enumerate(lines) if all(ch in BOX or ch.isspace() for ch in line)]
    if drop == "all":  # bars only, no rule at all
        keep = [line for i, line in enumerate(lines) if i not in rules]
    elif drop == "inner":  # framed top and bottom only
        keep = [line for i, line in enumerate(lines) if i not in rules[1:-1]]
    elif drop == "head":  # no rule under the head, rules between the rows kept
        keep = [line for i, line in enumerate(lines) if i != rules[1]]
    else:  # rules under the head and between groups of two rows only
        body = [line for i, line in enumerate(lines[rules[1] + 1 : -1]) if rules[1] + 1 + i not in rules]
        keep = [*lines[: rules[1] + 1], *body[:2], lines[rules[1]], *body[2:], lines[-1]]
    texts = _read_rows("\n".join(keep), encoding)
    for row in rows:
        assert "；".join(f"{h}：{c}" for h, c in zip(head, row, strict=True)) in texts


def test_the_reviews_bar_only_table_reads_row_by_row() -> None:
    # the review's repro: bars, no rule at all (cold40 read 「片区：城关片区东乡片区青溪片区；日期：7月2日7月3日…」)
    table = "\n".join(
        ["│ 片区 │ 日期 │ 地点 │", *("│ " + " │ ".join(row) + " │" for row in _TIMETABLE[1][:3])]
    )
    texts = _read_rows(table, "utf-8")
    assert "片区：城关片区；日期：7月2日；地点：县老干部活动中心" in texts
    assert "片区：青溪片区；日期：7月9日；地点：青溪镇卫生院二楼" in texts


@settings(max_examples=20, deadline=None)
@given(encoding=st.sampled_from(["utf-8", "gb18030"]), fmt=st.sampled_from(_OUTLINED + _RULED))
def test_a_title_spanning_the_frame_is_a_line_not_the_head(encoding: str, fmt: str) -> None:
    """A title drawn inside the frame, one cell spanning the table over its head (「│ 免费验光服务安排表 │」),
    is read as a line in its place; the head under it labels the rows. cold40 took the title row for the
    head (「免费验光服务安排表：片区；…」, the rows unlabelled by their columns)."""
    head, rows = _TIMETABLE
    lines = tabulate(rows, headers=head, tablefmt=fmt).split("\n")
    inner = len(lines[0]) - 2
    title = "免费验光服务安排表"
    pad = inner - 2 - 2 * len(title)
    top, bar = lines[0], lines[1][0]
    framed_title = [
        top[0] + top[1] * inner + top[-1],
        bar + " " + title + " " * (pad + 1) + bar,
        lines[0][0].translate(str.maketrans("┌╭┏╔", "├├┣╠"))
        + lines[0][1:-1]
        + lines[0][-1].translate(str.maketrans("┐╮┓╗", "┤┤┫╣")),
    ]
    texts = _read_rows("\n".join([*framed_title, *lines[1:]]), encoding)
    assert title in texts or any(text.startswith(title) for text in texts)
    for row in rows:
        assert "；".join(f"{h}：{c}" for h, c in zip(head, row, strict=True)) in texts
