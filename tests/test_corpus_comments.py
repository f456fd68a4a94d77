"""A draft sent round in Word for comments, as reviewers return it; a web page that is only a table (read58).

- Reviewers comment on a .docx with Word's 「审阅 › 新建批注」 (``word/comments.xml``), on an .odt with
  Writer's 「插入 › 批注」 (``office:annotation``); a .doc carries them too. They were silently lost: 「审核人
  对报告厅有什么意见」 found nothing. Each is now a passage of its own under 「批注」 after the body, as a PDF's
  remarks are (notes57), naming its author and quoting the words it was made on (「「每场限120人」处批注
  （活动科祁海燕）：…」); a reply on the same words follows the comment it answers; never in the body's
  sentences, which read as they did without the comments (a tracked deletion still out).
- A 值班表 exported as a web page by LibreOffice Calc was refused as holding no text when no cell held a
  sentence mark, and when one did (a note under the table) only that cell was read: every row was lost.
  The table is now read row by row, each cell labelled by its header, as a Word table is.

The files: ``tests/fixtures/comments/``, made by ``make_comments.py`` there (python-docx's ``add_comment``
→ LibreOffice Writer's .odt and .doc; openpyxl → LibreOffice Calc's HTML export).
"""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus import parse_document, read_bytes
from corpus.conservation import check_conservation
from tests.fixtures.comments.make_comments import (
    AUTHOR,
    COMMENTS,
    DELETED,
    DRAFT,
    ROSTER,
    ROSTER_NOTE,
    ROSTER_TITLE,
    comment_draft,
)
from tests.fixtures.corpus_writers import write_docx

FIXTURES = Path(__file__).parent / "fixtures" / "comments"
SENTENCE = re.compile(r"[^。！？]+[。！？]")
# what each comment of COMMENTS reads as, in order
EXPECTED = [
    "「为帮助离退休干部掌握常见病防治知…」处批注（审核人蒲文澜）：建议写明讲座是否需要预约",
    "「一、讲座安排」处批注（祁海燕）：请补充讲座的录像安排",
    "「县老干部活动中心三楼报告厅」处批注（蒲文澜）：三楼没有电梯，建议改在一楼多功能厅",
    "「县老干部活动中心三楼报告厅」处批注（活动科祁海燕）：同意，一楼多功能厅可坐150人",
    "「糖尿病饮食指导」处批注（蒲文澜）：4月主题可改为“老年人合理用药”",
    "「每场限120人」处批注（活动科祁海燕）：报告厅只能坐100人。请按100人控制",
]


def _speech(name: str, data: bytes):  # type: ignore[no-untyped-def]
    speeches = parse_document(read_bytes(name, data))
    assert len(speeches) == 1
    return speeches[0]


def _plain_draft() -> bytes:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "draft.docx"
        write_docx(DRAFT, path, author=AUTHOR)
        return path.read_bytes()


@pytest.mark.parametrize(
    "name",
    [
        "draft.python-docx.docx",
        "draft.writer.odt",
        pytest.param(
            "draft.writer.doc",
            marks=pytest.mark.skipif(
                shutil.which("soffice") is None, reason="a .doc is read through LibreOffice"
            ),
        ),
    ],
)
def test_each_comment_is_a_passage_under_批注_with_its_author_and_words(name: str) -> None:
    speech = _speech(name, (FIXTURES / name).read_bytes())
    notes = [p for p in speech.paragraphs if p.section == "批注"]
    assert [p.text for p in notes] == EXPECTED
    assert [p.kind for p in notes] == ["note"] * len(COMMENTS)
    # the draft's head and signature are found as before the comments were read
    assert speech.title == "澄溪县离退休干部2031年春季健康讲座安排（征求意见稿）"
    assert (speech.date, speech.issuer) == ("2031-02-10", "澄溪县委老干部局")


@pytest.mark.parametrize("name", ["draft.python-docx.docx", "draft.writer.odt"])
def test_the_body_reads_as_the_draft_without_comments_and_the_deletion_stays_out(name: str) -> None:
    plain = _speech("draft.docx", _plain_draft())
    speech = _speech(name, (FIXTURES / name).read_bytes())
    body = [(p.section, p.text) for p in speech.paragraphs if p.section != "批注"]
    assert body == [(p.section, p.text) for p in plain.paragraphs]
    assert DELETED not in "".join(p.text for p in speech.paragraphs)


def test_add_check_finds_no_sentence_lost_or_doubled_by_the_quoted_words() -> None:
    """A comment on a whole paragraph quotes its words only up to the first sentence mark: the body
    sentence is not held twice (`add --check` counts each)."""
    document = read_bytes("draft.python-docx.docx", (FIXTURES / "draft.python-docx.docx").read_bytes())
    passages = [p.text for s in parse_document(document) for p in s.paragraphs]
    assert check_conservation(document, passages).ok


_POOL = (
    "请核实人数",
    "建议写明地点。\n另请补充联系人",
    "此处时间有误，请更正",
    "经费标准与去年一致吗？",
    "同意",
)
_BODY = tuple(i for i, (kind, _) in enumerate(DRAFT) if kind == "body" and i > 1)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.tuples(
            st.sampled_from(_BODY),
            st.booleans(),  # on a few words of the paragraph, or on the whole of it
            st.sampled_from(("审核人 蒲文澜", "祁海燕", "")),
            st.sampled_from(_POOL),
        ),
        min_size=1,
        max_size=5,
        unique_by=lambda c: c[3],
    )
)
def test_any_comments_at_any_paragraphs_are_read_once_each_and_the_body_stays_as_it_was(comments) -> None:  # type: ignore[no-untyped-def]
    plain = _speech("draft.docx", _plain_draft())
    with tempfile.TemporaryDirectory() as tmp:
        source, path = Path(tmp) / "plain.docx", Path(tmp) / "commented.docx"
        source.write_bytes(_plain_draft())
        made = [
            (DRAFT[i][1], DRAFT[i][1][2:8] if words else "", author, "审", text)
            for i, words, author, text in comments
        ]
        comment_draft(source, path, made, deleted=None)
        speech = _speech("commented.docx", path.read_bytes())
    body = [p for p in speech.paragraphs if p.section != "批注"]
    assert [(p.section, p.text) for p in body] == [(p.section, p.text) for p in plain.paragraphs]
    sentences = [s for kind, text in DRAFT if kind == "body" for s in SENTENCE.findall(str(text))]
    joined = "".join(p.text for p in body)
    at = 0
    for sentence in sentences:  # every body sentence once, in order
        assert joined.count(sentence) == 1
        assert joined.find(sentence) >= at
        at = joined.find(sentence)
    notes = [p.text for p in speech.paragraphs if p.section == "批注"]
    assert len(notes) == len(comments)
    everything = "".join(p.text for p in speech.paragraphs)
    for _, _, _, text in comments:
        shown = text.replace("\n", "")
        assert everything.count(shown) == 1  # each comment once, and only under 批注
        assert sum(shown in note for note in notes) == 1
    # in the order of the words they were made on: down the draft, a whole paragraph's before its words'
    order = sorted(range(len(comments)), key=lambda n: (comments[n][0], comments[n][1], n))
    for note, n in zip(notes, order, strict=True):
        i, words, _, _ = comments[n]
        assert note.startswith(f"「{DRAFT[i][1][2:8]}」处批注" if words else f"「{DRAFT[i][1][:8]}")


def test_a_calc_roster_exported_as_a_web_page_reads_every_row_labelled_by_its_header() -> None:
    speech = _speech(f"{ROSTER_TITLE}.html", (FIXTURES / "roster.calc.html").read_bytes())
    texts = [p.text for p in speech.paragraphs]
    header, *rows = ROSTER
    for row in rows:
        assert "；".join(f"{label}：{cell}" for label, cell in zip(header, row, strict=True)) in texts
    assert ROSTER_NOTE in texts  # the note under it, where it stands
    assert texts.index(ROSTER_NOTE) > max(i for i, t in enumerate(texts) if t.startswith("日期："))


def test_a_web_page_that_is_only_a_table_without_a_sentence_is_read_not_refused() -> None:
    speech = _speech(f"{ROSTER_TITLE}.html", (FIXTURES / "roster-plain.calc.html").read_bytes())
    header, *rows = ROSTER
    assert [p.text for p in speech.paragraphs] == [
        "；".join(f"{label}：{cell}" for label, cell in zip(header, row, strict=True)) for row in rows
    ]
