"""Head lines written with a label (corpus.parse): a deck's title slide 「汇报人：殷鹤年　2035年1月18日」 gives
the speaker and the date; a 主送 set as 「主送：各离退休干部党支部」 (its label spaced, or stretched with Word's
「调整宽度」, ``w:fitText``) is the addressee, not the start of the first paragraph. And a footnote whose
sentence ends inside a lead that closes with 「如下：」 is read after that lead, not under the first item.
python-pptx, LibreOffice Impress and python-docx write the documents."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus import parse_document, read_bytes, read_document

SET = Path(__file__).resolve().parent.parent / "benchmarks" / "corpus-cold38"
TITLE = "蔚桥县老干部航模兴趣小组2034年工作汇报"
BULLETS = ("兴趣小组成立于2031年4月，现有成员36人。", "每周三下午集中活动。")


def _deck(subtitle: str) -> bytes:
    """A python-pptx deck: a title slide (title, subtitle) and a bullet slide."""
    from pptx import Presentation

    deck = Presentation()
    first = deck.slides.add_slide(deck.slide_layouts[0])
    first.shapes.title.text = TITLE
    first.placeholders[1].text = subtitle
    slide = deck.slides.add_slide(deck.slide_layouts[1])
    slide.shapes.title.text = "基本情况"
    frame = slide.placeholders[1].text_frame
    frame.text = BULLETS[0]
    frame.add_paragraph().text = BULLETS[1]
    out = io.BytesIO()
    deck.save(out)
    return out.getvalue()


def test_the_blind_sets_impress_deck_names_its_speaker_and_date() -> None:
    # benchmarks/corpus-cold38 (python-pptx → Impress .odp): main read 「汇报人：殷鹤年2035年1月18日」 as a
    # passage, the report undated and without a speaker
    speech = parse_document(read_document(SET / "蔚桥县老干部航模兴趣小组2034年工作汇报.odp"))[0]
    assert (speech.title, speech.speaker, speech.date) == (TITLE, "殷鹤年", "2035-01-18")
    assert not any("汇报人" in p.text for p in speech.paragraphs)


_LABELS = st.sampled_from(["汇报人", "报告人", "主讲人", "宣讲人", "汇 报 人", "報告人"])
_NAMES = st.sampled_from(["殷鹤年", "章孝先", "骆晓岚", "葛素琴", "诸葛雯", "万星辰"])
_DATES = st.sampled_from(
    [("2035年1月18日", "2035-01-18"), ("二〇三五年一月十八日", "2035-01-18"), ("2034.12.6", "2034-12-06")]
)


@settings(max_examples=30, deadline=None)
@given(
    label=_LABELS,
    name=_NAMES,
    dated=st.one_of(st.none(), _DATES),
    gap=st.sampled_from(["\u3000", " ", "  ", ""]),
    colon=st.sampled_from(["：", ":"]),
)
def test_a_labelled_presenter_line_gives_the_speaker_and_the_date(
    label: str, name: str, dated: tuple[str, str] | None, gap: str, colon: str
) -> None:
    line = f"{label}{colon}{name}" + (f"{gap}{dated[0]}" if dated else "")
    speech = parse_document(read_bytes("汇报.pptx", _deck(line)))[0]
    assert speech.title == TITLE
    assert speech.speaker == name
    assert speech.date == (dated[1] if dated else None)
    assert [p.text for p in speech.paragraphs] == list(BULLETS)


def test_a_label_naming_no_person_is_not_a_speaker() -> None:
    speech = parse_document(read_bytes("汇报.pptx", _deck("汇报单位：县委老干部局")))[0]
    assert speech.speaker is None


NOTICE_TITLE = "关于开展离退休干部免费洗牙和义齿修复服务的通知"
LEAD = "为维护离退休干部口腔健康，县委老干部局与县口腔医院合作，提供免费洗牙服务。现将有关事项通知如下："
ITEMS = ("一、服务内容。每人每年免费洗牙一次。", "二、服务地点。县口腔医院二楼老年口腔科。")


def _notice(label: str, fit: bool, bodies: str) -> bytes:
    from docx import Document
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    doc = Document()
    doc.add_paragraph(NOTICE_TITLE)
    send = doc.add_paragraph()
    run = send.add_run(label)
    if fit:  # 「调整宽度」 to four characters
        stretch = OxmlElement("w:fitText")
        stretch.set(qn("w:val"), str(4 * 240))
        stretch.set(qn("w:id"), "1730987")
        run._r.get_or_add_rPr().append(stretch)
    send.add_run("：" + bodies)
    for text in (LEAD, *ITEMS, "中共蔚桥县委老干部局", "2035年4月3日"):
        doc.add_paragraph(text)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


@settings(max_examples=25, deadline=None)
@given(
    label=st.sampled_from(["主送", "主　　送", "主 送", "主送机关"]),
    fit=st.booleans(),
    bodies=st.sampled_from(
        ["各离退休干部党支部", "各乡镇（街道）老干部工作站，县直各单位", "县委老干部局各科室"]
    ),
    colon=st.sampled_from(["", "："]),
)
def test_a_labelled_addressee_line_is_the_addressee(label: str, fit: bool, bodies: str, colon: str) -> None:
    speech = parse_document(read_bytes("通知.docx", _notice(label, fit, bodies + colon)))[0]
    assert speech.title == NOTICE_TITLE
    assert speech.addressee == bodies
    texts = [p.text for p in speech.paragraphs if p.section != "文件信息"]
    assert texts[0] == LEAD  # before: 「主送：各离退休干部党支部为维护…」
    assert speech.date == "2035-04-03"


def test_the_blind_sets_note_follows_the_lead_it_was_made_in() -> None:
    # the note's sentence 「……优惠服务※。」 ends inside the lead, which closes with 「如下：」: the note was read
    # under 「一、服务内容」; the 主送 (stretched with 调整宽度) ran into the lead
    speech = parse_document(read_document(SET / "关于开展离退休干部免费洗牙和义齿修复服务的通知.docx"))[0]
    assert speech.addressee == "各离退休干部党支部"
    body = [p for p in speech.paragraphs if p.section != "文件信息"]
    assert body[0].text.startswith("为维护离退休干部口腔健康")
    assert (body[1].kind, body[1].section) == ("note", None)
    assert body[1].text == "※ 本通知所称离退休干部，含县属国有企业退休的原国家干部。"
    assert body[2].section == "一、服务内容"


def _report(head: list[str]) -> bytes:
    """A python-docx report: the title (Word's Title style), the head lines, two paragraphs of body."""
    from docx import Document

    doc = Document()
    doc.add_paragraph("2035年度老干部工作汇报", style="Title")
    for line in head:
        doc.add_paragraph(line)
    doc.add_paragraph("一年来，我局围绕中心工作，完成各项任务。")
    doc.add_paragraph("下一步，我们将继续做好服务。")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


_SPEAKERS = {
    "汇报人：万星辰": "万星辰",
    "报告人：县委老干部局局长 殷鹤年": "殷鹤年",
    "汇报人: 俞晓岚": "俞晓岚",
    "报告人：县民政局副局长\u3000谢婉清": "谢婉清",
    "讲话人：县委老干部局副局长章孝先": "章孝先",
}


@settings(max_examples=40, deadline=None)
@given(
    order=st.permutations([0, 1, 2]),
    unit_label=st.sampled_from(["汇报单位", "报告单位", "汇报部门", "汇　报　单　位"]),
    unit=st.sampled_from(["县委老干部局", "中共蔚桥县委老干部局", "县老干部活动中心"]),
    person=st.sampled_from(
        [
            "汇报人：万星辰",
            "报告人：县委老干部局局长 殷鹤年",
            "汇报人: 俞晓岚",
            "报告人：县民政局副局长\u3000谢婉清",
            "讲话人：县委老干部局副局长章孝先",
        ]
    ),
    colon=st.sampled_from(["：", ":"]),
)
def test_labelled_head_lines_in_any_order_give_issuer_speaker_and_date(
    order: list[int], unit_label: str, unit: str, person: str, colon: str
) -> None:
    # before, a 汇报单位 line under the title was taken for the body's start: the 汇报人 and date lines
    # under it ran into the first paragraph, no speaker, no date
    lines = [f"{unit_label}{colon}{unit}", person, "2036年1月18日"]
    # (read65: the date straight under the title, then the 汇报单位 line, then a 报告人 line with a post was read
    # as a cover page — the title and date — over a head whose title was the 汇报单位 line)
    speech = parse_document(read_bytes("汇报.docx", _report([lines[i] for i in order])))[0]
    assert speech.title == "2035年度老干部工作汇报"
    assert speech.speaker == _SPEAKERS[person]
    assert speech.date == "2036-01-18"
    assert speech.issuer == unit
    assert speech.paragraphs[0].text == "一年来，我局围绕中心工作，完成各项任务。"


def test_a_forms_filling_unit_is_not_a_head_line() -> None:
    # 「填报单位：…」 under a form's title stays the body's first line (the rule is the reporting body's labels)
    speech = parse_document(read_bytes("表.docx", _report(["填报单位：县委老干部局"])))[0]
    assert speech.paragraphs[0].text.startswith("填报单位：县委老干部局")


DATED_HEAD = Path(__file__).resolve().parent / "fixtures" / "dated_head"


@pytest.mark.parametrize("name", ["report.python-docx.docx", "report.writer.pdf", "report.writer.txt"])
def test_a_date_under_the_title_over_the_presenting_unit_and_a_posted_speaker(name: str) -> None:
    # the date straight under the title, then 「汇报单位：县民政局」, then 「报告人：县民政局副局长　谢婉清」: main read the
    # title and date as a cover page and the 汇报单位 line as the report's title (no issuer) in the .docx and .txt
    from tests.fixtures.dated_head.make_dated_head import BODY, TITLE

    path = DATED_HEAD / name
    [speech] = parse_document(read_bytes(path.name, path.read_bytes()))
    assert (speech.title, speech.speaker, speech.date, speech.issuer) == (
        TITLE,
        "谢婉清",
        "2036-01-18",
        "县民政局",
    )
    assert [p.text for p in speech.paragraphs if p.section != "文件信息"] == BODY


@pytest.mark.parametrize("date", ["二〇三六年一月", "2036年1月"])
def test_a_cover_holding_the_presenting_unit_is_still_a_cover(date: str) -> None:
    # review of read65, item 4: a cover in the Title style holding 「汇报单位：…」 over its date, the report's own
    # title (Title style) after it — read65 stopped the cover at the 汇报单位 line and read the cover's name into
    # the title (「蔚桥县老干部工作汇报材料 2035年度老干部工作汇报」)
    import docx

    document = docx.Document()
    document.add_paragraph("蔚桥县老干部工作汇报材料", style="Title")
    document.add_paragraph("汇报单位：县委老干部局")
    document.add_paragraph(date)
    document.add_paragraph("2035年度老干部工作汇报", style="Title")
    document.add_paragraph("汇报人：县委老干部局局长　殷鹤年")
    body = [
        "一年来，我局围绕中心工作，完成各项任务，新建老干部活动室12个。",
        "下一步，我们将继续做好离退休干部服务管理工作。",
    ]
    for line in body:
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    [speech] = parse_document(read_bytes("汇报.docx", out.getvalue()))
    assert (speech.title, speech.speaker, speech.date) == ("2035年度老干部工作汇报", "殷鹤年", "2036-01")
    assert [p.text for p in speech.paragraphs if p.section != "文件信息"] == body
