"""Word documents whose shown text lives outside the body's own runs, read as Word shows them.

The eighteenth blind set (docs/cold16.md) found three: a SmartArt graphic's text is in its data model
(``word/diagrams/dataN.xml``), the body holding only a reference to it — the river-patrol plan's procedure
and organisation read as nothing; a content control bound to a custom XML part (``w:dataBinding``) shows
the part's value, while the control itself still holds the template's prompt or last year's value — the
gathering notice read with 2025's date and place, its contact empty; and a Word 2003 XML document under a
.doc name — refused as a damaged .doc. Now corpus/word.py reads them (``fill_from_package``,
``read_word_xml``), in the blocks and in the reference text ``add --check`` compares the passages with.
WordPad's bullets (a Symbol-font byte in a Chinese document) no longer read as 「�」 (corpus/rtf.py).

Files made by real producers: python-docx (tests/fixtures/corpus_writers.write_smartart_docx,
write_bound_docx: the diagram and custom XML parts as Word writes them), LibreOffice (write_word2003_xml),
WordPad's RTF as Riched20 writes it (write_wordpad_rtf).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus import chunk_speech, parse_document, read_document
from corpus.conservation import check_conservation
from tests.fixtures.corpus_writers import (
    write_bound_docx,
    write_docx,
    write_smartart_docx,
    write_word2003_xml,
    write_wordpad_rtf,
)

AUTHOR = "岑川市委老干部局"
STEPS = [
    ("第一步  申请", ["本人或者家属向原单位提出书面申请"]),
    ("第二步  审核", ["原单位在7个工作日内审核", "材料不全的一次性告知"]),
    ("第三步  发放", ["审核通过的，次月10日前发放到本人账户"]),
]
PLAN = [
    ("title", "关于离退休干部交通补贴申领办法的通知"),
    ("docnum", "岑老干发〔2026〕40号"),
    ("body", "各区老干部局，市直各单位老干部工作部门："),
    ("heading1", "一、申领流程"),
    ("body", "交通补贴按以下流程申领："),
    ("smartart", ("process1", STEPS)),
    ("heading1", "二、补贴标准"),
    ("body", "离休干部每月交通补贴300元，退休干部每月200元。"),
    ("right", "中共岑川市委老干部局"),
    ("right", "2026年6月1日"),
]


def _speech(path: Path):  # type: ignore[no-untyped-def]
    [speech] = parse_document(read_document(path))
    return speech


def _conserved(path: Path) -> bool:
    document = read_document(path)
    [speech] = parse_document(document)
    return check_conservation(document, [p.text for p in chunk_speech(speech)]).ok


def test_smartart_text_is_read_where_the_graphic_stands(tmp_path: Path) -> None:
    path = tmp_path / "plan.docx"
    write_smartart_docx(PLAN, path, author=AUTHOR)
    speech = _speech(path)
    text = "\n".join(p.text for p in speech.paragraphs)
    assert "第一步  申请：本人或者家属向原单位提出书面申请" in read_document(path).reference
    assert "第二步审核：原单位在7个工作日内审核；材料不全的一次性告知" in text.replace(" ", "")
    # in order: the lead-in, the three steps, then the next section
    assert (
        text.index("交通补贴按以下流程申领")
        < text.index("第一步")
        < text.index("第三步")
        < text.index("300元")
    )
    assert _conserved(path)


def test_a_node_with_a_colon_takes_its_items_after_a_comma(tmp_path: Path) -> None:
    path = tmp_path / "teams.docx"
    parts = [
        ("title", "门球队分组"),
        (
            "smartart",
            ("hierarchy1", [("队长：林一鸣", ["负责训练"]), ("副队长。", ["负责器材"]), ("领队", [])]),
        ),
    ]
    write_smartart_docx(parts, path, author=AUTHOR)
    lines = [b.text for b in read_document(path).blocks]
    assert [line.replace(" ", "") for line in lines[1:]] == [
        "队长：林一鸣，负责训练",
        "副队长。负责器材",
        "领队",
    ]


def test_a_bound_control_shows_its_custom_xml_value(tmp_path: Path) -> None:
    path = tmp_path / "notice.docx"
    values = {"when": "2026年3月6日下午2时30分", "where": "市老年大学二楼报告厅", "who": "文体处  何青禾"}
    stale = {"when": "2025年3月7日下午2时30分", "where": "市委党校礼堂", "who": None}
    parts = [
        ("title", "关于召开老年大学开学典礼的通知"),
        ("body", "各有关单位："),
        ("bound", ["时间：", ("bound", "when", "时间", stale["when"])]),
        ("bound", ["地点：", ("bound", "where", "地点", stale["where"]), "。"]),
        ("bound", ["联系人：", ("bound", "who", "联系人", stale["who"])]),
        ("right", "2026年2月20日"),
    ]
    write_bound_docx(
        parts,
        path,
        author=AUTHOR,
        namespace="http://oa.example.cn/notice",
        store_id="{0A1B2C3D-4E5F-4071-8293-A4B5C6D7E8F9}",
        values=values,
    )
    text = "\n".join(b.text for b in read_document(path).blocks)
    assert "时间：2026年3月6日下午2时30分" in text
    assert "地点：市老年大学二楼报告厅。" in text
    assert "联系人：文体处 何青禾" in text or "联系人：文体处  何青禾" in text
    assert "2025年" not in text and "党校" not in text and "单击" not in text
    assert "市老年大学二楼报告厅" in read_document(path).reference
    assert _conserved(path)


def test_a_bound_control_without_its_part_keeps_what_it_holds(tmp_path: Path) -> None:
    path = tmp_path / "template.docx"
    parts = [("title", "会议通知"), ("bound", ["地点：", ("bound", "where", "地点", "市委党校礼堂")])]
    # the record names another element: the control's node is missing, Word shows what the control holds
    write_bound_docx(
        parts,
        path,
        author=AUTHOR,
        namespace="urn:x",
        store_id="{11111111-2222-4333-8444-555555555555}",
        values={"other": "无关"},
    )
    assert "地点：市委党校礼堂" in [b.text for b in read_document(path).blocks]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice")
def test_a_word_2003_xml_document_under_a_doc_name_is_read(tmp_path: Path) -> None:
    path, typed = tmp_path / "讲话.doc", tmp_path / "typed.docx"
    speech_parts = [
        ("title", "在门球邀请赛开幕式上的讲话"),
        ("speaker", "市委老干部局副局长  林一鸣"),
        ("date", "（2026年4月8日）"),
        ("body", "今天，全市离退休干部门球邀请赛在体育公园开幕，共有14支队伍参赛。"),
        ("body", "比赛为期三天，采用分组循环赛制。预祝比赛圆满成功！"),
    ]
    write_word2003_xml(speech_parts, path, author=AUTHOR)
    write_docx(speech_parts, typed, author=AUTHOR)
    assert path.read_bytes().startswith(b"<?xml")
    speech, expected = _speech(path), _speech(typed)
    assert (speech.title, speech.date, speech.speaker) == (expected.title, expected.date, expected.speaker)
    assert [p.text for p in speech.paragraphs] == [p.text for p in expected.paragraphs]
    assert _conserved(path)


def test_wordpad_bullets_are_not_read_as_replacement_characters(tmp_path: Path) -> None:
    path = tmp_path / "提醒.rtf"
    write_wordpad_rtf(
        [
            ("title", "关于冬季用电安全的提醒"),
            ("body", "请各位老同志注意："),
            ("bullet", "不要在插线板上同时使用多个大功率电器。"),
            ("bullet", "外出时关闭电暖器，温度不低于18℃。"),
            ("right", "2026年11月2日"),
        ],
        path,
    )
    lines = [b.text for b in read_document(path).blocks]
    assert "不要在插线板上同时使用多个大功率电器。" in lines
    assert "外出时关闭电暖器，温度不低于18℃。" in lines
    assert not any("\ufffd" in line for line in lines)


_WORDS = st.text(alphabet="离退休干部老年大学报名时间地点交通补贴发放审核材料", min_size=2, max_size=12)


@settings(max_examples=15, deadline=None)
@given(
    nodes=st.lists(
        st.tuples(_WORDS, st.lists(_WORDS, max_size=3)), min_size=1, max_size=5, unique_by=lambda n: n[0]
    )
)
def test_every_smartart_text_is_read_once_in_order(tmp_path_factory, nodes) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path_factory.mktemp("art") / "art.docx"
    write_smartart_docx([("title", "流程图"), ("smartart", ("process1", nodes))], path, author=AUTHOR)
    text = "".join(b.text for b in read_document(path).blocks[1:])
    expected = [t for node, items in nodes for t in (node, *items)]
    position = 0
    for piece in expected:  # each text once, in the diagram's order
        found = text.find(piece, position)
        assert found >= 0
        position = found + len(piece)
    assert len(text) == sum(map(len, expected)) + sum(
        (1 if items else 0) + max(len(items) - 1, 0) for _, items in nodes
    )  # nothing but the texts and their joints


@pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice to make the file")
def test_a_word_xml_document_without_libreoffice_reads_as_its_text(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from corpus.word import read_word_xml

    path = tmp_path / "通知.doc"
    write_word2003_xml(
        [("title", "关于开放老年活动室的通知"), ("body", "活动室每天上午8时至下午5时开放，周一闭馆。")],
        path,
        author=AUTHOR,
    )
    monkeypatch.setenv("PATH", str(tmp_path))  # no soffice on this machine's path
    word = read_word_xml(path.name, path.read_bytes())
    assert [b.text for b in word.blocks] == [
        "关于开放老年活动室的通知",
        "活动室每天上午8时至下午5时开放，周一闭馆。",
    ]
    assert word.converter == "xml/text"


@pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice to make the file")
def test_a_damaged_word_xml_document_is_refused_in_one_line(tmp_path: Path) -> None:
    from corpus.errors import CorpusError

    path = tmp_path / "讲话.doc"
    write_word2003_xml([("title", "讲话"), ("body", "同志们：今天我们在这里开会。")], path, author=AUTHOR)
    path.write_bytes(path.read_bytes()[:3000])  # cut short in the download
    with pytest.raises(CorpusError) as refused:
        read_document(path)
    assert "讲话.doc" in str(refused.value) and "\n" not in str(refused.value)
