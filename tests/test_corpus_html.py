"""Web pages (.html/.htm) as documents: notices saved from government sites and Word files saved as web
pages by LibreOffice (tests/fixtures/web_pages, made by make_web_pages.py), and generated pages.

What must hold: the body's sentences once and in order, nothing of the site around it (menu, breadcrumb,
info line, function links, related links, footer, scripts, hidden text), tables labelled in place, the
title and the date as the other readers give them, the declared charset honoured, a LibreOffice export
read as its .docx is, and a page with no body or no HTML refused in one Chinese line.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.documents import squeeze
from corpus import (
    CorpusError,
    check_conservation,
    chunk_speech,
    iter_speech_files,
    parse_document,
    read_bytes,
    read_document,
)
from corpus.html import is_info_line, read_html
from tests.fixtures.corpus_writers import GOV_FOOTER, GOV_MENU, GOV_RELATED, gov_page, mht

from .test_corpus_documents import find_in_order

EXAMPLES = int(os.environ.get("SPEECHQA_PROPERTY_EXAMPLES", "25"))
FIXTURES = Path(__file__).parent / "fixtures" / "web_pages"
DOCUMENTS = Path(__file__).parent / "fixtures" / "documents"
CASES = sorted(FIXTURES.glob("*.json"))
READ_CASES = [c for c in CASES if "error" not in json.loads(c.read_text("utf-8"))]
ERROR_CASES = [c for c in CASES if c not in READ_CASES]


def expected_of(case: Path) -> dict:  # type: ignore[type-arg]
    return json.loads(case.read_text(encoding="utf-8"))


def fixture_of(case: Path) -> Path:
    return case.with_name(case.name.removesuffix(".json"))


def passages_of(path: Path) -> list[str]:
    return [p.text for speech in parse_document(read_document(path)) for p in chunk_speech(speech)]


def test_the_web_page_fixtures_cover_every_layout() -> None:
    formats = {expected_of(c)["format"] for c in CASES}
    assert {"html/gov-div", "html/gov-table", "html/gov-article", "html/libreoffice"} <= formats
    assert {"mht/gov-div", "mht/libreoffice"} <= formats
    assert ERROR_CASES
    assert sum(p.stat().st_size for p in FIXTURES.iterdir() if p.is_file()) < 256 * 1024


@pytest.mark.parametrize("case", READ_CASES, ids=lambda c: c.name.removesuffix(".json"))
def test_a_saved_page_reads_as_its_notice_and_nothing_of_the_site(case: Path) -> None:
    expected = expected_of(case)
    document = read_document(fixture_of(case))
    assert find_in_order(expected["sentences"], document.text) == []
    for absent in expected["absent"]:
        assert squeeze(absent) not in squeeze(document.text), absent
    lines = [squeeze(line) for line in document.text.splitlines()]
    for row in expected.get("table_rows", []):
        assert squeeze(row) in lines
    [speech] = parse_document(document)
    assert speech.title == expected["title"]
    assert speech.date == expected["date"]
    assert speech.speaker == expected["speaker"]
    assert speech.doc_number == expected["doc_number"]
    sections = {part for p in speech.paragraphs if p.section for part in p.section.split(" › ")}
    assert {squeeze(s) for s in expected["sections"]} <= {squeeze(s) for s in sections}
    conservation = check_conservation(document, [p.text for p in chunk_speech(speech)])
    assert conservation.ok and conservation.sentences >= len(expected["sentences"])


@pytest.mark.parametrize("case", ERROR_CASES, ids=lambda c: c.name.removesuffix(".json"))
def test_a_page_with_no_body_or_no_html_is_refused_in_one_chinese_line(case: Path) -> None:
    with pytest.raises(CorpusError) as caught:
        read_document(fixture_of(case))
    message = str(caught.value)
    assert expected_of(case)["error"] in message and fixture_of(case).name in message
    assert "\n" not in message and message.endswith("。")


@pytest.mark.parametrize("stem", ["health_notice", "work_conference"])
def test_libreoffice_web_page_of_a_word_file_reads_as_the_word_file(stem: str) -> None:
    """The same speeches, word for word: title, date, speaker, 文号, issuer, 主送, every paragraph under its
    section (the export of the committed .docx, by `soffice --convert-to html`)."""

    def laid_out(path: Path) -> list[str]:
        out = []
        for s in parse_document(read_document(path)):
            out += [s.title, str(s.date), str(s.speaker), str(s.doc_number), str(s.issuer), str(s.addressee)]
            out += [f"[{p.section}] {p.kind} {p.text}" for p in s.paragraphs]
        return out

    assert laid_out(FIXTURES / f"{stem}.libreoffice.html") == laid_out(DOCUMENTS / f"{stem}.docx")


def test_the_declared_charset_is_honoured_and_gb2312_reads_as_gb18030() -> None:
    parts = [
        ("title", "关于开展重阳节敬老活动的通知"),
        ("body", "各单位要走访慰问高龄老同志，镕、堃等字照常显示。"),
    ]
    page = gov_page(parts, charset="gb2312").replace(b"charset=gb2312", b"charset=GB2312")
    # 镕 and 堃 are outside GB2312 but in GBK: pages declared GB2312 carry them, browsers read GBK
    page = page.replace("镕".encode("ascii", "xmlcharrefreplace"), "镕".encode("gbk"))
    document = read_bytes("通知.html", page)
    assert document.encoding == "html/gb18030"
    assert "镕、堃等字照常显示。" in document.text
    undeclared = page.replace(b"charset=GB2312", b"charset=")
    assert "镕、堃等字照常显示。" in read_bytes("通知.htm", undeclared).text  # detected as a .txt is


@pytest.mark.parametrize("charset", ["gb2312", "utf-8"])
@pytest.mark.parametrize("encoding", ["quoted-printable", "base64"])
def test_a_single_file_page_reads_as_the_page_it_holds(charset: str, encoding: str) -> None:
    """.mht/.mhtml: the HTML part, decoded from its transfer encoding and read in its part's charset, gives
    the blocks the page itself gives; its picture and style sheet add nothing."""
    parts = [
        ("title", "关于开展重阳节敬老活动的通知"),
        ("body", "各单位要走访慰问高龄老同志，镕、堃照常显示。"),
    ]
    page = gov_page(parts, charset="utf-8")
    if charset == "gb2312":  # declared GB2312 in the page, the bytes GBK, as such sites serve them
        page = (
            page.decode("utf-8").replace("charset=utf-8", "charset=gb2312").encode("gbk", "xmlcharrefreplace")
        )
    single = read_bytes("通知.mht", mht(page, charset, encoding=encoding))
    assert single.blocks == read_bytes("通知.html", page).blocks
    assert "镕、堃照常显示。" in single.text
    # the part's charset wins over a page that declares none (as a browser reads it)
    bare = page.replace(b"charset=gb2312", b"charset=").replace(b"charset=utf-8", b"charset=")
    assert read_bytes("通知.mhtml", mht(bare, charset, encoding=encoding)).blocks == single.blocks


def test_entities_and_indents_read_as_text() -> None:
    page = (
        "<html><head><title>关于做好离退休干部走访工作的通知 - 市委老干部局</title></head><body>"
        "<div><p>&nbsp;&nbsp;&nbsp;&nbsp;各单位要&ldquo;应访尽访&rdquo;，做到&lt;全覆盖&gt;。</p>"
        "<p>\u3000\u3000请于5月底前报送总结&amp;名单。</p></div></body></html>"
    ).encode()
    document = read_bytes("走访.html", page)
    assert document.text.splitlines() == [
        "关于做好离退休干部走访工作的通知",
        "各单位要“应访尽访”，做到<全覆盖>。",
        "请于5月底前报送总结&名单。",
    ]


def test_the_info_line_dates_a_notice_without_a_date_of_its_own_but_never_the_footer_year() -> None:
    parts = [("title", "关于开展重阳节敬老活动的通知"), ("body", "各单位要走访慰问高龄老同志。")]
    [speech] = parse_document(read_bytes("通知.html", gov_page(parts, published="2023-10-08")))
    assert speech.date == "2023-10-08"
    page = gov_page(parts, published="").replace("发布时间：".encode(), b"")
    [speech] = parse_document(read_bytes("通知.html", page))
    assert speech.date is None  # 「Copyright © 2024」 is no date
    assert is_info_line("发布时间：2024-03-05　来源：市委老干部局　浏览次数：1024　字号：大 中 小")
    assert is_info_line("【打印本页】【关闭窗口】")
    assert not is_info_line("时间：2024年7月1日上午9时。")


def test_a_page_of_headings_lists_and_a_merged_table_keeps_its_structure() -> None:
    page = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>工作要点</title></head><body>
    <nav><a href="/">首页</a> <a href="/a">机构概况</a></nav>
    <main><h1>2024年老干部工作要点</h1>
    <h2>一、政治建设</h2><p>全年组织老同志集中学习四次。</p>
    <ol start="3" type="1"><li>开展主题党日活动。</li><li>评选先进离退休干部党支部。</li></ol>
    <h2>二、服务保障</h2>
    <table><tr><th>项目</th><th>标准</th></tr>
    <tr><td rowspan="2">体检</td><td>每年一次。</td></tr><tr><td>费用全额保障。</td></tr>
    <tr><td colspan="2">备注：经费列入预算。</td></tr></table>
    <p><b>三、组织领导</b></p><p>各单位主要负责同志亲自抓。<br>分管同志具体抓。</p>
    </main><footer>版权所有：市委老干部局</footer></body></html>""".encode()
    document = read_bytes("要点.html", page)
    assert [(b.kind, b.text) for b in document.blocks] == [
        ("title", "2024年老干部工作要点"),
        ("heading", "一、政治建设"),
        ("paragraph", "全年组织老同志集中学习四次。"),
        ("paragraph", "3. 开展主题党日活动。"),
        ("paragraph", "4. 评选先进离退休干部党支部。"),
        ("heading", "二、服务保障"),
        ("table_row", "项目：体检；标准：每年一次。"),
        ("table_row", "项目：体检；标准：费用全额保障。"),
        ("table_row", "备注：经费列入预算。"),
        ("heading", "三、组织领导"),
        ("paragraph", "各单位主要负责同志亲自抓。"),
        ("paragraph", "分管同志具体抓。"),
    ]


def test_a_folder_of_saved_pages_is_added_and_their_images_are_not(tmp_path: Path) -> None:
    (tmp_path / "通知.html").write_bytes(b"<p>x</p>")
    (tmp_path / "通知.htm").write_bytes(b"<p>x</p>")
    (tmp_path / "通知_files").mkdir()
    (tmp_path / "通知_files" / "logo.gif").write_bytes(b"GIF89a")
    assert [p.name for p in iter_speech_files([tmp_path])] == ["通知.htm", "通知.html"]


def test_a_text_or_a_picture_named_html_is_told_what_it_is() -> None:
    with pytest.raises(CorpusError, match="其实是纯文本文件"):
        read_bytes("通知.html", "关于开展重阳节敬老活动的通知\n各单位要走访慰问高龄老同志。\n".encode("gbk"))
    with pytest.raises(CorpusError, match="其实是 PNG 图片"):
        read_bytes("通知.html", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)


# -- property: any notice in any template comes back whole, and nothing of the site does ---------------

_SENTENCE = st.builds(
    lambda subject, verb, end: f"{subject}{verb}{end}",
    st.sampled_from(["各单位", "市老年大学", "各县（市、区）委老干部局", "离退休干部党支部", "活动中心"]),
    st.sampled_from(
        [
            "要按时报送材料",
            "组织老同志参观学习",
            "做好走访慰问工作，确保全覆盖",
            "落实“两项待遇”",
            "开放时间不少于六天",
        ]
    ),
    st.sampled_from(["。", "！", "；"]),
)
_HEADINGS = ["一、总体要求", "二、工作安排", "三、保障措施", "四、有关要求"]


@st.composite
def notice_parts(draw: st.DrawFn) -> list[tuple[str, str]]:
    """Headings and paragraphs of 1–3 sentences, no sentence twice (each must be found once)."""
    sentences = draw(st.lists(_SENTENCE, min_size=1, max_size=10, unique=True))
    parts: list[tuple[str, str]] = []
    headings = iter(_HEADINGS)
    while sentences:
        if draw(st.booleans()) and (heading := next(headings, None)):
            parts.append(("heading1", heading))
        size = draw(st.integers(1, 3))
        parts.append(("body", "".join(sentences[:size])))
        sentences = sentences[size:]
    return parts


@settings(max_examples=EXAMPLES, deadline=None)
@given(
    parts=notice_parts(),
    template=st.sampled_from(["div", "article", "table"]),
    charset=st.sampled_from(["utf-8", "gb2312"]),
    signed=st.booleans(),
)
def test_every_body_sentence_once_in_order_and_nothing_of_the_site(
    parts: list[tuple[str, str]], template: str, charset: str, signed: bool
) -> None:
    body = [p for kind, p in parts if kind == "body"]
    notice = [("title", "关于做好2024年老干部工作的通知"), *parts]
    if signed:
        notice += [("right", "中共临江市委老干部局"), ("right", "2024年6月1日")]
    page = gov_page(notice, template=template, charset=charset, published="2024-05-20")
    document = read_bytes("通知.html", page)
    sentences = [s for p in body for s in re.findall(r"[^。！；]+[。！；]", p)]
    assert find_in_order(sentences, document.text) == []
    flat = squeeze(document.text)
    for absent in ["当前位置", "发布时间", "打印本页", "分享到", *GOV_MENU[1:], *GOV_RELATED, *GOV_FOOTER]:
        assert squeeze(absent) not in flat
    [speech] = parse_document(document)
    assert speech.title == "关于做好2024年老干部工作的通知"
    assert speech.date == ("2024-06-01" if signed else "2024-05-20")
    sections = {p.section for p in speech.paragraphs}
    assert {h for kind, h in parts if kind == "heading1"} <= sections
    assert check_conservation(document, [p.text for p in chunk_speech(speech)]).ok


def test_the_reference_text_sees_body_text_the_block_walk_would_lose() -> None:
    """The reference is a walk of its own: each body sentence is in it once, so `add --check` compares the
    passages with the page, not with the blocks."""
    page = gov_page([("title", "关于开展重阳节敬老活动的通知"), ("body", "各单位要走访慰问高龄老同志。")])
    read = read_html("通知.html", page)
    assert read.reference.count("各单位要走访慰问高龄老同志。") == 1
    assert "打印本页" not in read.reference and "主办单位" not in read.reference


@pytest.mark.parametrize("path, footer", [(0, 0), (1, None), (None, 1)])
def test_the_page_staff_used_to_convert_to_docx_now_reads_as_its_notice_directly(
    path: int | None, footer: int | None
) -> None:
    """The page of tests/test_corpus_web_pages.py (path, h1, the line of fields, h3 sections, signature over
    a <br>, the site's foot), which staff had to open in LibreOffice and save as .docx: read as saved, it
    gives what the .docx gives."""
    from .test_corpus_web_pages import (
        ADDRESSEE,
        FOOTERS,
        INTRO,
        PATHS,
        SECTIONS,
        TITLE,
        assert_read,
        meta_line,
    )

    parts = [f'<div class="path">{PATHS[path]}</div>' if path is not None else ""]
    parts += [f"<h1>{TITLE}</h1>", f'<p class="info">{meta_line(["date", "source", "views"])}</p>']
    parts += [f"<p>{ADDRESSEE}</p>", f"<p>{INTRO}</p>"]
    for n, (name, sentences) in enumerate(SECTIONS):
        parts.append(f"<h3>{'一二'[n]}、{name}</h3>")
        parts += [f"<p>{sentence}</p>" for sentence in sentences]
    parts.append('<p style="text-align:right">中共临江市委老干部局<br>2024年5月6日</p>')
    if footer is not None:
        parts.append(f'<div class="foot">{FOOTERS[footer]}</div>')
    page = (
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{TITLE}</title></head>'
        f"<body>{''.join(parts)}</body></html>"
    )
    document = read_bytes("通知.html", page.encode("utf-8"))
    (speech,) = parse_document(document)
    assert_read(speech, numbered=True)
    for gone in ("首页", "版权所有", "Copyright", "浏览次数"):
        assert gone not in document.text


def test_footnotes_of_an_office_web_page_follow_what_references_them() -> None:
    """LibreOffice (and Word) write a document's notes at the end of its web page, each linking back to its
    mark: each is read once, as a note after the block holding its mark — a note of the title after the
    first sentence, so the date and speaker lines stay the header — and the marks' numbers are no text."""
    document = read_document(FIXTURES / "word_notes_tables.libreoffice.html")
    blocks = [(b.kind, b.text) for b in document.blocks]
    notes = [text for kind, text in blocks if kind == "note"]
    assert notes[:3] == [
        "本文根据录音整理，有删节。",
        "数据截至2024年3月底，来源于市委老干部局年度统计。",
        "含离休干部三百一十二名",
    ]
    assert (
        notes[-1] == "参见《关于进一步加强新时代离退休干部党的建设工作的意见》。"
    )  # the endnote, marked 「i」
    assert len(notes) == len(set(notes))
    first_sentence = next(
        n for n, (kind, text) in enumerate(blocks) if text.endswith("。") and kind != "note"
    )
    assert blocks[first_sentence + 1] == ("note", "本文根据录音整理，有删节。")
    [speech] = parse_document(document)
    assert (speech.date, speech.speaker) == ("2025-03-06", "陈志刚")
    assert not re.search(r"[\u4e00-\u9fff。][0-9i]$", "\n".join(t for _, t in blocks), re.M)  # no mark left
    assert check_conservation(document, [p.text for p in chunk_speech(speech)]).ok


def test_a_page_follows_the_size_limit_of_documents_not_of_plain_text() -> None:
    from corpus import MAX_TEXT_BYTES
    from corpus.reader import MAX_FILE_BYTES, size_refusal

    assert size_refusal("通知.html", MAX_TEXT_BYTES + 1) is None  # pages carry markup: the 50 MB limit
    refusal = size_refusal("通知.mht", MAX_FILE_BYTES + 1)
    assert refusal is not None and refusal.startswith("文件太大：通知.mht")
    with pytest.raises(CorpusError, match="文件太大"):
        read_bytes("通知.html", b"<p>" + b"x" * MAX_FILE_BYTES)
