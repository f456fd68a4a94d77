"""A notice copied from a government web site into Word (or opened from the site's page and saved as
.docx), and a Word file whose title is set in 「标题 1」 (Heading 1) over 「标题 2」 sections.

Before: the title set in Heading 1 (as LibreOffice converts a page's h1, and as many offices set a title)
was read as a section over the whole text and the speech was titled by its file name; the page's path
「首页 > 通知公告」 over it became the title; the line 「发布时间：2024-05-06　来源：市委老干部局　浏览次数：1024」
gave no date (only a line of one field did); the site's foot 「版权所有：……」 ran into the signature, which
then gave no date either.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus import HEAD_SECTION, chunk_speech, parse_document, read_bytes, read_document

EXAMPLES = int(os.environ.get("SPEECHQA_PROPERTY_EXAMPLES", "25"))

TITLE = "关于举办2024年全市离退休干部书画摄影展的通知"
ADDRESSEE = "各县（市、区）委老干部局，市直各单位："
SECTIONS = [
    (
        "作品要求",
        ["书法、绘画作品须为原创，尺寸不超过四尺整张。", "摄影作品须为2023年以来拍摄，每人限报两幅。"],
    ),
    ("报送时间", ["请于2024年7月31日前将作品报送至市老干部活动中心二楼，逾期不予受理。"]),
]
INTRO = "为庆祝中华人民共和国成立75周年，经研究，决定举办全市离退休干部书画摄影展。现将有关事项通知如下："
PATHS = ["首页 > 通知公告", "当前位置：首页 > 信息公开 > 通知公告 > 正文", "您的位置：首页»工作动态"]
FOOTERS = [
    "版权所有：中共临江市委老干部局　地址：临江市人民路1号　电话：0576-88881234",
    "Copyright © 2024 临江市委老干部局",
]


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def meta_line(order: list[str]) -> str:
    fields = {"date": "发布时间：2024-05-06", "source": "来源：市委老干部局", "views": "浏览次数：1024"}
    return "　".join(fields[name] for name in order)


def assert_read(speech, numbered: bool, *, dated: bool = True) -> None:  # type: ignore[no-untyped-def]
    assert speech.title == TITLE
    if dated:
        assert speech.date == "2024-05-06"
    sections = [f"{'一二'[n] + '、' if numbered else ''}{name}" for n, (name, _) in enumerate(SECTIONS)]
    # the notice's head (its 主送 line) first, then the opening under no heading
    assert [p.section for p in speech.paragraphs] == [HEAD_SECTION, None] + [
        section for section, (_, sentences) in zip(sections, SECTIONS, strict=True) for _ in sentences
    ]
    passages = squeeze("".join(c.text for c in chunk_speech(speech)))
    for sentence in [INTRO, *(s for _, sentences in SECTIONS for s in sentences)]:
        assert passages.count(squeeze(sentence)) == 1, sentence
    assert not any(word in passages for word in ("首页", "版权所有", "Copyright", "浏览次数"))


@settings(max_examples=EXAMPLES, deadline=None)
@given(
    st.sampled_from([None, *PATHS]),
    st.permutations(["date", "source", "views"]).map(list),
    st.integers(1, 3),  # how many of the fields the site shows
    st.sampled_from([None, *FOOTERS]),
    st.booleans(),  # the sections numbered 一、二、 as typed
    st.sampled_from([1, 2]),  # the title's heading level (its sections one lower)
)
def test_a_title_in_a_heading_style_over_lower_headings_is_the_title(
    path: str | None, order: list[str], shown: int, footer: str | None, numbered: bool, level: int
) -> None:
    import docx

    d = docx.Document()
    if path:
        d.add_paragraph(path)
    d.add_heading(TITLE, level=level)
    fields = order[:shown] if "date" in order[:shown] else ["date", *order[: shown - 1]]
    d.add_paragraph(meta_line(fields))
    d.add_paragraph(ADDRESSEE)
    d.add_paragraph(INTRO)
    for n, (name, sentences) in enumerate(SECTIONS):
        d.add_heading(f"{'一二'[n] + '、' if numbered else ''}{name}", level=level + 1)
        for sentence in sentences:
            d.add_paragraph(sentence)
    d.add_paragraph("中共临江市委老干部局")
    d.add_paragraph("2024年5月6日")
    if footer:
        d.add_paragraph(footer)
    out = io.BytesIO()
    d.save(out)
    (speech,) = parse_document(read_bytes("通知.docx", out.getvalue()))
    assert_read(speech, numbered)


def test_an_events_organisers_at_its_end_stay_body_text() -> None:
    text = f"{TITLE}\n{ADDRESSEE}\n{INTRO}\n主办单位：市委老干部局\n承办单位：市老年大学\n"
    (speech,) = parse_document(read_bytes("通知.txt", text.encode("utf-8")))
    passages = "".join(c.text for c in chunk_speech(speech))
    assert "主办单位：市委老干部局" in passages and "承办单位：市老年大学" in passages


def test_headings_of_one_level_stay_sections_and_a_numbered_first_heading_is_no_title() -> None:
    import docx

    for titles in (["一、总体要求", "二、工作措施"], ["学习贯彻会议精神", "扎实做好服务工作"]):
        d = docx.Document()
        for n, title in enumerate(titles):
            d.add_heading(title, level=1)
            if n == 0:
                d.add_heading("（一）加强领导", level=2)
            d.add_paragraph(f"这是第{n + 1}部分的内容，要认真抓好落实。")
        out = io.BytesIO()
        d.save(out)
        (speech,) = parse_document(read_bytes("材料.docx", out.getvalue()))
        assert speech.title == "材料"
        assert speech.paragraphs[0].section.startswith(titles[0])


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
@pytest.mark.parametrize("path, footer", [(PATHS[0], FOOTERS[0]), (PATHS[1], None), (None, FOOTERS[1])])
def test_a_web_page_converted_to_docx_by_libreoffice_reads_as_its_notice(
    tmp_path: Path, path: str | None, footer: str | None
) -> None:
    """A notice as a site publishes it (path, h1, the line of fields, h3 sections, signature, the site's
    foot), opened by LibreOffice and saved as .docx, as staff keep a notice they found on a site."""
    parts = [f'<div class="path">{path}</div>' if path else ""]
    parts += [f"<h1>{TITLE}</h1>", f'<p class="info">{meta_line(["date", "source", "views"])}</p>']
    parts += [f"<p>{ADDRESSEE}</p>", f"<p>{INTRO}</p>"]
    for n, (name, sentences) in enumerate(SECTIONS):
        parts.append(f"<h3>{'一二'[n]}、{name}</h3>")
        parts += [f"<p>{sentence}</p>" for sentence in sentences]
    parts.append('<p style="text-align:right">中共临江市委老干部局<br>2024年5月6日</p>')
    if footer:
        parts.append(f'<div class="foot">{footer}</div>')
    page = tmp_path / "通知.html"
    page.write_text(
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{TITLE}</title></head>'
        f"<body>{''.join(parts)}</body></html>",
        encoding="utf-8",
    )
    with tempfile.TemporaryDirectory() as profile:  # opened as a Writer document, not Writer/Web
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--infilter=HTML (StarWriter)",
                *("--convert-to", "docx", "--outdir", str(tmp_path), str(page)),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
    docx_path = tmp_path / "通知.docx"
    (speech,) = parse_document(read_document(docx_path))
    assert_read(speech, numbered=True)


def test_a_chrome_mhtml_page_is_titled_by_its_heading_not_its_site_name() -> None:
    """cold43: a county site's notice saved by Chrome as 「单个文件」 (.mhtml, Blink's multipart/related): its
    ``<title>`` is 「…学习活动的通知-栾坪县老干部工作网」, the dash without spaces; the notice was titled with the
    site's name. Its ``<h1>`` is the title now; the navigation and footer stay out."""
    from corpus import parse_document, read_document

    path = (
        Path(__file__).resolve().parent.parent
        / "benchmarks"
        / "corpus-cold43"
        / "关于开展2038年离退休干部“银龄学堂”学习活动的通知 - 栾坪县老干部工作网.mhtml"
    )
    (notice,) = parse_document(read_document(path))
    assert notice.title == "关于开展2038年离退休干部“银龄学堂”学习活动的通知"
    assert notice.date == "2038-03-02"
    text = " ".join(p.text for p in notice.paragraphs)
    assert "ICP" not in text and "老干部风采" not in text
    assert text.count("每参加一次集中学习积2分") == 1


NOTICE = "关于举办2038年离退休干部春季健步走活动的通知"
SITE_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title></head><body>
<div class="header">{logo}</div>
<div class="nav"><a href="/">首页</a> <a href="/tzgg">通知公告</a> <a href="/lgbfc">老干部风采</a></div>
<div class="article">{heading}
<div class="info">发布时间：2038-03-02　来源：栾坪县老干部局</div>
<p>各离退休干部党支部：</p>
<p>经研究，定于2038年4月12日上午9时在城关镇滨河公园举办春季健步走活动。请各支部于4月5日前报送参加人数。</p>
<p style="text-align:right">中共栾坪县委老干部局</p><p style="text-align:right">2038年3月2日</p></div>
<div class="footer">版权所有：栾坪县老干部局　ICP备12345678号</div></body></html>"""


@pytest.mark.parametrize(
    ("title", "logo", "heading", "expected"),
    [
        # the site's logo is an <h1>: the notice's <h2> is the title, not the site's name
        (
            f"{NOTICE}-栾坪县老干部工作网",
            '<h1 class="logo">栾坪县老干部工作网</h1>',
            f"<h2>{NOTICE}</h2>",
            NOTICE,
        ),
        (
            f"{NOTICE}-通知公告-栾坪县老干部工作网",
            "<h1>栾坪县老干部工作网</h1>",
            f"<h2>{NOTICE}</h2>",
            NOTICE,
        ),
        # a column's name in an <h2> before the notice's <h3>: not the title
        (f"栾坪县老干部局通知公告-{NOTICE}", "<h2>栾坪县老干部局通知公告</h2>", f"<h3>{NOTICE}</h3>", NOTICE),
        # both parts are the document's: the title is not cut to its longer part
        (
            "栾坪县老干部局-县人民医院健康体检合作协议",
            "<h1>县人民医院健康体检合作协议</h1>",
            "<h2>合作协议全文</h2>",
            "栾坪县老干部局-县人民医院健康体检合作协议",
        ),
        # a dash between years parts nothing
        (
            "2027-2028年度离退休干部先进个人评选结果公示",
            "",
            "<h1>2027-2028年度离退休干部先进个人评选结果公示</h1>",
            "2027-2028年度离退休干部先进个人评选结果公示",
        ),
    ],
)
def test_a_site_pages_logo_or_column_heading_is_never_its_title(
    tmp_path: Path, title: str, logo: str, heading: str, expected: str
) -> None:
    """The review of cold43: with a <title> 「…的通知-栾坪县老干部工作网」 the site's logo <h1> (its name) or a
    column's <h2> was taken for the title, and 「栾坪县老干部局-县人民医院健康体检合作协议」 was cut to its second part."""
    path = tmp_path / "page.html"
    path.write_text(SITE_PAGE.format(title=title, logo=logo, heading=heading), encoding="utf-8")
    (notice,) = parse_document(read_document(path))
    assert notice.title == expected
    assert notice.date == "2038-03-02"
