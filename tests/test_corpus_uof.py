"""UOF text documents (.uot, GB/T 20916): corpus/uof.py.

The real file is LibreOffice's 「UOF text」 save of a python-docx notice (tests/fixtures/uof/make_uof.py, made
here where LibreOffice is installed); it must read block for block as its .docx does. The property builds
UOF documents as the standard lays them out, with runs, spaces, line breaks, fields, tables and numbered
paragraphs at random, and checks that every character of the body arrives once and in order, and that
numbering counts as the office program's does.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from bench.documents import squeeze
from corpus import parse_document, read_bytes, read_document
from corpus.errors import UnreadableFile
from corpus.numbering import format_number

EXAMPLES = int(os.environ.get("SPEECHQA_PROPERTY_EXAMPLES", "40"))
NEEDS_LIBREOFFICE = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")


@pytest.fixture(scope="module")
def libreoffice_notice(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    from tests.fixtures.uof.make_uof import write_uot

    folder = tmp_path_factory.mktemp("uof")
    uot = write_uot(folder)
    return uot, uot.with_suffix(".docx")


@NEEDS_LIBREOFFICE
def test_a_word_notice_saved_as_uof_by_libreoffice_reads_as_the_word_file(
    libreoffice_notice: tuple[Path, Path],
) -> None:
    uot, docx = libreoffice_notice
    read = read_document(uot)
    assert read.encoding == "uof"
    assert [(b.kind, b.level, b.text) for b in read.blocks] == [
        (b.kind, b.level, b.text) for b in read_document(docx).blocks
    ]


@NEEDS_LIBREOFFICE
def test_a_uof_notice_keeps_its_numbers_table_labels_and_footnote_and_drops_its_header_and_footer(
    libreoffice_notice: tuple[Path, Path],
) -> None:
    from tests.fixtures.uof.make_uof import HEADER

    text = read_document(libreoffice_notice[0]).text
    assert "（二）每个支部推荐不超过五人。" in text  # Word's numbering, as the office program shows it
    assert "（一）培训期间自备笔墨纸砚。" in text  # a new list starts again
    assert "课次：第五至八次；内容：隶书《曹全碑》临习；授课人：喻青禾" in text
    assert "推荐名单以协会来函为准。" in text  # the footnote
    assert HEADER not in text and "PAGE" not in text and "—" not in text  # page header, footer, field code


@NEEDS_LIBREOFFICE
def test_a_uof_notice_gets_its_title_date_and_every_sentence(libreoffice_notice: tuple[Path, Path]) -> None:
    from tests.fixtures.uof.make_uof import NOTICE

    [speech] = parse_document(read_document(libreoffice_notice[0]))
    assert speech.title == "关于开展离退休干部书法培训的通知"
    assert speech.date == "2027-09-20"
    body = squeeze("".join(p.text for p in speech.paragraphs))
    for kind, text in NOTICE:
        if kind in ("body", "numbered") and not str(text).endswith("："):  # the addressee: 「主送」
            assert squeeze(str(text)) in body


# -- refusals ----------------------------------------------------------------------------------------------

_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<uof:UOF xmlns:uof="http://schemas.uof.org/cn/2003/uof" '
    'xmlns:字="http://schemas.uof.org/cn/2003/uof-wordproc" uof:mimetype="{mimetype}">'
)


def uof(body: str, *, styles: str = "", mimetype: str = "vnd.uof.text") -> bytes:
    return (
        _HEAD.format(mimetype=mimetype)
        + f"<uof:式样集>{styles}</uof:式样集><uof:文字处理><字:主体>{body}</字:主体></uof:文字处理></uof:UOF>"
    ).encode("utf-8")


def paragraph(*runs: str, props: str = "") -> str:
    return f"<字:段落><字:段落属性>{props}</字:段落属性>{''.join(runs)}</字:段落>"


def run(text: str) -> str:
    return f"<字:句><字:文本串>{escape(text)}</字:文本串></字:句>"


@pytest.mark.parametrize(
    ("data", "said"),
    [
        (uof("", mimetype="vnd.uof.spreadsheet"), "是UOF 电子表格，不是 UOF 文字文档"),
        (uof("", mimetype="vnd.uof.presentation"), "是UOF 演示文稿，不是 UOF 文字文档"),
        (uof(paragraph(run("正文。")))[:-40], "不是有效的 UOF 文档（内容已损坏）"),
        (b"PK\x03\x04" + b"\x00" * 60, "是 UOF 2.0 格式的文档（压缩包形式）"),
    ],
    ids=["spreadsheet", "presentation", "cut-short", "uof2-zip"],
)
def test_what_is_no_uof_text_document_is_refused_in_one_chinese_line(data: bytes, said: str) -> None:
    with pytest.raises(UnreadableFile) as caught:
        read_bytes("通知.uot", data)
    assert said in str(caught.value) and "\n" not in str(caught.value)


def test_a_uof_file_under_a_txt_name_is_named_for_what_it_is() -> None:
    with pytest.raises(UnreadableFile, match=r"其实是 UOF 文档（\.uot），不是 \.txt 文件"):
        read_bytes("通知.txt", uof(paragraph(run("这是正文。"))))


def test_chinese_style_names_give_the_title_subtitle_and_headings() -> None:
    """WPS and Yozo Office name their styles in Chinese: 「标题」 is the Title, 「标题 1」 a Heading 1."""
    styles = "".join(
        f'<uof:段落式样 字:标识符="{ident}" 字:名称="{name}"/>'
        for ident, name in (("s1", "标题"), ("s2", "副标题"), ("s3", "标题 1"), ("s4", "标题 2"))
    )
    body = "".join(
        f'<字:段落><字:段落属性 字:式样引用="{ident}"/>{run(text)}</字:段落>'
        for ident, text in (
            ("s1", "通知标题"),
            ("s2", "副题"),
            ("s3", "一、总则"),
            ("s4", "（一）范围"),
            ("", "正文。"),
        )
    )
    blocks = read_bytes("样式.uot", uof(body, styles=styles)).blocks
    assert [(b.kind, b.level) for b in blocks] == [
        ("title", 0),
        ("subtitle", 0),
        ("heading", 1),
        ("heading", 2),
        ("paragraph", 0),
    ]


# -- the property ------------------------------------------------------------------------------------------

_LIST = (
    '<字:自动编号 字:标识符="L1">'
    '<字:级别 字:级别值="0"><字:编号格式>chinese-counting</字:编号格式><字:编号格式表示>第%1条</字:编号格式表示></字:级别>'
    '<字:级别 字:级别值="1"><字:编号格式>chinese-counting</字:编号格式><字:编号格式表示>（%2）</字:编号格式表示></字:级别>'
    "</字:自动编号>"
)
_CHINESE = "一二三四五六七八九十"

words = st.text(alphabet="老干部活动中心报名时间地点医院体检费用标准补助通知", min_size=1, max_size=12)
pieces = st.lists(
    st.one_of(
        words.map(run),
        st.just('<字:句><字:空格符 字:个数="2"/></字:句>'),
        st.just(
            "<字:域开始/><字:域代码><字:段落><字:句><字:文本串>PAGE</字:文本串></字:句></字:段落></字:域代码>"
        ),
    ),
    min_size=1,
    max_size=4,
)
items = st.lists(
    st.tuples(
        st.sampled_from(["plain", "article", "item", "table"]), st.lists(pieces, min_size=1, max_size=3)
    ),
    min_size=1,
    max_size=12,
)


def _visible(xml: str) -> str:
    """What a run list shows: its strings, fields' codes left out."""
    return re.sub(r"<字:域代码>.*?</字:域代码>", "", xml).replace('<字:空格符 字:个数="2"/>', " ")


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(items)
def test_every_string_of_a_uof_body_arrives_once_in_order_and_numbers_count_as_shown(
    case: list[tuple[str, list[list[str]]]],
) -> None:
    body, strings, labelled = [], [], []
    articles = items_under = 0
    for kind, cells in case:
        if kind == "table":
            # under a header row 「项目｜内容」, each row's cells are labelled by it (「项目：…；内容：甲」)
            rows = [[[run("项目")], [run("内容")]], *([cell, [run("甲")]] for cell in cells)]
            rows = "".join(
                "<字:行>" + "".join(f"<字:单元格>{paragraph(*c)}</字:单元格>" for c in row) + "</字:行>"
                for row in rows
            )
            body.append(f"<字:文字表>{rows}</字:文字表>")
            strings.extend(x for cell in cells for x in (_visible("".join(cell)), "甲"))
            continue
        runs, props, label = cells[0], "", ""
        if kind == "article":  # 第%1条: counts on; its items start again under it
            articles, items_under = articles + 1, 0
            props, label = (
                '<字:自动编号信息 字:编号引用="L1" 字:编号级别="0"/>',
                f"第{format_number(articles, 'chineseCounting')}条",
            )
        elif kind == "item":
            items_under += 1
            props, label = (
                '<字:自动编号信息 字:编号引用="L1" 字:编号级别="1"/>',
                f"（{format_number(items_under, 'chineseCounting')}）",
            )
        body.append(paragraph(*runs, props=props))
        strings.append(_visible("".join(runs)))
        labelled.append((label, _visible("".join(runs))))
    assume(any(squeeze(re.sub(r"<[^>]+>", "", s)) for s in strings))  # a body with no text is refused
    document = read_bytes("随机.uot", uof("".join(body), styles=f"<字:自动编号集>{_LIST}</字:自动编号集>"))
    flat = squeeze(document.text)
    position = 0
    for string in (squeeze(re.sub(r"<[^>]+>", "", s)) for s in strings):
        found = flat.find(string, position)
        assert found >= 0, string
        position = found + len(string)
    assert "PAGE" not in document.text
    shown = [
        b.text for b in document.blocks if b.kind not in ("table_row", "line")
    ]  # "line": a one-row table
    wanted = [
        squeeze(label + re.sub(r"<[^>]+>", "", text))
        for label, text in labelled
        if squeeze(re.sub(r"<[^>]+>", "", text))
    ]
    assert [squeeze(t) for t in shown] == wanted
