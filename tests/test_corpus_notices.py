"""Official notices in tests/fixtures/notices/: each parses to the title, date, speaker, document number,
issuer and headings written beside it, and keeps every body sentence in a passage. A notice laid out as
GB/T 9704 lays one out (tests/fixtures/official/make_official_notices.py), and any generated notice
ending in some of 附件说明, signature, 附注, attachments and 版记, is dated by its signature and keeps its
正文 apart from the rest."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import opencc
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from corpus import (
    HEAD_SECTION,
    MEASURED_MERGE_TO,
    Speech,
    chunk_speech,
    parse_document,
    read_bytes,
    read_document,
    to_simplified,
)
from corpus.conservation import check_conservation

FIXTURES = Path(__file__).parent / "fixtures"
# notices/: the set the policy questions are about; notices-heldout/: written after the rules were
# (its first-run figures are in docs/documents.md).
FILES = sorted(FIXTURES.glob("notices/*.txt")) + sorted(FIXTURES.glob("notices-heldout/*.txt"))
FIELDS = ("title", "subtitle", "date", "speaker", "doc_number", "issuer", "addressee")


def test_there_are_at_least_twenty_notices() -> None:
    assert len(FILES) >= 28
    assert all(f.with_suffix(".json").exists() for f in FILES)


@pytest.mark.parametrize("path", FILES, ids=[f.stem for f in FILES])
def test_notice_metadata_is_read_as_expected(path: Path) -> None:
    expected = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    [speech] = parse_document(read_document(path))
    assert {f: getattr(speech, f) for f in FIELDS} == {f: expected[f] for f in FIELDS}


@pytest.mark.parametrize("path", FILES, ids=[f.stem for f in FILES])
def test_notice_headings_become_sections_in_order(path: Path) -> None:
    expected = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))["sections"]
    [speech] = parse_document(read_document(path))
    seen: list[str] = []
    for paragraph in speech.paragraphs:
        for part in (paragraph.section or "").split(" › "):
            if part and part not in seen:
                seen.append(part)
    standalone = [s for s in seen if s in expected]
    assert standalone == expected


@pytest.mark.parametrize("path", FILES, ids=[f.stem for f in FILES])
def test_notice_keeps_every_body_sentence_once(path: Path) -> None:
    document = read_document(path)
    passages = [d.text for s in parse_document(document) for d in chunk_speech(s)]
    report = check_conservation(document, passages)
    assert report.sentences > 0
    assert report.missing == ()
    assert report.duplicated == ()


# -- the parts of a 红头文件 after its 正文 (GB/T 9704) ---------------------------------------------------

OFFICIAL = FIXTURES / "official"
LAID_OUT = [OFFICIAL / "chongyang_notice.docx", OFFICIAL / "chongyang_notice.gb18030.txt"]


def sections_in_order(speech: Speech) -> list[str]:
    seen: list[str] = []
    for paragraph in speech.paragraphs:
        if paragraph.section and paragraph.section.split(" › ")[0] not in seen:
            seen.append(paragraph.section.split(" › ")[0])
    return seen


@pytest.mark.parametrize("path", LAID_OUT, ids=[p.name for p in LAID_OUT])
def test_a_laid_out_notice_is_dated_by_its_signature_not_its_imprint(path: Path) -> None:
    expected = json.loads(path.with_name(path.name + ".json").read_text(encoding="utf-8"))
    [speech] = parse_document(read_document(path))
    fields = ("title", "doc_number", "date", "speaker", "issuer", "shown_title")
    assert {f: getattr(speech, f) for f in fields} == {f: expected[f] for f in fields}
    assert sections_in_order(speech) == [
        HEAD_SECTION,
        *expected["sections"],
        *expected["attachment_sections"],
    ]


@pytest.mark.parametrize("path", LAID_OUT, ids=[p.name for p in LAID_OUT])
def test_a_laid_out_notice_keeps_its_body_apart_from_its_attachment_list_and_imprint(path: Path) -> None:
    expected = json.loads(path.with_name(path.name + ".json").read_text(encoding="utf-8"))
    document = read_document(path)
    [speech] = parse_document(document)
    drafts = chunk_speech(speech, merge_to=MEASURED_MERGE_TO)
    body = [d for d in drafts if d.section is None or d.section[0] in "一二三四五六七八九十"]
    assert [s for s in expected["sentences"] if sum(s in d.text for d in body) != 1] == []
    assert not any("附件" in d.text or "抄送" in d.text for d in body)
    # the 版记 is in no passage but the 「文件信息」, which holds its 抄送 list and 印发 line as fields
    everything = "".join(d.text for d in drafts if d.section != HEAD_SECTION)
    assert [a for a in expected["absent"] if a in everything] == []
    [head] = [d.text for d in drafts if d.section == HEAD_SECTION]
    assert "抄送：市委办公室，市政府办公室，市人力社保局，市财政局。" in head, head
    assert "印发机关：中共江州市委老干部局办公室。印发日期：2024年10月9日。" in head, head
    sections = {part for d in drafts if d.section for part in d.section.split(" › ")}
    assert sections.isdisjoint(expected["not_sections"])
    assert check_conservation(document, [d.text for d in drafts]).ok


# The 正文 of a generated notice: three sections, their sentences unique.
MAIN = [
    ("一、基本情况", "全市共有离休干部三百二十名。今年新增退休干部一千一百名。"),
    ("二、主要措施", "各单位要落实走访制度，每季度至少走访一次。经费由财政保障；不足部分由单位自筹。"),
    ("三、有关要求", "请于11月30日前报送工作总结。"),
]
issuer_lines = st.lists(
    st.sampled_from(["中共江州市委老干部局", "江州市人力资源和社会保障局"]), max_size=2, unique=True
)
signed_date = st.sampled_from([("2024年10月8日", "2024-10-08"), ("二〇二四年十月八日", "2024-10-08")])
attachment_list = st.sampled_from(
    [
        [],
        ["附件：走访慰问对象名单"],
        ["附件：1．走访慰问对象名单", "　　　2．走访慰问情况统计表"],
        ["附件：", "1．走访慰问对象名单", "2．走访慰问情况统计表"],
    ]
)
notes = st.lists(
    st.sampled_from(["（此件公开发布）", "（联系人：陈晓燕，电话：88961234）"]), max_size=2, unique=True
)
attachments = st.lists(
    st.sampled_from(
        [
            ["附件1", "走访慰问对象名单", "姓名　原单位", "周德明　市供销社"],
            ["附件2", "走访慰问情况统计表"],
            ["附件", "慰问工作说明", "慰问金以现金形式发放，不得以实物代替。"],
        ]
    ),
    max_size=2,
    unique_by=lambda a: a[0],
)
imprints = st.sampled_from(
    [
        [],
        ["抄送：市委办公室，市政府办公室。", "中共江州市委老干部局办公室　　2024年10月9日印发"],
        ["抄送：市委办公室，市政府办公室，", "市财政局。", "中共江州市委老干部局办公室 2024年10月12日印发"],
        ["中共江州市委老干部局办公室　2024年10月9日印发"],
    ]
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(issuer_lines, signed_date, attachment_list, notes, attachments, imprints)
def test_any_notice_tail_leaves_the_date_and_the_body_sentences_alone(
    issuers: list[str],
    signed: tuple[str, str],
    listed: list[str],
    note_lines: list[str],
    attached: list[list[str]],
    imprint: list[str],
) -> None:
    lines = ["江州市委老干部局文件", "江老干〔2024〕12号", "关于做好重阳节走访慰问工作的通知", "各单位："]
    for heading, text in MAIN:
        lines += [heading, text]
    lines += [*listed, *issuers, signed[0], *note_lines]
    for attachment in attached:
        lines += attachment
    lines += imprint
    text = "\n".join(lines) + "\n"
    for encoding in ("gb18030", "utf-16"):
        document = read_bytes("通知.txt", text.encode(encoding))
        [speech] = parse_document(document)
        assert speech.date == signed[1]
        assert speech.doc_number == "江老干〔2024〕12号"
        # the letterhead names it, by its short name; a 落款 naming it in full (「中共…」), with any body beside
        # it, names the issuers (docs61: a joint notice under the lead body's letterhead)
        signed_by = " ".join(issuers) if "中共江州市委老干部局" in issuers else None
        assert speech.issuer == (signed_by or "江州市委老干部局")
        body = [p for p in speech.paragraphs if p.section in {h for h, _ in MAIN}]
        assert [(p.section, p.text) for p in body] == MAIN
        sections = {part for p in speech.paragraphs if p.section for part in p.section.split(" › ")}
        assert not any(s.startswith(("1．", "2．", "抄送")) for s in sections)
        everything = "".join(p.text for p in speech.paragraphs if p.section != HEAD_SECTION)
        assert not any(line in everything for line in imprint)
        # the 版记 is read into the 「文件信息」 passage only, as fields: the 抄送 list whole, the 印发 date
        [head] = [p.text for p in speech.paragraphs if p.section == HEAD_SECTION]
        if imprint:
            copied = "".join(imprint[:-1]).removeprefix("抄送：").rstrip("。")
            assert (f"抄送：{copied}。" in head) is bool(copied), head
            printed_on = imprint[-1].split()[-1].removesuffix("印发")
            assert head.endswith(f"印发机关：中共江州市委老干部局办公室。印发日期：{printed_on}。"), head
        else:
            assert "抄送" not in head and "印发" not in head, head
        drafts = [d.text for d in chunk_speech(speech, merge_to=MEASURED_MERGE_TO)]
        assert check_conservation(document, drafts).ok
        for attachment in attached:
            assert any(p.section and p.section.startswith(attachment[0]) for p in speech.paragraphs)
        listing = [p.text for p in speech.paragraphs if p.section == "附件说明"]
        assert listing == ([" ".join(line.strip("　") for line in listed)] if listed and not attached else [])


SIGNERS = st.lists(
    st.sampled_from(["张为民", "李建华", "欧阳明", "王䶮", "韩立新"]), min_size=1, max_size=2, unique=True
)


@settings(max_examples=25, deadline=None)
@given(
    st.sampled_from(["临老干发〔2024〕15号", "江老干呈〔2023〕3号", "某委老干〔2025〕120号"]),
    SIGNERS,
    st.sampled_from(["　　", " ", "\t", "\n"]),
    st.sampled_from(["签发人：", "签发人:", "签 发 人："]),
)
def test_an_upward_notice_gives_its_number_not_its_signer_to_the_header(
    number: str, signers: list[str], gap: str, label: str
) -> None:
    """An upward document (请示, 报告) prints 「签发人：…」 on its number's line (or under it): before, the
    line was read into the title and the notice had no document number."""
    signer = label + "、".join(signers)
    head = f"{number}\n{signer}" if gap == "\n" else f"{number}{gap}{signer}"
    title = "关于2024年度离退休干部走访慰问工作情况的报告"
    text = f"临江市委老干部局文件\n{head}\n{title}\n市委：\n今年以来，我局认真做好走访慰问工作。现将有关情况报告如下。\n临江市委老干部局\n2024年12月1日\n"
    [speech] = parse_document(read_bytes("报告.txt", text.encode("utf-8")))
    assert (speech.title, speech.doc_number, speech.date) == (title, number, "2024-12-01")
    assert speech.speaker is None
    # the head passage holds the number and the 主送 line 「市委：」 as text, the signer nowhere
    assert [p.text for p in speech.paragraphs] == [
        f"文号：{number}。发文机关：临江市委老干部局。主送：市委。",
        "今年以来，我局认真做好走访慰问工作。现将有关情况报告如下。",
    ]
    assert speech.paragraphs[0].section == HEAD_SECTION


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_an_upward_notice_from_libreoffice_gives_its_number(tmp_path: Path) -> None:
    """The same line as Word sets it (number, tabs, signer at the right), printed by LibreOffice."""
    import docx

    from tests.fixtures.documents.make_fixtures import soffice

    d = docx.Document()
    for text in (
        "临江市委老干部局文件",
        "临老干呈〔2024〕15号\t\t签发人：张为民",
        "关于离退休干部走访慰问工作情况的报告",
        "市委：",
    ):
        d.add_paragraph(text)
    d.add_paragraph("今年以来，我局认真做好走访慰问工作。现将有关情况报告如下。")
    d.add_paragraph("临江市委老干部局")
    d.add_paragraph("2024年12月1日")
    d.save(str(tmp_path / "报告.docx"))
    [speech] = parse_document(read_document(soffice(tmp_path / "报告.docx", "pdf")))
    assert (speech.title, speech.doc_number) == (
        "关于离退休干部走访慰问工作情况的报告",
        "临老干呈〔2024〕15号",
    )


# What GB/T 9704 prints above the letterhead, at the left: 份号, 密级 (with its term), 紧急程度.
HEAD_MARKS = st.lists(
    st.sampled_from(
        [
            "000126",
            "份号：000031",
            "机密★1年",
            "秘密★6个月",
            "绝密",
            "内部",
            "内部资料★注意保存",
            "特急",
            "加急",
        ]
    ),
    min_size=1,
    max_size=3,
)


@settings(max_examples=60, deadline=None)
@given(
    HEAD_MARKS,
    st.booleans(),
    st.sampled_from(
        [
            ["临江市委老干部局文件"],
            ["中共临江市委老干部局", "中共临江市委组织部", "文件"],
            ["临江市委老干部局"],
        ]
    ),
)
def test_copy_number_secrecy_and_urgency_marks_leave_the_header_as_it_reads_without_them(
    marks: list[str], one_line: bool, letterhead: list[str]
) -> None:
    """A 红头 notice's 份号, 密级 and 紧急程度 lines (or the marks on one line) above its letterhead: before,
    they were read into the title (「000126 特急健康体检工作的通知」, the title's first line lost)."""
    title = ["关于开展2025年离退休干部", "健康体检工作的通知"]
    rest = [
        "临老干发〔2025〕8号",
        *title,
        "各县（市、区）委老干部局，市直各单位：",
        "为做好离退休干部医疗保健服务工作，决定开展健康体检。现将有关事项通知如下。",
        "一、体检对象",
        "全市离休干部和享受副县级以上待遇的退休干部。",
        "临江市委老干部局",
        "2025年5月12日",
    ]
    head = ["\u3000".join(marks)] if one_line else marks
    plain = read_bytes("通知.txt", "\n".join([*letterhead, *rest]).encode("utf-8"))
    marked = read_bytes("通知.txt", "\n".join([*head, *letterhead, *rest]).encode("utf-8"))
    [expected] = parse_document(plain)
    [speech] = parse_document(marked)
    assert expected.title == "".join(title)
    assert {f: getattr(speech, f) for f in FIELDS} == {f: getattr(expected, f) for f in FIELDS}
    assert speech.paragraphs == expected.paragraphs


def test_a_reportlab_notice_with_marks_above_its_red_letterhead_reads_its_title(tmp_path: Path) -> None:
    """The same as a PDF: 份号, 密级, 紧急程度 in 16 pt at the left, the red 34 pt letterhead, the number
    over a red rule, a two-line title, and the 版记 between rules."""
    from reportlab.lib.colors import black, red
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    width, height = A4
    left, right, step = 80.0, width - 74.0, 29.0
    path = tmp_path / "通知.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("STSong-Light", 16)
    y = height - 105
    for mark in ("000126", "机密★1年", "特急"):
        c.drawString(left, y, mark)
        y -= step
    c.setFillColor(red)
    c.setFont("STSong-Light", 34)
    c.drawCentredString(width / 2, y - 20, "中共临江市委老干部局文件")
    c.setFillColor(black)
    c.setFont("STSong-Light", 16)
    c.drawCentredString(width / 2, y - 78, "临老干发〔2025〕8号")
    c.setStrokeColor(red)
    c.line(left, y - 90, right, y - 90)
    c.setFont("STSong-Light", 22)
    c.drawCentredString(width / 2, y - 150, "关于开展2025年离退休干部")
    c.drawCentredString(width / 2, y - 180, "健康体检工作的通知")
    c.setFont("STSong-Light", 16)
    y -= 240
    for text in (
        "各县（市、区）委老干部局，市直各单位：",
        "　　为做好离退休干部医疗保健服务工作，决定开展健康体检。",
    ):
        c.drawString(left, y, text)
        y -= step
    c.drawRightString(right - 64, y - step, "中共临江市委老干部局")
    c.drawRightString(right - 64, y - 2 * step, "2025年5月12日")
    c.setStrokeColor(black)
    c.setFont("STSong-Light", 14)
    for offset, text in ((0, "抄送：市委办公室，市政府办公室。"), (step, "中共临江市委老干部局办公室")):
        c.line(left, 150 - offset + step, right, 150 - offset + step)
        c.drawString(left + 14, 150 - offset + 8, text)
    c.drawRightString(right - 14, 150 - step + 8, "2025年5月12日印发")
    c.line(left, 150 - step, right, 150 - step)
    c.save()
    [speech] = parse_document(read_document(path))
    assert (speech.title, speech.doc_number, speech.date) == (
        "关于开展2025年离退休干部健康体检工作的通知",
        "临老干发〔2025〕8号",
        "2025-05-12",
    )
    assert [p.text for p in speech.paragraphs] == [
        "文号：临老干发〔2025〕8号。发文机关：中共临江市委老干部局。主送：各县（市、区）委老干部局，市直各单位。"
        "抄送：市委办公室，市政府办公室。印发机关：中共临江市委老干部局办公室。印发日期：2025年5月12日。",
        "为做好离退休干部医疗保健服务工作，决定开展健康体检。",
    ]  # the 版记 between its rules in the head passage's fields, never in the body


CONTACTS = [
    "联系人：局办公室　何晓梅，电话：0597-8812 4401；",
    "市档案馆征集编研科　唐建国，电话：0597-8856 1123；",
    "市老干部活动中心　吴建华，手机：139 0577 6612。",
]


@settings(max_examples=30, deadline=None)
@given(
    st.integers(min_value=1, max_value=3),
    st.sampled_from(["simplified", "traditional"]),
    st.sampled_from(["gb18030", "big5", "utf-8"]),
    st.booleans(),
)
def test_contact_lines_before_the_signature_are_notes_in_either_script(
    count: int, script: str, encoding: str, signed: bool
) -> None:
    """「联系人：…」 and the further contacts under it (a name or office and a number on each line) are the
    notice's 附注, in simplified or traditional script: before, a second contact line kept them all in the
    last section's passage, and a traditional 「聯繫人：」 was never a note."""
    assume(encoding != "big5" or script == "traditional")  # Big5 holds traditional characters only
    contacts = CONTACTS[:count]
    lines = ["关于征集离退休干部口述历史资料的通知", "各单位："]
    for heading, text in MAIN:
        lines += [heading, text]
    lines += contacts
    if signed:
        lines += ["中共江州市委老干部局", "二〇二六年四月十日"]
    text = "\n".join(lines) + "\n"
    if script == "traditional":
        text = opencc.OpenCC("s2t").convert(text)
    if encoding == "big5":
        text = text.replace("〇", "○")  # Big5 has no 〇: documents type a circle
    document = read_bytes("通知.txt", text.encode(encoding))
    [speech] = parse_document(document)
    notes = [p.text for p in speech.paragraphs if p.section == "附注"]
    if signed:
        assert [to_simplified(n) for n in notes] == [to_simplified(c).replace("　", "") for c in contacts]
        assert speech.date == "2026-04-10"
    else:  # notes alone, with no signature, stay body text
        assert notes == []
    headings = {h for h, _ in MAIN}
    body = [(to_simplified(p.section or ""), to_simplified(p.text)) for p in speech.paragraphs]
    if signed:
        assert [(h, t) for h, t in body if h in headings] == MAIN  # the last section holds no contact
    drafts = [d.text for d in chunk_speech(speech, merge_to=MEASURED_MERGE_TO)]
    assert check_conservation(document, drafts).ok


CONTACT_HEADINGS = ["四、联系方式", "四、联系人", "四、咨询电话", "四、联系方式和报送地址"]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.integers(min_value=1, max_value=3),
    st.sampled_from(CONTACT_HEADINGS),
    st.sampled_from(["simplified", "traditional"]),
    st.sampled_from(["txt", "docx"]),
)
def test_contact_lines_under_a_heading_of_their_own_are_that_sections_text(
    tmp_path_factory: pytest.TempPathFactory, count: int, heading: str, script: str, producer: str
) -> None:
    """A notice whose last numbered section is its contact (「四、联系方式」 over 「联系人：…」, then the
    signature) keeps that heading and cites the contact under it. Before, the contact lines were taken as
    the 附注 GB/T 9704 prints under the signature: the heading was left over nothing and lost, and the
    contact was cited as 「附注」 (a newcomer's notice, in .docx, PDF and .doc alike)."""
    contacts = CONTACTS[:count]
    convert = opencc.OpenCC("s2t").convert if script == "traditional" else str
    parts: list[tuple[str, str]] = [("title", "关于征集离退休干部口述历史资料的通知"), ("body", "各单位：")]
    for number, text in MAIN:
        parts += [("heading1", number), ("body", text)]
    parts += [("heading1", heading), *[("body", c) for c in contacts]]
    parts += [("body", "中共江州市委老干部局"), ("body", "二〇二六年四月十日")]
    parts = [(kind, convert(text)) for kind, text in parts]
    if producer == "docx":
        from tests.fixtures.corpus_writers import write_docx

        path = tmp_path_factory.mktemp("contact") / "通知.docx"
        write_docx(parts, path, author="江州市委老干部局")
        document = read_document(path)
    else:
        document = read_bytes("通知.txt", ("\n".join(text for _, text in parts) + "\n").encode("utf-8"))
    [speech] = parse_document(document)
    body = [
        (to_simplified(p.section or ""), to_simplified(p.text).replace("　", "")) for p in speech.paragraphs
    ]
    assert [t for h, t in body if h == heading] == [to_simplified(c).replace("　", "") for c in contacts]
    assert not [t for h, t in body if h == "附注"]
    assert (to_simplified(speech.issuer or ""), speech.date) == ("中共江州市委老干部局", "2026-04-10")
    drafts = [d.text for d in chunk_speech(speech, merge_to=MEASURED_MERGE_TO)]
    assert check_conservation(document, drafts).ok
