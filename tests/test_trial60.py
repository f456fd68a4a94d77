"""Trial 60 (docs/trial60.md): the records officer migrating six years of files. Two versions of one speech —
the 2029 work-conference speech in 会议材料/ and its 修改稿/ under the same file name, one figure corrected —
were both kept with 「注意：与已有的 #N 内容相近（重合 97%）…如果这是它的更正版，请删除旧版」, and nothing said
which of the two was the corrected one: the same title, date, speaker and passage count. `add` now says where
they differ, 「不同之处（共 1 处，第一处）：#34「…参赛老同志1300人」，#33「…参赛老同志1350人」」.

The real command and model; the Word files written by python-docx as scripts/trial/make_archive60.py writes them.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from index import difference
from tests.fixtures.corpus_writers import write_docx

from .test_cli_library import Run, ok

SPEECH = [
    ("title", "在全市老干部工作会议上的讲话"),
    ("speaker", "市委老干部局局长  陈秀英"),
    ("date", "（2029年3月5日）"),
    ("body", "同志们："),
    ("body", "这次全市老干部工作会议的主要任务是，总结2028年全市老干部工作，部署2029年的重点任务。"),
    ("heading1", "一、关于医疗保障服务"),
    ("body", "2028年，与市第一人民医院共建老干部诊疗绿色通道，全年服务就诊老同志5200人次。"),
    ("heading1", "二、关于文体活动开展"),
    ("body", "2028年，举办全市离退休干部运动会，设门球、气排球等项目9个，参赛老同志1300人。"),
    ("body", "同志们，老干部工作使命光荣、责任重大。让我们以更加饱满的热情做好各项工作。"),
]


def _speech_id(output: str, file: Path) -> int:
    """The id `add` reported for the (one) speech of a file, found by its full path."""
    lines = output.splitlines()
    at = lines.index(str(file))
    return int(lines[at + 1].split("#")[1].split()[0])


@pytest.mark.slow
def test_add_says_where_two_versions_of_one_speech_differ(run: Run, tmp_path: Path) -> None:
    folder = tmp_path / "2029年" / "会议材料"
    original, revised = (
        folder / "在全市老干部工作会议上的讲话.docx",
        folder / "修改稿" / "在全市老干部工作会议上的讲话.docx",
    )
    revised.parent.mkdir(parents=True)
    write_docx(SPEECH, original, author="市委老干部局办公室", footer=True)
    corrected = [(k, t.replace("参赛老同志1300人", "参赛老同志1350人")) for k, t in SPEECH]
    write_docx(corrected, revised, author="市委老干部局办公室", footer=True)

    added = ok(run("add", str(tmp_path / "2029年")))
    first, second = _speech_id(added, revised), _speech_id(added, original)  # 修改稿/ sorts first
    assert f"注意：与已有的 #{first} 内容相近" in added
    said = [line.strip() for line in added.splitlines() if "不同之处" in line]
    assert said == [
        f"不同之处（共 1 处，第一处）：#{second}「…，参赛老同志1300人」，#{first}「…，参赛老同志1350人」"
    ]

    # the same file added again says nothing new; a speech that is no version of another gets no such line
    again = ok(run("add", str(original)))
    assert "不同之处" not in again and "未变化" in again and "共 " not in again  # one file: no count line
    # a folder's files are counted in one line before the index's, so the officer can check them against it
    assert "共 2 个文件：新增 2 篇，其中 1 篇与已有讲话内容相近（见上「注意」）" in added.splitlines()

    more = tmp_path / "备份"
    more.mkdir()
    shutil.copyfile(original, more / "工作会议讲话（备份）.docx")
    (more / "新建文本文档.txt").write_bytes(b"")
    refused = run("add", str(more))
    assert refused.exit_code == 1 and "Traceback" not in refused.output
    assert "共 2 个文件：未变化 1 篇；没有读入 1 个文件（见上）" in refused.output.splitlines()


SENTENCE = st.text(
    alphabet="老干部工作会议讲话离退休同志服务活动一二三四五六七八九十0123456789", min_size=6, max_size=30
)


@given(st.lists(SENTENCE, min_size=1, max_size=8), st.data())
def test_one_changed_sentence_is_found_and_shown_around_its_change(
    body: list[str], data: st.DataObject
) -> None:
    """A speech and a version with one sentence changed differ in one place, each side shown as the words
    around the change, both cut at the same place; a speech never differs from itself."""
    at = data.draw(st.integers(0, len(body) - 1))
    changed = data.draw(SENTENCE.filter(lambda s: s != body[at]))
    other = [*body[:at], changed, *body[at + 1 :]]
    mine, theirs = "。".join(body) + "。", "。".join(other) + "。"
    assert difference([mine], [mine]) is None
    found = difference([mine], [theirs])
    if body[at] in other and other.index(body[at]) != at:  # the change repeats a neighbour: not one place
        return
    assert found is not None and found.places >= 1
    left, right = found.mine.strip("…"), found.theirs.strip("…")
    assert left in body[at] and right in changed
    # what is cut off each side is the same on both sides (the words around the change are shared)
    assert (found.mine.startswith("…")) == (found.theirs.startswith("…"))
    assert not re.search("[。]", left + right)
