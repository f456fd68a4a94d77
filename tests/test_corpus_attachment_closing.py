"""An attachment's own 落款 (docs/read65.md, item 1): a notice forwarded as another's attachment closes with its
issuer and date (「溧岚县书画协会」 over 「2034年5月26日」). main ran them into the attachment's last section, one
passage under 「二、义卖所得」 (「溧岚县书画协会2034年5月26日」); now they are the attachment's closing lines, one
passage under the attachment's label, the 落款 rule run on each attachment as on the notice.

Files: ``tests/fixtures/attachment_closing/notice.python-docx.docx`` (python-docx) and its LibreOffice Writer
exports ``notice.writer.pdf`` and ``notice.writer.txt``; ``forward.eml`` (Python's email package, the notice
attached as a message); all made by ``make_attachment_closing.py`` there. cold37's forwarded mail is the
blind set's case.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from corpus import check_conservation, chunk_speech, parse_document, read_bytes, read_document
from tests.fixtures.attachment_closing.make_attachment_closing import (
    ATTACHMENT_BODY,
    ATTACHMENT_SIGNATURE,
    ATTACHMENT_TITLE,
)

HERE = Path(__file__).parent / "fixtures" / "attachment_closing"
LABEL = f"附件 {ATTACHMENT_TITLE}"


@pytest.mark.parametrize(
    "name", ["notice.python-docx.docx", "notice.writer.pdf", "notice.writer.txt", "forward.eml"]
)
def test_an_attachments_own_signature_is_its_closing_passage(name: str) -> None:
    path = HERE / name
    document = read_bytes(path.name, path.read_bytes())
    [speech] = parse_document(document)
    attached = [p for p in speech.paragraphs if p.section and p.section.startswith(LABEL)]
    assert attached[-1].text == "　".join(ATTACHMENT_SIGNATURE)
    assert attached[-1].section == LABEL  # not the last section's (「… › 二、义卖所得」)
    assert attached[-2].text == ATTACHMENT_BODY[-1]  # the last section's sentence alone
    assert speech.date == "2034-05-30"  # the notice's (or the mail's) own date, not the attachment's
    assert "书画协会" not in (speech.issuer or "")
    assert check_conservation(document, [p.text for p in speech.paragraphs]).ok


def test_the_blind_sets_forwarded_notice_closes_with_its_issuer_and_date() -> None:
    # cold37: the attached notice's 「溧岚县志愿服务联合会」「2034年4月25日」 was a passage of 「四、联系方式」
    path = (
        Path(__file__).parent.parent
        / "benchmarks"
        / "corpus-cold37"
        / "转发：溧岚县银龄志愿服务积分兑换有关事项.eml"
    )
    [speech] = parse_document(read_document(path))
    label = "附件 关于银龄志愿服务积分兑换有关事项的通知"
    assert (speech.paragraphs[-1].text, speech.paragraphs[-1].section) == (
        "溧岚县志愿服务联合会　2034年4月25日",
        label,
    )
    assert speech.paragraphs[-2].text == "四、联系方式。县志愿服务联合会秘书处祁文斌，电话0519-8763306。"
    assert [c for c in chunk_speech(speech) if "2034年4月25日" in c.text]  # searchable


_SECTIONS = [
    "一、活动时间。2034年6月18日上午9时。",
    "二、活动地点。县老干部活动中心一楼展厅。",
    "三、报名方式。请各支部汇总后报县书画协会秘书处，逾期不再受理。",
    "四、其他事项。参展作品须为本人原创，义卖价格由作者自定。",
]
_ISSUERS = ["溧岚县书画协会", "溧岚县志愿服务联合会", "中共溧岚县委老干部局办公室"]
_DATES = ["2034年5月26日", "二〇三四年五月二十六日"]
_NOTE = "（联系人：祁文斌，电话：0519-8763306）"


def _docx(lines: list[str]) -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph(lines[0], style="Title")
    for line in lines[1:]:
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@settings(max_examples=40, deadline=None)
@given(
    sections=st.integers(min_value=1, max_value=4),
    issuer=st.sampled_from(_ISSUERS),
    date=st.sampled_from(_DATES),
    shape=st.sampled_from(["both", "one line", "issuer", "date"]),
    note=st.booleans(),
    fmt=st.sampled_from(["docx", "txt"]),
)
def test_an_attachment_closing_is_kept_whole_once_and_after_its_body(
    sections: int, issuer: str, date: str, shape: str, note: bool, fmt: str
) -> None:
    # property: whatever the attachment's sections, whatever its 落款 holds (issuer and date on two lines or one,
    # either alone) and with a 附注 under it or not: every sentence once and in order, the 落款 one passage
    # under the attachment's label, after its last sentence and before its note
    closing = {"both": [issuer, date], "one line": [f"{issuer}　{date}"], "issuer": [issuer], "date": [date]}
    lines = [
        "关于转发县书画协会通知的通知",
        "各离退休干部党支部：",
        "现将县书画协会的通知转发给你们，请认真组织老同志参加。",
        "附件：关于开展银龄书画义卖活动的通知",
        "中共溧岚县委老干部局",
        "2034年5月30日",
        "附件",
        ATTACHMENT_TITLE,
        *_SECTIONS[:sections],
        *closing[shape],
        *([_NOTE] if note else []),
    ]
    data = _docx(lines) if fmt == "docx" else "\n".join(lines).encode()
    document = read_bytes(f"通知.{fmt}", data)
    [speech] = parse_document(document)
    attached = [p for p in speech.paragraphs if p.section and p.section.startswith(LABEL)]
    texts = [p.text for p in attached]
    expected_closing = "　".join(closing["both"] if shape == "one line" else closing[shape])
    assert texts == [*_SECTIONS[:sections], expected_closing, *([_NOTE] if note else [])]
    assert attached[sections].section == LABEL
    assert check_conservation(document, [p.text for p in speech.paragraphs]).ok


# Review of read65, item 1: lines straight under an attachment's last heading are that section's content, never
# the attachment's 落款 — read65 took a last section holding only a unit list or a date for the closing and
# dropped its heading (「二、联合主办单位」 over 「县委老干部局」「县民政局」「县书画协会」).
_HEAD = [
    "关于转发县书画协会通知的通知",
    "各离退休干部党支部：",
    "现将县书画协会的通知转发给你们，请认真组织老同志参加。",
    "附件：关于开展银龄书画义卖活动的通知",
    "中共溧岚县委老干部局",
    "2034年5月30日",
    "附件",
    ATTACHMENT_TITLE,
    "一、活动地点。县老干部活动中心一楼展厅。",
]
_LAST_SECTIONS = {
    "units": ("二、联合主办单位", ["县委老干部局", "县民政局", "县书画协会"]),
    "date": ("二、报名截止时间", ["2034年6月10日"]),
    "issuer": ("二、主办单位", ["溧岚县书画协会"]),
    "colon": ("二、活动时间：", ["2034年6月18日"]),
    "issuer and date": ("二、承办单位", ["溧岚县书画协会", "2034年5月26日"]),
}


def _heading_docx(lines: list[str], headings: set[str]) -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph(lines[0], style="Title")
    for line in lines[1:]:
        document.add_paragraph(line, style="Heading 2" if line in headings else None)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.mark.parametrize("fmt", ["txt", "docx"])
@pytest.mark.parametrize("shape", sorted(_LAST_SECTIONS))
def test_a_last_sections_content_is_never_taken_for_the_attachments_closing(shape: str, fmt: str) -> None:
    heading, content = _LAST_SECTIONS[shape]
    lines = [*_HEAD, heading, *content]
    data = _heading_docx(lines, {heading}) if fmt == "docx" else "\n".join(lines).encode()
    document = read_bytes(f"通知.{fmt}", data)
    [speech] = parse_document(document)
    last = speech.paragraphs[-1]
    assert last.section is not None and last.section.endswith(heading.rstrip("：")), last  # the heading kept
    assert [line in last.text for line in content] == [True] * len(content)
    assert check_conservation(document, [p.text for p in speech.paragraphs]).ok


@settings(max_examples=40, deadline=None)
@given(
    shape=st.sampled_from(sorted(_LAST_SECTIONS)),
    sections=st.integers(min_value=0, max_value=2),
    signed=st.booleans(),
    fmt=st.sampled_from(["docx", "txt"]),
)
def test_no_heading_or_line_of_an_attachment_is_lost(
    shape: str, sections: int, signed: bool, fmt: str
) -> None:
    # property: whatever the attachment's last section holds (units, a date, an issuer, both) and whether a
    # 落款 follows a sentence under it: every heading is a passage's section and every line is read
    # left out: a lone unit name under a heading with a section after it, which main's section rule reads as
    # an unnumbered heading of its own, in place of its numbered one (docs/mend65r.md, left)
    assume(not (signed and shape == "issuer"))
    heading, content = _LAST_SECTIONS[shape]
    sentence = "三、报名方式。请各支部于6月10日前报名。"  # a section after it, then the 落款
    body = [*_SECTIONS[1 : 1 + sections], heading, *content, *([sentence] if signed else [])]
    closing = ["溧岚县书画协会", "2034年5月26日"] if signed else []
    lines = [*_HEAD, *body, *closing]
    data = _heading_docx(lines, {heading}) if fmt == "docx" else "\n".join(lines).encode()
    document = read_bytes(f"通知.{fmt}", data)
    [speech] = parse_document(document)
    attached = [p for p in speech.paragraphs if p.section and p.section.startswith(LABEL)]
    sections_read = {part for p in attached for part in p.section.split(" › ")}
    assert heading.rstrip("：") in {s.rstrip("：") for s in sections_read}
    read = "".join(p.text for p in attached)
    for line in [*_HEAD[-1:], *body]:  # each line a passage's text or its section's heading
        assert line in read or line.rstrip("：") in {s.rstrip("：") for s in sections_read}, (line, attached)
    if signed:  # a 落款 after a sentence is still the attachment's closing passage
        assert (attached[-1].text, attached[-1].section) == ("　".join(closing), LABEL)
    assert check_conservation(document, [p.text for p in speech.paragraphs]).ok
