"""A reply exported by LibreOffice Writer is read in its comment's thread (docs62 item 5, read63).

Writer exports each comment as a PDF Text annotation (「导出为 PDF › 常规 › 注释」) and a reply as one of its
own, with no ``/IRT`` naming the comment it answers, pinned on the comment's very place. main read every
reply as a second comment: 「第1页批注（活动科祁海燕）：同意，…」 on a line of its own. Now a Text annotation
linked to nothing on the place of an earlier one, by another author than that thread's last remark, is a
reply (`corpus.notes.replies_by_place`); Writer's 「RESOLVED」 after a resolved comment's author marks it
「已解决」. (Writer's .odt itself is read as before: there a reply is a comment of its own on its comment's
words, and so is a second reviewer's comment on those words — see docs/read63.md.) Files: ``tests/fixtures/pdf_replies/make_writer_replies.py`` (**LibreOffice Writer** exports).
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from corpus import parse_document, read_bytes
from corpus.notes import Pinned, replies_by_place

HERE = Path(__file__).parent / "fixtures" / "pdf_replies"


def _remarks(name: str) -> list[str]:
    path = HERE / name
    [speech] = parse_document(read_bytes(path.name, path.read_bytes()))
    return [p.text for p in speech.paragraphs if p.section == "批注"]


def test_word_threads_writer_kept_are_read_as_threads_from_its_pdf() -> None:
    remarks = _remarks("replies.writer-notes.pdf")
    assert len(remarks) == 3, remarks
    [stairs] = [r for r in remarks if "三楼没有电梯" in r]
    assert (
        stairs.index("三楼没有电梯")
        < stairs.index("回复（活动科祁海燕）：同意")
        < stairs.index("回复（蒲文澜）：那就改在一楼")
    )
    [seats] = [r for r in remarks if "报告厅只能坐100人" in r]
    assert (
        seats.startswith("第1页批注（活动科祁海燕，已解决）：")
        and "回复（蒲文澜）：已改为每场限100人" in seats
    )
    assert any(r.startswith("第1页批注（祁海燕）：请补充讲座的录像安排") for r in remarks)


def test_a_reply_made_in_writers_shape_is_read_after_its_comment() -> None:
    remarks = _remarks("reply.writer.pdf")
    assert len(remarks) == 2, remarks
    assert remarks[0].startswith("第1页批注（审核人邹明远）：建议把集合时间提前到八点")
    assert "回复（活动中心石婉清）：同意，已改为八点集合" in remarks[0]
    assert remarks[1].startswith("第1页批注（财务科贺兰芝）：车费由局里统一结算")


_PLACES: list[tuple[float, ...]] = [(77.7, 640.8), (233.5, 640.8), (245.7, 625.7)]


@settings(max_examples=200, deadline=None)
@given(
    pins=st.lists(
        st.tuples(
            st.integers(0, len(_PLACES) - 1),
            st.sampled_from(["邹明远", "石婉清", "贺兰芝"]),
            st.sampled_from(["", "D:20340506091200", "D:20340506103000"]),
        ),
        max_size=8,
    )
)
def test_replies_by_place_join_only_another_authors_remark_on_the_same_place(
    pins: list[tuple[int, str, str]],
) -> None:
    """Each reply answers an earlier remark on its place that opens a thread; it is by another author than the
    thread's remark before it and not dated before it; every remark is in one thread."""
    pinned = [Pinned(_PLACES[place], author, when) for place, author, when in pins]
    parents = replies_by_place(pinned)
    members: dict[int, list[int]] = {}
    for index in range(len(pinned)):
        if index in parents:
            opener = parents[index]
            assert opener < index and opener not in parents
            assert pins[opener][0] == pins[index][0]
            before = members[opener][-1]
            assert pins[before][1] != pins[index][1]
            assert not (pins[before][2] and pins[index][2]) or pins[before][2] <= pins[index][2]
            members[opener].append(index)
        else:
            members[index] = [index]
    assert sorted(i for group in members.values() for i in group) == list(range(len(pinned)))
